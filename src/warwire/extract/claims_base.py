"""What the claim rules share: one sentence with its mentions, the claim words, claim records.

A :class:`ClaimSentence` maps tokens of the spaCy parse to the report's resolved place and actor
mentions, turns TIMEX mentions into claim values through the timex package's own TimeML reading,
and builds :class:`~warwire.models.Claim` records with the cues of their trigger word
(:func:`~warwire.extract.cues.cues_for`). The words are data: ``vocab/claims.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from warwire.extract.cues import cues_for
from warwire.geo.recognise import DATELINE_CHARS, dateline_spans
from warwire.ids import make_key
from warwire.models import (
    Claim,
    ClaimValueKind,
    Document,
    Entity,
    Mention,
    Qualifier,
    TimeValue,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "CLAIM_EXTRACTOR",
    "ClaimSentence",
    "ClaimWords",
    "Focus",
    "claim_words",
    "format_number",
    "report_focus",
]

CLAIM_EXTRACTOR = "warwire.claims.v1"

_PLACE_LABELS = frozenset({"PLACE"})
_ACTOR_LABELS = frozenset({"ACTOR"})


@dataclass(frozen=True)
class ClaimWords:
    """``vocab/claims.yaml``: each list a set of lemmas, ``bearings`` word -> compass point."""

    sets: Mapping[str, frozenset[str]]
    bearings: Mapping[str, str]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.sets[name]
        except KeyError:
            raise AttributeError(name) from None


@cache
def claim_words() -> ClaimWords:
    """The claim vocabulary, loaded once."""
    from warwire.geo.curated import read_vocab

    data: dict[str, Any] = read_vocab("claims.yaml")
    sets = {
        key: frozenset(str(w).lower() for w in value)
        for key, value in data.items()
        if isinstance(value, list)
    }
    bearings = {str(k).lower(): str(v) for k, v in data["bearings"].items()}
    return ClaimWords(sets, bearings)


def format_number(value: float) -> str:
    """A claim value as a decimal string: ``2000``, ``1.5``, ``249.448``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def children(token: Token, *deps: str) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


_WIDE = frozenset({"country", "continent", "macro_region", None})


@dataclass(frozen=True)
class Focus:
    """What a report is about, for statements that leave it implicit ("137 people were killed
    in the fighting", "estimates of its strength"): the first place below a country and the
    first non-state actor its headline names, else the place below a country it names most
    often. A convention of news writing: the headline names the story's place
    and protagonist, and the body leaves them implicit once established."""

    place: str | None = None
    actor: str | None = None


def report_focus(
    document: Document, mentions: Sequence[Mention], entities: Mapping[str, Entity]
) -> Focus:
    """The :class:`Focus` of a report from its title and resolved mentions."""
    title = (document.title or "").lower()
    filed = set(dateline_spans(document.text))  # where the report was filed, not its story
    towns: dict[str, int] = {}
    headline_town: tuple[int, str] | None = None
    headline_actor: tuple[int, str] | None = None
    for mention in mentions:
        entity = entities.get(mention.entity_id or "")
        if entity is None or mention.resolution == "generic":
            continue
        if (mention.start, mention.end) in filed:
            continue
        at = title.find(mention.text.lower()) if title and mention.resolution != "reference" else -1
        if entity.kind == "place" and entity.feature not in _WIDE:
            towns[entity.id] = towns.get(entity.id, 0) + 1
            if at >= 0 and (headline_town is None or at < headline_town[0]):
                headline_town = (at, entity.id)
        elif (
            entity.kind == "actor"
            and entity.actor_type not in {1, 8}
            and at >= 0
            and (headline_actor is None or at < headline_actor[0])
        ):
            headline_actor = (at, entity.id)
    place = headline_town[1] if headline_town else None
    if place is None and towns:
        place = max(towns, key=lambda i: towns[i])  # first most named: dicts keep order
    return Focus(place, headline_actor[1] if headline_actor else None)


class ClaimSentence:
    """One sentence of a report with what the claim rules need to know about it."""

    def __init__(
        self,
        index: int,
        sent: Span,
        document: Document,
        mentions: Sequence[Mention],
        entities: Mapping[str, Entity],
        focus: Focus | None = None,
    ) -> None:
        self.index = index
        self.focus = focus or Focus()
        self.sent = sent
        self.document = document
        self.entities = entities
        self.words = claim_words()
        start, end = sent.start_char, sent.end_char
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        # a dateline ("ANTAKYA - ...") says where the report was filed, not what it is about
        filed = set(dateline_spans(document.text)) if start < DATELINE_CHARS else set()
        self.named = [
            m
            for m in inside
            if (m.start, m.end) not in filed
            and m.entity_id is not None
            and m.entity_id in entities
            and m.label in _PLACE_LABELS | _ACTOR_LABELS
            and m.resolution != "generic"  # "15 people", "200 militants": a class, not a name
        ]
        self.timexes = [m for m in inside if m.label == "TIMEX" and m.value]
        self.claims: list[Claim] = []
        self._seen: set[str] = set()

    # --- mentions of tokens ---------------------------------------------------------------

    def mention_at(self, token: Token, kind: str | None = None) -> Mention | None:
        """The resolved place or actor mention covering ``token`` (of entity ``kind``)."""
        for mention in self.named:
            if mention.start <= token.idx < mention.end and self._is(mention, kind):
                return mention
        return None

    def _is(self, mention: Mention, kind: str | None) -> bool:
        if kind is None:
            return True
        assert mention.entity_id is not None
        return self.entities[mention.entity_id].kind == kind

    def entity_of(self, token: Token | None, kind: str | None = None, depth: int = 2) -> str | None:
        """The entity a noun phrase names: its own word, else a close modifier ("ISIS fighters",
        "the Islamic State's fighters", "fighters of ISIS"), or the name of a generic place noun
        ("the town of Kobani", "the city, Raqqa")."""
        if token is None:
            return None
        mention = self.mention_at(token, kind)
        if mention is not None:
            return mention.entity_id
        if depth == 0:
            return None
        generic_place = lemma(token) in self.words.place_nouns
        for child in token.children:
            dep = child.dep_
            if dep in {"compound", "poss", "nmod", "amod"} or (dep == "appos" and generic_place):
                found = self.entity_of(child, kind, depth - 1)
            elif dep == "prep" and child.lower_ == "of":
                found = next(
                    (self.entity_of(p, kind, depth - 1) for p in children(child, "pobj")), None
                )
            else:
                continue
            if found is not None:
                return found
        return None

    def subject_entity(self, verb: Token, kind: str | None = None) -> str | None:
        """The entity of the subject of ``verb``: its subject's, the noun a relative clause
        describes ("X, which has ..."), the subject shared with a coordinated or governing verb
        ("advanced and captured X", "managed to capture X"), or, where the parse lost the
        subject, a resolved name right before the verb with no other role ("Mosul, ..., has")."""
        subject = next(children(verb, "nsubj", "nsubjpass"), None)
        if subject is not None:
            if subject.lower_ in {"which", "that", "who"}:
                return self.entity_of(verb.head, kind) if verb.dep_ == "relcl" else None
            return self.entity_of(subject, kind)
        if verb.dep_ == "relcl":
            return self.entity_of(verb.head, kind)
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            return self.subject_entity(verb.head, kind)  # "having captured X, Y ..."
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
            return self.subject_entity(verb.head.head, kind)  # "after capturing X, Y ..."
        for child in verb.children:
            if child.i < verb.i and child.dep_ in {"advmod", "npadvmod", "dep", "nmod"}:
                found = self.entity_of(child, kind, depth=0)
                if found is not None:
                    return found
        return None

    def place_in(self, token: Token) -> str | None:
        """The first resolved place in the subtree of ``token``."""
        for word in token.subtree:
            mention = self.mention_at(word, "place")
            if mention is not None:
                return mention.entity_id
        return None

    # --- time -----------------------------------------------------------------------------

    def time_at(self, token: Token) -> TimeValue | None:
        """The date of the TIMEX mention that ``token`` heads or lies in."""
        from warwire.nlp.timex.normalise import Reading
        from warwire.nlp.timex.values import time_value

        for mention in self.timexes:
            if mention.start <= token.idx < mention.end and mention.resolution:
                reading = Reading(type=cast(TimexType, mention.resolution), value=mention.value)
                return time_value(reading, self.document.published)
        return None

    def dates_on(self, word: Token, preps: frozenset[str]) -> Iterator[tuple[str, TimeValue]]:
        """Dates attached to ``word``: by a preposition ("since June 2014": ("since", ...)) or
        directly ("last June": ("", ...))."""
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in children(child, "pobj"):
                    value = self.time_at(obj)
                    if value is not None:
                        yield child.lower_, value
            elif child.dep_ in {"npadvmod", "tmod", "obl"}:
                value = self.time_at(child)
                if value is not None:
                    yield "", value

    # --- claims ---------------------------------------------------------------------------

    def add(
        self,
        head: Token,
        subject: str,
        attribute: str,
        value: str,
        *,
        value_kind: ClaimValueKind = "number",
        value_high: str | None = None,
        unit: str | None = None,
        qualifier: Qualifier = "exact",
        precision: Any = None,
        reference: str | None = None,
        bearing: str | None = None,
    ) -> None:
        """Record a claim stated by ``head``; plans and threats (future) are not claims."""
        cues = cues_for(self.sent, head)
        if cues.future:
            return
        start, end = self.sent.start_char, self.sent.end_char
        doc_id = self.document.id
        claim = Claim(
            id=make_key("claim", doc_id, start, end, subject, attribute, value),
            doc_id=doc_id,
            start=start,
            end=end,
            subject=subject,
            attribute=attribute,
            value=value,
            sentence=self.index,
            value_kind=value_kind,
            value_high=value_high,
            unit=unit,
            qualifier=qualifier,
            precision=precision,
            reference=reference,
            bearing=bearing,
            attributed_to=cues.attributed_to,
            hedged=cues.hedged,
            negated=cues.negated,
            extractor=CLAIM_EXTRACTOR,
        )
        if claim.id not in self._seen:
            self._seen.add(claim.id)
            self.claims.append(claim)

    def add_time(self, head: Token, subject: str, attribute: str, when: TimeValue) -> None:
        self.add(head, subject, attribute, when.value, value_kind="time", precision=when.precision)
