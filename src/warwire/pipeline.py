"""The main job: read reports, annotate the new ones, store each in one transaction.

``ingest`` streams: documents are read, checked against the store (a document already there is
``unchanged`` and not annotated again), annotated in batches (in this process or a pool) and
stored one by one, each in its own transaction, by a background thread while the next ones are
annotated (:mod:`warwire.store_writer`). A bad input becomes a ``failed`` outcome; the other
inputs go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO, Protocol

from warwire.errors import InputError, StoreError
from warwire.ingest import ReadOptions, Source, expand, read_source
from warwire.models import Annotation, Document, IngestOutcome
from warwire.nlp.pipeline import SpacyAnnotator, skip_reason, skipped_annotation
from warwire.store import Store
from warwire.store_writer import StoreWriter


class Annotator(Protocol):
    name: str

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]: ...


Progress = Callable[[IngestOutcome], None]


@dataclass
class IngestSummary:
    """Counts and outcomes of one ``ingest`` run."""

    outcomes: list[IngestOutcome] = field(default_factory=list)
    sources: int = 0
    words: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def failures(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def ingest(
    targets: Sequence[str],
    *,
    store: Store,
    annotator: Annotator | None = None,
    options: ReadOptions | None = None,
    stdin: BinaryIO | None = None,
    on_outcome: Progress | None = None,
    on_sources: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Read every target, annotate new English documents, and store them.

    ``on_sources`` is told how many sources were found; ``on_outcome`` hears of each document
    stored, skipped as unchanged, or failed.
    """
    options = options or ReadOptions()
    summary = IngestSummary()

    def record(outcome: IngestOutcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    with StoreWriter(threaded=getattr(store, "thread_safe", False)) as writer:
        _ingest(targets, store, annotator, options, stdin, on_sources, summary, writer, record)
    return summary


def _ingest(
    targets: Sequence[str],
    store: Store,
    annotator: Annotator | None,
    options: ReadOptions,
    stdin: BinaryIO | None,
    on_sources: Callable[[int], None] | None,
    summary: IngestSummary,
    writer: StoreWriter,
    record: Progress,
) -> None:
    """The reading and annotating of :func:`ingest` in this thread; every outcome and every
    write queued to ``writer``, in order."""

    def later(outcome: IngestOutcome) -> None:
        writer.submit(partial(record, outcome))

    def save(document: Document, annotation: Annotation, note: str | None = None) -> None:
        writer.submit(partial(_store, store, document, annotation, record, note=note))

    expanded = expand(targets, options)
    summary.sources = len(expanded)
    if on_sources is not None:
        on_sources(len(expanded))

    seen: set[str] = set()
    foreign: list[Document] = []

    def to_annotate() -> Iterator[Document]:
        for item in expanded:
            for document in _read(item, options, stdin, later):
                if document.id in seen or store.has_document(document.id):
                    seen.add(document.id)
                    later(
                        IngestOutcome(
                            document.origin or "",
                            "unchanged",
                            document.id,
                            document.title,
                            "already stored",
                        )
                    )
                    continue
                seen.add(document.id)
                if skip_reason(document):
                    foreign.append(document)
                    continue
                yield document
            _drain_all(foreign, save)

    if annotator is None:
        annotator = SpacyAnnotator()
    for document, annotation in annotator.annotate(to_annotate()):
        save(document, annotation)
        summary.words += len(document.text.split())
    _drain_all(foreign, save)


def _read(
    item: Source | InputError,
    options: ReadOptions,
    stdin: BinaryIO | None,
    record: Progress,
) -> list[Document]:
    if isinstance(item, InputError):
        record(IngestOutcome(item.source, "failed", message=str(item)))
        return []
    try:
        return read_source(item, options, stdin=stdin)
    except InputError as exc:
        record(IngestOutcome(item.origin, "failed", message=str(exc)))
        return []


def _drain_all(foreign: list[Document], save: Callable[[Document, Annotation, str], None]) -> None:
    while foreign:
        document = foreign.pop(0)
        reason = skip_reason(document) or "not annotated"
        save(document, skipped_annotation(document, reason), reason)


def _store(
    store: Store,
    document: Document,
    annotation: Annotation,
    record: Progress,
    *,
    note: str | None = None,
) -> None:
    try:
        status = store.add_document(document, annotation)
    except StoreError as exc:  # name the database: the caller may not know which it was
        raise StoreError(f"{store.path}: {exc}") from exc
    message = note if status == "new" else "already stored"
    record(IngestOutcome(document.origin or "", status, document.id, document.title, message))
