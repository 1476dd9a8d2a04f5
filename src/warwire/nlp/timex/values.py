"""From TimeML value strings to warwire :class:`~warwire.models.TimeValue` records.

TimeML writes a decade as ``199`` and a season as ``2013-SU``; warwire keeps an ISO prefix with
an explicit precision and, for spans such as decades, an ``end``. Durations, sets and the
``PAST_REF``/``FUTURE_REF`` tokens have no TimeValue; ``PRESENT_REF`` is the DCT itself.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from warwire.models import Precision, TimeValue
from warwire.nlp.timex.normalise import Reading

_FORMS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(r"\d{4}-\d\d-\d\dT.*"), "time"),
    (re.compile(r"\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"\d{4}-W\d\d(?:-WE)?"), "week"),
    (re.compile(r"\d{4}-\d\d"), "month"),
    (re.compile(r"\d{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"\d{4}-[QH]\d"), "quarter"),
    (re.compile(r"\d{4}"), "year"),
)


def time_value(reading: Reading, dct: dt.date | None) -> TimeValue | None:
    """The warwire reading of a DATE or TIME; None for durations, sets and the unanchorable."""
    value = reading.value
    if value is None or reading.type in {"DURATION", "SET"}:
        return None
    anchor = dct.isoformat() if reading.relative and dct is not None else None
    if value == "PRESENT_REF":
        return TimeValue(dct.isoformat(), "day", anchor=anchor) if dct else None
    return _reading(value, anchor)


@lru_cache(maxsize=4096)
def _reading(value: str, anchor: str | None) -> TimeValue | None:
    """The TimeValue of a TimeML value (cached: a report repeats its dates)."""
    if len(value) == 3 and value.isdigit():
        return TimeValue(f"{value}0", "year", end=f"{value}9", anchor=anchor)
    if len(value) == 2 and value.isdigit():
        return TimeValue(f"{value}00", "year", end=f"{value}99", anchor=anchor)
    for pattern, precision in _FORMS:
        if pattern.fullmatch(value):
            return TimeValue(value, precision, anchor=anchor)
    return None
