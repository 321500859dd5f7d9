"""The mail queue of the plugin.

`queue()` stores a rendered e-mail as an OutboxMail row inside the caller's
transaction and asks for delivery once that transaction commits. If the SMTP
server fails, the row stays queued with the error and a time for the next
attempt; the management command `send_outbox` (cron, every few minutes)
retries it with a growing pause. So no registration, subscription or
contribution is ever lost because a mail could not go out, and a rolled-back
transaction sends nothing.
"""

import base64
import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import OutboxMail

logger = logging.getLogger(__name__)

FIRST_RETRY_MINUTES = 5
MAX_RETRY_MINUTES = 12 * 60


def max_attempts():
    return getattr(settings, "PARTICIPATION_MAIL_MAX_ATTEMPTS", 10)


def backoff(attempts):
    """The pause after the n-th failed attempt: 5, 10, 20 … minutes, at most
    12 hours."""
    minutes = FIRST_RETRY_MINUTES * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(minutes=min(minutes, MAX_RETRY_MINUTES))


def queue(
    kind,
    recipient,
    subject,
    text,
    html="",
    headers=None,
    attachments=None,
    immediate=True,
):
    """Store one mail and deliver it after the current transaction commits.

    `attachments` is a list of (filename, content as str or bytes, mimetype).
    Mailings to many people (announcements, messages from staff) pass
    `immediate=False`: they wait for `send_outbox`, so that the request that
    caused them does not send hundreds of mails itself.
    """
    stored = []
    for filename, content, mimetype in attachments or []:
        if isinstance(content, str):
            content = content.encode()
        stored.append(
            {
                "filename": filename,
                "mimetype": mimetype,
                "content": base64.b64encode(content).decode("ascii"),
            }
        )
    mail = OutboxMail.objects.create(
        kind=kind[:50],
        recipient=recipient,
        subject=subject[:255],
        text=text,
        html=html,
        headers=headers or {},
        attachments=stored,
    )
    if immediate:
        transaction.on_commit(lambda: deliver(mail.pk), robust=True)
    return mail


def as_message(mail):
    """The OutboxMail as a Django e-mail message."""
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        to=[mail.recipient],
        headers={"Auto-Submitted": "auto-generated", **(mail.headers or {})},
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for item in mail.attachments or []:
        message.attach(
            item["filename"], base64.b64decode(item["content"]), item["mimetype"]
        )
    return message


def deliver(pk):
    """Send one queued mail now; True if it went out. A failure is recorded on
    the row (with the time of the next attempt) and never raised."""
    with transaction.atomic():
        mail = (
            OutboxMail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=OutboxMail.Status.QUEUED)
            .first()
        )
        if mail is None:
            return False
        now = timezone.now()
        mail.attempts += 1
        try:
            as_message(mail).send()
        except Exception as error:  # noqa: BLE001 - any failure of the backend
            logger.warning("Sending mail %s failed: %s", mail.pk, error)
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= max_attempts():
                mail.status = OutboxMail.Status.FAILED
            mail.next_attempt_at = now + backoff(mail.attempts)
            mail.save(
                update_fields=["attempts", "last_error", "status", "next_attempt_at"]
            )
            return False
        mail.status = OutboxMail.Status.SENT
        mail.sent_at = now
        mail.last_error = ""
        mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def due(now=None):
    """Queued mails whose next attempt is due, oldest first."""
    now = now or timezone.now()
    return OutboxMail.objects.filter(
        status=OutboxMail.Status.QUEUED, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")


def send_due(limit=500, now=None):
    """Send what is due; returns (sent, failed)."""
    sent = failed = 0
    for pk in list(due(now).values_list("pk", flat=True)[:limit]):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def purge_sent(days, now=None):
    """Delete sent mails older than `days` days (they hold addresses)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = OutboxMail.objects.filter(
        status=OutboxMail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
