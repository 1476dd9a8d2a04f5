"""Tests for the geoparsing metrics (warwire.evaluate.geo_metrics)."""

from __future__ import annotations

import itertools
import math

import pytest

from warwire.evaluate.geo_metrics import (
    MAX_ERROR_KM,
    accuracy_at,
    auc,
    error_km,
    exact_matches,
    haversine_km,
    mean_error,
    median_error,
    overlap_matches,
    prf,
)


def test_haversine_paris_london() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=1)


def test_haversine_antipodes_is_half_the_circumference() -> None:
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371)
    assert haversine_km(10, 20, 10, 20) == 0


def test_unresolved_is_the_maximum_error() -> None:
    assert error_km((1.0, 2.0), None) == MAX_ERROR_KM
    assert error_km((1.0, 2.0), (None, 3.0)) == MAX_ERROR_KM
    assert error_km((1.0, 2.0), (1.0, 2.0)) == 0


def test_auc_bounds() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0
    assert auc([MAX_ERROR_KM] * 4) == pytest.approx(1, abs=1e-5)
    assert auc([MAX_ERROR_KM]) == pytest.approx(1, abs=1e-5)


def test_auc_matches_the_reference_trapezoid() -> None:
    errors = [0.0, 10.0, 100.0, 1000.0]
    logs = [math.log1p(e) for e in errors]
    trapezoid = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    assert auc(errors) == pytest.approx(trapezoid / (math.log(20039) * 3))
    assert auc(list(reversed(errors))) == auc(errors)


def test_accuracy_mean_median() -> None:
    errors = [0.0, 100.0, 161.0, 500.0]
    assert accuracy_at(errors) == 0.75
    assert mean_error(errors) == pytest.approx(190.25)
    assert median_error(errors) == pytest.approx(130.5)
    assert math.isnan(accuracy_at([])) and math.isnan(auc([])) and math.isnan(mean_error([]))


def test_exact_and_overlap_matching() -> None:
    gold = [(0, 5), (10, 23), (30, 35)]
    predicted = [(0, 5), (14, 23), (40, 45), (40, 45)]
    assert exact_matches(gold, predicted) == (1, 3, 3)
    assert overlap_matches(gold, predicted) == (2, 3, 2, 3)
    scores = prf(1, 3, 1, 3)
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_prf_with_nothing_is_zero() -> None:
    scores = prf(0, 0, 0, 5)
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
