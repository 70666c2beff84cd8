"""Sentiment tables: determinism across runs."""

def test_actor_camp_ties_do_not_depend_on_the_hash_seed():
    """The actor table's camp is the most frequent one; a tie goes to the first seen, in any run."""
    import subprocess, sys
    code = ("from framing.sentiment import actor_sentiment_rows as f;"
            "rows=[{'article':'a','speaker':'X','camp':c,'tone':0.1} for c in ('other','state')];"
            "print(f(rows, [], n_boot=5)[0]['camp'])")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
            for seed in range(6)}
    assert outs == {"other"}
