"""The geoparser on our own sentences: spellings, context, guards, precision, unresolved names."""

from __future__ import annotations

import re
from typing import Any

import pytest

from warwire.geo.parser import Geoparser
from warwire.geo.recognise import Toponym
from warwire.geo.resolve import ResolvedPlace, resolve

RAQQA, KYIV, DEIR_EZ_ZOR, TALL_ABYAD = 172955, 703448, 170794, 163750


@pytest.fixture(scope="module")
def geoparser(gazetteer: Any, nlp: Any) -> Geoparser:
    return Geoparser(gazetteer, nlp)


def _places(geoparser: Geoparser, text: str) -> dict[str, ResolvedPlace]:
    return {r.toponym.text: r for r in geoparser.geocode(text)}


def _id(place: ResolvedPlace) -> int | None:
    return place.entry.geonames_id if place.entry else None


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("Raqqa", RAQQA),
        ("Ar-Raqqah", RAQQA),
        ("al-Raqqa", RAQQA),
        ("Kyiv", KYIV),
        ("Kiev", KYIV),
        ("Deir ez-Zor", DEIR_EZ_ZOR),
        ("Dayr az-Zawr", DEIR_EZ_ZOR),
        ("Tal Abyad", TALL_ABYAD),
        ("Tell Abyad", TALL_ABYAD),
    ],
)
def test_transliteration_variants_resolve_to_one_place(
    geoparser: Geoparser, variant: str, expected: int
) -> None:
    places = _places(geoparser, f"Government troops shelled positions in {variant} on Monday.")
    assert variant in places, places
    assert _id(places[variant]) == expected


def test_a_name_in_two_countries_is_decided_by_the_other_places(geoparser: Geoparser) -> None:
    libya = _places(
        geoparser, "Militias clashed in Tripoli, while fighting spread to Benghazi and Misrata."
    )
    lebanon = _places(
        geoparser, "Protesters gathered in Tripoli, and the unrest reached Beirut and Sidon."
    )
    assert libya["Tripoli"].entry is not None and lebanon["Tripoli"].entry is not None
    assert libya["Tripoli"].entry.country_code == "LY"
    assert lebanon["Tripoli"].entry.country_code == "LB"


def test_town_comma_state(geoparser: Geoparser) -> None:
    places = _places(geoparser, "The family moved to Athens, Ga., after the storm.")
    entry = places["Athens"].entry
    assert entry is not None and (entry.country_code, entry.admin1) == ("US", "GA")


def test_demonyms_are_their_own_kind(geoparser: Geoparser) -> None:
    places = _places(geoparser, "Iraqi forces and Syrian rebels fought near the border.")
    iraqi = places["Iraqi"]
    assert iraqi.toponym.kind == "demonym"
    assert iraqi.entry is not None and iraqi.entry.country_code == "IQ"
    assert places["Syrian"].toponym.kind == "demonym"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said on May 5 that hope and justice would prevail.",
        "Mr. Jackson told reporters the talks would resume in March.",
        "Reading the statement, the spokesman said the deal was close.",
        "An F-16 crashed after take-off, the army said.",
    ],
)
def test_no_false_places(geoparser: Geoparser, sentence: str) -> None:
    found = [r.toponym.text for r in geoparser.geocode(sentence)]
    assert found == [], found


def test_geo_precision(geoparser: Geoparser) -> None:
    places = _places(
        geoparser,
        "Fighting broke out in Mosul and near Tal Afar, and spread across Nineveh province.",
    )
    assert places["Mosul"].geo_precision == 1
    assert places["Tal Afar"].geo_precision == 2
    province = next(p for name, p in places.items() if name.startswith("Nineveh"))
    assert province.geo_precision == 3


def _toponyms(text: str, *names: str) -> list[Toponym]:
    found = [
        Toponym(m.start(), m.end(), m.group(), "place", "ner", "GPE")
        for name in names
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(found, key=lambda t: t.start)


def test_unknown_names_stay_unresolved(gazetteer: Any) -> None:
    text = "Fighters entered Qwertzabad after a long siege."
    (result,) = resolve(text, _toponyms(text, "Qwertzabad"), gazetteer)
    assert result.entry is None and not result.resolved
    assert result.near is None and result.geo_precision is None  # no town to place it near


def test_an_unknown_local_name_lies_near_the_town_the_report_names_most(
    gazetteer: Any,
) -> None:
    text = (
        "Shelling hit Qwertz Square in Mosul and the Zarbanawi quarter on Friday. Mosul "
        "residents fled towards Erbil, and the Mosul council said Qwertz Square was closed."
    )
    results = resolve(
        text, _toponyms(text, "Qwertz Square", "Zarbanawi", "Mosul", "Erbil"), gazetteer
    )
    mosul = next(r.entry for r in results if r.toponym.text == "Mosul")
    unknown = [r for r in results if r.toponym.text in {"Qwertz Square", "Zarbanawi"}]
    assert len(unknown) == 3 and mosul is not None
    for r in unknown:
        # still unresolved (no gazetteer entry is claimed for the name), but placed in town
        assert r.entry is None and not r.resolved
        assert r.near == mosul and r.geo_precision == 2
    # with no town named, a street lies in the country the report is about, at a region's
    # precision, as when the text puts it there
    text = "Shelling hit Qwertz Square. The monitor in Syria said so, and Syria denied it."
    results = resolve(text, _toponyms(text, "Qwertz Square", "Syria"), gazetteer)
    assert results[0].entry is None and results[0].near == results[1].entry
    text = "Shelling hit Qwertz Square in Syria, the monitor in Syria said."
    results = resolve(text, _toponyms(text, "Qwertz Square", "Syria"), gazetteer)
    assert results[0].entry is None and results[0].near == results[1].entry
    assert results[0].geo_precision == 3


def test_geocode_shows_the_town_an_unknown_name_lies_near(geoparser: Geoparser) -> None:
    from warwire.cli_geo import _geocode_row
    from warwire.geo.resolve import ResolvedPlace

    mosul = geoparser.gazetteer.lookup("Mosul")[0].entry
    street = Toponym(0, 13, "Qwertz Square", "place", "ner", "FAC")
    row = _geocode_row(ResolvedPlace(street, None, geo_precision=2, near=mosul))
    assert row["resolved"] is False and row["name"] is None and row["geonames_id"] is None
    assert row["near"] == "Mosul" and (row["lat"], row["lon"]) == (mosul.lat, mosul.lon)
    assert geoparser.parse("") == []


def test_resolve_spans_for_the_evaluation_harness(geoparser: Geoparser) -> None:
    text = "Rebels advanced from Idlib towards Aleppo."
    spans = [(text.index("Idlib"), text.index("Idlib") + 5), (text.index("Aleppo"), len(text) - 1)]
    answers = geoparser.resolve_spans(text, spans)
    assert all(a is not None and a.lat is not None for a in answers)
    assert [a.start for a in answers if a] == [s for s, _ in spans]


def test_towns_the_model_tags_norp_or_product_are_places_after_in(geoparser: Geoparser) -> None:
    # the small model reads "Aleppo" here as NORP and "Manbij" as PRODUCT
    for town in ("Aleppo", "Manbij"):
        text = f"A car bomb killed 12 people in {town} on Wednesday, the monitoring group said."
        places = _places(geoparser, text)
        assert town in places, (town, list(places))
        assert places[town].entry is not None
        assert places[town].entry.country_code == "SY"
