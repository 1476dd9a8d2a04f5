"""Pronoun-like references to an actor: "the group", "the militants", "the rebels".

Each resolves to the most recent compatible actor mentioned or referred to before it (a
reference resolved earlier is an antecedent too, so a chain of "the militants ... the group"
stays on one actor): a non-state actor (not state forces, inter 1, nor external forces, inter
8), with confidence 0.5. The words that describe rebels ("the militants", "the insurgents",
"the jihadists") prefer a rebel group (inter 2) and "the militia" a militia (inter 3 and 4),
over a more recent actor of another kind, as ACLED's actor types read them. A reference with
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
_REBEL_WORDS = frozenset(
    {"militants", "jihadists", "rebels", "insurgents", "extremists", "terrorists"}
)
PREFERRED_TYPES: dict[str, frozenset[int]] = {
    **{word: frozenset({2}) for word in _REBEL_WORDS},
    "militia": frozenset({3, 4}),
}
"""Reference words and the actor types (ACLED inter codes) they point to first."""


def resolve_references(doc: Any, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` plus a mention for each resolvable reference, in text order."""
    found: list[ActorMention] = []
    for match in _REFERENCE.finditer(doc_text(doc)):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        word = match.group().split()[-1].lower()
        antecedent = _antecedent([*mentions, *found], start, PREFERRED_TYPES.get(word))
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


def _antecedent(
    mentions: list[ActorMention], before: int, preferred: frozenset[int] | None = None
) -> ActorMention | None:
    candidates = [
        m
        for m in sorted(mentions, key=lambda m: m.end, reverse=True)
        if m.end <= before
        and m.kind == "actor"
        and m.inter not in STATE_TYPES
        and m.rule != "national_forces"
    ]
    if preferred:
        fitting = next((m for m in candidates if m.inter in preferred), None)
        if fitting is not None:
            return fitting
    return candidates[0] if candidates else None
