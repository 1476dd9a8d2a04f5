"""Shared fixtures: one spaCy pipeline per test session, temporary databases (SQLite files and
PostgreSQL databases on the server named by ``WARWIRE_TEST_PG``), example files."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from warwire.store import open_store
from warwire.store.sql import SQLStore

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ("sqlite", "postgres")  # the params of every fixture that runs a test on both
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def gazetteer_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    """One gazetteer index per test session, built in a temporary data directory.

    ``WARWIRE_DATA_DIR`` points there for the whole session (worker processes and the CLI
    included), so no test reads or writes the user's data directory.
    """
    from warwire.geo import GAZETTEER_FILE, build_gazetteer

    data_dir = tmp_path_factory.mktemp("data")
    os.environ["WARWIRE_DATA_DIR"] = str(data_dir)
    calls: list[tuple[int, int]] = []
    path = data_dir / GAZETTEER_FILE
    build_gazetteer(path, progress=lambda done, total: calls.append((done, total)))
    return path, calls


@pytest.fixture(scope="session")
def gazetteer(gazetteer_build: tuple[Path, list[tuple[int, int]]]) -> Any:
    from warwire.geo import load_gazetteer

    return load_gazetteer(gazetteer_build[0])


@pytest.fixture(scope="session")
def nlp() -> Any:
    from warwire.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test PostgreSQL server (``WARWIRE_TEST_PG``, started by scripts/ensure_postgres.sh):
    without one, tests that need it skip, and fail under ``CI=true``."""
    url = os.environ.get("WARWIRE_TEST_PG", "")
    problem = "WARWIRE_TEST_PG is not set"
    if url:
        import psycopg

        try:
            psycopg.connect(url, connect_timeout=10).close()
            return url
        except psycopg.Error as exc:
            problem = f"cannot connect to WARWIRE_TEST_PG={url}: {exc}"
    message = (
        f"no PostgreSQL server for the tests ({problem}): run `make pytest`, or"
        " export WARWIRE_TEST_PG=$(sh scripts/ensure_postgres.sh)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_database(postgres_url: str) -> Iterator[Callable[..., str]]:
    """``new()``: the URL of a fresh database on the test server, migrated (copied from a
    template migrated once) or, with ``migrated=False``, empty; ``new(template_url=url)``
    copies a database made by ``new()`` that no one is connected to. All are dropped at the
    end."""
    import psycopg

    base = postgres_url.rsplit("/", 1)[0]
    prefix = f"warwire_test_{os.getpid()}"
    names: list[str] = []
    counter = itertools.count()
    admin = psycopg.connect(postgres_url, autocommit=True)

    def create(name: str, template: str) -> str:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        names.append(name)
        return f"{base}/{name}"

    template = f"{prefix}_template"
    open_store(create(template, "template0")).close()

    def new(*, migrated: bool = True, template_url: str | None = None) -> str:
        source = template if migrated else "template0"
        if template_url is not None:  # a database of this factory, none connected to it
            source = template_url.rsplit("/", 1)[1]
        return create(f"{prefix}_{next(counter)}", source)

    yield new
    for name in reversed(names):
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, migrated database of each backend: a SQLite path or a PostgreSQL URL."""
    return new_database(request, tmp_path)


@pytest.fixture(params=BACKENDS)
def new_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """``new()``: another new database of the backend the test runs on (it runs on each)."""
    counter = itertools.count()

    def new() -> str:
        folder = tmp_path / f"db{next(counter)}"
        folder.mkdir()
        return new_database(request, folder)

    return new


def new_database(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new database on the backend ``request.param``: a PostgreSQL URL (migrated), or the
    path of a SQLite file in ``folder`` (created when first opened). For fixtures of other
    scopes than ``database``'s, parametrized with ``BACKENDS``."""
    if request.param == "postgres":
        new: Callable[..., str] = request.getfixturevalue("postgres_database")
        return new()
    return str(folder / "test.db")


@pytest.fixture
def store(database: str) -> Iterator[SQLStore]:
    """An open store of each backend (the test runs once with each)."""
    with open_store(database) as s:
        assert isinstance(s, SQLStore)
        yield s


@pytest.fixture(scope="session")
def postgres_copy(postgres_database: Callable[..., str]) -> Callable[[Path], str]:
    """``copy(sqlite_path)``: the URL of a new PostgreSQL database holding the same rows."""

    def copy(sqlite_path: Path) -> str:
        url = postgres_database()
        _copy_rows(sqlite_path, url)
        return url

    return copy


def _copy_rows(sqlite_path: Path, url: str) -> None:
    """Copy every stored row of a SQLite database into a migrated, empty PostgreSQL database
    (search indexes are rebuilt by the target's own columns and triggers).

    The tables are those both databases have (not the migrations, not SQLite's FTS5 tables nor
    PostgreSQL's names_search), in the order SQLite created them, so that a table comes after
    the tables it refers to; a table added by a later migration is copied without naming it
    here (entity_keys and entity_links of 0010 were missed when they were listed by hand)."""
    import psycopg

    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(url) as target:
        theirs = {
            row[0]
            for row in target.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        }
        ours = source.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        tables = [name for (name,) in ours if name in theirs and name != "migrations"]
        for table in tables:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            rows = source.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            marks = ", ".join("%s" for _ in columns)
            with target.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
    source.close()


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of examples/ ingested once per session (about 15 s): copy it before writing."""
    import warwire

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with warwire.open(path) as ws:
        summary = ws.ingest([str(EXAMPLES)])
        assert summary.failed == 0, summary.failures
    return path


@pytest.fixture(scope="session")
def examples_postgres(postgres_database: Callable[..., str]) -> str:
    """examples/ ingested once per session into a PostgreSQL database, by PostgreSQL's own
    ingest and fusion (not copied from SQLite): never connect to it, copy it with
    ``postgres_database(template_url=examples_postgres)`` (``examples_database`` does)."""
    import warwire

    url = postgres_database()
    with warwire.open(url) as ws:
        summary = ws.ingest([str(EXAMPLES)])
        assert summary.failed == 0, summary.failures
    return url


@pytest.fixture(params=BACKENDS)
def examples_database(request: pytest.FixtureRequest, examples_db: Path, tmp_path: Path) -> str:
    """A database of examples/ of each backend, the test's own to write: a copy of
    ``examples_db`` or of ``examples_postgres``."""
    return examples_copy(request, examples_db, tmp_path)


def examples_copy(request: pytest.FixtureRequest, examples_db: Path, folder: Path) -> str:
    """A new copy of the examples' database on the backend ``request.param`` (for fixtures of
    other scopes than ``examples_database``'s)."""
    if request.param == "postgres":
        new: Callable[..., str] = request.getfixturevalue("postgres_database")
        return new(template_url=request.getfixturevalue("examples_postgres"))
    copy = folder / "examples-copy.db"
    shutil.copy(examples_db, copy)
    return str(copy)


@pytest.fixture
def serve() -> Iterator[Any]:
    """Start an ASGI app on uvicorn on a free loopback port in a thread: ``serve(app)`` returns
    its base URL; every server started is stopped after the test."""
    import threading
    import time

    import uvicorn

    servers: list[tuple[Any, threading.Thread]] = []

    def start(app: Any) -> str:
        config = uvicorn.Config(
            app, host="127.0.0.1", port=0, loop="asyncio", log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
