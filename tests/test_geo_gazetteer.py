"""The in-memory gazetteer, ranking, demonyms and the curated place files."""

from __future__ import annotations

import pytest

from warwire.geo import (
    Candidate,
    Gazetteer,
    GeoEntry,
    MemoryGazetteer,
    demonym_country,
    is_demonym,
)
from warwire.geo.curated import load_regions, load_variants, read_vocab
from warwire.geo.fuzzy import length_band


def _place(
    gid: int, name: str, *, feature: str = "city", population: int = 0, **kw: str
) -> GeoEntry:
    code = {"city": "PPL", "admin1": "ADM1", "country": "PCLI", "valley": "VAL"}[feature]
    klass = {"city": "P", "admin1": "A", "country": "A", "valley": "T"}[feature]
    return GeoEntry(
        geonames_id=gid,
        name=name,
        lat=35.0,
        lon=39.0,
        feature_class=klass,
        feature_code=code,
        country_code=kw.get("country_code", "SY"),
        admin1=kw.get("admin1"),
        admin1_name=None,
        iso3166_2=kw.get("iso3166_2"),
        population=population,
        feature=feature,
    )


@pytest.fixture
def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (_place(172955, "Ar Raqqah", population=531952, admin1="04"), ["Raqqa", "Rakka"]),
            (_place(-10002944, "Al-Raqqah", feature="admin1", population=624832, admin1="04"), []),
            (_place(1, "Raka", population=900, country_code="TZ"), []),
            (_place(163843, "Syria", feature="country", population=16906283), ["SYR"]),
            (_place(174018, "Al Bāb", population=130745, admin1="09"), ["al-Bab"]),
            (_place(-1, "Euphrates valley", feature="valley"), ["Middle Euphrates River Valley"]),
        ]
    )


def test_memory_gazetteer_is_a_gazetteer(gazetteer: MemoryGazetteer) -> None:
    assert isinstance(gazetteer, Gazetteer)
    assert len(gazetteer) == 6


def test_exact_match_comes_first_then_normalised_by_importance(gazetteer: MemoryGazetteer) -> None:
    found = gazetteer.lookup("Raqqa")
    assert [(c.entry.geonames_id, c.match) for c in found] == [
        (172955, "exact"),
        (-10002944, "normalised"),
        (1, "normalised"),
    ]
    assert found[0].score == 1.0 and found[0].matched_name == "Raqqa"
    assert found[1].score == pytest.approx(0.95)


def test_normalised_match_reports_the_matched_name(gazetteer: MemoryGazetteer) -> None:
    raqqa = gazetteer.get(172955)
    assert raqqa is not None
    found = gazetteer.lookup("ar-Raqqa", limit=1)
    assert found == [Candidate(raqqa, "normalised", 0.95, "Ar Raqqah")]


def test_fuzzy_match_only_when_nothing_else_and_allowed(gazetteer: MemoryGazetteer) -> None:
    found = gazetteer.lookup("Euprhates valley")
    assert [c.match for c in found] == ["fuzzy"]
    assert 0.88 <= found[0].score < 1.0
    assert found[0].matched_name == "Euphrates valley"
    assert gazetteer.lookup("Euprhates valley", fuzzy=False) == []


def test_short_names_are_never_fuzzy(gazetteer: MemoryGazetteer) -> None:
    assert gazetteer.lookup("Rqqa") == []
    assert gazetteer.lookup("Sirya") != []  # normalised: y -> i after a letter
    assert gazetteer.lookup("Bab") != []  # normalised: al-Bab


def test_non_place_and_empty_names(gazetteer: MemoryGazetteer) -> None:
    assert gazetteer.lookup("ceasefire") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup(" - ") == []


def test_get_country_admin1(gazetteer: MemoryGazetteer) -> None:
    assert gazetteer.get(163843) is not None
    assert gazetteer.get(42) is None
    country = gazetteer.country("sy")
    assert country is not None and country.name == "Syria"
    assert gazetteer.country("IQ") is None
    admin1 = gazetteer.admin1("SY", "04")
    assert admin1 is not None and admin1.name == "Al-Raqqah"
    assert gazetteer.admin1("SY", "99") is None


def test_has_key_and_max_tokens(gazetteer: MemoryGazetteer) -> None:
    assert gazetteer.has_key("raka")
    assert gazetteer.has_key("ar raqqah")
    assert not gazetteer.has_key("ceasefire")
    assert gazetteer.max_name_tokens() == 4  # middle euphrates river valley


def test_repeated_id_is_refused() -> None:
    entry = _place(5, "Homs")
    with pytest.raises(ValueError, match="used twice"):
        MemoryGazetteer([(entry, []), (entry, [])])


def test_length_band_contains_the_length() -> None:
    for n in range(1, 40):
        low, high = length_band(n)
        assert low <= n <= high


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Iraqi", "IQ"),
        ("Iraqis", "IQ"),
        ("syrian", "SY"),
        ("Russian", "RU"),
        ("Ukrainians", "UA"),
        ("Afghan", "AF"),
        ("Turkish", "TR"),
        ("American", "US"),
        ("British", "GB"),
        ("French", "FR"),
        ("Frenchmen", "FR"),
        ("Emirati", "AE"),
        ("Swiss", "CH"),
        ("Kurdish", None),
        ("Arab", None),
        ("ceasefire", None),
    ],
)
def test_demonym_country(word: str, code: str | None) -> None:
    assert demonym_country(word) == code


def test_is_demonym_tells_known_adjectives_from_unknown_words() -> None:
    assert is_demonym("Kurdish") and demonym_country("Kurdish") is None
    assert not is_demonym("ceasefire")


def test_demonym_file_covers_the_world() -> None:
    data = read_vocab("demonyms.yaml")
    assert data["source"]
    assert len(data["countries"]) >= 190
    assert all(len(code) == 2 and code.isupper() for code in data["countries"])


def test_curated_regions_are_sourced_and_valid() -> None:
    regions = load_regions()
    assert 60 <= len(regions) <= 200
    assert all(r.source.startswith("Wikipedia: ") for r in regions)
    assert all(len(c) == 2 and c.isupper() for r in regions for c in r.countries)
    names = {r.name for r in regions}
    for wanted in ["Nineveh Plains", "Eastern Ghouta", "Donbas", "Darfur", "Rafah crossing"]:
        assert wanted in names


def test_place_variants_are_sourced() -> None:
    data = read_vocab("place_variants.yaml")
    for section in ("countries", "divisions", "places"):
        assert all(entry["source"] for entry in data[section].values())
    variants = load_variants()
    assert "Donetsk Oblast" in variants.divisions["UA-14"]
    assert "USA" in variants.countries["US"]
