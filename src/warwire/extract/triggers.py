"""Event triggers: the words of a sentence that state an ACLED-style event.

The lexicon is data (``vocab/events.yaml``, with its sources): per sub-event type, verb and noun
lemmas and multi-word phrases. Phrases are matched first, longest first, on the words and on
their lemmas ("shelled", "were kidnapped"); single verbs and nouns then match on their lemma and
part of speech. ``needs_not`` words veto a trigger when they modify it ("gold mine", "hunger
strike" is not a remote explosive or an air strike).

    >>> [t.sub_event_type for t in find_triggers(nlp("A car bomb killed five people.")[:])]
    ['Remote explosive/landmine/IED', 'Attack']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from warwire.errors import ConfigError

__all__ = ["Trigger", "TriggerEntry", "find_triggers", "load_lexicon"]

_MAX_PHRASE = 8
_VERB_TAGS = frozenset({"VERB", "AUX"})
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class TriggerEntry:
    """One sub-event type of the lexicon."""

    sub_event_type: str
    event_type: str
    order: int
    weak: bool = False
    needs_not: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Trigger:
    """Words stating an event: character span, the head token's index in the ``Doc``, type."""

    start: int
    end: int
    text: str
    head: int
    sub_event_type: str
    event_type: str
    weak: bool = False
    first: int = 0
    last: int = 0


@dataclass(frozen=True)
class Pattern:
    """A verb whose object names what the event is about ("set up a base")."""

    entry: TriggerEntry
    verbs: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """The trigger lexicon, indexed for matching."""

    entries: tuple[TriggerEntry, ...]
    phrases: dict[tuple[str, ...], TriggerEntry]
    verbs: dict[str, TriggerEntry]
    nouns: dict[str, TriggerEntry]
    patterns: tuple[Pattern, ...] = ()
    phrase_starts: frozenset[str] = frozenset()
    pattern_verbs: frozenset[str] = frozenset()  # verbs some pattern needs: others skip it


@lru_cache(maxsize=65536)
def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("-", " - ").split())


@cache
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon (loaded once)."""
    path = resources.files("warwire") / "vocab" / "events.yaml"
    try:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the event lexicon {path}: {exc}") from exc
    entries: list[TriggerEntry] = []
    phrases: dict[tuple[str, ...], TriggerEntry] = {}
    verbs: dict[str, TriggerEntry] = {}
    nouns: dict[str, TriggerEntry] = {}
    for order, item in enumerate(data.get("types") or []):
        try:
            entry = TriggerEntry(
                sub_event_type=str(item["sub_event_type"]),
                event_type=str(item["event_type"]),
                order=order,
                weak=bool(item.get("weak", False)),
                needs_not=frozenset(str(w).lower() for w in item.get("needs_not") or ()),
            )
        except KeyError as exc:
            raise ConfigError(f"{path}: entry {order + 1} lacks {exc}") from exc
        entries.append(entry)
        for phrase in item.get("phrases") or ():
            phrases.setdefault(_words(str(phrase)), entry)
        for verb in item.get("verbs") or ():
            verbs.setdefault(str(verb).lower(), entry)
        for noun in item.get("nouns") or ():
            nouns.setdefault(str(noun).lower(), entry)
    patterns = []
    for order, item in enumerate(data.get("patterns") or [], len(entries)):
        entry = TriggerEntry(str(item["sub_event_type"]), str(item["event_type"]), order)
        patterns.append(
            Pattern(
                entry,
                frozenset(str(v).lower() for v in item.get("verbs") or ()),
                frozenset(str(o).lower() for o in item.get("objects") or ()),
            )
        )
    starts = frozenset(phrase[0] for phrase in phrases if phrase)
    pattern_verbs = frozenset().union(*(pattern.verbs for pattern in patterns))
    return Lexicon(tuple(entries), phrases, verbs, nouns, tuple(patterns), starts, pattern_verbs)


def _token_words(token: Any) -> tuple[str, ...]:
    return _words(token.text)


def _lemma_words(token: Any) -> tuple[str, ...]:
    return _words(token.lemma_ or token.text)


def _phrase_at(
    tokens: list[Any],
    i: int,
    lexicon: Lexicon,
    words: list[tuple[tuple[str, ...], tuple[str, ...]]],
) -> tuple[int, TriggerEntry] | None:
    """The longest phrase starting at token ``i``: (tokens used, entry), on words or lemmas.
    ``words`` holds each token's (surface words, lemma words), computed once a sentence."""
    surface_words, lemma_words = words[i]
    starts = lexicon.phrase_starts
    if not (surface_words and surface_words[0] in starts) and not (
        lemma_words and lemma_words[0] in starts
    ):
        return None
    best: tuple[int, TriggerEntry] | None = None
    surface: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    for n in range(1, min(_MAX_PHRASE, len(tokens) - i) + 1):
        if tokens[i + n - 1].is_space:
            break
        more_surface, more_lemmas = words[i + n - 1]
        surface += more_surface
        lemmas += more_lemmas
        entry = lexicon.phrases.get(surface) or lexicon.phrases.get(lemmas)
        if entry is not None:
            best = (n, entry)
    return best


def _vetoed(tokens: list[Any], first: int, last: int, entry: TriggerEntry) -> bool:
    """Whether a ``needs_not`` word modifies the trigger (within the three words before it, or
    as its compound or adjective)."""
    if not entry.needs_not:
        return False
    before = {t.lower_ for t in tokens[max(first - 3, 0) : first]}
    children = {c.lower_ for t in tokens[first : last + 1] for c in t.children}
    return bool((before | children) & entry.needs_not)


def _modifier(token: Any) -> bool:
    """A noun modifying another noun ("strike rate", "protest movement") states nothing."""
    return token.dep_ == "compound" and token.head.pos_ in _NOUN_TAGS


def _named(token: Any) -> bool:
    """A capitalised word inside a name or a date ("March 2016", "Operation Dawn"), which the
    noun list must not read as a common noun; a sentence-initial word is not a name."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start


def _verb_key(token: Any) -> str:
    """A verb's lemma with its particle ("set up", "shoot down")."""
    lemma = (token.lemma_ or token.text).lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return f"{lemma} {particles[0]}" if particles else lemma


def _objects(verb: Any) -> list[Any]:
    """A verb's objects, and the object of "into" ("turned X into a headquarters")."""
    found = []
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "nsubjpass"}:
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "prep" and child.lower_ in {"into", "of"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _pattern_triggers(sent: Any, lexicon: Lexicon) -> tuple[list[Trigger], set[int]]:
    """Verb-object pattern triggers, and the tokens they cover (verb and object phrase)."""
    found: list[Trigger] = []
    covered: set[int] = set()
    verbs = lexicon.pattern_verbs
    for token in sent:
        if token.pos_ not in _VERB_TAGS and token.tag_ not in {"VBG", "VBN"}:
            continue
        lemma = (token.lemma_ or token.text).lower()
        key = _verb_key(token)
        if key not in verbs and lemma not in verbs:
            continue
        for pattern in lexicon.patterns:
            if key not in pattern.verbs and lemma not in pattern.verbs:
                continue
            hits = [o for o in _objects(token) if _object_word(o) in pattern.objects]
            if not hits:
                continue
            found.append(
                Trigger(
                    start=token.idx,
                    end=token.idx + len(token.text),
                    text=token.text,
                    head=token.i,
                    sub_event_type=pattern.entry.sub_event_type,
                    event_type=pattern.entry.event_type,
                    first=token.i,
                    last=token.i,
                )
            )
            covered.add(token.i)
            covered.update(c.i for c in token.children if c.dep_ == "prt")
            for hit in hits:
                covered.update(t.i for t in hit.subtree)
            break
    return found, covered


def _object_word(token: Any) -> str:
    """The head word of an object ("a cache of weapons" -> cache; "a new base" -> base)."""
    return (token.lemma_ or token.text).lower()


def find_triggers(sent: Any) -> list[Trigger]:
    """The event triggers of one spaCy sentence ``Span``, in text order, without overlaps."""
    lexicon = load_lexicon()
    tokens = list(sent)
    found, covered = _pattern_triggers(sent, lexicon)
    words = [(_token_words(t), _lemma_words(t)) for t in tokens]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.i in covered:
            i += 1
            continue
        match = _phrase_at(tokens, i, lexicon, words)
        if match is not None and any(t.i in covered for t in tokens[i : i + match[0]]):
            match = None
        if match is None and token.pos_ in _VERB_TAGS:
            entry = lexicon.phrases.get(_words(_verb_key(token)))
            match = (1, entry) if entry is not None and " " in _verb_key(token) else None
        if match is None:
            lemma = (token.lemma_ or token.text).lower()
            entry = None
            if token.pos_ in _VERB_TAGS:
                entry = lexicon.verbs.get(lemma)
            elif token.pos_ in _NOUN_TAGS and not _named(token) and not _modifier(token):
                entry = lexicon.nouns.get(token.lower_) or lexicon.nouns.get(lemma)
            match = (1, entry) if entry is not None else None
        if match is None:
            i += 1
            continue
        width, entry = match
        first, last = i, i + width - 1
        if not _vetoed(tokens, first, last, entry):
            span = sent.doc[tokens[first].i : tokens[last].i + 1]
            found.append(
                Trigger(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    head=span.root.i,
                    sub_event_type=entry.sub_event_type,
                    event_type=entry.event_type,
                    weak=entry.weak,
                    first=tokens[first].i,
                    last=tokens[last].i,
                )
            )
        i += width
    return sorted(found, key=lambda t: t.start)
