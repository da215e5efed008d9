"""The detail pane: the whole of the node under the outline's cursor, ready to read.

Breadcrumb, the report's metadata, the heading, the body paragraphs (inline 一是/二是 items
set out as a list), and the headings of the subsections. Figures (67件, 36.1万户, 100%) are
subtly highlighted. Everything is built from `Text` objects: report text is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widgets import Static

from govread.citation import source_url
from govread.i18n import N_, _, _n
from govread.library import place_label
from govread.linebreak import KinsokuText
from govread.node_ids import Outside, node_id_of
from govread.parsers.model import Item, Report, Section
from govread.sanitize import sanitize, sanitize_line, sanitize_path
from govread.tui._css import css_beside
from govread.tui.app_state import app_state
from govread.tui.browser.filter_state import FilterState
from govread.tui.browser.outline import OutlineData, cut_label
from govread.tui.key_scroll import KeyScroll

# The pane shows at most this many characters of a node's text, then says how many more
# there are. A real section's own text is a few thousand characters; the pane is wrapped
# (by Rich, ~250,000 characters a second) several times per change, so 30,000 take about a
# second on a busy machine and a 10 MB line, unbounded, froze the screen for a minute.
MAX_DETAIL_CHARS = 30_000
# A heading longer than this is a paragraph (or a hostile line): cut, with "…".
MAX_HEADING_CHARS = 1_000
# Breadcrumb parts and metadata values are one short line each.
MAX_FACT_CHARS = 120


# Who issued a report, as the facts line names it (message ids; the data keeps the code).
ISSUER_LEVELS = {"government": N_("government"), "department": N_("department")}


_MATCH_META = "govread-filter-match"
_FACT_GAP = "   "  # between two facts of the metadata line


class _Facts:
    """The metadata's facts (``Region 咸宁市   Year 2023 …``) packed into lines at any width,
    a line breaking only between two facts, never between a key and its value (a fact
    wider than the pane wraps alone, by `KinsokuText`'s rules)."""

    def __init__(self, facts: list[Text], style: str | Style) -> None:
        self.facts = facts
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = Text(style=self.style)
        for fact in self.facts:
            if line and line.cell_len + len(_FACT_GAP) + fact.cell_len > width:
                yield KinsokuText.of(line)
                line = Text(style=self.style)
            if line:
                line.append(_FACT_GAP)
            line.append_text(fact)
        if line:
            yield KinsokuText.of(line)


class DetailPane(KeyScroll, can_focus=True):
    """Shows one Report, Section or Item in full; follows the outline's cursor."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Detail pane")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", N_("Scroll Down"), show=False, id="detail.down"),
        Binding("k", "scroll_up", N_("Scroll Up"), show=False, id="detail.up"),
        Binding("g", "scroll_home", N_("Scroll Home"), show=False, id="detail.first"),
        Binding("G", "scroll_end", N_("Scroll End"), show=False, id="detail.last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--breadcrumb",
        "detail--meta-key",
        "detail--meta",
        "detail--heading",
        "detail--figure",
        "detail--marker",
        "detail--subheading",
        "detail--note",
        "detail--match",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._path: list[OutlineData] = []
        self._message: Text | None = Text(_("Opening reports…"))
        self._plain = ""
        self._bullets: set[int] = set()  # ids of the list items among the rendered parts
        self._facts: dict[int, list[Text]] = {}  # the facts line's id: its facts, one by one
        # The filter's state, read to highlight its matches (set by the filter controller).
        self.filter_state: FilterState | None = None
        self._budget = MAX_DETAIL_CHARS  # characters still to be shown in this rendering
        self._left_out = 0  # characters not shown for want of budget
        self._shown_group: Group | None = None  # what the body shows, as rendered last
        self._has_match = False  # it holds a match of the filter

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._refresh_later())
        self._refresh_body()

    def _refresh_later(self) -> None:
        # Component styles follow the theme only once the new CSS is applied.
        self.call_after_refresh(self._refresh_body)

    # -- attributes down --------------------------------------------------------------

    def show(self, path: Sequence[OutlineData]) -> None:
        """Show the last node of ``path`` (report first, then sections, then maybe an item);
        while a filter is on, scrolled to its first match (a part's summing-up after the
        list of its subsections, a report's closing: below the fold)."""
        self._path = list(path)
        self._message = None
        self._refresh_body()
        self.scroll_home(animate=False)
        if self._has_match:
            self.call_after_refresh(self._scroll_to_first_match)

    def _scroll_to_first_match(self) -> None:
        group = self._shown_group
        if group is None or not self._has_match:
            return
        try:
            width = self.query_one("#detail-body", Static).content_size.width
        except NoMatches:
            return
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update_width(width)
        above = 0  # lines of the parts before (a group sets each part on lines of its own)
        for part in group.renderables:  # as far as the part holding the match, no further
            lines = console.render_lines(part, options, pad=False)
            for number, line in enumerate(lines, start=above):
                if any(segment.style and segment.style.meta.get(_MATCH_META) for segment in line):
                    if number >= self.scrollable_content_region.height - 1:
                        # a line of context above it
                        self.scroll_to(y=number - 1, animate=False)
                    return
            above += len(lines)

    def show_message(self, message: Text) -> None:
        """Show a note instead of a node (nothing opened yet, or nothing could be)."""
        self._path = []
        self._message = message
        self._refresh_body()

    def refresh_highlights(self) -> None:
        """The filter changed: highlight its matches (from `filter_state`) afresh."""
        self._refresh_body()

    def _mark_matches(self, text: Text, passage: str, offset: int = 0) -> None:
        state = self.filter_state
        if state is None or not state.active:
            return
        # (the meta tells the match among the rendered lines: `_scroll_to_first_match`)
        style = self.get_component_rich_style("detail--match") + Style.from_meta(
            {_MATCH_META: True}
        )
        for start, end in state.spans(passage):
            text.stylize(style, start + offset, end + offset)
            self._has_match = True

    @property
    def shown(self) -> OutlineData | None:
        """The node on show (None while a message is shown instead)."""
        return self._path[-1] if self._path else None

    @property
    def plain_text(self) -> str:
        """What the pane shows, as plain text (for tests and copying)."""
        return self._plain

    # -- rendering --------------------------------------------------------------------

    def _refresh_body(self) -> None:
        try:
            body = self.query_one("#detail-body", Static)
        except NoMatches:  # not composed yet: on_mount shows the current state
            return
        if self._message is not None or not self._path:
            note = (self._message or Text()).copy()
            note.stylize(self.get_component_rich_style("detail--note"))
            self._plain = note.plain
            self._shown_group, self._has_match = None, False
            body.update(note)
            return
        self._bullets = set()
        self._facts = {}
        self._has_match = False
        parts = self.render_path(self._path)
        self._plain = "\n".join(part.plain for part in parts)
        self._shown_group = Group(
            *(
                self._hanging(p)
                if id(p) in self._bullets
                else _Facts(self._facts[id(p)], p.style)
                if id(p) in self._facts
                else KinsokuText.of(p)
                for p in parts
            )
        )
        body.update(self._shown_group)

    @staticmethod
    def _hanging(item: Text) -> Table:
        """A list item with a hanging indent: the bullet alone in its column.

        (Rich wraps at spaces, so in a plain Text a long Chinese sentence would leave its
        bullet alone on the line above.) Every part wraps as Chinese does (`KinsokuText`):
        no line starts with a closing mark.
        """
        bullet, passage = item.divide([2])
        grid = Table.grid()
        grid.add_column(width=2, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(bullet, KinsokuText.of(passage))
        return grid

    def render_path(self, path: Sequence[OutlineData]) -> list[Text]:
        """The lines of text showing the last node of ``path``."""
        report = path[0]
        assert isinstance(report, Report)
        node = path[-1]
        self._budget, self._left_out = MAX_DETAIL_CHARS, 0
        parts: list[Text] = [self._breadcrumb(path), self._metadata(report)]
        parts.extend(self._annotation(node))
        parts.append(Text())
        if isinstance(node, Report):
            parts.append(self._heading(report.title or report.display_title))
            parts.extend(self._paragraphs(report.preamble))
            if damaged := getattr(report, "damaged", None):  # a store's, its body unreadable
                parts.append(
                    Text(
                        sanitize_line(damaged),
                        style=self.get_component_rich_style("detail--note"),
                    )
                )
            if getattr(report, "changed_since_listed", False):  # a store's, refreshed meanwhile
                parts.append(
                    Text(
                        _(
                            "This report changed in the store after it was listed (govread "
                            "index ran meanwhile): reopen the store to read it."
                        ),
                        style=self.get_component_rich_style("detail--note"),
                    )
                )
            parts.extend(self._subheadings(_("Sections"), report.sections))
            if report.closing:
                parts.append(Text())
                parts.extend(self._paragraphs(report.closing))
        elif isinstance(node, Section):
            parts.append(self._heading(node.label, node.marker))
            lead = node.lead_count
            parts.extend(self._section_body(node, range(lead)))
            parts.extend(self._subheadings(_("Subsections"), node.children))
            # a part's summing-up, after its subsections as in the text
            parts.extend(self._section_body(node, range(lead, len(node.paragraphs))))
        elif isinstance(node, Outside):  # a filtered outline's line: the preamble or closing
            parts.append(self._heading(node.label))
            parts.extend(self._paragraphs(node.paragraphs))
        else:
            parts.append(self._heading(node.marker + node.heading, node.marker))
            parts.append(Text())
            parts.append(self._highlighted(node.text))
        if self._left_out:
            note = Text(
                _n(
                    "… ({count:,} character more; export or open the file to read all)",
                    "… ({count:,} characters more; export or open the file to read all)",
                    self._left_out,
                ).format(count=self._left_out),
                style=self.get_component_rich_style("detail--note"),
            )
            parts.extend((Text(), note))
        return parts

    def _within_budget(self, passage: str) -> str:
        """As much of `passage` as the pane still shows (the rest is counted, not shown)."""
        kept = passage[: max(self._budget, 0)]
        self._budget -= len(kept)
        self._left_out += len(passage) - len(kept)
        return kept

    def _breadcrumb(self, path: Sequence[OutlineData]) -> Text:
        crumbs = Text(style=self.get_component_rich_style("detail--breadcrumb"))
        for index, node in enumerate(path):
            if index:
                crumbs.append(" › ")
            if isinstance(node, Report):
                crumbs.append(cut_label(place_label(node) or node.display_title, MAX_FACT_CHARS))
            elif isinstance(node, Section):
                crumbs.append(cut_label(node.label, MAX_FACT_CHARS))
            elif isinstance(node, Outside):
                crumbs.append(node.label)
            else:
                crumbs.append(cut_label(node.marker + node.heading, MAX_FACT_CHARS))
        return crumbs

    def _metadata(self, report: Report) -> Text:
        key_style = self.get_component_rich_style("detail--meta-key")
        meta = Text(style=self.get_component_rich_style("detail--meta"))
        facts = (
            (_("Region"), _region_fact(report)),
            (_("Year"), f"{report.year}" if report.year else None),
            (_("Published"), report.published),
            (
                _("Genre"),
                f"{report.genre} ({_(ISSUER_LEVELS.get(report.issuer_level, report.issuer_level))})"
                if report.issuer_level
                else report.genre,
            ),
            (_("Issuer"), report.issuer),
            (_("Source"), report.source),
            (_("URL"), source_url(report)),
            (_("Saved"), report.meta.get("saved") if report.meta else None),
            (
                _("Script"),
                _("traditional, read as simplified")
                if report.meta and report.meta.get("script") == "traditional"
                else None,
            ),
            (
                _("Lines"),
                _("wrapped at a fixed width, joined again")
                if report.meta and report.meta.get("wrapped") == "yes"
                else None,
            ),
            (
                _("Decoding"),
                _("{n} undecodable bytes replaced by �").format(n=report.meta["replaced"])
                if report.meta and report.meta.get("replaced")
                else None,
            ),
            (_("File"), sanitize_path(Path(report.path).name) if report.path else None),
        )
        shown: list[Text] = []
        for key, value in facts:
            if not value:
                continue
            fact = Text(f"{key} ", style=key_style)
            # The URL and the dates come from the file as it was saved: one safe line.
            fact.append(cut_label(sanitize_line(value), MAX_FACT_CHARS))
            shown.append(fact)
        meta.append_text(Text(_FACT_GAP).join(shown))
        self._facts[id(meta)] = shown
        return meta

    def refresh_annotations(self) -> None:
        """Show the node's tags and note again (they changed)."""
        if self._path:
            self._refresh_body()

    def _annotation(self, node: OutlineData) -> list[Text]:
        """``Tags 执法 · 复议`` and ``Note …`` lines for the node, when it has them."""
        found = app_state(self).marks.annotation(node_id_of(node))
        key_style = self.get_component_rich_style("detail--meta-key")
        lines: list[Text] = []
        if found.tags:
            line = Text(_("Tags "), style=key_style)
            for index, tag in enumerate(found.tags):
                if index:
                    line.append(" · ", style="dim")
                line.append(sanitize(tag), style="bold")
            lines.append(line)
        if found.note:
            note = Text(_("Note "), style=key_style)
            note.append(sanitize(found.note), style="italic")
            lines.append(note)
        return lines

    def _heading(self, heading: str, marker: str | None = None) -> Text:
        """A title or heading; a section's or item's (`marker` given, the number that opens
        it) has its figures highlighted as its body's are (the marker is none of them)."""
        text = Text(style=self.get_component_rich_style("detail--heading"))
        shown = cut_label(heading, MAX_HEADING_CHARS)
        text.append(shown)
        if marker is not None:
            from govread.figures import figure_spans

            figure_style = self.get_component_rich_style("detail--figure")
            at = len(marker)
            for start, end in figure_spans(heading[at:]):
                if at + end <= len(shown) - (shown != heading):
                    text.stylize(figure_style, at + start, at + end)
        self._mark_matches(text, shown)
        return text

    def _highlighted(self, passage: str) -> Text:
        passage = self._within_budget(passage)
        text = Text()
        text.append(passage)
        figure_style = self.get_component_rich_style("detail--figure")
        from govread.figures import figure_spans  # imported when a text is first shown

        for start, end in figure_spans(passage):
            text.stylize(figure_style, start, end)
        self._mark_matches(text, passage)
        return text

    def _paragraphs(self, paragraphs: Sequence[str]) -> list[Text]:
        parts: list[Text] = []
        for paragraph in paragraphs:
            if text := self._highlighted(paragraph):
                parts.extend((Text(), text))
        return parts

    def _section_body(self, section: Section, indices: range) -> list[Text]:
        """These paragraphs, with each paragraph's inline items set out as a list."""
        parts: list[Text] = []
        for index in indices:
            paragraph = section.paragraphs[index]
            items = [item for item in section.items if item.paragraph == index]
            if not items:
                if text := self._highlighted(paragraph):
                    parts.extend((Text(), text))
                continue
            lead = paragraph[: items[0].start].strip()
            if lead and (text := self._highlighted(lead)):
                parts.extend((Text(), text))
            for position, item in enumerate(items):
                stop = items[position + 1].start if position + 1 < len(items) else len(paragraph)
                passage = paragraph[item.start : stop].strip()
                if self._budget <= 0:
                    self._left_out += len(passage)
                    continue
                parts.extend((Text(), self._item(item, passage)))
        return parts

    def _item(self, item: Item, passage: str) -> Text:
        text = Text()
        text.append("• ", style=self.get_component_rich_style("detail--marker"))
        text.append_text(self._highlighted(passage))
        self._bullets.add(id(text))
        return text

    def _subheadings(self, title: str, sections: Sequence[Section]) -> list[Text]:
        if not sections:
            return []
        style = self.get_component_rich_style("detail--subheading")
        parts: list[Text] = [Text(), Text(title, style=style)]
        for section in sections:
            label = cut_label(section.label)
            if self._budget <= 0:
                self._left_out += len(label)
                continue
            self._budget -= len(label)
            line = Text("  ")
            line.append(label)
            if section.children:
                line.append(f"  ({len(section.children)})", style="dim")
            parts.append(line)
        return parts


def _region_fact(report: Report) -> str | None:
    """The region, said to be ambiguous when it names several places nothing told apart
    (龙华区: 深圳 or 海口)."""
    if report.region and report.region_ambiguous:
        return f"{report.region} ({_('ambiguous')})"
    return report.region
