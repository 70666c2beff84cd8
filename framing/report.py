"""A readable summary of one analysed article (``framing report FILE``)."""
from __future__ import annotations

import pandas as pd


def _fmt_ratio(r) -> str:
    def f(x):
        return "inf" if x == float("inf") else ("n/a" if x != x else f"{x:.2f}")
    return f"{f(r['ratio'])} [{f(r['ci_low'])}, {f(r['ci_high'])}]"


def text_report(tables: dict[str, pd.DataFrame]) -> str:
    """Who speaks, ratios with intervals, per-actor tone (says vs about)."""
    art = tables["articles"].iloc[0]
    claims, ratios, sent = tables["claims"], tables["ratios"], tables["actor_sentiment"]
    out = [f"{art['article']}  {art.get('outlet') or ''} {art.get('date') or ''}".rstrip(),
           f"{len(claims)} claims ({(claims['region'] == 'body').sum() if len(claims) else 0} in the body)", ""]
    out.append("Who speaks (body claims by speaker):")
    if len(claims):
        body = claims[claims["region"] == "body"]
        for (sp, camp), n in body.groupby(["speaker", "camp"]).size().sort_values(ascending=False).items():
            out.append(f"  {n:3d}  {sp} ({camp})")
    out += ["", "State/opposition ratio, body, with bootstrap 95% interval:"]
    for _, r in ratios[ratios["region"] == "body"].iterrows():
        out.append(f"  {r['unit']:<24} state {r['state']:g} / opposition {r['opposition']:g} = {_fmt_ratio(r)}")
    out += ["", "Tone per actor (article): says = tone of own claims; about = tone toward mentions"]
    s = sent[sent["scope"] == "article"] if len(sent) else sent
    if len(s):
        piv = s.pivot_table(index=["actor", "camp"], columns="measure", values=["mean", "n"], aggfunc="first")
        for (actor, camp), row in piv.iterrows():
            parts = []
            for m in ("says", "about"):
                if ("mean", m) in row and row[("mean", m)] == row[("mean", m)]:
                    parts.append(f"{m} {row[('mean', m)]:+.2f} (n={int(row[('n', m)])})")
            out.append(f"  {actor} ({camp}): " + ", ".join(parts))
    return "\n".join(out)
