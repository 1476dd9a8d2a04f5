"""Nominal and pronominal mentions, for gold schemes that annotate them (re3d).

warwire's recognisers find names; re3d also annotates what refers to an organisation, a
person or a place without naming it, and nests these mentions around names:

- ``phrase_spans``: a noun chunk headed by a group noun ("the regime", "Coalition military
  forces", and plural person nouns such as "civilians") is an Organisation, one headed by a
  singular person noun ("a spokesman", "The Foreign Secretary") a Person, one headed by a
  place noun ("the camp", "ISIL-held buildings") a Location; "of" + a proper name joins it
  ("the government of Iraq"). A person's name with the titles before it is a Person phrase
  around the name ("Foreign Secretary Boris Johnson"); with a courtesy title only ("Mr
  Colville") the phrase replaces the name (``phrase:courtesy``). A place name after a
  direction is a Location phrase around it ("northern Iraq").
- ``pronoun_spans``: personal pronouns that are not possessive, Person for "I", "he", "her"
  and Organisation for "we" and "they".

All functions read a parsed spaCy ``Doc`` (tagger, parser and noun chunks).
"""

from __future__ import annotations

from typing import Any

from warwire.evaluate.ner_types import SchemeSpan

__all__ = [
    "GROUP_HEADS",
    "PERSON_HEADS",
    "PLACE_HEADS",
    "head_type",
    "phrase_spans",
    "pronoun_spans",
]

_GROUP_HEADS_WORDS = """
    regime regimes government governments coalition coalitions forces force troops army armies
    military militaries navy police militia militias group groups organisation organisations
    organization organizations unit units community communities partner partners ally allies
    party parties family families people population populations militants terrorists fighters
    rebels insurgents jihadists extremists gunmen snipers members victims backers supporters
    citizens journalists refugees team teams network networks company companies council
    councils ministry ministries agency agencies opposition authorities administration
    parliament committee commission alliance brigade brigades battalion battalions division
    squadron fleet command department office media television"""
GROUP_HEADS = frozenset(_GROUP_HEADS_WORDS.split())
"""Head nouns of an Organisation phrase: organisations and groups of people."""

_PERSON_HEADS_WORDS = """
    man woman girl boy child spokesman spokeswoman spokesperson commander secretary minister
    president general officer official leader resident student analyst director envoy
    ambassador king emir chief premier colonel lieutenant sergeant captain major soldier
    civilian father mother son daughter brother sister wife husband"""
PERSON_HEADS = frozenset(_PERSON_HEADS_WORDS.split())
"""Lemmas of person nouns: a Person phrase in the singular, an Organisation in the plural."""

_PLACE_HEADS_WORDS = """
    city cities town towns village villages camp camps area areas building buildings library
    position positions facility facilities compound compounds bridge bridges territory
    territories river station stations district districts province provinces base bases
    hospital hospitals mosque mosques airport airports airfield suburb suburbs home homes
    entrance tunnel tunnels region regions neighbourhood neighborhood neighbourhoods
    neighborhoods street streets road roads highway highways border borders checkpoint
    checkpoints airspace country countries school schools university market square port dam
    prison site sites zone island valley desert frontline outskirts countryside farmland
    capital stronghold strongholds cache caches headquarters front line lines route routes"""
PLACE_HEADS = frozenset(_PLACE_HEADS_WORDS.split())
"""Head nouns of a Location phrase."""

_TITLE_WORDS = """
    president vice prime minister deputy foreign defence defense secretary state general gen
    lt lieutenant col colonel maj major brig capt captain sgt admiral adm commander chief
    special envoy ambassador advisor adviser mr mrs ms dr sir lord king queen prince emir sheikh
    sheik he his her excellency senator sen rep representative governor mayor spokesman
    spokesperson director head chairman leader"""
TITLE_WORDS = frozenset(_TITLE_WORDS.split())
"""Words of the titles before a person's name ("Lt. Gen.", "Foreign Secretary", "HE Dr")."""

_DIRECTIONS_WORDS = """
    northern southern eastern western central north-eastern north-western south-eastern
    south-western northeastern northwestern southeastern southwestern northeast northwest
    southeast southwest"""
DIRECTIONS = frozenset(_DIRECTIONS_WORDS.split())
"""Words before a place name that make a place of their own ("northern Iraq")."""

COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir"})
"""Titles that make one mention with the name ("Mr Colville")."""

NOT_MENTIONS = frozenset({"no", "any", "every", "each", "such"})
"""Determiners of a noun phrase that refers to nobody in particular ("no civilians")."""

PERSON_PRONOUNS = frozenset({"i", "me", "myself", "he", "him", "himself", "she", "herself"})
GROUP_PRONOUNS = frozenset({"we", "ourselves", "they"})


def phrase_spans(
    spacy_doc: Any, names: list[SchemeSpan], *, org: str, person: str, loc: str
) -> list[SchemeSpan]:
    """Typed noun chunks and titled person names (see the module docstring); ``org``,
    ``person`` and ``loc`` are the scheme's type names."""
    types = {"org": org, "person": person, "loc": loc}
    found: list[SchemeSpan] = []
    for chunk in spacy_doc.noun_chunks:
        root = chunk.root
        kind = head_type(root)
        if kind is None:
            continue
        start = chunk.start
        while start < chunk.end - 1 and (spacy_doc[start].is_punct or spacy_doc[start].is_space):
            start += 1
        if spacy_doc[start].lower_ in NOT_MENTIONS:
            continue
        root_end = root.idx + len(root)
        if root.pos_ == "PROPN" and any(n.start < root_end and root.idx < n.end for n in names):
            continue  # a name ("The Syrian Democratic Forces"): the names layer has it
        span = spacy_doc[start : _of_extension(spacy_doc, chunk.end)]
        found.append(SchemeSpan(span.start_char, span.end_char, types[kind], f"phrase:{kind}"))
    found.extend(_titled_names(spacy_doc, names, person))
    found.extend(_directed_places(spacy_doc, names, loc))
    return found


def _directed_places(doc: Any, names: list[SchemeSpan], loc: str) -> list[SchemeSpan]:
    """A place name with the direction before it: "northern Iraq" (holding "Iraq")."""
    out: list[SchemeSpan] = []
    for name in names:
        if name.type != loc:
            continue
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.lower_ in DIRECTIONS:
            out.append(SchemeSpan(before.idx, name.end, loc, "phrase:direction"))
    return out


def head_type(root: Any) -> str | None:
    """What a noun phrase with this head token refers to: "org", "person", "loc" or None."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    word, lemma = root.lower_, root.lemma_.lower()
    if word in GROUP_HEADS:
        return "org"
    if lemma in PERSON_HEADS:
        return "org" if root.tag_ in {"NNS", "NNPS"} else "person"
    if word in PLACE_HEADS:
        return "loc"
    return None


def _of_extension(doc: Any, end: int) -> int:
    """The chunk's end, moved past "of" + a proper name ("the government of Iraq", "the
    Members of the Security Council")."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    stop = end + 1
    if stop < len(doc) and doc[stop].lower_ == "the":
        stop += 1
    if stop >= len(doc) or doc[stop].pos_ != "PROPN":
        return end
    while stop < len(doc) and doc[stop].pos_ == "PROPN":
        stop += 1
    return stop


def _titled_names(doc: Any, names: list[SchemeSpan], person: str) -> list[SchemeSpan]:
    out: list[SchemeSpan] = []
    for name in names:
        if name.type != person:
            continue
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        while i > 0 and (
            _is_title(doc[i - 1]) or (doc[i - 1].text == "." and i > 1 and _is_title(doc[i - 2]))
        ):
            i -= 1
        if i == span.start:
            continue
        words = [t.lower_.rstrip(".") for t in doc[i : span.start] if t.text != "."]
        courtesy = all(word in COURTESY_TITLES for word in words)
        rule = "phrase:courtesy" if courtesy else "phrase:title"
        out.append(SchemeSpan(doc[i].idx, name.end, person, rule))
    return out


def _is_title(token: Any) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or (token.text[:1].isupper() and token.pos_ == "PROPN")


def pronoun_spans(spacy_doc: Any, *, org: str, person: str) -> list[SchemeSpan]:
    """Personal pronouns that are not possessive, as ``person`` or ``org`` mentions."""
    found: list[SchemeSpan] = []
    for token in spacy_doc:
        word = token.lower_
        if word in PERSON_PRONOUNS or (word == "her" and token.dep_ != "poss"):
            kind = person
        elif word in GROUP_PRONOUNS:
            kind = org
        else:
            continue
        if word == "i" and token.text != "I":
            continue  # a list item "i", a Roman numeral
        found.append(SchemeSpan(token.idx, token.idx + len(token), kind, "pronoun"))
    return found
