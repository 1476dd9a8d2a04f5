"""Dated acts about a place: when victory was declared there (``victory_declared_on``) and when
a truce covering it was agreed (``truce_on``).

- victory: "Y declared victory (over Z) in X on T", "Y announced the liberation of X on T",
  "Y declared X freed on T", "Y declared on T that X had been freed": the place is named by the
  victory noun, its object or the freed clause;
- truce: "Y signed/accepted/agreed a truce/ceasefire on T", "a truce was reached on T": the
  place is a town, district or province the sentence names (not a country), else the report's
  focus (:class:`~warwire.extract.claims_base.Focus`). The date is the verb's or the truce
  noun's, else the sentence's only date ("tightened its hold on X on Thursday after factions
  signed a ceasefire").

The words are data: ``declare_verbs``, ``victory_nouns``, ``freed_words``, ``agree_verbs`` and
``truce_nouns`` in ``vocab/claims.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warwire.extract.claims_base import ClaimSentence, children, lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warwire.models import TimeValue

__all__ = ["dated_claims"]

_AT = frozenset({"on", "in", "at"})


def dated_claims(cs: ClaimSentence) -> None:
    """Add the victory and truce claims of one sentence to ``cs.claims``."""
    words = cs.words
    for token in cs.sent:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        word = lemma(token)
        if word in words.declare_verbs:
            _victory(cs, token)
        if word in words.agree_verbs:
            _truce(cs, token)


def _date(cs: ClaimSentence, words: list[Token]) -> TimeValue | None:
    for word in words:
        for prep, value in cs.dates_on(word, _AT):
            if prep in _AT or prep == "":
                return value
    return None


def _victory(cs: ClaimSentence, verb: Token) -> None:
    words = cs.words
    place: str | None = None
    dated = [verb]
    for obj in children(verb, "dobj", "obj"):
        noun = lemma(obj)
        if noun in words.victory_nouns:  # "declared victory in X", "the liberation of X"
            place = cs.place_in(obj) or _place_on(cs, verb)
            dated.append(obj)  # "the liberation of X on Monday"
        elif any(lemma(c) in words.freed_words for c in children(obj, "oprd", "acomp", "amod")):
            place = cs.entity_of(obj, "place")  # "declared X freed"
        elif any(lemma(c) in words.freed_words for c in children(verb, "oprd", "ccomp")):
            place = cs.entity_of(obj, "place")
    for clause in children(verb, "ccomp"):  # "declared that X had been freed"
        if lemma(clause) in words.freed_words:
            place = place or next(
                (cs.entity_of(s, "place") for s in children(clause, "nsubjpass", "nsubj")), None
            )
    if place is None or cs.entities[place].kind != "place":
        return
    when = _date(cs, dated)
    if when is not None:
        cs.add_time(verb, place, "victory_declared_on", when)


def _place_on(cs: ClaimSentence, verb: Token) -> str | None:
    """ "declared victory over Z in X": the place of an "in" on the verb or its object."""
    for prep in children(verb, "prep"):
        if prep.lower_ == "in":
            found = cs.place_in(prep)
            if found is not None:
                return found
    return None


def _truce(cs: ClaimSentence, verb: Token) -> None:
    words = cs.words
    truce = next(
        (
            o
            for o in children(verb, "dobj", "obj", "nsubjpass", "pobj")
            if lemma(o) in words.truce_nouns
        ),
        None,
    )
    if truce is None:
        truce = next(
            (
                o
                for prep in children(verb, "prep")
                if prep.lower_ in {"to", "on"}
                for o in children(prep, "pobj")
                if lemma(o) in words.truce_nouns
            ),
            None,
        )  # "agreed to a ceasefire"
    if truce is None:
        return
    place = _named_town(cs) or cs.focus.place
    when = _date(cs, [verb, truce]) or _only_date(cs)
    if place is not None and when is not None:
        cs.add_time(verb, place, "truce_on", when)


def _named_town(cs: ClaimSentence) -> str | None:
    """The first place the sentence names below a country."""
    for mention in cs.named:
        entity = cs.entities[mention.entity_id or ""]
        if entity.kind == "place" and entity.feature not in {"country", "continent", None}:
            return entity.id
    return None


def _only_date(cs: ClaimSentence) -> TimeValue | None:
    """The sentence's date when it has exactly one."""
    dates = []
    for token in cs.sent:
        value = cs.time_at(token)
        if value is not None and value not in dates:
            dates.append(value)
    return dates[0] if len(dates) == 1 else None
