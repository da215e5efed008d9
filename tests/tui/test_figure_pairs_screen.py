"""Pilot: the compare screen's figures (`f`) and the coverage table (`t`, `2`) say nothing the
text refutes (issue 14, a QA walk). Invented reports."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.widgets import DataTable

from govread.tui.app import GovreadApp
from govread.tui.compare.screen import CompareScreen
from govread.tui.corpus.screen import CorpusScreen

A_TEXT = """甲县人民政府关于2023年度法治政府建设情况的报告
一、完善制度体系
本年度对40件行政规范性文件进行全面清理。全年审查规范性文件44件。严格落实重大行政决策程序规定，\
重大行政决策事项目录向社会公布，开展重大行政决策合法性审查。
二、推进严格执法
深化行政执法体制改革，落实行政执法三项制度，开展行政执法案卷评查。
"""

B_TEXT = """乙县人民政府关于2023年度法治政府建设情况的报告
一、健全制度体系
全年共有9件行政规范性文件进行了实施后评估。对12件规范性文件进行合法性审核。\
全年共审查政府合同、规范性文件等58件。
二、推进严格执法
落实行政执法三项制度，开展行政执法案卷评查。
"""


async def test_figures_pair_by_act_and_coverage_says_where_a_theme_is_spoken_of(
    open_compare: Callable[..., Awaitable[CompareScreen]], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(A_TEXT, "utf-8")
    second.write_text(B_TEXT, "utf-8")
    app = GovreadApp(paths=[first, second])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(pilot, name="乙县")
        await pilot.press("f")
        await pilot.pause()
        table = screen.query_one("#figures-table", DataTable)
        rows = [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]
        paired = [row for row in rows if "—" not in (row[1], row[2])]
        # the reviews pair (审核 is 审查); the clean-up, the evaluation and the list do not
        assert [row[0] for row in paired] == ["规范性文件审查数"]
        assert paired[0][1].startswith("44件") and paired[0][2].startswith("12件")
        alone = {(row[1].split()[0], row[2].split()[0]) for row in rows if row not in paired}
        assert alone == {("40件", "—"), ("—", "9件"), ("—", "58件")}
        await pilot.press("escape", "escape", "t")  # the figures, compare, then the tables
        await pilot.pause()
        await app.workers.wait_for_complete()
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen)
        await pilot.press("2")
        await pilot.pause()
        grid = corpus.table("coverage")
        column = grid.column_index("decisions")
        cells = {str(row[0]): str(row[column]) for row in grid.rows}
        # 甲县 sets out 重大行政决策 inside its chapter on rules: not silent ("·")
        assert cells["甲县 2023"] == "(+1)"
        assert cells["乙县 2023"] == "·"
