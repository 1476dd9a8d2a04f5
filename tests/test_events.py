"""Event extraction: triggers, sub-types refined by the arguments, actors, places, dates,
fatalities and cues, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import warwire
from warwire.extract.triggers import find_triggers, load_lexicon
from warwire.models import Event

PUBLISHED = dt.date(2016, 3, 28)  # a Monday


def _events(text: str, nlp: Any, published: dt.date | None = PUBLISHED) -> list[Event]:
    return list(warwire.analyze(text, published=published, nlp=nlp).events)


def _named(text: str, nlp: Any) -> list[dict[str, Any]]:
    analysis = warwire.analyze(text, published=PUBLISHED, nlp=nlp)
    names = {e.id: e.name for e in analysis.annotation.entities}
    return [
        {
            "type": e.sub_event_type,
            "actor1": names.get(e.actor1 or ""),
            "actor2": names.get(e.actor2 or ""),
            "place": names.get(e.location or ""),
            "dead": (e.fatalities_low, e.fatalities_high),
            "event": e,
        }
        for e in analysis.events
    ]


def _only(text: str, nlp: Any) -> dict[str, Any]:
    found = _named(text, nlp)
    assert len(found) == 1, [f["type"] for f in found]
    return found[0]


def test_the_lexicon_covers_acled_sub_event_types() -> None:
    lexicon = load_lexicon()
    types = {e.sub_event_type for e in lexicon.entries}
    assert len(types) == 24
    assert {"Air/drone strike", "Government regains territory", "Arrests"} <= types


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Warplanes carried out an air strike on the market.", "Air/drone strike"),
        ("A drone strike hit a car on the highway.", "Air/drone strike"),
        ("The army shelled the eastern districts.", "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded under a bus.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("Militants threw a grenade into the crowd.", "Grenade"),
        ("Witnesses described a chlorine gas attack on the district.", "Chemical weapon"),
        ("Gunmen abducted the village chief.", "Abduction/forced disappearance"),
        ("Police arrested three men at the border.", "Arrests"),
        ("Thousands of people took to the streets to demand elections.", "Peaceful protest"),
        ("The two sides signed a ceasefire agreement.", "Agreement"),
        ("Fighters looted shops in the market.", "Looting/property destruction"),
        ("Engineers defused a bomb planted near the school.", "Disrupted weapons use"),
        ("Rebels launched an offensive on the northern front.", "Change to group/activity"),
    ],
)
def test_triggers_name_their_sub_event_type(text: str, sub_type: str, nlp: Any) -> None:
    assert sub_type in [t.sub_event_type for t in find_triggers(nlp(text)[:])]


def test_longer_phrases_win_over_the_words_they_contain(nlp: Any) -> None:
    triggers = find_triggers(nlp("A suicide car bomb struck the convoy.")[:])
    assert [t.sub_event_type for t in triggers if not t.weak] == ["Suicide bomb"]
    assert [e.sub_event_type for e in _events("A suicide car bomb struck the convoy.", nlp)] == [
        "Suicide bomb"
    ]


def test_a_month_or_a_teachers_strike_is_not_a_military_event(nlp: Any) -> None:
    assert _events("The talks resumed in March 2016.", nlp) == []
    assert [e.sub_event_type for e in _events("Teachers went on strike.", nlp)] == [
        "Peaceful protest"
    ]


def test_an_attack_on_soldiers_is_a_clash_and_on_villagers_an_attack(nlp: Any) -> None:
    clash = _only("Al-Shabaab militants attacked an army base, killing dozens of soldiers.", nlp)
    assert clash["type"] == "Armed clash"
    assert clash["actor1"] == "Al-Shabaab"
    assert clash["dead"] == (12, 12)  # ACLED: dozens = 12
    attack = _only("Boko Haram fighters killed between 10 and 15 villagers in Borno.", nlp)
    assert attack["type"] == "Attack"
    assert attack["event"].event_type == "Violence against civilians"
    assert attack["dead"] == (10, 15)
    assert attack["place"] == "Borno"


def test_territory_taken_by_state_forces_is_regained_by_others_overtaken(nlp: Any) -> None:
    taken = _only("Islamic State fighters captured Palmyra in May 2015.", nlp)
    assert taken["type"] == "Non-state actor overtakes territory"
    assert taken["actor1"] == "Islamic State"
    assert taken["event"].date.value == "2015-05"
    assert taken["event"].time_precision == 3  # ACLED: a month-only date
    back = _only("Syrian government forces captured Palmyra from the Islamic State.", nlp)
    assert back["type"] == "Government regains territory"
    assert back["actor1"] == "Military Forces of Syria"
    assert back["actor2"] == "Islamic State"


def test_a_town_that_fell_to_a_group_was_overtaken_by_it(nlp: Any) -> None:
    event = _only("The town of Manbij fell to the Islamic State on Wednesday.", nlp)
    assert event["type"] == "Non-state actor overtakes territory"
    assert event["actor1"] == "Islamic State"
    assert event["event"].date.value == "2016-03-23"
    assert event["event"].time_precision == 1


def test_clashes_between_two_actors_name_both(nlp: Any) -> None:
    event = _only(
        "Clashes between the Iraqi army and ISIS militants killed at least 12 fighters near Mosul.",
        nlp,
    )
    assert event["type"] == "Armed clash"
    assert {event["actor1"], event["actor2"]} == {"Military Forces of Iraq", "Islamic State"}
    assert event["place"] == "Mosul"
    assert event["event"].geo_precision == 2  # "near"
    assert event["dead"] == (12, 12)
    assert event["event"].fatalities_qualifier == "lower"


def test_a_demonym_on_the_weapon_names_the_state_forces(nlp: Any) -> None:
    event = _only("Russian warplanes struck the village of Kafr Nabl, killing 6 civilians.", nlp)
    assert event["type"] == "Air/drone strike"
    assert event["actor1"] == "Military Forces of Russia"
    assert event["dead"] == (6, 6)


def test_one_sentence_may_hold_several_events(nlp: Any) -> None:
    found = _named(
        "Government warplanes bombed the town while rebels kidnapped two aid workers.", nlp
    )
    assert {f["type"] for f in found} >= {
        "Air/drone strike",
        "Abduction/forced disappearance",
    }


def test_a_sentence_without_a_date_takes_the_publication_date_at_week_precision(
    nlp: Any,
) -> None:
    (event,) = _events("A car bomb killed five people in Kabul.", nlp)
    assert event.date is not None
    assert event.date.value == "2016-03-28"
    assert event.date.anchor == "published"
    assert event.time_precision == 2
    (undated,) = _events("A car bomb killed five people in Kabul.", nlp, published=None)
    assert undated.date is None


def test_fatalities_add_up_across_the_victims_of_one_killing(nlp: Any) -> None:
    (event,) = _events("An air strike killed five soldiers and three civilians in the town.", nlp)
    assert (event.fatalities_low, event.fatalities_high) == (8, 8)


def test_the_wounded_are_not_fatalities(nlp: Any) -> None:
    (event,) = _events("A roadside bomb wounded 14 soldiers near Kandahar.", nlp)
    assert event.fatalities_low is None


def test_a_death_toll_counts(nlp: Any) -> None:
    (event,) = _events("The death toll from the suicide bombing rose to 31.", nlp)
    assert event.sub_event_type == "Suicide bomb"
    assert event.fatalities_low == 31


def test_hedged_negated_future_and_attributed_events(nlp: Any) -> None:
    (hedged,) = _events("Rebels reportedly shelled the airport.", nlp)
    assert hedged.hedged and not hedged.negated
    (negated,) = _events("The army denied that it shelled the airport.", nlp)
    assert negated.negated
    (future,) = _events("The militants threatened to attack the capital.", nlp)
    assert future.future
    (told,) = _events(
        "An air strike hit the hospital, according to the Syrian Observatory for Human Rights.",
        nlp,
    )
    assert told.attributed_to is not None and "Syrian Observatory" in told.attributed_to


def test_background_sentences_are_historical(nlp: Any) -> None:
    (event,) = _events("Islamic State fighters captured the city in 2014.", nlp)
    assert event.historical
    (news,) = _events("Islamic State fighters captured the city on Sunday.", nlp)
    assert not news.historical


def test_the_attribution_source_is_not_an_actor_of_the_event(nlp: Any) -> None:
    (event,) = _events("An air strike killed four people, the Iraqi army said.", nlp)
    assert event.actor1 is None


def test_events_quote_their_sentence(nlp: Any) -> None:
    text = "Calm returned to the city. Gunmen kidnapped 30 students from a school in Kaduna."
    analysis = warwire.analyze(text, published=PUBLISHED, nlp=nlp)
    (event,) = analysis.events
    assert text[event.start : event.end].startswith("Gunmen kidnapped")
    assert text[event.trigger_start : event.trigger_end] == event.trigger
    assert event.sentence == 1


def test_eval_events_reads_our_gold_format(tmp_path: Any) -> None:
    from warwire.evaluate.events import detect_format

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a-01", "text": "Rebels shelled the town.", "events": []}\n')
    assert detect_format(gold) == "gold"
