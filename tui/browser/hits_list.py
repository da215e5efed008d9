"""The ranked hits of the filter's query, beside the outline (`H`).

Each hit (a `govread.search.Hit`, best first) shows region, year and section path, then a
snippet with the matches highlighted; enter on one posts `HitChosen` with its node
id. Ranking needs jieba and segmented reports, so the browser computes hits in a worker and
calls `show_hits`; meanwhile `show_note` says what is happening. All `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from govread.i18n import N_, _
from govread.library import place_label
from govread.linebreak import KinsokuText
from govread.tui._css import css_beside
from govread.tui.messages import HitChosen

if TYPE_CHECKING:
    from govread.search import Hit

PATH_SEPARATOR = " › "


def hit_prompt(hit: Hit, match_style: Style | str, dim_style: str) -> KinsokuText:
    """Two lines: where the hit is, and its snippet with the matches highlighted; wrapped
    as Chinese wraps (no line starts with a closing mark), as the detail pane is."""
    report = hit.report
    prompt = Text()
    where = place_label(report)
    prompt.append(where or report.display_title, style="bold")
    prompt.append(PATH_SEPARATOR, style=dim_style)
    prompt.append(PATH_SEPARATOR.join(hit.section))
    if hit.section and hit.section[-1] == hit.heading:
        offset = len(prompt) - len(hit.heading)
        for start, end in hit.heading_spans:
            prompt.stylize(match_style, offset + start, offset + end)
    if hit.match == "words":
        prompt.append(_("  (words)"), style=dim_style)
    prompt.append("\n")
    snippet_start = len(prompt)
    prompt.append(hit.snippet or "", style=dim_style if not hit.snippet_spans else "")
    for start, end in hit.snippet_spans:
        prompt.stylize(match_style, snippet_start + start, snippet_start + end)
    return KinsokuText.of(prompt)


class HitsList(OptionList):
    """The ranked hits; enter moves the outline's cursor to the hit."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Hits")
    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | {"hits--match"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="hits.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="hits.up"),
        Binding("escape", "screen.toggle_hits", N_("Close hits"), show=False, id="hits.close"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []

    def show_note(self, note: str) -> None:
        self.hits = []
        self.clear_options()
        self.add_option(Option(Text(note, style="italic"), disabled=True))

    def show_hits(self, query: str, hits: Sequence[Hit]) -> None:
        self.hits = list(hits)
        self.clear_options()
        if not hits:
            self.add_option(
                Option(
                    Text(_("no match for {query}").format(query=query), style="italic"),
                    disabled=True,
                )
            )
            return
        match_style = self.get_component_rich_style("hits--match", partial=True)
        options = [
            Option(hit_prompt(hit, match_style, "dim"), id=f"{position}")
            for position, hit in enumerate(hits)
        ]
        self.add_options(options)
        self.highlighted = 0
        self.border_subtitle = f"{len(hits)}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(HitChosen(self.hits[int(event.option.id)].node_id))
