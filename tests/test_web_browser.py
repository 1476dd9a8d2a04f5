"""The web UI in a real browser: Debian's Chromium driven by Playwright (never a downloaded
browser) against ``warwire serve``'s app over a database of examples/, on each backend.

One reader's path (home, search an actor, its dossier with map markers, the contradictions and
the dossier of a contradicted subject, a cited report opened at the quoted sentence, the map,
timeline and API pages) and one writer's (a report added through the form). Every request the
pages make is recorded: none may leave the loopback server, and no page may log an error (a CSP
violation would). Screenshots of each page go to ``test-artifacts/web/`` (``NAME.png`` on SQLite,
``NAME-postgres.png`` on PostgreSQL). Without Chromium the tests skip on a laptop and fail under
CI (``CI=true``); ``scripts/ensure_chromium.sh`` installs it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from warwire.web import WebConfig, create_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required under CI: run scripts/ensure_chromium.sh")
        pytest.skip("Chromium is not installed (scripts/ensure_chromium.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Visit:
    """A page whose requests, console errors and page errors are recorded; requests that
    would leave the server are aborted (and recorded)."""

    def __init__(self, browser: Any, base: str, db: str) -> None:
        self.base = base
        self.suffix = "-postgres" if "://" in db else ""  # the screenshots' of each backend
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.base + "/") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}{self.suffix}.png"), full_page=True)

    def check_offline(self) -> None:
        outside = [u for u in self.requests if not u.startswith((self.base + "/", "data:"))]
        assert outside == [], outside
        assert self.errors == [], self.errors
        self.context.close()


def test_a_reader_goes_from_search_to_a_cited_sentence(
    browser: Any, examples_database: str, serve: Callable[[Any], str]
) -> None:
    base = serve(create_app(WebConfig(db=examples_database, read_only=True)))
    visit = Visit(browser, base, examples_database)
    page = visit.page

    page.goto(base + "/")
    assert "15" in page.inner_text("#counts") and "documents" in page.inner_text("#counts")
    assert page.locator("#newest li a").count() == 10
    assert "contradicted" in page.inner_text("#latest-contradictions")
    visit.shot("home")

    page.fill("#home-search", "Islamic State")
    page.press("#home-search", "Enter")
    page.wait_for_url("**/search?q=Islamic+State")
    assert page.locator("#document-results li").count() > 0
    visit.shot("search")
    page.click("a.entity-link:text-is('Islamic State')")
    page.wait_for_url("**/entities/*")
    assert "Islamic State" in page.inner_text("h1")

    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-error") is None
    assert page.locator("path.marker-event").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the country borders
    visit.shot("dossier")

    # the contradictions, and the dossier of the first one's subject
    page.click("nav a:text-is('Contradictions')")
    page.wait_for_url("**/contradictions")
    assert page.locator(".assessment.contradicted").count() >= 1
    visit.shot("contradictions")
    page.locator(".assessment.contradicted h3 a").first.click()
    page.wait_for_url("**/entities/*")
    page.wait_for_selector("#map[data-markers]")
    assert page.locator("path.marker-event, path.marker-place").count() > 0
    contradiction = page.locator("#contradictions .assessment.contradicted").first
    assert "contradicted" in contradiction.inner_text()
    visit.shot("dossier-contradiction")

    quote = contradiction.locator("q").first.inner_text()
    contradiction.locator("a.cite").first.click()
    page.wait_for_url("**/documents/*#quote")
    quoted = page.locator(".sentence.quoted").first
    assert " ".join(quote.split())[:40] in " ".join(quoted.inner_text().split())
    box = quoted.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled to the quoted sentence
    assert page.locator("article a.mention").count() > 0
    visit.shot("document")

    page.goto(base + "/map")
    page.wait_for_selector("#map[data-markers]")
    assert page.locator("path.marker-event").count() > 0
    assert page.locator("path.marker-place").count() > 0
    visit.shot("map")

    page.goto(base + "/timeline?actor=Islamic+State")
    assert page.locator("#timeline .event").count() > 0
    visit.shot("timeline")

    page.goto(base + "/docs")
    page.wait_for_selector(".swagger-ui .info")
    assert "warwire" in page.inner_text(".swagger-ui .info")
    visit.shot("api-docs")
    visit.check_offline()


def test_a_writer_adds_a_report_through_the_form(
    browser: Any, examples_database: str, serve: Callable[[Any], str]
) -> None:
    from warwire.nlp.parallel import make_annotator

    config = WebConfig(db=examples_database)
    base = serve(create_app(config, annotator=make_annotator("", True, True)))
    visit = Visit(browser, base, examples_database)
    page = visit.page

    page.goto(base + "/add")
    page.fill("input[name=title]", "Shelling in Raqqa")
    page.fill("input[name=source]", "Browser Test Wire")
    page.fill("input[name=published]", "2016-03-14")
    page.fill(
        "textarea[name=text]",
        "Islamic State fighters shelled Raqqa on Monday, killing four civilians, "
        "a monitoring group said.",
    )
    visit.shot("add")
    page.click("#add-submit")
    page.wait_for_url("**/documents/*", timeout=60_000)
    assert "Report added" in page.inner_text(".notice")
    assert page.inner_text("#title") == "Shelling in Raqqa"
    assert {"Raqqa", "Islamic State"} <= set(page.locator("a.mention").all_inner_texts())
    visit.shot("added")
    visit.check_offline()
