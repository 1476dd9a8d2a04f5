"""Annotation in worker processes gives exactly the single-process database, record for record
(issue 8), on examples/ and on a generated corpus; fusion included."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import warwire
from engine_fixtures import (
    GENERATED,
    assert_postgres_equals,
    assert_same_records,
    generated_single,
    stored_in_reading_order,
)
from warwire.nlp.parallel import ProcessPoolAnnotator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolAnnotator]:
    """Two worker processes for this module's tests (each loads the model once)."""
    with ProcessPoolAnnotator(2) as annotator:
        yield annotator


def test_pool_equals_single_process_on_a_generated_corpus(
    pool: ProcessPoolAnnotator, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    corpus, single = generated_single(tmp_path_factory)
    path = tmp_path / "pool.db"
    with warwire.open(path) as ws:
        summary = ws.ingest([str(corpus)], annotator=pool)
    assert summary.new == GENERATED
    assert_same_records(path, single)
    assert stored_in_reading_order(path)  # two chunks, one to each worker, back in order


def test_pool_equals_single_process_on_examples(
    pool: ProcessPoolAnnotator, examples_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "pool.db"
    with warwire.open(path) as ws:
        summary = ws.ingest([str(EXAMPLES)], annotator=pool)
    assert summary.failed == 0, summary.failures
    assert_same_records(path, examples_db)


def test_pool_into_postgres_equals_single_process_on_examples(
    pool: ProcessPoolAnnotator, examples_db: Path, postgres_database: Callable[..., str]
) -> None:
    """Workers annotate, the ingest process stores into PostgreSQL: the same records as one
    process storing into SQLite."""
    url = postgres_database()
    with warwire.open(url) as ws:
        summary = ws.ingest([str(EXAMPLES)], annotator=pool)
    assert summary.failed == 0, summary.failures
    assert_postgres_equals(url, examples_db)


def test_pool_workers_annotate_the_whole_document(pool: ProcessPoolAnnotator) -> None:
    """Workers rebuilt each document from its id, text and publication date only, so a claim
    whose focus comes from the report's title came out differently than in one process (bug
    found by the Ray engine's test on examples/)."""
    from warwire.ingest import ReadOptions, expand, read_source
    from warwire.nlp.parallel import make_annotator

    options = ReadOptions()
    (source,) = expand([str(EXAMPLES / "euphrates_daily_archive.jsonl")], options)
    documents = read_source(source, options)
    assert all(d.title for d in documents)
    single = [a for _, a in make_annotator("", True, True).annotate(documents)]
    assert [a for _, a in pool.annotate(documents)] == single
