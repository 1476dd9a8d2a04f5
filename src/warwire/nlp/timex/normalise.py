"""Normalisation: from a rule's match to a TIMEX3 type, TimeML value and modifier.

One function per rule of :mod:`warwire.nlp.timex.patterns`, registered in :data:`NORMALISERS`.
A function returns a :class:`Reading`, or None to reject the match (``May`` the verb, ``2000
troops``). Relative expressions read the publication date from the :class:`Context`; without
one they keep their type and get no value. Durations and sets live in
:mod:`warwire.nlp.timex.durations`, quarters and fiscal years in :mod:`warwire.nlp.timex.periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.easter import easter

from warwire.models import TimexType
from warwire.nlp.timex import anchor
from warwire.nlp.timex.lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS

_EDGE_MODS = {
    "early": "START",
    "late": "END",
    "mid": "MID",
    "mid-": "MID",
    "the end of": "END",
    "end-": "END",
    "the close of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """What a match means. ``trim`` drops that many leading characters from the extent."""

    type: TimexType
    value: str | None
    mod: str | None = None
    relative: bool = False
    trim: int = 0
    cut: int = 0


@dataclass
class Context:
    """What a normaliser may look at: the text, the match span, the DCT and earlier readings."""

    text: str
    start: int
    end: int
    dct: dt.date | None
    previous: list[tuple[int, Reading]] = field(default_factory=list)
    _tense: anchor.Tense | None = None
    _near: anchor.Tense | None = None

    @property
    def tense(self) -> anchor.Tense:
        if self._tense is None:
            self._tense = anchor.tense_near(self.text, self.start, self.end)
        return self._tense

    @property
    def near_tense(self) -> anchor.Tense:
        """The tense of the words right around the expression (three words either side)."""
        if self._near is None:
            self._near = anchor.tense_near(self.text, self.start, self.end, reach=3)
        return self._near

    def before(self, chars: int = 24) -> str:
        return self.text[max(0, self.start - chars) : self.start].lower()

    def after(self, chars: int = 24) -> str:
        return self.text[self.end : self.end + chars].lower()

    def last_date(self) -> str | None:
        """The value of the latest anchored DATE before this one, if any."""
        for _, reading in reversed(self.previous):
            if reading.type == "DATE" and reading.value and reading.value[:1].isdigit():
                return reading.value
        return None

    def recent_quarter(self, window: int = 400) -> str | None:
        """The latest quarter value (``1989-Q3``) read within ``window`` characters before."""
        for start, reading in reversed(self.previous):
            if start < self.start - window:
                return None
            if reading.value and re.fullmatch(r"\d{4}-Q\d", reading.value):
                return reading.value
        return None


Normaliser = Callable[[re.Match[str], Context], Reading | None]


def words(text: str | None) -> str:
    """Lower-case ``text`` with single spaces (for table look-ups)."""
    return _SPACES.sub(" ", text or "").strip().lower()


def edge_mod(text: str | None) -> str | None:
    """The TimeML mod of ``early``, ``late``, ``mid-``, ``the end of``..."""
    return _EDGE_MODS.get(words(text).rstrip("-") if text else "") or (
        "MID" if text and words(text).startswith("mid") else None
    )


def month_number(word: str) -> int | None:
    """The month of a month word, None for a lower-case ``may``/``march``-like word."""
    if not word[:1].isupper():
        return None
    return MONTHS.get(word.lower())


def _year(text: str) -> int:
    return int(text)


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift(ctx: Context) -> int:
    return 0


def _rel_shift(rel: str | None) -> int:
    rel = words(rel)
    if rel in {"last", "this past", "the previous", "on the previous", "the past", "previous"}:
        return -1
    if rel in {"next", "this coming", "the following", "the next", "the coming", "coming"}:
        return 1
    return 0


def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    value = _date(int(m["year"]), int(m["month"]), int(m["day"]))
    return Reading("DATE", value) if value else None


def slash_date(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    value = _date(year, int(m["month"]), int(m["day"]))
    return Reading("DATE", value) if value else None


def _day_of(m: re.Match[str], ctx: Context) -> tuple[str | None, bool] | None:
    """The ISO day of a month-day match (year from the DCT when absent), and whether relative."""
    month = month_number(m["month"])
    if month is None:
        return None
    day = int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        return _date(int(m["year"]), month, day), False
    if ctx.dct is None:
        return None, True
    shift = _rel_shift(m.groupdict().get("rel"))
    if shift or re.search(r"\b(?:ended|since)\s+$", ctx.before(8)):
        shift = shift or -1
        year = ctx.dct.year
        if (month, day) > (ctx.dct.month, ctx.dct.day) and shift < 0:
            year -= 1
        elif (month, day) < (ctx.dct.month, ctx.dct.day) and shift > 0:
            year += 1
        return _date(year, month, day), True
    year = anchor.day_year(ctx.dct, month, day, ctx.tense)
    return _date(year, month, day), True


def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["year"] is None and int(re.sub(r"\D", "", m["day"])) > 31:
        return None
    day = _day_of(m, ctx)
    if day is None:
        return None
    value, relative = day
    return Reading("DATE", value, edge_mod(m.groupdict().get("edge")), relative)


_DAY_BEFORE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:and|or)\s+$")


def second_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """The bare second day of "April 24 and 25": the month and year of the day before."""
    last = ctx.last_date()
    before = ctx.text[max(0, ctx.start - 20) : ctx.start]
    if last is None or len(last) != 10 or not _DAY_BEFORE.search(before):
        return None
    value = _date(int(last[:4]), int(last[5:7]), int(re.sub(r"\D", "", m["day"])))
    return Reading("DATE", value, relative=True) if value else None


def week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """The ISO week of "the week of March 6"."""
    day = resolve_day(m["date"], ctx)
    if day is None or day[0] is None:
        return None if day is None else Reading("DATE", None, relative=True)
    return Reading("DATE", anchor.iso_week(dt.date.fromisoformat(day[0])), relative=day[1])


def day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    return month_day(m, ctx)


def resolve_day(phrase: str, ctx: Context) -> tuple[str | None, bool] | None:
    """A day-naming phrase (``yesterday``, ``Friday``, ``Nov. 9``) as an ISO date."""
    key = words(phrase)
    if key in {"today", "tonight", "yesterday", "tomorrow"}:
        if ctx.dct is None:
            return None, True
        offset = {"yesterday": -1, "tomorrow": 1}.get(key, 0)
        return (ctx.dct + dt.timedelta(days=offset)).isoformat(), True
    if key in WEEKDAYS:
        if ctx.dct is None:
            return None, True
        return anchor.weekday_date(ctx.dct, WEEKDAYS[key], ctx.tense).isoformat(), True
    from warwire.nlp.timex.patterns import RULES

    match = RULES["month_day"].fullmatch(phrase)
    return _day_of(match, ctx) if match else None


def clock(m: re.Match[str], ctx: Context) -> Reading | None:
    text = words(m["clock"]).replace(" ", "")
    if text == "noon" and ctx.before(5).endswith("high "):
        return None  # "high noon": a showdown, not a time of day
    if text in {"noon", "midday"}:
        hour, minute = 12, 0
    elif text == "midnight":
        hour, minute = 24, 0
    else:
        found = re.match(r"(\d{1,2})(?::(\d\d))?(a|p)?", text)
        if found is None:
            return None
        hour, minute = int(found[1]), int(found[2] or 0)
        if found[3] == "p" and hour < 12:
            hour += 12
        elif found[3] == "a" and hour == 12:
            hour = 0
        if hour > 24 or minute > 59 or (found[3] is None and found[2] is None):
            return None
    day: tuple[str | None, bool] | None
    if m["dayref"]:
        day = resolve_day(m["dayref"], ctx)
    elif ctx.dct is not None:
        day = ctx.dct.isoformat(), True
    else:
        day = None, True
    if day is None:
        return None
    date, relative = day
    value = f"{date}T{hour:02d}:{minute:02d}" if date else None
    return Reading("TIME", value, "APPROX" if m["approx"] else None, relative)


def weekday_part(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["plural"]:  # "on Tuesday nights": every Tuesday night
        day = WEEKDAYS[m["weekday"].lower()]
        return Reading("SET", f"XXXX-WXX-{day}T{PARTS_OF_DAY[m['part'].lower()]}")
    if ctx.dct is None:
        return Reading("TIME", None, relative=True)
    weekday = WEEKDAYS[m["weekday"].lower()]
    date = anchor.weekday_date(ctx.dct, weekday, ctx.tense, shift=_rel_shift(m["rel"]))
    part = PARTS_OF_DAY[m["part"].lower()]
    return Reading("TIME", f"{date.isoformat()}T{part}", edge_mod(m["edge"]), True)


def part_of_day(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["tonight"]:
        word = m["tonight"].lower()
        if ctx.dct is None:
            return Reading("TIME", None, relative=True)
        day = ctx.dct - dt.timedelta(days=1) if word == "overnight" else ctx.dct
        return Reading("TIME", f"{day.isoformat()}TNI", relative=True)
    rel = words(m["rel"])
    after = words(m["after"])
    if not after and rel in {"", "the"} and not words(m["edge"]).startswith("mid"):
        return None
    if ctx.dct is None:
        return Reading("TIME", None, relative=True)
    offset = {"yesterday": -1, "tomorrow": 1}.get(after or rel, 0)
    if rel == "last":
        offset = -1
    part = PARTS_OF_DAY[m["part"].lower()]
    if rel == "last" and part == "NI":
        offset = -1
    day = ctx.dct + dt.timedelta(days=offset)
    return Reading("TIME", f"{day.isoformat()}T{part}", edge_mod(m["edge"]), True)


def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["weekday"]
    if not word[:1].isupper():
        return None
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    rel = words(m["rel"])
    last = ctx.last_date()
    if rel in {"the previous", "on the previous", "the following"} and last and len(last) == 10:
        # anaphoric: "the previous Friday" is the Friday before the day just talked about
        base = dt.date.fromisoformat(last)
        date = anchor.weekday_date(base, WEEKDAYS[word.lower()], "present", shift=_rel_shift(rel))
        return Reading("DATE", date.isoformat(), relative=True)
    tense = ctx.tense
    if ctx.text.startswith("'s", ctx.end) and ctx.near_tense != "future":
        tense = "past"  # "Wednesday's ruling", "Thursday's closing price": done and reported
    date = anchor.weekday_date(ctx.dct, WEEKDAYS[word.lower()], tense, shift=_rel_shift(m["rel"]))
    return Reading("DATE", date.isoformat(), relative=True)


def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    reading = _holiday_day(m, ctx)
    if reading is None or not m["week"] or reading.value is None:
        return reading
    # "Easter week", "Thanksgiving week": the week of the holiday
    week = anchor.iso_week(dt.date.fromisoformat(reading.value))
    return Reading("DATE", week, relative=reading.relative)


def _holiday_day(m: re.Match[str], ctx: Context) -> Reading | None:
    name = words(m["holiday"]).replace("'", "")
    if not m["holiday"][:1].isupper():
        return None
    if m["year"]:
        return _holiday(name, int(m["year"]), relative=False)
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    shift = _rel_shift(m["rel"])
    if shift:
        return _holiday(name, ctx.dct.year + shift, relative=True)
    options = [_holiday(name, ctx.dct.year + by, relative=True) for by in (-1, 0, 1)]
    dated = [
        (abs((dt.date.fromisoformat(r.value) - ctx.dct).days), r) for r in options if r and r.value
    ]
    return min(dated, key=lambda pair: pair[0])[1] if dated else None


def _holiday(name: str, year: int, *, relative: bool) -> Reading | None:
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new years day": (1, 1), "new years eve": (12, 31), "independence day": (7, 4),
        "halloween": (10, 31), "valentines day": (2, 14), "veterans day": (11, 11),
        "boxing day": (12, 26), "may day": (5, 1),
    }  # fmt: skip
    if name in fixed:
        return Reading("DATE", _date(year, *fixed[name]), relative=relative)
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        day = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        return Reading("DATE", day.isoformat(), relative=relative)
    if name.startswith("easter") or name == "good friday":
        day = easter(year) - dt.timedelta(days=2 if name == "good friday" else 0)
        return Reading("DATE", day.isoformat(), relative=relative)
    if name == "election day":  # US elections: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 2)
        return Reading("DATE", (first + dt.timedelta(days=(1 - first.weekday()) % 7)).isoformat())
    if name in {"labor day", "memorial day"}:
        if name == "labor day":
            first = dt.date(year, 9, 1)
            day = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        else:
            last = dt.date(year, 5, 31)
            day = last - dt.timedelta(days=last.weekday())
        return Reading("DATE", day.isoformat(), relative=relative)
    return None
