"""Defences of the public forms against bots and floods, and the cleaning of
what citizens type.

- a honeypot field that people leave empty and simple bots fill in;
- a signed timestamp: a form sent faster than a person can fill it in, or with
  a timestamp that was tampered with, is refused;
- rate limits per e-mail address and per client IP, counted in Django's cache
  under keyed hashes (services.keyed_hash), never under the address or IP;
- a limit on links in a text;
- text cleaning: Unicode NFC, zero-width characters removed, control
  characters refused. Text is otherwise stored as typed and escaped on output.
"""

import re
import time
import unicodedata

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import normalise_email
from .services import keyed_hash

TIMESTAMP_SALT = "participation.form-timestamp"

DEFAULT_RATE_LIMITS = {
    "idea": 5,
    "comment": 20,
    "support": 30,
    "report": 10,
    "link": 5,
}
RATE_WINDOW_SECONDS = 3600

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
ALLOWED_CONTROL = {"\n", "\t"}
URL_PATTERN = re.compile(
    r"\b[a-z][a-z0-9+.-]*://\S+"
    r"|\bwww\.\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|de|eu|io|co|ru|xyz|top|me)\b"
    r"(?:/\S*)?",
    re.IGNORECASE,
)


def min_fill_seconds():
    return getattr(settings, "PARTICIPATION_MIN_FILL_SECONDS", 3)


def max_form_age_seconds():
    return getattr(settings, "PARTICIPATION_MAX_FORM_AGE_HOURS", 24) * 3600


def max_links():
    return getattr(settings, "PARTICIPATION_MAX_LINKS", 2)


def rate_limit(action):
    limits = {
        **DEFAULT_RATE_LIMITS,
        **getattr(settings, "PARTICIPATION_RATE_LIMITS", {}),
    }
    return limits[action]


# Text


def clean_text(value):
    """The text as it will be stored: line breaks unified, NFC, zero-width
    characters removed. Raises ValidationError for other control characters."""
    if not value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value).translate(ZERO_WIDTH)
    for char in value:
        if unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROL:
            raise ValidationError(
                _(
                    "The text contains invisible control characters. Please type it "
                    "again instead of pasting it, or remove them."
                ),
                code="control_characters",
            )
    return value.strip()


def count_links(*texts):
    return sum(len(URL_PATTERN.findall(text or "")) for text in texts)


def check_links(*texts):
    """Refuse texts with more links than allowed (spam mostly carries links)."""
    limit = max_links()
    if count_links(*texts) > limit:
        raise ValidationError(
            ngettext_lazy(
                "Please include at most %(limit)d link.",
                "Please include at most %(limit)d links.",
                limit,
            ),
            code="too_many_links",
            params={"limit": limit},
        )


# Signed timestamp


def make_timestamp(when=None):
    """The signed value of the hidden timestamp field; `when` (seconds since the
    epoch) lets tests pretend the form was shown earlier."""
    return signing.dumps(
        {"t": when if when is not None else time.time()}, salt=TIMESTAMP_SALT
    )


def check_timestamp(value, now=None):
    """Refuse a form sent too fast, too late, or with a forged timestamp."""
    now = now if now is not None else time.time()
    try:
        shown = float(signing.loads(value or "", salt=TIMESTAMP_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _(
                "The form could not be checked. Please check your entries and send "
                "it again."
            ),
            code="timestamp_invalid",
        ) from None
    age = now - shown
    if age < min_fill_seconds():
        raise ValidationError(
            _(
                "The form was sent very quickly, so we could not tell you from a "
                "robot. Please check your entries and send it again."
            ),
            code="too_fast",
        )
    if age > max_form_age_seconds():
        raise ValidationError(
            _(
                "The form was open for a long time and has expired. Please check "
                "your entries and send it again."
            ),
            code="expired",
        )


# Rate limits


def client_ip(request):
    """The client's IP address. Behind a reverse proxy set
    PARTICIPATION_IP_HEADER (e.g. "HTTP_X_FORWARDED_FOR"); its last entry, added
    by the proxy itself, is used."""
    header = getattr(settings, "PARTICIPATION_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or ""
    return value.split(",")[-1].strip()


def rate_keys(request, email=None):
    """The identities a request is counted under: its IP and, if given, the
    e-mail address, both as keyed hashes."""
    keys = [keyed_hash("ip:" + client_ip(request))]
    if email:
        keys.append(keyed_hash("email:" + normalise_email(email)))
    return keys


def _cache_key(action, key, window):
    return f"participation:rate:{action}:{key}:{window}"


def _window(now=None):
    return int((now if now is not None else time.time()) // RATE_WINDOW_SECONDS)


def is_rate_limited(action, keys):
    """Whether any of the keys used up its allowance for this action in the
    current hour."""
    limit = rate_limit(action)
    window = _window()
    counts = cache.get_many([_cache_key(action, key, window) for key in keys])
    return any(count >= limit for count in counts.values())


def count_attempt(action, keys):
    """Count one stored contribution (or sent mail) against every key."""
    window = _window()
    for key in keys:
        cache_key = _cache_key(action, key, window)
        if not cache.add(cache_key, 1, RATE_WINDOW_SECONDS + 60):
            try:
                cache.incr(cache_key)
            except ValueError:
                cache.set(cache_key, 1, RATE_WINDOW_SECONDS + 60)


def rate_limit_error(action):
    messages = {
        "idea": _(
            "You have handed in many ideas within a short time. Please wait an hour "
            "and try again."
        ),
        "comment": _(
            "You have written many comments within a short time. Please wait an hour "
            "and try again."
        ),
        "support": _(
            "You have supported many ideas within a short time. Please wait an hour "
            "and try again."
        ),
        "report": _(
            "You have sent many reports within a short time. Please wait an hour and "
            "try again."
        ),
        "link": _(
            "We have sent many e-mails to this address within a short time. Please "
            "wait an hour and try again."
        ),
    }
    return ValidationError(messages[action], code="rate_limited")
