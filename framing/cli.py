"""Command line: ``framing text|claims|analyze|report``.

Errors in the input print as ``framing: PATH: problem`` (exit code 2), never as a
traceback; in a corpus run, bad files go to the errors table and the rest is read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from framing import schema
from framing.errors import FramingError


def _read_one(path: str) -> dict:
    from framing.corpus import read_article

    recs = read_article(path)
    if not recs:
        raise FramingError(path, "no article found")
    return recs[0]


def cmd_text(args) -> int:
    rec = _read_one(args.file)
    if args.repairs:
        rows = rec.get("repairs", [])
        print("raw\trepaired\traw_start\tstart\trule")
        for r in rows:
            print(f'{r["raw"]}\t{r["repaired"]}\t{r["raw_start"]}\t{r["start"]}\t{r["rule"]}')
        print(f"# {len(rows)} repairs", file=sys.stderr)
    else:
        print(rec["text"])
    return 0


def _analyze(args):
    from framing.pipeline import analyze

    return analyze(args.paths, actors=getattr(args, "actors", None), home=args.home,
                   lexicon=getattr(args, "lexicon", None), jobs=getattr(args, "jobs", 1),
                   camp_model=not getattr(args, "rule_camps", False))


def _report_errors(errors) -> None:
    for _, e in errors.iterrows():
        print(f"framing: {e['path']}: {e['problem']}", file=sys.stderr)


def cmd_claims(args) -> int:
    import pandas as pd

    t = _analyze(args)
    _report_errors(t["errors"])
    claims = t["claims"][list(schema.COLUMNS["claims"])]  # the documented columns
    if args.format == "jsonl":
        for rec in claims.to_dict("records"):
            print(json.dumps({k: (v.item() if hasattr(v, "item") else v) for k, v in rec.items()},
                             ensure_ascii=False))
    elif args.format == "csv":
        claims.to_csv(sys.stdout, index=False)
    else:
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 60, "display.width", 200):
            print(claims[["article", "region", "speaker", "camp", "kind", "cue", "text"]].to_string(index=False)
                  if len(claims) else "(no claims)")
    # Bad files are reported above; the run fails only if nothing could be read.
    return 2 if len(t["errors"]) and not len(t["articles"]) else 0


def cmd_analyze(args) -> int:
    from framing.pipeline import analyze_to, write_tables

    opts = dict(actors=args.actors, home=args.home, lexicon=args.lexicon, jobs=args.jobs,
                camp_model=not args.rule_camps)
    if args.format == "csv":  # streamed: any corpus size
        counts = analyze_to(args.paths, args.out, **opts)
        import pandas as pd

        if counts["errors"]:
            _report_errors(pd.read_csv(Path(args.out) / "errors.csv"))
    else:
        t = _analyze(args)
        _report_errors(t["errors"])
        write_tables(t, args.out, args.format)
        counts = {k: len(v) for k, v in t.items()}
    print(f"{counts['articles']} articles, {counts['claims']} claims, {counts['errors']} errors -> {args.out}")
    return 0


def cmd_report(args) -> int:
    from framing.pipeline import analyze
    from framing.report import text_report

    t = analyze(args.file, actors=args.actors, home=args.home, lexicon=args.lexicon, camp_model=not args.rule_camps)
    _report_errors(t["errors"])
    if not len(t["articles"]):
        return 2
    print(text_report(t))
    if args.html:
        from framing.annotate import write_html

        art = t["articles"].iloc[0]
        write_html(args.html, art["text"], t["claims"], t["mentions"], title=str(art.get("title") or art["article"]))
        print(f"annotated article written to {args.html}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description="Measure how news coverage frames a conflict.")
    p.add_argument("--version", action="version", version=__import__("framing").__version__)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("text", help="print the repaired article text (or the repairs)")
    s.add_argument("file")
    s.add_argument("--repairs", action="store_true", help="list every glued-word repair")
    s.set_defaults(func=cmd_text)

    def common(s):
        s.add_argument("--lexicon", default=None, help="lexicon adjustment CSV for VADER (optional)")
        s.add_argument("--home", default=None, help='home-country names, e.g. "Valdoria,Valdorian"')
        s.add_argument("--actors", default=None, help="actor file (CSV); default: the Russia 2021 list")
        s.add_argument("--rule-camps", action="store_true",
                       help="camps from the rules only, without the camp model (framing.camps)")

    s = sub.add_parser("claims", help="claims attributed to speakers and camps")
    s.add_argument("paths", nargs="+")
    s.add_argument("--format", choices=["jsonl", "csv", "table"], default="table")
    common(s)
    s.set_defaults(func=cmd_claims)

    s = sub.add_parser("analyze", help="write all tables for files or folders")
    s.add_argument("paths", nargs="+")
    s.add_argument("--out", required=True)
    s.add_argument("--format", choices=["csv", "parquet"], default="csv")
    s.add_argument("--jobs", type=int, default=1, help="worker processes")
    common(s)
    s.set_defaults(func=cmd_analyze)

    s = sub.add_parser("report", help="readable summary of one article")
    s.add_argument("file")
    s.add_argument("--html", default=None, help="also write the annotated article as a standalone page")
    common(s)
    s.set_defaults(func=cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except FramingError as e:
        print(f"framing: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
