"""The TimeML reader, the TempEval-3 scorer and the evaluation function, on invented files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.evaluate.timex import evaluate_timex, main
from warwire.nlp.timex.scorer import Tally, f1
from warwire.nlp.timex.timeml import GoldTimex, parse_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>invented-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-06-18" functionInDocument="CREATION_TIME">20140618</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">seized</EVENT> the dam <TIMEX3 tid="t1" type="DATE" value="2014-06-16">Monday</TIMEX3> after a siege of <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>. Convoys cross <TIMEX3 tid="t3" type="SET" value="XXXX-WXX-5">every Friday</TIMEX3>, officials said <TIMEX3 tid="t4" type="DATE" value="2014-06-18">today</TIMEX3>.
</TEXT>
</TimeML>
"""  # noqa: E501


def test_reader_keeps_offsets_into_the_body_text() -> None:
    doc = parse_timeml(TML)
    assert doc.dct == dt.date(2014, 6, 18)
    assert [t.text for t in doc.timexes] == ["Monday", "three months", "every Friday", "today"]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert "<EVENT" not in doc.text


def test_reader_rejects_malformed_xml() -> None:
    with pytest.raises(InputError, match="not well-formed"):
        parse_timeml("<TimeML><TEXT>", name="bad.tml")


def test_scorer_strict_relaxed_and_value() -> None:
    gold = [GoldTimex(0, 10, "x", "DATE", "2014"), GoldTimex(20, 30, "y", "DURATION", "P1D")]
    system = [GoldTimex(0, 10, "x", "DATE", "2014"), GoldTimex(22, 30, "y", "DATE", "P2D")]
    tally = Tally()
    tally.add(gold, system)
    scores = tally.scores()
    assert scores["extent_f1_strict"] == 0.5
    assert scores["extent_f1_relaxed"] == 1.0
    assert scores["type_acc"] == 0.5
    assert scores["value_f1"] == 0.5
    assert f1(0, 3, 3) == 0.0


def test_evaluate_timex_on_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    scores = evaluate_timex(tmp_path)
    assert scores["n"] == 4
    assert scores["value_f1"] == 1.0
    assert scores["extent_f1_strict"] == 1.0
    assert set(scores) >= {"extent_f1_strict", "extent_f1_relaxed", "type_acc", "value_f1", "n"}


def test_evaluate_timex_rejects_a_directory_without_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no TimeML"):
        evaluate_timex(tmp_path)


def test_main_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert '"value_f1": 1.0' in capsys.readouterr().out
