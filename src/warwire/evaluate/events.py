"""Evaluate event extraction on public benchmarks: ``warwire eval events PATH --json``.

The file decides the benchmark:

- **MUC-4, GRIT setting** (JSON lines with ``docid``/``doctext``/``extracts``): the rule-based
  role filler (:mod:`.muc_roles`) reads each document and is scored per role and micro-averaged
  over the five roles with CEAF-REE (:mod:`.muc`).
- **CASE 2021 Task 2** (TSV with the header ``id  EventSnippet  SubType``): each snippet is
  classified by the ACLED sub-event type of the main event :func:`warwire.analyze` finds in it
  and scored with weighted and macro F1 and accuracy (:mod:`.case`).

    .venv/bin/python -m warwire.evaluate.events ../shared/data/events/MUC4/grit_processed/dev.json
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warwire.errors import InputError
from warwire.evaluate.case import Classifier, read_case, score_case, warwire_classifier
from warwire.evaluate.muc import ROLES, read_muc, score_muc

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["detect_format", "evaluate_case", "evaluate_events", "evaluate_muc"]

Progress = Callable[[int, int], None]


def detect_format(path: Path) -> str:
    """``"muc"``, ``"case"`` or ``"gold"`` (warwire's own gold sentences,
    ``tests/data/events_gold.jsonl``) from the file's first bytes; :class:`InputError`
    otherwise."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(256).lstrip()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot open the file") from exc
    if head.startswith(b"{"):
        return "gold" if b'"events"' in head or b'"text"' in head[:80] else "muc"
    if head.split(b"\n", 1)[0].rstrip(b"\r").split(b"\t") == [b"id", b"EventSnippet", b"SubType"]:
        return "case"
    raise InputError(
        str(path),
        "not a supported event benchmark (MUC-4 GRIT JSON lines, CASE 2021 Task 2 TSV,"
        " warwire gold sentences JSON lines)",
    )


def evaluate_events(
    path: Path, *, limit: int | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Score warwire on the benchmark file at ``path`` (format detected from its content)."""
    kind = detect_format(path)
    if kind == "muc":
        return evaluate_muc(path, limit=limit, progress=progress)
    if kind == "gold":
        return evaluate_gold(path, progress=progress)
    return evaluate_case(path, limit=limit, progress=progress)


def evaluate_gold(path: Path, *, progress: Progress | None = None) -> dict[str, Any]:
    """warwire's events on a gold file of sentences in the ``events_gold.jsonl`` format:
    sub-type detection (micro, macro), event types, and argument and flag accuracy."""
    from warwire.evaluate.event_gate import evaluate_event_gold

    started = time.perf_counter()
    scores = evaluate_event_gold(Path(path), progress=progress)
    result: dict[str, Any] = {
        "micro_f1": scores["micro"]["f1"],
        "micro_precision": scores["micro"]["precision"],
        "micro_recall": scores["micro"]["recall"],
        "macro_f1": scores["macro_f1"],
        "event_type_micro_f1": scores["event_types"]["micro"]["f1"],
        "sentences": scores["sentences"],
        "gold_events": scores["gold_events"],
        "negative_sentences_with_events": scores["negative_sentences"]["with_predictions"],
    }
    for name, argument in scores["arguments"].items():
        result[f"{name}_accuracy"] = argument["accuracy"]
    result["sub_event_type_f1"] = {
        sub: round(v["f1"], 3) for sub, v in sorted(scores["sub_event_types"].items())
    }
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def evaluate_muc(
    path: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
) -> dict[str, Any]:
    """Per-role and micro precision, recall and F1 of the MUC-4 role filler on ``path``.

    Keys: ``micro_f1``, ``micro_precision``, ``micro_recall``, then ``<role>_f1``,
    ``<role>_precision``, ``<role>_recall`` for PerpInd, PerpOrg, Target, Victim and Weapon,
    ``n_docs``, ``n_gold`` and ``n_predicted`` (entities) and ``seconds``.
    """
    from warwire.evaluate.muc_roles import fill_roles
    from warwire.nlp.pipeline import load_pipeline

    _check_limit(limit)
    docs = read_muc(path)
    if limit is not None:
        docs = docs[:limit]
    nlp = nlp or load_pipeline()
    started = time.perf_counter()
    predictions: dict[str, dict[str, list[list[str]]]] = {}
    for i, (doc, parsed) in enumerate(zip(docs, nlp.pipe(d.text for d in docs), strict=True)):
        predictions[doc.doc_id] = fill_roles(parsed)
        if progress is not None:
            progress(i + 1, len(docs))
    scores = score_muc(docs, predictions)
    result: dict[str, Any] = {
        "micro_f1": scores["micro"].f1,
        "micro_precision": scores["micro"].precision,
        "micro_recall": scores["micro"].recall,
    }
    for role in ROLES:
        result[f"{role}_f1"] = scores[role].f1
        result[f"{role}_precision"] = scores[role].precision
        result[f"{role}_recall"] = scores[role].recall
    result["n_docs"] = len(docs)
    result["n_gold"] = scores["micro"].gold
    result["n_predicted"] = scores["micro"].predicted
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def evaluate_case(
    path: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    classify: Classifier | None = None,
) -> dict[str, Any]:
    """Weighted/macro F1 and accuracy of ``classify`` (default: warwire's analysis) on the
    CASE 2021 Task 2 file at ``path``; see :func:`warwire.evaluate.case.score_case`."""
    _check_limit(limit)
    snippets = read_case(path)
    started = time.perf_counter()
    result: dict[str, Any] = dict(
        score_case(snippets, classify or warwire_classifier(), limit=limit, progress=progress)
    )
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number, not {limit!r}")


def main(argv: list[str] | None = None) -> int:
    """Print the scores of the benchmark file named on the command line as JSON."""
    import argparse

    parser = argparse.ArgumentParser(description="Score warwire on an event benchmark file.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    json.dump(evaluate_events(args.path, limit=args.limit), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
