"""Writing a corpus table: the export dialog, the format chosen by the file's extension.

``.csv`` (UTF-8 with a byte-order mark, for spreadsheets), ``.jsonl`` (JSON Lines),
``.json`` or ``.toml``; the path starts as ``govread-YYYYMMDD-HHMMSS.csv``. Writing,
the overwrite question and failures are the export dialog's (atomic, never over a file
without asking).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text

from govread.export import default_export_path
from govread.i18n import _
from govread.tabular import FORMATS, format_for_path, render
from govread.tui.dialogs.export import ExportDialog


class TableExportDialog(ExportDialog):
    """Ask for a file name and write the table's rows there, in the format its extension names."""

    def __init__(
        self,
        columns: Sequence[str],
        rows: Callable[[], list[dict[str, object]]],
        *,
        table: str,
        what: str,
    ) -> None:
        summary = Text()
        summary.append(what.capitalize(), style="bold")
        summary.append(
            _(
                " will be written, by the file's extension, as CSV (.csv, UTF-8 for spreadsheets), "
                "JSON Lines (.jsonl), JSON (.json) or TOML (.toml), to:"
            )
        )
        super().__init__(
            self._table_text, summary=summary, title=_("Export table"), what=what.capitalize()
        )
        self._columns, self._rows, self._table = list(columns), rows, table
        self._default = default_export_path().with_suffix(".csv")

    def written_suffixes(self) -> Sequence[str]:
        return tuple(f".{fmt}" for fmt in FORMATS)

    def _table_text(self) -> str:
        fmt = format_for_path(self.path_input.value.strip())
        return render(fmt, self._columns, self._rows(), table=self._table)
