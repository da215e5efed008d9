"""Gaps of both reports on one theme meet when their headings name one piece of its work.

咸宁's items under 营商环境更优良 (公平竞争, 市场主体获得感) and 光明's item 法治化营商环境持续
优化 share no word but the work they report; a reader sets them side by side. The general
name of a theme (行政执法) and the genre's chapter headings (全面推进严格规范公正文明执法,
named only by both sections) are no such piece of work.
"""

from __future__ import annotations

from govread.compare import _named_work, compare, report_units
from govread.parsers.outline import parse_text
from govread.topics import load_lexicon

A = (
    "某市2023年法治政府建设情况报告\n"
    "一、主要做法和成效\n"
    "(一)依法全面履职\n"
    "1.营商环境更优良\n"
    "一是着力打造公平竞争环境。严格执行市场准入负面清单制度,深入开展妨碍统一市场和公平竞争政策措施清理。\n"
    "二是着力增强市场主体获得感。发布免申即享政策清单564项,拨付资金11.8亿元,惠及3191家企业。\n"
    "2.行政执法更规范\n"
    "一是综合行政执法改革实现新发展。交通运输、应急两支综合执法支队正式挂牌成立。\n"
)
B = (
    "某区2021年法治政府建设情况报告\n"
    "一、2021年主要工作情况\n"
    "(一)深入推进政府机构职能转变\n"
    "一是法治化营商环境持续优化。围绕完善企业服务体系等十个重点领域提出76项改革任务。"
    "首部科学城发展促进条例草案启动编制。\n"
    "二是推进政府机构职能优化协同高效。稳妥推进事业单位改革试点工作,改革后共减少事业单位45家。\n"
    "(二)深入推进严格规范公正文明执法\n"
    "一是街道综合行政执法改革顺利落地。全面梳理街道综合行政执法涉及的主体和事项,建立权责清单。\n"
)


def test_gaps_headed_on_one_piece_of_work_meet() -> None:
    a, b = parse_text(A, path="a.txt"), parse_text(B, path="b.txt")
    rows = [
        ([u.heading for u in p.a], [u.heading for u in p.b])
        for p in compare(a, b, [a, b]).pairs
        if p.theme == "functions"
    ]
    assert (["着力打造公平竞争环境", "着力增强市场主体获得感"], ["法治化营商环境持续优化"]) in rows
    assert not any(a_side and not b_side for a_side, b_side in rows)  # no gap said


def test_a_pieces_of_work_are_its_themes_words_but_its_general_name() -> None:
    lexicon = load_lexicon()
    report = parse_text(A, path="a.txt")
    items = {u.heading: u for u in report_units(report, lexicon)}
    theme = lexicon.theme("functions")
    own, with_section = _named_work(items["着力打造公平竞争环境"], report, theme, lexicon)
    assert "营商环境" in with_section and "营商环境" not in own  # its section names it
    enforcement = lexicon.theme("enforcement")
    own, with_section = _named_work(items["行政执法更规范"], report, enforcement, lexicon)
    # 行政执法 is the theme's general name: never a piece of work two units share
    assert not own and not with_section
