"""A dossier as Markdown (GitHub-flavoured, with ``[^n]`` footnotes).

Order: title, summary, contradictions (with their reason), corroborated and single-source
assessments, the events timeline as a table, actors, places, documents, then one numbered
footnote per statement with its quote, outlet, date and document id. Text from reports is
escaped, so a quote can neither break a table nor smuggle HTML into a rendered page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warwire.report.common import (
    Footnotes,
    actor_name,
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
from warwire.report.dossier_model import Dossier, SourceRef

__all__ = ["dossier_to_markdown", "md_escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^([#+-]|\d+[.)])(?=\s|$)|^(=)(?==*$)")
_SPACE = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """Plain text safe in a Markdown paragraph or table cell: one line, with the characters
    that make emphasis, links, code, tables or HTML escaped, and a leading one that would
    start a heading or a list."""
    escaped = _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(text)).strip())
    return _LEADING.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], escaped)


def _cite(notes: Footnotes, refs: Iterable[SourceRef]) -> str:
    return "".join(f"[^{notes.cite(ref)[0]}]" for ref in refs)


def dossier_to_markdown(d: Dossier) -> str:
    """The dossier as one Markdown document (ends with a newline)."""
    notes = Footnotes()
    s = d.subject
    lines: list[str] = [f"# {md_escape(s.name)}", ""]
    lines += [f"*{md_escape(' · '.join(subject_facts(d)))}*", ""]

    lines += ["## Summary", ""]
    if d.summary:
        lines += [md_escape(d.summary), ""]
    lines += [" ".join(md_escape(x) for x in summary_sentences(d)), ""]

    groups = dict(by_status(d.assessments))
    if "contradicted" not in groups:
        lines += ["## Contradictions", "", "No contradictions among the sources.", ""]
    for status, items in groups.items():
        lines += [f"## {md_escape(status_title(status))}", ""]
        for a in items:
            lines.append(f"### {md_escape(a.attribute)}")
            lines.append("")
            if a.reason:
                lines += [f"**Why:** {md_escape(a.reason)}", ""]
            for v in a.values:
                lines.append(f"- {md_escape(format_value(v))}{_cite(notes, v.sources)}")
            lines.append("")

    lines += ["## Events", ""]
    if d.events:
        lines.append("| Date | Event | Place | Actors | Fatalities | Sources |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for e in timeline_order(d.events):
            date = e.date or "undated"
            if e.date and e.date_precision and e.date_precision != "day":
                date += f" ({e.date_precision})"
            kind = f"{e.event_type}: {e.sub_event_type}"
            place = e.location.name if e.location else ""
            actors = " vs ".join(x for x in (actor_name(e.actor1), actor_name(e.actor2)) if x)
            cells = [date, kind, place, actors, fatalities_text(e)]
            row = " | ".join(md_escape(c) for c in cells)
            lines.append(f"| {row} | {_cite(notes, e.sources)} |")
        lines.append("")
        noted = [e for e in timeline_order(d.events) if e.notes]
        for e in noted:
            when = md_escape(e.date or "undated")
            lines.append(f"- {when}, {md_escape(e.sub_event_type)}: {md_escape(e.notes)}")
        if noted:
            lines.append("")
    else:
        lines += ["No events.", ""]

    lines += ["## Actors", ""]
    if d.actors:
        lines += ["| Actor | Type | Country | Mentions |", "| --- | --- | --- | ---: |"]
        for actor in d.actors:
            name = actor.name + (f" (also {', '.join(actor.aliases)})" if actor.aliases else "")
            cells = [name, actor_type_label(actor.actor_type), actor.country_code or ""]
            lines.append(f"| {' | '.join(md_escape(c) for c in cells)} | {actor.mentions} |")
        lines.append("")
    else:
        lines += ["No actors.", ""]

    lines += ["## Places", ""]
    if d.places:
        lines.append("| Place | Country | Admin1 | Lat | Lon | GeoNames | Mentions |")
        lines.append("| --- | --- | --- | ---: | ---: | ---: | ---: |")
        for p in d.places:
            cells = [
                p.name,
                p.country_code or "",
                p.admin1 or "",
                "" if p.lat is None else f"{p.lat:.4f}",
                "" if p.lon is None else f"{p.lon:.4f}",
                "" if p.geonames_id is None else str(p.geonames_id),
                str(p.mentions),
            ]
            lines.append(f"| {' | '.join(md_escape(c) for c in cells)} |")
        lines.append("")
    else:
        lines += ["No places.", ""]

    if d.documents:
        lines += ["## Documents", ""]
        for doc in d.documents:
            parts = [doc.source or "unknown outlet", doc.published or "undated"]
            title = f"*{md_escape(doc.title)}*, " if doc.title else ""
            url = f" {md_escape(doc.url)}" if doc.url else ""
            lines.append(f"- {title}{md_escape(', '.join(parts))}, doc {doc.doc_id[:12]}{url}")
        lines.append("")

    lines += [f"*Generated {md_escape(d.generated_at)} by warwire.*", ""]
    for number, ref in enumerate(notes.notes, start=1):
        lines.append(f"[^{number}]: {_footnote(ref)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _footnote(ref: SourceRef) -> str:
    title = f", *{md_escape(ref.title)}*" if ref.title and ref.title != ref.source else ""
    where = f"{md_escape(outlet(ref))}{title}, {md_escape(ref.published or 'undated')}"
    doc = f"doc {md_escape(ref.doc_id[:12])}, chars {ref.start}–{ref.end}"
    url = f", {md_escape(ref.url)}" if ref.url else ""
    return f"“{md_escape(ref.quote)}” — {where}; {doc}{url}"
