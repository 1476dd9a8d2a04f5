"""Toponym recognition: which spans of a report name places, and which name a country's people.

Two sources of spans, merged without overlaps:

1. spaCy's entities: GPE, LOC and FAC are places; NORP entities that are demonyms ("Iraqi",
   "Syrians") become *demonym* toponyms linked to their country, a separate kind from the place
   where something happened. PERSON and ORG entities are taken as places only where the text
   itself says so: a locative preposition before them ("fled to Raqqa") and a gazetteer match.
2. Gazetteer phrase matching for what the model misses: runs of capitalised tokens whose loose
   key is a gazetteer name. Guards against false positives: proper-noun tags or a locative
   preposition, no lower-case matches, no sentence-initial common words, no month or weekday
   names, and a minimum importance for places found only this way.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from warwire.geo import Gazetteer, demonym_country, demonym_region, loose_key

ToponymKind = Literal["place", "demonym"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels the small model gives some town names ("in Manbij" as PRODUCT): taken as
# places only after a locative word and when the gazetteer knows the name.
MISREAD_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
LOCATIVE = frozenset(
    {
        "in", "near", "at", "from", "to", "into", "outside", "around", "towards", "toward",
        "across", "through", "inside", "within", "via", "between", "of", "and", "onto",
        "besieged", "captured", "seized", "entered", "reached", "attacked", "shelled",
        "retook", "recaptured", "bombed", "stormed", "overran", "took", "fled", "left",
        "visited", "evacuated", "surrounded", "liberated", "encircled", "abandoned", "held",
        "controlled", "controls", "hit", "struck", "targeted", "approached", "bypassed",
        "besieging", "shelling", "bombing", "beyond", "northern", "southern",
        "eastern", "western",
    }
)  # fmt: skip
STOP_NAMES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "god", "allah", "president", "minister", "general",
        "colonel", "army", "police", "state", "city", "province", "government", "north",
        "south", "east", "west", "central", "new", "old", "mr", "mrs", "ms", "dr", "st",
        "mount", "lake", "river", "university", "hospital", "street", "road", "bridge",
        "council", "court", "party", "news", "times", "post", "press", "reuters", "afp",
        "ap", "bbc", "cnn", "i", "a", "an", "the", "of", "it", "he", "she", "we", "they",
        "this", "that", "there", "here", "said", "says", "will", "after", "before", "during",
        "since", "when", "while", "but", "and", "or", "if", "as", "on", "in", "at", "by",
        "for", "with", "from", "about", "into", "over", "under", "up", "down", "out",
        "islamic", "christian", "muslim", "jewish", "sunni", "shia", "shiite",
    }
)  # fmt: skip
CONNECTORS = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "an",
        "ash",
        "ez",
        "es",
        "of",
        "de",
        "du",
        "la",
        "le",
        "-",
        "'",
        "’",
        "bin",
        "ibn",
        "abu",
        "umm",
    }
)
# locative words that join the parts of a name as often as they point at a place
WEAK_LOCATIVE = frozenset({"of", "and"})
ARTICLES = frozenset({"the", "a", "an"})
# capitalised words that open a phrase rather than belong to a street's name
STOP_WORDS_IN_NAMES = ARTICLES | frozenset({"on", "in", "at", "of", "and", "to", "from", "near"})
MIN_PHRASE_POPULATION = 5_000
COMMON_ZIPF = 4.3
MAX_TOKENS = 5


@dataclass(frozen=True)
class Toponym:
    """A span that names a place (``kind='place'``) or a country's people (``'demonym'``)."""

    start: int
    end: int
    text: str
    kind: ToponymKind
    source: Literal["ner", "gazetteer", "pattern"]
    label: str
    country_code: str | None = None


def find_toponyms(spacy_doc: Any, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms in a parsed document, in text order, without overlaps."""
    found: list[Toponym] = []
    taken: set[int] = set()  # token indices already part of a toponym or another entity

    def add(top: Toponym, tokens: Iterable[int]) -> None:
        found.append(top)
        taken.update(tokens)

    maybe_places: list[Any] = []  # PERSON and ORG names read so, unless named as places
    deferred: list[tuple[Any, str]] = []  # PERSON and ORG names the context may make places
    ents = spacy_doc.ents  # spaCy builds the tuple on every access
    full_names = {
        token.lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent
    }
    # names the model tags places after a locative word somewhere in the report ("in Logan")
    located = {
        ent.text
        for ent in ents
        if ent.label_ in PLACE_LABELS and _after_strong_locative(spacy_doc, ent.start)
    }
    for street, label in _streets(spacy_doc):
        add(
            Toponym(street.start_char, street.end_char, street.text, "place", "pattern", label),
            range(street.start, street.end),
        )
    for ent in ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # part of a street's name ("Wichita" of "Wichita Drive")
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ in PLACE_LABELS or ent.label_ in {"PERSON", "ORG", "NORP"}:
            span = _extend(span, gazetteer)
        if ent.label_ in PLACE_LABELS:
            name = _without_lower_tail(span)
            if name is None:
                taken.update(range(span.start, span.end))
                continue
            span = _without_institution(name, gazetteer)
        indices = range(span.start, span.end)
        if ent.label_ in PLACE_LABELS:
            if _plausible_place(spacy_doc, span, ent.label_, gazetteer) and not (
                ent.label_ != "FAC"
                and span.text not in located
                and _persons_name(span, full_names, gazetteer)
            ):
                add(
                    Toponym(span.start_char, span.end_char, span.text, "place", "ner", ent.label_),
                    indices,
                )
            else:
                taken.update(indices)
        elif ent.label_ in {"NORP", "LANGUAGE"}:
            country = demonym_country(span.text)
            if country or demonym_region(span.text):
                add(
                    Toponym(
                        span.start_char,
                        span.end_char,
                        span.text,
                        "demonym",
                        "ner",
                        ent.label_,
                        country,
                    ),
                    indices,
                )
            elif _after_locative(spacy_doc, span.start) and _is_known(
                span.text, gazetteer, minimum=1_000, unknown_ok=True
            ):  # "in Aleppo", which the small model tags NORP
                add(
                    Toponym(span.start_char, span.end_char, span.text, "place", "ner", ent.label_),
                    indices,
                )
            else:
                taken.update(indices)
        elif (
            ent.label_ == "PERSON"
            and len(span) == 1
            and not _name_after_locative(spacy_doc, span.start)
            and not _place_like_person(span, full_names)
            and not _capital_not_person(span, full_names, gazetteer)
        ):
            if not _named_person(span, full_names):
                maybe_places.append(span)
                deferred.append((span, ent.label_))
            taken.update(indices)
        elif (
            ent.label_ in {"PERSON", "ORG"}
            and not _in_person_role(span, gazetteer)
            and (
                _name_after_locative(spacy_doc, span.start)
                or (ent.label_ == "PERSON" and _place_like_person(span, full_names))
                or (ent.label_ == "PERSON" and _capital_not_person(span, full_names, gazetteer))
                or (ent.label_ == "ORG" and _place_like_org(span, gazetteer))
            )
        ):
            locative = _name_after_locative(spacy_doc, span.start)
            if _is_known(
                span.text,
                gazetteer,
                minimum=1_000 if locative else MIN_PHRASE_POPULATION,
                unknown_ok=locative,
            ):
                add(
                    Toponym(span.start_char, span.end_char, span.text, "place", "ner", ent.label_),
                    indices,
                )
            else:
                if ent.label_ == "PERSON":
                    maybe_places.append(span)
                deferred.append((span, ent.label_))
                taken.update(indices)
        elif (
            ent.label_ in MISREAD_LABELS
            and _after_locative(spacy_doc, span.start)
            and _is_known(span.text, gazetteer, minimum=1_000, unknown_ok=True)
        ):  # "in Manbij", which the small model tags PRODUCT
            add(
                Toponym(span.start_char, span.end_char, span.text, "place", "ner", ent.label_),
                indices,
            )
        else:
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _in_person_role(span, gazetteer)):
                maybe_places.append(span)
            if ent.label_ in {"PERSON", "ORG"}:
                deferred.append((span, ent.label_))
            taken.update(indices)

    # One sense per discourse: a one-word name the report uses as a place elsewhere is a place
    # here too ("Palmyra's ruins" in a headline, "the site of Palmyra" in the text).
    named_places = {t.text for t in found if t.kind == "place"}
    for span in maybe_places:
        if span.text in named_places:
            found.append(
                Toponym(span.start_char, span.end_char, span.text, "place", "ner", "PERSON")
            )
    found.extend(_in_place_context(spacy_doc, gazetteer, deferred, found, full_names))
    found.extend(_embedded_toponyms(spacy_doc, ents, gazetteer, found, full_names))
    found.extend(_datelines(spacy_doc, gazetteer, found))
    people = {
        token.lower_
        for ent in ents
        if ent.label_ in {"PERSON", "ORG"}
        for token in ent
        if _capitalised(token)
    }
    # a capital's name the report gives no person names its government ("Bishkek urges talks")
    people -= {word for word in people - full_names if _national_capital(word.title(), gazetteer)}
    found.extend(_phrase_matches(spacy_doc, gazetteer, taken, people))
    states, periods = _abbreviations(spacy_doc)
    found.extend(states)
    found.sort(key=lambda t: (t.start, -t.end))
    return [_with_period(t, periods) for t in _without_overlaps(found)]


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


# Nouns for a settlement or a part of one: a name they govern or stand beside is a place
# ("towns such as X", "villages, including X", "the X district", "the town of X").
SETTLEMENT_NOUNS = frozenset(
    {
        "town", "towns", "village", "villages", "city", "cities", "district", "districts",
        "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "suburb",
        "suburbs", "quarter", "junction", "crossroads", "area", "areas", "region", "regions",
        "province", "provinces", "governorate", "countries", "country", "municipality",
        "settlement", "settlements", "hamlet", "locality", "localities", "commune",
    }
)  # fmt: skip

# nouns that end a name of their own ("Kansas City", "Basque Country"), not only stand beside one
NAME_PART_NOUNS = frozenset({"city", "cities", "country", "countries"})


def _in_place_context(
    spacy_doc: Any,
    gazetteer: Gazetteer,
    deferred: list[tuple[Any, str]],
    found: list[Toponym],
    full_names: set[str],
) -> list[Toponym]:
    """PERSON and ORG names that their context makes places, when the gazetteer knows them:
    a name coordinated with places ("Mali, Burkina Faso and Niger"), a name a settlement noun
    governs or stands beside ("towns such as X", "villages, including X", "the X district"),
    and a country's exact name of several words ("Burkina Faso" tagged PERSON)."""
    place_tokens: set[int] = set()  # places named so, not people read as places
    for top in found:
        if top.kind == "place" and top.label != "PERSON":
            span = spacy_doc.char_span(top.start, top.end, alignment_mode="expand")
            if span is not None:
                place_tokens.update(range(span.start, span.end))
    added = {(t.start, t.end) for t in found}
    out: list[Toponym] = []
    pending = [(s, lab) for s, lab in deferred if (s.start_char, s.end_char) not in added]
    changed = True
    while changed and pending:
        changed = False
        rest = []
        for span, label in pending:
            if _context_place(span, label, gazetteer, place_tokens, full_names):
                out.append(
                    Toponym(span.start_char, span.end_char, span.text, "place", "ner", label)
                )
                place_tokens.update(range(span.start, span.end))
                changed = True
            else:
                rest.append((span, label))
        pending = rest
    return out


def _context_place(
    span: Any, label: str, gazetteer: Gazetteer, place_tokens: set[int], full_names: set[str]
) -> bool:
    if not all(_capitalised(t) or t.lower_ in CONNECTORS or t.text == "-" for t in span):
        return False
    if len(span) == 1 and (common_word(span.text) or span.text.isupper()):
        return False
    if label == "PERSON" and len(span) == 1 and _named_person(span, full_names):
        return False
    if len(span) > 1 and any(
        c.match == "exact" and c.entry.feature == "country"
        for c in gazetteer.lookup(span.text, fuzzy=False, limit=5)
    ):
        return True  # "Burkina Faso", "Sierra Leone" tagged PERSON
    if _settlement_context(span):
        return _is_known(span.text, gazetteer, minimum=0, unknown_ok=True)
    if _coordinated(span, place_tokens):
        return _is_known(span.text, gazetteer, minimum=1_000, unknown_ok=False)
    return False


def _coordinated(span: Any, place_tokens: set[int]) -> bool:
    """Whether ``span`` is a conjunct of a place in a list ("Mali, X and Niger")."""
    root = span.root
    if root.dep_ == "conj" and root.head.i in place_tokens:
        return True
    return any(c.dep_ == "conj" and c.i in place_tokens for c in root.children)


def _settlement_context(span: Any) -> bool:
    """Whether a settlement noun governs ``span`` or stands beside it."""
    root = span.root
    while root.dep_ == "conj":  # "towns such as X and Y"
        root = root.head
    head = root.head
    if root.dep_ == "compound" and head.lower_ in SETTLEMENT_NOUNS - NAME_PART_NOUNS:
        return True  # "the X district", "the busy X junction"
    if root.dep_ == "appos" and head.lower_ in SETTLEMENT_NOUNS:
        return True  # "the town, X,"
    if root.dep_ == "pobj":
        prep = head
        if prep.lower_ == "of" and prep.head.lower_ in SETTLEMENT_NOUNS:
            return True  # "the town of X"
        if prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children):
            return prep.head.lower_ in SETTLEMENT_NOUNS  # "towns such as X"
        if prep.lower_ in {"including", "like"}:
            near = [prep.head, *[c for c in prep.head.children if c.dep_ == "prep"]]
            nouns = [prep.head] + [g for p in near for g in p.children if g.dep_ == "pobj"]
            return any(n.lower_ in SETTLEMENT_NOUNS for n in nouns)  # "villages, including X"
    return False


EMBEDDING_LABELS = frozenset({"ORG"})
EMBEDDED_FEATURES = frozenset({"country", "admin1", "continent"})
GENERIC_AREA_WORDS = STOP_NAMES | frozenset(
    {
        "centre", "center", "middle", "northern", "southern", "eastern", "western", "capital",
        "coast", "pan", "island", "islands", "highlands", "lakes", "national", "federal",
        "union", "forest", "forests", "park", "valley", "bay", "mountain", "mountains", "hills",
        "desert", "canyon", "harbor", "harbour", "beach", "springs",
    }
)  # fmt: skip


def _embedded_toponyms(
    spacy_doc: Any, ents: Any, gazetteer: Gazetteer, found: list[Toponym], full_names: set[str]
) -> list[Toponym]:
    """Countries, states and provinces named inside an organisation's name ("the Texas
    Department of Health", "Ohio Supreme Court", "University of Georgia", "U.S. Census"), and
    the demonym that opens one ("American Farm Bureau"): the gold corpora count these as
    toponyms (GeoWebNews' embedded types), and they tell where the report is."""
    kept = [(t.start, t.end) for t in found]
    # a town the report names as a place elsewhere is that place inside a name too
    # ("Dublin City Council" in a report about Dublin, Ohio)
    named = {t.text for t in found if t.kind == "place" and t.label in PLACE_LABELS}
    out: list[Toponym] = []
    for ent in ents:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in kept):
            continue
        span = _trim(ent)
        if span is None:
            continue
        i = span.start
        opening = _serving_place(span, gazetteer, full_names, named)
        if opening is not None:
            out.append(
                Toponym(
                    opening.start_char, opening.end_char, opening.text, "place", "gazetteer", "EMB"
                )
            )
            i = opening.end
        while i < span.end:
            token = spacy_doc[i]
            if not token.text[:1].isupper():
                i += 1
                continue
            hit = None
            for j in range(min(span.end, i + 3), i, -1):
                if j - i == len(span):
                    continue  # the whole name is the organisation's, not a place's
                words = spacy_doc[i:j]
                if not words[-1].text[:1].isupper():
                    continue
                if words.text not in named and _cut_short(words, gazetteer):
                    continue
                if len(words) == 1 and token.lower_ in GENERIC_AREA_WORDS:
                    continue  # "West", "Centre", "Southern": a division's name, but a word
                if words.text in named or (
                    gazetteer.has_key(loose_key(words.text))
                    and any(
                        c.match == "exact"
                        and (
                            c.entry.feature in EMBEDDED_FEATURES
                            or (c.entry.feature == "admin2" and len(words) > 1)  # "Laurel County"
                        )
                        for c in gazetteer.lookup(words.text, fuzzy=False, limit=5)
                    )
                ):
                    hit = Toponym(
                        words.start_char, words.end_char, words.text, "place", "gazetteer", "EMB"
                    )
                    break
            if hit is None and i == span.start:
                country = demonym_country(token.text)
                if country:
                    hit = Toponym(
                        token.idx,
                        token.idx + len(token.text),
                        token.text,
                        "demonym",
                        "ner",
                        "EMB",
                        country,
                    )
            if hit is not None:
                out.append(hit)
                i = spacy_doc.char_span(hit.start, hit.end).end
            else:
                i += 1
    return out


# A public body is named after the town or county it serves ("Tempe Police Department",
# "Lorain County Council", "Yuma Public Library"): the nouns of local government and public
# services (US Census of Governments' types, UK local authorities), and the words that qualify
# them ("City Council", "High School", "Superior Court"). Nouns in SERVING_NOUNS_ALONE
# follow the place directly; the rest need a qualifier ("Elm Court" is a street, "Emerson
# School" a person's).
SERVING_NOUNS_ALONE = frozenset(
    {
        "police", "sheriff", "council", "commission", "board", "schools", "library",
        "hospital", "chamber", "selectmen", "aldermen",
    }
)  # fmt: skip
SERVING_NOUNS = SERVING_NOUNS_ALONE | {"school", "court", "hall", "department", "district"}
SERVING_QUALIFIERS = frozenset(
    {
        "city", "town", "county", "borough", "village", "township", "parish", "public", "high",
        "community", "general", "regional", "metropolitan", "municipal", "superior", "district",
        "circuit", "fire", "police", "school", "unified", "area",
    }
)  # fmt: skip


def _serving_place(span: Any, gazetteer: Gazetteer, full_names: set[str], named: set[str]) -> Any:
    """The town, county, state or country that opens an organisation's name before the
    noun of a public body ("Tempe" of "Tempe Police Department"), or None. A name the
    report gives a person ("Hale High School" after "John Hale") or a common word ("Superior
    Court") is none. A county keeps its word ("Lorain County" of "Lorain County Court");
    "City" before the body's noun belongs to the body ("Salem" of "Salem City Council") when the
    shorter name is a town at least as large, unless the report names "X City" itself."""
    for k in range(min(3, len(span) - 1), 0, -1):
        name = span[:k]
        if not all(t.text[:1].isupper() for t in name) or not _serves(span[k:]):
            continue
        if any(t.lower_ in full_names for t in name):
            return None
        if k == 1 and (common_word(name.text) or name.text.isupper()):
            return None
        matches = _serving_matches(name.text, gazetteer)
        if not matches:
            continue
        if span[k].lower_ in {"county", "parish"} and _serving_matches(
            span[: k + 1].text, gazetteer
        ):
            return span[: k + 1]  # "Lorain County" of "Lorain County Court"
        if k > 1 and name[-1].lower_ == "city" and name.text not in named:
            shorter = [e.population for e in _serving_matches(name[:-1].text, gazetteer)]
            if shorter and max(shorter) >= max(e.population for e in matches):
                return name[:-1]
        return name
    return None


def _serving_matches(text: str, gazetteer: Gazetteer) -> list[Any]:
    if not gazetteer.has_key(loose_key(text)):
        return []
    return [
        c.entry
        for c in gazetteer.lookup(text, fuzzy=False, limit=10)
        if c.match == "exact" and c.entry.feature in SERVING_FEATURES
    ]


SERVING_FEATURES = frozenset({"city", "admin2", "admin1", "country"})


def _serves(words: Any) -> bool:
    """Whether ``words`` open with the noun of a public body, after its qualifiers."""
    for n, token in enumerate(words):
        word = token.lower_
        if word in SERVING_NOUNS and (n > 0 or word in SERVING_NOUNS_ALONE):
            return True
        if word not in SERVING_QUALIFIERS:
            return False
    return False


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


def _cut_short(words: Any, gazetteer: Gazetteer) -> bool:
    """Whether ``words`` begin a longer place name ("Mexico" of "Mexico City")."""
    doc, end = words.doc, words.end
    return (
        end < len(doc)
        and doc[end].text[:1].isupper()
        and any(
            c.match == "exact"
            for c in gazetteer.lookup(doc[words.start : end + 1].text, fuzzy=False, limit=3)
        )
    )


def _trim(span: Any) -> Any:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ARTICLES:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _without_lower_tail(span: Any) -> Any:
    """A place's name without the lower-case words the model let end it ("Ridley beach",
    "St. Kitts and", "Kerman province"): a name ends at its last capitalised word. None when
    no name is left, or only a generic word ("City" of "City of")."""
    end = span.end
    doc = span.doc
    while end > span.start and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1
    if end == span.end:
        return span
    if end == span.start or doc[span.start].is_lower:
        return None
    if end - span.start == 1 and doc[span.start].lower_ in GENERIC_AREA_WORDS | {"village"}:
        return None
    return doc[span.start : end]


def _extend(span: Any, gazetteer: Gazetteer) -> Any:
    """The longest gazetteer name that grows ``span`` by a few tokens on either side.

    spaCy often cuts transliterated names: "Dayr" of "Dayr az-Zawr", "Tal" of "Tal Abyad".
    """
    doc = span.doc
    best = span
    for left in range(0, 3):
        start = span.start - left
        if start < 0 or (left and not _joinable(doc[start])):
            break
        if doc[start].lower_ in ARTICLES:
            break  # "The UAE" opening a sentence: the article is no part of the name
        for right in range(0, 4):
            end = span.end + right
            if end > len(doc) or (right and not _joinable(doc[end - 1])):
                break
            if (left or right) and _capitalised(doc[end - 1]) and _capitalised(doc[start]):
                candidate = doc[start:end]
                if len(candidate) > len(best) and gazetteer.has_key(loose_key(candidate.text)):
                    best = candidate
    return best


# Words that open an institution's or a building's name after its place ("Henry County
# Courthouse", "Paris City Hall", "Vancouver International Airport")
INSTITUTION_WORDS = frozenset(
    {
        "court", "courthouse", "jail", "police", "sheriff", "sheriff's", "office", "hall",
        "airport", "international", "high", "school", "council", "department", "hospital",
        "library", "university", "college", "church", "fire", "city",
    }
)  # fmt: skip


def _without_institution(span: Any, gazetteer: Gazetteer) -> Any:
    """The place that opens an institution's name the model tags as a place ("Henry County"
    of "Henry County Courthouse"), or ``span`` itself."""
    if len(span) < 2 or gazetteer.has_key(loose_key(span.text)):
        return span
    for k in range(len(span) - 1, 0, -1):
        if (
            span[k].lower_ in INSTITUTION_WORDS
            and not (k == 1 and span[0].lower_ in GENERIC_AREA_WORDS)  # "City Hall"
            and gazetteer.has_key(loose_key(span[:k].text))
        ):
            return span[:k]
    return span


def _joinable(token: Any) -> bool:
    """A token that may continue a place name: capitalised, an article, or a hyphen."""
    return _capitalised(token) or token.lower_ in CONNECTORS or token.text in {"-", "'", "’"}


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


def _area_name(word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word`` is the exact name of a country, continent or province ("EU", "Ohio")."""
    return any(
        c.entry.feature in {"country", "continent", "macro_region", "admin1"}
        for c in gazetteer.lookup(word, fuzzy=False, limit=5)
        if c.match == "exact"
    )


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


def _plausible_place(spacy_doc: Any, span: Any, label: str, gazetteer: Gazetteer) -> bool:
    """Whether an entity the model labels GPE, LOC or FAC is worth keeping as a toponym.

    Names the gazetteer knows are kept. Of the rest, facilities ("City Hall", "County Road")
    are kept only after a locative word, and a one-word GPE or LOC the gazetteer has never
    heard of ("Titan", "Petrojet") only after a locative word or when it looks like a place
    name ("...ville", "...stan"); longer unknown names are kept as unresolved places.
    """
    if len(span) > 1 and span[0].lower_.rstrip(".") in HONORIFICS:
        return False  # "Ms Okafor", a person's name the model tags a place
    if gazetteer.has_key(loose_key(span.text)):
        return True
    locative = _after_locative(spacy_doc, span.start)
    if label == "FAC":
        return locative
    if len(span) == 1 and not locative:
        return span.text.lower().endswith(PLACE_ENDINGS)
    return True


PLACE_ENDINGS = (
    "ville", "burg", "burgh", "ton", "stan", "abad", "pur", "pura", "grad", "sk", "ov",
    "ovo", "ka", "ia", "land", "shire", "field", "ford", "port", "mouth", "polis", "berg",
)  # fmt: skip


def _after_locative(spacy_doc: Any, index: int) -> bool:
    return index > 0 and spacy_doc[index - 1].lower_ in LOCATIVE


def _after_strong_locative(spacy_doc: Any, index: int) -> bool:
    """After a locative word that is not also a name's inner joint ("of", "and")."""
    return _after_locative(spacy_doc, index) and spacy_doc[index - 1].lower_ not in WEAK_LOCATIVE


def _name_after_locative(spacy_doc: Any, index: int) -> bool:
    """A locative word before a name the model tags PERSON or ORG, not "and": "Kristina and
    Tim" lists people as often as "Gilroy and Salinas" lists towns, which the coordination
    with a place found elsewhere decides (:func:`_coordinated`)."""
    return _after_locative(spacy_doc, index) and spacy_doc[index - 1].lower_ != "and"


def _is_known(text: str, gazetteer: Gazetteer, *, minimum: int, unknown_ok: bool = False) -> bool:
    """Whether ``text`` names a gazetteer place of at least ``minimum`` inhabitants (any area
    counts; a town whose population GeoNames does not give counts when ``unknown_ok``)."""
    key = loose_key(text)
    if len(key) < 3:
        return text.isupper() and _area_name(text, gazetteer)  # "EU", "UK"
    if not gazetteer.has_key(key):
        return False
    for cand in gazetteer.lookup(text, fuzzy=False, limit=10):
        entry = cand.entry
        if entry.feature != "city" or entry.population >= minimum:
            return True
        if unknown_ok and entry.population == 0:
            return True
    return False


def _capitalised(token: Any) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and token.is_alpha


def _phrase_matches(
    spacy_doc: Any, gazetteer: Gazetteer, taken: set[int], people: set[str]
) -> list[Toponym]:
    results: list[Toponym] = []
    max_tokens = min(MAX_TOKENS, max(1, gazetteer.max_name_tokens()))
    n = len(spacy_doc)
    i = 0
    while i < n:
        token = spacy_doc[i]
        if i in taken or not _capitalised(token) or token.lower_ in STOP_NAMES:
            i += 1
            continue
        match_end = 0
        for j in range(min(n, i + max_tokens), i, -1):
            if any(k in taken for k in range(i, j)):
                continue
            last = spacy_doc[j - 1]
            if not _capitalised(last) and last.text not in {")"}:
                continue
            inner_ok = all(
                _capitalised(spacy_doc[k]) or spacy_doc[k].lower_ in CONNECTORS for k in range(i, j)
            )
            if not inner_ok:
                continue
            text = spacy_doc[i:j].text
            if _accept(spacy_doc, i, j, text, gazetteer, people):
                match_end = j
                break
        if match_end:
            span = spacy_doc[i:match_end]
            results.append(
                Toponym(span.start_char, span.end_char, span.text, "place", "gazetteer", "GAZ")
            )
            taken.update(range(i, match_end))
            i = match_end
        else:
            i += 1
    return results


def _accept(
    spacy_doc: Any, i: int, j: int, text: str, gazetteer: Gazetteer, people: set[str]
) -> bool:
    key = loose_key(text)
    if len(key) < 3 or not gazetteer.has_key(key):
        return False
    tokens = spacy_doc[i:j]
    locative = _after_locative(spacy_doc, i) or _settlement_context(tokens)
    if j - i == 1:
        word = tokens[0].text
        if word.isupper() and len(word) <= 3:
            # an acronym ("TIF") is a place only when it is a country's or region's own
            # ("EU", "UAE", "UK"), and not in a line written in capitals
            return not _in_capitals(spacy_doc, i) and _area_name(word, gazetteer)
        if tokens[0].lower_ in people:
            return False  # the report uses the word in a person's or organisation's name
        if (
            not _locative_for_word(spacy_doc, i, tokens)
            and common_word(word)
            and not _area_name(word, gazetteer)
        ):
            return False  # "Leader", "Vice", "Hope": capitalised English words, not "America"
    proper = all(t.pos_ == "PROPN" or t.lower_ in CONNECTORS for t in tokens)
    if not (proper or locative):
        return False
    if tokens[0].is_sent_start and not proper:
        return False
    if _inside_longer_name(spacy_doc, i, j):
        return False
    return _is_known(
        text, gazetteer, minimum=1_000 if locative else MIN_PHRASE_POPULATION, unknown_ok=locative
    )


def _inside_longer_name(spacy_doc: Any, i: int, j: int) -> bool:
    """Whether the words ``i:j`` are only part of a longer run of capitalised words, which
    the gazetteer does not know as a whole: a person's name ("Teresa Voors"), a street
    ("Collins Run Road") or an organisation's ("Volunteer Fire Department")."""
    before = spacy_doc[i - 1] if i > 0 else None
    after = spacy_doc[j] if j < len(spacy_doc) else None
    if after is not None and _capitalised(after) and after.lower_ not in STOP_NAMES:
        return True
    return (
        before is not None
        and _capitalised(before)
        and before.lower_ not in STOP_NAMES
        and not (before.is_sent_start and common_word(before.text))
    )


def _locative_for_word(spacy_doc: Any, i: int, tokens: Any) -> bool:
    """Whether a locative word before a capitalised common word makes it a place name: not
    "of" or "and" inside a longer name ("March of Science", "Minister of Industry")."""
    if _settlement_context(tokens):
        return True
    if not _after_locative(spacy_doc, i):
        return False
    before = spacy_doc[i - 1]
    return not (before.lower_ in WEAK_LOCATIVE and i > 1 and _capitalised(spacy_doc[i - 2]))


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether ``word`` is a common English word (wordfreq Zipf frequency 4.3 or more)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= COMMON_ZIPF


def _without_overlaps(toponyms: list[Toponym]) -> list[Toponym]:
    kept: list[Toponym] = []
    last_end = -1
    for top in toponyms:
        if top.start >= last_end:
            kept.append(top)
            last_end = top.end
    return kept
