"""Demonyms and national adjectives: "Iraqi" -> IQ, "Syrians" -> SY, "Kurdish" -> None.

The table is ``vocab/demonyms.yaml`` (sourced there), read once per process.
"""

from __future__ import annotations

from functools import cache

from warwire.geo.curated import read_vocab

__all__ = ["demonym_country", "demonym_table", "is_demonym"]


@cache
def demonym_table() -> dict[str, str | None]:
    """Casefolded demonym -> country code, with None for peoples that name no single state."""
    data = read_vocab("demonyms.yaml")
    table: dict[str, str | None] = {}
    for code, words in data["countries"].items():
        for word in words or ():
            table.setdefault(str(word).casefold(), str(code))
    for word in data.get("no_country") or ():
        table.setdefault(str(word).casefold(), None)
    return table


def _forms(word: str) -> tuple[str, ...]:
    folded = word.strip().casefold()
    forms = [folded]
    if folded.endswith("'s") or folded.endswith("’s"):
        forms.append(folded[:-2])
    if folded.endswith("s"):
        forms.append(folded[:-1])
    if folded.endswith("men"):
        forms.append(folded[:-3] + "man")
    return tuple(forms)


def demonym_country(word: str) -> str | None:
    """The country code a demonym or national adjective names ("Iraqis" -> "IQ"), else None."""
    table = demonym_table()
    for form in _forms(word):
        if form in table:
            return table[form]
    return None


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a known demonym, including those that name no country ("Kurdish")."""
    table = demonym_table()
    return any(form in table for form in _forms(word))


@cache
def region_demonym_table() -> dict[str, str]:
    """Casefolded adjective of a continent or world region -> the region's name."""
    data = read_vocab("demonyms.yaml")
    table: dict[str, str] = {}
    for region, words in (data.get("regions") or {}).items():
        for word in words or ():
            table.setdefault(str(word).casefold(), str(region))
    return table


def demonym_region(word: str) -> str | None:
    """The continent or region an adjective names ("European" -> "Europe"), else None."""
    table = region_demonym_table()
    for form in _forms(word):
        if form in table:
            return table[form]
    return None
