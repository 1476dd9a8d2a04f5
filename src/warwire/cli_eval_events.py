"""CLI ``eval events``: event extraction scored on MUC-4 (GRIT setting) or CASE 2021 Task 2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from warwire.cli import _guard, err
from warwire.cli_eval import _print, eval_app


@eval_app.command("events")
def eval_events(
    path: Annotated[
        Path,
        typer.Argument(
            help="MUC-4 GRIT JSON lines (grit_processed/dev.json) or the CASE 2021 Task 2 "
            "TSV (test_set_final_release_with_labels.tsv)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N documents or snippets.")
    ] = None,
) -> None:
    """Events: MUC-4 role fillers (per-role and micro P/R/F1) or CASE 2021 event types
    (weighted and macro F1, accuracy, top confusions)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from warwire.evaluate.events import evaluate_events

    if not path.exists():
        err.print(f"[red]error:[/red] {path}: no such file or directory", highlight=False)
        raise typer.Exit(1)

    def run() -> dict[str, Any]:
        with Progress(TextColumn("events"), BarColumn(), MofNCompleteColumn(), console=err) as bar:
            task = bar.add_task("docs", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return evaluate_events(path, limit=limit, progress=progress)

    _print(_guard(run), as_json, f"event evaluation of {path}")
