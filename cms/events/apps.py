from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Workshops and other events, with calendar downloads."""

    name = "cms.events"
    label = "cms_events"
    verbose_name = _("Events")
