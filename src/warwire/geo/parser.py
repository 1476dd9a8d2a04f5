"""The geoparser: recognition and resolution over one parsed report, with the spaCy pipeline.

``Geoparser.places(spacy_doc)`` is the pipeline stage; ``geocode(text)`` a quick look at one
text; ``resolve_spans`` and ``parse`` adapt it to the evaluation harness.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from warwire.geo import Gazetteer
from warwire.geo.recognise import Toponym, find_toponyms
from warwire.geo.resolve import ResolvedPlace, resolve
from warwire.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.language import Language

    from warwire.evaluate.geo_types import PredictedPlace


class Geoparser:
    """Finds and resolves the places of a report."""

    version = "warwire.places.v1"

    def __init__(self, gazetteer: Gazetteer, nlp: Language | None = None) -> None:
        self.gazetteer = gazetteer
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from warwire.nlp.pipeline import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def places(self, spacy_doc: Any) -> list[ResolvedPlace]:
        """Every toponym of a parsed document, resolved or marked unresolved."""
        toponyms = find_toponyms(spacy_doc, self.gazetteer)
        return resolve(doc_text(spacy_doc), toponyms, self.gazetteer)

    def geocode(self, text: str) -> list[ResolvedPlace]:
        return self.places(self.nlp(text))

    # -- the evaluation harness's Geoparser protocol ---------------------------------------

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> list[PredictedPlace | None]:
        """Resolve given spans, with the report's own recognised toponyms as context."""

        spacy_doc = self.nlp(text)
        found = find_toponyms(spacy_doc, self.gazetteer)
        gold = [Toponym(s, e, text[s:e], "place", "ner", "GOLD") for s, e in spans]
        gold_keys = {(t.start, t.end) for t in gold}
        context = [
            t
            for t in found
            if (t.start, t.end) not in gold_keys
            and not any(t.start < g.end and g.start < t.end for g in gold)
        ]
        merged = sorted([*gold, *context], key=lambda t: (t.start, t.end))
        resolved = resolve(text, merged, self.gazetteer)
        by_span = {
            (r.toponym.start, r.toponym.end): r for r in resolved if r.toponym.label == "GOLD"
        }
        out: list[PredictedPlace | None] = []
        for s, e in spans:
            r = by_span.get((s, e))
            out.append(None if r is None else _predicted(r))
        return out

    def parse(self, text: str) -> list[PredictedPlace]:
        from warwire.evaluate.geo_types import PredictedPlace

        return [
            _predicted(r) or PredictedPlace(r.toponym.start, r.toponym.end, None, None, None)
            for r in self.geocode(text)
        ]


def _predicted(r: ResolvedPlace) -> PredictedPlace | None:
    """The point given for a place: its entry's, or for an unresolved name the town it is
    near (without a GeoNames id: the name itself stays unidentified)."""
    from warwire.evaluate.geo_types import PredictedPlace

    t = r.toponym
    if r.entry is not None:
        return PredictedPlace(t.start, t.end, r.entry.lat, r.entry.lon, r.entry.geonames_id)
    if r.near is not None:
        return PredictedPlace(t.start, t.end, r.near.lat, r.near.lon, None)
    return None
