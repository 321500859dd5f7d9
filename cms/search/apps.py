from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The public search page over all pages."""

    name = "cms.search"
    label = "cms_search"
    verbose_name = _("Search")
