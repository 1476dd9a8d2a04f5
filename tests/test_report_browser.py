"""The HTML dossier in a real browser: headless Chromium, with every network request blocked,
renders the map, the timeline and the contradictions section (screenshot and DOM checked).

Chromium comes from ``scripts/ensure_chromium.sh`` (run by ``make test``); without it the test
is skipped on a laptop and fails under CI (``CI=true``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from report_fixtures import dossier
from warwire.report import dossier_to_html

# no request may leave the machine: unresolvable hosts and a dead proxy
OFFLINE = [
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
]


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("headless Chromium is required under CI: run scripts/ensure_chromium.sh")
    pytest.skip("Chromium is not installed (scripts/ensure_chromium.sh installs it)")


def _run(browser: str, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *OFFLINE,
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _png_rows_vary(png: bytes) -> bool:
    """Whether a PNG is not one flat colour (its decompressed pixel data is not uniform)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data = b""
    pos = 8
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(data)
    return len(set(pixels[:200_000])) > 8


def test_the_html_dossier_renders_offline_in_headless_chromium(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "dossier.html"
    page.write_text(dossier_to_html(dossier()), encoding="utf-8")
    url = page.as_uri()

    dom = _run(browser, "--dump-dom", url, tmp_path=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    assert '<section id="contradictions">' in html
    assert '<section id="map">' in html and "<svg" in html.split('<section id="map">')[1]
    assert '<section id="timeline">' in html
    assert "<svg" in html.split('<section id="timeline">')[1]
    assert html.index('id="contradictions"') < html.index('id="assessments"')

    shot = tmp_path / "dossier.png"
    result = _run(
        browser, f"--screenshot={shot}", "--window-size=1280,2400", url, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    png = shot.read_bytes()
    assert len(png) > 20_000
    assert _png_rows_vary(png)
