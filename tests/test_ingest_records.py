"""JSON and JSON Lines reports: fields, field_map, and malformed files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from warwire.errors import ConfigError, InputError
from warwire.ingest import ReadOptions, Source, read_source
from warwire.models import Document

FIRST = "Government forces shelled the town of Idlib on Monday, killing four civilians."
SECOND = "Rebels claimed to have shot down a helicopter near Hama, a claim the army denied."


def read(path: Path, options: ReadOptions | None = None) -> list[Document]:
    return read_source(Source(str(path), "file", path), options or ReadOptions())


def test_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": FIRST,
        "title": "Shelling in Idlib",
        "source": "Example Wire",
        "url": "https://example.org/idlib",
        "published": "2016-02-01T08:00:00Z",
        "language": "en",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [doc] = read(path)
    assert doc.text == FIRST
    assert (doc.title, doc.source, doc.url) == (
        "Shelling in Idlib",
        "Example Wire",
        "https://example.org/idlib",
    )
    assert doc.published == dt.date(2016, 2, 1)
    assert (doc.language, doc.format, doc.origin) == ("en", "json", str(path))


def test_json_array_records_get_numbered_origins(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": FIRST}, {"text": SECOND}], indent=2), encoding="utf-8")
    docs = read(path)
    assert [d.text for d in docs] == [FIRST, SECOND]
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2"]


def test_jsonl_with_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": FIRST, "published": "21 May 2015"}),
        "",
        json.dumps({"text": SECOND}),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    docs = read(path)
    assert [d.text for d in docs] == [FIRST, SECOND]
    assert docs[0].published == dt.date(2015, 5, 21)
    assert all(d.format == "jsonl" for d in docs)
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2"]


def test_field_map(tmp_path: Path) -> None:
    path = tmp_path / "mapped.jsonl"
    record = {"body": FIRST, "date": "2016-02-01", "headline": "Idlib", "outlet": "Wire"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    options = ReadOptions(
        field_map={"text": "body", "published": "date", "title": "headline", "source": "outlet"}
    )
    [doc] = read(path, options)
    assert (doc.text, doc.published, doc.title, doc.source) == (
        FIRST,
        dt.date(2016, 2, 1),
        "Idlib",
        "Wire",
    )


def test_field_map_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError, match="'body'"):
        ReadOptions(field_map={"body": "text"})


def test_record_without_text_fails_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps({"text": FIRST}), json.dumps({"text": SECOND}), json.dumps({"title": "x"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read(path)
    assert str(info.value) == f"cannot read {path}: record 3 (line 3) has no 'text' field"


def test_mapped_text_field_named_in_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"body": "x"},\n  {"title": "y"}\n]', encoding="utf-8")
    with pytest.raises(InputError, match=r"record 2 \(line 3\) has no 'body' field"):
        read(path, ReadOptions(field_map={"text": "body"}))


def test_non_string_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": 12}', encoding="utf-8")
    with pytest.raises(InputError, match="'text' field that is a number, not text"):
        read(path)


def test_malformed_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "a"},\n  {"text": }\n]', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read(path)
    assert str(info.value).startswith(f"cannot read {path}: malformed JSON on line 3, column")


def test_malformed_jsonl_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps({"text": FIRST}) + "\n\n{not json}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"malformed JSON on line 3, column 2"):
        read(path)


def test_json_scalar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text("42", encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON object or an array of objects"):
        read(path)


def test_array_of_non_objects(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('["just text"]', encoding="utf-8")
    with pytest.raises(InputError, match=r"record 1 \(line 1\) is a string, not a JSON object"):
        read(path)


def test_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        read(path)


def test_options_pickle_and_copy_field_map() -> None:
    import pickle

    mapping = {"text": "body"}
    options = ReadOptions(field_map=mapping)
    mapping["text"] = "changed"
    assert pickle.loads(pickle.dumps(options)) == options
    assert options.json_name("text") == "body"
    assert hash(options) == hash(ReadOptions(field_map={"text": "other"}))
