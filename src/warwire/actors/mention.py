"""The record the actor matcher returns, and the helpers its rule modules share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from warwire.actors.kb import Actor

__all__ = ["ActorMention", "MentionKind", "from_actor", "longest_first"]

MentionKind = Literal["actor", "operation"]


@dataclass(frozen=True)
class ActorMention:
    """A span of a text naming an actor or a military operation.

    ``start`` and ``end`` are character offsets into the text of the spaCy ``Doc``;
    ``actor_id`` is the knowledge-base id, or None for an actor no list holds (a tribe, an
    alias the report defines, government forces of an unknown country) or for an operation;
    ``name`` is the canonical name (the knowledge base's, else the words as written, tidied);
    ``inter`` the ACLED actor type where known; ``rule`` says which rule found it
    (``kb``, ``kb_ambiguous``, ``national_forces``, ``tribe``, ``operation``,
    ``alias_definition``, ``local_alias``, ``reference``).
    """

    start: int
    end: int
    text: str
    actor_id: str | None
    name: str
    inter: int | None
    country: str | None
    kind: MentionKind = "actor"
    confidence: float = 1.0
    rule: str = "kb"

    def retarget(self, other: ActorMention, *, rule: str, confidence: float) -> ActorMention:
        """This span, pointing at what ``other`` points at."""
        return replace(
            self,
            actor_id=other.actor_id,
            name=other.name,
            inter=other.inter,
            country=other.country,
            kind=other.kind,
            rule=rule,
            confidence=confidence,
        )


def from_actor(
    span: Any, actor: Actor, *, rule: str = "kb", confidence: float = 1.0
) -> ActorMention:
    """A mention of a knowledge-base ``actor`` over a spaCy ``Span``."""
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=actor.id,
        name=actor.name,
        inter=actor.inter,
        country=actor.country,
        rule=rule,
        confidence=confidence,
    )


def longest_first(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """Drop mentions that overlap a longer one (earlier in ``mentions`` wins ties); by start."""
    ranked = sorted(enumerate(mentions), key=lambda p: (-(p[1].end - p[1].start), p[0]))
    kept: list[ActorMention] = []
    for _, mention in ranked:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
