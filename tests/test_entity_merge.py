"""Persons and organisations across reports (warwire.fuse.entities): transliterations are one
entity, similar names are linked only when their reports share context, acronyms defined in
one report name the organisation in another, and re-fusing links nothing new."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

import warwire
from warwire.fuse.incremental import update_fusion

REPORTS = {
    "a_raqqa.txt": """title: Commander tours Raqqa front
published: 2017-05-02
source: Steppe Bulletin

Abu Muhammad al-Julani toured front lines north of Raqqa on Monday, aides said. Yasin Thabet
al-Karimi, a tribal mediator, met him in Raqqa. The Levant Monitoring Network (LMN) said the
front was quiet.
""",
    "b_raqqa.txt": """title: Talks near Raqqa
published: 2017-05-04
source: Jazira Times

Abu Mohammad al-Jolani met tribal elders near Raqqa on Wednesday. Yasin Tabet al-Karimi said
the talks in Raqqa would go on. LMN reported no clashes in the area.
""",
    "c_nairobi.txt": """title: Trader fined in Nairobi
published: 2017-05-05
source: Rift Valley Post

Yasin Tabat al-Karimi, a grain trader, told a court in Nairobi on Thursday that he had paid
his taxes.
""",
}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The three reports ingested one by one, into SQLite and into PostgreSQL."""
    folder = tmp_path_factory.mktemp("merge")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "merge.db")
    if request.param == "postgres":
        path = request.getfixturevalue("postgres_database")()
    with warwire.open(path) as ws:
        for name in REPORTS:
            assert ws.ingest([str(folder / name)]).new == 1
    return path


def _docs(ws: Any) -> dict[str, str]:
    return {d.source: d.id for d in ws.docs()}


def _links(ws: Any) -> list[tuple[Any, ...]]:
    with ws.store.transaction() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                "SELECT entity_id, canonical_id, reason FROM entity_links ORDER BY entity_id"
            )
        ]


def test_transliterations_are_one_person_with_every_alias_and_its_report(db: str) -> None:
    with warwire.open(db) as ws:
        docs = _docs(ws)
        (julani,) = ws.lookup("Abu Muhammad al-Julani")
        assert ws.lookup("Abu Mohammad al-Jolani") == [julani]
        uses = {u.alias: u.doc_ids for u in ws.alias_uses(julani)}
    assert uses == {
        "Abu Muhammad al-Julani": (docs["Steppe Bulletin"],),
        "Abu Mohammad al-Jolani": (docs["Jazira Times"],),
    }


def test_a_surname_alone_finds_the_person(db: str) -> None:
    with warwire.open(db) as ws:
        assert ws.lookup("Jolani") == ws.lookup("Abu Mohammad al-Jolani")
        (person,) = ws.subjects("Julani")
    assert person.kind == "person"


def test_similar_names_sharing_a_place_are_linked(db: str) -> None:
    with warwire.open(db) as ws:
        docs = _docs(ws)
        (thabet,) = ws.lookup("Yasin Thabet al-Karimi")
        assert ws.lookup("Yasin Tabet al-Karimi") == [thabet]
        uses = {u.alias: u.doc_ids for u in ws.alias_uses(thabet)}
    assert uses["Yasin Thabet al-Karimi"] == (docs["Steppe Bulletin"],)
    assert uses["Yasin Tabet al-Karimi"] == (docs["Jazira Times"],)


def test_similar_names_without_shared_context_stay_apart(db: str) -> None:
    with warwire.open(db) as ws:
        (trader,) = ws.lookup("Yasin Tabat al-Karimi")
        assert trader not in ws.lookup("Yasin Tabet al-Karimi")
        assert {u.alias for u in ws.alias_uses(trader)} == {"Yasin Tabat al-Karimi"}


def test_an_acronym_defined_in_one_report_names_the_organisation_in_another(db: str) -> None:
    with warwire.open(db) as ws:
        docs = _docs(ws)
        (network,) = ws.lookup("Levant Monitoring Network")
        assert ws.lookup("LMN", kind="organisation") == [network]
        uses = {u.alias: set(u.doc_ids) for u in ws.alias_uses(network)}
    assert uses["LMN"] == {docs["Steppe Bulletin"], docs["Jazira Times"]}


def test_refusing_links_nothing_new_and_a_rebuild_links_the_same(db: str) -> None:
    with warwire.open(db) as ws:
        before = _links(ws)
        assert before
        for doc_id in _docs(ws).values():
            assert update_fusion(ws.store, doc_id).links == ()
        assert _links(ws) == before
        ws.rebuild_fusion()
        assert _links(ws) == before


def test_dossier_of_a_person_by_surname(db: str) -> None:
    from warwire.cli import app

    result = CliRunner().invoke(app, ["dossier", "Jolani", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"kind": "person"' in result.stdout
    assert "Abu Muhammad al-Julani" in result.stdout
    assert "Abu Mohammad al-Jolani" in result.stdout


def test_examples_jolani_is_one_entity_with_both_reports(examples_database: str) -> None:
    with warwire.open(examples_database) as ws:
        (person,) = ws.subjects("Jolani")
        docs = {d.id: d.source for d in ws.docs()}
        uses = ws.alias_uses(person.id)
        dossier = ws.dossier(person.id)
    assert person.kind == "person"
    sources = {docs[d] for use in uses for d in use.doc_ids}
    assert {"Orontes Observer", "Euphrates Daily"} <= sources
    assert "Abu Mohammad al-Jolani" in dossier.subject.aliases
    assert {"Orontes Observer", "Euphrates Daily"} <= {d.source for d in dossier.documents}
