"""Settings for a local first run (`make run`): debug on, SQLite, console e-mail."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
VAR_DIR.mkdir(parents=True, exist_ok=True)
