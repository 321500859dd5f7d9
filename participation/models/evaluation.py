"""Staged evaluation of ideas against weighted criteria.

Staff set up an evaluation process for one or more idea collections: its
criteria (name, description, weight, scale) and its ordered stages. Ideas enter
the first stage; evaluators score them criterion by criterion; moderators
decide per idea to advance it, merge it, or not pursue it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .contributions import Idea
from .spaces import IdeaCollection

JUSTIFICATION_MAX_LENGTH = 1000


class ScoreVisibility(models.TextChoices):
    """When an evaluator sees what the others scored."""

    AFTER_OWN = "after_own", _("Only after giving their own scores")
    ALWAYS = "always", _("At once")


class EvaluationProcess(ClusterableModel):
    """The evaluation of the ideas of one strategy process: staff define the
    criteria, the stages, who sees which scores, and how scores and supports are
    combined into the ranking."""

    title = models.CharField(
        _("name"),
        max_length=150,
        help_text=_("E.g. 'Idea check of the smart-city strategy'."),
    )
    collections = ParentalManyToManyField(
        IdeaCollection,
        verbose_name=_("idea collections"),
        blank=True,
        related_name="evaluation_processes",
        help_text=_("The collections whose ideas are evaluated in this process."),
    )
    score_visibility = models.CharField(
        _("evaluators see the others' scores"),
        max_length=10,
        choices=ScoreVisibility.choices,
        default=ScoreVisibility.AFTER_OWN,
    )
    public_scorecard = models.BooleanField(
        _("public scorecard"),
        default=False,
        help_text=_(
            "Show the mean score per criterion and the weighted total on each "
            "idea's public page (never who scored what)."
        ),
    )
    score_weight = models.PositiveSmallIntegerField(
        _("weight of the score in the ranking"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("In percent; the rest is the weight of the citizens' supports."),
    )
    support_weight = models.PositiveSmallIntegerField(
        _("weight of the supports in the ranking"),
        default=20,
        validators=[MaxValueValidator(100)],
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluation process")
        verbose_name_plural = _("evaluation processes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.score_weight + self.support_weight == 0:
            raise ValidationError(
                {"score_weight": _("At least one of the two weights must be above 0.")}
            )


class EvaluationCriterion(Orderable):
    """One published criterion ideas are scored against, e.g. 'added value for
    the town', with its weight and its scale."""

    process = ParentalKey(
        EvaluationProcess, on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What evaluators look at; published with the scorecard."),
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01)],
        help_text=_("Relative weight in the total, e.g. 1 or 2."),
    )
    scale_min = models.SmallIntegerField(_("lowest score"), default=0)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.scale_max is not None and self.scale_min is not None:
            if self.scale_max <= self.scale_min:
                raise ValidationError(
                    {"scale_max": _("The highest score must be above the lowest.")}
                )
            if self.scale_max - self.scale_min > 100:
                raise ValidationError(
                    {"scale_max": _("A scale may have at most 101 steps.")}
                )

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)


class EvaluationStage(Orderable):
    """One step of the evaluation, e.g. 'suitable as a smart-city topic'; ideas
    pass the stages in order and are scored at each."""

    process = ParentalKey(
        EvaluationProcess, on_delete=models.CASCADE, related_name="stages"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.name


class Outcome(models.TextChoices):
    """Where an idea stands in its evaluation."""

    OPEN = "open", _("being evaluated")
    ACCEPTED = "accepted", _("passed all stages")
    MERGED = "merged", _("merged")
    NOT_PURSUED = "not_pursued", _("not pursued")


class IdeaEvaluation(models.Model):
    """An idea's way through an evaluation process: its current stage and the
    outcome. Created when staff put the idea into evaluation."""

    idea = models.OneToOneField(
        Idea, on_delete=models.CASCADE, related_name="evaluation"
    )
    process = models.ForeignKey(
        EvaluationProcess,
        verbose_name=_("evaluation process"),
        on_delete=models.CASCADE,
        related_name="idea_evaluations",
    )
    stage = models.ForeignKey(
        EvaluationStage,
        verbose_name=_("current stage"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=Outcome.choices,
        default=Outcome.OPEN,
        db_index=True,
    )
    started_at = models.DateTimeField(_("evaluation started"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation of an idea")
        verbose_name_plural = _("evaluations of ideas")
        permissions = [("score_ideas", _("Can score ideas"))]

    def __str__(self):
        return str(self.idea_id)


class Score(models.Model):
    """One evaluator's score of one idea on one criterion at one stage, with a
    short justification. A criterion left out is a missing score, not a zero."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="scores")
    stage = models.ForeignKey(
        EvaluationStage, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        EvaluationCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    value = models.SmallIntegerField(_("score"))
    justification = models.TextField(
        _("justification"), max_length=JUSTIFICATION_MAX_LENGTH
    )
    updated_at = models.DateTimeField(_("scored"), default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "stage", "criterion", "evaluator"],
                name="one_score_per_evaluator_and_criterion",
            )
        ]
        indexes = [models.Index(fields=["stage", "idea"])]

    def __str__(self):
        return f"{self.idea_id}/{self.criterion_id}: {self.value}"


class DecisionKind(models.TextChoices):
    ADVANCE = "advance", _("advanced to the next stage")
    ACCEPT = "accept", _("passed the final stage")
    MERGE_IDEA = "merge_idea", _("merged into another idea")
    MERGE_MEASURE = "merge_measure", _("taken into a measure")
    NOT_PURSUED = "not_pursued", _("not pursued")


class EvaluationDecision(models.Model):
    """A moderator's decision on an idea, kept for the record and the open data
    (besides the entry in Wagtail's audit log)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="decisions")
    stage = models.ForeignKey(
        EvaluationStage,
        verbose_name=_("at stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("decision"), max_length=14, choices=DecisionKind.choices)
    reason = models.TextField(_("public reason"), blank=True)
    target_idea = models.ForeignKey(
        Idea,
        verbose_name=_("merged into idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_measure_key = models.UUIDField(
        _("taken into measure"), null=True, blank=True, default=None
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluation decision")
        verbose_name_plural = _("evaluation decisions")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.idea_id}: {self.kind}"
