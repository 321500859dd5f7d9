"""Languages and URLs: locales from the settings, the switcher, hreflang, the
sitemap and the German fallback with its notice."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from cms.core.i18n import ensure_locales
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOTICE = (
    "This page is not available in your language yet. "
    "Here it is in German, the language it was written in."
)


def html_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


def switcher(content):
    """(language code, link text, href, current) of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S)
    if nav is None:
        return []
    return [
        (code, name, href, "aria-current" in attrs)
        for attrs, href, code, name in re.findall(
            r'<a class="language-switcher__link" (href="([^"]+)" lang="([^"]+)"'
            r"[^>]*)>([^<]+)</a>",
            nav.group(0),
        )
    ]


def hreflangs(content):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)
    )


def test_every_configured_language_is_a_locale(locale):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"de", "en", "tr", "ar", "uk"}
    assert Locale.get_default().language_code == "de"


def test_a_language_added_to_the_settings_becomes_a_locale(locale):
    languages = [("de", "Deutsch"), ("fr", "Français")]
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=languages, LANGUAGES=languages):
        ensure_locales()
        ensure_locales()  # a second migrate adds nothing
    assert Locale.objects.filter(language_code="fr").count() == 1


@pytest.mark.parametrize(
    "accept, target", [("en-GB,en;q=0.9", "/en/"), ("ar", "/ar/"), ("fr", "/de/")]
)
def test_the_root_redirects_by_the_browsers_language(client, home_page, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == target


def test_translated_page_offers_its_languages_each_named_in_its_own(
    client, english_site, participation_page
):
    response = client.get("/en/smart-city/digitale-mobilitaet/")

    assert response.status_code == 200
    content = response.content.decode()
    assert html_tag(content) == '<html lang="en" dir="ltr">'
    assert "<h1" in content and "Digital mobility" in content
    assert switcher(content) == [
        ("de", "Deutsch", "/de/smart-city/digitale-mobilitaet/", False),
        ("en", "English", "/en/smart-city/digitale-mobilitaet/", True),
    ]
    assert hreflangs(content) == {
        "de": "http://testserver/de/smart-city/digitale-mobilitaet/",
        "en": "http://testserver/en/smart-city/digitale-mobilitaet/",
        "x-default": "http://testserver/de/smart-city/digitale-mobilitaet/",
    }
    assert NOTICE not in content

    german = client.get(participation_page.url).content.decode()
    assert html_tag(german) == '<html lang="de" dir="ltr">'
    assert [code for code, *_ in switcher(german)] == ["de", "en"]
    assert set(hreflangs(german)) == {"de", "en", "x-default"}


def test_untranslated_page_is_shown_in_german_with_a_notice_in_english(
    client, english_site, home_page
):
    StandardPageFactory(
        parent=home_page, title="Datenschutz", slug="datenschutz", introduction="Wer"
    )

    response = client.get("/en/datenschutz/")

    assert response.status_code == 200
    content = response.content.decode()
    assert html_tag(content) == '<html lang="de" dir="ltr">'
    assert response["Content-Language"] == "de"
    assert (
        f'<p class="language-notice" role="note" lang="en" dir="ltr">{NOTICE}</p>'
        in (content)
    )
    # the whole page, menus included, is German; the switcher leaves English out
    with translation.override("de"):
        assert translation.gettext("Skip to content") in content
    assert switcher(content) == []
    assert hreflangs(content) == {
        "de": "http://testserver/de/datenschutz/",
        "x-default": "http://testserver/de/datenschutz/",
    }
    assert '<link rel="canonical" href="http://testserver/de/datenschutz/">' in content
    # the German address shows no notice
    assert NOTICE not in client.get("/de/datenschutz/").content.decode()


def test_untranslated_page_has_the_notice_in_arabic_right_to_left(
    client, home_page, project_page
):
    response = client.get("/ar/smart-city/")

    assert response.status_code == 200
    content = response.content.decode()
    assert html_tag(content) == '<html lang="de" dir="ltr">'
    with translation.override("ar"):
        notice = translation.gettext(NOTICE)
    assert notice != NOTICE
    assert f'lang="ar" dir="rtl">{notice}</p>' in content


def test_a_draft_translation_is_not_shown(client, translate, english, home_page):
    """New translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
    is off): until published, readers get the German page with the notice."""
    page = StandardPageFactory(parent=home_page, title="Leitlinien", slug="leitlinien")
    translate(home_page, english)
    draft = translate(page, english, {"Leitlinien": "Guidelines"}, publish=False)

    assert not draft.live
    content = client.get("/en/leitlinien/").content.decode()
    assert "Guidelines" not in content
    assert NOTICE in content


def test_a_translation_under_another_slug_is_found_from_the_german_address(
    client, translate, english, home_page
):
    page = StandardPageFactory(parent=home_page, title="Leitlinien", slug="leitlinien")
    translate(home_page, english)
    translate(page, english, {"Leitlinien": "Guidelines", "leitlinien": "guidelines"})

    response = client.get("/en/leitlinien/")

    assert response.status_code == 302
    assert response["Location"] == "/en/guidelines/"
    assert "Guidelines" in client.get("/en/guidelines/").content.decode()


def test_unknown_address_in_another_language_is_still_not_found(client, english_site):
    assert client.get("/en/gibt-es-nicht/").status_code == 404


def test_pages_without_a_page_offer_every_language(client, home_page):
    content = client.get("/en/search/?q=Rad&page=2").content.decode()

    assert [(code, href) for code, _n, href, _c in switcher(content)] == [
        ("de", "/de/search/?q=Rad"),
        ("en", "/en/search/?q=Rad"),
        ("tr", "/tr/search/?q=Rad"),
        ("ar", "/ar/search/?q=Rad"),
        ("uk", "/uk/search/?q=Rad"),
    ]
    names = [name for _c, name, _h, _cur in switcher(content)]
    assert names == ["Deutsch", "English", "Türkçe", "العربية", "Українська"]
    assert hreflangs(content) == {}  # only pages are listed for search engines


def test_arabic_pages_read_right_to_left(client, translate, arabic, home_page):
    translate(home_page, arabic, {home_page.title: "الصفحة الرئيسية"})

    content = client.get("/ar/").content.decode()

    assert html_tag(content) == '<html lang="ar" dir="rtl">'
    assert (
        'lang="ar" hreflang="ar" dir="rtl" aria-current="true">العربية</a>' in content
    )


def test_sitemap_lists_every_language_version(client, english_site, home_page):
    StandardPageFactory(parent=home_page, slug="nur-deutsch")

    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = sorted(loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS))

    assert locations == sorted(
        f"http://testserver{path}"
        for path in (
            "/de/",
            "/de/smart-city/",
            "/de/smart-city/digitale-mobilitaet/",
            "/de/nur-deutsch/",
            "/en/",
            "/en/smart-city/",
            "/en/smart-city/digitale-mobilitaet/",
        )
    )


def test_dates_are_formatted_for_the_language(client, translate, english, home_page):
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page, slug="aktuelles")
    news = NewsPageFactory(parent=index, title="Start", slug="start", date="2026-03-05")
    translate(home_page, english)
    translate(index, english)
    translate(news, english)

    german = client.get("/de/aktuelles/start/").content.decode()
    english_page = client.get("/en/aktuelles/start/").content.decode()

    assert ">5. März 2026</time>" in german
    assert ">March 5, 2026</time>" in english_page
