"""The outline at scale: lazily made report children, groups by region / year, and
everything that reaches into the outline (go_to, expand-all, the filter's n / N, marks)
working on reports whose nodes are not made yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Tree

from govread.node_ids import node_id_of
from govread.parsers.model import Report, Section
from govread.tui.app import GovreadApp
from govread.tui.browser import outline as outline_module
from govread.tui.browser.filter_bar import DEBOUNCE
from govread.tui.browser.outline import MARK_GLYPH, OutlineTree
from govread.tui.browser.outline_narrowing import OutlineNarrowing

SIZE = (120, 40)
# The outline's limits, lowered so that a few dozen reports behave as hundreds would (a
# test's time is mostly loading and drawing reports): reports are made lazily above
# EAGER_LIMIT and grouped above GROUP_THRESHOLD.
EAGER_LIMIT = 5
GROUP_THRESHOLD = 30
COUNT = 40


@pytest.fixture(autouse=True)
def _lower_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outline_module, "EAGER_LIMIT", EAGER_LIMIT)
    monkeypatch.setattr(outline_module, "GROUP_THRESHOLD", GROUP_THRESHOLD)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, write_generated) -> Path:
    return write_generated(tmp_path_factory.mktemp("lazy"), COUNT, seed=5)


def quiet_app(folder: Path) -> GovreadApp:
    app = GovreadApp([folder])
    app.WORD_SEARCH_DELAY = None  # no jieba in these tests
    return app


def outline(app: GovreadApp) -> OutlineTree:
    return app.browser.outline


async def filter_fazhi(pilot) -> None:
    """Type the query 法治 (in most generated reports) and wait for its answer."""
    await pilot.press("slash", *"法治")
    await pilot.pause(DEBOUNCE * 2)
    await pilot.pause()


def nested_section(reports: list[Report]) -> tuple[Report, Section]:
    """A section two levels down, in a report late in the list."""
    for report in reversed(reports):
        for section in report.sections:
            if section.children:
                return report, section.children[-1]
    raise AssertionError("no nested section in the corpus")


async def test_many_reports_are_grouped_by_region_and_made_lazily(loaded, corpus) -> None:
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        assert len(app.reports) == COUNT > GROUP_THRESHOLD
        groups = list(tree.root.children)
        assert groups and all(node.data is None for node in groups)
        # a group's report nodes are made when it opens (or holds the cursor: the cursor
        # stayed on its report when the outline was regrouped)
        made = [group for group in groups if group.children]
        assert len(made) <= 1 and len(tree.report_nodes()) < COUNT
        assert all(tree.cursor_node in (g, *g.children) for g in made)
        assert sum(len(tree.group_reports(group)) for group in groups) == COUNT
        for group in groups:
            regions = {report.region for report in tree.group_reports(group)}
            assert len(regions) == 1
            count = len(tree.group_reports(group))
            assert f"{count} report" in group.label.plain
        assert [r for g in groups for r in tree.group_reports(g)] == sorted(
            app.reports, key=lambda r: (not r.region, r.region)
        )
        # nothing below a report is made before it is opened
        assert all(not node.children for node in tree.report_nodes())
        # expanding a report (the key, as a reader would) makes its sections
        group = groups[0]
        tree.move_cursor(group)
        await pilot.pause()
        summary = app.browser.detail._message.plain  # a group: its reports in the detail pane
        assert summary.startswith(group.label.plain)
        assert len(summary.splitlines()) == 1 + len(tree.group_reports(group))
        await pilot.press("right", "right")  # open the group, go to its first report
        report_node = tree.cursor_node
        assert isinstance(report_node.data, Report)
        assert report_node.data is tree.group_reports(group)[0]
        assert [n.data for n in group.children] == tree.group_reports(group)
        await pilot.press("right")
        assert report_node.is_expanded
        assert [n.data for n in report_node.children] == list(report_node.data.sections)
        # and the detail pane follows the cursor into them
        await pilot.press("right")
        await pilot.pause()
        assert tree.current_node is report_node.data.sections[0]


async def test_go_to_a_section_of_a_report_not_made_yet(loaded, corpus) -> None:
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        report, section = nested_section(app.reports)
        report_node = tree.node_for(report.id)
        assert report_node is not None and not report_node.children
        assert tree.node_for(section.id) is None  # not made yet
        assert tree.go_to(section.id)
        await pilot.pause()
        assert tree.current_node is section
        assert tree.current_path[0] is report
        assert report_node.parent.is_expanded  # its group was opened
        assert tree.node_for(section.id) is tree.cursor_node


async def test_expand_all_makes_and_opens_everything(loaded, corpus, monkeypatch) -> None:
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("plus")
        await pilot.pause()
        nodes = list(tree.walk_nodes())
        assert all(node.is_expanded for node in nodes if node.allow_expand)
        sections = sum(1 for r in app.reports for s in r.sections for _ in s.walk())
        made = sum(1 for node in nodes if isinstance(node.data, Section))
        assert made == sections
        assert tree.last_line + 1 == len(nodes)
        # `-` folds every node, the hidden ones too, and redraws the tree once, not per node
        posted: list[object] = []
        redraws = []
        post, invalidate = tree.post_message, tree._invalidate
        monkeypatch.setattr(tree, "post_message", lambda m: posted.append(m) or post(m))
        monkeypatch.setattr(tree, "_invalidate", lambda: redraws.append(1) or invalidate())
        tree.collapse_all_reports()
        assert len(redraws) <= 2  # the fold, then the cursor's group opened again
        assert not [m for m in posted if isinstance(m, Tree.NodeCollapsed)]
        expanded = [node for node in tree.walk_nodes() if node.allow_expand and node.is_expanded]
        assert expanded == [tree.cursor_node.parent]  # the cursor's group, open on its report


async def test_filter_n_and_N_reach_hits_in_reports_not_filled_in(
    loaded, corpus, monkeypatch
) -> None:
    monkeypatch.setattr(OutlineNarrowing, "NODE_BUDGET", 20)  # most reports left folded
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await filter_fazhi(pilot)
        await pilot.press("enter")
        hits = app.browser.filtering.state.hits
        assert len(hits) > 100
        last = hits[-1]
        assert "/" in last and tree.node_for(last) is None  # its report is not filled in
        assert last.split("/", 1)[0] in app.browser.filtering.outline._pending
        await pilot.press("N")  # from the first hit back round to the last
        await pilot.pause()
        assert node_id_of(tree.current_node) == last
        await pilot.press("n")
        assert node_id_of(tree.current_node) == hits[0]
        # escape gives the grouped outline back, the cursor on a line that shows
        await pilot.press("N", "escape")
        await pilot.pause()
        assert all(node.data is None for node in tree.root.children)
        assert sum(len(tree.group_reports(g)) for g in tree.root.children) == COUNT
        assert tree.cursor_node is not None and tree.cursor_node.line >= 0


async def test_a_filter_matching_many_reports_shows_some_and_a_line_for_the_rest(
    loaded, corpus, monkeypatch
) -> None:
    """The narrowed outline holds `REPORTS_SHOWN` reports and a "… more" line, not every
    matching report; enter on the line shows the next ones, n / N reach any hit."""
    monkeypatch.setattr(OutlineNarrowing, "REPORTS_SHOWN", 7)
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await filter_fazhi(pilot)
        state = app.browser.filtering.state
        assert state.result is not None and len(state.result.report_counts) > 14
        matching = len(state.result.report_counts)
        shown = [node for node in tree.root.children if node.data is not None]
        assert len(shown) == 7 and len(tree.root.children) == 8
        more = tree.root.children[-1]
        assert str(matching - 7) in str(more.label)
        await pilot.press("enter", "N")  # from the first hit round to the last: revealed
        await pilot.pause()
        assert node_id_of(tree.current_node) == state.hits[-1]
        assert len(tree.report_nodes()) == matching and tree.root.children[-1].data is not None
        # again, and enter on the line: the next seven, the cursor on the first of them
        await pilot.press("escape")
        await filter_fazhi(pilot)
        await pilot.press("enter")
        tree.move_cursor(tree.root.children[-1])
        await pilot.press("enter")
        await pilot.pause()
        assert len(tree.report_nodes()) == 14
        assert tree.cursor_node is tree.root.children[7]


async def test_marks_show_on_nodes_made_later(loaded, corpus) -> None:
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        _report, section = nested_section(app.reports)
        app.toggle_mark(section.id)
        await pilot.pause()
        assert tree.node_for(section.id) is None
        assert tree.go_to(section.id)
        node = tree.cursor_node
        assert node.data is section
        assert MARK_GLYPH in tree.render_label(node, Style(), Style()).plain
        other = node.parent.children[0]
        assert other is node or MARK_GLYPH not in tree.render_label(other, Style(), Style()).plain


async def test_grouping_switches_between_region_year_and_none(loaded, corpus) -> None:
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        _report, section = nested_section(app.reports)
        tree.go_to(section.id)
        app.browser.group_reports("year")
        await pilot.pause()
        years = [node.label.plain.split()[0] for node in tree.root.children]
        assert years == sorted({str(r.year) for r in app.reports if r.year}) + (
            ["(no"] if any(not r.year for r in app.reports) else []
        )
        for group in tree.root.children:
            reports = tree.group_reports(group)
            assert {r.year for r in reports} == {reports[0].year}
        assert tree.current_node is section  # the cursor kept its place
        app.browser.group_reports("none")
        await pilot.pause()
        assert [n.data for n in tree.root.children] == app.reports
        assert tree.current_node is section
        app.browser.group_reports(None)  # automatic: many reports, so by region
        await pilot.pause()
        assert tree.active_grouping == "region"
        assert all(node.data is None for node in tree.root.children)


async def test_a_filter_answer_shows_the_first_hits_report_line(loaded, corpus) -> None:
    """The grouped outline scrolled far down (the cursor on its last line), a filter's
    answer is a new outline read from its top: the first hit's report line is on screen,
    not scrolled above it with the offset the grouped outline had."""
    app = quiet_app(corpus)
    async with app.run_test(size=(100, 14)) as pilot:
        await loaded(pilot)
        tree = outline(app)
        assert tree.active_grouping == "region"
        await pilot.press("G")
        await pilot.pause()
        assert tree.scroll_offset.y > 0
        await pilot.press("slash", *"行政复议")  # (in sections, not in report titles)
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        cursor = tree.cursor_node
        report = cursor
        while report.parent is not tree.root:
            report = report.parent
        assert isinstance(report.data, Report) and cursor is not report  # a hit in a section
        assert cursor.line - report.line < tree.scrollable_content_region.height
        top = tree.scroll_offset.y
        assert top <= report.line <= cursor.line < top + tree.scrollable_content_region.height


async def test_a_filter_fills_a_screenful_and_folds_the_other_reports(loaded, corpus) -> None:
    """A keystroke fills in the matching reports the outline's height shows (filling a
    stored report reads its body); the others come folded with their counts, filled when
    opened."""
    app = quiet_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await filter_fazhi(pilot)

        def made(node) -> int:
            return 1 + sum(made(child) for child in node.children)

        reports = tree.report_nodes()
        filled = [node for node in reports if node.children]
        folded = [node for node in reports if not node.children and node.allow_expand]
        assert filled and folded and reports[: len(filled)] == filled  # the first ones
        height = tree.size.height
        assert sum(map(made, filled)) >= height > sum(map(made, filled[:-1]))
        assert str(folded[0].label).split(" ", 1)[0].isdigit()  # its count shows
        await pilot.press("enter")  # to the first hit, in the outline
        tree.move_cursor(folded[0])
        await pilot.press("l")
        await pilot.pause()
        assert folded[0].children and folded[0].is_expanded
