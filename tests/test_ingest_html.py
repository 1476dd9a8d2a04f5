"""HTML pages: article text and metadata via trafilatura; pages without text are refused."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.ingest import ReadOptions, Source, read_source
from warwire.models import Document

PAGE = """<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Shelling in Donetsk | Example Wire</title>
  <meta property="og:title" content="Shelling in Donetsk">
  <meta property="og:site_name" content="Example Wire">
  <meta property="og:url" content="https://example.org/donetsk">
  <meta property="article:published_time" content="2015-01-22T09:30:00Z">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
  <article>
    <h1>Shelling in Donetsk</h1>
    <p>Two civilians were killed when shells hit a residential district of Donetsk on
    Thursday, local officials said.</p>
    <p>The separatist authorities blamed government forces for the attack, which also
    damaged a school.</p>
  </article>
  <footer>Copyright Example Wire</footer>
</body>
</html>
"""


def read(path: Path) -> list[Document]:
    return read_source(Source(str(path), "file", path), ReadOptions())


def test_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "donetsk.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read(path)
    assert "Two civilians were killed" in doc.text
    assert "damaged a school" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.title == "Shelling in Donetsk"
    assert doc.source == "Example Wire"
    assert doc.url == "https://example.org/donetsk"
    assert doc.published == dt.date(2015, 1, 22)
    assert (doc.language, doc.format) == ("en", "html")


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace("utf-8", "windows-1252").replace("Two civilians", "Deux civils tués:")
    path = tmp_path / "latin.htm"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read(path)
    assert "Deux civils tués:" in doc.text


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>")
    with pytest.raises(InputError) as info:
        read(path)
    assert str(info.value) == f"cannot read {path}: no article text found in HTML"


def test_binary_garbage_named_html(tmp_path: Path) -> None:
    path = tmp_path / "garbage.html"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(InputError, match=re.escape(str(path))):
        read(path)
