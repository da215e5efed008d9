"""`govread search QUERY [PATH ...]`: ranked, Chinese-aware search from the command line.

Same engine as the TUI's filter (`govread.search`). Exit status: 0 with hits, 1 with none
(or when no report could be opened), 2 on a usage error such as an empty query. A query
starting with ``-`` goes last, after ``--``: ``govread search --limit 5 -- "-信访 行政复议"``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from govread.cli import print_problems
from govread.corpus import load
from govread.search import Hit, SearchIndex, Span, parse_query

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2
HIGHLIGHT = "bold black on yellow"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govread search",
        description="Search reports, ranked (BM25 over jieba tokens). Terms separated by spaces "
        'must all match in the same section; a | b is OR; -term excludes; "…" is an exact '
        "phrase; full- and half-width forms match each other. A term found nowhere verbatim "
        "matches by its words (shown as a words match, ranked lower).",
        epilog="A query starting with '-' goes last, after '--': "
        "govread search --limit 5 -- '-信访 行政复议'",
    )
    parser.add_argument("query", metavar="QUERY", help="the search query (quote it)")
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="report files or folders (default: the bundled sample reports)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help="show at most N hits (default 20; 0 for all)",
    )
    return parser


def run(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # --help, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    query = parse_query(args.query)
    if query.is_empty:
        print("govread: error: empty query (give at least one search term)", file=sys.stderr)
        return EXIT_USAGE
    if args.limit < 0:
        print("govread: error: --limit must be 0 or more", file=sys.stderr)
        return EXIT_USAGE

    result = load(args.paths)
    print_problems(result)
    if not result.reports:
        return EXIT_NONE

    index = SearchIndex.build(result.reports)
    hits = index.search(query, limit=args.limit or None)
    if args.format == "json":
        json.dump([hit.to_json() for hit in hits], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        console = Console(highlight=False, emoji=False, markup=False, soft_wrap=True)
        if not hits:
            console.print(Text(f"no hits for {args.query}", style="dim"))
        for number, hit in enumerate(hits, start=1):
            console.print(hit_text(number, hit))
    return EXIT_OK if hits else EXIT_NONE


def _highlighted(text: str, spans: Sequence[Span], style: str = "") -> Text:
    out = Text(text, style=style)
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


def hit_text(number: int, hit: Hit) -> Text:
    """One hit as Rich text (report text is never parsed as markup)."""
    report = hit.report
    where = " ".join(
        p
        for p in (report.region or report.display_title, f"{report.year}年" if report.year else "")
        if p
    )
    line = Text.assemble((f"{number}. ", "bold"), (where, "bold cyan"), "  ")
    for ancestor in hit.section[:-1]:
        line.append(ancestor, style="dim")
        line.append(" › ", style="dim")
    line.append_text(_highlighted(hit.heading, hit.heading_spans, "bold"))
    line.append(f"  [{hit.match} {hit.score:.2f}]", style="dim")
    snippet = Text("   ").append_text(_highlighted(hit.snippet, hit.snippet_spans))
    path = Text(f"   {report.path or ''}", style="dim")
    return Text("\n").join([line, snippet, path, Text("")])
