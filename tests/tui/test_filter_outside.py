"""A hit in a report's preamble or closing is a line of its own in the filtered outline.

QA: with a filter on, the count before a report counted a hit in its closing (the
paragraphs after its last part), but the filtered outline had no line for it: the count
promised a hit no line held, and `n` went to the report's line (a report with a hit in its
preamble and one in its closing: two counted, one visited). Now every hit is a line (the
preamble's and the closing's named in the interface language), `n` / `N` visit each, and
the detail pane opens on that text.
"""

from __future__ import annotations

from textual.widgets.tree import TreeNode

from govread.i18n import _, set_language
from govread.node_ids import Outside, node_id_of
from govread.search import SearchIndex
from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import DEBOUNCE
from govread.tui.browser.hits_list import HitsList

SIZE = (120, 40)


def quiet_app() -> GovreadApp:
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    return app


async def filter_by(pilot, query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.pause(DEBOUNCE * 2)
    await pilot.pause()


def _below(node: TreeNode) -> list[TreeNode]:
    found = []
    for child in node.children:
        found.append(child)
        found.extend(_below(child))
    return found


def _count(node: TreeNode) -> int:
    return int(node.label.plain.split(" ", 1)[0])


async def test_every_counted_hit_is_a_line_that_n_visits(loaded, samples) -> None:
    # 人民政府: 株洲's preamble and closing both hold it, 咸宁's and 秦皇岛's closings
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "人民政府")
        expected = SearchIndex.build(samples).filter("人民政府")
        state = app.browser.filtering.state
        hits = list(state.hits)
        assert hits == list(expected.hits)  # n / N visit as many lines as the bar counts
        assert app.browser.filtering.bar.status_text.startswith(f"{len(hits)} hits in ")
        assert any(hit.endswith("/preamble") for hit in hits)
        assert any(hit.endswith("/closing") for hit in hits)
        tree = app.browser.outline
        for report_node in tree.report_nodes():
            # the count before a report is that of the hits' lines below it
            lines = [n for n in _below(report_node) if node_id_of(n.data) in hits]
            assert _count(report_node) == len(lines) > 0, report_node.label.plain
            assert report_node.is_expanded
        await pilot.press("enter")  # the outline, on the first hit
        for hit in [*hits[1:], hits[0]]:
            await pilot.press("n")
            assert node_id_of(tree.cursor_node.data) == hit
        await pilot.press("N")
        assert node_id_of(tree.cursor_node.data) == hits[-1]


async def test_a_report_whose_one_hit_is_its_closing_opens_on_the_closing_s_line(
    loaded, samples
) -> None:
    # 薄弱环节: in 秦皇岛's closing alone (its report line was a leaf counting 1)
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "薄弱环节")
        tree = app.browser.outline
        (report_node,) = tree.report_nodes()
        report = report_node.data
        assert report.region == "秦皇岛市" and report_node.is_expanded
        assert _count(report_node) == 1
        (line,) = report_node.children
        assert isinstance(line.data, Outside) and line.data.kind == "closing"
        assert line.label.plain == "1 " + _("Closing")
        assert not line.allow_expand
        assert tree.cursor_node is line  # the first hit
        detail = app.browser.detail
        assert detail.shown is line.data
        text = detail.plain_text
        assert text.splitlines()[0].endswith("› " + _("Closing"))  # the breadcrumb
        assert report.closing[0] in text and "薄弱环节" in text
        assert report.preamble[0] not in text  # the closing's text, not the report's
        await pilot.press("n")  # the one hit: it stays
        assert tree.cursor_node is line
        await pilot.press("escape")  # the whole outline: no such line
        await pilot.pause()
        assert not any(isinstance(n.data, Outside) for n in tree.walk_nodes())


async def test_the_lines_are_named_in_the_interface_language(loaded) -> None:
    set_language("zh")
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "人民政府")
        labels = {
            n.label.plain for n in app.browser.outline.walk_nodes() if isinstance(n.data, Outside)
        }
        assert labels == {"1 前言", "1 结尾"}


async def test_a_closing_s_line_is_not_marked(loaded, notices) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "薄弱环节")
        await pilot.press("enter", "space")
        await pilot.pause()
        assert isinstance(app.browser.outline.cursor_node.data, Outside)
        assert not len(app.marks)
        assert notices[-1].severity == "warning"
        assert "closing" in notices[-1].message


async def test_a_hit_chosen_in_the_hits_list_goes_to_the_closing_s_line(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "人民政府")
        await pilot.press("enter", "H")
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits_list = app.browser.query_one(HitsList)
        at = next(i for i, hit in enumerate(hits_list.hits) if hit.kind == "closing")
        hits_list.highlighted = at
        await pilot.press("enter")
        await pilot.pause()
        data = app.browser.outline.cursor_node.data
        assert isinstance(data, Outside) and data.id == hits_list.hits[at].node_id
        assert app.browser.detail.shown is data


async def test_the_same_lines_from_a_store(sample_store, samples) -> None:
    app = GovreadApp(store=sample_store, store_scope=[str(r.path) for r in samples])
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=SIZE) as pilot:
        await loaded_store(pilot)
        await filter_by(pilot, "人民政府")
        await loaded_store(pilot)
        hits = list(app.browser.filtering.state.hits)
        assert hits == list(SearchIndex.build(samples, use_cache=False).filter("人民政府").hits)
        tree = app.browser.outline
        for report_node in tree.report_nodes():
            lines = [n for n in _below(report_node) if node_id_of(n.data) in hits]
            assert _count(report_node) == len(lines) > 0, report_node.label.plain
        await pilot.press("enter")
        for hit in [*hits[1:], hits[0]]:
            await pilot.press("n")
            assert node_id_of(tree.cursor_node.data) == hit


async def loaded_store(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_without_a_filter_a_closing_s_id_goes_to_its_report(loaded, samples) -> None:
    # (the compare and corpus screens' enter on a closing's figure: the whole outline has
    # no such line, the report's shows that text)
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        report = next(r for r in samples if r.region == "秦皇岛市")
        tree = app.browser.outline
        assert tree.go_to(report.id + "/closing")
        assert tree.cursor_node.data.sha256 == report.sha256
