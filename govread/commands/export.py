"""`govread export`: write the sections a query finds (or whole reports) to a TOML export.

    govread export [PATH ...] --query Q [-o FILE] [--force] [--format toml]
    govread export [PATH ...] --all [-o FILE] [--force]
    govread export [PATH ...] --marks [-o FILE] [--force] [--format toml|csv|jsonl|md]

`-o -` writes to standard output. An existing FILE is never replaced without --force.
Exit codes: 0 written; 1 nothing found, nothing opened, a named file failed, or the
export could not be written; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain

from govread import segment
from govread.atomic import OverwriteRefused, WriteError, atomic_write_chunks
from govread.cli import ArgumentParser, argument_text, error_line, print_problems, said
from govread.commands.output_file import folder_name_refused, is_stdout, output_name, refused
from govread.corpus import LoadResult, Problem, iter_load, sample_paths
from govread.export import (
    PASSAGE_KINDS,
    CarriageReturnMet,
    Passage,
    default_export_path,
    export_chunks,
)
from govread.figures import figures_in
from govread.i18n import _, _n
from govread.identity import FirstSeen, duplicate_key
from govread.marks import MarkSet, NodeRef, iter_refs_in_order, report_id, resolve_in
from govread.opening import duplicate_problem
from govread.parsers.model import Report
from govread.records import (
    MARKS_SUFFIXES,
    export_format_for_path,
    render_chunks,
    terminal_safe,
    unwritten_format,
    write_utf8_from,
)
from govread.sanitize import sanitize_path
from govread.search import Query, SearchIndex, _report_units, fold_text, parse_query

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
        type=argument_text,
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
        type=output_name,
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


def _select(reports: Sequence[Report], query: Query | str) -> list[NodeRef | Passage]:
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
            figures = figures_in(lines, f"{report.id}/{rest}")
            chosen.append(Passage(report, None, text, figures=figures, kind=rest))
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


def _select_each(
    reports: Iterable[Report], query: str, again: Callable[[], Iterable[Report]]
) -> Iterator[NodeRef | Passage]:
    """`_select` over the whole corpus, a report at a time: memory holds one report.

    Which units match a term depends on the corpus in one way only: a term found nowhere
    verbatim is looked for by its words (`search.plan_term`). So `again()` first reads the
    reports (until every such term is found) for the terms some unit holds verbatim; each of
    those is then made a phrase, which one report is searched for verbatim only, whether
    it holds it or not, as the whole corpus is searched. What is selected, and its order
    (reports in order, units in document order), is `_select`'s over them all.
    """
    parsed = parse_query(query)
    wanted = {term.folded for term in parsed.terms if not term.phrase}
    found: set[str] = set()
    if wanted:
        for report in again():
            text = "\x00".join(unit.folded for unit in _report_units(report, 0))
            held = {term for term in wanted if term in text}
            found |= held
            wanted -= held
            if not wanted:
                break
    groups = tuple(
        tuple(replace(term, phrase=True) if term.folded in found else term for term in group)
        for group in parsed.groups
    )
    per_report = replace(parsed, groups=groups)
    for report in reports:
        yield from _select([report], per_report)


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
    to_stdout = is_stdout(args.output)  # -o -, /dev/stdout
    named = args.output if args.format is None and not to_stdout else None
    if named and (why := unwritten_format(named, MARKS_SUFFIXES)):
        _error(_("{reason} (or give --format)").format(reason=why))
        return EXIT_USAGE
    fmt = args.format or (export_format_for_path(args.output) if args.output else "toml")
    default_output = default_export_path().with_suffix("." + fmt)
    output = None if to_stdout else (args.output or str(default_output))
    folder_name_refused(parser, output)

    # Refuse early, before any work, when the answer is known; the write re-checks.
    # a device, FIFO, folder or link: not even with --force
    if (why := refused(output, force=args.force)) is not None:
        _error(why)
        return EXIT_FAILED

    # Reports are loaded, turned into nodes and written one at a time: memory holds one
    # report, not the corpus (--query reads the reports twice: `_select_each`).
    opened = Opened(args.paths)
    marks = None
    if args.marks:
        marks, warning = MarkSet.load()
        if warning:
            _error(warning)
    nodes = _nodes(args, opened, marks)
    first = next(nodes, None)
    if first is None:
        print_problems(opened.result)
        if opened.count:
            _error(_nothing_found(args, opened.count))
        return EXIT_FAILED
    written = 0
    passes = 0

    def texts(multiline: bool) -> Iterator[str]:
        nonlocal opened, nodes, first, written, passes
        passes += 1
        if passes > 1:  # the second pass (`CarriageReturnMet`): everything again, from the start
            opened = Opened(args.paths)
            nodes = _nodes(args, opened, marks)
            first = next(nodes, None)
            written = 0
        counted = _counting(chain([first] if first else [], nodes))
        annotations = marks.tags_and_note if marks is not None else None
        if fmt == "toml":
            return export_chunks(counted, annotations=annotations, multiline=multiline)
        return render_chunks(counted, fmt, annotations=annotations)

    def _counting(found: Iterable[NodeRef | Passage]) -> Iterator[NodeRef | Passage]:
        nonlocal written
        for node in found:
            written += 1
            yield node

    try:
        _write(texts, output, force=args.force)
    except OverwriteRefused:
        assert output is not None
        _error(already_exists(output))
        return EXIT_FAILED
    except WriteError as error:
        _error(
            _("{path}: {reason}").format(
                path=sanitize_path(error.path), reason=error.shown_reason()
            )
        )
        return EXIT_FAILED
    finally:
        print_problems(opened.result)
    if output is not None:
        print(
            _n(
                "govread: wrote {n} node to {path}", "govread: wrote {n} nodes to {path}", written
            ).format(n=int(written), path=sanitize_path(output)),
            file=sys.stderr,
        )
    return EXIT_FAILED if any(p.explicit for p in opened.result.problems) else EXIT_OK


class Opened:
    """The reports of the PATHs, each loaded when asked for (iterate once), counted, with
    the files not opened kept in ``result.problems``."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)
        self.result = LoadResult()
        self.count = 0

    def __iter__(self) -> Iterator[Report]:
        # the same text in another file is one report, as `load` has it; of each report
        # only its name is kept (memory holds one report, not the corpus)
        seen = FirstSeen[str]()
        for entry in iter_load(self.paths or sample_paths()):
            if isinstance(entry, Problem):
                self.result.problems.append(entry)
                continue
            name = entry.path or entry.display_title
            if (
                original := seen.original(duplicate_key(entry), entry.sha256, entry.path, name)
            ) is not None:
                self.result.problems.append(duplicate_problem(entry.path or "", original))
            else:
                self.count += 1
                yield entry


def _telling_earlier(opened: Opened, marks: MarkSet) -> Iterator[Report]:
    """The reports, each file whose marks lie under an earlier text of it (corrected since
    it was marked) said on stderr: the browser carries them over when it opens the file."""
    for report in opened:
        if count := marks.earlier_marks(report):
            _warn(
                _n(
                    "{file}: {n} mark belongs to an earlier text of this file (changed since "
                    "it was marked), not exported; `govread FILE` carries it over",
                    "{file}: {n} marks belong to an earlier text of this file (changed since "
                    "they were marked), not exported; `govread FILE` carries them over",
                    count,
                ).format(file=sanitize_path(report.path or ""), n=count)
            )
        yield report


def _warn(message: str) -> None:
    said(_("govread: warning: {problem}").format(problem=message))


def _nodes(
    args: argparse.Namespace, opened: Opened, marks: MarkSet | None
) -> Iterator[NodeRef | Passage]:
    """What the export holds, in order: marked nodes, whole reports, or what --query finds."""
    if marks is not None:
        return marks.iter_ordered(_telling_earlier(opened, marks))
    if args.all:
        return iter_refs_in_order(opened, None)
    return _select_each(opened, args.query, lambda: Opened(args.paths))


def _nothing_found(args: argparse.Namespace, count: int) -> str:
    if args.marks:
        return _n(
            "no mark lies in {n} report; nothing written",
            "no mark lies in {n} reports; nothing written",
            count,
        ).format(n=count)
    return _n(
        "no section matches {query} in {n} report; nothing written",
        "no section matches {query} in {n} reports; nothing written",
        count,
    ).format(query=repr(args.query), n=count)


# Standard output gets the export once it is whole (as a file gets it by its rename): it is
# kept meanwhile in memory up to this size, on disk beyond.
SPOOL_BYTES = 8 * 2**20


def _write(texts: Callable[[bool], Iterator[str]], output: str | None, *, force: bool) -> None:
    """Write the export's text, made a piece at a time by ``texts(multiline)``, to `output`
    (atomically) or to standard output; made again with ``multiline=False`` when a string
    holds a carriage return (`CarriageReturnMet`), so the text is `dumps`'s, byte for byte."""
    for multiline in (True, False):
        try:
            if output is not None:
                atomic_write_chunks(
                    output, (t.encode("utf-8") for t in texts(multiline)), overwrite=force
                )
            else:
                with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
                    for text in texts(multiline):
                        spool.write(terminal_safe(text).encode("utf-8"))
                    spool.seek(0)
                    write_utf8_from(spool)
            return
        except CarriageReturnMet:
            if not multiline:  # pragma: no cover - export_chunks raises it only when multiline
                raise
