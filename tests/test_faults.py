"""Faults during ``warwire ingest`` on SQLite: a killed run, a database that refuses writes.

Each test runs the real command in a subprocess on a batch of short generated reports, breaks
it part way through, and checks that what is stored is whole: every document with its
sentences, mentions and fusion, no record without its document, an intact database file.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import warwire
from warwire.bench import generate_corpus
from warwire.errors import StoreError
from warwire.pipeline import ingest
from warwire.store import SQLiteStore

N_REPORTS = 240

# every table whose rows belong to one document
DOC_TABLES = ("pages", "sentences", "mentions", "entity_aliases", "events", "claims")


def short_corpus(folder: Path, n: int) -> Path:
    """``n`` generated reports cut to their header and first two sentences (fast to annotate)."""
    for path in generate_corpus(folder, n):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        sentences = body.split(". ")
        path.write_text(f"{header}\n\n{'. '.join(sentences[:2])}.\n", encoding="utf-8")
    return folder


def start_ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "warwire", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored(db: Path) -> int:
    """Documents committed so far (0 while the database is being created)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            count = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        conn.close()
    except sqlite3.OperationalError:  # no schema yet
        return 0
    return count


def wait_for(process: subprocess.Popen[str], db: Path, documents: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while (count := stored(db)) < documents:
        assert process.poll() is None, f"ingest ended early: {process.communicate()}"
        assert time.monotonic() < deadline, f"only {count} documents after {timeout} s"
        time.sleep(0.05)
    return count


def assert_whole(db: Path, *, fused: bool = True) -> int:
    """Check that the database holds only whole documents (``fused``: with their fusion
    update too); return how many."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in DOC_TABLES:
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table
        for table in ("sentences", "mentions", "doc_fingerprints")[: 3 if fused else 2]:
            missing = conn.execute(
                f"SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM {table})"
            ).fetchone()[0]
            assert missing == 0, f"{missing} document(s) without {table}"
        unfused = (
            fused
            and conn.execute(
                "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_fusion)"
                " AND negated = 0 AND future = 0 AND historical = 0"
            ).fetchone()[0]
        )
        assert unfused == 0, f"{unfused} current event(s) not fused"
        count = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    conn.close()
    return count


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return short_corpus(tmp_path_factory.mktemp("faults") / "corpus", N_REPORTS)


def test_killed_ingest_resumes_and_stores_every_report_once(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    process = start_ingest(corpus, db)
    try:
        wait_for(process, db, 30, timeout=120)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    assert process.returncode == -signal.SIGKILL
    # what the killed run left is already whole: the rerun only adds
    before = stored(db)
    assert 30 <= before < N_REPORTS, "the run was not killed part way through"
    assert assert_whole(db, fused=False) == before  # the last one may await its fusion

    rerun = start_ingest(corpus, db)
    _, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert f"{N_REPORTS - before} new, {before} unchanged, 0 failed" in err, err
    assert assert_whole(db) == N_REPORTS
    with sqlite3.connect(db) as conn:
        names = [row[0] for row in conn.execute("SELECT origin FROM documents")]
    conn.close()
    assert len(names) == len(set(names)) == N_REPORTS


def test_document_stored_before_a_kill_is_fused_on_rerun(tmp_path: Path) -> None:
    """A run killed after a report was stored and before its fusion update left the report
    unfused for good: the rerun saw it as already stored (bug found by the kill test)."""
    short_corpus(tmp_path / "corpus", 3)
    db = tmp_path / "unfused.db"
    with SQLiteStore(db) as store:  # stored as ingest stores, without the fusion hook
        ingest([str(tmp_path / "corpus")], store=store)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM doc_fingerprints").fetchone()[0] == 0
    conn.close()
    with warwire.open(db) as ws:
        summary = ws.ingest([str(tmp_path / "corpus")])
    assert summary.unchanged == 3
    assert assert_whole(db) == 3


class _RefusingStore(SQLiteStore):
    """Refuses to store the second report, as SQLite does when the disk is full."""

    calls = 0

    def add_document(self, document: Any, annotation: Any) -> Any:
        self.calls += 1
        if self.calls == 2:
            raise StoreError(f"cannot store document {document.id[:12]}: disk I/O error")
        return super().add_document(document, annotation)


def test_store_error_names_the_database(tmp_path: Path) -> None:
    """A report the store refused was reported without naming the database (bug found by the
    refusing-database test: the error came from storing, not from the fusion update)."""
    short_corpus(tmp_path / "corpus", 3)
    db = tmp_path / "refusing.db"
    with _RefusingStore(db) as store, pytest.raises(StoreError) as caught:
        ingest([str(tmp_path / "corpus")], store=store)
    assert str(caught.value).startswith(f"{db}: cannot store document ")


def limit_file_size(pid: int, db: Path) -> None:
    """Let process ``pid`` grow no file past the database's present size: its next write
    beyond that fails as on a full disk (``EFBIG``; Python ignores ``SIGXFSZ``)."""
    wal = db.with_name(db.name + "-wal")
    size = max(db.stat().st_size, wal.stat().st_size if wal.exists() else 0)
    resource.prlimit(pid, resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.skipif(not hasattr(resource, "prlimit"), reason="needs Linux prlimit")
def test_database_refusing_writes_stops_ingest_cleanly(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    process = start_ingest(corpus, db)
    try:
        wait_for(process, db, 20, timeout=120)
        limit_file_size(process.pid, db)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 1, err
    message = " ".join(err.split())
    assert f"error: {db}: " in message and "disk I/O error" in message, err
    assert "Traceback" not in err
    # the last report stored may have missed its fusion update, which the rerun makes
    before = assert_whole(db, fused=False)
    assert 20 <= before < N_REPORTS

    rerun = start_ingest(corpus, db)
    _, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert assert_whole(db) == N_REPORTS


def test_unwritable_database_path_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be", encoding="utf-8")
    db = blocker / "warwire.db"
    result = subprocess.run(
        [sys.executable, "-m", "warwire", "ingest", os.devnull, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert str(db) in " ".join(result.stderr.split()), result.stderr
