"""TempEval-3 scoring of time expressions: extents, type and value.

The definitions follow the TempEval-3 task (UzZaman et al., 2013): extents are scored strictly
(same span) and relaxed (overlapping spans, each gold and system timex used once); type and value
are attributes judged over the relaxed matches, with attribute precision = correct / system
timexes and recall = correct / gold timexes. Type accuracy is correct types over relaxed matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    """Anything with an extent, a type and a value: gold and system timexes alike."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...


@dataclass
class Tally:
    """Counts summed over documents; :meth:`scores` turns them into the reported figures."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    documents: int = 0
    errors: list[tuple[Span | None, Span | None]] = field(default_factory=list)

    def add(self, gold: Sequence[Span], system: Sequence[Span]) -> None:
        """Score one document."""
        self.documents += 1
        self.gold += len(gold)
        self.system += len(system)
        gold_spans = {(g.start, g.end) for g in gold}
        self.strict += sum(1 for s in system if (s.start, s.end) in gold_spans)
        pairs = align(gold, system)
        self.relaxed += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_system = {id(s) for _, s in pairs}
        for g, s in pairs:
            self.type_ok += g.type == s.type
            if g.value == s.value:
                self.value_ok += 1
            else:
                self.errors.append((g, s))
        self.errors.extend((g, None) for g in gold if id(g) not in matched_gold)
        self.errors.extend((None, s) for s in system if id(s) not in matched_system)

    def scores(self) -> dict[str, float | int]:
        """Strict and relaxed extent F1, type accuracy, value F1, and the counts."""
        return {
            "extent_p_strict": _ratio(self.strict, self.system),
            "extent_r_strict": _ratio(self.strict, self.gold),
            "extent_f1_strict": f1(self.strict, self.system, self.gold),
            "extent_p_relaxed": _ratio(self.relaxed, self.system),
            "extent_r_relaxed": _ratio(self.relaxed, self.gold),
            "extent_f1_relaxed": f1(self.relaxed, self.system, self.gold),
            "type_acc": _ratio(self.type_ok, self.relaxed),
            "type_f1": f1(self.type_ok, self.system, self.gold),
            "value_p": _ratio(self.value_ok, self.system),
            "value_r": _ratio(self.value_ok, self.gold),
            "value_f1": f1(self.value_ok, self.system, self.gold),
            "n": self.gold,
            "n_system": self.system,
            "documents": self.documents,
        }


def align(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one relaxed matches: overlapping spans, the largest overlaps first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def f1(correct: int, system: int, gold: int) -> float:
    """F1 of precision ``correct/system`` and recall ``correct/gold``."""
    if not correct:
        return 0.0
    precision, recall = correct / system, correct / gold
    return round(2 * precision * recall / (precision + recall), 4)
