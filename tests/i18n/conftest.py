"""Fixtures of the language tests: the locales set up from the settings, a
field page that shows an idea collection and a comment stream, and a helper
that translates a page through wagtail-localize's translation memory."""

import re

import pytest
from wagtail.models import Locale

from cms.core.localize import translate_from_strings
from tests.factories import FieldPageFactory
from tests.participation.factories import (
    CommentStreamFactory,
    IdeaCollectionFactory,
)

SLUG = re.compile(r"^[a-z0-9-]+$")


@pytest.fixture
def english(locale):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def arabic(locale):
    return Locale.objects.get(language_code="ar")


def english_text(text):
    """A recognisable stand-in translation; slugs stay as they are."""
    return text if SLUG.match(text) else f"EN {text}"


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate(instance, locale, {source: translation}) -> the translation;
    strings not given get english_text()."""

    def run(instance, locale, strings=None, publish=True):
        from cms.core.localize import source_strings

        table = {text: english_text(text) for text in source_strings(instance)}
        table.update(strings or {})
        with django_capture_on_commit_callbacks(execute=True):
            return translate_from_strings(instance, locale, table, publish=publish)

    return run


@pytest.fixture
def collection(db):
    return IdeaCollectionFactory(title="Mobilität – Ideen")


@pytest.fixture
def stream(db):
    return CommentStreamFactory(title="Mobilität – Diskussion")


@pytest.fixture
def participation_page(project_page, collection, stream):
    """A field page whose body shows the idea collection and the stream."""
    return FieldPageFactory(
        parent=project_page,
        title="Digitale Mobilität",
        slug="digitale-mobilitaet",
        introduction="Wie wir uns künftig bewegen.",
        body=[
            {
                "type": "idea_collection",
                "value": {
                    "heading": "Ihre Ideen",
                    "intro": "Was sollte sich ändern?",
                    "collection": collection.pk,
                },
            },
            {
                "type": "comment_stream",
                "value": {
                    "heading": "Diskussion",
                    "intro": "Fragen und Hinweise.",
                    "stream": stream.pk,
                },
            },
        ],
    )


@pytest.fixture
def english_site(translate, english, home_page, project_page, participation_page):
    """Home, project and field page translated into English and published."""
    home = translate(home_page, english)
    project = translate(project_page, english)
    field = translate(
        participation_page,
        english,
        {
            "Digitale Mobilität": "Digital mobility",
            "Ihre Ideen": "Your ideas",
            "Diskussion": "Discussion",
        },
    )
    return {"home": home, "project": project, "field": field}
