"""The text of a spaCy ``Doc``, computed once: ``Doc.text`` joins every token on each call, so
extractors that need it per sentence read it from here."""

from __future__ import annotations

from typing import Any

__all__ = ["doc_text"]

_KEY = "warwire.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, cached in the Doc's ``user_data``."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY] = cached
    return str(cached)
