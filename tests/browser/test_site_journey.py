"""A citizen's journey through the demo site in real Chromium (Playwright)."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_finds_a_workshop_and_downloads_its_calendar_entry(
    demo_site, browser_page
):
    from icalendar import Calendar

    from cms.events.models import EventPage
    from cms.strategy.models import FieldPage, ProjectPage

    page = browser_page
    project = ProjectPage.objects.get(locale__language_code="de")
    field = FieldPage.objects.live().order_by("path").first()
    event = (
        EventPage.objects.live().filter(field_of_action=field).order_by("start").first()
    )

    page.goto(demo_site + "/")
    assert page.url == demo_site + "/de/"
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").count() == 1

    # The skip link is the first thing the keyboard reaches.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"

    nav = page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name=project.title).click()
    page.wait_for_url(demo_site + project.url)
    assert page.get_by_role("heading", level=1).inner_text() == project.title

    page.get_by_role("link", name=field.title).first.click()
    page.wait_for_url(demo_site + field.url)
    assert page.get_by_role("heading", level=1).inner_text() == field.title

    page.get_by_role("link", name=event.title).first.click()
    page.wait_for_url(demo_site + event.url)
    assert page.get_by_role("heading", level=1).inner_text() == event.title

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zum Kalender hinzufügen").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 1
    assert str(vevents[0]["SUMMARY"]) == event.title
    assert vevents[0].decoded("DTSTART") == event.start

    assert page.problems == []
