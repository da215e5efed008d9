"""`govread search QUERY [PATH ...]`: ranked, Chinese-aware search from the command line.

Same engine as the TUI's filter (`govread.search`). Exit status: 0 with hits, 1 with none
or when a file named could not be opened (the other files' hits are still printed), 2 on a
usage error such as an empty query. A query
starting with ``-`` goes last, after ``--``: ``govread search --limit 5 -- "-信访 行政复议"``.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from rich.text import Text

from govread import store
from govread.cli import (
    ArgumentParser,
    argument_text,
    error_line,
    print_problems,
    said,
    skipped_line,
    utf8_stdout,
)
from govread.commands.narrow import Console
from govread.commands.progress import terminal_progress
from govread.corpus import load
from govread.i18n import N_, _, _n
from govread.identity import sanitize
from govread.opening import Problem, duplicate_problem
from govread.records import HIT_COLUMNS, HIT_SCHEMA, hit_row, to_csv, to_jsonl, write_utf8
from govread.sanitize import dumps_json, sanitize_line, sanitize_path
from govread.search import Hit, Query, SearchIndex, Span, bad_field_reason, parse_query

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2
HIGHLIGHT = "bold black on yellow"
# How a hit matched, as the text output names it (message ids; JSON keeps the kind).
MATCH_NAMES = {"exact": N_("exact"), "words": N_("words")}


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govread search",
        description=_(
            "Search reports, ranked (BM25 over jieba tokens). Terms separated by spaces "
            'must all match in the same section; a | b is OR; -term excludes; "…" is an exact '
            "phrase; full- and half-width forms match each other. A term found nowhere verbatim "
            "matches by its words (shown as a words match, ranked lower)."
        ),
        epilog=_(
            "A query starting with '-' goes last, after '--': "
            "govread search --limit 5 -- '-信访 行政复议'"
        ),
    )
    parser.add_argument(
        "query", metavar="QUERY", type=argument_text, help=_("the search query (quote it)")
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv"),
        default="text",
        help=_(
            "text for reading; json (a list), jsonl (one hit per line) or csv "
            "(UTF-8 with a BOM, for spreadsheets) for other tools"
        ),
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help=_(
            "answer from this store (made by `govread index`) instead of reading the files; "
            "PATHs then narrow the search to the stored reports under them"
        ),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help=_("show at most N hits (default 20; 0 for all)"),
    )
    return parser


def run(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # --help, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    query = parse_query(args.query)
    if query.is_empty:
        print(_("govread: error: empty query (give at least one search term)"), file=sys.stderr)
        return EXIT_USAGE
    if args.limit < 0:
        print(_("govread: error: --limit must be 0 or more"), file=sys.stderr)
        return EXIT_USAGE
    for term in query.bad_fields:  # a field term no report can match (year:abc): why
        notice = _("govread: {notice}").format(notice=bad_field_reason(term))
        print(sanitize_line(notice), file=sys.stderr)

    failed = False  # a file named could not be opened: exit 1, after the others' hits
    if args.store is not None:
        # a PATH that is not there is said so, as without --store (not "never indexed")
        there = [raw for raw in args.paths if os.path.exists(raw)]
        for gone in (raw for raw in args.paths if not os.path.exists(raw)):
            print(error_line(str(Problem(gone, N_("no such file"), True))), file=sys.stderr)
        failed = len(there) < len(args.paths)
        if args.paths and not there:
            return EXIT_NONE
        refused: list[str] = []  # files named that no index takes (empty, binary …)
        found = _search_store(args.store, there, query, args.limit or None, refused)
        if found is None:
            return EXIT_NONE
        hits = found
        failed = failed or bool(refused)
    else:
        # reading and segmenting many files the first time takes a while: a bar on the
        # terminal once it has taken a second (a pipe or a file gets no bars)
        progress = terminal_progress()
        reading = partial(progress, "reading") if progress is not None else None
        segmenting = partial(progress, "segmenting") if progress is not None else None
        try:
            result = load(args.paths, progress=reading)
            print_problems(result)
            if not result.reports:
                return EXIT_NONE
            failed = any(problem.explicit for problem in result.problems)
            index = SearchIndex.build(result.reports)
            index.segment_reports(progress=segmenting)
        finally:
            if progress is not None:
                progress.end()
        hits = index.search(query, limit=args.limit or None)
    # a stored path (resolved) as a search of the files gives it: the same answer either way
    shown = _paths_as_typed if args.store is not None else (lambda rows: rows)
    if args.format == "json":
        # compact: a big result is written several times faster than indented
        rows = [{"schema": HIT_SCHEMA, **hit.to_json()} for hit in hits]
        utf8_stdout()
        sys.stdout.write(dumps_json(shown(rows), separators=(",", ":")) + "\n")
    elif args.format in ("jsonl", "csv"):
        rows = shown([hit_row(hit) for hit in hits])
        write_utf8(to_jsonl(rows) if args.format == "jsonl" else to_csv(rows, HIT_COLUMNS))
    else:
        console = Console(highlight=False, emoji=False, markup=False, soft_wrap=True)
        if console.width <= 0:  # COLUMNS=0, a width unknown: Rich would write nothing
            console.width = 80
        if not hits:
            console.print(
                Text(_("no hits for {query}").format(query=sanitize_line(args.query)), style="dim")
            )
        for number, hit in enumerate(hits, start=1):
            console.print(hit_text(number, hit))
    return EXIT_OK if hits and not failed else EXIT_NONE


def _search_store(
    path: Path, paths: Sequence[str], query: Query, limit: int | None, refused: list[str]
) -> list[Hit] | None:
    """Hits from the store, or None (said on stderr) when it cannot be used. A file named
    that is not in the store because no index takes it is said as a search of the files
    says it, and added to `refused`."""
    if (why := store.not_a_store_file(path)) is not None:  # a FIFO, a folder, /dev/zero …
        print(error_line(f"{path}: {why}"), file=sys.stderr)
        return None
    try:
        with store.Store(path, replace=False, upgrading=said) as opened:
            if opened.notice:
                print(
                    _("govread: {notice}").format(notice=sanitize(opened.notice)), file=sys.stderr
                )
            if outdated := store.outdated_notice(opened):
                said(outdated)
            if opened.report_count() == 0:  # else "no hits", as if the reports lacked it
                said(_("govread: {notice}").format(notice=store.empty_notice(path)))
            scope = store.scope_of(paths) if paths else None
            if scope is not None:
                absent, changed = store.stale(opened, scope)
                named = {str(Path(p).resolve()): p for p in paths if not os.path.isdir(p)}
                for absent_path in absent:
                    if absent_path in named and (problem := _unreadable(named[absent_path])):
                        print(error_line(str(problem)), file=sys.stderr)
                        refused.append(absent_path)
                # (not those index took for no report: another index would not take them)
                absent = store.never_indexed(opened, [p for p in absent if p not in refused])
                if absent:
                    print(
                        _n(
                            "govread: {n} file never indexed (first: {first}); "
                            "run govread index to refresh the store",
                            "govread: {n} files never indexed (first: {first}); "
                            "run govread index to refresh the store",
                            len(absent),
                        ).format(n=len(absent), first=sanitize(_as_typed(absent[0]))),
                        file=sys.stderr,
                    )
                if changed:
                    print(
                        _n(
                            "govread: {n} file changed since indexed (first: {first}); "
                            "run govread index to refresh the store",
                            "govread: {n} files changed since indexed (first: {first}); "
                            "run govread index to refresh the store",
                            len(changed),
                        ).format(n=len(changed), first=sanitize(_as_typed(changed[0]))),
                        file=sys.stderr,
                    )
                # indexed under a folder given, deleted since: left out, as a search of the
                # files leaves them out, but said (not counted among the answers silently)
                folders = [str(Path(p).resolve()) for p in paths if os.path.isdir(p)]
                if folders and (gone := store.gone_under(opened, folders, scope)):
                    _say_gone(gone, _GONE_LEFT_OUT)
            searcher = store.StoreSearch(opened, scope)
            _say_copies(searcher.duplicates)
            hits = searcher.search(query, limit)
            if scope is None:  # the hits' text is stored; their files may be gone since
                gone_files = {h.report.path for h in hits if h.report.path}
                if gone := sorted(p for p in gone_files if not store.stored_file_exists(p)):
                    _say_gone(gone, _GONE_KEPT)
            return hits
    except (store.StoreError, sqlite3.Error) as error:
        print(error_line(store.problem_with(path, error)), file=sys.stderr)
        return None


def _unreadable(raw: str) -> Problem | None:
    """Why a file named cannot be opened as a report, as a search of the files would say
    it (`govread index` skips it, so it is never in the store); None when it can be read
    (its bytes decoded, not parsed: it is then a file never indexed)."""
    from govread.parsers.readers import ReportError, extract, read_bytes, refused_by_name

    if why := refused_by_name(raw):
        return Problem(raw, why, True)
    try:
        extract(read_bytes(raw), raw)
    except ReportError as error:
        return Problem.of(error, True)
    return None


# (singular, plural): the catalogue keys a plural message by its plural (`_n`)
_GONE_LEFT_OUT = (
    "govread: {n} file indexed there is gone (first: {first}); it is left out; run "
    "govread index on its folder to refresh the store",
    N_(
        "govread: {n} files indexed there are gone (first: {first}); they are left out; run "
        "govread index on their folder to refresh the store"
    ),
)
_GONE_KEPT = (
    "govread: {n} file of these hits is gone since it was indexed (first: {first}); the "
    "hits show its stored text; run govread index on its folder to refresh the store",
    N_(
        "govread: {n} files of these hits are gone since they were indexed (first: {first}); "
        "the hits show their stored text; run govread index on their folder to refresh the store"
    ),
)


def _say_gone(gone: Sequence[str], message: tuple[str, str]) -> None:
    """Files the store holds that are no longer on disk, counted, the first named."""
    print(
        _n(*message, len(gone)).format(n=len(gone), first=sanitize(_as_typed(gone[0]))),
        file=sys.stderr,
    )


def _say_copies(copies: Sequence[tuple[str, str]]) -> None:
    """The store's copies of other reports, each searched once: one named as a load of the
    files names it, several counted in one line (a corpus saved from two sites would
    otherwise open every answer with a screenful); `reports.duplicate_of` lists them all."""
    if len(copies) == 1:
        copy, original = copies[0]
        print(
            skipped_line(str(duplicate_problem(_as_typed(copy), _as_typed(original)))),
            file=sys.stderr,
        )
    elif copies:
        copy, original = map(_as_typed, copies[0])
        print(
            _(
                "govread: skipped: {n} files repeat other reports' text, each searched once "
                "(first: {copy}, the same report as {original}; the store's "
                "reports.duplicate_of names them all)"
            ).format(n=len(copies), copy=sanitize_path(copy), original=sanitize_path(original)),
            file=sys.stderr,
        )


def _paths_as_typed(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows whose `path` is as a search of the files gives it (`_as_typed`): the same
    answer with or without --store, so a script can join on it."""
    for row in rows:
        if isinstance(path := row.get("path"), str):
            row["path"] = _as_typed(path)
    return rows


def _as_typed(path: str) -> str:
    """A stored (resolved) path relative to the working folder when it lies inside it, as
    a search of the files shows the path typed; else as it is."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except (OSError, ValueError):  # no working folder (deleted), another drive
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def _highlighted(text: str, spans: Sequence[Span], style: str = "") -> Text:
    out = Text(text, style=style)
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


def hit_text(number: int, hit: Hit) -> Text:
    """One hit as Rich text (report text is never parsed as markup)."""
    report = hit.report
    where = sanitize_line(
        " ".join(
            p
            for p in (
                report.region or report.display_title,
                _("{year}").format(year=report.year) if report.year else "",
            )
            if p
        )
    )
    line = Text.assemble((f"{number}. ", "bold"), (where, "bold cyan"), "  ")
    for ancestor in hit.section[:-1]:
        line.append(ancestor, style="dim")
        line.append(" › ", style="dim")
    line.append_text(_highlighted(hit.heading, hit.heading_spans, "bold"))
    # The rank says the order; BM25 scores (0.00 for a term found only inside longer words,
    # 法 in 法治) misled, so the text shows the kind of match only (JSON keeps the score).
    line.append(f"  [{_(MATCH_NAMES[hit.match])}]", style="dim")
    path = Text(f"   {sanitize_path(_as_typed(report.path or ''))}", style="dim")
    if not hit.snippet.strip():  # a heading that matched, its text all in its sub-sections
        return Text("\n").join([line, path, Text("")])
    snippet = Text("   ").append_text(_highlighted(hit.snippet, hit.snippet_spans))
    return Text("\n").join([line, snippet, path, Text("")])
