"""Finding actors in a parsed text: ``find_actors(spacy_doc)`` -> ``ActorMention`` records.

The knowledge-base matcher slides over the tokens and, from each token that can start a name,
tries every span up to the longest name: an exact-case hit for acronyms ("ISIS", "HTS"), a
normalised-key hit (``actor_key``) for the rest; the longest match wins. Ambiguous aliases
("IS", "SNA") are taken only in context (see ``vocab/actors.yaml``). The rule families run
beside it (``rules``: national forces, tribes and clans, operations), then the aliases a report
defines itself (``definitions``) and the pronoun-like references (``references``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warwire.actors.definitions import apply_definitions
from warwire.actors.kb import ActorBase, load_actor_base
from warwire.actors.mention import ActorMention, from_actor, longest_first
from warwire.actors.names import ACTOR_ARTICLES, actor_key, can_start_name
from warwire.actors.references import resolve_references
from warwire.actors.rules import national_forces, operations, tribes_and_clans
from warwire.geo.names import name_key

__all__ = ["find_actors", "kb_mentions"]

MAX_TOKENS = 24
"""The longest span, in tokens, tried as a name."""

_ACTOR_CUES_WORDS = """
    fighters fighter militants militant forces troops group members member commander
    commanders rebels insurgents militia militias jihadists cell cells leader leaders leadership
    spokesman positions stronghold strongholds gunmen unit units operatives affiliate branch
    emir attack attacks offensive claimed"""
ACTOR_CUES = frozenset(_ACTOR_CUES_WORDS.split())
"""Words beside an ambiguous alias that make it an actor ("IS fighters", "the SNA offensive")."""

_HYPHEN_CUES_WORDS = """
    held controlled linked affiliated led backed allied aligned run"""
HYPHEN_CUES = frozenset(_HYPHEN_CUES_WORDS.split())
"""Words after a hyphen that make an ambiguous alias an actor ("IS-held", "SNA-backed")."""


def find_actors(
    spacy_doc: Any,
    *,
    default_country: str | None = None,
    base: ActorBase | None = None,
) -> list[ActorMention]:
    """The actor and operation mentions of a parsed text, in text order, none overlapping.

    ``default_country`` (ISO alpha-2, e.g. the country of the report's places) resolves
    "government forces" and "the army", and picks between actors sharing an ambiguous alias.
    """
    base = base or load_actor_base()
    country = default_country.upper() if default_country else None
    found = kb_mentions(spacy_doc, base, default_country=country)
    found += national_forces(spacy_doc, base, default_country=country)
    found += tribes_and_clans(spacy_doc, base)
    found += operations(spacy_doc, base)
    mentions = longest_first(found)
    mentions = apply_definitions(spacy_doc, base, mentions)
    return resolve_references(spacy_doc, mentions)


@dataclass(frozen=True)
class _Hit:
    span: Any
    plain: str | None
    ambiguous: tuple[str, ...]


def kb_mentions(
    spacy_doc: Any, base: ActorBase, *, default_country: str | None = None
) -> list[ActorMention]:
    """Knowledge-base mentions, longest first per start, ambiguous aliases taken in context."""
    hits = list(_hits(spacy_doc, base))
    mentions: list[ActorMention] = []
    for hit in hits:
        if not hit.ambiguous and hit.plain:
            mentions.append(from_actor(hit.span, base.get(hit.plain)))
            continue
        context: set[str] = set()
        for other in hits:
            apart = other.span.end_char <= hit.span.start_char or (
                other.span.start_char >= hit.span.end_char
            )
            if other.plain and apart:
                context.add(other.plain)
                context.update(base.ancestors(other.plain))
        mention = _disambiguate(hit, base, context, default_country)
        if mention is not None:
            mentions.append(mention)
    return longest_first(mentions)


@lru_cache(maxsize=65536)
def _key_words(text: str) -> tuple[str, ...]:
    """The words of a token's name key, remembered: most words recur across reports."""
    return tuple(name_key(text).split())


def _hits(doc: Any, base: ActorBase) -> Iterator[_Hit]:
    for i, token in enumerate(doc):
        if not can_start_name(doc, i):
            continue
        words = _key_words(token.text)
        if not (words and words[0] in base.first_words) and token.text not in base.exact_prefixes:
            continue
        # A name of n words spans at most about 2n + 2 spaCy tokens ("Hay'at", "al-Sham").
        reach = MAX_TOKENS
        if words and words[0] in base.name_words and token.text not in base.exact_prefixes:
            reach = min(MAX_TOKENS, 2 * base.name_words[words[0]] + 2)
        best: _Hit | None = None
        for j in range(i + 1, min(len(doc), i + reach) + 1):
            span = doc[i:j]
            if len(span.text) > base.max_chars:
                break
            last = doc[j - 1]
            if (last.is_punct and j - 1 > i) or last.is_space:
                continue
            if _left_every_name(span.text, base):
                break
            hit = _lookup(span, base)
            if hit is not None:
                best = hit
        if best is not None:
            yield best


def _left_every_name(text: str, base: ActorBase) -> bool:
    """Whether no name key starts with this span's key, so longer spans cannot match either.

    Only decided for keys of two words or more (one-word keys are not alternated) that do not
    end in an article (which a following word could drop), and never for exact-case names.
    """
    words = actor_key(text).split()
    if len(words) < 2 or words[-1] in ACTOR_ARTICLES or words[-1] == "the":
        return False
    return " ".join(words) not in base.key_prefixes and text not in base.exact_prefixes


def _lookup(span: Any, base: ActorBase) -> _Hit | None:
    text = span.text
    key = actor_key(text)
    plain = base.by_exact.get(text) or base.by_key.get(key)
    ambiguous = base.ambiguous_by_exact.get(text) or base.ambiguous_by_key.get(key) or ()
    if plain is None and not ambiguous:
        return None
    return _Hit(span, plain, tuple(a for a in ambiguous if a != plain))


def _disambiguate(
    hit: _Hit, base: ActorBase, context: set[str], default_country: str | None
) -> ActorMention | None:
    candidates = ((hit.plain,) if hit.plain else ()) + hit.ambiguous
    named = [c for c in candidates if c in context]
    if len(named) == 1:
        return from_actor(hit.span, base.get(named[0]), rule="kb_ambiguous", confidence=0.9)
    if default_country:
        local = [c for c in candidates if base.get(c).country == default_country]
        if len(local) == 1:
            return from_actor(hit.span, base.get(local[0]), rule="kb_ambiguous", confidence=0.8)
    if hit.plain:
        return from_actor(hit.span, base.get(hit.plain))
    if not _has_cue(hit.span):
        return None
    if len(candidates) == 1:
        return from_actor(hit.span, base.get(candidates[0]), rule="kb_ambiguous", confidence=0.7)
    span = hit.span
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=None,
        name=span.text,
        inter=None,
        country=None,
        rule="kb_ambiguous",
        confidence=0.3,
    )


def _has_cue(span: Any) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None:
        return False
    if after.lower_ in ACTOR_CUES:
        return True
    if after.text in {"-", "–"} and span.end + 1 < len(doc):
        return doc[span.end + 1].lower_ in HYPHEN_CUES
    return False
