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

from .tokens import make_token

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
        manage_url = context.get("manage_url")
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[recipient],
        headers={"Auto-Submitted": "auto-generated"},
    )
    if manage_url:
        message.extra_headers["List-Unsubscribe"] = f"<{manage_url}>"
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
    return _participant_mail("status", idea)


def send_official_answer(idea):
    """Tell the author of an idea that the town has answered it."""
    return _participant_mail("answer", idea)
