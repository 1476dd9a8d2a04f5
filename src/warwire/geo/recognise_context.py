"""Toponyms the surrounding words reveal: names the model tags as people or organisations
that stand in a place's context ("the town of X", "X and Salinas"), and the places named
inside an organisation's name ("Texas Department of Health", "Tempe Police Department")."""

from __future__ import annotations

from typing import Any

from warwire.geo import Gazetteer, demonym_country, loose_key
from warwire.geo.recognise_base import (
    CONNECTORS,
    GENERIC_AREA_WORDS,
    PLACE_LABELS,
    Toponym,
    _capitalised,
    _is_known,
    _trim,
    common_word,
)
from warwire.geo.recognise_people import _named_person

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
