"""Former first-level divisions: found by their names, placed at their successors' mean point."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

import pytest

from warwire.errors import ConfigError
from warwire.geo.entry import GeoEntry
from warwire.geo.former import _former, former_entries, load_former_divisions
from warwire.geo.recognise import Toponym
from warwire.geo.resolve import resolve


def test_every_former_division_is_sourced_and_found_in_the_index(gazetteer: Any) -> None:
    formers = load_former_divisions()
    assert len(formers) >= 15 and all(f.source.startswith("Wikipedia: ") for f in formers)
    for former in formers:
        found = [c.entry for c in gazetteer.lookup(former.name, fuzzy=False)]
        entry = next(e for e in found if e.geonames_id == former.id)
        assert entry.feature == "region" and entry.feature_code == "ADM1H"
        assert entry.country_code == former.country


def test_the_point_is_the_mean_of_the_successors(gazetteer: Any) -> None:
    nyanza = next(f for f in load_former_divisions() if f.name == "Nyanza Province")
    with closing(sqlite3.connect(gazetteer.path)) as db:
        counties = [
            db.execute("SELECT lat, lon FROM entries WHERE iso3166_2 = ?", (code,)).fetchone()
            for code in nyanza.successors
        ]
    assert None not in counties and len(counties) == 6
    entry = gazetteer.get(nyanza.id)
    assert entry.lat == pytest.approx(sum(lat for lat, _ in counties) / 6)
    assert entry.lon == pytest.approx(sum(lon for _, lon in counties) / 6)


def test_a_report_naming_a_former_province_finds_it_in_its_country(gazetteer: Any) -> None:
    text = "Cholera spread in Nyanza and the Rift Valley, Kenya's ministry in Nairobi said."
    names = ("Nyanza", "Rift Valley", "Kenya", "Nairobi")
    found = [
        Toponym(text.index(n), text.index(n) + len(n), n, "place", "ner", "GPE") for n in names
    ]
    places = {r.toponym.text: r for r in resolve(text, found, gazetteer)}
    for name in ("Nyanza", "Rift Valley"):
        entry = places[name].entry
        assert entry is not None and entry.country_code == "KE" and entry.feature == "region"
        assert places[name].geo_precision == 3


def test_a_bad_entry_names_the_file_and_the_problem() -> None:
    raw = {"id": -30999, "name": "X", "country": "KE", "successors": ["UG-C"], "until": 2013,
           "source": "Wikipedia: X"}  # fmt: skip
    with pytest.raises(ConfigError, match=r"former_divisions\.yaml entry -30999: .* outside KE"):
        _former(raw)
    with pytest.raises(ConfigError, match=r"former_divisions\.yaml entry -30999"):
        _former({**raw, "successors": None})
    with pytest.raises(ConfigError, match=r"entry -30001: no division KE-\d\d"):
        list(former_entries({}))  # every successor is missing from an empty index
    assert isinstance(next(iter(former_entries(_all_divisions()))).entry, GeoEntry)


def _all_divisions() -> dict[str, GeoEntry]:
    return {
        code: GeoEntry(0, code, 1.0, 2.0, "A", "ADM1", code[:2], "01", code, code, 0, "admin1")
        for former in load_former_divisions()
        for code in former.successors
    }
