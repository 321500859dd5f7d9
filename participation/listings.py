"""The public lists of ideas and comments, built with a fixed number of queries
whatever their size: counts come from one aggregate or from the denormalised
counters, replies of a page of comments come in one query, and the reader's
support state for a page of ideas in another."""

import dataclasses

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import tokens
from .models import (
    Category,
    DiscussionComment,
    IdeaStatus,
    Participant,
    Support,
    Visibility,
)

IDEAS_PER_PAGE = 20
COMMENTS_PER_PAGE = 20
MAX_REPLIES_SHOWN = 3

SORTS = {
    "newest": ("-created_at", "-pk"),
    "supported": ("-support_count", "-created_at", "-pk"),
    "discussed": ("-comment_count", "-created_at", "-pk"),
}
SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("supported", _("Most supported")),
    ("discussed", _("Most discussed")),
]
# The public sees hidden comments as a notice with the moderator's reason.
SHOWN_COMMENTS = Q(
    confirmed_at__isnull=False,
    withdrawn_at__isnull=True,
    visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN],
)


def active_language():
    """The content language being shown (e.g. 'de' for 'de-at')."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def category_labels(categories):
    """Names of categories in the reader's language, by translation_key; at most
    one query (none if they are all in that language already)."""
    language = active_language()
    labels = {category.translation_key: category.name for category in categories}
    missing = [
        c.translation_key for c in categories if c.locale.language_code != language
    ]
    if missing:
        labels.update(
            Category.objects.filter(
                translation_key__in=missing, locale__language_code=language
            ).values_list("translation_key", "name")
        )
    return labels


def localized_categories(collection):
    """The collection's categories as (category, name in the reader's language),
    sorted by that name; at most two queries."""
    categories = list(collection.categories.select_related("locale"))
    labels = category_labels(categories)
    pairs = [(category, labels[category.translation_key]) for category in categories]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def page_url(request, param, number, anchor):
    """The current URL with one page parameter changed, other parameters kept."""
    params = request.GET.copy() if request is not None else {}
    if number and number > 1:
        params[param] = str(number)
    else:
        params.pop(param, None)
    query = urlencode(sorted(params.lists()), doseq=True) if params else ""
    path = request.path if request is not None else ""
    return f"{path}{'?' + query if query else ''}#{anchor}"


def page_links(request, page_obj, param, anchor):
    """Previous/next and numbered links of a Django page, for the template."""
    links = []
    for number in page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=1, on_ends=1
    ):
        if number == page_obj.paginator.ELLIPSIS:
            links.append({"gap": True})
        else:
            links.append(
                {
                    "number": number,
                    "url": page_url(request, param, number, anchor),
                    "current": number == page_obj.number,
                }
            )
    return {
        "links": links,
        "previous": page_url(request, param, page_obj.previous_page_number(), anchor)
        if page_obj.has_previous()
        else "",
        "next": page_url(request, param, page_obj.next_page_number(), anchor)
        if page_obj.has_next()
        else "",
    }


def _get_param(request, name):
    return request.GET.get(name, "") if request is not None else ""


def _positive_int(value, default=1):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


@dataclasses.dataclass
class IdeaListing:
    """One page of a collection's visible ideas, sorted and filtered, with counts."""

    collection: object
    prefix: str
    anchor: str
    sort: str
    category: object
    status: str
    categories: list
    category_counts: dict
    status_counts: list
    total: int
    count: int
    page: object
    ideas: list
    pagination: dict
    other_params: list

    def field_name(self, name):
        return f"{self.prefix}-{name}"

    @property
    def sort_name(self):
        return self.field_name("sort")

    @property
    def category_name(self):
        return self.field_name("category")

    @property
    def status_name(self):
        return self.field_name("status")

    @property
    def is_filtered(self):
        return bool(self.category or self.status)


def idea_listing(request, collection, participant_id=None, categories=None):
    """A page of ideas of the collection for the request's GET parameters
    (`ideas<id>-sort`, `-category`, `-status`, `-page`); 3 to 5 queries."""
    prefix = f"ideas{collection.pk}"
    anchor = f"ideas-{collection.pk}"
    sort = _get_param(request, f"{prefix}-sort")
    if sort not in SORTS:
        sort = "newest"
    if categories is None:
        categories = localized_categories(collection)
    by_id = {category.pk: (category, label) for category, label in categories}
    category_id = _positive_int(_get_param(request, f"{prefix}-category"), None)
    category = by_id.get(category_id, (None, ""))[0]
    status = _get_param(request, f"{prefix}-status")
    if status not in IdeaStatus.values:
        status = ""

    ideas = collection.ideas.visible()
    rows = ideas.order_by().values_list("category_id", "status").annotate(n=Count("pk"))
    category_counts, status_totals, total, count = {}, {}, 0, 0
    for row_category, row_status, n in rows:
        total += n
        if not status or row_status == status:
            category_counts[row_category] = category_counts.get(row_category, 0) + n
        if not category or row_category == category.pk:
            status_totals[row_status] = status_totals.get(row_status, 0) + n
        if (not status or row_status == status) and (
            not category or row_category == category.pk
        ):
            count += n
    status_counts = [
        (value, label, status_totals.get(value, 0))
        for value, label in IdeaStatus.choices
        if status_totals.get(value) or value == status
    ]

    filtered = ideas
    if category:
        filtered = filtered.filter(category=category)
    if status:
        filtered = filtered.filter(status=status)
    paginator = Paginator(
        filtered.select_related("category").order_by(*SORTS[sort]), IDEAS_PER_PAGE
    )
    paginator.count = count  # known from the aggregate: no COUNT query
    page = paginator.get_page(_get_param(request, f"{prefix}-page"))
    page_ideas = list(page.object_list) if count else []

    labels = {category.translation_key: label for category, label in categories}
    supported = set()
    if participant_id and page_ideas:
        supported = set(
            Support.objects.filter(
                participant_id=participant_id,
                idea_id__in=[idea.pk for idea in page_ideas],
            ).values_list("idea_id", flat=True)
        )
    for idea in page_ideas:
        idea.category_label = (
            labels.get(idea.category.translation_key, idea.category.name)
            if idea.category
            else ""
        )
        idea.is_supported = idea.pk in supported
    prepare_ideas(page_ideas)

    other_params = []
    if request is not None:
        for key, values in sorted(request.GET.lists()):
            if not key.startswith(prefix + "-"):
                other_params.extend((key, value) for value in values)

    return IdeaListing(
        collection=collection,
        prefix=prefix,
        anchor=anchor,
        sort=sort,
        category=category,
        status=status,
        categories=[
            (category, label, category_counts.get(category.pk, 0))
            for category, label in categories
        ],
        category_counts=category_counts,
        status_counts=status_counts,
        total=total,
        count=count,
        page=page,
        ideas=page_ideas,
        pagination=page_links(request, page, f"{prefix}-page", anchor),
        other_params=other_params,
    )


@dataclasses.dataclass
class CommentListing:
    """One page of a stream's top-level comments, newest first, each with its
    replies (oldest first)."""

    stream: object
    prefix: str
    anchor: str
    number: int
    comments: list
    newer_url: str
    older_url: str
    first_url: str

    @property
    def has_other_pages(self):
        return bool(self.newer_url or self.older_url)


def comment_listing(request, stream, per_page=COMMENTS_PER_PAGE):
    """A page of the stream (`comments<id>-page`): two queries, whatever the
    size of the stream. Instead of counting all comments, one comment more than
    shown is read to know whether there are older ones."""
    prefix = f"comments{stream.pk}"
    anchor = f"comments-{stream.pk}"
    param = f"{prefix}-page"
    number = _positive_int(_get_param(request, param))
    offset = (number - 1) * per_page
    comments = list(
        stream.comments.filter(SHOWN_COMMENTS, parent__isnull=True)
        .select_related(None)
        .order_by("-created_at", "-pk")[offset : offset + per_page + 1]
    )
    has_older = len(comments) > per_page
    comments = comments[:per_page]
    attach_replies(comments)
    prepare_comments(comments)
    return CommentListing(
        stream=stream,
        prefix=prefix,
        anchor=anchor,
        number=number,
        comments=comments,
        newer_url=page_url(request, param, number - 1, anchor) if number > 1 else "",
        older_url=page_url(request, param, number + 1, anchor) if has_older else "",
        first_url=page_url(request, param, 1, anchor),
    )


def attach_replies(comments, limit=MAX_REPLIES_SHOWN):
    """Give each comment `shown_replies` (at most `limit`) in one query."""
    for comment in comments:
        comment.shown_replies = []
        comment.more_replies = False
    # Only comments with visible replies are asked about (the denormalised
    # counter); hidden replies of a comment without visible ones are left out.
    by_id = {comment.pk: comment for comment in comments if comment.reply_count}
    if not by_id:
        return
    replies = (
        DiscussionComment.objects.filter(SHOWN_COMMENTS, parent_id__in=list(by_id))
        .annotate(
            # the town's answers first, so that they are always among those shown
            position=Window(
                RowNumber(),
                partition_by=[F("parent_id")],
                order_by=[
                    F("is_official").desc(),
                    F("created_at").asc(),
                    F("pk").asc(),
                ],
            )
        )
        .filter(position__lte=limit + 1)
        .order_by("parent_id", "created_at", "pk")
    )
    for reply in replies:
        parent = by_id[reply.parent_id]
        if reply.position <= limit:
            parent.shown_replies.append(reply)
        else:
            parent.more_replies = True


def host_page(space):
    """The live page that shows a collection or stream, in the reader's language
    if it is translated, as its specific type; None if there is none. Two
    queries."""
    if space.page_id is None:
        return None
    language = active_language()
    same_page = Page.objects.filter(pk=space.page_id).values("translation_key")[:1]
    candidates = list(
        Page.objects.live()
        .filter(
            Q(pk=space.page_id)
            | Q(translation_key=Subquery(same_page), locale__language_code=language)
        )
        .select_related("locale")
    )
    page = next(
        (p for p in candidates if p.locale.language_code == language), None
    ) or next((p for p in candidates if p.pk == space.page_id), None)
    return page.specific if page is not None else None


def site_root_depth(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page.depth if site else 2


def current_participant(request):
    """The confirmed participant this browser remembers, or None (one query,
    cached on the request)."""
    if request is None:
        return None
    if not hasattr(request, "_participation_participant"):
        participant_id = tokens.remembered_participant_id(request)
        participant = None
        if participant_id:
            participant = Participant.objects.filter(
                pk=participant_id, confirmed_at__isnull=False
            ).first()
        request._participation_participant = participant
    return request._participation_participant


def participant_initial(request):
    """Form values for a remembered participant, so they need not type them."""
    participant = current_participant(request)
    if participant is None:
        return {}
    return {"email": participant.email, "display_name": participant.display_name}


ID_PLACEHOLDER = 987654321


def prepare_ideas(ideas):
    """Give ideas of a list what the template would otherwise compute for each:
    link, dates, status and counts in words (each translated once)."""
    detail = reverse("participation:idea_detail", args=[ID_PLACEHOLDER])
    placeholder = str(ID_PLACEHOLDER)
    date_pattern = formats.get_format("SHORT_DATE_FORMAT")
    zone = timezone.get_current_timezone()
    statuses = {value: str(label) for value, label in IdeaStatus.choices}
    supports, comments = {}, {}
    for idea in ideas:
        local = idea.created_at.astimezone(zone)
        idea.url = detail.replace(placeholder, str(idea.pk))
        idea.iso_date = local.isoformat()
        idea.display_date = dateformat.format(local, date_pattern)
        idea.status_label = statuses.get(idea.status, idea.status)
        count = idea.support_count
        if count not in supports:
            supports[count] = ngettext(
                "%(count)d support", "%(count)d supports", count
            ) % {"count": count}
        idea.support_label = supports[count]
        count = idea.comment_count
        if count not in comments:
            comments[count] = ngettext(
                "%(count)d comment", "%(count)d comments", count
            ) % {"count": count}
        idea.comment_label = comments[count]


def idea_labels():
    """The words around every idea card, translated once per page."""
    return {
        "status": gettext("Status:"),
        "category": gettext("Category:"),
        "anonymous": gettext("anonymous"),
        "supported": gettext("You support this idea"),
    }


def prepare_comments(comments):
    """Give comments and their shown replies what the template would otherwise
    compute for each of them: dates and links."""
    report = reverse("participation:report", args=["comment", ID_PLACEHOLDER])
    thread = reverse("participation:comment_detail", args=[ID_PLACEHOLDER])
    placeholder = str(ID_PLACEHOLDER)
    date_pattern = formats.get_format("SHORT_DATETIME_FORMAT")
    zone = timezone.get_current_timezone()
    for comment in comments:
        comment.thread_url = thread.replace(placeholder, str(comment.pk))
        for item in (comment, *comment.shown_replies):
            local = item.created_at.astimezone(zone)
            item.iso_date = local.isoformat()
            item.display_date = dateformat.format(local, date_pattern)
            item.report_url = report.replace(placeholder, str(item.pk))


def comment_labels(request):
    """The words around every comment, translated once per page."""
    return {
        "hidden": gettext("This comment was hidden by the moderation:"),
        "hidden_reports": gettext(
            "This comment was hidden after reports and waits for a decision by "
            "the moderation."
        ),
        "official": gettext("Answer from the city"),
        "authority": authority_name(request),
        "anonymous": gettext("anonymous"),
        "edited": gettext("edited"),
        "report": gettext("Report"),
        "this_comment": gettext("this comment"),
        "replies": gettext("Replies"),
        "all_replies": gettext("Show all replies"),
    }


def authority_name(request):
    """The name under which the town answers, e.g. 'Stadt Pinneberg'.

    PARTICIPATION_AUTHORITY_NAME gives it as text; PARTICIPATION_AUTHORITY_SETTING
    ("app_label.Model.field") reads it from a Wagtail site setting; otherwise the
    Wagtail site's name or WAGTAIL_SITE_NAME is used. Cached on the request.
    """
    name = getattr(settings, "PARTICIPATION_AUTHORITY_NAME", "")
    if name:
        return name
    if request is not None and hasattr(request, "_participation_authority"):
        return request._participation_authority
    reference = getattr(settings, "PARTICIPATION_AUTHORITY_SETTING", "")
    if reference and request is not None:
        app_label, model_name, field = reference.split(".")
        model = apps.get_model(app_label, model_name)
        name = getattr(model.for_request(request), field, "")
    if not name:
        site = Site.find_for_request(request) if request is not None else None
        name = (site.site_name if site else "") or getattr(
            settings, "WAGTAIL_SITE_NAME", ""
        )
    if request is not None:
        request._participation_authority = name
    return name
