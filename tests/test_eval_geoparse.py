"""Tests for the geoparsing evaluation harness (warwire.evaluate.geoparse)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from warwire.evaluate.geo_metrics import MAX_ERROR_KM
from warwire.evaluate.geo_types import PredictedPlace
from warwire.evaluate.geoparse import evaluate_geoparse

CORPUS = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Alton and Brisk met near Corvale.]]></text>
    <toponyms>
      <toponym><start>0</start><end>5</end><phrase>Alton</phrase>
        <gaztag geonameid="1"><lat>10.0</lat><lon>10.0</lon></gaztag></toponym>
      <toponym><start>10</start><end>15</end><phrase>Brisk</phrase>
        <gaztag geonameid="2"><lat>20.0</lat><lon>20.0</lon></gaztag></toponym>
      <toponym><start>25</start><end>32</end><phrase>Corvale</phrase></toponym>
    </toponyms>
  </article>
  <article docid="2">
    <text><![CDATA[Dunmere is quiet.]]></text>
    <toponyms>
      <toponym><start>0</start><end>7</end><phrase>Dunmere</phrase>
        <gaztag geonameid="4"><lat>-5.0</lat><lon>100.0</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

POINTS = {"Alton": (10.0, 10.0), "Brisk": (25.0, 20.0), "Corvale": (0.0, 0.0)}


class FakeGeoparser:
    """Knows three names; recognises every capitalised word that it knows, plus "met"."""

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[PredictedPlace | None]:
        out: list[PredictedPlace | None] = []
        for start, end in spans:
            point = POINTS.get(text[start:end])
            out.append(None if point is None else PredictedPlace(start, end, *point, None))
        return out

    def parse(self, text: str) -> list[PredictedPlace]:
        found = []
        for word in ("Alton", "Brisk", "met"):
            start = text.find(word)
            if start >= 0:
                point = POINTS.get(word, (None, None))
                found.append(PredictedPlace(start, start + len(word), *point, None))
        return found


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def test_evaluate_geoparse_scores_resolution_and_recognition(corpus: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = evaluate_geoparse(corpus, FakeGeoparser(), progress=lambda i, n: calls.append((i, n)))
    assert calls == [(1, 2), (2, 2)]
    # resolution: Alton exact, Brisk 5 degrees of latitude off (~556 km), Dunmere unresolved
    assert result["n"] == 3
    assert result["acc161"] == pytest.approx(1 / 3)
    assert result["median_km"] == pytest.approx(556, abs=1)
    assert result["mean_km"] == pytest.approx((0 + 556 + MAX_ERROR_KM) / 3, abs=1)
    assert 0 < result["auc"] < 1
    assert result["unresolved"] == 1
    # recognition: gold 4 spans, predicted Alton, Brisk, met -> 2 exact matches
    assert result["n_gold_spans"] == 4 and result["n_predicted_spans"] == 3
    assert result["recognition_precision"] == pytest.approx(2 / 3)
    assert result["recognition_recall"] == pytest.approx(2 / 4)
    assert result["recognition_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert result["recognition_f1_relaxed"] == result["recognition_f1"]
    assert result["acc161_e2e"] == 0.5 and result["n_e2e"] == 2
    assert result["n_docs"] == 2 and result["realigned"] == 0 and result["dropped"] == 0
    json.dumps(result)


def test_evaluate_geoparse_limit(corpus: Path) -> None:
    result = evaluate_geoparse(corpus, FakeGeoparser(), limit=1)
    assert result["n_docs"] == 1 and result["n"] == 2
    assert result["acc161"] == 0.5


def test_evaluate_geoparse_with_no_documents_gives_nan(corpus: Path) -> None:
    result = evaluate_geoparse(corpus, FakeGeoparser(), limit=0)
    assert result["n"] == 0 and math.isnan(result["acc161"])
    assert result["recognition_f1"] == 0.0


class WrongLength(FakeGeoparser):
    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[PredictedPlace | None]:
        return []


def test_a_geoparser_must_answer_every_span(corpus: Path) -> None:
    with pytest.raises(ValueError, match="0 answers for 3 spans"):
        evaluate_geoparse(corpus, WrongLength())


@pytest.mark.slow
def test_population_baseline_resolves_by_most_populous_name() -> None:
    from warwire.evaluate.geo_baseline import PopulationBaseline

    baseline = PopulationBaseline(min_city_population=15000)
    text = "From london to Zzyzxqq."
    london, unknown = baseline.resolve_spans(text, [(5, 11), (15, 22)])
    assert london is not None and london.lat is not None and london.lon is not None
    assert abs(london.lat - 51.5) < 0.5 and abs(london.lon) < 0.5  # London, England
    assert unknown is None
    assert baseline.parse(text) == []
