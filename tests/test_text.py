"""Glued-word repair and sentence segmentation, on the seed and on our own text."""
from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from framing import paths
from framing.text import repair_blocks, repair_text, sentence_spans

SEED_FUSED = """agents(Adds AlexeiNavalny fora phonetorches socialmedia weeksto ofPresident
forpolitical takenpart theKremlin calledon theirhomes severalminutes bythe shouldhelp withthem
inan withimages wasjailed isnot seethat's Telegrammessenger these15 changeeverything toaccuse
ofreceiving disruptRussian plannedto avirtual EuropeanUnion hasinstructed influence,on broughtto
butthere's theguilty Kremlinspokesman Russiafor Siberiawith TheKremlin violatedthe hesays theWest
urgedthe punitivemeasures.(Reporting DmitryAntonov andAlison""".split()


@pytest.fixture(scope="module")
def seed():
    raw = paths.SEED.read_text(encoding="utf-8")
    fixed, repairs = repair_text(raw)
    return raw, fixed, repairs


def test_seed_all_47_fused_forms_repaired(seed):
    raw, fixed, repairs = seed
    # "bythe" occurs twice: 46 distinct forms, 47 fused tokens.
    assert sum(raw.count(f) for f in SEED_FUSED) == 47
    assert len(repairs) == 47
    for form in SEED_FUSED:
        assert form not in fixed.split(), form
    pairs = {(r["raw"].strip('.,;"'), r["repaired"].strip('.,;"')) for r in repairs}
    for raw_form, repaired in [("AlexeiNavalny", "Alexei Navalny"), ("isnot", "is not"),
                               ("fora", "for a"), ("these15", "these 15"),
                               ("influence,on", "influence, on"), ("TheKremlin", "The Kremlin"),
                               ("Kremlinspokesman", "Kremlin spokesman"),
                               ("agents(Adds", "agents (Adds"),
                               ("punitivemeasures.(Reporting", "punitive measures. (Reporting")]:
        assert (raw_form, repaired) in pairs


def test_seed_real_words_stay_whole(seed):
    _, fixed, repairs = seed
    for word in ["Putin", "Maybe", "indifferent", "OMON", "Peskov", "Telegram", "Navalny",
                 "Zakharova", "Balmforth", "Kolodyazhnyy", "courtyards", "unsanctioned"]:
        assert re.search(rf"\b{word}\b", fixed), word
    assert "is not indifferent" in fixed
    assert all(r["repaired"].replace(" ", "") == r["raw"] for r in repairs)


def test_repairs_are_auditable(seed):
    raw, fixed, repairs = seed
    for r in repairs:
        assert raw[r["raw_start"]:r["raw_start"] + len(r["raw"])] == r["raw"]
        assert fixed[r["start"]:r["start"] + len(r["repaired"])] == r["repaired"]
        assert r["rule"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                        max_size=300), min_size=1, max_size=5))
def test_repair_only_inserts_spaces(blocks):
    fixed, _ = repair_blocks(blocks)
    for old, new in zip(blocks, fixed):
        assert new.replace(" ", "") == old.replace(" ", "")
        it = iter(new)
        assert all(ch in it for ch in old)  # old is a subsequence of new
        assert len(new) >= len(old)


# Written by us for this test: a wire-style paragraph set with names no list knows.
OUR_TEXT = [
    "Opposition leader Marta Vellquist urged her supporters on Saturday to gather in the main "
    "squares of Karstadt and Ostrevo, holding paper lanterns to show that the movement was "
    "alive despite the arrest of its organisers.",
    "Interior Minister Tomas Brell said the gatherings were unsanctioned and that police would "
    "detain anyone who blocked traffic, adding that foreign foundations were paying the "
    "organisers to destabilise the country before the election.",
    "Vellquist, who says the charges against her brother are fabricated, told reporters the "
    "government was afraid of candles. Rights groups said more than 400 people had been "
    "detained in the past two weeks in what they described as a campaign of intimidation.",
    "The European Union called for the release of everyone held for peaceful protest, while a "
    "spokeswoman for the presidential administration said the country would not accept "
    "lectures from abroad about how to keep public order in its own cities.",
]


@pytest.mark.parametrize("width", [58, 63, 69])
def test_repairs_wire_glued_text_it_has_not_seen(width):
    glued, gaps = [], []
    for para in OUR_TEXT:
        lines = textwrap.wrap(para, width=width)
        glued.append("".join(lines))
        gaps.append(len(lines) - 1)
    fixed, repairs = repair_blocks(glued)
    recovered = sum(a == b for a, b in zip(fixed, OUR_TEXT))
    assert len(repairs) >= 0.9 * sum(gaps)
    assert recovered >= 3
    for new, old in zip(fixed, OUR_TEXT):  # never a false split
        assert set(new.split()) <= set(old.split()) | {w for w in new.split() if w not in old}
        assert len(new.split()) <= len(old.split())


def test_clean_text_is_left_alone():
    fixed, repairs = repair_blocks(OUR_TEXT)
    assert fixed == OUR_TEXT and repairs == []


def test_sentences_keep_abbreviations_and_quotes():
    b = ('He was jailed on Feb. 2 after a court ruled. Gen. A. B. Carter met U.S. envoys in '
         'St. Louis. "We will not back down." The ministry (Reuters) said no.')
    got = [b[s:e] for s, e in sentence_spans(b)]
    assert got == ["He was jailed on Feb. 2 after a court ruled.",
                   "Gen. A. B. Carter met U.S. envoys in St. Louis.",
                   '"We will not back down."', "The ministry (Reuters) said no."]


def test_seed_sentences(seed):
    _, fixed, _ = seed
    blocks = [b for b in fixed.split("\n\n") if b.strip()]
    n = sum(len(sentence_spans(b)) for b in blocks)
    # 22 blocks, 29 units: the header line and each paragraph; 7 paragraphs have two sentences
    # ("... 15 minutes will change everything." is one; "Feb. 2" never splits).
    assert n == 29
    joined = [b[s:e] for b in blocks for s, e in sentence_spans(b)]
    assert any(s.startswith("He was jailed on Feb. 2 after a court ruled") for s in joined)
    assert any(s.endswith('Volkov wrote in a post on the Telegram messenger.') for s in joined)
