"""Machine-readable and human output for the CLI: records to JSON, JSON lines, CSV or a table.

Machine output goes to stdout; tables are for people. Records are flat dictionaries of plain
values (dates as ISO strings).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Literal, TextIO

from warwire.errors import ConfigError
from warwire.models import Document, EntitySummary, Mention

Format = Literal["table", "json", "jsonl", "csv"]
FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    if fmt not in allowed:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return fmt


def plain(value: Any) -> Any:
    """A JSON-ready form of a record field."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def document_row(doc: Document, *, with_text: bool = False) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": doc.id,
        "published": plain(doc.published),
        "source": doc.source,
        "title": doc.title,
        "language": doc.language,
        "format": doc.format,
        "url": doc.url,
        "origin": doc.origin,
        "words": len(doc.text.split()),
        "ingested_at": plain(doc.ingested_at),
    }
    if with_text:
        row["pages"] = [plain(p) for p in doc.pages]
        row["text"] = doc.text
    return row


def mention_row(m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "doc_id": m.doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "sentence": m.sentence,
        "extractor": m.extractor,
        "entity_id": m.entity_id,
        "geo_precision": m.geo_precision,
        "resolution": m.resolution,
        "value": m.value,
    }


def entity_summary_row(summary: EntitySummary) -> dict[str, Any]:
    e = summary.entity
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "geonames_id": e.geonames_id,
        "lat": e.lat,
        "lon": e.lon,
        "country_code": e.country_code,
        "admin1": e.admin1,
        "feature": e.feature,
        "actor_type": e.actor_type,
        "mentions": summary.mentions,
        "documents": summary.documents,
        "aliases": list(summary.aliases),
    }


def write_records(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write rows to ``out`` as json (one array), jsonl or csv."""
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields: list[str] = []
        for row in rows:
            fields.extend(k for k in row if k not in fields)
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    else:
        raise ConfigError(f"unknown machine format {fmt!r}: choose json, jsonl or csv")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
