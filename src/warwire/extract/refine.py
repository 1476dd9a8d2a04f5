"""Sub-event types decided by the arguments: who did what to whom, with what.

A trigger gives a first reading; ACLED's definitions then depend on the event's participants and
means (ACLED Codebook, "Event types and sub-event types"):

- an earthquake or a drought that kills is no conflict event;
- a chemical agent anywhere in the sentence makes an explosion or attack a chemical weapon
  event; aircraft or drones as the agent an air strike; artillery or rockets shelling; a suicide
  bomber a suicide bomb;
- a seizure is territory only when what was seized is a place: seized people are an arrest (by
  state forces) or an abduction, seized weapons a disrupted weapons use; a seizure "without a
  fight" or "under a deal" is a non-violent transfer; territory taken by state forces is
  regained, by anyone else overtaken;
- an arrest by a non-state group is an abduction;
- violence by protesters, rioters or a mob is a violent demonstration;
- an attack on armed people or military targets is an armed clash, on civilians an attack.

The word lists are data (``vocab/events.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from warwire.extract.roles import Roles, Span
from warwire.extract.triggers import Trigger

__all__ = ["Participants", "RefineVocab", "refine", "refine_vocab"]

_ARMED_TYPES = frozenset({1, 2, 3, 8})
_NON_STATE = frozenset({2, 3, 4})
_STATE = 1
TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_EXPLOSIONS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
    }
)
_VIOLENT = _EXPLOSIONS | {"Attack", "Armed clash", "Chemical weapon"}
_TYPE_OF = {
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
}


@dataclass(frozen=True)
class RefineVocab:
    civilian: frozenset[str]
    armed: frozenset[str]
    instruments: tuple[tuple[str, frozenset[str]], ...]
    not_agents: frozenset[str]
    peaceful: tuple[str, ...]
    rioters: frozenset[str]
    territory: frozenset[str]
    persons: frozenset[str]
    weapons: frozenset[str]
    state: frozenset[str]
    nonstate: frozenset[str]
    fall: frozenset[str]


@cache
def refine_vocab() -> RefineVocab:
    """The word lists of ``vocab/events.yaml`` that refinement uses (loaded once)."""
    path = resources.files("warwire") / "vocab" / "events.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    instruments = tuple(
        (str(sub), frozenset(str(w).lower() for w in items))
        for sub, items in (data.get("instruments") or {}).items()
    )
    return RefineVocab(
        civilian=words("civilian_words"),
        armed=words("armed_words"),
        instruments=instruments,
        not_agents=words("not_agents"),
        peaceful=tuple(str(w).lower() for w in data.get("peaceful_markers") or ()),
        rioters=words("rioters"),
        territory=words("territory_words"),
        persons=words("person_words"),
        weapons=words("weapon_words"),
        state=words("state_words"),
        nonstate=words("nonstate_words"),
        fall=words("fall_verbs"),
    )


@dataclass(frozen=True)
class Participants:
    """What refinement needs to know about a trigger's arguments in its sentence."""

    sentence: Any  # the spaCy sentence Span
    roles: Roles
    actor1_type: int | None
    actor2_type: int | None
    patient_is_place: bool
    is_place: Callable[[Span], bool]


def _span_tokens(doc: Any, spans: Sequence[Span]) -> list[Any]:
    tokens: list[Any] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens


def _heads(doc: Any, spans: Sequence[Span]) -> list[str]:
    heads = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            heads.append((span.root.lemma_ or span.root.text).lower())
    return heads


def _lemmas(tokens: Sequence[Any]) -> set[str]:
    return {(t.lemma_ or t.text).lower() for t in tokens} | {t.lower_ for t in tokens}


def _patient_kind(doc: Any, p: Participants, vocab: RefineVocab) -> str | None:
    """``armed``, ``civilian`` or None: who the event was done to."""
    if p.actor2_type in _ARMED_TYPES:
        return "armed"
    if p.actor2_type == 7:
        return "civilian"
    for lemma in _heads(doc, p.roles.patients):
        if lemma in vocab.armed:
            return "armed"
        if lemma in vocab.civilian:
            return "civilian"
    if p.patient_is_place:
        return "civilian"  # "gunmen attacked a village"
    return None


def _agent_side(doc: Any, p: Participants, vocab: RefineVocab) -> str | None:
    """``state`` or ``nonstate`` for the agent, from its actor type or its head word."""
    if p.actor1_type == _STATE:
        return "state"
    if p.actor1_type is not None:
        return "nonstate"
    for lemma in _heads(doc, p.roles.agents):
        if lemma in vocab.state:
            return "state"
        if lemma in vocab.nonstate:
            return "nonstate"
    return None


def _territory(
    trigger: Trigger, doc: Any, p: Participants, vocab: RefineVocab, text: str
) -> tuple[str, str] | None:
    patients = _heads(doc, p.roles.patients)
    side = _agent_side(doc, p, vocab)
    if patients and not p.patient_is_place:
        head = patients[0]
        if head in vocab.weapons:
            return "Strategic developments", "Disrupted weapons use"
        if head in vocab.persons:
            if side == "nonstate":
                return "Violence against civilians", "Abduction/forced disappearance"
            return "Strategic developments", "Arrests"
        if head not in vocab.territory:
            return None  # "stormed a maternity ward": the attack is stated elsewhere
    if any(marker in text for marker in vocab.peaceful):
        return "Strategic developments", "Non-violent transfer of territory"
    if side == "state":
        return "Battles", "Government regains territory"
    if side == "nonstate":
        return "Battles", "Non-state actor overtakes territory"
    return trigger.event_type, trigger.sub_event_type


def refine(trigger: Trigger, p: Participants) -> tuple[str, str] | None:
    """The (event_type, sub_event_type) of ``trigger`` given its participants; None to drop."""
    vocab = refine_vocab()
    sent = p.sentence
    doc = sent.doc
    sub = trigger.sub_event_type
    text = sent.text.lower()
    agent_tokens = _span_tokens(doc, p.roles.agents)
    agent_words = _lemmas(agent_tokens)
    if sub in _VIOLENT | TERRITORY and set(_heads(doc, p.roles.agents)) & vocab.not_agents:
        return None  # "an earthquake killed 2,900 people"
    if sub in _VIOLENT:
        sentence_words = _lemmas(list(sent))
        for instrument, words in vocab.instruments:
            if instrument == sub:
                continue
            if instrument == "Chemical weapon":
                if sentence_words & words:
                    return _TYPE_OF[instrument], instrument
            elif agent_words & words and (trigger.weak or sub == "Remote explosive/landmine/IED"):
                return _TYPE_OF[instrument], instrument
    if sub in TERRITORY:
        return _territory(trigger, doc, p, vocab, text)
    if sub == "Arrests" and p.actor1_type in _NON_STATE:
        return "Violence against civilians", "Abduction/forced disappearance"
    if sub in {"Attack", "Armed clash", "Looting/property destruction"} and (
        set(_heads(doc, p.roles.agents)) & vocab.rioters
    ):
        return "Riots", "Violent demonstration"
    if sub == "Attack" or (sub == "Armed clash" and trigger.weak):
        target = _patient_kind(doc, p, vocab)
        if target == "armed" or (
            target is None and p.actor1_type in _ARMED_TYPES and p.actor2_type is not None
        ):
            return "Battles", "Armed clash"
        if target == "civilian":
            return "Violence against civilians", "Attack"
        if sub == "Armed clash":
            return "Battles", "Armed clash"
        if trigger.weak and not p.roles.patients and p.actor1_type is None:
            return None  # "killed" with nobody killed and nobody killing: too thin
        return "Violence against civilians", "Attack"
    return trigger.event_type, sub
