"""Speed of the full analysis as a ratio to VADER alone, in the same process.

    python benchmarks/bench_pipeline.py [FILES...]

Baseline: vaderSentiment's polarity_scores over every sentence of each article
(what "VADER alone" costs). Measured: framing.pipeline.analyze_article on the same
articles, after reading (reading and repair are timed separately). Each ratio comes from
a back-to-back pair of runs; the median over 15 pairs is reported. The design goal is
a ratio of about 2.

The first line, "corpus run, cold", is the realistic one: new articles (sentence cache
emptied), rows per article, the tables built once for the corpus, as `framing analyze`
does. The "analysis" line repeats the same articles, so from the second run on every
sentence is in framing.sentiment's sentence cache (VADER is not run again); it is kept
as is to stay comparable with earlier numbers. Two more lines: "analysis, cold" empties
that cache before each run (what a corpus of new articles pays), and "rows only" times
framing.pipeline.article_records, the per-article unit a corpus run streams (analyze()
builds DataFrames once per corpus, analyze_article once per article).
"""
from __future__ import annotations

import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing import paths, sentiment
from framing.corpus import read_article
from framing.pipeline import _concat, analyze_article, article_records
from framing.text import sentences


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def paired_ratios(fn, base, repeat: int) -> list[float]:
    """fn/base time ratios, each from a back-to-back pair (robust to a busy machine)."""
    return sorted(timed(fn) / timed(base) for _ in range(repeat))


def main(files: list[str], repeat: int = 15) -> None:
    files = files or [str(paths.SEED)]
    records = [r for f in files for r in read_article(f)]
    sia = SentimentIntensityAnalyzer()
    sents = [s["text"] for r in records for s in sentences(r["text"], r["regions"])]
    analyze_article(records[0], n_boot=200)  # warm caches (data files, model)

    def vader():
        return [sia.polarity_scores(s) for s in sents]

    clear = getattr(sentiment, "clear_caches", sentiment._CACHE.clear)

    def cold():
        clear()
        return [analyze_article(r, n_boot=200) for r in records]

    def corpus():
        # What `framing analyze` does for new articles: rows per article, tables once.
        clear()
        return _concat((article_records(r, n_boot=200) for r in records), n_boot=200)

    corpus_run = paired_ratios(corpus, vader, repeat)
    full = paired_ratios(lambda: [analyze_article(r, n_boot=200) for r in records], vader, repeat)
    full_cold = paired_ratios(cold, vader, repeat)
    rows = paired_ratios(lambda: [article_records(r, n_boot=200) for r in records], vader, repeat)
    read = paired_ratios(lambda: [read_article(f) for f in files], vader, repeat)
    ms = 1000 * min(timed(vader) for _ in range(repeat))
    print(f"{len(records)} articles, {len(sents)} sentences; VADER alone {ms:.1f} ms")
    for name, r in (("corpus run, cold", corpus_run), ("analysis", full), ("analysis, cold", full_cold), ("rows only", rows),
                    ("reading + repair", read)):
        q = len(r) // 4
        print(f"{name:<18} / VADER: median {r[len(r) // 2]:5.2f}  (quartiles {r[q]:.2f}-{r[-q - 1]:.2f})")


if __name__ == "__main__":
    main(sys.argv[1:])
