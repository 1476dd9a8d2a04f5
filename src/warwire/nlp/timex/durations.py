"""Normalisers for durations ("for three months", "a 6-year-old") and sets ("every Friday").

Durations and sets are recognised as such and are never dates: their TimeML values are ISO 8601
durations (``P3M``, ``PT2H``, ``PXY`` when the amount is vague) and recurrence patterns
(``XXXX-WXX-5``, ``P1D``), and they carry no :class:`~warwire.models.TimeValue`.
"""

from __future__ import annotations

import re

from warwire.nlp.timex.lexicon import MONTHS, TIME_UNITS, WEEKDAYS, number_value
from warwire.nlp.timex.normalise import Context, Reading, words
from warwire.nlp.timex.relative import unit_of

_DESIGNATOR = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "fortnight": "W",
}  # fmt: skip
_SMALLER = {"year": ("month", 12), "hour": ("minute", 60), "day": ("hour", 24),
            "minute": ("second", 60), "month": ("day", 30), "week": ("day", 7)}  # fmt: skip
_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "well over": "MORE_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "bimonthly": "P2M", "yearly": "P1Y",
    "semiannually": "P6M", "hourly": "PT1H",
}  # fmt: skip


def duration_value(n: float | None, unit: str) -> str:
    """``P3M``, ``PT2H``, ``P2Y6M`` for 2.5 years, ``PXY`` when ``n`` is None."""
    prefix = "PT" if unit in TIME_UNITS else "P"
    if unit == "decade" and n is not None:
        n, unit = n * 10, "year"
    elif unit == "century" and n is not None:
        n, unit = n * 100, "year"
    designator = _DESIGNATOR[unit]
    if unit == "decade":
        designator = "E"
    elif unit == "century":
        designator = "C"
    if n is None:
        return f"{prefix}X{designator}"
    whole = int(n)
    rest = n - whole
    if rest and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        extra = round(rest * factor)
        small_prefix = "T" if smaller in TIME_UNITS and prefix == "P" else ""
        head = f"{prefix}{whole}{designator}" if whole else prefix
        return f"{head}{small_prefix}{extra}{_DESIGNATOR[smaller]}"
    return f"{prefix}{whole}{designator}"


def _amount(text: str | None) -> float | None:
    if not text:
        return None
    key = words(text)
    half = key.endswith("1/2")
    key = key.removesuffix("1/2").strip()
    if key in {"two or three"}:
        return 2
    try:
        value: float | None = float(key) if re.fullmatch(r"\d+(?:\.\d+)?", key) else None
    except ValueError:
        value = None
    if value is None:
        whole = number_value(key)
        value = float(whole) if whole is not None else None
    if value is not None and half:
        value += 0.5
    return value


def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    plural = m["unit"].lower().endswith("s") and unit != m["unit"].lower()
    num = words(m["num"])
    rel = words(m["rel"])
    span = words(ctx.text[ctx.start : ctx.end])
    n = _amount(num)
    if n is not None and m["half"]:
        n += 0.5
    if num and n is None and num not in {"several", "a few", "few", "many", "some"}:
        return None
    if not num and not plural and span.startswith(("a ", "an ")):
        n = 1.5 if m["half"] else 1  # "a minute and a half"
        before = ctx.before(12)
        if unit in {"year", "month", "week", "day"} and re.search(
            r"(?:\d|%|million|billion)\s*$", before
        ):
            return Reading("SET", duration_value(1, unit))
    elif not num:
        bare = {"year", "week", "day", "century"}  # "for years", "for centuries"
        if plural and not rel and (span.startswith("the ") or unit not in bare):
            return None
        if not plural and not rel:
            return None
        if not plural and rel and not span.startswith(("the", "a ", "an ")):
            return None
        if not plural and rel:
            n = 1
    elif num in {"a", "an"} and plural:
        return None
    value = duration_value(n, unit)
    mod = _MODS.get(words(m["approx"])) if m["approx"] else None
    if unit == "weekend":
        return None
    article = span.startswith(("a ", "an ")) and not num
    if unit == "quarter" and (
        num in {"a", "an", "one"} or article or "-" in span or ctx.after(4).startswith(" of")
    ):
        return None
    if unit == "second" and (num in {"a", "an"} or article):
        return None
    return Reading("DURATION", value, mod)


def a_while(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DURATION", "PXX")


def set_(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["adverb"]:
        return Reading("SET", _ADVERBS[m["adverb"].lower()])
    unit = m["unit"]
    key = unit.lower()
    num = words(m["num"])
    every = 2 if num == "other" else (number_value(num) if num else 1)
    if every is None:
        return None
    if key in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[key]}")
    if key in MONTHS and unit[:1].isupper():
        return Reading("SET", f"XXXX-{MONTHS[key]:02d}")
    if key in {"morning", "afternoon", "evening", "night"}:
        return Reading("SET", f"TXX{key[:2].upper() if key != 'night' else 'NI'}")
    if key == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    if key in _DESIGNATOR:
        return Reading("SET", duration_value(every, key))
    return None


def weekday_plural(m: re.Match[str], ctx: Context) -> Reading | None:
    day = WEEKDAYS[m["weekday"].lower()[:-1]]
    part = words(m["part"])
    suffix = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(part, "")
    return Reading("SET", f"XXXX-WXX-{day}{suffix}")
