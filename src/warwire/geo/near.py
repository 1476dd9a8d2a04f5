"""Where an unresolved name lies: the place the report puts it in or next to.

A village, street, quarter or valley no gazetteer has still sits somewhere the text says:
"Greenlane, Auckland" (its comma partner), "Gondra district of Uttar Pradesh" or "Cellardyke in
Fife" (the place it is in), "the villages of Maliuc and Caraorman" (the towns listed with it).
When the text says nothing, it lies most likely in the town the report names most, counted
only in the country the report names most (or, when the report names no town there, in the
province it names most there, or that country). The name itself stays unidentified: these
are points to put it at, with a coarser geo precision, never a gazetteer entry for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from warwire.geo import GeoEntry
from warwire.geo.recognise import Toponym

LOCAL = frozenset({"city", "admin2"})

# What may stand between a name and the place that holds it: "X in Y", "X, in Y", "X region
# of Y", "X district in the Y", "X area of Y", "X located in Y", "X district, Y".
_KIND = (
    r"(?:region|district|area|province|county|valley|municipality|village|town|suburb"
    r"|neighbou?rhood|quarter|section|part|camp|island|prefecture|state)"
)
_WITHIN = re.compile(
    rf"\s*,?\s+(?:{_KIND}\s+)?(?:(?:which\s+is\s+|that\s+is\s+)?(?:located|situated|lying)"
    rf"\s+)?(?:in|of)\s+(?:the\s+)?$|\s+{_KIND}\s*,\s*$",
    re.IGNORECASE,
)
# What joins the names of a list: "A, B and C", "A or B".
_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*$", re.IGNORECASE)


def near_places(
    text: str,
    toponyms: Sequence[Toponym],
    entries: Sequence[GeoEntry | None],
    pairs: Mapping[int, int],
) -> dict[int, GeoEntry]:
    """The point each unresolved place name lies at or in, by its index in ``toponyms``.

    ``entries`` holds each toponym's resolved entry (None when unresolved), ``pairs`` the
    "Town, Region" partners of the report. Tried in order: the place after its comma, the
    place the text puts the name in, a resolved town listed with it, the report's main town
    (or province, or country).
    """
    unplaced = [i for i, t in enumerate(toponyms) if entries[i] is None and t.kind == "place"]
    if not unplaced:
        return {}  # most reports: nothing to place, no main town to work out
    focus = _focus(toponyms, entries)
    out: dict[int, GeoEntry] = {}
    for i in unplaced:
        place = (
            _partner(i, entries, pairs)
            or _holder(i, text, toponyms, entries)
            or _listed_town(i, text, toponyms, entries)
            or focus
        )
        if place is not None:
            out[i] = place
    return out


def _partner(
    i: int, entries: Sequence[GeoEntry | None], pairs: Mapping[int, int]
) -> GeoEntry | None:
    """The place named after the comma ("X, Auckland"), not before it ("Americas, X")."""
    return entries[i + 1] if pairs.get(i) == i + 1 else None


def _holder(
    i: int, text: str, toponyms: Sequence[Toponym], entries: Sequence[GeoEntry | None]
) -> GeoEntry | None:
    """The resolved place right after the name that the text says holds it."""
    k = i + 1
    if k >= len(toponyms) or toponyms[k].kind != "place":
        return None
    between = text[toponyms[i].end : toponyms[k].start]
    if len(between) > 40 or not _WITHIN.match(between):
        return None
    return entries[k]


def _listed_town(
    i: int, text: str, toponyms: Sequence[Toponym], entries: Sequence[GeoEntry | None]
) -> GeoEntry | None:
    """The nearest resolved town in the list the name stands in ("Maliuc and Caraorman")."""
    for step in (1, -1):
        k, here = i, i
        while 0 <= k + step < len(toponyms):
            k += step
            a, b = (toponyms[here], toponyms[k]) if step == 1 else (toponyms[k], toponyms[here])
            if toponyms[k].kind != "place" or not _LISTED.match(text[a.end : b.start]):
                break
            entry = entries[k]
            if entry is not None and entry.feature in LOCAL:
                return entry
            here = k
    return None


def _focus(toponyms: Sequence[Toponym], entries: Sequence[GeoEntry | None]) -> GeoEntry | None:
    """The town or county the report names most (the first named of equals), among those of
    the country whose places the report names most; without one there, the province named
    most there, or else that country itself. None when the report names no such place."""
    countries: dict[str, int] = {}
    for top, entry in zip(toponyms, entries, strict=True):
        if entry is not None and top.kind == "place" and entry.country_code:
            countries[entry.country_code] = countries.get(entry.country_code, 0) + 1
    if not countries:
        return None
    main = max(countries, key=lambda cc: countries[cc])  # max keeps the first of equals
    for features in (LOCAL, _PROVINCES, _COUNTRY):
        counts: dict[int, int] = {}
        chosen: dict[int, GeoEntry] = {}
        for top, entry in zip(toponyms, entries, strict=True):
            if (
                entry is None
                or top.kind != "place"
                or entry.feature not in features
                or entry.country_code != main
            ):
                continue
            counts[entry.geonames_id] = counts.get(entry.geonames_id, 0) + 1
            chosen.setdefault(entry.geonames_id, entry)
        if counts:
            return chosen[max(counts, key=lambda gid: counts[gid])]
    return None


_PROVINCES = frozenset({"admin1"})
_COUNTRY = frozenset({"country"})
