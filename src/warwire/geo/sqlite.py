"""``SQLiteGazetteer``: lookups on the built gazetteer index (see ``build.py``).

Opening reads only the key-set hashes (one BLOB, a few MB) for ``has_key``; names and entries
stay in SQLite and are read through its primary-key indexes. ``load_gazetteer`` opens the
default index under ``Settings.data_dir``, building it first if it is missing, and keeps one
gazetteer per path for the process.
"""

from __future__ import annotations

import sqlite3
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from pathlib import Path

from warwire.errors import StoreError
from warwire.geo.build import BUILD_VERSION, EXACT, GAZETTEER_FILE, LOOSE, build_gazetteer, key_hash
from warwire.geo.entry import NORMALISED_SCORE, Candidate, GeoEntry, MatchKind, rank_candidates
from warwire.geo.fuzzy import FUZZY_MIN_LENGTH, best_matches, bucket_of, length_band
from warwire.geo.names import exact_keys, is_acronym_like, loose_key
from warwire.settings import Settings

__all__ = ["SQLiteGazetteer", "default_gazetteer_path", "load_gazetteer"]

Progress = Callable[[int, int], None]
_ENTRY_COLUMNS = (
    "id, name, lat, lon, feature_class, feature_code, country_code, admin1, admin1_name, "
    "iso3166_2, population, feature, importance"
)
_FUZZY_KEYS = 10
_CACHE_SIZE = 50_000
_ANSWERS_SIZE = 20_000


def default_gazetteer_path() -> Path:
    """Where the gazetteer index lives: ``<data_dir>/gazetteer-v<BUILD_VERSION>.sqlite``."""
    return Settings.from_env().data_dir / GAZETTEER_FILE


class SQLiteGazetteer:
    """The GeoNames-based gazetteer index, read-only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            (blob,) = self._db.execute("SELECT hashes FROM keyset").fetchone()
        except (sqlite3.Error, TypeError) as exc:
            raise StoreError(
                f"cannot open the gazetteer {self.path}: {exc}; "
                "rebuild it with `warwire gazetteer build`"
            ) from exc
        if meta.get("build_version") != str(BUILD_VERSION):
            raise StoreError(
                f"the gazetteer {self.path} has build version {meta.get('build_version')!r}, "
                f"not {BUILD_VERSION}; rebuild it with `warwire gazetteer build`"
            )
        self._hashes = array("q")
        self._hashes.frombytes(blob)
        self._max_tokens = int(meta["max_name_tokens"])
        self._entries: dict[int, tuple[GeoEntry, float]] = {}
        # answers to recent lookups: reports name the same places again and again
        self._answers: dict[tuple[str, bool, int], tuple[Candidate, ...]] = {}
        self._countries: dict[str, GeoEntry | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None = None, *, progress: Progress | None = None) -> SQLiteGazetteer:
        """Open the index at ``path`` (default: ``default_gazetteer_path()``), built if missing."""
        target = Path(path) if path is not None else default_gazetteer_path()
        if not target.exists():
            build_gazetteer(target, progress=progress)
        return cls(target)

    def close(self) -> None:
        self._db.close()

    def __repr__(self) -> str:
        return f"SQLiteGazetteer({str(self.path)!r})"

    # -- the Gazetteer protocol ------------------------------------------------------------

    def lookup(self, name: str, *, fuzzy: bool = True, limit: int = 25) -> list[Candidate]:
        """Candidates for ``name``: exact, then normalised, then (if ``fuzzy``) fuzzy matches."""
        memo = (name, fuzzy, limit)
        known = self._answers.get(memo)
        if known is None:
            known = tuple(self._lookup(name, fuzzy=fuzzy, limit=limit))
            if len(self._answers) >= _ANSWERS_SIZE:
                self._answers.clear()
            self._answers[memo] = known
        return list(known)

    def _lookup(self, name: str, *, fuzzy: bool, limit: int) -> list[Candidate]:
        exact = exact_keys(name)
        if not exact:
            return []
        # an acronym ("ISIS", "SDF") is a place only under its exact spelling, never by
        # the vowel and consonant alternations of transliteration ("ISIS" is not Jesi)
        acronym = is_acronym_like(name)
        loose = "" if acronym else loose_key(name)
        fuzzy = fuzzy and not acronym
        hits: list[tuple[int, str, MatchKind, float]] = []
        for key in exact:
            hits.extend((gid, n, "exact", 1.0) for gid, n in self._names(EXACT, key))
        if loose:
            hits.extend(
                (gid, n, "normalised", NORMALISED_SCORE) for gid, n in self._names(LOOSE, loose)
            )
        if not hits and fuzzy and len(loose) >= FUZZY_MIN_LENGTH:
            for key, score in best_matches(loose, self._bucket(loose), limit=_FUZZY_KEYS):
                hits.extend((gid, n, "fuzzy", score / 100.0) for gid, n in self._names(LOOSE, key))
        entries = self._load({gid for gid, _, _, _ in hits})
        found = (
            (Candidate(entries[gid][0], match, score, matched), entries[gid][1])
            for gid, matched, match, score in hits
            if gid in entries
        )
        return rank_candidates(found, limit=limit)

    def get(self, geonames_id: int) -> GeoEntry | None:
        """The entry with this id, or None."""
        found = self._load({geonames_id})
        return found[geonames_id][0] if geonames_id in found else None

    def country(self, country_code: str) -> GeoEntry | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        code = country_code.upper()
        if code not in self._countries:
            self._countries[code] = self._first(
                "country_code = ? AND feature_code = 'PCLI'", (code,)
            )
        return self._countries[code]

    def admin1(self, country_code: str, admin1_code: str) -> GeoEntry | None:
        """The first-level division with this GeoNames admin1 code, or None."""
        return self._first(
            "country_code = ? AND feature_code = 'ADM1' AND admin1 = ?",
            (country_code.upper(), admin1_code),
        )

    def has_key(self, key: str) -> bool:
        """Whether ``key`` (a ``loose_key`` or ``name_key``) is the key of some known name."""
        value = key_hash(key)
        i = bisect_left(self._hashes, value)
        return i < len(self._hashes) and self._hashes[i] == value

    def max_name_tokens(self) -> int:
        """The most tokens in an indexed key, for n-gram phrase matching."""
        return self._max_tokens

    # -- reading -----------------------------------------------------------------------------

    def _names(self, kind: int, key: str) -> list[tuple[int, str]]:
        with self._lock:
            return self._db.execute(
                "SELECT entry_id, name FROM names WHERE kind = ? AND key = ?", (kind, key)
            ).fetchall()

    def _bucket(self, key: str) -> list[str]:
        low, high = length_band(len(key))
        with self._lock:
            rows = self._db.execute(
                "SELECT key FROM fuzzy WHERE bucket = ? AND length BETWEEN ? AND ?",
                (bucket_of(key), low, high),
            ).fetchall()
        return [k for (k,) in rows]

    def _load(self, ids: Iterable[int]) -> dict[int, tuple[GeoEntry, float]]:
        found = {gid: self._entries[gid] for gid in ids if gid in self._entries}
        missing = [gid for gid in ids if gid not in found]
        if missing:
            marks = ", ".join("?" * len(missing))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id IN ({marks})", missing
                ).fetchall()
            if len(self._entries) > _CACHE_SIZE:
                self._entries.clear()
            for row in rows:
                found[row[0]] = self._entries[row[0]] = (GeoEntry(*row[:12]), row[12])
        return found

    def _first(self, where: str, params: tuple[str, ...]) -> GeoEntry | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE {where} "
                "ORDER BY importance DESC, id LIMIT 1",
                params,
            ).fetchone()
        return None if row is None else GeoEntry(*row[:12])


_LOADED: dict[Path, SQLiteGazetteer] = {}
_LOADING = threading.Lock()


def load_gazetteer(
    path: Path | None = None, *, progress: Progress | None = None
) -> SQLiteGazetteer:
    """The gazetteer at ``path`` (default under ``Settings.data_dir``), built if missing.

    One instance per path per process.
    """
    target = (Path(path) if path is not None else default_gazetteer_path()).expanduser().resolve()
    with _LOADING:
        if target not in _LOADED:
            _LOADED[target] = SQLiteGazetteer.open(target, progress=progress)
        return _LOADED[target]
