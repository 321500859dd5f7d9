"""The catalogue of measures: what the town plans to do, where each measure
came from (the citizens' ideas), and how its implementation goes.

A measure is translatable content written by editors. Its fields of action are
pages of the host site (any page, chosen with a page chooser): the plugin knows
no page types, so a town links each measure to its field-of-action pages. The
ideas a measure came from are linked to the measure's translation key, so that
every language version of a measure lists the same ideas.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from .contributions import Idea

MEASURE_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class MeasureStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    DECIDED = "decided", _("decided by the council")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class MeasurePriority(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class CostRange(models.TextChoices):
    UNKNOWN = "unknown", _("not yet estimated")
    UP_TO_10K = "lt10k", _("up to 10,000 €")
    UP_TO_50K = "10k-50k", _("10,000 to 50,000 €")
    UP_TO_250K = "50k-250k", _("50,000 to 250,000 €")
    UP_TO_1M = "250k-1m", _("250,000 € to 1 million €")
    ABOVE_1M = "gt1m", _("more than 1 million €")


class Measure(TranslatableMixin, index.Indexed, ClusterableModel):
    """One measure of the catalogue, e.g. 'Mobility station at the station':
    editors describe it, set its priority, status and timeline, and report its
    progress; the ideas it came from are shown with it."""

    title = models.CharField(_("title"), max_length=200)
    description = RichTextField(
        _("description"), features=MEASURE_TEXT_FEATURES, blank=True
    )
    priority = models.CharField(
        _("priority"),
        max_length=6,
        choices=MeasurePriority.choices,
        default=MeasurePriority.MEDIUM,
        db_index=True,
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MeasureStatus.choices,
        default=MeasureStatus.PROPOSED,
        db_index=True,
    )
    responsible_unit = models.CharField(
        _("responsible unit"),
        max_length=200,
        blank=True,
        help_text=_("A department or office, never a person."),
    )
    cost_range = models.CharField(
        _("estimated cost"),
        max_length=10,
        choices=CostRange.choices,
        default=CostRange.UNKNOWN,
    )
    timeline_start = models.DateField(_("start"), null=True, blank=True)
    timeline_end = models.DateField(_("planned end"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if (
            self.timeline_start
            and self.timeline_end
            and self.timeline_end < self.timeline_start
        ):
            raise ValidationError(
                {"timeline_end": _("The end must not be before the start.")}
            )

    @property
    def key(self):
        """The same in every language version: the measure's public address."""
        return self.translation_key


class MeasureFieldOfAction(Orderable):
    """A field of action a measure belongs to: a page of the host site."""

    measure = ParentalKey(
        Measure, on_delete=models.CASCADE, related_name="fields_of_action"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("field of action"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page of the field of action."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")


class MeasureProgress(TranslatableMixin, Orderable):
    """A dated note on how a measure's implementation goes; translatable with
    the measure."""

    measure = ParentalKey(
        Measure, on_delete=models.CASCADE, related_name="progress_updates"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("progress"), max_length=2000)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.date}: {self.text[:40]}"


class MeasureSource(models.Model):
    """The link between a citizen's idea and the measure it went into. Many
    ideas can go into one measure; an idea goes into at most one."""

    idea = models.OneToOneField(
        Idea, on_delete=models.CASCADE, related_name="measure_source"
    )
    measure_key = models.UUIDField(_("measure"), db_index=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("source idea of a measure")
        verbose_name_plural = _("source ideas of measures")

    def __str__(self):
        return f"{self.idea_id} → {self.measure_key}"


@receiver(post_delete, sender=Measure)
def forget_sources_of_deleted_measure(sender, instance, **kwargs):
    """When the last language version of a measure is deleted, its ideas are
    no longer linked to it (they keep their status and reason)."""
    key = instance.translation_key
    if not Measure.objects.filter(translation_key=key).exists():
        MeasureSource.objects.filter(measure_key=key).delete()
