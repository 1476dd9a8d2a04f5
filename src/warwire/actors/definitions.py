"""Aliases a report defines itself, applied to the rest of that report.

Three forms: a parenthesised acronym after a name ("the Popular Front (PF)"), and a name after
"also known as", "known locally as", "aka" and the like ("the Islamic State group, also known as
Daesh"). The named actor is the knowledge-base actor when the full name resolves, else the
actor the other side names, else a new actor when the full name looks like an armed group
("Front", "Brigade", "Army" ...). Every later (and earlier) use of the alias in the report is
then that actor, ahead of what the knowledge base would say: a report's own definition wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from warwire.actors.kb import ActorBase
from warwire.actors.mention import ActorMention, from_actor, longest_first
from warwire.actors.names import actor_key, can_start_name, is_acronym
from warwire.geo.names import name_key
from warwire.nlp.doctext import doc_text

__all__ = ["ARMED_HEADS", "AcronymDefinition", "acronym_definitions", "apply_definitions"]

_ARMED_HEADS_WORDS = """
    front forces force army brigade brigades battalion battalions movement group militia
    militias organization organisation council alliance coalition corps guard guards legion
    resistance liberation jihad mujahideen mujahidin ansar jabhat harakat katibat katiba liwa
    jaysh jaish saraya kataib tigers commandos division regiment squad units unit command
    defenders fighters rebels party self-defense self-defence"""
ARMED_HEADS = frozenset(_ARMED_HEADS_WORDS.split())
"""Words that make an unknown defined name an armed actor ("Popular Front", "Lions Brigade")."""

_CONNECTOR = r"(?:of|the|for|and|in|al|el|de|du|des|la|le|wa|bin|ibn)"
_WORD = r"[A-Z][\w'’&.]*(?:-[\w'’]+)*"
_NAME = rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)*(?:al-|el-)?{_WORD})*"
_PAREN = re.compile(rf"(?P<name>{_NAME})\s*\(\s*(?P<alias>[A-Z][A-Za-z0-9&./-]{{1,11}})\s*\)")
_KNOWN_AS = re.compile(
    r"(?:,|\()\s*(?:(?:also|locally|commonly|widely|better|formerly|previously)\s+)?known\s+"
    r"(?:locally\s+|also\s+|widely\s+)?as\s+|(?:,|\()\s*(?:a\.k\.a\.|aka)\s+"
)
_ALIAS_AFTER = re.compile(
    rf"[\"“‘']\s*(?P<quoted>[^\"”’']{{2,60}}?)\s*[\"”’']|"
    rf"(?P<name>(?:(?:al|el|the|ad|ash|as|at|ar|az|an)[-\s])?{_NAME})"
)
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*$")
_BETWEEN = re.compile(
    r"\s*(?:group|movement|militia|organi[sz]ation|network|faction|rebels|militants|fighters|"
    r"insurgents|outfit)?\s*"
)


class AcronymDefinition(NamedTuple):
    """A parenthesised acronym after the name it stands for: "the Popular Front (PF)"."""

    start: int
    """Where the full name starts (after leading words the acronym does not cover)."""
    end: int
    name: str
    alias: str
    alias_start: int
    alias_end: int


def acronym_definitions(text: str) -> Iterator[AcronymDefinition]:
    """Every "Full Name (ACRONYM)" of a text, the name trimmed to the word the acronym starts
    with ("Fighters of the Popular Front (PF)" defines "Popular Front")."""
    for match in _PAREN.finditer(text):
        alias = match["alias"]
        if not is_acronym(alias):
            continue
        start, name = _trim(match.start("name"), match["name"], alias)
        yield AcronymDefinition(
            start, match.end("name"), name, alias, match.start("alias"), match.end("alias")
        )


def apply_definitions(
    doc: Any, base: ActorBase, mentions: list[ActorMention]
) -> list[ActorMention]:
    """``mentions`` with the report's own alias definitions found and applied."""
    local: dict[str, ActorMention] = {}
    added: list[ActorMention] = []
    text = doc_text(doc)
    for found in acronym_definitions(text):
        alias = found.alias
        target = _target(doc, base, mentions, found.start, found.end, found.name, alias=alias)
        if target is None:
            continue
        added.append(target)
        _define(doc, local, added, target, alias, found.alias_start, found.alias_end)
    for cue in _KNOWN_AS.finditer(text):
        after = _ALIAS_AFTER.match(text, cue.end())
        if after is None:
            continue
        group = "quoted" if after["quoted"] else "name"
        alias_start, alias_end = after.start(group), after.end(group)
        target = _named_before(doc, base, mentions, cue.start())
        if target is None or target.actor_id is None:
            known = base.lookup(after[group])
            span = doc.char_span(alias_start, alias_end, alignment_mode="expand")
            if known is not None and span is not None:
                if target is not None:
                    added.append(
                        target.retarget(
                            from_actor(span, known), rule="alias_definition", confidence=0.9
                        )
                    )
                target = from_actor(span, known, rule="alias_definition", confidence=0.9)
        if target is None:
            continue
        added.append(target)
        _define(doc, local, added, target, after[group], alias_start, alias_end)
    if not local:
        return mentions
    return longest_first(added + _rescan(doc, local) + mentions)


def _trim(start: int, name: str, alias: str) -> tuple[int, str]:
    """Drop leading words before the one the acronym starts with ("Fighters of the Popular ...")."""
    words = list(re.finditer(r"\S+", name))
    k = 0
    while k < len(words) - 1 and words[k].group() in {"The", "A", "An"}:
        k += 1
    initial = alias[0].upper()
    later = [n for n in range(k, len(words)) if words[n].group()[0].upper() == initial]
    if later:
        k = later[0]
    return start + words[k].start(), name[words[k].start() :]


def _target(
    doc: Any,
    base: ActorBase,
    mentions: list[ActorMention],
    start: int,
    end: int,
    name: str,
    *,
    alias: str | None = None,
) -> ActorMention | None:
    """The actor a defined full name denotes, as a mention over that name.

    A name the knowledge base lacks whose acronym it holds, for an actor with a name of mostly
    the same words ("National Liberation Front (NLF)" for the National Front for Liberation),
    is that actor; otherwise the report's own definition stands.
    """
    for mention in mentions:  # already found (a knowledge-base name, a tribe...)
        if mention.start <= start and end <= mention.end and mention.kind == "actor":
            return mention
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    actor = base.lookup(name)
    if actor is None and alias is not None:
        known = base.lookup(alias)
        if known is not None and any(_same_words(name, other) for other in known.names):
            actor = known
    if actor is not None:
        return from_actor(span, actor, rule="alias_definition", confidence=0.9)
    if not ARMED_HEADS & set(name.casefold().replace("-", " ").split()):
        return None
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=None,
        name=" ".join(name.split()),
        inter=None,
        country=None,
        rule="alias_definition",
        confidence=0.8,
    )


def _same_words(name: str, other: str) -> bool:
    """Whether two names share at least half their words, ignoring connectors."""
    ignore = {"of", "the", "for", "and", "in", "al", "el"}
    ours = set(name_key(name).split()) - ignore
    theirs = set(name_key(other).split()) - ignore
    return bool(ours) and len(ours & theirs) * 2 >= max(len(ours), len(theirs))


def _named_before(
    doc: Any, base: ActorBase, mentions: list[ActorMention], cue_start: int
) -> ActorMention | None:
    """The actor named just before an "also known as" (a found mention, else a name)."""
    text = doc_text(doc)
    before = [m for m in mentions if m.end <= cue_start and m.kind == "actor"]
    if before:
        last = max(before, key=lambda m: m.end)
        if _BETWEEN.fullmatch(text, last.end, cue_start):
            return last
    match = _NAME_BEFORE.search(text, max(0, cue_start - 150), cue_start)
    if match is None:
        return None
    start, name = match.start("name"), match["name"]
    if name.startswith(("The ", "the ")) and len(name.split()) > 1:
        start, name = start + 4, name[4:]
    return _target(doc, base, mentions, start, match.end("name"), name)


def _define(
    doc: Any,
    local: dict[str, ActorMention],
    added: list[ActorMention],
    target: ActorMention,
    alias: str,
    start: int,
    end: int,
) -> None:
    local[_local_key(alias)] = target
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        added.append(_at(span, target))


def _local_key(alias: str) -> str:
    return alias if is_acronym(alias) else "~" + actor_key(alias)


def _at(span: Any, target: ActorMention) -> ActorMention:
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=target.actor_id,
        name=target.name,
        inter=target.inter,
        country=target.country,
        kind=target.kind,
        rule="local_alias",
        confidence=0.9,
    )


def _rescan(doc: Any, local: dict[str, ActorMention]) -> list[ActorMention]:
    """Every use of a locally defined alias in the report."""
    longest = max(len(alias.split()) for alias in local) + 4
    found: list[ActorMention] = []
    for i in range(len(doc)):
        if not can_start_name(doc, i):
            continue
        best = None
        for j in range(i + 1, min(len(doc), i + longest) + 1):
            span = doc[i:j]
            target = local.get(span.text) or local.get("~" + actor_key(span.text))
            if target is not None and not doc[j - 1].is_punct:
                best = _at(span, target)
        if best is not None:
            found.append(best)
    return found
