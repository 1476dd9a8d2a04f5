"""What the engine tests share: comparing two databases record for record, and one generated
corpus ingested by a single process, built once per test session."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from warwire.store.schema import RECORD_TABLES

#: Reports in the generated corpus: enough for events to fuse across reports (25 towns, 10
#: actors) and for a chunk of 32 to go to each of two workers, small enough for the suite.
GENERATED = 48


def table_rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    """A table's rows, sorted, without the ``ingested_at`` timestamp."""
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c != "ingested_at")
        rows = conn.execute(f"SELECT {kept} FROM {table}").fetchall()
    conn.close()
    return sorted(rows, key=repr)


def assert_same_records(left: Path, right: Path) -> None:
    for table in RECORD_TABLES:
        assert table_rows(left, table) == table_rows(right, table), table


def assert_postgres_equals(url: str, expected: Path) -> None:
    """The PostgreSQL database at ``url`` holds the SQLite database ``expected``'s records."""
    import psycopg

    with psycopg.connect(url) as conn:
        for table in RECORD_TABLES:
            with sqlite3.connect(expected) as source:
                columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            source.close()
            kept = ", ".join(c for c in columns if c != "ingested_at")
            rows = sorted(conn.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
            assert rows == table_rows(expected, table), table


_built: dict[str, tuple[Path, Path]] = {}


def generated_single(factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated corpus of :data:`GENERATED` reports and its database as one process
    ingests it (fusion included), made on the first call of the session."""
    if "single" not in _built:
        import warwire
        from warwire.bench import generate_corpus

        folder = factory.mktemp("generated")
        corpus = folder / "corpus"
        generate_corpus(corpus, GENERATED)
        db = folder / "single.db"
        with warwire.open(db) as ws:
            summary = ws.ingest([str(corpus)], workers=1)
        assert summary.new == GENERATED, summary.failures
        assert table_rows(db, "event_fusion") and table_rows(db, "fused_events")
        _built["single"] = corpus, db
    return _built["single"]


def stored_in_reading_order(path: Path) -> bool:
    """Whether a generated corpus's reports were stored in the order of their files (each
    title ends ``(report N)``): workers hand back chunks in order, and fusion depends on it."""
    with sqlite3.connect(path) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM documents ORDER BY rowid")]
    conn.close()
    numbers = [int(title.rsplit("report ", 1)[1].rstrip(")")) for title in titles]
    return numbers == sorted(numbers)
