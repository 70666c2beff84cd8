"""The article as HTML, with each claim highlighted in its camp's colour.

Every character of the article goes through :func:`html.escape`, so an article
that contains markup (``<script>``) shows it as text. Claims may overlap or nest
(a quote inside a reported claim): the text is cut at every claim and mention
boundary into non-overlapping segments, and each segment is wrapped on its own,
so the markup is always well nested.

Hover a highlight for the speaker, camp and cue; the number after a claim points
to its note under the article, which repeats the claim's text and its cue.

>>> import pandas as pd
>>> text = 'He said "<b>no</b>".'
>>> claims = pd.DataFrame({"claim": [0], "speaker": ["He"], "camp": ["state"], "cue": ["said"],
...                        "cue_class": ["neutral"], "kind": ["direct"], "text": ['"<b>no</b>"'],
...                        "start": [8], "end": [19]})
>>> out = annotated_html(text, claims)
>>> "<b>no" in out, "&lt;b&gt;no&lt;/b&gt;" in out
(False, True)
"""
from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.plots import CAMPS, camp_color

__all__ = ["annotated_html", "standalone_html", "write_html", "AnnotatedArticle"]

_CSS = """
.framing-annotated { font-family: Georgia, 'Times New Roman', serif; color: #111; background: #fff;
  max-width: 46em; line-height: 1.55; padding: 0.5em 1em; }
.framing-annotated h1 { font-size: 1.35em; margin: 0.3em 0 0.4em; }
.framing-annotated .legend { font-family: system-ui, sans-serif; font-size: 0.85em; margin: 0.3em 0 1em; }
.framing-annotated .legend span.swatch { display: inline-block; padding: 0 0.45em; margin-right: 0.6em;
  border-radius: 2px; }
.framing-annotated .text { white-space: pre-wrap; }
.framing-annotated mark.claim { color: inherit; padding: 0; border-radius: 1px; }
.framing-annotated span.mention { text-decoration-line: underline; text-decoration-style: dotted;
  text-decoration-thickness: 2px; }
.framing-annotated sup.ref { font-family: system-ui, sans-serif; font-size: 0.7em; }
.framing-annotated sup.ref a { text-decoration: none; }
.framing-annotated .notes { font-family: system-ui, sans-serif; font-size: 0.85em; border-top: 1px solid #ccc;
  margin-top: 1.2em; padding-top: 0.5em; list-style: none; padding-left: 0; }
.framing-annotated .notes li { margin: 0.25em 0; }
.framing-annotated .notes .camp { font-weight: bold; }
"""


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha:.2f})"


def _e(value) -> str:
    """Escape anything for text and attribute positions (quotes included)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _field(row: Mapping, key: str, default=""):
    value = row.get(key, default)
    try:
        if pd.isna(value):
            return default
    except (TypeError, ValueError):
        pass
    return value


def _span(row: Mapping, n: int) -> tuple[int, int] | None:
    try:
        start, end = int(row["start"]), int(row["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if 0 <= start < end <= n:
        return start, end
    return None


def _records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


def _claim_title(c: dict) -> str:
    speaker = _field(c, "speaker", "unknown speaker")
    parts = [f"claim {c['_id']}: {speaker} ({_field(c, 'camp', 'other')})"]
    cue = _field(c, "cue")
    if cue:
        cls = _field(c, "cue_class")
        parts.append(f"cue “{cue}”" + (f" [{cls}]" if cls else ""))
    kind = _field(c, "kind")
    if kind:
        parts.append(str(kind))
    if _field(c, "distancing", False) is True:
        parts.append("distancing")
    return " — ".join(parts)


def annotated_html(text: str, claims: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
                   title: str = "") -> str:
    """The article ``text`` as an HTML fragment with ``claims`` highlighted by camp.

    ``claims`` and ``mentions`` follow :mod:`framing.schema` (``start``/``end``
    are offsets into ``text``). Returns a ``<div>`` with its own ``<style>``: a
    title, a legend of the camp colours, the text with highlights (hover title:
    speaker, camp, cue) and numbered notes, one per claim, giving speaker, camp,
    cue and the claim's text. Claims without usable offsets appear in the notes
    only.
    """
    text = "" if text is None else str(text)
    n = len(text)
    uid = "fa-" + hashlib.sha1((title + "\0" + text).encode("utf-8")).hexdigest()[:8]

    cl = _records(claims)
    for i, c in enumerate(cl):
        cid = _field(c, "claim", i)
        c["_id"] = int(cid) if isinstance(cid, (int, float)) and not isinstance(cid, bool) else cid
        c["_span"] = _span(c, n)
    cl.sort(key=lambda c: (c["_span"] or (n + 1, n + 1), str(c["_id"])))
    mn = [m for m in _records(mentions) if _span(m, n)]
    for m in mn:
        m["_span"] = _span(m, n)

    bounds = {0, n}
    for item in cl + mn:
        if item["_span"]:
            bounds.update(item["_span"])
    cuts = sorted(bounds)
    ends: dict[int, list[dict]] = {}
    for c in cl:
        if c["_span"]:
            ends.setdefault(c["_span"][1], []).append(c)

    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        seg = _e(text[a:b])
        over_m = [m for m in mn if m["_span"][0] <= a and m["_span"][1] >= b]
        if over_m:
            m = min(over_m, key=lambda m: m["_span"][1] - m["_span"][0])
            camp = str(_field(m, "camp", "other"))
            tip = f"{_field(m, 'actor', _field(m, 'mention'))} ({camp})"
            via = _field(m, "via")
            if via:
                tip += f", found by {via}"
            seg = (f'<span class="mention camp-{_e(camp)}" style="text-decoration-color: '
                   f'{camp_color(camp)}" title="{_e(tip)}">{seg}</span>')
        over_c = [c for c in cl if c["_span"] and c["_span"][0] <= a and c["_span"][1] >= b]
        if over_c:
            by_size = sorted(over_c, key=lambda c: (c["_span"][1] - c["_span"][0], str(c["_id"])))
            inner, outer = by_size[0], by_size[-1]
            camp = str(_field(inner, "camp", "other"))
            alpha = min(0.22 * len(over_c), 0.6)
            style = (f"background-color: {_rgba(camp_color(camp), alpha)}; border-bottom: 2px solid "
                     f"{camp_color(_field(outer, 'camp', 'other'))}")
            tip = "\n".join(_claim_title(c) for c in by_size)
            ids = " ".join(str(c["_id"]) for c in by_size)
            seg = (f'<mark class="claim camp-{_e(camp)}{" nested" if len(over_c) > 1 else ""}" '
                   f'data-claims="{_e(ids)}" style="{style}" title="{_e(tip)}">{seg}</mark>')
        out.append(seg)
        for c in ends.get(b, []):
            out.append(f'<sup class="ref"><a href="#{uid}-n{_e(c["_id"])}" '
                       f'id="{uid}-r{_e(c["_id"])}" title="{_e(_claim_title(c))}">'
                       f'{_e(c["_id"])}</a></sup>')

    counts = {camp: 0 for camp in CAMPS}
    for c in cl:
        camp = str(_field(c, "camp", "other"))
        counts[camp] = counts.get(camp, 0) + 1
    legend = "".join(
        f'<span class="swatch camp-{_e(camp)}" style="background-color: '
        f'{_rgba(camp_color(camp), 0.22)}; border-bottom: 2px solid {camp_color(camp)}">'
        f'{_e(camp)} ({k} claim{"s" if k != 1 else ""})</span>'
        for camp, k in counts.items()
    )
    notes = []
    for c in cl:
        camp = str(_field(c, "camp", "other"))
        cue, cls, kind = _field(c, "cue"), _field(c, "cue_class"), _field(c, "kind")
        where = "" if c["_span"] else " <em>(offsets not found in the text)</em>"
        detail = ", ".join(_e(v) for v in (cls, kind) if v)
        back = f' <a href="#{uid}-r{_e(c["_id"])}">↩</a>' if c["_span"] else ""
        notes.append(
            f'<li id="{uid}-n{_e(c["_id"])}"><b>{_e(c["_id"])}</b> '
            f'{_e(_field(c, "speaker", "unknown speaker"))} '
            f'<span class="camp" style="color: {camp_color(camp)}">({_e(camp)})</span>'
            + (f' — cue “{_e(cue)}”' if cue else "") + (f" ({detail})" if detail else "")
            + f': <q>{_e(_field(c, "text"))}</q>{where}{back}</li>'
        )

    head = f"<h1>{_e(title)}</h1>" if title else ""
    note_list = f'<ul class="notes">{"".join(notes)}</ul>' if notes else (
        '<p class="notes">No claims found.</p>')
    return (
        f'<div class="framing-annotated" id="{uid}"><style>{_CSS}</style>{head}'
        f'<div class="legend">Claims by camp: {legend}<br>Hover a highlight for speaker, camp and '
        f'cue; numbers are claim ids (the <code>claim</code> column) and lead to the notes.'
        f'{" Dotted underlines mark mentions of actors." if mn else ""}</div>'
        f'<div class="text">{"".join(out)}</div>{note_list}</div>'
    )


def standalone_html(text: str, claims: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
                    title: str = "") -> str:
    """A complete HTML page around :func:`annotated_html`."""
    body = annotated_html(text, claims, mentions, title=title)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{_e(title or 'Annotated article')}</title>\n</head>\n<body>\n{body}\n"
            "</body>\n</html>\n")


def _from_result(result: Mapping[str, pd.DataFrame], article: str | None = None):
    """text, claims, mentions and title of one article of an ``analyze`` result."""
    articles = result["articles"]
    if article is None:
        row = articles.iloc[0]
    else:
        row = articles[articles["article"] == article].iloc[0]
    art = row["article"]

    def pick(key):
        frame = result.get(key)
        if frame is None or len(frame) == 0 or "article" not in frame.columns:
            return frame
        return frame[frame["article"] == art]

    title = _field(row, "title", "") or str(art)
    return str(row["text"]), pick("claims"), pick("mentions"), str(title)


class AnnotatedArticle:
    """An annotated article; Jupyter shows it as HTML.

    >>> import pandas as pd
    >>> AnnotatedArticle("No claims here.", pd.DataFrame())._repr_html_().count("No claims found")
    1
    """

    def __init__(self, text: str, claims: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
                 title: str = ""):
        self.text, self.claims, self.mentions, self.title = text, claims, mentions, title

    @classmethod
    def from_result(cls, result: Mapping[str, pd.DataFrame],
                    article: str | None = None) -> "AnnotatedArticle":
        """Build from the tables of ``framing.pipeline.analyze`` (first article unless named)."""
        text, claims, mentions, title = _from_result(result, article)
        return cls(text, claims, mentions, title=title)

    def html(self) -> str:
        """The HTML fragment."""
        return annotated_html(self.text, self.claims, self.mentions, title=self.title)

    def _repr_html_(self) -> str:
        return self.html()

    def write_html(self, path: str | os.PathLike) -> Path:
        """Write a standalone page to ``path``."""
        return write_html(path, self.text, self.claims, self.mentions, title=self.title)


def write_html(path: str | os.PathLike, text: str | Mapping[str, pd.DataFrame],
               claims: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None, *,
               title: str = "", article: str | None = None) -> Path:
    """Write the annotated article as a standalone HTML page (UTF-8) and return its path.

    ``text`` is the article text, or the result of ``framing.pipeline.analyze`` /
    ``analyze_article`` (a dict of tables), in which case ``claims``,
    ``mentions`` and ``title`` are taken from it (``article`` picks one).
    """
    if isinstance(text, Mapping):
        text, c, m, t = _from_result(text, article)
        claims = c if claims is None else claims
        mentions = m if mentions is None else mentions
        title = title or t
    if claims is None:
        claims = pd.DataFrame()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(standalone_html(text, claims, mentions, title=title), encoding="utf-8",
                    newline="\n")
    return path
