"""An unresolved local name placed near the report's town, through annotation and the store."""

from __future__ import annotations

from typing import Any

from warwire.geo.parser import Geoparser
from warwire.geo.resolve import ResolvedPlace
from warwire.models import Document
from warwire.nlp.pipeline import place_entity, to_annotation
from warwire.store.sql import SQLStore

TEXT = "Shelling hit Qwertz Square in Mosul on Friday, and Mosul officials closed it."


class _Placed:
    """The real geoparser, whose recognition is told where the invented street is."""

    version = "test.places"

    def __init__(self, geoparser: Geoparser) -> None:
        self.geoparser = geoparser

    def places(self, spacy_doc: Any) -> list[ResolvedPlace]:
        from warwire.geo.recognise import Toponym, find_toponyms
        from warwire.geo.resolve import resolve

        street = Toponym(13, 26, "Qwertz Square", "place", "ner", "FAC")
        found = [t for t in find_toponyms(spacy_doc, self.geoparser.gazetteer) if t.start > 26]
        return resolve(TEXT, [street, *found], self.geoparser.gazetteer)


def test_a_street_near_a_town_is_a_mention_of_the_town_but_not_its_name(
    gazetteer: Any, nlp: Any, store: SQLStore
) -> None:
    document = Document.create(TEXT)
    annotation = to_annotation(document, nlp(TEXT), "test", _Placed(Geoparser(gazetteer, nlp)))
    mosul = place_entity(gazetteer.lookup("Mosul")[0].entry)
    street = next(m for m in annotation.mentions if m.extractor == _Placed.version)
    assert street.entity_id == mosul.id
    assert street.resolution == "near" and street.geo_precision == 2
    store.add_document(document, annotation)
    assert "Qwertz Square" not in store.aliases(mosul.id)
    assert "Mosul" in store.aliases(mosul.id)
    assert store.mention_counts([mosul.id])[mosul.id] == 3
