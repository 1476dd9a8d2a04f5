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

This module holds the main flow and the shaping of entity spans; the rules live beside it:
``recognise_base`` (the Toponym record and shared word lists and tests), ``recognise_people``
(person and organisation guards), ``recognise_patterns`` (streets, townships, legislators'
states, abbreviations' periods, datelines) and ``recognise_context`` (a place's context and
places inside organisations' names). Public names are importable from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from warwire.geo import Gazetteer, demonym_country, demonym_region, loose_key
from warwire.geo.recognise_base import (
    ARTICLES,
    CONNECTORS,
    GENERIC_AREA_WORDS,
    MAX_TOKENS,
    MIN_PHRASE_POPULATION,
    MISREAD_LABELS,
    PLACE_LABELS,
    STOP_NAMES,
    WEAK_LOCATIVE,
    Toponym,
    ToponymKind,
    _after_locative,
    _after_strong_locative,
    _area_name,
    _capitalised,
    _is_known,
    _name_after_locative,
    _trim,
    common_word,
)
from warwire.geo.recognise_context import _embedded_toponyms, _in_place_context, _settlement_context
from warwire.geo.recognise_patterns import (
    DATELINE_CHARS,
    _abbreviations,
    _datelines,
    _streets,
    _with_period,
    dateline_spans,
)
from warwire.geo.recognise_people import (
    HONORIFICS,
    MIN_CAPITAL_POPULATION,
    _capital_not_person,
    _in_capitals,
    _in_person_role,
    _named_person,
    _national_capital,
    _persons_name,
    _place_like_org,
    _place_like_person,
)

__all__ = [
    "DATELINE_CHARS",
    "Toponym",
    "ToponymKind",
    "common_word",
    "dateline_spans",
    "find_toponyms",
]


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
    people_here = _mostly_people(ents, gazetteer)
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
            and span.text not in people_here
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
    named_places -= people_here
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


def _mostly_people(ents: Any, gazetteer: Gazetteer) -> set[str]:
    """One-word names the model tags PERSON as the subject or object of a verb in the report
    at least twice, more often than it tags them places: a person's surname ("Welch went...",
    "stabbed Welch"), which one "from Welch" does not make a town, in the report's one sense
    of the name; not a city of 100,000 people or more, nor an area ("Gainesville", "Tbilisi"),
    which the model mistakes for people."""
    people = Counter(
        e.text
        for e in ents
        if e.label_ == "PERSON" and len(e) == 1 and e[0].dep_ in {"nsubj", "dobj", "agent"}
    )
    places = Counter(e.text for e in ents if e.label_ in PLACE_LABELS)
    return {
        name
        for name, n in people.items()
        if n >= 2
        and n > places[name]
        and not _is_known(name, gazetteer, minimum=MIN_CAPITAL_POPULATION)
    }


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


def _without_overlaps(toponyms: list[Toponym]) -> list[Toponym]:
    kept: list[Toponym] = []
    last_end = -1
    for top in toponyms:
        if top.start >= last_end:
            kept.append(top)
            last_end = top.end
    return kept


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
