"""`govread compare --region NAME`: one place over the years, and its plans followed up.

    govread compare --region NAME [--corpus DIR] [--promises] [--format text|json|csv]
                                  [-o FILE [--force]]

NAME is a place as a user writes it (通山县, 通山, 咸宁市通山县; 深圳市光明区 and 光明区 are
one place), matched against the bundled samples or the reports in --corpus DIR. Without
--promises: the place's reports as columns per year aligned by topic, the topics that
appear or disappear, each canonical indicator as a series with its change; with
--promises: each plan of year N marked followed up / partly / not mentioned in year N+1's
report, with the evidence. With -o FILE the json or csv goes to FILE (written whole or not at
all; an existing FILE only with --force). Exit codes: 0 success, 1 a folder could not be read
or FILE not written, 2 usage error (no such place, or a name that stands for several).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.text import Text

from govread.cli import ArgumentParser, argument_text, first_few
from govread.clip import clipped
from govread.commands.narrow import fits, print_stacked, terminal_console
from govread.commands.output_file import output_name
from govread.corpus import load
from govread.followup import plan_text
from govread.i18n import _
from govread.linebreak import KinsokuTable
from govread.parsers.model import Report
from govread.sanitize import dumps_json, sanitize_line, sanitize_path
from govread.timeline_view import series_cells, status_text

if TYPE_CHECKING:  # the comparison's services (and jieba) load only when used
    from govread.compare import Unit
    from govread.followup import Evidence, Promise
    from govread.timeline import Change, Place, Timeline

EXIT_OK, EXIT_FILE, EXIT_USAGE = 0, 1, 2
TIMELINE_SCHEMA = "govread-timeline/1"
PROMISES_SCHEMA = "govread-promises/1"


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govread compare",
        description=_(
            "One place over the years: its reports as columns per year aligned by topic, "
            "indicators as series with their change, and (--promises) each year's plans "
            "against the next year's report."
        ),
    )
    parser.add_argument(
        "--region",
        metavar="NAME",
        type=argument_text,
        required=True,
        help=_("the place: 通山县, 通山 or 咸宁市通山县 (深圳市光明区 = 光明区)"),
    )
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help=_("folder of reports to look in (default: the bundled samples)"),
    )
    parser.add_argument(
        "--promises",
        action="store_true",
        help=_("each plan of year N: followed up, partly or not mentioned in year N+1"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        help=_("text: tables; json: the whole as data; csv (UTF-8 with a BOM): one row each"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=output_name,
        help=_(
            "the file to write, in the format --format or its name (.json, .csv) says "
            "(default: standard output)"
        ),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("with -o: replace FILE if it exists")
    )
    return parser


def _error(message: str) -> None:
    print(_("govread: error: {problem}").format(problem=sanitize_line(message)), file=sys.stderr)


def _reports(directory: str | None) -> list[Report] | None:
    if directory is None:
        return list(load().reports)
    if not os.path.isdir(directory):
        _error(_("{folder}: not a folder").format(folder=directory))
        return None
    result = load([directory])
    for problem in result.problems:
        print(
            _("govread: skipped: {problem}").format(problem=sanitize_line(str(problem))),
            file=sys.stderr,
        )
    return list(result.reports)


def run(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from govread.commands.output_file import is_stdout, output_of, refused

    if args.format is None:
        # -o t.csv says the format by its name, as compare's and export's -o do; another
        # format's name (t.xlsx) is refused, as there
        from govread.compare_export import format_for_name
        from govread.records import unwritten_format

        named = args.output if args.output is not None and not is_stdout(args.output) else ""
        if named and (why := unwritten_format(named, (".json", ".csv"))):
            parser.error(_("{reason} (or give --format)").format(reason=why))
        inferred = format_for_name(named, "")
        args.format = inferred if inferred in ("json", "csv") else "text"

    output = output_of(
        parser,
        args.output,
        force=args.force,
        takes_file=args.format in ("json", "csv"),
        needs=_(
            "-o/--output needs --format json or csv, or a FILE whose name ends in .json or .csv"
        ),
    )
    # Refused before the reports are read when the answer is already known; the atomic
    # write checks again.
    why = refused(output, force=args.force)
    if why is not None:
        _error(why)
        return EXIT_FILE
    reports = _reports(args.corpus)
    if reports is None:
        return EXIT_FILE
    from govread.timeline import build_timeline, group_by_place, places_named

    found = places_named(args.region, reports)
    groups = group_by_place(reports)
    if not found:
        known = first_few(sorted(p.label for p in groups)) or _("none")
        _error(_("{name}: no report of that place; places: {known}").format(
            name=args.region, known=known
        ))  # fmt: skip
        return EXIT_USAGE
    if len(found) > 1:
        names = first_few([p.label for p in found])
        _error(_("{name}: stands for several places: {names}").format(
            name=args.region, names=names
        ))  # fmt: skip
        return EXIT_USAGE
    place = found[0]
    timeline = build_timeline(place, groups[place])
    for left in timeline.left_out:
        from govread.timeline import reason_text

        where = sanitize_path(left.report.path or left.report.display_title)
        print(
            sanitize_line(
                _("govread: left out: {path}: {reason}").format(
                    path=where, reason=reason_text(left)
                )
            ),
            file=sys.stderr,
        )
    if args.promises:
        from govread.followup import timeline_promises

        promises = timeline_promises(timeline, reports)
        if args.format == "json":
            return _write(
                dumps_json(promises_jsonable(timeline, promises), separators=(",", ":")) + "\n",
                output,
                force=args.force,
            )
        if args.format == "csv":
            from govread.records import to_csv

            return _write(to_csv(promise_rows(timeline, promises)), output, force=args.force)
        else:
            _print_promises(timeline, promises, corpus=bool(args.corpus))
        return EXIT_OK
    if args.format == "json":
        return _write(
            dumps_json(timeline_jsonable(timeline), separators=(",", ":")) + "\n",
            output,
            force=args.force,
        )
    if args.format == "csv":
        from govread.records import to_csv

        return _write(to_csv(timeline_rows(timeline)), output, force=args.force)
    _print_timeline(timeline, corpus=bool(args.corpus))
    return EXIT_OK


def _write(text: str, output: str | None, *, force: bool) -> int:
    """`text` to standard output, or to FILE atomically (replacing it only with --force)."""
    if output is None:
        from govread.records import write_utf8

        write_utf8(text)
        return EXIT_OK
    from govread.commands.output_file import write_file

    return write_file(text, output, force=force, wrote=_("govread: wrote the timeline to {path}"))


# --- data ---------------------------------------------------------------------------------


def _place(place: Place) -> dict[str, object]:
    return {"key": place.key, "name": place.name, "label": place.label}


def _unit(unit: Unit) -> dict[str, object]:
    return {"id": unit.node_id, "number": unit.number, "heading": unit.heading}


def _change(change: Change | None) -> dict[str, object] | None:
    if change is None:
        return None
    return {
        "from": change.before,
        "absolute": change.absolute,
        "percent": change.percent,
        "unit_mismatch": change.unit_mismatch,
    }


def timeline_jsonable(timeline: Timeline) -> dict[str, object]:
    """The timeline as plain JSON data (schema govread-timeline/1)."""
    from govread.cli import report_header
    from govread.timeline import reason_text

    return {
        "schema": TIMELINE_SCHEMA,
        "place": _place(timeline.place),
        "years": list(timeline.years),
        "reports": [report_header(r) for r in timeline.reports],
        "left_out": [
            {
                "path": left.report.path,
                "year": left.report.year,
                "reason": left.reason,
                "why": reason_text(left),
                "kept": left.kept.path if left.kept else None,
            }
            for left in timeline.left_out
        ],
        "topics": [
            {
                "theme_id": row.theme,
                "theme": row.name,
                "years": {
                    str(year): {
                        "units": [_unit(u) for u in row.main[index]],
                        "also": [_unit(u) for u in row.also[index]],
                    }
                    for index, year in enumerate(timeline.years)
                },
            }
            for row in timeline.topics
        ],
        "shifts": [
            {
                "from": shift.before,
                "to": shift.after,
                "appeared": list(shift.appeared),
                "disappeared": list(shift.disappeared),
            }
            for shift in timeline.shifts
        ],
        "indicators": [
            {
                "indicator": series.indicator,
                "years": {
                    str(year): None
                    if point is None
                    else {
                        "value": point.value,
                        "unit": point.unit,
                        "text": point.text,
                        "subject": point.label,
                        "id": point.node_id,
                        "change": _change(series.change_to(year)),
                    }
                    for year, point in zip(timeline.years, series.points, strict=True)
                },
            }
            for series in timeline.series
        ],
    }


def timeline_rows(timeline: Timeline) -> list[dict[str, object]]:
    """One row per topic and year, per indicator and year, per topic appearing or going."""
    rows: list[dict[str, object]] = []
    label = timeline.place.label

    def row(kind: str, year: int, key: str, name: str, **fields: object) -> None:
        rows.append(
            {
                "kind": kind,
                "place": label,
                "year": year,
                "key": key,
                "name": name,
                "value": fields.get("value"),
                "unit": fields.get("unit", ""),
                "text": fields.get("text", ""),
                "change": fields.get("change"),
                "change_pct": fields.get("change_pct"),
                "unit_mismatch": fields.get("unit_mismatch", False),
                "ids": fields.get("ids", []),
                # the year a change is from: the one before, or an earlier one when the year
                # between did not report the indicator
                "change_from": fields.get("change_from"),
            }
        )

    for topic in timeline.topics:
        for index, year in enumerate(timeline.years):
            units = topic.main[index]
            row(
                "topic",
                year,
                topic.theme,
                topic.name,
                value=len(units),
                text="; ".join(u.shown_number + u.heading for u in units),
                ids=[u.node_id for u in (*units, *topic.also[index])],
            )
    for series in timeline.series:
        for year, point in zip(timeline.years, series.points, strict=True):
            if point is None:
                continue
            change = series.change_to(year)
            row(
                "indicator",
                year,
                series.indicator,
                point.label,
                value=point.value,
                unit=point.unit,
                text=point.text,
                change=change.absolute if change else None,
                change_pct=change.percent if change else None,
                unit_mismatch=bool(change and change.unit_mismatch),
                ids=[point.node_id],
                change_from=change.before if change else None,
            )
    for shift in timeline.shifts:
        for kind, themes in (("appeared", shift.appeared), ("disappeared", shift.disappeared)):
            for theme in themes:
                row(kind, shift.after, theme, timeline.theme_name(theme))
    return rows


def _evidence(evidence: Evidence) -> dict[str, object]:
    return {
        "id": evidence.node_id,
        "number": evidence.unit.number,
        "heading": evidence.unit.heading,
        "similarity": evidence.similarity,
        "coverage": evidence.coverage,
        "same_subject": evidence.same_subject,
        "indicator": evidence.indicator,
        "shared": list(evidence.shared),
        "quote": evidence.quote,
        "paragraph": evidence.paragraph,
        "start": evidence.start,
        "end": evidence.end,
    }


# A last year's plan in the data, as the text and the README name it (QA: JSON said null,
# CSV nothing)
NO_LATER_REPORT = "no later report"


def promises_jsonable(timeline: Timeline, promises: Sequence[Promise]) -> dict[str, object]:
    """The plans and their follow-up as plain JSON data (schema govread-promises/1)."""
    return {
        "schema": PROMISES_SCHEMA,
        "place": _place(timeline.place),
        "years": list(timeline.years),
        "promises": [
            {
                "year": p.year,
                "next_year": p.next_year,
                "status": p.status or NO_LATER_REPORT,
                "plan": _unit(p.plan) | {"text": p.plan.text},
                "subjects": list(p.subjects),
                "evidence": [_evidence(e) for e in p.evidence],
            }
            for p in promises
        ],
    }


def promise_rows(timeline: Timeline, promises: Sequence[Promise]) -> list[dict[str, object]]:
    """One row per plan; its evidence as lists (joined by ; in CSV)."""
    return [
        {
            "place": timeline.place.label,
            "year": p.year,
            "next_year": p.next_year,
            "status": p.status or NO_LATER_REPORT,
            "plan_id": p.plan.node_id,
            "plan_number": p.plan.number,
            "plan": p.plan.text,
            "evidence_ids": [e.node_id for e in p.evidence],
            "evidence_numbers": [e.unit.number for e in p.evidence],
            "coverage": [e.coverage for e in p.evidence],
            "similarity": [e.similarity for e in p.evidence],
            "quotes": [e.quote for e in p.evidence],
        }
        for p in promises
    ]


# --- text ---------------------------------------------------------------------------------


def _cell(units: Sequence[Unit], also: Sequence[Unit]) -> Text:
    cell = Text()
    for index, unit in enumerate(units[:3]):
        if index:
            cell.append("\n")
        cell.append(sanitize_line(unit.shown_number), style="bold")
        cell.append(sanitize_line(clipped(unit.heading, 16)))
    if len(units) > 3:
        cell.append(_("\n… {count} more").format(count=len(units) - 3), style="dim")
    if also:
        where = "、".join(sanitize_line(u.shown_number.strip()) for u in also[:3])
        cell.append(("\n" if units else "") + _("also in {where}").format(where=where), "dim")
    if not units and not also:
        cell.append("—", style="dim")
    return cell


def _print_header(console: Console, timeline: Timeline, *, corpus: bool) -> None:
    title = Text(sanitize_line(timeline.place.label), style="bold")
    title.append("  " + " · ".join(str(y) for y in timeline.years), style="dim")
    console.print(title)
    for year, report in zip(timeline.years, timeline.reports, strict=True):
        console.print(Text(f"{year}  ") + Text(sanitize_line(report.display_title), "dim"))
    if len(timeline.years) == 1 and corpus:
        # (QA: the note asked for --corpus DIR of a user who had given it)
        note = _("(one year only: the corpus holds no other year of this place)")
        console.print(Text(note, style="yellow"))
    elif len(timeline.years) == 1:
        note = _(
            "(one year only: give --corpus DIR with this place's other reports to see it change)"
        )
        console.print(Text(note, style="yellow"))


def _print_timeline(timeline: Timeline, *, corpus: bool) -> None:
    console = terminal_console()
    _print_header(console, timeline, corpus=corpus)
    headers = [Text(_("Topic")), *(Text(str(year)) for year in timeline.years)]
    rows = [
        [
            Text(row.name, style="bold"),
            *(_cell(row.main[i], row.also[i]) for i in range(len(timeline.years))),
        ]
        for row in timeline.topics
    ]
    wide = fits(console, len(headers))
    if wide:
        topics = KinsokuTable(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
        for index, header in enumerate(headers):
            topics.add_column(header, ratio=3 if index else 2)
        for cells in rows:
            topics.add_row(*cells)
        console.print(topics)
    else:
        console.print()
        print_stacked(console, headers, rows)
        console.print()
    for shift in timeline.shifts:
        line = Text(f"{shift.before} → {shift.after}: ", style="bold")
        names = [timeline.theme_name(t) for t in shift.appeared]
        gone = [timeline.theme_name(t) for t in shift.disappeared]
        line.append(_("new: ") + ("、".join(names) or "—"), style="green")
        line.append("   ")
        line.append(_("gone: ") + ("、".join(gone) or "—"), style="red")
        console.print(line)
    if not timeline.series:
        console.print(Text(_("No canonical indicator in these reports."), style="dim"))
        return
    title = Text(_("Indicators"))
    series_rows = [
        [Text(sanitize_line(series.indicator)), *series_cells(series, timeline.years, "\n")]
        for series in timeline.series
    ]
    if not wide:
        console.print()
        console.print(title, style="italic")
        print_stacked(console, [Text(_("Indicator")), *headers[1:]], series_rows)
        return
    figures = KinsokuTable(box=box.SIMPLE_HEAD, title=title, expand=False)
    figures.add_column(Text(_("Indicator")))
    for year in timeline.years:
        figures.add_column(Text(str(year)), justify="right")
    for cells in series_rows:
        figures.add_row(*cells)
    console.print(figures)


def _print_promises(timeline: Timeline, promises: Sequence[Promise], *, corpus: bool) -> None:
    console = terminal_console()
    _print_header(console, timeline, corpus=corpus)
    if not promises:
        console.print(Text(_("No plan (下一步 / 工作安排) found in these reports."), style="dim"))
        return
    for promise in promises:
        line = Text(f"{promise.year}")
        if promise.next_year:
            line.append(f" → {promise.next_year}")
        line.append("  [")
        line.append_text(status_text(promise))
        line.append("]  ")
        line.append(sanitize_line(plan_text(promise.plan)))
        console.print(line)
        for evidence in promise.evidence:
            quote = Text("    ")
            quote.append(sanitize_line(evidence.unit.shown_number), style="bold")
            quote.append(sanitize_line(clipped(evidence.unit.heading, 16)))
            quote.append(f"  {evidence.coverage:.0%}  ", style="dim")
            quote.append(f"“{sanitize_line(evidence.quote)}”")
            quote.append(f"  {sanitize_line(evidence.node_id)}", style="dim")
            console.print(quote)
    counts: dict[str, int] = {}
    for promise in promises:
        name = status_text(promise).plain
        counts[name] = counts.get(name, 0) + 1
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    console.print(Text(summary, style="dim"))
