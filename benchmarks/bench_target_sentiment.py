"""Cost of target_sentiment relative to plain VADER, on the same sentences.

Usage::

    python benchmarks/bench_target_sentiment.py [N_SENTENCES]

Builds synthetic news-like sentences (no data needed) with two or three actor
mentions each, then times, in one process: (a) ``polarity_scores`` once per
sentence (what a plain VADER pipeline pays), (b) ``tone`` plus
``target_sentiment`` for every mention on a cold cache (what the kit pays).
Prints both times and their ratio.
"""
from __future__ import annotations

import random
import sys
import time

from framing import sentiment as S

ACTORS = ["Police", "the protesters", "Navalny", "the Kremlin", "the mayor", "volunteers", "the court"]
VERBS = ["attacked", "praised", "criticised", "met", "arrested", "thanked", "accused", "supported"]
TAILS = ["on Tuesday, officials said.", "after a peaceful march in the city centre.",
         "in a brutal crackdown that drew wide condemnation.", "and promised a fair trial.",
         "while thousands gathered outside, chanting slogans.", ", a move critics called shameful."]


def sentences(n: int, seed: int = 0) -> list[tuple[str, list[tuple[int, int]]]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        a, b = rng.sample(ACTORS, 2)
        text = f"{a.capitalize() if a[0].islower() else a} {rng.choice(VERBS)} {b} {rng.choice(TAILS)} (#{k})"
        spans = [(text.index(b), text.index(b) + len(b)), (0, len(a))]
        out.append((text, spans))
    return out


def main(n: int = 20000) -> float:
    data = sentences(n)
    S.load_model()  # load once, outside the timing
    sia = S.analyzer()
    t0 = time.perf_counter()
    for text, _ in data:
        sia.polarity_scores(text)
    vader = time.perf_counter() - t0
    getattr(S, "clear_caches", S._CACHE.clear)()
    t0 = time.perf_counter()
    for text, spans in data:
        S.tone(text)
        for start, end in spans:
            S.target_sentiment(text, start, end)
    kit = time.perf_counter() - t0
    n_mentions = sum(len(s) for _, s in data)
    print(f"{n} sentences, {n_mentions} mentions")
    print(f"VADER polarity_scores:          {vader:.3f} s ({n / vader:,.0f} sentences/s)")
    print(f"tone + target_sentiment (all):  {kit:.3f} s ({n / kit:,.0f} sentences/s)")
    print(f"ratio: {kit / vader:.2f}x")
    return kit / vader


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
