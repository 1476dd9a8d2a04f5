"""What the Markdown and HTML renderers share: wording, ordering, dates and footnote numbers.

Both renderers walk a dossier in the same order (summary, contradictions, the other
assessments, events, actors, places), so a statement gets the same footnote number in both.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from warwire.actors.kb import INTER_CODES
from warwire.report.dossier_model import (
    ActorRef,
    AssessmentView,
    Dossier,
    EventView,
    SourceRef,
    ValueSupport,
)

STATUS_ORDER: tuple[str, ...] = ("contradicted", "corroborated", "single_source")
STATUS_TITLES: dict[str, str] = {
    "contradicted": "Contradictions",
    "corroborated": "Corroborated",
    "single_source": "Single source",
}
STATUS_WORDS: dict[str, str] = {
    "contradicted": "contradicted",
    "corroborated": "corroborated",
    "single_source": "single-source",
}
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "approx": "about",
    "lower": "over",
    "upper": "under",
}

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def by_status(assessments: Iterable[AssessmentView]) -> list[tuple[str, list[AssessmentView]]]:
    """Assessments grouped by status, contradictions first, unknown statuses last."""
    groups: dict[str, list[AssessmentView]] = {}
    for a in assessments:
        groups.setdefault(a.status, []).append(a)
    order = [s for s in STATUS_ORDER if s in groups]
    order += sorted(s for s in groups if s not in STATUS_ORDER)
    return [(s, groups[s]) for s in order]


def status_title(status: str) -> str:
    return STATUS_TITLES.get(status, status.replace("_", " ").capitalize())


def actor_type_label(actor_type: int | None) -> str:
    """``"1 state forces"`` for ACLED inter code 1; empty when unknown."""
    if actor_type is None:
        return ""
    label = INTER_CODES.get(actor_type)
    return f"{actor_type} {label}" if label else str(actor_type)


def format_number(value: int | float | str) -> str:
    """Thousands separators for numbers, and for strings that hold one (``"200000"``)."""
    if isinstance(value, str):
        if not _NUMBER.match(value):
            return value
        value = float(value) if "." in value else int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def format_value(v: ValueSupport) -> str:
    """A value as a reader says it: ``about 200,000 people``, ``2014-06 (month)``."""
    raw: Any = v.value
    if isinstance(raw, dict):
        text = str(raw.get("name") or raw.get("label") or raw.get("value") or "")
        if not text:
            text = ", ".join(f"{k}={raw[k]}" for k in sorted(raw))
    elif isinstance(raw, bool):
        text = str(raw).lower()
    elif isinstance(raw, int | float) or (isinstance(raw, str) and v.precision is None):
        text = format_number(raw)
    else:
        text = str(raw)
    parts = [QUALIFIER_WORDS.get(v.qualifier, v.qualifier), text, v.unit or ""]
    out = " ".join(p for p in parts if p)
    if v.precision:
        out += f" ({v.precision})"
    return out


def actor_name(actor: ActorRef | None) -> str:
    return actor.name if actor else ""


def outlet(ref: SourceRef) -> str:
    return ref.source or ref.title or "unknown outlet"


def fatalities_text(e: EventView) -> str:
    if e.fatalities is None:
        return ""
    text = format_number(e.fatalities)
    if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
        text += f"–{format_number(e.fatalities_high)}"
    return text + (" (disputed)" if e.disputed else "")


def effective_precision(value: str, precision: str | None) -> str | None:
    """The precision a date prefix has: the stated one, else what its shape says."""
    if precision:
        return precision
    for pattern, name in (
        (_YEAR, "year"),
        (_MONTH, "month"),
        (_WEEK, "week"),
        (_QUARTER, "quarter"),
        (_SEASON, "season"),
        (_DAY, "day"),
    ):
        if pattern.match(value):
            return name
    return None


def date_interval(
    value: str | None, precision: str | None = None
) -> tuple[dt.date, dt.date] | None:
    """The days ``[start, end)`` an ISO date prefix covers at its precision, None if unreadable.

    ``2014`` is the year, ``2014-06`` the month, ``2014-W24`` the ISO week, ``2014-Q2`` the
    quarter, ``2014-SU`` the meteorological season; a full day widens to its week, month or
    year when ``precision`` says so.
    """
    if not value:
        return None
    prec = effective_precision(value, precision)
    try:
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=7)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3)
        if m := _SEASON.match(value):
            return _months(int(m[1]), _SEASON_START[m[2]], 3)
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _MONTH.match(value):
            day = dt.date(int(m[1]), int(m[2]), 1)
            prec = "year" if prec == "year" else "month"
        elif m := _YEAR.match(value):
            day = dt.date(int(m[1]), 1, 1)
            prec = "year"
        else:
            return None
    except ValueError:
        return None
    if prec == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1)
    if prec in ("month", "season", "quarter"):
        return _months(day.year, day.month, 1)
    if prec == "week":
        return day, day + dt.timedelta(days=7)
    return day, day + dt.timedelta(days=1)


def _months(year: int, month: int, count: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    end_month = month + count
    end = dt.date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return start, end


def midpoint(value: str | None, precision: str | None = None) -> dt.date | None:
    """The middle day of what a date prefix covers (ACLED codes an imprecise date to it)."""
    span = date_interval(value, precision)
    if span is None:
        return None
    start, end = span
    if (end - start).days <= 1:
        return start
    if end - start == dt.timedelta(days=calendar.monthrange(start.year, start.month)[1]):
        return start.replace(day=15)
    return start + (end - start) // 2


def summary_sentences(d: Dossier) -> list[str]:
    """Counts that sum the dossier up, in plain sentences."""
    out: list[str] = []
    statuses = {s: len(items) for s, items in by_status(d.assessments)}
    if d.assessments:
        parts = [f"{n} {STATUS_WORDS.get(s, s)}" for s, n in statuses.items()]
        out.append(f"{len(d.assessments)} assessed attributes: {', '.join(parts)}.")
    if d.events:
        spans = [s for e in d.events if (s := date_interval(e.date, e.date_precision))]
        sentence = f"{len(d.events)} events"
        if spans:
            first = min(s[0] for s in spans)
            last = max(s[1] for s in spans) - dt.timedelta(days=1)
            sentence += f" between {first.isoformat()} and {last.isoformat()}"
        dead = [e.fatalities for e in d.events if e.fatalities is not None]
        if dead:
            sentence += f", with at least {format_number(sum(dead))} reported fatalities"
        out.append(sentence + ".")
    outlets = {doc.source for doc in d.documents if doc.source}
    out.append(
        f"{len(d.actors)} actors, {len(d.places)} places, {len(d.documents)} documents"
        f" from {len(outlets)} outlets."
    )
    return out


def subject_facts(d: Dossier) -> list[str]:
    """Short facts about the subject: kind, type, country, point, GeoNames id, aliases."""
    s = d.subject
    facts = [s.kind]
    if s.actor_type is not None:
        facts.append(actor_type_label(s.actor_type))
    if s.country_code:
        facts.append(s.country_code)
    if s.lat is not None and s.lon is not None:
        facts.append(f"{s.lat:.4f}, {s.lon:.4f}")
    if s.geonames_id is not None:
        facts.append(f"GeoNames {s.geonames_id}")
    if s.aliases:
        facts.append("also " + ", ".join(s.aliases))
    return facts


def timeline_order(events: Iterable[EventView]) -> list[EventView]:
    """Events by date (undated last), then type and id, so renderings are stable."""

    def key(e: EventView) -> tuple[int, dt.date, str, str]:
        span = date_interval(e.date, e.date_precision)
        return (0, span[0], e.event_type, e.id) if span else (1, dt.date.min, e.event_type, e.id)

    return sorted(events, key=key)


class Footnotes:
    """Numbers statements in the order they are cited; the same quote keeps its number."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.notes: list[SourceRef] = []
        self.citations: list[int] = []

    def cite(self, ref: SourceRef) -> tuple[int, int]:
        """The footnote number of ``ref`` and how many times it was cited before this one."""
        key = (ref.doc_id, ref.start, ref.end)
        number = self._numbers.get(key)
        if number is None:
            self.notes.append(ref)
            self.citations.append(0)
            number = self._numbers[key] = len(self.notes)
        seen = self.citations[number - 1]
        self.citations[number - 1] += 1
        return number, seen
