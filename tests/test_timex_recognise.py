"""Recognition and normalisation of time expressions (invented sentences, not corpus text)."""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.models import TimeValue
from warwire.nlp.timex import Timex, find_timexes

#: a Wednesday
DCT = dt.date(2014, 6, 18)


def one(text: str, dct: dt.date | None = DCT) -> Timex:
    found = find_timexes(text, dct=dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Fighting resumed on 12 June 2014 near the dam.", "12 June 2014", "DATE", "2014-06-12"),
        ("The town fell on June 12, 2014.", "June 12, 2014", "DATE", "2014-06-12"),
        ("The town fell in August 2014.", "August 2014", "DATE", "2014-08"),
        ("The militia was formed in 2005.", "2005", "DATE", "2005"),
        ("The report is dated 2014-06-12.", "2014-06-12", "DATE", "2014-06-12"),
        ("Tribes feuded throughout the 1990s.", "the 1990s", "DATE", "199"),
        ("Unemployment rose in the third quarter of 2013.", "the third quarter of 2013", "DATE",
         "2013-Q3"),
        ("Floods came in the summer of 2013.", "the summer of 2013", "DATE", "2013-SU"),
        ("Shelling stopped at 10:35 a.m. on June 12, 2014.", "10:35 a.m. on June 12, 2014",
         "TIME", "2014-06-12T10:35"),
        ("The siege lasted for three months.", "three months", "DURATION", "P3M"),
        ("Talks dragged on for two years.", "two years", "DURATION", "P2Y"),
        ("Negotiators met for 16 hours.", "16 hours", "DURATION", "PT16H"),
        ("They were held for several weeks.", "several weeks", "DURATION", "PXW"),
        ("Convoys cross every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
        ("Patrols go out daily.", "daily", "SET", "P1D"),
        ("Elders meet each month.", "each month", "SET", "P1M"),
    ],
)  # fmt: skip
def test_absolute_durations_and_sets(text: str, expression: str, type_: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.type, timex.value) == (expression, type_, value)
    assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rebels said yesterday that the road was cut.", "2014-06-17"),
        ("Aid arrives today.", "2014-06-18"),
        ("The vote is tomorrow.", "2014-06-19"),
        ("Prices rose last month.", "2014-05"),
        ("The envoy left last week.", "2014-W24"),
        ("Five villages fell earlier this month.", "2014-06"),
        ("The camp opened two years ago.", "2012"),
        ("The bridge was destroyed three days ago.", "2014-06-15"),
        ("Output grew last year.", "2013"),
        ("Elections are due next year.", "2015"),
        ("The truce collapsed this week.", "2014-W25"),
        ("Crops failed last fall.", "2013-FA"),
        ("The offensive began in mid-2016.", "2016"),
        ("Villagers fled in late November.", "2013-11"),
    ],
)
def test_relative_expressions_are_anchored_to_the_dct(text: str, value: str) -> None:
    timex = one(text)
    assert timex.value == value
    assert timex.relative or text.startswith("The offensive")


def test_mod_and_time_value_for_mid_year() -> None:
    timex = one("The offensive began in mid-2016.")
    assert timex.mod == "MID"
    assert timex.time_value == TimeValue("2016", "year")


def test_present_and_past_references() -> None:
    assert one("The town is now under siege.").value == "PRESENT_REF"
    assert one("The group recently split.").value == "PAST_REF"


def test_duration_and_set_have_no_time_value() -> None:
    assert one("The siege lasted for three months.").time_value is None
    assert one("Convoys cross every Friday.").time_value is None


def test_decade_time_value_is_a_range() -> None:
    timex = one("Tribes feuded throughout the 1990s.")
    assert timex.time_value == TimeValue("1990", "year", end="1999")


def test_range_between_two_months_gives_two_expressions() -> None:
    found = find_timexes("Fighting raged between May and July 2017.", dct=DCT)
    assert [t.text for t in found] == ["May", "July 2017"]
    assert found[1].value == "2017-07"


def test_since_marks_an_open_range_with_its_start() -> None:
    timex = one("The group has held the town since August 2014.")
    assert timex.value == "2014-08"
    assert timex.time_value == TimeValue("2014-08", "month", end="..")


@pytest.mark.parametrize(
    "text",
    [
        "Two F-16 jets flew over the city.",
        "About 1,500 fighters joined the assault.",
        "The council passed Resolution 2254 unanimously.",
        "The 4th Armoured Division advanced.",
        "Troops fired 2000 rounds.",
        "A 6-year-old boy was wounded.",
        "She may travel to the capital.",
        "Prices fall when supply rises.",
    ],
)
def test_expressions_that_are_not_dates(text: str) -> None:
    assert find_timexes(text, dct=DCT) == []


def test_without_publication_date_relative_expressions_get_no_value() -> None:
    found = find_timexes("Rebels said on Thursday that they took the town last month.", dct=None)
    assert [(t.text, t.value, t.time_value) for t in found] == [
        ("Thursday", None, None),
        ("last month", None, None),
    ]
    assert all(t.relative for t in found)


def test_without_publication_date_absolute_dates_keep_their_value() -> None:
    timex = one("The dam was seized on June 12, 2014.", dct=None)
    assert timex.value == "2014-06-12"
    assert timex.time_value == TimeValue("2014-06-12", "day")


def test_anchor_is_the_dct_for_relative_and_none_for_absolute() -> None:
    assert one("Aid arrives today.").time_value == TimeValue(
        "2014-06-18", "day", anchor="2014-06-18"
    )
    assert one("The militia was formed in 2005.").time_value == TimeValue("2005", "year")


def test_candidate_runs_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    from pathlib import Path

    from warwire.nlp.timex import recognise
    from warwire.nlp.timex.patterns import WORD_START

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "timex_speed.py"
    spec = importlib.util.spec_from_file_location("timex_speed", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    text = bench.build_report(600) + " for the foreseeable future, at least for the time being."
    fast = find_timexes(text, dct=DCT)
    monkeypatch.setattr(
        recognise, "_candidates", lambda t: [m.start() for m in WORD_START.finditer(t)]
    )
    assert find_timexes(text, dct=DCT) == fast


def test_the_fall_of_a_town_is_not_autumn() -> None:
    import datetime as dt

    from warwire.nlp.timex import find_timexes

    text = "The fall of Palmyra came after the group captured Ramadi last fall."
    found = find_timexes(text, dct=dt.date(2015, 5, 21))
    assert [t.text for t in found] == ["last fall"]
