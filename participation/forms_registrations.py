"""Public forms of registrations and subscriptions. Like the other public forms
they carry the honeypot, the fill-time check and a rate limit per address and
client IP (the "link" limit: each of them sends an e-mail)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import AntiSpamForm, ParticipantForm, TextField, privacy_url, too_long

NAME_MAX_LENGTH = 100
NEEDS_MAX_LENGTH = 500


class RegistrationForm(AntiSpamForm):
    """Registering for an event: name, e-mail address, group, optional
    accessibility needs and consent."""

    rate_action = "link"

    name = TextField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("For the list of participants; never shown publicly."),
        error_messages={
            "required": _("Please enter your name."),
            **too_long(
                _(
                    "The name can be at most %(limit_value)d characters long "
                    "(it has %(show_value)d)."
                )
            ),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = ParticipantForm.base_fields["email"]
    group = forms.TypedChoiceField(
        label=_("You take part as"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose the group you belong to."),
            "invalid_choice": _("Please choose one of the groups offered."),
        },
    )
    accessibility_needs = TextField(
        label=_("Accessibility needs (optional)"),
        max_length=NEEDS_MAX_LENGTH,
        required=False,
        help_text=_(
            "E.g. sign language interpreting, step-free access or large print."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(
            _(
                "The accessibility needs can be at most %(limit_value)d characters "
                "long (they have %(show_value)d)."
            )
        ),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Please agree to the privacy notice, or we cannot register you."
            )
        },
    )

    field_order = ["name", "email", "group", "accessibility_needs", "consent"]

    def __init__(self, *args, groups, ask_accessibility=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        self.fields["email"].help_text = _(
            "We send you a link to confirm your registration; your seat counts "
            "once you have opened it."
        )
        self.fields["group"].choices = list(enumerate(self.groups))
        if not ask_accessibility:
            del self.fields["accessibility_needs"]
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "I agree that my registration is stored until 30 days after the "
                "event as described in the"
            ),
            privacy_url(),
            _("privacy notice"),
        )

    def clean_group(self):
        index = self.cleaned_data["group"]
        if not 0 <= index < len(self.groups):
            raise ValidationError(
                _("Please choose one of the groups offered."), code="invalid_choice"
            )
        return index


class ChoicesForm(forms.Form):
    """What a subscriber wants: new events, news, or both, for all fields of
    action or chosen ones."""

    ALL, CHOSEN = "all", "chosen"

    kinds = forms.MultipleChoiceField(
        label=_("What would you like to receive?"),
        choices=[
            ("events", _("New events and workshops")),
            ("news", _("News")),
        ],
        initial=["events", "news"],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please choose events, news or both."),
            "invalid_choice": _("Please choose events, news or both."),
        },
    )
    scope = forms.ChoiceField(
        label=_("On which fields of action?"),
        choices=[(ALL, _("All fields of action")), (CHOSEN, _("Only those I choose"))],
        initial=ALL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please say whether you want all fields of action."),
            "invalid_choice": _("Please say whether you want all fields of action."),
        },
    )
    topics = forms.MultipleChoiceField(
        label=_("Fields of action"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Please choose among the fields of action offered.")
        },
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = list(topics)
        if not topics:
            del self.fields["topics"]
            self.fields["scope"].widget = forms.HiddenInput()

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("scope") == self.CHOSEN
            and "topics" in self.fields
            and not cleaned_data.get("topics")
            and "topics" not in self.errors
        ):
            self.add_error(
                "topics",
                ValidationError(
                    _("Please choose at least one field of action, or all of them."),
                    code="required",
                ),
            )
        return cleaned_data

    def choices(self):
        """The cleaned choices as keyword arguments of the services."""
        data = self.cleaned_data
        all_topics = data.get("scope") != self.CHOSEN or "topics" not in self.fields
        return {
            "wants_events": "events" in data["kinds"],
            "wants_news": "news" in data["kinds"],
            "all_topics": all_topics,
            "topic_keys": [] if all_topics else data.get("topics", []),
        }


class SubscriptionForm(ChoicesForm, AntiSpamForm):
    """Subscribing to announcements by e-mail, without an account."""

    rate_action = "link"

    email = ParticipantForm.base_fields["email"]
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Please agree to the privacy notice, or we cannot send you e-mails."
            )
        },
    )

    field_order = ["email", "kinds", "scope", "topics", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "We send you a link to confirm your subscription. You can unsubscribe "
            "with one click in every e-mail."
        )
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "I agree that my address is stored for these e-mails as described in the"
            ),
            privacy_url(),
            _("privacy notice"),
        )


class SubscriptionManageForm(ChoicesForm):
    """A subscriber changes their choices through their personal link."""
