"""Keeping the fusion layer up to date as reports arrive, one report at a time.

For a newly stored report, :func:`update_fusion` touches only what the report can change:

1. its fingerprint (MinHash signature and LSH band keys), and its near-duplicate group, found
   among the reports sharing a band key;
2. each of its current events (not negated, future or historical), attached to a fused event
   of the same sub-type whose date window is near, or fused on its own;
3. the assessment of every (subject, attribute) its claims are about, over all the claims the
   database holds for that key, with independence by outlet and near-duplicate group; control
   claims are also checked against each other and against dated seizure events;
4. its persons and organisations, linked to earlier ones spelt differently
   (:mod:`warwire.fuse.entities`).

Nothing else is recomputed, so adding a report costs the same whatever the database's size.
:func:`rebuild_fusion` recomputes everything from the records, in ingestion order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from warwire.fuse.assess import assess, control_conflicts, event_conflicts
from warwire.fuse.duplicates import NEAR_DUPLICATE, band_keys, independence_keys, signature
from warwire.fuse.duplicates import similarity as signature_similarity
from warwire.fuse.entities import link_entities
from warwire.fuse.events import REFINES, SAME_PLACE_KM, attach, fuse, merge
from warwire.fuse.values import PUBLISHED_SLACK_DAYS, date_window, event_window, overlaps
from warwire.models import Assessment, Claim, Event, FusedEvent, TimeValue
from warwire.store.fusion_sql import (
    candidate_fingerprints,
    doc_sources,
    duplicate_of,
    fused_candidates,
    fused_for_events,
    save_assessment,
    save_fingerprint,
    save_fused,
)
from warwire.store.records import (
    EventFilter,
    rows_in,
    select_claims,
    select_entities,
    select_events,
    select_events_by_id,
)

__all__ = ["CONTROL_ATTRIBUTES", "FusionUpdate", "rebuild_fusion", "update_fusion"]

CONTROL_ATTRIBUTES = ("controlled_by", "control_since", "captured_on")
_SEIZURES = ("Non-state actor overtakes territory", "Government regains territory")
_WINDOW_DAYS = 45


@dataclass(frozen=True)
class FusionUpdate:
    """What one report changed: its duplicate group, fused events and assessments touched."""

    doc_id: str
    duplicate_of: str
    fused: tuple[str, ...]
    assessments: tuple[tuple[str, str], ...]
    links: tuple[tuple[str, str], ...] = ()


def _current(event: Event) -> bool:
    return not (event.negated or event.future or event.historical)


def _window(event: Event) -> tuple[str, str]:
    """ISO bounds of the dates a fused event may have to be this event's (a generous window:
    :func:`warwire.fuse.events.attach` decides with the precisions)."""
    if event.date is None:
        return "0000", "9999"
    value = event.date.value
    try:
        year = int(value[:4])
    except ValueError:
        return "0000", "9999"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        day = dt.date.fromisoformat(value[:10])
        delta = dt.timedelta(days=_WINDOW_DAYS)
        return (day - delta).isoformat(), (day + delta).isoformat()
    return f"{year - 1}", f"{year + 1}-99"


def _related(sub_event_type: str) -> list[str]:
    """The sub-types an event of this sub-type may be fused with (it, and those it refines or
    that refine it: a territory change and the clash that won it)."""
    related = {sub_event_type} | set(REFINES.get(sub_event_type, ()))
    related |= {sub for sub, refined in REFINES.items() if sub_event_type in refined}
    return sorted(related)


def _fingerprint(conn: Any, doc_id: str, text: str) -> str:
    sig = signature(text)
    bands = band_keys(sig)
    duplicate = doc_id
    for _, (other, group) in sorted(candidate_fingerprints(conn, bands, doc_id).items()):
        if signature_similarity(sig, other) >= NEAR_DUPLICATE:
            duplicate = min(duplicate, group)
    save_fingerprint(conn, doc_id, sig, bands, duplicate)
    return duplicate


def _candidates(conn: Any, event: Event, first: str, last: str) -> list[FusedEvent]:
    """The fused events the event might join: of a related sub-type, in its time window, and
    at its place or, at geo precision 1-2, at a place near enough that every member of the
    cluster can be within SAME_PLACE_KM of it (twice that from the cluster's own place)."""
    window = event_window(event)
    if event.location is None or window is None:
        return []  # an event without a place or a date joins none
    box = None
    if (event.geo_precision or 3) <= 2:
        place = select_entities(conn, [event.location]).get(event.location)
        if place is not None and place.lat is not None and place.lon is not None:
            box = _box(place.lat, place.lon, 2 * SAME_PLACE_KM)

    def overlapping(date: TimeValue | None) -> bool:
        # A cluster's date is one of its members' dates, and the event must overlap every
        # member: a cluster whose date's window misses the event's cannot take it.
        span = date_window(date)
        return span is not None and overlaps(window, span)

    slack = dt.timedelta(days=PUBLISHED_SLACK_DAYS)  # the most a cluster's date may stretch
    since, until = (window[0] - slack).isoformat(), (window[1] + slack).isoformat()
    return fused_candidates(
        conn,
        _related(event.sub_event_type),
        first,
        last,
        event.location,
        box,
        since=since,
        until=until,
        keep=overlapping,
    )


def _box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A (south, north, west, east) box holding every point within ``km`` of a point; the
    whole band of latitudes where it would cross a pole or the antimeridian."""
    dlat = km / 110.5
    cos = math.cos(math.radians(lat))
    dlon = km / (111.3 * cos) if cos > 0.01 else 360.0
    west, east = lon - dlon, lon + dlon
    if west < -180.0 or east > 180.0:
        west, east = -180.0, 180.0
    return lat - dlat, lat + dlat, west, east


def _fuse_events(conn: Any, events: Sequence[Event]) -> list[str]:
    touched: list[str] = []
    done = fused_for_events(conn, [e.id for e in events])
    for event in events:
        if not _current(event) or event.id in done:
            continue  # replaying a report changes nothing
        first, last = _window(event)
        clusters = _candidates(conn, event, first, last)
        member_ids = sorted({i for c in clusters for i in c.event_ids})
        by_id = {e.id: e for e in select_events_by_id(conn, member_ids)}
        members = {c.id: [by_id[i] for i in c.event_ids if i in by_id] for c in clusters}
        location_ids = {e.location for e in [event, *by_id.values()] if e.location}
        location_ids |= {c.location for c in clusters if c.location}
        places = select_entities(conn, location_ids)
        target = attach(event, clusters, members, places)
        if target is None:
            fused = fuse([event], places)[0]
            save_fused(conn, fused)
        else:
            cluster = next(c for c in clusters if c.id == target)
            fused = merge(cluster, [*members[target], event], places)
            save_fused(conn, fused, replaces=[target])
        touched.append(fused.id)
    return touched


def _independence(conn: Any, claims: Sequence[Claim]) -> dict[str, str]:
    docs = {c.doc_id for c in claims}
    return independence_keys(doc_sources(conn, docs), duplicate_of(conn, docs))


def _published(conn: Any, doc_ids: Sequence[str]) -> dict[str, dt.date | None]:
    sql = "SELECT id, published FROM documents WHERE id IN ({marks})"
    return {
        doc: dt.date.fromisoformat(day) if day else None for doc, day in rows_in(conn, sql, doc_ids)
    }


def _names(
    conn: Any, subject: str, claims: Sequence[Claim], events: Sequence[Event] = ()
) -> dict[str, str]:
    """Entity id -> name, for readable reasons."""
    ids = {subject} | {c.value for c in claims if c.value_kind == "entity"}
    ids |= {x for e in events for x in (e.actor1, e.actor2, e.location) if x}
    return {i: e.name for i, e in select_entities(conn, ids).items()}


def _assess_subject(conn: Any, subject: str, attributes: set[str]) -> list[tuple[str, str]]:
    """Re-assess these attributes of one subject (all control attributes together)."""
    if attributes & set(CONTROL_ATTRIBUTES):
        attributes = attributes | set(CONTROL_ATTRIBUTES)
    claims_by_attribute = {
        attribute: select_claims(conn, subject=[subject], attribute=attribute)
        for attribute in sorted(attributes)
    }
    all_claims = [c for claims in claims_by_attribute.values() for c in claims]
    independence = _independence(conn, all_claims)
    docs = sorted({c.doc_id for c in all_claims})
    published = {d: p for d, p in _published(conn, docs).items() if p is not None}
    names = _names(conn, subject, all_claims)
    conflicts: dict[str, list[str]] = {}
    control = [c for c in all_claims if c.attribute in CONTROL_ATTRIBUTES]
    if control:
        seizures = [
            e
            for e in select_events(conn, EventFilter(place=[subject]))
            if e.sub_event_type in _SEIZURES and not e.negated
        ]
        for first, second, reason in control_conflicts(control, published=published, names=names):
            conflicts.setdefault(first, []).append(reason)
            conflicts.setdefault(second, []).append(reason)
        names.update(_names(conn, subject, [], seizures))
        for claim_id, _, reason in event_conflicts(
            control, seizures, published=published, names=names
        ):
            conflicts.setdefault(claim_id, []).append(reason)
    touched: list[tuple[str, str]] = []
    for attribute, claims in claims_by_attribute.items():
        if not claims:
            continue
        assessment = assess(
            subject, attribute, all_claims, independence, published=published, names=names
        )
        reasons = sorted({r for c in claims for r in conflicts.get(c.id, [])})
        if reasons and assessment.status != "contradicted":
            assessment = replace(assessment, status="contradicted", reason="; ".join(reasons))
        elif reasons and assessment.reason:
            extra = [r for r in reasons if r not in assessment.reason]
            if extra:
                assessment = replace(assessment, reason="; ".join([assessment.reason, *extra]))
        save_assessment(conn, assessment)
        touched.append((subject, attribute))
    return touched


def update_fusion(store: Any, doc_id: str) -> FusionUpdate:
    """Bring the fusion layer up to date with one newly stored report (one transaction)."""
    document = store.get_document(doc_id)
    with store.transaction() as conn:
        duplicate = _fingerprint(conn, document.id, document.text)
        events = select_events(conn, EventFilter(doc_id=document.id))
        fused = _fuse_events(conn, events)
        keys: dict[str, set[str]] = {}
        for claim in select_claims(conn, doc_id=document.id):
            keys.setdefault(claim.subject, set()).add(claim.attribute)
        assessed: list[tuple[str, str]] = []
        for subject, attributes in sorted(keys.items()):
            assessed.extend(_assess_subject(conn, subject, attributes))
        links = link_entities(conn, document.id)
    return FusionUpdate(document.id, duplicate, tuple(fused), tuple(assessed), tuple(links))


def rebuild_fusion(
    store: Any, *, progress: Callable[[int, int], None] | None = None
) -> list[Assessment]:
    """Recompute fingerprints, fused events and assessments from the stored records."""
    with store.transaction() as conn:
        tables = ("event_fusion", "fused_events", "assessments", "doc_bands", "entity_links")
        for table in (*tables, "entity_keys"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM doc_fingerprints")
        ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY ingested_at, id")]
    for done, doc_id in enumerate(ids, 1):
        update_fusion(store, doc_id)
        if progress is not None:
            progress(done, len(ids))
    with store.transaction() as conn:
        from warwire.store.fusion_sql import select_assessments

        return select_assessments(conn)
