"""Evaluate the time-expression layer on TimeML files: ``warwire eval timex DIR --json``.

    .venv/bin/python -m warwire.evaluate.timex /work/shared/data/time/TempEval3/Training [--errors]

Reads every ``.tml`` file under the directory with its document creation time, runs
:func:`warwire.nlp.timex.find_timexes` on the body text and scores it the TempEval-3 way
(:mod:`warwire.nlp.timex.scorer`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from warwire.nlp.timex import find_timexes
from warwire.nlp.timex.scorer import Tally
from warwire.nlp.timex.timeml import read_timeml_dir


def score_timex(directory: Path) -> Tally:
    """The full tally for ``directory``, with the list of disagreements."""
    tally = Tally()
    for document in read_timeml_dir(directory):
        system = find_timexes(document.text, dct=document.dct)
        tally.add(document.timexes, system)
    return tally


def evaluate_timex(directory: Path) -> dict[str, float | int]:
    """Extent P/R/F1 (strict, relaxed), type accuracy and value F1 over a TimeML directory.

    Keys include ``extent_f1_strict``, ``extent_f1_relaxed``, ``type_acc``, ``value_f1`` and
    ``n`` (gold timexes). Raises :class:`warwire.errors.InputError` for a missing directory or
    one without ``.tml`` files.
    """
    return score_timex(directory).scores()


def main(argv: list[str] | None = None) -> int:
    """Print the scores as JSON; ``--errors`` lists the disagreements on stderr."""
    parser = argparse.ArgumentParser(description="Score time expressions on TimeML files.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--errors", action="store_true", help="print disagreements to stderr")
    args = parser.parse_args(argv)
    tally = score_timex(args.directory)
    if args.errors:
        for gold, system in tally.errors:
            g = f"{gold.type} {gold.value} {gold.start}" if gold else "-"
            s = f"{system.type} {system.value} {system.start}" if system else "-"
            text = getattr(gold or system, "text", "")
            sys_text = getattr(system, "text", "") if gold and system else ""
            print(f"{text!r}\t{g}\t{s}\t{sys_text!r}", file=sys.stderr)
    json.dump(tally.scores(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
