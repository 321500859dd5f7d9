"""Fixtures of the browser tests: the demo site on a live server, and a page of
Debian's Chromium driven by Playwright that records every console error and
failed request, so that each journey can assert there were none."""

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

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    if os.environ.get("CI"):
        raise RuntimeError(f"Chromium is required in CI but {CHROMIUM} is missing")
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def demo_site(live_server):
    from home.demo.builder import load_demo

    load_demo()
    return live_server.url


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses
    # to run in a thread with a running loop unless told that this is intended.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def watch(page):
    """Collect console errors and warnings, page errors, failed requests and
    HTTP errors of a page into `page.problems`."""
    problems = []

    def on_console(message):
        if message.type in ("error", "warning"):
            problems.append(f"console {message.type}: {message.text}")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def on_request_failed(request):
        # Chromium aborts a favicon request when the next navigation starts
        # before it finished; that is the browser's doing, not the page's.
        if "favicon" in request.url and "ERR_ABORTED" in (request.failure or ""):
            return
        problems.append(f"request failed: {request.url} {request.failure}")

    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    page.problems = problems
    return page


@pytest.fixture
def new_page(browser):
    """A factory of watched pages, each in a browser context of its own (its own
    cookies), German as the browser's language."""
    contexts = []

    def make():
        context = browser.new_context(locale="de-DE", accept_downloads=True)
        contexts.append(context)
        return watch(context.new_page())

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_page):
    return new_page()
