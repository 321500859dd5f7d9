"""Scoring arithmetic and the decisions of the staged evaluation.

The arithmetic (documented for staff in docs/evaluation.md):

- Every score is normalised to 0..1 on its criterion's scale:
  (value - lowest) / (highest - lowest), so criteria with different scales
  can be combined.
- The mean per criterion is the mean of the normalised scores the evaluators
  gave; a criterion nobody scored has no mean (a missing score is not a zero).
- The weighted total (0..100) is the weighted mean of the criterion means,
  over the criteria that have a mean: 100 * sum(w * mean) / sum(w).
- An evaluator's total is computed the same way from their own scores; the
  spread (disagreement, 0..100) is the population standard deviation of the
  evaluators' totals (none with fewer than two evaluators).
- The ranking value (0..100) combines the weighted total S and the support
  share P = 100 * supports / most supports of any idea in the list:
  (a * S + b * P) / (a + b), with the process's weights a (score) and b
  (supports). Ideas nobody scored come last, by supports.

The decisions change an idea in one transaction, are recorded as an
EvaluationDecision and in Wagtail's audit log, and tell the author by e-mail.
"""

import dataclasses
import statistics
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import emails
from .models import (
    DecisionKind,
    EvaluationDecision,
    FollowNotice,
    Idea,
    IdeaEvaluation,
    IdeaStatus,
    Outcome,
    Score,
    ScoreVisibility,
)
from .subscriptions import notify_followers


class EvaluationError(ValueError):
    """A decision or score that cannot be taken; the message says why."""


# --- arithmetic ----------------------------------------------------------------------


def normalise(value, scale_min, scale_max):
    """A score as a share of its scale, 0..1."""
    return (value - scale_min) / (scale_max - scale_min)


def weighted_mean(means, weights):
    """100 * sum(w * m) / sum(w) over the criteria with a mean; None if none."""
    total = weight_sum = Decimal(0)
    for key, mean in means.items():
        if mean is None:
            continue
        weight = Decimal(weights[key])
        total += weight * Decimal(str(mean))
        weight_sum += weight
    if not weight_sum:
        return None
    return float(100 * total / weight_sum)


@dataclasses.dataclass
class CriterionSummary:
    """The scores of one idea on one criterion."""

    criterion: object
    values: dict  # evaluator id -> raw value
    mean: float | None  # of the raw values, on the criterion's scale
    normalised: float | None  # 0..1
    spread: float | None  # population std dev of the raw values

    @property
    def count(self):
        return len(self.values)


@dataclasses.dataclass
class IdeaSummary:
    """Everything the admin shows about one idea's scores at one stage."""

    idea: object
    criteria: list
    evaluator_totals: dict  # evaluator id -> 0..100
    weighted: float | None
    spread: float | None
    supports: int
    support_share: float = 0.0
    ranking: float | None = None
    rank: int | None = None

    @property
    def evaluator_count(self):
        return len(self.evaluator_totals)


def summarise(idea, criteria, scores, supports=None):
    """Summarise one idea's scores (rows with evaluator_id, criterion_id, value)
    against the given criteria."""
    by_criterion = defaultdict(dict)
    by_evaluator = defaultdict(dict)
    for score in scores:
        by_criterion[score.criterion_id][score.evaluator_id] = score.value
        by_evaluator[score.evaluator_id][score.criterion_id] = score.value
    weights = {c.pk: c.weight for c in criteria}
    limits = {c.pk: (c.scale_min, c.scale_max) for c in criteria}
    summaries, means = [], {}
    for criterion in criteria:
        values = by_criterion.get(criterion.pk, {})
        raw = list(values.values())
        mean = statistics.fmean(raw) if raw else None
        normalised = (
            normalise(mean, criterion.scale_min, criterion.scale_max)
            if mean is not None
            else None
        )
        means[criterion.pk] = normalised
        summaries.append(
            CriterionSummary(
                criterion=criterion,
                values=values,
                mean=mean,
                normalised=normalised,
                spread=statistics.pstdev(raw) if len(raw) > 1 else None,
            )
        )
    totals = {}
    for evaluator, given in by_evaluator.items():
        own = {
            key: normalise(value, *limits[key])
            for key, value in given.items()
            if key in limits
        }
        total = weighted_mean(own, weights)
        if total is not None:
            totals[evaluator] = total
    spread = statistics.pstdev(totals.values()) if len(totals) > 1 else None
    return IdeaSummary(
        idea=idea,
        criteria=summaries,
        evaluator_totals=totals,
        weighted=weighted_mean(means, weights),
        spread=spread,
        supports=idea.support_count if supports is None else supports,
    )


def rank(summaries, score_weight=80, support_weight=20):
    """Order summaries by the ranking value (see the module docstring) and set
    their support share, ranking value and rank (1 = first)."""
    most = max((s.supports for s in summaries), default=0)
    total_weight = score_weight + support_weight
    for summary in summaries:
        summary.support_share = 100 * summary.supports / most if most else 0.0
        if summary.weighted is None or not total_weight:
            summary.ranking = None
        else:
            summary.ranking = (
                score_weight * summary.weighted + support_weight * summary.support_share
            ) / total_weight
    ordered = sorted(
        summaries,
        key=lambda s: (
            s.ranking is None,
            -(s.ranking or 0),
            -(s.weighted or 0),
            -s.supports,
            s.idea.pk,
        ),
    )
    for position, summary in enumerate(ordered, start=1):
        summary.rank = position
    return ordered


# --- loading -------------------------------------------------------------------------


def criteria_of(process):
    return list(process.criteria.all())


def stage_scores(ideas, stage):
    """All scores of the given ideas at a stage, grouped by idea id; one query."""
    grouped = defaultdict(list)
    ids = [idea.pk for idea in ideas]
    if not ids or stage is None:
        return grouped
    for score in Score.objects.filter(stage=stage, idea_id__in=ids).order_by(
        "evaluator_id", "criterion_id"
    ):
        grouped[score.idea_id].append(score)
    return grouped


def summarise_stage(process, stage, ideas, criteria=None):
    """Summaries of the given ideas at a stage, ranked by the process's weights."""
    criteria = criteria if criteria is not None else criteria_of(process)
    scores = stage_scores(ideas, stage)
    summaries = [summarise(idea, criteria, scores.get(idea.pk, [])) for idea in ideas]
    return rank(summaries, process.score_weight, process.support_weight)


def may_see_others(process, evaluator, idea, stage):
    """Whether an evaluator may see the other evaluators' scores of an idea:
    always, or only once they have given at least one score of their own."""
    if process.score_visibility == ScoreVisibility.ALWAYS:
        return True
    return Score.objects.filter(idea=idea, stage=stage, evaluator=evaluator).exists()


def public_scorecard(idea):
    """The idea's public scorecard, or None: the criterion means and weighted
    total at the last stage it was scored at, if its process publishes them."""
    evaluation = (
        IdeaEvaluation.objects.filter(idea=idea, process__public_scorecard=True)
        .select_related("process")
        .first()
    )
    if evaluation is None:
        return None
    scores = list(Score.objects.filter(idea=idea).select_related("stage", "criterion"))
    if not scores:
        return None
    latest = max(scores, key=lambda s: (s.stage.sort_order or 0, s.stage_id)).stage
    at_stage = [s for s in scores if s.stage_id == latest.pk]
    criteria = criteria_of(evaluation.process)
    summary = summarise(idea, criteria, at_stage)
    return {"stage": latest, "summary": summary}


# --- decisions -----------------------------------------------------------------------


def _locked_evaluation(idea):
    evaluation = (
        IdeaEvaluation.objects.select_for_update(of=("self",))
        .select_related("stage", "process")
        .filter(idea_id=idea.pk)
        .first()
    )
    if evaluation is None:
        raise EvaluationError(_("This idea is not being evaluated."))
    return evaluation


def _require_open(evaluation):
    if evaluation.outcome != Outcome.OPEN:
        raise EvaluationError(_("A decision on this idea has already been taken."))


def _set_idea_status(idea, status, reason, merged_into=None):
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    previous = locked.status
    locked.status = status
    locked.status_reason = reason
    locked.merged_into = merged_into
    locked.save(update_fields=["status", "status_reason", "merged_into"])
    if previous != status:
        # queued in the outbox inside this transaction: gone if it rolls back
        emails.send_status_change(locked)
        notify_followers(locked, FollowNotice.STATUS)
    return locked, previous


def _record(idea, evaluation, kind, user, reason="", **targets):
    decision = EvaluationDecision.objects.create(
        idea=idea,
        stage=evaluation.stage if evaluation is not None else None,
        kind=kind,
        reason=reason,
        decided_by=user,
        **targets,
    )
    return decision


@transaction.atomic
def start_evaluation(process, ideas, user):
    """Put visible ideas that are not yet evaluated into the process's first
    stage; their public status becomes 'under evaluation'. Returns how many."""
    first = process.stages.order_by("sort_order", "pk").first()
    if first is None:
        raise EvaluationError(_("Add at least one stage to the process first."))
    started = 0
    for idea in ideas:
        if not idea.is_visible or IdeaEvaluation.objects.filter(idea=idea).exists():
            continue
        if idea.status in (IdeaStatus.MERGED, IdeaStatus.NOT_PURSUED):
            continue
        IdeaEvaluation.objects.create(idea=idea, process=process, stage=first)
        locked, previous = _set_idea_status(idea, IdeaStatus.UNDER_EVALUATION, "")
        log(
            instance=locked,
            action="participation.evaluation_start",
            user=user,
            data={"stage": first.name, "from": previous},
        )
        started += 1
    return started


@transaction.atomic
def save_scores(idea, evaluator, values):
    """Store an evaluator's scores of an idea at its current stage, all or none.
    `values` maps each criterion to (value or None, justification); None removes
    the score. A score needs a justification and must lie on the scale."""
    evaluation = _locked_evaluation(idea)
    _require_open(evaluation)
    stage = evaluation.stage
    criteria = {c.pk: c for c in evaluation.process.criteria.all()}
    now = timezone.now()
    changed = 0
    for criterion, (value, justification) in values.items():
        if criterion.pk not in criteria:
            raise EvaluationError(_("This criterion belongs to another process."))
        if value is None:
            changed += Score.objects.filter(
                idea=idea, stage=stage, criterion=criterion, evaluator=evaluator
            ).delete()[0]
            continue
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise EvaluationError(
                _("“%(criterion)s”: the score must lie between %(min)s and %(max)s.")
                % {
                    "criterion": criterion.name,
                    "min": criterion.scale_min,
                    "max": criterion.scale_max,
                }
            )
        if not (justification or "").strip():
            raise EvaluationError(
                _("“%(criterion)s”: give a short justification for your score.")
                % {"criterion": criterion.name}
            )
        Score.objects.update_or_create(
            idea=idea,
            stage=stage,
            criterion=criterion,
            evaluator=evaluator,
            defaults={
                "value": value,
                "justification": justification.strip(),
                "updated_at": now,
            },
        )
        changed += 1
    log(
        instance=idea,
        action="participation.score",
        user=evaluator,
        data={"stage": stage.name if stage else ""},
    )
    return changed


@transaction.atomic
def advance(idea, user, reason="", expected_stage=None):
    """Move an idea on to the next stage; after the final stage it has passed
    the evaluation and its public status becomes 'accepted'. With
    `expected_stage` (the stage id the moderator saw), nothing happens if the
    idea has moved on meanwhile, so two clicks never skip a stage."""
    evaluation = _locked_evaluation(idea)
    _require_open(evaluation)
    if expected_stage is not None and evaluation.stage_id != expected_stage:
        raise EvaluationError(
            _("The idea has moved to another stage meanwhile. Nothing was changed.")
        )
    stages = list(evaluation.process.stages.order_by("sort_order", "pk"))
    current = evaluation.stage
    position = next(
        (i for i, s in enumerate(stages) if current and s.pk == current.pk), None
    )
    if position is not None and position + 1 < len(stages):
        _record(idea, evaluation, DecisionKind.ADVANCE, user, reason)
        evaluation.stage = stages[position + 1]
        evaluation.save(update_fields=["stage"])
        log(
            instance=idea,
            action="participation.evaluation_advance",
            user=user,
            data={
                "from": current.name,
                "to": evaluation.stage.name,
                "reason": reason,
            },
        )
        return evaluation
    _record(idea, evaluation, DecisionKind.ACCEPT, user, reason)
    evaluation.outcome = Outcome.ACCEPTED
    evaluation.decided_at = timezone.now()
    evaluation.save(update_fields=["outcome", "decided_at"])
    _set_idea_status(idea, IdeaStatus.ACCEPTED, reason)
    log(
        instance=idea,
        action="participation.evaluation_accept",
        user=user,
        data={"stage": current.name if current else "", "reason": reason},
    )
    return evaluation


def _close(evaluation, outcome):
    if evaluation is None:
        return
    evaluation.outcome = outcome
    evaluation.decided_at = timezone.now()
    evaluation.save(update_fields=["outcome", "decided_at"])


def _optional_evaluation(idea):
    evaluation = (
        IdeaEvaluation.objects.select_for_update(of=("self",))
        .select_related("stage")
        .filter(idea_id=idea.pk)
        .first()
    )
    if evaluation is not None:
        _require_open(evaluation)
    return evaluation


@transaction.atomic
def merge_into_idea(idea, target, user, reason=""):
    """Merge an idea into another one: it is shown as 'merged' with a link to
    the other idea, and its evaluation ends."""
    if target is None or target.pk == idea.pk:
        raise EvaluationError(_("Choose another idea to merge this one into."))
    if target.merged_into_id == idea.pk:
        raise EvaluationError(_("That idea was merged into this one."))
    evaluation = _optional_evaluation(idea)
    _record(idea, evaluation, DecisionKind.MERGE_IDEA, user, reason, target_idea=target)
    _close(evaluation, Outcome.MERGED)
    _set_idea_status(idea, IdeaStatus.MERGED, reason, merged_into=target)
    log(
        instance=idea,
        action="participation.evaluation_merge",
        user=user,
        data={"target": target.pk, "title": target.title, "reason": reason},
    )


@transaction.atomic
def not_pursued(idea, user, reason):
    """End an idea's way with a public reason, shown on its page."""
    if not (reason or "").strip():
        raise EvaluationError(_("Give a public reason why the idea is not pursued."))
    evaluation = _optional_evaluation(idea)
    _record(idea, evaluation, DecisionKind.NOT_PURSUED, user, reason.strip())
    _close(evaluation, Outcome.NOT_PURSUED)
    _set_idea_status(idea, IdeaStatus.NOT_PURSUED, reason.strip())
    log(
        instance=idea,
        action="participation.evaluation_not_pursued",
        user=user,
        data={"reason": reason.strip()},
    )
