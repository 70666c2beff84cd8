"""Speed of the full analysis as a ratio to VADER alone, in the same process.

    python benchmarks/bench_pipeline.py [FILES...]

Baseline: vaderSentiment's polarity_scores over every sentence of each article
(what "VADER alone" costs). Measured: framing.pipeline.analyze_article on the same
articles, after reading (reading and repair are timed separately). The goal in the
design is a ratio of about 2.
"""
from __future__ import annotations

import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing import paths
from framing.corpus import read_article
from framing.pipeline import analyze_article
from framing.text import sentences


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(files: list[str]) -> None:
    files = files or [str(paths.SEED)]
    records = [r for f in files for r in read_article(f)]
    sia = SentimentIntensityAnalyzer()
    sents = [s["text"] for r in records for s in sentences(r["text"], r["regions"])]
    analyze_article(records[0], n_boot=200)  # warm caches (data files, model)
    vader = best_of(lambda: [sia.polarity_scores(s) for s in sents])
    full = best_of(lambda: [analyze_article(r, n_boot=200) for r in records])
    read = best_of(lambda: [read_article(f) for f in files])
    print(f"{len(records)} articles, {len(sents)} sentences")
    print(f"VADER alone:        {1000 * vader:8.2f} ms")
    print(f"analysis:           {1000 * full:8.2f} ms  ratio {full / vader:5.2f}")
    print(f"reading + repair:   {1000 * read:8.2f} ms  ratio {read / vader:5.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
