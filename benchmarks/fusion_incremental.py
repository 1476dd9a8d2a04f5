"""Adding one report to a database of 10,000: the cost of keeping the fusion layer current.

    .venv/bin/python benchmarks/fusion_incremental.py [--base 10000] [--adds 20] [--db PATH]

Builds (once; reused when ``--db`` exists) a database of ``--base`` reports whose annotations
are generated directly (no spaCy: documents with sentences, place and actor entities, events and
claims drawn from 120 towns, 40 actors and two years of dates, so that fused events and
assessments grow as in a real archive), each added with ``update_fusion`` as ingest does. Then
ingests ``--adds`` real reports one at a time through the full pipeline (spaCy, geoparsing,
actors, events, claims, storage) followed by the fusion update, as ``warwire ingest`` does, and
prints as JSON the median and maximum seconds per added report and of the fusion step alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from warwire.fuse.incremental import update_fusion
from warwire.ids import make_key
from warwire.models import Annotation, Claim, Document, Entity, Event, Sentence, TimeValue
from warwire.store import SQLiteStore

SUB_TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Battles", "Non-state actor overtakes territory"),
)
OUTLETS = tuple(f"Outlet {i}" for i in range(30))


def _places(rng: random.Random) -> list[Entity]:
    return [
        Entity(
            id=make_key("place", 9_000_000 + i),
            kind="place",
            name=f"Town {i}",
            geonames_id=9_000_000 + i,
            lat=33.0 + rng.random() * 4,
            lon=36.0 + rng.random() * 6,
            country_code="SY",
            feature="city",
            geo_precision=1,
        )
        for i in range(120)
    ]


def _actors() -> list[Entity]:
    return [
        Entity(id=make_key("actor", f"bench-{i}"), kind="actor", name=f"Group {i}", actor_type=2)
        for i in range(40)
    ]


def _synthetic(
    i: int, rng: random.Random, places: list[Entity], actors: list[Entity]
) -> tuple[Document, Annotation]:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(730))
    place, actor = rng.choice(places), rng.choice(actors)
    event_type, sub = rng.choice(SUB_TYPES)
    dead = rng.randrange(1, 40)
    fighters = rng.choice((500, 1000, 2000, 3000))
    text = (
        f"Report {i}. {actor.name} fighters were involved in fighting in {place.name} on "
        f"{day:%d %B %Y}, killing {dead} people. {actor.name} has about {fighters} fighters "
        f"in {place.name}, officials said."
    )
    document = Document.create(
        text, title=f"Report {i}", source=rng.choice(OUTLETS), published=day, format="text"
    )
    first_end = text.index(". ") + 1
    second_end = text.index(" people.") + len(" people.")
    sentences = (
        Sentence(document.id, 0, 0, first_end, text[:first_end]),
        Sentence(document.id, 1, first_end + 1, second_end, text[first_end + 1 : second_end]),
        Sentence(document.id, 2, second_end + 1, len(text), text[second_end + 1 :]),
    )
    s1 = sentences[1]
    event = Event(
        id=make_key("event", document.id, s1.start, s1.end, sub),
        doc_id=document.id,
        start=s1.start,
        end=s1.end,
        event_type=event_type,
        sub_event_type=sub,
        trigger="fighting",
        sentence=1,
        actor1=actor.id,
        location=place.id,
        geo_precision=1,
        date=TimeValue(day.isoformat(), "day"),
        time_precision=1,
        fatalities_low=dead,
        fatalities_high=dead,
        extractor="bench",
    )
    s2 = sentences[2]
    claim = Claim(
        id=make_key("claim", document.id, s2.start, s2.end, actor.id, "fighters", str(fighters)),
        doc_id=document.id,
        start=s2.start,
        end=s2.end,
        subject=actor.id,
        attribute="fighters",
        value=str(fighters),
        sentence=2,
        qualifier="approx",
        extractor="bench",
    )
    annotation = Annotation(
        document.id,
        sentences,
        (),
        "bench",
        entities=(place, actor),
        events=(event,),
        claims=(claim,),
    )
    return document, annotation


def build(path: Path, n: int) -> None:
    rng = random.Random(11)
    places, actors = _places(rng), _actors()
    started = time.perf_counter()
    with SQLiteStore(path) as store:
        for i in range(n):
            document, annotation = _synthetic(i, rng, places, actors)
            if store.add_document(document, annotation) == "new":
                update_fusion(store, document.id)
            if (i + 1) % 1000 == 0:
                rate = (i + 1) / (time.perf_counter() - started)
                print(f"built {i + 1}/{n} ({rate:.0f} reports/s)", file=sys.stderr)


REPORT = """title: Fighting near {town}
published: 2016-0{month}-1{day}
source: Bench Wire {k}

Government forces captured {town} from the Islamic State on Tuesday after a week of clashes,
a monitoring group said. An air strike killed at least {dead} people in {town} on Monday,
according to the Syrian Observatory for Human Rights. The Islamic State has over 2,000 fighters
in the province, officials said. (Dispatch {nonce}.)
"""

TOWNS = ("Palmyra", "Raqqa", "Deir ez-Zor", "Idlib", "Homs", "Hama", "Tabqa", "Al-Bab")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    import warwire

    db = args.db or Path(tempfile.mkdtemp()) / "fusion-bench.db"
    if not db.exists():
        build(db, args.base)
    folder = Path(tempfile.mkdtemp())
    nonce = time.time_ns()  # new reports on every run, even against a reused database
    annotate: list[float] = []
    fusion: list[float] = []
    from warwire.nlp.parallel import make_annotator
    from warwire.pipeline import ingest

    annotator = make_annotator("", True, True)
    warwire.analyze("Warm-up: rebels shelled Raqqa on Monday.", published=None)
    with warwire.open(db) as ws:
        for k in range(args.adds):
            town = TOWNS[k % len(TOWNS)]
            text = REPORT.format(
                town=town, month=1 + k % 9, day=k % 10, k=k, dead=3 + k, nonce=f"{nonce}-{k}"
            )
            path = folder / f"add-{k}.txt"
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()  # read, annotate and store, as ingest does
            summary = ingest([str(path)], store=ws.store, annotator=annotator)
            annotate.append(time.perf_counter() - started)
            assert summary.new == 1, summary
            doc_id = summary.outcomes[0].doc_id
            assert doc_id is not None
            started = time.perf_counter()  # then the fusion update ingest runs after it
            update_fusion(ws.store, doc_id)
            fusion.append(time.perf_counter() - started)
        documents = ws.store.count_documents()
    totals = [a + f for a, f in zip(annotate, fusion, strict=True)]
    result = {
        "documents": documents,
        "adds": args.adds,
        "add_report_seconds_median": round(statistics.median(totals), 3),
        "add_report_seconds_max": round(max(totals), 3),
        "annotate_and_store_seconds_median": round(statistics.median(annotate), 3),
        "fusion_seconds_median": round(statistics.median(fusion), 4),
        "fusion_seconds_max": round(max(fusion), 4),
        "db": str(db),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
