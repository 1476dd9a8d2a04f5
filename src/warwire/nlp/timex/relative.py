"""Normalisers for years, decades, seasons, months and expressions relative to the DCT.

"in 2005", "the 1990s", "last fall", "early September", "two years ago", "earlier this
month", "now": each function reads one rule's match (see :mod:`warwire.nlp.timex.patterns`).
"""

from __future__ import annotations

import datetime as dt
import re

from warwire.nlp.timex import anchor
from warwire.nlp.timex.lexicon import SEASONS, number_value
from warwire.nlp.timex.normalise import (
    Context,
    Reading,
    _rel_shift,
    edge_mod,
    month_number,
    words,
)
from warwire.nlp.timex.periods import year_before_quarter

_TENS = {
    "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8,
    "ninety": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10}  # fmt: skip
#: words after a bare number that show it is a count, not a year ("2000 troops")
_COUNT_FOLLOWERS = re.compile(
    r"\s*(?:%|percent|per\b|(?-i:[a-z]+s)\b(?<!'s)(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)|"
    r"people|men|women|children|feet|meters|metres|miles|km|kilometers|tons|tonnes|yen|"
    r"dollars|euros|pounds|shares|barrels)",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(
    r"(?:[$£€#]|\b(?:no\.|number|route|flight|resolution|article|section|room|page|pp?\.|model"
    r"|type|code|rule|at)\s*)$",
    re.IGNORECASE,
)
#: a figure compared with an earlier one: "up from $3 million", "compared with a loss of ..."
_COMPARED = re.compile(
    r"(?:\b(?:from|with|than)\s+(?:an?\s+)?(?:\w+\s+)?(?:of\s+)?)?(?:[$£€#]|\bc\$|\bus\$)[\d.,]+"
    r"(?:\s+(?:million|billion|cents?))?(?:,?\s+or\s+[$\d.,]+\s+(?:a\s+share|cents?))?\s*$"
    r"|\b(?:from|with|than)\s+$",
    re.IGNORECASE,
)
#: words before ``May``/``March`` that make it a month, not a verb
_MONTH_BEFORE = re.compile(
    r"\b(?:in|of|since|until|by|from|to|through|early|late|last|next|this|and|or|between"
    r"|during|before|after|mid-|—|-)\s*$"
)


def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["tens"]:  # "the nineties": a decade of the twentieth century
        return Reading("DATE", f"19{_TENS[m['tens'].lower()[:-3] + 'y']}", edge_mod(m["edge2"]))
    if m["dec2"]:
        century = "19"
        tens = m["dec2"]
    else:
        century, tens = m["cent"], m["dec"]
    return Reading("DATE", f"{century}{tens}", edge_mod(m["edge"]))


def century(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["ord"]:
        return Reading("DATE", f"{int(m['ord']) - 1:02d}", edge_mod(m["edge"]))
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    return Reading("DATE", f"{ctx.dct.year // 100 + _rel_shift(m['rel']):02d}", relative=True)


def spoken_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A year in words ("nineteen ninety-four"), with a month or season before it if any
    ("January nineteen ninety-seven", "the winter of nineteen ninety-four")."""
    if m["y2k"]:
        units = _ONES.get(words(m["y2ktail"]), 0)
        spoken = words(ctx.text[ctx.start : ctx.end])
        if not units and "the year" not in spoken:
            return None
        year = 2000 + units
    else:
        parts = re.split(r"[\s-]", words(m["tail"]))
        if parts[0] in _TEENS:
            year = 1900 + _TEENS[parts[0]]
        else:
            year = 1900 + _TENS[parts[0]] * 10 + (_ONES[parts[1]] if len(parts) > 1 else 0)
    if m["month"]:
        month = month_number(m["month"])
        if month is None:
            return None
        return Reading("DATE", f"{year}-{month:02d}")
    if m["season"]:
        return Reading("DATE", f"{year}-{SEASONS[m['season'].lower()]}")
    return Reading("DATE", str(year))


def season(m: re.Match[str], ctx: Context) -> Reading | None:
    name = m["season"].lower()
    rel = words(m["rel"])
    code = SEASONS[name]
    if name == "fall" and not m["year"] and rel in {"", "the", "that"}:
        return None  # "the fall of Palmyra" is a town falling, not autumn
    mod = edge_mod(m["edge"])
    if m["year"]:
        return Reading("DATE", f"{m['year']}-{code}", mod)
    if ctx.dct is None:
        return Reading("DATE", None, mod, relative=True)
    # seasons as a sequence: spring, summer, fall of a year, then its winter (Dec to Feb)
    order = ["SP", "SU", "FA", "WI"]
    month = ctx.dct.month
    base_year = ctx.dct.year if month >= 3 else ctx.dct.year - 1
    here = base_year * 4 + {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}.get(month, 3)
    wanted = order.index(code)
    shift = _rel_shift(rel)
    if rel == "this":
        index = base_year * 4 + wanted
    elif shift < 0 or (shift == 0 and ctx.tense != "future"):
        index = here - ((here - wanted) % 4 or (4 if shift < 0 else 0))
    else:
        index = here + ((wanted - here) % 4 or (4 if shift > 0 else 0))
    year, position = divmod(index, 4)
    return Reading("DATE", f"{year}-{order[position]}", mod, relative=True)


def month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    month = month_number(m["month"])
    if month is None:
        return None
    if m["yrel"]:
        if ctx.dct is None:
            return Reading("DATE", None, edge_mod(m["edge"]), relative=True)
        year = ctx.dct.year + _rel_shift(m["yrel"])
        return Reading("DATE", f"{year}-{month:02d}", edge_mod(m["edge"]), relative=True)
    return Reading("DATE", f"{m['year']}-{month:02d}", edge_mod(m["edge"]))


def month(m: re.Match[str], ctx: Context) -> Reading | None:
    month = month_number(m["month"])
    if month is None:
        return None
    word = m["month"].lower()
    if word in {"may", "march"} and not (m["rel"] or m["edge"]):
        before = ctx.before(12)
        if not _MONTH_BEFORE.search(before):
            return None
    if word in {"jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"}:
        return None
    mod = edge_mod(m["edge"])
    if ctx.dct is None:
        return Reading("DATE", None, mod, relative=True)
    rel = words(m["rel"])
    if rel == "this":
        year = ctx.dct.year
    else:
        year = anchor.month_year(ctx.dct, month, ctx.near_tense, shift=_rel_shift(rel))
        if ctx.near_tense == "present" and not rel:
            # no cue next to the month: the clause's tense moves a month far off the nearest
            away = (year - ctx.dct.year) * 12 + month - ctx.dct.month
            if ctx.tense == "past" and away >= _LEAN:
                year -= 1
            elif ctx.tense == "future" and away <= -_LEAN:
                year += 1
    return Reading("DATE", f"{year}-{month:02d}", mod, relative=True)


#: months between a bare month and the DCT beyond which the clause's tense may move its year
_LEAN = 4

_UNIT_KEY = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "fortnight": "W",
}  # fmt: skip


def unit_of(text: str) -> str:
    """``"years"`` -> ``"year"``, ``"centuries"`` -> ``"century"``."""
    text = text.lower()
    if text == "centuries":
        return "century"
    return text[:-1] if text.endswith("s") else text


def moved(dct: dt.date, unit: str, n: int) -> str:
    """The DCT moved by ``n`` units, written at that unit's granularity."""
    if unit in {"day", "hour", "minute", "second"}:
        return (dct + dt.timedelta(days=n if unit == "day" else 0)).isoformat()
    if unit in {"week", "fortnight"}:
        return anchor.iso_week(dct + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return anchor.add_months(dct, n).isoformat()[:7]
    if unit == "quarter":
        year, q = anchor.shift_quarter(dct.year, anchor.quarter(dct), n)
        return f"{year}-Q{q}"
    if unit == "year":
        return str(dct.year + n)
    if unit == "decade":
        return str((dct.year + 10 * n) // 10)
    return f"{(dct.year + 100 * n) // 100:02d}"


def ago(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    direction = words(m["dir"])
    num = words(m["num"])
    n = number_value(num) if num else None
    approx = "APPROX" if m["approx"] else None
    if n is None:
        if direction == "ago":
            return Reading("DATE", "PAST_REF", relative=True)
        return None
    sign = -1 if direction in {"ago", "earlier", "before", "previously", "back"} else 1
    if direction in {"after", "later", "before", "hence"} or (
        direction == "earlier" and unit in {"hour", "minute", "second"}
    ):
        from warwire.nlp.timex.durations import duration_value

        cut = len(ctx.text[ctx.start : ctx.end]) - len(
            ctx.text[ctx.start : ctx.end].rsplit(None, 1)[0]
        )
        return Reading("DURATION", duration_value(n, unit), approx, cut=cut)
    if ctx.dct is None:
        return Reading("DATE", None, approx, relative=True)
    if unit == "year" and direction in {"ago", "earlier"}:
        last = ctx.recent_quarter()
        if last and n == 1:
            return Reading("DATE", year_before_quarter(ctx.dct, last), approx, relative=True)
    if unit in {"hour", "minute", "second"}:
        return Reading("TIME", ctx.dct.isoformat(), approx, relative=True)
    return Reading("DATE", moved(ctx.dct, unit, sign * n), approx, relative=True)


def rel_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    rel = words(m["rel"])
    edge = words(m["edge"])
    mod = edge_mod(edge) if edge not in {"earlier", "later"} else None
    if m["unit"][:1].isupper() and not m["unit"].isupper():
        return None  # "This Week", "Next Year" in title case: the name of a show or a book
    if rel == "that":
        if unit == "year":
            last = ctx.last_date()
            if last and last[:4].isdigit():
                return Reading("DATE", last[:4], mod, relative=True)
        return None
    if rel in {"the same"}:
        return None
    if rel in {"the following", "the previous", "the prior", "the preceding"} and unit in {
        "year",
        "month",
    }:
        last = ctx.last_date()
        step = 1 if rel == "the following" else -1
        if last and unit == "year" and re.match(r"\d{4}", last):
            return Reading("DATE", str(int(last[:4]) + step), mod, relative=True)
        if last and unit == "month" and re.match(r"\d{4}-\d\d(?!\d)", last):
            date = dt.date(int(last[:4]), int(last[5:7]), 1)
            return Reading("DATE", anchor.add_months(date, step).isoformat()[:7], mod, True)
    if ctx.dct is None:
        return Reading("DATE", None, mod, relative=True)
    shift = _rel_shift(rel)
    if rel in {"the past", "the last", "the previous", "the prior", "the preceding"}:
        shift = -1
        if unit in {"decade", "century"}:
            return Reading("DURATION", "P10Y" if unit == "decade" else "P100Y")
    if rel in {"the latest", "current", "the current"}:
        shift = 0
    if unit == "weekend":
        base = ctx.dct + dt.timedelta(weeks=shift)
        if shift == 0 and ctx.tense == "past" and ctx.dct.isoweekday() < 6:
            base = ctx.dct - dt.timedelta(weeks=1)
        return Reading("DATE", f"{anchor.iso_week(base)}-WE", mod, relative=True)
    if unit == "year" and shift == -1 and not mod and _COMPARED.search(ctx.before(40)):
        # "profit of $5 million, compared with $3 million last year" in a quarterly report
        # compares the quarter with the same quarter a year before
        last = ctx.recent_quarter()
        if last:
            return Reading("DATE", year_before_quarter(ctx.dct, last), relative=True)
    return Reading("DATE", moved(ctx.dct, unit, shift), mod, relative=True)


def the_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    edge = words(m["edge"])
    the = words(m["the"])
    if unit == "year":
        # "the year ended March 31" is a fiscal year, a span of a year; "a high for the year",
        # "the first nine months of the year" mean the year of the report
        after = ctx.after(8)
        if not edge and re.match(r"\s+(?:ended|ending)", after):
            return Reading("DURATION", "P1Y")
        if the == "the" and re.match(r"\s+(?:before|after|earlier|later)\b", after):
            return None  # "the year before": a year before some event, not the report's year
        return Reading("DATE", str(ctx.dct.year) if ctx.dct else None, edge_mod(edge), True)
    if unit == "week" and the == "the" and not edge:
        # "for the week, the index fell": a week of the report, which one left open
        return Reading("DATE", f"{ctx.dct.year}-WXX" if ctx.dct else None, relative=True)
    if unit == "weekend" and words(m["the"]) == "the":
        if ctx.dct is None:
            return Reading("DATE", None, relative=True)
        base = ctx.dct
        if ctx.tense == "past" and ctx.dct.isoweekday() < 6:
            base = ctx.dct - dt.timedelta(weeks=1)
        return Reading("DATE", f"{anchor.iso_week(base)}-WE", relative=True)
    return None


def year_edge(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(m["year"])
    edge, fiscal = m["edge"], m["fiscal"]
    if not edge and not fiscal:
        if year < 1800 or year > 2100:
            return None
        if _COUNT_FOLLOWERS.match(ctx.text, ctx.end) or _MONEY_BEFORE.search(ctx.before(12)):
            return None
        prev = ctx.text[max(0, ctx.start - 2) : ctx.start]
        if re.search(r"(?:\d\s?|,)$", prev) or (
            ctx.after(1) in {",", "."} and ctx.after(2)[1:].isdigit()
        ):
            return None
    if m["year2"]:
        return Reading("DATE", str(year), edge_mod(edge))
    return Reading("DATE", str(year), edge_mod(edge))


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "the time being": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "lately": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "a later date": "FUTURE_REF",
    "a future date": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip


def ref(m: re.Match[str], ctx: Context) -> Reading | None:
    word = words(m["word"])
    if word in {"today", "yesterday", "tomorrow"}:
        if ctx.dct is None:
            return Reading("DATE", None, relative=True)
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return Reading("DATE", (ctx.dct + dt.timedelta(days=offset)).isoformat(), relative=True)
    if word in {"in the meantime", "meantime"}:
        return None
    if word == "once":
        return None
    if m["noun"]:
        unit = m["noun"].lower()
        return Reading("DURATION", f"PX{'DE' if unit == 'decades' else unit[0].upper()}")
    value = _REFS.get(word)
    if value is None:
        return None
    return Reading("DATE", value, relative=True)
