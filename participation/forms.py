"""The public forms: handing in an idea, commenting, supporting, reporting, and
asking for a link. Each validates everything it stores, applies the defences of
antispam.py and leaves the writing to services.py."""

import io
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import antispam, fragments
from .models import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    DiscussionComment,
    Report,
)

DISPLAY_NAME_MAX_LENGTH = 60
LOCATION_MAX_LENGTH = 200
EXPLANATION_MAX_LENGTH = 1000
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_SIDE = 1600
IMAGE_MAX_PIXELS = 50_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def privacy_url():
    """The address of the privacy notice in the current language; the setting
    PARTICIPATION_PRIVACY_URL may contain {lang}."""
    template = getattr(settings, "PARTICIPATION_PRIVACY_URL", "/{lang}/datenschutz/")
    return template.format(lang=get_language() or settings.LANGUAGE_CODE)


def too_long(message):
    return {"max_length": message}


class TextField(forms.CharField):
    """A plain-text field cleaned by antispam.clean_text."""

    def clean(self, value):
        # Clean first, so that text of nothing but invisible characters counts
        # as empty.
        value = antispam.clean_text(super().clean(value))
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        return value


class AntiSpamForm(forms.Form):
    """Base of every public form: a honeypot, a signed timestamp of when the form
    was shown, and a rate limit per client IP (and e-mail address, if asked)."""

    rate_action = None
    check_fill_time = True

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_timestamp = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, request=None, id_prefix="", **kwargs):
        if id_prefix:
            kwargs.setdefault("auto_id", f"id_{id_prefix}_%s")
        super().__init__(*args, **kwargs)
        self.request = request
        if not self.check_fill_time:
            del self.fields["form_timestamp"]

    def fresh_timestamp(self):
        """A new timestamp for every rendering, also after errors; a placeholder
        when the form is rendered for the cache (see fragments.py)."""
        if fragments.rendering_for_cache.get():
            return fragments.TIMESTAMP_MARK
        return antispam.make_timestamp()

    def rate_email(self):
        return self.cleaned_data.get("email")

    def rate_keys(self):
        return antispam.rate_keys(self.request, self.rate_email())

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise ValidationError(
                _(
                    "Please leave the field 'Leave this field empty' empty; it is "
                    "there to keep out robots."
                ),
                code="honeypot",
            )
        if self.check_fill_time:
            antispam.check_timestamp(self.data.get(self.add_prefix("form_timestamp")))
        if self.rate_action and self.request is not None:
            if antispam.is_rate_limited(self.rate_action, self.rate_keys()):
                raise antispam.rate_limit_error(self.rate_action)
        return cleaned_data

    def count_attempt(self):
        """Count what was just stored against the rate limit."""
        if self.rate_action and self.request is not None:
            antispam.count_attempt(self.rate_action, self.rate_keys())


class ParticipantForm(AntiSpamForm):
    """A form that identifies its sender by e-mail address, with an optional
    display name and consent to the privacy notice."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "Never shown publicly. We send you a link to confirm that it is yours."
        ),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _(
                "Please enter a complete e-mail address, e.g. name@example.org."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = TextField(
        label=_("Display name (optional)"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        required=False,
        help_text=_(
            "Shown with your contribution. Leave empty to appear as 'anonymous'."
        ),
        error_messages=too_long(
            _(
                "The display name can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the privacy notice."),
        error_messages={
            "required": _("Please agree to the privacy notice, or we cannot store it.")
        },
    )

    field_order = ["email", "display_name", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "I agree that what I write is stored and published with my display "
                "name as described in the"
            ),
            privacy_url(),
            _("privacy notice"),
        )


class IdeaFields(forms.Form):
    """The fields of an idea, shared by handing in and editing."""

    title = TextField(
        label=_("Title of your idea"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Please give your idea a title."),
            **too_long(
                _(
                    "The title can be at most %(limit_value)d characters long "
                    "(it has %(show_value)d)."
                )
            ),
        },
    )
    description = TextField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("What is your idea, and what would it improve? Plain text."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Please describe your idea."),
            **too_long(
                _(
                    "The description can be at most %(limit_value)d characters long "
                    "(it has %(show_value)d)."
                )
            ),
        },
    )
    category = forms.TypedChoiceField(
        label=_("Category"),
        coerce=int,
        error_messages={
            "required": _("Please choose a category."),
            "invalid_choice": _("Please choose one of the categories offered."),
        },
    )
    location_text = TextField(
        label=_("Location (optional)"),
        max_length=LOCATION_MAX_LENGTH,
        required=False,
        help_text=_("Where does your idea apply, e.g. a street or a district?"),
        error_messages=too_long(
            _(
                "The location can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        ),
    )

    def __init__(self, *args, collection, categories=None, **kwargs):
        """`categories`: a list of (category, label in the reader's language); by
        default the collection's categories are read."""
        super().__init__(*args, **kwargs)
        self.collection = collection
        if categories is None:
            from .listings import localized_categories

            categories = localized_categories(collection)
        self.category_objects = {category.pk: category for category, _ in categories}
        if categories:
            self.fields["category"].choices = [("", _("Please choose"))] + [
                (category.pk, label) for category, label in categories
            ]
        else:
            del self.fields["category"]
        if not collection.allow_location:
            del self.fields["location_text"]

    def clean_category(self):
        return self.category_objects.get(self.cleaned_data["category"])

    def clean(self):
        cleaned_data = super().clean()
        antispam.check_links(
            cleaned_data.get("title"),
            cleaned_data.get("description"),
            cleaned_data.get("location_text"),
        )
        return cleaned_data


class IdeaForm(IdeaFields, ParticipantForm):
    """Handing in an idea to a collection."""

    rate_action = "idea"

    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_(
            "A photo or sketch: JPEG, PNG or WebP, up to 5 MB. We remove location "
            "and camera data from it."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )

    field_order = [
        "title",
        "description",
        "category",
        "location_text",
        "image",
        "email",
        "display_name",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.collection.allow_image:
            del self.fields["image"]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return process_image(upload)


def process_image(upload):
    """Check an uploaded image and return it re-encoded: at most 1600 pixels on
    its longer side, turned upright, without EXIF or other metadata."""
    from PIL import Image

    if upload.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is larger than 5 MB. Please choose a smaller one."),
            code="image_too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            data, extension = _reencode(upload)
    except ValidationError:
        raise
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise ValidationError(
            _(
                "This file is not an image we can use. Please upload a JPEG, PNG "
                "or WebP."
            ),
            code="image_invalid",
        ) from None
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{extension}")


def _reencode(upload):
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as probe:
        probe.verify()
    upload.seek(0)
    image = Image.open(upload)
    image_format = image.format
    if image_format not in IMAGE_FORMATS:
        raise ValueError(image_format)
    if image.width * image.height > IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The image has too many pixels. Please choose a smaller one."),
            code="image_too_large",
        )
    image.load()
    image = ImageOps.exif_transpose(image)
    image.thumbnail((IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))
    options = {}
    if image_format == "JPEG":
        image = image.convert("RGB")
        options = {"quality": 85, "optimize": True}
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        if image_format == "WEBP":
            options = {"quality": 85}
    output = io.BytesIO()
    # Only pixels are written: no exif, icc_profile or text chunks are passed on.
    image.save(output, format=image_format, **options)
    return output.getvalue(), IMAGE_FORMATS[image_format]


class IdeaEditForm(IdeaFields):
    """The author changes their idea within the edit window."""


class CommentForm(ParticipantForm):
    """A comment, or a reply to one (`parent`), in a comment stream."""

    rate_action = "comment"

    text = TextField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write a comment."),
            **too_long(
                _(
                    "The comment can be at most %(limit_value)d characters long "
                    "(it has %(show_value)d)."
                )
            ),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = ["text", "email", "display_name", "consent"]

    def __init__(self, *args, stream, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            DiscussionComment.objects.visible()
            .filter(stream=self.stream, pk=parent_id)
            .first()
        )
        if parent is None:
            raise ValidationError(
                _(
                    "The comment you replied to is no longer available. You can "
                    "post your text as a new comment instead."
                ),
                code="parent_missing",
            )
        return parent

    def clean(self):
        cleaned_data = super().clean()
        antispam.check_links(cleaned_data.get("text"))
        return cleaned_data


class CommentEditForm(forms.Form):
    """The author changes their comment within the edit window."""

    text = CommentForm.base_fields["text"]

    def clean(self):
        cleaned_data = super().clean()
        antispam.check_links(cleaned_data.get("text"))
        return cleaned_data


class SupportForm(AntiSpamForm):
    """Support an idea or withdraw the support, from a browser that remembers a
    confirmed participant."""

    SUPPORT, WITHDRAW = "support", "withdraw"

    rate_action = "support"
    check_fill_time = False

    action = forms.ChoiceField(
        choices=[(SUPPORT, _("Support")), (WITHDRAW, _("Withdraw support"))],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, participant=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.participant = participant

    def rate_email(self):
        return self.participant.email if self.participant else None


class SupportConfirmForm(ParticipantForm):
    """From a browser that does not know its participant yet: the e-mail address
    to which we send a link that confirms it and counts the support."""

    rate_action = "link"

    field_order = ["email", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["display_name"]
        self.fields["email"].help_text = _(
            "Never shown publicly. We send you a link; once you open it, your "
            "support counts and this browser remembers you."
        )
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _("I agree that my support is stored as described in the"),
            privacy_url(),
            _("privacy notice"),
        )


class ReportForm(AntiSpamForm):
    """Report an idea or comment that breaks the rules. No e-mail address is
    asked: a report is counted once per browser or client IP."""

    rate_action = "report"

    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    explanation = TextField(
        label=_("Explanation (optional)"),
        max_length=EXPLANATION_MAX_LENGTH,
        required=False,
        help_text=_("Tell the moderators briefly what they should look at."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=too_long(
            _(
                "The explanation can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        ),
    )

    field_order = ["reason", "explanation"]


class ManageLinkForm(AntiSpamForm):
    """Ask for a link, sent by e-mail, to one's own contributions."""

    rate_action = "link"

    email = ParticipantForm.base_fields["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "The address you used when you took part. We send the link to it."
        )
