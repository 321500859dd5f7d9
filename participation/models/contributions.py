"""What citizens write: ideas, supports, comments and reports.

User content is plain text, stored as typed and escaped on output. It is never a
translatable model: it keeps the language it was written in.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .identity import Participant
from .spaces import Category, CommentStream, IdeaCollection

TITLE_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 3000


class Visibility(models.TextChoices):
    """Where a contribution stands in moderation."""

    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")
    REJECTED = "rejected", _("rejected")


class ContributionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def visible(self):
        """What the public sees: confirmed, published, not withdrawn."""
        return self.filter(
            confirmed_at__isnull=False,
            visibility=Visibility.PUBLISHED,
            withdrawn_at__isnull=True,
        )

    def awaiting_moderation(self):
        return self.filter(
            confirmed_at__isnull=False,
            visibility=Visibility.PENDING,
            withdrawn_at__isnull=True,
        )


class Contribution(models.Model):
    """Base of everything a citizen writes: who (never shown but the display
    name), in which language, confirmed or not, and its moderation state."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    language = models.CharField(_("language"), max_length=10)
    visibility = models.CharField(
        _("moderation state"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PENDING,
        db_index=True,
    )
    moderation_reason = models.TextField(
        _("reason for hiding or rejecting"),
        blank=True,
        help_text=_("Shown to the author, and in place of a hidden contribution."),
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return (
            self.confirmed_at is not None
            and self.visibility == Visibility.PUBLISHED
            and self.withdrawn_at is None
        )


class IdeaStatus(models.TextChoices):
    """Where an idea stands on its way to a measure; shown publicly."""

    SUBMITTED = "submitted", _("submitted")
    PUBLISHED = "published", _("published")
    UNDER_EVALUATION = "evaluation", _("under evaluation")
    ACCEPTED = "accepted", _("accepted")
    MERGED = "merged", _("merged")
    NOT_PURSUED = "not_pursued", _("not pursued")


class Idea(Contribution):
    """An idea a citizen hands in to an idea collection."""

    collection = models.ForeignKey(
        IdeaCollection,
        verbose_name=_("idea collection"),
        on_delete=models.CASCADE,
        related_name="ideas",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location_text = models.CharField(_("location"), max_length=200, blank=True)
    image = models.ImageField(
        _("image"), upload_to="participation/ideas/%Y/%m/", blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=IdeaStatus.choices,
        default=IdeaStatus.SUBMITTED,
        db_index=True,
    )
    status_reason = models.TextField(
        _("public reason for the status"),
        blank=True,
        help_text=_("Required when an idea is not pursued; shown on the idea's page."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_ideas",
    )
    official_answer = models.TextField(_("official answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    discussion = models.OneToOneField(
        CommentStream,
        verbose_name=_("discussion"),
        on_delete=models.PROTECT,
        related_name="idea",
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("moderate_contributions", _("Can moderate ideas and comments")),
        ]
        indexes = [
            models.Index(fields=["collection", "visibility", "-created_at"]),
            models.Index(fields=["collection", "visibility", "-support_count"]),
            models.Index(fields=["collection", "visibility", "-comment_count"]),
        ]

    def __str__(self):
        return self.title


class Support(models.Model):
    """One confirmed participant backing one idea; at most one each."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "participant"], name="one_support_per_participant"
            )
        ]

    def __str__(self):
        return f"{self.participant_id} → {self.idea_id}"


class DiscussionComment(Contribution):
    """A comment in a comment stream; a reply points to its parent (one level).
    Staff answers are written as the town and marked as official."""

    stream = models.ForeignKey(
        CommentStream,
        verbose_name=_("comment stream"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    is_official = models.BooleanField(_("official answer"), default=False)
    staff_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["stream", "parent", "visibility", "created_at"]),
            # the public list: newest first, whatever the moderation state
            models.Index(fields=["stream", "parent", "-created_at"]),
        ]

    def __str__(self):
        return self.text[:60]


class Report(models.Model):
    """Someone's report that an idea or comment breaks the rules."""

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("offensive or discriminating")
        SPAM = "spam", _("spam or advertising")
        PERSONAL_DATA = "personal", _("contains personal data")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("other")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    explanation = models.TextField(_("explanation"), max_length=1000, blank=True)
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporter_hash = models.CharField(
        max_length=64,
        help_text=_("A keyed hash of the address or IP; never the address itself."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter_hash"],
                name="one_report_per_reporter",
            )
        ]

    def __str__(self):
        return (
            f"{self.get_reason_display()} ({self.content_type.model} {self.object_id})"
        )
