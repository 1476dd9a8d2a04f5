"""CLI command of the actor layer: ``actors``."""

from __future__ import annotations

from typing import Annotated

import typer

from warwire.cli import DbOption, FormatOption, _listing, _text, app


@app.command()
def actors(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option(help="Only actors of this country (ISO code, e.g. IQ).")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only actors named in this document.")] = None,
    actor_type: Annotated[
        int | None,
        typer.Option(
            "--type", min=1, max=8, help="ACLED actor type (1 state forces ... 8 external)."
        ),
    ] = None,
    kind: Annotated[str | None, typer.Option(help="actor or operation (default: both).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many actors.")] = 100,
    fmt: FormatOption = "table",
) -> None:
    """List actors and operations with their types, the aliases reports used, and counts."""
    from warwire.output import entity_summary_row

    if kind not in (None, "actor", "operation"):
        raise typer.BadParameter(f"unknown kind {kind!r}: use actor or operation")
    _listing(
        db,
        fmt,
        lambda ws: [
            entity_summary_row(s)
            for s in ws.actors(
                country=country, doc_id=doc, actor_type=actor_type, kind=kind, limit=limit
            )
        ],
        [
            ("name", _text("name")),
            ("kind", _text("kind")),
            ("type", _text("actor_type")),
            ("country", _text("country_code")),
            ("mentions", _text("mentions")),
            ("docs", _text("documents")),
            ("as written", lambda r: ", ".join(r["aliases"])),
        ],
        "actor",
    )
