"""How the fusion update of one report grows with the database, on the generated corpus.

    .venv/bin/python benchmarks/fusion_growth.py [--sizes 300,1000,2000] [--adds 50]

Annotates the generated corpus (seed 7, as ``benchmarks/engines.py``) and the reports to add
(seed 99) once, in this process; stores the corpus report by report, each followed by its
fusion update as ``ingest`` does, keeping a copy of the database at each size; then adds the
same reports to each copy and times their fusion updates alone (``update_fusion``). Prints
JSON on stdout: per size, the median and mean milliseconds of one update. Annotation takes
most of the run (about a minute per 1,000 reports on one idle core).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from warwire.bench import generate_corpus


def annotated(folder: Path, n: int, seed: int, annotator: Any) -> list[Any]:
    from warwire.ingest import ReadOptions, expand, read_source

    generate_corpus(folder, n, seed=seed)
    options = ReadOptions()
    documents = [d for s in expand([str(folder)], options) for d in read_source(s, options)]
    return list(annotator.annotate(documents))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,2000", help="database sizes (reports)")
    parser.add_argument("--adds", type=int, default=50, help="reports added to each size")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    from warwire.fuse.incremental import update_fusion
    from warwire.nlp.parallel import make_annotator
    from warwire.store import SQLiteStore

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    annotator = make_annotator("", True, True)
    figures: dict[str, Any] = {"adds": args.adds, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="warwire-fusion-growth-") as tmp:
        root = Path(tmp)
        log(f"annotating {sizes[-1]} + {args.adds} reports")
        corpus = annotated(root / "corpus", sizes[-1], 7, annotator)
        extra = annotated(root / "extra", args.adds, 99, annotator)
        store = SQLiteStore(root / "base.db")
        for count, (document, annotation) in enumerate(corpus, 1):
            store.add_document(document, annotation)
            update_fusion(store, document.id)
            if count in sizes:
                source, copy = (
                    sqlite3.connect(root / "base.db"),
                    sqlite3.connect(root / f"at-{count}.db"),
                )
                source.backup(copy)  # a reader of its own: the store is between transactions
                source.close()
                copy.close()
                log(f"{count} reports stored")
        store.close()
        for size in sizes:
            path = root / f"added-{size}.db"
            shutil.copy(root / f"at-{size}.db", path)
            times = []
            with SQLiteStore(path) as added:
                for document, annotation in extra:
                    added.add_document(document, annotation)
                    start = time.perf_counter()
                    update_fusion(added, document.id)
                    times.append((time.perf_counter() - start) * 1000)
            figures["sizes"][size] = {
                "median_ms": round(statistics.median(times), 1),
                "mean_ms": round(statistics.mean(times), 1),
            }
            log(f"{size}: {figures['sizes'][size]}")
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
