"""Read a corpus of news articles into a tidy table, one row per article.

Accepted inputs (see ``corpus/README.md`` for the user's account):

* **wire scrapes** (``.txt``) like the seed: a `` date YYYY-MM-DD`` header,
  ``* `` summary bullets, an editor's update note ``(Adds ...)``, a byline
  ``By A and B``, a dateline ``MOSCOW, Feb 9 (Reuters) -``, subheads and a
  trailing credit ``(Reporting by ...; Editing by ...)``;
* **plain text / Markdown** (``.txt``, ``.md``, ``.markdown``) with optional YAML
  front matter between ``---`` lines;
* **HTML pages** (``.html``, ``.htm``), parsed with the standard library;
* **CSV / JSON Lines / JSON exports** (``.csv``, ``.jsonl``, ``.json``) with one
  article per row.

How an article is built
-----------------------

1. The raw bytes are hashed (``sha256``) and decoded (UTF-8 with or without BOM,
   UTF-16 with BOM, else Windows-1252); the encoding used is recorded.
2. The format parser cuts the decoded file into *raw blocks* (paragraphs,
   bullets, headings, captions), each a :class:`_Span` that remembers, for every
   character, its offset in the decoded file. Whitespace inside a block is
   collapsed to single spaces. The wire date header is removed here.
3. :func:`framing.text.repair_blocks` is called **once per article** on all raw
   blocks (it uses the article's whole vocabulary). The raw blocks still hold the
   glue between a bullet and the update note (``agents(Adds``) and between the
   last paragraph and the credit (``measures.(Reporting``), so the repair reports
   those boundaries as ordinary repair records (rule ``punct``). Should the
   repair leave such a boundary glued, the structure pass adds (or widens) the
   record itself, so each glued note/credit boundary is always one record.
4. Structure is detected on the *repaired* blocks (patterns tolerate glue
   anyway): update notes anywhere, summary bullets, byline, dateline (place,
   outlet, date), quoted or all-caps subheads, credit lines, headline.
5. ``text`` is assembled from the kept blocks joined by a blank line, with
   ``regions`` offsets into it; each repair is mapped to ``raw_start`` (offset in
   the decoded file; for CSV/JSON rows, in the row's title and text values
   joined by a blank line) and ``start`` (offset in ``text``, -1 outside it).

>>> from framing import paths
>>> [a] = read_article(paths.SEED)
>>> a["place"], a["outlet"], a["date"], a["byline"]
('MOSCOW', 'Reuters', '2021-02-09', 'Tom Balmforth and Anton Kolodyazhnyy')
>>> a["text"].split("\\n\\n")[3][:30]
'An ally of Kremlin critic Alex'
"""
from __future__ import annotations

import bisect
import csv
import difflib
import hashlib
import html
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date as _date
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import yaml

from framing import text as _text
from framing.errors import FramingError
from framing.schema import COLUMNS

__all__ = [
    "ARTICLE_KEYS", "SUPPORTED", "read_article", "read_corpus", "iter_articles",
    "regions_table", "repairs_table", "errors_table",
]

#: Columns of the articles table (schema order) plus the extra record keys.
ARTICLE_COLUMNS: list[str] = list(COLUMNS["articles"])
ARTICLE_KEYS: list[str] = ARTICLE_COLUMNS + ["home", "repairs", "extra"]
ERROR_COLUMNS: list[str] = list(COLUMNS["errors"])
REGION_COLUMNS: list[str] = list(COLUMNS["regions"])
REPAIR_COLUMNS: list[str] = list(COLUMNS["repairs"])

#: File extensions read, by format family.
SUPPORTED: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
    ".csv": "csv", ".jsonl": "jsonl", ".json": "json",
}

#: Metadata keys that metadata.csv, front matter or export columns may set.
META_KEYS = ("outlet", "outlet_type", "url", "date", "language", "title", "home",
             "written_by", "place", "byline", "update_note")
_META_ALIASES = {
    "author": "byline", "authors": "byline", "by": "byline",
    "lang": "language", "link": "url", "source_url": "url",
    "headline": "title", "published": "date", "publication_date": "date",
    "published_at": "date", "pubdate": "date",
    "source": "outlet", "publication": "outlet", "media": "outlet", "site": "outlet",
    "outlet type": "outlet_type", "type": "outlet_type",
}

# Export columns, matched case-insensitively, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "story")
TITLE_COLUMNS = ("title", "headline")
DATE_COLUMNS = ("date", "published", "publication_date")
OUTLET_COLUMNS = ("outlet", "source", "publication", "media")
ID_COLUMNS = ("id", "article_id", "doc_id")


# --------------------------------------------------------------------------- #
# Spans: text that remembers where each character came from
# --------------------------------------------------------------------------- #


class _Span:
    """A string plus, for each character, an origin offset (an int)."""

    __slots__ = ("s", "o")

    def __init__(self, s: str, o: list[int]):
        self.s, self.o = s, o

    @classmethod
    def of(cls, s: str, start: int = 0) -> "_Span":
        return cls(s, list(range(start, start + len(s))))

    def __len__(self) -> int:
        return len(self.s)

    def __getitem__(self, k: slice) -> "_Span":
        return _Span(self.s[k], self.o[k])

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_Span({self.s!r})"

    def strip(self, chars: str | None = None) -> "_Span":
        a = len(self.s) - len(self.s.lstrip(chars))
        b = max(a, len(self.s.rstrip(chars)))
        return self[a:b]

    def squeeze(self) -> "_Span":
        """Collapse whitespace runs to one space and strip the ends."""
        toks = list(re.finditer(r"\S+", self.s))
        if not toks:
            return _Span("", [])
        s_parts, o_parts = [], []
        for i, m in enumerate(toks):
            if i:
                s_parts.append(" ")
                o_parts.append(self.o[toks[i - 1].end()])
            s_parts.append(m.group())
            o_parts.extend(self.o[m.start():m.end()])
        return _Span("".join(s_parts), o_parts)

    def sub(self, pattern: re.Pattern, keep: str | int | None = None) -> "_Span":
        """Remove the matches of ``pattern``, keeping group ``keep`` of each."""
        pieces_s, pieces_o, pos = [], [], 0
        for m in pattern.finditer(self.s):
            pieces_s.append(self.s[pos:m.start()])
            pieces_o.extend(self.o[pos:m.start()])
            if keep is not None and m.group(keep) is not None:
                pieces_s.append(m.group(keep))
                pieces_o.extend(self.o[m.start(keep):m.end(keep)])
            pos = m.end()
        if pos == 0:
            return self
        pieces_s.append(self.s[pos:])
        pieces_o.extend(self.o[pos:])
        return _Span("".join(pieces_s), pieces_o)

    def split(self, pattern: re.Pattern) -> list["_Span"]:
        out, pos = [], 0
        for m in pattern.finditer(self.s):
            out.append(self[pos:m.start()])
            pos = m.end()
        out.append(self[pos:])
        return out


def _join(spans: list[_Span], sep: str = " ") -> _Span:
    s_parts, o_parts = [], []
    for i, sp in enumerate(spans):
        if i and sep:
            s_parts.append(sep)
            o_parts.extend([sp.o[0] if sp.o else -1] * len(sep))
        s_parts.append(sp.s)
        o_parts.extend(sp.o)
    return _Span("".join(s_parts), o_parts)


# --------------------------------------------------------------------------- #
# Bytes to text
# --------------------------------------------------------------------------- #

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode raw bytes; returns ``(text, encoding)`` or raises FramingError.

    >>> decode("“Hi”".encode("cp1252"))
    ('“Hi”', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfHi")
    ('Hi', 'utf-8-sig')
    """
    if not raw.strip():
        raise FramingError(path, "the file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in raw:
            raise FramingError(path, "binary file, not text")
        candidates = ["utf-8", "cp1252"]
    text = encoding = None
    error: UnicodeDecodeError | None = None
    for enc in candidates:
        try:
            text, encoding = raw.decode(enc), enc
            break
        except UnicodeDecodeError as exc:
            error = exc
    if text is None:
        assert error is not None
        where = "UTF-16" if candidates == ["utf-16"] else (
            "UTF-8" if candidates == ["utf-8-sig"] else "not UTF-8, UTF-16 or Windows-1252")
        raise FramingError(path, f"undecodable bytes at offset {error.start} ({where})")
    if not text.strip():
        raise FramingError(path, "the file is empty")
    n_control = len(_CONTROL.findall(text))
    if "\x00" in text or n_control > max(2, 0.05 * len(text)):
        raise FramingError(path, "binary file, not text")
    return text, encoding


def _lines_normalised(text: str) -> _Span:
    """The decoded file as a span with ``\\r\\n`` and ``\\r`` turned into ``\\n``."""
    return _lines_normalised_span(_Span.of(text))


# --------------------------------------------------------------------------- #
# Dates and metadata
# --------------------------------------------------------------------------- #

_MONTH_RE = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
             r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _ymd(y: int, m: int, d: int) -> str:
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return ""


def iso_date(value) -> str:
    """Normalise a date to ``YYYY-MM-DD``; unparseable strings are returned stripped.

    >>> iso_date("2021-02-09T10:00:00Z"), iso_date("Feb 9, 2021"), iso_date("9 February 2021")
    ('2021-02-09', '2021-02-09', '2021-02-09')
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, _date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return ""
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", s)
    if m and (iso := _ymd(*map(int, m.groups()))):
        return iso
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m and (iso := _ymd(*map(int, m.groups()))):
        return iso
    m = re.match(rf"(?:\w+,?\s+)?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", s, re.I)
    if m and (iso := _ymd(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))):
        return iso
    m = re.match(rf"(?:\w+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", s, re.I)
    if m and (iso := _ymd(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))):
        return iso
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return s


def _meta_value(key: str, value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if key == "date":
        return iso_date(value)
    if isinstance(value, (list, tuple)):
        return " and ".join(str(v).strip() for v in value if str(v).strip())
    return re.sub(r"\s+", " ", str(value)).strip()


def _normalise_meta(meta: Mapping | None) -> tuple[dict, dict]:
    """Split a metadata mapping into known keys (normalised) and extra keys."""
    known, extra = {}, {}
    for k, v in (meta or {}).items():
        key = str(k).strip().lower()
        key = _META_ALIASES.get(key, key)
        if key in META_KEYS:
            val = _meta_value(key, v)
            if val:
                known[key] = val
        elif key not in ("file", "path", "id") and v is not None and not (
                isinstance(v, float) and v != v) and str(v).strip() != "":
            extra[str(k)] = v if isinstance(v, (int, float, bool)) else str(v)
    return known, extra


def _apply_meta(rec: dict, meta: Mapping | None) -> dict:
    """Add or override record metadata (never ``text`` or offsets)."""
    known, extra = _normalise_meta(meta)
    rec.update(known)
    if extra:
        rec["extra"] = {**rec.get("extra", {}), **extra}
    return rec


# --------------------------------------------------------------------------- #
# Structure patterns
# --------------------------------------------------------------------------- #

_NOTE_VERBS = (r"Adds|Updates|Recasts|Rewrites|Changes|Corrects|Refiles|Removes|Fixes|Inserts"
               r"|Moves|Repeats|Clarifies|Expands|Deletes|Restores|Withdraws|Writes\s+through"
               r"|Add|Update|Recast|Updated|Corrected")
_NOTE = re.compile(
    rf"\(\s*(?P<note>(?:{_NOTE_VERBS})\b[^()]*(?:\([^()]*\)[^()]*)*|"
    r"(?:This|The)\s+(?:[^()]{0,80}?\s)?(?:story|article|version)\s+(?:corrects|has\s+been|adds|updates|"
    r"was\s+(?:corrected|updated|refiled))[^()]*(?:\([^()]*\)[^()]*)*)\)")
_CREDIT_P = re.compile(
    r"\(\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch|[Gg]raphics"
    r"|[Pp]hotos?|[Vv]ideo|[Tt]ranslation|[Tt]ranslated|[Pp]roduced|[Rr]eported|[Ff]act-?checking)"
    r"(?:\s+and\s+\w+)?\s+by\b")
_CREDIT_BARE = re.compile(
    r"(?:^|(?<=[.!?\"”’)\]]))\s*(?:Additional\s+reporting|Reporting|Writing|Editing|Compiled|Research"
    r"|Graphics|Translated|Translation)\s+by\s+[A-Z]")
_CONTACT = re.compile(r"\(\(.*\)\)")
_BOILERPLATE = re.compile(r"^(?:Our Standards:|Our standards:)")
_DATE_HEADER = re.compile(r"\A\s*[Dd]ate:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?[ \t]*")
_BULLET = re.compile(r"^[ \t]*(?:[*•●▪◦‣+]|[-–](?=[ \t]))[ \t]+(?=\S)")
_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<names>\S.*?)\s*$")
_BY_CONNECT = {"and", "&", "in", "de", "da", "del", "della", "der", "den", "van", "von", "la", "le",
               "al", "el", "bin", "ibn", "of", "y", "e", "und", "et"}
_W = r"[A-Z][\w.'’\-]*"
_DATELINE = re.compile(
    rf"^\s*(?:(?P<place>{_W}(?:\s+{_W}){{0,4}}?(?:,\s*{_W}(?:\s+{_W}){{0,3}}?){{0,2}}?)\s*,?\s*)??"
    rf"(?:(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\s*)?"
    r"(?:\((?P<outlet>[A-Za-z][\w.&'’ /-]{0,40}?)\)\s*)?"
    r"(?P<dash>--|[-–—])[ \t]*")
_QUOTES = "\"“”'‘’«»"


def _byline(s: str) -> str | None:
    """The names of a ``By A and B`` line, or None."""
    m = _BYLINE.match(s)
    if not m:
        return None
    names = m["names"].rstrip(" ,;")
    words = re.findall(r"[^\s,;]+", names)
    if not words or len(words) > 16 or re.search(r"[a-z]{2,}[.!?](?:\s|$)", names):
        return None
    for w in words:
        w2 = w.strip("()'\".")
        if w2 and w2.lower() not in _BY_CONNECT and not w2[0].isupper():
            return None
    return names


def _dateline(s: str) -> re.Match | None:
    """A dateline at the start of a paragraph (``MOSCOW, Feb 9 (Reuters) -``)."""
    m = _DATELINE.match(s)
    if not m or m.end() > 160 or m.end() >= len(s.rstrip()):
        return None
    if m["outlet"]:
        return m
    place = (m["place"] or "").split(",")[0]
    if (re.fullmatch(r"[A-Z][A-Z.'’\- ]{2,}", place) and sum(c.isalpha() for c in place) >= 3
            and re.match(r"\s*[A-Z\"“‘']", s[m.end():] or "x") and s[m.start("dash") - 1:m.start("dash")].isspace()):
        return m
    return None


def _subhead(s: str) -> tuple[int, int] | None:
    """(start, end) of the words of a quoted or all-caps subhead, else None."""
    a, b = 0, len(s)
    if b - a >= 2 and s[a] in _QUOTES and s[b - 1] in _QUOTES:
        a, b = a + 1, b - 1
    t = s[a:b]
    lead = len(t) - len(t.lstrip())
    a, b = a + lead, a + len(t.rstrip())
    t = s[a:b]
    if not t or len(t) > 80 or len(t.split()) > 10 or t[-1] in ".,;:":
        return None
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return None
    return a, b


def _title_like(s: str) -> bool:
    return 0 < len(s) <= 200 and len(s.split()) <= 25 and s[-1] not in ".!?\"”"


def _credit_start(s: str) -> int | None:
    """Offset where a trailing credit line starts in ``s``, else None."""
    for m in _CREDIT_P.finditer(s):
        rest = s[m.start():].rstrip()
        if rest.endswith(")") and len(rest) <= 800:
            return m.start()
    for m in _CREDIT_BARE.finditer(s):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        rest = s[start:].rstrip()
        if len(rest) <= 400 and not re.search(r"[a-z]{2,}[.!?]\s+[A-Z]", rest):
            return start
    return None


# --------------------------------------------------------------------------- #
# Format parsers: decoded file -> raw blocks
# --------------------------------------------------------------------------- #


class _Parsed:
    """What a format parser found: raw blocks and metadata."""

    def __init__(self):
        self.blocks: list[tuple[str, _Span]] = []  # (kind, span), kind in title,h1,h2,bullet,para,caption
        self.meta: dict = {}  # from the source (front matter, HTML meta, columns)
        self.date_header = ""
        self.format = ""


_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HR = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), None),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), 1),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), 1),
    (re.compile(r"<(https?://[^>\s]+)>"), 1),
    (re.compile(r"</?[A-Za-z][^>]*>"), None),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), 2),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), 1),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), 1),
    (re.compile(r"`([^`]+)`"), 1),
]
_REFDEF = re.compile(r"^[ \t]*\[[^\]]+\]:\s*\S+.*$")
_MD_IMAGE_PARA = re.compile(r"\s*!\[[^\]]*\]\([^)]*\)\s*")
_MD_ITALIC_PARA = re.compile(r"\s*([*_])(?!\1)\S.*?(?<=\S)\1\s*", re.S)


def _front_matter(doc: _Span, path) -> tuple[dict, _Span, _Span | None]:
    """(front matter dict, body span, span of the front matter text)."""
    if not re.match(r"---[ \t]*\n", doc.s):
        return {}, doc, None
    m = _FRONT.match(doc.s)
    if not m:
        raise FramingError(path, "malformed front matter: no closing '---' line")
    src = m["yaml"] or ""
    try:
        data = yaml.safe_load(src) if src.strip() else {}
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise FramingError(path, f"malformed front matter: {problem}{where}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FramingError(path, "malformed front matter: expected 'key: value' lines")
    fm_span = doc[m.start("yaml"):m.end("yaml")] if m["yaml"] else None
    return data, doc[m.end():], fm_span


def _value_span(fm: _Span | None, key: str, value: str) -> _Span:
    """Where a front-matter value stands in the file (for raw offsets)."""
    if fm is not None:
        m = re.search(rf"^{re.escape(key)}\s*:\s*(.*?)\s*$", fm.s, re.M)
        if m:
            sp = fm[m.start(1):m.end(1)].strip(_QUOTES + " ")
            if re.sub(r"\s+", " ", sp.s) == value:
                return sp.squeeze()
            return _Span(value, [sp.o[0] if sp.o else fm.o[0]] * len(value))
    return _Span(value, [0] * len(value))


def _text_blocks(body: _Span, markdown: bool) -> list[tuple[str, _Span]]:
    """Cut a plain-text / Markdown / wire body into (kind, span) blocks."""
    paras = [p for p in body.split(re.compile(r"\n[^\S\n]*\n\s*")) if p.s.strip()]
    line_mode = len(paras) == 1 and len([ln for ln in paras[0].s.split("\n") if ln.strip()]) > 1
    items: list[tuple[str, _Span]] = []
    in_fence = after_image = False
    for para in paras:
        current: list[_Span] = []
        if markdown and not in_fence:
            # An image alone in its paragraph, then a paragraph all in italics: a caption.
            if _MD_IMAGE_PARA.fullmatch(para.s):
                after_image = True
                continue
            if after_image and _MD_ITALIC_PARA.fullmatch(para.s):
                items.append(("caption", para))
                after_image = False
                continue
        after_image = False

        def flush():
            if current:
                items.append(("para", _join(current, " ")))
                current.clear()

        for line in para.split(re.compile(r"\n")):
            s = line.s
            if not s.strip():
                continue
            if markdown and _FENCE.match(s):
                flush()
                in_fence = not in_fence
                continue
            if not in_fence:
                if _HR.match(s) or (markdown and _REFDEF.match(s)):
                    flush()
                    continue
                h = _HEADING.match(s)
                if h:
                    flush()
                    items.append(("h1" if len(h[1]) == 1 else "h2", line[h.start(2):h.end(2)]))
                    continue
                if markdown:
                    q = re.match(r"^[ \t]*(?:>[ \t]?)+", s)
                    if q:
                        line, s = line[q.end():], s[q.end():]
                b = _BULLET.match(s)
                if b:
                    flush()
                    items.append(("bullet", line[b.end():]))
                    continue
                if items and items[-1][0] == "bullet" and not current and s[:1] in " \t":
                    items[-1] = ("bullet", _join([items[-1][1], line], " "))
                    continue
            current.append(line)
            if line_mode:
                flush()
        flush()
    out = []
    for kind, sp in items:
        if markdown:
            for pat, keep in _MD_INLINE:
                sp = sp.sub(pat, keep)
        sp = sp.squeeze()
        if sp.s:
            out.append((kind, sp))
    return out


def _parse_text(doc: _Span, path, ext: str, *, front: bool = True) -> _Parsed:
    """Wire scrapes, plain text and Markdown (optionally with YAML front matter)."""
    p = _Parsed()
    markdown = ext in (".md", ".markdown")
    p.format = "markdown" if markdown else "text"
    fm, fm_span = {}, None
    if front:
        fm, doc, fm_span = _front_matter(doc, path)
    p.meta = dict(fm)
    m = _DATE_HEADER.match(doc.s)
    if m:
        p.date_header = m[1]
        doc = doc[m.end():]
    blocks = _text_blocks(doc, markdown)
    # The first h1 before the body is the headline (it stands in the document).
    first_para = next((i for i, (k, _) in enumerate(blocks) if k == "para"), len(blocks))
    h1 = next((i for i, (k, _) in enumerate(blocks[:first_para]) if k == "h1"), None)
    title_value = _meta_value("title", fm.get("title", fm.get("headline")))
    if h1 is not None:
        blocks.insert(0, ("title", blocks.pop(h1)[1]))
    elif title_value:
        key = "title" if "title" in fm else "headline"
        blocks.insert(0, ("title", _value_span(fm_span, key, title_value)))
    p.blocks = blocks
    return p


class _HTMLCollector(HTMLParser):
    """Paragraphs, headings, captions and metadata of an HTML page."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
            "svg", "iframe", "button", "select", "textarea", "menu", "head"}
    CAPTURE = {"p": "para", "h1": "h1", "h2": "h2", "h3": "h2", "h4": "h2", "h5": "h2", "h6": "h2",
               "figcaption": "caption", "blockquote": "para", "pre": "para", "dd": "para", "dt": "para"}
    BREAK = {"div", "section", "article", "main", "li", "ul", "ol", "dl", "table", "tr", "td", "th",
             "figure", "body", "hr", "br"}

    def __init__(self, text: str, base: list[int] | None = None):
        super().__init__(convert_charrefs=False)
        self.src = text
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.skip: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (tag, kind)
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.blocks: list[tuple[str, _Span]] = []
        self.title_chars: list[str] = []
        self.title_offs: list[int] = []
        self.in_title = False
        self.meta: dict = {}

    # positions
    def _pos(self) -> int:
        """Offset (in the decoded file) of the token being handled."""
        line, col = self.getpos()
        off = self.line_starts[line - 1] + col
        if self.base is not None:
            return self.base[min(off, len(self.base) - 1)] if self.base else 0
        return off

    def _offsets(self, n: int) -> list[int]:
        line, col = self.getpos()
        off = self.line_starts[line - 1] + col
        if self.base is None:
            return list(range(off, off + n))
        last = len(self.base) - 1
        return [self.base[min(off + i, last)] for i in range(n)] if self.base else [0] * n

    def _capturing_h1(self) -> bool:
        return bool(self.stack) and self.stack[-1][1] == "h1" and all(t == "header" for t in self.skip)

    def _skipping(self) -> bool:
        return bool(self.skip) and not self._capturing_h1()

    def _flush(self):
        if self.chars:
            kind = self.stack[-1][1] if self.stack else "loose"
            if any(t == "figcaption" for t, _ in self.stack):
                kind = "caption"
            sp = _Span("".join(self.chars), self.offs).squeeze()
            if sp.s:
                self.blocks.append((kind, sp))
        self.chars, self.offs = [], []

    def _add(self, s: str, entity: bool = False):
        offs = [self._pos()] * len(s) if entity else self._offsets(len(s))
        if self.in_title:
            self.title_chars.append(s)
            self.title_offs.extend(offs)
        elif not self._skipping():
            self.chars.append(s)
            self.offs.extend(offs)

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            content = a.get("content", "").strip()
            if key and content:
                self.meta.setdefault(key, content)
            return
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("html:lang", a["lang"])
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag == "title" and not self.title_chars:
            self.in_title = True
            return
        if tag in self.SKIP:
            if tag != "head":
                self._flush()
            self.skip.append(tag)
            return
        if tag in self.CAPTURE:
            if self.skip and not (tag == "h1" and all(t == "header" for t in self.skip)):
                return
            self._flush()
            if tag == "p" and self.stack and self.stack[-1][0] == "p":
                self.stack.pop()
            self.stack.append((tag, self.CAPTURE[tag]))
            return
        if self._skipping():
            return
        if tag == "br":
            self._add(" ")
        elif tag in self.BREAK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.SKIP and self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            return
        if tag in self.SKIP:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in self.CAPTURE:
            if any(t == tag for t, _ in self.stack):
                self._flush()
                while self.stack and self.stack.pop()[0] != tag:
                    pass
            return
        if not self._skipping() and tag in self.BREAK:
            self._flush()

    def handle_data(self, data):
        self._add(data)

    def handle_entityref(self, name):
        self._add(html.unescape(f"&{name};"), entity=True)

    def handle_charref(self, name):
        self._add(html.unescape(f"&#{name};"), entity=True)

    def close(self):
        super().close()
        self._flush()


def _parse_html(doc: _Span, path, *, fragment: bool = False) -> _Parsed:
    p = _Parsed()
    p.format = "html"
    parser = _HTMLCollector(doc.s, base=None if doc.o == list(range(len(doc.s))) else doc.o)
    try:
        parser.feed(doc.s)
        parser.close()
    except Exception as exc:  # html.parser is lenient; be safe anyway
        raise FramingError(path, f"malformed HTML: {exc}") from None
    blocks = parser.blocks
    if any(k == "para" for k, _ in blocks):
        blocks = [(k, sp) for k, sp in blocks if k != "loose"]
    else:
        blocks = [("para" if k == "loose" else k, sp) for k, sp in blocks]
    h1 = next((i for i, (k, _) in enumerate(blocks) if k == "h1"), None)
    meta = parser.meta
    if h1 is not None:
        title = blocks.pop(h1)[1]
        blocks.insert(0, ("title", title))
    elif parser.title_chars and not fragment:
        title = _Span("".join(parser.title_chars), parser.title_offs).squeeze()
        site = meta.get("og:site_name", "")
        if site:
            m = re.search(rf"\s*[|\-–—:]\s*{re.escape(site)}\s*$", title.s)
            if m:
                title = title[:m.start()]
        if title.s:
            blocks.insert(0, ("title", title))
    blocks = [("h2" if k == "h1" else k, sp) for k, sp in blocks]
    p.blocks = blocks
    md = {}
    if meta.get("og:site_name"):
        md["outlet"] = meta["og:site_name"]
    author = meta.get("author") or meta.get("article:author") or meta.get("byl") or ""
    if author and not author.startswith("http"):
        md["byline"] = re.sub(r"^(?:By|BY)\s+", "", author)
    for key in ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                "publish-date", "dc.date", "time"):
        if meta.get(key):
            md["date"] = meta[key]
            break
    url = meta.get("og:url") or meta.get("canonical")
    if url:
        md["url"] = url
    lang = meta.get("html:lang") or meta.get("og:locale") or ""
    if lang:
        md["language"] = re.split(r"[-_]", lang)[0].lower()
    if meta.get("og:title") and not any(k == "title" for k, _ in blocks):
        md["title"] = meta["og:title"]
    p.meta = md
    return p


# --------------------------------------------------------------------------- #
# Raw blocks -> repaired, structured article
# --------------------------------------------------------------------------- #


def _align(raw: str, rep: str) -> list[int]:
    """For each character of ``rep``, its index in ``raw`` (-1 for inserted spaces)."""
    if raw == rep:
        return list(range(len(raw)))
    out, i = [], 0
    for ch in rep:
        if i < len(raw) and raw[i] == ch:
            out.append(i)
            i += 1
        elif ch.isspace():
            out.append(-1)
        else:
            break
    else:
        if i == len(raw):
            return out
    # The repair did more than insert spaces: map what matches.
    out = [-1] * len(rep)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, raw, rep, autojunk=False).get_opcodes():
        if tag == "equal":
            out[j1:j2] = range(i1, i2)
    return out


def _structure(items: list[tuple[str, _Span]], glue) -> dict:
    """Find headline, summary, byline, dateline, notes, subheads and credit.

    ``items`` are repaired blocks; ``glue(span, pos)`` is called at each place
    where a note or credit was split off a block it was glued to.
    """
    notes: list[str] = []
    pieces: list[tuple[str, _Span]] = []
    for kind, sp in items:
        pos, emitted = 0, False
        for m in _NOTE.finditer(sp.s):
            left = sp[pos:m.start()].strip()
            if left.s:
                pieces.append((kind if not emitted else "para", left))
                emitted = True
            if m.start() > 0 and not sp.s[m.start() - 1].isspace():
                glue(sp, m.start())
            notes.append(re.sub(r"\s+", " ", m["note"]).strip())
            pos = m.end()
        rest = sp[pos:].strip()
        if rest.s:
            pieces.append((kind if not emitted else "para", rest))

    out = {"headline": None, "summary": [], "body": [], "credit": [], "byline": "",
           "dateline": None, "notes": notes}
    body = out["body"]
    started = False
    for i, (kind, sp) in enumerate(pieces):
        s = sp.s
        if kind == "title":
            if out["headline"] is None:
                out["headline"] = sp
            else:
                body.append(("subhead", sp))
            continue
        if kind == "caption":
            body.append(("caption", sp))
            continue
        if kind in ("h1", "h2"):
            body.append(("subhead", sp))
            continue
        if not started:
            if kind == "bullet":
                out["summary"].append(sp)
                continue
            names = _byline(s)
            if names is not None and not out["byline"]:
                out["byline"] = names
                continue
            if (i == 0 and out["headline"] is None and kind == "para" and _title_like(s)
                    and _byline(s) is None and _dateline(s) is None and i + 1 < len(pieces)):
                nk, ns = pieces[i + 1]
                if nk == "bullet" or _byline(ns.s) is not None or _dateline(ns.s) is not None:
                    out["headline"] = sp
                    continue
            started = True
            dm = _dateline(s)
            if dm is not None:
                out["dateline"] = dm
                sp = sp[dm.end():].strip()
                if not sp.s:
                    continue
            body.append(("body", sp))
            continue
        if kind == "para":
            sh = _subhead(s)
            if sh is not None:
                body.append(("subhead", sp[sh[0]:sh[1]]))
                continue
        body.append(("body", sp))

    # Credit, from the end: boilerplate dropped, contact lines and credit lines kept.
    credit = out["credit"]
    while body and body[-1][0] == "body" and _BOILERPLATE.match(body[-1][1].s):
        body.pop()
    while body and body[-1][0] in ("body", "subhead"):
        sp = body[-1][1]
        if _CONTACT.fullmatch(sp.s):
            credit.insert(0, sp)
            body.pop()
            continue
        if body[-1][0] != "body":
            break
        at = _credit_start(sp.s)
        if at is None:
            break
        if at == 0:
            credit.insert(0, sp)
            body.pop()
            continue
        if not sp.s[at - 1].isspace():
            glue(sp, at)
        body[-1] = ("body", sp[:at].strip())
        credit.insert(0, sp[at:].strip())
        break
    return out


def _assemble(path, article_id: str, parsed: _Parsed, raw_blocks: list[tuple[str, _Span]]) -> dict:
    """Repair the raw blocks, detect structure, build the record."""
    raw_strings = [sp.s for _, sp in raw_blocks]
    try:
        repaired, repairs = _text.repair_blocks(raw_strings)
    except Exception as exc:  # a bug in the repair must not stop a corpus run
        raise FramingError(path, f"glued-word repair failed: {type(exc).__name__}: {exc}",
                           stage="text") from None
    if len(repaired) != len(raw_strings):
        repaired, repairs = raw_strings, []
    aligns = [_align(r, p) for r, p in zip(raw_strings, repaired)]
    bases, total = [], 0
    for rep in repaired:
        bases.append(total)
        total += len(rep) + 1
    items = [(kind, _Span(rep, list(range(bases[b], bases[b] + len(rep)))))
             for b, ((kind, _), rep) in enumerate(zip(raw_blocks, repaired))]

    glued: list[int] = []
    st = _structure(items, lambda sp, pos: glued.append(sp.o[pos]))
    repairs = [dict(r) for r in repairs]
    for g in glued:
        _record_glue(g, bases, raw_strings, repaired, aligns, repairs)

    # Text and regions.
    blocks: list[tuple[str, _Span]] = []
    if st["headline"] is not None:
        blocks.append(("headline", st["headline"]))
    blocks += [("summary", sp) for sp in st["summary"]]
    blocks += st["body"]
    blocks += [("credit", sp) for sp in st["credit"]]
    blocks = [(r, sp.strip()) for r, sp in blocks if sp.s.strip()]
    if not any(r == "body" for r, _ in blocks):
        raise FramingError(path, "no article body found")
    text_parts, regions, rev = [], [], [-1] * total
    pos = 0
    for i, (region, sp) in enumerate(blocks):
        if i:
            text_parts.append("\n\n")
            pos += 2
        text_parts.append(sp.s)
        regions.append({"region": region, "paragraph": i, "start": pos, "end": pos + len(sp.s)})
        for k, g in enumerate(sp.o):
            if 0 <= g < total:
                rev[g] = pos + k
        pos += len(sp.s)
    text = "".join(text_parts)

    out_repairs = []
    for r in sorted(repairs, key=lambda r: (r["block"], r["raw_start"])):
        b = r["block"]
        raw_sp = raw_blocks[b][1]
        rs = r["raw_start"]
        raw_start = raw_sp.o[rs] if 0 <= rs < len(raw_sp.o) else -1
        start = -1
        g0 = bases[b] + r["start"]
        for g in range(g0, min(g0 + len(r["repaired"]), bases[b] + len(repaired[b]))):
            if rev[g] >= 0:
                start = rev[g]
                break
        out_repairs.append({"article": article_id, "raw": r["raw"], "repaired": r["repaired"],
                            "raw_start": raw_start, "start": start, "rule": r["rule"]})

    # Metadata, lowest precedence first: dateline, HTML meta / front matter / columns, header.
    rec = {k: "" for k in ARTICLE_COLUMNS}
    rec.update(article=article_id, path=str(path), language="en", home="", extra={})
    dm = st["dateline"]
    if dm is not None:
        rec["place"] = (dm["place"] or "").strip(" ,")
        rec["outlet"] = (dm["outlet"] or "").strip()
        if dm["year"] and dm["month"]:
            rec["date"] = _ymd(int(dm["year"]), _MONTHS[dm["month"][:3].lower()], int(dm["day"]))
    rec["byline"] = st["byline"]
    rec["update_note"] = "; ".join(st["notes"])
    if st["headline"] is not None:
        rec["title"] = st["headline"].strip().s
    if parsed.date_header:
        rec["date"] = parsed.date_header
    _apply_meta(rec, parsed.meta)
    wire = bool(parsed.date_header or (dm is not None and dm["outlet"]) or st["notes"] or st["credit"])
    rec["format"] = "wire" if parsed.format == "text" and wire else parsed.format
    rec["text"] = text
    rec["regions"] = regions
    rec["repairs"] = out_repairs
    rec["n_repairs"] = len(out_repairs)
    return rec


def _record_glue(g: int, bases, raw_strings, repaired, aligns, repairs: list[dict]) -> None:
    """Make sure the glued boundary at repaired global offset ``g`` is one repair record."""
    b = bisect.bisect_right(bases, g) - 1
    pos = g - bases[b]
    rep, raw, align = repaired[b], raw_strings[b], aligns[b]
    if pos <= 0 or rep[pos - 1].isspace() or align[pos] < 0:
        return
    raw_idx = align[pos]
    ts = raw_idx
    while ts > 0 and not raw[ts - 1].isspace():
        ts -= 1
    te = raw_idx
    while te < len(raw) and not raw[te].isspace():
        te += 1
    inv = {a: j for j, a in enumerate(align) if a >= 0}
    if ts not in inv or te - 1 not in inv:
        return
    js, je = inv[ts], inv[te - 1] + 1
    token = rep[js:pos] + " " + rep[pos:je]
    overlapping = [r for r in repairs if r["block"] == b
                   and r["raw_start"] < te and r["raw_start"] + len(r["raw"]) > ts]
    rule = ",".join(dict.fromkeys([x for r in overlapping for x in r["rule"].split(",")] + ["punct"]))
    for r in overlapping:
        repairs.remove(r)
    repairs.append({"block": b, "raw": raw[ts:te], "repaired": token, "raw_start": ts,
                    "start": js, "rule": rule})


# --------------------------------------------------------------------------- #
# Exports: CSV, JSON Lines, JSON
# --------------------------------------------------------------------------- #


def _find_col(columns: Iterable[str], names: tuple[str, ...]) -> str | None:
    lower = {}
    for c in columns:
        if c is not None:
            lower.setdefault(str(c).strip().lower(), c)
    for n in names:
        if n in lower:
            return lower[n]
    return None


def _row_record(path, stem: str, rowno, row: dict, cols: dict, ids: set) -> dict:
    """One export row to an article record (raises FramingError naming the row)."""
    rid = row.get(cols["id"]) if cols["id"] else None
    rid = "" if rid is None or (isinstance(rid, float) and rid != rid) else str(rid).strip()
    article_id = f"{stem}#{rid or rowno}"
    where = f"row {rowno}" + (f" (id {rid})" if rid else "")

    def fail(problem):
        return FramingError(path, f"{where}: {problem}", article=article_id)

    if article_id in ids:
        raise fail(f"duplicate id {rid or rowno!r}")
    ids.add(article_id)
    body = row.get(cols["text"])
    body = "" if body is None or (isinstance(body, float) and body != body) else str(body)
    if not body.strip():
        raise fail("empty text")
    if len(body) < 200 and not re.search(r"\s", body.strip()):
        # "article" is a text column name in some exports, and the id column of framing's own
        # tables: a claims.csv or signals.csv fed back in would otherwise "analyse" its ids.
        raise fail(f"column {cols['text']!r} holds no article text ({body.strip()[:40]!r}); "
                   "is this one of framing's output tables?")
    title = row.get(cols["title"]) if cols["title"] else None
    title = "" if title is None or (isinstance(title, float) and title != title) else re.sub(r"\s+", " ", str(title)).strip()
    sep = "\n\n" if title else ""
    raw = title + sep + body
    doc = _Span.of(raw)
    body_span = doc[len(title) + len(sep):]
    if re.search(r"<(?:p|div|br|h[1-6])\b", body, re.I):
        parsed = _parse_html(_lines_normalised_span(body_span), path, fragment=True)
        parsed.blocks = [b for b in parsed.blocks if b[0] != "title" or not title]
    else:
        parsed = _parse_text(_lines_normalised_span(body_span), path, ".txt", front=False)
        parsed.blocks = [b for b in parsed.blocks if b[0] != "title" or not title]
    if title:
        parsed.blocks.insert(0, ("title", doc[:len(title)]))
    meta = {}
    for key, val in row.items():
        if key in (cols["text"], cols["id"]) or key is None:
            continue
        low = str(key).strip().lower()
        if key == cols["title"]:
            low = "title"
        elif key == cols["date"]:
            low = "date"
        elif key == cols["outlet"]:
            low = "outlet"
        meta[low] = val
    parsed.meta = meta
    try:
        rec = _assemble(path, article_id, parsed, parsed.blocks)
    except FramingError as exc:
        err = fail(exc.problem)
        err.stage = getattr(exc, "stage", "read")
        raise err from None
    return rec


def _try_row(path, stem: str, rowno, row: dict, cols: dict, ids: set) -> dict | FramingError:
    """One export row as a record, or its error (a bad row never stops the file)."""
    try:
        return _row_record(path, stem, rowno, row, cols, ids)
    except FramingError as exc:
        return exc


def _lines_normalised_span(sp: _Span) -> _Span:
    if "\r" in sp.s:
        sp = sp.sub(re.compile(r"\r(?=\n)"))
        sp = _Span(sp.s.replace("\r", "\n"), sp.o)
    return sp


def _columns(path, names: list[str]) -> dict:
    text = _find_col(names, TEXT_COLUMNS)
    if text is None:
        shown = ", ".join(str(n) for n in names if n is not None) or "none"
        raise FramingError(path, f"no text column (expected one of {', '.join(TEXT_COLUMNS)}); "
                                 f"columns: {shown}")
    return {"text": text, "title": _find_col(names, TITLE_COLUMNS), "date": _find_col(names, DATE_COLUMNS),
            "outlet": _find_col(names, OUTLET_COLUMNS), "id": _find_col(names, ID_COLUMNS)}


def _iter_csv(path, text: str, stem: str) -> Iterator[dict | FramingError]:
    if csv.field_size_limit() < 1 << 24:
        csv.field_size_limit(1 << 24)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        names = reader.fieldnames
    except csv.Error as exc:
        raise FramingError(path, f"malformed CSV: {exc}") from None
    if not names:
        raise FramingError(path, "no header row")
    cols = _columns(path, list(names))
    ids: set = set()
    rowno = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FramingError(path, f"malformed CSV after row {rowno}: {exc}") from None
        rowno += 1
        row.pop(None, None)  # extra cells beyond the header
        yield _try_row(path, stem, rowno, row, cols, ids)
    if rowno == 0:
        raise FramingError(path, "no article rows (only a header)")


def _iter_json(path, text: str, stem: str, ext: str) -> Iterator[dict | FramingError]:
    rows: Iterable[tuple[int, object]]
    if ext == ".jsonl" or (ext == ".json" and not text.lstrip().startswith(("[", "{"))):
        rows = ((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())
        lines = True
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            # A .json file may hold JSON Lines too.
            if exc.msg == "Extra data":
                yield from _iter_json(path, text, stem, ".jsonl")
                return
            raise FramingError(path, f"malformed JSON: {exc.msg} (line {exc.lineno})") from None
        if isinstance(data, dict):
            listed = next((data[k] for k in ("articles", "data", "items", "records", "results", "rows")
                           if isinstance(data.get(k), list)), None)
            data = listed if listed is not None else [data]
        if not isinstance(data, list):
            raise FramingError(path, "expected a list of article objects")
        rows = enumerate(data, 1)
        lines = False
    cols = None
    ids: set = set()
    n = 0
    for rowno, item in rows:
        n += 1
        if lines:
            try:
                item = json.loads(item)
            except json.JSONDecodeError as exc:
                yield FramingError(path, f"line {rowno}: malformed JSON: {exc.msg}", article=f"{stem}#{rowno}")
                continue
        if not isinstance(item, dict):
            yield FramingError(path, f"row {rowno}: not a JSON object", article=f"{stem}#{rowno}")
            continue
        if cols is None:
            cols = _columns(path, list(item))
        row = dict(item)
        if cols["text"] not in row:
            alt = _find_col(row, TEXT_COLUMNS)
            if alt is not None:
                row[cols["text"]] = row.pop(alt)
        yield _try_row(path, stem, rowno, row, cols, ids)
    if n == 0:
        raise FramingError(path, "no article rows")


# --------------------------------------------------------------------------- #
# Public API: one file
# --------------------------------------------------------------------------- #


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:  # read only: input files are never modified
            return fh.read()
    except FileNotFoundError:
        raise FramingError(path, "no such file") from None
    except IsADirectoryError:
        raise FramingError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise FramingError(path, f"cannot read the file: {exc.strerror or exc}") from None


def iter_file(path: str | Path, *, metadata: Mapping | None = None) -> Iterator[dict | FramingError]:
    """Records of one file; per-row problems of exports are *yielded* as FramingError.

    File-level problems (empty, binary, undecodable, no text column, ...) are raised.
    """
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED:
        raise FramingError(path, f"unsupported file type {ext or '(none)'!r} "
                                 f"(supported: {' '.join(SUPPORTED)})")
    raw = _read_bytes(p)
    sha = hashlib.sha256(raw).hexdigest()
    text, encoding = decode(raw, path)
    family = SUPPORTED[ext]

    def finish(rec: dict) -> dict:
        rec["sha256"], rec["encoding"] = sha, encoding
        if family in ("csv", "jsonl", "json"):
            rec["format"] = "csv" if family == "csv" else "jsonl"
        if metadata:
            _apply_meta(rec, metadata)
        return _ordered(rec)

    if family in ("csv", "jsonl", "json"):
        gen = (_iter_csv(path, text, p.stem) if family == "csv"
               else _iter_json(path, text, p.stem, ext))
        for item in gen:
            yield item if isinstance(item, FramingError) else finish(item)
        return
    doc = _lines_normalised(text)
    if family == "html":
        parsed = _parse_html(doc, path)
    else:
        parsed = _parse_text(doc, path, ext)
    yield finish(_assemble(path, p.stem, parsed, parsed.blocks))


def _ordered(rec: dict) -> dict:
    return {k: rec.get(k, "" if k not in ("regions", "repairs", "extra") else
                       ({} if k == "extra" else [])) for k in ARTICLE_KEYS}


def read_article(path: str | Path, *, metadata: Mapping | None = None,
                 errors: list | None = None) -> list[dict]:
    """Read one file into article record(s): one for a text/HTML file, one per row of an export.

    ``metadata`` adds or overrides metadata (keys as in ``metadata.csv``). Raises
    :class:`FramingError` naming the file and the problem. A bad row of a CSV/JSON
    export (empty text, malformed line) is appended to ``errors`` (a list of
    FramingError, each with an ``article`` attribute) when a list is given, so the
    other rows still read; without ``errors`` the first bad row raises.
    """
    out = []
    for item in iter_file(path, metadata=metadata):
        if isinstance(item, FramingError):
            if errors is None:
                raise item
            errors.append(item)
        else:
            out.append(item)
    return out


# --------------------------------------------------------------------------- #
# Public API: folders
# --------------------------------------------------------------------------- #


def _skip_name(name: str) -> bool:
    low = name.lower()
    return name.startswith(".") or low.startswith("readme") or low == "metadata.csv"


def _walk(root: Path) -> Iterator[Path]:
    """Supported files under ``root``, sorted, hidden entries skipped (streams)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            yield from _walk(Path(e.path))
        elif not _skip_name(e.name) and Path(e.name).suffix.lower() in SUPPORTED:
            yield Path(e.path)


class _MetadataIndex:
    """metadata.csv files, loaded lazily per folder."""

    def __init__(self, explicit=None):
        self.cache: dict[Path, dict | None] = {}
        self.errors: list[FramingError] = []
        self.explicit = None
        if explicit is not None:
            self.explicit = (Path(explicit).resolve().parent, self._load(Path(explicit)))

    def _load(self, path: Path) -> dict:
        table: dict[str, dict] = {}
        try:
            raw = _read_bytes(path)
            text, _ = decode(raw, path)
            reader = csv.DictReader(io.StringIO(text, newline=""))
            names = reader.fieldnames or []
            key = _find_col(names, ("file", "path", "id"))
            if key is None:
                raise FramingError(path, "metadata.csv needs a 'file', 'path' or 'id' column; "
                                         f"columns: {', '.join(names) or 'none'}")
            for row in reader:
                row.pop(None, None)
                k = (row.get(key) or "").strip()
                if k:
                    table[k.replace("\\", "/")] = {c: v for c, v in row.items() if c != key}
        except FramingError as exc:
            self.errors.append(exc)
        except csv.Error as exc:
            self.errors.append(FramingError(path, f"malformed CSV: {exc}"))
        return table

    def folder(self, d: Path) -> dict | None:
        if d not in self.cache:
            f = next((d / n for n in ("metadata.csv", "METADATA.csv", "Metadata.csv") if (d / n).is_file()),
                     None)
            self.cache[d] = self._load(f) if f is not None else None
        return self.cache[d]

    @staticmethod
    def _lookup(table: dict, base: Path, path: Path) -> dict:
        out: dict = {}
        try:
            rel = path.resolve().relative_to(base).as_posix()
        except ValueError:
            rel = None
        for k in (path.stem, path.name, rel):
            if k and k in table:
                out.update(table[k])
        return out

    def for_file(self, path: Path, root: Path | None) -> tuple[dict, list[tuple[Path, dict]]]:
        """Metadata for ``path`` (parents first) and the tables that apply (for row ids)."""
        folders = []
        d = path.resolve().parent
        stop = (root or path.parent).resolve()
        while True:
            folders.append(d)
            if d == stop or d.parent == d:
                break
            d = d.parent
        tables = [(f, t) for f in reversed(folders) if (t := self.folder(f))]
        if self.explicit is not None:
            tables.append(self.explicit)
        meta: dict = {}
        for base, table in tables:
            meta.update(self._lookup(table, base, path))
        return meta, tables


def _as_paths(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def iter_articles(paths: str | Path | Iterable, *, metadata_csv: str | Path | None = None
                  ) -> Iterator[dict | FramingError]:
    """Stream article records (dicts) and problems (:class:`FramingError`, with
    ``article`` and ``stage`` attributes) over files and folders.

    Folders are walked recursively in sorted order, skipping hidden entries,
    ``README*`` and ``metadata.csv``; files with other extensions are ignored.
    A ``metadata.csv`` in a folder (or its parents up to the folder given) adds
    or overrides metadata; ``metadata_csv`` applies on top. Nothing is kept in
    memory but the article ids seen (to refuse duplicates).
    """
    index = _MetadataIndex(metadata_csv)
    yield from index.errors
    seen: dict[str, str] = {}
    for given in _as_paths(paths):
        if given.is_dir():
            files: Iterable[tuple[Path, Path | None]] = ((f, given) for f in _walk(given))
        elif given.exists() or given.suffix:
            files = [(given, None)]
        else:
            yield FramingError(given, "no such file or folder")
            continue
        for f, root in files:
            n_err = len(index.errors)
            meta, tables = index.for_file(f, root)
            yield from index.errors[n_err:]
            try:
                for item in iter_file(f, metadata=meta):
                    if isinstance(item, FramingError):
                        yield item
                        continue
                    aid = item["article"]
                    if "#" in aid:
                        for _, table in tables:
                            if aid in table:
                                _apply_meta(item, table[aid])
                    if aid in seen:
                        yield FramingError(f, f"article id {aid!r} is already used by {seen[aid]}; "
                                              "rename one of the files", article=aid)
                        continue
                    seen[aid] = str(f)
                    yield item
            except FramingError as exc:
                if not hasattr(exc, "article"):
                    exc.article = f.stem
                yield exc
            except Exception as exc:  # never let one file stop a corpus run
                yield FramingError(f, f"unexpected error while reading ({type(exc).__name__}: {exc}); "
                                      "please report it", article=f.stem)


def _error_row(e: FramingError) -> dict:
    return {"path": e.path or "", "article": getattr(e, "article", "") or "",
            "stage": getattr(e, "stage", "read"), "problem": e.problem}


def errors_table(errors: Iterable[FramingError]) -> pd.DataFrame:
    """FramingErrors as the ``errors`` table (path, article, stage, problem)."""
    return pd.DataFrame([_error_row(e) for e in errors], columns=ERROR_COLUMNS)


def read_corpus(paths: str | Path | Iterable, *, metadata_csv: str | Path | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read files and folders into ``(articles, errors)`` DataFrames.

    ``articles`` has one row per article (columns :data:`ARTICLE_KEYS`); ``errors``
    one row per problem (``path, article, stage, problem``). A bad file never stops
    the run.

    >>> from framing import paths
    >>> articles, errors = read_corpus(paths.CORPUS)
    >>> len(articles) >= 1, list(errors.columns)
    (True, ['path', 'article', 'stage', 'problem'])
    """
    records, errors = [], []
    for item in iter_articles(paths, metadata_csv=metadata_csv):
        (errors if isinstance(item, FramingError) else records).append(item)
    return pd.DataFrame(records, columns=ARTICLE_KEYS), errors_table(errors)


def _records(articles) -> Iterable[dict]:
    if isinstance(articles, pd.DataFrame):
        return articles.to_dict("records")
    if isinstance(articles, dict):
        return [articles]
    return articles


def regions_table(articles) -> pd.DataFrame:
    """One row per region (article, paragraph, region, start, end), from records or the articles table."""
    rows = [{"article": a["article"], **r} for a in _records(articles) for r in a["regions"]]
    return pd.DataFrame(rows, columns=REGION_COLUMNS)


def repairs_table(articles) -> pd.DataFrame:
    """One row per glued-word repair (article, raw, repaired, raw_start, start, rule)."""
    rows = [dict(r) for a in _records(articles) for r in a["repairs"]]
    return pd.DataFrame(rows, columns=REPAIR_COLUMNS)
