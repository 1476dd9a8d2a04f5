"""Bounded fuzzy matching of loose keys with rapidfuzz.

A fuzzy lookup only compares keys of the same *bucket* (the first two letters of the loose key)
whose length is close enough that the ratio could reach the cut-off, so it scores a few hundred
or thousand keys, not a million.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

__all__ = ["FUZZY_CUTOFF", "FUZZY_MIN_LENGTH", "best_matches", "bucket_of", "length_band"]

FUZZY_CUTOFF = 88.0
"""Lowest rapidfuzz ratio (0-100) accepted as a fuzzy match."""
FUZZY_MIN_LENGTH = 5
"""Names shorter than this (in loose-key characters) are never fuzzy-matched."""


def bucket_of(key: str) -> str:
    """The bucket of a loose key: its first two characters."""
    return key[:2]


def length_band(length: int, cutoff: float = FUZZY_CUTOFF) -> tuple[int, int]:
    """Shortest and longest key lengths whose ratio with a ``length``-long key can reach cutoff."""
    share = cutoff / 100.0
    low = int(length * share / (2.0 - share))
    high = int(length * (2.0 - share) / share) + 1
    return max(low, 1), high


def best_matches(
    key: str, choices: Iterable[str], *, limit: int = 10, cutoff: float = FUZZY_CUTOFF
) -> list[tuple[str, float]]:
    """The choices most like ``key`` with a ratio of at least ``cutoff``, best first."""
    found = process.extract(key, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    return [(choice, float(score)) for choice, score, _ in found if choice != key]
