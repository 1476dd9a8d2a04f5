"""What the server runs with: the database, the write mode and its secrets.

Writes (POST) are in one of three modes:

- ``token``: a token was given (``--token`` or ``WARWIRE_TOKEN``); the API needs it as
  ``Authorization: Bearer``, the HTML form needs it typed into the form, and both work on any
  address;
- ``loopback``: no token was given and the server listens on a loopback address only; the API
  needs the session token printed when the server starts, the form needs only its CSRF token
  (the person at this machine is the one writing), and requests must name a loopback host
  (so a rebound DNS name cannot reach the server);
- ``off``: ``--read-only``; every write answers 403.

``serve`` refuses to listen on another address with writes on and no token.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from typing import Literal

from warwire.errors import ConfigError

WriteMode = Literal["token", "loopback", "off"]
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
DEFAULT_MAX_BODY = 6_000_000


def is_loopback(host: str) -> bool:
    """Whether a listening address or a Host name stays on this machine."""
    name = host.strip().lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """The server's settings. ``token`` is the one given by the user (None: none given);
    ``session_token`` is the bearer token the API accepts in loopback mode."""

    db: str
    host: str = "127.0.0.1"
    token: str | None = None
    read_only: bool = False
    max_body: int = DEFAULT_MAX_BODY
    session_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def from_env(
        cls,
        *,
        db: str,
        host: str = "127.0.0.1",
        token: str | None = None,
        read_only: bool = False,
        max_body: int = DEFAULT_MAX_BODY,
    ) -> WebConfig:
        """A configuration whose token defaults to ``$WARWIRE_TOKEN``; checked (see
        :meth:`checked`)."""
        chosen = token if token is not None else os.environ.get("WARWIRE_TOKEN") or None
        config = cls(db=db, host=host, token=chosen, read_only=read_only, max_body=max_body)
        return config.checked()

    def to_env(self) -> dict[str, str]:
        """This configuration as environment variables, for worker processes (which must share
        the session token and the CSRF secret): see :meth:`from_worker_env`."""
        env = {
            "WARWIRE_WEB_DB": self.db,
            "WARWIRE_WEB_HOST": self.host,
            "WARWIRE_WEB_READ_ONLY": "1" if self.read_only else "0",
            "WARWIRE_WEB_MAX_BODY": str(self.max_body),
            "WARWIRE_WEB_SESSION_TOKEN": self.session_token,
            "WARWIRE_WEB_SECRET": self.secret.hex(),
        }
        if self.token:
            env["WARWIRE_TOKEN"] = self.token
        return env

    @classmethod
    def from_worker_env(cls) -> WebConfig:
        """The configuration :meth:`to_env` wrote, read in a worker process."""
        env = os.environ
        return cls(
            db=env["WARWIRE_WEB_DB"],
            host=env["WARWIRE_WEB_HOST"],
            token=env.get("WARWIRE_TOKEN") or None,
            read_only=env["WARWIRE_WEB_READ_ONLY"] == "1",
            max_body=int(env["WARWIRE_WEB_MAX_BODY"]),
            session_token=env["WARWIRE_WEB_SESSION_TOKEN"],
            secret=bytes.fromhex(env["WARWIRE_WEB_SECRET"]),
        ).checked()

    @property
    def write_mode(self) -> WriteMode:
        if self.read_only:
            return "off"
        if self.token:
            return "token"
        return "loopback"

    @property
    def api_token(self) -> str | None:
        """The bearer token API writes need (None when writes are off)."""
        if self.write_mode == "off":
            return None
        return self.token or self.session_token

    def checked(self) -> WebConfig:
        """Refuse a public address with writes on and no token, and useless values."""
        if self.token is not None and len(self.token) < 8:
            raise ConfigError("the token is too short: use at least 8 characters")
        if self.max_body < 1024:
            raise ConfigError(f"max_body must be at least 1024 bytes, got {self.max_body!r}")
        if self.write_mode == "loopback" and not is_loopback(self.host):
            raise ConfigError(
                f"refusing to listen on {self.host} with writes enabled and no token:"
                " set WARWIRE_TOKEN or --token, or pass --read-only"
            )
        return self
