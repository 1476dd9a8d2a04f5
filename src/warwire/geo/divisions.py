"""First- and second-level divisions from countrystatecity-countries, tied to GeoNames codes.

countrystatecity-countries (ODbL) gives each division a name, an ISO 3166-2 code, a type
("governorate", "oblast", "metropolitan department"...) and a representative point, but mixes
levels (France lists its 13 regions and its 95 departments) and knows nothing of GeoNames' admin1
codes, which our cities carry. So, per country:

* **level**: the set of division types whose count is closest to the number of distinct GeoNames
  admin1 codes among that country's cities is first-level (ADM1); other types are ADM2.
  (France: 13 "metropolitan region" = 13 codes; Britain: 3 "country" + 1 "province" = 4.)
* **admin1 code**: the GeoNames admin1 code most common among the 7 cities nearest the
  division's point, nearer cities weighing more (the United States use the state code itself,
  which is GeoNames' admin1 code there); but a division named after a city within
  :data:`NAMESAKE_KM` of its point takes that city's code: a capital district inside a larger
  region (Bamako in Koulikoro, Kinshasa, Dakar) is outvoted by the region's towns around it.

Both are heuristics: a division whose point sits near a border can take its neighbour's code.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from countrystatecity_countries import get_states_of_country

from warwire.geo.names import name_key

__all__ = ["CityPoint", "Division", "load_divisions"]

_NEIGHBOURS = 7
NAMESAKE_KM = 50.0
"""How far from a division's point a city of the same name may lie to give it its code."""
_DIRECT_CODES = frozenset({"US"})
"""Countries whose countrystatecity state code is the GeoNames admin1 code."""


@dataclass(frozen=True)
class CityPoint:
    """What the division matching needs to know of a city."""

    lat: float
    lon: float
    admin1: str
    name: str = ""


@dataclass(frozen=True)
class Division:
    """One division of countrystatecity-countries, with its level and GeoNames admin1 code."""

    csc_id: int
    name: str
    country_code: str
    state_code: str
    type: str
    lat: float | None
    lon: float | None
    iso3166_2: str | None
    native: str | None
    level: int
    admin1: str | None
    confidence: float
    """Share of the weighted neighbour vote that the chosen admin1 code got (1.0 when direct)."""


def load_divisions(
    country_codes: Iterable[str], cities: dict[str, list[CityPoint]]
) -> list[Division]:
    """The divisions of the given countries, leveled and tied to GeoNames admin1 codes."""
    found: list[Division] = []
    for cc in sorted(set(country_codes)):
        states = get_states_of_country(cc)
        if not states:
            continue
        points = cities.get(cc, [])
        first_level = _first_level_types(Counter(s.type or "" for s in states), points)
        grid = _Grid(points)
        for state in states:
            lat, lon = _coordinate(state.latitude), _coordinate(state.longitude)
            admin1: str | None
            if cc in _DIRECT_CODES:
                admin1, confidence = state.state_code, 1.0
            elif lat is not None and lon is not None:
                namesake = grid.namesake(state.name, lat, lon)
                admin1, confidence = (
                    (namesake, 1.0) if namesake is not None else grid.vote(lat, lon)
                )
            else:
                admin1, confidence = None, 0.0
            found.append(
                Division(
                    csc_id=state.id,
                    name=state.name,
                    country_code=cc,
                    state_code=state.state_code,
                    type=state.type or "",
                    lat=lat,
                    lon=lon,
                    iso3166_2=state.iso3166_2 or f"{cc}-{state.state_code}",
                    native=state.native,
                    level=1 if (state.type or "") in first_level else 2,
                    admin1=admin1,
                    confidence=confidence,
                )
            )
    return found


def _coordinate(raw: str | None) -> float | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def _first_level_types(types: Counter[str], points: list[CityPoint]) -> set[str]:
    """The division types whose total count best matches the GeoNames admin1 codes in use."""
    codes = {p.admin1 for p in points if p.admin1 and p.admin1 != "00"}
    if len(types) == 1 or not codes:
        return set(types)
    names = sorted(types)
    best: tuple[int, int] | None = None
    chosen: set[str] = set(types)
    for size in range(1, len(names) + 1):
        for subset in combinations(names, size):
            total = sum(types[t] for t in subset)
            order = (abs(total - len(codes)), -total)
            if best is None or order < best:
                best, chosen = order, set(subset)
    return chosen


class _Grid:
    """Cities of one country in one-degree cells, for nearest-neighbour votes."""

    def __init__(self, points: list[CityPoint]) -> None:
        self.cells: dict[tuple[int, int], list[CityPoint]] = defaultdict(list)
        for point in points:
            self.cells[(math.floor(point.lat), math.floor(point.lon))].append(point)
        self.size = len(points)

    def vote(self, lat: float, lon: float) -> tuple[str | None, float]:
        near = self._near(lat, lon)
        if not near:
            return None, 0.0
        scale = math.cos(math.radians(lat)) ** 2
        near.sort(key=lambda p: (p.lat - lat) ** 2 + scale * (p.lon - lon) ** 2)
        votes: dict[str, float] = defaultdict(float)
        for rank, point in enumerate(near[:_NEIGHBOURS]):
            votes[point.admin1] += 1.0 / (rank + 1)
        code = max(sorted(votes), key=votes.__getitem__)
        return code, votes[code] / sum(votes.values())

    def namesake(self, name: str, lat: float, lon: float) -> str | None:
        """The admin1 code of a city called ``name`` within :data:`NAMESAKE_KM` of the point."""
        key = name_key(name)
        scale = math.cos(math.radians(lat))
        for point in self._near(lat, lon):
            if point.admin1 and name_key(point.name) == key:
                km = 111.2 * math.hypot(point.lat - lat, scale * (point.lon - lon))
                if km <= NAMESAKE_KM:
                    return point.admin1
        return None

    def _near(self, lat: float, lon: float) -> list[CityPoint]:
        row, col = math.floor(lat), math.floor(lon)
        found: list[CityPoint] = []
        for radius in range(0, 40):
            for dr in range(-radius, radius + 1):
                for dc in range(-radius, radius + 1):
                    if max(abs(dr), abs(dc)) == radius:
                        found.extend(self.cells.get((row + dr, col + dc), ()))
            if (len(found) >= _NEIGHBOURS and radius >= 1) or len(found) == self.size:
                break
        return found
