"""Which fused events a new event is compared with: those at its place or near it, never the
whole world's events of the same type and month (regression: fusion time grew with them)."""

from __future__ import annotations

import datetime as dt

from warwire.fuse.incremental import _box, update_fusion
from warwire.ids import make_key
from warwire.models import Annotation, Document, Entity, Event, Sentence, TimeValue
from warwire.store.sql import SQLStore

# three towns of our own: B is 20 km east of A, C some 300 km away
TOWNS = {
    "A": (35.00, 38.00),
    "B": (35.00, 38.22),
    "C": (33.00, 36.50),
}


def _town(name: str) -> Entity:
    lat, lon = TOWNS[name]
    return Entity(
        id=make_key("place", name),
        kind="place",
        name=f"Town {name}",
        lat=lat,
        lon=lon,
        country_code="SY",
        feature="city",
        geo_precision=1,
    )


def _report(n: int, town: str, precision: int = 1) -> tuple[Document, Annotation]:
    text = f"Report {n}. Shelling hit Town {town} on 3 March 2016."
    document = Document.create(
        text, title=f"Report {n}", source=f"Outlet {n}", published=dt.date(2016, 3, 4)
    )
    start = text.index("Shelling")
    place = _town(town)
    event = Event(
        id=make_key("event", document.id, start, len(text), "Shelling"),
        doc_id=document.id,
        start=start,
        end=len(text),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger="Shelling",
        sentence=1,
        location=place.id,
        geo_precision=precision,
        date=TimeValue("2016-03-03", "day"),
        time_precision=1,
        extractor="test",
    )
    sentences = (
        Sentence(document.id, 0, 0, start - 1, text[: start - 1]),
        Sentence(document.id, 1, start, len(text), text[start:]),
    )
    annotation = Annotation(document.id, sentences, (), "test", entities=(place,), events=(event,))
    return document, annotation


def test_events_within_25_km_fuse_and_a_far_one_stays_apart(store: SQLStore) -> None:
    reports = [_report(1, "A"), _report(2, "C"), _report(3, "B")]
    for document, annotation in reports:
        store.add_document(document, annotation)
        update_fusion(store, document.id)
    groups = sorted(len(f.doc_ids) for f in store.fused_events())
    assert groups == [1, 2]


def test_a_province_level_event_fuses_only_at_the_same_place(store: SQLStore) -> None:
    reports = [_report(1, "A"), _report(2, "B", precision=3), _report(3, "B", precision=3)]
    for document, annotation in reports:
        store.add_document(document, annotation)
        update_fusion(store, document.id)
    groups = sorted(len(f.doc_ids) for f in store.fused_events())
    assert groups == [1, 2]


def test_the_search_box_holds_the_circle_and_covers_the_antimeridian() -> None:
    south, north, west, east = _box(35.0, 38.0, 50.0)
    assert south < 35.0 - 0.44 and north > 35.0 + 0.44  # 50 km of latitude
    assert west < 38.0 - 0.54 and east > 38.0 + 0.54  # 50 km of longitude at 35 degrees
    assert _box(-17.0, 179.9, 50.0)[2:] == (-180.0, 180.0)  # Fiji: the whole band
