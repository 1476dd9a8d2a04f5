"""Speed of time-expression normalisation on a ~1,000-word English news report.

    .venv/bin/python benchmarks/timex_speed.py [--runs 200]

Builds one deterministic report from invented sentences (about one time expression every 15
words, as in wire copy), runs :func:`warwire.nlp.timex.find_timexes` on it ``--runs`` times and
prints the words, expressions found and mean (also median and minimum, which a busy machine
disturbs less) milliseconds per report as JSON on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time

from warwire.nlp.timex import find_timexes

SENTENCES = (
    "Rebels said on Thursday that they had taken the town after a siege of three months.",
    "The ministry reported that 1,500 fighters and two F-16 jets joined the assault last week.",
    "Aid agencies will meet in Geneva next Tuesday to discuss the crisis, officials said.",
    "The group has held the dam since August 2014, according to local elders.",
    "Fighting raged between May and July 2017 along the river valley.",
    "Convoys cross the border every Friday, although shelling stopped them yesterday.",
    "Two years ago the militia controlled only a handful of villages in the province.",
    "The council passed Resolution 2254 in December 2015 after weeks of negotiations.",
    "Casualties rose sharply in the third quarter, the monitoring group said in a statement.",
    "Tribal leaders, who first clashed with the army in the 1990s, called for talks.",
    "The 4th Armoured Division advanced at 6 a.m. on Saturday and reached the outskirts by noon.",
    "A 6-year-old boy was among the wounded, a doctor at the hospital told reporters.",
    "Earlier this month, the government announced a ceasefire that lasted for 48 hours.",
    "Residents said the market had been shelled daily since mid-2016.",
    "The envoy is expected to return to the capital in early September.",
    "Prices of bread have doubled this year, and fuel is scarce in the northern districts.",
)


def build_report(words: int = 1000, *, seed: int = 7) -> str:
    """A deterministic report of about ``words`` words, paragraphs of four sentences."""
    rng = random.Random(seed)
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(SENTENCES)
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="repetitions to average")
    parser.add_argument("--words", type=int, default=1000, help="report length in words")
    args = parser.parse_args()
    text = build_report(args.words)
    dct = dt.date(2018, 3, 14)
    found = find_timexes(text, dct=dct)  # warm-up: compiles nothing new, fills caches
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        find_timexes(text, dct=dct)
        timings.append(time.perf_counter() - start)
    result = {
        "words": len(text.split()),
        "timexes": len(found),
        "runs": args.runs,
        "mean_ms": round(1000 * sum(timings) / len(timings), 3),
        "median_ms": round(1000 * statistics.median(timings), 3),
        "min_ms": round(1000 * min(timings), 3),
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
