"""The SQLite store: migrations, idempotent and atomic writes, lookups, clear errors."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from warwire.errors import NotFoundError, StoreError
from warwire.models import Annotation, Document, Mention, Page, Sentence
from warwire.store import SQLiteStore, open_store
from warwire.store.schema import MIGRATIONS


def _doc(text: str = "Government forces entered Palmyra on Thursday.") -> Document:
    return Document.create(
        text,
        title="Palmyra",
        source="Levant Wire",
        published=dt.date(2015, 5, 22),
        language="en",
        format="txt",
        pages=(Page(1, 0, 10),),
    )


def _annotation(doc: Document) -> Annotation:
    sent = Sentence(doc.id, 0, 0, len(doc.text), doc.text)
    mention = Mention(doc.id, 26, 33, doc.text[26:33], "GPE", 0, "test")
    return Annotation(doc.id, (sent,), (mention,), "test-1")


def test_migrations_are_recorded_in_order(store: SQLiteStore) -> None:
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert [m.name for m in MIGRATIONS] == sorted(m.name for m in MIGRATIONS)


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    SQLiteStore(path).close()
    with SQLiteStore(path) as again:
        assert again.applied_migrations() == [m.name for m in MIGRATIONS]


def test_wal_and_foreign_keys(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as s:
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_add_then_unchanged(store: SQLiteStore) -> None:
    doc = _doc()
    assert store.add_document(doc, _annotation(doc)) == "new"
    assert store.add_document(doc, _annotation(doc)) == "unchanged"
    assert store.count_documents() == 1
    assert len(store.mentions()) == 1


def test_round_trip(store: SQLiteStore) -> None:
    doc = _doc()
    store.add_document(doc, _annotation(doc))
    back = store.get_document(doc.id[:8])
    assert back.text == doc.text
    assert back.published == dt.date(2015, 5, 22)
    assert back.pages == doc.pages
    assert back.ingested_at is not None
    (mention,) = store.mentions(doc_id=doc.id, labels=["gpe"])
    assert back.text[mention.start : mention.end] == "Palmyra"
    (sentence,) = store.sentences(doc.id)
    assert sentence.text == doc.text


def test_a_failing_write_leaves_nothing_behind(store: SQLiteStore) -> None:
    doc = _doc()
    good = _annotation(doc)
    duplicated = Annotation(doc.id, good.sentences, good.mentions * 2, "test-1")
    with pytest.raises(StoreError, match="cannot store document"):
        store.add_document(doc, duplicated)
    assert store.count_documents() == 0
    assert store._conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
    assert store.add_document(doc, good) == "new"


def test_annotation_of_another_document_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(StoreError):
        store.add_document(_doc(), _annotation(_doc("Another text.")))


def test_lookups_name_the_problem(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError, match="no document"):
        store.get_document("abcdef")
    with pytest.raises(NotFoundError, match="too short"):
        store.get_document("ab")
    a, b = _doc("First report."), _doc("Second report.")
    store.add_document(a, Annotation(a.id))
    store.add_document(b, Annotation(b.id))
    common = ""
    for x, y in zip(a.id, b.id, strict=True):
        if x != y:
            break
        common += x
    if len(common) >= 4:
        with pytest.raises(NotFoundError, match="ambiguous"):
            store.get_document(common)


def test_documents_newest_first(store: SQLiteStore) -> None:
    old = Document.create("Old.", published=dt.date(2001, 1, 1))
    new = Document.create("New.", published=dt.date(2020, 1, 1))
    undated = Document.create("Undated.")
    for d in (old, undated, new):
        store.add_document(d, Annotation(d.id))
    assert [d.text for d in store.documents()] == ["New.", "Old.", "Undated."]
    assert [d.text for d in store.documents(limit=1, offset=1)] == ["Old."]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "nope" / "w.db")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        SQLiteStore(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_open_store_urls(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    s.close()
    assert (tmp_path / "u.db").exists()


def test_sqlite_file_is_shared_between_connections(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with SQLiteStore(path) as s:
        doc = _doc()
        s.add_document(doc, _annotation(doc))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
    conn.close()
