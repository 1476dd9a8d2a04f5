"""The data model: frozen, typed records that every pipeline stage takes and returns.

See ``shared/DESIGN.md``. Offsets are character offsets into ``Document.text`` (the normalised
text); every quote shown anywhere is cut from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from warwire.ids import document_id, make_key, normalise_text

IngestStatus = Literal["new", "unchanged", "failed"]
EntityKind = Literal["place", "actor", "person", "organisation", "operation", "facility"]
Precision = Literal["year", "season", "quarter", "month", "week", "day", "time"]
Qualifier = Literal["exact", "approx", "lower", "upper"]
AssessmentStatus = Literal["corroborated", "contradicted", "single_source"]


@dataclass(frozen=True)
class Page:
    """One page of a paginated source (PDF): ``number`` is 1-based, ``[start, end)`` in the text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One report. ``id`` is the sha256 of ``text``, which is already normalised."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str | None = None
    format: str | None = None
    pages: tuple[Page, ...] = ()
    ingested_at: dt.datetime | None = None

    @classmethod
    def create(
        cls,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: dt.date | None = None,
        language: str | None = None,
        origin: str | None = None,
        format: str | None = None,
        pages: tuple[Page, ...] = (),
    ) -> Document:
        """Build a document from raw text: normalises it and derives the id."""
        clean = normalise_text(text)
        return cls(
            id=document_id(clean),
            text=clean,
            title=(title or "").strip() or None,
            source=(source or "").strip() or None,
            url=(url or "").strip() or None,
            published=published,
            language=language,
            origin=origin,
            format=format,
            pages=pages,
        )

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding character ``offset``, or None for unpaginated sources."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        if self.pages and offset == self.pages[-1].end:
            return self.pages[-1].number
        return None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, ``[start, end)`` in its text."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of a document naming something; ``entity_id`` is set once it is resolved."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    sentence: int
    extractor: str
    entity_id: str | None = None
    geo_precision: int | None = None
    resolution: str | None = None
    value: str | None = None
    confidence: float | None = None

    @property
    def id(self) -> str:
        return make_key(self.doc_id, self.start, self.end, self.label)


@dataclass(frozen=True)
class Annotation:
    """What the NLP stage found in one document."""

    doc_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    pipeline: str = ""
    skipped: str | None = None
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class TimeValue:
    """What a date expression means: an ISO prefix ``value`` with its ``precision``."""

    value: str
    precision: Precision
    end: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real thing whatever its spellings. Place and actor fields are None for other kinds."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    geo_precision: int | None = None
    actor_type: int | None = None
    wikidata: str | None = None
    parent_id: str | None = None


@dataclass(frozen=True)
class EntitySummary:
    """An entity with how often, in how many documents and under which names it is mentioned."""

    entity: Entity
    mentions: int
    documents: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """An ACLED-style event stated by one sentence of one document.

    ``start``/``end`` are the character span of the stating sentence (the quote), ``sentence`` its
    index; ``trigger_start``/``trigger_end`` the words that state the event. ``actor1``,
    ``actor2`` and ``location`` are entity ids. ``time_precision`` is ACLED's (1 day, 2 week,
    3 month or longer). ``fatalities_low``/``fatalities_high`` hold the figure (equal unless the
    report gives a range; ``fatalities_qualifier`` says "at least", "about"...). ``future`` marks
    plans and threats, ``historical`` background facts rather than the news of the day.
    """

    id: str
    doc_id: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    trigger: str
    sentence: int = 0
    trigger_start: int = 0
    trigger_end: int = 0
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    geo_precision: int | None = None
    date: TimeValue | None = None
    time_precision: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_qualifier: Qualifier | None = None
    attributed_to: str | None = None
    hedged: bool = False
    negated: bool = False
    future: bool = False
    historical: bool = False
    extractor: str = ""
    confidence: float = 1.0


ClaimValueKind = Literal["number", "time", "entity"]


@dataclass(frozen=True)
class Claim:
    """One statement by one source about one subject; never merged away.

    ``start``/``end`` are the character span of the quote (the stating sentence), ``sentence`` its
    index. ``subject`` is an entity id. ``value`` is a number written as a decimal string, a
    TimeML value (``2015-05``) with its ``precision``, or an entity id, as ``value_kind`` says;
    ``value_high`` is the top of a range ("10 to 15 km"). ``reference`` and ``bearing`` belong
    to distance claims ("250 km east of X": reference X's entity id, bearing ``E``).
    """

    id: str
    doc_id: str
    start: int
    end: int
    subject: str
    attribute: str
    value: str
    sentence: int = 0
    value_kind: ClaimValueKind = "number"
    value_high: str | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    precision: Precision | None = None
    reference: str | None = None
    bearing: str | None = None
    attributed_to: str | None = None
    hedged: bool = False
    negated: bool = False
    extractor: str = ""


@dataclass(frozen=True)
class Assessment:
    """Fusion's verdict on one (subject, attribute) across the claims of all sources.

    ``groups`` partitions ``claim_ids`` into sets of claims whose values agree (within their
    qualifiers and precisions); ``sources`` counts the independent sources behind the largest
    group; ``reason`` says why the values contradict each other, when they do.
    """

    subject: str
    attribute: str
    status: AssessmentStatus
    claim_ids: tuple[str, ...] = field(default_factory=tuple)
    groups: tuple[tuple[str, ...], ...] = ()
    sources: int = 0
    reason: str | None = None


@dataclass(frozen=True)
class FusedEvent:
    """One real event reported by one or more sources: the events of several reports that
    agree on type, place, time and actors. Fatalities follow ACLED: ``fatalities`` is the most
    conservative figure, ``fatalities_high`` the highest, ``disputed`` says the sources differ."""

    id: str
    event_type: str
    sub_event_type: str
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    geo_precision: int | None = None
    date: TimeValue | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    fatalities_high: int | None = None
    disputed: bool = False
    notes: str = ""


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one input: a stored document, an unchanged one, or a failure."""

    origin: str
    status: IngestStatus
    doc_id: str | None = None
    title: str | None = None
    message: str | None = None


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Timex:
    """A time expression of a text, ``[start, end)``, with its TIMEX3 type and value.

    ``value`` is the TimeML value string (``2013-03-22``, ``2013-W11``, ``P3M``, ``XXXX-WXX-5``,
    ``PRESENT_REF``) or None when a relative expression has no publication date to anchor it;
    ``time_value`` is the warwire reading of a date (None for durations, sets and the
    unanchorable); ``mod`` is the TimeML modifier (START, MID, END, APPROX, BEFORE, AFTER...).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    time_value: TimeValue | None = None
    mod: str | None = None
    relative: bool = False
