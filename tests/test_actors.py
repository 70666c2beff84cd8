"""Actors: role matching, camps from roles, home country."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing import paths
from framing.actors import Cast, find_mentions, find_roles, link_mentions
from framing.corpus import read_article
from helpers import camps_of, linked

ARTICLES = sorted(p for p in (paths.FIXTURES / "articles").glob("*") if p.suffix in (".md", ".txt"))


@pytest.mark.parametrize("path", ARTICLES[:12] + [paths.SEED], ids=lambda p: Path(p).stem[:12])
def test_word_lookup_finds_what_the_role_pattern_finds(path):
    text = read_article(path)[0]["text"]
    cast = Cast.load()
    assert [(h.s, h.e) for h in find_roles(text, cast)] == [
        (m.start(), m.end()) for m in cast.role_regex.finditer(text)]


def test_camps_from_roles_without_an_actor_list():
    text = ("Valdorian Interior Minister Tomas Brell said the rally was illegal. "
            "The German foreign ministry urged restraint. Opposition leader Marta Vell, "
            "whose lawyer, Ana Ravic, was detained, said the vote was rigged. "
            "The State Protection Bureau said it had arrested two journalists.")
    camps = camps_of(text, "Valdoria,Valdorian")
    assert camps["Tomas Brell"] == "state"
    assert camps["German foreign ministry"] == "foreign"
    assert camps["Marta Vell"] == "opposition"
    assert camps["Ana Ravic"] == "other"  # a lawyer keeps her own camp
    assert camps["State Protection Bureau"] == "state"


def test_home_inferred_from_domestic_roles():
    text = ("Valdorian police detained 300 people. The Valdorian interior ministry said the "
            "protest was unsanctioned. The Estlandian foreign ministry criticised the arrests.")
    cast = Cast.load("", home=None)
    camps = {m.actor: m.camp for m in link_mentions(find_mentions(text, cast), text, cast)}
    assert camps["Valdorian interior ministry"] == "state"
    assert camps["Estlandian foreign ministry"] == "foreign"


def test_protest_participants_are_opposition():
    """Written for this test: people and groups speaking from a protest (codebook, section 5)."""
    text = ("Thousands of farmers blocked the motorway on Monday in a protest against fuel prices.\n\n"
            '"We have nothing left to lose," said Agata Rune, 61, from the village of Moskar. '
            "Students chanted slogans outside the ministry.\n\n"
            '"They will not listen," said Jan Kubelik, the foundation\'s director.\n\n'
            "Political commentator Stefan Orlea said the blockade was staged.\n\n"
            "A shopkeeper who watched the march, Ilse Brun, said the road had been closed for hours.")
    ms = linked(text, "Belmora,Belmoran")
    camps = {m.actor: m.camp for m in ms}
    assert camps["Agata Rune"] == "opposition"
    assert camps["students"] == "opposition"
    assert camps["Jan Kubelik"] == "other"  # described by a role of his own
    assert camps["Stefan Orlea"] == "other"  # labelled
    assert camps["Ilse Brun"] == "other"  # a bystander


def test_people_take_the_camp_of_the_body_they_lead():
    """Written for this test: acronyms, head nouns and possessives tie a person to a body."""
    text = ("The Independent Teachers' Union (ITU), which organised the walkout, said it was a success. "
            "Goran Vidic, the union's vice-president, said so. ITU president Branka Oresh told a rally.\n\n"
            "The Open Ledger Foundation, a group that monitors freedom of assembly, counted 212 detentions. "
            "\"We see a pattern,\" said Jan Kubelik, the foundation's director.")
    camps = camps_of(text, "Galdovia,Galdovian")
    assert camps["Goran Vidic"] == camps["Branka Oresh"] == "opposition"
    assert camps["Open Ledger Foundation"] == camps["Jan Kubelik"] == "other"


def test_body_names_with_of_and_positions_before_names():
    """Written for this test: "Union of X (ACR), which called the strike", a chairwoman of a
    commission named after her post, a party of a person, a party in parliament."""
    text = ("The Union of Locomotive Drivers (ULD), which called the strike, said 94 percent stopped work. "
            "Giulia Sarro, the union's general secretary, told a rally the sale was wrong.\n\n"
            "The chairwoman of the Central Electoral Commission, Sylvie Barat, dismissed the claims.\n\n"
            "Opposition candidate Nadia Ferrand led the march. Ferrand's Renewal party said it had filed "
            "complaints. The Liberal Forum, whose 23 deputies walked out, said it would go to court.")
    camps = camps_of(text, "Casmira,Casmiran")
    assert camps["Union of Locomotive Drivers"] == camps["Giulia Sarro"] == "opposition"
    assert camps["Sylvie Barat"] == "state"
    assert camps["Renewal"] == camps["Liberal Forum"] == "opposition"


def test_country_scan_matches_the_country_pattern():
    """find_countries (one linear pass) finds what the big alternation finds."""
    from framing.actors import find_countries

    cast = Cast.load()
    for path in ARTICLES + [paths.SEED]:
        text = read_article(path)[0]["text"]
        assert [(s, w) for s, _, w in find_countries(text, cast)] == [
            (m.start(), m.group()) for m in cast.country_regex.finditer(text)]


def test_casts_for_many_homes_share_the_data_files():
    from framing.actors import _base_cast

    before = _base_cast.cache_info().misses
    for i in range(50):
        Cast.load(home=f"Country{i},Country{i}an")
    assert _base_cast.cache_info().misses == before


def test_bodies_known_by_what_they_do_and_former_officials():
    """Written for this test: a name with an acronym or ', which' is a body; a former judge
    is no state voice; a neighbour's capital is not the home capital."""
    text = ("The United Nursing Staff of Lunaria (UNSL), which called the strike, said it would appeal.\n\n"
            "Silver Hands, the pensioners' association that organised the march, put the crowd at 60,000. "
            "Silver Hands said it would march again.\n\n"
            "Vittoria Lisci, a former judge, condemned the raids.\n\n"
            "In Quellmark's capital, Tarsel, officials were cautious. Tarsel has warned against the deal.")
    ms = linked(text, "Lunaria,Lunarian")
    camps = {m.actor: (m.camp, m.actor_kind) for m in ms}
    assert camps["United Nursing Staff of Lunaria"] == ("opposition", "institution")
    assert camps["Silver Hands"] == ("opposition", "institution")
    assert camps["Vittoria Lisci"][0] != "state"
    assert all(m.actor != "Lunaria" for m in ms if m.mention == "Tarsel")


def test_description_heads_ruling_modifiers_and_curly_apostrophes():
    """Written for this test."""
    text = ("Imogen Folkard, a lawyer representing twelve of the activists, said they were held without food.\n\n"
            "Speaker Otto Bernsen of the ruling Fennick Accord said the sit-in was illegal.\n\n"
            "The Prosecutor General’s Office said the case was closed.\n\n"
            "Vesela Ostrowe, head of the statistics office, said the census was accurate.")
    camps = camps_of(text, "Fennick")
    assert camps["Imogen Folkard"] == "other"  # a lawyer, not an activist
    assert camps["Otto Bernsen"] == "state"
    assert camps["Prosecutor General’s Office"] == "state"
    assert camps["Vesela Ostrowe"] == "state"


def test_party_side_in_a_persons_own_clause_organisers_and_relatives():
    """Written for this test: fictional country and people."""
    text = ("Tomas Wendry, a deputy of the opposition Harvest League, called for talks.\n\n"
            "Ilse Marrow, who chairs the ruling Concord party's group in parliament, said the march was paid for.\n\n"
            "Pavel Ostin, a member of parliament for the ruling Concord party, agreed.\n\n"
            "Dara Kell, a critic of the ruling party, said nothing had changed.\n\n"
            "The so-called River Guard movement, which organised the vigil, said it would return.\n\n"
            "Lena Brisk, a coordinator of River Guard, said the vigil was peaceful.\n\n"
            "The organisers, the Free Drivers' Association (FDA), said 300 lorries took part.\n\n"
            "Nadia Ostrel, a climate activist, was jailed in May. Mira Ostrel, the activist's mother, "
            "said the sentence was cruel.")
    camps = camps_of(text, "Arvenna,Arvennian")
    assert camps["Tomas Wendry"] == "opposition"  # a deputy, but of the opposition
    assert camps["Ilse Marrow"] == "state"
    assert camps["Pavel Ostin"] == "state"
    assert camps["Dara Kell"] != "state"  # a critic of the ruling party is not its member
    assert camps["Lena Brisk"] == "opposition"  # of a body that organised the vigil, though
    assert {c for a, c in camps.items() if "River Guard" in a} == {"opposition"}  # "Guard" alone says state
    assert camps["Free Drivers' Association"] == "opposition"
    assert camps["Mira Ostrel"] == "opposition"


def test_people_who_came_to_join_or_stood_in_a_protest_are_participants():
    """Written for this test: fictional country and people."""
    text = ("Thousands marched through Varsk on Sunday against the pension freeze.\n\n"
            "Jorel Maske, 74, a retired tram driver who had come by bus from Marsk to join the march, "
            "said he could not pay for heating.\n\n"
            "Tamsin Ode, who stood with other parents in an unauthorised picket outside the station, "
            "said her son had done nothing wrong.\n\n"
            "Eda Vorn, 70, a retired fisherman who watched the march from the harbour wall, said it was calm.")
    camps = camps_of(text, "Arvenna,Arvennian")
    assert camps["Jorel Maske"] == "opposition"
    assert camps["Tamsin Ode"] == "opposition"
    assert camps["Eda Vorn"] != "opposition"  # a bystander who watched


def test_the_bodys_spokesman_takes_the_camp_of_that_body():
    """Written for this test: fictional country and people."""
    text = ("The march was organised by Harbour Forward, a movement of residents and students. "
            "The movement's co-founder, Elin Varsk, told the crowd they would return.\n\n"
            "The court banned the march. The Bus Drivers' Union, which called the strike, appealed. "
            "\"We will drive again when we are paid,\" the union's leader, Anton Brisk, told a rally.")
    camps = camps_of(text, "Arvenna,Arvennian")
    assert camps["Elin Varsk"] == "opposition"
    assert camps["Anton Brisk"] == "opposition"  # the union's, not the court's


def test_named_organisers_and_officials_of_international_bodies():
    """Written for this test: fictional country and people; real bodies only as bodies."""
    text = ("Thousands marched in Varsk against the language law. One of the organisers, teacher Ivo Brand, "
            "said the law would erase a language.\n\n"
            "The OSCE Representative on Freedom of the Media, Helga Wint, urged parliament to drop the bill.\n\n"
            "The customs union’s secretary general, Rosa Tal, said the bloc would welcome Arvenna.")
    camps = camps_of(text, "Arvenna,Arvennian", names_only=True)
    assert camps["Ivo Brand"] == "opposition"
    assert camps["Rosa Tal"] == "foreign"


def test_word_lists_live_in_data_files_and_short_stems_are_not_nationalities():
    """Written for this test: "Clean Air X" is not a foreign body; "Saarvian" is a foreign adjective."""
    from framing import actors, paths
    assert "Civic" in actors._NOT_NATIONALITIES and (paths.DATA / "not_nationalities.txt").exists()
    assert actors._METONYMS["Brussels"] == "European Union"
    text = ("Clean Air Kelmoss, the residents' group that organised the blockade, said it would stay.\n\n"
            "Saarvian Foreign Minister Eino Rask called the closure a step back.")
    camps = camps_of(text, "Esteria,Esterian")
    assert camps["Clean Air Kelmoss"] == "opposition"
    assert camps["Eino Rask"] == "foreign"


def test_party_named_after_the_country_with_a_side_before_it():
    """Written for this test: "the ruling Arvenna Onward party" (the country's name inside the party's)."""
    text = ("The Speaker, Ola Brenn of the ruling Arvenna Onward party, said the deputies must leave.\n\n"
            "\"This is theatre,\" said Tove Lind, parliamentary leader of Arvenna Onward.")
    ms = linked(text, "Arvenna,Arvennian")
    assert {m.camp for m in ms if m.actor_kind == "institution" and "Onward" in m.actor} == {"state"}


def test_bodies_named_after_a_role_or_their_organisers_and_people_who_lead_a_body():
    """Written for this test: fictional country, people and bodies."""
    text = ("The regulator, the National Broadcasting Authority, said the licence was revoked.\n\n"
            "The march’s organisers, the Equal Pay Network, said two women were taken to hospital.\n\n"
            "Talia Morrow won the election for the opposition Harbour League. Piers Kell, who leads the "
            "Harbour League group on the city council, accused the government of tearing up the ballots.")
    camps = camps_of(text, "Arvenna,Arvennian")
    assert camps["National Broadcasting Authority"] == "state"
    assert camps["Equal Pay Network"] == "opposition"
    assert camps["Piers Kell"] == "opposition"


def test_present_position_members_of_protesting_bodies_and_hunger_strikers():
    """Written for this test: fictional country, people and bodies."""
    text = ("Former health minister Dora Sark, now a deputy for the opposition Left Renewal, said the list was wrong.\n\n"
            "Opposition councillor Ida Marc said the report was bought.\n\n"
            "The state-run Garrow Port Authority said the blockade was unlawful.\n\n"
            "Many of the marchers are members of the Stage Actors' Guild, who have stayed off stage since Monday. "
            "Guild chairwoman Runa Voll told the crowd they would not perform.\n\n"
            "Zed Rodan, 58, has led the opposition People's Front since 2022.\n\n"
            "Lina Vass has not eaten for 26 days, camped outside the ministry. \"I wish Ms Vass good health,\" "
            "the minister wrote. Dr Hedda Ruz, a physician who examines Vass every morning, said her pulse was weak.")
    camps = camps_of(text, "Arvenna,Arvennian")
    assert camps["Dora Sark"] == "opposition"  # present position, not the former office
    assert camps["Ida Marc"] == "opposition"
    assert camps["Garrow Port Authority"] == "state"
    assert camps["Runa Voll"] == "opposition"
    assert camps["Zed Rodan"] == "opposition"
    assert camps["Lina Vass"] == "opposition"  # a hunger striker; "Ms" is a title, not a description
    assert camps["Hedda Ruz"] != "opposition"  # her physician


def test_bodies_that_join_or_urge_joining_and_people_killed_at_a_protest():
    """Written for this test: fictional country, people and bodies."""
    text = ("\"They want to turn a profession into a button,\" the guild's chairman, Ben Oszl, told reporters.\n\n"
            "The blockade was called by the Cab Drivers' Guild, whose members have been on strike since Monday.\n\n"
            "Couriers Together, an informal network of riders, urged its followers to join the drivers.\n\n"
            "The Confederation of Labour, which has not joined the strike, called for talks.\n\n"
            "Nine staff of the opposition party Open Varna were detained. Kas Ledo, a former finance minister "
            "who has led Open Varna since 2028, said the vote was stolen.\n\n"
            "Lor Tolva, a student who died after being struck by a canister at a protest in March, was buried on "
            "Sunday. Aga Tolva, his mother, told the crowd she wanted justice.\n\n"
            "Mila Ostr, who marched with her son, said he had been held overnight.")
    camps = camps_of(text, "Arvenna,Arvennian", names_only=True)
    assert camps["Ben Oszl"] == "opposition"  # the guild, named only later, called the blockade
    assert camps["Couriers Together"] == "opposition"
    assert camps["Confederation of Labour"] != "opposition"
    assert camps["Open Varna"] == "opposition" and camps["Kas Ledo"] == "opposition"
    assert camps["Aga Tolva"] == "opposition"  # the mother of a protester killed at a protest
    assert camps["Mila Ostr"] == "opposition"


def test_present_position_after_a_past_office_appointees_strike_committees_and_link_roles():
    """Written for this test: fictional country, people and bodies."""
    text = ("Kasia Obel, who was justice minister until 2029 and now leads the opposition Liberal League, "
            "called the arrest a message to every newsroom.\n\n"
            "The hospital's director, Torg Tell, who was appointed by the Health Ministry in 2029, said there was no money.\n\n"
            "Jola Hruv, a crane operator who chairs the union's strike committee, said the men were fired for leaflets.\n\n"
            "Vend Orsa, a smelter whose brigade has worked every shift since the strike began, said nobody asked them.\n\n"
            "The Free Party was dissolved by the court. The party's lawyer, Fenna Marq, said the defence had no time.\n\n"
            "National Police Commissioner Balta Quir told a news conference that officers followed procedure.")
    camps = camps_of(text, "Belvorra,Belvorran", names_only=True)
    assert camps["Kasia Obel"] == "opposition"
    assert camps["Torg Tell"] == "state"
    assert camps["Jola Hruv"] == "opposition"
    assert camps["Vend Orsa"] != "opposition"  # kept working through the strike
    assert camps["Fenna Marq"] == "other"  # a lawyer keeps the lawyers' camp, not the party's
    assert camps["Balta Quir"] == "state"


def test_its_office_after_a_foreign_country_subject_is_foreign():
    """Written for this test: "Neighbouring X summoned ... Its foreign minister, Y," (X not home)."""
    text = ("Neighbouring Dossia summoned Sarvona's ambassador on Thursday. Its foreign minister, Piet Lorr, "
            "said the law violates the rights of 400,000 people.\n\n"
            "Sarvona rejected the criticism. Its interior minister, Ada Venn, said the law stays.")
    camps = camps_of(text, "Sarvona,Sarvonan", names_only=True)
    assert camps["Piet Lorr"] == "foreign"
    assert camps["Ada Venn"] == "state"  # home owns this office


def test_body_names_with_and_inside():
    """Written for this test: "Union of Bus and Metro Workers", "the Bread and Dignity Committee"."""
    text = ("The Union of Bus and Metro Workers called the strike. The so-called Bread and Dignity "
            "Committee organised a march. Police and Border Guard officers watched.")
    actors = {m.actor for m in linked(text, "Vestrava")}
    assert {"Union of Bus and Metro Workers", "Bread and Dignity Committee"} <= actors
    assert "Police and Border Guard" not in actors  # two bodies, not one


def test_state_bodies_by_name_and_bodies_named_after_their_members():
    """Written for this test. "State" or "National ... Fund" in a body's name says state; a
    name after its members ("Drivers' Assembly") does not, whatever its head word; a State
    University's academics stay independent experts."""
    text = ("Varnian State Railways said 40 trains ran. The National Pension Fund said payments were on time.\n\n"
            "The Drivers' Assembly, a network of owner-drivers with about 9,000 members, called the blockade "
            "after the ministry refused to meet it. The Police Officers' Federation said its members were tired.\n\n"
            "Ilse Marrow of Kelvar State University said the figures were plausible.")
    camps = camps_of(text, "Varnia,Varnian", names_only=True)
    assert [c for a, c in camps.items() if a.endswith("State Railways")] == ["state"]
    assert camps["National Pension Fund"] == "state"
    assert camps["Drivers' Assembly"] == "opposition"  # it called the blockade
    assert camps["Officers' Federation"] == "other"  # "Police" is kept as a label
    assert camps["Ilse Marrow"] == "other"


def test_people_take_the_camp_of_the_body_they_speak_for():
    """Written for this test: "whose president, X", "whose leader X", "X' coordinator",
    "who speaks for the assembly", "Its chief executive" after a state company."""
    text = ("The march was called by the Orlan Student Council, whose president, Mira Tesk, said students would return.\n\n"
            "The opposition Civic League, whose leader Pavel Drozd was a minister until 2030, said it would vote no.\n\n"
            "The march was organised by Cold Hearths, which says it has groups in 30 towns. "
            "Cold Hearths' coordinator, Lina Vosk, rejected the minister's account.\n\n"
            "The Hauliers' Assembly called the blockade in April. Jan Ostric, a driver from the port city of Tamsk "
            "who speaks for the assembly, said the rebate helped few drivers.\n\n"
            "Varnian State Railways, whose board is appointed by the Transport Ministry, said it had hired retired drivers. "
            "Its chief executive, Otto Brenn, denied that the company was using strike-breakers.")
    camps = camps_of(text, "Varnia,Varnian", names_only=True)
    assert camps["Mira Tesk"] == "opposition"
    assert camps["Pavel Drozd"] == "opposition"
    assert camps["Lina Vosk"] == "opposition"
    assert camps["Jan Ostric"] == "opposition"
    assert camps["Otto Brenn"] == "state"


def test_state_companies_unions_that_called_the_action_and_short_forms():
    """Written for this test: a state company described as one, a union "which called the
    action", "whose ... party is in opposition" after a town office, short forms of a state
    fund's name, and "Its" not reaching three sentences back."""
    text = ("The Marlic Power Company (MPC), the state-owned utility whose board is appointed by the Energy "
            "Ministry, said the plant ran all day.\n\n"
            "Thousands stayed away, according to the Haldor Teachers' Union (HTU), which called the action last week.\n\n"
            "Mayor Gerd Tamsel, whose Civic Alliance runs the town council and sits in opposition in the national "
            "parliament, told the crowd that the law was unjust.\n\n"
            "The State Pension Fund of Marlia will keep paying, the Fund's chairman, Yevgen Tessar, said.")
    camps = camps_of(text, "Marlia,Marlian", names_only=True)
    assert camps["Marlic Power Company"] == "state"
    assert camps["Haldor Teachers' Union"] == "opposition"
    assert camps["Gerd Tamsel"] == "opposition"
    assert camps["Yevgen Tessar"] == "state"


def test_its_is_the_subject_of_the_sentence_before_and_now_a_lawmaker_for_the_opposition():
    """Written for this test: sentence-initial "Its leader" after "The opposition Verdant
    party ... accused the government"; "who headed the regulator until 2036 and is now a
    lawmaker for the opposition Y"; a ministry of a home province is the home state's."""
    text = ("The opposition Verdant party accused the government of selling the city's memory. "
            "Its leader, Vendel Ozarin, who was culture minister until 2031, called for a referendum.\n\n"
            "Hyacinth Zandor, who headed the communications regulator until 2036 and is now a lawmaker for "
            "the opposition Citizens' Bloc, said the law was dangerous.\n\n"
            "A spokesperson for Ontario's Ministry of Health said the drug would be covered.")
    camps = camps_of(text, "Canada,Canadian")
    assert camps["Vendel Ozarin"] == "opposition"
    assert camps["Hyacinth Zandor"] == "opposition"
    assert all(c != "foreign" for c in camps.values())


def test_governor_from_the_opposition_and_a_union_chairman_label():
    """Written for this test: "X, the governor of Y region from the opposition Z party" is
    opposition; "union chairman X" takes the camp of the union the story names."""
    text = ("The decree dismissed Vendel Halvar, the governor of Velmarsk region from the opposition Northern "
            "Compact party, and named an acting governor.\n\n"
            "The Port Workers' Union, which called the strike, said its members would stay out. "
            "\"We shook hands on that deal,\" union chairman Radim Selek told reporters.")
    camps = camps_of(text, "Brellonia,Brellonian", names_only=True)
    assert camps["Vendel Halvar"] == "opposition"
    assert camps["Radim Selek"] == "opposition"


def test_an_international_bodys_name_before_a_role_is_foreign():
    """Written for this test: "A World Health Organization official" is foreign, like "an IMF
    spokeswoman", also at a sentence start."""
    text = "A World Health Organization official in Ostravel said the shortage was the worst in the region."
    camps = {m.mention: m.camp for m in linked(text, "Ulmaria,Ulmarian")}
    assert camps["A World Health Organization official"] == "foreign"
