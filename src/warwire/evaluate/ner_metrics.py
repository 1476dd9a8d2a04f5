"""Entity-level scoring of typed spans: exact and partial matching, micro and per-type P/R/F1.

A span is ``(start, end, type)`` with character offsets. Two ways to count a hit:

- **exact**: the same start, end and type (a span counted once however often it is listed);
- **partial**: spans of the same type that share at least one character. Each gold span and
  each predicted span is matched at most once, greedily: the pairs with the largest overlap
  first (ties: the pair whose lengths differ least, then the earlier one).

``match_counts`` gives per-type counts for one document; add them up over a corpus with
``add_counts`` and turn them into figures with ``prf``. All functions are pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "Counts",
    "Scores",
    "Tally",
    "TypedSpan",
    "add_counts",
    "exact_hits",
    "match_counts",
    "micro",
    "partial_pairs",
    "prf",
]

TypedSpan = tuple[int, int, str]


@dataclass(frozen=True)
class Counts:
    """What one type (or all types) scored: hits, predictions and gold spans."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.hits + other.hits, self.predicted + other.predicted, self.gold + other.gold
        )


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 (NaN where undefined)."""

    precision: float
    recall: float
    f1: float


def prf(counts: Counts) -> Scores:
    """Precision, recall and F1 of ``counts``; a ratio over nothing is NaN (F1 too, then)."""
    nan = float("nan")
    precision = counts.hits / counts.predicted if counts.predicted else nan
    recall = counts.hits / counts.gold if counts.gold else nan
    if precision != precision or recall != recall:
        f1 = nan
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return Scores(precision, recall, f1)


def exact_hits(gold: Iterable[TypedSpan], predicted: Iterable[TypedSpan]) -> set[TypedSpan]:
    """The spans both lists hold, with the same boundaries and type."""
    return set(gold) & set(predicted)


def partial_pairs(
    gold: Iterable[TypedSpan], predicted: Iterable[TypedSpan]
) -> list[tuple[TypedSpan, TypedSpan]]:
    """Gold and predicted spans of one type that overlap, matched one to one, largest overlap
    first (see the module docstring); the pairs in gold order."""
    golds = sorted(set(gold))
    preds = sorted(set(predicted))
    candidates: list[tuple[int, int, int, int]] = []
    for gi, (gs, ge, gt) in enumerate(golds):
        for pi, (ps, pe, pt) in enumerate(preds):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and gt == pt:
                candidates.append((-overlap, abs((ge - gs) - (pe - ps)), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return [(golds[gi], preds[pi]) for gi, pi in sorted(pairs)]


@dataclass(frozen=True)
class Tally:
    """The exact and the partial counts of one type (or of all)."""

    exact: Counts = Counts()
    partial: Counts = Counts()

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.exact + other.exact, self.partial + other.partial)


def match_counts(
    gold: Iterable[TypedSpan], predicted: Iterable[TypedSpan], types: Iterable[str]
) -> dict[str, Tally]:
    """Per type of ``types``, the exact and partial counts of one document; spans of other
    types are left out on both sides."""
    wanted = tuple(types)
    gold_set = {s for s in gold if s[2] in wanted}
    pred_set = {s for s in predicted if s[2] in wanted}
    exact = exact_hits(gold_set, pred_set)
    partial = partial_pairs(gold_set, pred_set)
    out: dict[str, Tally] = {}
    for kind in wanted:
        n_gold = sum(1 for s in gold_set if s[2] == kind)
        n_pred = sum(1 for s in pred_set if s[2] == kind)
        n_exact = sum(1 for s in exact if s[2] == kind)
        n_partial = sum(1 for g, _ in partial if g[2] == kind)
        out[kind] = Tally(Counts(n_exact, n_pred, n_gold), Counts(n_partial, n_pred, n_gold))
    return out


def add_counts(total: Mapping[str, Tally], more: Mapping[str, Tally]) -> dict[str, Tally]:
    """The sum of two per-type tallies."""
    out = dict(total)
    for kind, tally in more.items():
        out[kind] = out.get(kind, Tally()) + tally
    return out


def micro(table: Mapping[str, Tally]) -> Tally:
    """The tally of all types together."""
    return sum(table.values(), Tally())
