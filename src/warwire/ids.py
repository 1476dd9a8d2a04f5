"""Deterministic identifiers: re-running the pipeline on the same input yields the same ids.

A document's id is the sha256 of its normalised text; derived records (sentences, mentions)
get a sha1 of their key fields, so storing them twice is a no-op.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRAILING_SPACE = re.compile(r"[ \t\f\v]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return the canonical form of a report's text, the one that is stored and hashed.

    Unicode NFC, ``\\r\\n``/``\\r`` to ``\\n``, no NUL characters, no trailing spaces on a line,
    at most one blank line in a row, and no leading or trailing blank space.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\u00a0", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def document_id(normalised_text: str) -> str:
    """The sha256 hex digest of a document's normalised text."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


def make_key(*parts: object) -> str:
    """A short stable id (sha1 hex, 40 chars) of the given key fields."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
