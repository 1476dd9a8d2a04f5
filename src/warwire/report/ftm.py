"""Dossier records as FollowTheMoney entities (``{"id", "schema", "properties"}`` dicts).

Written by hand, without the ``followthemoney`` package (whose dependencies are heavy for one
export format); schema and property names follow FollowTheMoney 4.x (checked against
followthemoney 4.11.2's model). The mapping:

- a report (``DocumentRef``, or a ``SourceRef`` whose document was not listed) is an
  ``Article``: ``title``, ``name``, ``publisher``, ``publishedAt``, ``sourceUrl`` (http and
  https addresses only, as FtM's url type requires);
- a place is an ``Address``: ``name``, ``full``, ``latitude``, ``longitude``, ``country``,
  ``region`` (admin1), and ``sourceUrl`` its GeoNames URI when it has a GeoNames id;
- an actor is an ``Organization``: ``name``, ``alias``, ``country``, and ``classification``
  its ACLED actor type (``"ACLED inter 1: state forces"``);
- a fused event is an ``Event``: ``name``, ``description`` (type, sub-type, fatalities),
  ``summary`` (the fusion notes), ``date`` (or ``startDate``/``endDate`` for a week, quarter
  or season), ``location``, ``addressEntity``, ``country``, ``involved`` (the actors),
  ``proof`` (the articles) and ``keywords`` (ACLED event type and sub-type);
- each statement of an event is a ``Documentation`` linking the article (``document``) to the
  event (``entity``), with the quote as ``summary`` and the publication day as ``date``.

Ids are ``ww-<kind>-<warwire id>``, restricted to the characters FtM allows in an id.
Property values are lists of strings, as in FtM's JSON form; countries are lower-case ISO
alpha-2 codes. Claims and assessments have no FtM schema and are not exported.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from warwire.ids import make_key
from warwire.report.common import actor_type_label, date_interval, effective_precision
from warwire.report.dossier_model import ActorRef, DocumentRef, EventView, PlaceRef, SourceRef

__all__ = [
    "FTM_VERSION",
    "actor_entity",
    "document_entity",
    "event_entities",
    "ftm_id",
    "place_entity",
    "source_document_entity",
]

FTM_VERSION = "4"
"""The major FollowTheMoney version whose schemata these entities follow."""

_ID_UNSAFE = re.compile(r"[^0-9a-zA-Z.-]+")


def ftm_id(kind: str, ident: str) -> str:
    """``ww-<kind>-<ident>`` with anything FtM does not allow in an id turned into ``-``."""
    return f"ww-{kind}-{_ID_UNSAFE.sub('-', ident).strip('-.') or make_key(ident)}"


def _entity(ident: str, schema: str, properties: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "id": ident,
        "schema": schema,
        "properties": {k: v for k, v in properties.items() if v},
    }


def _some(*values: object) -> list[str]:
    return [str(v) for v in values if v is not None and str(v) != ""]


def _url(url: str | None) -> list[str]:
    """A web address, as FtM's url type takes them (http and https only)."""
    return [url] if url and url.lower().startswith(("http://", "https://")) else []


def _country(code: str | None) -> list[str]:
    return [code.lower()] if code else []


def document_entity(doc: DocumentRef) -> dict[str, Any]:
    return _entity(
        ftm_id("doc", doc.doc_id),
        "Article",
        {
            "name": _some(doc.title or doc.doc_id),
            "title": _some(doc.title),
            "publisher": _some(doc.source),
            "publishedAt": _some(doc.published),
            "sourceUrl": _url(doc.url),
        },
    )


def source_document_entity(ref: SourceRef) -> dict[str, Any]:
    """The ``Article`` of a statement's document, from what the statement says about it."""
    return document_entity(DocumentRef(ref.doc_id, ref.title, ref.source, ref.published, ref.url))


def place_entity(p: PlaceRef) -> dict[str, Any]:
    full = ", ".join(x for x in (p.name, p.admin1, p.country_code) if x)
    geonames = f"https://sws.geonames.org/{p.geonames_id}/" if (p.geonames_id or 0) > 0 else None
    return _entity(
        ftm_id("place", p.id),
        "Address",
        {
            "name": [p.name],
            "full": [full],
            "latitude": _some(p.lat),
            "longitude": _some(p.lon),
            "country": _country(p.country_code),
            "region": _some(p.admin1),
            "sourceUrl": _url(geonames),
        },
    )


def actor_entity(a: ActorRef) -> dict[str, Any]:
    label = actor_type_label(a.actor_type)
    return _entity(
        ftm_id("actor", a.id),
        "Organization",
        {
            "name": [a.name],
            "alias": [x for x in a.aliases if x != a.name],
            "country": _country(a.country_code),
            "classification": [f"ACLED inter {label.replace(' ', ': ', 1)}"] if label else [],
        },
    )


def _dates(e: EventView) -> dict[str, list[str]]:
    if not e.date:
        return {}
    precision = effective_precision(e.date, e.date_precision)
    if precision in ("year", "month", "day") and re.match(r"^\d{4}(-\d{2}){0,2}$", e.date):
        return {"date": [e.date]}
    span = date_interval(e.date, e.date_precision)
    if span is None:
        return {}
    last = span[1] - dt.timedelta(days=1)
    return {"startDate": [span[0].isoformat()], "endDate": [last.isoformat()]}


def event_entities(e: EventView) -> list[dict[str, Any]]:
    """The ``Event`` and one ``Documentation`` per statement reporting it."""
    event_id = ftm_id("event", e.id)
    where = e.location.name if e.location else None
    description = f"{e.event_type}: {e.sub_event_type}"
    if e.fatalities is not None:
        description += f"; fatalities {e.fatalities}"
        if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
            description += f" to {e.fatalities_high}"
        if e.disputed:
            description += " (disputed)"
    actors = [a for a in (e.actor1, e.actor2) if a is not None]
    properties: dict[str, list[str]] = {
        "name": [f"{e.sub_event_type} at {where}" if where else e.sub_event_type],
        "description": [description],
        "summary": _some(e.notes.strip()),
        "keywords": list(dict.fromkeys([e.event_type, e.sub_event_type])),
        "location": _some(where),
        "addressEntity": [ftm_id("place", e.location.id)] if e.location else [],
        "country": _country(e.location.country_code if e.location else None),
        "involved": [ftm_id("actor", a.id) for a in actors],
        "proof": list(dict.fromkeys(ftm_id("doc", ref.doc_id) for ref in e.sources)),
        **_dates(e),
    }
    out = [_entity(event_id, "Event", properties)]
    for ref in e.sources:
        out.append(
            _entity(
                ftm_id("stmt", make_key(e.id, ref.doc_id, ref.start, ref.end)),
                "Documentation",
                {
                    "document": [ftm_id("doc", ref.doc_id)],
                    "entity": [event_id],
                    "role": ["source"],
                    "summary": [ref.quote],
                    "date": _some(ref.published),
                },
            )
        )
    return out
