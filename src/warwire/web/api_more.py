"""JSON routes beyond the record listings: dossiers, search, counts, exports, and adding a
report (the one write, which needs the bearer token)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response

from warwire.web.api import ERRORS
from warwire.web.deps import Offset, Pool, WriterDep, require_token
from warwire.web.schemas import (
    Candidates,
    EntityOut,
    EntityRef,
    ErrorOut,
    IngestIn,
    IngestOut,
    SearchHit,
    SearchOut,
    entity_out,
    entity_ref,
    json_response,
)
from warwire.web.search import search
from warwire.web.workspaces import Ingested, Writer

router = APIRouter(prefix="/api", responses=ERRORS)

EXPORT_TYPES = {
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "ftm": "application/x-ndjson",
}


@router.get(
    "/dossier/{name}",
    tags=["dossiers"],
    responses={300: {"model": Candidates, "description": "An ambiguous name"}},
)
def get_dossier(
    pool: Pool,
    name: Annotated[str, Path(min_length=1, max_length=200)],
    id: Annotated[str | None, Query(max_length=64, description="The entity id.")] = None,
) -> Any:
    """The dossier of a place or actor, as ``warwire dossier NAME --format json``
    (``docs/dossier.schema.json``); an ambiguous name answers 300 with the candidates."""
    from warwire.report.dossier_json import dossier_to_dict

    ws = pool.get()
    candidates = ws.subjects(name)
    chosen = [c for c in candidates if c.id == id] if id else candidates
    if len(chosen) != 1:
        refs = [EntityRef(**r) for c in candidates if (r := entity_ref(c)) is not None]
        problem = f"{name!r} is ambiguous: pass ?id= with one of the candidates"
        if id:
            problem = f"no place or actor called {name!r} has id {id!r}"
        body = Candidates(error=problem, candidates=refs)
        return JSONResponse(body.model_dump(), status_code=300 if not id else 404)
    return dossier_to_dict(ws.dossier(chosen[0].id))


@router.get("/search", response_model=SearchOut, tags=["search"])
async def search_all(
    pool: Pool,
    q: Annotated[str, Query(max_length=200, description="Words to find.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> Response:
    """Reports whose title or text hold every word (best first, with a snippet), and places
    and actors whose name or an alias does (on the first page)."""
    found = search(pool.get(), q, limit=limit, offset=offset)
    body = SearchOut(
        query=q,
        documents=[
            SearchHit(
                id=h.document.id,
                title=h.document.title,
                source=h.document.source,
                published=h.document.published.isoformat() if h.document.published else None,
                snippet=h.plain,
            )
            for h in found.documents
        ],
        entities=[EntityOut(**entity_out(s.entity, s)) for s in found.entities],
    )
    return json_response(body)


@router.get("/counts", tags=["search"])
async def counts(pool: Pool) -> dict[str, int]:
    """How many documents, places, actors, events, claims, fused events and contradictions."""
    return pool.get().store.counts()


@router.get(
    "/export/{fmt}",
    tags=["exports"],
    responses={200: {"content": {t: {} for t in EXPORT_TYPES.values()}}},
)
def export(pool: Pool, fmt: str) -> Response:
    """The whole database as ``warwire export --format FMT``: acled-csv, geojson, jsonl or ftm."""
    from warwire.report.export_data import write_export

    if fmt not in EXPORT_TYPES:
        raise HTTPException(404, f"unknown format {fmt!r}: use {', '.join(EXPORT_TYPES)}")
    out = io.StringIO()
    write_export(pool.get().store, fmt, out)
    suffix = {"acled-csv": "csv", "geojson": "geojson"}.get(fmt, "jsonl")
    return Response(
        out.getvalue(),
        media_type=EXPORT_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="warwire-{fmt}.{suffix}"'},
    )


def _one_line(value: str) -> str:
    return " ".join(value.split())


def report_bytes(
    text: str, *, title: str | None, source: str | None, published: str | None
) -> bytes:
    """A text report with its metadata as the header the text reader understands."""
    header = [
        f"{key}: {_one_line(value)}"
        for key, value in (("Title", title), ("Source", source), ("Published", published))
        if value and _one_line(value)
    ]
    body = text.replace("\r\n", "\n")
    return ("\n".join(header) + "\n\n" + body if header else body).encode("utf-8")


def add_report(writer: Writer, report: IngestIn) -> Ingested:
    """Ingest the text or the URL of ``report``; a URL on a private address is refused."""
    if bool(report.text and report.text.strip()) == bool(report.url and report.url.strip()):
        raise HTTPException(400, "give either the report's text or its URL")
    if report.published:
        try:
            dt.date.fromisoformat(report.published)
        except ValueError:
            raise HTTPException(400, f"{report.published!r} is not a date") from None
    if report.url:
        return writer.ingest(report.url.strip())
    text = report.text or ""
    data = report_bytes(text, title=report.title, source=report.source, published=report.published)
    return writer.ingest(data=data)


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    tags=["documents"],
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": IngestOut, "description": "Already stored"},
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
    },
)
def post_document(writer: WriterDep, report: IngestIn) -> Any:
    """Add a report by its text (with optional title, source, date) or its URL (public
    addresses only); needs ``Authorization: Bearer TOKEN``."""
    done = add_report(writer, report)
    if done.status == "failed":
        raise HTTPException(422, done.message or "the report could not be read")
    body = IngestOut(
        status="new" if done.status == "new" else "unchanged", doc_id=done.doc_id, title=done.title
    )
    return JSONResponse(body.model_dump(), status_code=201 if done.status == "new" else 200)
