"""Evaluate a geoparser on a gold corpus: ``warwire eval geoparse FILE --json``.

Two measurements, on every document of the corpus (or the first ``limit``):

- **Resolution on the gold spans.** The geoparser gets each document's gold toponym spans
  (:meth:`Geoparser.resolve_spans`) and the spans with gold coordinates are scored: Acc@161km,
  mean and median error in km, and the AUC of the log error curve (:mod:`.geo_metrics`). An
  unresolved span (None, or a place without a point) counts as the maximum error, 20,039 km.
- **End to end.** The geoparser reads the raw text (:meth:`Geoparser.parse`); its spans are
  scored against the gold spans for recognition, strictly (same start and end) as
  ``recognition_*`` and leniently (any character shared) as ``recognition_*_relaxed``,
  micro-averaged over the corpus. ``acc161_e2e`` is Acc@161km over the gold spans with
  coordinates that a predicted span matches strictly (``n_e2e`` of them).

Which spans are gold, and how offsets are repaired, is the readers' business
(:mod:`.geo_readers`); ``realigned`` and ``dropped`` count those repairs over the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from warwire.evaluate.geo_metrics import (
    accuracy_at,
    auc,
    error_km,
    exact_matches,
    mean_error,
    median_error,
    overlap_matches,
    prf,
)
from warwire.evaluate.geo_readers import load_geo_corpus
from warwire.evaluate.geo_types import Geoparser, GoldDoc, PredictedPlace

Progress = Callable[[int, int], None]


def evaluate_geoparse(
    path: Path,
    geoparser: Geoparser,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
) -> dict[str, float | int]:
    """Read the corpus at ``path`` and score ``geoparser`` on it (see the module docstring).

    The result has ``acc161``, ``auc``, ``mean_km``, ``median_km``, ``recognition_f1`` and
    ``n`` (gold toponyms with coordinates scored for resolution), plus the recognition
    precision/recall (strict and relaxed), ``acc161_e2e``/``n_e2e``, ``n_docs``,
    ``n_gold_spans``, ``n_predicted_spans``, ``unresolved``, ``placed_near`` (gold toponyms
    given a point but no gazetteer id: names no gazetteer has, placed near the report's town),
    ``realigned`` and ``dropped``.
    Scores over nothing (e.g. no gold coordinates) are NaN.
    """
    corpus = load_geo_corpus(path)
    scores = score_geoparse(corpus.docs, geoparser, limit=limit, progress=progress)
    scores["realigned"] = corpus.realigned
    scores["dropped"] = corpus.dropped
    return scores


def score_geoparse(
    docs: Sequence[GoldDoc],
    geoparser: Geoparser,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
) -> dict[str, float | int]:
    """Score ``geoparser`` on already-read gold documents."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be a positive number, not {limit!r}")
    chosen = list(docs if limit is None else docs[:limit])
    errors: list[float] = []
    e2e_errors: list[float] = []
    unresolved = placed_near = 0
    strict_tp = strict_pred = strict_gold = 0
    lenient_tp_pred = lenient_pred = lenient_tp_gold = lenient_gold = 0
    for i, doc in enumerate(chosen):
        spans = [(t.start, t.end) for t in doc.toponyms]
        answers = _resolve(geoparser, doc, spans)
        for toponym, answer in zip(doc.toponyms, answers, strict=True):
            if toponym.lat is None or toponym.lon is None:
                continue
            if answer is None or answer.lat is None or answer.lon is None:
                unresolved += 1
                errors.append(error_km((toponym.lat, toponym.lon), None))
            else:
                # a point without a gazetteer id: an unidentified name placed near a town
                placed_near += answer.geonames_id is None
                errors.append(error_km((toponym.lat, toponym.lon), (answer.lat, answer.lon)))

        found = geoparser.parse(doc.text)
        found_spans = [(p.start, p.end) for p in found]
        tp, n_pred, n_gold = exact_matches(spans, found_spans)
        strict_tp, strict_pred, strict_gold = (
            strict_tp + tp,
            strict_pred + n_pred,
            strict_gold + n_gold,
        )
        mp, np_, mg, ng = overlap_matches(spans, found_spans)
        lenient_tp_pred += mp
        lenient_pred += np_
        lenient_tp_gold += mg
        lenient_gold += ng
        e2e_errors.extend(_e2e_errors(doc, found))
        if progress is not None:
            progress(i + 1, len(chosen))

    strict = prf(strict_tp, strict_pred, strict_tp, strict_gold)
    lenient = prf(lenient_tp_pred, lenient_pred, lenient_tp_gold, lenient_gold)
    return {
        "acc161": accuracy_at(errors),
        "auc": auc(errors),
        "mean_km": mean_error(errors),
        "median_km": median_error(errors),
        "recognition_f1": strict.f1,
        "n": len(errors),
        "recognition_precision": strict.precision,
        "recognition_recall": strict.recall,
        "recognition_f1_relaxed": lenient.f1,
        "recognition_precision_relaxed": lenient.precision,
        "recognition_recall_relaxed": lenient.recall,
        "acc161_e2e": accuracy_at(e2e_errors),
        "n_e2e": len(e2e_errors),
        "n_docs": len(chosen),
        "n_gold_spans": strict_gold,
        "n_predicted_spans": strict_pred,
        "unresolved": unresolved,
        "placed_near": placed_near,
    }


def _resolve(
    geoparser: Geoparser, doc: GoldDoc, spans: list[tuple[int, int]]
) -> list[PredictedPlace | None]:
    """The geoparser's answers for the gold spans, checked to be one per span."""
    if not spans:
        return []
    answers = geoparser.resolve_spans(doc.text, spans)
    if len(answers) != len(spans):
        raise ValueError(
            f"resolve_spans returned {len(answers)} answers for {len(spans)} spans "
            f"in document {doc.doc_id!r}"
        )
    return answers


def _e2e_errors(doc: GoldDoc, found: list[PredictedPlace]) -> list[float]:
    """Errors on the gold spans with coordinates that a predicted span matches exactly."""
    by_span: dict[tuple[int, int], PredictedPlace] = {}
    for place in found:
        kept = by_span.get((place.start, place.end))
        if kept is None or (kept.lat is None and place.lat is not None):
            by_span[(place.start, place.end)] = place
    out: list[float] = []
    for toponym in doc.toponyms:
        match = by_span.get((toponym.start, toponym.end))
        if match is None or toponym.lat is None or toponym.lon is None:
            continue
        out.append(error_km((toponym.lat, toponym.lon), (match.lat, match.lon)))
    return out
