"""The gazetteer's records and protocol: ``GeoEntry``, ``Candidate`` and ``Gazetteer``.

Identifiers. ``GeoEntry.geonames_id`` is the GeoNames id where the place has one in our sources
(cities, countries, continents, US states). Places without one get a stable negative id:

* ``-1 .. -9_999``: curated features of ``vocab/regions.yaml`` (the ``id`` written there);
* ``-10_000_000 - n``: first-level (and second-level) divisions from countrystatecity-countries,
  where ``n`` is that dataset's state id.

So ``geonames_id > 0`` means "a real GeoNames id", and a negative id is ours.

Ranking. Lookups return candidates best first: by match kind (exact, normalised, fuzzy), then
fuzzy score, then ``importance(entry)``: continents, then countries (by population), then
macro-regions, then cities by population, with first-level divisions counted as 100,000 plus a
tenth of their population (so "Aleppo" puts the city of two million before the governorate, and
"Anbar" puts the governorate before a village), other curated features as 200,000.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

__all__ = [
    "MATCH_RANK",
    "Candidate",
    "Gazetteer",
    "GeoEntry",
    "MatchKind",
    "NamedEntry",
    "importance",
    "rank_candidates",
]

MatchKind = Literal["exact", "normalised", "fuzzy"]
MATCH_RANK: dict[str, int] = {"exact": 0, "normalised": 1, "fuzzy": 2}
NORMALISED_SCORE = 0.95


@dataclass(frozen=True)
class GeoEntry:
    """One place of the gazetteer, with GeoNames-style feature class and code."""

    geonames_id: int
    name: str
    lat: float
    lon: float
    feature_class: str
    """GeoNames feature class: P populated place, A division, L area, H water, T terrain."""
    feature_code: str
    """GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, CONT, RGN, STM, VAL, MTS, ..."""
    country_code: str | None
    admin1: str | None
    """GeoNames admin1 code, e.g. ``"04"`` for Ar Raqqah governorate in Syria."""
    admin1_name: str | None
    iso3166_2: str | None
    """ISO 3166-2 code for divisions, e.g. ``"IQ-AN"``."""
    population: int
    """GeoNames population; for divisions, the summed population of their cities over 500."""
    feature: str
    """Our coarse kind: city, admin1, admin2, country, continent, region, river, valley, ..."""


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that a looked-up name may refer to, and how it matched."""

    entry: GeoEntry
    match: MatchKind
    score: float
    """1.0 for exact, 0.95 for normalised, the fuzzy ratio / 100 for fuzzy matches."""
    matched_name: str
    """The name or alias of the entry that matched."""


@dataclass(frozen=True)
class NamedEntry:
    """An entry with its alternative names, as the sources yield them."""

    entry: GeoEntry
    aliases: tuple[str, ...] = ()


_FIXED_IMPORTANCE = {"continent": 3e9, "macro_region": 1e9, "admin2": 30_000.0}


def importance(entry: GeoEntry) -> float:
    """How strongly a bare mention of a name points to this entry, among equal matches."""
    if entry.feature in _FIXED_IMPORTANCE:
        return _FIXED_IMPORTANCE[entry.feature]
    if entry.feature == "country":
        return 2e9 + entry.population
    if entry.feature == "admin1":
        return 100_000 + entry.population / 10
    if entry.feature_class == "P":
        return float(entry.population)
    return 200_000.0 + entry.population


@runtime_checkable
class Gazetteer(Protocol):
    """What the geoparser needs from a gazetteer; ``SQLiteGazetteer`` and ``MemoryGazetteer``."""

    def lookup(self, name: str, *, fuzzy: bool = True, limit: int = 25) -> list[Candidate]:
        """Candidates for ``name``: exact, then normalised, then (if ``fuzzy``) fuzzy matches."""
        ...

    def get(self, geonames_id: int) -> GeoEntry | None:
        """The entry with this id, or None."""
        ...

    def country(self, country_code: str) -> GeoEntry | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        ...

    def admin1(self, country_code: str, admin1_code: str) -> GeoEntry | None:
        """The first-level division with this GeoNames admin1 code, or None."""
        ...

    def has_key(self, key: str) -> bool:
        """Whether ``key`` (a ``loose_key`` or ``name_key``) is the key of some known name."""
        ...

    def max_name_tokens(self) -> int:
        """The most tokens in an indexed name, for n-gram phrase matching."""
        ...


def rank_candidates(found: Iterable[tuple[Candidate, float]], *, limit: int) -> list[Candidate]:
    """Best first, one candidate per entry: match kind, score, then importance."""
    best: dict[int, tuple[tuple[int, float, float], Candidate]] = {}
    for candidate, importance in found:
        order = (MATCH_RANK[candidate.match], -candidate.score, -importance)
        key = candidate.entry.geonames_id
        if key not in best or order < best[key][0]:
            best[key] = (order, candidate)
    ranked = sorted(best.values(), key=lambda pair: (pair[0], pair[1].entry.geonames_id))
    return [candidate for _, candidate in ranked[:limit]]
