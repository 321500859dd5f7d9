"""`manage.py ensure_admin`: the first administrator, created once, reset on request."""

import io
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command


@pytest.fixture(autouse=True)
def no_admin_environment(monkeypatch):
    for name in ("ADMIN_PASSWORD", "ADMIN_USERNAME", "ADMIN_EMAIL"):
        monkeypatch.delenv(name, raising=False)


def ensure_admin(*args):
    out = io.StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def printed_password(output):
    match = re.fullmatch(r"Admin login created: user 'admin', password (\S+)\n", output)
    assert match, output
    return match.group(1)


@pytest.mark.django_db
def test_creates_a_superuser_and_prints_its_password():
    output = ensure_admin()

    password = printed_password(output)
    assert len(password) >= 16
    user = get_user_model().objects.get()
    assert user.username == "admin"
    assert user.email == "admin@example.org"
    assert user.is_superuser and user.is_staff
    assert authenticate(username="admin", password=password) == user


@pytest.mark.django_db
def test_second_run_keeps_the_account_and_its_password():
    password = printed_password(ensure_admin())

    output = ensure_admin()

    assert output == (
        "Admin login: user 'admin' exists already; its password is unchanged. "
        "Run with ADMIN_PASSWORD=... to set a new one.\n"
    )
    assert password not in output
    assert get_user_model().objects.count() == 1
    assert authenticate(username="admin", password=password) is not None


@pytest.mark.django_db
def test_admin_password_from_the_environment_resets_the_password(monkeypatch):
    old_password = printed_password(ensure_admin())
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-neues-langes-passwort")

    output = ensure_admin()

    assert output == (
        "Admin login password reset: user 'admin', "
        "password (the value of ADMIN_PASSWORD)\n"
    )
    assert get_user_model().objects.count() == 1
    assert authenticate(username="admin", password=old_password) is None
    assert authenticate(username="admin", password="ein-neues-langes-passwort")


@pytest.mark.django_db
def test_first_run_with_admin_password_does_not_print_it(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-geheimes-passwort")

    output = ensure_admin("--username", "verwaltung", "--email", "it@example.org")

    assert "ein-geheimes-passwort" not in output
    assert output == (
        "Admin login created: user 'verwaltung', "
        "password (the value of ADMIN_PASSWORD)\n"
    )
    user = authenticate(username="verwaltung", password="ein-geheimes-passwort")
    assert user.is_superuser
    assert user.email == "it@example.org"
