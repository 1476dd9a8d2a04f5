"""Plain text and Markdown reports, with an optional metadata header.

A header is either YAML front matter between ``---`` lines, or a block of ``Key: value`` lines
(Title, Source, Published, Date, URL, Language) at the very top ending at the first blank line.
The header is removed from the stored text. A first block with any other line is not a header.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from warwire.errors import InputError
from warwire.ingest.build import make_document
from warwire.ingest.decode import decode
from warwire.ingest.options import ReadOptions
from warwire.models import Document

HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}
"""Header and front-matter keys (lower case) -> our field names."""

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$")
_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def read_text(
    data: bytes, origin: str, options: ReadOptions, *, format: str = "txt"
) -> list[Document]:
    """Read a ``.txt`` or ``.md`` report (``format`` says which)."""
    return [parse_text(decode(data, origin), origin, options, format=format)]


def parse_text(text: str, origin: str, options: ReadOptions, *, format: str = "txt") -> Document:
    """A Document from decoded report text, its header parsed and removed."""
    if not text.strip():
        raise InputError(origin, "empty file")
    meta, body = split_header(text, origin)
    if not body.strip():
        raise InputError(origin, "empty file (a header but no text)")
    if format == "md":
        body = plain_markdown(body)
    return make_document(body, origin=origin, format=format, options=options, **meta)


_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)


def plain_markdown(body: str) -> str:
    """Markdown reduced to its words: headings without their hashes, links to their text,
    emphasis without its asterisks, so that names in **bold** read as names. The stored text
    (and every quote cut from it) is this plain version."""
    body = _LINK.sub(r"\1", body)
    body = _STRONG.sub(r"\2", body)
    body = _EMPHASIS.sub(r"\2", body)
    return _HEADING.sub("", body)


def split_header(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """``(metadata, body)``: the header's fields by our names, and the text after it."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if lines and _FENCE.match(lines[0].rstrip("\r\n")):
        for i, line in enumerate(lines[1:], start=1):
            if _FENCE_END.match(line.rstrip("\r\n")):
                return _front_matter("".join(lines[1:i]), origin), "".join(lines[i + 1 :])
        return {}, text  # an opening rule without a closing one: not front matter
    return _key_value_header(lines)


def _front_matter(block: str, origin: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(origin, f"malformed YAML front matter{where}: {problem}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # the YAML is well formed but a value is not, e.g. ``published: 2015-02-30``
        raise InputError(origin, f"malformed YAML front matter: {exc}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(origin, "malformed YAML front matter: expected key: value lines")
    meta: dict[str, Any] = {}
    for key, value in loaded.items():
        name = HEADER_KEYS.get(str(key).strip().lower())
        if name is not None and name not in meta:
            meta[name] = value
    return meta


def _key_value_header(lines: list[str]) -> tuple[dict[str, Any], str]:
    meta: dict[str, Any] = {}
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if meta:
                return meta, "".join(lines[i + 1 :])
            return {}, "".join(lines)
        match = _HEADER_LINE.match(stripped)
        name = HEADER_KEYS.get(match.group(1).strip().lower()) if match else None
        if match is None or name is None:
            return {}, "".join(lines)
        meta.setdefault(name, match.group(2))
    return meta, ""  # only header lines: no text
