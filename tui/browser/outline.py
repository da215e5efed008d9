"""The report outline: a tree with one root per report, its sections nested, items as leaves.

Every node carries the `Report`, `Section` or `Item` it shows as its ``data``; labels are
`rich.text.Text` built with ``append`` (report text is never parsed as markup). A marked
node shows `MARK_GLYPH` before its label: the glyph is added when a line is rendered, from
`marked_ids`, so every view of the tree agrees with the marks.

A report's section and item nodes are made lazily: a report node is added folded with a
*filler* (`defer_fill`), run just before the node first expands (by key, click, expand-all,
`go_to` or the filter), so a thousand reports cost a thousand nodes, not thirty thousand.
Small corpora (up to `EAGER_LIMIT` reports) are filled and shown expanded as they arrive.
With more than `GROUP_THRESHOLD` reports, reports sit under group nodes (data ``None``) by
region or by year, each labelled with its count; `set_grouping` switches (none / region /
year) and `None` means "by region once there are many".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from govread.marks import report_id
from govread.parsers.model import Item, Report, Section
from govread.tui._css import css_beside

OutlineData = Report | Section | Item

# Shown before the label of a marked node (after the fold arrow).
MARK_GLYPH = "● "

# Up to this many reports, each is filled in and shown expanded as it arrives.
EAGER_LIMIT = 50
# More reports than this and they are grouped (by region unless the reader chose otherwise).
GROUP_THRESHOLD = 200
GROUPINGS = ("none", "region", "year")
GROUP_SUMMARY_LINES = 100  # reports listed in the detail pane for a group

Filler = Callable[["TreeNode[OutlineData]"], None]


def group_key(report: Report, grouping: str) -> tuple[int, str]:
    """Where a report sorts among the groups: known regions / years first, in order."""
    value = report.region if grouping == "region" else (str(report.year) if report.year else "")
    return (0, value) if value else (1, "")


def group_label(key: tuple[int, str], grouping: str, count: int) -> Text:
    label = Text()
    name = key[1] or ("(no region)" if grouping == "region" else "(no year)")
    label.append(name, style="bold")
    label.append(f"  {count} report" + ("s" if count != 1 else ""), style="dim")
    return label


class OutlineNode(TreeNode[OutlineData]):
    """A tree node that fills in its children (if they were deferred) before it expands."""

    def _expand(self, expand_all: bool) -> None:
        tree = self._tree
        if isinstance(tree, OutlineTree):
            tree.fill(self)
        super()._expand(expand_all)


def node_id_of(data: OutlineData) -> str:
    """The node id (as marks use it) of a report, section or item."""
    return report_id(data) if isinstance(data, Report) else data.id


def node_key(data: OutlineData) -> str:
    """The id of a node: a report's first 12 hex digits of its hash, a section's or item's id."""
    return data.sha256[:12] if isinstance(data, Report) else data.id


# A label is one line: a longer heading (a paragraph taken for one, or a hostile file's
# 10 MB line) is cut, visibly, so that measuring and drawing the outline stays cheap.
MAX_LABEL_CHARS = 200


def cut_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """`text`, or its first characters and "…" when it is longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_label(report: Report) -> Text:
    """``region · year · title`` (the display title when the document has none)."""
    label = Text()
    facts = [report.region or "", f"{report.year}" if report.year else ""]
    for fact in facts:
        if fact:
            label.append(fact, style="bold")
            label.append(" · ", style="dim")
    label.append(cut_label(report.title or report.display_title))
    return label


def section_label(section: Section) -> Text:
    label = Text()
    label.append(section.marker, style="dim")
    label.append(cut_label(section.heading))
    return label


def item_label(item: Item) -> Text:
    label = Text()
    label.append(item.marker, style="dim")
    label.append(cut_label(item.heading))
    return label


class OutlineTree(Tree[OutlineData]):
    """The outline of every open report; the cursor picks what the detail pane shows."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = "Outline"
    COMPONENT_CLASSES: ClassVar[set[str]] = Tree.COMPONENT_CLASSES | {
        "outline-tree--mark",
        "outline--match",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="outline.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="outline.up"),
        Binding(
            "right,l",
            "expand_or_enter",
            "Expand",
            show=False,
            tooltip="Expand the node, or go to its first child",
            id="outline.expand",
        ),
        Binding(
            "left,h",
            "collapse_or_leave",
            "Collapse",
            show=False,
            tooltip="Collapse the node, or go to its parent",
            id="outline.collapse",
        ),
        Binding(
            "g,home",
            "scroll_home",
            "First",
            show=False,
            tooltip="Go to the first line",
            id="outline.first",
        ),
        Binding(
            "G,end",
            "scroll_end",
            "Last",
            show=False,
            tooltip="Go to the last line",
            id="outline.last",
        ),
        Binding(
            "enter",
            "open",
            "Open",
            show=False,
            tooltip="Expand a collapsed node, or read it in the detail pane",
            id="outline.open",
        ),
        # Tree binds space to toggle; here it marks the node (the mark feature owns it).
        Binding(
            "space",
            "screen.toggle_mark",
            "Mark",
            show=False,
            tooltip="Mark or unmark the node for export",
            id="browser.mark",
        ),
        Binding(
            "shift+space",
            "toggle_expand_all",
            "Expand or collapse the subtree",
            show=False,
            id="outline.toggle_subtree",
        ),
    ]

    class OpenRequested(Message):
        """The reader asked to read the node under the cursor (enter on an open node)."""

        def __init__(self, data: OutlineData | None) -> None:
            self.data = data
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("reports", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        # Which node ids show the mark (the app's MarkSet); see `refresh_marks`.
        self.marked_ids: Container[str] = frozenset()
        self._nodes_by_id: dict[str, TreeNode[OutlineData]] = {}
        # Nodes whose children are not made yet (tree node id → what makes them).
        self._unfilled: dict[int, Filler] = {}
        self.reports: list[Report] = []  # the reports of the full outline, in order
        self.grouping: str | None = None  # None: by region once there are many
        self._groups: dict[tuple[int, str], TreeNode[OutlineData]] = {}
        self._group_keys: list[tuple[int, str]] = []  # sorted
        self._group_counts: dict[tuple[int, str], int] = {}
        self._batch_size: int | None = None  # while `show_reports` adds this many

    def _add_node(
        self,
        parent: TreeNode[OutlineData] | None,
        label: Text,
        data: OutlineData | None,
        expand: bool = False,
    ) -> TreeNode[OutlineData]:
        node = OutlineNode(self, parent, self._new_id(), label, data, expanded=expand)
        self._tree_nodes[node._id] = node
        self._updates += 1
        return node

    def clear(self) -> OutlineTree:
        self._unfilled = {}
        self._nodes_by_id = {}
        self._groups, self._group_keys, self._group_counts = {}, [], {}
        super().clear()
        return self

    # -- lazy children ----------------------------------------------------------------

    def defer_fill(self, node: TreeNode[OutlineData], filler: Filler) -> None:
        """Make ``node``'s children with ``filler(node)`` just before it first expands."""
        self._unfilled[node._id] = filler

    def fill(self, node: TreeNode[OutlineData]) -> bool:
        """Make a node's deferred children now; False when there were none to make."""
        filler = self._unfilled.pop(node._id, None)
        if filler is None:
            return False
        filler(node)
        return True

    def is_filled(self, node: TreeNode[OutlineData]) -> bool:
        return node._id not in self._unfilled

    # -- grouping ---------------------------------------------------------------------

    @property
    def active_grouping(self) -> str:
        """How reports are grouped now: the reader's choice, else by region when many."""
        if self.grouping is not None:
            return self.grouping
        count = self._batch_size if self._batch_size is not None else len(self.reports)
        return "region" if count > GROUP_THRESHOLD else "none"

    def set_grouping(self, grouping: str | None) -> None:
        """Group by "none", "region" or "year" (None: automatic); rebuilds the outline."""
        if grouping is not None and grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping: {grouping}")
        self.grouping = grouping
        cursor = self.cursor_node
        key = node_id_of(cursor.data) if cursor is not None and cursor.data is not None else None
        self.show_reports(list(self.reports), expand=False)
        if key is not None:
            self.go_to(key)

    def show_reports(self, reports: Sequence[Report], *, expand: bool = True) -> None:
        """The whole outline anew with these reports (one refresh)."""
        with self.rebuilding():
            self.clear()
            self.reports = []
            self._batch_size = len(reports)
            try:
                for report in reports:
                    self.add_report(report, expand=expand)
            finally:
                self._batch_size = None

    def _parent_for(self, report: Report, grouping: str) -> TreeNode[OutlineData]:
        if grouping == "none":
            return self.root
        key = group_key(report, grouping)
        count = self._group_counts.get(key, 0) + 1
        self._group_counts[key] = count
        node = self._groups.get(key)
        if node is None:
            position = bisect_left(self._group_keys, key)
            self._group_keys.insert(position, key)
            node = self.root.add(group_label(key, grouping, count), before=position)
            self._groups[key] = node
        else:
            # Not set_label: it queues a refresh call per report, which floods the message
            # queue while thousands load; adding the report below invalidates the lines anyway.
            node._label = group_label(key, grouping, count)
            node._updates += 1
        return node

    @staticmethod
    def group_summary(group: TreeNode[OutlineData]) -> Text:
        """A group's label, then one line per report in it (for the detail pane)."""
        summary = Text()
        summary.append_text(group.label if isinstance(group.label, Text) else Text(group.label))
        for node in group.children[:GROUP_SUMMARY_LINES]:
            if isinstance(node.data, Report):
                summary.append("\n")
                summary.append_text(report_label(node.data))
        if len(group.children) > GROUP_SUMMARY_LINES:
            summary.append(f"\n… {len(group.children) - GROUP_SUMMARY_LINES} more", style="dim")
        return summary

    def group_nodes(self) -> list[TreeNode[OutlineData]]:
        return [self._groups[key] for key in self._group_keys]

    # -- building ---------------------------------------------------------------------

    def add_report(self, report: Report, *, expand: bool = True) -> TreeNode[OutlineData]:
        """Add a report at the end (of its group); its sections are made when it expands.

        While there are few reports (`EAGER_LIMIT`), ``expand`` shows its top-level
        sections at once, deeper ones folded; past that, reports are added folded.
        """
        before = self.active_grouping
        self.reports.append(report)
        grouping = self.active_grouping
        if grouping != before and self._batch_size is None:  # passed the threshold: regroup
            self.set_grouping(self.grouping)
            return self._nodes_by_id[report_id(report)]
        first = not self.root.children
        parent = self._parent_for(report, grouping)
        node = parent.add(report_label(report), data=report, allow_expand=bool(report.sections))
        self._nodes_by_id[report_id(report)] = node
        if report.sections:
            self.defer_fill(node, self._fill_report)
            count = self._batch_size if self._batch_size is not None else len(self.reports)
            if expand and count <= EAGER_LIMIT and grouping == "none":
                node.expand()
        if first:
            self.move_cursor(node if grouping == "none" else parent)
        return node

    def _fill_report(self, node: TreeNode[OutlineData]) -> None:
        report = node.data
        assert isinstance(report, Report)
        for section in report.sections:
            self._add_section(node, section)

    def _add_section(self, parent: TreeNode[OutlineData], section: Section) -> None:
        if not section.items and not section.children:
            self._nodes_by_id[section.id] = parent.add_leaf(section_label(section), data=section)
            return
        node = parent.add(section_label(section), data=section)
        self._nodes_by_id[section.id] = node
        for item in section.items:
            self._nodes_by_id[item.id] = node.add_leaf(item_label(item), data=item)
        for child in section.children:
            self._add_section(node, child)

    # -- what is under the cursor -----------------------------------------------------

    @property
    def current_node(self) -> OutlineData | None:
        """The Report, Section or Item under the cursor (None before anything loads)."""
        node = self.cursor_node
        return node.data if node is not None else None

    @property
    def current_report(self) -> Report | None:
        """The report holding the node under the cursor."""
        path = self.current_path
        return path[0] if path and isinstance(path[0], Report) else None

    @property
    def current_path(self) -> list[OutlineData]:
        """Report, sections and item from the root down to the cursor."""
        return self.path_of(self.cursor_node)

    @staticmethod
    def path_of(node: TreeNode[OutlineData] | None) -> list[OutlineData]:
        path: list[OutlineData] = []
        while node is not None and node.data is not None:
            path.append(node.data)
            node = node.parent
        return path[::-1]

    def report_nodes(self) -> list[TreeNode[OutlineData]]:
        """The report nodes, in order (inside their groups when grouped)."""
        found: list[TreeNode[OutlineData]] = []
        for node in self.root.children:
            if node.data is None:
                found.extend(node.children)
            else:
                found.append(node)
        return found

    def node_for(self, node_id: str) -> TreeNode[OutlineData] | None:
        """The tree node showing the report, section or item with this id, if any."""
        node = self._nodes_by_id.get(node_id)
        if node is not None and self._holds(node):
            return node
        report_node = self._nodes_by_id.get(node_id.split("/", 1)[0])
        if report_node is not None and self._holds(report_node) and not self.is_filled(report_node):
            return None  # its report is not filled in yet: nothing to search for
        for line in range(self.last_line + 1):  # a view built another way: search it
            found = self.get_node_at_line(line)
            if found is not None and found.data is not None and node_id_of(found.data) == node_id:
                return found
        return None

    def _holds(self, node: TreeNode[OutlineData]) -> bool:
        try:
            return self.get_node_by_id(node.id) is node
        except Exception:  # UnknownNodeID: the tree was cleared since
            return False

    def go_to(self, node_id: str) -> bool:
        """Unfold the way to a node and put the cursor on it; False when it is not shown."""
        node = self._nodes_by_id.get(node_id)
        if node is None:
            report_node = self._nodes_by_id.get(node_id.split("/", 1)[0])
            if report_node is not None and self._holds(report_node) and self.fill(report_node):
                node = self._nodes_by_id.get(node_id)
        if node is None or not self._holds(node):
            node = self._find_anywhere(node_id)
        if node is None:
            return False
        parent = node.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    def _find_anywhere(self, node_id: str) -> TreeNode[OutlineData] | None:
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data is not None and node_id_of(node.data) == node_id:
                return node
            stack.extend(node.children)
        return None

    # -- marks ------------------------------------------------------------------------

    def refresh_marks(self, node_ids: Iterable[str] | None = None) -> None:
        """Repaint the lines of these nodes (every line when None) after their marks changed."""
        if node_ids is None:
            for node in self._nodes_by_id.values():
                node.refresh()
            self.refresh()
            return
        for node_id in node_ids:
            shown = self.node_for(node_id)
            if shown is not None:
                shown.refresh()  # bumps the node's version, so its cached line is redrawn

    def render_label(self, node: TreeNode[OutlineData], base_style: Style, style: Style) -> Text:
        return self._fitted(node, self._marked_label(node, base_style, style))

    def _fitted(self, node: TreeNode[OutlineData], label: Text) -> Text:
        """The label cut to the room beside its guides, ending in "…" when cut (the tree
        does not scroll sideways, and would cut it silently)."""
        depth = 0
        parent = node.parent
        while parent is not None and (parent is not self.root or self.show_root):
            depth += 1
            parent = parent.parent
        guide = max(0, self.guide_depth - 2) + 2  # cells per level (Tree._render_line)
        room = self.scrollable_content_region.width - depth * guide
        if room <= 1 or label.cell_len <= room:
            return label
        cut = label.copy()
        cut.truncate(room, overflow="ellipsis")
        return cut

    def _marked_label(self, node: TreeNode[OutlineData], base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        if node.data is None or node_id_of(node.data) not in self.marked_ids:
            return text
        # After the fold arrow, if any, so the glyphs line up with the labels.
        arrow = len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE)
        split = arrow if node.allow_expand else 0
        marked = text[:split]
        marked.append(
            MARK_GLYPH,
            style=base_style + self.get_component_rich_style("outline-tree--mark", partial=True),
        )
        marked.append_text(text[split:])
        return marked

    def get_label_width(self, node: TreeNode[OutlineData]) -> int:
        # What render_label would measure, without building the Text: the tree measures
        # every line on each rebuild, which is most of a rebuild's cost with many reports.
        width = node._label.cell_len
        if node.allow_expand:
            width += cell_len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE)
        if node.data is not None and node_id_of(node.data) in self.marked_ids:
            width += cell_len(MARK_GLYPH)
        return width

    def walk_nodes(self) -> Iterator[TreeNode[OutlineData]]:
        """Every node under the hidden root, in document order."""
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def find_node(self, key: str) -> TreeNode[OutlineData] | None:
        """The node whose `node_key` is ``key`` (None when it is not in the outline)."""
        for node in self.walk_nodes():
            if node.data is not None and node_key(node.data) == key:
                return node
        return None

    def match_style(self) -> Style:
        """The style of a filter match in a label (read once per rebuild: it is not free)."""
        return self.get_component_rich_style("outline--match", partial=True)

    @staticmethod
    def highlight_spans(
        label: Text, spans: Iterable[tuple[int, int]], style: Style, offset: int = 0
    ) -> Text:
        """Style these character spans of a label (shifted by ``offset``) as matches."""
        for start, end in spans:
            label.stylize(style, start + offset, end + offset)
        return label

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        """Add or remove many nodes with one refresh at the end instead of one per node."""
        outer = getattr(self, "_rebuilding", False)
        self._rebuilding = True
        try:
            yield
        finally:
            self._rebuilding = outer
            self._invalidate()

    def _invalidate(self) -> None:
        if not getattr(self, "_rebuilding", False):
            super()._invalidate()

    # -- folding ----------------------------------------------------------------------

    def expand_all_reports(self) -> None:
        node = self.cursor_node
        for report_node in self.root.children:
            report_node.expand_all()
        if node is not None:
            self.move_cursor(node)

    def collapse_all_reports(self) -> None:
        """Fold everything to one line per report, keeping the cursor on its report."""
        node = self.cursor_node
        while (
            node is not None
            and node.parent is not None
            and node.parent is not self.root
            and not isinstance(node.data, Report)
        ):
            node = node.parent
        for top in self.root.children:
            top.collapse_all()
        if node is not None and node.parent is not None and node.parent is not self.root:
            node.parent.expand()  # its group stays open, so the cursor stays on its report
        if node is not None:
            self.move_cursor(node)

    # -- actions ----------------------------------------------------------------------

    def action_expand_or_enter(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_collapsed:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_collapse_or_leave(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_open(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_collapsed:
            node.expand()
        else:
            self.post_message(self.OpenRequested(node.data))

    def move_cursor(self, node: TreeNode[OutlineData] | None, animate: bool = False) -> None:
        # A node's line number is only refreshed when the tree's lines are rebuilt, which
        # reading `last_line` forces; after expanding or folding it would otherwise be stale.
        _ = self.last_line
        super().move_cursor(node, animate=animate)
