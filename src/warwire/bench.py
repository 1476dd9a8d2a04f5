"""``warwire bench``: throughput of the full ingest against spaCy's own ``nlp.pipe``.

Generates (or reads) a corpus of reports, then times on the same texts, in one run:
raw ``nlp.pipe`` with the same model, ``ingest`` in this process, and ``ingest`` with a pool of
worker processes. Model loading and worker start-up are outside the timings; reading files,
language detection, annotation and storing are inside.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_ACTORS = (
    "government forces",
    "the army",
    "rebel fighters",
    "a local militia",
    "tribal fighters",
    "security forces",
    "insurgents",
    "the coalition",
    "police",
    "armed men",
)
_PLACES = (
    "Mosul",
    "Raqqa",
    "Aleppo",
    "Idlib",
    "Kirkuk",
    "Sanaa",
    "Aden",
    "Tripoli",
    "Benghazi",
    "Kandahar",
    "Kabul",
    "Maiduguri",
    "Gao",
    "Timbuktu",
    "Mogadishu",
    "Kismayo",
    "Goma",
    "Mariupol",
    "Kharkiv",
    "Donetsk",
    "Homs",
    "Deir ez-Zor",
    "Fallujah",
    "Ramadi",
    "Sirte",
)
_VERBS = (
    "attacked",
    "shelled",
    "surrounded",
    "withdrew from",
    "entered",
    "retook",
    "raided",
    "clashed with residents near",
    "set up checkpoints around",
    "launched an offensive on",
)
_TIMES = (
    "on Thursday",
    "last week",
    "early on Monday",
    "in May",
    "two days ago",
    "overnight",
    "on Sunday evening",
    "earlier this month",
    "late last year",
    "at dawn",
)
_NUMBERS = ("at least 12", "dozens of", "more than 200", "about 40", "nearly 1,500", "three")
_OUTLETS = ("Levant Wire", "Sahel Monitor", "Horn Dispatch", "Steppe Courier", "Gulf Ledger")
_SOURCES = (
    "a local official said",
    "according to witnesses",
    "the monitoring group reported",
    "a military spokesman told reporters",
    "residents said by telephone",
)


def generate_corpus(folder: Path, n: int, *, seed: int = 7) -> list[Path]:
    """Write ``n`` synthetic reports (about 200-300 words each) as .txt files with headers."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(n):
        place = rng.choice(_PLACES)
        sentences = []
        for _ in range(rng.randint(9, 14)):
            sentences.append(
                f"{rng.choice(_ACTORS).capitalize()} {rng.choice(_VERBS)} "
                f"{rng.choice(_PLACES)} {rng.choice(_TIMES)}, {rng.choice(_SOURCES)}, "
                f"and {rng.choice(_NUMBERS)} people were reported killed or wounded "
                f"in the fighting around {rng.choice(_PLACES)}."
            )
        day = 1 + i % 28
        header = (
            f"Title: Fighting reported near {place} (report {i})\n"
            f"Source: {rng.choice(_OUTLETS)}\n"
            f"Published: 2016-{1 + i % 12:02d}-{day:02d}\n\n"
        )
        path = folder / f"report_{i:05d}.txt"
        path.write_text(header + " ".join(sentences) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_throughput(
    *,
    corpus: Path | None = None,
    n: int = 2000,
    workers: Sequence[int] = (1, 2),
    model: str = "",
    repeat: int = 1,
    log: Callable[[str], Any] = print,
) -> dict[str, Any]:
    """Time nlp.pipe and ingest on one corpus; return figures as plain dictionaries.

    With ``repeat`` above 1 every run is made that many times, the runs interleaved
    (pipe, ingest without places, full ingest, pools, then again), and each keeps its
    fastest time, which filters out the noise of a shared machine.
    """
    from warwire.ingest import ReadOptions, expand, read_source
    from warwire.ingest.sources import Source
    from warwire.nlp.parallel import ProcessPoolAnnotator
    from warwire.nlp.pipeline import SpacyAnnotator, load_pipeline
    from warwire.pipeline import ingest
    from warwire.store import SQLiteStore

    with tempfile.TemporaryDirectory(prefix="warwire-bench-") as tmp:
        tmpdir = Path(tmp)
        if corpus is None:
            corpus = tmpdir / "corpus"
            log(f"generating {n} reports in {corpus}")
            generate_corpus(corpus, n)
        options = ReadOptions()
        texts = [
            doc.text
            for src in expand([str(corpus)], options)
            if isinstance(src, Source)
            for doc in read_source(src, options)
        ]
        words = sum(len(t.split()) for t in texts)
        log(f"{len(texts)} reports, {words:,} words")
        nlp = load_pipeline(model)
        from warwire.actors import load_actor_base

        load_actor_base()  # loaded once per process, like the model: outside the timings

        best: dict[str, float] = {}

        def keep(run_name: str, elapsed: float) -> None:
            best[run_name] = min(elapsed, best.get(run_name, elapsed))
            log(f"{run_name}: {elapsed:.1f} s")

        plans: list[tuple[str, int, bool]] = [("ingest --no-places --workers 1", 1, False)]
        plans += [(f"ingest --workers {count}", count, True) for count in workers]
        for round_no in range(repeat):
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            keep("nlp.pipe", time.perf_counter() - start)
            for run_name, count, places in plans:
                db = tmpdir / f"ingest-{count}-{places}-{round_no}.db"
                with SQLiteStore(db) as store:
                    if count == 1:
                        annotator: Any = SpacyAnnotator(
                            nlp, geoparser=_geoparser(nlp) if places else None, actors=True
                        )
                        start = time.perf_counter()
                        summary = ingest([str(corpus)], store=store, annotator=annotator)
                        elapsed = time.perf_counter() - start
                    else:
                        with ProcessPoolAnnotator(count, model=model, places=places) as pool:
                            pool.warm_up()
                            start = time.perf_counter()
                            summary = ingest([str(corpus)], store=store, annotator=pool)
                            elapsed = time.perf_counter() - start
                if summary.new != len(texts):
                    log(f"warning: ingest stored {summary.new} of {len(texts)} reports")
                keep(run_name, elapsed)
        runs: dict[str, dict[str, float]] = {
            name: {"seconds": seconds, "words_per_s": words / seconds}
            for name, seconds in best.items()
        }

    for figures in runs.values():
        figures["ratio_to_pipe"] = figures["words_per_s"] / runs["nlp.pipe"]["words_per_s"]
    summary_figures: dict[str, Any] = {"reports": len(texts), "words": words, "repeat": repeat}
    if "ingest --workers 1" in runs:
        summary_figures["ingest_1_over_pipe"] = round(
            runs["ingest --workers 1"]["ratio_to_pipe"], 3
        )
        for count in workers:
            if count > 1:
                speedup = (
                    runs["ingest --workers 1"]["seconds"]
                    / runs[f"ingest --workers {count}"]["seconds"]
                )
                summary_figures[f"speedup_{count}_workers"] = round(speedup, 3)
        plain_s = runs["ingest --no-places --workers 1"]["seconds"]
        summary_figures["geoparse_overhead"] = round(
            runs["ingest --workers 1"]["seconds"] / plain_s - 1.0, 3
        )
    return {"runs": runs, "summary": summary_figures}


def _geoparser(nlp: Any) -> Any:
    from warwire.geo import load_gazetteer
    from warwire.geo.parser import Geoparser

    return Geoparser(load_gazetteer(), nlp)
