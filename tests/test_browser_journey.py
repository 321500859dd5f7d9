"""A citizen's journey through the demo site in real Chromium (Playwright)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    if os.environ.get("CI"):
        raise RuntimeError(f"Chromium is required in CI but {CHROMIUM} is missing")
    pytest.skip(
        "Chromium is not installed (apt-get install chromium)", allow_module_level=True
    )


@pytest.fixture
def demo_site(live_server):
    from home.demo.builder import load_demo

    load_demo()
    return live_server.url


@pytest.fixture
def browser_page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses
    # to run in a thread with a running loop unless told that this is intended.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="de-DE", accept_downloads=True)
        page = context.new_page()
        problems = []
        page.on(
            "console",
            lambda msg: (
                problems.append(f"console {msg.type}: {msg.text}")
                if msg.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on(
            "requestfailed",
            lambda req: problems.append(f"request failed: {req.url} {req.failure}"),
        )
        page.on(
            "response",
            lambda resp: (
                problems.append(f"HTTP {resp.status}: {resp.url}")
                if resp.status >= 400
                else None
            ),
        )
        page.problems = problems
        yield page
        context.close()
        browser.close()


def test_citizen_finds_a_workshop_and_downloads_its_calendar_entry(
    demo_site, browser_page
):
    from icalendar import Calendar

    from cms.events.models import EventPage
    from cms.strategy.models import FieldPage, ProjectPage

    page = browser_page
    project = ProjectPage.objects.get()
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
