"""CLI ``eval`` commands: measured quality on public benchmark data (read where it lies)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from warwire.cli import _guard, app, err, out

eval_app = typer.Typer(help="Evaluate warwire on public benchmark data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _print(result: dict[str, Any], as_json: bool, title: str) -> None:
    import math

    result = {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in result.items()}
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    table = Table("measure", "value", title=title)
    for key, value in result.items():
        table.add_row(
            key,
            f"{value:.4f}" if isinstance(value, float) else "n/a" if value is None else str(value),
        )
    out.print(table)


@eval_app.command("timex")
def eval_timex(
    directory: Annotated[
        Path, typer.Argument(help="A folder of TimeML .tml files with DCTs (searched recursively).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Time expressions: extent P/R/F1 (strict, relaxed), type accuracy and value F1."""
    from warwire.evaluate.timex import evaluate_timex

    if not directory.exists():
        err.print(f"[red]error:[/red] {directory}: no such file or directory", highlight=False)
        raise typer.Exit(1)
    result = _guard(lambda: evaluate_timex(directory))
    _print(dict(result), as_json, f"TimeML evaluation of {directory}")


@eval_app.command("geoparse")
def eval_geoparse(
    file: Annotated[
        Path, typer.Argument(help="LGL, TR-News or GeoVirus XML, or GeoWebNews (GWN.xml).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N documents.")] = None,
) -> None:
    """Geoparsing: resolution on gold spans (Acc@161km, AUC, errors) and end-to-end P/R/F1."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from warwire.evaluate.geoparse import evaluate_geoparse
    from warwire.geo import load_gazetteer
    from warwire.geo.parser import Geoparser

    if not file.exists():
        err.print(f"[red]error:[/red] {file}: no such file or directory", highlight=False)
        raise typer.Exit(1)

    def run() -> dict[str, Any]:
        geoparser = Geoparser(load_gazetteer())
        with Progress(
            TextColumn("geoparse"), BarColumn(), MofNCompleteColumn(), console=err
        ) as bar:
            task = bar.add_task("docs", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return dict(evaluate_geoparse(file, geoparser, limit=limit, progress=progress))

    _print(_guard(run), as_json, f"geoparsing evaluation of {file}")
