"""The records and the protocol the geoparsing evaluation is written against.

Gold data (``GoldDoc``/``GoldToponym``) come from the corpus readers in
:mod:`warwire.evaluate.geo_readers`; a system under test implements :class:`Geoparser` and
answers with :class:`PredictedPlace` records. Offsets are 0-based, end-exclusive character
offsets into ``GoldDoc.text``, whatever the corpus file used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class GoldToponym:
    """One gold toponym span; ``lat``/``lon`` are None when the gold has no coordinates."""

    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str | None = None  # the corpus's toponym type where it has one (GeoWebNews)

    @property
    def has_point(self) -> bool:
        """Whether the gold gives coordinates, so the span is scored for resolution."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text, its toponyms (sorted by offset) and publication date."""

    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    published: date | None


@dataclass(frozen=True)
class PredictedPlace:
    """A system's answer for one span; ``lat``/``lon`` None means found but not resolved."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass(frozen=True)
class GeoCorpus:
    """A read corpus with what reading it took: the format and the offset repairs."""

    path: str
    format: str  # "lgl" (also TR-News), "geovirus", "geowebnews", "gwn-geocoding"
    docs: tuple[GoldDoc, ...]
    realigned: int  # gold spans whose offsets did not index their phrase and were moved
    dropped: int  # gold spans whose phrase was not found near their offsets


class Geoparser(Protocol):
    """What the harness needs from a geoparser."""

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[PredictedPlace | None]:
        """Resolve the given spans (same order; None = unresolved)."""
        ...

    def parse(self, text: str) -> list[PredictedPlace]:
        """Find and resolve the toponyms of ``text`` (end to end)."""
        ...
