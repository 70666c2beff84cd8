"""Macro-F1 of the kit's "about" tone on NewsMTSC, with baselines.

Usage::

    python scripts/eval_newsmtsc.py DATA_DIR

Prints, for train / dev_rw / dev_mt, plain and with the lexicon adjustment
(framing/data/lexicon_adjustments.csv):

* ``vader_sentence`` -- VADER compound of the whole sentence, cut at +/-0.05;
* ``vader_sentence_tuned`` -- the same score, cut points chosen on dev_rw;
* ``window8`` -- VADER compound of +/-8 tokens around the mention, cut at +/-0.05;
* ``window8_tuned`` -- the same, cut points chosen on dev_rw;
* ``model`` -- :func:`framing.sentiment.target_sentiment` with the shipped thresholds.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from framing import sentiment as S  # noqa: E402
from train_target_model import choose_thresholds  # noqa: E402

SPLITS = ("train", "dev_rw", "dev_mt")
VADER_CUTS = {"negative": -0.05, "positive": 0.05}


def evaluate(data: dict, adjust) -> dict[str, dict[str, float]]:
    scores = {
        "vader_sentence": {s: [S.tone(t, adjust) for t, *_ in rows] for s, rows in data.items()},
        "window8": {s: [S.window_tone(t, a, b, 8, adjust) for t, a, b, _ in rows] for s, rows in data.items()},
        "model": {s: [S.target_sentiment(t, a, b, adjust) for t, a, b, _ in rows] for s, rows in data.items()},
    }
    gold = {s: [r[3] for r in rows] for s, rows in data.items()}
    out: dict[str, dict[str, float]] = {}
    for name in ("vader_sentence", "window8"):
        tuned = choose_thresholds(scores[name]["dev_rw"], gold["dev_rw"])
        for label, cuts in ((name, VADER_CUTS), (name + "_tuned", tuned)):
            out[label] = {s: S.macro_f1(gold[s], [S.classify(x, cuts) for x in scores[name][s]]) for s in SPLITS}
    out["model"] = {s: S.macro_f1(gold[s], [S.classify(x) for x in scores["model"][s]]) for s in SPLITS}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    args = ap.parse_args(argv)
    data = {s: S.load_newsmtsc(args.data_dir / f"{s}.jsonl") for s in SPLITS}
    print("macro-F1 on NewsMTSC (thresholds: +/-0.05, or chosen on dev_rw; model: shipped thresholds)")
    print(f"{'method':28} {'lexicon':9} " + " ".join(f"{s:>7}" for s in SPLITS))
    for adjust, label in ((False, "plain"), (True, "adjusted")):
        for name, row in evaluate(data, adjust).items():
            print(f"{name:28} {label:9} " + " ".join(f"{row[s]:7.4f}" for s in SPLITS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
