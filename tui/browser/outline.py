"""The report outline: a tree with one root per report, its sections nested, items as leaves.

Every node carries the `Report`, `Section` or `Item` it shows as its ``data`` (in a filtered
outline, a preamble or closing holding a hit: an `Outside`); labels are
`rich.text.Text` built with ``append`` (report text is never parsed as markup). A marked
node shows `MARK_GLYPH` before its label: the glyph is added when a line is rendered, from
`marked_ids`, so every view of the tree agrees with the marks.

The outline is a view of the app's `Library`: it shows the library's reports, in order.
A report's section and item nodes are made lazily: a report node is added folded with a
*filler* (`defer_fill`), run when the node first opens (`open_node`, expand-all, `go_to`,
the filter; a click's `Tree.NodeExpanded`), so a thousand reports cost a thousand nodes,
not thirty thousand. Every node showing a report, section or item is registered by its node
id, whichever view built it (the whole outline or the filter's), so a node is found one way:
`node_for` / `go_to`. Textual's public Tree API is used, except by `set_aside` / `put_back`
(the whole outline kept while the filter narrows it, then put back as it was) and by
`refresh` (new lines, the same size: the scroll bar updated, `_scroll_update`, the screen
not laid out).
Small corpora (up to `EAGER_LIMIT` reports) are filled and shown expanded as they arrive.
With more than `GROUP_THRESHOLD` reports, reports sit under group nodes (data ``None``) by
region or by year, each labelled with its count; `set_grouping` switches (none / region /
year) and `None` means "by region once there are many". A group's report nodes are made
when it first opens, like a report's sections (10,000 reports in 4,700 regions cost 4,700
nodes); `node_for` / `go_to` make a report's group's nodes when asked for one of them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Self

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.css.styles import RenderStyles
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode, UnknownNodeID

from govread.clip import clipped
from govread.i18n import N_, _, _n
from govread.library import Library, place_parts
from govread.node_ids import Outside, node_id_of, outline_node_id, report_id, report_id_of
from govread.parsers.model import Item, Report, Section
from govread.tui._css import css_beside
from govread.tui.messages import OpenRequested

# (an `Outside`, a preamble or closing, only in a filtered outline: a hit's line)
OutlineData = Report | Section | Item | Outside

# Shown before the label of a marked node (after the fold arrow).
MARK_GLYPH = "● "

# Up to this many reports, each is filled in and shown expanded as it arrives.
EAGER_LIMIT = 50
# More reports than this and they are grouped (by region unless the reader chose otherwise).
GROUP_THRESHOLD = 200
GROUPINGS = ("none", "region", "year")
# How a grouping is named to the user (message ids).
GROUPING_NAMES = {"none": N_("none"), "region": N_("region"), "year": N_("year")}
GROUP_SUMMARY_LINES = 100  # reports listed in the detail pane for a group

Filler = Callable[["TreeNode[OutlineData]"], None]


def group_key(report: Report, grouping: str) -> tuple[int, str]:
    """Where a report sorts among the groups: known regions / years first, in order."""
    value = report.region if grouping == "region" else (str(report.year) if report.year else "")
    return (0, value) if value else (1, "")


def group_label(key: tuple[int, str], grouping: str, count: int) -> Text:
    label = Text()
    name = key[1] or (_("(no region)") if grouping == "region" else _("(no year)"))
    label.append(name, style="bold")
    label.append(_n("  {n} report", "  {n} reports", count).format(n=count), style="dim")
    return label


# A label is one line: a longer heading (a paragraph taken for one, or a hostile file's
# 10 MB line) is cut, visibly, so that measuring and drawing the outline stays cheap.
MAX_LABEL_CHARS = 200


def cut_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """`text`, or its first characters and "…" when it is longer than `limit`."""
    return clipped(text, limit)


def report_label(report: Report) -> Text:
    """``region · year · title`` (the display title when the document has none)."""
    label = Text()
    for fact in place_parts(report):
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


def outside_row_label(part: Outside) -> Text:
    """A preamble's or closing's line: its name in the interface language (no report text)."""
    return Text(part.label, style="italic")


@dataclass(frozen=True, slots=True)
class _Aside:
    """An outline set aside (`OutlineTree.set_aside`): Textual's root and node registry,
    the next node id, the outline's own registers, and what it showed (the number of
    reports, the grouping asked for)."""

    root: TreeNode[OutlineData]
    tree_nodes: dict[NodeID, TreeNode[OutlineData]]
    next_id: int
    state: tuple[Any, ...]
    shows: tuple[int, str | None]


class OutlineTree(Tree[OutlineData]):
    """The outline of every open report; the cursor picks what the detail pane shows."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Outline")
    COMPONENT_CLASSES: ClassVar[set[str]] = Tree.COMPONENT_CLASSES | {
        "outline-tree--mark",
        "outline--match",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", N_("Down"), show=False, id="outline.down"),
        Binding("up,k", "cursor_up", N_("Up"), show=False, id="outline.up"),
        Binding(
            "right,l",
            "expand_or_enter",
            N_("Expand"),
            show=False,
            tooltip=N_("Expand the node, or go to its first child"),
            id="outline.expand",
        ),
        Binding(
            "left,h",
            "collapse_or_leave",
            N_("Collapse"),
            show=False,
            tooltip=N_("Collapse the node, or go to its parent"),
            id="outline.collapse",
        ),
        Binding(
            "g,home",
            "scroll_home",
            N_("First"),
            show=False,
            tooltip=N_("Go to the first line"),
            id="outline.first",
        ),
        Binding(
            "G,end",
            "scroll_end",
            N_("Last"),
            show=False,
            tooltip=N_("Go to the last line"),
            id="outline.last",
        ),
        Binding(
            "enter",
            "open",
            N_("Open"),
            show=False,
            tooltip=N_("Expand a collapsed node, or read it in the detail pane"),
            id="outline.open",
        ),
        # Tree binds space to toggle; here it marks the node (the mark feature owns it).
        Binding(
            "space",
            "screen.toggle_mark",
            N_("Mark"),
            show=False,
            tooltip=N_("Mark or unmark the node for export"),
            id="browser.mark",
        ),
        Binding(
            "shift+space",
            "toggle_subtree",
            N_("Expand or collapse the subtree"),
            show=False,
            id="outline.toggle_subtree",
        ),
    ]

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        # the root is hidden: no label (a str one is read as markup, which imports rich's
        # emoji table before the first frame)
        super().__init__(Text(), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        self.library = library  # what the whole outline shows (the app's; read, never changed)
        # Which node ids show the mark (the app's MarkSet); see `refresh_marks`.
        self.marked_ids: Container[str] = frozenset()
        # The node showing each report, section or item, whichever view built it.
        self._nodes_by_id: dict[str, TreeNode[OutlineData]] = {}
        # Nodes whose children are not made yet (tree node id → the node, what makes them).
        self._unfilled: dict[int, tuple[TreeNode[OutlineData], Filler]] = {}
        self.grouping: str | None = None  # None: by region once there are many
        self._built_grouping: str | None = None  # how the reports shown are grouped
        self._groups: dict[tuple[int, str], TreeNode[OutlineData]] = {}
        self._group_keys: list[tuple[int, str]] = []  # sorted
        self._group_counts: dict[tuple[int, str], int] = {}
        self._stale_groups: set[tuple[int, str]] = set()  # counts changed, labels not yet
        # The reports of groups not opened yet (group key → reports in order), and which
        # group holds each of them (report id → key): their nodes are made when it opens.
        self._group_pending: dict[tuple[int, str], list[Report]] = {}
        self._pending_group_of: dict[str, tuple[int, str]] = {}
        self.clears = 0  # how many times the tree was emptied (a view rebuilt it)
        # Shows a report a view holds back (the filter's "… more" line), given its id;
        # True when it was held back. Reset when the tree is emptied.
        self.reveal: Callable[[str], bool] | None = None
        self._aside: _Aside | None = None  # the whole outline, kept while a view shows
        self._after_drawn: dict[Callable[[], object], None] = {}  # see `after_drawn`

    # Inside `building()`: refreshes asked for are held, and made once when it ends.
    _batching = 0
    _held = False

    @contextmanager
    def building(self) -> Iterator[None]:
        """Many nodes added at once, one refresh: Textual's tree asks for a refresh of its
        layout on every node added or expanded, which costs more than the node itself."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._held:
                self._held = False
                self.refresh(layout=True)

    @contextmanager
    def keeping_cursor_row(self) -> Iterator[None]:
        """Nodes added above the cursor (reports arriving, groups made when the outline
        regroups) leave the cursor's row where it was on screen, if it was in view; the
        first nodes of an empty outline leave the cursor in view. The reader's place neither
        moves nor scrolls out of sight."""
        node = self.cursor_node
        row = self.cursor_line - self.scroll_offset.y
        try:
            yield
        finally:
            if node is None:
                self.call_after_refresh(self._put_cursor_at_row, None, 0)
            elif 0 <= row < self.scrollable_content_region.height:
                self.call_after_refresh(self._put_cursor_at_row, node, row)

    def on_resize(self, event: events.Resize) -> None:
        # Textual's Tree scrolls to the cursor only when the cursor moves: made shorter (the
        # terminal resized), the outline would hide the row the detail pane shows.
        self.call_after_refresh(self._cursor_in_view)

    def _cursor_in_view(self) -> None:
        if self.cursor_node is None:
            return
        top = self.scroll_offset.y
        if not top <= self.cursor_line < top + self.scrollable_content_region.height:
            self.scroll_to_line(self.cursor_line, animate=False)

    def _put_cursor_at_row(self, node: TreeNode[OutlineData] | None, row: int) -> None:
        cursor = self.cursor_node
        if cursor is None or self.last_line < 0:
            return
        if node is None:  # the outline was empty: the first cursor row in view
            self.scroll_to_line(self.cursor_line, animate=False)
            return
        # The same node, or the one showing the same report or section (a regrouping
        # makes the nodes anew); another one: the cursor was moved meanwhile, leave it.
        if cursor is not node and (node.data is None or cursor.data is not node.data):
            return
        top = max(0, self.cursor_line - row)
        if top != self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._batching and not recompose:
            self._held = True
            return self
        if layout and not recompose and not self._lines_need_layout():
            # Its lines changed, not its size: its scroll bar follows them, the screen's
            # layout (every widget placed again, 3-5 ms, and repainted where it moved
            # nothing) is left alone.
            self._scroll_update(self.virtual_size)
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _lines_need_layout(self) -> bool:
        """Whether the screen must be laid out again when the tree's lines change (Textual
        lays it out on every node added and every change of its virtual size). Not while
        the tree's size is set by its styles alone and its vertical scroll bar stays shown
        or hidden: then only the scroll bar changes (its thumb), not where anything is."""
        styles, container = self.styles, self.container_size
        if not container or styles.overflow_x != "hidden" or styles.overflow_y != "auto":
            return True
        if any(rule is None or rule.is_auto for rule in (styles.width, styles.height)):
            return True
        return (self.virtual_size.height > container.height) != self.show_vertical_scrollbar

    def clear(self) -> OutlineTree:
        self.clears += 1
        self.reveal = None
        self._unfilled = {}
        self._nodes_by_id = {}
        self._built_grouping = None
        self._groups, self._group_keys, self._group_counts = {}, [], {}
        self._stale_groups = set()
        self._group_pending, self._pending_group_of = {}, {}
        super().clear()
        return self

    # what the outline knows of the nodes it made: set aside and put back with them
    _REGISTERS = (
        "_nodes_by_id",
        "_unfilled",
        "_built_grouping",
        "_groups",
        "_group_keys",
        "_group_counts",
        "_stale_groups",
        "_group_pending",
        "_pending_group_of",
    )

    def set_aside(self) -> None:
        """Empty the tree as `clear` does, keeping its nodes, folding and all, to be put
        back by `put_back` (the filter narrows the outline, then escape gives it back:
        10,000 reports' groups are not made again)."""
        self._aside = _Aside(
            self.root,
            self._tree_nodes,
            self._current_id,
            tuple(getattr(self, name) for name in self._REGISTERS),
            (len(self.library), self.grouping),
        )
        self._tree_nodes = {}  # (Textual's `clear` would number new nodes into the kept one)
        self.clear()

    def put_back(self) -> bool:
        """The outline `set_aside` kept, as it was; False (nothing done) when there is none
        or it is out of date (reports were added or regrouped since)."""
        kept, self._aside = self._aside, None
        if kept is None or kept.shows != (len(self.library), self.grouping):
            return False
        self.clears += 1
        self.reveal = None
        self.root, self._tree_nodes, self._current_id = kept.root, kept.tree_nodes, kept.next_id
        for name, value in zip(self._REGISTERS, kept.state, strict=True):
            setattr(self, name, value)
        self._invalidate()  # its lines are counted again and redrawn
        return True

    def process_label(self, label: str | Text) -> Text:
        # Our labels are one-line `Text` already: taken as they are. Textual's own splits
        # every label on newlines (a copy per node), a third of rebuilding a filtered
        # outline of a thousand reports. Anything else goes through Textual's.
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def add_node(
        self,
        parent: TreeNode[OutlineData],
        label: Text,
        data: OutlineData,
        *,
        expand: bool = False,
        leaf: bool = False,
    ) -> TreeNode[OutlineData]:
        """Add a node showing a report, section or item, found later by its node id."""
        if leaf:
            node = parent.add_leaf(label, data=data)
        else:
            node = parent.add(label, data=data, expand=expand)
        self._nodes_by_id[node_id_of(data)] = node
        return node

    # -- lazy children ----------------------------------------------------------------

    def defer_fill(self, node: TreeNode[OutlineData], filler: Filler) -> None:
        """Make ``node``'s children with ``filler(node)`` when it first opens."""
        self._unfilled[node.id] = (node, filler)

    def fill(self, node: TreeNode[OutlineData]) -> bool:
        """Make a node's deferred children now; False when there were none to make."""
        # Ids restart when the tree is cleared: a node of an older tree (a late message) is
        # told apart from the node that now has its id.
        deferred = self._unfilled.get(node.id)
        if deferred is None or deferred[0] is not node:
            return False
        del self._unfilled[node.id]
        with self.building():
            deferred[1](node)
        return True

    def is_filled(self, node: TreeNode[OutlineData]) -> bool:
        deferred = self._unfilled.get(node.id)
        return deferred is None or deferred[0] is not node

    def open_node(self, node: TreeNode[OutlineData]) -> None:
        """Expand a node, making its children first if they were deferred."""
        self.fill(node)
        node.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[OutlineData]) -> None:
        # Expanded some other way (a click on the arrow): its children arrive now.
        self.fill(event.node)

    # -- grouping ---------------------------------------------------------------------

    @property
    def active_grouping(self) -> str:
        """How reports are grouped now: the reader's choice, else by region when many."""
        if self.grouping is not None:
            return self.grouping
        return "region" if len(self.library) > GROUP_THRESHOLD else "none"

    def set_grouping(self, grouping: str | None, *, keep_opened: bool = True) -> None:
        """Group by "none", "region" or "year" (None: automatic); rebuilds the outline as
        a fresh open shows it (few reports ungrouped: their top-level sections), the
        reports and sections the reader had opened still open (`keep_opened`), the cursor
        on its node."""
        if grouping is not None and grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping: {grouping}")
        self.grouping = grouping
        cursor = self.cursor_node
        key = node_id_of(cursor.data) if cursor is not None and cursor.data is not None else None
        opened = [
            node_id_of(node.data)
            for node in (self.walk_nodes() if keep_opened else ())
            if node.data is not None and node.is_expanded
        ]  # (outermost first)
        with self.building():
            self.show_all()
            for node_id in opened:
                node = self.node_for(node_id)
                if node is not None and not node.is_expanded:
                    self.open_node(node)
        if key is not None:
            self.go_to(key)

    def show_all(self, *, expand: bool = True) -> None:
        """The whole outline anew: every report of the library."""
        self._aside = None  # what was set aside is not the outline any more
        with self.building():
            self.clear()
            for report in self.library:
                self.add_report(report, expand=expand)
            self._relabel_groups()

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
            self._group_pending[key] = []
            self.defer_fill(node, partial(self._fill_group, key))
        else:
            # Relabelled once per batch of reports, not per report: each `set_label` queues
            # a repaint, which would flood the message queue while thousands load.
            if not self._stale_groups:
                self.call_after_refresh(self._relabel_groups)
            self._stale_groups.add(key)
        return node

    def _relabel_groups(self) -> None:
        grouping = self._built_grouping
        for key in self._stale_groups:
            node = self._groups.get(key)
            if node is not None and grouping is not None:
                node.set_label(group_label(key, grouping, self._group_counts[key]))
        self._stale_groups = set()

    def _fill_group(self, key: tuple[int, str], group: TreeNode[OutlineData]) -> None:
        """Make the report nodes of a group that opens (or holds a node asked for)."""
        reports = self._group_pending.pop(key, [])
        for report in reports:
            del self._pending_group_of[report_id(report)]
            self._add_report_node(group, report)

    def group_reports(self, group: TreeNode[OutlineData]) -> list[Report]:
        """The reports a group holds, in order, whether their nodes are made or not."""
        made = [node.data for node in group.children if isinstance(node.data, Report)]
        for key, node in self._groups.items():
            if node is group:
                return made + self._group_pending.get(key, [])
        return made

    def group_summary(self, group: TreeNode[OutlineData]) -> Text:
        """A group's label, then one line per report in it (for the detail pane)."""
        summary = Text()
        label = group.label
        summary.append_text(label if isinstance(label, Text) else Text(label))
        reports = self.group_reports(group)
        for report in reports[:GROUP_SUMMARY_LINES]:
            summary.append("\n")
            summary.append_text(report_label(report))
        if len(reports) > GROUP_SUMMARY_LINES:
            more = len(reports) - GROUP_SUMMARY_LINES
            summary.append(_("\n… {n} more").format(n=more), style="dim")
        return summary

    def group_nodes(self) -> list[TreeNode[OutlineData]]:
        return [self._groups[key] for key in self._group_keys]

    # -- building ---------------------------------------------------------------------

    def add_report(self, report: Report, *, expand: bool = True) -> TreeNode[OutlineData]:
        """Show a report of the library at the end (of its group); its sections are made
        when it opens. Returns its node, or its group's while the group has not opened.

        While there are few reports (`EAGER_LIMIT`), ``expand`` shows its top-level
        sections at once, deeper ones folded; past that, reports are added folded.
        """
        grouping = self.active_grouping
        if self._built_grouping is not None and grouping != self._built_grouping:
            # passed the threshold: every report regrouped, folded as reports arriving now are
            self.set_grouping(self.grouping, keep_opened=False)
            shown = self._nodes_by_id.get(report_id(report))
            return shown if shown is not None else self._groups[group_key(report, grouping)]
        self._built_grouping = grouping
        first = not self.root.children
        parent = self._parent_for(report, grouping)
        if grouping != "none" and not self.is_filled(parent):
            # its group has not opened: the node is made when it does
            key = group_key(report, grouping)
            self._group_pending[key].append(report)
            self._pending_group_of[report_id(report)] = key
            if first:
                self.move_cursor(parent)
            return parent
        node = self._add_report_node(parent, report)
        if expand and node.allow_expand and len(self.library) <= EAGER_LIMIT and grouping == "none":
            self.open_node(node)
        if first:
            self.move_cursor(node if grouping == "none" else parent)
        return node

    def _add_report_node(
        self, parent: TreeNode[OutlineData], report: Report
    ) -> TreeNode[OutlineData]:
        # here, not at start-up: the store's module brings sqlite3 (the first frame waited)
        from govread.store_library import has_sections

        node = self.add_node(parent, report_label(report), report)
        sections = has_sections(report)  # a stored report's body is not read for it
        node.allow_expand = sections
        if sections:
            self.defer_fill(node, self._fill_report)
        return node

    def _fill_report(self, node: TreeNode[OutlineData]) -> None:
        report = node.data
        assert isinstance(report, Report)
        for section in report.sections:
            self._add_section(node, section)

    def _add_section(self, parent: TreeNode[OutlineData], section: Section) -> None:
        if not section.items and not section.children:
            self.add_node(parent, section_label(section), section, leaf=True)
            return
        node = self.add_node(parent, section_label(section), section)
        for item in section.items_before_children():
            self.add_node(node, item_label(item), item, leaf=True)
        for child in section.children:
            self._add_section(node, child)
        for item in section.items_after_children():  # a part's summing-up, as in the text
            self.add_node(node, item_label(item), item, leaf=True)

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
        """The report nodes made, in order (inside their groups when grouped; a group not
        opened yet has none: `has_reports` tells whether any report is shown)."""
        found: list[TreeNode[OutlineData]] = []
        for node in self.root.children:
            if node.data is None:
                found.extend(node.children)
            else:
                found.append(node)
        return found

    def has_reports(self) -> bool:
        """Whether the outline shows any report (in a group opened or not)."""
        return bool(self._pending_group_of) or bool(self.report_nodes())

    def node_for(self, node_id: str) -> TreeNode[OutlineData] | None:
        """The tree node showing the report, section or item with this id, if it is made
        (a report's node in a group not opened yet is made now, folded)."""
        node = self._nodes_by_id.get(node_id)
        if node is None:
            key = self._pending_group_of.get(report_id_of(node_id))
            group = self._groups.get(key) if key is not None else None
            if group is not None and self.fill(group):
                node = self._nodes_by_id.get(node_id)
        return node if node is not None and self._holds(node) else None

    def _holds(self, node: TreeNode[OutlineData]) -> bool:
        try:
            return self.get_node_by_id(node.id) is node
        except UnknownNodeID:  # the tree was cleared since
            return False

    def go_to(self, node_id: str) -> bool:
        """Unfold the way to a node and put the cursor on it; False when it is not shown.
        A preamble's or closing's id (a search unit's): its line in a filtered outline,
        else its report's node, which shows that text."""
        node = self.node_for(node_id)
        if node is None and self.reveal is not None and self.reveal(report_id_of(node_id)):
            node = self.node_for(node_id)
        if node is None:
            report_node = self.node_for(report_id_of(node_id))
            if report_node is not None and self.fill(report_node):
                node = self.node_for(node_id)
            if node is None and outline_node_id(node_id) != node_id:
                node = report_node
        if node is None:
            return False
        parent = node.parent
        while parent is not None and parent is not self.root:
            if not parent.is_expanded:
                self.open_node(parent)
            parent = parent.parent
        line = self.cursor_line
        self.move_cursor(node)
        if self.cursor_line == line:
            # the same line number in an outline made anew (a filter's): no highlight is
            # posted for it, and the detail pane would go on showing the node that was there
            self.post_message(Tree.NodeHighlighted(node))
        self.scroll_to_node(node, animate=False)
        return True

    # -- marks ------------------------------------------------------------------------

    def refresh_marks(self, node_ids: Iterable[str] | None = None) -> None:
        """Repaint the lines of these nodes (every line when None) after their marks changed."""
        if node_ids is None:
            self.refresh()
            return
        for node_id in node_ids:
            shown = self._nodes_by_id.get(node_id)  # a node not made has nothing to repaint
            if shown is not None and self._holds(shown):
                shown.refresh()  # bumps the node's version, so its cached line is redrawn

    def after_drawn(self, callback: Callable[[], object]) -> None:
        """Call `callback` (once, however often asked) when the tree's lines have next been
        painted: once the screen update painting them is over. (Textual's
        `call_after_refresh` runs it at the screen's next idle moment, which may come
        before the tree has even asked for its repaint: a full garbage collection run so
        fell between a filter's answer and its drawing.) A tree not displayed (the
        outline hidden, or its screen under another) paints nothing: the callback runs at
        its screen's next idle moment instead.
        The tree is asked to repaint, so it runs even when nothing else changed (its lines
        then come from its cache)."""
        if not self.display or self.screen is not self.app.screen:
            self.call_after_refresh(callback)
            return
        self._after_drawn[callback] = None
        self.refresh()

    # Within one `render_lines`: the styles Textual's tree asks for on every line (its own
    # style, its ancestors' combined; its guides' styles, merged anew on each call), asked
    # for once: nothing restyles the tree while its lines are rendered.
    _pass_styles: dict[tuple[str, ...], RenderStyles] | None = None
    _pass_style: Style | None = None
    _pass_width: int | None = None
    _fitted_width = -1  # the room the cached lines' labels were fitted to

    @property
    def rich_style(self) -> Style:
        if self._pass_styles is None:
            return super().rich_style
        if self._pass_style is None:
            self._pass_style = super().rich_style
        return self._pass_style

    def get_component_styles(self, *names: str) -> RenderStyles:
        cached = self._pass_styles
        if cached is None:
            return super().get_component_styles(*names)
        styles = cached.get(names)
        if styles is None:
            styles = cached[names] = super().get_component_styles(*names)
        return styles

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._fitted_width:
            # Textual keys a tree's cached lines by the widget's width, scroll bar included:
            # lines fitted before the bar took its cells (a batch of reports shown before the
            # layout that adds the bar) would keep labels cut silently by the crop.
            self._fitted_width = width
            self._line_cache.clear()
        self._pass_styles, self._pass_width = {}, width  # (read once a pass: `_fitted`)
        try:
            lines = super().render_lines(crop)
        finally:
            self._pass_styles = self._pass_style = self._pass_width = None
        if self._after_drawn:
            callbacks, self._after_drawn = self._after_drawn, {}
            for callback in callbacks:
                self.call_later(callback)  # (after the update painting these lines)
        return lines

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
        width = self._pass_width  # a pass's room, or (a line drawn alone) the room now
        if width is None:
            width = self.scrollable_content_region.width
        room = width - depth * guide
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
        label = node.label  # always Text here (labels go through process_label)
        width = label.cell_len if isinstance(label, Text) else cell_len(label)
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

    # -- folding ----------------------------------------------------------------------

    def expand_all_reports(self) -> None:
        node = self.cursor_node
        self._open_all(self.root.children)
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
        self._fold(self.root.children)
        if node is not None and node.parent is not None and node.parent is not self.root:
            node.parent.expand()  # its group stays open, so the cursor stays on its report
        if node is not None:
            self.move_cursor(node)

    def _open_all(self, nodes: Iterable[TreeNode[OutlineData]]) -> None:
        """Open these nodes and everything under them, the deferred ones made."""
        stack = list(nodes)
        while stack:
            top = stack.pop()
            if top.allow_expand:
                self.open_node(top)
            stack.extend(top.children)

    def _fold(self, nodes: Iterable[TreeNode[OutlineData]]) -> None:
        """Fold these nodes and everything under them in place, the tree redrawn once:
        `TreeNode.collapse_all` posts a `NodeCollapsed` per node (nothing here listens), 32k
        of them for a 15 MB report."""
        stack = list(nodes)
        while stack:
            top = stack.pop()
            if top._expanded:
                top._expanded = False
                top._updates += 1
            stack.extend(top.children)
        self._invalidate()

    def toggle_subtree(self, node: TreeNode[OutlineData]) -> None:
        """Expand the node and everything under it (its deferred children made), or, when
        it is open, fold it and everything under it; nothing beside it changes (Textual's
        `toggle_expand_all` opened or folded the node's siblings, one level)."""
        if not node.allow_expand:
            return
        if node.is_expanded:
            self._fold([node])
        else:
            self._open_all([node])
        self.move_cursor(node)

    # -- actions ----------------------------------------------------------------------

    def action_toggle_subtree(self) -> None:
        if self.cursor_node is not None:
            self.toggle_subtree(self.cursor_node)

    def action_expand_or_enter(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_collapsed:
            self.open_node(node)
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

    def action_cursor_parent_next_sibling(self) -> None:
        """shift+→: the next sibling of the nearest ancestor that has one; the cursor stays
        when none has (Textual's moves to the parent's next sibling, and to the outline's
        first line when there is none: from the last report it jumped to the top)."""
        node = self.cursor_node
        if node is not None and node.parent is not None:
            self._move_to_next_after(node.parent)

    def action_cursor_next_sibling(self) -> None:
        """shift+↓: the next sibling, else an ancestor's next (as shift+→); the cursor stays
        on the last one (Textual's went to the outline's first line)."""
        if self.cursor_node is not None:
            self._move_to_next_after(self.cursor_node)

    def _move_to_next_after(self, node: TreeNode[OutlineData]) -> None:
        while node is not self.root and node.parent is not None:
            if node.next_sibling is not None:
                self.move_cursor(node.next_sibling, animate=True)
                return
            node = node.parent

    def action_open(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_collapsed:
            self.open_node(node)
        else:
            self.post_message(OpenRequested(node.data))

    def move_cursor(self, node: TreeNode[OutlineData] | None, animate: bool = False) -> None:
        # A node's line number is only refreshed when the tree's lines are rebuilt, which
        # reading `last_line` forces; after expanding or folding it would otherwise be stale.
        _line = self.last_line
        super().move_cursor(node, animate=animate)
