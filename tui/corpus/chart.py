"""Terminal pictures for the corpus screen: a horizontal bar chart and heat-map shading.

Plain Rich `Text` (no markup is ever parsed from report text): bars of full blocks with an
eighth-block tip, so a 40-column bar shows 320 steps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from govread.corpus_tables import CorpusEntry
from govread.figure_table import value_text
from govread.i18n import _
from govread.sanitize import sanitize

_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_STYLE = "bold cyan"
# Sequential shades from "hardly any" to "most of the report" (light text on the dark ones).
HEAT = ("#16324f", "#1d4e6e", "#24708c", "#2f93a6", "#5bb8b8", "#a3dcc4")


def bar(value: float, largest: float, width: int) -> str:
    """A bar `width` cells long at `largest`, in eighths of a cell."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(min(value / largest, 1.0) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def indicator_chart(
    entries: Sequence[CorpusEntry], indicator: str | None, width: int = 40, limit: int = 200
) -> Text:
    """The indicator across the reports, in table order: one bar per report that has it.

    Only values in the unit most reports use are drawn to one scale; reports that give
    the indicator in another unit are counted below the chart.
    """
    if not indicator:
        return Text(_("Move to an indicator's column to see it across the reports."), style="dim")
    found = [(e, e.figure(indicator)) for e in entries]
    rows = [(e, r) for e, r in found if r is not None]
    out = Text()
    out.append(sanitize(indicator), style="bold")
    if not rows:
        out.append(_("  no report shown has it"), style="dim")
        return out
    unit = Counter(str(r.get("unit") or "") for _entry, r in rows).most_common(1)[0][0]
    aims = [(e, r) for e, r in rows if r.get("target")]  # a target is no value to draw
    drawn = [(e, r) for e, r in rows if str(r.get("unit") or "") == unit and not r.get("target")]
    values = [value for _entry, r in drawn if isinstance(value := r.get("value"), float)]
    largest = max(values, default=0.0)
    out.append(
        _("  {shown} of {total} reports").format(shown=len(rows), total=len(entries)),
        style="dim",
    )
    if unit:
        out.append(_(" · in {unit}").format(unit=unit), style="dim")
    label_width = min(24, max((cell_len(sanitize(e.label)) for e, _row in drawn), default=0))
    for entry, row in drawn[:limit]:
        value = row.get("value")
        out.append("\n")
        out.append(_pad(sanitize(entry.label), label_width) + " ")
        out.append(bar(value if isinstance(value, float) else 0.0, largest, width), BAR_STYLE)
        out.append(" " + value_text(row))
    if len(drawn) > limit:
        out.append(_("\n… {n} more").format(n=len(drawn) - limit), style="dim")
    if len(drawn) + len(aims) < len(rows):
        out.append(
            _("\n{n} in other units, not drawn").format(n=len(rows) - len(drawn) - len(aims)),
            style="dim",
        )
    if aims:
        out.append(_("\n{n} state only a target, not drawn").format(n=len(aims)), style="dim")
    return out


def heat_style(share: float, largest: float) -> Style:
    """The shade of a heat-map cell: share of the report's text against the largest shown."""
    if share <= 0 or largest <= 0:
        return Style(dim=True)
    step = min(len(HEAT) - 1, int(share / largest * (len(HEAT) - 1) + 0.5))
    return Style(bgcolor=HEAT[step], color="black" if step >= len(HEAT) - 2 else "white")
