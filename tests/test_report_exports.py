"""warwire.report.exports: ACLED CSV, GeoJSON, JSON lines and FollowTheMoney, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from report_fixtures import (
    AP,
    ARMY,
    CIVILIANS,
    DOCUMENTS,
    EVENTS,
    FALLUJA,
    HOSTILE_PLACE,
    ISIS,
    NOWHERE,
    RAMADI,
    REUTERS,
    event,
)
from warwire.report import (
    ACLED_COLUMNS,
    EventView,
    write_acled_csv,
    write_ftm,
    write_geojson,
    write_jsonl,
)
from warwire.report.acled import acled_event_id, disorder_type, interaction
from warwire.report.dossier_json import event_to_dict

DESIGN_COLUMNS = (  # shared/DESIGN.md, copied by hand
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def acled_rows(events: list[EventView]) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO()
    assert write_acled_csv(events, out, timestamp=1_700_000_000) == len(events)
    out.seek(0)
    reader = csv.DictReader(out)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


# --- ACLED CSV ------------------------------------------------------------------------------


def test_acled_header_is_the_31_design_columns() -> None:
    header, rows = acled_rows(list(EVENTS))
    assert header == list(ACLED_COLUMNS) == list(DESIGN_COLUMNS)
    assert len(header) == 31
    assert len(rows) == len(EVENTS)


def test_acled_row_values() -> None:
    _, rows = acled_rows(list(EVENTS))
    first = rows[0]
    assert first["event_date"] == "2014-06-12" and first["year"] == "2014"
    assert first["time_precision"] == "1"
    assert first["disorder_type"] == "Political violence"
    assert (first["actor1"], first["inter1"], first["actor2"], first["inter2"]) == (
        "Military Forces of Iraq",
        "1",
        "Islamic State",
        "2",
    )
    assert first["interaction"] == "12"
    assert first["iso"] == "368" and first["country"] == "Iraq" and first["region"] == "Middle East"
    assert first["event_id_cnty"].startswith("IRQ") and first["event_id_cnty"][3:].isdigit()
    assert (first["location"], first["admin1"]) == ("Falluja", "Al Anbar")
    assert (float(first["latitude"]), float(first["longitude"])) == (33.35, 43.78)
    assert first["source"] == "Reuters; AP"
    assert first["fatalities"] == "12"  # the conservative figure; the dispute goes to notes
    assert "AP says 20." in first["notes"] and REUTERS.quote in first["notes"]
    assert first["timestamp"] == "1700000000"
    assert first["admin2"] == first["admin3"] == first["tags"] == first["source_scale"] == ""


def test_acled_vague_dates_coded_to_their_middle() -> None:
    _, rows = acled_rows(list(EVENTS))
    month, week, year, undated = rows[1], rows[2], rows[3], rows[4]
    assert (month["event_date"], month["time_precision"]) == ("2014-06-15", "3")
    assert (week["event_date"], week["time_precision"]) == ("2014-07-24", "2")
    assert (year["event_date"], year["year"], year["time_precision"]) == ("2013-07-02", "2013", "3")
    assert undated["event_date"] == "" and undated["fatalities"] == "0"


def test_acled_civilian_targeting_and_sole_actor() -> None:
    _, rows = acled_rows(list(EVENTS))
    bomb = rows[2]
    assert bomb["civilian_targeting"] == "Civilian targeting"
    assert bomb["interaction"] == "27"
    sole = rows[3]
    assert (sole["actor2"], sole["inter2"], sole["interaction"]) == ("", "0", "10")
    assert sole["civilian_targeting"] == ""


def test_acled_csv_quotes_hostile_text() -> None:
    _, rows = acled_rows(list(EVENTS))
    assert rows[3]["location"] == HOSTILE_PLACE.name  # commas, quotes and markup survive
    assert len(rows) == len(EVENTS) and all(len(r) == 31 for r in rows)


def test_acled_unknown_country() -> None:
    _, rows = acled_rows([event("u", location=NOWHERE)])
    assert rows[0]["event_id_cnty"].startswith("XXX")
    assert rows[0]["iso"] == rows[0]["country"] == rows[0]["region"] == ""


def test_acled_country_names_are_pluggable() -> None:
    out = io.StringIO()
    write_acled_csv([EVENTS[0]], out, country_names=lambda code: f"name of {code}", timestamp=0)
    assert "name of IQ" in out.getvalue()


def test_acled_streams_row_by_row() -> None:
    """A row is written before the next event is asked for: nothing is held back."""
    out = io.StringIO()

    def events() -> Iterator[EventView]:
        for i in range(5):
            assert out.getvalue().count("\n") == 1 + i  # the header, then one line a row
            yield event(f"stream-{i}")

    assert write_acled_csv(events(), out, timestamp=0) == 5
    assert out.getvalue().count("\n") == 6


def test_acled_ids_are_stable_and_distinct() -> None:
    ids = {acled_event_id(e) for e in EVENTS}
    assert len(ids) == len(EVENTS)
    assert acled_event_id(EVENTS[0]) == acled_event_id(EVENTS[0])


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Agreement", "Strategic developments"),
        ("Unknown", "", ""),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_interaction_lowest_first() -> None:
    assert interaction(7, 1) == interaction(1, 7) == 17
    assert interaction(3, 0) == interaction(3, None) == 30
    assert interaction(None, 2) == ""


# --- GeoJSON --------------------------------------------------------------------------------


def test_geojson_points_are_lon_lat() -> None:
    out = io.StringIO()
    count = write_geojson([FALLUJA, RAMADI, NOWHERE], EVENTS, out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == count == 2 + 4  # unlocated place and event left out
    falluja = data["features"][0]
    assert falluja["geometry"] == {"type": "Point", "coordinates": [43.78, 33.35]}
    assert falluja["properties"]["kind"] == "place"
    assert falluja["properties"]["geonames_id"] == FALLUJA.geonames_id
    events = [f for f in data["features"] if f["properties"]["kind"] == "event"]
    assert events[0]["properties"]["actor1"] == ARMY.name
    assert events[0]["properties"]["sources"][1]["quote"] == AP.quote
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and lat < lon  # Iraq: lon > lat


def test_geojson_unlocated_on_request() -> None:
    out = io.StringIO()
    write_geojson([NOWHERE], [], out, include_unlocated=True)
    assert json.loads(out.getvalue())["features"][0]["geometry"] is None


def test_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    assert write_geojson([], [], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_geojson_streams_from_generators() -> None:
    out = io.StringIO()
    seen: list[int] = []

    def places() -> Iterator[Any]:
        for _ in range(3):
            seen.append(out.getvalue().count('"Feature"'))
            yield FALLUJA

    write_geojson(places(), iter(()), out)
    assert seen == [0, 1, 2]


# --- JSON lines -----------------------------------------------------------------------------


def test_jsonl_one_record_a_line() -> None:
    out = io.StringIO()
    records = ({"type": "event", **event_to_dict(e)} for e in EVENTS)
    assert write_jsonl(records, out) == len(EVENTS)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e.id for e in EVENTS]


def test_jsonl_plain_values() -> None:
    out = io.StringIO()
    write_jsonl([{"day": dt.date(2014, 6, 12), "place": FALLUJA, "name": "Ḥalab"}], out)
    record = json.loads(out.getvalue())
    assert record["day"] == "2014-06-12" and record["place"]["name"] == "Falluja"
    assert "Ḥalab" in out.getvalue()


# --- FollowTheMoney -------------------------------------------------------------------------

FTM_PROPERTIES = {
    # property names of FollowTheMoney 4.x schemata (followthemoney/schema/*.yaml)
    "Article": {"name", "title", "publisher", "publishedAt", "sourceUrl"},
    "Address": {"name", "full", "latitude", "longitude", "country", "region", "sourceUrl"},
    "Organization": {"name", "alias", "country", "classification"},
    "Event": {
        "name",
        "description",
        "summary",
        "keywords",
        "location",
        "addressEntity",
        "country",
        "involved",
        "proof",
        "date",
        "startDate",
        "endDate",
    },
    "Documentation": {"document", "entity", "role", "summary", "date"},
}
FTM_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$")


def ftm_entities() -> list[dict[str, Any]]:
    out = io.StringIO()
    count = write_ftm(
        out,
        documents=DOCUMENTS,
        places=[FALLUJA, RAMADI],
        actors=[ISIS, ARMY],
        events=EVENTS,
    )
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(entities) == count
    return entities


def test_ftm_entities_have_valid_shape() -> None:
    entities = ftm_entities()
    for entity in entities:
        assert set(entity) == {"id", "schema", "properties"}
        assert FTM_ID.match(entity["id"]), entity["id"]
        assert set(entity["properties"]) <= FTM_PROPERTIES[entity["schema"]], entity
        for values in entity["properties"].values():
            assert values and all(isinstance(v, str) for v in values)
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids))


def test_ftm_references_resolve() -> None:
    entities = ftm_entities()
    by_id = {e["id"]: e for e in entities}
    refs = {"addressEntity", "involved", "proof", "document", "entity"}
    for entity in entities:
        for prop, values in entity["properties"].items():
            if prop in refs:
                assert all(v in by_id for v in values), (entity["id"], prop)
    schemata = [e["schema"] for e in entities]
    assert schemata.count("Event") == len(EVENTS)
    assert schemata.count("Documentation") == sum(len(e.sources) for e in EVENTS)
    urls = [v for e in entities for v in e["properties"].get("sourceUrl", [])]
    assert urls and all(u.startswith("https://") for u in urls)  # never "javascript:"
    civilians = [e for e in entities if e["properties"].get("name") == [CIVILIANS.name]]
    assert civilians[0]["properties"]["classification"] == ["ACLED inter 7: civilians"]


def test_ftm_event_properties() -> None:
    entities = ftm_entities()
    events = {e["id"]: e["properties"] for e in entities if e["schema"] == "Event"}
    first = events["ww-event-ev-1"]
    assert first["date"] == ["2014-06-12"]
    assert first["country"] == ["iq"]
    assert first["involved"] == ["ww-actor-actor-army", "ww-actor-actor-isis"]
    assert "fatalities 12 to 20 (disputed)" in first["description"][0]
    week = events["ww-event-ev-3"]
    assert (week["startDate"], week["endDate"]) == (["2014-07-21"], ["2014-07-27"])
    quotes = [
        e["properties"]["summary"][0]
        for e in entities
        if e["schema"] == "Documentation" and e["properties"]["entity"] == ["ww-event-ev-1"]
    ]
    assert quotes == [REUTERS.quote, AP.quote]


def test_ftm_entities_pass_the_followthemoney_library() -> None:
    from followthemoney import model

    for entity in ftm_entities():
        proxy = model.get_proxy(entity, cleaned=False)
        cleaned = model.get_proxy(entity)  # cleaning drops values the schema rejects
        for prop, values in entity["properties"].items():
            assert proxy.schema.get(prop) is not None, (entity["schema"], prop)
            assert cleaned.get(prop), (entity["id"], prop, values)
