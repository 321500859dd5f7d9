"""Calendar downloads (RFC 5545) of one event and of the whole event overview."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from cms.events.ical import PRODID
from cms.events.models import EventPage
from tests.factories import EventPageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LONG_DESCRIPTION = (
    "<p>Im Workshop sammeln Bürgerinnen und Bürger, Unternehmen, Vereine und die "
    "Verwaltung Ideen für eine Mobilität, die klimafreundlich, bezahlbar und für "
    "alle zugänglich ist – von Radwegen über Busse bis zu Sharing-Angeboten.</p>"
)


@pytest.fixture
def workshop(event_index, field_page):
    start = datetime.datetime(2030, 2, 23, 18, 30, tzinfo=BERLIN)
    return EventPageFactory(
        parent=event_index,
        title="Workshop Mobilität – Runde 1",
        slug="workshop-mobilitaet-1",
        start=start,
        end=start + datetime.timedelta(hours=2),
        format=EventPage.HYBRID,
        venue_name="Ratssaal",
        street="Bismarckstraße 6",
        postcode="25421",
        city="Pinneberg",
        online_note="Ein Rechner oder Telefon mit Kamera und Headset genügt.",
        description=LONG_DESCRIPTION,
        field_of_action=field_page,
    )


def test_event_calendar_file_is_an_attachment(client, workshop):
    response = client.get(workshop.url + "ics/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="workshop-mobilitat-runde-1.ics"'
    )


def test_event_calendar_file_has_one_complete_event(client, workshop):
    response = client.get(workshop.url + "ics/")

    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    entry = events[0]
    assert str(entry["UID"]) == f"event-{workshop.translation_key}@testserver"
    assert entry.decoded("DTSTAMP").tzinfo is not None
    assert entry.decoded("DTSTART") == workshop.start
    assert entry.decoded("DTEND") == workshop.end
    assert entry.decoded("DTSTART") == datetime.datetime(
        2030, 2, 23, 18, 30, tzinfo=BERLIN
    )
    assert str(entry["SUMMARY"]) == "Workshop Mobilität – Runde 1"
    assert str(entry["LOCATION"]) == "Ratssaal, Bismarckstraße 6, 25421 Pinneberg"
    assert str(entry["URL"]) == "http://testserver" + workshop.url
    description = str(entry["DESCRIPTION"])
    assert description.startswith("Im Workshop sammeln Bürgerinnen und Bürger")
    assert "Ein Rechner oder Telefon mit Kamera und Headset genügt." in description
    assert description.endswith("http://testserver" + workshop.url)
    assert "<p>" not in description


def test_online_event_has_online_as_location(client, event_index):
    page = EventPageFactory(parent=event_index, format=EventPage.ONLINE)

    calendar = Calendar.from_ical(client.get(page.url + "ics/").content)

    assert str(calendar.walk("VEVENT")[0]["LOCATION"]) == "Online"


def test_calendar_file_follows_rfc_5545_line_rules(client, workshop):
    raw = client.get(workshop.url + "ics/").content

    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    # Every line ends with CRLF: no bare LF and no bare CR.
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert raw.count(b"\r") == raw.count(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    # Lines are folded at 75 octets, without splitting a UTF-8 character.
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")
    continuations = [line for line in lines if line.startswith(b" ")]
    assert len(continuations) >= 3
    unfolded = raw.replace(b"\r\n ", b"")
    assert "Verwaltung Ideen für eine Mobilität".encode() in unfolded


def test_event_index_calendar_lists_every_live_event(client, event_index, workshop):
    earlier = EventPageFactory(
        parent=event_index,
        title="Auftakt",
        start=datetime.datetime(2030, 1, 10, 19, 0, tzinfo=BERLIN),
    )
    past = EventPageFactory(
        parent=event_index,
        title="Vorjahrestreffen",
        start=datetime.datetime(2021, 11, 1, 18, 0, tzinfo=BERLIN),
    )
    EventPageFactory(parent=event_index, title="Noch geheim", live=False)

    response = client.get(event_index.url + "ics/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="veranstaltungen.ics"'
    )
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen"
    entries = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in entries] == [
        "Vorjahrestreffen",
        "Auftakt",
        "Workshop Mobilität – Runde 1",
    ]
    assert [e.decoded("DTSTART") for e in entries] == [
        past.start,
        earlier.start,
        workshop.start,
    ]
    assert len({str(e["UID"]) for e in entries}) == 3
    assert b"Noch geheim" not in response.content


def test_uid_stays_the_same_across_downloads_and_edits(client, workshop):
    first = Calendar.from_ical(client.get(workshop.url + "ics/").content)
    workshop.title = "Workshop Mobilität (verschoben)"
    workshop.save_revision().publish()

    second = Calendar.from_ical(client.get(workshop.url + "ics/").content)

    assert str(first.walk("VEVENT")[0]["UID"]) == str(second.walk("VEVENT")[0]["UID"])
    assert str(second.walk("VEVENT")[0]["SUMMARY"]) == workshop.title
