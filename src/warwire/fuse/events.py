"""Event fusion: the events of several reports that are one real event become a fused event.

Two events are the same event (:func:`compatible`) when all of these hold:

- **type**: the same ``event_type`` and the same ``sub_event_type``, or one sub-type refines the
  other (:data:`REFINES`: a territory change is the outcome of an armed clash, a suicide bombing
  is an explosive attack, an air strike a bombardment, an intervened protest a protest);
- **place**: the same place entity, or, when both events have ``geo_precision`` 1 or 2 and both
  places have coordinates, places within :data:`SAME_PLACE_KM` (25 km, haversine); an event
  without a place fuses with none;
- **time**: their windows overlap (:func:`warwire.fuse.values.event_window`: the date's span at
  its precision, a date taken from the publication day ±3 days); an undated event fuses with none;
- **actors**: each side equal or unknown, in order or swapped (``actor1``/``actor2``).

Negated events and plans (``future``) are not events and fuse with nothing: :func:`fuse` leaves
them out and :func:`attach` returns None for them. Hedged and historical events fuse.

Clustering is greedy with complete linkage: an event joins a cluster only when it is compatible
with every member, and of several such clusters the one sharing most of its place and date
(then the largest, then the smallest id). :func:`fuse` visits events by window start, then window
length, then id, so the result does not depend on input order. A cluster's id is
``make_key("fused", <the first event that founded it>)`` and never changes as it grows, which is
what lets :func:`attach` and :func:`merge` maintain clusters one report at a time; a batch
:func:`fuse` and the same events attached one by one may cluster differently at the margins.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from warwire.fuse.values import Interval, event_window, overlaps
from warwire.ids import make_key
from warwire.models import Entity, Event, FusedEvent

__all__ = [
    "REFINES",
    "SAME_PLACE_KM",
    "attach",
    "compatible",
    "distance_km",
    "fusable",
    "fuse",
    "fused_id",
    "merge",
]

#: Places closer than this (km) are one place for events precise to the town (geo_precision ≤ 2).
SAME_PLACE_KM = 25.0
#: Sub-type -> the sub-types it refines (a report may give the coarser reading of the same event).
REFINES: Mapping[str, frozenset[str]] = {
    "Non-state actor overtakes territory": frozenset({"Armed clash"}),
    "Government regains territory": frozenset({"Armed clash"}),
    "Suicide bomb": frozenset({"Remote explosive/landmine/IED"}),
    "Air/drone strike": frozenset({"Shelling/artillery/missile attack"}),
    "Protest with intervention": frozenset({"Peaceful protest"}),
    "Excessive force against protesters": frozenset(
        {"Peaceful protest", "Protest with intervention"}
    ),
}
_EARTH_RADIUS_KM = 6371.0088


def fused_id(first_event_id: str) -> str:
    """The id of the cluster founded by the event ``first_event_id``."""
    return make_key("fused", first_event_id)


def fusable(event: Event) -> bool:
    """Whether an event takes part in fusion: not negated and not a plan."""
    return not event.negated and not event.future


def distance_km(a: Entity, b: Entity) -> float | None:
    """The great-circle distance between two places, None when one lacks coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _sub_types_compatible(a: str, b: str) -> bool:
    return a == b or a in REFINES.get(b, ()) or b in REFINES.get(a, ())


def _same_place(a: Event, b: Event, places: Mapping[str, Entity]) -> bool:
    if a.location is None or b.location is None:
        return False
    if a.location == b.location:
        return True
    if (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2:
        return False
    place_a, place_b = places.get(a.location), places.get(b.location)
    if place_a is None or place_b is None:
        return False
    km = distance_km(place_a, place_b)
    return km is not None and km <= SAME_PLACE_KM


def _same(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _actors_compatible(a: Event, b: Event) -> bool:
    in_order = _same(a.actor1, b.actor1) and _same(a.actor2, b.actor2)
    return in_order or (_same(a.actor1, b.actor2) and _same(a.actor2, b.actor1))


def compatible(a: Event, b: Event, places: Mapping[str, Entity]) -> bool:
    """Whether two events may be the same real event (see the module docstring); ``places``
    maps place entity ids to their entities, for coordinates."""
    if not (fusable(a) and fusable(b)) or a.event_type != b.event_type:
        return False
    if not _sub_types_compatible(a.sub_event_type, b.sub_event_type):
        return False
    window_a, window_b = event_window(a), event_window(b)
    if window_a is None or window_b is None or not overlaps(window_a, window_b):
        return False
    return _actors_compatible(a, b) and _same_place(a, b, places)


def _affinity(event: Event, cluster_id: str, members: Sequence[Event]) -> tuple[int, int, str]:
    """Sort key of a candidate cluster, the best first."""
    shared = sum(m.location == event.location for m in members) + sum(
        m.date is not None and event.date is not None and m.date.value == event.date.value
        for m in members
    )
    return -shared, -len(members), cluster_id


def attach(
    event: Event,
    clusters: Sequence[FusedEvent],
    members: Mapping[str, Sequence[Event]],
    places: Mapping[str, Entity],
) -> str | None:
    """The id of the cluster among ``clusters`` that a new ``event`` joins (compatible with
    every one of its ``members[cluster.id]``; the best by shared place and date, then size,
    then id), or None when it founds a new one (``fused_id(event.id)``) or is not fusable."""
    if not fusable(event):
        return None
    fitting = [
        (cluster.id, members.get(cluster.id, ()))
        for cluster in clusters
        if cluster.event_type == event.event_type
    ]
    fitting = [
        (cid, group)
        for cid, group in fitting
        if group and all(compatible(event, m, places) for m in group)
    ]
    if not fitting:
        return None
    return min(fitting, key=lambda item: _affinity(event, *item))[0]


def _order(event: Event) -> tuple[object, ...]:
    window = event_window(event)
    if window is None:
        return (1, "", 0, event.id)
    return (0, window[0].isoformat(), (window[1] - window[0]).days, event.id)


def fuse(events: Sequence[Event], places: Mapping[str, Entity]) -> list[FusedEvent]:
    """All fusable ``events`` clustered into fused events (see the module docstring), sorted
    by id. Every fusable event is in exactly one cluster, a lone event in its own."""
    clusters: dict[str, list[Event]] = {}
    windows: dict[str, Interval] = {}
    active: dict[str, list[str]] = {}  # event_type -> ids of clusters still open in time
    for event in sorted((e for e in events if fusable(e)), key=_order):
        window = event_window(event)
        chosen: str | None = None
        if window is not None:
            open_ids = [
                cid for cid in active.get(event.event_type, []) if windows[cid][1] >= window[0]
            ]
            active[event.event_type] = open_ids  # later events start later: the rest stay closed
            fitting = [
                cid for cid in open_ids if all(compatible(event, m, places) for m in clusters[cid])
            ]
            if fitting:
                chosen = min(fitting, key=lambda cid: _affinity(event, cid, clusters[cid]))
        if chosen is None:
            chosen = fused_id(event.id)
            clusters[chosen] = []
            if window is not None:
                windows[chosen] = window
                active.setdefault(event.event_type, []).append(chosen)
        clusters[chosen].append(event)
        if window is not None:
            windows[chosen] = (windows[chosen][0], max(windows[chosen][1], window[1]))
    return sorted(
        (_summarise(cid, group, places) for cid, group in clusters.items()), key=lambda f: f.id
    )


def merge(
    cluster: FusedEvent, members: Sequence[Event], places: Mapping[str, Entity]
) -> FusedEvent:
    """``cluster`` recomputed from its ``members`` (after an event joined it), keeping its id."""
    if not members:
        raise ValueError(f"fused event {cluster.id!r} has no members")
    return _summarise(cluster.id, members, places)


def _most_common(values: Sequence[str | None], exclude: str | None = None) -> str | None:
    counts = Counter(v for v in values if v is not None and v != exclude)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _summarise(cid: str, members: Sequence[Event], places: Mapping[str, Entity]) -> FusedEvent:
    """The fused record of a cluster: most common type, most precise place and date, most
    common actors, ACLED's conservative fatalities."""
    members = sorted(members, key=lambda e: e.id)
    sub_counts = Counter(e.sub_event_type for e in members)
    subs = set(sub_counts)
    sub_type = min(
        subs, key=lambda s: (-sub_counts[s], not (REFINES.get(s, frozenset()) & subs), s)
    )
    event_type = next(e.event_type for e in members if e.sub_event_type == sub_type)
    located = [e for e in members if e.location is not None]
    place = None
    if located:
        where = Counter(e.location for e in located)
        place = min(located, key=lambda e: (e.geo_precision or 9, -where[e.location], e.location))

    def date_rank(e: Event) -> tuple[int, bool, str]:
        window = event_window(e)
        assert window is not None and e.date is not None
        return (window[1] - window[0]).days, e.date.anchor == "published", e.date.value

    dated = [e for e in members if event_window(e) is not None]
    when = min(dated, key=date_rank) if dated else None
    actor1 = _most_common([e.actor1 for e in members])
    actor2 = _most_common([e.actor2 for e in members], exclude=actor1)
    fatalities, high, disputed, notes = _fatalities(members)
    for other in sorted(subs - {sub_type}):
        n = len({e.doc_id for e in members if e.sub_event_type == other})
        notes.append(f"reported as {other} by {n} source{'s' if n != 1 else ''}")
    return FusedEvent(
        id=cid,
        event_type=event_type,
        sub_event_type=sub_type,
        event_ids=tuple(e.id for e in members),
        doc_ids=tuple(sorted({e.doc_id for e in members})),
        actor1=actor1,
        actor2=actor2,
        location=place.location if place else None,
        geo_precision=place.geo_precision if place else None,
        date=when.date if when else None,
        time_precision=when.time_precision if when else None,
        fatalities=fatalities,
        fatalities_high=high,
        disputed=disputed,
        notes="; ".join(notes),
    )


def _fatalities(members: Sequence[Event]) -> tuple[int | None, int | None, bool, list[str]]:
    """ACLED's figure (the lowest reported), the highest, whether the sources differ, notes."""
    counted = [e for e in members if e.fatalities_low is not None]
    if not counted:
        return None, None, False, []
    figures = {
        (e.fatalities_low or 0, max(e.fatalities_high or 0, e.fatalities_low or 0)) for e in counted
    }
    low = min(f[0] for f in figures)
    high = max(f[1] for f in figures)
    n = len({e.doc_id for e in counted})
    sources = f"{n} source{'s' if n != 1 else ''}"
    if low == high:
        return low, high, len(figures) > 1, [f"fatalities {low} from {sources}"]
    return low, high, len(figures) > 1, [f"fatalities {low}-{high} across {sources}"]
