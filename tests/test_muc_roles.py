"""Rules of the MUC-4 role filler (``warwire.evaluate.muc_roles``) added after the first
round: each is tested on a sentence written for it, not taken from the MUC-4 data."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from warwire.evaluate.muc_roles import fill_roles


def _fill(nlp: Any, text: str) -> dict[str, list[str]]:
    return {role: [e[0] for e in entities] for role, entities in fill_roles(nlp(text)).items()}


def test_in_front_of_a_building_is_no_organisation(nlp: Any) -> None:
    roles = _fill(nlp, "a bomb exploded in front of the bank.")
    assert roles["Target"] == ["bank"]
    assert roles["PerpOrg"] == []


def test_people_identified_as_victims_or_suspects(nlp: Any) -> None:
    text = (
        "gunmen killed two peasants in the village. the victims were identified as juan "
        "perez and maria gomez. the suspects, who were identified as pedro ramirez, fled."
    )
    roles = _fill(nlp, text)
    assert {"juan perez", "maria gomez"} <= set(roles["Victim"])
    assert "pedro ramirez" in roles["PerpInd"]
    assert "pedro ramirez" not in roles["Victim"]


def test_people_listed_as_the_injured_are_victims(nlp: Any) -> None:
    roles = _fill(nlp, "a bomb exploded at the bank. the injured were juan perez and maria gomez.")
    assert roles["Victim"] == ["juan perez", "maria gomez"]


def test_a_light_verb_gives_its_by_agent_and_with_instrument(nlp: Any) -> None:
    roles = _fill(nlp, "the attack on the bank was carried out by urban guerrillas with grenades.")
    assert roles["PerpInd"] == ["urban guerrillas"]
    assert roles["Weapon"] == ["grenades"]
    assert roles["Target"] == ["bank"]


def test_a_weapon_written_in_two_forms_keeps_the_shorter(nlp: Any) -> None:
    roles = _fill(nlp, "guerrillas placed bombs at the bank. the bomb exploded at noon.")
    assert roles["Weapon"] == ["bomb"]


def test_a_name_goes_on_over_a_surname_that_is_an_english_word(nlp: Any) -> None:
    roles = _fill(nlp, "gunmen killed businessman david leslie kent in the city.")
    assert roles["Victim"] == ["david leslie kent"]


def test_sacking_is_an_incident(nlp: Any) -> None:
    roles = _fill(nlp, "the guerrillas sacked several stores in the town.")
    assert roles["PerpInd"] == ["guerrillas"]
    assert roles["Target"] == ["stores"]


def test_a_title_before_a_known_word_alone_is_no_name(nlp: Any) -> None:
    assert _fill(nlp, "gunmen killed father ellacuria.")["Victim"] == ["ellacuria"]
    assert _fill(nlp, "gunmen killed the driver of minister lopez.")["Victim"] == []


def test_a_spanish_given_name_starts_a_name(nlp: Any) -> None:
    assert _fill(nlp, "gunmen killed emiliano pacheco.")["Victim"] == ["emiliano pacheco"]


def test_weapons_of_war_are_no_weapon_fillers(nlp: Any) -> None:
    roles = _fill(
        nlp, "guerrillas burned the bank with gasoline and attacked the town with artillery."
    )
    assert roles["Weapon"] == ["gasoline"]


def test_an_attack_on_an_aircraft_is_military(nlp: Any) -> None:
    roles = _fill(nlp, "guerrillas attacked an aircraft with rifles near the town.")
    assert all(not fillers for fillers in roles.values())


def test_every_name_of_a_long_identified_list_is_a_victim(nlp: Any) -> None:
    text = (
        "gunmen killed five peasants. the victims were identified as jose manuel rivera, 24, "
        "pedro rafael cortez, 30, luis ordonez, 41, and hugo forero linares, 19, all farmers."
    )
    assert _fill(nlp, text)["Victim"] == [
        "jose manuel rivera",
        "pedro rafael cortez",
        "luis ordonez",
        "hugo forero linares",
    ]


def test_victims_identified_as_the_object_of_identify(nlp: Any) -> None:
    text = (
        "a bomb exploded at the bank. the police identified the dead women as rosa gutierrez "
        "and ana maria lopez."
    )
    assert _fill(nlp, text)["Victim"] == ["rosa gutierrez", "ana maria lopez"]


def test_names_listed_after_a_victim_are_victims(nlp: Any) -> None:
    from warwire.evaluate.muc_lexicon import load_muc_lexicon
    from warwire.evaluate.muc_names import DocumentNames
    from warwire.evaluate.muc_roles import _listed_victims

    doc = nlp("they mourned juan rivera, 42; pedro gomez, 19, and father luis ordonez at noon.")
    names = DocumentNames(doc, load_muc_lexicon())
    first = names.person(doc[3])
    assert first is not None and first.text == "juan rivera"
    sent = next(iter(doc.sents))
    listed = [f.text for f in _listed_victims(sent, [first], names)]
    assert listed == ["pedro gomez", "luis ordonez"]
    guessed = replace(first, slot="sentence")  # a guess of the sentence-wide rule
    assert list(_listed_victims(sent, [guessed], names)) == []


def test_targets_listed_in_apposition(nlp: Any) -> None:
    text = "urban guerrillas attacked four buildings in the capital: a bank, a hotel and a store."
    assert {"bank", "hotel", "store"} <= set(_fill(nlp, text)["Target"])


def test_an_officer_named_by_rank_near_an_incident_is_no_victim(nlp: Any) -> None:
    roles = _fill(nlp, "according to colonel mario lopez, guerrillas killed juan perez.")
    assert roles["Victim"] == ["juan perez"]
