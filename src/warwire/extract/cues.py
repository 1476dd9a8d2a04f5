"""How a sentence states an event or a claim: hedged, negated, future, and who says so.

    "Rebels reportedly captured the town, the army said."  (head: "captured")
    -> Cues(hedged=True, negated=False, future=False, attributed_to="the army", ...)

:func:`cues_for` reads the spaCy dependency parse around one trigger word (``head``: a verb such
as "captured" or a noun such as "strike"). It walks from the head up to the root of the sentence
and looks at what governs it:

- its own clause (the head, and the verb it belongs to when it is a noun): "not"/"never",
  "no attack", "may have", "will", hedge adverbs ("reportedly") and adjectives ("alleged");
- verbs that take it as a complement: "failed to", "denied that" (negated), "plans to",
  "is expected to", "threatened to" (future), "is said to", "claimed that", "estimated that"
  (hedged), and speech verbs ("X said", "X told reporters") whose subject is the source;
- nouns that carry it as content: "claims that", "reports that";
- "according to X" anywhere in the sentence.

The words are data: ``vocab/cues.yaml``. A cue that does not govern the head is not its cue:
in "No civilians were killed in the strike" the strike is not negated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from warwire.nlp.doctext import doc_text

__all__ = ["Cues", "cues_for"]


@dataclass(frozen=True)
class Cues:
    """The cues of one event or claim. ``attributed_to`` is the source's words as written,
    ``[attributed_start, attributed_end)`` their character offsets in the spaCy doc's text."""

    hedged: bool = False
    negated: bool = False
    future: bool = False
    attributed_to: str | None = None
    attributed_start: int | None = None
    attributed_end: int | None = None


@dataclass(frozen=True)
class _Words:
    speech: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_passives: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_nouns: frozenset[str]
    content_nouns: frozenset[str]
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    future_modals: frozenset[str]
    future_verbs: frozenset[str]
    future_adjectives: frozenset[str]
    future_nouns: frozenset[str]
    pronouns: frozenset[str]


@cache
def _words() -> _Words:
    """``vocab/cues.yaml``, loaded once."""
    from warwire.geo.curated import read_vocab

    data: dict[str, Any] = read_vocab("cues.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return _Words(
        speech=words("speech_verbs"),
        hedge_verbs=words("hedge_verbs"),
        hedge_passives=words("hedge_passives"),
        hedge_adverbs=words("hedge_adverbs"),
        hedge_adjectives=words("hedge_adjectives"),
        hedge_modals=words("hedge_modals"),
        hedge_nouns=words("hedge_nouns"),
        content_nouns=words("content_nouns"),
        negation=words("negation_words"),
        negating_verbs=words("negating_verbs"),
        future_modals=words("future_modals"),
        future_verbs=words("future_verbs"),
        future_adjectives=words("future_adjectives"),
        future_nouns=words("future_nouns"),
        pronouns=words("pronouns"),
    )


# Links from a word of a noun phrase up to the verb of its clause.
_NOUN_LINKS = frozenset(
    {
        *("nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "compound", "appos"),
        *("npadvmod", "nmod", "poss", "amod", "nummod", "quantmod", "dative", "oprd"),
        *("agent", "pcomp", "acomp", "advmod", "conj", "dep", "obj", "obl", "case"),
    }
)
# Links from a verb up to a verb or noun that governs its clause.
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "advcl", "parataxis", "acl", "pcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_THEMES = frozenset({"dobj", "nsubjpass", "attr", "obj"})
_EXCLUDED_FROM_SOURCE = frozenset({"relcl", "appos", "acl", "punct", "parataxis", "advcl", "cc"})
_VERBS = frozenset({"VERB", "AUX"})
_CONFIRM = frozenset({"confirm", "verify", "corroborate", "substantiate"})
_RESPONSIBILITY = frozenset({"responsibility", "credit"})


def _lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def _is_verb(token: Token) -> bool:
    return token.pos_ in _VERBS or token.dep_ in {"ROOT", "ccomp", "xcomp", "advcl", "relcl"}


def _children(token: Token, *deps: str) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def _path(head: Token, sent: Span, words: _Words) -> list[tuple[Token, str]]:
    """The head and each word above it, each with the dependency that links the word below."""
    steps: list[tuple[Token, str]] = [(head, "")]
    token = head
    while token.head.i != token.i and sent.start <= token.head.i < sent.end:
        link = token.dep_
        if link == "relcl":
            # a relative clause describes a noun, and what governs the noun is not about it;
            # but "reports that militants captured ..." is the content of the reports
            if _lemma(token.head) not in words.content_nouns or not any(_children(token, "mark")):
                break
            link = "acl"
        steps.append((token.head, link))
        token = token.head
    return steps


@dataclass
class _Reading:
    hedged: bool = False
    negated: bool = False
    future: bool = False


def cues_for(sent: Span, head: Token) -> Cues:
    """The hedge, negation, future and attribution cues of ``head`` in its sentence ``sent``."""
    words = _words()
    path = _path(head, sent, words)
    reading = _Reading()
    own_verb_index = next((n for n, (t, _) in enumerate(path) if _is_verb(t)), None)
    own = path if own_verb_index is None else path[: own_verb_index + 1]
    _read_own_clause(head, own, reading, words)
    source: Token | None = None
    below = own[-1][0]
    for token, link in path[len(own) :]:
        if _is_verb(token) and link in _CLAUSE_LINKS:
            _read_governor(token, link, below, reading, words)
            if source is None and link in {"ccomp", "xcomp", "parataxis", "conj", "advcl"}:
                source = _speaker(token, words)
        elif _is_verb(token) and _lemma(below) in words.content_nouns:
            # "rejected claims that ...", "reports that ... could not be confirmed"
            if _lemma(token) in words.negating_verbs:
                reading.negated = True
            if _lemma(token) in _CONFIRM and _has_child(token, words.negation, "neg"):
                reading.hedged = True
        elif link in {"acl", "ccomp"} and _lemma(token) in words.content_nouns:
            reading.hedged |= _lemma(token) in words.hedge_nouns
            reading.hedged |= _has_child(token, words.hedge_adjectives, "amod")
        below = token
    for token, _ in path:
        if _is_verb(token):
            reading.hedged |= _has_child(token, words.hedge_adverbs, "advmod")
            if source is None:
                source = _trailing_speaker(token, words)
    attributed = _according_to(sent, path) or (_phrase(source) if source is not None else None)
    if attributed is not None:
        first, last = attributed
        if any(_lemma(t) in words.hedge_adjectives | words.hedge_nouns for t in _span(first, last)):
            reading.hedged = True
        return Cues(
            reading.hedged,
            reading.negated,
            reading.future,
            attributed_to=doc_text(first.doc)[first.idx : last.idx + len(last.text)],
            attributed_start=first.idx,
            attributed_end=last.idx + len(last.text),
        )
    return Cues(reading.hedged, reading.negated, reading.future)


def _has_child(token: Token, lemmas: frozenset[str], *deps: str) -> bool:
    return any(_lemma(c) in lemmas or c.lower_ in lemmas for c in token.children if c.dep_ in deps)


def _read_own_clause(
    head: Token, own: list[tuple[Token, str]], reading: _Reading, words: _Words
) -> None:
    """Cues of the head's own clause: the head and, for a noun, the verb of its clause."""
    modifiers = ("amod", "advmod", "nummod", "quantmod", "det", "neg", "compound")
    near = [head, *(c for c in head.children if c.dep_ in {"nummod", "quantmod"})]
    for token in near:
        reading.hedged |= _has_child(
            token, words.hedge_adjectives | words.hedge_adverbs, *modifiers
        )
    if not _is_verb(head):
        reading.negated |= _has_child(head, words.negation, "det", "neg")
        reading.future |= _has_child(head, words.future_adjectives, "amod", "compound")
    verb, link_to_verb = own[-1][0], (own[-2][0].dep_ if len(own) > 1 else "")
    if not _is_verb(verb):
        return
    _read_verb_group(verb, reading, words, negation=_is_verb(head) or link_to_verb in _THEMES)
    hedging = words.hedge_passives - {"say", "report", "claim", "know", "consider"}
    if _lemma(verb) in hedging and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        reading.hedged = True  # "the population is estimated at", "is believed held"
    if _is_verb(head):
        for subject in _children(head, *_SUBJECTS):
            if subject.lower_ in {"none", "nobody", "nothing"} or _has_child(
                subject, frozenset({"no"}), "det"
            ):
                reading.negated = True
    # "preparing for an assault", "plans for an offensive", "warned of an attack"
    for token, link in own[1:]:
        if link == "pobj" and token.dep_ == "prep" and token.lower_ in {"for", "of", "on"}:
            governor = token.head
            if _lemma(governor) in words.future_verbs | words.future_nouns:
                reading.future = True


def _read_verb_group(verb: Token, reading: _Reading, words: _Words, negation: bool) -> None:
    """Auxiliaries and negation of a verb, and of the verb it is coordinated with."""
    group = [verb]
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        group.append(verb.head)  # "will attack and capture": the modal is on the first verb
    for member in group:
        auxiliaries = [c for c in member.children if c.dep_ in {"aux", "auxpass"}]
        lowers = {a.lower_ for a in auxiliaries} | {_lemma(a) for a in auxiliaries}
        reading.future |= bool(lowers & words.future_modals)
        reading.hedged |= bool(lowers & words.hedge_modals)
        if member is verb and negation and _has_child(member, words.negation, "neg"):
            if _lemma(member) in _CONFIRM:
                reading.hedged = True  # "could not be confirmed"
            else:
                reading.negated = True


def _read_governor(
    governor: Token, link: str, below: Token, reading: _Reading, words: _Words
) -> None:
    """Cues of a verb that takes the head's clause as its complement."""
    lemma = _lemma(governor)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in governor.children)
    negated_here = _has_child(governor, words.negation, "neg")
    if link == "xcomp":
        if lemma in words.future_verbs or (lemma == "go" and governor.tag_ == "VBG"):
            reading.future = True  # plans to, is expected to, is going to
        if (passive and lemma in words.hedge_passives) or lemma in {"appear", "seem"}:
            reading.hedged = True  # is said to, were thought to, appears to
        if lemma in words.negating_verbs or (negated_here and lemma not in _CONFIRM):
            reading.negated = True  # failed to, did not manage to
        _read_verb_group(governor, _Reading(), words, negation=False)
        auxiliaries = {c.lower_ for c in governor.children if c.dep_ == "aux"}
        reading.future |= bool(auxiliaries & words.future_modals)
        reading.hedged |= bool(auxiliaries & words.hedge_modals)
    elif link in {"ccomp", "pcomp"}:
        responsibility = any(_lemma(c) in _RESPONSIBILITY for c in _children(governor, "dobj"))
        if lemma in words.hedge_verbs and not responsibility:
            reading.hedged = True  # claimed that, estimated that, believe that
        if passive and lemma in words.hedge_passives:
            reading.hedged = True  # "it is believed that"
        if lemma in words.negating_verbs:
            reading.negated = True  # denied that
        if lemma in _CONFIRM and negated_here:
            reading.hedged = True
    elif link == "conj" and below.dep_ == "conj":
        _read_verb_group(governor, reading, words, negation=False)


def _speaker(verb: Token, words: _Words) -> Token | None:
    """The subject of a speech verb (or "by X" of a passive one), when it is not a pronoun."""
    if _lemma(verb) not in words.speech:
        return None
    subjects = [*_children(verb, "nsubj")]
    if not subjects:
        subjects = [p for a in _children(verb, "agent") for p in _children(a, "pobj")]
    for subject in subjects:
        if subject.lower_ not in words.pronouns and subject.pos_ != "PRON":
            return subject
    return None


def _trailing_speaker(verb: Token, words: _Words) -> Token | None:
    """A speech verb hung under the clause: "Rebels took the town, the army said"."""
    for child in verb.children:
        if child.dep_ == "parataxis" or (
            child.dep_ == "ccomp" and child.i > verb.i and not any(_children(child, "ccomp"))
        ):
            speaker = _speaker(child, words)
            if speaker is not None and not any(_children(child, "dobj")):
                return speaker
    return None


def _according_to(sent: Span, path: list[tuple[Token, str]]) -> tuple[Token, Token] | None:
    """The source of "according to X": the one on the head's path, else the sentence's only one."""
    if "according" not in doc_text(sent.doc)[sent.start_char : sent.end_char].lower():
        return None
    on_path = {t.i for t, _ in path}
    found: list[tuple[bool, Token]] = []
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end:
            to = token.doc[token.i + 1]
            if to.lower_ != "to":
                continue
            objects = [*_children(to, "pobj")] or [*_children(token, "pobj")]
            if objects:
                found.append((token.head.i in on_path, objects[0]))
    chosen = [obj for attached, obj in found if attached] or (
        [found[0][1]] if len(found) == 1 else []
    )
    return _phrase(chosen[0]) if chosen else None


def _phrase(token: Token) -> tuple[Token, Token]:
    """The first and last token of the noun phrase of ``token``, without relative clauses,
    appositions and the punctuation at its edges."""
    keep = sorted(_phrase_tokens(token), key=lambda t: t.i)
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    while len(keep) > 1 and keep[0].is_punct:
        keep.pop(0)
    return keep[0], keep[-1]


def _phrase_tokens(token: Token) -> Iterable[Token]:
    yield token
    for child in token.children:
        if child.dep_ not in _EXCLUDED_FROM_SOURCE:
            yield from _phrase_tokens(child)


def _span(first: Token, last: Token) -> Iterable[Token]:
    return first.doc[first.i : last.i + 1]
