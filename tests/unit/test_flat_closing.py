"""A flattened report's closing paragraphs stay its closing, not the last chapter's text.

Line by line, the paragraphs after the last chapter that sum up the year and turn to what
is lacking or to the plans (…虽然取得了一定成绩,但…; 下一步,我区将…) are the report's
closing. Flattened, they run on from the last chapter's body; the parser cuts them off
there, unless the chapter is itself about problems or plans, or the report's chapters each
end on such a plan sentence. Invented text only.
"""

from __future__ import annotations

from govread.parsers import parse_text

TITLE = "某某区人民政府关于2023年度法治政府建设情况的报告"
CHAPTERS = [
    "一、坚持党的领导，统筹推进法治建设。区委常委会专题研究法治政府建设工作四次，"
    "制定年度工作要点并分解任务二十项，各部门主要负责人履行推进法治建设第一责任人职责。",
    "二、深化改革创新，优化法治营商环境。全面推行证明事项告知承诺制，清理规范性文件"
    "三十五件，政务服务事项网上可办率达到百分之九十八，企业开办时间压缩至一个工作日。",
    "三、严格规范执法，提升执法质量效能。一是推进综合行政执法改革，组建执法队伍六支。"
    "二是开展执法案卷评查，评查案卷一百二十件。三是落实行政执法三项制度，公示执法信息。",
]
SUM_UP = (
    "2023年，我区法治政府建设虽然取得了一定成绩，但仍存在一些不足，主要表现在："
    "一是部分干部法治意识有待增强。二是基层执法力量较为薄弱。"
)
PLANS = "下一步，我区将持续深化法治政府建设，不断提升依法行政水平，为高质量发展提供法治保障。"


def _report(chapters: list[str], closing: list[str], *, flat: bool):
    lines = [TITLE, *chapters, *closing, "某某区人民政府", "2024年3月1日"]
    return parse_text(("" if flat else "\n").join(lines))


def _squashed(parts: tuple[str, ...]) -> str:
    return "".join("".join(parts).split())


def test_the_closing_of_a_flattened_report_is_its_closing() -> None:
    lines = _report(CHAPTERS, [SUM_UP, PLANS], flat=False)
    flat = _report(CHAPTERS, [SUM_UP, PLANS], flat=True)
    assert flat.outline() == lines.outline()
    assert list(flat.closing[:2]) == [SUM_UP, PLANS]
    assert _squashed(flat.closing) == _squashed(lines.closing)
    # the closing's 一是… 二是… are not items of the last chapter: its own three are
    assert [item.heading for item in flat.sections[-1].items] == [
        item.heading for item in lines.sections[-1].items
    ]
    assert len(flat.sections[-1].items) == 3


def test_a_closing_that_opens_on_what_must_still_be_seen() -> None:
    aware = "同时也要清醒看到，我区法治政府建设还存在短板和弱项。"
    flat = _report(CHAPTERS, [aware, PLANS], flat=True)
    assert list(flat.closing[:2]) == [aware, PLANS]


def test_a_chapter_about_problems_and_plans_keeps_its_text() -> None:
    last = "四、存在的问题和下一步工作打算。基层力量仍需加强。"
    flat = _report([*CHAPTERS, last], [SUM_UP, PLANS], flat=True)
    assert _squashed(flat.closing) == "某某区人民政府2024年3月1日"
    assert PLANS in "".join(flat.sections[-1].paragraphs)


def test_plans_that_end_every_chapter_stay_in_the_last_one() -> None:
    each = "下一步，将继续巩固工作成果。"
    chapters = [chapter + each for chapter in CHAPTERS]
    flat = _report(chapters, [], flat=True)
    assert _squashed(flat.closing) == "某某区人民政府2024年3月1日"
    assert "".join(flat.sections[-1].paragraphs).endswith(each)


def test_a_sum_up_of_another_year_is_not_the_closing() -> None:
    earlier = "2019年，全区执法工作取得明显成效，但也暴露出一些问题，当年即完成整改。"
    chapters = [*CHAPTERS[:-1], CHAPTERS[-1] + earlier]
    flat = _report(chapters, [], flat=True)
    assert "".join(flat.sections[-1].paragraphs).endswith(earlier)
    assert _squashed(flat.closing) == "某某区人民政府2024年3月1日"
