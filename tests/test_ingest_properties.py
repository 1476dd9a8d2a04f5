"""Every reader, fed arbitrary bytes, returns documents or raises InputError, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warwire.errors import InputError
from warwire.ingest import ReadOptions, read_bytes
from warwire.ingest.dates import parse_date
from warwire.ingest.feeds import read_feed
from warwire.ingest.html import read_html
from warwire.ingest.pdf import read_pdf
from warwire.ingest.records import read_json, read_jsonl
from warwire.ingest.text import read_text
from warwire.models import Document

Reader = Callable[[bytes, str, ReadOptions], list[Document]]
READERS: dict[str, Reader] = {
    "txt": read_text,
    "md": partial(read_text, format="md"),
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "pdf": read_pdf,
    "sniffed": read_bytes,
}

# Random bytes, and random bytes after a prefix that gets them past each reader's first check.
PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<html><body><article><p>",
    b'{"text": "',
    b'[{"text": "a"}, ',
    b"---\ntitle: ",
    b"Title: x\nPublished: ",
]
payloads = st.builds(
    lambda prefix, tail: prefix + tail, st.sampled_from(PREFIXES), st.binary(max_size=300)
) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))

OPTIONS = ReadOptions(field_map={"title": "headline"})


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=payloads)
def test_reader_returns_documents_or_input_error(name: str, data: bytes) -> None:
    try:
        documents = READERS[name](data, "fuzz.bin", OPTIONS)
    except InputError as error:
        assert error.source.startswith("fuzz.bin")
        return
    assert isinstance(documents, list) and documents
    for document in documents:
        assert isinstance(document, Document) and document.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_date_never_raises(value: str) -> None:
    parse_date(value)
