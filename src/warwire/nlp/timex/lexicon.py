"""Words of English time expressions and what they mean: months, weekdays, seasons, numbers, units.

Every table maps a lower-case word to its value; :func:`alternation` turns a table into a regex
alternative, longest words first, so that ``sept.`` wins over ``sep``. The word lists follow
HeidelTime's English resources (Strötgen and Gertz, 2013) in spirit, written afresh.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "jan": 1,
    "february": 2, "feb.": 2, "feb": 2,
    "march": 3, "mar.": 3,
    "april": 4, "apr.": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun.": 6,
    "july": 7, "jul.": 7,
    "august": 8, "aug.": 8, "aug": 8,
    "september": 9, "sept.": 9, "sep.": 9, "sept": 9,
    "october": 10, "oct.": 10, "oct": 10,
    "november": 11, "nov.": 11, "nov": 11,
    "december": 12, "dec.": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon.": 1,
    "tuesday": 2, "tues.": 2, "tue.": 2,
    "wednesday": 3, "wed.": 3,
    "thursday": 4, "thurs.": 4, "thu.": 4,
    "friday": 5, "fri.": 5,
    "saturday": 6, "sat.": 6,
    "sunday": 7, "sun.": 7,
}  # fmt: skip

#: TimeML season codes.
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

#: TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI",
}  # fmt: skip

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "fortnight": "W",
}  # fmt: skip

#: units whose ISO 8601 duration designator sits after ``T``
TIME_UNITS = frozenset({"second", "minute", "hour"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11,
    "twelfth": 12, "12th": 12, "last": -1, "final": -1,
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "couple": 2, "couple of": 2, "a couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0,
}  # fmt: skip

#: quantity words that make a duration vague (``PXY``)
VAGUE_QUANTITIES = frozenset(
    {"several", "few", "a few", "some", "many", "the", "recent", "coming", "past", "the past"}
)

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_value(words: str) -> int | None:
    """``"twenty-four"`` -> 24, ``"12"`` -> 12, ``"a"`` -> 1; None for vague or unknown words."""
    text = words.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    parts = re.split(r"[\s-]+", text)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS_1_9:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]]
    return None


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a trie (``jan(?:\\.|uary)?``).

    Python's regex engine tries alternatives one by one; sharing prefixes makes a lexicon of a
    few hundred words cost a handful of character tests per position instead of hundreds.
    """
    tree: dict[str, Any] = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree)


def _emit(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred"
    r"|hundred|a\s+couple\s+of|a\s+dozen|\d+(?:\.\d+)?(?:\s+1/2)?)"
)
