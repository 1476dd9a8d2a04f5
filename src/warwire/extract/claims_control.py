"""Control claims: who holds a place (``controlled_by``), since when (``control_since``) and when
it was taken (``captured_on``).

Read from the parse, with the place and the actor found by their roles, never by nearness:

- capture: "Y captured/seized/took/overran X (in T)", "X was captured by Y", "Y took control of
  X", "X fell to Y in T", "X fell into the hands of Y", "Y lost X to Z", "X came under Y
  control": ``controlled_by`` X = Y, ``captured_on`` X = T;
- holding: "Y has held/controlled X since T", "X has been held by Y since T", "X, under Y control
  since T", "X is under the control of Y", "X remains in Y hands", "Y-held X":
  ``controlled_by`` X = Y, ``control_since`` X = T (only with "since", which may open a clause:
  "since it drove Z out in T"); a past perfect ("X had been held by Y since T") says when the
  hold began, not that it lasts, and gives ``captured_on`` X = T.

The place must be a resolved place mention and the actor a resolved actor mention. Partial
control ("Y controls parts of X", "40 percent of X") is not control of X and is skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warwire.extract.claims_base import ClaimSentence, children, lemma
from warwire.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warwire.models import TimeValue

__all__ = ["control_claims"]

_AT = frozenset({"in", "on", "during", "at", "by"})
_SINCE = frozenset({"since"})
_ACQUIRE = frozenset({"gain", "assume", "wrest", "establish", "win", "grab", "seize", "take"})
_KEEP = frozenset({"have", "keep", "retain", "maintain", "exercise", "exert", "hold"})
_UNDER = frozenset({"under", "in", "into"})
_ENTER_STATE = frozenset({"come", "fall", "pass", "return", "revert"})
_LAST = frozenset({"last", "final", "remaining"})


def control_claims(cs: ClaimSentence) -> None:
    """Add the control claims of one sentence to ``cs.claims``."""
    words = cs.words
    for token in cs.sent:
        word = lemma(token)
        if token.pos_ in {"VERB", "AUX"}:
            if word in words.capture_verbs:
                _transitive(cs, token, capture=True)
            elif word in words.hold_verbs:
                _transitive(cs, token, capture=False)
            elif word in words.fall_verbs:
                _fall(cs, token)
            elif word in words.loss_verbs:
                _loss(cs, token)
        elif word in words.control_nouns and token.pos_ in {"NOUN", "PROPN"}:
            _control_noun(cs, token)
    _held_compounds(cs)


def _place_object(cs: ClaimSentence, token: Token | None, *, last: bool = False) -> str | None:
    """The place an object names: the name itself or a generic place noun with its name
    ("the town of X"), or with ``last`` the last of its parts ("the last positions in X", "the
    final districts of X": taking them completes its capture); not "parts of X", "most of X"."""
    if token is None:
        return None
    if cs.mention_at(token, "place") is None and lemma(token) not in cs.words.place_nouns:
        if not (last and _last_parts(token)):
            return None
        return cs.place_in(token)  # "the last positions (held by Y) in X"
    return cs.entity_of(token, "place")


def _last_parts(token: Token) -> bool:
    return any(c.lower_ in _LAST for c in children(token, "amod"))


def _date(cs: ClaimSentence, words: list[Token], preps: frozenset[str]) -> TimeValue | None:
    """The first date attached to one of ``words`` by one of ``preps``; a capture date may also
    be attached bare ("last June")."""
    for word in words:
        for prep, value in cs.dates_on(word, preps):
            if prep in preps or (prep == "" and preps is _AT):
                return value
    return None


def _emit(
    cs: ClaimSentence,
    head: Token,
    place: str | None,
    actor: str | None,
    *,
    captured: TimeValue | None = None,
    since: TimeValue | None = None,
) -> None:
    if place is None:
        return
    if actor is not None:
        cs.add(head, place, "controlled_by", actor, value_kind="entity")
    if captured is not None:
        cs.add_time(head, place, "captured_on", captured)
    if since is not None:
        cs.add_time(head, place, "control_since", since)


def _transitive(cs: ClaimSentence, verb: Token, capture: bool) -> None:
    """ "Y captured X in T", "X was captured by Y", "X, held by Y since T", "Y has held X since
    T", "X, which Y has held since T". Not a purpose or an attempt: "sent troops to retake X"."""
    if _unachieved(verb):
        return
    agents = [p for a in children(verb, "agent") for p in children(a, "pobj")]
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    objects = [*children(verb, "dobj", "obj")]
    participle = verb.tag_ == "VBN" and not passive and not objects
    if participle and verb.dep_ in {"acl", "amod", "advcl"}:
        # a participle: "X, held by Y since T, ..."
        if verb.dep_ == "advcl":
            place = cs.subject_entity(verb.head, "place")
        else:
            place = _place_object(cs, verb.head)
        actor = next((cs.entity_of(p, "actor") for p in agents), None)
    elif passive:
        place = next((_place_object(cs, s) for s in children(verb, "nsubjpass")), None)
        actor = next((cs.entity_of(p, "actor") for p in agents), None)
    else:
        if objects and lemma(objects[0]) in cs.words.control_nouns:
            return  # "took control of X": read from the noun
        place = _place_object(cs, objects[0], last=capture) if objects else None
        if objects and objects[0].lower_ in {"which", "that"} and verb.dep_ == "relcl":
            place = _place_object(cs, verb.head)  # "X, which Y has held since T"
        actor = cs.subject_entity(verb, "actor")
    if capture:
        dated = [verb, *children(verb, "nsubj")]  # "Iraqi forces on Sunday captured X"
        if objects and _last_parts(objects[0]):  # "the last positions held in X on T"
            dated += children(objects[0], "acl")
        captured = _date(cs, dated, _AT)
        if captured is None and _time_reference(verb):
            return  # "a month after the group seized the city": when, not who holds it
        _emit(cs, verb, place, actor, captured=captured)
        return
    since = _date(cs, [verb], _SINCE) or _since_clause(cs, verb)
    if _past_perfect(verb):  # "had held X since T": when the hold began, not that it lasts
        _emit(cs, verb, place, actor, captured=since)
    else:
        _emit(cs, verb, place, actor, since=since)


_TIME_MARKS = frozenset({"after", "before", "when", "once", "until", "till"})


def _time_reference(verb: Token) -> bool:
    """A capture told to date something else ("after Y seized X", "when Y took X"): without a
    date of its own it says neither when Y took X nor that Y still holds it."""
    return verb.dep_ == "advcl" and any(m.lower_ in _TIME_MARKS for m in children(verb, "mark"))


def _since_clause(cs: ClaimSentence, verb: Token) -> TimeValue | None:
    """The date of a "since" clause: "has held X since it drove Z out in July 2017"."""
    for clause in children(verb, "advcl"):
        if any(m.lower_ == "since" for m in children(clause, "mark")):
            return _date(cs, [clause], _AT)
    return None


def _past_perfect(verb: Token) -> bool:
    """ "had held", "had been held": a hold that has ended by the time of the telling."""
    return any(c.lower_ == "had" for c in children(verb, "aux", "auxpass"))


def _unachieved(verb: Token) -> bool:
    """An infinitive of purpose or attempt ("to retake X", "trying to seize X"), unless it is
    "managed to" or a perfect ("is believed to have captured")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "to" not in auxiliaries or "have" in auxiliaries:
        return False  # "is said to have captured X" reports a capture
    return lemma(verb.head) not in {"manage", "succeed"} or verb.head.i == verb.i


def _fall(cs: ClaimSentence, verb: Token) -> None:
    """ "X fell to Y in T", "X fell into the hands of Y", "X fell in June 2014"."""
    place = next((_place_object(cs, s, last=True) for s in children(verb, "nsubj")), None)
    actor: str | None = None
    for prep in children(verb, "prep"):
        for obj in children(prep, "pobj"):
            if prep.lower_ == "to":
                actor = cs.entity_of(obj, "actor")
            elif prep.lower_ in _UNDER and lemma(obj) in cs.words.control_nouns:
                return  # "fell under Y control": read from the noun
    _emit(cs, verb, place, actor, captured=_date(cs, [verb], _AT))


def _loss(cs: ClaimSentence, verb: Token) -> None:
    """ "Y lost X to Z in T": Z holds X."""
    objects = [*children(verb, "dobj")]
    place = _place_object(cs, objects[0]) if objects else None
    actor = next(
        (
            cs.entity_of(obj, "actor")
            for prep in children(verb, "prep")
            if prep.lower_ == "to"
            for obj in children(prep, "pobj")
        ),
        None,
    )
    if actor is not None:
        _emit(cs, verb, place, actor, captured=_date(cs, [verb], _AT))


def _control_noun(cs: ClaimSentence, noun: Token) -> None:
    """ "under Y control (since T)", "in the hands of Y", "Y took control of X (in T)",
    "Y's control of X"."""
    actor = cs.entity_of(noun, "actor")
    target = next(
        (
            _place_object(cs, obj)
            for prep in children(noun, "prep")
            if prep.lower_ in {"of", "over"}
            for obj in children(prep, "pobj")
            if cs.mention_at(obj, "actor") is None
        ),
        None,
    )
    if actor is None and target is None:
        return
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _UNDER:
        _under(cs, noun, head, actor)
    elif noun.dep_ in {"dobj", "obj"} and head.pos_ in {"VERB", "AUX"}:
        verb_lemma = lemma(head)
        actor = actor if target is None else cs.subject_entity(head, "actor")
        if verb_lemma in _ACQUIRE or verb_lemma in cs.words.capture_verbs:
            _emit(cs, head, target, actor, captured=_date(cs, [head], _AT))
        elif verb_lemma in _KEEP:
            _emit(cs, head, target, actor, since=_date(cs, [head, noun], _SINCE))
    elif target is not None and actor is not None:  # "Y's control of X since T"
        _emit(cs, noun, target, actor, since=_date(cs, [noun], _SINCE))


def _under(cs: ClaimSentence, noun: Token, prep: Token, actor: str | None) -> None:
    """ "X is/remains under Y control", "X came under Y control in T", "X, under Y control since
    T", "X, in the hands of Y"."""
    if actor is None:
        return
    attached = prep.head
    place: str | None = None
    entered = False
    if attached.pos_ in {"VERB", "AUX"} and attached.i != prep.i:
        place = cs.subject_entity(attached, "place")
        entered = lemma(attached) in _ENTER_STATE
    elif attached.i != prep.i:
        place = _place_object(cs, attached)
    if place is None:
        place = _place_before(cs, prep)
    words = [noun, prep] + ([attached] if attached.i != prep.i else [])
    if entered:
        _emit(cs, attached, place, actor, captured=_date(cs, [attached], _AT))
    else:
        _emit(cs, noun, place, actor, since=_date(cs, words, _SINCE))


def _place_before(cs: ClaimSentence, prep: Token) -> str | None:
    """The place named right before ", under ...": "Mosul, under Islamic State control"."""
    doc = prep.doc
    if prep.i - 2 < cs.sent.start or doc[prep.i - 1].text != ",":
        return None
    mention = cs.mention_at(doc[prep.i - 2], "place")
    return mention.entity_id if mention is not None else None


_HELD = re.compile(r"-(\w+)\s")


def _held_compounds(cs: ClaimSentence) -> None:
    """ "ISIS-held Raqqa", "Houthi-controlled Sanaa": the actor glued to a participle of control,
    then the place (with at most two words between: "rebel-held eastern Aleppo")."""
    text = doc_text(cs.sent.doc)
    for mention in cs.named:
        if cs.entities[mention.entity_id or ""].kind != "actor":
            continue
        match = _HELD.match(text, mention.end)
        if match is None or match.group(1).lower() not in cs.words.held_suffixes:
            continue
        held = next((t for t in cs.sent if t.idx == match.start(1)), None)
        if held is None:
            continue
        for token in cs.sent[held.i - cs.sent.start + 1 : held.i - cs.sent.start + 4]:
            place = cs.mention_at(token, "place")
            if place is not None:
                _emit(cs, held, place.entity_id, mention.entity_id)
                break
            if token.pos_ not in {"ADJ", "DET", "PROPN", "NOUN"}:
                break
