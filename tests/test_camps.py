"""The camp model (framing.camps): a second look at each speaker's camp, auditable."""
import json
import subprocess
import sys

from framing import camps
from framing.actors import Cast
from framing.claims import extract_claims
from framing.pipeline import analyze_file
from helpers import linked, paragraph_regions

TEXT = ("Hundreds of farmers blocked the motorway near Varsk on Monday with their tractors.\n\n"
        "\"We will stay until the subsidy is back,\" said Tomas Brel, standing by a barricade of straw bales.\n\n"
        "Brel said the farmers had been promised talks three times.\n\n"
        "Interior Minister Ada Venn said the blockade was illegal.")




def test_one_camp_per_speaker_and_the_rule_camp_kept():
    """Written for this test. Every claim keeps its rule camp; a speaker gets one camp."""
    cast = Cast.load("", home="Arvenna,Arvennian")
    mentions = linked(TEXT, "Arvenna,Arvennian")
    claims = extract_claims(TEXT, paragraph_regions(TEXT), cast=cast, mentions=mentions)
    revised = camps.revise_camps(TEXT, claims, mentions)
    assert all("camp_rule" in c for c in claims)
    by_speaker = {}
    for c in claims:
        by_speaker.setdefault(c["speaker"], set()).add(c["camp"])
    assert all(len(v) == 1 for v in by_speaker.values())
    assert set(revised) == {c["speaker"] for c in claims}
    assert by_speaker["Ada Venn"] == {"state"}


def test_speakers_in_the_actor_file_keep_their_camp():
    """The seed's actors come from the actor file; the model does not touch them."""
    from framing import paths

    t = analyze_file(paths.SEED, n_boot=10)
    c = t["claims"]
    listed = c[c["speaker"].isin(list(Cast.load().actors))]
    assert len(listed) and (listed["camp"] == listed["camp_rule"]).all()


def test_probabilities_follow_the_weights():
    model = {"classes": ["state", "opposition", "foreign", "other"], "bias": [0, 0, 0, 0],
             "features": {"ctx=barricade": [0.0, 3.0, 0.0, 0.0]}}
    p = camps.probabilities({"ctx=barricade": 1.0}, model)
    assert max(range(4), key=p.__getitem__) == 1 and abs(sum(p) - 1) < 1e-12
    assert camps.probabilities({"ctx=unseen": 1.0}, model) == [0.25] * 4


def test_training_is_deterministic(tmp_path):
    """The training script gives the same file twice (on one small coded folder)."""
    outs = []
    for i in range(2):
        out = tmp_path / f"m{i}.json"
        subprocess.run([sys.executable, "scripts/train_camp_model.py", "tests/fixtures/heldout9", "--out", str(out)],
                       check=True, capture_output=True)
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    model = json.loads(outs[0])
    assert model["classes"] == list(camps.CAMPS) and model["examples"] > 150


def test_cli_rule_camps_option(capsys, tmp_path):
    """`--rule-camps` gives the rules' camps: camp equals camp_rule on every row."""
    from framing.cli import main

    art = tmp_path / "a.txt"
    art.write_text(" date 2030-03-01\n\n" + TEXT + "\n", encoding="utf-8")
    assert main(["claims", str(art), "--format", "jsonl", "--rule-camps", "--home", "Arvenna"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert rows and all(r["camp"] == r["camp_rule"] for r in rows)


def test_columns_doc_is_generated_from_the_schema():
    """docs/columns.md is `python -m framing.schema` output: it lists every column, camp_rule too."""
    out = subprocess.run([sys.executable, "-m", "framing.schema"], capture_output=True, text=True, check=True).stdout
    from framing import paths

    assert (paths.ROOT / "docs" / "columns.md").read_text(encoding="utf-8") == out


def test_doctests():
    import doctest

    assert doctest.testmod(camps).failed == 0


def test_camp_model_only_revises_conflict_coverage():
    """Written for this test: a sports story keeps its rule camps (the model was trained on
    protest coverage); a protest story is revised."""
    from framing.camps import conflict_coverage, revise_camps

    sport = "The Sundogs won 3-2 in overtime. Coach Ada Lind said the team had earned it."
    claims = [{"speaker": "Ada Lind", "camp": "other", "via": "name", "cue_class": "neutral",
               "speaker_start": 35, "text": "the team had earned it."}]
    assert not conflict_coverage(sport)
    assert revise_camps(sport, claims, []) == {}
    assert claims[0]["camp"] == claims[0]["camp_rule"] == "other"
    protest = ("Thousands of protesters marched on parliament. Police detained 40 marchers at the rally, "
               "and the opposition called another protest.")
    assert conflict_coverage(protest)
