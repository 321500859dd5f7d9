"""The demo's hand-written translations: every page and snippet in English,
made through wagtail-localize; the home page and menu pages in Arabic."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.demo import load_demo
from participation.models import CannedReply, Category, Measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo()


def german_pages():
    return Page.objects.filter(depth__gt=1, locale__language_code="de")


def test_the_demo_is_translated(demo, client):
    """One test, because loading the demo takes a while."""
    check_english_translations()
    check_english_pages(client)
    check_arabic_pages(client)
    check_privacy_page(client)


def check_english_translations():
    for page in german_pages():
        english = page.get_translation_or_none(
            page.locale.__class__.objects.get(language_code="en")
        )
        assert english is not None, page.url_path
        assert english.live and english.alias_of_id is None, page.url_path
        assert Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale__language_code="en",
            enabled=True,
        ).exists(), page.url_path
    for model in (Category, CannedReply, Measure):
        german = model.objects.filter(locale__language_code="de")
        english = model.objects.filter(locale__language_code="en")
        assert german.count() > 0
        assert set(english.values_list("translation_key", flat=True)) == set(
            german.values_list("translation_key", flat=True)
        )
        assert not set(english.values_list("pk", flat=True)) & set(
            german.values_list("pk", flat=True)
        )


def check_english_pages(client):
    content = client.get("/en/smart-smarter-pinneberg/mobility/").content.decode()

    assert '<html lang="en" dir="ltr">' in content
    assert "Mobility – field of action of the smart city strategy" in content
    assert "Your ideas for the mobility field of action" in content
    # links chosen in German lead to the English versions
    home = client.get("/en/").content.decode()
    assert '<a href="/en/smart-smarter-pinneberg/">' in home
    assert "Current phase: <strong>" in home and "Bestandsaufnahme" not in home
    events = client.get("/en/events/").content.decode()
    assert "Field of action: </span>Mobility</li>" in events
    assert "Mobilität" not in events
    privacy = client.get("/en/privacy/").content.decode()
    assert "LibreTranslate" in privacy and "DeepL" in privacy


def check_arabic_pages(client):
    content = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in content
    assert 'href="/ar/events/"' in content and 'href="/ar/news/"' in content
    assert "الفعاليات وورش العمل" in client.get("/ar/events/").content.decode()
    assert "المرحلة الحالية: <strong>" in content and "Umsetzung" not in content


def check_privacy_page(client):
    """The German privacy page says what machine translation would send."""
    content = client.get("/de/datenschutz/").content.decode()

    assert "maschinelle Übersetzung" in content
    assert "LibreTranslate" in content and "DeepL" in content
