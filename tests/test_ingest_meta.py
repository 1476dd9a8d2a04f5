"""Metadata helpers: publication dates, language codes, and format sniffing."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from warwire.ingest.dates import parse_date
from warwire.ingest.language import detect_language, normalise_language
from warwire.ingest.sniff import format_for_media_type, sniff_format


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-05-21", dt.date(2015, 5, 21)),
        ("2015-05-21T10:00:00Z", dt.date(2015, 5, 21)),
        ("2015-05-21T23:30:00-05:00", dt.date(2015, 5, 21)),
        ("21 May 2015", dt.date(2015, 5, 21)),
        ("May 21, 2015", dt.date(2015, 5, 21)),
        ("Thu, 21 May 2015 10:00:00 GMT", dt.date(2015, 5, 21)),
        (dt.datetime(2015, 5, 21, 10), dt.date(2015, 5, 21)),
        (time.strptime("2015-05-21", "%Y-%m-%d"), dt.date(2015, 5, 21)),
        ("May 2015", None),  # no day: not silently today's day
        ("2015", None),
        ("last Tuesday", None),
        ("", None),
        (20150521, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", "en"), ("EN-gb", "en"), ("fr_FR", "fr"), ("english", None), ("", None), (None, None)],
)
def test_normalise_language(value: object, expected: str | None) -> None:
    assert normalise_language(value) == expected


def test_detect_language() -> None:
    assert detect_language("Two soldiers were killed in an ambush near Gao on Monday.") == "en"
    assert detect_language("Deux soldats ont été tués dans une embuscade près de Gao.") == "fr"
    assert detect_language("Gao, Mali") is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b'{"text": "x"}', "json"),
        (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"></rss>', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"Title: x\n\nSome text.", "txt"),
        (b"\x89PNG\r\n\x1a\n", None),
    ],
)
def test_sniff_format(data: bytes, expected: str | None) -> None:
    assert sniff_format(data) == expected


def test_media_types() -> None:
    assert format_for_media_type("application/rss+xml") == "feed"
    assert format_for_media_type("application/ld+json") == "json"
    assert format_for_media_type("image/png") is None
