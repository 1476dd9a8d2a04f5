"""JSON and JSON Lines reports: one object per report, ``text`` required.

A ``.json`` file holds one object or an array of objects; a ``.jsonl`` file one object per
line (blank lines are skipped). Optional fields: ``title``, ``source``, ``url``, ``published``,
``language``; ``ReadOptions.field_map`` renames any of them.

A file with one bad record fails as a whole, so nothing partial is stored; the message names
the record and its line. Records of an array or JSON Lines file get origin ``path#n``.
"""

from __future__ import annotations

import json
from typing import Any

from warwire.errors import InputError
from warwire.ingest.build import make_document
from warwire.ingest.decode import decode
from warwire.ingest.options import FIELD_NAMES, ReadOptions
from warwire.models import Document

_OPTIONAL = sorted(FIELD_NAMES - {"text"})


def read_json(data: bytes, origin: str, options: ReadOptions) -> list[Document]:
    """Read a ``.json`` report file: one object, or an array of objects."""
    return parse_json(decode(data, origin), origin, options)


def read_jsonl(data: bytes, origin: str, options: ReadOptions) -> list[Document]:
    """Read a ``.jsonl`` file: one report object per line."""
    return parse_jsonl(decode(data, origin), origin, options)


def parse_json(text: str, origin: str, options: ReadOptions) -> list[Document]:
    """Documents from the text of a JSON file."""
    if not text.strip():
        raise InputError(origin, "empty file")
    text = text.removeprefix("\ufeff")
    loaded = _loads(text, origin, where=None)
    if isinstance(loaded, dict):
        return [_document(loaded, origin, options, label="the JSON object", format="json")]
    if not isinstance(loaded, list):
        raise InputError(
            origin, f"expected a JSON object or an array of objects, got {_kind(loaded)}"
        )
    if not loaded:
        raise InputError(origin, "empty file (an empty JSON array)")
    lines = _element_lines(text)
    documents = []
    for n, record in enumerate(loaded, start=1):
        line = lines[n - 1] if len(lines) == len(loaded) else None
        label = f"record {n} (line {line})" if line is not None else f"record {n}"
        documents.append(
            _document(record, f"{origin}#{n}", options, label=label, format="json", file=origin)
        )
    return documents


def parse_jsonl(text: str, origin: str, options: ReadOptions) -> list[Document]:
    """Documents from the text of a JSON Lines file."""
    text = text.removeprefix("\ufeff")
    documents = []
    n = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        n += 1
        record = _loads(line, origin, where=f"line {line_number}")
        label = f"record {n} (line {line_number})"
        documents.append(
            _document(record, f"{origin}#{n}", options, label=label, format="jsonl", file=origin)
        )
    if not documents:
        raise InputError(origin, "empty file")
    return documents


def _loads(text: str, origin: str, *, where: str | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = where or f"line {exc.lineno}"
        raise InputError(
            origin, f"malformed JSON on {line}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(origin, f"malformed JSON{_on(where)}: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python will convert
        raise InputError(origin, f"malformed JSON{_on(where)}: {exc}") from None


def _on(where: str | None) -> str:
    return f" on {where}" if where else ""


def _document(
    record: Any,
    origin: str,
    options: ReadOptions,
    *,
    label: str,
    format: str,
    file: str | None = None,
) -> Document:
    file = file or origin
    if not isinstance(record, dict):
        raise InputError(file, f"{label} is {_kind(record)}, not a JSON object")
    text_name = options.json_name("text")
    text = record.get(text_name)
    if text is None:
        raise InputError(file, f"{label} has no {text_name!r} field")
    if not isinstance(text, str):
        raise InputError(file, f"{label} has a {text_name!r} field that is {_kind(text)}, not text")
    if not text.strip():
        raise InputError(file, f"{label} has an empty {text_name!r} field")

    def field(name: str) -> object:
        return record.get(options.json_name(name))

    return make_document(
        text,
        origin=origin,
        format=format,
        options=options,
        title=field("title"),
        source=field("source"),
        url=field("url"),
        published=field("published"),
        language=field("language"),
    )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _element_lines(text: str) -> list[int]:
    """The 1-based line on which each element of a top-level JSON array starts."""
    decoder = json.JSONDecoder()
    starts: list[int] = []
    i = text.index("[") + 1
    line, counted = 1, 0
    try:
        while True:
            i = _skip_space(text, i)
            if text[i] == "]":
                break
            line += text.count("\n", counted, i)
            counted = i
            starts.append(line)
            _, i = decoder.raw_decode(text, i)
            i = _skip_space(text, i)
            if text[i] == ",":
                i += 1
    except (ValueError, IndexError, RecursionError):
        return []
    return starts


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i
