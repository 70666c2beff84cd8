"""Measure the claim extractor against hand coding (``tests/fixtures/gold``).

A predicted claim matches a gold claim when its span (speaker mention, cue and
content) covers the gold anchor, one to one; then speaker and camp are compared.

>>> from framing.evaluate import score_claims
>>> df = score_claims()            # doctest: +SKIP
>>> df.loc["ALL", ["precision", "recall", "f1"]]   # doctest: +SKIP
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from framing import paths


def _norm(s: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", str(s).strip().lower())
    return re.sub(r"['’]s\b", "", s)


def same_speaker(pred: str, gold: str) -> bool:
    """Lenient speaker match: equal after normalising, or same surname / head word."""
    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return False
    if p == g or p in g or g in p:
        return True
    # "Lusk's aide" and "an aide to Petra Lusk" name the same speaker.
    pw, gw = set(re.findall(r"\w+", p)), set(re.findall(r"\w+", g))
    return p.split()[-1] == g.split()[-1] or pw <= gw or gw <= pw


def match_article(text: str, claims: pd.DataFrame, gold: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pairs (gold, predicted or None); unmatched predictions are the rest of ``claims``."""
    rows = claims.to_dict("records") if len(claims) else []
    used: set[int] = set()
    pairs = []
    for g in gold:
        pos = text.find(g["anchor"])
        if pos < 0:
            pairs.append((g, None))
            continue
        a0, a1 = pos, pos + len(g["anchor"])
        best, best_key = None, None
        for i, r in enumerate(rows):
            if i in used:
                continue
            lo = min(r["cue_start"] if r["cue"] else r["start"], r["start"])
            hi = max(r["cue_end"], r["end"])
            sp = r.get("speaker_start", -1)
            if r["cue"] and sp is not None and sp >= 0 and abs(sp - r["cue_start"]) < 150:
                # The anchor is usually the cue with its subject ("Witnesses in Brenov said").
                lo, hi = min(lo, sp), max(hi, r.get("speaker_end", sp))
            if lo < a1 and a0 < hi:
                cue_hit = r["cue"] and r["cue_start"] < a1 and a0 < r["cue_end"]
                key = (0 if cue_hit else 1, abs(r["cue_start"] - a0))
                if best_key is None or key < best_key:
                    best, best_key = i, key
        if best is not None:
            used.add(best)
            pairs.append((g, rows[best]))
        else:
            pairs.append((g, None))
    return pairs


def coded_articles(fixtures: str | Path = paths.FIXTURES) -> list[tuple[str, Path, list[dict]]]:
    """(stem, article path, gold rows) for every coded article: fixtures and the seed."""
    fixtures = Path(fixtures)
    out = []
    for gpath in sorted((fixtures / "gold").glob("*.jsonl")):
        stem = gpath.stem
        cands = [p for p in [paths.CORPUS / f"{stem}.txt", *sorted((fixtures / "articles").glob(f"{stem}.*"))]
                 if p.exists() and p.suffix in (".txt", ".md", ".markdown", ".html")]
        if cands:
            gold = [json.loads(x) for x in gpath.read_text(encoding="utf-8").splitlines() if x.strip()]
            out.append((stem, cands[0], gold))
    return out


def _analysed(path: Path, camp_model: bool = True) -> tuple[str, pd.DataFrame]:
    from framing.pipeline import analyze_file

    tables = analyze_file(path, n_boot=10, camp_model=camp_model)
    if tables["articles"].empty:  # the corpus run recorded the failure instead of raising
        err = tables["errors"]
        raise ValueError(f"{path}: not analysed: {err['problem'].iloc[0] if len(err) else 'no article'}")
    return tables["articles"]["text"].iloc[0], tables["claims"]


def score_claims(fixtures: str | Path = paths.FIXTURES, *, region: str | None = None,
                 camp_model: bool = True) -> pd.DataFrame:
    """Precision, recall, F1, speaker and camp accuracy per coded article and overall.

    ``region`` restricts both sides to one region (e.g. "body"); ``camp_model=False`` scores
    the rule camps (framing.camps was trained on the development sets, so only a set it was
    not trained on measures it).
    """
    out = []
    for stem, path, gold in coded_articles(fixtures):
        text, claims = _analysed(path, camp_model)
        if region:
            gold = [g for g in gold if g["region"] == region]
            claims = claims[claims["region"] == region]
        pairs = match_article(text, claims, gold)
        out.append({"article": stem, "gold": len(gold), "predicted": len(claims),
                    "matched": sum(p is not None for _, p in pairs),
                    "speaker_ok": sum(p is not None and same_speaker(p["speaker"], g["speaker"]) for g, p in pairs),
                    "camp_ok": sum(p is not None and p["camp"] == g["camp"] for g, p in pairs)})
    df = pd.DataFrame(out).set_index("article")
    df.loc["ALL"] = df.sum()
    df["precision"] = df["matched"] / df["predicted"].where(df["predicted"] > 0)
    df["recall"] = df["matched"] / df["gold"].where(df["gold"] > 0)
    df["f1"] = 2 * df["precision"] * df["recall"] / (df["precision"] + df["recall"])
    df["speaker_accuracy"] = df["speaker_ok"] / df["matched"].where(df["matched"] > 0)
    df["camp_accuracy"] = df["camp_ok"] / df["matched"].where(df["matched"] > 0)
    return df


def errors(fixtures: str | Path = paths.FIXTURES, stem: str = "") -> pd.DataFrame:
    """Misses, false alarms and wrong speakers of one coded article, for inspection."""
    _, path, gold = next(a for a in coded_articles(fixtures) if a[0] == stem)
    text, claims = _analysed(path)
    rows, matched = [], set()
    for g, p in match_article(text, claims, gold):
        if p is None:
            rows.append({"type": "missed", "anchor": g["anchor"], "gold": g["speaker"], "pred": ""})
            continue
        matched.add(p["claim"])
        if not same_speaker(p["speaker"], g["speaker"]) or p["camp"] != g["camp"]:
            rows.append({"type": "speaker", "anchor": g["anchor"], "gold": f'{g["speaker"]} ({g["camp"]})',
                         "pred": f'{p["speaker"]} ({p["camp"]})'})
    for p in claims.to_dict("records"):
        if p["claim"] not in matched:
            rows.append({"type": "false", "anchor": text[p["cue_start"]:p["cue_end"]] + " | " + p["text"][:60],
                         "gold": "", "pred": f'{p["speaker"]} ({p["camp"]})'})
    return pd.DataFrame(rows, columns=["type", "anchor", "gold", "pred"])
