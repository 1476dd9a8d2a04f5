"""Anchoring: date arithmetic against the publication date and the tense cues of a sentence.

A relative expression ("Thursday", "last month", "two years ago") means nothing without a
reference date; these functions take the report's publication date (the DCT of TimeML) and
return ISO prefixes at the expression's own granularity. Tense is read from nearby words
("said", "was" for the past; "will", "plans to" for the future), as HeidelTime does from
part-of-speech tags, which keeps this layer free of spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Tense = Literal["past", "future", "present"]


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUTURE_CUES = _words(
    """will 'll wo shall going gonna plans plan planned scheduled expected expects due
    intends intend aims upcoming tomorrow would could might may soon planning postponed
    delayed adjourned"""
)
_STRONG_FUTURE = _words("will 'll wo shall gonna tomorrow")
#: "is to", "set to", "about to" before a verb speak of what is to come
_BEFORE_TO = _words("is are set about")
_PAST_CUES = _words(
    """said was were had did ago last yesterday earlier told reported announced added
    came went got made took gave died killed began left met saw bought sold fell rose paid
    won lost hit struck fled held led set put cut shot ran spent sent brought thought felt
    kept found became chose drove flew grew knew spoke wrote stood"""
)
_PRESENT_CUES = _words("is are says say has have do does")
_WORD = re.compile(r"[A-Za-z']+")
#: a period closing a short capitalised word or an initial: "Sept.", "Mr.", "U.S.", "Corp."
_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])\.$")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence window around ``[start, end)``: from the last full stop to the next.

    A full stop after an abbreviation ("Sept. 14", "Mr. Smith", "U.S. officials") ends nothing.
    """
    left = max(text.rfind("\n\n", 0, start), text.rfind("? ", 0, start))
    stop = text.rfind(". ", 0, start)
    while stop > left and _ABBREVIATION.search(text, max(0, stop - 6), stop + 1):
        stop = text.rfind(". ", 0, stop)
    left = max(left, stop)
    left = 0 if left < 0 else left + 2
    right = len(text)
    for match in _SENTENCE_END.finditer(text, end):
        if not _ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            right = match.start() + 1
            break
    return left, right


def _cue(word: str) -> Tense | None:
    if word in _STRONG_FUTURE:
        return "future"
    if word in _PAST_CUES:
        return "past"
    if word in _FUTURE_CUES:
        return "future"
    if word in _PRESENT_CUES:
        return "present"
    if len(word) > 4 and word.endswith("ed"):
        return "past"
    return None


def tense_near(text: str, start: int, end: int, *, reach: int = 1000) -> Tense:
    """The tense of the clause around ``[start, end)``, judged from the nearest cue words.

    "will"/"shall" within a few words win outright; otherwise the nearest cue word on either
    side decides (a verb in -ed counts as past; "set to", "is to" are future; a future cue
    after "had" is past: "had been due to expire Friday"). With no cue it says "present", and
    the callers lean to the past, as news reports what happened.
    """
    left, right = sentence_bounds(text, start, end)
    before = [w.lower() for w in _WORD.findall(text, left, start)][::-1]
    after = [w.lower() for w in _WORD.findall(text, end, right)]
    if any(w in _STRONG_FUTURE for w in before[:6]) or any(w in _STRONG_FUTURE for w in after[:4]):
        return "future"
    for distance in range(min(reach, max(len(before), len(after)))):
        if distance < len(before):
            cue = _before_cue(before, distance)
            if cue is not None:
                return cue
        if distance < len(after):
            cue = _cue(after[distance])
            if cue is not None:
                return cue
    return "present"


def _before_cue(before: list[str], i: int) -> Tense | None:
    """The cue of ``before[i]`` (words read outwards from the expression), with its neighbours:
    "set to resume Monday" is future; "had been due to expire Friday" is past (the future of
    a past moment)."""
    word = before[i]
    if word in _BEFORE_TO and i > 0 and before[i - 1] == "to":
        return "future"
    cue = _cue(word)
    if cue == "future" and "had" in before[i + 1 : i + 3]:
        return "past"
    return cue


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    for dom in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, dom)
        except ValueError:
            continue
    raise ValueError(f"cannot move {day!r} by {months} months")


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes the 28th)."""
    return add_months(day, 12 * years)


def weekday_date(dct: dt.date, weekday: int, tense: Tense, *, shift: int = 0) -> dt.date:
    """The date of ``weekday`` (1 = Monday) relative to ``dct``.

    ``shift`` -1/+1 is an explicit "last"/"next" (never the DCT itself); otherwise the tense
    decides: past, the most recent such day; future, the next one; no tense, the nearest one,
    leaning to the past (news reports what happened): a day up to one day further back than
    the next such day is still the one before.
    A weekday equal to the DCT's own weekday is the DCT itself ("said on Wednesday" and "will
    meet on Wednesday" in a Wednesday report both mean that day).
    """
    diff = weekday - dct.isoweekday()
    if shift < 0 or (shift == 0 and tense == "past"):
        back = (-diff) % 7
        if shift < 0 and back == 0:
            back = 7
        return dct - dt.timedelta(days=back)
    if shift > 0 or tense == "future":
        forward = diff % 7
        if shift > 0 and forward == 0:
            forward = 7
        return dct + dt.timedelta(days=forward)
    back = (-diff) % 7
    forward = diff % 7
    return (
        dct - dt.timedelta(days=back) if back <= forward + 1 else dct + dt.timedelta(days=forward)
    )


def month_year(dct: dt.date, month: int, tense: Tense, *, shift: int = 0) -> int:
    """The year of a bare month name.

    A past tense puts it at or before the DCT's month, a future tense at or after it; with no
    tense the nearest such month wins, six months back before six months ahead.
    """
    if shift < 0:
        return dct.year if month < dct.month else dct.year - 1
    if shift > 0:
        return dct.year if month > dct.month else dct.year + 1
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    delta = month - dct.month
    if delta >= 6:
        return dct.year - 1
    if delta < -6:
        return dct.year + 1
    return dct.year


def day_year(dct: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of a month and day without a year: the one nearest to the DCT, unless the
    tense says otherwise and the day lies more than four months the wrong way ("was shot on
    Oct. 23" in a May report is last October's)."""
    candidates: list[tuple[int, int]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        delta = (date - dct).days
        if (tense == "past" and delta > 120) or (tense == "future" and delta < -120):
            continue  # "was shot on Oct. 23" in a May report: the October before
        candidates.append((abs(delta), year))
    return min(candidates)[1] if candidates else dct.year


def iso_week(day: dt.date) -> str:
    """``2013-W11`` for a date in ISO week 11 of 2013."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter(day: dt.date) -> int:
    """The calendar quarter (1-4) of ``day``."""
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    """Quarter ``q`` of ``year`` moved by ``by`` quarters."""
    total = year * 4 + q - 1 + by
    return total // 4, total % 4 + 1
