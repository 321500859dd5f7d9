"""The home page: featured project and phase, next events, latest news, field cards."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import rich_text, streamfield

from home.models import HOME_EVENT_COUNT, HOME_NEWS_COUNT, HomePage
from tests.factories import (
    EventPageFactory,
    FieldPageFactory,
    ImageFactory,
    NewsPageFactory,
    ProjectPageFactory,
)
from tests.utils import create_page_in_admin


def test_home_page_created_in_the_admin_is_live_and_served_as_site_root(
    admin_client, locale
):
    root = Page.get_first_root_node()
    page = create_page_in_admin(
        admin_client,
        HomePage,
        root,
        {
            "title": "Startseite",
            "slug": "start",
            "hero_title": "Pinneberg wird smart",
            "introduction": rich_text("<p>Machen Sie <b>mit</b>!</p>"),
            "body": streamfield(
                [
                    (
                        "quote",
                        {
                            "text": "Eine Stadt für alle.",
                            "attribution": "Bürgermeisterin",
                        },
                    )
                ]
            ),
        },
    )
    assert page.live
    assert page.locale == locale
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()

    response = admin_client.get("/de/")

    assert response.status_code == 200
    assert response.context["page"] == page
    content = response.content.decode()
    assert "Pinneberg wird smart" in content
    assert "Machen Sie <b>mit</b>!" in content
    assert "Eine Stadt für alle." in content
    assert "Bürgermeisterin" in content


def test_home_page_shows_project_phase_events_news_and_fields(
    client, home_page, project_page, field_page, event_index, news_index
):
    second_field = FieldPageFactory(
        parent=project_page, title="Umwelt", card_image=ImageFactory()
    )
    FieldPageFactory(parent=project_page, title="Feld im Entwurf", live=False)
    now = timezone.now()
    events = [
        EventPageFactory(
            parent=event_index,
            title=f"Workshop am Tag {n}",
            start=now + datetime.timedelta(days=n),
            field_of_action=field_page,
        )
        for n in range(1, HOME_EVENT_COUNT + 2)
    ]
    EventPageFactory(
        parent=event_index, title="Schon vorbei", start=now - datetime.timedelta(days=3)
    )
    today = timezone.localdate()
    news = [
        NewsPageFactory(
            parent=news_index,
            title=f"Meldung vom Tag {n}",
            date=today - datetime.timedelta(days=n),
        )
        for n in range(HOME_NEWS_COUNT + 1)
    ]
    NewsPageFactory(parent=news_index, title="Unveröffentlicht", live=False)
    home_page.featured_project = project_page
    home_page.save_revision().publish()

    response = client.get("/de/")

    assert response.status_code == 200
    assert response.context["project"] == project_page
    assert response.context["fields_of_action"] == [field_page, second_field]
    assert response.context["next_events"] == events[:HOME_EVENT_COUNT]
    assert response.context["latest_news"] == news[:HOME_NEWS_COUNT]
    content = response.content.decode()
    assert f'<a href="{project_page.url}">Smart. Smarter. Musterstadt?!</a>' in content
    assert "<strong>Beteiligungsphase</strong>" in content
    assert "Bestandsanalyse" in content and "Strategieentwicklung" in content
    assert f'<a href="{field_page.url}">Mobilität</a>' in content
    assert f'<a href="{second_field.url}">Umwelt</a>' in content
    for event in events[:HOME_EVENT_COUNT]:
        assert f'<a href="{event.url}">{event.title}</a>' in content
    assert events[-1].title not in content
    for item in news[:HOME_NEWS_COUNT]:
        assert f'<a href="{item.url}">{item.title}</a>' in content
    assert news[-1].title not in content
    for hidden in ("Feld im Entwurf", "Schon vorbei", "Unveröffentlicht"):
        assert hidden not in content
    assert f'href="{event_index.url}"' in content
    assert f'href="{news_index.url}"' in content


def test_featured_project_wins_over_the_newest_project(home_page, project_page):
    newer = ProjectPageFactory(parent=home_page, title="Neueres Projekt")
    assert home_page.get_project() == newer

    home_page.featured_project = project_page

    assert home_page.get_project() == project_page


def test_unpublished_featured_project_falls_back_to_the_newest_live_one(
    home_page, project_page
):
    draft = ProjectPageFactory(parent=home_page, title="Entwurf", live=False)
    home_page.featured_project = draft

    assert home_page.get_project() == project_page


def test_home_page_without_project_events_or_news_renders(client, home_page):
    response = client.get("/de/")

    assert response.status_code == 200
    assert response.context["project"] is None
    assert response.context["fields_of_action"] == []
    assert response.context["next_events"] == []
    assert response.context["latest_news"] == []
    assert "<h1" in response.content.decode()
