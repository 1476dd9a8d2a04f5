"""The answer key of docs/examples.md ("Answer key: agreements and disagreements") checked on the
dossiers of examples/: each disagreement the extraction can carry is ``contradicted`` with both
values and both quotes, each shared fact ``corroborated`` with a quote from every report.

The database is the session's ``examples_db`` (examples/ ingested once). A case names the place
or actor as a reader would, the attribute, the status, and for each value the outlets that must
back it with a quote containing a phrase of theirs.

Not checked, and why:

- Bamako deaths ("more than 70" against « au moins 77 »): the French report is stored but not
  annotated (English only), so it holds no claims; the English figure stands alone.
- Palmyra casualties ("at least 17" killed in the town against "dozens" killed in the fighting):
  the key says "conflicting or not comparable"; only the Levant Wire's count names the town, so
  it must not come out corroborated, and that is all that is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import warwire
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
                },
            ),
        ),
    ),
]


@pytest.fixture(scope="module")
def dossiers(examples_db: Path) -> dict[str, dict[str, Any]]:
    """The JSON dossier of every subject the cases name, by the name used."""
    out: dict[str, dict[str, Any]] = {}
    with warwire.open(examples_db) as ws:
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
