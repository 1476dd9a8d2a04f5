"""Docs that cannot drift: every CLI command and every setting is documented in the README."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from warwire.cli import app
from warwire.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    lines = [line for line in README.splitlines() if line.strip()]
    assert lines[0].startswith("# ")
    assert lines[1] == "```sh"
    assert lines[2].startswith("make demo")
    assert lines[3].startswith("make test")


def test_every_command_is_documented() -> None:
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"`{name}" in README, name


def test_every_subcommand_is_documented() -> None:
    import warwire.cli  # noqa: F401  (registers the command groups)

    for group in app.registered_groups:
        sub = group.typer_instance
        assert sub is not None
        for command in sub.registered_commands:
            name = command.name or (command.callback.__name__ if command.callback else "")
            assert f"`{group.name} {name}" in README, (group.name, name)


def test_every_setting_is_documented() -> None:
    for f in fields(Settings):
        assert f"WARWIRE_{f.name.upper()}" in README, f.name
