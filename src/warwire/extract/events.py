"""ACLED-style events from the sentences of one annotated report.

For each sentence: the triggers of the lexicon (:mod:`.triggers`); weak ones ("killed",
"attacked") only where no stronger trigger states the event; the arguments from the parse
(:mod:`.roles`) mapped onto the report's actor and place mentions; the sub-type refined by who
did what to whom (an attack on soldiers is an armed clash, on villagers an attack on civilians;
territory taken by state forces is regained, by anyone else overtaken); the date from the
sentence's governing time expression (else the publication date, at week precision); the
fatalities (:mod:`.fatalities`); and the cues (:mod:`.cues`: hedged, negated, future, attributed
to). One event per sub-type and sentence: a sentence may hold several events of different types.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from warwire.extract.cues import cues_for
from warwire.extract.fatalities import find_fatalities
from warwire.extract.roles import Roles, Span, trigger_roles
from warwire.extract.triggers import Trigger, find_triggers, load_lexicon
from warwire.ids import make_key
from warwire.models import Document, Entity, Event, Mention, Precision, TimeValue
from warwire.nlp.timex.sentences import SentenceTime

__all__ = ["EVENT_EXTRACTOR", "extract_events"]

EVENT_EXTRACTOR = "warwire.events.v1"

_ARMED_TYPES = frozenset({1, 2, 3, 8})
_STATE = 1
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_PROTEST_RESPONSES = frozenset(
    {"Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
)
_SUBSUMES: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset({"Remote explosive/landmine/IED"}),
    "Protest with intervention": frozenset({"Peaceful protest", "Arrests"}),
    "Excessive force against protesters": frozenset(
        {"Peaceful protest", "Protest with intervention"}
    ),
    "Violent demonstration": frozenset({"Peaceful protest"}),
    "Mob violence": frozenset({"Attack"}),
    "Chemical weapon": frozenset(
        {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}
    ),
    "Government regains territory": frozenset({"Armed clash"}),
    "Non-state actor overtakes territory": frozenset({"Armed clash"}),
}
_TIME_PRECISION: dict[Precision, int] = {"day": 1, "time": 1, "week": 2}


@dataclass(frozen=True)
class _Vocab:
    civilian: frozenset[str]
    armed: frozenset[str]
    fall: frozenset[str]


@cache
def _vocab() -> _Vocab:
    path = resources.files("warwire") / "vocab" / "events.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _Vocab(
        civilian=frozenset(str(w) for w in data.get("civilian_words") or ()),
        armed=frozenset(str(w) for w in data.get("armed_words") or ()),
        fall=frozenset(str(w) for w in data.get("fall_verbs") or ()),
    )


@dataclass
class _Context:
    """What the extractor knows about the whole report."""

    document: Document
    actors: list[Mention]
    places: list[Mention]
    entities: Mapping[str, Entity]
    last_place: Mention | None = None
    place_counts: Counter[str] = field(default_factory=Counter)


def _inside(mention: Mention, span: Span) -> bool:
    return mention.start >= span[0] and mention.end <= span[1]


def _overlaps(mention: Mention, span: Span) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def _actor_in(spans: Sequence[Span], ctx: _Context, skip: set[str]) -> Mention | None:
    for span in spans:
        for mention in ctx.actors:
            if _overlaps(mention, span) and mention.entity_id not in skip:
                return mention
    return None


def _actor_type(mention: Mention | None, ctx: _Context) -> int | None:
    if mention is None or mention.entity_id is None:
        return None
    entity = ctx.entities.get(mention.entity_id)
    return entity.actor_type if entity else None


def _head_lemmas(doc: Any, spans: Sequence[Span]) -> list[str]:
    lemmas = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            lemmas.append(span.root.lemma_.lower())
    return lemmas


def _patient_kind(doc: Any, roles: Roles, actor2: Mention | None, ctx: _Context) -> str | None:
    """``armed``, ``civilian`` or None: who the event was done to."""
    kind = _actor_type(actor2, ctx)
    if kind in _ARMED_TYPES:
        return "armed"
    if kind == 7:
        return "civilian"
    vocab = _vocab()
    for lemma in _head_lemmas(doc, roles.patients):
        if lemma in vocab.armed:
            return "armed"
        if lemma in vocab.civilian:
            return "civilian"
    if any(any(_inside(p, span) for span in roles.patients) for p in ctx.places):
        return "civilian"  # "gunmen attacked a village"
    return None


def _refine(
    trigger: Trigger,
    doc: Any,
    roles: Roles,
    actor1: Mention | None,
    actor2: Mention | None,
    ctx: _Context,
) -> tuple[str, str] | None:
    """The (event_type, sub_event_type) of a trigger given its arguments; None to drop it."""
    sub = trigger.sub_event_type
    if sub in _TERRITORY:
        kind = _actor_type(actor1, ctx)
        if kind == _STATE:
            return "Battles", "Government regains territory"
        if kind is not None:
            return "Battles", "Non-state actor overtakes territory"
        return trigger.event_type, sub
    if sub == "Attack" or (sub == "Armed clash" and doc[trigger.head].lemma_.lower() == "assault"):
        target = _patient_kind(doc, roles, actor2, ctx)
        if target == "armed" or (
            target is None and _actor_type(actor1, ctx) in _ARMED_TYPES and actor2 is not None
        ):
            return "Battles", "Armed clash"
        thin = sub == "Attack" and trigger.weak and target is None and not roles.patients
        if thin and actor1 is None:
            return None  # "killed" with nobody killed and nobody killing: too thin
        return "Violence against civilians", "Attack"
    return trigger.event_type, sub


def _fall_roles(doc: Any, trigger: Trigger, roles: Roles) -> Roles:
    """ "X fell to Y": the subject is the territory and the object of "to" the actor."""
    head = doc[trigger.head]
    if head.lemma_.lower() not in _vocab().fall:
        return roles
    agents: list[Span] = []
    for token in doc[trigger.first : trigger.last + 1]:
        for child in token.children:
            if child.dep_ == "pobj":
                agents.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    agents.append(
                        (grand.left_edge.idx, grand.right_edge.idx + len(grand.right_edge))
                    )
    return Roles(
        agents=tuple(agents),
        patients=roles.agents + roles.patients,
        places=roles.places,
        near=roles.near,
        passive=roles.passive,
    )


def _location(
    roles: Roles, sent_span: Span, ctx: _Context, territory: bool
) -> tuple[Mention | None, int | None]:
    """The event's place mention and ACLED geo_precision."""
    inside = [p for p in ctx.places if _inside(p, sent_span)]

    def fineness(mention: Mention) -> int:
        entity = ctx.entities.get(mention.entity_id or "")
        if entity is None:
            return 9
        if entity.feature == "country":
            return 5
        return mention.geo_precision or entity.geo_precision or 3

    ordered: list[tuple[int, int, Mention, bool]] = []
    for mention in inside:
        near = any(_overlaps(mention, s) for s in roles.near)
        if territory and any(_overlaps(mention, s) for s in roles.patients):
            rank = 0
        elif any(_overlaps(mention, s) for s in roles.places) or near:
            rank = 1
        else:
            rank = 2
        ordered.append((fineness(mention), rank, mention, near))
    if ordered:
        ordered.sort(key=lambda item: (min(item[0], 4), item[1], item[2].start))
        _, _, mention, near = ordered[0]
        precision = min(fineness(mention), 3)
        if near:
            precision = max(precision, 2)
        return mention, precision
    if ctx.last_place is not None:
        precision = min(fineness(ctx.last_place), 3)
        return ctx.last_place, max(precision, 2)
    return None, None


def _date(
    trigger: Trigger, time: SentenceTime | None, published: dt.date | None
) -> tuple[TimeValue | None, int | None]:
    """The event's date and ACLED time precision (1 day, 2 week, 3 month or longer)."""
    if time is not None and time.governing:
        dated = [t for t in time.governing if t.time_value is not None]
        if dated:
            best = min(dated, key=lambda t: abs(t.start - trigger.start))
            value = best.time_value
            assert value is not None
            return value, _TIME_PRECISION.get(value.precision, 3)
    if published is not None:
        return TimeValue(published.isoformat(), "day", anchor="published"), 2
    return None, None


def _keep(triggers: list[Trigger]) -> list[Trigger]:
    """Weak triggers only where nothing stronger states the event; no subsumed duplicates."""
    strong = [t for t in triggers if not t.weak]
    kept = strong if strong else triggers
    types = {t.sub_event_type for t in kept}
    covered = set().union(*(_SUBSUMES.get(t, frozenset()) for t in types)) if types else set()
    return [t for t in kept if t.sub_event_type not in covered]


def _sentence_events(
    sent: Any, index: int, time: SentenceTime | None, ctx: _Context
) -> list[Event]:
    doc = sent.doc
    sent_span = (sent.start_char, sent.end_char)
    triggers = _keep(find_triggers(sent))
    events: dict[str, Event] = {}
    fatalities = find_fatalities(sent) if triggers else None
    for trigger in triggers:
        roles = _fall_roles(
            doc, trigger, trigger_roles(doc, trigger.head, trigger.first, trigger.last)
        )
        cues = cues_for(sent, doc[trigger.head])
        attributed: set[str] = set()
        if cues.attributed_start is not None and cues.attributed_end is not None:
            span = (cues.attributed_start, cues.attributed_end)
            attributed = {m.entity_id or "" for m in ctx.actors if _overlaps(m, span)}
        actor1 = _actor_in(roles.agents, ctx, attributed)
        skip = attributed | ({actor1.entity_id or ""} if actor1 else set())
        actor2 = _actor_in(roles.patients, ctx, skip)
        if actor2 is None:  # "clashes between X and Y": a second actor among the agents
            actor2 = _actor_in(roles.agents, ctx, skip)
        if actor2 is None and trigger.sub_event_type in _TERRITORY:  # "took X from Y"
            actor2 = _actor_in(roles.sources, ctx, skip)
        if actor1 is None:
            actor1 = _fallback_actor(
                sent_span, ctx, skip | {actor2.entity_id or ""} if actor2 else skip
            )
        refined = _refine(trigger, doc, roles, actor1, actor2, ctx)
        if refined is None:
            continue
        event_type, sub_event_type = refined
        if sub_event_type in events:
            continue
        territory = (
            sub_event_type in _TERRITORY or sub_event_type == "Non-violent transfer of territory"
        )
        place, geo_precision = _location(roles, sent_span, ctx, territory)
        date, time_precision = _date(trigger, time, ctx.document.published)
        deadly = fatalities if sub_event_type not in {"Agreement", "Arrests"} else None
        events[sub_event_type] = Event(
            id=make_key("event", ctx.document.id, sent.start_char, sent.end_char, sub_event_type),
            doc_id=ctx.document.id,
            start=sent.start_char,
            end=sent.end_char,
            sentence=index,
            event_type=event_type,
            sub_event_type=sub_event_type,
            trigger=trigger.text,
            trigger_start=trigger.start,
            trigger_end=trigger.end,
            actor1=actor1.entity_id if actor1 else None,
            actor2=actor2.entity_id if actor2 else None,
            location=place.entity_id if place else None,
            geo_precision=geo_precision,
            date=date,
            time_precision=time_precision,
            fatalities_low=deadly.low if deadly else None,
            fatalities_high=deadly.high if deadly else None,
            fatalities_qualifier=deadly.qualifier if deadly else None,
            attributed_to=cues.attributed_to,
            hedged=cues.hedged,
            negated=cues.negated,
            future=cues.future,
            historical=bool(time and time.background),
            extractor=EVENT_EXTRACTOR,
            confidence=0.6 if trigger.weak else 0.8,
        )
    # fatalities belong to one event of the sentence: the first that can kill
    seen = False
    for key, event in list(events.items()):
        if event.fatalities_low is None:
            continue
        if seen:
            events[key] = _without_fatalities(event)
        seen = True
    return list(events.values())


def _without_fatalities(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, fatalities_low=None, fatalities_high=None, fatalities_qualifier=None)


def _fallback_actor(sent_span: Span, ctx: _Context, skip: set[str]) -> Mention | None:
    """The first actor the sentence names, when the parse gave no agent."""
    for mention in ctx.actors:
        if _inside(mention, sent_span) and mention.entity_id not in skip:
            return mention
    return None


def extract_events(
    spacy_doc: Any,
    document: Document,
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
    times: Sequence[SentenceTime] = (),
) -> list[Event]:
    """The events of one report: ``mentions`` and ``entities`` are its annotation's (actors and
    places resolved), ``times`` the :func:`~warwire.nlp.timex.sentence_times` of its sentences
    in order (empty: no dates but the publication date)."""
    load_lexicon()
    actors = sorted(
        (m for m in mentions if m.label == "ACTOR" and m.entity_id), key=lambda m: m.start
    )
    places = sorted(
        (m for m in mentions if m.label == "PLACE" and m.entity_id), key=lambda m: m.start
    )
    # a place the actor matcher reads as an actor ("ISIS") is not where the event happened
    places = [p for p in places if not any(_overlaps(a, (p.start, p.end)) for a in actors)]
    ctx = _Context(document, actors, places, entities)
    by_start = {t.start: t for t in times}
    found: list[Event] = []
    for index, sent in enumerate(spacy_doc.sents):
        sent_events = _sentence_events(sent, index, by_start.get(sent.start_char), ctx)
        found.extend(sent_events)
        sent_places = [p for p in places if sent.start_char <= p.start < sent.end_char]
        fine = [
            p
            for p in sent_places
            if (e := entities.get(p.entity_id or "")) is not None and e.feature != "country"
        ]
        if fine:
            ctx.last_place = fine[-1]
        elif sent_places and ctx.last_place is None:
            ctx.last_place = sent_places[-1]
    return found
