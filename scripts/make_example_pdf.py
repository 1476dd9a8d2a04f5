"""Generate examples/mariupol_azovstal_kyiv_ledger.pdf, a two-page example report.

The text was written for warwire (CC0, see examples/README.md). It uses only
latin-1 characters so that the PDF core fonts (Helvetica) can render it.

Usage:  .venv/bin/python scripts/make_example_pdf.py
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUTLET = "Kyiv Ledger"
TITLE = "Russia claims full control of Mariupol as last Azovstal defenders surrender"
PUBLISHED = datetime(2022, 5, 21, 9, 0, tzinfo=UTC)
URL = "https://kyiv-ledger.example/war/2022/05/21/mariupol-azovstal-surrender"
OUT = Path(__file__).resolve().parent.parent / "examples" / "mariupol_azovstal_kyiv_ledger.pdf"

PAGE_ONE = [
    "KYIV - Russia's defence ministry said on Friday that its forces had taken complete "
    "control of the Azovstal steelworks in Mariupol, the last pocket of Ukrainian "
    "resistance in the port city, after the final group of defenders laid down their arms.",
    "Defence Minister Sergei Shoigu told President Vladimir Putin that 2,439 Ukrainian "
    "fighters had surrendered at the plant since Monday, according to the ministry. Ukraine "
    "has not confirmed that figure. Russian officials, who routinely refer to the "
    'government in Ukraine as "the Kiev regime", use the Russian-derived spelling of '
    "the capital.",
    "Ukraine's general staff said on Monday that the Mariupol garrison had fulfilled its "
    "combat mission and ordered commanders to save the lives of their soldiers. Wounded "
    "fighters were taken by bus to Novoazovsk and others to Olenivka, both in "
    "Russian-controlled territory. Officials in Kyiv say they hope to exchange them for "
    "Russian prisoners of war.",
    "The siege began in the first days of March, when Russian troops encircled the city, "
    "home to more than 400,000 people before the full-scale invasion of 24 February.",
]

PAGE_TWO = [
    "Mariupol's city council has said that more than 20,000 civilians may have been killed "
    "during the siege, a figure that cannot be independently verified. One of the deadliest "
    "single strikes hit the Drama Theatre on 16 March, where hundreds of people were "
    'sheltering; the word "children" had been painted in large Russian letters on the ground '
    "outside. City officials said about 300 people died there, while a later investigation by "
    "a news agency put the toll closer to 600. A maternity hospital was hit a week earlier, "
    "on 9 March.",
    "In early May, the United Nations and the International Committee of the Red Cross "
    "organised the evacuation of hundreds of civilians who had spent weeks in bunkers beneath "
    "Azovstal, one of the largest steelworks in Europe.",
    "Taking Mariupol gives Moscow a continuous land corridor from Russia to Crimea along the "
    "coast of the Sea of Azov.",
]

TIMELINE = [
    ("24 Feb", "Russia launches its full-scale invasion of Ukraine"),
    ("early Mar", "Russian forces encircle Mariupol"),
    ("9 Mar", "Maternity hospital struck"),
    ("16 Mar", "Drama Theatre struck"),
    ("early May", "UN and ICRC evacuate civilians from Azovstal"),
    ("16 May", "Kyiv orders the garrison to save the lives of its soldiers"),
    ("20 May", "Russia claims full control of Azovstal"),
]


class LedgerPDF(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(90, 90, 90)
        self.cell(
            0,
            6,
            f"{OUTLET} | Published {PUBLISHED:%Y-%m-%d} | War in Ukraine",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(120, 120, 120)
        self.cell(0, 8, f"{URL} - page {self.page_no()} of {{nb}}", align="C")


def body(pdf: FPDF, paragraphs: list[str]) -> None:
    pdf.set_font("Helvetica", "", 11)
    for para in paragraphs:
        para.encode("latin-1")  # core fonts: fail loudly on anything else
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


def main() -> None:
    pdf = LedgerPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(OUTLET)
    pdf.set_subject(OUTLET)
    pdf.set_keywords("Mariupol, Azovstal, Russia, Ukraine, siege")
    pdf.set_creator("warwire scripts/make_example_pdf.py")
    pdf.set_creation_date(PUBLISHED)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.alias_nb_pages()

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, f"By {OUTLET} staff, Kyiv - Saturday 21 May 2022", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    body(pdf, PAGE_ONE)
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, "(continued on page 2)", new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    body(pdf, PAGE_TWO)
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "Timeline: the siege of Mariupol, 2022", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for when, what in TIMELINE:
        pdf.cell(28, 6, when)
        pdf.cell(0, 6, what, new_x="LMARGIN", new_y="NEXT")

    if pdf.page_no() != 2:
        raise SystemExit(f"expected 2 pages, got {pdf.page_no()}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
