"""The PostgreSQL store: a shared database for a team, with several writers at once.

The queries are the SQLite store's (:mod:`warwire.store.sql`); a thin adapter turns their ``?``
placeholders into psycopg's ``%s``. What is PostgreSQL's own is here:

- several ``ingest`` processes may store reports at the same time: a document is inserted with
  ``ON CONFLICT DO NOTHING``, so the process that loses a race for the same report finds it
  "unchanged", and entities are inserted in id order, so two writers never wait for each other
  in a circle (a deadlock the server still detects is retried);
- the fusion layer is updated by one writer at a time, as on SQLite: :meth:`transaction` takes
  a transaction-level advisory lock, so an update always reads what the one before it wrote and
  no update is lost;
- full-text search uses tsvector columns with GIN indexes (migration ``0009_search``), with the
  FTS5 queries of the web layer translated to tsquery.

Needs psycopg 3 (``pip install 'psycopg[binary]'``); it is imported only when a
``postgresql://`` URL is opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, ClassVar, Literal

import psycopg

from warwire.errors import StoreError
from warwire.models import Annotation, Document, IngestStatus
from warwire.store.sql import SQLStore

_FUSION_LOCK = 0x7761727769726501  # "warwire" and 1: the advisory lock of fusion updates
_RETRIES = 5  # attempts at a document that lost a deadlock
_RETRIED = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)
_HEADLINE = (
    "StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1,"
    " FragmentDelimiter=…"
)
_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\S+)')
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # ASCII punctuation, as [[:punct:]] in C


@lru_cache(maxsize=256)
def _placeholders(sql: str) -> str:
    """The shared SQL with psycopg's placeholders (``?`` -> ``%s``; a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class ServerError(StoreError):
    """A statement the server refused or could not run. The message names the database (so
    that a failed read anywhere says which); ``detail`` is what went wrong, in one line."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.detail = detail


class _Connection:
    """A psycopg connection speaking the shared SQL: ``?`` placeholders, DB-API cursors, and
    :class:`ServerError` for every database error (a read outside a transaction too: a lost
    connection surfaced as a traceback from whichever query met it first)."""

    def __init__(self, conn: psycopg.Connection[Any], path: str) -> None:
        self.raw = conn
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        try:
            return self.raw.execute(_placeholders(sql), _without_nul(params))
        except psycopg.Error as exc:
            raise self._error(exc) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            try:
                with self.raw.cursor() as cursor:
                    cursor.executemany(_placeholders(sql), [_without_nul(row) for row in rows])
            except psycopg.Error as exc:
                raise self._error(exc) from exc

    def _error(self, exc: psycopg.Error) -> ServerError:
        if self.raw.broken or self.raw.closed:
            # the server went away or ended the session: say so, whatever psycopg's wording
            return ServerError(self.path, f"lost the connection to the server ({_first_line(exc)})")
        return ServerError(self.path, _first_line(exc))

    def close(self) -> None:
        self.raw.close()

    def __del__(self) -> None:
        # a store dropped without close() closes its connection, as sqlite3's does (the web
        # server's per-thread workspaces live as long as their threads)
        if not self.raw.closed:
            self.raw.close()


def _without_nul(params: Sequence[Any]) -> Sequence[Any]:
    """``params`` with NUL characters taken out of strings: PostgreSQL's text cannot hold them
    (a title or a filter with one was refused: "text fields cannot contain NUL"), SQLite's can,
    and they mean nothing in a report."""
    if not any(isinstance(p, str) and "\x00" in p for p in params):
        return params
    return [p.replace("\x00", "") if isinstance(p, str) else p for p in params]


def redact(url: str) -> str:
    """A database URL without its password, to show in messages."""
    url = re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


def tsquery(match: str) -> str:
    """The tsquery text of an FTS5 query of quoted words (``"isl"*`` a prefix), all required."""
    terms = []
    for quoted, star, bare in _TERM.findall(match):
        word = quoted.replace('""', '"') if quoted or star else bare
        # cut at punctuation as the indexed text is (migration 0011_search_words): a word of
        # several parts is a phrase, as in FTS5
        word = " ".join(_PUNCTUATION.sub(" ", word).split())
        if word.strip():
            terms.append(f"'{word}'" + (":*" if star else ""))
    return " & ".join(terms)


class PostgresStore(SQLStore):
    """A warwire database on a PostgreSQL server, named by a ``postgresql://`` URL."""

    dialect: ClassVar[Literal["sqlite", "postgres"]] = "postgres"
    # psycopg serialises a connection's commands: the ingest writer thread and the reader that
    # checks which reports are stored may share it, as with SQLite
    thread_safe: ClassVar[bool] = True
    _errors: ClassVar[tuple[type[Exception], ...]] = (ServerError, psycopg.Error)

    def __init__(self, url: str) -> None:
        self.path = redact(url)
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=30)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {_first_line(exc)}") from exc
        self._conn = _Connection(raw, self.path)
        try:
            self._migrate()
        except ServerError as exc:
            raw.close()
            raise StoreError(f"cannot open database {self.path}: {exc.detail}") from exc

    def __enter__(self) -> PostgresStore:
        return self

    @contextmanager
    def _transaction(self) -> Iterator[_Connection]:
        conn = self._conn
        conn.execute("BEGIN")
        try:
            yield conn
        except BaseException:
            if not conn.raw.broken:  # a lost connection has nothing to roll back
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def add_document(self, document: Document, annotation: Annotation) -> IngestStatus:
        for attempt in range(_RETRIES):
            try:
                return super().add_document(document, annotation)
            except StoreError as exc:
                retry = any(isinstance(cause, _RETRIED) for cause in _causes(exc))
                if not retry or attempt == _RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """A connection inside one transaction that holds the fusion lock: derived data (the
        fusion layer's) has one writer at a time; errors become :class:`StoreError`."""
        try:
            with self._transaction() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(?)", (_FUSION_LOCK,))
                yield conn
        except ServerError:
            raise  # it names the database already
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_first_line(exc)}") from exc

    # -- search (the web layer) ----------------------------------------------------------------

    def search_documents(self, match: str, *, limit: int, offset: int = 0) -> list[tuple[str, str]]:
        """``(doc_id, snippet)`` of the documents an FTS5 query of quoted words matches, best
        first; the snippet marks matched words with ``\x02`` and ``\x03``."""
        query = tsquery(match)
        if not query:
            return []
        rows = self._conn.execute(
            "SELECT id, ts_headline('warwire_search', text, q, ?)"
            " FROM documents, to_tsquery('warwire_search', ?) q WHERE search @@ q"
            " ORDER BY ts_rank(search, q) DESC, id LIMIT ? OFFSET ?",
            (_HEADLINE, query, limit, offset),
        )
        return [(str(doc_id), str(snippet)) for doc_id, snippet in rows]

    def search_entities(self, match: str, *, limit: int) -> list[str]:
        """Ids of the entities whose name or an alias an FTS5 query of quoted words matches,
        best first."""
        query = tsquery(match)
        if not query:
            return []
        rows = self._conn.execute(
            "SELECT entity_id FROM names_search, to_tsquery('warwire_search', ?) q"
            " WHERE search @@ q GROUP BY entity_id"
            " ORDER BY max(ts_rank(search, q)) DESC, entity_id LIMIT ?",
            (query, limit),
        )
        return [str(entity_id) for (entity_id,) in rows]


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``'s causes, nearest first."""
    cause = exc.__cause__
    while cause is not None:
        yield cause
        cause = cause.__cause__


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
