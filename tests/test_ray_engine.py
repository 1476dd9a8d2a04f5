"""``ingest --engine ray``: Ray actors give the single-process database, record for record."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import warwire
from engine_fixtures import (
    GENERATED,
    assert_postgres_equals,
    assert_same_records,
    generated_single,
    stored_in_reading_order,
    table_rows,
)
from warwire.errors import ConfigError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def ray_local() -> Iterator[Any]:
    """A local Ray with 2 CPUs for this module's tests (no dashboard, no usage reports)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("Ray is not installed: pip install 'ray[data]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_equals_single_process_on_examples(
    ray_local: Any, examples_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ray.db"
    with warwire.open(path) as ws:
        summary = ws.ingest([str(EXAMPLES)], engine="ray", workers=2)
    assert summary.failed == 0, summary.failures
    assert summary.new == table_rows(examples_db, "documents").__len__() > 10
    assert table_rows(path, "events") and table_rows(path, "claims")
    assert_same_records(path, examples_db)


def test_ray_into_postgres_equals_single_process_on_examples(
    ray_local: Any, examples_db: Path, postgres_database: Callable[..., str]
) -> None:
    url = postgres_database()
    with warwire.open(url) as ws:
        summary = ws.ingest([str(EXAMPLES)], engine="ray", workers=2)
    assert summary.failed == 0, summary.failures
    assert_postgres_equals(url, examples_db)


def test_ray_equals_single_process_on_a_generated_corpus(
    ray_local: Any, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """Two chunks of reports, one to each actor, come back in order: fusion depends on it."""
    from warwire.nlp.ray_engine import RayAnnotator

    corpus, single = generated_single(tmp_path_factory)
    path = tmp_path / "ray.db"
    with RayAnnotator(2) as annotator:
        assert len(set(annotator.pids())) == 2
        with warwire.open(path) as ws:
            summary = ws.ingest([str(corpus)], annotator=annotator)
        assert ray_local.is_initialized()  # an annotator leaves a Ray it did not start running
    assert summary.new == GENERATED
    assert_same_records(path, single)
    assert stored_in_reading_order(path)


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    with warwire.open(tmp_path / "x.db") as ws, pytest.raises(ConfigError, match="'spark'"):
        ws.ingest([str(EXAMPLES)], engine="spark")


def test_cli_names_an_unknown_engine(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warwire.cli import app

    db = tmp_path / "x.db"
    result = CliRunner().invoke(
        app, ["ingest", str(EXAMPLES), "--db", str(db), "--engine", "spark"]
    )
    assert result.exit_code == 1
    assert "unknown engine 'spark': use local or ray" in " ".join(result.output.split())
