"""Report language: a declared code normalised to two letters, else detected by py3langid.

Detection is trusted only for texts of ``MIN_DETECT_CHARS`` or more and a confident guess.
The model is loaded on first use and kept.
"""

from __future__ import annotations

import functools
import re
from typing import Any

MIN_DETECT_CHARS = 20
MIN_CONFIDENCE = 0.5
_DETECT_SAMPLE = 5000
_CODE = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")


def normalise_language(value: object) -> str | None:
    """``"en-GB"``, ``"EN"``, ``"en_US"`` -> ``"en"``; anything else -> None."""
    if not isinstance(value, str):
        return None
    match = _CODE.match(value.strip())
    return match.group(1).lower() if match else None


def detect_language(text: str) -> str | None:
    """The two-letter code py3langid gives ``text``, or None if too short or unsure."""
    sample = text[:_DETECT_SAMPLE]
    if len(sample.strip()) < MIN_DETECT_CHARS:
        return None
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return normalise_language(language)


def resolve_language(declared: object, text: str) -> str | None:
    """The declared language if it is a usable code, else the detected one."""
    return normalise_language(declared) or detect_language(text)


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
