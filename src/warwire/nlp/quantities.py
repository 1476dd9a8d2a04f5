"""Numbers in running text: "over 2,000 fighters", "some 250 kilometres", "10 to 15", "dozens".

    >>> [(q.low, q.qualifier, q.unit) for q in find_quantities("about 250 km (155 miles) east")]
    [(250.0, 'approx', 'km')]

Pure functions over the raw text, no spaCy. :func:`parse_number` reads one number phrase
(digits, number words, scale words, vague amounts); :func:`find_quantities` finds every quantity
of a text with its qualifier words ("at least", "about", "up to"), range and unit, and leaves
out what only looks like one: years ("in 2015"), dates ("May 12"), times ("10:30", "8 pm"),
durations and ages ("three days", "25-year-old"), ordinals ("5th"), money, "one of the ..."
idioms and numbers inside names and identifiers ("F-16", "Resolution 2254", "Route 4").

The words are data: ``vocab/quantities.yaml`` (qualifier phrases, the vague amounts with
ACLED's conventions, "dozens" 12 and "hundreds" 100, and the cues of non-quantities).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple, cast

from warwire.errors import ConfigError
from warwire.models import Qualifier

__all__ = ["Quantity", "find_quantities", "parse_number"]


@dataclass(frozen=True)
class Quantity:
    """A quantity of a text: ``[start, end)`` covers qualifier words, number and unit,
    ``[number_start, number_end)`` the number words alone. ``low == high`` unless the text
    gives a range. Lengths are in ``km`` (miles and metres converted), areas in ``km2``,
    shares in ``percent``; counts have no unit."""

    start: int
    end: int
    text: str
    low: float
    high: float
    qualifier: Qualifier
    unit: str | None
    number_start: int
    number_end: int


_NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_UNITS = {w: i for i, w in enumerate(_NUMBER_WORDS[:10])}
_TEENS = {w: 10 + i for i, w in enumerate(_NUMBER_WORDS[10:])}
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS = {w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SUFFIX_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}
_WORDLIKE = frozenset({*_UNITS, *_TEENS, *_TENS, *_SCALES, "hundred", "dozen", "a", "an", "and"})
_QUALIFIERS: tuple[Qualifier, ...] = ("exact", "approx", "lower", "upper")

_TOKEN = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


class _Tok(NamedTuple):  # a tuple: made for every word of every sentence, so cheap to build
    text: str
    low: str
    start: int
    end: int

    @property
    def digits(self) -> bool:
        return bool(_DIGITS.fullmatch(self.text))


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    stop = len(text) if end is None else end
    return [
        _Tok(m.group(), m.group().lower(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, stop)
    ]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in _tokens(phrase))


@dataclass(frozen=True)
class _Vocab:
    vague: Mapping[str, int]
    multipliers: Mapping[tuple[str, ...], float]
    before: Mapping[tuple[str, ...], Qualifier]
    after: Mapping[tuple[str, ...], Qualifier]
    lengths: Mapping[str, float]
    sets: Mapping[str, frozenset[str]]


@cache
def _vocab() -> _Vocab:
    """``vocab/quantities.yaml``, loaded and checked once."""
    from warwire.geo.curated import read_vocab

    data: dict[str, Any] = read_vocab("quantities.yaml")

    def qualified(section: str) -> dict[tuple[str, ...], Qualifier]:
        table: dict[tuple[str, ...], Qualifier] = {}
        for name, phrases in data[section].items():
            if name not in _QUALIFIERS:
                raise ConfigError(f"vocab/quantities.yaml: unknown qualifier {name!r}")
            table.update({_words(str(p)): cast(Qualifier, name) for p in phrases})
        return table

    names = (
        *("months", "time_units", "clock", "currency_symbols", "currency_words"),
        *("identifier_words", "year_before", "not_a_count_after_year", "one_idioms_after"),
        *("one_idioms_before", "change_verbs", "metre_words"),
    )
    return _Vocab(
        vague={str(k): int(v) for k, v in data["vague_amounts"].items()},
        multipliers={_words(str(k)): float(v) for k, v in data["multipliers"].items()},
        before=qualified("qualifiers"),
        after=qualified("postfix"),
        lengths={str(k): float(v) for k, v in data["lengths"].items()},
        sets={name: frozenset(str(w).lower() for w in data[name]) for name in names},
    )


def _digit_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


# --- parse_number -------------------------------------------------------------------------


def _parse_words(words: Sequence[str]) -> float | None:
    """The value of a sequence of number words ("two hundred and five", "a dozen"), or None."""
    if len(words) == 3 and words[0] == "half" and words[1] == "a" and words[2] in _SCALES:
        return 0.5 * _SCALES[words[2]]
    total = current = 0
    last: str | None = None
    cap = 10**15  # each scale word must be smaller than the one before
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word == "and":
            if last not in {"hundred", "scale"} or following not in {*_UNITS, *_TEENS, *_TENS}:
                return None
            continue
        if word == "-":
            if last != "tens" or following not in _UNITS:
                return None
            continue
        if word in {"a", "an"}:
            if last is not None or following not in {*_SCALES, "hundred", "dozen"}:
                return None
            current, last = 1, "a"
        elif word in _UNITS:
            if last not in {None, "tens", "hundred", "scale"} or (last == "tens" and current % 10):
                return None
            current, last = current + _UNITS[word], "unit"
        elif word in _TEENS or word in _TENS:
            if last not in {None, "hundred", "scale"} or (last == "hundred" and current % 100):
                return None
            current += _TEENS.get(word, 0) + _TENS.get(word, 0)
            last = "teen" if word in _TEENS else "tens"
        elif word == "hundred":
            if last not in {"unit", "teen", "tens", "a"} or not 0 < current < 100:
                return None
            current, last = current * 100, "hundred"
        elif word in _SCALES:
            if last not in {"unit", "teen", "tens", "hundred", "a"} or _SCALES[word] >= cap:
                return None
            total, current, cap, last = total + current * _SCALES[word], 0, _SCALES[word], "scale"
        elif word == "dozen":
            if last not in {"unit", "teen", "tens", "a"} or following is not None:
                return None
            current, last = current * 12, "dozen"
        else:
            return None
    return None if last in {None, "a"} else float(total + current)


def _parse_vague(toks: Sequence[str]) -> tuple[float, int, bool] | None:
    """A vague amount at the start of ``toks``: (value, tokens taken, whether it is plural)."""
    vocab = _vocab()
    first = toks[0] if toks else ""
    if first in vocab.vague:
        value = float(vocab.vague[first])
        if len(toks) >= 3 and toks[1] == "of" and toks[2] in vocab.vague:
            inner = vocab.vague[toks[2]]
            if inner >= 100 and inner > value:
                return value * inner, 3, True  # "tens of thousands"
        if first == "tens" and (len(toks) < 2 or toks[1] != "of"):
            return None
        return value, 1, True
    for words, factor in vocab.multipliers.items():
        n = len(words)
        if tuple(toks[:n]) != words:
            continue
        follow = toks[n] if len(toks) > n else None
        if words[-1] == "of":
            if follow in {"hundreds", "thousands", "millions"}:
                return factor * vocab.vague[follow], n + 1, False  # "a couple of hundred"
            return (factor, n - 1, False) if follow is not None else None  # "a handful (of)"
        scale = {"hundred": 100, "dozen": 12, **_SCALES}.get(follow or "")
        if scale:
            return factor * scale, n + 1, False  # "several hundred"
    return None


def parse_number(words: str) -> float | None:
    """The value of one number phrase, or None when it is not one.

    Reads digits ("2,000", "2000", "1.5"), digits with a scale ("1.5 million", "3m", "2bn",
    "10k"), number words ("two", "twenty-five", "one hundred and five", "a thousand",
    "half a million", "two dozen") and vague amounts ("dozens" 12, "a dozen" 12, "tens of
    thousands" 10,000, "several hundred" 300; see ``vocab/quantities.yaml``).
    """
    toks = _words(words.strip())
    if not toks:
        return None
    if _DIGITS.fullmatch(toks[0]):
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", toks[0]):
            return None
        value = _digit_value(toks[0])
        if len(toks) == 1 or value is None:
            return value
        scale = {"hundred": 100, **_SCALES, **_SUFFIX_SCALES}.get(toks[1])
        return value * scale if scale and len(toks) == 2 else None
    vague = _parse_vague(toks)
    if vague is not None and vague[1] == len(toks):
        return vague[0]
    return _parse_words(toks)


# --- find_quantities ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    value: float
    first: int  # token index of the first number token
    last: int  # token index of the last number token (inclusive)
    vague: bool = False  # a plural amount ("dozens"): at least this many
    loose: bool = False  # a multiplied amount ("several hundred"): about this many
    scaled: bool = False  # ends in a scale word ("3 million", "two thousand")


@cache
def _starters() -> frozenset[str]:
    """The words a number phrase can start with (digits aside): number words, vague amounts
    and the first words of multipliers ("several hundred", "a handful of")."""
    vocab = _vocab()
    return frozenset({*_WORDLIKE, "half", *vocab.vague, *(words[0] for words in vocab.multipliers)})


def _read_number(toks: Sequence[_Tok], i: int) -> _Number | None:
    """The longest number phrase starting at token ``i``."""
    tok = toks[i]
    if tok.low not in _starters() and not tok.text[0].isdigit():
        return None  # most words: no number can start here
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.digits:
        value = _digit_value(tok.text)
        if value is None:
            return None
        if nxt is not None and (nxt.low in _SCALES or nxt.low == "hundred"):
            return _Number(value * _SCALES.get(nxt.low, 100), i, i + 1, scaled=True)
        if (
            nxt is not None
            and nxt.start == tok.end
            and nxt.low in _SUFFIX_SCALES
            and (nxt.low != "m" or _m_means_million(toks, i + 1))
        ):
            return _Number(value * _SUFFIX_SCALES[nxt.low], i, i + 1, scaled=True)
        return _Number(value, i, i)
    lows = [t.low for t in toks[i : i + 4]]
    vague = _parse_vague(lows)
    if vague is not None:
        value, taken, plural = vague
        return _Number(value, i, i + taken - 1, vague=plural, loose=not plural)
    if (tok.low not in _WORDLIKE and tok.low != "half") or tok.low == "and":
        return None
    j = i + 1
    while j < len(toks) and (
        toks[j].low in _WORDLIKE or (toks[j].text == "-" and toks[j].start == toks[j - 1].end)
    ):
        j += 1
    for stop in range(j, i, -1):
        parsed = _parse_words([t.low for t in toks[i:stop]])
        if parsed is not None:
            scaled = toks[stop - 1].low in _SCALES or toks[stop - 1].low == "hundred"
            return _Number(parsed, i, stop - 1, scaled=scaled)
    return None


def _m_means_million(toks: Sequence[_Tok], k: int) -> bool:
    """Whether an "m" glued to digits is "million" ("3m people") rather than metres."""
    after = toks[k + 1] if k + 1 < len(toks) else None
    if after is None or not after.text.isalpha():
        return False
    return after.low not in _vocab().sets["metre_words"]


def _qualifier_before(toks: Sequence[_Tok], first: int) -> tuple[Qualifier, int] | None:
    """The longest qualifier phrase right before token ``first``: (qualifier, its first token)."""
    table = _vocab().before
    for n in range(5, 0, -1):
        if first - n >= 0:
            qualifier = table.get(tuple(t.low for t in toks[first - n : first]))
            if qualifier is not None:
                return qualifier, first - n
    return None


def _qualifier_after(toks: Sequence[_Tok], k: int) -> tuple[Qualifier, int] | None:
    """A qualifier right after the number: "or more", "-odd", "+": (qualifier, its last token)."""
    for words, qualifier in _vocab().after.items():
        n = len(words)
        if tuple(t.low for t in toks[k : k + n]) == words:
            if words[0] in {"+", "-"} and toks[k].start != toks[k - 1].end:
                continue
            return qualifier, k + n - 1
    return None


def _unit_after(toks: Sequence[_Tok], k: int) -> tuple[str, float, int] | None:
    """The unit at token ``k``: (normalised unit, factor to it, last token of the unit)."""
    if k >= len(toks):
        return None
    lengths = _vocab().lengths
    glued_hyphen = toks[k].text == "-" and toks[k].start == toks[k - 1].end  # "a 15-km stretch"
    j = k + 1 if glued_hyphen else k
    if j >= len(toks):
        return None
    word, glued = toks[j].low, toks[j].start == toks[j - 1].end
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if word in {"%", "percent", "pct"}:
        return "percent", 1.0, j
    if word == "per" and nxt == "cent":
        return "percent", 1.0, j + 1
    if word in {"square", "sq"}:
        u = j + 2 if nxt == "." else j + 1
        unit = toks[u].low if u < len(toks) else ""
        return ("km2", lengths[unit] ** 2, u) if unit in lengths and unit != "m" else None
    if word in lengths and (glued or word not in {"m", "mi"}):
        return "km", lengths[word], j
    return None


def _excluded(toks: Sequence[_Tok], num: _Number, qualified: bool, range_end: bool = False) -> bool:
    """Whether a number is a year, date, time, duration, ordinal, amount of money, idiom or
    part of an identifier rather than a quantity."""
    sets = _vocab().sets
    first, last = toks[num.first], toks[num.last]
    before = toks[num.first - 1] if num.first > 0 else None
    before2 = toks[num.first - 2] if num.first > 1 else None
    after = toks[num.last + 1] if num.last + 1 < len(toks) else None
    after2 = toks[num.last + 2] if num.last + 2 < len(toks) else None
    if after is not None and after.start == last.end and last.digits:
        if after.low in {"st", "nd", "rd", "th", "s"}:
            return True  # 5th, 1990s
        if after.text in {":", "/", "."} and after2 is not None and after2.start == after.end:
            return after2.digits  # 10:30, 12/5, 1.2.3
        units = {*_SUFFIX_SCALES, *_vocab().lengths, "pct", "am", "pm", "h", "hrs", "hr"}
        if after.text.isalpha() and after.low not in units:
            return True  # 2S19, 4x4
    if before is not None and before.end == first.start:
        if before.text in {":", "/", "#"} or before.text in sets["currency_symbols"]:
            return True
        if before.text.isalpha() and first.digits:
            return True  # M4, T72
        if before.text in {"-", "–", "."} and before2 is not None and before2.end == before.start:
            if before2.text.isalpha() and before2.low not in _WORDLIKE | {"mid", "over"}:
                return True  # F-16, Su-24, AK-47
            if before2.digits and (before.text == "." or not range_end):
                return True  # 2.5.1, the second half of "2015-16"
    if before is not None and (
        before.text in sets["currency_symbols"] or before.low in {"usd", "eur", "gbp"}
    ):
        return True
    if after is not None and after.low in sets["currency_words"]:
        return True
    months = sets["months"]
    if before is not None and before.low in months and before.text[0].isupper():
        return True  # May 12
    if after is not None and after.low in months and after.text[0].isupper():
        return True  # 12 May
    if after is not None and after2 is not None and after.low == "of" and after2.low in months:
        return after2.text[0].isupper()  # 12 of May
    if after is not None and (after.low in sets["clock"] or after.low in sets["time_units"]):
        return True  # 8 pm, 0800 GMT, three days
    if after is not None and after.low in {"a", "p"} and after2 is not None and after2.text == ".":
        return True  # 8 a.m.
    hyphen_after = after is not None and after.text in {"-", "–"}
    if hyphen_after and after2 is not None and after2.low in sets["time_units"]:
        return True  # a 25-year-old, a 10-day siege
    if before is not None and first.digits and not qualified:
        word = before.low
        if (word in sets["identifier_words"] and before.text[0].isupper()) or word in {"no", "#"}:
            return True  # Resolution 2254, Route 4, No 5
        if before.text == "." and before2 is not None and before2.low == "no":
            return True  # No. 5
        if before.text == "[" and after is not None and after.text == "]":
            return True  # footnote markers
    if _is_year(toks, num, qualified):
        return True
    if num.first == num.last and first.low == "one" and not qualified:
        if after is None or not after.text.isalpha() or after.low in sets["one_idioms_after"]:
            return True  # "one of the", "one another", "the other one."
        if before is not None and before.low in sets["one_idioms_before"]:
            return True  # "no one", "each one"
    return False


def _is_year(toks: Sequence[_Tok], num: _Number, qualified: bool) -> bool:
    """Whether a bare four-digit number is a year ("in 2015") rather than "2000 fighters"."""
    first = toks[num.first]
    if qualified or num.first != num.last or not re.fullmatch(r"1[89]\d\d|20\d\d|2100", first.text):
        return False
    sets = _vocab().sets
    before = toks[num.first - 1] if num.first > 0 else None
    after = toks[num.first + 1] if num.first + 1 < len(toks) else None
    if before is not None and (before.low in sets["year_before"] or before.low in sets["months"]):
        return True
    if before is not None and before.text in {",", "-", "–"} and before.end == first.start:
        return True  # "mid-2015"
    if _unit_after(toks, num.first + 1) is not None:
        return False
    plural = (
        after is not None
        and after.text.isalpha()
        and after.text.islower()
        and after.low.endswith("s")
        and not after.low.endswith("ss")
        and after.low not in sets["not_a_count_after_year"]
    )
    return not plural


def _scale_up(low_num: _Number, high_num: _Number) -> float:
    """The low end of a range, given the scale of the high end: "two to three thousand"."""
    low, high = low_num.value, high_num.value
    if low_num.scaled or not high_num.scaled or low >= high:
        return low
    for scale in (10**12, 10**9, 10**6, 1000, 100):
        if high >= scale and low * scale <= high:
            return low * scale
    return low


def _range(toks: Sequence[_Tok], num: _Number) -> tuple[float, float, _Number] | None:
    """A range starting at ``num``: "10 to 15", "10-15", "two or three", "between 10 and 15";
    (low, high, the number that ends it). "Rose from 200 to 300" is a change, not a range."""
    sets = _vocab().sets
    before = toks[num.first - 1].low if num.first > 0 else ""
    before2 = toks[num.first - 2].low if num.first > 1 else ""
    k = num.last + 1
    if k + 1 >= len(toks):
        return None
    connector = toks[k].low
    if before == "between":
        if connector != "and":
            return None
    elif connector not in {"to", "or", "-", "–", "—"} or (connector == "or" and num.vague):
        return None
    if before in sets["change_verbs"] or (before == "from" and before2 in sets["change_verbs"]):
        return None
    other = _read_number(toks, k + 1)
    if other is None or other.vague != num.vague or _excluded(toks, other, True, range_end=True):
        return None
    low = _scale_up(num, other)
    return (low, other.value, other) if low < other.value else None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity of ``text[start:end]``, in order; offsets are into ``text``."""
    return list(_find_quantities(text, start, end))


@lru_cache(maxsize=256)
def _find_quantities(text: str, start: int, end: int | None) -> tuple[Quantity, ...]:
    """The quantities of one span, remembered: events and claims read the same sentences."""
    toks = _tokens(text, start, end)
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        num = _read_number(toks, i)
        if num is None:
            i += 1
            continue
        quantity, i = _quantity_at(text, toks, num)
        if quantity is not None and not _restates(found, quantity, text):
            found.append(quantity)
    return tuple(found)


def _quantity_at(text: str, toks: Sequence[_Tok], num: _Number) -> tuple[Quantity | None, int]:
    """The quantity around number ``num`` and the token index to go on from."""
    qualifier_before = _qualifier_before(toks, num.first)
    if _excluded(toks, num, qualifier_before is not None):
        return None, num.last + 1
    low = high = num.value
    last_number = num
    span_first = num.first
    ranged = _range(toks, num)
    if ranged is not None:
        low, high, last_number = ranged
        if num.first > 0 and toks[num.first - 1].low in {"between", "from"}:
            span_first = num.first - 1
    qualifier: Qualifier = "lower" if num.vague else "approx" if num.loose else "exact"
    if qualifier_before is not None:
        qualifier, span_first = qualifier_before
    span_last = last_number.last
    unit: str | None = None
    found_unit = _unit_after(toks, span_last + 1)
    if found_unit is not None:
        unit, factor, span_last = found_unit
        low, high = low * factor, high * factor
    qualifier_after = _qualifier_after(toks, span_last + 1)
    if qualifier_before is None and qualifier_after is not None:
        qualifier, span_last = qualifier_after
    s, e = toks[span_first].start, toks[span_last].end
    quantity = Quantity(
        start=s,
        end=e,
        text=text[s:e],
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        number_start=toks[num.first].start,
        number_end=toks[last_number.last].end,
    )
    return quantity, span_last + 1


def _restates(found: Sequence[Quantity], quantity: Quantity, text: str) -> bool:
    """Whether ``quantity`` restates the one before in other units: "250 km (155 miles)"."""
    if not found or quantity.unit is None or found[-1].unit != quantity.unit:
        return False
    return text[found[-1].end : quantity.start].strip() in {"(", "[", "/", "or", ", or"}
