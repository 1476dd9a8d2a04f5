"""The one place readers turn text and metadata into a ``Document``.

Fills what the report lacks from ``ReadOptions`` (publication date, source), settles the
language, and refuses reports with no text.
"""

from __future__ import annotations

from warwire.errors import InputError
from warwire.ids import normalise_text
from warwire.ingest.dates import parse_date
from warwire.ingest.language import resolve_language
from warwire.ingest.options import ReadOptions
from warwire.models import Document, Page


def make_document(
    text: str,
    *,
    origin: str,
    format: str,
    options: ReadOptions,
    title: object = None,
    source: object = None,
    url: object = None,
    published: object = None,
    language: object = None,
    pages: tuple[Page, ...] = (),
) -> Document:
    """A Document from a reader's findings; metadata values may be raw (strings, dates)."""
    clean = normalise_text(text)
    if not clean:
        raise InputError(origin, "empty file")
    return Document.create(
        clean,
        title=_text(title),
        source=_text(source) or options.source,
        url=_text(url),
        published=parse_date(published) or options.published,
        language=resolve_language(language, clean),
        origin=origin,
        format=format,
        pages=pages,
    )


def _text(value: object) -> str | None:
    """A metadata value as one line of text, or None: numbers become text, lists do not."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        line = " ".join(normalise_text(str(value)).split())
        return line or None
    return None
