"""A field of action: created in the admin, showing its own events and news only."""

import datetime

from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from cms.strategy.models import FieldPage
from tests.factories import (
    DocumentFactory,
    EventPageFactory,
    FieldPageFactory,
    ImageFactory,
    NewsPageFactory,
)
from tests.utils import create_page_in_admin, list_block


def test_field_page_created_in_the_admin_is_live_and_shown(admin_client, project_page):
    minutes = DocumentFactory(title="Protokoll Workshop 1")
    card = ImageFactory(title="Radweg")

    page = create_page_in_admin(
        admin_client,
        FieldPage,
        project_page,
        {
            "title": "Bildung und Kultur",
            "slug": "bildung-und-kultur",
            "introduction": "Lernen und Kultur erleben, digital und vor Ort.",
            "card_image": card.pk,
            "challenges": rich_text("<p>Schulen brauchen schnelles Internet.</p>"),
            "body": streamfield(
                [("heading", {"text": "Worum es geht", "level": "h2"})]
            ),
            "interim_results": streamfield(
                [
                    (
                        "result",
                        {
                            "round": "1",
                            "title": "Ergebnisse der ersten Runde",
                            "text": rich_text("<p>Viele Ideen für Bibliotheken.</p>"),
                            "documents": list_block([minutes.pk]),
                        },
                    )
                ]
            ),
        },
    )

    assert page.live
    assert page.card_image == card
    assert page.get_share_image() == card
    result = page.interim_results[0].value
    assert result["round"] == 1
    assert list(result["documents"]) == [minutes]

    response = admin_client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Bildung und Kultur</h1>" in content
    assert "Lernen und Kultur erleben, digital und vor Ort." in content
    assert "Schulen brauchen schnelles Internet." in content
    assert "Worum es geht" in content
    assert "Ergebnisse der ersten Runde" in content
    assert "Viele Ideen für Bibliotheken." in content
    assert minutes.url in content
    assert "Protokoll Workshop 1" in content


def test_field_page_lists_only_its_own_events_and_news(
    client, project_page, field_page, event_index, news_index
):
    other_field = FieldPageFactory(parent=project_page, title="Umwelt")
    now = timezone.now()
    upcoming = EventPageFactory(
        parent=event_index, title="Mobilität: Workshop 2", field_of_action=field_page
    )
    past = EventPageFactory(
        parent=event_index,
        title="Mobilität: Workshop 1",
        field_of_action=field_page,
        start=now - datetime.timedelta(days=10),
    )
    EventPageFactory(
        parent=event_index, title="Umwelt: Workshop", field_of_action=other_field
    )
    EventPageFactory(
        parent=event_index,
        title="Mobilität: Entwurf",
        field_of_action=field_page,
        live=False,
    )
    EventPageFactory(parent=event_index, title="Allgemeiner Termin")
    news = NewsPageFactory(
        parent=news_index, title="Neue Radwege", field_of_action=field_page
    )
    NewsPageFactory(parent=news_index, title="Bäume", field_of_action=other_field)
    NewsPageFactory(
        parent=news_index,
        title="Radwege-Entwurf",
        field_of_action=field_page,
        live=False,
    )

    response = client.get(field_page.url)

    assert response.status_code == 200
    assert response.context["upcoming_events"] == [upcoming]
    assert response.context["past_events"] == [past]
    assert response.context["news_items"] == [news]
    content = response.content.decode()
    assert "Mobilität: Workshop 2" in content
    assert "Mobilität: Workshop 1" in content
    assert "Neue Radwege" in content
    for title in ("Umwelt: Workshop", "Allgemeiner Termin", "Bäume", "Entwurf"):
        assert title not in content


def test_field_page_shows_at_most_five_news_items_newest_first(
    client, field_page, news_index
):
    today = timezone.localdate()
    items = [
        NewsPageFactory(
            parent=news_index,
            field_of_action=field_page,
            date=today - datetime.timedelta(days=n),
        )
        for n in range(7)
    ]

    response = client.get(field_page.url)

    assert response.context["news_items"] == items[:5]
