"""Annotation on a Ray cluster (``ingest --engine ray``), local or many machines.

Each Ray actor builds the same annotator as a process-pool worker
(:func:`warwire.nlp.parallel.make_annotator`: the spaCy pipeline and, with places, the
gazetteer) once, then annotates chunks of documents for as long as the run lasts. The driver
reads the reports, skips those already stored, hands chunks to the actors with a bounded number
in flight, and yields the ``Annotation`` records in input order to
:func:`warwire.pipeline.ingest`, which stores them (and fusion follows) exactly as with one
process, so the database is the same record for record.

Why actors and not a Ray Data ``map_batches`` pipeline: a Ray Data dataset needs its input
known when it is built (``from_items``, files), and its actor pool lives as long as the
dataset. Ingest's input is a stream, read and checked against the store as it goes; cutting it
into datasets would reload the spaCy pipeline and gazetteer for each one. A fixed set of actors
fed by the stream is what ``map_batches`` with an actor class does, without the restarts.

Ray is optional: it is imported when an engine is made, and a missing Ray is a
:class:`~warwire.errors.ConfigError` naming the package to install.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from warwire.errors import ConfigError, WarwireError
from warwire.models import Annotation, Document
from warwire.nlp.parallel import CHUNK_SIZE, make_annotator

RAY_INSTALL = "pip install 'ray[data]'"


class _Worker:
    """The body of a Ray actor: one annotator, built once."""

    def __init__(self, model: str, places: bool, actors: bool) -> None:
        self._annotator = make_annotator(model, places, actors)

    def name(self) -> str:
        return self._annotator.name

    def pid(self) -> int:
        return os.getpid()

    def annotate(self, documents: list[Document]) -> list[Annotation]:
        """Annotate whole documents (extraction reads the title and date, not only the text)."""
        return [annotation for _, annotation in self._annotator.annotate(documents)]


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # an optional dependency
        raise ConfigError(f"--engine ray needs Ray, which is not installed: {RAY_INSTALL}") from exc
    return ray


class RayAnnotator:
    """Annotates documents in ``workers`` Ray actors; use as a context manager.

    ``address`` is a Ray cluster's address (``ray start --head`` prints it; ``auto`` finds a
    cluster started on this machine). Without one, an already initialised Ray is used, then
    ``$RAY_ADDRESS``, then a local Ray started for this run (and stopped by :meth:`close`) with
    ``workers`` CPUs.
    """

    def __init__(
        self,
        workers: int,
        *,
        model: str = "",
        places: bool = True,
        actors: bool = True,
        address: str | None = None,
    ) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers!r}")
        ray = _import_ray()
        self._ray = ray
        self.workers = workers
        self._started = False
        if not ray.is_initialized():
            self._init(address)
        remote = ray.remote(num_cpus=1)(_Worker)
        self._actors = [remote.remote(model, places, actors) for _ in range(workers)]
        try:  # waits until every actor has built its annotator: their errors surface here
            names = set(self._get([actor.name.remote() for actor in self._actors]))
        except BaseException:
            self.close()
            raise
        assert len(names) == 1, f"actors built different pipelines: {sorted(names)}"
        self.name = names.pop()

    def _init(self, address: str | None) -> None:
        import logging

        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        options: dict[str, Any] = {
            "include_dashboard": False,
            "logging_level": logging.WARNING,
            "log_to_driver": False,
        }
        target = address or os.environ.get("RAY_ADDRESS") or None
        if target is None:
            options["num_cpus"] = self.workers
        try:
            self._ray.init(address=target, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ConfigError(f"cannot connect to Ray at {target}: {exc}") from exc
        self._started = True

    def _get(self, refs: Any) -> Any:
        try:
            return self._ray.get(refs)
        except self._ray.exceptions.RayError as exc:
            raise WarwireError(f"a Ray worker failed: {exc}") from exc

    def __enter__(self) -> RayAnnotator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def pids(self) -> list[int]:
        """The process id of each actor (for measuring their memory on this machine)."""
        return list(self._get([actor.pid.remote() for actor in self._actors]))

    def close(self) -> None:
        """Stop the actors, and the local Ray if this annotator started it."""
        for actor in self._actors if hasattr(self, "_actors") else ():
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        """Annotations in the order of ``documents``, with a bounded number of chunks in flight;
        each chunk goes to the actor with the fewest chunks waiting."""
        source = iter(documents)
        pending: deque[tuple[list[Document], int, Any]] = deque()
        load = [0] * len(self._actors)
        max_pending = len(self._actors) * 3
        while True:
            while len(pending) < max_pending:
                chunk = list(islice(source, CHUNK_SIZE))
                if not chunk:
                    break
                index = load.index(min(load))
                load[index] += 1
                pending.append((chunk, index, self._actors[index].annotate.remote(chunk)))
            if not pending:
                return
            chunk, index, ref = pending.popleft()
            annotations = self._get(ref)
            load[index] -= 1
            yield from zip(chunk, annotations, strict=True)
