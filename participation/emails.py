"""E-mails to citizens, each in plain text and HTML, in the language they wrote in.

Services call these after their transaction commits. Each function renders
`participation/emails/<name>.txt` and `.html` with the same context.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .tokens import link_max_age, make_token

logger = logging.getLogger(__name__)


def absolute_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


def send(template, recipient, language, context):
    """Render and send one mail in the recipient's language; returns True if sent."""
    if not recipient:
        return False
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_name": site_name(), **context}
        subject = render_to_string(
            f"participation/emails/{template}_subject.txt", context
        )
        text = render_to_string(f"participation/emails/{template}.txt", context)
        html = render_to_string(f"participation/emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[recipient],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


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
