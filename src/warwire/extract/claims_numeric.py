"""Numeric claims: populations, fighters and troops, casualties, injured, displaced, distances.

Each quantity of the sentence (:func:`~warwire.nlp.quantities.find_quantities`) is read with the
parse: the noun it counts ("2,000 *fighters*", "dozens of *people*"), the verb it is an argument
of ("*killed* 12", "*has* 2,000 fighters", "*lies* 15 km from"), and from these the attribute
and the entity the number is about:

- casualties, injured, displaced: by the verb ("killed", "wounded", "fled") or the noun
  ("dead", "refugees"); about the group the victims belong to ("30 ISIS fighters were killed")
  or else the place where it happened ("killed in Idlib", "fled Aleppo");
- casualties, injured and displaced people with no place in the sentence ("137 people were
  killed in the fighting"): about the report's focus town (:class:`~.claims_base.Focus`);
- attacking_force: fighters or troops that attacked a place ("X was taken by 300 fighters",
  "2,000 fighters took part in the assault", "put the attacking force at 2,300"), about the
  place named, else the report's focus town;
- fighters, troops: by the noun; about the actor that has them ("ISIS has 2,000 fighters",
  "the YPG's 30,000 fighters", "3,000 US troops", "estimates of its strength range up to
  20,000 fighters", "its" being the report's focus actor), or, with no noun, "X numbers 3,000";
- population: "X, a city of 220,000 people", "X has a population of 1.5 million", "X is home to
  N people", "the population of X is N", "N people live in X";
- distance_to: "X, 15 km from Y", "X lies 250 kilometres (155 miles) east of Y", "X is 10 miles
  outside Y": value in km, reference Y, bearing; skipped when Y is not a resolved place.

A number whose subject cannot be found is skipped: the nearest noun is never taken on trust.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warwire.extract.claims_base import ClaimSentence, children, format_number, lemma
from warwire.models import Qualifier
from warwire.nlp.doctext import doc_text
from warwire.nlp.quantities import Quantity, find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["numeric_claims"]

_MODIFIERS = ("amod", "compound", "nmod", "acomp", "oprd", "xcomp", "advmod", "ccomp")
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "obj", "appos", "conj", "npadvmod"})
_NUMBER_ROLES = frozenset({"dobj", "npadvmod", "attr", "nummod"})
_LOCATIVE = frozenset({"in", "at", "near", "around", "outside", "across", "throughout", "on"})


def numeric_claims(cs: ClaimSentence) -> None:
    """Add the numeric claims of one sentence to ``cs.claims``."""
    text = doc_text(cs.sent.doc)
    for quantity in find_quantities(text, cs.sent.start_char, cs.sent.end_char):
        if quantity.unit not in {None, "km"}:
            continue
        tokens = [t for t in cs.sent if quantity.number_start <= t.idx < quantity.number_end]
        if not tokens:
            continue
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
        if quantity.unit == "km":
            _distance(cs, quantity, root)
        else:
            _count(cs, quantity, root, _counted_noun(root, tokens, inside))


def _counted_noun(root: Token, tokens: list[Token], inside: set[int]) -> Token | None:
    """The noun a number counts: "2,000 *fighters*", "dozens of *people*"."""
    for token in tokens:
        for prep in children(token, "prep"):
            if prep.lower_ == "of":
                obj = next((p for p in children(prep, "pobj") if p.i not in inside), None)
                if obj is not None:
                    return obj
    head = root.head
    if (
        root.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod", "det"}
        and head.i not in inside
        and head.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}
        and head.i > root.i
    ):
        return head
    return None


def _predicate(anchor: Token) -> Token | None:
    """The verb a noun phrase is an argument of, through "of"/"to"/"at" when it is a pobj."""
    token = anchor
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return token if token.pos_ in {"VERB", "AUX"} else None
        if head.pos_ in {"VERB", "AUX"} and token.dep_ in _ARGUMENTS | {"prep", "agent"}:
            return head
        if token.dep_ == "pobj" or head.dep_ in {"prep", "agent"}:
            token = head
            continue
        if token.dep_ == "conj":
            token = head
            continue
        return head if head.pos_ in {"VERB", "AUX"} else None
    return None


def _context(noun: Token | None, verb: Token | None) -> set[str]:
    """Lemmas that say what is counted: the noun and its modifiers, the verb and its
    complements ("left 12 *dead*"), and the subject of "rose to"/"stood at" ("death toll")."""
    found: set[str] = set()
    for word in (noun, verb):
        if word is None:
            continue
        found.add(lemma(word))
        found.update(lemma(c) for c in children(word, *_MODIFIERS))
        found.update(c.lower_ for c in children(word, *_MODIFIERS))
    if verb is not None:
        for subject in children(verb, "nsubj", "nsubjpass"):
            if noun is None or subject.i != noun.i:
                found.add(lemma(subject))
                found.update(lemma(c) for c in children(subject, "compound", "amod"))
    return found


def _count(cs: ClaimSentence, quantity: Quantity, root: Token, noun: Token | None) -> None:
    words = cs.words
    anchor = noun if noun is not None else root
    # "dozens of fighters were killed": the verb's argument is the number, not its noun
    counted_by_of = noun is not None and any(a.i == root.i for a in noun.ancestors)
    verb = _predicate(root if counted_by_of else anchor)
    context = _context(noun, verb)
    verb_lemma = lemma(verb) if verb is not None else ""
    head = verb if verb is not None else anchor
    noun_lemma = lemma(noun) if noun is not None else ""
    attribute: str | None = None
    subject: str | None = None
    if verb_lemma in words.casualty_verbs or context & words.casualty_nouns:
        attribute, subject = "casualties", _victims(cs, noun, verb) or _implicit(cs, noun)
    elif verb_lemma in words.injury_verbs or context & words.injury_nouns:
        attribute, subject = "injured", _victims(cs, noun, verb) or _implicit(cs, noun)
    elif _displaced(cs, verb, context):
        attribute = "displaced"
        subject = _displaced_from(cs, noun, verb) or _implicit(cs, noun)
    elif (target := _attacked(cs, anchor, verb, noun)) is not None:
        attribute, subject = "attacking_force", target
    elif noun_lemma in words.fighter_nouns or noun_lemma in words.troop_nouns:
        attribute = "troops" if noun_lemma in words.troop_nouns else "fighters"
        subject = _owner(cs, anchor, verb, allow_country=attribute == "troops")
        if subject is None and verb is not None:
            subject = _strength_owner(cs, verb)
    elif noun is None and verb_lemma == "number":
        subject = _owner(cs, anchor, verb, allow_country=False)
        if subject is not None:
            actor_type = cs.entities[subject].actor_type
            attribute = "troops" if actor_type == 1 else "fighters"
    else:
        attribute, subject = "population", _population_place(cs, root, noun, verb)
    if attribute is None or subject is None:
        return
    cs.add(
        head,
        subject,
        attribute,
        format_number(quantity.low),
        value_high=format_number(quantity.high) if quantity.high != quantity.low else None,
        qualifier=quantity.qualifier,
    )


def _implicit(cs: ClaimSentence, noun: Token | None) -> str | None:
    """The report's focus town for a count of people with no place in the sentence ("137
    people were killed in the fighting"); not for one side's losses ("dozens of soldiers"),
    which are about that side, nor where the sentence names a place the rules did not link."""
    if noun is not None and lemma(noun) not in cs.words.population_nouns:
        return None
    if any(cs.entities[m.entity_id or ""].kind == "place" for m in cs.named):
        return None
    return cs.focus.place


def _attacked(
    cs: ClaimSentence, anchor: Token, verb: Token | None, noun: Token | None
) -> str | None:
    """The place a count of fighters or troops attacked: "X was taken by N fighters", "N
    fighters took part in the assault (on X)", "put the attacking force at N"; the place named
    there, else the report's focus town."""
    words = cs.words
    if noun is None or lemma(noun) not in words.fighter_nouns | words.troop_nouns:
        return None
    if verb is None:
        return None
    verb_lemma = lemma(verb)
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "agent" and verb_lemma in words.capture_verbs:
        return next((cs.entity_of(s, "place") for s in children(verb, "nsubjpass")), None)
    if verb_lemma in words.participation_verbs:  # "took part in the assault", "joined the attack"
        attacks = [
            o
            for o in (
                *children(verb, "dobj"),
                *(p for c in verb.children for p in children(c, "pobj")),
            )
            if lemma(o) in words.attack_nouns
        ]
        if attacks and anchor.dep_ in {"nsubj", "nsubjpass"}:
            return cs.place_in(attacks[0]) or cs.focus.place
    force = next((o for o in children(verb, "dobj")), None)
    if (
        force is not None
        and lemma(force) == "force"
        and anchor.dep_ == "pobj"
        and anchor.head.head.i == verb.i
        and any(lemma(c) in words.force_modifiers for c in children(force, "amod", "compound"))
    ):  # "put the attacking force at N"
        return cs.place_in(force) or cs.focus.place
    return None


def _strength_owner(cs: ClaimSentence, verb: Token) -> str | None:
    """ "Estimates of its strength range up to N fighters", "the group's strength stands at N
    fighters": the owner of the strength noun; "its" and "their" are the report's focus
    actor."""
    for subject in children(verb, "nsubj", "nsubjpass"):
        nouns = [subject, *(p for c in children(subject, "prep") for p in children(c, "pobj"))]
        for noun in nouns:
            if lemma(noun) not in cs.words.strength_nouns:
                continue
            owner = cs.entity_of(noun, "actor")
            if owner is not None:
                return owner
            if any(c.lower_ in {"its", "their"} for c in children(noun, "poss")):
                return cs.focus.actor
    return None


def _displaced(cs: ClaimSentence, verb: Token | None, context: set[str]) -> bool:
    words = cs.words
    if context & words.displacement_nouns:
        return True
    if verb is None or lemma(verb) not in words.displacement_verbs:
        return False
    if lemma(verb) == "force":  # "forced 300 people from their homes", "forced to flee"
        return any(c.lower_ in {"from", "out"} for c in verb.children) or bool(
            context & {"flee", "leave"}
        )
    return True


def _victims(cs: ClaimSentence, noun: Token | None, verb: Token | None) -> str | None:
    """Whose dead or wounded: the group named on the noun, else the place where it happened."""
    if noun is not None:
        group = cs.entity_of(noun, "actor")
        if group is not None:
            return group
    for word in (verb, noun, *_subjects(verb)):  # "killed in X", "militants near X", "a bomb in X"
        if word is None:
            continue
        for prep in children(word, "prep"):
            if prep.lower_ in _LOCATIVE:
                place = cs.place_in(prep)
                if place is not None:
                    return place
    return None


def _subjects(verb: Token | None) -> list[Token]:
    """The subjects of a verb, or of the verb it is coordinated with ("killed 15 and wounded
    40")."""
    while verb is not None:
        found = [*children(verb, "nsubj")]
        if found or verb.dep_ != "conj" or verb.head.i == verb.i:
            return found
        verb = verb.head
    return []


def _displaced_from(cs: ClaimSentence, noun: Token | None, verb: Token | None) -> str | None:
    """The place people fled: "fled Aleppo", "fled from X", "refugees from X", "displaced in X"."""
    for word in (verb, noun, *_subjects(verb)):  # "fled X", "refugees from X", "fighting in X"
        if word is None:
            continue
        for obj in children(word, "dobj"):
            if noun is None or obj.i != noun.i:
                place = cs.entity_of(obj, "place")
                if place is not None:
                    return place
        for preferred in ({"from", "out"}, _LOCATIVE):
            for prep in children(word, "prep"):
                if prep.lower_ in preferred:
                    place = cs.place_in(prep)
                    if place is not None:
                        return place
    return None


def _owner(cs: ClaimSentence, anchor: Token, verb: Token | None, allow_country: bool) -> str | None:
    """The actor the fighters or troops belong to: on the noun ("ISIS fighters", "fighters of
    ISIS", "the group's fighters"), on "a force of", or the subject of "has"/"deployed"."""
    kinds = ("actor", "place") if allow_country else ("actor",)
    for kind in kinds:
        found = cs.entity_of(anchor, kind)
        if found is not None and _owner_kind_ok(cs, found, kind):
            return found
    holder = anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        holder = anchor.head.head  # "a force of 2,000 fighters"
        found = cs.entity_of(holder, "actor")
        if found is not None:
            return found
        verb = holder.head if holder.head.pos_ in {"VERB", "AUX"} else verb
    if verb is None or lemma(verb) not in cs.words.strength_verbs:
        return None
    counted = holder.dep_ in {"dobj", "attr", "obj", "npadvmod"} or verb.i == anchor.i
    if not counted and not (lemma(verb) == "number" and anchor.dep_ in _NUMBER_ROLES):
        return None
    for kind in kinds:
        found = cs.subject_entity(verb, kind)
        if found is not None and _owner_kind_ok(cs, found, kind):
            return found
    return None


def _owner_kind_ok(cs: ClaimSentence, entity_id: str, kind: str) -> bool:
    """A place owns troops only when it is a country ("Russia has 3,000 troops in Syria")."""
    return kind == "actor" or cs.entities[entity_id].feature == "country"


def _population_place(
    cs: ClaimSentence, root: Token, noun: Token | None, verb: Token | None
) -> str | None:
    """The place a population figure is about, or None when the sentence is not one."""
    words = cs.words
    anchor = noun if noun is not None else root
    if noun is not None and lemma(noun) not in words.population_nouns:
        return None
    link = anchor.head if anchor.dep_ == "pobj" else None
    holder = link.head if link is not None and link.head.i != link.i else None
    if link is not None and holder is not None and link.lower_ in {"of", "to"}:
        holder_lemma = lemma(holder)
        if holder_lemma == "population" or (
            link.lower_ == "of" and holder_lemma in words.place_nouns
        ):
            return _place_of_noun(cs, holder)
        if link.lower_ == "to" and holder_lemma == "home":  # "X is home to N people"
            return _place_of_noun(cs, holder)
    if verb is None:
        return None
    verb_lemma = lemma(verb)
    subjects = [*children(verb, "nsubj", "nsubjpass")]
    if any(lemma(s) == "population" for s in subjects):  # "the population of X is N"
        population = next(s for s in subjects if lemma(s) == "population")
        return cs.entity_of(population, "place")
    if (
        noun is not None
        and lemma(noun) in {"resident", "inhabitant"}
        and verb_lemma in words.population_verbs
    ):
        return cs.subject_entity(verb, "place")
    if noun is not None and verb_lemma in {"live", "reside", "inhabit"}:  # "N people live in X"
        for prep in children(verb, "prep"):
            if prep.lower_ in {"in", "at"}:
                return cs.place_in(prep)
    if verb_lemma in {"house", "shelter", "host"} and anchor.dep_ == "dobj":
        return cs.subject_entity(verb, "place")
    return None


def _place_of_noun(cs: ClaimSentence, noun: Token) -> str | None:
    """The place a "population"/"city"/"home" noun belongs to: its own name ("the town of X",
    "X's population"), the name it stands beside ("X, a city of ..."), or the subject of the
    verb it completes ("X is a city of ...", "X has a population of ...")."""
    own = cs.entity_of(noun, "place")
    if own is not None:
        return own
    if noun.dep_ == "appos":
        return cs.entity_of(noun.head, "place")
    if noun.dep_ in {"attr", "dobj", "acomp", "npadvmod"} and noun.head.pos_ in {"VERB", "AUX"}:
        return cs.subject_entity(noun.head, "place")
    return None


# --- distances ------------------------------------------------------------------------------


def _distance(cs: ClaimSentence, quantity: Quantity, root: Token) -> None:
    unit = root.head if root.dep_ in {"nummod", "compound", "quantmod"} else root
    found = _reference(cs, quantity)
    if found is None:
        return
    reference, bearing, within = found
    qualifier: Qualifier = quantity.qualifier if within is None else within
    subject = _located(cs, unit)
    if subject is None or subject == reference:
        return
    cs.add(
        unit,
        subject,
        "distance_to",
        format_number(quantity.low),
        value_high=format_number(quantity.high) if quantity.high != quantity.low else None,
        unit="km",
        qualifier=qualifier,
        reference=reference,
        bearing=bearing,
    )


def _reference(
    cs: ClaimSentence, quantity: Quantity
) -> tuple[str, str | None, Qualifier | None] | None:
    """What follows a distance: an optional bearing, "of"/"from"/"outside", and the place."""
    words = cs.words
    after = [t for t in cs.sent if t.idx >= quantity.end]
    qualifier: Qualifier | None = "upper" if _before(cs, quantity) == "within" else None
    bearing: str | None = None
    depth = 0
    for n, token in enumerate(after[:12]):
        low = token.lower_
        if low in {"(", "["}:
            depth += 1
        elif low in {")", "]"}:
            depth -= 1
        elif depth > 0 or low in {"away", "-", "the", "to"}:
            continue
        elif low in words.bearings:
            if bearing is None:  # "north-east": the first half reads both
                hyphen = n + 2 < len(after) and after[n + 1].text == "-"
                nxt = after[n + 2].lower_ if hyphen else ""
                bearing = words.bearings.get(f"{low}-{nxt}", words.bearings[low])
        elif low in {"from", "of", "outside", "off"}:
            if low == "of" and bearing is None and qualifier is None:
                return None  # "15 km of road"
            objects = [*children(token, "pobj")]
            place = cs.entity_of(objects[0], "place") if objects else None
            return (place, bearing, qualifier) if place is not None else None
        else:
            return None
    return None


def _before(cs: ClaimSentence, quantity: Quantity) -> str:
    previous = [t for t in cs.sent if t.idx + len(t.text) <= quantity.start]
    return previous[-1].lower_ if previous else ""


def _located(cs: ClaimSentence, unit: Token) -> str | None:
    """The thing a distance places: "X, 15 km from ...", "X lies 15 km ...", "X, located ..."."""
    token = unit
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            if lemma(head) not in cs.words.location_verbs:
                return None
            if head.dep_ in {"acl", "relcl", "amod"} and head.head.i != head.i:
                return cs.entity_of(head.head)  # "X, located 15 km from ..."
            return cs.subject_entity(head)
        if lemma(head) in cs.words.bearings:
            token = head  # "15 km *northeast* of"
            continue
        if head.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"appos", "npadvmod", "nmod", "amod"}:
            return cs.entity_of(head)
        if head.pos_ in {"ADP", "ADV", "ADJ"} or token.dep_ in {"pobj", "advmod", "npadvmod"}:
            token = head
            continue
        return None
    return None
