"""The pages in a real browser (Debian's chromium driven by Playwright), offline: every host
but 127.0.0.1 is unreachable, so a file fetched from anywhere else fails the test.

GraphiQL runs a query and shows its answer; the API reference lists the booking operations
and runs one; the landing page links them; no page logs a console error (a Content-Security-
Policy violation is one).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.readme_walk_through import serving
from tests.e2e.test_serve import Server

# Debian's chromium (`.ci/run` installs it); RENTAL_CHROMIUM names another build.
CHROMIUM = os.environ.get("RENTAL_CHROMIUM") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
)
playwright_api = pytest.importorskip("playwright.sync_api")


def _unavailable(reason: str) -> None:
    if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def dev_server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``make run``'s server: development, SQLite, the demo data; one for the module."""
    folder = tmp_path_factory.mktemp("pages")
    database = folder / "rental.sqlite3"
    shutil.copyfile(sqlite_template, database)
    env = {
        **os.environ,
        "RENTAL_ENV": "development",
        "RENTAL_DATABASE_URL": f"sqlite:///{database}",
    }
    env.pop("RENTAL_REDIS_URL", None)
    env.pop("RENTAL_SECRET_KEY", None)
    with serving(env, folder) as running:
        yield running


class Browser:
    """One page whose every request leaving 127.0.0.1 is refused, and what it complained of."""

    def __init__(self, page: playwright_api.Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.refused: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.route("**/*", self._route)

    def _console(self, message: playwright_api.ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _route(self, route: playwright_api.Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort("addressunreachable")

    def clean(self) -> None:
        assert self.refused == [], self.refused
        assert self.errors == [], self.errors


@pytest.fixture
def browser() -> Iterator[Browser]:
    if CHROMIUM is None or not Path(CHROMIUM).exists():
        _unavailable("the browser tests need chromium (apt-get install chromium)")
        return
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            # Name resolution fails for every host but 127.0.0.1, besides the routing above.
            args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        try:
            context = launched.new_context()
            context.set_default_timeout(60_000)
            playwright_api.expect.set_options(timeout=60_000)
            yield Browser(context.new_page())
        finally:
            launched.close()


def test_graphiql_runs_a_query_offline(dev_server: Server, browser: Browser) -> None:
    page = browser.page
    page.goto(dev_server.url("/api/v1/graphql"))
    page.locator(".graphiql-execute-button").click()
    answer = page.locator(".graphiql-response")
    playwright_api.expect(answer).to_contain_text('"total"')
    playwright_api.expect(answer).to_contain_text('"title"')
    browser.clean()


def test_the_reference_lists_the_booking_operations_and_runs_one(
    dev_server: Server, browser: Browser
) -> None:
    page = browser.page
    page.goto(dev_server.url("/api/v1/docs"))
    bookings = page.locator("#operations-tag-bookings")
    playwright_api.expect(bookings).to_be_visible()
    paths = (
        page.locator(".opblock-tag-section").filter(has=bookings).locator(".opblock-summary-path")
    )
    playwright_api.expect(paths.first).to_be_visible()
    shown = set(paths.all_inner_texts())
    assert {"/bookings", "/bookings/{booking_id}", "/bookings/{booking_id}/cancel"} <= {
        text.replace("\u200b", "") for text in shown
    }, shown
    # Try one: the public search, run from the page against the live server.
    operation = page.locator("#operations-listings-listListings")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tr.response .response-col_status").first
    playwright_api.expect(status).to_have_text("200")
    playwright_api.expect(operation.locator(".live-responses-table")).to_contain_text('"items"')
    browser.clean()


def test_the_landing_page_links_the_pages(dev_server: Server, browser: Browser) -> None:
    page = browser.page
    page.goto(dev_server.url("/"))
    links = {link.get_attribute("href") for link in page.locator("a").all()}
    assert {"/api/v1/docs", "/api/v1/graphql", "/api/v1/openapi.json", "/healthz"} <= links
    page.get_by_role("link", name="API reference").click()
    playwright_api.expect(page.locator("#operations-tag-bookings")).to_be_visible()
    browser.clean()
