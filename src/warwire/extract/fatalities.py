"""Fatalities: how many people a sentence says were killed.

A number counts when the parse ties it to a death: the object of "kill" ("killing at least 12
people"), the passive subject of "kill" ("12 people were killed"), the subject of "die", a noun
such as "deaths" or "bodies" it counts, a "dead" it governs ("left 12 dead"), or a death toll
it is the level of ("the death toll rose to 30"). Numbers joined by "and" under the same death
("killing five soldiers and three civilians") add up. Vague words count as ACLED does: "dozens"
is 12, "hundreds" 100 (see :mod:`warwire.nlp.quantities`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warwire.models import Qualifier
from warwire.nlp.doctext import doc_text
from warwire.nlp.quantities import Quantity, find_quantities

__all__ = ["Fatalities", "find_fatalities"]

_KILL_VERBS = frozenset(
    {
        "kill",
        "slay",
        "execute",
        "massacre",
        "behead",
        "murder",
        "assassinate",
        "claim",
        "slaughter",
        "gun",
        "shoot",
        "leave",
    }
)
_DIE_VERBS = frozenset({"die", "perish", "succumb"})
_DEATH_NOUNS = frozenset(
    {"death", "deaths", "fatality", "fatalities", "body", "bodies", "corpse", "corpses", "life"}
)
_NOT_DEATH = frozenset({"wounded", "injured", "hurt", "injuries", "injury", "wounds"})


@dataclass(frozen=True)
class Fatalities:
    """A fatality figure: ``low``..``high`` (equal unless a range), its qualifier and words."""

    low: int
    high: int
    qualifier: Qualifier
    start: int
    end: int


def _number_token(doc: Any, quantity: Quantity) -> Any | None:
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[-1]


def _counted(token: Any) -> Any:
    """The noun a number counts ("12 people" -> people), or the number itself."""
    token = _conjunct_root(token)  # "between 10 and 15 villagers": 15 hangs on 10
    if token.dep_ in {"nummod", "quantmod"} and token.head is not token:
        head = token.head
        if head.dep_ in {"nummod", "quantmod"} and head.head is not head:
            head = head.head
        return head
    return token


def _is_death(noun: Any) -> bool:
    """Whether ``noun`` (a counted noun or a bare number) is said to have died."""
    if noun.lower_ in _NOT_DEATH:
        return False
    if noun.lemma_.lower() in _DEATH_NOUNS or noun.lower_ in _DEATH_NOUNS:
        return noun.lower_ not in {"life"} or noun.head.lemma_.lower() in {"claim", "lose"}
    for child in noun.children:
        if child.lower_ == "dead" or (child.dep_ == "amod" and child.lower_ in {"dead", "killed"}):
            return True
        if child.dep_ == "acl" and child.lemma_.lower() in _KILL_VERBS | _DIE_VERBS:
            return True  # "12 people killed in the attack"
    governor = noun.head
    # "12 people were killed" / "killing 12 people" / "12 died"
    lemma = governor.lemma_.lower()
    if noun.dep_ in {"dobj", "obj", "nsubjpass"} and lemma in _KILL_VERBS:
        if lemma == "leave":
            return any(c.lower_ == "dead" for c in governor.children)
        if lemma in {"shoot", "gun"}:
            return any(c.lower_ in {"dead", "down"} for c in governor.children)
        return lemma != "claim"
    if noun.dep_ == "nsubj" and lemma in _DIE_VERBS:
        return True
    if noun.dep_ in {"nsubj", "nsubjpass"} and lemma == "be":
        return any(c.lower_ == "dead" or c.lower_ == "killed" for c in governor.children)
    # "the death toll rose to 30": the number under "to" on a verb whose subject is a toll
    if noun.dep_ == "pobj" and governor.lower_ in {"to", "at"}:
        verb = governor.head
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() == "toll" for c in verb.children
        )
    if noun.dep_ == "attr" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() == "toll" for c in governor.children
    ):
        return True
    if noun.dep_ == "conj":
        return _is_death(_conjunct_root(noun))
    return False


def _conjunct_root(token: Any) -> Any:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def find_fatalities(sent: Any) -> Fatalities | None:
    """The fatality figure of one spaCy sentence ``Span``, or None when it gives none."""
    doc = sent.doc
    counted: list[tuple[Quantity, Any]] = []
    for quantity in find_quantities(doc_text(doc), sent.start_char, sent.end_char):
        if quantity.unit is not None:
            continue
        token = _number_token(doc, quantity)
        if token is None:
            continue
        noun = _counted(token)
        if _is_death(noun):
            counted.append((quantity, noun))
    if not counted:
        return None
    # numbers under the same death predicate add up ("five soldiers and three civilians")
    groups: dict[int, list[Quantity]] = {}
    for quantity, noun in counted:
        groups.setdefault(_conjunct_root(noun).head.i, []).append(quantity)
    first = next(iter(groups.values()))
    low = int(sum(q.low for q in first))
    high = int(sum(q.high for q in first))
    qualifiers = {q.qualifier for q in first}
    qualifier: Qualifier = qualifiers.pop() if len(qualifiers) == 1 else "approx"
    return Fatalities(low, high, qualifier, min(q.start for q in first), max(q.end for q in first))
