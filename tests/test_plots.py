"""framing.plots: helpers return Axes in the camp colours; save_figure is byte-identical."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from framing import paths, plots  # noqa: E402


@pytest.fixture(autouse=True)
def _style_and_close():
    with plots.use_style():
        yield
    plt.close("all")


@pytest.fixture
def claims() -> pd.DataFrame:
    """A claims table by hand (schema.py columns)."""
    return pd.DataFrame({
        "article": ["a"] * 6,
        "claim": range(6),
        "region": ["headline", "body", "body", "body", "body", "body"],
        "paragraph": [0, 3, 7, 9, 12, 14],
        "sentence": [0, 3, 8, 10, 13, 15],
        "speaker": ["Leonid Volkov", "Leonid Volkov", "Maria Zakharova", "Kremlin",
                    "Dmitry Peskov", "European Union"],
        "mention": ["Volkov", "He", "Ministry spokeswoman Maria Zakharova", "The Kremlin",
                    "Kremlin spokesman Dmitry Peskov", "the EU"],
        "camp": ["opposition", "opposition", "state", "state", "state", "foreign"],
        "kind": ["indirect", "direct", "direct", "indirect", "mixed", "indirect"],
        "cue": ["says", "wrote", "said", "said", "told reporters", "urged"],
        "cue_class": ["neutral", "neutral", "accusatory", "assertive", "neutral", "directive"],
        "text": ["new tactic distances protesters", "\"No fear.\"", "\"NATO has instructed\"",
                 "anyone who broke the law", "\"We're not going to\"", "release detainees"],
        "start": [10, 100, 200, 300, 400, 500],
        "end": [40, 110, 220, 330, 420, 520],
        "via": ["name"] * 6,
        "distancing": [False] * 6,
        "quoted_words": [0, 2, 3, 0, 5, 0],
    })


@pytest.fixture
def ratios() -> pd.DataFrame:
    """A ratios table by hand (long form: one row per region and unit)."""
    rows = []
    for region in ("body", "headline+summary"):
        for unit, (s, o) in zip(plots.UNITS, [(3, 2), (2, 1), (60, 40), (3, 0)]):
            ratio = s / o if o else np.inf
            rows.append(dict(article="a", region=region, unit=unit, state=s, opposition=o,
                             foreign=1, other=0, ratio=ratio, ci_low=ratio / 3 if o else 1.0,
                             ci_high=ratio * 3 if o else np.inf))
    return pd.DataFrame(rows)


@pytest.fixture
def tone() -> pd.DataFrame:
    return pd.DataFrame({
        "scope": "article", "article": "a",
        "actor": ["Leonid Volkov", "Leonid Volkov", "Dmitry Peskov", "Dmitry Peskov", "European Union"],
        "camp": ["opposition", "opposition", "state", "state", "foreign"],
        "measure": ["says", "about", "says", "about", "says"],
        "mean": [0.2, -0.1, -0.3, 0.0, 0.4], "n": [4, 3, 1, 2, 1],
        "ci_low": [-0.1, -0.4, np.nan, -0.2, np.nan], "ci_high": [0.5, 0.2, np.nan, 0.2, np.nan],
    })


def colours(ax: Axes) -> set[str]:
    """Every colour drawn on ``ax`` (bars, markers, lines), as lower-case hex."""
    out: set[str] = set()
    for p in ax.patches:
        out.add(to_hex(p.get_facecolor()))
    for c in ax.collections:
        for rgba in list(c.get_facecolors()) + list(c.get_edgecolors()):
            out.add(to_hex(rgba))
    for line in ax.get_lines():
        out.add(to_hex(line.get_color()))
        out.add(to_hex(line.get_markerfacecolor()))
    return out


def camp_hex(*camps: str) -> set[str]:
    return {plots.CAMP_COLORS[c].lower() for c in camps}


def test_palette_is_one_colour_per_camp():
    assert list(plots.CAMP_COLORS) == list(plots.CAMPS) == ["state", "opposition", "foreign", "other"]
    assert len(set(plots.CAMP_COLORS.values())) == 4
    # Okabe-Ito (plus its grey): safe for the common colour-vision deficiencies.
    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
                 "#000000", "#999999"}
    assert {c.lower() for c in plots.CAMP_COLORS.values()} <= okabe_ito
    assert plots.camp_color("nobody") == plots.CAMP_COLORS["other"]


def test_style_file_settings():
    rc = mpl.rc_params_from_file(str(paths.STYLE), use_default_template=False)
    assert rc["svg.hashsalt"]
    assert rc["pdf.fonttype"] == 42
    assert rc["axes.spines.top"] is False and rc["axes.spines.right"] is False
    assert 3.3 <= rc["figure.figsize"][0] <= 3.6  # one journal column


def test_use_style_context_restores_settings():
    plt.rcdefaults()
    before = mpl.rcParams["axes.spines.top"]
    with plots.use_style():
        assert mpl.rcParams["axes.spines.top"] is False
    assert mpl.rcParams["axes.spines.top"] == before


def test_plot_camp_counts(ratios):
    ax = plots.plot_camp_counts(ratios[ratios["region"] == "body"])
    assert isinstance(ax, Axes)
    assert camp_hex("state", "opposition", "foreign") <= colours(ax)
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == list(plots.UNITS)
    assert ax.get_xlabel() and "%" in ax.get_ylabel()
    raw = plots.plot_camp_counts(ratios[ratios["region"] == "body"], share=False)
    assert max(p.get_height() for p in raw.patches) == 60


def test_plot_camp_counts_long_form():
    long = pd.DataFrame({"unit": ["claims"] * 2, "camp": ["state", "opposition"], "count": [3, 1]})
    ax = plots.plot_camp_counts(long, share=False)
    assert sorted(p.get_height() for p in ax.patches) == [1, 3]
    assert camp_hex("state", "opposition") <= colours(ax)


def test_plot_ratio(ratios):
    body = ratios[ratios["region"] == "body"]
    ax = plots.plot_ratio(body)
    assert isinstance(ax, Axes)
    assert ax.get_yscale() == "log"
    assert any(np.allclose(line.get_ydata(), 1.0) for line in ax.get_lines())  # parity line
    assert "ratio" in ax.get_ylabel() and ax.get_xlabel()
    # The unit with no opposition claims (infinite ratio) is left out, not drawn at inf.
    ys = np.concatenate([np.asarray(line.get_ydata(), dtype=float) for line in ax.get_lines()])
    assert np.isfinite(ys).all()
    ax2 = plots.plot_ratio(ratios, hue="region")
    assert ax2.get_legend() is not None


def test_plot_voice_sequence(claims):
    ax = plots.plot_voice_sequence(claims)
    assert isinstance(ax, Axes)
    assert camp_hex("state", "opposition", "foreign") <= colours(ax)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["Leonid Volkov", "Maria Zakharova"]  # order of first appearance
    assert ax.get_xlabel() and ax.get_ylabel()


def test_plot_actor_tone(tone):
    ax = plots.plot_actor_tone(tone)
    assert isinstance(ax, Axes)
    assert camp_hex("state", "opposition") <= colours(ax)
    assert ax.get_xlim()[0] <= -1 and ax.get_xlim()[1] >= 1
    assert "tone" in ax.get_xlabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "says" in legend and "about" in legend


def test_plot_cue_classes(claims):
    ax = plots.plot_cue_classes(claims)
    assert isinstance(ax, Axes)
    assert camp_hex("state", "opposition", "foreign") <= colours(ax)
    assert sum(p.get_height() for p in ax.patches) == len(claims)
    assert ax.get_ylabel() == "claims (count)"


def test_plot_by_group(claims):
    data = claims.assign(outlet=["Reuters"] * 3 + ["TASS"] * 3)
    ax = plots.plot_by_group(data, x="outlet")
    assert isinstance(ax, Axes)
    assert camp_hex("state", "opposition", "foreign") <= colours(ax)
    assert sum(p.get_height() for p in ax.patches) == len(claims)
    shares = plots.plot_by_group(data, x="outlet", share=True)
    assert "%" in shares.get_ylabel()
    words = plots.plot_by_group(data, x="outlet", y="quoted_words")
    assert sum(p.get_height() for p in words.patches) == claims["quoted_words"].sum()


def test_helpers_draw_on_given_axes(claims, ratios, tone):
    fig, axes = plt.subplots(2, 3)
    axes = axes.ravel()
    assert plots.plot_camp_counts(ratios, ax=axes[0]) is axes[0]
    assert plots.plot_ratio(ratios, ax=axes[1]) is axes[1]
    assert plots.plot_voice_sequence(claims, ax=axes[2]) is axes[2]
    assert plots.plot_actor_tone(tone, ax=axes[3]) is axes[3]
    assert plots.plot_cue_classes(claims, ax=axes[4]) is axes[4]
    assert plots.plot_by_group(claims.assign(outlet="R"), ax=axes[5]) is axes[5]


def test_plot_unit_shift(ratios):
    two = pd.concat([ratios.assign(article="a"), ratios.assign(article="b", ratio=ratios["ratio"] * 2)])
    ax = plots.plot_unit_shift(two[two["region"] == "body"])
    assert isinstance(ax, Axes) and ax.get_yscale() == "log"
    assert len(ax.get_lines()) == 2 + 1 + 1  # two articles, the median, parity


def test_speakers_and_recurring(tone):
    both = pd.concat([tone, tone.assign(article="b")])
    kept = plots.speakers(tone)
    assert set(kept["actor"]) == {"Leonid Volkov", "Dmitry Peskov", "European Union"}
    rec = plots.recurring(both, measure="says", min_articles=2)
    assert set(rec["measure"]) == {"says"} and rec["actor"].nunique() == 3


def test_with_articles(claims):
    articles = pd.DataFrame({"article": ["a"], "outlet": ["Reuters"], "outlet_type": [""],
                             "date": ["2021-02-09"]})
    out = plots.with_articles(claims, articles)
    assert (out["outlet"] == "Reuters").all() and (out["outlet_type"] == "unknown").all()
    assert len(out) == len(claims)


def _draw(claims: pd.DataFrame):
    ax = plots.plot_voice_sequence(claims)
    return ax.figure


def test_save_figure_is_byte_identical(tmp_path, claims):
    data = claims[["claim", "speaker", "camp"]].assign(share=[1 / 3, 2 / 3, 0.1, 0.25, 1e-7, 12345.678])
    runs = []
    for run in ("a", "b"):
        fig = _draw(claims)
        written = plots.save_figure(fig, "fig", data=data, folder=tmp_path / run)
        plt.close(fig)
        runs.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes() for p in written})
    a, b = runs
    assert set(a) == {"fig.pdf", "fig.svg", "fig.png", "data/fig.csv"}
    for name in a:
        assert a[name] == b[name], f"{name} differs between two runs"
    assert b"CreationDate" not in a["fig.pdf"]
    assert b"<dc:date>" not in a["fig.svg"]
    assert b"Software" not in a["fig.png"] and b"Matplotlib version" not in a["fig.png"]
    csv = a["data/fig.csv"].decode()
    assert csv.splitlines()[0] == "claim,speaker,camp,share"
    assert "0.333333" in csv and "\r" not in csv
    assert pd.read_csv(tmp_path / "a" / "data" / "fig.csv").shape == data.shape


def test_save_figure_png_resolution(tmp_path, claims):
    fig = _draw(claims)
    plots.save_figure(fig, "fig", folder=tmp_path, formats=("png",))
    img = plt.imread(tmp_path / "fig.png")
    w_in, h_in = fig.get_size_inches()
    assert img.shape[1] == round(w_in * plots.DPI)
    assert not (tmp_path / "data").exists()  # no data given, no csv


SCRIPT = textwrap.dedent('''
    import sys, pandas as pd, matplotlib
    matplotlib.use("Agg")
    from framing import plots
    plots.use_style()
    r = pd.DataFrame({"unit": list(plots.UNITS), "state": [3, 2, 60, 3], "opposition": [2, 1, 40, 2],
                      "foreign": [1, 0, 5, 1], "other": [0, 0, 0, 1]})
    r["ratio"] = r.state / r.opposition; r["ci_low"] = r.ratio / 2; r["ci_high"] = r.ratio * 2
    ax = plots.plot_ratio(r)
    plots.save_figure(ax.figure, "ratio", data=r, folder=sys.argv[1])
''')


def test_save_figure_identical_across_processes(tmp_path):
    """Two fresh interpreters with different hash seeds write the same bytes."""
    for run, seed in (("a", "1"), ("b", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MPLBACKEND": "Agg"}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True, env=env)
    for name in ("ratio.pdf", "ratio.svg", "ratio.png", "data/ratio.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
