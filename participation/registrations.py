"""Registration for events: registering, confirming by e-mail (double opt-in),
the waiting list, cancelling, reminders, messages from staff and deletion after
the event.

Seats are handed out when a registration is confirmed. Every change of seats
locks the event's RegistrationList row first (select_for_update), so that
people confirming at the same moment are served one after the other: nobody
gets a seat that is not there, and the waiting list keeps its order.
"""

import dataclasses
import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import emails
from .models import Registration, RegistrationList, RegistrationPageMixin
from .tokens import LinkError, link_max_age, load_signed

TOKEN_SALT = "participation.registration"
CONFIRM, MANAGE = "c", "m"
Status = Registration.Status


def retention_days():
    return getattr(settings, "PARTICIPATION_REGISTRATION_RETENTION_DAYS", 30)


# Pages and lists


def default_locale_page(page):
    """The version of a page in the default language (registrations of every
    language version belong to it)."""
    try:
        default_locale = Locale.get_default()
    except Locale.DoesNotExist:
        return page
    if page.locale_id == default_locale.pk:
        return page
    return page.get_translation_or_none(default_locale) or page


def sync_registration_list(page):
    """Create or update the registration list of a page from its settings; None
    if the page never took registrations. Called when a page is published."""
    page = default_locale_page(page).specific
    if not isinstance(page, RegistrationPageMixin):
        return None
    values = list_values(page)
    with transaction.atomic():
        registration_list = (
            RegistrationList.objects.select_for_update().filter(page=page).first()
        )
        if registration_list is None:
            if not page.registration_enabled:
                return None
            return RegistrationList.objects.create(page=page, **values)
        for field, value in values.items():
            setattr(registration_list, field, value)
        registration_list.save(update_fields=list(values))
        fill_from_waiting_list(registration_list)
    return registration_list


def list_values(page):
    """The settings a registration list copies from its page."""
    return {
        "title": page.title[:255],
        "starts_at": page.registration_event_start(),
        "ends_at": page.registration_event_end(),
        "is_enabled": page.registration_enabled,
        "capacity": page.registration_capacity or 0,
        "opens_at": page.registration_opens,
        "closes_at": page.registration_closes,
        "registrant_details": page.registrant_details,
        "reminder_hours": page.registration_reminder_hours or 0,
    }


def registration_list_of(page):
    """The registration list shown on a page (any language version)."""
    page = default_locale_page(page)
    registration_list = RegistrationList.objects.filter(page_id=page.pk).first()
    if registration_list is None:
        registration_list = sync_registration_list(page)
    return registration_list


def page_url(page, language=None, request=None):
    """The address of a page in a language, if a live translation exists."""
    if page is None:
        return ""
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None and locale.pk != page.locale_id:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                page = translation
    url = page.get_url(request) or ""
    if url.startswith("/"):
        # the same base address as every other link in the mails
        url = request.build_absolute_uri(url) if request else emails.absolute_url(url)
    return url


@dataclasses.dataclass
class RegistrationPanel:
    """What the registration part of a page shows: no personal data, only the
    state, seats left and the length of the waiting list."""

    registration_list: RegistrationList
    state: str
    form: object
    action_url: str

    @property
    def seats_left(self):
        return self.registration_list.seats_left

    @property
    def waiting_count(self):
        return self.registration_list.waiting_count

    @property
    def is_full(self):
        return self.registration_list.is_full


def registration_state(registration_list, now=None):
    """open, not_yet, closed or past."""
    now = now or timezone.now()
    if now >= registration_list.starts_at:
        return "past"
    if registration_list.opens_at and now < registration_list.opens_at:
        return "not_yet"
    if registration_list.is_open(now):
        return "open"
    return "closed"


def registration_panel(page, request, form=None):
    """The registration part of a page, or None if it takes none."""
    from .forms_registrations import RegistrationForm

    if page.pk is None or getattr(request, "is_preview", False):
        # a preview shows the draft's settings and writes nothing
        saved = (
            RegistrationList.objects.filter(page_id=default_locale_page(page).pk)
            .only("pk", "confirmed_count", "waiting_count")
            .first()
            if page.pk
            else None
        )
        registration_list = RegistrationList(
            pk=saved.pk if saved else None,
            confirmed_count=saved.confirmed_count if saved else 0,
            waiting_count=saved.waiting_count if saved else 0,
            **list_values(page),
        )
        if not registration_list.capacity or not page.registration_enabled:
            return None
    else:
        registration_list = registration_list_of(page)
    if registration_list is None or not registration_list.is_enabled:
        return None
    state = registration_state(registration_list)
    if state == "open" and form is None:
        form = RegistrationForm(
            groups=page.registration_group_choices(),
            ask_accessibility=page.registration_ask_accessibility,
            request=request,
            id_prefix="reg",
        )
    return RegistrationPanel(
        registration_list=registration_list,
        state=state,
        form=form if state == "open" else None,
        action_url=reverse(
            "participation:register", args=[registration_list.pk, page.pk]
        )
        if registration_list.pk and page.pk
        else "",
    )


# Links


def make_token(registration, purpose):
    """The signed token of a registration's e-mail link (confirm or manage)."""
    return signing.dumps(
        {"r": registration.pk, "s": registration.secret, "p": purpose},
        salt=TOKEN_SALT,
        compress=True,
    )


def read_token(token, purpose):
    """The registration a token stands for, or LinkError. Confirmation links
    expire; the personal link of a registrant works until the data is deleted."""
    max_age = link_max_age() if purpose == CONFIRM else None
    data = load_signed(
        token,
        salt=TOKEN_SALT,
        max_age=max_age,
        expired=_("This link has expired. Please register again."),
        purpose=purpose,
    )
    registration = (
        Registration.objects.select_related("registration_list__page")
        .filter(pk=data.get("r"))
        .first()
    )
    if registration is None or not constant_time_compare(
        registration.secret, str(data.get("s", ""))
    ):
        raise LinkError(
            _(
                "This registration no longer exists. It was cancelled or deleted "
                "after the event."
            ),
            "invalid",
        )
    return registration


def confirm_url(registration):
    return emails.absolute_url(
        reverse(
            "participation:registration_confirm",
            args=[make_token(registration, CONFIRM)],
        )
    )


def manage_path(registration):
    return reverse(
        "participation:registration_manage", args=[make_token(registration, MANAGE)]
    )


# Registering


@dataclasses.dataclass
class RegistrationResult:
    registration: Registration
    created: bool


@transaction.atomic
def register(
    registration_list,
    *,
    name,
    email,
    language,
    group="",
    accessibility_needs="",
):
    """Store a registration waiting for its e-mail confirmation and send the link.
    Someone already registered gets their personal link again instead; the
    answer on the page is the same, so it reveals nothing about others."""
    email = email.strip().lower()
    existing = (
        Registration.objects.select_for_update()
        .filter(registration_list=registration_list, email=email)
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if existing is not None and existing.status != Status.PENDING:
        emails.send_registration_mail("registration_known", existing)
        return RegistrationResult(existing, created=False)
    if existing is not None:
        existing.name = name
        existing.group = group
        existing.accessibility_needs = accessibility_needs
        existing.language = language
        existing.created_at = timezone.now()
        existing.save()
        registration = existing
    else:
        registration = Registration.objects.create(
            registration_list=registration_list,
            name=name,
            email=email,
            group=group,
            accessibility_needs=accessibility_needs,
            language=language,
        )
    emails.send_registration_mail("registration_confirm", registration)
    return RegistrationResult(registration, created=existing is None)


def _next_position(registration_list):
    last = registration_list.registrations.filter(status=Status.WAITING).aggregate(
        last=Max("position")
    )["last"]
    return (last or 0) + 1


@transaction.atomic
def confirm_registration(token, now=None):
    """Open the confirmation link: a seat if one is free and nobody waits,
    otherwise the next place on the waiting list. A link works once."""
    registration = read_token(token, CONFIRM)
    registration_list = RegistrationList.objects.select_for_update().get(
        pk=registration.registration_list_id
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    # the time is taken under the lock: confirmations are ordered by it
    now = now or timezone.now()
    if registration.status != Status.PENDING:
        raise LinkError(
            _(
                "This link has already been used. Your registration is recorded; "
                "the e-mail we sent afterwards has your personal link."
            ),
            "used",
        )
    if now >= registration_list.starts_at or not registration_list.is_enabled:
        raise LinkError(
            _("Registration for this event is closed."),
            "closed",
        )
    registration.confirmed_at = now
    if registration_list.confirmed_count < registration_list.capacity and not (
        registration_list.waiting_count
    ):
        registration.status = Status.CONFIRMED
        registration_list.confirmed_count = F("confirmed_count") + 1
        template = "registration_confirmed"
    else:
        registration.status = Status.WAITING
        registration.position = _next_position(registration_list)
        registration_list.waiting_count = F("waiting_count") + 1
        template = "registration_waiting"
    registration.save(update_fields=["status", "confirmed_at", "position"])
    registration_list.save(update_fields=["confirmed_count", "waiting_count"])
    registration_list.refresh_from_db()
    registration.registration_list = registration_list
    emails.send_registration_mail(template, registration)
    return registration


@transaction.atomic
def cancel_registration(registration, now=None):
    """The registrant cancels: their seat goes to the first person on the waiting
    list, who is told by e-mail. Cancelling twice changes nothing."""
    now = now or timezone.now()
    registration_list = RegistrationList.objects.select_for_update().get(
        pk=registration.registration_list_id
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return registration, []
    previous = registration.status
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.position = None
    registration.save(update_fields=["status", "cancelled_at", "position"])
    if previous == Status.CONFIRMED:
        registration_list.confirmed_count = F("confirmed_count") - 1
    elif previous == Status.WAITING:
        registration_list.waiting_count = F("waiting_count") - 1
    registration_list.save(update_fields=["confirmed_count", "waiting_count"])
    registration_list.refresh_from_db()
    if previous != Status.PENDING:
        emails.send_registration_mail("registration_cancelled", registration)
    promoted = fill_from_waiting_list(registration_list, now=now)
    return registration, promoted


def fill_from_waiting_list(registration_list, now=None):
    """Move people up from the waiting list, in order, while seats are free and
    the event has not started. The caller holds the lock on the list."""
    now = now or timezone.now()
    promoted = []
    if now >= registration_list.starts_at or not registration_list.is_enabled:
        return promoted
    free = registration_list.capacity - registration_list.confirmed_count
    if free <= 0:
        return promoted
    waiting = list(
        registration_list.registrations.select_for_update()
        .filter(status=Status.WAITING)
        .order_by("position", "pk")[:free]
    )
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.position = None
        registration.promoted_at = now
        registration.save(update_fields=["status", "position", "promoted_at"])
        promoted.append(registration)
    if promoted:
        RegistrationList.objects.filter(pk=registration_list.pk).update(
            confirmed_count=F("confirmed_count") + len(promoted),
            waiting_count=F("waiting_count") - len(promoted),
        )
        registration_list.refresh_from_db()
        for registration in promoted:
            registration.registration_list = registration_list
            emails.send_registration_mail("registration_promoted", registration)
    return promoted


def waiting_place(registration):
    """The place of a registration on the waiting list (1 = next)."""
    if registration.status != Status.WAITING:
        return None
    return Registration.objects.filter(
        registration_list_id=registration.registration_list_id,
        status=Status.WAITING,
        position__lte=registration.position,
    ).count()


# Reminders, messages, retention


def send_reminders(now=None):
    """Remind confirmed registrants of events that start within their list's
    reminder time; each reminder is sent once. Returns the number queued."""
    now = now or timezone.now()
    sent = 0
    lists = RegistrationList.objects.filter(
        is_enabled=True, reminder_hours__gt=0, starts_at__gt=now
    )
    for registration_list in lists:
        due_from = registration_list.starts_at - datetime.timedelta(
            hours=registration_list.reminder_hours
        )
        if now < due_from:
            continue
        pks = registration_list.registrations.filter(
            status=Status.CONFIRMED, reminder_sent_at__isnull=True
        ).values_list("pk", flat=True)
        for pk in list(pks):
            with transaction.atomic():
                registration = (
                    Registration.objects.select_for_update()
                    .select_related("registration_list__page")
                    .filter(
                        pk=pk,
                        status=Status.CONFIRMED,
                        reminder_sent_at__isnull=True,
                    )
                    .first()
                )
                if registration is None:
                    continue
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at"])
                emails.send_registration_mail("registration_reminder", registration)
                sent += 1
    return sent


@transaction.atomic
def message_registrants(registration_list, subject, text):
    """A message from staff to every confirmed registrant of an event; returns
    how many were queued."""
    registrations = registration_list.registrations.filter(
        status=Status.CONFIRMED
    ).select_related("registration_list__page")
    count = 0
    for registration in registrations:
        emails.send_registration_mail(
            "registration_message",
            registration,
            message_subject=subject,
            message_text=text,
        )
        count += 1
    return count


@transaction.atomic
def purge_registrations(days=None, now=None):
    """Delete the registrant data of events that ended more than `days` days ago,
    and registrations never confirmed within the link's validity. The lists
    keep their counts, without personal data. Returns the number deleted."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    deleted, _ = Registration.objects.filter(
        registration_list__ends_at__lt=cutoff
    ).delete()
    stale, _ = Registration.objects.filter(
        status=Status.PENDING, created_at__lt=now - link_max_age()
    ).delete()
    return deleted + stale


def registration_page(registration_list):
    """The live event page of a list, as its specific type."""
    page = registration_list.page
    return page.specific if isinstance(page, Page) else None


def sync_on_publish(sender, instance, **kwargs):
    """page_published receiver: copy the registration settings of an event page
    into its list (and move people up if seats were added)."""
    if isinstance(instance, RegistrationPageMixin):
        sync_registration_list(instance)


# Personal data


def export_for(email):
    """The registrations of an address, for the export of personal data."""
    return [
        {
            "event": registration.registration_list.title,
            "event_start": registration.registration_list.starts_at.isoformat(),
            "name": registration.name,
            "group": registration.group,
            "accessibility_needs": registration.accessibility_needs,
            "status": registration.status,
            "waiting_list_place": registration.position,
            "language": registration.language,
            "registered": registration.created_at.isoformat(),
            "confirmed": registration.confirmed_at.isoformat()
            if registration.confirmed_at
            else None,
        }
        for registration in Registration.objects.filter(email=email.strip().lower())
        .select_related("registration_list")
        .order_by("created_at", "pk")
    ]


def erase_for(email):
    """Delete the registrations of an address; freed seats go to the waiting list
    (those people are told). Returns the number deleted. Call it inside a
    transaction."""
    deleted = 0
    registrations = Registration.objects.filter(email=email.strip().lower())
    for list_id in set(registrations.values_list("registration_list_id", flat=True)):
        registration_list = RegistrationList.objects.select_for_update().get(pk=list_id)
        own = registrations.filter(registration_list=registration_list)
        confirmed = own.filter(status=Status.CONFIRMED).count()
        waiting = own.filter(status=Status.WAITING).count()
        deleted += own.delete()[0]
        RegistrationList.objects.filter(pk=list_id).update(
            confirmed_count=F("confirmed_count") - confirmed,
            waiting_count=F("waiting_count") - waiting,
        )
        registration_list.refresh_from_db()
        fill_from_waiting_list(registration_list)
    return deleted
