"""``warwire export`` on a real database: GeoJSON valid by the schema in docs/, ACLED CSV by its
header and column types, FollowTheMoney by the followthemoney library, JSON lines parse."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warwire
from conftest import BACKENDS, new_database
from warwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
REPORT = """title: Strikes on Idlib
published: 2019-05-10
source: Test Wire

Russian warplanes struck Maarat al-Numan in Idlib province on Thursday, killing at least 12
civilians, according to the Syrian Observatory for Human Rights. Rebels shelled Hama.
"""


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report ingested into a database of each backend."""
    folder = tmp_path_factory.mktemp("export")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    path = new_database(request, folder)
    with warwire.open(path) as ws:
        assert ws.ingest([str(folder / "report.txt")]).new == 1
    return path


def _export(db: str, fmt: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_geojson_export_is_valid_by_its_schema(db: str) -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "geojson.schema.json").read_text(encoding="utf-8"))
    data = json.loads(_export(db, "geojson"))
    jsonschema.validate(data, schema)
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"place", "event"}


def test_acled_csv_has_the_header_and_column_types(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(db, "acled-csv"))))
    assert rows
    for row in rows:
        assert len(row) == 31
        dt.date.fromisoformat(row["event_date"])
        assert int(row["year"]) == int(row["event_date"][:4])
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["geo_precision"] in {"1", "2", "3"}
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert int(row["fatalities"]) >= 0
        assert int(row["inter1"]) in range(9) and int(row["inter2"]) in range(9)
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert strike["fatalities"] == "12"
    assert strike["iso"] == "760" and strike["country"] == "Syria"


def test_ftm_export_passes_the_followthemoney_library(db: str) -> None:
    from followthemoney import model

    lines = [json.loads(line) for line in _export(db, "ftm").splitlines()]
    assert {e["schema"] for e in lines} >= {"Event", "Article"}
    for entity in lines:
        cleaned = model.get_proxy(entity)
        for prop in entity["properties"]:
            assert cleaned.get(prop), (entity["schema"], prop)


def test_jsonl_export_has_every_kind_of_record(db: str) -> None:
    records = [json.loads(line) for line in _export(db, "jsonl").splitlines()]
    kinds = {r["record"] for r in records}
    assert kinds >= {"document", "entity", "event", "fused_event"}
