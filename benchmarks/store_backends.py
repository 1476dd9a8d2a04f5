"""Ingest into SQLite against PostgreSQL, on the same generated corpus.

    WARWIRE_PG_DURABLE=1 WARWIRE_PG_STATE=/tmp/warwire-bench-pg sh scripts/ensure_postgres.sh
    .venv/bin/python benchmarks/store_backends.py --pg postgresql://warwire@127.0.0.1:PORT/postgres
        [--reports 300] [--repeat 2]

Reads and annotates the corpus once (``warwire.bench.generate_corpus``; spaCy, places, actors,
events, claims), then for each backend, in a fresh database: the store and fusion alone (each
annotated report through ``add_document`` and ``update_fusion``, as ingest does), and a full
``ingest`` of the folder (reading, annotating, storing, fusion). PostgreSQL runs twice: with its
default ``synchronous_commit = on`` (each commit waits for the disk) and with it ``off`` (a
crash may lose the last commits but never corrupts, as SQLite's ``synchronous = NORMAL`` in WAL
mode). Runs are interleaved and each keeps its fastest time. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

import warwire
from warwire.bench import generate_corpus
from warwire.fuse.incremental import update_fusion
from warwire.ingest import ReadOptions, expand, read_source
from warwire.ingest.sources import Source
from warwire.models import Annotation, Document
from warwire.nlp.parallel import make_annotator
from warwire.store import open_store


def _fresh_postgres(server: str, name: str, options: str) -> str:
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{server.rsplit('/', 1)[0]}/{name}"
    return f"{url}?options={options}" if options else url


def _store_and_fuse(db: str, annotated: list[tuple[Document, Annotation]]) -> list[float]:
    seconds = []
    with open_store(db) as store:
        for document, annotation in annotated:
            start = time.perf_counter()
            if store.add_document(document, annotation) == "new":
                update_fusion(store, document.id)
            seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--pg", required=True, help="a PostgreSQL URL whose user may create databases"
    )
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="warwire-backends-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        generate_corpus(corpus, args.reports)
        options = ReadOptions()
        documents = [
            doc
            for src in expand([str(corpus)], options)
            if isinstance(src, Source)
            for doc in read_source(src, options)
        ]
        annotator = make_annotator("", places=True, actors=True)
        start = time.perf_counter()
        annotated = list(annotator.annotate(documents))
        annotate_s = time.perf_counter() - start
        log(f"{len(annotated)} reports annotated in {annotate_s:.1f} s")

        backends = {
            "sqlite": lambda run: str(folder / f"{run}.db"),
            "postgres": lambda run: _fresh_postgres(args.pg, f"bench_{run}", ""),
            "postgres, synchronous_commit off": lambda run: _fresh_postgres(
                args.pg, f"bench_{run}", "-csynchronous_commit%3Doff"
            ),
        }
        best: dict[str, dict[str, Any]] = {}
        for round_no in range(args.repeat):
            for n, (name, make) in enumerate(backends.items()):
                db = make(f"store_{round_no}_{n}")
                start = time.perf_counter()
                per_report = _store_and_fuse(db, annotated)
                store_s = time.perf_counter() - start
                db = make(f"ingest_{round_no}_{n}")
                with warwire.open(db) as ws:
                    start = time.perf_counter()
                    summary = ws.ingest([str(corpus)], annotator=annotator)
                    ingest_s = time.perf_counter() - start
                assert summary.new == len(annotated), summary.failures
                log(f"{name}: store and fusion {store_s:.1f} s, ingest {ingest_s:.1f} s")
                old = best.setdefault(name, {})
                if store_s < old.get("store_and_fusion_s", float("inf")):
                    old["store_and_fusion_s"] = store_s
                    old["store_and_fusion_median_ms"] = 1000 * statistics.median(per_report)
                old["ingest_s"] = min(ingest_s, old.get("ingest_s", ingest_s))
        for figures in best.values():
            figures["store_reports_per_s"] = len(annotated) / figures["store_and_fusion_s"]
            figures["ingest_reports_per_s"] = len(annotated) / figures["ingest_s"]
        print(
            json.dumps(
                {"reports": len(annotated), "annotate_s": annotate_s, "backends": best}, indent=2
            )
        )


if __name__ == "__main__":
    main()
