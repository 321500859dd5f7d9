"""The base every page type extends, the standard page, and the per-site branding."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyStreamBlock, FooterLinkBlock
from .colours import MIN_TEXT_CONTRAST, WHITE, contrast_ratio, parse_hex
from .i18n import route_with_fallback
from .tree import route_through_tree, view_restriction_ids

BRANDING_CACHE_SECONDS = 60 * 60


class BasePage(Page):
    """Abstract base for every page of the site: adds the image used when it is shared."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social media or in messengers. "
            "Landscape format, at least 1200 × 630 pixels."
        ),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("For search engines")),
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        # A page not translated yet is found in the default language (cms.core.i18n).
        return route_with_fallback(self, request, path_components, self._route)

    def _route(self, request, path_components):
        # The pages on the URL's path in one query instead of two per level.
        if path_components:
            return route_through_tree(self, request, path_components)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        # The restrictions of the page and its ancestors, found by tree path in
        # the cached list; aliases take their source's and use Wagtail's lookup.
        if self.alias_of_id:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=view_restriction_ids(self))

    def get_share_image(self):
        """The image to show in link previews; page types with their own image override it."""
        return self.share_image

    def get_meta_description(self):
        return self.search_description


class StandardPage(BasePage):
    """A plain content page: imprint, privacy notice, accessibility statement,
    principles of collaboration, or any other text the town wants to publish."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown in large type below the title."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Text, images, downloads and more, built from blocks."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = [
        "home.HomePage",
        "cms_core.StandardPage",
        "cms_strategy.ProjectPage",
    ]
    subpage_types = ["cms_core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_meta_description(self):
        return self.search_description or self.introduction


def validate_brand_colour(value):
    """Reject colours that are not hex or too light to carry white text (WCAG AA)."""
    try:
        parse_hex(value)
    except ValueError:
        raise ValidationError(
            _("Enter a colour as a hex code with a leading #, for example #1d5c8f."),
            code="invalid",
        ) from None
    ratio = contrast_ratio(value, WHITE)
    if ratio < MIN_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: white text on it has a contrast of "
                "%(ratio)s:1, but at least %(minimum)s:1 is needed so that "
                "everyone can read it. Choose a darker shade."
            ),
            code="low_contrast",
            params={
                "ratio": number_format(ratio, 2),
                "minimum": number_format(MIN_TEXT_CONTRAST, 1),
            },
        )


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """Name, logo, colour and contact of the municipality that runs this site.

    Everything here is per site, so another town brands its site in the admin
    without touching code.
    """

    municipality_name = models.CharField(
        _("name of the municipality"),
        max_length=120,
        default="Musterstadt",
        help_text=_(
            "Shown in the header, the footer and the page title, e.g. 'Stadt Pinneberg'."
        ),
    )
    site_title = models.CharField(
        _("title of the website"),
        max_length=120,
        blank=True,
        help_text=_(
            "For example the name of the strategy process. Shown next to the logo."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header. An SVG or a PNG with a transparent background works best."
        ),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d5c8f",
        validators=[validate_brand_colour],
        help_text=_(
            "Hex code such as #1d5c8f. Used for the header, buttons and links. "
            "It must be dark enough for white text (contrast at least 4.5:1)."
        ),
    )
    contact_name = models.CharField(
        _("contact office"),
        max_length=200,
        blank=True,
        help_text=_(
            "The office or function, not a person, e.g. 'Smart City project office'."
        ),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("A function address, e.g. smartcity@example.org."),
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=50,
        blank=True,
        help_text=_("A central number of the office, e.g. +49 4101 000-0."),
    )
    contact_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Street, postcode and town, one per line."),
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_(
            "Imprint, privacy, accessibility statement and other links for the footer."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("municipality_name"),
                FieldPanel("site_title"),
                FieldPanel("logo"),
                FieldPanel("primary_colour"),
            ],
            heading=_("Branding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("branding and contact")

    def __str__(self):
        return self.municipality_name

    @classmethod
    def cache_key(cls, site_id):
        return f"cms_core:sitebranding:{site_id}"

    @classmethod
    def for_site(cls, site):
        """The branding of a site, from the cache when possible: every page shows it,
        and it changes rarely. Saving it clears the cached copy (see signals)."""
        if site is None:
            return super().for_site(site)
        key = cls.cache_key(site.pk)
        branding = cache.get(key)
        if branding is None:
            branding = super().for_site(site)
            # Load the logo and the footer's pages now, so the cached copy has them.
            branding.logo  # noqa: B018
            list(branding.footer_links)
            cache.set(key, branding, BRANDING_CACHE_SECONDS)
        return branding


@receiver([post_save, post_delete], sender=SiteBranding)
def forget_cached_branding(sender, instance, **kwargs):
    cache.delete(SiteBranding.cache_key(instance.site_id))
