"""The whole analysis, one article at a time.

:func:`analyze_article` is a pure function of one article record, so a corpus run
can stream, use every core (:func:`analyze` with ``jobs``), or be mapped over a
Dask bag. :func:`analyze` collects the tidy tables; one bad article goes to the
``errors`` table and never stops the run.

>>> from framing import paths
>>> t = analyze(paths.SEED)
>>> sorted(t)[:4]
['actor_sentiment', 'articles', 'claims', 'errors']
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from framing import schema
from framing.actors import Cast, find_mentions, link_mentions
from framing.claims import extract_claims, load_cues
from framing.corpus import iter_articles
from framing.errors import FramingError
from framing.signals import actor_sentiment, article_signals, ratio_table
from framing.text import sentences as split_sentences

TABLES = ("articles", "regions", "sentences", "mentions", "claims", "actor_sentiment",
          "signals", "ratios", "repairs", "errors")


def _cast_for(record: dict, actors=None, home=None) -> Cast:
    h = home or record.get("home") or None
    return Cast.load(actors, home=h)


def analyze_article(record: dict, *, actors=None, home=None, lexicon=None,
                    n_boot: int = 1000) -> dict[str, pd.DataFrame]:
    """All tables for one article record (from :mod:`framing.corpus`)."""
    from framing import sentiment

    adjust = lexicon or False
    aid = record["article"]
    text, regions = record["text"], record["regions"]
    cast = _cast_for(record, actors, home)
    sents = split_sentences(text, regions)
    for s in sents:
        s["article"] = aid
        s["tone"] = sentiment.tone(s["text"], adjust)
    mentions = link_mentions(find_mentions(text, cast), text, cast)
    claims = extract_claims(text, regions, cast=cast, mentions=mentions, sentences=sents,
                            cues=load_cues())
    for c in claims:
        c["article"] = aid
        c["tone"] = sentiment.tone(c["text"], adjust) if c["text"].strip() else 0.0
    # Mentions table (pronouns resolved as speakers appear through claims; here names/roles).
    starts = [s["start"] for s in sents]
    import bisect

    def sent_at(pos: int) -> dict:
        return sents[max(0, bisect.bisect_right(starts, pos) - 1)]

    said = [(c["start"], c["end"], c["speaker"]) for c in claims]
    mrows = []
    for i, m in enumerate(mentions):
        s = sent_at(m.start)
        row = {"article": aid, "mention_id": i, "sentence": s["sentence"], "region": s["region"],
               "start": m.start, "end": m.end, "mention": m.mention, "actor": m.actor,
               "camp": m.camp, "actor_kind": m.actor_kind, "gender": m.gender, "via": m.via,
               "label": m.label}
        # "about": tone toward the mention, excluding what the actor says itself.
        own = any(a <= m.start < b and sp == m.actor for a, b, sp in said)
        if m.end <= s["end"] and not own and s["region"] != "credit":
            row["about"] = sentiment.target_sentiment(s["text"], m.start - s["start"], m.end - s["start"], adjust)
        else:
            row["about"] = np.nan
        mrows.append(row)
    mentions_df = pd.DataFrame(mrows, columns=[*schema.COLUMNS["mentions"], "about"])
    claims_df = pd.DataFrame(claims, columns=[*schema.COLUMNS["claims"], "cue_start", "cue_end",
                                              "speaker_start", "speaker_end", "tone"])
    ratios = ratio_table(claims_df, n_boot=n_boot) if len(claims_df) else ratio_table(claims_df)
    actor_sent = actor_sentiment(claims_df, mentions_df, n_boot=n_boot)
    art = {k: record.get(k, "") for k in schema.COLUMNS["articles"]}
    signals = pd.DataFrame([article_signals(record, claims_df, mentions_df, ratios)])
    regions_df = pd.DataFrame([{"article": aid, **r} for r in regions],
                              columns=list(schema.COLUMNS["regions"]))
    repairs_df = pd.DataFrame([{"article": aid, **{k: r.get(k) for k in ("raw", "repaired", "raw_start", "start", "rule")}}
                               for r in record.get("repairs", [])], columns=list(schema.COLUMNS["repairs"]))
    return {
        "articles": pd.DataFrame([art], columns=list(schema.COLUMNS["articles"])),
        "regions": regions_df,
        "sentences": pd.DataFrame(sents, columns=list(schema.COLUMNS["sentences"])),
        "mentions": mentions_df, "claims": claims_df, "actor_sentiment": actor_sent,
        "signals": signals, "ratios": ratios, "repairs": repairs_df,
        "errors": pd.DataFrame(columns=list(schema.COLUMNS["errors"])),
    }


def _safe(record_or_error, kwargs) -> dict[str, pd.DataFrame]:
    if isinstance(record_or_error, FramingError):
        e = record_or_error
        return {"errors": pd.DataFrame([{"path": e.path or "", "article": getattr(e, "article", ""),
                                         "stage": getattr(e, "stage", "read"), "problem": e.problem}])}
    try:
        return analyze_article(record_or_error, **kwargs)
    except Exception as exc:  # one bad article never stops a corpus run
        return {"errors": pd.DataFrame([{"path": record_or_error.get("path", ""),
                                         "article": record_or_error.get("article", ""),
                                         "stage": "analyze",
                                         "problem": f"{type(exc).__name__}: {exc}"}])}


def _concat(parts: Iterable[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    acc: dict[str, list] = {t: [] for t in TABLES}
    for p in parts:
        for k, v in p.items():
            if len(v):
                acc[k].append(v)
    out = {}
    for t in TABLES:
        frames = acc[t]
        out[t] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
            columns=list(schema.COLUMNS.get(t, {})))
    # Corpus-level actor sentiment on top of the per-article rows.
    if len(out["claims"]) or len(out["mentions"]):
        corpus = actor_sentiment(out["claims"], out["mentions"], scope="corpus")
        out["actor_sentiment"] = pd.concat([out["actor_sentiment"], corpus], ignore_index=True)
    return out


def analyze(paths, *, actors=None, home=None, lexicon=None, jobs: int = 1,
            metadata_csv=None, n_boot: int = 1000) -> dict[str, pd.DataFrame]:
    """Analyze files and folders; returns the tidy tables (see :data:`TABLES`)."""
    kwargs = {"actors": actors, "home": home, "lexicon": lexicon, "n_boot": n_boot}
    items = iter_articles(paths, metadata_csv=metadata_csv)
    if jobs == 1:
        return _concat(_safe(it, kwargs) for it in items)
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        futs = [ex.submit(_safe, it, kwargs) for it in items]
        return _concat(f.result() for f in futs)


def analyze_file(path: str | Path, **kwargs) -> dict[str, pd.DataFrame]:
    """Analyze one file (all its articles)."""
    return analyze(path, **kwargs)


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write each table to ``out/NAME.csv`` (or ``.parquet``)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        df = tables.get(name, pd.DataFrame())
        df = df.copy()
        for col in df.columns:
            if df[col].map(lambda v: isinstance(v, (list, dict, set))).any():
                import json
                df[col] = df[col].map(lambda v: json.dumps(v, default=list) if isinstance(v, (list, dict, set)) else v)
        p = out / f"{name}.{ 'parquet' if fmt == 'parquet' else 'csv'}"
        if fmt == "parquet":
            df.to_parquet(p, index=False)
        else:
            df.to_csv(p, index=False)
        written.append(p)
    return written
