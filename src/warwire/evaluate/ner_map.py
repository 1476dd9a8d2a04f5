"""From warwire's mentions to the typed spans of a gold corpus's scheme (re3d or CoNLL-2003).

warwire's recognisers overlap: spaCy's entities (PERSON, ORG, GPE, LOC, NORP, FAC...), the
geoparser's PLACE and DEMONYM mentions and the actor matcher's ACTOR and OPERATION mentions
can all cover "Syria" or "ISIL". ``scheme_spans(annotation, spacy_doc, scheme)`` turns them
into one set of spans typed in the scheme's terms.

**Names** (both schemes; no two overlap). Each mention proposes a type and a rank
(``RE3D_NAMES``, ``CONLL_NAMES``), and overlaps are settled by rank, then length, then text
order. A sure person ranks first, whatever the gazetteer holds: the subject of a verb ("and
Carter complimented") or the surname of a full name found in the document ("Bob Dole" ...
"Dole"). Then come the actor matcher (it knows "ISIL", "Iraqi forces", "the group"),
then a place the gazetteer resolved, spaCy's PERSON and ORG, the other place labels and the
nationalities. Before ranking, a mention may be read under another label:

- the schemes do not nest names: a place or demonym the geoparser found inside an ORG
  mention ("Texas" in "the Texas Department of Health") gives way to it, and so does a place
  that is an acronym spaCy tags ORG ("EU": a body in both schemes, a toponym in GeoWebNews);
- *one sense per document*: a spaCy PERSON or ORG with the text of a place the geoparser
  resolved in the same document is that place ("Raqqah" tagged PERSON); a PERSON starting
  with a locative word is a place ("Near Palmyra"); a NORP that is no demonym, after a
  locative preposition or resolved elsewhere, is a place ("in Aleppo");
- a one-word ORG or NORP before "regime" is the leader it is named after ("the Asad
  regime"); the actor matcher's mention of such a name gives way too;
- weapon acronyms spaCy tags ORG ("VBIED", "UAV") are dropped, and so is a place that is a
  title before a name ("Col." Travis Caughlin; "Col" and "Brig" are places in GeoNames);
- the actor matcher's national-forces mention that is only a demonym ("Israeli" airstrikes)
  is a nationality; for CoNLL only the knowledge base's actors count (its ORG is a named
  organisation, not "Iraqi forces").

Two rules read the syntax, one per scheme:

- *re3d: a country that acts is an organisation* ("Syria has accused Israel"): a country name
  that is a verb's subject, a passive verb's agent or a possessor ("Russia's allies"). Named
  with its article ("The UK has ...") it is the state with the article and the place without
  it: re3d nests the two.
- *CoNLL: a place that plays is a team* ("Essex beat Somerset", "CHICAGO 4"): a place that is
  no country, the subject or object of a verb or followed by a score, is ORG.

**Phrases and pronouns** (re3d only, :mod:`.ner_phrases`) come on top and may nest around
the names. A phrase swallows a span inside it of the same type that is no mention of its own:
the name after a courtesy title ("Colville" in "Mr Colville"), or an actor mention in lower
case that is only the phrase's head ("military forces" in "Coalition military forces"). The
same span typed twice is kept once, the name's type first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from warwire.evaluate.ner_phrases import GROUP_HEADS, TITLE_WORDS, phrase_spans, pronoun_spans
from warwire.evaluate.ner_types import SCHEME_TYPES, Scheme, SchemeSpan, SchemeTypes
from warwire.geo import is_demonym
from warwire.geo.names import is_acronym_like
from warwire.models import Annotation, Mention

__all__ = ["CONLL_NAMES", "RE3D_NAMES", "name_spans", "scheme_spans", "snap_to_tokens"]

RE3D_NAMES: Mapping[str, tuple[str, int]] = {
    "PERSON:sure": ("Person", 0),
    "ACTOR": ("Organisation", 0),
    "PLACE:resolved": ("Location", 1),
    "PERSON": ("Person", 2),
    "ORG": ("Organisation", 3),
    "GPE": ("Location", 4),
    "LOC": ("Location", 4),
    "PLACE": ("Location", 5),
    "FAC": ("Location", 6),
    "NORP": ("Nationality", 7),
    "DEMONYM": ("Nationality", 7),
}
"""Mention label (or reading) -> (re3d type, rank); the lower rank wins an overlap."""

CONLL_NAMES: Mapping[str, tuple[str, int]] = {
    "PERSON:sure": ("PER", 0),
    "ACTOR": ("ORG", 0),
    "PLACE:resolved": ("LOC", 1),
    "PERSON": ("PER", 2),
    "ORG": ("ORG", 3),
    "GPE": ("LOC", 4),
    "LOC": ("LOC", 4),
    "PLACE": ("LOC", 5),
    "FAC": ("LOC", 6),
    "NORP": ("MISC", 7),
    "DEMONYM": ("MISC", 7),
    "EVENT": ("MISC", 8),
    "PRODUCT": ("MISC", 8),
    "WORK_OF_ART": ("MISC", 8),
    "LAW": ("MISC", 8),
    "LANGUAGE": ("MISC", 8),
}
"""Mention label (or reading) -> (CoNLL type, rank)."""

PLACE_LABELS = frozenset({"PLACE", "GPE", "LOC", "FAC"})
LOCATIVE_STARTS = frozenset({"near", "in", "at", "outside", "inside", "around", "from", "to"})
"""First words that make a spaCy PERSON a place ("Near Palmyra")."""
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "from", "to", "into", "on", "around", "across", "outside", "inside"}
)
LEADER_NOUNS = frozenset({"regime", "dictatorship", "administration"})
"""Nouns a leader's name comes before ("the Asad regime")."""
NOT_ORGANISATIONS = frozenset(
    {"IED", "IEDs", "VBIED", "VBIEDs", "SVBIED", "UAV", "UAVs", "RPG", "RPGs", "MANPADS"}
)
"""Weapon acronyms spaCy's small model tags ORG."""
KB_RULES = frozenset({"kb", "kb_ambiguous"})
"""Actor matcher rules that name a knowledge-base actor."""

_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_SCORE = re.compile(r"\d{1,3}")
_POSSESSIVE = frozenset({"'s", "’s"})


def scheme_spans(annotation: Annotation, spacy_doc: Any, scheme: Scheme) -> tuple[SchemeSpan, ...]:
    """The typed spans of one document in ``scheme`` (see the module docstring), by start."""
    if scheme not in SCHEME_TYPES:
        raise ValueError(f"unknown scheme {scheme!r} (re3d, conll)")
    types = SCHEME_TYPES[scheme]
    spans = name_spans(annotation, spacy_doc, scheme)
    if scheme == "re3d":
        spans += phrase_spans(spacy_doc, spans, org=types.org, person=types.person, loc=types.loc)
        spans += pronoun_spans(spacy_doc, org=types.org, person=types.person)
    phrases = [s for s in spans if s.rule.startswith("phrase:")]
    kept: dict[tuple[int, int], SchemeSpan] = {}
    for span in spans:
        if not any(_swallows(phrase, span, spacy_doc.text) for phrase in phrases):
            kept.setdefault((span.start, span.end), span)
    return tuple(sorted(kept.values(), key=lambda s: (s.start, s.end)))


def _swallows(phrase: SchemeSpan, inner: SchemeSpan, text: str) -> bool:
    """Whether ``inner`` is no mention of its own inside ``phrase`` (see the module docstring)."""
    if phrase.type != inner.type or (phrase.start, phrase.end) == (inner.start, inner.end):
        return False
    if not (phrase.start <= inner.start and inner.end <= phrase.end):
        return False
    if phrase.rule == "phrase:courtesy":
        return True
    return inner.rule == "ACTOR" and text[inner.start : inner.end].islower()


# -- names ----------------------------------------------------------------------------------


# Mentions the event extractor adds for unnamed participants (warwire.extract.generic).
EVENT_PARTICIPANTS = frozenset({"generic", "country"})


def name_spans(annotation: Annotation, spacy_doc: Any, scheme: Scheme) -> list[SchemeSpan]:
    """The name layer: one type per span, no two spans overlapping, by start."""
    table = RE3D_NAMES if scheme == "re3d" else CONLL_NAMES
    types = SCHEME_TYPES[scheme]
    doc = _Syntax(spacy_doc)
    places = {m.text for m in annotation.mentions if m.label == "PLACE" and m.entity_id}
    surnames = {
        m.text.split()[-1] for m in annotation.mentions if m.label == "PERSON" and " " in m.text
    }
    countries = {e.id for e in annotation.entities if e.kind == "place" and e.feature == "country"}
    country_names = {m.text for m in annotation.mentions if m.entity_id in countries}
    persons = {(m.start, m.end) for m in annotation.mentions if m.label == "PERSON"}
    organisations = [(m.start, m.end) for m in annotation.mentions if m.label == "ORG"]
    acronyms = {(s, e) for s, e in organisations if is_acronym_like(doc.doc.text[s:e])}
    ranked: list[tuple[int, int, int, SchemeSpan]] = []
    for order, mention in enumerate(annotation.mentions):
        if mention.resolution in EVENT_PARTICIPANTS:
            continue  # "civilians", "gunmen": an event's generic participant, not a name
        if mention.label in {"PLACE", "DEMONYM"} and _inside(mention, organisations):
            continue  # "Texas" in "the Texas Department of Health": these schemes do not nest
        if mention.label == "PLACE" and (mention.start, mention.end) in acronyms:
            continue  # "EU": an acronym spaCy tags ORG is a body in both schemes
        if mention.label == "ACTOR":
            if (mention.start, mention.end) in persons and doc.before_group_noun(mention):
                continue  # "the Assad regime": "Assad" is the person, the phrase the group
            if mention.resolution == "national_forces" and " " not in mention.text.strip():
                if scheme == "re3d":  # a bare demonym: "Israeli" airstrikes
                    span = SchemeSpan(mention.start, mention.end, types.nationality, "ACTOR")
                    ranked.append((RE3D_NAMES["DEMONYM"][1], 0, order, span))
                continue
            if scheme == "conll" and mention.resolution not in KB_RULES:
                continue
        key = _reading(mention, places, surnames, doc)
        if key is None or key not in table:
            continue
        kind, rank = table[key]
        if kind == types.loc:
            country = mention.entity_id in countries or mention.text in country_names
            kind, key = _place_role(mention, key, scheme, types, country=country, doc=doc)
        span = _span(mention, kind, key)
        ranked.append((rank, -(span.end - span.start), order, span))
    ranked.sort(key=lambda r: r[:3])
    kept: list[SchemeSpan] = []
    for *_, span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    if scheme == "re3d":
        kept = [*_the_states(kept, doc, types.loc)]
    return sorted(kept, key=lambda s: (s.start, s.end))


def _inside(mention: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention lies inside one of ``spans`` and is not the whole of it."""
    return any(
        start <= mention.start
        and mention.end <= end
        and (start, end) != (mention.start, mention.end)
        for start, end in spans
    )


def _reading(mention: Mention, places: set[str], surnames: set[str], doc: _Syntax) -> str | None:
    """The row of the names table a mention reads (see the module docstring)."""
    label, text = mention.label, mention.text
    if label in PLACE_LABELS and doc.is_title(mention):
        return None
    if label == "PLACE":
        return "PLACE:resolved" if mention.entity_id is not None else "PLACE"
    if label == "PERSON" and text.split()[0].lower() in LOCATIVE_STARTS:
        return "PLACE"
    if label == "PERSON" and (doc.is_subject(mention) or text in surnames):
        return "PERSON:sure"
    if label in {"ORG", "NORP"} and doc.names_a_regime(mention):
        return "PERSON"
    if label in {"PERSON", "ORG"} and text in places and not is_acronym_like(text):
        return "PLACE:resolved"
    if (
        label in {"NORP", "LANGUAGE"}
        and not is_demonym(text)
        and (text in places or doc.after_locative(mention))
    ):
        return "PLACE"
    if label == "ORG" and text in NOT_ORGANISATIONS:
        return None
    return label


def _place_role(
    mention: Mention, key: str, scheme: Scheme, types: SchemeTypes, *, country: bool, doc: _Syntax
) -> tuple[str, str]:
    """The type of a place name in its sentence: an acting country (re3d) or a team (CoNLL)
    is an organisation, anything else a location."""
    if scheme == "re3d" and country and doc.acts(mention):
        return types.org, f"{key}:acting"
    if scheme == "conll" and not country and doc.plays(mention):
        return types.org, f"{key}:team"
    return types.loc, key


def _span(mention: Mention, kind: str, rule: str) -> SchemeSpan:
    start = mention.start
    if mention.label in PLACE_LABELS:
        article = _ARTICLE.match(mention.text)
        if article and article.end() < len(mention.text):
            start += article.end()  # the geoparser's "The UK" at a sentence start
    return SchemeSpan(start, mention.end, kind, rule)


def _the_states(spans: list[SchemeSpan], doc: _Syntax, loc: str) -> Iterable[SchemeSpan]:
    """An acting country after "the" is the state with the article and the place without."""
    for span in spans:
        the = doc.article_before(span.start) if span.rule.endswith(":acting") else None
        if the is None:
            yield span
            continue
        yield SchemeSpan(the, span.end, span.type, span.rule)
        yield SchemeSpan(span.start, span.end, loc, span.rule.replace(":acting", ":place"))


class _Syntax:
    """The questions the name rules ask of a parsed document, by character offsets."""

    def __init__(self, spacy_doc: Any) -> None:
        self.doc = spacy_doc
        self.starts = [token.idx for token in spacy_doc]

    def _tokens(self, start: int, end: int) -> tuple[int, int]:
        """The indices of the first token of ``start:end`` and of the token after it."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        return first, max(bisect.bisect_left(self.starts, end), first + 1)

    def _root(self, mention: Mention) -> Any:
        """The syntactic root of a mention, past conjunctions ("Russia and Iran")."""
        first, after = self._tokens(mention.start, mention.end)
        root = self.doc[first:after].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        return root

    def _after(self, mention: Mention) -> Any:
        """The token after a mention, past a possessive "'s"; None at the end."""
        _, i = self._tokens(mention.start, mention.end)
        if i < len(self.doc) and self.doc[i].text in _POSSESSIVE:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def is_subject(self, mention: Mention) -> bool:
        return self._root(mention).dep_ in _AGENT_DEPS

    def acts(self, mention: Mention) -> bool:
        """A verb's subject, a passive verb's agent ("attacked by Russia"), a possessor
        ("Russia's allies"), or a conjunct of one of these ("Russia and Iran have ...")."""
        root = self._root(mention)
        if root.dep_ in _AGENT_DEPS or root.dep_ == "poss":
            return True
        return root.dep_ == "pobj" and root.head.dep_ == "agent"

    def plays(self, mention: Mention) -> bool:
        """Followed by a score ("CHICAGO 4", not a dateline's "LONDON 1996-08-30"), or a
        verb's subject or object."""
        _, after = self._tokens(mention.start, mention.end)
        if after < len(self.doc) and _SCORE.fullmatch(self.doc[after].text):
            after_score = self.doc[after + 1] if after + 1 < len(self.doc) else None
            if after_score is None or after_score.text[:1] not in {"-", "/"}:
                return True
        root = self._root(mention)
        return root.dep_ in _AGENT_DEPS or (root.dep_ == "dobj" and root.head.pos_ == "VERB")

    def after_locative(self, mention: Mention) -> bool:
        root = self._root(mention)
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS

    def names_a_regime(self, mention: Mention) -> bool:
        """A one-word name, no demonym, before "regime" ("the Asad regime", "Assad's regime")."""
        if " " in mention.text or is_demonym(mention.text):
            return False
        after = self._after(mention)
        return after is not None and after.lower_ in LEADER_NOUNS

    def is_title(self, mention: Mention) -> bool:
        """A title before a name read as a place ("Col." Travis Caughlin, "Brig." Gen.)."""
        word = mention.text.rstrip(".").lower()
        if word not in TITLE_WORDS:
            return False
        after = self._after(mention)
        if after is not None and after.text == "." and after.i + 1 < len(self.doc):
            after = self.doc[after.i + 1]
        return after is not None and after.text[:1].isupper()

    def before_group_noun(self, mention: Mention) -> bool:
        after = self._after(mention)
        return after is not None and after.lower_ in GROUP_HEADS

    def article_before(self, start: int) -> int | None:
        """The offset of a "the" right before the token at ``start``, else None."""
        first, _ = self._tokens(start, start + 1)
        if first == 0 or self.doc[first - 1].lower_ != "the":
            return None
        return int(self.doc[first - 1].idx)


# -- CoNLL ----------------------------------------------------------------------------------


def snap_to_tokens(
    spans: Iterable[tuple[int, int, str]], tokens: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Spans widened to the gold tokens they touch (a CoNLL entity is a run of whole tokens)."""
    if not tokens:
        return sorted(set(spans))
    starts = [s for s, _ in tokens]
    out: set[tuple[int, int, str]] = set()
    for start, end, kind in spans:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = max(bisect.bisect_left(starts, end) - 1, first)
        out.add((tokens[first][0], max(tokens[last][1], end), kind))
    return sorted(out)
