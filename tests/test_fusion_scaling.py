"""Fusion's cost per report does not grow with the database (regression: on the generated
corpus, 25 towns and one year, adding a report read every fused event of its sub-type since
the start of the year, so ingest slowed from 3.3 to 0.7 reports a second by 500 reports).

Counted, not timed: the fused events a new event is compared with are those whose date can
overlap its own, and the narrower search attaches every event where the wide one did.
"""

from __future__ import annotations

import datetime as dt
import random

from warwire.fuse.duplicates import _hash64, _permutations, shingles, signature
from warwire.fuse.events import SAME_PLACE_KM, attach
from warwire.fuse.incremental import _box, _candidates, _related, _window, update_fusion
from warwire.fuse.values import date_window, event_window, overlaps
from warwire.ids import make_key
from warwire.models import Annotation, Document, Entity, Event, Sentence, TimeValue
from warwire.store.fusion_sql import fused_candidates
from warwire.store.records import select_entities, select_events_by_id
from warwire.store.sql import SQLStore

TOWNS = {"A": (35.00, 38.00), "B": (35.00, 38.10), "C": (33.00, 36.50)}
SUB_TYPES = (
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
)
ACTORS = (None, "actor-1", "actor-2", "actor-3")


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


def _report(
    n: int,
    *,
    town: str = "A",
    date: TimeValue | None,
    sub: tuple[str, str] = SUB_TYPES[2],
    actors: tuple[str | None, str | None] = ("actor-1", None),
    precision: int = 1,
) -> tuple[Document, Annotation]:
    text = f"Report {n}. Fighting hit Town {town}."
    document = Document.create(
        text,
        title=f"Report {n} from {town}",
        source=f"Outlet {n % 7}",
        published=dt.date(2016, 6, 1),
    )
    start = text.index("Fighting")
    place = _town(town)
    event = Event(
        id=make_key("event", document.id, start),
        doc_id=document.id,
        start=start,
        end=len(text),
        event_type=sub[0],
        sub_event_type=sub[1],
        trigger="Fighting",
        sentence=1,
        actor1=actors[0],
        actor2=actors[1],
        location=place.id,
        geo_precision=precision,
        date=date,
        time_precision=1,
        extractor="test",
    )
    sentences = (
        Sentence(document.id, 0, 0, start - 1, text[: start - 1]),
        Sentence(document.id, 1, start, len(text), text[start:]),
    )
    named = tuple(_actor(a) for a in actors if a is not None)
    annotation = Annotation(
        document.id, sentences, (), "test", entities=(place, *named), events=(event,)
    )
    return document, annotation


def _actor(key: str) -> Entity:
    return Entity(id=key, kind="actor", name=key.title(), actor_type=2)


def _add(store: SQLStore, report: tuple[Document, Annotation]) -> None:
    store.add_document(*report)
    update_fusion(store, report[0].id)


def test_a_new_event_reads_only_the_fused_events_its_date_can_reach(store: SQLStore) -> None:
    """A year of weekly shelling in one town: 52 fused events, of which a new event on one
    day can join at most the one of its own week; the search reads that one, not the year."""
    for week in range(52):
        day = dt.date(2016, 1, 4) + dt.timedelta(weeks=week)
        _add(store, _report(week, date=TimeValue(day.isoformat(), "day")))
    assert len(store.fused_events()) == 52
    _, annotation = _report(99, date=TimeValue("2016-12-19", "day"))
    event = annotation.events[0]
    with store.transaction() as conn:
        first, last = _window(event)
        found = _candidates(conn, event, first, last)
        wide = fused_candidates(conn, _related(event.sub_event_type), first, last, "x")
        rows = fused_candidates(
            conn,
            _related(event.sub_event_type),
            first,
            last,
            event.location or "",
            since="2016-12-16",
            until="2016-12-22",
        )
    assert [f.date for f in found] == [TimeValue("2016-12-19", "day")]
    # the database itself reads the month of the window only, not the 48 weeks before it;
    # each one's date is tested before its members are read
    assert sorted(f.date.value for f in rows if f.date) == [
        "2016-12-05",
        "2016-12-12",
        "2016-12-19",
        "2016-12-26",
    ]
    assert wide == []  # (another place: nothing)


def test_an_undated_event_reads_no_fused_events(store: SQLStore) -> None:
    for n in range(5):
        _add(store, _report(n, date=TimeValue("2016-03-0" + str(n + 1), "day")))
    event = _report(9, date=None)[1].events[0]
    with store.transaction() as conn:
        assert _candidates(conn, event, *_window(event)) == []


def _random_date(rng: random.Random) -> TimeValue | None:
    """Dates of every form, around a new year: weeks and winters cross it."""
    day = dt.date(2015, 11, 15) + dt.timedelta(days=rng.randrange(0, 150))
    kinds = ["day", "day", "day", "time", "week", "month", "year", "range", "season", "none"]
    kind = rng.choice(kinds)
    anchor = rng.choice([None, "published", day.isoformat()])
    if kind == "none":
        return None
    if kind == "season":
        part = rng.choice(["WI", "WI", "SP", "Q1", "H1"])
        return TimeValue(f"{day.year}-{part}", "month" if part[0] in "QH" else "year")
    if kind == "time":
        return TimeValue(f"{day.isoformat()}TNI", "time", anchor=anchor)
    if kind == "week":
        year, week, _ = day.isocalendar()
        return TimeValue(f"{year}-W{week:02d}", "week", anchor=anchor)
    if kind == "month":  # sometimes a day's value read at month or year precision
        return TimeValue(rng.choice([day.isoformat()[:7], day.isoformat()]), "month")
    if kind == "year":
        return TimeValue(rng.choice(["2016", day.isoformat()]), "year")
    if kind == "range":
        end = day + dt.timedelta(days=rng.randrange(1, 40))
        return TimeValue(day.isoformat(), "day", end=end.isoformat(), anchor=anchor)
    return TimeValue(day.isoformat(), "day", anchor=anchor)


def test_the_narrow_search_attaches_every_event_as_the_wide_one_did(store: SQLStore) -> None:
    """Random events with every kind of date, at three towns (two within 25 km): each is
    attached to the same fused event with the candidates of the date-bounded search as with
    every fused event of its sub-type and place in the wide window the search used before."""
    rng = random.Random(8)
    for n in range(200):
        report = _report(
            n,
            town=rng.choice("AABC"),
            date=_random_date(rng),
            sub=rng.choice(SUB_TYPES),
            actors=(rng.choice(ACTORS), rng.choice(ACTORS)),
            precision=rng.choice([1, 1, 2, 3]),
        )
        store.add_document(*report)
        event = report[1].events[0]
        with store.transaction() as conn:
            first, last = _window(event)
            narrow = _candidates(conn, event, first, last)
            lat, lon = TOWNS[report[0].title[-1]]
            box = _box(lat, lon, 2 * SAME_PLACE_KM) if (event.geo_precision or 3) <= 2 else None
            wide = fused_candidates(
                conn, _related(event.sub_event_type), first, last, event.location or "", box
            )
            assert {c.id for c in narrow} <= {c.id for c in wide}
            window = event_window(event)
            for cluster in wide:
                if cluster.id not in {c.id for c in narrow}:  # left out: cannot overlap
                    span = date_window(cluster.date)
                    assert window is None or span is None or not overlaps(window, span)
            targets = []
            for clusters in (narrow, wide):
                ids = sorted({i for c in clusters for i in c.event_ids})
                by_id = {e.id: e for e in select_events_by_id(conn, ids)}
                members = {c.id: [by_id[i] for i in c.event_ids] for c in clusters}
                places = select_entities(conn, {_town(t).id for t in TOWNS})
                targets.append(attach(event, clusters, members, places))
            assert targets[0] == targets[1]
        update_fusion(store, report[0].id)
    sizes = sorted(len(f.event_ids) for f in store.fused_events())
    assert sizes[-1] > 1  # events did fuse


def _reference_signature(text: str) -> tuple[int, ...]:
    """MinHash with Python's integers: the formula the NumPy version must reproduce."""
    prime, low = (1 << 61) - 1, (1 << 32) - 1
    hashes = [_hash64(s) for s in shingles(text)]
    return tuple(min(((a * h + b) % prime) & low for h in hashes) for a, b in _permutations(64))


def test_the_numpy_signature_is_the_integer_formula() -> None:
    rng = random.Random(61)
    words = ["al", "Raqqa", "shelling", "42", "Deir", "ez-Zor", "fighters", "town", "of", "the"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 400))) for _ in range(60)]
    for text in texts:
        assert signature(text) == _reference_signature(text)
