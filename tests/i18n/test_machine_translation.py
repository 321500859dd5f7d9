"""Machine translation is off unless the operator picks LibreTranslate or DeepL."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail_localize.machine_translators import get_machine_translator

SHOW = (
    "from django.conf import settings; "
    "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
)


def settings_with(**env):
    """Import the settings in a fresh interpreter with these variables."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STADTDIALOG_MACHINE", "LIBRETRANSLATE", "DEEPL"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings.test")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SHOW}"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_machine_translation_is_off_by_default():
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    assert get_machine_translator() is None
    assert settings_with().stdout.strip() == "None"


@pytest.mark.parametrize(
    "env, expected",
    [
        (
            {
                "STADTDIALOG_MACHINE_TRANSLATOR": "libretranslate",
                "LIBRETRANSLATE_URL": "https://translate.stadt.internal",
            },
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        ),
        (
            {"STADTDIALOG_MACHINE_TRANSLATOR": "DeepL", "DEEPL_AUTH_KEY": "key:fx"},
            "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        ),
    ],
)
def test_the_operator_switches_on_a_machine_translator(env, expected):
    result = settings_with(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_an_unknown_machine_translator_is_refused():
    result = settings_with(STADTDIALOG_MACHINE_TRANSLATOR="google")
    assert result.returncode != 0
    assert "STADTDIALOG_MACHINE_TRANSLATOR must be" in result.stderr


def test_the_libretranslate_translator_is_built_from_the_settings():
    configured = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://translate.stadt.internal"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=configured):
        translator = get_machine_translator()
    assert translator.display_name == "LibreTranslate"
    assert translator.get_api_endpoint() == "https://translate.stadt.internal"
