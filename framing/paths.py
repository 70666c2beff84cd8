"""Path constants, in one place.

Every notebook and script takes its folders from here (or from a notebook's
``parameters`` cell that defaults to these), so nothing needs editing after a
fresh clone.

>>> from framing import paths
>>> paths.DATA.name
'data'
"""
from __future__ import annotations

from pathlib import Path

#: The installed package.
PACKAGE = Path(__file__).resolve().parent
#: Plain data files a researcher may edit: actor lists, role words, verbs, lexicons.
DATA = PACKAGE / "data"
#: The repository root (for an editable install; the folders below exist only in a clone).
ROOT = PACKAGE.parent
CORPUS = ROOT / "corpus"
FIGURES = ROOT / "figures"
FIGURE_DATA = FIGURES / "data"
NOTEBOOKS = ROOT / "notebooks"
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
DOCS = ROOT / "docs"
#: The seed article: Reuters, 2021-02-09.
SEED = CORPUS / "000_2ba4b2c5fd7b7a25.txt"
#: The matplotlib style used by every figure.
STYLE = DATA / "framing.mplstyle"
