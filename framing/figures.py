"""Execute the notebooks headless; the notebooks write the paper's figures.

``python -m framing.figures`` (``make figures``) runs ``notebooks/*.ipynb`` in
name order with nbclient (kernel ``python3``, working directory ``notebooks/``,
no timing metadata, 600 s per cell). The executed notebooks are kept in memory
only: the ``.ipynb`` files stay as committed, without outputs. Figures are
written by the notebooks themselves through :func:`framing.plots.save_figure`;
this module lists what they wrote.

``SOURCE_DATE_EPOCH`` (0), ``PYTHONHASHSEED`` (0) and ``MPLBACKEND`` (Agg) are set
for the kernel when the environment does not set them, so a run from a shell,
from ``make`` and from the tests draws the same bytes.

>>> cell = 'CORPUS = "../corpus"\\nACTORS = None  # a CSV of actors\\nSEED = "x"'
>>> print(inject_parameters(cell, {"ACTORS": "actors.csv", "FIGURES": "/tmp/f"}))
CORPUS = "../corpus"
ACTORS = 'actors.csv'  # a CSV of actors
SEED = "x"
FIGURES = '/tmp/f'
"""
from __future__ import annotations

import ast
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import nbformat

from framing import paths

__all__ = ["run_notebook", "inject_parameters", "parameters_cell", "notebooks", "main",
           "corpus_advice", "KERNEL", "TIMEOUT"]

#: Kernel the notebooks run on.
KERNEL = "python3"
#: Seconds each cell may take.
TIMEOUT = 600
#: Environment defaults for the kernel (kept when the caller's environment sets them).
ENV_DEFAULTS = {"SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}


def notebooks(folder: str | os.PathLike = paths.NOTEBOOKS) -> list[Path]:
    """The notebooks in ``folder``, in name order (checkpoints excluded)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def parameters_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    """The first code cell tagged ``parameters``, if any."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def _literal(value) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    text = repr(value)
    try:
        ast.literal_eval(text)  # only literals: what papermill can read back as defaults
    except (ValueError, SyntaxError):
        raise ValueError(f"parameter value {value!r} is not a Python literal") from None
    return text


def inject_parameters(source: str, parameters: Mapping[str, object]) -> str:
    """Replace the literal assignments ``NAME = ...`` in ``source`` by ``parameters``.

    Names not assigned in ``source`` are appended. Values must be Python literals
    (str, numbers, bool, None, lists, dicts) or paths (written as strings).
    """
    lines = source.splitlines()
    todo = dict(parameters)
    tree = ast.parse(source)
    # Replace from the bottom so that line numbers above stay valid.
    for node in sorted(tree.body, key=lambda n: n.lineno, reverse=True):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id in todo):
            name = node.targets[0].id
            first, last = node.lineno - 1, node.end_lineno - 1
            tail = lines[last][node.end_col_offset:]
            lines[first:last + 1] = [f"{name} = {_literal(todo.pop(name))}{tail}"]
    lines += [f"{name} = {_literal(value)}" for name, value in todo.items()]
    return "\n".join(lines)


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    for key, value in ENV_DEFAULTS.items():
        env.setdefault(key, value)
    return env


def run_notebook(path: str | os.PathLike, parameters: Mapping[str, object] | None = None, *,
                 cwd: str | os.PathLike | None = None, timeout: int = TIMEOUT,
                 kernel_name: str = KERNEL) -> nbformat.NotebookNode:
    """Execute the notebook at ``path`` and return it executed (the file is not changed).

    ``parameters`` replace the literal assignments of the cell tagged
    ``parameters``. Cells run in ``cwd`` (default: the notebook's folder), so
    relative paths in the notebook work as in JupyterLab. Raises
    :class:`nbclient.exceptions.CellExecutionError` when a cell fails.
    """
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if parameters:
        cell = parameters_cell(nb)
        if cell is None:
            raise ValueError(f"{path.name} has no cell tagged 'parameters'")
        cell.source = inject_parameters(cell.source, parameters)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=kernel_name, record_timing=False,
        resources={"metadata": {"path": str(Path(cwd) if cwd else path.parent)}},
    )
    client.execute(env=_kernel_env())
    return nb


def corpus_advice(articles, corpus: str | os.PathLike = paths.CORPUS) -> str:
    """What the corpus holds and, when it is too small to compare, what to add and how."""
    n = len(articles)
    lines = [f"{n} article{'s' if n != 1 else ''} in {corpus}."]
    if n:
        for col, what in (("outlet", "outlets"), ("outlet_type", "outlet types"), ("date", "dates")):
            if col in articles.columns:
                vals = sorted({str(v) for v in articles[col] if isinstance(v, str) and v})
                missing = n - sum(isinstance(v, str) and bool(v) for v in articles[col])
                lines.append(f"  {what}: {', '.join(vals) or 'none'}"
                             + (f" ({missing} article(s) without one)" if missing else ""))
    if n < 2 or ("outlet" in articles.columns and articles["outlet"].nunique() < 2):
        lines += [
            "",
            "To compare coverage, add articles from other outlets to the corpus folder:",
            "  * one file per article: .txt (wire scrape or plain text), .md (YAML front matter",
            "    with title, outlet, outlet_type, date), .html; or one CSV / JSON Lines export",
            "    with a row per article (columns title, text, outlet, outlet_type, date);",
            "  * a metadata.csv next to them (column file, path or id, then outlet, outlet_type,",
            "    date, url) fills in what the files do not say, e.g.",
            "        file,outlet,outlet_type,date",
            "        001_tass.txt,TASS,state media,2021-02-09",
            "  * then re-run this notebook (or `make figures`). The plots below already work",
            "    with one article; they become comparisons as outlets are added.",
        ]
    return "\n".join(lines)


def _snapshot(folder: Path) -> dict[Path, int]:
    if not folder.is_dir():
        return {}
    return {p: p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.is_file()}


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Run every notebook; print what each one wrote into ``figures/``. Returns the exit code."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    books = notebooks(paths.NOTEBOOKS)
    if not books:
        print(f"No notebooks in {_show(paths.NOTEBOOKS)}: nothing to run, no figures written.")
        return 0
    from nbclient.exceptions import CellExecutionError

    failed = []
    for book in books:
        before = _snapshot(paths.FIGURES)
        t0 = time.perf_counter()
        try:
            run_notebook(book, cwd=paths.NOTEBOOKS)
        except CellExecutionError as exc:
            failed.append(book.name)
            print(f"FAILED {book.name}:\n{exc}", file=sys.stderr)
            continue
        after = _snapshot(paths.FIGURES)
        wrote = [p for p, t in after.items() if before.get(p) != t]
        print(f"ran {book.name} ({time.perf_counter() - t0:.1f} s)"
              + ("" if wrote else ": no figures"))
        for p in wrote:
            print(f"  wrote {_show(p)}")
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
