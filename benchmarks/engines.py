"""Reports per second and memory per worker of ingest's engines, on one generated corpus.

    .venv/bin/python benchmarks/engines.py [--n 2000] [--repeat 1]
        [--runs single,pool-1,pool-2,ray-1,ray-2] [--ray-cpus 2] [--out engines.json]

Runs the full ``ingest`` (reading, annotation with places and actors, storing in a fresh SQLite
database, the fusion update of every report) with each engine: one process, a pool of worker
processes, and Ray actors on a local Ray started for the Ray runs only, with ``--ray-cpus``
CPUs (its own processes would otherwise run beside the others' timings). Model loading and
worker start-up are outside the timings. Memory is each worker's resident set (``VmRSS``)
after its run; ``ingest_cpu_s`` is the CPU time of the ``ingest`` process itself (reading,
storing, fusion, and with one process the annotation too), the work no worker can take over,
``worker_cpu_s`` each worker's during the run, and ``load_average_1min`` the machine's load
before and after it (other jobs on the machine show there: CPU the runs did not get).
Every database is compared with the first run's, table by table, record for record.

Speed-ups are given against the first run (``single``) and against the same engine with one
worker. Prints the figures as JSON on stdout (and to ``--out``), progress on stderr.
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
from warwire.store.schema import RECORD_TABLES


def rss_mib(pid: int) -> float:
    """A process's resident set in MiB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise ValueError(f"no VmRSS for process {pid}")


def cpu_s(pid: int) -> float:
    """A process's user and system CPU time in seconds (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def records(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the ingestion timestamp."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    conn = sqlite3.connect(path)
    for table in RECORD_TABLES:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c != "ingested_at")
        tables[table] = sorted(conn.execute(f"SELECT {kept} FROM {table}"), key=repr)
    conn.close()
    return tables


def timed_ingest(
    corpus: Path, db: Path, annotator: Any, log: Callable[[str], Any]
) -> dict[str, Any]:
    import warwire

    stored = 0
    started = time.perf_counter()

    def progress(outcome: Any) -> None:
        nonlocal stored
        if outcome.status == "new":
            stored += 1
            if stored % 250 == 0:
                elapsed = time.perf_counter() - started
                log(f"  {stored} reports, {elapsed:.0f} s, {stored / elapsed:.2f}/s")

    with warwire.open(db) as ws:
        cpu = time.process_time()
        started = time.perf_counter()
        summary = ws.ingest([str(corpus)], annotator=annotator, on_outcome=progress)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
    return {"seconds": elapsed, "stored": summary.new, "ingest_cpu_s": cpu}


def run(name: str, corpus: Path, db: Path, log: Callable[[str], Any]) -> dict[str, Any]:
    """One engine's run: seconds, reports stored, and the workers' memory."""
    from warwire.nlp.parallel import ProcessPoolAnnotator, make_annotator

    kind, _, count = name.partition("-")
    workers = int(count or 1)
    if kind == "single":
        annotator = make_annotator("", True, True)
        result = timed_ingest(corpus, db, annotator, log)
        return {**result, "worker_rss_mib": [rss_mib(os.getpid())]}
    if kind == "pool":
        with ProcessPoolAnnotator(workers) as pool:
            pool.warm_up()
            pids = list(pool._pool._processes or {})  # the executor's worker processes
            before = [cpu_s(pid) for pid in pids]
            result = timed_ingest(corpus, db, pool, log)
            memory = [rss_mib(pid) for pid in pids]
            cpu = [cpu_s(pid) - b for pid, b in zip(pids, before, strict=True)]
        return {**result, "worker_rss_mib": memory, "worker_cpu_s": cpu}
    if kind == "ray":
        from warwire.nlp.ray_engine import RayAnnotator

        with RayAnnotator(workers) as actors:  # returns once every actor has loaded
            pids = actors.pids()
            before = [cpu_s(pid) for pid in pids]
            result = timed_ingest(corpus, db, actors, log)
            memory = [rss_mib(pid) for pid in pids]
            cpu = [cpu_s(pid) - b for pid, b in zip(pids, before, strict=True)]
        return {**result, "worker_rss_mib": memory, "worker_cpu_s": cpu}
    raise SystemExit(f"unknown run {name!r}: use single, pool-N or ray-N")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="reports to generate")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each engine (best kept)")
    parser.add_argument(
        "--runs", default="single,pool-1,pool-2,ray-1,ray-2", help="engines to time, in order"
    )
    parser.add_argument("--ray-cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument("--out", type=Path, help="also write the JSON figures here")
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    names = args.runs.split(",")
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="warwire-engines-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate_corpus(corpus, args.n)
        log(f"{args.n} reports in {corpus}")
        for round_no in range(args.repeat):
            for name in names:
                db = Path(tmp) / f"{name}-{round_no}.db"
                log(f"{name}, round {round_no + 1}")
                load_before = os.getloadavg()[0]
                result = _with_ray(args.ray_cpus, name, corpus, db, log)
                result["load_average_1min"] = [load_before, os.getloadavg()[0]]
                result["reports_per_s"] = result["stored"] / result["seconds"]
                log(f"{name}: {result['seconds']:.1f} s, {result['reports_per_s']:.2f}/s")
                best = results.get(name)
                if best is None or result["seconds"] < best["seconds"]:
                    results[name] = {**result, "db": db}
        reference = records(results[names[0]]["db"])
        for name in names:
            same = records(results[name]["db"]) == reference
            results[name]["same_records_as_" + names[0]] = same
            log(f"{name}: records {'equal to' if same else 'DIFFERENT from'} {names[0]}'s")
            del results[name]["db"]
    base = results[names[0]]["seconds"]
    for name, result in results.items():
        result["speedup"] = base / result["seconds"]
        kind, _, count = name.partition("-")
        one = results.get(f"{kind}-1")
        if count and one is not None:
            result["speedup_over_one_worker"] = one["seconds"] / result["seconds"]
    figures = {
        "reports": args.n,
        "cpus": os.cpu_count(),
        "ray_cpus": args.ray_cpus,
        "load_average_after": os.getloadavg(),
        "runs": results,
    }
    text = json.dumps(figures, indent=2)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")


def _with_ray(
    cpus: int, name: str, corpus: Path, db: Path, log: Callable[[str], Any]
) -> dict[str, Any]:
    """:func:`run`, with a local Ray of ``cpus`` CPUs started around it for a Ray run."""
    if not name.startswith("ray"):
        return run(name, corpus, db, log)
    import ray

    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    try:
        return run(name, corpus, db, log)
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
