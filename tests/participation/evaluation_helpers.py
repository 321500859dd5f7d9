"""Factories and fixtures of the evaluation and measure tests: an evaluation
process with criteria and stages, evaluators, measures."""

import factory
import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from participation.models import (
    EvaluationCriterion,
    EvaluationProcess,
    EvaluationStage,
    Measure,
    MeasureFieldOfAction,
    MeasureProgress,
)

NORDERSTEDT = [
    ("Mehrwert für die Stadt", 2),
    ("Überschaubare Komplexität", 1),
    ("Ökologische Nachhaltigkeit", 1),
    ("Ökonomische Nachhaltigkeit", 1),
    ("Soziale Nachhaltigkeit", 1),
]


def make_process(collections=(), criteria=None, stages=None, **fields):
    """A saved process with the given criteria (name, weight[, min, max]) and
    stages (names), in that order."""
    process = EvaluationProcess.objects.create(
        title=fields.pop("title", "Ideencheck"), **fields
    )
    process.collections.set(collections)
    process.save()
    for position, spec in enumerate(criteria or NORDERSTEDT):
        name, weight, *scale = spec
        scale_min, scale_max = scale or (0, 5)
        EvaluationCriterion.objects.create(
            process=process,
            name=name,
            weight=weight,
            scale_min=scale_min,
            scale_max=scale_max,
            sort_order=position,
        )
    for position, name in enumerate(
        stages or ["Smart-City-Thema", "Passt zum Leitbild", "Schlussprüfung"]
    ):
        EvaluationStage.objects.create(process=process, name=name, sort_order=position)
    return process


class MeasureFactory(factory.django.DjangoModelFactory):
    """A measure in the default language."""

    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    description = "<p>Eine Maßnahme der Smart-City-Strategie.</p>"
    responsible_unit = "Fachdienst Stadtentwicklung"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            for position, page in enumerate(extracted):
                MeasureFieldOfAction.objects.create(
                    measure=self, page=page, sort_order=position
                )

    @factory.post_generation
    def progress(self, create, extracted, **kwargs):
        if create and extracted:
            for position, (date, text) in enumerate(extracted):
                MeasureProgress.objects.create(
                    measure=self,
                    date=date,
                    text=text,
                    locale=self.locale,
                    sort_order=position,
                )


def make_staff(django_user_model, username, group, language="en", **names):
    user = django_user_model.objects.create_user(
        username=username,
        password=f"{username}-passwort",
        email=f"{username}@stadt.example.org",
        **names,
    )
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def evaluator(django_user_model):
    """A member of the "Evaluators" group, using the admin in English."""
    return make_staff(
        django_user_model, "bewerterin", "Evaluators", first_name="Eva", last_name="A"
    )


@pytest.fixture
def other_evaluator(django_user_model):
    return make_staff(
        django_user_model, "bewerter", "Evaluators", first_name="Otto", last_name="B"
    )
