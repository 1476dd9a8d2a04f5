"""Guards of toponym recognition against people and organisations: a name the report gives a
person (a full name, a title, a person's role in the clause) or an organisation is no place,
unless the text or the gazetteer makes it one (a national capital, a well-known place)."""

from __future__ import annotations

from typing import Any

from warwire.geo import Gazetteer
from warwire.geo.recognise_base import _after_strong_locative, _area_name, _is_known, common_word

TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "col",
        "lt",
        "capt",
        "sgt",
        "judge",
        "president",
        "minister",
        "officer",
        "sheriff",
        "mayor",
    }
)
PERSON_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent"})


def _named_person(span: Any, full_names: set[str]) -> bool:
    """A one-word PERSON that is part of a full name in the report or follows a title."""
    token = span[0]
    before = token.doc[token.i - 1] if token.i > 0 else None
    title = before is not None and before.lower_.rstrip(".") in TITLES
    return token.lower_ in full_names or title or common_word(token.text)


def _in_person_role(span: Any, gazetteer: Gazetteer) -> bool:
    """A one-word name that is the subject, object or owner of its clause ("Hughes said",
    "McDonald's fines"): a role people and companies fill far more often than towns do.
    Countries and provinces fill it as often ("the UAE closed its embassy"), and a name
    after a locative verb or preposition is a place ("fighters entered Saraqib")."""
    if len(span) != 1 or span[0].dep_ not in PERSON_ROLES:
        return False
    doc, i = span.doc, span.start
    if _after_strong_locative(doc, i):
        return False  # "fighters entered Saraqib", "flights to Kyiv"
    return not (_area_name(span.text, gazetteer) or _national_capital(span.text, gazetteer))


def _persons_name(span: Any, full_names: set[str], gazetteer: Gazetteer) -> bool:
    """A one-word name the model tags a place that the report gives a person: part of a full
    name elsewhere ("Hartmann" after "Lawrence Hartmann") or after a title ("coach Ripley"),
    unless a locative word points at it ("in Erie") or it names a country or province
    ("Jordan", "Washington")."""
    return (
        len(span) == 1
        and (span[0].lower_ in full_names or _after_title(span[0]))
        and not _after_strong_locative(span.doc, span.start)
        and not _area_name(span.text, gazetteer)
    )


def _after_title(token: Any) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.lower_.rstrip(".") in TITLES


# A capital smaller than this (Bermuda's Hamilton) is more often a surname than a government
MIN_CAPITAL_POPULATION = 100_000


def _national_capital(word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word`` is the exact name of a country's capital of 100,000 people or more:
    the seat of a government, which news reports make speak and act for it ("Bishkek says",
    "Tashkent warned"), the commonest metonymy of places (Markert and Nissim 2007)."""
    if word.isupper():
        return False  # an acronym ("PTA") or a line in capitals
    return any(
        c.match == "exact"
        and c.entry.feature_code == "PPLC"
        and c.entry.population >= MIN_CAPITAL_POPULATION
        for c in gazetteer.lookup(word, fuzzy=False, limit=10)
    )


def _capital_not_person(span: Any, full_names: set[str], gazetteer: Gazetteer) -> bool:
    """A one-word PERSON name that is a national capital's and that the report gives no
    person (no full name, no title): a place in any role ("Bishkek accuses the rebels")."""
    return (
        len(span) == 1
        and not _named_person(span, full_names)
        and _national_capital(span.text, gazetteer)
    )


def _place_like_person(span: Any, full_names: set[str]) -> bool:
    """A one-word PERSON that reads as a place: not a subject, object or owner, no title
    before it, and never part of a full name in the report ("Alexandria woman charged")."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.dep_ in PERSON_ROLES or token.lower_ in full_names or common_word(token.text):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.lower_.rstrip(".") not in TITLES


ORG_WORDS = frozenset(
    {
        "university", "college", "school", "council", "party", "company", "corp", "inc",
        "bank", "police", "army", "front", "forces", "brigade", "brigades", "ministry",
        "court", "hospital", "airlines", "airways", "club", "fc", "united", "city", "county",
        "state", "department", "office", "agency", "committee", "league", "union", "group",
        "institute", "association", "times", "post", "news", "tribune", "herald", "journal",
        "daily", "radio", "tv", "television", "network", "airport", "port", "authority",
    }
)  # fmt: skip


def _in_capitals(spacy_doc: Any, i: int) -> bool:
    """Whether the word at ``i`` stands among words written all in capitals (a headline)."""
    near = [spacy_doc[k] for k in (i - 1, i + 1) if 0 <= k < len(spacy_doc)]
    return any(t.is_alpha and len(t.text) > 1 and t.text.isupper() for t in near)


def _place_like_org(span: Any, gazetteer: Gazetteer) -> bool:
    """An ORG that is only a well-known place name ("Ar-Raqqah" tagged as an organisation)."""
    if any(t.lower_ in ORG_WORDS for t in span):
        return False
    if span.text.isupper() and len(span.text) <= 4:
        # An acronym is a place only when it is a country's or region's own ("EU", "UAE").
        return _area_name(span.text, gazetteer)
    if len(span) == 1 and common_word(span.text):
        return False
    return _is_known(span.text, gazetteer, minimum=100_000)


# The honorifics written only before a person's name (Oxford Style Manual, "Forms of address")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
