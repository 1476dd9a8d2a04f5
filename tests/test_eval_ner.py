"""Tests for the NER evaluation: readers, metrics, the mapping to gold schemes and the CLI."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import warwire.cli_eval_ner  # noqa: F401  (registers `eval ner`)
from warwire.cli import app
from warwire.errors import InputError
from warwire.evaluate.ner import score_ner
from warwire.evaluate.ner_map import scheme_spans, snap_to_tokens
from warwire.evaluate.ner_metrics import (
    Counts,
    exact_hits,
    match_counts,
    micro,
    partial_pairs,
    prf,
)
from warwire.evaluate.ner_readers import GoldEntity, NerDoc, load_ner_corpus
from warwire.models import Document
from warwire.nlp.pipeline import pipeline_name, to_annotation

# -- fixtures --------------------------------------------------------------------------------

RE3D_TEXT = "Syria has accused Israel of shelling Darayya. The regime said its forces held."


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record) + "\n"


def _entity(doc: str, begin: int, end: int, kind: str, confidence: float) -> dict[str, Any]:
    return {
        "_id": f"{doc}-{begin}-{end}-{kind}",
        "documentId": doc,
        "begin": begin,
        "end": end,
        "type": kind,
        "value": RE3D_TEXT[begin:end] if doc == "D1" else "",
        "confidence": confidence,
    }


def write_re3d(root: Path) -> Path:
    """Two source folders, one nested; "Syria" carries two candidate types."""
    first = root / "corpus" / "Wire"
    first.mkdir(parents=True)
    (first / "documents.json").write_text(
        _line({"_id": "D1", "title": "t", "text": RE3D_TEXT, "sourceName": "Wire"}),
        encoding="utf-8",
    )
    (first / "entities.json").write_text(
        "".join(
            _line(e)
            for e in (
                _entity("D1", 0, 5, "Location", 0),
                _entity("D1", 0, 5, "Organisation", 1),
                _entity("D1", 18, 24, "Location", 0.9),
                _entity("D1", 37, 44, "Location", 1),
                _entity("D1", 46, 56, "Organisation", 1),
                _entity("D1", 62, 72, "Organisation", 1),
                _entity("D1", 62, 65, "Temporal", 0.5),
            )
        ),
        encoding="utf-8",
    )
    second = root / "corpus" / "deeper" / "Office"
    second.mkdir(parents=True)
    (second / "documents.json").write_text(
        _line({"_id": "D2", "title": "t", "text": "Nothing here.", "sourceName": "Office"}),
        encoding="utf-8",
    )
    (second / "entities.json").write_text("", encoding="utf-8")
    return root / "corpus"


CONLL = """-DOCSTART- -X- -X- O

Brisk NNP B-NP I-ORG
Rovers NNP I-NP I-ORG
beat VBD B-VP O
Alton NNP B-NP I-ORG
. . O O

Karl NNP B-NP I-PER
Ode NNP I-NP I-PER
Bern NNP I-NP B-PER
Ulm NNP I-NP I-PER
went VBD B-VP O
to TO B-PP O
France NNP B-NP I-LOC

-DOCSTART- -X- -X- O

German JJ B-NP I-MISC
talks NNS I-NP O
"""


def write_conll(root: Path) -> Path:
    path = root / "dev.conll"
    path.write_text(CONLL, encoding="utf-8")
    return path


# -- readers ---------------------------------------------------------------------------------


def test_re3d_reader_takes_the_most_confident_type(tmp_path: Path) -> None:
    corpus = load_ner_corpus(write_re3d(tmp_path))
    assert corpus.format == "re3d"
    assert corpus.types == ("Organisation", "Person", "Location")
    by_id = {doc.doc_id: doc for doc in corpus.docs}
    assert set(by_id) == {"D1", "D2"}
    d1 = by_id["D1"]
    assert d1.text == RE3D_TEXT and d1.tokens == ()
    assert [(e.start, e.end, e.type) for e in d1.entities] == [
        (0, 5, "Organisation"),
        (18, 24, "Location"),
        (37, 44, "Location"),
        (46, 56, "Organisation"),
        (62, 65, "Temporal"),
        (62, 72, "Organisation"),
    ]
    assert d1.entities[0].text == "Syria"
    assert by_id["D2"].entities == ()


def test_re3d_reader_keeps_the_first_type_on_a_tie(tmp_path: Path) -> None:
    folder = tmp_path / "tie"
    folder.mkdir()
    (folder / "documents.json").write_text(_line({"_id": "D1", "text": RE3D_TEXT}), "utf-8")
    entities = [_entity("D1", 0, 5, "Location", 0), _entity("D1", 0, 5, "Organisation", 0)]
    (folder / "entities.json").write_text("".join(map(_line, entities)), "utf-8")
    (doc,) = load_ner_corpus(folder).docs
    assert [e.type for e in doc.entities] == ["Location"]


@pytest.mark.parametrize(
    ("documents", "entities", "problem"),
    [
        ('{"_id": "D1", "text": "abc"}\nnot json\n', "", "line 2 is not JSON"),
        ('{"_id": "D1"}\n', "", "field 'text'"),
        ('{"_id": "D1", "text": "abc"}\n', _line(_entity("D1", 1, 9, "Person", 1)), "outside"),
        ('{"_id": "D1", "text": "abc"}\n', _line(_entity("D9", 0, 1, "Person", 1)), "'D9'"),
        (
            '{"_id": "D1", "text": "abc"}\n',
            '{"documentId": "D1", "begin": 0, "end": 1, "type": "X", "confidence": "hi"}\n',
            "confidence",
        ),
    ],
)
def test_re3d_reader_errors_name_the_file(
    tmp_path: Path, documents: str, entities: str, problem: str
) -> None:
    (tmp_path / "documents.json").write_text(documents, encoding="utf-8")
    (tmp_path / "entities.json").write_text(entities, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as info:
        load_ner_corpus(tmp_path)
    assert info.value.source.endswith(".json")


def test_re3d_reader_needs_entities_beside_documents(tmp_path: Path) -> None:
    (tmp_path / "documents.json").write_text('{"_id": "D1", "text": "abc"}\n', "utf-8")
    with pytest.raises(InputError, match=r"entities\.json"):
        load_ner_corpus(tmp_path)


def test_a_folder_without_documents_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no documents\.json") as info:
        load_ner_corpus(tmp_path)
    assert info.value.source == str(tmp_path)


def test_a_file_that_is_not_conll_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a NER corpus") as info:
        load_ner_corpus(path)
    assert info.value.source == str(path)
    with pytest.raises(InputError, match="no such file"):
        load_ner_corpus(tmp_path / "missing.conll")


def test_conll_reader_rebuilds_text_and_decodes_iob1(tmp_path: Path) -> None:
    corpus = load_ner_corpus(write_conll(tmp_path))
    assert corpus.format == "conll"
    assert corpus.types == ("PER", "ORG", "LOC", "MISC")
    first, second = corpus.docs
    assert first.text == "Brisk Rovers beat Alton .\nKarl Ode Bern Ulm went to France"
    assert len(first.tokens) == 12
    for start, end in first.tokens:
        assert " " not in first.text[start:end] and end > start
    assert [(e.text, e.type) for e in first.entities] == [
        ("Brisk Rovers", "ORG"),
        ("Alton", "ORG"),
        ("Karl Ode", "PER"),  # B-PER starts a new entity of the same type
        ("Bern Ulm", "PER"),
        ("France", "LOC"),
    ]
    assert all(first.text[e.start : e.end] == e.text for e in first.entities)
    assert [(e.text, e.type) for e in second.entities] == [("German", "MISC")]


def test_conll_reader_rejects_a_bad_tag(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("-DOCSTART- -X- -X- O\n\nword NN B-NP X-PER\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: not an IOB tag"):
        load_ner_corpus(path)


# -- metrics ---------------------------------------------------------------------------------


def test_exact_hits_need_the_same_span_and_type() -> None:
    gold = [(0, 5, "ORG"), (10, 15, "LOC"), (10, 15, "LOC")]
    predicted = [(0, 5, "LOC"), (10, 15, "LOC"), (20, 25, "PER")]
    assert exact_hits(gold, predicted) == {(10, 15, "LOC")}


def test_partial_matching_is_one_to_one_largest_overlap_first() -> None:
    # one prediction overlaps two gold spans: it goes to the larger overlap
    gold = [(0, 10, "ORG"), (8, 30, "ORG")]
    predicted = [(5, 25, "ORG")]
    assert partial_pairs(gold, predicted) == [((8, 30, "ORG"), (5, 25, "ORG"))]
    # nested gold, two predictions: each gold gets one
    gold = [(0, 20, "ORG"), (4, 9, "ORG")]
    predicted = [(4, 9, "ORG"), (0, 19, "ORG")]
    assert partial_pairs(gold, predicted) == [
        ((0, 20, "ORG"), (0, 19, "ORG")),
        ((4, 9, "ORG"), (4, 9, "ORG")),
    ]


def test_partial_matching_needs_the_same_type_and_a_shared_character() -> None:
    assert partial_pairs([(0, 5, "ORG")], [(0, 5, "LOC")]) == []
    assert partial_pairs([(0, 5, "ORG")], [(5, 9, "ORG")]) == []  # touching is not overlapping
    assert partial_pairs([(0, 5, "ORG")], [(4, 9, "ORG")]) == [((0, 5, "ORG"), (4, 9, "ORG"))]


def test_partial_ties_go_to_the_closest_length() -> None:
    gold = [(0, 4, "PER"), (0, 12, "PER")]
    predicted = [(0, 4, "PER")]  # overlaps both by 4 characters
    assert partial_pairs(gold, predicted) == [((0, 4, "PER"), (0, 4, "PER"))]


def test_match_counts_per_type_leave_other_types_out() -> None:
    gold = [(0, 5, "ORG"), (10, 20, "LOC"), (30, 35, "Weapon")]
    predicted = [(0, 5, "ORG"), (12, 20, "LOC"), (30, 35, "Weapon"), (40, 45, "PER")]
    counts = match_counts(gold, predicted, ("ORG", "LOC", "PER"))
    assert counts["ORG"].exact == Counts(1, 1, 1)
    assert counts["LOC"].exact == Counts(0, 1, 1)
    assert counts["LOC"].partial == Counts(1, 1, 1)
    assert counts["PER"].partial == Counts(0, 1, 0)
    total = micro(counts)
    assert total.exact == Counts(1, 3, 2) and total.partial == Counts(2, 3, 2)


def test_prf_is_nan_over_nothing() -> None:
    scores = prf(Counts(2, 4, 2))
    assert (scores.precision, scores.recall) == (0.5, 1.0)
    assert scores.f1 == pytest.approx(2 / 3)
    assert prf(Counts(0, 3, 3)).f1 == 0.0
    assert math.isnan(prf(Counts(0, 0, 3)).precision)
    assert math.isnan(prf(Counts(0, 0, 0)).f1)


def test_score_ner_with_a_stand_in_predictor() -> None:
    doc = NerDoc(
        "d",
        "Alpha met Beta in Gamma",
        (
            GoldEntity(0, 5, "PER", "Alpha"),
            GoldEntity(10, 14, "PER", "Beta"),
            GoldEntity(18, 23, "LOC", "Gamma"),
            GoldEntity(6, 9, "Other", "met"),
        ),
    )

    def predict(docs: Sequence[NerDoc]) -> Iterator[list[tuple[int, int, str]]]:
        for _ in docs:
            yield [(0, 5, "PER"), (10, 13, "PER"), (18, 23, "ORG")]

    calls: list[tuple[int, int]] = []
    result = score_ner([doc], ("PER", "LOC", "ORG"), predict, progress=lambda *a: calls.append(a))
    assert calls == [(1, 1)]
    assert result["n_gold"] == 3 and result["n_predicted"] == 3
    assert result["exact_hits"] == 1 and result["partial_hits"] == 2
    assert result["per_type"]["PER"]["partial_f1"] == 1.0
    assert result["per_type"]["LOC"]["partial_recall"] == 0.0
    assert math.isnan(result["per_type"]["ORG"]["partial_recall"])
    assert result["ignored"] == {"Other": 1}


# -- mapping ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def geoparser(gazetteer: Any, nlp: Any) -> Any:
    from warwire.geo.parser import Geoparser

    return Geoparser(gazetteer, nlp)


def _map(text: str, scheme: str, nlp: Any, geoparser: Any) -> set[tuple[str, str]]:
    spacy_doc = nlp(text)
    annotation = to_annotation(
        Document(id="t", text=text), spacy_doc, pipeline_name(nlp), geoparser, actors=True
    )
    spans = scheme_spans(annotation, spacy_doc, scheme)  # type: ignore[arg-type]
    return {(text[s.start : s.end], s.type) for s in spans}


def test_a_country_that_acts_is_an_organisation_in_re3d(nlp: Any, geoparser: Any) -> None:
    text = "Syria has accused Israel of shelling Damascus."
    re3d = _map(text, "re3d", nlp, geoparser)
    assert ("Syria", "Organisation") in re3d
    assert ("Israel", "Location") in re3d and ("Damascus", "Location") in re3d
    conll = _map(text, "conll", nlp, geoparser)
    assert ("Syria", "LOC") in conll  # CoNLL keeps countries as places


def test_re3d_nests_the_state_and_the_place(nlp: Any, geoparser: Any) -> None:
    spans = _map("The UK has condemned the attack.", "re3d", nlp, geoparser)
    assert {("The UK", "Organisation"), ("UK", "Location")} <= spans


def test_re3d_phrases_and_pronouns(nlp: Any, geoparser: Any) -> None:
    text = (
        "Foreign Secretary Boris Johnson said we will help the civilians in the camp. "
        "The Assad regime denied it."
    )
    spans = _map(text, "re3d", nlp, geoparser)
    assert ("Boris Johnson", "Person") in spans
    assert ("Foreign Secretary Boris Johnson", "Person") in spans
    assert ("we", "Organisation") in spans
    assert ("the civilians", "Organisation") in spans
    assert ("the camp", "Location") in spans
    assert ("The Assad regime", "Organisation") in spans
    assert ("Assad", "Person") in spans


def test_conll_has_no_phrases_or_pronouns(nlp: Any, geoparser: Any) -> None:
    spans = _map("We met the civilians in the camp near Paris.", "conll", nlp, geoparser)
    assert spans == {("Paris", "LOC")}


def test_actor_matcher_names_are_organisations(nlp: Any, geoparser: Any) -> None:
    spans = _map("ISIL fighters attacked Iraqi forces near Mosul.", "re3d", nlp, geoparser)
    assert ("ISIL", "Organisation") in spans
    assert ("Iraqi forces", "Organisation") in spans
    assert ("Mosul", "Location") in spans


def test_re3d_direction_places_nest_and_titles_are_no_places(nlp: Any, geoparser: Any) -> None:
    text = "Col. Travis Caughlin said troops moved into northern Iraq."
    spans = _map(text, "re3d", nlp, geoparser)
    assert {("northern Iraq", "Location"), ("Iraq", "Location")} <= spans
    assert ("Col", "Location") not in spans and ("Col.", "Location") not in spans
    assert ("Travis Caughlin", "Person") in spans


def test_conll_places_that_play_are_teams(nlp: Any, geoparser: Any) -> None:
    text = "BEIJING 1996-12-06\nChina said on Friday it would hold talks ."
    assert _map(text, "conll", nlp, geoparser) == {("BEIJING", "LOC"), ("China", "LOC")}
    assert ("CHICAGO", "ORG") in _map("CHICAGO 4 Boston 2", "conll", nlp, geoparser)
    spans = _map("Essex beat Somerset by six wickets on Friday .", "conll", nlp, geoparser)
    assert ("Somerset", "ORG") in spans


def test_unknown_scheme_is_refused(nlp: Any, geoparser: Any) -> None:
    with pytest.raises(ValueError, match="unknown scheme 'ace'"):
        _map("Text.", "ace", nlp, geoparser)


def test_snap_to_tokens_widens_to_whole_tokens() -> None:
    tokens = ((0, 5), (6, 16), (17, 20))  # "Japan U.S.-based ..."
    assert snap_to_tokens([(6, 10, "LOC")], tokens) == [(6, 16, "LOC")]
    assert snap_to_tokens([(2, 8, "LOC"), (0, 5, "LOC")], tokens) == [
        (0, 5, "LOC"),
        (0, 16, "LOC"),
    ]


# -- the command -----------------------------------------------------------------------------

runner = CliRunner()


def test_cli_eval_ner_on_re3d_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "ner", str(write_re3d(tmp_path)), "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["corpus"] == "re3d" and figures["n_docs"] == 2
    assert figures["n_gold"] == 5
    assert set(figures["per_type"]) == {"Organisation", "Person", "Location"}
    assert figures["per_type"]["Person"]["partial_recall"] is None  # no gold Person
    assert figures["ignored"] == {"Temporal": 1}
    assert 0.0 <= figures["partial_f1"] <= 1.0


def test_cli_eval_ner_on_conll_table_with_limit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "ner", str(write_conll(tmp_path)), "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert "conll, 1 documents" in result.stdout
    for kind in ("PER", "ORG", "LOC", "MISC", "micro"):
        assert kind in result.stdout


def test_cli_eval_ner_errors_are_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "ner", str(notes)])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "notes.txt" in result.stderr
    result = runner.invoke(app, ["eval", "ner", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_a_place_inside_an_organisation_gives_way_to_it(nlp: Any, geoparser: Any) -> None:
    # regression: the geoparser's places inside organisations' names took the span
    text = "Officials at the Texas Department of Health said the office was closed."
    for scheme, org in (("re3d", "Organisation"), ("conll", "ORG")):
        spans = _map(text, scheme, nlp, geoparser)
        assert any(t.endswith("Texas Department of Health") and k == org for t, k in spans)
        assert not any(t == "Texas" for t, _ in spans), spans


def test_an_acronym_tagged_org_is_a_body_even_when_a_place(nlp: Any, geoparser: Any) -> None:
    # the geoparser reads "EU" as Europe (GeoWebNews counts it); re3d and CoNLL: a body
    spans = _map("In addition, the EU will host a conference in Brussels.", "re3d", nlp, geoparser)
    assert ("EU", "Organisation") in spans and ("EU", "Location") not in spans
