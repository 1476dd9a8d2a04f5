"""Whether two claims' values agree, contradict each other, or neither.

Every value becomes a span of what it allows, and spans are compared:

- **Numbers**: ``value`` (to ``value_high`` for a range) widened by its qualifier. For agreement:
  exact ±5 % (:data:`EXACT_TOLERANCE`), ``approx`` ±15 % (:data:`APPROX_TOLERANCE`), ``lower``
  ("over N") ``[N, 2N]`` and ``upper`` ("under N") ``[N/2, N]`` (:data:`LOWER_CAP`,
  :data:`UPPER_FLOOR`: "over 2,000" is read as "2,000 to 4,000", so it agrees with "about 2,300"
  but not with "9,000", which it does not contradict either). For contradiction the open bounds
  stay open (``[N, ∞)``, ``[0, N]``), and two values contradict only when those spans are
  disjoint *and* the higher span starts at least :data:`CONTRADICTION_RATIO` (1.25) times above
  the end of the lower one: 300 and 2,000 fighters contradict, and so do 137 and "nearly 100"
  dead; 1,000 and 1,300 merely differ (950-1,050 and 1,235-1,365 are only 1.18 apart).
  Values in different units, or distances from different reference places, are not compared.
- **Times**: a TimeML-style ISO prefix becomes the days it covers (:func:`time_interval`: year,
  half ``2016-H1``, quarter ``2016-Q1``, season ``2016-SU``, month, ISO week ``2016-W09`` and
  weekend ``2016-W09-WE``, day, day with a clock time); ``value_high`` or ``end`` extends it.
  Overlapping spans agree ("March 2016" and "2016"), disjoint ones contradict: two attributes
  that date the start of control (``captured_on``, ``control_since``) compare the same way, so
  "captured in May 2015" contradicts "held since July 2015".
- **Entities**: the same id agrees. Different ids contradict only for ``controlled_by`` and only
  when the times the two claims hold at overlap (``when_a``/``when_b``, see
  :func:`warwire.fuse.assess.control_window`; unknown times overlap everything).

A negated claim ("X is not held by Y") never agrees with anything; it contradicts a claim whose
value its own would agree with. Two negated claims never contradict each other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from warwire.models import Claim, Event, Precision, Qualifier, TimeValue

__all__ = [
    "APPROX_TOLERANCE",
    "CONTRADICTION_RATIO",
    "EXACT_TOLERANCE",
    "LOWER_CAP",
    "PUBLISHED_SLACK_DAYS",
    "UPPER_FLOOR",
    "Comparison",
    "Interval",
    "compare",
    "date_window",
    "describe",
    "event_window",
    "number_span",
    "overlaps",
    "time_interval",
]

#: Relative half-width of an exact figure's span.
EXACT_TOLERANCE = 0.05
#: Relative half-width of an approximate figure's span ("about", "some", "roughly").
APPROX_TOLERANCE = 0.15
#: "over N" agrees with values up to ``LOWER_CAP * N``.
LOWER_CAP = 2.0
#: "under N" agrees with values down to ``UPPER_FLOOR * N``.
UPPER_FLOOR = 0.5
#: Disjoint figures contradict when one span starts this many times above the other's end.
CONTRADICTION_RATIO = 1.25
#: An event dated only by its report's publication day may lie this many days either side.
PUBLISHED_SLACK_DAYS = 3

Interval = tuple[dt.date, dt.date]
"""A closed span of days, first and last."""


@dataclass(frozen=True)
class Comparison:
    """How two claims' values relate: ``agree`` and ``contradict`` are never both true;
    ``reason`` says why they contradict, or why they could not be compared."""

    agree: bool
    contradict: bool
    reason: str | None = None


_NEITHER = Comparison(agree=False, contradict=False)
_AGREE = Comparison(agree=True, contradict=False)

# --- times ------------------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_PART = re.compile(r"(\d{4})-([QH])([1-4])")
_YEAR = re.compile(r"(\d{4})")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _span(value: str) -> Interval | None:
    if m := _DAY.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month)
    if m := _SEASON.fullmatch(value):
        year = int(m[1])
        if m[2] == "WI":  # "winter 2016": December 2015 to February 2017 covers both readings
            return dt.date(year - 1, 12, 1), _month_end(year + 1, 2)
        first, last = _SEASON_MONTHS[m[2]]
        return dt.date(year, first, 1), _month_end(year, last)
    if m := _PART.fullmatch(value):
        year, n = int(m[1]), int(m[3])
        months = 3 if m[2] == "Q" else 6
        if n * months > 12:
            return None
        return dt.date(year, (n - 1) * months + 1, 1), _month_end(year, n * months)
    if m := _YEAR.fullmatch(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None


@lru_cache(maxsize=4096)
def time_interval(
    value: str, precision: Precision | None = None, *, end: str | None = None
) -> Interval | None:
    """The days a TimeML-style value covers, to the last day of ``end`` when given; a
    ``precision`` coarser than the value's form truncates it (``2016-03-12`` at ``month`` is
    March 2016). None for what is not a date (``PRESENT_REF``, ``XXXX-WXX-5``, ``P3M``)."""
    if precision == "year":
        value = value[:4]
    elif precision == "month" and _MONTH.match(value):
        value = value[:7]
    try:
        span = _span(value.strip())
        last = _span(end.strip()) if end else None
    except ValueError:  # a month 13, week 54, February 30
        return None
    if span is None:
        return None
    if last is not None and last[1] > span[0]:
        return span[0], last[1]
    return span


def event_window(event: Event) -> Interval | None:
    """The days an event may have happened on: its date's span, or the publication day
    ±:data:`PUBLISHED_SLACK_DAYS` when the date was only the report's (``anchor ==
    "published"``). None for an undated event."""
    return date_window(event.date)


def date_window(date: TimeValue | None) -> Interval | None:
    """:func:`event_window` of an event with this date (a fused event's date is one of its
    members' dates, so this is that member's window)."""
    if date is None:
        return None
    window = time_interval(date.value, date.precision, end=date.end)
    if window is not None and date.anchor == "published":
        slack = dt.timedelta(days=PUBLISHED_SLACK_DAYS)
        return window[0] - slack, window[1] + slack
    return window


def overlaps(a: Interval | None, b: Interval | None, *, slack_days: int = 0) -> bool:
    """Whether two spans share a day (or come within ``slack_days``); an unknown span (None)
    overlaps everything."""
    if a is None or b is None:
        return True
    return (a[0] - b[1]).days <= slack_days and (b[0] - a[1]).days <= slack_days


# --- numbers ----------------------------------------------------------------------------------


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_span(claim: Claim, *, bounded: bool = True) -> tuple[float, float] | None:
    """The figures a numeric claim allows (see the module docstring); ``bounded=False`` leaves
    "over N" open above and "under N" down to 0, as contradiction needs. None when unreadable."""
    return _figures(claim.value, claim.value_high, claim.qualifier, bounded)


@lru_cache(maxsize=4096)
def _figures(
    value: str, value_high: str | None, qualifier: Qualifier, bounded: bool
) -> tuple[float, float] | None:
    low, high = _number(value), _number(value_high or value)
    if low is None or high is None:
        return None
    low, high = min(low, high), max(low, high)
    if qualifier == "lower":
        return low, (high * LOWER_CAP if bounded else math.inf)
    if qualifier == "upper":
        return (low * UPPER_FLOOR if bounded else 0.0), high
    tolerance = APPROX_TOLERANCE if qualifier == "approx" else EXACT_TOLERANCE
    return low * (1 - tolerance), high * (1 + tolerance)


_POINTS = [
    "N",
    "NNE",
    "NE",
    "ENE",
    "E",
    "ESE",
    "SE",
    "SSE",
    "S",
    "SSW",
    "SW",
    "WSW",
    "W",
    "WNW",
    "NW",
    "NNW",
]
_COMPASS = {point: i * 22.5 for i, point in enumerate(_POINTS)}


def _bearings_clash(a: str | None, b: str | None) -> bool:
    """Two compass bearings at least 90° apart ("east" and "south" of the same place)."""
    if a is None or b is None or a.upper() not in _COMPASS or b.upper() not in _COMPASS:
        return False
    gap = abs(_COMPASS[a.upper()] - _COMPASS[b.upper()]) % 360
    return min(gap, 360 - gap) >= 90


def _compare_numbers(a: Claim, b: Claim) -> Comparison:
    if a.unit and b.unit and a.unit != b.unit:
        return Comparison(False, False, f"different units: {a.unit} and {b.unit}")
    if a.reference != b.reference:
        return Comparison(False, False, "distances from different places")
    agreeing, closed_b = number_span(a), number_span(b)
    open_a, open_b = number_span(a, bounded=False), number_span(b, bounded=False)
    if agreeing is None or closed_b is None or open_a is None or open_b is None:
        return Comparison(False, False, "unreadable figure")
    if _bearings_clash(a.bearing, b.bearing):
        return Comparison(False, True, f"{describe(a)} but {describe(b)}")
    if a.bearing and b.bearing and a.bearing.upper() != b.bearing.upper():
        return _NEITHER
    if agreeing[0] <= closed_b[1] and closed_b[0] <= agreeing[1]:
        return _AGREE
    lower, upper = sorted((open_a, open_b))
    if upper[0] > lower[1] and upper[0] >= CONTRADICTION_RATIO * lower[1]:
        return Comparison(False, True, f"{describe(a)} but {describe(b)}")
    return _NEITHER


# --- comparison -------------------------------------------------------------------------------


def _compare_values(
    a: Claim, b: Claim, when_a: Interval | None, when_b: Interval | None
) -> Comparison:
    if a.value_kind != b.value_kind:
        return Comparison(False, False, "different kinds of value")
    if a.value_kind == "number":
        return _compare_numbers(a, b)
    if a.value_kind == "time":
        span_a = time_interval(a.value, a.precision, end=a.value_high)
        span_b = time_interval(b.value, b.precision, end=b.value_high)
        if span_a is None or span_b is None:
            return Comparison(False, False, "unreadable date")
        if overlaps(span_a, span_b):
            return _AGREE
        return Comparison(False, True, f"{describe(a)} but {describe(b)}")
    if a.value == b.value:
        return _AGREE
    if a.attribute == b.attribute == "controlled_by" and overlaps(when_a, when_b):
        return Comparison(False, True, f"{describe(a)} but {describe(b)}")
    return _NEITHER


def compare(
    a: Claim, b: Claim, *, when_a: Interval | None = None, when_b: Interval | None = None
) -> Comparison:
    """How the values of two claims relate (see the module docstring). ``when_a``/``when_b``
    are the times the claims hold at, used for entity values only (None: unknown)."""
    base = _compare_values(a, b, when_a, when_b)
    if a.negated == b.negated:
        if a.negated:
            return Comparison(base.agree, False, None)
        return base
    if base.agree:
        return Comparison(False, True, f"{describe(a)} but {describe(b)}")
    return _NEITHER


# --- words ------------------------------------------------------------------------------------

_QUALIFIER_WORDS = {"exact": "", "approx": "about ", "lower": "over ", "upper": "under "}


def _figure(text: str) -> str:
    value = _number(text)
    if value is None:
        return text
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"


def describe(claim: Claim, names: Mapping[str, str] | None = None) -> str:
    """A claim's value in words, for reasons: "captured 2015-05", "held since 2015-07",
    "controlled by Islamic State", "fighters over 2,000", "distance_to 10-15 km E of Mosul";
    ``names`` maps entity ids to names (ids are shown otherwise)."""
    names = names or {}
    value = claim.value
    if claim.value_kind == "time":
        if claim.value_high:
            value = f"{value}/{claim.value_high}"
        text = {"captured_on": "captured", "control_since": "held since"}.get(
            claim.attribute, claim.attribute
        )
        text = f"{text} {value}"
    elif claim.value_kind == "entity":
        verb = "controlled by" if claim.attribute == "controlled_by" else claim.attribute
        text = f"{verb} {names.get(value, value)}"
    else:
        figure = _figure(value)
        if claim.value_high and claim.value_high != claim.value:
            figure = f"{figure}-{_figure(claim.value_high)}"
        text = f"{claim.attribute} {_QUALIFIER_WORDS[claim.qualifier]}{figure}"
        if claim.unit:
            text += f" {claim.unit}"
        if claim.reference:
            direction = f" {claim.bearing}" if claim.bearing else ""
            text += f"{direction} of {names.get(claim.reference, claim.reference)}"
    return f"not {text}" if claim.negated else text
