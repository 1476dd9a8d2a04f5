"""What every toponym recognition rule shares: the :class:`Toponym` record, the words that
mark or stop a place name, and the tests a name is put to (a gazetteer place, a common word,
after a locative word)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from warwire.geo import Gazetteer, loose_key

ToponymKind = Literal["place", "demonym"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels the small model gives some town names ("in Manbij" as PRODUCT): taken as
# places only after a locative word and when the gazetteer knows the name.
MISREAD_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
LOCATIVE = frozenset(
    {
        "in", "near", "at", "from", "to", "into", "outside", "around", "towards", "toward",
        "across", "through", "inside", "within", "via", "between", "of", "and", "onto",
        "besieged", "captured", "seized", "entered", "reached", "attacked", "shelled",
        "retook", "recaptured", "bombed", "stormed", "overran", "took", "fled", "left",
        "visited", "evacuated", "surrounded", "liberated", "encircled", "abandoned", "held",
        "controlled", "controls", "hit", "struck", "targeted", "approached", "bypassed",
        "besieging", "shelling", "bombing", "beyond", "northern", "southern",
        "eastern", "western",
    }
)  # fmt: skip
STOP_NAMES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "god", "allah", "president", "minister", "general",
        "colonel", "army", "police", "state", "city", "province", "government", "north",
        "south", "east", "west", "central", "new", "old", "mr", "mrs", "ms", "dr", "st",
        "mount", "lake", "river", "university", "hospital", "street", "road", "bridge",
        "council", "court", "party", "news", "times", "post", "press", "reuters", "afp",
        "ap", "bbc", "cnn", "i", "a", "an", "the", "of", "it", "he", "she", "we", "they",
        "this", "that", "there", "here", "said", "says", "will", "after", "before", "during",
        "since", "when", "while", "but", "and", "or", "if", "as", "on", "in", "at", "by",
        "for", "with", "from", "about", "into", "over", "under", "up", "down", "out",
        "islamic", "christian", "muslim", "jewish", "sunni", "shia", "shiite",
    }
)  # fmt: skip
CONNECTORS = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "an",
        "ash",
        "ez",
        "es",
        "of",
        "de",
        "du",
        "la",
        "le",
        "-",
        "'",
        "’",
        "bin",
        "ibn",
        "abu",
        "umm",
    }
)
# locative words that join the parts of a name as often as they point at a place
WEAK_LOCATIVE = frozenset({"of", "and"})
ARTICLES = frozenset({"the", "a", "an"})
# capitalised words that open a phrase rather than belong to a street's name
STOP_WORDS_IN_NAMES = ARTICLES | frozenset({"on", "in", "at", "of", "and", "to", "from", "near"})
MIN_PHRASE_POPULATION = 5_000
COMMON_ZIPF = 4.3
MAX_TOKENS = 5


@dataclass(frozen=True)
class Toponym:
    """A span that names a place (``kind='place'``) or a country's people (``'demonym'``)."""

    start: int
    end: int
    text: str
    kind: ToponymKind
    source: Literal["ner", "gazetteer", "pattern"]
    label: str
    country_code: str | None = None


GENERIC_AREA_WORDS = STOP_NAMES | frozenset(
    {
        "centre", "center", "middle", "northern", "southern", "eastern", "western", "capital",
        "coast", "pan", "island", "islands", "highlands", "lakes", "national", "federal",
        "union", "forest", "forests", "park", "valley", "bay", "mountain", "mountains", "hills",
        "desert", "canyon", "harbor", "harbour", "beach", "springs",
    }
)  # fmt: skip


def _trim(span: Any) -> Any:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ARTICLES:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _area_name(word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word`` is the exact name of a country, continent or province ("EU", "Ohio")."""
    return any(
        c.entry.feature in {"country", "continent", "macro_region", "admin1"}
        for c in gazetteer.lookup(word, fuzzy=False, limit=5)
        if c.match == "exact"
    )


def _after_locative(spacy_doc: Any, index: int) -> bool:
    return index > 0 and spacy_doc[index - 1].lower_ in LOCATIVE


def _after_strong_locative(spacy_doc: Any, index: int) -> bool:
    """After a locative word that is not also a name's inner joint ("of", "and")."""
    return _after_locative(spacy_doc, index) and spacy_doc[index - 1].lower_ not in WEAK_LOCATIVE


def _name_after_locative(spacy_doc: Any, index: int) -> bool:
    """A locative word before a name the model tags PERSON or ORG, not "and": "Kristina and
    Tim" lists people as often as "Gilroy and Salinas" lists towns, which the coordination
    with a place found elsewhere decides (:func:`_coordinated`)."""
    return _after_locative(spacy_doc, index) and spacy_doc[index - 1].lower_ != "and"


def _is_known(text: str, gazetteer: Gazetteer, *, minimum: int, unknown_ok: bool = False) -> bool:
    """Whether ``text`` names a gazetteer place of at least ``minimum`` inhabitants (any area
    counts; a town whose population GeoNames does not give counts when ``unknown_ok``)."""
    key = loose_key(text)
    if len(key) < 3:
        return text.isupper() and _area_name(text, gazetteer)  # "EU", "UK"
    if not gazetteer.has_key(key):
        return False
    for cand in gazetteer.lookup(text, fuzzy=False, limit=10):
        entry = cand.entry
        if entry.feature != "city" or entry.population >= minimum:
            return True
        if unknown_ok and entry.population == 0:
            return True
    return False


def _capitalised(token: Any) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and token.is_alpha


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether ``word`` is a common English word (wordfreq Zipf frequency 4.3 or more)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= COMMON_ZIPF
