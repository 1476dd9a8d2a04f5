"""The event gold set: reading it, validating it and scoring predictions against it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from warwire.errors import InputError
from warwire.evaluate.event_gold import (
    ACLED_TAXONOMY,
    ID_PREFIXES,
    GoldEvent,
    GoldSentence,
    PredictedEvent,
    read_gold,
    score_events,
    strings_match,
    validate_gold,
)

GOLD_FILE = Path(__file__).resolve().parent / "data" / "events_gold.jsonl"

STRIKE = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
ARRESTS = "Arrests"


def _line(**overrides: Any) -> str:
    record: dict[str, Any] = {
        "id": "airstrike-01",
        "text": "An air strike on Ariha killed 11 civilians, activists said.",
        "published": "2019-11-03",
        "events": [
            {
                "sub_event_type": STRIKE,
                "event_type": "Explosions/Remote violence",
                "trigger": "air strike",
                "actor1": None,
                "actor2": "civilians",
                "location": "Ariha",
                "fatalities_low": 11,
                "fatalities_high": 11,
                "hedged": False,
                "negated": False,
                "future": False,
                "attributed_to": "activists",
            }
        ],
    }
    record.update(overrides)
    return json.dumps(record)


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- read_gold


def test_read_gold_reads_records_and_skips_blank_lines(tmp_path: Path) -> None:
    second = json.dumps({"id": "none-01", "text": "Prices exploded.", "published": None})
    path = _write(tmp_path, _line(), "", "   ", second)
    sentences = read_gold(path)
    assert [s.id for s in sentences] == ["airstrike-01", "none-01"]
    first = sentences[0]
    assert first.published == date(2019, 11, 3)
    assert first.section == "airstrike"
    (event,) = first.events
    assert event.sub_event_type == STRIKE
    assert event.location == "Ariha"
    assert (event.fatalities_low, event.fatalities_high) == (11, 11)
    assert event.historical is False
    assert sentences[1].events == ()
    assert sentences[1].published is None


def test_read_gold_derives_a_missing_event_type(tmp_path: Path) -> None:
    event = {"sub_event_type": ARRESTS, "trigger": "arrested"}
    path = _write(tmp_path, _line(id="arrest-01", text="Police arrested him.", events=[event]))
    (sentence,) = read_gold(path)
    assert sentence.events[0].event_type == "Strategic developments"


@pytest.mark.parametrize(
    ("bad_line", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (_line(id=""), "'id'"),
        (_line(text=5), "'text'"),
        (_line(published="14 March 2024"), "ISO date"),
        (_line(events={"sub_event_type": STRIKE}), "'events' must be a list"),
        (_line(events=["air strike"]), "must be a JSON object"),
        (_line(events=[{"trigger": "air strike"}]), "sub_event_type"),
        (_line(events=[{"sub_event_type": STRIKE, "fatalities_low": "5"}]), "fatalities_low"),
        (_line(events=[{"sub_event_type": STRIKE, "fatalities_high": True}]), "fatalities_high"),
        (_line(events=[{"sub_event_type": STRIKE, "hedged": "yes"}]), "hedged"),
        (_line(events=[{"sub_event_type": STRIKE, "actor1": ["US"]}]), "actor1"),
        (_line(events=[{"sub_event_type": STRIKE, "actr1": "US"}]), "unknown key(s) actr1"),
        (_line(source="Reuters"), "unknown key(s) source"),
    ],
)
def test_read_gold_names_file_and_line_of_bad_input(
    tmp_path: Path, bad_line: str, fragment: str
) -> None:
    path = _write(tmp_path, _line(), bad_line)
    with pytest.raises(InputError) as info:
        read_gold(path)
    message = str(info.value)
    assert str(path) in message
    assert "line 2" in message
    assert fragment in message


def test_read_gold_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.jsonl"
    with pytest.raises(InputError) as info:
        read_gold(path)
    assert str(path) in str(info.value)


def test_read_gold_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"id": "x-01", "text": "Bogot\xe1"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_gold(path)


# ----------------------------------------------------------------------------- the gold file


def test_gold_file_is_valid() -> None:
    sentences = read_gold(GOLD_FILE)
    assert validate_gold(sentences) == []
    assert len(sentences) == 20 * len(ID_PREFIXES) + 40


def test_gold_file_covers_the_flags_in_every_section() -> None:
    sentences = read_gold(GOLD_FILE)
    for sub, prefix in ID_PREFIXES.items():
        events = [
            e
            for s in sentences
            if s.section == prefix
            for e in s.events
            if e.sub_event_type == sub and not e.historical
        ]
        assert sum(e.hedged for e in events) >= 2, sub
        assert sum(e.negated for e in events) >= 1, sub
        assert sum(e.future for e in events) >= 1, sub
    assert sum(len([e for e in s.events if not e.historical]) > 1 for s in sentences) >= 15


def test_gold_file_scores_perfectly_against_itself() -> None:
    sentences = read_gold(GOLD_FILE)
    predicted = {s.id: [e.as_predicted() for e in s.events] for s in sentences}
    result = score_events(sentences, predicted)
    assert result["micro"]["f1"] == 1.0
    assert result["event_types"]["micro"]["f1"] == 1.0
    assert all(a["accuracy"] == 1.0 for a in result["arguments"].values())
    assert result["negative_sentences"] == {"total": 40, "with_predictions": 0}


# ----------------------------------------------------------------------------- validate_gold


def _sentence(id_: str, text: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(id=id_, text=text, published=None, events=events)


def test_validate_gold_reports_each_problem() -> None:
    text = "Police arrested 12 men in Kano, officials said."
    good = GoldEvent(ARRESTS, "Strategic developments", "arrested", "Police", "men", "Kano")
    sentences = [
        _sentence("arrest-01", text, good),
        _sentence("arrest-01", text, good),
        _sentence("arrest-02", text, GoldEvent(ARRESTS, "Protests", "arrested")),
        _sentence("arrest-03", text, GoldEvent("Arrest", "Strategic developments", "arrested")),
        _sentence("arrest-04", text, GoldEvent(ARRESTS, "Strategic developments", "detained")),
        _sentence(
            "arrest-05",
            text,
            GoldEvent(ARRESTS, "Strategic developments", "arrested", location="Kaduna"),
        ),
        _sentence(
            "arrest-06",
            text,
            GoldEvent(ARRESTS, "Strategic developments", "arrested", fatalities_low=3),
        ),
        _sentence("arrest-07", text, GoldEvent(STRIKE, "Explosions/Remote violence", "arrested")),
        _sentence("none-01", text, good),
        _sentence("bogus-01", text),
    ]
    problems = validate_gold(sentences, per_type=None, negatives=None)
    joined = "\n".join(problems)
    assert "arrest-01: duplicate id" in joined
    assert "arrest-02 event 1: event_type 'Protests'" in joined
    assert "arrest-03 event 1: sub_event_type 'Arrest' is not in the ACLED taxonomy" in joined
    assert "arrest-04 event 1: trigger 'detained' is not a substring" in joined
    assert "arrest-05 event 1: location 'Kaduna' is not a substring" in joined
    assert "arrest-06 event 1: fatalities_low and fatalities_high" in joined
    assert "arrest-07: first event is 'Air/drone strike', expected 'Arrests'" in joined
    assert "none-01: a negative sentence may hold historical events only" in joined
    assert "bogus-01: unknown id prefix 'bogus'" in joined
    assert "arrest-03: first event is 'Arrest', expected 'Arrests'" in joined
    assert len(problems) == 10


def test_validate_gold_counts_sections() -> None:
    text = "Police arrested him."
    event = GoldEvent(ARRESTS, "Strategic developments", "arrested")
    problems = validate_gold([_sentence("arrest-01", text, event)], per_type=20, negatives=40)
    assert "Arrests: 1 sentences, expected 20" in problems
    assert "Armed clash: 0 sentences, expected 20" in problems
    assert "negatives: 0 sentences, expected 40" in problems


def test_taxonomy_has_six_types_and_twenty_five_sub_types() -> None:
    assert len(ACLED_TAXONOMY) == 6
    assert sum(len(subs) for subs in ACLED_TAXONOMY.values()) == 25
    assert all(any(sub in subs for subs in ACLED_TAXONOMY.values()) for sub in ID_PREFIXES)


# ----------------------------------------------------------------------------- score_events

TEXT_1 = (
    "Russian jets bombed Ariha, killing 11 civilians, and artillery hit Sarmin, activists said."
)
TEXT_2 = "Police in Kano arrested four men, a spokesman said."
TEXT_3 = "Prices exploded in Beirut."

GOLD = [
    _sentence(
        "s1",
        TEXT_1,
        GoldEvent(
            STRIKE,
            "Explosions/Remote violence",
            "bombed",
            actor1="Russian jets",
            actor2="civilians",
            location="Ariha",
            fatalities_low=11,
            fatalities_high=11,
            attributed_to="activists",
        ),
        GoldEvent(
            SHELL,
            "Explosions/Remote violence",
            "artillery",
            location="Sarmin",
            attributed_to="activists",
        ),
    ),
    _sentence(
        "s2",
        TEXT_2,
        GoldEvent(
            ARRESTS,
            "Strategic developments",
            "arrested",
            actor1="Police",
            actor2="men",
            location="Kano",
            attributed_to="spokesman",
        ),
    ),
    _sentence("s3", TEXT_3),
]


def _perfect() -> dict[str, list[PredictedEvent]]:
    return {s.id: [e.as_predicted() for e in s.events] for s in GOLD}


def test_score_perfect_predictions() -> None:
    result = score_events(GOLD, _perfect())
    assert result["micro"] == {
        "tp": 3,
        "fp": 0,
        "fn": 0,
        "support": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert result["macro_f1"] == 1.0
    assert result["event_types"]["micro"]["f1"] == 1.0
    assert result["event_types"]["per_type"]["Explosions/Remote violence"]["tp"] == 2
    assert all(a["accuracy"] == 1.0 for a in result["arguments"].values())
    assert result["sentences"] == 3
    assert result["gold_events"] == 3
    assert result["predicted_events"] == 3
    assert result["negative_sentences"] == {"total": 1, "with_predictions": 0}
    assert result["unknown_ids"] == []


def test_score_missing_predictions() -> None:
    predicted = _perfect()
    predicted["s1"] = predicted["s1"][:1]
    del predicted["s2"]
    result = score_events(GOLD, predicted)
    assert result["micro"]["tp"] == 1
    assert result["micro"]["fn"] == 2
    assert result["micro"]["precision"] == 1.0
    assert result["micro"]["recall"] == pytest.approx(1 / 3)
    assert result["sub_event_types"][SHELL]["recall"] == 0.0
    assert result["sub_event_types"][ARRESTS]["fn"] == 1
    assert result["macro_f1"] == pytest.approx(1 / 3)
    assert result["arguments"]["actor1"]["total"] == 1


def test_score_extra_predictions() -> None:
    predicted = _perfect()
    predicted["s3"] = [PredictedEvent(STRIKE, location="Beirut")]
    predicted["s2"] = [*predicted["s2"], PredictedEvent(ARRESTS, actor2="four men")]
    predicted["elsewhere"] = [PredictedEvent(STRIKE)]
    result = score_events(GOLD, predicted)
    assert result["micro"]["tp"] == 3
    assert result["micro"]["fp"] == 2
    assert result["sub_event_types"][STRIKE]["fp"] == 1
    assert result["sub_event_types"][ARRESTS]["fp"] == 1
    assert result["negative_sentences"] == {"total": 1, "with_predictions": 1}
    assert result["unknown_ids"] == ["elsewhere"]
    assert result["predicted_events"] == 5
    # the extra arrest was not matched, so the matched one still has perfect arguments
    assert result["arguments"]["actor2"]["accuracy"] == 1.0


def test_score_wrong_sub_type_same_event_type() -> None:
    predicted = _perfect()
    predicted["s1"] = [
        PredictedEvent(SHELL, actor1="Russian jets", location="Ariha"),
        predicted["s1"][1],
    ]
    result = score_events(GOLD, predicted)
    strike = result["sub_event_types"][STRIKE]
    assert (strike["tp"], strike["fp"], strike["fn"]) == (0, 0, 1)
    assert result["sub_event_types"][SHELL]["tp"] == 1
    assert result["sub_event_types"][SHELL]["fp"] == 1
    assert result["micro"]["tp"] == 2
    # both are Explosions/Remote violence: the event type is still right
    assert result["event_types"]["micro"]["f1"] == 1.0


def test_score_wrong_event_type_and_unknown_sub_type() -> None:
    predicted = _perfect()
    predicted["s2"] = [PredictedEvent("Peaceful protest", actor1="Police", location="Kano")]
    predicted["s3"] = [PredictedEvent("Bombing")]
    result = score_events(GOLD, predicted)
    types = result["event_types"]["per_type"]
    assert types["Strategic developments"]["fn"] == 1
    assert types["Protests"]["fp"] == 1
    assert types["?Bombing"]["fp"] == 1
    assert result["sub_event_types"]["Bombing"]["fp"] == 1
    assert result["event_types"]["micro"]["tp"] == 2


def test_score_argument_mismatches() -> None:
    predicted = _perfect()
    predicted["s1"] = [
        PredictedEvent(
            STRIKE,
            actor1="Russian",  # contained in the gold "Russian jets": right
            actor2=None,  # gold "civilians": wrong
            location="Sarmin",  # wrong place
            fatalities_low=11,  # high left out: counts as 11-11
            hedged=True,  # wrong
            attributed_to="activists said",  # contains the gold: right
        ),
        PredictedEvent(SHELL, actor1="jets", location="sarmin", fatalities_low=0),
    ]
    predicted["s2"] = [
        PredictedEvent(
            ARRESTS,
            actor1="men",
            actor2="Police in Kano",
            location="Kano",
            negated=True,
            future=True,
            attributed_to=None,
        )
    ]
    result = score_events(GOLD, predicted)
    arguments = result["arguments"]
    assert result["micro"]["f1"] == 1.0
    assert arguments["actor1"]["correct"] == 1  # "Russian" only
    assert arguments["actor2"]["correct"] == 1  # the shelling's null/null
    assert arguments["actors_any_order"]["correct"] == 1  # the swapped arrest actors
    assert arguments["location"]["correct"] == 2  # case-insensitive "sarmin", and Kano
    assert arguments["fatalities"]["correct"] == 2  # 11 right, 0 is not null, null/null
    assert arguments["hedged"]["correct"] == 2
    assert arguments["negated"]["correct"] == 2
    assert arguments["future"]["correct"] == 2
    assert arguments["attributed_to"]["correct"] == 1  # only "activists said"
    assert arguments["actor1"] == {"correct": 1, "total": 3, "accuracy": pytest.approx(1 / 3)}


def test_score_pairs_same_type_events_by_agreement() -> None:
    text = "Gunmen killed 3 in Kukawa and 5 in Monguno."
    gold = [
        _sentence(
            "x1",
            text,
            GoldEvent(
                "Attack", "Violence against civilians", "killed", "Gunmen", None, "Kukawa", 3, 3
            ),
            GoldEvent(
                "Attack", "Violence against civilians", "killed", "Gunmen", None, "Monguno", 5, 5
            ),
        )
    ]
    predicted = {
        "x1": [
            PredictedEvent("Attack", actor1="Gunmen", location="Monguno", fatalities_low=5),
            PredictedEvent("Attack", actor1="Gunmen", location="Kukawa", fatalities_low=3),
        ]
    }
    result = score_events(gold, predicted)
    assert result["micro"]["tp"] == 2
    assert result["arguments"]["location"]["accuracy"] == 1.0
    assert result["arguments"]["fatalities"]["accuracy"] == 1.0


def test_score_historical_events() -> None:
    text = "Kurds marked the anniversary of the 1988 chemical attack on Halabja."
    past = GoldEvent(
        "Chemical weapon",
        "Explosions/Remote violence",
        "chemical attack",
        location="Halabja",
        historical=True,
    )
    gold = [_sentence("none-01", text, past)]
    flagged = score_events(gold, {"none-01": [past.as_predicted()]})
    assert flagged["micro"]["tp"] == flagged["micro"]["fp"] == 0
    assert flagged["gold_events"] == 0
    assert flagged["historical"] == {"gold": 1, "flagged": 1, "reported_as_current": 0}
    assert flagged["negative_sentences"] == {"total": 1, "with_predictions": 0}
    as_news = score_events(gold, {"none-01": [PredictedEvent("Chemical weapon")]})
    assert as_news["micro"]["fp"] == 1
    assert as_news["historical"] == {"gold": 1, "flagged": 0, "reported_as_current": 1}
    assert as_news["negative_sentences"]["with_predictions"] == 1


def test_score_rejects_duplicate_gold_ids() -> None:
    with pytest.raises(ValueError, match="s3"):
        score_events([*GOLD, GOLD[2]], {})


def test_score_nothing_predicted() -> None:
    result = score_events(GOLD, {})
    assert result["micro"]["f1"] == 0.0
    assert result["arguments"]["actor1"] == {"correct": 0, "total": 0, "accuracy": None}


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (None, None, True),
        (None, "army", False),
        ("army", None, False),
        ("army", "   ", False),
        (None, "", True),
        ("Sudanese army", "the Sudanese Army", True),
        ("Syrian Democratic Forces", "SDF", False),
        ("Kurdish-led Syrian", "Syrian Democratic Forces", True),  # overlapping spans
        ("Kurdish-led", "Syrian Democratic Forces", False),  # adjacent, not overlapping
        ("Syrian Democratic  Forces", "syrian democratic forces", True),
    ],
)
def test_strings_match(gold: str | None, predicted: str | None, expected: bool) -> None:
    text = "Fighters clashed with Kurdish-led Syrian Democratic Forces and the Sudanese army."
    assert strings_match(text, gold, predicted) is expected
