"""Sentence dating hooks: governing time expressions and the background flag."""

from __future__ import annotations

import datetime as dt
import re

from warwire.nlp.timex import find_timexes, sentence_times

DCT = dt.date(2014, 6, 18)


def spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def test_sentence_times_governing_inheritance_and_background() -> None:
    text = (
        "On Monday rebels took the town. They burned the market. "
        "The town was founded in 1991. Long before the war, it was a trading post."
        "\n\nAid will arrive tomorrow."
    )
    timexes = find_timexes(text, dct=DCT)
    result = sentence_times(text, spans(text), timexes, dct=DCT)
    assert [tuple(t.text for t in s.timexes) for s in result] == [
        ("Monday",), (), ("1991",), (), ("tomorrow",),
    ]  # fmt: skip
    assert [s.governing[0].text if s.governing else None for s in result] == [
        "Monday", "Monday", "1991", "1991", "tomorrow",
    ]  # fmt: skip
    assert [s.inherited for s in result] == [False, True, False, True, False]
    assert [s.background for s in result] == [False, False, True, True, False]


def test_old_date_next_to_recent_news_is_not_background() -> None:
    text = "Yesterday rebels retook the dam they first seized in 1991."
    timexes = find_timexes(text, dct=DCT)
    (sentence,) = sentence_times(text, spans(text), timexes, dct=DCT)
    assert not sentence.background


def test_without_dct_only_cues_mark_background() -> None:
    text = "The town once was a market. Rebels took it in 2005."
    timexes = find_timexes(text, dct=None)
    result = sentence_times(text, spans(text), timexes, dct=None)
    assert [s.background for s in result] == [True, False]
