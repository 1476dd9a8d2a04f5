"""``MemoryGazetteer``: a gazetteer held in dicts, built from a list of entries and aliases.

The cheap stand-in for tests and examples (STYLE.md, convention 7): the same keys, matching and
ranking as ``SQLiteGazetteer``, no file.

    >>> from warwire.geo import GeoEntry, MemoryGazetteer
    >>> raqqa = GeoEntry(172955, "Ar Raqqah", 35.95, 39.01, "P", "PPL", "SY", "04",
    ...                  "Al-Raqqah", None, 531952, "city")
    >>> MemoryGazetteer([(raqqa, ["Raqqa"])]).lookup("al-Raqqa")[0].match
    'normalised'
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Iterable

from warwire.geo.entry import (
    NORMALISED_SCORE,
    Candidate,
    GeoEntry,
    MatchKind,
    importance,
    rank_candidates,
)
from warwire.geo.fuzzy import FUZZY_MIN_LENGTH, best_matches, bucket_of, length_band
from warwire.geo.names import exact_keys, is_acronym_like, loose_key, name_key

__all__ = ["MemoryGazetteer"]

_FUZZY_KEYS = 10


class MemoryGazetteer:
    """A gazetteer over ``(entry, aliases)`` pairs, kept in memory."""

    def __init__(self, entries: Iterable[tuple[GeoEntry, Iterable[str]]]) -> None:
        self._by_id: dict[int, GeoEntry] = {}
        self._exact: dict[str, dict[int, str]] = defaultdict(dict)
        self._loose: dict[str, dict[int, str]] = defaultdict(dict)
        self._buckets: dict[str, list[str]] = defaultdict(list)
        for entry, aliases in entries:
            if entry.geonames_id in self._by_id:
                raise ValueError(f"gazetteer id {entry.geonames_id} is used twice")
            self._by_id[entry.geonames_id] = entry
            for name in (entry.name, *aliases):
                exact = name_key(name)
                if not exact:
                    continue
                self._exact[exact].setdefault(entry.geonames_id, name)
                loose = loose_key(name)
                if loose:
                    if loose not in self._loose:
                        insort(self._buckets[bucket_of(loose)], loose)
                    self._loose[loose].setdefault(entry.geonames_id, name)
        self._keys = set(self._exact) | set(self._loose)
        self._max_tokens = max((len(k.split()) for k in self._keys), default=0)

    def __len__(self) -> int:
        return len(self._by_id)

    def lookup(self, name: str, *, fuzzy: bool = True, limit: int = 25) -> list[Candidate]:
        """Candidates for ``name``: exact, then normalised, then (if ``fuzzy``) fuzzy matches."""
        exact = exact_keys(name)
        if not exact:
            return []
        # an acronym ("ISIS", "SDF") is a place only under its exact spelling, never by
        # the vowel and consonant alternations of transliteration ("ISIS" is not Jesi)
        acronym = is_acronym_like(name)
        loose = "" if acronym else loose_key(name)
        fuzzy = fuzzy and not acronym
        hits: list[tuple[int, str, MatchKind, float]] = []
        for key in exact:
            hits.extend((gid, n, "exact", 1.0) for gid, n in self._exact.get(key, {}).items())
        hits.extend(
            (gid, n, "normalised", NORMALISED_SCORE)
            for gid, n in self._loose.get(loose, {}).items()
        )
        if not hits and fuzzy and len(loose) >= FUZZY_MIN_LENGTH:
            low, high = length_band(len(loose))
            choices = [k for k in self._buckets.get(bucket_of(loose), ()) if low <= len(k) <= high]
            for key, score in best_matches(loose, choices, limit=_FUZZY_KEYS):
                hits.extend((gid, n, "fuzzy", score / 100.0) for gid, n in self._loose[key].items())
        found = (
            (Candidate(self._by_id[gid], match, score, matched), importance(self._by_id[gid]))
            for gid, matched, match, score in hits
        )
        return rank_candidates(found, limit=limit)

    def get(self, geonames_id: int) -> GeoEntry | None:
        """The entry with this id, or None."""
        return self._by_id.get(geonames_id)

    def country(self, country_code: str) -> GeoEntry | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        code = country_code.upper()
        return self._best(
            e for e in self._by_id.values() if e.country_code == code and e.feature_code == "PCLI"
        )

    def admin1(self, country_code: str, admin1_code: str) -> GeoEntry | None:
        """The first-level division with this GeoNames admin1 code, or None."""
        code = country_code.upper()
        return self._best(
            e
            for e in self._by_id.values()
            if e.country_code == code and e.feature_code == "ADM1" and e.admin1 == admin1_code
        )

    def has_key(self, key: str) -> bool:
        """Whether ``key`` (a ``loose_key`` or ``name_key``) is the key of some known name."""
        return key in self._keys

    def max_name_tokens(self) -> int:
        """The most tokens in an indexed key, for n-gram phrase matching."""
        return self._max_tokens

    @staticmethod
    def _best(entries: Iterable[GeoEntry]) -> GeoEntry | None:
        ranked = sorted(entries, key=lambda e: (-importance(e), e.geonames_id))
        return ranked[0] if ranked else None
