"""The export dialog: where to write an export, then write it.

The file's extension picks the format of the marks: ``.toml`` (govread-export/1, which
restores marks), ``.csv`` (UTF-8 with a BOM, for spreadsheets), ``.jsonl`` or ``.md``
(Markdown notes); the tags and notes of the marks go with them in every format (a TOML
export restores them too).

By default it exports the marked nodes of the open reports; given `document` (TOML text,
or a callable giving it when enter is pressed) with a `summary`, it writes that instead;
given `render` and `formats`, the text of the format the file's name asks for: the compare
screen exports a comparison so, in the formats of `govread compare -o FILE`. The path starts as
``govread-YYYYMMDD-HHMMSS.toml`` in the working directory and can be edited; enter writes
atomically (`govread.export.write_export`). An existing file is replaced only after a
second, explicit question. A failed write (no such folder, permission denied, disk
full…) is an error notification: the dialog stays open with the path, so it can be
corrected, and the marks are untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from govread.atomic import OverwriteRefused, WriteError
from govread.export import default_export_path, export_items, write_export
from govread.i18n import N_, _, _n
from govread.marks import NodeRef
from govread.records import (
    MARKS_SUFFIXES,
    export_format_for_path,
    render_rows,
    unwritten_format,
)
from govread.sanitize import sanitize_line, sanitize_path
from govread.tui._css import css_beside
from govread.tui.app_state import app_state
from govread.tui.dialogs.confirm import ConfirmDialog
from govread.tui.keymap import keys_in
from govread.tui.localised import NARROW_DIALOG, LocalisedScreen
from govread.tui.safe_input import SafeInput


def _nodes(count: int) -> str:
    return _n("{n} node", "{n} nodes", count).format(n=count)


class ExportDialog(LocalisedScreen[Path | None], ModalScreen[Path | None]):
    """Ask for a file name and export there the marks of the open reports, or `document`.

    `summary` says what will be written, `title` heads the dialog and `what` names the
    export in the message once written ("The comparison").
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_DIALOG, "-wide")]  # noqa: RUF012

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Export")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without writing"),
            id="export.cancel",
        ),
    ]

    def __init__(
        self,
        document: str | Callable[[], str] | None = None,
        *,
        summary: Text | None = None,
        title: str | None = None,
        what: str | None = None,
        render: Callable[[str], str | None] | None = None,
        formats: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self._default = default_export_path()
        self._document = document
        # the text for a file of a name, in the format its extension asks for (None: not one
        # of `formats`, the extensions written); a document without it is written as it is,
        # whatever the extension (a subclass may pick the format itself)
        self._text_for = render
        self._formats = tuple(formats)
        self._summary = summary
        self._title = title if title is not None else _("Export marks")
        self._what = what if what is not None else _("The export")

    def _refs(self) -> list[NodeRef]:
        state = app_state(self)
        return state.marks.ordered(state.library.reports)

    def _marks_summary(self) -> Text:
        refs = self._refs()
        summary = Text()
        reports = len({r.report.sha256 for r in refs})
        summary.append(
            _n("{n} marked node", "{n} marked nodes", len(refs)).format(n=len(refs)), style="bold"
        )
        summary.append(_n(" from {n} report", " from {n} reports", reports).format(n=reports))
        summary.append(
            _(
                " will be written to the file below with their tags and notes: TOML "
                "(govread-export/1, which restores them); end its name in .csv, .jsonl or .md "
                "for CSV (spreadsheets), JSON Lines or Markdown notes:"
            )
        )
        return summary

    def compose(self) -> ComposeResult:
        summary = self._summary if self._summary is not None else self._marks_summary()
        with Vertical(id="export-body") as body:
            body.border_title = self._title
            yield Static(summary, id="export-summary")
            yield SafeInput(value=str(self._default), id="export-path", select_on_focus=False)
            yield Static(
                Text(
                    keys_in(
                        self,
                        _(
                            "enter write · {export.cancel} cancel · an existing file is never "
                            "replaced unasked"
                        ),
                    ),
                    style="dim",
                ),
                id="export-hint",
            )

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    def on_mount(self) -> None:
        self.path_input.focus()
        self.path_input.cursor_position = len(self.path_input.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        if not raw:
            self.notify(
                _("Type the name of the file to write"), title=_("Export"), severity="warning"
            )
            return
        # the path offered, as shown (escaped, should its folder's name hold a control
        # character: `SafeInput`), is the real one
        offered = str(self._default)
        self.write(Path(offered if raw == sanitize_line(offered) else raw).expanduser())

    def _export_text(self, path: Path) -> tuple[str, str] | None:
        """The text to write to `path` and what it holds, for the message; None: nothing."""
        if self._text_for is not None:  # the format the name asks for
            rendered = self._text_for(path.name)
            if rendered is None:
                written = self._formats
                self.notify(
                    _("This export is written as {some} or {last}").format(
                        some=", ".join(written[:-1]), last=written[-1]
                    ),
                    title=_("Export"),
                    severity="warning",
                )
                return None
            return rendered, self._what
        if self._document is None:
            refs = self._refs()
            if not refs:
                self.notify(
                    _("There are no marks to export"), title=_("Export"), severity="warning"
                )
                return None
            fmt = export_format_for_path(path.name)
            state = app_state(self)
            if fmt == "toml":
                return export_items(refs, annotations=state.marks.tags_and_note), _nodes(len(refs))
            text = render_rows(
                refs, fmt, annotations=state.marks.tags_and_note, style=state.citation_style
            )
            return text, _nodes(len(refs))
        text = self._document() if callable(self._document) else self._document
        return text, self._what

    def written_suffixes(self) -> Sequence[str]:
        """The extensions this export writes, as the user is told them; a name ending in
        another format's is refused (`unwritten_format`). Empty: any name (a document
        written as it is)."""
        if self._text_for is not None:
            return self._formats
        if self._document is None:
            return MARKS_SUFFIXES
        return ()

    def write(self, path: Path, *, overwrite: bool = False) -> None:
        """Write the export to `path`; on an existing file, ask before replacing it."""
        suffixes = self.written_suffixes()
        if suffixes and (why := unwritten_format(path.name, suffixes)):
            self.notify(why, title=_("Export"), severity="warning", markup=False)
            self.path_input.focus()
            return
        rendered = self._export_text(path)
        if rendered is None:
            return
        text, what = rendered
        if not path.is_absolute():
            path = Path.cwd() / path
        try:
            written = write_export(path, text, overwrite=overwrite)
        except OverwriteRefused:
            self._ask_overwrite(path)
            return
        except WriteError as error:
            self.notify(
                _("{path}: {reason}. Nothing was written; the marks are kept.").format(
                    path=sanitize_path(error.path), reason=error.shown_reason()
                ),
                title=_("Export failed"),
                severity="error",
                markup=False,
                timeout=10,
            )
            self.path_input.focus()
            return
        self.app.notify(
            _("{what} exported to {path}").format(what=what, path=written),
            title=_("Exported"),
            markup=False,
            timeout=8,
        )
        self.dismiss(written)

    def _ask_overwrite(self, path: Path) -> None:
        message = Text()
        message.append(sanitize_path(path), style="bold")  # a folder's name may hold an ESC
        message.append(_(" already exists.\nReplace it with this export?"))

        def answered(replace: bool | None) -> None:
            if replace:
                self.write(path, overwrite=True)
                return
            self.notify(
                _("{path} was left as it was; choose another name").format(path=path),
                title=_("Not exported"),
                severity="warning",
                markup=False,
            )
            self.path_input.focus()

        self.app.push_screen(
            ConfirmDialog(_("File exists"), message, confirm=_("Overwrite"), cancel=_("Cancel")),
            answered,
        )
