"""The server's defences: security headers (a Content-Security-Policy that allows no inline
or foreign script), a request body limit (413), loopback Host names in loopback mode, bearer
tokens for API writes and CSRF tokens for the HTML form.

The middlewares are plain ASGI, so they hold for every route, the static files included.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from warwire.web.config import WebConfig, is_loopback

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" makes form posts say Origin: null
    (b"cross-origin-opener-policy", b"same-origin"),
]
CSRF_COOKIE = "warwire_csrf"


async def _answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Security headers on every response; 413 for a body over the limit; 421 for a Host
    that is not loopback when the server writes without a token."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.config.write_mode == "loopback" and not is_loopback(_hostname(headers)):
            await _answer(send, 421, "this server answers to localhost only")
            return
        limit = self.config.max_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(send, 413, f"request body over {limit} bytes")
            return
        if scope["method"] in {"POST", "PUT", "PATCH"}:
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > limit:
                    await _answer(send, 413, f"request body over {limit} bytes")
                    return
            receive = _replay(bytes(body))

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, secured)


def _hostname(headers: dict[str, str]) -> str:
    host = headers.get("host", "")
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def bearer_ok(config: WebConfig, authorization: str | None) -> bool:
    """Whether an ``Authorization`` header carries the token API writes need."""
    expected = config.api_token
    if expected is None or not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), expected.encode())


def token_ok(config: WebConfig, given: str | None) -> bool:
    """Whether a token typed into the form is the configured one."""
    return bool(config.token and given) and hmac.compare_digest(
        (given or "").encode(), (config.token or "").encode()
    )


def new_csrf_session() -> str:
    """A random value for the form's cookie (one per browser)."""
    return secrets.token_urlsafe(24)


def csrf_token(config: WebConfig, session: str) -> str:
    """The form's CSRF token: bound to the browser's cookie by the server's secret."""
    return hmac.new(config.secret, session.encode(), hashlib.sha256).hexdigest()


def csrf_ok(config: WebConfig, session: str | None, token: str | None) -> bool:
    """Whether a form post carries the token issued with its cookie."""
    if not session or not token:
        return False
    return hmac.compare_digest(csrf_token(config, session), token)
