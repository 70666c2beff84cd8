"""Framing signals: the numbers a framing paper reports, per article.

Every signal is defined in ``docs/signals.md`` (operational definition, counting
unit, literature). The per-article work runs on plain records (lists of dicts),
because it is on the hot path of a corpus run; :func:`ratio_table` is the
DataFrame face for analyses.

>>> import pandas as pd
>>> claims = pd.DataFrame({"article": ["a"] * 3, "region": ["body"] * 3,
...     "camp": ["state", "opposition", "opposition"], "kind": ["direct", "indirect", "direct"],
...     "quoted_words": [5, 0, 7], "sentence": [0, 1, 2], "paragraph": [0, 1, 2],
...     "cue_class": ["neutral"] * 3, "distancing": [False] * 3, "speaker": ["x", "y", "y"]})
>>> r = ratio_table(claims, n_boot=200)
>>> r.loc[r.unit == "claims", ["state", "opposition", "ratio"]].values.tolist()
[[1.0, 2.0, 0.5]]
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.actors import CAMPS
from framing.schema import columns
from framing.stats import interval95

UNITS = ("claims", "direct quotes", "quoted words", "sentences with a claim")
REGION_GROUPS = {"body": ("body",), "headline+summary": ("headline", "summary")}


def _unit_values(claims: list[dict]) -> dict[str, list]:
    """Weight of each claim under each counting unit, as plain lists."""
    seen: set[tuple] = set()
    first_in_sentence = []
    for c in claims:  # each sentence counts once per camp that speaks in it
        key = (c["sentence"], c["camp"])
        first_in_sentence.append(key not in seen)
        seen.add(key)
    return {
        "claims": [1] * len(claims),
        "direct quotes": [c["kind"] == "direct" for c in claims],
        "quoted words": [c["quoted_words"] for c in claims],
        "sentences with a claim": first_in_sentence,
    }


def unit_weights(claims: list[dict]) -> dict[str, np.ndarray]:
    """Weight of each claim under each counting unit (see docs/signals.md)."""
    return {unit: np.array(v, dtype=float) for unit, v in _unit_values(claims).items()}


def _ratio(s: float, o: float) -> float:
    return s / o if o > 0 else (np.inf if s > 0 else np.nan)


def _interval(state: np.ndarray, opposition: np.ndarray) -> tuple[float, float]:
    """95% percentile interval of resampled state/opposition ratios."""
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(opposition > 0, state / np.where(opposition > 0, opposition, 1),
                     np.where(state > 0, np.inf, np.nan))
    return interval95(r)


@lru_cache(maxsize=64)
def _resample_counts(sizes: tuple[int, ...], n_boot: int, seed: int) -> tuple:
    """How often each claim is drawn in each resample (``n_boot x n`` floats, None for an
    empty group), for the draws :func:`ratio_rows` makes: one ``default_rng(seed)`` draws
    the groups' indices in turn, so they depend on the sizes and the seed alone."""
    rng = np.random.default_rng(seed)
    out = []
    for n in sizes:
        if not n:
            out.append(None)
            continue
        idx = rng.integers(0, n, size=(n_boot, n))
        flat = (np.arange(n_boot)[:, None] * n + idx).ravel()
        counts = np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(float)
        counts.flags.writeable = False
        out.append(counts)
    return tuple(out)


def _intervals(state: np.ndarray, opposition: np.ndarray) -> list[tuple[float, float]]:
    """:func:`_interval` of each column pair (the same order statistics, one sort)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(opposition > 0, state / np.where(opposition > 0, opposition, 1),
                     np.where(state > 0, np.inf, np.nan))
    r.sort(axis=0)  # NaN last, as in interval95
    out = []
    for col, n in zip(r.T, (~np.isnan(r)).sum(axis=0).tolist()):
        if n == 0:
            out.append((np.nan, np.nan))
        else:
            out.append((float(col[max(0, math.ceil(0.025 * n) - 1)]), float(col[max(0, math.ceil(0.975 * n) - 1)])))
    return out


def _integral(values: list) -> bool:
    """Whole numbers small enough that any sum of them is exact in floating point."""
    return all(isinstance(v, (int, float, np.integer, np.floating)) and float(v).is_integer()
               and abs(v) < 2 ** 30 for v in values)


def ratio_rows(article: str, claims: list[dict], *, n_boot: int = 1000, seed: int = 0) -> list[dict]:
    """Claims by camp under each counting unit, ratio and bootstrap interval, for one article.

    One resampling of the claims (percentile bootstrap, fixed seed) serves all four units.
    """
    parts = [[c for c in claims if c["region"] in regions] for regions in REGION_GROUPS.values()]
    quoted = [c["quoted_words"] for c in claims]
    sizes = tuple(len(p) for p in parts)
    if not _integral(quoted) or sum(sizes) * n_boot > 50_000:
        return _ratio_rows(article, claims, n_boot=n_boot, seed=seed)
    # The weights are counts (claims, quotes, words): whole numbers, so every sum below is
    # exact in any order and equals the one _ratio_rows computes; a resample's sums are then
    # one product with how often each claim is drawn (kept once per process), and the
    # percentiles of all units come from one sort.
    rows = []
    for k, (group, part) in enumerate(zip(REGION_GROUPS, parts)):
        camps = [c["camp"] for c in part]
        units = _unit_values(part)
        bounds = [(np.nan, np.nan)] * len(units)
        if part:
            table = np.array([[w[i] * (camps[i] == camp) for w in units.values() for camp in ("state", "opposition")]
                              for i in range(len(part))], dtype=float)
            sums = _resample_counts(sizes, n_boot, seed)[k] @ table
            bounds = _intervals(sums[:, 0::2], sums[:, 1::2])
        for (unit, w), (lo, hi) in zip(units.items(), bounds):
            counts = {camp: 0.0 for camp in CAMPS}
            for camp, x in zip(camps, w):
                if camp in counts:
                    counts[camp] += float(x)
            rows.append({"article": article, "region": group, "unit": unit, **counts,
                         "ratio": _ratio(counts["state"], counts["opposition"]),
                         "ci_low": lo, "ci_high": hi})
    return rows


def _ratio_rows(article: str, claims: list[dict], *, n_boot: int = 1000, seed: int = 0) -> list[dict]:
    """:func:`ratio_rows` for any weights, resampling row by row."""
    rows = []
    rng = np.random.default_rng(seed)
    for group, regions in REGION_GROUPS.items():
        part = [c for c in claims if c["region"] in regions]
        camps = np.array([c["camp"] for c in part])
        is_state, is_opp = camps == "state", camps == "opposition"
        idx = rng.integers(0, len(part), size=(n_boot, len(part))) if part else None
        for unit, w in unit_weights(part).items():
            counts = {camp: float(w[camps == camp].sum()) for camp in CAMPS}
            lo, hi = (np.nan, np.nan)
            if idx is not None:
                lo, hi = _interval((w * is_state)[idx].sum(axis=1), (w * is_opp)[idx].sum(axis=1))
            rows.append({"article": article, "region": group, "unit": unit, **counts,
                         "ratio": _ratio(counts["state"], counts["opposition"]),
                         "ci_low": lo, "ci_high": hi})
    return rows


def ratio_table(claims: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Long table: one row per article, region group (body; headline+summary) and unit."""
    rows = []
    if len(claims):
        for art, part in claims.groupby("article", sort=False):
            rows += ratio_rows(art, part.to_dict("records"), n_boot=n_boot, seed=seed)
    return pd.DataFrame(rows, columns=columns("ratios"))


# Each pattern opens with a lookahead for the letters (or digits) its matches can start
# with. It changes no match (every alternative starts with one of them) but lets the scan
# skip most positions before trying a dozen alternatives: half the time on news text.
ARREST_RE = re.compile(
    r"(?=[moasn\d])\b(?:more than |over |some |about |nearly |at least |almost )?(\d[\d,.]*(?:\s+(?:thousand|million))?)"
    r"\s+(?:\w+\s+){0,3}?(?:people\s+)?(?:have\s+been\s+|were\s+|had\s+been\s+)?"
    r"(?:arrested|detained|held|jailed|taken into custody|arrests|detentions|detainees)\b", re.I)
ARREST_RE2 = re.compile(r"(?=[ad])\b(?:arrested|detained)\s+(?:more than |over |some |about |at least )?(\d[\d,.]*)", re.I)
LEGALITY_RE = re.compile(r"(?=[birumnw])\b(?:unsanctioned|illegal|unlawful|unauthori[sz]ed|unpermitted|banned|"
                         r"not sanctioned|without permission|riots?|mass disorder)\b", re.I)
GRIEVANCE_RE = re.compile(r"(?=[cdfgijprtw])\b(?:to protest against|protest(?:ing|ed)? (?:against|over)|demand(?:ing|ed|s)?|"
                          r"grievances?|corruption|fraud|rigged|wages?|prices|poverty|persecut\w+|"
                          r"freedom|rights|release of|jailing of|injustice|reforms?)\b", re.I)
SO_CALLED_RE = re.compile(r"(?=s)\bso-called\b", re.I)


def _count_number(s: str) -> float:
    s = s.lower().replace(",", "")
    mult = 1000 if "thousand" in s else 1_000_000 if "million" in s else 1
    try:
        return float(re.sub(r"[^\d.]", "", s)) * mult
    except ValueError:
        return np.nan


def protest_indicators(text: str) -> dict:
    """Protest-paradigm indicators visible in text (McLeod & Hertog 1999)."""
    figures = [_count_number(m.group(1)) for m in ARREST_RE.finditer(text)]
    figures += [_count_number(m.group(1)) for m in ARREST_RE2.finditer(text)]
    figures = [f for f in figures if f == f]
    legal = LEGALITY_RE.findall(text)
    return {
        "arrest_mentions": len(figures),
        "arrest_figure_max": max(figures) if figures else np.nan,
        "legality_labels": len(legal),
        "legality_terms": "; ".join(sorted({m.lower() for m in legal})),
        "grievance_mentions": len(GRIEVANCE_RE.findall(text)),
    }


def article_signals(article: dict, claims: list[dict], mentions: list[dict], ratios: list[dict]) -> dict:
    """One row of the ``signals`` table for one article (records in, record out)."""
    aid = article["article"]
    out: dict = {"article": aid, "outlet": article.get("outlet", ""), "date": article.get("date", "")}
    body = [c for c in claims if c["region"] == "body"]
    top = [c for c in claims if c["region"] in ("headline", "summary")]
    for name, part in (("body", body), ("top", top)):
        n = Counter(c["camp"] for c in part)
        out.update({f"{name}_{camp}": n[camp] for camp in CAMPS})
    out["body_claims"] = len(body)
    out["body_direct"] = sum(c["kind"] == "direct" for c in body)
    for r in ratios:
        if r["region"] == "body":
            key = r["unit"].replace(" ", "_")
            out[f"ratio_{key}"], out[f"ratio_{key}_ci_low"], out[f"ratio_{key}_ci_high"] = (
                r["ratio"], r["ci_low"], r["ci_high"])
    # Who opens: the first body claim, and shares in the first two paragraphs with a claim.
    out["first_camp"] = body[0]["camp"] if body else ""
    out["first_speaker"] = body[0]["speaker"] if body else ""
    lead_paras = sorted({c["paragraph"] for c in body})[:2]
    lead = Counter(c["camp"] for c in body if c["paragraph"] in lead_paras)
    n_lead = sum(lead.values())
    out.update({f"lead_share_{camp}": lead[camp] / n_lead if n_lead else np.nan for camp in CAMPS})
    # Cue classes by camp (who is "said", who "claims"), and distancing by camp of the speaker.
    cues = Counter((c["camp"], c["cue_class"]) for c in body)
    dist = Counter(c["camp"] for c in body if c["distancing"])
    for camp in CAMPS:
        for cls in ("neutral", "directive", "accusatory", "doubting"):
            out[f"cue_{cls}_{camp}"] = cues[(camp, cls)]
        out[f"distancing_{camp}"] = dist[camp]
    text = article.get("text", "")
    out["so_called"] = len(SO_CALLED_RE.findall(text))
    out["labels"] = "; ".join(sorted({f"{m['actor']}: {m['label']}" for m in mentions if m.get("label")}))
    out.update(protest_indicators(text))
    return out


def label_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Labels attached to actors, tallied per actor ("Kremlin critic" x2)."""
    if len(mentions) == 0:
        return pd.DataFrame(columns=["article", "actor", "camp", "label", "n"])
    m = mentions[mentions["label"].astype(str) != ""]
    return m.groupby(["article", "actor", "camp", "label"]).size().rename("n").reset_index()
