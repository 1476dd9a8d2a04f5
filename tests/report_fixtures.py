"""Hand-built dossiers for the report tests: no database, no spaCy."""

from __future__ import annotations

from warwire.report.dossier_model import (
    ActorRef,
    AssessmentView,
    DocumentRef,
    Dossier,
    EventView,
    PlaceRef,
    SourceRef,
    Subject,
    ValueSupport,
)

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'

REUTERS = SourceRef(
    doc_id="a" * 64,
    title="Militants seize Falluja",
    source="Reuters",
    published="2014-01-04",
    quote="Militants seized Falluja in January 2014, officials said.",
    start=0,
    end=57,
    url="https://example.org/reuters/falluja",
)
AP = SourceRef(
    doc_id="b" * 64,
    title="Falluja held since August",
    source="AP",
    published="2014-09-01",
    quote="The group has held Falluja since August 2014.",
    start=120,
    end=165,
    url="https://example.org/ap/falluja",
)
HOSTILE_SOURCE = SourceRef(
    doc_id="c" * 64,
    title=HOSTILE,
    source=f"Outlet {HOSTILE}",
    published="2014-06-12",
    quote=f"About 300,000 people live there | {HOSTILE} [link](javascript:x) *bold*",
    start=10,
    end=80,
    url="javascript:alert(1)",
)

FALLUJA = PlaceRef(
    id="place-falluja",
    name="Falluja",
    geonames_id=98463,
    lat=33.35,
    lon=43.78,
    country_code="IQ",
    admin1="Al Anbar",
    mentions=9,
    feature="city",
)
RAMADI = PlaceRef("place-ramadi", "Ramadi", 91597, 33.42, 43.30, "IQ", "Al Anbar", 4)
HOSTILE_PLACE = PlaceRef("place/evil<>", HOSTILE, None, 34.1, 42.9, "IQ", None, 1)
NOWHERE = PlaceRef("place-nowhere", "Unlocated valley", None, None, None, None, None, 2)

ARMY = ActorRef("actor-army", "Military Forces of Iraq", 1, "IQ", ("Iraqi army",), 12)
ISIS = ActorRef("actor-isis", "Islamic State", 2, None, ("ISIS", "ISIL"), 20)
CIVILIANS = ActorRef("actor-civ", "Civilians (Iraq)", 7, "IQ", (), 3)


def event(
    ident: str,
    *,
    date: str | None = "2014-06-12",
    precision: str | None = "day",
    location: PlaceRef | None = FALLUJA,
    actor1: ActorRef | None = ARMY,
    actor2: ActorRef | None = ISIS,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    sources: tuple[SourceRef, ...] = (REUTERS,),
    fatalities: int | None = 12,
    fatalities_high: int | None = None,
    notes: str = "",
) -> EventView:
    return EventView(
        id=ident,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=date,
        date_precision=precision,
        time_precision={"day": 1, "week": 2}.get(precision or "", 3),
        location=location,
        geo_precision=1,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        fatalities_high=fatalities_high,
        disputed=fatalities_high is not None and fatalities_high != fatalities,
        notes=notes,
        sources=sources,
    )


EVENTS = (
    event("ev-1", sources=(REUTERS, AP), fatalities=12, fatalities_high=20, notes="AP says 20."),
    event("ev-2", date="2014-06", precision="month", location=RAMADI, sources=(AP,)),
    event(
        "ev-3",
        date="2014-W30",
        precision="week",
        actor1=ISIS,
        actor2=CIVILIANS,
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        sources=(HOSTILE_SOURCE,),
        notes=HOSTILE,
    ),
    event("ev-4", date="2013", precision="year", location=HOSTILE_PLACE, actor2=None),
    event("ev-5", date=None, precision=None, location=NOWHERE, fatalities=None),
)

ASSESSMENTS = (
    AssessmentView(
        attribute="population",
        status="single_source",
        values=(ValueSupport(300000, "people", "approx", (HOSTILE_SOURCE,)),),
    ),
    AssessmentView(
        attribute="fighters",
        status="corroborated",
        values=(ValueSupport("2000", None, "lower", (REUTERS, AP)),),
    ),
    AssessmentView(
        attribute="control_since",
        status="contradicted",
        values=(
            ValueSupport("2014-01", None, "exact", (REUTERS,), precision="month"),
            ValueSupport("2014-08", None, "exact", (AP,), precision="month"),
        ),
        reason="seized in January 2014 and held since August 2014 cannot both hold",
    ),
    AssessmentView(
        attribute="controlled_by",
        status="single_source",
        values=(ValueSupport({"id": "actor-isis", "name": "Islamic State"}, None, "exact", (AP,)),),
    ),
)

DOCUMENTS = tuple(
    DocumentRef(s.doc_id, s.title, s.source, s.published, s.url)
    for s in (REUTERS, AP, HOSTILE_SOURCE)
)

SUBJECT = Subject(
    name="Falluja",
    kind="place",
    aliases=("Fallujah", "Al-Fallujah"),
    geonames_id=98463,
    lat=33.35,
    lon=43.78,
    country_code="IQ",
    actor_type=None,
    id="place-falluja",
)


def dossier(**changes: object) -> Dossier:
    fields: dict[str, object] = {
        "subject": SUBJECT,
        "assessments": ASSESSMENTS,
        "events": EVENTS,
        "actors": (ISIS, ARMY, CIVILIANS),
        "places": (FALLUJA, RAMADI, HOSTILE_PLACE, NOWHERE),
        "documents": DOCUMENTS,
        "generated_at": "2024-05-01T12:00:00+00:00",
        "summary": f"Summary by the analyst {HOSTILE}",
    }
    fields.update(changes)
    return Dossier(**fields)  # type: ignore[arg-type]
