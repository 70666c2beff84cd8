"""Tone ("says") and target sentiment ("about"): behaviour on hand-written sentences.

No test reads NewsMTSC (a fresh clone does not have it).
"""
from __future__ import annotations

import doctest
import json

import pytest

from framing import sentiment as S


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


# --- quote marks -----------------------------------------------------------

def test_quote_pitfall_is_fixed():
    text = '"No OMON (riot police), no fear.'
    plain = S.analyzer().polarity_scores(text)["compound"]
    assert plain < -0.2  # the pitfall: VADER misses the negation behind the quote mark
    assert S.tone(text) == pytest.approx(0.52, abs=0.01)


def test_neutralise_quotes_keeps_length_and_apostrophes():
    text = "\u201cWhat's next?\u201d asked Valentine's \u00abfriends\u00bb, 'calmly' \u2018so\u2019."
    out = S.neutralise_quotes(text)
    assert len(out) == len(text)
    assert "What's" in out and "Valentine's" in out
    assert not any(q in out for q in "\u201c\u201d\u00ab\u00bb\u2018\u2019\"") or "\u2019s" in text
    assert "'calmly'" not in out and " calmly " in out
    assert "\u2018so\u2019" not in out


def test_tone_equals_vader_on_neutralised_text():
    sia = S.analyzer()
    for text in ["Brave volunteers helped, but the police were brutal.",
                 "\u201cWe are not afraid,\u201d she said.",
                 "The plan is not bad at all!!"]:
        assert S.tone(text) == sia.polarity_scores(S.neutralise_quotes(text))["compound"]


# --- target sentiment ------------------------------------------------------

def test_two_actors_in_one_sentence_get_different_signs():
    text = "Police brutally attacked the peaceful protesters, who praised the brave volunteers."
    police = S.target_sentiment(text, *span(text, "Police"))
    volunteers = S.target_sentiment(text, *span(text, "volunteers"))
    assert police < 0 < volunteers
    assert (S.classify(police), S.classify(volunteers)) == ("negative", "positive")


def test_scope_separates_clauses():
    text = ("The corrupt governor was condemned by critics, while the brave volunteers "
            "were praised for their courage.")
    assert S.target_sentiment(text, *span(text, "governor")) < 0
    assert S.target_sentiment(text, *span(text, "volunteers")) > 0


def test_clear_negative_and_neutral_sentences():
    neg = "The senator was accused of fraud and corruption."
    assert S.classify(S.target_sentiment(neg, *span(neg, "senator"))) == "negative"
    neu = "The minister will travel to Brussels on Tuesday."
    assert S.classify(S.target_sentiment(neu, *span(neu, "minister"))) == "neutral"


@pytest.mark.parametrize("text", [
    "Police brutally attacked the peaceful protesters.",
    "\u201cThey are heroes,\u201d the mayor said of the volunteers.",
    "x",
])
def test_score_in_range(text):
    for k in range(len(text)):
        if text[k].isalnum():
            s = S.target_sentiment(text, k, k + 1)
            assert -1.0 <= s <= 1.0
            assert S.classify(s) in S.CLASSES


@pytest.mark.parametrize("start,end", [(-1, 3), (3, 3), (5, 2), (0, 999), (6, 7)])
def test_bad_offsets_raise(start, end):
    text = "Police attacked protesters."  # 6:7 is the blank between words
    with pytest.raises(ValueError):
        S.target_sentiment(text, start, end)


def test_non_integer_offsets_raise():
    with pytest.raises(ValueError):
        S.target_sentiment("Police attacked protesters.", 0.0, 6)


def test_mention_tokens_and_scopes():
    a = S.analyse("Police beat the protesters, who praised the volunteers.")
    assert S.mention_tokens(a, 16, 26) == (3, 4)
    scopes = S.sentence_scopes(a, 0, 1)
    assert [a.words[k] for k in scopes["clause"]] == ["beat", "the", "protesters"]
    assert "praised" not in [a.words[k] for k in scopes["clause"]]


def test_speaker_claim_is_left_out_of_about_scope():
    a = S.analyse("Smith said the plan was a terrible disaster.")
    scopes = S.sentence_scopes(a, 0, 1)
    assert S.speaker_cue(a, 0, 1) == 1
    assert scopes["about"] == []
    assert "terrible" in [a.words[k] for k in scopes["clause"]]


def test_cache_is_shared_between_mentions():
    text = "A brand new sentence about Ann and Bob that nobody scored before."
    first = S.analyse(text)
    S.target_sentiment(text, *span(text, "Ann"))
    assert S.analyse(text) is first


# --- model file and lexicon adjustment -------------------------------------

def test_model_file_has_expected_keys():
    with open(S.MODEL_PATH, encoding="utf-8") as f:
        model = json.load(f)
    for key in ("classes", "bias", "weights", "thresholds", "hyperparameters", "training", "scores"):
        assert key in model
    assert model["classes"] == list(S.CLASSES)
    assert model["thresholds"]["negative"] < 0 < model["thresholds"]["positive"]
    assert all(len(w) == 3 for w in model["weights"].values())
    assert {"train_macro_f1", "dev_rw_macro_f1", "dev_mt_macro_f1"} <= set(model["scores"])
    assert S.MODEL_PATH.stat().st_size < 3_000_000


def test_lexicon_adjustment_neutralises_event_words():
    adj = S.load_adjustments()
    assert adj["arrested"] == 0 and adj["protesters"] == 0
    text = "Protesters were arrested."
    assert S.tone(text) < 0
    assert S.tone(text, adjust=True) == 0.0
    # The plain analyzer is untouched by the adjusted copy.
    assert S.analyzer().lexicon["arrested"] == -2.1


def test_lexicon_adjustment_from_path(tmp_path):
    path = tmp_path / "adj.csv"
    path.write_text("word,valence,reason\nvolunteers,2.0,test\n", encoding="utf-8")
    assert S.tone("The volunteers came.") == 0.0
    assert S.tone("The volunteers came.", adjust=path) > 0.3


def test_macro_f1():
    gold = ["negative", "neutral", "positive", "positive"]
    assert S.macro_f1(gold, gold) == 1.0
    assert S.macro_f1(gold, ["neutral"] * 4) == pytest.approx(0.1333, abs=1e-4)


def test_doctests():
    result = doctest.testmod(S)
    assert result.attempted > 10 and result.failed == 0


# --- the fast path gives the reference numbers -------------------------------
#
# target_probabilities computes the model's logits directly (framing.sentiment.
# _target_logits, per-sentence tables); the reference is the plain definition:
# predict_proba over the feature dict of mention_features, whose scope scores are
# VADER's normalisation of summed per-token valences.  Both must give the same floats
# (asserted exactly: stricter than the 1e-12 the outputs promise), on real text: our
# fictional test articles and the seed article.

from framing import paths  # noqa: E402


@pytest.fixture(scope="module")
def real_sentences():
    from framing.corpus import read_article
    from framing.text import sentences
    files = sorted((paths.FIXTURES / "articles").glob("*.md")) + sorted(
        (paths.FIXTURES / "articles").glob("*.txt")) + [paths.SEED]
    out = [s["text"] for f in files for r in read_article(f) for s in sentences(r["text"], r["regions"])]
    assert len(out) > 400
    return out


def _mention_spans(a):
    """Every word, word pair and word triple, and a span strictly inside each longer word."""
    n = len(a.words)
    for i in range(n):
        for length in (1, 2, 3):
            if i + length <= n:
                yield a.starts[i], a.ends[i + length - 1]
        if a.ends[i] - a.starts[i] > 2:
            yield a.starts[i] + 1, a.ends[i] - 1


def _reference_probabilities(text, start, end, adjust=False):
    a = S.analyse(text, adjust)
    i, j = S.mention_tokens(a, start, end)
    return S.predict_proba(S.mention_features(a, i, j))


def test_fast_target_path_equals_reference_on_real_text(real_sentences):
    n = 0
    for text in real_sentences:
        for start, end in _mention_spans(S.analyse(text)):
            assert S.target_probabilities(text, start, end) == _reference_probabilities(text, start, end), \
                (text, start, end)
            n += 1
    assert n > 20000


def test_fast_target_path_equals_reference_with_lexicon_adjustment(real_sentences):
    for text in real_sentences[::5]:
        for start, end in _mention_spans(S.analyse(text, True)):
            assert S.target_probabilities(text, start, end, True) == \
                _reference_probabilities(text, start, end, True)


def test_fast_target_path_on_a_very_long_sentence(real_sentences):
    # Over 512 tokens: the distance tables end there, so the long-distance branch runs.
    text = " ".join(s.replace(".", ",") for s in real_sentences[:40])
    a = S.analyse(text)
    assert len(a.words) > 700
    for k in (0, 1, 5, 300, 520, 600, len(a.words) - 2, len(a.words) - 1):
        start, end = a.starts[k], a.ends[k]
        assert S.target_probabilities(text, start, end) == _reference_probabilities(text, start, end)


def test_mention_tokens_equals_overlap_scan(real_sentences):
    for text in real_sentences[::7]:
        a = S.analyse(text)
        for start in range(len(text)):
            for end in (start + 1, start + 4, start + 17):
                if end > len(text):
                    continue
                idx = [k for k, (s, e) in enumerate(zip(a.starts, a.ends)) if s < end and e > start]
                if idx:
                    assert S.mention_tokens(a, start, end) == (idx[0], idx[-1] + 1)
                else:
                    with pytest.raises(ValueError):
                        S.mention_tokens(a, start, end)


def test_analysis_equals_straightforward_computation(real_sentences):
    import re
    extra = ['He said "no way" today.', "\u201cNo fear,\u201d he said; it\u2019s Valentine's 'day'.",
             '"a" "b', "\u00abx\u00bb y \u2039z\u203a", "-- a - b \u2014 c (d) [e] f, g; h: i", "x"]
    sia = S.analyzer()
    for text in real_sentences + extra:
        a = S.analyse(text)
        clean = S.neutralise_quotes(text)
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", clean)]
        raw = [clean[s:e] for s, e in spans]
        words = [S._WORD_STRIP.sub("", t).lower() for t in raw]
        mask = S.quoted_mask(text)
        valences, scores = S._vader_valences(sia, clean.strip())
        assert a.starts == tuple(s for s, _ in spans) and a.ends == tuple(e for _, e in spans)
        assert a.words == tuple(words) and a.stems == tuple(S.stem(w) for w in words)
        assert a.clause == tuple(S._clause_ids(raw, words))
        assert a.quoted == tuple(mask[s] for s, _ in spans)
        assert a.valences == tuple(float(v) for v in valences)
        assert (a.compound, a.pos, a.neg) == (scores["compound"], scores["pos"], scores["neg"])
        if not any(q in text for q in "\u201c\u201d\u00ab\u00bb\u2039\u203a\"'\u2018\u2019"):
            assert a.compound == sia.polarity_scores(text)["compound"]


def test_tone_before_and_after_analysis_is_the_same(real_sentences):
    S.clear_caches()
    first = [S.tone(t) for t in real_sentences[:60]]      # VADER pass only
    analysed = [S.analyse(t).compound for t in real_sentences[:60]]  # reuses that pass
    assert first == analysed == [S.tone(t) for t in real_sentences[:60]]


def test_bootstrap_mean_equals_fresh_generator():
    import numpy as np
    from framing.stats import interval95
    rng = np.random.default_rng(3)
    for n in (2, 3, 7, 40, 300):
        values = rng.normal(size=n)
        for n_boot in (200, 1000):
            for _ in range(2):  # the second call reuses the drawn indices
                direct = np.random.default_rng(0).integers(0, n, size=(n_boot, n))
                assert S.bootstrap_mean(values, n_boot) == interval95(values[direct].mean(axis=1))
