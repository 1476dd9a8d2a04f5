"""Comparing two claims' values: figures within qualifiers, dates within precisions, entities."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from warwire.fuse.values import (
    Comparison,
    compare,
    describe,
    event_window,
    number_span,
    overlaps,
    time_interval,
)
from warwire.models import Claim, Event, TimeValue

D = dt.date


def claim(value: str, attribute: str = "fighters", **fields: Any) -> Claim:
    fields.setdefault("doc_id", f"doc-{value}")
    return Claim(
        id=f"c-{attribute}-{value}-{fields.get('qualifier', 'exact')}",
        start=0,
        end=10,
        subject="isis",
        attribute=attribute,
        value=value,
        **fields,
    )


def when(value: str, attribute: str = "captured_on", **fields: Any) -> Claim:
    precision = fields.pop("precision", None) or {4: "year", 7: "month", 10: "day"}[len(value)]
    return claim(value, attribute, value_kind="time", precision=precision, **fields)


# --- figures ------------------------------------------------------------------------------------


def test_over_2000_agrees_with_about_2300() -> None:
    result = compare(claim("2000", qualifier="lower"), claim("2300", qualifier="approx"))
    assert result == Comparison(agree=True, contradict=False)


def test_300_and_2000_fighters_contradict() -> None:
    result = compare(claim("300"), claim("2000"))
    assert result.contradict and not result.agree
    assert result.reason == "fighters 300 but fighters 2,000"


def test_close_figures_agree_and_middling_ones_merely_differ() -> None:
    assert compare(claim("2000"), claim("2080")).agree
    middling = compare(claim("1000"), claim("1300"))
    assert not middling.agree and not middling.contradict


def test_approximate_figures_are_wider_than_exact_ones() -> None:
    assert compare(claim("1000", qualifier="approx"), claim("1250", qualifier="approx")).agree
    assert not compare(claim("1000"), claim("1250")).agree


def test_over_n_agrees_up_to_twice_n_and_never_contradicts_more() -> None:
    over = claim("2000", qualifier="lower")
    assert compare(over, claim("3900")).agree
    far = compare(over, claim("9000"))
    assert not far.agree and not far.contradict
    assert compare(over, claim("300")).contradict
    assert compare(over, claim("1000")).contradict
    assert not compare(over, claim("1900")).contradict


def test_under_n_agrees_down_to_half_n() -> None:
    under = claim("500", qualifier="upper")
    assert compare(under, claim("400")).agree
    small = compare(under, claim("20"))
    assert not small.agree and not small.contradict
    assert compare(under, claim("2000")).contradict


def test_ranges_agree_with_figures_inside_them() -> None:
    assert compare(claim("10", value_high="15", unit="km"), claim("12", unit="km")).agree
    assert number_span(claim("15", value_high="10")) == (10 * 0.95, 15 * 1.05)


def test_open_spans_for_contradiction() -> None:
    assert number_span(claim("2000", qualifier="lower"), bounded=False) == (2000, math.inf)
    assert number_span(claim("500", qualifier="upper"), bounded=False) == (0.0, 500)
    assert number_span(claim("many")) is None


def test_zero_contradicts_a_positive_count() -> None:
    assert compare(claim("0", "casualties"), claim("5", "casualties")).contradict


def test_units_references_and_bearings() -> None:
    km = claim("10", "distance_to", unit="km", reference="mosul", bearing="E")
    assert not compare(km, claim("10", "distance_to", unit="mi", reference="mosul")).agree
    other_town = compare(km, claim("300", "distance_to", unit="km", reference="erbil"))
    assert not other_town.agree and not other_town.contradict
    west = compare(km, claim("10", "distance_to", unit="km", reference="mosul", bearing="W"))
    assert west.contradict
    north_east = compare(km, claim("10", "distance_to", unit="km", reference="mosul", bearing="NE"))
    assert not north_east.agree and not north_east.contradict
    assert compare(km, claim("10", "distance_to", unit="km", reference="mosul", bearing="e")).agree


def test_unreadable_figures_are_not_compared() -> None:
    result = compare(claim("dozens"), claim("12"))
    assert (result.agree, result.contradict) == (False, False)
    assert result.reason == "unreadable figure"


def test_different_kinds_of_value_are_not_compared() -> None:
    result = compare(claim("2015"), when("2015"))
    assert (result.agree, result.contradict, result.reason) == (
        False,
        False,
        "different kinds of value",
    )


# --- times --------------------------------------------------------------------------------------


def test_march_2016_agrees_with_2016() -> None:
    assert compare(when("2016-03"), when("2016")).agree
    assert compare(when("2016-03-14"), when("2016-03")).agree


def test_captured_in_may_contradicts_held_since_july() -> None:
    result = compare(when("2015-05"), when("2015-07", "control_since"))
    assert result.contradict
    assert result.reason == "captured 2015-05 but held since 2015-07"


def test_two_capture_months_contradict() -> None:
    assert compare(when("2015-05"), when("2015-06")).contradict


def test_time_intervals_at_every_precision() -> None:
    assert time_interval("2016") == (D(2016, 1, 1), D(2016, 12, 31))
    assert time_interval("2016-02") == (D(2016, 2, 1), D(2016, 2, 29))
    assert time_interval("2016-12") == (D(2016, 12, 1), D(2016, 12, 31))
    assert time_interval("2016-03-14") == (D(2016, 3, 14), D(2016, 3, 14))
    assert time_interval("2016-03-14T10:00") == (D(2016, 3, 14), D(2016, 3, 14))
    assert time_interval("2016-W10") == (D(2016, 3, 7), D(2016, 3, 13))
    assert time_interval("2016-W10-WE") == (D(2016, 3, 12), D(2016, 3, 13))
    assert time_interval("2016-SU") == (D(2016, 6, 1), D(2016, 8, 31))
    assert time_interval("2016-WI") == (D(2015, 12, 1), D(2017, 2, 28))
    assert time_interval("2016-Q2") == (D(2016, 4, 1), D(2016, 6, 30))
    assert time_interval("2016-H2") == (D(2016, 7, 1), D(2016, 12, 31))
    assert time_interval("1990", "year", end="1999") == (D(1990, 1, 1), D(1999, 12, 31))
    assert time_interval("2016-03-14", "month") == (D(2016, 3, 1), D(2016, 3, 31))
    assert time_interval("2016-03-14", "year") == time_interval("2016")


def test_what_is_not_a_date_has_no_interval() -> None:
    for value in ("PRESENT_REF", "XXXX-WXX-5", "P3M", "2016-13", "2016-02-30", "2016-Q5", "16"):
        assert time_interval(value) is None
    assert not compare(when("2016"), claim("PRESENT_REF", "captured_on", value_kind="time")).agree


def test_overlaps_with_slack_and_unknown_spans() -> None:
    may, june = (D(2015, 5, 1), D(2015, 5, 31)), (D(2015, 6, 3), D(2015, 6, 30))
    assert not overlaps(may, june)
    assert overlaps(may, june, slack_days=3)
    assert overlaps(None, may)


def test_event_window_widens_publication_dates() -> None:
    def event(date: TimeValue | None) -> Event:
        return Event(
            id="e",
            doc_id="d",
            start=0,
            end=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            trigger="clashed",
            date=date,
        )

    published = event(TimeValue("2016-03-14", "day", anchor="published"))
    assert event_window(published) == (D(2016, 3, 11), D(2016, 3, 17))
    assert event_window(event(TimeValue("2016-03-14", "day"))) == (D(2016, 3, 14),) * 2
    assert event_window(event(None)) is None


# --- entities and negation ----------------------------------------------------------------------


def entity(value: str, attribute: str = "controlled_by", **fields: Any) -> Claim:
    return claim(value, attribute, value_kind="entity", **fields)


def test_entities_agree_when_equal() -> None:
    assert compare(entity("isis"), entity("isis")).agree


def test_different_controllers_contradict_only_at_the_same_time() -> None:
    result = compare(entity("isis"), entity("iraqi-army"))
    assert result.contradict
    assert result.reason == "controlled by isis but controlled by iraqi-army"
    y2015, y2017 = (D(2015, 1, 1), D(2015, 1, 1)), (D(2017, 7, 1), D(2017, 7, 1))
    later = compare(entity("isis"), entity("iraqi-army"), when_a=y2015, when_b=y2017)
    assert not later.contradict and not later.agree


def test_other_entity_attributes_never_contradict() -> None:
    result = compare(entity("a", "led_by"), entity("b", "led_by"))
    assert not result.agree and not result.contradict


def test_a_negated_claim_contradicts_what_it_denies_and_never_agrees() -> None:
    denied = entity("isis", negated=True)
    result = compare(entity("isis"), denied)
    assert result.contradict and not result.agree
    assert result.reason == "controlled by isis but not controlled by isis"
    assert not compare(entity("army"), denied).contradict
    assert not compare(denied, entity("army", negated=True)).contradict


def test_describe_uses_names_and_qualifiers() -> None:
    names = {"isis": "Islamic State", "mosul": "Mosul"}
    assert describe(entity("isis"), names) == "controlled by Islamic State"
    assert describe(claim("2000", qualifier="lower")) == "fighters over 2,000"
    assert describe(claim("2.5", "population")) == "population 2.5"
    far = claim("10", "distance_to", value_high="15", unit="km", reference="mosul", bearing="E")
    assert describe(far, names) == "distance_to 10-15 km E of Mosul"
    assert describe(when("1990", value_high="1999")) == "captured 1990/1999"
    assert describe(when("2014", "founded")) == "founded 2014"


# --- symmetry -----------------------------------------------------------------------------------

_claims = st.one_of(
    st.builds(
        lambda v, h, q, n: claim(
            str(v), value_high=None if h is None else str(h), qualifier=q, negated=n
        ),
        st.integers(0, 5000),
        st.one_of(st.none(), st.integers(0, 5000)),
        st.sampled_from(["exact", "approx", "lower", "upper"]),
        st.booleans(),
    ),
    st.builds(
        lambda y, m, a, n: when(f"{y}-{m:02d}" if m else str(y), a, negated=n),
        st.integers(2013, 2017),
        st.integers(0, 12),
        st.sampled_from(["captured_on", "control_since"]),
        st.booleans(),
    ),
    st.builds(
        lambda v, n: entity(v, negated=n), st.sampled_from(["isis", "army", "sdf"]), st.booleans()
    ),
)


@given(_claims, _claims)
def test_comparison_is_symmetric(a: Claim, b: Claim) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert ab.agree == ba.agree
    assert ab.contradict == ba.contradict
    assert not (ab.agree and ab.contradict)


@given(_claims)
def test_a_claim_agrees_with_itself_unless_unreadable(a: Claim) -> None:
    result = compare(a, a)
    assert not result.contradict
    assert result.agree
