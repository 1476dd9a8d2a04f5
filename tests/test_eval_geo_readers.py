"""Tests for the geoparsing gold readers and offset re-alignment (warwire.evaluate.geo_readers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.errors import InputError
from warwire.evaluate.geo_align import Alignment, align_span
from warwire.evaluate.geo_readers import GWN_TOPONYM_TYPES, load_geo_corpus, read_geo_corpus

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Floods hit Dunmore. Later, Ebbsworth & Dunmore county.]]></text>
    <toponyms count="3">
      <toponym><start>11</start><end>18</end><phrase>Dunmore</phrase>
        <gaztag geonameid="123"><name>Dunmore</name><lat>10.5</lat><lon>-20.25</lon></gaztag>
      </toponym>
      <toponym><start>27</start><end>36</end><phrase>Ebbsworth</phrase></toponym>
      <toponym><start>45</start><end>52</end><phrase>Dunmore</phrase>
        <gaztag geonameid="123"><lat>10.5</lat><lon>-20.25</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS = """<articles>
    <article>
        <source>https://en.wikinews.org/wiki/Example</source>
        <text>Cases rose in Vellmar and Oskton.</text>
        <locations>
            <location>
                <name>Vellmar</name><start>15</start><end>22</end>
                <lat>51.35</lat><lon>9.47</lon><page>https://en.wikipedia.org/wiki/Vellmar</page>
            </location>
            <location>
                <name>Oskton</name><start>27</start><end>33</end>
                <lat>1.0</lat><lon>2.0</lon><page>x</page>
            </location>
        </locations>
    </article>
</articles>
"""

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="3">
    <title>t</title><link>l</link>
    <text>Russian troops left the city of Afrin for Kurdish Workers Party land.</text>
    <toponyms>
      <toponym><extractedName>Russian</extractedName><type>Demonym</type>
        <start>0</start><end>7</end><geonamesID /></toponym>
      <toponym><extractedName>city</extractedName><type>Literal_Expression</type>
        <start>24</start><end>28</end></toponym>
      <toponym><extractedName>Afrin</extractedName><type>Literal</type>
        <start>32</start><end>37</end><geonamesID>170</geonamesID>
        <latitude>36.5</latitude><longitude>36.8</longitude></toponym>
      <toponym><extractedName>Kurdish Workers Party</extractedName><type>Non_Toponym</type>
        <start>42</start><end>63</end></toponym>
      <toponym><extractedName>Kurdish</extractedName><type>Embedded_Non_Lit</type>
        <start>42</start><end>49</end><latitude>37.0</latitude><longitude>44.0</longitude>
      </toponym>
      <toponym><extractedName>American</extractedName><type>Demonym</type>
        <start>-139</start><end>-131</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_lgl_reads_offsets_coordinates_and_date(tmp_path: Path) -> None:
    corpus = load_geo_corpus(_write(tmp_path, "lgl.xml", LGL))
    assert corpus.format == "lgl"
    (doc,) = corpus.docs
    assert doc.doc_id == "7"
    assert doc.published == date(2009, 3, 20)
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Dunmore", "Ebbsworth", "Dunmore"]
    first, second, _ = doc.toponyms
    assert (first.lat, first.lon, first.geonames_id) == (10.5, -20.25, 123)
    assert second.lat is None and not second.has_point


def test_lgl_misaligned_offset_is_realigned(tmp_path: Path) -> None:
    # "Dunmore" at 45 is really at 39; the span is moved to the nearest occurrence
    corpus = load_geo_corpus(_write(tmp_path, "lgl.xml", LGL))
    assert corpus.realigned == 1 and corpus.dropped == 0
    last = corpus.docs[0].toponyms[-1]
    assert (last.start, last.end, last.phrase) == (39, 46, "Dunmore")


def test_geovirus_offsets_are_one_based(tmp_path: Path) -> None:
    corpus = load_geo_corpus(_write(tmp_path, "GeoVirus.xml", GEOVIRUS))
    assert corpus.format == "geovirus"
    assert corpus.realigned == 0 and corpus.dropped == 0
    (doc,) = corpus.docs
    assert doc.doc_id == "https://en.wikinews.org/wiki/Example"
    assert [(t.start, t.phrase) for t in doc.toponyms] == [(14, "Vellmar"), (26, "Oskton")]
    assert all(doc.text[t.start : t.end] == t.phrase for t in doc.toponyms)


def test_geovirus_reads_locations_nested_in_an_unclosed_location(tmp_path: Path) -> None:
    nested = GEOVIRUS.replace(
        "<page>https://en.wikipedia.org/wiki/Vellmar</page>\n            </location>",
        "<page>https://en.wikipedia.org/wiki/Vellmar</page>",
    ).replace("</locations>", "</location></locations>")
    (doc,) = read_geo_corpus(_write(tmp_path, "GeoVirus.xml", nested))
    assert [t.phrase for t in doc.toponyms] == ["Vellmar", "Oskton"]


def test_geowebnews_keeps_literal_and_associative_types(tmp_path: Path) -> None:
    corpus = load_geo_corpus(_write(tmp_path, "GWN.xml", GWN))
    assert corpus.format == "geowebnews"
    (doc,) = corpus.docs
    assert doc.doc_id == "3"
    assert [(t.phrase, t.kind) for t in doc.toponyms] == [
        ("Russian", "Demonym"),
        ("Afrin", "Literal"),
        ("Kurdish", "Embedded_Non_Lit"),
    ]
    assert doc.toponyms[1].geonames_id == 170
    assert not doc.toponyms[0].has_point
    assert corpus.dropped == 1  # the negative offsets


def test_geowebnews_type_set() -> None:
    assert "Demonym" in GWN_TOPONYM_TYPES and "Metonymic" in GWN_TOPONYM_TYPES
    for kind in ("Homonym", "Non_Toponym", "Literal_Expression", "Non_Lit_Expression"):
        assert kind not in GWN_TOPONYM_TYPES


def test_gwn_geocoding_lines_index_the_files_beside_them(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "0").write_text("Troops in Afrin and Syria.", encoding="utf-8")
    (tmp_path / "files" / "1").write_text("Nothing here.", encoding="utf-8")
    gold = "Afrin District,,Afrin,,36.5,,36.8,,10,,15||Syria,,Syria,,35.0,,38.0,,20,,25||\n\n"
    corpus = load_geo_corpus(_write(tmp_path, "gwn_full.txt", gold))
    assert corpus.format == "gwn-geocoding"
    assert [d.doc_id for d in corpus.docs] == ["0", "1"]
    assert [t.phrase for t in corpus.docs[0].toponyms] == ["Afrin", "Syria"]
    assert corpus.docs[1].toponyms == ()


@pytest.mark.parametrize(
    "content",
    ["<articles><article><text>x</text></article></articles>", "<articles><oops>", "<other/>"],
)
def test_unknown_or_broken_files_raise_input_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_geo_corpus(_write(tmp_path, "bad.xml", content))


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.xml"):
        load_geo_corpus(tmp_path / "missing.xml")


def test_align_span_prefers_the_nearest_occurrence() -> None:
    text = "Paris, then Lyon, then Paris again"
    assert align_span(text, 0, 5, "Paris") == (Alignment.EXACT, 0, 5)
    assert align_span(text, 20, 25, "Paris") == (Alignment.REALIGNED, 23, 28)
    assert align_span(text, 2, 7, "Paris") == (Alignment.REALIGNED, 0, 5)


def test_align_span_widens_then_drops() -> None:
    text = "x" * 300 + "Lyon"
    assert align_span(text, 0, 4, "Lyon") == (Alignment.REALIGNED, 300, 304)
    assert align_span(text, 0, 4, "Lyon", windows=(50,))[0] is Alignment.DROPPED
    assert align_span(text, -5, -1, "Lyon")[0] is Alignment.DROPPED


@given(
    prefix=st.text(alphabet="ab ", max_size=80),
    suffix=st.text(alphabet="ab ", max_size=80),
    shift=st.integers(min_value=-50, max_value=50),
)
def test_align_span_always_lands_on_the_phrase(prefix: str, suffix: str, shift: int) -> None:
    text = prefix + "Lyon" + suffix
    start = max(0, len(prefix) + shift)
    how, s, e = align_span(text, start, start + 4, "Lyon")
    assert how is not Alignment.DROPPED
    assert text[s:e] == "Lyon"
