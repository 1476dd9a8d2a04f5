"""Countries' representative points: GeoNames' point nudged toward the Factbook's and the
centre of area (``warwire.geo.sources.country_point``), and the centres' generator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from countrystatecity_countries import get_countries

from warwire.evaluate.geo_metrics import haversine_km
from warwire.geo import SQLiteGazetteer
from warwire.geo.curated import load_country_centres, load_country_points, read_vocab
from warwire.geo.sources import MAX_SHIFT_KM, country_point

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_country_centres.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_country_centres", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _factbook() -> dict[str, tuple[float, float]]:
    return {
        c.iso2: (float(c.latitude), float(c.longitude))
        for c in get_countries()
        if c.latitude and c.longitude
    }


def test_the_centres_file_names_its_source_and_keeps_norway() -> None:
    assert "countryinfo" in read_vocab("country_centres.yaml")["source"]
    centres = load_country_centres()
    assert len(centres) > 150
    assert "NO" in centres  # quoted in the file: YAML would read NO as false
    assert haversine_km(*centres["FR"], 46.5, 2.5) < 100


def test_no_country_moves_further_than_max_shift_from_geonames() -> None:
    factbook, centres = _factbook(), load_country_centres()
    for code, geonames in load_country_points().items():
        point = country_point(geonames, factbook.get(code), centres.get(code))
        assert haversine_km(*geonames, *point) <= MAX_SHIFT_KM + 0.01, code


def test_a_point_leans_toward_what_the_other_references_agree_on() -> None:
    # China: GeoNames and the Factbook both say 35N 105E; its centre of area lies north-west,
    # where GeoVirus (after Wikipedia) puts China, 182 km from 35N 105E
    factbook, centres = _factbook(), load_country_centres()
    china = country_point(load_country_points()["CN"], factbook["CN"], centres["CN"])
    assert haversine_km(*china, 35.0, 103.0) < 161 and haversine_km(*china, 35.0, 105.0) < 161


def test_the_point_stops_at_the_midpoint_or_after_max_shift() -> None:
    near = country_point((10.0, 20.0), (10.0, 20.4), (10.0, 20.6))  # midpoint 55 km east
    assert near == pytest.approx((10.0, 20.5), abs=1e-3)
    far = country_point((0.0, 0.0), (0.0, 10.0), (0.0, 10.0))  # 1,112 km east
    assert far[0] == pytest.approx(0.0, abs=1e-6)
    assert haversine_km(0.0, 0.0, *far) == pytest.approx(MAX_SHIFT_KM, abs=0.5)


def test_without_both_other_references_the_point_stays() -> None:
    assert country_point((60.1, -113.6), None, (60.5, -96.5)) == (60.1, -113.6)
    assert country_point((60.1, -113.6), (60.0, -95.0), None) == (60.1, -113.6)


def test_the_centre_of_area_of_a_square_is_its_middle(generator: ModuleType) -> None:
    square = {"type": "Polygon", "coordinates": [[[10, -1], [12, -1], [12, 1], [10, 1], [10, -1]]]}
    lat, lon = generator.centre_of_area(square)
    assert lat == pytest.approx(0.0, abs=1e-6) and lon == pytest.approx(11.0, abs=1e-3)


def test_the_centre_of_area_crosses_the_antimeridian(generator: ModuleType) -> None:
    # Fiji-like: two halves either side of 180 degrees, centre on it, not at longitude 0
    east = [[179, -17], [180, -17], [180, -16], [179, -16], [179, -17]]
    west = [[-180, -17], [-179, -17], [-179, -16], [-180, -16], [-180, -17]]
    shape = {"type": "MultiPolygon", "coordinates": [[east], [west]]}
    lat, lon = generator.centre_of_area(shape)
    assert lat == pytest.approx(-16.5, abs=0.01) and abs(lon) == pytest.approx(180.0, abs=0.01)


def test_a_hole_pulls_the_centre_away(generator: ModuleType) -> None:
    outer = [[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]
    hole = [[2.5, 0.5], [3.5, 0.5], [3.5, 1.5], [2.5, 1.5], [2.5, 0.5]]
    lat, lon = generator.centre_of_area({"type": "Polygon", "coordinates": [outer, hole]})
    assert lon < 2.0 and lat == pytest.approx(1.0, abs=0.01)


def test_the_index_holds_the_moved_points(gazetteer: SQLiteGazetteer) -> None:
    china = gazetteer.country("CN")
    assert china is not None
    assert 50 < haversine_km(china.lat, china.lon, 35.0, 105.0) <= MAX_SHIFT_KM + 0.01
