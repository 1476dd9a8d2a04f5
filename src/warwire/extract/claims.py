"""Claims: numeric and control statements of one report, each cited to its sentence.

``find_claims`` reads each sentence of the parse with the report's resolved mentions and returns
:class:`~warwire.models.Claim` records: numeric claims (:mod:`.claims_numeric`: population,
fighters, troops, casualties, injured, displaced, distance_to) and control claims
(:mod:`.claims_control`: controlled_by, control_since, captured_on) and dated acts
(:mod:`.claims_dated`: victory_declared_on, truce_on). Each claim carries the
sentence as its quote and the cues of its trigger word (:mod:`.cues`): who it is attributed to,
whether it is hedged or negated; plans and threats are not claims.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from warwire.extract.claims_base import CLAIM_EXTRACTOR, ClaimSentence, report_focus
from warwire.extract.claims_control import control_claims
from warwire.extract.claims_dated import dated_claims
from warwire.extract.claims_numeric import numeric_claims
from warwire.models import Claim, Document, Entity, Mention

__all__ = ["CLAIM_EXTRACTOR", "find_claims"]


def find_claims(
    spacy_doc: Any,
    document: Document,
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> list[Claim]:
    """The claims of one report: ``spacy_doc`` is the parse of ``document.text``, ``mentions``
    its mentions (``warwire.nlp.pipeline.to_annotation``) and ``entities`` their entities by id.
    """
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    claims: list[Claim] = []
    focus = report_focus(document, mentions, entities)
    for index, sent in enumerate(spacy_doc.sents):
        here = by_sentence.get(index, [])
        if focus.place is None and not any(m.entity_id is not None for m in here):
            continue  # nothing a claim could be about
        cs = ClaimSentence(index, sent, document, here, entities, focus)
        numeric_claims(cs)
        control_claims(cs)
        dated_claims(cs)
        claims.extend(cs.claims)
    return claims
