"""Signed links sent by e-mail, and the signed cookie that remembers a browser.

A link carries the id and secret of an AccessLink row, signed with the site's
SECRET_KEY and a timestamp: it cannot be forged, it expires, and a confirmation
link works once because its row is marked used.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from .models import AccessLink

LINK_SALT = "participation.access-link"
COOKIE_SALT = "participation.browser"
COOKIE_NAME = "stadtdialog_participant"


def link_max_age():
    days = getattr(settings, "PARTICIPATION_LINK_VALID_DAYS", 7)
    return datetime.timedelta(days=days)


def cookie_max_age():
    days = getattr(settings, "PARTICIPATION_REMEMBER_DAYS", 30)
    return int(datetime.timedelta(days=days).total_seconds())


class LinkError(Exception):
    """A link that cannot be used; `message` says why, in the reader's language."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def load_signed(token, *, salt, max_age, expired=None, purpose=None):
    """The payload of a signed link from an e-mail, or LinkError: `expired` is
    the message for a link older than `max_age` seconds (None: no limit); with
    `purpose`, a link made for another purpose is refused."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(expired, "expired") from None
    except signing.BadSignature:
        raise LinkError(
            _("This link is not valid. Please copy it completely from the e-mail."),
            "invalid",
        ) from None
    if not isinstance(data, dict) or (purpose and data.get("p") != purpose):
        raise LinkError(_("This link is not valid."), "invalid")
    return data


def make_token(link):
    """The token for a link, to be put into the URL of an e-mail."""
    return signing.dumps(
        {"l": link.pk, "s": link.secret}, salt=LINK_SALT, compress=True
    )


def read_token(token, purpose):
    """The AccessLink a token stands for, or LinkError.

    It does not mark the link used; the caller does that inside its transaction,
    after locking the row (see services.confirm_participant).
    """
    data = load_signed(
        token,
        salt=LINK_SALT,
        max_age=link_max_age(),
        expired=_("This link has expired. Please hand in your contribution again."),
    )
    link = (
        AccessLink.objects.select_related("participant")
        .filter(pk=data.get("l"), purpose=purpose)
        .first()
    )
    if link is None or not constant_time_compare(link.secret, str(data.get("s", ""))):
        raise LinkError(
            _("This link is not valid. Please copy it completely from the e-mail."),
            "invalid",
        )
    return link


def remember_participant(response, participant):
    """Let this browser take part without a new link for a while (signed cookie)."""
    response.set_signed_cookie(
        COOKIE_NAME,
        str(participant.pk),
        salt=COOKIE_SALT,
        max_age=cookie_max_age(),
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG and getattr(settings, "SESSION_COOKIE_SECURE", False),
    )


def remembered_participant_id(request):
    """The id of the confirmed participant this browser remembers, or None."""
    value = request.get_signed_cookie(
        COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=cookie_max_age()
    )
    try:
        return int(value) if value else None
    except ValueError:
        return None
