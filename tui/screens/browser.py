"""The browser: every report's outline beside the detail pane of the node under the cursor.

The app feeds reports in (`add_report`, `show_progress`, `loading_finished`); the screen
keeps the two panes in step. Filter, mark, export and compare are bound here and arrive
with their own features.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Tree

from govread.corpus import Problem
from govread.parsers.model import Report
from govread.tui.widgets.detail import DetailPane
from govread.tui.widgets.outline import OutlineData, OutlineTree

# More files than this and loading shows a progress bar.
PROGRESS_THRESHOLD = 5


class BrowserScreen(Screen[None]):
    """Outline on the left, detail on the right, header and footer around them."""

    CSS_PATH = "browser.tcss"
    BINDING_GROUP_TITLE = "Browser"
    AUTO_FOCUS = "OutlineTree"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-wide"),
        (160, "-very-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        # Help and quit come first so that they stay in the footer at 80 columns.
        Binding("question_mark,f1", "app.help", "Help", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit"),
        Binding("slash", "filter", "Filter", tooltip="Narrow the outline to a keyword"),
        Binding("plus", "expand_all", "Expand all", tooltip="Open every report and section"),
        Binding("minus", "collapse_all", "Collapse all", tooltip="Fold to one line per report"),
        Binding("b", "toggle_outline", "Outline", tooltip="Hide or show the outline"),
        Binding("space", "toggle_mark", "Mark", tooltip="Mark or unmark the node for export"),
        Binding("e", "export", "Export", tooltip="Export the marked nodes to TOML"),
        Binding("c", "compare", "Compare", tooltip="Compare this report with another"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="panes"):
            yield OutlineTree(id="outline")
            yield DetailPane(id="detail")
        yield ProgressBar(id="load-progress", show_eta=False)
        yield Footer()

    @property
    def outline(self) -> OutlineTree:
        return self.query_one(OutlineTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # -- fed by the app ---------------------------------------------------------------

    def add_report(self, report: Report) -> None:
        first = not self.outline.root.children  # not report_nodes(): a copy per report
        self.outline.add_report(report)
        if first:
            self.detail.show([report])

    def show_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#load-progress", ProgressBar)
        bar.display = total > PROGRESS_THRESHOLD and done < total
        bar.update(total=total, progress=done)

    def loading_finished(self, problems: list[Problem]) -> None:
        self.query_one("#load-progress", ProgressBar).display = False
        if self.outline.report_nodes():
            return
        message = Text("No report could be opened.", style="bold")
        for problem in problems:
            message.append("\n\n")
            message.append(problem.path)
            message.append(": ")
            message.append(problem.reason)
        if not problems:
            message.append("\n\nNo report files were found.")
        self.detail.show_message(message)

    # -- keeping the panes in step ----------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[OutlineData]) -> None:
        path = OutlineTree.path_of(event.node)
        if path:  # the hidden root is highlighted while the outline is empty
            self.detail.show(path)

    def on_outline_tree_open_requested(self, _: OutlineTree.OpenRequested) -> None:
        self.detail.focus()

    # -- actions ----------------------------------------------------------------------

    def action_expand_all(self) -> None:
        self.outline.expand_all_reports()

    def action_collapse_all(self) -> None:
        self.outline.collapse_all_reports()

    def action_toggle_outline(self) -> None:
        outline = self.outline
        outline.display = not outline.display
        if outline.display:
            outline.focus()
        else:
            self.detail.focus()

    # The next four belong to the filter, marks/export and compare features; until
    # they land, each says so instead of silently doing nothing.
    def action_filter(self) -> None:
        self.notify("Filtering arrives with the filter feature", severity="warning")

    def action_toggle_mark(self) -> None:
        self.notify("Marking arrives with the marks and export feature", severity="warning")

    def action_export(self) -> None:
        self.notify("Export arrives with the marks and export feature", severity="warning")

    def action_compare(self) -> None:
        self.notify("Comparing arrives with the compare feature", severity="warning")
