from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, which brings the project, events, news and fields together."""

    name = "home"
    verbose_name = _("Home page")
