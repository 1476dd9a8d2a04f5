"""The view records a dossier is rendered from: the API shape, separate from the domain records.

A ``Dossier`` is assembled once (from the store, by whoever builds it) and rendered by pure
functions: ``dossier_to_dict`` (JSON, documented by ``docs/dossier.schema.json``),
``dossier_to_markdown`` and ``dossier_to_html``. Every field holds plain values: dates are ISO
strings (``published`` a day, an event ``date`` an ISO prefix with its ``date_precision``),
coordinates are WGS84 decimal degrees, ``actor_type`` is ACLED's inter code (1-8) and
``geo_precision``/``time_precision`` are ACLED's codes. Tuples keep the order the renderers show.

Every statement shown carries its ``SourceRef``: the document, the quote cut from its text and
the ``[start, end)`` character span of that quote, so a reader can check it against the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ActorRef",
    "AssessmentView",
    "DocumentRef",
    "Dossier",
    "EventView",
    "PlaceRef",
    "SourceRef",
    "Subject",
    "ValueSupport",
]


@dataclass(frozen=True)
class SourceRef:
    """One statement's provenance: ``quote`` is ``text[start:end]`` of document ``doc_id``.

    ``source`` is the outlet (publisher), ``published`` its ISO date (``2014-06-12``) or None.
    """

    doc_id: str
    title: str | None
    source: str | None
    published: str | None
    quote: str
    start: int
    end: int
    url: str | None = None


@dataclass(frozen=True)
class ValueSupport:
    """One value stated for an attribute, with every source that states it.

    ``value`` is a number, a string (a TimeML date such as ``2014-06``, a name), or a small
    mapping for an entity value (``{"id": ..., "name": ...}``); ``precision`` is the precision of
    a date value (``year``, ``month``, ``week``, ``day``...). ``qualifier`` is ``exact``,
    ``approx`` ("roughly"), ``lower`` ("over") or ``upper`` ("under").
    """

    value: str | int | float | dict[str, Any]
    unit: str | None
    qualifier: str
    sources: tuple[SourceRef, ...]
    precision: str | None = None


@dataclass(frozen=True)
class AssessmentView:
    """Fusion's verdict on one attribute of the subject: ``status`` is ``corroborated``,
    ``contradicted`` or ``single_source``; ``reason`` says why values contradict each other."""

    attribute: str
    status: str
    values: tuple[ValueSupport, ...]
    reason: str | None = None


@dataclass(frozen=True)
class Subject:
    """What the dossier is about: a place (``kind="place"``, with its GeoNames id, point and
    country) or an actor (``kind="actor"``, with its ACLED ``actor_type``). ``id`` is the entity
    id in the store (empty when unknown)."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    actor_type: int | None
    id: str = ""


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place. ``mentions`` counts its mentions in the dossier's documents (the map
    sizes points by it); ``admin1`` is the first-level division's name or ISO 3166-2 code;
    ``feature`` is the gazetteer's feature kind (city, admin1, country, river...)."""

    id: str
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    mentions: int = 0
    feature: str | None = None


@dataclass(frozen=True)
class ActorRef:
    """A resolved actor: ``actor_type`` is ACLED's inter code (1 state forces ... 8 external)."""

    id: str
    name: str
    actor_type: int | None
    country_code: str | None
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True)
class EventView:
    """A fused event with every source that reports it.

    ``date`` is an ISO prefix (``2014``, ``2014-06``, ``2014-06-12``, or ``2014-W24``) and
    ``date_precision`` its precision (``year``, ``month``, ``week``, ``day``); ``time_precision``
    and ``geo_precision`` are ACLED's codes. ``fatalities`` is the most conservative figure,
    ``fatalities_high`` the highest; ``disputed`` says the sources differ (``notes`` says how).
    """

    id: str
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str | None
    time_precision: int | None
    location: PlaceRef | None
    geo_precision: int | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    fatalities: int | None
    fatalities_high: int | None
    disputed: bool
    notes: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class DocumentRef:
    """A report the dossier cites: ``published`` is an ISO date or None."""

    doc_id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True)
class Dossier:
    """Everything known about one place or actor, ready to render.

    ``generated_at`` is an ISO timestamp supplied by the caller (renderers never read the
    clock, so the same dossier renders to the same bytes). ``summary`` is an optional
    paragraph written by the caller; renderers add counts computed from the records.
    """

    subject: Subject
    assessments: tuple[AssessmentView, ...]
    events: tuple[EventView, ...]
    actors: tuple[ActorRef, ...]
    places: tuple[PlaceRef, ...]
    documents: tuple[DocumentRef, ...]
    generated_at: str
    summary: str | None = None
