"""Person and organisation entities for the names spaCy finds that are not places or actors.

``name_entities`` runs after a report's places, actors, events and claims are found (so it
changes none of them) and points its remaining PERSON and ORG mentions at entities (those
overlapping a place or a named actor, or spelt as one the report has elsewhere, are left alone;
a generic actor such as "Civilians (Syria)" over a named victim is a role, not a name):

persons
    a title is not part of the name ("Gen. Abdel Fattah al-Burhan" is "Abdel Fattah
    al-Burhan"; the mention's span starts after the title), nor a possessive "'s". A name whose
    key is the end of a fuller name the same report uses ("Jolani", "al-Jolani" or "Mohammad
    al-Jolani" after "Abu Mohammad al-Jolani"; the surname alone, or the name without its first
    part) is that fuller name: the latest one named before it, else the first named after it.
    An ORG mention that is such a short form of a person ("Abadi" after "Haider al-Abadi") is
    that person too.
organisations
    the other ORG mentions, without a leading "the" or a dateline ("IDLIB - "); an acronym the
    report defines in parentheses ("the Syrian Observatory for Human Rights (SOHR)", found by
    :func:`warwire.actors.definitions.acronym_definitions`) is its long form, at every use,
    including uses spaCy did not label.

Entity ids are hashes of the kind and the name's key, so the same person named the same way
(up to transliteration) in two reports is one entity: :func:`person_key` is
:func:`warwire.geo.names.name_key` without titles and Arabic articles, each word mapped to one
spelling of the common name words of ``vocab/person_names.yaml`` ("Mohammed" = "Muhammad")
and given the letter alternations of :func:`warwire.actors.names.word_key` ("Jolani" =
"Julani"); :func:`organisation_key` is :func:`warwire.actors.actor_key`. Names whose keys still
differ are linked across reports by :mod:`warwire.fuse.entities`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from warwire.actors.definitions import acronym_definitions
from warwire.actors.names import ACTOR_ARTICLES, actor_key, is_acronym, word_key
from warwire.extract.generic import GENERIC_EXTRACTOR
from warwire.geo.curated import read_vocab
from warwire.geo.names import name_key
from warwire.ids import make_key
from warwire.models import Document, Entity, Mention

__all__ = [
    "ORGANISATION_EXTRACTOR",
    "PERSON_EXTRACTOR",
    "name_entities",
    "organisation_key",
    "person_key",
    "person_titles",
]

PERSON_EXTRACTOR = "warwire.persons.v1"
ORGANISATION_EXTRACTOR = "warwire.organisations.v1"

#: Mentions that already say what a span is: a PERSON or ORG mention overlapping one is left alone.
_CLAIMED = frozenset({"PLACE", "DEMONYM", "ACTOR", "OPERATION"})
_WORD = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]*\s+[-–—]\s+")
_DIGIT = re.compile(r"\d")
_EDGE_PUNCT = "\"“”‘’'.,;:!?()[]"


@cache
def _names_vocab() -> tuple[frozenset[str], dict[str, str]]:
    data = read_vocab("person_names.yaml")
    titles = frozenset(str(t) for t in data["titles"])
    variants: dict[str, str] = {}
    for spelling, others in data["variants"].items():
        for other in others or ():
            variants[str(other)] = str(spelling)
    return titles, variants


def person_titles() -> frozenset[str]:
    """The titles (as ``name_key`` forms) that are not part of a person's name."""
    return _names_vocab()[0]


def _is_title(word: str) -> bool:
    key = name_key(word)
    titles = person_titles()
    return bool(key) and (key in titles or key.replace(" ", "-") in titles)


@lru_cache(maxsize=1 << 15)
def person_key(name: str) -> str:
    """The key of a person's name: the same for its transliterations, without titles."""
    _, variants = _names_vocab()
    tokens = name_key(_POSSESSIVE.sub("", name)).split()
    titles = person_titles()
    while len(tokens) > 1 and (tokens[0] in titles or tokens[0] == "the"):
        tokens = tokens[1:]
    kept = [
        token
        for i, token in enumerate(tokens)
        if not (token in ACTOR_ARTICLES and i + 1 < len(tokens) and len(tokens[i + 1]) > 1)
    ]
    return " ".join(word_key(variants.get(token, token)) for token in kept)


def organisation_key(name: str) -> str:
    """The key of an organisation's name (that of an actor: ``actor_key``)."""
    return actor_key(_POSSESSIVE.sub("", name))


@dataclass(frozen=True)
class _Name:
    """A PERSON or ORG mention cut to its name."""

    mention: Mention
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]


def _cut(mention: Mention, *, person: bool) -> tuple[int, int, str] | None:
    """The span and text of the name in a mention: titles (persons), a dateline and "the"
    (organisations), a possessive and edge punctuation dropped; None when no name is left."""
    text = mention.text
    words = list(_WORD.finditer(text))
    first, last = 0, len(words)
    if not person:
        dateline = _DATELINE.match(text)
        if dateline is not None:
            while first < last and words[first].start() < dateline.end():
                first += 1
    while last - first > 1 and (
        words[first].group().casefold() == "the" or (person and _is_title(words[first].group()))
    ):
        first += 1
    if first >= last:
        return None
    start, end = words[first].start(), words[last - 1].end()
    name = text[start:end]
    stripped = _POSSESSIVE.sub("", name).rstrip(_EDGE_PUNCT)
    lead = len(stripped) - len(stripped.lstrip(_EDGE_PUNCT))
    end = start + len(stripped)
    start += lead
    name = text[start:end]
    if not _looks_like_name(name, person=person):
        return None
    return mention.start + start, mention.start + end, name


def _looks_like_name(name: str, *, person: bool) -> bool:
    """A name starts with a capital (or an article joined to a capitalised word, "al-Jolani"),
    has no digits, and a person's is not an acronym ("ISIS")."""
    if len(name) < 2 or _DIGIT.search(name):
        return False
    head = name.split()[0]
    article, dash, rest = head.partition("-")
    if dash and article.casefold() in ACTOR_ARTICLES and rest[:1].isupper():
        head = rest
    if not head[:1].isupper():
        return False
    return not (person and is_acronym(name))


class _Spans:
    """Character spans, asked whether one overlaps [start, end) in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # the spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start

    def overlaps_outside(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end) without lying inside it (as "Texas" lies
        inside "the Texas Department of Health")."""
        i = bisect.bisect_left(self.starts, end)
        while i > 0 and self.reach[i - 1] > start:
            i -= 1
            s, e = self.spans[i]
            if e > start and not (start <= s and e <= end and (s, e) != (start, end)):
                return True
        return False


def name_entities(
    document: Document,
    mentions: list[Mention],
    entities: dict[str, Entity],
    sentence_of: Callable[[int], int],
) -> list[Mention]:
    """``mentions`` with their PERSON and ORG mentions pointed at person and organisation
    entities (added to ``entities``), and uses of acronyms the report defines for an
    organisation added as ORG mentions (``sentence_of`` gives a character's sentence)."""
    # a generic actor ("Civilians (Syria)" for a named victim) says what role a person plays
    spans = [m for m in mentions if m.label in _CLAIMED and m.extractor != GENERIC_EXTRACTOR]
    claimed = _Spans([(m.start, m.end) for m in spans])
    places = _Spans([(m.start, m.end) for m in spans if m.label in {"PLACE", "DEMONYM"}])
    actors = _Spans([(m.start, m.end) for m in spans if m.label not in {"PLACE", "DEMONYM"}])
    # a name the report uses elsewhere for a place or an actor is that ("Tal Afar")
    claimed_names = {m.text for m in spans}
    people: list[_Name] = []
    orgs: list[_Name] = []
    for m in mentions:
        if m.entity_id is not None or m.label not in {"PERSON", "ORG"}:
            continue
        person = m.label == "PERSON"
        # a place named inside an organisation's name leaves the name an organisation's
        # ("Texas" in "the Texas Department of Health"); an actor inside it does not
        blocked = (
            claimed.overlaps(m.start, m.end)
            if person
            else actors.overlaps(m.start, m.end) or places.overlaps_outside(m.start, m.end)
        )
        if blocked or m.text in claimed_names:
            continue
        cut = _cut(m, person=person)
        if cut is None:
            continue
        start, end, text = cut
        key = person_key(text) if person else organisation_key(text)
        if key:
            (people if person else orgs).append(_Name(m, start, end, text, tuple(key.split())))
    resolved: dict[int, Mention] = {}  # by the id() of the original mention
    people.sort(key=lambda n: n.start)
    by_last: dict[str, list[_Name]] = {}
    for name in people:
        by_last.setdefault(name.tokens[-1], []).append(name)
    roots = _person_roots(people, by_last)
    for name in people:
        root = roots[id(name)]
        entity = _entity(entities, "person", root)
        resolved[id(name.mention)] = _point(
            name, entity.id, root.tokens == name.tokens, PERSON_EXTRACTOR
        )
    remaining: list[_Name] = []
    for name in orgs:
        fuller = _short_form(name, by_last, roots, by_person_key=True)
        if fuller is None:
            remaining.append(name)
            continue
        entity = _entity(entities, "person", roots[id(fuller)])
        resolved[id(name.mention)] = _point(name, entity.id, False, PERSON_EXTRACTOR)
    added = _organisations(document, remaining, mentions, entities, resolved, sentence_of)
    out = [resolved.get(id(m), m) for m in mentions]
    return out + added


def _point(name: _Name, entity_id: str, full: bool, extractor: str) -> Mention:
    return replace(
        name.mention,
        start=name.start,
        end=name.end,
        text=name.text,
        extractor=extractor,
        entity_id=entity_id,
        resolution="name" if full else "short_name",
    )


def _entity(
    entities: dict[str, Entity], kind: Literal["person", "organisation"], root: _Name
) -> Entity:
    entity_id = make_key(kind, " ".join(root.tokens))
    entity = entities.get(entity_id)
    if entity is None:
        name = " ".join(root.text.split())
        entity = Entity(id=entity_id, kind=kind, name=name)
        entities[entity_id] = entity
    return entity


def _person_roots(people: list[_Name], by_last: dict[str, list[_Name]]) -> dict[int, _Name]:
    """For each name (by ``id()``), the fullest form of it the report uses."""
    roots: dict[int, _Name] = {}
    for name in sorted(people, key=lambda n: (-len(n.tokens), n.start)):
        longer = _short_form(name, by_last, roots)
        roots[id(name)] = roots[id(longer)] if longer is not None else name
    return roots


def _short_form(
    name: _Name,
    by_last: dict[str, list[_Name]],
    roots: dict[int, _Name],
    *,
    by_person_key: bool = False,
) -> _Name | None:
    """The person name of which ``name`` is a short form (its key the end of that name's key,
    with fewer words): the latest named before it, else the first named after it."""
    tokens = tuple(person_key(name.text).split()) if by_person_key else name.tokens
    n = len(tokens)
    if not n:
        return None
    before: _Name | None = None
    after: _Name | None = None
    for other in by_last.get(tokens[-1], ()):  # in text order
        if len(other.tokens) <= n or other.tokens[-n:] != tokens or id(other) not in roots:
            continue
        if other.start < name.start:
            before = other
        elif after is None:
            after = other
    return before or after


def _organisations(
    document: Document,
    orgs: list[_Name],
    mentions: list[Mention],
    entities: dict[str, Entity],
    resolved: dict[int, Mention],
    sentence_of: Callable[[int], int],
) -> list[Mention]:
    """Organisation entities for ORG names; a defined acronym is its long form at every use.
    Returns the acronym uses added as mentions."""
    text = document.text
    defined: dict[str, Entity] = {}
    if "(" in text and orgs:
        by_start = sorted(orgs, key=lambda n: n.start)
        for found in acronym_definitions(text):
            long = next((n for n in by_start if n.start < found.end and found.start < n.end), None)
            if long is not None and long.text != found.alias:
                defined.setdefault(found.alias, _entity(entities, "organisation", long))
    for name in orgs:
        entity = defined.get(name.text)
        if entity is not None:
            resolved[id(name.mention)] = replace(
                _point(name, entity.id, False, ORGANISATION_EXTRACTOR), resolution="acronym"
            )
        else:
            entity = _entity(entities, "organisation", name)
            resolved[id(name.mention)] = _point(name, entity.id, True, ORGANISATION_EXTRACTOR)
    if not defined:
        return []
    taken = _Spans([(m.start, m.end) for m in [*mentions, *resolved.values()]])
    added: list[Mention] = []
    for alias, entity in defined.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            if taken.overlaps(match.start(), match.end()):
                continue
            added.append(
                Mention(
                    doc_id=document.id,
                    start=match.start(),
                    end=match.end(),
                    text=alias,
                    label="ORG",
                    sentence=sentence_of(match.start()),
                    extractor=ORGANISATION_EXTRACTOR,
                    entity_id=entity.id,
                    resolution="acronym",
                )
            )
    return added
