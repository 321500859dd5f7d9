"""Registering in real Chromium: a citizen registers for a demo workshop with
the keyboard, confirms from the e-mail, sees the details for registrants on her
own page (never on the public one) and cancels."""

import re

import pytest
from django.core import mail

from cms.events.models import EventPage
from participation.models import Registration, RegistrationList

from .test_participation_journey import press, tab_to, tick, type_into

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def workshop(demo_site, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page = EventPage.objects.get(slug="werkstattgespraech-parken-und-laden")
    registration_list = RegistrationList.objects.get(page=page)
    assert registration_list.seats_left > 0
    return demo_site, page, registration_list


def test_register_confirm_and_cancel(workshop, new_page):
    base, event, registration_list = workshop
    seats_before = registration_list.seats_left
    details = registration_list.registrant_details
    video_link = re.search(r"https://\S+", details).group(0)
    sent_before = len(mail.outbox)

    citizen = new_page()
    citizen.goto(base + event.url)
    assert video_link not in citizen.content()
    section = citizen.locator("#registration")
    assert f"Noch {seats_before} Plätze frei" in section.inner_text()

    form = section.locator("form")
    type_into(citizen, form.locator("[name=name]"), "Greta Hansen")
    type_into(citizen, form.locator("[name=email]"), "greta@example.org")
    first_group = form.locator("[name=group]").first
    tab_to(citizen, first_group)
    citizen.keyboard.press("Space")
    assert first_group.is_checked()
    tick(citizen, form.locator("[name=consent]"))
    press(citizen, form.locator("button[type=submit]"))

    assert "E-Mail geschickt" in citizen.locator(".messages").inner_text()
    registration = Registration.objects.get(email="greta@example.org")
    assert registration.status == "pending"
    assert registration.language == "de"
    [message] = mail.outbox[sent_before:]
    assert message.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    link = re.search(
        r"https?://\S+?(/de/beteiligung/anmeldung/bestaetigen/\S+?/)", message.body
    )

    # Open the link from the mail: confirmed, with the details on her own page.
    citizen.goto(base + link.group(1))
    assert citizen.get_by_role("heading", level=1).inner_text() == "Ihre Anmeldung"
    assert "bestätigt" in citizen.content()
    assert video_link in citizen.content()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    confirmed = mail.outbox[-1]
    assert confirmed.subject.startswith("Anmeldung bestätigt")
    assert video_link in confirmed.body
    assert confirmed.attachments[0][0] == "event.ics"
    registration_list.refresh_from_db()
    assert registration_list.seats_left == seats_before - 1

    # Cancel with the keyboard.
    press(citizen, citizen.get_by_role("button", name="Meine Anmeldung stornieren"))
    assert "storniert" in citizen.locator(".messages").inner_text()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    registration_list.refresh_from_db()
    assert registration_list.seats_left == seats_before
    assert mail.outbox[-1].subject.startswith("Anmeldung storniert")
    assert citizen.problems == []
