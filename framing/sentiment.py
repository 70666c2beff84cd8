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

import bisect
import csv
import json
import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
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


class _Window:
    """The words around one token, in the shape ``sentiment_valence`` reads a SentiText."""

    __slots__ = ("words_and_emoticons", "is_cap_diff")


def _vader_valences(sia: SentimentIntensityAnalyzer, text: str) -> tuple[list[float], dict]:
    # Mirrors SentimentIntensityAnalyzer.polarity_scores (minus emoji
    # translation, rare in news) but keeps the per-token valences.
    #
    # Two shortcuts, both leaving VADER's numbers unchanged (tested against
    # polarity_scores): a word outside the lexicon gets valence 0 from
    # sentiment_valence, so it is not called for it; and for a lexicon word it is
    # called on the words i-3 .. i+2 only. That is all it reads: the three words
    # before (negations, boosters, "no", "least", idioms, each guarded by i > k, so
    # the window's index min(i, 3) passes the same guards) and the two after ("no X",
    # idioms, guarded by the length, which the window keeps where there are words),
    # plus the sentence-wide capitals flag. Its negation and idiom checks lowercase
    # the whole word list they get on every call, so a full sentence made each
    # lexicon word cost time linear in the sentence.
    st = SentiText(text)
    words = st.words_and_emoticons
    lexicon = sia.lexicon
    window = _Window()
    window.is_cap_diff = st.is_cap_diff
    sentiments: list[float] = []
    n = len(words)
    for i, item in enumerate(words):
        low = item.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < n - 1 and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        if low not in lexicon:
            sentiments.append(0)  # what sentiment_valence appends for it
            continue
        lo = i - 3 if i > 3 else 0
        window.words_and_emoticons = words[lo:i + 3]
        sentiments.append(sia.sentiment_valence(0, window, item, i - lo, [])[0])
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


# Raw token -> (word, stem, opens a clause, is a dash, closes a clause): news vocabulary
# repeats, so each distinct token is stripped, lowercased, stemmed and classified once
# (the same tests as _clause_ids; bounded: cleared when it grows large).
_TOKEN_MEMO: dict[str, tuple[str, str, bool, bool, bool]] = {}
_TOKEN_MEMO_SIZE = 200_000
_TOKEN_RE = re.compile(r"\S+")
# Any character neutralise_quotes may replace (a quick test before the real pattern).
_ANY_QUOTE_RE = re.compile(f"[{re.escape(_DOUBLE_QUOTES + _SINGLE_QUOTES)}]")
# The marks quoted_mask acts on.
_QUOTE_TOGGLE_RE = re.compile('["\u201c\u201e\u00ab\u2039\u201d\u00bb\u203a]')
_QUOTE_OPENERS = frozenset("\u201c\u201e\u00ab\u2039")


def _token_info(token: str) -> tuple[str, str, bool, bool, bool]:
    hit = _TOKEN_MEMO.get(token)
    if hit is None:
        if len(_TOKEN_MEMO) >= _TOKEN_MEMO_SIZE:
            _TOKEN_MEMO.clear()
        word = _WORD_STRIP.sub("", token).lower()
        dash = token in _DASHES
        hit = _TOKEN_MEMO[token] = (
            word, stem(word), word in CLAUSE_OPENERS or dash or token[0] in "([", dash,
            token.endswith(_CLAUSE_END) and not dash,
        )
    return hit


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


def _quoted_at(text: str, starts: list[int]) -> tuple[bool, ...]:
    """``quoted_mask(text)[a]`` for each ``a`` in ``starts`` (sorted), without the per-character scan."""
    marks = [(q.start(), q.group()) for q in _QUOTE_TOGGLE_RE.finditer(text)]
    out, inside, p, n = [], False, 0, len(marks)
    for a in starts:
        while p < n and marks[p][0] < a:
            ch = marks[p][1]
            inside = (not inside) if ch == '"' else ch in _QUOTE_OPENERS
            p += 1
        out.append(inside and not (p < n and marks[p][0] == a))  # a mark itself is never "inside"
    return tuple(out)


def _vader_pass(text: str, adjust: Adjust) -> tuple[str, list[float], dict]:
    """The quote-neutralised text, VADER's per-token valences and its scores."""
    clean = neutralise_quotes(text) if _ANY_QUOTE_RE.search(text) else text
    valences, scores = _vader_valences(analyzer(adjust), clean.strip())
    return clean, valences, scores


def _analyse(text: str, adjust: Adjust, vader: tuple | None = None) -> Analysis:
    clean, valences, scores = vader or _vader_pass(text, adjust)
    matches = list(_TOKEN_RE.finditer(clean))
    starts = tuple(map(_START, matches))
    memo = _TOKEN_MEMO
    info = [memo.get(t) or _token_info(t) for t in map(_GROUP, matches)]
    # Clause ids as _clause_ids computes them.
    clause, cid, prev_dash = [], 0, False
    for _, _, opens, dash, closes in info:
        if clause and (opens or prev_dash):
            cid += 1
        clause.append(cid)
        if closes:
            cid += 1
        prev_dash = dash
    words, stems = list(zip(*info))[:2] if info else ((), ())
    # Most sentences hold no quote mark: skip the scan then.
    has_quotes = any(q in text for q in _DOUBLE_QUOTES)
    return Analysis(
        text=text,
        starts=starts,
        ends=tuple(map(_END, matches)),
        words=words,
        stems=stems,
        valences=tuple(map(float, valences)),
        clause=tuple(clause),
        quoted=_quoted_at(text, starts) if has_quotes else (False,) * len(starts),
        compound=scores["compound"],
        pos=scores["pos"],
        neg=scores["neg"],
    )


_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 1024
# VADER passes made by tone() for texts not (yet) analysed: a sentence's tone is asked
# first and its analysis (for its mentions) later, so analyse() takes the pass from here
# instead of running VADER twice; texts never analysed (claims, sentences without
# mentions) skip the tokenising, stemming and clause splitting tone() does not need.
_VADER_CACHE: OrderedDict = OrderedDict()


def clear_caches() -> None:
    """Forget every cached sentence (for timing cold runs)."""
    _CACHE.clear()
    _VADER_CACHE.clear()


def _cache_key(text: str, adjust: Adjust) -> tuple:
    return (text, adjust if isinstance(adjust, bool) else str(adjust))


def analyse(text: str, adjust: Adjust = False) -> Analysis:
    """Analyse a sentence once; repeated calls (several mentions) hit a cache.

    >>> a = analyse("Brave volunteers helped.")
    >>> a.words, a.valences[0] > 0
    (('brave', 'volunteers', 'helped'), True)
    """
    key = _cache_key(text, adjust)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    result = _analyse(text, adjust, _VADER_CACHE.pop(key, None))
    _CACHE[key] = result
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def tone(text: str, adjust: Adjust = False) -> float:
    """VADER compound of ``text`` with quotation marks neutralised, in [-1, 1].

    Equals ``analyse(text, adjust).compound`` (the same VADER pass).

    >>> tone('"No OMON (riot police), no fear.')
    0.5191
    """
    key = _cache_key(text, adjust)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit.compound
    vader = _VADER_CACHE.get(key)
    if vader is None:
        vader = _VADER_CACHE[key] = _vader_pass(text, adjust)
        if len(_VADER_CACHE) > _CACHE_SIZE:
            _VADER_CACHE.popitem(last=False)
    return vader[2]["compound"]


# ---------------------------------------------------------------------------
# Scopes around a mention
# ---------------------------------------------------------------------------


def mention_tokens(a: Analysis, start: int, end: int) -> tuple[int, int]:
    """Token range ``[i, j)`` overlapping the characters ``[start, end)``.

    >>> mention_tokens(analyse("The brave volunteers helped."), 10, 20)
    (2, 3)
    """
    # Tokens are sorted and disjoint: those overlapping [start, end) are the run
    # from the first one ending after ``start`` to the last one starting before ``end``.
    i = bisect.bisect_right(a.ends, start)
    j = bisect.bisect_left(a.starts, end)
    if i >= j:
        raise ValueError(f"no word in characters {start}:{end}")
    return i, j


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
    return _softmax(z0, z1, z2)


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
    return _softmax(*_target_logits(a, i, j, load_model()))


# ---------------------------------------------------------------------------
# Fast path: the model's logits without building the feature dict
# ---------------------------------------------------------------------------
#
# ``predict_proba(mention_features(a, i, j))`` builds a dict of ~100 string keys per
# mention and looks each one up in the weights.  The fast path below gives the same
# floats, bit for bit: it adds the same weight x value products to the logits in the
# same order (the order in which ``mention_features`` first inserts each key; a
# key whose weight is missing, or whose value is 0, adds nothing either way), but
#
# * the model's weight vectors for a sentence's tokens (``s:``, ``d:``, ``w:l:``,
#   ``w:r:``, ``b:`` keys) are looked up once per sentence (:class:`_SentenceTables`,
#   kept on the cached :class:`Analysis`), not once per mention;
# * the logits after the bias and the four sentence-wide features are a per-sentence
#   constant;
# * scope scores sum only the sentence's non-zero valences, in token order, over the
#   scope's token ranges (clauses are contiguous runs of tokens).
#
# tests/test_sentiment_target.py checks it against the reference path on every
# word, word pair and word triple of the test articles and the seed article.

_SCOPE_NAMES = ("clause", "left", "right", "cwin", "win", "before", "after", "about")
_FLAG_NAMES = ("speaker", "in_quote", "has_quote", "first", "pronoun", "possessive", "negated",
               "but_before", "but_after", "question", "long")
_NEGATE = frozenset(NEGATE)


class _ModelTables:
    """Weight vectors of a model's fixed-name features, looked up once per model."""

    def __init__(self, model: dict):
        self.model = model
        self.weights = get = model["weights"].get
        self.bias = tuple(model["bias"])
        self.sent = tuple(get(name) for name in ("sent", "sent_pos", "sent_neg", "sent_abs"))
        self.scopes = tuple((get("v_" + name), get("vpos_" + name), get("vneg_" + name))
                            for name in _SCOPE_NAMES)
        self.decay = get("v_decay")
        (self.f_speaker, self.f_in_quote, self.f_has_quote, self.f_first, self.f_pronoun,
         self.f_possessive, self.f_negated, self.f_but_before, self.f_but_after, self.f_question,
         self.f_long) = (get("f_" + name) for name in _FLAG_NAMES)
        # word -> weight of "d:word"; stem -> weights of "s:", "w:l:", "w:r:" (bounded memos)
        self.word_memo: dict[str, tuple | None] = {}
        self.stem_memo: dict[str, tuple] = {}

    def word(self, w: str):
        try:
            return self.word_memo[w]
        except KeyError:
            if len(self.word_memo) >= _TOKEN_MEMO_SIZE:
                self.word_memo.clear()
            wt = self.word_memo[w] = self.weights("d:" + w)
            return wt

    def stem(self, st: str) -> tuple:
        try:
            return self.stem_memo[st]
        except KeyError:
            if len(self.stem_memo) >= _TOKEN_MEMO_SIZE:
                self.stem_memo.clear()
            get = self.weights
            wts = self.stem_memo[st] = (get("s:" + st), get("w:l:" + st), get("w:r:" + st))
            return wts


_MODEL_TABLES: dict[int, _ModelTables] = {}


def _model_tables(model: dict) -> _ModelTables:
    t = _MODEL_TABLES.get(id(model))
    if t is None or t.model is not model:
        if len(_MODEL_TABLES) >= 8:
            _MODEL_TABLES.clear()
        t = _MODEL_TABLES[id(model)] = _ModelTables(model)
    return t


class _SentenceTables:
    """Per-sentence lookups shared by all mentions of one sentence (one model).

    ``tokens[k]`` is ``(s_weight, s_rank, stem, d_weight, d_rank, word, d_where)``:
    the weights of the token's ``s:`` and ``d:`` keys (None when the model lacks them),
    how many earlier tokens share the stem / the word, and, for a repeated word, all
    its token positions (else None).
    """

    def __init__(self, a: Analysis, m: _ModelTables):
        w, st = a.words, a.stems
        n = len(w)
        self.model = m.model
        self.n = n
        z0, z1, z2 = m.bias
        for wt, value in zip(m.sent, (a.compound, a.pos, a.neg, abs(a.compound))):
            if wt is not None:
                z0 += wt[0] * value
                z1 += wt[1] * value
                z2 += wt[2] * value
        self.z = (z0, z1, z2)
        vals = a.valences
        self.nz_k = tuple(compress(range(n), vals))  # the tokens with a valence (x != 0)
        self.nz_x = tuple(filter(None, vals))
        smemo, wmemo = m.stem_memo, m.word_memo
        stem_w = [smemo.get(x) or m.stem(x) for x in st]  # memo values are non-empty tuples
        s_wt, self.wl, self.wr = zip(*stem_w) if n else ((), (), ())
        d_rank, where = _repeats(w)
        s_rank, _ = _repeats(st)
        d_wt = [wmemo[x] if x in wmemo else m.word(x) for x in w]
        d_where = [where.get(x) for x in w] if where else [None] * n
        self.tokens = list(zip(s_wt, s_rank, st, d_wt, d_rank, w, d_where))
        self.bkey = [x + "_" + y for x, y in zip(w, w[1:])]
        get = m.weights
        self.b = [get("b:" + x) for x in self.bkey]
        # Negation words: "n't" endings need an apostrophe in the sentence.
        neg = _NEGATE.isdisjoint(w)
        self.negation = () if neg and "'" not in a.text else tuple(
            k for k, x in enumerate(w) if x in _NEGATE or x.endswith("n't"))
        buts = where.get("but") or ((w.index("but"),) if "but" in w else ())
        self.first_but = buts[0] if buts else n
        self.last_but = buts[-1] if buts else -1
        self.has_quote, self.question, self.long = any(a.quoted), "?" in a.text, n > 30
        # closeness by distance (same numbers as _closeness), long enough for this sentence
        self.closeness = _CLOSENESS if n < 512 else [_closeness(d) for d in range(n + 1)]


def _repeats(items: tuple[str, ...]) -> tuple[list[int], dict[str, tuple[int, ...]]]:
    """How many earlier items equal each item, and the positions of each repeated item."""
    ranks = [0] * len(items)
    repeated: dict[str, tuple[int, ...]] = {}
    if len(set(items)) < len(items):
        where: dict[str, list[int]] = {}
        for k, x in enumerate(items):
            where.setdefault(x, []).append(k)
        for x, pos in where.items():
            if len(pos) > 1:
                repeated[x] = tuple(pos)
                for r, k in enumerate(pos):
                    ranks[k] = r
    return ranks, repeated


def _sentence_tables(a: Analysis, model: dict) -> _SentenceTables:
    # Kept on the (frozen, cached) Analysis; not a field, so equality is untouched.
    t = a.__dict__.get("_tables")
    if t is None or t.model is not model:
        t = _SentenceTables(a, _model_tables(model))
        object.__setattr__(a, "_tables", t)
    return t


def _target_logits(a: Analysis, i: int, j: int, model: dict) -> tuple[float, float, float]:
    """The logits ``predict_proba(mention_features(a, i, j), model)`` computes (same floats)."""
    m = _model_tables(model)
    t = _sentence_tables(a, model)
    n, w, st, cls = t.n, a.words, a.stems, a.clause
    z0, z1, z2 = t.z
    cl = cls[i]
    c0, c1 = bisect.bisect_left(cls, cl), bisect.bisect_right(cls, cl)
    cue = speaker_cue(a, i, j)

    # VADER scope scores (see sentence_scopes): each scope is one or two token ranges;
    # only the sentence's non-zero valences are summed (with sum(), as _score does), in
    # token order, picked from the sorted non-zero list by bisection.
    nk = t.nz_k
    if nk:
        nx = t.nz_x
        bl = bisect.bisect_left
        near0, near1 = bisect.bisect_left(cls, cl - 1), bisect.bisect_right(cls, cl + 1)
        pc0, pi, pj, pc1 = bl(nk, c0), bl(nk, i), bl(nk, j), bl(nk, c1)
        if cue < 0:
            about = (pc0, pi, pj, pc1)
        elif cue >= j:
            about = (pc0, pi, pj, bl(nk, min(c1, cue)))
        else:
            about = (0, 0, pj, pc1)
        done: dict[tuple, tuple] = {}
        for (wv, wp, wn), key in zip(m.scopes, (
            (pc0, pi, pj, pc1),                                              # clause
            (pc0, pi, 0, 0),                                                 # left
            (0, 0, pj, pc1),                                                 # right
            (bl(nk, max(i - 8, near0)), pi, pj, bl(nk, min(j + 8, near1))),  # cwin
            (bl(nk, max(0, i - 8)), pi, pj, bl(nk, min(n, j + 8))),          # win
            (0, pi, 0, 0),                                                   # before
            (0, 0, pj, len(nk)),                                             # after
            about,
        )):
            hit = done.get(key)
            if hit is None:
                xs = nx[key[0]:key[1]] + nx[key[2]:key[3]]
                if xs:
                    total = sum(xs)
                    pos = neg = 0.0
                    for x in xs:
                        if x > 0:
                            pos += x
                        else:
                            neg += x
                    hit = (normalize(total) if total else 0.0, pos / 4.0, neg / 4.0)
                else:
                    hit = ()  # an empty scope adds weight x 0.0: no logit changes
                done[key] = hit
            if hit:
                value, pos, neg = hit
                if wv is not None:
                    z0 += wv[0] * value
                    z1 += wv[1] * value
                    z2 += wv[2] * value
                if wp is not None:
                    z0 += wp[0] * pos
                    z1 += wp[1] * pos
                    z2 += wp[2] * pos
                if wn is not None:
                    z0 += wn[0] * neg
                    z1 += wn[1] * neg
                    z2 += wn[2] * neg
        wt = m.decay
        if wt is not None:
            total = sum([x * _decay(i - k) for k, x in zip(nk[:pi], nx[:pi])]
                        + [x * _decay(k - j + 1) for k, x in zip(nk[pj:], nx[pj:])])
            value = normalize(total) if total else 0.0
            z0 += wt[0] * value
            z1 += wt[1] * value
            z2 += wt[2] * value

    # Flags, in mention_features' order; each adds its weight (value 1.0).
    on = []
    if cue >= 0:
        on.append(m.f_speaker)
    if a.quoted[i]:
        on.append(m.f_in_quote)
    if t.has_quote:
        on.append(m.f_has_quote)
    if i == 0 or (i == 1 and w[0] in ("the", "a", "an")):
        on.append(m.f_first)
    if j - i == 1 and w[i] in _PRONOUNS:
        on.append(m.f_pronoun)
    if a.text[a.starts[j - 1]:a.ends[j - 1]].rstrip(".,;:").endswith(("'s", "\u2019s")):
        on.append(m.f_possessive)
    for k in t.negation:
        if c0 <= k < i or j <= k < c1:
            on.append(m.f_negated)
            break
    if t.first_but < i:
        on.append(m.f_but_before)
    if t.last_but >= j:
        on.append(m.f_but_after)
    if t.question:
        on.append(m.f_question)
    if t.long:
        on.append(m.f_long)
    for wt in on:
        if wt is not None:
            z0 += wt[0]
            z1 += wt[1]
            z2 += wt[2]

    # w:l: / w:r: -- stemmed words of the clause by side, each key once.
    for lo, hi, table in ((c0, i, t.wl), (j, c1, t.wr)):
        seen = set()
        for k in range(lo, hi):
            wt = table[k]
            if wt is not None and st[k] not in seen:
                seen.add(st[k])
                z0 += wt[0]
                z1 += wt[1]
                z2 += wt[2]

    # s: and d: keys, interleaved, each at its first occurrence outside the mention
    # (a token's rank among equal stems / words, less those inside the mention); a
    # d: key's value is its largest closeness over those occurrences.
    tokens, clos = t.tokens, t.closeness
    s_in: dict[str, int] = {}
    d_in: dict[str, int] = {}
    for k in range(i, j):
        s_in[st[k]] = s_in.get(st[k], 0) + 1
        d_in[w[k]] = d_in.get(w[k], 0) + 1
    for k in range(i):
        s_wt, s_rank, _, d_wt, d_rank, _, d_where = tokens[k]
        if s_wt is not None and not s_rank:
            z0 += s_wt[0]
            z1 += s_wt[1]
            z2 += s_wt[2]
        if d_wt is not None and not d_rank:
            if d_where is None:
                c = clos[i - k]
            else:
                c = max([clos[i - q] if q < i else clos[q - j + 1] for q in d_where if q < i or q >= j])
            z0 += d_wt[0] * c
            z1 += d_wt[1] * c
            z2 += d_wt[2] * c
    for k in range(j, n):
        s_wt, s_rank, stem_, d_wt, d_rank, word, d_where = tokens[k]
        if s_wt is not None and (not s_rank or s_rank == s_in.get(stem_, 0)):
            z0 += s_wt[0]
            z1 += s_wt[1]
            z2 += s_wt[2]
        if d_wt is not None and (not d_rank or d_rank == d_in.get(word, 0)):
            if d_where is None:
                c = clos[k - j + 1]
            else:
                c = max([clos[q - j + 1] for q in d_where if q >= j])
            z0 += d_wt[0] * c
            z1 += d_wt[1] * c
            z2 += d_wt[2] * c

    # b: -- bigrams inside the mention's clause, not touching the mention.
    seen = set()
    b_tab, bkey = t.b, t.bkey
    for lo, hi in ((c0, i - 1), (j, c1 - 1)):
        for k in range(lo, hi):
            wt = b_tab[k]
            if wt is not None and bkey[k] not in seen:
                seen.add(bkey[k])
                z0 += wt[0]
                z1 += wt[1]
                z2 += wt[2]

    # p1: p2: n1: n2: -- the words next to the mention.
    get = m.weights
    for wt in (get("p1:" + w[i - 1]) if i >= 1 else None,
               get("p2:" + w[i - 2] + "_" + w[i - 1]) if i >= 2 else None,
               get("n1:" + w[j]) if j < n else None,
               get("n2:" + w[j] + "_" + w[j + 1]) if j + 1 < n else None):
        if wt is not None:
            z0 += wt[0]
            z1 += wt[1]
            z2 += wt[2]
    return z0, z1, z2


def _softmax(z0: float, z1: float, z2: float) -> tuple[float, float, float]:
    top = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
    s = e0 + e1 + e2
    return e0 / s, e1 / s, e2 / s


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
    # .mean(axis=1) is add.reduce then a division by the count; without its checks (the
    # same floats).
    return interval95(np.add.reduce(values[_resample_indices(len(values), n_boot, seed)], 1) / len(values))


@lru_cache(maxsize=256)
def _resample_indices_cached(n: int, n_boot: int, seed: int) -> np.ndarray:
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    idx.flags.writeable = False
    return idx


def _resample_indices(n: int, n_boot: int, seed: int) -> np.ndarray:
    """Bootstrap row indices: a fresh ``default_rng(seed)`` draws them, so they depend on
    the sizes and the seed alone; small ones are drawn once per process."""
    if n * n_boot <= 50_000:
        return _resample_indices_cached(n, n_boot, seed)
    return np.random.default_rng(seed).integers(0, n, size=(n_boot, n))


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
        camps = [c for _, c in vals]
        # The most frequent camp; a tie goes to the camp seen first (a set's order would vary
        # with PYTHONHASHSEED and make the table differ between runs).
        camp = max(dict.fromkeys(camps), key=camps.count)
        out.append({"scope": scope, "article": article, "actor": actor, "camp": camp,
                    "measure": measure, "mean": sum(scores) / len(scores), "n": len(scores),
                    "ci_low": lo, "ci_high": hi})
    return out


def actor_sentiment(claims, mentions, *, scope: str = "article", n_boot: int = 1000):
    """:func:`actor_sentiment_rows` on the ``claims`` and ``mentions`` DataFrames."""
    recs = [df.to_dict("records") if len(df) else [] for df in (claims, mentions)]
    return pd.DataFrame(actor_sentiment_rows(*recs, scope=scope, n_boot=n_boot),
                        columns=columns("actor_sentiment"))
