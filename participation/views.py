"""Public pages and form targets under /<lang>/beteiligung/.

Forms are placed on host pages by the blocks and post here. A valid post is
stored through services.py and redirected back (post/redirect/get) with a
message; an invalid one is shown again on a page of its own with the errors
and what was typed. Nothing is stored unless everything is valid.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services, tokens
from .antispam import client_ip
from .blocks import stream_context
from .emails import contribution_path
from .forms import (
    CommentEditForm,
    CommentForm,
    IdeaEditForm,
    IdeaForm,
    ManageLinkForm,
    ReportForm,
    SupportConfirmForm,
    SupportForm,
)
from .listings import (
    SHOWN_COMMENTS,
    active_language,
    attach_replies,
    category_labels,
    comment_labels,
    current_participant,
    host_page,
    participant_initial,
    prepare_comments,
)
from .models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    Follow,
    Idea,
    IdeaCollection,
    Participant,
    Support,
    Visibility,
)

ALL_REPLIES = 500


def base_template():
    return getattr(settings, "PARTICIPATION_BASE_TEMPLATE", "base.html")


def render_page(request, template, context, status=200):
    """Render a page of the plugin inside the host site's base template."""
    context = {"base_template": base_template(), "page": None, **context}
    return TemplateResponse(request, template, context, status=status)


def safe_next(request, fallback):
    """Where to go after a post: the `next` field if it points into this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target.split("#")[0]
    return fallback


def space_url(space, request):
    """The URL of the page that shows a collection or stream, or the home page."""
    page = host_page(space)
    if page is not None:
        url = page.get_url(request)
        if url:
            return url
    return "/"


def idea_url(idea):
    return reverse("participation:idea_detail", args=[idea.pk])


def closed_page(request, space):
    """A clear notice that a collection or stream takes no contributions now;
    nothing was stored."""
    return render_page(
        request,
        "participation/closed.html",
        {
            "title": _("Not open for contributions"),
            "space": space,
            "space_kind": "stream"
            if isinstance(space, CommentStream)
            else "collection",
            "page": host_page(space),
            "back_url": safe_next(request, space_url(space, request)),
        },
        status=403,
    )


# Ideas


def idea_detail(request, pk):
    """An idea's own page: its text, status, the town's answer, supports and
    discussion. Ideas the public may not see are not found."""
    idea = get_object_or_404(
        Idea.objects.visible().select_related(
            "category__locale", "collection", "merged_into", "discussion"
        ),
        pk=pk,
    )
    if idea.category is not None:
        idea.category_label = category_labels([idea.category])[
            idea.category.translation_key
        ]
    participant = current_participant(request)
    supported = (
        participant is not None
        and Support.objects.filter(idea=idea, participant=participant).exists()
    )
    collection = idea.collection
    merged_into = idea.merged_into if idea.merged_into_id else None
    if merged_into is not None and not merged_into.is_visible:
        merged_into = None
    host = host_page(collection)
    can_follow = participant is not None and (
        supported or idea.participant_id == participant.pk
    )
    context = {
        "can_follow": can_follow,
        "following": can_follow
        and Follow.objects.filter(idea=idea, participant=participant).exists(),
        "title": idea.title,
        "idea": idea,
        "collection": collection,
        "page": host,
        "host_url": host.get_url(request) if host is not None else "",
        "merged_into": merged_into,
        "supported": supported,
        "participant": participant,
        "can_support": collection.accepts_contributions(),
        "support_confirm_form": None
        if participant
        else SupportConfirmForm(request=request, id_prefix="support"),
        "canonical_url": request.build_absolute_uri(idea_url(idea)),
        **stream_context(request, idea.discussion, participant_initial(request)),
    }
    if not context["can_support"]:
        # a closed collection is read-only, the discussions of its ideas too
        context["comment_form"] = None
    return render_page(request, "participation/idea_detail.html", context)


def idea_form_context(request, collection, form):
    return {
        "collection": collection,
        "form": form,
        "page": host_page(collection),
        "next_url": safe_next(request, space_url(collection, request)),
        "title": _("Hand in an idea"),
    }


@require_http_methods(["GET", "POST"])
def submit_idea(request, collection_id):
    """Hand in an idea to a collection (the form is on the host page; a GET shows
    it on a page of its own)."""
    collection = get_object_or_404(IdeaCollection, pk=collection_id)
    if not collection.accepts_contributions():
        return closed_page(request, collection)
    if request.method == "GET":
        form = IdeaForm(
            collection=collection, request=request, initial=participant_initial(request)
        )
        return render_page(
            request,
            "participation/idea_form_page.html",
            idea_form_context(request, collection, form),
        )
    form = IdeaForm(request.POST, request.FILES, collection=collection, request=request)
    if not form.is_valid():
        return render_page(
            request,
            "participation/idea_form_page.html",
            idea_form_context(request, collection, form),
        )
    data = form.cleaned_data
    submission = services.submit_idea(
        collection,
        email=data["email"],
        display_name=data.get("display_name", ""),
        language=active_language(),
        title=data["title"],
        description=data["description"],
        category=data.get("category"),
        location_text=data.get("location_text", ""),
        image=data.get("image"),
        remembered_id=tokens.remembered_participant_id(request),
    )
    form.count_attempt()
    idea = submission.contribution
    back = safe_next(request, space_url(collection, request))
    if submission.needs_confirmation:
        if collection.is_pre_moderated:
            text = _(
                "Thank you! We have sent you an e-mail. Please open the link in it "
                "to confirm your address; then our team checks your idea before "
                "it is published."
            )
        else:
            text = _(
                "Thank you! We have sent you an e-mail. Please open the link in it "
                "to confirm your address; then your idea is published."
            )
        messages.success(request, text)
        return redirect(back)
    if idea.visibility == Visibility.PENDING:
        messages.success(
            request,
            _("Thank you! Your idea will appear after our team has checked it."),
        )
        return redirect(back)
    messages.success(request, _("Thank you! Your idea is published."))
    return redirect(idea_url(idea))


# Comments


def stream_idea(stream):
    """The idea a stream is the discussion of, or None for a page's stream."""
    try:
        return stream.idea
    except Idea.DoesNotExist:
        return None


@require_http_methods(["POST"])
def submit_comment(request, stream_id):
    """Write a comment or a reply (`parent`) in a stream."""
    stream = get_object_or_404(CommentStream, pk=stream_id)
    idea = stream_idea(stream)
    if idea is not None and not idea.is_visible:
        raise Http404
    fallback = idea_url(idea) if idea else space_url(stream, request)
    if idea is not None and not idea.collection.accepts_contributions():
        return closed_page(request, idea.collection)
    if not stream.accepts_contributions():
        return closed_page(request, stream)
    form = CommentForm(request.POST, stream=stream, request=request)
    if not form.is_valid():
        parent = None
        parent_id = request.POST.get("parent", "")
        if parent_id.isdigit():
            parent = (
                DiscussionComment.objects.visible()
                .filter(stream=stream, pk=parent_id)
                .first()
            )
        return render_page(
            request,
            "participation/comment_form_page.html",
            {
                "stream": stream,
                "idea": idea,
                "form": form,
                "parent": parent,
                "page": host_page(idea.collection if idea else stream),
                "next_url": safe_next(request, fallback),
                "title": _("Reply") if parent else _("Write a comment"),
            },
        )
    data = form.cleaned_data
    submission = services.submit_comment(
        stream,
        email=data["email"],
        display_name=data.get("display_name", ""),
        language=active_language(),
        text=data["text"],
        parent=data.get("parent"),
        remembered_id=tokens.remembered_participant_id(request),
    )
    form.count_attempt()
    comment = submission.contribution
    back = safe_next(request, fallback)
    if submission.needs_confirmation:
        if stream.is_pre_moderated:
            text = _(
                "Thank you! We have sent you an e-mail. Please open the link in it "
                "to confirm your address; then our team checks your comment before "
                "it is published."
            )
        else:
            text = _(
                "Thank you! We have sent you an e-mail. Please open the link in it "
                "to confirm your address; then your comment is published."
            )
        messages.success(request, text)
        return redirect(back)
    if comment.visibility == Visibility.PENDING:
        messages.success(
            request,
            _("Thank you! Your comment will appear after our team has checked it."),
        )
        return redirect(back)
    messages.success(request, _("Thank you! Your comment is published."))
    return HttpResponseRedirect(f"{back}#comment-{comment.pk}")


def comment_detail(request, pk):
    """A comment with all its replies, e.g. linked from an e-mail. Comments in an
    idea's discussion are shown on the idea's page."""
    comment = get_object_or_404(
        DiscussionComment.objects.filter(SHOWN_COMMENTS).select_related("stream"),
        pk=pk,
    )
    thread = comment
    if comment.parent_id:
        thread = get_object_or_404(
            DiscussionComment.objects.filter(SHOWN_COMMENTS), pk=comment.parent_id
        )
    idea = stream_idea(comment.stream)
    if idea is not None:
        if not idea.is_visible:
            raise Http404
        return HttpResponseRedirect(f"{idea_url(idea)}#comment-{comment.pk}")
    attach_replies([thread], limit=ALL_REPLIES)
    prepare_comments([thread])
    stream = comment.stream
    page = host_page(stream)
    reply_form = None
    if stream.accepts_contributions():
        reply_form = CommentForm(stream=stream, request=request, id_prefix="thread")
    return render_page(
        request,
        "participation/comment_detail.html",
        {
            "title": _("Comment with its replies"),
            "comment": thread,
            "stream": stream,
            "page": page,
            "host_url": page.get_url(request) if page is not None else "",
            "comment_form": reply_form,
            "labels": comment_labels(request),
            "initial": participant_initial(request),
            "next_url": request.get_full_path(),
            "canonical_url": request.build_absolute_uri(
                reverse("participation:comment_detail", args=[thread.pk])
            ),
        },
    )


# Supports


@require_http_methods(["POST"])
def support(request, pk):
    """Support an idea or withdraw the support. A browser that does not remember
    a confirmed participant gets a link by e-mail first (see confirm)."""
    idea = get_object_or_404(Idea.objects.visible().select_related("collection"), pk=pk)
    back = safe_next(request, idea_url(idea))
    if not idea.collection.accepts_contributions():
        return closed_page(request, idea.collection)
    participant = current_participant(request)
    if participant is None:
        return support_by_email(request, idea, back)
    form = SupportForm(request.POST, participant=participant, request=request)
    if not form.is_valid():
        return render_page(
            request,
            "participation/support_page.html",
            {
                "title": _("Support an idea"),
                "idea": idea,
                "form": form,
                "page": host_page(idea.collection),
                "next_url": back,
            },
        )
    if form.cleaned_data["action"] == SupportForm.SUPPORT:
        if services.support_idea(idea, participant):
            form.count_attempt()
            messages.success(request, _("Thank you for supporting this idea."))
        else:
            messages.info(request, _("You already support this idea."))
    elif services.withdraw_support(idea, participant):
        form.count_attempt()
        messages.success(request, _("You no longer support this idea."))
    else:
        messages.info(request, _("You did not support this idea."))
    return HttpResponseRedirect(f"{back}#support")


def support_by_email(request, idea, back):
    form = SupportConfirmForm(request.POST, request=request, id_prefix="support")
    if not form.is_valid():
        return render_page(
            request,
            "participation/support_page.html",
            {
                "title": _("Support an idea"),
                "idea": idea,
                "confirm_form": form,
                "page": host_page(idea.collection),
                "next_url": back,
            },
        )
    services.request_support_confirmation(
        idea, email=form.cleaned_data["email"], language=active_language()
    )
    form.count_attempt()
    messages.success(
        request,
        _(
            "Thank you! We have sent you an e-mail. Please open the link in it; "
            "then your support counts."
        ),
    )
    return HttpResponseRedirect(f"{back}#support")


# Reports

REPORTABLE = {"idea": Idea, "comment": DiscussionComment}


@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    """Report an idea or comment to the moderators."""
    model = REPORTABLE.get(kind)
    if model is None:
        raise Http404
    contribution = get_object_or_404(model.objects.visible(), pk=pk)
    if isinstance(contribution, DiscussionComment) and contribution.is_official:
        raise Http404
    back = contribution_path(contribution)
    form = ReportForm(
        request.POST if request.method == "POST" else None, request=request
    )
    if request.method == "POST" and form.is_valid():
        participant = current_participant(request)
        reporter = (
            f"participant:{participant.pk}"
            if participant
            else f"ip:{client_ip(request)}"
        )
        created = services.report_contribution(
            contribution,
            reason=form.cleaned_data["reason"],
            explanation=form.cleaned_data.get("explanation", ""),
            reporter_hash=services.keyed_hash(reporter),
            participant=participant,
        )
        form.count_attempt()
        if created:
            messages.success(
                request,
                _("Thank you for your report. Our team will look at it."),
            )
        else:
            messages.info(request, _("You have already reported this."))
        if kind == "idea" and not model.objects.visible().filter(pk=pk).exists():
            # hidden after this report: its own page is gone for the public
            back = space_url(contribution.collection, request)
        return HttpResponseRedirect(back)
    space = contribution.collection if kind == "idea" else contribution.stream
    if kind == "comment":
        idea = stream_idea(space)
        space = idea.collection if idea else space
    return render_page(
        request,
        "participation/report.html",
        {
            "title": _("Report an idea") if kind == "idea" else _("Report a comment"),
            "contribution": contribution,
            "kind": kind,
            "form": form,
            "back_url": back,
            "page": host_page(space),
        },
    )


# Links from e-mails


def link_error_page(request, error):
    status = 400 if error.code == "invalid" else 410
    return render_page(
        request,
        "participation/link_error.html",
        {"error": error, "title": _("This link does not work"), "no_index": True},
        status=status,
    )


def confirm(request, token):
    """Open the link from the confirmation e-mail: the address and what waited
    for it are confirmed, and this browser remembers the participant."""
    try:
        participant, confirmed = services.confirm_participant(token)
    except tokens.LinkError as error:
        return link_error_page(request, error)
    supported_idea = None
    support_id = request.GET.get("support", "")
    if support_id.isdigit():
        supported_idea = (
            Idea.objects.visible()
            .select_related("collection")
            .filter(pk=support_id)
            .first()
        )
        if supported_idea and supported_idea.collection.accepts_contributions():
            services.support_idea(supported_idea, participant)
        else:
            supported_idea = None
    manage_link = services.create_manage_link(participant)
    response = render_page(
        request,
        "participation/confirm.html",
        {
            "title": _("Thank you for confirming"),
            "participant": participant,
            "ideas": [c for c in confirmed if isinstance(c, Idea)],
            "comments": [c for c in confirmed if isinstance(c, DiscussionComment)],
            "supported_idea": supported_idea,
            "manage_url": reverse(
                "participation:manage", args=[tokens.make_token(manage_link)]
            ),
            "no_index": True,
        },
    )
    tokens.remember_participant(response, participant)
    return response


def contribution_state(contribution):
    """What the author reads about where their contribution stands."""
    if contribution.withdrawn_at:
        return _("withdrawn")
    if contribution.confirmed_at is None:
        return _("waiting for your confirmation by e-mail")
    return {
        Visibility.PENDING: _("waiting for moderation"),
        Visibility.PUBLISHED: _("published"),
        Visibility.HIDDEN: _("hidden by the moderation"),
        Visibility.REJECTED: _("rejected by the moderation"),
    }[contribution.visibility]


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """A participant's own contributions, opened with the link from an e-mail:
    see them, change them shortly after writing, or withdraw them."""
    try:
        link = tokens.read_token(token, AccessLink.MANAGE)
    except tokens.LinkError as error:
        return link_error_page(request, error)
    participant = link.participant
    manage_url = reverse("participation:manage", args=[token])
    edit_form = None
    editing = None
    if request.method == "POST":
        kind = request.POST.get("kind")
        model = REPORTABLE.get(kind)
        object_id = request.POST.get("id", "")
        if model is None or not object_id.isdigit():
            raise Http404
        contribution = get_object_or_404(model, pk=object_id, participant=participant)
        action = request.POST.get("action")
        if action == "withdraw":
            services.withdraw_contribution(contribution, participant)
            messages.success(request, _("Your contribution has been withdrawn."))
            return HttpResponseRedirect(manage_url)
        if action != "edit":
            raise Http404
        if not services.can_edit(contribution, participant):
            messages.error(request, _("This contribution can no longer be changed."))
            return HttpResponseRedirect(manage_url)
        if kind == "idea":
            edit_form = IdeaEditForm(request.POST, collection=contribution.collection)
        else:
            edit_form = CommentEditForm(request.POST)
        if edit_form.is_valid():
            changes = dict(edit_form.cleaned_data)
            if kind == "idea" and "category" not in edit_form.fields:
                changes.pop("category", None)
            services.edit_contribution(contribution, participant, **changes)
            messages.success(request, _("Your changes have been saved."))
            return HttpResponseRedirect(manage_url)
        editing = (kind, contribution.pk)
    elif request.GET.get("edit"):
        kind, _sep, object_id = request.GET["edit"].partition("-")
        model = REPORTABLE.get(kind)
        if model is not None and object_id.isdigit():
            contribution = model.objects.filter(
                pk=object_id, participant=participant
            ).first()
            if contribution and services.can_edit(contribution, participant):
                editing = (kind, contribution.pk)
                if kind == "idea":
                    edit_form = IdeaEditForm(
                        collection=contribution.collection,
                        initial={
                            "title": contribution.title,
                            "description": contribution.description,
                            "category": contribution.category_id,
                            "location_text": contribution.location_text,
                        },
                    )
                else:
                    edit_form = CommentEditForm(initial={"text": contribution.text})
    ideas = list(
        Idea.objects.filter(participant=participant)
        .select_related("collection")
        .order_by("-created_at")
    )
    comments = list(
        DiscussionComment.objects.filter(participant=participant)
        .select_related("stream", "stream__idea")
        .order_by("-created_at")
    )
    for contribution in (*ideas, *comments):
        contribution.state = contribution_state(contribution)
        contribution.editable = services.can_edit(contribution, participant)
        contribution.public_path = (
            contribution_path(contribution) if contribution.is_visible else ""
        )
    response = render_page(
        request,
        "participation/manage.html",
        {
            "title": _("Your contributions"),
            "participant": participant,
            "ideas": ideas,
            "comments": comments,
            "manage_url": manage_url,
            "edit_form": edit_form,
            "editing": editing,
            "edit_minutes": int(services.edit_window().total_seconds() // 60),
            "no_index": True,
        },
    )
    if participant.is_confirmed:
        tokens.remember_participant(response, participant)
    return response


@require_http_methods(["GET", "POST"])
def request_manage_link(request):
    """Ask for a link to one's own contributions. The answer is the same whether
    or not the address is known, so it reveals nothing."""
    form = ManageLinkForm(
        request.POST if request.method == "POST" else None, request=request
    )
    if request.method == "POST" and form.is_valid():
        participant = (
            Participant.objects.for_email(form.cleaned_data["email"])
            .filter(confirmed_at__isnull=False)
            .first()
        )
        if participant is not None:
            services.create_manage_link(
                participant, send=True, language=active_language()
            )
        form.count_attempt()
        messages.success(
            request,
            _(
                "If we know this address, we have sent a link to it. Please look "
                "into your mailbox."
            ),
        )
        return redirect("participation:request_manage_link")
    return render_page(
        request,
        "participation/manage_request.html",
        {"form": form, "title": _("Your contributions")},
    )
