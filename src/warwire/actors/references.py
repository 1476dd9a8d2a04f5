"""Pronoun-like references to an actor: "the group", "the militants", "the rebels".

Each resolves to the most recent compatible actor mentioned before it: a non-state actor (not
state forces, inter 1, nor external forces, inter 8), with confidence 0.5. A reference with
no such actor before it, one followed by "of" ("the group of soldiers") or by a name ("the
group Ansar al-Islam", matched by the knowledge base instead), is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from warwire.actors.mention import ActorMention
from warwire.nlp.doctext import doc_text

__all__ = ["REFERENCE_WORDS", "resolve_references"]

REFERENCE_WORDS = (
    "group",
    "militants",
    "jihadists",
    "rebels",
    "insurgents",
    "militia",
    "organisation",
    "organization",
    "movement",
    "extremists",
    "terrorists",
    "fighters",
    "gunmen",
)
"""Nouns that, after "the", refer back to a non-state actor named earlier."""

_REFERENCE = re.compile(
    rf"\b[Tt]he\s+(?:{'|'.join(REFERENCE_WORDS)})\b(?!\s+of\b)(?!\s+[A-Z])(?!-)"
)
STATE_TYPES = frozenset({1, 8})
"""Actor types a reference to militants, rebels or a group cannot point to."""


def resolve_references(doc: Any, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` plus a mention for each resolvable reference, in text order."""
    found: list[ActorMention] = []
    for match in _REFERENCE.finditer(doc_text(doc)):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        antecedent = _antecedent(mentions, start)
        if antecedent is None:
            continue
        found.append(
            replace(
                antecedent,
                start=start,
                end=end,
                text=match.group(),
                rule="reference",
                confidence=0.5,
            )
        )
    return sorted(mentions + found, key=lambda m: m.start)


def _antecedent(mentions: list[ActorMention], before: int) -> ActorMention | None:
    for mention in sorted(mentions, key=lambda m: m.end, reverse=True):
        if mention.end > before or mention.kind != "actor":
            continue
        if mention.inter in STATE_TYPES or mention.rule == "national_forces":
            continue
        return mention
    return None
