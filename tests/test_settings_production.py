"""The production settings refuse to start without secrets and pass `check --deploy`.

Each case runs in a fresh interpreter, because settings are read once per process.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
GOOD_KEY = "k7Hq2vP9xW3mZ8rT5nB1cY6uJ4eL0aS-fD2gH9jK3lQ7wE5rT1yU8iO4pA6sD0fG"
SETUP = "import django; django.setup()"
ENVIRONMENT_SETTINGS = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CSRF_TRUSTED_ORIGINS",
    "REDIS_URL",
    "EMAIL_HOST",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "DATABASE_CONN_MAX_AGE",
}


def run(args, **settings):
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT_SETTINGS}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    # Nothing in these checks may reach a database server: port 9 is "discard".
    env.setdefault("DATABASE_URL", "postgres://stadtdialog:geheim@127.0.0.1:9/x")
    env.update(settings)
    return subprocess.run(
        args, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )


def python(code, **settings):
    return run([sys.executable, "-c", code], **settings)


def test_missing_secret_key_is_refused():
    result = python(SETUP, ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "key",
    ["zu-kurz", "x" * 49, "django-insecure-" + "a" * 60],
    ids=["short", "49 characters", "django-insecure"],
)
def test_weak_secret_key_is_refused(key):
    result = python(SETUP, SECRET_KEY=key, ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: SECRET_KEY must be at least 50 random characters"
        in result.stderr
    )


@pytest.mark.parametrize("hosts", ["", " , "], ids=["empty", "only commas"])
def test_missing_allowed_hosts_is_refused(hosts):
    result = python(SETUP, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS=hosts)

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS is not set" in result.stderr


def test_unset_allowed_hosts_is_refused():
    result = python(SETUP, SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS is not set" in result.stderr


def test_settings_come_from_the_environment():
    code = (
        SETUP + "; from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, "
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)"
    )

    result = python(
        code,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="beteiligung.example.org, www.example.org",
        DATABASE_URL="postgres://stadtdialog:geheim@db.internal:5432/stadtdialog",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "False ['beteiligung.example.org', 'www.example.org'] "
        "['https://beteiligung.example.org', 'https://www.example.org'] "
        "django.db.backends.postgresql stadtdialog True True\n"
    )


def test_without_redis_all_workers_share_a_database_cache():
    code = SETUP + "; from django.conf import settings as s; print(s.CACHES)"
    result = python(code, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert "DatabaseCache" in result.stdout and "LocMem" not in result.stdout

    result = python(
        code,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert "RedisCache" in result.stdout


def test_check_deploy_passes_without_warnings():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"\b[WE]\d{3}\b", output), output
    assert "System check identified no issues" in result.stdout
