"""The public Python API: exact exports and the README example, run as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import warwire

ROOT = Path(__file__).resolve().parents[1]


def test_exported_members_are_exact() -> None:
    public = {name for name in dir(warwire) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(warwire, name)).__name__ == "module"}
    assert public - modules == set(warwire.__all__) - {"__version__"}
    for name in warwire.__all__:
        assert hasattr(warwire, name), name


def test_readme_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SQLite only: the README's example is a laptop's, with a file beside it
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    (code,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)[:1]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "new," in printed and "failed" in printed
    assert (tmp_path / "example.db").exists()


def test_workspace_mirrors_the_cli(tmp_path: Path, database: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Title: T\n\nKurdish forces retook Kobani in January 2015.", encoding="utf-8")
    with warwire.open(database) as ws:
        summary = ws.ingest([report])
        assert summary.new == 1
        (doc,) = ws.docs()
        assert isinstance(doc, warwire.Document)
        assert ws.show(doc.id[:6]) == ws.show(doc.id)
        assert all(isinstance(m, warwire.Mention) for m in ws.mentions())
        assert ws.store_path == database
    with pytest.raises(warwire.NotFoundError), warwire.open(database) as again:
        again.show("ffffffff")
