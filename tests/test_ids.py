"""Text normalisation and ids: the same report always gets the same id."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warwire.ids import document_id, make_key, normalise_text
from warwire.models import Document


def test_line_endings_and_spacing_do_not_change_the_id() -> None:
    a = Document.create("Fighters entered the town.\r\n\r\n\r\nResidents fled.  \n")
    b = Document.create("  Fighters entered the town.\n\nResidents fled.")
    assert a.id == b.id
    assert a.text == "Fighters entered the town.\n\nResidents fled."


def test_id_is_sha256_of_normalised_text() -> None:
    doc = Document.create("Raqqa")
    assert doc.id == document_id("Raqqa")
    assert len(doc.id) == 64


def test_make_key_is_stable_and_distinguishes_fields() -> None:
    assert make_key("a", 1) == make_key("a", 1)
    assert make_key("a", 1) != make_key("a1")
    assert make_key(None, "x") == make_key("", "x")


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_page_of_offsets() -> None:
    from warwire.models import Page

    doc = Document(id="x", text="aaaa\n\nbbbb", pages=(Page(1, 0, 4), Page(2, 6, 10)))
    assert doc.page_of(0) == 1
    assert doc.page_of(7) == 2
    assert doc.page_of(10) == 2
    assert Document.create("no pages").page_of(0) is None
