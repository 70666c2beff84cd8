"""Actors: who is mentioned, and in which camp.

Roles carry the kit; an actor list is a bonus. A mention is found by, in order:

* the actor file (``framing/data/actors_russia2021.csv`` by default): canonical
  names, aliases, camp, kind, gender;
* role words (``framing/data/roles.csv``): "Interior Minister X", "a police
  spokesman", "opposition leader Y", "an aide to Z" (camp of Z), "the German
  foreign ministry" (foreign, since Germany is not home);
* person names (capitalised word sequences) with the label before them
  ("Kremlin critic Alexei Navalny") or an appositive after them ("Leonid Volkov,
  a Navalny ally,"), and later surname-only mentions linked to the full name;
* pronouns, resolved later by :mod:`framing.claims` in context.

Which country is home comes from ``home`` (``--home "Valdoria,Valdorian"``), the
article's metadata, the actor file, or, failing those, the country most often
attached to state roles in the article. Officials of any other country are foreign.

>>> cast = Cast.load()
>>> ms = find_mentions("Kremlin spokesman Dmitry Peskov said the German foreign ministry lied.", cast)
>>> [(m.actor, m.camp, m.label) for m in ms]
[('Dmitry Peskov', 'state', 'Kremlin spokesman'), ('German foreign ministry', 'foreign', '')]
"""
from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from functools import cached_property, lru_cache
from pathlib import Path

from framing import paths
from framing.text import SpanIndex

CAMPS = ("state", "opposition", "foreign", "other")


def _rows(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


@dataclass(frozen=True)
class Role:
    term: str
    camp: str
    kind: str
    gender: str
    number: str
    relational: bool  # the role belongs to someone ("of X", "X's"): tracked
    inherits: bool = False  # ... and takes their camp ("an aide to Z"); lawyers do not
    participant: bool = False  # opposition when speaking from a protest ("students chanted")
    family: bool = False  # a relative: opposition when speaking for an opposition figure


@dataclass(frozen=True)
class Actor:
    name: str
    camp: str
    kind: str
    gender: str = ""


@dataclass
class Mention:
    """One mention of an actor in the text (offsets into the article text)."""

    start: int
    end: int
    mention: str
    actor: str
    camp: str
    actor_kind: str = "person"
    gender: str = ""
    via: str = "name"
    label: str = ""
    number: str = "sg"
    role: str = ""  # role head word, for "the spokeswoman" style descriptions
    of: str = ""  # whom a relational role belongs to ("ally of Navalny" -> "Alexei Navalny")
    definite: bool = True
    extra: dict = field(default_factory=dict)


@dataclass
class Cast:
    """Everything needed to recognise actors: actor list, roles, countries, home."""

    actors: dict[str, Actor]
    aliases: dict[str, str]  # surface -> canonical
    roles: dict[str, Role]
    countries: dict[str, str]  # any name, adjective or capital -> country name
    capitals: set[str]
    home: set[str]  # names and adjectives of home
    first_names: dict[str, str]

    @classmethod
    def load(cls, actor_file: str | Path | None = None, home: str | list[str] | None = None,
             *, use_actor_home: bool = True) -> "Cast":
        """Load the data files (cached: a corpus run reads them once; treat the result as
        read-only). An empty ``actor_file`` ("") loads no actor list."""
        if isinstance(home, str):
            home = [h for h in re.split(r"[;,]", home) if h.strip()]
        key_home = tuple(sorted(h.strip() for h in home)) if home else None
        return _load_cast(None if actor_file is None else str(actor_file), key_home, use_actor_home)

    @classmethod
    def _read(cls, actor_file: str | None, home: tuple[str, ...] | None, use_actor_home: bool) -> "Cast":
        actors, aliases, list_home = {}, {}, set()
        path = paths.DATA / "actors_russia2021.csv" if actor_file is None else actor_file
        if path:
            for r in _rows(Path(path)):
                name = r["actor"].strip()
                if r.get("camp", "").strip() == "home" or r.get("kind") == "country":
                    list_home |= {name, *_split(r.get("aliases"))}
                    continue
                actors[name] = Actor(name, r["camp"].strip(), r.get("kind", "").strip() or "person",
                                     (r.get("gender") or "").strip())
                for a in [name, *_split(r.get("aliases"))]:
                    aliases[a] = name
        roles = {}
        for r in _rows(paths.DATA / "roles.csv"):
            roles[r["term"].strip().lower()] = Role(r["term"].strip().lower(), r["camp"], r["kind"],
                                                    r.get("gender") or "", r.get("number") or "sg",
                                                    (r.get("relational") or "").strip() in ("yes", "link", "family"),
                                                    (r.get("relational") or "").strip() == "yes",
                                                    (r.get("participant") or "").strip() == "yes",
                                                    (r.get("relational") or "").strip() == "family")
        countries, capitals = {}, set()
        for r in _rows(paths.DATA / "countries.csv"):
            names = _split(r["name"])
            for v in names + _split(r["adjective"]):
                countries[v] = names[0]
            for c in _split(r["capital"]):
                countries.setdefault(c, names[0])
                capitals.add(c)
        for r in _rows(paths.DATA / "regions.csv"):
            # a region stands for its country: "Ontario's Ministry of Health" is Canada's
            for v in _split(r["region"]) + _split(r["adjective"]):
                countries.setdefault(v, r["country"].strip())
        first = {r["name"].strip().lower(): r["gender"].strip() for r in _rows(paths.DATA / "first_names.csv")}
        home_set = set(home) if home else (list_home if use_actor_home else set())
        return cls(actors, aliases, roles, countries, capitals, home_set, first)

    def with_home(self, home: set[str]) -> "Cast":
        return replace(self, home=set(home))

    @cached_property
    def role_regex(self) -> re.Pattern:
        """Every role term as one pattern (for short strings: labels, descriptions)."""
        return _role_regex(tuple(self.roles))

    @cached_property
    def alias_regex(self) -> re.Pattern | None:
        return _alias_regex(tuple(self.aliases))

    @cached_property
    def role_starts(self) -> dict[str, int]:
        """First word of each role term -> the most words a term starting with it has."""
        out: dict[str, int] = {}
        for term in self.roles:
            words = term.split()
            out[words[0]] = max(out.get(words[0], 0), len(words))
        return out

    @cached_property
    def home_countries(self) -> set[str]:
        """Canonical country names that are home."""
        return {self.countries.get(h, h) for h in self.home}

    @cached_property
    def country_regex(self) -> re.Pattern:
        """Every country name, adjective and capital, as one pattern (for short strings;
        :func:`find_countries` scans whole texts)."""
        return _country_regex(tuple(sorted(self.countries)))

    @cached_property
    def country_first_words(self) -> set[str]:
        return {k.split()[0] for k in self.countries}

    @cached_property
    def country_words(self) -> int:
        """The most words a country name, adjective or capital has."""
        return max((len(k.split()) for k in self.countries), default=1)

    def country_of(self, word: str) -> str:
        """Country a name/adjective/capital stands for ('' if none); home words map to 'HOME'."""
        if word in self.home:
            return "HOME"
        c = self.countries.get(word, "")
        return "HOME" if c and c in self.home_countries else c


@lru_cache(maxsize=8)
def _base_cast(actor_file: str | None, use_actor_home: bool) -> Cast:
    """The data files, read once per actor file (every home shares them)."""
    return Cast._read(actor_file, None, use_actor_home)


@lru_cache(maxsize=4096)
def _load_cast(actor_file: str | None, home: tuple[str, ...] | None, use_actor_home: bool) -> Cast:
    base = _base_cast(actor_file, use_actor_home)
    return base if home is None else base.with_home(set(home))


@lru_cache(maxsize=8)
def _country_regex(names: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


# Capitals that stand for something other than their country's government.
_METONYMS = {r["place"]: r["actor"] for r in _rows(paths.DATA / "metonyms.csv")}  # "Brussels": the EU
_CAP_TOKEN = re.compile(r"(?<![\w-])[A-Z][\w.’'-]*")


def find_countries(text: str, cast: Cast) -> list[tuple[int, int, str]]:
    """(start, end, surface) of country names, adjectives and capitals in ``text``: a
    dictionary lookup over runs of capitalised words (the same hits as ``cast.country_regex``
    for names without dots inside a run, in one linear pass)."""
    toks = [(m.start(), m.end(), m.group()) for m in _CAP_TOKEN.finditer(text)]
    out, i, nmax, firsts = [], 0, cast.country_words, cast.country_first_words
    while i < len(toks):
        w = toks[i][2]
        if w not in firsts and w.rstrip(".,") not in firsts and w[:-2] not in firsts and w[:-1] not in firsts:
            i += 1  # most capitalised words start no country name
            continue
        hit = None
        for n in range(min(nmax, len(toks) - i), 0, -1):
            seg = toks[i:i + n]
            if any(text[a[1]:b[0]] != " " for a, b in zip(seg, seg[1:])):
                continue
            phrase = " ".join(t[2] for t in seg)
            for cand in (phrase, re.sub(r"(?:['’]s|['’])$", "", phrase), phrase.rstrip(".,")):
                if cand in cast.countries:
                    hit = (seg[0][0], seg[0][0] + len(cand), cand, n)
                    break
            if hit:
                break
        if hit:
            out.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return out


def default_cast() -> Cast:
    return Cast.load()


# --------------------------------------------------------------------------- #
# Patterns
# --------------------------------------------------------------------------- #

_DETS = r"(?:the|a|an|its|his|her|their|our|one|two|three|four|several|many|some|other|more|most|all|about|at least|dozens of|hundreds of|thousands of|tens of thousands of)"
# Words that may stand between a determiner and a role head.
MODIFIERS = {
    "senior", "top", "chief", "deputy", "former", "local", "regional", "federal", "national",
    "interior", "foreign", "defence", "defense", "justice", "finance", "economy", "health",
    "emergency", "emergencies", "presidential", "opposition", "police", "ministry", "government",
    "state", "prominent", "leading", "exiled", "jailed", "veteran", "independent", "human",
    "rights", "other", "western", "european", "international", "city", "district", "military",
    "security", "press", "riot", "protest", "student", "union", "party", "election", "electoral",
    "anonymous", "unnamed", "anti-government", "pro-government", "pro-democracy", "young",
    "elderly", "retired", "local", "kremlin", "public", "general", "main", "new", "acting",
    "spokesman", "spokeswoman", "court", "prosecutor", "prosecutors", "many", "some", "several",
    "two", "three", "political", "longtime", "close", "key", "senior", "ruling", "top",
    "policy", "affairs", "relations", "federation", "committee", "coalition", "association",
    "transport", "trade", "education", "agriculture", "energy", "labour", "labor", "culture",
    "environment", "social", "industry", "communications", "information", "housing", "tourism",
    "sport", "science", "development", "infrastructure", "digital", "mining", "fisheries",
    "campaign", "movement", "striking",
}
_STOP_CAPS = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It", "They", "We", "I",
    "You", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "As", "After",
    "Before", "When", "While", "If", "Some", "Many", "Tens", "Thousands", "Hundreds", "Dozens",
    "Police", "There", "Then", "Still", "Yet", "So", "For", "From", "With", "Without", "By", "Of",
    "To", "Since", "During", "Until", "Although", "Though", "Because", "Meanwhile", "However",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Sir", "Reuters", "GMT", "Day", "Valentine's", "What",
    "Who", "Why", "How", "Where", "Asked", "Speaking", "According", "Under", "Over", "Not", "No",
    "Both", "Each", "All", "Any", "Such", "One", "Two", "Three", "Last", "Next", "Earlier", "Later",
    "Western", "European", "Union", "Today", "Tonight", "Yesterday", "Now", "Instead", "Also",
    "Maybe", "Perhaps", "Let", "Thought", "Please", "Here", "Even", "Just", "Only", "Every",
    "Adds", "Updates", "Recasts", "Reporting", "Writing", "Editing", "Compiled", "Additional",
}
# Stop words that are also first names: "Jan Teske", "May Lind" (a month only before a number).
_NAME_LIKE_STOPS = {"Jan", "May", "June", "April", "August", "Sept"}
_MONTH_PREP = re.compile(r"\b(?:in|on|since|by|until|from|last|next|early|late|mid|of|through|before|after|during)\s+$", re.I)
_ORG_HEADS = {
    "Ministry", "Committee", "Party", "Union", "Foundation", "Council", "Court", "Commission",
    "Agency", "Service", "Office", "Police", "Army", "Bank", "University", "Group", "Watch",
    "International", "Centre", "Center", "News", "Times", "Post", "Assembly", "Parliament",
    "Duma", "Government", "Front", "Movement", "Alliance", "Coalition", "Institute", "Network",
    "Federation", "Association", "Bureau", "Guard", "Forces", "Directorate", "Administration",
    "Kremlin", "Senate", "Congress", "Cabinet", "Organization", "Organisation", "Initiative",
    "Fund", "Company", "Corporation", "Television", "Radio", "Agency", "Tribunal", "Department",
    "Headquarters", "Prosecutor's", "Office", "Chamber", "Senate", "Club", "Society", "League",
    "Platform", "Bloc", "Press", "Media", "Journal", "Herald", "Gazette", "Tribune", "Daily",
    "School", "Academy", "College", "Observatory", "Monitor", "Trust", "Authority", "Directorate",
    "Forum", "Confederation", "Syndicate", "Council", "Accord", "Pact", "Solidarity", "Guild", "Cooperative", "Lab", "Laboratory",
    "Circle", "Collective", "Railways", "Railway", "Airlines", "Airways", "Registry", "Board",
}
# Nouns after which a role word is only a modifier: "the military alliance", "a police van".
_MODIFIED_NOUNS = {
    "alliance", "station", "stations", "ruling", "rulings", "case", "cases", "order", "orders",
    "hearing", "building", "van", "vans", "car", "cars", "crackdown", "violence", "brutality",
    "decision", "data", "figures", "tactics", "cordon", "cordons", "presence", "custody", "reform",
    "budget", "system", "policy", "sanctions", "session", "sessions", "vote", "bill", "law", "laws",
    "funding", "headquarters", "rally", "rallies", "protest", "protests", "movement", "march",
    "video", "footage", "account", "channel", "website", "post", "posts", "statement", "report",
}
def _word_list(name: str) -> list[str]:
    """Non-comment lines of a plain word list in framing/data (documented in its header)."""
    lines = (paths.DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


# Organisation heads that make a named body part of a government (framing/data/government_heads.txt).
_GOV_HEADS = {w.split()[0] for w in _word_list("government_heads.txt")}
# Heads only a state body has. Not the "shared" ones ("Guard", "Congress", ...): protest movements
# and union federations take those too ("Climate Guard", "Trade Union Congress").
_STATE_ONLY_HEADS = {w for w in _word_list("government_heads.txt") if " " not in w}
# Name words that make a body a state one ("State Railways", "National Pension Fund"):
# framing/data/state_name_words.csv.
_STATE_NAME_WORDS = {r["word"]: (frozenset((r["heads"] or "").split()), frozenset((r["not_heads"] or "").split()))
                     for r in _rows(paths.DATA / "state_name_words.csv")}
# "Drivers'", "Women's": a name with one is an association of those people.
_PLURAL_POSSESSIVE = re.compile(r"[A-Za-z]+s['’]|(?:Women|Men|Children)['’]s")


def _state_by_name(words: list[str]) -> bool:
    """A state body by its name: "State Security Committee", "National Press Council"."""
    last = words[-1] if words else ""
    for w in words[:-1]:
        if w in _STATE_NAME_WORDS:
            heads, not_heads = _STATE_NAME_WORDS[w]
            if (last in heads) if heads else (last not in not_heads):
                return True
    return False


def _association_name(words: list[str]) -> bool:
    """"Drivers' Assembly", "Police Officers' Federation": named after its members, so not a
    state body by a head word ("Assembly") or a role inside it ("officers")."""
    return (any(_PLURAL_POSSESSIVE.fullmatch(w) for w in words)
            and not any(w in _STATE_ONLY_HEADS for w in words))


# Roles of towns and regions: a possessive before them names a place, not a foreign country.
_LOCAL_ROLES = set(_word_list("local_roles.txt"))
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f", "dr": "", "prof": "",
           "speaker": ""}  # "Speaker Otto Bernsen" (of a parliament): a title before a name
# Military and police ranks before a name: a label, and the state's forces unless said otherwise.
_RANKS = {"general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt",
          "sergeant", "sgt", "commander", "admiral", "adm", "brigadier", "marshal",
          "justice"}  # "Justice Wanjiru Coutts-Varma": a judge's title before a name
# A capitalised sequence after these is a place, not a person ("in Port Amaly").
_PLACE_PREPS = re.compile(r"(?:\b(?:in|at|from|near|outside|across|into|around|throughout|towards?)\s+(?:the\s+)?)$")
_PRONOUNS = {"he": ("m", "sg"), "she": ("f", "sg"), "they": ("", "pl"), "it": ("n", "sg")}

# Upper- and lower-case letters of names, Latin-1 and Latin Extended-A included ("Léonie",
# "Kivimäki", "Łukasz", "Šimková"): [A-Z][a-z] alone split such names.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșț"  # and Romanian ș ț
_CAP = (rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}][{LOWER}]+(?:['’][{LOWER}]+|(?<=s)['’](?=[ \t]+[{UPPER}]))?"
        rf"(?:-[{UPPER}]?[{LOWER}]+)*|[{UPPER}]{{2,}}(?![{LOWER}])|[{UPPER}]\.)")
_NAME_SEQ = re.compile(rf"{_CAP}(?:[ \t]+(?:{_CAP}|de|van|von|al|bin|da|di|la|le|del|der)(?=\s|[.,;:!?'’\")]|$)){{0,5}}")


def _role_key(s: str) -> str:
    """A matched role phrase as its key in roles.csv (case, blanks and apostrophes folded)."""
    return re.sub(r"\s+", " ", s.lower()).replace("’", "'")


@lru_cache(maxsize=16)
def _role_regex(terms: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@lru_cache(maxsize=16)
def _alias_regex(aliases: tuple[str, ...]) -> re.Pattern | None:
    if not aliases:
        return None
    alts = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


def _surname_gender(name: str, cast: Cast) -> str:
    parts = name.split()
    g = cast.first_names.get(parts[0].lower().rstrip("."), "")
    if g:
        return g
    if re.search(r"(?:ova|eva|ina|aya|ska|skaya|yna)$", parts[-1]):
        return "f"
    return ""


# --------------------------------------------------------------------------- #
# Finding mentions
# --------------------------------------------------------------------------- #


# Capitalised words with a nationality-like ending that name no nationality.
# An adjective of a country we may not know ("Saarvian", "Thai"): three letters or more before the ending.
_NATIONALITY_LIKE = re.compile(r"[A-Z][a-z]{2,}(?:ian|ean|ese|ish|ic|i)")
_NOT_NATIONALITIES = set(_word_list("not_nationalities.txt"))  # "Civic", "Guardian": not adjectives of countries


def _country_marker(words: list[str], cast: Cast) -> str:
    """The country named among modifier words: 'HOME', a country, '?Name' for an unknown
    nationality adjective ("Valdorian") or possessive place ("Aldenia's"), or ''."""
    for w in words:
        bare = re.sub(r"(?:['’]s)?[.,;:]*$", "", w)
        c = cast.country_of(bare) or cast.country_of(w.rstrip(",;:"))
        if c:
            return c
        intl = cast.roles.get(bare.lower())
        if intl is not None and intl.camp == "foreign" and intl.kind == "institution" and bare.isupper():
            return "@" + bare  # "an EU official", "an IMF spokeswoman": an international body
        if bare in _STOP_CAPS or not bare[:1].isupper() or bare.lower() in cast.roles or bare in _ORG_HEADS:
            continue  # "the Prime Minister's Office", "the Ministry's": an office, not a place
        if (_NATIONALITY_LIKE.fullmatch(bare) and bare not in _NOT_NATIONALITIES) \
                or re.search(r"['’]s$", w):
            return "?" + bare  # a nationality or place we do not know (fictional or missing)
    return ""


def _camp_for_role(role: Role, marker: str) -> str:
    if role.camp == "state" and marker and marker != "HOME":
        return "foreign"
    return role.camp


class _Hit(NamedTuple):
    """A role term found in the text (the interface of a regex match, for find_mentions)."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.text


_WORD = re.compile(r"\w(?:[\w’'-]*\w)?")
# The word after the one ending here, when only blanks come between (a role's next word).
_NEXT_WORD = re.compile(r"\s+(\w(?:[\w’'-]*\w)?)")


@lru_cache(maxsize=16)
def _role_words(terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """For :func:`find_roles`: the words that start a role term (also with "'s"), and
    every term's first 1, 2, ... words (how far a phrase may still grow into a term)."""
    firsts = frozenset(t.split()[0] + s for t in terms for s in ("", "'s", "’s"))
    prefixes = frozenset(" ".join(t.split()[:k]) for t in terms for k in range(1, len(t.split()) + 1))
    return firsts, prefixes


def find_roles(text: str, cast: Cast) -> list[_Hit]:
    """Role terms in ``text``, longest first, case-insensitive, one pass over the words.

    Same matches as ``cast.role_regex.finditer`` (a possessive "ministry's" gives
    "ministry"), but a dictionary lookup per word instead of a 200-way alternation at
    every character. Only a word that starts some role term looks further, at the next
    words (blanks alone between them), while the phrase so far begins some term: a
    longer term, or a longer "term's", starts with that phrase.
    """
    low = text.lower()
    same = len(low) == len(text)  # one lower() per text; per word if case changes lengths ("İ")
    src = low if same else text
    starts, roles = cast.role_starts, cast.roles
    firsts, prefixes = _role_words(tuple(roles))
    out: list[_Hit] = []
    done = 0  # words before this offset are part of a role found already
    words = _WORD.finditer(src)
    for m in ([m for m in words if m.group() in firsts] if same else words):
        first = m.group() if same else m.group().lower()
        longest = starts.get(first) or (starts.get(first[:-2]) if first.endswith(("'s", "’s")) else None)
        if not longest or m.start() < done:
            continue
        phrase, n, end, hit = first.replace("’", "'"), 1, m.end(), None
        while True:
            if phrase in roles:
                hit = (end, end)  # (end of the role, end of its last word)
            elif phrase.endswith(("'s", "’s")) and phrase[:-2] in roles:
                hit = (end - 2, end)
            if n == longest or phrase not in prefixes:
                break
            nxt = _NEXT_WORD.match(src, end)
            if nxt is None:
                break
            phrase += " " + (nxt.group(1) if same else nxt.group(1).lower()).replace("’", "'")
            n, end = n + 1, nxt.end(1)
        if hit:
            out.append(_Hit(m.start(), hit[0], text[m.start():hit[0]]))
            done = hit[1]
    return out


# find_mentions' patterns, compiled once; those that look at the text after an offset are
# matched there (pattern.match(text, pos)) instead of on a copy of the rest of the text.
_LABELLED = re.compile(rf"[ \t]+{_CAP}[ \t]+{_CAP}")
_NEXT_LOWER = re.compile(r"\s+([a-z]+)")
_CAPS_AFTER = re.compile(r"(?:['’]s?)?((?:[ \t]+[A-Z][\w’'-]*){1,4})")
_BLANKS = re.compile(r"\s+")
_OPPOSITION_HEAD = re.compile(r"\s+(?:leader|politician|figure|activist|party|parties|supporters|candidate|lawmaker|mp|deputy|"
                              r"councill?or|senator|member|deputies|lawmakers|mayor)", re.I)
_WORD_BEFORE = re.compile(r"([\w’'.-]+)[ \t]+$")  # searched between two offsets: the end is one
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_DETS_RE = re.compile(_DETS)
_RELATION = re.compile(r"\s+(?:of|for|to)\s+(?:the\s+)?")
_NAME_AFTER = re.compile(rf"[ \t]+({_NAME_SEQ.pattern})")
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|one|two|three|several|many|some|other|his|her|its|their)\s+", re.I)
_APOSTROPHE_END = re.compile(r"['’]s?$")
_POSSESSIVE_END = re.compile(r"['’]s$")
_ORG_NOUN = re.compile(r"[ \t]+(party|movement|front|alliance|coalition|bloc|union|federation|group|committee|"
                       r"council|association|campaign|network)\b")
_CLAUSE_MARKS = re.compile(r"[.!?,;:\"“”«»]")
_RULING_END = re.compile(r"\b(?:ruling|governing)$")
_CONTRACTION_END = re.compile(r"['’](?:ll|re|ve|d|m|s)$")


def find_mentions(text: str, cast: Cast | None = None) -> list[Mention]:
    """All non-pronoun mentions of actors in ``text``, sorted by offset.

    Pronouns are left to :func:`pronoun_mentions` (they need the context of claims).
    """
    cast = cast or default_cast()
    taken = [False] * (len(text) + 1)
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(m: Mention) -> None:
        taken[m.start:m.end] = [True] * (m.end - m.start)
        out.append(m)

    # 1. Role phrases, with modifiers, an attached name, or a relation ("of/for/to X").
    role_re = cast.role_regex
    matches = find_roles(text, cast)
    # Roles right before a name first ("Ministry spokeswoman Maria Zakharova"), then the rest.
    is_labelled = [bool(_LABELLED.match(text, m.end())) for m in matches]
    ordered = ([m for m, lab in zip(matches, is_labelled) if lab]
               + [m for m, lab in zip(matches, is_labelled) if not lab])
    for m in ordered:
        if not free(m.start(), m.end()):
            continue
        nxt = _NEXT_LOWER.match(text, m.end())
        if nxt and nxt.group(1) in _MODIFIED_NOUNS:
            continue  # "the military alliance", "a police van": not an actor
        ofh = _AFTER_ORG_HEAD.search(text[max(0, m.start() - 30):m.start()])
        if not ofh and m.group()[:1].isupper() and m.group().endswith("s") and " " not in m.group():
            ofh = _AFTER_ORG_HEAD_CAPS.search(text[max(0, m.start() - 40):m.start()])
        if ofh and ofh.group(1) in _ORG_HEADS and m.group()[:1].isupper():
            continue  # "Union of Teachers": the rest of a body's name
        body = _CAPS_AFTER.match(text, m.end())
        if (body and m.group()[:1].isupper() and any(w in _ORG_HEADS for w in body.group(1).split())
                and not (body.group(0)[:2] in ("'s", "’s")
                         and cast.roles[_BLANKS.sub(" ", m.group().lower()).replace("’", "'")].kind == "institution")):
            # "Miners' Federation", "Fishermen's Cooperative", "Student Coordination Committee":
            # part of a body's name (but "the EU's External Action Service" is the EU's)
            continue
        head = _BLANKS.sub(" ", m.group().lower()).replace("’", "'")
        role = cast.roles[head]
        if head in ("opposition",) and _OPPOSITION_HEAD.match(text, m.end()):
            continue  # the longer role wins
        # Extend left over modifiers and a determiner.
        s = m.start()
        words_left = []
        while True:
            mm = _WORD_BEFORE.search(text, max(0, s - 40), s)
            if not mm:
                break
            w = mm.group(1)
            ws = mm.start(1)
            wl = w.lower().rstrip(".")
            if w.endswith((".", "!", "?")) and wl not in _TITLES:
                break  # a sentence ends here: "... of Moskar. Students chanted"
            if (wl in MODIFIERS or cast.country_of(w.rstrip("'s’")) or cast.country_of(w)
                    or (w[:1].isupper() and w not in _STOP_CAPS
                        and (w.isupper() or w in _ORG_HEADS or _NATIONALITY_LIKE.fullmatch(w)
                             or not _SENTENCE_END.search(text, max(0, ws - 3), ws)))
                    or wl.endswith(("'s", "’s"))):
                if wl.endswith(("'s", "’s")) and not w[:1].isupper() and wl not in ("its",):
                    break
                words_left.insert(0, w)
                s = ws
                continue
            if _DETS_RE.fullmatch(wl):
                s = ws
                words_left.insert(0, w)
            break
        e = m.end()
        of = ""
        of_pos = -1
        rel = _RELATION.match(text, e)
        if rel and (role.relational or text[rel.end():rel.end() + 1].isupper()):
            of_pos = rel.end()  # whom the role belongs to: resolved when linking
        # A person name right after the role is a labelled name: "Interior Minister Tomas Brell".
        after = _NAME_AFTER.match(text, e) if role.kind == "person" else None
        label = text[s:m.end()]
        first_word = label.split()[0].lower() if label.split() else ""
        definite = first_word not in ("a", "an", "one")
        possessor = next((w[:-2] for w in words_left if w.lower().endswith(("'s", "’s"))), "")
        local = head in _LOCAL_ROLES  # "Ebbcastle's mayor": a town, not a foreign country
        marker = _country_marker([w for w in words_left if w.lower() not in ("the", "a", "an")
                                  and not (local and w.lower().endswith(("'s", "’s")))] + ([of] if of else []), cast)
        if not marker:
            # "a World Health Organization official": an international body's name before the role
            caps_phrase = " ".join(w for w in words_left if w[:1].isupper() and w.lower() not in ("a", "an", "the")).lower()
            intl = cast.roles.get(caps_phrase) if " " in caps_phrase else None
            if intl is not None and intl.camp == "foreign" and intl.kind == "institution":
                marker = "@" + caps_phrase
        country_of = _OF_COUNTRY.match(text, e)
        if (not marker and country_of and role.camp == "state" and not local
                and country_of.group(1).lower() not in MODIFIERS and country_of.group(1) not in _ORG_HEADS
                and country_of.group(1) not in _STOP_CAPS):
            # "the foreign ministry of neighbouring Lennoch": a country the lists do not know
            marker = _country_marker([country_of.group(1)], cast) or "?" + country_of.group(1)
        camp = _camp_for_role(role, marker)
        if camp == "state" and any(w.lower() in ("former", "ex-") or w.lower().startswith("ex-") for w in words_left):
            camp = ""  # "a former judge", "former minister X": no longer speaks for the state
        caps = [w for w in words_left if w[:1].isupper() and w not in _STOP_CAPS
                and not cast.country_of(w) and (w.lower() not in cast.roles or w.isupper())]  # "an IMF spokesman"
        if role.relational and (possessor or caps):
            # "Navalny's allies", "a Navalny ally", "Cold Radiators' coordinator"
            of = possessor or caps[-1].rstrip("'’")
        portfolio = (_PORTFOLIO_NAME.match(text, e) if after is None and role.kind == "person"
                     and role.camp == "state" and text[s:s + 1].isupper() else None)
        if portfolio:
            # "Minister of Energy Bogumir Selvanyk": the portfolio, then the name (from the first
            # known first name, else the last two words)
            spans = [(w.start() + portfolio.start(1), w.end() + portfolio.start(1), w.group())
                     for w in re.finditer(r"\S+", portfolio.group(1))]
            caps = [x for x in spans if x[2][:1].isupper()]
            i = next((k for k in range(1, len(caps)) if caps[k][2].lower() in cast.first_names), len(caps) - 2)
            if 1 <= i <= len(caps) - 2 and not any(x[2] in _ORG_HEADS or x[2] in _STOP_CAPS for x in caps[i:]):
                ns, ne = caps[i][0], caps[-1][1]
                pname = text[ns:ne]
                if free(s, ne):
                    take(Mention(s, ne, text[s:ne], cast.aliases.get(pname, pname), camp, "person",
                                 role.gender or _surname_gender(pname, cast), "name",
                                 label=_ARTICLE.sub("", text[s:ns].strip()), role=head))
                    taken[s:ns] = [True] * (ns - s)
                    continue
        if after:
            name = after.group(1)
            name = _trim_name(name, cast)
            # "Deputy Prosecutor General Zdenka Kovac": the title runs on past the first role word.
            nw, k = name.split(), 0
            while k < len(nw) - 2 or (k < len(nw) - 1 and len(nw) - k > 2):
                two = " ".join(nw[k:k + 2]).lower()
                if two in cast.roles:
                    head, k = two, k + 2
                elif nw[k].lower() in cast.roles or nw[k].lower() in MODIFIERS:
                    head = nw[k].lower() if nw[k].lower() in cast.roles else head
                    k += 1
                else:
                    break
            if k:
                role = cast.roles[head]
                camp = _camp_for_role(role, marker)
                label = text[s:after.start(1) + len(" ".join(nw[:k])) + (name.index(nw[k]) - len(" ".join(nw[:k])))].rstrip()
                name = " ".join(nw[k:])
            if (name and name.split()[0] not in _STOP_CAPS
                    and not any(w in _ORG_HEADS for w in name.split())):  # "Student Coordination Committee"
                ns = after.start(1) + (after.group(1).index(name) if k else 0)
                ne = ns + len(name)
                if free(ns, ne):
                    take(Mention(s, ne, text[s:ne], cast.aliases.get(name, name), camp,
                                 "person", role.gender or _surname_gender(name, cast), "name",
                                 label=_ARTICLE.sub("", label), role=head))
                    taken[s:ns] = [True] * (ns - s)
                    continue
        if role.kind == "institution":
            tail = _BODY_TAIL.match(text, e)
            if tail and free(e, tail.end()):
                e = tail.end()  # "the OSCE mission", "the EU delegation"
            acro = _ACRONYM_AFTER.match(text, e)
            if acro and free(e, acro.end()):
                # "the state broadcaster TVT": the body's own name, with the role's camp.
                take(Mention(s, acro.end(), text[s:acro.end()], acro.group(1), camp, "institution", "",
                             "name", label=_ARTICLE.sub("", text[s:e]), role=head))
                continue
        canon = _BLANKS.sub(" ", _DETERMINER.sub("", text[s:e])).strip()
        words = canon.split()
        if (words and words[0].lower() in cast.roles and not words[0].isupper()
                and not any(w[:1].isupper() for w in words[1:])):
            # "Police" or "Supporters" at a sentence start is the role, not a name.
            canon = " ".join([words[0].lower(), *words[1:]])
        actor = cast.aliases.get(text[s:e]) or cast.aliases.get(canon) or canon
        take(Mention(s, e, text[s:e], actor, camp, role.kind, role.gender, "role",
                     number=role.number, role=head, of=of, definite=definite,
                     extra={"marker": marker, "of_pos": of_pos}))

    # 2. Actor list aliases (case-sensitive for names).
    alias_re = cast.alias_regex
    if alias_re is not None:
        for m in alias_re.finditer(text):
            if not free(m.start(), m.end()):
                continue
            a = cast.actors[cast.aliases[m.group()]]
            take(Mention(m.start(), m.end(), m.group(), a.name, a.camp, a.kind, a.gender,
                         "name" if m.group() == a.name else "alias"))

    # 3. Person and organisation names.
    single: list[tuple] = []
    for m in _NAME_SEQ.finditer(text):
        if not free(m.start(), m.end()):
            continue
        s0 = m.start()
        name = m.group()
        if name in cast.capitals and not _PLACE_PREPS.search(text[max(0, s0 - 20):s0]):
            if cast.country_of(name) != "HOME":  # "Washington said": a metonym
                take(Mention(s0, m.end(), name, _METONYMS.get(name) or cast.country_of(name) or name, "foreign",
                             "institution", "n", "name", extra={"metonym": True}))
            continue
        # Drop leading stop words and title words ("The", "President").
        words = name.split()
        lead = 0
        title_gender = ""
        rank = False
        body_name = any(w in _ORG_HEADS for w in words)
        while lead < len(words) and not (body_name and lead + 1 == len(words) and words[lead] in _ORG_HEADS
                                         and _ORG_NAME_TAIL.match(text, m.end())) \
                and not (body_name and lead + 1 < len(words) and (
                (_APOSTROPHE_END.search(words[lead]) and words[lead + 1] in _ORG_HEADS)  # "People's Party"
                or (words[lead].lower() in cast.roles and words[lead] not in _STOP_CAPS
                    and not cast.country_of(words[lead]) and words[lead].lower() not in _TITLES
                    and not (cast.roles[words[lead].lower()].kind == "person"
                             and cast.roles[words[lead].lower()].camp == "state")))) and ((words[lead] in _STOP_CAPS
                                      and not (lead == 0 and words[0] in _NAME_LIKE_STOPS and len(words) > 1
                                               and not _MONTH_PREP.search(text[max(0, s0 - 12):s0]))) or words[lead].lower() in cast.roles
                                     or words[lead].lower().rstrip(".") in _TITLES
                                     or words[lead].lower().rstrip(".") in _RANKS
                                     or _POSSESSIVE_END.search(words[lead])  # "Valdoria's Drel"
                                     or cast.country_of(words[lead])):
            w = words[lead].lower().rstrip(".")
            title_gender = _TITLES.get(w, title_gender)
            rank = rank or w in _RANKS
            lead += 1
        if lead == len(words):
            continue
        label = " ".join(words[:lead])
        rest = " ".join(words[lead:])
        start = s0 + name.index(rest, len(label)) if label else s0
        end = start + len(rest)
        if not free(start, end):
            continue
        if _PLACE_PREPS.search(text[max(0, start - 20):start]) and not any(w in _ORG_HEADS for w in rest.split()):
            continue  # "in Port Amaly", "from Orlek North": a place
        ofh = _AFTER_ORG_HEAD.search(text[max(0, start - 30):start])
        if ofh and ofh.group(1) in _ORG_HEADS:
            continue  # "Society for Nature Conservation": the rest of a body's name
        org_noun = _ORG_NOUN.match(text, end)
        # "Silver Hands, the pensioners' association that ...", "X (ABC), which ...": a body
        body_cue = not org_noun and bool(_BODY_APPOSITIVE.match(text, end) or _BODY_CUE.match(text, end)
                                         or _BODY_NOUN_BEFORE.search(text, max(0, start - 30), start))
        if org_noun and not any(w in _ORG_HEADS for w in rest.split()):
            end = org_noun.end()  # "the Green Plough party": a body, not a person
        if (org_noun or body_cue or any(w in _ORG_HEADS for w in rest.split())
                or any(w in _STATE_NAME_WORDS for w in rest.split()[:-1])):  # "Varnic State Railways"
            longer = _ORG_NAME_TAIL.match(text, end)
            if longer and not org_noun and free(end, longer.end()):
                end = longer.end()  # "Union of Locomotive Drivers", "Committee for the Defence of X"
                rest = text[start:end]
            both = None if label else _AND_BEFORE.search(text, max(0, start - 30), start)
            if (both and both.group(1) not in _ORG_HEADS and both.group(1) not in _STOP_CAPS
                    and both.group(1).lower() not in cast.roles and not cast.country_of(both.group(1))
                    and free(both.start(1), start)):
                start = both.start(1)  # "the Bread and Dignity Committee", "Law and Justice Party"
                rest = text[start:end]
            marker = _country_marker(label.split() + rest.split(), cast)
            # The words before the name may say the camp: "the opposition Unity Front".
            lead_words = _CLAUSE_MARKS.split(text[max(0, start - 30):start])[-1].lower().split()[-2:]
            low = " ".join(lead_words) + " " + rest.lower()
            hit = role_re.search(low)
            camp = _camp_for_role(cast.roles[_role_key(hit.group())], marker) if hit else "other"
            name_words = rest.split()
            if camp in ("state", "foreign") and _association_name(name_words):
                camp = "other"  # "the Drivers' Assembly": not a parliament
            if camp == "other" and _RULING_END.search(" ".join(lead_words)):
                camp = "state"  # "the ruling Homeland Alliance"
            elif camp == "other" and org_noun and org_noun.group(1) == "movement" and not re.search(
                    r"pro-government|pro-kremlin|state", " ".join(lead_words)):
                camp = "opposition"  # "the Free Ostrava movement": a civic or protest movement
            if camp == "other" and not _association_name(name_words) and (
                    any(w in _GOV_HEADS for w in name_words) or _state_by_name(name_words)):
                # A government body ("State Protection Bureau", "the U.S. State Department",
                # "Dallavian State Railways", "National Pension Fund").
                camp = "foreign" if marker and marker != "HOME" else "state"
            take(Mention(start, end, text[start:end], cast.aliases.get(rest, rest), camp, "institution", "",
                         "name", label=label))
            continue
        if cast.country_of(rest) or rest in cast.capitals:
            c = cast.country_of(rest)
            if rest in cast.capitals and c != "HOME":
                take(Mention(start, end, rest, rest, "foreign", "institution", "n", "name",
                             extra={"metonym": True}))
            continue
        if all(w.isupper() for w in rest.split()):
            continue  # all-caps runs are subheads or acronyms ("CAT AND MOUSE"), not names
        if len(rest.split()) == 1:
            # A single capitalised word is a person only as the surname of a full name
            # (linked later) or as the subject of a cue (found by framing.claims).
            if not rest.isupper() and not _CONTRACTION_END.search(rest):
                single.append((start, end, rest, label, title_gender))
            continue
        take(Mention(start, end, rest, rest, "state" if rank else "", "person",
                     title_gender or _surname_gender(rest, cast), "name", label=label))
    surnames = {m.actor.split()[-1] for m in out if m.actor_kind == "person" and len(m.actor.split()) >= 2}
    for start, end, rest, label, g in single:
        if rest in surnames or (g and free(start, end)):
            take(Mention(start, end, rest, rest, "", "person", g, "name", label=label))
    out.sort(key=lambda m: m.start)
    return out


def _trim_name(name: str, cast: Cast) -> str:
    """A name ends at a possessive ("Deshan Rivo's party") and before trailing stop words."""
    cut = re.search(r"['’]s\b", name)
    if cut:
        name = name[:cut.start()]
    words = name.split()
    while words and (words[-1] in _STOP_CAPS or words[-1].lower() in cast.roles):
        words.pop()
    return " ".join(words)


# --------------------------------------------------------------------------- #
# Article-level linking: surnames, appositives, camps, home
# --------------------------------------------------------------------------- #

_APPOSITIVE = re.compile(r"^,\s+(?:\d{1,3},\s+)?(?!(?:and|or|but|which|where|when|whose|while|in|on|at|by|after|before|during|since|until|as|to|with|from|for)\b|who\s+(?!is\b|heads\b|leads\b))"
                         r"(?:(?:a|an|the|who is|who heads|who leads|who is a|who is the)\s+)?"
                         r"([^,.;\"“”]{3,90}?)(?:,|\.|;| who\b| said| told)")


_ROLE_BEFORE_NAME = re.compile(r"(?:\s+(?:of|for|to|at|in)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,4})?,\s*(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")


def infer_home(mentions: list[Mention], text: str, cast: Cast) -> set[str]:
    """Home country names: most often attached to state roles; the dateline capital helps."""
    if cast.home and any(h in text for h in cast.home):
        return cast.home
    votes: dict[str, int] = {}
    for m in mentions:
        marker = m.extra.get("marker", "")
        if m.via == "role" and marker and marker != "HOME" and not marker.startswith("@") and m.role in cast.roles and cast.roles[m.role].camp == "state":
            # Domestic roles (police, courts, interior ministry) point to home; a country's
            # foreign ministry, embassy or ambassador is usually the foreign voice.
            if re.search(r"foreign|ambassador|embassy|diplomat", m.mention, re.I):
                continue
            votes[marker] = votes.get(marker, 0) + 2
    # Among countries that domestic roles point to, each mention in the text adds a vote.
    if votes:
        for _, _, word in find_countries(text, cast):
            c = cast.countries[word]
            if c in votes:
                votes[c] += 1
    if not votes:
        return cast.home
    best = max(votes, key=lambda k: votes[k])
    if best.startswith("?"):
        return {best[1:], best[1:-3] + "ia" if best.endswith("ian") else best[1:]}
    return {k for k, v in cast.countries.items() if v == best} | {best}


def link_mentions(mentions: list[Mention], text: str, cast: Cast) -> list[Mention]:
    """Resolve surnames to full names, labels/appositives to camps, and camps of names."""
    home = infer_home(mentions, text, cast)
    if home != cast.home:
        cast = cast.with_home(home)
        # Recompute role camps against the inferred home.
        for m in mentions:
            if m.via == "role" and m.role in cast.roles:
                marker = _country_marker([w for w in m.mention.split()[:-1]] + ([m.of] if m.of else []), cast)
                m.extra["marker"] = marker
                m.camp = _camp_for_role(cast.roles[m.role], marker)
    named_bodies = {m.actor for m in mentions if m.actor_kind == "institution" and m.via == "name"}
    persons: dict[str, Mention] = {}
    for m in mentions:
        if (m.actor_kind == "person" and m.via in ("name", "alias") and len(m.actor.split()) >= 2
                and m.actor not in named_bodies):  # "Clean Air Kelmoss" has no surname "Kelmoss"
            persons.setdefault(m.actor, m)
    # Surname-only mentions become the full name ("Volkov" -> "Leonid Volkov").
    by_surname: dict[str, str] = {}
    for full in persons:
        by_surname.setdefault(full.split()[-1], full)
    for m in mentions:
        if m.via == "name" and len(m.actor.split()) == 1 and m.actor in by_surname:
            full = by_surname[m.actor]
            m.actor = full
            m.via = "alias"
    names = _Names(mentions)
    index = SpanIndex(mentions)
    # An organisation's camp, once the text gives it ("the opposition Unity Front"), holds
    # for all its mentions.
    org_camp: dict[str, str] = {}
    # Bodies the text says organised the protest. This outweighs a camp guessed from a head
    # word ("the Climate Guard movement, which organised the gathering": Guard alone says state).
    organisers = set()
    # "the union leading the walkout said": when the article names one union, that is the
    # striking one (codebook: striking unions are opposition).
    named_unions = {m.actor for m in mentions if m.actor_kind == "institution" and m.via == "name"
                    and _UNION_HEAD.search(m.actor)}
    if len(named_unions) == 1 and _UNION_LEADS.search(text):
        organisers |= named_unions
    body_of = {id(m): _body_named(m) for m in mentions}
    for m in mentions:
        body = body_of[id(m)]
        if (body and m.actor_kind in ("institution", "group") and not any(w in _STATE_ONLY_HEADS for w in body.split())
                and not _STATE_SIDE_BEFORE.search(text, max(0, m.start - 30), m.start)
                and (_ORG_OPPOSITION.match(text[m.end:m.end + 160]) or _ORGANISERS_BEFORE.search(text[max(0, m.start - 40):m.start])
                     or (m.camp != "state" and _ORG_CALLED.match(text[m.end:m.end + 200])))):
            organisers.add(body)
    for m in mentions:
        if m.camp in ("state", "", "other") and (m.actor in organisers or body_of[id(m)] in organisers):
            m.camp = "opposition"
        if m.actor_kind == "person" and m.via == "name" and _PARTY_BEFORE.search(text[max(0, m.start - 50):m.start]):
            m.actor_kind, m.gender = "institution", "n"  # "the opposition party Open Zarnovia": a body
            named_bodies.add(m.actor)
        if m.actor_kind == "institution" and m.via == "name" and m.camp in ("", "other"):
            said = _org_context_camp(text[m.end:m.end + 160])
            role_before = _ROLE_BEFORE_BODY.search(text[max(0, m.start - 50):m.start])
            rb = cast.roles.get(role_before.group(1).lower()) if role_before else None
            if not said and rb is not None and rb.kind == "institution" and rb.camp in ("state", "opposition"):
                said = rb.camp  # "The regulator, the National Media Authority, said"
            side = _SIDE_BEFORE_BODY.search(text[max(0, m.start - 50):m.start])
            if not said and side:
                # "the ruling Usmeria Onward party" (a country name inside the party's name)
                said = "opposition" if side.group(1).lower() == "opposition" else "state"  # also "the state-run X"
            joins = _JOINS_PROTEST.match(text, m.end)
            if joins and _NOT_STRIKING.search(joins.group()):
                joins = None  # "which has not joined the strike"
            if not said and (joins or _MARCHED_BEHIND.search(text[max(0, m.start - 80):m.start])):
                said = "opposition"  # "X, whose members have joined the occupation", "marched behind the banner of X"
            if not said and _PROTESTERS_MEMBERS.search(text[max(0, m.start - 80):m.start]):
                said = "opposition"  # "Many of the marchers are members of the Stage Performers' Guild"
            if not said and (_ORGANISED_BY.search(text[max(0, m.start - 160):m.start])
                             or _ORGANISERS_BEFORE.search(text[max(0, m.start - 40):m.start])):
                said = "opposition"  # "an illegal gathering ..., organised by the Committee for ..."
            if not said and _UNION_HEAD.search(m.mention):
                ss = max(text.rfind(". ", max(0, m.start - 300), m.start) + 1, text.rfind("\n", max(0, m.start - 300), m.start) + 1, max(0, m.start - 300))
                se = [i for i in (text.find(". ", m.end, m.end + 300), text.find("\n", m.end, m.end + 300)) if i >= 0]
                sent = text[ss:min(se) if se else m.end + 300]
                if _STRIKE.search(sent) and not _NOT_STRIKING.search(sent):
                    said = "opposition"  # the striking union (codebook: striking unions)
            if said:
                m.camp = said
    # A name seen once as a body ("Open Valmont, the country's largest opposition party") is a
    # body everywhere, also where it looked like a person's name ("Open Valmont has denied").
    for m in mentions:
        if m.actor_kind == "person" and m.via in ("name", "alias") and m.actor in named_bodies:
            m.actor_kind, m.gender = "institution", "n"
    acronyms: dict[str, Mention] = {}
    for m in mentions:
        if m.actor_kind == "institution":
            acr = re.match(r"\s*\(([A-Z]{2,8})\)", text[m.end:m.end + 12])
            if acr:
                acronyms.setdefault(acr.group(1), m)  # "the Independent Teachers' Union (ITU)"
        if m.actor_kind == "institution" and m.via == "name" and m.camp not in ("", "other"):
            org_camp.setdefault(m.actor, m.camp)
    for m in mentions:
        if m.actor_kind == "institution" and m.via == "name" and m.actor not in org_camp and len(m.actor.split()) >= 2:
            # "the Democratic Forum" after "the opposition Brastovian Democratic Forum"
            longer = next((k for k in org_camp if k.endswith(" " + m.actor)), None)
            if longer is not None:
                org_camp[m.actor] = org_camp[longer]
        if (m.actor_kind == "institution" and m.via == "name" and m.actor not in org_camp
                and (len(m.actor.split()) >= 2 or m.actor in _ORG_HEADS)):
            # "the Fund" / "Pension Fund" for "the State Pension Fund of Kolvaria": a short form
            # inside one longer name (or several of one camp)
            inside = {org_camp[k] for k in org_camp if k != m.actor and f" {m.actor} " in f" {k} "}
            if len(inside) == 1:
                org_camp[m.actor] = inside.pop()
    for m in mentions:
        if m.actor_kind == "institution" and m.actor in org_camp and m.camp in ("", "other"):
            m.camp = org_camp[m.actor]
    # "Neighbouring Dossia summoned the ambassador. Its foreign minister, Piet Loor, said": a
    # country that is not home owns the office.
    for m in mentions:
        if (m.via == "role" and m.camp == "state" and m.mention[:4] in ("Its ", "its ")
                and _foreign_country_before(text, m.start, cast, names)):
            m.camp = m.extra["owner_camp"] = "foreign"
    # Whom relational roles belong to: "an ally of X" (the mention after "of"), "Its chair",
    # "his spokesman" (the nearest fitting earlier mention).
    for m in mentions:
        role = cast.roles.get(m.role)
        if m.via != "role" or role is None or not role.relational or (m.of and not (m.of.islower() and m.of in _BODY_NOUNS)):
            continue  # ("the guild's chairman" comes with of="guild": a body noun, resolved below)
        if m.of:
            m.of = ""
        pos = m.extra.get("of_pos", -1)
        target = index.at(pos) if pos >= 0 else None
        own = re.match(r"(its|his|her|their)\s", m.mention, re.I)
        whose = None if own or target is not None else _WHOSE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if whose is not None:
            # "the Maranov Student Council, whose president, Spela Tarkowska,": the body before
            x = index.last_ending_by(whose.start())
            if x is not None and x.actor_kind in ("institution", "group") and whose.start() - x.end < 3:
                m.of = x.actor
                continue
        # "The group's spokesman": a body noun with a possessive points back like "its".
        body_poss = (not own and role.inherits
                     and _BODY_POSSESSIVE.search(text[max(0, m.start - 30):m.start]))
        if target is not None:
            m.of = target.mention
        elif own:
            m.of = _owner(own.group(1).lower(), index, m.start, text) or ""
        elif body_poss:
            # Only the camp: the speaker keeps its own name ("the group's spokesman").
            x = _body_called(text, index, m.start, body_poss.group(1).lower())
            if x is not None and x.camp not in ("", "other"):
                m.camp = m.extra["owner_camp"] = x.camp
    # Camps of names: actor list, label, appositive ("X, a Navalny ally,"), or a role in
    # apposition before the name ("Its leader, Petra Lusk,"; "her lawyer, Dita Roubal").
    info: dict[str, dict] = {}
    for m in mentions:
        if m.actor_kind != "person" or m.via not in ("name", "alias"):
            continue
        before = index.last_ending_by(m.start - 1)
        d = info.setdefault(m.actor, {"camp": "", "gender": "", "roles": set(), "of": set()})
        if m.actor in cast.actors:
            d["camp"] = cast.actors[m.actor].camp
            d["gender"] = d["gender"] or cast.actors[m.actor].gender
        d["gender"] = d["gender"] or m.gender
        if m.camp not in ("", "other") and not d["camp"] and m.label and not cast.role_regex.search(m.label):
            d["camp"] = m.camp  # set when found ("General Yusuf Karam": the state's forces)
        title_only = bool(m.label) and all(w.lower().rstrip(".") in _TITLES for w in m.label.split())
        descs = [m.label] if m.label and not title_only else []  # "Ms Valdecq": a title, no description
        if (before is not None and before.actor_kind == "institution" and re.fullmatch(r",\s*", text[before.end:m.start])):
            # "The chairwoman of the Central Electoral Commission, Sylvie Barat,"
            prior = index.last_ending_by(before.start - 1)
            if (prior is not None and prior.via == "role" and prior.actor_kind == "person"
                    and re.fullmatch(r"\s+(?:of|for|at|in)\s+(?:the\s+)?", text[prior.end:before.start])):
                d["roles"].add(prior.role)
                d["of"].add(before.actor)
                owner = _resolve_name(prior.of, names, cast) if prior.of and cast.roles[prior.role].inherits else None
                if owner is not None:
                    # "Civic Ridge's leader in parliament, X": the owner's camp, not parliament's
                    d["affiliated"] = True
                    if not d["camp"] and owner.camp not in ("", "other"):
                        d["camp"] = owner.camp
                elif not d["camp"]:
                    d["camp"] = before.camp if cast.roles[prior.role].inherits and before.camp else prior.camp
        if (before is not None and before.via == "role" and before.actor_kind == "person"
                and _ROLE_BEFORE_NAME.match(text[before.end:m.start])):
            # with the possessor the role phrase stops at: "The union’s president, Jelka Kastel,"
            lead = re.search(r"(?:^|[.!?]\s|\n)\s*([^.!?\n]{0,30})$", text[max(0, before.start - 30):before.start])
            descs.append(((lead.group(1) if lead else "") + text[before.start:m.start]).strip(" ,"))
            owner = _resolve_name(before.of, names, cast) if before.of else None
            if before.extra.get("owner_camp") and not d["camp"]:
                d["camp"] = before.extra["owner_camp"]  # "The group's spokesman, Bruno Serrat,"
                d["affiliated"] = True
                d["roles"].add(before.role)
            if owner is not None and cast.roles[before.role].inherits and not d["camp"]:
                d["camp"] = owner.camp or "other"  # "Its president, Imre Valach,": the body's camp
                d["affiliated"] = True
                d["roles"].add(before.role)
                d["of"].add(owner.actor)
            elif owner is not None and cast.roles[before.role].family and owner.camp == "opposition":
                d["camp"] = d["camp"] or "opposition"  # "His wife, Nela Orsic," of a jailed activist
        app = _APPOSITIVE.match(text[m.end:m.end + 120])
        if app and re.match(r",\s+(?:\d{1,3},\s+)?(?:[a-z]+ed|came|went|was|is|has|had|have|spent|stood|"
                            r"began|left|got|took|ran|sat|fell|held|led|kept|lost|made|saw|stayed|says)\b", app.group(0)):
            app = None  # "Andrej Polk, 23, came down from an oak ...": a verb phrase, no description
        if app:
            descs.append(app.group(1))
        label_role = cast.roles.get(m.role or (m.label.split()[-1].lower() if m.label else ""))
        if (label_role is not None and label_role.inherits and not d["camp"] and before is not None
                and before.actor_kind == "institution" and text[before.end:m.start].isspace()
                and before.camp not in ("", "other")):
            d["camp"] = before.camp  # "Commission chair Priya Sendal", "federation leader X"
        if label_role is not None and label_role.inherits and not d["camp"] and m.label:
            # "union chairman Radomír Sélek": the body of that kind the story names
            noun = next((w.lower() for w in m.label.split()[:-1] if w.islower() and w.lower() in _BODY_NOUNS), "")
            x = _body_called(text, index, m.start, noun) if noun else None
            if x is not None and x.camp not in ("", "other"):
                d["camp"] = x.camp
                d["affiliated"] = True
        if label_role is not None and label_role.inherits and not d["camp"]:
            whose = _WHOSE_BEFORE.search(text, max(0, m.start - 40), m.start)
            owner = index.last_ending_by(whose.start()) if whose else None
            if (owner is not None and owner.actor_kind in ("institution", "group") and whose.start() - owner.end < 3
                    and owner.camp not in ("", "other")):
                d["camp"] = owner.camp  # "the opposition X, whose leader Ulbrecht Preskow"
                d["affiliated"] = True
        if "first" not in d:
            d["first"] = m.start
        if (_ORGANISER_CLAUSE.match(text, m.end) or _ORGANISER_CLAUSE.search(text[m.end:m.end + 100].split(" said")[0])
                or _STOOD_WITH.match(text, m.end) or _ORGANISER_BEFORE.search(text[max(0, m.start - 70):m.start])
                or _ORG_CALLED.match(text[m.end:m.end + 200])):
            d["organiser"] = True  # "Julian Fairholme, who helped organise the rally"
        # Described beyond an age or a trade ("Agata Rune, 61", "a 27-year-old nurse")?
        pdesc = _POSSESSIVE_DESC_BEFORE.search(text[max(0, m.start - 60):m.start])
        if pdesc and (pdesc.group(1) in cast.roles or re.search(r"(?:or|er|ist|ant|ent|ian|man|woman|ee|general|chief|head)$",
                                                                 pdesc.group(1))):
            d["described"] = True  # "LTV's new director general, Gregor Hale,": a position, not "the hall's gallery"
        trade = _TRADE_BEFORE.search(text[max(0, m.start - 30):m.start])
        if trade and trade.group(1) not in _NOT_TRADES:
            d["described"] = True  # "commentator Stefan Orlea", "teacher Oren Vasch"
        if (m.label and not title_only) or len(descs) > (1 if app else 0):
            d["described"] = True
        elif app and not _PLAIN_PERSON.search(app.group(0)):
            _, app_role, _ = _describe(app.group(1), cast, names)
            if app_role and not cast.roles[app_role].participant:
                d["described"] = True  # "the foundation's director"; not "a nursing student"
        side = (re.match(r"(?:,\s+\d{1,3})?,?\s+(?:of|from)\s+the\s+(?:main\s+)?(ruling|governing|opposition)\s+[A-Z]",
                         text[m.end:m.end + 48])
                or _PARTY_SIDE.match(text, m.end) or _LEADS_SIDE.match(text, m.end) or _WHOSE_PARTY_SIDE.match(text, m.end))
        if side and (not d["camp"] or m.actor not in cast.actors):
            # A party side outweighs an office: "the city's mayor, X ... X, 44, of the opposition Y party"
            d["camp"] = "opposition" if side.group(1) == "opposition" else "state"  # "X of the ruling Y"
            d["affiliated"] = True
        if not d["camp"] and _APPOINTED.match(text, m.end):
            d["camp"] = "state"  # "X, who was appointed by the Health Ministry in 2029"
            d["affiliated"] = True
        body = _body_after_name(text, m.end, index)
        if body is not None:
            # "Nadia Ferro of the Torvik School", "Isadora Kettlewell, a hydrologist at Velsmere
            # Technical University": the person speaks for the body, not from a protest.
            d["affiliated"] = True
            if not d["camp"] and body.camp not in ("", "other"):
                d["camp"] = body.camp
        lab = re.match(r"((?:[A-Z][\w’'-]*\s+)+)[a-z]", m.label) if m.label else None
        if lab and not d["camp"]:
            # "New Course deputy Elske Harrowe": the camp of the body named in the label
            org = names.get(lab.group(1).strip())
            if org is not None and org.actor_kind == "institution" and org.camp not in ("", "other"):
                d["camp"] = org.camp
                d["affiliated"] = True
        described = [_describe(x, cast, names) for x in descs]
        link = any(r and cast.roles[r].relational and not cast.roles[r].inherits and not cast.roles[r].family
                   for _, r, _ in described)  # "the party's lawyer": a lawyer keeps the lawyers' camp
        if not d["camp"] and not link:
            body = _body_of_description(descs, acronyms, index, m.start, text)
            if body is not None:
                d["affiliated"] = True
                d["camp"] = body.camp or "other"  # "ITU president X", "a spokeswoman for the committee"
        for camp, role, of in described:
            if role:
                d["roles"].add(role)
            if of:
                d["of"].add(of)
            if camp and not d["camp"] and not (role and cast.roles[role].participant):
                d["camp"] = camp  # a participant group ("a teacher") leaves it to the protest context
            if role and cast.roles.get(role) and cast.roles[role].gender and not d["gender"]:
                d["gender"] = cast.roles[role].gender
    for d in info.values():
        plain_roles = all(cast.roles[r].participant for r in d["roles"] if r in cast.roles)
        if (d["camp"] in ("", "other") and d.get("organiser")) or (
                not d["camp"] and plain_roles and not d.get("affiliated") and not d.get("described")
                and _participant(text, d["first"])):
            d["camp"] = "opposition"  # a participant ("a nursing student who had come to the protest")
    for m in mentions:
        role = cast.roles.get(m.role) if m.via == "role" else None
        if role is not None and m.camp in ("", "other") and re.match(r"(?:the\s+)?striking\b", m.mention, re.I):
            m.camp = "opposition"  # "striking LTV journalists": participants in a strike
        elif role is not None and role.participant and m.camp == role.camp and not m.of \
                and _participant(text, m.start):
            m.camp = "opposition"  # "Students chanted ...", "the miners vowed ..."
    for m in mentions:
        if m.actor in info:
            d = info[m.actor]
            m.camp = m.camp or d["camp"] or "other"
            if m.via in ("name", "alias") and d["camp"]:
                m.camp = d["camp"]
            m.gender = m.gender or d["gender"]
            m.extra["roles"] = d["roles"]
            m.extra["of"] = d["of"]
        elif not m.camp:
            m.camp = "other"
    # Relational roles take the camp of whom they belong to ("an aide to Z", "Navalny's allies").
    for m in mentions:
        if m.via == "role" and m.of:
            target = _resolve_name(m.of, names, cast)
            role = cast.roles.get(m.role)
            if target is None and role is not None and role.inherits:
                # "an EU spokesman", "a spokesman for Germany": the owner is a role or a country.
                owner = cast.roles.get(m.of.lower())
                marker = _country_marker([m.of], cast)
                if owner is not None:
                    m.camp = owner.camp
                elif marker and marker != "HOME":
                    m.camp = "foreign"
            if target is not None:
                m.of = target.actor
                role = cast.roles.get(m.role)
                if role and role.inherits:  # lawyers and relatives keep their own camp
                    m.camp = target.camp
                elif role and role.family and target.camp == "opposition":
                    m.camp = "opposition"  # "his family said", of a jailed opposition figure
                if role and role.relational and not m.label:
                    # One name for "Navalny allies" and "Navalny's allies".
                    owner = target.actor.split()[-1]
                    m.actor = f"{owner}'{'' if owner.endswith('s') else 's'} {m.role}"
    # A description in apposition is the person it describes: "Navalny, a prominent critic
    # of President Vladimir Putin," is a mention of Navalny (for the tone about him).
    for m in mentions:
        if m.via == "role" and m.actor_kind == "person" and not m.definite:
            head = index.last_ending_by(m.start - 1)
            if (head is not None and head.actor_kind == "person" and head.via in ("name", "alias")
                    and re.fullmatch(r",\s*", text[head.end:m.start])):
                m.actor, m.camp, m.via = head.actor, head.camp, "description"
    # "Ferrand's Renewal party", "the Civic Dawn party of Ivanka Drel": a person's party.
    person_camp = {m.actor: m.camp for m in mentions if m.actor_kind == "person" and m.via in ("name", "alias")}
    owned: dict[str, str] = {}
    for m in mentions:
        if m.actor_kind == "institution" and m.via == "name" and m.camp in ("", "other"):
            poss = re.search(r"([A-Z][\w-]+)['’]s\s+$", text[max(0, m.start - 40):m.start])
            of = re.match(r"\s+of\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", text[m.end:m.end + 60])
            owner = names.get(poss.group(1)) if poss else (names.get(of.group(1)) if of else None)
            if owner is not None and owner.actor_kind == "person" and person_camp.get(owner.actor) in ("state", "opposition"):
                owned.setdefault(m.actor, person_camp[owner.actor])
    for m in mentions:
        if m.actor in owned and m.camp in ("", "other"):
            m.camp = owned[m.actor]
    metonyms = _country_metonyms(text, cast, index)
    if metonyms:
        mentions = sorted(mentions + metonyms, key=lambda x: x.start)
    return mentions


_METONYM_VERB = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+|repeatedly\s+|quickly\s+)*(?:[a-z]+ed|says|said|urges|warns|denies|rejects|insists|calls|accuses|told|wrote)\b")
_CAPITAL_OF_HOME = re.compile(r"\bthe\s+capital,?\s+([A-Z][a-z]+)|\b([A-Z][a-z]+),\s+the\s+(?:country's\s+)?capital\b|"
                              r"\bin\s+the\s+capital\s+([A-Z][a-z]+)")


_GOVERNMENT_IN = re.compile(r"\b([A-Z][a-z]+)\s+(?:government|parliament|cabinet|presidency|leadership|"
                            r"(?:foreign\s+|defen[cs]e\s+)?ministry)\s+in\s+([A-Z][a-z]+)\b")


def _country_of_adjective(adj: str) -> str:
    """A country name guessed from an adjective the lists do not know: "Kastrellish" ->
    "Kastrell", "Lassovian" -> "Lassovia"."""
    for suffix, repl in (("ian", "ia"), ("ish", ""), ("ese", ""), ("ean", "ea")):
        if adj.endswith(suffix) and len(adj) > len(suffix) + 2:
            return adj[: -len(suffix)] + repl
    return adj


def _country_metonyms(text: str, cast: Cast, index: SpanIndex) -> list[Mention]:
    """A country or a capital speaking: "Britain urged", "Aldenia has denied", and the home
    country or its capital ("Santor rejected the criticism": the home government, state),
    when the name is the subject of a verb. The home capital is learnt from "the capital, X"."""
    home_name = min((h for h in cast.home if h[:1].isupper()), key=len, default="")
    home_capitals = {next(g for g in m.groups() if g) for m in _CAPITAL_OF_HOME.finditer(text)
                     if not re.search(r"[A-Z][\w-]*['’]s\s+$", text[max(0, m.start() - 30):m.start() + 4])
                     and not re.match(r"\s+of\s+[A-Z]", text[m.end():m.end() + 12])}  # not "Quellmark's capital, Tarsel"
    # A home place that speaks ("Calvera rejected the complaint"): the dateline city or a
    # place the text puts things in ("in Calvera", "a Skarvik-based group") stands for the
    # government when it is the subject of a reporting verb.
    dateline = re.match(r"\s*([A-Z][A-Z .'-]{2,30}?),\s+[A-Z][a-z]{2,4}\.?\s+\d", text[:400].split("\n\n", 1)[-1]) \
        or re.search(r"(?:^|\n)([A-Z][A-Z .'-]{2,30}?),\s+[A-Z][a-z]{2,4}\.?\s+\d", text[:600])
    places = {p for p in re.findall(r"\b(?:in|based\s+in)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text)} | \
        {p for p in re.findall(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)-based\b", text)}
    if dateline:
        places.add(dateline.group(1).strip().title())
    places = {p for p in places if not cast.country_of(p) and p not in cast.countries}
    # "Pernholm, the Lassovian capital", "Quellmark's capital, Tarsel": a neighbour's capital
    foreign_caps: dict[str, str] = {}
    for fm in re.finditer(r"\b([A-Z][a-z]+),\s+the\s+([A-Z][a-z]+)\s+capital\b", text):
        if fm.group(2) not in cast.home:
            adj = fm.group(2)
            foreign_caps[fm.group(1)] = cast.countries.get(adj) or (adj[:-1] if adj.endswith("ian") else adj)
    for fm in re.finditer(r"\b([A-Z][\w-]*)['’]s\s+capital,?\s+([A-Z][a-z]+)", text):
        if fm.group(1) not in cast.home:
            foreign_caps[fm.group(2)] = fm.group(1)
    # "the Kastrellish government in Aldmoor": where another country's government sits
    for fm in _GOVERNMENT_IN.finditer(text):
        adj = fm.group(1)
        if adj not in cast.home and cast.country_of(adj) != "HOME" and (
                cast.country_of(adj) or _NATIONALITY_LIKE.fullmatch(adj)) and adj not in _NOT_NATIONALITIES:
            foreign_caps.setdefault(fm.group(2), cast.country_of(adj) or _country_of_adjective(adj))
    places -= set(foreign_caps)
    home_capitals |= places
    out = []
    cands = find_countries(text, cast)
    known = set(cast.home) | home_capitals | set(foreign_caps)
    for m in re.finditer(r"\b([A-Z][a-z]+)(?=(\s+[A-Z][a-z]+\b)?)", text):  # one pass, names of 1-2 words
        two = m.group(1) + (m.group(2) or "")
        if m.group(2) and two in known:
            cands.append((m.start(), m.start() + len(two), two))
        elif m.group(1) in known:
            cands.append((m.start(), m.end(1), m.group(1)))
    seen = set()
    for s, e, word in cands:
        if s in seen or index.at(s) is not None or not _METONYM_VERB.match(text, e):
            continue
        if re.search(r"\b(?:in|at|from|to|of|for|with|on|by|near|outside|across|into)\s+(?:the\s+)?$", text[max(0, s - 12):s]):
            continue  # "protesters in Santor said": a place, not the speaker
        seen.add(s)
        c = cast.country_of(word) if word not in home_capitals else "HOME"
        if word in foreign_caps:
            c = foreign_caps[word]
        if word in _METONYMS:  # "Brussels": the EU, not Belgium
            out.append(Mention(s, e, word, _METONYMS[word], "foreign", "institution", "n", "name",
                               extra={"metonym": True}))
        elif c == "HOME" and home_name:
            out.append(Mention(s, e, word, home_name, "state", "institution", "n", "name",
                               extra={"metonym": True}))
        elif c and c != "HOME":
            out.append(Mention(s, e, word, c, "foreign", "institution", "n", "name", extra={"metonym": True}))
    return out


_PROTEST_EVENT = (r"(?:protests?|rall(?:y|ies)|march(?:es)?|blockades?|strikes?|walkouts?|sit-ins?|"
                  r"demonstrations?|boycotts?|occupations?|vigils?|pickets?|gatherings?|hunger\s+strikes?)")
_ORG_OPPOSITION = re.compile(
    r"^(?:\s+(?:movement|group|campaign|network|coalition|alliance|initiative|collective))?"
    r"(?:\s*\([A-Z]{2,8}\))?(?:,\s+(?:an?|the)\s+[^;.]{0,100}?)?,?\s+(?:which|that|who)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?"
    r"(?:organi[sz]ed|organi[sz]es|is\s+organi[sz]ing|has\s+been\s+organi[sz]ing|called|calls|"
    r"led|leads|is\s+leading|staged|stages|coordinated|coordinates|urged|backed|backs|called\s+for|"
    rf"calls\s+for|started|began|launched)\s+(?:the\s+|a\s+|this\s+|these\s+|their\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{_PROTEST_EVENT}\b")
# The body as the subject of a call to protest: "The Drivers' Assembly, a network of
# owner-drivers ..., called the blockade"; not a naming ("called the strike 'illegal'").
_ORG_CALLED = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?(?:,\s+(?:an?|the)\s+[^;.]{0,140}?,)?\s+(?:has\s+|had\s+)?(?:also\s+)?"
    r"(?:organi[sz]ed|called|staged|launched|is\s+organi[sz]ing)\s+(?:the\s+|a\s+|this\s+|their\s+|its\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_PROTEST_EVENT}\b(?!\s+(?:an?\s|[\"'“‘]|illegal|unlawful|unsanctioned|unauthori[sz]ed))")
_ORG_APPOSITIVE = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?,\s+(?:the|an?|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(opposition|ruling|governing|state(?=\s+(?:body|agency|regulator|company|firm|broadcaster|authority|"
    r"institution|watchdog|operator|prosecutor|committee|commission|office|media)\b))\b")


# ", a hydrologist at (Velsmere) ": a description that ends in the body a person works for.
DESC_TO_BODY = re.compile(r",\s+(?:\d{1,3},\s+)?(?:an?|the)\s+(?:[a-z][\w-]*\s+){1,4}(at|of|from|with|for|on|in)\s+"
                          r"(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}")
_OF_BODY = re.compile(r",?\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")
_PARTICIPATION = re.compile(
    rf"\b(?:{_PROTEST_EVENT}|protesters|demonstrators|marchers|strikers|crowds?|gathered|took\s+part|"
    r"marched|marching|protested|protesting|demonstrated|rallied|occupied|occupying|blockaded|gathering|"
    r"roadblocks?|barricades?|camp|picket|encampment|"
    r"joined\s+the|picket\s+lines?|on\s+strike|chanting|chanted|not\s+eaten|stopped\s+eating|refus(?:ed|es|ing)\s+food)\b", re.I)
_BYSTANDER = re.compile(r"\b(?:witness(?:es|ed)?|residents?|passers?-by|bystanders?|onlookers?|shopkeepers?|"
                        r"owners?|shops?|kiosks?|caf[eé]s?|stores?|bakery|baker|runs|run\s+a|lives|living|"
                        r"stranded|commuters?|passengers?|customers?|parents?|children\s+attend|"
                        r"passing|waiting\s+for|not\s+joined|did\s+not\s+join|has\s+not\s+joined|"
                        r"stuck|queu(?:e|ed|ing|eing)|held\s+up|due\s+to\s+fly|delayed|has\s+waited|had\s+waited|"
                        r"whose\s+(?:\d+-year-old\s+)?(?:son|daughter|husband|wife)\s+(?:\w+\s+){0,2}?(?:is|was)\s+among|"
                        r"neighbou?rs?|watched|watching|saw|voters?|analysts?|experts?|professors?|"
                        r"lawyers?|journalists?|reporters?|correspondents?|"
                        r"physicians?|doctors?|medics?|paramedics?|examines|examined|treats|treated|"
                        r"worked\s+(?:every|each|all)\s+(?:shifts?|days?))\b", re.I)


_POSSESSIVE_DESC_BEFORE = re.compile(r"\b\w+['’]s\s+(?:[a-z-]+\s+){0,3}([a-z-]+),\s*$")
_TRADE_BEFORE = re.compile(r"\b([a-z]+(?:or|er|ist|ant|ent|ian|man|woman|ee))\s+$")
_NOT_TRADES = {"after", "under", "other", "over", "whether", "never", "later", "her", "ever", "either",
               "neither", "rather", "former", "per", "earlier", "together", "however", "sent", "went",
               "spent", "meant", "want", "than", "when", "then", "even", "often", "between", "recent"}
_PLAIN_PERSON = re.compile(r"^,\s+(?:\d{1,3}\b|(?:a|an)\s+\d{1,3}-year-old\b)")


_BYSTANDER_GROUP = re.compile(r"\b(?:[Pp]arents|[Rr]esidents|[Ww]itnesses|[Pp]assers-by|[Bb]ystanders|[Oo]nlookers|"
                              r"[Ss]hoppers|[Cc]ommuters|[Vv]oters)\b")
_APPOINTED = re.compile(r",\s+(?:\d{1,3},\s+)?who\s+(?:was|has\s+been)\s+appointed\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?"
                        r"(?:[A-Z][\w-]*\s+){0,3}(?:Ministry|ministry|government|Government|president|President|Cabinet|"
                        r"cabinet|prime\s+minister|Prime\s+Minister)\b")
# The person as the subject of leading a side: "Roderin, 58, has led the opposition People's Front".
_LEADS_SIDE = re.compile(r"(?:,\s+\d{1,3},)?\s+(?:has\s+|had\s+)?(?:led|leads|headed|heads|chairs|chaired|founded|co-founded)\s+"
                         r"the\s+(?:main\s+|largest\s+|biggest\s+)?(ruling|governing|opposition)\b")
# A person's own appositive or relative clause that places them in a party by side:
# "X, a deputy of the opposition Y,", "X, a member of parliament for the ruling Y",
# "X, who chairs the ruling Y party's group", "X, 51, who won the election for the opposition Y".
# Membership nouns and verbs only: "X, a critic of the ruling party" says nothing of X's side,
# and a former member is not placed (former officials are not the state).
_PARTY_SIDE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:an?|the)\s+[^,;.()“”\"«»]{0,50}?\s+(?=who\s+now\b))?(?:"
    r"(?:now\s+)?(?:an?|the|its|their)\s+(?!former\b)(?:[\w'’-]+\s+){0,3}?"
    r"(?:deputy|deputies|member|members|lawmaker|legislator|MP|parliamentarian|leader|chair(?:man|woman|person)?|head|"
    r"spokes(?:man|woman|person)|secretary|(?:vice-)?president|candidate|councill?or|senator|official|politician|"
    r"founder|co-founder|coordinator|representative|whip|strategist|adviser|aide|governor|mayor|deputy\s+mayor)\b"
    r"[^,;.()“”\"«»]{0,70}?\b(?:of|for|from|in|with|to)\s+the"
    r"|who\s+(?:[^,;.()“”\"«»]{0,60}?\s+and\s+)?(?:now\s+)?(?:is\s+|was\s+)?(?:now\s+)?(?:chairs|leads|heads|represents|runs|co-chairs|founded|co-founded|won|ran|stood|sits|advises|"
    r"speaks|campaigned|an?\s+(?:member|deputy|lawmaker|legislator|MP|senator|councill?or|official)|the\s+leader)\b(?:[^,;.()“”\"«»]{0,70}?\b(?:of|for|from|in|with|to))?\s+the"
    r")\s+(?:country['’]s\s+)?(?:main\s+|largest\s+|biggest\s+)?(ruling|governing|opposition)\b")


_ORGANISER_CLAUSE = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?:[^,;.]{{0,60}}?(?:,\s+|\s))?who\s+(?:had\s+|has\s+)?(?:\w+\s+){{0,2}}?(?:organi[sz]ed?|led|joined|marched\s+in|"
    rf"took\s+part\s+in|helped\s+(?:to\s+)?organi[sz]e|called|[^,;.]{{0,120}}?\bto\s+(?:join|take\s+part\s+in)|"
    rf"(?:chairs|leads|heads|coordinates|runs|sits\s+on)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:strike|protest|occupation|"
    rf"sit-in|blockade|march|hunger\s+strike)\s+committee\b|"
    rf"(?:stood|sat|camped|slept|stayed|protested|demonstrated|walked|marched|spent\s+[^,;.]{{0,20}}?|"
    rf"died|was\s+killed|was\s+shot|was\s+injured|was\s+wounded|was\s+detained|was\s+arrested)\s+[^,;.]{{0,80}}?\b(?:in|at|on|during))\s+"
    rf"(?:the\s+|a\s+|an\s+|this\s+)?(?:[\w-]+\s+){{0,3}}?{_PROTEST_EVENT}\b"
    rf"|,\s+(?:\d{{1,3}},\s+)?who\s+(?:had\s+|has\s+)?marched\b")


# "One of the organisers, teacher Oren Vasch,": named as an organiser of the protest.
_ORGANISER_BEFORE = re.compile(
    rf"\b(?:[Oo]ne\s+of\s+the|[Aa]n?|[Tt]he)\s+(?:protest\s+|march\s+|rally\s+|strike\s+|main\s+|chief\s+)?organi[sz]ers?"
    rf"(?:\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?{_PROTEST_EVENT})?,\s+$")
_STOOD_WITH = re.compile(r",\s+(?:\d{1,3},\s+)?who\s+(?:has\s+|had\s+)?(?:\w+\s+){0,2}?(?:stood|stands|marched|camped|"
                         r"protested|rallied|demonstrated)\s+(?:\w+\s+){0,3}?with\s+(?:the\s+|his\s+|her\s+)?"
                         r"(?:supporters|protesters|marchers|strikers|demonstrators|crowd)\b")


def _participant(text: str, pos: int) -> bool:
    """Is the person first named at ``pos``, with no role or body of their own, a participant
    in the protest their paragraph describes? (Codebook: anyone speaking as a participant in
    a protest, strike or sit-in is opposition.) Bystanders and witnesses are not."""
    ps = text.rfind("\n\n", max(0, pos - 700), pos)
    ps = max(0, pos - 700) if ps < 0 else ps
    prev = text.rfind("\n\n", max(0, ps - 700), ps)  # the paragraph before sets the scene too
    ps = max(0, ps - 700) if prev < 0 else prev
    pe = text.find("\n\n", pos, pos + 700)
    pe = min(len(text), pos + 700) if pe < 0 else pe
    para = text[ps:pe]
    # the name, its description, and what comes before it in the sentence ("A shopkeeper who
    # watched the march, Ilse Brun, said")
    sent_start = max(text.rfind(". ", max(0, pos - 150), pos) + 1, text.rfind("\n", max(0, pos - 150), pos) + 1,
                     max(0, pos - 150))
    sent_end = text.find(". ", pos)
    near = text[sent_start:min(pe, pos + 160, sent_end + 1 if sent_end >= 0 else len(text))]
    return (bool(_PARTICIPATION.search(para)) and not _BYSTANDER.search(near)
            and not _BYSTANDER_GROUP.search(text[text.rfind("\n", 0, pos) + 1:pos]))


_UNION_HEAD = re.compile(r"\b(?:Union|Federation|Confederation|Syndicate|Guild|union|federation|guild)\b")
_STRIKE = re.compile(r"\b(?:strike|strikes|striking|strikers|walkout|walk-out|walked\s+out|stoppage|industrial\s+action)\b", re.I)
_NOT_STRIKING = re.compile(r"\b(?:not|n't|never|refused|declined|against|opposed|condemned|kept\s+working|"
                           r"continued\s+(?:to\s+)?work(?:ing)?|stayed\s+at\s+work|crossed)\b", re.I)


_BODY_NOUN = re.compile(r"\b(union|federation|party|movement|front|committee|group|alliance|coalition|"
                        r"campaign|foundation|association|society|council|network|bloc|camp|confederation)\b", re.I)


_ROLE_BODY_NAME = re.compile(r"(?:(?:the|so-called)\s+)*((?:[A-Z][\w’'-]*\s+)+)[a-z]")
_STATE_SIDE_BEFORE = re.compile(r"\b(?:ruling|governing|pro-government|state)\s+(?:\w+\s+)?$")


def _body_named(m: Mention) -> str:
    """The body a mention names: its actor for a name, the capitalised words of a role
    mention ("the so-called River Guard movement" -> "River Guard"), else ""."""
    if m.via == "name":
        return m.actor
    caps = _ROLE_BODY_NAME.match(m.mention) if m.via == "role" else None
    return caps.group(1).strip() if caps else ""


def _body_called(text: str, index: SpanIndex, pos: int, noun: str, *, back: int = 12, ahead: int = 39) -> Mention | None:
    """The named body "the <noun>" refers to at ``pos``: the nearest one before that can be
    called so ("the union's leader"), else the first one after (a quote-led story names the
    guild only later); "group" also takes any non-state body."""
    i = bisect.bisect_left(index.starts, pos) - 1
    for k in [*range(i, max(-1, i - back), -1), *range(i + 1, min(len(index.items), i + 1 + ahead))]:
        x = index.items[k]
        if x.actor_kind == "institution" and x.via == "name" and (
                called_by(text, x, noun) or (noun == "group" and x.camp != "state")):
            return x
    return None


def called_by(text: str, body: Mention, noun: str) -> bool:
    """Can ``body`` be called "the <noun>"? By a head word of its name ("the union" for the
    Union of Locomotive Drivers) or by what an appositive calls it ("Varholm Forward, a
    movement of residents," is "the movement")."""
    return noun in body_heads(body.actor) or bool(re.match(
        rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b", text[body.end:body.end + 80]))


def body_heads(actor: str) -> set[str]:
    """The head nouns a body can be called by ("Union of Locomotive Drivers" -> union,
    drivers): its last word and every organisation word in its name, lower case."""
    words = actor.split()
    # Only a possessive ending goes ("Miners' ", "Women's"): "Trade Unions" is no "union".
    return {re.sub(r"['’]s?$", "", words[-1].lower())} | {w.lower() for w in words if w in _ORG_HEADS} if words else set()


_LEADS_BODY = re.compile(r",\s+(?:\d{1,3},\s+)?(?:(?:an?|the)\s+[^,;.()“”\"«»]{0,50}?\s+)?who\s+(?:[^,;.()“”\"«»]{0,80}?\s+and\s+)?"
                         r"(?:now\s+)?(?:has\s+|had\s+)?"
                         r"(?:leads|led|chairs|chaired|heads|headed|runs|founded|co-founded|represents|speaks\s+for|coordinates)\s+")


# After a minister's title: "of Energy Bogumir Selvanyk", "for Social Protection Raisa Orbuch"
_PORTFOLIO_NAME = re.compile(rf"[ \t]+(?:of|for)[ \t]+((?:[{UPPER}][{LOWER}]+[ \t]+(?:and[ \t]+)?){{1,3}}[{UPPER}][\w’'-]+"
                             rf"(?:[ \t]+[{UPPER}][\w’'-]+){{0,2}})\b")
# "X, whose Green Valleys party is in opposition nationally", "whose Civic Alliance runs the
# town council and sits in opposition in the national parliament"
_WHOSE_PARTY_SIDE = re.compile(r",\s+whose\s+(?:[A-Z][\w’'-]*\s+){1,4}(?:party\s+|movement\s+|alliance\s+|bloc\s+)?"
                               r"(?:[^,.;]{0,60}?\s+)?(?:is|was|sits|has\s+been)\s+(?:now\s+)?in\s+(opposition)\b")
_WHOSE_BEFORE = re.compile(r",?\s+whose\s+(?:[a-z-]+\s+){0,2}$")
# "who speaks for the assembly, said": a body referred to by its head noun alone (not "the
# council that organised the blockade", described in place).
_THE_NOUN = re.compile(r"the\s+([A-Za-z]+)(?=['’]s\s|\s*[,.;]|\s+(?:and|in|at|since|on|for\s+\w+\s+years)\b)")


def _body_after_name(text: str, end: int, index: SpanIndex) -> Mention | None:
    """The body named right after a person: "X of the Torvik School", "X, of the Karstadt
    Institute,", "X, a hydrologist at Velsmere Technical University"."""
    desc = DESC_TO_BODY.match(text, end)
    if desc and desc.group(1) in ("at", "of", "from", "with") and _LEADS_BODY.match(text, end):
        # "X, a driver from the port city of Tamsk who speaks for the assembly": the body led
        desc = None
    if desc and desc.group(1) in ("at", "of", "from", "with"):
        body, gap = index.first_starting_from(desc.end() - 1), desc.end()
        near = 4
    elif _OF_BODY.match(text[end:end + 12]):
        body, gap, near = index.first_starting_from(end), end, 32
    elif _LEADS_BODY.match(text, end):
        # "Peregrine Kellaway, who leads the Harbour Alliance group on the city council"
        lead = _LEADS_BODY.match(text, end)
        body, gap, near = index.first_starting_from(lead.end()), lead.end(), 5  # "the " may start the mention or not
        noun = _THE_NOUN.match(text, lead.end())
        if noun and (body is None or body.start - gap >= near):
            # "who speaks for the assembly": the nearest body before that can be called so
            return _body_called(text, index, end, noun.group(1).lower(), back=30, ahead=0)
    else:
        return None
    if body is not None and body.actor_kind == "institution" and body.start - gap < near:
        return body
    return None


def _body_of_description(descs: list[str], acronyms: dict[str, Mention], index: SpanIndex,
                         pos: int, text: str) -> Mention | None:
    """The body a description ties a person to: an acronym given earlier ("ITU president"),
    or a body named by its head noun ("federation leader", "the union's vice-president") -
    the most recent body before ``pos`` whose name ends in that noun."""
    for desc in descs:
        for w in re.findall(r"\b[A-Z]{2,8}\b", desc):
            if w in acronyms:
                return acronyms[w]
        noun = _BODY_NOUN.search(desc)
        if noun and re.search(r"(?:^|\b(?:the|its|their|this|that|a|an))\s*$", desc[:noun.start()], re.I):
            # "the union's vice-president", but not "the strike committee" (a description)
            head = noun.group(1).lower()
            best = None
            for x in index.within(max(0, pos - 3000), pos + 200):
                if x.via == "role" and x.camp == "foreign":
                    continue  # "the union's president" is not the European Union's
                heads = body_heads(x.actor) if x.actor_kind == "institution" else set()
                if head in heads or head + "s" in heads:
                    if best is None or abs(x.start - pos) < abs(best.start - pos):
                        best = x
            if best is not None:
                return best
    return None


_PARTY_IN_PARLIAMENT = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?,\s+(?:which|whose)\s+[^.;]{0,80}?\b(?:seats?|deputies|lawmakers|MPs|legislators)\b")


_ORGANISED_BY = re.compile(
    rf"\b{_PROTEST_EVENT}\b[^.;]{{0,120}}\b(?:organi[sz]ed|called|led|staged|coordinated)\s+by\s+(?:the\s+)?(?:so-called\s+)?"
    r"(?-i:[A-Z][\w’'-]*\s+(?:(?:the|of|for|our)\s+)?){0,3}$", re.I)  # "organised by Save the Orlanne"


_UNION_LEADS = re.compile(rf"\b[Tt]he\s+(?:union|federation|guild)\s+(?:that\s+is\s+|which\s+is\s+)?(?:leading|behind|organi[sz]ing|"
                          rf"(?:that|which)\s+(?:called|organi[sz]ed|is\s+leading|leads))\s+(?:the\s+|a\s+|this\s+)?(?:[\w-]+\s+){{0,2}}?"
                          rf"{_PROTEST_EVENT}\b")
_JOINS_PROTEST = re.compile(
    rf"(?:\s*\([A-Z]{{2,8}}\))?(?:,\s+(?:an?|the)\s+[^;.]{{0,100}}?)?,?\s+(?:(?:which|that|whose\s+members)\s+)?(?:has\s+|have\s+|had\s+)?"
    rf"(?:joined\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_PROTEST_EVENT}|protesters|marchers|strikers|occupiers)\b"
    rf"|urged\s+[^.;]{{0,60}}?\bto\s+join\b|called\s+on\s+[^.;]{{0,60}}?\bto\s+join\b|been\s+on\s+strike|gone\s+on\s+strike|"
    rf"went\s+on\s+strike|walked\s+out)")
_MARCHED_BEHIND = re.compile(r"\b(?:marched|walked|rallied|gathered)\s+(?:behind|under)\s+(?:the\s+)?(?:banners?\s+of\s+(?:the\s+)?)?$")
_PROTESTERS_MEMBERS = re.compile(r"\b(?:marchers|protesters|demonstrators|strikers|hunger\s+strikers|occupiers|detainees|"
                                 r"those\s+detained)\s+(?:are|were|include|included)\s+(?:\w+\s+){0,2}?members\s+of\s+(?:the\s+)?$", re.I)
_ROLE_BEFORE_BODY = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?([a-z-]+),\s+(?:the\s+)?$")
_PARTY_BEFORE = re.compile(r"\b[Tt]he\s+(?:main\s+|largest\s+)?(?:ruling|governing|opposition)\s+(?:party|alliance|movement|bloc|coalition)\s+$")
_SIDE_BEFORE_BODY = re.compile(r"\b[Tt]he\s+(?:main\s+|largest\s+|biggest\s+)?(ruling|governing|opposition|state-run|state-owned|"
                               r"government-run|government-owned)\s+(?:(?:party|alliance|movement|bloc|coalition|group)\s+)?"
                               r"(?:[A-Z][\w’'-]*\s+){0,3}$")
# "The organisers, the Independent Hauliers' Association (IHA), said": a body named as the
# organisers of the protest the story is about.
_ORGANISERS_BEFORE = re.compile(r"\b(?:[Tt]he\s+(?:[\w-]+['’]s\s+)?|[Ii]ts\s+|[Tt]heir\s+)(?:protest\s+|march\s+|rally\s+|strike\s+)?"
                                r"organi[sz]ers,\s+(?:the\s+)?$")  # also "The march's organisers, the X,"


_PART_OF_STATE = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?,\s+(?:which|that)\s+(?:is|was|operates\s+as)\s+(?:part|an?\s+(?:arm|body|agency|unit|branch|department))\s+of\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:Ministry|Government|government|ministry|Presidency|Office|Cabinet)\b")


# "X, the state-owned utility whose board is appointed by the Energy Ministry", "X, which is
# wholly owned by the state": a state company (codebook, section 5).
_STATE_OWNED_AFTER = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?,\s+(?:(?:the|an?|its)\s+[^,;.()]{0,80}?)?(?:\bstate-owned|\bstate-run|\bgovernment-owned|"
    r"\bpublicly\s+owned|\b(?:whose|which|that)\s+(?:[a-z-]+\s+)?(?:board|management|director(?:\s+general)?|"
    r"chief\s+executive|head|chairman|chairwoman)\s+(?:is|are|was|were)\s+appointed\s+by\s+the\s+"
    r"(?:government|president|cabinet|state|[A-Z][\w-]*|[a-z]+\s+ministry)|"
    r"\b(?:which|that)\s+is\s+(?:wholly\s+|fully\s+|majority[- ])?owned\s+by\s+the\s+(?:state|government))")
# "the Haldesk Teachers' Union (HTU), which called the action last week"
_ORG_ACTION = re.compile(
    r"^(?:\s*\([A-Z]{2,8}\))?,\s+(?:which|that)\s+(?:has\s+|had\s+)?(?:called|organi[sz]ed|staged|began|started|"
    r"launched)\s+(?:the|this|its)\s+(?:industrial\s+|strike\s+|protest\s+)?action\b")


def _org_context_camp(after: str) -> str:
    """Camp of a named body from what follows it: "X, which organised the blockade"
    (opposition: organisers of a protest), "X, the largest opposition party", "X, the ruling
    party", "X, the state-owned utility" (state)."""
    if _ORG_OPPOSITION.match(after) or _ORG_ACTION.match(after):
        return "opposition"
    if _PART_OF_STATE.match(after) or _STATE_OWNED_AFTER.match(after):
        return "state"  # "The State Land Registry, which is part of the Justice Ministry"
    seats = _PARTY_IN_PARLIAMENT.match(after)
    if seats and not re.search(r"\b(?:ruling|governing|majority|coalition)\b", seats.group(0)):
        return "opposition"  # a party in parliament that is not the ruling one
    app = _ORG_APPOSITIVE.match(after)
    if app:
        return "opposition" if app.group(1) == "opposition" else "state"
    return ""


class _Names:
    """First mention by actor and by last word, to resolve "of X" relations in O(1)."""

    def __init__(self, mentions: list[Mention]):
        self.first: dict[str, Mention] = {}
        for m in mentions:
            for key in (m.actor, m.actor.split()[-1] if m.actor else "", m.mention.split()[-1] if m.mention else ""):
                if key and key not in self.first:
                    self.first[key] = m

    def get(self, s: str) -> Mention | None:
        if s in self.first:
            return self.first[s]
        words = s.split()
        for i in range(1, len(words) - 1):  # "Belmoran Smallholders' Union" -> "Smallholders' Union"
            if " ".join(words[i:]) in self.first:
                return self.first[" ".join(words[i:])]
        if words[-1] in _ORG_HEADS:
            # "Union" alone could be any union: only the full name resolves, or the one body
            # whose name holds it ("the Fund's chairman" after "the State Pension Fund of X")
            inside = {m.actor: m for m in self.first.values()
                      if m.actor_kind == "institution" and m.via == "name" and f" {s} " in f" {m.actor} "}
            return next(iter(inside.values())) if len(inside) == 1 else None
        found = [m for m in (self.first.get(s), self.first.get(s.split()[-1])) if m is not None]
        return min(found, key=lambda m: m.start) if found else None


# "the consumers' group Fair Deal", "the rights organisation Clear Lens": a body noun right
# before a name makes it a body's name.
_BODY_NOUN_BEFORE = re.compile(r"\b(?:group|association|movement|campaign|network|coalition|organi[sz]ation|charity|"
                               r"foundation|initiative|watchdog|collective|NGO|platform)\s+$")
_BODY_APPOSITIVE = re.compile(
    r",\s+(?:an?|the)\s+(?:(?!(?:of|for|to|at|in|with|from|on|by)\b)[\w'’-]+\s+){0,4}?"
    r"(?:association|movement|group|party|union|federation|committee|"
    r"coalition|organi[sz]ation|network|campaign|alliance|council|society|foundation|charity|NGO|collective|"
    r"initiative|platform|club|confederation|syndicate|watchdog|monitor|pollster|institute|think[ -]tank)"
    r"(?=\s*[,.;:]|\s+(?:that|which|who|of|for|in|based|founded|set\s+up|representing|campaigning)\b)")
# After a name, an acronym in parentheses or ", which" (people take "who") marks a body:
# "The United Nursing Staff of Lunaria (UNSL), which called the strike".
_BODY_CUE = re.compile(r"(?:[ \t]+of[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*)?(?:[ \t]*\([A-Z]{2,8}\)|,[ \t]+which\b)")
_BODY_TAIL = re.compile(r"(?:['’]s)?[ \t]+(?:mission|delegation|secretariat|observers|monitors)\b")
_ACRONYM_AFTER = re.compile(r"[ \t]+([A-Z]{2,6})\b(?![’'-])")
_ORG_NAME_TAIL = re.compile(r"[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*"
                            r"(?:[ \t]+(?:(?:of|for|on|and)[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]*)*")
_AFTER_ORG_HEAD = re.compile(r"\b([A-Z][a-z]+)\s+(?:for|of|on)\s+(?:the\s+)?$")
_AND_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[ \t]+and[ \t]+$")
# "Union of Metro Workers": a plural group word after a head and capitalised words is part of the name.
_AFTER_ORG_HEAD_CAPS = re.compile(r"\b([A-Z][a-z]+)\s+(?:for|of)\s+(?:[A-Z][\w’'-]*\s+(?:and\s+)?){1,3}$")
_APPOSED = re.compile(r",\s*(?:(?:the|an?|its|their)\s+)?(?:[a-z-]+\s+){0,2}")
_AFTER_PREP = re.compile(r"\b(?:to|in|at|into|from|before|by|with|against|outside|inside|near|behind|opposite|"
                         r"towards?|past|around|across|through|beside|onto)\s+(?:the\s+|a\s+)?$", re.I)


# Nouns a body is called by in "the union's leader" (lower case).
_BODY_NOUNS = frozenset({"group", "movement", "committee", "campaign", "network", "association", "union", "federation",
                         "coalition", "alliance", "organisation", "organization", "party", "bloc", "initiative",
                         "collective", "guild"})
_BODY_POSSESSIVE = re.compile(rf"\b(?:[Tt]he|[Tt]his)\s+({'|'.join(sorted(_BODY_NOUNS))})['’]s\s+$")


_PREV_SENTENCE_COUNTRY = re.compile(r"(?:^|[.!?][\"”’»]?\s+)(?:Neighbouring\s+|Neighboring\s+)?([A-Z][a-z]+)\s+"
                                    r"(?:on\s+[A-Z]\w+\s+)?(?:has\s+|have\s+|had\s+|also\s+)?[a-z]+\b[^.!?]{0,200}[.!?][\"”’»]?\s+$")


def _foreign_country_before(text: str, pos: int, cast: Cast, names: "_Names") -> bool:
    """Is the subject of the sentence before ``pos`` a country other than home, named by a
    single capitalised word ("Aldenia recalled its ambassador.", "Istrenne has gone further.")?"""
    m = _PREV_SENTENCE_COUNTRY.search(text, max(0, pos - 300), pos)
    if not m:
        return False
    word = m.group(1)
    country = cast.country_of(word)
    if country:
        return country != "HOME"
    known = names.get(word)
    # Unknown to the lists: a country only if the text names it as nothing else (a lone
    # capitalised word is no person's full name).
    return (word not in _STOP_CAPS and word.lower() not in cast.roles
            and (known is None or (known.actor_kind == "person" and known.via == "name"
                                   and len(known.mention.split()) <= 2 and known.actor.endswith(word)
                                   and not any(w.lower() in cast.first_names for w in known.mention.split()))))


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence around ``pos`` (after the last ". ", "? ", "! " or line break)."""
    if pos <= 0:
        return 0
    j = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos), text.rfind("\n", 0, pos))
    return j + 1 if j >= 0 else 0


def _blank_before(text: str, pos: int) -> int:
    """``pos`` moved back over the blanks before it."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def previous_subject(text: str, index: SpanIndex, start: int) -> Mention | None:
    """The body that opens the sentence before the one starting at ``start`` ("The opposition
    Verdant party accused the government ... . Its leader"; "The Pelloran Medical Chamber, ...,
    did not take part. It said"), or None."""
    end = _blank_before(text, start)
    ps = _sentence_start(text, end - 1)
    first = index.first_starting_from(ps)
    if first is not None and first.via == "role" and first.mention.lower().split()[-1] in ("opposition", "ruling", "governing"):
        after = index.first_starting_from(first.end)
        if after is not None and after.start - first.end <= 1:
            first = after  # "The opposition Verdant party"
    if (first is not None and first.end <= end and first.actor_kind == "institution"
            and re.fullmatch(r"\s*(?:[\"“«]\s*)?(?:The\s+)?(?:[\w’'-]+\s+){0,2}", text[ps:first.start])):
        return first
    return None


def _owner(pronoun: str, index: SpanIndex, pos: int, text: str = "") -> str | None:
    """Actor a possessive pronoun points back to: its -> institution, his/her -> person,
    their -> group; searching back a few mentions."""
    i = bisect.bisect_left(index.starts, pos) - 1
    # "Its" points into this sentence or the one before, not to a body three sentences back.
    limit = -1
    if text and pronoun == "its":
        k = _sentence_start(text, pos)
        limit = _sentence_start(text, _blank_before(text, k) - 1)
        subject = previous_subject(text, index, k) if not text[k:pos].strip(" \"“”«»") else None
        if subject is not None:
            # "The opposition Verdant party ... accused the government of .... Its leader, X":
            # the subject of the sentence before, not the last body named in it
            return subject.actor
    for k in range(i, max(-1, i - 7), -1):
        x = index.items[k]
        if x.end > pos:
            continue
        if x.start < limit:
            return None
        if text and x.via == "role" and _AFTER_PREP.search(text[max(0, x.start - 12):x.start]):
            continue  # "go to court ... its leader": a body after a preposition owns nothing here
        if pronoun == "its" and x.actor_kind == "institution":
            head = index.items[k - 1] if k > 0 else None
            if (x.via == "role" and head is not None and head.actor_kind == "institution"
                    and head.via == "name" and _APPOSED.fullmatch(text[head.end:x.start])):
                return head.actor  # "the Dossian Democratic Party, the largest opposition party"
            return x.actor
        if pronoun in ("his", "her") and x.actor_kind == "person" and x.via in ("name", "alias") \
                and x.gender in ("", "m" if pronoun == "his" else "f"):
            return x.actor
        if pronoun == "their" and x.number == "pl":
            return x.actor
    return None


def _resolve_name(s: str, names: _Names, cast: Cast) -> Mention | None:
    s = re.sub(r"^the\s+", "", s.strip(), flags=re.I)
    if not s:
        return None
    m = names.get(s)
    if m is not None:
        return m
    if s in cast.aliases:
        a = cast.actors[cast.aliases[s]]
        return Mention(0, 0, s, a.name, a.camp, a.kind, a.gender)
    return None


_PROTEST_OWNER = re.compile(
    r"\b(?:(?:protest|strike|occupation|sit-in|blockade|march|rally|hunger\s+strike)\s+(?:committee|camp|movement|organisers?)"
    r"|(?:camp|protest|strike|occupation|sit-in|blockade|march|rally)['’]s)\b")


def _org_camp(phrase: str, cast: Cast, marker: str = "") -> str:
    """Camp of a named body from its own words ("Central Referendum Commission" -> state,
    "the opposition Unity Front" -> opposition); '' when its name does not say."""
    words = phrase.split()
    if not any(w.strip("'’s") in _ORG_HEADS or w in _ORG_HEADS for w in words):
        return ""
    if _association_name(words):
        return ""  # "National Parents' Council": its members' body; the text decides
    hit = cast.role_regex.search(phrase.lower())
    if hit:
        return _camp_for_role(cast.roles[_role_key(hit.group())], marker)
    if any(w in _GOV_HEADS for w in words) or _state_by_name(words):
        return "foreign" if marker and marker != "HOME" else "state"
    return ""


def _describe(desc: str, cast: Cast, names: _Names) -> tuple[str, str, str]:
    """Camp, role head and relation of a description ("a Navalny ally based outside Russia")."""
    role_re = cast.role_regex
    found = list(role_re.finditer(desc))
    if not found:
        return "", "", ""
    # "the foundation's director": the possessor is not the head.
    heads = [x for x in found if not re.match(r"['’]s\b", desc[x.end():])] or found
    # The head of the description is the first role followed by a preposition, a participle
    # or the end ("a lawyer representing twelve activists", "Kremlin critic"); else the longest.
    np_heads = [x for x in heads if re.match(r"\s*(?:$|,|\s(?:of|for|to|at|in|from|with|on|who|whose|based|representing|"
                                               r"working|leading|running|close)\b)", desc[x.end():])
                and not re.search(r"\b(?:in|at|to|from|by|with|of|for|on|leads|heads|chairs|runs)\s+(?:the\s+|a\s+|an\s+)?$",
                                  desc[:x.start()])]  # "who leads ... in parliament": parliament is no head
    m = np_heads[0] if np_heads else max(heads, key=lambda x: len(x.group()))
    head = _role_key(m.group())
    role = cast.roles[head]
    before = desc[:m.start()].split()
    marker = _country_marker(before, cast)
    camp = _camp_for_role(role, marker)
    if camp == "state" and any(w.lower() == "former" or w.lower().startswith("ex-") for w in before):
        camp = ""  # "a former judge": no longer speaks for the state
    of = ""
    rel = re.match(r"\s+(?:of|for|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", desc[m.end():])
    poss = [w for w in before if w[:1].isupper() and w not in _STOP_CAPS and not cast.country_of(w)]
    if role.relational:
        of = rel.group(1) if rel else (poss[-1].rstrip("'s’") if poss else "")
        body = " ".join(poss) if not rel and len(poss) >= 2 else ""
        org = _org_camp(body, cast, marker) if body else ""
        if org:
            # "Central Referendum Commission chairwoman": the body before the role decides.
            camp = org if role.inherits else camp
            of = body
        elif of:
            t = _resolve_name(of, names, cast)
            if t is not None and role.inherits:
                camp = t.camp or camp
                of = t.actor
            elif t is None and role.inherits:
                # "the leader of the Free Ostrava movement": the body's own role word.
                tail = role_re.search(desc[m.end():])
                if tail:
                    camp = _camp_for_role(cast.roles[_role_key(tail.group())], marker)
    if head == "critic" and poss:  # "Kremlin critic": a critic of the state
        camp = "opposition"
    if role.inherits and any(x.end() <= m.start() and cast.roles[_role_key(x.group())].camp == "foreign"
                             and cast.roles[_role_key(x.group())].kind == "institution" for x in found):
        camp = "foreign"  # "the OSCE Representative on Freedom of the Media", "a UN envoy"
    owner_noun = (re.search(r"(?:^|\b(?:the|its|their|his|her)\s+)([a-z]+)['’]s\s*$", desc[:m.start()], re.I)
                  or re.match(r"\s+(?:of|for|to)\s+the\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\b(?!\s+[A-Z])", desc[m.end():]))
    if role.inherits and owner_noun and not of:
        # "the group's spokesman", "a spokesman for the committee": the owner's camp, not the
        # role's default (a spokesman is the state's only when nothing says whose)
        noun = owner_noun.group(1).lower().split()[-1]  # "the statistics office" -> office
        owner_role = cast.roles.get(noun)
        camp = (_camp_for_role(owner_role, marker) if owner_role is not None
                else ("foreign" if marker and marker != "HOME" else "state") if noun.capitalize() in _GOV_HEADS
                else "")
    if role.family and owner_noun and not of:
        owner_role = cast.roles.get(owner_noun.group(1).lower().split()[-1])
        if owner_role is not None and owner_role.camp == "opposition":
            camp = "opposition"  # "the activist's mother", "the father of a jailed protester"
    side = re.match(r"\s+(?:of|for|to|in)\s+(?:the\s+)?(?:main\s+|largest\s+|biggest\s+)?(ruling|governing|opposition)\b",
                    desc[m.end():])
    if role.inherits and side:
        camp = "opposition" if side.group(1) == "opposition" else "state"  # "leader of the ruling X party"
    if role.relational and _PROTEST_OWNER.search(desc):
        camp = "opposition"  # "one of the camp's spokespeople", "a spokeswoman for the strike committee"
    return camp, head, of
