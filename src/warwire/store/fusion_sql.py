"""The fusion layer in SQL: document fingerprints and their LSH bands, fused events and their
members, assessments. Shared by the stores; every function takes a DB-API connection whose
placeholder is ``?``, and writes SQL that SQLite and PostgreSQL both accept. Fusion data is
derived: it can always be rebuilt from the records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from warwire.models import Assessment, FusedEvent, TimeValue
from warwire.store.records import page, rows_in
from warwire.store.schema import ODD_DATE

__all__ = [
    "candidate_fingerprints",
    "doc_sources",
    "duplicate_of",
    "fused_by_id",
    "fused_candidates",
    "fused_for_events",
    "save_assessment",
    "save_fingerprint",
    "save_fused",
    "select_assessments",
    "select_fused",
]

_FUSED_COLUMNS = (
    "id, event_type, sub_event_type, actor1, actor2, location, geo_precision, date_value,"
    " date_end, date_precision, date_anchor, time_precision, fatalities, fatalities_high,"
    " disputed, notes"
)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# -- fingerprints ------------------------------------------------------------------------------


def save_fingerprint(
    conn: Any, doc_id: str, signature: Sequence[int], bands: Iterable[str], duplicate: str
) -> None:
    conn.execute(
        "INSERT INTO doc_fingerprints (doc_id, signature, duplicate_of) VALUES (?, ?, ?)"
        " ON CONFLICT (doc_id) DO UPDATE SET signature = excluded.signature,"
        " duplicate_of = excluded.duplicate_of",
        (doc_id, json.dumps(list(signature)), duplicate),
    )
    conn.executemany(
        "INSERT INTO doc_bands (band, doc_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(band, doc_id) for band in bands],
    )


def candidate_fingerprints(
    conn: Any, bands: Sequence[str], exclude: str
) -> dict[str, tuple[tuple[int, ...], str]]:
    """Documents sharing an LSH band: doc id -> (signature, the group it duplicates)."""
    if not bands:
        return {}
    rows = conn.execute(
        "SELECT f.doc_id, f.signature, f.duplicate_of FROM doc_fingerprints f"
        " WHERE f.doc_id IN (SELECT doc_id FROM doc_bands WHERE band IN"
        f" ({_marks(bands)})) AND f.doc_id != ?",
        [*bands, exclude],
    )
    return {doc_id: (tuple(json.loads(sig)), dup) for doc_id, sig, dup in rows}


def duplicate_of(conn: Any, doc_ids: Iterable[str]) -> dict[str, str]:
    """Each document's near-duplicate group (the first document of its group)."""
    sql = "SELECT doc_id, duplicate_of FROM doc_fingerprints WHERE doc_id IN ({marks})"
    return dict(rows_in(conn, sql, doc_ids))


def doc_sources(conn: Any, doc_ids: Iterable[str]) -> dict[str, str | None]:
    """Each document's outlet (``source``)."""
    sql = "SELECT id, source FROM documents WHERE id IN ({marks})"
    return dict(rows_in(conn, sql, doc_ids))


# -- fused events ------------------------------------------------------------------------------


def _date(row: Sequence[Any]) -> TimeValue | None:
    """A fused event's date, from its row (columns in ``_FUSED_COLUMNS`` order)."""
    value, end, precision, anchor = row[7:11]
    return TimeValue(value, precision, end=end, anchor=anchor) if value else None


def _fused(row: Sequence[Any], members: Sequence[tuple[str, str]]) -> FusedEvent:
    (
        id_, event_type, sub, actor1, actor2, location, geo_precision, _value, _end,
        _precision, _anchor, time_precision, fatalities, high, disputed, notes,
    ) = row  # fmt: skip
    return FusedEvent(
        id=id_,
        event_type=event_type,
        sub_event_type=sub,
        event_ids=tuple(e for e, _ in members),
        doc_ids=tuple(sorted({d for _, d in members})),
        actor1=actor1,
        actor2=actor2,
        location=location,
        geo_precision=geo_precision,
        date=_date(row),
        time_precision=time_precision,
        fatalities=fatalities,
        fatalities_high=high,
        disputed=bool(disputed),
        notes=notes,
    )


def _with_members(conn: Any, rows: list[Sequence[Any]]) -> list[FusedEvent]:
    ids = [row[0] for row in rows]
    members: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    sql = (
        "SELECT f.fused_id, f.event_id, e.doc_id FROM event_fusion f"
        " JOIN events e ON e.id = f.event_id"
        " WHERE f.fused_id IN ({marks}) ORDER BY e.doc_id, e.start_char"
    )
    for fused_id, event_id, doc_id in rows_in(conn, sql, ids):
        members[fused_id].append((event_id, doc_id))
    return [_fused(row, members[row[0]]) for row in rows]


def fused_candidates(
    conn: Any,
    sub_event_types: Sequence[str],
    first: str,
    last: str,
    location: str,
    box: tuple[float, float, float, float] | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    keep: Callable[[TimeValue | None], bool] | None = None,
) -> list[FusedEvent]:
    """Fused events of these sub-types whose date prefix lies between ``first`` and ``last``
    (ISO strings), or that have no date, placed at ``location`` or, with ``box`` (south,
    north, west, east in degrees), at a place inside it.

    With ``since`` and ``until`` (ISO days), only those whose date's span may reach from
    ``since`` to ``until``: undated ones are left out, and those whose date is all digits
    (a year, a month, a day) are read by their value, at the places, from the year of
    ``since`` and the months of ``since`` to ``until`` only; the few others (with an end, a
    day cut to its year, a week or a season) through their own index. ``keep`` tests each
    one's date before its members are read (the exact test: these bounds only narrow what is
    read).
    """
    places = {location}
    if box is not None:
        places.update(
            row[0]
            for row in conn.execute(
                "SELECT id FROM entities WHERE kind = 'place'"
                " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                box,
            )
        )
    where = (
        f"sub_event_type IN ({_marks(sub_event_types)}) AND location IN ({_marks(sorted(places))})"
    )
    params: list[Any] = [*sub_event_types, *sorted(places)]
    select = f"SELECT {_FUSED_COLUMNS} FROM fused_events WHERE {where}"
    if since is None or until is None:
        rows = conn.execute(
            f"{select} AND (date_value IS NULL OR (date_value >= ? AND date_value <= ?))",
            [*params, first[:4], last],
        ).fetchall()
    else:
        # the wide window as before, written so that no index serves it: the narrow bounds do
        wide = "date_value || '' >= ? AND date_value || '' <= ?"
        rows = conn.execute(
            f"{select} AND date_value = ? AND {wide}"  # the year of ``since``
            f" UNION ALL {select} AND date_value >= ? AND date_value <= ? AND {wide}"
            f" UNION ALL {select} AND {ODD_DATE} AND {wide}",
            [
                *[*params, since[:4], first[:4], last],
                *[*params, since[:7], until[:7] + "~", first[:4], last],
                *[*params, first[:4], last],
            ],
        ).fetchall()
        rows = sorted({row[0]: row for row in rows}.values(), key=lambda row: row[0])
    if keep is not None:
        rows = [row for row in rows if keep(_date(row))]
    return _with_members(conn, rows)


def fused_by_id(conn: Any, fused_id: str) -> FusedEvent | None:
    rows = conn.execute(
        f"SELECT {_FUSED_COLUMNS} FROM fused_events WHERE id = ?", (fused_id,)
    ).fetchall()
    found = _with_members(conn, rows)
    return found[0] if found else None


def fused_for_events(conn: Any, event_ids: Iterable[str]) -> dict[str, str]:
    """event id -> fused event id."""
    sql = "SELECT event_id, fused_id FROM event_fusion WHERE event_id IN ({marks})"
    return dict(rows_in(conn, sql, event_ids))


def save_fused(conn: Any, fused: FusedEvent, replaces: Iterable[str] = ()) -> None:
    """Store a fused event with its members; ``replaces`` are fused ids merged into it."""
    for old in replaces:
        if old != fused.id:
            conn.execute("DELETE FROM fused_events WHERE id = ?", (old,))
    date = fused.date
    values = (
        fused.id,
        fused.event_type,
        fused.sub_event_type,
        fused.actor1,
        fused.actor2,
        fused.location,
        fused.geo_precision,
        date.value if date else None,
        date.end if date else None,
        date.precision if date else None,
        date.anchor if date else None,
        fused.time_precision,
        fused.fatalities,
        fused.fatalities_high,
        int(fused.disputed),
        fused.notes,
    )
    columns = _FUSED_COLUMNS.split(", ")
    updates = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in columns[1:])
    conn.execute(
        f"INSERT INTO fused_events ({_FUSED_COLUMNS}) VALUES ({_marks(values)})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        values,
    )
    conn.executemany(
        "INSERT INTO event_fusion (event_id, fused_id) VALUES (?, ?)"
        " ON CONFLICT (event_id) DO UPDATE SET fused_id = excluded.fused_id",
        [(event_id, fused.id) for event_id in fused.event_ids],
    )


def select_fused(
    conn: Any,
    *,
    location: Sequence[str] = (),
    actor: Sequence[str] = (),
    limit: int | None = None,
) -> list[FusedEvent]:
    """Fused events, by date, at these places or with these actors (either side)."""
    clauses: list[str] = []
    params: list[Any] = []
    if location:
        clauses.append(f"location IN ({_marks(location)})")
        params.extend(location)
    if actor:
        clauses.append(f"(actor1 IN ({_marks(actor)}) OR actor2 IN ({_marks(actor)}))")
        params.extend([*actor, *actor])
    sql = f"SELECT {_FUSED_COLUMNS} FROM fused_events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY date_value, id" + page(limit, 0, params)
    return _with_members(conn, conn.execute(sql, params).fetchall())


# -- assessments -------------------------------------------------------------------------------


def save_assessment(conn: Any, a: Assessment) -> None:
    conn.execute(
        "INSERT INTO assessments (subject, attribute, status, claim_ids, groups, sources, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject, attribute) DO UPDATE SET"
        " status = excluded.status, claim_ids = excluded.claim_ids, groups = excluded.groups,"
        " sources = excluded.sources, reason = excluded.reason",
        (
            a.subject,
            a.attribute,
            a.status,
            json.dumps(list(a.claim_ids)),
            json.dumps([list(g) for g in a.groups]),
            a.sources,
            a.reason,
        ),
    )


def select_assessments(conn: Any, subjects: Sequence[str] = ()) -> list[Assessment]:
    """Assessments of these subjects (all when empty), contradictions first."""
    sql = "SELECT subject, attribute, status, claim_ids, groups, sources, reason FROM assessments"
    params: list[Any] = []
    if subjects:
        sql += f" WHERE subject IN ({_marks(subjects)})"
        params.extend(subjects)
    sql += (
        " ORDER BY CASE status WHEN 'contradicted' THEN 0 WHEN 'corroborated' THEN 1 ELSE 2 END,"
        " subject, attribute"
    )
    return [
        Assessment(
            subject=subject,
            attribute=attribute,
            status=status,
            claim_ids=tuple(json.loads(claim_ids)),
            groups=tuple(tuple(g) for g in json.loads(groups)),
            sources=int(sources),
            reason=reason,
        )
        for subject, attribute, status, claim_ids, groups, sources, reason in conn.execute(
            sql, params
        )
    ]
