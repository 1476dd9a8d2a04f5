"""The curated place data of ``warwire/vocab``: regions, rivers, crossings, and extra aliases.

``regions.yaml`` holds features GeoNames' populated places lack (the Euphrates valley, the
Nineveh Plains, the Rafah crossing, the Middle East); ``place_variants.yaml`` holds spellings
the sources miss (country short names, "Donetsk Oblast" for countrystatecity's "Donetska",
city variants). Both are read once per process and validated: a bad entry names its file and id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from warwire.errors import ConfigError

__all__ = [
    "CuratedFeature",
    "PlaceVariants",
    "load_regions",
    "load_state_points",
    "load_variants",
    "read_vocab",
]


@dataclass(frozen=True)
class CuratedFeature:
    """One entry of ``regions.yaml``."""

    id: int
    name: str
    aliases: tuple[str, ...]
    kind: str
    feature_class: str
    feature_code: str
    lat: float
    lon: float
    countries: tuple[str, ...]
    admin1_iso: str | None
    source: str


@dataclass(frozen=True)
class PlaceVariants:
    """Extra aliases from ``place_variants.yaml``, keyed by what they attach to."""

    countries: dict[str, tuple[str, ...]]
    """ISO 3166-1 alpha-2 code -> aliases of the country."""
    divisions: dict[str, tuple[str, ...]]
    """ISO 3166-2 code -> aliases of the division."""
    places: dict[int, tuple[str, ...]]
    """GeoNames id -> aliases of the city (or any entry with that id)."""
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    """ISO 3166-1 alpha-2 code -> the GeoNames representative point, where it is known."""


def read_vocab(filename: str) -> Any:
    """Parse one YAML file of ``warwire/vocab``."""
    path = resources.files("warwire") / "vocab" / filename
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read vocab/{filename}: {exc}") from exc


@cache
def load_regions() -> tuple[CuratedFeature, ...]:
    """The curated features of ``vocab/regions.yaml``, checked."""
    data = read_vocab("regions.yaml")
    features: list[CuratedFeature] = []
    seen: set[int] = set()
    for raw in data["features"]:
        features.append(_feature(raw))
        if features[-1].id in seen or not -9_999 <= features[-1].id <= -1:
            raise ConfigError(f"vocab/regions.yaml: bad or repeated id {features[-1].id!r}")
        seen.add(features[-1].id)
    return tuple(features)


def _feature(raw: dict[str, Any]) -> CuratedFeature:
    where = f"vocab/regions.yaml entry {raw.get('id')!r}"
    try:
        feature_class, feature_code = str(raw["code"]).split(".")
        lat, lon = float(raw["lat"]), float(raw["lon"])
        feature = CuratedFeature(
            id=int(raw["id"]),
            name=str(raw["name"]),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            kind=str(raw["kind"]),
            feature_class=feature_class,
            feature_code=feature_code,
            lat=lat,
            lon=lon,
            countries=tuple(str(c) for c in raw.get("countries") or ()),
            admin1_iso=raw.get("admin1"),
            source=str(raw["source"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"{where}: point {lat!r}, {lon!r} is off the globe")
    return feature


@cache
def load_variants() -> PlaceVariants:
    """The extra aliases of ``vocab/place_variants.yaml``."""
    data = read_vocab("place_variants.yaml")

    def aliases(section: str) -> dict[str, tuple[str, ...]]:
        entries = data.get(section) or {}
        return {str(k): tuple(str(a) for a in v["aliases"]) for k, v in entries.items()}

    places = {int(k): v for k, v in aliases("places").items()}
    return PlaceVariants(aliases("countries"), aliases("divisions"), places, load_country_points())


def load_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames-convention country points of ``vocab/country_points.yaml``, checked."""
    return _load_points("country_points.yaml")


def load_state_points() -> dict[str, tuple[float, float]]:
    """GeoNames' points of the United States' states (``vocab/us_state_points.yaml``), by USPS
    code, checked."""
    return _load_points("us_state_points.yaml")


def _load_points(filename: str) -> dict[str, tuple[float, float]]:
    data = read_vocab(filename)
    if not data.get("source"):
        raise ConfigError(f"vocab/{filename}: the file must name its source")
    points: dict[str, tuple[float, float]] = {}
    for code, pair in (data.get("points") or {}).items():
        lat, lon = float(pair[0]), float(pair[1])
        if len(str(code)) != 2 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ConfigError(f"vocab/{filename}: bad point for {code!r}")
        points[str(code)] = (lat, lon)
    return points
