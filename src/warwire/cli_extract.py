"""CLI commands of the extraction layer: ``events`` and ``claims``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from warwire.cli import DbOption, FormatOption, _listing, _parse_date, _text, app

if TYPE_CHECKING:
    from warwire.models import Document
    from warwire.workspace import Workspace

DocOption = Annotated[str | None, typer.Option("--doc", help="Only this document (id prefix).")]
LimitOption = Annotated[int, typer.Option(min=1, help="How many records at most.")]


def _documents(ws: Workspace, doc_ids: set[str]) -> dict[str, Document]:
    return {doc_id: ws.show(doc_id) for doc_id in doc_ids}


def _nested(key: str, field: str) -> Any:
    def cell(row: dict[str, Any]) -> str:
        value = row.get(key)
        if isinstance(value, dict):
            return str(value.get(field) or "")
        return "" if value is None else str(value)

    return cell


def _flags(row: dict[str, Any]) -> str:
    names = ("hedged", "negated", "future", "historical")
    return ",".join(name for name in names if row.get(name))


@app.command()
def events(
    db: DbOption = None,
    doc: DocOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Only events of this actor (name or alias, either side).")
    ] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place.")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Only events on or after YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Only events on or before YYYY-MM-DD.")
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option("--type", help='ACLED event type or sub-event type, e.g. "Battles".'),
    ] = None,
    limit: LimitOption = 200,
    fmt: FormatOption = "table",
) -> None:
    """List ACLED-style events with their actors, place, date, fatalities, flags and quote."""
    from warwire.rows import event_row

    start, end = _parse_date(date_from), _parse_date(date_to)

    def fetch(ws: Workspace) -> list[dict[str, Any]]:
        found = ws.events(
            doc_id=doc,
            actor=actor,
            place=place,
            date_from=start,
            date_to=end,
            type=event_type,
            limit=limit,
        )
        entities = ws.entities(
            i for e in found for i in (e.actor1, e.actor2, e.location) if i is not None
        )
        documents = _documents(ws, {e.doc_id for e in found})
        return [event_row(e, entities, documents.get(e.doc_id)) for e in found]

    _listing(
        db,
        fmt,
        fetch,
        [
            ("date", _nested("date", "value")),
            ("sub-event type", _text("sub_event_type")),
            ("actor 1", _nested("actor1", "name")),
            ("actor 2", _nested("actor2", "name")),
            ("place", _nested("location", "name")),
            ("dead", _text("fatalities")),
            ("flags", _flags),
            ("quote", _text("quote", 90)),
        ],
        "event",
    )


@app.command()
def claims(
    db: DbOption = None,
    doc: DocOption = None,
    subject: Annotated[
        str | None, typer.Option(help="Only claims about this place or actor (name or alias).")
    ] = None,
    attribute: Annotated[
        str | None,
        typer.Option(
            help="Only this attribute: population, fighters, troops, casualties, injured, "
            "displaced, distance_to, controlled_by, control_since, captured_on."
        ),
    ] = None,
    limit: LimitOption = 200,
    fmt: FormatOption = "table",
) -> None:
    """List numeric and control claims, each with its subject, value, qualifier and quote."""
    from warwire.rows import claim_row

    def fetch(ws: Workspace) -> list[dict[str, Any]]:
        found = ws.claims(doc_id=doc, subject=subject, attribute=attribute, limit=limit)
        ids = [i for c in found for i in (c.subject, c.reference) if i is not None]
        ids += [c.value for c in found if c.value_kind == "entity"]
        entities = ws.entities(ids)
        documents = _documents(ws, {c.doc_id for c in found})
        return [claim_row(c, entities, documents.get(c.doc_id)) for c in found]

    _listing(
        db,
        fmt,
        fetch,
        [
            ("subject", _nested("subject", "name")),
            ("attribute", _text("attribute")),
            ("value", lambda r: str(_nested("value", "name")(r))),
            ("unit", _text("unit")),
            ("qualifier", _text("qualifier")),
            ("quote", _text("quote", 90)),
        ],
        "claim",
    )
