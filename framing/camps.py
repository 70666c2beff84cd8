"""Camp model: a second look at the camp of each claim's speaker.

The rules in :mod:`framing.actors` place a speaker from what the text says about them (role
words, "the opposition X", "who joined the march", ...). Measured on sets of articles the rules
had not seen, they reach a camp accuracy of 0.73-0.84: every new set brings phrasings no rule
has seen. This stage revises the rule camp with a small multinomial logistic regression over
plain, inspectable features of one claim:

* the rule camp, the speaker's kind (person, institution, group), how the speaker was named
  (``via``) and the cue class;
* the words (lower case, three letters or more, no stop words) within 90 characters of the
  speaker's first six mentions and of the speaker mention of the claim (``ctx=...``);
* the words of the claim's content (``say=...``).

The probabilities of a speaker's claims in one article are averaged, so a speaker keeps one
camp per article. Speakers named in the actor file keep the file's camp.

Weights ship as a plain data file (``framing/data/camp_model.json``), written by
``scripts/train_camp_model.py`` from the hand-coded sets (see ``docs/claims.md`` for what it
was trained on and how it was measured). ``camp_rule`` in the claims table keeps the rule
camp, so every revision can be audited.

>>> feats = claim_features("Pickets blocked the gate. Ana Vel said the strike would go on.",
...     {"camp": "other", "via": "name", "cue_class": "neutral", "speaker": "Ana Vel",
...      "speaker_start": 26, "text": "the strike would go on."}, [])
>>> sorted(k for k in feats if k.startswith("say="))
['say=strike', 'say=would']
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache

from framing import paths

CAMPS = ("state", "opposition", "foreign", "other")
MODEL_FILE = paths.DATA / "camp_model.json"
_STOP = frozenset("the a an of to in on at for and or but is was were be been has have had it its this that "
                  "with by from as he she they his her their them who which said says told".split())
_WORD = re.compile(r"[a-z][a-z'-]+")
_WINDOW = 90  # characters either side of a mention
_MENTIONS = 6  # first mentions of the speaker used
# Conflict coverage: at least 2 words of framing/data/conflict_words.txt, one per 150 words.
CONFLICT_MIN, CONFLICT_PER_WORDS = 2, 150


def _words(s: str) -> list[str]:
    return [w for w in _WORD.findall(s.lower()) if w not in _STOP and len(w) > 2]


def speaker_context(text: str, speaker_mentions: list) -> frozenset[str]:
    """The words around a speaker's first mentions (the ``ctx=`` features shared by all the
    speaker's claims; computed once per speaker)."""
    ctx: set[str] = set()
    for m in speaker_mentions[:_MENTIONS]:
        s, e = _get(m, "start"), _get(m, "end")
        ctx.update(_words(text[max(0, s - _WINDOW):e + _WINDOW]))
    return frozenset(ctx)


def claim_features(text: str, claim: dict, speaker_mentions: list,
                   context: frozenset[str] | None = None) -> dict[str, float]:
    """Features of one claim (a claims-table record) whose speaker has ``speaker_mentions``
    (objects or records with ``start``, ``end`` and ``actor_kind``, in text order);
    ``context`` is :func:`speaker_context` when already computed."""
    f = {f"rule={claim['camp']}": 1.0, f"via={claim['via']}": 1.0, f"cue={claim['cue_class']}": 1.0}
    if speaker_mentions:
        f[f"kind={_get(speaker_mentions[0], 'actor_kind')}"] = 1.0
    ctx = set(speaker_context(text, speaker_mentions) if context is None else context)
    sp = claim.get("speaker_start", -1)
    if sp is not None and sp >= 0:
        ctx.update(_words(text[max(0, sp - _WINDOW):sp + _WINDOW]))
    # Sorted, so the sums in probabilities() run in one order whatever the hash seed.
    for w in sorted(ctx):
        f["ctx=" + w] = 1.0
    for w in sorted(set(_words(claim["text"]))):
        f["say=" + w] = 1.0
    return f


def _get(m, key):
    return m[key] if isinstance(m, dict) else getattr(m, key)


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_FILE)) -> dict:
    """The weights: ``{"classes", "features": {name: [w per class]}, "bias"}``."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def probabilities(features: dict[str, float], model: dict) -> list[float]:
    """Class probabilities (in ``model["classes"]`` order) of one feature dict."""
    z = list(model["bias"])
    weights = model["features"]
    for name, value in features.items():
        w = weights.get(name)
        if w is not None:
            for k in range(len(z)):
                z[k] += value * w[k]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


@lru_cache(maxsize=1)
def _conflict_words() -> frozenset[str]:
    return frozenset(w.strip().lower() for w in (paths.DATA / "conflict_words.txt").read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*")


def conflict_coverage(text: str) -> bool:
    """Is ``text`` coverage of a protest or political conflict: words of
    framing/data/conflict_words.txt at least ``CONFLICT_MIN`` times and at least once per
    ``CONFLICT_PER_WORDS`` words? The camp model applies only there.

    >>> conflict_coverage("The Sundogs won 3-2 in overtime, coach Ada Lind said.")
    False
    """
    words = _conflict_words()
    # One pass of word tokens and set lookups (an alternation regex of the list was 3x slower).
    n = sum(1 for w in _TOKEN.findall(text.lower())
            if w in words or ("-" in w and any(x in words for x in w.split("-"))))  # "hunger-striking"
    return n >= CONFLICT_MIN and n * CONFLICT_PER_WORDS >= len(text.split())


def revise_camps(text: str, claims: list[dict], mentions: list, *, keep: frozenset = frozenset(),
                 model: dict | None = None) -> dict[str, str]:
    """Revise ``claims`` in place: ``camp_rule`` keeps the rule camp, ``camp`` becomes the
    model's, one per speaker (probabilities averaged over the speaker's claims). Speakers in
    ``keep`` (the actor file's names) are left as they are; so are all speakers of an article
    that is not conflict coverage (:func:`conflict_coverage`). Returns ``{speaker: camp}`` for
    the speakers revised, so mentions of them can follow."""
    if not conflict_coverage(text):
        for c in claims:
            c["camp_rule"] = c["camp"]
        return {}
    model = model or load_model()
    by_actor: dict[str, list] = {}
    for m in mentions:
        by_actor.setdefault(_get(m, "actor"), []).append(m)
    sums: dict[str, list[float]] = {}
    contexts: dict[str, frozenset[str]] = {}
    for c in claims:
        c["camp_rule"] = c["camp"]
        if not c["speaker"] or c["speaker"] in keep:
            continue
        ms = by_actor.get(c["speaker"], [])
        if c["speaker"] not in contexts:
            contexts[c["speaker"]] = speaker_context(text, ms)
        p = probabilities(claim_features(text, c, ms, contexts[c["speaker"]]), model)
        acc = sums.setdefault(c["speaker"], [0.0] * len(p))
        for k, v in enumerate(p):
            acc[k] += v
    classes = model["classes"]
    # max() keeps the first class on a tie, so the result does not depend on dict order.
    camps = {s: classes[max(range(len(p)), key=p.__getitem__)] for s, p in sums.items()}
    for c in claims:
        if c["speaker"] in camps:
            c["camp"] = camps[c["speaker"]]
    return camps
