"""Framing signals: the numbers a framing paper reports, per article.

Every signal is defined in ``docs/signals.md`` (operational definition, counting
unit, literature). All functions take tidy tables of one article (or several) and
return tidy tables.

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

import re

import numpy as np
import pandas as pd

from framing.actors import CAMPS

UNITS = ("claims", "direct quotes", "quoted words", "sentences with a claim")
REGION_GROUPS = {"body": ("body",), "headline+summary": ("headline", "summary")}


def _unit_weights(claims: pd.DataFrame, unit: str) -> pd.Series:
    if unit == "claims":
        return pd.Series(1.0, index=claims.index)
    if unit == "direct quotes":
        return (claims["kind"] == "direct").astype(float)
    if unit == "quoted words":
        return claims["quoted_words"].astype(float)
    if unit == "sentences with a claim":
        # Each sentence counts once per camp that speaks in it.
        first = ~claims.duplicated(subset=["article", "sentence", "camp"])
        return first.astype(float)
    raise ValueError(f"unknown counting unit {unit!r}")


def _ratio(s: float, o: float) -> float:
    return s / o if o > 0 else (np.inf if s > 0 else np.nan)


def bootstrap_ratio(camps: np.ndarray, weights: np.ndarray, *, n_boot: int = 1000,
                    seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of the state/opposition ratio, resampling claims."""
    n = len(camps)
    if n == 0:
        return (np.nan, np.nan)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    w = weights[idx]
    st = (w * (camps[idx] == "state")).sum(axis=1)
    op = (w * (camps[idx] == "opposition")).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(op > 0, st / np.where(op > 0, op, 1), np.where(st > 0, np.inf, np.nan))
    r = r[~np.isnan(r)]
    if len(r) == 0:
        return (np.nan, np.nan)
    # No interpolation: ratios may be infinite (no opposition claim in a resample).
    lo, hi = np.percentile(r, [2.5, 97.5], method="inverted_cdf")
    return float(lo), float(hi)


def ratio_table(claims: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Claims by camp under each counting unit, with the state/opposition ratio and its interval.

    Long form: one row per article, region group (body; headline+summary) and unit.
    """
    rows = []
    if len(claims) == 0:
        return pd.DataFrame(columns=["article", "region", "unit", *CAMPS, "ratio", "ci_low", "ci_high"])
    for art, c_art in claims.groupby("article", sort=False):
        for group, regions in REGION_GROUPS.items():
            c = c_art[c_art["region"].isin(regions)]
            for unit in UNITS:
                w = _unit_weights(c, unit) if len(c) else pd.Series(dtype=float)
                counts = {camp: float(w[c["camp"] == camp].sum()) if len(c) else 0.0 for camp in CAMPS}
                lo, hi = bootstrap_ratio(c["camp"].to_numpy(), w.to_numpy(), n_boot=n_boot, seed=seed)
                rows.append({"article": art, "region": group, "unit": unit, **counts,
                             "ratio": _ratio(counts["state"], counts["opposition"]),
                             "ci_low": lo, "ci_high": hi})
    return pd.DataFrame(rows)


ARREST_RE = re.compile(
    r"\b(?:more than |over |some |about |nearly |at least |almost )?(\d[\d,.]*(?:\s+(?:thousand|million))?)"
    r"\s+(?:\w+\s+){0,3}?(?:people\s+)?(?:have\s+been\s+|were\s+|had\s+been\s+)?"
    r"(?:arrested|detained|held|jailed|taken into custody|arrests|detentions|detainees)\b", re.I)
ARREST_RE2 = re.compile(r"\b(?:arrested|detained)\s+(?:more than |over |some |about |at least )?(\d[\d,.]*)", re.I)
LEGALITY_RE = re.compile(r"\b(?:unsanctioned|illegal|unlawful|unauthori[sz]ed|unpermitted|banned|"
                         r"not sanctioned|without permission|riots?|mass disorder)\b", re.I)
GRIEVANCE_RE = re.compile(r"\b(?:to protest against|protest(?:ing|ed)? (?:against|over)|demand(?:ing|ed|s)?|"
                          r"grievances?|corruption|fraud|rigged|wages?|prices|poverty|persecut\w+|"
                          r"freedom|rights|release of|jailing of|injustice|reforms?)\b", re.I)


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
    return {
        "arrest_mentions": len(figures),
        "arrest_figure_max": max(figures) if figures else np.nan,
        "legality_labels": len(LEGALITY_RE.findall(text)),
        "legality_terms": "; ".join(sorted({m.lower() for m in LEGALITY_RE.findall(text)})),
        "grievance_mentions": len(GRIEVANCE_RE.findall(text)),
    }


def article_signals(article: dict, claims: pd.DataFrame, mentions: pd.DataFrame,
                    ratios: pd.DataFrame) -> dict:
    """One row of the ``signals`` table for one article."""
    aid = article["article"]
    out: dict = {"article": aid, "outlet": article.get("outlet", ""), "date": article.get("date", "")}
    body = claims[claims["region"] == "body"] if len(claims) else claims
    top = claims[claims["region"].isin(["headline", "summary"])] if len(claims) else claims
    for name, part in (("body", body), ("top", top)):
        for camp in CAMPS:
            out[f"{name}_{camp}"] = int((part["camp"] == camp).sum()) if len(part) else 0
    out["body_claims"] = len(body)
    out["body_direct"] = int((body["kind"] == "direct").sum()) if len(body) else 0
    for _, r in ratios[(ratios["article"] == aid) & (ratios["region"] == "body")].iterrows():
        key = r["unit"].replace(" ", "_")
        out[f"ratio_{key}"] = r["ratio"]
        out[f"ratio_{key}_ci_low"] = r["ci_low"]
        out[f"ratio_{key}_ci_high"] = r["ci_high"]
    # Who opens: the first body claim, and shares in the first two body paragraphs.
    out["first_camp"] = body.iloc[0]["camp"] if len(body) else ""
    out["first_speaker"] = body.iloc[0]["speaker"] if len(body) else ""
    if len(body):
        first_paras = sorted(body["paragraph"].unique())[:2]
        lead = body[body["paragraph"].isin(first_paras)]
        for camp in CAMPS:
            out[f"lead_share_{camp}"] = float((lead["camp"] == camp).mean()) if len(lead) else np.nan
    # Cue classes by camp: who is "said", who "claims".
    for camp in CAMPS:
        part = body[body["camp"] == camp] if len(body) else body
        for cls in ("neutral", "directive", "accusatory", "doubting"):
            out[f"cue_{cls}_{camp}"] = int((part["cue_class"] == cls).sum()) if len(part) else 0
    # Distancing attributions by camp of the speaker; scare quotes in the outlet's voice.
    for camp in CAMPS:
        part = body[body["camp"] == camp] if len(body) else body
        out[f"distancing_{camp}"] = int(part["distancing"].sum()) if len(part) else 0
    text = article.get("text", "")
    out["so_called"] = len(re.findall(r"\bso-called\b", text, re.I))
    # Labels attached to actors.
    if len(mentions) and "label" in mentions:
        labelled = mentions[mentions["label"].astype(str) != ""]
        out["labels"] = "; ".join(sorted({f"{a}: {l}" for a, l in zip(labelled["actor"], labelled["label"])}))
    else:
        out["labels"] = ""
    out.update(protest_indicators(text))
    return out


def label_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Labels attached to actors, tallied per actor ("Kremlin critic" x2)."""
    if len(mentions) == 0:
        return pd.DataFrame(columns=["article", "actor", "camp", "label", "n"])
    m = mentions[mentions["label"].astype(str) != ""]
    return (m.groupby(["article", "actor", "camp", "label"]).size().rename("n").reset_index())


def _boot_mean(values: np.ndarray, n_boot: int = 1000, seed: int = 0) -> tuple[float, float]:
    if len(values) == 0:
        return (np.nan, np.nan)
    if len(values) == 1:
        return (float(values[0]), float(values[0]))
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


def actor_sentiment(claims: pd.DataFrame, mentions: pd.DataFrame, *, scope: str = "article",
                    n_boot: int = 1000) -> pd.DataFrame:
    """Per-actor tone, two measures never mixed: ``says`` (tone of the actor's claims)
    and ``about`` (tone toward the actor's mentions, excluding what it says).

    One row per (article or corpus) x actor x measure: mean, n, bootstrap 95% interval.
    """
    cols = ["scope", "article", "actor", "camp", "measure", "mean", "n", "ci_low", "ci_high"]
    rows = []
    keys = ["article", "actor"] if scope == "article" else ["actor"]
    parts = []
    if len(claims) and "tone" in claims:
        c = claims.rename(columns={"speaker": "actor"})[["article", "actor", "camp", "tone"]].copy()
        c["measure"] = "says"
        parts.append(c.rename(columns={"tone": "score"}))
    if len(mentions) and "about" in mentions:
        m = mentions[["article", "actor", "camp", "about"]].dropna(subset=["about"]).copy()
        m["measure"] = "about"
        parts.append(m.rename(columns={"about": "score"}))
    if not parts:
        return pd.DataFrame(columns=cols)
    data = pd.concat(parts, ignore_index=True)
    data = data[data["actor"].astype(str) != ""]
    for key, g in data.groupby([*keys, "measure"], sort=True):
        vals = g["score"].astype(float).to_numpy()
        lo, hi = _boot_mean(vals, n_boot)
        rows.append({"scope": scope, "article": key[0] if scope == "article" else "",
                     "actor": key[-2], "camp": g["camp"].mode().iloc[0], "measure": key[-1],
                     "mean": float(vals.mean()), "n": len(vals), "ci_low": lo, "ci_high": hi})
    return pd.DataFrame(rows, columns=cols)
