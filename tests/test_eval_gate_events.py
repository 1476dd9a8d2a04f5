"""Evaluation gate: warwire's events on our own gold sentences may not fall below the floors
pinned in ``tests/data/events_gold_baseline.json`` (trafilatura's eval gate, for events)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from warwire.evaluate.event_gate import evaluate_event_gold

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def scores(nlp: Any) -> dict[str, Any]:
    return evaluate_event_gold(DATA / "events_gold.jsonl", nlp=nlp)


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    baseline: dict[str, Any] = json.loads(
        (DATA / "events_gold_baseline.json").read_text(encoding="utf-8")
    )
    return baseline


def test_event_detection_keeps_its_f1(scores: dict[str, Any], floors: dict[str, Any]) -> None:
    assert scores["micro"]["f1"] >= floors["micro_f1"]
    assert scores["macro_f1"] >= floors["macro_f1"]
    assert scores["event_types"]["micro"]["f1"] >= floors["event_type_micro_f1"]


def test_sentences_without_events_stay_quiet(
    scores: dict[str, Any], floors: dict[str, Any]
) -> None:
    negatives = scores["negative_sentences"]
    assert negatives["total"] == 40
    assert negatives["with_predictions"] <= floors["max_negative_sentences_with_events"]


def test_each_sub_event_type_keeps_its_f1(scores: dict[str, Any], floors: dict[str, Any]) -> None:
    low = {
        sub: (round(scores["sub_event_types"][sub]["f1"], 3), floor)
        for sub, floor in floors["sub_event_type_f1"].items()
        if scores["sub_event_types"][sub]["f1"] < floor
    }
    assert not low, low


def test_arguments_and_flags_keep_their_accuracy(
    scores: dict[str, Any], floors: dict[str, Any]
) -> None:
    low = {
        name: (round(scores["arguments"][name]["accuracy"], 3), floor)
        for name, floor in floors["arguments"].items()
        if scores["arguments"][name]["accuracy"] < floor
    }
    assert not low, low
