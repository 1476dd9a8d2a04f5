"""Full-text search over reports and entity names (SQLite FTS5, see migration 0009_search).

What a person types is never passed to FTS5 as syntax: it is cut into words, each quoted, all
required, the last one also as a prefix ("isl" finds Islamic State as it is typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.models import Document, EntitySummary
from warwire.workspace import Workspace

_WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\x02", "\x03"


def fts_query(text: str, *, prefix: bool = False) -> str | None:
    """An FTS5 query matching every word of ``text`` (None when it has no words)."""
    words = _WORD.findall(text)[:12]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class DocumentHit:
    document: Document
    snippet: str
    """Matched words between :data:`MARK_START` and :data:`MARK_END`."""

    @property
    def plain(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as ``(text, matched)`` pieces, for a template to escape and mark."""
        pieces: list[tuple[str, bool]] = []
        for i, chunk in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if chunk:
                pieces.append((chunk, i % 2 == 1))
        return pieces


@dataclass(frozen=True)
class Results:
    query: str
    documents: list[DocumentHit]
    entities: list[EntitySummary]


def search(ws: Workspace, text: str, *, limit: int = 20, offset: int = 0) -> Results:
    """Reports whose title or text hold every word, and entities whose name or an alias does
    (the most mentioned first)."""
    match = fts_query(text)
    if match is None:
        return Results(text, [], [])
    store = ws.store
    hits = []
    for doc_id, snippet in store.search_documents(match, limit=limit, offset=offset):
        hits.append(DocumentHit(store.get_document(doc_id), snippet))
    entities: list[EntitySummary] = []
    if offset == 0:
        prefixed = fts_query(text, prefix=True) or match
        ids = store.search_entities(prefixed, limit=limit)
        found = store.entities_by_id(ids)
        counts = store.mention_counts(ids)
        entities = [
            EntitySummary(found[i], counts.get(i, 0), 0, tuple(store.aliases(i)))
            for i in ids
            if i in found
        ]
        entities.sort(key=lambda s: (-s.mentions, s.entity.name))
    return Results(text, hits, entities)
