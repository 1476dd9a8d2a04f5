"""``ingest --engine ray``: Ray actors give the single-process database, record for record."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import warwire
from warwire.errors import ConfigError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# every table of records and of the fusion layer; the full-text indexes are derived by triggers
RECORD_TABLES = (
    "documents",
    "pages",
    "sentences",
    "entities",
    "entity_aliases",
    "mentions",
    "events",
    "claims",
    "doc_fingerprints",
    "doc_bands",
    "fused_events",
    "event_fusion",
    "assessments",
)


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


def test_ray_annotator_keeps_input_order(ray_local: Any, tmp_path: Path) -> None:
    from warwire.bench import generate_corpus
    from warwire.models import Document
    from warwire.nlp.ray_engine import RayAnnotator

    paths = generate_corpus(tmp_path / "corpus", 80)
    documents = [Document.create(p.read_text(encoding="utf-8")) for p in paths]
    with RayAnnotator(2, places=False, actors=False) as annotator:
        assert len(set(annotator.pids())) == 2
        results = list(annotator.annotate(documents))
        assert ray_local.is_initialized()  # an annotator leaves a Ray it did not start running
    assert [d.id for d, _ in results] == [d.id for d in documents]
    assert [a.doc_id for _, a in results] == [d.id for d in documents]


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
