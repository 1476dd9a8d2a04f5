"""The actor matcher on our own invented sentences: knowledge base, rules, definitions."""

from __future__ import annotations

from typing import Any

import pytest

from warwire.actors import ActorMention, find_actors


def _find(nlp: Any, text: str, **options: Any) -> list[ActorMention]:
    return find_actors(nlp(text), **options)


def _ids(mentions: list[ActorMention]) -> list[str | None]:
    return [m.actor_id for m in mentions]


def test_informal_names_and_acronyms_of_the_islamic_state_are_one_actor(nlp: Any) -> None:
    text = "Daesh fighters shelled the road. ISIS then claimed it, and the Islamic State lost men."
    mentions = _find(nlp, text)
    assert [m.text for m in mentions] == ["Daesh", "ISIS", "Islamic State"]
    assert set(_ids(mentions)) == {"islamic_state"}
    assert all(m.inter == 2 and m.kind == "actor" for m in mentions)


def test_hts_its_spellings_and_former_name_are_one_actor(nlp: Any) -> None:
    text = "HTS, once Jabhat al-Nusra, is now Hay'at Tahrir al-Sham; Hayat Tahrir al Sham rules."
    mentions = _find(nlp, text)
    assert _ids(mentions) == ["hts"] * 4
    assert mentions[0].name == "Hay'at Tahrir al-Sham"


def test_offsets_cut_the_mention_from_the_text(nlp: Any) -> None:
    text = "Witnesses said al-Shabaab militants had left."
    (mention,) = _find(nlp, text)
    assert text[mention.start : mention.end] == mention.text == "al-Shabaab"


def test_lower_case_is_and_ordinary_words_are_not_actors(nlp: Any) -> None:
    text = "It is what it is. The weather is fine, and the state of the road is poor."
    assert _find(nlp, text) == []


def test_is_needs_context_and_never_matches_inside_isis(nlp: Any) -> None:
    assert _find(nlp, "THIS IS THE END OF IT.") == []
    (mention,) = _find(nlp, "IS fighters crossed the river.")
    assert (mention.text, mention.actor_id, mention.rule) == ("IS", "islamic_state", "kb_ambiguous")
    (isis,) = _find(nlp, "ISIS crossed the river.")
    assert isis.text == "ISIS" and isis.rule == "kb"


def test_national_forces_resolve_to_that_countrys_state_forces(nlp: Any) -> None:
    (iraq,) = _find(nlp, "Iraqi forces retook the town on Monday.")
    assert (iraq.text, iraq.actor_id, iraq.name, iraq.inter) == (
        "Iraqi forces",
        "military_iq",
        "Military Forces of Iraq",
        1,
    )
    text = "The Syrian army advanced as Russian troops and Ukrainian forces clashed elsewhere."
    assert _ids(_find(nlp, text)) == ["military_sy", "military_ru", "military_ua"]
    (israel,) = _find(nlp, "Israeli airstrikes hit the camp.")
    assert (israel.text, israel.actor_id) == ("Israeli", "military_il")
    (police,) = _find(nlp, "Nigerian police arrested twelve people.")
    assert police.actor_id == "police_ng"


def test_government_troops_take_the_default_country(nlp: Any) -> None:
    (known,) = _find(nlp, "Government troops entered the town.", default_country="ML")
    assert known.actor_id == "military_ml" and known.confidence < 0.9
    (unknown,) = _find(nlp, "Government troops entered the town.")
    assert (unknown.actor_id, unknown.name, unknown.inter) == (None, "Government forces", 1)


def test_pro_government_and_stateless_peoples_forces_are_not_state_forces(nlp: Any) -> None:
    assert _find(nlp, "Pro-government forces and Kurdish forces moved in.") == []


def test_tribes_and_clans_are_identity_militias(nlp: Any) -> None:
    text = (
        "The Shammar tribe met the Jughaifi tribe, and Albu Fahd fighters joined the Al Sheikh "
        "clan."
    )
    mentions = _find(nlp, text)
    assert [m.inter for m in mentions] == [4, 4, 4, 4]
    assert mentions[0].actor_id == "shammar"
    assert [m.name for m in mentions[1:]] == ["Jughaifi Tribe", "Albu Fahd", "Al Sheikh Clan"]
    assert all(m.actor_id is None and m.rule == "tribe" for m in mentions[1:])


def test_several_tribes_is_not_a_tribe(nlp: Any) -> None:
    assert _find(nlp, "Several tribes and Sunni tribesmen gathered.") == []


def test_named_operations_are_operations_unless_the_base_holds_them(nlp: Any) -> None:
    text = (
        "Aircraft of Operation Inherent Resolve struck, while Turkey launched Operation Olive "
        'Branch. A later push was codenamed "Iron Dawn".'
    )
    oir, olive, dawn = _find(nlp, text)
    assert (oir.actor_id, oir.kind, oir.inter) == ("cjtf_oir", "actor", 8)
    assert (olive.name, olive.kind, olive.actor_id) == ("Operation Olive Branch", "operation", None)
    assert (dawn.text, dawn.name, dawn.kind) == ("Iron Dawn", "Operation Iron Dawn", "operation")


def test_an_acronym_defined_in_the_report_is_the_same_actor_later(nlp: Any) -> None:
    text = "Fighters of the Popular Front (PF) took the hill. By noon PF fighters had withdrawn."
    front, acronym, later = _find(nlp, text)
    assert (front.text, front.name, front.rule) == (
        "Popular Front",
        "Popular Front",
        "alias_definition",
    )
    assert acronym.text == later.text == "PF"
    assert later.name == "Popular Front" and later.rule == "local_alias"


def test_an_acronym_defined_in_the_report_wins_over_the_knowledge_base(nlp: Any) -> None:
    text = "The Sahel National Alliance (SNA) denied it. SNA fighters later left the area."
    mentions = _find(nlp, text)
    assert {m.name for m in mentions} == {"Sahel National Alliance"}
    assert [m.text for m in mentions] == ["Sahel National Alliance", "SNA", "SNA"]


def test_also_known_as_and_known_locally_as_resolve_to_the_named_actor(nlp: Any) -> None:
    text = (
        "The Islamic State group, also known as Tanzim al-Khilafa, lost a town. Tanzim "
        "al-Khilafa fled."
    )
    mentions = _find(nlp, text)
    assert _ids(mentions) == ["islamic_state"] * 3
    text = (
        "The Lions Brigade, known locally as Usud al-Wadi, attacked. Usud al-Wadi later withdrew."
    )
    first, alias, later = _find(nlp, text)
    assert first.name == alias.name == later.name == "Lions Brigade"
    assert later.text == "Usud al-Wadi"


def test_a_shared_acronym_follows_the_reports_country(nlp: Any) -> None:
    text = "SNA troops entered the town."
    (syria,) = _find(nlp, text, default_country="SY")
    (somalia,) = _find(nlp, text, default_country="SO")
    assert syria.actor_id == "syrian_national_army"
    assert somalia.actor_id == "military_so"
    (unknown,) = _find(nlp, text)
    assert unknown.actor_id is None and unknown.confidence < 0.5


def test_a_shared_acronym_follows_the_actor_named_in_full(nlp: Any) -> None:
    text = "The Somali National Army said SNA troops had entered the town."
    assert _ids(_find(nlp, text)) == ["military_so", "military_so"]


def test_the_group_refers_to_the_last_non_state_actor(nlp: Any) -> None:
    text = (
        "Iraqi forces clashed with Kata'ib Hezbollah. The group said two men died. The rebels fled."
    )
    forces, kh, group, rebels = _find(nlp, text)
    assert forces.actor_id == "military_iq"
    assert group.actor_id == rebels.actor_id == kh.actor_id == "kataib_hezbollah"
    assert (group.text, group.rule, group.confidence) == ("The group", "reference", 0.5)


def test_the_militants_never_refer_to_state_forces(nlp: Any) -> None:
    assert _ids(_find(nlp, "Iraqi forces advanced. The militants fled.")) == ["military_iq"]


def test_the_group_of_soldiers_is_not_a_reference(nlp: Any) -> None:
    text = "Hamas fired rockets. The group of soldiers waited."
    assert [m.rule for m in _find(nlp, text)] == ["kb"]


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Hizbullah and", "hezbollah"),
        ("the Houthis fired", "houthis"),
        ("JNIM claimed", "jnim"),
        ("the Hashd al-Sha'bi said", "pmf"),
        ("FAMa soldiers", "military_ml"),
        ("M23 rebels took Goma", "m23"),
        ("ISIS-K claimed", "iskp"),
        ("the US military said", "military_us"),
    ],
)
def test_spellings_and_acronyms(nlp: Any, text: str, actor_id: str) -> None:
    assert _ids(_find(nlp, text))[:1] == [actor_id]


def test_acronyms_need_their_case(nlp: Any) -> None:
    assert _find(nlp, "the hts file and the jnim string") == []
