"""Shared fixtures: one spaCy pipeline per test session, temporary databases, example files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warwire.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "test.db") as s:
        yield s


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
