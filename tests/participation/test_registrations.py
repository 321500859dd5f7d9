"""Registration for events: the life cycle from the form on the event page to
confirming, the waiting list, cancelling, reminders and deletion after the
event, and bad input on the form."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from participation import registrations as reg
from participation.models import OutboxMail, Registration, RegistrationList

from .conftest import messages_of, url
from .registration_helpers import (
    link_in,
    mails_to,
    registration_data,
    registration_event,
)

pytestmark = pytest.mark.django_db

DETAILS = "https://video.example.org/raum-42"


@pytest.fixture
def event(event_index):
    return registration_event(event_index, capacity=2)


@pytest.fixture
def reg_list(event):
    return RegistrationList.objects.get(page=event)


def post_registration(client, event, capture, **overrides):
    reg_list = RegistrationList.objects.get(page_id=event.pk)
    with capture(execute=True):
        return client.post(
            url("register", reg_list.pk, event.pk), registration_data(**overrides)
        )


def register_and_confirm(client, event, capture, email, name="Erika Muster"):
    post_registration(client, event, capture, email=email, name=name)
    confirm = link_in(mails_to(email)[-1], "/anmeldung/bestaetigen/")
    with capture(execute=True):
        response = client.get(confirm)
    assert response.status_code == 302
    return Registration.objects.get(email=email, status__in=["confirmed", "waiting"])


def test_publishing_creates_the_list_from_the_page(event, reg_list):
    assert reg_list.capacity == 2
    assert reg_list.title == "Workshop Mobilität"
    assert reg_list.starts_at == event.start
    assert reg_list.registrant_details.endswith("raum-42")


def test_event_page_shows_seats_and_form_but_never_the_details(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="registration"' in html
    assert "2 Plätze frei" in html or "2 seats left" in html
    assert DETAILS not in html
    assert 'name="email"' in html


def test_page_without_registration_shows_no_form(client, event_index):
    page = registration_event(event_index, registration_enabled=False)
    html = client.get(page.url).content.decode()
    assert 'id="registration"' not in html
    assert not RegistrationList.objects.filter(page=page).exists()


def test_register_stores_pending_and_sends_link(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    response = post_registration(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"].endswith("#registration")
    registration = Registration.objects.get()
    assert registration.status == "pending"
    assert registration.language == "en"
    # stored in the default language, whatever the language of the form
    assert registration.group == "Bürgerin oder Bürger"
    [message] = mail.outbox
    assert message.to == ["erika@example.org"]
    assert "/anmeldung/bestaetigen/" in message.body
    assert DETAILS not in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    reg_list.refresh_from_db()
    assert reg_list.confirmed_count == 0  # counts only once confirmed
    assert OutboxMail.objects.get().status == "sent"


def test_mail_is_in_the_language_of_registration(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("register", reg_list.pk, event.pk, lang="de"), registration_data()
        )
    assert Registration.objects.get().language == "de"
    assert "Bitte bestätigen Sie Ihre Anmeldung" in mail.outbox[0].subject
    assert "/de/beteiligung/anmeldung/bestaetigen/" in mail.outbox[0].body


def test_confirm_gives_a_seat_with_ics_and_details(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    registration = register_and_confirm(
        client, event, django_capture_on_commit_callbacks, "erika@example.org"
    )
    assert registration.status == "confirmed"
    reg_list.refresh_from_db()
    assert reg_list.confirmed_count == 1
    confirmed = mail.outbox[-1]
    assert DETAILS in confirmed.body
    [(filename, content, mimetype)] = confirmed.attachments
    assert filename == "event.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and "Workshop Mobilit" in content
    assert DETAILS in content.replace("\r\n ", "")
    manage = link_in(confirmed, "/anmeldung/")
    page = client.get(manage)
    assert page.status_code == 200
    assert DETAILS in page.content.decode()


def test_replayed_confirmation_link_is_refused(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    post_registration(client, event, django_capture_on_commit_callbacks)
    confirm = link_in(mail.outbox[0], "/anmeldung/bestaetigen/")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(confirm)
        again = client.get(confirm)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    reg_list.refresh_from_db()
    assert reg_list.confirmed_count == 1


def test_expired_confirmation_link_is_refused(
    client, event, reg_list, django_capture_on_commit_callbacks, settings
):
    post_registration(client, event, django_capture_on_commit_callbacks)
    confirm = link_in(mail.outbox[0], "/anmeldung/bestaetigen/")
    settings.PARTICIPATION_LINK_VALID_DAYS = 0
    response = client.get(confirm)
    assert response.status_code == 410
    assert Registration.objects.get().status == "pending"


def test_forged_links_are_refused(client, event):
    assert client.get(url("registration_confirm", "nonsense")).status_code == 400
    assert client.get(url("registration_manage", "nonsense")).status_code == 400


def test_full_event_puts_people_on_the_waiting_list_in_order(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    for n in range(4):
        register_and_confirm(client, event, capture, f"p{n}@example.org")
    statuses = {r.email: (r.status, r.position) for r in Registration.objects.all()}
    assert statuses["p0@example.org"] == ("confirmed", None)
    assert statuses["p1@example.org"] == ("confirmed", None)
    assert statuses["p2@example.org"] == ("waiting", 1)
    assert statuses["p3@example.org"] == ("waiting", 2)
    waiting_mail = mails_to("p2@example.org")[-1]
    assert "waiting list" in waiting_mail.subject
    assert DETAILS not in waiting_mail.body
    html = client.get(event.url).content.decode()
    assert "Fully booked" in html or "Ausgebucht" in html
    assert "p2@example.org" not in html and "Erika" not in html


def test_cancellation_moves_the_first_person_up(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    first = register_and_confirm(client, event, capture, "a@example.org")
    register_and_confirm(client, event, capture, "b@example.org")
    register_and_confirm(client, event, capture, "c@example.org")
    register_and_confirm(client, event, capture, "d@example.org")
    manage = reg.manage_path(first)
    with capture(execute=True):
        response = client.post(manage, {"action": "cancel"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "cancelled"
    c = Registration.objects.get(email="c@example.org")
    d = Registration.objects.get(email="d@example.org")
    assert c.status == "confirmed" and c.promoted_at is not None
    assert d.status == "waiting"
    assert reg.waiting_place(d) == 1
    promoted = mails_to("c@example.org")[-1]
    assert "seat" in promoted.subject.lower()
    assert DETAILS in promoted.body
    assert promoted.attachments
    assert "cancelled" in mails_to("a@example.org")[-1].subject
    reg_list.refresh_from_db()
    assert (reg_list.confirmed_count, reg_list.waiting_count) == (2, 1)
    # cancelling twice changes nothing
    with capture(execute=True):
        client.post(manage, {"action": "cancel"})
    reg_list.refresh_from_db()
    assert (reg_list.confirmed_count, reg_list.waiting_count) == (2, 1)


def test_waiting_person_can_leave_the_list(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    for n in range(3):
        register_and_confirm(client, event, capture, f"w{n}@example.org")
    waiting = Registration.objects.get(email="w2@example.org")
    with capture(execute=True):
        client.post(reg.manage_path(waiting), {"action": "cancel"})
    reg_list.refresh_from_db()
    assert (reg_list.confirmed_count, reg_list.waiting_count) == (2, 0)


def test_raising_the_capacity_moves_people_up(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    for n in range(3):
        register_and_confirm(client, event, capture, f"r{n}@example.org")
    event.registration_capacity = 3
    with capture(execute=True):
        event.save_revision().publish()
    assert Registration.objects.get(email="r2@example.org").status == "confirmed"


def test_registering_twice_sends_the_personal_link_again(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    register_and_confirm(client, event, capture, "twice@example.org")
    post_registration(client, event, capture, email="twice@example.org")
    assert Registration.objects.filter(email="twice@example.org").count() == 1
    assert "already registered" in mails_to("twice@example.org")[-1].subject


def test_closed_registration_stores_nothing(
    client, event_index, django_capture_on_commit_callbacks
):
    now = timezone.now()
    page = registration_event(
        event_index,
        registration_opens=now - datetime.timedelta(days=3),
        registration_closes=now - datetime.timedelta(days=1),
    )
    html = client.get(page.url).content.decode()
    assert 'name="email"' not in html
    response = post_registration(client, page, django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_registration_not_yet_open(client, event_index):
    page = registration_event(
        event_index, registration_opens=timezone.now() + datetime.timedelta(days=1)
    )
    html = client.get(page.url).content.decode()
    assert "opens on" in html or "öffnet am" in html
    assert 'name="email"' not in html


def test_confirming_after_the_start_is_refused(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    post_registration(client, event, django_capture_on_commit_callbacks)
    confirm = link_in(mail.outbox[0], "/anmeldung/bestaetigen/")
    RegistrationList.objects.filter(pk=reg_list.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(confirm).status_code == 410
    assert Registration.objects.get().status == "pending"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": ""}, "Please enter your name."),
        ({"name": "x" * 101}, "The name can be at most 100 characters"),
        ({"email": ""}, "Please enter your e-mail address."),
        ({"email": "not-an-address"}, "Please enter a complete e-mail address"),
        ({"group": None}, "Please choose the group you belong to."),
        ({"group": "17"}, "Please choose one of the groups offered."),
        ({"group": "abc"}, "Please choose one of the groups offered."),
        ({"accessibility_needs": "x" * 501}, "at most 500 characters"),
        ({"consent": None}, "Please agree to the privacy notice"),
        ({"website": "http://spam.example"}, "Leave this field empty"),
    ],
)
def test_bad_input_stores_nothing(
    client, event, reg_list, django_capture_on_commit_callbacks, overrides, message
):
    response = post_registration(
        client, event, django_capture_on_commit_callbacks, **overrides
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "p-error-summary" in html
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_post_for_another_page_is_not_found(client, event, event_index, reg_list):
    other = registration_event(event_index, title="Anderer Workshop")
    response = client.post(url("register", reg_list.pk, other.pk), registration_data())
    assert response.status_code == 404


def test_success_message(client, event, django_capture_on_commit_callbacks):
    response = post_registration(client, event, django_capture_on_commit_callbacks)
    assert any("sent you an e-mail" in m for m in messages_of(response))


def test_reminders_are_sent_once(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    register_and_confirm(client, event, capture, "remind@example.org")
    post_registration(client, event, capture, email="pending@example.org")
    call_command("send_reminders")  # a week ahead: too early
    assert not [m for m in mail.outbox if "Reminder" in m.subject]
    RegistrationList.objects.filter(pk=reg_list.pk).update(
        starts_at=timezone.now() + datetime.timedelta(hours=5)
    )
    with capture(execute=True):
        call_command("send_reminders")
    with capture(execute=True):
        call_command("send_reminders")
    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    assert len(reminders) == 1
    assert reminders[0].to == ["remind@example.org"]
    assert DETAILS in reminders[0].body


def test_retention_deletes_registrant_data(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    register_and_confirm(
        client, event, django_capture_on_commit_callbacks, "old@example.org"
    )
    RegistrationList.objects.filter(pk=reg_list.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=32),
        ends_at=timezone.now() - datetime.timedelta(days=31, hours=22),
    )
    call_command("purge_registrations", "--days", "40")
    assert Registration.objects.count() == 1
    call_command("purge_registrations")
    assert not Registration.objects.exists()
    reg_list.refresh_from_db()
    assert reg_list.confirmed_count == 1  # the statistics stay


def test_retention_deletes_unconfirmed_registrations(
    client, event, django_capture_on_commit_callbacks
):
    post_registration(client, event, django_capture_on_commit_callbacks)
    Registration.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_registrations")
    assert not Registration.objects.exists()


def test_manage_page_after_deletion_says_so(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    registration = register_and_confirm(
        client, event, django_capture_on_commit_callbacks, "gone@example.org"
    )
    manage = reg.manage_path(registration)
    registration.delete()
    response = client.get(manage)
    assert response.status_code == 400
    assert "no longer exists" in response.content.decode()


def test_personal_data_export_and_erase_free_the_seat(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    from participation.models import Subscription
    from participation.personal_data import (
        erase_personal_data,
        export_personal_data,
    )

    capture = django_capture_on_commit_callbacks
    register_and_confirm(client, event, capture, "gdpr@example.org", name="Greta")
    register_and_confirm(client, event, capture, "b@example.org")
    register_and_confirm(client, event, capture, "c@example.org")
    Subscription.objects.create(email="gdpr@example.org", wants_news=False)
    data = export_personal_data("GDPR@example.org")
    assert data["registrations"][0]["name"] == "Greta"
    assert data["registrations"][0]["status"] == "confirmed"
    assert data["subscription"]["new_events"] is True
    with capture(execute=True):
        summary = erase_personal_data("gdpr@example.org")
    assert summary["registrations_deleted"] == 1
    assert summary["subscriptions_deleted"] == 1
    assert summary["emails_deleted"] >= 2
    assert not Registration.objects.filter(email="gdpr@example.org").exists()
    assert not OutboxMail.objects.filter(recipient="gdpr@example.org").exists()
    assert Registration.objects.get(email="c@example.org").status == "confirmed"
    reg_list.refresh_from_db()
    assert (reg_list.confirmed_count, reg_list.waiting_count) == (2, 0)


def test_manage_page_refuses_unknown_actions(
    client, event, reg_list, django_capture_on_commit_callbacks
):
    registration = register_and_confirm(
        client, event, django_capture_on_commit_callbacks, "keep@example.org"
    )
    response = client.post(reg.manage_path(registration), {"action": "delete"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# an event page with its registration part, routed through the cached page tree;
# the registration adds two (the default locale and the registration list),
# whatever the number of registrants
EVENT_PAGE_QUERIES = 7


@pytest.mark.parametrize("registered", [0, 12])
def test_event_page_queries_do_not_grow_with_registrations(
    client, event, reg_list, django_assert_num_queries, registered
):
    for n in range(registered):
        Registration.objects.create(
            registration_list=reg_list,
            name=f"P{n}",
            email=f"p{n}@example.org",
            language="de",
            status="confirmed" if n < 2 else "waiting",
            position=None if n < 2 else n,
        )
    client.get(event.url)  # warm the caches of the site and its branding
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        response = client.get(event.url)
    assert response.status_code == 200
