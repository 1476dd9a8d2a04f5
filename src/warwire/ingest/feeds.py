"""RSS and Atom feeds: one report per entry, read by feedparser.

An entry's text is its content, else its summary, with HTML stripped; its link is the URL, its
published (else updated) date the publication date, and the feed's title the source. Entries
without text are skipped. feedparser is lenient: a feed it flags as malformed (``bozo``) is
accepted if it still yields entries; with no entries it is refused. Entries get origin
``path#n`` (n counts the entries read, from 1).
"""

from __future__ import annotations

import io
from typing import Any

from warwire.errors import InputError
from warwire.ingest.build import make_document
from warwire.ingest.decode import refuse_binary
from warwire.ingest.htmltext import html_to_text
from warwire.ingest.options import ReadOptions
from warwire.models import Document


def read_feed(
    data: bytes, origin: str, options: ReadOptions, *, url: str | None = None
) -> list[Document]:
    """Read an RSS or Atom feed's entries; ``url`` is where it was fetched from."""
    if not data.strip():
        raise InputError(origin, "empty file")
    refuse_binary(data, origin)
    import feedparser

    # A stream, never bytes or str: feedparser treats a string as a URL or a file name to open.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        raise InputError(origin, f"malformed XML feed: {_problem(parsed.get('bozo_exception'))}")
    version = str(parsed.get("version") or "")
    if not version:
        raise InputError(origin, "not an RSS or Atom feed")
    if not entries:
        raise InputError(origin, "feed has no entries")
    format = "atom" if version.startswith("atom") else "rss"
    feed = parsed.get("feed") or {}
    feed_title = feed.get("title")
    feed_lang = feed.get("language")
    documents: list[Document] = []
    for entry in entries:
        text = _entry_text(entry)
        if not text:
            continue
        documents.append(
            make_document(
                text,
                origin=f"{origin}#{len(documents) + 1}",
                format=format,
                options=options,
                title=html_to_text(str(entry.get("title") or "")),
                source=feed_title,
                url=entry.get("link") or None,
                published=entry.get("published_parsed")
                or entry.get("updated_parsed")
                or entry.get("published"),
                language=_entry_language(entry) or feed_lang,
            )
        )
    if not documents:
        count = (
            "its one entry has" if len(entries) == 1 else f"none of its {len(entries)} entries has"
        )
        raise InputError(origin, f"feed without text: {count} a summary or content")
    return documents


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") if hasattr(content, "get") else None
        if isinstance(value, str):
            text = html_to_text(value)
            if text:
                return text
    summary = entry.get("summary")
    return html_to_text(summary) if isinstance(summary, str) else ""


def _entry_language(entry: Any) -> str | None:
    for detail in ("content", "summary_detail"):
        value = entry.get(detail)
        items = value if isinstance(value, list) else [value]
        for item in items:
            language = item.get("language") if hasattr(item, "get") else None
            if isinstance(language, str) and language:
                return language
    return None


def _problem(exc: object) -> str:
    message = str(getattr(exc, "getMessage", lambda: exc)())
    line = getattr(exc, "getLineNumber", lambda: None)()
    return f"{message} (line {line})" if line else message
