"""PDF reports: text page by page, page spans that point exactly into the stored text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.errors import InputError
from warwire.ids import normalise_text
from warwire.ingest import ReadOptions, Source, read_source
from warwire.ingest.pdf import join_pages
from warwire.models import Document

PAGES = [
    "Government forces retook the town of Palmyra on Sunday after weeks of fighting.",
    "The monitor said at least 400 fighters were killed in the offensive.",
    "Residents who fled earlier this month began to return on Tuesday.",
]


def make_pdf(pages: list[str], *, title: str | None = "Palmyra offensive") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def read(path: Path) -> list[Document]:
    return read_source(Source(str(path), "file", path), ReadOptions())


def test_pages_point_into_the_text(tmp_path: Path) -> None:
    path = tmp_path / "palmyra.pdf"
    path.write_bytes(make_pdf(PAGES))
    [doc] = read(path)
    assert doc.title == "Palmyra offensive"
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2, 3]
    for page, expected in zip(doc.pages, PAGES, strict=True):
        assert " ".join(doc.text[page.start : page.end].split()) == expected
    assert doc.page_of(doc.text.index("400 fighters")) == 2
    assert doc.text == "\n\n".join(doc.text[p.start : p.end] for p in doc.pages)


def test_blank_page_gets_an_empty_span(tmp_path: Path) -> None:
    path = tmp_path / "gap.pdf"
    path.write_bytes(make_pdf([PAGES[0], "", PAGES[2]], title=None))
    [doc] = read(path)
    assert doc.title is None
    first, blank, last = doc.pages
    assert blank.start == blank.end == first.end
    assert " ".join(doc.text[last.start : last.end].split()) == PAGES[2]


def test_pdf_without_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(["", ""]))
    with pytest.raises(InputError, match="no text found in PDF"):
        read(path)


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(make_pdf(PAGES)[:300])
    with pytest.raises(InputError, match=re.escape(f"cannot read {path}: ")):
        read(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just some words", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF file"):
        read(path)


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = tmp_path / "plain.pdf"
    source.write_bytes(make_pdf(PAGES))
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(InputError, match="encrypted"):
        read(path)


page_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(page_text, max_size=6))
def test_join_pages_spans_survive_normalisation(texts: list[str]) -> None:
    text, pages = join_pages(texts)
    assert normalise_text(text) == text
    for page, raw in zip(pages, texts, strict=True):
        assert text[page.start : page.end] == normalise_text(raw)
    if text:
        doc = Document.create(text, pages=pages)
        assert doc.text == text
