"""The server's defences, each against a real server on loopback: report text is escaped
(``<script>`` and ``onerror=`` payloads show as text), every answer carries a CSP that allows
no inline or foreign script, bodies over the limit get 413, API writes need the bearer token,
the form needs its CSRF token (and the token in token mode), a public address is refused
without a token, other Host names are refused in loopback mode, and URL ingestion keeps
refusing private addresses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from warwire.cli import app as cli
from warwire.errors import ConfigError
from warwire.models import Annotation, Document, Sentence
from warwire.store import open_store
from warwire.web import WebConfig, create_app

TITLE = '<script>alert("title")</script>'
BODY = (
    'Rebels shelled the town. <img src=x onerror="alert(1)"> was written on a wall.\n'
    "</textarea><script>alert(2)</script> and \"quoted\" & 'single' text."
)


class SentenceAnnotator:
    """A cheap stand-in for spaCy: the whole text is one sentence, nothing else."""

    name = "test-sentences"

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        for doc in documents:
            sentence = Sentence(doc.id, 0, 0, len(doc.text), doc.text)
            yield doc, Annotation(doc.id, (sentence,), (), self.name)


@pytest.fixture
def db(database: str) -> str:
    """A database of each backend holding one report full of markup."""
    doc = Document.create(
        BODY, title=TITLE, source="<b>Outlet</b>", url="javascript:alert(3)", format="text"
    )
    with open_store(database) as store:
        first = BODY.index(". ") + 1
        sentences = (
            Sentence(doc.id, 0, 0, first, BODY[:first]),
            Sentence(doc.id, 1, first + 1, len(BODY), BODY[first + 1 :]),
        )
        store.add_document(doc, Annotation(doc.id, sentences, (), "test"))
    return database


Start = Callable[..., str]


@pytest.fixture
def start(db: str, serve: Callable[[Any], str]) -> Start:
    def run(**options: Any) -> str:
        config = WebConfig(db=db, **options)
        return serve(create_app(config, annotator=SentenceAnnotator()))

    return run


def test_report_text_with_script_and_onerror_payloads_shows_as_text(start: Start) -> None:
    base = start(read_only=True)
    doc_id = httpx.get(f"{base}/api/documents").json()["items"][0]["id"]
    pages = [f"/documents/{doc_id}", "/", "/documents", "/search?q=script+alert"]
    for path in pages:
        html = httpx.get(base + path).text
        assert "<script>alert" not in html, path
        assert "<img" not in html and "<b>Outlet" not in html, path
        assert "&lt;script&gt;alert(" in html, path
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all(
            re.fullmatch(r'<script src="/(static|vendor)/[\w.-]+"></script>', s + "</script>")
            for s in scripts
        ), scripts
    page = httpx.get(f"{base}/documents/{doc_id}").text
    assert "onerror=&#34;alert(1)&#34;" in page or "onerror=&quot;alert(1)&quot;" in page
    assert "&lt;/textarea&gt;" in page
    assert "javascript:" not in page  # a report's URL is linked only when it is http(s)


def test_every_answer_carries_a_csp_without_inline_or_foreign_script(start: Start) -> None:
    base = start(read_only=True)
    for path in [
        "/",
        "/map",
        "/docs",
        "/api/counts",
        "/static/map.js",
        "/nowhere",
        "/openapi.json",
    ]:
        response = httpx.get(base + path)
        csp = response.headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'", path
        assert directives["default-src"] == "'self'", path
        assert "unsafe" not in csp and "http" not in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_bodies_over_the_limit_get_413(start: Start) -> None:
    base = start(token="s3cret-token", max_body=4096)
    auth = {"authorization": "Bearer s3cret-token"}
    big = {"text": "x" * 10_000}
    response = httpx.post(f"{base}/api/documents", json=big, headers=auth)
    assert response.status_code == 413 and "4096" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no content-length: counted as it arrives
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    streamed = httpx.post(f"{base}/api/documents", content=chunks(), headers=auth)
    assert streamed.status_code == 413


def test_api_writes_need_the_bearer_token(start: Start) -> None:
    base = start(token="s3cret-token")
    report = {"text": "Rebels shelled the town on Monday.", "title": "Shelling"}
    for headers in ({}, {"authorization": "Bearer wrong-token"}, {"authorization": "Basic x"}):
        refused = httpx.post(f"{base}/api/documents", json=report, headers=headers)
        assert refused.status_code == 401, headers
        assert "bearer token" in refused.json()["error"]
        assert refused.headers["www-authenticate"] == "Bearer"
    ok = httpx.post(
        f"{base}/api/documents", json=report, headers={"authorization": "Bearer s3cret-token"}
    )
    assert ok.status_code == 201, ok.text
    doc = httpx.get(f"{base}/api/documents/{ok.json()['doc_id']}").json()
    assert doc["title"] == "Shelling" and doc["text"] == report["text"]
    again = httpx.post(
        f"{base}/api/documents", json=report, headers={"authorization": "Bearer s3cret-token"}
    )
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_loopback_mode_takes_the_session_token_and_read_only_takes_none(
    db: str, serve: Callable[[Any], str]
) -> None:
    config = WebConfig(db=db)
    assert config.write_mode == "loopback"
    base = serve(create_app(config, annotator=SentenceAnnotator()))
    report = {"text": "Troops entered the village."}
    assert httpx.post(f"{base}/api/documents", json=report).status_code == 401
    auth = {"authorization": f"Bearer {config.session_token}"}
    assert httpx.post(f"{base}/api/documents", json=report, headers=auth).status_code == 201
    closed = serve(create_app(WebConfig(db=db, read_only=True)))
    refused = httpx.post(f"{closed}/api/documents", json=report, headers=auth)
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]
    assert "Add a report" not in httpx.get(f"{closed}/").text


def test_bad_reports_are_400_or_422_with_a_message(start: Start) -> None:
    base = start(token="s3cret-token")
    auth = {"authorization": "Bearer s3cret-token"}
    cases = [
        ({}, 400, "either"),
        ({"text": "a", "url": "https://example.org/"}, 400, "either"),
        ({"text": "a", "published": "2020-13-45"}, 400, "not a date"),
        ({"text": "a", "published": "yesterday"}, 422, "published"),
        ({"text": 5}, 422, "text"),
    ]
    for body, status, words in cases:
        response = httpx.post(f"{base}/api/documents", json=body, headers=auth)
        assert response.status_code == status, (body, response.text)
        assert words in response.json()["error"], (body, response.text)
    raw = httpx.post(f"{base}/api/documents", content=b"{not json", headers=auth)
    assert raw.status_code == 422 and "error" in raw.json()


def test_url_ingestion_refuses_private_addresses(start: Start, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/report.txt").respond_with_data("Rebels shelled the town.")
    base = start(token="s3cret-token")
    url = httpserver.url_for("/report.txt")
    response = httpx.post(
        f"{base}/api/documents", json={"url": url}, headers={"authorization": "Bearer s3cret-token"}
    )
    assert response.status_code == 422
    assert "refusing private address 127.0.0.1" in response.json()["error"]
    assert httpserver.log == []  # refused before any connection


def _form(client: httpx.Client) -> str:
    page = client.get("/add")
    assert page.status_code == 200
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert found, page.text
    return found.group(1)


def test_the_form_needs_its_csrf_token(start: Start) -> None:
    base = start()
    report = {"text": "Militants attacked a checkpoint near the border.", "title": "Checkpoint"}
    with httpx.Client(base_url=base) as stranger:  # no cookie, no token: a cross-site post
        assert stranger.post("/add", data=report).status_code == 403
    with httpx.Client(base_url=base) as browser:
        csrf = _form(browser)
        assert browser.post("/add", data={**report, "csrf": "0" * 64}).status_code == 403
        foreign = browser.post(
            "/add", data={**report, "csrf": csrf}, headers={"origin": "http://evil.example"}
        )
        assert foreign.status_code == 403
        done = browser.post("/add", data={**report, "csrf": csrf})
        assert done.status_code == 303, done.text
        assert done.headers["location"].startswith("/documents/")
        assert "Checkpoint" in browser.get(done.headers["location"]).text
    with httpx.Client(base_url=base) as other:  # a token from another browser's cookie
        other.get("/add")
        assert other.post("/add", data={**report, "csrf": csrf}).status_code == 403


def test_with_a_token_the_form_asks_for_it(start: Start) -> None:
    base = start(token="s3cret-token")
    report = {"text": "Police arrested protesters in the capital."}
    with httpx.Client(base_url=base) as browser:
        csrf = _form(browser)
        assert 'name="token"' in browser.get("/add").text
        wrong = browser.post("/add", data={**report, "csrf": csrf, "token": "guess-guess"})
        assert wrong.status_code == 401 and "wrong or missing token" in wrong.text
        assert "Police arrested protesters" in wrong.text  # the text is kept
        done = browser.post("/add", data={**report, "csrf": csrf, "token": "s3cret-token"})
        assert done.status_code == 303


def test_a_public_address_with_writes_and_no_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"refusing to listen on 0\.0\.0\.0"):
        WebConfig(db="x.db", host="0.0.0.0").checked()
    assert WebConfig(db="x.db", host="0.0.0.0", token="long-enough").checked()
    assert WebConfig(db="x.db", host="0.0.0.0", read_only=True).checked()
    assert WebConfig(db="x.db", host="::1").checked().write_mode == "loopback"
    result = CliRunner().invoke(
        cli,
        ["serve", "--db", str(tmp_path / "w.db"), "--host", "0.0.0.0"],
        env={"WARWIRE_TOKEN": ""},
    )
    assert result.exit_code == 1
    assert "refusing to listen on 0.0.0.0" in result.output


def test_loopback_mode_answers_to_loopback_host_names_only(start: Start) -> None:
    base = start()
    assert httpx.get(f"{base}/api/counts").status_code == 200
    port = base.rsplit(":", 1)[1]
    assert httpx.get(f"http://localhost:{port}/api/counts").status_code == 200
    rebound = httpx.get(f"{base}/api/counts", headers={"host": f"evil.example:{port}"})
    assert rebound.status_code == 421
