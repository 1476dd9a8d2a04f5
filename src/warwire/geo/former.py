"""Former first-level divisions (``vocab/former_divisions.yaml``) as gazetteer entries.

Each is a region (GeoNames feature code A.ADM1H) whose point is the mean of the points of
today's divisions that took its land, looked up by ISO 3166-2 code among the index's own
division entries: no coordinates are typed in by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from warwire.errors import ConfigError
from warwire.geo.curated import read_vocab
from warwire.geo.entry import GeoEntry, NamedEntry

__all__ = ["FormerDivision", "former_entries", "load_former_divisions"]

_FILE = "vocab/former_divisions.yaml"


@dataclass(frozen=True)
class FormerDivision:
    """One entry of ``former_divisions.yaml``."""

    id: int
    name: str
    aliases: tuple[str, ...]
    country: str
    successors: tuple[str, ...]
    until: int
    source: str


@cache
def load_former_divisions() -> tuple[FormerDivision, ...]:
    """The entries of ``vocab/former_divisions.yaml``, checked."""
    data = read_vocab("former_divisions.yaml")
    out: list[FormerDivision] = []
    seen: set[int] = set()
    for raw in data.get("divisions") or ():
        former = _former(raw)
        if former.id in seen or not -39_999 <= former.id <= -30_001:
            raise ConfigError(f"{_FILE}: bad or repeated id {former.id!r}")
        seen.add(former.id)
        out.append(former)
    return tuple(out)


def _former(raw: dict[str, Any]) -> FormerDivision:
    where = f"{_FILE} entry {raw.get('id')!r}"
    try:
        former = FormerDivision(
            id=int(raw["id"]),
            name=str(raw["name"]),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            country=str(raw["country"]),
            successors=tuple(str(s) for s in raw["successors"]),
            until=int(raw["until"]),
            source=str(raw["source"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc!r}") from exc
    if not former.successors or not former.source:
        raise ConfigError(f"{where}: needs its successors and a source")
    if any(not s.startswith(f"{former.country}-") for s in former.successors):
        raise ConfigError(f"{where}: a successor lies outside {former.country}")
    return former


def former_entries(divisions: Mapping[str, GeoEntry]) -> Iterator[NamedEntry]:
    """The former divisions as entries; ``divisions`` maps ISO 3166-2 codes to the index's
    first-level division entries. A successor missing from them is a data error."""
    for former in load_former_divisions():
        missing = [code for code in former.successors if code not in divisions]
        if missing:
            raise ConfigError(
                f"{_FILE} entry {former.id}: no division {', '.join(missing)} in the sources"
            )
        points = [divisions[code] for code in former.successors]
        only = points[0] if len(points) == 1 else None
        entry = GeoEntry(
            geonames_id=former.id,
            name=former.name,
            lat=sum(p.lat for p in points) / len(points),
            lon=sum(p.lon for p in points) / len(points),
            feature_class="A",
            feature_code="ADM1H",
            country_code=former.country,
            admin1=only.admin1 if only else None,
            admin1_name=only.name if only else None,
            iso3166_2=None,
            population=0,
            feature="region",
        )
        yield NamedEntry(entry, former.aliases)
