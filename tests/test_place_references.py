"""Place mentions around actors: "the town" refers to the latest town named, and a name the
actor base holds exactly is not also a place by transliteration ("Daesh")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import warwire


def _places(text: str) -> list[tuple[str, str | None]]:
    analysis = warwire.analyze(text, published=dt.date(2015, 8, 25))
    names = {e.id: e.name for e in analysis.annotation.entities}
    return [
        (m.text, names.get(m.entity_id or ""))
        for m in sorted(analysis.mentions, key=lambda m: m.start)
        if m.label == "PLACE"
    ]


def test_the_town_refers_to_the_latest_town_named_before_it() -> None:
    places = _places("Rebels entered Homs last year. Daesh has held the town since July 2015.")
    assert places[-1][0] == "the town"
    assert places[-1][1] == places[0][1]


def test_the_town_of_x_names_x_and_nothing_before_means_no_reference() -> None:
    assert [p for p, _ in _places("The town was quiet.")] == []
    places = [p for p, _ in _places("Troops entered the town of Homs.")]
    assert "the town" not in places and "Homs" in places


def test_an_actor_name_is_not_a_transliterated_place() -> None:
    assert "Daesh" not in [p for p, _ in _places("Daesh fighters attacked a checkpoint.")]


def test_a_reference_is_not_stored_as_an_alias(tmp_path: Path, database: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "published: 2015-08-25\n\nRebels entered Homs. Shelling hit the town on Monday.\n"
    )
    with warwire.open(database) as ws:
        ws.ingest([str(report)])
        homs = ws.places()
        aliases = {a for s in homs for a in s.aliases}
    assert "the town" not in aliases
