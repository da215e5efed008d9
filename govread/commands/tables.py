"""`govread figures`, `govread coverage` and `govread check`: the corpus as tables.

    govread figures [PATH ...] [--indicator NAME ...] [--format text|csv|json|jsonl]
    govread coverage [PATH ...] [--format text|csv|json]
    govread check [PATH ...] [--format text|csv|json]

CSV is UTF-8 with a byte-order mark (a spreadsheet then shows the Chinese). The text
formats are tables for a person: the figures as a pivot (reports × indicators), coverage as
shares of each report's text, the checklist with the sentence that proves each verdict.
Exit status: 0 success; 1 when a file named could not be opened or nothing was opened;
2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence

from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from govread.checklist import CONTENT_NAMES, CONTENTS, Checklist, check, check_columns, check_rows
from govread.cli import (
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentParser,
    _load_or_exit,
    argument_text,
)
from govread.commands.narrow import NARROWEST, Console
from govread.coverage import (
    COVERAGE_COLUMNS,
    Coverage,
    coverage,
    coverage_rows,
    empty_label,
    percent,
    theme_columns,
)
from govread.figure_table import COLUMNS, Pivot, figure_rows, pivot, report_rows, value_text
from govread.i18n import _
from govread.linebreak import KinsokuTable
from govread.parsers.model import Report
from govread.records import write_utf8
from govread.sanitize import dumps_json, sanitize, sanitize_line
from govread.tabular import render

TEXT_PIVOT_COLUMNS = 8  # the text pivot shows the most widespread indicators unless named


def _parser(name: str, description: str, formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = ArgumentParser(prog=f"govread {name}", description=description)
    parser.add_argument(
        "--format", choices=tuple(formats), default="text", help=_("the output format")
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(list(argv))
    except SystemExit as exit_:  # --help, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE


def _console() -> Console:
    """The terminal's width (`_terminal_width`), else 200 cells: a file or a pipe."""
    width = _terminal_width() or 200
    return Console(highlight=False, emoji=False, markup=False, soft_wrap=False, width=width)


def _terminal_width() -> int | None:
    """The width the text goes out at: COLUMNS, else the terminal's; None for a file or a
    pipe (the tables are then written whole, `_console`'s 200 cells wide)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), NARROWEST)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, NARROWEST)
    return None


# a report's lines when its table is too wide: (the column's name, the report's cell)
Block = tuple[Text, list[tuple[Text, Text]]]


def _print_table(table: Table, blocks: Sequence[Block], *, title: Text | None = None) -> None:
    """`table` if it fits the terminal; else, as a terminal too narrow would break every line
    of it in two, one report at a time: its name, then a line per column with a value."""
    console = _console()
    width = _terminal_width()
    if width is None or (
        Measurement.get(console, console.options.update_width(10_000), table).maximum <= width
    ):
        console.print(table)
        return
    if title is not None:
        console.print(title, style="italic")
    for index, (label, cells) in enumerate(blocks):
        if index or title is not None:
            console.print()
        console.print(label, style="bold")
        # the values in a column of their own where the names leave room for one
        aligned = min(max((n.cell_len for n, _v in cells), default=0), width // 2)
        for name, value in cells:
            gap = " " * max(2, aligned - name.cell_len + 2)
            line = Text.assemble(name, gap, value)
            console.print(Padding(line, (0, 0, 0, 2), expand=False))


def _where(report: Report) -> Text:
    place = report.region or report.display_title
    return Text(sanitize(f"{place} {report.year or ''}".strip()))


def _status(explicit_failure: bool) -> int:
    return EXIT_NOTHING if explicit_failure else EXIT_OK


def _run(
    argv: Sequence[str],
    parser: argparse.ArgumentParser,
    body: Callable[[argparse.Namespace, list[Report]], None],
) -> int:
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        result = _load_or_exit(args.paths)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_NOTHING
    body(args, result.reports)
    return _status(any(p.explicit for p in result.problems))


# -- figures ------------------------------------------------------------------------------


def pivot_table(table: Pivot, columns: Sequence[str]) -> Table:
    """Reports × indicators as a Rich table (every string a Text: never markup)."""
    out = KinsokuTable(show_lines=False, header_style="bold")
    out.add_column(Text(_("report")))
    for indicator in columns:
        out.add_column(Text(sanitize(indicator)), justify="right")
    for index, report in enumerate(table.reports):
        cells = [Text(value_text(table.cell(index, i))) for i in columns]
        out.add_row(_where(report), *cells)
    return out


def _figures(args: argparse.Namespace, reports: list[Report]) -> None:
    indicators = args.indicator or None
    if args.format != "text":
        rows = figure_rows(reports, indicators)
        write_utf8(render(args.format, COLUMNS, rows, table="figure"))
        _say_unanswered(indicators, rows)
        return
    per_report = [report_rows(report, indicators) for report in reports]
    _say_unanswered(indicators, [row for rows in per_report for row in rows])
    table = pivot(reports, per_report, indicators)
    columns = table.indicators if indicators else table.indicators[:TEXT_PIVOT_COLUMNS]
    blocks: list[Block] = []
    for index, report in enumerate(table.reports):
        values = [(i, value_text(table.cell(index, i))) for i in columns]
        blocks.append((_where(report), [(Text(sanitize(i)), Text(v)) for i, v in values if v]))
    _print_table(pivot_table(table, columns), blocks)
    if not indicators and len(table.indicators) > len(columns):
        _console().print(
            Text(
                _(
                    "{shown} of {total} indicators, those most reports have; name others "
                    "with --indicator, or use --format csv for all"
                ).format(shown=len(columns), total=len(table.indicators)),
                style="dim",
            )
        )


def _say_unanswered(asked: Sequence[str] | None, rows: Sequence[dict[str, object]]) -> None:
    """One line on stderr naming the --indicator names no figure answered: an empty column
    would read as every report silent on it, a misspelt name as a finding."""
    answered = {row.get("indicator") for row in rows}
    missing = [name for name in dict.fromkeys(asked or ()) if name not in answered]
    if missing:
        line = _("govread: no figure of {names} in these reports (an indicator, or a subject)")
        print(sanitize_line(line.format(names="、".join(missing))), file=sys.stderr)


def _indicator_name(text: str) -> str:
    """An --indicator NAME, its spaces around dropped; a blank one is refused (it drew a
    column with no header and nothing in it)."""
    name = argument_text(text).strip()
    if not name:
        raise argparse.ArgumentTypeError(_("an indicator needs a name, e.g. 出庭应诉率"))
    return name


def run_figures(argv: Sequence[str]) -> int:
    parser = _parser(
        "figures",
        _(
            "Every figure of every report, one row each (long form), or a pivot of reports × "
            "indicators (text). CSV is UTF-8 with a BOM."
        ),
        ("text", "csv", "json", "jsonl"),
    )
    parser.add_argument(
        "--indicator",
        action="append",
        type=_indicator_name,
        metavar="NAME",
        help=_("only this indicator (or subject), e.g. 出庭应诉率; repeat for more"),
    )
    return _run(argv, parser, _figures)


# -- coverage -----------------------------------------------------------------------------


def coverage_json(found: Sequence[Coverage]) -> list[dict[str, object]]:
    return [
        {
            "path": c.report.path,
            "sha256": c.report.sha256,
            "region": c.report.region,
            "year": c.report.year,
            "chars": c.total_chars,
            "themes": {
                s.theme: {
                    "units": s.units,
                    "chars": s.chars,
                    "share": round(s.share, 4),
                    "within": s.within,
                    "mentions": s.mentions,
                }
                for s in c.themes
            },
        }
        for c in found
    ]


def _coverage(args: argparse.Namespace, reports: list[Report]) -> None:
    found = [coverage(report) for report in reports]
    if args.format == "csv":
        write_utf8(render("csv", COVERAGE_COLUMNS, coverage_rows(found)))
        return
    if args.format == "json":
        write_utf8(dumps_json(coverage_json(found), indent=1) + "\n")
        return
    title = Text(_("share of text % (units)"))
    out = KinsokuTable(header_style="bold", title=title)
    out.add_column(Text(_("report")))
    themes = theme_columns()
    names = [Text(name.split(" · ")[0]) for _topic_id, name in themes]
    for name in names:
        out.add_column(name, justify="right")
    blocks: list[Block] = []
    for c in found:
        cells: list[Text] = []
        for share in c.themes:
            if share.units:
                cell = Text(f"{percent(share.share)} ({share.units})")
            else:  # silent ("·") only where no text covers or names the theme
                cell = Text(empty_label(share), style="dim")
            cells.append(cell)
        out.add_row(_where(c.report), *cells)
        blocks.append((_where(c.report), list(zip(names, cells, strict=True))))
    _print_table(out, blocks, title=title)


def run_coverage(argv: Sequence[str]) -> int:
    parser = _parser(
        "coverage",
        _(
            "How much of each report speaks to each topic of the 纲要: share of the text and "
            "number of units per topic."
        ),
        ("text", "csv", "json"),
    )
    return _run(argv, parser, _coverage)


# -- check --------------------------------------------------------------------------------


def checklist_text(c: Checklist) -> Text:
    """One report's verdicts for a person, each with the sentence that proves it."""
    out = Text()
    out.append_text(_where(c.report))
    out.stylize("bold")
    if c.published is None and c.made_public is None:
        out.append(_("  publication date unknown"), style="yellow")
    else:
        if c.signed_then_made_public:
            # the verdict is the made-public date's; the signature's is shown beside it
            out.append(
                _("  signed {signed}, published {date} ").format(
                    signed=c.published, date=c.made_public
                )
            )
        else:
            out.append(_("  published {date} ").format(date=c.made_public or c.published))
        if c.made_public and c.made_public_by:
            # which of the page's dates the verdict is on (发布日期, or 成文日期 alone)
            out.append(f"({sanitize(c.made_public_by)}) ")
        out.append(_("on time") if c.on_time else _("late"), style="green" if c.on_time else "red")
        if c.on_time is None:
            out.append(_(" (year reported unknown)"), style="yellow")
    out.append("\n")
    for key in CONTENTS:
        found = c.contents[key]
        out.append("  ✓ " if found.found else "  ✗ ", style="green" if found.found else "red")
        out.append(CONTENT_NAMES[key])
        if found.evidence:
            first = found.evidence[0]
            out.append(f"  {first.node_id}  ", style="dim")
            out.append(sanitize(first.text))
            if len(found.node_ids) > 1:
                out.append(_("  (+{n} more)").format(n=len(found.node_ids) - 1), style="dim")
        out.append("\n")
    out.append(Text(sanitize(c.report.path or ""), style="dim"))
    return out


def _check(args: argparse.Namespace, reports: list[Report]) -> None:
    found = [check(report) for report in reports]
    if args.format == "csv":
        write_utf8(render("csv", check_columns(), check_rows(found)))
        return
    if args.format == "json":
        write_utf8(dumps_json([c.to_json() for c in found], indent=1) + "\n")
        return
    console = _console()
    for index, c in enumerate(found):
        if index:
            console.print()
        console.print(checklist_text(c))


def run_check(argv: Sequence[str]) -> int:
    parser = _parser(
        "check",
        _(
            "The 督察 checklist: the five contents the 2019 rule requires of an annual report, "
            "each found or missing with its evidence, and publication before 1 April of the "
            "following year."
        ),
        ("text", "csv", "json"),
    )
    return _run(argv, parser, _check)
