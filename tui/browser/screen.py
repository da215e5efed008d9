"""The browser: every report's outline beside the detail pane of the node under the cursor.

The app adds reports to its `Library` and tells the screen (`add_report`, `show_progress`,
`loading_finished`); the outline shows the library and the screen keeps the two panes in
step. `space` marks the node under the cursor, `m` lists the marks,
`e` exports them (dialogs/marks_list.py and dialogs/export.py); filter and compare arrive
with their own features.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Input, Tree

from govread.citation import citation_line, quote_with_citation, source_url
from govread.corpus import Problem
from govread.i18n import N_, _
from govread.node_ids import Outside, node_id_of
from govread.parsers.model import Report
from govread.sanitize import is_terminal_safe, sanitize, sanitize_line
from govread.tui.app_state import app_state
from govread.tui.browser.detail import DetailPane
from govread.tui.browser.heap import freeze_long_lived, thaw
from govread.tui.browser.outline import GROUPING_NAMES, OutlineData, OutlineTree
from govread.tui.commands import GroupingCommands, MarksCommands, TimelineCommands
from govread.tui.localised import KeysFooter, LocalisedScreen
from govread.tui.mark_actions import confirm_clear_marks
from govread.tui.messages import (
    FilterAnswered,
    FilterCleared,
    FilterQueryChanged,
    FilterQueryTyped,
    FilterSubmitted,
    HitChosen,
    MarksChanged,
    OpenRequested,
)

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from govread.marks import NodeRef
    from govread.tui.browser.filter_controller import BrowserFilter


def pager_command(pager: str | None, path: str) -> list[str]:
    """The argument list that shows `path` in `pager` (``$PAGER``, split like a shell
    would split words, never run by one), ``less`` when unset or unusable."""
    try:
        words = shlex.split(pager or "")
    except ValueError:  # an unbalanced quote
        words = []
    # An absolute path never starts with "-", so no pager takes it for an option.
    return [*(words or ["less"]), os.path.abspath(path)]


def pager_file(path: str, folder: str) -> str:
    """The file a pager can show for the report file `path`: the file itself when it is
    UTF-8 text with no control character in its text or its name; else its text as written
    (`written_text`: a GBK or UTF-16 text, a Word file, a PDF) in a UTF-8 file in `folder`
    named after it, control characters written visibly (``\\x1b``): a pager such as ``cat``
    or ``less -r`` would hand them to the terminal as they are."""
    from govread.parsers.readers import read_bytes, written_text

    data = read_bytes(path)
    written = written_text(data, path)
    text = data.decode("utf-8", "replace") if written is None else written
    shown = sanitize(text.replace("\r\n", "\n"))
    if written is None and shown == text and is_terminal_safe(path):
        return path
    # a name the user knows at the pager's prompt; cut so that it fits any file system
    copy = Path(folder) / f"{sanitize_line(Path(path).stem)[:60] or 'report'}.txt"
    copy.write_text(shown, "utf-8")
    return str(copy)


# More files than this and loading shows a progress bar.
PROGRESS_THRESHOLD = 5


# Files named when nothing opened; the palette's "Show files not opened" lists them all.
MAX_PROBLEMS_SHOWN = 50


# characters beyond which a copy through the terminal (OSC 52) may be dropped: tmux and
# many terminals cap the sequence at a few hundred kilobytes
LARGE_COPY = 100_000


class BrowserScreen(LocalisedScreen[None]):
    """Outline on the left, detail on the right, header and footer around them."""

    CSS_PATH = "screen.tcss"
    BINDING_GROUP_TITLE = N_("Browser")
    AUTO_FOCUS = "OutlineTree"
    # "Clear marks" and "Group reports …" in the palette (typed by Screen)
    COMMANDS = {MarksCommands, GroupingCommands, TimelineCommands}  # noqa: RUF012
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (an instance variable of Screen)
        (0, "-narrow"),
        (100, "-wide"),
        (160, "-very-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows them in this order, as many as fit. Help and quit come first so
        # that they stay in the footer at 80 columns; then a filter's keys, offered only
        # while a filter is on (`check_action`): in view then, not cut off past the other
        # keys at the footer's end; then the main actions (filter, compare, the corpus
        # tables, the marks: at 120 columns all in view), then the outline's and a node's.
        Binding(
            "question_mark,f1", "app.help", N_("Help"), tooltip=N_("Show every key"), id="app.help"
        ),
        Binding("q", "app.quit", N_("Quit"), id="browser.quit"),
        Binding(
            "n",
            "next_hit",
            N_("Next hit"),
            # one definition of a hit, shared with H and `govread search`
            tooltip=N_(
                "Go to the filter's next hit (a section holding a match, or the one item "
                "holding all of its matches; a preamble or closing)"
            ),
            id="browser.next_hit",
        ),
        Binding(
            "N",
            "previous_hit",
            N_("Previous hit"),
            tooltip=N_("Go to the filter's previous hit"),
            id="browser.previous_hit",
        ),
        Binding(
            "H",
            "toggle_hits",
            N_("Hits"),
            show=False,
            tooltip=N_("Ranked hits of the filter, beside the outline"),
            id="browser.hits",
        ),
        Binding(
            "escape",
            "clear_filter",
            N_("Clear filter"),
            tooltip=N_("Restore the whole outline"),
            id="browser.clear_filter",
        ),
        Binding(
            "slash",
            "filter",
            N_("Filter"),
            tooltip=N_("Narrow the outline to a keyword"),
            id="browser.filter",
        ),
        Binding(
            "c",
            "compare",
            N_("Compare"),
            tooltip=N_("Compare this report with another"),
            id="browser.compare",
        ),
        Binding(
            "t",
            "corpus_tables",
            N_("Corpus tables"),
            tooltip=N_(
                "Every open report as tables: indicators, topic coverage, the 督察 checklist"
            ),
            id="browser.corpus_tables",
        ),
        Binding(
            "m",
            "list_marks",
            N_("List marks"),
            tooltip=N_("List, visit and unmark"),
            id="browser.list_marks",
        ),
        Binding(
            "space",
            "toggle_mark",
            N_("Mark"),
            tooltip=N_("Mark or unmark the node for export"),
            id="browser.mark",
        ),
        Binding(
            "e",
            "export",
            N_("Export"),
            tooltip=N_("Export the marked nodes: TOML, or CSV, JSON Lines, Markdown by extension"),
            id="browser.export",
        ),
        Binding(
            "plus",
            "expand_all",
            N_("Expand all"),
            tooltip=N_("Open every report and section"),
            id="browser.expand_all",
        ),
        Binding(
            "minus",
            "collapse_all",
            N_("Collapse all"),
            tooltip=N_("Fold to one line per report"),
            id="browser.collapse_all",
        ),
        Binding(
            "b",
            "toggle_outline",
            N_("Outline"),
            tooltip=N_("Hide or show the outline"),
            id="browser.toggle_outline",
        ),
        Binding(
            "y",
            "copy_citation",
            N_("Copy"),
            tooltip=N_("Copy the node's text with a citation line to the clipboard"),
            id="browser.copy_citation",
        ),
        Binding(
            "number_sign",
            "tag",
            N_("Tag"),
            tooltip=N_("Tag the node (several tags, completed from those in use); marks it"),
            id="browser.tag",
        ),
        Binding(
            "o",
            "open_file",
            N_("Original"),
            id="browser.open_file",
            tooltip=N_("Read the report's original file in $PAGER (the app waits)"),
        ),
        Binding(
            "O",
            "open_url",
            N_("Open URL"),
            show=False,
            id="browser.open_url",
            tooltip=N_("Open the report's source URL (原文链接) in the web browser"),
        ),
        Binding(
            "a",
            "note",
            N_("Note"),
            tooltip=N_("Write a note on the node; marks it"),
            id="browser.note",
        ),
        Binding("tab", "app.focus_next", N_("Next pane"), show=False, id="browser.next_pane"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            N_("Previous pane"),
            show=False,
            id="browser.previous_pane",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._panes_ready = False
        self._keys_ready = False
        self._outline_widget: OutlineTree | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="panes"):
            yield OutlineTree(app_state(self).library, id="outline")
            yield DetailPane(id="detail")
        # the progress bar is mounted when first shown (`_progress_bar`): hidden, it cost
        # the first frame as much as the header
        yield KeysFooter()

    def on_mount(self) -> None:
        self.outline.marked_ids = app_state(self).marks
        library = app_state(self).library
        if len(library):  # reports that arrived before the panes were composed
            self.outline.show_all()
            self.detail.show([library.reports[0]])
        self._panes_ready = True  # from here on, the app's reports go to the outline at once
        # The app's sub-title names the reports; this screen's adds the mark count to it.
        self.watch(self.app, "sub_title", lambda _value: self._show_mark_count())
        # The filter's widgets (and govread.search) come after the first frame, not before.
        self.call_after_refresh(self._prepare_filter)

    def _prepare_filter(self) -> None:
        # Not once quitting has begun: mounting into a closing screen fails (q at start-up).
        if self.is_attached and self.query("#panes").first().is_attached and self.is_running:
            self.filtering  # noqa: B018 (its first use mounts the filter's widgets)
        else:
            self._keys_ready = True  # no bar to wait for: held keys go on (a `q` quits)

    @property
    def keys_ready(self) -> bool:
        """Whether a key can act (`TypeAhead` holds them until then): the filter's bar,
        mounted after the first frame, has composed its box (`/` before it had nothing to
        focus), or the screen is closing (a held `q` must still quit)."""
        if self._keys_ready:
            return True
        found: BrowserFilter | None = getattr(self, "_filtering", None)
        if found is not None and found.composed:
            self._keys_ready = True
            return True
        # (before it runs, the keys wait anyway: it has focused nothing yet)
        return not self.is_running

    @property
    def filtering(self) -> BrowserFilter:
        """The filter's state; its first use mounts the filter bar and the hits list."""
        found: BrowserFilter | None = getattr(self, "_filtering", None)
        if found is None:
            from govread.tui.browser.filter_controller import BrowserFilter

            found = self._filtering = BrowserFilter(self)
        return found

    @property
    def filter_on(self) -> bool:
        """A filter query is on (False before the filter was ever used: nothing made)."""
        found: BrowserFilter | None = getattr(self, "_filtering", None)
        return found is not None and found.active

    @property
    def outline(self) -> OutlineTree:
        return self.query_one(OutlineTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # -- fed by the app ---------------------------------------------------------------

    def _shown_outline(self) -> OutlineTree | None:
        """The outline, looked up once (a query per report cost a second at 10,000
        reports); None once the app is closing and the panes are gone."""
        outline = self._outline_widget
        if outline is None or not outline.is_attached:
            try:
                outline = self._outline_widget = self.outline
            except NoMatches:
                return None
        return outline

    @contextmanager
    def adding(self) -> Iterator[None]:
        """A batch of `add_report` calls: the outline is refreshed once, after the last
        (the tree asks for a refresh of its layout on every node added)."""
        outline = self._shown_outline() if self._panes_ready else None
        if outline is None:
            yield
            return
        with outline.keeping_cursor_row(), outline.building():
            yield

    def add_report(self, report: Report, *, expand: bool = True) -> None:
        if not self._panes_ready:  # on_mount shows the library's reports
            return
        if self.filter_on:  # a filtered outline takes the new report in by filtering again
            self.filtering.refilter()
            return
        outline = self._shown_outline()
        if outline is None:  # the app is closing: nothing to show
            return
        first = not outline.root.children  # not report_nodes(): a copy per report
        outline.add_report(report, expand=expand)  # in the library: the outline shows it
        if first:
            self.detail.show([report])

    def _progress_bar(self, *, mount: bool) -> ProgressBar | None:
        """The loading's progress bar, above the footer; mounted the first time it is
        shown (`mount`), never for a handful of files. None when it is not (or the app is
        closing)."""
        from textual.widgets import ProgressBar

        try:
            return self.query_one("#load-progress", ProgressBar)
        except NoMatches:
            pass
        if not mount or not self.is_attached:
            return None
        try:
            footer = self.query_one(Footer)
        except NoMatches:  # the app is closing
            return None
        bar = ProgressBar(id="load-progress", show_eta=False)
        self.mount(bar, before=footer)
        return bar

    def show_progress(self, done: int, total: int) -> None:
        if not self._panes_ready:
            return
        shown = total > PROGRESS_THRESHOLD and done < total
        bar = self._progress_bar(mount=shown)
        if bar is None:
            return
        bar.display = shown
        bar.update(total=total, progress=done)

    def on_unmount(self) -> None:
        thaw()

    def loading_finished(self, problems: list[Problem]) -> None:
        if not self._panes_ready:  # once they are (the screen's queue runs after its mount)
            self.call_later(self.loading_finished, problems)
            return
        if (bar := self._progress_bar(mount=False)) is not None:
            bar.display = False
        freeze_long_lived()  # the library stays: full collections need not walk it
        if self.outline.has_reports():
            return
        message = Text(_("No report could be opened."), style="bold")
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            message.append("\n\n")
            message.append(str(problem))  # the file name and reason, sanitised
        if len(problems) > MAX_PROBLEMS_SHOWN:
            left = len(problems) - MAX_PROBLEMS_SHOWN
            message.append(
                _("\n\n… and {n:,} more (palette: Show files not opened)").format(n=left)
            )
        if not problems:
            message.append(_("\n\nNo report files were found."))
        self.detail.show_message(message)

    # -- keeping the panes in step ----------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[OutlineData]) -> None:
        path = OutlineTree.path_of(event.node)
        if path:  # the hidden root is highlighted while the outline is empty
            self.detail.show(path)
        elif event.node.parent is not None:  # a group of reports: what it holds
            self.detail.show_message(self.outline.group_summary(event.node))

    @on(OpenRequested)
    def _open_requested(self, _message: OpenRequested) -> None:
        self.detail.focus()

    # -- actions ----------------------------------------------------------------------

    def action_expand_all(self) -> None:
        self.outline.expand_all_reports()

    def action_collapse_all(self) -> None:
        self.outline.collapse_all_reports()

    def group_reports(self, grouping: str | None) -> None:
        """Group the outline's reports by "region", "year", "none" (None: automatic)."""
        outline = self.outline
        if self.filter_on:  # the narrowed outline is flat; the full one comes back grouped
            outline.grouping = grouping
        else:
            outline.set_grouping(grouping)
        grouped = GROUPING_NAMES.get(outline.active_grouping, outline.active_grouping)
        self.notify(
            _("Reports grouped: {grouping}").format(grouping=_(grouped)), title=_("Outline")
        )

    def action_toggle_outline(self) -> None:
        outline = self.outline
        outline.display = not outline.display
        if outline.display:
            outline.focus()
        else:
            self.detail.focus()

    # -- the filter (filter_controller.py) ---------------------------------------------

    def action_filter(self) -> None:
        self.filtering.open()

    def action_next_hit(self) -> None:
        self.filtering.step(1)

    def action_previous_hit(self) -> None:
        self.filtering.step(-1)

    def action_toggle_hits(self) -> None:
        self.filtering.toggle_hits()

    def action_clear_filter(self) -> None:
        self.filtering.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the query is typed, n N H are letters of it: the footer must not offer them
        # then (enter or down leave the input for the hits, where they act).
        if action in ("next_hit", "previous_hit", "toggle_hits") and isinstance(
            self.focused, Input
        ):
            return False
        if action in ("next_hit", "previous_hit"):
            return self.filter_on and self.filtering.has_hits
        if action == "clear_filter":
            return self.filter_on or any(True for _bar in self.query("FilterBar.-open"))
        return True

    @on(FilterQueryChanged)
    def _query_changed(self, message: FilterQueryChanged) -> None:
        self.filtering.set_query(message.query)

    @on(FilterQueryTyped)
    def _query_typed(self, message: FilterQueryTyped) -> None:
        self.filtering.read_ahead(message.query)

    @on(FilterSubmitted)
    def _query_submitted(self, _message: FilterSubmitted) -> None:
        self.filtering.submitted()

    @on(FilterCleared)
    def _filter_cleared(self, _message: FilterCleared) -> None:
        self.filtering.clear()

    @on(FilterAnswered)
    def _filter_answered(self, message: FilterAnswered) -> None:
        self.filtering.answered(message)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # n N H are offered outside the filter's input only

    @on(HitChosen)
    def _hit_chosen(self, message: HitChosen) -> None:
        self.filtering.go_to_unit(message.node_id)

    # -- compare ----------------------------------------------------------------------

    def action_compare(self) -> None:
        """The report under the cursor against another open one (picked by name)."""
        from govread.tui.compare.screen import open_compare  # imports the compare service

        open_compare(self.app)  # type: ignore[arg-type]

    # -- the corpus as tables -------------------------------------------------------------

    def action_corpus_tables(self) -> None:
        reports = app_state(self).library.reports
        if not reports:
            self.notify(_("No report is open yet"), severity="warning")
            return
        from govread.tui.corpus.screen import CorpusScreen  # its services load when first used

        self.app.push_screen(CorpusScreen(reports))

    # -- marks and export -------------------------------------------------------------

    def action_toggle_mark(self) -> None:
        data = self.outline.current_node
        if data is None:
            cursor = self.outline.cursor_node
            if cursor is not None and not cursor.is_root:  # a group of reports, or "… more"
                from govread.tui.keymap import keys_in  # here: off the start-up path

                self.notify(
                    keys_in(
                        self,
                        _(
                            "Only a report, a section or an item can be marked: open this line "
                            "({outline.expand:first})"
                        ),
                    ),
                    severity="warning",
                )
            else:
                self.notify(_("Nothing to mark yet"), severity="warning")
            return
        if isinstance(data, Outside):  # a filtered outline's line, no node of the report
            self.notify(
                _("The preamble and the closing are not sections: mark the report on its own line"),
                severity="warning",
            )
            return
        app_state(self).toggle_mark(node_id_of(data))

    def on_marks_changed(self, message: MarksChanged) -> None:
        # From this screen or any other (compare, marks list): repaint what changed.
        self.outline.refresh_marks(message.node_ids)
        self._show_mark_count()
        self.detail.refresh_annotations()  # tags and notes of the node on show
        if self.filter_on and "tag:" in self.filtering.state.query.lower():
            self.filtering.refilter()  # a tag:… filter follows the tags

    def _show_mark_count(self) -> None:
        """``N marked`` in the header, beside the reports (nothing when none is)."""
        app = self.app
        state = app_state(self)
        marks = state.marks
        if not len(marks):
            self.sub_title = None  # the app's
            return
        reports = state.library.reports
        in_open = marks.count(reports)
        not_found = marks.not_found(reports)
        elsewhere = len(marks) - in_open
        status = _("● {n} marked").format(n=in_open - not_found)
        if elsewhere:
            status += _(" (+{n} in reports not open)").format(n=elsewhere)
        if not_found:
            # (the marks list says the same: the header never counts what it cannot show)
            status += _(" (+{n} not found in the text as read now)").format(n=not_found)
        self.sub_title = f"{status} · {app.sub_title}" if app.sub_title else status

    # -- citations, tags and notes ----------------------------------------------------

    def _current_ref(self, doing: str) -> NodeRef | None:
        """The node under the cursor, resolved; None (and a warning) when there is none.

        `doing` is a verb's message id (``N_("copy")``)."""
        data = self.outline.current_node
        ref = app_state(self).library.resolve(node_id_of(data)) if data is not None else None
        if ref is None:
            self.notify(_("Nothing to {doing} here").format(doing=_(doing)), severity="warning")
        return ref

    def action_copy_citation(self) -> None:
        """Copy the node's text and its citation (OSC 52, through the terminal)."""
        ref = self._current_ref(N_("copy"))
        if ref is None:
            return
        style = app_state(self).citation_style
        text = quote_with_citation(ref, style=style)
        self.app.copy_to_clipboard(text)
        line = citation_line(ref.report, ref, style=style)
        said = _("{n} characters with the citation:\n{citation}").format(
            n=len(ref.text()), citation=line
        )
        large = len(text) > LARGE_COPY
        if large:
            # the copy goes through the terminal (OSC 52), which may drop one this large
            # without a word: the app cannot know, so it says so
            said += "\n" + _("A terminal may refuse a copy this large; export it instead.")
        self.notify(
            sanitize(said),
            title=_("Copied"),
            markup=False,
            timeout=10 if large else 6,
            severity="warning" if large else "information",
        )

    @staticmethod
    def _where(ref: NodeRef) -> Text:
        report = ref.report
        text = Text(
            " ".join(p for p in (report.region, f"{report.year}" if report.year else None) if p)
            or report.display_title,
            style="bold",
        )
        if ref.path:
            text.append(" › " + " › ".join(ref.path))
        return text

    def action_tag(self) -> None:
        ref = self._current_ref(N_("tag"))
        if ref is None:
            return
        state = app_state(self)
        marks = state.marks

        def answered(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return
            marks.annotate(ref.id, tags=tags)
            state.marks_changed(frozenset({ref.id}))
            said = ", ".join(tags) if tags else _("no tags")
            self.notify(sanitize(f"{said}"), title=_("Tags"), markup=False)

        marks.take_in()  # another browser's tags since: offered, so not dropped unseen
        # Tags and notes come from marks.json, which anyone could have edited.
        tags = [sanitize(tag) for tag in marks.annotation(ref.id).tags]
        from govread.tui.dialogs.annotate import TagDialog  # imported when first opened

        dialog = TagDialog(self._where(ref), tags, [sanitize(t) for t in marks.all_tags()])
        self.app.push_screen(dialog, answered)

    def action_note(self) -> None:
        ref = self._current_ref(N_("annotate"))
        if ref is None:
            return
        state = app_state(self)
        marks = state.marks

        def answered(note: str | None) -> None:
            if note is None:
                return
            marks.annotate(ref.id, note=note)
            state.marks_changed(frozenset({ref.id}))
            self.notify(_("Note saved") if note.strip() else _("Note removed"), title=_("Note"))

        marks.take_in()  # another browser's note since: offered, so not replaced unseen
        note = sanitize(marks.annotation(ref.id).note)
        from govread.tui.dialogs.annotate import NoteDialog

        self.app.push_screen(NoteDialog(self._where(ref), note), answered)

    # -- provenance: the original file and its URL -------------------------------------

    def action_open_file(self) -> None:
        """The report's file in the user's pager, the app suspended meanwhile (no shell)."""
        report = self.outline.current_report
        if report is None or not report.path:
            self.notify(_("No file to open here"), title=_("Original"), severity="warning")
            return
        from govread.parsers.readers import ReportError  # here: off the start-up path

        with tempfile.TemporaryDirectory(prefix="govread-") as folder:
            try:
                readable = pager_file(report.path, folder)
            except ReportError as error:
                self.notify(
                    str(Problem.of(error, True)),  # sanitised
                    title=_("Original not opened"),
                    severity="error",
                    markup=False,
                )
                return
            self._page(pager_command(os.environ.get("PAGER"), readable))

    def _page(self, command: list[str]) -> None:
        """Run the pager `command`, the app suspended meanwhile."""
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify(
                _("This terminal cannot hand the screen over to a pager"),
                title=_("Original"),
                severity="error",
            )
        except OSError as error:
            self.notify(
                sanitize(f"{command[0]}: {error.strerror or error}"),
                title=_("Original not opened"),
                severity="error",
                markup=False,
            )
        self.refresh()

    def action_open_url(self) -> None:
        """The report's source URL in the web browser (http and https only)."""
        report = self.outline.current_report
        url = source_url(report) if report is not None else None
        if not url or not url.startswith(("http://", "https://")):
            self.notify(
                _("This report has no source URL (原文链接)"), title=_("Source"), severity="warning"
            )
            return
        import webbrowser  # (here, not at start: the first frame does not wait for it)

        opened = webbrowser.open(url)
        self.notify(
            sanitize(
                (_("Opened {url}") if opened else _("No web browser found for {url}")).format(
                    url=url
                )
            ),
            title=_("Source"),
            severity="information" if opened else "warning",
            markup=False,
        )

    def action_list_marks(self) -> None:
        from govread.tui.dialogs.marks_list import MarksListScreen

        app_state(self).marks.take_in()  # another browser's marks since: listed too
        self.app.push_screen(MarksListScreen(), self._jump_to)

    def _jump_to(self, node_id: str | None) -> None:
        if node_id is None:
            return
        if self.outline.go_to(node_id):
            self.outline.focus()
        else:
            self.notify(_("That node is not in the outline"), severity="warning")

    def action_clear_marks(self) -> None:
        confirm_clear_marks(self.app)

    def action_export(self) -> None:
        state = app_state(self)
        state.marks.take_in()  # another browser's marks since: exported too
        refs = state.marks.ordered(state.library.reports)
        if not refs:
            from govread.tui.keymap import keys_in  # here: off the start-up path

            self.notify(
                keys_in(
                    self, _("Nothing to export: mark sections or items with {browser.mark} first")
                ),
                title=_("Export"),
                severity="warning",
            )
            return
        from govread.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog())
