from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    """The strategy project and its fields of action."""

    name = "cms.strategy"
    label = "cms_strategy"
    verbose_name = _("Strategy project")
