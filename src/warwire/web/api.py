"""JSON routes of the records: documents, places, actors, events, claims and assessments,
paged with ``limit``/``offset`` and filtered by the same options as the CLI."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from warwire.models import Event
from warwire.store.records import EventFilter
from warwire.web.deps import MAX_LIMIT, MAX_OFFSET, Limit, Offset, Pool
from warwire.web.schemas import (
    AssessmentOut,
    ClaimOut,
    DocumentOut,
    DocumentSummary,
    EntityOut,
    ErrorOut,
    EventOut,
    MentionOut,
    Page,
    SentenceOut,
    assessment_out,
    claim_out,
    document_summary,
    entity_out,
    event_out,
    json_response,
    page,
)
from warwire.workspace import Workspace

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    404: {"model": ErrorOut},
    422: {"model": ErrorOut},
}
router = APIRouter(prefix="/api", responses=ERRORS)

Name = Annotated[str | None, Query(max_length=200)]


@router.get("/documents", response_model=Page[DocumentSummary], tags=["documents"])
async def list_documents(pool: Pool, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Stored reports, newest publication first."""
    docs = pool.get().docs(limit=limit + 1, offset=offset)
    return page([document_summary(d) for d in docs], limit, offset)


@router.get("/documents/{doc_id}", response_model=DocumentOut, tags=["documents"])
async def get_document(pool: Pool, doc_id: str) -> Response:
    """One report by id or unique id prefix: its text, sentences and mentions."""
    ws = pool.get()
    doc = ws.show(doc_id)
    body = DocumentOut(
        **document_summary(doc),
        text=doc.text,
        sentences=[
            SentenceOut(index=s.index, start=s.start, end=s.end) for s in ws.sentences(doc.id)
        ],
        mentions=[
            MentionOut(
                start=m.start,
                end=m.end,
                text=m.text,
                label=m.label,
                sentence=m.sentence,
                entity_id=m.entity_id,
            )
            for m in ws.mentions(doc_id=doc.id)
        ],
    )
    return json_response(body)


@router.get("/places", response_model=Page[EntityOut], tags=["entities"])
async def list_places(
    pool: Pool,
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166 alpha-2.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Resolved places, most mentioned first."""
    found = pool.get().places(country=country, limit=offset + limit + 1)[offset:]
    return page([entity_out(s.entity, s) for s in found], limit, offset)


@router.get("/actors", response_model=Page[EntityOut], tags=["entities"])
async def list_actors(
    pool: Pool,
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166 alpha-2.")] = None,
    actor_type: Annotated[int | None, Query(ge=1, le=8, description="ACLED inter code.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Actors and operations, most mentioned first."""
    ws = pool.get()
    found = ws.actors(country=country, actor_type=actor_type, limit=offset + limit + 1)[offset:]
    return page([entity_out(s.entity, s) for s in found], limit, offset)


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(x) for x in text.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox {text!r}: use west,south,east,north in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(400, f"bbox {text!r} is outside -180..180, -90..90")
    return west, south, east, north


def select_events(
    ws: Workspace,
    *,
    actor: str | None = None,
    place: str | None = None,
    bbox: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    type: str | None = None,
    doc_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Event]:
    """Events as :meth:`Workspace.events` selects them, and within a box."""
    if bbox is None:
        return ws.events(
            actor=actor,
            place=place,
            date_from=date_from,
            date_to=date_to,
            type=type,
            doc_id=doc_id,
            limit=limit,
            offset=offset,
        )
    inside = set(ws.store.places_within(*_bbox(bbox)))
    if place:
        inside &= set(ws.lookup(place, kind="place"))
    if not inside:
        return []
    actors = ws.lookup(actor, kind="actor") if actor else []
    if actor and not actors:
        return []
    where = EventFilter(
        doc_id=doc_id,
        actor=actors,
        place=sorted(inside),
        date_from=date_from,
        date_to=date_to,
        type=type,
        limit=limit,
        offset=offset,
    )
    return ws.store.events(where)


class EventQuery(BaseModel):
    """The filters of ``GET /api/events`` (one model: FastAPI checks it in one pass)."""

    actor: str | None = Field(None, max_length=200, description="Actor name or alias.")
    place: str | None = Field(None, max_length=200, description="Place name or alias.")
    bbox: str | None = Field(
        None, max_length=100, description="west,south,east,north", examples=["35,32,43,37"]
    )
    date_from: dt.date | None = Field(None, description="On or after (YYYY-MM-DD).")
    date_to: dt.date | None = Field(None, description="On or before (YYYY-MM-DD).")
    type: str | None = Field(
        None, max_length=100, description="ACLED event type or sub-event type."
    )
    doc_id: str | None = Field(None, max_length=64)
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


@router.get("/events", response_model=Page[EventOut], tags=["events"])
async def list_events(pool: Pool, q: Annotated[EventQuery, Query()]) -> Response:
    """Events by actor or place name (any alias), box, date range, type or report."""
    ws = pool.get()
    events = select_events(
        ws,
        actor=q.actor,
        place=q.place,
        bbox=q.bbox,
        date_from=q.date_from,
        date_to=q.date_to,
        type=q.type,
        doc_id=q.doc_id,
        limit=q.limit + 1,
        offset=q.offset,
    )
    refs = pool.entity_refs({i for e in events for i in (e.actor1, e.actor2, e.location) if i})
    return page([event_out(e, refs) for e in events], q.limit, q.offset)


@router.get("/claims", response_model=Page[ClaimOut], tags=["claims"])
async def list_claims(
    pool: Pool,
    subject: Name = None,
    attribute: Annotated[str | None, Query(max_length=100)] = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Claims by subject name (any alias), attribute or report, each with its span."""
    ws = pool.get()
    claims = ws.claims(
        subject=subject, attribute=attribute, doc_id=doc_id, limit=offset + limit + 1
    )[offset:]
    refs = pool.entity_refs({c.subject for c in claims})
    return page([claim_out(c, refs) for c in claims], limit, offset)


@router.get("/assessments", response_model=Page[AssessmentOut], tags=["claims"])
async def list_assessments(
    pool: Pool,
    subject: Name = None,
    status: Annotated[
        str | None,
        Query(pattern="^(corroborated|contradicted|single_source)$"),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Assessments of the claims (contradictions first), of one subject or all."""
    ws = pool.get()
    found = [a for a in ws.assessments(subject) if status is None or a.status == status]
    chosen = found[offset : offset + limit + 1]
    refs = pool.entity_refs({a.subject for a in chosen})
    return page([assessment_out(a, refs) for a in chosen], limit, offset)
