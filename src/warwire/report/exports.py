"""Streaming exports: ACLED CSV, GeoJSON, JSON lines and FollowTheMoney entities.

Each writer takes iterables and writes record by record to a text stream (a file opened with
``newline=""``, or ``sys.stdout``), so an export of millions of events never holds them all;
each returns how many records (rows, features, lines, entities) it wrote. Lines end with
``\\n``. JSON is UTF-8 text with non-ASCII characters kept as they are.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from typing import Any, TextIO

from warwire.output import plain
from warwire.report.acled import ACLED_COLUMNS, acled_row
from warwire.report.dossier_json import event_to_dict, place_to_dict, source_to_dict
from warwire.report.dossier_model import ActorRef, DocumentRef, EventView, PlaceRef
from warwire.report.ftm import (
    actor_entity,
    document_entity,
    event_entities,
    place_entity,
    source_document_entity,
)

__all__ = [
    "EXPORT_FORMATS",
    "event_feature",
    "place_feature",
    "write_acled_csv",
    "write_ftm",
    "write_geojson",
    "write_jsonl",
]

EXPORT_FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "jsonl", "ftm")
"""The formats of ``warwire export --format``."""


def _dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, default=plain)


def write_acled_csv(
    events: Iterable[EventView],
    out: TextIO,
    *,
    country_names: Callable[[str], str] | None = None,
    timestamp: int | None = None,
) -> int:
    """Fused events as ACLED's CSV: a header of its 31 columns, then one row per event.

    ``country_names`` maps an ISO alpha-2 code to the ``country`` column (GeoNames' English
    names by default); ``timestamp`` fills ACLED's ``timestamp`` column (Unix seconds; the time
    of the call by default, pass one for reproducible files). See ``warwire.report.acled``.
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event, timestamp=stamp, country_names=country_names))
        count += 1
    return count


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


def place_feature(p: PlaceRef) -> dict[str, Any]:
    """A GeoJSON Feature for a place (``kind`` ``place``), Point at ``[lon, lat]``."""
    props = {"kind": "place", **place_to_dict(p)}
    del props["lat"], props["lon"]
    return {"type": "Feature", "id": p.id, "geometry": _point(p.lat, p.lon), "properties": props}


def event_feature(e: EventView) -> dict[str, Any]:
    """A GeoJSON Feature for an event (``kind`` ``event``), Point at its location."""
    loc = e.location
    props: dict[str, Any] = {
        "kind": "event",
        **event_to_dict(e),
        "location": loc.name if loc else None,
        "location_id": loc.id if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor1_type": e.actor1.actor_type if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "actor2_type": e.actor2.actor_type if e.actor2 else None,
        "sources": [source_to_dict(s) for s in e.sources],
    }
    geometry = _point(loc.lat, loc.lon) if loc else None
    return {"type": "Feature", "id": e.id, "geometry": geometry, "properties": props}


def write_geojson(
    places: Iterable[PlaceRef],
    events: Iterable[EventView],
    out: TextIO,
    *,
    include_unlocated: bool = False,
) -> int:
    """A GeoJSON FeatureCollection (RFC 7946) of places, then events, one feature a line.

    Coordinates are ``[lon, lat]`` in WGS84. Records without coordinates are left out unless
    ``include_unlocated`` (then their geometry is null, which RFC 7946 allows).
    """
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    features = chain((place_feature(p) for p in places), (event_feature(e) for e in events))
    for feature in features:
        if feature["geometry"] is None and not include_unlocated:
            continue
        out.write((",\n" if count else "") + _dumps(feature))
        count += 1
    out.write("\n]}\n")
    return count


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """One JSON object a line. Dates, datetimes and dataclasses inside records are written as
    ``warwire.output.plain`` renders them (ISO strings, plain dictionaries)."""
    count = 0
    for record in records:
        out.write(_dumps(record) + "\n")
        count += 1
    return count


def write_ftm(
    out: TextIO,
    *,
    documents: Iterable[DocumentRef] = (),
    places: Iterable[PlaceRef] = (),
    actors: Iterable[ActorRef] = (),
    events: Iterable[EventView] = (),
) -> int:
    """FollowTheMoney entities as JSON lines: articles, addresses, organisations, then events
    with one ``Documentation`` per statement (see ``warwire.report.ftm``).

    An entity is written once even when several records name it; the places, actors and
    articles that events refer to but the other iterables did not list are written just
    before the event, so every reference resolves within the file.
    """
    seen: set[str] = set()
    count = 0

    def emit(entity: dict[str, Any]) -> None:
        nonlocal count
        if entity["id"] in seen:
            return
        seen.add(entity["id"])
        out.write(_dumps(entity) + "\n")
        count += 1

    for doc in documents:
        emit(document_entity(doc))
    for place in places:
        emit(place_entity(place))
    for actor in actors:
        emit(actor_entity(actor))
    for event in events:
        for ref in event.sources:
            emit(source_document_entity(ref))
        if event.location is not None:
            emit(place_entity(event.location))
        for party in (event.actor1, event.actor2):
            if party is not None:
                emit(actor_entity(party))
        for entity in event_entities(event):
            emit(entity)
    return count
