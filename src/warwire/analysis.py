"""``warwire.analyze``: run the pipeline on one text, without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warwire.models import Annotation, Document, Mention, Sentence
from warwire.nlp.pipeline import SpacyAnnotator, skip_reason, skipped_annotation

if TYPE_CHECKING:
    from spacy.language import Language


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


def analyze(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    language: str | None = "en",
    nlp: Language | None = None,
) -> Analysis:
    """Analyse ``text`` as a report published on ``published`` (None if unknown)."""
    document = Document.create(
        text, title=title, source=source, published=published, language=language, format="text"
    )
    reason = skip_reason(document)
    if reason:
        return Analysis(document, skipped_annotation(document, reason))
    annotator = SpacyAnnotator(nlp)
    ((_, annotation),) = annotator.annotate([document])
    return Analysis(document, annotation)
