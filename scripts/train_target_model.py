"""Train the target-sentiment model shipped as framing/data/target_model.json.

Usage::

    python scripts/train_target_model.py DATA_DIR [--out framing/data/target_model.json]

DATA_DIR holds NewsMTSC's train.jsonl, dev_rw.jsonl and dev_mt.jsonl.  The
model is a multinomial logistic regression (L2, fitted with a numpy L-BFGS)
over the features of :func:`framing.sentiment.mention_features`.  The
regularisation strength, the vocabulary cut-off and the feature groups are
chosen by macro-F1 on dev_rw; then the two thresholds of :func:`classify` are
chosen on dev_rw.  Deterministic: rerunning it rewrites the same file.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from framing import sentiment as S

CLASS_INDEX = {c: k for k, c in enumerate(S.CLASSES)}
# Feature groups by name prefix; "vader" (scope scores and flags) is always on.
GROUPS = {
    "clause_words": ("w:",),
    "sentence_words": ("s:",),
    "bigrams": ("b:",),
    "neighbours": ("p1:", "p2:", "n1:", "n2:"),
    "near_words": ("d:",),
}
LEXICAL = tuple(p for ps in GROUPS.values() for p in ps)
# Hyperparameter grid, searched in this order (ties keep the earlier, simpler setting).
LAMBDAS = (5e-4, 1e-3, 2e-3)
MIN_COUNTS = (3, 5)
GROUP_SETS = (
    ("clause_words", "sentence_words", "bigrams", "neighbours", "near_words"),
    ("clause_words", "sentence_words", "bigrams", "neighbours"),
    ("clause_words", "bigrams", "neighbours", "near_words"),
    (),
)
DECIMALS = 4


def featurise(rows, adjust=False) -> list[dict[str, float]]:
    out = []
    for text, start, end, _ in rows:
        a = S.analyse(text, adjust)
        i, j = S.mention_tokens(a, start, end)
        out.append(S.mention_features(a, i, j))
    return out


def vocabulary(feats, groups, min_count) -> list[str]:
    prefixes = tuple(p for g in groups for p in GROUPS[g])
    counts = Counter(name for f in feats for name in f)
    keep = [
        name for name, c in counts.items()
        if (not name.startswith(LEXICAL)) or (name.startswith(prefixes) and c >= min_count)
    ]
    return sorted(keep)


def sparse(feats, vocab):
    index = {name: k for k, name in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for name, v in f.items():
            k = index.get(name)
            if k is not None and v:
                rows.append(r)
                cols.append(k)
                vals.append(v)
    return np.array(rows), np.array(cols), np.array(vals, dtype=float), len(feats), len(vocab)


def _logits(X, W, b):
    rows, cols, vals, n, _ = X
    z = np.empty((n, 3))
    for k in range(3):
        z[:, k] = np.bincount(rows, weights=vals * W[cols, k], minlength=n)
    return z + b


def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(X, y, lam, iters=400):
    """L2-regularised multinomial LR by L-BFGS (bias unregularised)."""
    rows, cols, vals, n, d = X
    Y = np.eye(3)[y]

    def loss_grad(theta):
        W, b = theta[: d * 3].reshape(d, 3), theta[d * 3:]
        P = _softmax(_logits(X, W, b))
        loss = -np.sum(Y * np.log(P + 1e-12)) / n + 0.5 * lam * np.sum(W * W)
        G = (P - Y) / n
        gW = np.empty((d, 3))
        for k in range(3):
            gW[:, k] = np.bincount(cols, weights=vals * G[rows, k], minlength=d)
        return loss, np.concatenate([(gW + lam * W).ravel(), G.sum(axis=0)])

    theta = np.zeros(d * 3 + 3)
    f, g = loss_grad(theta)
    s_hist, y_hist, m = [], [], 10
    for _ in range(iters):
        # Two-loop recursion for the L-BFGS direction.
        q = g.copy()
        alphas = []
        for s_, y_ in reversed(list(zip(s_hist, y_hist))):
            a_ = s_ @ q / (y_ @ s_)
            alphas.append(a_)
            q -= a_ * y_
        if s_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for (s_, y_), a_ in zip(zip(s_hist, y_hist), reversed(alphas)):
            q += s_ * (a_ - y_ @ q / (y_ @ s_))
        direction = -q
        step = 1.0
        while True:  # backtracking (Armijo)
            new = theta + step * direction
            f_new, g_new = loss_grad(new)
            if f_new <= f + 1e-4 * step * (g @ direction) or step < 1e-8:
                break
            step *= 0.5
        s_, y_ = new - theta, g_new - g
        if y_ @ s_ > 1e-12:
            s_hist.append(s_)
            y_hist.append(y_)
            if len(s_hist) > m:
                s_hist.pop(0)
                y_hist.pop(0)
        converged = abs(f - f_new) < 1e-9
        theta, f, g = new, f_new, g_new
        if converged:
            break
    return theta[: d * 3].reshape(d, 3), theta[d * 3:]


def scores_of(X, W, b):
    P = _softmax(_logits(X, W, b))
    return [S.polar_margin(*p) for p in P.tolist()], P


def argmax_labels(P):
    return [S.CLASSES[k] for k in P.argmax(axis=1)]


def choose_thresholds(scores, gold):
    """Grid search (step 0.02) for the two cut points maximising macro-F1.

    Cut points stay off 0, where the margin score puts every mention the model
    finds most likely neutral.
    """
    grid = np.round(np.arange(0.02, 0.9001, 0.02), 2)
    best = (-1.0, 0.0, 0.0)
    for lo in -grid:
        for hi in grid:
            pred = ["negative" if s <= lo else "positive" if s >= hi else "neutral" for s in scores]
            f = S.macro_f1(gold, pred)
            # Ties: prefer the pair closest to symmetric cut points around zero.
            key = (f, -abs(lo + hi), -(hi - lo))
            if key > (best[0], -abs(best[1] + best[2]), -(best[2] - best[1])):
                best = (f, float(lo), float(hi))
    return {"negative": best[1], "positive": best[2]}


def dump(model: dict) -> str:
    """JSON with metadata indented and one weight row per line (diff-friendly)."""
    head = {k: v for k, v in model.items() if k != "weights"}
    text = json.dumps(head, indent=1)[:-2]
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in model["weights"].items())
    return text + ',\n "weights": {\n' + rows + "\n }\n}\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--out", type=Path, default=S.MODEL_PATH)
    args = ap.parse_args(argv)

    data = {s: S.load_newsmtsc(args.data_dir / f"{s}.jsonl") for s in ("train", "dev_rw", "dev_mt")}
    feats = {s: featurise(rows) for s, rows in data.items()}
    gold = {s: [r[3] for r in rows] for s, rows in data.items()}
    y = np.array([CLASS_INDEX[g] for g in gold["train"]])

    search = []
    best = None
    for groups in GROUP_SETS:
        for mc in MIN_COUNTS if groups else (0,):
            vocab = vocabulary(feats["train"], groups, mc)
            Xtr, Xdev = sparse(feats["train"], vocab), sparse(feats["dev_rw"], vocab)
            for lam in LAMBDAS:
                W, b = fit(Xtr, y, lam)
                _, P = scores_of(Xdev, W, b)
                f = S.macro_f1(gold["dev_rw"], argmax_labels(P))
                search.append({"groups": list(groups), "min_count": mc, "l2": lam, "dev_rw_f1_argmax": f})
                print(f"groups={'+'.join(groups) or 'vader-only'} min_count={mc} l2={lam:g} "
                      f"features={len(vocab)} dev_rw F1m={f}", file=sys.stderr)
                if best is None or f > best[0]:
                    best = (f, groups, mc, lam)

    _, groups, mc, lam = best
    vocab = vocabulary(feats["train"], groups, mc)
    W, b = fit(sparse(feats["train"], vocab), y, lam)
    W, b = np.round(W, DECIMALS), np.round(b, DECIMALS)
    weights = {name: [float(x) for x in W[k]] for k, name in enumerate(vocab) if np.any(W[k] != 0)}
    model = {
        "format": "framing target-sentiment model v1",
        "classes": list(S.CLASSES),
        "score": "polar margin: sign of the likelier polar class times max(0, P(that class) - P(neutral))",
        "bias": [float(x) for x in b],
        "thresholds": {},
        "hyperparameters": {"groups": list(groups), "min_count": mc, "l2": lam, "optimizer": "L-BFGS (numpy)"},
        "training": {
            "data": "NewsMTSC (Hamborg & Donnay, EACL 2021), MIT licence; fhamborg/NewsMTSC "
                    "b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7, newsmtsc-rw train split",
            "n_train_targets": len(data["train"]),
            "selection": "hyperparameters and thresholds chosen by macro-F1 on dev_rw",
            "search": search,
        },
        "scores": {},
        "weights": weights,
    }
    # Thresholds on dev_rw, then the scores of the shipped (rounded) model.
    dev_scores = [S.polar_margin(*S.predict_proba(f, model)) for f in feats["dev_rw"]]
    model["thresholds"] = choose_thresholds(dev_scores, gold["dev_rw"])
    for s in data:
        pred = [S.classify(S.polar_margin(*S.predict_proba(f, model)), model["thresholds"]) for f in feats[s]]
        model["scores"][f"{s}_macro_f1"] = S.macro_f1(gold[s], pred)
    print(json.dumps({k: model[k] for k in ("hyperparameters", "thresholds", "scores")}, indent=1), file=sys.stderr)
    args.out.write_text(dump(model), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(weights)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
