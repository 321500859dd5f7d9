from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News items with tags and a feed."""

    name = "cms.news"
    label = "cms_news"
    verbose_name = _("News")
