"""Read TimeML (``.tml``) files: the plain text, its document creation time and gold TIMEX3s.

TempEval-3 ships each document as XML with ``<DCT>`` holding the creation time and ``<TEXT>``
holding the body with ``<TIMEX3>``, ``<EVENT>`` and ``<SIGNAL>`` tags inline. The reader drops the
tags and keeps the character offsets of every TIMEX3 inside the body text, so that gold and
system annotations can be compared on the same string.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from warwire.errors import InputError

_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True)
class GoldTimex:
    """One annotated TIMEX3: ``[start, end)`` in the document text, its type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document: its id, body text, creation date and gold timexes."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def _parse_dct(value: str | None) -> dt.date | None:
    match = _DATE.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _walk(node: ET.Element, parts: list[str], timexes: list[GoldTimex], offset: int) -> int:
    """Append the text under ``node`` to ``parts``, recording TIMEX3 spans; return new offset."""
    if node.text:
        parts.append(node.text)
        offset += len(node.text)
    for child in node:
        start = offset
        offset = _walk(child, parts, timexes, offset)
        if child.tag == "TIMEX3":
            text = _span_text(child)
            timexes.append(
                GoldTimex(
                    start=start,
                    end=offset,
                    text=text,
                    type=child.get("type", ""),
                    value=child.get("value", ""),
                    mod=child.get("mod"),
                )
            )
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def _span_text(node: ET.Element) -> str:
    return "".join(node.itertext())


def parse_timeml(source: str, *, name: str = "<string>") -> TimeMLDocument:
    """Parse the XML of one TimeML document."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise InputError(name, f"not well-formed TimeML ({error})") from error
    dct_node = root.find("DCT/TIMEX3")
    dct = _parse_dct(dct_node.get("value") if dct_node is not None else None)
    body = root.find("TEXT")
    if body is None:
        raise InputError(name, "TimeML without a <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, parts, timexes, 0)
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(name=name, text="".join(parts), dct=dct, timexes=tuple(timexes))


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from error
    return parse_timeml(source, name=path.name)


def read_timeml_dir(directory: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``directory`` (recursively), in path order."""
    if not directory.is_dir():
        raise InputError(str(directory), "not a directory of TimeML (.tml) files")
    paths = sorted(directory.rglob("*.tml"))
    if not paths:
        raise InputError(str(directory), "no TimeML (.tml) files found")
    return [read_timeml(path) for path in paths]
