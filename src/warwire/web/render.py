"""A report's text cut into pieces a template can show: sentences (each an anchor, ``s-N``),
the text between them, and inside each sentence its mentions, linked to their entities.

Nothing here writes HTML: templates escape every piece, so report text is only ever text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from warwire.models import Mention, Sentence


@dataclass(frozen=True)
class Part:
    """A run of text; a mention when ``label`` is set, linked when ``entity_id`` is."""

    text: str
    label: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True)
class Block:
    """A sentence (``index`` set) or the text between sentences (``index`` None);
    ``quoted`` when it overlaps the quote a citation points to."""

    index: int | None
    parts: list[Part] = field(default_factory=list)
    quoted: bool = False


def parse_quote(value: str | None, length: int) -> tuple[int, int] | None:
    """``START-END`` character offsets of a citation, if valid for a text of ``length``."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        return None
    s, e = int(start), int(end)
    return (s, e) if 0 <= s < e <= length else None


def _sentence_parts(text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[Part]:
    parts: list[Part] = []
    cursor = start
    for m in mentions:
        if m.start < cursor or m.end > end or m.start >= m.end:
            continue  # outside this sentence, or overlapping the previous mention
        if m.start > cursor:
            parts.append(Part(text[cursor : m.start]))
        parts.append(Part(text[m.start : m.end], m.label, m.entity_id))
        cursor = m.end
    if cursor < end:
        parts.append(Part(text[cursor:end]))
    return parts


def blocks(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    quote: tuple[int, int] | None = None,
) -> list[Block]:
    """The whole of ``text`` as blocks, in order (their texts concatenate to ``text``)."""
    # of mentions of one span (the NER's and the resolver's), the one with an entity first
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end, m.entity_id is None))
    result: list[Block] = []
    cursor = 0
    for s in sorted(sentences, key=lambda s: s.start):
        if s.start < cursor or s.end > len(text):
            continue
        if s.start > cursor:
            result.append(Block(None, [Part(text[cursor : s.start])]))
        inside = [m for m in ordered if s.start <= m.start and m.end <= s.end]
        quoted = quote is not None and s.start < quote[1] and quote[0] < s.end
        result.append(Block(s.index, _sentence_parts(text, s.start, s.end, inside), quoted))
        cursor = s.end
    if cursor < len(text):
        result.append(Block(None, [Part(text[cursor:])]))
    return result


def cite_url(doc_id: str, start: int, end: int) -> str:
    """The document page opened at a quote (the quoted sentence is marked and scrolled to)."""
    return f"/documents/{doc_id}?quote={start}-{end}#quote"
