"""Build the gazetteer index: one SQLite file made from the installed sources.

The file is written beside its final path and renamed into place when complete, so a reader never
sees half an index and two concurrent builds do not clash. Its name carries ``BUILD_VERSION``
(``gazetteer-v1.sqlite``): a change of format or of the key functions bumps the version, and the
next ``load_gazetteer`` builds the new file.

Tables::

    meta(key, value)                      build version, counts, max_name_tokens
    entries(id, name, lat, lon, ...)      one row per GeoEntry, id = GeoEntry.geonames_id
    names(kind, key, entry_id, name)      kind 0: name_key, kind 1: loose_key -> entry, the name
    fuzzy(bucket, length, key)            distinct loose keys by first two letters and length
    keyset(hashes)                        sorted 64-bit hashes of every key, for has_key
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

from warwire.errors import StoreError
from warwire.geo.entry import NamedEntry, importance
from warwire.geo.fuzzy import bucket_of
from warwire.geo.names import is_acronym_like, loose_key, name_key
from warwire.geo.sources import read_sources

__all__ = ["BUILD_VERSION", "GAZETTEER_FILE", "build_gazetteer", "key_hash", "write_index"]

BUILD_VERSION = 12
GAZETTEER_FILE = f"gazetteer-v{BUILD_VERSION}.sqlite"
EXACT, LOOSE = 0, 1

Progress = Callable[[int, int], None]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    admin1_name TEXT,
    iso3166_2 TEXT,
    population INTEGER NOT NULL,
    feature TEXT NOT NULL,
    importance REAL NOT NULL
);
CREATE TABLE names (
    kind INTEGER NOT NULL,
    key TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (kind, key, entry_id)
) WITHOUT ROWID;
CREATE TABLE fuzzy (
    bucket TEXT NOT NULL,
    length INTEGER NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (bucket, length, key)
) WITHOUT ROWID;
CREATE TABLE keyset (hashes BLOB NOT NULL);
"""


def key_hash(key: str) -> int:
    """A signed 64-bit hash of a key, as stored in the key set."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def build_gazetteer(path: Path, *, progress: Progress | None = None) -> None:
    """Build the gazetteer index at ``path`` from the installed sources, replacing any old one.

    ``progress(done, total)`` is called as the build advances (``total`` is 100).
    """
    report = progress or (lambda done, total: None)
    entries = read_sources(report)
    write_index(path, entries, progress=lambda done, total: report(80 + 20 * done // total, 100))
    report(100, 100)


def write_index(
    path: Path, entries: Iterable[NamedEntry], *, progress: Progress | None = None
) -> None:
    """Write ``entries`` and their keys as a gazetteer index at ``path``."""
    report = progress or (lambda done, total: None)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        _write(partial, list(entries), report)
        partial.replace(path)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot build the gazetteer at {path}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)


def _write(path: Path, entries: list[NamedEntry], report: Progress) -> None:
    rows = []
    names: dict[tuple[int, str, int], str] = {}
    ids: set[int] = set()
    for named in entries:
        e = named.entry
        if e.geonames_id in ids:
            raise StoreError(f"gazetteer id {e.geonames_id} is used twice ({e.name!r})")
        ids.add(e.geonames_id)
        rows.append(
            (e.geonames_id, e.name, e.lat, e.lon, e.feature_class, e.feature_code, e.country_code,
             e.admin1, e.admin1_name, e.iso3166_2, e.population, e.feature, importance(e))
        )  # fmt: skip
        for name in (e.name, *named.aliases):
            exact = name_key(name)
            if not exact:
                continue
            names.setdefault((EXACT, exact, e.geonames_id), name)
            # an acronym ("ERI", Eritrea's ISO code) is indexed under its exact spelling only:
            # its loose key would make "Erie" a variant of it
            loose = "" if is_acronym_like(name) else loose_key(name)
            if loose:
                names.setdefault((LOOSE, loose, e.geonames_id), name)
    report(1, 4)
    loose_keys = sorted({key for kind, key, _ in names if kind == LOOSE})
    all_keys = {key for _, key, _ in names}
    hashes = array("q", sorted(key_hash(key) for key in all_keys))
    max_tokens = max((len(key.split()) for key in all_keys), default=0)
    report(2, 4)
    with sqlite3.connect(path) as db:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * 13)})", rows)
        db.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?)",
            ((kind, key, gid, name) for (kind, key, gid), name in sorted(names.items())),
        )
        report(3, 4)
        db.executemany(
            "INSERT INTO fuzzy VALUES (?, ?, ?)",
            sorted((bucket_of(key), len(key), key) for key in loose_keys),
        )
        db.execute("CREATE INDEX entries_country ON entries (country_code, feature_code, admin1)")
        db.execute("INSERT INTO keyset VALUES (?)", (hashes.tobytes(),))
        meta = {
            "build_version": str(BUILD_VERSION),
            "entries": str(len(rows)),
            "names": str(len(names)),
            "max_name_tokens": str(max_tokens),
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.close()
    report(4, 4)
