"""Unnamed participants as ACLED codes them: "gunmen", "the protesters", "villagers".

When an event's agent or patient names no actor the matcher knows, its head word may still say
what kind of participant it is; ACLED then codes a generic actor of the event's country:
"Unidentified Armed Group (Nigeria)", "Protesters (Kenya)", "Civilians (Syria)"; unnamed
soldiers and police are that country's state forces (the knowledge base's entry where it has
one). The classes and their words are data (``vocab/events.yaml``, ``generic_actors``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from warwire.ids import make_key
from warwire.models import Entity, Mention
from warwire.nlp.doctext import doc_text

__all__ = ["GenericActor", "country_actor", "generic_actor"]

GENERIC_EXTRACTOR = "warwire.events.generic.v1"


_COUNTS = frozenset(
    {"thousand", "hundred", "dozen", "score", "crowd", "group", "number", "handful", "million"}
)


@dataclass(frozen=True)
class _Class:
    name: str
    inter: int
    state: str | None
    words: frozenset[str]


@dataclass(frozen=True)
class GenericActor:
    """A generic actor found in a phrase: its entity and the mention over the words."""

    entity: Entity
    mention: Mention


@cache
def _classes() -> tuple[_Class, ...]:
    path = resources.files("warwire") / "vocab" / "events.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        _Class(
            name=str(item["name"]),
            inter=int(item["inter"]),
            state=str(item["state"]) if item.get("state") else None,
            words=frozenset(str(w).lower() for w in item.get("words") or ()),
        )
        for item in data.get("generic_actors") or ()
    )


def _class_of(token: Any) -> _Class | None:
    lemma = (token.lemma_ or token.text).lower()
    if lemma == "man" and any(c.lower_ == "armed" for c in token.children):
        lemma = "gunman"  # "armed men"
    for item in _classes():
        if lemma in item.words or token.lower_ in item.words:
            return item
    return None


def _state_entity(kind: str, country: str) -> Entity | None:
    from warwire.actors import load_actor_base

    base = load_actor_base()
    table = base.police if kind == "police" else base.military
    actor_id = table.get(country)
    if actor_id is None:
        return None
    actor = base.get(actor_id)
    return Entity(
        id=make_key("actor", actor.id),
        kind="actor",
        name=actor.name,
        actor_type=actor.inter,
        country_code=actor.country,
        wikidata=actor.wikidata,
        parent_id=make_key("actor", actor.parent) if actor.parent else None,
    )


def _named_class(name: str) -> _Class | None:
    return next((c for c in _classes() if c.name == name), None)


def generic_actor(
    span: Any, doc_id: str, sentence: int, country: str | None, *, force: str | None = None
) -> GenericActor | None:
    """The generic actor a phrase (spaCy ``Span``) names by its head word, or None.

    ``force`` names the class to use for any noun phrase (protest events code their
    participants as Protesters whatever the report calls them; victims of abductions as
    Civilians), names of persons included."""
    head = span.root
    counted = [c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if counted and (head.like_num or head.lemma_.lower() in _COUNTS):
        head = counted[0]  # "thousands of people", "a crowd of youths"
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if head.ent_type_ in {"ORG", "GPE", "NORP"} or (head.ent_type_ == "PERSON" and not force):
        return None
    found = _class_of(head)
    if force and (found is None or found.state is None):
        found = _named_class(force)
    if found is None:
        return None
    entity = _state_entity(found.state, country) if found.state and country else None
    if entity is None:
        from warwire.actors.rules import country_name

        label = f"{found.name} ({country_name(country)})" if country else found.name
        entity = Entity(
            id=make_key("actor", "generic", found.name, country or ""),
            kind="actor",
            name=label,
            actor_type=found.inter,
            country_code=country,
        )
    words = [t for t in head.lefts if t.dep_ in {"amod", "compound", "nummod", "nmod"}]
    start_token = min([head, *words], key=lambda t: t.i)
    start = start_token.idx
    end = head.idx + len(head.text)
    mention = Mention(
        doc_id=doc_id,
        start=start,
        end=end,
        text=doc_text(span.doc)[start:end],
        label="ACTOR",
        sentence=sentence,
        extractor=GENERIC_EXTRACTOR,
        entity_id=entity.id,
        resolution="generic",
        confidence=0.5,
    )
    return GenericActor(entity, mention)


def country_actor(
    doc_id: str, start: int, end: int, text: str, sentence: int, country: str
) -> GenericActor | None:
    """The state forces of a country named as a participant ("Russia and Ukraine agreed")."""
    entity = _state_entity("military", country)
    if entity is None:
        return None
    mention = Mention(
        doc_id=doc_id,
        start=start,
        end=end,
        text=text,
        label="ACTOR",
        sentence=sentence,
        extractor=GENERIC_EXTRACTOR,
        entity_id=entity.id,
        resolution="country",
        confidence=0.6,
    )
    return GenericActor(entity, mention)
