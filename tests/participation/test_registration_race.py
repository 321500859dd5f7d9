"""Fifty people confirm their registration for the last ten seats at the same
moment (PostgreSQL, threads): exactly ten get a seat, forty go onto the
waiting list in order, nobody is lost or counted twice."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Locale, Page

from participation import registrations as reg
from participation.models import Registration, RegistrationList

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
]

PEOPLE = 50
SEATS_LEFT = 10


def event_list(capacity):
    """A registration list of its own page. Transactional tests empty the
    database, so the locale and the root page are made here if missing."""
    locale, _ = Locale.objects.get_or_create(language_code="de")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    page = root.add_child(
        instance=Page(title="Workshop", slug="workshop-race", locale=locale)
    )
    start = timezone.now() + datetime.timedelta(days=7)
    return RegistrationList.objects.create(
        page=page,
        title="Workshop",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        capacity=capacity,
    )


def test_fifty_people_for_ten_seats():
    registration_list = event_list(capacity=20)
    # ten seats are taken already
    for n in range(10):
        result = reg.register(
            registration_list,
            name=f"Früh {n}",
            email=f"early{n}@example.org",
            language="de",
        )
        reg.confirm_registration(reg.make_token(result.registration, reg.CONFIRM))
    tokens = []
    for n in range(PEOPLE):
        result = reg.register(
            registration_list,
            name=f"Person {n}",
            email=f"p{n}@example.org",
            language="de",
        )
        tokens.append(reg.make_token(result.registration, reg.CONFIRM))

    barrier = threading.Barrier(PEOPLE)
    errors = []

    def confirm(token):
        try:
            barrier.wait()
            reg.confirm_registration(token)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    late = Registration.objects.filter(email__startswith="p")
    confirmed = late.filter(status="confirmed")
    waiting = late.filter(status="waiting").order_by("position")
    assert confirmed.count() == SEATS_LEFT
    assert waiting.count() == PEOPLE - SEATS_LEFT
    assert list(waiting.values_list("position", flat=True)) == list(
        range(1, PEOPLE - SEATS_LEFT + 1)
    )
    assert not late.filter(status="pending").exists()
    registration_list.refresh_from_db()
    assert registration_list.confirmed_count == 20
    assert registration_list.waiting_count == PEOPLE - SEATS_LEFT
    assert Registration.objects.filter(status="confirmed").count() == 20

    # everyone who was confirmed earlier than a waiting person confirmed first:
    # the waiting list is in the order of confirmation
    times = list(waiting.values_list("confirmed_at", flat=True))
    assert times == sorted(times)
