"""Throughput of the full ingest against spaCy's own nlp.pipe, on one generated corpus.

    .venv/bin/python benchmarks/throughput.py [--n 2000] [--workers 1 --workers 2]

The same as ``warwire bench --format json``; prints the figures as JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys

from warwire.bench import run_throughput


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="reports to generate")
    parser.add_argument("--workers", type=int, action="append", help="worker counts (repeat)")
    args = parser.parse_args()
    result = run_throughput(
        n=args.n,
        workers=tuple(args.workers or (1, 2)),
        log=lambda msg: print(msg, file=sys.stderr),
    )
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
