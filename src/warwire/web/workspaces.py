"""Database access for the server: one workspace per thread, and one writer at a time.

A SQLite connection belongs to the thread that opened it, and FastAPI runs plain ``def``
routes on a pool of threads; so each thread opens its own workspace on first use (SQLite in
WAL mode lets them all read while one writes). Writes (ingesting a report) go through
:class:`Writer`, which holds a lock and the annotator, built once.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from warwire.pipeline import Annotator
from warwire.settings import Settings
from warwire.web.schemas import entity_ref
from warwire.workspace import Workspace
from warwire.workspace import open as open_workspace

MAX_REMEMBERED = 100_000


class Workspaces:
    """The workspaces of the server's threads, opened on first use."""

    def __init__(self, db: str, settings: Settings | None = None) -> None:
        self.db = db
        self.settings = settings or Settings.from_env(db=db)
        self._local = threading.local()
        self._refs: dict[str, dict[str, Any] | None] = {}
        # open (and migrate) once here, so a bad path fails at start, not at the first request
        open_workspace(db, settings=self.settings).close()

    def get(self) -> Workspace:
        """This thread's workspace."""
        ws: Workspace | None = getattr(self._local, "workspace", None)
        if ws is None:
            ws = open_workspace(self.db, settings=self.settings)
            self._local.workspace = ws
        return ws

    def entity_refs(self, ids: Iterable[str]) -> dict[str, dict[str, Any] | None]:
        """Entity refs (``schemas.EntityRef``) by id, remembered: a stored entity never
        changes (the store inserts each once and updates none), and most listings name the
        same few hundred."""
        wanted = set(ids)
        missing = wanted.difference(self._refs)
        if missing:
            found = self.get().entities(missing)
            if len(self._refs) + len(found) > MAX_REMEMBERED:
                self._refs.clear()
            self._refs.update((i, entity_ref(e)) for i, e in found.items())
        return {i: self._refs.get(i) for i in wanted}


@dataclass(frozen=True)
class Ingested:
    """What became of a report sent to the server."""

    status: str
    doc_id: str | None
    title: str | None
    message: str | None


class Writer:
    """Ingests reports one at a time with one annotator, built on first use (or given)."""

    def __init__(self, workspaces: Workspaces, annotator: Annotator | None = None) -> None:
        self.workspaces = workspaces
        self._annotator = annotator
        self._lock = threading.Lock()

    def _ready(self) -> Annotator:
        if self._annotator is None:
            from warwire.nlp.parallel import make_annotator

            s = self.workspaces.settings
            self._annotator = make_annotator(s.spacy_model, s.geoparse, s.actors)
        return self._annotator

    def ingest(self, target: str | None = None, *, data: bytes | None = None) -> Ingested:
        """Ingest a URL (``target``; private addresses refused) or report bytes (``data``)."""
        with self._lock:
            ws = self.workspaces.get()
            annotator = self._ready()
            if data is not None:
                summary = ws.ingest(["-"], stdin=io.BytesIO(data), annotator=annotator)
            else:
                summary = ws.ingest([target or ""], allow_private=False, annotator=annotator)
        if not summary.outcomes:
            return Ingested("failed", None, None, "nothing to ingest")
        first = summary.outcomes[0]
        return Ingested(first.status, first.doc_id, first.title, first.message)
