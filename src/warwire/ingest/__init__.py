"""Readers: the only part of warwire that opens files or URLs.

``expand`` turns command-line targets into sources; ``read_source`` reads one source into
``Document`` records with the reader for its format (txt, md, html, json, jsonl, RSS/Atom,
pdf), raising ``InputError`` (``FetchError`` for URLs) that names the source.
"""

from warwire.ingest.options import ReadOptions
from warwire.ingest.sources import READABLE_SUFFIXES, Source, expand, read_bytes, read_source

__all__ = ["READABLE_SUFFIXES", "ReadOptions", "Source", "expand", "read_bytes", "read_source"]
