"""Toponym resolution: each toponym to one gazetteer entry, chosen with the report as context.

Candidates come from the gazetteer (exact, normalised, then fuzzy names). Each is scored by
how well its name matched, its importance (feature type, population, capital status), and the
report's context: countries named or implied by demonyms, provinces and states named, the
"Town, Country" and "Town, State" patterns, the dateline ("BAGHDAD (AFP) -"), and closeness to
the report's other places. Resolution runs twice: the first pass fixes the unambiguous places,
the second decides the rest with them as context. A name with no candidate stays unresolved:
it is never forced onto a wrong point.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from warwire.geo import (
    Candidate,
    Gazetteer,
    GeoEntry,
    demonym_country,
    demonym_region,
    loose_key,
    name_key,
)
from warwire.geo.near import LOCAL, near_places
from warwire.geo.recognise import Toponym, common_word

EARTH_KM = 6371.0
_AREA_SUFFIX = re.compile(
    r"\s+(province|governorate|oblast|region|state|district|county|parish|borough|prefecture"
    r"|wilayat)$",
    re.IGNORECASE,
)
_CITY_SUFFIX = re.compile(r"\s+(city|town|village)$", re.IGNORECASE)
_NEAR = re.compile(
    r"(near|outside|around|close to|(north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(ern)? (of|outskirts of)|outskirts of|km from|kilometres from|"
    r"kilometers from|miles from)\s+(the\s+)?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z'.\- ]{2,40}?)(?:,\s*([A-Z][A-Za-z.\- ]{1,30}))?\s*(?:\(|—|–|-{1,2}\s)"
)
_FEATURE_WEIGHT = {
    "country": 3.2,
    "continent": 3.0,
    "macro_region": 3.0,
    "admin1": 2.2,
    "territory": 2.0,
    "sea": 2.0,
    "region": 1.6,
    "admin2": 1.4,
    "river": 1.2,
    "desert": 1.2,
    "plain": 1.2,
    "island": 1.2,
    "lake": 1.2,
    "strait": 1.2,
    "valley": 1.0,
    "mountain": 1.0,
    "district": 1.0,
    "crossing": 0.8,
}


@dataclass(frozen=True)
class Weights:
    """How much each piece of evidence counts when ranking a toponym's candidates.

    Scores add up: match quality, the place's own name, importance (log population, capital,
    feature type), then context (country and province votes, dateline, "Town, Region" pairs,
    distance to the report's fixed places). Measured on the development sets with
    ``warwire eval geoparse``; see benchmarks/RESULTS.md.
    """

    exact: float = 1.0
    normalised: float = 0.85
    fuzzy: float = 0.5
    own_name: float = 0.5
    population: float = 0.3  # per power of ten
    capital: float = 0.8
    admin_seat: float = 0.3
    country_base: float = 0.8
    country_share: float = 2.0
    admin1_base: float = 0.5
    admin1_share: float = 2.5
    dateline: float = 0.8
    pair: float = 2.0
    proximity: float = 0.5
    proximity_km: float = 400.0
    neighbours: float = 1.5  # per other name with a reading close by
    neighbours_km: float = 50.0
    neighbours_cap: float = 3.0
    same_name_province: float = 1.0
    variant_penalty: float = 1.0
    alias_penalty: float = 1.0
    area_name_penalty: float = 2.0


WEIGHTS = Weights()


@dataclass(frozen=True)
class ResolvedPlace:
    """A toponym with the entry it names (None when unresolved) and ACLED's geo precision.

    An unresolved place may still be ``near`` the place the text puts it in or beside, or the
    town the report is about (see ``warwire.geo.near``): geo precision 2 next to a town, 3 in
    a region or country. It stays unresolved: ``entry`` is None.
    """

    toponym: Toponym
    entry: GeoEntry | None
    match: str | None = None
    score: float = 0.0
    geo_precision: int | None = None
    near: GeoEntry | None = None

    @property
    def resolved(self) -> bool:
        return self.entry is not None


@dataclass
class _Context:
    """What the report says about where it is, as votes cast by its toponyms."""

    votes: list[tuple[str, str, str | None, float]]  # (name key, country, admin1, weight)
    dateline_country: str | None
    points: list[tuple[str, float, float]]  # (name key, lat, lon) of fixed places
    weights: Weights
    support: dict[tuple[str, int], float] = field(default_factory=dict)  # see _neighbours
    # Votes and points are only ever added, so the number cast by names other than a key
    # dates every remembered answer for that key (a name never counts its own votes).
    _key_votes: dict[str, int] = field(default_factory=dict)
    _key_points: dict[str, int] = field(default_factory=dict)
    _tallies: dict[tuple[str, int], _Tally] = field(default_factory=dict)
    _nearest: dict[tuple[str, int, int], float | None] = field(default_factory=dict)
    _radians: list[tuple[float, float, float]] = field(default_factory=list)  # of ``points``
    ranked: dict[tuple[int, bool, int, int], list[tuple[Candidate, float]]] = field(
        default_factory=dict
    )  # see _scored

    def __post_init__(self) -> None:
        self._key_votes = _counts(key for key, _, _, _ in self.votes)
        self._key_points = _counts(key for key, _, _ in self.points)

    def vote(self, key: str, country: str, admin1: str | None, weight: float) -> None:
        self.votes.append((key, country, admin1, weight))
        self._key_votes[key] = self._key_votes.get(key, 0) + 1

    def fix(self, key: str, lat: float, lon: float) -> None:
        self.points.append((key, lat, lon))
        self._key_points[key] = self._key_points.get(key, 0) + 1

    def others(self, key: str) -> tuple[int, int]:
        """How many votes and points names other than ``key`` have cast so far."""
        return (
            len(self.votes) - self._key_votes.get(key, 0),
            len(self.points) - self._key_points.get(key, 0),
        )

    def shares(self, key: str, country: str, admin1: str | None) -> tuple[float, float]:
        """The share of votes for ``country``, and for ``admin1`` in it, cast by toponyms of
        other names (a name repeated does not confirm itself)."""
        memo = (key, self.others(key)[0])
        tally = self._tallies.get(memo)
        if tally is None:
            tally = self._tallies[memo] = self._tally(key)
        total, countries, admin_totals, admin1s = tally
        if not total:
            return 0.0, 0.0
        admin_total = admin_totals.get(country, 0.0)
        in_admin1 = admin1s.get((country, admin1), 0.0) if admin1 is not None else 0.0
        return (
            countries.get(country, 0.0) / total,
            in_admin1 / admin_total if admin_total else 0.0,
        )

    def nearest_km(self, entry: GeoEntry, key: str) -> float | None:
        """The distance from ``entry`` to the nearest fixed place of another name than ``key``
        (a name repeated does not confirm itself)."""
        memo = (key, entry.geonames_id, self.others(key)[1])
        if memo in self._nearest:
            return self._nearest[memo]
        if len(self._radians) != len(self.points):  # points only grow: convert the new ones
            self._radians += [
                _point(plat, plon) for _, plat, plon in self.points[len(self._radians) :]
            ]
        here = _point(entry.lat, entry.lon)
        nearest = math.inf
        for (name, _, _), there in zip(self.points, self._radians, strict=True):
            # the difference in latitude alone is a lower bound of the distance
            if name != key and abs(there[0] - here[0]) * EARTH_KM < nearest:
                nearest = min(nearest, _haversine_km(here, there))
        found = self._nearest[memo] = None if nearest == math.inf else nearest
        return found

    def _tally(self, key: str) -> _Tally:
        """The weight of the votes cast by names other than ``key``: in all, per country,
        per country by names that gave a province, and per (country, province)."""
        total = 0.0
        countries: dict[str, float] = {}
        admin_totals: dict[str, float] = {}
        admin1s: dict[tuple[str, str], float] = {}
        for name, cc, a1, weight in self.votes:
            if name == key:
                continue
            total += weight
            countries[cc] = countries.get(cc, 0.0) + weight
            if a1 is not None:
                admin_totals[cc] = admin_totals.get(cc, 0.0) + weight
                admin1s[(cc, a1)] = admin1s.get((cc, a1), 0.0) + weight
        return total, countries, admin_totals, admin1s


_Tally = tuple[float, dict[str, float], dict[str, float], dict[tuple[str, str], float]]


def _counts(keys: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    return _haversine_km(_point(lat1, lon1), _point(lat2, lon2))


def _point(lat: float, lon: float) -> tuple[float, float, float]:
    """(latitude, longitude, cosine of latitude) in radians, as :func:`_haversine_km` takes."""
    phi = math.radians(lat)
    return phi, math.radians(lon), math.cos(phi)


def _haversine_km(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    (p1, l1, cos1), (p2, l2, cos2) = a, b
    h = math.sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * math.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def candidates_for(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Gazetteer candidates for a toponym's text, handling 'X Province' and 'X city' forms."""
    name = name.strip()
    # "Russian", "Syrians", "European": a people or an adjective names its country or region,
    # whatever towns share the spelling.
    country = demonym_country(name)
    if country:
        entry = gazetteer.country(country)
        if entry is not None:
            return [Candidate(entry, "normalised", 0.95, name)]
    region = demonym_region(name)
    if region:
        areas = [c for c in gazetteer.lookup(region, fuzzy=False) if c.entry.feature != "city"]
        if areas:
            return areas[:1]
    cands = gazetteer.lookup(name, fuzzy=False)
    area = _AREA_SUFFIX.search(name)
    if area:
        # "Anbar Province", "Clarke County": the division of that name, not a town or country.
        local = area.group(1).lower() in {"county", "parish", "borough"}
        wanted = {"admin2"} if local else {"admin1", "admin2", "region", "district"}
        base = name[: area.start()]
        extra = [c for c in gazetteer.lookup(base, fuzzy=False) if c.entry.feature in wanted]
        full = [c for c in cands if c.match == "exact" and c.entry.feature in wanted]
        ordered = full + [c for c in extra if c not in full]
        # a name that says what it is ("Guernsey County") is only that, when such a place exists
        cands = ordered or cands
    city = _CITY_SUFFIX.search(name)
    if city and not cands:
        cands = list(gazetteer.lookup(name[: city.start()], fuzzy=False))
    if not cands and len(name) >= 6:
        first = loose_key(name)[:1]
        cands = [
            c
            for c in gazetteer.lookup(name, fuzzy=True)
            if c.score >= 0.92 and loose_key(c.matched_name)[:1] == first
        ]
    return cands


_GENERIC = frozenset(
    {
        "the", "of", "and", "for", "at", "in", "on", "new", "old", "north", "south", "east",
        "west", "central", "northern", "southern", "eastern", "western", "upper", "lower",
        "great", "royal", "saint", "st", "street", "road",
        "avenue", "university", "college", "school", "hospital", "park", "centre", "center",
        "city", "county", "state", "national", "international", "world", "cup", "house",
    }
)  # fmt: skip


_FEATURE_WORDS = frozenset(
    {
        "lake", "river", "creek", "mountain", "mountains", "mount", "mt", "park", "township",
        "gulf", "bay", "sea", "ocean", "island", "islands", "valley", "county", "parish",
        "borough", "district", "canyon", "forest", "falls", "springs", "beach", "harbor",
        "harbour", "point", "grove", "hill", "hills", "heights", "village", "city", "town",
        "colony", "lakeshore", "reservoir", "dam", "mill", "peninsula", "coast", "desert",
        "delta", "plain", "plains", "plateau", "basin",
    }
)  # fmt: skip
_WIDE = frozenset({"country", "admin1", "continent", "macro_region"})


def _bare(word: str) -> str:
    return word.lower().strip(".,'’")


MIN_NAMESAKE_POPULATION = 10_000


def _named_within(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """For a name no gazetteer has, the place a shorter part of it names: a building, street,
    event or institution named after its town, state or country ("Colorado State University",
    "Dubai World Cup", "US Federal Reserve", "Windsor Castle") lies there or is about it.
    Only towns, states, countries and larger areas, matched exactly, qualify."""
    words = name.split()
    if len(words) < 2 or len(words) > 8:
        return []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = words[start : start + size]
            if all(_bare(w) in _GENERIC or _bare(w) in _FEATURE_WORDS for w in part):
                continue  # "Northern", "Bay": a word of the kind, not a place's own name
            if not part[0][:1].isupper():
                continue
            rest = words[:start] + words[start + size :]
            if any(_bare(w) in _FEATURE_WORDS for w in rest):
                continue  # "Lake Ontario", "Zion National Park": a feature of its own
            text = " ".join(part)
            found = [
                c
                for c in gazetteer.lookup(text, fuzzy=False, limit=10)
                if c.match == "exact"
                and (
                    c.entry.feature in _WIDE
                    or (
                        c.entry.population >= MIN_NAMESAKE_POPULATION
                        and not (size == 1 and common_word(text))  # "Federal", "Reserve"
                    )
                    or (c.entry.feature == "admin2" and name_key(c.entry.name) == name_key(text))
                )
            ]
            if found:
                return found
    return []


@dataclass
class _Report:
    """A report's toponyms with their candidates, and what scoring them needs of it.

    Toponyms of the same text and kind whose "Town, Region" partners are alike (``groups``)
    score alike, so each group's context-free scores are worked out once (``static``).
    """

    toponyms: Sequence[Toponym]
    cands: list[list[Candidate]]
    pairs: dict[int, int]
    keys: list[str]  # loose keys of the toponyms' texts
    groups: list[int]
    static: dict[int, list[tuple[Candidate, float]]] = field(default_factory=dict)


def _report(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> _Report:
    found: dict[str, list[Candidate]] = {}
    cands: list[list[Candidate]] = []
    for t in toponyms:
        if t.kind == "place" or not t.country_code:
            if t.text not in found:
                found[t.text] = candidates_for(t.text, gazetteer)
            cands.append(list(found[t.text]))
        else:
            cands.append([])
    chains = _chains(text, toponyms)
    pairs = _pairs(chains, cands)
    listed = _listed_with_areas(chains, cands)
    stated = _called_states(text, toponyms, cands)
    signatures: dict[tuple[object, ...], int] = {}
    groups = []
    for i, t in enumerate(toponyms):
        partner = toponyms[pairs[i]] if i in pairs else None
        signature = (
            t.text,
            t.kind,
            t.country_code,
            None if partner is None else (partner.text, partner.kind, partner.country_code),
            i in listed,
            i in stated,
        )
        groups.append(signatures.setdefault(signature, len(signatures)))
    return _Report(toponyms, cands, pairs, [loose_key(t.text) for t in toponyms], groups)


def resolve(
    text: str,
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    *,
    weights: Weights = WEIGHTS,
) -> list[ResolvedPlace]:
    """Resolve every place toponym of ``text``; demonyms resolve to their country."""
    report = _report(text, toponyms, gazetteer)
    cands = report.cands
    context = _Context([], _dateline_country(text, gazetteer), [], weights)
    context.support = _neighbours(toponyms, cands, weights)
    for top in toponyms:
        if top.kind == "demonym" and top.country_code:
            context.vote(loose_key(top.text), top.country_code, None, 1.0)

    # Pass 1: importance and explicit context only; then every toponym votes for the countries
    # and provinces its plausible readings lie in. A name whose readings all lie in one country
    # ("Pineville": only American towns) is evidence for that country even when the town
    # itself stays ambiguous; a named country or province is stronger evidence.
    demonym_votes = list(context.votes)
    first = [_best(i, report, context, use_points=False) for i in range(len(toponyms))]
    _cast_votes(report, context, context, first, use_points=False)
    # Pass 2 votes again with what pass 1 learnt: a name that was a toss-up alone ("Georgia",
    # the country or the American state) now votes for the reading its neighbours support
    # ("Atlanta", "Texas"), and so does every place it helps decide.
    second = _Context(demonym_votes, context.dateline_country, [], weights, context.support)
    ranked = [
        _scored(i, report, context, use_points=True) if cands[i] else []
        for i in range(len(toponyms))
    ]
    again = [_pick(scored) for scored in ranked]
    _cast_votes(report, context, second, again, use_points=True, ranked=ranked)
    context = second
    # A name no gazetteer has may be a building, event or institution named after its place;
    # found only now, so that it casts no vote of its own.
    within = set()
    for i, top in enumerate(toponyms):
        if top.kind == "place" and not cands[i]:
            cands[i] = _named_within(top.text, gazetteer)
            within.add(i)
    if within:
        report.static.clear()  # a "Town, Region" partner may have found readings
        context.ranked.clear()
    # Pass 2: with the countries, provinces and points the confident picks gave.
    results: list[ResolvedPlace] = []
    for i, top in enumerate(toponyms):
        if top.kind == "demonym" and top.country_code:
            country = gazetteer.country(top.country_code)
            results.append(ResolvedPlace(top, country, "demonym" if country else None, 1.0, 3))
            continue
        choice, _ = _best(i, report, context, use_points=True)
        if choice is None:
            results.append(ResolvedPlace(top, None))
            continue
        cand, score = choice
        precision = _precision(text, top, cand.entry)
        if i in within:
            precision = max(precision, 2)  # at or in the place it is named after
        results.append(ResolvedPlace(top, cand.entry, cand.match, round(score, 4), precision))
    results = _without_strays(results, report.keys, context.dateline_country)
    near = near_places(text, toponyms, [r.entry for r in results], report.pairs)
    return [
        ResolvedPlace(
            r.toponym, None, geo_precision=2 if near[i].feature in _LOCAL else 3, near=near[i]
        )
        if i in near
        else r
        for i, r in enumerate(results)
    ]


STRAY_POPULATION = 100_000  # a town this big abroad is news; a village rarely is
STRAY_OTHERS = 2  # names of the report elsewhere that say where it is


def _without_strays(
    results: list[ResolvedPlace], keys: Sequence[str], dateline_country: str | None
) -> list[ResolvedPlace]:
    """Towns alone in their country are left unresolved when the report is elsewhere.

    A village's name in a report about Kenya that the gazetteer knows only as a village in
    the Philippines or Burkina Faso ("Suba", "Nyando") is another village the gazetteer
    lacks, not a trip abroad: when no other name of the report (nor its dateline or a
    demonym) lies in the town's country, the town is small (or only a fuzzy match), and the
    report's other names place it elsewhere, the name stays unresolved (and is placed near
    the places the report is about).
    """
    named: dict[str, set[str]] = {}
    for r, key in zip(results, keys, strict=True):
        if r.entry is not None and r.entry.country_code:
            named.setdefault(r.entry.country_code, set()).add(key)
    everyone = set().union(*named.values())
    out = []
    for r, key in zip(results, keys, strict=True):
        e = r.entry
        if (
            e is not None
            and r.toponym.kind == "place"
            and e.feature == "city"
            and (e.population < STRAY_POPULATION or r.match == "fuzzy")
            and e.country_code != dateline_country
            and not named.get(e.country_code or "", set()) - {key}
            and len(everyone - {key}) >= STRAY_OTHERS
        ):
            r = ResolvedPlace(r.toponym, None)
        out.append(r)
    return out


def _cast_votes(
    report: _Report,
    scoring: _Context,
    into: _Context,
    choices: list[tuple[tuple[Candidate, float] | None, float]],
    *,
    use_points: bool,
    ranked: list[list[tuple[Candidate, float]]] | None = None,
) -> None:
    """Each toponym's chosen reading votes, in ``into``, for its country and province (as
    strongly as it leads the readings elsewhere), and a confident town becomes a fixed point."""
    for i, (choice, margin) in enumerate(choices):
        if choice is None:
            continue
        entry = choice[0].entry
        if entry.country_code is None:
            continue
        key = report.keys[i]
        scored = (
            ranked[i] if ranked is not None else _scored(i, report, scoring, use_points=use_points)
        )
        best = scored[0][1]
        other_country = max(
            (sc for c, sc in scored if c.entry.country_code != entry.country_code), default=None
        )
        lead = 4.0 if other_country is None else best - other_country
        weight = min(max(lead, 0.0), 2.0) / 2.0
        if entry.feature in {"country", "admin1"}:
            weight *= 2.0  # a named country or province ("Texas", "Syria")
        admin1 = None
        if entry.admin1:
            other_admin1 = max(
                (
                    sc
                    for c, sc in scored
                    if c.entry.country_code == entry.country_code and c.entry.admin1 != entry.admin1
                ),
                default=None,
            )
            if other_admin1 is None or best - other_admin1 > 1.0:
                admin1 = entry.admin1
        if weight > 0:
            into.vote(key, entry.country_code, admin1, weight)
        if entry.feature == "city" and (margin > 1.0 or len(report.cands[i]) == 1):
            into.fix(key, entry.lat, entry.lon)


def _scored(
    i: int, report: _Report, context: _Context, *, use_points: bool
) -> list[tuple[Candidate, float]]:
    """Every candidate of toponym ``i`` with its score, best first (remembered in ``context``
    until names other than this one cast another vote or fix another point)."""
    key = report.keys[i]
    group = report.groups[i]
    memo = (group, use_points, *context.others(key))
    known = context.ranked.get(memo)
    if known is not None:
        return known
    static = report.static.get(group)
    if static is None:
        static = report.static[group] = _static_scores(i, report, context)
    w = context.weights
    scored = []
    for c, value in static:
        e = c.entry
        if e.country_code:
            country_share, admin1_share = context.shares(key, e.country_code, e.admin1)
            if country_share:
                value += w.country_base + w.country_share * country_share
            if admin1_share:
                value += w.admin1_base + w.admin1_share * admin1_share
        if use_points and context.points and e.feature == "city":
            nearest = context.nearest_km(e, key)
            if nearest is not None:
                value += w.proximity * math.exp(-nearest / w.proximity_km)
        scored.append((c, value))
    scored.sort(key=lambda pair: -pair[1])
    context.ranked[memo] = scored
    return scored


def _static_scores(i: int, report: _Report, context: _Context) -> list[tuple[Candidate, float]]:
    """The part of each candidate's score that no vote or fixed point changes: match,
    importance, the dateline, the "Town, Region" partner and the neighbouring names (the
    dateline and the neighbours are the same in every round's context)."""
    options = report.cands[i]
    partner = report.cands[report.pairs[i]] if i in report.pairs else []
    w = context.weights
    # A city that shares its name with the province around it ("Homs", "Aleppo", "New York")
    # is the city unless the text says "province": the province's weight goes to the city,
    # provided the city is a real part of the province (a tenth of its people or more).
    provinces = {
        (c.entry.country_code, c.entry.admin1, loose_key(c.entry.name)): c.entry.population
        for c in options
        if c.entry.feature == "admin1"
    }
    has_exact = any(c.match == "exact" for c in options)
    has_own = any(_own_name(c) for c in options)
    # A name that is a country's, a province's or a region's own ("China", "Florida") means
    # that area, not a village that shares it.
    area_named = any(c.entry.feature != "city" and c.match == "exact" for c in options)
    key = report.keys[i]
    scored = []
    for c in options:
        e = c.entry
        value = _score(c, key, context, partner)
        if e.feature == "city":
            province_pop = provinces.get((e.country_code, e.admin1, loose_key(e.name)))
            full = name_key(e.name) == name_key(c.matched_name)
            if province_pop is not None and e.population * 10 >= province_pop:
                value += w.same_name_province
            if area_named and (e.population < 100_000 or not full):
                # a village that shares the name, or a city called so only for short
                # ("Mexico" for Mexico City, "New York" for the city of New York)
                value -= w.area_name_penalty
        if has_own and not _own_name(c):
            value -= w.alias_penalty
        if has_exact and c.match != "exact":
            value -= w.variant_penalty  # a spelling variant loses to the name as written
        scored.append((c, value))
    return scored


def _best(
    i: int, report: _Report, context: _Context, *, use_points: bool
) -> tuple[tuple[Candidate, float] | None, float]:
    if not report.cands[i]:
        return None, 0.0
    return _pick(_scored(i, report, context, use_points=use_points))


def _pick(
    scored: list[tuple[Candidate, float]],
) -> tuple[tuple[Candidate, float] | None, float]:
    """The best-scored candidate and its lead over the next (10 when alone)."""
    if not scored:
        return None, 0.0
    margin = scored[0][1] - scored[1][1] if len(scored) > 1 else 10.0
    return scored[0], margin


def _score(cand: Candidate, key: str, context: _Context, partner: list[Candidate]) -> float:
    """A candidate's context-free score (see ``_static_scores``)."""
    entry = cand.entry
    w = context.weights
    if cand.match == "exact":
        score = w.exact
    elif cand.match == "normalised":
        score = w.normalised
    else:
        score = w.fuzzy * cand.score
    if _own_name(cand):
        score += w.own_name  # the place's own name, not one of its historical or foreign names
    if entry.feature == "city":
        score += w.population * math.log10(entry.population + 1)
        if entry.feature_code == "PPLC":
            score += w.capital
        elif entry.feature_code in {"PPLA", "PPLA2"}:
            score += w.admin_seat
    else:
        score += _FEATURE_WEIGHT.get(entry.feature, 0.8)
    if entry.country_code and context.dateline_country == entry.country_code:
        score += w.dateline
    if any(_contains(p.entry, entry) or _contains(entry, p.entry) for p in partner):
        score += w.pair  # "Athens, Georgia": one name of the pair holds the other
    if entry.feature in _LOCAL:
        score += w.neighbours * context.support.get((key, entry.geonames_id), 0.0)
    return score


_LOCAL = LOCAL  # towns and counties (warwire.geo.near)
_NEIGHBOUR_CANDIDATES = 10
_AREAS = frozenset({"country", "admin1", "continent", "macro_region"})


def _neighbours(
    toponyms: Sequence[Toponym], cands: list[list[Candidate]], weights: Weights
) -> dict[tuple[str, int], float]:
    """How many of the report's other names have a reading close to each town or county
    reading of a name: "Paris" and "Henry County" together are the pair in Tennessee, not
    Paris, France and a county in Virginia; local news names neighbouring places.

    Each other name counts ``exp(-d / neighbours_km)`` for its nearest town or county
    reading; the sum is capped at ``neighbours_cap``. Keyed by (name key, entry id).
    """
    readings: dict[str, list[tuple[int, tuple[float, float, float]]]] = {}
    for top, options in zip(toponyms, cands, strict=True):
        if top.kind != "place" or not options:
            continue
        key = loose_key(top.text)
        if key in readings:
            continue
        if any(c.match == "exact" and c.entry.feature in _AREAS for c in options):
            continue  # "Oklahoma", "Mexico": the state or country, whatever towns share it
        local = [
            c.entry
            for c in options[:_NEIGHBOUR_CANDIDATES]
            if c.entry.feature in _LOCAL and _own_name(c)
        ]
        if local:
            readings[key] = [(e.geonames_id, _point(e.lat, e.lon)) for e in local]
    if len(readings) < 2:
        return {}
    reach = weights.neighbours_km
    # nearer than this adds too little to matter (exp(-5) < 0.01)
    horizon = 5 * reach
    support: dict[tuple[str, int], float] = {}
    names = list(readings.items())
    for key, mine in names:
        for gid, here in mine:
            total = 0.0
            for other, theirs in names:
                if other == key:
                    continue
                nearest = horizon
                for other_gid, there in theirs:
                    if other_gid == gid:
                        continue  # the same place by another name confirms nothing
                    if abs(there[0] - here[0]) * EARTH_KM < nearest:
                        nearest = min(nearest, _haversine_km(here, there))
                if nearest < horizon:
                    total += math.exp(-nearest / reach)
            if total:
                support[(key, gid)] = min(total, weights.neighbours_cap)
    return support


def _own_name(cand: Candidate) -> bool:
    """Whether a candidate matched its own name (or, for a country or province, one of its
    official names), rather than a historical or foreign alias ("Augusta" for Augsburg) or a
    county's bare name ("Augusta" for Augusta County)."""
    feature = cand.entry.feature
    if feature == "admin2":
        return name_key(cand.entry.name) == name_key(cand.matched_name)
    if feature != "city":
        return True
    return loose_key(cand.entry.name) == loose_key(cand.matched_name)


def _contains(outer: GeoEntry, inner: GeoEntry) -> bool:
    """Whether ``outer`` is a country or province that holds ``inner``."""
    if outer is inner or outer.country_code is None or outer.country_code != inner.country_code:
        return False
    if outer.feature == "country":
        return inner.feature != "country"
    if outer.feature == "admin1":
        return inner.feature != "admin1" and inner.admin1 == outer.admin1
    return False


def _pairs(
    chains: Sequence[tuple[int, int]], cands: Sequence[Sequence[Candidate]]
) -> dict[int, int]:
    """'Town, Country' and 'Town, State': each of two names joined by a comma is the other's
    partner (the town looks forward, the region back; a name in a chain looks forward).

    A chain of three or more names that are all states or countries by their own name
    ("Georgia, Oklahoma, Pennsylvania and Texas") is a list: no name in it is another's part.
    """
    pairs: dict[int, int] = {}
    for first, last in chains:
        if _is_area_list(cands, first, last):
            continue
        for k in range(first, last):
            pairs[k] = k + 1
            pairs.setdefault(k + 1, k)
    return pairs


def _chains(text: str, toponyms: Sequence[Toponym]) -> list[tuple[int, int]]:
    """(first, last) indexes of each run of two or more place names joined by commas."""
    joined = [
        text[a.end : b.start].strip() == "," and a.kind == "place" and b.kind == "place"
        for a, b in pairwise(toponyms)
    ]
    chains = []
    i = 0
    while i < len(joined):
        if not joined[i]:
            i += 1
            continue
        end = i
        while end + 1 < len(joined) and joined[end + 1]:
            end += 1
        chains.append((i, end + 1))
        i = end + 1
    return chains


def _is_area_list(cands: Sequence[Sequence[Candidate]], first: int, last: int) -> bool:
    return last - first >= 2 and all(_area_named(cands[k]) for k in range(first, last + 1))


def _listed_with_areas(chains: Sequence[tuple[int, int]], cands: list[list[Candidate]]) -> set[int]:
    """Names listed among states or countries ("Texas, Utah, Virginia, Washington"): each is
    a state or country too, not the capital or a town of the name. Their candidates are cut
    to those areas (in place); returns their indexes."""
    listed: set[int] = set()
    for first, last in chains:
        if not _is_area_list(cands, first, last):
            continue
        for k in range(first, last + 1):
            cands[k] = [c for c in cands[k] if c.match == "exact" and c.entry.feature in _LISTED]
            listed.add(k)
    return listed


_LISTED = frozenset({"admin1", "country"})
_STATE_AFTER = re.compile(r"\s+state\b")
_STATE_BEFORE = re.compile(r"\bstate of\s+$")


def _called_states(
    text: str, toponyms: Sequence[Toponym], cands: list[list[Candidate]]
) -> set[int]:
    """Names the text calls a state ("Washington state", "the state of Washington", in lower
    case: "Washington State University" is no such call): their candidates are cut to the
    first-level divisions of the name (in place), when there are any; returns their indexes."""
    stated: set[int] = set()
    for k, t in enumerate(toponyms):
        if not (
            _STATE_AFTER.match(text, t.end)
            or _STATE_BEFORE.search(text[max(0, t.start - 12) : t.start])
        ):
            continue
        states = [c for c in cands[k] if c.match == "exact" and c.entry.feature == "admin1"]
        if states:
            cands[k] = states
            stated.add(k)
    return stated


def _area_named(options: Sequence[Candidate]) -> bool:
    """Whether a name is, as written, a state's, province's or country's own."""
    return any(c.match == "exact" and c.entry.feature in {"admin1", "country"} for c in options)


def _dateline_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The country of a dateline city ("BAGHDAD (AFP) -", "KABUL, Afghanistan --")."""
    match = _DATELINE.match(text[:80])
    if not match:
        return None
    if match.group(2):
        for cand in gazetteer.lookup(match.group(2), fuzzy=False, limit=5):
            if cand.entry.feature in {"country", "admin1"} and cand.entry.country_code:
                return cand.entry.country_code
    cands = gazetteer.lookup(match.group(1).strip().title(), fuzzy=False, limit=10)
    cities = [c.entry for c in cands if c.entry.feature in {"city", "country"}]
    if not cities:
        return None
    return max(cities, key=lambda e: e.population).country_code


def _precision(text: str, toponym: Toponym, entry: GeoEntry) -> int:
    """ACLED geo precision: 1 a town, 2 near a town or part of an area, 3 a region or province."""
    if entry.feature != "city":
        return 3
    before = text[max(0, toponym.start - 40) : toponym.start]
    return 2 if _NEAR.search(before) else 1
