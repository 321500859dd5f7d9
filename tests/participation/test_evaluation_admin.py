"""The evaluation in the admin: evaluators score and do nothing else, see the
others' scores only after their own, moderators see the results and decide;
decisions land in the audit log and on the idea's public page."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participation import evaluation
from participation.models import (
    EvaluationDecision,
    IdeaEvaluation,
    IdeaStatus,
    Measure,
    Outcome,
    Score,
    ScoreVisibility,
)

from .conftest import messages_of, url
from .evaluation_helpers import MeasureFactory, make_process
from .factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def process(collection):
    return make_process(
        [collection],
        criteria=[("Mehrwert für die Stadt", 2), ("Überschaubare Komplexität", 1)],
        stages=["Smart-City-Thema", "Schlussprüfung"],
    )


@pytest.fixture
def idea(collection, process, moderator):
    item = IdeaFactory(collection=collection, title="WLAN im Rathauspark")
    evaluation.start_evaluation(process, [item], moderator)
    item.refresh_from_db()
    return item


def score_data(process, values):
    data = {}
    for criterion, (value, text) in zip(
        process.criteria.order_by("sort_order"), values, strict=True
    ):
        data[f"value_{criterion.pk}"] = "" if value is None else str(value)
        data[f"justification_{criterion.pk}"] = text
    return data


def refused(response):
    """Wagtail answers a refused admin page with a redirect to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def scoring_url(idea):
    return reverse("participation_scoring:score", args=[idea.pk])


def test_starting_the_evaluation_puts_ideas_into_the_first_stage(idea, process):
    record = IdeaEvaluation.objects.get(idea=idea)
    assert record.stage.name == "Smart-City-Thema"
    assert idea.status == IdeaStatus.UNDER_EVALUATION
    assert ModelLogEntry.objects.filter(
        action="participation.evaluation_start", object_id=str(idea.pk)
    ).exists()


def test_an_evaluator_scores_criterion_by_criterion(client, evaluator, idea, process):
    client.force_login(evaluator)
    listing = client.get(reverse("participation_scoring:index"))
    assert listing.status_code == 200
    assert "WLAN im Rathauspark" in listing.content.decode()
    assert "not yet scored" in listing.content.decode()

    page = client.get(scoring_url(idea))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Mehrwert für die Stadt" in html
    assert "Justification for “Überschaubare Komplexität”" in html

    response = client.post(
        scoring_url(idea),
        score_data(process, [(4, "Hilft vielen"), (None, "")]),
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Your scores are saved."]
    assert list(Score.objects.values_list("value", "justification")) == [
        (4, "Hilft vielen")
    ]
    assert (
        "✓ scored"
        in client.get(reverse("participation_scoring:index")).content.decode()
    )


def test_a_score_without_justification_stores_nothing(client, evaluator, idea, process):
    client.force_login(evaluator)
    response = client.post(
        scoring_url(idea), score_data(process, [(4, "Gut"), (2, "  ")])
    )
    assert response.status_code == 400
    assert "Give a short justification for this score." in response.content.decode()
    assert not Score.objects.exists()


def test_a_score_off_the_scale_is_refused(client, evaluator, idea, process):
    client.force_login(evaluator)
    response = client.post(
        scoring_url(idea), score_data(process, [(9, "Viel"), (None, "")])
    )
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_an_empty_form_is_refused(client, evaluator, idea, process):
    client.force_login(evaluator)
    response = client.post(
        scoring_url(idea), score_data(process, [(None, ""), (None, "")])
    )
    assert response.status_code == 400
    assert "Give a score for at least one criterion." in response.content.decode()


def test_others_scores_are_hidden_until_the_evaluator_scored(
    client, evaluator, other_evaluator, idea, process
):
    first, second = process.criteria.order_by("sort_order")
    evaluation.save_scores(idea, other_evaluator, {first: (1, "Kaum Nutzen sichtbar")})
    client.force_login(evaluator)
    html = client.get(scoring_url(idea)).content.decode()
    assert "Kaum Nutzen sichtbar" not in html
    assert "once you have given your own" in html

    client.post(
        scoring_url(idea), score_data(process, [(5, "Großer Nutzen"), (None, "")])
    )
    html = client.get(scoring_url(idea)).content.decode()
    assert "Kaum Nutzen sichtbar" in html
    assert "Otto B" in html


def test_the_process_can_show_others_scores_at_once(
    client, evaluator, other_evaluator, idea, process
):
    process.score_visibility = ScoreVisibility.ALWAYS
    process.save()
    first = process.criteria.order_by("sort_order").first()
    evaluation.save_scores(idea, other_evaluator, {first: (1, "Kaum Nutzen sichtbar")})
    client.force_login(evaluator)
    assert "Kaum Nutzen sichtbar" in client.get(scoring_url(idea)).content.decode()


@pytest.mark.parametrize(
    "name, args",
    [
        ("participation_moderation:index", []),
        ("participation_ideas:index", []),
        ("participation_comments:index", []),
        ("participation_evaluation:index", []),
        ("wagtailadmin_explore_root", []),
        ("wagtailimages:index", []),
        ("wagtaildocs:index", []),
        ("wagtailusers_users:index", []),
    ],
)
def test_evaluators_can_do_nothing_else(client, evaluator, idea, name, args):
    client.force_login(evaluator)
    assert refused(client.get(reverse(name, args=args)))


def test_evaluators_cannot_reach_measures_processes_or_decisions(
    client, evaluator, idea, process
):
    client.force_login(evaluator)
    for model in (Measure, type(process)):
        assert refused(client.get(reverse(model.snippet_viewset.get_url_name("list"))))
        assert refused(client.get(reverse(model.snippet_viewset.get_url_name("add"))))
    assert refused(client.get(reverse("participation_evaluation:idea", args=[idea.pk])))
    assert refused(
        client.post(
            reverse("participation_evaluation:idea", args=[idea.pk]),
            {"decision": "not_pursued", "reason": "Nein"},
        )
    )
    assert IdeaEvaluation.objects.get(idea=idea).outcome == Outcome.OPEN


def test_the_evaluators_menu_has_only_scoring(client, evaluator):
    client.force_login(evaluator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("participation_scoring:index") in html
    assert reverse("participation_evaluation:index") not in html
    assert reverse("participation_moderation:index") not in html
    assert reverse(Measure.snippet_viewset.get_url_name("list")) not in html


def test_moderators_do_not_score_without_the_permission(moderator_client, idea):
    assert refused(moderator_client.get(scoring_url(idea)))


def test_the_summary_shows_scores_means_total_spread_and_supports(
    moderator_client, evaluator, other_evaluator, idea, process
):
    first, second = process.criteria.order_by("sort_order")
    evaluation.save_scores(idea, evaluator, {first: (5, "Sehr gut"), second: (5, "ok")})
    evaluation.save_scores(
        idea, other_evaluator, {first: (1, "Schwach"), second: (4, "gut")}
    )
    response = moderator_client.get(
        reverse("participation_evaluation:idea", args=[idea.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sehr gut" in html and "Schwach" in html
    # means 3.00 and 4.50; weighted total 100*(2*0.6+0.9)/3 = 70.0;
    # totals 100 and 100*(2*0.2+0.8)/3 = 40 -> spread 30.0
    for figure in ("3.00", "4.50", "70.0", "30.0"):
        assert figure in html

    ranking = moderator_client.get(
        reverse("participation_evaluation:process", args=[process.pk])
    )
    assert ranking.status_code == 200
    assert "WLAN im Rathauspark" in ranking.content.decode()


def decide(client, idea, **data):
    return client.post(reverse("participation_evaluation:idea", args=[idea.pk]), data)


def test_advance_then_accept_after_the_last_stage(moderator_client, idea, process):
    response = decide(moderator_client, idea, decision="advance", reason="")
    assert response.status_code == 302
    record = IdeaEvaluation.objects.get(idea=idea)
    assert record.stage.name == "Schlussprüfung"
    assert record.outcome == Outcome.OPEN
    decide(moderator_client, idea, decision="advance", reason="Passt zur Strategie.")
    record.refresh_from_db()
    idea.refresh_from_db()
    assert record.outcome == Outcome.ACCEPTED
    assert idea.status == IdeaStatus.ACCEPTED
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(idea.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == [
        "participation.evaluation_advance",
        "participation.evaluation_accept",
    ]
    assert list(
        EvaluationDecision.objects.filter(idea=idea).values_list("kind", flat=True)
    ) == ["advance", "accept"]
    page = moderator_client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Passt zur Strategie." in page
    assert "Accepted" in page
    history = moderator_client.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200
    html = history.content.decode()
    assert "Advanced from “Smart-City-Thema” to “Schlussprüfung”" in html
    assert "Passed the final stage: accepted. Reason: Passt zur Strategie." in html


def test_not_pursued_needs_a_public_reason(moderator_client, idea):
    response = decide(moderator_client, idea, decision="not_pursued", reason=" ")
    assert response.status_code == 400
    assert "Give a public reason" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.UNDER_EVALUATION
    assert not EvaluationDecision.objects.exists()

    decide(
        moderator_client,
        idea,
        decision="not_pursued",
        reason="Liegt nicht in der Zuständigkeit der Stadt.",
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NOT_PURSUED
    entry = ModelLogEntry.objects.get(
        action="participation.evaluation_not_pursued", object_id=str(idea.pk)
    )
    assert entry.data["reason"] == "Liegt nicht in der Zuständigkeit der Stadt."
    assert "Zuständigkeit" in entry.message
    page = moderator_client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Liegt nicht in der Zuständigkeit der Stadt." in page
    # a second decision is refused
    response = decide(moderator_client, idea, decision="advance", reason="")
    assert response.status_code == 400
    assert "A decision on this idea has already been taken." in (
        response.content.decode()
    )
    assert IdeaEvaluation.objects.get(idea=idea).outcome == Outcome.NOT_PURSUED


def test_merge_into_another_idea(moderator_client, idea, collection):
    target = IdeaFactory(collection=collection, title="Digitales Rathaus")
    decide(
        moderator_client,
        idea,
        decision="merge_idea",
        target_idea=target.pk,
        reason="Gleiches Anliegen.",
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.MERGED
    assert idea.merged_into == target
    assert ModelLogEntry.objects.filter(
        action="participation.evaluation_merge", object_id=str(idea.pk)
    ).exists()
    page = moderator_client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Digitales Rathaus" in page


def test_merge_into_a_measure_links_both_pages(moderator_client, idea):
    measure = MeasureFactory(title="Freies WLAN in der Innenstadt")
    decide(
        moderator_client,
        idea,
        decision="merge_measure",
        measure=measure.pk,
        reason="Wird Teil einer Maßnahme.",
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED
    assert ModelLogEntry.objects.filter(
        action="participation.evaluation_measure", object_id=str(idea.pk)
    ).exists()
    page = moderator_client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Freies WLAN in der Innenstadt" in page
    assert reverse_measure(measure) in page


def reverse_measure(measure):
    return url("measure_detail", measure.translation_key)


def test_a_bad_decision_changes_nothing(moderator_client, idea):
    response = decide(moderator_client, idea, decision="merge_idea", reason="")
    assert response.status_code == 400
    response = decide(moderator_client, idea, decision="merge_measure", measure="999")
    assert response.status_code == 400
    response = decide(moderator_client, idea, decision="nonsense")
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.UNDER_EVALUATION
    assert not EvaluationDecision.objects.exists()


def test_the_public_scorecard_follows_the_process_setting(
    client, evaluator, other_evaluator, idea, process
):
    first, second = process.criteria.order_by("sort_order")
    evaluation.save_scores(idea, evaluator, {first: (4, "Nützlich"), second: (2, "x")})
    evaluation.save_scores(idea, other_evaluator, {first: (2, "Mittel")})
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Scorecard" not in html

    process.public_scorecard = True
    process.save()
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Scorecard" in html
    # the criteria and stages are written in German: marked so for screen readers
    assert '<th scope="row" lang="de">Mehrwert für die Stadt</th>' in html
    assert 'at the stage “<span lang="de">' in html
    assert "3.0 (scale 0 to 5)" in html
    # 100 * (2 * 0.6 + 0.4) / 3 = 53.3 -> 53
    assert "<strong>53</strong>" in html
    # never who scored, nor the justifications
    assert "Nützlich" not in html
    assert "Eva" not in html


def test_moderators_start_the_evaluation_and_merge_ideas_from_the_process_page(
    moderator_client, collection, process
):
    waiting = IdeaFactory(collection=collection, title="Neue Idee")
    other = IdeaFactory(collection=collection, title="Zweite Idee")
    process_url = reverse("participation_evaluation:process", args=[process.pk])
    page = moderator_client.get(process_url).content.decode()
    assert "2 public ideas of the process's collections" in page
    response = moderator_client.post(process_url, {"action": "start"})
    assert messages_of(response) == ["2 ideas are now being evaluated."]
    assert IdeaEvaluation.objects.filter(idea__in=[waiting, other]).count() == 2

    measure = MeasureFactory(title="Digitale Bürgerdienste")
    bad = moderator_client.post(process_url, {"action": "merge", "measure": measure.pk})
    assert bad.status_code == 400
    assert "Choose at least one idea." in bad.content.decode()
    response = moderator_client.post(
        process_url,
        {
            "action": "merge",
            "ideas": [waiting.pk, other.pk],
            "measure": measure.pk,
            "reason": "",
        },
    )
    assert messages_of(response) == [
        "2 ideas were taken into the measure “Digitale Bürgerdienste”."
    ]
    assert set(
        IdeaEvaluation.objects.filter(idea__in=[waiting, other]).values_list(
            "outcome", flat=True
        )
    ) == {Outcome.MERGED}


def test_staff_set_up_a_process_and_write_a_measure_in_the_admin(
    moderator_client, collection, field_page
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
    )

    from participation.models import EvaluationProcess

    add_process = reverse(EvaluationProcess.snippet_viewset.get_url_name("add"))
    data = nested_form_data(
        {
            "title": "Ideencheck",
            "score_visibility": "after_own",
            "public_scorecard": "on",
            "score_weight": 70,
            "support_weight": 30,
            "criteria": inline_formset(
                [
                    {
                        "name": "Mehrwert für die Stadt",
                        "description": "Nutzen für viele",
                        "weight": "2",
                        "scale_min": 0,
                        "scale_max": 5,
                    },
                    {
                        "name": "Soziale Nachhaltigkeit",
                        "description": "",
                        "weight": "1",
                        "scale_min": 1,
                        "scale_max": 3,
                    },
                ]
            ),
            "stages": inline_formset([{"name": "Smart-City-Thema", "description": ""}]),
        }
    )
    data["collections"] = [collection.pk]
    response = moderator_client.post(add_process, data)
    assert response.status_code == 302, response.context["form"].errors
    process = EvaluationProcess.objects.get(title="Ideencheck")
    assert list(process.collections.all()) == [collection]
    assert [(c.name, c.scale_max) for c in process.criteria.all()] == [
        ("Mehrwert für die Stadt", 5),
        ("Soziale Nachhaltigkeit", 3),
    ]
    assert process.stages.count() == 1

    bad = dict(data, **{"criteria-0-scale_max": "0", "title": "Kaputt"})
    response = moderator_client.post(add_process, bad)
    assert response.status_code == 200
    assert not EvaluationProcess.objects.filter(title="Kaputt").exists()

    add_measure = reverse(Measure.snippet_viewset.get_url_name("add"))
    response = moderator_client.post(
        add_measure,
        nested_form_data(
            {
                "title": "Mobilitätsstation",
                "description": rich_text("<p>Am Bahnhof.</p>"),
                "status": "decided",
                "priority": "high",
                "responsible_unit": "Fachbereich Verkehr",
                "cost_range": "50k-250k",
                "timeline_start": "2023-01-01",
                "timeline_end": "2024-06-30",
                "fields_of_action": inline_formset([{"page": field_page.pk}]),
                "progress_updates": inline_formset(
                    [{"date": "2023-03-01", "text": "Beschlossen."}]
                ),
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    measure = Measure.objects.get(title="Mobilitätsstation")
    assert [f.page_id for f in measure.fields_of_action.all()] == [field_page.pk]
    update = measure.progress_updates.get()
    assert (update.text, update.locale_id) == ("Beschlossen.", measure.locale_id)


def test_two_clicks_on_advance_never_skip_a_stage(moderator_client, idea):
    stage = IdeaEvaluation.objects.get(idea=idea).stage_id
    page = moderator_client.get(
        reverse("participation_evaluation:idea", args=[idea.pk])
    )
    assert f'name="stage" value="{stage}"' in page.content.decode()
    first = decide(moderator_client, idea, decision="advance", stage=stage)
    assert first.status_code == 302
    second = decide(moderator_client, idea, decision="advance", stage=stage)
    assert second.status_code == 400
    assert "moved to another stage meanwhile" in second.content.decode()
    record = IdeaEvaluation.objects.get(idea=idea)
    assert record.stage.name == "Schlussprüfung"
    assert record.outcome == Outcome.OPEN


def test_the_measure_edit_screen_lists_its_source_ideas(moderator_client, collection):
    measure = MeasureFactory(title="Digitale Bürgerdienste")
    first = IdeaFactory(collection=collection, title="Termine online", support_count=3)
    second = IdeaFactory(collection=collection, title="Anträge online", support_count=2)
    from participation.measures import merge_into_measure

    edit = reverse(Measure.snippet_viewset.get_url_name("edit"), args=[measure.pk])
    html = moderator_client.get(edit).content.decode()
    assert "No idea has been taken into this measure yet." in html
    merge_into_measure([first, second], measure, None)
    html = moderator_client.get(edit).content.decode()
    assert "2 ideas of citizens, supported 5 times in all." in html
    assert "Termine online" in html and "Anträge online" in html
