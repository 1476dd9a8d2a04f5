"""Normalisation rules for English time expressions (invented sentences, not corpus text).

One test per class of expression: financial periods, anaphoric days and weeks, spoken years,
half years, plural parts of days, holidays, vague references and the phrases that look like time
expressions but are not ("high noon", a show called "This Week", "the year before").
"""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.nlp.timex import find_timexes

#: a Wednesday in the last quarter of the year
DCT = dt.date(2014, 10, 29)


def readings(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, dct=dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fiscal year "ended" on a date is a span of a year
        (
            "The mill earned $4 million in the year ended June 30.",
            [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2014-06-30")],
        ),
        # "the year" otherwise is the report's year
        (
            "Shares hit a high for the year in May.",
            [("the year", "DATE", "2014"), ("May", "DATE", "2014-05")],
        ),
        # but "the year before" hangs on some other event: not the report's year
        ("Sales were $9 million, up from $7 million the year before.", []),
    ],
)
def test_the_year(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert readings(text) == expected


def test_last_year_compared_in_a_quarterly_report_is_the_quarter_a_year_back() -> None:
    text = "In the third quarter the bank earned $5 million, compared with $3 million last year."
    assert readings(text)[-1] == ("last year", "DATE", "2013-Q3")
    assert readings("The bank was founded last year.")[-1] == ("last year", "DATE", "2013")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell in the last half of 2012.", ("the last half of 2012", "DATE", "2012-H2")),
        (
            "Growth should return in the first two quarters of 2015.",
            ("the first two quarters of 2015", "DATE", "2015-H1"),
        ),
        ("Revenue rose in the fiscal-first quarter.", ("fiscal-first quarter", "DATE", "2014-Q1")),
    ],
)
def test_half_years_and_quarters(text: str, expected: tuple[str, str, str]) -> None:
    assert readings(text) == [expected]


def test_the_last_quarter_without_a_year_is_the_one_before_the_dct() -> None:
    (found,) = readings("Sales slowed in the last quarter.")
    assert found[2] == "2014-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The siege began in January nineteen ninety-seven.", "1997-01"),
        ("Oil fell in the winter of nineteen ninety-four.", "1994-WI"),
        ("Oil fell in nineteen ninety-four.", "1994"),
    ],
)
def test_spoken_years_with_a_month_or_season(text: str, value: str) -> None:
    assert [v for _, _, v in readings(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("The region was ruled from the coast for centuries.", ("centuries", "DURATION", "PXC")),
        (
            "Prices may rise over the next couple of years.",
            ("the next couple of years", "DURATION", "P2Y"),
        ),
    ],
)
def test_durations(text: str, expected: tuple[str, str, str]) -> None:
    assert readings(text) == [expected]


def test_a_weekday_with_a_plural_part_of_day_is_a_set() -> None:
    assert readings("Buses leave on Tuesday nights and Sunday mornings.") == [
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("Sunday mornings", "SET", "XXXX-WXX-7TMO"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hearing is set for the week of Nov. 10.",
            ("the week of Nov. 10", "DATE", "2014-W46"),
        ),
        ("For the week, the index gained 2%.", ("the week", "DATE", "2014-WXX")),
        ("Campaigning goes on until Election Day.", ("Election Day", "DATE", "2014-11-04")),
    ],
)
def test_weeks_and_holidays(text: str, expected: tuple[str, str, str]) -> None:
    assert readings(text) == [expected]


def test_a_holiday_week_is_the_week_of_the_holiday() -> None:
    found = readings("Pilgrims arrived as Easter week began.", dct=dt.date(2014, 4, 22))
    assert found == [("Easter week", "DATE", "2014-W16")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board will decide at a later date.", ("a later date", "DATE", "FUTURE_REF")),
        (
            "They want a ceasefire as soon as possible.",
            ("as soon as possible", "DATE", "FUTURE_REF"),
        ),
        ("Militias grew through the nineties.", ("the nineties", "DATE", "199")),
        ("By mid afternoon the road was closed.", ("mid afternoon", "TIME", "2014-10-29TAF")),
        ("He planned a late-November trip.", ("late-November", "DATE", "2014-11")),
    ],
)
def test_vague_references_decades_and_edges(text: str, expected: tuple[str, str, str]) -> None:
    assert readings(text) == [expected]


def test_the_second_day_of_a_pair_takes_the_month_of_the_first() -> None:
    assert readings("The summit meets on Dec. 4 and 5 in Vienna.") == [
        ("Dec. 4", "DATE", "2014-12-04"),
        ("5", "DATE", "2014-12-05"),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Border crossings were filmed in 1994, 1995 and 1997.", ["1994", "1995", "1997"]),
        ("He was arrested twice from 1991 to 1997.", ["1991", "1997"]),
        ("The city bid for the 2000 Olympics.", ["2000"]),
        ("The army sent 2000 troops.", []),
    ],
)
def test_years_in_lists_ranges_and_names(text: str, years: list[str]) -> None:
    assert [v for _, _, v in readings(text)] == years


@pytest.mark.parametrize(
    "text",
    [
        "It was high noon for the coalition.",
        'The minister spoke on the talk show "This Week" about the talks.',
    ],
)
def test_idioms_and_titles_are_not_times(text: str) -> None:
    assert readings(text) == []
