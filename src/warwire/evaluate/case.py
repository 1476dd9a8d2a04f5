"""CASE 2021 Task 2: classify news snippets into event types and score the classification.

The test set (Haneczok et al., "Fine-grained Event Classification in News-like Text Snippets",
CASE 2021; ``events/CASE2021/task2/test_set_final_release_with_labels.tsv``) is a TSV file with
the header ``id  EventSnippet  SubType`` and one snippet a line. Its labels are the 25 ACLED
sub-event types under CASE names (subtask 1), plus ORG_CRIME, NATURAL_DISASTER and
MAN_MADE_DISASTER (subtask 2), plus DIPLO and ATTRIB (subtask 3: all 30).

A classifier is any function from a snippet to a label. :func:`warwire_classifier` runs
:func:`warwire.analyze` and maps the ACLED ``sub_event_type`` of the snippet's main event to its
CASE name (:data:`ACLED_TO_CASE`). The main event is the first current event (neither negated
nor historical) not subsumed by another of the snippet's events (see :func:`main_event`), else
the first event; a snippet without events gets :data:`NO_EVENT`. ACLED has
no counterpart for the five unseen types, so warwire never predicts them.

Scores are scikit-learn's: per-class F1 over the union of gold and predicted labels, ``macro``
their plain mean (a predicted label with no gold support, such as ``none``, counts as a class
with F1 0), ``weighted`` their mean weighted by gold support, and accuracy. They are given over
the subtask 1 snippets, the subtask 2 snippets and all snippets.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from warwire.errors import InputError

if TYPE_CHECKING:
    from warwire.models import Event

__all__ = [
    "ACLED_TO_CASE",
    "CASE_ACLED_LABELS",
    "CASE_SUBTASK2_LABELS",
    "CASE_SUBTASK3_LABELS",
    "NO_EVENT",
    "CaseSnippet",
    "ClassScores",
    "classification_scores",
    "confusions",
    "main_event",
    "read_case",
    "score_case",
    "warwire_classifier",
]

ACLED_TO_CASE: Mapping[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Suicide bomb": "SUIC_BOMB",
    "Grenade": "GRENADE",
    "Chemical weapon": "CHEM_WEAP",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Sexual violence": "SEX_VIOL",
    "Arrests": "ARREST",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
"""ACLED sub-event type -> CASE 2021 label (the file's spelling, e.g. PROPERTY_DISTRUCT)."""

CASE_ACLED_LABELS: frozenset[str] = frozenset(ACLED_TO_CASE.values())
"""The 25 labels of subtask 1."""
CASE_SUBTASK2_LABELS: frozenset[str] = CASE_ACLED_LABELS | {
    "ORG_CRIME",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
}
CASE_SUBTASK3_LABELS: frozenset[str] = CASE_SUBTASK2_LABELS | {"DIPLO", "ATTRIB"}
NO_EVENT = "none"
"""The label predicted for a snippet in which no event is found."""

_HEADER = ("id", "EventSnippet", "SubType")
_HEADER_TEXT = "\t".join(_HEADER)

Classifier = Callable[[str], str]


@dataclass(frozen=True)
class CaseSnippet:
    """One snippet of the test set with its gold label."""

    id: str
    text: str
    label: str


def read_case(path: Path) -> list[CaseSnippet]:
    """Read the CASE 2021 Task 2 TSV (see the module docstring).

    Quotes are ordinary characters (the snippets quote speech). Raises :class:`InputError`
    naming the file, and the line where one is at fault: a missing or different header, a line
    without three tab-separated fields, an empty snippet or a label outside the 30 types.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot open the file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from exc
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    snippets: list[CaseSnippet] = []
    for number, row in enumerate(rows, start=1):
        if number == 1:
            if tuple(cell.strip() for cell in row) != _HEADER:
                raise InputError(str(path), f"line 1: expected the header {_HEADER_TEXT!r}")
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise InputError(str(path), f"line {number}: expected 3 tab-separated fields")
        snippet_id, snippet, label = (cell.strip() for cell in row)
        if not snippet:
            raise InputError(str(path), f"line {number}: empty snippet")
        if label not in CASE_SUBTASK3_LABELS:
            raise InputError(str(path), f"line {number}: unknown label {label!r}")
        snippets.append(CaseSnippet(snippet_id, snippet, label))
    if not snippets:
        raise InputError(str(path), "no snippets")
    return snippets


def main_event(events: Sequence[Event]) -> Event | None:
    """The snippet's main event: the first current event (neither negated nor historical) whose
    type no other current event of the snippet subsumes (a protest that later turns violent is
    a violent demonstration, as ACLED codes one event per protest), else the first event."""
    from warwire.extract.events import SUBSUMES

    current = [e for e in events if not e.negated and not e.historical]
    types = {e.sub_event_type for e in current}
    covered = set().union(*(SUBSUMES.get(t, frozenset()) for t in types)) if types else set()
    for event in current:
        if event.sub_event_type not in covered:
            return event
    if current:
        return current[0]
    return events[0] if events else None


def warwire_classifier() -> Classifier:
    """A classifier running :func:`warwire.analyze` on each snippet (spaCy loaded once)."""
    from warwire.analysis import analyze
    from warwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def classify(text: str) -> str:
        event = main_event(analyze(text, nlp=nlp).annotation.events)
        if event is None:
            return NO_EVENT
        return ACLED_TO_CASE.get(event.sub_event_type, NO_EVENT)

    return classify


@dataclass(frozen=True)
class ClassScores:
    """Weighted F1, macro F1 and accuracy over one set of snippets."""

    weighted_f1: float
    macro_f1: float
    accuracy: float
    n: int


def classification_scores(gold: Sequence[str], predicted: Sequence[str]) -> ClassScores:
    """scikit-learn's weighted and macro F1 and accuracy (see the module docstring)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    if not gold:
        return ClassScores(float("nan"), float("nan"), float("nan"), 0)
    support = Counter(gold)
    guessed = Counter(predicted)
    correct = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    f1s: dict[str, float] = {}
    for label in set(support) | set(guessed):
        tp = correct[label]
        denominator = support[label] + guessed[label]
        f1s[label] = 2 * tp / denominator if denominator else 0.0
    weighted = sum(f1s[label] * n for label, n in support.items()) / len(gold)
    return ClassScores(
        weighted_f1=weighted,
        macro_f1=sum(f1s.values()) / len(f1s),
        accuracy=sum(correct.values()) / len(gold),
        n=len(gold),
    )


def confusions(
    gold: Sequence[str], predicted: Sequence[str], *, top: int = 10
) -> list[tuple[str, str, int]]:
    """The most frequent (gold, predicted, count) disagreements."""
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in pairs.most_common(top)]


Progress = Callable[[int, int], None]


def score_case(
    snippets: Iterable[CaseSnippet],
    classify: Classifier,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
) -> dict[str, float | int | str]:
    """Classify every snippet (or the first ``limit``) and score the labels.

    Keys: ``weighted_f1``, ``macro_f1``, ``accuracy`` and ``n`` for subtask 1 (the 25 ACLED
    types), the same with ``_subtask2`` and ``_all`` suffixes, ``no_event`` (snippets where no
    event was found) and ``top_confusions`` ("GOLD->PREDICTED n; ..." over all snippets).
    """
    chosen = list(snippets)
    if limit is not None:
        chosen = chosen[:limit]
    predicted: list[str] = []
    for i, snippet in enumerate(chosen):
        predicted.append(classify(snippet.text))
        if progress is not None:
            progress(i + 1, len(chosen))
    gold = [s.label for s in chosen]
    result: dict[str, float | int | str] = {}
    for suffix, labels in (
        ("", CASE_ACLED_LABELS),
        ("_subtask2", CASE_SUBTASK2_LABELS),
        ("_all", CASE_SUBTASK3_LABELS),
    ):
        kept = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in labels]
        scores = classification_scores([g for g, _ in kept], [p for _, p in kept])
        result[f"weighted_f1{suffix}"] = scores.weighted_f1
        result[f"macro_f1{suffix}"] = scores.macro_f1
        result[f"accuracy{suffix}"] = scores.accuracy
        result[f"n{suffix}"] = scores.n
    result["no_event"] = predicted.count(NO_EVENT)
    result["top_confusions"] = "; ".join(
        f"{g}->{p} {n}" for g, p, n in confusions(gold, predicted, top=10)
    )
    return result
