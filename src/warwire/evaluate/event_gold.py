"""The hand-written event gold set and its scorer.

``tests/data/events_gold.jsonl`` holds one sentence a line, written for this project (not taken
from any dataset or article) in the style of wire reports::

    {"id": "airstrike-01", "text": "...", "published": "2019-11-03",
     "events": [{"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence",
                 "trigger": "air strike", "actor1": "Russian warplanes", "actor2": "civilians",
                 "location": "Ariha", "fatalities_low": 11, "fatalities_high": 11,
                 "hedged": false, "negated": false, "future": false,
                 "attributed_to": "Syrian Observatory for Human Rights"}]}

**Sections.** The id's prefix names the section: one per sub-event type in
:data:`ID_PREFIXES` (20 sentences each), plus ``none`` (40 sentences that state no event of the
taxonomy). A typed sentence's first non-historical event is of its section's type; it may hold a
second event of any type.

**Annotation conventions.**

- ``actor1``, ``actor2``, ``location``, ``attributed_to`` and ``trigger`` are the words as
  written in the sentence (exact substrings of ``text``), or null when the sentence does not name
  them. ``actor1`` is the one who acts (the attacker, the arresting force, the protesters, the
  actor gaining territory), ``actor2`` the one acted on (the target, the victims, the arrested,
  the actor losing territory; for agreements the other party). ``location`` is the most specific
  place named for the event. ``attributed_to`` is the source the sentence cites ("according to
  X", "X said"); for a denial it is the one who denies.
- Fatalities count deaths only (injuries never), all sides together, as ACLED: "dozens" is 12,
  "hundreds" 100, "at least 5" or "more than 5" is 5, "about 40" is 40, "between 10 and 15" is
  low 10 high 15; null when the sentence states no figure; 0 when it says no one was killed.
- ``hedged``: the sentence itself doubts the event ("reportedly", "allegedly", "claimed",
  "accused of", "is believed to", "was said to"). Plain attribution ("officials said"),
  "claimed responsibility" and "suspected members" do not hedge.
- ``negated``: the event is denied or said not to have happened ("denied shelling"). ``future``:
  a threat, plan or expectation ("threatened to", "plans to", "is expected to sign"). Negated
  and future events are still events, listed with their flags.
- ``historical`` (optional key, default false): a background fact rather than the news of the
  day ("the anniversary of the 1988 attack on Halabja"). Only ``none`` sentences and the second
  event of a few typed ones carry it.

**Scoring** (:func:`score_events`). Historical gold events, and predictions flagged
``historical``, are left out of the event counts (ACLED would not code them as new events); an
unflagged prediction of a historical event is a false positive. Within each sentence, predicted
events are matched one-to-one to gold events of the same sub-event type (where a type occurs more
than once, the pairs that agree on most arguments first). Over the matched pairs, arguments are
compared: a string matches when, case-insensitively, either contains the other or, both being
found in the sentence, their spans overlap in a letter or digit; null matches only null.
Fatalities match when low and high are both equal (a prediction with only ``fatalities_low``
counts it as both).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from warwire.errors import InputError

#: ACLED's six event types and their 25 sub-event types.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: The event type of each sub-event type.
EVENT_TYPE_OF: dict[str, str] = {
    sub: event_type for event_type, subs in ACLED_TAXONOMY.items() for sub in subs
}

#: The gold set's sections: sub-event type -> id prefix.
ID_PREFIXES: dict[str, str] = {
    "Armed clash": "clash",
    "Government regains territory": "govregain",
    "Non-state actor overtakes territory": "nsaovertake",
    "Air/drone strike": "airstrike",
    "Shelling/artillery/missile attack": "shelling",
    "Remote explosive/landmine/IED": "ied",
    "Suicide bomb": "suicide",
    "Grenade": "grenade",
    "Chemical weapon": "chemical",
    "Attack": "attack",
    "Abduction/forced disappearance": "abduction",
    "Arrests": "arrest",
    "Peaceful protest": "protest",
    "Violent demonstration": "riot",
    "Agreement": "agreement",
    "Headquarters or base established": "base",
    "Change to group/activity": "change",
    "Looting/property destruction": "looting",
    "Non-violent transfer of territory": "transfer",
    "Disrupted weapons use": "disrupted",
}

#: The id prefix of sentences that state no event of the taxonomy.
NEGATIVE_PREFIX = "none"

_STRING_FIELDS = ("trigger", "actor1", "actor2", "location", "attributed_to")
_INT_FIELDS = ("fatalities_low", "fatalities_high")
_BOOL_FIELDS = ("hedged", "negated", "future", "historical")
_EVENT_KEYS = frozenset(
    {"sub_event_type", "event_type", *_STRING_FIELDS, *_INT_FIELDS, *_BOOL_FIELDS}
)
_SENTENCE_KEYS = frozenset({"id", "text", "published", "events"})


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event; strings are the words of the sentence (see the module docstring)."""

    sub_event_type: str
    event_type: str
    trigger: str = ""
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    hedged: bool = False
    negated: bool = False
    future: bool = False
    attributed_to: str | None = None
    historical: bool = False

    def as_predicted(self) -> PredictedEvent:
        """The prediction that would score as a perfect match of this event."""
        return PredictedEvent(
            sub_event_type=self.sub_event_type,
            actor1=self.actor1,
            actor2=self.actor2,
            location=self.location,
            fatalities_low=self.fatalities_low,
            fatalities_high=self.fatalities_high,
            hedged=self.hedged,
            negated=self.negated,
            future=self.future,
            attributed_to=self.attributed_to,
            historical=self.historical,
        )


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence with its events (none for a negative sentence)."""

    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...] = ()

    @property
    def section(self) -> str:
        """The id's prefix: one of :data:`ID_PREFIXES`' values, or ``none``."""
        return self.id.rsplit("-", 1)[0]


@dataclass(frozen=True)
class PredictedEvent:
    """An event a system found in a sentence, in the gold's terms (strings as in the text)."""

    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    hedged: bool = False
    negated: bool = False
    future: bool = False
    attributed_to: str | None = None
    historical: bool = False


# ----------------------------------------------------------------------------- reading


def read_gold(path: Path) -> list[GoldSentence]:
    """Read a gold JSONL file; a malformed line raises :class:`InputError` naming file and line.

    Blank lines are skipped. Unknown keys are errors (they are usually typos). ``event_type``
    may be left out, and is then taken from :data:`EVENT_TYPE_OF`; whether the values agree
    with the taxonomy and the text is :func:`validate_gold`'s business.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot open the file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from exc
    sentences: list[GoldSentence] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not valid JSON ({exc.msg})") from exc
        try:
            sentences.append(_sentence_from(record))
        except ValueError as exc:
            raise InputError(where, str(exc)) from exc
    return sentences


def _sentence_from(record: object) -> GoldSentence:
    if not isinstance(record, dict):
        raise ValueError("a line must hold a JSON object")
    unknown = sorted(set(record) - _SENTENCE_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}")
    id_ = record.get("id")
    if not isinstance(id_, str) or not id_.strip():
        raise ValueError("'id' must be a non-empty string")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{id_}: 'text' must be a non-empty string")
    published = record.get("published")
    day: date | None = None
    if published is not None:
        if not isinstance(published, str):
            raise ValueError(f"{id_}: 'published' must be an ISO date string or null")
        try:
            day = date.fromisoformat(published)
        except ValueError as exc:
            raise ValueError(f"{id_}: 'published' is not an ISO date: {published!r}") from exc
    events = record.get("events", [])
    if not isinstance(events, list):
        raise ValueError(f"{id_}: 'events' must be a list")
    parsed = tuple(_event_from(event, f"{id_} event {i}") for i, event in enumerate(events, 1))
    return GoldSentence(id=id_, text=text, published=day, events=parsed)


def _event_from(record: object, where: str) -> GoldEvent:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: must be a JSON object")
    unknown = sorted(set(record) - _EVENT_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)}")
    sub = record.get("sub_event_type")
    if not isinstance(sub, str) or not sub:
        raise ValueError(f"{where}: 'sub_event_type' must be a non-empty string")
    event_type = record.get("event_type", EVENT_TYPE_OF.get(sub, ""))
    if not isinstance(event_type, str):
        raise ValueError(f"{where}: 'event_type' must be a string")
    strings: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{where}: {key!r} must be a string or null")
        strings[key] = value
    ints: dict[str, int | None] = {}
    for key in _INT_FIELDS:
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"{where}: {key!r} must be an integer or null")
        ints[key] = value
    flags: dict[str, bool] = {}
    for key in _BOOL_FIELDS:
        value = record.get(key, False)
        if not isinstance(value, bool):
            raise ValueError(f"{where}: {key!r} must be true or false")
        flags[key] = value
    return GoldEvent(
        sub_event_type=sub,
        event_type=event_type,
        trigger=strings["trigger"] or "",
        actor1=strings["actor1"],
        actor2=strings["actor2"],
        location=strings["location"],
        fatalities_low=ints["fatalities_low"],
        fatalities_high=ints["fatalities_high"],
        hedged=flags["hedged"],
        negated=flags["negated"],
        future=flags["future"],
        attributed_to=strings["attributed_to"],
        historical=flags["historical"],
    )


# ----------------------------------------------------------------------------- validating


def validate_gold(
    sentences: Sequence[GoldSentence],
    *,
    per_type: int | None = 20,
    negatives: int | None = 40,
) -> list[str]:
    """The problems of a gold set, one line each; an empty list means it is sound.

    Checks: ids unique; each id's prefix a known section; each sub-event type in the ACLED
    taxonomy with its own event type; trigger, actors, location and source substrings of the
    text; fatalities both null or ``0 <= low <= high``; a typed sentence's first non-historical
    event of its section's type, a ``none`` sentence with historical events only; and, unless
    ``per_type``/``negatives`` is None, that many sentences in each typed section and in ``none``.
    """
    problems: list[str] = []
    section_of_prefix = {prefix: sub for sub, prefix in ID_PREFIXES.items()}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for sentence in sentences:
        sid = sentence.id
        if sid in seen:
            problems.append(f"{sid}: duplicate id")
        seen.add(sid)
        prefix = sentence.section
        if prefix != NEGATIVE_PREFIX and prefix not in section_of_prefix:
            problems.append(f"{sid}: unknown id prefix {prefix!r}")
        counts[prefix] += 1
        for i, event in enumerate(sentence.events, start=1):
            problems.extend(f"{sid} event {i}: {p}" for p in _event_problems(event, sentence.text))
        current = [e for e in sentence.events if not e.historical]
        if prefix == NEGATIVE_PREFIX:
            if current:
                problems.append(f"{sid}: a negative sentence may hold historical events only")
        elif prefix in section_of_prefix:
            expected = section_of_prefix[prefix]
            if not current:
                problems.append(f"{sid}: no current event of type {expected!r}")
            elif current[0].sub_event_type != expected:
                problems.append(
                    f"{sid}: first event is {current[0].sub_event_type!r}, expected {expected!r}"
                )
    if per_type is not None:
        for sub, prefix in ID_PREFIXES.items():
            if counts[prefix] != per_type:
                problems.append(f"{sub}: {counts[prefix]} sentences, expected {per_type}")
    if negatives is not None and counts[NEGATIVE_PREFIX] != negatives:
        problems.append(f"negatives: {counts[NEGATIVE_PREFIX]} sentences, expected {negatives}")
    return problems


def _event_problems(event: GoldEvent, text: str) -> Iterable[str]:
    expected_type = EVENT_TYPE_OF.get(event.sub_event_type)
    if expected_type is None:
        yield f"sub_event_type {event.sub_event_type!r} is not in the ACLED taxonomy"
    elif event.event_type != expected_type:
        yield (
            f"event_type {event.event_type!r} should be {expected_type!r} "
            f"for {event.sub_event_type!r}"
        )
    if not event.trigger:
        yield "trigger is empty"
    for key in _STRING_FIELDS:
        value = getattr(event, key)
        if value is not None and (not value or value not in text):
            yield f"{key} {value!r} is not a substring of the text"
    low, high = event.fatalities_low, event.fatalities_high
    if (low is None) != (high is None):
        yield "fatalities_low and fatalities_high must both be null or both be set"
    elif low is not None and high is not None and not 0 <= low <= high:
        yield f"fatalities {low}-{high} must satisfy 0 <= low <= high"


# ----------------------------------------------------------------------------- scoring


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def report(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }


@dataclass
class _Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def report(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": self.correct / self.total if self.total else None,
        }


#: The argument comparisons reported over matched pairs, in output order.
ARGUMENTS = (
    "actor1",
    "actor2",
    "actors_any_order",
    "location",
    "fatalities",
    "hedged",
    "negated",
    "future",
    "attributed_to",
)


@dataclass
class _Scores:
    by_sub: dict[str, _Tally] = field(default_factory=dict)
    by_type: dict[str, _Tally] = field(default_factory=dict)
    arguments: dict[str, _Accuracy] = field(
        default_factory=lambda: {name: _Accuracy() for name in ARGUMENTS}
    )

    def sub(self, name: str) -> _Tally:
        return self.by_sub.setdefault(name, _Tally())

    def etype(self, name: str) -> _Tally:
        return self.by_type.setdefault(name, _Tally())


def score_events(
    gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[PredictedEvent]]
) -> dict[str, Any]:
    """Score predicted events against the gold, sentence by sentence (``predicted`` by id).

    Returns a plain dict: ``sentences``, ``gold_events``, ``predicted_events`` (counts without
    historical ones); ``sub_event_types`` (per sub-type tp/fp/fn/support/precision/recall/f1);
    ``micro`` (the same summed over sub-types); ``macro_f1`` (mean F1 over the sub-types with
    gold support); ``event_types`` (``per_type`` and ``micro``, matching on event type alone);
    ``arguments`` (per argument of :data:`ARGUMENTS`: correct/total/accuracy over the pairs
    matched by sub-type; accuracy is None when nothing matched); ``negative_sentences`` (gold
    sentences without a current event, and how many of them got a prediction);
    ``historical`` (gold historical events, how many were predicted with the flag and how many
    were reported as current events); ``unknown_ids`` (predicted ids not in the gold, ignored).
    Sentence ids must be unique (ValueError).
    """
    ids = [sentence.id for sentence in gold]
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise ValueError(f"duplicate gold sentence ids: {', '.join(duplicates)}")
    scores = _Scores()
    gold_count = predicted_count = 0
    negative_total = negative_hit = 0
    historical = {"gold": 0, "flagged": 0, "reported_as_current": 0}
    for sentence in gold:
        preds = list(predicted.get(sentence.id, ()))
        golds = [e for e in sentence.events if not e.historical]
        past = [e for e in sentence.events if e.historical]
        current = [p for p in preds if not p.historical]
        gold_count += len(golds)
        predicted_count += len(current)
        if not golds:
            negative_total += 1
            negative_hit += int(bool(current))
        _score_sentence(sentence.text, golds, current, scores)
        historical["gold"] += len(past)
        historical["flagged"] += _count_type_matches(past, [p for p in preds if p.historical])
        historical["reported_as_current"] += _count_type_matches(past, current)
    micro_sub = _sum(scores.by_sub.values())
    micro_type = _sum(scores.by_type.values())
    supported = [t.report()["f1"] for t in scores.by_sub.values() if t.tp + t.fn]
    known = set(ids)
    return {
        "sentences": len(gold),
        "gold_events": gold_count,
        "predicted_events": predicted_count,
        "sub_event_types": {k: scores.by_sub[k].report() for k in sorted(scores.by_sub)},
        "micro": micro_sub.report(),
        "macro_f1": sum(supported) / len(supported) if supported else 0.0,
        "event_types": {
            "per_type": {k: scores.by_type[k].report() for k in sorted(scores.by_type)},
            "micro": micro_type.report(),
        },
        "arguments": {name: scores.arguments[name].report() for name in ARGUMENTS},
        "negative_sentences": {"total": negative_total, "with_predictions": negative_hit},
        "historical": historical,
        "unknown_ids": sorted(set(predicted) - known),
    }


def _sum(tallies: Iterable[_Tally]) -> _Tally:
    total = _Tally()
    for tally in tallies:
        total.tp += tally.tp
        total.fp += tally.fp
        total.fn += tally.fn
    return total


def _event_type(sub_event_type: str) -> str:
    """The event type of a sub-type; an unknown sub-type is its own (never matching) type."""
    return EVENT_TYPE_OF.get(sub_event_type, f"?{sub_event_type}")


def _score_sentence(
    text: str, golds: Sequence[GoldEvent], preds: Sequence[PredictedEvent], scores: _Scores
) -> None:
    pairs = _match(text, golds, preds, lambda e: e.sub_event_type)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for gi, pi in pairs:
        scores.sub(golds[gi].sub_event_type).tp += 1
        _score_arguments(text, golds[gi], preds[pi], scores.arguments)
    for gi, event in enumerate(golds):
        if gi not in matched_gold:
            scores.sub(event.sub_event_type).fn += 1
    for pi, prediction in enumerate(preds):
        if pi not in matched_pred:
            scores.sub(prediction.sub_event_type).fp += 1
    type_pairs = _match(text, golds, preds, lambda e: _event_type(e.sub_event_type))
    typed_gold = {g for g, _ in type_pairs}
    typed_pred = {p for _, p in type_pairs}
    for gi, event in enumerate(golds):
        tally = scores.etype(_event_type(event.sub_event_type))
        if gi in typed_gold:
            tally.tp += 1
        else:
            tally.fn += 1
    for pi, prediction in enumerate(preds):
        if pi not in typed_pred:
            scores.etype(_event_type(prediction.sub_event_type)).fp += 1


def _match(
    text: str,
    golds: Sequence[GoldEvent],
    preds: Sequence[PredictedEvent],
    key: Callable[[GoldEvent | PredictedEvent], str],
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with equal ``key``; best agreement first."""
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if key(g) == key(p):
                candidates.append((-_agreement(text, g, p), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _count_type_matches(golds: Sequence[GoldEvent], preds: Sequence[PredictedEvent]) -> int:
    """How many gold events a one-to-one matching on sub-event type pairs up."""
    wanted = Counter(g.sub_event_type for g in golds)
    offered = Counter(p.sub_event_type for p in preds)
    return sum(min(n, offered[sub]) for sub, n in wanted.items())


def _agreement(text: str, gold: GoldEvent, pred: PredictedEvent) -> int:
    """How many arguments a candidate pair agrees on (to choose among same-type candidates)."""
    checks = _argument_checks(text, gold, pred)
    return sum(int(ok) for ok in checks.values())


def _argument_checks(text: str, gold: GoldEvent, pred: PredictedEvent) -> dict[str, bool]:
    actor1 = strings_match(text, gold.actor1, pred.actor1)
    actor2 = strings_match(text, gold.actor2, pred.actor2)
    swapped = strings_match(text, gold.actor1, pred.actor2) and strings_match(
        text, gold.actor2, pred.actor1
    )
    high = pred.fatalities_high if pred.fatalities_high is not None else pred.fatalities_low
    return {
        "actor1": actor1,
        "actor2": actor2,
        "actors_any_order": (actor1 and actor2) or swapped,
        "location": strings_match(text, gold.location, pred.location),
        "fatalities": gold.fatalities_low == pred.fatalities_low and gold.fatalities_high == high,
        "hedged": gold.hedged == pred.hedged,
        "negated": gold.negated == pred.negated,
        "future": gold.future == pred.future,
        "attributed_to": strings_match(text, gold.attributed_to, pred.attributed_to),
    }


def _score_arguments(
    text: str, gold: GoldEvent, pred: PredictedEvent, accuracies: dict[str, _Accuracy]
) -> None:
    for name, ok in _argument_checks(text, gold, pred).items():
        accuracies[name].add(ok)


_SPACE = re.compile(r"\s+")
_ALNUM = re.compile(r"\w")


def _norm(value: str) -> str:
    return _SPACE.sub(" ", value).strip().lower()


def strings_match(text: str, gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted actor, place or source string matches the gold one.

    Null matches null only (an empty or blank prediction counts as null). Otherwise the two
    match when, case-insensitively, either contains the other, or when both occur in ``text``
    and some occurrence of each overlaps the other in at least one letter or digit.
    """
    g = _norm(gold) if gold is not None else ""
    p = _norm(predicted) if predicted is not None else ""
    if not g or not p:
        return not g and not p
    if g in p or p in g:
        return True
    haystack = _norm(text)
    g_spans = _occurrences(haystack, g)
    p_spans = _occurrences(haystack, p)
    for gs, ge in g_spans:
        for ps, pe in p_spans:
            start, end = max(gs, ps), min(ge, pe)
            if start < end and _ALNUM.search(haystack, start, end):
                return True
    return False


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans
