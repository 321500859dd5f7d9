"""The strategy project (one participatory process) and its fields of action."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, InterimResultBlock
from cms.core.models import BasePage
from cms.core.queries import not_restricted


class ProjectPage(BasePage):
    """One strategy process, e.g. 'Smart. Smarter. Pinneberg?!': what it wants, who
    runs and funds it, and its phases on a timeline. Fields of action sit below it."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what is this project about?")
    )
    goals = RichTextField(
        _("goals"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the project wants to achieve."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("further content"),
        blank=True,
        help_text=_("Text, images, downloads and more, built from blocks."),
    )
    start_date = models.DateField(_("start"), help_text=_("First day of the project."))
    end_date = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Last day; leave empty if open-ended."),
    )
    funding = models.CharField(
        _("funded by"),
        max_length=300,
        blank=True,
        help_text=_("Funding programme and funding body, if any."),
    )
    client = models.CharField(
        _("client"),
        max_length=200,
        blank=True,
        help_text=_("Who commissioned the project."),
    )
    carried_out_by = models.CharField(
        _("carried out by"),
        max_length=200,
        blank=True,
        help_text=_("The office or service provider that runs the project."),
    )
    contact_role = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_(
            "A role, not a person's name, e.g. 'Project lead, city administration'."
        ),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("A function address that stays valid when staff change."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("goals"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funding"),
                FieldPanel("client"),
                FieldPanel("carried_out_by"),
                FieldRowPanel(
                    [FieldPanel("contact_role"), FieldPanel("contact_email")]
                ),
            ],
            heading=_("Key facts"),
        ),
        InlinePanel("phases", heading=_("Phases"), label=_("Phase"), min_num=0),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "cms_strategy.FieldPage",
        "cms_events.EventIndexPage",
        "cms_news.NewsIndexPage",
        "cms_core.StandardPage",
    ]

    class Meta:
        verbose_name = _("strategy project")
        verbose_name_plural = _("strategy projects")

    def get_meta_description(self):
        return self.search_description or self.summary

    @cached_property
    def phase_list(self):
        """The phases in editorial order, each marked with its state on today's date."""
        today = timezone.localdate()
        phases = list(self.phases.all())
        for phase in phases:
            phase.state = phase.state_on(today)
        return phases

    @property
    def current_phase(self):
        return next(
            (p for p in self.phase_list if p.state == ProjectPhase.CURRENT), None
        )

    def get_fields(self):
        return not_restricted(FieldPage.objects.child_of(self).live()).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fields_of_action"] = (
            self.get_fields()
            .select_related("card_image")
            .prefetch_related("card_image__renditions")
        )
        return context


class ProjectPhase(TranslatableMixin, Orderable):
    """One phase of a strategy project, e.g. status-quo analysis or participation.

    Translatable with its project page: each language version has its phases."""

    PAST, CURRENT, FUTURE = "past", "current", "future"

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("E.g. 'Status-quo analysis'.")
    )
    start_date = models.DateField(_("start"), help_text=_("First day of the phase."))
    end_date = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the phase is open-ended."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What happens in this phase, in one or two sentences."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.name

    def state_on(self, day: datetime.date):
        """Whether this phase is past, current or future on the given day."""
        if day < self.start_date:
            return self.FUTURE
        if self.end_date is not None and day > self.end_date:
            return self.PAST
        return self.CURRENT

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end cannot be before the start.")}
            )


class FieldPage(BasePage):
    """A field of action (Handlungsfeld) of a strategy project, e.g. mobility: its
    challenges, workshop results, and the events and news that belong to it."""

    introduction = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences; also shown on the card on the home page."),
    )
    card_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("card image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the card of this field on the home page and the project page."
        ),
    )
    challenges = RichTextField(
        _("challenges"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "The questions and problems the town wants to tackle in this field."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Text, images, downloads and more, built from blocks."),
    )
    interim_results = StreamField(
        [("result", InterimResultBlock())],
        verbose_name=_("interim results"),
        blank=True,
        help_text=_("One entry per workshop round: a summary and the documents."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("card_image"),
        FieldPanel("challenges"),
        FieldPanel("body"),
        FieldPanel("interim_results"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("challenges"),
        index.SearchField("body"),
        index.SearchField("interim_results"),
    ]
    parent_page_types = ["cms_strategy.ProjectPage"]
    subpage_types = ["cms_core.StandardPage"]

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")

    def get_meta_description(self):
        return self.search_description or self.introduction

    def get_share_image(self):
        return self.share_image or self.card_image

    def get_context(self, request, *args, **kwargs):
        # Imported here: events and news point at FieldPage, so they import this module.
        from cms.events.models import EventPage
        from cms.news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = not_restricted(EventPage.objects.live()).filter(field_of_action=self)
        context["upcoming_events"] = list(
            events.filter(end__gte=now).order_by("start")[:5]
        )
        context["past_events"] = list(events.filter(end__lt=now).order_by("-start")[:5])
        context["news_items"] = list(
            not_restricted(NewsPage.objects.live())
            .filter(field_of_action=self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:5]
        )
        return context
