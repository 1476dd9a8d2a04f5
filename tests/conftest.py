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
