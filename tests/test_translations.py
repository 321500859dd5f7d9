"""The interface catalogues: German and English complete and compiled, every
msgid of the code in them, and the public participation forms, the navigation
and the e-mails also in Turkish, Arabic and Ukrainian."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

BASE = Path(settings.BASE_DIR)
CATALOGUES = [BASE / "locale", BASE / "participation" / "locale"]
CATALOGUE_IDS = ["site", "participation"]
COMPLETE = ["de", "en"]
PUBLIC = ["tr", "ar", "uk"]
# Where the strings of the public site come from (paths as in the catalogues).
PUBLIC_SOURCES = {
    "site": ("templates/",),
    "participation": (
        "forms.py",
        "views.py",
        "listings.py",
        "antispam.py",
        "tokens.py",
        "services.py",
        "emails.py",
        "forms_registrations.py",
        "views_registrations.py",
        "registrations.py",
        "subscriptions.py",
        "views_measures.py",
        "measures.py",
        "evaluation.py",
        "personal_data.py",
        "templatetags/",
        "templates/participation/",
    ),
}
MAKEMESSAGES_IGNORE = ["tests", "var", "media", "staticfiles", "participation"]


def catalogue(locale_dir, language):
    return polib.pofile(str(locale_dir / language / "LC_MESSAGES" / "django.po"))


def is_public(entry, sources):
    return any(
        path.startswith(sources) and "/admin/" not in path
        for path, _line in entry.occurrences
    )


@pytest.mark.parametrize("language", COMPLETE)
@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=CATALOGUE_IDS)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(locale_dir, language):
    entries = catalogue(locale_dir, language)
    assert len(entries) > 200
    assert [e.msgid for e in entries.untranslated_entries()] == []
    assert [e.msgid for e in entries.fuzzy_entries()] == []


@pytest.mark.parametrize("language", PUBLIC)
@pytest.mark.parametrize(
    "locale_dir, sources",
    [
        (CATALOGUES[0], PUBLIC_SOURCES["site"]),
        (CATALOGUES[1], PUBLIC_SOURCES["participation"]),
    ],
    ids=CATALOGUE_IDS,
)
def test_public_strings_are_translated(locale_dir, sources, language):
    entries = [e for e in catalogue(locale_dir, language) if is_public(e, sources)]
    assert len(entries) > 50
    missing = [e.msgid for e in entries if not e.translated() or e.fuzzy]
    assert missing == []


@pytest.mark.parametrize("language", COMPLETE + PUBLIC)
@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=CATALOGUE_IDS)
def test_compiled_catalogue_matches_the_source(locale_dir, language):
    """A .po edited without `make compilemessages` would not show on the site."""
    source = catalogue(locale_dir, language)
    compiled = {
        e.msgid: e.msgstr
        for e in polib.mofile(str(locale_dir / language / "LC_MESSAGES/django.mo"))
    }
    singular = [e for e in source if not e.msgid_plural and e.translated()]
    assert {e.msgid: compiled.get(e.msgid) for e in singular} == {
        e.msgid: e.msgstr for e in singular
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids `make messages` finds in the code now, per catalogue: made in a
    copy of the project so that the committed catalogues stay untouched."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path_factory.mktemp("project")
    for name in ("cms", "home", "participation", "templates", "manage.py"):
        source = BASE / name
        if source.is_dir():
            shutil.copytree(
                source,
                copy / name,
                ignore=shutil.ignore_patterns("*.mo", "__pycache__"),
            )
        else:
            shutil.copy(source, copy / name)
    (copy / "locale" / "en").mkdir(parents=True)
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"}
    ignore = [f"--ignore={name}" for name in MAKEMESSAGES_IGNORE]
    command = [sys.executable, str(copy / "manage.py"), "makemessages", "-l", "en"]
    subprocess.run(
        [*command, *ignore], cwd=copy, env=env, check=True, capture_output=True
    )
    subprocess.run(
        command, cwd=copy / "participation", env=env, check=True, capture_output=True
    )
    return {
        "site": catalogue(copy / "locale", "en"),
        "participation": catalogue(copy / "participation" / "locale", "en"),
    }


@pytest.mark.parametrize("language", COMPLETE)
@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=CATALOGUE_IDS)
def test_every_msgid_of_the_code_is_in_the_catalogue(extracted, locale_dir, language):
    """Fails when a string was added to the code without `make messages`."""
    fresh = extracted[CATALOGUE_IDS[CATALOGUES.index(locale_dir)]]
    assert len(fresh) > 200
    committed = {(e.msgctxt, e.msgid) for e in catalogue(locale_dir, language)}
    missing = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in committed)
    assert missing == []


def test_interface_speaks_german_by_default():
    assert settings.LANGUAGE_CODE == "de"
    with translation.override("de"):
        assert translation.gettext("Skip to content") == "Zum Inhalt springen"
