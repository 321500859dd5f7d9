from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared editorial building blocks: base page, StreamField blocks, site settings."""

    name = "cms.core"
    label = "cms_core"
    verbose_name = _("Website basics")

    def ready(self):
        from .tree import connect_signals

        connect_signals()
