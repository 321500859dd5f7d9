"""Mailings without an account: subscriptions to announcements of new events
and news, the record of what was announced (once per item), and follows of
ideas with the notices gathered for the daily digest."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EVENTS, NEWS = "events", "news"
ANNOUNCEMENT_KINDS = [(EVENTS, _("new events")), (NEWS, _("news"))]


class Subscription(models.Model):
    """An address that receives announcements of new events, news or both, for
    all fields of action or chosen ones. Counts once its link is confirmed;
    unsubscribing deletes it. Staff see only counts per choice."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("Announcements are written in this language."),
    )
    wants_events = models.BooleanField(_("new events"), default=True)
    wants_news = models.BooleanField(_("news"), default=True)
    all_topics = models.BooleanField(_("all fields of action"), default=True)
    secret = models.CharField(
        max_length=64, default=secrets.token_urlsafe, editable=False
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Subscription %(id)s") % {"id": self.pk}

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class SubscriptionTopic(models.Model):
    """One field of action a subscription chose (by the translation key of its
    page, so that every language version matches)."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="topics"
    )
    topic_key = models.UUIDField(_("field of action"), db_index=True)

    class Meta:
        verbose_name = _("chosen field of action")
        verbose_name_plural = _("chosen fields of action")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "topic_key"],
                name="participation_unique_subscription_topic",
            )
        ]

    def __str__(self):
        return str(self.topic_key)


class Announcement(models.Model):
    """A page that was announced to subscribers. Its translation key is unique,
    so an item is announced once, never again when it is published again."""

    translation_key = models.UUIDField(unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ANNOUNCEMENT_KINDS)
    title = models.CharField(_("title"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("announced"), default=timezone.now)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Follow(models.Model):
    """An author or supporter of an idea who wants to hear when its status
    changes or the town answers it (in the daily digest)."""

    participant = models.ForeignKey(
        "participation.Participant", on_delete=models.CASCADE, related_name="follows"
    )
    idea = models.ForeignKey(
        "participation.Idea", on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "idea"], name="participation_unique_follow"
            )
        ]

    def __str__(self):
        return f"{self.participant} → {self.idea}"


class FollowNotice(models.Model):
    """Something that happened to a followed idea, waiting for the follower's
    next daily digest."""

    STATUS, ANSWER = "status", "answer"
    KINDS = [(STATUS, _("new status")), (ANSWER, _("official answer"))]

    participant = models.ForeignKey(
        "participation.Participant",
        on_delete=models.CASCADE,
        related_name="follow_notices",
    )
    idea = models.ForeignKey(
        "participation.Idea", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follow notice")
        verbose_name_plural = _("follow notices")
        indexes = [models.Index(fields=["participant", "sent_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.idea}"
