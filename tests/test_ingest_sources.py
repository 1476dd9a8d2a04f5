"""Targets to sources (files, directories, globs, URLs, stdin) and reading each kind."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.ingest import READABLE_SUFFIXES, ReadOptions, Source, expand, read_source

OPTIONS = ReadOptions()
TEXT = "Militants attacked a checkpoint in North Sinai on Friday, killing three soldiers."


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "reports" / "2015" / "may").mkdir(parents=True)
    (tmp_path / "reports" / ".drafts").mkdir()
    (tmp_path / "reports" / "b.txt").write_text(TEXT)
    (tmp_path / "reports" / "a.md").write_text(TEXT)
    (tmp_path / "reports" / "2015" / "may" / "c.JSON").write_text('{"text": "x"}')
    (tmp_path / "reports" / "2015" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "reports" / ".hidden.txt").write_text(TEXT)
    (tmp_path / "reports" / ".drafts" / "d.txt").write_text(TEXT)
    return tmp_path


def origins(items: list[Source | InputError]) -> list[str]:
    return [item.origin if isinstance(item, Source) else f"error:{item}" for item in items]


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tree: Path) -> None:
    root = tree / "reports"
    items = expand([str(root)], OPTIONS)
    assert origins(items) == [
        str(root / "2015" / "may" / "c.JSON"),
        str(root / "a.md"),
        str(root / "b.txt"),
    ]
    assert all(isinstance(i, Source) and i.kind == "file" and i.path for i in items)


def test_directory_without_reports(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "x.png").write_bytes(b"\x89PNG")
    [error] = expand([str(tmp_path / "pics")], OPTIONS)
    assert isinstance(error, InputError)
    assert str(error) == (
        f"cannot read {tmp_path / 'pics'}: no reports found (looked for "
        + ", ".join(READABLE_SUFFIXES)
        + ")"
    )


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    [error] = expand([missing], OPTIONS)
    assert isinstance(error, InputError)
    assert str(error) == f"cannot read {missing}: no such file or directory"


def test_named_file_is_taken_whatever_its_suffix(tree: Path) -> None:
    odd = tree / "reports" / "2015" / "notes.docx"
    [item] = expand([str(odd)], OPTIONS)
    assert isinstance(item, Source) and item.path == odd
    with pytest.raises(InputError, match="looks like a ZIP archive"):
        read_source(item, OPTIONS)


def test_globs(tree: Path) -> None:
    pattern = str(tree / "reports" / "**" / "*.txt")
    assert origins(expand([pattern], OPTIONS)) == [str(tree / "reports" / "b.txt")]
    [error] = expand([str(tree / "reports" / "*.pdf")], OPTIONS)
    assert isinstance(error, InputError) and "no files match this pattern" in str(error)


def test_stdin_url_and_order_with_duplicates(tree: Path) -> None:
    b = str(tree / "reports" / "b.txt")
    items = expand(["-", "https://example.org/a", b, b, str(tree / "nope")], OPTIONS)
    assert [getattr(i, "kind", "error") for i in items] == ["stdin", "url", "file", "error"]
    assert items[0] == Source("<stdin>", "stdin")


def test_read_stdin_text_and_json() -> None:
    stdin = Source("<stdin>", "stdin")
    [doc] = read_source(stdin, OPTIONS, stdin=io.BytesIO(b"Title: Sinai\n\n" + TEXT.encode()))
    assert (doc.text, doc.title, doc.origin, doc.format) == (TEXT, "Sinai", "<stdin>", "txt")
    lines = b'{"text": "one report here"}\n{"text": "another report"}\n'
    docs = read_source(stdin, OPTIONS, stdin=io.BytesIO(lines))
    assert [d.format for d in docs] == ["jsonl", "jsonl"]
    with pytest.raises(InputError, match="cannot read <stdin>: empty file"):
        read_source(stdin, OPTIONS, stdin=io.BytesIO(b""))


def test_stdin_over_the_limit() -> None:
    with pytest.raises(InputError, match=r"<stdin>: input is larger than the 10 bytes limit"):
        read_source(
            Source("<stdin>", "stdin"), ReadOptions(max_bytes=10), stdin=io.BytesIO(b"x" * 50)
        )


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(InputError) as info:
        read_source(Source(str(path), "file", path), ReadOptions(max_bytes=100))
    assert str(info.value) == (
        f"cannot read {path}: file is 500 bytes, over the 100 bytes limit (set --max-bytes)"
    )


def test_size_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(6_200_000)  # sparse: nothing is written or read
    with pytest.raises(InputError, match=r"file is 6\.2 MB, over the 5\.0 MB limit"):
        read_source(Source(str(path), "file", path), OPTIONS)


def test_missing_file_at_read_time(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError, match="no such file or directory"):
        read_source(Source(str(path), "file", path), OPTIONS)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_source(Source(str(path), "file", path), OPTIONS)


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "report.dat"
    path.write_text(
        '<rss version="2.0"><channel><title>W</title><item><description>'
        "A bomb exploded in Kabul.</description></item></channel></rss>"
    )
    [doc] = read_source(Source(str(path), "file", path), OPTIONS)
    assert doc.format == "rss"
