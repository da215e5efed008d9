"""How a timeline's changes and a plan's status are written, the same in the command line's
tables and the browser's timeline screen (Rich `Text`; no Textual)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from govread.followup import FOLLOWED, NOT_MENTIONED, PARTLY, Promise
from govread.i18n import _
from govread.sanitize import sanitize_line
from govread.timeline import Change, Series


def _number(value: float) -> str:
    """A change's number in full, without an exponent or trailing zeros (`:g` wrote a change
    of 2,000,000 as 2e+06 and rounded 1,234,567 to 1.23457e+06); the change is rounded to
    4 places, its percentage to 2."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def change_text(change: Change | None, unit: str) -> Text:
    """``+5 (+5.26%)`` / ``unit ≠`` / ``""``: a change as the tables show it."""
    text = Text()
    if change is None:
        return text
    if change.unit_mismatch:
        text.append(_("units differ"), style="yellow")
        return text
    absolute = change.absolute or 0.0
    sign = "+" if absolute > 0 else ""
    points = _("pp") if unit == "%" else unit
    text.append(f"{sign}{_number(absolute)}{points}", style="green" if absolute >= 0 else "red")
    if change.percent is not None:
        percent = _number(change.percent)
        text.append(f" ({'+' if change.percent > 0 else ''}{percent}%)", style="dim")
    if change.after - change.before > 1:
        # the year between did not report it: the change is from an earlier year, said so
        text.append(" " + _("since {year}").format(year=change.before), style="dim")
    return text


def series_cells(series: Series, years: Sequence[int], separator: str) -> list[Text]:
    """One cell a year for an indicator's row: its figure and the change from the year before
    (after `separator`), or a dim — where the year does not report it."""
    cells: list[Text] = []
    for year, point in zip(years, series.points, strict=True):
        if point is None:
            cells.append(Text("—", style="dim"))
            continue
        cell = Text(sanitize_line(point.text))
        change = change_text(series.change_to(year), point.unit)
        if change:
            cell.append(separator)
            cell.append_text(change)
        cells.append(cell)
    return cells


STATUS_STYLE = {"followed up": "green", "partly": "yellow", "not mentioned": "red", "": "dim"}


def status_text(promise: Promise) -> Text:
    """The status of a plan as shown: followed up / partly / not mentioned / no later report."""
    names = {
        FOLLOWED: _("followed up"),
        PARTLY: _("partly"),
        NOT_MENTIONED: _("not mentioned"),
        "": _("no later report"),
    }
    return Text(names.get(promise.status, promise.status), style=STATUS_STYLE[promise.status])
