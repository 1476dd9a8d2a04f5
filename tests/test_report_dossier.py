"""warwire.report: dossier as JSON (validated by docs/dossier.schema.json), Markdown and HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from report_fixtures import (
    AP,
    ASSESSMENTS,
    EVENTS,
    FALLUJA,
    HOSTILE,
    HOSTILE_SOURCE,
    REUTERS,
    dossier,
    event,
)
from warwire.report import dossier_to_dict, dossier_to_html, dossier_to_markdown
from warwire.report.common import date_interval, format_value, midpoint
from warwire.report.dossier_model import Subject, ValueSupport
from warwire.report.svg import map_svg, timeline_svg

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "dossier.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def all_quotes() -> set[str]:
    quotes = {s.quote for e in EVENTS for s in e.sources}
    return quotes | {s.quote for a in ASSESSMENTS for v in a.values for s in v.sources}


# --- JSON -----------------------------------------------------------------------------------


def test_json_validates_against_schema(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(json.dumps(dossier_to_dict(dossier())))
    validator.validate(data)
    assert {"subject", "assessments", "events", "actors", "places", "documents"} <= set(data)
    assert set(data["subject"]) >= {
        "name",
        "kind",
        "aliases",
        "geonames_id",
        "lat",
        "lon",
        "country_code",
        "actor_type",
    }
    source = data["assessments"][0]["values"][0]["sources"][0]
    assert set(source) >= {"doc_id", "title", "source", "published", "quote", "start", "end"}
    first = data["events"][0]
    assert [s["doc_id"] for s in first["sources"]] == [REUTERS.doc_id, AP.doc_id]
    assert first["location"]["geonames_id"] == FALLUJA.geonames_id


def test_json_empty_dossier_validates(validator: jsonschema.Draft202012Validator) -> None:
    empty = dossier(assessments=(), events=(), actors=(), places=(), documents=(), summary=None)
    validator.validate(dossier_to_dict(empty))


def test_schema_rejects_undocumented_keys(validator: jsonschema.Draft202012Validator) -> None:
    data = dossier_to_dict(dossier())
    data["events"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)
    data = dossier_to_dict(dossier())
    del data["subject"]["geonames_id"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_contradictions_come_first() -> None:
    md = dossier_to_markdown(dossier())
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads[:3] == ["## Summary", "## Contradictions", "## Corroborated"]
    assert heads.index("## Single source") < heads.index("## Events")
    assert "seized in January 2014 and held since August 2014 cannot both hold" in md


def test_markdown_no_contradictions_says_so() -> None:
    plain = tuple(a for a in ASSESSMENTS if a.status != "contradicted")
    md = dossier_to_markdown(dossier(assessments=plain))
    assert "## Contradictions\n\nNo contradictions among the sources." in md


def test_markdown_every_statement_has_a_footnote() -> None:
    md = dossier_to_markdown(dossier())
    body, _, _ = md.partition("\n[^1]: ")
    definitions = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, flags=re.M))
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    assert cited == set(definitions)
    assert len(definitions) == len({(q.doc_id, q.start) for q in (REUTERS, AP, HOSTILE_SOURCE)})
    # each footnote: the quote, the outlet, the date and the document id
    reuters = next(text for text in definitions.values() if "Militants seized" in text)
    assert "Reuters" in reuters and "2014-01-04" in reuters and REUTERS.doc_id[:12] in reuters
    # every event row and every assessed value cites something
    for line in body.splitlines():
        if line.startswith("| 20") or line.startswith("| undated") or line.startswith("- "):
            if line.startswith("- ") and "doc " in line:
                continue  # the document list
            if line.startswith("- ") and ":" in line and "[^" not in line:
                continue  # event notes
            assert "[^" in line, line


def test_markdown_escapes_hostile_text() -> None:
    md = dossier_to_markdown(dossier())
    assert not re.search(r"(?<!\\)[<>]", md)  # no raw HTML
    assert "\\<script\\>" in md
    assert not re.search(r"(?<!\\)\]\(", md)  # no live link
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (6, 8, 9), line  # actors, events, places: no extra cells


def test_markdown_events_timeline_in_date_order() -> None:
    md = dossier_to_markdown(dossier())
    rows = [line for line in md.splitlines() if line.startswith("| 20") or "| undated" in line]
    assert [r.split(" | ")[0] for r in rows] == [
        "| 2013 (year)",
        "| 2014-06 (month)",
        "| 2014-06-12",
        "| 2014-W30 (week)",
        "| undated",
    ]


# --- HTML -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_html_is_self_contained() -> None:
    html = dossier_to_html(dossier())
    tags = parse(html)
    names = {t for t, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "image", "use"}
    for _, attrs in tags:
        for key in ("href", "src", "xlink:href", "action", "srcset", "poster"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith("#"), (key, value)
        assert not any(k.startswith("on") for k in attrs)
    assert "url(" not in html and "@import" not in html
    # the reports' URLs appear as text only; nothing else points off the page
    text = html
    for ref in (REUTERS, AP):
        assert ref.url is not None
        assert f'<span class="url">{ref.url}</span>' in text
        text = text.replace(ref.url, "")
    assert "http:" not in text and "https:" not in text and "//" not in text.replace("://", "")


def test_html_links_resolve_within_the_page() -> None:
    tags = parse(dossier_to_html(dossier()))
    ids = [attrs["id"] for _, attrs in tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = {attrs["href"] for _, attrs in tags if attrs.get("href")}
    assert {t[1:] for t in targets if t} <= set(ids)


def test_html_escapes_hostile_strings() -> None:
    html = dossier_to_html(dossier())
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "javascript:" not in [a.get("href") for _, a in parse(html)]


def test_html_sections_and_order() -> None:
    html = dossier_to_html(dossier())
    order = [
        html.index('id="summary"'),
        html.index('id="contradictions"'),
        html.index('id="assessments"'),
        html.index('id="map"'),
        html.index('id="timeline"'),
        html.index('id="events"'),
        html.index('id="actors"'),
        html.index('id="footnotes"'),
    ]
    assert order == sorted(order)
    contradictions = html[order[1] : order[2]]
    assert "control_since" in contradictions and "cannot both hold" in contradictions
    assert '<svg class="map"' in html and '<svg class="timeline"' in html
    assert "Islamic State" in html[order[6] : order[7]]


def test_html_every_statement_footnoted_with_quote_outlet_date() -> None:
    html = dossier_to_html(dossier())
    tags = parse(html)
    cites = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#fn-")]
    notes = [a["id"] for t, a in tags if t == "li" and (a.get("id") or "").startswith("fn-")]
    assert {c[1:] for c in cites if c} == set(notes)
    citations = sum(len(v.sources) for a in ASSESSMENTS for v in a.values)
    assert len(cites) == citations + sum(len(e.sources) for e in EVENTS)
    footnotes = html[html.index('id="footnotes"') :]
    for quote in all_quotes():
        if "<" not in quote:
            assert quote in footnotes
    assert "Reuters" in footnotes and "2014-01-04" in footnotes and REUTERS.doc_id[:12] in footnotes
    # back links from each footnote to every place it is cited
    backs = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#cite-")]
    assert len(backs) == len(cites)


def test_html_map_points_and_graticule() -> None:
    svg = map_svg(dossier().places, EVENTS)
    assert svg.count('class="place"') == 3  # the unlocated place is left out
    assert svg.count('class="grid"') >= 4
    assert "°N" in svg and "°E" in svg
    sizes = [float(r) for r in re.findall(r'class="place" cx="[^"]+" cy="[^"]+" r="([^"]+)"', svg)]
    assert sizes == sorted(sizes, reverse=True)  # most mentioned drawn first, biggest


def test_map_without_coordinates_is_empty() -> None:
    assert map_svg([], [event("x", location=None)]) == ""
    actor = Subject("Somebody", "actor", (), None, None, None, None, 2)
    html = dossier_to_html(dossier(places=(), events=(), subject=actor))
    assert "No place in this dossier has coordinates." in html


def test_timeline_bar_width_follows_precision() -> None:
    events = [
        event("d", date="2014-06-12", precision="day"),
        event("w", date="2014-W24", precision="week"),
        event("m", date="2014-06", precision="month"),
        event("y", date="2014", precision="year"),
    ]
    svg = timeline_svg(events)
    widths = {
        ident: float(w)
        for ident, w in re.findall(
            r'href="#event-(\w)"><rect class="bar" x="[^"]+" y="\d+" width="([^"]+)"', svg
        )
    }
    assert widths["d"] < widths["w"] < widths["m"] < widths["y"]
    assert timeline_svg([event("u", date=None)]) == ""


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "start", "end"),
    [
        ("2014", None, "2014-01-01", "2015-01-01"),
        ("2014-06", "month", "2014-06-01", "2014-07-01"),
        ("2014-12", None, "2014-12-01", "2015-01-01"),
        ("2014-06-12", "day", "2014-06-12", "2014-06-13"),
        ("2014-06-12", "week", "2014-06-12", "2014-06-19"),
        ("2014-W24", "week", "2014-06-09", "2014-06-16"),
        ("2014-Q2", None, "2014-04-01", "2014-07-01"),
        ("2014-WI", None, "2014-12-01", "2015-03-01"),
    ],
)
def test_date_interval(value: str, precision: str | None, start: str, end: str) -> None:
    span = date_interval(value, precision)
    assert span is not None
    assert (span[0].isoformat(), span[1].isoformat()) == (start, end)


def test_date_interval_unreadable() -> None:
    assert date_interval("PRESENT_REF") is None
    assert date_interval("2014-13") is None
    assert date_interval(None) is None


def test_midpoint_follows_acled() -> None:
    assert str(midpoint("2014-06", "month")) == "2014-06-15"
    assert str(midpoint("2014-06-12", "day")) == "2014-06-12"
    assert str(midpoint("2014-W24", "week")) == "2014-06-12"


@pytest.mark.parametrize(
    ("support", "text"),
    [
        (ValueSupport(300000, "people", "approx", ()), "about 300,000 people"),
        (ValueSupport("2000", None, "lower", ()), "over 2,000"),
        (ValueSupport(12.5, "km", "upper", ()), "under 12.5 km"),
        (ValueSupport("2014-06", None, "exact", (), precision="month"), "2014-06 (month)"),
        (ValueSupport({"id": "x", "name": "Islamic State"}, None, "exact", ()), "Islamic State"),
    ],
)
def test_format_value(support: ValueSupport, text: str) -> None:
    assert format_value(support) == text


def test_renderers_are_deterministic() -> None:
    assert dossier_to_html(dossier()) == dossier_to_html(dossier())
    assert dossier_to_markdown(dossier()) == dossier_to_markdown(dossier())


def test_hostile_summary_escaped_everywhere() -> None:
    d = dossier()
    assert json.loads(json.dumps(dossier_to_dict(d)))["summary"].endswith(HOSTILE)  # data kept
    assert HOSTILE not in dossier_to_html(d)
    assert HOSTILE not in dossier_to_markdown(d)
