"""Who takes part: citizens known only by a verified e-mail address."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ParticipantQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email=normalise_email(email))


def normalise_email(email):
    """The form in which addresses are stored and compared: trimmed, lower case."""
    return (email or "").strip().lower()


class Participant(models.Model):
    """A citizen who takes part without a password. The e-mail address is the
    identity once confirmed through a link; it is never shown publicly."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown with contributions; may be empty."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails to this person are written in this language."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.display_name or _("Participant %(id)s") % {"id": self.pk}

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class AccessLink(models.Model):
    """A link sent by e-mail: it confirms a participant's address and their pending
    contributions (single use), or opens the page where they manage their own
    contributions. The secret is only ever sent, never shown."""

    CONFIRM, MANAGE = "confirm", "manage"
    PURPOSES = [
        (CONFIRM, _("confirm e-mail address")),
        (MANAGE, _("manage contributions")),
    ]

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="access_links"
    )
    purpose = models.CharField(max_length=10, choices=PURPOSES)
    secret = models.CharField(
        max_length=64, default=secrets.token_urlsafe, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("access link")
        verbose_name_plural = _("access links")
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.created_at:%Y-%m-%d})"
