"""Filters of the admin listings and of the moderation queue."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from ..models import (
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    IdeaStatus,
    Report,
    Visibility,
)


def participation_pages(request=None):
    """Pages that show an idea collection or a comment stream."""
    return Page.objects.filter(
        Q(pk__in=IdeaCollection.objects.filter(page__isnull=False).values("page"))
        | Q(pk__in=CommentStream.objects.filter(page__isnull=False).values("page"))
    ).order_by("title")


def page_streams(request=None):
    """Comment streams placed on pages (not the discussions of ideas)."""
    return CommentStream.objects.filter(idea__isnull=True).order_by("title")


def language_choices():
    return [(code, _(name)) for code, name in settings.LANGUAGES]


def open_reports(model):
    """Unresolved reports of one kind of contribution, for an Exists() filter."""
    return Report.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=OuterRef("pk"),
        resolved_at__isnull=True,
    )


def date_range_filter():
    return django_filters.DateFromToRangeFilter(
        field_name="created_at",
        label=_("Written"),
        widget=DateRangePickerWidget,
    )


class IdeaFilterSet(WagtailFilterSet):
    """Filters of the ideas listing."""

    page = django_filters.ModelChoiceFilter(
        label=_("Page"),
        field_name="collection__page",
        queryset=participation_pages,
    )
    collection = django_filters.ModelChoiceFilter(
        label=_("Idea collection"),
        queryset=IdeaCollection.objects.order_by("title"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=IdeaStatus.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    visibility = django_filters.ChoiceFilter(
        label=_("Moderation state"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    created_at = date_range_filter()

    class Meta:
        model = Idea
        fields = []


class CommentFilterSet(WagtailFilterSet):
    """Filters of the comments listing."""

    page = django_filters.ModelChoiceFilter(
        label=_("Page"),
        field_name="stream__page",
        queryset=participation_pages,
    )
    stream = django_filters.ModelChoiceFilter(
        label=_("Comment stream"),
        queryset=page_streams,
    )
    collection = django_filters.ModelChoiceFilter(
        label=_("Comments on ideas of"),
        field_name="stream__idea__collection",
        queryset=IdeaCollection.objects.order_by("title"),
    )
    visibility = django_filters.ChoiceFilter(
        label=_("Moderation state"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    is_official = django_filters.BooleanFilter(
        label=_("Official answer"),
        widget=forms.RadioSelect(
            choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    created_at = date_range_filter()

    class Meta:
        model = DiscussionComment
        fields = []


IDEA, COMMENT = "idea", "comment"
KIND_CHOICES = [(IDEA, _("Idea")), (COMMENT, _("Comment"))]
WAITING, REPORTED = "waiting", "reported"
REASON_CHOICES = [
    (WAITING, _("Waiting for approval")),
    (REPORTED, _("Reported")),
]


class ModerationQueueFilterSet(WagtailFilterSet):
    """Filters of the moderation queue. The queue lists ideas and comments
    together, so every filter is applied to each of the two querysets."""

    kind = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=KIND_CHOICES,
        method="filter_kind",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    reason = django_filters.ChoiceFilter(
        label=_("Why it waits"),
        choices=REASON_CHOICES,
        method="filter_reason",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    visibility = django_filters.ChoiceFilter(
        label=_("Moderation state"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Page"),
        queryset=participation_pages,
        method="filter_page",
    )
    collection = django_filters.ModelChoiceFilter(
        label=_("Idea collection"),
        queryset=IdeaCollection.objects.order_by("title"),
        method="filter_collection",
    )
    stream = django_filters.ModelChoiceFilter(
        label=_("Comment stream"),
        queryset=page_streams,
        method="filter_stream",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    created_at = date_range_filter()

    def filter_kind(self, queryset, name, value):
        if value == IDEA and queryset.model is not Idea:
            return queryset.none()
        if value == COMMENT and queryset.model is not DiscussionComment:
            return queryset.none()
        return queryset

    def filter_reason(self, queryset, name, value):
        if value == WAITING:
            return queryset.filter(visibility=Visibility.PENDING)
        return queryset.filter(Exists(open_reports(queryset.model)))

    def filter_page(self, queryset, name, value):
        if queryset.model is Idea:
            return queryset.filter(collection__page=value)
        return queryset.filter(stream__page=value)

    def filter_collection(self, queryset, name, value):
        if queryset.model is Idea:
            return queryset.filter(collection=value)
        return queryset.filter(stream__idea__collection=value)

    def filter_stream(self, queryset, name, value):
        if queryset.model is Idea:
            return queryset.none()
        return queryset.filter(stream=value)
