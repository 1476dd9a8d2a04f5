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


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Talks are set to resume Monday", "future"),
        ("The offer had been due to expire Friday", "past"),
        ("The group bought shares from Sept. 14 to Thursday", "past"),
        ("Trading is to resume in Paris on Tuesday", "future"),
    ],
)
def test_tense_cues_with_their_neighbours(text: str, tense: str) -> None:
    day = next(d for d in WEEKDAYS if d in text)
    start = text.index(day)
    assert tense_near(text, start, start + len(day)) == tense


def test_weekday_without_a_cue_leans_to_the_past() -> None:
    (timex,) = find_timexes("Talks in Geneva on Saturday.", dct=DCT)
    assert timex.value == "2014-06-14"


def test_possessive_weekday_is_past() -> None:
    (timex,) = find_timexes(
        "Lawyers said they would look for ways around Thursday's ruling.", dct=DCT
    )
    assert timex.value == "2014-06-12"


def test_the_previous_weekday_counts_from_the_day_just_named() -> None:
    found = find_timexes(
        "The index closed on Friday, Oct. 24, down from the previous Friday.",
        dct=dt.date(2014, 10, 29),
    )
    assert [t.value for t in found] == ["2014-10-24", "2014-10-17"]


def test_past_tense_month_is_never_in_the_future() -> None:
    (timex,) = find_timexes("The chief executive stepped down in March.", dct=dt.date(2014, 11, 2))
    assert timex.value == "2014-03"


def test_clause_tense_moves_a_far_month_when_no_cue_is_near() -> None:
    text = "The airline will double its flights between Sydney and Perth by August."
    (timex,) = find_timexes(text, dct=dt.date(2014, 2, 13))
    assert timex.value == "2014-08"


def test_past_tense_month_day_far_ahead_is_last_year() -> None:
    (timex,) = find_timexes("The doctor was shot on Oct. 23 at his home.", dct=dt.date(2015, 5, 6))
    assert timex.value == "2014-10-23"
    (soon,) = find_timexes("The doctor was shot on May 9 at his home.", dct=dt.date(2015, 5, 6))
    assert soon.value == "2015-05-09"
