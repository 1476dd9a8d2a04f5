"""Annotation in worker processes gives exactly the in-process results, in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warwire.bench import generate_corpus
from warwire.geo.parser import Geoparser
from warwire.models import Document
from warwire.nlp.parallel import ProcessPoolAnnotator
from warwire.nlp.pipeline import SpacyAnnotator
from warwire.pipeline import ingest
from warwire.store import SQLiteStore


def test_pool_equals_single_process(tmp_path: Path, nlp: Any, gazetteer: Any) -> None:
    paths = generate_corpus(tmp_path / "corpus", 40)
    documents = [Document.create(p.read_text(encoding="utf-8")) for p in paths]
    annotator = SpacyAnnotator(nlp, geoparser=Geoparser(gazetteer, nlp), actors=True)
    single = [a for _, a in annotator.annotate(documents)]
    assert any(a.entities for a in single)
    with ProcessPoolAnnotator(2) as pool:
        pooled = list(pool.annotate(documents))
        assert [d.id for d, _ in pooled] == [d.id for d in documents]
        assert [a for _, a in pooled] == single

        with SQLiteStore(tmp_path / "pool.db") as store:
            summary = ingest([str(tmp_path / "corpus")], store=store, annotator=pool)
            assert summary.new == 40
            pooled_mentions = store.mentions()
    with SQLiteStore(tmp_path / "single.db") as store:
        ingest([str(tmp_path / "corpus")], store=store, annotator=annotator)
        assert store.mentions() == pooled_mentions


def test_pool_workers_annotate_the_whole_document(gazetteer: Any) -> None:
    """Workers rebuilt each document from its id, text and publication date only, so a claim
    whose focus comes from the report's title came out differently than in one process (bug
    found by the Ray engine's test on examples/)."""
    from warwire.ingest import ReadOptions, expand, read_source
    from warwire.nlp.parallel import make_annotator

    options = ReadOptions()
    examples = Path(__file__).resolve().parents[1] / "examples"
    (source,) = expand([str(examples / "euphrates_daily_archive.jsonl")], options)
    documents = read_source(source, options)
    assert all(d.title for d in documents)
    single = [a for _, a in make_annotator("", True, True).annotate(documents)]
    with ProcessPoolAnnotator(1) as pool:
        assert [a for _, a in pool.annotate(documents)] == single
