"""What to read and reading it: command-line targets to sources, a source to documents.

``expand`` turns targets (paths, directories, globs, URLs, ``-``) into ``Source`` records or
the ``InputError`` of a target that names nothing readable, in order, so one bad target does
not stop the others. ``read_source`` reads one source with the reader for its format and
raises only ``InputError`` (``FetchError`` for URLs).
"""

from __future__ import annotations

import dataclasses
import glob
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from warwire.errors import InputError
from warwire.ingest.decode import refuse_binary
from warwire.ingest.feeds import read_feed
from warwire.ingest.fetch import fetch
from warwire.ingest.html import read_html
from warwire.ingest.options import ReadOptions
from warwire.ingest.pdf import read_pdf
from warwire.ingest.records import read_json, read_jsonl
from warwire.ingest.sizes import over_limit
from warwire.ingest.sniff import (
    SUFFIX_FORMATS,
    format_for_media_type,
    format_for_suffix,
    sniff_format,
)
from warwire.ingest.text import read_text
from warwire.models import Document

SourceKind = Literal["file", "url", "stdin"]
STDIN = "<stdin>"
READABLE_SUFFIXES: tuple[str, ...] = tuple(SUFFIX_FORMATS)
"""File suffixes a directory walk picks up (lower case, with the dot)."""

_GLOB_CHARS = frozenset("*?[")
_SUPPORTED = "txt, md, html, json, jsonl, xml feeds, pdf"


@dataclass(frozen=True)
class Source:
    """One thing to read: a file, a URL, or standard input."""

    origin: str
    """The path as given or found, the URL, or ``"<stdin>"``."""
    kind: SourceKind
    path: Path | None = None


def expand(targets: Sequence[str], options: ReadOptions) -> list[Source | InputError]:
    """Sources for command-line targets, in order, with an InputError for each dud target.

    ``-`` is standard input; ``http(s)://`` a URL; a directory is walked recursively (sorted,
    hidden files and directories skipped) for files with ``READABLE_SUFFIXES``; a pattern with
    ``*``, ``?`` or ``[`` that is not itself a path is globbed (``**`` recursive). Files named
    outright, or matched by a pattern, are taken whatever their suffix. A file reached twice
    is listed once.
    """
    del options  # the same for every option today; kept so the signature can grow
    found: list[Source | InputError] = []
    seen: set[str] = set()

    def add(item: Source | InputError) -> None:
        if isinstance(item, Source):
            key = os.path.realpath(item.path) if item.path is not None else item.origin
            if key in seen:
                return
            seen.add(key)
        found.append(item)

    for target in targets:
        for item in _expand_one(target):
            add(item)
    return found


def _expand_one(target: str) -> list[Source | InputError]:
    if target == "-":
        return [Source(STDIN, "stdin")]
    if target.lower().startswith(("http://", "https://")):
        return [Source(target, "url")]
    path = Path(target)
    if path.is_dir():
        return _walk(target)
    if path.exists():
        return [Source(target, "file", path)]
    if _GLOB_CHARS & set(target):
        # glob.glob, unlike Path.glob, takes absolute patterns and ``**`` anywhere
        matches = sorted(glob.glob(target, recursive=True))  # noqa: PTH207
        if not matches:
            return [InputError(target, "no files match this pattern")]
        items: list[Source | InputError] = []
        for match in matches:
            if Path(match).is_dir():
                items.extend(item for item in _walk(match) if isinstance(item, Source))
            else:
                items.append(Source(match, "file", Path(match)))
        return items or [InputError(target, _no_reports())]
    return [InputError(target, "no such file or directory")]


def _walk(directory: str) -> list[Source | InputError]:
    paths: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and format_for_suffix(Path(name).suffix):
                paths.append(Path(root, name))
    if not paths:
        return [InputError(directory, _no_reports())]
    return [Source(str(path), "file", path) for path in sorted(paths)]


def _no_reports() -> str:
    return f"no reports found (looked for {', '.join(READABLE_SUFFIXES)})"


def read_source(
    source: Source, options: ReadOptions, *, stdin: BinaryIO | None = None
) -> list[Document]:
    """The documents in one source; raises InputError (FetchError for URLs) naming it.

    ``stdin`` is the stream to read for a ``"stdin"`` source (default: ``sys.stdin.buffer``).
    """
    if source.kind == "url":
        return _read_url(source, options)
    if source.kind == "stdin":
        data = _read_stream(stdin if stdin is not None else sys.stdin.buffer, options)
        return _read_bytes(data, source.origin, options, format=None)
    path = source.path if source.path is not None else Path(source.origin)
    data = _read_file(path, source.origin, options)
    return _read_bytes(data, source.origin, options, format=format_for_suffix(path.suffix))


def read_bytes(
    data: bytes, origin: str, options: ReadOptions, *, format: str | None = None
) -> list[Document]:
    """The documents in ``data`` read as ``format`` (a ``sniff.SUFFIX_FORMATS`` value) or
    as whatever it looks like when ``format`` is None."""
    return _read_bytes(data, origin, options, format=format)


def _read_file(path: Path, origin: str, options: ReadOptions) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(origin, "is a directory")
        if size > options.max_bytes:
            raise InputError(origin, over_limit("file", size, options.max_bytes))
        with path.open("rb") as stream:
            data = stream.read(options.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(origin, "no such file or directory") from None
    except PermissionError:
        raise InputError(origin, "permission denied") from None
    except OSError as exc:
        raise InputError(origin, (exc.strerror or str(exc)).lower()) from None
    if len(data) > options.max_bytes:  # it grew, or it is not a regular file
        raise InputError(origin, over_limit("file", len(data), options.max_bytes, at_least=True))
    return data


def _read_stream(stream: BinaryIO, options: ReadOptions) -> bytes:
    try:
        data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(STDIN, (exc.strerror or str(exc)).lower()) from None
    if len(data) > options.max_bytes:
        raise InputError(STDIN, over_limit("input", len(data), options.max_bytes, at_least=True))
    return data


def _read_url(source: Source, options: ReadOptions) -> list[Document]:
    fetched = fetch(source.origin, options)
    format = format_for_media_type(fetched.content_type)
    if format in (None, "txt", "feed") or fetched.content_type == "application/octet-stream":
        # servers label feeds text/xml and markdown text/plain; the content knows better
        format = _refine(format, fetched.body, fetched.url)
    if format == "html":
        documents = read_html(
            fetched.body, source.origin, options, url=fetched.url, declared=fetched.charset
        )
    elif format == "feed":
        documents = read_feed(fetched.body, source.origin, options, url=fetched.url)
    else:
        documents = _read_bytes(fetched.body, source.origin, options, format=format)
    return [doc if doc.url else dataclasses.replace(doc, url=fetched.url) for doc in documents]


def _refine(format: str | None, body: bytes, url: str) -> str | None:
    by_suffix = format_for_suffix(Path(url.split("?")[0].split("#")[0]).suffix)
    sniffed = sniff_format(body)
    if format == "txt":
        return by_suffix if by_suffix in ("txt", "md") else "txt"
    if format == "feed":
        return sniffed if sniffed in ("html", "feed") else "feed"
    return by_suffix or sniffed


def _read_bytes(
    data: bytes, origin: str, options: ReadOptions, *, format: str | None
) -> list[Document]:
    if not data.strip():
        raise InputError(origin, "empty file")
    if format is None:
        format = sniff_format(data)
        if format is None:
            refuse_binary(data, origin)
            raise InputError(origin, f"not a supported format ({_SUPPORTED})")
    if format in ("txt", "md"):
        return read_text(data, origin, options, format=format)
    if format == "html":
        return read_html(data, origin, options)
    if format == "json":
        return read_json(data, origin, options)
    if format == "jsonl":
        return read_jsonl(data, origin, options)
    if format == "feed":
        return read_feed(data, origin, options)
    if format == "pdf":
        return read_pdf(data, origin, options)
    raise InputError(origin, f"unknown format {format!r} ({_SUPPORTED})")
