"""Cross-document persons and organisations: one entity, whatever each report calls it.

Names with the same key are one entity from the start (their ids are hashes of the key:
:mod:`warwire.nlp.persons`). :func:`link_entities` runs for each newly stored report and links
each of its person and organisation entities the linker has not seen before to an earlier one
that is the same, when

similar names share context
    the names' keys have a rapidfuzz ratio of at least :data:`LINK_CUTOFF` and the same
    first letter and first letter of their last word (``abu muhamad julani`` and ``abu muhamad
    gulani`` do not: "G" and "J" may be two men), and the new report and one of the earlier
    entity's reports mention the same place or actor, or places in the same country. Similar
    names without shared context stay apart.
an acronym is defined elsewhere
    an organisation named only by an acronym ("SOHR") is the one organisation some report
    defined it for ("the Syrian Observatory for Human Rights (SOHR)"), whichever came first.

A link keeps both ids (``entity_links``: the entity and the canonical one it is the same as,
never itself linked: the one not named by an acronym alone, else the smaller id, whatever the
order the reports came in); look-ups by name resolve through it, and the merged entity's names
are every alias of the entities linked to it, each with the reports that used it. Linking is
idempotent: replaying a report links nothing new.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from warwire.actors.names import is_acronym
from warwire.geo.fuzzy import length_band
from warwire.nlp.persons import organisation_key, person_key
from warwire.store.links_sql import (
    canonical_ids,
    context_of_documents,
    doc_aliases,
    doc_entities,
    documents_of,
    entities_called,
    keyed,
    linked_ids,
    save_key,
    save_link,
    similar_keys,
)
from warwire.store.records import select_entities

__all__ = ["LINKED_KINDS", "LINK_CUTOFF", "link_entities", "name_key_of"]

LINK_CUTOFF = 90.0
"""Lowest rapidfuzz ratio (0-100) of two name keys for a link."""
LINKED_KINDS = ("person", "organisation")
_MIN_KEY = 6
"""Keys shorter than this are never linked by similarity (one letter is too much of them)."""


def name_key_of(kind: str, name: str) -> str:
    """The key a person's or an organisation's name has (what its entity id is a hash of)."""
    return person_key(name) if kind == "person" else organisation_key(name)


def _bucket(key: str) -> str:
    """First letter of the name and of its last word: similar names must share both."""
    return key[0] + key.rsplit(" ", 1)[-1][0]


def link_entities(conn: Any, doc_id: str) -> list[tuple[str, str]]:
    """Link the persons and organisations of one stored report to the earlier entities they
    are the same as; returns the (entity, canonical entity) links made."""
    found = doc_entities(conn, doc_id, LINKED_KINDS)
    if not found:
        return []
    seen = keyed(conn, [entity_id for entity_id, _, _ in found])
    context: set[str] | None = None
    links: list[tuple[str, str]] = []
    for entity_id, kind, name in found:
        if kind == "organisation":
            links.extend(_acronym_links(conn, doc_id, entity_id, name))
        if entity_id in seen:
            continue
        key = name_key_of(kind, name)
        if not key:
            continue
        bucket = _bucket(key)
        if len(key) >= _MIN_KEY and canonical_ids(conn, [entity_id]) == [entity_id]:
            if context is None:
                context = context_of_documents(conn, [doc_id])
            target = _similar(conn, doc_id, entity_id, kind, key, bucket, context)
            if target is not None:
                root, score = target
                canonical = _link(conn, entity_id, root, score, "similar name and shared context")
                links.append((entity_id, canonical))
        save_key(conn, entity_id, kind, key, bucket)
    return links


def _link(conn: Any, entity_id: str, other: str, score: float, reason: str) -> str:
    """Make two entities (each unlinked or a canonical one) the same; returns the canonical
    one: the one not named by an acronym alone, else the smaller id, so the links do not
    depend on the order the reports arrived in."""
    names = {i: e.name for i, e in select_entities(conn, [entity_id, other]).items()}
    pair = sorted({entity_id, other}, key=lambda i: (is_acronym(names.get(i, "")), i))
    canonical, replaced = pair[0], pair[-1]
    # what was linked to the replaced one now goes straight to the canonical one
    conn.execute(
        "UPDATE entity_links SET canonical_id = ? WHERE canonical_id = ?", (canonical, replaced)
    )
    save_link(conn, replaced, canonical, score, reason)
    return canonical


def _similar(
    conn: Any,
    doc_id: str,
    entity_id: str,
    kind: str,
    key: str,
    bucket: str,
    context: set[str],
) -> tuple[str, float] | None:
    """The canonical entity of the most similar name that shares context, with its ratio."""
    shortest, longest = length_band(len(key), LINK_CUTOFF)
    rows = similar_keys(conn, kind, bucket, shortest, longest, entity_id)
    if not rows or not context:
        return None
    scored = process.extract(
        key, [k for _, k in rows], scorer=fuzz.ratio, score_cutoff=LINK_CUTOFF, limit=None
    )
    best: dict[str, float] = {}
    for _, score, index in scored:
        (root,) = canonical_ids(conn, [rows[index][0]])
        if root != entity_id:
            best[root] = max(best.get(root, 0.0), float(score))
    for root, score in sorted(best.items(), key=lambda item: (-item[1], item[0])):
        docs = [d for d in documents_of(conn, linked_ids(conn, root)) if d != doc_id]
        if context & context_of_documents(conn, docs):
            return root, score / 100.0
    return None


def _acronym_links(conn: Any, doc_id: str, entity_id: str, name: str) -> list[tuple[str, str]]:
    """Links between an organisation named only by an acronym and the one organisation a
    report defined that acronym for (in either order of arrival)."""
    links: list[tuple[str, str]] = []
    if is_acronym(name):
        pairs = [(entity_id, name)]
    else:  # acronyms this report defined for this organisation
        pairs = [
            (other, alias)
            for alias in doc_aliases(conn, doc_id, entity_id)
            if alias != name and is_acronym(alias)
            for other in entities_called(conn, alias, "organisation", alias=False)
        ]
    for short, acronym in pairs:
        if canonical_ids(conn, [short]) != [short]:
            continue  # already linked
        defined = {
            root
            for other in entities_called(conn, acronym, "organisation", alias=True)
            if other != short
            for root in canonical_ids(conn, [other])
        }
        if len(defined) == 1 and short not in defined:
            (root,) = defined
            canonical = _link(conn, short, root, 1.0, "acronym defined by another report")
            links.append((short, canonical))
    return links
