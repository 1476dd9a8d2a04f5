"""Fetching a URL: redirects followed by hand, every hop's address checked, size capped.

A host whose addresses include a loopback, private, link-local, reserved, multicast or
unspecified one is refused before any connection unless ``allow_private`` is set. The body is
streamed and the download abandoned past ``max_bytes``. Every failure is a ``FetchError``
naming the URL as given.

Known limit: the address check resolves the name, then httpx resolves it again to connect; a
DNS server that answers differently the second time (DNS rebinding) is not defended against.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

import httpx

from warwire.errors import FetchError
from warwire.ingest.options import ReadOptions
from warwire.ingest.sizes import over_limit

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "warwire (+https://github.com/warwire)"
ACCEPT = (
    "text/html, application/xhtml+xml, application/json, application/x-ndjson, "
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, application/pdf, "
    "text/plain;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True)
class Fetched:
    """A downloaded body: the final URL after redirects, its media type and charset."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def fetch(url: str, options: ReadOptions) -> Fetched:
    """Download ``url`` under ``options``' limits, or raise FetchError naming it."""
    timeout = httpx.Timeout(options.fetch_timeout)
    deadline = time.monotonic() + options.fetch_timeout  # for the whole body, not per read
    current = url
    try:
        with httpx.Client(
            transport=options.transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        ) as client:
            for _ in range(options.max_redirects + 1):
                check_url(url, current, allow_private=options.allow_private)
                with client.stream("GET", current) as response:
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"HTTP {response.status_code} without a Location")
                        current = str(response.url.join(location))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} {_reason(response)}")
                    body = _read_body(url, response, options, deadline)
                    content_type = response.headers.get("content-type", "")
                    return Fetched(
                        url=str(response.url),
                        content_type=content_type.split(";")[0].strip().lower(),
                        charset=response.charset_encoding,
                        body=body,
                    )
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {options.fetch_timeout:g}s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"download failed ({type(exc).__name__}: {exc})") from None
    raise FetchError(url, f"too many redirects (more than {options.max_redirects})")


def _reason(response: httpx.Response) -> str:
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return response.reason_phrase or "error"


def check_url(url: str, current: str, *, allow_private: bool) -> None:
    """Refuse a hop that is not http(s) or whose host resolves to a non-public address."""
    try:
        parts = urlsplit(current)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"invalid URL {current!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"refusing to follow a {parts.scheme or 'relative'} URL: {current}")
    host = parts.hostname
    if not host:
        raise FetchError(url, f"no host in URL {current!r}")
    if allow_private:
        return
    for address in _addresses(url, host, port or (443 if parts.scheme == "https" else 80)):
        if not _is_public(address):
            raise FetchError(
                url, f"refusing private address {address} (use --allow-private to allow)"
            )


def _addresses(url: str, host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})") from None
    return sorted({str(info[4][0]) for info in infos})


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _read_body(url: str, response: httpx.Response, options: ReadOptions, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(url, over_limit("download", int(declared), options.max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(url, over_limit("download", size, options.max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("download too slow", request=response.request)
        chunks.append(chunk)
    return b"".join(chunks)
