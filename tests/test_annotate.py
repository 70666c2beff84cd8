"""framing.annotate: escaped, well-nested HTML with claims in camp colours."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pandas as pd
import pytest

from framing import annotate
from framing.annotate import AnnotatedArticle, annotated_html, write_html
from framing.plots import CAMP_COLORS, CAMPS

TEXT = (
    "Kremlin <script>alert('x')</script> hits back\n\n"
    'Leonid Volkov said "we & they will <win> this" and more, officials said.\n\n'
    "The foreign ministry accused the allies of being agents."
)


def span(text: str, piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def make_claims() -> pd.DataFrame:
    rows = []
    spec = [  # speaker, camp, cue, cue_class, kind, content
        ("Leonid Volkov", "opposition", "said", "neutral", "direct", '"we & they will <win> this"'),
        ("Officials", "state", "said", "neutral", "indirect",
         'Leonid Volkov said "we & they will <win> this" and more'),
        ("Foreign Ministry", "state", "accused", "accusatory", "indirect",
         "the allies of being agents"),
        ("European Union", "foreign", "urged", "directive", "indirect", "hits back"),
    ]
    for i, (speaker, camp, cue, cls, kind, content) in enumerate(spec):
        start, end = span(TEXT, content)
        rows.append(dict(article="t", claim=i, region="body", paragraph=1, sentence=1,
                         speaker=speaker, mention=speaker, camp=camp, kind=kind, cue=cue,
                         cue_class=cls, text=content, start=start, end=end, via="name",
                         distancing=False, quoted_words=0))
    return pd.DataFrame(rows)


def make_mentions() -> pd.DataFrame:
    start, end = span(TEXT, "Leonid Volkov")
    return pd.DataFrame([dict(article="t", mention_id=0, sentence=1, region="body", start=start,
                              end=end, mention="Leonid Volkov", actor="Leonid Volkov",
                              camp="opposition", actor_kind="person", gender="m", via="name",
                              label="")])


class TagChecker(HTMLParser):
    """Records tags that are closed out of order or left open."""

    VOID = {"br", "meta", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check_markup(out: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(out)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)
    return checker


def test_script_in_article_is_shown_as_text():
    out = annotated_html(TEXT, make_claims(), make_mentions(), title="<script>t()</script>")
    checker = check_markup(out)
    assert "script" not in checker.tags
    assert "<script>" not in out
    assert html.escape("<script>alert('x')</script>") in out
    assert "&lt;win&gt;" in out and "<win>" not in out
    assert html.escape("<script>t()</script>") in out


def test_every_claims_text_is_present():
    claims = make_claims()
    out = annotated_html(TEXT, claims, make_mentions())
    for content in claims["text"]:
        assert html.escape(content) in out


def test_claims_are_highlighted_in_camp_colours_with_hover_details():
    out = annotated_html(TEXT, make_claims())
    for camp in ("state", "opposition", "foreign"):
        assert f'class="claim camp-{camp}' in out
        assert CAMP_COLORS[camp] in out
    # hover title: speaker, camp and cue
    assert 'title="claim 2: Foreign Ministry (state) — cue “accused” [accusatory]' in out


def test_legend_lists_every_camp_in_its_colour():
    out = annotated_html(TEXT, make_claims())
    legend = out[out.index('class="legend"'):out.index('class="text"')]
    for camp in CAMPS:
        assert f"camp-{camp}" in legend and CAMP_COLORS[camp] in legend
    assert "state (2 claims)" in legend and "other (0 claims)" in legend


def test_nested_and_overlapping_claims_stay_well_formed():
    claims = make_claims()
    # an extra claim that overlaps (crosses) the nested pair without containing it
    start, end = span(TEXT, "will <win> this\" and more, officials")
    claims.loc[len(claims)] = {**claims.iloc[0].to_dict(), "claim": 9, "camp": "other",
                               "text": TEXT[start:end], "start": start, "end": end}
    out = annotated_html(TEXT, claims, make_mentions())
    check_markup(out)
    assert "nested" in out
    # The visible text is the article, unchanged, once tags are removed.
    body = out[out.index('<div class="text">'):out.index('<ul class="notes">')]

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag == "sup"

        def handle_endtag(self, tag):
            self.skip -= tag == "sup"

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    t = Text()
    t.feed(body)
    assert "".join(t.parts) == TEXT


def test_bad_offsets_do_not_break_the_page():
    claims = make_claims()
    claims.loc[0, ["start", "end"]] = [-5, 10_000]
    claims.loc[1, "start"] = None
    out = annotated_html(TEXT, claims)
    check_markup(out)
    assert "offsets not found" in out
    assert html.escape(claims.loc[0, "text"]) in out


def test_no_claims():
    out = annotated_html(TEXT, pd.DataFrame())
    check_markup(out)
    assert "No claims found" in out


def test_annotated_article_repr_and_write_html(tmp_path):
    art = AnnotatedArticle(TEXT, make_claims(), make_mentions(), title="A & B")
    frag = art._repr_html_()
    assert frag.startswith('<div class="framing-annotated"') and "A &amp; B" in frag
    page = write_html(tmp_path / "out" / "a.html", TEXT, make_claims(), title="A & B")
    content = page.read_text(encoding="utf-8")
    assert content.startswith("<!DOCTYPE html>") and "<title>A &amp; B</title>" in content
    check_markup(content.split("\n", 1)[1])
    own = art.write_html(tmp_path / "b.html").read_text(encoding="utf-8")
    assert own.startswith("<!DOCTYPE html>") and 'class="mention' in own


def test_write_html_from_analysis_result(tmp_path):
    result = {
        "articles": pd.DataFrame({"article": ["t", "u"], "title": ["T <1>", "U"], "text": [TEXT, "x"]}),
        "claims": pd.concat([make_claims(), make_claims().assign(article="u", start=0, end=1)]),
        "mentions": make_mentions(),
    }
    page = write_html(tmp_path / "r.html", result).read_text(encoding="utf-8")
    assert "<title>T &lt;1&gt;</title>" in page
    assert page.count('<li id="') == len(make_claims())  # only article t's claims
    art = AnnotatedArticle.from_result(result, article="u")
    assert art.text == "x" and len(art.claims) == len(make_claims())


@pytest.mark.parametrize("value", ['"quotes"', "it's", "a\nb"])
def test_attribute_values_are_quoted(value):
    claims = make_claims().assign(speaker=value)
    out = annotated_html(TEXT, claims)
    check_markup(out)
    assert f'title="claim 0: {annotate._e(value)}' in out
