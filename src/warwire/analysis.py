"""``warwire.analyze``: run the pipeline on one text, without a database."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warwire.models import Annotation, Claim, Document, Entity, Event, Mention, Sentence
from warwire.nlp.pipeline import SpacyAnnotator, skip_reason, skipped_annotation

if TYPE_CHECKING:
    from spacy.language import Language

    from warwire.geo.parser import Geoparser


@dataclass(frozen=True)
class Analysis:
    """One analysed text: the document as it would be stored, and what was found in it."""

    document: Document
    annotation: Annotation

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.annotation.sentences

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.annotation.mentions

    @property
    def events(self) -> tuple[Event, ...]:
        return self.annotation.events

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.annotation.claims

    @property
    def entities(self) -> dict[str, Entity]:
        """The entities mentions, events and claims point to, by id."""
        return {e.id: e for e in self.annotation.entities}


@functools.cache
def _geoparser() -> Geoparser:
    from warwire.geo import load_gazetteer
    from warwire.geo.parser import Geoparser

    return Geoparser(load_gazetteer())


def analyze(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    language: str | None = "en",
    nlp: Language | None = None,
    places: bool = True,
    actors: bool = True,
) -> Analysis:
    """Analyse ``text`` as a report published on ``published`` (None if unknown): sentences,
    mentions, places (``places``: the geoparser, with the gazetteer index built on first use),
    actors, events and claims (``actors``)."""
    document = Document.create(
        text, title=title, source=source, published=published, language=language, format="text"
    )
    reason = skip_reason(document)
    if reason:
        return Analysis(document, skipped_annotation(document, reason))
    annotator = SpacyAnnotator(nlp, geoparser=_geoparser() if places else None, actors=actors)
    ((_, annotation),) = annotator.annotate([document])
    return Analysis(document, annotation)
