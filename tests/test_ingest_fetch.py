"""URLs: content-type dispatch, redirects, and every way a fetch is refused or fails.

Only 127.0.0.1 is contacted (pytest-httpserver); private-address checks run before connecting.
"""

from __future__ import annotations

import time

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from warwire.errors import FetchError, InputError
from warwire.ingest import ReadOptions, Source, read_source

LOCAL = ReadOptions(allow_private=True, fetch_timeout=5)
TEXT = "Protesters clashed with police in central Caracas on Wednesday, witnesses said."
PAGE = f"""<html lang="es"><head><title>Caracas</title></head>
<body><article><p>{TEXT}</p><p>Police used tear gas to disperse the crowd.</p></article>
</body></html>"""


def url_source(url: str) -> Source:
    return Source(url, "url")


def test_html_page_gets_final_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/news/caracas"}
    )
    httpserver.expect_request("/news/caracas").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    [doc] = read_source(url_source(httpserver.url_for("/old")), LOCAL)
    assert TEXT in doc.text
    assert doc.url == httpserver.url_for("/news/caracas")
    assert (doc.origin, doc.format, doc.language) == (httpserver.url_for("/old"), "html", "es")


def test_json_feed_and_text_by_content_type(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api").respond_with_json(
        [{"text": TEXT, "url": "https://example.org/1"}, {"text": TEXT + " More."}]
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item>'
        f"<description>{TEXT}</description></item></channel></rss>"
    )
    httpserver.expect_request("/feed").respond_with_data(rss, content_type="text/xml")
    httpserver.expect_request("/plain.md").respond_with_data(
        "# Caracas\n\n" + TEXT, content_type="text/plain"
    )
    docs = read_source(url_source(httpserver.url_for("/api")), LOCAL)
    assert [d.url for d in docs] == ["https://example.org/1", httpserver.url_for("/api")]
    [entry] = read_source(url_source(httpserver.url_for("/feed")), LOCAL)
    assert (entry.format, entry.url) == ("rss", httpserver.url_for("/feed"))
    [md] = read_source(url_source(httpserver.url_for("/plain.md")), LOCAL)
    assert md.format == "md"


def test_http_404(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    url = httpserver.url_for("/missing")
    with pytest.raises(FetchError) as info:
        read_source(url_source(url), LOCAL)
    assert str(info.value) == f"cannot read {url}: HTTP 404 Not Found"
    assert isinstance(info.value, InputError)


def test_timeout(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.8)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        read_source(url_source(url), ReadOptions(allow_private=True, fetch_timeout=0.3))
    assert time.monotonic() - started < 0.75
    assert str(info.value) == f"cannot read {url}: timed out after 0.3s"


def test_redirect_limit(httpserver: HTTPServer) -> None:
    for n in range(5):
        httpserver.expect_request(f"/r{n}").respond_with_data(
            "", status=302, headers={"Location": f"/r{n + 1}"}
        )
    url = httpserver.url_for("/r0")
    with pytest.raises(FetchError, match=r"too many redirects \(more than 2\)"):
        read_source(url_source(url), ReadOptions(allow_private=True, max_redirects=2))


def test_download_over_the_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    with pytest.raises(FetchError, match=r"download is 5\.0 kB, over the 1\.0 kB limit"):
        read_source(
            url_source(httpserver.url_for("/big")), ReadOptions(allow_private=True, max_bytes=1000)
        )


def test_streamed_download_over_the_cap(httpserver: HTTPServer) -> None:
    def chunked(request: Request) -> Response:
        return Response((b"y" * 500 for _ in range(100)), content_type="text/plain")

    httpserver.expect_request("/stream").respond_with_handler(chunked)
    with pytest.raises(FetchError, match=r"download is larger than the 1\.0 kB limit"):
        read_source(
            url_source(httpserver.url_for("/stream")),
            ReadOptions(allow_private=True, max_bytes=1000),
        )


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"connected to {request.url}")


def test_private_address_refused_before_connecting() -> None:
    options = ReadOptions(transport=httpx.MockTransport(_never))
    with pytest.raises(FetchError) as info:
        read_source(url_source("http://10.1.2.3/report"), options)
    assert str(info.value) == (
        "cannot read http://10.1.2.3/report: "
        "refusing private address 10.1.2.3 (use --allow-private to allow)"
    )


def test_loopback_refused_without_allow_private(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data(TEXT)
    for url in (httpserver.url_for("/"), f"http://localhost:{httpserver.port}/"):
        with pytest.raises(FetchError, match="refusing private address"):
            read_source(url_source(url), ReadOptions())
    assert httpserver.log == []


def test_redirect_to_private_address_refused(httpserver: HTTPServer) -> None:
    """Each hop is checked: a public page cannot bounce the fetch onto the local network."""
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})

    options = ReadOptions(transport=httpx.MockTransport(handler))
    with pytest.raises(FetchError, match=r"refusing private address 169\.254\.169\.254"):
        read_source(url_source("http://93.184.215.14/"), options)
    assert calls == ["http://93.184.215.14/"]


def test_non_http_redirect_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    options = ReadOptions(transport=httpx.MockTransport(handler))
    with pytest.raises(FetchError, match="refusing to follow a file URL"):
        read_source(url_source("http://93.184.215.14/"), options)


def test_connection_error_is_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    options = ReadOptions(transport=httpx.MockTransport(handler))
    with pytest.raises(FetchError, match="download failed"):
        read_source(url_source("http://93.184.215.14/"), options)
