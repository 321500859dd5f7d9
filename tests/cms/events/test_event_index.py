"""The event overview: upcoming and past events apart, drafts never listed."""

import datetime

from django.utils import timezone

from cms.events.models import PAST_EVENTS_PER_PAGE, EventIndexPage
from tests.factories import EventPageFactory
from tests.utils import create_page_in_admin


def test_event_index_created_in_the_admin_is_live_and_shown(admin_client, home_page):
    page = create_page_in_admin(
        admin_client,
        EventIndexPage,
        home_page,
        {
            "title": "Termine",
            "slug": "termine",
            "introduction": "Alle Workshops auf einen Blick.",
        },
    )

    assert page.live
    response = admin_client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Termine</h1>" in content
    assert "Alle Workshops auf einen Blick." in content
    assert 'href="/de/termine/ics/"' in content


def test_upcoming_and_past_events_are_listed_apart(client, event_index):
    now = timezone.now()
    later = EventPageFactory(
        parent=event_index,
        title="Zweiter Workshop",
        start=now + datetime.timedelta(days=9),
    )
    soon = EventPageFactory(
        parent=event_index,
        title="Erster Workshop",
        start=now + datetime.timedelta(days=2),
    )
    running = EventPageFactory(
        parent=event_index,
        title="Läuft gerade",
        start=now - datetime.timedelta(hours=1),
    )
    old = EventPageFactory(
        parent=event_index, title="Auftakt", start=now - datetime.timedelta(days=60)
    )
    recent = EventPageFactory(
        parent=event_index, title="Rückblick", start=now - datetime.timedelta(days=3)
    )
    EventPageFactory(parent=event_index, title="Entwurf kommend", live=False)
    EventPageFactory(
        parent=event_index,
        title="Entwurf vergangen",
        start=now - datetime.timedelta(days=5),
        live=False,
    )

    response = client.get(event_index.url)

    assert response.status_code == 200
    assert response.context["upcoming_events"] == [running, soon, later]
    assert list(response.context["past_events"]) == [recent, old]
    content = response.content.decode()
    upcoming_section = content.split('id="upcoming-heading"')[1].split(
        'id="past-heading"'
    )[0]
    past_section = content.split('id="past-heading"')[1]
    assert "Erster Workshop" in upcoming_section
    assert "Auftakt" not in upcoming_section
    assert "Auftakt" in past_section
    assert "Erster Workshop" not in past_section
    assert "Entwurf" not in content


def test_past_events_are_paginated(client, event_index):
    start = timezone.now() - datetime.timedelta(days=400)
    for day in range(PAST_EVENTS_PER_PAGE + 1):
        EventPageFactory(parent=event_index, start=start + datetime.timedelta(days=day))

    first = client.get(event_index.url)
    second = client.get(event_index.url, {"page": "2"})
    garbage = client.get(event_index.url, {"page": "zwei"})

    assert len(first.context["past_events"]) == PAST_EVENTS_PER_PAGE
    assert second.status_code == 200
    assert len(second.context["past_events"]) == 1
    assert garbage.status_code == 200
    assert garbage.context["past_events"].number == 1
