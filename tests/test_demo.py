"""The demo site of Pinneberg: complete, idempotent, and every page renders."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cms.core.models import SiteBranding, StandardPage, validate_brand_colour
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage
from home.demo import load_demo
from home.models import HomePage
from tests.factories import StandardPageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
GERMAN = {"locale__language_code": "de"}  # the demo also has translations
FIELDS = [
    "Mobilität",
    "Wirtschaft",
    "Verwaltung",
    "Lebens- und Wohnumfeld mit Gesundheit",
    "Zusammenleben, Bildung und Kultur",
]
FIRST_ROUND = [
    datetime.date(2022, 2, 23),
    datetime.date(2022, 2, 28),
    datetime.date(2022, 3, 1),
    datetime.date(2022, 3, 2),
    datetime.date(2022, 3, 3),
]


@pytest.fixture
def demo(db):
    """The demo loaded once into the empty database the migrations leave."""
    assert load_demo() > 0
    return HomePage.objects.get(**GERMAN)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "latest_revisions": dict(Page.objects.values_list("pk", "latest_revision")),
        "branding": list(SiteBranding.objects.values()),
    }


def test_demo_builds_the_whole_site(demo):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo
    assert demo.url == "/de/"
    project = ProjectPage.objects.get(**GERMAN)
    assert project.get_parent().specific == demo
    assert demo.featured_project == project

    fields = list(FieldPage.objects.child_of(project).order_by("path"))
    assert [field.title for field in fields] == FIELDS

    workshops = EventPage.objects.filter(workshop_round__isnull=False, **GERMAN)
    assert workshops.count() == 10
    for field, day in zip(fields, FIRST_ROUND, strict=True):
        rounds = workshops.filter(field_of_action=field).order_by("start")
        assert [event.workshop_round for event in rounds] == [1, 2]
        first = rounds[0]
        assert first.start == datetime.datetime.combine(
            day, datetime.time(18, 30), tzinfo=BERLIN
        )
        assert first.end > first.start
        first.clean()

        results = [block.value for block in field.interim_results]
        assert [result["round"] for result in results] == [1]
        assert len(results[0]["documents"]) >= 1

    assert NewsPage.objects.live().filter(**GERMAN).count() >= 4
    standard_pages = StandardPage.objects.filter(**GERMAN)
    assert set(standard_pages.values_list("title", flat=True)) == {
        "Impressum",
        "Datenschutz",
        "Erklärung zur Barrierefreiheit",
        "Grundsätze der Zusammenarbeit",
        "Maßnahmenkatalog",
    }
    assert EventIndexPage.objects.filter(**GERMAN).count() == 1
    assert NewsIndexPage.objects.filter(**GERMAN).count() == 1
    assert not Page.objects.filter(depth__gt=1, live=False).exists()
    assert not Page.objects.filter(depth__gt=1, latest_revision__isnull=True).exists()
    # Wagtail's welcome page is gone.
    assert Page.objects.filter(depth=2, **GERMAN).count() == 1

    branding = SiteBranding.for_site(site)
    assert branding.municipality_name == "Stadt Pinneberg"
    validate_brand_colour(branding.primary_colour)
    assert [link.value["label"] for link in branding.footer_links] == [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
        "Grundsätze der Zusammenarbeit",
    ]


def test_running_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert snapshot() == before
    assert out.getvalue() == "Demo content is already there; nothing changed.\n"
    assert load_demo() == 0


def test_every_demo_page_renders(demo, client):
    urls = [page.url for page in Page.objects.live().specific() if page.depth > 1]
    assert len(urls) == Page.objects.filter(depth__gt=1).count()

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    for event in EventPage.objects.live():
        response = client.get(event.url + "ics/")
        assert response.status_code == 200, event.url
    news_index = NewsIndexPage.objects.get(**GERMAN)
    assert client.get(news_index.url + "feed/").status_code == 200
    event_index = EventIndexPage.objects.get(**GERMAN)
    assert client.get(event_index.url + "ics/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/de/search/", {"q": "Mobilität"}).status_code == 200


def test_demo_keeps_an_existing_home_page(home_page):
    load_demo()

    home = HomePage.objects.get(**GERMAN)
    assert home == home_page
    assert home.title == "Startseite"
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
    assert ProjectPage.objects.child_of(home).count() == 1


def test_demo_refuses_to_replace_a_page_of_another_type(home_page):
    StandardPageFactory(parent=home_page, title="Aktuelles", slug="aktuelles")

    with pytest.raises(CommandError, match="slug 'aktuelles'"):
        load_demo()

    assert not ProjectPage.objects.exists()
