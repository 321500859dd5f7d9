"""The evaluation and the catalogue of measures in the Wagtail admin.

Evaluators (the "Evaluators" group, permission ``participation.score_ideas``)
reach only the scoring screens: the ideas waiting at a stage and, per idea, a
form criterion by criterion. Moderators see per idea everyone's scores with
the means, the weighted total, the spread and the supports, a ranked list per
idea collection, and decide: advance, merge into an idea or a measure, or not
pursued. Staff with the model permissions set up evaluation processes
(criteria, stages) and write measures as snippets.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .. import evaluation as services
from ..measures import merge_into_measure
from ..models import (
    DESCRIPTION_MAX_LENGTH,
    EvaluationProcess,
    Idea,
    IdeaEvaluation,
    Measure,
    MeasureSource,
    Outcome,
    Score,
)
from ..models.evaluation import JUSTIFICATION_MAX_LENGTH
from .permissions import can_moderate

SCORE_PERMISSION = "participation.score_ideas"
NAMESPACE = "participation_evaluation"
SCORING = "participation_scoring"


def can_score(user):
    """Whether this staff member may score ideas (the "Evaluators" group)."""
    return bool(user and user.is_active and user.has_perm(SCORE_PERMISSION))


def evaluator_name(user):
    return user.get_full_name() or user.get_username()


class EvaluatorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_score(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModeratorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- forms ---------------------------------------------------------------------------


class ScoreForm(forms.Form):
    """One score and one justification per criterion of the process; a
    criterion left at "no score" counts as missing, not as zero."""

    def __init__(self, *args, criteria, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        existing = existing or {}
        for criterion in criteria:
            own = existing.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score for “%(criterion)s”") % {"criterion": criterion.name},
                choices=[("", _("No score"))]
                + [(value, str(value)) for value in criterion.scale],
                coerce=int,
                empty_value=None,
                required=False,
                initial=own.value if own else "",
                help_text=_("From %(min)s (lowest) to %(max)s (highest).")
                % {"min": criterion.scale_min, "max": criterion.scale_max},
            )
            self.fields[f"justification_{criterion.pk}"] = forms.CharField(
                label=_("Justification for “%(criterion)s”")
                % {"criterion": criterion.name},
                required=False,
                max_length=JUSTIFICATION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=own.justification if own else "",
            )

    def rows(self):
        """(criterion, value field, justification field) for the template."""
        return [
            (c, self[f"value_{c.pk}"], self[f"justification_{c.pk}"])
            for c in self.criteria
        ]

    def clean(self):
        cleaned = super().clean()
        given = 0
        for criterion in self.criteria:
            value = cleaned.get(f"value_{criterion.pk}")
            justification = (cleaned.get(f"justification_{criterion.pk}") or "").strip()
            if value is not None:
                given += 1
                if not justification:
                    self.add_error(
                        f"justification_{criterion.pk}",
                        _("Give a short justification for this score."),
                    )
        if not given and not self.errors:
            raise forms.ValidationError(_("Give a score for at least one criterion."))
        return cleaned

    def values(self):
        return {
            c: (
                self.cleaned_data.get(f"value_{c.pk}"),
                self.cleaned_data.get(f"justification_{c.pk}", ""),
            )
            for c in self.criteria
        }


ADVANCE, MERGE_IDEA, MERGE_MEASURE, NOT_PURSUED = (
    "advance",
    "merge_idea",
    "merge_measure",
    "not_pursued",
)


class DecisionForm(forms.Form):
    """A moderator's decision on an idea in evaluation."""

    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (
                ADVANCE,
                gettext_lazy("Advance to the next stage (or accept after the last)"),
            ),
            (MERGE_IDEA, gettext_lazy("Merge into another idea")),
            (MERGE_MEASURE, gettext_lazy("Take into a measure")),
            (NOT_PURSUED, gettext_lazy("Not pursued")),
        ],
    )
    reason = forms.CharField(
        label=gettext_lazy("Public reason"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Shown on the idea's page; required when it is not pursued."
        ),
    )
    target_idea = forms.ModelChoiceField(
        label=gettext_lazy("Merge into idea"),
        queryset=Idea.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose an idea…"),
    )
    measure = forms.ModelChoiceField(
        label=gettext_lazy("Measure"),
        queryset=Measure.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose a measure…"),
    )
    stage = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, idea, stage=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.idea = idea
        self.fields["stage"].initial = stage.pk if stage else None
        self.fields["target_idea"].queryset = (
            Idea.objects.visible()
            .filter(collection_id=idea.collection_id)
            .exclude(pk=idea.pk)
            .only("pk", "title")
            .order_by("title")
        )
        self.fields["measure"].queryset = measure_choices()

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == NOT_PURSUED and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Give a public reason why the idea is not pursued.")
            )
        if decision == MERGE_IDEA and not cleaned.get("target_idea"):
            if "target_idea" not in self.errors:
                self.add_error("target_idea", _("Choose the idea to merge into."))
        if decision == MERGE_MEASURE and not cleaned.get("measure"):
            if "measure" not in self.errors:
                self.add_error("measure", _("Choose the measure."))
        return cleaned


def measure_choices():
    """Measures to merge ideas into: one version per measure (the default
    language's, or the first)."""
    from ..measures import default_language

    return Measure.objects.filter(locale__language_code=default_language()).order_by(
        "title"
    )


class MeasureMergeForm(forms.Form):
    """Take several ideas of an evaluation into one measure at once."""

    ideas = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Ideas"),
        queryset=Idea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one idea.")},
    )
    measure = forms.ModelChoiceField(
        label=gettext_lazy("Measure"),
        queryset=Measure.objects.none(),
        empty_label=gettext_lazy("Choose a measure…"),
        error_messages={"required": gettext_lazy("Choose the measure.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Public note"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Optional; shown on the ideas' pages."),
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].queryset = (
            Idea.objects.visible()
            .filter(collection__in=process.collections.all())
            .exclude(pk__in=MeasureSource.objects.values("idea_id"))
            .order_by("title")
        )
        self.fields["measure"].queryset = measure_choices()


# --- scoring (evaluators) ------------------------------------------------------------


class ScoringIndexView(EvaluatorRequiredMixin, WagtailAdminTemplateMixin, View):
    """The ideas waiting to be scored at their current stage, with whether this
    evaluator has scored them yet."""

    template_name = "participation/evaluation/admin/scoring_index.html"
    page_title = gettext_lazy("Score ideas")
    header_icon = "pick"

    def get(self, request):
        evaluations = list(
            IdeaEvaluation.objects.filter(
                outcome=Outcome.OPEN,
                stage__isnull=False,
                idea__in=Idea.objects.visible(),
            )
            .select_related("idea__collection", "stage", "process")
            .order_by("process_id", "stage__sort_order", "idea__title")
        )
        mine = set(
            Score.objects.filter(evaluator=request.user)
            .values_list("idea_id", "stage_id")
            .distinct()
        )
        rows = [
            {
                "evaluation": e,
                "scored": (e.idea_id, e.stage_id) in mine,
                "url": reverse(f"{SCORING}:score", args=[e.idea_id]),
            }
            for e in evaluations
        ]
        context = self.get_context_data(rows=rows)
        return TemplateResponse(request, self.template_name, context)


class ScoreIdeaView(EvaluatorRequiredMixin, WagtailAdminTemplateMixin, View):
    """Score one idea at its current stage, criterion by criterion with a short
    justification; the others' scores appear once the evaluator has scored
    (or at once, if the process says so)."""

    template_name = "participation/evaluation/admin/score_idea.html"
    header_icon = "pick"

    def get_page_title(self):
        return _("Score an idea")

    def get_page_subtitle(self):
        return self.evaluation.idea.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{SCORING}:index"), "label": _("Score ideas")},
            {"url": "", "label": self.get_page_title(), "sublabel": ""},
        ]

    def load(self, pk):
        self.evaluation = get_object_or_404(
            IdeaEvaluation.objects.select_related(
                "idea__collection", "idea__category", "stage", "process"
            ).filter(
                outcome=Outcome.OPEN,
                stage__isnull=False,
                idea__in=Idea.objects.visible(),
            ),
            idea_id=pk,
        )
        self.criteria = list(self.evaluation.process.criteria.all())

    def own_scores(self):
        return {
            s.criterion_id: s
            for s in Score.objects.filter(
                idea_id=self.evaluation.idea_id,
                stage=self.evaluation.stage,
                evaluator=self.request.user,
            )
        }

    def get(self, request, pk):
        self.load(pk)
        form = ScoreForm(criteria=self.criteria, existing=self.own_scores())
        return self.render(form)

    def post(self, request, pk):
        self.load(pk)
        form = ScoreForm(request.POST, criteria=self.criteria)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            services.save_scores(self.evaluation.idea, request.user, form.values())
        except services.EvaluationError as error:
            form.add_error(None, str(error))
            return self.render(form, status=400)
        messages.success(request, _("Your scores are saved."))
        return redirect(reverse(f"{SCORING}:score", args=[pk]))

    def render(self, form, status=200):
        evaluation = self.evaluation
        others = None
        if services.may_see_others(
            evaluation.process, self.request.user, evaluation.idea, evaluation.stage
        ):
            others = others_table(evaluation, self.criteria, exclude=self.request.user)
        context = self.get_context_data(
            evaluation=evaluation,
            idea=evaluation.idea,
            form=form,
            others=others,
            hidden_until_own=others is None,
        )
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )


def others_table(evaluation, criteria, exclude=None):
    """Rows (evaluator name, [score or None per criterion]) of the scores at the
    idea's current stage; one query for the scores with their evaluators."""
    scores = Score.objects.filter(
        idea_id=evaluation.idea_id, stage=evaluation.stage
    ).select_related("evaluator")
    if exclude is not None:
        scores = scores.exclude(evaluator=exclude)
    by_evaluator = {}
    for score in scores.order_by("evaluator_id"):
        row = by_evaluator.setdefault(
            score.evaluator_id, {"name": evaluator_name(score.evaluator), "scores": {}}
        )
        row["scores"][score.criterion_id] = score
    return [
        {"name": row["name"], "cells": [row["scores"].get(c.pk) for c in criteria]}
        for row in by_evaluator.values()
    ]


# --- results and decisions (moderators) ----------------------------------------------


class ProcessListView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, View):
    """The evaluation processes, each with its results."""

    template_name = "participation/evaluation/admin/process_list.html"
    page_title = gettext_lazy("Evaluation results")
    header_icon = "table"

    def get(self, request):
        processes = EvaluationProcess.objects.prefetch_related("stages", "collections")
        context = self.get_context_data(processes=processes)
        return TemplateResponse(request, self.template_name, context)


class ProcessResultsView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, View):
    """One process: put ideas into evaluation, a ranked list per idea collection
    (field) at a chosen stage, and taking several ideas into a measure."""

    template_name = "participation/evaluation/admin/process_results.html"
    header_icon = "table"

    def get_page_title(self):
        return str(self.process)

    def get_page_subtitle(self):
        return _("Evaluation results")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Evaluation results")},
            {"url": "", "label": str(self.process), "sublabel": ""},
        ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.process = get_object_or_404(EvaluationProcess, pk=kwargs["pk"])

    def get(self, request, pk):
        return self.render(MeasureMergeForm(process=self.process))

    def render(self, merge_form, status=200):
        process = self.process
        stages = list(process.stages.order_by("sort_order", "pk"))
        stage = stages[0] if stages else None
        wanted = self.request.GET.get("stage", "")
        if wanted.isdigit():
            stage = next((s for s in stages if s.pk == int(wanted)), stage)
        criteria = list(process.criteria.all())
        evaluations = list(
            IdeaEvaluation.objects.filter(
                process=process, stage=stage, outcome=Outcome.OPEN
            )
            .filter(idea__in=Idea.objects.visible())
            .select_related("idea__collection")
        )
        by_collection = {}
        for evaluation in evaluations:
            by_collection.setdefault(evaluation.idea.collection, []).append(
                evaluation.idea
            )
        ranked = [
            {
                "collection": collection,
                "panel_id": f"ranking-{collection.pk}",
                "summaries": services.summarise_stage(
                    process, stage, ideas, criteria=criteria
                ),
            }
            for collection, ideas in sorted(
                by_collection.items(), key=lambda item: item[0].title
            )
        ]
        waiting = (
            Idea.objects.visible()
            .filter(collection__in=process.collections.all(), evaluation__isnull=True)
            .exclude(status__in=["merged", "not_pursued"])
            .count()
        )
        context = self.get_context_data(
            process=process,
            stages=stages,
            stage=stage,
            criteria=criteria,
            ranked=ranked,
            waiting=waiting,
            merge_form=merge_form,
        )
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def post(self, request, pk):
        action = request.POST.get("action")
        if action == "start":
            ideas = Idea.objects.visible().filter(
                collection__in=self.process.collections.all(), evaluation__isnull=True
            )
            try:
                count = services.start_evaluation(self.process, ideas, request.user)
            except services.EvaluationError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("%(count)s ideas are now being evaluated.") % {"count": count},
                )
            return redirect(reverse(f"{NAMESPACE}:process", args=[pk]))
        if action == "merge":
            form = MeasureMergeForm(request.POST, process=self.process)
            if not form.is_valid():
                messages.error(request, _("Nothing was changed. Check the form."))
                return self.render(form, status=400)
            try:
                taken = merge_into_measure(
                    form.cleaned_data["ideas"],
                    form.cleaned_data["measure"],
                    request.user,
                    form.cleaned_data["reason"].strip(),
                )
            except services.EvaluationError as error:
                form.add_error(None, str(error))
                return self.render(form, status=400)
            messages.success(
                request,
                _("%(count)s ideas were taken into the measure “%(measure)s”.")
                % {"count": len(taken), "measure": form.cleaned_data["measure"]},
            )
            return redirect(reverse(f"{NAMESPACE}:process", args=[pk]))
        messages.error(request, _("Nothing was changed: unknown request."))
        return redirect(reverse(f"{NAMESPACE}:process", args=[pk]))


class IdeaResultsView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, View):
    """One idea: each evaluator's scores with their justifications, the mean per
    criterion, the weighted total, the spread and the supports, its decisions,
    and the form to decide."""

    template_name = "participation/evaluation/admin/idea_results.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Evaluation of an idea")

    def get_page_subtitle(self):
        return self.evaluation.idea.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Evaluation results")},
            {
                "url": reverse(
                    f"{NAMESPACE}:process", args=[self.evaluation.process_id]
                ),
                "label": str(self.evaluation.process),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": ""},
        ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.evaluation = get_object_or_404(
            IdeaEvaluation.objects.select_related(
                "idea__collection", "idea__category", "stage", "process"
            ),
            idea_id=kwargs["pk"],
        )

    def get(self, request, pk):
        return self.render(
            DecisionForm(idea=self.evaluation.idea, stage=self.evaluation.stage)
        )

    def render(self, form, status=200):
        evaluation = self.evaluation
        idea = evaluation.idea
        criteria = list(evaluation.process.criteria.all())
        stage_scores = list(
            Score.objects.filter(idea=idea, stage=evaluation.stage).select_related(
                "evaluator"
            )
        )
        summary = services.summarise(idea, criteria, stage_scores)
        names = {}
        for score in stage_scores:
            names[score.evaluator_id] = evaluator_name(score.evaluator)
        by_evaluator = {}
        for score in stage_scores:
            by_evaluator.setdefault(score.evaluator_id, {})[score.criterion_id] = score
        rows = [
            {
                "name": names[evaluator],
                "cells": [scores.get(c.pk) for c in criteria],
                "total": summary.evaluator_totals.get(evaluator),
            }
            for evaluator, scores in by_evaluator.items()
        ]
        decisions = idea.decisions.select_related("stage", "decided_by", "target_idea")
        source = MeasureSource.objects.filter(idea=idea).first()
        measure = (
            Measure.objects.filter(translation_key=source.measure_key).first()
            if source
            else None
        )
        context = self.get_context_data(
            evaluation=evaluation,
            idea=idea,
            criteria=criteria,
            summary=summary,
            rows=rows,
            decisions=decisions,
            measure=measure,
            form=form,
            is_open=evaluation.outcome == Outcome.OPEN,
        )
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def post(self, request, pk):
        idea = self.evaluation.idea
        form = DecisionForm(request.POST, idea=idea, stage=self.evaluation.stage)
        if not form.is_valid():
            messages.error(request, _("Nothing was decided. Check the form."))
            return self.render(form, status=400)
        data = form.cleaned_data
        reason = data["reason"].strip()
        try:
            if data["decision"] == ADVANCE:
                services.advance(
                    idea, request.user, reason, expected_stage=data["stage"]
                )
            elif data["decision"] == MERGE_IDEA:
                services.merge_into_idea(
                    idea, data["target_idea"], request.user, reason
                )
            elif data["decision"] == MERGE_MEASURE:
                merge_into_measure([idea], data["measure"], request.user, reason)
            else:
                services.not_pursued(idea, request.user, reason)
        except services.EvaluationError as error:
            form.add_error(None, str(error))
            return self.render(form, status=400)
        messages.success(
            request, _("Decision recorded; it is shown on the idea's page.")
        )
        return redirect(reverse(f"{NAMESPACE}:idea", args=[pk]))


# --- menu ----------------------------------------------------------------------------


class ScoringMenuItem(MenuItem):
    def is_shown(self, request):
        return can_score(request.user)


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


class ScoringViewSet(ViewSet):
    """The evaluators' screens: ideas to score and the scoring form."""

    name = SCORING
    url_prefix = "participation/scoring"
    icon = "pick"
    menu_label = gettext_lazy("Score ideas")
    menu_item_class = ScoringMenuItem

    def get_urlpatterns(self):
        return [
            path("", ScoringIndexView.as_view(), name="index"),
            path("idea/<int:pk>/", ScoreIdeaView.as_view(), name="score"),
        ]


class EvaluationResultsViewSet(ViewSet):
    """The moderators' screens: results, rankings and decisions."""

    name = NAMESPACE
    url_prefix = "participation/evaluation"
    icon = "table"
    menu_label = gettext_lazy("Evaluation results")
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        return [
            path("", ProcessListView.as_view(), name="index"),
            path("process/<int:pk>/", ProcessResultsView.as_view(), name="process"),
            path("idea/<int:pk>/", IdeaResultsView.as_view(), name="idea"),
        ]


class EvaluationProcessViewSet(SnippetViewSet):
    """Criteria, stages and settings of each evaluation process."""

    model = EvaluationProcess
    icon = "list-ol"
    menu_label = gettext_lazy("Evaluation processes")
    list_display = ["title", Column("score_visibility", label=gettext_lazy("Scores"))]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("collections", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("score_visibility"),
                    FieldPanel("public_scorecard"),
                    FieldRowPanel(
                        [FieldPanel("score_weight"), FieldPanel("support_weight")],
                        heading=gettext_lazy("Ranking"),
                    ),
                ],
                heading=gettext_lazy("Process"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "criteria",
                        heading=gettext_lazy("Criteria"),
                        label=gettext_lazy("Criterion"),
                        panels=[
                            FieldPanel("name"),
                            FieldPanel("description"),
                            FieldRowPanel(
                                [
                                    FieldPanel("weight"),
                                    FieldPanel("scale_min"),
                                    FieldPanel("scale_max"),
                                ]
                            ),
                        ],
                    )
                ],
                heading=gettext_lazy("Criteria"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "stages",
                        heading=gettext_lazy("Stages"),
                        label=gettext_lazy("Stage"),
                        panels=[FieldPanel("name"), FieldPanel("description")],
                    )
                ],
                heading=gettext_lazy("Stages"),
            ),
        ]
    )


class MeasureSourcesPanel(Panel):
    """The ideas a measure came from, read-only on its edit screen (they are
    added from the evaluation results)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/evaluation/admin/measure_sources_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            sources = []
            if self.instance is not None and self.instance.pk:
                sources = list(
                    Idea.objects.filter(
                        measure_source__measure_key=self.instance.translation_key
                    ).order_by("-support_count", "pk")
                )
            context["sources"] = sources
            context["supports"] = sum(idea.support_count for idea in sources)
            return context


class MeasureViewSet(SnippetViewSet):
    """The catalogue of measures (translatable)."""

    model = Measure
    icon = "tasks"
    menu_label = gettext_lazy("Measures")
    list_display = [
        "title",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        Column(
            "get_priority_display", label=gettext_lazy("Priority"), sort_key="priority"
        ),
        "locale",
    ]
    list_filter = ["status", "priority"]
    search_fields = ["title"]
    search_backend_name = None
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("description"),
                    InlinePanel(
                        "fields_of_action",
                        heading=gettext_lazy("Fields of action"),
                        label=gettext_lazy("Field of action"),
                        panels=[FieldPanel("page")],
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("status"), FieldPanel("priority")]
                            ),
                            FieldPanel("responsible_unit"),
                            FieldPanel("cost_range"),
                            FieldRowPanel(
                                [
                                    FieldPanel("timeline_start"),
                                    FieldPanel("timeline_end"),
                                ]
                            ),
                        ],
                        heading=gettext_lazy("Planning"),
                    ),
                    MeasureSourcesPanel(heading=gettext_lazy("Source ideas")),
                ],
                heading=gettext_lazy("Measure"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "progress_updates",
                        heading=gettext_lazy("Progress updates"),
                        label=gettext_lazy("Progress update"),
                        panels=[FieldPanel("date"), FieldPanel("text")],
                    )
                ],
                heading=gettext_lazy("Progress"),
            ),
        ]
    )


class EvaluationViewSetGroup(SnippetViewSetGroup):
    """The "Evaluation and measures" menu."""

    menu_label = gettext_lazy("Evaluation and measures")
    menu_name = "participation_evaluation_menu"
    menu_icon = "table"
    menu_order = 260
    items = (
        ScoringViewSet,
        EvaluationResultsViewSet,
        EvaluationProcessViewSet,
        MeasureViewSet,
    )


# --- audit log -----------------------------------------------------------------------


def register_evaluation_log_actions(actions):
    """The audit-log actions of the evaluation (registered by wagtail_hooks)."""

    class WithReason(LogFormatter):
        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason", "")
            message = self.describe(log_entry.data or {})
            if reason:
                return _("%(message)s. Reason: %(reason)s") % {
                    "message": message,
                    "reason": reason[:160],
                }
            return message

        def describe(self, data):
            return str(self.message)

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")

    @actions.register_action("participation.evaluation_start")
    class Start(WithReason):
        label = gettext_lazy("Evaluation: start")

        def describe(self, data):
            return _("Evaluation started at the stage “%(stage)s”") % {
                "stage": data.get("stage", "")
            }

    actions.register_action(
        "participation.score",
        gettext_lazy("Evaluation: score"),
        gettext_lazy("Scored"),
    )

    @actions.register_action("participation.evaluation_advance")
    class Advance(WithReason):
        label = gettext_lazy("Evaluation: advance")

        def describe(self, data):
            return _("Advanced from “%(old)s” to “%(new)s”") % {
                "old": data.get("from", ""),
                "new": data.get("to", ""),
            }

    @actions.register_action("participation.evaluation_accept")
    class Accept(WithReason):
        label = gettext_lazy("Evaluation: accept")
        message = gettext_lazy("Passed the final stage: accepted")

    @actions.register_action("participation.evaluation_merge")
    class MergeIdea(WithReason):
        label = gettext_lazy("Evaluation: merge into an idea")

        def describe(self, data):
            return _("Merged into the idea “%(title)s”") % {
                "title": data.get("title", "")
            }

    @actions.register_action("participation.evaluation_measure")
    class MergeMeasure(WithReason):
        label = gettext_lazy("Evaluation: take into a measure")

        def describe(self, data):
            return _("Taken into the measure “%(title)s”") % {
                "title": data.get("title", "")
            }

    @actions.register_action("participation.evaluation_not_pursued")
    class NotPursued(WithReason):
        label = gettext_lazy("Evaluation: not pursued")
        message = gettext_lazy("Not pursued")


@hooks.register("register_permissions")
def evaluation_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="participation", codename="score_ideas"
    )
