"""Registrations and subscriptions in the demo: registration is switched on for
the workshop talk on the parking and charging pilot (seats left) and for an
online workshop on digital services of the town hall, which is fully booked
and has a waiting list. A few addresses subscribe to announcements.

Everything is written directly, as confirmed, so loading the demo sends no
e-mail. A page that takes registrations already is left alone, so a second run
changes nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.utils import timezone

from cms.events.models import EventPage
from participation.models import (
    Registration,
    RegistrationList,
    Subscription,
)
from participation.registrations import sync_registration_list

from . import content as c

BERLIN = ZoneInfo("Europe/Berlin")
GROUPS = [
    "Bürgerin oder Bürger",
    "Ortsansässiges Unternehmen",
    "Verein oder Verband",
    "Stadtverwaltung",
    "Sonstiges",
]
VIDEO_LINK = "https://video.example.org/pinneberg-smart-city"

ONLINE_WORKSHOP = {
    "title": "Online-Werkstatt: Bürgerdienste digital",
    "slug": "online-werkstatt-buergerdienste-digital",
    "days_ahead": 28,
    "search_description": (
        "Online-Werkstatt im Handlungsfeld Verwaltung: Welche Wege ins Rathaus "
        "sollen künftig auch digital gehen?"
    ),
    "description": (
        "<p>Termine buchen, Anträge stellen, den Stand eines Anliegens verfolgen: "
        "In den Workshops zur Verwaltung wünschten sich viele, mehr davon von zu "
        "Hause aus erledigen zu können. In dieser Online-Werkstatt ordnen wir die "
        "Vorschläge und fragen, was zuerst kommen soll.</p><p>Damit alle zu Wort "
        "kommen, ist die Zahl der Plätze begrenzt. Ist die Werkstatt ausgebucht, "
        "setzen wir Sie auf die Warteliste und melden uns, sobald ein Platz frei "
        "wird.</p>"
    ),
}

# name, demo address, group (index into GROUPS), accessibility needs
PEOPLE = [
    ("Anja Petersen", "demo-anmeldung-1@example.org", 0, ""),
    ("Kai Lorenzen", "demo-anmeldung-2@example.org", 1, ""),
    ("Birte Hansen", "demo-anmeldung-3@example.org", 2, ""),
    ("Jens Carstensen", "demo-anmeldung-4@example.org", 3, ""),
    ("Merle Jacobsen", "demo-anmeldung-5@example.org", 0, "Untertitel im Video"),
    ("Ole Thomsen", "demo-anmeldung-6@example.org", 0, ""),
    ("Frauke Brandt", "demo-anmeldung-7@example.org", 4, ""),
    ("Hauke Martens", "demo-anmeldung-8@example.org", 1, ""),
    ("Wiebke Sievers", "demo-anmeldung-9@example.org", 0, ""),
    ("Lars Ehlers", "demo-anmeldung-10@example.org", 2, ""),
    ("Silke Wulf", "demo-anmeldung-11@example.org", 0, ""),
]

SUBSCRIBERS = [
    ("demo-abo-1@example.org", True, True, None),
    ("demo-abo-2@example.org", True, False, None),
    ("demo-abo-3@example.org", False, True, "mobility"),
    ("demo-abo-4@example.org", True, True, "administration"),
]


def load_demo_registrations(events_index, fields):
    """Switch on registration for the demo workshops and add registrations and
    subscriptions; returns the number of items created."""
    created = 0
    talk = (
        EventPage.objects.child_of(events_index)
        .filter(slug=c.UPCOMING_EVENTS[1]["slug"])
        .first()
    )
    if talk is not None:
        created += open_registration(
            talk,
            capacity=30,
            details=(
                f"Im Ratssaal: bitte den Eingang Musterstraße nehmen. Online: "
                f"{VIDEO_LINK}/werkstattgespraech (Zugang ab 17:45 Uhr)."
            ),
            people=PEOPLE[:5],
        )
    workshop, new = ensure_online_workshop(events_index, fields)
    created += int(new)
    created += open_registration(
        workshop,
        capacity=8,
        details=f"Videokonferenz: {VIDEO_LINK}/werkstatt (Zugang ab 17:45 Uhr).",
        people=PEOPLE,
    )
    created += add_subscribers(fields)
    return created


def ensure_online_workshop(index, fields):
    existing = (
        EventPage.objects.child_of(index).filter(slug=ONLINE_WORKSHOP["slug"]).first()
    )
    if existing is not None:
        return existing, False
    day = timezone.localdate() + datetime.timedelta(days=ONLINE_WORKSHOP["days_ahead"])
    page = EventPage(
        title=ONLINE_WORKSHOP["title"],
        slug=ONLINE_WORKSHOP["slug"],
        search_description=ONLINE_WORKSHOP["search_description"],
        field_of_action=fields.get("administration"),
        start=datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=BERLIN),
        end=datetime.datetime.combine(day, datetime.time(20, 0), tzinfo=BERLIN),
        format=EventPage.ONLINE,
        online_note=c.ONLINE_NOTE,
        description=ONLINE_WORKSHOP["description"],
        audience=c.WORKSHOP_AUDIENCE,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk), True


def open_registration(page, capacity, details, people):
    """Switch registration on (once) and register people in order: seats first,
    then the waiting list."""
    if page.registration_enabled:
        return 0
    page.registration_enabled = True
    page.registration_capacity = capacity
    page.registration_groups = "\n".join(GROUPS)
    page.registrant_details = details
    page.save_revision().publish()
    registration_list = sync_registration_list(page)
    now = timezone.now()
    waiting = 0
    for number, (name, email, group, needs) in enumerate(people):
        seat = number < capacity
        if not seat:
            waiting += 1
        Registration.objects.create(
            registration_list=registration_list,
            name=name,
            email=email,
            group=GROUPS[group],
            accessibility_needs=needs,
            language="de",
            status=Registration.Status.CONFIRMED
            if seat
            else Registration.Status.WAITING,
            position=None if seat else waiting,
            created_at=now - datetime.timedelta(days=10, hours=-number),
            confirmed_at=now - datetime.timedelta(days=10, hours=-number),
        )
    recount(registration_list)
    return len(people)


def recount(registration_list):
    counts = registration_list.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    RegistrationList.objects.filter(pk=registration_list.pk).update(
        confirmed_count=counts["confirmed"], waiting_count=counts["waiting"]
    )


def add_subscribers(fields):
    created = 0
    now = timezone.now()
    for email, events, news, field in SUBSCRIBERS:
        if Subscription.objects.filter(email=email).exists():
            continue
        subscription = Subscription.objects.create(
            email=email,
            language="de",
            wants_events=events,
            wants_news=news,
            all_topics=field is None,
            confirmed_at=now,
        )
        if field and field in fields:
            subscription.topics.create(topic_key=fields[field].translation_key)
        created += 1
    return created
