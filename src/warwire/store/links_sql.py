"""Cross-document entity links in SQL: name keys of persons and organisations, the links that
make one entity the same as another, and the names each entity was given, with their reports.

Like :mod:`warwire.store.fusion_sql`, every function takes a DB-API connection whose
placeholder is ``?`` and writes SQL that SQLite and PostgreSQL both accept. A link never
changes an id: an entity keeps its own, and ``canonical_id`` names the entity it is the same
as (always one that is not linked itself, so one look-up resolves it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from warwire.store.records import rows_in

__all__ = [
    "AliasUse",
    "alias_uses",
    "canonical_ids",
    "context_of_documents",
    "doc_aliases",
    "doc_entities",
    "documents_of",
    "entities_by_key",
    "entities_called",
    "keyed",
    "linked_ids",
    "save_key",
    "save_link",
    "similar_keys",
]


@dataclass(frozen=True)
class AliasUse:
    """One name an entity was given, and the reports that used it."""

    alias: str
    doc_ids: tuple[str, ...]


def keyed(conn: Any, ids: Iterable[str]) -> set[str]:
    """Which of these entities already have a name key (were seen by the linker)."""
    sql = "SELECT entity_id FROM entity_keys WHERE entity_id IN ({marks})"
    return {row[0] for row in rows_in(conn, sql, ids)}


def save_key(conn: Any, entity_id: str, kind: str, key: str, bucket: str) -> None:
    conn.execute(
        "INSERT INTO entity_keys (entity_id, kind, name_key, bucket, key_length)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (entity_id, kind, key, bucket, len(key)),
    )


def similar_keys(
    conn: Any, kind: str, bucket: str, shortest: int, longest: int, exclude: str
) -> list[tuple[str, str]]:
    """(entity id, name key) of the keyed entities of a kind and bucket within a key length."""
    rows = conn.execute(
        "SELECT entity_id, name_key FROM entity_keys WHERE kind = ? AND bucket = ?"
        " AND key_length BETWEEN ? AND ? AND entity_id <> ? ORDER BY entity_id",
        (kind, bucket, shortest, longest, exclude),
    )
    return [(str(i), str(k)) for i, k in rows]


def save_link(conn: Any, entity_id: str, canonical_id: str, score: float, reason: str) -> None:
    conn.execute(
        "INSERT INTO entity_links (entity_id, canonical_id, score, reason) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (entity_id, canonical_id, score, reason),
    )


def canonical_ids(conn: Any, ids: Sequence[str]) -> list[str]:
    """``ids`` with each linked entity replaced by the one it is the same as (order kept,
    duplicates dropped)."""
    sql = "SELECT entity_id, canonical_id FROM entity_links WHERE entity_id IN ({marks})"
    canonical = {str(e): str(c) for e, c in rows_in(conn, sql, ids)}
    return list(dict.fromkeys(canonical.get(i, i) for i in ids))


def linked_ids(conn: Any, entity_id: str) -> list[str]:
    """The entity an id resolves to, then every entity linked to it."""
    (root,) = canonical_ids(conn, [entity_id])
    rows = conn.execute(
        "SELECT entity_id FROM entity_links WHERE canonical_id = ? ORDER BY entity_id", (root,)
    )
    return [root, *(str(row[0]) for row in rows)]


def documents_of(conn: Any, entity_ids: Sequence[str], *, limit: int = 200) -> list[str]:
    """The reports that mention these entities (the latest ``limit`` of them)."""
    marks = ", ".join("?" for _ in entity_ids)
    rows = conn.execute(
        f"SELECT DISTINCT m.doc_id, d.ingested_at FROM mentions m JOIN documents d"
        f" ON d.id = m.doc_id WHERE m.entity_id IN ({marks})"
        f" ORDER BY d.ingested_at DESC, m.doc_id LIMIT {int(limit)}",
        list(entity_ids),
    )
    return [str(row[0]) for row in rows]


def context_of_documents(conn: Any, doc_ids: Iterable[str]) -> set[str]:
    """What these reports are about: the places and actors they mention (their ids) and the
    countries of those places (``country:XX``)."""
    sql = (
        "SELECT DISTINCT e.id, e.kind, e.country_code FROM mentions m"
        " JOIN entities e ON e.id = m.entity_id"
        " WHERE m.doc_id IN ({marks}) AND e.kind IN ('place', 'actor')"
    )
    context: set[str] = set()
    for entity_id, kind, country in rows_in(conn, sql, doc_ids):
        context.add(str(entity_id))
        if kind == "place" and country:
            context.add(f"country:{country}")
    return context


def alias_uses(conn: Any, entity_ids: Sequence[str]) -> list[AliasUse]:
    """Every name these entities were given, with the reports that used it, by name."""
    sql = "SELECT alias, doc_id FROM entity_aliases WHERE entity_id IN ({marks})"
    found: dict[str, set[str]] = {}
    for alias, doc_id in rows_in(conn, sql, entity_ids):
        docs = found.setdefault(str(alias), set())
        if doc_id:
            docs.add(str(doc_id))
    return [AliasUse(alias, tuple(sorted(docs))) for alias, docs in sorted(found.items())]


def entities_called(conn: Any, name: str, kind: str, *, alias: bool) -> list[str]:
    """Entities of a kind named ``name`` exactly (``alias``: that a report called so)."""
    if alias:
        sql = (
            "SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e"
            " ON e.id = a.entity_id WHERE a.alias = ? AND e.kind = ? ORDER BY a.entity_id"
        )
    else:
        sql = "SELECT id FROM entities WHERE name = ? AND kind = ? ORDER BY id"
    return [str(row[0]) for row in conn.execute(sql, (name, kind))]


def doc_entities(conn: Any, doc_id: str, kinds: Sequence[str]) -> list[tuple[str, str, str]]:
    """(id, kind, name) of the entities of these kinds a report mentions."""
    marks = ", ".join("?" for _ in kinds)
    rows = conn.execute(
        "SELECT DISTINCT e.id, e.kind, e.name FROM mentions m JOIN entities e"
        f" ON e.id = m.entity_id WHERE m.doc_id = ? AND e.kind IN ({marks}) ORDER BY e.id",
        [doc_id, *kinds],
    )
    return [(str(i), str(k), str(n)) for i, k, n in rows]


def doc_aliases(conn: Any, doc_id: str, entity_id: str) -> list[str]:
    """The names a report gave one entity."""
    rows = conn.execute(
        "SELECT alias FROM entity_aliases WHERE doc_id = ? AND entity_id = ? ORDER BY alias",
        (doc_id, entity_id),
    )
    return [str(row[0]) for row in rows]


def entities_by_key(conn: Any, kind: str, key: str, *, suffix: bool = False) -> list[str]:
    """Linked-kind entities whose name key is ``key`` (``suffix``: or ends with its words, as
    a surname ends a full name), most mentioned first."""
    where = "k.name_key = ?"
    params: list[object] = [kind, key]
    if suffix:
        where = "(k.name_key = ? OR k.name_key LIKE ?)"
        params.append(f"% {key}")
    rows = conn.execute(
        "SELECT k.entity_id, count(m.id) FROM entity_keys k"
        " LEFT JOIN mentions m ON m.entity_id = k.entity_id"
        f" WHERE k.kind = ? AND {where} GROUP BY k.entity_id"
        " ORDER BY count(m.id) DESC, k.entity_id",
        params,
    )
    return [str(row[0]) for row in rows]
