"""The lexicons of the MUC-4 role filler (``vocab/muc_roles.yaml``) and the word tests on them.

The texts are lower case, so a person's name cannot be told by its capitals: :func:`name_like`
takes a word for part of a name when it is a known given name or a rare English word (wordfreq
Zipf frequency under :data:`RARE_ZIPF`) that is not in one of the role lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from warwire.errors import ConfigError
from warwire.geo.curated import read_vocab

__all__ = [
    "NAME_PARTICLES",
    "RARE_ZIPF",
    "SURNAME_ZIPF",
    "MucLexicon",
    "load_muc_lexicon",
    "name_like",
    "rare",
]

_FILE = "muc_roles.yaml"
RARE_ZIPF = 4.0
"""Words rarer than this in English (wordfreq Zipf scale, tuned on the MUC-4 train split) may
be names: "galan" 2.1 and "rodriguez" 3.7 are, "house" 5.6 is not."""
SURNAME_ZIPF = 4.5
"""A word that continues a name already begun may be commoner than :data:`RARE_ZIPF`: many
surnames are English words ("parker" 4.2, "kent" 4.2, "franklin" 4.2; tuned on the MUC-4 train
split: 4.3 and 4.6 do a little worse)."""
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "van", "von", "da", "dos"})


@dataclass(frozen=True)
class MucLexicon:
    """The word lists of ``muc_roles.yaml`` (see its comments); weapons as word tuples."""

    verbs: dict[tuple[str, ...], str]
    nouns: dict[tuple[str, ...], str]
    light_verbs: frozenset[str]
    blame_words: frozenset[str]
    speech_verbs: frozenset[str]
    perpetrators: frozenset[str]
    identified_victims: frozenset[str]
    identified_perpetrators: frozenset[str]
    collectives: frozenset[str]
    organisations: frozenset[str]
    bare_organisations: frozenset[str]
    descriptive_organisations: frozenset[str]
    state_modifiers: frozenset[str]
    institutions: frozenset[str]
    insurgent_words: frozenset[str]
    targets: frozenset[str]
    military: frozenset[str]
    combatants: frozenset[str]
    weapons: frozenset[tuple[str, ...]]
    titles: frozenset[str]
    ranks: frozenset[str]
    place_words: frozenset[str]
    given_names: frozenset[str]
    role_words: frozenset[str]
    """Every word of the perpetrator, organisation, target, weapon and title lists: never
    part of a name."""


def _phrases(data: dict[str, Any], key: str) -> frozenset[tuple[str, ...]]:
    words = data.get(key)
    if not isinstance(words, list):
        raise ConfigError(f"vocab/{_FILE}: `{key}` must be a list of words")
    return frozenset(tuple(str(w).lower().split()) for w in words)


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(" ".join(p) for p in _phrases(data, key))


def _typed(data: dict[str, Any], key: str) -> dict[tuple[str, ...], str]:
    raw = data.get(key)
    if not isinstance(raw, dict):
        raise ConfigError(f"vocab/{_FILE}: `{key}` must map incident types to word lists")
    found: dict[tuple[str, ...], str] = {}
    for kind in raw:
        for phrase in _phrases(raw, kind):
            found.setdefault(phrase, str(kind))
    return found


@cache
def load_muc_lexicon() -> MucLexicon:
    """The packaged lexicons (read once); a malformed file raises :class:`ConfigError`."""
    data = read_vocab(_FILE)
    if not isinstance(data, dict):
        raise ConfigError(f"vocab/{_FILE}: expected a mapping of word lists")
    weapons = _phrases(data, "weapons")
    lists = {
        key: _words(data, key)
        for key in (
            "light_verbs",
            "blame_words",
            "speech_verbs",
            "perpetrators",
            "identified_victims",
            "identified_perpetrators",
            "collectives",
            "organisations",
            "bare_organisations",
            "descriptive_organisations",
            "state_modifiers",
            "institutions",
            "insurgent_words",
            "targets",
            "military",
            "combatants",
            "titles",
            "ranks",
            "place_words",
            "given_names",
        )
    }
    role_words = set().union(
        *(lists[k] for k in ("perpetrators", "organisations", "targets", "titles"))
    )
    role_words.update(word for phrase in weapons for word in phrase)
    return MucLexicon(
        verbs=_typed(data, "verbs"),
        nouns=_typed(data, "nouns"),
        weapons=weapons,
        role_words=frozenset(role_words - lists["given_names"]),
        **lists,
    )


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def rare(word: str, zipf: float = RARE_ZIPF) -> bool:
    """Whether a word is rarer in English than ``zipf`` (wordfreq's Zipf scale)."""
    return _zipf(word) < zipf


def name_like(word: str, lexicon: MucLexicon, *, zipf: float = RARE_ZIPF) -> bool:
    """Whether a lower-case word can be part of a person's name (rarer than ``zipf``, or a
    known given name)."""
    if word in lexicon.given_names:
        return True
    bare = word.replace("'", "").replace("-", "")
    if not bare.isalpha() or len(bare) < 2 or word in lexicon.role_words:
        return False
    return rare(word, zipf)
