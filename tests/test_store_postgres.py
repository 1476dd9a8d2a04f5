"""What is PostgreSQL's own: URLs and their errors, migrating an empty database, FTS5 queries
as tsquery, and several writers at once (each report stored once, no fusion update lost)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import subprocess
import sys
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
    assert tsquery('"it\'s" "a\\\\b"') == "'it''s' & 'a\\\\\\\\b'"
    assert tsquery("") == ""


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

        assert fused(shared) == fused(alone)
