"""Pick one or several of the open reports: type to narrow by region, year or title.

Used by the compare feature: enter chooses the highlighted report (side B), or, once some
are toggled with space, all the toggled ones (one column each). While you type, space is
part of the query (``宝鸡 2023``); it toggles when the query is empty or once ``↑ ↓`` have
moved into the list. Labels are `Text` (report titles are data, never markup).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from govread.i18n import N_, _
from govread.library import place_label
from govread.parsers.model import Report
from govread.sanitize import sanitize_path
from govread.tui.browser.outline import report_label
from govread.tui.keymap import keys_in
from govread.tui.localised import LocalisedScreen
from govread.tui.safe_input import SafeInput


def report_haystack(report: Report) -> str:
    """What the filter matches against: region, year, title and display title, lower case."""
    parts = (place_label(report), report.title, report.display_title)
    return " ".join(p for p in parts if p).casefold()


def matches(report: Report, query: str) -> bool:
    """Every whitespace-separated word of ``query`` occurs in the report's description."""
    haystack = report_haystack(report)
    return all(word in haystack for word in query.casefold().split())


LIST_LINES = 14  # the list's height at most, border included, where the screen has room
LIST_MIN_LINES = 3  # ... and at least (one report between the borders)


class QueryInput(SafeInput):
    """The query box: it leaves the space key to the picker, which types it or toggles."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)


class ReportPicker(LocalisedScreen[list[Report] | None], ModalScreen[list[Report] | None]):
    """A filterable list of reports; dismisses with the chosen ones (the highlighted one, or
    those toggled with space, in the list's order), or None on escape."""

    CSS_PATH = "picker.tcss"
    BINDING_GROUP_TITLE = N_("Pick a report")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel"),
        Binding("down", "move(1)", N_("Down"), show=False, id="picker.down"),
        Binding("up", "move(-1)", N_("Up"), show=False, id="picker.up"),
        Binding("pagedown", "move(5)", N_("Page down"), show=False, id="picker.page_down"),
        Binding("pageup", "move(-5)", N_("Page up"), show=False, id="picker.page_up"),
        Binding(
            "ctrl+t",
            "timeline",
            N_("Timeline"),
            tooltip=N_("The highlighted report's place, year by year"),
            id="picker.timeline",
        ),
        # the query box leaves space to this binding (QueryInput): the action types it or toggles
        Binding(
            "space",
            "toggle_report",
            N_("Choose several"),
            tooltip=N_("Toggle the highlighted report (enter then opens the toggled ones)"),
            priority=True,
            id="picker.toggle",
        ),
    ]

    def __init__(self, reports: Sequence[Report], prompt: Text) -> None:
        super().__init__()
        self._reports = list(reports)
        self._prompt = prompt
        self._shown: list[Report] = []
        self._toggled: list[Report] = []  # in the order toggled
        self._in_list = False  # ↑ ↓ moved the highlight since the last keystroke in the query
        # labels two reports share (the same place, year and title in two files): those
        # reports are told apart by their files' names
        counts = Counter(report_label(r).plain for r in self._reports)
        self._shared = {label for label, n in counts.items() if n > 1}

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(self._prompt, id="picker-prompt")
            # under the prompt, not in the box's bottom edge: there it was cut at 80 columns
            # (an edge does not wrap) and hidden by a toast (toasts rise from the bottom right)
            yield Static(
                Text(
                    keys_in(
                        self,
                        _(
                            "{picker.toggle} chooses several · enter opens · {picker.timeline} "
                            "its place's timeline · {picker.cancel} cancels"
                        ),
                    ),
                    style="dim",
                ),
                id="picker-hint",
            )
            yield QueryInput(
                placeholder=_("type to narrow: region, year or title"), id="picker-query"
            )
            yield OptionList(id="picker-options")
            yield Static(id="picker-note")

    def on_mount(self) -> None:
        self.query_one("#picker").border_title = _("Compare with")
        self._refill("")
        self.query_one(Input).focus()
        self.call_after_refresh(self._fit_list)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_list)

    def _fit_list(self) -> None:
        """The list no taller than the room its box leaves it (`LIST_LINES` at most): a list
        of its full height in a box capped by the screen's height (80×24) had its last
        reports, and the note under it, cut off by the box's edge, the highlight going out
        of sight; it scrolls instead."""
        box = self.query_one("#picker")
        options = self.query_one(OptionList)
        cap = box.styles.max_height
        most = int(cap.resolve(self.size, self.size)) if cap is not None else self.size.height
        others = sum(
            child.outer_size.height + child.styles.margin.height
            for child in box.children
            if child is not options and child.display
        )
        room = most - box.styles.gutter.height - others
        options.styles.max_height = max(LIST_MIN_LINES, min(LIST_LINES, room))

    @property
    def shown(self) -> list[Report]:
        """The reports the list shows now, in order."""
        return list(self._shown)

    @property
    def toggled(self) -> list[Report]:
        """The reports toggled with space, in the list's order."""
        return [r for r in self._reports if any(r is t for t in self._toggled)]

    def _label(self, report: Report) -> Text:
        label = report_label(report)
        if label.plain in self._shared:
            label.append(f"  {sanitize_path(Path(report.path or '?').name)}", style="dim")
        if any(report is t for t in self._toggled):
            return Text.assemble(("✓ ", "bold"), label)
        return label

    def _refill(self, query: str) -> None:
        options = self.query_one(OptionList)
        self._shown = [r for r in self._reports if matches(r, query)]
        options.clear_options()
        options.add_options(
            Option(self._label(report), id=str(index)) for index, report in enumerate(self._shown)
        )
        if self._shown:
            options.highlighted = 0
        self._update_note(query)

    def _update_note(self, query: str) -> None:
        note = self.query_one("#picker-note", Static)
        if self._shown:
            text = Text(
                _("{shown} of {total}").format(shown=len(self._shown), total=len(self._reports)),
                style="dim",
            )
        else:
            text = Text(_("Nothing matches "), style="dim")
            text.append(query, style="bold")
        if self._toggled:
            count = len(self._toggled)
            chosen = _("{n} chosen").format(n=count)
            text.append("  ·  ", style="dim")
            text.append(chosen, style="bold")
            text.append("  " + _("enter compares {n} reports").format(n=count + 1), style="dim")
        note.update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._in_list = False
        self._refill(event.value)

    def action_toggle_report(self) -> None:
        """Toggle the highlighted report, or type a space while a query is being typed."""
        query = self.query_one(Input)
        if query.value and not self._in_list:
            query.insert_text_at_cursor(" ")
            return
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self._shown):
            self.app.bell()
            return
        report = self._shown[index]
        if any(report is t for t in self._toggled):
            self._toggled = [t for t in self._toggled if t is not report]
        else:
            self._toggled.append(report)
        options.replace_option_prompt_at_index(index, self._label(report))
        self._update_note(query.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if self._toggled:
            self.dismiss(self.toggled)
            return
        if index is None or not 0 <= index < len(self._shown):
            self.app.bell()
            return
        self.dismiss([self._shown[index]])

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not self._shown:
            return
        self._in_list = True
        current = options.highlighted or 0
        options.highlighted = max(0, min(len(self._shown) - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_timeline(self) -> None:
        """Leave the picker for the timeline of the highlighted report's place (issue 17)."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._shown):
            self.app.bell()
            return
        report = self._shown[index]
        self.dismiss(None)
        from govread.tui.timeline.screen import open_timeline

        open_timeline(self.app, report)  # type: ignore[arg-type]
