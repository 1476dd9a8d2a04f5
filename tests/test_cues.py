"""Cues of an event or claim in its sentence: hedged, negated, future, and who says so."""

from __future__ import annotations

from typing import Any

import pytest

from warwire.extract.cues import Cues, cues_for


def _cues(nlp: Any, text: str, word: str) -> Cues:
    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    cues = cues_for(head.sent, head)
    if cues.attributed_to is not None:
        assert cues.attributed_start is not None and cues.attributed_end is not None
        assert text[cues.attributed_start : cues.attributed_end] == cues.attributed_to
    return cues


def _flags(cues: Cues) -> set[str]:
    return {name for name in ("hedged", "negated", "future") if getattr(cues, name)}


@pytest.mark.parametrize(
    ("text", "head", "flags"),
    [
        # hedges
        ("Militants reportedly captured the town on Sunday.", "captured", {"hedged"}),
        ("An air strike allegedly killed 12 civilians.", "strike", {"hedged"}),
        ("The militants are said to have seized the airport.", "seized", {"hedged"}),
        ("The rebels are believed to have withdrawn from the valley.", "withdrawn", {"hedged"}),
        ("The fighters were thought to have fled north.", "fled", {"hedged"}),
        ("The militants may have withdrawn from the town.", "withdrawn", {"hedged"}),
        ("The group claimed it had captured the base.", "captured", {"hedged"}),
        ("An estimated 3,000 fighters remain in the city.", "fighters", {"hedged"}),
        ("The alleged massacre took place near the river.", "massacre", {"hedged"}),
        (
            "Reports that militants captured the airport could not be confirmed.",
            "captured",
            {"hedged"},
        ),
        # negation
        ("Government forces did not capture the town.", "capture", {"negated"}),
        ("Rebels never reached the city centre.", "reached", {"negated"}),
        ("Troops failed to retake the village.", "retake", {"negated"}),
        ("The group denied that it had carried out the attack.", "attack", {"negated"}),
        ("No civilians were killed in the clashes.", "killed", {"negated"}),
        ("The army has not yet entered the city.", "entered", {"negated"}),
        (
            "The ministry rejected claims that its forces had shelled the market.",
            "shelled",
            {"negated", "hedged"},
        ),
        # future
        ("The rebels plan to attack the city next week.", "attack", {"future"}),
        ("The group threatened to storm the prison.", "storm", {"future"}),
        ("The army vowed to retake the city.", "retake", {"future"}),
        ("The army is expected to enter the city soon.", "enter", {"future"}),
        ("The army is preparing to launch an offensive on the town.", "offensive", {"future"}),
        ("The army is preparing for an assault on the town.", "assault", {"future"}),
        ("The insurgents will attack the base.", "attack", {"future"}),
        ("The army will attack and capture the town.", "capture", {"future"}),
        ("The group is going to attack the city.", "attack", {"future"}),
        ("The planned offensive on the city was postponed.", "offensive", {"future"}),
        # plain statements
        ("Islamic State fighters captured the town on Sunday.", "captured", set()),
        ("Two soldiers were killed in a roadside bombing.", "bombing", set()),
        ("The group claimed responsibility for the bombing.", "bombing", set()),
    ],
)
def test_flags(nlp: Any, text: str, head: str, flags: set[str]) -> None:
    assert _flags(_cues(nlp, text, head)) == flags


def test_a_cue_that_does_not_govern_the_head_is_not_its_cue(nlp: Any) -> None:
    text = "No civilians were killed in the strike."
    assert _cues(nlp, text, "killed").negated
    assert not _cues(nlp, text, "strike").negated
    text = "The militants, who are believed to number around 3,000, captured the town."
    assert not _cues(nlp, text, "captured").hedged


@pytest.mark.parametrize(
    ("text", "head", "source"),
    [
        (
            "Islamic State fighters captured the town, according to the Syrian Observatory for "
            "Human Rights.",
            "captured",
            "the Syrian Observatory for Human Rights",
        ),
        (
            "According to Iraqi military intelligence, the group has 2,000 fighters in the city.",
            "fighters",
            "Iraqi military intelligence",
        ),
        ("The army said it had recaptured the village.", "recaptured", "The army"),
        (
            "Rebels captured the town, a spokesman for the army said.",
            "captured",
            "a spokesman for the army",
        ),
        (
            "The Kurdish forces seized the town, the group said in a statement.",
            "seized",
            "the group",
        ),
        ("A commander told reporters that his men had taken the hill.", "taken", "A commander"),
        (
            "The army's statement said troops had retaken the village.",
            "retaken",
            "The army's statement",
        ),
        (
            "Iraqi military intelligence estimated that the group has 2,000 fighters in the city.",
            "fighters",
            "Iraqi military intelligence",
        ),
        ("The attack was carried out by militants, police said.", "attack", "police"),
        ("Local officials reported that 30 people had been killed.", "killed", "Local officials"),
        (
            "The Observatory, which monitors the war, said the rebels had seized the base.",
            "seized",
            "The Observatory",
        ),
    ],
)
def test_attribution(nlp: Any, text: str, head: str, source: str) -> None:
    assert _cues(nlp, text, head).attributed_to == source


def test_a_pronoun_is_not_a_source(nlp: Any) -> None:
    assert _cues(nlp, "He said the group had captured the town.", "captured").attributed_to is None


def test_unconfirmed_reports_are_a_hedged_source(nlp: Any) -> None:
    cues = _cues(
        nlp, "According to unconfirmed reports, the militants seized two villages.", "seized"
    )
    assert cues.hedged
    assert cues.attributed_to == "unconfirmed reports"


def test_a_claim_is_hedged_and_attributed(nlp: Any) -> None:
    cues = _cues(nlp, "The group claimed that its fighters had shot down a helicopter.", "shot")
    assert (cues.hedged, cues.attributed_to) == (True, "The group")
