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
        "about": "tone toward this mention (framing.sentiment.target_sentiment), NaN inside the "
        "actor's own claim (that is `says`) or outside a sentence",
    },
    "claims": {
        "article": "article id",
        "claim": "0-based claim index within the article",
        "region": "headline, summary, body or caption",
        "paragraph": "block index",
        "sentence": "sentence index of the cue (or of the quote)",
        "speaker": "canonical speaker",
        "mention": "surface text that names the speaker at the cue",
        "camp": "state, opposition, foreign or other (after the camp model, framing.camps; one per speaker and article)",
        "camp_rule": "the camp the rules gave (framing.actors), before the camp model",
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
        "cue_start": "offset of the cue in `text` (equal to cue_end for a continuation)",
        "cue_end": "end offset of the cue",
        "speaker_start": "offset of the speaker's mention (-1 if none)",
        "speaker_end": "end offset of the speaker's mention",
        "tone": "VADER compound of the content, quote marks neutralised (the `says` measure)",
    },
    "ratios": {
        "article": "article id",
        "region": "body, or headline+summary",
        "unit": "counting unit: claims, direct quotes, quoted words, sentences with a claim",
        "state": "count of state claims under the unit",
        "opposition": "count of opposition claims",
        "foreign": "count of foreign claims",
        "other": "count of other claims",
        "ratio": "state / opposition (inf with no opposition claim, NaN with neither)",
        "ci_low": "percentile bootstrap 95% interval (1,000 resamples of the claims), lower bound",
        "ci_high": "upper bound",
    },
    "signals": {
        "article": "article id",
        "outlet": "outlet",
        "date": "date",
        "body_<camp>": "body claims by camp",
        "top_<camp>": "headline and summary claims by camp",
        "body_claims": "body claims",
        "body_direct": "body claims entirely in quote marks",
        "ratio_<unit>": "state/opposition ratio of body claims under the unit (spaces as _)",
        "ratio_<unit>_ci_low": "its bootstrap 95% interval, lower bound",
        "ratio_<unit>_ci_high": "upper bound",
        "first_camp": "camp of the first body claim (who opens)",
        "first_speaker": "speaker of the first body claim",
        "lead_share_<camp>": "share of body claims in the first two paragraphs with a claim",
        "cue_<cls>_<camp>": "body claims by cue class (neutral, directive, accusatory, doubting) and camp",
        "distancing_<camp>": "distancing attributions by camp of the speaker",
        "so_called": "occurrences of `so-called` in the text",
        "labels": "labels attached to actors, `actor: label; ...`",
        "arrest_mentions": "arrest or detention figures mentioned",
        "arrest_figure_max": "largest such figure",
        "legality_labels": "legality labels (unsanctioned, illegal, unauthorised, riot, ...)",
        "legality_terms": "which legality labels occur",
        "grievance_mentions": "mentions of grievances (to protest against, corruption, fraud, ...)",
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


_PLACEHOLDERS = {
    "<camp>": ("state", "opposition", "foreign", "other"),
    "<unit>": ("claims", "direct_quotes", "quoted_words", "sentences_with_a_claim"),
    "<cls>": ("neutral", "directive", "accusatory", "doubting"),
}


def columns(table: str) -> list[str]:
    """The columns of ``table``, with ``<camp>``-style placeholders expanded.

    >>> columns("signals")[3:5]
    ['body_state', 'body_opposition']
    """
    out = [""]
    for col in COLUMNS[table]:
        names = [col]
        for ph, values in _PLACEHOLDERS.items():
            names = [n.replace(ph, v) for n in names for v in (values if ph in n else ("",))]
        out += names
    return out[1:]


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
