"""Incremental fusion and the order reports arrive in (a known bug, kept visible)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import warwire
from warwire.bench import generate_corpus


@pytest.mark.xfail(
    strict=True,
    reason="incremental fusion attaches each event greedily to the clusters already stored, "
    "so the same reports in another order can fuse differently (found in session 6: 24 "
    "clusters differ for 24 generated reports; the PostgreSQL two-writer test sees the same)",
)
def test_the_same_reports_in_another_order_fuse_alike(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path / "corpus", 24, seed=11)
    later, earlier = tmp_path / "later", tmp_path / "earlier"
    later.mkdir()
    earlier.mkdir()
    for path in paths[:16]:
        shutil.copy(path, later)
    for path in paths[16:]:
        shutil.copy(path, earlier)

    def fused(ws: warwire.Workspace) -> list[tuple[str, ...]]:
        return sorted(tuple(sorted(f.event_ids)) for f in ws.store.fused_events())

    with warwire.open(tmp_path / "one.db") as one, warwire.open(tmp_path / "two.db") as two:
        one.ingest([str(tmp_path / "corpus")])
        two.ingest([str(earlier)])
        two.ingest([str(later)])
        assert sorted(e for f in fused(one) for e in f) == sorted(e for f in fused(two) for e in f)
        assert fused(one) == fused(two)
