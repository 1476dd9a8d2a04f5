"""Person and organisation entities of a report (warwire.nlp.persons): sentences of our own."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

import warwire
from warwire.actors.names import _alternate, word_key
from warwire.models import Entity, Mention
from warwire.nlp.persons import organisation_key, person_key


def _named(text: str, nlp: Any) -> tuple[list[Mention], dict[str, Entity]]:
    analysis = warwire.analyze(text, nlp=nlp)
    entities = {e.id: e for e in analysis.annotation.entities}
    mentions = [
        m
        for m in analysis.annotation.mentions
        if m.entity_id in entities and entities[m.entity_id].kind in {"person", "organisation"}
    ]
    return mentions, entities


def _entity_of(mentions: list[Mention], entities: dict[str, Entity], text: str) -> Entity:
    found = [entities[m.entity_id or ""] for m in mentions if m.text == text]
    assert found, f"no person or organisation mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Abu Muhammad al-Julani", "Abu Mohammad al-Jolani"),
        ("Khaled al-Asaad", "Khalid al-Assad"),
        ("Ahmed Hussein", "Ahmad Husayn"),
        ("Abdel Rahman Mustafa", "Abd al-Rahman Mostafa"),
        ("President Yusuf Qadir", "Youssef Kadir"),
        ("Gen. Omar Haddad", "Umar Hadad"),
    ],
)
def test_person_key_joins_transliterations_and_drops_titles(one: str, other: str) -> None:
    assert person_key(one) == person_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Hassan Nasser", "Hussein Nasser"), ("Bashar al-Assad", "Hafez al-Assad")],
)
def test_person_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert person_key(one) != person_key(other)


def test_person_key_of_a_surname_alone_has_the_alternations() -> None:
    assert person_key("Jolani") == person_key("al-Julani") == "julani"


def test_word_key_is_actor_keys_alternations() -> None:
    words = ["jolani", "shariah", "hayat", "qaeda", "shabaab", "mourabitoun", "sheikh", "yy"]
    words += ["dhahab", "1ah", "11aa", "ayy", "kaeda", "hezbollah", "ouadi"]
    assert [word_key(w) for w in words] == [_alternate(w) for w in words]


def test_organisation_key_drops_the_article_and_possessive() -> None:
    assert organisation_key("the Red Crescent's") == organisation_key("Red Crescent")


def test_surname_alone_resolves_to_the_fullest_name_used_earlier(nlp: Any) -> None:
    text = (
        "Rebel commander Abu Yasser al-Hamadani met tribal elders in Deir ez-Zor on Monday. "
        "Hamadani told them that the road to the east would reopen. "
        "Later, al-Hamadani left the city by car."
    )
    mentions, entities = _named(text, nlp)
    full = _entity_of(mentions, entities, "Abu Yasser al-Hamadani")
    assert full.kind == "person"
    assert full.name == "Abu Yasser al-Hamadani"
    for short in ("Hamadani", "al-Hamadani"):
        assert _entity_of(mentions, entities, short).id == full.id


def test_name_without_its_first_part_resolves_to_the_full_name(nlp: Any) -> None:
    text = (
        "Abu Omar al-Tunisi was seen near the border crossing in March. "
        "Witnesses said Omar al-Tunisi travelled with two guards."
    )
    mentions, entities = _named(text, nlp)
    assert {entities[m.entity_id or ""].name for m in mentions if "Tunisi" in m.text} == {
        "Abu Omar al-Tunisi"
    }


def test_titles_are_not_part_of_the_name(nlp: Any) -> None:
    text = (
        "Gen. Karim Mansour said the army would hold the line near Homs. "
        "Mr Mansour spoke to reporters on Tuesday."
    )
    mentions, entities = _named(text, nlp)
    person = next(entities[m.entity_id or ""] for m in mentions if "Karim" in m.text)
    assert person.name == "Karim Mansour"
    assert all(not m.text.startswith(("Gen", "Mr")) for m in mentions)


def test_two_people_with_one_surname_stay_two(nlp: Any) -> None:
    text = (
        "Nabil Haddad and his cousin Samir Haddad were arrested in Aleppo on Friday. "
        "Police released Samir Haddad two days later."
    )
    mentions, entities = _named(text, nlp)
    people = {entities[m.entity_id or ""].name for m in mentions if "Haddad" in m.text}
    assert people == {"Nabil Haddad", "Samir Haddad"}


def test_same_person_in_two_reports_gets_one_id(nlp: Any) -> None:
    one, one_entities = _named("Abu Mohammad al-Jolani visited Idlib on Sunday.", nlp)
    other, other_entities = _named(
        "Fighters loyal to Abu Muhammad al-Julani patrolled Idlib on Sunday.", nlp
    )
    assert (
        _entity_of(one, one_entities, "Abu Mohammad al-Jolani").id
        == _entity_of(other, other_entities, "Abu Muhammad al-Julani").id
    )


def test_organisation_acronym_joins_its_long_form(nlp: Any) -> None:
    text = (
        "The Levant Monitoring Network (LMN) said 14 people were killed in Ariha on Monday. "
        "LMN relies on a network of sources on the ground, and LMN figures are often revised."
    )
    mentions, entities = _named(text, nlp)
    long_form = next(entities[m.entity_id or ""] for m in mentions if "Monitoring" in m.text)
    assert long_form.kind == "organisation"
    assert long_form.name == "Levant Monitoring Network"
    uses = [m for m in mentions if m.text == "LMN"]
    assert len(uses) == 3  # the definition and both later uses, labelled or not
    assert {m.entity_id for m in uses} == {long_form.id}


def test_actors_and_places_are_not_persons(nlp: Any) -> None:
    text = (
        "Hayat Tahrir al-Sham fighters entered Saraqib on Monday, said Ahmad Darwish, "
        "a local council member."
    )
    mentions, entities = _named(text, nlp)
    assert {entities[m.entity_id or ""].name for m in mentions} <= {"Ahmad Darwish"}
    assert all("Sham" not in m.text and "Saraqib" not in m.text for m in mentions)


def test_examples_name_jolani_as_one_person_in_both_reports(examples_database: str) -> None:
    with warwire.open(examples_database) as ws:
        (entity_id,) = ws.lookup("Abu Mohammad al-Jolani", kind="person")
        sources = {d.source for d in ws.docs() if any(
            m.entity_id == entity_id for m in ws.mentions(doc_id=d.id, labels=["PERSON"])
        )}  # fmt: skip
    assert {"Orontes Observer", "Euphrates Daily"} <= sources


def test_an_organisation_naming_a_place_stays_an_organisation(nlp: Any) -> None:
    # regression: once the geoparser found "Texas" inside the name, the name was left unnamed
    mentions, entities = _named(
        "Officials at the Texas Department of Health said the office was closed.", nlp
    )
    assert _entity_of(mentions, entities, "Texas Department of Health").kind == "organisation"


def test_an_actor_inside_an_org_mention_makes_no_organisation(examples_db: Path) -> None:
    # regression: letting places inside organisations' names through let actors through too,
    # and "HTS", "Islamic State" and "al-Qaeda" became organisations beside their actors
    with sqlite3.connect(examples_db) as conn:
        rows = conn.execute(
            "SELECT o.name FROM entities o JOIN entities a ON a.name = o.name "
            "WHERE o.kind = 'organisation' AND a.kind = 'actor'"
        ).fetchall()
    conn.close()
    assert rows == []
