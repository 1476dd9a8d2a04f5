"""Publication dates as reports write them, to ``datetime.date``; unreadable ones give None.

Accepts ISO 8601 ("2015-05-21", "2015-05-21T10:00:00Z"), RFC 822 ("Thu, 21 May 2015 10:00:00
GMT"), written dates ("21 May 2015", "May 21, 2015"), ``date``/``datetime`` objects (YAML front
matter) and ``time.struct_time`` (feedparser). A date is the calendar day the report states; a
timestamp is not moved to another time zone.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

_YEAR_ONLY = re.compile(r"^\d{4}$")
_MIN_YEAR = 1800


def parse_date(value: object) -> dt.date | None:
    """The calendar date ``value`` states, or None when it states none we can read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100 or _YEAR_ONLY.match(text):
        return None
    parsed = _parse(text)
    if parsed is None or parsed.year < _MIN_YEAR:
        return None
    return parsed


def _parse(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    from dateutil import parser

    # A fixed default so that a partial date never borrows today's day or month silently.
    default = dt.datetime(2000, 1, 1)
    try:
        first = parser.parse(text, default=default)
        second = parser.parse(text, default=default.replace(year=2001, month=2, day=2))
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.month, first.day) != (second.month, second.day) or first.year != second.year:
        return None  # the text leaves out the day, month or year
    return first.date()
