"""Keys for place names: what "Ar-Raqqah", "al-Raqqa" and "Rakka" have in common.

Two deterministic keys, computed the same way for gazetteer names and for text:

``name_key``
    the exact-ish key: Unicode compatibility form, diacritics stripped, casefolded, ayn/hamza
    marks and apostrophes dropped (``Ma'arrat`` = ``Maarrat``), every other punctuation mark
    (hyphens, dots, slashes) a space, spaces collapsed. "Deir ez-Zor" -> ``deir ez zor``.

``loose_key``
    ``name_key`` plus what transliteration varies: a leading "the", the Arabic article before a
    word (al-, el-, ad-, ar-, as-, ash-, at-, az-, an-, ... so sun-letter assimilation does not
    matter: "Ar-Raqqah" = "al-Raqqah" = "Raqqah"), generic trailing designators ("Anbar Province",
    "Donetsk Oblast", "Borno State"), variant spellings of common name words (Tal/Tall/Tell,
    Deir/Dayr/Dair, Jabal/Jebel, Ain/Ayn/Ein, Beit/Bayt, Kafr/Kfar, Sheikh/Shaykh...), then
    letter alternations inside each word: final -ah/-eh -> a, q -> k, dh -> z, dj -> j, ou/oo/aw
    -> u, o -> u, e -> i, y -> i after a letter, ai -> i, uw -> w, doubled letters collapsed.
    "Deir ez-Zor" and "Dayr az-Zawr" both -> ``dir zur``; "Tell Abiad" and "Tal Abyad" -> ``tal
    abiad``; "Kyiv" and "Kiev" -> ``kiv``.

Both are cached; a key is a plain ``str`` of ASCII letters, digits and single spaces when the
name is in Latin script (other scripts keep their letters, without marks).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "DESIGNATORS",
    "exact_keys",
    "is_acronym_like",
    "is_latin_key",
    "loose_key",
    "name_key",
]

# Marks that transliterations use for ayn and hamza, and apostrophes: dropped without a space.
_DROPPED = "ʿʾʼʻʹʽ'`’‘´′ˈ"
# Letters that NFKD does not decompose into a base letter and a mark.
_LETTERS = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "ng",
    "ə": "e",
    "ǝ": "e",
}
_TABLE = str.maketrans({**dict.fromkeys(_DROPPED, ""), **_LETTERS})
_NON_WORD = re.compile(r"[\W_]+")

_ARTICLES = """al el il ul ad ed ud adh ar er ur as es us ash esh ush at et ut ath az ez uz
    an en un aj dh"""
ARTICLES = frozenset(_ARTICLES.split())
"""The Arabic article in its transliterations, dropped before another word by ``loose_key``."""

_DESIGNATORS = """province governorate governate oblast krai kray raion rayon region district
    state county prefecture department municipality city town village wilayah wilaya muhafazah"""
DESIGNATORS = frozenset(_DESIGNATORS.split())
"""Generic words dropped from the end of a name by ``loose_key`` ("Anbar Province")."""

# Common name words spelt many ways; mapped to one spelling before letter alternations.
_WORDS = {
    **dict.fromkeys(["tal", "tall", "tell", "tel", "til", "tol", "tul"], "tal"),
    **dict.fromkeys(["deir", "dayr", "dair", "deyr", "der", "dier", "dir"], "dayr"),
    **dict.fromkeys(["jabal", "jebel", "jabel", "djebel", "jebal", "gebel", "jibal"], "jabal"),
    **dict.fromkeys(["ain", "ayn", "ein", "ayin", "eyn", "ayoun", "ayun", "uyun"], "ayn"),
    **dict.fromkeys(["beit", "bayt", "beyt", "bait", "bet", "beth"], "bayt"),
    **dict.fromkeys(["kafr", "kfar", "kefr", "kafar", "kufr"], "kafr"),
    **dict.fromkeys(["sheikh", "shaykh", "sheik", "shaikh", "shekh", "sheykh", "shaikh"], "shaykh"),
    **dict.fromkeys(["abu", "abou", "abo", "bou", "abi"], "abu"),
    **dict.fromkeys(["umm", "um", "oum", "omm", "umm"], "umm"),
    **dict.fromkeys(["wadi", "wady", "oued", "ouadi", "vadi"], "wadi"),
    **dict.fromkeys(["qasr", "kasr", "qsar", "ksar"], "qasr"),
    **dict.fromkeys(["ras", "raas", "rass"], "ras"),
    **dict.fromkeys(["khirbet", "khirbat", "kherbet", "khirbit"], "khirbat"),
    **dict.fromkeys(["saint", "st", "sankt", "san", "santa"], "saint"),
    **dict.fromkeys(["mount", "mt", "mountains", "mts", "mountain"], "mount"),
}

_ALTERNATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[a-z])(?:ah|eh|ih)$", "a"),  # Raqqah, Raqqeh -> Raqqa
        (r"iy+a$", "ia"),  # Hasakiyah, Hasakiyya -> Hasakia
        (r"ck", "k"),
        (r"q", "k"),
        (r"dh", "z"),
        (r"dj", "j"),
        (r"aw(?=[^aeiouy]|$)", "u"),  # Zawr -> Zur
        (r"ou|oo", "u"),
        (r"o", "u"),
        (r"e", "i"),
        (r"(?<=[a-z])y", "i"),  # Kyiv -> Kiiv, Abyad -> Abiad, Qamishly -> Qamishli
        (r"ai", "i"),  # Suwayda -> Suwida
        (r"uw", "w"),  # Suwida -> Swida (Sweida)
        (r"([a-z])\1+", r"\1"),  # doubled letters
    )
)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The exact-ish key of ``name``: casefolded, no diacritics or punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_TABLE)
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def exact_keys(name: str) -> tuple[str, ...]:
    """The exact keys ``name`` is looked up under: its ``name_key`` and, after a leading
    "the", the rest's ("The UK" is "UK" exactly, where an acronym has no loose key)."""
    key = name_key(name)
    if not key:
        return ()
    if key.startswith("the ") and len(key) > len("the "):
        return key, key[len("the ") :]
    return (key,)


@lru_cache(maxsize=1 << 16)
def is_acronym_like(name: str) -> bool:
    """Whether ``name`` reads as an acronym: one word of two to five capital letters."""
    return 2 <= len(name) <= 5 and name.isalpha() and name.isupper()


@lru_cache(maxsize=1 << 17)
def loose_key(name: str) -> str:
    """The loose key of ``name``: ``name_key`` without articles, designators and alternations."""
    tokens = name_key(name).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in DESIGNATORS:
        tokens = tokens[:-1]
    kept = [
        token
        for i, token in enumerate(tokens)
        if not (token in ARTICLES and i + 1 < len(tokens) and len(tokens[i + 1]) > 1)
    ]
    return " ".join(_alternate(_WORDS.get(token, token)) for token in kept)


def _alternate(token: str) -> str:
    for pattern, replacement in _ALTERNATIONS:
        token = pattern.sub(replacement, token)
    return token


def is_latin_key(key: str) -> bool:
    """Whether a key is made of ASCII letters, digits and spaces only (Latin-script names)."""
    return key.isascii() and any(ch.isalpha() for ch in key)
