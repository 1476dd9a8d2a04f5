"""A dossier as JSON-ready dictionaries; ``docs/dossier.schema.json`` documents the shape.

Top-level keys: ``subject``, ``assessments``, ``events``, ``actors``, ``places``, ``documents``
(the ones issue #6 names), plus ``generated_at`` and ``summary``. Beyond the issue's keys a
subject has ``id``, a value ``precision``, an assessment ``reason``, a source ``url`` and a
place ``feature``; the schema lists them all and allows nothing else, so a change here that the
schema does not describe fails the tests. The per-record functions are public so that JSON
lines exports can use the same shapes.
"""

from __future__ import annotations

from typing import Any

from warwire.report.dossier_model import (
    ActorRef,
    AssessmentView,
    DocumentRef,
    Dossier,
    EventView,
    PlaceRef,
    SourceRef,
    Subject,
    ValueSupport,
)

__all__ = [
    "actor_to_dict",
    "assessment_to_dict",
    "document_to_dict",
    "dossier_to_dict",
    "event_to_dict",
    "place_to_dict",
    "source_to_dict",
    "subject_to_dict",
    "value_to_dict",
]


def source_to_dict(s: SourceRef) -> dict[str, Any]:
    return {
        "doc_id": s.doc_id,
        "title": s.title,
        "source": s.source,
        "published": s.published,
        "quote": s.quote,
        "start": s.start,
        "end": s.end,
        "url": s.url,
    }


def value_to_dict(v: ValueSupport) -> dict[str, Any]:
    return {
        "value": v.value,
        "unit": v.unit,
        "qualifier": v.qualifier,
        "precision": v.precision,
        "sources": [source_to_dict(s) for s in v.sources],
    }


def assessment_to_dict(a: AssessmentView) -> dict[str, Any]:
    return {
        "attribute": a.attribute,
        "status": a.status,
        "reason": a.reason,
        "values": [value_to_dict(v) for v in a.values],
    }


def subject_to_dict(s: Subject) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "aliases": list(s.aliases),
        "geonames_id": s.geonames_id,
        "lat": s.lat,
        "lon": s.lon,
        "country_code": s.country_code,
        "actor_type": s.actor_type,
    }


def place_to_dict(p: PlaceRef) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "geonames_id": p.geonames_id,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "feature": p.feature,
        "mentions": p.mentions,
    }


def actor_to_dict(a: ActorRef) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "actor_type": a.actor_type,
        "country_code": a.country_code,
        "aliases": list(a.aliases),
        "mentions": a.mentions,
    }


def event_to_dict(e: EventView) -> dict[str, Any]:
    return {
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "time_precision": e.time_precision,
        "location": place_to_dict(e.location) if e.location else None,
        "geo_precision": e.geo_precision,
        "actor1": actor_to_dict(e.actor1) if e.actor1 else None,
        "actor2": actor_to_dict(e.actor2) if e.actor2 else None,
        "fatalities": e.fatalities,
        "fatalities_high": e.fatalities_high,
        "disputed": e.disputed,
        "notes": e.notes,
        "sources": [source_to_dict(s) for s in e.sources],
    }


def document_to_dict(doc: DocumentRef) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "url": doc.url,
    }


def dossier_to_dict(d: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON values, in the shape ``docs/dossier.schema.json`` describes."""
    return {
        "subject": subject_to_dict(d.subject),
        "summary": d.summary,
        "assessments": [assessment_to_dict(a) for a in d.assessments],
        "events": [event_to_dict(e) for e in d.events],
        "actors": [actor_to_dict(a) for a in d.actors],
        "places": [place_to_dict(p) for p in d.places],
        "documents": [document_to_dict(doc) for doc in d.documents],
        "generated_at": d.generated_at,
    }
