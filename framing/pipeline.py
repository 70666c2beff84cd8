"""The whole analysis, one article at a time.

:func:`article_records` is a pure function of one article record, so a corpus run
can stream, use every core (:func:`analyze` with ``jobs``), or be mapped over a
Dask bag. :func:`analyze` collects the tidy tables; one bad article goes to the
``errors`` table and never stops the run.

>>> from framing import paths
>>> t = analyze(paths.SEED)
>>> sorted(t)[:4]
['actor_sentiment', 'articles', 'claims', 'errors']
"""
from __future__ import annotations

import bisect
import itertools
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from framing import schema, sentiment
from framing.actors import Cast, find_mentions, link_mentions
from framing.camps import revise_camps
from framing.claims import extract_claims, load_cues
from framing.corpus import iter_articles
from framing.errors import FramingError
from framing.signals import article_signals, ratio_rows
from framing.text import SpanIndex, sentences as split_sentences

TABLES = ("articles", "regions", "sentences", "mentions", "claims", "actor_sentiment",
          "signals", "ratios", "repairs", "errors")


def _cast_for(record: dict, actors=None, home=None) -> Cast:
    """The actors and roles for one article.

    The default actor list (Russia 2021) is a bonus for its own case only: an article
    that never names its home country gets roles alone, so "the foreign ministry" of
    another country is not taken for Russia's. A list given by the user always applies.
    """
    home = home or record.get("home") or None
    if actors is None and not any(h in record["text"] for h in Cast.load().home):
        actors = ""
    return Cast.load(actors, home=home)


def article_records(record: dict, *, actors=None, home=None, lexicon=None,
                    n_boot: int = 1000, camp_model: bool = True) -> dict[str, list[dict]]:
    """All tables for one article record, as lists of row dicts.

    A pure function of one article: this is the unit a corpus run streams, spreads over
    cores or maps over a Dask bag. DataFrames are built once per corpus, not per article.
    ``camp_model=False`` keeps the rule camps (see :mod:`framing.camps`).
    """
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
    # A second look at each speaker's camp (framing.camps); the rule camp stays in camp_rule.
    revised: dict[str, str] = {}
    if camp_model:
        revised = revise_camps(text, claims, mentions, keep=frozenset(cast.actors))
    else:
        for c in claims:
            c["camp_rule"] = c["camp"]
    for c in claims:
        c["article"] = aid
        c["tone"] = sentiment.tone(c["text"], adjust) if c["text"].strip() else 0.0
    # Mentions inside the mentioned actor's own claim: that is "says", not "about".
    index = SpanIndex(mentions)
    own = {id(m) for c in claims for m in index.within(c["start"], c["end"]) if m.actor == c["speaker"]}
    starts = [s["start"] for s in sents]
    mrows = []
    for i, m in enumerate(mentions):
        s = sents[max(0, bisect.bisect_right(starts, m.start) - 1)]
        about = np.nan
        if m.end <= s["end"] and id(m) not in own and s["region"] != "credit":
            about = sentiment.target_sentiment(s["text"], m.start - s["start"], m.end - s["start"], adjust)
        mrows.append({"article": aid, "mention_id": i, "sentence": s["sentence"], "region": s["region"],
                      "start": m.start, "end": m.end, "mention": m.mention, "actor": m.actor,
                      "camp": revised.get(m.actor) or m.camp, "actor_kind": m.actor_kind, "gender": m.gender, "via": m.via,
                      "label": m.label, "about": about})
    ratios = ratio_rows(aid, claims, n_boot=n_boot)
    return {
        "articles": [{k: record.get(k, "") for k in schema.COLUMNS["articles"]}],
        "regions": [{"article": aid, **r} for r in regions],
        "sentences": sents, "mentions": mrows, "claims": claims,
        "actor_sentiment": sentiment.actor_sentiment_rows(claims, mrows, n_boot=n_boot),
        "signals": [article_signals(record, claims, mrows, ratios)], "ratios": ratios,
        "repairs": [{"article": aid, **r} for r in record.get("repairs", [])],
        "errors": [],
    }


def _frames(records: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, with the documented columns in their documented order."""
    return {t: pd.DataFrame(records.get(t, []), columns=schema.columns(t)) for t in TABLES}


def analyze_article(record: dict, **kwargs) -> dict[str, pd.DataFrame]:
    """All tables for one article record (from :mod:`framing.corpus`), as DataFrames."""
    return _frames(article_records(record, **kwargs))


def _error_row(e: FramingError) -> dict:
    return {"path": e.path or "", "article": getattr(e, "article", ""),
            "stage": getattr(e, "stage", "read"), "problem": e.problem}


def _safe(record_or_error, kwargs) -> dict[str, list[dict]]:
    if isinstance(record_or_error, FramingError):
        return {"errors": [_error_row(record_or_error)]}
    try:
        return article_records(record_or_error, **kwargs)
    except Exception as exc:  # one bad article never stops a corpus run
        return {"errors": [{"path": record_or_error.get("path", ""),
                            "article": record_or_error.get("article", ""), "stage": "analyze",
                            "problem": f"{type(exc).__name__}: {exc}"}]}


def _concat(parts: Iterable[dict[str, list[dict]]], n_boot: int = 1000) -> dict[str, pd.DataFrame]:
    acc: dict[str, list[dict]] = {t: [] for t in TABLES}
    for p in parts:
        for k, v in p.items():
            acc[k].extend(v)
    # Corpus-level actor tone on top of the per-article rows.
    acc["actor_sentiment"] += sentiment.actor_sentiment_rows(acc["claims"], acc["mentions"],
                                                             scope="corpus", n_boot=n_boot)
    return _frames(acc)


def iter_records(paths, *, actors=None, home=None, lexicon=None, jobs: int = 1,
                 metadata_csv=None, n_boot: int = 1000, batch: int = 64, camp_model: bool = True):
    """Stream the row dicts of each article (or its error) over files and folders.

    With ``jobs > 1`` articles are analysed in worker processes, ``batch`` per worker at a
    time, so memory stays bounded however large the corpus.
    """
    kwargs = {"actors": actors, "home": home, "lexicon": lexicon, "n_boot": n_boot, "camp_model": camp_model}
    items = iter_articles(paths, metadata_csv=metadata_csv)
    if jobs == 1:
        yield from (_safe(it, kwargs) for it in items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        while chunk := list(itertools.islice(items, batch * jobs)):
            yield from ex.map(_safe, chunk, itertools.repeat(kwargs), chunksize=max(1, batch // 4))


def analyze(paths, *, n_boot: int = 1000, **kwargs) -> dict[str, pd.DataFrame]:
    """Analyze files and folders; returns the tidy tables (see :data:`TABLES`).

    Keyword arguments: ``actors``, ``home``, ``lexicon``, ``jobs``, ``metadata_csv`` (see
    :func:`iter_records`). For corpora too large for memory use :func:`analyze_to`.
    """
    return _concat(iter_records(paths, n_boot=n_boot, **kwargs), n_boot)


def analyze_to(paths, out: str | Path, *, chunk: int = 1000, n_boot: int = 1000,
               **kwargs) -> dict[str, int]:
    """Analyze and write CSV tables to ``out/`` as articles stream in (``chunk`` at a time).

    Only the columns needed for the corpus-level per-actor tone are kept in memory.
    Returns the number of rows written per table.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {t: 0 for t in TABLES}
    keep: dict[str, list[dict]] = {"claims": [], "mentions": []}
    buf: dict[str, list[dict]] = {t: [] for t in TABLES}

    def flush() -> None:
        for name, df in _frames(buf).items():
            df.map(_cell).to_csv(out / f"{name}.csv", index=False, mode="a" if counts[name] else "w",
                                 header=not counts[name])
            counts[name] += len(df)
            buf[name].clear()

    for n, rec in enumerate(iter_records(paths, n_boot=n_boot, **kwargs), 1):
        for k, v in rec.items():
            buf[k].extend(v)
        keep["claims"] += [{k: c[k] for k in ("article", "speaker", "camp", "tone")} for c in rec.get("claims", [])]
        keep["mentions"] += [{k: m[k] for k in ("article", "actor", "camp", "about")} for m in rec.get("mentions", [])]
        if n % chunk == 0:
            flush()
    buf["actor_sentiment"] += sentiment.actor_sentiment_rows(keep["claims"], keep["mentions"],
                                                             scope="corpus", n_boot=n_boot)
    flush()
    return counts


def analyze_file(path: str | Path, **kwargs) -> dict[str, pd.DataFrame]:
    """Analyze one file (all its articles)."""
    return analyze(path, **kwargs)


def _cell(v):
    """Lists, sets and dicts (the articles' ``regions``) as JSON in a flat file."""
    return json.dumps(v, default=list) if isinstance(v, (list, dict, set)) else v


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write each table to ``out/NAME.csv`` (or ``.parquet``, which needs pyarrow)."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise FramingError(None, "parquet output needs pyarrow: pip install pyarrow "
                                     "(or use --format csv)") from None
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        df = tables.get(name, pd.DataFrame()).map(_cell) if name in tables else pd.DataFrame()
        p = out / f"{name}.{'parquet' if fmt == 'parquet' else 'csv'}"
        if fmt == "parquet":
            df.to_parquet(p, index=False)
        else:
            df.to_csv(p, index=False)
        written.append(p)
    return written
