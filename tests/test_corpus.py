"""Tests for framing.corpus. All article text here is written by us for the tests."""
from __future__ import annotations

import hashlib
import json
import os

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import corpus, paths
from framing import text as text_module
from framing.corpus import (ARTICLE_KEYS, iter_articles, read_article, read_corpus,
                            regions_table, repairs_table)
from framing.errors import FramingError
from framing.schema import COLUMNS

# --------------------------------------------------------------------------- #
# helpers
# --------------------------------------------------------------------------- #


def blocks_of(rec, region):
    return [rec["text"][r["start"]:r["end"]] for r in rec["regions"] if r["region"] == region]


def check_regions(rec):
    """Regions tile ``text``: each block is text[start:end], blocks joined by a blank line."""
    text = rec["text"]
    parts = text.split("\n\n")
    assert len(parts) == len(rec["regions"])
    for i, (r, part) in enumerate(zip(rec["regions"], parts)):
        assert r["paragraph"] == i
        assert text[r["start"]:r["end"]] == part
        assert part == part.strip() and part
        assert r["region"] in {"headline", "summary", "body", "subhead", "caption", "credit"}


def write(path, content, encoding="utf-8"):
    data = content.encode(encoding) if isinstance(content, str) else content
    path.write_bytes(data)
    return path


WIRE = """ date 2022-03-03 * Ministers meet at the border crossing

* Talks to resume next week, officials say

By Jane Roe

KYIV, Ukraine, March 3 (Northwire) - Negotiators from both sides met on Thursday at a border crossing, officials said.

Both delegations described the talks as difficult but useful.

TALKS TO RESUME

A second round is planned for next week, an official said.

(Reporting by Jane Roe; Editing by John Doe)
"""


# --------------------------------------------------------------------------- #
# the seed
# --------------------------------------------------------------------------- #


@pytest.fixture(scope="module")
def seed():
    before = paths.SEED.read_bytes()
    mtime = os.stat(paths.SEED).st_mtime_ns
    [rec] = read_article(paths.SEED)
    assert paths.SEED.read_bytes() == before
    assert os.stat(paths.SEED).st_mtime_ns == mtime
    return rec


def test_seed_metadata(seed):
    assert seed["article"] == paths.SEED.stem
    assert seed["byline"] == "Tom Balmforth and Anton Kolodyazhnyy"
    assert seed["place"] == "MOSCOW"
    assert seed["outlet"] == "Reuters"
    assert seed["date"] == "2021-02-09"
    assert seed["update_note"] == "Adds comments by Kremlin, Russian foreign ministry"
    assert seed["format"] == "wire"
    assert seed["encoding"] == "utf-8"
    assert seed["language"] == "en"
    assert seed["title"] == ""
    assert seed["sha256"] == hashlib.sha256(paths.SEED.read_bytes()).hexdigest()
    assert list(seed) == ARTICLE_KEYS
    assert set(COLUMNS["articles"]) <= set(seed)


def test_seed_regions(seed):
    check_regions(seed)
    summary = blocks_of(seed, "summary")
    assert summary == ["Some 11,000 arrested in protests so far",
                       "Volkov says new tactic distances protesters from police",
                       "Authorities accuse Navalny allies of being NATO agents"]
    assert blocks_of(seed, "subhead") == ["CAT AND MOUSE"]
    credit = blocks_of(seed, "credit")
    assert len(credit) == 1 and credit[0].startswith("(Reporting by") and credit[0].endswith(")")
    assert seed["regions"][-1]["region"] == "credit"
    body = blocks_of(seed, "body")
    # The seed has 17 body paragraphs (9 before the subhead, 8 after it).
    assert len(body) == 17
    assert body[0].startswith("An ally of Kremlin critic Alexei Navalny")
    assert body[-1].endswith("punitive measures.")
    assert [r["region"] for r in seed["regions"]][:4] == ["summary"] * 3 + ["body"]


def test_seed_text_excludes_metadata(seed):
    t = seed["text"]
    for gone in ("date 2021", "By Tom", "(Adds", "MOSCOW, Feb 9", "(Reuters)", '"CAT AND MOUSE"', "* "):
        assert gone not in t
    assert "\n\n\n" not in t


def test_seed_repairs(seed):
    raw = paths.SEED.read_text(encoding="utf-8")
    reps = seed["repairs"]
    assert seed["n_repairs"] == len(reps) > 0
    for r in reps:
        assert raw[r["raw_start"]:r["raw_start"] + len(r["raw"])] == r["raw"]
        assert r["repaired"].replace(" ", "") == r["raw"]
        assert r["article"] == seed["article"]
    by_raw = {r["raw"]: r for r in reps}
    assert by_raw["agents(Adds"]["repaired"] == "agents (Adds"
    assert "punitivemeasures.(Reporting" in by_raw
    nav = by_raw["AlexeiNavalny"]
    assert seed["text"][nav["start"]:nav["start"] + len(nav["repaired"])] == "Alexei Navalny"
    table = repairs_table([seed])
    assert list(table.columns) == list(COLUMNS["repairs"]) and len(table) == len(reps)


def test_glued_boundaries_recorded_even_if_repair_leaves_them(monkeypatch):
    """With a repair that changes nothing, note/credit glue still becomes one record each."""
    monkeypatch.setattr(text_module, "repair_blocks", lambda blocks: (list(blocks), []))
    [rec] = read_article(paths.SEED)
    raw = {r["raw"]: r for r in rec["repairs"]}
    assert set(raw) == {"agents(Adds", "punitivemeasures.(Reporting"}
    assert raw["agents(Adds"]["repaired"] == "agents (Adds"
    assert raw["agents(Adds"]["rule"] == "punct"
    assert rec["text"][raw["agents(Adds"]["start"]:].startswith("agents")
    assert rec["update_note"].startswith("Adds comments")
    assert blocks_of(rec, "credit")[0].startswith("(Reporting by")
    assert blocks_of(rec, "body")[0].startswith("An ally of Kremlin critic AlexeiNavalny")


def test_repair_called_once_per_article(monkeypatch):
    calls = []
    real = text_module.repair_blocks

    def spy(blocks):
        calls.append(list(blocks))
        return real(blocks)

    monkeypatch.setattr(text_module, "repair_blocks", spy)
    read_article(paths.SEED)
    assert len(calls) == 1
    assert not any("date 2021" in b for b in calls[0])  # the header is not content
    assert any("agents(Adds" in b for b in calls[0])  # glue is passed to the repair


def test_read_corpus_on_repo_corpus():
    articles, errors = read_corpus(paths.CORPUS)
    assert list(articles.columns) == ARTICLE_KEYS
    assert paths.SEED.stem in set(articles["article"])
    assert list(errors.columns) == list(COLUMNS["errors"])
    regions = regions_table(articles)
    assert list(regions.columns) == list(COLUMNS["regions"])
    assert (regions["article"] == paths.SEED.stem).sum() == 22


# --------------------------------------------------------------------------- #
# other wire scrapes
# --------------------------------------------------------------------------- #


def test_other_wire(tmp_path):
    [rec] = read_article(write(tmp_path / "w.txt", WIRE))
    check_regions(rec)
    assert (rec["place"], rec["outlet"], rec["date"], rec["byline"]) == (
        "KYIV, Ukraine", "Northwire", "2022-03-03", "Jane Roe")
    assert rec["format"] == "wire"
    assert blocks_of(rec, "summary") == ["Ministers meet at the border crossing",
                                         "Talks to resume next week, officials say"]
    assert blocks_of(rec, "subhead") == ["TALKS TO RESUME"]
    assert blocks_of(rec, "credit") == ["(Reporting by Jane Roe; Editing by John Doe)"]
    assert blocks_of(rec, "body")[0].startswith("Negotiators from both sides")
    assert len(blocks_of(rec, "body")) == 3


@pytest.mark.parametrize("dateline, place, outlet", [
    ("LONDON (Reuters) - ", "LONDON", "Reuters"),
    ("WASHINGTON (AP) — ", "WASHINGTON", "AP"),
    ("PARIS, Jan 5 (AFP) - ", "PARIS", "AFP"),
    ("(Northwire) - ", "", "Northwire"),
    ("ST. PETERSBURG, Russia, Sept. 12 (Northwire) - ", "ST. PETERSBURG, Russia", "Northwire"),
])
def test_datelines(tmp_path, dateline, place, outlet):
    body = dateline + "The city council voted on Monday to close the old bridge.\n\nIt reopens next year.\n"
    [rec] = read_article(write(tmp_path / "d.txt", body))
    assert (rec["place"], rec["outlet"]) == (place, outlet)
    assert blocks_of(rec, "body")[0] == "The city council voted on Monday to close the old bridge."
    assert rec["date"] == ""  # no year anywhere: the dateline day alone is not a date


def test_wire_variants(tmp_path):
    content = ("Council closes old bridge after storm\n\n"
               "By Ann Example in Riverton\n\n"
               "(Updates with mayor's comment)\n\n"
               "RIVERTON (Northwire) -The council closed the old bridge on Monday.\n\n"
               "\u201cIt is not safe,\u201d the mayor said.\n\n"
               "Compiled by Ann Example; Editing by Bo Sample\n")
    [rec] = read_article(write(tmp_path / "v.txt", content))
    check_regions(rec)
    assert rec["title"] == "Council closes old bridge after storm"
    assert blocks_of(rec, "headline") == ["Council closes old bridge after storm"]
    assert rec["byline"] == "Ann Example in Riverton"
    assert rec["update_note"] == "Updates with mayor's comment"
    assert rec["place"] == "RIVERTON" and rec["outlet"] == "Northwire"
    assert blocks_of(rec, "body") == ["The council closed the old bridge on Monday.",
                                      "\u201cIt is not safe,\u201d the mayor said."]
    assert blocks_of(rec, "credit") == ["Compiled by Ann Example; Editing by Bo Sample"]


def test_lines_without_blank_lines_are_paragraphs(tmp_path):
    content = "First paragraph of the story here.\nSecond paragraph follows here.\nThird one.\n"
    [rec] = read_article(write(tmp_path / "lines.txt", content))
    assert blocks_of(rec, "body") == ["First paragraph of the story here.",
                                      "Second paragraph follows here.", "Third one."]
    assert rec["format"] == "text"


def test_crlf_and_hard_wrapped_paragraphs(tmp_path):
    content = "A long paragraph that was\r\nwrapped over two lines.\r\n\r\nAnother paragraph.\r\n"
    [rec] = read_article(write(tmp_path / "crlf.txt", content))
    assert blocks_of(rec, "body") == ["A long paragraph that was wrapped over two lines.",
                                      "Another paragraph."]


# --------------------------------------------------------------------------- #
# Markdown, plain text, HTML
# --------------------------------------------------------------------------- #


def test_markdown_with_front_matter(tmp_path):
    content = """---
title: "Bridge closed after storm"
outlet: Riverton Gazette
outlet_type: local
date: 2023-05-06
url: https://example.org/bridge
language: en
home: Riverton
written_by: framing developers
desk: city
---
# Bridge closed after storm

The **council** closed the [old bridge](https://example.org/b) on *Monday*.

## What happens next

Repairs start in `June`, the council said.
"""
    before = content.encode()
    p = write(tmp_path / "bridge.md", content)
    [rec] = read_article(p)
    assert p.read_bytes() == before
    check_regions(rec)
    assert rec["format"] == "markdown"
    assert (rec["title"], rec["outlet"], rec["outlet_type"], rec["date"], rec["url"]) == (
        "Bridge closed after storm", "Riverton Gazette", "local", "2023-05-06", "https://example.org/bridge")
    assert rec["home"] == "Riverton" and rec["written_by"] == "framing developers"
    assert rec["extra"] == {"desk": "city"}
    assert [r["region"] for r in rec["regions"]] == ["headline", "body", "subhead", "body"]
    assert blocks_of(rec, "body") == ["The council closed the old bridge on Monday.",
                                      "Repairs start in June, the council said."]
    assert blocks_of(rec, "subhead") == ["What happens next"]


def test_markdown_image_caption(tmp_path):
    content = ("Storm damage was heavy.\n\n![Boats on the shore](img/boats.jpg)\n\n"
               "*Boats on the shore on Sunday. Photo: Coast Times*\n\nRepairs began on Monday.\n")
    [rec] = read_article(write(tmp_path / "cap.md", content))
    assert [r["region"] for r in rec["regions"]] == ["body", "caption", "body"]
    assert blocks_of(rec, "caption") == ["Boats on the shore on Sunday. Photo: Coast Times"]
    assert "img/boats" not in rec["text"] and "Boats on the shore](" not in rec["text"]


def test_front_matter_title_without_heading(tmp_path):
    content = "---\ntitle: Storm hits the coast\nauthor: [Ann Example, Bo Sample]\n---\n\nWind and rain hit the coast.\n"
    [rec] = read_article(write(tmp_path / "storm.md", content))
    assert blocks_of(rec, "headline") == ["Storm hits the coast"]
    assert rec["byline"] == "Ann Example and Bo Sample"
    check_regions(rec)


def test_plain_text(tmp_path):
    content = "The harbour reopened on Friday.\n\nFishing boats returned in the afternoon.\n"
    [rec] = read_article(write(tmp_path / "harbour.txt", content))
    assert rec["format"] == "text"
    assert rec["text"] == "The harbour reopened on Friday.\n\nFishing boats returned in the afternoon."
    assert rec["outlet"] == "" and rec["date"] == "" and rec["title"] == ""
    assert [r["region"] for r in rec["regions"]] == ["body", "body"]


HTML = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Harbour reopens | Coast Times</title>
<meta property="og:site_name" content="Coast Times">
<meta name="author" content="Ann Example">
<meta property="article:published_time" content="2023-07-01T09:30:00Z">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red; }</style>
</head><body>
<nav><a href="/">Home</a> <p>Menu item</p></nav>
<header><h1>Harbour reopens &amp; boats return</h1><p>Site banner</p></header>
<article>
<p>The harbour reopened on Friday &mdash; after &quot;weeks&quot; of repairs.</p>
<figure><img src="x.jpg"><figcaption>Boats in the harbour on Friday.</figcaption></figure>
<h2>Fishermen relieved</h2>
<blockquote><p>We can work again, said one fisherman.</p></blockquote>
<p>Caf&eacute; owners<br>were pleased too.</p>
<aside><p>Related: other stories</p></aside>
</article>
<footer><p>Copyright notice</p></footer>
<form><p>Subscribe</p></form>
</body></html>
"""


def test_html(tmp_path):
    [rec] = read_article(write(tmp_path / "harbour.html", HTML))
    check_regions(rec)
    assert rec["format"] == "html"
    assert rec["title"] == "Harbour reopens & boats return"
    assert (rec["outlet"], rec["byline"], rec["date"], rec["language"]) == (
        "Coast Times", "Ann Example", "2023-07-01", "en")
    assert [r["region"] for r in rec["regions"]] == ["headline", "body", "caption", "subhead", "body", "body"]
    assert blocks_of(rec, "body") == ["The harbour reopened on Friday \u2014 after \"weeks\" of repairs.",
                                      "We can work again, said one fisherman.",
                                      "Caf\u00e9 owners were pleased too."]
    assert blocks_of(rec, "caption") == ["Boats in the harbour on Friday."]
    for gone in ("not text", "color", "Menu item", "Site banner", "Related", "Copyright", "Subscribe", "Home"):
        assert gone not in rec["text"]


def test_html_without_h1_uses_title_and_divs(tmp_path):
    page = ("<html><head><title>Quiet day - Coast Times</title>"
            "<meta property='og:site_name' content='Coast Times'></head>"
            "<body><div>Nothing happened today in the town.</div><div>People stayed home.</div></body></html>")
    [rec] = read_article(write(tmp_path / "quiet.htm", page))
    assert rec["title"] == "Quiet day"
    assert blocks_of(rec, "body") == ["Nothing happened today in the town.", "People stayed home."]


# --------------------------------------------------------------------------- #
# CSV, JSON Lines, JSON
# --------------------------------------------------------------------------- #


def test_csv_rows(tmp_path):
    df = pd.DataFrame({
        "ID": ["a1", "a2", "a3"],
        "Headline": ["Bridge closed", "Harbour opens", "Empty one"],
        "Body": ["The bridge closed on Monday.\n\nIt reopens next year.",
                 "MOSCOW (Northwire) - The harbour opened.", ""],
        "Source": ["Riverton Gazette", "Coast Times", "Coast Times"],
        "Published": ["2023-05-06T10:00:00", "July 1, 2023", "2023-07-02"],
        "Section": ["city", "coast", "coast"],
    })
    p = tmp_path / "export.csv"
    df.to_csv(p, index=False)
    errors = []
    recs = read_article(p, errors=errors)
    assert [r["article"] for r in recs] == ["export#a1", "export#a2"]
    a1, a2 = recs
    for r in recs:
        check_regions(r)
        assert r["format"] == "csv" and r["path"] == str(p)
        assert r["sha256"] == hashlib.sha256(p.read_bytes()).hexdigest()
    assert blocks_of(a1, "headline") == ["Bridge closed"]
    assert blocks_of(a1, "body") == ["The bridge closed on Monday.", "It reopens next year."]
    assert (a1["outlet"], a1["date"], a1["title"]) == ("Riverton Gazette", "2023-05-06", "Bridge closed")
    assert a1["extra"] == {"section": "city"}
    assert (a2["date"], a2["place"], a2["outlet"]) == ("2023-07-01", "MOSCOW", "Coast Times")
    assert len(errors) == 1 and "row 3" in str(errors[0]) and "export.csv" in str(errors[0])
    assert errors[0].article == "export#a3"
    with pytest.raises(FramingError, match="row 3"):
        read_article(p)


def test_csv_row_index_ids_and_semicolons(tmp_path):
    p = write(tmp_path / "semi.csv", "title;text\nOne;First story text.\nTwo;Second story text.\n")
    recs = read_article(p)
    assert [r["article"] for r in recs] == ["semi#1", "semi#2"]
    assert recs[1]["text"] == "Two\n\nSecond story text."


def test_jsonl_rows(tmp_path):
    rows = [{"id": 7, "title": "Bridge closed", "text": "The bridge closed on Monday.", "outlet": "Gazette",
             "date": "2023-05-06", "url": "https://example.org/1"},
            {"id": 8, "content": "A story without a title.", "media": "Coast Times"},
            {"id": 9, "text": "   "}]
    lines = "\n".join(json.dumps(r) for r in rows) + "\nnot json\n"
    p = write(tmp_path / "feed.jsonl", lines)
    errors = []
    recs = read_article(p, errors=errors)
    assert [r["article"] for r in recs] == ["feed#7", "feed#8"]
    assert recs[0]["format"] == "jsonl" and recs[0]["url"] == "https://example.org/1"
    assert recs[1]["text"] == "A story without a title." and recs[1]["outlet"] == "Coast Times"
    assert [e.article for e in errors] == ["feed#9", "feed#4"]
    assert "malformed JSON" in errors[1].problem


def test_json_array(tmp_path):
    p = write(tmp_path / "arr.json", json.dumps({"articles": [{"story": "One story here."},
                                                              {"story": "Another story here."}]}))
    recs = read_article(p)
    assert [r["article"] for r in recs] == ["arr#1", "arr#2"]
    assert recs[0]["format"] == "jsonl"


def test_csv_html_text_cell(tmp_path):
    p = tmp_path / "h.csv"
    pd.DataFrame({"text": ["<p>First &amp; second.</p><p>Third.</p>"]}).to_csv(p, index=False)
    [rec] = read_article(p)
    assert blocks_of(rec, "body") == ["First & second.", "Third."]


# --------------------------------------------------------------------------- #
# metadata.csv
# --------------------------------------------------------------------------- #


def test_metadata_csv_overrides(tmp_path):
    write(tmp_path / "a.txt", "LONDON (Reuters) - A story about the weather.\n")
    write(tmp_path / "b.md", "---\noutlet: Old Name\n---\nAnother story here.\n")
    pd.DataFrame({"file": ["a.txt", "b", "rows#2"],
                  "outlet": ["Reuters UK", "New Name", "Row Outlet"],
                  "outlet_type": ["wire", "independent", ""],
                  "date": ["2021-02-09", "10 March 2021", ""],
                  "language": ["en", "de", ""],
                  "home": ["UK", "", ""]}).to_csv(tmp_path / "metadata.csv", index=False)
    write(tmp_path / "rows.csv", "text\nRow one.\nRow two.\n")
    write(tmp_path / "README.md", "# Not an article\n\nThis readme is skipped.\n")
    articles, errors = read_corpus(tmp_path)
    assert errors.empty, errors
    by = articles.set_index("article")
    assert list(by.index) == ["a", "b", "rows#1", "rows#2"]
    assert (by.loc["a", "outlet"], by.loc["a", "outlet_type"], by.loc["a", "date"], by.loc["a", "home"]) == (
        "Reuters UK", "wire", "2021-02-09", "UK")
    assert (by.loc["b", "outlet"], by.loc["b", "date"], by.loc["b", "language"]) == ("New Name", "2021-03-10", "de")
    assert by.loc["rows#2", "outlet"] == "Row Outlet" and by.loc["rows#1", "outlet"] == ""


def test_metadata_argument_and_explicit_csv(tmp_path):
    p = write(tmp_path / "x.txt", "A short story about a cat.\n")
    [rec] = read_article(p, metadata={"outlet": "Cat News", "url": "https://example.org/cat", "date": "2020-1-2"})
    assert (rec["outlet"], rec["url"], rec["date"]) == ("Cat News", "https://example.org/cat", "2020-01-02")
    meta = tmp_path / "elsewhere.csv"
    pd.DataFrame({"path": ["x.txt"], "outlet": ["Other"]}).to_csv(meta, index=False)
    articles, errors = read_corpus([p], metadata_csv=meta)
    assert articles.loc[0, "outlet"] == "Other"


# --------------------------------------------------------------------------- #
# encodings
# --------------------------------------------------------------------------- #

ENC_TEXT = "The mayor said \u201cthe bridge is closed\u201d on Monday.\n\nCaf\u00e9s stayed open.\n"


@pytest.mark.parametrize("data, encoding", [
    (b"\xef\xbb\xbf" + ENC_TEXT.encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe" + ENC_TEXT.encode("utf-16-le"), "utf-16"),
    (b"\xfe\xff" + ENC_TEXT.encode("utf-16-be"), "utf-16"),
    (ENC_TEXT.encode("utf-8"), "utf-8"),
    (ENC_TEXT.encode("cp1252"), "cp1252"),
])
def test_encodings(tmp_path, data, encoding):
    p = write(tmp_path / "enc.txt", data)
    [rec] = read_article(p)
    assert rec["encoding"] == encoding
    assert rec["text"] == "The mayor said \u201cthe bridge is closed\u201d on Monday.\n\nCaf\u00e9s stayed open."
    assert rec["sha256"] == hashlib.sha256(data).hexdigest()
    assert p.read_bytes() == data


def test_utf16_csv(tmp_path):
    p = write(tmp_path / "u.csv", "\ufefftitle,text\nA,\u201cQuoted\u201d text here.\n".encode("utf-16"))
    [rec] = read_article(p)
    assert rec["encoding"] == "utf-16" and "\u201cQuoted\u201d" in rec["text"]


def test_raw_offsets_after_bom_and_crlf(tmp_path):
    content = "Kremlin critic AlexeiNavalny spoke.\r\n\r\nHe spoke again on Monday.\r\n"
    p = write(tmp_path / "o.txt", b"\xef\xbb\xbf" + content.encode())
    [rec] = read_article(p)
    decoded = p.read_bytes().decode("utf-8-sig")
    for r in rec["repairs"]:
        assert decoded[r["raw_start"]:r["raw_start"] + len(r["raw"])] == r["raw"]
        assert rec["text"][r["start"]:r["start"] + len(r["repaired"])] == r["repaired"]


# --------------------------------------------------------------------------- #
# bad input
# --------------------------------------------------------------------------- #

BAD = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b" \n\t\n  \r\n", "the file is empty"),
    "bom_only.md": (b"\xef\xbb\xbf\n", "the file is empty"),
    "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
    "controls.txt": (bytes(range(1, 9)) * 20, "binary file, not text"),
    "undecodable.txt": (b"Caf\xe9 \x81 story", "undecodable bytes at offset 5"),
    "nobody.txt": (b" date 2021-02-09\n\nBy Ann Example\n", "no article body found"),
    "nobody.html": (b"<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>",
                    "no article body found"),
    "badyaml.md": (b"---\ntitle: [unclosed\n---\nBody text.\n", "malformed front matter"),
    "noclose.md": (b"---\ntitle: x\nBody text.\n", "malformed front matter"),
    "notdict.md": (b"---\n- a\n- b\n---\nBody text.\n", "malformed front matter"),
    "notext.csv": (b"title,author\nA,B\n", "no text column"),
    "notext.jsonl": (b'{"title": "A"}\n', "no text column"),
    "badjson.json": (b'[{"text": "a",}', "malformed JSON"),
    "unsupported.pdf": (b"%PDF-1.4", "unsupported file type"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_raises(tmp_path, name):
    data, problem = BAD[name]
    p = write(tmp_path / name, data)
    with pytest.raises(FramingError) as info:
        read_article(p)
    assert name in str(info.value)
    assert problem in info.value.problem
    assert p.read_bytes() == data


def test_csv_missing_text_column_lists_columns(tmp_path):
    p = write(tmp_path / "cols.csv", "Title,Author,Date\nA,B,2020-01-01\n")
    with pytest.raises(FramingError, match="columns: Title, Author, Date"):
        read_article(p)


def test_folder_keeps_going(tmp_path):
    write(tmp_path / "good.txt", "A fine story about a dog.\n")
    for name in ("empty.txt", "undecodable.txt", "badyaml.md", "notext.csv", "image.html"):
        write(tmp_path / name, BAD[name][0])
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub / "deep.md", "Deep story text.\n")
    write(sub / "rows.csv", "id,text\nr1,Row text.\nr2,\n")
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / "notes.docx", "ignored")
    articles, errors = read_corpus(tmp_path)
    assert sorted(articles["article"]) == ["deep", "good", "rows#r1"]
    assert len(errors) == 6
    assert list(errors.columns) == ["path", "article", "stage", "problem"]
    assert set(errors["stage"]) == {"read"}
    probs = dict(zip(errors["article"], errors["problem"]))
    assert probs["empty"] == "the file is empty"
    assert probs["rows#r2"].startswith("row 2")
    assert probs["undecodable"].startswith("undecodable bytes at offset")
    assert all(os.path.basename(p) in {"empty.txt", "undecodable.txt", "badyaml.md", "notext.csv",
                                       "image.html", "rows.csv"} for p in errors["path"])


def test_missing_path_and_duplicate_ids(tmp_path):
    write(tmp_path / "same.txt", "One story.\n")
    write(tmp_path / "same.md", "Another story.\n")
    articles, errors = read_corpus([tmp_path, tmp_path / "nope.txt"])
    assert list(articles["path"]) == [str(tmp_path / "same.md")]
    assert len(errors) == 2
    assert "already used" in errors.loc[0, "problem"]
    assert "no such file" in errors.loc[1, "problem"]


def test_iter_articles_streams(tmp_path):
    write(tmp_path / "a.txt", "Story A.\n")
    write(tmp_path / "b.txt", b"")
    items = list(iter_articles(tmp_path))
    assert isinstance(items[0], dict) and items[0]["article"] == "a"
    assert isinstance(items[1], FramingError) and items[1].article == "b"


def test_unexpected_error_is_recorded(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", "Story A.\n")
    write(tmp_path / "b.txt", "Story B.\n")

    def boom(blocks):
        if any("B" in b for b in blocks):
            raise RuntimeError("boom")
        return list(blocks), []

    monkeypatch.setattr(text_module, "repair_blocks", boom)
    articles, errors = read_corpus(tmp_path)
    assert list(articles["article"]) == ["a"]
    assert errors.loc[0, "stage"] == "text" and "boom" in errors.loc[0, "problem"]


def test_fixture_articles_read_and_gold_anchors_in_their_region():
    """The project's fictional test articles read cleanly; each gold claim anchor is in its region."""
    folder, gold = paths.FIXTURES / "articles", paths.FIXTURES / "gold"
    if not folder.is_dir() or not gold.is_dir():
        pytest.skip("no fixture articles")
    articles, errors = read_corpus([folder, paths.SEED])
    assert errors.empty, errors.to_string()
    by = {r["article"]: r for r in articles.to_dict("records")}
    for f in sorted(gold.glob("*.jsonl")):
        rec = by[f.stem]
        check_regions(rec)
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                claim = json.loads(line)
                assert any(claim["anchor"] in b for b in blocks_of(rec, claim["region"])), (f.stem, claim)


# --------------------------------------------------------------------------- #
# properties
# --------------------------------------------------------------------------- #

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ,.'\u201c\u201d", min_size=1, max_size=12)
paragraph = st.lists(words, min_size=1, max_size=15).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_regions_always_index_text(tmp_path_factory, paras):
    p = tmp_path_factory.mktemp("prop") / "p.txt"
    p.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    try:
        [rec] = read_article(p)
    except FramingError as exc:
        assert exc.problem == "no article body found"
        return
    check_regions(rec)
    raw = p.read_text(encoding="utf-8")
    for r in rec["repairs"]:
        assert raw[r["raw_start"]:r["raw_start"] + len(r["raw"])] == r["raw"]
        assert r["repaired"].replace(" ", "") == r["raw"]


def test_one_of_the_kits_own_tables_is_not_read_as_a_corpus(tmp_path):
    """A signals.csv fed back in: its "article" column holds ids, not text, and the error says so."""
    path = write(tmp_path / "signals.csv", "article,outlet,date,body_claims\n000_seed,Reuters,2021-02-09,22\n")
    with pytest.raises(FramingError, match="holds no article text.*output tables"):
        read_article(path)
