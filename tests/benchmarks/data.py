"""The data the benchmarks run on: the demo site plus many more news and events."""

import datetime

from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage
from home.demo.builder import load_demo
from home.models import HomePage
from participation.models import (
    CommentStream,
    Idea,
    IdeaCollection,
    Measure,
    MeasureSource,
    RegistrationList,
)


def build_site(extra, ideas=1000, comments=10000):
    """Load the demo, add `extra` news items and events, fill one field page with
    `ideas` ideas and `comments` comments, and return the pages to time."""
    load_demo()
    german = Locale.get_default()
    home = HomePage.objects.get(locale=german)
    field = FieldPage.objects.live().filter(locale=german).order_by("path").first()
    news_index = NewsIndexPage.objects.get(locale=german)
    event_index = EventIndexPage.objects.get(locale=german)
    now = timezone.now()
    for number in range(extra):
        news = NewsPage(
            title=f"Benchmark-Meldung {number}",
            slug=f"benchmark-meldung-{number}",
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=number),
            teaser="Eine zusätzliche Meldung für die Messung.",
            field_of_action=field,
        )
        news_index.add_child(instance=news)
        news.save_revision().publish()
        start = now + datetime.timedelta(days=number - extra // 2, hours=1)
        event = EventPage(
            title=f"Benchmark-Termin {number}",
            slug=f"benchmark-termin-{number}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            description="<p>Ein zusätzlicher Termin für die Messung.</p>",
            field_of_action=field,
        )
        event_index.add_child(instance=event)
        event.save_revision().publish()
    call_command("seed_participation", ideas=ideas, comments=comments, random_seed=1)
    collection = (
        IdeaCollection.objects.annotate(size=Count("ideas")).order_by("-size").first()
    )
    seeded_page = Page.objects.get(pk=collection.page_id).specific
    stream = CommentStream.objects.filter(page=seeded_page, idea__isnull=True).first()
    busiest = (
        Idea.objects.visible()
        .filter(collection=collection)
        .order_by("-comment_count", "pk")
        .first()
    )
    project = ProjectPage.objects.get(locale=german)
    event = EventPage.objects.live().filter(locale=german).order_by("path").first()
    news = NewsPage.objects.live().filter(locale=german).order_by("path").first()
    registration_event = (
        RegistrationList.objects.filter(is_enabled=True).first().page.specific
    )
    english_field = field.get_translation(Locale.objects.get(language_code="en"))
    arabic_home = home.get_translation(Locale.objects.get(language_code="ar"))
    measure = (
        Measure.objects.filter(
            locale=german,
            translation_key__in=MeasureSource.objects.values("measure_key"),
        )
        .order_by("pk")
        .first()
    )
    return [
        ("home page", home.url),
        ("project page", project.url),
        ("field page", field.url),
        ("event index", event_index.url),
        ("event page", event.url),
        ("event calendar feed", event_index.url + "ics/"),
        ("news index", news_index.url),
        ("news page", news.url),
        ("news feed", news_index.url + "feed/"),
        (f"field page, {ideas} ideas", seeded_page.url),
        (
            "field page, most supported",
            f"{seeded_page.url}?ideas{collection.pk}-sort=supported",
        ),
        ("stream, first page", f"{seeded_page.url}?comments{stream.pk}-page=1"),
        ("stream, page 50", f"{seeded_page.url}?comments{stream.pk}-page=50"),
        ("idea page, busiest", reverse("participation:idea_detail", args=[busiest.pk])),
        ("moderation queue (admin)", reverse("participation_moderation:index")),
        ("event page with registration", registration_event.url),
        ("field page in English", english_field.url),
        ("home page in Arabic", arabic_home.url),
        ("catalogue of measures", reverse("participation:catalogue")),
        (
            "measure page",
            reverse("participation:measure_detail", args=[measure.translation_key]),
        ),
    ]
