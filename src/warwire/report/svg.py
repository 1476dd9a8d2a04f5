"""Inline SVG drawings for the HTML dossier: a map of places and events, and a timeline.

Both are plain strings of SVG markup with no script, no image and no reference outside the
page; the only links are in-page anchors (``#place-...``, ``#event-...``). The map uses an
equirectangular projection with its standard parallel at the middle latitude, fitted to the
points' bounding box with padding, and draws a graticule instead of basemap tiles, so it works
offline. The timeline draws one bar per dated event, as wide as the date's precision (a day, a
week, a month, a year), packed into lanes so bars never overlap.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from html import escape

from warwire.report.common import date_interval, timeline_order
from warwire.report.dossier_model import EventView, PlaceRef, Subject

__all__ = ["EVENT_COLOURS", "anchor", "map_svg", "timeline_svg"]

EVENT_COLOURS: dict[str, str] = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#d35400",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#b7950b",
    "Strategic developments": "#117a65",
}
"""One colour per ACLED event type (timeline bars and legend)."""

_OTHER_COLOUR = "#566573"
_RING = 18
_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90)
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_PRECISION_OPACITY = {"day": 0.95, "week": 0.75, "month": 0.55, "year": 0.35}
_SPAN_NAMES = ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (10**6, "year"))


def anchor(prefix: str, ident: str) -> str:
    """An HTML id built from a record id: only letters, digits, ``-`` and ``_``."""
    return f"{prefix}-{_ANCHOR_UNSAFE.sub('-', ident)}"


def _a(text: object) -> str:
    return escape(str(text), quote=True)


def _num(x: float) -> str:
    return f"{x:.1f}"


def _step(span: float) -> float:
    for step in _STEPS:
        if span / step <= 6:
            return step
    return _STEPS[-1]


def _degrees(value: float, step: float, pos: str, neg: str) -> str:
    decimals = len(f"{step:g}".partition(".")[2])
    if round(value, 6) == 0:
        return "0°"
    return f"{abs(value):.{decimals}f}°{pos if value > 0 else neg}"


def _graticule(lo: float, hi: float) -> list[tuple[float, float]]:
    """Round values between ``lo`` and ``hi``, about 3 to 6 of them, each with the step."""
    step = _step(hi - lo)
    first, last = math.ceil(lo / step), math.floor(hi / step)
    return [(k * step, step) for k in range(first, last + 1)]


def map_svg(
    places: Sequence[PlaceRef],
    events: Sequence[EventView] = (),
    *,
    subject: Subject | None = None,
    width: int = 640,
    max_height: int = 480,
) -> str:
    """An SVG map of the places with coordinates and where events happened; "" if none.

    Places are circles sized by ``mentions`` (labelled, the most mentioned first), event
    locations are diamonds sized by how many events happened there, the subject's own point
    (when it has one) is a ring. Each mark links to its row in the page's tables.
    """
    located = [(p, p.lat, p.lon) for p in places if p.lat is not None and p.lon is not None]
    event_points: dict[tuple[float, float], list[EventView]] = {}
    for e in events:
        loc = e.location
        if loc is not None and loc.lat is not None and loc.lon is not None:
            event_points.setdefault((loc.lat, loc.lon), []).append(e)
    coords = [(lat, lon) for _, lat, lon in located] + list(event_points)
    if subject is not None and subject.lat is not None and subject.lon is not None:
        coords.append((subject.lat, subject.lon))
    if not coords:
        return ""

    lat_lo, lat_hi = min(c[0] for c in coords), max(c[0] for c in coords)
    lon_lo, lon_hi = min(c[1] for c in coords), max(c[1] for c in coords)
    lat_span = max(lat_hi - lat_lo, 0.5) * 1.3
    lon_span = max(lon_hi - lon_lo, 0.5) * 1.3
    lat_mid, lon_mid = (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2
    kx = max(math.cos(math.radians(lat_mid)), 0.2)
    left, top, right_pad, bottom_pad = 52, 14, 14, 26  # room for the graticule labels
    inner_w, inner_h = width - left - right_pad, max_height - top - bottom_pad
    scale = min(inner_w / (lon_span * kx), inner_h / lat_span)
    lon_span = inner_w / (scale * kx)  # fill the width; the height follows the data
    height = round(lat_span * scale) + top + bottom_pad
    lat_top, lon_left = lat_mid + lat_span / 2, lon_mid - lon_span / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return left + (lon - lon_left) * kx * scale, top + (lat_top - lat) * scale

    out = [
        f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        ' role="img" aria-label="Map of the places and events in this dossier">',
        f'<rect class="sea" x="{left}" y="{top}" width="{inner_w}"'
        f' height="{height - top - bottom_pad}"/>',
    ]
    right, bottom = width - right_pad, height - bottom_pad
    for parallel, step in _graticule(lat_top - lat_span, lat_top):
        gy = _num(xy(parallel, lon_left)[1])
        label = _degrees(parallel, step, "N", "S")
        out.append(f'<line class="grid" x1="{left}" y1="{gy}" x2="{right}" y2="{gy}"/>')
        out.append(f'<text class="glabel gy" x="{left - 3}" y="{gy}">{label}</text>')
    for meridian, step in _graticule(lon_left, lon_left + lon_span):
        gx = _num(xy(lat_top, meridian)[0])
        label = _degrees(meridian, step, "E", "W")
        out.append(f'<line class="grid" x1="{gx}" y1="{top}" x2="{gx}" y2="{bottom}"/>')
        out.append(f'<text class="glabel gx" x="{gx}" y="{bottom + 13}">{label}</text>')

    ring: tuple[float, float] | None = None
    if subject is not None and subject.lat is not None and subject.lon is not None:
        x, y = ring = xy(subject.lat, subject.lon)
        out.append(
            f'<circle class="subject" cx="{_num(x)}" cy="{_num(y)}" r="{_RING}">'
            f"<title>{_a(subject.name)}</title></circle>"
        )
    labels: list[str] = []
    ranked = sorted(located, key=lambda item: (-item[0].mentions, item[0].name))
    for rank, (p, lat, lon) in enumerate(ranked):
        x, y = xy(lat, lon)
        r = min(3 + 2.2 * math.sqrt(max(p.mentions, 0)), 16)
        title = f"{p.name}: {p.mentions} mention{'' if p.mentions == 1 else 's'}"
        out.append(
            f'<a href="#{anchor("place", p.id)}"><circle class="place" cx="{_num(x)}"'
            f' cy="{_num(y)}" r="{_num(r)}"><title>{_a(title)}</title></circle></a>'
        )
        if rank < 12:  # the most mentioned are named; the rest by their tooltip
            if ring is not None and math.dist(ring, (x, y)) < 4:
                r = max(r, _RING)
            label_at = f'x="{_num(x + r + 3)}" y="{_num(y + 4)}"'
            labels.append(f'<text class="plabel" {label_at}>{_a(p.name)}</text>')
    for (lat, lon), evs in sorted(event_points.items()):
        x, y = xy(lat, lon)
        s = min(4 + 1.5 * math.sqrt(len(evs)), 12)
        corners = ((x, y - s), (x + s, y), (x, y + s), (x - s, y))
        pts = " ".join(f"{_num(cx)},{_num(cy)}" for cx, cy in corners)
        where = evs[0].location.name if evs[0].location else ""
        title = f"{len(evs)} event{'s' if len(evs) != 1 else ''} at {where}"
        out.append(
            f'<a href="#{anchor("event", evs[0].id)}"><polygon class="event" points="{pts}">'
            f"<title>{_a(title)}</title></polygon></a>"
        )
    out += labels
    out.append("</svg>")
    return "\n".join(out)


def _lanes(spans: list[tuple[dt.date, dt.date]]) -> list[int]:
    """The lane of each span, greedily: the first lane whose last bar ended before it starts."""
    ends: list[dt.date] = []
    lanes: list[int] = []
    for start, end in spans:
        for i, last in enumerate(ends):
            if last <= start:
                ends[i] = end
                lanes.append(i)
                break
        else:
            ends.append(end)
            lanes.append(len(ends) - 1)
    return lanes


def _ticks(t0: dt.date, t1: dt.date) -> list[tuple[dt.date, str]]:
    days = (t1 - t0).days
    if days <= 120:
        step = max(7, days // 8 // 7 * 7)
        first = t0 + dt.timedelta(days=(7 - t0.weekday()) % 7)
        return [
            (first + dt.timedelta(days=i), (first + dt.timedelta(days=i)).isoformat())
            for i in range(0, days + 1, step)
            if first + dt.timedelta(days=i) <= t1
        ]
    if days <= 366 * 4:
        every = max(1, math.ceil(days / 30.4 / 10))
        out: list[tuple[dt.date, str]] = []
        y, m = t0.year, t0.month + 1
        while True:
            if m > 12:
                y, m = y + 1, m - 12
            day = dt.date(y, m, 1)
            if day > t1:
                return out
            if (y * 12 + m - 1) % every == 0:
                out.append((day, f"{y}-{m:02d}"))
            m += 1
    every = max(1, math.ceil(days / 365.25 / 10))
    return [(dt.date(y, 1, 1), str(y)) for y in range(t0.year + 1, t1.year + 1) if y % every == 0]


def timeline_svg(events: Sequence[EventView], *, width: int = 720) -> str:
    """An SVG timeline of the dated events, one bar each, as wide as its precision; "" if none.

    Bars are coloured by event type (legend on top), paler for vaguer dates, and link to the
    event's row in the page's table; undated events are left out (the table lists them).
    """
    dated = [
        (e, span)
        for e in timeline_order(events)
        if (span := date_interval(e.date, e.date_precision))
    ]
    if not dated:
        return ""
    t0 = min(s[0] for _, s in dated)
    t1 = max(s[1] for _, s in dated)
    pad = max((t1 - t0).days // 40, 1)
    t0, t1 = t0 - dt.timedelta(days=pad), t1 + dt.timedelta(days=pad)
    total = max((t1 - t0).days, 1)
    left, right, top, bar, gap = 10, width - 10, 34, 12, 4
    lanes = _lanes([s for _, s in dated])
    height = top + (max(lanes) + 1) * (bar + gap) + 30

    def x(day: dt.date) -> float:
        return left + (day - t0).days / total * (right - left)

    out = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        ' role="img" aria-label="Timeline of the events in this dossier">'
    ]
    legend_x = left
    for kind in sorted({e.event_type for e, _ in dated}):
        colour = EVENT_COLOURS.get(kind, _OTHER_COLOUR)
        out.append(f'<rect x="{legend_x}" y="6" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text class="legend" x="{legend_x + 14}" y="15">{_a(kind)}</text>')
        legend_x += 24 + 6 * len(kind)
    axis_y = height - 22
    out.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>')
    for day, label in _ticks(t0, t1):
        tx = _num(x(day))
        out.append(f'<line class="tick" x1="{tx}" y1="{top - 6}" x2="{tx}" y2="{axis_y + 4}"/>')
        out.append(f'<text class="glabel gx" x="{tx}" y="{axis_y + 16}">{label}</text>')
    for (e, (start, end)), lane in zip(dated, lanes, strict=True):
        x0, x1 = x(start), x(end)
        w = max(x1 - x0 - 1, 3.0)  # a pixel apart from the next bar in the lane
        y = top + lane * (bar + gap)
        days = (end - start).days
        precision = next(name for limit, name in _SPAN_NAMES if days <= limit)
        colour = EVENT_COLOURS.get(e.event_type, _OTHER_COLOUR)
        opacity = _PRECISION_OPACITY.get(precision, 0.45)
        where = f" at {e.location.name}" if e.location else ""
        title = f"{e.date} ({precision}): {e.event_type}: {e.sub_event_type}{where}"
        out.append(
            f'<a href="#{anchor("event", e.id)}"><rect class="bar" x="{_num(x0)}" y="{y}"'
            f' width="{_num(w)}" height="{bar}" fill="{colour}" fill-opacity="{opacity}">'
            f"<title>{_a(title)}</title></rect></a>"
        )
    out.append("</svg>")
    return "\n".join(out)
