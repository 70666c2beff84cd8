"""Column names of every table the kit produces, documented in one place.

Each stage takes and returns tidy :class:`pandas.DataFrame` objects: one row per
article, region, sentence, repair, mention, claim or actor. ``docs/columns.md``
is generated from this module (``python -m framing.schema > docs/columns.md``).

Offsets (``start``, ``end``) are always character offsets into the article's
repaired ``text`` (see :mod:`framing.corpus`), half-open: ``text[start:end]``.

>>> from framing.schema import COLUMNS
>>> list(COLUMNS["claims"])[:4]
['article', 'claim', 'region', 'paragraph']
"""
from __future__ import annotations

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article": "stable id from the path (file stem; `stem#row` for rows of a CSV/JSONL export)",
        "path": "path of the input file as given",
        "sha256": "SHA-256 of the raw bytes of the input file",
        "format": "wire, text, markdown, html, csv or jsonl",
        "encoding": "encoding used to decode the file (utf-8, utf-8-sig, utf-16, cp1252)",
        "outlet": "outlet or agency (dateline, front matter, metadata.csv or column)",
        "outlet_type": "e.g. wire, state media, independent, broadcaster (metadata)",
        "url": "source address (metadata)",
        "date": "publication date, ISO YYYY-MM-DD",
        "place": "dateline place (MOSCOW)",
        "language": "ISO 639-1 code, default en",
        "title": "headline, if the source has one",
        "byline": "authors (`By A and B` without `By`)",
        "update_note": "editor's update note, e.g. `Adds comments by Kremlin`",
        "text": "repaired article text: headline, summary, body paragraphs, subheads, credit, "
        "one paragraph per block separated by a blank line; all offsets point into it",
        "n_repairs": "number of glued-word repairs made",
        "regions": "list of {region, paragraph, start, end} dicts (also the `regions` table)",
        "written_by": "who wrote the article when it is a test text (`framing developers`), else empty",
    },
    "regions": {
        "article": "article id",
        "paragraph": "0-based block index in `text`",
        "region": "headline, summary, body, subhead, caption or credit",
        "start": "offset of the block in `text`",
        "end": "end offset of the block",
    },
    "repairs": {
        "article": "article id",
        "raw": "the raw whitespace-delimited token that held the fusion (`AlexeiNavalny`)",
        "repaired": "the token after repair (`Alexei Navalny`)",
        "raw_start": "offset of the raw token in the decoded raw file",
        "start": "offset of the repaired token in `text` (-1 if it lies outside `text`)",
        "rule": "evidence used: case, digit, punct, vocab, lexicon, linewidth",
    },
    "sentences": {
        "article": "article id",
        "sentence": "0-based sentence index within the article",
        "paragraph": "block index",
        "region": "region of the block",
        "start": "offset in `text`",
        "end": "end offset",
        "text": "the sentence",
        "tone": "VADER compound of the sentence with quote marks neutralised, [-1, 1]",
    },
    "mentions": {
        "article": "article id",
        "mention_id": "0-based index of the mention within the article",
        "sentence": "sentence index",
        "region": "region",
        "start": "offset of the mention in `text`",
        "end": "end offset",
        "mention": "surface text (`Kremlin spokesman Dmitry Peskov`, `he`)",
        "actor": "canonical actor (`Dmitry Peskov`)",
        "camp": "state, opposition, foreign or other",
        "actor_kind": "person, institution or group",
        "gender": "f, m or empty",
        "via": "name, alias, role, pronoun, description",
        "label": "label attached to the name (`Kremlin critic`, `Ministry spokeswoman`), else empty",
    },
    "claims": {
        "article": "article id",
        "claim": "0-based claim index within the article",
        "region": "headline, summary, body or caption",
        "paragraph": "block index",
        "sentence": "sentence index of the cue (or of the quote)",
        "speaker": "canonical speaker",
        "mention": "surface text that names the speaker at the cue",
        "camp": "state, opposition, foreign or other",
        "kind": "direct (all quoted), indirect (no quote marks) or mixed",
        "cue": "reporting cue as written (`told reporters`, `accused`, `according to`)",
        "cue_class": "neutral, directive, accusatory, doubting, assertive, emotive, announcing",
        "text": "the claim's content",
        "start": "offset of the content in `text`",
        "end": "end offset",
        "via": "how the speaker was found: name, alias, role, pronoun, description, continuation",
        "distancing": "True when the text distances itself (`what they said were`, `so-called`, "
        "`says was trumped up`)",
        "quoted_words": "words inside quote marks in the content",
    },
    "actor_sentiment": {
        "scope": "article or corpus",
        "article": "article id (empty for corpus rows)",
        "actor": "canonical actor",
        "camp": "camp",
        "measure": "says (tone of the actor's claims) or about (tone toward the actor's mentions)",
        "mean": "mean score in [-1, 1]",
        "n": "number of claims or mentions behind the mean",
        "ci_low": "bootstrap 95% interval, lower bound",
        "ci_high": "bootstrap 95% interval, upper bound",
    },
    "errors": {
        "path": "file that failed",
        "article": "article id if known",
        "stage": "read, text, claims, sentiment, signals",
        "problem": "what went wrong",
    },
}


def markdown() -> str:
    """The tables as Markdown (the body of ``docs/columns.md``)."""
    out = ["# Columns of the kit's tables", "",
           "Generated from `framing/schema.py`. Offsets are into the article's repaired `text`.", ""]
    for table, cols in COLUMNS.items():
        out += [f"## {table}", "", "| column | meaning |", "| --- | --- |"]
        out += [f"| `{c}` | {d} |" for c, d in cols.items()]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(markdown())
