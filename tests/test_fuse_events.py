"""Event fusion: same type, place, time and actors make one fused event with every source."""

from __future__ import annotations

import time
from typing import Any

import pytest

from warwire.fuse.events import (
    SAME_PLACE_KM,
    attach,
    compatible,
    distance_km,
    fusable,
    fuse,
    fused_id,
    merge,
)
from warwire.ids import make_key
from warwire.models import Entity, Event, TimeValue


def place(pid: str, lat: float | None, lon: float | None, precision: int = 1) -> Entity:
    return Entity(id=pid, kind="place", name=pid.title(), lat=lat, lon=lon, geo_precision=precision)


PLACES = {
    p.id: p
    for p in (
        place("ramadi", 33.42, 43.30),
        place("near", 33.51, 43.30),  # 10 km north
        place("far", 33.78, 43.30),  # 40 km north
        place("anbar", 32.79, 41.61, precision=3),
        place("nowhere", None, None),
    )
}


def event(eid: str, **fields: Any) -> Event:
    date = fields.pop("date", "2016-03-14")
    anchor = fields.pop("anchor", None)
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    time_precision = {4: 3, 7: 3, 10: 1}[len(date)] if anchor is None else 2
    values: dict[str, Any] = {
        "doc_id": f"doc-{eid}",
        "start": 0,
        "end": 10,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "trigger": "clashed",
        "actor1": "isis",
        "actor2": "army",
        "location": "ramadi",
        "geo_precision": 1,
        "date": TimeValue(date, precision, anchor=anchor),  # type: ignore[arg-type]
        "time_precision": time_precision,
    }
    values.update(fields)
    return Event(id=eid, **values)


def test_distance_km() -> None:
    km = distance_km(PLACES["ramadi"], PLACES["near"])
    assert km == pytest.approx(10.0, abs=0.2)
    assert distance_km(PLACES["ramadi"], PLACES["nowhere"]) is None


def test_two_events_10_km_apart_on_the_same_day_fuse() -> None:
    assert compatible(event("a"), event("b", location="near"), PLACES)
    fused = fuse([event("a"), event("b", location="near")], PLACES)
    assert len(fused) == 1
    assert fused[0].event_ids == ("a", "b")
    assert fused[0].doc_ids == ("doc-a", "doc-b")


def test_events_40_km_apart_do_not_fuse() -> None:
    km = distance_km(PLACES["ramadi"], PLACES["far"])
    assert km is not None and km > SAME_PLACE_KM
    assert not compatible(event("a"), event("b", location="far"), PLACES)
    assert len(fuse([event("a"), event("b", location="far")], PLACES)) == 2


def test_distance_needs_town_precision_else_the_same_place() -> None:
    vague = event("b", location="near", geo_precision=3)
    assert not compatible(event("a"), vague, PLACES)
    assert compatible(
        event("a", location="anbar", geo_precision=3),
        event("b", location="anbar", geo_precision=3),
        PLACES,
    )
    assert not compatible(event("a", location=None), event("b", location=None), PLACES)
    assert not compatible(event("a"), event("b", location="nowhere"), PLACES)
    assert not compatible(event("a"), event("b", location="unknown-id"), PLACES)


def test_different_days_do_not_fuse() -> None:
    assert not compatible(event("a"), event("b", date="2016-03-16"), PLACES)


def test_dates_overlap_at_their_precisions() -> None:
    assert compatible(event("a"), event("b", date="2016-03"), PLACES)
    assert not compatible(event("a"), event("b", date="2016-04"), PLACES)


def test_undated_events_fuse_with_none() -> None:
    undated = Event(
        id="u",
        doc_id="d",
        start=0,
        end=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        trigger="clashed",
        location="ramadi",
    )
    assert not compatible(event("a"), undated, PLACES)
    fused = fuse([undated, event("a")], PLACES)
    assert [f.event_ids for f in fused] == sorted(
        [("u",), ("a",)], key=lambda ids: fused_id(ids[0])
    )
    assert next(f for f in fused if f.event_ids == ("u",)).date is None


def test_a_publication_date_is_a_window_of_three_days_either_side() -> None:
    published = event("b", date="2016-03-16", anchor="published")
    assert compatible(event("a"), published, PLACES)
    assert not compatible(event("a"), event("c", date="2016-03-18", anchor="published"), PLACES)


def test_negated_and_future_events_never_fuse() -> None:
    negated, planned = event("n", negated=True), event("f", future=True)
    assert not fusable(negated) and not fusable(planned)
    assert not compatible(event("a"), negated, PLACES)
    assert not compatible(planned, event("a"), PLACES)
    assert [f.event_ids for f in fuse([event("a"), negated, planned], PLACES)] == [("a",)]


def test_hedged_and_historical_events_fuse() -> None:
    assert compatible(event("a"), event("b", hedged=True, historical=True), PLACES)


def test_sub_types_must_be_the_same_or_refine_each_other() -> None:
    taken = event("b", sub_event_type="Non-state actor overtakes territory")
    assert compatible(event("a"), taken, PLACES)
    retaken = event("c", sub_event_type="Government regains territory")
    assert not compatible(taken, retaken, PLACES)
    shelling = event(
        "d",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    assert not compatible(event("a"), shelling, PLACES)
    strike = event("e", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert compatible(shelling, strike, PLACES)


def test_actors_equal_unknown_or_swapped() -> None:
    assert compatible(event("a"), event("b", actor2=None), PLACES)
    assert compatible(event("a"), event("b", actor1="army", actor2="isis"), PLACES)
    assert compatible(event("a"), event("b", actor1=None, actor2=None), PLACES)
    assert not compatible(event("a"), event("b", actor1="sdf"), PLACES)


def test_the_fused_record_takes_the_most_precise_and_the_conservative_figure() -> None:
    members = [
        event("a", date="2016-03", time_precision=3, fatalities_low=20, fatalities_high=20),
        event("b", location="near", fatalities_low=12, fatalities_high=15, actor2=None),
        event(
            "c",
            location="ramadi",
            geo_precision=2,
            fatalities_low=14,
            fatalities_high=14,
            sub_event_type="Non-state actor overtakes territory",
        ),
        event("d", date="2016-03-14", anchor="published", actor1="army", actor2="isis"),
    ]
    fused = fuse(members, PLACES)
    assert len(fused) == 1, [f.event_ids for f in fused]
    [one] = fused
    assert one.event_ids == ("a", "b", "c", "d")
    assert one.sub_event_type == "Armed clash"
    assert (one.actor1, one.actor2) == ("isis", "army")
    assert (one.location, one.geo_precision) == ("ramadi", 1)
    assert one.date == TimeValue("2016-03-14", "day")
    assert one.time_precision == 1
    assert (one.fatalities, one.fatalities_high, one.disputed) == (12, 20, True)
    assert one.notes == (
        "fatalities 12-20 across 3 sources; "
        "reported as Non-state actor overtakes territory by 1 source"
    )


def test_agreeing_figures_are_not_disputed() -> None:
    [one] = fuse([event("a", fatalities_low=12), event("b", fatalities_low=12)], PLACES)
    assert (one.fatalities, one.fatalities_high, one.disputed) == (12, 12, False)
    assert one.notes == "fatalities 12 from 2 sources"
    [none] = fuse([event("a"), event("b")], PLACES)
    assert (none.fatalities, none.disputed, none.notes) == (None, False, "")


def test_a_tie_between_sub_types_goes_to_the_more_specific() -> None:
    [one] = fuse(
        [event("a"), event("b", sub_event_type="Non-state actor overtakes territory")], PLACES
    )
    assert one.sub_event_type == "Non-state actor overtakes territory"
    assert one.notes == "reported as Armed clash by 1 source"


def test_cluster_ids_come_from_the_founding_event_and_input_order_does_not_matter() -> None:
    events = [event("b"), event("a", date="2016-03-13"), event("c", location="far")]
    fused = fuse(events, PLACES)
    assert fuse(list(reversed(events)), PLACES) == fused
    ids = {f.event_ids: f.id for f in fused}
    assert ids[("c",)] == make_key("fused", "c") == fused_id("c")
    assert len(fused) == 3  # a and b are on different days


def test_complete_linkage_keeps_chains_apart() -> None:
    """a and c are two days apart: a month-dated b fits either but only joins one."""
    events = [event("a"), event("b", date="2016-03"), event("c", date="2016-03-16")]
    fused = fuse(events, PLACES)
    assert sorted(len(f.event_ids) for f in fused) == [1, 2]


def test_attach_and_merge_grow_a_cluster_incrementally() -> None:
    [cluster] = fuse([event("a")], PLACES)
    members = {cluster.id: [event("a")]}
    new = event("b", location="near", fatalities_low=7)
    assert attach(new, [cluster], members, PLACES) == cluster.id
    grown = merge(cluster, [*members[cluster.id], new], PLACES)
    assert grown.id == cluster.id
    assert grown.event_ids == ("a", "b")
    assert grown.fatalities == 7
    assert attach(event("c", date="2016-05-01"), [cluster], members, PLACES) is None
    assert attach(event("d", negated=True), [cluster], members, PLACES) is None
    assert attach(event("e", event_type="Riots"), [cluster], members, PLACES) is None
    assert attach(event("f"), [cluster], {}, PLACES) is None
    with pytest.raises(ValueError, match="no members"):
        merge(cluster, [], PLACES)


def test_attach_prefers_the_cluster_sharing_place_and_date() -> None:
    here = fuse([event("a")], PLACES)[0]
    there = fuse([event("b", location="near")], PLACES)[0]
    members = {here.id: [event("a")], there.id: [event("b", location="near")]}
    assert attach(event("c"), [there, here], members, PLACES) == here.id


def test_fusing_10000_events_is_fast() -> None:
    lat0 = 33.0
    places = {f"p{i}": place(f"p{i}", lat0 + (i % 50) * 0.5, 43.0) for i in range(50)}
    events = [
        event(f"e{i:05d}", location=f"p{i % 50}", date=f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}")
        for i in range(10_000)
    ]
    began = time.perf_counter()
    fused = fuse(events, places)
    assert time.perf_counter() - began < 20
    assert sum(len(f.event_ids) for f in fused) == 10_000
