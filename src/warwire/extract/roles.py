"""Who did it, to whom, and where: the argument phrases of an event trigger, from the parse.

Verbs give agents by their subject (or "by X" in the passive) and patients by their object or
passive subject; nouns give agents by "by X", a possessive or a modifier ("ISIS attack",
"Russian strikes") or the subject of a light verb ("carried out an air strike"), and patients by
"on X", "against X" or the object of the verb the noun is the subject of ("an air strike hit X").
"Clashes between X and Y" and "clashes with Y" name both sides. Places are the objects of
locative prepositions on the trigger or its clause ("in X", "near X": ``near`` lowers precision).
Each phrase is a character span of the argument's subtree; the caller maps spans to mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Roles", "trigger_roles"]

Span = tuple[int, int]

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
_LIGHT_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "claim",
        "perpetrate",
        "execute",
        "unleash",
        "commit",
        "begin",
        "start",
        "lead",
        "order",
        "fire",
        "sign",
        "reach",
        "agree",
        "hold",
        "make",
        "fight",
        "plant",
        "detonate",
        "use",
        "drop",
        "organise",
        "organize",
        "call",
        "establish",
        "set",
        "build",
        "open",
    }
)
_IMPACT_VERBS = frozenset(
    {
        "kill",
        "hit",
        "target",
        "strike",
        "wound",
        "injure",
        "destroy",
        "damage",
        "claim",
        "leave",
        "tear",
        "rock",
        "level",
        "flatten",
    }
)
_PATIENT_PREPS = frozenset({"on", "against", "targeting", "at", "upon", "into"})
_PLACE_PREPS = frozenset(
    {"in", "at", "on", "near", "outside", "around", "inside", "across", "into", "from", "of"}
)
_NEAR_PREPS = frozenset({"near", "outside", "around", "close"})
_INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "ccomp", "pcomp"})


@dataclass(frozen=True)
class Roles:
    """Argument phrases of one trigger, as character spans in the document text."""

    agents: tuple[Span, ...] = ()
    patients: tuple[Span, ...] = ()
    places: tuple[Span, ...] = ()
    near: tuple[Span, ...] = ()
    passive: bool = False
    sources: tuple[Span, ...] = ()


def _subtree_span(token: Any) -> Span:
    """The character span of a token's subtree, cut before a relative or appositive clause."""
    left = token.left_edge.idx
    right_tok = token
    for child in token.rights:
        if child.dep_ in {"relcl", "acl", "appos", "punct", "advcl", "cc"}:
            break
        right_tok = child.right_edge
    return left, right_tok.idx + len(right_tok.text)


def _with_conjuncts(token: Any) -> Iterator[Any]:
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from _with_conjuncts(child)


def _pobjs(prep: Any) -> Iterator[Any]:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            yield from _with_conjuncts(child)


def _verb_roles(verb: Any) -> tuple[list[Any], list[Any], bool]:
    agents: list[Any] = []
    patients: list[Any] = []
    passive = any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            agents.extend(_with_conjuncts(child))
        elif child.dep_ in _PASSIVE_SUBJECTS | _OBJECTS:
            patients.extend(_with_conjuncts(child))
        elif child.dep_ == "agent":
            agents.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS | {"with"}:
            patients.extend(_pobjs(child))
    if not agents and verb.dep_ in _INHERIT_DEPS and verb.head is not verb:
        # "forces stormed the town, killing six": the participle shares the main subject
        governor = verb.head
        for child in governor.children:
            if child.dep_ in _SUBJECTS:
                agents.extend(_with_conjuncts(child))
            elif child.dep_ == "agent":
                agents.extend(_pobjs(child))
        if not agents and verb.dep_ == "conj":
            agents.extend(c for c in governor.children if c.dep_ in _PASSIVE_SUBJECTS)
    return agents, patients, passive


def _is_light(verb: Any) -> bool:
    """Whether a verb only carries its object noun ("carried out an attack", "staged a
    protest"); the word's own stem backs up the lemma the small model sometimes gets wrong."""
    if verb.lemma_.lower() in _LIGHT_VERBS:
        return True
    word = verb.lower_
    stems = {word[:-1], word[:-2], word[:-3]} if len(word) > 4 else set()
    return bool(stems & _LIGHT_VERBS)


def _noun_roles(noun: Any, trigger_tokens: set[int]) -> tuple[list[Any], list[Any]]:
    agents: list[Any] = []
    patients: list[Any] = []
    for child in noun.children:
        if child.i in trigger_tokens:
            continue
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.pos_ in {
            "PROPN",
            "ADJ",
            "NOUN",
        }:
            agents.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"by", "between"}:
            agents.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS | {"with"}:
            patients.extend(_pobjs(child))
        elif child.dep_ == "acl":  # "an attack targeting X"
            patients.extend(c for c in child.children if c.dep_ in _OBJECTS)
    governor = noun.head
    if noun.dep_ in _OBJECTS and _is_light(governor):
        verb_agents, _, _ = _verb_roles(governor)
        agents.extend(verb_agents)
        for child in governor.children:
            if child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS:
                patients.extend(_pobjs(child))
    elif noun.dep_ in _SUBJECTS and governor.lemma_.lower() in _IMPACT_VERBS:
        _, verb_patients, _ = _verb_roles(governor)
        patients.extend(verb_patients)
    elif noun.dep_ == "pobj" and governor.head is not governor:
        # "in an air strike by X", "during clashes with X"
        verb = governor.head
        if verb.pos_ in {"VERB", "AUX"} and governor.lower_ not in {"by", "between", "with"}:
            _, verb_patients, passive = _verb_roles(verb)
            if passive:  # "six were killed in an air strike"
                patients.extend(verb_patients)
    return agents, patients


def _places(head: Any) -> tuple[list[Any], list[Any]]:
    """Objects of locative prepositions on the trigger and on the verb governing it."""
    places: list[Any] = []
    near: list[Any] = []
    owners = [head]
    if head.head is not head and head.dep_ in _OBJECTS | _SUBJECTS | {"pobj"}:
        owners.append(head.head if head.dep_ != "pobj" else head.head.head)
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                targets = list(_pobjs(child))
                (near if child.lower_ in _NEAR_PREPS else places).extend(targets)
            elif child.dep_ in {"advmod", "npadvmod"} and child.lower_ in _NEAR_PREPS:
                for grand in child.children:
                    if grand.dep_ == "prep":
                        near.extend(_pobjs(grand))
    return places, near


def trigger_roles(doc: Any, head: int, first: int | None = None, last: int | None = None) -> Roles:
    """The argument phrases of the trigger whose head token is ``doc[head]`` (its words run from
    ``first`` to ``last``, token indices, when it spans several)."""
    token = doc[head]
    trigger_tokens = set(range(first if first is not None else head, (last or head) + 1))
    passive = False
    if token.pos_ in {"VERB", "AUX"}:
        agent_tokens, patient_tokens, passive = _verb_roles(token)
    else:
        agent_tokens, patient_tokens = _noun_roles(token, trigger_tokens)
        if token.head is not token and token.head.i in trigger_tokens:
            more_agents, more_patients, passive = _verb_roles(token.head)
            agent_tokens += more_agents
            patient_tokens += more_patients
    place_tokens, near_tokens = _places(token)
    source_tokens = [
        pobj
        for owner in (token, token.head)
        for child in owner.children
        if child.dep_ == "prep" and child.lower_ == "from"
        for pobj in _pobjs(child)
    ]

    def spans(tokens: list[Any]) -> tuple[Span, ...]:
        seen: list[Span] = []
        for t in tokens:
            if t.i in trigger_tokens:
                continue
            span = (
                _subtree_span(t) if t.dep_ not in {"compound", "amod"} else (t.idx, t.idx + len(t))
            )
            if span not in seen:
                seen.append(span)
        return tuple(seen)

    return Roles(
        agents=spans(agent_tokens),
        patients=spans(patient_tokens),
        places=spans(place_tokens),
        near=spans(near_tokens),
        passive=passive,
        sources=spans(source_tokens),
    )
