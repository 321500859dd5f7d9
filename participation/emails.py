"""E-mails to citizens, each in plain text and HTML, in the language they wrote in,
branded with the site's name, logo and colour.

Each function renders `participation/emails/<name>.txt` and `.html` with the
same context and stores the mail in the outbox (outbox.py) inside the current
transaction; it is delivered after the commit and retried if sending fails.

Branding: PARTICIPATION_BRANDING_SETTING names a Wagtail site setting and its
fields, e.g. ``{"model": "cms_core.SiteBranding", "name": ["site_title",
"municipality_name"], "logo": "logo", "colour": "primary_colour"}``; without it
mails carry WAGTAIL_SITE_NAME and the default colour.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import outbox
from .tokens import link_max_age, make_token

logger = logging.getLogger(__name__)


def absolute_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


DEFAULT_COLOUR = "#1d5c8f"
BRANDING_CACHE_KEY = "participation:email-branding"
BRANDING_CACHE_SECONDS = 300


def _read_branding():
    branding = {"name": site_name(), "logo_url": "", "colour": DEFAULT_COLOUR}
    reference = getattr(settings, "PARTICIPATION_BRANDING_SETTING", None)
    if not reference:
        return branding
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return branding
    model = apps.get_model(reference["model"])
    values = model.for_site(site)
    names = reference.get("name") or []
    for field in [names] if isinstance(names, str) else names:
        if getattr(values, field, ""):
            branding["name"] = getattr(values, field)
            break
    colour = getattr(values, reference.get("colour", ""), "") or ""
    if colour.startswith("#"):
        branding["colour"] = colour
    logo = getattr(values, reference.get("logo", ""), None)
    if logo is not None:
        try:
            branding["logo_url"] = absolute_url(
                logo.get_rendition("max-240x80|format-png").url
            )
        except Exception:  # noqa: BLE001 - a broken logo must not stop a mail
            logger.warning("No logo rendition for e-mails", exc_info=True)
    return branding


def branding():
    """The name, logo address and colour that brand HTML mails (cached a while)."""
    value = cache.get(BRANDING_CACHE_KEY)
    if value is None:
        value = _read_branding()
        cache.set(BRANDING_CACHE_KEY, value, BRANDING_CACHE_SECONDS)
    return value


def render(template, language, context):
    """(subject, text, html) of a mail in a language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_name": site_name(), "brand": branding(), **context}
        subject = render_to_string(
            f"participation/emails/{template}_subject.txt", context
        )
        text = render_to_string(f"participation/emails/{template}.txt", context)
        html = render_to_string(f"participation/emails/{template}.html", context)
    return " ".join(subject.split()), text, html


def send(
    template,
    recipient,
    language,
    context,
    headers=None,
    attachments=None,
    immediate=True,
):
    """Render one mail in the recipient's language and queue it in the outbox;
    it goes out when the current transaction commits (or, for mailings to many
    with `immediate=False`, with the next run of send_outbox). True if queued."""
    if not recipient:
        return False
    subject, text, html = render(template, language, context)
    outbox.queue(
        template,
        recipient,
        subject,
        text,
        html,
        headers=headers,
        attachments=attachments,
        immediate=immediate,
    )
    return True


def unsubscribe_headers(url):
    """List-Unsubscribe with one-click POST (RFC 8058) for a mailing."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def contribution_url(contribution):
    return absolute_url(contribution_path(contribution))


def contribution_path(contribution):
    """The public address of an idea or of the idea/page a comment belongs to."""
    from .models import Idea

    if isinstance(contribution, Idea):
        return reverse("participation:idea_detail", args=[contribution.pk])
    idea = getattr(contribution.stream, "idea", None)
    if idea is not None:
        return (
            reverse("participation:idea_detail", args=[idea.pk])
            + f"#comment-{contribution.pk}"
        )
    return reverse("participation:comment_detail", args=[contribution.pk])


def send_confirmation(link, contribution):
    """The double opt-in mail: a single-use link that confirms the address."""
    token = make_token(link)
    return send(
        "confirm",
        link.participant.email,
        contribution.language,
        {
            "participant": link.participant,
            "contribution": contribution,
            "confirm_url": absolute_url(reverse("participation:confirm", args=[token])),
            "valid_days": link_max_age().days,
        },
    )


def _participant_mail(template, contribution, **extra):
    participant = contribution.participant
    if participant is None or not participant.is_confirmed:
        return False
    return send(
        template,
        participant.email,
        contribution.language,
        {
            "participant": participant,
            "contribution": contribution,
            "url": contribution_url(contribution),
            **extra,
        },
    )


def send_received(contribution):
    """Tell a remembered participant that their contribution has arrived."""
    return _participant_mail("received", contribution)


def send_moderation_decision(contribution):
    """Tell the author that a moderator approved, hid or rejected their contribution."""
    return _participant_mail("moderation", contribution)


def send_status_change(idea):
    """Tell the author of an idea its new status and the reason."""
    merged_url = contribution_url(idea.merged_into) if idea.merged_into_id else ""
    return _participant_mail("status", idea, merged_url=merged_url)


def send_official_answer(idea):
    """Tell the author of an idea that the town has answered it."""
    return _participant_mail("answer", idea)


def send_manage_link(link, language=None):
    """A link to the page where a participant sees, edits and withdraws their own
    contributions; `link` is an AccessLink with the purpose 'manage'."""
    participant = link.participant
    return send(
        "manage",
        participant.email,
        language or participant.language,
        {
            "participant": participant,
            "manage_url": absolute_url(
                reverse("participation:manage", args=[make_token(link)])
            ),
            "valid_days": link_max_age().days,
        },
    )


def send_support_confirmation(link, idea, language=None):
    """The double opt-in mail for a support: opening the single-use link confirms
    the address and counts the support for the idea."""
    token = make_token(link)
    path = reverse("participation:confirm", args=[token]) + f"?support={idea.pk}"
    return send(
        "confirm_support",
        link.participant.email,
        language or link.participant.language,
        {
            "participant": link.participant,
            "idea": idea,
            "idea_url": contribution_url(idea),
            "confirm_url": absolute_url(path),
            "valid_days": link_max_age().days,
        },
    )


# Registrations for events

ICS_TEMPLATES = {"registration_confirmed", "registration_promoted"}
DETAIL_TEMPLATES = {
    "registration_confirmed",
    "registration_promoted",
    "registration_reminder",
    "registration_message",
}


def event_calendar(registration_list, url, details):
    """An iCalendar file (RFC 5545) with the event, for the registrant's calendar."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Stadtdialog//Registrations//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    host = (
        getattr(settings, "WAGTAILADMIN_BASE_URL", "").split("//")[-1].split("/")[0]
        or "stadtdialog"
    )
    entry.add("uid", f"registration-{registration_list.page_id}@{host}")
    entry.add("dtstamp", registration_list.starts_at)
    entry.add("dtstart", registration_list.starts_at)
    entry.add("dtend", registration_list.ends_at)
    entry.add("summary", registration_list.title)
    entry.add("description", "\n\n".join(part for part in (details, url) if part))
    if url:
        entry.add("url", url)
    calendar.add_component(entry)
    return calendar.to_ical()


def send_registration_mail(template, registration, **extra):
    """A mail about a registration, in the language the person registered in.
    Only mails to confirmed registrants carry the details for registrants (the
    video-conference link or the room)."""
    from .registrations import confirm_url, manage_path, page_url, waiting_place

    registration_list = registration.registration_list
    language = registration.language
    with translation.override(language or settings.LANGUAGE_CODE):
        # links in the recipient's language
        url = page_url(registration_list.page, language)
        manage_url = (
            absolute_url(manage_path(registration))
            if registration.status != "cancelled"
            else ""
        )
        if template == "registration_confirm":
            extra = {
                "confirm_url": confirm_url(registration),
                "valid_days": link_max_age().days,
                **extra,
            }
    details = (
        registration_list.registrant_details
        if template in DETAIL_TEMPLATES and registration.status == "confirmed"
        else ""
    )
    attachments = None
    if template in ICS_TEMPLATES:
        attachments = [
            (
                "event.ics",
                event_calendar(registration_list, url, details),
                "text/calendar",
            )
        ]
    context = {
        "participant": {"display_name": registration.name},
        "registration": registration,
        "event": registration_list,
        "event_url": url,
        "details": details,
        "manage_url": manage_url,
        "waiting_place": waiting_place(registration),
        **extra,
    }
    return send(
        template,
        registration.email,
        language,
        context,
        attachments=attachments,
        immediate=template != "registration_message",
    )


# Subscriptions and follows


def send_subscription_mail(template, subscription, **extra):
    """A mail to a subscriber; announcements carry the one-click unsubscribe
    link and the List-Unsubscribe headers."""
    from .subscriptions import subscription_urls

    with translation.override(subscription.language or settings.LANGUAGE_CODE):
        urls = subscription_urls(subscription)
        if template == "subscription_confirm":
            extra = {**subscription_confirm_context(subscription), **extra}
    headers = None
    if subscription.is_confirmed:
        headers = unsubscribe_headers(urls["unsubscribe_url"])
    return send(
        template,
        subscription.email,
        subscription.language,
        {"subscription": subscription, **urls, **extra},
        headers=headers,
        immediate=template != "announcement",
    )


def subscription_confirm_context(subscription):
    from .subscriptions import CONFIRM, make_token

    return {
        "confirm_url": absolute_url(
            reverse(
                "participation:subscription_confirm",
                args=[make_token(subscription, CONFIRM)],
            )
        ),
        "valid_days": link_max_age().days,
    }


def send_follow_digest(participant, notices, unfollow_url):
    """The daily digest of what happened to the ideas a person follows."""
    return send(
        "follow_digest",
        participant.email,
        participant.language,
        {
            "participant": participant,
            "notices": notices,
            "unfollow_url": unfollow_url,
        },
        headers=unsubscribe_headers(unfollow_url),
    )
