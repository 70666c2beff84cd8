"""Tone of sentences ("says") and tone toward a mentioned actor ("about").

Two measurements, defined in ``docs/sentiment.md``:

* :func:`tone` -- VADER compound of a text, with quote marks neutralised.  Used
  for the tone of what an actor *says* (the content of their claims).
* :func:`target_sentiment` -- the tone of a sentence *toward* a mention in it,
  scoped to the part of the sentence that concerns the mention, from a small
  logistic regression trained on NewsMTSC (``framing/data/target_model.json``).
  :func:`classify` maps its score to negative / neutral / positive.

Both share one VADER pass per sentence (cached), so scoring several mentions of
one sentence costs little more than scoring the sentence once.

>>> round(tone("The volunteers were brave and kind."), 2)
0.78
>>> text = "Police brutally attacked the peaceful protesters, who praised the brave volunteers."
>>> v = text.find("volunteers")
>>> classify(target_sentiment(text, 0, 6)), classify(target_sentiment(text, v, v + 10))
('negative', 'positive')
"""
from __future__ import annotations

import csv
import json
import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Union

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

from framing.paths import DATA
from framing.schema import columns
from framing.stats import interval95

#: The shipped target-sentiment model (plain JSON; see framing/data/README_sentiment.md).
MODEL_PATH = DATA / "target_model.json"
#: Optional lexicon adjustment for event words (see :func:`load_adjustments`).
ADJUSTMENTS_PATH = DATA / "lexicon_adjustments.csv"

#: ``adjust`` argument: False (plain VADER), True (shipped adjustments) or a CSV path.
Adjust = Union[bool, str, Path]

CLASSES = ("negative", "neutral", "positive")

# ---------------------------------------------------------------------------
# Quote marks
# ---------------------------------------------------------------------------

# Double quotes and guillemets are always quotation marks.
_DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d"
# Single quotes are apostrophes when they sit between two letters/digits.
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u0060\u00b4"
_QUOTE_RE = re.compile(
    f"[{re.escape(_DOUBLE_QUOTES)}]|(?<![^\\W_])[{re.escape(_SINGLE_QUOTES)}]"
    f"|[{re.escape(_SINGLE_QUOTES)}](?![^\\W_])"
)


def neutralise_quotes(text: str) -> str:
    """Replace quotation marks (not apostrophes) by spaces; the length is kept.

    VADER does not strip a quote mark glued to a short word, so ``"No`` is not
    read as the negation "no".  Offsets into the result equal offsets into ``text``.

    >>> neutralise_quotes("\u201cNo fear,\u201d he said; it\u2019s Valentine's 'day'.")
    " No fear,  he said; it\u2019s Valentine's  day ."
    """
    return _QUOTE_RE.sub(" ", text)


def quoted_mask(text: str) -> list[bool]:
    """Per character: is it inside double quotation marks (or guillemets)?

    Straight ``"`` toggles; curly and angle marks open and close.  An unclosed
    quote (common in news: multi-sentence quotes) runs to the end of the text.

    >>> m = quoted_mask('He said "no way" today.')
    >>> m[9], m[2]
    (True, False)
    """
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch == '"':
            inside = not inside
        elif ch in "\u201c\u201e\u00ab\u2039":
            inside = True
        elif ch in "\u201d\u00bb\u203a":
            inside = False
        else:
            mask[i] = inside
    return mask


# ---------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _plain_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def load_adjustments(path: str | Path = ADJUSTMENTS_PATH) -> dict[str, float]:
    """Read a lexicon adjustment CSV (columns ``word, valence, reason``).

    >>> load_adjustments()["arrested"]
    0.0
    """
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["word"].strip().lower(): float(r["valence"]) for r in rows if r["word"].strip()}


@lru_cache(maxsize=8)
def _adjusted_analyzer(path: str) -> SentimentIntensityAnalyzer:
    # A copy of the plain analyzer with a patched lexicon; valence 0 removes the
    # word so VADER treats it exactly like any word it does not know.
    base = _plain_analyzer()
    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.__dict__.update(base.__dict__)
    sia.lexicon = dict(base.lexicon)
    for word, valence in load_adjustments(path).items():
        if valence == 0:
            sia.lexicon.pop(word, None)
        else:
            sia.lexicon[word] = valence
    return sia


def analyzer(adjust: Adjust = False) -> SentimentIntensityAnalyzer:
    """The VADER analyzer, plain or with a lexicon adjustment applied.

    >>> analyzer().lexicon["arrested"], "arrested" in analyzer(True).lexicon
    (-2.1, False)
    """
    if adjust is False or adjust is None:
        return _plain_analyzer()
    path = ADJUSTMENTS_PATH if adjust is True else Path(adjust)
    return _adjusted_analyzer(str(Path(path).resolve()))


# ---------------------------------------------------------------------------
# One VADER pass per sentence
# ---------------------------------------------------------------------------

# Words that open a new clause (the token itself starts the new clause).
CLAUSE_OPENERS = frozenset(
    "but while whereas although though because since who which whom whose where when "
    "after before unless until if yet however despite that".split()
)
# Punctuation ending a token that closes a clause.
_CLAUSE_END = tuple(",;:()[]\u2014\u2013")
_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2015"})
#: Verbs (and "according") that make an adjacent mention the speaker of a claim.
SPEECH_CUES = frozenset(
    "said says say saying told tells tell added adds stated states argued argues claimed claims "
    "wrote writes insisted insists warned warns noted notes explained explains asked asks "
    "replied replies tweeted tweets announced announces declared declares suggested suggests "
    "according acknowledged admitted alleged alleges accused accuses urged urges".split()
)
_PRONOUNS = frozenset("he she they it i we you him her them his hers their its".split())
_WORD_STRIP = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Analysis:
    """Per-token VADER valences and clause structure of one sentence.

    ``starts``/``ends`` are character offsets of the whitespace tokens in the
    original text; ``valences`` are VADER's per-token sentiments before the
    sentence-wide "but" reweighting; ``clause`` numbers the clauses.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    stems: tuple[str, ...]
    valences: tuple[float, ...]
    clause: tuple[int, ...]
    quoted: tuple[bool, ...]
    compound: float
    pos: float
    neg: float


def _vader_valences(sia: SentimentIntensityAnalyzer, text: str) -> tuple[list[float], dict]:
    # Mirrors SentimentIntensityAnalyzer.polarity_scores (minus emoji
    # translation, rare in news) but keeps the per-token valences.
    st = SentiText(text)
    words = st.words_and_emoticons
    sentiments: list[float] = []
    n = len(words)
    for i, item in enumerate(words):
        low = item.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < n - 1 and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sia.sentiment_valence(0, st, item, i, sentiments)
    raw = list(sentiments)
    scores = sia.score_valence(sia._but_check(words, sentiments), text)
    return raw, scores


def _clause_ids(raw_tokens: list[str], words: list[str]) -> list[int]:
    ids, cid = [], 0
    for i, tok in enumerate(raw_tokens):
        if i > 0 and (
            words[i] in CLAUSE_OPENERS or tok in _DASHES or tok[0] in "([" or raw_tokens[i - 1] in _DASHES
        ):
            cid += 1
        ids.append(cid)
        if tok.endswith(_CLAUSE_END) and tok not in _DASHES:
            cid += 1
    return ids


def _analyse(text: str, adjust: Adjust) -> Analysis:
    clean = neutralise_quotes(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", clean)]
    raw_tokens = [clean[a:b] for a, b in spans]
    words = [_WORD_STRIP.sub("", t).lower() for t in raw_tokens]
    valences, scores = _vader_valences(analyzer(adjust), clean.strip())
    # Most sentences hold no quote mark: skip the per-character scan then.
    has_quotes = any(q in text for q in _DOUBLE_QUOTES)
    qmask = quoted_mask(text) if has_quotes else None
    return Analysis(
        text=text,
        starts=tuple(a for a, _ in spans),
        ends=tuple(b for _, b in spans),
        words=tuple(words),
        stems=tuple(stem(w) for w in words),
        valences=tuple(float(v) for v in valences),
        clause=tuple(_clause_ids(raw_tokens, words)),
        quoted=tuple(qmask[a] for a, _ in spans) if qmask else (False,) * len(spans),
        compound=scores["compound"],
        pos=scores["pos"],
        neg=scores["neg"],
    )


_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 1024


def analyse(text: str, adjust: Adjust = False) -> Analysis:
    """Analyse a sentence once; repeated calls (several mentions) hit a cache.

    >>> a = analyse("Brave volunteers helped.")
    >>> a.words, a.valences[0] > 0
    (('brave', 'volunteers', 'helped'), True)
    """
    key = (text, adjust if isinstance(adjust, bool) else str(adjust))
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    result = _analyse(text, adjust)
    _CACHE[key] = result
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def tone(text: str, adjust: Adjust = False) -> float:
    """VADER compound of ``text`` with quotation marks neutralised, in [-1, 1].

    >>> tone('"No OMON (riot police), no fear.')
    0.5191
    """
    return analyse(text, adjust).compound


# ---------------------------------------------------------------------------
# Scopes around a mention
# ---------------------------------------------------------------------------


def mention_tokens(a: Analysis, start: int, end: int) -> tuple[int, int]:
    """Token range ``[i, j)`` overlapping the characters ``[start, end)``.

    >>> mention_tokens(analyse("The brave volunteers helped."), 10, 20)
    (2, 3)
    """
    idx = [k for k, (s, e) in enumerate(zip(a.starts, a.ends)) if s < end and e > start]
    if not idx:
        raise ValueError(f"no word in characters {start}:{end}")
    return idx[0], idx[-1] + 1


def _score(vals) -> float:
    total = sum(vals)
    return normalize(total) if total else 0.0


def speaker_cue(a: Analysis, i: int, j: int) -> int:
    """Token index of a speech cue making the mention ``[i, j)`` a speaker, or -1.

    Looks at up to two tokens after the mention ("Smith said", "Smith, who said")
    and the token before it ("said Smith", "according to Smith").

    >>> a = analyse("Smith said the plan was terrible.")
    >>> speaker_cue(a, 0, 1)
    1
    """
    n = len(a.words)
    for k in range(j, min(j + 3, n)):
        if a.words[k] in SPEECH_CUES:
            return k
    if i >= 1 and a.words[i - 1] in SPEECH_CUES:
        return i - 1
    if i >= 2 and a.words[i - 1] == "to" and a.words[i - 2] == "according":
        return i - 2
    return -1


def sentence_scopes(a: Analysis, i: int, j: int, window: int = 8) -> dict[str, list[int]]:
    """Token indices of the scopes used for the mention ``[i, j)``.

    ``clause`` is the clause holding the mention; ``cwin`` a +/-``window``
    token window clipped to that clause and its neighbours; ``about`` the clause
    minus the content of the mention's own claim when the mention is a speaker.

    >>> a = analyse("Police beat the protesters, who praised the volunteers.")
    >>> [a.words[k] for k in sentence_scopes(a, 0, 1)["clause"]]
    ['beat', 'the', 'protesters']
    """
    n = len(a.words)
    cl = a.clause[i]
    outside = [k for k in range(n) if k < i or k >= j]
    clause = [k for k in outside if a.clause[k] == cl]
    near = {cl - 1, cl, cl + 1}
    cwin = [k for k in outside if abs(k - (i if k < i else j - 1)) <= window and a.clause[k] in near]
    win = [k for k in outside if abs(k - (i if k < i else j - 1)) <= window]
    cue = speaker_cue(a, i, j)
    if cue >= 0:
        # Drop the claim: everything after the cue in its clause and later clauses
        # when the mention precedes it, everything before the mention otherwise.
        about = [k for k in clause if k < cue] if cue >= j else [k for k in clause if k > i]
    else:
        about = clause
    return {
        "clause": clause,
        "left": [k for k in clause if k < i],
        "right": [k for k in clause if k >= j],
        "cwin": cwin,
        "win": win,
        "before": list(range(0, i)),
        "after": list(range(j, n)),
        "about": about,
    }


# ---------------------------------------------------------------------------
# Features and model
# ---------------------------------------------------------------------------


# Distance weights, tabulated once (speed); same arithmetic as computing them inline.
_DECAY = [0.8**d for d in range(512)]
_CLOSENESS = [1.0 / (1.0 + d / 3.0) for d in range(512)]


def _decay(d: int) -> float:
    return _DECAY[d] if d < 512 else 0.8**d


def _closeness(d: int) -> float:
    return _CLOSENESS[d] if d < 512 else 1.0 / (1.0 + d / 3.0)


def stem(word: str) -> str:
    """Strip one common English suffix (crude; pools word forms for the model).

    >>> stem("praised"), stem("protesters"), stem("sadly"), stem("was")
    ('prais', 'protester', 'sad', 'was')
    """
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def mention_features(a: Analysis, i: int, j: int) -> dict[str, float]:
    """Features of the mention ``[i, j)``: VADER scope scores, flags, and words.

    Words of the mention itself are left out so the model cannot learn priors
    about particular actors.

    >>> f = mention_features(analyse("Police beat the protesters."), 3, 4)
    >>> f["w:l:beat"], f["p1:the"]
    (1.0, 1.0)
    """
    v, w, st, n = a.valences, a.words, a.stems, len(a.words)
    sc = sentence_scopes(a, i, j)
    f: dict[str, float] = {
        "sent": a.compound,
        "sent_pos": a.pos,
        "sent_neg": a.neg,
        "sent_abs": abs(a.compound),
    }
    for name, idx in sc.items():
        pos = neg = 0.0
        for k in idx:
            x = v[k]
            if x > 0:
                pos += x
            elif x < 0:
                neg += x
        f["v_" + name] = _score([v[k] for k in idx])
        f["vpos_" + name] = pos / 4.0
        f["vneg_" + name] = neg / 4.0
    f["v_decay"] = _score([v[k] * _decay(i - k if k < i else k - j + 1) for k in range(n) if k < i or k >= j])
    cue = speaker_cue(a, i, j)
    flags = {
        "speaker": cue >= 0,
        "in_quote": a.quoted[i],
        "has_quote": any(a.quoted),
        "first": i == 0 or (i == 1 and w[0] in ("the", "a", "an")),
        "pronoun": j - i == 1 and w[i] in _PRONOUNS,
        "possessive": a.text[a.starts[j - 1]:a.ends[j - 1]].rstrip(".,;:").endswith(("'s", "\u2019s")),
        "negated": any(w[k] in NEGATE or w[k].endswith("n't") for k in sc["clause"]),
        "but_before": "but" in w[:i],
        "but_after": "but" in w[j:],
        "question": "?" in a.text,
        "long": n > 30,
    }
    for name, on in flags.items():
        if on:
            f["f_" + name] = 1.0
    # Lexical features: a learned news lexicon, by side of the mention.  Clause
    # and sentence words are crudely stemmed to pool scarce training data; "d:"
    # words are weighted by closeness to the mention (1 next to it, 0.5 at 3 words).
    for k in sc["clause"]:
        f[("w:l:" if k < i else "w:r:") + st[k]] = 1.0
    for k in range(n):
        if k < i or k >= j:
            f["s:" + st[k]] = 1.0
            closeness = _closeness(i - k if k < i else k - j + 1)
            key = "d:" + w[k]
            if closeness > f.get(key, 0.0):
                f[key] = closeness
    cl, home = a.clause, a.clause[min(i, n - 1)]
    for k in range(n - 1):
        if (k < i - 1 or k >= j) and cl[k] == cl[k + 1] == home:
            f["b:" + w[k] + "_" + w[k + 1]] = 1.0
    if i >= 1:
        f["p1:" + w[i - 1]] = 1.0
    if i >= 2:
        f["p2:" + w[i - 2] + "_" + w[i - 1]] = 1.0
    if j < n:
        f["n1:" + w[j]] = 1.0
    if j + 1 < n:
        f["n2:" + w[j] + "_" + w[j + 1]] = 1.0
    return f


def _check_offsets(text: str, start: int, end: int) -> None:
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError(f"offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"bad mention offsets {start}:{end} for a text of length {len(text)}")
    if not text[start:end].strip():
        raise ValueError(f"the mention {start}:{end} is blank")


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_PATH) -> dict:
    """Load the shipped model (weights, thresholds, metadata).

    >>> sorted(load_model()["thresholds"])
    ['negative', 'positive']
    """
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def predict_proba(features: dict[str, float], model: dict | None = None) -> tuple[float, float, float]:
    """Class probabilities (negative, neutral, positive) for a feature dict.

    >>> p = predict_proba({"sent": -0.9})
    >>> round(sum(p), 6), p[0] > p[2]
    (1.0, True)
    """
    model = model or load_model()
    get = model["weights"].get
    z0, z1, z2 = model["bias"]
    for name, value in features.items():
        wt = get(name)
        if wt is not None:
            z0 += wt[0] * value
            z1 += wt[1] * value
            z2 += wt[2] * value
    top = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
    s = e0 + e1 + e2
    return e0 / s, e1 / s, e2 / s


def target_probabilities(text: str, start: int, end: int, adjust: Adjust = False) -> tuple[float, float, float]:
    """Model probabilities (negative, neutral, positive) for the mention ``text[start:end]``.

    ``p_pos - p_neg`` is an expected polarity, useful for averaging.

    >>> p = target_probabilities("Critics condemned the corrupt mayor.", 30, 35)
    >>> p[0] > p[2]
    True
    """
    _check_offsets(text, start, end)
    a = analyse(text, adjust)
    i, j = mention_tokens(a, start, end)
    return predict_proba(mention_features(a, i, j))


def polar_margin(p_neg: float, p_neu: float, p_pos: float) -> float:
    """Signed margin of the leading polar class over neutral, in [-1, 1].

    0 when neutral is at least as likely as the leading polar class; the sign
    is that of the more likely polar class.  Thresholds just off 0 reproduce the
    model's argmax; the shipped thresholds move the cut toward neutral.

    >>> polar_margin(0.6, 0.3, 0.1), polar_margin(0.2, 0.5, 0.3)
    (-0.3, 0.0)
    """
    if p_pos >= p_neg:
        return round(max(0.0, p_pos - p_neu), 12)
    return round(-max(0.0, p_neg - p_neu), 12)


def target_sentiment(text: str, start: int, end: int, adjust: Adjust = False) -> float:
    """Tone of ``text`` toward the mention ``text[start:end]``, in [-1, 1].

    The score is :func:`polar_margin` of the shipped model's probabilities; use
    :func:`classify` for a label.  Raises ValueError on bad offsets.

    >>> s = "Police brutally attacked the peaceful protesters, who praised the brave volunteers."
    >>> v = s.find("volunteers")
    >>> target_sentiment(s, 0, 6) < 0 < target_sentiment(s, v, v + 10)
    True
    """
    return polar_margin(*target_probabilities(text, start, end, adjust))


def classify(score: float, thresholds: dict | None = None) -> str:
    """Map a :func:`target_sentiment` score to a class with the shipped thresholds.

    >>> classify(-0.9), classify(0.0), classify(0.9)
    ('negative', 'neutral', 'positive')
    """
    t = thresholds or load_model()["thresholds"]
    if score <= t["negative"]:
        return "negative"
    if score >= t["positive"]:
        return "positive"
    return "neutral"


def window_tone(text: str, start: int, end: int, window: int = 8, adjust: Adjust = False) -> float:
    """Baseline: VADER compound of +/-``window`` tokens around the mention.

    >>> window_tone("Police attacked the protesters and the band played happily.", 0, 6, window=2) < 0
    True
    """
    _check_offsets(text, start, end)
    a = analyse(text, adjust)
    i, j = mention_tokens(a, start, end)
    lo, hi = max(0, i - window), min(len(a.words), j + window)
    clean = neutralise_quotes(text)
    return analyzer(adjust).polarity_scores(clean[a.starts[lo]:a.ends[hi - 1]])["compound"]


# ---------------------------------------------------------------------------
# Evaluation helpers (NewsMTSC format; used by scripts/ and tests)
# ---------------------------------------------------------------------------

#: NewsMTSC polarity codes.
NEWSMTSC_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load_newsmtsc(path: str | Path) -> list[tuple[str, int, int, str]]:
    """Read a NewsMTSC jsonl file as ``(sentence, from, to, label)`` rows.

    The data is not shipped with the kit; see docs/sentiment.md for the source.
    """
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                text = d["sentence_normalized"]
                for t in d["targets"]:
                    rows.append((text, int(t["from"]), int(t["to"]), NEWSMTSC_LABELS[float(t["polarity"])]))
    return rows


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Unweighted mean of the per-class F1 over the three classes.

    >>> macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"])
    0.5556
    """
    f1s = []
    for c in CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(f1s) / len(f1s), 4)


# --- per-actor tables ---

def bootstrap_mean(values, n_boot: int = 1000, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of a mean (fixed seed, reproducible).

    >>> bootstrap_mean([0.5])
    (0.5, 0.5)
    """
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return (float("nan"), float("nan"))
    if len(values) == 1:
        return (float(values[0]), float(values[0]))
    rng = np.random.default_rng(seed)
    return interval95(values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1))


def actor_sentiment_rows(claims: list[dict], mentions: list[dict], *, scope: str = "article",
                         n_boot: int = 1000) -> list[dict]:
    """Per-actor tone, two measures never mixed (records in, records out).

    ``says``: the tone of the actor's own claims (``tone`` of each claim);
    ``about``: the tone toward the actor's mentions (``about`` of each mention, which
    already excludes mentions inside the actor's own claims). One row per (article, or
    corpus) x actor x measure: mean, n and a bootstrap 95% interval.
    """
    groups: dict[tuple, list] = {}
    for measure, rows, actor_key, score_key in (("says", claims, "speaker", "tone"),
                                                ("about", mentions, "actor", "about")):
        for r in rows:
            score = r.get(score_key)
            if not r.get(actor_key) or score is None or score != score:
                continue
            key = (r["article"] if scope == "article" else "", r[actor_key], measure)
            groups.setdefault(key, []).append((float(score), r["camp"]))
    out = []
    for (article, actor, measure), vals in sorted(groups.items()):
        scores = [v for v, _ in vals]
        lo, hi = bootstrap_mean(scores, n_boot)
        camp = max(set(c for _, c in vals), key=[c for _, c in vals].count)
        out.append({"scope": scope, "article": article, "actor": actor, "camp": camp,
                    "measure": measure, "mean": sum(scores) / len(scores), "n": len(scores),
                    "ci_low": lo, "ci_high": hi})
    return out


def actor_sentiment(claims, mentions, *, scope: str = "article", n_boot: int = 1000):
    """:func:`actor_sentiment_rows` on the ``claims`` and ``mentions`` DataFrames."""
    recs = [df.to_dict("records") if len(df) else [] for df in (claims, mentions)]
    return pd.DataFrame(actor_sentiment_rows(*recs, scope=scope, n_boot=n_boot),
                        columns=columns("actor_sentiment"))
