"""Claim assessment: corroborated, contradicted or single-sourced, with independent sources."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from warwire.fuse.assess import (
    affected_keys,
    assess,
    claim_actor,
    control_conflicts,
    control_window,
    event_conflicts,
)
from warwire.models import Claim, Event, TimeValue

_ids = itertools.count()


def claim(doc: str, attribute: str, value: str, subject: str = "ramadi", **fields: Any) -> Claim:
    kind = "number"
    if attribute in {"captured_on", "control_since"}:
        kind = "time"
        fields.setdefault("precision", {4: "year", 7: "month", 10: "day"}[len(value)])
    elif attribute == "controlled_by":
        kind = "entity"
    return Claim(
        id=f"c{next(_ids):03d}",
        doc_id=doc,
        start=0,
        end=10,
        subject=subject,
        attribute=attribute,
        value=value,
        value_kind=kind,  # type: ignore[arg-type]
        **fields,
    )


def fighters(doc: str, value: str, qualifier: str = "exact", **fields: Any) -> Claim:
    return claim(doc, "fighters", value, subject="isis", qualifier=qualifier, **fields)


OUTLETS = {"a": "A", "b": "B", "c": "C", "d": "D", "a2": "A"}


def test_over_2000_and_about_2300_from_two_outlets_corroborate() -> None:
    claims = [fighters("a", "2000", "lower"), fighters("b", "2300", "approx")]
    result = assess("isis", "fighters", claims, OUTLETS)
    assert result.status == "corroborated"
    assert result.sources == 2
    assert result.groups == (tuple(sorted(c.id for c in claims)),)
    assert result.claim_ids == tuple(sorted(c.id for c in claims))
    assert result.reason is None


def test_two_reports_from_the_same_outlet_are_one_source() -> None:
    claims = [fighters("a", "2000"), fighters("a2", "2000")]
    result = assess("isis", "fighters", claims, OUTLETS)
    assert (result.status, result.sources) == ("single_source", 1)


def test_a_republished_wire_copy_is_one_source() -> None:
    """The lead gives near-duplicates one independence key."""
    claims = [fighters("orig", "2000"), fighters("copy", "2000")]
    independence = {"orig": "group:orig", "copy": "group:orig"}
    assert assess("isis", "fighters", claims, independence).status == "single_source"


def test_documents_without_a_key_are_their_own_source() -> None:
    claims = [fighters("x", "2000"), fighters("y", "2000")]
    assert assess("isis", "fighters", claims, {}).status == "corroborated"


def test_300_against_2000_fighters_is_contradicted() -> None:
    claims = [fighters("a", "2000"), fighters("b", "2000"), fighters("c", "300")]
    result = assess("isis", "fighters", claims, OUTLETS)
    assert result.status == "contradicted"
    assert result.reason == "fighters 2,000 (2 sources) but fighters 300 (1 source)"
    assert result.sources == 2
    assert result.groups == ((claims[0].id, claims[1].id), (claims[2].id,))


def test_differing_but_compatible_figures_are_not_contradicted() -> None:
    claims = [fighters("a", "1000"), fighters("b", "1300")]
    result = assess("isis", "fighters", claims, OUTLETS)
    assert result.status == "single_source"
    assert len(result.groups) == 2


def test_a_report_contradicting_itself_is_not_a_dispute() -> None:
    claims = [fighters("a", "300"), fighters("a", "2000")]
    assert assess("isis", "fighters", claims, OUTLETS).status == "single_source"


def test_march_2016_corroborates_2016() -> None:
    claims = [claim("a", "captured_on", "2016-03"), claim("b", "captured_on", "2016")]
    result = assess("ramadi", "captured_on", claims, OUTLETS)
    assert result.status == "corroborated"


def test_a_vague_date_joins_the_precise_group() -> None:
    march, june, year = (
        claim("a", "captured_on", "2016-03"),
        claim("b", "captured_on", "2016-06"),
        claim("c", "captured_on", "2016"),
    )
    result = assess("ramadi", "captured_on", [year, june, march], OUTLETS)
    assert result.status == "contradicted"
    assert result.groups == (tuple(sorted((march.id, year.id))), (june.id,))
    assert result.reason == "captured 2016-03 (2 sources) but captured 2016-06 (1 source)"


def test_captured_in_may_contradicts_held_since_july() -> None:
    claims = [
        claim("a", "captured_on", "2015-05"),
        claim("b", "captured_on", "2015-05-17"),
        claim("c", "control_since", "2015-07"),
    ]
    captured = assess("ramadi", "captured_on", claims, OUTLETS)
    assert captured.status == "contradicted"
    assert captured.reason == "captured 2015-05-17 (2 sources) but held since 2015-07 (1 source)"
    assert captured.claim_ids == tuple(sorted(c.id for c in claims[:2]))
    since = assess("ramadi", "control_since", claims, OUTLETS)
    assert since.status == "contradicted"
    assert since.reason == "held since 2015-07 (1 source) but captured 2015-05 (2 sources)"


def test_captures_by_different_actors_are_different_episodes() -> None:
    claims = [
        claim("a", "captured_on", "2014-06", sentence=3),
        claim("a", "controlled_by", "isis", sentence=3),
        claim("b", "control_since", "2016-02", sentence=1),
        claim("b", "controlled_by", "army", sentence=1),
    ]
    assert claim_actor(claims[0], claims) == "isis"
    assert claim_actor(claims[2], claims) == "army"
    assert assess("ramadi", "captured_on", claims, OUTLETS).status == "single_source"
    assert control_conflicts(claims, published={"a": dt.date(2014, 7, 1)}) == []


def test_the_same_actor_with_two_start_dates_is_contradicted() -> None:
    claims = [
        claim("a", "captured_on", "2014-06", sentence=3),
        claim("a", "controlled_by", "isis", sentence=3),
        claim("b", "control_since", "2015-02", sentence=1),
        claim("b", "controlled_by", "isis", sentence=1),
    ]
    conflicts = control_conflicts(claims)
    assert conflicts == [(claims[0].id, claims[2].id, "captured 2014-06 but held since 2015-02")]


def test_two_controllers_at_the_same_time_are_contradicted() -> None:
    claims = [claim("a", "controlled_by", "isis"), claim("b", "controlled_by", "army")]
    published = {"a": dt.date(2015, 6, 1), "b": dt.date(2015, 6, 4)}
    result = assess(
        "ramadi",
        "controlled_by",
        claims,
        OUTLETS,
        published=published,
        names={"isis": "Islamic State", "army": "Iraqi Army"},
    )
    assert result.status == "contradicted"
    assert result.reason == (
        "controlled by Islamic State (1 source) but controlled by Iraqi Army (1 source)"
    )


def test_controllers_years_apart_are_a_change_not_a_contradiction() -> None:
    claims = [claim("a", "controlled_by", "isis"), claim("b", "controlled_by", "army")]
    published = {"a": dt.date(2015, 6, 1), "b": dt.date(2017, 8, 1)}
    result = assess("ramadi", "controlled_by", claims, OUTLETS, published=published)
    assert result.status == "single_source"


def test_held_since_stretches_a_controllers_window() -> None:
    """ "Held by IS since 2014" in 2016 clashes with "taken by the army in 2015" in 2017."""
    claims = [
        claim("a", "controlled_by", "isis", sentence=2),
        claim("a", "control_since", "2014", sentence=2),
        claim("b", "controlled_by", "army", sentence=5),
        claim("b", "captured_on", "2015-03", sentence=5),
    ]
    published = {"a": dt.date(2016, 1, 10), "b": dt.date(2017, 1, 10)}
    assert control_window(claims[0], claims, published) == (dt.date(2014, 1, 1), published["a"])
    assert control_window(claims[0], claims) == (dt.date(2014, 1, 1), dt.date.max)
    assert control_window(claim("z", "controlled_by", "isis"), claims) is None
    result = assess("ramadi", "controlled_by", claims, OUTLETS, published=published)
    assert result.status == "contradicted"


def test_a_negated_claim_never_corroborates_but_contradicts() -> None:
    denied = [
        claim("a", "controlled_by", "isis", negated=True),
        claim("b", "controlled_by", "isis", negated=True),
    ]
    result = assess("ramadi", "controlled_by", denied, OUTLETS)
    assert (result.status, result.sources) == ("single_source", 0)
    stated = claim("c", "controlled_by", "isis")
    result = assess("ramadi", "controlled_by", [*denied, stated], OUTLETS)
    assert result.status == "contradicted"
    assert result.reason == "controlled by isis (1 source) but not controlled by isis (2 sources)"


def test_hedged_claims_count() -> None:
    claims = [fighters("a", "2000", hedged=True), fighters("b", "2000")]
    assert assess("isis", "fighters", claims, OUTLETS).status == "corroborated"


def test_other_subjects_and_attributes_are_context_only() -> None:
    claims = [fighters("a", "2000"), claim("b", "fighters", "300", subject="sdf")]
    result = assess("isis", "fighters", claims, OUTLETS)
    assert result.claim_ids == (claims[0].id,)
    assert result.status == "single_source"
    empty = assess("nobody", "fighters", claims, OUTLETS)
    assert (empty.status, empty.claim_ids, empty.sources) == ("single_source", (), 0)


# --- claims against seizure events --------------------------------------------------------------


def seizure(doc: str, date: str, actor1: str | None = "isis", **fields: Any) -> Event:
    precision = "day" if len(date) == 10 else "month"
    return Event(
        id=f"e-{doc}-{date}-{actor1}",
        doc_id=doc,
        start=0,
        end=10,
        event_type="Battles",
        sub_event_type=fields.pop("sub_event_type", "Non-state actor overtakes territory"),
        trigger="captured",
        actor1=actor1,
        location=fields.pop("location", "ramadi"),
        date=TimeValue(date, precision),  # type: ignore[arg-type]
        **fields,
    )


def held_since(doc: str, since: str, actor: str | None = "isis") -> list[Claim]:
    claims = [claim(doc, "control_since", since, sentence=4)]
    if actor:
        claims.append(claim(doc, "controlled_by", actor, sentence=4))
    return claims


def test_a_seizure_before_held_since_by_the_same_actor_contradicts() -> None:
    claims = held_since("a", "2015-07")
    event = seizure("b", "2015-05-17")
    assert event_conflicts(claims, [event], names={"isis": "Islamic State"}) == [
        (claims[0].id, event.id, "held since 2015-07 but Islamic State took it 2015-05-17")
    ]
    assert event_conflicts(claims, [seizure("b", "2015-07-02")]) == []


def test_a_seizure_by_an_unknown_actor_counts_as_the_same() -> None:
    claims = held_since("a", "2015-07", actor=None)
    assert len(event_conflicts(claims, [seizure("b", "2015-05-17", actor1="army")])) == 1
    assert len(event_conflicts(held_since("a", "2015-07"), [seizure("b", "2015-05", None)])) == 1


def test_a_later_seizure_needs_the_report_to_be_later_still() -> None:
    claims = held_since("a", "2014-06")
    by_army, by_isis = seizure("b", "2016-02-09", actor1="army"), seizure("c", "2015-03-01")
    assert event_conflicts(claims, [by_army, by_isis]) == []  # no publication date: no "now"
    before = {"a": dt.date(2015, 1, 1)}
    assert event_conflicts(claims, [by_army, by_isis], published=before) == []
    after = {"a": dt.date(2016, 6, 1)}
    found = event_conflicts(claims, [by_army, by_isis], published=after)
    assert {event_id for _, event_id, _ in found} == {by_army.id, by_isis.id}


def test_a_capture_date_against_a_seizure_event() -> None:
    capture = [claim("a", "captured_on", "2015-05", sentence=1)]
    assert len(event_conflicts(capture, [seizure("b", "2015-07-01")])) == 1
    assert len(event_conflicts(capture, [seizure("b", "2015-03-01")])) == 1
    assert event_conflicts(capture, [seizure("b", "2015-05-17")]) == []
    capture.append(claim("a", "controlled_by", "isis", sentence=1))
    assert event_conflicts(capture, [seizure("b", "2016-01-01", actor1="army")]) == []


def test_events_that_do_not_apply_are_ignored() -> None:
    claims = held_since("a", "2015-07")
    ignored = [
        seizure("b", "2015-05-17", negated=True),
        seizure("b", "2015-05-18", future=True),
        seizure("b", "2015-05-19", location="falluja"),
        seizure("b", "2015-05-20", sub_event_type="Armed clash"),
        seizure("a", "2015-05-21"),  # the claim's own report
    ]
    assert event_conflicts(claims, ignored) == []
    negated = [claim("c", "control_since", "2015-07", negated=True)]
    assert event_conflicts(negated, [seizure("b", "2015-05-17")]) == []


def test_government_regains_territory_is_a_seizure() -> None:
    claims = held_since("a", "2015-07", actor="army")
    regained = seizure(
        "b", "2015-02-01", actor1="army", sub_event_type="Government regains territory"
    )
    assert len(event_conflicts(claims, [regained])) == 1


def test_affected_keys_expand_control_attributes() -> None:
    claims = [fighters("a", "2000"), claim("a", "captured_on", "2015")]
    assert affected_keys(claims) == {
        ("isis", "fighters"),
        ("ramadi", "captured_on"),
        ("ramadi", "control_since"),
        ("ramadi", "controlled_by"),
    }


_figures = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "a2"]),
        st.sampled_from(["300", "2000", "2100", "2300", "1300"]),
        st.sampled_from(["exact", "approx", "lower", "upper"]),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)


@given(_figures, st.randoms(use_true_random=False))
def test_assessment_does_not_depend_on_claim_order(rows: list[Any], rng: Any) -> None:
    claims = [
        fighters(doc, value, qualifier, negated=negated) for doc, value, qualifier, negated in rows
    ]
    shuffled = list(claims)
    rng.shuffle(shuffled)
    first = assess("isis", "fighters", claims, OUTLETS)
    assert assess("isis", "fighters", shuffled, OUTLETS) == first
    assert sorted(i for g in first.groups for i in g) == list(first.claim_ids)
