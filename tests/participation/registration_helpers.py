"""Helpers of the registration, subscription and follow tests: an event page
with registration switched on, form data as a browser posts it, and the links
read from the mails that were sent."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from tests.factories import EventPageFactory

from .conftest import timestamp


def registration_event(parent, capacity=2, **kwargs):
    """A live event next week that takes registrations."""
    start = kwargs.pop("start", timezone.now() + datetime.timedelta(days=7))
    defaults = {
        "title": "Workshop Mobilität",
        "registration_enabled": True,
        "registration_capacity": capacity,
        "registrant_details": "Videokonferenz: https://video.example.org/raum-42",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
    }
    defaults.update(kwargs)
    return EventPageFactory(parent=parent, **defaults)


def registration_data(**overrides):
    data = {
        "name": "Erika Muster",
        "email": "erika@example.org",
        "group": "0",
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        "form_timestamp": timestamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


LINK = re.compile(r"https?://\S+?/(?:de|en)/beteiligung/[^\s\"<>]+/")


def links_in(message):
    return LINK.findall(message.body)


def link_in(message, part):
    """The first link of a mail whose path contains `part`."""
    for link in links_in(message):
        if part in link:
            return "/" + link.split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"no link with {part!r} in {message.body}")


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]
