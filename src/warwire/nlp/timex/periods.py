"""Normalisers for the periods of company reports: quarters, half years and fiscal years.

"the third quarter", "the first half of 1990", "the year-earlier period", "fiscal 1989": each
function reads one rule's match (see :mod:`warwire.nlp.timex.patterns`). A report's figures
for "a year earlier" or "last year" often mean the same quarter a year back
(:func:`year_before_quarter`), read from the latest quarter the report named.
"""

from __future__ import annotations

import datetime as dt
import re

from warwire.nlp.timex import anchor
from warwire.nlp.timex.lexicon import ORDINALS
from warwire.nlp.timex.normalise import Context, Reading, _rel_shift, words


def year_before_quarter(dct: dt.date, recent: str) -> str:
    """The quarter a year before the latest one named (``1989-Q3`` -> ``1988-Q3``).

    The year comes from the DCT, not from ``recent``, which may itself be a year-ago quarter.
    """
    q = int(recent[-1])
    year = dct.year - 1 if q <= anchor.quarter(dct) else dct.year - 2
    return f"{year}-Q{q}"


def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    ordinal = ORDINALS[m["ord"].lower()]
    unit = m["unit"].lower()
    code = "H" if unit == "half" else "Q"
    if (m["two"] or ordinal < 0) and not m["year"]:
        return None  # "the last quarter", "the last two quarters": a quarter or span back
    if m["two"]:  # "the first two quarters of 1990": a half year
        if code == "H" or not m["plural"]:
            return None
        code, ordinal = "H", 1 if ordinal == 1 else 2
    elif ordinal < 0:  # "the last half", "the last quarter of 1989"
        ordinal = 2 if code == "H" else 4
    if ordinal > (2 if code == "H" else 4):
        return None
    hyphen = "-" in ctx.text[ctx.start : ctx.end] and not m["yref"]
    trim = 4 if hyphen and words(ctx.text[ctx.start : ctx.start + 4]) == "the" else 0
    if m["plural"] and not m["two"]:
        return Reading("SET", f"XXXX-{code}{ordinal}", trim=trim)
    yref = words(m["yref"])
    if yref in {"year-ago", "year-earlier"}:
        if ctx.dct is None:
            return Reading("DATE", None, relative=True, trim=trim)
        return Reading("DATE", year_before_quarter(ctx.dct, f"0000-{code}{ordinal}"), relative=True)
    relative = False
    year: int | None
    if m["year"]:
        year = int(m["year"])
    elif yref and yref[:4].isdigit():
        year = int(yref[:4])
    elif ctx.dct is None:
        return Reading("DATE", None, relative=True, trim=trim)
    else:
        relative = True
        shift = _rel_shift(m["yrel"]) or _rel_shift(yref.split("'")[0] if yref else None)
        year = ctx.dct.year + shift
        current = anchor.quarter(ctx.dct) if code == "Q" else (ctx.dct.month - 1) // 6 + 1
        if not shift and not yref and ordinal > current and ctx.tense != "future":
            year -= 1
    return Reading("DATE", f"{year}-{code}{ordinal}", relative=relative, trim=trim)


def quarter_rel(m: re.Match[str], ctx: Context) -> Reading | None:
    text = words(ctx.text[ctx.start : ctx.end])
    unit = m["unit"].lower()
    if (
        unit == "period"
        and not m["year"]
        and not m["ago"]
        and not any(
            w in text
            for w in ("year-earlier", "year-ago", "comparable", "same", "latest", "corresponding")
        )
    ):
        return None
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    last = ctx.recent_quarter()
    ago = (
        bool(m["ago"])
        or words(m["yref"]).startswith("last")
        or any(
            w in text for w in ("year-earlier", "year-ago", "same", "comparable", "corresponding")
        )
    )
    if unit == "period" and not m["year"] and "latest" not in text:
        if last:
            return Reading("DATE", year_before_quarter(ctx.dct, last), relative=True)
        return Reading("DATE", str(ctx.dct.year - 1), relative=True)
    if ago and not m["year"]:
        q = (
            int(last[-1])
            if last
            else anchor.shift_quarter(ctx.dct.year, anchor.quarter(ctx.dct), -1)[1]
        )
        return Reading("DATE", year_before_quarter(ctx.dct, f"0000-Q{q}"), relative=True)
    year, q = ctx.dct.year, anchor.quarter(ctx.dct)
    if m["year"]:
        q = int(last[-1]) if last else anchor.shift_quarter(year, q, -1)[1]
        return Reading("DATE", f"{m['year']}-Q{q}", relative=True)
    if any(w in text for w in ("current", "this", "coming", "next")):
        by = 1 if ("next" in text or "coming" in text) else 0
    else:
        by = -1
    year, q = anchor.shift_quarter(year, q, by)
    return Reading("DATE", f"{year}-Q{q}", relative=True)


def fiscal_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["year"]:
        return Reading("DATE", m["year"])
    rel = words(m["rel"])
    if not rel or rel in {"full", "same"}:
        return Reading("DURATION", "P1Y")
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    shift = _rel_shift(rel) if rel not in {"latest", "past"} else 0
    return Reading("DATE", str(ctx.dct.year + shift), relative=True)


def year_earlier(m: re.Match[str], ctx: Context) -> Reading | None:
    what = m["what"].lower()
    if ctx.dct is None:
        return Reading("DATE", None, relative=True)
    last = ctx.last_date()
    noun = words(m["noun"])
    if what == "year":
        last = ctx.recent_quarter() if noun not in {"year", "month", "week"} else None
        if last:
            return Reading("DATE", year_before_quarter(ctx.dct, last), relative=True)
        if noun in {"nine months", "six months"}:
            return Reading("DURATION", "P9M" if noun.startswith("nine") else "P6M")
        return Reading("DATE", str(ctx.dct.year - 1), relative=True)
    if what == "month":
        return Reading("DATE", anchor.add_months(ctx.dct, -1).isoformat()[:7], relative=True)
    if what == "week":
        return Reading("DATE", anchor.iso_week(ctx.dct - dt.timedelta(days=7)), relative=True)
    return Reading("DATE", (ctx.dct - dt.timedelta(days=1)).isoformat(), relative=True)
