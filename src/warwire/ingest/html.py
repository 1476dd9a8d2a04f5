"""HTML pages: the main article text and metadata, extracted by trafilatura.

``favor_recall`` keeps short news items whole; comments are left out. The date comes from the
page's metadata only (no guessing from the article's own text, which names event dates). The
language comes from ``<html lang>`` when the page declares it.
"""

from __future__ import annotations

import datetime as dt
import re

from warwire.errors import InputError
from warwire.ingest.build import make_document
from warwire.ingest.decode import decode, html_charset
from warwire.ingest.options import ReadOptions
from warwire.models import Document

_HTML_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2}(?:[-_][A-Za-z0-9]+)*)""", re.I
)


def read_html(
    data: bytes,
    origin: str,
    options: ReadOptions,
    *,
    url: str | None = None,
    declared: str | None = None,
) -> list[Document]:
    """Read an HTML report; ``url`` is where it was fetched from, ``declared`` its charset."""
    text = decode(data, origin, declared=declared or html_charset(data))
    return [parse_html(text, origin, options, url=url)]


def parse_html(html: str, origin: str, options: ReadOptions, *, url: str | None = None) -> Document:
    """A Document from decoded HTML, or InputError when it holds no article text."""
    if not html.strip():
        raise InputError(origin, "empty file")
    import trafilatura

    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": dt.date.today().isoformat(),
    }
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params=date_params,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(origin, f"no article text found in HTML ({exc})") from None
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not isinstance(body, str) or not body.strip():
        raise InputError(origin, "no article text found in HTML")
    lang = _HTML_LANG.search(html[:5000])
    return make_document(
        body,
        origin=origin,
        format="html",
        options=options,
        title=getattr(extracted, "title", None),
        source=getattr(extracted, "sitename", None),
        url=getattr(extracted, "url", None) or url,
        published=getattr(extracted, "date", None),
        language=lang.group(1) if lang else None,
    )
