"""An event: validated, created in the admin and shown with place and time."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import rich_text

from cms.events.models import EventPage
from tests.factories import EventPageFactory
from tests.utils import add_page_url, create_page_in_admin, post_page_form

# A page instance looks up its content type, so even the unit tests need the db.
pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
START = datetime.datetime(2030, 2, 23, 18, 30, tzinfo=BERLIN)


def event(**fields):
    values = {
        "title": "Workshop Mobilität",
        "slug": "workshop-mobilitaet",
        "start": START,
        "end": START + datetime.timedelta(hours=2),
        "description": "<p>Ideen sammeln.</p>",
        "format": EventPage.ONLINE,
    }
    values.update(fields)
    return EventPage(**values)


def clean_errors(page):
    with pytest.raises(ValidationError) as error:
        page.clean()
    with translation.override("en"):
        return error.value.message_dict


def test_valid_online_event_passes_clean():
    event().clean()


def test_end_before_start_is_rejected():
    errors = clean_errors(event(end=START - datetime.timedelta(hours=1)))
    assert errors == {"end": ["The end must be after the start."]}


def test_end_equal_to_start_is_rejected():
    assert list(clean_errors(event(end=START))) == ["end"]


@pytest.mark.parametrize("event_format", [EventPage.ON_SITE, EventPage.HYBRID])
def test_event_with_a_place_needs_a_venue_or_street(event_format):
    errors = clean_errors(event(format=event_format))
    assert errors == {
        "venue_name": ["Give the venue or the address of an on-site event."]
    }


@pytest.mark.parametrize(
    "place", [{"venue_name": "Rathaus"}, {"street": "Bismarckstraße 6"}]
)
def test_venue_or_street_is_enough_for_an_on_site_event(place):
    event(format=EventPage.ON_SITE, **place).clean()


def test_both_errors_are_reported_together():
    errors = clean_errors(event(format=EventPage.ON_SITE, end=START))
    assert set(errors) == {"end", "venue_name"}


def test_address_line_and_format_flags():
    page = event(
        format=EventPage.HYBRID,
        venue_name="Ratssaal",
        street="Bismarckstraße 6",
        postcode="25421",
        city="Pinneberg",
    )
    assert page.address_line == "Ratssaal, Bismarckstraße 6, 25421 Pinneberg"
    assert page.is_online and page.has_place
    assert not event().has_place


def event_form(**fields):
    data = {
        "title": "Workshop Mobilität",
        "slug": "workshop-mobilitaet",
        "start": "23.02.2030 18:30",
        "end": "23.02.2030 20:30",
        "workshop_round": "1",
        "format": EventPage.HYBRID,
        "online_note": "Ein Rechner mit Kamera genügt.",
        "venue_name": "Ratssaal",
        "street": "Bismarckstraße 6",
        "postcode": "25421",
        "city": "Pinneberg",
        "description": rich_text("<p>Wir sammeln Ideen für den Verkehr.</p>"),
        "audience": "Alle, die in Pinneberg unterwegs sind",
    }
    data.update(fields)
    return data


def test_event_created_in_the_admin_is_live_and_shown(
    admin_client, event_index, field_page
):
    page = create_page_in_admin(
        admin_client,
        EventPage,
        event_index,
        event_form(field_of_action=str(field_page.pk)),
    )

    assert page.live
    assert page.start == START
    assert page.end == START + datetime.timedelta(hours=2)
    assert page.field_of_action == field_page
    assert page.url == "/de/veranstaltungen/workshop-mobilitaet/"

    response = admin_client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Workshop Mobilität</h1>" in content
    assert "Wir sammeln Ideen für den Verkehr." in content
    assert "Alle, die in Pinneberg unterwegs sind" in content
    assert "Ratssaal" in content and "25421 Pinneberg" in content
    assert "Ein Rechner mit Kamera genügt." in content
    assert '<time datetime="2030-02-23T18:30:00+01:00">' in content
    assert f'<a href="{field_page.url}">Mobilität</a>' in content
    assert 'href="/de/veranstaltungen/workshop-mobilitaet/ics/"' in content


def test_admin_refuses_an_on_site_event_without_place(admin_client, event_index):
    response = post_page_form(
        admin_client,
        add_page_url(EventPage, event_index),
        event_form(format=EventPage.ON_SITE, venue_name="", street=""),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["venue_name"]
    assert not EventPage.objects.exists()


def test_admin_refuses_an_event_that_ends_before_it_starts(admin_client, event_index):
    response = post_page_form(
        admin_client,
        add_page_url(EventPage, event_index),
        event_form(end="23.02.2030 17:00"),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["end"]
    assert not EventPage.objects.exists()


def test_past_event_is_marked_as_past(client, event_index):
    page = EventPageFactory(
        parent=event_index,
        start=datetime.datetime(2022, 2, 23, 18, 30, tzinfo=BERLIN),
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.is_past
    assert "notice--past" in response.content.decode()


def test_upcoming_event_is_not_marked_as_past(client, event_index):
    page = EventPageFactory(parent=event_index)

    response = client.get(page.url)

    assert not page.is_past
    assert "notice--past" not in response.content.decode()
