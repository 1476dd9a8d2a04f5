"""The stores, SQLite and PostgreSQL alike: migrations, idempotent and atomic writes, lookups,
clear errors (each test taking ``store`` or ``database`` runs on both backends). Those named
``test_sqlite_*`` are SQLite's own (a file, its pragmas, ``sqlite:///`` URLs) and run on it
only; PostgreSQL's own are in test_store_postgres.py."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from warwire.errors import NotFoundError, StoreError
from warwire.models import Annotation, Document, Mention, Page, Sentence
from warwire.store import SQLiteStore, open_store
from warwire.store.schema import MIGRATIONS
from warwire.store.sql import SQLStore


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


def test_migrations_are_recorded_in_order(store: SQLStore) -> None:
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert [m.name for m in MIGRATIONS] == sorted(m.name for m in MIGRATIONS)


def test_reopening_applies_nothing_twice(database: str) -> None:
    open_store(database).close()
    with open_store(database) as again:
        assert again.applied_migrations() == [m.name for m in MIGRATIONS]


def test_sqlite_wal_and_foreign_keys(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as s:
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_add_then_unchanged(store: SQLStore) -> None:
    doc = _doc()
    assert store.add_document(doc, _annotation(doc)) == "new"
    assert store.add_document(doc, _annotation(doc)) == "unchanged"
    assert store.count_documents() == 1
    assert len(store.mentions()) == 1


def test_round_trip(store: SQLStore) -> None:
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


def test_a_failing_write_leaves_nothing_behind(store: SQLStore) -> None:
    doc = _doc()
    good = _annotation(doc)
    duplicated = Annotation(doc.id, good.sentences, good.mentions * 2, "test-1")
    with pytest.raises(StoreError, match="cannot store document"):
        store.add_document(doc, duplicated)
    assert store.count_documents() == 0
    assert store._conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
    assert store.add_document(doc, good) == "new"


def test_annotation_of_another_document_is_refused(store: SQLStore) -> None:
    with pytest.raises(StoreError):
        store.add_document(_doc(), _annotation(_doc("Another text.")))


def test_lookups_name_the_problem(store: SQLStore) -> None:
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


def test_documents_newest_first(store: SQLStore) -> None:
    old = Document.create("Old.", published=dt.date(2001, 1, 1))
    new = Document.create("New.", published=dt.date(2020, 1, 1))
    undated = Document.create("Undated.")
    for d in (old, undated, new):
        store.add_document(d, Annotation(d.id))
    assert [d.text for d in store.documents()] == ["New.", "Old.", "Undated."]
    assert [d.text for d in store.documents(limit=1, offset=1)] == ["Old."]


def test_sqlite_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "nope" / "w.db")


def test_sqlite_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        SQLiteStore(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_sqlite_open_store_urls(tmp_path: Path) -> None:
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


def test_search_means_the_same_on_both_backends(store: SQLStore) -> None:
    """Every word required, the last one's prefix with ``*``, case and diacritics ignored, no
    stemming; names and aliases found by entity; the snippet marks what matched."""
    from warwire.models import Entity

    text = "Fighters shelled Ḥomṣ and the café district on Monday."
    doc = Document.create(text, title="Siege of Homs", source="Levant Wire")
    place = Entity("place-homs", "place", "Homs", lat=34.73, lon=36.71)
    mention = Mention(doc.id, 17, 21, "Ḥomṣ", "GPE", 0, "test", place.id)
    sentence = Sentence(doc.id, 0, 0, len(text), text)
    store.add_document(doc, Annotation(doc.id, (sentence,), (mention,), "t", entities=(place,)))
    other = Document.create("Nothing happened in Aleppo.", title="Quiet")
    store.add_document(other, Annotation(other.id))

    def docs(match: str) -> list[str]:
        return [doc_id for doc_id, _ in store.search_documents(match, limit=10)]

    assert docs('"homs"') == [doc.id]  # title and text, diacritics dropped
    assert docs('"CAFE" "district"') == [doc.id]
    assert docs('"shell"') == []  # no stemming
    assert docs('"shell"*') == [doc.id]
    assert docs('"homs" "aleppo"') == []
    assert docs('"aleppo"') == [other.id]
    ((_, snippet),) = store.search_documents('"cafe"', limit=10)
    assert "\x02café\x03" in snippet
    assert store.search_documents('"homs"', limit=10, offset=1) == []
    assert store.search_entities('"homs"', limit=5) == [place.id]  # name and alias: once
    assert store.search_entities('"ḥo"*', limit=5) == [place.id]
    assert store.search_entities('"aleppo"', limit=5) == []


def test_search_cuts_words_at_punctuation_on_both_backends(store: SQLStore) -> None:
    """PostgreSQL's text-search parser dropped the words of XML tags and kept e-mail addresses,
    URLs, decimals and "T-72" as tokens of their own: "script", "kyiv" or "72" found nothing
    there, as FTS5 finds them (bug found running the web security tests on PostgreSQL)."""
    from warwire.models import Entity

    text = (
        "A <script>alert(2)</script> tag, mail desk@levant.example, see"
        " https://kyiv-ledger.example/war/2022 on T-72 tanks: 3.5 km from U.S. lines."
    )
    doc = Document.create(text, title="Odd:title<b>", source="Wire")
    brigade = Entity("actor-t72", "actor", "T-72 Brigade")
    store.add_document(doc, Annotation(doc.id, entities=(brigade,)))

    def found(*words: str) -> bool:
        match = " ".join(f'"{w}"' for w in words)
        return [doc_id for doc_id, _ in store.search_documents(match, limit=5)] == [doc.id]

    for words in (
        ("script", "alert"), ("levant", "example"), ("kyiv", "ledger", "war", "2022"),
        ("72",), ("3", "5"), ("u", "s"), ("odd", "title", "b"), ("T-72",), ("kyiv-ledger",),
    ):  # fmt: skip
        assert found(*words), words
    assert not found("ledger-kyiv")  # a word of parts is a phrase, in its order
    assert store.search_entities('"72"', limit=5) == [brigade.id]


def test_nul_characters_are_stored_and_looked_up_on_both_backends(store: SQLStore) -> None:
    """PostgreSQL refused a title or a source with a NUL character, and a lookup with one
    ("text fields cannot contain NUL"): a 500 from the web API. They are dropped there."""
    doc = Document.create("Rebels shelled the town.", title="Ti\x00tle", source="Wi\x00re")
    assert store.add_document(doc, Annotation(doc.id)) == "new"
    stored = store.get_document(doc.id)
    assert (stored.title or "").replace("\x00", "") == "Title"
    assert store.find_entities("Pal\x00myra") == []


def test_an_alias_enters_the_name_search_once_whoever_uses_it(store: SQLStore) -> None:
    """Many reports naming a place by the same alias give one search entry; a new alias still
    enters. (The SQLite trigger counted every earlier use of the alias on each insert, so
    storing slowed as reports accumulated.)"""
    from warwire.models import Entity

    place = Entity("place-raqqa", "place", "Raqqa", lat=35.95, lon=39.01)
    for i, alias in enumerate(["Rakka", "Rakka", "Rakka", "Ar-Raqqah"]):
        text = f"Report {i}: shelling near {alias} on Monday."
        doc = Document.create(text)
        start = text.index(alias)
        mention = Mention(doc.id, start, start + len(alias), alias, "GPE", 0, "test", place.id)
        sentence = Sentence(doc.id, 0, 0, len(text), text)
        annotation = Annotation(doc.id, (sentence,), (mention,), "t", entities=(place,))
        store.add_document(doc, annotation)
    assert store.search_entities('"rakka"', limit=5) == [place.id]
    assert store.search_entities('"ar" "raqqah"', limit=5) == [place.id]
    assert sorted(store.aliases(place.id)) == ["Ar-Raqqah", "Rakka"]
    if isinstance(store, SQLiteStore):
        rows = store._conn.execute(
            "SELECT name FROM names_fts WHERE entity_id = ? ORDER BY name", (place.id,)
        ).fetchall()
        assert rows == [("Ar-Raqqah",), ("Rakka",), ("Raqqa",)]


def test_sqlite_storing_an_alias_does_not_read_its_earlier_uses(tmp_path: Path) -> None:
    """SQLite only (its FTS5 trigger; PostgreSQL's names_search needs no look): the work of
    storing one more use of an alias is the same after 5 earlier uses as after 400."""
    with SQLiteStore(tmp_path / "w.db") as store:
        conn = store._conn
        conn.execute("INSERT INTO entities (id, kind, name) VALUES ('e', 'place', 'Raqqa')")

        def use(n: int) -> None:
            conn.execute(
                "INSERT INTO documents (id, text, n_chars, ingested_at, pipeline)"
                " VALUES (?, 'x', 1, '2016-01-01', 't')",
                (f"d{n}",),
            )
            conn.execute(
                "INSERT INTO entity_aliases (entity_id, alias, doc_id) VALUES ('e', 'Rakka', ?)",
                (f"d{n}",),
            )

        def steps(n: int) -> int:
            count = [0]

            def tick() -> int:
                count[0] += 1
                return 0

            conn.set_progress_handler(tick, 1)
            use(n)
            conn.set_progress_handler(None, 1)
            return count[0]

        for n in range(5):
            use(n)
        early = steps(5)
        for n in range(6, 400):
            use(n)
        late = steps(400)
        assert late < early * 1.5, (early, late)
