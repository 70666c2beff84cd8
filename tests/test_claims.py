"""Claims on real text: the seed against its hand coding, and our fictional articles."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from framing import paths
from framing.actors import Cast
from framing.claims import extract_claims, quote_spans
from framing.evaluate import score_claims
from framing.pipeline import analyze
from helpers import paragraph_regions


@pytest.fixture(scope="module")
def seed():
    return analyze(paths.SEED, n_boot=200)


def test_seed_body_claims_by_camp_and_kind(seed):
    body = seed["claims"][seed["claims"]["region"] == "body"]
    assert len(body) == 22
    assert body["camp"].value_counts().to_dict() == {"opposition": 12, "state": 9, "foreign": 1}
    assert (body["kind"] == "direct").sum() == 4


def test_seed_against_hand_coding():
    df = score_claims(region="body")
    row = df.loc["000_2ba4b2c5fd7b7a25"]
    assert row["f1"] >= 0.95
    assert row["speaker_accuracy"] >= 0.95
    assert row["camp_accuracy"] == 1.0


def test_seed_speakers_resolved(seed):
    c = seed["claims"]
    first = c[c["region"] == "body"].iloc[0]
    assert first["speaker"] == "Leonid Volkov" and first["via"] == "description"  # "An ally of ..."
    trumped = c[c["text"].str.contains("trumped up")]
    assert trumped["speaker"].tolist() == ["Alexei Navalny"] and trumped["distancing"].all()
    cont = c[c["text"].str.startswith('"This is essentially')]
    assert cont["speaker"].tolist() == ["Maria Zakharova"] and cont["via"].tolist() == ["continuation"]
    they = c[c["mention"] == "they"]
    assert they["speaker"].tolist() == ["police"] and they["distancing"].all()


def test_fixture_articles_meet_the_bar():
    """Our own fictional articles (not tuned one by one): all regions, all coders' decisions."""
    df = score_claims()
    overall = df.loc["ALL"]
    assert overall["precision"] >= 0.90
    assert overall["recall"] >= 0.80
    assert overall["speaker_accuracy"] >= 0.90
    assert overall["camp_accuracy"] >= 0.84


def _claims(text, home):
    """Claims of ``text`` (paragraphs split on blank lines) with roles only and ``home``."""
    return extract_claims(text, paragraph_regions(text), cast=Cast.load("", home=home))




def test_unbalanced_quote_does_not_swallow_the_article():
    text = ('"We will not leave the square, said the organiser.\n\n'
            'Interior Minister Tomas Brell said the rally was illegal.\n\n'
            'Opposition leader Marta Vell told reporters the police had beaten students.')
    spans = quote_spans(text, paragraph_regions(text))
    assert all(s.end <= text.index("\n\n") for s in spans)
    rows = extract_claims(text, paragraph_regions(text))
    speakers = [r["speaker"] for r in rows]
    assert "Tomas Brell" in speakers and "Marta Vell" in speakers


def test_multi_paragraph_quote_is_one_claim():
    text = ('Marta Vell, the opposition leader, said: “We came in peace.\n\n'
            '“We will come back every week until the prisoners are free.”\n\n'
            'Interior Minister Tomas Brell said the gathering was unsanctioned.')
    rows = extract_claims(text, paragraph_regions(text))
    vell = [r for r in rows if r["speaker"] == "Marta Vell"]
    assert len(vell) == 1 and "every week" in vell[0]["text"]
    assert [r["camp"] for r in rows] == ["opposition", "state"]


def test_guillemets_roles_and_foreign():
    text = ('«Nobody will frighten us», said a protester outside the court in Karstadt.\n\n'
            'The German foreign ministry called for the release of the detained students.\n\n'
            'According to the interior ministry, 300 people were detained.')
    rows = extract_claims(text, paragraph_regions(text), cast=None)
    camps = {r["cue"]: r["camp"] for r in rows}
    assert camps["said"] == "opposition"
    assert camps["called for"] == "foreign"
    assert camps["According to"] == "state"


def test_reported_actions_are_not_claims():
    text = ("Police detained 400 people on Saturday. A court sentenced him to three years.\n\n"
            "It was announced that the vote would be delayed.")
    assert extract_claims(text, paragraph_regions(text)) == []


def test_second_verbs_negated_speech_and_apposition():
    text = ("Interior Minister Tomas Brell said the march was illegal, and warned that organisers "
            "would be prosecuted.\n\n"
            "The ministry has not said how many people were detained. Brell declined to comment on "
            "the arrests.\n\n"
            "Its leader, Petra Lusk, told a rally the strike would go on, saying the miners had no choice.")
    rows = _claims(text, "Valdoria")
    assert [(r["cue"], r["speaker"]) for r in rows] == [
        ("said", "Tomas Brell"), ("warned", "Tomas Brell"), ("told", "Petra Lusk"), ("saying", "Petra Lusk")]


def test_default_actor_list_only_for_its_own_case():
    from framing.pipeline import _cast_for

    text = "The foreign ministry said the election was fair."
    assert "Russian foreign ministry" not in _cast_for({"text": text}).aliases.values()
    assert "Russian foreign ministry" in _cast_for({"text": "Russia's " + text}).aliases.values()


# Accuracy floors per coded set: precision, recall, speaker accuracy, camp accuracy. The
# floors sit a little below what was measured, to catch regressions without chasing a set.
# How each set was used (measured once on arrival, then tuned on, except the newest) is in
# its README and in docs/claims.md.
ACCURACY_FLOORS = {
    "heldout": (0.93, 0.87, 0.90, 0.78),   # arrival: F1 0.91, speaker 0.85, camp 0.68
    "heldout2": (0.93, 0.84, 0.90, 0.85),  # arrival: F1 0.90, speaker 0.88, camp 0.74
    "heldout3": (0.93, 0.86, 0.83, 0.74),  # arrival: speaker 0.875, camp 0.79
    "heldout4": (0.93, 0.84, 0.88, 0.76),  # arrival: F1 0.93, speaker 0.92, camp 0.73
    "heldout5": (0.92, 0.84, 0.88, 0.68),  # arrival: F1 0.93, speaker 0.94, camp 0.74
    "heldout6": (0.92, 0.81, 0.88, 0.72),  # arrival: F1 0.91, speaker 0.94, camp 0.78
    "heldout7": (0.92, 0.84, 0.88, 0.79),  # arrival: F1 0.93, speaker 0.93, camp 0.85
    "heldout8": (0.92, 0.87, 0.90, 0.78),  # arrival: F1 0.95, speaker 0.95, camp 0.77
    "heldout9": (0.93, 0.89, 0.92, 0.88),  # arrival (before tuning): F1 0.97, speaker 0.98, camp 0.84
    "heldout10": (0.93, 0.85, 0.92, 0.85),  # arrival (before tuning): F1 0.905, speaker 0.935, camp 0.78
    "heldout11": (0.94, 0.87, 0.91, 0.87),  # arrival (before tuning): F1 0.926, speaker 0.932, camp 0.835
    "heldout12": (0.95, 0.83, 0.89, 0.83),  # arrival (before tuning): F1 0.911, speaker 0.910, camp 0.735
    "heldout13": (0.95, 0.85, 0.88, 0.75),  # never tuned on; arrival: F1 0.922, speaker 0.908, camp 0.773
    "heldout14": (0.94, 0.82, 0.87, 0.78),  # arrival (before tuning): F1 0.900, speaker 0.894, camp 0.788
    "heldout15": (0.95, 0.87, 0.86, 0.74),  # arrival (before tuning): F1 0.937, speaker 0.881, camp 0.708
    "heldout16": (0.95, 0.87, 0.87, 0.81),  # arrival (before tuning): F1 0.937, speaker 0.899, camp 0.778
    "heldout17": (0.95, 0.84, 0.87, 0.84),  # arrival (before tuning): F1 0.911, speaker 0.882, camp 0.833
    "heldout18": (0.95, 0.86, 0.91, 0.87),  # arrival (before tuning): F1 0.925, speaker 0.934, camp 0.791
    "heldout19": (0.96, 0.88, 0.90, 0.80),  # arrival (before tuning): F1 0.927, speaker 0.910, camp 0.800
    "heldout20": (0.97, 0.89, 0.91, 0.85),  # arrival (before tuning): F1 0.938, speaker 0.911, camp 0.831
    "heldout21": (0.95, 0.89, 0.93, 0.82),  # arrival (before tuning): F1 0.935, speaker 0.958, camp 0.842
    "heldout22": (0.96, 0.88, 0.93, 0.79),  # arrival (before tuning): F1 0.944, speaker 0.959, camp 0.786
    "heldout23": (0.95, 0.89, 0.90, 0.79),  # arrival (before tuning): F1 0.943, speaker 0.928, camp 0.806
    "heldout24": (0.94, 0.85, 0.90, 0.76),  # arrival (before tuning): F1 0.913, speaker 0.885, camp 0.780
    "heldout25": (0.93, 0.82, 0.91, 0.83),  # arrival: F1 0.894, speaker 0.934, camp 0.853
    "general1": (0.96, 0.89, 0.91, 0.86),  # general news; arrival (before tuning): F1 0.918, speaker 0.926, camp 0.800
    "general2": (0.96, 0.91, 0.89, 0.79),  # general news; arrival (before tuning): F1 0.936, speaker 0.887, camp 0.774
    "general3": (0.96, 0.89, 0.91, 0.81),  # general news; arrival (before tuning): F1 0.947, speaker 0.931, camp 0.838
    "general4": (0.96, 0.86, 0.89, 0.82),  # general news; arrival: F1 0.927, speaker 0.914, camp 0.843
}


@pytest.mark.parametrize("folder", sorted(ACCURACY_FLOORS))
def test_heldout_sets_meet_their_floors(folder):
    precision, recall, speaker, camp = ACCURACY_FLOORS[folder]
    # Rule camps: the camp model was trained on the development sets (see the test below).
    overall = score_claims(paths.FIXTURES / folder, camp_model=False).loc["ALL"]
    assert overall["precision"] >= precision
    assert overall["recall"] >= recall
    assert overall["speaker_accuracy"] >= speaker
    assert overall["camp_accuracy"] >= camp


def test_camp_model_on_the_set_it_was_not_trained_on():
    """The twenty-fifth set is outside the camp model's training data
    (framing/data/camp_model.json lists what it was trained on); measured on arrival: camp
    0.853 with the rules, 0.891 with the model."""
    import json

    model = json.loads((paths.DATA / "camp_model.json").read_text())
    for folder, floor in (("heldout25", 0.87),):
        assert folder not in model["trained_on"]
        overall = score_claims(paths.FIXTURES / folder).loc["ALL"]
        assert overall["camp_accuracy"] >= floor


def test_person_of_an_institution_and_international_bodies():
    """Written for this test: heads of "of" chains, international bodies, capital metonyms."""
    text = ("Nadia Ferro of the Torvik School of Economics said the blockade cost millions.\n\n"
            "An IMF spokeswoman said in Washington that the loan talks would continue.\n\n"
            "Washington called on both sides to show restraint.\n\n"
            "An EU foreign policy spokesman urged the government to release the farmers.")
    rows = _claims(text, "Belmora,Belmoran")
    got = [(r["speaker"], r["camp"]) for r in rows]
    assert got[0] == ("Nadia Ferro", "other")
    assert [camp for _, camp in got[1:]] == ["foreign", "foreign", "foreign"]
    assert got[2][0] == "United States"


def test_organisation_camps_from_context():
    """Written for this test: a body's camp from what the text says of it."""
    text = ("Jarek Moll, head of the Belmoran Smallholders' Union, which organised the blockade, "
            "said the farmers would stay.\n\n"
            "The main opposition Green Plough party said the protest was legitimate.\n\n"
            "The ruling Homeland Alliance accused the farmers of blackmail.\n\n"
            "The Dossian Democratic Party, the largest opposition party, said it would go to court, "
            "and its leader, Jan Teske, accused the government of lying.")
    rows = _claims(text, "Belmora,Belmoran")
    got = {r["speaker"]: r["camp"] for r in rows}
    assert got == {"Jarek Moll": "opposition", "Green Plough": "opposition",
                   "Homeland Alliance": "state", "Dossian Democratic Party": "opposition",
                   "Jan Teske": "opposition"}


def test_colon_headline_definite_bodies_and_subject_pronouns():
    """Written for this test: telegraphic headlines, "the union said", "He said" after a claim."""
    title = "Students occupy Varenza campus; minister: 'The law stays'"
    body = ("Education Minister Pia Lund said the fee law would not be withdrawn.\n\n"
            "The Independent Students' Union, which organised the occupation, said 2,000 students "
            "had joined.\n\nThe union said the occupation would go on.\n\n"
            "Prosecutor Goran Vuk said Pavel Orsic had organised the riots. He said the evidence "
            "included videos.")
    text = title + "\n\n" + body
    rows = extract_claims(text, paragraph_regions(text, headline=True), cast=Cast.load("", home="Quellaria"))
    got = [(r["region"], r["cue"], r["speaker"], r["camp"]) for r in rows]
    assert got[0] == ("headline", ":", "Pia Lund", "state")
    assert ("body", "said", "Independent Students' Union", "opposition") in got
    union = [r for r in rows if r["text"].startswith("the occupation would go on")]
    assert union and union[0]["speaker"] == "Independent Students' Union"
    he = [r for r in rows if "videos" in r["text"]]
    assert he and he[0]["speaker"] == "Goran Vuk"


def test_quoted_as_saying_relative_clauses_and_inverted_roles():
    """Written for this test."""
    text = ("President Ion Varga did not comment. State television quoted him as saying that "
            '"Corvania will not go back".\n\n'
            "Lawyer Farah Iqbal, who is preparing the petition to the Supreme Court, said the "
            "deletions changed the result.\n\n"
            "Education Minister Vera Kostal told deputies before the vote that the reform would pass.\n\n"
            '"A banner is not a threat," said the group\'s lawyer, Bence Toth.')
    rows = _claims(text, "Corvania")
    assert [(r["cue"], r["speaker"]) for r in rows] == [
        ("saying", "Ion Varga"), ("said", "Farah Iqbal"), ("told", "Vera Kostal"), ("said", "Bence Toth")]


def test_country_and_capital_metonyms():
    """Written for this test: the home capital learnt from the text, a known foreign country."""
    text = ("Thousands marched in the capital, Santor, on Sunday.\n\n"
            "Santor rejected the criticism as interference.\n\n"
            "Britain urged restraint.\n\n"
            "Protesters in Santor said they would return.")
    rows = _claims(text, "Sarvona,Sarvonan")
    assert [(r["speaker"], r["camp"]) for r in rows] == [
        ("Sarvona", "state"), ("Britain", "foreign"), ("protesters", "opposition")]


def test_bodies_named_after_a_role_and_appositive_subjects():
    """Written for this test."""
    text = ("Petr Hala, a lawmaker from the ruling Heritage party, said the march was a provocation.\n\n"
            "The state broadcaster TVT said the protesters were paid. TVT said later that six were held.\n\n"
            "The OSCE mission said it had seen irregularities.\n\n"
            "Maria Lenk, 34, who marched with her daughter, said she was not afraid.\n\n"
            "Analyst Tomas Weil of the non-partisan Civic Data Institute said turnout was low.\n\n"
            "A government source said the law would pass.")
    rows = _claims(text, "Palmyre,Palmyrene")
    assert [(r["speaker"], r["camp"]) for r in rows] == [
        ("Petr Hala", "state"), ("TVT", "state"), ("TVT", "state"), ("OSCE mission", "foreign"),
        ("Maria Lenk", "opposition"), ("Tomas Weil", "other"), ("government source", "state")]
    assert rows[0]["text"] == "the march was a provocation."


def test_place_metonyms_pollsters_and_modified_bodies():
    """Written for this test: a dateline city speaking for the government, Brussels for the
    EU, a survey's pollster, a leader of an opposition party, a union's president."""
    text = ("CALVERA, March 3 (IPD) - Voters went to the polls on Sunday.\n\n"
            "Calvera rejected the complaint as interference.\n\n"
            "Brussels has urged the government to respect the vote.\n\n"
            "According to a survey by the polling firm Northfield Research, 60 percent oppose the change.\n\n"
            "Sigrid Vallin, leader of the opposition Liberal Commons party, said the vote was rigged.\n\n"
            "The Union of Teachers (UOT), which organised the strike, said it would go on. "
            "The union’s president, Jelka Kastel, told reporters the teachers would not leave.")
    rows = _claims(text, "Montevar,Montevari")
    got = [(r["speaker"], r["camp"]) for r in rows]
    assert got == [("Montevar", "state"), ("European Union", "foreign"), ("Northfield Research", "other"),
                   ("Sigrid Vallin", "opposition"), ("Union of Teachers", "opposition"),
                   ("Jelka Kastel", "opposition")]


def test_coordinated_cue_shares_the_subject_and_a_quote_is_claimed_once():
    """Written for this test: "X gathered ... and chanted '...'" is X's; the next sentence's
    speaker does not take the same quote again."""
    text = ("About 300 supporters gathered outside the building on Wednesday and chanted “Hands off our votes!” "
            "Police told them to disperse three times before detaining those who refused.\n\n"
            "The Free Press Institute, a media rights group based in Vienna, said it supported the sit-in "
            "and called on the board to resign.")
    rows = _claims(text, "Sorvia")
    chant = next(r for r in rows if r["cue"] == "chanted")
    assert (chant["speaker"], chant["camp"]) == ("supporters", "opposition")
    assert sum("Hands off" in r["text"] for r in rows) == 1
    called = next(r for r in rows if r["cue"] == "called on")
    assert called["speaker"] == "Free Press Institute"  # not the pronoun inside the first claim


def test_relative_clause_inside_an_appositive_keeps_the_person_as_speaker():
    """Written for this test: "X, a former minister who now leads the opposition Y, said"."""
    text = ("Florin Ferr, a former justice minister who now leads the opposition Liberal Pact, said the case "
            "had been assembled backwards.")
    rows = _claims(text, "Varnesse")
    assert [(r["speaker"], r["camp"]) for r in rows] == [("Florin Ferr", "opposition")]


def test_calls_to_protest_governing_alliance_spokespeople_and_the_union_leading_the_walkout():
    """Written for this test: fictional country, people and bodies."""
    text = ("Pharmacists shut their doors on Monday at the start of a strike, and the union leading the walkout "
            "said 4,000 pharmacies were closed.\n\n"
            "\"We are here for the villages,\" UCP president Clara Cast told several hundred pharmacists outside the ministry.\n\n"
            "The Union of Community Pharmacists (UCP) says its members are selling at a loss.\n\n"
            "The march was called by the Market Traders' Association.\n\n"
            "A spokeswoman for the governing Civic Bloc alliance said the opposition was playing politics.")
    rows = _claims(text, "Sarvenne")
    by_cue = {r["cue"]: r for r in rows}
    assert (by_cue["told"]["speaker"], by_cue["told"]["camp"]) == ("Clara Cast", "opposition")
    called = by_cue["called"]
    assert (called["speaker"], called["camp"], called["cue_class"]) == ("Market Traders' Association", "opposition", "directive")
    spokes = [r for r in rows if "playing politics" in r["text"]]
    assert len(spokes) == 1 and spokes[0]["camp"] == "state"


def test_crowd_estimates_are_claims_of_who_gives_them():
    """Written for this test: crowd figures are attributed estimates (codebook), not the outlet's."""
    text = ("Police put the crowd outside the ministry at about 2,000.\n\n"
            "Protest organisers put the crowd at 15,000.")
    rows = _claims(text, "Solvenza")
    assert [(r["speaker"], r["camp"]) for r in rows] == [("police", "state"), ("Protest organisers", "opposition")]


def test_banner_slogans_are_claims_of_those_who_carry_them():
    """Written for this test (codebook: banners and placards are claims of the group carrying them)."""
    text = ("Thousands marched through Varsk on Sunday. Marchers carried a banner that read \"Knowledge is not for sale\".\n\n"
            "Their placards read: «Our valley, our water».\n\n"
            "Mira Dal, 22, who held a placard reading \"Free the students\", said she had been pushed.\n\n"
            "The ministry said the march had not been authorised.")
    rows = _claims(text, "Solvenza")
    banners = [(r["speaker"], r["camp"], r["kind"]) for r in rows if r["cue"] in ("read", "reading")]
    assert banners == [("marchers", "opposition", "direct"), ("marchers", "opposition", "direct"),
                       ("Mira Dal", "opposition", "direct")]


def test_according_to_a_named_body_after_the():
    """Written for this test: "according to the Delta Opinion Institute" (a name after "the")."""
    text = "Turnout was 41 percent, according to the Delta Opinion Institute."
    rows = _claims(text, "Solvenza")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Delta Opinion Institute", "according to")]


def test_telegraphic_headline_body_resolves_to_the_body_named_in_the_story():
    """Written for this test: a headline's bare "union vows" is the union the story names."""
    text = ("Teachers strike for third day; union vows to stay out\n\n"
            "The Union of Ilyrian Educators said on Monday that 9,000 teachers had walked out.")
    rows = extract_claims(text, paragraph_regions(text, headline=True), cast=Cast.load("", home="Ilyria"))
    head = [r for r in rows if r["region"] == "headline"]
    assert [(r["speaker"], r["cue"]) for r in head] == [("Union of Ilyrian Educators", "vows")]


def test_calls_to_protest_and_according_to_a_lab():
    """Written for this test: "The Front has called another protest" is a directive claim."""
    text = ("The Harvest Front organised the protest. The Front has called another protest for Friday.\n\n"
            "The Kallmar Digital Rights Lab examined the file. According to the lab, the metadata is genuine.")
    rows = _claims(text, "Belvorra")
    assert ("called", "directive") in [(r["cue"], r["cue_class"]) for r in rows]
    assert ("Kallmar Digital Rights Lab", "According to") in [(r["speaker"], r["cue"]) for r in rows]


def test_quantities_before_a_subject_colon_headline_bodies_and_plural_union_names():
    """Written for this test: "Thousands of supporters gathered ..., chanting '...'"; "union:" in a
    headline; "the union" is not "the Confederation of ... Trade Unions"."""
    text = ("Metro strike enters third day despite court order; union: 'We stay out'\n\n"
            "The Union of Metro Workers called the strike on Monday. The Confederation of "
            "Vestrava Trade Unions urged talks. The union said it would go back to court.\n\n"
            "Thousands of supporters gathered outside the airport, chanting \"Welcome home!\"")
    rows = extract_claims(text, paragraph_regions(text, headline=True), cast=Cast.load("", home="Vestrava"))
    got = {(r["region"], r["cue"], r["speaker"]) for r in rows}
    assert ("headline", ":", "Union of Metro Workers") in got
    assert ("body", "said", "Union of Metro Workers") in got
    assert ("body", "chanting", "supporters") in got


def test_calling_a_protest_versus_calling_it_names():
    """Written for this test: "called a strike" is a call to protest (directive); "called the
    strike 'illegal'" and "called the blockade a test of ..." name it (evaluative)."""
    text = ("The Dock Workers' Union called a strike for Monday.\n\n"
            "Transport Minister Ola Brenn called the strike \"illegal\".\n\n"
            "The embassy called the blockade a test of the investment treaty.")
    classes = [(r["cue"], r["cue_class"]) for r in _claims(text, "Merrovia")]
    assert classes == [("called", "directive"), ("called", "evaluative"), ("called", "evaluative")]


def test_speakers_from_the_seventeenth_sets_hard_cases():
    """Written for this test: a foreign government's seat speaking ("the Kastrellish
    government in Aldmoor" ... "Aldmoor said"), a name the mention finder does not know before
    "whose" ("Orvanafta, the state fuel distributor whose board ..."), a party leader "in
    parliament", and a party side that outweighs a town office."""
    text = ("The deal was agreed between the Lisvanian government and the Kastrellish government in Aldmoor.\n\n"
            "Aldmoor said on Friday that it was ready to move the fuel depot.\n\n"
            "Orvanafta, the state fuel distributor whose board is appointed by the Economy Ministry, "
            "said 112 of its filling stations had run dry.\n\n"
            "The opposition Civic Ridge party lost by 412 votes. "
            "Civic Ridge's leader in parliament, Gernot Hallbeck, accused the government of stealing the city.\n\n"
            "Thousands marched for the city's mayor, Emmer Tarkwin. Tarkwin, 44, of the opposition "
            "Future party, said the charges were fabricated.")
    rows = _claims(text, "Lisvania,Lisvanian")
    got = {r["speaker"]: r["camp"] for r in rows}
    assert got["Kastrell"] == "foreign"
    assert got["Orvanafta"] == "state"
    assert got["Gernot Hallbeck"] == "opposition"
    assert got["Emmer Tarkwin"] == "opposition"


def test_minister_of_portfolio_and_a_new_subject_before_he_said():
    """Written for this test: "Minister of Energy X" is a labelled name that "the minister"
    points back to; "He said" after a new person became a sentence's subject goes to that
    person, not to the speaker of the claim before."""
    text = ("All wages will be paid by 30 September, Minister of Energy Bogdan Selvin announced on Thursday.\n\n"
            "The minister said the protest had been hijacked.\n\n"
            "A senior defence ministry official said the contract would be signed this year.\n\n"
            "Folker Lysted, who was elected mayor of Velting last year, walked at the front of the march. "
            "He said the town council had never been consulted.")
    rows = _claims(text, "Zhelvara,Zhelvaran")
    by_text = {r["text"][:20]: r["speaker"] for r in rows}
    assert by_text["the protest had been"] == "Bogdan Selvin"
    assert by_text["the town council had"] == "Folker Lysted"


def test_general_news_cues_and_speakers():
    """Written for this test: newspaper quoting outside protest coverage ("told councillors
    the lanes ...", '"...," said Dr. X', "according to a study ... by the Y Institute",
    "according to the MDSU", "testified", "Police allege")."""
    text = ("The city's director of planning, Gwen Osterlund, told councillors the lanes would add 90 seconds.\n\n"
            "\"The design is about as good as you can get,\" said Dr. Everard Aschberg, a sleep physician.\n\n"
            "Waits have doubled, according to a study released Tuesday by the Prairie Health Policy Institute.\n\n"
            "The Metro Drivers' Union (MDU) called the strike. According to the MDU, 900 drivers stayed home.\n\n"
            "Constable Farah Tilling testified that the truck had not braked. Police allege he fired twice.")
    rows = _claims(text, "Canada,Canadian")
    got = {(r["speaker"], r["cue"].lower()) for r in rows}
    assert ("Gwen Osterlund", "told") in got
    assert ("Everard Aschberg", "said") in got
    assert ("Prairie Health Policy Institute", "according to") in got
    assert ("Metro Drivers' Union", "according to") in got
    assert any(s.endswith("Farah Tilling") and c == "testified" for s, c in got)
    assert ("police", "allege") in got


def test_names_with_accented_letters():
    """Written for this test: names outside ASCII ("Léonie", "Kivimäki", "Łukasz") are names,
    and their surnames link back to them."""
    text = ("Finance Minister Léonie Arceneaux-Blake said the deficit would shrink.\n\n"
            "Arceneaux-Blake told reporters the government had no plans to raise taxes.\n\n"
            "Łukasz Šimková, a teacher, said the cuts were unfair. Šimková added that pupils would suffer.\n\n"
            "Ionuț Bărbulescu, a lawyer, said the law was void.")
    rows = _claims(text, "Canada,Canadian")
    speakers = [r["speaker"] for r in rows]
    assert speakers.count("Léonie Arceneaux-Blake") == 2
    assert speakers.count("Łukasz Šimková") == 2
    assert "Ionuț Bărbulescu" in speakers  # Romanian ș and ț are outside Latin Extended-A


def test_it_after_a_body_was_the_subject_of_the_sentence_before():
    """Written for this test: "It said" after an action sentence whose subject is a body,
    and a name after a body noun ("the consumers' group Fair Deal") is a body."""
    text = ("The Pelloran Medical Chamber, the professional body of doctors, whose president sits on the "
            "ruling party's council, did not take part in the gathering. It said talk of a strike was irresponsible.\n\n"
            "The consumers' group Fair Deal welcomed the bill. It urged the government to cap the prices.")
    rows = _claims(text, "Pellora,Pelloran")
    by_cue = {r["cue"]: r["speaker"] for r in rows}
    assert by_cue["said"].endswith("Medical Chamber")
    assert by_cue["urged"] == "Fair Deal"


def test_quote_before_a_titled_speaker_and_named_relative_objects():
    """Written for this test: '"...," Ms. X said.' takes the quote before; "protests which the
    Interior Ministry has called illegal" is a claim of the ministry; "according to the media
    freedom group Open Column" is the group's."""
    text = ("Finance Minister Leona Arcenaux presented the budget on Tuesday.\n\n"
            "\u201cWe made a choice not to balance the books on the backs of patients,\u201d Ms. Arcenaux said. "
            "\u201cThe numbers are tight.\u201d\n\n"
            "Thousands joined protests which the Interior Ministry has called illegal.\n\n"
            "According to the media freedom group Open Column, 14 reporters were attacked this year.")
    rows = _claims(text, "Canada,Canadian")
    first = next(r for r in rows if r["speaker"] == "Leona Arcenaux")
    assert first["text"].startswith("\u201cWe made a choice")
    assert any(r["speaker"] == "Interior Ministry" and r["cue"] == "called" for r in rows)
    assert any(r["speaker"] == "Open Column" for r in rows)
