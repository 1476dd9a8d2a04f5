"""Load on the HTTP API: 50 concurrent clients on the events and search endpoints.

    .venv/bin/python benchmarks/web_load.py [--db PATH] [--reports 10000] [--clients 50]
                                            [--seconds 20]

Builds (once; reused when ``--db`` exists) a database of ``--reports`` synthetic reports the way
``fusion_incremental.py`` does (documents, places, actors, events, claims, fusion), starts
``warwire serve --read-only`` on a free loopback port in its own process, and runs, for each
endpoint group, ``--clients`` clients that send requests back to back for ``--seconds`` after a
two-second warm-up (not measured): Debian's ``wrk`` (C, two threads, ``--clients``
connections; a Lua script picks the URLs and reports the percentiles) when it is installed,
else (or with ``--tool httpx``) asyncio clients with one httpx connection each, which use more
CPU than the server on a small machine. Each request takes the next URL of its group (events
by actor, place, box, dates, type and a later page; searches for actor and town names and
report words). Prints as JSON the requests, requests/s, p50/p90/p99/max latency in ms, the
server's CPU milliseconds per request and the errors (non-200 answers and failed requests) of
each group.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fusion_incremental import build  # the same synthetic archive

GROUPS: dict[str, list[str]] = {
    "events": [
        "/api/events?limit=50",
        "/api/events?actor=Group%203&limit=50",
        "/api/events?place=Town%2017&limit=50",
        "/api/events?bbox=37,33.5,39,35&limit=50",
        "/api/events?date_from=2015-06-01&date_to=2015-08-31&limit=50",
        "/api/events?type=Battles&limit=50",
        "/api/events?actor=Group%2011&date_from=2016-01-01&limit=50",
        "/api/events?limit=50&offset=500",
    ],
    "search": [
        "/api/search?q=Group%203",
        "/api/search?q=Town%2042",
        "/api/search?q=Report%201234",
        "/api/search?q=gro",
        "/api/search?q=Group%207%20Town%2012",
        "/api/search?q=Outlet",
        "/api/search?q=Town%2088%20officials",
        "/api/search?q=Report%209876",
    ],
}


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process and its finished children (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    warwire = Path(sys.executable).with_name("warwire")
    command = [str(warwire), "serve", "--db", str(db), "--port", str(port), "--read-only"]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/counts", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
        if server.poll() is not None:
            break
    server.kill()
    raise SystemExit(
        f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}"
    )


async def _client(
    base: str, urls: list[str], start: int, until: float, latencies: list[float], errors: list[str]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        i = start
        while time.perf_counter() < until:
            url = urls[i % len(urls)]
            i += 1
            began = time.perf_counter()
            try:
                response = await client.get(url)
                if response.status_code != 200:
                    errors.append(f"{url}: {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - began)


async def _warm(base: str, urls: list[str], clients: int) -> None:
    """Two seconds of the same load, not measured."""
    until = time.perf_counter() + 2
    await asyncio.gather(*(_client(base, urls, k, until, [], []) for k in range(clients)))


async def _run(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, object]:
    latencies: list[float] = []
    errors: list[str] = []
    began = time.perf_counter()
    until = began + seconds
    await asyncio.gather(
        *(_client(base, urls, k, until, latencies, errors) for k in range(clients))
    )
    elapsed = time.perf_counter() - began
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100)
    return {
        "requests": len(ms),
        "requests_per_s": round(len(ms) / elapsed, 1),
        "p50_ms": round(q[49], 1),
        "p90_ms": round(q[89], 1),
        "p99_ms": round(q[98], 1),
        "max_ms": round(ms[-1], 1),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
    }


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT %%d %%f %%f %%f %%f %%f %%d %%d\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def _wrk(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, object]:
    script = Path(tempfile.mkdtemp()) / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{u}"' for u in urls), encoding="utf-8")
    common = ["wrk", "-t2", f"-c{clients}", "--timeout", "10s", "-s", str(script)]
    done = subprocess.run(
        [*common, f"-d{seconds:.0f}s", base], capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    n, elapsed, p50, p90, p99, top, failed, status = line.split()[1:]
    return {
        "requests": int(n),
        "requests_per_s": round(int(n) / float(elapsed), 1),
        "p50_ms": round(float(p50), 1),
        "p90_ms": round(float(p90), 1),
        "p99_ms": round(float(p99), 1),
        "max_ms": round(float(top), 1),
        "errors": int(failed) + int(status),
        "error_examples": [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--tool", choices=("wrk", "httpx"), default=None)
    parser.add_argument("--workers", type=int, default=1, help="warwire serve --workers")
    args = parser.parse_args()
    tool = args.tool or ("wrk" if shutil.which("wrk") else "httpx")
    db = args.db or Path(tempfile.mkdtemp()) / "web-bench.db"
    if not db.exists():
        build(db, args.reports)
    port = _free_port()
    server = _start(db, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        documents = httpx.get(f"{base}/api/counts").json()["documents"]
        results = {}
        for name, urls in GROUPS.items():
            asyncio.run(_warm(base, urls, args.clients))
            before = _cpu_seconds(server.pid)
            if tool == "wrk":
                result = _wrk(base, urls, args.clients, args.seconds)
            else:
                result = asyncio.run(_run(base, urls, args.clients, args.seconds))
            after = _cpu_seconds(server.pid)
            if before is not None and after is not None and args.workers == 1:
                # the server's CPU per request: less sensitive than latency to whatever else
                # the machine runs
                done = int(str(result["requests"]))
                result["server_cpu_ms_per_request"] = round((after - before) * 1000 / done, 2)
            results[name] = result
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {
        "documents": documents,
        "clients": args.clients,
        "tool": tool,
        "workers": args.workers,
        "seconds": args.seconds,
        "cpus": os.cpu_count(),
        **results,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
