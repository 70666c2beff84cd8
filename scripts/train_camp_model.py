"""Train the camp model (framing.camps) from hand-coded claim sets.

    python scripts/train_camp_model.py FOLDER [FOLDER ...] [--out framing/data/camp_model.json]

Each FOLDER holds ``articles/`` and ``gold/`` in the format of tests/fixtures (the evaluation
format, docs/codebook.md). The extractor runs with rule camps only; every predicted claim that
matches a hand-coded one (framing.evaluate's matcher) gives one example: the features of
framing.camps.claim_features and the hand-coded camp. The model is an L2-regularised
multinomial logistic regression fitted by full-batch Adagrad from zero weights, so the same
folders give the same file. Features seen fewer than MIN_COUNT times are dropped.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from framing import paths
from framing.camps import CAMPS, claim_features
from framing.evaluate import coded_articles, match_article
from framing.pipeline import analyze_file

LAM, ITERS, RATE, MIN_COUNT = 1e-3, 300, 0.5, 3


def examples(folders: list[str]) -> list[tuple[dict, str]]:
    out = []
    for folder in folders:
        for _, path, gold in coded_articles(folder):
            t = analyze_file(path, n_boot=10, camp_model=False)
            text = t["articles"]["text"].iloc[0]
            by_actor: dict[str, list] = {}
            for m in t["mentions"].to_dict("records"):
                by_actor.setdefault(m["actor"], []).append(m)
            for g, p in match_article(text, t["claims"], gold):
                if p is not None:
                    out.append((claim_features(text, p, by_actor.get(p["speaker"], [])), g["camp"]))
        print(folder, len(out), file=sys.stderr)
    return out


def fit(rows: list[tuple[dict, str]]) -> dict:
    counts: dict[str, int] = {}
    for f, _ in rows:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT)
    index = {k: i for i, k in enumerate(names)}
    r, c, v = [], [], []
    for i, (f, _) in enumerate(rows):
        for k, val in f.items():
            if k in index:
                r.append(i); c.append(index[k]); v.append(val)
    r, c, v = np.array(r), np.array(c), np.array(v)
    n, d, K = len(rows), len(names), len(CAMPS)
    Y = np.eye(K)[[CAMPS.index(camp) for _, camp in rows]]
    W, b = np.zeros((d, K)), np.zeros(K)
    gw2, gb2 = np.full((d, K), 1e-8), np.full(K, 1e-8)
    for _ in range(ITERS):
        Z = np.stack([np.bincount(r, weights=v * W[c, k], minlength=n) for k in range(K)], axis=1) + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) / n
        gW = np.stack([np.bincount(c, weights=v * G[r, k], minlength=d) for k in range(K)], axis=1) + LAM * W
        gb = G.sum(axis=0)
        gw2 += gW ** 2
        gb2 += gb ** 2
        W -= RATE * gW / np.sqrt(gw2)
        b -= RATE * gb / np.sqrt(gb2)
    return {"classes": list(CAMPS), "bias": [round(float(x), 6) for x in b],
            "features": {k: [round(float(x), 6) for x in W[i]] for k, i in index.items()},
            "examples": n, "lambda": LAM, "iterations": ITERS, "min_count": MIN_COUNT}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--out", default=str(paths.DATA / "camp_model.json"))
    args = ap.parse_args(argv)
    model = fit(examples(args.folders))
    model["trained_on"] = [Path(f).name or f for f in args.folders]
    Path(args.out).write_text(json.dumps(model, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{args.out}: {model['examples']} examples, {len(model['features'])} features", file=sys.stderr)


if __name__ == "__main__":
    main()
