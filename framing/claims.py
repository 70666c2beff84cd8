"""Claims: who says what, attributed to a speaker and a camp.

A claim is a statement, accusation, appeal, demand or evaluation the text
attributes to an identifiable source, through a reporting cue or as a direct
quotation whose speaker is clear (``docs/codebook.md`` is the unit written down).
The extractor works paragraph by paragraph with linear-time scans and no parser:

1. quote spans are paired per paragraph (straight, curly, guillemets; a quote
   that runs over paragraphs with an opening mark on each is one span; an
   unbalanced opening mark ends at its paragraph, never swallowing the rest);
2. reporting cues (``framing/data/reporting_verbs.csv``) outside quotes are found;
3. each cue gets a speaker: the mention right before it (over auxiliaries,
   adverbs and appositives: "Leonid Volkov, a Navalny ally based outside Russia,
   called on"), after it ("said Interior Minister X", "according to X"), the
   subject of a relative or causative ("who says", "prompted the ministry to
   accuse"); pronouns and descriptions resolve to a named actor in context;
4. the content is the adjacent quote, or the clause the cue governs; later quotes
   in the paragraph without a cue of their own join it; a paragraph that is only a
   quote is a continuation by the previous quote's speaker.

>>> from framing.claims import extract_claims
>>> text = 'Opposition leader Marta Vell urged people to march. "We are not afraid," she said.'
>>> rows = extract_claims(text, [{"region": "body", "paragraph": 0, "start": 0, "end": len(text)}])
>>> [(r["speaker"], r["camp"], r["kind"], r["cue"]) for r in rows]
[('Marta Vell', 'opposition', 'indirect', 'urged'), ('Marta Vell', 'opposition', 'direct', 'said')]
"""
from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from framing import paths
from framing.actors import DESC_TO_BODY, LOWER, UPPER, _PRONOUNS, _org_context_camp, _sentence_start, previous_subject, _PROTEST_EVENT, _STOP_CAPS, Cast, body_heads, called_by, Mention, default_cast, find_mentions, link_mentions
from framing.text import SpanIndex, sentences as split_sentences


@dataclass(frozen=True)
class Cue:
    form: str
    cls: str
    frame: str


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> dict[str, Cue]:
    """Reporting cues from ``framing/data/reporting_verbs.csv`` (form -> Cue)."""
    p = paths.DATA / "reporting_verbs.csv" if path is None else path
    lines = [ln for ln in open(p, encoding="utf-8").read().splitlines()
             if ln.strip() and not ln.startswith("#")]
    return {r["form"].strip().lower(): Cue(r["form"].strip().lower(), r["class"].strip(), r["frame"].strip())
            for r in csv.DictReader(lines)}


@lru_cache(maxsize=4)
def _cue_regex(forms: tuple[str, ...]) -> re.Pattern:
    # Case-sensitive: "States" in "United States" is no cue; "According to" may open a sentence.
    variants = set(forms) | {f[:1].upper() + f[1:] for f in forms if f.startswith("according")}
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


OPENERS = {'“': '”', '«': '»', '„': '“', '‘': '’'}
CLOSERS = {'”', '»'}

# Words that may stand between a subject and its cue.
_SKIP = re.compile(
    r"^(?:\s|,|also|later|again|repeatedly|previously|earlier|separately|then|now|once|"
    r"has|have|had|would|will|was|were|is|are|did|does|do|could|can|may|might|must|should|"
    r"been|being|not|never|already|still|publicly|recently|angrily|flatly|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:on|in)\s+a\s+(?:statement|post|interview|letter|video)(?:\s+on\s+\w+)?|"
    r"in\s+(?:a|an|the)\s+\w+\s+\w+|"
    r"last\s+\w+|this\s+\w+|yesterday|today|"
    r"(?-i:in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)|"  # "a police spokesman in Orlek said"
    r"who|which|that)*$", re.I)
# Between a head and what it belongs to: " of the", ", of the Karstadt Institute for".
_OF_GAP = re.compile(r"(?:,\s+\d{1,3})?,?\s+(?:of|for|to|at|from|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}"
                     r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?)*")
_OF_TAIL = re.compile(r",?\s+(?:of|for|at|from)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w’'.-]*"
                      r"(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w’'.-]*)*,?")
_BODY_NOUN_TAIL = re.compile(r"\s+(?:alliance|party|movement|coalition|bloc|group|front|union|federation|committee|"
                             r"association|network|campaign)\b")
# The last ", who" / ", which" opening a clause with no comma after it (search from the end).
# ", who ..." or ", a former minister who ...": the relative clause may sit inside an appositive.
_REL_OPEN = re.compile(r",\s+(?:(?:an?|the)\s+[^,;:\"“”]{0,60}?\s+)?(?:who|which|whose)\s+[^,;:\"“”]*$")
# The clause before ", the state fuel distributor whose ..." is only a capitalised name.
_BARE_SUBJECT = re.compile(r"(?:(?<=[.!?])\s+|\n)?\s*(?:The\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s*")
_BODY_WORDS = re.compile(r"\b(?:company|firm|distributor|operator|utility|agency|body|group|network|organi[sz]ation|"
                         r"association|union|party|movement|council|committee|authority|regulator|broadcaster|"
                         r"channel|bank|fund|producer|supplier|carrier|railway|airline|mine|combine|plant|"
                         r"refinery|maker|manufacturer|developer|lender|insurer|board)\b")
# Between an inverted cue and its subject: 'said the group's lawyer, X', 'said Mr X'.
_INVERTED_GAP = re.compile(r"[\s,]*(?:(?:the|a|an|his|her|its|their)\s+)?(?:[a-z][\w-]*['’]s\s+)?(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?")
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?\"”’»)\n]|$|\s*(?:on|in|at|to|during|after|before|who|from|of|and|as|when|while|outside|late|earlier|later|yesterday|today)\b)")
_OBJECT_PRONOUNS = {"him": "m", "her": "f"}
# Coordinated verbs share the subject: "the crowd released white balloons and chanted".
_COORDINATED_GAP = re.compile(r"^\s+[a-z]+(?:ed|ent|ook|ew|ame|ave|ood|an|at|ang|old|ore)\b[^,.;:!?\"“”«»]{0,60}?\s+and\s+(?:then\s+)?$")
# The events of framing.actors (protests, marches, strikes, ...), plus others someone "calls".
_PROTEST_SUBJECT = re.compile(rf"\b(?:{_PROTEST_EVENT}|readings?|watch|processions?|convoys?|commemorations?)"
                              r"\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+$", re.I)
# "The Front has called another protest", "called a general strike": a call to protest; not
# "called the strike 'illegal'" or "called the occupation a crime" (naming it, evaluative).
_CALLED_PROTEST = re.compile(rf"\s+(?:a|an|another|the|new|fresh|further|its|their)\s+(?:[\w-]+\s+){{0,2}}?"
                             rf"(?:{_PROTEST_EVENT}|stoppages?)\b(?!\s*(?:[\"“«‘'’]|as\b|an?\s|the\s))", re.I)
# "called the blockade a test of ...", "called him a traitor": naming, evaluative.
_CALLED_NAMING = re.compile(r"\s+(?:(?:the|its|their|his|her|this|that)\s+)?(?:[\w-]+\s+){1,3}?(?:a|an)\s+\w")
_QUANTITY = re.compile(r"\s*(?:(?:about|around|some|more|than|over|nearly|several|hundreds|thousands|dozens|tens|of|a|"
                       r"few|many|the|\d[\d,.]*)\s+)+", re.I)
_APPOSITIVE_GAP = re.compile(r"^,\s+[^,;:\"“”]{2,100},\s*(?:who\s+)?$")
# A speech event that did not happen carries no content (codebook): "has not said whether".
_BARE_WORD = re.compile(rf"([{UPPER}][{LOWER}]+(?:[-'][{UPPER}]?[{LOWER}]+)?|[{UPPER}]{{2,6}})\s+(?:\w+ly\s+)?$")
_RELATIVE_OBJECT = re.compile(r"\b(?:which|that|what)\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?$")
_NAMED_AS = re.compile(r"\s+(?:(?:an?|the)\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\b")
_DOCUMENT_BY = re.compile(r"\s+(?:a|an|the|its)\s+(?:new\s+|recent\s+|latest\s+)?(?:study|report|survey|analysis|poll|review|audit)\b"
                          r"[^.;:\"“”]{0,60}?\bby\s+(?:the\s+)?")
_NO_SPEECH = re.compile(r"\b(?:not|n't|never|declined\s+to|refused\s+to|yet\s+to)\s+(?:\w+ly\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+ly\s+)?$", re.I)
_DISTANCING = re.compile(
    r"\bwhat\s+(?:\w+\s+){1,3}(?:said|says|say|claimed|claims|called|described)\s+(?:was|were|is|are|as)\b"
    r"|\b(?:says|said|claims|claimed)\s+(?:was|were|is|are)\b|\bso-called\b|\balleged(?:ly)?\b", re.I)


@dataclass
class QuoteSpan:
    start: int
    end: int  # exclusive, includes the closing mark


def quote_spans(text: str, regions: list[dict]) -> list[QuoteSpan]:
    """Pair quote marks paragraph by paragraph; multi-paragraph quotes become one span."""
    spans: list[QuoteSpan] = []
    doubles = any(c in text for c in '"“”«»„')
    carry: QuoteSpan | None = None
    for reg in regions:
        s0, e0 = reg["start"], reg["end"]
        block = text[s0:e0]
        open_at = -1
        closing = ""
        for i, ch in enumerate(block):
            if ch == '"':
                if open_at < 0:
                    # an opening straight quote is at a word start
                    if i + 1 < len(block) and not block[i + 1].isspace():
                        open_at, closing = i, '"'
                elif closing == '"':
                    spans.append(QuoteSpan(s0 + open_at, s0 + i + 1))
                    open_at = -1
            elif ch in OPENERS and (doubles is False or ch != "‘") and open_at < 0:
                if ch == "‘" and i > 0 and block[i - 1].isalpha():
                    continue
                open_at, closing = i, OPENERS[ch]
            elif open_at >= 0 and ch == closing and closing != '"':
                if ch == "’" and i + 1 < len(block) and block[i + 1].isalpha():
                    continue  # an apostrophe
                spans.append(QuoteSpan(s0 + open_at, s0 + i + 1))
                open_at = -1
        if carry is not None:
            # The previous paragraph's quote went on: does this one open with a mark?
            if block[:1] in ('"', '“', '«', '„') and spans and spans[-1].start == s0:
                spans[-1] = QuoteSpan(carry.start, spans[-1].end)
                carry = None
            elif block[:1] in ('"', '“', '«', '„') and open_at == 0:
                carry = QuoteSpan(carry.start, e0)
                continue
            else:
                spans.append(carry)
                carry = None
        if open_at >= 0:
            # Unbalanced: the quote runs to the end of the paragraph, and on only if the
            # next paragraph opens with a quote mark (checked above on the next round).
            carry = QuoteSpan(s0 + open_at, e0)
    if carry is not None:
        spans.append(carry)
    spans.sort(key=lambda q: q.start)  # a carried span is appended after the next paragraph's
    return spans


@dataclass
class _Claim:
    region: str
    paragraph: int
    cue: str
    cue_start: int
    cue_end: int
    cue_class: str
    speaker: Mention | None
    start: int
    end: int
    via: str
    distancing: bool = False


class _Resolver:
    """Pronoun and description resolution, prepared in one pass over the mentions."""

    def __init__(self, mentions: list[Mention]):
        self.pronouns: dict[int, Mention] = {}
        self.by_role: dict[str, list[Mention]] = {}
        last: dict[str, Mention] = {}  # most recent person by gender ("m", "f", "" unknown)
        last_group: Mention | None = None
        last_inst: Mention | None = None
        for x in mentions:  # reading order
            if x.via == "pronoun":
                r = self._pronoun(x, last, last_group, last_inst)
                if r is not None:
                    self.pronouns[x.start] = r
                    if r.actor_kind == "person" and r.number == "sg":
                        last[r.gender] = r
                continue
            if x.actor_kind == "person" and x.number == "sg" and x.via in ("name", "alias"):
                last[x.gender] = x
                for role in x.extra.get("roles", set()) | ({x.role} if x.role else set()):
                    self.by_role.setdefault(role, []).append(x)
            elif x.via == "role" and x.number == "pl":
                last_group = x
            if x.actor_kind == "institution":
                last_inst = x

    @staticmethod
    def _pronoun(m, last, last_group, last_inst) -> Mention | None:
        gender, number = _PRONOUNS.get(m.mention.lower(), ("", "sg"))
        if number == "pl":
            ok = last_group is not None and m.start - last_group.end < 400
            return _as(m, last_group, "pronoun") if ok else None
        if gender == "n":
            return _as(m, last_inst, "pronoun") if last_inst is not None else None
        # The most recent compatible person: a name, or a pronoun already resolved.
        cands = [c for c in (last.get(gender), last.get("")) if c is not None]
        return _as(m, max(cands, key=lambda c: c.start), "pronoun") if cands else None

    def resolve(self, m: Mention, pos: int, *, forward: bool = False) -> Mention:
        """The named actor behind a pronoun or a description; ``forward`` lets a headline's
        "minister says" point to the minister named later in the body."""
        if m.via == "pronoun":
            return self.pronouns.get(m.start, m)
        if m.via == "role" and m.actor_kind == "person" and m.number == "sg":
            return self._description(m, pos, forward)
        return m

    def _description(self, m: Mention, pos: int, forward: bool = False) -> Mention:
        # "An ally of X" / "the spokeswoman": a named person with that role (and relation).
        best = None
        for x in self.by_role.get(m.role, ()):
            if m.of and m.of not in x.extra.get("of", set()):
                continue
            if m.definite and x.end > pos and not forward:
                continue  # "the spokeswoman" refers back
            if best is None or (x.end <= pos and (best.end > pos or x.end > best.end)):
                best = x
        return _as(m, best, "description") if best is not None else m


def _as(m: Mention, target: Mention, via: str) -> Mention:
    return Mention(m.start, m.end, m.mention, target.actor, target.camp, target.actor_kind,
                   target.gender, via, target.label, target.number, target.role, target.of)


def pronoun_mentions(text: str) -> list[Mention]:
    """Subject pronouns (he, she, they, it) as unresolved mentions."""
    out = []
    for m in re.finditer(r"\b(?:he|she|they|it|He|She|They|It)\b", text):
        g, n = _PRONOUNS[m.group().lower()]
        out.append(Mention(m.start(), m.end(), m.group(), m.group().lower(), "", "person" if g != "n" else "institution",
                           g if g in "mf" else "", "pronoun", number=n))
    return out


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (after ; : or a sentence start), not before lo."""
    seg = text[lo:pos]
    cut = max(seg.rfind(";"), seg.rfind(":"))
    return lo + cut + 1 if cut >= 0 else lo


def extract_claims(text: str, regions: list[dict], *, cast: Cast | None = None,
                   mentions: list[Mention] | None = None, sentences: list[dict] | None = None,
                   cues: dict[str, Cue] | None = None) -> list[dict]:
    """Claims of one article as records (the ``claims`` table's columns)."""
    cast = cast or default_cast()
    cues = cues or load_cues()
    if mentions is None:
        mentions = link_mentions(find_mentions(text, cast), text, cast)
    if sentences is None:
        sentences = split_sentences(text, regions)
    readable = [r for r in regions if r["region"] not in ("credit",)]
    spans = SpanIndex(quote_spans(text, readable))
    named = SpanIndex(mentions)
    pron = [p for p in pronoun_mentions(text) if named.at(p.start) is None and spans.at(p.start) is None]
    allm = SpanIndex(mentions + pron)
    resolver = _Resolver(allm.items)
    surnames = {m.actor.split()[-1]: m for m in mentions if m.actor_kind == "person" and m.via in ("name", "alias")}
    for m in mentions:  # one-word bodies ("TVT", "NetWatch") said again later, and acronyms
        if m.actor_kind == "institution" and len(m.actor.split()) == 1 and m.actor[:1].isupper():
            surnames.setdefault(m.actor, m)
        if m.actor_kind == "institution":
            acr = re.match(r"\s*\(([A-Z]{2,8})\)", text[m.end:m.end + 12])
            if acr:
                surnames.setdefault(acr.group(1), m)  # "the Brightmoor Confederation of Labour (BCL)"
    cue_re = _cue_regex(tuple(cues))
    sent_starts = [s["start"] for s in sentences]
    claims: list[_Claim] = []
    prev_quote_speaker: Mention | None = None
    covered_until = -1  # end of a multi-paragraph quote already attributed

    def sentence_of(pos: int) -> dict:
        i = max(0, bisect.bisect_right(sent_starts, pos) - 1)
        return sentences[i] if sentences else {"start": 0, "end": len(text), "sentence": 0}

    for reg in readable:
        if reg["region"] in ("subhead",):
            continue
        ps, pe, para = reg["start"], reg["end"], reg["paragraph"]
        para_quotes = spans.overlapping(ps, pe)
        found: list[_Claim] = []
        for cm in cue_re.finditer(text, ps, pe):
            if spans.at(cm.start()) is not None:
                continue
            form = re.sub(r"\s+", " ", cm.group().lower())
            cue = cues[form]
            c = _attribute(text, cm.start(), cm.end(), cue, allm, spans, sentence_of(cm.start()),
                           ps, pe, resolver, surnames, found[-1] if found else None, reg["region"],
                           found[-1] if found else (claims[-1] if claims else None))
            if c is None:
                continue
            c.region, c.paragraph = reg["region"], para
            found.append(c)
        for b in _banner_claims(text, ps, pe, allm, spans, resolver, sentence_of):
            # A slogan on a banner is a claim of those who carry it; it replaces a "said" cue
            # read on the banner itself ("a sign that said ...").
            found = [c for c in found if not (b.cue_start <= c.cue_start < b.cue_end)]
            b.region, b.paragraph = reg["region"], para
            found = sorted(found + [b], key=lambda x: x.cue_start)
        if reg["region"] == "headline":
            colon = _colon_headline(text, ps, pe, allm, found, resolver)
            if colon is not None:
                colon.region, colon.paragraph = reg["region"], para
                found = sorted(found + [colon], key=lambda x: x.cue_start)
        found = _dedupe(found)
        # An embedded cue ends the content of the claim before it: "... a court ruled he had
        # violated ... in a case he says was trumped up" -> the ruling stops at "he says".
        for a, b in zip(found, found[1:]):
            cut = min(b.speaker.start if b.speaker is not None else b.cue_start, b.cue_start)
            if a.start < cut < a.end and a.cue_start < cut:
                a.end = a.start + len(text[a.start:cut].rstrip(" ,"))
        # Quotes in the paragraph with no cue of their own join the claim before them.
        for q in para_quotes:
            if any(c.start <= q.start < c.end or (c.start <= q.start and q.end <= c.end) for c in found):
                continue
            owner = [c for c in found if c.cue_start < q.start]
            if owner:
                owner[-1].end = max(owner[-1].end, q.end)
        if not found and para_quotes and ps >= covered_until:
            quoted = sum(min(q.end, pe) - max(q.start, ps) for q in para_quotes)
            if quoted >= 0.5 * (pe - ps) and prev_quote_speaker is not None and reg["region"] == "body":
                q0 = para_quotes[0]
                end = max(q.end for q in para_quotes)
                found.append(_Claim(reg["region"], para, "", q0.start, q0.start, "neutral",
                                    prev_quote_speaker, max(q0.start, ps) if q0.start < ps else q0.start,
                                    end, "continuation"))
        for c in found:
            if c.end > pe:
                covered_until = max(covered_until, c.end)
            if c.speaker is not None:
                # A bare quote paragraph continues the most recent speaker (codebook).
                prev_quote_speaker = c.speaker
        claims.extend(found)
    return [_record(text, c, i, spans, sentence_of) for i, c in enumerate(claims)]


# "Marchers carried a banner that read '...'", "Their placards read: '...'", "The Crew's banner
# at the head of the march read «...»", "who held a placard reading '...'".
_BANNER = re.compile(r"\b(?:banners?|placards?|signs?|posters?|T-shirts?|slogans?)\b"
                     r"(?:,[^,.;:\"“”«»]{1,60},|[^.;:,\"“”«»]{0,60}?)\s+(?:(?:that|which)\s+)?(read|reads|reading|said|says|saying)"
                     r"\s*[:,]?\s*(?=[\"“«‘'])")
_CARRY = re.compile(r"(?:,\s+\d{1,3})?,?\s+(?:who\s+)?(?:\w+\s+){0,2}?(?:carried|carry|carrying|held|hold|holding|waved|waving|raised|"
                    r"raising|strung|hung|displayed|unfurled|put\s+up|held\s+up|brandished|wore|wearing|marched\s+with|"
                    r"walked\s+(?:\w+\s+){0,3}?with)\b")
_OWNER_PRONOUN = re.compile(r"\b([Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+)?$")


def _banner_claims(text: str, ps: int, pe: int, allm: SpanIndex, spans: SpanIndex, resolver: _Resolver,
                   sentence_of) -> list[_Claim]:
    """Slogans on banners and placards: claims of the group or person carrying them (codebook)."""
    out = []
    for m in _BANNER.finditer(text, ps, pe):
        q = spans.first_starting_from(m.end())
        if q is None or q.start - m.end() > 2:
            continue
        sent = sentence_of(m.start())
        ss = max(sent["start"], ps)
        pre = text[ss:m.start()]
        speaker = None
        own = _OWNER_PRONOUN.search(pre)
        poss = re.search(r"['’]s?\s+(?:[a-z-]+\s+)?$", pre)
        if own:
            word = own.group(1).lower()
            for x in reversed(allm.within(max(0, ps - 1500), ss + own.start())):
                x = resolver.resolve(x, x.start) if x.via == "pronoun" else x
                if ((word == "their" and (x.number == "pl" or x.actor_kind == "group"))
                        or (word == "its" and x.actor_kind == "institution")
                        or (word in ("his", "her") and x.actor_kind == "person" and x.number != "pl"
                            and x.gender in ("", "m" if word == "his" else "f"))):
                    speaker = x
                    break
        elif poss:
            speaker = allm.last_ending_by(ss + poss.start())
            if speaker is not None and speaker.end != ss + poss.start():
                speaker = None
        if speaker is None and not own:
            for x in reversed(allm.within(ss, m.start())):
                if _CARRY.match(text, x.end):
                    speaker = resolver.resolve(x, x.start) if x.via == "pronoun" else x
                    break
        if speaker is None:
            continue
        if speaker.camp in ("", "other") and speaker.actor_kind != "institution":
            speaker = replace(speaker, camp="opposition")  # carrying a banner: a protest participant
        cs, ce = m.start(1), m.end(1)
        out.append(_Claim("", -1, text[cs:ce], cs, ce, "neutral", speaker, q.start, q.end, speaker.via))
    return out


def _colon_headline(text: str, ps: int, pe: int, allm: SpanIndex, found: list[_Claim],
                    resolver: _Resolver) -> _Claim | None:
    """A telegraphic headline "Minister: 'The law stays'", "President Strom: unrest is
    foreign-funded": the speaker before the colon, the claim after it (cue ":")."""
    k = text.find(":", ps, pe)
    if k < 0 or not text[k + 1:k + 2].isspace():
        return None
    cl = max(text.rfind(";", ps, k), text.rfind(". ", ps, k), text.rfind(" - ", ps, k), ps - 1) + 1
    subj = text[cl:k].strip(" -;")
    if not subj or len(subj.split()) > 6 or any(cl <= f.cue_start < k for f in found):
        return None
    cands = [m for m in allm.within(cl, k + 1) if text[m.end:k].strip(" '’s") == ""]
    if not cands:
        # "...; union: 'We stay out'": a bare body noun, the body of that kind the story names
        body = _telegraphic_body(text, text[cl:k].lower() + " ", cl, k, allm)  # "Union: ..."
        if body is None:
            return None
        cands = [body]
    speaker = cands[-1]
    if speaker.via in ("pronoun", "role"):
        speaker = resolver.resolve(speaker, k, forward=True)
    end = min(i for i in (text.find(";", k, pe), pe) if i >= 0)
    start = k + 1 + (len(text[k + 1:end]) - len(text[k + 1:end].lstrip()))
    if end - start < 3:
        return None
    return _Claim("", -1, ":", k, k + 1, "neutral", speaker, start, end, speaker.via,
                  bool(re.search(r"\bso-called\b", text[start:end])))


def _dedupe(found: list[_Claim]) -> list[_Claim]:
    out: list[_Claim] = []
    for c in found:
        if out and c.cue_start < out[-1].cue_end:
            continue
        out.append(c)
    return out


def _chain_head(text: str, before: list[Mention], k: int) -> Mention:
    """The head of the noun phrase ending with ``before[k]``: "Nadia Ferro of the Torvik
    School", "Jarek Moll, head of the Smallholders' Union", "the Dossian Democratic Party,
    the largest opposition party"."""
    # "Isadora Kettlewell, a hydrologist at Velsmere Technical University, said": the
    # person, not the body at the end of her description.
    if (k > 0 and before[k - 1].actor_kind == "person" and before[k - 1].via in ("name", "alias")
            and DESC_TO_BODY.fullmatch(text[before[k - 1].end:before[k].start])):
        return before[k - 1]
    j, last = k, -1
    while j != last:
        last = j
        while j > 0:
            if _OF_GAP.fullmatch(text[before[j - 1].end:before[j].start]):
                j -= 1
            elif (j > 1 and text[before[j - 1].end:before[j].start] == " " and before[j - 1].via == "role"
                  and before[j - 1].actor_kind != "person"
                  and _OF_GAP.fullmatch(text[before[j - 2].end:before[j - 1].start])):
                j -= 2  # "leader of the opposition Liberal Commons party": "opposition" modifies
            else:
                break
        # A role in apposition after a name describes that name.
        if (j > 0 and before[j].via in ("role", "description")
                and (before[j - 1].via in ("name", "alias") or before[j - 1].actor[:1].isupper())
                and re.fullmatch(r",\s*(?:(?:the|an?|its|their)\s+)?(?:[a-z-]+\s+){0,2}", text[before[j - 1].end:before[j].start])
                and (before[j].actor_kind == before[j - 1].actor_kind or not before[j].definite
                     or re.match(r"(?:the|an?)\s", before[j].mention, re.I)
                     or re.match(r",\s*(?:the|an?)\s", text[before[j - 1].end:before[j].start]))):
            j -= 1
    if j < k and (before[j].actor_kind == "person" or before[j].via in ("role", "name", "alias")):
        return before[j]
    return before[k]


# Generic heads that stand for the most recent named body even when its name does not end in them.
_GENERIC_BODIES = {"group", "organisation", "organization"}
_DEFINITE_HEAD = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:central|national|state-owned|state|regional|federal|"
                            r"provincial|investor-owned|private|public|main|largest|local)\s+)?([A-Za-z][a-z]+)\s+"
                            r"(?:(?:has|had|have|also|then|later)\s+)*$")


def _definite_body(text: str, pre: str, lo: int, cs: int, allm: SpanIndex) -> Mention | None:
    """ "The union said", "the directorate said": a named body mentioned earlier, by its head
    word (the most recent body called by it, see :func:`framing.actors.body_heads`), or for a
    generic head ("the group") the most recent named body."""
    m = _DEFINITE_HEAD.search(pre)
    if not m:
        return None
    head = m.group(1).lower()
    owned = m.group(0).lower().startswith(("its ", "their "))
    found = fallback = None
    for x in reversed(allm.within(max(0, cs - 4000), lo + m.start())):
        if x.actor_kind != "institution" or (x.via not in ("name", "alias") and len(x.actor.split()) < 2):
            continue
        if owned and x.camp == "foreign":
            continue  # "their union" is not the European Union
        if called_by(text, x, head):
            found = x  # "Varholm Forward, a movement of residents, ..." -> "the movement said"
            break
        if fallback is None and head in _GENERIC_BODIES:
            fallback = x
    found = found or fallback
    if found is None:
        return None
    s, e = lo + m.start(1), lo + m.end(1)
    return _as(Mention(s, e, text[s:e], "", ""), found, "description")


_BARE_BODY = re.compile(r"(?:^\s*|[;:,–-]\s*)(union|federation|guild|party|committee|movement|alliance|coalition|"
                        r"association|council|commission|court|ministry)\s+$")


def _telegraphic_body(text: str, pre: str, lo: int, cs: int, allm: SpanIndex) -> Mention | None:
    """A headline's bare "union says", "committee vows": the body of that kind the article
    names (in a headline, usually only later in the body)."""
    m = _BARE_BODY.search(pre)
    if not m:
        return None
    head = m.group(1)
    later = [x for x in allm.within(cs, cs + 6000) if x.actor_kind == "institution" and x.via == "name"]
    for x in later:
        if head in body_heads(x.actor):
            s, e = lo + m.start(1), lo + m.end(1)
            return _as(Mention(s, e, text[s:e], "", ""), x, "description")
    return None


def _subject_before(text: str, pos: int, allm: SpanIndex, lo: int) -> tuple[Mention | None, int]:
    """The mention that is the subject of a cue at ``pos`` (searching back to ``lo``)."""
    before = allm.within(lo, pos)
    for k in range(len(before) - 1, max(-1, len(before) - 5), -1):
        m = before[k]
        gap = text[m.end:pos]
        acr = re.match(r"\s*\([A-Z]{2,8}\)", gap)  # "The Union of Locomotive Drivers (ULD), which ..."
        if acr:
            gap = gap[acr.end():]
        noun = _BODY_NOUN_TAIL.match(gap)  # "the governing Civic Bloc alliance said": the body's own noun
        if noun and _SKIP.match(gap[noun.end():]):
            gap = gap[noun.end():]
        tail = _OF_TAIL.match(gap)  # "University of Rovenna said": "of Rovenna" is no mention
        if tail and _SKIP.match(gap[tail.end():]):
            gap = gap[tail.end():]
        appositive = bool(_APPOSITIVE_GAP.match(gap) or re.match(r"^,\s+[^,;:\"“”]{2,100},\s*(?:\w+\s+){0,2}$", gap)
                          and _SKIP.match(re.sub(r"^,\s+[^,]*,", "", gap)))
        rel = (_REL_OPEN.search(text, lo, m.start)
               if (_SKIP.match(gap) and "," in gap) or appositive else None)
        if rel is not None:
            # "Lawyer Farah Iqbal, who is preparing the petition to the Supreme Court, said":
            # the court sits inside the relative clause; the subject is before ", who".
            outer = [x for x in before[:k] if x.end <= rel.start()
                     and re.fullmatch(r"(?:,\s*\d{1,3})?\s*", text[x.end:rel.start()])]  # "Maria Lenk, 34, who"
            if outer:
                h = _chain_head(text, before, before.index(outer[-1]))
                return h, h.start
            sent_start = max(_sentence_start(text, rel.start()), lo)
            if re.fullmatch(r"\s*(?:The|Its|Their)\s+[a-z]+\s*", text[sent_start:rel.start()]):
                # "The company, whose supervisory board is appointed by the Transport Ministry,
                # said": the body called "the company" before, not the ministry
                body = _definite_body(text, text[sent_start:rel.start()].rstrip() + " ", sent_start, pos, allm)
                if body is not None:
                    return body, body.start
            bare = _BARE_SUBJECT.fullmatch(text, sent_start, rel.start())
            if bare and bare.group(1) not in _STOP_CAPS:
                # "Orvanafta, the state fuel distributor whose board is appointed by the Economy
                # Ministry, said": a name the mention finder did not know is the subject.
                desc = text[rel.start():pos]
                body = bool(_BODY_WORDS.search(desc))
                word = bare.group(1)
                known = next((x for x in allm.items if x.actor_kind == "person" and x.via == "name"
                              and x.actor.split()[-1] == word), None)  # rare: only when no mention was found
                if known is not None:
                    new = Mention(bare.start(1), bare.end(1), word, known.actor, known.camp, known.actor_kind,
                                  known.gender, "alias", known.label)
                    allm.add(new)
                    return new, new.start
                new = Mention(bare.start(1), bare.end(1), bare.group(1), bare.group(1),
                              # what the clause says of it: "the state fuel distributor whose board is
                              # appointed by the Economy Ministry" is state (framing.actors decides)
                              (_org_context_camp(desc) or "other") if body else "other",
                              "institution" if body else "person", "n" if body else "", "name")
                allm.add(new)
                return new, new.start
        if _SKIP.match(gap):
            if re.match(r"^,\s*who\s*$", gap):
                # "Navalny, a prominent critic of President Putin, who says": the antecedent
                # of "who" is the head before the appositive.
                j = k
                while j > 0 and re.fullmatch(r"\s+(?:of|for|to)\s+(?:the\s+)?", text[before[j - 1].end:before[j].start]):
                    j -= 1
                if j > 0 and before[j].via in ("role", "description") and re.fullmatch(r",\s*", text[before[j - 1].end:before[j].start]):
                    return before[j - 1], before[j - 1].start
                return m, m.start
            # "An ally of Kremlin critic Alexei Navalny urged", "Nadia Ferro of the Torvik
            # School of Economics said": the head of the "of" chain is the subject.
            h = _chain_head(text, before, k)
            return h, h.start
        if appositive:
            h = _chain_head(text, before, k)
            return h, h.start
        if (_COORDINATED_GAP.match(gap) and not allm.within(m.end, pos)
                and not re.search(r"\b(?:said|says|told|tells|added|stated|wrote)\b", text[lo:m.start])):
            # not inside the content of an earlier cue: "X said it supported the sit-in and called on"
            return m, m.start
    return None, -1


def _attribute(text: str, cs: int, ce: int, cue: Cue, allm: SpanIndex, spans: SpanIndex, sent: dict,
               ps: int, pe: int, resolver: _Resolver, surnames: dict[str, Mention],
               prev: _Claim | None = None, region: str = "body", recent: _Claim | None = None) -> _Claim | None:
    """The claim of the cue at ``text[cs:ce]``: speaker and content, or None."""
    ss, se = max(sent["start"], ps), min(sent["end"], pe)
    lo = _clause_start(text, ss, cs)
    pre = text[lo:cs]
    post = text[ce:se]
    if cue.frame.endswith("!"):
        near_quote = re.match(r"^\s*[,:]?\s*[\"“«]", post) or re.search(r"[\"”»],?\s*[^\"“”]{0,60}$", pre)
        if not (re.match(r"^\s+(?:\w+\s+){0,3}that\b", post) or near_quote):
            return None
    if cue.form in ("called", "describes", "described") and not re.match(r"^\s+(?:[^.;]{0,60}?)(?:\s+as\b|[\"“«])", post) \
            and not (cue.form == "called" and re.match(r"^\s+by\b", post) and _PROTEST_SUBJECT.search(pre)) \
            and not (cue.form == "called" and (_CALLED_PROTEST.match(post) or _CALLED_NAMING.match(post)))\
            and not (cue.form == "called" and _RELATIVE_OBJECT.search(pre) and _NAMED_AS.match(post)):
        # ("protests which the Interior Ministry has called illegal / an unregistered assembly":
        # the relative pronoun is the object, the naming follows the verb)
        # "called" needs "as", a quote, a naming ("called the blockade a test") or a call to
        # protest ("called a strike", "The march was called by X")
        return None
    if cue.form in ("told", "tells", "tell", "telling") and not (
            re.match(r"^\s+(?:reporters|journalists|a |an |the |Reuters|AFP|AP\b|[A-Z]\w+|him|her|them|us|me|parliament|lawmakers|supporters|state|"
                     r"several\s|hundreds\s|thousands\s|dozens\s|crowds?\s|about\s|around\s|some\s|more\s|over\s|nearly\s|\d)", post)
            or re.match(r"^\s+[a-z]+(?:\s+[\w-]+){0,5}?\s+(?:that\b|[\"“«])", post)
            # "told councillors the lanes would", "told analysts it had": a plural addressee, then a clause
            or re.match(r"^\s+[a-z]+s\s+(?:the|a|an|he|she|they|it|his|her|their|its|this|there|no|all|every|some|[A-Z])\b", post)):
        return None  # "told deputies before the vote that", but not "told to leave"
    if cue.form in ("say", "claim", "deny", "demand", "urge", "accuse", "tell", "write", "add", "call on", "call for", "believe"):
        # A base form is a verb after a subject or "to", not a noun ("the final say").
        if re.search(r"\b(?:the|a|an|their|his|her|its|our|final)\s+$", pre, re.I):
            return None
    if _NO_SPEECH.search(pre) or (cue.form == "asked" and re.match(r"\s+not\s+to\s+be\b", post)):
        return None  # "has not commented", "declined to say", "asked not to be named"
    if cue.form in ("ruled", "rules") and re.match(r"\s+(?:[A-Z]|over\b|for\b|since\b|out\b)", post):
        return None  # "who has ruled Lunesia since 2010": governing, not a ruling
    passive = _PASSIVE.search(pre) if not cue.form.endswith("ing") else None  # "is demanding": progressive, not passive
    speaker: Mention | None = None
    start, end = ce, se
    quoted = re.search(r"\bquoted\s+(\S.{0,60}?)\s+as\s+$", pre) if cue.form == "saying" else None
    if quoted:
        # "State television quoted him as saying ...": the one quoted is the source.
        inside = allm.within(lo + quoted.start(1), lo + quoted.end(1))
        obj = _OBJECT_PRONOUNS.get(quoted.group(1).lower())
        if inside:
            passive, speaker = None, inside[0]
        elif obj is not None:  # "quoted him as saying": the last person of that gender
            for x in reversed(allm.within(max(0, cs - 2000), lo + quoted.start(1))):
                if x.actor_kind == "person" and x.via in ("name", "alias") and x.gender in (obj, ""):
                    passive, speaker = None, x
                    break
    if cue.frame == "prep":
        det = re.match(r"\s+the\s+(?=[A-Z])", text[ce:ce + 8])  # "according to the Delta Opinion Institute"
        after = allm.starting(ce, ce + 3) or (allm.starting(ce + det.end(), ce + det.end() + 1) if det else [])
        if not after and det:
            # "according to the Keldorian Paediatric Society": a nationality before the name
            later = allm.starting(ce + det.end(), ce + det.end() + 30)
            after = [x for x in later[:1] if x.via in ("name", "alias")
                     and re.fullmatch(r"(?:[A-Z][\w’'-]*\s+){1,2}", text[ce + det.end():x.start])]
        if not after:
            # "according to the media freedom group Open Column": past a descriptive phrase
            lead = re.match(r"\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,4}(?=[A-Z])", post)
            if lead and re.search(r"\b(?:by|seen|obtained|reviewed|shown|copy|documents?)\b", lead.group()):
                lead = None  # "according to a copy seen by Tallgrass Wire": the outlet's own sourcing
            named = allm.starting(ce + lead.end(), ce + lead.end() + 1) if lead else []
            after = [x for x in named if x.via in ("name", "alias")]
        doc_by = _DOCUMENT_BY.match(post) if not after else None
        if doc_by:
            # "according to a study released Tuesday by the Prairie Health Policy Institute"
            after = allm.starting(ce + doc_by.end(), ce + doc_by.end() + 1)
        short = re.match(r"\s+(?:the\s+)?([A-Z][\w’'-]+)\b(?!\s+[A-Z])", post) if not after else None
        if short and short.group(1) in surnames:
            # "according to the MDSU", "according to Velkov": an acronym or surname given earlier
            known, bs = surnames[short.group(1)], ce + short.start(1)
            after = [Mention(bs, bs + len(short.group(1)), short.group(1), known.actor, known.camp,
                             known.actor_kind, known.gender, "alias", known.label)]
        if not after:
            # "according to the commission", "according to the Roundtable": a body named
            # earlier, by its head word
            body = re.match(r"\s+(?:the|its|their)\s+([a-z]+|[A-Z][a-z]+\b(?!\s+[A-Z]))", post)
            named = _definite_body(text, "the " + body.group(1).lower() + " ", lo, cs, allm) if body else None
            if named is None:
                return None
            named = Mention(ce + body.start(1), ce + body.end(1), body.group(1), named.actor, named.camp,
                            named.actor_kind, named.gender, "description", named.label)
            after = [named]
        speaker = after[0]
        by = re.match(r"\s+by\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}", text[speaker.end:speaker.end + 40])
        if speaker.role in ("survey", "poll", "study", "report") and by:
            # "according to a survey by the polling firm Northfield Research": the pollster
            src = allm.starting(speaker.end + by.end(), speaker.end + by.end() + 2)
            if src:
                speaker = src[0]
        start, end = ss, cs
        if text[lo:cs].strip(" ,") == "":
            start, end = after[0].end, se
    elif speaker is not None:
        pass  # found above
    elif passive:
        by = re.match(r"^\s+by\s+", post)
        if not by:
            return None  # agentless passive: no recoverable source
        after = allm.starting(ce + by.end() - 1, ce + by.end() + 4)
        if not after:
            return None
        speaker = after[0]
        start, end = after[0].end, se
    else:
        # Causative: "prompted the ministry to accuse" -> the mention before "to".
        to = re.search(r"\bto\s+$", pre)
        if to:
            cand = [m for m in allm.within(lo, lo + to.start()) if lo + to.start() - m.end <= 2]
            speaker = cand[-1] if cand else None
        if speaker is None:
            speaker, _ = _subject_before(text, cs, allm, lo)
        # Inversion: '..., said Interior Minister Brell.' / '"...," Volkov wrote.'
        after = [m for m in allm.starting(ce + 1, ce + 40) if m.start < se][:1]
        # Only speech verbs invert; after "told", "urged", "accused" comes the addressee.
        inverted = (speaker is None and after and cue.frame.startswith("that")
                    and cue.form not in ("told", "tells", "tell", "telling")
                    and _INVERTED_GAP.fullmatch(text[ce:after[0].start])
                    # 'said Brell.' / 'said the minister, who...' but not 'said the protesters were paid'
                    and _INVERTED_END.match(text, after[0].end))
        if inverted:
            speaker = after[0]
            named = allm.first_starting_from(speaker.end)
            if (speaker.via == "role" and named is not None and named.via in ("name", "alias")
                    and named.actor_kind == "person" and re.fullmatch(r",\s*", text[speaker.end:named.start])):
                speaker = named  # 'said the group's lawyer, Bence Toth
        if speaker is None and re.search(r"(?:\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?|,\s*)$", pre):
            # A second verb of the same subject: "said A, and warned that B", "..., saying B".
            if prev is not None and prev.speaker is not None and prev.cue_start >= ss:
                speaker = prev.speaker
            else:
                first = allm.starting(ss, ss + 4)  # the sentence's subject
                if not first:  # "Thousands of supporters gathered ..., chanting": past the quantity
                    q = _QUANTITY.match(text, ss)
                    first = allm.starting(q.end(), q.end() + 1) if q else []
                speaker = first[0] if first and first[0].end < cs else None
        if speaker is None:
            speaker = _definite_body(text, pre, lo, cs, allm)
        if speaker is None and region in ("headline", "summary", "caption"):
            speaker = _telegraphic_body(text, pre, lo, cs, allm)
        if speaker is None:
            # A bare capitalised word before the cue is a person: "Brell said".
            bare = _BARE_WORD.search(pre)
            if bare and bare.group(1) not in _STOP_CAPS and not re.search(
                    r"\b(?:in|at|from|near|outside|of)\s+$", pre[:bare.start(1)]):  # "... in Drevnia said"
                bs, word = lo + bare.start(1), bare.group(1)
                known = surnames.get(word)
                speaker = (Mention(bs, bs + len(word), word, known.actor, known.camp, known.actor_kind,
                                   known.gender, "alias", known.label) if known else
                           Mention(bs, bs + len(word), word, word, "other", "person", "", "name"))
                allm.add(speaker)
        if speaker is None:
            return None
        # Content: a quote right before the subject ('"...," Volkov wrote') or after the cue.
        subj_start = min(speaker.start, cs)
        # Only the nearest quote on each side can be adjacent (any farther one has text between).
        q_before = spans.last_ending_by(subj_start)
        if q_before is not None and not re.match(r"^[\s,]*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$", text[q_before.end:subj_start]):
            q_before = None
        if q_before is not None and any(c is not None and c.start <= q_before.start and q_before.end <= c.end
                                        for c in (prev, recent)):
            q_before = None  # already the content of the claim before ('... and chanted "X!" Police told them')
        q_after = spans.first_starting_from(ce)
        if q_after is not None and not (q_after.start - ce < 40 and re.match(
                r"^[\s,:]*(?:\w+\s+){0,3}?[\s,:]*$", text[ce:q_after.start])):
            q_after = None
        if q_before is not None:
            start, end = q_before.start, q_before.end
        elif inverted or (speaker.start > ce):
            # "The idea ..., Volkov said." / "..., said the minister."
            start, end = ss, max(ss, (speaker.start if speaker.start < cs else cs))
            txt = text[start:end].rstrip(" ,")
            end = start + len(txt)
            if end <= start:
                start, end = max(speaker.end, ce), se
        elif q_after is not None:
            start, end = q_after.start, q_after.end
        elif re.match(r"^(?:\s+\w+){0,4}\s*[.!?]?[\"”’»]?\s*$", post) and re.search(r",\s*$", text[ss:speaker.start]):
            # The cue closes the sentence: "The idea ... was inspired by ..., Volkov said."
            start = ss
            end = ss + len(text[ss:speaker.start].rstrip(" ,"))
        elif re.match(r"^,", post) and re.search(r",\s*$", text[ss:speaker.start]) and speaker.start > ss:
            # Parenthetical: "Supporters, he said, could then flood ..."
            start, end = ss, se
        else:
            start, end = ce, se
    if (speaker.via == "pronoun" and speaker.number == "sg" and recent is not None
            and recent.speaker is not None and recent.speaker.actor_kind == "person"
            and recent.speaker.gender in (speaker.gender, "") and speaker.gender
            and not text[ss:speaker.start].strip(" \"“”«»") and 0 <= cs - recent.cue_start < 500
            and not _new_subject(text, allm, spans, max(recent.end, recent.cue_end), speaker.start, speaker.gender)):
        # "He said ..." opening a sentence right after a claim continues that claim's speaker
        # rather than the last man named inside it (centering: subjects stay subjects).
        speaker = _as(speaker, recent.speaker, "pronoun")
    elif (speaker.via == "pronoun" and speaker.mention.lower() == "it" and recent is not None and recent.speaker is not None
          and recent.speaker.actor_kind == "institution" and not text[ss:speaker.start].strip(" \"“”«»")
          and 0 <= cs - recent.cue_start < 400
          and not any(x.actor_kind == "institution" and spans.at(x.start) is None
                      and re.search(r"(?:^|[.!?][\"”’»]?\s+|\n\s*)(?:[Tt]he\s+)?$", text[max(0, x.start - 6):x.start])
                      for x in allm.within(max(recent.end, recent.cue_end), speaker.start))):
        # "The union said the strike would continue. It called on bus drivers to ...": "It"
        # opening the next sentence continues the body that spoke, not the court or ministry
        # named inside its claim.
        speaker = _as(speaker, recent.speaker, "pronoun")
    elif (speaker.via == "pronoun" and speaker.mention.lower() == "it" and not text[ss:speaker.start].strip(" \"“”«»")
          and (subject := previous_subject(text, allm, ss)) is not None and subject.via in ("name", "alias")):
        # "The Pelloran Medical Chamber, ..., did not take part. It said ...": the body that
        # was the subject of the sentence before.
        speaker = _as(speaker, subject, "pronoun")
    elif speaker.via in ("pronoun", "role"):
        resolved = resolver.resolve(speaker, cs, forward=region in ("headline", "summary"))
        if resolved.via == "pronoun" and resolved.actor in ("he", "she", "they", "it"):
            return None
        speaker = resolved
    window = text[max(ss, cs - 40):min(se, ce + 25)]
    distancing = bool(_DISTANCING.search(window)) or bool(re.search(r"\bso-called\b", text[start:end]))
    cls = ("directive" if cue.form == "called" and (re.match(r"^\s+by\b", post) or _CALLED_PROTEST.match(post))
           else cue.cls)  # calling a protest
    return _Claim("", -1, text[cs:ce], cs, ce, cls, speaker, start, max(start, end), speaker.via,
                  distancing)


def _new_subject(text: str, allm: SpanIndex, spans: SpanIndex, lo: int, hi: int, gender: str) -> bool:
    """Is a person of ``gender`` named as a sentence's subject between ``lo`` and ``hi``
    ("Folkert Lystad, who was elected mayor, walked at the front. He said ...")?"""
    for x in allm.within(lo, hi):
        if (x.actor_kind == "person" and x.via in ("name", "alias") and x.gender in (gender, "")
                and spans.at(x.start) is None and re.search(r"(?:^|[.!?][\"”’»]?\s+|\n\s*)$", text[max(0, x.start - 4):x.start])):
            return True
    return False


def _record(text: str, c: _Claim, i: int, spans: SpanIndex, sentence_of) -> dict:
    # The content without the blanks around it (" new tactic ..." after "says").
    lead = len(text[c.start:c.end]) - len(text[c.start:c.end].lstrip())
    c.start, c.end = c.start + lead, max(c.start + lead, c.start + len(text[c.start:c.end].rstrip()))
    content = text[c.start:c.end]
    quotes = spans.overlapping(c.start, c.end)
    inside = sum(min(q.end, c.end) - max(q.start, c.start) for q in quotes)
    visible = len(content.strip())
    if inside == 0:
        kind = "indirect"
    elif inside >= visible - 2:
        kind = "direct"
    else:
        kind = "mixed"
    quoted = " ".join(text[max(q.start, c.start):min(q.end, c.end)] for q in quotes)
    sp = c.speaker
    return {
        "claim": i, "region": c.region, "paragraph": c.paragraph,
        "sentence": sentence_of(c.cue_start if c.cue else c.start)["sentence"],
        "speaker": sp.actor if sp else "", "mention": sp.mention if sp else "",
        "camp": (sp.camp or "other") if sp else "other", "kind": kind, "cue": c.cue,
        "cue_class": c.cue_class, "text": content, "start": c.start, "end": c.end,
        "via": c.via, "distancing": c.distancing,
        "quoted_words": len(re.findall(r"[\w’'-]+", quoted)),
        "cue_start": c.cue_start, "cue_end": c.cue_end,
        "speaker_start": sp.start if sp else -1, "speaker_end": sp.end if sp else -1,
    }
