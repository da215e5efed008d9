"""`govread export`: write the sections a query finds (or whole reports) to a TOML export.

    govread export [PATH ...] --query Q [-o FILE] [--force] [--format toml]
    govread export [PATH ...] --all [-o FILE] [--force]
    govread export [PATH ...] --marks [-o FILE] [--force] [--format toml|csv|jsonl|md]

`-o -` writes to standard output. An existing FILE is never replaced without --force.
Exit codes: 0 written; 1 nothing found, nothing opened, a named file failed, or the
export could not be written; 2 usage error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from govread import segment
from govread.atomic import OverwriteRefused, WriteError, not_replaceable
from govread.cli import ArgumentParser, error_line, print_problems
from govread.corpus import load
from govread.export import (
    PASSAGE_KINDS,
    Passage,
    default_export_path,
    export_items,
    write_export,
)
from govread.figures import figures_in
from govread.i18n import _, _n
from govread.marks import MarkSet, NodeRef, refs_in_order, report_id, resolve_in
from govread.parsers.model import Report
from govread.records import export_format_for_path, render_rows, write_utf8
from govread.sanitize import sanitize_path
from govread.search import SearchIndex, fold_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govread export",
        description=_(
            "Write every section a query finds, or whole reports, to a TOML file "
            "(format govread-export/1, described in the README)."
        ),
        epilog=_(
            "With no PATH, the bundled sample reports are searched. "
            "Example: govread export reports/ --query '行政复议 败诉' -o review.toml"
        ),
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "-q",
        "--query",
        metavar="Q",
        help=_("export the sections Q finds (the query language of govread search)"),
    )
    what.add_argument("--all", action="store_true", help=_("export every report whole"))
    what.add_argument(
        "--marks",
        action="store_true",
        help=_(
            "export the marks saved by the browser (with their tags and notes) "
            "that lie in the reports given"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_(
            "file to write, or - for standard output "
            "(default: govread-YYYYMMDD-HHMMSS.toml in the working directory)"
        ),
    )
    parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    parser.add_argument(
        "--format",
        choices=("toml", "csv", "jsonl", "md"),
        default=None,
        help=_(
            "toml (govread-export/1, restores marks), csv (UTF-8 with a BOM, for "
            "spreadsheets), jsonl (one node per line) or md (Markdown); default: by FILE's "
            "extension, else toml"
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )
    return parser


def already_exists(path: str) -> str:
    return _("{path}: already exists; use --force to replace it").format(path=sanitize_path(path))


def _error(message: str) -> None:
    # Messages name files and repeat the query: one safe line.
    print(error_line(message), file=sys.stderr)


def _select(reports: Sequence[Report], query: str) -> list[NodeRef | Passage]:
    """What `--query` exports, in document order: the outermost units the query finds.

    The search service decides which units match (govread.search: the same units, query
    language and matching as `govread search` and the browser's filter, the preamble and
    closing included). Then, so that no text is written twice and no text written holds
    an excluded term:

    * a matching section is exported whole (its subsections and items included), unless
      that whole text holds a term the query excludes (``-term``): then it is left out and
      its own matching subsections and items are considered instead;
    * a section or item inside a section already exported is not exported again.

    jieba is loaded only when a term is found nowhere verbatim.
    """
    index = SearchIndex.build(reports)
    result = index.filter(query)
    if result.words_pending:
        segment.ensure_loaded()
        result = index.filter(query)
    excluded = [term.folded for term in result.query.excluded]
    by_id = {report_id(report): report for report in reports}
    exported_sections: set[str] = set()
    chosen: list[NodeRef | Passage] = []
    for unit_id in result.order:
        owner, _slash, rest = unit_id.partition("/")
        report = by_id.get(owner)
        if report is None:
            continue
        if rest in PASSAGE_KINDS:
            lines = report.preamble if rest == "preamble" else report.closing
            text = "\n".join(lines)
            chosen.append(Passage(report, None, text, figures=figures_in(lines), kind=rest))
            continue
        if any(section in exported_sections for section in _enclosing_sections(unit_id)):
            continue  # its text is in an exported section already
        ref = resolve_in(report, unit_id)
        if ref is None:
            continue
        if ref.kind == "section":
            if excluded and _holds_any(ref.text(), excluded):
                continue  # its subsections hold an excluded term: they speak for themselves
            exported_sections.add(ref.id)
        chosen.append(ref)
    return chosen


def _enclosing_sections(node_id: str) -> list[str]:
    """The ids of the sections enclosing a section or item id (not itself, for a section;
    an item's own section included)."""
    section_id, hash_mark, _item = node_id.partition("#")
    owner, _slash, numbers = section_id.partition("/")
    parts = numbers.split(".")
    count = len(parts) if hash_mark else len(parts) - 1
    return [f"{owner}/{'.'.join(parts[: n + 1])}" for n in range(count)]


def _holds_any(text: str, folded_terms: Sequence[str]) -> bool:
    folded = fold_text(text)
    return any(term in folded for term in folded_terms)


def run(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.query is not None and not args.query.split():
        parser.error(_("--query needs at least one term"))
    to_stdout = args.output == "-"
    fmt = args.format or (export_format_for_path(args.output) if args.output else "toml")
    default_output = default_export_path().with_suffix("." + fmt)
    output = None if to_stdout else (args.output or str(default_output))

    # Refuse early, before any work, when the answer is known; the write re-checks.
    if output is not None:
        refusal = not_replaceable(output)
        if refusal is not None:  # a device, FIFO, folder or link: not even with --force
            _error(_("{path}: {reason}").format(path=sanitize_path(output), reason=refusal))
            return EXIT_FAILED
        if not args.force and os.path.lexists(output):
            _error(already_exists(output))
            return EXIT_FAILED

    result = load(args.paths)
    print_problems(result)
    if not result.reports:
        return EXIT_FAILED

    annotations = None
    refs: list[NodeRef | Passage]
    if args.marks:
        marks, warning = MarkSet.load()
        if warning:
            _error(warning)
        refs = list(marks.ordered(result.reports))
        annotations = marks.tags_and_note
    elif args.all:
        refs = list(refs_in_order(result.reports, [report_id(r) for r in result.reports]))
    else:
        refs = _select(result.reports, args.query)
    if not refs:
        count = len(result.reports)
        if args.marks:
            said = _n(
                "no mark lies in {n} report; nothing written",
                "no mark lies in {n} reports; nothing written",
                count,
            ).format(n=count)
        else:
            said = _n(
                "no section matches {query} in {n} report; nothing written",
                "no section matches {query} in {n} reports; nothing written",
                count,
            ).format(query=repr(args.query), n=count)
        _error(said)
        return EXIT_FAILED
    text = export_items(refs) if fmt == "toml" else render_rows(refs, fmt, annotations=annotations)

    if to_stdout:
        write_utf8(text)
    else:
        assert output is not None
        try:
            write_export(output, text, overwrite=args.force)
        except OverwriteRefused:
            _error(already_exists(output))
            return EXIT_FAILED
        except WriteError as error:
            _error(
                _("{path}: {reason}").format(path=sanitize_path(error.path), reason=error.reason)
            )
            return EXIT_FAILED
        print(
            _n(
                "govread: wrote {n} node to {path}", "govread: wrote {n} nodes to {path}", len(refs)
            ).format(n=len(refs), path=sanitize_path(output)),
            file=sys.stderr,
        )
    return EXIT_FAILED if any(p.explicit for p in result.problems) else EXIT_OK
