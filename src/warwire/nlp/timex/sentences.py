"""Event and claim dating hooks: which time expressions govern each sentence, and whether a
sentence states background (history) rather than the news of the day.

The event layer dates an event by the time expressions of its sentence; a sentence without one
inherits the governing expressions of the sentence before it in the same paragraph ("On Monday
rebels took the town. They burned the market." both happen on Monday). A sentence is background
when it carries a history cue ("long before", "once", "used to") or when its only dates lie more
than a year before the publication date ("in 1991", "two decades ago").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from warwire.models import Timex

_BACKGROUND_CUES = re.compile(
    r"\b(?:long\s+(?:before|ago)|once\s+(?:was|were|had|ruled|held|controlled)|used\s+to|"
    r"formerly|historically|in\s+the\s+past|decades\s+ago|centuries\s+ago|years\s+ago|"
    r"(?:was|were)\s+founded|since\s+(?:its|their)\s+(?:founding|creation|independence)|"
    r"at\s+the\s+time|back\s+in)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_RECENT_DAYS = 31
_OLD_DAYS = 365


@dataclass(frozen=True)
class SentenceTime:
    """The temporal reading of one sentence ``[start, end)`` of a text.

    ``timexes`` are the expressions inside the sentence; ``governing`` are the dated ones (DATE
    or TIME with a value) that date its events: its own, or those inherited from the sentence
    before in the same paragraph (``inherited`` is then True). ``background`` flags history.
    """

    start: int
    end: int
    timexes: tuple[Timex, ...]
    governing: tuple[Timex, ...]
    inherited: bool
    background: bool


def _date_of(timex: Timex) -> dt.date | None:
    """The last day a dated timex may cover, for comparing with the DCT."""
    tv = timex.time_value
    if tv is None:
        return None
    text = tv.end or tv.value
    match = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", text)
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else 12
    day = int(match[3]) if match[3] else 28
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_background(text: str, timexes: Sequence[Timex], dct: dt.date | None) -> bool:
    """True when a sentence reads as a background fact rather than the news of the day."""
    recent = False
    old = False
    for timex in timexes:
        if timex.value == "PAST_REF" and timex.text.lower() in {"once", "formerly"}:
            old = True
        date = _date_of(timex)
        if date is None or dct is None:
            continue
        if (dct - date).days > _OLD_DAYS:
            old = True
        elif abs((dct - date).days) <= _RECENT_DAYS:
            recent = True
    if recent:
        return False
    return old or bool(_BACKGROUND_CUES.search(text))


def sentence_times(
    text: str,
    sentences: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    *,
    dct: dt.date | None = None,
) -> list[SentenceTime]:
    """For each sentence span of ``text``, its time expressions, governing dates and flag.

    ``timexes`` come from :func:`warwire.nlp.timex.find_timexes` on the same text; ``dct`` is
    the publication date used there (None: only cue words can mark background).
    """
    ordered = sorted(timexes, key=lambda t: t.start)
    result: list[SentenceTime] = []
    carried: tuple[Timex, ...] = ()
    previous_end = 0
    index = 0
    for start, end in sentences:
        if _PARAGRAPH.search(text, previous_end, start) or start < previous_end:
            carried = ()
        while index < len(ordered) and ordered[index].start < start:
            index += 1
        inside: list[Timex] = []
        scan = index
        while scan < len(ordered) and ordered[scan].start < end:
            if ordered[scan].end <= end:
                inside.append(ordered[scan])
            scan += 1
        dated = tuple(t for t in inside if t.type in {"DATE", "TIME"} and t.time_value is not None)
        inherited = not dated and bool(carried)
        governing = dated or carried
        background = is_background(text[start:end], inside, dct)
        result.append(
            SentenceTime(
                start=start,
                end=end,
                timexes=tuple(inside),
                governing=governing,
                inherited=inherited,
                background=background,
            )
        )
        carried = governing
        previous_end = end
    return result
