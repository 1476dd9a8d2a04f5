"""How the readers read: size limit, URL policy, defaults for missing metadata.

One frozen ``ReadOptions`` is passed to every reader; the CLI builds it from ``Settings`` and
its own flags. ``transport`` lets tests inject an ``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from warwire.errors import ConfigError

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by every reader.

    ``field_map`` renames JSON fields: our name -> the record's name, e.g.
    ``{"text": "body", "published": "date"}``.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    """A file or download larger than this is refused."""
    allow_private: bool = False
    """Allow URLs that resolve to loopback, private, link-local or reserved addresses."""
    published: dt.date | None = None
    """Publication date for reports that do not give one."""
    source: str | None = None
    """Source (publisher) for reports that do not give one."""
    field_map: Mapping[str, str] = field(default_factory=dict, hash=False)
    """JSON field renames: our name -> the record's name."""
    fetch_timeout: float = 20.0
    """Seconds before a URL fetch gives up."""
    max_redirects: int = 5
    """Redirects followed when fetching a URL."""
    transport: httpx.BaseTransport | None = None
    """An httpx transport to fetch through (tests inject one); None means the network."""

    def __post_init__(self) -> None:
        # a private plain copy: picklable for worker processes, safe from later mutation
        object.__setattr__(self, "field_map", dict(self.field_map))
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes!r}")
        if self.fetch_timeout <= 0:
            raise ConfigError(f"fetch_timeout must be positive, got {self.fetch_timeout!r}")
        if self.max_redirects < 0:
            raise ConfigError(f"max_redirects cannot be negative, got {self.max_redirects!r}")
        unknown = set(self.field_map) - FIELD_NAMES
        if unknown:
            raise ConfigError(
                f"unknown field {sorted(unknown)[0]!r} in field_map "
                f"(known: {', '.join(sorted(FIELD_NAMES))})"
            )

    def json_name(self, name: str) -> str:
        """The name a JSON record uses for our field ``name``."""
        return self.field_map.get(name, name)


FIELD_NAMES = frozenset({"text", "title", "source", "url", "published", "language"})
"""Our names of the fields a JSON record may carry."""
