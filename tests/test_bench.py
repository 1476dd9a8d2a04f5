"""The throughput benchmark runs end to end (a smoke test: figures are not asserted)."""

from __future__ import annotations

from typing import Any

from warwire.bench import run_throughput


def test_bench_reports_every_run(gazetteer: Any) -> None:
    lines: list[str] = []
    result = run_throughput(n=12, workers=(1,), repeat=2, log=lines.append)
    assert set(result["runs"]) == {
        "nlp.pipe",
        "ingest --no-places --workers 1",
        "ingest --workers 1",
    }
    assert result["summary"]["reports"] == 12 and result["summary"]["repeat"] == 2
    assert all(r["seconds"] > 0 for r in result["runs"].values())
    assert sum("nlp.pipe" in line for line in lines) == 2
