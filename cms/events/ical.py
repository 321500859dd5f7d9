"""iCalendar (RFC 5545) files for events, written with the icalendar library."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vText

PRODID = "-//Stadtdialog//Events//DE"


def event_description(event, url):
    """Plain text for the calendar entry: description, online note, link back."""
    parts = [strip_tags(event.description).strip()]
    if event.is_online and event.online_note:
        parts.append(event.online_note.strip())
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def build_calendar(events, request, name):
    """A VCALENDAR with one VEVENT per event page; times in UTC, stable UIDs."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0] if request else "stadtdialog"
    stamp = timezone.now()
    for event in events:
        url = event.get_full_url(request)
        entry = Event()
        entry.add("uid", f"event-{event.translation_key}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end)
        entry.add("summary", event.title)
        entry.add("description", event_description(event, url))
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        if event.has_place and event.address_line:
            entry.add("location", vText(event.address_line))
        elif event.is_online:
            entry.add("location", vText("Online"))
        if url:
            entry.add("url", url)
        calendar.add_component(entry)
    return calendar
