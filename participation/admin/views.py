"""Moderation screens of the Wagtail admin: the queue of everything that waits,
one contribution with its reports and answers, bulk decisions, statuses,
official answers, opening and closing, and staff edits that keep the original
in the history.

Every change goes through participation.services (one transaction each, logged
in Wagtail's audit log there); these views only validate, call and report.
"""

import json
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, Count, Exists, Q, Value
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.widgets.button import ListingButton
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .. import services
from ..emails import contribution_path
from ..models import (
    CommentStream,
    DiscussionComment,
    Idea,
    Participant,
    Report,
    Visibility,
)
from .filters import (
    COMMENT,
    IDEA,
    ModerationQueueFilterSet,
    open_reports,
)
from .forms import (
    APPROVE,
    HIDE,
    ITEM_MODELS,
    REJECT,
    IdeaStatusForm,
    ModerationActionForm,
    OfficialAnswerForm,
    OfficialCommentForm,
    PersonalDataForm,
    item_key,
)
from .permissions import ModeratorRequiredMixin, can_moderate

URL_NAMESPACE = "participation_moderation"


def moderation_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def detail_url(contribution):
    """The moderation page of one idea or comment."""
    kind = IDEA if isinstance(contribution, Idea) else COMMENT
    return moderation_url(kind, contribution.pk)


def public_url(contribution):
    """Where the public sees the contribution, or None (not reachable yet)."""
    try:
        return contribution_path(contribution)
    except NoReverseMatch:
        return None


def next_url(request, default):
    """The page to go back to after an action: a local `next` or the default."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def queue_queryset(model):
    """Ideas or comments that wait for a moderator: confirmed and waiting for
    approval, or reported and not yet decided."""
    return model.objects.filter(
        confirmed_at__isnull=False, withdrawn_at__isnull=True
    ).filter(Q(visibility=Visibility.PENDING) | Exists(open_reports(model)))


def open_report_summary(items):
    """Unresolved reports of the given contributions, grouped per contribution and
    reason, in one query: {(kind, pk): [(reason label, count), ...]}."""
    ids = defaultdict(list)
    for contribution in items:
        kind = IDEA if isinstance(contribution, Idea) else COMMENT
        ids[kind].append(contribution.pk)
    if not ids:
        return {}
    matches = Q()
    for kind, pks in ids.items():
        matches |= Q(
            content_type__model=ITEM_MODELS[kind]._meta.model_name,
            object_id__in=pks,
        )
    rows = (
        Report.objects.filter(
            matches,
            content_type__app_label="participation",
            resolved_at__isnull=True,
        )
        .values("content_type__model", "object_id", "reason")
        .annotate(count=Count("pk"))
        .order_by("content_type__model", "object_id", "-count", "reason")
    )
    labels = dict(Report.Reason.choices)
    kinds = {model._meta.model_name: kind for kind, model in ITEM_MODELS.items()}
    summary = defaultdict(list)
    for row in rows:
        key = (kinds[row["content_type__model"]], row["object_id"])
        summary[key].append((labels.get(row["reason"], row["reason"]), row["count"]))
    return summary


class QueueItem:
    """One row of the moderation queue: an idea or a comment, where it was
    written, and its open reports."""

    def __init__(self, contribution, reports=()):
        self.contribution = contribution
        self.is_idea = isinstance(contribution, Idea)
        self.kind = IDEA if self.is_idea else COMMENT
        self.key = item_key(contribution)
        self.reports = list(reports)
        self.report_total = sum(count for _label, count in self.reports)
        self.created_at = contribution.created_at

    @property
    def kind_label(self):
        return _("Idea") if self.is_idea else _("Comment")

    @property
    def title(self):
        if self.is_idea:
            return self.contribution.title
        return Truncator(self.contribution.text).chars(90)

    @property
    def space(self):
        """The collection or stream, and the idea a comment belongs to."""
        if self.is_idea:
            return self.contribution.collection, None
        stream = self.contribution.stream
        idea = getattr(stream, "idea", None) if stream.pk else None
        if idea is not None:
            return idea.collection, idea
        return stream, None

    @property
    def page(self):
        space, _idea = self.space
        return space.page

    @property
    def page_title(self):
        page = self.page
        return page.title if page is not None else ""

    @property
    def where(self):
        space, idea = self.space
        if idea is not None:
            return _("Discussion of “%(idea)s” (%(collection)s)") % {
                "idea": Truncator(idea.title).chars(60),
                "collection": space.title,
            }
        return space.title

    @property
    def author(self):
        if not self.is_idea and self.contribution.is_official:
            return _("Official answer")
        return self.contribution.display_name or _("(no name)")

    @property
    def state(self):
        return self.contribution.get_visibility_display()

    @property
    def url(self):
        return detail_url(self.contribution)


class SelectColumn(BaseColumn):
    """A checkbox per row, named like the bulk action form expects."""

    header_template_name = "participation/admin/tables/select_all_header.html"
    cell_template_name = "participation/admin/tables/select_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance
        return context


class ItemColumn(Column):
    """The contribution's title or text, linked to its moderation page."""

    cell_template_name = "participation/admin/tables/item_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance
        return context


class ReportsColumn(Column):
    cell_template_name = "participation/admin/tables/reports_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance
        return context


class QueuePaginator(WagtailPaginator):
    verbose_name = gettext_lazy("item")
    verbose_name_plural = gettext_lazy("items")


class ModerationQueueView(ModeratorRequiredMixin, BaseListingView):
    """Everything that waits for a moderator, across all pages: ideas and
    comments waiting for approval, and reported ones. Ideas and comments are
    paged together through one UNION query, then loaded with a fixed number of
    queries whatever the size of the queue."""

    template_name = "participation/admin/moderation_queue.html"
    results_template_name = "participation/admin/moderation_queue_results.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:index_results"
    filterset_class = ModerationQueueFilterSet
    is_searchable = True
    paginate_by = 50
    paginator_class = QueuePaginator
    default_ordering = "created_at"
    verbose_name = gettext_lazy("item")
    verbose_name_plural = gettext_lazy("items")

    @cached_property
    def columns(self):
        return [
            SelectColumn("select", label=_("Select")),
            ItemColumn("title", label=_("Idea or comment")),
            Column("kind_label", label=_("Type")),
            Column("where", label=_("Where")),
            Column("page_title", label=_("Page")),
            Column("author", label=_("Display name")),
            Column("state", label=_("Moderation state")),
            ReportsColumn("reports", label=_("Open reports")),
            DateColumn("created_at", label=_("Written"), sort_key="created_at"),
        ]

    def get_filterset_kwargs(self):
        # The filters apply to ideas and comments alike; the queryset given
        # here only satisfies django-filter and is never used.
        return {**super().get_filterset_kwargs(), "queryset": Idea.objects.none()}

    def search_contributions(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query
        if queryset.model is Idea:
            return queryset.filter(
                Q(title__icontains=query)
                | Q(description__icontains=query)
                | Q(display_name__icontains=query)
            )
        return queryset.filter(
            Q(text__icontains=query) | Q(display_name__icontains=query)
        )

    def get_queryset(self):
        parts = []
        for kind, model in ITEM_MODELS.items():
            queryset = self.search_contributions(
                self.filter_queryset(queue_queryset(model))
            )
            parts.append(
                queryset.order_by()
                .annotate(kind=Value(kind, output_field=CharField()))
                .values("kind", "id", "created_at")
            )
        ordering = self.ordering or "created_at"
        direction = "-" if ordering.startswith("-") else ""
        return (
            parts[0]
            .union(parts[1], all=True)
            .order_by(f"{direction}created_at", "kind", f"{direction}id")
        )

    def get_table(self, object_list):
        return super().get_table(self.load_items(object_list))

    def load_items(self, rows):
        """Turn the page's rows into QueueItems: one query for its ideas, one for
        its comments, one for the open reports of both."""
        ids = defaultdict(list)
        for row in rows:
            ids[row["kind"]].append(row["id"])
        ideas = (
            Idea.objects.select_related("collection__page").in_bulk(ids[IDEA])
            if ids[IDEA]
            else {}
        )
        comments = (
            DiscussionComment.objects.select_related(
                "stream__page", "stream__idea__collection__page"
            ).in_bulk(ids[COMMENT])
            if ids[COMMENT]
            else {}
        )
        found = {IDEA: ideas, COMMENT: comments}
        contributions = [
            found[row["kind"]][row["id"]]
            for row in rows
            if row["id"] in found[row["kind"]]
        ]
        reports = open_report_summary(contributions)
        return [
            QueueItem(c, reports.get((item_key(c).split(":")[0], c.pk), ()))
            for c in contributions
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_form"] = ModerationActionForm(compact=True)
        context["action_url"] = moderation_url("act")
        return context


def load_selected(items):
    """The contributions named in a bulk form, one query per kind, in the order
    selected; and how many of them no longer exist."""
    ids = defaultdict(list)
    for kind, pk in items:
        ids[kind].append(pk)
    found = {
        kind: ITEM_MODELS[kind].objects.in_bulk(pks) if pks else {}
        for kind, pks in ids.items()
    }
    contributions = [found[kind][pk] for kind, pk in items if pk in found[kind]]
    return contributions, len(items) - len(contributions)


class ModerationActionView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, View):
    """Approve, hide or reject the selected contributions, each in its own
    transaction. A missing reason shows the form again with the selection kept."""

    template_name = "participation/admin/moderation_action.html"
    page_title = gettext_lazy("Moderate")
    header_icon = "warning"

    def get(self, request):
        return redirect(moderation_url("index"))

    def post(self, request):
        back = next_url(request, moderation_url("index"))
        form = ModerationActionForm(request.POST)
        if not form.is_valid():
            if "items" in form.errors or "action" in form.errors:
                for field in ("items", "action"):
                    for error in form.errors.get(field, []):
                        messages.error(request, error)
                return redirect(back)
            contributions, _missing = load_selected(form.cleaned_data["items"])
            context = self.get_context_data(
                form=form,
                items=[QueueItem(c) for c in contributions],
                next=back,
                action_url=moderation_url("act"),
            )
            return TemplateResponse(request, self.template_name, context, status=400)

        contributions, missing = load_selected(form.cleaned_data["items"])
        action = form.cleaned_data["action"]
        done = 0
        for contribution in contributions:
            if action == APPROVE:
                services.approve(contribution, request.user)
            elif action == HIDE:
                services.hide(contribution, request.user, form.reason_for(contribution))
            elif action == REJECT:
                services.reject(
                    contribution, request.user, form.reason_for(contribution)
                )
            done += 1
        if done:
            messages.success(request, self.success_message(action, done))
        if missing:
            messages.warning(
                request,
                ngettext(
                    "%(count)d selected item no longer exists; nothing was done "
                    "with it.",
                    "%(count)d selected items no longer exist; nothing was done "
                    "with them.",
                    missing,
                )
                % {"count": missing},
            )
        return redirect(back)

    @staticmethod
    def success_message(action, count):
        messages_by_action = {
            APPROVE: ngettext(
                "%(count)d item approved and public.",
                "%(count)d items approved and public.",
                count,
            ),
            HIDE: ngettext(
                "%(count)d item hidden from the public.",
                "%(count)d items hidden from the public.",
                count,
            ),
            REJECT: ngettext(
                "%(count)d item rejected.", "%(count)d items rejected.", count
            ),
        }
        return messages_by_action[action] % {"count": count}


class ContributionModerationView(
    ModeratorRequiredMixin, WagtailAdminTemplateMixin, View
):
    """One idea or comment with everything a moderator needs: the full text,
    its reports, approve/hide/reject and, for ideas, status and answers."""

    model = None
    template_name = "participation/admin/contribution.html"
    header_icon = "warning"

    def get_contribution(self):
        if self.model is Idea:
            queryset = Idea.objects.select_related(
                "collection__page", "category", "merged_into", "discussion"
            )
        else:
            queryset = DiscussionComment.objects.select_related(
                "stream__page", "stream__idea__collection__page", "parent"
            )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.contribution = None

    def get_page_title(self):
        return _("Moderate idea") if self.model is Idea else _("Moderate comment")

    def get_page_subtitle(self):
        return QueueItem(self.contribution).title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": moderation_url("index"), "label": _("Moderation queue")},
            {"url": "", "label": self.get_page_title(), "sublabel": ""},
        ]

    def get(self, request, pk):
        return self.render()

    def render(self, status=200, **forms):
        if self.contribution is None:
            self.contribution = self.get_contribution()
        contribution = self.contribution
        kind = IDEA if self.model is Idea else COMMENT
        item = QueueItem(
            contribution,
            open_report_summary([contribution]).get((kind, contribution.pk), ()),
        )
        reports = Report.objects.filter(
            content_type__app_label="participation",
            content_type__model=self.model._meta.model_name,
            object_id=contribution.pk,
        ).order_by("-created_at")[:50]
        here = detail_url(contribution)
        context = self.get_context_data(
            item=item,
            contribution=contribution,
            reports=reports,
            public_url=public_url(contribution) if contribution.is_visible else None,
            action_form=forms.get("action_form") or ModerationActionForm(),
            action_url=moderation_url("act"),
            here=here,
            origin=item.key,
            edit_url=self.admin_url("edit"),
            history_url=self.admin_url("history"),
        )
        if self.model is Idea:
            context.update(
                status_form=forms.get("status_form")
                or IdeaStatusForm(idea=contribution),
                status_url=moderation_url("idea_status", contribution.pk),
                answer_form=forms.get("answer_form")
                or OfficialAnswerForm(initial={"text": contribution.official_answer}),
                answer_url=moderation_url("idea_answer", contribution.pk),
                comment_form=forms.get("comment_form")
                or OfficialCommentForm(stream=contribution.discussion),
                comment_url=moderation_url(
                    "official_comment", contribution.discussion_id
                ),
                space_url=moderation_url("collection", contribution.collection_id),
            )
        else:
            parent = contribution.parent or contribution
            space, idea = item.space
            context.update(
                comment_form=forms.get("comment_form")
                or OfficialCommentForm(
                    stream=contribution.stream, initial={"parent": parent.pk}
                ),
                comment_url=moderation_url("official_comment", contribution.stream_id),
                space_url=detail_url(idea)
                if idea is not None
                else moderation_url("stream", contribution.stream_id),
            )
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def admin_url(self, name):
        namespace = (
            "participation_ideas" if self.model is Idea else "participation_comments"
        )
        try:
            return reverse(f"{namespace}:{name}", args=[self.contribution.pk])
        except NoReverseMatch:
            return None


class IdeaStatusView(ContributionModerationView):
    """Change the public status of an idea (with a reason; merged → target)."""

    model = Idea
    http_method_names = ["post"]

    def post(self, request, pk):
        self.contribution = self.get_contribution()
        form = IdeaStatusForm(request.POST, idea=self.contribution)
        if not form.is_valid():
            messages.error(request, _("The status was not changed. Check the form."))
            return self.render(status=400, status_form=form)
        try:
            services.set_idea_status(
                self.contribution,
                form.cleaned_data["status"],
                request.user,
                reason=form.cleaned_data["reason"].strip(),
                merged_into=form.cleaned_data["merged_into"],
            )
        except ValueError as error:
            form.add_error(None, str(error))
            return self.render(status=400, status_form=form)
        messages.success(request, _("Status changed; the author is told by e-mail."))
        return redirect(detail_url(self.contribution))


class OfficialAnswerView(ContributionModerationView):
    """Write or replace the town's official answer to an idea."""

    model = Idea
    http_method_names = ["post"]

    def post(self, request, pk):
        self.contribution = self.get_contribution()
        form = OfficialAnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The answer was not saved. Check the form."))
            return self.render(status=400, answer_form=form)
        services.answer_idea(self.contribution, form.cleaned_data["text"], request.user)
        messages.success(
            request, _("Official answer published; the author is told by e-mail.")
        )
        return redirect(detail_url(self.contribution))


class OfficialCommentView(ModeratorRequiredMixin, View):
    """Post a comment as the town in a stream (a page's stream or an idea's
    discussion), optionally as a reply. On an error the page the form came from
    (named by `origin`) is shown again with the form and its errors."""

    http_method_names = ["post"]

    def post(self, request, pk):
        stream = get_object_or_404(CommentStream, pk=pk)
        form = OfficialCommentForm(request.POST, stream=stream)
        if not form.is_valid():
            messages.error(request, _("The comment was not published. Check the form."))
            return self.render_origin(stream, form)
        services.post_official_answer(
            stream,
            request.user,
            form.cleaned_data["text"],
            parent=form.cleaned_data["parent"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your official comment is published."))
        return redirect(self.origin_url(stream))

    def origin(self, stream):
        """The view the form was sent from: an idea, a comment or the stream."""
        kind, _sep, pk = self.request.POST.get("origin", "").partition(":")
        if kind in ITEM_MODELS and pk.isdigit():
            model = ITEM_MODELS[kind]
            parent_field = "discussion" if model is Idea else "stream"
            if model.objects.filter(pk=pk, **{parent_field: stream}).exists():
                view = ContributionModerationView(model=model)
                view.setup(self.request, pk=int(pk))
                return view
        view = SpaceView(model=CommentStream)
        view.setup(self.request, pk=stream.pk)
        return view

    def origin_url(self, stream):
        view = self.origin(stream)
        if isinstance(view, SpaceView):
            idea = Idea.objects.filter(discussion=stream).only("pk").first()
            if idea is not None:
                return detail_url(idea)
            return moderation_url("stream", stream.pk)
        kind = IDEA if view.model is Idea else COMMENT
        return moderation_url(kind, view.kwargs["pk"])

    def render_origin(self, stream, form):
        return self.origin(stream).render(status=400, comment_form=form)


class SpaceView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, View):
    """An idea collection or comment stream: open or close it at once, and
    (streams) answer in it as the town."""

    model = None
    template_name = "participation/admin/space.html"
    header_icon = "list-ul"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.space = None

    def get_page_title(self):
        return str(self.space)

    def get_page_subtitle(self):
        return capfirst(self.model._meta.verbose_name)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": moderation_url("index"), "label": _("Moderation queue")},
            {"url": "", "label": str(self.space), "sublabel": ""},
        ]

    def get_space(self):
        return get_object_or_404(
            self.model.objects.select_related("page"), pk=self.kwargs["pk"]
        )

    def get(self, request, pk):
        self.space = self.get_space()
        if self.model is CommentStream:
            idea = Idea.objects.filter(discussion=self.space).only("pk").first()
            if idea is not None:
                return redirect(detail_url(idea))
        return self.render()

    def render(self, status=200, comment_form=None):
        if self.space is None:
            self.space = self.get_space()
        space = self.space
        is_stream = self.model is CommentStream
        context = self.get_context_data(
            space=space,
            is_stream=is_stream,
            accepts=space.accepts_contributions(),
            toggle_url=moderation_url(self.url_name, space.pk),
            listing_url=self.listing_url(),
            settings_url=self.settings_url(),
            origin=f"stream:{space.pk}",
        )
        if is_stream:
            context["comment_form"] = comment_form or OfficialCommentForm(stream=space)
            context["comment_url"] = moderation_url("official_comment", space.pk)
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def listing_url(self):
        if self.model is CommentStream:
            return reverse("participation_comments:index") + f"?stream={self.space.pk}"
        return reverse("participation_ideas:index") + f"?collection={self.space.pk}"

    def settings_url(self):
        viewset = getattr(self.model, "snippet_viewset", None)
        if viewset is None or not self.request.user.has_perm(
            f"participation.change_{self.model._meta.model_name}"
        ):
            return None
        return reverse(viewset.get_url_name("edit"), args=[self.space.pk])

    @property
    def url_name(self):
        return "stream" if self.model is CommentStream else "collection"

    def post(self, request, pk):
        """Open or close it; the button sends which (is_open=1 or 0)."""
        back = next_url(request, moderation_url(self.url_name, pk))
        wanted = request.POST.get("is_open")
        if wanted not in ("0", "1"):
            messages.error(request, _("Nothing was changed: unknown request."))
            return redirect(back)
        is_open = wanted == "1"
        with transaction.atomic():
            space = get_object_or_404(self.model.objects.select_for_update(), pk=pk)
            changed = space.is_open != is_open
            if changed:
                space.is_open = is_open
                space.save(update_fields=["is_open"])
                log(
                    instance=space,
                    action="participation.open" if is_open else "participation.close",
                    user=request.user,
                )
        if not changed:
            message = (
                _("“%(name)s” was already open.")
                if is_open
                else _("“%(name)s” was already closed.")
            )
            messages.info(request, message % {"name": space})
        elif is_open:
            message = _("“%(name)s” is open for contributions.") % {"name": space}
            if not space.accepts_contributions():
                message += " " + _("Its dates keep it closed right now.")
            messages.success(request, message)
        else:
            messages.success(
                request,
                _("“%(name)s” is closed: its contributions stay visible.")
                % {"name": space},
            )
        return redirect(back)


class ContributionIndexView(IndexView):
    """The ideas or comments listing, with a "Moderate" button per row."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.model is Idea:
            return queryset.select_related("collection")
        return queryset.select_related("stream")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_moderate(self.request.user):
            buttons.insert(
                0,
                ListingButton(
                    _("Moderate"),
                    url=detail_url(instance),
                    icon_name="warning",
                    priority=1,
                ),
            )
        return buttons


class ModerationHistoryView(ModeratorRequiredMixin, View):
    """Wagtail's site history, filtered to the moderation actions that occurred
    (the filter only accepts actions that appear in the log)."""

    def get(self, request):
        actions = (
            ModelLogEntry.objects.filter(action__startswith="participation.")
            .values_list("action", flat=True)
            .distinct()
            .order_by("action")
        )
        query = urlencode([("action", action) for action in actions])
        url = reverse("wagtailadmin_reports:site_history")
        return redirect(f"{url}?{query}" if query else url)


def log_staff_edit(instance, original, fields, user):
    """Record a staff edit in the audit log with the values it replaced, so the
    original stays in the history."""
    old = {}
    for field in fields:
        value = getattr(original, field)
        old[field] = value.name if hasattr(value, "name") else str(value or "")
    log(
        instance=instance,
        action="participation.edit",
        user=user,
        data={"fields": list(fields), "old": old},
    )


class ContributionEditView(EditView):
    """Staff edit an idea or comment, e.g. to remove personal data. Only the
    changed fields are saved; their old values go into the audit log."""

    def save_instance(self):
        instance = self.form.instance
        original = type(instance).objects.get(pk=instance.pk)
        fields = [f for f in self.form.changed_data if f in self.form._meta.fields]
        remove_image = bool(
            self.form.cleaned_data.get("remove_image") and original.image
        )
        if remove_image:
            fields.append("image")
            instance.image = ""
        if not fields:
            return instance
        instance.save(update_fields=fields)
        log_staff_edit(instance, original, fields, self.request.user)
        if remove_image:
            name, storage = original.image.name, original.image.storage
            transaction.on_commit(lambda: storage.delete(name))
        return instance

    def get_success_message(self):
        return _("Saved. The previous text is kept in the history.")


ERASE_SUMMARY_LABELS = {
    "ideas_anonymised": gettext_lazy("Ideas kept without a name"),
    "comments_anonymised": gettext_lazy("Comments kept without a name"),
    "ideas_deleted": gettext_lazy("Ideas deleted"),
    "comments_deleted": gettext_lazy("Comments deleted"),
    "comments_emptied": gettext_lazy("Comments emptied (they have replies)"),
    "supports_deleted": gettext_lazy("Supports withdrawn"),
    "reports_anonymised": gettext_lazy("Reports kept without a link to the person"),
    "access_links_deleted": gettext_lazy("E-mailed links deleted"),
    "registrations_deleted": gettext_lazy("Registrations for events deleted"),
    "subscriptions_deleted": gettext_lazy("Subscriptions deleted"),
    "emails_deleted": gettext_lazy("Stored e-mails deleted"),
}


def erase_summary(summary):
    """What erasing did, as (label, count) pairs for the page."""
    return [
        (ERASE_SUMMARY_LABELS.get(key, key.replace("_", " ")), count)
        for key, count in dict(summary or {}).items()
    ]


class PersonalDataView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, View):
    """Export everything stored for one e-mail address (JSON download), or erase
    it, keeping contributions anonymously unless asked to delete them. Needs
    the permission to delete participants besides the moderation permission."""

    template_name = "participation/admin/personal_data.html"
    page_title = gettext_lazy("Personal data")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("participation.delete_participant"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(PersonalDataForm())

    def render(self, form, summary=None, status=200):
        context = self.get_context_data(form=form, summary=summary)
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def post(self, request):
        from ..personal_data import (
            ParticipantNotFound,
            erase_personal_data,
            export_personal_data,
        )

        form = PersonalDataForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        email = form.cleaned_data["email"]
        erase = form.cleaned_data["operation"] == PersonalDataForm.ERASE
        delete_contributions = form.cleaned_data["delete_contributions"]
        subject = Participant.objects.for_email(email).first()
        try:
            if erase:
                summary = erase_personal_data(
                    email, delete_contributions=delete_contributions
                )
            else:
                data = export_personal_data(email)
        except ParticipantNotFound:
            form.add_error("email", _("Nothing is stored for this e-mail address."))
            return self.render(form, status=400)
        if subject is None:
            # registered or subscribed only: nothing in the audit log to point to
            if erase:
                messages.success(request, _("The personal data was erased."))
                return self.render(PersonalDataForm(), summary=erase_summary(summary))
            return self.json_response(data)
        # The log names the participant by number only, never by address or name.
        log(
            instance=subject,
            action="participation.erase" if erase else "participation.export",
            user=request.user,
            title=_("Participant %(id)s") % {"id": subject.pk},
            data={"delete_contributions": delete_contributions} if erase else None,
            deleted=erase,
        )
        if erase:
            messages.success(request, _("The personal data was erased."))
            return self.render(PersonalDataForm(), summary=erase_summary(summary))
        return self.json_response(data)

    def json_response(self, data):
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-{stamp}.json"'
        )
        return response
