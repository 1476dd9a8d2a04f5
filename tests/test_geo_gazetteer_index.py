"""The real gazetteer index, built once per test session from the installed sources."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from warwire.errors import StoreError
from warwire.geo import (
    GAZETTEER_FILE,
    Gazetteer,
    SQLiteGazetteer,
    load_gazetteer,
    loose_key,
)
from warwire.geo.build import write_index

pytestmark = pytest.mark.slow

RAQQA, SYRIA, KYIV, DEIR_EZ_ZOR, TALL_ABYAD, AL_BAB = 172955, 163843, 703448, 170794, 163750, 174018


@pytest.fixture(scope="session")
def index_path(gazetteer_build: tuple[Path, list[tuple[int, int]]]) -> Path:
    """The session's index (tests/conftest.py builds it once, recording its progress)."""
    return gazetteer_build[0]


def test_the_build_reports_progress(gazetteer_build: tuple[Path, list[tuple[int, int]]]) -> None:
    path, calls = gazetteer_build
    assert path.name == GAZETTEER_FILE
    assert calls[0] == (0, 100) and calls[-1] == (100, 100)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def _top(gazetteer: Gazetteer, name: str) -> int:
    return gazetteer.lookup(name)[0].entry.geonames_id


def test_it_is_a_gazetteer(gazetteer: SQLiteGazetteer) -> None:
    assert isinstance(gazetteer, Gazetteer)


@pytest.mark.parametrize("name", ["Raqqa", "Ar-Raqqah", "Rakka", "al-Raqqa", "Raqqa city"])
def test_raqqa_spellings(gazetteer: SQLiteGazetteer, name: str) -> None:
    assert _top(gazetteer, name) == RAQQA


@pytest.mark.parametrize(
    ("name", "gid"),
    [
        ("Kiev", KYIV),
        ("Kyiv", KYIV),
        ("Dayr az-Zawr", DEIR_EZ_ZOR),
        ("Deir ez-Zor", DEIR_EZ_ZOR),
        ("Deir al-Zour", DEIR_EZ_ZOR),
        ("Tell Abiad", TALL_ABYAD),
        ("Tal Abyad", TALL_ABYAD),
        ("al-Bab", AL_BAB),
        ("Al Bab", AL_BAB),
    ],
)
def test_transliteration_variants(gazetteer: SQLiteGazetteer, name: str, gid: int) -> None:
    assert _top(gazetteer, name) == gid


def test_the_match_kind_is_reported(gazetteer: SQLiteGazetteer) -> None:
    exact = gazetteer.lookup("Raqqa")[0]
    assert (exact.match, exact.score, exact.matched_name) == ("exact", 1.0, "Raqqa")
    normalised = gazetteer.lookup("Deir Ezzor")[0]
    assert (normalised.entry.geonames_id, normalised.match) == (DEIR_EZ_ZOR, "normalised")
    fuzzy = gazetteer.lookup("Tel Abyadh")[0]
    assert (fuzzy.entry.geonames_id, fuzzy.match) == (TALL_ABYAD, "fuzzy")
    assert 0.88 <= fuzzy.score < 1.0
    assert all(c.match != "fuzzy" for c in gazetteer.lookup("Tel Abyadh", fuzzy=False))


def test_candidates_are_ranked(gazetteer: SQLiteGazetteer) -> None:
    found = gazetteer.lookup("Aleppo")
    ranks = [("exact", "normalised", "fuzzy").index(c.match) for c in found]
    assert ranks == sorted(ranks)
    assert found[0].entry.feature == "city" and found[0].entry.country_code == "SY"
    assert len({c.entry.geonames_id for c in found}) == len(found)
    assert len(gazetteer.lookup("Palmyra", limit=3)) == 3


@pytest.mark.parametrize("name", ["Anbar Province", "al-Anbar", "Al Anbar", "Anbar governorate"])
def test_first_level_division(gazetteer: SQLiteGazetteer, name: str) -> None:
    top = gazetteer.lookup(name)[0].entry
    assert (top.iso3166_2, top.feature_code, top.feature) == ("IQ-AN", "ADM1", "admin1")
    assert top.lat == pytest.approx(32.79, abs=0.01) and top.lon == pytest.approx(41.61, abs=0.01)
    assert gazetteer.admin1("IQ", top.admin1 or "") == top


def test_cities_carry_their_admin1(gazetteer: SQLiteGazetteer) -> None:
    raqqa = gazetteer.get(RAQQA)
    assert raqqa is not None
    assert (raqqa.country_code, raqqa.admin1, raqqa.feature_code) == ("SY", "04", "PPL")
    assert raqqa.admin1_name == "Al-Raqqah"
    damascus = gazetteer.lookup("Damascus")[0].entry
    assert damascus.feature_code == "PPLC"


def test_country_by_name_and_point(gazetteer: SQLiteGazetteer) -> None:
    syria = gazetteer.lookup("Syria")[0].entry
    assert (syria.geonames_id, syria.feature_code, syria.feature) == (SYRIA, "PCLI", "country")
    assert gazetteer.country("SY") == syria
    us = gazetteer.lookup("USA")[0].entry
    assert us.country_code == "US"
    assert us.lat == pytest.approx(39.76, abs=2.5) and us.lon == pytest.approx(-98.5, abs=2.5)


def test_curated_region_and_continent(gazetteer: SQLiteGazetteer) -> None:
    plains = gazetteer.lookup("Nineveh Plains")[0].entry
    assert (plains.geonames_id, plains.feature, plains.country_code) == (-30, "plain", "IQ")
    assert plains.admin1_name == "Nineveh"
    assert gazetteer.lookup("the Golan Heights")[0].entry.feature == "region"
    assert gazetteer.lookup("Europe")[0].entry.feature_code == "CONT"


@pytest.mark.parametrize("word", ["ceasefire", "yesterday", "airstrike", "militants"])
def test_non_place_words_have_no_exact_or_normalised_match(
    gazetteer: SQLiteGazetteer, word: str
) -> None:
    assert gazetteer.lookup(word, fuzzy=False) == []
    assert not gazetteer.has_key(loose_key(word))


def test_has_key_and_max_tokens(gazetteer: SQLiteGazetteer) -> None:
    assert gazetteer.has_key(loose_key("Dayr az-Zawr"))
    assert gazetteer.has_key("raqqa")  # a name_key too
    assert 3 <= gazetteer.max_name_tokens() <= 12


def test_loading_is_fast_and_cached(index_path: Path, gazetteer: SQLiteGazetteer) -> None:
    started = time.perf_counter()
    first = load_gazetteer(index_path)
    assert time.perf_counter() - started < 1.0
    assert load_gazetteer(index_path) is first
    first.lookup("Raqqa")
    started = time.perf_counter()
    for _ in range(200):
        gazetteer.lookup("Ar-Raqqah")
    assert (time.perf_counter() - started) / 200 < 0.002


def test_a_stale_or_broken_index_says_how_to_rebuild(tmp_path: Path) -> None:
    broken = tmp_path / GAZETTEER_FILE
    broken.write_bytes(b"not a database")
    with pytest.raises(StoreError, match="warwire gazetteer build"):
        SQLiteGazetteer(broken)


def test_write_index_refuses_repeated_ids(tmp_path: Path, gazetteer: SQLiteGazetteer) -> None:
    from warwire.geo.entry import NamedEntry

    raqqa = gazetteer.get(RAQQA)
    assert raqqa is not None
    with pytest.raises(StoreError, match="used twice"):
        write_index(tmp_path / "g.sqlite", [NamedEntry(raqqa), NamedEntry(raqqa)])
    assert list(tmp_path.iterdir()) == []


def test_the_uk_is_the_united_kingdom_not_the_town_uk(gazetteer: SQLiteGazetteer) -> None:
    # regression: once acronyms lost their loose keys, "The UK" (exact key "the uk") fell
    # through to the loose key "uk", which only the Russian town Uk still had
    for name in ("The UK", "the UK", "UK"):
        best = gazetteer.lookup(name)[0]
        assert (best.entry.country_code, best.entry.feature) == ("GB", "country"), name
        assert best.match == "exact"
    assert gazetteer.lookup("The Hague")[0].entry.country_code == "NL"


def test_a_capital_district_takes_its_namesake_citys_admin1(gazetteer: SQLiteGazetteer) -> None:
    # regression: the district of Bamako took Koulikoro's code from the region's towns around
    # it, so a report naming a town of Koulikoro moved "Bamako" onto the district
    for name, cc in (("Bamako", "ML"), ("Kinshasa", "CD"), ("Dakar", "SN")):
        found = {c.entry.feature: c.entry for c in gazetteer.lookup(name, fuzzy=False)}
        city, district = found["city"], found["admin1"]
        assert city.country_code == district.country_code == cc
        assert district.admin1 == city.admin1, name


def test_remembered_answers_are_the_same_and_cannot_be_spoilt(gazetteer: SQLiteGazetteer) -> None:
    first = gazetteer.lookup("Aleppo")
    again = gazetteer.lookup("Aleppo")
    assert again == first and again is not first
    again.clear()  # a caller changing its list leaves the next answer whole
    assert gazetteer.lookup("Aleppo") == first
    assert gazetteer.lookup("Aleppo", limit=1) == first[:1]
    assert all(c.match != "fuzzy" for c in gazetteer.lookup("Tel Abyadh", fuzzy=False))
    assert any(c.match == "fuzzy" for c in gazetteer.lookup("Tel Abyadh"))
