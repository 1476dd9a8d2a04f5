"""Readers for the named-entity gold corpora: re3d (Dstl) and CoNLL-2003.

``load_ner_corpus(path)`` decides the format from the path:

- **re3d**: a folder holding ``documents.json`` files (searched recursively), each beside an
  ``entities.json``; both are mongoexport JSON lines. One span may carry several candidate
  types, each with a ``confidence``: the gold type is the most confident one (the first in file
  order on a tie). Offsets are character offsets into the document's ``text``.
- **CoNLL-2003**: a column file (``token POS chunk NER``) with ``-DOCSTART-`` lines between
  documents and IOB1 tags (``I-X``; ``B-X`` only where a new entity follows one of the same
  type). A document's text is its tokens joined by spaces, one sentence per line; each token
  keeps its character span (``NerDoc.tokens``).

Anything else raises :class:`~warwire.errors.InputError` naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from warwire.errors import InputError

__all__ = [
    "CONLL_TYPES",
    "RE3D_TYPES",
    "GoldEntity",
    "NerCorpus",
    "NerDoc",
    "NerFormat",
    "load_ner_corpus",
    "read_conll",
    "read_re3d",
]

NerFormat = Literal["re3d", "conll"]
T = TypeVar("T")

RE3D_TYPES = ("Organisation", "Person", "Location")
"""The re3d types scored; the others (Nationality, Weapon, Temporal...) are counted as ignored."""
CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity: a character span of its document and its type."""

    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class NerDoc:
    """A gold document: its text, its entities (which may nest, in re3d) and, for CoNLL, the
    character spans of its tokens (empty for re3d)."""

    doc_id: str
    text: str
    entities: tuple[GoldEntity, ...]
    tokens: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class NerCorpus:
    """A read corpus: its format, documents and the entity types it is scored on."""

    format: NerFormat
    docs: tuple[NerDoc, ...]
    types: tuple[str, ...]


def load_ner_corpus(path: Path) -> NerCorpus:
    """Read the re3d folder or CoNLL-2003 file at ``path`` (see the module docstring)."""
    if path.is_dir():
        return NerCorpus("re3d", read_re3d(path), RE3D_TYPES)
    if not path.is_file():
        raise InputError(str(path), "no such file or directory")
    if _is_conll(path):
        return NerCorpus("conll", read_conll(path), CONLL_TYPES)
    raise InputError(
        str(path),
        "not a NER corpus (a re3d folder of documents.json/entities.json files, "
        "or a CoNLL-2003 file with -DOCSTART- lines)",
    )


# -- re3d -----------------------------------------------------------------------------------


def read_re3d(folder: Path) -> tuple[NerDoc, ...]:
    """Every document of every ``documents.json`` under ``folder``, with its gold entities."""
    doc_files = sorted(folder.rglob("documents.json"))
    if not doc_files:
        raise InputError(str(folder), "no documents.json file in this folder (re3d layout)")
    docs: list[NerDoc] = []
    for doc_file in doc_files:
        entity_file = doc_file.with_name("entities.json")
        if not entity_file.is_file():
            raise InputError(str(entity_file), "missing: every documents.json needs one beside it")
        entities = _re3d_entities(entity_file)
        for record in _json_lines(doc_file):
            doc_id, text = (
                _field(record, "_id", str, doc_file),
                _field(record, "text", str, doc_file),
            )
            found = entities.pop(doc_id, [])
            for entity in found:
                if not 0 <= entity.start < entity.end <= len(text):
                    raise InputError(
                        str(entity_file),
                        f"entity {entity.text!r} at {entity.start}-{entity.end} lies outside "
                        f"document {doc_id!r} ({len(text)} characters)",
                    )
            ordered = sorted(found, key=lambda e: (e.start, e.end))
            docs.append(NerDoc(doc_id, text, tuple(ordered)))
        if entities:
            orphan = next(iter(entities))
            raise InputError(str(entity_file), f"entities of unknown document {orphan!r}")
    return tuple(docs)


def _re3d_entities(path: Path) -> dict[str, list[GoldEntity]]:
    """Per document id, one entity per span: the most confident of its candidate types."""
    best: dict[tuple[str, int, int], tuple[float, GoldEntity]] = {}
    for record in _json_lines(path):
        doc_id = _field(record, "documentId", str, path)
        start, end = _field(record, "begin", int, path), _field(record, "end", int, path)
        kind = _field(record, "type", str, path)
        value = record.get("value", "")
        confidence = record.get("confidence", 1)
        if not isinstance(confidence, int | float) or isinstance(confidence, bool):
            raise InputError(str(path), f"confidence {confidence!r} is not a number")
        key = (doc_id, start, end)
        kept = best.get(key)
        if kept is None or confidence > kept[0]:
            best[key] = (float(confidence), GoldEntity(start, end, kind, str(value)))
    out: dict[str, list[GoldEntity]] = {}
    for (doc_id, _, _), (_, entity) in best.items():
        out.setdefault(doc_id, []).append(entity)
    return out


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), str(exc)) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {number} is not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise InputError(str(path), f"line {number} is not a JSON object")
        yield record


def _field(record: dict[str, Any], name: str, kind: type[T], path: Path) -> T:
    value = record.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InputError(str(path), f"field {name!r} is missing or not {kind.__name__}: {record!r}")
    return value


# -- CoNLL-2003 -----------------------------------------------------------------------------


def _is_conll(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return "-DOCSTART-" in head


def read_conll(path: Path) -> tuple[NerDoc, ...]:
    """The documents of a CoNLL-2003 file (see the module docstring)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), str(exc)) from exc
    docs: list[NerDoc] = []
    for index, sentences in enumerate(_conll_documents(lines, path)):
        docs.append(conll_document(f"{path.name}:{index + 1}", sentences))
    if not docs:
        raise InputError(str(path), "no tokens found (CoNLL-2003 columns expected)")
    return tuple(docs)


Sentence = list[tuple[str, str]]


def _conll_documents(lines: Iterable[str], path: Path) -> Iterator[list[Sentence]]:
    """Per document, its sentences as (token, tag) pairs."""
    doc: list[Sentence] = []
    sentence: Sentence = []
    for number, line in enumerate(lines, 1):
        fields = line.split()
        if fields and fields[0] == "-DOCSTART-":
            if sentence:
                doc.append(sentence)
            if doc:
                yield doc
            doc, sentence = [], []
            continue
        if not fields:
            if sentence:
                doc.append(sentence)
            sentence = []
            continue
        if len(fields) < 2:
            raise InputError(str(path), f"line {number}: expected a token and a tag: {line!r}")
        tag = fields[-1]
        if tag != "O" and not (tag[:2] in {"I-", "B-"} and len(tag) > 2):
            raise InputError(str(path), f"line {number}: not an IOB tag: {tag!r}")
        sentence.append((fields[0], tag))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def conll_document(doc_id: str, sentences: list[Sentence]) -> NerDoc:
    """One document from its tagged sentences: tokens joined by spaces, sentences by newlines,
    entities decoded from IOB1 (an ``I-X`` after another type, or ``B-X``, starts one)."""
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for s_index, sentence in enumerate(sentences):
        if s_index:
            parts.append("\n")
            offset += 1
        open_type: str | None = None
        open_start = 0
        for t_index, (token, tag) in enumerate(sentence):
            if t_index:
                parts.append(" ")
                offset += 1
            start, end = offset, offset + len(token)
            parts.append(token)
            offset = end
            kind = None if tag == "O" else tag[2:]
            if open_type is not None and (kind != open_type or tag.startswith("B-")):
                spans.append((open_start, tokens[-1][1], open_type))
                open_type = None
            if kind is not None and open_type is None:
                open_type, open_start = kind, start
            tokens.append((start, end))
        if open_type is not None:
            spans.append((open_start, tokens[-1][1], open_type))
    text = "".join(parts)
    entities = tuple(GoldEntity(s, e, kind, text[s:e]) for s, e, kind in spans)
    return NerDoc(doc_id, text, entities, tuple(tokens))
