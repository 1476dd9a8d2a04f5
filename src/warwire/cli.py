"""The ``warwire`` command: a thin typer adapter over the library's functions.

Heavy modules (spaCy, trafilatura) are imported inside the commands so ``warwire --help`` is
instant. Machine output (``--format json|jsonl|csv``) goes to stdout; messages, progress and
tables meant for people go to stderr unless they are the command's result.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from warwire.errors import WarwireError

if TYPE_CHECKING:
    from warwire.pipeline import IngestSummary
    from warwire.workspace import Workspace

app = typer.Typer(
    name="warwire",
    help="Turn conflict reporting into evidence: reports in, cited records out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

T = TypeVar("T")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite path or postgresql:// URL (default: $WARWIRE_DB or warwire.db).",
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output: table, json, jsonl or csv.")
]


def main() -> None:
    """Entry point of the console script."""
    import logging

    # pypdf logs recoverable damage ("EOF marker not found") itself; our readers turn what
    # matters into one-line errors, so its log lines would only duplicate them.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    app()


@contextmanager
def _workspace(db: str | None, **settings: Any) -> Iterator[Workspace]:
    from warwire.settings import Settings
    from warwire.workspace import open as open_workspace

    with open_workspace(settings=Settings.from_env(db=db, **settings)) as ws:
        yield ws


def _guard(fn: Callable[[], T]) -> T:
    """Run ``fn``, turning warwire errors into a one-line message and exit status 1."""
    try:
        return fn()
    except WarwireError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


Column = tuple[str, Callable[[dict[str, Any]], str]]


def _listing(
    db: str | None,
    fmt: str,
    fetch: Callable[[Workspace], list[dict[str, Any]]],
    columns: list[Column],
    noun: str,
) -> None:
    """A listing command: rows from the workspace, as machine output or a table."""
    from warwire.output import check_format, write_records

    _guard(lambda: check_format(fmt))

    def run() -> list[dict[str, Any]]:
        with _workspace(db) as ws:
            return fetch(ws)

    rows = _guard(run)
    if fmt != "table":
        write_records(rows, fmt, sys.stdout)
        return
    out.print(_table(rows, columns))
    err.print(f"{len(rows)} {noun}(s)")


def _table(rows: list[dict[str, Any]], columns: list[Column], title: str | None = None) -> Table:
    table = Table(*(name for name, _ in columns), title=title)
    for row in rows:
        table.add_row(*(cell(row) for _, cell in columns))
    return table


def _text(key: str, width: int | None = None) -> Callable[[dict[str, Any]], str]:
    def cell(row: dict[str, Any]) -> str:
        value = row.get(key)
        text = "" if value is None else str(value)
        return text[:width] if width else text

    return cell


DOCUMENT_COLUMNS: list[Column] = [
    ("id", _text("id", 12)),
    ("published", _text("published")),
    ("source", _text("source")),
    ("title", _text("title")),
    ("lang", _text("language")),
    ("words", _text("words")),
]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours or not theirs:
            raise typer.BadParameter(f"{pair!r}: use OURS=THEIRS, e.g. text=body")
        mapping[ours.strip()] = theirs.strip()
    return mapping


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, http(s) URLs, or - for stdin.")
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for reports that lack one."),
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Source (publisher) for reports that lack one.")
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(help="Map a JSON field: OURS=THEIRS, e.g. --field text=body. Repeatable."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Annotation processes or Ray actors (default 1).")
    ] = None,
    engine: Annotated[
        str, typer.Option(help="Where to annotate: local (processes) or ray (Ray actors).")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster address for --engine ray (default: $RAY_ADDRESS or local)."),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")
    ] = False,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Largest file or download accepted (default 5 MB).")
    ] = None,
    places: Annotated[
        bool | None,
        typer.Option("--places/--no-places", help="Find and resolve places (default: on)."),
    ] = None,
    actors: Annotated[
        bool | None,
        typer.Option("--actors/--no-actors", help="Find and resolve actors (default: on)."),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Read reports, annotate them and store them; print a summary."""
    from warwire.output import check_format

    _guard(lambda: check_format(fmt))
    day = _parse_date(published)
    mapping = _parse_fields(field or [])

    def run() -> IngestSummary:
        with _workspace(
            db, max_bytes=max_bytes, workers=workers, geoparse=places, actors=actors
        ) as ws:
            return _ingest_with_progress(
                ws,
                paths,
                published=day,
                source=source,
                field_map=mapping,
                allow_private=allow_private,
                engine=engine,
                address=address,
            )

    summary = _guard(run)
    _report_ingest(summary, fmt)
    if summary.failed:
        raise typer.Exit(1)


def _progress_printer() -> Any:
    """A progress callback drawing a rich bar on stderr while the gazetteer is built."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    state: dict[str, Any] = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in state:
            bar = Progress(
                TextColumn("building gazetteer"), BarColumn(), MofNCompleteColumn(), console=err
            )
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("gazetteer", total=total)
        bar = state["bar"]
        bar.update(state["task"], completed=done, total=total)
        if done >= total:
            bar.stop()

    return progress


def _ensure_gazetteer(ws: Workspace) -> None:
    """Build the gazetteer index (once, with a progress bar) before a run that needs it."""
    if not ws.settings.geoparse:
        return
    from warwire.geo import default_gazetteer_path, load_gazetteer

    if not default_gazetteer_path().exists():
        err.print("building the offline gazetteer index (once, about 30 s)", highlight=False)
        load_gazetteer(progress=_progress_printer())


def _ingest_with_progress(ws: Workspace, paths: list[str], **kwargs: Any) -> IngestSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from warwire.models import IngestOutcome

    _ensure_gazetteer(ws)
    with Progress(
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=None, counts="")
        counts = {"new": 0, "unchanged": 0, "failed": 0}

        def on_sources(n: int) -> None:
            progress.update(task, total=n)

        def on_outcome(outcome: IngestOutcome) -> None:
            counts[outcome.status] += 1
            done = sum(counts.values())
            total = progress.tasks[0].total or 0
            if done > total:
                progress.update(task, total=done)
            progress.update(
                task,
                completed=done,
                counts=f"{counts['new']} new, {counts['unchanged']} unchanged, "
                f"{counts['failed']} failed",
            )
            if outcome.status == "failed":
                progress.console.print(f"[red]error:[/red] {outcome.message}", highlight=False)

        stdin = sys.stdin.buffer if "-" in paths else None
        return ws.ingest(paths, on_sources=on_sources, on_outcome=on_outcome, stdin=stdin, **kwargs)


def _report_ingest(summary: IngestSummary, fmt: str) -> None:
    from warwire.output import plain, write_records

    if fmt != "table":
        write_records([plain(o) for o in summary.outcomes], fmt, sys.stdout)
    elif not err.is_terminal:
        for outcome in summary.failures:
            err.print(f"error: {outcome.message}", highlight=False)
    notes = {o.message for o in summary.outcomes if o.status == "new" and o.message}
    for note in sorted(notes):
        err.print(f"note: {note}: stored without annotation", highlight=False)
    err.print(
        f"ingested {summary.sources} source(s): [green]{summary.new} new[/green], "
        f"{summary.unchanged} unchanged, "
        f"[{'red' if summary.failed else 'green'}]{summary.failed} failed[/]",
        highlight=False,
    )


@app.command()
def docs(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many documents.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    fmt: FormatOption = "table",
) -> None:
    """List stored documents, newest publication first."""
    from warwire.output import document_row

    _listing(
        db,
        fmt,
        lambda ws: [document_row(d) for d in ws.docs(limit=limit, offset=offset)],
        DOCUMENT_COLUMNS,
        "document",
    )


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix (4+ chars).")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one document: metadata, text by sentence, and its mentions."""
    from warwire.output import check_format, document_row, mention_row, plain

    _guard(lambda: check_format(fmt, ("text", "json")))

    def run() -> tuple[dict[str, Any], list[Any], list[dict[str, Any]], tuple[str, str | None]]:
        with _workspace(db) as ws:
            doc = ws.show(doc_id)
            return (
                document_row(doc, with_text=True),
                [plain(s) for s in ws.sentences(doc.id)],
                [mention_row(m) for m in ws.mentions(doc_id=doc.id)],
                ws.store.annotation_status(doc.id),
            )

    row, sentences, mentions, (pipeline, skipped) = _guard(run)
    if fmt == "json":
        import json

        record = {
            **row,
            "pipeline": pipeline,
            "skipped": skipped,
            "sentences": sentences,
            "mentions": mentions,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    for key in ("id", "title", "source", "published", "url", "language", "format", "origin"):
        out.print(f"[bold]{key:>10}[/bold]: {row[key] or ''}", highlight=False)
    out.print(f"[bold]{'annotated':>10}[/bold]: {skipped or pipeline}", highlight=False)
    out.print()
    if sentences:
        for s in sentences:
            out.print(f"[dim]{s['index']:>3}[/dim] {s['text']}", highlight=False)
    else:
        out.print(row["text"], highlight=False)
    if mentions:
        out.print()
        table = Table("start", "end", "label", "text")
        for m in mentions:
            table.add_row(str(m["start"]), str(m["end"]), m["label"], m["text"])
        out.print(table)


@app.command()
def mentions(
    db: DbOption = None,
    doc: Annotated[str | None, typer.Option(help="Only this document (id or prefix).")] = None,
    label: Annotated[
        list[str] | None, typer.Option(help="Only these labels (GPE, ORG, ...). Repeatable.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many mentions.")] = 200,
    fmt: FormatOption = "table",
) -> None:
    """List mentions (entities, places, time expressions) with their character offsets."""
    from warwire.output import mention_row

    _listing(
        db,
        fmt,
        lambda ws: [
            mention_row(m) for m in ws.mentions(doc_id=doc, labels=label or (), limit=limit)
        ],
        [
            ("doc", _text("doc_id", 12)),
            ("start", _text("start")),
            ("end", _text("end")),
            ("label", _text("label")),
            ("text", _text("text")),
            ("value", _text("value")),
        ],
        "mention",
    )


def find_examples() -> Path | None:
    """The bundled examples folder: ./examples, or the one beside the source tree."""
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[2] / "examples"):
        if candidate.is_dir():
            return candidate
    return None


@app.command()
def demo(
    db: DbOption = None,
    examples: Annotated[
        Path | None, typer.Option(help="Folder of reports (default: the bundled examples/).")
    ] = None,
) -> None:
    """Ingest the bundled example reports and show what was stored."""
    folder = examples or find_examples()
    if folder is None:
        err.print("[red]error:[/red] no examples/ folder found: pass --examples DIR")
        raise typer.Exit(1)
    err.print(f"warwire demo: ingesting {folder}", highlight=False)

    def run() -> tuple[IngestSummary, list[Any], dict[str, int], str]:
        from warwire.output import document_row

        with _workspace(db) as ws:
            summary = _ingest_with_progress(ws, [str(folder)])
            rows = [document_row(d) for d in ws.docs()]
            counts = {
                "mention(s)": len(ws.mentions()),
                "resolved place(s)": len(ws.places()),
                "actor(s)": len(ws.actors()),
                "event(s)": len(ws.events()),
                "claim(s)": len(ws.claims()),
            }
            return summary, rows, counts, ws.store_path

    summary, rows, counts, path = _guard(run)
    _report_ingest(summary, "table")
    out.print(_table(rows, DOCUMENT_COLUMNS, title="stored documents"))
    found = ", ".join(f"{n} {noun}" for noun, n in counts.items())
    out.print(
        f"{len(rows)} document(s), {found} in {path}. Try: warwire docs, warwire show ID, "
        "warwire places, warwire actors, warwire events, warwire claims, warwire dossier NAME, "
        "warwire serve (the web UI)",
        highlight=False,
    )
    _demo_dossier(db, path)
    if summary.failed:
        raise typer.Exit(1)


def _demo_dossier(db: str | None, store_path: str) -> None:
    """Print the dossier of the place most reported in the database (by documents, then
    mentions; countries last) and write its HTML dossier beside the database (a SQLite file),
    or in the current directory (a database on a server, named by a URL)."""
    from warwire.cli_report import render_dossier

    def run() -> tuple[Any, str, str] | None:
        with _workspace(db) as ws:
            places = ws.places()
            if not places:
                return None
            best = max(
                places,
                key=lambda s: (s.entity.feature != "country", s.documents, s.mentions),
            )
            built = ws.dossier(best.entity.id)
            return built, render_dossier(built, "md"), render_dossier(built, "html")

    result = _guard(run)
    if result is None:
        return
    built, markdown, html = result
    slug = "".join(c if c.isalnum() else "-" for c in built.subject.name.lower()).strip("-")
    folder = Path.cwd() if "://" in store_path else Path(store_path).resolve().parent
    target = folder / f"dossier-{slug or 'place'}.html"
    target.write_text(html, encoding="utf-8")
    out.print(markdown, highlight=False, markup=False)
    out.print(f"HTML dossier of {built.subject.name}: {target}", highlight=False)


@app.command()
def bench(
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder of reports to use (default: generate a synthetic corpus)."),
    ] = None,
    n: Annotated[int, typer.Option(min=10, help="Reports to generate.")] = 2000,
    workers: Annotated[
        list[int] | None, typer.Option(help="Worker counts to time ingest with. Repeatable.")
    ] = None,
    repeat: Annotated[
        int, typer.Option(min=1, help="Make every run this many times; keep the fastest.")
    ] = 1,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Throughput: full ingest against spaCy's own nlp.pipe on the same texts."""
    from warwire.bench import run_throughput

    result = _guard(
        lambda: run_throughput(
            corpus=corpus, n=n, workers=tuple(workers or (1, 2)), repeat=repeat, log=err.print
        )
    )
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    table = Table("run", "seconds", "words/s", "ratio to nlp.pipe")
    for run_name, figures in result["runs"].items():
        table.add_row(
            run_name,
            f"{figures['seconds']:.2f}",
            f"{figures['words_per_s']:,.0f}",
            f"{figures['ratio_to_pipe']:.2f}",
        )
    out.print(table)
    for key, value in result["summary"].items():
        out.print(f"{key}: {value}", highlight=False)


# Commands of the later layers live in their own modules and register themselves on ``app``.
from warwire import (  # noqa: E402
    cli_actors,
    cli_eval,
    cli_eval_events,
    cli_eval_ner,
    cli_extract,
    cli_geo,
    cli_report,
    cli_serve,
)

__all__ = [
    "app",
    "cli_actors",
    "cli_eval",
    "cli_eval_events",
    "cli_eval_ner",
    "cli_extract",
    "cli_geo",
    "cli_report",
    "cli_serve",
    "main",
]
