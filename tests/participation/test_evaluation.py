"""Scoring arithmetic: normalised scales, weights, missing scores, evaluator
totals and spread, and the ranking by weighted score and supports."""

import statistics
from decimal import Decimal
from types import SimpleNamespace

import pytest

from participation import evaluation
from participation.models import IdeaEvaluation, Score

from .evaluation_helpers import make_process
from .factories import IdeaFactory, SupportFactory


def criterion(pk, weight=1, scale_min=0, scale_max=5):
    return SimpleNamespace(
        pk=pk, weight=Decimal(weight), scale_min=scale_min, scale_max=scale_max
    )


def score(evaluator_id, criterion_id, value):
    return SimpleNamespace(
        evaluator_id=evaluator_id, criterion_id=criterion_id, value=value
    )


def idea(pk=1, supports=0):
    return SimpleNamespace(pk=pk, support_count=supports)


def test_normalise_maps_any_scale_to_zero_to_one():
    assert evaluation.normalise(0, 0, 5) == 0
    assert evaluation.normalise(5, 0, 5) == 1
    assert evaluation.normalise(3, 1, 5) == 0.5
    assert evaluation.normalise(-1, -2, 2) == 0.25


def test_weighted_total_uses_the_weights():
    criteria = [criterion(1, weight=2), criterion(2, weight=1)]
    # 5/5 on the double-weighted criterion, 2/5 on the other:
    # 100 * (2*1.0 + 1*0.4) / 3 = 80
    summary = evaluation.summarise(idea(), criteria, [score(7, 1, 5), score(7, 2, 2)])
    assert summary.weighted == pytest.approx(80.0)
    assert [c.mean for c in summary.criteria] == [5, 2]


def test_different_scales_are_normalised_before_combining():
    criteria = [criterion(1, scale_min=0, scale_max=10), criterion(2, scale_max=2)]
    # 5 of 0..10 is half, 2 of 0..2 is full: (0.5 + 1.0) / 2 = 75
    summary = evaluation.summarise(idea(), criteria, [score(7, 1, 5), score(7, 2, 2)])
    assert summary.weighted == pytest.approx(75.0)
    assert [c.normalised for c in summary.criteria] == [0.5, 1.0]


def test_a_missing_score_is_left_out_not_counted_as_zero():
    criteria = [criterion(1, weight=1), criterion(2, weight=3)]
    summary = evaluation.summarise(idea(), criteria, [score(7, 1, 4)])
    # only criterion 1 has a mean: 4/5 = 80, the weight of 2 does not dilute it
    assert summary.weighted == pytest.approx(80.0)
    assert summary.criteria[1].mean is None
    assert summary.criteria[1].count == 0


def test_no_scores_at_all_means_no_total():
    summary = evaluation.summarise(idea(), [criterion(1)], [])
    assert summary.weighted is None
    assert summary.spread is None
    assert summary.evaluator_count == 0


def test_mean_per_criterion_and_evaluator_totals_and_spread():
    criteria = [criterion(1, weight=2), criterion(2, weight=1)]
    scores = [
        score(7, 1, 5),
        score(7, 2, 5),  # evaluator 7: 100
        score(8, 1, 1),
        score(8, 2, 4),  # evaluator 8: 100 * (2*0.2 + 0.8) / 3 = 40
        score(9, 1, 3),  # evaluator 9 scored one criterion only: 60
    ]
    summary = evaluation.summarise(idea(), criteria, scores)
    assert summary.criteria[0].mean == pytest.approx(3.0)
    assert summary.criteria[1].mean == pytest.approx(4.5)
    assert summary.criteria[0].spread == pytest.approx(statistics.pstdev([5, 1, 3]))
    assert summary.evaluator_totals == pytest.approx({7: 100.0, 8: 40.0, 9: 60.0})
    assert summary.spread == pytest.approx(statistics.pstdev([100, 40, 60]))
    # the total combines the means: 100 * (2 * 3/5 + 4.5/5) / 3 = 70
    assert summary.weighted == pytest.approx(70.0)


def test_one_evaluator_has_no_spread():
    summary = evaluation.summarise(idea(), [criterion(1)], [score(7, 1, 2)])
    assert summary.spread is None
    assert summary.criteria[0].spread is None


def summary_of(pk, weighted, supports):
    return evaluation.IdeaSummary(
        idea=idea(pk, supports),
        criteria=[],
        evaluator_totals={},
        weighted=weighted,
        spread=None,
        supports=supports,
    )


def test_ranking_combines_weighted_score_and_support_share():
    a = summary_of(1, 90.0, 0)
    b = summary_of(2, 70.0, 50)
    c = summary_of(3, 80.0, 10)
    ranked = evaluation.rank([a, b, c], score_weight=80, support_weight=20)
    # a: 0.8*90 + 0.2*0 = 72; b: 0.8*70 + 0.2*100 = 76; c: 0.8*80 + 0.2*20 = 68
    assert [s.idea.pk for s in ranked] == [2, 1, 3]
    assert [s.rank for s in ranked] == [1, 2, 3]
    assert b.support_share == 100
    assert c.support_share == pytest.approx(20)
    assert b.ranking == pytest.approx(76)
    assert a.ranking == pytest.approx(72)


def test_ranking_by_score_alone_and_by_supports_alone():
    a, b = summary_of(1, 90.0, 1), summary_of(2, 60.0, 9)
    assert [s.idea.pk for s in evaluation.rank([a, b], 100, 0)] == [1, 2]
    assert [s.idea.pk for s in evaluation.rank([a, b], 0, 100)] == [2, 1]


def test_unscored_ideas_come_last_by_supports():
    scored = summary_of(1, 10.0, 0)
    popular = summary_of(2, None, 99)
    quiet = summary_of(3, None, 5)
    ranked = evaluation.rank([quiet, popular, scored])
    assert [s.idea.pk for s in ranked] == [1, 2, 3]
    assert popular.ranking is None


def test_no_supports_anywhere_gives_a_share_of_zero():
    a, b = summary_of(1, 50.0, 0), summary_of(2, 40.0, 0)
    ranked = evaluation.rank([a, b], 50, 50)
    assert [s.support_share for s in ranked] == [0, 0]
    assert a.ranking == pytest.approx(25.0)


# With the database: scores stored per stage, summaries and ranking per stage.


@pytest.mark.django_db
def test_summarise_stage_ranks_the_stored_scores(
    collection, moderator, evaluator, other_evaluator
):
    process = make_process(
        [collection],
        criteria=[("Mehrwert", 2), ("Komplexität", 1, 1, 3)],
        stages=["Erste Stufe", "Zweite Stufe"],
        score_weight=50,
        support_weight=50,
    )
    first, second = process.stages.order_by("sort_order")
    value, complexity = process.criteria.order_by("sort_order")
    strong = IdeaFactory(collection=collection, title="Stark")
    liked = IdeaFactory(collection=collection, title="Beliebt")
    for _ in range(4):
        SupportFactory(idea=liked)
    liked.refresh_from_db()
    assert evaluation.start_evaluation(process, [strong, liked], moderator) == 2
    evaluation.save_scores(
        strong, evaluator, {value: (5, "Großer Nutzen"), complexity: (3, "Einfach")}
    )
    evaluation.save_scores(
        strong, other_evaluator, {value: (3, "Nutzen"), complexity: (None, "")}
    )
    evaluation.save_scores(liked, evaluator, {value: (1, "Wenig Nutzen")})
    # a score at another stage does not count at the first
    Score.objects.create(
        idea=liked,
        stage=second,
        criterion=value,
        evaluator=evaluator,
        value=5,
        justification="später",
    )

    ranked = evaluation.summarise_stage(process, first, [liked, strong])
    by_title = {s.idea.title: s for s in ranked}
    # strong: value mean 4 of 0..5 = 0.8 (weight 2), complexity 3 of 1..3 = 1.0
    assert by_title["Stark"].weighted == pytest.approx(100 * (2 * 0.8 + 1.0) / 3)
    assert by_title["Beliebt"].weighted == pytest.approx(20.0)
    assert by_title["Stark"].spread == pytest.approx(statistics.pstdev([100.0, 60.0]))
    # Stark: (86.67 + 0) / 2 = 43.3; Beliebt: (20 + 100) / 2 = 60
    assert [s.idea.title for s in ranked] == ["Beliebt", "Stark"]
    assert IdeaEvaluation.objects.get(idea=strong).stage == first


@pytest.mark.django_db
def test_scores_must_lie_on_the_scale_and_be_justified(
    collection, evaluator, moderator
):
    process = make_process([collection], criteria=[("Mehrwert", 1, 1, 3)])
    (value,) = process.criteria.all()
    item = IdeaFactory(collection=collection)
    evaluation.start_evaluation(process, [item], moderator)
    with pytest.raises(evaluation.EvaluationError):
        evaluation.save_scores(item, evaluator, {value: (4, "zu hoch")})
    with pytest.raises(evaluation.EvaluationError):
        evaluation.save_scores(item, evaluator, {value: (2, "  ")})
    assert not Score.objects.exists()
    evaluation.save_scores(item, evaluator, {value: (2, "passt")})
    evaluation.save_scores(item, evaluator, {value: (3, "besser")})
    assert list(Score.objects.values_list("value", "justification")) == [(3, "besser")]
