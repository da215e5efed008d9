"""Narrowing the outline to a filter's matches, and giving it back exactly as it was.

`OutlineFilter` drives an `OutlineTree`: `apply(result)` rebuilds it with only the matching
sections and items (a `govread.search.FilterResult`), their ancestors kept and expanded, hit
counts after each report and section label and the matches highlighted; `step(±1)` moves
the cursor to the next / previous hit across reports; `clear()` rebuilds the whole outline
with the nodes that were expanded before filtering expanded again and the cursor on the node
it was on. Labels are `Text` (report text is never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widgets.tree import TreeNode

from govread.parsers.model import Report, Section
from govread.tui.browser.outline import (
    OutlineData,
    OutlineTree,
    item_label,
    node_key,
    report_label,
    section_label,
)

if TYPE_CHECKING:
    from govread.search import FilterResult, Query

COUNT_STYLE = "bold"


def highlight_spans(text: str, query: Query) -> list[tuple[int, int]]:
    from govread.search import highlight_spans as spans_of  # search loads after first paint

    return spans_of(text, query)


@dataclass(frozen=True, slots=True)
class OutlineState:
    """What escape gives back: the expanded nodes, the cursor's node, the scroll offset."""

    expanded: frozenset[str]
    cursor: str | None
    scroll_y: float


def outline_key(unit_id: str) -> str:
    """The outline node a search unit lives in (a preamble or closing: its report)."""
    report, _, rest = unit_id.partition("/")
    return report if rest in ("preamble", "closing") else unit_id


def count_label(label: Text, count: int) -> Text:
    """The label with its hit count in front (in front, so a long heading cannot hide it)."""
    if not count:
        return label
    counted = Text()
    counted.append(f"{count}", style=COUNT_STYLE)
    counted.append(" ")
    counted.append_text(label)
    return counted


class OutlineFilter:
    """The filter's hold on the outline: narrowed while a query is on, restored after."""

    # About how many nodes are built at once; reports beyond are filled in when opened.
    NODE_BUDGET = 400

    def __init__(self, tree: OutlineTree) -> None:
        self.tree = tree
        self.saved: OutlineState | None = None  # set while the outline is narrowed
        self.hits: list[str] = []  # outline keys of the hits, in document order
        self._nodes: dict[str, TreeNode[OutlineData]] = {}
        self._style = Style()
        self._pending: dict[str, Report] = {}  # folded reports not filled in yet
        self._result: FilterResult | None = None

    @property
    def active(self) -> bool:
        return self.saved is not None

    # -- state ----------------------------------------------------------------------------

    def save_state(self) -> OutlineState:
        tree = self.tree
        expanded = frozenset(
            node_key(node.data)
            for node in tree.walk_nodes()
            if node.data is not None and node.is_expanded
        )
        cursor = tree.cursor_node
        key = node_key(cursor.data) if cursor is not None and cursor.data is not None else None
        return OutlineState(expanded, key, tree.scroll_y)

    def rebuild_full(self, reports: Sequence[Report], state: OutlineState) -> None:
        """The whole outline again, folded as `state` says, the cursor on its node."""
        tree = self.tree
        target = None
        with tree.rebuilding():
            tree.show_reports(reports, expand=False)
            for node in tree.walk_nodes():
                if node.data is None:
                    continue
                key = node_key(node.data)
                if key in state.expanded:
                    node.expand()
                if key == state.cursor:
                    target = node
        if target is not None:
            parent = target.parent
            while parent is not None and parent is not tree.root:
                parent.expand()  # a group folded by the rebuild
                parent = parent.parent
            tree.move_cursor(target)
        tree.scroll_to(y=state.scroll_y, animate=False, immediate=True)
        if target is not None:
            tree.scroll_to_node(target, animate=False)

    # -- narrowing ------------------------------------------------------------------------

    def apply(self, reports: Sequence[Report], result: FilterResult) -> None:
        """Show only what `result` matched (it must have matches).

        Reports are filled in, expanded, until about `NODE_BUDGET` nodes are shown; the
        reports after that are added folded and filled in when opened (or when n / N / a
        hit goes there), so that a query matching thousands of sections stays quick.
        """
        if self.saved is None:
            self.saved = self.save_state()
        tree = self.tree
        self._nodes = {}
        self._pending = {}
        self._result = result
        self._style = tree.match_style()
        report_hits: dict[str, list[str]] = {}
        for unit_id in result.order:
            key = outline_key(unit_id)
            report_hits.setdefault(key.split("/", 1)[0], []).append(key)
        budget = self.NODE_BUDGET
        with tree.rebuilding():
            tree.clear()
            for report in reports:
                count = result.report_counts.get(report.sha256, 0)
                if not count:
                    continue
                key = node_key(report)
                label = count_label(report_label(report), count)
                has_sections = any(k != key for k in report_hits.get(key, ()))
                fill = budget > 0
                node = tree.root.add(label, data=report, expand=fill and has_sections)
                self._nodes[key] = node
                if not has_sections:
                    node.allow_expand = False
                elif fill:
                    budget -= self._fill(node, report) + 1
                else:
                    self._pending[key] = report
                    tree.defer_fill(node, self.fill_pending)
        hits: list[str] = []
        seen: set[str] = set()
        for unit_id in result.hits:  # n / N go where `H` and the count say: the hits
            key = outline_key(unit_id)
            if key.split("/", 1)[0] in self._nodes and key not in seen:
                seen.add(key)
                hits.append(key)
        self.hits = hits
        if hits:
            self.go_to(hits[0])

    def _fill(self, node: TreeNode[OutlineData], report: Report) -> int:
        """Add a report's matching sections under its node; how many nodes were added."""
        assert self._result is not None
        before = len(self._nodes)
        for section in report.sections:
            self._add_section(node, section, self._result, self._result.query)
        return len(self._nodes) - before

    def fill_pending(self, node: TreeNode[OutlineData]) -> bool:
        """Fill in a folded report that was left for later (it is being opened)."""
        data = node.data
        if not isinstance(data, Report):
            return False
        report = self._pending.pop(node_key(data), None)
        if report is None:
            return False
        self.tree.fill(node)  # drop the tree's deferred call (it may be the one calling)
        with self.tree.rebuilding():
            self._fill(node, report)
        return True

    def _add_section(
        self, parent: TreeNode[OutlineData], section: Section, result: FilterResult, query: Query
    ) -> None:
        if section.id not in result.ids and section.id not in result.ancestors:
            return
        count = result.section_counts.get(section.id, 0)
        plain = section_label(section)
        label = count_label(plain, count)
        # the heading follows the count and the marker (it may be cut short: spans past
        # the label's end are dropped by `stylize`)
        offset = len(label) - len(plain) + len(section.marker)
        tree = self.tree
        tree.highlight_spans(label, highlight_spans(section.heading, query), self._style, offset)
        items = [item for item in section.items if item.id in result.ids]
        children = [
            child
            for child in section.children
            if child.id in result.ids or child.id in result.ancestors
        ]
        if items or children:
            node = parent.add(label, data=section, expand=True)
        else:
            node = parent.add_leaf(label, data=section)
        self._nodes[section.id] = node
        for item in items:
            spans = highlight_spans(item.heading, query)
            item_text = tree.highlight_spans(item_label(item), spans, self._style, len(item.marker))
            self._nodes[item.id] = node.add_leaf(item_text, data=item)
        for child in children:
            self._add_section(node, child, result, query)

    def clear(self, reports: Sequence[Report]) -> None:
        """Give the outline back as it was before the filter."""
        state, self.saved = self.saved, None
        self.hits, self._nodes, self._pending = [], {}, {}
        if state is not None:
            self.rebuild_full(reports, state)

    def show_unfiltered(self, reports: Sequence[Report]) -> None:
        """Nothing matches: the whole outline as it was, the filter still on."""
        if self.saved is None:
            return
        self.hits, self._nodes, self._pending = [], {}, {}
        self.rebuild_full(reports, self.saved)

    # -- moving between hits --------------------------------------------------------------

    def node(self, key: str) -> TreeNode[OutlineData] | None:
        return self._nodes.get(key)

    def go_to(self, key: str) -> bool:
        """Put the cursor on the node `key` (unfolding what hides it); False if not shown."""
        report_node = self._nodes.get(key.split("/", 1)[0])
        if report_node is not None and key not in self._nodes:
            self.fill_pending(report_node)
        node = self._nodes.get(key) if self._nodes else None
        if node is None:
            node = self.tree.find_node(key)
        if node is None:
            return False
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        self.tree.move_cursor(node)
        self.tree.scroll_to_node(node, animate=False)
        return True

    def step(self, direction: int) -> str | None:
        """Move to the next (1) or previous (-1) hit, wrapping around; its key."""
        if not self.hits:
            return None
        cursor = self.tree.cursor_node
        key = node_key(cursor.data) if cursor is not None and cursor.data is not None else None
        if key in self.hits:
            position = (self.hits.index(key) + direction) % len(self.hits)
        else:
            position = self._nearest(cursor, direction)
        target = self.hits[position]
        self.go_to(target)
        return target

    def _nearest(self, cursor: TreeNode[OutlineData] | None, direction: int) -> int:
        """The first hit after (before) the cursor's line; the cursor is between hits."""
        _ = self.tree.last_line  # brings line numbers up to date
        line = cursor.line if cursor is not None else -1
        lines = [
            (self._nodes.get(key) or self._nodes[key.split("/", 1)[0]]).line for key in self.hits
        ]
        if direction > 0:
            after = [i for i, hit_line in enumerate(lines) if hit_line > line]
            return after[0] if after else 0
        before = [i for i, hit_line in enumerate(lines) if 0 <= hit_line < line]
        return before[-1] if before else len(self.hits) - 1
