"""Storage: the Store protocol, one schema with named migrations, and the SQLite store."""

from __future__ import annotations

from pathlib import Path

from warwire.errors import ConfigError
from warwire.store.base import Store
from warwire.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(db: str | Path) -> Store:
    """Open (creating and migrating if needed) the database named by a path or URL."""
    text = str(db)
    if text.startswith(("postgres://", "postgresql://")):
        raise ConfigError(
            f"database {text!r}: the PostgreSQL backend is not available yet; use a SQLite path"
        )
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    return SQLiteStore(text)
