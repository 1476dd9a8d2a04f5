"""Evaluate warwire's entity recognition on a gold corpus: ``warwire eval ner PATH --json``.

The corpus is re3d or CoNLL-2003 (:mod:`.ner_readers` decides from the path). Each document
is annotated as warwire annotates a report (``warwire.nlp.pipeline.to_annotation`` with the
geoparser and the actor matcher), its mentions are mapped to the corpus's types
(:mod:`.ner_map`) and scored against the gold entities (:mod:`.ner_metrics`), micro-averaged
over the corpus and per type, exactly (same span and type) and partially (overlapping spans
of the same type, matched one to one).

- **re3d** is scored on Organisation, Person and Location; ``partial_f1`` is the headline.
  Gold entities of the other types (Nationality, Weapon, Temporal...) are counted in
  ``ignored``; predictions of other types are not scored.
- **CoNLL-2003** is scored on PER, ORG, LOC and MISC; a CoNLL entity is a run of whole
  tokens, so each predicted span is first widened to the gold tokens it touches. ``exact_f1``
  is what ``conlleval`` reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warwire.evaluate.ner_map import Scheme, scheme_spans, snap_to_tokens
from warwire.evaluate.ner_metrics import Counts, Tally, add_counts, match_counts, micro, prf
from warwire.evaluate.ner_readers import NerDoc, load_ner_corpus

if TYPE_CHECKING:
    from spacy.language import Language

    from warwire.nlp.pipeline import PlaceFinder

__all__ = ["Predictor", "Progress", "evaluate_ner", "score_ner", "warwire_predictor"]

Progress = Callable[[int, int], None]
Predictor = Callable[[Sequence[NerDoc]], Iterator[list[tuple[int, int, str]]]]
"""Typed spans ``(start, end, type)`` for each document, in order."""


def evaluate_ner(
    path: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
    geoparser: PlaceFinder | None = None,
) -> dict[str, Any]:
    """Read the corpus at ``path`` and score warwire's recognition on it.

    ``nlp`` and ``geoparser`` default to the installed spaCy model and a ``Geoparser`` over
    the GeoNames gazetteer. See :func:`score_ner` for the result.
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number, not {limit!r}")
    corpus = load_ner_corpus(path)
    docs = corpus.docs if limit is None else corpus.docs[:limit]
    predict = warwire_predictor(corpus.format, nlp=nlp, geoparser=geoparser)
    result = score_ner(docs, corpus.types, predict, progress=progress)
    return {"corpus": corpus.format, **result}


def warwire_predictor(
    scheme: Scheme, *, nlp: Language | None = None, geoparser: PlaceFinder | None = None
) -> Predictor:
    """warwire's own recognition, mapped to ``scheme``: spaCy, the geoparser and the actor
    matcher, as ``to_annotation`` runs them on a report."""
    from warwire.models import Document
    from warwire.nlp.pipeline import load_pipeline, pipeline_name, to_annotation

    model = nlp if nlp is not None else load_pipeline()
    if geoparser is None:
        from warwire.geo import load_gazetteer
        from warwire.geo.parser import Geoparser

        geoparser = Geoparser(load_gazetteer(), model)
    name = pipeline_name(model)
    places = geoparser

    def predict(docs: Sequence[NerDoc]) -> Iterator[list[tuple[int, int, str]]]:
        texts = (doc.text for doc in docs)
        for doc, spacy_doc in zip(docs, model.pipe(texts, batch_size=16), strict=True):
            document = Document(id=doc.doc_id, text=doc.text)
            annotation = to_annotation(document, spacy_doc, name, places, actors=True)
            spans = [(s.start, s.end, s.type) for s in scheme_spans(annotation, spacy_doc, scheme)]
            yield snap_to_tokens(spans, doc.tokens) if doc.tokens else spans

    return predict


def score_ner(
    docs: Sequence[NerDoc],
    types: Sequence[str],
    predict: Predictor,
    *,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Score ``predict`` on ``docs`` for the entity ``types``.

    The result is flat for the micro figures (``partial_f1``, ``partial_precision``,
    ``partial_recall``, ``exact_f1``... , ``n_gold``, ``n_predicted``, ``n_docs``), with
    ``per_type`` holding the same figures per type and ``ignored`` the number of gold
    entities of each type left out. A ratio over nothing is NaN.
    """
    total: dict[str, Tally] = {kind: Tally() for kind in types}
    ignored: Counter[str] = Counter()
    for i, (doc, predicted) in enumerate(zip(docs, predict(docs), strict=True)):
        gold = [(e.start, e.end, e.type) for e in doc.entities]
        ignored.update(e.type for e in doc.entities if e.type not in types)
        total = add_counts(total, match_counts(gold, predicted, types))
        if progress is not None:
            progress(i + 1, len(docs))
    return {
        "n_docs": len(docs),
        "types": list(types),
        **figures(micro(total)),
        "per_type": {kind: figures(tally) for kind, tally in total.items()},
        "ignored": dict(sorted(ignored.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def figures(tally: Tally) -> dict[str, float | int]:
    """The flat figures of one tally."""
    out: dict[str, float | int] = {}
    for name, counts in (("partial", tally.partial), ("exact", tally.exact)):
        scores = prf(counts)
        out[f"{name}_f1"] = scores.f1
        out[f"{name}_precision"] = scores.precision
        out[f"{name}_recall"] = scores.recall
    out.update(_counts(tally.exact, tally.partial))
    return out


def _counts(exact: Counts, partial: Counts) -> dict[str, int]:
    return {
        "n_gold": exact.gold,
        "n_predicted": exact.predicted,
        "exact_hits": exact.hits,
        "partial_hits": partial.hits,
    }
