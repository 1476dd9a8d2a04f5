"""Faults during ``warwire ingest`` on both backends: a killed run, a database that refuses
writes (SQLite: its disk is full) or connections (PostgreSQL: the administrator closes it).

Each test runs the real command in a subprocess on a batch of short generated reports, breaks
it part way through, and checks that what is stored is whole: every document with its
sentences, mentions and fusion, no record without its document, an intact database (SQLite's
integrity and foreign-key checks; PostgreSQL enforces its foreign keys itself).
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import warwire
from warwire.bench import generate_corpus
from warwire.errors import StoreError
from warwire.pipeline import ingest
from warwire.store import open_store

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


def is_postgres(db: str) -> bool:
    return db.startswith(("postgres://", "postgresql://"))


def start_ingest(corpus: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "warwire", "ingest", str(corpus), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def reading(db: str) -> Iterator[Any]:
    """A DB-API connection to ``db`` of either backend, to look at what is committed."""
    if is_postgres(db):
        import psycopg

        with psycopg.connect(db, autocommit=True, connect_timeout=10) as conn:
            yield conn
    else:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            yield conn


def scalar(db: str, sql: str) -> int:
    with reading(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def stored(db: str) -> int:
    """Documents committed so far (0 while the database is being created)."""
    if not is_postgres(db) and not Path(db).exists():
        return 0
    import psycopg

    try:
        return scalar(db, "SELECT count(*) FROM documents")
    except (sqlite3.OperationalError, psycopg.errors.UndefinedTable):  # no schema yet
        return 0


def wait_for(process: subprocess.Popen[str], db: str, documents: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while (count := stored(db)) < documents:
        assert process.poll() is None, f"ingest ended early: {process.communicate()}"
        assert time.monotonic() < deadline, f"only {count} documents after {timeout} s"
        time.sleep(0.05)
    return count


def settled(db: str) -> None:
    """Wait until the server has ended the sessions of a killed client: a COMMIT it sent just
    before dying is then done or undone, and the count is final (no-op on SQLite)."""
    if not is_postgres(db):
        return
    deadline = time.monotonic() + 30
    others = (
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        " AND backend_type = 'client backend'"  # not an autovacuum worker
    )
    while scalar(db, others):
        assert time.monotonic() < deadline, "the killed client's session did not end"
        time.sleep(0.05)


def assert_whole(db: str, *, fused: bool = True) -> int:
    """Check that the database holds only whole documents (``fused``: with their fusion
    update too); return how many."""
    with reading(db) as conn:
        if not is_postgres(db):
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
    return count


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return short_corpus(tmp_path_factory.mktemp("faults") / "corpus", N_REPORTS)


def test_killed_ingest_resumes_and_stores_every_report_once(corpus: Path, database: str) -> None:
    db = database
    process = start_ingest(corpus, db)
    try:
        wait_for(process, db, 30, timeout=120)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    assert process.returncode == -signal.SIGKILL
    settled(db)
    # what the killed run left is already whole: the rerun only adds
    before = stored(db)
    assert 30 <= before < N_REPORTS, "the run was not killed part way through"
    assert assert_whole(db, fused=False) == before  # the last one may await its fusion

    rerun = start_ingest(corpus, db)
    _, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert f"{N_REPORTS - before} new, {before} unchanged, 0 failed" in err, err
    assert assert_whole(db) == N_REPORTS
    with reading(db) as conn:
        names = [row[0] for row in conn.execute("SELECT origin FROM documents")]
    assert len(names) == len(set(names)) == N_REPORTS


def test_document_stored_before_a_kill_is_fused_on_rerun(tmp_path: Path, database: str) -> None:
    """A run killed after a report was stored and before its fusion update left the report
    unfused for good: the rerun saw it as already stored (bug found by the kill test)."""
    short_corpus(tmp_path / "corpus", 3)
    with open_store(database) as store:  # stored as ingest stores, without the fusion hook
        ingest([str(tmp_path / "corpus")], store=store)
    assert scalar(database, "SELECT count(*) FROM doc_fingerprints") == 0
    with warwire.open(database) as ws:
        summary = ws.ingest([str(tmp_path / "corpus")])
    assert summary.unchanged == 3
    assert assert_whole(database) == 3


def test_store_error_names_the_database(tmp_path: Path, database: str) -> None:
    """A report the store refused was reported without naming the database (bug found by the
    refusing-database test: the error came from storing, not from the fusion update)."""
    short_corpus(tmp_path / "corpus", 3)
    with open_store(database) as plain:
        backend = type(plain)

    class Refusing(backend):  # type: ignore[valid-type,misc]
        """Refuses to store the second report, as SQLite does when the disk is full."""

        calls = 0

        def add_document(self, document: Any, annotation: Any) -> Any:
            self.calls += 1
            if self.calls == 2:
                raise StoreError(f"cannot store document {document.id[:12]}: disk I/O error")
            return super().add_document(document, annotation)

    with Refusing(database) as store, pytest.raises(StoreError) as caught:
        ingest([str(tmp_path / "corpus")], store=store)
    assert str(caught.value).startswith(f"{database}: cannot store document ")


def limit_file_size(pid: int, db: Path) -> None:
    """Let process ``pid`` grow no file past the database's present size: its next write
    beyond that fails as on a full disk (``EFBIG``; Python ignores ``SIGXFSZ``)."""
    wal = db.with_name(db.name + "-wal")
    size = max(db.stat().st_size, wal.stat().st_size if wal.exists() else 0)
    resource.prlimit(pid, resource.RLIMIT_FSIZE, (size, size))


@dataclass
class Refusal:
    """How a database of one backend refuses to go on while ``ingest`` runs."""

    db: str  # what ingest is given (on PostgreSQL with a password the server does not check)
    refuse: Callable[[int], None]  # called with the pid of the running ingest
    expected: str  # what the error says after naming the database
    allow: Callable[[], None] = lambda: None  # make it usable again


@pytest.fixture
def refusal(request: pytest.FixtureRequest, database: str) -> Iterator[Refusal]:
    """SQLite refuses writes as when its disk is full: the process may grow no file further.
    PostgreSQL refuses connections: an administrator's connection closes the database to new
    ones (``ALLOW_CONNECTIONS false``) and ends its sessions (``pg_terminate_backend``), as when
    a server is taken down for maintenance."""
    if not is_postgres(database):
        if not hasattr(resource, "prlimit"):
            pytest.skip("needs Linux prlimit")
        yield Refusal(database, lambda pid: limit_file_size(pid, Path(database)), "disk I/O error")
        return
    import psycopg

    admin_url: str = request.getfixturevalue("postgres_url")
    name = database.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as admin:

        def refuse(pid: int) -> None:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )

        def allow() -> None:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

        secret = database.replace("://warwire@", "://warwire:s3cret-pw@", 1)
        assert secret != database
        try:
            yield Refusal(secret, refuse, "lost the connection to the server", allow)
        finally:
            allow()


def test_database_refusing_mid_run_stops_ingest_cleanly(
    corpus: Path, database: str, refusal: Refusal
) -> None:
    process = start_ingest(corpus, refusal.db)
    try:
        wait_for(process, database, 20, timeout=120)
        refusal.refuse(process.pid)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 1, err
    message = " ".join(err.split())
    # named without its password
    assert f"error: {database}: " in message and refusal.expected in message, err
    assert "Traceback" not in err and "s3cret" not in err, err
    refusal.allow()
    # the last report stored may have missed its fusion update, which the rerun makes
    before = assert_whole(database, fused=False)
    assert 20 <= before < N_REPORTS
    rerun = start_ingest(corpus, refusal.db)
    _, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert assert_whole(database) == N_REPORTS


def test_unwritable_database_path_is_named(tmp_path: Path) -> None:
    """SQLite only: a path that cannot be a file (PostgreSQL's unreachable server is named by
    test_store_postgres.test_an_unreachable_server_is_a_clear_error)."""
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
