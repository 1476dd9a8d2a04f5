"""Claim rules that read beyond one clause: the report's focus (headline town and actor),
attacking forces, declared victories and truces, "since" clauses, past perfect holds and the
last positions of a place; with the place and actor references they lean on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import warwire

PUBLISHED = dt.date(2016, 3, 1)


def facts(text: str, title: str | None = None) -> set[tuple[str, str, str]]:
    """(subject, attribute, value) of the claims of ``text``, entities by name."""
    analysis = warwire.analyze(text, published=PUBLISHED, title=title)
    names = {i: e.name for i, e in analysis.entities.items()}
    return {
        (
            names[c.subject],
            c.attribute,
            names.get(c.value, c.value) if c.value_kind == "entity" else c.value,
        )
        for c in analysis.claims
    }


def attributes(found: set[tuple[str, str, str]]) -> set[str]:
    return {attribute for _, attribute, _ in found}


@pytest.fixture(autouse=True)
def _warm(nlp: Any, gazetteer: Any) -> None:
    """The session's pipeline and gazetteer are built before the first analysis."""


def test_a_since_clause_dates_the_hold() -> None:
    found = facts(
        "The Houthis have held Sanaa since they drove out the government in September 2014."
    )
    assert any(a == "control_since" and v == "2014-09" for _, a, v in found)


def test_a_past_perfect_hold_dates_its_start_not_a_lasting_hold() -> None:
    found = facts("The town of Kobani had been held by the YPG since March 2015.")
    assert any(a == "captured_on" and v == "2015-03" for _, a, v in found)
    assert "control_since" not in attributes(found)


def test_taking_the_last_positions_in_a_town_captures_it() -> None:
    found = facts("Government troops captured the last rebel positions in Homs on 9 May 2014.")
    assert any(a == "captured_on" and v == "2014-05-09" for _, a, v in found)


def test_the_last_positions_held_by_a_group_are_not_its_control_of_the_town() -> None:
    found = facts("Shelling hit the last positions held by the Islamic State in Tikrit.")
    assert "controlled_by" not in attributes(found)


def test_a_declared_victory_and_a_declared_liberation_are_dated() -> None:
    found = facts(
        "The prime minister declared victory over the militants in Tikrit on 1 April 2015. "
        "He announced the liberation of Fallujah on 26 June 2016."
    )
    dated = {v for _, a, v in found if a == "victory_declared_on"}
    assert dated == {"2015-04-01", "2016-06-26"}


def test_a_truce_is_dated_and_placed_in_the_town_the_sentence_names() -> None:
    found = facts("Rival factions in Manbij signed a ceasefire on 3 February 2016.")
    assert ("Manbij", "truce_on", "2016-02-03") in found


def test_a_truce_outside_any_named_town_belongs_to_the_headline_town() -> None:
    found = facts(
        "Rebels consolidated their hold on Manbij this week. Rival factions accepted a truce "
        "on 3 February after days of clashes.",
        title="Rebels tighten grip on Manbij",
    )
    assert ("Manbij", "truce_on", "2016-02-03") in found


def test_a_dateline_town_is_not_where_the_truce_was_agreed() -> None:
    # regression: once the geoparser read datelines in capitals, the truce went to Antakya
    text = (
        "ANTAKYA - Rebels now dominate the town of Manbij after rival factions accepted a truce on "
        "3 February, ending a round of infighting."
    )
    found = facts(text, title="Rebels tighten grip on Manbij")
    assert ("Manbij", "truce_on", "2016-02-03") in found
    assert not any(s == "Antakya" for s, _, _ in found)
    analysis = warwire.analyze(text, published=PUBLISHED, title="Rebels tighten grip on Manbij")
    places = {analysis.entities[e.location].name for e in analysis.events if e.location}
    assert "Antakya" not in places


def test_the_attacking_force_of_a_named_or_headline_town() -> None:
    found = facts(
        "Islamic State fighters stormed Manbij on Monday. About 1,500 fighters took part in "
        "the assault, a local official said. Residents say the town was taken by some 400 "
        "fighters.",
        title="Islamic State storms Manbij",
    )
    forces = {(s, v) for s, a, v in found if a == "attacking_force"}
    assert forces == {("Manbij", "1500"), ("Manbij", "400")}


def test_a_count_of_people_without_a_place_belongs_to_the_headline_town() -> None:
    text = (
        "Government forces shelled Aleppo on Monday. Forty people were killed in the clashes, "
        "medics said. Dozens of soldiers were killed, the army said."
    )
    found = facts(text, title="Deadly shelling of Aleppo")
    casualties = {(s, v) for s, a, v in found if a == "casualties"}
    assert casualties == {("Aleppo", "40")}  # the soldiers are one side's losses


def test_its_strength_is_the_headline_actors() -> None:
    found = facts(
        "Jabhat al-Nusra fighters entered Manbij on Monday. Estimates of its strength range "
        "up to 9,000 fighters.",
        title="Jabhat al-Nusra enters Manbij",
    )
    assert any(a == "fighters" and v == "9000" for _, a, v in found)


# --- references the claims lean on ---------------------------------------------------------


def _references(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    analysis = warwire.analyze(text, published=PUBLISHED, title=title)
    names = {i: e.name for i, e in analysis.entities.items()}
    return [
        (m.text, names.get(m.entity_id or ""))
        for m in analysis.mentions
        if m.resolution == "reference"
    ]


def test_the_city_is_the_most_named_town_not_one_named_in_passing() -> None:
    found = _references(
        "Troops entered Aleppo on Monday. Fighting in Aleppo continued. Some units moved "
        "toward Manbij. Later, thousands of people fled the city."
    )
    assert ("the city", "Aleppo") in found


def test_the_provincial_capital_refers_to_a_town_named_before() -> None:
    found = _references("Rebels attacked Idlib on Monday. They now hold the provincial capital.")
    assert ("the provincial capital", "Idlib") in found


def test_the_capital_alone_is_not_a_reference_to_the_latest_town() -> None:
    found = _references("Rebels attacked Aleppo on Monday. Officials in the capital said nothing.")
    assert all(text != "the capital" for text, _ in found)


def test_the_militants_prefer_a_rebel_group_and_the_group_follows_them() -> None:
    analysis = warwire.analyze(
        "The Islamic State attacked the town. The Popular Mobilization Forces, a militia "
        "coalition, fought to the west. The militants blew up a bridge. The group withdrew.",
        published=PUBLISHED,
    )
    names = {i: e.name for i, e in analysis.entities.items()}
    resolved = {
        m.text: names.get(m.entity_id or "")
        for m in analysis.mentions
        if m.label == "ACTOR" and m.resolution == "reference"
    }
    assert resolved == {"The militants": "Islamic State", "The group": "Islamic State"}
