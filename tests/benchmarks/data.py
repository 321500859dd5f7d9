"""The data the benchmarks run on: the demo site plus many more news and events."""

import datetime

from django.utils import timezone

from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage
from home.demo.builder import load_demo
from home.models import HomePage


def build_site(extra):
    """Load the demo, add `extra` news items and events, and return the pages to time."""
    load_demo()
    home = HomePage.objects.get()
    field = FieldPage.objects.live().order_by("path").first()
    news_index = NewsIndexPage.objects.get()
    event_index = EventIndexPage.objects.get()
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
    project = ProjectPage.objects.get()
    event = EventPage.objects.live().order_by("path").first()
    news = NewsPage.objects.live().order_by("path").first()
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
    ]
