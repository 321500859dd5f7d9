"""The home page: the entrance that brings the other pages together."""

from django.db import models
from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.blocks import BodyStreamBlock
from cms.core.models import BasePage
from cms.core.queries import not_restricted
from cms.events.models import EventPage
from cms.news.models import NewsPage
from cms.strategy.models import FieldPage, ProjectPage

HOME_EVENT_COUNT = 3
HOME_NEWS_COUNT = 3


class HomePage(BasePage):
    """The start page of a town's site: a welcome, the current strategy project with
    its phase, the next workshops, the latest news and the fields of action."""

    hero_title = models.CharField(
        _("headline"),
        max_length=200,
        blank=True,
        help_text=_("Large headline at the top; the page title is used if empty."),
    )
    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A short welcome: what happens here and how people can take part."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("header image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A decorative image beside the welcome text; landscape format."),
    )
    featured_project = models.ForeignKey(
        "cms_strategy.ProjectPage",
        verbose_name=_("current strategy project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown with its current phase. If empty, the newest project is shown."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("further content"),
        blank=True,
        help_text=_("Optional content below the overview."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("introduction"),
                FieldPanel("hero_image"),
            ],
            heading=_("Welcome"),
        ),
        FieldPanel("featured_project"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms_strategy.ProjectPage",
        "cms_events.EventIndexPage",
        "cms_news.NewsIndexPage",
        "cms_core.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_share_image(self):
        return self.share_image or self.hero_image

    def get_project(self):
        if self.featured_project_id:
            # The featured project in this home page's language if translated
            # (a page chooser keeps pointing to the German page), in one query.
            chosen = Page.objects.filter(pk=self.featured_project_id)
            candidates = ProjectPage.objects.live().filter(
                Q(pk=self.featured_project_id)
                | Q(
                    translation_key=Subquery(chosen.values("translation_key")[:1]),
                    locale_id=self.locale_id,
                )
            )
            projects = sorted(candidates, key=lambda p: p.locale_id != self.locale_id)
            if projects:
                return projects[0]
        return (
            not_restricted(ProjectPage.objects.live())
            .descendant_of(self)
            .order_by("-first_published_at")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        project = self.get_project()
        context["project"] = project
        context["fields_of_action"] = (
            list(
                not_restricted(FieldPage.objects.live())
                .child_of(project)
                .select_related("card_image")
                .prefetch_related("card_image__renditions")
                .order_by("path")
            )
            if project
            else []
        )
        context["next_events"] = list(
            not_restricted(EventPage.objects.live())
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .select_related("field_of_action")
            .order_by("start", "pk")[:HOME_EVENT_COUNT]
        )
        context["latest_news"] = list(
            not_restricted(NewsPage.objects.live())
            .descendant_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:HOME_NEWS_COUNT]
        )
        return context
