"""``warwire eval events``: the MUC-4 reader, scorer and role filler, the CASE 2021 reader,
label map and scorer, and the command."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.errors import InputError
from warwire.evaluate.case import (
    ACLED_TO_CASE,
    CASE_ACLED_LABELS,
    CASE_SUBTASK3_LABELS,
    NO_EVENT,
    classification_scores,
    confusions,
    main_event,
    read_case,
    score_case,
)
from warwire.evaluate.events import detect_format, evaluate_case, evaluate_muc
from warwire.evaluate.muc import (
    ROLES,
    MucDoc,
    match_entities,
    normalise_filler,
    read_muc,
    score_muc,
)
from warwire.evaluate.muc_roles import fill_roles
from warwire.models import Event

MUC_DOCS = [
    {
        "docid": "TST-1",
        "doctext": "a powerful car bomb exploded in front of the u.s. embassy in lima. "
        "urban guerrillas machinegunned the house of luis carlos galan with rifles.",
        "extracts": {
            "PerpInd": [[["urban guerrillas", 97]]],
            "PerpOrg": [],
            "Target": [[["u.s. embassy", 46]], [["house of luis carlos galan", 130]]],
            "Victim": [],
            "Weapon": [[["car bomb", 20]], [["rifles", 162]]],
        },
    },
    {"docid": "TST-2", "doctext": "the talks will continue.", "extracts": {}},
]

CASE_ROWS = [
    ("1", "Police arrested three men in Kabul on Monday.", "ARREST"),
    ("2", 'Protesters marched "peacefully" through the capital.', "PEACE_PROTEST"),
    ("3", "An earthquake struck the north of the country.", "NATURAL_DISASTER"),
]


def _write_muc(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def _write_case(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- MUC-4 scorer ----------------------------------------------------------------------------


def test_normalise_filler_drops_case_punctuation_and_articles() -> None:
    assert normalise_filler("The  U.S. Embassy") == "us embassy"
    assert normalise_filler('"an" armed man') == "armed man"
    assert normalise_filler("theatre") == "theatre"


def test_a_prediction_matching_any_mention_of_an_entity_counts() -> None:
    gold = [["farabundo marti national liberation front", "fmln"]]
    assert match_entities([["the FMLN"]], gold) == 1
    assert match_entities([["front"]], gold) == 0


def test_matching_is_one_to_one() -> None:
    """Two predictions of one gold entity: one match, the other a false positive."""
    gold = [["guerrillas", "urban guerrillas"]]
    assert match_entities([["guerrillas"], ["urban guerrillas"]], gold) == 1


def test_matching_finds_the_largest_pairing() -> None:
    """The first prediction fits both entities, the second only the first: both count."""
    gold = [["bomb", "bombs"], ["bomb", "car bomb"]]
    assert match_entities([["bomb"], ["bombs"]], gold) == 2


def test_a_predicted_cluster_needs_every_mention_in_the_gold_entity() -> None:
    gold = [["fmln", "farabundo marti national liberation front"]]
    assert match_entities([["fmln", "farabundo marti national liberation front"]], gold) == 1
    assert match_entities([["fmln", "army"]], gold) == 0
    assert match_entities([[]], gold) == 0


def test_score_muc_sums_roles_and_documents() -> None:
    docs = [
        MucDoc("A", "", {"PerpInd": (("guerrillas",),), "Weapon": (("bomb",), ("rifles",))}),
        MucDoc("B", "", {}),
    ]
    predictions = {
        "A": {"PerpInd": [["guerrillas"]], "Weapon": [["bomb"]], "Target": [["bus"]]},
        "B": {"Victim": [["juan perez"]]},
    }
    scores = score_muc(docs, predictions)
    perp = scores["PerpInd"]
    assert (perp.matched, perp.predicted, perp.gold) == (1, 1, 1)
    assert scores["Weapon"].recall == 0.5
    assert scores["Target"].precision == 0.0 and scores["Target"].f1 == 0.0
    micro = scores["micro"]
    assert (micro.matched, micro.predicted, micro.gold) == (2, 4, 3)
    assert micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_score_muc_counts_a_document_without_predictions_as_misses() -> None:
    docs = [MucDoc("A", "", {"Victim": (("juan perez",),)})]
    assert score_muc(docs, {})["Victim"].recall == 0.0


# --- MUC-4 reader ----------------------------------------------------------------------------


def test_read_muc_reads_entities_and_drops_empty_ones(tmp_path: Path) -> None:
    docs = [*MUC_DOCS, {"docid": "TST-3", "doctext": "x", "extracts": {"Victim": [[]]}}]
    read = read_muc(_write_muc(tmp_path / "dev.json", docs))
    assert [d.doc_id for d in read] == ["TST-1", "TST-2", "TST-3"]
    assert read[0].entities["Target"] == (("u.s. embassy",), ("house of luis carlos galan",))
    assert read[0].has_event and not read[1].has_event
    assert read[2].entities["Victim"] == ()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "line 2: not JSON"),
        ('{"docid": "X", "extracts": {}}', "line 2: docid and doctext must be strings"),
        ('{"docid": "X", "doctext": "t", "extracts": []}', "line 2: X: extracts must be"),
        ('{"docid": "X", "doctext": "t", "extracts": {"Weapon": [[5]]}}', "line 2: X: a Weapon"),
        ("[1, 2]", "line 2: expected a JSON object"),
    ],
)
def test_read_muc_names_the_file_and_line_of_a_bad_record(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(MUC_DOCS[1]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_muc(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_read_muc_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.json"):
        read_muc(tmp_path / "missing.json")


# --- MUC-4 role filler -----------------------------------------------------------------------


def _fill(nlp: Any, text: str) -> dict[str, list[str]]:
    return {role: [e[0] for e in entities] for role, entities in fill_roles(nlp(text)).items()}


def test_role_filler_reads_agent_patient_and_instrument(nlp: Any) -> None:
    roles = _fill(nlp, "urban guerrillas machinegunned the house of luis carlos galan with rifles.")
    assert roles["PerpInd"] == ["urban guerrillas"]
    assert roles["Target"] == ["house of luis carlos galan"]
    assert roles["Weapon"] == ["rifles"]


def test_role_filler_takes_the_subject_of_explode_as_weapon(nlp: Any) -> None:
    roles = _fill(nlp, "a powerful car bomb exploded in front of the u.s. embassy in lima.")
    assert roles["Weapon"] == ["powerful car bomb"]
    assert roles["Target"] == ["u.s. embassy"]


def test_role_filler_keeps_a_number_hyphenated_to_the_weapon(nlp: Any) -> None:
    roles = _fill(nlp, "the rebels attacked the bus with 81-mm mortars and two rifles.")
    assert roles["Weapon"] == ["81-mm mortars", "rifles"]  # a bare count is still left out


def test_role_filler_reads_they_as_the_perpetrators_named_before(nlp: Any) -> None:
    roles = _fill(nlp, "heavily armed guerrillas entered the village. they burned the school.")
    assert roles["PerpInd"] == ["heavily armed guerrillas"]
    assert roles["Target"] == ["school"]


def test_role_filler_finds_organisations_and_their_acronyms(nlp: Any) -> None:
    roles = _fill(
        nlp,
        "the farabundo marti national liberation front (fmln) claimed responsibility for the "
        "attack on the power towers. the fmln has also attacked buses.",
    )
    assert roles["PerpOrg"] == ["fmln"]  # one entity, named as MUC-4's fillers mostly name it
    assert roles["Target"] == ["power towers", "buses"]


def test_role_filler_names_victims_without_their_titles(nlp: Any) -> None:
    roles = _fill(nlp, "a group of armed men murdered father ignacio ellacuria yesterday.")
    assert roles["PerpInd"] == ["group of armed men"]
    assert roles["Victim"] == ["ignacio ellacuria"]


def test_role_filler_leaves_out_attacks_on_military_targets(nlp: Any) -> None:
    """MUC-4 does not record guerrilla attacks on military or police installations."""
    roles = _fill(nlp, "guerrillas attacked an army garrison in the north.")
    assert all(not fillers for fillers in roles.values())


def test_role_filler_ignores_seized_arms_and_speakers(nlp: Any) -> None:
    assert all(not f for f in _fill(nlp, "troops seized rifles and grenades.").values())
    roles = _fill(nlp, "president alfredo cristiani condemned the murder of juan perez.")
    assert roles["Victim"] == ["juan perez"]


def test_role_filler_gives_nothing_for_a_document_without_an_incident(nlp: Any) -> None:
    """Perpetrators but no target, victim or weapon: talk about armed groups, not an incident."""
    roles = _fill(nlp, "the fmln said the talks will continue and the guerrillas will fight on.")
    assert all(not fillers for fillers in roles.values())


def test_role_filler_splits_an_organisation_from_its_perpetrator_word(nlp: Any) -> None:
    roles = _fill(nlp, "the fmln guerrillas attacked the house of the mayor. the group fled.")
    assert roles["PerpInd"] == ["guerrillas"]  # not "fmln guerrillas", nor a bare "group"
    assert roles["PerpOrg"] == ["fmln"]


def test_role_filler_takes_the_organisation_inside_a_description(nlp: Any) -> None:
    roles = _fill(nlp, "the shining path terrorist organization attacked the power towers.")
    assert roles["PerpOrg"] == ["shining path"]
    assert _fill(nlp, "a clandestine organization attacked the embassy.")["PerpOrg"] == []
    assert _fill(nlp, "the government attacked the houses.")["PerpOrg"] == []


def test_role_filler_needs_a_weapon_for_placing_verbs(nlp: Any) -> None:
    roles = _fill(nlp, "guerrillas planted dynamite sticks at the bank.")
    assert roles["Weapon"] == ["dynamite sticks"]  # a weapon of several words
    assert roles["Target"] == ["bank"]
    roles = _fill(nlp, "the army placed the town under military control. guerrillas burned a bus.")
    assert roles["Target"] == ["bus"]


def test_role_filler_leaves_out_bullets_combatants_and_scenes(nlp: Any) -> None:
    assert _fill(nlp, "guerrillas riddled the car with bullets.")["Weapon"] == []
    roles = _fill(nlp, "soldier arturo bernal was killed. gunmen killed juan perez at the airport.")
    assert roles["Victim"] == ["juan perez"]
    assert roles["Target"] == []  # where a person was killed is no target


def test_role_filler_ignores_air_raids_and_coup_attempts(nlp: Any) -> None:
    text = (
        "the indiscriminate bombing of the town by the air force killed many. "
        "a coup attempt against president juan perez failed."
    )
    assert all(not fillers for fillers in _fill(nlp, text).values())


def test_role_filler_adds_a_named_group_only_without_an_agent_organisation(nlp: Any) -> None:
    roles = _fill(nlp, "the eln said that the fmln attacked the embassy.")
    assert roles["PerpOrg"] == ["fmln"]


def test_evaluate_muc_scores_the_role_filler(tmp_path: Path, nlp: Any) -> None:
    result = evaluate_muc(_write_muc(tmp_path / "dev.json", MUC_DOCS), nlp=nlp)
    assert result["n_docs"] == 2 and result["n_gold"] == 5
    assert {f"{role}_f1" for role in ROLES} <= set(result)
    assert result["micro_precision"] > 0.5 and result["micro_recall"] > 0.5
    assert evaluate_muc(tmp_path / "dev.json", limit=1, nlp=nlp)["n_docs"] == 1


# --- CASE 2021 -------------------------------------------------------------------------------


def test_the_label_map_covers_the_acled_sub_event_types() -> None:
    assert len(ACLED_TO_CASE) == 25
    assert set(ACLED_TO_CASE.values()) == CASE_ACLED_LABELS
    assert ACLED_TO_CASE["Looting/property destruction"] == "PROPERTY_DISTRUCT"
    assert ACLED_TO_CASE["Excessive force against protesters"] == "FORCE_AGAINST_PROTEST"
    assert len(CASE_SUBTASK3_LABELS) == 30


def test_read_case_keeps_quotes_in_snippets(tmp_path: Path) -> None:
    snippets = read_case(_write_case(tmp_path / "test.tsv", CASE_ROWS))
    assert [s.label for s in snippets] == ["ARREST", "PEACE_PROTEST", "NATURAL_DISASTER"]
    assert snippets[1].text == 'Protesters marched "peacefully" through the capital.'


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id\tText\tLabel\n1\ta\tARREST\n", "line 1: expected the header"),
        ("id\tEventSnippet\tSubType\n1\ta\n", "line 2: expected 3 tab-separated fields"),
        ("id\tEventSnippet\tSubType\n1\ta\tRIOT\n", "line 2: unknown label 'RIOT'"),
        ("id\tEventSnippet\tSubType\n1\t \tARREST\n", "line 2: empty snippet"),
        ("id\tEventSnippet\tSubType\n", "no snippets"),
    ],
)
def test_read_case_names_the_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_case(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)


def _event(sub_event_type: str, **flags: bool) -> Event:
    return Event("e", "d", 0, 1, "Battles", sub_event_type, "t", **flags)


def test_main_event_is_the_first_neither_negated_nor_historical() -> None:
    events = [
        _event("Armed clash", negated=True),
        _event("Air/drone strike", historical=True),
        _event("Arrests"),
    ]
    assert main_event(events) is events[2]
    assert main_event(events[:2]) is events[0]
    assert main_event([]) is None


def test_classification_scores_are_scikit_learns() -> None:
    gold = ["A", "A", "A", "B", "C"]
    predicted = ["A", "A", "B", "B", "none"]
    scores = classification_scores(gold, predicted)
    f1_a, f1_b, f1_c = 0.8, 2 / 3, 0.0  # A: P 1 R 2/3; B: P 1/2 R 1; C never predicted
    assert scores.weighted_f1 == pytest.approx((3 * f1_a + f1_b + f1_c) / 5)
    assert scores.macro_f1 == pytest.approx((f1_a + f1_b + f1_c + 0.0) / 4)  # "none" counts
    assert scores.accuracy == pytest.approx(3 / 5)
    assert math.isnan(classification_scores([], []).weighted_f1)
    assert confusions(gold, predicted) == [("A", "B", 1), ("C", "none", 1)]


def test_score_case_with_a_stand_in_classifier(tmp_path: Path) -> None:
    def classify(text: str) -> str:
        return "ARREST" if "arrested" in text else NO_EVENT

    calls: list[tuple[int, int]] = []
    snippets = read_case(_write_case(tmp_path / "test.tsv", CASE_ROWS))
    result = score_case(
        snippets, classify, progress=lambda done, total: calls.append((done, total))
    )
    assert result["n"] == 2 and result["n_all"] == 3
    assert result["accuracy"] == 0.5 and result["accuracy_all"] == pytest.approx(1 / 3)
    assert result["no_event"] == 2
    assert "PEACE_PROTEST->none 1" in str(result["top_confusions"])
    assert calls[-1] == (3, 3)
    assert evaluate_case(tmp_path / "test.tsv", classify=classify, limit=1)["n_all"] == 1


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(_write_muc(tmp_path / "a.json", MUC_DOCS)) == "muc"
    assert detect_format(_write_case(tmp_path / "a.tsv", CASE_ROWS)) == "case"
    (tmp_path / "a.txt").write_text("hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a supported event benchmark"):
        detect_format(tmp_path / "a.txt")


# --- the command -----------------------------------------------------------------------------


def test_cli_eval_events_on_muc(tmp_path: Path) -> None:
    path = _write_muc(tmp_path / "dev.json", MUC_DOCS)
    result = CliRunner().invoke(app, ["eval", "events", str(path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["n_docs"] == 2 and "micro_f1" in figures


def test_cli_eval_events_on_case(tmp_path: Path) -> None:
    path = _write_case(tmp_path / "test.tsv", CASE_ROWS)
    result = CliRunner().invoke(app, ["eval", "events", str(path), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "weighted_f1" in result.stdout and "top_confusions" in result.stdout


def test_cli_eval_events_reports_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(tmp_path / "missing.json")])
    assert result.exit_code == 1 and "no such file" in result.output
    (tmp_path / "a.txt").write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and "not a supported event benchmark" in result.output
