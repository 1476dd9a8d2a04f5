"""Exports of a whole database, streamed in chunks: the records read from the store, turned
into view records (:mod:`.dossier_model`) and written by :mod:`.exports`.

- ``acled-csv``: fused events as ACLED's 31 columns;
- ``geojson``: resolved places and fused events as Point features;
- ``jsonl``: every record (documents, entities, events, claims, fused events, assessments), one
  JSON object a line with a ``record`` key naming its kind;
- ``ftm``: FollowTheMoney entities (documents, places, actors, events).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any, TextIO

from warwire.models import EntitySummary
from warwire.report.assemble import actor_ref, event_views, place_ref
from warwire.report.dossier_model import ActorRef, DocumentRef, EventView, PlaceRef
from warwire.report.exports import write_acled_csv, write_ftm, write_geojson, write_jsonl

__all__ = ["write_export"]

_CHUNK = 500


def _fused_views(store: Any) -> Iterator[EventView]:
    fused = store.fused_events()
    for start in range(0, len(fused), _CHUNK):
        yield from event_views(store, fused[start : start + _CHUNK])


def _places(store: Any) -> Iterator[PlaceRef]:
    summaries: list[EntitySummary] = store.entities(kind="place")
    for s in summaries:
        ref = place_ref(s.entity, {s.entity.id: s.mentions})
        if ref is not None:
            yield ref


def _actors(store: Any) -> Iterator[ActorRef]:
    summaries: list[EntitySummary] = store.entities(kind=("actor", "operation"))
    for s in summaries:
        ref = actor_ref(s.entity, {s.entity.id: s.mentions}, s.aliases)
        if ref is not None:
            yield ref


def _documents(store: Any) -> Iterator[DocumentRef]:
    offset = 0
    while True:
        batch = store.documents(limit=_CHUNK, offset=offset)
        if not batch:
            return
        for d in batch:
            yield DocumentRef(
                doc_id=d.id,
                title=d.title,
                source=d.source,
                published=d.published.isoformat() if d.published else None,
                url=d.url,
            )
        offset += len(batch)


def _records(store: Any) -> Iterator[dict[str, Any]]:
    from warwire.store.records import EventFilter

    for doc in _documents(store):
        yield {"record": "document", **asdict(doc)}
    for summary in store.entities(kind=("place", "actor", "operation")):
        yield {"record": "entity", **asdict(summary.entity), "mentions": summary.mentions}
    for event in store.events(EventFilter()):
        yield {"record": "event", **asdict(event)}
    for claim in store.claims():
        yield {"record": "claim", **asdict(claim)}
    for fused in store.fused_events():
        yield {"record": "fused_event", **asdict(fused)}
    for assessment in store.assessments():
        yield {"record": "assessment", **asdict(assessment)}


def write_export(store: Any, fmt: str, out: TextIO) -> int:
    """Write the database in ``fmt``; the number of records (rows, features, lines) written."""
    if fmt == "acled-csv":
        from warwire.actors.rules import country_name

        return write_acled_csv(_fused_views(store), out, country_names=country_name)
    if fmt == "geojson":
        return write_geojson(_places(store), _fused_views(store), out)
    if fmt == "jsonl":
        return write_jsonl(_records(store), out)
    if fmt == "ftm":
        return write_ftm(
            out,
            documents=_documents(store),
            places=_places(store),
            actors=_actors(store),
            events=_fused_views(store),
        )
    from warwire.errors import ConfigError

    raise ConfigError(f"unknown export format {fmt!r}: use acled-csv, geojson, jsonl or ftm")
