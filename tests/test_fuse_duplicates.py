"""Near-duplicate reports by MinHash, and which reports count as independent sources."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.fuse.duplicates import (
    NEAR_DUPLICATE,
    band_keys,
    duplicate_groups,
    independence_keys,
    near_duplicates,
    shingles,
    signature,
    similarity,
)

WIRE = """BAGHDAD, March 12 - Islamic State fighters attacked army positions on the western edge
of Ramadi on Thursday, killing at least 12 soldiers and wounding dozens more, according to
officials in Anbar province. The assault began before dawn with two suicide car bombs that
struck a checkpoint near the Albu Faraj bridge, the officials said, before gunmen opened fire
with machine guns and mortars. Army reinforcements arrived from Habbaniya by mid-morning and
fighting continued into the afternoon. A spokesman for the provincial council said the militants
had been pushed back towards the Euphrates but warned that the situation in the city remained
dangerous. Residents said hundreds of families had fled the Tamim and Hoz districts since the
start of the week, many of them heading east towards Baghdad or south to Amiriyat al-Fallujah.
The United Nations said earlier this month that more than 90,000 people had left Ramadi since
the start of the year. Islamic State seized much of Anbar in 2014 and has held Falluja since
January of that year. Iraqi officials have promised a new offensive to retake the province,
backed by air strikes from the United States-led coalition, which said it carried out six
strikes near Ramadi over the past day, destroying tactical units and fighting positions."""

OTHER = """KABUL, June 3 - Heavy rains caused flooding across three northern provinces over the
weekend, destroying hundreds of homes and cutting the main highway between Mazar-i-Sharif and
Kunduz, the national disaster management authority said on Monday. Aid agencies said they were
sending tents, blankets and food to the worst affected villages in Baghlan, where rivers burst
their banks after two days of storms. Local officials said at least 40 people were missing."""


def republished(text: str) -> str:
    """The wire story as another outlet runs it: a new dateline and byline, two words changed."""
    body = text.replace("BAGHDAD, March 12 - ", "By Staff Writers\n(Reuters) - ")
    return body.replace("dangerous", "volatile").replace("hundreds of families", "many families")


def test_a_republished_wire_copy_is_a_near_duplicate() -> None:
    a, b = signature(WIRE), signature(republished(WIRE))
    assert similarity(a, b) >= NEAR_DUPLICATE
    assert set(band_keys(a)) & set(band_keys(b))
    assert near_duplicates(a, {"copy": b, "other": signature(OTHER)}) == ["copy"]


def test_different_reports_are_not_near_duplicates() -> None:
    assert similarity(signature(WIRE), signature(OTHER)) < 0.2


def test_case_punctuation_and_spacing_do_not_matter() -> None:
    messy = WIRE.upper().replace(",", " ,").replace("\n", "  \n ")
    assert signature(messy) == signature(WIRE)


def test_signature_shape_and_band_keys() -> None:
    sig = signature(WIRE)
    assert len(sig) == 64
    assert all(0 <= v < 2**32 for v in sig)
    keys = band_keys(sig)
    assert len(keys) == 16
    assert keys[0].startswith("b0:")
    assert keys[15].startswith("b15:")
    assert all(len(k.split(":")[1]) == 16 for k in keys)
    assert len(signature(WIRE, num_perm=128)) == 128
    assert len(band_keys(signature(WIRE, num_perm=128), rows=8)) == 16


def test_short_and_empty_texts() -> None:
    assert shingles("Raqqa fell") == {"raqqa fell"}
    assert shingles("") == set()
    assert similarity(signature(""), signature("   ")) == 1.0
    assert similarity(signature(""), signature("Raqqa fell")) == 0.0


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="num_perm"):
        signature("x", num_perm=0)
    with pytest.raises(ValueError, match="differ in length"):
        similarity((1, 2), (1, 2, 3))
    with pytest.raises(ValueError, match="bands"):
        band_keys((1, 2), rows=4)


def test_signatures_are_the_same_in_another_process() -> None:
    """No Python hash randomisation: a stored signature stays comparable."""
    code = (
        "from warwire.fuse.duplicates import signature, band_keys;"
        "import sys; s = signature(sys.stdin.read()); print(band_keys(s)[0], s[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=WIRE,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
    ).stdout.split()
    sig = signature(WIRE)
    assert out == [band_keys(sig)[0], str(sig[0])]


def test_duplicate_groups_link_chains_and_keep_others_apart() -> None:
    copy = republished(WIRE)
    copy_of_copy = copy.replace("Thursday", "Thursday morning")
    sigs = {
        "c": signature(copy_of_copy),
        "a": signature(WIRE),
        "b": signature(copy),
        "z": signature(OTHER),
    }
    assert duplicate_groups(sigs) == {"a": "a", "b": "a", "c": "a", "z": "z"}


def test_same_outlet_counts_once() -> None:
    keys = independence_keys({"d1": "Reuters", "d2": " reuters ", "d3": "AFP", "d4": None})
    assert keys["d1"] == keys["d2"]
    assert len({keys["d1"], keys["d3"], keys["d4"]}) == 3


def test_wire_copy_in_another_outlet_counts_with_the_original() -> None:
    """An outlet running the Reuters copy, and Reuters' other report, are all one source."""
    outlets = {"orig": "Reuters", "copy": "Daily Star", "again": "Reuters", "own": "Daily Star"}
    keys = independence_keys(outlets, {"orig": "orig", "copy": "orig"})
    assert keys["orig"] == keys["copy"] == keys["again"] == keys["own"]
    alone = independence_keys({"x": "www.example.org", "y": "example.org"})
    assert alone["x"] == alone["y"]


@given(st.lists(st.sampled_from(["army", "shelled", "the", "town", "of", "Idlib"]), max_size=30))
def test_similarity_is_symmetric_and_reflexive(words: list[str]) -> None:
    a, b = signature(" ".join(words)), signature(" ".join(reversed(words)))
    assert similarity(a, b) == similarity(b, a)
    assert similarity(a, a) == 1.0
