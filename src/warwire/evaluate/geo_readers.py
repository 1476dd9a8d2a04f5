"""Read geoparsing gold corpora into :class:`~warwire.evaluate.geo_types.GoldDoc` records.

Formats, detected from the file's content (``../shared/data/geo/``, see its README):

- **LGL and TR-News** (``lgl.xml``, ``TR-News.xml``): ``<article docid>`` with ``<dltime>``,
  ``<text>`` and ``<toponyms>/<toponym>`` holding ``<start>/<end>`` (0-based, end-exclusive),
  ``<phrase>`` and an optional ``<gaztag geonameid>`` with ``<lat>/<lon>``. Toponyms without a
  gaztag are gold for recognition only. ``dltime`` gives the publication date.
- **GeoVirus** (``GeoVirus.xml``): ``<article>`` with ``<source>`` (Wikinews URL), ``<text>`` and
  ``<locations>/<location>`` holding ``<name>``, **1-based** ``<start>/<end>`` (the span is
  ``text[start-1:end-1]``), ``<lat>/<lon>`` and a Wikipedia ``<page>``; no GeoNames ids. One
  ``<location>`` in the file is left unclosed, so three others nest inside it: every
  ``<location>`` with a ``<start>`` is read, wherever it sits in the article.
- **GeoWebNews** (``GWN.xml``): ``<article file>`` with ``<text>`` and ``<toponyms>/<toponym>``
  holding ``<extractedName>``, ``<type>``, ``<start>/<end>`` (0-based), optional ``<geonamesID>``
  and ``<latitude>/<longitude>``. All 6,612 typed spans of the BRAT files are there; 2,601
  carry coordinates. The BRAT files (``brat/N.txt``) are not read: their text has a
  ``TITLE: ... LINK: ...`` header line, so their offsets differ from the XML's.
- **GeoWebNews geocoding** (``geocoding/gwn_full.txt``): line k lists the geocoded toponyms of
  the raw text ``geocoding/files/k`` as ``name,,surface,,lat,,lon,,start,,end`` joined by
  ``||``; 2,401 toponyms, all with coordinates. This is the set the GeoWebNews paper scores
  geocoding on; only those spans are gold, so recognition figures on it mean little.

**Which GeoWebNews spans are toponyms.** Gritta, Pilehvar and Collier (2019), "A Pragmatic
Guide to Geoparsing Evaluation" (LREV 54:683-712), split toponyms into *literal* (Literal,
Mixed, Coercion, Literal_Modifier, Embedded_Literal) and *associative* (Metonymic,
Non_Literal_Modifier, Demonym, Language, Embedded_Non_Lit) types, and recommend geotagging on
literal plus associative toponyms. The remaining BRAT types are not toponyms: Homonym (a place
name used for something else, such as a person), Non_Toponym (the enclosing name of an embedded
toponym, e.g. an organisation), and Literal_Expression / Non_Lit_Expression (common nouns such
as "city" or "citizens", marked to augment training data). :data:`GWN_TOPONYM_TYPES` is that
literal-plus-associative set; the other spans are left out of the gold entirely, so demonyms
such as "Russian" are toponyms (of their country, with its coordinates) and "city" is not.

Offsets that do not index their phrase are re-aligned by :func:`warwire.evaluate.geo_align
.align_span` and counted; spans whose phrase is not found nearby are dropped and counted.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from warwire.errors import InputError
from warwire.evaluate.geo_align import Alignment, align_span
from warwire.evaluate.geo_types import GeoCorpus, GoldDoc, GoldToponym

LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Literal_Modifier", "Embedded_Literal"})
ASSOCIATIVE_TYPES = frozenset(
    {"Metonymic", "Non_Literal_Modifier", "Demonym", "Language", "Embedded_Non_Lit"}
)
GWN_TOPONYM_TYPES = LITERAL_TYPES | ASSOCIATIVE_TYPES

_RawSpan = tuple[int, int, str, float | None, float | None, int | None, str | None]


def read_geo_corpus(path: Path) -> list[GoldDoc]:
    """Read a gold geoparsing corpus in any supported format (see the module docstring)."""
    return list(load_geo_corpus(path).docs)


def load_geo_corpus(path: Path) -> GeoCorpus:
    """Read a corpus and say what it took: its format and how many offsets were repaired."""
    path = Path(path)
    try:
        head = path.read_bytes()[:4096].lstrip()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot open the file") from exc
    try:
        if not head.startswith(b"<"):
            return _read_gwn_geocoding(path)
        return _read_xml(path)
    except ValueError as exc:  # a malformed offset or coordinate
        raise InputError(str(path), str(exc)) from exc


def _read_xml(path: Path) -> GeoCorpus:
    """Detect which of the XML formats ``path`` is in and read it."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed XML ({exc})") from exc
    articles = root.findall("article")
    if root.tag != "articles" or not articles:
        raise InputError(str(path), "not a geoparsing corpus (expected <articles><article>)")
    if any(a.find("locations") is not None for a in articles):
        return _build(path, "geovirus", [_geovirus_doc(i, a) for i, a in enumerate(articles)])
    if root.find("article/toponyms/toponym/extractedName") is not None:
        return _build(path, "geowebnews", [_gwn_doc(i, a) for i, a in enumerate(articles)])
    if root.find("article/toponyms/toponym/phrase") is not None:
        return _build(path, "lgl", [_lgl_doc(i, a) for i, a in enumerate(articles)])
    raise InputError(
        str(path), "unknown corpus format (expected LGL, TR-News, GeoVirus or GeoWebNews XML)"
    )


def _build(
    path: Path,
    fmt: str,
    raw: list[tuple[str, str, date | None, list[_RawSpan]]],
) -> GeoCorpus:
    """Align every raw span against its text and assemble the corpus."""
    docs: list[GoldDoc] = []
    realigned = dropped = 0
    for doc_id, text, published, spans in raw:
        kept: dict[tuple[int, int], GoldToponym] = {}
        for start, end, phrase, lat, lon, gid, kind in spans:
            how, start, end = align_span(text, start, end, phrase)
            if how is Alignment.DROPPED:
                dropped += 1
                continue
            realigned += how is Alignment.REALIGNED
            toponym = GoldToponym(start, end, text[start:end], lat, lon, gid, kind)
            previous = kept.get((start, end))
            if previous is None or (toponym.has_point and not previous.has_point):
                kept[(start, end)] = toponym
        ordered = tuple(sorted(kept.values(), key=lambda t: (t.start, t.end)))
        docs.append(GoldDoc(doc_id, text, ordered, published))
    return GeoCorpus(str(path), fmt, tuple(docs), realigned, dropped)


def _lgl_doc(index: int, article: ET.Element) -> tuple[str, str, date | None, list[_RawSpan]]:
    """An LGL or TR-News article."""
    spans: list[_RawSpan] = []
    for toponym in article.iterfind("toponyms/toponym"):
        gaztag = toponym.find("gaztag")
        lat = lon = None
        gid = None
        if gaztag is not None:
            lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
            gid = _int(gaztag.get("geonameid"))
        spans.append(
            (
                _int_required(toponym.findtext("start")),
                _int_required(toponym.findtext("end")),
                toponym.findtext("phrase") or "",
                lat,
                lon,
                gid,
                None,
            )
        )
    doc_id = article.get("docid") or str(index)
    return doc_id, article.findtext("text") or "", _date(article.findtext("dltime")), spans


def _geovirus_doc(index: int, article: ET.Element) -> tuple[str, str, date | None, list[_RawSpan]]:
    """A GeoVirus article; its offsets count from 1."""
    spans: list[_RawSpan] = [
        (
            _int_required(loc.findtext("start")) - 1,
            _int_required(loc.findtext("end")) - 1,
            loc.findtext("name") or "",
            _float(loc.findtext("lat")),
            _float(loc.findtext("lon")),
            None,
            None,
        )
        for loc in article.iter("location")
        if loc.find("start") is not None
    ]
    doc_id = (article.findtext("source") or "").strip() or str(index)
    return doc_id, article.findtext("text") or "", None, spans


def _gwn_doc(index: int, article: ET.Element) -> tuple[str, str, date | None, list[_RawSpan]]:
    """A GeoWebNews article, keeping only the toponym types of :data:`GWN_TOPONYM_TYPES`."""
    spans: list[_RawSpan] = []
    for toponym in article.iterfind("toponyms/toponym"):
        kind = (toponym.findtext("type") or "").strip()
        if kind not in GWN_TOPONYM_TYPES:
            continue
        spans.append(
            (
                _int_required(toponym.findtext("start")),
                _int_required(toponym.findtext("end")),
                toponym.findtext("extractedName") or "",
                _float(toponym.findtext("latitude")),
                _float(toponym.findtext("longitude")),
                _int(toponym.findtext("geonamesID")),
                kind,
            )
        )
    doc_id = article.get("file") or str(index)
    return doc_id, article.findtext("text") or "", None, spans


def _read_gwn_geocoding(path: Path) -> GeoCorpus:
    """``gwn_full.txt``: line k holds the geocoded toponyms of ``files/k`` beside it."""
    files = path.parent / "files"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read it as UTF-8 text ({exc})") from exc
    raw: list[tuple[str, str, date | None, list[_RawSpan]]] = []
    for k, line in enumerate(lines):
        text_path = files / str(k)
        if not line.strip() and not text_path.exists():
            continue
        if line.strip() and ",," not in line:
            raise InputError(str(path), f"line {k + 1} is not name,,surface,,lat,,lon,,start,,end")
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(
                str(text_path), "the text of this gwn_full.txt line is missing"
            ) from exc
        spans: list[_RawSpan] = []
        for entry in line.split("||"):
            if not entry.strip():
                continue
            fields = entry.split(",,")
            if len(fields) != 6:
                raise InputError(str(path), f"line {k + 1}: bad entry {entry[:60]!r}")
            _name, surface, lat, lon, start, end = fields
            spans.append((int(start), int(end), surface, _float(lat), _float(lon), None, None))
        raw.append((str(k), text, None, spans))
    return _build(path, "gwn-geocoding", raw)


def _float(value: str | None) -> float | None:
    """A float from optional element text; None when missing or empty."""
    if value is None or not value.strip():
        return None
    return float(value)


def _int(value: str | None) -> int | None:
    """An int from optional element text; None when missing, empty or not a number."""
    if value is None or not value.strip().isdigit():
        return None
    return int(value)


def _int_required(value: str | None) -> int:
    """An offset; a missing one is a malformed corpus."""
    if value is None or not value.strip().lstrip("-").isdigit():
        raise ValueError(f"bad offset {value!r}")
    return int(value)


def _date(value: str | None) -> date | None:
    """The date at the start of a ``dltime`` such as ``2009-03-20 12:24:52.002364-05``."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
