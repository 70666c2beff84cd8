"""Write notebooks/*.ipynb from the cell sources below (no outputs, stable cell ids).

    python scripts/make_notebooks.py          # (re)write the notebooks
    python scripts/make_notebooks.py --check  # exit 1 if a notebook differs from this script

The notebooks are thin: each cell calls the package (framing.pipeline, framing.plots,
framing.annotate, framing.evaluate). Edit the sources here, regenerate, and diff.
Every notebook starts with a cell tagged ``parameters`` holding literal assignments
only, so papermill and ``framing.figures.run_notebook`` can override them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

PARAMETERS = '''\
# Parameters (literal assignments only: papermill and framing.figures.run_notebook override them).
# Paths are relative to notebooks/.
CORPUS = "../corpus"
ACTORS = None  # a CSV of extra actors (see docs), or None for the built-in list
FIGURES = "../figures"
SEED = "../corpus/000_2ba4b2c5fd7b7a25.txt"'''

SETUP = '''\
import pandas as pd
from IPython.display import display

from framing import pipeline, plots
from framing.annotate import AnnotatedArticle

plots.use_style()
pd.set_option("display.max_colwidth", 120)
pd.set_option("display.width", 200)'''


def md(text: str) -> tuple[str, str, list[str]]:
    return ("markdown", text.strip("\n"), [])


def code(text: str, *tags: str) -> tuple[str, str, list[str]]:
    return ("code", text.strip("\n"), list(tags))


NOTEBOOK_CELLS: dict[str, list[tuple[str, str, list[str]]]] = {}

NOTEBOOK_CELLS["01_the_article.ipynb"] = [
    md('''
# 1. The article: who speaks, for which side, in what tone

One article, read closely: the seed (Reuters, 9 February 2021). The kit finds every
claim, attributes it to a speaker, puts the speaker in a camp (state, opposition,
foreign, other) and scores tone. Every table below is a `framing.schema` table;
every figure is drawn by `framing.plots` in the camp colours used throughout.
'''),
    code(PARAMETERS, "parameters"),
    code(SETUP),
    code('''
result = pipeline.analyze([SEED], actors=ACTORS)
claims = result["claims"]
result["articles"][["article", "outlet", "outlet_type", "date", "title"]]
'''),
    md('''
## The annotated article

Claims are highlighted in their camp's colour; hover a highlight for speaker, camp and
reporting cue. The numbers are claim ids (the `claim` column of the table below).
'''),
    code('AnnotatedArticle.from_result(result)'),
    md('## The claims'),
    code('''
claims[["claim", "region", "speaker", "camp", "kind", "cue", "cue_class", "distancing",
        "quoted_words", "text"]]
'''),
    md('''
## Who gets the floor, in order

One marker per claim, in the order the article gives them; filled markers are
quoted, hollow ones reported.
'''),
    code('ax = plots.plot_voice_sequence(claims)'),
    md('''
## State / opposition ratio under each counting unit

The same article gives different ratios depending on what is counted: claims, direct
quotes, quoted words or sentences with a claim. Intervals are bootstrap 95%; the
dashed line is parity. `body` counts the article body; `headline+summary` the
headline and summary bullets.
'''),
    code('''
ratios = result["ratios"]
display(ratios)
ax = plots.plot_ratio(ratios, hue="region")
'''),
    code('ax = plots.plot_camp_counts(ratios[ratios["region"] == "body"])'),
    md('''
## Tone: what each actor says, and what is said about them

`says`: mean tone of the actor's claims. `about`: mean tone of the sentences that
mention the actor. Whiskers are bootstrap 95% intervals (none when n = 1).
'''),
    code('''
tone = result["actor_sentiment"]
tone = tone[tone["scope"] == "article"]
display(tone)
ax = plots.plot_actor_tone(plots.speakers(tone))
'''),
    md('## How claims are introduced: reporting-cue classes by camp'),
    code('ax = plots.plot_cue_classes(claims)'),
    md('## Problems met on the way (empty when none)'),
    code('result["errors"]'),
]

NOTEBOOK_CELLS["02_comparable_coverage.ipynb"] = [
    md('''
# 2. Comparable coverage: the same views across a corpus

Point `CORPUS` at a folder of articles (wire scrapes, text, Markdown, HTML, CSV or
JSON Lines exports). Outlet, outlet type and date come from the articles themselves
or from a `metadata.csv` in the folder. The views of notebook 1 are repeated by
outlet, by outlet type and by date.
'''),
    code(PARAMETERS, "parameters"),
    code(SETUP + "\nfrom framing.figures import corpus_advice"),
    code('''
result = pipeline.analyze(CORPUS, actors=ACTORS)
articles = result["articles"]
print(corpus_advice(articles, CORPUS))
articles[["article", "outlet", "outlet_type", "date", "title"]]
'''),
    md('## Claims by camp, per outlet, outlet type and date'),
    code('''
claims = plots.with_articles(result["claims"], articles)
for group in ["outlet", "outlet_type", "date"]:
    ax = plots.plot_by_group(claims, x=group, share=True)
    ax.set_title(f"Share of claims by camp, per {group.replace('_', ' ')}")
'''),
    md('''
## State / opposition ratio per article

Claims in the body (the unit used in the paper's headline figure), with intervals.
'''),
    code('''
ratios = plots.with_articles(result["ratios"], articles)
body = ratios[(ratios["region"] == "body") & (ratios["unit"] == "claims")]
display(body[["article", "outlet", "outlet_type", "date", "state", "opposition", "ratio",
              "ci_low", "ci_high"]])
ax = plots.plot_ratio(body, x="article", hue="outlet")
'''),
    md('## Tone toward and from each actor, over the whole corpus'),
    code('''
tone = result["actor_sentiment"]
corpus_tone = tone[tone["scope"] == "corpus"]
display(corpus_tone)
ax = plots.plot_actor_tone(plots.speakers(corpus_tone, min_n=2))
'''),
    md('## Reporting-cue classes by camp, whole corpus'),
    code('ax = plots.plot_cue_classes(claims)'),
    code('result["errors"]'),
]

NOTEBOOK_CELLS["03_validation.ipynb"] = [
    md('''
# 3. Validation: the kit against hand coding

`framing.evaluate.score_claims` compares the kit's claims with hand-coded claims
(`tests/fixtures/gold/*.jsonl`) for the fixture articles: precision, recall and F1 of
claim spans, and accuracy of speaker and camp on matched claims, per article and
overall. Then two robustness checks: how the state/opposition ratio moves with the
counting unit, and how per-actor tone moves with scope (one article vs the corpus).
'''),
    code(PARAMETERS + '\nFIXTURES = "../tests/fixtures"', "parameters"),
    code(SETUP + '\nfrom framing import evaluate'),
    code('''
scores = evaluate.score_claims(FIXTURES)
scores
'''),
    md('## The ratio under each counting unit, per fixture article'),
    code('''
fixtures = pipeline.analyze([f"{FIXTURES}/articles", SEED], actors=ACTORS)
ratios = fixtures["ratios"]
body = ratios[ratios["region"] == "body"]
display(body.pivot(index="article", columns="unit", values="ratio"))
ax = plots.plot_unit_shift(body)
'''),
    md('''
## Per-actor tone with scope

The same actor's tone measured article by article (one marker per article) and over
all fixture articles (`corpus`), for the actors who speak in at least two articles.
A corpus mean can hide articles that disagree.
'''),
    code('''
tone = fixtures["actor_sentiment"]
says = plots.recurring(tone, measure="says", min_articles=2)
display(says.pivot_table(index="actor", columns="scope", values="mean",
                         aggfunc=["min", "max", "count"]))
ax = plots.plot_actor_tone(says, hue="scope")
'''),
]

NOTEBOOK_CELLS["04_figures.ipynb"] = [
    md('''
# 4. The paper's figures

Every figure of the paper, drawn with `framing.plots` from the seed article and saved
with `framing.plots.save_figure` into `FIGURES` (PDF, SVG, PNG, and the data behind
each figure in `FIGURES/data/*.csv`). `make figures` runs this notebook headless;
the files are byte-identical from run to run (see `docs/figures.md`).
'''),
    code(PARAMETERS, "parameters"),
    code(SETUP),
    code('''
result = pipeline.analyze([SEED], actors=ACTORS)
claims = result["claims"]
ratios = result["ratios"]
tone = plots.speakers(result["actor_sentiment"])  # the actors who speak, both measures
tone = tone[tone["scope"] == "article"]
'''),
    md('## Figure 1. The sequence of voices through the article (unit: claims)'),
    code('''
ax = plots.plot_voice_sequence(claims)
plots.save_figure(ax.figure, "fig1_voice_sequence", folder=FIGURES,
                  data=claims[["claim", "region", "speaker", "camp", "kind", "cue_class"]])
'''),
    md('## Figure 2. State / opposition ratio under each counting unit (body and headline+summary)'),
    code('''
ax = plots.plot_ratio(ratios, hue="region")
plots.save_figure(ax.figure, "fig2_ratio_by_unit", folder=FIGURES,
                  data=ratios[["region", "unit", "state", "opposition", "foreign", "other",
                               "ratio", "ci_low", "ci_high"]])
'''),
    md('## Figure 3. Tone of what each actor says and of what is said about them'),
    code('''
ax = plots.plot_actor_tone(tone)
plots.save_figure(ax.figure, "fig3_actor_tone", folder=FIGURES,
                  data=tone[["actor", "camp", "measure", "mean", "n", "ci_low", "ci_high"]])
'''),
    md('## Figure 4. Reporting-cue classes by camp (unit: claims)'),
    code('''
ax = plots.plot_cue_classes(claims)
plots.save_figure(ax.figure, "fig4_cue_classes", folder=FIGURES,
                  data=claims[["claim", "speaker", "camp", "cue", "cue_class"]])
'''),
    md('## Figure 5. Each camp\'s share of the body under each counting unit'),
    code('''
body = ratios[ratios["region"] == "body"]
ax = plots.plot_camp_counts(body)
plots.save_figure(ax.figure, "fig5_camp_shares", folder=FIGURES,
                  data=body[["unit", "state", "opposition", "foreign", "other"]])
'''),
]


def build(name: str, cells: list[tuple[str, str, list[str]]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    stem = Path(name).stem.split("_", 1)[0]
    for i, (kind, source, tags) in enumerate(cells):
        if kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(source)
        else:
            cell = nbformat.v4.new_code_cell(source)
            cell.outputs, cell.execution_count = [], None
        cell.id = f"nb{stem}-{i:02d}"
        cell.metadata = {"tags": tags} if tags else {}
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def render(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the notebooks are current")
    ap.add_argument("--out", type=Path, default=NOTEBOOKS, help="folder to write (default notebooks/)")
    args = ap.parse_args(argv)
    stale = []
    for name, cells in NOTEBOOK_CELLS.items():
        path = args.out / name
        text = render(build(name, cells))
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if stale:
        print("out of date (run python scripts/make_notebooks.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
