"""The whole analysis on the seed, the command line, and corpus runs with bad files."""
from __future__ import annotations

import json
import math

import pytest

from framing import paths
from framing.cli import main
from framing.pipeline import analyze


@pytest.fixture(scope="module")
def seed():
    return analyze(paths.SEED, n_boot=300)


def test_signals_agree_with_hand_count(seed):
    s = seed["signals"].iloc[0]
    assert (s["body_state"], s["body_opposition"], s["body_foreign"]) == (9, 12, 1)
    assert s["first_camp"] == "opposition"
    assert s["arrest_figure_max"] == 11000
    assert "unsanctioned" in s["legality_terms"] and "illegal" in s["legality_terms"]
    r = seed["ratios"]
    claims = r[(r.region == "body") & (r.unit == "claims")].iloc[0]
    assert claims["ratio"] == pytest.approx(9 / 12)
    assert claims["ci_low"] < claims["ratio"] < claims["ci_high"]
    assert set(r["unit"]) == {"claims", "direct quotes", "quoted words", "sentences with a claim"}


def test_says_and_about_are_separate(seed):
    a = seed["actor_sentiment"]
    volkov = a[(a.actor == "Leonid Volkov") & (a.scope == "article")]
    assert set(volkov["measure"]) == {"says", "about"}
    assert all(-1 <= v <= 1 for v in a["mean"])


def test_sentence_tone_uses_repaired_text_and_neutral_quotes(seed):
    s = seed["sentences"]
    row = s[s["text"].str.startswith('"No OMON')].iloc[0]
    assert row["tone"] > 0  # "No OMON (riot police), no fear." is not negative once the quote mark is neutralised


def test_cli_claims_jsonl(capsys):
    assert main(["claims", str(paths.SEED), "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 24
    for key in ("article", "region", "sentence", "speaker", "camp", "kind", "cue", "text", "start", "end"):
        assert key in rows[0]


def test_cli_text_and_repairs(capsys):
    assert main(["text", str(paths.SEED)]) == 0
    out = capsys.readouterr().out
    assert "Alexei Navalny" in out and "is not indifferent" in out and "date 2021" not in out
    assert main(["text", str(paths.SEED), "--repairs"]) == 0
    assert "AlexeiNavalny\tAlexei Navalny" in capsys.readouterr().out


def test_cli_bad_file_names_it(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    assert main(["text", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "Traceback" not in err


def test_corpus_run_survives_a_bad_file(tmp_path, capsys):
    (tmp_path / "good.md").write_text("---\ntitle: Test\nwritten_by: framing developers\n---\n\n"
                                      "Opposition leader Marta Vell said the vote was rigged.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path), "--out", str(out)]) == 0
    import pandas as pd
    claims = pd.read_csv(out / "claims.csv")
    errors = pd.read_csv(out / "errors.csv")
    assert claims["speaker"].tolist() == ["Marta Vell"]
    assert errors["path"].str.contains("bad.txt").all()
    assert (tmp_path / "bad.txt").read_bytes() == b"\x00\x01\x02binary"


def test_report_html_escapes(tmp_path, capsys):
    art = tmp_path / "x.txt"
    art.write_text("Opposition leader Marta Vell said <script>alert(1)</script> was fine.\n")
    html = tmp_path / "x.html"
    assert main(["report", str(art), "--html", str(html)]) == 0
    page = html.read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_streamed_and_parallel_runs_agree_with_in_memory(tmp_path):
    import pandas as pd

    from framing.pipeline import analyze_to

    folder = paths.FIXTURES / "articles"
    mem = analyze(folder, n_boot=50)
    counts = analyze_to(folder, tmp_path, chunk=5, n_boot=50, jobs=2)
    streamed = pd.read_csv(tmp_path / "claims.csv")
    assert counts["claims"] == len(mem["claims"]) == len(streamed)
    assert streamed["speaker"].fillna("").tolist() == mem["claims"]["speaker"].tolist()
    corpus_rows = pd.read_csv(tmp_path / "actor_sentiment.csv").query("scope == 'corpus'")
    assert len(corpus_rows) == (mem["actor_sentiment"]["scope"] == "corpus").sum()


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, capsys):
    pytest.importorskip("pandas")
    try:
        import pyarrow  # noqa: F401
        pytest.skip("pyarrow is installed")
    except ImportError:
        pass
    assert main(["analyze", str(paths.SEED), "--out", str(tmp_path), "--format", "parquet"]) == 2
    assert "pyarrow" in capsys.readouterr().err
