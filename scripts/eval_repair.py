"""Measure glued-word repair on text glued the way wire scrapes are.

Takes clean news sentences (JSON Lines with a ``sentence_normalized`` field, e.g.
NewsMTSC's train.jsonl, or plain-text files, one paragraph per line), builds
paragraphs, wraps them at a fixed width as a wire does, drops the line breaks
without a space, repairs, and compares with the original.

    python scripts/eval_repair.py ../shared/data/newsmtsc/train.jsonl [--width 60 69]

Prints precision and recall over inserted spaces, the share of real words split
(false splits per 1,000 words), and the same on the clean (unglued) text, where
every repair is a false one.
"""
from __future__ import annotations

import argparse
import json
import random
import textwrap
from pathlib import Path

from framing.text import repair_blocks


def load_paragraphs(path: Path, per_paragraph: int = 4, limit: int = 3000) -> list[str]:
    sents: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if path.suffix == ".jsonl":
            line = json.loads(line)["sentence_normalized"]
        sents.append(" ".join(line.split()))
    paras = [" ".join(sents[i:i + per_paragraph]) for i in range(0, len(sents), per_paragraph)]
    return paras[:limit]


def glue(paragraph: str, width: int) -> tuple[str, set[int]]:
    """Wrap at ``width`` and join lines without a space; return text and gap positions."""
    lines = textwrap.wrap(paragraph, width=width, break_long_words=False, break_on_hyphens=False)
    out, gaps, pos = [], set(), 0
    for i, line in enumerate(lines):
        if i:
            gaps.add(pos)
        out.append(line)
        pos += len(line)
    return "".join(out), gaps


def inserted(raw: str, fixed: str) -> set[int]:
    """Positions in ``raw`` where a space was inserted."""
    out, i = set(), 0
    for ch in fixed:
        if i < len(raw) and ch == raw[i]:
            i += 1
        else:
            out.add(i)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--width", type=int, nargs=2, default=(60, 69))
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    paras = load_paragraphs(args.source)
    tp = fp = fn = words = clean_fp = 0
    examples = []
    for a in range(min(args.articles, len(paras) // 6)):
        block = paras[a * 6:(a + 1) * 6]
        width = rng.randint(*args.width)
        glued = [glue(p, width) for p in block]
        fixed, _ = repair_blocks([g for g, _ in glued])
        for (raw, gold), new in zip(glued, fixed):
            got = inserted(raw, new)
            tp += len(got & gold)
            fp += len(got - gold)
            fn += len(gold - got)
            words += len(raw.split()) + len(gold)
            for p in sorted(got - gold)[:2]:
                examples.append(("false", raw[max(0, p - 15):p + 15]))
            for p in sorted(gold - got)[:1]:
                examples.append(("missed", raw[max(0, p - 15):p + 15]))
        clean, _ = repair_blocks(block)
        clean_fp += sum(len(inserted(o, n)) for o, n in zip(block, clean))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print(f"glued: precision {prec:.3f} recall {rec:.3f} (tp {tp}, fp {fp}, fn {fn}); "
          f"false splits per 1,000 words {1000 * fp / words:.2f}")
    print(f"clean: false splits per 1,000 words {1000 * clean_fp / words:.2f} ({clean_fp})")
    for kind, ex in examples[:40]:
        print(f"  {kind:6} {ex!r}")


if __name__ == "__main__":
    main()
