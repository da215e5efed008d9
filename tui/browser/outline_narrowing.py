"""Narrowing the outline to a filter's matches, and giving it back exactly as it was.

`OutlineNarrowing` drives an `OutlineTree` from the `FilterState`: `apply()` rebuilds it with
only the matching sections and items, their ancestors kept and expanded, a report's preamble
and closing as lines of their own when they hold a hit (`Outside`: every hit a line, so that
a report's count is of the lines `n` / `N` visit), hit counts before each report and section
label and the matches highlighted (spans from the filter's result);
`extend()` adds the rest of a whole answer behind its first reports' answer, shown first;
`step(±1)` moves the cursor to the next / previous hit across reports; `clear()` puts back
the whole outline set aside when the filter first narrowed it, or (reports added or
regrouped meanwhile) rebuilds it with the nodes that were expanded before filtering expanded
again, the cursor on the node it was on. Labels are `Text` (report text is never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from rich.style import Style
from rich.text import Span as TextSpan
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from govread.i18n import _, _n
from govread.node_ids import OUTSIDE_SECTIONS, Outside, node_id_of, report_id, report_id_of
from govread.parsers.model import Item, Report, Section
from govread.search import FilterResult, ReportMatches
from govread.tui.browser.filter_state import FilterState
from govread.tui.browser.outline import (
    OutlineData,
    OutlineTree,
    item_label,
    outside_row_label,
    report_label,
    section_label,
)
from govread.tui.keymap import keys_in

COUNT_STYLE = "bold"


@dataclass(frozen=True, slots=True)
class OutlineState:
    """What escape gives back: the expanded nodes, the cursor's node, the scroll offset."""

    expanded: frozenset[str]
    cursor: str | None
    scroll_y: float
    # The cursor's node when it has no id (a group of reports): found again only in the
    # outline set aside, whose nodes are the same.
    group: TreeNode[OutlineData] | None = None


def count_label(label: Text, count: int) -> Text:
    """The label with its hit count in front (in front, so a long heading cannot hide it)."""
    if not count:
        return label
    number = f"{count}"
    shift = len(number) + 1
    spans = [TextSpan(0, len(number), COUNT_STYLE)]
    spans += [TextSpan(s.start + shift, s.end + shift, s.style) for s in label.spans]
    return Text(f"{number} {label.plain}", style=label.style, spans=spans)


class OutlineNarrowing:
    """The filter's hold on the outline: narrowed while a query is on, restored after."""

    # About how many nodes are built at once: what the outline's height shows (filling a
    # stored report reads its body: a few milliseconds each), at most `NODE_BUDGET`;
    # reports beyond are added folded, with their counts, and filled in when opened.
    NODE_BUDGET = 400
    # Report nodes made at once; the other matching reports wait behind a "… more" line.
    REPORTS_SHOWN = 100
    LABELS_KEPT = 100_000  # labels with a count kept for reuse (then forgotten at once)

    def __init__(self, tree: OutlineTree, state: FilterState) -> None:
        self.tree = tree
        self.state = state  # read only: the filter controller changes it
        self.saved: OutlineState | None = None  # set while the outline is narrowed
        self._style = Style()
        self._pending: dict[str, Report] = {}  # folded reports not filled in yet
        # Labels are built once and reused while they stay the same: each report's with
        # its count (across queries), each section's and item's while the needles are the
        # same; the plain ones for good. A tree never changes a label it is given.
        self._plain: dict[str, Text] = {}
        self._counted: dict[tuple[str, int], Text] = {}
        self._highlighted: dict[tuple[str, int], Text] = {}
        self._needles: tuple[tuple[str, ...], Style] | None = None
        self._shown: tuple[object, ...] | None = None  # what the narrowed tree shows
        # The matching reports not shown yet (with their counts), behind the line `_more`.
        # (their places in the library: ints, nothing for the garbage collector to walk)
        self._later: list[int] = []
        self._more: TreeNode[OutlineData] | None = None
        self._budget = 0  # nodes still to be made at once
        self._made = 0  # report nodes made since the outline was narrowed
        self._narrowed = False  # the tree shows the narrowed outline (the whole one aside)
        self._shas: tuple[tuple[int, int], list[str]] | None = None  # see `_library_shas`

    # -- state ----------------------------------------------------------------------------

    def save_state(self) -> OutlineState:
        tree = self.tree
        expanded = frozenset(
            node_id_of(node.data)
            for node in tree.walk_nodes()
            if node.data is not None and node.is_expanded
        )
        cursor = tree.cursor_node
        key = node_id_of(cursor.data) if cursor is not None and cursor.data is not None else None
        group = cursor if cursor is not None and key is None else None
        return OutlineState(expanded, key, tree.scroll_y, group)

    def restore(self, state: OutlineState) -> None:
        """The whole outline again, folded as `state` says, the cursor on its node: the
        one set aside when the outline was narrowed, else made anew (`rebuild_full`)."""
        tree = self.tree
        narrowed, self._narrowed = self._narrowed, False
        if not narrowed:
            return  # (it shows the whole outline)
        if not tree.put_back():
            self.rebuild_full(state)
            return
        target = tree.node_for(state.cursor) if state.cursor is not None else state.group
        if target is not None:
            line = tree.cursor_line
            tree.move_cursor(target)
            if tree.cursor_line == line:  # the same line number as the hit's: say it anew
                tree.post_message(Tree.NodeHighlighted(target))
        tree.scroll_to(y=state.scroll_y, animate=False, immediate=True)

    def rebuild_full(self, state: OutlineState) -> None:
        """The whole outline made again, folded as `state` says, the cursor on its node."""
        tree = self.tree
        with tree.building():
            tree.show_all(expand=False)
            for key in sorted(state.expanded, key=lambda k: k.count("/") + k.count(".")):
                node = tree.node_for(key)  # outermost first: opening a report makes its sections
                if node is not None:
                    tree.open_node(node)
            target = tree.node_for(state.cursor) if state.cursor is not None else None
            if target is not None:
                parent = target.parent
                while parent is not None and parent is not tree.root:
                    if not parent.is_expanded:
                        parent.expand()  # a group folded by the rebuild
                    parent = parent.parent
        if target is not None:
            tree.move_cursor(target)
        tree.scroll_to(y=state.scroll_y, animate=False, immediate=True)
        if target is not None:
            tree.scroll_to_node(target, animate=False)

    # -- narrowing ------------------------------------------------------------------------

    def apply(self, counting: bool = False) -> None:
        """Show only what the filter matched (it must have matches); `counting`: it is
        the first reports' answer, the whole one is coming (`extend`).

        Reports are filled in, expanded, until about a screenful of nodes is shown; the
        reports after that are added folded and filled in when opened (or when n / N / a
        hit goes there), and past `REPORTS_SHOWN` reports a line stands for the rest, so
        that a query matching thousands of sections in thousands of reports stays quick.
        """
        result = self.state.result
        assert result is not None
        if self.saved is None:
            self.saved = self.save_state()
        tree = self.tree
        style = tree.match_style()
        # The matches and the needles decide the rest (ancestors, counts, hits): compared
        # alone, so that a store's counts are not made whole to find them unchanged.
        shown = (tree.clears, result.ids, result.needles, style)
        if shown == self._shown:
            return  # the same outline (another space, a longer term with the same matches)
        with tree.building():
            self._narrow(result, style)
            if counting and self._more is None:
                # where the other reports will be counted: `extend` relabels this line, so
                # that the whole answer redraws one line, not the outline's
                self._more = tree.root.add(Text(_("… counting the other reports")))
                self._more.allow_expand = False
        if self.state.hits:
            self.go_to(self.state.hits[0])
        self._shown = (tree.clears, *shown[1:])

    def _narrow(self, result: FilterResult, style: Style) -> None:
        tree = self.tree
        self._pending = {}
        self._style = style
        if self._needles != (result.needles, self._style):
            self._needles = (result.needles, self._style)
            self._highlighted = {}
        height = tree.size.height
        self._budget = min(self.NODE_BUDGET, height) if height else self.NODE_BUDGET
        self._later = self._matching(result)
        self._more = None
        self._made = 0
        if self._narrowed:
            tree.clear()
        else:  # the whole outline is kept, to be put back as it is
            tree.set_aside()
            self._narrowed = True
        # A new outline, read from its top: the offset the outline before it was scrolled to
        # (a grouped outline's, the cursor's group far down) would leave the lines above the
        # first hit, its report's among them, scrolled out of sight.
        tree.scroll_to(y=0, animate=False, immediate=True)
        tree.reveal = self._reveal
        self._show_more()

    def _matching(self, result: FilterResult) -> list[int]:
        """The places in the library of the matching reports, in order (a C-level pass)."""
        _reports, shas = self._library_shas()
        return list(compress(range(len(shas)), map(result.report_counts.__contains__, shas)))

    def extend(self) -> None:
        """The whole answer, after its first reports' answer was shown by `apply` (those
        reports are the whole answer's first matching ones, with the same counts, sections
        and hits): what is shown stays, the cursor too; the matching reports after them
        wait behind the "… more" line, which now counts them (the one line redrawn: a
        node added would have Textual redraw every line on screen)."""
        result = self.state.result
        assert result is not None
        tree = self.tree
        self._later = self._matching(result)[self._made :]
        more = self._more
        if more is not None and self._later:
            more.allow_expand = True
            if tree.is_filled(more):  # (the line that stood while counting)
                tree.defer_fill(more, self._open_more)
            more.set_label(self._more_label(len(self._later)))
        elif self._later or more is not None:
            with tree.building():
                self._show_more(0)  # (the line alone: added, or gone when none are left)
        self._shown = (tree.clears, result.ids, result.needles, self._style)

    def _more_label(self, more: int) -> Text:
        return Text(
            keys_in(
                self.tree,
                _n(
                    "… {n} more report ({outline.open} shows it)",
                    "… {n} more reports ({outline.open} shows them)",
                    more,
                ),
                n=more,
            )
        )

    def _library_shas(self) -> tuple[Sequence[Report], list[str]]:
        """The library's reports and their sha256s (kept while the library stays)."""
        reports = self.tree.library.reports
        if self._shas is None or self._shas[0] != (id(reports), len(reports)):
            self._shas = ((id(reports), len(reports)), [r.sha256 for r in reports])
        return reports, self._shas[1]

    def _show_more(self, count: int | None = None) -> None:
        """The next `count` (`REPORTS_SHOWN`) matching reports, then a line standing for the
        others (opening it shows the next ones): the tree holds what can be seen, not the
        corpus."""
        tree = self.tree
        count = self.REPORTS_SHOWN if count is None else count
        shown, self._later = self._later[:count], self._later[count:]
        result = self.state.result
        assert result is not None
        reports, shas = self._library_shas()
        with tree.building():
            if self._more is not None:
                self._more.remove()
                self._more = None
            for at in shown:
                self._add_report(reports[at], result.report_counts[shas[at]])
            if self._later:
                self._more = tree.root.add(self._more_label(len(self._later)), allow_expand=True)
                tree.defer_fill(self._more, self._open_more)

    def _open_more(self, node: TreeNode[OutlineData]) -> None:
        first = len(self.tree.root.children) - 1  # where the next reports begin
        self._show_more()
        if first < len(self.tree.root.children):
            self.tree.move_cursor(self.tree.root.children[first])

    def _reveal(self, report_key: str) -> bool:
        """Show the reports up to this one, if it matches but is not shown yet."""
        reports = self.tree.library.reports
        if not any(report_id(reports[at]) == report_key for at in self._later):
            return False
        while self._more is not None and self.tree.node_for(report_key) is None:
            self.tree.fill(self._more)
        return True

    def _add_report(self, report: Report, count: int) -> None:
        tree = self.tree
        key = report_id(report)
        label = self._counted.get((key, count))
        if label is None:
            if len(self._counted) >= self.LABELS_KEPT:
                self._counted.clear()
            plain = self._plain.get(key)
            if plain is None:
                plain = self._plain[key] = report_label(report)
            label = self._counted[key, count] = count_label(plain, count)
        self._made += 1
        # every hit is a line below its report (a preamble's or closing's too: `_fill`), so
        # that the count before the report is that of the lines n / N visit
        fill = self._budget > 0
        node = tree.add_node(tree.root, label, report, expand=fill)
        if fill:
            added = self._fill(node, report)
            if not added:  # a hit on the report alone (a tag of the report): nothing to unfold
                node.allow_expand = False
            self._budget -= added + 1
        else:
            self._pending[key] = report
            tree.defer_fill(node, self.fill_pending)

    def _fill(self, node: TreeNode[OutlineData], report: Report) -> int:
        """Add a report's matching sections under its node, and its preamble and closing
        when they hold a hit (each a hit of its own, counted before the report); how many
        nodes were added."""
        result = self.state.result
        assert result is not None
        matches = result.in_report(report_id(report))
        added = [0]
        preamble, closing = (Outside(report, kind) for kind in OUTSIDE_SECTIONS)
        if preamble.id in matches.ids:
            self._add_outside(node, preamble, added)
        for section in report.sections:
            self._add_section(node, section, matches, added)
        if closing.id in matches.ids:
            self._add_outside(node, closing, added)
        return added[0]

    def _add_outside(self, parent: TreeNode[OutlineData], part: Outside, added: list[int]) -> None:
        """A preamble's or closing's line, counted as a part's is (one hit: the text)."""
        label = self._counted.get((part.id, 1))
        if label is None:
            label = self._counted[part.id, 1] = count_label(outside_row_label(part), 1)
        self.tree.add_node(parent, label, part, leaf=True)
        added[0] += 1

    def fill_pending(self, node: TreeNode[OutlineData]) -> None:
        """Fill in a folded report that was left for later (it is being opened)."""
        data = node.data
        if not isinstance(data, Report):
            return
        report = self._pending.pop(report_id(data), None)
        if report is None:
            return
        self.tree.fill(node)  # drop the tree's deferred call (it may be the one calling)
        with self.tree.building():
            self._fill(node, report)

    def _add_section(
        self,
        parent: TreeNode[OutlineData],
        section: Section,
        result: ReportMatches,
        added: list[int],
    ) -> None:
        state = self.state
        if section.id not in result.ids and section.id not in result.ancestors:
            return
        count = result.section_counts.get(section.id, 0)
        tree = self.tree
        label = self._highlighted.get((section.id, count))
        if label is None:
            plain = self._plain_label(section)
            label = count_label(plain, count)
            if label is plain:
                label = plain.copy()  # styled below: the plain one stays plain
            # the heading follows the count and the marker (it may be cut short: spans
            # past the label's end are dropped by `stylize`)
            offset = len(label) - len(plain) + len(section.marker)
            spans = state.heading_spans(section.id, section.heading)
            tree.highlight_spans(label, spans, self._style, offset)
            self._highlighted[section.id, count] = label
        items = [item for item in section.items if item.id in result.ids]
        children = [
            child
            for child in section.children
            if child.id in result.ids or child.id in result.ancestors
        ]
        node = tree.add_node(parent, label, section, expand=True, leaf=not (items or children))
        added[0] += 1
        lead = section.lead_count  # a part's summing-up items follow its subsections
        for item in items:
            if item.paragraph < lead:
                self._add_item(node, item, state, added)
        for child in children:
            self._add_section(node, child, result, added)
        for item in items:
            if item.paragraph >= lead:
                self._add_item(node, item, state, added)

    def _add_item(
        self, node: TreeNode[OutlineData], item: Item, state: FilterState, added: list[int]
    ) -> None:
        item_text = self._highlighted.get((item.id, 0))
        if item_text is None:
            spans = state.heading_spans(item.id, item.heading)
            item_text = self._plain_label(item).copy()
            self.tree.highlight_spans(item_text, spans, self._style, len(item.marker))
            self._highlighted[item.id, 0] = item_text
        self.tree.add_node(node, item_text, item, leaf=True)
        added[0] += 1

    def _plain_label(self, node: Section | Item) -> Text:
        label = self._plain.get(node.id)
        if label is None:
            label = section_label(node) if isinstance(node, Section) else item_label(node)
            self._plain[node.id] = label
        return label

    def clear(self) -> None:
        """Give the outline back as it was before the filter."""
        state, self.saved = self.saved, None
        self._pending = {}
        if state is not None:
            self.restore(state)

    def show_unfiltered(self) -> None:
        """Nothing matches: the whole outline as it was, the filter still on."""
        if self.saved is None:
            self.saved = self.save_state()  # nothing was narrowed yet: remember it now
            return
        self._pending = {}
        self.restore(self.saved)

    # -- moving between hits --------------------------------------------------------------

    def go_to(self, key: str) -> bool:
        """Put the cursor on the node `key` (unfolding what hides it); False if not shown."""
        return self.tree.go_to(key)

    def step(self, direction: int) -> str | None:
        """Move to the next (1) or previous (-1) hit, wrapping around; its key."""
        hits = self.state.hits
        if not hits:
            return None
        cursor = self.tree.cursor_node
        key = node_id_of(cursor.data) if cursor is not None and cursor.data is not None else None
        target = self.state.step_from(key, direction)
        if target is None:
            target = hits[self._nearest(cursor, direction)]
        self.go_to(target)
        return target

    def _nearest(self, cursor: TreeNode[OutlineData] | None, direction: int) -> int:
        """The first hit after (before) the cursor's line; the cursor is between hits."""
        _line = self.tree.last_line  # brings line numbers up to date
        line = cursor.line if cursor is not None else -1
        lines = []
        for key in self.state.hits:
            node = self.tree.node_for(key) or self.tree.node_for(report_id_of(key))
            lines.append(node.line if node is not None else -1)
        if direction > 0:
            after = [i for i, hit_line in enumerate(lines) if hit_line > line]
            return after[0] if after else 0
        before = [i for i, hit_line in enumerate(lines) if 0 <= hit_line < line]
        return before[-1] if before else len(self.state.hits) - 1
