"""Unresolved names placed where the text puts them: comma partner, the place that holds
them, a town listed with them, else the report's main town in its main country."""

from __future__ import annotations

import re
from typing import Any

from warwire.geo.recognise import Toponym
from warwire.geo.resolve import ResolvedPlace, resolve


def _resolved(gazetteer: Any, text: str, *names: str) -> dict[str, ResolvedPlace]:
    found = sorted(
        (
            Toponym(m.start(), m.end(), m.group(), "place", "ner", "GPE")
            for name in names
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        ),
        key=lambda t: t.start,
    )
    return {r.toponym.text: r for r in resolve(text, found, gazetteer)}


def _entry(places: dict[str, ResolvedPlace], name: str) -> Any:
    entry = places[name].entry
    assert entry is not None, name
    return entry


def test_an_unknown_name_lies_at_its_comma_partner(gazetteer: Any) -> None:
    # Wellington is named most, but the text puts the cafe in Auckland
    text = "Wellington police closed a cafe in Qwertzvale, Auckland, and one in Wellington."
    places = _resolved(gazetteer, text, "Qwertzvale", "Auckland", "Wellington")
    unknown = places["Qwertzvale"]
    assert unknown.entry is None and unknown.near == _entry(places, "Auckland")
    assert unknown.geo_precision == 2
    # a country partner: the name is in that country, at a region's precision
    text = "Cases were found in Zorbanika, Kenya, and in Nairobi and Mombasa."
    places = _resolved(gazetteer, text, "Zorbanika", "Kenya", "Nairobi", "Mombasa")
    assert places["Zorbanika"].near == _entry(places, "Kenya")
    assert places["Zorbanika"].geo_precision == 3


def test_an_unknown_name_lies_in_the_place_the_text_puts_it_in(gazetteer: Any) -> None:
    for text in (
        "Farmers in the Qwertzpur district of Uttar Pradesh said Lucknow sent no help.",
        "A swan was found in Qwertzdyke in Fife, far from Lucknow.",
        "Spinach grown in the Qwertz Valley region of California reached Lucknow.",
    ):
        names = ("Qwertzpur", "Qwertzdyke", "Qwertz Valley", "Uttar Pradesh", "Fife",
                 "California", "Lucknow")  # fmt: skip
        places = _resolved(gazetteer, text, *[n for n in names if n in text])
        unknown = next(r for r in places.values() if r.toponym.text.startswith("Qwertz"))
        holder = next(r for r in places.values() if r.toponym.start > unknown.toponym.end)
        assert unknown.entry is None and unknown.near == holder.entry, text
        assert holder.entry is not None and holder.entry.name != "Lucknow"


def test_an_unknown_name_lies_at_a_town_listed_with_it(gazetteer: Any) -> None:
    text = (
        "The virus reached Rome and Milan. It was confirmed in the villages of Brăila, "
        "Qwertzeni and Zorbaresti. Rome and Milan reported nothing new; Rome was calm."
    )
    places = _resolved(gazetteer, text, "Rome", "Milan", "Brăila", "Qwertzeni", "Zorbaresti")
    braila = _entry(places, "Brăila")
    assert braila.country_code == "RO"
    # not Rome, the town the report names most: the list puts them beside Brăila
    assert places["Qwertzeni"].near == braila and places["Zorbaresti"].near == braila


def test_the_main_town_is_counted_in_the_country_the_report_names_most(
    gazetteer: Any,
) -> None:
    text = (
        "A diner chain owned by a Qwertzburg family opened in Toledo, Ohio; Toledo's mayor "
        "and Toledo's council came. Hamburg and Munich then Berlin in Germany, Germany's "
        "Bremen and again Berlin followed."
    )
    places = _resolved(
        gazetteer, text, "Qwertzburg", "Toledo", "Ohio", "Hamburg", "Munich", "Berlin",
        "Germany", "Bremen",
    )  # fmt: skip
    near = places["Qwertzburg"].near
    assert near is not None and near.country_code == "DE" and near.name == "Berlin"


def test_a_village_abroad_alone_in_its_country_stays_unresolved(gazetteer: Any) -> None:
    """A name the gazetteer knows only as a village in another country, in a report whose
    other places all lie in one country, is a village the gazetteer lacks: unresolved, and
    placed with the towns it is listed with."""
    village = next(
        c.entry
        for c in gazetteer.lookup("Suba", fuzzy=False)
        if c.entry.feature == "city" and c.entry.country_code != "KE"
    )
    assert village.population < 100_000
    text = "Cases rose in Kisumu, Suba and Migori, Kenya's health ministry said in Nairobi."
    places = _resolved(gazetteer, text, "Kisumu", "Suba", "Migori", "Kenya", "Nairobi")
    assert places["Suba"].entry is None
    assert places["Suba"].near == _entry(places, "Kisumu")
    # the same village when the report names its country is that village
    text = f"Cases rose in Suba, {village.admin1_name}, the ministry in Nairobi said."
    places = _resolved(gazetteer, text, "Suba", village.admin1_name or "", "Nairobi")
    assert _entry(places, "Suba").country_code == village.country_code
    # and a big city abroad stays itself: "Toronto" in a report on Kenya
    text = "Flights from Toronto landed in Kisumu and Nairobi, Kenya's ministry said."
    places = _resolved(gazetteer, text, "Toronto", "Kisumu", "Nairobi", "Kenya")
    assert _entry(places, "Toronto").country_code == "CA"


def test_the_text_may_say_where_in_more_words(gazetteer: Any) -> None:
    for text, holder in (
        ("A clinic in the city of Qwertzkita located in Akita Prefecture shut.", "Akita"),
        ("A clinic in Qwertzkita, which is situated in Akita Prefecture, shut.", "Akita"),
        ("Farmers in the Qwertzedza district, Mashonaland East, lost crops.", "Mashonaland"),
    ):
        names = [
            n
            for n in ("Qwertzkita", "Qwertzedza", "Akita Prefecture", "Mashonaland East")
            if n in text
        ]
        places = _resolved(gazetteer, text, *names)
        unknown = places[names[0]]
        assert unknown.entry is None and unknown.near is not None, text
        assert unknown.near.name.startswith(holder) and unknown.geo_precision == 3, text


def test_a_name_before_the_comma_is_no_place_to_put_the_next_in(gazetteer: Any) -> None:
    text = "Its offices in Mexico, Qwertzmed and Europe reported cases; Lima and Cusco, Peru too."
    places = _resolved(gazetteer, text, "Mexico", "Qwertzmed", "Europe", "Lima", "Cusco", "Peru")
    assert places["Qwertzmed"].near == _entry(places, "Lima")


def test_without_a_town_an_unknown_name_lies_in_the_report_s_province_or_country(
    gazetteer: Any,
) -> None:
    text = (
        "In Zimbabwe, villages of Mashonaland East were hit: Qwertzungu and Zorbamba. "
        "Mashonaland East is in Zimbabwe."
    )
    places = _resolved(gazetteer, text, "Zimbabwe", "Mashonaland East", "Qwertzungu", "Zorbamba")
    province = _entry(places, "Mashonaland East")
    assert province.feature == "admin1"
    assert places["Qwertzungu"].near == province and places["Qwertzungu"].geo_precision == 3
    text = "Officials in Kenya said Qwertzungu was quarantined; Kenya asked for help."
    places = _resolved(gazetteer, text, "Kenya", "Qwertzungu")
    assert places["Qwertzungu"].near == _entry(places, "Kenya")
    assert places["Qwertzungu"].geo_precision == 3
