"""Events and claims stored with their report and listed by ``warwire events`` / ``claims``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warwire
from conftest import BACKENDS, new_database
from warwire.cli import app
from warwire.errors import NotFoundError

REPORT = """title: Fighting around Manbij
published: 2016-06-02
source: Test Wire

Kurdish-led fighters of the Syrian Democratic Forces captured the village of Abu Qalqal near
Manbij on Tuesday, a monitoring group said.

Russian warplanes struck the town of Maarat al-Numan in Idlib province on Wednesday, killing
at least 12 civilians, according to the Syrian Observatory for Human Rights.

Manbij, a city of about 100,000 people, has been held by the Islamic State since January 2014.
"""


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report ingested into a database of each backend."""
    folder = tmp_path_factory.mktemp("events")
    report = folder / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    path = new_database(request, folder)
    with warwire.open(path) as ws:
        summary = ws.ingest([str(report)])
        assert summary.new == 1
    return path


def test_events_are_stored_and_filtered(db: str) -> None:
    with warwire.open(db) as ws:
        found = ws.events()
        assert {e.sub_event_type for e in found} >= {
            "Non-state actor overtakes territory",
            "Air/drone strike",
        }
        strikes = ws.events(type="Explosions/Remote violence")
        assert [e.sub_event_type for e in strikes] == ["Air/drone strike"]
        assert strikes[0].fatalities_low == 12
        assert strikes[0].date is not None and strikes[0].date.value == "2016-06-01"
        assert ws.events(date_from=dt.date(2016, 6, 2)) == []
        assert len(ws.events(date_from=dt.date(2016, 5, 31), date_to=dt.date(2016, 6, 1))) == 2
        claims = ws.claims(subject="Manbij")
        assert {c.attribute for c in claims} >= {"population", "controlled_by", "control_since"}
        by_actor = ws.events(actor="Syrian Democratic Forces")
        assert [e.sub_event_type for e in by_actor] == ["Non-state actor overtakes territory"]
        with pytest.raises(NotFoundError):
            ws.events(actor="No Such Brigade")


def test_events_are_paged_by_the_database(db: str) -> None:
    """Regression: pages were cut from ``offset + limit`` rows read in full (the web API's deep
    pages cost a read of every row before them)."""
    with warwire.open(db) as ws:
        every = ws.events()
        assert len(every) >= 2
        assert ws.events(limit=1, offset=1) == every[1:2]
        assert ws.events(offset=1) == every[1:]
        assert ws.events(limit=5, offset=len(every)) == []


def test_reingesting_keeps_one_copy_of_each_event(db: str, tmp_path: Path) -> None:
    report = tmp_path / "again.txt"
    report.write_text(REPORT, encoding="utf-8")
    with warwire.open(db) as ws:
        before = len(ws.events())
        assert ws.ingest([str(report)]).unchanged == 1
        assert len(ws.events()) == before


def test_events_command_prints_the_documented_json_keys(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    for key in (
        "event_type",
        "sub_event_type",
        "date",
        "location",
        "actor1",
        "actor2",
        "fatalities",
        "hedged",
        "negated",
        "historical",
        "attributed_to",
        "quote",
        "doc_id",
        "start",
        "end",
    ):
        assert key in strike, key
    assert strike["date"] == {
        "value": "2016-06-01",
        "precision": "day",
        "end": None,
        "anchor": "2016-06-02",
        "time_precision": 1,
    }
    assert strike["actor1"]["name"] == "Military Forces of Russia"
    assert strike["actor1"]["actor_type"] == 1
    assert strike["location"]["geonames_id"] is not None
    assert "Syrian Observatory" in strike["attributed_to"]
    assert strike["quote"].startswith("Russian warplanes struck")
    assert REPORT.count(strike["quote"].split("\n")[0]) == 1


def test_events_command_table_and_unknown_place(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--db", db])
    assert result.exit_code == 0, result.output
    assert "sub-eve" in result.stdout
    assert "event(s)" in result.stderr
    missing = CliRunner().invoke(app, ["events", "--db", db, "--place", "Atlantis"])
    assert missing.exit_code == 1
    assert "no place called 'Atlantis'" in missing.stderr


def test_claims_command_lists_claims_as_json(db: str) -> None:
    result = CliRunner().invoke(
        app, ["claims", "--db", db, "--subject", "Manbij", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    for row in rows:
        for key in ("subject", "attribute", "value", "unit", "qualifier", "quote", "doc_id"):
            assert key in row
    by_attribute = {row["attribute"]: row for row in rows}
    assert by_attribute["population"]["value"] == 100000
    assert by_attribute["population"]["qualifier"] == "approx"
    assert by_attribute["controlled_by"]["value"]["name"] == "Islamic State"
    assert by_attribute["control_since"]["value"] == "2014-01"
    assert by_attribute["control_since"]["precision"] == "month"
    assert by_attribute["population"]["quote"].startswith("Manbij, a city")
