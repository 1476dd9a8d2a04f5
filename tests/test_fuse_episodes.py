"""Control history across reports: captures a year or more apart are episodes, controllers that
each took a place at a known time follow one another, and close but disjoint figures contradict."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from warwire.fuse.assess import assess, control_conflicts, event_conflicts
from warwire.fuse.values import compare
from warwire.models import Claim, Event, TimeValue

_ids = itertools.count()
OUTLETS = {"a": "A", "b": "B", "c": "C"}


def claim(doc: str, attribute: str, value: str, *, sentence: int = 0, **fields: Any) -> Claim:
    kind = "number"
    if attribute in {"captured_on", "control_since"}:
        kind = "time"
        fields.setdefault("precision", {4: "year", 7: "month", 10: "day"}[len(value)])
    elif attribute == "controlled_by":
        kind = "entity"
    return Claim(
        id=f"e{next(_ids):03d}",
        doc_id=doc,
        start=0,
        end=10,
        subject="tikrit",
        attribute=attribute,
        value=value,
        sentence=sentence,
        value_kind=kind,  # type: ignore[arg-type]
        **fields,
    )


def test_falls_three_years_apart_without_actors_are_two_episodes() -> None:
    claims = [claim("a", "captured_on", "2014-06"), claim("b", "captured_on", "2017-07-10")]
    assert control_conflicts(claims) == []
    assert assess("tikrit", "captured_on", claims, OUTLETS).status != "contradicted"


def test_falls_a_day_apart_without_actors_still_contradict() -> None:
    claims = [claim("a", "captured_on", "2017-07-09"), claim("b", "captured_on", "2017-07-10")]
    assert assess("tikrit", "captured_on", claims, OUTLETS).status == "contradicted"


def test_a_lasting_hold_by_the_same_actor_contradicts_a_later_capture_however_far() -> None:
    claims = [
        claim("a", "controlled_by", "isis"),
        claim("a", "control_since", "2014"),
        claim("b", "controlled_by", "isis"),
        claim("b", "captured_on", "2016-05"),
    ]
    assert assess("tikrit", "control_since", claims, OUTLETS).status == "contradicted"


def test_a_capture_after_another_is_a_succession_not_a_dispute() -> None:
    claims = [
        claim("a", "controlled_by", "isis"),
        claim("a", "captured_on", "2014-06"),
        claim("b", "controlled_by", "iraq"),
        claim("b", "captured_on", "2017-07-09"),
    ]
    published = {"a": dt.date(2017, 7, 12), "b": dt.date(2017, 7, 9)}
    assert control_conflicts(claims, published=published) == []
    result = assess("tikrit", "controlled_by", claims, OUTLETS, published=published)
    assert result.status != "contradicted"


def test_a_hold_said_to_last_past_another_capture_is_a_dispute() -> None:
    claims = [
        claim("a", "controlled_by", "isis"),
        claim("a", "control_since", "2014-06"),
        claim("b", "controlled_by", "iraq"),
        claim("b", "captured_on", "2017-07-09"),
    ]
    published = {"a": dt.date(2017, 8, 1), "b": dt.date(2017, 7, 9)}
    result = assess("tikrit", "controlled_by", claims, OUTLETS, published=published)
    assert result.status == "contradicted"


def test_a_seizure_years_before_a_fall_with_no_taker_is_another_episode() -> None:
    fall = claim("a", "captured_on", "2017-07-10")
    seizure = Event(
        id="ev1",
        doc_id="b",
        start=0,
        end=10,
        event_type="Strategic developments",
        sub_event_type="Non-state actor overtakes territory",
        trigger="overran",
        actor1="isis",
        location="tikrit",
        date=TimeValue("2014-06", "month"),
    )
    assert event_conflicts([fall], [seizure]) == []


def test_137_against_nearly_100_dead_contradict() -> None:
    counted = claim("a", "casualties", "137")
    nearly = claim("b", "casualties", "100", qualifier="upper")
    assert compare(counted, nearly).contradict
