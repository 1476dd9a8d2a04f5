"""What places add to ingest, in paired runs: the same reports ingested into fresh SQLite
files with and without the geoparser, alternately, in one process.

    .venv/bin/python benchmarks/places_cost.py [--n 400] [--pairs 4]

On a shared machine the time of one run drifts by more than places cost; a pair run back to
back sees the same host, so the spread and median of the pairs' ratios say more than the
fastest of each kind. Prints one line a pair and the median on stdout.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from warwire.actors import load_actor_base
from warwire.bench import _geoparser, generate_corpus
from warwire.nlp.pipeline import SpacyAnnotator, load_pipeline
from warwire.pipeline import ingest
from warwire.store import SQLiteStore


def _run(corpus: Path, nlp: Any, geoparser: Any) -> float:
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "bench.db") as store:
        annotator = SpacyAnnotator(nlp, geoparser=geoparser, actors=True)
        start = time.perf_counter()
        ingest([str(corpus)], store=store, annotator=annotator)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="reports to generate")
    parser.add_argument("--pairs", type=int, default=4, help="runs with and without places")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate_corpus(corpus, args.n)
        nlp = load_pipeline()
        load_actor_base()
        geoparser = _geoparser(nlp)
        _run(corpus, nlp, geoparser)  # warm every cache once
        ratios = []
        for pair in range(args.pairs):
            order = (None, geoparser) if pair % 2 == 0 else (geoparser, None)
            seconds = {g is not None: _run(corpus, nlp, g) for g in order}
            ratios.append(seconds[True] / seconds[False] - 1)
            print(
                f"pair {pair + 1}: without places {seconds[False]:.1f} s, with "
                f"{seconds[True]:.1f} s, places add {ratios[-1]:.1%}",
                flush=True,
            )
    print(
        f"places add: median {statistics.median(ratios):.1%}, "
        f"from {min(ratios):.1%} to {max(ratios):.1%} ({args.pairs} pairs of {args.n} reports)"
    )


if __name__ == "__main__":
    main()
