"""Storage: the Store protocol, one schema with named migrations, the SQLite store (the
default) and the PostgreSQL store (a ``postgresql://`` URL)."""

from __future__ import annotations

from pathlib import Path

from warwire.store.base import Store
from warwire.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(db: str | Path) -> Store:
    """Open (creating and migrating if needed) the database named by a path or URL: a SQLite
    file, ``sqlite:///path``, or ``postgresql://user@host/dbname``."""
    text = str(db)
    if text.startswith(("postgres://", "postgresql://")):
        from warwire.store.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    return SQLiteStore(text)
