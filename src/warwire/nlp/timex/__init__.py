"""Time expressions: recognition, normalisation to TimeML values and anchoring to the DCT.

    >>> import datetime as dt
    >>> [t.value for t in find_timexes("He said on Friday.", dct=dt.date(2013, 3, 20))]
    ['2013-03-15']

Rule-based in the style of HeidelTime: one regular expression per class of expression over the
raw text (:mod:`.patterns`), a lexicon of month, weekday, season and number words
(:mod:`.lexicon`), a normaliser per class (:mod:`.normalise`, :mod:`.relative`,
:mod:`.durations`) and anchoring with tense cues (:mod:`.anchor`). No spaCy in the hot path.
"""

from __future__ import annotations

from warwire.models import Timex
from warwire.nlp.timex.recognise import find_timexes
from warwire.nlp.timex.sentences import SentenceTime, sentence_times

__all__ = ["SentenceTime", "Timex", "find_timexes", "sentence_times"]
