"""Anchoring weekdays, months and tense against a known publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.nlp.timex import find_timexes
from warwire.nlp.timex.anchor import tense_near, weekday_date

#: Wednesday 18 June 2014
DCT = dt.date(2014, 6, 18)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PAST = {
    "Monday": "2014-06-16",
    "Tuesday": "2014-06-17",
    "Wednesday": "2014-06-18",
    "Thursday": "2014-06-12",
    "Friday": "2014-06-13",
    "Saturday": "2014-06-14",
    "Sunday": "2014-06-15",
}
FUTURE = {
    "Monday": "2014-06-23",
    "Tuesday": "2014-06-24",
    "Wednesday": "2014-06-18",
    "Thursday": "2014-06-19",
    "Friday": "2014-06-20",
    "Saturday": "2014-06-21",
    "Sunday": "2014-06-22",
}


@pytest.mark.parametrize("day", WEEKDAYS)
def test_past_tense_weekday_is_the_most_recent_one(day: str) -> None:
    (timex,) = find_timexes(f"The commander said on {day} that the town was lost.", dct=DCT)
    assert timex.value == PAST[day]


@pytest.mark.parametrize("day", WEEKDAYS)
def test_future_tense_weekday_is_the_next_one(day: str) -> None:
    (timex,) = find_timexes(f"The envoys will meet on {day} in Geneva.", dct=DCT)
    assert timex.value == FUTURE[day]


def test_weekday_equal_to_the_dct_weekday_is_the_dct_in_either_tense() -> None:
    for text in ("Talks ended on Wednesday.", "Talks will resume on Wednesday."):
        (timex,) = find_timexes(text, dct=DCT)
        assert timex.value == "2014-06-18"


def test_last_and_next_weekday_skip_the_dct_itself() -> None:
    (last,) = find_timexes("The convoy was hit last Wednesday.", dct=DCT)
    (following,) = find_timexes("The convoy leaves next Wednesday.", dct=DCT)
    assert (last.value, following.value) == ("2014-06-11", "2014-06-25")


def test_weekday_with_part_of_day_is_a_time() -> None:
    (timex,) = find_timexes("Shelling began on Friday night.", dct=DCT)
    assert (timex.type, timex.value) == ("TIME", "2014-06-13TNI")


def test_weekday_function_directly() -> None:
    assert weekday_date(DCT, 4, "past") == dt.date(2014, 6, 12)
    assert weekday_date(DCT, 4, "future") == dt.date(2014, 6, 19)
    assert weekday_date(DCT, 3, "present") == DCT


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("He said on Thursday", "past"),
        ("They will meet on Thursday", "future"),
        ("The ministers meet on Thursday", "present"),
    ],
)
def test_tense_cues(text: str, tense: str) -> None:
    start = text.index("Thursday")
    assert tense_near(text, start, start + len("Thursday")) == tense


def test_bare_month_takes_the_nearest_year() -> None:
    (december,) = find_timexes("Rebels took the airport in December.", dct=dt.date(2014, 2, 3))
    (january,) = find_timexes("Rebels took the airport in January.", dct=dt.date(2014, 11, 3))
    assert (december.value, january.value) == ("2013-12", "2015-01")


def test_month_day_after_ended_is_in_the_past() -> None:
    found = find_timexes("Revenue rose in the year ended March 31.", dct=dt.date(2014, 10, 30))
    assert found[-1].text == "March 31"
    assert found[-1].value == "2014-03-31"


def test_quarter_a_year_earlier_follows_the_quarter_just_named() -> None:
    text = "Profit rose in the third quarter from a year earlier."
    values = [t.value for t in find_timexes(text, dct=dt.date(2014, 10, 28))]
    assert values == ["2014-Q3", "2013-Q3"]
