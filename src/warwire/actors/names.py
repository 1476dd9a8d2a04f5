"""Keys for actor names: what "Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham" and "HTS" share.

The same idea as the place keys of ``warwire.geo.names``, tuned for organisation names:

``actor_key``
    ``warwire.geo.names.name_key`` (compatibility form, diacritics stripped, casefolded,
    apostrophes and ayn/hamza marks dropped, other punctuation a space), then a leading "the"
    dropped, the Arabic article before a word dropped (al-, el-, ad-, ash-, ...: "al-Nusra" =
    "Nusra"), and letter alternations inside each word that transliteration varies: final
    -ah/-eh -> a, q -> k, dh -> z, ou/oo -> u, o -> u, e -> i, y -> i after a letter, doubled
    letters collapsed, but only in names of two or more words: a one-word name keeps its
    spelling, so "Daesh" does not become the English "dish" (one-word variants such as
    "Hizbullah" are listed as aliases). "Ansar al-Shariah" and "Ansar al-Sharia" both ->
    ``ansar sharia``; "Hay'at Tahrir al-Sham" and "Hayat Tahrir al Sham" -> ``hiat tahrir
    sham``. Unlike ``loose_key`` no trailing words are dropped: "Islamic State" keeps "State".

``is_acronym``
    whether a name is an acronym that is only matched in its exact case ("ISIS", "FAMa",
    "ISIS-K", "U.N."): one word with at least two capitals making at least half its letters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from warwire.geo.names import name_key

__all__ = ["ACTOR_ARTICLES", "actor_key", "can_start_name", "is_acronym", "word_key"]

_ACTOR_ARTICLES = "al el il ul ad ed adh ar er as es ash esh at et ath az ez an"
ACTOR_ARTICLES = frozenset(_ACTOR_ARTICLES.split())
"""The Arabic article as transliterated, dropped before another word by ``actor_key``.

Narrower than ``warwire.geo.names.ARTICLES``: "us" and "un" are left out, or "US Army" would
be "army" and "UN mission" "mission".
"""

_ALTERNATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[a-z])(?:ah|eh)$", "a"),  # Shariah -> Sharia
        (r"q", "k"),  # Qaeda -> Kaeda
        (r"dh", "z"),
        (r"ou|oo", "u"),  # Mourabitoun -> Murabitun
        (r"o", "u"),
        (r"e", "i"),  # Hezb -> Hizb, Qaeda -> Kaida
        (r"(?<=[a-z])y", "i"),  # Hayat -> Haiat
        (r"ai", "i"),  # Qaida -> Kida, Kaeda -> Kida
        (r"([a-z])\1+", r"\1"),  # doubled letters: Shabaab -> Shabab
    )
)


_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=1 << 16)
def actor_key(name: str) -> str:
    """The normalised key of an actor name; empty when the name has no letters or digits."""
    tokens = name_key(name).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    kept = [
        token
        for i, token in enumerate(tokens)
        if not (token in ACTOR_ARTICLES and i + 1 < len(tokens) and len(tokens[i + 1]) > 1)
    ]
    if len(kept) == 1:
        return kept[0]  # one word: no alternations, so "Daesh" is not "dish"
    return " ".join(_alternate(token) for token in kept)


@lru_cache(maxsize=1 << 16)
def word_key(token: str) -> str:
    """One word of a ``name_key`` with the letter alternations ``actor_key`` applies to names of
    two or more words ("Jolani" -> ``julani``), whatever the name's length.

    The same result as those alternations, by plain string replacement (several times faster:
    it runs on every new word of every person's name)."""
    if not token.isascii():
        return token
    if len(token) > 2 and token[-3].isalpha() and token.endswith(("ah", "eh")):
        token = token[:-2] + "a"
    token = token.replace("q", "k").replace("dh", "z").replace("ou", "u").replace("oo", "u")
    token = token.replace("o", "u").replace("e", "i")
    if "y" in token[1:]:
        token = token[0] + "".join(
            "i" if ch == "y" and prev.isalpha() and prev.islower() else ch
            for prev, ch in pairwise(token)
        )
    token = token.replace("ai", "i")
    return _DOUBLED.sub(r"\1", token)


@lru_cache(maxsize=1 << 16)
def _alternate(token: str) -> str:
    if not token.isascii():
        return token
    for pattern, replacement in _ALTERNATIONS:
        token = pattern.sub(replacement, token)
    return token


def is_acronym(name: str) -> bool:
    """Whether ``name`` is an acronym matched in exact case only ("ISIS", "FAMa", "U.N.")."""
    if any(ch.isspace() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def can_start_name(doc: Any, i: int) -> bool:
    """Whether token ``i`` of a spaCy ``Doc`` may start an actor name.

    Not punctuation or space, not "the" (the name starts after it), and not an Arabic article
    standing alone ("as", "an", "at" are English too): "al-Nusra" may start at "al", but in
    "known as Nimr" the name starts at "Nimr".
    """
    token = doc[i]
    if token.is_punct or token.is_space or token.lower_ == "the":
        return False
    if token.lower_ in ACTOR_ARTICLES:
        return (
            i + 1 < len(doc) and doc[i + 1].text in {"-", "‐", "–"} and not doc[i + 1].whitespace_
        )
    return True
