from django.apps import AppConfig


class StandaloneConfig(AppConfig):
    name = "tests.participation.standalone"
    label = "standalone"
    default_auto_field = "django.db.models.BigAutoField"
