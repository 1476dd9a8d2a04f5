"""Quantities: number phrases, qualifiers, ranges, units, and what only looks like a number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.nlp.quantities import Quantity, find_quantities, parse_number

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _below_thousand(n: int, hyphen: bool, use_and: bool) -> str:
    words = []
    if n >= 100:
        words.append(f"{_SMALL[n // 100]} hundred")
        n %= 100
        if n and use_and:
            words.append("and")
    if n >= 20:
        tens, unit = _TENS[n // 10 - 2], n % 10
        words.append(tens if not unit else f"{tens}{'-' if hyphen else ' '}{_SMALL[unit]}")
    elif n or not words:
        words.append(_SMALL[n])
    return " ".join(words)


def spell(n: int, hyphen: bool = True, use_and: bool = False) -> str:
    """English words for ``n`` (the test's own speller, independent of the parser)."""
    if n < 1000:
        return _below_thousand(n, hyphen, use_and)
    parts = []
    for scale, name in _SCALES:
        if n >= scale:
            parts.append(f"{_below_thousand(n // scale, hyphen, use_and)} {name}")
            n %= scale
    if n:
        parts.append(_below_thousand(n, hyphen, use_and))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=999_999_999_999), st.booleans(), st.booleans())
def test_spelled_numbers_round_trip(n: int, hyphen: bool, use_and: bool) -> None:
    assert parse_number(spell(n, hyphen, use_and)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_and_without_commas_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million"]))
def test_digits_with_a_scale_word_round_trip(n: int, scale: str) -> None:
    factor = 1000 if scale == "thousand" else 1_000_000
    assert parse_number(f"{n} {scale}") == n * factor
    assert parse_number(f"{n}.5 {scale}") == (n + 0.5) * factor


@given(st.integers(min_value=1, max_value=10**9))
def test_every_number_in_a_sentence_is_found_whole(n: int) -> None:
    text = f"Officials said {n:,} people had fled."
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.qualifier, q.unit) == (n, n, "exact", None)
    assert q.text == f"{n:,}" == text[q.start : q.end]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("2,000", 2000),
        ("2000", 2000),
        ("1.5", 1.5),
        ("two", 2),
        ("Twenty-Five", 25),
        ("twenty five", 25),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("fifteen hundred", 1500),
        ("1.5 million", 1_500_000),
        ("3m", 3_000_000),
        ("2bn", 2_000_000_000),
        ("10k", 10_000),
        ("half a million", 500_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("dozens", 12),
        ("tens of thousands", 10_000),
        ("hundreds", 100),
        ("hundreds of thousands", 100_000),
        ("thousands", 1000),
        ("scores", 20),
        ("several hundred", 300),
        ("a few thousand", 3000),
    ],
)
def test_parse_number(words: str, value: float) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words", ["", "a", "and", "five twenty", "one one", "hundred", "fighters", "2,00,0", "tens"]
)
def test_parse_number_rejects_what_is_not_one_number(words: str) -> None:
    assert parse_number(words) is None


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start : q.end] == q.text
    assert text[q.number_start : q.number_end] in q.text
    return q


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("The group has about 3,000 fighters.", "about 3,000", "approx"),
        ("Roughly 400 families returned.", "Roughly 400", "approx"),
        ("Some 250 soldiers were deployed.", "Some 250", "approx"),
        ("An estimated 12,000 people fled.", "An estimated 12,000", "approx"),
        ("Approximately 60 militants surrendered.", "Approximately 60", "approx"),
        ("It has over 2,000 fighters in the city.", "over 2,000", "lower"),
        ("At least 35 civilians were killed.", "At least 35", "lower"),
        ("More than 1,200 troops arrived.", "More than 1,200", "lower"),
        ("In excess of 500 homes were destroyed.", "In excess of 500", "lower"),
        ("Under 100 fighters remain.", "Under 100", "upper"),
        ("Up to 300 militants hold the area.", "Up to 300", "upper"),
        ("Fewer than 50 police officers stayed.", "Fewer than 50", "upper"),
        ("Nearly 800 people were wounded.", "Nearly 800", "upper"),
        ("As many as 40 soldiers died.", "As many as 40", "upper"),
        ("Militants killed 300 or more villagers.", "300 or more", "lower"),
        ("There were 200-odd fighters.", "200-odd", "approx"),
        ("A force of 2,000+ troops.", "2,000+", "lower"),
        ("Police arrested 45 men.", "45", "exact"),
        ("Dozens of people were killed.", "Dozens", "lower"),
        ("Several hundred fighters withdrew.", "Several hundred", "approx"),
    ],
)
def test_qualifiers(text: str, span: str, qualifier: str) -> None:
    q = _one(text)
    assert (q.text, q.qualifier) == (span, qualifier)


@pytest.mark.parametrize(
    ("text", "low", "high", "span"),
    [
        ("Between 10 and 15 civilians were hurt.", 10, 15, "Between 10 and 15"),
        ("Fighting killed 10 to 15 people.", 10, 15, "10 to 15"),
        ("Fighting killed 10-15 people.", 10, 15, "10-15"),
        ("Fighting killed 10–15 people.", 10, 15, "10–15"),
        ("Two or three soldiers were seen.", 2, 3, "Two or three"),
        ("Two to three thousand troops massed.", 2000, 3000, "Two to three thousand"),
        (
            "From 1.5 to 2 million people are displaced.",
            1_500_000,
            2_000_000,
            "From 1.5 to 2 million",
        ),
        ("between 5,000 and 7,000 fighters", 5000, 7000, "between 5,000 and 7,000"),
    ],
)
def test_ranges(text: str, low: float, high: float, span: str) -> None:
    q = _one(text)
    assert (q.low, q.high, q.text) == (low, high, span)


def test_a_change_is_two_figures_not_a_range() -> None:
    found = find_quantities("The number rose from 200 to 300 within a week.")
    assert [(q.low, q.high) for q in found] == [(200, 200), (300, 300)]


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("The town lies 15km from the border.", 15, "km", "15km"),
        ("The town lies 15 km from the border.", 15, "km", "15 km"),
        ("about 250 kilometres east of the capital", 250, "km", "about 250 kilometres"),
        ("some 40 kilometers north", 40, "km", "some 40 kilometers"),
        ("It is 10 miles west of the city.", 16.09344, "km", "10 miles"),
        ("roughly one mile away", 1.609344, "km", "roughly one mile"),
        ("A base 500m from the river.", 0.5, "km", "500m"),
        ("a position 800 metres away", 0.8, "km", "800 metres"),
        ("a 20-kilometre stretch of road", 20, "km", "20-kilometre"),
        ("some 40 percent of the city", 40, "percent", "some 40 percent"),
        ("some 40 per cent of the city", 40, "percent", "some 40 per cent"),
        ("nearly 60% of the town", 60, "percent", "nearly 60%"),
        ("over 30 square kilometres of land", 30, "km2", "over 30 square kilometres"),
    ],
)
def test_units_are_normalised(text: str, value: float, unit: str, span: str) -> None:
    q = _one(text)
    assert q.low == pytest.approx(value)
    assert (q.unit, q.text) == (unit, span)


def test_a_conversion_in_brackets_is_not_a_second_distance() -> None:
    q = _one("The town is about 250 kilometres (155 miles) east of the capital.")
    assert (q.low, q.unit, q.qualifier) == (250, "km", "approx")
    q = _one("The town is about 155 miles (250 km) east of the capital.")
    assert q.low == pytest.approx(249.45, abs=0.01)


def test_an_m_glued_to_digits_is_million_before_a_noun_and_metres_before_from() -> None:
    assert _one("Aid reached 3m people.").low == 3_000_000
    assert _one("Troops dug in 300m from the river.").unit == "km"


@pytest.mark.parametrize(
    "text",
    [
        "In 2015 the rebels took the town.",
        "The town was captured in May 2015.",
        "Fighting resumed on May 12.",
        "Fighting resumed on 12 May.",
        "The attack began at 10:30 on Sunday.",
        "The curfew starts at 8 pm.",
        "The siege lasted three days.",
        "A 25-year-old man was arrested.",
        "Forces of the 5th Division advanced.",
        "One of the commanders was killed.",
        "They fought one another for the road.",
        "No one was hurt.",
        "F-16 jets and Su-24 bombers struck the area.",
        "A T-72 tank and an AK-47 were seized.",
        "The council passed Resolution 2254.",
        "Convoys used Route 4 and Highway 1.",
        "The donors pledged $5 million.",
        "The donors pledged 300 dollars.",
        "The 2015-16 offensive failed.",
        "Militancy grew in the 1990s.",
        "Troops moved along the M4 highway.",
        "The offensive of mid-2014 failed.",
    ],
)
def test_what_only_looks_like_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_a_four_digit_count_is_not_a_year() -> None:
    assert _one("The group has 2000 fighters.").low == 2000
    assert _one("The group has over 2000 fighters.").qualifier == "lower"


def test_one_as_a_count() -> None:
    assert _one("One soldier was killed.").low == 1


def test_offsets_are_into_the_whole_text_and_the_window_is_kept() -> None:
    text = "Intro: 5 killed. Later: 7 killed."
    (q,) = find_quantities(text, start=17)
    assert (q.low, q.start, text[q.start : q.end]) == (7, 24, "7")
    (q,) = find_quantities(text, 0, 16)
    assert q.low == 5


def test_several_quantities_in_one_sentence() -> None:
    found = find_quantities(
        "Raqqa, a city of 220,000 people about 160 km east of Aleppo, held 2,000 fighters."
    )
    assert [(q.low, q.unit) for q in found] == [(220_000, None), (160, "km"), (2000, None)]
