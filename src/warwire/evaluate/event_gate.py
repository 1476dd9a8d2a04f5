"""warwire's events on the hand-written gold sentences (``tests/data/events_gold.jsonl``).

Each gold sentence is analysed as a one-sentence report published on its date; each event is
turned into the gold's terms: its actors and place as the words of the mention that named them
in the sentence. :func:`warwire.evaluate.event_gold.score_events` then scores sub-types,
arguments and flags. The evaluation gate (``tests/test_eval_gate_events.py``) pins the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from warwire.evaluate.event_gold import GoldSentence, PredictedEvent, read_gold, score_events
from warwire.models import Event, Mention

__all__ = ["evaluate_event_gold", "predict_events"]


def _words(entity_id: str | None, event: Event, mentions: Sequence[Mention]) -> str | None:
    """The words of the first mention of ``entity_id`` inside the event's sentence."""
    if entity_id is None:
        return None
    for mention in mentions:
        if (
            mention.entity_id == entity_id
            and event.start <= mention.start < event.end
            and mention.resolution != "reference"
        ):
            return mention.text
    return None


def predict_events(
    sentences: Sequence[GoldSentence],
    *,
    nlp: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, list[PredictedEvent]]:
    """warwire's events for each gold sentence, by sentence id."""
    from warwire.analysis import analyze

    predicted: dict[str, list[PredictedEvent]] = {}
    for done, sentence in enumerate(sentences, 1):
        analysis = analyze(sentence.text, published=sentence.published, nlp=nlp)
        mentions = sorted(analysis.mentions, key=lambda m: m.start)
        predicted[sentence.id] = [
            PredictedEvent(
                sub_event_type=event.sub_event_type,
                actor1=_words(event.actor1, event, mentions),
                actor2=_words(event.actor2, event, mentions),
                location=_words(event.location, event, mentions),
                fatalities_low=event.fatalities_low,
                fatalities_high=event.fatalities_high,
                hedged=event.hedged,
                negated=event.negated,
                future=event.future,
                attributed_to=event.attributed_to,
                historical=event.historical,
            )
            for event in analysis.events
        ]
        if progress is not None:
            progress(done, len(sentences))
    return predicted


def evaluate_event_gold(
    path: Path, *, nlp: Any = None, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Score warwire's events on a gold file in the ``events_gold.jsonl`` format."""
    gold = read_gold(path)
    return score_events(gold, predict_events(gold, nlp=nlp, progress=progress))
