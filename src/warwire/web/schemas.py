"""The API's JSON shapes, separate from the domain records (``warwire.models``): what a client
sees, documented in ``/openapi.json``. The functions below turn records into those shapes as
plain dictionaries (a request builds hundreds of them: validating our own typed records again
would double its cost); the tests validate every route's answers against the models."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field
from pydantic_core import to_json
from starlette.responses import Response

from warwire.models import Assessment, Claim, Document, Entity, EntitySummary, Event

T = TypeVar("T")


class ErrorOut(BaseModel):
    """Every error: a message saying what went wrong and what to do."""

    error: str


class Page(BaseModel, Generic[T]):
    """One page of a listing; ``next_offset`` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class EntityRef(BaseModel):
    id: str
    kind: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None


class EntityOut(EntityRef):
    aliases: list[str] = []
    mentions: int = 0
    documents: int = 0
    admin1: str | None = None
    feature: str | None = None
    geo_precision: int | None = None
    geonames_id: int | None = None
    actor_type: int | None = None


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    format: str | None
    characters: int


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    label: str
    sentence: int
    entity_id: str | None


class DocumentOut(DocumentSummary):
    text: str
    sentences: list[SentenceOut]
    mentions: list[MentionOut]


class DateOut(BaseModel):
    value: str
    precision: str
    end: str | None = None


class EventOut(BaseModel):
    id: str
    doc_id: str
    start: int
    end: int
    sentence: int
    event_type: str
    sub_event_type: str
    trigger: str
    date: DateOut | None
    actor1: EntityRef | None
    actor2: EntityRef | None
    location: EntityRef | None
    fatalities_low: int | None
    fatalities_high: int | None
    attributed_to: str | None
    hedged: bool
    negated: bool
    historical: bool


class ClaimOut(BaseModel):
    id: str
    doc_id: str
    start: int
    end: int
    subject: EntityRef | None
    attribute: str
    value: str
    value_kind: str
    value_high: str | None
    unit: str | None
    qualifier: str
    attributed_to: str | None
    hedged: bool
    negated: bool


class AssessmentOut(BaseModel):
    subject: EntityRef | None
    attribute: str
    status: str
    reason: str | None
    sources: int
    claim_ids: list[str]
    groups: list[list[str]]


class SearchHit(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str


class SearchOut(BaseModel):
    query: str
    documents: list[SearchHit]
    entities: list[EntityOut]


class Candidates(BaseModel):
    """An ambiguous name: pass one of these ids as ``?id=``."""

    error: str
    candidates: list[EntityRef]


class IngestIn(BaseModel):
    """A report to add: its ``text`` (with optional title, source and date) or a ``url``."""

    text: str | None = Field(default=None, max_length=5_000_000)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class IngestOut(BaseModel):
    status: Literal["new", "unchanged"]
    doc_id: str | None
    title: str | None


def entity_ref(entity: Entity | None) -> dict[str, Any] | None:
    """An :class:`EntityRef`."""
    if entity is None:
        return None
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "lat": entity.lat,
        "lon": entity.lon,
        "country_code": entity.country_code,
    }


def entity_out(entity: Entity, summary: EntitySummary | None = None) -> dict[str, Any]:
    """An :class:`EntityOut`."""
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "lat": entity.lat,
        "lon": entity.lon,
        "country_code": entity.country_code,
        "aliases": list(summary.aliases if summary else entity.aliases),
        "mentions": summary.mentions if summary else 0,
        "documents": summary.documents if summary else 0,
        "admin1": entity.admin1,
        "feature": entity.feature,
        "geo_precision": entity.geo_precision,
        "geonames_id": entity.geonames_id,
        "actor_type": entity.actor_type,
    }


def document_summary(doc: Document) -> dict[str, Any]:
    """A :class:`DocumentSummary`."""
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
        "format": doc.format,
        "characters": len(doc.text),
    }


def event_out(e: Event, refs: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """An :class:`EventOut`; ``refs`` are the entity refs by id (``Workspaces.entity_refs``)."""
    date = e.date
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "start": e.start,
        "end": e.end,
        "sentence": e.sentence,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "trigger": e.trigger,
        "date": {"value": date.value, "precision": date.precision, "end": date.end}
        if date
        else None,
        "actor1": refs.get(e.actor1) if e.actor1 else None,
        "actor2": refs.get(e.actor2) if e.actor2 else None,
        "location": refs.get(e.location) if e.location else None,
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "attributed_to": e.attributed_to,
        "hedged": e.hedged,
        "negated": e.negated,
        "historical": e.historical,
    }


def claim_out(c: Claim, refs: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """A :class:`ClaimOut`."""
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "start": c.start,
        "end": c.end,
        "subject": refs.get(c.subject),
        "attribute": c.attribute,
        "value": c.value,
        "value_kind": c.value_kind,
        "value_high": c.value_high,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "attributed_to": c.attributed_to,
        "hedged": c.hedged,
        "negated": c.negated,
    }


def assessment_out(a: Assessment, refs: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """An :class:`AssessmentOut`."""
    return {
        "subject": refs.get(a.subject),
        "attribute": a.attribute,
        "status": a.status,
        "reason": a.reason,
        "sources": a.sources,
        "claim_ids": list(a.claim_ids),
        "groups": [list(g) for g in a.groups],
    }


def page(items: list[dict[str, Any]], limit: int, offset: int) -> Response:
    """A :class:`Page` from ``limit + 1`` fetched items (the extra one says whether more
    follow), written as JSON here: the route's ``response_model`` documents it."""
    more = len(items) > limit
    body = {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }
    return json_response(body)


def json_response(body: dict[str, Any] | BaseModel, status_code: int = 200) -> Response:
    """JSON as the route's ``response_model`` declares it, without validating it again (the
    tests check every route's answers against the models)."""
    text = body.model_dump_json() if isinstance(body, BaseModel) else to_json(body)
    return Response(text, status_code=status_code, media_type="application/json")
