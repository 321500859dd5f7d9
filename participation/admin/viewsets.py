"""Viewsets of the "Participation" menu in the Wagtail admin."""

from django import forms
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import (
    EditView as SnippetEditView,
)
from wagtail.snippets.views.snippets import (
    IndexView as SnippetIndexView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import (
    CannedReply,
    Category,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
)
from . import views
from .filters import CommentFilterSet, IdeaFilterSet
from .forms import CommentEditForm, IdeaCollectionForm, IdeaEditForm
from .permissions import NEVER_IN_ADMIN, can_moderate
from .registrations import RegistrationViewSet, SubscriberViewSet


class CategoryViewSet(SnippetViewSet):
    """Topics citizens choose for their ideas (translatable)."""

    model = Category
    icon = "tag"
    list_display = ["name", "description", "locale"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [FieldPanel("name"), FieldPanel("description")]


class CannedReplyViewSet(SnippetViewSet):
    """Prepared reasons moderators pick when they hide or reject (translatable)."""

    model = CannedReply
    icon = "clipboard-list"
    list_display = ["title", "locale"]
    search_fields = ["title", "text"]
    search_backend_name = None
    panels = [FieldPanel("title"), FieldPanel("text")]


SPACE_PANELS = [
    FieldPanel("title"),
    FieldPanel("moderation"),
    MultiFieldPanel(
        [
            FieldPanel("is_open"),
            FieldRowPanel([FieldPanel("open_from"), FieldPanel("open_until")]),
        ],
        heading=_("Open for contributions"),
    ),
]


class SpaceIndexView(SnippetIndexView):
    """Snippet listing of collections or streams with an "open or close" button."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_moderate(self.request.user):
            name = "stream" if self.model is CommentStream else "collection"
            buttons.append(
                ListingButton(
                    _("Open or close, answer")
                    if self.model is CommentStream
                    else _("Open or close"),
                    url=reverse(f"participation_moderation:{name}", args=[instance.pk]),
                    icon_name="lock-open",
                    priority=5,
                )
            )
        return buttons


class SpaceEditView(SnippetEditView):
    """Edits of a collection or stream: opening or closing it by ticking "open"
    is logged as participation.open / participation.close."""

    def save_instance(self):
        was_open = (
            self.model.objects.filter(pk=self.object.pk)
            .values_list("is_open", flat=True)
            .first()
        )
        instance = super().save_instance()
        if was_open is not None and was_open != instance.is_open:
            log(
                instance=instance,
                action="participation.open"
                if instance.is_open
                else "participation.close",
                user=self.request.user,
            )
        return instance


class ParticipationSpaceViewSet(SnippetViewSet):
    index_view_class = SpaceIndexView
    edit_view_class = SpaceEditView
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    list_filter = ["is_open", "moderation"]


class IdeaCollectionViewSet(ParticipationSpaceViewSet):
    """Settings of each idea collection."""

    model = IdeaCollection
    icon = "list-ul"
    list_display = [
        "title",
        Column("page", label=_("Shown on page")),
        Column("get_moderation_display", label=_("Moderation")),
        BooleanColumn("is_open", label=_("Open")),
        DateColumn("open_until", label=_("Open until")),
    ]
    edit_handler = ObjectList(
        [
            *SPACE_PANELS,
            FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldPanel("allow_location"), FieldPanel("allow_image")],
                heading=_("What citizens may add"),
            ),
            FieldPanel("comment_moderation"),
            FieldPanel("page", read_only=True),
        ],
        base_form_class=IdeaCollectionForm,
    )


class CommentStreamViewSet(ParticipationSpaceViewSet):
    """Settings of each comment stream placed on a page (the discussions of
    ideas follow their collection and are reached through the idea)."""

    model = CommentStream
    icon = "comment"
    list_display = [
        "title",
        Column("page", label=_("Shown on page")),
        Column("get_moderation_display", label=_("Moderation")),
        BooleanColumn("is_open", label=_("Open")),
        DateColumn("open_until", label=_("Open until")),
    ]
    panels = [*SPACE_PANELS, FieldPanel("page", read_only=True)]

    def get_queryset(self, request):
        return CommentStream.objects.filter(idea__isnull=True).select_related("page")


class ContributionViewSet(ModelViewSet):
    """Ideas or comments as citizens wrote them: listed, filtered, inspected,
    edited to remove personal data (the original stays in the history). Never
    added or deleted here."""

    edit_view_class = views.ContributionEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at", "-pk"]

    def get_permissions_to_register(self):
        codenames = [f"{action}_{self.model_name}" for action in NEVER_IN_ADMIN]
        return super().get_permissions_to_register().exclude(codename__in=codenames)

    index_view_class = views.ContributionIndexView


class IdeaViewSet(ContributionViewSet):
    model = Idea
    name = "participation_ideas"
    url_prefix = "participation/ideas"
    icon = "pick"
    menu_label = _("Ideas")
    filterset_class = IdeaFilterSet
    search_fields = ["title", "description", "display_name"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("location_text"),
            FieldPanel("remove_image"),
            FieldPanel("display_name"),
        ],
        base_form_class=IdeaEditForm,
    )
    list_display = [
        "title",
        Column("collection", label=_("Idea collection")),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        Column(
            "get_visibility_display",
            label=_("Moderation state"),
            sort_key="visibility",
        ),
        Column("language", label=_("Language"), sort_key="language"),
        Column("support_count", label=_("Supports"), sort_key="support_count"),
        Column("comment_count", label=_("Comments"), sort_key="comment_count"),
        Column("report_count", label=_("Reports"), sort_key="report_count"),
        DateColumn("created_at", label=_("Written"), sort_key="created_at"),
    ]
    inspect_view_fields = [
        "title",
        "description",
        "category",
        "location_text",
        "image",
        "display_name",
        "language",
        "collection",
        "status",
        "status_reason",
        "merged_into",
        "official_answer",
        "answered_at",
        "visibility",
        "moderation_reason",
        "support_count",
        "comment_count",
        "report_count",
        "created_at",
        "confirmed_at",
        "edited_at",
        "withdrawn_at",
    ]


class CommentViewSet(ContributionViewSet):
    model = DiscussionComment
    name = "participation_comments"
    url_prefix = "participation/comments"
    icon = "comment"
    menu_label = _("Comments")
    filterset_class = CommentFilterSet
    search_fields = ["text", "display_name"]
    list_display = [
        "__str__",
        Column("stream", label=_("Comment stream")),
        BooleanColumn("is_official", label=_("Official answer")),
        Column(
            "get_visibility_display",
            label=_("Moderation state"),
            sort_key="visibility",
        ),
        Column("language", label=_("Language"), sort_key="language"),
        Column("report_count", label=_("Reports"), sort_key="report_count"),
        DateColumn("created_at", label=_("Written"), sort_key="created_at"),
    ]
    inspect_view_fields = [
        "text",
        "display_name",
        "language",
        "stream",
        "parent",
        "is_official",
        "staff_author",
        "visibility",
        "moderation_reason",
        "reply_count",
        "report_count",
        "created_at",
        "confirmed_at",
        "edited_at",
        "withdrawn_at",
    ]

    edit_handler = ObjectList(
        [FieldPanel("text"), FieldPanel("display_name")],
        base_form_class=CommentEditForm,
    )


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


class ModerationQueueViewSet(ViewSet):
    """The moderation queue and the screens and actions reached from it."""

    name = views.URL_NAMESPACE
    url_prefix = "participation/moderation"
    icon = "warning"
    menu_label = _("Moderation queue")
    menu_item_class = ModerationMenuItem

    def get_urlpatterns(self):
        queue = views.ModerationQueueView
        return [
            path("", queue.as_view(), name="index"),
            path("results/", queue.as_view(results_only=True), name="index_results"),
            path("act/", views.ModerationActionView.as_view(), name="act"),
            path(
                "idea/<int:pk>/",
                views.ContributionModerationView.as_view(model=Idea),
                name="idea",
            ),
            path(
                "comment/<int:pk>/",
                views.ContributionModerationView.as_view(model=DiscussionComment),
                name="comment",
            ),
            path(
                "idea/<int:pk>/status/",
                views.IdeaStatusView.as_view(),
                name="idea_status",
            ),
            path(
                "idea/<int:pk>/answer/",
                views.OfficialAnswerView.as_view(),
                name="idea_answer",
            ),
            path(
                "stream/<int:pk>/comment/",
                views.OfficialCommentView.as_view(),
                name="official_comment",
            ),
            path(
                "collection/<int:pk>/",
                views.SpaceView.as_view(model=IdeaCollection),
                name="collection",
            ),
            path(
                "stream/<int:pk>/",
                views.SpaceView.as_view(model=CommentStream),
                name="stream",
            ),
        ]


class ModerationHistoryViewSet(ViewSet):
    """A menu entry for the audit log of moderation (Wagtail's site history)."""

    name = "participation_history"
    url_prefix = "participation/history"
    icon = "history"
    menu_label = _("Moderation history")
    menu_item_class = ModerationMenuItem

    def get_urlpatterns(self):
        return [path("", views.ModerationHistoryView.as_view(), name="index")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user) and request.user.has_perm(
            "participation.delete_participant"
        )


class PersonalDataViewSet(ViewSet):
    """Export or erase what is stored about one person."""

    name = "participation_personal_data"
    url_prefix = "participation/personal-data"
    icon = "user"
    menu_label = _("Personal data")
    menu_item_class = PersonalDataMenuItem

    def get_urlpatterns(self):
        return [path("", views.PersonalDataView.as_view(), name="index")]

    def on_register(self):
        super().on_register()
        hooks.register("register_permissions", participant_permissions)


def participant_permissions():
    return Permission.objects.filter(
        content_type__app_label="participation",
        codename__in=["view_participant", "delete_participant"],
    )


class ParticipationViewSetGroup(SnippetViewSetGroup):
    """The "Participation" menu: everything staff need to moderate and run the
    places where citizens take part."""

    menu_label = _("Participation")
    menu_name = "participation"
    menu_icon = "group"
    menu_order = 250
    items = (
        ModerationQueueViewSet,
        IdeaViewSet,
        CommentViewSet,
        IdeaCollectionViewSet,
        CommentStreamViewSet,
        CategoryViewSet,
        CannedReplyViewSet,
        ModerationHistoryViewSet,
        PersonalDataViewSet,
        RegistrationViewSet,
        SubscriberViewSet,
    )
