"""factory_boy factories for every page type, phases, images and documents.

Pages are created the way an editor's publish leaves them: with a revision, and
published (first/last published dates, live revision) unless `live=False`.
Every page factory needs `parent=`.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from cms.core.models import StandardPage
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage, ProjectPhase
from home.models import HomePage


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Bild {n}")
    collection = factory.LazyFunction(root_collection)


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Dokument {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="protokoll.pdf", data=b"%PDF-1.4\n")


class BasePageFactory(wagtail_factories.PageFactory):
    """Saves a revision of every page and publishes it unless `live=False`."""

    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags", ())
        instance = model_class(**kwargs)
        if tags:
            instance.tags.add(*tags)
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if instance.live:
            revision.publish()
            instance.refresh_from_db()
        return instance


class HomePageFactory(BasePageFactory):
    title = "Startseite"
    hero_title = "Gemeinsam die digitale Stadt gestalten"
    introduction = "<p>Hier entsteht die Smart-City-Strategie.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    introduction = "Ein kurzer Einstieg."

    class Meta:
        model = StandardPage


class ProjectPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Strategieprojekt {n}")
    summary = "Die Stadt schreibt ihre Smart-City-Strategie mit ihren Bürgern."
    start_date = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=365)
    )

    class Meta:
        model = ProjectPage


class ProjectPhaseFactory(factory.django.DjangoModelFactory):
    """A phase; give `page=` (a saved ProjectPage)."""

    name = factory.Sequence(lambda n: f"Phase {n}")
    start_date = factory.LazyFunction(timezone.localdate)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProjectPhase


class FieldPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    introduction = "Worum es in diesem Handlungsfeld geht."

    class Meta:
        model = FieldPage


class EventIndexPageFactory(BasePageFactory):
    title = "Veranstaltungen"
    introduction = "Alle Workshops und Termine."

    class Meta:
        model = EventIndexPage


def next_week_evening():
    day = timezone.localdate() + datetime.timedelta(days=7)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 30)))


class EventPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    start = factory.LazyFunction(next_week_evening)
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    format = EventPage.ONLINE
    description = "<p>Wir sammeln Ideen.</p>"

    class Meta:
        model = EventPage


class NewsIndexPageFactory(BasePageFactory):
    title = "Aktuelles"
    introduction = "Neuigkeiten aus dem Strategieprozess."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(BasePageFactory):
    """A news item; `tags=["Workshop"]` sets its tags before it is published."""

    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.LazyFunction(timezone.localdate)
    teaser = "Kurz gesagt: es geht voran."

    class Meta:
        model = NewsPage
