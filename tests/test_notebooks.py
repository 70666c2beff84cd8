"""The notebooks: stored without outputs, execute headless, and the committed figures are current."""
from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from framing import figures, paths

NOTEBOOKS = figures.notebooks(paths.NOTEBOOKS)
FIGURES_NOTEBOOK = paths.NOTEBOOKS / "04_figures.ipynb"
FIGURE_FORMATS = (".pdf", ".svg", ".png")
PARAMETERS = {"CORPUS", "ACTORS", "FIGURES", "SEED"}


def committed_figures() -> list[Path]:
    if not paths.FIGURES.is_dir():
        return []
    return sorted(p for p in paths.FIGURES.rglob("*")
                  if p.is_file() and (p.suffix in FIGURE_FORMATS or p.parent == paths.FIGURE_DATA))


def test_there_are_notebooks():
    names = [p.name for p in NOTEBOOKS]
    assert names[:4] == ["01_the_article.ipynb", "02_comparable_coverage.ipynb",
                         "03_validation.ipynb", "04_figures.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {cell.get('id')} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {cell.get('id')} has a count"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_holds_literal_assignments(path):
    cell = figures.parameters_cell(nbformat.read(path, as_version=4))
    assert cell is not None, f"{path.name} has no cell tagged 'parameters'"
    names = set()
    for node in ast.parse(cell.source).body:
        assert isinstance(node, ast.Assign), f"{path.name}: only assignments in the parameters cell"
        ast.literal_eval(node.value)  # papermill reads defaults from literals only
        names |= {t.id for t in node.targets}
    assert PARAMETERS <= names


def test_notebooks_match_their_generator():
    """notebooks/*.ipynb are exactly what scripts/make_notebooks.py writes."""
    script = paths.ROOT / "scripts" / "make_notebooks.py"
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_inject_parameters_replaces_literals_and_keeps_the_rest():
    src = 'CORPUS = "../corpus"\nACTORS = None  # note\nFIGURES = (\n    "../figures"\n)\nX = 1'
    out = figures.inject_parameters(src, {"FIGURES": Path("/tmp/f"), "ACTORS": "a.csv", "NEW": 3})
    assert out.splitlines() == ['CORPUS = "../corpus"', "ACTORS = 'a.csv'  # note",
                                "FIGURES = '/tmp/f'", "X = 1", "NEW = 3"]
    with pytest.raises(ValueError):
        figures.inject_parameters(src, {"ACTORS": object()})


def test_main_without_notebooks_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    assert figures.main() == 0
    assert "No notebooks" in capsys.readouterr().out


def _tiny_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    params = nbformat.v4.new_code_cell('OUT = "default.txt"\nWORD = "default"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "import os\nfrom pathlib import Path\nPath(OUT).write_text(WORD + ' ' + os.environ['SOURCE_DATE_EPOCH'])"
    )]
    nbformat.write(nb, path)
    return path


@pytest.mark.notebooks
def test_run_notebook_injects_parameters_and_leaves_the_file_alone(tmp_path):
    path = _tiny_notebook(tmp_path / "tiny.ipynb")
    before = path.read_bytes()
    out = tmp_path / "out.txt"
    nb = figures.run_notebook(path, {"OUT": out, "WORD": "injected"})
    assert out.read_text().startswith("injected ")
    assert path.read_bytes() == before  # the stored notebook is not rewritten
    assert all("execution" not in c.metadata for c in nb.cells)  # record_timing=False


# --------------------------------------------------------------- executing the real ones

_executed: dict[str, Path] = {}


@pytest.fixture(scope="module")
def run_into(tmp_path_factory):
    """Execute a notebook once per test session with FIGURES in a temporary folder."""

    def run(path: Path) -> Path:
        if path.name not in _executed:
            folder = tmp_path_factory.mktemp(path.stem)
            figures.run_notebook(path, {"FIGURES": str(folder)}, cwd=paths.NOTEBOOKS)
            _executed[path.name] = folder
        return _executed[path.name]

    return run


needs_pipeline = pytest.mark.skipif(importlib.util.find_spec("framing.pipeline") is None,
                                    reason="framing.pipeline is not there yet")


@pytest.mark.notebooks
@needs_pipeline
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, run_into):
    run_into(path)


@pytest.mark.notebooks
@needs_pipeline
def test_figures_notebook_writes_the_paper_figures(run_into):
    folder = run_into(FIGURES_NOTEBOOK)
    for name in ("fig1_voice_sequence", "fig2_ratio_by_unit", "fig3_actor_tone", "fig4_cue_classes"):
        for ext in FIGURE_FORMATS:
            assert (folder / f"{name}{ext}").stat().st_size > 0, f"{name}{ext} missing"
        assert (folder / "data" / f"{name}.csv").exists(), f"data/{name}.csv missing"


@pytest.mark.notebooks
@needs_pipeline
def test_committed_figures_are_current(run_into):
    """figures/ holds exactly what 04_figures.ipynb writes now, byte for byte."""
    committed = committed_figures()
    if not committed:
        pytest.skip("figures/ holds no figures yet: run `make figures` and commit figures/")
    folder = run_into(FIGURES_NOTEBOOK)
    fresh = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    old = {p.relative_to(paths.FIGURES).as_posix(): p for p in committed}
    assert sorted(old) == sorted(fresh), "figures/ and the notebook's figures differ in names"
    stale = [name for name in fresh if fresh[name].read_bytes() != old[name].read_bytes()]
    assert not stale, f"out of date (run `make figures`): {', '.join(stale)}"
