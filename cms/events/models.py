"""Workshops and other events, listed on an index page with calendar downloads."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import BasePage
from cms.core.queries import not_restricted
from participation.models import RegistrationPageMixin

from .ical import build_calendar

PAST_EVENTS_PER_PAGE = 20


class EventIndexPage(RoutablePageMixin, BasePage):
    """The list of all events: upcoming ones first, past ones below, with a
    calendar feed (.ics) that people can subscribe to."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of events."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage", "cms_strategy.ProjectPage"]
    subpage_types = ["cms_events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event overview")
        verbose_name_plural = _("event overviews")

    def get_events(self):
        return (
            not_restricted(EventPage.objects.live())
            .descendant_of(self)
            .select_related("field_of_action")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.get_events()
        context["upcoming_events"] = list(
            events.filter(end__gte=now).order_by("start", "pk")
        )
        past = events.filter(end__lt=now).order_by("-start", "-pk")
        context["past_events"] = Paginator(past, PAST_EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ics/")
    def calendar_feed(self, request):
        """All events below this page as one iCalendar file (RFC 5545)."""
        events = self.get_events().order_by("start", "pk")
        calendar = build_calendar(events, request, name=self.title)
        return ics_response(calendar, slugify(self.title) or "events")


class EventPage(RegistrationPageMixin, RoutablePageMixin, BasePage):
    """One event, usually a workshop of a field of action, online or at a place,
    with a calendar download. Staff switch on registration (capacity, waiting
    list, reminders) in its "Registration" panel, from the participation plugin."""

    ONLINE, ON_SITE, HYBRID = "online", "on_site", "hybrid"
    FORMAT_CHOICES = [
        (ONLINE, _("Online (video conference)")),
        (ON_SITE, _("On site")),
        (HYBRID, _("On site and online")),
    ]

    field_of_action = models.ForeignKey(
        "cms_strategy.FieldPage",
        verbose_name=_("field of action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The event is then listed on the page of this field of action."),
    )
    workshop_round = models.PositiveSmallIntegerField(
        _("workshop round"),
        null=True,
        blank=True,
        help_text=_(
            "1 for the first round of workshops, 2 for the second; empty for other events."
        ),
    )
    start = models.DateTimeField(
        _("start"), help_text=_("Date and time in German time.")
    )
    end = models.DateTimeField(_("end"), help_text=_("Must be after the start."))
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=FORMAT_CHOICES,
        default=ONLINE,
        help_text=_("For events on site, give the venue and the address below."),
    )
    online_note = models.TextField(
        _("note on taking part online"),
        blank=True,
        help_text=_(
            "What people need to take part online, e.g. 'A computer or phone with "
            "camera and headset; no installation needed.' Do not put the meeting "
            "link here: it goes only to registered people."
        ),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Council chamber, town hall'. Only for events on site."),
    )
    street = models.CharField(
        _("street and number"), max_length=200, blank=True, help_text=_("On site only.")
    )
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, help_text=_("On site only.")
    )
    city = models.CharField(
        _("town"), max_length=100, blank=True, help_text=_("On site only.")
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What happens at the event and what comes of it."),
    )
    audience = models.CharField(
        _("intended audience"),
        max_length=300,
        blank=True,
        help_text=_("E.g. 'Citizens, local businesses, associations and city staff'."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel(
                    [FieldPanel("field_of_action"), FieldPanel("workshop_round")]
                ),
            ],
            heading=_("When and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("online_note"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        FieldPanel("audience"),
        *RegistrationPageMixin.registration_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("audience"),
        index.FilterField("start"),
    ]
    parent_page_types = ["cms_events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.format in (self.ON_SITE, self.HYBRID) and not (
            self.venue_name or self.street
        ):
            errors["venue_name"] = _(
                "Give the venue or the address of an on-site event."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return self.format in (self.ONLINE, self.HYBRID)

    @property
    def has_place(self):
        return self.format in (self.ON_SITE, self.HYBRID)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def address_line(self):
        """The place in one line, as calendars show it."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.venue_name, self.street, town) if part)

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ics/")
    def calendar_file(self, request):
        """This event as an iCalendar file for the reader's calendar app."""
        calendar = build_calendar([self], request, name=self.title)
        return ics_response(calendar, slugify(self.title) or "event")


def ics_response(calendar, filename):
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
