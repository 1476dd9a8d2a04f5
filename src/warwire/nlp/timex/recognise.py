"""The recogniser: scan a text once with every rule and normalise what it finds.

:func:`find_timexes` is the one entry point. The scan visits each word start, tries the rules in
priority order, lets the rule's normaliser accept or reject the match, and then reads each
accepted match in document order so that "a year earlier" can refer back to the date before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from warwire.models import Timex
from warwire.nlp.timex import durations, normalise, periods, relative
from warwire.nlp.timex.normalise import Context, Normaliser, Reading
from warwire.nlp.timex.patterns import CHAINABLE, RULES, SCANNER, TRIGGERS
from warwire.nlp.timex.values import time_value

NORMALISERS: dict[str, Normaliser] = {
    "iso_date": normalise.iso_date,
    "slash_date": normalise.slash_date,
    "clock": normalise.clock,
    "month_day": normalise.month_day,
    "second_day": normalise.second_day,
    "week_of": normalise.week_of,
    "day_month": normalise.day_month,
    "weekday_part": normalise.weekday_part,
    "part_of_day": normalise.part_of_day,
    "weekday_plural": durations.weekday_plural,
    "weekday": normalise.weekday,
    "holiday": normalise.holiday,
    "quarter": periods.quarter,
    "quarter_rel": periods.quarter_rel,
    "fiscal_year": periods.fiscal_year,
    "year_earlier": periods.year_earlier,
    "decade": relative.decade,
    "century": relative.century,
    "spoken_year": relative.spoken_year,
    "season": relative.season,
    "month_year": relative.month_year,
    "month": relative.month,
    "ago": relative.ago,
    "rel_unit": relative.rel_unit,
    "the_unit": relative.the_unit,
    "year_edge": relative.year_edge,
    "set": durations.set_,
    "duration": durations.duration,
    "ref": relative.ref,
    "a_while": durations.a_while,
}
_TRAILING = re.compile(r"[\s,]+$")
_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)+|[\w']+")
#: numbers that are time expressions or begin one on their own: years and decades ("1990s",
#: "'80s"), clock times ("6:30"), dates ("3/14/2018")
_DATE_NUMBER = re.compile(r"(?:1[5-9]\d\d|20\d\d)(?:'?s)?|'\d0'?s|\d+(?:[:/]\d+)+|\d{1,2}(?:am|pm)")
#: a word after one of these is part of an amount or a compound ("$2000", "F-16"), never a start
_NOT_A_START = frozenset("$£€.-")


def find_timexes(text: str, *, dct: dt.date | None) -> list[Timex]:
    """Every time expression of ``text``, normalised against the publication date ``dct``.

    Relative expressions ("Thursday", "last month") get ``value=None`` when ``dct`` is None:
    they are never anchored to the ingestion time or guessed.
    """
    found: list[Timex] = []
    previous: list[tuple[int, Reading]] = []
    position = 0
    for candidate in _candidates(text):
        if candidate < position:
            continue
        match = SCANNER.match(text, candidate)
        if match is None:
            continue
        name = match.lastgroup or ""
        start, end = match.span()
        reading = _read(name, text, start, end, dct, previous)
        if reading is None:
            fallback = _fallback(name, text, start, dct, previous)
            if fallback is not None:
                reading, end = fallback
        if reading is None:
            continue
        start += reading.trim
        end -= reading.cut
        extent = text[start:end]
        trailing = _TRAILING.search(extent)
        if trailing:
            end -= len(trailing.group())
            extent = text[start:end]
        previous.append((start, reading))
        found.append(
            Timex(
                start=start,
                end=end,
                text=extent,
                type=reading.type,
                value=reading.value,
                time_value=time_value(reading, dct),
                mod=reading.mod,
                relative=reading.relative,
            )
        )
        position = end
    return _ranges(text, found)


_SINCE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*$", re.IGNORECASE)


def _ranges(text: str, found: list[Timex]) -> list[Timex]:
    """Ranges: "between May and July 2017" and "since August 2014" (open, ``end=".."``).

    The two ends of a closed range stay two TIMEX3s, as TimeML has them; the first carries the
    range in its ``time_value.end`` and borrows the year of the second when it has none.
    """
    result = list(found)
    for i, timex in enumerate(result):
        tv = timex.time_value
        if tv is None or tv.end is not None:
            continue
        before = text[max(0, timex.start - 12) : timex.start]
        following = result[i + 1] if i + 1 < len(result) else None
        joined = (
            following is not None
            and following.time_value is not None
            and _JOIN.fullmatch(text[timex.end : following.start]) is not None
        )
        if (
            joined
            and following is not None
            and following.time_value is not None
            and (_BETWEEN.search(before) or text[timex.end : following.start].strip() in {"-", "–"})
        ):
            start_value = tv.value
            other = following.time_value.value
            if tv.precision == "month" and timex.relative and not following.relative:
                start_value = f"{other[:4]}{tv.value[4:]}"
            result[i] = replace(
                timex,
                value=start_value,
                time_value=replace(tv, value=start_value, end=other),
            )
        elif _SINCE.search(before):
            result[i] = replace(timex, time_value=replace(tv, end=".."))
    return result


def _candidates(text: str) -> list[int]:
    """Word starts worth trying: those inside runs of starter words ("the", "last", numbers)
    that end in a trigger word (a month, a unit, "today"...) or a number.

    One pass over the words with set look-ups. A plain number ("4th", "1,500", "48") counts as
    a trigger only when a time word follows it ("48 hours", "6 a.m."); years, clock times and
    dates always do. Punctuation does not break a run: a start too many costs one failed match,
    a start too few a lost expression, and the scanner decides.
    """
    wanted: set[int] = set()
    run: list[int] = []  # the starts of the current run of words, -1 where none may start
    pending: list[int] = []  # a plain number and its run, waiting for the word after it
    previous, paired = "", False
    for token in _TOKEN.finditer(text.lower()):
        word = token[0]
        if word not in CHAINABLE:
            if "'" in word:
                word = word.removesuffix("'s").strip("'")
            if not (word[:1].isdigit() or word in TRIGGERS or word in CHAINABLE):
                run = []
                pending = []
                previous, paired = word, False
                continue
        if pending:
            wanted.update(pending)
            pending = []
        start = token.start()
        if start and text[start - 1] in _NOT_A_START:
            start = -1  # "$2000", "F-16"
        if word[:1].isdigit() and not _DATE_NUMBER.fullmatch(token[0]) and not paired:
            pending = [*run[-5:], start]
        elif word[:1].isdigit() or word in TRIGGERS:
            wanted.update(run[-5:])
            wanted.add(start)
        # the second day of "Dec. 4 and 5" needs no time word after it
        paired = word in {"and", "or"} and previous[:1].isdigit()
        previous = word
        run.append(start)
    wanted.discard(-1)
    return sorted(wanted)


def _read(
    name: str,
    text: str,
    start: int,
    end: int,
    dct: dt.date | None,
    previous: list[tuple[int, Reading]],
) -> Reading | None:
    match = RULES[name].fullmatch(text, start, end)
    if match is None:  # the joint scanner and the rule disagree only on pathological input
        return None
    context = Context(text=text, start=start, end=end, dct=dct, previous=previous)
    return NORMALISERS[name](match, context)


_ORDER = list(NORMALISERS)


def _fallback(
    rejected: str, text: str, start: int, dct: dt.date | None, previous: list[tuple[int, Reading]]
) -> tuple[Reading, int] | None:
    """Try the rules after ``rejected`` at ``start``: the first that matches and accepts wins."""
    for name in _ORDER[_ORDER.index(rejected) + 1 :]:
        match = RULES[name].match(text, start)
        if match is None or match.end() == start:
            continue
        reading = _read(name, text, start, match.end(), dct, previous)
        if reading is not None:
            return reading, match.end()
    return None
