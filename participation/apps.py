from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """The participation plugin: ideas, comments, moderation, evaluation, measures.

    It depends on Django and Wagtail only, never on cms/ or home/, so another
    Wagtail project can install it on its own.
    """

    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
