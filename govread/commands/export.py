"""`govread export`: write the sections a query finds (or whole reports) to a TOML export.

    govread export [PATH ...] --query Q [-o FILE] [--force] [--format toml]
    govread export [PATH ...] --all [-o FILE] [--force]

`-o -` writes to standard output. An existing FILE is never replaced without --force.
Exit codes: 0 written; 1 nothing found, nothing opened, a named file failed, or the
export could not be written; 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from govread import segment
from govread.atomic import OverwriteRefused, WriteError
from govread.cli import print_problems
from govread.corpus import load
from govread.export import default_export_path, export_items, write_export
from govread.marks import kind_of, refs_in_order, report_id
from govread.parsers.model import Report
from govread.search import SearchIndex

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govread export",
        description="Write every section a query finds, or whole reports, to a TOML file "
        "(format govread-export/1, described in the README).",
        epilog="With no PATH, the bundled sample reports are searched. "
        "Example: govread export reports/ --query '行政复议 败诉' -o review.toml",
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "-q",
        "--query",
        metavar="Q",
        help="export the sections Q finds (the query language of govread search)",
    )
    what.add_argument("--all", action="store_true", help="export every report whole")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write, or - for standard output "
        "(default: govread-YYYYMMDD-HHMMSS.toml in the working directory)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--format", choices=("toml",), default="toml", help="export format (only toml, for now)"
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="report files or folders (default: the bundled sample reports)",
    )
    return parser


def _error(message: str) -> None:
    print(f"govread: error: {message}", file=sys.stderr)


def _select(reports: Sequence[Report], query: str) -> list[str]:
    """The node ids of the sections (and inline items) matching `query`, in document order.

    The search service decides (govread.search: the same query language and matching as
    `govread search` and the browser's filter). An item is listed only when its section is
    not (its text is part of the section's); preambles and closings, which are no node of
    their own, are left out. jieba is loaded only when a term is found nowhere verbatim.
    """
    index = SearchIndex.build(reports)
    result = index.filter(query)
    if result.words_pending:
        segment.ensure_loaded()
        result = index.filter(query)
    found: list[str] = []
    for unit_id in result.order:
        kind = kind_of(unit_id)
        if unit_id.endswith(("/preamble", "/closing")):
            continue
        if kind == "item" and unit_id.split("#", 1)[0] in result.ids:
            continue
        found.append(unit_id)
    return found


def run(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.query is not None and not args.query.split():
        parser.error("--query needs at least one term")
    to_stdout = args.output == "-"
    output = None if to_stdout else (args.output or str(default_export_path()))

    # Refuse early, before any work, when the answer is known; the write re-checks.
    if output is not None and not args.force and os.path.lexists(output):
        if os.path.isdir(output):
            _error(f"{output}: is a folder, not a file")
        else:
            _error(f"{output}: already exists; use --force to replace it")
        return EXIT_FAILED

    result = load(args.paths)
    print_problems(result)
    if not result.reports:
        return EXIT_FAILED

    ids = (
        [report_id(r) for r in result.reports] if args.all else _select(result.reports, args.query)
    )
    refs = refs_in_order(result.reports, ids)
    if not refs:
        count = len(result.reports)
        _error(
            f"no section matches {args.query!r} in {count} report{'s' * (count != 1)}; "
            "nothing written"
        )
        return EXIT_FAILED
    text = export_items(refs)

    if to_stdout:
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # stdout replaced by a text-only stream
            sys.stdout.write(text)
        else:  # UTF-8 whatever the locale says, as in the file
            sys.stdout.flush()
            binary.write(text.encode("utf-8"))
            binary.flush()
    else:
        assert output is not None
        try:
            write_export(output, text, overwrite=args.force)
        except OverwriteRefused:
            _error(f"{output}: already exists; use --force to replace it")
            return EXIT_FAILED
        except WriteError as error:
            _error(str(error))
            return EXIT_FAILED
        noun = "node" if len(refs) == 1 else "nodes"
        print(f"govread: wrote {len(refs)} {noun} to {output}", file=sys.stderr)
    return EXIT_FAILED if any(p.explicit for p in result.problems) else EXIT_OK
