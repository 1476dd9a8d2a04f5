"""A dossier as one self-contained HTML page that works offline.

The page has inline CSS and inline SVG only: no script, no stylesheet, image or font to fetch,
and no link other than in-page anchors. Report URLs are shown as text, never linked. Order:
summary, contradictions (always first among the assessments, with their reason), corroborated
and single-source assessments, a map of the related places and events, a timeline, the events,
actors, places and documents, then one footnote per statement with its quote, outlet, date and
document id. Every statement links to its footnote and each footnote back to where it is cited.
Every piece of text is escaped with ``html.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from warwire.report.common import (
    Footnotes,
    actor_type_label,
    by_status,
    fatalities_text,
    format_value,
    outlet,
    status_title,
    subject_facts,
    summary_sentences,
    timeline_order,
)
from warwire.report.dossier_model import ActorRef, AssessmentView, Dossier, SourceRef
from warwire.report.svg import anchor, map_svg, timeline_svg

__all__ = ["dossier_to_html"]

_CSS = """
:root { --ink: #1c2833; --muted: #5d6d7e; --line: #d5dbdb; --warn: #922b21; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0 auto;
  max-width: 60rem; padding: 1.5rem; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); margin-top: 2rem; }
h3 { margin-bottom: .3rem; }
.facts, .muted, .generated { color: var(--muted); }
nav a { margin-right: .8rem; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .4rem; text-align: left;
  vertical-align: top; }
td.num, th.num { text-align: right; }
.assessment { margin: .6rem 0 1rem; }
.status-contradicted { border-left: 4px solid var(--warn); padding-left: .8rem; }
.reason { color: var(--warn); }
sup.fn a { text-decoration: none; padding: 0 .1rem; }
ol.footnotes li { margin-bottom: .4rem; }
ol.footnotes li:target, tr:target { background: #fcf3cf; }
.quote { font-style: italic; }
.url { font-family: monospace; font-size: 12px; word-break: break-all; color: var(--muted); }
svg { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
svg .sea { fill: #f4f6f7; stroke: #aab7b8; }
svg .grid { stroke: #d5dbdb; stroke-width: .6; }
svg .glabel { font: 10px sans-serif; fill: #7f8c8d; }
svg .gx { text-anchor: middle; } svg .gy { text-anchor: end; dominant-baseline: middle; }
svg .place { fill: #2e86c1; fill-opacity: .55; stroke: #1b4f72; }
svg .event { fill: #c0392b; fill-opacity: .8; stroke: #fff; }
svg .subject { fill: none; stroke: #922b21; stroke-width: 2; stroke-dasharray: 4 3; }
svg .plabel { font: 11px sans-serif; fill: #1c2833; }
svg .legend { font: 11px sans-serif; fill: #1c2833; }
svg .axis, svg .tick { stroke: #aab7b8; stroke-width: .6; }
@media print { nav { display: none; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


class _Citer:
    """Turns sources into footnote links, remembering each citation's anchor."""

    def __init__(self) -> None:
        self.notes = Footnotes()

    def __call__(self, refs: Iterable[SourceRef]) -> str:
        links = []
        for ref in refs:
            number, seen = self.notes.cite(ref)
            title = _e(f"{outlet(ref)}, {ref.published or 'undated'}")
            links.append(
                f'<sup class="fn"><a href="#fn-{number}" id="cite-{number}-{seen}"'
                f' title="{title}">{number}</a></sup>'
            )
        return "".join(links)


def _actor_cell(actor: ActorRef | None, known: set[str]) -> str:
    if actor is None:
        return ""
    if actor.id in known:
        return f'<a href="#{anchor("actor", actor.id)}">{_e(actor.name)}</a>'
    return _e(actor.name)


def dossier_to_html(d: Dossier) -> str:
    """The dossier as one HTML5 document, self-contained and safe to open offline."""
    cite = _Citer()
    s = d.subject
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Dossier: {_e(s.name)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(s.name)}</h1>",
        f'<p class="facts">{_e(" · ".join(subject_facts(d)))}</p>',
        "</header>",
        '<nav><a href="#summary">Summary</a><a href="#contradictions">Contradictions</a>'
        '<a href="#assessments">Assessments</a><a href="#map">Map</a>'
        '<a href="#timeline">Timeline</a><a href="#events">Events</a>'
        '<a href="#actors">Actors</a><a href="#places">Places</a>'
        '<a href="#documents">Documents</a><a href="#footnotes">Sources</a></nav>',
        '<section id="summary">',
        "<h2>Summary</h2>",
    ]
    if d.summary:
        out.append(f"<p>{_e(d.summary)}</p>")
    out.append(f"<p>{_e(' '.join(summary_sentences(d)))}</p>")
    out.append("</section>")

    groups = dict(by_status(d.assessments))
    out += ['<section id="contradictions">', "<h2>Contradictions</h2>"]
    if "contradicted" in groups:
        out += _assessments(groups.pop("contradicted"), cite, level=3)
    else:
        out.append('<p class="muted">No contradictions among the sources.</p>')
    out += ["</section>", '<section id="assessments">', "<h2>Assessments</h2>"]
    if not groups:
        out.append('<p class="muted">No other assessed attributes.</p>')
    for status, items in groups.items():
        out.append(f"<h3>{_e(status_title(status))}</h3>")
        out += _assessments(items, cite, level=4)
    out.append("</section>")

    place_ids = {p.id for p in d.places}
    actor_ids = {a.id for a in d.actors}
    drawing = map_svg(d.places, d.events, subject=s)
    out += ['<section id="map">', "<h2>Map</h2>"]
    out.append(drawing or '<p class="muted">No place in this dossier has coordinates.</p>')
    unmapped = [p.name for p in d.places if p.lat is None or p.lon is None]
    if unmapped:
        out.append(f'<p class="muted">Not on the map: {_e(", ".join(unmapped))}.</p>')
    out.append("</section>")

    drawing = timeline_svg(d.events)
    out += ['<section id="timeline">', "<h2>Timeline</h2>"]
    if drawing:
        out.append(
            '<p class="muted">One bar per event, as wide as its date is precise (a day, a'
            " week, a month, a year); paler bars are vaguer dates.</p>"
        )
    out.append(drawing or '<p class="muted">No dated events.</p>')
    out.append("</section>")

    out += ['<section id="events">', "<h2>Events</h2>"]
    if d.events:
        out.append(
            "<table><thead><tr><th>Date</th><th>Event</th><th>Place</th><th>Actors</th>"
            '<th class="num">Fatalities</th><th>Notes</th><th>Sources</th></tr></thead><tbody>'
        )
        for e in timeline_order(d.events):
            date = _e(e.date or "undated")
            if e.date and e.date_precision and e.date_precision != "day":
                date += f' <span class="muted">({_e(e.date_precision)})</span>'
            place = ""
            if e.location is not None:
                place = _e(e.location.name)
                if e.location.id in place_ids:
                    place = f'<a href="#{anchor("place", e.location.id)}">{place}</a>'
            actors = " vs ".join(
                c for c in (_actor_cell(e.actor1, actor_ids), _actor_cell(e.actor2, actor_ids)) if c
            )
            out.append(
                f'<tr id="{anchor("event", e.id)}"><td>{date}</td>'
                f"<td>{_e(e.event_type)}: {_e(e.sub_event_type)}</td><td>{place}</td>"
                f'<td>{actors}</td><td class="num">{_e(fatalities_text(e))}</td>'
                f"<td>{_e(e.notes)}</td><td>{cite(e.sources)}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No events.</p>')
    out.append("</section>")

    out += ['<section id="actors">', "<h2>Actors</h2>"]
    if d.actors:
        out.append(
            "<table><thead><tr><th>Actor</th><th>Also known as</th><th>Type</th>"
            '<th>Country</th><th class="num">Mentions</th></tr></thead><tbody>'
        )
        for a in d.actors:
            out.append(
                f'<tr id="{anchor("actor", a.id)}"><td>{_e(a.name)}</td>'
                f"<td>{_e(', '.join(a.aliases))}</td><td>{_e(actor_type_label(a.actor_type))}</td>"
                f'<td>{_e(a.country_code or "")}</td><td class="num">{a.mentions}</td></tr>'
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No actors.</p>')
    out.append("</section>")

    out += ['<section id="places">', "<h2>Places</h2>"]
    if d.places:
        out.append(
            "<table><thead><tr><th>Place</th><th>Country</th><th>Admin1</th>"
            '<th class="num">Lat</th><th class="num">Lon</th><th class="num">GeoNames</th>'
            '<th class="num">Mentions</th></tr></thead><tbody>'
        )
        for p in d.places:
            lat = "" if p.lat is None else f"{p.lat:.4f}"
            lon = "" if p.lon is None else f"{p.lon:.4f}"
            geonames = "" if p.geonames_id is None else str(p.geonames_id)
            out.append(
                f'<tr id="{anchor("place", p.id)}"><td>{_e(p.name)}</td>'
                f"<td>{_e(p.country_code or '')}</td><td>{_e(p.admin1 or '')}</td>"
                f'<td class="num">{lat}</td><td class="num">{lon}</td>'
                f'<td class="num">{geonames}</td><td class="num">{p.mentions}</td></tr>'
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No places.</p>')
    out.append("</section>")

    out += ['<section id="documents">', "<h2>Documents</h2>"]
    if d.documents:
        out.append("<ul>")
        for doc in d.documents:
            title = f"<em>{_e(doc.title)}</em>, " if doc.title else ""
            url = f' <span class="url">{_e(doc.url)}</span>' if doc.url else ""
            out.append(
                f'<li id="{anchor("doc", doc.doc_id)}">{title}{_e(doc.source or "unknown outlet")}'
                f", {_e(doc.published or 'undated')}, doc {_e(doc.doc_id[:12])}{url}</li>"
            )
        out.append("</ul>")
    else:
        out.append('<p class="muted">No documents.</p>')
    out.append("</section>")

    out += ['<section id="footnotes">', "<h2>Sources</h2>", '<ol class="footnotes">']
    for number, ref in enumerate(cite.notes.notes, start=1):
        out.append(_footnote(number, ref, cite.notes.citations[number - 1]))
    out += ["</ol>", "</section>"]
    out.append(f'<p class="generated">Generated {_e(d.generated_at)} by warwire.</p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _assessments(items: Iterable[AssessmentView], cite: _Citer, *, level: int) -> list[str]:
    out: list[str] = []
    for a in items:
        out.append(f'<div class="assessment status-{anchor("s", a.status)[2:]}">')
        out.append(f"<h{level}>{_e(a.attribute)}</h{level}>")
        if a.reason:
            out.append(f'<p class="reason">{_e(a.reason)}</p>')
        out.append("<ul>")
        for v in a.values:
            out.append(f"<li>{_e(format_value(v))}{cite(v.sources)}</li>")
        out += ["</ul>", "</div>"]
    return out


def _footnote(number: int, ref: SourceRef, cited: int) -> str:
    title = f", <em>{_e(ref.title)}</em>" if ref.title and ref.title != ref.source else ""
    url = f' <span class="url">{_e(ref.url)}</span>' if ref.url else ""
    back = "".join(
        f' <a class="back" href="#cite-{number}-{k}" title="back to the statement">'
        f"{'↩' if cited == 1 else f'↩{k + 1}'}</a>"
        for k in range(cited)
    )
    return (
        f'<li id="fn-{number}"><span class="quote">“{_e(ref.quote)}”</span> — '
        f"{_e(outlet(ref))}{title}, {_e(ref.published or 'undated')}; "
        f"doc {_e(ref.doc_id[:12])}, chars {ref.start}–{ref.end}{url}{back}</li>"
    )
