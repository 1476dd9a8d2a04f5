"""The Python API's workspace: one database and the verbs the CLI offers, returning records.

>>> import warwire
>>> with warwire.open("warwire.db") as ws:          # doctest: +SKIP
...     summary = ws.ingest(["examples/"])
...     for doc in ws.docs(limit=5):
...         print(doc.title)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from warwire.ingest import ReadOptions
from warwire.models import (
    Assessment,
    Claim,
    Document,
    Entity,
    EntitySummary,
    Event,
    FusedEvent,
    IngestOutcome,
    Mention,
    Sentence,
)
from warwire.pipeline import Annotator, IngestSummary, Progress, ingest
from warwire.settings import Settings
from warwire.store import Store, open_store
from warwire.store.links_sql import AliasUse
from warwire.store.records import EventFilter

if TYPE_CHECKING:
    from warwire.report.dossier_model import Dossier

ENGINES = ("local", "ray")
"""Where ``ingest`` annotates: this machine's processes, or Ray actors."""


class Workspace:
    """A warwire database with the pipeline around it. Close it, or use ``with``."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def store_path(self) -> str:
        """Where the database lives (a path, or a URL for a server)."""
        return self.store.path

    def ingest(
        self,
        targets: Sequence[str | Path],
        *,
        published: dt.date | None = None,
        source: str | None = None,
        field_map: Mapping[str, str] | None = None,
        allow_private: bool = False,
        workers: int | None = None,
        engine: str = "local",
        address: str | None = None,
        annotator: Annotator | None = None,
        stdin: BinaryIO | None = None,
        on_outcome: Progress | None = None,
        on_sources: Callable[[int], None] | None = None,
    ) -> IngestSummary:
        """Read, annotate and store reports from files, folders, globs, URLs or ``-``.

        ``engine`` is ``local`` (this process, or a pool of ``workers`` processes) or ``ray``
        (``workers`` Ray actors, on the cluster at ``address`` or a local Ray); the database is
        the same whichever annotates.
        """
        if engine not in ENGINES:
            from warwire.errors import ConfigError

            raise ConfigError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
        options = ReadOptions(
            max_bytes=self.settings.max_bytes,
            allow_private=allow_private,
            published=published,
            source=source,
            field_map=dict(field_map or {}),
            fetch_timeout=self.settings.fetch_timeout,
            max_redirects=self.settings.max_redirects,
        )
        n_workers = workers or self.settings.workers
        names = [str(t) for t in targets]

        from warwire.fuse.incremental import update_fusion

        self._finish_fusion()

        def outcome(result: IngestOutcome) -> None:
            if result.status == "new" and result.doc_id:
                update_fusion(self.store, result.doc_id)
            if on_outcome is not None:
                on_outcome(result)

        def run(chosen: Annotator) -> IngestSummary:
            return ingest(
                names,
                store=self.store,
                annotator=chosen,
                options=options,
                stdin=stdin,
                on_outcome=outcome,
                on_sources=on_sources,
            )

        model, places, actors = (
            self.settings.spacy_model,
            self.settings.geoparse,
            self.settings.actors,
        )
        if annotator is not None:
            return run(annotator)
        if engine == "ray":
            from warwire.nlp.ray_engine import RayAnnotator

            with RayAnnotator(
                n_workers, model=model, places=places, actors=actors, address=address
            ) as ray_pool:
                return run(ray_pool)
        from warwire.nlp.parallel import ProcessPoolAnnotator, make_annotator

        if n_workers <= 1:
            return run(make_annotator(model, places, actors))
        with ProcessPoolAnnotator(n_workers, model=model, places=places, actors=actors) as pool:
            return run(pool)

    def _finish_fusion(self) -> None:
        """Fuse the reports a stopped run stored without their fusion update: storing and
        fusing are two transactions, and the rerun finds those reports already stored."""
        from warwire.fuse.incremental import update_fusion

        with self.store.transaction() as conn:
            missed = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_fingerprints)"
                    " ORDER BY ingested_at, id"
                )
            ]
        for doc_id in missed:
            update_fusion(self.store, doc_id)

    def docs(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        """Stored documents, newest publication first."""
        return self.store.documents(limit=limit, offset=offset)

    def show(self, doc_id: str) -> Document:
        """One document by id or unique id prefix."""
        return self.store.get_document(doc_id)

    def sentences(self, doc_id: str) -> list[Sentence]:
        return self.store.sentences(doc_id)

    def places(
        self,
        *,
        country: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Resolved places with mention counts, most mentioned first."""
        return self.store.entities(kind="place", country=country, doc_id=doc_id, limit=limit)

    def actors(
        self,
        *,
        country: str | None = None,
        doc_id: str | None = None,
        actor_type: int | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Actors (and operations) with their aliases as seen and mention counts."""
        kinds = (kind,) if kind else ("actor", "operation")
        return self.store.entities(
            kind=kinds, country=country, doc_id=doc_id, actor_type=actor_type, limit=limit
        )

    def mentions(
        self,
        *,
        doc_id: str | None = None,
        labels: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[Mention]:
        """Named-entity mentions, optionally of one document and of some labels."""
        return self.store.mentions(doc_id=doc_id, labels=labels, limit=limit)

    def lookup(self, name: str, *, kind: str | Sequence[str] = ()) -> list[str]:
        """Ids of the entities called ``name`` (by canonical name or any alias as written; for
        persons and organisations, else by name key, and a person by a surname alone); an
        entity linked to another as the same person or organisation gives that one's id."""
        found = self.store.find_entities(name, kind=kind)
        kinds = [kind] if isinstance(kind, str) else list(kind)
        if not found and (not kinds or {"person", "organisation"} & set(kinds)):
            found = self._by_name_key(name, kinds)
        return self.store.canonical_ids(found)

    def _by_name_key(self, name: str, kinds: Sequence[str]) -> list[str]:
        """Persons and organisations whose name has the key of ``name`` (another
        transliteration), else persons whose name ends with it ("Jolani")."""
        from warwire.fuse.entities import name_key_of

        found: list[str] = []
        for kind in ("person", "organisation"):
            key = name_key_of(kind, name)
            if key and (not kinds or kind in kinds):
                found += self.store.entities_by_key(kind, key, suffix=kind == "person")
        return found

    def alias_uses(self, entity_id: str) -> list[AliasUse]:
        """Every name reports gave an entity (and those linked to it), with the reports."""
        return self.store.alias_uses(entity_id)

    def _ids(self, name: str | None, kind: str | Sequence[str]) -> list[str] | None:
        if not name:
            return None
        ids = self.lookup(name, kind=kind)
        if not ids:
            from warwire.errors import NotFoundError

            raise NotFoundError(f"no {kind if isinstance(kind, str) else 'entity'} called {name!r}")
        return ids

    def events(
        self,
        *,
        doc_id: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        type: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events, filtered by document, actor or place name (any alias), dates and type;
        ``offset`` skips the first ones (paging)."""
        where = EventFilter(
            doc_id=doc_id,
            actor=self._ids(actor, "actor") or (),
            place=self._ids(place, "place") or (),
            date_from=date_from,
            date_to=date_to,
            type=type,
            limit=limit,
            offset=offset,
        )
        return self.store.events(where)

    def claims(
        self,
        *,
        doc_id: str | None = None,
        subject: str | None = None,
        attribute: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims, filtered by document, subject name (any alias) and attribute."""
        subjects = self._ids(subject, ("place", "actor", "operation")) or ()
        return self.store.claims(doc_id=doc_id, subject=subjects, attribute=attribute, limit=limit)

    def subjects(self, name: str) -> list[Entity]:
        """The places, actors, persons and organisations called ``name`` (canonical name or any
        alias as written), most mentioned first: one for a clear name, several for an
        ambiguous one."""
        ids = self.lookup(name, kind=("place", "actor", "operation", "person", "organisation"))
        if not ids:
            from warwire.errors import NotFoundError

            raise NotFoundError(
                f"no place, actor, person or organisation called {name!r}:"
                " try `warwire places` or `warwire actors`"
            )
        counts = self.store.mention_counts(ids)
        found = self.store.entities_by_id(ids)
        return sorted(found.values(), key=lambda e: (-counts.get(e.id, 0), e.name))

    def dossier(self, entity_id: str) -> Dossier:
        """The dossier of one place or actor (by entity id; see :meth:`subjects`)."""
        from warwire.report.assemble import build_dossier

        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return build_dossier(self.store, entity_id, generated_at=now)

    def fused_events(
        self, *, place: str | None = None, actor: str | None = None, limit: int | None = None
    ) -> list[FusedEvent]:
        """Fused events (one per real event, with all its sources), by place or actor name."""
        return self.store.fused_events(
            location=self._ids(place, "place") or (),
            actor=self._ids(actor, "actor") or (),
            limit=limit,
        )

    def assessments(self, subject: str | None = None) -> list[Assessment]:
        """Assessments of claims (corroborated, contradicted, single source), contradictions
        first, of one subject (name or alias) or of all."""
        subjects = self._ids(subject, ("place", "actor", "operation")) or ()
        return self.store.assessments(subjects)

    def rebuild_fusion(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        """Recompute fingerprints, fused events and assessments from the stored records."""
        from warwire.fuse.incremental import rebuild_fusion

        return len(rebuild_fusion(self.store, progress=progress))

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The entities with these ids, by id."""
        return self.store.entities_by_id(ids)


def open(db: str | Path | None = None, *, settings: Settings | None = None) -> Workspace:
    """Open (creating if needed) the database ``db`` (default: $WARWIRE_DB or ./warwire.db)."""
    settings = settings or Settings.from_env()
    return Workspace(open_store(db if db is not None else settings.db), settings)
