"""What the app does with marks beyond toggling one: clearing them all, restoring from exports.

`confirm_clear_marks` asks, then unmarks the open reports' nodes (the palette's "Clear
marks"); `restore_marks` puts back the marks named by exported TOML files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App

from govread.export import ExportError, open_id, read_export_contents
from govread.statefile import display_path
from govread.tui.app_state import GovreadState, app_state
from govread.tui.dialogs.confirm import ConfirmDialog


def closed_count(state: GovreadState) -> int:
    """How many marks name nodes of reports that are not open."""
    return len(state.marks) - state.marks.count(state.library.reports)


def confirm_clear_marks(app: App[Any]) -> None:
    """Ask, then unmark every node of the open reports (marks of other reports stay)."""
    state = app_state(app)
    ids = frozenset(
        node_id for report in state.library.reports for node_id in state.marks.ids_of(report)
    )
    if not ids:
        app.notify("There are no marks to clear", title="Marks", severity="warning")
        return
    message = Text(f"Unmark all {len(ids)} marked node(s) of the open reports?")
    closed = closed_count(state)
    if closed:
        message.append(f"\n{closed} mark(s) in reports not open are kept.", style="dim")
    message.append("\nThis cannot be undone.")

    def answered(clear: bool | None) -> None:
        if not clear:
            return
        gone = state.marks.clear(state.library.reports)
        state.marks_changed(ids)
        app.notify(f"Cleared {gone} mark(s)", title="Marks")

    app.push_screen(ConfirmDialog("Clear marks", message, confirm="Clear", cancel="Keep"), answered)


# -- restoring from exports -------------------------------------------------------------


def restore_marks(app: App[Any], export_paths: Iterable[str | Path]) -> None:
    """Mark again the nodes named by exported TOML files, on the reports that are open.

    One notification per file: how many marks came back, how many name reports that are
    not open; a file that is not an export is an error notification naming it.
    """
    state = app_state(app)
    library = state.library
    for path in export_paths:
        try:
            contents = read_export_contents(path)
        except ExportError as error:
            app.notify(str(error), title="Marks not restored", severity="error", markup=False)
            continue
        named = contents.items
        if contents.is_comparison and not named:
            app.notify(
                f"{display_path(path)} is a comparison export: it holds no marks, "
                "so none were restored",
                title="Marks",
                severity="warning",
                markup=False,
                timeout=8,
            )
            continue
        found = [open_id(ref, library) for ref in named]
        on_open = {node_id for node_id in found if node_id is not None}
        unknown = {node_id for node_id in on_open if library.resolve(node_id) is None}
        on_open -= unknown  # an edited export may name nodes the report does not have
        fresh = on_open - set(state.marks)
        if fresh:
            state.marks.update(fresh)
            state.marks_changed(frozenset(fresh))
        elsewhere = len(
            {ref.id for ref, node_id in zip(named, found, strict=True) if node_id is None}
        )
        line = f"{len(on_open)} mark(s) restored from {display_path(path)}"
        if len(fresh) != len(on_open):
            line += f" ({len(on_open) - len(fresh)} already marked)"
        if elsewhere:
            line += f"; {elsewhere} refer to reports that are not open"
        if unknown:
            line += f"; {len(unknown)} name nodes the open reports do not have"
        app.notify(
            line,
            title="Marks",
            severity="warning" if (elsewhere or unknown) and not on_open else "information",
            markup=False,
            timeout=8,
        )
