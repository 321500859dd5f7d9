"""Forms of the moderation screens. Each validates everything before any
service is called, so a bad input changes nothing."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.coreutils import get_supported_content_language_variant

from ..models import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    CannedReply,
    Category,
    DiscussionComment,
    Idea,
    IdeaStatus,
    Visibility,
)
from .filters import COMMENT, IDEA

APPROVE, HIDE, REJECT = "approve", "hide", "reject"
ACTION_CHOICES = [
    (APPROVE, _("Approve: make public")),
    (HIDE, _("Hide from the public")),
    (REJECT, _("Reject")),
]
REASON_MAX_LENGTH = 2000
ITEM_MODELS = {IDEA: Idea, COMMENT: DiscussionComment}


def item_key(contribution):
    """The value that names a contribution in the queue's forms: 'idea:12'."""
    kind = IDEA if isinstance(contribution, Idea) else COMMENT
    return f"{kind}:{contribution.pk}"


class ItemsField(forms.Field):
    """The contributions selected in the queue, as a list of (kind, id)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Select at least one idea or comment."),
        "invalid": _("The selection could not be read. Reload the page."),
    }

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        items = []
        for raw in value:
            kind, _sep, pk = str(raw).partition(":")
            if kind not in ITEM_MODELS or not pk.isdigit() or len(pk) > 18:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            if (kind, int(pk)) not in items:
                items.append((kind, int(pk)))
        return items


def canned_replies():
    """The canned replies offered to moderators: those in the site's default
    language; the translation in the author's language is used when it exists."""
    return CannedReply.objects.filter(
        locale__language_code=get_supported_content_language_variant(
            settings.LANGUAGE_CODE
        )
    ).order_by("title")


class ReasonMixin(forms.Form):
    canned_reply = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=CannedReply.objects.none(),
        required=False,
        empty_label=_("Choose a canned reply…"),
        help_text=_(
            "Shown to the author and, for a hidden contribution, in its place."
        ),
    )
    reason = forms.CharField(
        label=_("Or write a reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A written reason takes precedence over the canned reply."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canned_reply"].queryset = canned_replies()

    def reason_for(self, contribution):
        """The reason text for one contribution: the written reason, or the canned
        reply in the language the contribution was written in."""
        written = self.cleaned_data.get("reason", "").strip()
        if written:
            return written
        reply = self.cleaned_data.get("canned_reply")
        if reply is None:
            return ""
        return self.reply_translations.get(contribution.language, reply.text)

    @property
    def reply_translations(self):
        if not hasattr(self, "_reply_translations"):
            reply = self.cleaned_data.get("canned_reply")
            self._reply_translations = {}
            if reply is not None:
                for translation in CannedReply.objects.filter(
                    translation_key=reply.translation_key
                ).select_related("locale"):
                    self._reply_translations[translation.locale.language_code] = (
                        translation.text
                    )
        return self._reply_translations


class ModerationActionForm(ReasonMixin):
    """Approve, hide or reject one or more contributions."""

    action = forms.ChoiceField(
        label=_("Action"),
        choices=ACTION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what to do: approve, hide or reject."),
            "invalid_choice": _("Choose what to do: approve, hide or reject."),
        },
    )
    items = ItemsField(label=_("Selected items"))
    field_order = ["action", "canned_reply", "reason", "items"]

    def __init__(self, *args, compact=False, **kwargs):
        super().__init__(*args, **kwargs)
        if compact:
            # The queue's action bar: a select and a short text area take less room.
            self.fields["action"].widget = forms.Select(
                choices=[("", _("Choose…")), *ACTION_CHOICES]
            )
            self.fields["reason"].widget.attrs["rows"] = 2

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        has_reason = cleaned.get("reason", "").strip() or cleaned.get("canned_reply")
        if action in (HIDE, REJECT) and not has_reason:
            self.add_error(
                "reason",
                _("Choose a canned reply or write a reason to hide or reject."),
            )
        return cleaned


class IdeaStatusForm(forms.Form):
    """Move an idea to a new public status."""

    status = forms.ChoiceField(label=_("New status"), choices=IdeaStatus.choices)
    reason = forms.CharField(
        label=_("Public reason"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the idea is not pursued; shown on its page."),
    )
    merged_into = forms.ModelChoiceField(
        label=_("Merged into"),
        queryset=Idea.objects.none(),
        required=False,
        empty_label=_("Choose the idea it was merged into…"),
        help_text=_("Required when the status is 'merged'."),
        error_messages={
            "invalid_choice": _(
                "Choose another idea of the same collection; an idea cannot be "
                "merged into itself."
            )
        },
    )

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.idea = idea
        self.fields["status"].initial = idea.status
        self.fields["reason"].initial = idea.status_reason
        self.fields["merged_into"].initial = idea.merged_into_id
        self.fields["merged_into"].queryset = (
            Idea.objects.filter(
                collection_id=idea.collection_id,
                confirmed_at__isnull=False,
                withdrawn_at__isnull=True,
            )
            .exclude(pk=idea.pk)
            .exclude(visibility=Visibility.REJECTED)
            .only("pk", "title")
            .order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == IdeaStatus.NOT_PURSUED and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Give a public reason why the idea is not pursued.")
            )
        if (
            status == IdeaStatus.MERGED
            and not cleaned.get("merged_into")
            and "merged_into" not in self.errors
        ):
            self.add_error(
                "merged_into", _("Choose the idea this one was merged into.")
            )
        return cleaned


class OfficialAnswerForm(forms.Form):
    """The town's official answer to an idea, shown on the idea's page."""

    text = forms.CharField(
        label=_("Official answer"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Replaces the current answer; the author is told by e-mail."),
    )


class OfficialCommentForm(forms.Form):
    """A comment written by staff as the town, marked as official."""

    text = forms.CharField(
        label=_("Comment as the town"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Public at once and marked as an official answer."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=())
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, stream, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream
        self.fields["language"].choices = [
            (code, _(name)) for code, name in settings.LANGUAGES
        ]
        self.fields["language"].initial = settings.LANGUAGE_CODE

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = DiscussionComment.objects.filter(
            pk=parent_id, stream=self.stream
        ).first()
        if parent is None:
            raise ValidationError(_("The comment to reply to no longer exists."))
        return parent


class IdeaCollectionForm(WagtailAdminModelForm):
    """Settings of an idea collection: the categories offered are chosen in the
    site's default language (citizens see each in their own language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is not None:
            default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
            chosen = self.instance.categories.all() if self.instance.pk else []
            field.queryset = Category.objects.filter(
                Q(locale__language_code=default) | Q(pk__in=[c.pk for c in chosen])
            ).order_by("name")


class ContributionEditForm(WagtailAdminModelForm):
    """Staff edits of a contribution, e.g. to remove personal data. The
    original text stays in the history."""


class IdeaEditForm(ContributionEditForm):
    remove_image = forms.BooleanField(
        label=_("Remove the image"),
        required=False,
        help_text=_("Deletes the uploaded image, e.g. when it shows a person."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.image:
            self.fields["remove_image"].disabled = True
            self.fields["remove_image"].help_text = _("This idea has no image.")

    class Meta:
        model = Idea
        fields = ["title", "description", "location_text", "display_name"]


class CommentEditForm(ContributionEditForm):
    class Meta:
        model = DiscussionComment
        fields = ["text", "display_name"]


class PersonalDataForm(forms.Form):
    """Export or erase what is stored for one e-mail address."""

    EXPORT, ERASE = "export", "erase"

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address the person used to take part."),
    )
    operation = forms.ChoiceField(
        label=_("What to do"),
        choices=[
            (EXPORT, _("Export everything stored (JSON file)")),
            (ERASE, _("Erase the personal data")),
        ],
        widget=forms.RadioSelect,
        initial=EXPORT,
    )
    delete_contributions = forms.BooleanField(
        label=_("Delete their ideas and comments too"),
        required=False,
        help_text=_(
            "Without this, their ideas and comments stay, anonymised, so that "
            "discussions remain readable."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I have checked the request and want to erase the data for good"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("operation") == self.ERASE and not cleaned.get("confirm"):
            self.add_error(
                "confirm", _("Tick this box to confirm; erasing cannot be undone.")
            )
        return cleaned
