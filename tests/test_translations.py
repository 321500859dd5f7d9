"""The German interface catalogue is complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUES = [
    Path(settings.BASE_DIR) / "locale",
    Path(settings.BASE_DIR) / "participation" / "locale",
]


@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=["site", "participation"])
def test_german_catalogue_has_no_untranslated_or_fuzzy_entries(locale_dir):
    catalogue = polib.pofile(str(locale_dir / "de/LC_MESSAGES/django.po"))
    assert len(catalogue) > 200
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=["site", "participation"])
def test_compiled_german_catalogue_matches_the_source(locale_dir):
    """A .po edited without `make compilemessages` would not show on the site."""
    source = polib.pofile(str(locale_dir / "de/LC_MESSAGES/django.po"))
    compiled = {
        e.msgid: e.msgstr
        for e in polib.mofile(str(locale_dir / "de/LC_MESSAGES/django.mo"))
    }
    singular = [e for e in source if not e.msgid_plural]
    assert {e.msgid: compiled.get(e.msgid) for e in singular} == {
        e.msgid: e.msgstr for e in singular
    }


def test_interface_speaks_german_by_default():
    assert settings.LANGUAGE_CODE == "de"
    with translation.override("de"):
        assert translation.gettext("Skip to content") == "Zum Inhalt springen"
