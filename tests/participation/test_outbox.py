"""The mail outbox: mails are stored in the transaction that causes them, sent
after the commit, kept and retried with a growing pause when sending fails, and
never lose the registration or subscription they belong to."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from participation import outbox
from participation.models import OutboxMail, Registration, RegistrationList

from .conftest import url
from .registration_helpers import registration_data, registration_event

pytestmark = pytest.mark.django_db

BROKEN = "tests.participation.test_outbox.BrokenBackend"


class BrokenBackend:
    """An e-mail backend whose SMTP server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server not reachable")


def test_mail_is_sent_after_commit_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outbox.queue("test", "a@example.org", "Betreff", "Text", "<p>Text</p>")
        assert not mail.outbox
        assert OutboxMail.objects.get().status == "queued"
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][0] == "<p>Text</p>"
    stored = OutboxMail.objects.get()
    assert stored.status == "sent" and stored.attempts == 1 and stored.sent_at


def test_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                outbox.queue("test", "a@example.org", "Betreff", "Text")
                raise RuntimeError
        except RuntimeError:
            pass
    assert not OutboxMail.objects.exists()
    assert not mail.outbox


def test_failed_send_keeps_the_registration_and_is_retried(
    client, event_index, settings, django_capture_on_commit_callbacks
):
    event = registration_event(event_index)
    reg_list = RegistrationList.objects.get(page=event)
    settings.EMAIL_BACKEND = BROKEN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("register", reg_list.pk, event.pk), registration_data()
        )
    assert response.status_code == 302
    assert Registration.objects.get().status == "pending"
    stored = OutboxMail.objects.get()
    assert stored.status == "queued"
    assert stored.attempts == 1
    assert "SMTP server not reachable" in stored.last_error
    assert stored.next_attempt_at > timezone.now() + datetime.timedelta(minutes=4)

    call_command("send_outbox")  # not due yet
    stored.refresh_from_db()
    assert stored.attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMail.objects.update(next_attempt_at=timezone.now())
    call_command("send_outbox")
    stored.refresh_from_db()
    assert stored.status == "sent" and stored.attempts == 2
    assert len(mail.outbox) == 1
    assert "/anmeldung/bestaetigen/" in mail.outbox[0].body
    call_command("send_outbox")
    assert len(mail.outbox) == 1  # sent once


def test_backoff_grows_and_gives_up(settings):
    assert outbox.backoff(1) == datetime.timedelta(minutes=5)
    assert outbox.backoff(2) == datetime.timedelta(minutes=10)
    assert outbox.backoff(4) == datetime.timedelta(minutes=40)
    assert outbox.backoff(20) == datetime.timedelta(hours=12)
    settings.EMAIL_BACKEND = BROKEN
    settings.PARTICIPATION_MAIL_MAX_ATTEMPTS = 3
    stored = OutboxMail.objects.create(
        kind="test", recipient="a@example.org", subject="S", text="T"
    )
    for _ in range(3):
        OutboxMail.objects.update(next_attempt_at=timezone.now())
        call_command("send_outbox")
    stored.refresh_from_db()
    assert stored.status == "failed" and stored.attempts == 3
    OutboxMail.objects.update(next_attempt_at=timezone.now())
    call_command("send_outbox")
    stored.refresh_from_db()
    assert stored.attempts == 3  # given up: no more attempts


def test_attachments_survive_the_queue(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue(
            "test",
            "a@example.org",
            "S",
            "T",
            attachments=[
                ("a.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
            ],
        )
    [(name, content, mimetype)] = mail.outbox[0].attachments
    assert name == "a.ics" and "BEGIN:VCALENDAR" in content


def test_old_sent_mails_are_deleted():
    OutboxMail.objects.create(
        kind="t",
        recipient="a@example.org",
        subject="S",
        text="T",
        status="sent",
        sent_at=timezone.now() - datetime.timedelta(days=20),
    )
    queued = OutboxMail.objects.create(
        kind="t",
        recipient="b@example.org",
        subject="S",
        text="T",
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    call_command("send_outbox")
    assert list(OutboxMail.objects.all()) == [queued]


def test_html_mails_carry_the_branding(site, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from cms.core.models import SiteBranding

    branding = SiteBranding.for_site(site)
    branding.site_title = "Smart City Musterstadt"
    branding.primary_colour = "#7a1f3d"
    branding.save()
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        from participation import emails

        emails.send(
            "subscription_known",
            "a@example.org",
            "de",
            {"manage_url": "http://testserver/x/", "unsubscribe_url": "http://t/y/"},
        )
    html = mail.outbox[0].alternatives[0][0]
    assert "Smart City Musterstadt" in html
    assert "#7a1f3d" in html
