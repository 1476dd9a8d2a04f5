"""The fusion layer kept up to date at ingest: independent sources corroborate, a republished
copy does not, control claims contradict, and the same event from two reports is fused."""

from __future__ import annotations

import pytest

import warwire

REPORTS = {
    "wire.txt": """title: Militants hold Tabqa
published: 2016-06-02
source: Levant Wire

Islamic State fighters captured Tabqa in May 2015, residents said. The group has over 2,000
fighters in the town, a local official said.

A car bomb killed 12 people in Raqqa on Wednesday, the monitoring group said.
""",
    "gazette.txt": """title: Tabqa under siege
published: 2016-06-03
source: Euphrates Gazette

Tabqa has been held by the Islamic State since July 2015. The Islamic State has about 2,300
fighters in Tabqa, according to activists.

A car bomb killed at least 14 people in Raqqa on Wednesday, hospital sources said.
""",
    "copy.txt": """title: Militants hold Tabqa (republished)
published: 2016-06-02
source: Daily Mirrorwire

Islamic State fighters captured Tabqa in May 2015, residents said. The group has over 2,000
fighters in the town, a local official said.

A car bomb killed 12 people in Raqqa on Wednesday, the monitoring group said.

(Wire copy.)
""",
}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The three reports ingested one by one, into SQLite and into PostgreSQL."""
    folder = tmp_path_factory.mktemp("fusion")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "fusion.db")
    if request.param == "postgres":
        path = request.getfixturevalue("postgres_database")()
    with warwire.open(path) as ws:
        assert ws.ingest([str(folder / "wire.txt")]).new == 1
        assert ws.ingest([str(folder / "copy.txt")]).new == 1
        assert ws.ingest([str(folder / "gazette.txt")]).new == 1
    return path


def _by_attribute(db: str, subject: str) -> dict[str, warwire.models.Assessment]:
    with warwire.open(db) as ws:
        return {a.attribute: a for a in ws.assessments(subject)}


def test_two_outlets_agreeing_within_their_qualifiers_corroborate(db: str) -> None:
    fighters = _by_attribute(db, "Islamic State")["fighters"]
    assert fighters.status == "corroborated"
    assert fighters.sources == 2  # the republished copy counts once with its original


def test_captured_in_may_against_held_since_july_contradict(db: str) -> None:
    tabqa = _by_attribute(db, "Tabqa")
    assert tabqa["control_since"].status == "contradicted"
    assert tabqa["control_since"].reason
    assert tabqa["captured_on"].status == "contradicted"


def test_the_same_bombing_from_two_reports_is_one_fused_event(db: str) -> None:
    with warwire.open(db) as ws:
        fused = [
            f
            for f in ws.fused_events(place="Raqqa")
            if f.sub_event_type == "Remote explosive/landmine/IED"
        ]
    assert len(fused) == 1
    (bombing,) = fused
    assert len(bombing.doc_ids) == 3
    assert bombing.fatalities == 12  # ACLED: the most conservative figure
    assert bombing.fatalities_high == 14
    assert bombing.disputed


def test_rebuilding_gives_the_same_assessments(db: str) -> None:
    before = _by_attribute(db, "Tabqa")
    with warwire.open(db) as ws:
        ws.rebuild_fusion()
    after = _by_attribute(db, "Tabqa")
    assert {k: v.status for k, v in before.items()} == {k: v.status for k, v in after.items()}


def test_replaying_a_report_changes_nothing(db: str) -> None:
    from warwire.fuse.incremental import update_fusion

    with warwire.open(db) as ws:
        before = [(f.id, f.event_ids) for f in ws.fused_events()]
        statuses = {(a.subject, a.attribute): a.status for a in ws.assessments()}
        for doc in ws.docs():
            update_fusion(ws.store, doc.id)
        assert [(f.id, f.event_ids) for f in ws.fused_events()] == before
        assert {(a.subject, a.attribute): a.status for a in ws.assessments()} == statuses
