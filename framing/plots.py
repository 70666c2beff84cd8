"""Figures in one style, one palette, and files that are identical on every run.

The helpers follow seaborn's shape: they take a tidy :class:`pandas.DataFrame`
(a table from :mod:`framing.schema`), name its columns with keywords, draw on
``ax`` (or on a new figure) and return the :class:`~matplotlib.axes.Axes`.
Saving is separate: :func:`save_figure` writes ``name.pdf``, ``name.svg`` and
``name.png`` plus the data behind the figure as ``data/name.csv``.

Every camp has one colour everywhere (:data:`CAMP_COLORS`, Okabe-Ito, safe for
the common forms of colour blindness); the same colours mark claims in the
annotated article (:mod:`framing.annotate`).

>>> import pandas as pd
>>> from framing import plots
>>> ratios = pd.DataFrame({"unit": ["claims", "quoted words"], "ratio": [1.5, 0.8],
...                        "ci_low": [0.7, 0.3], "ci_high": [3.0, 2.1]})
>>> with plots.use_style():
...     ax = plots.plot_ratio(ratios)
>>> ax.get_yscale()
'log'
>>> import matplotlib.pyplot as plt; plt.close("all")
"""
from __future__ import annotations

import io
import os
import textwrap
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from framing import paths
from framing.actors import CAMPS  # the order every figure and legend uses

__all__ = [
    "CAMPS", "CAMP_COLORS", "CAMP_LABELS", "UNITS", "DPI", "FORMATS", "NEUTRAL_COLORS",
    "use_style", "camp_color", "save_figure",
    "plot_camp_counts", "plot_ratio", "plot_voice_sequence", "plot_actor_tone",
    "plot_cue_classes", "plot_by_group", "plot_unit_shift", "with_articles", "speakers",
    "recurring",
]


#: One colour per camp, everywhere (Okabe-Ito: vermillion, blue, bluish green, grey).
CAMP_COLORS: dict[str, str] = {
    "state": "#D55E00",
    "opposition": "#0072B2",
    "foreign": "#009E73",
    "other": "#999999",
}

#: Legend labels for the camps.
CAMP_LABELS: dict[str, str] = {
    "state": "state", "opposition": "opposition", "foreign": "foreign", "other": "other",
}

#: Colours for hues that are not camps (measures, regions, outlets): black and greys,
#: so that they are never mistaken for a camp.
NEUTRAL_COLORS: tuple[str, ...] = ("#000000", "#777777", "#BBBBBB", "#444444", "#999999")
_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P")

#: Counting units of the ``ratios`` table, in the order figures show them.
UNITS: tuple[str, ...] = ("claims", "direct quotes", "quoted words", "sentences with a claim")

#: Resolution of the PNG files.
DPI = 300
#: File formats :func:`save_figure` writes.
FORMATS: tuple[str, ...] = ("pdf", "svg", "png")

#: Metadata that would otherwise carry a date or a version into the files.
_METADATA = {
    "pdf": {"CreationDate": None, "ModDate": None},
    "svg": {"Date": None},
    "png": {"Software": None},
}

#: Axis labels (with units) for the columns the helpers usually draw.
_LABELS = {
    "unit": "counting unit",
    "ratio": "state / opposition (ratio, log scale)",
    "claim": "claim (order in the article)",
    "speaker": "speaker",
    "actor": "actor",
    "mean": "tone (VADER compound, −1 to 1)",
    "cue_class": "reporting cue class",
    "outlet": "outlet",
    "outlet_type": "outlet type",
    "date": "publication date",
    "count": "claims (count)",
    "n": "claims (count)",
    "share": "share of the unit (%)",
    "quoted_words": "quoted words (count)",
}


# --------------------------------------------------------------------------- style


class use_style:  # noqa: N801 - used like a function
    """Apply the kit's style (``framing/data/framing.mplstyle``).

    Call it once (``plots.use_style()``) to keep the style for the session, or use
    it as a context manager to restore the previous settings afterwards::

        with plots.use_style():
            ax = plots.plot_ratio(ratios)
    """

    def __init__(self, style: str | os.PathLike = paths.STYLE):
        self._saved = {k: v for k, v in mpl.rcParams.copy().items() if k != "backend"}
        mpl.style.use(str(style))

    def __enter__(self) -> "use_style":
        return self

    def __exit__(self, *exc) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mpl.rcParams.update(self._saved)


def camp_color(camp: str) -> str:
    """The colour of ``camp`` (grey for anything unknown)."""
    return CAMP_COLORS.get(str(camp), CAMP_COLORS["other"])


def _ordered(values: Iterable, preferred: Sequence[str] = ()) -> list:
    """Distinct values: those in ``preferred`` first (in that order), then the rest as they appear."""
    seen = list(dict.fromkeys(v for v in values if not _isna(v)))
    head = [p for p in preferred if p in seen]
    return head + [v for v in seen if v not in head]


def _isna(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _palette(hue: str | None, levels: Sequence) -> dict:
    """Camp colours when the hue levels are camps, neutral greys otherwise."""
    if hue is not None and (hue == "camp" or (levels and all(str(lv) in CAMP_COLORS for lv in levels))):
        return {lv: camp_color(lv) for lv in levels}
    return {lv: NEUTRAL_COLORS[i % len(NEUTRAL_COLORS)] for i, lv in enumerate(levels)}


def _label(column: str | None) -> str:
    if column is None:
        return ""
    return _LABELS.get(column, column.replace("_", " "))


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        _, ax = plt.subplots()
    return ax


def _hue_levels(data: pd.DataFrame, hue: str | None) -> list:
    if hue is None:
        return []
    return _ordered(data[hue], CAMPS if hue == "camp" else ())


def _wrap(label, width: int = 12) -> str:
    """A tick label broken into lines of at most ``width`` characters (words kept whole)."""
    return textwrap.fill(str(label), width=width, break_long_words=False)


def _legend(ax: Axes, handles: list, title: str | None = None, **kw) -> None:
    if handles:
        kw.setdefault("loc", "best")
        ax.legend(handles=handles, title=title, **kw)


def _camp_columns(data: pd.DataFrame) -> list[str]:
    return [c for c in CAMPS if c in data.columns]


# ------------------------------------------------------------------ grouped bars


def _grouped_bars(ax: Axes, table: pd.DataFrame, colors: dict, *, horizontal: bool = False) -> None:
    """Bars for ``table`` (index: positions, columns: hue levels), side by side."""
    n = max(len(table.columns), 1)
    width = 0.8 / n
    pos = np.arange(len(table.index))
    for i, level in enumerate(table.columns):
        offset = (i - (n - 1) / 2) * width
        values = table[level].to_numpy(dtype=float)
        if horizontal:
            ax.barh(pos + offset, values, height=width, color=colors[level], label=str(level))
        else:
            ax.bar(pos + offset, values, width=width, color=colors[level], label=str(level))
    labels = [str(v) for v in table.index]
    if horizontal:
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
    elif len(labels) <= 4:
        ax.set_xticks(pos, [_wrap(v) for v in labels])
    else:
        ax.set_xticks(pos, labels)
        ax.tick_params(axis="x", labelrotation=30)
        for t in ax.get_xticklabels():
            t.set_horizontalalignment("right")
            t.set_rotation_mode("anchor")


def _counts(data: pd.DataFrame, x: str, hue: str | None, y: str | None,
            x_order: Sequence = (), estimator: str = "sum") -> pd.DataFrame:
    """A table x × hue of counts (rows of ``data``) or of ``estimator(y)``."""
    frame = data.copy()
    if hue is None:
        frame["_hue"] = y or "count"
        hue_col = "_hue"
    else:
        hue_col = hue
    frame = frame.dropna(subset=[x, hue_col])
    if y is None:
        table = frame.groupby([x, hue_col], sort=False).size().unstack(hue_col, fill_value=0)
    else:
        table = (frame.groupby([x, hue_col], sort=False)[y].agg(estimator)
                 .unstack(hue_col, fill_value=0))
    rows = _ordered(frame[x], x_order)
    cols = _ordered(frame[hue_col], CAMPS if hue == "camp" else ())
    return table.reindex(index=rows, columns=cols, fill_value=0)


# ---------------------------------------------------------------------- helpers


def plot_camp_counts(data: pd.DataFrame, *, x: str = "unit", hue: str = "camp",
                     y: str = "count", share: bool = True, ax: Axes | None = None) -> Axes:
    """How much each camp gets under each counting unit (grouped bars).

    ``data`` is either the ``ratios`` table (one row per unit, a column per camp:
    ``state``, ``opposition``, ``foreign``, ``other``) or a long table with
    columns ``x``, ``hue`` and ``y``. With ``share=True`` (default) each unit is
    shown as percentages of its total, so that units counted in claims and in
    words sit on one axis; ``share=False`` draws the raw counts.
    """
    ax = _axes(ax)
    if hue not in data.columns and _camp_columns(data):
        long = data.melt(id_vars=[x], value_vars=_camp_columns(data), var_name=hue, value_name=y)
    else:
        long = data
    table = _counts(long, x, hue, y, UNITS if x == "unit" else ())
    if share:
        totals = table.sum(axis=1).replace(0, np.nan)
        table = table.div(totals, axis=0).fillna(0) * 100
    _grouped_bars(ax, table, _palette(hue, list(table.columns)))
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label("share") if share else _label(y))
    if share:
        ax.set_ylim(0, 100)
    _legend(ax, [Patch(color=_palette(hue, list(table.columns))[c], label=CAMP_LABELS.get(c, str(c)))
                 for c in table.columns], ncols=min(len(table.columns), 4), loc="lower center",
            bbox_to_anchor=(0.5, 1.0))
    return ax


def plot_ratio(data: pd.DataFrame, *, x: str = "unit", y: str = "ratio", lo: str = "ci_low",
               hi: str = "ci_high", hue: str | None = None, ax: Axes | None = None) -> Axes:
    """The state/opposition ratio under each counting unit, with its interval.

    Log scale (a ratio of 2 and of 1/2 are the same distance from parity), a
    dashed reference line at 1 (parity). Rows whose ratio is 0, infinite or
    missing cannot sit on a log axis and are left out; an interval that is
    unbounded (upper bound infinite, lower bound 0) runs to the edge of the axes
    and ends in an arrowhead there.
    """
    ax = _axes(ax)
    levels = _hue_levels(data, hue) or [None]
    xs = _ordered(data[x], UNITS if x == "unit" else ())
    pos = {v: i for i, v in enumerate(xs)}
    colors = _palette(hue, levels) if hue else {None: "#000000"}
    n = len(levels)
    step = 0.5 / max(n, 1) if n > 1 else 0.0
    finite = data[y].replace([np.inf, -np.inf], np.nan)
    ok = data[(finite > 0) & finite.notna()]
    vals = pd.concat([ok[y], ok[lo].where(ok[lo] > 0), ok[hi].replace(np.inf, np.nan)]).dropna()
    top = float(vals.max()) * 2 if len(vals) else 10.0
    bottom = float(vals[vals > 0].min()) / 2 if len(vals) else 0.1
    handles = []
    for i, level in enumerate(levels):
        rows = ok if level is None else ok[ok[hue] == level]
        offs = (i - (n - 1) / 2) * step
        px = np.array([pos[v] + offs for v in rows[x]], dtype=float)
        py = rows[y].to_numpy(dtype=float)
        low = rows[lo].to_numpy(dtype=float) if lo in rows else py
        high = rows[hi].to_numpy(dtype=float) if hi in rows else py
        open_bottom = ~((low > 0) & np.isfinite(low))
        low = np.where(open_bottom, bottom, low)
        open_top = ~np.isfinite(high)
        high = np.where(open_top, top, high)
        color = colors[level]
        ax.vlines(px, low, high, color=color, linewidth=1.0)
        ax.plot(px, py, linestyle="none", marker=_MARKERS[i % len(_MARKERS)], color=color,
                markersize=4.5)
        if open_top.any():
            ax.plot(px[open_top], high[open_top], linestyle="none", marker="^", color=color,
                    markersize=3)
        if open_bottom.any():
            ax.plot(px[open_bottom], low[open_bottom], linestyle="none", marker="v", color=color,
                    markersize=3)
        if level is not None:
            handles.append(Line2D([], [], color=color, marker=_MARKERS[i % len(_MARKERS)],
                                  linestyle="none", label=str(level)))
    ax.axhline(1.0, color="#444444", linestyle="--", linewidth=0.7, zorder=0)
    ax.set_yscale("log")
    ax.set_ylim(min(bottom, 0.5), max(top, 2.0))
    ax.set_xlim(-0.5, len(xs) - 0.5)
    if len(xs) <= 4:
        ax.set_xticks(range(len(xs)), [_wrap(v) for v in xs])
    else:
        ax.set_xticks(range(len(xs)), [str(v) for v in xs])
        ax.tick_params(axis="x", labelrotation=30)
        for t in ax.get_xticklabels():
            t.set_horizontalalignment("right")
            t.set_rotation_mode("anchor")
    ax.yaxis.set_major_locator(mpl.ticker.LogLocator(base=2, numticks=8))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(_ratio_tick))
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    _legend(ax, handles, title=None, loc="lower center", bbox_to_anchor=(0.5, 1.0),
            ncols=min(len(handles), 3) or 1)
    return ax


def _ratio_tick(value: float, _pos=None) -> str:
    if value >= 1:
        return f"{value:g}"
    return f"1/{1 / value:g}" if abs(1 / value - round(1 / value)) < 1e-9 else f"{value:g}"


def plot_voice_sequence(data: pd.DataFrame, *, x: str = "claim", y: str = "speaker",
                        hue: str = "camp", ax: Axes | None = None) -> Axes:
    """Who speaks, in the order the article gives them the floor.

    One marker per claim (``x``: its place in the article), one row per speaker
    (``y``, in order of first appearance, top to bottom), coloured by ``hue``.
    When ``data`` has a ``kind`` column, direct quotes are filled markers and
    indirect (reported) claims are hollow. A thin line joins consecutive claims,
    so turns between speakers are visible.
    """
    ax = _axes(ax)
    frame = data.sort_values(x, kind="stable") if x in data.columns else data
    frame = frame.dropna(subset=[y])
    speakers = _ordered(frame[y])
    rank = {s: i for i, s in enumerate(speakers)}
    xs = frame[x].to_numpy(dtype=float)
    ys = np.array([rank[s] for s in frame[y]], dtype=float)
    ax.plot(xs, ys, color="#CCCCCC", linewidth=0.6, zorder=1)
    levels = _hue_levels(frame, hue)
    colors = _palette(hue, levels)
    kinds = frame["kind"].astype(str).to_numpy() if "kind" in frame.columns else None
    hues = frame[hue].to_numpy() if hue in frame.columns else np.array([None] * len(frame))
    for level in levels or [None]:
        sel = hues == level if level is not None else np.ones(len(frame), bool)
        color = colors.get(level, "#000000")
        filled = sel if kinds is None else sel & (kinds != "indirect")
        hollow = np.zeros_like(sel) if kinds is None else sel & (kinds == "indirect")
        ax.scatter(xs[filled], ys[filled], s=22, color=color, zorder=2, linewidths=0.8)
        ax.scatter(xs[hollow], ys[hollow], s=22, facecolors="white", edgecolors=color,
                   zorder=2, linewidths=1.0)
    ax.set_yticks(range(len(speakers)), [str(s) for s in speakers])
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    if len(xs):
        ax.set_xlim(xs.min() - 0.7, xs.max() + 0.7)
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    handles = [Line2D([], [], marker="o", linestyle="none", color=colors[lv],
                      label=CAMP_LABELS.get(lv, str(lv))) for lv in levels]
    if kinds is not None:
        handles += [Line2D([], [], marker="o", linestyle="none", color="#444444", label="quoted"),
                    Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                           markeredgecolor="#444444", label="reported")]
    _legend(ax, handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_actor_tone(data: pd.DataFrame, *, x: str = "mean", y: str = "actor",
                    hue: str = "measure", lo: str = "ci_low", hi: str = "ci_high",
                    ax: Axes | None = None) -> Axes:
    """Tone of what each actor says next to the tone of what is said about them.

    ``data`` is the ``actor_sentiment`` table (filter ``scope`` first). One row
    per actor (``y``); for each ``hue`` level (``says``, ``about``) a marker at
    the mean with a whisker for its interval. Markers are coloured by the actor's
    camp when ``data`` has a ``camp`` column; the measures differ by marker
    shape (``says`` filled circle, ``about`` hollow square).
    """
    ax = _axes(ax)
    frame = data.dropna(subset=[y, x])
    actors = _ordered(frame.sort_values(["camp", y], key=_camp_key, kind="stable")[y]
                      if "camp" in frame.columns else frame[y])
    rank = {a: i for i, a in enumerate(actors)}
    levels = _hue_levels(frame, hue) or [None]
    if hue == "measure":
        levels = _ordered(levels, ("says", "about"))
    n = len(levels)
    step = 0.35 if n > 1 else 0.0
    handles = []
    for i, level in enumerate(levels):
        rows = frame if level is None else frame[frame[hue] == level]
        off = (i - (n - 1) / 2) * step
        marker = _MARKERS[i % len(_MARKERS)]
        hollow = i % 2 == 1
        for _, row in rows.iterrows():
            color = camp_color(row["camp"]) if "camp" in rows.columns else "#000000"
            py = rank[row[y]] + off
            l, h = row.get(lo, np.nan), row.get(hi, np.nan)
            if pd.notna(l) and pd.notna(h):
                ax.hlines(py, l, h, color=color, linewidth=1.0)
            ax.plot([row[x]], [py], marker=marker, linestyle="none", markersize=4.5,
                    color=color, markerfacecolor="white" if hollow else color,
                    markeredgewidth=1.0)
        if level is not None:
            handles.append(Line2D([], [], marker=marker, linestyle="none", color="#444444",
                                  markerfacecolor="white" if hollow else "#444444",
                                  label=str(level)))
    ax.axvline(0.0, color="#444444", linestyle="--", linewidth=0.7, zorder=0)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(actors)), [str(a) for a in actors])
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    if "camp" in frame.columns:
        handles += [Patch(color=camp_color(c), label=CAMP_LABELS.get(c, c))
                    for c in _ordered(frame["camp"], CAMPS)]
    _legend(ax, handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def _camp_key(col: pd.Series) -> pd.Series:
    if col.name == "camp":
        return col.map(lambda c: CAMPS.index(c) if c in CAMPS else len(CAMPS))
    return col


def plot_cue_classes(data: pd.DataFrame, *, x: str = "cue_class", hue: str = "camp",
                     y: str | None = None, ax: Axes | None = None) -> Axes:
    """How the article introduces each camp's claims: reporting-cue classes by camp.

    ``data`` is the ``claims`` table (one row per claim, counted), or an
    aggregated table with a count column named by ``y``.
    """
    ax = _axes(ax)
    order = ("neutral", "assertive", "announcing", "directive", "emotive", "doubting", "accusatory")
    table = _counts(data, x, hue, y, order if x == "cue_class" else ())
    colors = _palette(hue, list(table.columns))
    _grouped_bars(ax, table, colors)
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y) if y else "claims (count)")
    ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    _legend(ax, [Patch(color=colors[c], label=CAMP_LABELS.get(c, str(c))) for c in table.columns])
    return ax


def plot_by_group(data: pd.DataFrame, *, x: str = "outlet", y: str | None = None,
                  hue: str | None = "camp", estimator: str = "sum", share: bool = False,
                  ax: Axes | None = None) -> Axes:
    """A measure for each group of a corpus (outlet, outlet type, date), by ``hue``.

    With ``y=None`` the rows of ``data`` are counted (e.g. claims per outlet and
    camp); otherwise ``y`` is aggregated with ``estimator`` (``"sum"``,
    ``"mean"``, ...). ``share=True`` turns each group into percentages.
    """
    ax = _axes(ax)
    order = sorted(data[x].dropna().unique()) if x == "date" else ()
    table = _counts(data, x, hue, y, order, estimator)
    if share:
        totals = table.sum(axis=1).replace(0, np.nan)
        table = table.div(totals, axis=0).fillna(0) * 100
    colors = _palette(hue, list(table.columns))
    _grouped_bars(ax, table, colors)
    ax.set_xlabel(_label(x))
    if share:
        ax.set_ylabel("share of claims (%)" if y is None else f"share of {_label(y)} (%)")
    elif y is None:
        ax.set_ylabel("claims (count)")
    else:
        ax.set_ylabel(_label(y) if estimator == "sum" else f"{_label(y)} ({estimator})")
    if hue is not None:
        _legend(ax, [Patch(color=colors[c], label=CAMP_LABELS.get(c, str(c)))
                     for c in table.columns], title=None if hue == "camp" else _label(hue))
    return ax


def plot_unit_shift(data: pd.DataFrame, *, x: str = "unit", y: str = "ratio",
                    by: str = "article", ax: Axes | None = None) -> Axes:
    """How each article's state/opposition ratio moves when the counting unit changes.

    One grey line per ``by`` group (article) across the units ``x``, on a log
    scale, with the median over groups in black; the dashed line is parity.
    Values that are 0, infinite or missing (no claims of one camp) break the line.
    """
    ax = _axes(ax)
    xs = _ordered(data[x], UNITS if x == "unit" else ())
    pos = {v: i for i, v in enumerate(xs)}
    vals = data[y].replace([np.inf, -np.inf], np.nan).where(data[y] > 0)
    frame = data.assign(**{y: vals})
    table = frame.pivot_table(index=by, columns=x, values=y, aggfunc="first", dropna=False)
    table = table.reindex(columns=xs)
    for _, row in table.iterrows():
        ax.plot([pos[c] for c in table.columns], row.to_numpy(dtype=float), color="#BBBBBB",
                linewidth=0.7, marker="o", markersize=2)
    median = table.median(axis=0, skipna=True).to_numpy(dtype=float)
    ax.plot(range(len(xs)), median, color="#000000", linewidth=1.6, marker="o", markersize=4,
            label="median")
    n_ok = table.notna().sum(axis=0).to_numpy()
    ax.axhline(1.0, color="#444444", linestyle="--", linewidth=0.7, zorder=0)
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(mpl.ticker.LogLocator(base=2, numticks=8))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(_ratio_tick))
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_xticks(range(len(xs)), [_wrap(f"{v} (n={k})") for v, k in zip(xs, n_ok)])
    ax.set_xlim(-0.3, len(xs) - 0.7)
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    _legend(ax, [Line2D([], [], color="#BBBBBB", marker="o", markersize=2, label=f"one {by}"),
                 Line2D([], [], color="#000000", linewidth=1.6, marker="o", label="median")],
            loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
    return ax


def recurring(tone: pd.DataFrame, *, measure: str = "says", min_articles: int = 2,
              top: int = 8) -> pd.DataFrame:
    """Rows of ``actor_sentiment`` (``measure`` only, both scopes) for actors measured in
    at least ``min_articles`` articles: the ``top`` actors with the most articles."""
    rows = tone[tone["measure"] == measure]
    per = rows[rows["scope"] == "article"].groupby("actor")["article"].nunique()
    per = per[per >= min_articles].sort_values(ascending=False, kind="stable")
    keep = list(per.index[:top])
    return rows[rows["actor"].isin(keep)]


def speakers(tone: pd.DataFrame, *, min_n: int = 1) -> pd.DataFrame:
    """Rows of ``actor_sentiment`` for the actors who speak (have a ``says`` row with ``n >= min_n``).

    An article mentions many more actors than it quotes; the tone figure keeps the speakers,
    with both of their measures.
    """
    says = tone[(tone["measure"] == "says") & (tone["n"] >= min_n)]
    keys = ["actor", "scope"] + (["article"] if "article" in tone.columns else [])
    keep = says[keys].drop_duplicates()
    return tone.merge(keep, on=keys, how="inner")[list(tone.columns)]


def with_articles(table: pd.DataFrame, articles: pd.DataFrame,
                  columns: Sequence[str] = ("outlet", "outlet_type", "date")) -> pd.DataFrame:
    """``table`` with the article-level ``columns`` (outlet, outlet type, date) joined on ``article``.

    Missing values become ``"unknown"`` so that every row lands in a group.
    """
    cols = [c for c in columns if c in articles.columns and c not in table.columns]
    meta = articles[["article", *cols]].drop_duplicates("article")
    out = table.merge(meta, on="article", how="left")
    for c in cols:
        out[c] = out[c].replace("", np.nan).fillna("unknown").astype(str)
    return out


# ------------------------------------------------------------------------ saving


def save_figure(fig: Figure, name: str, *, data: pd.DataFrame | None = None,
                folder: str | os.PathLike = paths.FIGURES,
                formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``fig`` as ``folder/name.{pdf,svg,png}`` and ``data`` as ``folder/data/name.csv``.

    The files are byte-identical from run to run on the same matplotlib version:
    no dates or software versions in the metadata, a fixed ``svg.hashsalt``,
    TrueType fonts in the PDF, a fixed PNG resolution (:data:`DPI`), and a CSV
    with a fixed float format and ``\\n`` line endings. Returns the paths written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context(fname=str(paths.STYLE)), mpl.rc_context({
        "svg.hashsalt": "framing", "pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "path",
    }):
        for fmt in formats:
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=DPI, metadata=_METADATA.get(fmt, {}))
            written.append(_write(folder / f"{name}.{fmt}", buf.getvalue()))
    if data is not None:
        text = data.to_csv(index=False, float_format="%.6g", lineterminator="\n")
        written.append(_write(folder / "data" / f"{name}.csv", text.encode("utf-8")))
    return written


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path
