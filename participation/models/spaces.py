"""The places where citizens take part, configured by staff: idea collections,
comment streams, the categories offered and the canned replies of moderators."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

PRE_MODERATION, POST_MODERATION = "pre", "post"
MODERATION_CHOICES = [
    (PRE_MODERATION, _("Pre-moderation: staff approve before anything is public")),
    (POST_MODERATION, _("Post-moderation: public at once, staff check afterwards")),
]


class Category(TranslatableMixin, models.Model):
    """A topic citizens choose for their idea, e.g. 'Cycling'. Translatable, so
    each reader sees it in their language."""

    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("Optional hint shown to citizens when they choose a category."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("idea category")
        verbose_name_plural = _("idea categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CannedReply(TranslatableMixin, models.Model):
    """A prepared reason moderators pick when they reject or hide a contribution,
    so that citizens get a clear, friendly explanation."""

    title = models.CharField(
        _("title"), max_length=100, help_text=_("Short name moderators pick from.")
    )
    text = models.TextField(
        _("text"), help_text=_("The reason as the author and the public read it.")
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["title"]

    def __str__(self):
        return self.title


class ParticipationSpace(index.Indexed, models.Model):
    """Settings shared by idea collections and comment streams."""

    title = models.CharField(
        _("internal name"),
        max_length=150,
        help_text=_("Shown in the admin only, e.g. 'Mobility – ideas 2022'."),
    )
    moderation = models.CharField(
        _("moderation"),
        max_length=4,
        choices=MODERATION_CHOICES,
        default=POST_MODERATION,
    )
    is_open = models.BooleanField(
        _("open"),
        default=True,
        help_text=_(
            "Untick to close it at once: contributions stay visible, read-only."
        ),
    )
    open_from = models.DateTimeField(
        _("open from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open it at once."),
    )
    open_until = models.DateTimeField(
        _("open until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it open until closed by hand."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("shown on page"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when a page that shows it is published."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.open_from and self.open_until and self.open_until <= self.open_from:
            raise ValidationError({"open_until": _("The end must be after the start.")})

    def accepts_contributions(self, now=None):
        """Whether new contributions are taken right now."""
        now = now or timezone.now()
        if not self.is_open:
            return False
        if self.open_from and now < self.open_from:
            return False
        return not (self.open_until and now >= self.open_until)

    @property
    def is_pre_moderated(self):
        return self.moderation == PRE_MODERATION


class IdeaCollection(ParticipationSpace):
    """A collection of citizens' ideas, e.g. for one field of action. Staff place
    it on any page with the idea-collection block."""

    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories offered"),
        blank=True,
        related_name="+",
        help_text=_("Citizens pick one of these; leave empty to ask for no category."),
    )
    allow_location = models.BooleanField(
        _("ask for a location"),
        default=False,
        help_text=_("Citizens may say where their idea applies, e.g. a street."),
    )
    allow_image = models.BooleanField(
        _("allow an image"),
        default=False,
        help_text=_(
            "Citizens may add a photo or sketch (JPEG, PNG or WebP, up to 5 MB)."
        ),
    )
    comment_moderation = models.CharField(
        _("moderation of comments on ideas"),
        max_length=4,
        choices=MODERATION_CHOICES,
        default=POST_MODERATION,
    )

    class Meta:
        verbose_name = _("idea collection")
        verbose_name_plural = _("idea collections")
        ordering = ["-created_at"]


class CommentStream(ParticipationSpace):
    """A stream of comments: on a page (placed with the comment-stream block) or
    the discussion of one idea."""

    class Meta:
        verbose_name = _("comment stream")
        verbose_name_plural = _("comment streams")
        ordering = ["-created_at"]
