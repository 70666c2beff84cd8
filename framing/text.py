"""Text layer: glued-word repair, regions and sentences.

Scraped wire copy often loses its line breaks without a space: ``AlexeiNavalny``,
``isnot``, ``fora`` (``for a``). :func:`repair_blocks` puts the spaces back. It
only ever inserts spaces, and it records every repair so it can be audited.

How a fusion is recognised (see ``docs/text.md`` for the full account):

1. *Candidates.* Inside each whitespace-delimited token, every place where two
   words could have been joined is scored as log-odds of a fusion: a letter
   glued to ``(`` or after ``,;:``; a lower-case letter followed by a capital
   (``theKremlin``) unless the token is a known word (``YouTube``, ``McDonald``);
   a word glued to a number (``these15``); and any split of a letter run into
   two words, scored with word frequencies from the ``wordfreq`` package
   (``log P(left) + log P(right) - log P(token)``) plus a bonus when the parts
   also occur unglued in the same article (its own vocabulary).
2. *Line width.* Fusions from a fixed-width wire sit at regular intervals, one per
   lost line break (about 50 to 70 characters apart). When an article shows that
   pattern, the best set of fusions per paragraph is chosen by dynamic
   programming over the candidates, rewarding breaks one line apart and
   penalising two breaks on one line. That is what splits ``isnot`` and ``fora``
   and keeps ``indifferent``, ``Putin`` and ``Maybe`` whole. Articles without the
   pattern (clean HTML, exports) only get repairs with overwhelming evidence.

Sentences come from NLTK's Punkt (no data download) with an abbreviation list
(:data:`ABBREVIATIONS`, from ``framing/data/abbreviations.txt``).

>>> blocks, repairs = repair_blocks(["Kremlin critic AlexeiNavalny isnot indifferent."])
>>> blocks[0]
'Kremlin critic Alexei Navalny is not indifferent.'
>>> [(r["raw"], r["repaired"]) for r in repairs]
[('AlexeiNavalny', 'Alexei Navalny'), ('isnot', 'is not')]
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from framing import paths

# --------------------------------------------------------------------------- #
# Word frequencies
# --------------------------------------------------------------------------- #


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 when unknown), from ``wordfreq``.

    >>> zipf("the") > 7
    True
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


# Two-letter words frequent enough to be one side of a fusion ("isnot", "inan").
# Rarer two-letter strings ("un", "re", "ny") are more often parts of real words.
_MIN_ZIPF_SHORT = 5.0
# Capitalised-prefix particles of real names: McDonald, MacArthur, DeSantis, LaGuardia.
_NAME_PREFIXES = {"mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o"}
_UNIT_SUFFIXES = {"s", "st", "nd", "rd", "th", "am", "pm", "km", "m", "kg", "g", "mm", "cm",
                  "gb", "mb", "kb", "ft", "mph", "kph", "bn", "mn", "k", "x", "d"}

_LETTER = r"[^\W\d_]"
_RUN = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*")
_TOKEN = re.compile(r"\S+")
_URLISH = re.compile(r"https?:|www\.|@|\.(?:com|org|net|ru|uk|gov)\b", re.I)


@dataclass(frozen=True)
class Candidate:
    """A place inside a token where a space may be missing."""

    pos: int  # offset in the block where the space goes
    score: float  # log-odds (base 10) that this is a fusion
    rule: str  # kind of evidence
    reset: bool = False  # starts a new structural line (credit, update note)


# --------------------------------------------------------------------------- #
# Candidate scoring
# --------------------------------------------------------------------------- #


def _word_ok(part: str, vocab: Counter) -> bool:
    """Can ``part`` stand alone as a word on one side of a fusion?"""
    low = part.lower()
    if len(low) == 1:
        return low == "a"
    if len(low) == 2:
        return zipf(low) >= _MIN_ZIPF_SHORT
    return zipf(low) >= 1.5 or vocab[low] > 0


_NO_VOCAB: Counter = Counter()


def _split_score(left: str, right: str, whole: str, vocab: Counter) -> float:
    """Unigram log-odds that ``whole`` is ``left`` + ``right`` glued, plus vocabulary."""
    zl, zr, zw = zipf(left.lower()), zipf(right.lower()), zipf(whole.lower())
    # Names unknown to wordfreq but used unglued in this article count as words.
    if vocab[left.lower()]:
        zl = max(zl, 3.0)
    if vocab[right.lower()]:
        zr = max(zr, 3.0)
    score = zl + zr - zw - 9.0
    if zw < 1.0 and min(len(left), len(right)) >= 3 and min(zl, zr) >= 2.0:
        # A long string unknown to a 400k-word list, made of two known words, is
        # more likely a fusion than the unigram odds say ("punitivemeasures").
        score = max(score, 1.0)
    score += 0.75 * (vocab[left.lower()] > 0) + 0.75 * (vocab[right.lower()] > 0)
    if vocab[whole.lower()] > 1:  # the token also occurs as-is elsewhere: likely real
        score -= 1.0
    return score


def _static_score(left: str, right: str, whole: str) -> float:
    """:func:`_split_score` without the article's vocabulary (cacheable per word)."""
    return _split_score(left, right, whole, _NO_VOCAB)


def _vocab_adjustment(left: str, right: str, whole: str, vocab: Counter) -> float:
    """What the article's own vocabulary adds to :func:`_static_score` (mostly nothing)."""
    if not (vocab[left.lower()] or vocab[right.lower()] or vocab[whole.lower()] > 1):
        return 0.0
    return _split_score(left, right, whole, vocab) - _static_score(left, right, whole)


def _run_candidates(run: str, offset: int, vocab: Counter) -> list[Candidate]:
    """Candidates inside one letter run (``theKremlin``, ``phonetorches``)."""
    out: list[Candidate] = []
    whole_known = zipf(run.lower()) >= 2.5
    # camelCase: a lower-case letter directly followed by a capital.
    camel = ([] if run[1:].islower() or run.isupper() else
             [i for i in range(1, len(run)) if run[i - 1].islower() and run[i].isupper()])
    for i in camel:
        left_start = max((j for j in range(i) if run[j].isupper()), default=0)
        left, right = run[left_start:i], run[i:]
        right_word = re.match(rf"{_LETTER}[^\W\d_A-Z]*", right)
        right = right_word.group() if right_word else right
        if left.lower() in _NAME_PREFIXES or (len(left) == 1 and left.islower()):
            score = -5.0  # McDonald, DeSantis, iPhone, eBay
        elif whole_known:
            # A known mixed-case token (YouTube, LinkedIn) stays whole unless its
            # parts are far likelier ("NewYork", "WhiteHouse").
            score = _split_score(left, right, run, vocab) + 3.0
        elif _word_ok(left, vocab) or left[:1].isupper() or len(left) >= 3:
            score = 5.0
        else:
            score = -1.0
        out.append(Candidate(offset + i, score, "case"))
    if camel or run.isupper():  # all-caps words (OMON) and camel tokens: no further splits
        return out
    # Lower-case fusion (also Capitalised+lower: "Russiafor", "Kremlinspokesman").
    best: Candidate | None = None
    for i, base, right, static, need_l, need_r in _lower_splits(run):
        # A part unknown to wordfreq counts only if the article uses it unglued.
        if (need_l and not vocab[need_l]) or (need_r and not vocab[need_r]):
            continue
        score = static + _vocab_adjustment(base, right, base + right, vocab)
        if best is None or score > best.score:
            best = Candidate(offset + i, score, "vocab")
    if best is not None:
        out.append(best)
    return out


@lru_cache(maxsize=200_000)
def _lower_splits(run: str) -> tuple[tuple[int, str, str, float, str, str], ...]:
    """Split points of a letter run that could be a fusion, with their vocabulary-free
    score; cached, since the same words recur across a corpus."""
    out = []
    for i in range(1, len(run)):
        left, right = run[:i], run[i:]
        base = left
        if "'" in left or "’" in left:
            # Only a possessive or a contraction ends the left word: "Trump'sunhinged",
            # "can'tspeak", "we'llhopefully".
            if not re.fullmatch(rf"{_LETTER}+['’](?:s|ll|t|re|ve|d|m)", left):
                continue
            base = left.replace("’", "'")
            if zipf(base.lower()) < 3.0 and base.endswith("'s"):
                base = base[:-2]
        # A part unknown to wordfreq may still be a word of this article (len >= 3):
        # then its lower-case form must be in the article's vocabulary (need_*).
        need = []
        for part in (base, right):
            if _word_ok(part, _NO_VOCAB):
                need.append("")
            elif len(part) >= 3:
                need.append(part.lower())
            else:
                break
        if len(need) < 2:
            continue
        score = _static_score(base, right, base + right)
        if len(left) == 1 or len(right) == 1:
            score -= 0.5  # "ashe" is likelier "as he" than "a she"
        out.append((i, base, right, score, need[0], need[1]))
    return tuple(out)


def _token_candidates(tok: str, offset: int, vocab: Counter,
                      quotes_before=None) -> list[Candidate]:
    """All fusion candidates inside one whitespace-delimited token.

    ``quotes_before(pos)`` counts straight double quotes before ``pos`` in the
    block, to tell a closing quote from an opening one.
    """
    if _URLISH.search(tok):
        return []
    out: list[Candidate] = []
    runs = list(_RUN.finditer(tok))
    for m in runs:
        out.extend(_run_candidates(m.group(), offset + m.start(), vocab))
    if len(runs) == 1 and runs[0].start() == 0 and runs[0].end() == len(tok):
        return out  # a bare word: no punctuation or digit boundary inside
    for i in range(1, len(tok)):
        a, b = tok[i - 1], tok[i]
        if b == "(" and (a.isalpha() or a in ".,;:!?\"'’”)"):
            # "agents(Adds", "measures.(Reporting": a note or credit glued on. A lower-case
            # or digit opening ("alert(1)", "f(x)") is weaker evidence.
            strong = i + 1 < len(tok) and tok[i + 1].isupper()
            out.append(Candidate(offset + i, 6.0 if strong else 1.5, "punct", reset=strong))
        elif a in ",;:" and b.isalpha() and i >= 2 and not tok[i - 2].isspace():
            out.append(Candidate(offset + i, 4.0, "punct"))
        elif a in ")]”" and b.isalpha():
            out.append(Candidate(offset + i, 3.0, "punct"))  # 'Rule”in', ']Pennsylvania'
        elif b == "“" and (a.isalpha() or a in ",.:;"):
            out.append(Candidate(offset + i, 3.0, "punct"))  # 'said“We'
        elif a == "." and b.islower() and re.search(r"(?:\b\w\.){2,}$", tok[:i]):
            m = re.match(rf"{_LETTER}+", tok[i:])
            if m and len(m.group()) >= 3 and zipf(m.group()) >= 3.0:
                out.append(Candidate(offset + i, 3.0, "punct"))  # 'U.S.presidential'
        elif a == '"' and (b.isalpha() or b == "(") and i >= 2 and (tok[i - 2].isalpha() or tok[i - 2] in ".,!?"):
            # a straight closing quote glued to the next word: 'Friends"Monday'
            if quotes_before is not None and quotes_before(offset + i - 1) % 2 == 1:
                out.append(Candidate(offset + i, 3.0, "punct"))
        elif b == '"' and a.isalpha() and i + 1 < len(tok) and tok[i + 1].isalpha():
            # a straight opening quote glued to the previous word: 'said"We'
            if quotes_before is not None and quotes_before(offset + i) % 2 == 0:
                out.append(Candidate(offset + i, 3.0, "punct"))
        elif a in ".!?" and b.isupper() and i >= 3 and tok[i - 2].islower() and tok[i - 3].isalpha():
            # "measures.The" (but not "U.S" or "St.Petersburg"-like initials)
            out.append(Candidate(offset + i, 4.0, "punct"))
        elif a.isalpha() and b.isdigit():
            m = re.search(rf"{_LETTER}+$", tok[:i])
            left = m.group() if m else ""
            if len(left) >= 3 and left.islower() and zipf(left) >= 3.0:
                out.append(Candidate(offset + i, 3.0, "digit"))
        elif a.isdigit() and b.isalpha():
            m = re.match(rf"{_LETTER}+", tok[i:])
            right = m.group() if m else ""
            if (len(right) >= 3 and right.islower() and right not in _UNIT_SUFFIXES
                    and zipf(right) >= 3.5):
                out.append(Candidate(offset + i, 3.0, "digit"))
    return out


def _vocabulary(blocks: list[str]) -> Counter:
    """Lower-cased words of the article as written (before repair)."""
    vocab: Counter = Counter()
    for block in blocks:
        for m in _RUN.finditer(block):
            vocab[m.group().lower()] += 1
    return vocab


# --------------------------------------------------------------------------- #
# Line-width model
# --------------------------------------------------------------------------- #

_PATTERN = 1.0  # evidence good enough to look for the line pattern with
_CLEAN_THRESHOLD = 3.0  # what a repair needs when the article shows no wire line pattern
_TOO_CLOSE = -6.0  # two lost line breaks closer than a line
_MISSING = -2.5  # per expected line break that has no fusion (the line ended in a space)


@dataclass(frozen=True)
class LineModel:
    """Width of the lost wire lines, in characters (``lo`` to ``hi``)."""

    lo: int
    hi: int


def estimate_line_model(cands: list[list[Candidate]]) -> LineModel | None:
    """Estimate the wire's line width from strong candidates, or None if no pattern.

    Gaps between consecutive strong fusions in one paragraph are line lengths
    (or multiples). An article counts as wire-glued when enough of them agree.
    """
    gaps: list[int] = []
    for block in cands:
        strong = [c.pos for c in block if c.score >= _PATTERN and not c.reset]
        gaps += [b - a for a, b in zip(strong, strong[1:])]
    single = [g for g in gaps if 35 <= g <= 100]
    if len(single) < 3 or len(single) < 0.4 * len(gaps):
        return None
    mid = median(single)
    near = sorted(g for g in single if abs(g - mid) <= 0.3 * mid)
    if len(near) < 3:
        return None
    hi = near[-1] + 4
    lo = max(20, min(near[0] - 4, hi - 24))
    return LineModel(lo=int(lo), hi=int(hi))


def _gap_penalty(gap: int, model: LineModel) -> float:
    if gap < model.lo:
        return _TOO_CLOSE
    if gap <= model.hi:
        return 0.0
    missing = math.ceil(gap / model.hi) - 1
    return _MISSING * missing


def _choose(cands: list[Candidate], length: int, model: LineModel | None) -> list[Candidate]:
    """The fusions to repair in one block: a best path under the line model."""
    if model is None:
        return [c for c in cands if c.score >= _CLEAN_THRESHOLD]
    cands = sorted(cands, key=lambda c: c.pos)
    n = len(cands)
    # best[i]: score of the best chain ending with candidate i (taken).
    best = [0.0] * n
    back = [-1] * n
    horizon = 4 * model.hi  # look back only this far: linear time in block length
    for i, c in enumerate(cands):
        start_gap = c.pos
        first = c.score + (0.0 if start_gap <= model.hi else _gap_penalty(start_gap, model))
        best[i], back[i] = first, -1
        for j in range(i - 1, -1, -1):
            p = cands[j]
            gap = c.pos - p.pos
            if gap > horizon:
                break
            if gap == 0:
                continue
            trans = 0.0 if c.reset else _gap_penalty(gap, model)
            s = best[j] + c.score + trans
            if s > best[i]:
                best[i], back[i] = s, j
    # Close the chain at the end of the block; the empty chain is an option too.
    top, arg = (_gap_penalty(length, model) if length > model.hi else 0.0), -1
    for i, c in enumerate(cands):
        tail = length - c.pos
        s = best[i] + (0.0 if tail <= model.hi else _gap_penalty(tail, model))
        if s > top:
            top, arg = s, i
    chosen: list[Candidate] = []
    while arg != -1:
        chosen.append(cands[arg])
        arg = back[arg]
    chosen.reverse()
    # Strong punctuation evidence (",on", "(Adds") holds even off the line grid.
    keep = {c.pos for c in chosen}
    chosen += [c for c in cands if c.pos not in keep and c.rule == "punct" and c.score >= 4.0]
    return sorted(chosen, key=lambda c: c.pos)


# --------------------------------------------------------------------------- #
# Public API
# --------------------------------------------------------------------------- #


def find_fusions(blocks: list[str]) -> list[list[Candidate]]:
    """The fusions to repair in each block of one article (positions in the raw block)."""
    vocab = _vocabulary(blocks)
    cands = []
    for block in blocks:
        marks = [m.start() for m in re.finditer('"', block)]
        counter = (lambda pos, marks=marks: bisect.bisect_left(marks, pos)) if marks else None
        cands.append([c for m in _TOKEN.finditer(block)
                      for c in _token_candidates(m.group(), m.start(), vocab, counter)])
    model = estimate_line_model(cands)
    return [_choose(c, len(block), model) for c, block in zip(cands, blocks)]


def repair_blocks(blocks: list[str]) -> tuple[list[str], list[dict]]:
    """Repair words glued where line breaks were lost, in the blocks of one article.

    The whole article is passed at once because the evidence is article-wide
    (its vocabulary, its line width). Returns the repaired blocks and one dict per
    repaired token: ``{"block", "raw", "repaired", "raw_start", "start", "rule"}``,
    offsets into the raw and the repaired block. Only spaces are ever inserted.

    >>> repair_blocks(["He was jailed fora brief time."])[0]
    ['He was jailed fora brief time.']
    """
    fusions = find_fusions(blocks)
    out_blocks: list[str] = []
    repairs: list[dict] = []
    for b, (block, chosen) in enumerate(zip(blocks, fusions)):
        if not chosen:
            out_blocks.append(block)
            continue
        by_pos = {c.pos: c for c in chosen}
        pieces, last = [], 0
        for c in sorted(by_pos.values(), key=lambda c: c.pos):
            pieces += [block[last:c.pos], " "]
            last = c.pos
        pieces.append(block[last:])
        out_blocks.append("".join(pieces))
        shift = 0
        for m in _TOKEN.finditer(block):
            inside = [by_pos[p] for p in range(m.start() + 1, m.end()) if p in by_pos]
            if not inside:
                continue
            raw = m.group()
            fixed, last = [], m.start()
            for c in inside:
                fixed += [block[last:c.pos], " "]
                last = c.pos
            fixed.append(block[last:m.end()])
            repairs.append({
                "block": b, "raw": raw, "repaired": "".join(fixed),
                "raw_start": m.start(), "start": m.start() + shift,
                "rule": ",".join(dict.fromkeys(c.rule for c in inside)),
            })
            shift += len(inside)
    return out_blocks, repairs


def repair_text(text: str) -> tuple[str, list[dict]]:
    """Repair one string, treating blank-line-separated paragraphs as blocks.

    >>> repair_text("Kremlinspokesman Dmitry Peskov said.")[0]
    'Kremlinspokesman Dmitry Peskov said.'
    """
    parts = re.split(r"(\n\s*\n)", text)
    blocks = parts[0::2]
    fixed, repairs = repair_blocks(blocks)
    out, offset_raw, offset_new = [], 0, 0
    by_block: dict[int, list[dict]] = {}
    for r in repairs:
        by_block.setdefault(r["block"], []).append(r)
    for i, (raw, new) in enumerate(zip(blocks, fixed)):
        for r in by_block.get(i, ()):  # block offsets -> offsets in the whole string
            r["raw_start"] += offset_raw
            r["start"] += offset_new
        out.append(new)
        sep = parts[2 * i + 1] if 2 * i + 1 < len(parts) else ""
        out.append(sep)
        offset_raw += len(raw) + len(sep)
        offset_new += len(new) + len(sep)
    return "".join(out), repairs


# --------------------------------------------------------------------------- #
# Offsets
# --------------------------------------------------------------------------- #


class SpanIndex:
    """Non-overlapping spans (anything with ``start``/``end``) sorted by start, with bisect lookups.

    Every lookup costs O(log n + k), so an article is processed in linear time.
    """

    def __init__(self, items: list):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def at(self, pos: int):
        """The item covering ``pos``, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.items[i] if i >= 0 and pos < self.items[i].end else None

    def overlapping(self, lo: int, hi: int) -> list:
        i = max(0, bisect.bisect_right(self.starts, lo) - 1)
        j = bisect.bisect_left(self.starts, hi)
        return [x for x in self.items[i:j] if x.end > lo]

    def within(self, lo: int, hi: int) -> list:
        """Items lying wholly inside [lo, hi]."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi)
        return [x for x in self.items[i:j] if x.end <= hi]

    def starting(self, lo: int, hi: int) -> list:
        """Items starting in [lo, hi]."""
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_right(self.starts, hi)]

    def last_ending_by(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.items[i].end > pos:
            i -= 1
        return self.items[i] if i >= 0 else None

    def first_starting_from(self, pos: int):
        i = bisect.bisect_left(self.starts, pos)
        return self.items[i] if i < len(self.items) else None

    def add(self, x) -> None:
        i = bisect.bisect_left(self.starts, x.start)
        self.items.insert(i, x)
        self.starts.insert(i, x.start)


# --------------------------------------------------------------------------- #
# Sentences
# --------------------------------------------------------------------------- #


def _load_abbreviations() -> frozenset[str]:
    words = set()
    path = paths.DATA / "abbreviations.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower().rstrip(".")
        if line:
            words.add(line)
    words |= set("abcdefghijklmnopqrstuvwxyz")  # initials: "A. Smith"
    return frozenset(words)


ABBREVIATIONS = _load_abbreviations()


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_CLOSERS = "\"'”’»)]"


def sentence_spans(block: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, with Punkt and the abbreviation list.

    Split on blank lines before calling this: headers, bullets and subheads are
    blocks of their own.

    >>> b = 'He was jailed on Feb. 2 in the U.S. capital. "No fear," he said.'
    >>> [b[s:e] for s, e in sentence_spans(b)]
    ['He was jailed on Feb. 2 in the U.S. capital.', '"No fear," he said.']
    """
    spans = list(_punkt().span_tokenize(block))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        # A closing quote or bracket that Punkt left at the start of the next
        # sentence belongs to the one it closes.
        if out and s < len(block) and block[s] in _CLOSERS and block[s:e].strip() in set(_CLOSERS):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def sentences(text: str, regions: list[dict]) -> list[dict]:
    """One record per sentence: ``sentence, paragraph, region, start, end, text``.

    ``regions`` is the article's list of ``{"region", "paragraph", "start", "end"}``.
    """
    out: list[dict] = []
    for reg in regions:
        block = text[reg["start"]:reg["end"]]
        for s, e in sentence_spans(block):
            out.append({
                "sentence": len(out), "paragraph": reg["paragraph"], "region": reg["region"],
                "start": reg["start"] + s, "end": reg["start"] + e,
                "text": block[s:e],
            })
    return out
