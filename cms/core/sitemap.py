"""The sitemap lists every live, public page in every language: Wagtail's own
lists only the tree below the site's root page, which holds the German pages;
the translations live below the root page's translations, its siblings."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LanguageSitemap(Sitemap):
    """Wagtail's sitemap over the home page and all its translations."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).values_list(
            "path", flat=True
        )
        below_a_root = Q()
        for path in roots:
            below_a_root |= Q(path__startswith=path)
        return (
            Page.objects.filter(below_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
