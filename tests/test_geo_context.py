"""Resolution with the whole report as context: re-voting, country names against cities
named so for short, and the GeoNames points of states and curated areas."""

from __future__ import annotations

import re
from typing import Any

import pytest

from warwire.geo import name_key
from warwire.geo.curated import load_state_points
from warwire.geo.parser import Geoparser
from warwire.geo.recognise import Toponym, find_toponyms
from warwire.geo.resolve import ResolvedPlace, distance_km, resolve

ATLANTA_GA, GEORGIA_US, EUROPE, NEW_YORK_STATE = 4180439, 4197000, 6255148, 5128638


@pytest.fixture(scope="module")
def geoparser(gazetteer: Any, nlp: Any) -> Geoparser:
    return Geoparser(gazetteer, nlp)


def _given(text: str, names: str) -> list[Toponym]:
    """Toponyms at every match of the pattern ``names``, as if the model had found them."""
    return [
        Toponym(m.start(), m.end(), m.group(), "place", "ner", "GPE")
        for m in re.finditer(names, text)
    ]


def _places(geoparser: Geoparser, text: str) -> dict[str, ResolvedPlace]:
    return {r.toponym.text: r for r in geoparser.geocode(text)}


def test_a_toss_up_name_votes_for_the_reading_its_neighbours_chose(
    geoparser: Geoparser,
) -> None:
    # "Georgia" alone is the country or the state; with Texas and America named it is the
    # state, and so it votes for Atlanta in Georgia rather than Atlanta in Texas.
    text = (
        "ATLANTA - A dialing code linking needy Georgia residents with food pantries could "
        "expand across Georgia, officials said. Similar services run in Texas and across "
        "America. The Atlanta office will coordinate the work."
    )
    places = geoparser.resolve_spans(
        text, [(0, 7), (text.index("Georgia"), text.index("Georgia") + 7)]
    )
    atlanta, georgia = places
    assert atlanta is not None and atlanta.geonames_id == ATLANTA_GA
    assert georgia is not None and georgia.geonames_id == GEORGIA_US


@pytest.mark.parametrize(
    ("sentence", "name", "feature"),
    [
        ("Flu cases rose sharply in Mexico this spring.", "Mexico", "country"),
        ("Mexico's health ministry closed schools.", "Mexico", "country"),
    ],
)
def test_a_country_name_is_not_its_capital_called_so_for_short(
    geoparser: Geoparser, sentence: str, name: str, feature: str
) -> None:
    place = _places(geoparser, sentence)[name]
    assert place.entry is not None and place.entry.feature == feature


def test_a_city_named_in_full_is_still_the_city(geoparser: Geoparser) -> None:
    place = _places(geoparser, "Thousands marched through Mexico City on Sunday.")["Mexico City"]
    assert place.entry is not None and place.entry.feature == "city"


def test_us_states_sit_on_geonames_points(gazetteer: Any) -> None:
    points = load_state_points()
    assert len(points) == 51  # fifty states and the District of Columbia
    state = gazetteer.get(NEW_YORK_STATE)
    assert state is not None and state.feature == "admin1"
    # GeoNames puts New York state upstate, not on New York City
    assert distance_km(state.lat, state.lon, 43.00035, -75.4999) < 1


def test_eu_as_a_place_is_europe(geoparser: Geoparser) -> None:
    text = "Farm ministers from across the EU met in Brussels."
    (eu,) = geoparser.resolve_spans(text, [(text.index("EU"), text.index("EU") + 2)])
    assert eu is not None and eu.geonames_id == EUROPE


def test_the_curated_eu_alias_reaches_the_continent(gazetteer: Any) -> None:
    # "Eu" is a town in Normandy; the curated alias is what makes "EU" Europe
    assert any(c.entry.geonames_id == EUROPE for c in gazetteer.lookup("EU", fuzzy=False))


@pytest.mark.parametrize(
    ("sentence", "inner"),
    [
        ("The figures come from the Texas Department of State Health Services.", "Texas"),
        ("She will study at the University of Georgia next year.", "Georgia"),
        ("He asked the Ohio Supreme Court to delay the hearing.", "Ohio"),
    ],
)
def test_states_and_countries_inside_organisation_names_are_toponyms(
    geoparser: Geoparser, sentence: str, inner: str
) -> None:
    places = _places(geoparser, sentence)
    assert inner in places, places
    assert places[inner].entry is not None
    assert places[inner].entry.feature in {"admin1", "country"}  # Georgia alone: the country


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("West Bank Health Ministry official Asad Ramlawi spoke on Monday.", "West"),
        ("Mexico City Health Secretary Armando Ahued closed the markets.", "Mexico"),
    ],
)
def test_organisation_names_do_not_yield_words_or_parts_of_longer_names(
    geoparser: Geoparser, sentence: str, not_a_place: str
) -> None:
    assert not_a_place not in _places(geoparser, sentence)


def test_neighbouring_names_decide_each_other(geoparser: Geoparser) -> None:
    # Paris and Henry County together are the pair in Tennessee (Paris is Henry County's
    # seat), not Paris, France and the Henry County of Virginia.
    text = "Paris and Henry County are rich in history. The Henry County class met in Paris."
    spans = [(0, 5), (10, 22)]
    paris, county = geoparser.resolve_spans(text, spans)
    assert paris is not None and county is not None
    assert paris.lat is not None and paris.lon is not None
    assert county.lat is not None and county.lon is not None
    assert distance_km(paris.lat, paris.lon, 36.30, -88.33) < 20
    assert distance_km(county.lat, county.lon, 36.33, -88.32) < 40


@pytest.mark.parametrize(
    "text",
    [
        "The outbreak began in Mexico. Schools in Mexico City and Puebla closed.",
        "Tornadoes hit Oklahoma and Kansas overnight; Oklahoma City was spared.",
    ],
)
def test_neighbours_do_not_pull_a_country_or_state_onto_a_town(
    geoparser: Geoparser, text: str
) -> None:
    for place in geoparser.geocode(text):
        name = place.toponym.text
        if name in {"Mexico", "Oklahoma", "Kansas"}:
            assert place.entry is not None
            assert place.entry.feature in {"country", "admin1"}, (name, place.entry)


@pytest.mark.parametrize(
    ("name", "feature"),
    [("Colorado State University", "admin1"), ("US Federal Reserve", "country")],
)
def test_an_unknown_institution_lies_at_the_place_it_is_named_after(
    gazetteer: Any, name: str, feature: str
) -> None:
    text = f"Officials at the {name} declined to comment."
    start = text.index(name)
    (place,) = resolve(
        text, [Toponym(start, start + len(name), name, "place", "ner", "ORG")], gazetteer
    )
    assert place.entry is not None and place.entry.feature == feature
    assert place.geo_precision in {2, 3}


@pytest.mark.parametrize("name", ["Lake Ontario", "Zion National Park", "Jackson Township"])
def test_a_natural_or_local_feature_is_not_put_on_its_namesake(gazetteer: Any, name: str) -> None:
    text = f"Crews worked near {name} all week."
    start = text.index(name)
    (place,) = resolve(
        text, [Toponym(start, start + len(name), name, "place", "ner", "LOC")], gazetteer
    )
    assert place.entry is None or name_key(place.entry.name).startswith(name_key(name).split()[0])
    assert place.entry is None or place.entry.feature != "admin2"


@pytest.mark.parametrize("name", ["Qwertz Delta", "Northern Qwertzland", "Qwertz Bay"])
def test_a_word_of_the_kind_is_not_the_namesake_of_an_unknown_name(
    gazetteer: Any, name: str
) -> None:
    """ "Delta", "Northern" and "Bay" are also the names of provinces (in Nigeria, Israel,
    Somalia): inside an unknown longer name they say what kind of place it is, not where."""
    text = f"Birds died in the {name} this spring."
    start = text.index(name)
    (place,) = resolve(
        text, [Toponym(start, start + len(name), name, "place", "ner", "LOC")], gazetteer
    )
    assert place.entry is None


def test_an_area_acronym_is_a_place(geoparser: Geoparser) -> None:
    places = _places(geoparser, "Ministers said EU airlines have kept their lead.")
    assert "EU" in places and places["EU"].entry is not None


def test_an_acronym_in_a_capitals_headline_is_not_a_place(geoparser: Geoparser) -> None:
    assert "US" not in _places(geoparser, "LET US PRAY FOR RAIN, farmers said on Monday.")


def test_a_town_named_elsewhere_is_that_town_inside_an_organisation_name(
    geoparser: Geoparser,
) -> None:
    text = (
        "The memorial in Dublin is nearly finished. The Dublin City Council committed "
        "money to it last year."
    )
    spans = [(t.toponym.start, t.toponym.text) for t in geoparser.geocode(text)]
    assert (text.index("Dublin City"), "Dublin") in spans


def test_a_county_inside_an_organisation_name_is_a_toponym(geoparser: Geoparser) -> None:
    places = _places(geoparser, "The Laurel County Fiscal Court approved the audit.")
    assert "Laurel County" in places


def test_a_dateline_in_capitals_is_a_place(geoparser: Geoparser) -> None:
    text = "Council backs drilling plan. ARLINGTON — The City Council voted 8-1 on Tuesday."
    places = _places(geoparser, text)
    assert "ARLINGTON" in places and places["ARLINGTON"].entry is not None


def test_a_shouted_word_before_a_dash_is_not_a_dateline(geoparser: Geoparser) -> None:
    text = "Officials met. WARNING — the bridge is closed to traffic."
    assert "WARNING" not in _places(geoparser, text)


def test_a_name_tagged_as_a_person_is_a_place_the_report_names_elsewhere(
    geoparser: Geoparser,
) -> None:
    # the small model tags both "Sioux Falls" PERSON; the second follows "in"
    text = "Sioux Falls voters decide today. Turnout in Sioux Falls was high."
    starts = {r.toponym.start for r in geoparser.geocode(text) if r.toponym.text == "Sioux Falls"}
    assert starts == {0, text.rindex("Sioux Falls")}


def test_a_country_code_is_no_spelling_variant(gazetteer: Any) -> None:
    # "ERI" is Eritrea's ISO code: indexed under its exact spelling, it is no variant of "Erie"
    assert all(c.entry.feature != "country" for c in gazetteer.lookup("Erie", fuzzy=False))
    assert any(c.entry.feature == "country" for c in gazetteer.lookup("ERI", fuzzy=False))


def test_a_name_that_says_county_is_only_a_county(gazetteer: Any) -> None:
    from warwire.geo.resolve import candidates_for

    kinds = {c.entry.feature for c in candidates_for("Guernsey County", gazetteer)}
    assert kinds == {"admin2"}


def _toponyms(geoparser: Geoparser, text: str) -> set[str]:
    return {t.text for t in find_toponyms(geoparser.nlp(text), geoparser.gazetteer)}


def test_a_name_listed_with_places_is_a_place(geoparser: Geoparser) -> None:
    # the small model tags the middle names PERSON; coordinated with a town it tags a place,
    # a name the gazetteer knows is one more place of the list
    found = _toponyms(geoparser, "The rebels shelled Idlib, Jisr al-Shughur and Ariha overnight.")
    assert {"Idlib", "Jisr al-Shughur", "Ariha"} <= found


def test_a_person_listed_with_people_read_as_places_is_no_place(geoparser: Geoparser) -> None:
    # only a place named so anchors the list: one person read as a place does not make another
    text = "Washington and Moscow disagreed while Sanders and Warren campaigned in Iowa."
    assert "Sanders" not in _toponyms(geoparser, text)


def test_people_listed_beside_places_stay_people(geoparser: Geoparser) -> None:
    text = "John Kerry and Sergei Lavrov met in Geneva with officials from Syria and Jordan."
    found = _toponyms(geoparser, text)
    assert "John Kerry" not in found and "Sergei Lavrov" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Clashes broke out in areas such as Kafr Nabl and Saraqib.", "Kafr Nabl"),
        ("Troops searched the villages, including Tal Rifaat.", "Tal Rifaat"),
        ("Clashes broke out in the town of Maarat al-Numan.", "Maarat al-Numan"),
        ("Gunmen attacked a house in the Faladie district.", "Faladie"),
    ],
)
def test_a_name_a_settlement_noun_governs_is_a_place(
    geoparser: Geoparser, text: str, name: str
) -> None:
    assert name in _toponyms(geoparser, text)


def test_a_name_beside_an_other_noun_is_no_place(geoparser: Geoparser) -> None:
    # "the X report", "groups such as X": no settlement noun, no place
    found = _toponyms(geoparser, "Groups such as Human Rights Watch cited the Amnesty report.")
    assert not found


def test_a_country_of_several_words_tagged_as_a_person_is_a_place(geoparser: Geoparser) -> None:
    text = "Protests broke out after Mali, Burkina Faso and Niger marked the anniversary."
    assert {"Mali", "Burkina Faso", "Niger"} <= _toponyms(geoparser, text)


def test_one_name_with_two_partners_is_two_places(gazetteer: Any) -> None:
    # Scores are worked out once per name and partner: "Springfield, Illinois" and
    # "Springfield, Massachusetts" share the name but not the partner.
    text = "Storms hit Springfield, Illinois and Springfield, Massachusetts on Monday."
    tops = _given(text, r"Springfield|Illinois|Massachusetts")
    towns = [r.entry for r in resolve(text, tops, gazetteer) if r.toponym.text == "Springfield"]
    assert [(e.country_code, e.admin1) for e in towns if e is not None] == [
        ("US", "IL"),
        ("US", "MA"),
    ]


def test_a_comma_list_of_states_is_no_town_state_pair(gazetteer: Any) -> None:
    # "Oklahoma, Pennsylvania" alone could be a town and its state; in a list of states it is
    # the state. A town, county and state chain still pairs ("Springfield, Illinois" above).
    text = "The outbreak reached Oklahoma, Pennsylvania, Wisconsin and Ohio."
    tops = _given(text, r"Oklahoma|Pennsylvania|Wisconsin|Ohio")
    found = {r.toponym.text: r.entry for r in resolve(text, tops, gazetteer)}
    oklahoma = found["Oklahoma"]
    assert oklahoma is not None and oklahoma.feature == "admin1" and oklahoma.admin1 == "OK"
    text = "A storm hit Springfield, Sangamon County, Illinois on Monday."
    tops = _given(text, r"Springfield|Sangamon County|Illinois")
    town = resolve(text, tops, gazetteer)[0].entry
    assert town is not None and (town.country_code, town.admin1) == ("US", "IL")


def test_a_name_listed_among_states_is_a_state(gazetteer: Any) -> None:
    text = "Cases came from Texas, Utah, Virginia, Washington, Idaho and Wyoming."
    tops = _given(text, r"Texas|Utah|Virginia|Washington|Idaho|Wyoming")
    found = {r.toponym.text: r.entry for r in resolve(text, tops, gazetteer)}
    washington = found["Washington"]
    assert washington is not None and washington.feature == "admin1"
    assert washington.admin1 == "WA"
    # alone, "Washington" is still the capital
    (alone,) = resolve(
        "Talks in Washington.", [Toponym(9, 19, "Washington", "place", "ner", "GPE")], gazetteer
    )
    assert alone.entry is not None and alone.entry.feature == "city"


@pytest.mark.parametrize(
    "text", ["A cow from a Washington state farm fell ill.", "The state of Washington reported it."]
)
def test_a_name_the_text_calls_a_state_is_the_state(gazetteer: Any, text: str) -> None:
    start = text.index("Washington")
    top = Toponym(start, start + 10, "Washington", "place", "ner", "GPE")
    (place,) = resolve(text, [top], gazetteer)
    assert place.entry is not None and place.entry.feature == "admin1"
    assert place.entry.admin1 == "WA"


def test_a_capitalised_state_in_a_name_is_no_call(gazetteer: Any) -> None:
    text = "Scientists at Washington State University said."
    top = Toponym(14, 24, "Washington", "place", "ner", "GPE")
    (place,) = resolve(text, [top], gazetteer)
    assert place.entry is not None and place.entry.feature == "city"
