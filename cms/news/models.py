"""News items, their overview with tag filter and pagination, and an Atom feed."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import BodyStreamBlock
from cms.core.models import BasePage
from cms.core.queries import not_restricted

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The overview of all news items, newest first, filterable by tag, with a feed."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of news."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage", "cms_strategy.ProjectPage"]
    subpage_types = ["cms_news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news overview")
        verbose_name_plural = _("news overviews")

    def get_news(self):
        return (
            not_restricted(NewsPage.objects.live())
            .descendant_of(self)
            .select_related("image", "field_of_action")
            .order_by("-date", "-pk")
        )

    def get_tags(self):
        """Tags used by at least one live news item below this page, by name."""
        return (
            Tag.objects.filter(
                cms_news_newspagetag_items__content_object__in=self.get_news().values(
                    "pk"
                )
            )
            .distinct()
            .order_by("name")
        )

    @path("")
    def index(self, request):
        news = self.get_news().prefetch_related("image__renditions", "tags")
        tag = request.GET.get("tag", "").strip()
        if tag:
            news = news.filter(tags__slug=tag)
        page = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        tags = list(self.get_tags())
        current_tag = next((t for t in tags if t.slug == tag), None)
        return self.render(
            request,
            context_overrides={
                "news_page": page,
                "tags": tags,
                "current_tag": current_tag,
                "unknown_tag": bool(tag) and current_tag is None,
            },
        )

    @path("feed/")
    def feed(self, request):
        """The newest news items as an Atom feed."""
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms_news.NewsPage", related_name="tagged_items")


class NewsPage(BasePage):
    """A news item: a date, a teaser for the overview, an image and the text."""

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date shown with the news item; the overview is sorted by it."),
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_(
            "Two or three sentences for the overview, the home page and the feed."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the overview and at the top of the news item."),
    )
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("text"),
        blank=True,
        help_text=_("Text, images, downloads and more, built from blocks."),
    )
    field_of_action = models.ForeignKey(
        "cms_strategy.FieldPage",
        verbose_name=_("field of action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        help_text=_(
            "The news item is then listed on the page of this field of action."
        ),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords readers can filter by, e.g. 'Workshop', 'Results'."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("field_of_action")]),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms_news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_meta_description(self):
        return self.search_description or self.teaser

    def get_share_image(self):
        return self.share_image or self.image
