"""RSS and Atom feeds: one report per entry; broken feeds and non-feeds are refused."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.ingest import ReadOptions, Source, read_source
from warwire.models import Document

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>Conflict Wire</title>
  <link>https://example.org/</link>
  <description>News</description>
  <item>
    <title>Clash near Aleppo</title>
    <link>https://example.org/aleppo</link>
    <pubDate>Thu, 21 May 2015 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>Fighters clashed with government forces near Aleppo.</p>
      <p>Twelve people were killed, a monitor said.</p>]]></description>
  </item>
  <item>
    <title>No text here</title>
    <link>https://example.org/empty</link>
  </item>
  <item>
    <title>Airstrike in Idlib</title>
    <link>https://example.org/idlib</link>
    <description>An airstrike hit a market in Idlib, residents said.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Dépêches</title>
  <id>urn:example:feed</id>
  <updated>2015-06-01T00:00:00Z</updated>
  <entry>
    <title>Combats à Alep</title>
    <id>urn:example:1</id>
    <link href="https://example.org/alep"/>
    <updated>2015-06-01T12:00:00Z</updated>
    <content type="html">
      &lt;p&gt;Des combats ont opposé les rebelles à l'armée à Alep.&lt;/p&gt;
    </content>
  </entry>
</feed>
"""


def read(path: Path) -> list[Document]:
    return read_source(Source(str(path), "file", path), ReadOptions())


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    docs = read(path)
    assert len(docs) == 2
    first = docs[0]
    assert first.text == (
        "Fighters clashed with government forces near Aleppo.\n\n"
        "Twelve people were killed, a monitor said."
    )
    assert (first.title, first.source, first.url) == (
        "Clash near Aleppo",
        "Conflict Wire",
        "https://example.org/aleppo",
    )
    assert first.published == dt.date(2015, 5, 21)
    assert first.format == "rss"
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2"]
    assert docs[1].published is None


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "depeches.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "Des combats ont opposé les rebelles à l'armée à Alep."
    assert (doc.title, doc.source, doc.url) == (
        "Combats à Alep",
        "Dépêches",
        "https://example.org/alep",
    )
    assert (doc.published, doc.language, doc.format) == (dt.date(2015, 6, 1), "fr", "atom")


def test_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</ti', "utf-8")
    with pytest.raises(InputError) as info:
        read(path)
    assert str(info.value).startswith(f"cannot read {path}: malformed XML feed: ")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?>\n<config><item>1</item></config>\n', "utf-8")
    with pytest.raises(InputError, match=re.escape(f"cannot read {path}: not an RSS or Atom feed")):
        read(path)


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "utf-8")
    with pytest.raises(InputError, match="feed has no entries"):
        read(path)
