from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared editorial building blocks: base page, StreamField blocks, site settings."""

    name = "cms.core"
    label = "cms_core"
    verbose_name = _("Website basics")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import i18n
        from .tree import connect_signals

        connect_signals()
        i18n.connect_signals()
        post_migrate.connect(i18n.ensure_locales, sender=self)
