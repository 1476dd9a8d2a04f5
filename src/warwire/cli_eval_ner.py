"""CLI ``eval ner``: warwire's entity recognition scored on re3d or CoNLL-2003."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from warwire.cli import _guard, err, out
from warwire.cli_eval import eval_app

MEASURES = ("partial_precision", "partial_recall", "partial_f1")
EXACT = ("exact_precision", "exact_recall", "exact_f1")


@eval_app.command("ner")
def eval_ner(
    path: Annotated[
        Path,
        typer.Argument(
            help="A re3d folder (documents.json + entities.json, searched recursively) "
            "or a CoNLL-2003 file (-DOCSTART- separated)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N documents.")] = None,
) -> None:
    """Entity recognition: exact and partial P/R/F1, micro and per type."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from warwire.evaluate.ner import evaluate_ner

    if not path.exists():
        err.print(f"[red]error:[/red] {path}: no such file or directory", highlight=False)
        raise typer.Exit(1)

    def run() -> dict[str, Any]:
        # the bar starts with the first document, so a corpus that cannot be read leaves none
        bar = Progress(TextColumn("ner"), BarColumn(), MofNCompleteColumn(), console=err)
        task = bar.add_task("docs", total=None, start=False)

        def progress(done: int, total: int) -> None:
            if not bar.live.is_started:
                bar.start()
            bar.update(task, completed=done, total=total)

        try:
            return evaluate_ner(path, limit=limit, progress=progress)
        finally:
            bar.stop()

    result = _json_safe(_guard(run))
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    _print_table(result, path)


def _json_safe(value: Any) -> Any:
    """NaN (a ratio over nothing) as null, all the way down."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _print_table(result: dict[str, Any], path: Path) -> None:
    table = Table(
        "type",
        "P part",
        "R part",
        "F1 part",
        "P exact",
        "R exact",
        "F1 exact",
        "gold",
        "pred",
        title=f"NER evaluation of {path} ({result['corpus']}, {result['n_docs']} documents)",
        caption="part: overlapping span, same type; exact: same span, same type",
    )
    rows = [*result["per_type"].items(), ("micro", result)]
    for kind, figures in rows:
        table.add_row(
            f"[bold]{kind}[/bold]" if kind == "micro" else kind,
            *(_cell(figures[m]) for m in (*MEASURES, *EXACT)),
            str(figures["n_gold"]),
            str(figures["n_predicted"]),
        )
    out.print(table)
    if result["ignored"]:
        ignored = ", ".join(f"{kind} {n}" for kind, n in result["ignored"].items())
        out.print(f"gold entities of types not scored: {ignored}", highlight=False)


def _cell(value: Any) -> str:
    return "n/a" if value is None else f"{value:.4f}"
