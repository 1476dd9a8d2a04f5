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
from typing import Any

from warwire.extract.cues import cues_for
from warwire.extract.fatalities import find_fatalities
from warwire.extract.generic import country_actor, generic_actor
from warwire.extract.refine import TERRITORY, Participants, refine, refine_vocab
from warwire.extract.roles import Roles, Span, trigger_roles
from warwire.extract.triggers import Trigger, find_triggers, load_lexicon
from warwire.geo.recognise import dateline_spans
from warwire.ids import make_key
from warwire.models import Document, Entity, Event, Mention, Precision, TimeValue
from warwire.nlp.timex.sentences import SentenceTime

__all__ = ["EVENT_EXTRACTOR", "SUBSUMES", "EventExtraction", "extract_events"]

EVENT_EXTRACTOR = "warwire.events.v1"

_TERRITORY = TERRITORY
_PROTEST_RESPONSES = frozenset(
    {"Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
)
SUBSUMES: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset({"Remote explosive/landmine/IED"}),
    "Protest with intervention": frozenset({"Peaceful protest", "Arrests"}),
    "Excessive force against protesters": frozenset(
        {"Peaceful protest", "Protest with intervention"}
    ),
    "Mob violence": frozenset({"Attack"}),
    "Chemical weapon": frozenset(
        {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}
    ),
    "Government regains territory": frozenset({"Armed clash"}),
    "Non-state actor overtakes territory": frozenset({"Armed clash"}),
    "Non-violent transfer of territory": TERRITORY | {"Armed clash"},
    "Disrupted weapons use": frozenset(
        {
            "Remote explosive/landmine/IED",
            "Grenade",
            "Shelling/artillery/missile attack",
            "Air/drone strike",
        }
    ),
    "Violent demonstration": frozenset({"Peaceful protest", "Armed clash"}),
}
_OLD_DAYS = 365
_TIME_PRECISION: dict[Precision, int] = {"day": 1, "time": 1, "week": 2}


@dataclass
class _Context:
    """What the extractor knows about the whole report."""

    document: Document
    actors: list[Mention]
    places: list[Mention]
    entities: Mapping[str, Entity]
    demonyms: list[Mention] = field(default_factory=list)
    last_place: Mention | None = None
    place_counts: Counter[str] = field(default_factory=Counter)
    default_country: str | None = None
    new_mentions: list[Mention] = field(default_factory=list)
    new_entities: dict[str, Entity] = field(default_factory=dict)


@dataclass(frozen=True)
class EventExtraction:
    """The events of one report, with the generic actors ("gunmen", "Civilians (Mali)") they
    introduced: their mentions and entities, to be stored with the annotation."""

    events: tuple[Event, ...]
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()


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
    entity = ctx.entities.get(mention.entity_id) or ctx.new_entities.get(mention.entity_id)
    return entity.actor_type if entity else None


def _fall_roles(doc: Any, trigger: Trigger, roles: Roles) -> Roles:
    """ "X fell to Y": the subject is the territory and the object of "to" the actor."""
    head = doc[trigger.head]
    if head.lemma_.lower() not in refine_vocab().fall:
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


def _old(date: TimeValue | None, published: dt.date | None) -> bool:
    """Whether the event's own date lies more than a year before the report."""
    if date is None or published is None or date.anchor == "published":
        return False
    try:
        year = int(date.value[:4])
    except ValueError:
        return False
    last = dt.date(year, 12, 31) if date.precision == "year" else None
    if last is None:
        try:
            last = dt.date.fromisoformat(
                (date.value + "-28")[:10] if len(date.value) == 7 else date.value[:10]
            )
        except ValueError:
            return False
    return (published - last).days > _OLD_DAYS


def _keep(triggers: list[Trigger]) -> list[Trigger]:
    """Weak triggers only where nothing stronger states the event; no subsumed duplicates."""
    strong = [t for t in triggers if not t.weak]
    kept = strong if strong else triggers
    types = {t.sub_event_type for t in kept}
    covered = set().union(*(SUBSUMES.get(t, frozenset()) for t in types)) if types else set()
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
        country = _sentence_country(sent_span, ctx)
        if actor1 is None and roles.agents:
            actor1 = _generic(doc, roles.agents[0], index, country, ctx)
        if actor2 is None and roles.patients:
            actor2 = _generic(doc, roles.patients[0], index, country, ctx)
        if actor1 is None and not roles.agents:
            actor1 = _fallback_actor(
                sent_span, ctx, skip | {actor2.entity_id or ""} if actor2 else skip
            )
        refined = refine(
            trigger,
            Participants(
                sentence=sent,
                roles=roles,
                actor1_type=_actor_type(actor1, ctx),
                actor2_type=_actor_type(actor2, ctx),
                patient_is_place=any(
                    any(_overlaps(p, span) for span in roles.patients) for p in ctx.places
                ),
                is_place=lambda span: any(_overlaps(p, span) for p in ctx.places),
            ),
        )
        if refined is None:
            continue
        event_type, sub_event_type = refined
        if event_type in _CROWDS and (_is_generic_or_none(actor1) or _crowd_noun(doc, trigger)):
            actor1 = _crowd(doc, trigger, roles, index, country, ctx, _CROWDS[event_type])
        if sub_event_type in _VICTIMS and actor2 is None and roles.patients:
            actor2 = _generic(doc, roles.patients[0], index, country, ctx, force="Civilians")
        if sub_event_type in events or (
            sub_event_type in _TERRITORY and any(t in events for t in _TERRITORY)
        ):
            continue  # one event per sub-type, one change of territory per sentence
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
            historical=bool(time and time.background) or _old(date, ctx.document.published),
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


_CROWDS = {"Protests": "Protesters", "Riots": "Rioters"}
_VICTIMS = frozenset({"Attack", "Abduction/forced disappearance", "Arrests", "Sexual violence"})


def _crowd_noun(doc: Any, trigger: Trigger) -> bool:
    """Whether the trigger's words include the crowd ("protesters", "rioters")."""
    return any(
        t.pos_ in {"NOUN", "PROPN"} and t.dep_ in {"nsubj", "nsubjpass"}
        for t in doc[trigger.first : trigger.last + 1]
    )


def _is_generic_or_none(mention: Mention | None) -> bool:
    return mention is None or mention.resolution == "generic"


def _crowd(
    doc: Any,
    trigger: Trigger,
    roles: Roles,
    index: int,
    country: str | None,
    ctx: _Context,
    name: str,
) -> Mention | None:
    """The protesters or rioters of a protest or riot: its agent, or the trigger itself when
    the trigger is the crowd ("Demonstrators marched", "Rioters torched cars")."""
    for token in doc[trigger.first : trigger.last + 1]:
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
            span = (token.idx, token.idx + len(token.text))
            crowd = _generic(doc, span, index, country, ctx, force=name)
            if crowd is not None:
                return crowd
    if roles.agents:
        return _generic(doc, roles.agents[0], index, country, ctx, force=name)
    return None


def _sentence_country(sent_span: Span, ctx: _Context) -> str | None:
    """The country of the sentence's first place, else the report's main country."""
    for mention in ctx.places:
        if _inside(mention, sent_span):
            entity = ctx.entities.get(mention.entity_id or "")
            if entity is not None and entity.country_code:
                return entity.country_code
    return ctx.default_country


def _span_country(span: Span, ctx: _Context) -> tuple[Mention, str] | None:
    """A country the phrase names or implies ("Ethiopian authorities", "Russia")."""
    for mention in [*ctx.places, *ctx.demonyms]:
        if _overlaps(mention, span):
            entity = ctx.entities.get(mention.entity_id or "")
            if entity is not None and entity.feature == "country" and entity.country_code:
                return mention, entity.country_code
    return None


def _generic(
    doc: Any,
    span: Span,
    index: int,
    country: str | None,
    ctx: _Context,
    *,
    force: str | None = None,
) -> Mention | None:
    """A generic actor for an argument phrase that names no known actor: a country's forces
    for a country's name, else a generic participant by the phrase's head word."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or not len(phrase):
        return None
    named = _span_country(span, ctx)
    found = None
    if named is not None and named[0].label == "PLACE" and phrase.root.ent_type_ == "GPE":
        place, code = named
        found = country_actor(ctx.document.id, place.start, place.end, place.text, index, code)
    if found is None:
        found = generic_actor(
            phrase, ctx.document.id, index, named[1] if named else country, force=force
        )
    if found is None:
        return None
    ctx.new_entities.setdefault(found.entity.id, found.entity)
    if all(m.id != found.mention.id for m in ctx.new_mentions):
        ctx.new_mentions.append(found.mention)
    return found.mention


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
) -> EventExtraction:
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
    # a place the actor matcher reads as an actor ("ISIS") is not where the event happened,
    # nor is the dateline ("ANTAKYA - ..."), where the report was filed
    filed = set(dateline_spans(document.text))
    places = [
        p
        for p in places
        if (p.start, p.end) not in filed and not any(_overlaps(a, (p.start, p.end)) for a in actors)
    ]
    countries = Counter(
        e.country_code
        for p in places
        if (e := entities.get(p.entity_id or "")) is not None and e.country_code
    )
    demonyms = [m for m in mentions if m.label == "DEMONYM" and m.entity_id]
    ctx = _Context(document, actors, places, entities, demonyms)
    ctx.default_country = countries.most_common(1)[0][0] if countries else None
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
    known = set(entities)
    return EventExtraction(
        tuple(found),
        tuple(ctx.new_mentions),
        tuple(e for i, e in ctx.new_entities.items() if i not in known),
    )
