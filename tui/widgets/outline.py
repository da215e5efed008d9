"""The report outline: a tree with one root per report, its sections nested, items as leaves.

Every node carries the `Report`, `Section` or `Item` it shows as its ``data``; labels are
`rich.text.Text` built with ``append`` (report text is never parsed as markup). A marked
node shows `MARK_GLYPH` before its label: the glyph is added when a line is rendered, from
`marked_ids`, so every view of the tree agrees with the marks.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from typing import ClassVar

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


def node_id_of(data: OutlineData) -> str:
    """The node id (as marks use it) of a report, section or item."""
    return report_id(data) if isinstance(data, Report) else data.id


def node_key(data: OutlineData) -> str:
    """The id of a node: a report's first 12 hex digits of its hash, a section's or item's id."""
    return data.sha256[:12] if isinstance(data, Report) else data.id


def report_label(report: Report) -> Text:
    """``region · year · title`` (the display title when the document has none)."""
    label = Text()
    facts = [report.region or "", f"{report.year}" if report.year else ""]
    for fact in facts:
        if fact:
            label.append(fact, style="bold")
            label.append(" · ", style="dim")
    label.append(report.title or report.display_title)
    return label


def section_label(section: Section) -> Text:
    label = Text()
    label.append(section.marker, style="dim")
    label.append(section.heading)
    return label


def item_label(item: Item) -> Text:
    label = Text()
    label.append(item.marker, style="dim")
    label.append(item.heading)
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
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding(
            "right,l",
            "expand_or_enter",
            "Expand",
            show=False,
            tooltip="Expand the node, or go to its first child",
        ),
        Binding(
            "left,h",
            "collapse_or_leave",
            "Collapse",
            show=False,
            tooltip="Collapse the node, or go to its parent",
        ),
        Binding("g,home", "scroll_home", "First", show=False, tooltip="Go to the first line"),
        Binding("G,end", "scroll_end", "Last", show=False, tooltip="Go to the last line"),
        Binding(
            "enter",
            "open",
            "Open",
            show=False,
            tooltip="Expand a collapsed node, or read it in the detail pane",
        ),
        # Tree binds space to toggle; here it marks the node (the mark feature owns it).
        Binding(
            "space",
            "screen.toggle_mark",
            "Mark",
            show=False,
            tooltip="Mark or unmark the node for export",
        ),
        Binding("shift+space", "toggle_expand_all", "Expand or collapse the subtree", show=False),
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

    # -- building ---------------------------------------------------------------------

    def add_report(self, report: Report, *, expand: bool = True) -> TreeNode[OutlineData]:
        """Add a report at the end; its top-level sections show, deeper ones are folded."""
        first = not self.root.children
        node = self.root.add(report_label(report), data=report, expand=expand)
        self._nodes_by_id[report_id(report)] = node
        for section in report.sections:
            self._add_section(node, section)
        if not report.sections:
            node.allow_expand = False
        if first:
            self.move_cursor(node)
        return node

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
        return list(self.root.children)

    def node_for(self, node_id: str) -> TreeNode[OutlineData] | None:
        """The tree node showing the report, section or item with this id, if any."""
        node = self._nodes_by_id.get(node_id)
        if node is not None and self._holds(node):
            return node
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
        self._rebuilding = True
        try:
            yield
        finally:
            self._rebuilding = False
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
        while node is not None and node.parent is not None and node.parent is not self.root:
            node = node.parent
        for report_node in self.root.children:
            report_node.collapse_all()
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
