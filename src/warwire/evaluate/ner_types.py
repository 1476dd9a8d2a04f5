"""The records the NER evaluation's mapping is written in: gold schemes and typed spans.

Offsets are 0-based, end-exclusive character offsets into the document's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

__all__ = ["SCHEME_TYPES", "Scheme", "SchemeSpan", "SchemeTypes"]

Scheme = Literal["re3d", "conll"]


class SchemeTypes(NamedTuple):
    """What a scheme calls an organisation, a person, a location and a nationality."""

    org: str
    person: str
    loc: str
    nationality: str


SCHEME_TYPES: Mapping[str, SchemeTypes] = {
    "re3d": SchemeTypes("Organisation", "Person", "Location", "Nationality"),
    "conll": SchemeTypes("ORG", "PER", "LOC", "MISC"),
}


@dataclass(frozen=True)
class SchemeSpan:
    """A span typed in a scheme's terms; ``rule`` says which label or rule gave it."""

    start: int
    end: int
    type: str
    rule: str
