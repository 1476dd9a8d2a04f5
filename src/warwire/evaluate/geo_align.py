"""Re-align gold offsets that do not index their phrase.

Gold files sometimes carry offsets that are shifted (GeoVirus counts from 1, a few GeoWebNews
indices are off or negative). :func:`align_span` keeps an offset pair that indexes its phrase;
otherwise it searches the phrase near the given start, first within ``WINDOWS[0]`` characters,
then within the wider windows, and takes the nearest occurrence. A negative offset is never
trusted: the source is in error there, and the span is dropped.
"""

from __future__ import annotations

from enum import Enum

WINDOWS: tuple[int, ...] = (50, 500)


class Alignment(Enum):
    """What :func:`align_span` did with a span."""

    EXACT = "exact"
    REALIGNED = "realigned"
    DROPPED = "dropped"


def align_span(
    text: str, start: int, end: int, phrase: str, *, windows: tuple[int, ...] = WINDOWS
) -> tuple[Alignment, int, int]:
    """Return how the span was aligned and its (possibly moved) 0-based offsets.

    >>> align_span("in Paris today", 4, 9, "Paris")
    (<Alignment.REALIGNED: 'realigned'>, 3, 8)
    """
    if not phrase or start < 0 or end < 0:
        return Alignment.DROPPED, start, end
    if text[start:end] == phrase:
        return Alignment.EXACT, start, end
    for window in windows:
        found = _nearest(text, phrase, start, window)
        if found is not None:
            return Alignment.REALIGNED, found, found + len(phrase)
    return Alignment.DROPPED, start, end


def _nearest(text: str, phrase: str, start: int, window: int) -> int | None:
    """The start of the occurrence of ``phrase`` nearest to ``start``, within ``window``."""
    lo = max(0, start - window)
    hi = min(len(text), start + len(phrase) + window)
    best: int | None = None
    i = text.find(phrase, lo, hi)
    while i != -1:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(phrase, i + 1, hi)
    return best
