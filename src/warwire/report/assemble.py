"""Assembling a dossier from the store: the subject, its assessments with every source's quote,
its fused events, the actors and places around it, and the documents cited.

A place's dossier holds the claims about it and the events that happened there; an actor's the
claims about it and the events it took part in (either side). Every statement carries a
:class:`~warwire.report.dossier_model.SourceRef` cut from its document's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from warwire.models import Assessment, Claim, Document, Entity, FusedEvent
from warwire.report.dossier_model import (
    ActorRef,
    AssessmentView,
    DocumentRef,
    Dossier,
    EventView,
    PlaceRef,
    SourceRef,
    Subject,
    ValueSupport,
)

__all__ = ["actor_ref", "build_dossier", "event_views", "place_ref"]


class _Sources:
    """Documents fetched once, and quotes cut from them."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.documents: dict[str, Document] = {}

    def document(self, doc_id: str) -> Document:
        if doc_id not in self.documents:
            self.documents[doc_id] = self.store.get_document(doc_id)
        return self.documents[doc_id]

    def ref(self, doc_id: str, start: int, end: int) -> SourceRef:
        doc = self.document(doc_id)
        return SourceRef(
            doc_id=doc.id,
            title=doc.title,
            source=doc.source,
            published=doc.published.isoformat() if doc.published else None,
            quote=" ".join(doc.text[start:end].split()),
            start=start,
            end=end,
            url=doc.url,
        )


def _place(entity: Entity | None, counts: dict[str, int]) -> PlaceRef | None:
    if entity is None:
        return None
    return PlaceRef(
        id=entity.id,
        name=entity.name,
        geonames_id=entity.geonames_id,
        lat=entity.lat,
        lon=entity.lon,
        country_code=entity.country_code,
        admin1=entity.admin1,
        mentions=counts.get(entity.id, 0),
        feature=entity.feature,
    )


def _actor(
    entity: Entity | None, counts: dict[str, int], aliases: Sequence[str] = ()
) -> ActorRef | None:
    if entity is None:
        return None
    return ActorRef(
        id=entity.id,
        name=entity.name,
        actor_type=entity.actor_type,
        country_code=entity.country_code,
        aliases=tuple(aliases),
        mentions=counts.get(entity.id, 0),
    )


def _value(claim: Claim, entities: dict[str, Entity]) -> str | int | float | dict[str, Any]:
    if claim.value_kind == "entity":
        entity = entities.get(claim.value)
        return {"id": claim.value, "name": entity.name if entity else claim.value}
    if claim.value_kind == "number":
        number = float(claim.value)
        return int(number) if number.is_integer() else number
    return claim.value


def _assessment_view(
    assessment: Assessment, claims: dict[str, Claim], entities: dict[str, Entity], sources: _Sources
) -> AssessmentView:
    values: list[ValueSupport] = []
    groups = assessment.groups or tuple((i,) for i in assessment.claim_ids)
    for group in groups:
        members = [claims[i] for i in group if i in claims]
        if not members:
            continue
        first = members[0]
        values.append(
            ValueSupport(
                value=_value(first, entities),
                unit=first.unit,
                qualifier=first.qualifier,
                sources=tuple(sources.ref(c.doc_id, c.start, c.end) for c in members),
                precision=first.precision,
            )
        )
    return AssessmentView(
        attribute=assessment.attribute,
        status=assessment.status,
        values=tuple(values),
        reason=assessment.reason,
    )


def _event_view(
    fused: FusedEvent,
    members: dict[str, Any],
    entities: dict[str, Entity],
    counts: dict[str, int],
    sources: _Sources,
) -> EventView:
    refs = tuple(
        sources.ref(e.doc_id, e.start, e.end) for i in fused.event_ids if (e := members.get(i))
    )
    return EventView(
        id=fused.id,
        event_type=fused.event_type,
        sub_event_type=fused.sub_event_type,
        date=fused.date.value if fused.date else None,
        date_precision=fused.date.precision if fused.date else None,
        time_precision=fused.time_precision,
        location=_place(entities.get(fused.location or ""), counts),
        geo_precision=fused.geo_precision,
        actor1=_actor(entities.get(fused.actor1 or ""), counts),
        actor2=_actor(entities.get(fused.actor2 or ""), counts),
        fatalities=fused.fatalities,
        fatalities_high=fused.fatalities_high,
        disputed=fused.disputed,
        notes=fused.notes,
        sources=refs,
    )


def event_views(store: Any, fused: Sequence[FusedEvent]) -> list[EventView]:
    """Views of fused events with their places, actors and every source's quote."""
    sources = _Sources(store)
    members = {e.id: e for e in store.events_by_id([i for f in fused for i in f.event_ids])}
    entities = store.entities_by_id(
        _ids(x for f in fused for x in (f.location, f.actor1, f.actor2))
    )
    counts = store.mention_counts(entities)
    return [_event_view(f, members, entities, counts, sources) for f in fused]


place_ref = _place
actor_ref = _actor


def _ids(values: Iterable[str | None]) -> set[str]:
    return {v for v in values if v}


def build_dossier(store: Any, entity_id: str, *, generated_at: str) -> Dossier:
    """The dossier of the place, actor, person or organisation ``entity_id`` (its aliases
    include those of the entities linked to it as the same)."""
    subject_entity = store.entities_by_id([entity_id])[entity_id]
    sources = _Sources(store)
    assessments = store.assessments([entity_id])
    claims = {c.id: c for c in store.claims_by_id([i for a in assessments for i in a.claim_ids])}
    if subject_entity.kind == "place":
        fused = store.fused_events(location=[entity_id])
    else:
        fused = store.fused_events(actor=[entity_id])
    members = {e.id: e for e in store.events_by_id([i for f in fused for i in f.event_ids])}
    wanted = _ids([entity_id])
    wanted |= _ids(x for f in fused for x in (f.location, f.actor1, f.actor2))
    wanted |= _ids(c.value for c in claims.values() if c.value_kind == "entity")
    wanted |= _ids(c.reference for c in claims.values())
    entities = store.entities_by_id(wanted)
    counts = store.mention_counts(entities)
    views = [_assessment_view(a, claims, entities, sources) for a in assessments]
    events = [_event_view(f, members, entities, counts, sources) for f in fused]
    places = sorted(
        (p for e in entities.values() if e.kind == "place" and (p := _place(e, counts))),
        key=lambda p: (-p.mentions, p.name),
    )
    actors = sorted(
        (
            a
            for e in entities.values()
            if e.kind in {"actor", "operation"} and (a := _actor(e, counts, store.aliases(e.id)))
        ),
        key=lambda a: (-a.mentions, a.name),
    )
    uses = store.alias_uses(entity_id)
    if subject_entity.kind in {"person", "organisation"}:
        for use in uses:  # the reports that name a person or organisation are its sources
            for doc_id in use.doc_ids:
                sources.document(doc_id)
    documents = sorted(
        (
            DocumentRef(
                doc_id=d.id,
                title=d.title,
                source=d.source,
                published=d.published.isoformat() if d.published else None,
                url=d.url,
            )
            for d in sources.documents.values()
        ),
        key=lambda d: (d.published or "", d.doc_id),
    )
    subject = Subject(
        name=subject_entity.name,
        kind=subject_entity.kind,
        aliases=tuple(use.alias for use in uses),
        geonames_id=subject_entity.geonames_id,
        lat=subject_entity.lat,
        lon=subject_entity.lon,
        country_code=subject_entity.country_code,
        actor_type=subject_entity.actor_type,
        id=subject_entity.id,
    )
    return Dossier(
        subject=subject,
        assessments=tuple(views),
        events=tuple(events),
        actors=tuple(actors),
        places=tuple(places),
        documents=tuple(documents),
        generated_at=generated_at,
    )
