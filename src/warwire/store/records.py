"""Events and claims in SQL: the rows each record becomes, and the filtered queries.

Shared by the stores: every function takes a DB-API connection whose placeholder is ``?``,
and writes SQL that SQLite and PostgreSQL both accept.
Entities a record points to are stored with the document (see ``add_document``); a record's
quote is its ``start``..``end`` slice of the document text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from warwire.models import Claim, Entity, Event, TimeValue

__all__ = [
    "EventFilter",
    "insert_claims",
    "insert_events",
    "page",
    "rows_in",
    "select_claims",
    "select_claims_by_id",
    "select_entities",
    "select_events",
    "select_events_by_id",
]

_EVENT_COLUMNS = (
    "id, doc_id, start_char, end_char, event_type, sub_event_type, trigger_text, sentence,"
    " trigger_start, trigger_end, actor1, actor2, location, geo_precision, date_value, date_end,"
    " date_precision, date_anchor, time_precision, fatalities_low, fatalities_high,"
    " fatalities_qualifier, attributed_to, hedged, negated, future, historical, extractor,"
    " confidence"
)
_CLAIM_COLUMNS = (
    "id, doc_id, start_char, end_char, subject, attribute, value, sentence, value_kind,"
    " value_high, unit, qualifier, value_precision, reference, bearing, attributed_to, hedged,"
    " negated, extractor"
)


@dataclass(frozen=True)
class EventFilter:
    """What to select: every given condition must hold. ``actor`` and ``place`` are entity ids
    (an event matches through either actor); ``date_from``/``date_to`` compare ISO prefixes;
    ``type`` is an event type or a sub-event type."""

    doc_id: str | None = None
    actor: Sequence[str] = ()
    place: Sequence[str] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None
    include_negated: bool = True
    limit: int | None = None
    offset: int = 0  # rows skipped (paging): the database skips them, not the caller


def _event_row(e: Event) -> tuple[Any, ...]:
    date = e.date
    return (
        e.id,
        e.doc_id,
        e.start,
        e.end,
        e.event_type,
        e.sub_event_type,
        e.trigger,
        e.sentence,
        e.trigger_start,
        e.trigger_end,
        e.actor1,
        e.actor2,
        e.location,
        e.geo_precision,
        date.value if date else None,
        date.end if date else None,
        date.precision if date else None,
        date.anchor if date else None,
        e.time_precision,
        e.fatalities_low,
        e.fatalities_high,
        e.fatalities_qualifier,
        e.attributed_to,
        int(e.hedged),
        int(e.negated),
        int(e.future),
        int(e.historical),
        e.extractor,
        e.confidence,
    )


def _claim_row(c: Claim) -> tuple[Any, ...]:
    return (
        c.id,
        c.doc_id,
        c.start,
        c.end,
        c.subject,
        c.attribute,
        c.value,
        c.sentence,
        c.value_kind,
        c.value_high,
        c.unit,
        c.qualifier,
        c.precision,
        c.reference,
        c.bearing,
        c.attributed_to,
        int(c.hedged),
        int(c.negated),
        c.extractor,
    )


def insert_events(conn: Any, events: Iterable[Event]) -> None:
    marks = ", ".join("?" for _ in _EVENT_COLUMNS.split(","))
    conn.executemany(
        f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
        [_event_row(e) for e in events],
    )


def insert_claims(conn: Any, claims: Iterable[Claim]) -> None:
    marks = ", ".join("?" for _ in _CLAIM_COLUMNS.split(","))
    conn.executemany(
        f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
        [_claim_row(c) for c in claims],
    )


def _event(row: Sequence[Any]) -> Event:
    (
        id_, doc_id, start, end, event_type, sub, trigger, sentence, t_start, t_end, actor1,
        actor2, location, geo_precision, date_value, date_end, date_precision, date_anchor,
        time_precision, low, high, fq, attributed_to, hedged, negated, future, historical,
        extractor, confidence,
    ) = row  # fmt: skip
    date = (
        TimeValue(date_value, date_precision, end=date_end, anchor=date_anchor)
        if date_value
        else None
    )
    return Event(
        id=id_,
        doc_id=doc_id,
        start=start,
        end=end,
        event_type=event_type,
        sub_event_type=sub,
        trigger=trigger,
        sentence=sentence,
        trigger_start=t_start,
        trigger_end=t_end,
        actor1=actor1,
        actor2=actor2,
        location=location,
        geo_precision=geo_precision,
        date=date,
        time_precision=time_precision,
        fatalities_low=low,
        fatalities_high=high,
        fatalities_qualifier=fq,
        attributed_to=attributed_to,
        hedged=bool(hedged),
        negated=bool(negated),
        future=bool(future),
        historical=bool(historical),
        extractor=extractor,
        confidence=float(confidence),
    )


def _claim(row: Sequence[Any]) -> Claim:
    (
        id_, doc_id, start, end, subject, attribute, value, sentence, value_kind, value_high,
        unit, qualifier, precision, reference, bearing, attributed_to, hedged, negated, extractor,
    ) = row  # fmt: skip
    return Claim(
        id=id_,
        doc_id=doc_id,
        start=start,
        end=end,
        subject=subject,
        attribute=attribute,
        value=value,
        sentence=sentence,
        value_kind=value_kind,
        value_high=value_high,
        unit=unit,
        qualifier=qualifier,
        precision=precision,
        reference=reference,
        bearing=bearing,
        attributed_to=attributed_to,
        hedged=bool(hedged),
        negated=bool(negated),
        extractor=extractor,
    )


_ALL_ROWS = 2**63 - 1  # a LIMIT meaning "no limit" in both dialects


def page(limit: int | None, offset: int, params: list[Any]) -> str:
    """A ``LIMIT``/``OFFSET`` clause (empty for all rows), its values appended to ``params``:
    SQLite needs a LIMIT before an OFFSET, and PostgreSQL refuses SQLite's ``LIMIT -1``."""
    if limit is None and not offset:
        return ""
    params.extend([_ALL_ROWS if limit is None else limit, offset])
    return " LIMIT ? OFFSET ?"


def _in(column: str, values: Sequence[str], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def select_events(conn: Any, where: EventFilter) -> list[Event]:
    """Events matching ``where``, by date then document order."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.doc_id:
        clauses.append("doc_id = ?")
        params.append(where.doc_id)
    if where.actor:
        params_a: list[Any] = []
        first = _in("actor1", where.actor, params_a)
        second = _in("actor2", where.actor, params_a)
        clauses.append(f"({first} OR {second})")
        params.extend(params_a)
    if where.place:
        clauses.append(_in("location", where.place, params))
    if where.date_from:
        # an event whose date prefix ends on or after the day: "2015-05" is after 2015-05-10
        clauses.append("substr(date_value || '-99-99', 1, 10) >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to:
        clauses.append("date_value <= ?")
        params.append(where.date_to.isoformat())
    if where.type:
        clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
        params.extend([where.type, where.type])
    if not where.include_negated:
        clauses.append("negated = 0")
    sql = f"SELECT {_EVENT_COLUMNS} FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY date_value, doc_id, start_char, sub_event_type"
    sql += page(where.limit, where.offset, params)
    return [_event(row) for row in conn.execute(sql, params)]


def select_claims(
    conn: Any,
    *,
    doc_id: str | None = None,
    subject: Sequence[str] = (),
    attribute: str | None = None,
    limit: int | None = None,
) -> list[Claim]:
    """Claims matching every given condition, by subject, attribute and document."""
    clauses: list[str] = []
    params: list[Any] = []
    if doc_id:
        clauses.append("doc_id = ?")
        params.append(doc_id)
    if subject:
        clauses.append(_in("subject", subject, params))
    if attribute:
        clauses.append("attribute = ?")
        params.append(attribute)
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY subject, attribute, doc_id, start_char" + page(limit, 0, params)
    return [_claim(row) for row in conn.execute(sql, params)]


_CHUNK = 500  # SQLite allows 999 bound parameters in older builds


def rows_in(conn: Any, sql: str, ids: Iterable[str]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` for these ids, queried in chunks: ``sql`` holds ``{marks}`` where
    the ``IN`` list's placeholders go (``... WHERE id IN ({marks})``)."""
    wanted = sorted({i for i in ids if i})
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        yield from conn.execute(sql.format(marks=", ".join("?" for _ in part)), part)


def select_entities(conn: Any, ids: Iterable[str]) -> dict[str, Entity]:
    """The entities with these ids (those that exist), by id."""
    rows = rows_in(
        conn,
        "SELECT id, kind, name, geonames_id, lat, lon, country_code, admin1, feature,"
        " geo_precision, actor_type, wikidata, parent_id FROM entities WHERE id IN ({marks})",
        ids,
    )
    return {row[0]: Entity(row[0], row[1], row[2], (), *row[3:]) for row in rows}


def select_events_by_id(conn: Any, ids: Sequence[str]) -> list[Event]:
    """The events with these ids (those that exist)."""
    sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE id IN ({{marks}})"
    return [_event(row) for row in rows_in(conn, sql, ids)]


def select_claims_by_id(conn: Any, ids: Sequence[str]) -> list[Claim]:
    """The claims with these ids (those that exist)."""
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id IN ({{marks}})"
    return [_claim(row) for row in rows_in(conn, sql, ids)]
