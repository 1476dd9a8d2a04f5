"""A rule-based MUC-4 role filler: perpetrators, targets, victims and weapons from the parse.

    >>> fill_roles(nlp("urban guerrillas machinegunned the house of luis carlos galan."))
    {'PerpInd': [['urban guerrillas']], 'PerpOrg': [], 'Target': [['house of luis carlos
    galan']], 'Victim': [['luis carlos galan']], 'Weapon': []}

The rules, sentence by sentence (lexicons in ``vocab/muc_roles.yaml``):

1. **Incident words** (attack, bomb, kill, kidnap, burn, explode; attack, murder, explosion...)
   and their arguments: agent, patient, instrument, place (:mod:`.muc_parse`).
2. **Military incidents are left out.** MUC-4 does not record attacks whose targets are all
   military or police ("guerrillas attacked a garrison"), so an incident whose patients all
   carry a military word gives nothing, and military things are never Targets; nor are
   combatants named as such ("soldier arturo bernal") Victims. "Placing" verbs (place, plant,
   hurl, throw) state an incident only with a weapon among their arguments.
3. **Roles from heads.** An agent is a PerpOrg when it names an organisation, a PerpInd when
   its head is a perpetrator word ("guerrillas", "a group of armed men") or it is a person's
   name; "terrorists of the fmln" and "fmln guerrillas" give both. A patient is a Target when
   its head is a physical thing ("embassy", "power towers"), a Victim when it names a person.
   Any argument headed by a weapon is a Weapon (:mod:`.muc_names` finds names and
   organisations).
4. **Sentence-wide rules**, in sentences with a civilian incident: every person named near an
   incident word (at most :data:`MAX_VICTIM_DISTANCE` dependency arcs) who is neither its
   agent, nor the subject of a speech verb, nor an officer named by rank is a Victim, and every
   armed group named outside the incidents' patients a PerpOrg. (The same rule for weapons
   and perpetrator words lowered F1 on the train split: weapons and bystanders of other
   incidents.)
5. **One entity per filler.** Fillers are deduplicated by key (weapons and targets by lemma:
   "bomb" and "two bombs" are one), keeping the first form; a weapon keeps its shortest
   ("bomb" rather than "bombs" when the report writes both). The sentence-wide rule adds an
   organisation only when no incident names its agent organisation, and then only the one
   named most often. A perpetrator word keeps its own words ("fmln guerrillas" gives the
   PerpInd "guerrillas" and the PerpOrg "fmln"); a bare "the group" is no PerpInd.
6. **Document relevance.** A document where no target, victim or weapon is found gives no
   fillers at all: it talks about armed groups, not about an incident.

Fillers are short, as MUC-4's are: the head with its left modifiers, without articles,
possessives, quantifiers or titles ("candidate luis carlos galan" gives "luis carlos galan");
targets and groups keep an "of" phrase ("offices of the labor unions", "a group of armed men").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from warwire.evaluate.muc import ROLES
from warwire.evaluate.muc_lexicon import MucLexicon, load_muc_lexicon
from warwire.evaluate.muc_names import DocumentNames
from warwire.evaluate.muc_parse import (
    NOUNS,
    Filler,
    Token,
    arguments,
    coordinated,
    distance,
    left_tokens,
    lemma_key,
    make_filler,
    of_phrase,
    trigger_kind,
)

__all__ = ["MAX_VICTIM_DISTANCE", "Filler", "fill_roles", "find_fillers"]

MAX_VICTIM_DISTANCE = 4
"""How many dependency arcs a name may be from an incident word to be taken as its victim by
the sentence-wide rule (tuned on the MUC-4 train split: 3 and 5 do a little worse)."""

Triggers = list[tuple[Token, str]]

_BARE_COLLECTIVES = frozenset({"member", "members"})
"""Collective heads that are individual perpetrators on their own ("members" is; "the group",
"the unit" stand for an organisation the text names elsewhere, and are not MUC-4 fillers)."""

_RELATIVE = frozenset({"who", "that", "which", "whom"})

_INCIDENT_ROLES = frozenset({"Target", "Victim", "Weapon"})
"""The roles that show an incident took place: a document naming perpetrators but no target,
victim or weapon talks about armed groups (an interview, a peace talk), not about an incident,
and gives no fillers (on the MUC-4 train split, such documents hold mostly false positives)."""


def fill_roles(doc: Any, lexicon: MucLexicon | None = None) -> dict[str, list[list[str]]]:
    """The predicted entities of each of the five roles for one parsed document, each entity
    a list of one mention string (the scorer's format, :func:`.muc.score_muc`)."""
    fillers = find_fillers(doc, lexicon)
    if not any(f.role in _INCIDENT_ROLES for f in fillers):
        return {role: [] for role in ROLES}
    counts = Counter(f.key for f in fillers if f.role == "PerpOrg")
    organisations = {f.key for f in fillers if f.role == "PerpOrg" and f.slot != "sentence"}
    if counts and not organisations:
        organisations.add(counts.most_common(1)[0][0])
    result: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    forms: dict[tuple[str, str], list[str]] = {}
    for filler in fillers:
        if filler.role == "PerpOrg" and filler.key not in organisations:
            continue
        forms.setdefault((filler.role, filler.key), []).append(filler.text)
    for (role, _), texts in forms.items():
        result[role].append([min(texts, key=len) if role == "Weapon" else texts[0]])
    return result


def find_fillers(doc: Any, lexicon: MucLexicon | None = None) -> list[Filler]:
    """Every role filler of a parsed document, sentence by sentence, duplicates included."""
    lex = lexicon or load_muc_lexicon()
    names = DocumentNames(doc, lex)
    found: list[Filler] = []
    for sent in doc.sents:
        civilian: Triggers = []
        for token in sent:
            kind = trigger_kind(token, lex)
            if kind is None:
                continue
            args = list(arguments(token, kind, lex))
            if _against_military(args, lex) or (kind == "placing" and not _armed(args, lex)):
                continue
            civilian.append((token, kind))
            for slot, arg in args:
                found.extend(
                    replace(f, trigger=token.lemma_.lower(), slot=slot)
                    for f in _classify(slot, arg, kind, names)
                    if not (f.role == "Target" and _military(arg, lex))
                )
        if civilian:
            found.extend(
                replace(f, slot="sentence")
                for rule in (_victims_near, _armed_groups)
                for f in rule(sent, civilian, names)
            )
        found.extend(replace(f, slot="identified") for f in _identified(sent, names))
        found.extend(_listed_victims(sent, found, names))
    return found


_LIST_GLUE = frozenset({",", ";", "and", "y", "&"})


def _listed_victims(sent: Any, found: list[Filler], names: DocumentNames) -> Iterator[Filler]:
    """Names listed right after a victim's name, with ages or titles at most between them
    ("killing maria pulido, 42; pilar pulido, 19, and carlos perez"): victims too. Only the
    victims an incident's arguments name start a list, not the sentence-wide rule's guesses."""
    doc = names.doc
    victims = [
        f
        for f in found
        if f.role == "Victim" and f.slot != "sentence" and sent.start <= f.token < sent.end
    ]
    done: set[int] = set()
    for victim in victims:
        span = names.spans.get(victim.token)
        if span is None or span[0] in done:
            continue
        done.add(span[0])
        i = span[1]
        while i < sent.end:
            tok = doc[i]
            nxt = names.spans.get(i)
            if nxt is not None and nxt[0] == i:
                done.add(i)
                person = _victim(doc[nxt[1] - 1], names)
                if person is not None:
                    yield replace(person, slot="list")
                i = nxt[1]
            elif tok.lower_ in _LIST_GLUE or tok.like_num or tok.lower_ in names.lex.titles:
                i += 1
            else:
                break


def _military(token: Token, lex: MucLexicon) -> bool:
    """Whether a phrase denotes soldiers, police or their installations and vehicles."""
    words = {t.lower_ for t in left_tokens(token)} | {token.lemma_.lower()}
    return bool(words & lex.military)


def _armed(args: list[tuple[str, Token]], lex: MucLexicon) -> bool:
    """Whether an incident's arguments name a weapon ("placed a bomb", "hurled dynamite")."""
    return any(
        _weapon(h, lex) is not None
        for slot, arg in args
        if slot != "place"
        for h in coordinated(arg)
    )


def _against_military(args: list[tuple[str, Token]], lex: MucLexicon) -> bool:
    """Whether an incident's patients are all military or police."""
    patients = [h for slot, arg in args if slot == "patient" for h in coordinated(arg)]
    return bool(patients) and all(_military(h, lex) for h in patients)


# --- roles of arguments ----------------------------------------------------------------------


def _classify(slot: str, arg: Token, kind: str, names: DocumentNames) -> Iterator[Filler]:
    lex = names.lex
    for head in coordinated(arg):
        if slot == "agent" and head.lower_ in _PRONOUN_TAGS:
            head = _perpetrator_before(head, lex) or head
        if head.pos_ not in NOUNS and head.pos_ != "ADJ":
            continue
        weapon = _weapon(head, lex)
        if weapon is not None:
            if slot != "place" and slot != "possessor":
                yield weapon
            continue
        if slot == "modifier":
            org = names.organisation(head)
            if org is not None:
                yield org
        elif slot in ("agent", "possessor"):
            yield from _perpetrators(head, names, bare=slot == "agent")
            if slot == "possessor" and kind in ("kill", "kidnap"):
                yield from _victims(head, names)
        elif head.lower_ != "front":  # patient or place; "in front of X" gives X
            # a person killed or kidnapped "at the airport" or "on the highway": a scene
            scene = kind in ("kill", "kidnap") and arg.dep_ == "pobj"
            target = None if scene else _target(head, lex)
            if target is not None:
                yield target
            elif slot == "patient":
                yield from _victims(head, names)


def _weapon(head: Token, lex: MucLexicon) -> Filler | None:
    """A Weapon filler when the phrase ends in a weapon, one word or several ("car bomb",
    "dynamite sticks", "molotov cocktail"; "sticks of dynamite" gives "dynamite")."""
    tokens = left_tokens(head, numbers=False)
    lemma = head.lemma_.lower()
    words = tuple(t.lower_ for t in tokens)
    compound = any(words[i:] in lex.weapons for i in range(len(words) - 1))
    if compound or (head.lower_,) in lex.weapons or (lemma,) in lex.weapons:
        return make_filler("Weapon", tokens, key=lemma_key(tokens))
    extra = of_phrase(head)
    if extra and (extra[-1].lower_,) in lex.weapons:
        inner = left_tokens(extra[-1], numbers=False)
        return make_filler("Weapon", inner, key=lemma_key(inner))
    return None


def _target(head: Token, lex: MucLexicon) -> Filler | None:
    if head.lower_ in lex.targets or head.lemma_.lower() in lex.targets:
        tokens = [*left_tokens(head, numbers=False), *of_phrase(head)]
        return make_filler("Target", tokens, key=lemma_key(tokens))
    return None


def _perpetrators(head: Token, names: DocumentNames, *, bare: bool) -> Iterator[Filler]:
    """PerpOrg and PerpInd fillers of an agent phrase: "terrorists of the fmln" gives both."""
    lex = names.lex
    tokens = left_tokens(head)
    word = head.lower_ if head.lower_ in lex.perpetrators else head.lemma_.lower()
    if word not in lex.perpetrators:
        org = names.organisation(head, tokens)
        if org is not None:
            yield org
        elif bare:
            person = names.person(head, role="PerpInd")
            if person is not None:
                yield person
        return
    extra = of_phrase(head)
    for tok in [*tokens[:-1], *extra]:  # "fmln guerrillas", "members of the fmln"
        inner = names.orgs.get(tok.i) if tok.pos_ in NOUNS else None
        if inner is not None:
            yield inner
            break
    if word in lex.collectives:  # "a group of armed men"
        tokens = [*tokens, *extra]
        if len(tokens) == 1 and word not in _BARE_COLLECTIVES:
            return  # a bare "the group": a filler only with its "of" phrase or modifiers
    else:  # "fmln guerrillas" gives "guerrillas": the organisation is the PerpOrg
        named = [i for i, tok in enumerate(tokens[:-1]) if tok.i in names.orgs]
        if named:
            tokens = tokens[named[-1] + 1 :]
    yield make_filler("PerpInd", tokens)


_PRONOUN_TAGS = {"they": "NNS", "he": "NN"}


def _perpetrator_before(pronoun: Token, lex: MucLexicon) -> Token | None:
    """The perpetrator word "they" or "he" stands for: the last one of the same number in
    the pronoun's sentence or the sentence before it."""
    sent = pronoun.sent
    start = sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    for token in reversed(pronoun.doc[start : pronoun.i]):
        if token.tag_ == _PRONOUN_TAGS[pronoun.lower_] and token.lower_ in lex.perpetrators:
            return token
    return None


def _victims(head: Token, names: DocumentNames) -> Iterator[Filler]:
    person = _victim(head, names)
    if person is not None:
        yield person
        return
    for child in head.children:  # "the candidate, luis carlos galan"
        if child.dep_ == "appos":
            person = _victim(child, names)
            if person is not None:
                yield person


def _victim(head: Token, names: DocumentNames) -> Filler | None:
    """The person named at ``head`` unless a combatant word comes right before the name
    ("soldier arturo bernal")."""
    person = names.person(head)
    if person is None or person.token == 0:
        return person
    return None if names.doc[person.token - 1].lower_ in names.lex.combatants else person


# --- sentence-wide rules ---------------------------------------------------------------------


def _slot_tokens(triggers: Triggers, lex: MucLexicon, slots: tuple[str, ...]) -> set[int]:
    """The indices of the tokens inside the incidents' arguments of the given slots."""
    inside: set[int] = set()
    for token, kind in triggers:
        for slot, arg in arguments(token, kind, lex):
            if slot in slots:
                inside.update(t.i for head in coordinated(arg) for t in head.subtree)
    return inside


def _victims_near(sent: Any, triggers: Triggers, names: DocumentNames) -> Iterator[Filler]:
    """Names near an incident word that are neither its agent nor a speaker, nor an officer
    named by rank ("according to colonel x": mostly who reports or commands; on the train
    split 2 of 11 such guesses were right)."""
    agents: set[int] = set()
    for token, kind in triggers:
        for slot, arg in arguments(token, kind, names.lex):
            if slot == "agent":
                agents.update(t.i for t in coordinated(arg))
    seen: set[tuple[int, int]] = set()
    for token in sent:
        span = names.spans.get(token.i)
        if span is None or span in seen:
            continue
        seen.add(span)
        head = names.doc[span[1] - 1]
        if head.i in agents:
            continue
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in names.lex.speech_verbs:
            continue
        if min(distance(head, t) for t, _ in triggers) > MAX_VICTIM_DISTANCE:
            continue
        person = _victim(head, names)
        if person is not None and not (
            person.token > 0 and names.doc[person.token - 1].lower_ in names.lex.ranks
        ):
            yield person


def _identified(sent: Any, names: DocumentNames) -> Iterator[Filler]:
    """The people a report identifies by name: "the victims were identified as X and Y" gives
    Victims, "the suspects, who were identified as X" PerpInds."""
    lex = names.lex
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma == "identify" and verb.pos_ == "VERB":
            marker = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        elif lemma == "be":  # "the injured were X, Y and Z"
            marker = next((c for c in verb.children if c.dep_ == "attr"), None)
        else:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        named = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma == "identify" and named is not None:  # "identified the dead men as X"
            subject = named
        if subject is None or marker is None:
            continue
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subject = verb.head
        words = {t.lower_ for t in left_tokens(subject)} | {subject.lemma_.lower()}
        if words & lex.identified_victims:
            role = "Victim"
        elif (
            subject is not named
            and lemma != "be"
            and words & (lex.identified_perpetrators | lex.perpetrators)
        ):
            role = "PerpInd"
        else:
            continue
        seen: set[tuple[int, int]] = set()
        for token in names.doc[marker.i : sent.end]:  # a long list parses poorly
            span = names.spans.get(token.i)
            if span is None or span in seen:
                continue
            seen.add(span)
            head = names.doc[span[1] - 1]
            person = _victim(head, names) if role == "Victim" else names.person(head, role=role)
            if person is not None:
                yield person


def _armed_groups(sent: Any, triggers: Triggers, names: DocumentNames) -> Iterator[Filler]:
    """Organisations other than state bodies, parties and unions, unless an incident's
    patient."""
    patients = _slot_tokens(triggers, names.lex, ("patient", "place"))
    for token in sent:
        found = names.orgs.get(token.i)
        if found is not None and token.i not in patients and not names.institutional(found):
            yield found
