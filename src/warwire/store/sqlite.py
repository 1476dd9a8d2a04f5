"""The embedded SQLite store: one file, WAL journal, foreign keys, named migrations.

One writer at a time (SQLite's model); each document with its pages, sentences and mentions
is written in a single transaction, so a crash never leaves half a document. The queries are
shared with PostgreSQL (:mod:`warwire.store.sql`); what is SQLite's own is here: the
connection's settings, ``BEGIN IMMEDIATE`` and FTS5 search.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar, Literal

from warwire.errors import StoreError
from warwire.store.sql import SQLStore

WAL_CHECKPOINT_PAGES = 16384  # pages of 4 KiB: the log is copied into the database at 64 MiB


class SQLiteStore(SQLStore):
    """A warwire database in a SQLite file (or ``:memory:`` for tests and one-off analysis)."""

    dialect: ClassVar[Literal["sqlite", "postgres"]] = "sqlite"
    # whether one connection may serve two threads (ingest's background writer and the reader
    # that checks which reports are stored): SQLite built in serialized mode
    thread_safe: ClassVar[bool] = sqlite3.threadsafety == 3
    _errors: ClassVar[tuple[type[Exception], ...]] = (sqlite3.DatabaseError,)

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot open database {self.path}: folder {parent} does not exist"
                )
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=30.0, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                # a checkpoint every 64 MB of log, not every 4 MB: each one waits for the disk
                # twice, which cost a third of the time to store a report
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def __enter__(self) -> SQLiteStore:
        return self

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    # -- search (the web layer) ----------------------------------------------------------------

    def search_documents(self, match: str, *, limit: int, offset: int = 0) -> list[tuple[str, str]]:
        """``(doc_id, snippet)`` of the documents an FTS5 query matches, best first; the
        snippet marks matched words with ``\x02`` and ``\x03``."""
        rows = self._conn.execute(
            "SELECT doc_id, snippet(documents_fts, 2, char(2), char(3), '…', 16)"
            " FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        return [(str(doc_id), str(snippet)) for doc_id, snippet in rows]

    def search_entities(self, match: str, *, limit: int) -> list[str]:
        """Ids of the entities whose name or an alias an FTS5 query matches, best first."""
        rows = self._conn.execute(
            "SELECT entity_id FROM names_fts WHERE names_fts MATCH ?"
            " GROUP BY entity_id ORDER BY min(rank) LIMIT ?",
            (match, limit),
        )
        return [str(entity_id) for (entity_id,) in rows]
