"""The recognition rules: one regular expression per class of time expression.

Each rule is a name and a pattern over the raw text with named groups for the parts that the
normaliser needs. :data:`SCANNER` joins every rule, in priority order, into one compiled
alternation that visits each word start once; :data:`RULES` keeps each rule compiled alone so
that the normaliser can re-read a match with its named groups. All patterns are
case-insensitive; where case matters (``May`` the month, ``may`` the verb) the normaliser checks.
"""

from __future__ import annotations

import re

from warwire.nlp.timex.lexicon import (
    MONTHS,
    NUMBER_WORD,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SMALL_NUMBERS,
    UNITS,
    WEEKDAYS,
    alternation,
)

_M = rf"(?:{alternation(MONTHS)})(?!\w)"
_WD = rf"(?:{alternation(WEEKDAYS)})(?!\w)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)(?!\w)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d:])(?!\w)"
_UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ies)|fortnight)"
_UNITS = rf"{_UNIT}s?(?!\w)"
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|over(?!\s+the)|under(?!\s+the)|no\s+more\s+than|"
    r"no\s+less\s+than|well\s+over|barely|a\s+full|fully|a\s+mere)"
)
_EDGE = (
    r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|end-|the\s+close\s+of)"
)
_PART = r"(?:morning|afternoon|evening|night)"
_ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time)"
_CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am(?!\w)|pm(?!\w))|\d{1,2}:\d\d(?!\d)"
    r"|noon|midnight|midday)"
)
_DAYREF = rf"(?:today|yesterday|tomorrow|tonight|{_WD}|{_M}\s*{_DAY}(?:,?\s+{_YEAR})?)"
_NUM = (
    rf"(?:{NUMBER_WORD}|a|an|several|a\s+few|few|many|some|(?:a\s+)?couple\s+of|two\s+or\s+three)"
)
_HOLIDAY = (
    r"(?:christmas(?:\s+day|\s+eve)?|new\s+year'?s(?:\s+day|\s+eve)|thanksgiving(?:\s+day)?"
    r"|independence\s+day|halloween|valentine'?s\s+day|easter(?:\s+sunday)?|good\s+friday"
    r"|labor\s+day|memorial\s+day|veterans\s+day|boxing\s+day|may\s+day|election\s+day)"
)

#: (name, pattern) in priority order: at one position the first rule that matches wins.
RULE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso_date", r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    (
        "slash_date",
        r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4}|\d\d)(?![\d/])",
    ),
    (
        "clock",
        rf"(?:(?P<approx>about|around|approximately|shortly\s+after|shortly\s+before"
        rf"|just\s+after|just\s+before)\s+)?(?P<clock>{_CLOCK})(?:\s*(?P<zone>{_ZONE}))?"
        rf"(?:,?\s+(?:on\s+)?(?P<dayref>{_DAYREF}))?",
    ),
    (
        "month_day",
        rf"(?:(?P<weekday>{_WD}),?\s+)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?"
        rf"(?:(?P<edge>early|late|mid-?)\s*)?(?P<month>{_M})\s*"
        rf"(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "second_day",
        rf"(?:(?<=\d\sand\s)|(?<=\d\sor\s))(?P<day>{_DAY})",
    ),
    (
        "week_of",
        rf"the\s+week\s+of\s+(?P<date>{_M}\s*{_DAY}(?:,?\s+{_YEAR})?)",
    ),
    (
        "day_month",
        rf"(?:(?P<weekday>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_M})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "weekday_part",
        rf"(?:(?P<rel>last|this|next|this\s+coming|this\s+past|the\s+previous|the\s+following)"
        rf"\s+)?(?:(?P<edge>early|late)\s+)?(?P<weekday>{_WD})\s+(?P<part>{_PART})(?P<plural>s(?!\w))?",
    ),
    (
        "part_of_day",
        rf"(?:(?P<edge>early|late|later|earlier|mid-?)[\s-]*)?(?:(?P<rel>this|last|yesterday|tomorrow"
        rf"|the)\s+)?(?P<part>{_PART})(?:\s+(?P<after>yesterday|today|tomorrow))?"
        r"|(?P<tonight>tonight)",
    ),
    (
        "weekday_plural",
        r"(?P<weekday>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
        rf"(?:\s+(?P<part>{_PART})s?)?(?!\w)",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>last|this|next|this\s+coming|this\s+past|the\s+previous|the\s+following"
        rf"|the\s+next|on\s+the\s+previous)\s+)?(?P<weekday>{_WD})",
    ),
    (
        "holiday",
        rf"(?:(?P<rel>last|this|next)\s+)?(?P<holiday>{_HOLIDAY})(?P<week>\s+week)?(?:,?\s+(?P<year>{_YEAR}))?(?!\w)",
    ),
    (
        "quarter",
        rf"(?:the\s+)?(?:(?P<yref>this\s+year's|last\s+year's|next\s+year's|year-ago|year-earlier|{_YEAR}(?:'s)?|"
        rf"fiscal\s+{_YEAR}'s)\s+)?(?:(?P<fiscal>fiscal)[\s-]+)?(?P<ord>first|second|third|fourth"
        r"|1st|2nd|3rd|4th|last)[\s-](?:(?P<two>two)\s+)?(?:fiscal\s+)?(?:-?\s*)?(?P<unit>quarter|half)(?P<plural>s)?"
        rf"(?!\w)(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?:(?P<year>{_YEAR})|(?P<yrel>this|last|next"
        r"|the\s+previous|the\s+current)\s+(?:fiscal\s+)?year))?",
    ),
    (
        "quarter_rel",
        rf"(?:the|this|last|next|that|(?P<yref>last|this)\s+year's)\s+(?:(?P<year>{_YEAR})\s+)?(?:(?P<qrel>latest|current|past|last|previous|recent"
        r"|same|year-earlier|year-ago|comparable|most\s+recent|just-ended|coming|next|final"
        r"|preceding|prior|fiscal|corresponding)\s+)*(?P<unit>quarter|period)(?!\w)"
        r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?",
    ),
    (
        "fiscal_year",
        rf"(?:the\s+)?(?:(?P<rel>current|latest|last|past|previous|next|coming|new|this|same"
        rf"|full)\s+)?fiscal\s+year(?:\s+(?P<year>{_YEAR}))?",
    ),
    (
        "year_earlier",
        r"(?:the\s+)?(?P<what>year|month|week|day)[\s-](?:earlier|ago)(?:\s+(?P<noun>quarter|"
        r"period|nine\s+months|six\s+months|first\s+half|second\s+half|month|year|week|levels?"
        r"|figures?|results?))?(?!\w)",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<edge>early|late|mid-?)\s*)?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0|'"
        r"(?P<dec2>\d)0)(?:'s|s)(?!\w)|the\s+(?:(?P<edge2>early|late|mid-?)\s*)?(?P<tens>twenties"
        r"|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?!\w)",
    ),
    (
        "century",
        r"(?:the\s+)?(?:(?P<edge>early|late|mid-?)\s*)?(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century"
        r"|(?:the\s+)?(?P<rel>this|last|next|the\s+previous)\s+century",
    ),
    (
        "spoken_year",
        rf"(?:(?P<month>{_M})\s+(?:of\s+)?|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        r"\s+of\s+)?(?:the\s+year\s+)?(?:nineteen[\s-](?P<tail>(?:twenty|thirty|forty|fifty|sixty|seventy"
        r"|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven"
        r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?!\w)"
        r"|(?P<y2k>two\s+thousand)(?:\s+and\s+(?P<y2ktail>one|two|three|four|five|six|seven"
        r"|eight|nine|ten))?(?!\w))",
    ),
    (
        "season",
        rf"(?:(?P<edge>early|late|mid-?)\s*)?(?:(?P<rel>last|this|next|this\s+past|the|that"
        rf"|this\s+coming)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?!\w)(?:\s+(?:of\s+)?"
        rf"(?P<year>{_YEAR}))?",
    ),
    (
        "month_year",
        rf"(?:(?P<edge>{_EDGE})\s*)?(?P<month>{_M}),?\s+(?:of\s+)?(?:(?P<year>{_YEAR})|"
        r"(?P<yrel>this|last|next)\s+year(?!\w))",
    ),
    (
        "month",
        rf"(?:(?P<edge>{_EDGE})[\s-]*)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?"
        rf"(?P<month>{_M})",
    ),
    (
        "ago",
        rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?P<num>{_NUM})[\s-]+)?(?P<unit>{_UNITS})\s+"
        r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)(?!\w)",
    ),
    (
        "rel_unit",
        rf"(?:(?P<edge>earlier|later|early|late|mid-?|{_EDGE})\s*)?(?P<rel>last|this|next|this\s+"
        r"past|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+following|the\s+same"
        r"|the\s+latest|the\s+last|the\s+next|current|that|the\s+prior|the\s+preceding)\s+"
        r"(?P<unit>week|weekend|month|year|decade|century)(?!\w)",
    ),
    (
        "the_unit",
        rf"(?:(?P<edge>earlier|later|early|late|{_EDGE})\s+)?(?P<the>the\s+full|the\s+whole|the"
        r"\s+entire|the|that)\s+(?P<unit>weekend|year"
        r"|day|week|month)(?!\w)",
    ),
    (
        "year_edge",
        rf"(?:(?P<edge>{_EDGE})\s*)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?"
        rf"(?P<year>{_YEAR})(?:\s*-\s*(?P<year2>{_YEAR}))?",
    ),
    (
        "set",
        r"(?:every|each|per)\s+(?:(?P<num>other|\w+)\s+)??(?P<unit>day|week|month|year|quarter"
        rf"|morning|afternoon|evening|night|weekend|decade|{_WD}|{_M}|hour|minute)(?!\w)"
        r"|(?P<adverb>daily|weekly|monthly|yearly|hourly|nightly|biweekly"
        r"|semiannually|bimonthly)(?!\w)",
    ),
    (
        "duration",
        rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?:the|a|an|another)\s+)?(?:(?P<rel>past|last|next"
        r"|first|coming|previous|remaining|final|latest|following|preceding|initial|prior"
        r"|ensuing|succeeding|intervening|better\s+part\s+of\s+the|same|full)\s+)?(?:(?P<num>"
        rf"{_NUM})(?:\s+(?:to|or)\s+{_NUM})?[\s-]+)?(?:(?P<more>more|additional|extra|further|straight|consecutive"
        rf"|trading|business|full|long|calendar)[\s-]+)?(?P<unit>{_UNITS})(?!-\w)(?:[\s-]long)?"
        r"(?P<half>\s+and\s+a\s+half)?(?![\s-]+old(?!\w))",
    ),
    (
        "ref",
        r"(?P<word>right\s+now|now|today|yesterday|tomorrow|currently|current|recently|recent"
        r"|the\s+(?:near|distant|foreseeable)\s+future|the\s+(?:near|short)\s+term"
        r"|the\s+future|the\s+past|these\s+days|nowadays|at\s+present"
        r"|presently|formerly|lately|in\s+the\s+meantime|meantime|the\s+time\s+being|once"
        r"|an?\s+(?:later|future)\s+date|as\s+soon\s+as\s+possible)(?!\w)"
        r"(?:\s+(?P<noun>years|months|weeks|days|decades|times|quarters))?",
    ),
    (
        "a_while",
        r"(?:a|some|quite\s+a)\s+(?:long\s+|short\s+)?while(?!\w)",
    ),
)


def _strip_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


RULES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE) for name, pattern in RULE_PATTERNS
}
SCANNER = re.compile(
    r"(?<![\w$£€.-])(?=[\w'])(?:"
    + "|".join(f"(?P<{name}>{_strip_names(pattern)})" for name, pattern in RULE_PATTERNS)
    + ")",
    re.IGNORECASE,
)

#: Every rule's match holds one of these words or a number, reached from its first word by a
#: run of :data:`STARTERS`, so the scanner need only try word starts inside such runs.
TRIGGERS = frozenset(
    {word.rstrip(".") for word in (*MONTHS, *WEEKDAYS, *SEASONS, *PARTS_OF_DAY)}
    | {f"{day}s" for day in WEEKDAYS if not day.endswith(".")}
    | set(UNITS)
    | {f"{unit}s" for unit in UNITS}
    | {"centuries", "period", "half", "while", "tonight", "noon", "midnight", "midday", "now"}
    | {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
    | {"today", "yesterday", "tomorrow", "currently", "current", "recently", "recent", "future"}
    | {"past", "previously", "nowadays", "presently", "present", "formerly", "lately", "term"}
    | {"daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly", "bimonthly"}
    | {"semiannually", "christmas", "thanksgiving", "halloween", "easter", "valentine"}
    | {"independence", "labor", "memorial", "veterans", "boxing", "years", "nineteen", "thousand"}
    | {"election", "date", "possible"}
    | {"eve", "fiscal", "fy", "meantime", "being", "once", "days", "a.m", "p.m", "am", "pm"}
)
#: the words a match can begin with: a candidate start must be one of these or a trigger
STARTERS = TRIGGERS | frozenset(
    {word for word in SMALL_NUMBERS if " " not in word}
    | set(ORDINALS)
    | {"the", "a", "an", "about", "around", "approximately", "roughly", "nearly", "almost"}
    | {"some", "more", "less", "fewer", "at", "up", "over", "under", "no", "well", "barely"}
    | {"full", "fully", "mere", "early", "late", "later", "earlier", "mid", "end", "last", "fy"}
    | {"this", "next", "that", "these", "right", "every", "each", "per", "shortly"}
    | {"just", "several", "few", "many", "quite", "another", "coming", "following"}
    | {"previous", "thousand", "year", "month", "week", "day", "only"}
    | {"hundred", "dozen", "couple", "other", "same", "whole", "entire", "as", "soon"}
)
#: joining words that may sit between a starter and its trigger ("at least the", "the end of")
CONNECTORS = frozenset({"least", "than", "most", "to", "of", "and", "beginning", "middle", "start"})
CONNECTORS = CONNECTORS | {"close", "or", "so", "half", "quarter", "latest", "current", "recent"}
CONNECTORS = CONNECTORS | {"time", "foreseeable", "near", "short", "distant", "additional", "extra"}
CONNECTORS = CONNECTORS | {"corresponding", "comparable", "trading", "calendar", "business", "long"}
CONNECTORS = CONNECTORS | {"straight", "consecutive", "further", "ago", "earlier", "prior", "most"}
CONNECTORS = CONNECTORS | {"preceding", "remaining", "final", "initial", "fiscal", "year", "better"}
CONNECTORS = CONNECTORS | {"part", "just-ended", "succeeding", "ensuing", "intervening"}
#: every piece (between punctuation) of a starter, connector or trigger: a match lies inside a
#: run of up to five such words ending in a trigger, which the recogniser looks for in one pass
CHAINABLE = frozenset(
    piece for word in STARTERS | CONNECTORS | TRIGGERS for piece in re.findall(r"[\w']+", word)
)
#: every word start: what a full scan would try (the tests check the runs against it)
WORD_START = re.compile(r"(?<![\w'$£€.-])(?=[\w'])")
