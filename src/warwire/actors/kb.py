"""The actor knowledge base: ``vocab/actors.yaml`` loaded, checked and indexed once.

``load_actor_base()`` returns an ``ActorBase``: the ``Actor`` records by id and the indexes the
matcher needs (normalised keys, exact-case acronyms, ambiguous aliases, state forces by
country). A bad entry raises ``ConfigError`` naming the file and the entry's id. See the header
of ``actors.yaml`` for what each field means and how ambiguous aliases are matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from warwire.actors.names import ACTOR_ARTICLES, actor_key, is_acronym
from warwire.errors import ConfigError
from warwire.geo.curated import read_vocab
from warwire.geo.names import name_key

__all__ = ["INTER_CODES", "Actor", "ActorBase", "load_actor_base", "resolve_actor"]

INTER_CODES: Mapping[int, str] = {
    1: "state forces",
    2: "rebel group",
    3: "political militia",
    4: "identity militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external/other forces",
}
"""ACLED actor types (``inter1``/``inter2`` codes) and what they mean."""

_FILE = "vocab/actors.yaml"
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Actor:
    """One actor of the knowledge base."""

    id: str
    name: str
    aliases: tuple[str, ...]
    inter: int
    country: str | None
    wikidata: str | None
    parent: str | None
    source: str
    ambiguous_aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias, ambiguous ones included."""
        return (self.name, *self.aliases, *self.ambiguous_aliases)


@dataclass(frozen=True)
class ActorBase:
    """The actors and their name indexes (built by ``ActorBase.build``)."""

    actors: Mapping[str, Actor]
    by_key: Mapping[str, str]
    """``actor_key`` of a name or plain alias -> actor id."""
    by_exact: Mapping[str, str]
    """An acronym or case-sensitive alias, as written -> actor id."""
    ambiguous_by_key: Mapping[str, tuple[str, ...]]
    """``actor_key`` of an ambiguous alias (not an acronym) -> actor ids."""
    ambiguous_by_exact: Mapping[str, tuple[str, ...]]
    """An ambiguous acronym, as written -> actor ids."""
    military: Mapping[str, str] = field(default_factory=dict)
    """Country code -> id of its "Military Forces of ..." entry."""
    police: Mapping[str, str] = field(default_factory=dict)
    """Country code -> id of its "Police Forces of ..." entry."""
    first_words: frozenset[str] = frozenset()
    name_words: Mapping[str, int] = field(default_factory=dict)
    key_prefixes: frozenset[str] = frozenset()
    """Every leading run of words of a multi-word name key (a scan stops when it leaves them)."""
    """For each first word, the most words a name starting with it has (bounds the scan)."""
    """``name_key`` words a name can start with (a cheap filter for the matcher)."""
    exact_prefixes: frozenset[str] = frozenset()
    """Every leading part of an exact-case alias ("I", "IS", "ISI", "ISIS", "ISIS-", ...)."""
    max_chars: int = 0
    """The length of the longest name, in characters."""

    @classmethod
    def build(cls, actors: Iterable[Actor], where: str = _FILE) -> ActorBase:
        """Index ``actors``; raise ``ConfigError`` on repeated ids, unknown parents or clashes."""
        by_id: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in by_id:
                raise ConfigError(f"{where}: actor id {actor.id!r} is repeated")
            by_id[actor.id] = actor
        by_key: dict[str, str] = {}
        by_exact: dict[str, str] = {}
        amb_key: dict[str, list[str]] = {}
        amb_exact: dict[str, list[str]] = {}
        military: dict[str, str] = {}
        police: dict[str, str] = {}
        first: set[str] = set()
        span_words: dict[str, int] = {}
        longest = 0
        for actor in by_id.values():
            _check_parent(actor, by_id, where)
            for name in (actor.name, *actor.aliases):
                exact = is_acronym(name) or name in actor.case_sensitive
                index = by_exact if exact else by_key
                key = name if exact else actor_key(name)
                if not key:
                    raise ConfigError(f"{where} entry {actor.id!r}: alias {name!r} has no letters")
                owner = index.setdefault(key, actor.id)
                if owner != actor.id:
                    raise ConfigError(
                        f"{where} entry {actor.id!r}: alias {name!r} is also a name of "
                        f"{owner!r}; list it under ambiguous_aliases in both or drop it"
                    )
            for name in actor.ambiguous_aliases:
                if is_acronym(name):
                    amb_exact.setdefault(name, []).append(actor.id)
                else:
                    amb_key.setdefault(actor_key(name), []).append(actor.id)
            for name in actor.names:
                for word in _first_words(name):
                    first.add(word)
                    span_words[word] = max(span_words.get(word, 0), len(name_key(name).split()))
                longest = max(longest, len(name))
            if actor.inter == 1 and actor.country:
                if actor.name.startswith("Military Forces of"):
                    military.setdefault(actor.country, actor.id)
                elif actor.name.startswith("Police Forces of"):
                    police.setdefault(actor.country, actor.id)
        return cls(
            actors=by_id,
            by_key=by_key,
            by_exact=by_exact,
            ambiguous_by_key={k: tuple(v) for k, v in amb_key.items()},
            ambiguous_by_exact={k: tuple(v) for k, v in amb_exact.items()},
            military=military,
            police=police,
            first_words=frozenset(first),
            name_words=span_words,
            key_prefixes=frozenset(
                " ".join(words[:n])
                for key in (*by_key, *amb_key)
                if len(words := key.split()) > 1
                for n in range(1, len(words) + 1)
            ),
            exact_prefixes=frozenset(
                name[:i] for name in (*by_exact, *amb_exact) for i in range(1, len(name) + 1)
            ),
            max_chars=longest,
        )

    def get(self, actor_id: str) -> Actor:
        """The actor with id ``actor_id`` (``KeyError`` when there is none)."""
        return self.actors[actor_id]

    def lookup(self, name: str) -> Actor | None:
        """The actor a name denotes: an id, a name or alias, or an ambiguous alias of one actor."""
        text = name.strip()
        if text in self.actors:
            return self.actors[text]
        if text in self.by_exact:
            return self.actors[self.by_exact[text]]
        key = actor_key(text)
        if key in self.by_key:
            return self.actors[self.by_key[key]]
        candidates = self.ambiguous_by_exact.get(text) or self.ambiguous_by_key.get(key) or ()
        if len(candidates) == 1:
            return self.actors[candidates[0]]
        return None

    def ancestors(self, actor_id: str) -> tuple[str, ...]:
        """The ids of an actor's parent, grandparent and so on, nearest first."""
        chain: list[str] = []
        parent = self.actors[actor_id].parent
        while parent is not None:
            chain.append(parent)
            parent = self.actors[parent].parent
        return tuple(chain)


def _first_words(name: str) -> set[str]:
    words = name_key(name).split()
    if not words:
        return set()
    found = {words[0]}
    if len(words) > 1 and (words[0] == "the" or words[0] in ACTOR_ARTICLES):
        found.add(words[1])
    return found


def _check_parent(actor: Actor, by_id: Mapping[str, Actor], where: str) -> None:
    seen = {actor.id}
    parent = actor.parent
    while parent is not None:
        if parent not in by_id:
            raise ConfigError(f"{where} entry {actor.id!r}: parent {parent!r} is not an actor id")
        if parent in seen:
            raise ConfigError(f"{where} entry {actor.id!r}: parents form a cycle at {parent!r}")
        seen.add(parent)
        parent = by_id[parent].parent


def parse_actor(raw: Any, where: str = _FILE) -> Actor:
    """One entry of ``actors.yaml`` as an ``Actor``; ``ConfigError`` names a bad one."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: an entry is not a mapping: {raw!r}")
    label = f"{where} entry {raw.get('id')!r}"
    try:
        actor = Actor(
            id=str(raw["id"]),
            name=str(raw["name"]).strip(),
            aliases=_strings(raw.get("aliases")),
            inter=int(raw["inter"]),
            country=None if raw["country"] is None else str(raw["country"]),
            wikidata=None if raw.get("wikidata") is None else str(raw["wikidata"]),
            parent=None if raw.get("parent") is None else str(raw["parent"]),
            source=str(raw["source"] or "").strip(),
            ambiguous_aliases=_strings(raw.get("ambiguous_aliases")),
            case_sensitive=_strings(raw.get("case_sensitive")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{label}: missing or bad field {exc}") from exc
    problem = _problem(actor)
    if problem:
        raise ConfigError(f"{label}: {problem}")
    return actor


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return tuple(str(item).strip() for item in value)


def _problem(actor: Actor) -> str | None:
    if not _ID.match(actor.id):
        return f"id {actor.id!r} is not a slug (lower-case letters, digits, _)"
    if not actor.name:
        return "the name is empty"
    if actor.inter not in INTER_CODES:
        return f"inter {actor.inter!r} is not an ACLED actor type 1-8"
    if actor.country is not None and not _COUNTRY.match(actor.country):
        return f"country {actor.country!r} is not an ISO 3166-1 alpha-2 code"
    if actor.wikidata is not None and not _QID.match(actor.wikidata):
        return f"wikidata {actor.wikidata!r} is not a Q-id"
    if actor.parent == actor.id:
        return "the actor is its own parent"
    if not actor.source:
        return "the source is missing"
    if any(not alias for alias in actor.names):
        return "an alias is empty"
    stray = set(actor.case_sensitive) - set(actor.aliases)
    if stray:
        return f"case_sensitive names {sorted(stray)!r} that are not aliases"
    return None


@cache
def load_actor_base() -> ActorBase:
    """The actors of ``vocab/actors.yaml``, checked and indexed (read once per process)."""
    data = read_vocab("actors.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ConfigError(f"{_FILE}: expected a mapping with an `actors` list")
    return ActorBase.build(parse_actor(raw) for raw in data["actors"])


def resolve_actor(name: str) -> Actor | None:
    """The knowledge-base actor a name, alias or id denotes, or None ("Daesh" -> Islamic State)."""
    return load_actor_base().lookup(name)
