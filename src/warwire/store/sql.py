"""What the SQLite and PostgreSQL stores share: every query, in the SQL both dialects accept.

A store subclass opens the connection and says how its dialect differs: how a transaction
starts, which exceptions are database errors, and full-text search (FTS5 or tsvector). The
connection it hands over takes ``?`` placeholders and answers DB-API cursors (for PostgreSQL, a
thin adapter in :mod:`warwire.store.postgres`). Migrations come from
:mod:`warwire.store.schema`, one definition for both dialects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from typing import Any, ClassVar, Literal

from warwire.errors import NotFoundError, StoreError
from warwire.models import (
    Annotation,
    Assessment,
    Claim,
    Document,
    Entity,
    EntitySummary,
    Event,
    FusedEvent,
    IngestStatus,
    Mention,
    Page,
    Sentence,
)
from warwire.store import links_sql
from warwire.store.fusion_sql import select_assessments, select_fused
from warwire.store.links_sql import AliasUse
from warwire.store.records import (
    EventFilter,
    insert_claims,
    insert_events,
    page,
    rows_in,
    select_claims,
    select_claims_by_id,
    select_entities,
    select_events,
    select_events_by_id,
)
from warwire.store.schema import MIGRATIONS, postgres_types

_NOT_NAMES = frozenset({"reference", "near"})
"""Mention resolutions whose text is no name of the entity: an anaphor ("the group"), and an
unresolved street or building placed near the report's town."""
_DOC_COLUMNS = "id, title, source, url, published, language, origin, format, text, ingested_at"


class SQLStore:
    """The queries of a warwire database; subclasses connect and fill in the dialect."""

    dialect: ClassVar[Literal["sqlite", "postgres"]]
    thread_safe: ClassVar[bool] = False
    path: str
    _conn: Any
    _errors: ClassVar[tuple[type[Exception], ...]]

    # -- what a dialect provides -------------------------------------------------------------

    def _transaction(self) -> AbstractContextManager[Any]:
        """The connection inside one write transaction (committed on success)."""
        raise NotImplementedError

    def _execute_ddl(self, conn: Any, statement: str) -> None:
        """Run one migration statement as written (no placeholders)."""
        conn.execute(statement)

    def search_documents(self, match: str, *, limit: int, offset: int = 0) -> list[tuple[str, str]]:
        raise NotImplementedError

    def search_entities(self, match: str, *, limit: int) -> list[str]:
        raise NotImplementedError

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Apply the migrations not yet recorded, each in its own transaction, in order."""
        table = (
            "CREATE TABLE IF NOT EXISTS migrations"
            " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        self._conn.execute(postgres_types(table) if self.dialect == "postgres" else table, ())
        done = set(self.applied_migrations())
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self._transaction() as conn:
                # another process may have applied it since we looked: the row is the judge
                recorded = conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)"
                    " ON CONFLICT (name) DO NOTHING",
                    (migration.name, _now()),
                )
                if recorded.rowcount == 0:
                    continue
                for statement in migration.statements_for(self.dialect):
                    self._execute_ddl(conn, statement)

    def applied_migrations(self) -> list[str]:
        rows = self._conn.execute("SELECT name FROM migrations ORDER BY name", ()).fetchall()
        return [row[0] for row in rows]

    # -- documents -------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def add_document(self, document: Document, annotation: Annotation) -> IngestStatus:
        """Store a document with its annotation in one transaction; 'unchanged' if present."""
        if annotation.doc_id != document.id:
            raise StoreError(f"annotation of {annotation.doc_id} given for document {document.id}")
        try:
            with self._transaction() as conn:
                if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                    return "unchanged"
                # another writer may store the same report between that look and this insert:
                # its row wins and this one is "unchanged", not an error
                inserted = conn.execute(
                    "INSERT INTO documents (id, title, source, url, published, language, origin,"
                    " format, text, n_chars, ingested_at, pipeline, skipped)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (
                        document.id,
                        document.title,
                        document.source,
                        document.url,
                        document.published.isoformat() if document.published else None,
                        document.language,
                        document.origin,
                        document.format,
                        document.text,
                        len(document.text),
                        _now(),
                        annotation.pipeline,
                        annotation.skipped,
                    ),
                )
                if inserted.rowcount == 0:
                    return "unchanged"
                conn.executemany(
                    "INSERT INTO pages (doc_id, number, start_char, end_char) VALUES (?, ?, ?, ?)",
                    [(document.id, p.number, p.start, p.end) for p in document.pages],
                )
                conn.executemany(
                    "INSERT INTO sentences (doc_id, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
                    [(s.doc_id, s.index, s.start, s.end) for s in annotation.sentences],
                )
                conn.executemany(
                    "INSERT INTO entities (id, kind, name, geonames_id, lat, lon, country_code,"
                    " admin1, feature, geo_precision, actor_type, wikidata, parent_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    [
                        (
                            e.id,
                            e.kind,
                            e.name,
                            e.geonames_id,
                            e.lat,
                            e.lon,
                            e.country_code,
                            e.admin1,
                            e.feature,
                            e.geo_precision,
                            e.actor_type,
                            e.wikidata,
                            e.parent_id,
                        )
                        for e in sorted(annotation.entities, key=lambda e: e.id)
                    ],
                )
                conn.executemany(
                    "INSERT INTO mentions (id, doc_id, start_char, end_char, text, label, sentence,"
                    " extractor, entity_id, geo_precision, resolution, value, confidence)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            m.id,
                            m.doc_id,
                            m.start,
                            m.end,
                            m.text,
                            m.label,
                            m.sentence,
                            m.extractor,
                            m.entity_id,
                            m.geo_precision,
                            m.resolution,
                            m.value,
                            m.confidence,
                        )
                        for m in annotation.mentions
                    ],
                )
                conn.executemany(
                    "INSERT INTO entity_aliases (entity_id, alias, doc_id) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    sorted(
                        {
                            (m.entity_id, " ".join(m.text.split()), m.doc_id)
                            for m in annotation.mentions
                            # an anaphor ("the group") refers to an entity, and a street
                            # placed near a town lies there: neither is the entity's name
                            if m.entity_id is not None and m.resolution not in _NOT_NAMES
                        }
                    ),
                )
                insert_events(conn, annotation.events)
                insert_claims(conn, annotation.claims)
        except self._errors as exc:
            # the caller names the database (pipeline): say what went wrong once, in one line
            reason = getattr(exc, "detail", None) or str(exc).strip().split("\n", 1)[0]
            raise StoreError(f"cannot store document {document.id[:12]}: {reason}") from exc
        return "new"

    def get_document(self, doc_id: str) -> Document:
        """The document whose id is ``doc_id`` or starts with it (at least 4 characters)."""
        full_id = self._resolve_id(doc_id)
        row = self._conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (full_id,)
        ).fetchone()
        pages = tuple(
            Page(number, start, end)
            for number, start, end in self._conn.execute(
                "SELECT number, start_char, end_char FROM pages WHERE doc_id = ? ORDER BY number",
                (full_id,),
            )
        )
        return _document(row, pages)

    def _resolve_id(self, doc_id: str) -> str:
        doc_id = doc_id.strip().lower()
        if len(doc_id) < 4:
            raise NotFoundError(f"document id {doc_id!r} is too short: give at least 4 characters")
        rows = self._conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (doc_id, doc_id + "\uffff"),
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no document with id {doc_id!r}")
        if len(rows) > 1:
            raise NotFoundError(f"document id {doc_id!r} is ambiguous: give more characters")
        return str(rows[0][0])

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        params: list[object] = []
        rows = self._conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents"
            " ORDER BY published IS NULL, published DESC, ingested_at DESC, id"
            + page(limit, offset, params),
            params,
        ).fetchall()
        return [_document(row, ()) for row in rows]

    def count_documents(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def annotation_status(self, doc_id: str) -> tuple[str, str | None]:
        """The pipeline that annotated a document and why annotation was skipped, if it was."""
        row = self._conn.execute(
            "SELECT pipeline, skipped FROM documents WHERE id = ?", (self._resolve_id(doc_id),)
        ).fetchone()
        return str(row[0]), row[1]

    # -- annotations -----------------------------------------------------------------------

    def sentences(self, doc_id: str) -> list[Sentence]:
        full_id = self._resolve_id(doc_id)
        text = self._conn.execute("SELECT text FROM documents WHERE id = ?", (full_id,)).fetchone()[
            0
        ]
        return [
            Sentence(full_id, idx, start, end, text[start:end])
            for idx, start, end in self._conn.execute(
                "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY idx",
                (full_id,),
            )
        ]

    def mentions(
        self,
        *,
        doc_id: str | None = None,
        labels: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[Mention]:
        where: list[str] = []
        params: list[object] = []
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(self._resolve_id(doc_id))
        if labels:
            where.append(f"label IN ({', '.join('?' for _ in labels)})")
            params.extend(label.upper() for label in labels)
        sql = (
            "SELECT doc_id, start_char, end_char, text, label, sentence, extractor, entity_id,"
            " geo_precision, resolution, value, confidence FROM mentions"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY doc_id, start_char, end_char" + page(limit, 0, params)
        return [Mention(*row) for row in self._conn.execute(sql, params)]

    def entities(
        self,
        *,
        kind: str | Sequence[str],
        country: str | None = None,
        doc_id: str | None = None,
        actor_type: int | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Entities of some kinds with mention and document counts, most mentioned first."""
        kinds = [kind] if isinstance(kind, str) else list(kind)
        where = [f"e.kind IN ({', '.join('?' for _ in kinds)})"]
        params: list[object] = [*kinds]
        if actor_type is not None:
            where.append("e.actor_type = ?")
            params.append(actor_type)
        if country:
            where.append("e.country_code = ?")
            params.append(country.upper())
        if doc_id:
            where.append("m.doc_id = ?")
            params.append(self._resolve_id(doc_id))
        rows = self._conn.execute(
            "SELECT e.id, e.kind, e.name, e.geonames_id, e.lat, e.lon, e.country_code, e.admin1,"
            " e.feature, e.geo_precision, e.actor_type, e.wikidata, e.parent_id, count(m.id),"
            " count(DISTINCT m.doc_id)"
            " FROM entities e JOIN mentions m ON m.entity_id = e.id"
            f" WHERE {' AND '.join(where)}"
            " GROUP BY e.id ORDER BY count(m.id) DESC, e.name" + page(limit, 0, params),
            params,
        ).fetchall()
        summaries = []
        for row in rows:
            aliases = tuple(
                a
                for (a,) in self._conn.execute(
                    "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
                    (row[0],),
                )
            )
            entity = Entity(row[0], row[1], row[2], aliases, *row[3:13])
            summaries.append(EntitySummary(entity, int(row[13]), int(row[14]), aliases))
        return summaries

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A connection inside one transaction (committed on success, rolled back on error),
        for derived data such as the fusion layer's; errors become :class:`StoreError`."""
        try:
            with self._transaction() as conn:
                yield conn
        except self._errors as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    # -- fusion --------------------------------------------------------------------------------

    def fused_events(
        self, *, location: Sequence[str] = (), actor: Sequence[str] = (), limit: int | None = None
    ) -> list[FusedEvent]:
        """Fused events at these places or with these actors, by date."""
        return select_fused(self._conn, location=location, actor=actor, limit=limit)

    def assessments(self, subjects: Sequence[str] = ()) -> list[Assessment]:
        """Assessments of these subjects (all when empty), contradictions first."""
        return select_assessments(self._conn, subjects)

    def aliases(self, entity_id: str) -> list[str]:
        """The names reports used for an entity, as written."""
        return [
            alias
            for (alias,) in self._conn.execute(
                "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
                (entity_id,),
            )
        ]

    def mention_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """How many mentions each of these entities has."""
        sql = (
            "SELECT entity_id, count(*) FROM mentions WHERE entity_id IN ({marks})"
            " GROUP BY entity_id"
        )
        return {entity_id: int(n) for entity_id, n in rows_in(self._conn, sql, ids)}

    def events_by_id(self, ids: Sequence[str]) -> list[Event]:
        return select_events_by_id(self._conn, ids)

    def claims_by_id(self, ids: Sequence[str]) -> list[Claim]:
        return select_claims_by_id(self._conn, ids)

    # -- events and claims -------------------------------------------------------------------

    def events(self, where: EventFilter) -> list[Event]:
        """Events matching ``where`` (see :class:`~warwire.store.records.EventFilter`)."""
        if where.doc_id:
            where = replace(where, doc_id=self._resolve_id(where.doc_id))
        return select_events(self._conn, where)

    def claims(
        self,
        *,
        doc_id: str | None = None,
        subject: Sequence[str] = (),
        attribute: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims matching every given condition."""
        return select_claims(
            self._conn,
            doc_id=self._resolve_id(doc_id) if doc_id else None,
            subject=subject,
            attribute=attribute,
            limit=limit,
        )

    def entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The entities with these ids, by id."""
        return select_entities(self._conn, ids)

    def find_entities(self, name: str, *, kind: str | Sequence[str] = ()) -> list[str]:
        """Ids of entities whose name or a stored alias is ``name`` (case-insensitive)."""
        kinds = [kind] if isinstance(kind, str) else list(kind)
        sql = (
            "SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id"
            " WHERE (lower(e.name) = lower(?) OR lower(a.alias) = lower(?))"
        )
        params: list[object] = [name, name]
        if kinds:
            sql += f" AND e.kind IN ({', '.join('?' for _ in kinds)})"
            params.extend(kinds)
        return [row[0] for row in self._conn.execute(sql, params)]

    def places_within(self, west: float, south: float, east: float, north: float) -> list[str]:
        """Ids of the places whose point lies in a box (west may exceed east across 180°)."""
        lon = "lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)"
        rows = self._conn.execute(
            f"SELECT id FROM entities WHERE kind = 'place' AND lat BETWEEN ? AND ? AND {lon}",
            (south, north, west, east),
        )
        return [str(entity_id) for (entity_id,) in rows]

    # -- cross-document entity links (warwire.fuse.entities) ----------------------------------

    def canonical_ids(self, ids: Sequence[str]) -> list[str]:
        """``ids`` with each entity linked to another as the same replaced by that one."""
        return links_sql.canonical_ids(self._conn, ids)

    def alias_uses(self, entity_id: str) -> list[AliasUse]:
        """Every name an entity (and those linked to it) was given, with the reports using it."""
        return links_sql.alias_uses(self._conn, links_sql.linked_ids(self._conn, entity_id))

    def entities_by_key(self, kind: str, key: str, *, suffix: bool = False) -> list[str]:
        """Persons or organisations by name key (``suffix``: or whose key ends with it)."""
        return links_sql.entities_by_key(self._conn, kind, key, suffix=suffix)

    def counts(self) -> dict[str, int]:
        """How many documents, places, actors, events, claims, fused events and
        contradictions the database holds."""
        queries = {
            "documents": "SELECT count(*) FROM documents",
            "places": "SELECT count(*) FROM entities WHERE kind = 'place'",
            "actors": "SELECT count(*) FROM entities WHERE kind IN ('actor', 'operation')",
            "events": "SELECT count(*) FROM events",
            "claims": "SELECT count(*) FROM claims",
            "fused_events": "SELECT count(*) FROM fused_events",
            "contradictions": "SELECT count(*) FROM assessments WHERE status = 'contradicted'",
        }
        return {k: int(self._conn.execute(sql).fetchone()[0]) for k, sql in queries.items()}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _document(row: tuple[object, ...], pages: tuple[Page, ...]) -> Document:
    (doc_id, title, source, url, published, language, origin, fmt, text, ingested_at) = row
    return Document(
        id=str(doc_id),
        text=str(text),
        title=_opt(title),
        source=_opt(source),
        url=_opt(url),
        published=dt.date.fromisoformat(str(published)) if published else None,
        language=_opt(language),
        origin=_opt(origin),
        format=_opt(fmt),
        pages=pages,
        ingested_at=dt.datetime.fromisoformat(str(ingested_at)) if ingested_at else None,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
