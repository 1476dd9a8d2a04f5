"""Annotation in a pool of worker processes (``ingest --workers N``).

Each worker builds the same ``SpacyAnnotator`` (spaCy pipeline and, with places, the
gazetteer) once; the parent sends chunks of documents and receives the workers' ``Annotation``
records, so results are identical to in-process annotation and arrive in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from warwire.models import Annotation, Document
from warwire.nlp.pipeline import ACTOR_EXTRACTOR, SpacyAnnotator, load_pipeline, pipeline_name

CHUNK_SIZE = 32

_worker: SpacyAnnotator | None = None


def make_annotator(model: str, places: bool, actors: bool = True) -> SpacyAnnotator:
    """The in-process annotator the CLI, the API and every worker use."""
    geoparser = None
    if places:
        from warwire.geo import load_gazetteer
        from warwire.geo.parser import Geoparser

        geoparser = Geoparser(load_gazetteer())
    return SpacyAnnotator(model=model, geoparser=geoparser, actors=actors)


def _init_worker(model: str, places: bool, actors: bool) -> None:
    global _worker
    _worker = make_annotator(model, places, actors)


def _ready() -> int:
    """A worker's pid once its annotator is built; lingers so every worker gets one."""
    import os
    import time

    time.sleep(0.2)
    return os.getpid()


def _annotate_chunk(documents: list[Document]) -> list[Annotation]:
    """Annotate whole documents: extraction reads more than the text (a claim's focus comes
    from the title, a date from the publication day)."""
    assert _worker is not None, "worker not initialised"
    return [annotation for _, annotation in _worker.annotate(documents)]


class ProcessPoolAnnotator:
    """Annotates documents in ``workers`` processes; use as a context manager."""

    def __init__(
        self, workers: int, *, model: str = "", places: bool = True, actors: bool = True
    ) -> None:
        self.workers = workers
        self.name = pipeline_name(load_pipeline(model))
        if places:
            from warwire.geo.parser import Geoparser

            self.name += f"+{Geoparser.version}"
        if actors:
            self.name += f"+{ACTOR_EXTRACTOR}"
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(model, places, actors),
        )

    def __enter__(self) -> ProcessPoolAnnotator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Start every worker and build its annotator now, so timings leave start-up out."""
        seen: set[int] = set()
        for _ in range(20):
            futures = [self._pool.submit(_ready) for _ in range(self.workers * 2)]
            seen.update(f.result() for f in futures)
            if len(seen) >= self.workers:
                return

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        """Annotations in the order of ``documents``, with a bounded number of chunks in flight."""
        source = iter(documents)
        pending: deque[tuple[list[Document], Future[list[Annotation]]]] = deque()
        max_pending = self.workers * 3
        while True:
            while len(pending) < max_pending:
                chunk = list(islice(source, CHUNK_SIZE))
                if not chunk:
                    break
                pending.append((chunk, self._pool.submit(_annotate_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            yield from zip(chunk, future.result(), strict=True)
