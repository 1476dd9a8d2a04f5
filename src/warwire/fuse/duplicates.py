"""Near-duplicate reports (wire copy republished with small edits) and source independence.

A report's text becomes a MinHash signature over word 5-gram shingles of its normalised words
(casefolded, NFKC, punctuation dropped). Two signatures estimate the Jaccard similarity of the
shingle sets; reports at :data:`NEAR_DUPLICATE` (0.8) or more are copies of one another and count
as one source.

For storage, a signature is cut into LSH bands (:func:`band_keys`: 16 bands of 4 rows for the
default 64 permutations), each a short string ``"b{i}:{hash}"``. Keep them in an indexed table:
the documents sharing at least one band key with a new report are its candidates, and
:func:`near_duplicates` confirms them on the full signatures. With 16 x 4 bands a pair at
similarity 0.8 shares a band with probability 0.9998, a pair at 0.3 with probability 0.12.

Everything is deterministic across processes: shingles are hashed with BLAKE2b and the
permutations are drawn from ``random.Random`` with a fixed seed, never Python's ``hash()``.
The permutations ``(a * x + b) mod (2**61 - 1)`` run as NumPy arrays, in 64-bit halves (the
products need 122 bits), giving exactly the minima of the plain integer formula (a test keeps
them equal) in about a tenth of its time: a signature is computed for every report ingest
stores, in the process that stores it. Neither ``datasketch`` nor its SciPy dependency is
needed.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

__all__ = [
    "NEAR_DUPLICATE",
    "NUM_PERM",
    "ROWS",
    "SHINGLE",
    "band_keys",
    "duplicate_groups",
    "independence_keys",
    "near_duplicates",
    "shingles",
    "signature",
    "similarity",
]

#: Estimated Jaccard similarity at or above which two reports are copies of one another.
NEAR_DUPLICATE = 0.8
#: Words per shingle.
SHINGLE = 5
#: Permutations per signature.
NUM_PERM = 64
#: Signature values per LSH band.
ROWS = 4

_SEED = 20160301
_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[str]:
    """The word :data:`SHINGLE`-grams of ``text``'s normalised words; a text shorter than one
    shingle is a single shingle of all its words (empty text: no shingles)."""
    words = _words(text)
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _hash64(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[tuple[int, int], ...]:
    """``num_perm`` universal hash functions ``(a * x + b) mod p``, from a fixed seed."""
    rng = random.Random(_SEED)
    return tuple((rng.randrange(1, _PRIME), rng.randrange(0, _PRIME)) for _ in range(num_perm))


def signature(text: str, *, num_perm: int = NUM_PERM) -> tuple[int, ...]:
    """The MinHash signature of ``text``: ``num_perm`` 32-bit minima over its shingles.

    A text without words gets the all-maximum signature (it is a duplicate of every other empty
    text, and of nothing else)."""
    if num_perm < 1:
        raise ValueError(f"num_perm must be positive, not {num_perm!r}")
    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return (_MAX_HASH,) * num_perm
    a, b = _coefficients(num_perm)
    x = _mod_prime(np.array(hashes, dtype=np.uint64))  # below 2**61, as are a and b
    # a * x = a_hi * x_hi * 2**64 + (a_hi * x_lo + a_lo * x_hi) * 2**32 + a_lo * x_lo, each
    # product within 64 bits; modulo p = 2**61 - 1, 2**61 is 1 and 2**64 is 8
    a_hi, a_lo = a >> _U32, a & _LOW32
    x_hi, x_lo = x >> _U32, x & _LOW32
    high = _mod_prime(a_hi * x_hi * np.uint64(8))
    middle = a_hi * x_lo + a_lo * x_hi  # below 2**62; times 2**32 is m_hi * 2**61 + m_lo * 2**32
    middle = _mod_prime((middle >> np.uint64(29)) + ((middle & _LOW29) << _U32))
    low = _mod_prime(a_lo * x_lo)
    values = _mod_prime(_mod_prime(high + middle) + low + b)
    return tuple(int(v) for v in (values & _LOW32).min(axis=1))


_MERSENNE = np.uint64(_PRIME)
_U32 = np.uint64(32)
_U61 = np.uint64(61)
_LOW32 = np.uint64(_MAX_HASH)
_LOW29 = np.uint64((1 << 29) - 1)


def _mod_prime(x: np.ndarray) -> np.ndarray:
    """``x mod (2**61 - 1)`` for any 64-bit ``x`` (2**61 is 1 modulo the prime)."""
    x = (x & _MERSENNE) + (x >> _U61)
    return np.where(x >= _MERSENNE, x - _MERSENNE, x)


@lru_cache(maxsize=8)
def _coefficients(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The permutations' ``a`` and ``b`` as columns, for broadcasting against the hashes."""
    perms = _permutations(num_perm)
    a = np.array([p[0] for p in perms], dtype=np.uint64)[:, None]
    b = np.array([p[1] for p in perms], dtype=np.uint64)[:, None]
    return a, b


def band_keys(sig: Sequence[int], *, rows: int = ROWS) -> list[str]:
    """The LSH band keys of a signature, ``"b{i}:{16 hex digits}"``, one per band of ``rows``
    values (a trailing partial band is dropped). Two reports are candidates when they share one.
    """
    if rows < 1 or len(sig) < rows:
        raise ValueError(f"cannot cut a signature of {len(sig)} values into bands of {rows!r}")
    keys = []
    for i in range(len(sig) // rows):
        band = ",".join(str(v) for v in sig[i * rows : (i + 1) * rows])
        digest = hashlib.blake2b(band.encode("ascii"), digest_size=8).hexdigest()
        keys.append(f"b{i}:{digest}")
    return keys


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal positions."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError(f"signatures differ in length: {len(sig_a)} and {len(sig_b)}")
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)


def near_duplicates(
    sig: Sequence[int],
    candidates: Mapping[str, Sequence[int]],
    *,
    threshold: float = NEAR_DUPLICATE,
) -> list[str]:
    """The ids of ``candidates`` (id -> signature, e.g. the reports sharing a band key) whose
    similarity to ``sig`` is at least ``threshold``, sorted."""
    return sorted(k for k, other in candidates.items() if similarity(sig, other) >= threshold)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller label stays the root: labels do not depend on order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def duplicate_groups(
    signatures: Mapping[str, Sequence[int]], *, threshold: float = NEAR_DUPLICATE
) -> dict[str, str]:
    """Every document id -> its near-duplicate group: the smallest id among the documents
    linked to it by chains of near-duplicate pairs (candidates by shared band key, confirmed
    on the signatures). A document without copies is its own group."""
    uf = _UnionFind()
    buckets: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(signatures):
        uf.find(doc_id)
        for key in band_keys(signatures[doc_id]):
            buckets[key].append(doc_id)
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if similarity(signatures[a], signatures[b]) >= threshold:
                    uf.union(a, b)
    return {doc_id: uf.find(doc_id) for doc_id in signatures}


def _outlet(source: str) -> str:
    name = " ".join(unicodedata.normalize("NFKC", source).casefold().split())
    return name.removeprefix("www.")


def independence_keys(
    outlets: Mapping[str, str | None], groups: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Every document id of ``outlets`` (doc id -> publisher, ``Document.source``) -> its
    independence key: documents of the same outlet (casefolded, spaces collapsed, no "www.")
    or of the same near-duplicate group (``groups``: doc id -> group id) share one key, and so
    do chains of them (an AFP copy of a Reuters report counts as Reuters). The key is the
    smallest group label of the component, ``"group:{id}"`` (a document without a group is
    its own group). Only the documents given are linked: pass every document whose claims are
    being weighed."""
    uf = _UnionFind()
    groups = groups or {}
    for doc_id, source in outlets.items():
        group = f"group:{groups.get(doc_id, doc_id)}"
        uf.find(group)
        if source and source.strip():
            uf.union(group, f"outlet:{_outlet(source)}")
    return {doc_id: uf.find(f"group:{groups.get(doc_id, doc_id)}") for doc_id in outlets}
