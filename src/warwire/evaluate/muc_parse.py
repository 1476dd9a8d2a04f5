"""Dependency-parse helpers of the MUC-4 role filler: incident words, their arguments, phrases.

An incident word's arguments are ``(slot, head token)`` pairs (:func:`arguments`). Slots:

- ``agent``: a verb's subject, "by X" in the passive, the noun a relative clause hangs on
  ("the guerrillas who attacked"), a governing verb's subject when the verb has none
  ("entered the town and killed"); for a noun, "by X" and the subject of a light verb
  ("staged an attack", "claimed responsibility for the attack") or of a blame word ("X were
  implicated in the murder", "blamed the murder on X").
- ``patient``: the object, the passive subject, "against/on/at X", a noun's "of X"; the noun
  a participle hangs on ("the houses destroyed by...").
- ``instrument``: "with X", "using X", and the subject of "explode" verbs.
- ``place``: "in/at/near/inside X" (targets only), ``possessor`` ("galan's murder") and
  ``modifier`` ("dynamite attack", "fmln attack").

Phrases are cut as MUC-4 fillers are: the head with its left modifiers, without articles,
possessives and quantifiers (:func:`left_tokens`), plus an "of" phrase where the filler style
keeps one (:func:`of_phrase`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from warwire.evaluate.muc import normalise_filler
from warwire.evaluate.muc_lexicon import MucLexicon

__all__ = [
    "NOUNS",
    "Filler",
    "Token",
    "arguments",
    "coordinated",
    "distance",
    "left_tokens",
    "lemma_key",
    "make_filler",
    "of_phrase",
    "phrase_text",
    "trigger_kind",
]

Token = Any  # a spaCy Token
NOUNS = frozenset({"NOUN", "PROPN"})
_DROP_LEFT = frozenset({"det", "predet", "poss", "case", "punct", "cc", "preconj", "prep"})
_QUANTIFIERS = frozenset(
    [
        "several",
        "some",
        "many",
        "other",
        "another",
        "various",
        "numerous",
        "few",
        "all",
        "both",
        "at",
        "least",
        "about",
        "approximately",
        "around",
        "nearly",
        "almost",
        "more",
        "than",
        "over",
        "up",
        "to",
        "alleged",
        "presumed",
        "suspected",
        "same",
        "so",
        "called",
        "-",
        "so-called",
        "self",
        "styled",
        "self-styled",
        "following",
        "these",
        "those",
        "such",
    ]
)
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PATIENT_PREPS = frozenset({"against", "on", "at", "upon"})
_PLACE_PREPS = frozenset(
    {"in", "at", "inside", "near", "outside", "into", "to", "under", "across", "beside", "behind"}
)
_LOCATIVE_NOUNS = frozenset({"front", "outside", "inside", "vicinity", "entrance", "door", "gate"})
_INSTRUMENT_PREPS = frozenset({"with", "using"})
_WEAPON_SUBJECTS = frozenset({"explode", "bombing", "placing"})


@dataclass(frozen=True)
class Filler:
    """One role filler found in a document.

    ``text`` is the filler as scored, ``token`` the index of its first token, ``key`` what
    makes two fillers one entity; ``trigger`` is the lemma of the incident word it was found
    for and ``slot`` how (an argument slot, or ``sentence`` for the sentence-wide rules).
    """

    role: str
    text: str
    token: int
    key: str
    trigger: str = ""
    slot: str = ""


def make_filler(role: str, tokens: list[Token], key: str | None = None) -> Filler:
    """A filler of ``role`` whose text is ``tokens`` (keyed by its normalised text)."""
    text = phrase_text(tokens)
    return Filler(role, text, tokens[0].i, key or normalise_filler(text))


def trigger_kind(token: Token, lex: MucLexicon) -> str | None:
    """The incident type a token states (a verb or noun of the lexicon), or None."""
    lemma, word = token.lemma_.lower(), token.lower_
    if token.pos_ == "VERB":
        table = lex.verbs
    elif token.pos_ in NOUNS:
        table = lex.nouns
    else:
        return None
    for child in token.children:  # "blow up", "set fire", "bomb attack"
        kind = table.get((lemma, child.lower_)) or table.get((child.lower_, lemma))
        if kind:
            return kind
    return table.get((lemma,)) or table.get((word,))


def arguments(token: Token, kind: str, lex: MucLexicon) -> Iterator[tuple[str, Token]]:
    """The ``(slot, head token)`` arguments of an incident word (see the module docstring)."""
    if token.pos_ == "VERB":
        yield from _verb_arguments(token, kind)
    else:
        yield from _noun_arguments(token, lex)


def _verb_arguments(verb: Token, kind: str) -> Iterator[tuple[str, Token]]:
    subject_slot = "instrument" if kind == "explode" else "agent"
    patient_slot = "instrument" if kind in _WEAPON_SUBJECTS else "patient"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    has_subject = False
    for child in verb.children:
        dep = child.dep_
        relative = child.lower_ in _RELATIVE and verb.dep_ == "relcl"
        if dep == "nsubj":
            has_subject = True
            yield subject_slot, verb.head if relative else child
        elif dep == "nsubjpass":
            has_subject = True
            yield patient_slot, verb.head if relative else child
        elif dep == "dobj":
            yield "patient", child
        elif dep == "agent":
            for pobj in _pobjs(child):
                yield subject_slot, pobj
        elif dep == "prep":
            yield from _prep_arguments(child)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the houses destroyed by the bomb"
        yield patient_slot, verb.head
    elif verb.dep_ == "acl" and not has_subject:  # "an attempt by the fmln to kidnap"
        yield from _by_agents(verb.head)
    elif not has_subject and not passive and verb.dep_ in ("conj", "xcomp", "advcl"):
        for child in verb.head.children:
            if child.dep_ == "nsubj" and child.lower_ not in _RELATIVE:
                yield subject_slot, child


def _prep_arguments(prep: Token) -> Iterator[tuple[str, Token]]:
    word = prep.lower_
    for pobj in _pobjs(prep):
        if word in _INSTRUMENT_PREPS:
            yield "instrument", pobj
        elif word in _PATIENT_PREPS:
            yield "patient", pobj
        elif word in _PLACE_PREPS:
            yield "place", pobj


def _noun_arguments(noun: Token, lex: MucLexicon) -> Iterator[tuple[str, Token]]:
    for child in noun.children:
        if child.dep_ == "prep":
            word = child.lower_
            for pobj in _pobjs(child):
                if word == "by":
                    yield "agent", pobj
                elif word in _PATIENT_PREPS or word == "of":
                    yield "patient", pobj
                elif word in _INSTRUMENT_PREPS:
                    yield "instrument", pobj
                elif word in _PLACE_PREPS:
                    yield "place", pobj
        elif child.dep_ == "poss":
            yield "possessor", child
        elif child.dep_ in ("compound", "nmod"):
            yield "modifier", child
        elif child.dep_ == "acl" and child.lemma_.lower() in lex.light_verbs:
            yield from _by_agents(child)  # "the attack staged by urban commandos"
    yield from _governor_agents(noun, lex)


def _by_agents(word: Token) -> Iterator[tuple[str, Token]]:
    """The "by X" agents of a word."""
    for child in word.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in _pobjs(child):
                yield "agent", pobj


def _governor_agents(noun: Token, lex: MucLexicon) -> Iterator[tuple[str, Token]]:
    """The agent a light verb or a blame word governing ``noun`` names."""
    node = noun
    for _ in range(3):
        if node.dep_ not in ("dobj", "nsubjpass", "pobj", "prep") or node.head.i == node.i:
            return
        came_from, node = node, node.head
        lemma = node.lemma_.lower()
        if lemma in lex.blame_words:
            yield from _blamed(node, came_from)
            return
        if node.pos_ in ("VERB", "AUX"):
            if lemma in lex.light_verbs:
                for child in node.children:
                    if child.dep_ == "nsubj" and child.lower_ not in _RELATIVE:
                        yield "agent", child
                    elif child.dep_ == "nsubj" and node.dep_ == "relcl":
                        yield "agent", node.head
                    elif child.dep_ == "agent":  # "the attack was carried out by x"
                        for pobj in _pobjs(child):
                            yield "agent", pobj
                    elif child.dep_ == "prep" and child.lower_ in _INSTRUMENT_PREPS:
                        for pobj in _pobjs(child):  # "the attack was carried out with grenades"
                            yield "instrument", pobj
            return


def _blamed(word: Token, came_from: Token) -> Iterator[tuple[str, Token]]:
    """Who a blame word points at: "X are implicated in", "X is responsible for", "was
    attributed to X", "blamed the murder on X", "accused X of"."""
    subject_deps = ("nsubj", "nsubjpass")
    for child in word.children:
        if child.i == came_from.i:
            continue
        if child.dep_ == "prep" and child.lower_ in ("to", "on"):
            for pobj in _pobjs(child):
                yield "agent", pobj
        elif (child.dep_ == "dobj" and came_from.dep_ == "prep") or (
            child.dep_ in subject_deps and word.lemma_.lower() != "attribute"
        ):  # "accused X of the murder"
            yield "agent", child
    if word.dep_ == "acomp":  # "X is responsible for"
        for child in word.head.children:
            if child.dep_ in subject_deps:
                yield "agent", child


def _pobjs(prep: Token) -> Iterator[Token]:
    """The objects of a preposition; "in front of X" and "outside of X" give X."""
    for child in prep.children:
        if child.dep_ == "pobj" and child.lower_ in _LOCATIVE_NOUNS:
            inner = [t for c in child.children if c.lower_ == "of" for t in _pobjs(c)]
            yield from inner or [child]
        elif child.dep_ == "pobj":
            yield child
        elif (child.dep_ == "pcomp" and child.lower_ in ("of", "from")) or (
            child.dep_ == "prep"
            and prep.lower_ in ("in", "at", "across")
            and child.lower_ in ("of", "from")
        ):  # "in front of X", "across from X"
            yield from _pobjs(child)


def coordinated(token: Token) -> Iterator[Token]:
    """The token and the heads coordinated with it ("houses and stores") or listed in
    apposition to it ("four buildings: a bank, a hotel and a store")."""
    yield token
    for child in token.children:
        if child.dep_ in ("conj", "appos") and child.pos_ in NOUNS:
            yield from coordinated(child)


def left_tokens(head: Token, *, numbers: bool = True) -> list[Token]:
    """The head with its left modifiers, without articles, possessives, quantifiers ("several",
    "at least") and leading marks; without leading numbers too unless ``numbers``."""
    doc = head.doc
    start = min([head.i, *(child.left_edge.i for child in head.lefts)])
    dropped: set[int] = set()
    for child in head.lefts:
        if child.dep_ == "poss":
            dropped.update(t.i for t in child.subtree)
    kept = [doc[i] for i in range(start, head.i + 1) if i not in dropped]
    while kept and kept[0].i != head.i and _droppable(kept[0], numbers):
        if _compound_number(kept):
            break  # "9-mm gun", "5-ton bombs": the number is part of the word
        kept.pop(0)
    return kept


def _compound_number(tokens: list[Token]) -> bool:
    """Whether the first token is a number hyphenated to the next word ("81-mm")."""
    return (
        len(tokens) > 2
        and tokens[0].like_num
        and not tokens[0].whitespace_
        and tokens[1].text == "-"
        and not tokens[1].whitespace_
    )


def _droppable(token: Token, numbers: bool) -> bool:
    return (
        token.dep_ in _DROP_LEFT
        or token.is_punct
        or token.lower_ in _QUANTIFIERS
        or (not numbers and (token.like_num or token.dep_ == "nummod"))
    )


def of_phrase(head: Token, depth: int = 0) -> list[Token]:
    """The "of X" phrase right after a head ("offices of the labor unions"), nested ones
    included (two deep), cut like :func:`left_tokens`; empty when there is none."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            for pobj in _pobjs(child):
                inner = left_tokens(pobj)
                if pobj.pos_ not in NOUNS or not inner:
                    return []
                rest = of_phrase(pobj, depth + 1) if depth < 2 else []
                return [child, *inner, *rest]
    return []


def phrase_text(tokens: Iterable[Token]) -> str:
    """The words as the document writes them: its spacing kept between neighbouring tokens."""
    parts: list[str] = []
    last = None
    for tok in tokens:
        if last is not None:
            parts.append(last.whitespace_ if tok.i == last.i + 1 else " ")
        parts.append(tok.text)
        last = tok
    return "".join(parts).strip()


def lemma_key(tokens: list[Token]) -> str:
    """A key under which "bomb", "bombs" and "two bombs" are one entity."""
    return " ".join(t.lemma_.lower() for t in tokens if not t.like_num)


def distance(a: Token, b: Token) -> int:
    """The number of dependency arcs between two tokens (99 when not in one tree)."""
    up: dict[int, int] = {}
    node, steps = a, 0
    while True:
        up[node.i] = steps
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    node, steps = b, 0
    while node.i not in up:
        if node.head.i == node.i:
            return 99
        node, steps = node.head, steps + 1
    return steps + up[node.i]
