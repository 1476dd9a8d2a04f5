"""The main job end to end: read, skip what is stored, annotate, store; failures don't stop it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import warwire
from warwire.errors import StoreError
from warwire.nlp.pipeline import SpacyAnnotator
from warwire.pipeline import ingest
from warwire.store import open_store
from warwire.store.sql import SQLStore

GOOD = """Title: Fighting near Palmyra
Source: Test Wire
Published: 2015-05-22

Islamic State fighters entered Palmyra on Thursday, according to the Syrian Observatory.
Government forces withdrew towards Homs.
"""

FRENCH = """Title: Attaque au Mali
Source: Test Sahel
Published: 2015-11-21

Des hommes armés ont attaqué un hôtel de Bamako vendredi matin, selon les autorités maliennes.
Les forces spéciales sont intervenues dans la journée et ont libéré de nombreux otages.
"""


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_new_then_unchanged(tmp_path: Path, store: SQLStore, nlp: Any) -> None:
    report = _write(tmp_path, "a.txt", GOOD)
    first = ingest([str(report)], store=store, annotator=SpacyAnnotator(nlp))
    assert (first.new, first.unchanged, first.failed) == (1, 0, 0)
    second = ingest([str(report)], store=store, annotator=SpacyAnnotator(nlp))
    assert (second.new, second.unchanged, second.failed) == (0, 1, 0)
    assert store.count_documents() == 1


def test_mentions_point_into_the_stored_text(tmp_path: Path, store: SQLStore, nlp: Any) -> None:
    report = _write(tmp_path, "a.txt", GOOD)
    ingest([str(report)], store=store, annotator=SpacyAnnotator(nlp))
    (doc,) = store.documents()
    assert doc.title == "Fighting near Palmyra"
    assert doc.published == dt.date(2015, 5, 22)
    assert not doc.text.startswith("Title:")
    mentions = store.mentions(doc_id=doc.id)
    assert any(m.text == "Palmyra" for m in mentions)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    sentences = store.sentences(doc.id)
    assert len(sentences) == 2
    for m in mentions:
        s = sentences[m.sentence]
        assert s.start <= m.start < m.end <= s.end


def test_duplicates_within_one_run_are_stored_once(
    tmp_path: Path, store: SQLStore, nlp: Any
) -> None:
    _write(tmp_path, "a.txt", GOOD)
    _write(tmp_path, "b.txt", GOOD.replace("\n", "\r\n"))
    summary = ingest([str(tmp_path)], store=store, annotator=SpacyAnnotator(nlp))
    assert (summary.new, summary.unchanged) == (1, 1)


def test_non_english_is_stored_flagged_and_not_annotated(
    tmp_path: Path, store: SQLStore, nlp: Any
) -> None:
    _write(tmp_path, "fr.txt", FRENCH)
    summary = ingest([str(tmp_path)], store=store, annotator=SpacyAnnotator(nlp))
    assert summary.new == 1
    (outcome,) = summary.outcomes
    assert outcome.message is not None and "'fr'" in outcome.message
    (doc,) = store.documents()
    assert doc.language == "fr"
    pipeline, skipped = store.annotation_status(doc.id)
    assert pipeline == "none" and skipped is not None and "English only" in skipped
    assert store.mentions(doc_id=doc.id) == []


def test_failures_do_not_stop_the_others_or_touch_stored_data(
    tmp_path: Path, store: SQLStore, nlp: Any
) -> None:
    stored = _write(tmp_path, "stored.txt", GOOD)
    ingest([str(stored)], store=store, annotator=SpacyAnnotator(nlp))
    before = store.documents()
    good2 = _write(tmp_path, "fresh.txt", GOOD.replace("Thursday", "Friday"))
    empty = _write(tmp_path, "empty.txt", "")
    png = _write(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    summary = ingest(
        [str(empty), str(tmp_path / "missing.txt"), str(png), str(good2), str(stored)],
        store=store,
        annotator=SpacyAnnotator(nlp),
    )
    assert (summary.new, summary.unchanged, summary.failed) == (1, 1, 3)
    messages = [o.message or "" for o in summary.failures]
    assert any("empty.txt" in m for m in messages)
    assert any("missing.txt" in m for m in messages)
    assert any("pic.txt" in m for m in messages)
    after = {d.id: d for d in store.documents()}
    for doc in before:
        assert after[doc.id] == doc


def test_analyze_without_a_database(nlp: Any) -> None:
    result = warwire.analyze(
        "Iraqi forces entered Mosul on Thursday.", published=dt.date(2017, 7, 14), nlp=nlp
    )
    assert result.document.published == dt.date(2017, 7, 14)
    assert len(result.sentences) == 1
    assert any(m.text == "Mosul" and m.label == "GPE" for m in result.mentions)
    text = result.document.text
    assert all(text[m.start : m.end] == m.text for m in result.mentions)


def test_analyze_skips_other_languages(nlp: Any) -> None:
    result = warwire.analyze("Des combats à Gao.", language="fr", nlp=nlp)
    assert result.annotation.skipped is not None
    assert result.mentions == ()


def test_time_expressions_are_stored_anchored_to_the_publication_date(
    tmp_path: Path, store: SQLStore, nlp: Any
) -> None:
    report = _write(tmp_path, "a.txt", GOOD)
    ingest([str(report)], store=store, annotator=SpacyAnnotator(nlp))
    (thursday,) = [m for m in store.mentions(labels=["TIMEX"]) if m.text == "Thursday"]
    assert (thursday.value, thursday.resolution) == ("2015-05-21", "DATE")


def test_without_a_publication_date_relative_times_get_no_value(
    tmp_path: Path, store: SQLStore, nlp: Any
) -> None:
    undated = "\n".join(line for line in GOOD.splitlines() if not line.startswith("Published"))
    report = _write(tmp_path, "undated.txt", undated)
    ingest([str(report)], store=store, annotator=SpacyAnnotator(nlp))
    (thursday,) = [m for m in store.mentions(labels=["TIMEX"]) if m.text == "Thursday"]
    assert thursday.value is None


def _failing(backend: type[SQLStore]) -> type[SQLStore]:
    class Failing(backend):  # type: ignore[valid-type,misc]
        """Refuses the second report it is asked to store."""

        calls = 0

        def add_document(self, document: Any, annotation: Any) -> Any:
            self.calls += 1
            if self.calls == 2:
                raise StoreError("database is locked")
            return super().add_document(document, annotation)

    return Failing


def test_a_store_error_stops_ingest_after_the_reports_before_it(
    tmp_path: Path, database: str, nlp: Any
) -> None:
    """Regression: the background writer must hand its error to the caller, keep what was
    stored before it, and store nothing after it."""
    for n in range(4):
        (tmp_path / f"r{n}.txt").write_text(f"Report {n}: rebels shelled the town {n} times.\n")
    with open_store(database) as plain:
        backend = type(plain)
    with _failing(backend)(database) as failing:
        with pytest.raises(StoreError, match="locked"):
            ingest([str(tmp_path / "r*.txt")], store=failing, annotator=SpacyAnnotator(nlp))
        assert len(failing.documents()) == 1


def test_the_background_writer_records_outcomes_in_the_same_order(
    tmp_path: Path, new_databases: Callable[[], str], nlp: Any
) -> None:
    (tmp_path / "a.txt").write_text("Rebels shelled the town.\n")
    (tmp_path / "b.txt").write_text("Troops entered the city.\n")
    (tmp_path / "c.txt").write_text("Rebels shelled the town.\n")  # the same text as a.txt
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe\x00broken")
    with open_store(new_databases()) as plain:
        backend = type(plain)

    class OneThread(backend):  # type: ignore[valid-type,misc]
        thread_safe = False  # stores in the caller's thread, as before the background writer

    runs = []
    for kind in (backend, OneThread):
        with kind(new_databases()) as db:
            ingest([str(tmp_path / "a.txt")], store=db, annotator=SpacyAnnotator(nlp))
            summary = ingest([str(tmp_path / "*.txt")], store=db, annotator=SpacyAnnotator(nlp))
            runs.append([(Path(o.origin).name, o.status) for o in summary.outcomes])
    assert runs[0] == runs[1]
    statuses = dict(runs[0])
    assert (statuses["a.txt"], statuses["b.txt"], statuses["c.txt"]) == (
        "unchanged",
        "new",
        "unchanged",
    )
    assert "d.txt" in statuses
