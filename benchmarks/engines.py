"""Reports per second and memory per worker of ingest's engines, on one generated corpus.

    .venv/bin/python benchmarks/engines.py [--n 500] [--repeat 1] [--runs single,pool-2,ray-1,ray-2]

Runs the full ``ingest`` (reading, annotation with places and actors, storing in a fresh SQLite
database, the fusion update of every report) with each engine: one process, a pool of worker
processes, and Ray actors on a local Ray started with as many CPUs as the machine has. Model
loading and worker start-up are outside the timings. Memory is each worker's resident set
(``VmRSS``) after its run. Every database is compared with the single process's, table by
table. Prints the figures as JSON on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warwire.bench import generate_corpus

TABLES = (
    "documents",
    "sentences",
    "mentions",
    "entities",
    "events",
    "claims",
    "fused_events",
    "event_fusion",
    "assessments",
)


def rss_mib(pid: int) -> float:
    """A process's resident set in MiB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise ValueError(f"no VmRSS for process {pid}")


def records(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the ingestion timestamp."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    conn = sqlite3.connect(path)
    for table in TABLES:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c != "ingested_at")
        tables[table] = sorted(conn.execute(f"SELECT {kept} FROM {table}"), key=repr)
    conn.close()
    return tables


def timed_ingest(corpus: Path, db: Path, annotator: Any) -> tuple[float, int]:
    import warwire

    with warwire.open(db) as ws:
        start = time.perf_counter()
        summary = ws.ingest([str(corpus)], annotator=annotator)
        elapsed = time.perf_counter() - start
    return elapsed, summary.new


def run(name: str, corpus: Path, db: Path, log: Callable[[str], Any]) -> dict[str, Any]:
    """One engine's run: seconds, reports stored, and the workers' memory."""
    from warwire.nlp.parallel import ProcessPoolAnnotator, make_annotator

    kind, _, count = name.partition("-")
    workers = int(count or 1)
    if kind == "single":
        annotator = make_annotator("", True, True)
        elapsed, stored = timed_ingest(corpus, db, annotator)
        return {"seconds": elapsed, "stored": stored, "worker_rss_mib": [rss_mib(os.getpid())]}
    if kind == "pool":
        with ProcessPoolAnnotator(workers) as pool:
            pool.warm_up()
            elapsed, stored = timed_ingest(corpus, db, pool)
            pids = list(pool._pool._processes or {})  # the executor's worker processes
            memory = [rss_mib(pid) for pid in pids]
        return {"seconds": elapsed, "stored": stored, "worker_rss_mib": memory}
    if kind == "ray":
        from warwire.nlp.ray_engine import RayAnnotator

        with RayAnnotator(workers) as actors:  # returns once every actor has loaded
            elapsed, stored = timed_ingest(corpus, db, actors)
            memory = [rss_mib(pid) for pid in actors.pids()]
        return {"seconds": elapsed, "stored": stored, "worker_rss_mib": memory}
    raise SystemExit(f"unknown run {name!r}: use single, pool-N or ray-N")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="reports to generate")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each engine (best kept)")
    parser.add_argument("--runs", default="single,pool-2,ray-1,ray-2", help="engines to time")
    args = parser.parse_args()

    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    names = args.runs.split(",")
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="warwire-engines-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate_corpus(corpus, args.n)
        log(f"{args.n} reports in {corpus}")
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
        try:
            for round_no in range(args.repeat):
                for name in names:
                    db = Path(tmp) / f"{name}-{round_no}.db"
                    result = run(name, corpus, db, log)
                    result["reports_per_s"] = result["stored"] / result["seconds"]
                    log(f"{name}: {result['seconds']:.1f} s, {result['reports_per_s']:.2f}/s")
                    best = results.get(name)
                    if best is None or result["seconds"] < best["seconds"]:
                        results[name] = {**result, "db": db}
        finally:
            ray.shutdown()
        reference = records(results[names[0]]["db"])
        for name in names:
            results[name]["same_records_as_" + names[0]] = records(results[name]["db"]) == reference
            del results[name]["db"]
    base = results[names[0]]["seconds"]
    for result in results.values():
        result["speedup"] = base / result["seconds"]
    json.dump({"reports": args.n, "cpus": os.cpu_count(), "runs": results}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
