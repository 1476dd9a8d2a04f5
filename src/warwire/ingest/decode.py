"""Bytes to text: refuse binary files, then UTF-8, a declared charset, or a detected one.

Order: a known binary signature or NUL bytes is refused; a byte-order mark decides; strict
UTF-8; the charset the container declared (HTTP header, HTML ``<meta>``); charset-normalizer's
best guess. Text that decodes but is mostly control characters is refused as binary too.
"""

from __future__ import annotations

import codecs
import re

from warwire.errors import InputError

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"PK\x05\x06", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00asm", "a WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_CONTROL_SHARE = 0.1
_HTML_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)


def looks_like(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like ("a PNG image"), or None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` starts like a PDF (readers allow some junk before the header)."""
    return b"%PDF-" in data[:1024]


def refuse_binary(data: bytes, origin: str) -> None:
    """Raise InputError if ``data`` looks like a binary file rather than text."""
    kind = looks_like(data)
    if kind is not None:
        raise InputError(origin, f"binary file (looks like {kind}), not a report")
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data:
        raise InputError(origin, "binary file (contains NUL bytes), not a report")


def html_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in a ``<meta>`` tag in its first 2 kB."""
    match = _HTML_CHARSET.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


def decode(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode a report's bytes to text, or raise InputError naming ``origin``.

    ``declared`` is a charset the container named (HTTP ``Content-Type``, HTML ``<meta>``).
    """
    refuse_binary(data, origin)
    text = _decode(data, declared)
    if text is None:
        raise InputError(origin, "cannot decode text: not UTF-8 and no encoding detected")
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(origin, "binary file (mostly control characters), not a report")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data, encoding)
    text = _try(data, "utf-8")
    if text is not None:
        return text
    if declared:
        text = _try(data, declared)
        if text is not None:
            return text
    return _detect(data)


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess; among equally good guesses, Western European first.

    Short French or Spanish text in cp1252 fits cp1250 just as well by the detector's measures,
    but cp1252 is by far the likelier encoding (WHATWG decodes latin-1 labels as cp1252 too).
    """
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in _PREFERRED:
        for match in tied:
            if preferred in match.could_be_from_charset:
                return _try(data, preferred)
    return _try(data, best.encoding)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
