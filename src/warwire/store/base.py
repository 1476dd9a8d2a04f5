"""The Store protocol: what the pipeline, the CLI and the API need from a database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

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
    Sentence,
)
from warwire.store.links_sql import AliasUse
from warwire.store.records import EventFilter


class Store(Protocol):
    """A warwire database. ``add_document`` is atomic: a document is stored whole or not at all."""

    path: str

    def applied_migrations(self) -> list[str]: ...

    def has_document(self, doc_id: str) -> bool: ...

    def add_document(self, document: Document, annotation: Annotation) -> IngestStatus: ...

    def get_document(self, doc_id: str) -> Document: ...

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[Document]: ...

    def count_documents(self) -> int: ...

    def sentences(self, doc_id: str) -> list[Sentence]: ...

    def mentions(
        self,
        *,
        doc_id: str | None = None,
        labels: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[Mention]: ...

    def entities(
        self,
        *,
        kind: str | Sequence[str],
        country: str | None = None,
        doc_id: str | None = None,
        actor_type: int | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]: ...

    def annotation_status(self, doc_id: str) -> tuple[str, str | None]: ...

    def events(self, where: EventFilter) -> list[Event]: ...

    def claims(
        self,
        *,
        doc_id: str | None = None,
        subject: Sequence[str] = (),
        attribute: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]: ...

    def entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]: ...

    def find_entities(self, name: str, *, kind: str | Sequence[str] = ()) -> list[str]: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def fused_events(
        self, *, location: Sequence[str] = (), actor: Sequence[str] = (), limit: int | None = None
    ) -> list[FusedEvent]: ...

    def assessments(self, subjects: Sequence[str] = ()) -> list[Assessment]: ...

    def aliases(self, entity_id: str) -> list[str]: ...

    def mention_counts(self, ids: Iterable[str]) -> dict[str, int]: ...

    def events_by_id(self, ids: Sequence[str]) -> list[Event]: ...

    def claims_by_id(self, ids: Sequence[str]) -> list[Claim]: ...

    def search_documents(
        self, match: str, *, limit: int, offset: int = 0
    ) -> list[tuple[str, str]]: ...

    def search_entities(self, match: str, *, limit: int) -> list[str]: ...

    def places_within(self, west: float, south: float, east: float, north: float) -> list[str]: ...

    def canonical_ids(self, ids: Sequence[str]) -> list[str]: ...

    def alias_uses(self, entity_id: str) -> list[AliasUse]: ...

    def entities_by_key(self, kind: str, key: str, *, suffix: bool = False) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
