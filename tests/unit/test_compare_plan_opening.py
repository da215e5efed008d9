"""A sentence's opening that names a plan (<subject>将…), and the 将 that stands for 把."""

from __future__ import annotations

from govread.compare import report_units
from govread.parsers.outline import parse_text


def test_jianchi_jiang_in_a_last_section_is_work_done_not_a_plan() -> None:
    text = (
        "某县人民政府关于2020年法治政府建设情况的报告\n"
        "一、主要工作成效\n"
        "县委全面依法治县委员会召开会议2次,研究部署法治政府建设。\n"
        "坚持将法治政府建设成效纳入各级领导班子、领导干部政绩考核指标体系,以考核倒逼责任落实。\n"
        "下一步,我县将继续压实法治建设第一责任人职责。\n"
    )
    themes = [u.theme for u in report_units(parse_text(text, path="a.txt"))]
    assert themes == ["leadership", "next_steps"]
