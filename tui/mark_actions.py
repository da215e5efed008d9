"""What the app does with marks beyond toggling one: clearing them all, restoring from exports.

`confirm_clear_marks` asks, then unmarks the open reports' nodes (the palette's "Clear
marks"); `restore_marks` puts back the marks named by exported TOML files, with their tags
and notes merged into the user's (`govread.marks.merge_annotation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App

from govread.export import ExportError, open_id, read_export_contents
from govread.i18n import _, _n
from govread.marks import Annotation, merge_annotation
from govread.statefile import display_path
from govread.tui.app_state import GovreadState, app_state


def closed_count(state: GovreadState) -> int:
    """How many marks name nodes of reports that are not open."""
    return len(state.marks) - state.marks.count(state.library.reports)


def confirm_clear_marks(app: App[Any]) -> None:
    """Ask, then unmark every node of the open reports (marks of other reports stay)."""
    state = app_state(app)
    state.marks.take_in()  # another browser's marks since: cleared too, not back at the save
    ids = frozenset(
        node_id for report in state.library.reports for node_id in state.marks.ids_of(report)
    )
    if not ids:
        app.notify(_("There are no marks to clear"), title=_("Marks"), severity="warning")
        return
    message = Text(
        _n(
            "Unmark the {n} marked node of the open reports?",
            "Unmark all {n} marked nodes of the open reports?",
            len(ids),
        ).format(n=len(ids))
    )
    closed = closed_count(state)
    if closed:
        message.append(
            _n(
                "\n{n} mark in reports not open is kept.",
                "\n{n} marks in reports not open are kept.",
                closed,
            ).format(n=closed),
            style="dim",
        )
    message.append(_("\nThis cannot be undone."))

    def answered(clear: bool | None) -> None:
        if not clear:
            return
        gone = state.marks.clear(state.library.reports)
        state.marks_changed(ids)
        app.notify(
            _n("Cleared {n} mark", "Cleared {n} marks", gone).format(n=gone), title=_("Marks")
        )

    from govread.tui.dialogs.confirm import ConfirmDialog  # dialogs load when first opened

    app.push_screen(
        ConfirmDialog(_("Clear marks"), message, confirm=_("Clear"), cancel=_("Keep")), answered
    )


# -- restoring from exports -------------------------------------------------------------


def restore_marks(app: App[Any], export_paths: Iterable[str | Path]) -> None:
    """Mark again the nodes named by exported TOML files, on the reports that are open,
    and merge the tags and notes exported with them into the nodes' own (never replacing
    what the user has: `MarkSet.restore`).

    One notification per file: how many marks came back, how many nodes' tags or notes
    changed, how many name reports that are not open; a file that is not an export is an
    error notification naming it.
    """
    state = app_state(app)
    library = state.library
    for path in export_paths:
        try:
            contents = read_export_contents(path)
        except ExportError as error:
            app.notify(str(error), title=_("Marks not restored"), severity="error", markup=False)
            continue
        named = contents.items
        if contents.is_comparison and not named:
            app.notify(
                _("{path} is a comparison export: it holds no marks, so none were restored").format(
                    path=display_path(path)
                ),
                title=_("Marks"),
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
        imported: dict[str, Annotation] = {}
        for ref, node_id in zip(named, found, strict=True):
            if node_id in on_open and ref.annotation:
                imported[node_id] = merge_annotation(
                    imported.get(node_id, Annotation()), ref.annotation
                )
        annotated = state.marks.restore(fresh, imported) if fresh or imported else set()
        if fresh or annotated:
            state.marks_changed(frozenset(fresh | annotated))
        elsewhere = len(
            {ref.id for ref, node_id in zip(named, found, strict=True) if node_id is None}
        )
        # Only the marks that were not there are "restored"; the rest are said apart.
        line = _n(
            "{n} mark restored from {path}", "{n} marks restored from {path}", len(fresh)
        ).format(n=len(fresh), path=display_path(path))
        already = len(on_open) - len(fresh)
        if already:
            line += _n("; {n} was already marked", "; {n} were already marked", already).format(
                n=already
            )
        if annotated:
            line += _n(
                "; tags or note merged on {n} node",
                "; tags or notes merged on {n} nodes",
                len(annotated),
            ).format(n=len(annotated))
        if elsewhere:
            line += _("; {n} refer to reports that are not open").format(n=elsewhere)
        if unknown:
            line += _("; {n} name nodes the open reports do not have").format(n=len(unknown))
        app.notify(
            line,
            title=_("Marks"),
            severity="warning" if (elsewhere or unknown) and not on_open else "information",
            markup=False,
            timeout=8,
        )
