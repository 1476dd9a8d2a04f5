"""Claim assessment: for one (subject, attribute), are the sources' claims corroborated,
contradicted, or single-sourced?

:func:`assess` groups the claims into sets whose values agree (:func:`warwire.fuse.values.compare`,
complete linkage: a claim joins a group only when it agrees with every member; the most precise
claims are placed first, so "2016" joins "March 2016" rather than founding its own group). Then:

- ``contradicted`` when claims of two groups, from *different documents*, cannot both hold
  (a report that contradicts itself is an extraction or narration matter, not a dispute);
  contradiction wins, and ``reason`` says it in words: "captured 2015-05 (2 sources) but held
  since 2015-07 (1 source)";
- else ``corroborated`` when a group holds claims from two or more independent sources;
- else ``single_source``.

Independence: ``independence`` maps doc id -> independence key (same outlet or near-duplicate
copy share one, see :func:`warwire.fuse.duplicates.independence_keys`); a document missing from
it is its own source. Hedged claims count like the others; a negated claim never corroborates
(it counts as a source only in the words of a reason) but contradicts the claim it denies.

Control claims are read together: pass *all* of a subject's control claims (``controlled_by``,
``control_since``, ``captured_on``) to :func:`assess` and only those of ``attribute`` are
assessed, the others are context. A time claim's actor is the ``controlled_by`` claim of the
same sentence; two time claims whose actors are both known and differ describe different
episodes and never contradict. ``captured_on`` and ``control_since`` both date the start of
control, so they are also checked against each other (:func:`control_conflicts`), and each
contradiction marks both attributes' assessments. A ``controlled_by`` claim holds from its
sentence's start date (if any) or its report's publication day to that day (:func:`control_window`);
two different controllers contradict only when those windows come within
:data:`CONTROL_SLACK_DAYS` of each other (an undated claim overlaps everything), and not when
each took the place at a known, different time (a succession), unless the earlier one says in a
later report that it has held the place since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from warwire.fuse.values import (
    Interval,
    compare,
    describe,
    event_window,
    number_span,
    overlaps,
    time_interval,
)
from warwire.models import Assessment, AssessmentStatus, Claim, Event

__all__ = [
    "CONTROL_ATTRIBUTES",
    "CONTROL_SLACK_DAYS",
    "EPISODE_GAP_DAYS",
    "TERRITORY_SUB_TYPES",
    "affected_keys",
    "assess",
    "claim_actor",
    "control_conflicts",
    "control_window",
    "event_conflicts",
]

#: The attributes read together as one subject's control history.
CONTROL_ATTRIBUTES = frozenset({"controlled_by", "control_since", "captured_on"})
_START_OF_CONTROL = frozenset({"control_since", "captured_on"})
#: Event sub-types that change who holds a place.
TERRITORY_SUB_TYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory"}
)
#: Two ``controlled_by`` windows this many days apart still count as the same time.
CONTROL_SLACK_DAYS = 7
#: Two starts of control further apart than this are two episodes (a place lost and retaken),
#: not a dispute, unless both name the same actor and one says the hold lasted.
EPISODE_GAP_DAYS = 365


@dataclass
class _Context:
    """What the rules need beyond the two claims compared."""

    claims: Sequence[Claim]
    independence: Mapping[str, str] = field(default_factory=dict)
    published: Mapping[str, dt.date] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)

    def key(self, claim: Claim) -> str:
        return self.independence.get(claim.doc_id, claim.doc_id)

    def sources(self, claims: Sequence[Claim], *, positive: bool = False) -> int:
        return len({self.key(c) for c in claims if not (positive and c.negated)})


def claim_actor(claim: Claim, context: Sequence[Claim]) -> str | None:
    """The actor of a ``captured_on``/``control_since`` claim: the value of the (first by id)
    non-negated ``controlled_by`` claim of the same document, sentence and subject."""
    if claim.attribute == "controlled_by":
        return claim.value
    actors = sorted(
        (c.id, c.value)
        for c in context
        if c.attribute == "controlled_by"
        and not c.negated
        and (c.doc_id, c.sentence, c.subject) == (claim.doc_id, claim.sentence, claim.subject)
    )
    return actors[0][1] if actors else None


def control_window(
    claim: Claim, context: Sequence[Claim], published: Mapping[str, dt.date] | None = None
) -> Interval | None:
    """When a ``controlled_by`` claim holds: from the start date of its sentence's
    ``control_since``/``captured_on`` claim, or else its report's publication day, to that day
    (open-ended without one). None when neither is known."""
    day = (published or {}).get(claim.doc_id)
    starts = [
        span[0]
        for c in context
        if c.attribute in _START_OF_CONTROL
        and (c.doc_id, c.sentence, c.subject) == (claim.doc_id, claim.sentence, claim.subject)
        and (span := time_interval(c.value, c.precision, end=c.value_high)) is not None
    ]
    if starts:
        return min(starts), day or dt.date.max
    return (day, day) if day is not None else None


def _conflict(a: Claim, b: Claim, ctx: _Context) -> str | None:
    """Why two claims of different documents cannot both hold, or None."""
    if a.doc_id == b.doc_id:
        return None
    if a.attribute in _START_OF_CONTROL and b.attribute in _START_OF_CONTROL:
        actor_a, actor_b = claim_actor(a, ctx.claims), claim_actor(b, ctx.claims)
        if actor_a and actor_b and actor_a != actor_b:
            return None  # two episodes: "A took it in 2014", "B has held it since 2016"
        lasting = "control_since" in {a.attribute, b.attribute}
        if _apart(a, b) and not (actor_a and actor_b and lasting):
            return None  # "it fell in June 2014", "it fell on 9 July 2017": two episodes
    if a.attribute == "controlled_by":
        when_a = control_window(a, ctx.claims, ctx.published)
        when_b = control_window(b, ctx.claims, ctx.published)
        if not overlaps(when_a, when_b, slack_days=CONTROL_SLACK_DAYS):
            return None  # a change of hands, not a dispute
        if _succession(a, b, ctx):
            return None
    result = compare(a, b)  # at one time, as far as is known
    if not result.contradict:
        return None
    return f"{describe(a, ctx.names)} but {describe(b, ctx.names)}"


def _starts(claim: Claim, ctx: _Context) -> list[Claim]:
    """The ``captured_on``/``control_since`` claims of a ``controlled_by`` claim's sentence."""
    return [
        c
        for c in ctx.claims
        if c.attribute in _START_OF_CONTROL
        and (c.doc_id, c.sentence, c.subject) == (claim.doc_id, claim.sentence, claim.subject)
    ]


def _succession(a: Claim, b: Claim, ctx: _Context) -> bool:
    """Whether two controllers that each took the place at a known, different time follow one
    another: "A took it in June 2014" and "B took it in July 2017". Not when the earlier says
    its hold lasts (``control_since``) in a report published after the later start."""
    starts_a, starts_b = _starts(a, ctx), _starts(b, ctx)
    spans_a = [s for c in starts_a if (s := time_interval(c.value, c.precision)) is not None]
    spans_b = [s for c in starts_b if (s := time_interval(c.value, c.precision)) is not None]
    if not spans_a or not spans_b:
        return False
    first_a, first_b = min(spans_a), min(spans_b)
    if overlaps(first_a, first_b):
        return False
    earlier, starts, later = (a, starts_a, first_b) if first_a < first_b else (b, starts_b, first_a)
    day = ctx.published.get(earlier.doc_id)
    lasting = any(c.attribute == "control_since" for c in starts)
    return not (lasting and day is not None and day >= later[0])


def _apart(a: Claim, b: Claim) -> bool:
    """Whether two dated claims lie more than :data:`EPISODE_GAP_DAYS` apart."""
    span_a = time_interval(a.value, a.precision, end=a.value_high)
    span_b = time_interval(b.value, b.precision, end=b.value_high)
    return _gap(span_a, span_b) > EPISODE_GAP_DAYS


def _gap(a: Interval | None, b: Interval | None) -> int:
    """Days between two spans (0 when they overlap or one is unknown)."""
    if a is None or b is None:
        return 0
    return max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)


_WIDTH_CLASSES = (0, 7, 31, 92, 184, 366)


def _precision(claim: Claim) -> tuple[bool, float, str, str]:
    """Sort key placing the most precise claims first (negated ones last): dates by precision
    class (day, week, month, quarter, half, year, longer) then chronologically, figures by the
    relative width of their span."""
    width, start = 0.0, ""
    if claim.value_kind == "time":
        span = time_interval(claim.value, claim.precision, end=claim.value_high)
        if span is None:
            width = float("inf")
        else:
            days = (span[1] - span[0]).days
            width = float(next((i for i, c in enumerate(_WIDTH_CLASSES) if days <= c), 6))
            start = span[0].isoformat()
    elif claim.value_kind == "number":
        figures = number_span(claim)
        width = (figures[1] - figures[0]) / max(abs(figures[1]), 1.0) if figures else float("inf")
    return claim.negated, width, start, claim.id


def _value_key(claim: Claim) -> tuple[object, ...]:
    """What :func:`compare` reads of a claim: claims equal here compare alike."""
    return (
        claim.value_kind,
        claim.attribute,
        claim.value,
        claim.value_high,
        claim.unit,
        claim.qualifier,
        claim.precision,
        claim.reference,
        claim.bearing,
        claim.negated,
    )


def _by_value(claims: Sequence[Claim]) -> dict[tuple[object, ...], list[Claim]]:
    """Claims by value key, in the order given."""
    out: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        out.setdefault(_value_key(claim), []).append(claim)
    return out


def _groups(claims: Sequence[Claim], ctx: _Context) -> list[list[Claim]]:
    """Complete-linkage groups of agreeing claims, the best supported first. Claims of equal
    value go together, so the work grows with the number of distinct values."""
    seeds: list[list[Claim]] = []  # one claim per distinct value
    members: list[list[Claim]] = []
    keys: list[set[str]] = []
    for same in _by_value(sorted(claims, key=_precision)).values():
        seed = same[0]
        positive = {ctx.key(c) for c in same if not c.negated}
        fitting = [i for i, g in enumerate(seeds) if all(compare(seed, m).agree for m in g)]
        if fitting:
            i = max(fitting, key=lambda i: (len(keys[i]), len(members[i]), -i))
            seeds[i].append(seed)
            members[i] += same
            keys[i] |= positive
        else:
            seeds.append([seed])
            members.append(list(same))
            keys.append(positive)
    order = sorted(range(len(seeds)), key=lambda i: (-len(keys[i]), -len(members[i]), i))
    return [members[i] for i in order]


def _first_conflict(
    first: Sequence[Claim], second: Sequence[Claim], ctx: _Context
) -> tuple[Claim, Claim] | None:
    """The first pair of claims, one from each side, that cannot both hold: values are
    compared once per distinct pair, claims only where the values contradict."""
    for same_a in _by_value(first).values():
        for same_b in _by_value(second).values():
            if not compare(same_a[0], same_b[0]).contradict:
                continue
            for a in same_a:
                for b in same_b:
                    if _conflict(a, b, ctx) is not None:
                        return a, b
    return None


def _sourced(claim: Claim, group: Sequence[Claim], ctx: _Context) -> str:
    n = ctx.sources(group)
    return f"{describe(claim, ctx.names)} ({n} source{'s' if n != 1 else ''})"


def assess(
    subject: str,
    attribute: str,
    claims: Sequence[Claim],
    independence: Mapping[str, str],
    *,
    published: Mapping[str, dt.date] | None = None,
    names: Mapping[str, str] | None = None,
) -> Assessment:
    """The assessment of ``subject``'s ``attribute`` over ``claims`` (those of other subjects or
    attributes are context only). ``published`` maps doc id -> publication date (for the times
    of ``controlled_by`` claims), ``names`` entity id -> name (for reasons)."""
    ctx = _Context(claims, independence, published or {}, names or {})
    own = [c for c in claims if c.subject == subject and c.attribute == attribute]
    if not own:
        return Assessment(subject, attribute, "single_source")
    groups = _groups(own, ctx)
    reasons: list[str] = []
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            pair = _first_conflict(first, second, ctx)
            if pair is not None:
                a, b = pair
                reasons.append(f"{_sourced(a, first, ctx)} but {_sourced(b, second, ctx)}")
    if attribute in _START_OF_CONTROL:
        reasons += _cross_reasons(subject, attribute, groups, ctx)
    best = groups[0]
    sources = ctx.sources(best, positive=True)
    status: AssessmentStatus
    if reasons:
        status = "contradicted"
    elif sources >= 2:
        status = "corroborated"
    else:
        status = "single_source"
    return Assessment(
        subject=subject,
        attribute=attribute,
        status=status,
        claim_ids=tuple(sorted(c.id for c in own)),
        groups=tuple(tuple(sorted(c.id for c in g)) for g in groups),
        sources=sources,
        reason="; ".join(dict.fromkeys(reasons)) or None,
    )


def _cross_reasons(
    subject: str,
    attribute: str,
    groups: Sequence[Sequence[Claim]],
    ctx: _Context,
) -> list[str]:
    """Contradictions between ``captured_on`` and ``control_since`` claims of ``subject``."""
    other_attribute = ({*_START_OF_CONTROL} - {attribute}).pop()
    others = [c for c in ctx.claims if c.subject == subject and c.attribute == other_attribute]
    reasons = []
    for group in groups:
        pair = _first_conflict(group, others, ctx)
        if pair is not None:
            a, b = pair
            backing = [o for o in others if compare(b, o).agree]
            reasons.append(f"{_sourced(a, group, ctx)} but {_sourced(b, backing, ctx)}")
    return reasons


def control_conflicts(
    claims: Sequence[Claim],
    *,
    published: Mapping[str, dt.date] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[tuple[str, str, str]]:
    """Every pair of control claims (of one subject or several) that cannot both hold, as
    ``(claim id, claim id, reason)`` with the smaller id first, sorted: a capture date against a
    "held since" date, two capture dates, two controllers at the same time."""
    ctx = _Context(claims, {}, published or {}, names or {})
    control = sorted((c for c in claims if c.attribute in CONTROL_ATTRIBUTES), key=lambda c: c.id)
    found = []
    for i, a in enumerate(control):
        for b in control[i + 1 :]:
            if a.subject != b.subject:
                continue
            same_kind = a.attribute == b.attribute or (
                a.attribute in _START_OF_CONTROL and b.attribute in _START_OF_CONTROL
            )
            if same_kind and (reason := _conflict(a, b, ctx)) is not None:
                found.append((a.id, b.id, reason))
    return found


def event_conflicts(
    claims: Sequence[Claim],
    events: Sequence[Event],
    *,
    published: Mapping[str, dt.date] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[tuple[str, str, str]]:
    """Control claims against dated seizures of their place, as ``(claim id, event id,
    reason)``, sorted. A seizure is an event of :data:`TERRITORY_SUB_TYPES` whose ``location``
    is the claim's subject (not negated, not future, dated, from another document); its taker
    is ``actor1``. For a non-negated ``captured_on``/``control_since`` claim dated T whose actor
    is A (see :func:`claim_actor`):

    1. a seizure by A (or where A or the taker is unknown) dated wholly before T contradicts
       it: "held since 2015-07" but taken in May 2015;
    2. the same after T contradicts a ``captured_on`` claim (two capture dates) and, when the
       claim's report was published after the seizure, a ``control_since`` claim;
    3. a seizure by another known actor after T and before the claim's report (publication
       date needed) contradicts a ``control_since`` claim: the hold was not continuous.

    Rules 1 and 2 skip a seizure more than :data:`EPISODE_GAP_DAYS` away from T (another
    episode) unless both actors are known and the claim is ``control_since``.
    """
    published = published or {}
    names = names or {}
    found = []
    seizures = [
        e
        for e in events
        if e.sub_event_type in TERRITORY_SUB_TYPES
        and not e.negated
        and not e.future
        and e.location is not None
    ]
    for claim in claims:
        if claim.attribute not in _START_OF_CONTROL or claim.negated:
            continue
        span = time_interval(claim.value, claim.precision, end=claim.value_high)
        if span is None:
            continue
        actor = claim_actor(claim, claims)
        day = published.get(claim.doc_id)
        for event in seizures:
            window = event_window(event)
            if event.location != claim.subject or event.doc_id == claim.doc_id or window is None:
                continue
            same = not (actor and event.actor1 and actor != event.actor1)
            since = claim.attribute == "control_since"
            known = bool(actor and event.actor1)
            if same and _gap(span, window) > EPISODE_GAP_DAYS and not (known and since):
                continue  # another episode (see _conflict)
            before, after = window[1] < span[0], window[0] > span[1]
            reported = day is not None and window[0] <= day
            if not _contradicts(claim.attribute == "control_since", same, before, after, reported):
                continue
            taker = names.get(event.actor1, event.actor1) if event.actor1 else "an actor"
            assert event.date is not None
            reason = f"{describe(claim, names)} but {taker} took it {event.date.value}"
            found.append((claim.id, event.id, reason))
    return sorted(found)


def _contradicts(since: bool, same_actor: bool, before: bool, after: bool, reported: bool) -> bool:
    """The rules of :func:`event_conflicts` for one claim and one seizure."""
    if same_actor:
        return before or (after and (not since or reported))
    return since and after and reported


def affected_keys(claims: Sequence[Claim]) -> set[tuple[str, str]]:
    """The (subject, attribute) keys to re-assess when ``claims`` are added: their own, and for
    a control claim all three control attributes of its subject (they are read together)."""
    keys: set[tuple[str, str]] = set()
    for claim in claims:
        if claim.attribute in CONTROL_ATTRIBUTES:
            keys |= {(claim.subject, attribute) for attribute in CONTROL_ATTRIBUTES}
        else:
            keys.add((claim.subject, claim.attribute))
    return keys
