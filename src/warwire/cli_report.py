"""CLI commands of the fusion layer: ``dossier`` and ``export``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from warwire.cli import DbOption, _guard, _workspace, app, err, out

DOSSIER_FORMATS = ("md", "json", "html")
EXPORT_FORMATS = ("acled-csv", "geojson", "jsonl", "ftm")


@contextmanager
def _target(path: Path | None) -> Iterator[TextIO]:
    """The file to write (created with its folders), or stdout."""
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def render_dossier(dossier: Any, fmt: str) -> str:
    """A dossier in one of :data:`DOSSIER_FORMATS`."""
    if fmt == "json":
        import json

        from warwire.report.dossier_json import dossier_to_dict

        return json.dumps(dossier_to_dict(dossier), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        from warwire.report.dossier_html import dossier_to_html

        return dossier_to_html(dossier)
    from warwire.report.dossier_md import dossier_to_markdown

    return dossier_to_markdown(dossier)


@app.command()
def dossier(
    name: Annotated[
        str,
        typer.Argument(help="A place, actor, person or organisation: its name or any alias."),
    ],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md (default), json or html.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    entity_id: Annotated[
        str | None, typer.Option("--id", help="The entity id, when the name is ambiguous.")
    ] = None,
) -> None:
    """What the reports say about a place, an actor, a person or an organisation: assessed
    claims (contradictions first), fused events, actors, places, every statement with its quote,
    outlet and date; a person or organisation's names with every report that used them.

    An ambiguous name lists the candidates and exits with status 2."""
    if fmt not in DOSSIER_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}: use md, json or html")

    def run() -> tuple[list[Any], Any]:
        with _workspace(db) as ws:
            candidates = ws.subjects(name)
            chosen = [c for c in candidates if c.id == entity_id] if entity_id else candidates
            if len(chosen) != 1:
                return candidates, None
            return candidates, ws.dossier(chosen[0].id)

    candidates, built = _guard(run)
    if built is None:
        err.print(f"{name!r} is ambiguous: pass --id with one of", highlight=False)
        for c in candidates:
            detail = c.country_code or ""
            err.print(f"  {c.id}  {c.kind:<9} {c.name} {detail}", highlight=False)
        raise typer.Exit(2)
    text = render_dossier(built, fmt)
    with _target(output) as handle:
        handle.write(text)
    if output is not None:
        err.print(f"dossier of {built.subject.name} written to {output}", highlight=False)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl or ftm.")],
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Export the database, streamed: fused events as ACLED's 31 CSV columns, places and
    events as GeoJSON, every record as JSON lines, or FollowTheMoney entities."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")

    def run() -> int:
        from warwire.report.export_data import write_export

        with _workspace(db) as ws, _target(output) as handle:
            return write_export(ws.store, fmt, handle)

    count = _guard(run)
    where = f" to {output}" if output else ""
    err.print(f"{count} record(s) exported as {fmt}{where}", highlight=False)
    out.file.flush()
