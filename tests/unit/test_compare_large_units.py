"""A large stretch of a section's own text (a 政府工作报告's chapter of a thousand characters
and more, one subject after another under run-in heads) is cut into pieces of about a
paragraph, each a unit of its own; the genre's sections stay whole."""

from __future__ import annotations

import random
import time

import pytest

from govread import compare as compare_module
from govread.compare import (
    LARGE_UNIT_CHARS,
    PIECE_MIN_CHARS,
    compare,
    report_units,
)
from govread.parsers.outline import parse_text
from govread.topics import cjk_len

# invented: four pieces of work under run-in heads, each about 200 CJK characters
_DOCUMENTS = (
    "规范性文件管理更加规范。全年审查区政府及部门规范性文件四十二件，提出修改意见一百余条，"
    "规范性文件合法性审查率达到百分之百。开展规范性文件专项清理，废止和宣布失效文件十八件，"
    "修改文件九件，清理结果向社会公布。建立规范性文件备案审查衔接联动机制，实行有件必备、"
    "有备必审、有错必纠，备案审查质量进一步提升，全年报备文件及时率和规范率均居全市前列。"
    "邀请法律顾问和公职律师参与文件起草论证，征求社会公众意见，文件质量明显提高。"
)
_REVIEW = (
    "行政复议体制改革落地见效。集中行使行政复议职责，全年收到行政复议申请二百零五件，"
    "受理一百八十件，审结一百七十件，直接纠错二十一件，纠错率达百分之十二。推行行政复议"
    "听证和调解和解，以调解方式结案四十件，案结事了率明显提高。加强行政应诉工作，"
    "行政机关负责人出庭应诉率达百分之百，行政诉讼败诉率持续下降，行政复议公信力不断增强。"
    "建立行政复议决定履行监督机制，定期通报行政复议案件情况，倒逼依法行政。"
)
_PUBLICITY = (
    "法治宣传教育深入人心。组织开展宪法宣传周、民法典宣传月等主题普法活动二百余场，"
    "落实谁执法谁普法普法责任制，建成法治文化公园两个、法治宣传长廊五条。深化八五普法规划实施，"
    "开展国家工作人员学法考法，参考率和合格率均为百分之百。推进法治乡村建设，"
    "培育农村学法用法示范户三百户，创建民主法治示范社区四个，群众法治意识明显增强。"
    "组建普法讲师团深入社区学校企业开展送法上门活动，覆盖群众十万余人次。"
)
_ECONOMY = (
    "产业发展质量稳步提升。全年新增规模以上工业企业三十家，高新技术企业达到一千二百家，"
    "现代服务业增加值增长百分之七。建成智能制造产业园两个，引进总部企业十五家，"
    "金融业增加值占地区生产总值比重超过三成。出台支持实体经济发展政策十条，"
    "拨付产业扶持资金十二亿元，企业研发投入持续增长，创新动能不断增强，发展后劲更加充足。"
    "推动产业链上下游企业协同发展，打造一批特色产业集群，产业结构持续优化。"
)
_CHAPTER = (
    "一、关于2023年工作\n"
    "（一）坚持依法行政，法治政府建设再上新台阶\n"
    + _DOCUMENTS
    + _REVIEW
    + _PUBLICITY
    + _ECONOMY
    + "\n"
)


def _units(text: str, path: str = "a.txt"):
    return [u for u in report_units(parse_text(text, path=path)) if u.kind == "section"]


def test_run_in_heads_are_short_clauses_of_their_own() -> None:
    head = compare_module._run_in_head
    assert head("营商环境持续优化。")
    assert head("法治政府建设深入推进。")
    assert not head("营商环境持续优化,企业满意度提高。")  # a comma: a sentence, not a head
    assert not head("全年审查文件42件。")  # a figure: a sentence of the work
    assert not head("建立规范性文件备案审查衔接联动机制并全面推行。")  # too long for a head
    assert not head("营商环境持续优化")  # no full stop: not a clause of its own
    assert not head("成效。")  # too short to name a piece of work


def test_a_large_chapter_is_cut_at_its_run_in_heads_into_units_of_one_node() -> None:
    assert cjk_len(_CHAPTER) > LARGE_UNIT_CHARS
    units = _units(_CHAPTER)
    assert [u.heading for u in units] == [
        "规范性文件管理更加规范",
        "行政复议体制改革落地见效",
        "法治宣传教育深入人心",
        "产业发展质量稳步提升",
    ]
    assert {u.node_id for u in units} == {units[0].node_id}  # labels and exports see one node
    assert len({u.key for u in units}) == len(units)
    assert all(cjk_len(u.text) >= PIECE_MIN_CHARS for u in units)
    # nothing lost, nothing twice: the pieces are the section's text in order
    assert "".join(u.text for u in units) == _DOCUMENTS + _REVIEW + _PUBLICITY + _ECONOMY
    # each piece on its own subject: several themes for what was one unit
    assert units[0].covers("rules") and not units[0].covers("disputes")
    assert units[1].covers("disputes")
    assert units[2].covers("publicity")


def test_a_section_of_the_genres_size_stays_whole() -> None:
    text = "一、工作情况\n（一）规范性文件管理\n" + _DOCUMENTS + _REVIEW + "\n"
    assert cjk_len(_DOCUMENTS + _REVIEW) <= LARGE_UNIT_CHARS
    (unit,) = _units(text)
    assert unit.heading == "规范性文件管理"


def test_paragraphs_of_a_large_section_are_cut_apart_without_run_in_heads() -> None:
    plain = [piece.split("。", 1)[1] for piece in (_DOCUMENTS, _REVIEW, _PUBLICITY, _ECONOMY)]
    text = "一、工作情况\n（一）依法行政\n" + "\n".join(plain) + "\n"
    units = _units(text)
    assert len(units) == 4
    assert all(u.heading == "依法行政" for u in units)  # no head of its own: the section's


def test_each_piece_meets_the_other_reports_unit_on_its_work() -> None:
    a = parse_text(_CHAPTER, path="a.txt")
    b = parse_text(
        "一、2023年法治政府建设情况\n"
        "（一）加强行政规范性文件监督管理\n全年审查规范性文件三十件，开展规范性文件清理，"
        "废止文件六件，备案审查做到有件必备、有备必审、有错必纠。\n"
        "（二）发挥行政复议化解行政争议主渠道作用\n全年办理行政复议案件九十件，"
        "纠错十件，推行行政复议调解和解，负责人出庭应诉率百分之百。\n"
        "（三）深入开展法治宣传教育\n组织宪法宣传周、民法典宣传月活动，落实谁执法谁普法责任制，"
        "建设法治文化阵地，培育学法用法示范户。\n",
        path="b.txt",
    )
    pairs = {
        (ua.heading, ub.heading) for pair in compare(a, b).pairs for ua in pair.a for ub in pair.b
    }
    assert ("规范性文件管理更加规范", "加强行政规范性文件监督管理") in pairs
    assert ("行政复议体制改革落地见效", "发挥行政复议化解行政争议主渠道作用") in pairs
    assert ("法治宣传教育深入人心", "深入开展法治宣传教育") in pairs
    # the 产业 piece meets nothing of a 法治 report's
    assert not any(ha == "产业发展质量稳步提升" for ha, _hb in pairs)


@pytest.mark.parametrize("seed", range(12))
def test_pieces_cover_a_stretch_in_order_each_large_enough(seed: int) -> None:
    rng = random.Random(seed)
    clauses = ["工作有序推进。", "营商环境持续优化。", "开展专项检查，发现问题整改到位。"]
    paragraphs = [
        "".join(
            rng.choice(clauses) + "推进依法行政" * rng.randrange(0, 12) + "。" for _ in range(8)
        )
        for _ in range(rng.randrange(1, 6))
    ]
    spans = [(p, 0, len(text)) for p, text in enumerate(paragraphs)]
    pieces = compare_module._pieces(paragraphs, spans)
    flat = [span for piece, _head in pieces for span in piece]
    # in order, no overlap, nothing lost
    joined = "".join(paragraphs[p][s:e] for p, s, e in flat)
    assert joined == "".join(paragraphs)
    total = cjk_len(joined)
    if total <= LARGE_UNIT_CHARS:
        assert len(pieces) == 1
    if len(pieces) > 1:
        sizes = [sum(cjk_len(paragraphs[p][s:e]) for p, s, e in piece) for piece, _head in pieces]
        assert all(size >= PIECE_MIN_CHARS for size in sizes)


def test_cutting_a_long_flat_stretch_takes_linear_time() -> None:
    paragraph = "营商环境持续优化。" + "推进依法行政工作，" * 20_000 + "。"
    started = time.perf_counter()
    pieces = compare_module._pieces([paragraph], [(0, 0, len(paragraph))])
    assert time.perf_counter() - started < 2.0
    assert len(pieces) == 1  # one sentence after its head: nowhere to cut
