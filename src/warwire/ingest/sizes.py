"""Byte counts for messages: "6.2 MB", "12.0 kB", "250 bytes"."""

from __future__ import annotations


def human_size(size: int) -> str:
    """``size`` bytes in decimal units, one decimal place above a kilobyte."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} byte" if size == 1 else f"{size} bytes"


def over_limit(what: str, size: int, limit: int, *, at_least: bool = False) -> str:
    """The message for a file or download over the size limit."""
    if at_least:
        return f"{what} is larger than the {human_size(limit)} limit (set --max-bytes)"
    return f"{what} is {human_size(size)}, over the {human_size(limit)} limit (set --max-bytes)"
