"""`govread compare A B [C …]`: reports aligned theme by theme, with their figures side by side.

A and B are report files, or region names matched against the bundled samples (or the
reports in --corpus DIR, or in the store with --store FILE): `govread compare 咸宁 宝鸡`.
With --corpus or --store, the comparison's word statistics (IDF) come from the store
(`govread.store`): --corpus DIR first refreshes the default store with DIR's files
(only the changed ones are read), so no corpus is segmented again per comparison. ``--format toml`` writes every row as
a ``[[pair]]`` export (govread-export/1, `govread.compare_export`), to standard output or
to ``-o FILE``, which is never replaced without --force. Three reports or more
(`govread.multi_compare`) give one column per report: the text table, JSON
(``govread-compare-many/1``), TOML ``[[row]]`` tables with one ``[[row.cell]]`` per report,
and CSV / JSON Lines in long form (one record per row and report). Exit codes: 0 success,
1 a file could not be read or written, 2 usage error (including an unknown or ambiguous
name).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from rich import box
from rich.text import Text

from govread.cli import (
    ArgumentParser,
    argument_text,
    error_line,
    first_few,
    said,
    skipped_line,
)
from govread.commands.narrow import fits, print_stacked, terminal_console
from govread.commands.output_file import is_stdout, output_name, output_of, refused, write_file
from govread.compare_export import FILE_FORMATS, FILE_SUFFIXES, format_for_name
from govread.compare_words import (
    cell_reason,
    covered_by_list,
    gap_reason,
    nearest_label,
    only_label,
    shared_label,
    where_units,
)
from govread.corpus import LoadResult, Problem, iter_load, load
from govread.figure_table import target_shown
from govread.i18n import _
from govread.linebreak import KinsokuTable
from govread.parsers.gazetteer import without_level
from govread.parsers.model import Report
from govread.sanitize import sanitize_line, sanitize_path

if TYPE_CHECKING:  # the comparison (and jieba) load only when a comparison is made
    from govread.compare import Comparison, Idf, Unit
    from govread.multi_compare import Cell, MultiComparison
    from govread.store import ReportRow, Store

EXIT_OK, EXIT_FILE, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _FileError(Exception):
    pass


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govread compare",
        description=_(
            "Compare two reports or more topic by topic (法治政府建设实施纲要 2021–2025) and "
            "put their figures side by side, one column per report."
        ),
        epilog=_(
            "A, B, C … are paths, or region names such as 咸宁 or 宝鸡市2023 matched against "
            "the bundled samples (or the reports in --corpus DIR). "
            "One place over the years: govread compare --region NAME [--corpus DIR] "
            "[--promises] [--format text|json|csv] (see govread compare --region X --help)."
        ),
    )
    parser.add_argument("a", metavar="A", help=_("first report: a path or a region name"))
    parser.add_argument("b", metavar="B", help=_("second report: a path or a region name"))
    parser.add_argument(
        "more", metavar="C", nargs="*", help=_("more reports: one column each (paths or names)")
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "toml", "csv", "jsonl"),
        default=None,
        help=_(
            "text: a table, one column per report; json: the comparison as data; toml: an "
            "export with one [[pair]] per row (three reports or more: [[row]] with one "
            "[[row.cell]] per report), with text and figures (see the README); "
            "csv (UTF-8 with a BOM) / jsonl: one row per pair (three or more: per row and report)"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=output_name,
        help=_(
            "with --format json, toml, csv or jsonl, or a FILE whose name ends in .json, "
            ".toml, .csv or .jsonl: the file to write (default: standard output)"
        ),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("with -o: replace FILE if it exists")
    )
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help=_(
            "folder of reports to match names against and to compute IDF over "
            "(default: the bundled samples); its files are indexed into the store first"
        ),
    )
    parser.add_argument(
        "--store",
        metavar="FILE",
        help=_(
            "the store (made by `govread index`) to match names against and take IDF "
            "from; with --corpus, only DIR's stored reports count (default: the user's store)"
        ),
    )
    return parser


class _Named(Protocol):
    @property
    def region(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def display_title(self) -> str: ...
    @property
    def path(self) -> str | None: ...
    @property
    def sha256(self) -> str: ...


_N = TypeVar("_N", bound=_Named)


def _label(report: _Named) -> str:
    parts = [report.region or sanitize_path(Path(report.path or "?").stem)]
    if report.year:
        parts.append(str(report.year))
    return sanitize_line(" ".join(parts))


# A year at the end of a name the user typed (株洲 2024, 株洲2024年); bounded: at most five
# characters tried from each position.
_YEAR_AT_END = re.compile(r"(\d{4})年?$")


def _match(name: str, reports: Sequence[_N]) -> list[_N]:
    wanted = name.strip()
    # the year at the end, then what stands before it less one ":" and spaces (a pattern
    # that took the spaces too would retry them from every position: quadratic)
    year_match = _YEAR_AT_END.search(wanted)
    year = int(year_match.group(1)) if year_match else None
    if year_match:
        before = wanted[: year_match.start()].rstrip()
        place = (before[:-1] if before.endswith((":", "\uff1a")) else before).strip()
    else:
        place = wanted
    pool = [r for r in reports if year is None or r.year == year]
    if not place:
        return pool if year is not None else []
    exact = [r for r in pool if r.region and place in (r.region, without_level(r.region))]
    if exact:
        return exact
    return [r for r in pool if place in (r.region or "") or place in r.display_title]


# A year typed as a word of its own (`govread compare 咸宁 2023 宝鸡 2023`): the shell split
# what the user wrote as one name.
_BARE_YEAR = re.compile(r"\d{4}年?")


def _joined_names(names: Sequence[str]) -> list[str]:
    """The reports named: a bare year (not a path that exists) joins the name before it (a
    place's, not a file's, and one with no year of its own), as `咸宁 2023` names 咸宁's 2023
    report, and `2022 2023` two reports of the years."""
    joined: list[str] = []
    for name in names:
        year = _BARE_YEAR.fullmatch(name.strip()) and not os.path.lexists(name)
        if (
            year
            and joined
            and not os.path.lexists(joined[-1])
            and not _YEAR_AT_END.search(joined[-1].strip())
        ):
            joined[-1] = f"{joined[-1]} {name.strip()}"
        else:
            joined.append(name)
    return joined


def _resolve(name: str, corpus: Sequence[Report]) -> Report:
    return _from_file(name) or _named(argument_text(name), corpus)


def _from_file(name: str) -> Report | None:
    """The report of a path named, or None when `name` is not a path."""
    path = Path(name)
    looks_like_path = "/" in name or "\\" in name or bool(path.suffix)
    # (os.path, not pathlib: a name too long for the system is one that is not there)
    if looks_like_path and not os.path.exists(path):
        raise _FileError(_("{path}: no such file").format(path=name))
    if os.path.exists(path):
        for entry in iter_load([path]):
            if isinstance(entry, Problem):
                raise _FileError(str(entry))
            return entry
        raise _FileError(_("{path}: holds no report files").format(path=name))
    return None


def _named(name: str, corpus: Sequence[_N]) -> _N:
    found = _match(name, corpus)
    if not found:
        available = first_few(list(dict.fromkeys(_label(r) for r in corpus))) or _("none")
        raise _UsageError(
            _("{name}: no report of that name; available: {available}").format(
                name=name, available=available
            )
        )
    distinct = list({r.sha256: r for r in reversed(found)}.values())[::-1]
    if len(distinct) > 1:
        told = _told_apart(distinct)
        matches = _("{name}: {n} reports match: {matches}").format(
            name=name, n=len(distinct), matches=first_few([t for _r, t in told])
        )
        labels = [_label(r) for r, _t in told]
        if len(set(labels)) > 1:  # a year tells some apart
            hint = _("; name one by its file's path, or by place and year (like {example})")
        else:
            hint = _("; name one by its file's path")
        raise _UsageError(matches + hint.format(example=labels[0]))
    return found[0]


def _told_apart(reports: Sequence[_N]) -> list[tuple[_N, str]]:
    """Each report, by label, with its label and its file's name (its path where two names
    are alike)."""
    ordered = sorted(reports, key=lambda r: (_label(r), r.path or ""))
    names = [Path(r.path or "?").name for r in ordered]
    return [
        (r, f"{_label(r)} ({sanitize_path(r.path or '?' if names.count(n) > 1 else n)})")
        for r, n in zip(ordered, names, strict=True)
    ]


def _load_corpus(directory: str | None) -> LoadResult:
    if directory is None:
        return load()
    if not os.path.isdir(directory):
        raise _FileError(_("{path}: not a folder").format(path=directory))
    result = load([directory])
    for problem in result.problems:
        print(skipped_line(str(problem)), file=sys.stderr)
    return result


def _from_store(
    directory: str | None, store_file: str | None, name_a: str, name_b: str
) -> tuple[Report, Report, Idf] | None:
    """A and B with the IDF counted in the store; None when neither --corpus nor --store
    was given, or (said on stderr) when the default store cannot be used for --corpus; None
    too for --corpus alone with the cache off (--no-cache): the default store is in the cache
    folder, and the loaded corpus gives the same result."""
    if directory is None and store_file is None:
        return None
    if store_file is None:
        from govread.loading import cache_enabled

        if not cache_enabled():
            return None
    import sqlite3

    from govread import store as store_module
    from govread.compare import Idf

    if directory is not None and not os.path.isdir(directory):
        raise _FileError(f"{directory}: not a folder")
    if store_file is not None and (why := store_module.not_a_store_file(Path(store_file))):
        raise _FileError(f"{store_file}: {why}")  # nothing there, a FIFO, a folder …
    try:
        # a store named by --store is only read: never emptied nor set aside here
        opening = Path(store_file) if store_file else None
        with store_module.Store(opening, replace=store_file is None, upgrading=said) as opened:
            if opened.notice:
                notice = _("govread: {notice}").format(notice=sanitize_line(opened.notice))
                print(sanitize_line(notice), file=sys.stderr)
            if outdated := store_module.outdated_notice(opened):
                said(outdated)
            scope = None
            if directory is not None:
                refused: set[str] = set()  # files just skipped, each said: no index takes them
                if store_file is None:  # the default store, refreshed with DIR's files
                    told = opened.notice
                    summary = store_module.index(opened, [directory], waiting=said)
                    if opened.notice is not None and opened.notice != told:  # set aside
                        notice = _("govread: {notice}").format(notice=opened.notice)
                        print(sanitize_line(notice), file=sys.stderr)
                    for path, reason in summary.skipped:
                        if path != directory:  # an empty DIR: said once, below
                            print(skipped_line(f"{path}: {_(reason)}"), file=sys.stderr)
                    refused = {os.path.realpath(path) for path, _reason in summary.skipped}
                scope = store_module.scope_of([directory])
                absent, changed = store_module.stale(opened, scope)
                absent = store_module.never_indexed(
                    opened, [path for path in absent if path not in refused]
                )
                if absent or changed:
                    message = _(
                        "govread: {absent} files never indexed, {changed} changed since; run "
                        "govread index to refresh the store"
                    ).format(absent=len(absent), changed=len(changed))
                    print(sanitize_line(message), file=sys.stderr)
            rows = store_module.report_rows(opened, scope)
            a, b = _from_file(name_a), _from_file(name_b)
            if (a is None or b is None) and scope == []:  # not "the store holds none"
                raise _FileError(_("{path}: holds no report files").format(path=directory))
            if (a is None or b is None) and not rows and opened.report_count() == 0:
                raise _FileError(store_module.empty_notice(opening or opened.path))
            a = a or _stored(opened, _named(argument_text(name_a), rows))
            b = b or _stored(opened, _named(argument_text(name_b), rows))
            n, df = store_module.compare_idf(opened, a, b, scope)
    except (store_module.StoreError, sqlite3.Error) as error:
        if store_file is not None:
            raise _FileError(store_module.problem_with(Path(store_file), error)) from None
        message = _(
            "govread: the store cannot be used ({error}); reading the corpus instead"
        ).format(error=sanitize_line(str(error)))
        print(sanitize_line(message), file=sys.stderr)
        return None
    return a, b, Idf.counted(n, df)


def _stored(opened: Store, row: ReportRow) -> Report:
    report = opened.report(row.id)
    if report is None:
        raise _FileError(_("{path}: could not be read from the store").format(path=row.path))
    return report


def _error(message: str) -> None:
    # Messages name files and repeat what was typed: one safe line.
    print(error_line(message), file=sys.stderr)


def run(argv: Sequence[str]) -> int:
    if any(arg == "--region" or arg.startswith("--region=") for arg in argv):
        # one place over the years (issue 17): its own command module
        from govread.commands.timeline import run as run_timeline

        return run_timeline(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.format is None:
        # -o cmp.toml says the format by its name, as export's -o does; another format's
        # name (cmp.xlsx) is refused, as there
        from govread.records import unwritten_format

        named = args.output if args.output is not None and not is_stdout(args.output) else ""
        if named and (why := unwritten_format(named, FILE_SUFFIXES)):
            parser.error(_("{reason} (or give --format)").format(reason=why))
        inferred = format_for_name(named, "")
        args.format = inferred if inferred in FILE_FORMATS else "text"
    output = output_of(
        parser,
        args.output,
        force=args.force,
        takes_file=args.format in FILE_FORMATS,
        # -o t.txt, -o t.md, --format text -o t: the table is for the terminal; say the way
        # to keep it as well as the formats a FILE takes
        needs=_(
            "-o/--output needs --format json, toml, csv or jsonl, or a FILE whose name ends in "
            ".json, .toml, .csv or .jsonl (the text table is for the terminal: > FILE keeps it)"
        ),
    )
    # Refuse before the comparison (a second or more) when the answer is already known;
    # the atomic write checks again.
    why = refused(output, force=args.force)
    if why is not None:
        _error(why)
        return EXIT_FILE
    names = _joined_names([args.a, args.b, *args.more])
    if len(names) < 2:
        _error(_("{name}: one report; compare needs two or more").format(name=names[0]))
        return EXIT_USAGE
    args.a, args.b, *args.more = names
    idf: Idf | None = None
    corpus: Sequence[Report] = ()
    try:
        if args.more and args.store is not None:
            raise _UsageError(_("--store compares two reports; give --corpus DIR for more"))
        stored = None if args.more else _from_store(args.corpus, args.store, args.a, args.b)
        if stored is not None:
            a, b, idf = stored
            chosen = [a, b]
        else:
            corpus = _load_corpus(args.corpus).reports
            chosen = [_resolve(name, corpus) for name in (args.a, args.b, *args.more)]
    except _UsageError as error:
        _error(str(error))
        return EXIT_USAGE
    except _FileError as error:
        _error(str(error))
        return EXIT_FILE
    _warn_same_report([args.a, args.b, *args.more], chosen)
    from govread.genre_fit import genre_note, off_topic

    for report in off_topic(chosen):
        note = _("govread: note: {note}").format(note=genre_note(report))
        print(sanitize_line(note), file=sys.stderr)

    # jieba and the comparison are loaded only now: `govread --help` stays fast.
    from govread.compare import compare

    if len(chosen) > 2:
        return _run_many(args.format, chosen, corpus, output, force=args.force)
    a, b = chosen
    comparison = compare(a, b, corpus, idf=idf)
    if args.format in FILE_FORMATS:  # the compare screen's export writes through it too
        from govread.compare_export import render_pairwise

        return _write_out(render_pairwise(comparison, args.format), output, force=args.force)
    _print_text(comparison)
    return EXIT_OK


def _warn_same_report(names: Sequence[str], reports: Sequence[Report]) -> None:
    """A line on stderr for each report named again (the same file, or the same text in
    another file): the comparison goes on, setting the report beside itself."""
    first: dict[str, int] = {}
    for index, report in enumerate(reports):
        earlier = first.setdefault(report.id, index)
        if earlier == index:
            continue
        before = reports[earlier]
        if before.path and report.path and _same_file(before.path, report.path):
            message = _(
                "govread: warning: {a} and {b} are the same file ({path}); "
                "the report is compared with itself"
            ).format(a=names[earlier], b=names[index], path=report.path)
        else:
            message = _(
                "govread: warning: {a} and {b} hold the same text; "
                "the report is compared with itself"
            ).format(a=names[earlier], b=names[index])
        print(sanitize_line(message), file=sys.stderr)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # gone meanwhile, or a stored report's path: as written
        return os.path.abspath(a) == os.path.abspath(b)


def _run_many(
    form: str,
    reports: Sequence[Report],
    corpus: Sequence[Report],
    output: str | None,
    *,
    force: bool,
) -> int:
    """Three reports or more: one column (or cell) per report."""
    from govread.multi_compare import compare_many

    comparison = compare_many(reports, corpus)
    if form in FILE_FORMATS:
        from govread.compare_export import render_many

        return _write_out(render_many(comparison, form), output, force=force)
    _print_many(comparison)
    return EXIT_OK


def _write_out(text: str, output: str | None, *, force: bool) -> int:
    """An export already escaped for its format (TOML, CSV, JSON Lines, JSON), to standard
    output as UTF-8 or to FILE (atomically, replacing a file only with --force)."""
    if output is None:
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # stdout replaced by a text-only stream
            sys.stdout.write(text)
        else:  # UTF-8 whatever the locale says, as in a file
            sys.stdout.flush()
            binary.write(text.encode("utf-8"))
            binary.flush()
        return EXIT_OK
    return write_file(text, output, force=force, wrote=_("govread: wrote the comparison to {path}"))


KEYWORDS_SHOWN = 5


def _keywords(words: Sequence[str]) -> str:
    """The first five keywords joined by " · ", then " …" when there were more: the list is
    cut at its end (the tables fold a long line rather than cut it with "…" mid-list)."""
    shown = " · ".join(words[:KEYWORDS_SHOWN])
    return sanitize_line(shown + (" …" if len(words) > KEYWORDS_SHOWN else ""))


def _units_cell(units: Sequence[Unit], only: Sequence[str], side: str, hosts: bool = False) -> Text:
    """A side's units on a row (`hosts`: a secondary row's, marked so), then the keywords
    only that side uses."""
    cell = Text()
    for index, unit in enumerate(units):
        if index:
            cell.append("\n")
        cell.append(sanitize_line(unit.shown_number), style="bold")
        cell.append(sanitize_line(unit.heading))
    if hosts:
        cell.append("\n" + _("(a secondary subject of these units)"), style="dim")
    if only:
        cell.append(f"\n{only_label(side)}: ", style="dim")
        cell.append(_keywords(only), style="dim italic")
    return cell


def _print_text(comparison: Comparison) -> None:
    from govread.compare import hosts_side

    console = terminal_console()  # honours NO_COLOR, TERM and COLUMNS
    a_name, b_name = _label(comparison.a), _label(comparison.b)
    console.print(
        Text.assemble(
            ("A ", "bold"),
            sanitize_line(comparison.a.display_title),
            "\n",
            ("B ", "bold"),
            sanitize_line(comparison.b.display_title),
        )
    )
    a_header, b_header = Text(f"A {a_name}"), Text(f"B {b_name}")  # place names: no language
    topic_header = Text(_("Topic · similarity"))
    rows: list[tuple[Text, Text, Text]] = []
    for pair in comparison.pairs:
        middle = Text(pair.theme_name, style="bold")
        if pair.is_gap:
            other = "B" if pair.a else "A"
            why = gap_reason(pair, other)
            if where := where_units(pair):
                why += " " + covered_by_list(where)
            middle.append(f"\n{why}", style="yellow")
            if pair.nearest is not None:
                middle.append("\n" + nearest_label(), style="dim")
                middle.append(
                    sanitize_line(pair.nearest.shown_number + pair.nearest.heading), style="dim"
                )
                middle.append(f" ({pair.nearest_similarity:.2f})", style="dim")
        else:
            middle.append(f"\n{pair.similarity:.2f}")
            if pair.shared_keywords:
                middle.append(f"\n{shared_label()}: ", style="dim")
                middle.append(_keywords(pair.shared_keywords), style="green")
        empty = Text("—", style="dim")
        left = (
            _units_cell(pair.a, pair.only_a if pair.b else (), "A", hosts_side(pair, pair.a))
            if pair.a
            else empty
        )
        right = (
            _units_cell(pair.b, pair.only_b if pair.a else (), "B", hosts_side(pair, pair.b))
            if pair.b
            else empty
        )
        rows.append((left, middle, right))
    wide = fits(console, 3)
    if not wide:
        print_stacked(console, [topic_header, a_header, b_header], [(m, a, b) for a, m, b in rows])
    else:
        table = KinsokuTable(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
        table.add_column(a_header, ratio=5, overflow="fold")
        table.add_column(topic_header, ratio=3, overflow="fold")
        table.add_column(b_header, ratio=5, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if comparison.figures:
        title = Text(_("Figures side by side"))
        figure_rows = [
            (
                Text(sanitize_line(f.label)),
                Text(sanitize_line(target_shown(f.a.text, f.target))),
                Text(sanitize_line(target_shown(f.b.text, f.target))),
            )
            for f in comparison.figures
        ]
        if not wide:
            console.print()
            console.print(title, style="italic")
            print_stacked(console, [Text(_("Indicator")), a_header, b_header], figure_rows)
        else:
            figures = KinsokuTable(box=box.SIMPLE_HEAD, title=title, expand=False)
            figures.add_column(Text(_("Indicator")))
            figures.add_column(Text(a_name), justify="right")
            figures.add_column(Text(b_name), justify="right")
            for figure_row in figure_rows:
                figures.add_row(*figure_row)
            console.print(figures)
    else:
        console.print(
            Text(_("The two reports have no figures with the same subject."), style="dim")
        )


def _many_units(cell: Cell) -> Text:
    text = Text()
    for index, unit in enumerate(cell.units):
        if index:
            text.append("\n")
        text.append(sanitize_line(unit.shown_number), style="bold")
        text.append(sanitize_line(unit.heading))
    if cell.secondary:
        text.append("\n" + _("(a secondary subject of these units)"), style="dim")
    if cell.only_keywords:
        text.append("\n" + _("only here:") + " ", style="dim")
        text.append(_keywords(cell.only_keywords), style="dim italic")
    return text


def _many_cell(cell: Cell, cell_theme: str) -> Text:
    """A report's cell: its units, or why it has none (silent only when no text covers it)."""
    if cell.units:
        return _many_units(cell)
    text = Text()
    reason = cell_reason(
        cell_theme,
        within=bool(cell.covered_by),
        has_theme=cell.has_theme,
        passing=bool(cell.mentioned_in),
    )
    text.append(reason, style="yellow")
    for unit in where_units(cell)[:3]:
        text.append("\n")
        text.append(sanitize_line(unit.shown_number), style="bold")
        text.append(sanitize_line(unit.heading))
    if cell.nearest is not None:
        text.append("\n" + _("nearest:") + " ", style="dim")
        text.append(sanitize_line(cell.nearest.shown_number + cell.nearest.heading), style="dim")
        text.append(f" ({cell.nearest_similarity:.2f})", style="dim")
    return text


def _print_many(comparison: MultiComparison) -> None:
    """One column per report; rich wraps the cells to the terminal's width (COLUMNS)."""
    console = terminal_console()  # honours NO_COLOR, TERM and COLUMNS
    labels = [_label(report) for report in comparison.reports]
    heading = Text()
    for index, report in enumerate(comparison.reports):
        if index:
            heading.append("\n")
        heading.append(f"{index + 1} ", style="bold")
        heading.append(sanitize_line(report.display_title))
    console.print(heading)
    headers = [Text(_("Topic · similarity"))]
    headers += [Text(f"{index + 1} {label}") for index, label in enumerate(labels)]
    rows: list[list[Text]] = []
    for row in comparison.rows:
        theme = Text(row.theme_name, style="bold")
        if row.present >= 2:
            theme.append(f"\n{row.similarity:.2f}")
            if row.shared_keywords:
                theme.append("\n" + _("shared:") + " ", style="dim")
                theme.append(_keywords(row.shared_keywords), style="green")
        rows.append([theme, *(_many_cell(cell, row.theme) for cell in row.cells)])
    wide = fits(console, len(headers))
    if not wide:
        print_stacked(console, headers, rows)
    else:
        table = KinsokuTable(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
        for index, header in enumerate(headers):
            table.add_column(header, ratio=4 if index else 3, overflow="fold")
        for cells in rows:
            table.add_row(*cells)
        console.print(table)
    shared = comparison.shared_figures
    if shared:
        title = Text(_("Figures side by side"))
        figure_rows = [
            [
                Text(sanitize_line(figure_row.label)),
                *(
                    Text(sanitize_line(target_shown(f.text, figure_row.target)))
                    if f is not None
                    else Text("—", style="dim")
                    for f in figure_row.cells
                ),
            ]
            for figure_row in shared
        ]
        if not wide:
            console.print()
            console.print(title, style="italic")
            print_stacked(console, [Text(_("indicator or subject")), *headers[1:]], figure_rows)
        else:
            figures = KinsokuTable(box=box.SIMPLE_HEAD, title=title, expand=False)
            figures.add_column(Text(_("indicator or subject")))
            for label in labels:
                figures.add_column(Text(label), justify="right")
            for cells in figure_rows:
                figures.add_row(*cells)
            console.print(figures)
    else:
        console.print(Text(_("No figure of the same subject in two reports or more."), style="dim"))
