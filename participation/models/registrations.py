"""Registration for events: a page mixin that staff switch on per event, the
registration list of an event (capacity and counters, the row that is locked
while seats are handed out) and the registrations of people."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

DEFAULT_GROUPS = [
    _("Citizen"),
    _("Local business"),
    _("Association or initiative"),
    _("City staff"),
    _("Other"),
]


class RegistrationPageMixin(models.Model):
    """Adds registration to a page type, e.g. an event page. Staff switch it on
    per page and set the capacity, the registration period and the questions.

    The page model must give the time of the event: by default the fields
    ``start`` and ``end``; override ``registration_event_start()`` and
    ``registration_event_end()`` otherwise. Its template includes
    ``participation/registrations/panel.html`` where the form belongs.
    """

    registration_enabled = models.BooleanField(
        _("registration"),
        default=False,
        help_text=_("Tick to let people register for this event on its page."),
    )
    registration_capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "How many people can take part. When all seats are taken, further "
            "registrations go onto a waiting list."
        ),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open registration at once."),
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until the event starts."),
    )
    registration_groups = models.TextField(
        _("groups offered"),
        blank=True,
        help_text=_(
            "One per line, e.g. 'Citizen'. People say which group they belong to; "
            "the admin counts registrants per group. Leave empty for: citizen, "
            "local business, association or initiative, city staff, other."
        ),
    )
    registration_ask_accessibility = models.BooleanField(
        _("ask about accessibility needs"),
        default=True,
        help_text=_(
            "Offer an optional field, e.g. for sign language interpreting or "
            "step-free access."
        ),
    )
    registrant_details = models.TextField(
        _("details for registrants only"),
        blank=True,
        help_text=_(
            "The video-conference link, the room or how to find it. Never shown on "
            "the public page: only in the e-mails to confirmed registrants and on "
            "the page they open with their personal link."
        ),
    )
    registration_reminder_hours = models.PositiveSmallIntegerField(
        _("reminder before the event (hours)"),
        null=True,
        blank=True,
        default=24,
        help_text=_(
            "Confirmed registrants get a reminder this many hours before the start. "
            "Leave empty or enter 0 to send no reminder."
        ),
    )

    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("registration_capacity"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens"),
                        FieldPanel("registration_closes"),
                    ]
                ),
                FieldPanel("registration_groups"),
                FieldPanel("registration_ask_accessibility"),
                FieldPanel("registrant_details"),
                FieldPanel("registration_reminder_hours"),
            ],
            heading=_("Registration"),
        )
    ]

    class Meta:
        abstract = True

    def registration_event_start(self):
        return self.start

    def registration_event_end(self):
        return self.end

    def registration_group_choices(self):
        """The groups offered, in the page's language."""
        lines = [line.strip() for line in (self.registration_groups or "").splitlines()]
        return [line for line in lines if line] or [str(g) for g in DEFAULT_GROUPS]

    def clean(self):
        super().clean()
        errors = {}
        if self.registration_enabled and not self.registration_capacity:
            errors["registration_capacity"] = _(
                "Give the number of seats (at least 1) to take registrations."
            )
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration_enabled:
            from ..registrations import registration_panel

            context["registration"] = registration_panel(self, request)
        return context


class RegistrationList(models.Model):
    """The registrations of one event (all its language versions share it), with
    the settings copied from the page when it is published. Staff see it in the
    admin under "Registrations", with counts, exports and a message to all."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("event page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("event"), max_length=255)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    is_enabled = models.BooleanField(_("registration on"), default=True)
    capacity = models.PositiveIntegerField(_("seats"), default=0)
    opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registrant_details = models.TextField(_("details for registrants"), blank=True)
    reminder_hours = models.PositiveSmallIntegerField(_("reminder hours"), default=24)
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0)
    waiting_count = models.PositiveIntegerField(_("waiting list"), default=0)

    class Meta:
        verbose_name = _("registration list")
        verbose_name_plural = _("registration lists")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    @property
    def seats_left(self):
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self):
        return self.confirmed_count >= self.capacity

    def is_open(self, now=None):
        """Whether registrations are taken right now."""
        now = now or timezone.now()
        if not self.is_enabled:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        if self.closes_at and now >= self.closes_at:
            return False
        return now < self.starts_at


class Registration(models.Model):
    """One person's registration for an event: waiting for the e-mail link,
    confirmed (a seat), on the waiting list, or cancelled. Deleted a set number
    of days after the event (purge_registrations)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    registration_list = models.ForeignKey(
        RegistrationList,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    group = models.CharField(_("group"), max_length=100, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    position = models.PositiveIntegerField(
        _("place on the waiting list"), null=True, blank=True
    )
    secret = models.CharField(
        max_length=64, default=secrets.token_urlsafe, editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_list", "email"],
                condition=~Q(status="cancelled"),
                name="participation_one_active_registration_per_address",
            ),
            models.UniqueConstraint(
                fields=["registration_list", "position"],
                condition=Q(status="waiting"),
                name="participation_unique_waiting_position",
            ),
        ]
        indexes = [models.Index(fields=["registration_list", "status"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
