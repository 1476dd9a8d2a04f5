"""Events and claims as plain rows for machine output (JSON, JSONL, CSV) and tables.

Each row names the entities a record points to (actor names and types, the place with its
coordinates) and cuts its quote from the document text, so a row stands on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from warwire.models import Claim, Document, Entity, Event

__all__ = ["claim_row", "event_row"]


def _actor(entity_id: str | None, entities: Mapping[str, Entity]) -> dict[str, Any] | None:
    entity = entities.get(entity_id or "")
    if entity is None:
        return None
    return {
        "id": entity.id,
        "name": entity.name,
        "actor_type": entity.actor_type,
        "country_code": entity.country_code,
    }


def _place(entity_id: str | None, entities: Mapping[str, Entity]) -> dict[str, Any] | None:
    entity = entities.get(entity_id or "")
    if entity is None:
        return None
    return {
        "id": entity.id,
        "name": entity.name,
        "geonames_id": entity.geonames_id,
        "lat": entity.lat,
        "lon": entity.lon,
        "country_code": entity.country_code,
        "admin1": entity.admin1,
    }


def _entity(entity_id: str | None, entities: Mapping[str, Entity]) -> dict[str, Any] | None:
    entity = entities.get(entity_id or "")
    if entity is None:
        return None
    return {"id": entity.id, "name": entity.name, "kind": entity.kind}


def _source(document: Document | None) -> dict[str, Any]:
    if document is None:
        return {"title": None, "source": None, "published": None}
    return {
        "title": document.title,
        "source": document.source,
        "published": document.published.isoformat() if document.published else None,
    }


def event_row(
    event: Event, entities: Mapping[str, Entity], document: Document | None
) -> dict[str, Any]:
    """One event with its actors, place, date, flags and quote."""
    date = event.date
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "trigger": event.trigger,
        "date": (
            {
                "value": date.value,
                "precision": date.precision,
                "end": date.end,
                "anchor": date.anchor,
                "time_precision": event.time_precision,
            }
            if date
            else None
        ),
        "location": _place(event.location, entities),
        "geo_precision": event.geo_precision,
        "actor1": _actor(event.actor1, entities),
        "actor2": _actor(event.actor2, entities),
        "fatalities": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "fatalities_qualifier": event.fatalities_qualifier,
        "hedged": event.hedged,
        "negated": event.negated,
        "future": event.future,
        "historical": event.historical,
        "attributed_to": event.attributed_to,
        "quote": document.text[event.start : event.end] if document else None,
        "doc_id": event.doc_id,
        "start": event.start,
        "end": event.end,
        **_source(document),
    }


def claim_row(
    claim: Claim, entities: Mapping[str, Entity], document: Document | None
) -> dict[str, Any]:
    """One claim with its subject, value (an entity's name for control claims) and quote."""
    value: Any = claim.value
    if claim.value_kind == "entity":
        value = _entity(claim.value, entities) or claim.value
    elif claim.value_kind == "number":
        number = float(claim.value)
        value = int(number) if number.is_integer() else number
    return {
        "id": claim.id,
        "subject": _entity(claim.subject, entities),
        "attribute": claim.attribute,
        "value": value,
        "value_kind": claim.value_kind,
        "value_high": claim.value_high,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "precision": claim.precision,
        "reference": _entity(claim.reference, entities),
        "bearing": claim.bearing,
        "hedged": claim.hedged,
        "negated": claim.negated,
        "attributed_to": claim.attributed_to,
        "quote": document.text[claim.start : claim.end] if document else None,
        "doc_id": claim.doc_id,
        "start": claim.start,
        "end": claim.end,
        **_source(document),
    }
