"""The browser shows a part's summing-up after its subsections, as the text has it: in the
outline (whole and filtered) and in the detail pane. (QA: a review part's closing problems
showed as items of its last subsection.)"""

from __future__ import annotations

from pathlib import Path

from govread.parsers.model import Item, Section
from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import DEBOUNCE

SIZE = (120, 40)
TEXT = (
    "某区2019年政府工作报告\n"
    "2019年工作回顾\n"
    "（一）致力调结构，经济发展量质齐升。全年完成固定资产投资80亿元。\n"
    "（二）致力强供给，民生福祉厚植增优。新增学位2000个。\n"
    "在看到成绩的同时，我们也必须清醒认识到，我区的发展还面临不少困难和挑战，主要表现在："
    "一是产业转型步伐较慢。二是民生设施配套还不够完善。\n"
    "2020年主要工作任务\n"
    "（一）奋力决战交通攻坚行动。推动快速通道建设。\n"
    "（二）全力抓好就业工作。新增就业岗位3000个。\n"
)


def _app(tmp_path: Path) -> GovreadApp:
    source = tmp_path / "某区2019年政府工作报告.txt"
    source.write_text(TEXT, "utf-8")
    app = GovreadApp(paths=[str(source)])
    app.WORD_SEARCH_DELAY = None
    return app


def _labels(node) -> list[str]:
    return [child.label.plain for child in node.children]


async def test_the_outline_and_the_detail_pane_put_it_after_the_subsections(
    loaded, tmp_path
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = app.browser.outline
        report_node = tree.report_nodes()[0]
        report_node.expand()
        await pilot.pause()
        part_node = report_node.children[0]
        part = part_node.data
        assert isinstance(part, Section) and part.heading == "2019年工作回顾"
        kinds = [type(child.data) for child in part_node.children]
        assert kinds == [Section, Section, Item, Item]
        assert _labels(part_node)[2].startswith("一是产业转型")
        # the detail pane: the part's subsections listed, then its summing-up
        tree.move_cursor(part_node)
        await pilot.pause()
        text = app.browser.detail.plain_text
        assert (
            text.index("致力强供给") < text.index("在看到成绩的同时") < text.index("• 一是产业转型")
        )


async def test_the_filtered_outline_keeps_that_order(loaded, tmp_path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"民生")
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        tree = app.browser.outline
        report_node = tree.report_nodes()[0]
        part_node = next(n for n in report_node.children if n.data.heading == "2019年工作回顾")
        kinds = [type(child.data) for child in part_node.children]
        assert kinds == [Section, Item], _labels(part_node)
        assert "民生福祉" in _labels(part_node)[0] and "二是民生设施" in _labels(part_node)[1]


async def test_a_filter_s_match_below_the_fold_is_scrolled_into_view(loaded, tmp_path) -> None:
    """QA: on a hit in a part's summing-up, after the list of its subsections, the pane
    opened at the part's top and the match was below the fold."""
    long_lead = "过去一年，我们坚持稳中求进工作总基调，统筹推进各项工作。" * 30
    source = tmp_path / "某区2019年政府工作报告.txt"
    source.write_text(TEXT.replace("2019年工作回顾\n", f"2019年工作回顾\n{long_lead}\n"), "utf-8")
    app = GovreadApp(paths=[str(source)])
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"困难和挑战")
        await pilot.pause(DEBOUNCE * 2)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        detail = app.browser.detail
        assert isinstance(detail.shown, Section) and detail.shown.heading == "2019年工作回顾"
        assert detail.scroll_y > 0
        # the match's line is in view
        lines = [
            "".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()
        ]
        assert any("困难和挑战" in line for line in lines)
