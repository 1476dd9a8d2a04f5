"""Toponyms found by their written form rather than by the model: street and township
names before their suffix, the state after a legislator's party ("R-Ore."), the period of
an abbreviation, and the place of a dateline."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from warwire.geo import Gazetteer
from warwire.geo.recognise_base import (
    STOP_NAMES,
    STOP_WORDS_IN_NAMES,
    Toponym,
    _capitalised,
    _is_known,
    common_word,
)

# The Associated Press's abbreviations of the US states (AP Stylebook, "state names"; the
# eight states it never abridges have none), which reports write after a legislator's party
# ("Sen. Ann Kay, R-Calif.") as after a town
AP_STATES = frozenset(
    {
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
        "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
        "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.",
        "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.",
        "Wis.", "Wyo.", "D.C.",
    }
)  # fmt: skip
PARTY_INITIALS = frozenset({"D", "R", "I"})


def _abbreviations(spacy_doc: Any) -> tuple[list[Toponym], dict[int, Any]]:
    """In one pass over the tokens: the states of legislators' party and state after their
    names ("Sen. Ann Kay, R-Ore.", "(D-W. Va.)"), and the periods written right after a word,
    by their offsets."""
    states: list[Toponym] = []
    periods: dict[int, Any] = {}
    n = len(spacy_doc)
    for token in spacy_doc:
        text = token.text
        if text[:1] == "." and token.i > 0 and not spacy_doc[token.i - 1].whitespace_:
            periods[token.idx] = token
        elif (
            text == "-"
            and 0 < token.i < n - 1
            and not token.whitespace_
            and spacy_doc[token.i - 1].text in PARTY_INITIALS
            and not spacy_doc[token.i - 1].whitespace_
            and token.i > 1
            and spacy_doc[token.i - 2].text in {",", "("}  # "Sen. Ann Kay, R-Ore.", "(D-Pa.)"
        ):
            end = token.i + 2
            name = spacy_doc[token.i + 1].text
            if name == "W." and end < n and spacy_doc[end].text == "Va.":
                name, end = "W.Va.", end + 1  # "W. Va."
            if name in AP_STATES:
                span = spacy_doc[token.i + 1 : end]
                states.append(
                    Toponym(span.start_char, span.end_char, span.text, "place", "pattern", "STATE")
                )
    return states, periods


_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z][a-z]{0,2}")


def _with_period(toponym: Toponym, periods: dict[int, Any]) -> Toponym:
    """The toponym with the period written right after it when the period is its
    abbreviation's, not the sentence's end: the name is an initialism ("W.Va", "L.A") or no
    capital follows ("Phila. officer charged", "Elm Ave., Salem")."""
    period = periods.get(toponym.end)
    if period is None:
        return toponym
    doc = period.doc
    after = doc[period.i + 1] if period.i + 1 < len(doc) else None
    if _INITIALISM.fullmatch(toponym.text.rsplit(" ", 1)[-1]) or (
        after is not None and (after.text[:1] in {",", ";", ":", ")"} or after.text[:1].islower())
    ):
        return dataclasses.replace(toponym, end=toponym.end + 1, text=toponym.text + ".")
    return toponym


# The commonest street suffixes of USPS Publication 28 (appendix C1) and their abbreviations,
# less those that end as many organisations' names ("Way", "Court", "Square").
STREET_WORDS = frozenset(
    {
        "street", "st.", "avenue", "ave.", "road", "rd.", "drive", "boulevard", "blvd.",
        "lane", "highway", "parkway", "pike",
    }
)  # fmt: skip
# A township, the civil division of many US states' counties, and its abbreviation
TOWNSHIP_WORDS = frozenset({"township", "twp."})
DIRECTION_INITIALS = frozenset({"N.", "S.", "E.", "W.", "NE", "NW", "SE", "SW"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")


def _streets(spacy_doc: Any) -> list[tuple[Any, str]]:
    """Street and township names, with "STREET" or "TOWNSHIP": one to three capitalised
    words, ordinals ("5th"), direction initials or "St." before a street suffix ("Augusta St.",
    "N. High Street", "Old Lexington Highway") or a township's ("Clinton Township", "St. Clair
    Twp."), and a route number after a street's ("County Road 225"). A sentence's first word
    joins only when it is no common word ("The", "Police"); a capitalised word after a
    street's suffix makes it part of a longer name ("St. Paul", "Florida Highway Patrol"),
    not a street."""
    out: list[tuple[Any, str]] = []
    n = len(spacy_doc)
    for token in spacy_doc:
        label = _name_suffix(spacy_doc, token)
        if label is None:
            continue
        start = token.i
        while start > 0 and token.i - start < 3:
            word = spacy_doc[start - 1]
            if word.text == "-" and start > 1 and _capitalised(spacy_doc[start - 2]):
                start -= 2  # "Hyland-Croy Road"
                continue
            if not _street_name_word(word) or (word.is_sent_start and common_word(word.text)):
                break
            start -= 1
        end = token.i + 1
        after = spacy_doc[end] if end < n else None
        if label == "TOWNSHIP" or after is None:
            pass
        elif after.text.isdigit():
            end += 1  # "County Road 225"
        elif _capitalised(after) and after.lower_ not in STOP_NAMES:
            continue  # a longer name: "St. Paul", "Florida Highway Patrol", "Reese Road School"
        if start < token.i and (not out or out[-1][0].end <= start):
            out.append((spacy_doc[start:end], label))
    return out


def _name_suffix(spacy_doc: Any, token: Any) -> str | None:
    """The label, "STREET" or "TOWNSHIP", when the token is such a suffix: the word, or its
    abbreviation split from its period ("Ave" of "Elm Ave., Salem"; a street's only when no
    sentence ends there, as the capital after "Elm Ave. The" shows)."""
    text = token.text
    if not text[:1].isupper():
        return None
    lower = token.lower_
    if lower in STREET_WORDS:
        return "STREET"
    if lower in TOWNSHIP_WORDS:
        return "TOWNSHIP"
    i = token.i
    if i + 1 >= len(spacy_doc) or token.whitespace_ or spacy_doc[i + 1].text != ".":
        return None
    if lower + "." in TOWNSHIP_WORDS:
        return "TOWNSHIP"
    if lower + "." not in STREET_WORDS or i + 2 >= len(spacy_doc):
        return None
    after = spacy_doc[i + 2].text
    return "STREET" if after[:1] in {",", ";", ")"} or after[:1].islower() else None


def _street_name_word(word: Any) -> bool:
    if word.lower_ in STOP_WORDS_IN_NAMES:
        return False
    return (
        _capitalised(word)
        or word.text in DIRECTION_INITIALS
        or word.text == "St."  # "St. Clair Twp."
        or bool(_ORDINAL.match(word.lower_))
    )


# "ARLINGTON — The City Council...", "ROSWELL, Ga. (AP) -": a place in capitals opening the
# report or a sentence, then a dash; the small model seldom tags words in capitals.
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s))([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z ]+\)\s*)?(?:—|–|--|-)\s"
)
DATELINE_CHARS = 600
DATELINE_TOKENS = 200  # more than 600 characters hold


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the names in capitals that open a report or a sentence near its
    top before a dash ("ANTAKYA -", "ROSWELL, Ga. (AP) -"): where the report was filed."""
    return [match.span(1) for match in _DATELINE.finditer(text[:DATELINE_CHARS])]


def _datelines(spacy_doc: Any, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """Dateline places near the top of the report that the other sources missed."""
    # the head's text, not the whole document's (which spaCy would rebuild from every token)
    text = spacy_doc[: min(len(spacy_doc), DATELINE_TOKENS)].text
    out = []
    for start, end in dateline_spans(text):
        if any(t.start < end and start < t.end for t in found):
            continue
        name = text[start:end]
        if _is_known(name.title(), gazetteer, minimum=0, unknown_ok=True):
            out.append(Toponym(start, end, name, "place", "gazetteer", "DATELINE"))
    return out
