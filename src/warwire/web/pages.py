"""The server-rendered pages: home, search, map, timeline, entities (the dossier), documents
and contradictions. The form that adds a report lives in ``pages_form``."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from warwire.models import Assessment, Document
from warwire.web.deps import Offset, Pool
from warwire.web.render import blocks, cite_url, parse_quote
from warwire.web.search import search
from warwire.workspace import Workspace

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Text = Annotated[str | None, Query(max_length=200)]
PAGE = 50


def render(request: Request, template: str, **context: Any) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("cite_url", cite_url)
    context.setdefault("write_mode", request.app.state.config.write_mode)
    return templates.TemplateResponse(request, template, context)


SHOWN_VALUES = 8
"""Values shown of one contradiction (each with its first two sources); the dossier has all."""


def contradicted(ws: Workspace) -> list[Assessment]:
    return [a for a in ws.assessments() if a.status == "contradicted"]


def contradictions(
    ws: Workspace, found: list[Assessment], *, with_values: bool = True
) -> list[dict[str, Any]]:
    """Contradicted assessments with their subject and, for each value (up to
    :data:`SHOWN_VALUES`), its first sources with their quotes."""
    shown = {
        (a.subject, a.attribute): [g[:2] for g in (a.groups or [(i,) for i in a.claim_ids])]
        for a in found
    }
    wanted = [i for groups in shown.values() for g in groups[:SHOWN_VALUES] for i in g]
    claims = {c.id: c for c in ws.store.claims_by_id(wanted)} if with_values else {}
    named = {c.value for c in claims.values() if c.value_kind == "entity"}
    entities = ws.entities({a.subject for a in found} | named)
    docs: dict[str, Document] = {}
    rows = []
    for a in found:
        values = []
        groups = shown[(a.subject, a.attribute)][:SHOWN_VALUES] if with_values else []
        for c in (claims[i] for g in groups for i in g if i in claims):
            doc = docs.get(c.doc_id) or docs.setdefault(c.doc_id, ws.show(c.doc_id))
            values.append(
                {
                    "claim": c,
                    "entity": entities.get(c.value) if c.value_kind == "entity" else None,
                    "document": doc,
                    "quote": " ".join(doc.text[c.start : c.end].split()),
                    "url": cite_url(doc.id, c.start, c.end),
                }
            )
        rows.append({"assessment": a, "subject": entities.get(a.subject), "values": values})
    return rows


def naming(ws: Workspace, entity_id: str) -> list[Assessment]:
    """Contradictions about others whose values name this entity ("controlled by X")."""
    found = [a for a in contradicted(ws) if a.subject != entity_id and a.claim_ids]
    firsts = {c.id: c for c in ws.store.claims_by_id([a.claim_ids[0] for a in found])}
    valued = [a for a in found if (c := firsts.get(a.claim_ids[0])) and c.value_kind == "entity"]
    claims = ws.store.claims_by_id([i for a in valued for i in a.claim_ids])
    hits = {(c.subject, c.attribute) for c in claims if c.value == entity_id}
    return [a for a in valued if (a.subject, a.attribute) in hits]


@router.get("/")
def home(request: Request, pool: Pool) -> Response:
    ws = pool.get()
    return render(
        request,
        "home.html",
        counts=ws.store.counts(),
        newest=ws.docs(limit=10),
        contradictions=contradictions(ws, contradicted(ws)[:10], with_values=False),
    )


@router.get("/search")
def search_page(request: Request, pool: Pool, q: Text = None, offset: Offset = 0) -> Response:
    results = search(pool.get(), q or "", limit=PAGE, offset=offset) if q else None
    return render(request, "search.html", q=q or "", results=results, offset=offset, page=PAGE)


@router.get("/map")
def map_page(request: Request) -> Response:
    return render(request, "map.html")


@router.get("/timeline")
def timeline(request: Request, pool: Pool, actor: Text = None, place: Text = None) -> Response:
    from warwire.report.assemble import event_views

    ws = pool.get()
    limit = 1000 if actor or place else 300  # the latest 300 when unfiltered
    fused = ws.fused_events(actor=actor or None, place=place or None, limit=limit)
    months: dict[str, list[Any]] = defaultdict(list)
    for view in sorted(event_views(ws.store, fused), key=lambda v: (v.date or "", v.id)):
        months[(view.date or "undated")[:7]].append(view)
    return render(
        request,
        "timeline.html",
        months=sorted(months.items()),
        actor=actor or "",
        place=place or "",
        actors=ws.actors(limit=200),
        places=ws.places(limit=200),
    )


@router.get("/entity")
def entity_by_name(request: Request, pool: Pool, name: Text = None) -> Response:
    """A name: its entity page when clear, the candidates when ambiguous."""
    ws = pool.get()
    candidates = ws.subjects((name or "").strip())
    if len(candidates) == 1:
        return RedirectResponse(f"/entities/{candidates[0].id}", status_code=303)
    return render(request, "candidates.html", name=name, candidates=candidates)


@router.get("/entities/{entity_id}")
def entity(request: Request, pool: Pool, entity_id: str) -> Response:
    from warwire.errors import NotFoundError

    ws = pool.get()
    if entity_id not in ws.entities([entity_id]):
        raise NotFoundError(f"no entity with id {entity_id!r}")
    dossier = ws.dossier(entity_id)
    order = {"contradicted": 0, "corroborated": 1, "single_source": 2}
    assessments = sorted(dossier.assessments, key=lambda a: order.get(a.status, 3))
    return render(
        request,
        "entity.html",
        dossier=dossier,
        assessments=assessments,
        naming=contradictions(ws, naming(ws, entity_id)),
    )


@router.get("/documents")
def documents(request: Request, pool: Pool, offset: Offset = 0) -> Response:
    docs = pool.get().docs(limit=PAGE + 1, offset=offset)
    return render(
        request,
        "documents.html",
        docs=docs[:PAGE],
        offset=offset,
        next_offset=offset + PAGE if len(docs) > PAGE else None,
        page=PAGE,
    )


@router.get("/documents/{doc_id}")
def document(
    request: Request,
    pool: Pool,
    doc_id: str,
    quote: Annotated[str | None, Query(max_length=40)] = None,
    added: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    ws = pool.get()
    doc = ws.show(doc_id)
    span = parse_quote(quote, len(doc.text))
    pieces = blocks(doc.text, ws.sentences(doc.id), ws.mentions(doc_id=doc.id), span)
    first_quoted = next((b.index for b in pieces if b.quoted), None)
    events = ws.events(doc_id=doc.id)
    claims = ws.claims(doc_id=doc.id)
    entities = ws.entities(
        {i for e in events for i in (e.actor1, e.actor2, e.location) if i}
        | {c.subject for c in claims}
        | {c.value for c in claims if c.value_kind == "entity"}
    )
    return render(
        request,
        "document.html",
        doc=doc,
        blocks=pieces,
        first_quoted=first_quoted,
        events=events,
        claims=claims,
        entities=entities,
        added=added,
    )


@router.get("/contradictions")
def contradictions_page(request: Request, pool: Pool, offset: Offset = 0) -> Response:
    ws = pool.get()
    found = contradicted(ws)
    return render(
        request,
        "contradictions.html",
        rows=contradictions(ws, found[offset : offset + PAGE]),
        offset=offset,
        next_offset=offset + PAGE if len(found) > offset + PAGE else None,
        total=len(found),
        page=PAGE,
    )
