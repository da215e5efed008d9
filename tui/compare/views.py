"""What the compare screen says of its comparison: of two reports, or of three and more.

The screen (`govread.tui.compare.screen.CompareScreen`) works on one shape for any number of
reports, `govread.multi_compare.MultiComparison` (rows of one cell per report, a figures
table of one cell per report). What differs is said here, in plain `Text` (it builds no widget):

- `PairView`, two reports: `govread.compare.compare` aligns them (its rows as
  `from_pairwise` gives them), the title reads ``A 咸宁市 2023 ⇄ B 宝鸡市 2023``, a row's
  header says on both sides that one side is silent, and `e` writes the pairwise export
  (``[compare.a]`` / ``[compare.b]`` and one ``[[pair]]`` per row).
- `ManyView`, three or more: `govread.multi_compare.compare_many`, a numbered title, a
  label above each column (they scroll sideways), and `e` writes one cell per report.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.dom import DOMNode

from govread.compare import Comparison, Idf, compare
from govread.i18n import _, _n
from govread.multi_compare import MultiComparison, compare_many, from_pairwise
from govread.parsers.model import Report
from govread.tui.compare.column import HeaderOf, pair_header, row_header
from govread.tui.keymap import keys_in


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog needs: the export's text for a file of a name, in the format
    the name asks for (None: one no comparison is written in), its summary, what it is in
    the message."""

    render: Callable[[str], str | None]
    summary: Text
    what: str


class ComparisonView:
    """The words of a comparison of ``labels``' reports (one label per report, in order)."""

    header: HeaderOf = staticmethod(row_header)
    labelled_columns = True  # a label above each column

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)

    def compute(
        self, reports: Sequence[Report], corpus: list[Report], idf: Idf | None = None
    ) -> MultiComparison:
        """Align ``reports`` (weighing words over ``corpus``, or by ``idf`` when counted
        already); runs in a worker thread."""
        raise NotImplementedError

    def title(self) -> Text:
        title = Text()
        for index, label in enumerate(self.labels):
            if index:
                title.append("  ·  ", style="dim")
            title.append(f"{index + 1} ", style="dim")
            title.append(label, style="bold")
        return title

    def loading_note(self) -> Text:
        note = Text(
            _(
                "Comparing {reports} … (the first comparison loads the word list, about a second)"
            ).format(reports=", ".join(self.labels))
        )
        note.highlight_words(self.labels, "bold")
        return note

    def name(self, index: int) -> str:
        """Column ``index`` as the status line names it."""
        return f"{index + 1} {self.labels[index]}"

    def counts(self, comparison: MultiComparison) -> str:
        """The status line's counts of rows, topics and figures."""
        rows = comparison.rows
        everywhere = sum(1 for row in rows if not row.has_gap)
        shared = len(comparison.shared_figures)
        counts = [
            _n("{n} row on {topics} topics", "{n} rows on {topics} topics", len(rows)).format(
                n=len(rows), topics=len(comparison.theme_ids())
            ),
            _("{n} in every report").format(n=everywhere),
            _n("{n} shared figure", "{n} shared figures", shared).format(n=shared),
        ]
        return "  ·  ".join(counts)

    def caption(self, comparison: MultiComparison, node: DOMNode) -> Text:
        """Above the figures table: what its rows are, in which order (`node`: whose keys
        the words name)."""
        shared = len(comparison.shared_figures)
        return Text(
            keys_in(
                node,
                _n(
                    "{shared} figure of the same indicator or subject in two reports or more "
                    "(first), then {alone} in one report only.  {compare.figures} or "
                    "{compare.back:first}: back to the text",
                    "{shared} figures of the same indicator or subject in two reports or more "
                    "(first), then {alone} in one report only.  {compare.figures} or "
                    "{compare.back:first}: back to the text",
                    shared,
                ),
                shared=shared,
                alone=len(comparison.figures) - shared,
            )
        )

    def export(
        self, comparison: MultiComparison, marks: Container[str], node: DOMNode
    ) -> ExportRequest:
        """The rows holding a marked unit (every row when none is): the comparison as JSON,
        every report's cell as TOML, or one record per row and report as CSV or JSON Lines."""
        from govread.compare_export import format_of_file, many_rows_to_export, render_many

        rows, by_marks = many_rows_to_export(comparison, marks)
        count = _n("{n} row", "{n} rows", len(rows)).format(n=len(rows))
        if by_marks:
            chosen = _("{count} of {total} (those holding a marked unit)").format(
                count=count, total=len(comparison.rows)
            )
        else:
            chosen = keys_in(
                node,
                _("All {count} (mark units with {compare.mark} to export only their rows)"),
                count=count,
            )
        summary = Text(
            _(
                "{rows} of {reports}: every report's cell with its text and figures, as TOML "
                "(govread-export/1); by the extension, the comparison as JSON (.json), or one "
                "record per row and report as CSV or JSON Lines (.csv, .jsonl), to:"
            ).format(rows=chosen, reports=" · ".join(self.labels))
        )
        summary.highlight_words([count, *self.labels], "bold")

        def render(name: str) -> str | None:
            fmt = format_of_file(name)
            return None if fmt is None else render_many(comparison, fmt, rows)

        return ExportRequest(
            render,
            summary,
            _("The comparison ({count})").format(count=count),
        )


class ManyView(ComparisonView):
    """Three reports or more, one column each."""

    def compute(
        self, reports: Sequence[Report], corpus: list[Report], idf: Idf | None = None
    ) -> MultiComparison:
        return compare_many(reports, corpus, idf=idf)


class PairView(ComparisonView):
    """Two reports, side A and side B; ``pairwise`` is their comparison once computed."""

    header: HeaderOf = staticmethod(pair_header)
    labelled_columns = False  # the title names A and B, both always in view

    def __init__(self, labels: Sequence[str]) -> None:
        super().__init__(labels)
        self.pairwise: Comparison | None = None

    def compute(
        self, reports: Sequence[Report], corpus: list[Report], idf: Idf | None = None
    ) -> MultiComparison:
        a, b = reports
        self.pairwise = compare(a, b, corpus, idf=idf)
        return from_pairwise(self.pairwise)

    def title(self) -> Text:
        a, b = self.labels
        title = Text()
        title.append(_("A "), style="dim")
        title.append(a, style="bold")
        title.append("  ⇄  ", style="dim")
        title.append(_("B "), style="dim")
        title.append(b, style="bold")
        return title

    def loading_note(self) -> Text:
        a, b = self.labels
        note = Text(_("Comparing "))
        note.append(a, style="bold")
        note.append(_(" with "))
        note.append(b, style="bold")
        note.append(_(" … (the first comparison loads the word list, about a second)"))
        return note

    def name(self, index: int) -> str:
        return self.labels[index]

    def counts(self, comparison: MultiComparison) -> str:
        rows = comparison.rows
        gaps = sum(row.has_gap for row in rows)
        figures = len(comparison.shared_figures)
        topics = len(comparison.theme_ids())
        return (
            _n("{n} row on ", "{n} rows on ", len(rows)).format(n=len(rows))
            + _n("{n} topic, ", "{n} topics, ", topics).format(n=topics)
            + _n("{n} gap  ·  ", "{n} gaps  ·  ", gaps).format(n=gaps)
            + _n("{n} figure on both sides", "{n} figures on both sides", figures).format(n=figures)
        )

    def caption(self, comparison: MultiComparison, node: DOMNode) -> Text:
        a, b = self.labels
        only = [
            sum(1 for row in comparison.figures if row.present == 1 and row.cells[i] is not None)
            for i in (0, 1)
        ]
        caption = Text()
        caption.append(f"{len(comparison.shared_figures)}", style="bold")
        caption.append(
            _n(
                " figure of the same indicator or subject on both sides (first), then ",
                " figures of the same indicator or subject on both sides (first), then ",
                len(comparison.shared_figures),
            )
        )
        caption.append(f"{only[0]}", style="bold")
        caption.append(_(" only in {place} and ").format(place=a))
        caption.append(f"{only[1]}", style="bold")
        caption.append(
            keys_in(
                node,
                _(" only in {place}.  {compare.figures} or {compare.back:first}: back to the text"),
                place=b,
            )
        )
        return caption

    def export(
        self, comparison: MultiComparison, marks: Container[str], node: DOMNode
    ) -> ExportRequest:
        """The rows holding a marked unit (every row when none is), both sides as TOML, the
        comparison as JSON, or one row per pair as CSV or JSON Lines."""
        from govread.compare_export import format_of_file, render_pairwise, rows_to_export

        pairwise = self.pairwise
        assert pairwise is not None  # computed before the comparison is shown
        rows, by_marks = rows_to_export(pairwise, marks)
        a, b = self.labels
        summary = Text()
        count = _n("{n} row", "{n} rows", len(rows)).format(n=len(rows))
        if by_marks:
            summary.append(count, style="bold")
            summary.append(
                _(" of {total} (those holding a marked unit)").format(total=len(pairwise.pairs))
            )
        else:
            summary.append(_("All {count}").format(count=count), style="bold")
            summary.append(
                keys_in(node, _(" (mark units with {compare.mark} to export only their rows)"))
            )
        summary.append(_(" of "))
        summary.append(a, style="bold")
        summary.append(" ⇄ ")
        summary.append(b, style="bold")
        summary.append(
            _(
                ", both sides with their text and figures, as TOML (govread-export/1); by the "
                "extension, the comparison as JSON (.json), or one row per pair as CSV or JSON "
                "Lines (.csv, .jsonl), to:"
            )
        )

        def render(name: str) -> str | None:
            fmt = format_of_file(name)
            return None if fmt is None else render_pairwise(pairwise, fmt, rows)

        return ExportRequest(
            render,
            summary,
            _("The comparison ({count})").format(count=count),
        )


def view_of(labels: Sequence[str]) -> ComparisonView:
    """The words for comparing these reports: two, or three and more."""
    return PairView(labels) if len(labels) == 2 else ManyView(labels)
