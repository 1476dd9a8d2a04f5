"""MUC-4 in the GRIT setting: read the gold role fillers and score predicted ones.

The GRIT-processed MUC-4 split (Du, Rush and Cardie, "GRIT: Generative Role-filler Transformers
for Document-level Event Entity Extraction", EACL 2021; ``events/MUC4/grit_processed``) is JSON
lines, one document a line::

    {"docid": "DEV-MUC3-0001", "doctext": "...lower-cased text...",
     "extracts": {"PerpInd": [[["terrorists", 102]], ...], "PerpOrg": [...], "Target": [...],
                  "Victim": [...], "Weapon": [...]}}

Each role holds gold *entities*; an entity is the list of its coreferent mentions, each a
``[string, character offset]`` pair. Only the strings are scored.

Scoring follows GRIT's ``eval.py`` (CEAF-REE with the strict similarity): per document and
role, a predicted entity (a list of mention strings, usually one) counts for a gold entity when
every one of its mentions equals, after :func:`normalise_filler`, some mention of that gold
entity; predicted and gold entities are then matched one to one so that the number of matches
is as large as possible (a maximum bipartite matching, which is what GRIT's Kuhn-Munkres
assignment computes for 0/1 similarities). Precision is matches over predicted entities, recall
matches over gold entities, summed over documents; ``micro`` sums the five roles.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warwire.errors import InputError

__all__ = [
    "ROLES",
    "MucDoc",
    "RoleScore",
    "match_entities",
    "normalise_filler",
    "read_muc",
    "score_muc",
]

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
"""The five GRIT roles: individual and organisation perpetrators, physical targets, human
victims (named people), weapons."""

Entities = tuple[tuple[str, ...], ...]
Predicted = Mapping[str, Sequence[Sequence[str]]]

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = str.maketrans("", "", string.punctuation)


def normalise_filler(text: str) -> str:
    """GRIT's normalisation: lower case, no ASCII punctuation, no articles, single spaces."""
    text = text.lower().translate(_PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


@dataclass(frozen=True)
class MucDoc:
    """One document: its id, its (lower-cased) text and its gold entities per role."""

    doc_id: str
    text: str
    entities: Mapping[str, Entities] = field(default_factory=dict)

    @property
    def has_event(self) -> bool:
        """Whether any role has a gold entity (about half the documents have none)."""
        return any(self.entities.get(role) for role in ROLES)


def read_muc(path: Path) -> list[MucDoc]:
    """Read a GRIT-processed MUC-4 file (JSON lines; see the module docstring).

    Raises :class:`InputError` naming the file and line for unreadable files, bad JSON, or a
    line without ``docid``/``doctext``/``extracts`` of the expected shapes. Empty lines are
    skipped; entities without mentions are dropped, as GRIT's scorer drops them.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot open the file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from exc
    docs: list[MucDoc] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            docs.append(_doc(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {number}: not JSON ({exc.msg})") from exc
        except ValueError as exc:
            raise InputError(str(path), f"line {number}: {exc}") from exc
    return docs


def _doc(raw: object) -> MucDoc:
    if not isinstance(raw, dict):
        raise ValueError("expected a JSON object with docid, doctext and extracts")
    doc_id, text, extracts = raw.get("docid"), raw.get("doctext"), raw.get("extracts")
    if not isinstance(doc_id, str) or not isinstance(text, str):
        raise ValueError("docid and doctext must be strings")
    if not isinstance(extracts, dict):
        raise ValueError(f"{doc_id}: extracts must be an object of roles")
    entities: dict[str, Entities] = {}
    for role in ROLES:
        raw_entities = extracts.get(role, [])
        if not isinstance(raw_entities, list):
            raise ValueError(f"{doc_id}: {role} must be a list of entities")
        kept: list[tuple[str, ...]] = []
        for entity in raw_entities:
            mentions = tuple(_mention(doc_id, role, m) for m in _as_list(doc_id, role, entity))
            if mentions:
                kept.append(mentions)
        entities[role] = tuple(kept)
    return MucDoc(doc_id, text, entities)


def _as_list(doc_id: str, role: str, entity: object) -> list[object]:
    if not isinstance(entity, list):
        raise ValueError(f"{doc_id}: each {role} entity must be a list of mentions")
    return entity


def _mention(doc_id: str, role: str, mention: object) -> str:
    if isinstance(mention, str):
        return mention
    if isinstance(mention, list) and mention and isinstance(mention[0], str):
        return mention[0]
    raise ValueError(f"{doc_id}: a {role} mention must be [string, offset], not {mention!r}")


def match_entities(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> int:
    """How many predicted entities can be paired, one to one, with gold entities they match.

    A predicted entity matches a gold one when each of its mentions, normalised, is a mention
    of the gold entity (GRIT's ``phi_strict``); an empty predicted entity matches nothing.
    """
    gold_sets = [{normalise_filler(m) for m in entity} for entity in gold]
    edges: list[list[int]] = []
    for entity in predicted:
        mentions = {normalise_filler(m) for m in entity}
        edges.append(
            [j for j, g in enumerate(gold_sets) if mentions and mentions <= g] if mentions else []
        )
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(edges)))


@dataclass
class RoleScore:
    """Matches, predicted and gold entity counts of one role (or of all, ``micro``)."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: RoleScore) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold


def score_muc(docs: Iterable[MucDoc], predictions: Mapping[str, Predicted]) -> dict[str, RoleScore]:
    """Per-role and ``micro`` scores of ``predictions`` (doc id -> role -> entities).

    A document missing from ``predictions`` counts as predicting nothing; roles other than the
    five of :data:`ROLES` are ignored.
    """
    scores = {role: RoleScore() for role in (*ROLES, "micro")}
    for doc in docs:
        predicted = predictions.get(doc.doc_id, {})
        for role in ROLES:
            pred = [list(entity) for entity in predicted.get(role, ())]
            gold = doc.entities.get(role, ())
            scores[role].add(RoleScore(match_entities(pred, gold), len(pred), len(gold)))
    for role in ROLES:
        scores["micro"].add(scores[role])
    return scores
