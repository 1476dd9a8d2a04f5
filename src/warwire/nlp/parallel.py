"""Annotation in a pool of worker processes (``ingest --workers N``).

Each worker loads the spaCy pipeline once; the parent sends chunks of texts and receives plain
tuples back, so results are identical to in-process annotation and arrive in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from warwire.models import Annotation, Document, Mention, Sentence
from warwire.nlp.pipeline import BATCH_SIZE, load_pipeline, pipeline_name

CHUNK_SIZE = 32

_Sent = tuple[int, int]
_Ent = tuple[int, int, str, str, int]
_Result = tuple[list[_Sent], list[_Ent]]

_worker_nlp: Any = None


def _init_worker(model: str) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _ready() -> int:
    """A worker's pid once its pipeline is loaded; lingers so every worker gets one."""
    import os
    import time

    time.sleep(0.2)
    return os.getpid()


def _annotate_chunk(texts: list[str]) -> list[_Result]:
    import bisect

    results: list[_Result] = []
    for spacy_doc in _worker_nlp.pipe(texts, batch_size=BATCH_SIZE):
        sents = [(s.start_char, s.end_char) for s in spacy_doc.sents]
        token_starts = [s.start for s in spacy_doc.sents]
        ents = [
            (
                e.start_char,
                e.end_char,
                e.text,
                e.label_,
                max(bisect.bisect_right(token_starts, e.start) - 1, 0),
            )
            for e in spacy_doc.ents
        ]
        results.append((sents, ents))
    return results


class ProcessPoolAnnotator:
    """Annotates documents in ``workers`` processes; use as a context manager."""

    def __init__(self, workers: int, *, model: str = "") -> None:
        self.workers = workers
        self.model = model
        self.name = pipeline_name(load_pipeline(model))
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(model,)
        )

    def __enter__(self) -> ProcessPoolAnnotator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Start every worker and load its pipeline now, so timings leave start-up out."""
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
        pending: deque[tuple[list[Document], Future[list[_Result]]]] = deque()
        max_pending = self.workers * 3
        while True:
            while len(pending) < max_pending:
                chunk = list(islice(source, CHUNK_SIZE))
                if not chunk:
                    break
                pending.append((chunk, self._pool.submit(_annotate_chunk, [d.text for d in chunk])))
            if not pending:
                return
            chunk, future = pending.popleft()
            for document, result in zip(chunk, future.result(), strict=True):
                yield document, self._build(document, result)

    def _build(self, document: Document, result: _Result) -> Annotation:
        sents, ents = result
        text = document.text
        extractor = f"spacy.ner:{self.name}"
        return Annotation(
            document.id,
            tuple(Sentence(document.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(sents)),
            tuple(
                Mention(document.id, s, e, t, label, sent, extractor)
                for s, e, t, label, sent in ents
            ),
            self.name,
        )
