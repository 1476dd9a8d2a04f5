"""Plain text and Markdown reports: headers, front matter, decoding, and refused inputs."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.ingest import ReadOptions, Source, read_source
from warwire.ingest.decode import decode
from warwire.ingest.text import split_header

OPTIONS = ReadOptions()
UNDECODABLE = bytes(range(0x80, 0x100))  # every high byte once: no encoding makes text of it
BODY = "Fighters clashed with government forces near Aleppo on Tuesday, killing 12 people."


def read(path: Path, options: ReadOptions = OPTIONS) -> list:
    return read_source(Source(str(path), "file", path), options)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_plain_text_with_header_block(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "clash.txt",
        "Title: Clash near Aleppo\nSource: Example Wire\nPublished: 21 May 2015\n"
        "URL: https://example.org/clash\nLanguage: EN-gb\n\n" + BODY + "\n",
    )
    [doc] = read(path)
    assert doc.text == BODY
    assert doc.title == "Clash near Aleppo"
    assert doc.source == "Example Wire"
    assert doc.published == dt.date(2015, 5, 21)
    assert doc.url == "https://example.org/clash"
    assert doc.language == "en"
    assert doc.origin == str(path)
    assert doc.format == "txt"


def test_markdown_with_yaml_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "clash.md",
        "---\ntitle: Clash near Aleppo\nsource: Example Wire\npublished: 2015-05-21\n"
        "url: https://example.org/clash\n---\n# Clash\n\n" + BODY,
    )
    [doc] = read(path)
    assert doc.text == "Clash\n\n" + BODY  # markdown is stored as plain words
    assert (doc.title, doc.source, doc.published) == (
        "Clash near Aleppo",
        "Example Wire",
        dt.date(2015, 5, 21),
    )
    assert doc.format == "md"
    assert doc.language == "en"


def test_date_header_and_no_header() -> None:
    meta, body = split_header("Date: 2015-05-21T10:00:00Z\n\nText.", "x")
    assert meta == {"published": "2015-05-21T10:00:00Z"} and body == "Text."
    # a first paragraph that is not all header lines is text, not a header
    text = "Title: Clash\nFighters clashed.\n\nMore."
    assert split_header(text, "x") == ({}, text)
    assert split_header("Update: fighting went on.\n\nMore.", "x")[0] == {}


def test_options_fill_only_missing_metadata(tmp_path: Path) -> None:
    options = ReadOptions(published=dt.date(2020, 1, 2), source="Field notes")
    bare = write(tmp_path, "bare.txt", BODY)
    [doc] = read(bare, options)
    assert (doc.published, doc.source) == (dt.date(2020, 1, 2), "Field notes")
    headed = write(tmp_path, "headed.txt", "Source: Wire\nPublished: 2015-05-21\n\n" + BODY)
    [doc] = read(headed, options)
    assert (doc.published, doc.source) == (dt.date(2015, 5, 21), "Wire")


def test_unparseable_published_is_none(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "a.txt", "Published: sometime last week\n\n" + BODY))
    assert doc.published is None


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = (
        "Les combattants ont été tués à Alep mardi, a déclaré l'Observatoire. "
        "Les forces gouvernementales ont bombardé le quartier à l'aube."
    )
    [doc] = read(write(tmp_path, "fr.txt", text.encode("cp1252")))
    assert doc.text == text
    assert doc.language == "fr"


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfTitle: Clash\r\n\r\n" + BODY.encode() + b"\r\n"
    [doc] = read(write(tmp_path, "bom.txt", data))
    assert doc.title == "Clash" and doc.text == BODY


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "u16.txt", BODY.encode("utf-16")))
    assert doc.text == BODY


def test_short_text_has_no_detected_language(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "short.txt", "Shots fired."))
    assert doc.language is None


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError, match="empty file") as info:
        read(path)
    assert info.value.source == str(path)
    with pytest.raises(InputError, match="empty file"):
        read(write(tmp_path, "blank.txt", " \n\t\n"))


def test_header_without_text_is_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty file"):
        read(write(tmp_path, "h.txt", "Title: Clash\nSource: Wire\n\n   \n"))


def test_png_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(40)))
    with pytest.raises(InputError) as info:
        read(path)
    assert (
        str(info.value) == f"cannot read {path}: binary file (looks like a PNG image), not a report"
    )


def test_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reports.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", BODY)
    with pytest.raises(InputError, match=r"binary file \(looks like a ZIP archive"):
        read(path)


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary file"):
        read(write(tmp_path, "nul.txt", b"abc\x00def" * 10))


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.txt", UNDECODABLE)
    with pytest.raises(InputError) as info:
        read(path)
    assert str(info.value) == (
        f"cannot read {path}: cannot decode text: not UTF-8 and no encoding detected"
    )


def test_decode_reports_no_encoding() -> None:
    with pytest.raises(InputError, match="cannot decode text: not UTF-8 and no encoding detected"):
        decode(UNDECODABLE, "x")


def test_pdf_bytes_in_a_text_file_are_binary(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"looks like a PDF document"):
        read(write(tmp_path, "a.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"))


def test_malformed_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\ntitle: [unclosed\n---\n" + BODY)
    with pytest.raises(InputError, match=r"malformed YAML front matter \(line \d+\)"):
        read(path)
    bad_date = write(tmp_path, "b.md", "---\npublished: 2015-02-30\n---\n" + BODY)
    with pytest.raises(InputError, match="malformed YAML front matter"):
        read(bad_date)


def test_markdown_is_stored_as_plain_words() -> None:
    from warwire.ingest.text import plain_markdown

    text = "# Fall of **Tadmur**\n\n*Background.* See [the map](https://x.example/m) of 2*3*4.\n"
    assert plain_markdown(text) == "Fall of Tadmur\n\nBackground. See the map of 2*3*4.\n"
