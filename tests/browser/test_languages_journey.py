"""A reader switches the demo to English and to Arabic in real Chromium; the
Arabic pages are laid out right to left."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def html_attributes(page):
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def test_reader_switches_the_demo_to_english_and_to_arabic(demo_site, browser_page):
    page = browser_page

    page.goto(demo_site + "/de/")
    assert html_attributes(page) == ("de", "ltr")

    # German -> English with the switcher, each language named in its own
    page.get_by_role("navigation", name="Sprache").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(demo_site + "/en/")
    assert html_attributes(page) == ("en", "ltr")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Shaping a digital Pinneberg – together with you"
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Events").click()
    page.wait_for_url(demo_site + "/en/events/")
    assert page.get_by_role("heading", level=1).inner_text() == "Events"

    # English -> Arabic on the same page
    switcher = page.get_by_role("navigation", name="Language")
    current = switcher.locator("[aria-current]")
    assert current.inner_text() == "English"
    switcher.get_by_role("link", name="العربية").click()
    page.wait_for_url(demo_site + "/ar/events/")
    assert html_attributes(page) == ("ar", "rtl")
    assert page.get_by_role("heading", level=1).inner_text() == "الفعاليات"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"

    # The main navigation starts on the right and runs leftwards.
    menu = page.locator(".site-nav")
    items = menu.locator(".site-nav__item")
    assert items.count() >= 3
    menu_box = menu.bounding_box()
    first = items.first.bounding_box()
    last = items.last.bounding_box()
    assert first["x"] > last["x"]
    menu_right = menu_box["x"] + menu_box["width"]
    assert abs((first["x"] + first["width"]) - menu_right) < 2
    # The brand sits on the right of the header too, the search on the left.
    brand = page.locator(".site-brand").bounding_box()
    search = page.locator(".site-search").bounding_box()
    assert brand["x"] > search["x"]

    # A page not translated into Arabic: German, with a notice in Arabic.
    page.goto(demo_site + "/ar/datenschutz/")
    assert html_attributes(page) == ("de", "ltr")
    notice = page.locator(".language-notice")
    assert notice.get_attribute("lang") == "ar"
    assert notice.evaluate("element => getComputedStyle(element).direction") == "rtl"

    assert page.problems == []
