"""Storing annotated reports in a background thread while the next ones are annotated.

The database's work (SQLite's C code, the disk, the fusion update that follows each report)
releases the interpreter lock for much of its time, so one process annotates and stores at
once on two cores. Every write and every outcome goes through the writer's queue, so they
happen in the order the caller gave them, in one thread, one transaction per report as before.
The writer's first error stops it: it is raised to the caller at its next call, and the reports
queued after it are not stored (each report is stored whole or not at all).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType

_Task = Callable[[], None]


class StoreWriter:
    """A thread that runs store tasks in order; use it as a context manager. With
    ``threaded=False`` (a store whose connection must stay in one thread) each task runs at
    once in the caller's thread."""

    def __init__(self, depth: int = 16, *, threaded: bool = True) -> None:
        self._tasks: queue.Queue[_Task | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="warwire-store", daemon=True)
        self._threaded = threaded
        if threaded:
            self._thread.start()

    def submit(self, task: _Task) -> None:
        """Queue ``task`` (waits while the queue is full); raises the writer's error, if any."""
        self._raise()
        if self._threaded:
            self._tasks.put(task)
        else:
            task()

    def close(self) -> None:
        """Wait until every queued task has run; raise the writer's error, if any."""
        self._finish()
        self._raise()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:  # the caller's error wins; what was queued before it is still stored
            self._finish()

    def _finish(self) -> None:
        if self._thread.is_alive():
            self._tasks.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        failed = False
        while True:
            task = self._tasks.get()
            if task is None:
                return
            if failed:
                continue  # drain, so that a caller waiting on a full queue is not stuck
            try:
                task()
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc
                failed = True
