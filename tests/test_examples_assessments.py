"""The answer key of docs/examples.md ("Answer key: agreements and disagreements") checked on the
dossiers of examples/: each disagreement the extraction can carry is ``contradicted`` with both
values and both quotes, each shared fact ``corroborated`` with a quote from every report.

The databases are examples/ ingested once per session into SQLite and into PostgreSQL: each case
runs on both. A case names the place or actor as a reader would, the attribute, the status, and
for each value the outlets that must back it with a quote containing a phrase of theirs.

Not checked, and why:

- Bamako deaths ("more than 70" against « au moins 77 »): the French report is stored but not
  annotated (English only), so it holds no claims; the English figure stands alone.
- Palmyra casualties ("at least 17" killed in the town against "dozens of soldiers and allied
  militiamen" killed in the fighting): the key says "conflicting or not comparable"; the
  soldiers' count is one side's losses, not the town's toll, so only the Levant Wire's figure is
  the town's. It must not come out corroborated, and that is all that is checked.
- Mosul's controller: the June 2014 capture by the Islamic State is checked as shared (above);
  the Iraqi capture of July 2017 follows it (a succession, not a dispute).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import warwire
from conftest import BACKENDS, examples_copy
from warwire.report import dossier_to_dict


@dataclass(frozen=True)
class Value:
    """A value of an assessment: ``value`` as the dossier's JSON gives it (an entity's name for
    an entity value) and, per outlet, a phrase its quote must contain."""

    value: str
    quotes: dict[str, str]


@dataclass(frozen=True)
class Case:
    subject: str
    attribute: str
    status: str
    values: tuple[Value, ...]

    @property
    def id(self) -> str:
        return f"{self.subject}-{self.attribute}-{self.status}"


CASES = [
    # --- A. Palmyra / Tadmur, May 2015 --------------------------------------------------------
    Case(
        "Palmyra",
        "captured_on",
        "contradicted",
        (
            Value("2015-05-20", {"Desert Courier": "captured the central Syrian town of Tadmur"}),
            Value("2015-05-21", {"Levant Wire": "took full control of the Syrian desert town"}),
        ),
    ),
    Case(  # the planted error: "has held the town since July 2015" against a May capture
        "Palmyra",
        "control_since",
        "contradicted",
        (Value("2015-07", {"Heritage & Conflict Review": "Daesh has held the town since July"}),),
    ),
    Case(
        "Palmyra",
        "controlled_by",
        "corroborated",
        (
            Value(
                "Islamic State",
                {
                    "Desert Courier": "ISIS militants captured",
                    "Levant Wire": "Islamic State fighters took full control",
                    "Heritage & Conflict Review": "Daesh has held the town",
                },
            ),
        ),
    ),
    Case(  # "over 2,000" agrees with "about 2,300"; "some 300" conflicts with both
        "Palmyra",
        "attacking_force",
        "contradicted",
        (
            Value(
                "2000",
                {
                    "Levant Wire": "over 2,000 fighters had taken part in the assault",
                    "Desert Courier": "put the attacking force at about 2,300 fighters",
                },
            ),
            Value("300", {"Heritage & Conflict Review": "the town was taken by some 300 fighters"}),
        ),
    ),
    # --- B. Hay'at Tahrir al-Sham in Idlib, 2017-2019 -----------------------------------------
    Case(
        "Idlib",
        "control_since",
        "corroborated",
        (
            Value(
                "2017-07",
                {
                    "Orontes Observer": "HTS has controlled Idlib city",
                    "Euphrates Daily": "has held the provincial capital since it pushed out",
                },
            ),
        ),
    ),
    Case(
        "Idlib",
        "controlled_by",
        "corroborated",
        (
            Value(
                "Hay'at Tahrir al-Sham",
                {
                    "Orontes Observer": "HTS has controlled Idlib city",
                    "Euphrates Daily": "Hay'at Tahrir al-Sham has held the provincial capital",
                },
            ),
        ),
    ),
    Case(  # "on Thursday" in a report of Friday 2019-01-11 against "on 9 January"
        "Idlib",
        "truce_on",
        "contradicted",
        (
            Value("2019-01-10", {"Orontes Observer": "signed a ceasefire"}),
            Value("2019-01-09", {"Euphrates Daily": "accepted a truce on 9 January"}),
        ),
    ),
    Case(
        "Idlib",
        "casualties",
        "contradicted",
        (
            Value("137", {"Orontes Observer": "said 137 people, most of them fighters"}),
            Value("100", {"Euphrates Daily": "Nearly 100 people were killed in the fighting"}),
        ),
    ),
    Case(  # "between 10,000 and 15,000" and "up to 20,000" overlap
        "Hay'at Tahrir al-Sham",
        "fighters",
        "corroborated",
        (
            Value(
                "10000",
                {
                    "Orontes Observer": "HTS has between 10,000 and 15,000 fighters",
                    "Euphrates Daily": "Estimates of its strength range up to 20,000 fighters",
                },
            ),
        ),
    ),
    # --- C. Mosul / al-Mawsil, 2016-2017 ------------------------------------------------------
    Case(  # when the old city fell; the June 2014 capture is shared, in the same assessment
        "Mosul",
        "captured_on",
        "contradicted",
        (
            Value("2017-07-09", {"Nineveh Herald": "the old city fell on 9 July 2017"}),
            Value("2017-07-10", {"Tigris Dispatch": "old city fell on 10 July 2017"}),
            Value(
                "2014-06",
                {
                    "Nineveh Herald": "The group overran al-Mawsil in June 2014",
                    "Euphrates Daily": "held by the Islamic State since June 2014",
                },
            ),
        ),
    ),
    Case(  # the Islamic State took it in 2014 (Iraqi forces retaking it in 2017 follow on)
        "Mosul",
        "controlled_by",
        "corroborated",
        (
            Value(
                "Islamic State",
                {
                    "Nineveh Herald": "The group overran al-Mawsil in June 2014",
                    "Euphrates Daily": "held by the Islamic State since June 2014",
                },
            ),
        ),
    ),
    Case(
        "Mosul",
        "victory_declared_on",
        "corroborated",
        (
            Value(
                "2017-07-10",
                {
                    "Tigris Dispatch": "declared victory over the Islamic State in Mosul on Monday",
                    "Euphrates Daily": "announced the liberation of Mosul on Monday",
                },
            ),
        ),
    ),
    Case(  # "More than 900,000" (twice, citing the UN) and "nearly a million" are compatible
        "Mosul",
        "displaced",
        "corroborated",
        (
            Value(
                "900000",
                {
                    "Tigris Dispatch": "More than 900,000 people fled Mosul",
                    "Nineveh Herald": "more than 900,000 people have fled the city",
                    "Euphrates Daily": "nearly a million people had fled their homes",
                },
            ),
        ),
    ),
]


@pytest.fixture(scope="module", params=BACKENDS)
def dossiers(
    request: pytest.FixtureRequest, examples_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    """The JSON dossier of every subject the cases name, by the name used, from the examples
    ingested into each backend."""
    out: dict[str, dict[str, Any]] = {}
    db = examples_copy(request, examples_db, tmp_path_factory.mktemp("assessments"))
    with warwire.open(db) as ws:
        for name in sorted({c.subject for c in CASES} | {"Palmyra"}):
            subject = ws.subjects(name)[0]
            out[name] = dossier_to_dict(ws.dossier(subject.id))
    return out


def _value_text(value: Any) -> str:
    return str(value["name"]) if isinstance(value, dict) else str(value)


def _assessment(dossier: dict[str, Any], attribute: str) -> dict[str, Any]:
    found = [a for a in dossier["assessments"] if a["attribute"] == attribute]
    assert found, f"no {attribute} assessment in the dossier of {dossier['subject']['name']}"
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_answer_key(case: Case, dossiers: dict[str, dict[str, Any]]) -> None:
    assessment = _assessment(dossiers[case.subject], case.attribute)
    assert assessment["status"] == case.status, assessment
    shown = {_value_text(v["value"]): v for v in assessment["values"]}
    for expected in case.values:
        assert expected.value in shown, (expected.value, sorted(shown))
        sources = shown[expected.value]["sources"]
        for outlet, phrase in expected.quotes.items():
            quotes = [s["quote"] for s in sources if s["source"] == outlet]
            assert any(phrase in q for q in quotes), (outlet, phrase, quotes)
            assert all(s["doc_id"] for s in sources)


def test_palmyra_casualties_are_not_corroborated(dossiers: dict[str, dict[str, Any]]) -> None:
    """ "At least 17" killed in the town after its capture and "dozens" killed in the fighting
    may count different things: never one agreed figure."""
    found = [a for a in dossiers["Palmyra"]["assessments"] if a["attribute"] == "casualties"]
    assert all(a["status"] != "corroborated" for a in found)
