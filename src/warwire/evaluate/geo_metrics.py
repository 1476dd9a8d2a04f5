"""Geoparsing metrics as pure functions: error distances, Acc@161km, AUC, span P/R/F1.

The geocoding metrics follow Gritta, Pilehvar, Limsopatham and Collier, "What's missing in
geographical parsing?" (Language Resources and Evaluation 52, 2018) and Gritta, Pilehvar and
Collier, "Which Melbourne? Augmenting Geocoding with Maps" (ACL 2018), whose reference code
(``print_stats`` in github.com/milangritta/Geocoding-with-Map-Vector, preprocessing.py) is::

    accuracy = np.log(np.array(errors) + 1)
    AUC = np.trapz(accuracy) / (np.log(20039) * (len(accuracy) - 1))

That is the area under the curve of the (sorted) errors scaled as ``ln(1 + km)``, integrated by
the trapezoidal rule over unit steps and divided by the area of the largest possible error,
``ln(20039)`` (20,039 km, half the equator, the farthest two points can be). 0 is perfect, and a
set of maximal errors scores ``ln(20040) / ln(20039)``, i.e. 1 to within 1e-5; lower is better.
Sorting does not change the sum of a trapezoidal rule's inner points, only which two errors
are the end points, so we sort, as the curve in the papers is drawn. An unresolved toponym
counts as :data:`MAX_ERROR_KM`. Accuracy@161km is the share of errors of at most 161 km (100
miles); the reference code's ``ln(1 + e) < ln(161)`` differs only for errors in (160, 161].
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0

Span = tuple[int, int]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (Earth radius 6371)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(
    gold: tuple[float, float], predicted: tuple[float | None, float | None] | None
) -> float:
    """The error of one resolution; a missing prediction or point is :data:`MAX_ERROR_KM`."""
    if predicted is None or predicted[0] is None or predicted[1] is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, haversine_km(gold[0], gold[1], predicted[0], predicted[1]))


def accuracy_at(errors: Sequence[float], km: float = ACC_KM) -> float:
    """Share of errors of at most ``km`` kilometres (Acc@161km by default); NaN when empty."""
    if not errors:
        return math.nan
    return sum(1 for e in errors if e <= km) / len(errors)


def mean_error(errors: Sequence[float]) -> float:
    """Mean error in km; NaN when empty."""
    return statistics.fmean(errors) if errors else math.nan


def median_error(errors: Sequence[float]) -> float:
    """Median error in km; NaN when empty."""
    return statistics.median(errors) if errors else math.nan


def auc(errors: Sequence[float]) -> float:
    """Area under the log error curve (Gritta et al. 2018), 0 best, about 1 worst; NaN if empty."""
    if not errors:
        return math.nan
    logs = sorted(math.log1p(max(0.0, e)) for e in errors)
    norm = math.log(MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / norm
    area = sum(logs) - (logs[0] + logs[-1]) / 2
    return area / (norm * (len(logs) - 1))


@dataclass(frozen=True)
class SpanScores:
    """Micro-averaged span matching counts and scores."""

    true_positives: int
    n_predicted: int
    n_gold: int
    precision: float
    recall: float
    f1: float


def prf(
    true_positives_pred: int, n_predicted: int, true_positives_gold: int, n_gold: int
) -> SpanScores:
    """Precision, recall and F1; the two match counts differ only for overlap matching."""
    precision = true_positives_pred / n_predicted if n_predicted else 0.0
    recall = true_positives_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScores(true_positives_gold, n_predicted, n_gold, precision, recall, f1)


def exact_matches(gold: Iterable[Span], predicted: Iterable[Span]) -> tuple[int, int, int]:
    """Strict matching: (matches, distinct predicted spans, distinct gold spans)."""
    g, p = set(gold), set(predicted)
    return len(g & p), len(p), len(g)


def overlap_matches(gold: Iterable[Span], predicted: Iterable[Span]) -> tuple[int, int, int, int]:
    """Lenient matching: a span is matched when it shares a character with one of the other side.

    Returns (matched predicted, distinct predicted, matched gold, distinct gold).
    """
    g, p = sorted(set(gold)), sorted(set(predicted))
    matched_p = sum(1 for ps in p if any(_overlaps(ps, gs) for gs in g))
    matched_g = sum(1 for gs in g if any(_overlaps(gs, ps) for ps in p))
    return matched_p, len(p), matched_g, len(g)


def _overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]
