"""Choosing a reader: by file suffix, by media type, or by looking at the content.

Files are read by their suffix. Standard input, URLs and files with another suffix are
recognised by their media type when one is given, else by their first bytes.
"""

from __future__ import annotations

import json
import re

from warwire.ingest.decode import is_pdf, looks_like

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".pdf": "pdf",
}
"""Suffix (lower case) -> reader format; ``feed`` covers RSS and Atom."""

MEDIA_FORMATS: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/pdf": "pdf",
    "text/plain": "txt",
    "text/markdown": "md",
}
"""Media type -> reader format, for URLs."""

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)\b")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article)\b", re.I)
_BOM = b"\xef\xbb\xbf"


def format_for_suffix(suffix: str) -> str | None:
    """The reader format for a file suffix like ``.md``, or None if we do not read it."""
    return SUFFIX_FORMATS.get(suffix.lower())


def format_for_media_type(media_type: str) -> str | None:
    """The reader format for a media type like ``text/html``, or None."""
    media_type = media_type.lower()
    if media_type in MEDIA_FORMATS:
        return MEDIA_FORMATS[media_type]
    if media_type.endswith("+json"):
        return "json"
    if media_type.endswith("+xml"):
        return "feed"
    return None


def sniff_format(data: bytes) -> str | None:
    """Guess a reader format from content; None for binary data we cannot read."""
    if is_pdf(data):
        return "pdf"
    if looks_like(data) is not None:
        return None
    head = data[:4096].removeprefix(_BOM).lstrip()
    if head.startswith((b"{", b"[")):
        return _json_or_jsonl(data)
    if head.startswith(b"<"):
        if _HTML_START.match(head):
            return "html"
        if _FEED_ROOT.search(head[:2048]):
            return "feed"
        return "html" if head.startswith(b"<!") or b"<html" in head.lower() else "feed"
    return "txt"


def _json_or_jsonl(data: bytes) -> str:
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        lines = [line for line in data.splitlines() if line.strip()]
        if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:10]):
            return "jsonl"
    return "json"
