"""Alignment of two reports by theme, units, the JSON contract and the `govread compare` CLI."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govread import compare as compare_module
from govread.cli import main
from govread.commands.compare import _match
from govread.compare import (
    Comparison,
    Idf,
    Pair,
    Unit,
    _cosine,
    _fit,
    _passage,
    compare,
    report_units,
    to_jsonable,
)
from govread.parsers.outline import parse_text
from govread.topics import load_lexicon


@pytest.fixture(scope="module")
def by_region(samples):
    return {r.region: r for r in samples}


def _pair_with(comparison: Comparison, side: str, node_suffix: str):
    for pair in comparison.pairs:
        units = pair.a if side == "a" else pair.b
        if any(u.node_id.split("/", 1)[1].startswith(node_suffix) for u in units):
            return pair
    raise AssertionError(f"no pair holds {side} {node_suffix}")


def _likeness_table(
    monkeypatch: pytest.MonkeyPatch, table: dict[tuple[str, str], float], *units: Unit
) -> dict[int, dict[str, float]]:
    """Units as alike as `table` says (by key, in either order; 0.0 for a pair it leaves
    out): `_cosine` reads it through each unit's one-word vector, returned by unit as
    `_align_theme` takes them."""

    def cosine(u: Mapping[str, float], v: Mapping[str, float]) -> float:
        (x,), (y,) = u, v
        return table.get((x, y), table.get((y, x), 0.0))

    monkeypatch.setattr(compare_module, "_cosine", cosine)
    return {id(u): {u.key: 1.0} for u in units}


def _assert_b2_apart(
    monkeypatch: pytest.MonkeyPatch,
    apart: Callable[[Unit, Unit], bool],
    a1: Unit,
    a2: Unit,
    b1: Unit,
    b2: Unit,
) -> None:
    """b2 is on a subject of its own that a1 never names (a2 names it once): most like a1 by
    the theme's common words, it joins a1's row without the rule, and is a gap with it."""
    assert apart(b2, a1) and apart(a1, b2)
    assert not apart(b2, a2) and not apart(b1, a1) and not apart(b1, a2)
    table = {("a1", "b1"): 0.3, ("a1", "b2"): 0.2}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2)
    units = ([a1, a2], [b1, b2], by_vector)
    assert compare_module._align_theme(*units) == [([a1], [b1, b2]), ([a2], [])]
    rows = compare_module._align_theme(*units, apart=apart)
    assert rows == [([a1], [b1]), ([a2], []), ([], [b2])]


def test_xianning_and_baoji_put_law_enforcement_together(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    pair = _pair_with(c, "b", "4")  # 宝鸡 四、行政执法能力质效持续增强
    assert pair.theme == "enforcement"
    assert pair.a and all(u.node_id.split("/", 1)[1].startswith("1.3.2") for u in pair.a)
    assert pair.similarity > 0.05 and "行政执法" in pair.shared_keywords


def test_xianning_and_baoji_put_problems_and_next_steps_together(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    problems = [p for p in c.pairs if p.theme == "problems" and not p.is_gap]
    assert len(problems) == 1
    assert [u.node_id.split("/", 1)[1] for u in problems[0].a] == ["2"]  # inside 二、下一步工作安排
    assert "依然存在不足和问题" in problems[0].a[0].text
    # the lead, 一是 (its words alike) and 三是 (执法, 咸宁's subject); 二是 (法治思维的意识)
    # names no subject and no passage of 咸宁's problems answers it: it stays apart
    assert [u.kind for u in problems[0].b] == ["closing"] * 3
    assert problems[0].b[0].text.startswith("2023年,我市在法治政府建设方面")
    assert problems[0].b[-1].text.startswith("三是基层行政执法")
    nexts = [p for p in c.pairs if p.theme == "next_steps" and not p.is_gap]
    assert nexts and nexts[0].b[0].text.startswith("下一步,我市将")
    assert any(u.text.startswith("下一步,我市将") for u in nexts[0].a)


def test_qinhuangdao_and_zhuzhou_put_enforcement_and_closings_together(by_region, samples) -> None:
    c = compare(by_region["秦皇岛市"], by_region["株洲市"], samples)
    # the theme's own rows (not a secondary row: 株洲's 督察 item hosts 5.1, which shares no
    # row with 4#3 on 执法资格 since 执法队伍 is a subject of its own)
    enforcement = [
        p for p in c.pairs if p.theme == "enforcement" and not p.is_gap and not p.secondary
    ]
    a_nodes = {u.node_id.split("/", 1)[1] for p in enforcement for u in p.a}
    b_nodes = {u.node_id.split("/", 1)[1].split("#")[0] for p in enforcement for u in p.b}
    assert a_nodes >= {"5.2", "5.3"} and b_nodes == {"4"}  # 五、提升行政执法质量 ↔ 四、执法
    assert "5" not in a_nodes  # its one-sentence intro frames 5.1–5.3, not a unit of its own
    problems = [p for p in c.pairs if p.theme == "problems" and not p.is_gap]
    nexts = [p for p in c.pairs if p.theme == "next_steps" and not p.is_gap]
    assert len(problems) == len(nexts) == 1
    assert problems[0].a[0].text.startswith("一年来,我市扎实推进依法行政")
    assert problems[0].b[0].text.startswith("2024年,株洲法治政府建设取得了一些新成效")
    assert nexts[0].a[0].text.startswith("2024年,秦皇岛市各级政府将")
    assert nexts[0].b[0].text.startswith("下阶段,我市将")  # split from the same paragraph


def test_gaps_say_whether_the_other_side_is_silent(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    emergencies = c.pairs_for("emergencies")
    assert len(emergencies) == 1 and emergencies[0].is_gap and not emergencies[0].a
    assert emergencies[0].other_has_theme is False  # 咸宁 says nothing on 突发事件应对
    data = to_jsonable(c)
    row = next(p for p in data["pairs"] if p["theme_id"] == "emergencies")
    assert (row["gap"], row["other_has_theme"]) == ("a", False)


def test_every_unit_is_in_exactly_one_row_of_its_own_theme(by_region, samples) -> None:
    c = compare(by_region["泾县"], by_region["秦皇岛市"], samples)

    def in_own_row_besides(unit: Unit, row: Pair) -> bool:
        return any(
            p is not row and unit.theme == p.theme and unit.key in {u.key for u in (*p.a, *p.b)}
            for p in c.pairs
        )

    # a row of second partners (a long section's run meeting a unit of the other report,
    # `_run_partners`) holds units that each have a row of their own theme besides
    second = [
        p for p in c.pairs if p.secondary and all(in_own_row_besides(u, p) for u in (*p.a, *p.b))
    ]
    assert second  # 泾县 1.6's 巡察 sentences meet 秦皇岛's 法治督察 section
    rows = [p for p in c.pairs if not any(p is q for q in second)]
    seen_a = [u.key for p in rows for u in p.a if u.theme == p.theme]
    seen_b = [u.key for p in rows for u in p.b if u.theme == p.theme]
    assert sorted(seen_a) == sorted(u.key for u in c.units_a)
    assert sorted(seen_b) == sorted(u.key for u in c.units_b)
    for pair in c.pairs:  # a unit in a row of another theme covers that theme too, or its
        # passage there (a run of a long section) is what meets the other side
        hosts = {key for key, *_ in pair.passages}
        for unit in (*pair.a, *pair.b):
            assert unit.theme == pair.theme or (
                pair.secondary and (unit.covers(pair.theme) or unit.key in hosts)
            )
    order = list(load_lexicon().order)
    assert [order.index(p.theme) for p in c.pairs] == sorted(order.index(p.theme) for p in c.pairs)


def test_flat_sections_are_compared_by_their_items(by_region) -> None:
    units = report_units(by_region["株洲市"])
    first = [u for u in units if u.node_id.split("/", 1)[1].startswith("2")]
    assert [u.kind for u in first] == ["item"] * 4  # 二、 is all 一是…四是: no empty section unit
    assert {u.theme for u in first} >= {"functions", "publicity", "disputes"}
    signature = [u for u in units if u.kind == "closing" and "人民政府" in u.text]
    assert signature == []


def test_units_point_at_their_text(by_region) -> None:
    for report in by_region.values():
        for unit in report_units(report):
            if unit.kind == "closing":
                paragraphs = report.closing
            else:
                section = report.find(unit.node_id.split("#")[0])
                assert section is not None
                paragraphs = section.paragraphs
            pieces = [paragraphs[p][s:e].strip() for p, s, e in unit.spans]
            assert unit.text == "\n".join(pieces)
            assert (unit.paragraph, unit.start, unit.end) == unit.spans[0]


def test_figures_of_a_unit_are_inside_it(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    mediation = next(u for u in c.units_b if u.node_id.endswith("/6"))
    texts = [f.text for f in c.figures_of(mediation)]
    assert "98.9%" in texts and "95.08%" in texts and "6.66亿元" not in texts


def test_full_width_punctuation_and_unmarked_closing_paragraphs() -> None:
    text = (
        "咸宁市人民政府关于2023年法治政府建设情况的报告\n"
        "一、推进行政执法\n加强行政执法监督\uff0c案卷评查100件\uff0c合格率达98%\u3002\n"
        "我市仍存在一些不足\uff0c行政执法水平有待提升\u3002下一步\uff0c我市将加强执法监督\u3002\n"
    )
    report = parse_text(text, path="a.txt")
    units = report_units(report)
    # the parser leaves these paragraphs in the last section; they are still split off
    assert [u.theme for u in units] == ["enforcement", "problems", "next_steps"]
    assert units[2].text == "下一步\uff0c我市将加强执法监督\u3002"
    epilogue = parse_text(text.replace("我市仍存在", "2023年\uff0c我市仍存在"), path="b.txt")
    assert epilogue.closing  # here the parser finds the closing itself
    closing = [u.theme for u in report_units(epilogue) if u.kind == "closing"]
    assert closing == ["problems", "next_steps"]
    from govread.figures import report_figures

    assert [(f.label, f.text) for f in report_figures(report)] == [
        ("案卷评查", "100件"),
        ("案卷评查合格率", "98%"),
    ]


@pytest.mark.parametrize(
    "annex",
    [
        "附件：《政府工作报告》名词、术语注释\n",  # after the closing words, in the closing
        "三、政府工作报告名词、术语注释\n",  # a chapter of its own
        "名词解释\n",
    ],
)
def test_an_annex_of_terms_gives_no_units(annex: str) -> None:
    # invented: a 政府工作报告's glossary glosses words it used (容缺服务, 四互); its entries
    # report no work, so they are no units to set against the other report's
    text = (
        "某区2019年政府工作报告\n"
        "一、关于2019年工作\n加强行政执法监督,案卷评查100件,合格率达98%。\n"
        "二、关于2020年工作\n2020年,我们将深化放管服改革,优化营商环境。\n"
        + annex
        + "1.容缺服务：企业和群众办事出现非关键性材料欠缺的情况时,可先行受理,审批照常进行。\n"
        "2.跨部门执法“四互”工作机制：指执法信息互换、监管互认、人力互动、执法互助。\n"
    )
    units = report_units(parse_text(text, path="a.txt"))
    assert [u.theme for u in units][:2] == ["enforcement", "next_steps"]
    assert not any("容缺" in u.text or "四互" in u.text for u in units)
    assert compare_module._is_glossary_title("附件：《政府工作报告》名词、术语注释")
    assert not compare_module._is_glossary_title("加强名词解释工作,规范术语注释。")


# invented: a 政府工作报告's review chapter ends, after its last section, with the year's
# problems (在看到成绩的同时…主要表现在：一是…二是…) before the plans chapter
REVIEW_SUMMED_UP = (
    "某区2019年政府工作报告\n一、关于2019年工作\n（一）推进行政执法\n"
    "加强行政执法监督,案卷评查100件,合格率达98%。\n（二）建设法治政府\n"
    "完成规范性文件审查20件,备案率100%。\n"
    "在看到成绩的同时,我们也清醒认识到,我区还面临不少困难和挑战,主要表现在："
    "一是行政执法规范化水平还需提升;二是法治宣传教育的针对性还不强。\n"
    "二、关于2020年工作\n2020年,我们将深化放管服改革,优化营商环境。\n"
)
# its units: the summing-up and its items are problems, after the chapter's sections
SUMMED_UP_UNITS = [
    ("1.1", "enforcement"),
    ("1.2", "rules"),
    ("1", "problems"),
    ("1#1", "problems"),
    ("1#2", "problems"),
    ("2", "next_steps"),
]


def test_the_review_ends_with_its_problems_before_the_plans_chapter() -> None:
    # the paragraph and its items are the chapter's (the parser's `after_children`) and
    # problems, not 规范性文件 work, as the chapter's last section's would be
    text = REVIEW_SUMMED_UP
    units = report_units(parse_text(text, path="a.txt"))
    assert [(u.key.split("/")[1], u.theme) for u in units] == SUMMED_UP_UNITS
    # before a chapter of achievements the chapter's summing-up is still its problems (the
    # parser placed it by its own words), but a section in the middle of the report is read
    # whole (only the last section before plans, or of the report, ends a review)
    text = text.replace(
        "二、关于2020年工作\n2020年,我们将深化放管服改革,优化营商环境。",
        "二、推进法治社会建设\n组织普法活动120场,覆盖群众3万人次。",
    )
    middle = report_units(parse_text(text, path="b.txt"))
    assert [(u.key.split("/")[1], u.theme) for u in middle][:3] == [
        ("1.1", "enforcement"),
        ("1.2", "rules"),
        ("1", "problems"),
    ]
    text = text.replace("在看到成绩的同时,我们也清醒认识到,我区还面临", "同时,我区还面临")
    middle = report_units(parse_text(text, path="c.txt"))
    assert [u.key.split("/")[1] for u in middle][:2] == ["1.1", "1.2"]
    assert "problems" not in {u.theme for u in middle}


def test_a_one_line_intro_folds_as_before_when_the_part_also_sums_up() -> None:
    # invented: a chapter's one-sentence intro frames its sections (no unit of its own),
    # whatever its summing-up after them; the summing-up is still its problems
    intro = "坚持把法治政府建设摆在全局工作的重要位置。\n"
    text = REVIEW_SUMMED_UP.replace("一、关于2019年工作\n", "一、关于2019年工作\n" + intro)
    units = report_units(parse_text(text, path="a.txt"))
    assert [(u.key.split("/")[1], u.theme) for u in units] == SUMMED_UP_UNITS
    assert not any("摆在全局工作" in u.text for u in units)


def test_a_report_compared_with_itself_pairs_every_unit(by_region) -> None:
    report = by_region["宝鸡市"]
    c = compare(report, report)
    assert not any(p.is_gap for p in c.pairs)
    assert all(p.similarity == pytest.approx(1.0) for p in c.pairs)
    assert all(not p.only_a and not p.only_b for p in c.pairs)


def test_json_contract(by_region, samples) -> None:
    from govread.cli import report_header

    data = to_jsonable(compare(by_region["咸宁市"], by_region["宝鸡市"], samples), report_header)
    assert data["a"] == report_header(by_region["咸宁市"])
    assert data["b"]["region"] == "宝鸡市"
    for pair in data["pairs"]:
        assert {"theme", "a", "b", "similarity", "shared_keywords", "only_a", "only_b"} <= set(pair)
        assert all({"number", "heading"} <= set(u) for u in pair["a"] + pair["b"])
        assert 0.0 <= pair["similarity"] <= 1.0
    assert {"label": "调解成功率", "a": "96%", "b": "98.9%"}.items() <= next(
        f for f in data["figures"] if f["label"] == "调解成功率"
    ).items()
    json.dumps(data, ensure_ascii=False)


def test_json_gap_rows_carry_no_keywords_as_every_other_format(by_region, samples) -> None:
    """QA: a gap row (one side silent) has no keywords in toml, csv, jsonl, the text table and
    the compare screen (README: "a gap … has no similarity and no keywords"); the json alone
    listed the present side's words as `only_a` / `only_b`."""
    data = to_jsonable(compare(by_region["咸宁市"], by_region["宝鸡市"], samples))
    gaps = [pair for pair in data["pairs"] if pair["gap"]]
    assert gaps
    for pair in gaps:
        assert pair["shared_keywords"] == pair["only_a"] == pair["only_b"] == []


def test_cli_json(capsys) -> None:
    assert main(["compare", "咸宁", "宝鸡", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"]["region"], data["b"]["region"]) == ("咸宁市", "宝鸡市")
    assert any(p["theme"] == "行政执法" and p["a"] and p["b"] for p in data["pairs"])


def _invented_report(folder, name: str, body: str):
    path = folder / name
    path.write_text(
        f"某县2022年法治政府建设情况报告\n一、{body}\n推进依法行政，完善行政执法程序。\n"
        "二、下一步工作\n继续加强行政复议工作。\n",
        "utf-8",
    )
    return path


def test_the_same_report_named_twice_is_said_on_stderr_and_compared(tmp_path, capsys) -> None:
    """QA: `govread compare X X` ran without a word. The same file (named twice, or by two
    paths), or the same text in another file, is said once per repeat; the comparison goes
    on (exit 0), as the report beside itself."""
    one = _invented_report(tmp_path, "one.txt", "规范行政执法行为")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(one.read_bytes())
    other = _invented_report(tmp_path, "other.txt", "深化行政审批改革")
    alias = f"{tmp_path}/./one.txt"
    assert main(["--lang", "en", "compare", str(one), alias, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["a"]["path"] == str(one)
    assert captured.err.count("govread: warning:") == 1
    assert f"{one} and {alias} are the same file" in captured.err
    assert (
        main(["--lang", "zh", "compare", str(one), str(other), str(copy), "--format", "json"]) == 0
    )
    err = capsys.readouterr().err
    assert err.count("警告") == 1 and f"{one} 与 {copy} 的正文相同" in err
    assert main(["compare", str(one), str(other), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_cli_text_is_plain_with_no_color(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "110")
    assert main(["--lang", "zh", "compare", "咸宁市2023", "宝鸡"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "行政执法" in out and "数字对照" in out and "主题 · 相似度" in out
    assert max(len(line) for line in out.splitlines()) <= 110


def test_a_keyword_list_is_cut_at_its_end_never_mid_list(
    by_region, samples, capsys, monkeypatch
) -> None:
    """QA: "shared: 学习 · 法治政府建设 · 法治政府 … 市委 · 市政府" cut the cell's line mid-list
    while the keywords left out were the last ones."""
    from govread.commands.compare import _keywords

    assert _keywords(["a", "b", "c"]) == "a · b · c"
    assert _keywords([str(i) for i in range(8)]) == "0 · 1 · 2 · 3 · 4 …"
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["--lang", "en", "compare", "咸宁", "宝鸡"]) == 0
    from rich.cells import cell_len

    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if "Topic · similarity" in line)
    start = cell_len(header[: header.index("Topic")])
    end = cell_len(header[: header.index("B 宝鸡市")])

    def middle(line: str) -> str:  # the topic column's part of a line, by terminal cells
        at, kept = 0, []
        for char in line:
            if start <= at < end:
                kept.append(char)
            at += cell_len(char)
        return "".join(kept)

    flat = "".join("".join(middle(line) for line in lines).split())  # the column, unwrapped
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    long = [p.shared_keywords for p in c.pairs if len(p.shared_keywords) > 5]
    assert long
    for words in long:  # each list whole up to its fifth keyword, "…" after it
        assert "·".join(words[:5]) + "…" in flat, words


def test_cli_and_browser_share_one_compare_vocabulary(capsys, monkeypatch) -> None:
    """The same words as the browser's compare screen (govread.compare_words), in English."""
    monkeypatch.setenv("COLUMNS", "110")
    assert main(["--lang", "en", "compare", "咸宁市2023", "宝鸡"]) == 0
    out = capsys.readouterr().out
    assert "Figures side by side" in out and "Topic · similarity" in out
    assert "only A:" in out or "only B:" in out
    assert "数字对照" not in out


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["compare", "咸宁"], 2, "usage"),  # argparse: B missing
        (["compare", "上海", "宝鸡"], 2, "上海: no report of that name; available: 咸宁市 2023"),
        (["compare", "市", "宝鸡"], 2, "市: 4 reports match: 咸宁市 2023 ("),
        (["compare", "咸宁", "/no/such/report.txt"], 1, "/no/such/report.txt: no such file"),
        (["compare", "咸宁", "宝鸡", "--corpus", "/no/such/dir"], 1, "not a folder"),
    ],
)
def test_cli_errors_are_one_line(argv, code, message, capsys) -> None:
    try:
        got = main(argv)
    except SystemExit as exit_:  # argparse's own usage errors
        got = exit_.code
    assert got == code
    err = capsys.readouterr().err
    assert message in err
    if code == 1 or "available" in message:
        assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_paths_and_corpus(tmp_path, capsys) -> None:
    from govread.corpus import sample_paths

    paths = sample_paths()
    (tmp_path / "a.txt").write_bytes(paths[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(paths[4].read_bytes())
    assert (
        main(
            [
                "compare",
                str(tmp_path / "a.txt"),
                "宝鸡",
                "--corpus",
                str(tmp_path),
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["a"]["region"] == "咸宁市" and data["b"]["region"] == "宝鸡市"
    assert main(["compare", "泾县", "宝鸡", "--corpus", str(tmp_path)]) == 2  # not in that corpus


def test_report_text_is_never_markup(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    from govread.commands.compare import _print_text

    a = parse_text("一、行政执法[bold]规范[/]\n加强行政执法监督,案卷评查100件。\n", path="a.txt")
    b = parse_text("一、行政执法[/]\n加强行政执法监督,案卷评查20件。\n", path="b.txt")
    _print_text(compare(a, b))
    out = capsys.readouterr().out
    assert "行政执法[bold]规范[/]" in out and "行政执法[/]" in out


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "一、行政执法",
                "二、下一步工作安排",
                "(一)调解",
                "1.普法",
                "存在的问题",
                "一是加强监督。二是完善制度。",
                "下一步,我市将继续推进。",
                "[bold]",
                "2023年",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, _LINES)
def test_compare_never_raises_on_reports_parsed_from_arbitrary_text(left, right) -> None:
    a = parse_text("\n".join(left), path="a.txt")
    b = parse_text("\n".join(right), path="b.txt")
    c = compare(a, b)
    assert all(0.0 <= p.similarity <= 1.0 + 1e-9 for p in c.pairs)
    to_jsonable(c)


def test_a_chapter_is_matched_on_its_secondary_themes_too(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    baoji_one = next(u for u in c.units_b if u.node_id.endswith("/1"))
    assert baoji_one.theme == "leadership" and baoji_one.covers("publicity")
    assert [t for t, _ in baoji_one.themes][:1] == ["leadership"]
    assert abs(sum(w for _, w in baoji_one.themes) - 1.0) < 0.01
    publicity = [p for p in c.pairs_for("publicity") if any("普法" in u.heading for u in p.a)]
    assert publicity and all(baoji_one in p.b and p.secondary for p in publicity)


def test_silence_is_claimed_only_when_no_text_covers_the_theme(by_region, samples) -> None:
    # 宝鸡 §三 and its closing set out 重大行政决策程序; §一 covers 普法 (宪法宣传周, 八五普法)
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    for theme in ("decisions", "publicity"):
        for pair in c.pairs_for(theme):
            assert pair.b or pair.other_has_theme, theme
    decisions = [p for p in c.pairs_for("decisions") if not p.b]
    assert all(p.covered_by or p.other_has_theme for p in decisions)
    # 泾县 §六 (以法治巡察为依托,羁束权力,强化监督) is on 权力制约监督
    d = compare(by_region["秦皇岛市"], by_region["泾县"], samples)
    assert all(p.b or p.other_has_theme for p in d.pairs_for("oversight"))
    # and a real silence stays one: 咸宁 says nothing on 突发事件应对
    emergencies = c.pairs_for("emergencies")
    assert emergencies and not any(p.a or p.other_has_theme for p in emergencies)


def test_keywords_are_dictionary_words_never_across_a_number(by_region, samples) -> None:
    fragments = {"上作", "余条", "年区", "名刑释", "名社"}
    for a, b in (("咸宁市", "宝鸡市"), ("秦皇岛市", "株洲市"), ("泾县", "咸宁市")):
        c = compare(by_region[a], by_region[b], samples)
        for unit in (*c.units_a, *c.units_b):
            assert not fragments & set(unit.terms), unit.number
            for term in unit.terms:
                assert not any(ch.isdigit() for ch in term)


def test_closing_plans_are_split_one_by_one_and_paired_by_subject(by_region, samples) -> None:
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    plans_b = [u for u in c.units_b if u.kind == "closing" and u.theme == "next_steps"]
    assert [u.text[:2] for u in plans_b[1:]] == ["一是", "二是", "三是", "四是", "五是"]
    enforcement_plan = next(
        p for p in c.pairs_for("next_steps") if any("执法" in u.heading for u in p.a)
    )
    assert any(u.text.startswith("三是强化行政执法协调监督") for u in enforcement_plan.b)
    # a plan no plan of the other side meets is set against its achievements on the subject
    business = next(
        p for p in c.pairs_for("next_steps") if any("营商环境" in u.heading for u in p.a)
    )
    assert not business.b and business.nearest is not None
    assert business.nearest.theme == "functions"


def test_no_silence_on_the_catch_all_nor_on_problems_said_in_passing(by_region) -> None:
    from govread.parsers.outline import parse_text

    text = (
        "一、积极统筹部署和指导监督\n制定法治政府建设工作方案,召开推进会。\n"
        "二、依法接受群众监督\n公布投诉电话,依法接受社会公众执法监督。\n"
        "三、其他工作\n全年经济发展仍存在许多不足和短板,需要持续用力解决。\n"
    )
    small = parse_text(text, path="small.txt")
    c = compare(by_region["秦皇岛市"], small)
    silent = {p.theme for p in c.pairs if p.a and not p.b and not p.other_has_theme}
    assert "problems" not in silent  # 存在许多不足和短板, though in no 存在问题 section
    assert "leadership" not in silent  # 统筹部署
    assert "oversight" not in silent  # 接受群众监督
    assert "emergencies" not in silent or not any("应急" in u.text for u in c.units_b)


def test_a_one_sentence_chapter_intro_is_folded_into_its_section() -> None:
    text = "\n".join(
        [
            "某市2023年法治政府建设情况报告",
            "一、严格规范公正文明执法",
            "坚持把严格规范公正文明执法贯穿行政执法全过程。",
            "(一)深化综合行政执法改革。整合执法队伍,推进乡镇综合执法,下放执法事项。",
            "(二)全面推行行政执法三项制度。落实行政执法公示、全过程记录和法制审核制度。",
            "二、推进政务公开",
            "全面推进政务公开标准化规范化。主动公开政府信息,办理依申请公开。"
            "完善政府网站和政务新媒体管理,加强政策解读。",
            "(一)加强政策解读。围绕重点政策开展解读。",
        ]
    )
    report = parse_text(text, path="a.txt")
    units = report_units(report)
    chapters = {s.heading: s.id for s in report.sections}
    own = {u.node_id for u in units if u.kind == "section"}
    # 一、's intro is one sentence: no unit of its own, its items carry the chapter
    assert chapters["严格规范公正文明执法"] not in own
    assert any(u.node_id.startswith(chapters["严格规范公正文明执法"] + ".") for u in units)
    # 二、's opening says several things: it stays a unit
    assert chapters["推进政务公开"] in own


def test_a_name_matching_many_reports_is_answered_short_and_each_told_apart() -> None:
    """1,000 stored reports, 30 of one place: a short error with the first ten, each with its
    file's name, "… N more", and how to be precise (QA: one 20 KB line of identical labels)."""
    from govread.commands.compare import _named, _UsageError
    from govread.store import ReportRow

    def row(i: int, region: str, year: int, path: str) -> ReportRow:
        return ReportRow(i, path, f"{i:064x}", f"r{i}", region, year, f"{region} {year}")

    rows = [row(i, f"某{i}县", 2020, f"/c/{i:05}.txt") for i in range(970)]
    rows += [row(970 + i, "江顺区", 2019 + i % 5, f"/c/j{i:02}.txt") for i in range(30)]
    with pytest.raises(_UsageError) as raised:
        _named("江顺区", rows)
    message = str(raised.value)
    assert len(message) < 600 and "\n" not in message
    assert message.startswith(
        "江顺区: 30 reports match: 江顺区 2019 (j00.txt), 江顺区 2019 (j05.txt)"
    )
    assert message.count(".txt)") == 10 and "… 20 more" in message
    assert "by its file's path, or by place and year (like 江顺区 2019)" in message
    # place and year still ambiguous: the path is the way, and two same file names show it
    rows[971] = row(971, "江顺区", 2019, "/d/j00.txt")
    with pytest.raises(_UsageError) as raised:
        _named("江顺区 2019", rows)
    message = str(raised.value)
    assert "/c/j00.txt" in message and "/d/j00.txt" in message and "(j05.txt)" in message
    assert message.endswith("; name one by its file's path")
    # the same text in two files is one report, not a choice
    same = [row(1, "江顺区", 2019, "/a.txt"), row(1, "江顺区", 2019, "/b.txt")]
    assert _named("江顺区", same) is same[0]
    # no match: the places available, each once, the first ten
    with pytest.raises(_UsageError) as raised:
        _named("上海", rows)
    message = str(raised.value)
    assert message.count("某") == 10 and "more" in message and len(message) < 400


def test_a_report_is_named_by_place_and_year_in_any_form_and_in_linear_time(samples) -> None:
    xianning = [r for r in samples if r.region == "咸宁市"]
    for name in ("咸宁 2023", "咸宁:2023", "咸宁 ： 2023年", "咸宁市2023", "咸宁"):
        assert _match(name, samples) == xianning, name
    assert _match("咸宁 2022", samples) == []
    # a name of 100,000 spaces between two words is answered at once, not quadratically
    started = time.thread_time()
    assert _match("咸宁" + " " * 100_000 + "x2023", samples) == []
    assert time.thread_time() - started < 0.5


def test_a_year_typed_as_a_word_of_its_own_joins_the_name_before_it(
    tmp_path, monkeypatch, capsys
) -> None:
    """`govread compare 某县 2021 某县 2022` is two reports, not four names (the README's
    `咸宁 2023` typed without quotes); a year first, or a file that exists, stays a name."""
    from govread.commands.compare import _joined_names

    assert _joined_names(["某县", "2021", "某县", "2022年", "某市"]) == [
        "某县 2021",
        "某县 2022年",
        "某市",
    ]
    assert _joined_names(["2021", "某县"]) == ["2021", "某县"]
    assert _joined_names(["某县", "20211"]) == ["某县", "20211"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2021").write_text("x", "utf-8")
    (tmp_path / "a.txt").write_text("x", "utf-8")
    assert _joined_names(["某县", "2021"]) == ["某县", "2021"]
    assert _joined_names(["a.txt", "2022"]) == ["a.txt", "2022"]
    # one report named: a usage error before anything is loaded
    assert main(["--lang", "en", "compare", "某县", "2022"]) == 2
    assert "某县 2022: one report; compare needs two or more" in capsys.readouterr().err
    assert main(["compare", "咸宁", "2023", "宝鸡", "2023", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["a"]["region"], document["b"]["region"]) == ("咸宁市", "宝鸡市")


def test_plans_and_problems_meet_only_on_one_subject(by_region, samples) -> None:
    from govread.compare import _same_subject

    # 咸宁's plan on 严格规范公正文明执法 once shared a row with 宝鸡's 二是全面提升依法决策水平
    c = compare(by_region["咸宁市"], by_region["宝鸡市"], samples)
    enforcement_plan = next(
        p for p in c.pairs_for("next_steps") if any("执法" in u.heading for u in p.a)
    )
    assert not any(u.text.startswith("二是全面提升依法决策水平") for u in enforcement_plan.b)
    for a, b in (("咸宁市", "宝鸡市"), ("泾县", "宝鸡市"), ("株洲市", "咸宁市")):
        c = compare(by_region[a], by_region[b], samples)
        for theme in ("problems", "next_steps"):
            for pair in c.pairs_for(theme):
                for x in pair.a:
                    for y in pair.b:
                        assert _same_subject(x, y), (a, b, x.heading, y.heading)


def test_a_secondary_row_names_the_passage_of_the_chapter_that_answers(samples) -> None:
    by_file = {r.path.split("/")[-1][:3]: r for r in samples}
    c = compare(by_file["001"], by_file["000"], samples)
    rows = [p for p in c.pairs if p.secondary]
    assert rows
    for pair in rows:
        # a host is the long unit of either side (泾县 §一.1 meets 咸宁 1.1.1 by a passage of 1.1.1)
        hosts = {u.key: u for u in (*pair.a, *pair.b)}
        assert pair.passages and {key for key, *_ in pair.passages} <= set(hosts)
        for key, paragraph, start, end in pair.passages:
            assert any(p == paragraph and s <= start < end <= e for p, s, e in hosts[key].spans)
    # 泾县 §(五) (矛盾纠纷, 法律援助, 扫黑除恶 …) meets 咸宁's 法律援助 item (labelled 普法
    # there) by its 法律援助 sentence, not by its 调解 or 扫黑除恶 ones
    aid = next(p for p in c.pairs_for("publicity") if any("法律援助" in u.text for u in p.b))
    assert [u.node_id.split("/", 1)[1] for u in aid.a] == ["1.5"]
    ((key, paragraph, start, end),) = aid.passages
    section = by_file["001"].find(aid.a[0].node_id)
    assert section and section.paragraphs[paragraph][start:end].startswith("全年共受理法律援助案")
    assert all(not p.passages for p in c.pairs if not p.secondary)  # only secondary rows
    rows_json = to_jsonable(c)["pairs"]
    assert isinstance(rows_json, list)
    texts = [q["text"] for p in rows_json for q in p["passages"]]
    assert any(t.startswith("全年共受理法律援助案474件") for t in texts)


def test_a_secondary_theme_row_meets_each_small_unit_with_the_chapter_that_answers_it(
    samples,
) -> None:
    # 泾县 §(四) and §(五) both touch 普法: each of 咸宁's short 普法 items meets at most one
    # of them (the one with a passage like it), never both: no lump of 2 chapters × 5 items
    by_file = {r.path.split("/")[-1][:3]: r for r in samples}
    c = compare(by_file["001"], by_file["000"], samples)
    rows = [p for p in c.pairs_for("publicity") if p.secondary]
    assert len(rows) >= 2 and all(len(p.a) == 1 and p.a[0].theme != "publicity" for p in rows)
    met = [u.key for p in rows for u in p.b]
    assert len(met) == len(set(met))
    placed = {u.key for p in c.pairs_for("publicity") for u in p.b}
    assert placed == {u.key for u in c.units_b if u.theme == "publicity"}  # none lost
    assert all(p.other_has_theme and p.covered_by for p in c.pairs_for("publicity") if p.is_gap)
    # a large unit meets as many small hosts as its length holds: 宝鸡 八 (数字政府) meets
    # both of 秦皇岛's items on online services and credit data
    c = compare(by_file["004"], by_file["003"], samples)
    (digital,) = [p for p in c.pairs_for("digital") if p.secondary]
    assert len(digital.b) == 2


def test_a_small_unit_is_judged_against_the_passage_of_a_chapter_not_the_whole() -> None:
    # invented: a chapter of five subjects, one sentence of which speaks of what an item
    # does; the whole chapter's cosine is diluted, its passage's is not
    chapter = parse_text(
        "一、综合工作\n"
        "全年召开常务会议12次,研究部署经济社会发展重点任务。"
        "开展安全生产大检查,排查整治隐患问题300处。"
        "举办人民调解员培训班,调解矛盾纠纷800件。"
        "推进乡村振兴示范村建设,新建农村公路50公里。"
        "完成城区老旧小区改造20个,惠及居民3000户。\n",
        path="a.txt",
    )
    item = parse_text(
        "一、矛盾化解\n举办人民调解员培训班,提升人民调解员调解矛盾纠纷的能力。\n", path="b.txt"
    )
    (large,), (small,) = report_units(chapter), report_units(item)
    idf = Idf(u.terms for u in (large, small))
    vectors = {large.key: idf.vector(large.terms), small.key: idf.vector(small.terms)}
    reports = {large.key: chapter, small.key: item}
    fit = _fit(small, large, lambda u: reports[u.key], lambda u: vectors[u.key], idf)
    whole = _cosine(vectors[small.key], vectors[large.key])
    assert fit > 1.5 * whole > 0
    assert fit == _fit(large, small, lambda u: reports[u.key], lambda u: vectors[u.key], idf)
    passage = _passage(chapter, large, vectors[small.key], idf)  # one sentence
    assert passage
    _, paragraph, start, end = passage
    section = chapter.find(large.node_id)
    assert section and section.paragraphs[paragraph][start:end].startswith("举办人民调解员培训班")


def test_the_closing_is_named_in_the_interface_language_apart_from_its_text() -> None:
    """QA: 结尾 in the English UI, and "结尾2023年…" run into the heading."""
    from govread.compare import Unit
    from govread.compare_words import covered_by_list
    from govread.i18n import set_language

    closing = Unit("k", "abc/closing", "closing", "结尾", "下一步工作", "下一步工作。", "other")
    item = Unit("i", "abc/1#1", "item", "一、(一)", "加强立法", "加强立法。", "other")
    assert closing.number == "结尾"  # as stored and exported
    assert closing.shown_number == "Closing " and item.shown_number == "一、(一)"
    assert covered_by_list([closing, item], width=40) == "Closing 下一步工作, 一、(一)加强立法"
    set_language("zh")
    try:
        assert closing.shown_number == "结尾 "
    finally:
        set_language("en")


# --- rows claim that each unit is like its counterpart (issue 14, item 2) ---------------

_DISPUTES_ITEMS = parse_text(
    "一、化解矛盾纠纷\n"
    "一是行政复议规范高效。成立行政复议中心,全年受理行政复议申请60件,纠错8件。"
    "二是人民调解扎实开展。村居调解委员会调处邻里纠纷500件,调解成功率98%。"
    "三是劳动争议仲裁提速。劳动人事争议仲裁院受理案件200件,平均结案天数缩短到30天。\n",
    path="items.txt",
)


def _rows(comparison: Comparison, theme: str) -> list[tuple[list[str], list[str]]]:
    def ids(units) -> list[str]:
        return [u.node_id.split("/", 1)[1] for u in units]

    return [(ids(p.a), ids(p.b)) for p in comparison.pairs_for(theme)]


def test_the_themes_only_row_takes_units_like_none_only_when_the_other_side_has_one() -> None:
    # invented: three items on disputes against two sections, only the 复议 ones alike. The
    # 调解 item is like nothing of B and B's 应诉 section like nothing of A: neither joins
    # the 复议 pair's row (it would claim 调解 ~ 应诉) just because that row came first
    sections = parse_text(
        "一、行政复议\n全年办理行政复议申请90件,行政复议纠错12件,复议中心窗口规范受理。\n"
        "二、行政应诉\n办理以政府为被告的行政诉讼案件40件,负责人出庭应诉率100%。\n",
        path="sections.txt",
    )
    rows = _rows(compare(_DISPUTES_ITEMS, sections), "disputes")
    assert (["1#1"], ["1"]) in rows
    assert (["1#2"], []) in rows and ([], ["2"]) in rows
    # one chapter holding all B says on the theme: every item of A on it meets that chapter
    chapter = parse_text(
        "一、行政复议与调解\n全年办理行政复议申请90件,行政复议纠错12件;"
        "人民调解组织调处纠纷300件。\n",
        path="chapter.txt",
    )
    assert _rows(compare(_DISPUTES_ITEMS, chapter), "disputes") == [(["1#1", "1#2"], ["1"])]


def test_the_genres_synonyms_give_a_shared_word() -> None:
    # 出庭应诉 and 行政应诉 are both 应诉, which no dictionary has as a word; a section on
    # 依法决策 reports what another calls the procedure of 重大行政决策 (`Lexicon.synonyms`)
    assert "应诉" in compare_module._tokenize("行政机关负责人出庭应诉率达到100%")
    assert "应诉" in compare_module._tokenize("健全行政应诉工作机制")
    assert "依法决策" in compare_module._tokenize("严格落实重大行政决策程序")
    assert "依法决策" not in compare_module._tokenize("开展行政执法案卷评查")


def test_one_piece_of_work_in_the_genres_other_words_is_a_shared_word() -> None:
    # the genre names one piece of work in several words: 法律援助 is 公共法律服务; 委托赋权,
    # 下放 and 综合执法 are 执法下沉; 专题讲座 and 学法 are 学法; 诚信 is 信用
    tokens = compare_module._tokenize
    assert "公共法律服务" in tokens("全年受理法律援助案件474件")
    assert "执法下沉" in tokens("通过委托赋权方式下放乡镇行政执法权限")
    assert "执法下沉" in tokens("推进乡镇街道综合执法")
    assert "学法" in tokens("举办领导干部法治专题讲座3次")
    assert "信用" in tokens("扎实推进诚信建设")
    assert "免罚" in tokens("公布首次轻微违法行为不予处罚清单")
    assert "合法性审查" in tokens("重大行政执法决定法制审核")
    assert not {"公共法律服务", "执法下沉", "学法"} & set(tokens("开展行政执法案卷评查"))
    # invented: A's 法律援助 item meets B's 公共法律服务 section, which shares no other word
    a = parse_text(
        "一、严格规范执法\n一是继续通过委托赋权方式下放乡镇迫切需要的行政执法权限。"
        "二是全年受理法律援助案件474件,值班律师提供法律帮助137件。\n",
        path="a.txt",
    )
    b = parse_text(
        "一、深化执法体制改革\n推进乡镇街道综合执法,对承接能力进行系统评估。\n"
        "二、公共法律服务\n建成村居公共法律服务工作室120个。\n",
        path="b.txt",
    )
    comparison = compare(a, b)
    assert _rows(comparison, "publicity") == [(["1#2"], ["2"])]
    assert comparison.pairs_for("publicity")[0].shared_keywords == ("公共法律服务",)
    assert "执法下沉" in comparison.pairs_for("enforcement")[0].shared_keywords


def test_an_item_on_court_appearances_meets_a_section_on_administrative_litigation() -> None:
    # invented: A's 出庭应诉 item and B's 行政应诉 section share no dictionary word; the
    # genre's synonym 应诉 pairs them, beside the 复议 pair
    a = parse_text(
        "一、化解行政争议\n一是行政复议规范办理,全年受理行政复议申请80件,纠错15件。"
        "二是行政机关负责人出庭应诉率达到100%,败诉原因逐一剖析。\n",
        path="a.txt",
    )
    b = parse_text(
        "一、行政复议\n全年办理行政复议申请90件,复议中心窗口规范受理。\n"
        "二、行政应诉\n健全行政应诉工作机制,行政诉讼庭前会商。\n",
        path="b.txt",
    )
    comparison = compare(a, b)
    assert _rows(comparison, "disputes") == [(["1#1"], ["1"]), (["1#2"], ["2"])]
    assert comparison.pairs_for("disputes")[1].shared_keywords == ("应诉",)
    # a 重大行政决策 section and a 依法决策 section, no other word in common
    c = parse_text(
        "一、科学决策\n一是严格落实重大行政决策程序,公布决策事项目录,听证2场。\n", path="c.txt"
    )
    d = parse_text(
        "一、推进政府依法决策\n政府常务会议题合法性审核全覆盖,出具意见300条。\n", path="d.txt"
    )
    assert _rows(compare(c, d), "decisions") == [(["1"], ["1"])]


def _units(side: str, count: int) -> list[Unit]:
    return [
        Unit(f"{side}{i}", f"{side}/{i}", "section", "", "", "调解矛盾纠纷", "disputes", order=i)
        for i in range(1, count + 1)
    ]


def test_a_pair_is_the_first_choice_of_one_of_its_units(monkeypatch) -> None:
    # a1 ~ b1 and a3 ~ b3 pair; a2 is most like b1 and b2 most like a3: a2 ~ b2 (0.06, above
    # the pair bar) is a second choice of both, so each joins its first choice's row instead
    a1, a2, a3 = _units("a", 3)
    b1, b2, b3 = _units("b", 3)
    table = {("a1", "b1"): 0.9, ("a2", "b1"): 0.5, ("a2", "b2"): 0.06}
    table |= {("a3", "b2"): 0.08, ("a3", "b3"): 0.7}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, a3, b1, b2, b3)
    rows = compare_module._align_theme([a1, a2, a3], [b1, b2, b3], by_vector)
    assert rows == [([a1, a2], [b1]), ([a3], [b2, b3])]


def test_one_host_meets_only_the_units_its_passages_answer() -> None:
    # a gap of two units the other side covers in one chapter as a secondary subject: the
    # unit the chapter answers meets it, the other stays a gap (no claim that it is alike)
    g1, g2 = _units("a", 2)
    (host,) = _units("b", 1)
    alike = {("a1", "b1"): 0.3}

    def fit(x: Unit, y: Unit) -> float:
        return alike.get((x.key, y.key), 0.0)

    assert compare_module._host_rows([g1, g2], [host], fit) == [([g1], [host])]
    assert compare_module._host_rows([g2], [host], fit) == []


def _listed_items(side: str, section: str, count: int, named: bool = True) -> list[Unit]:
    """Items 一是… of one section (node ids `side/section#n`), on 普法 by their own words
    (`named`) or by their section's heading alone."""
    themes = (("publicity", 1.0),) if named else ()
    return [
        Unit(
            f"{side}{section}{i}",
            f"{side}/{section}#{i}",
            "item",
            "",
            "",
            "普法",
            "publicity",
            order=i,
            themes=themes,
        )
        for i in range(1, count + 1)
    ]


def test_items_of_one_section_meet_the_other_sides_one_unit_on_the_theme(monkeypatch) -> None:
    # invented: A lists four 普法 items under one heading (责任清单, 重点对象, 宣传, 法律明白人)
    # and one 普法 item elsewhere; B's one 普法 unit is like the first item only. The other
    # items of that section join its row though they share no word with it (parts of one
    # piece of work that B answers as a whole); the item of another section, and one on the
    # theme by its heading alone, stay gaps
    s1, s2, s3 = _listed_items("a", "1.4", 3)
    (unnamed,) = _listed_items("a", "1.4", 4, named=False)[3:]
    elsewhere = _listed_items("a", "2.1", 5)[4]
    (b1,) = _units("b", 1)
    a_side = [s1, s2, s3, unnamed, elsewhere]
    by_vector = _likeness_table(monkeypatch, {(s1.key, "b1"): 0.3}, *a_side, b1)
    # no passage of b1 answers the other items (they share no word with it)
    unanswered = {"answered": lambda x, y: x is s1}
    rows = compare_module._align_theme(a_side, [b1], by_vector, **unanswered)
    assert rows == [([s1, s2, s3], [b1]), ([unnamed, elsewhere], [])]
    rows = compare_module._align_theme(a_side, [b1], by_vector, siblings=False, **unanswered)
    assert rows == [([s1], [b1]), ([s2, s3, unnamed, elsewhere], [])]
    # a unit never meeting b1 (a subject of its own b1 never names) does not join it either
    rows = compare_module._align_theme(
        a_side, [b1], by_vector, apart=lambda x, y: x is s3 or y is s3, **unanswered
    )
    assert rows == [([s1, s2], [b1]), ([s3, unnamed, elsewhere], [])]


# two invented reports: A's leadership section lists 领导干部学法 and 统筹部署 items; B's one
# leadership chapter is on 统筹部署 alone (部署会, 推进会), its enforcement chapter like A's
OVERALL_A = (
    "一、加强党对法治政府建设的领导\n"
    "一是领导干部学法常态化。将习近平法治思想列入理论学习中心组学习内容,"
    "市政府常务会议学法12次,国家工作人员学法考试参考率100%。"
    "二是法治政府建设统筹部署有力。召开依法治市委员会会议,制定法治政府建设工作方案,"
    "统筹部署年度任务,召开推进会。\n"
    "二、推进严格规范公正文明执法\n落实行政执法三项制度,开展案卷评查。\n"
)
OVERALL_B = (
    "一、积极统筹部署,高效推进法治政府建设\n区委区政府制定法治政府建设工作方案,召开部署会,"
    "统筹部署全年任务,定期召开推进会,找差距促落实。\n"
    "二、推进行政执法规范化\n落实行政执法三项制度,组织案卷评查。\n"
)


def test_items_do_not_meet_by_their_siblings_on_the_reports_overall_direction() -> None:
    # 党的领导 (`Theme.overall`) gathers works of their own: B's one unit on it, on 统筹部署,
    # answers A's 统筹部署 item, not its sibling on 领导干部学法, which stays a gap
    a, b = parse_text(OVERALL_A, path="a.txt"), parse_text(OVERALL_B, path="b.txt")
    assert [u.theme for u in report_units(a)][:2] == ["leadership", "leadership"]
    assert _rows(compare(a, b), "leadership") == [(["1#1"], []), (["1#2"], ["1"])]
    assert _rows(compare(b, a), "leadership") == [(["1"], ["1#2"]), ([], ["1#1"])]


def test_items_meet_by_their_siblings_only_where_the_other_side_has_one_unit(monkeypatch):
    # invented: B writes the theme in two units, so it answers A's items one by one: the
    # item like neither stays a gap though its sibling is in b1's row
    s1, s2 = _listed_items("a", "1.4", 2)
    b1, b2 = _units("b", 2)
    table = {(s1.key, "b1"): 0.3}
    by_vector = _likeness_table(monkeypatch, table, s1, s2, b1, b2)
    rows = compare_module._align_theme([s1, s2], [b1, b2], by_vector, answered=lambda x, y: False)
    assert rows == [([s1], [b1]), ([s2], []), ([], [b2])]


def test_one_host_of_some_items_of_a_section_meets_the_rest() -> None:
    # invented: B covers 普法 only within its leadership chapter, whose 普法 sentence answers
    # two of A's three 普法 items; the third (法律明白人) is part of the same work and meets it
    # too. With two hosts, each meets the items its passages answer, and no more
    s1, s2, s3 = _listed_items("a", "1.4", 3)
    (host,) = _units("b", 1)
    other = Unit("b9", "b/9", "section", "", "", "普法", "leadership", order=9)

    def fit(x: Unit, y: Unit) -> float:
        return 0.3 if x is not s3 and y is host else 0.0

    rows = compare_module._host_rows([s1, s2, s3], [host], fit)
    assert rows == [([s1, s2], [host])]
    compare_module._host_siblings([s1, s2, s3], [host], rows)
    assert rows == [([s1, s2, s3], [host])]
    rows = compare_module._host_rows([s1, s2, s3], [host, other], fit)
    compare_module._host_siblings([s1, s2, s3], [host, other], rows)
    assert rows == [([s1, s2], [host])]


def test_an_item_hosts_no_item() -> None:
    # invented: the gap's item (信用) is answered by a passage of an item of the other side
    # on another main subject (政务服务, touching 信用 in one sentence) and of a chapter
    # speaking of 信用 among other things: it meets the chapter, never the item
    def unit(key: str, kind: str) -> Unit:
        return Unit(key, key, kind, "", "", "推进社会信用体系建设", "functions")

    guest, item_host, chapter_host = unit("g", "item"), unit("i", "item"), unit("c", "section")
    alike = {("g", "i"): 0.3, ("g", "c"): 0.1}

    def fit(x: Unit, y: Unit) -> float:
        return alike.get((x.key, y.key), 0.0)

    assert compare_module._host_rows([guest], [item_host], fit) == []
    rows = compare_module._host_rows([guest], [item_host, chapter_host], fit)
    assert rows == [([guest], [chapter_host])]
    chapter_guest = unit("g", "section")  # an item may still host a chapter
    assert compare_module._host_rows([chapter_guest], [item_host], fit) == [
        ([chapter_guest], [item_host])
    ]


def test_evidence_is_the_specific_words_shared_each_counted_once() -> None:
    # invented: 行政执法 is in every unit of the corpus (the genre's common stock); a word
    # inside another shared word (执法监督 in 行政执法监督) is not evidence of its own
    a = {"行政执法": 1, "行政执法监督": 1, "执法监督": 1, "案卷评查": 2, "考试": 1}
    b = {"行政执法": 2, "行政执法监督": 1, "执法监督": 1, "案卷评查": 1, "调解": 1}
    filler = [{"行政执法": 1, f"词{i}": 1} for i in range(20)]
    idf = compare_module.Idf([a, b, *filler])
    x, y = (Unit(k, k, "item", "", "", "", "enforcement", terms=t) for k, t in (("x", a), ("y", b)))
    assert compare_module._evidence(x, y, idf) == ("案卷评查", "行政执法监督")
    assert not idf.specific("行政执法") and idf.specific("调解")


def test_a_word_naming_a_body_of_government_is_no_evidence() -> None:
    # invented: two items of district reports share 区委, 区政府 and 各街道 (rare in a corpus of
    # city and county reports) and 投诉 besides: who did the work is no subject they share,
    # what they did is; 街道 alone (街道综合执法) and 社区 still count
    a = {"区委": 1, "区政府": 1, "各街道": 1, "区直": 1, "投诉": 1, "街道": 1, "社区": 1}
    b = {"区委": 1, "区政府": 2, "各街道": 1, "区直": 1, "投诉": 1, "街道": 1, "社区": 1}
    filler = [{"行政执法": 1, f"词{i}": 1} for i in range(20)]
    idf = compare_module.Idf([a, b, *filler])
    x, y = (Unit(k, k, "item", "", "", "", "oversight", terms=t) for k, t in (("x", a), ("y", b)))
    assert idf.specific("区委") and idf.specific("区政府")
    assert compare_module._evidence(x, y, idf) == ("投诉", "社区", "街道")
    for body in ("市政府", "县委", "省级", "乡镇政府", "市直", "各区", "本区", "县政协"):
        assert compare_module._GOVERNMENT_BODY.fullmatch(body)
    for subject in ("街道", "社区", "政府", "市场", "区域", "县域"):
        assert not compare_module._GOVERNMENT_BODY.fullmatch(subject)


def test_a_leftover_joins_a_row_only_on_evidence(monkeypatch) -> None:
    # a1 ~ b1 and a3 ~ b2 pair; a2 is most like b1 but only just (one common word, under
    # the pair bar): without evidence it stays a gap instead of claiming to be like b1
    a1, a2, a3 = _units("a", 3)
    b1, b2 = _units("b", 2)
    table = {("a1", "b1"): 0.9, ("a2", "b1"): 0.03, ("a3", "b2"): 0.7}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, a3, b1, b2)
    units = ([a1, a2, a3], [b1, b2], by_vector)
    assert compare_module._align_theme(*units) == [([a1, a2], [b1]), ([a3], [b2])]
    rows = compare_module._align_theme(*units, supported=lambda x, y: False)
    assert rows == [([a1], [b1]), ([a2], []), ([a3], [b2])]
    rows = compare_module._align_theme(*units, supported=lambda x, y: x is a2 and y is b1)
    assert rows == [([a1, a2], [b1]), ([a3], [b2])]
    # on evidence, but no passage of b1 answers a2: it stays a gap too
    rows = compare_module._align_theme(
        *units, supported=lambda x, y: True, answered=lambda x, y: x is not a2
    )
    assert rows == [([a1], [b1]), ([a2], []), ([a3], [b2])]


def test_two_units_alike_on_common_words_alone_are_no_pair(monkeypatch) -> None:
    # invented: a1 (综合执法改革, 支队挂牌) and b1 (执法人员资格考试) are each other's nearest
    # at cosine 0.08, over the pair bar, on 行政执法 and 执法 alone: with no specific word in
    # common they are no pair; each is a leftover, and with nothing else to join, a gap
    a1, a2 = _units("a", 2)
    b1, b2 = _units("b", 2)
    table = {("a1", "b1"): 0.08, ("a2", "b2"): 0.3}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2)
    units = ([a1, a2], [b1, b2], by_vector)
    assert compare_module._align_theme(*units) == [([a1], [b1]), ([a2], [b2])]
    rows = compare_module._align_theme(*units, evidenced=lambda x, y: x is not a1)
    assert rows == [([a1], []), ([a2], [b2]), ([], [b1])]


def test_the_context_pairs_and_joins_only_on_a_specific_word() -> None:
    # invented: x and y share only 执法, a word of every unit of the corpus; their cosine is
    # over the pair bar, yet nothing of their own is in common: neither a pair nor a join
    x = Unit("x", "x", "item", "", "", "", "enforcement", terms={"执法": 1, "挂牌": 1})
    y = Unit("y", "y", "item", "", "", "", "enforcement", terms={"执法": 1, "考试": 1})
    z = Unit("z", "z", "item", "", "", "", "enforcement", terms={"执法": 1, "挂牌": 1})
    idf = compare_module._Idf([{"执法": 1}] * 20 + [{"挂牌": 1}, {"考试": 1}])
    vectors = {id(u): {"执法": 1.0} for u in (x, y, z)}  # cosine 1.0
    context = compare_module._Context(
        None,
        None,
        (x,),
        (y, z),
        load_lexicon(),
        idf,
        vectors,
        8,  # type: ignore[arg-type]
    )
    assert not context.evidenced(x, y) and not context.supported(x, y)
    assert context.evidenced(x, z) and context.supported(x, z)


def test_the_themes_only_chapter_takes_a_unit_only_when_a_passage_answers_it() -> None:
    # invented: B's one chapter on disputes speaks of 行政复议 only. A's 复议 item meets it;
    # A's 调解 item shares no word with it and stays a gap (B has text on the theme, so the
    # gap does not call B silent) rather than claim to be like a chapter on 复议
    chapter = parse_text(
        "一、行政复议\n全年办理行政复议申请90件,行政复议纠错12件,复议中心窗口规范受理,"
        "行政复议决定书网上公开。\n",
        path="chapter.txt",
    )
    comparison = compare(_DISPUTES_ITEMS, chapter)
    assert _rows(comparison, "disputes") == [(["1#1"], ["1"]), (["1#2"], [])]
    (gap,) = (p for p in comparison.pairs_for("disputes") if p.is_gap)
    assert gap.other_has_theme


def test_a_host_chapter_meets_a_unit_of_a_gap_only_on_evidence() -> None:
    # invented: B's 法治宣传 chapter also covers disputes (矛盾纠纷排查化解), so A's 调解 item,
    # a gap (B's chapter on disputes is on 复议 alone), may meet it as a secondary subject;
    # its 邻里纠纷 sentence is like the item, but on that one word: no row claims them alike
    b = parse_text(
        "一、行政复议\n全年办理行政复议申请90件,行政复议纠错12件,复议中心窗口规范受理。\n"
        "二、法治宣传\n开展宪法宣传周活动,举办民法典专题讲座,组织青少年模拟法庭比赛,"
        "建设法治文化公园和法治长廊,评选学法用法示范户,开通普法短视频账号,编印普法读本,"
        "推动普法志愿服务队伍进企业进校园进机关。法律明白人参与矛盾纠纷排查化解,"
        "就地化解邻里纠纷。\n",
        path="b.txt",
    )
    words = ["道路", "绿化", "供水", "学校", "医院", "养老", "文化", "体育", "交通", "住房"]
    other = parse_text(  # a corpus large enough for a word of two units to be specific
        "".join(
            f"{'一二三四五六七八九十'[i]}、{w}建设\n推进{w}设施更新改造,提升{w}服务水平。\n"
            for i, w in enumerate(words)
        ),
        path="other.txt",
    )
    comparison = compare(_DISPUTES_ITEMS, b, [other])
    assert comparison.units_b[1].covers("disputes")
    assert _rows(comparison, "disputes") == [(["1#1"], ["1"]), (["1#2"], [])]
    # B has a chapter of its own on disputes: the gap does not say B speaks of them "only
    # within" its 法治宣传 chapter
    (gap,) = (p for p in comparison.pairs_for("disputes") if p.is_gap)
    assert gap.other_has_theme and not gap.covered_by


def test_an_item_is_placed_on_what_its_own_words_speak_of() -> None:
    # invented: under a chapter on 放管服 and 营商环境, one item speaks mostly of 包容审慎执法
    # and 免罚 (营商环境 once): with its chapter's heading counted it would be a 营商环境
    # item; by its own words it is an enforcement item, and meets the other report's
    # enforcement section, not its 营商环境 section
    a = parse_text(
        "一、深化放管服改革,优化营商环境,转变政府职能\n"
        "一是企业开办一日办结,营商环境评价居全省前列。"
        "二是为营商环境推行包容审慎执法。首次轻微违法不予处罚80件,免罚清单覆盖市场主体。\n",
        path="a.txt",
    )
    b = parse_text(
        "一、优化营商环境\n深化放管服改革,企业开办压缩至半日,营商环境持续改善。\n"
        "二、规范行政执法\n推行包容审慎执法,首次轻微违法不予处罚60件,执法更有温度。\n",
        path="b.txt",
    )
    themes = {u.node_id.split("/", 1)[1]: u.theme for u in report_units(a)}
    assert themes == {"1#1": "functions", "1#2": "enforcement"}
    assert (["1#2"], ["2"]) in _rows(compare(a, b), "enforcement")
    assert (["1#1"], ["1"]) in _rows(compare(a, b), "functions")


def test_two_plans_on_one_main_subject_pair_at_a_lower_likeness(monkeypatch) -> None:
    # invented: two 普法 plans share few words (0.03, under the pair bar): their one main
    # subject is the evidence, so they pair; a plan whose main subject is another (a
    # leadership plan touching 普法) needs the pair bar, as two achievements do
    def plan(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "closing", "", "", "", "next_steps", themes=themes)

    a1 = plan("a1", (("publicity", 1.0),))
    b1 = plan("b1", (("publicity", 0.6), ("leadership", 0.4)))
    b2 = plan("b2", (("leadership", 0.7), ("publicity", 0.3)))
    table = {("a1", "b1"): 0.03, ("a1", "b2"): 0.03}
    by_vector = _likeness_table(monkeypatch, table, a1, b1, b2)
    threshold = compare_module.pair_threshold
    assert threshold(a1, b1, True, True) < compare_module.PAIR_THRESHOLD
    assert threshold(a1, b2, True, True) == compare_module.PAIR_THRESHOLD
    assert threshold(a1, b1, False, True) == compare_module.PAIR_THRESHOLD
    assert threshold(a1, b1, True, False) == compare_module.PAIR_THRESHOLD
    assert compare_module._align_theme([a1], [b1], by_vector, True) == [([a1], [b1])]
    assert compare_module._align_theme([a1], [b2], by_vector, True) == [([a1], []), ([], [b2])]
    # achievements (not by subject) keep the pair bar
    assert compare_module._align_theme([a1], [b1], by_vector) == [([a1], []), ([], [b1])]
    # b1 is more like a plan on another main subject (a2) than like a1, but a1 and b1 are
    # each other's first choice among the plans on their one main subject (普法): they pair
    # (光明's plan on 执法, 督察 and 队伍 answers 咸宁's 执法 plan, though more like its 学习
    # plan on the genre's words); a2, touching 普法, joins their row as a leftover
    a2 = plan("a2", (("leadership", 0.7), ("publicity", 0.3)))
    table[("a2", "b1")] = 0.045
    by_vector[id(a2)] = {"a2": 1.0}
    rows = compare_module._align_theme([a1, a2], [b1], by_vector, True)
    assert rows == [([a1, a2], [b1])]
    # one main subject alone, no first choice on it both ways, pairs nothing: b3, on 普法
    # too, is a1's second choice among its 普法 plans
    b3 = plan("b3", (("publicity", 1.0),))
    table[("a1", "b3")] = 0.025
    by_vector[id(b3)] = {"b3": 1.0}
    rows = compare_module._align_theme([a1], [b1, b3], by_vector, True)
    assert ([a1], [b1]) in rows or ([a1], [b1, b3]) in rows
    assert ([a1], [b3]) not in rows


def test_a_plan_naming_no_subject_joins_a_row_only_on_evidence(monkeypatch) -> None:
    # invented: a1 (an enforcement problem) pairs with b1; b2 (人员力量薄弱, no subject) is
    # alike to a1 by the problems' common words only (cosine 0.08, no specific word shared):
    # it stays apart, where a problem on a subject (b3, 执法) joins by subject as before
    def problem(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "closing", "", "", "", "problems", themes=themes)

    a1 = problem("a1", (("enforcement", 1.0),))
    a2 = problem("a2", (("leadership", 1.0),))  # like none of b: a's side is not one unit
    b1 = problem("b1", (("enforcement", 1.0),))
    b2 = problem("b2", ())
    b3 = problem("b3", (("enforcement", 1.0),))
    table = {("a1", "b1"): 0.3, ("a1", "b2"): 0.08, ("a1", "b3"): 0.03}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2, b3)
    evidence = {("b2", "a1"): False}

    def plan_supported(x: Unit, y: Unit) -> bool:
        return bool(x.themes) or evidence.get((x.key, y.key), True)

    rows = compare_module._align_theme(
        [a1, a2], [b1, b2, b3], by_vector, True, supported=plan_supported
    )
    assert rows == [([a1], [b1, b3]), ([a2], []), ([], [b2])]
    evidence[("b2", "a1")] = True  # two specific words shared: it joins
    rows = compare_module._align_theme(
        [a1, a2], [b1, b2, b3], by_vector, True, supported=plan_supported
    )
    assert rows == [([a1], [b1, b2, b3]), ([a2], [])]


def test_a_plan_naming_no_subject_meets_general_plans_only(monkeypatch) -> None:
    # invented: B's one plan is a general sentence (no subject), as alike (cosine 0.1) to
    # each of A's plans. The plan on 普法 alone stays apart; the plans on the overall
    # direction (leadership) or spread over several subjects (none a third) join its row
    def plan(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "section", "", "", "", "next_steps", themes=themes)

    single = plan("a1", (("publicity", 0.89), ("leadership", 0.11)))
    spread = plan("a2", (("enforcement", 0.27), ("disputes", 0.2), ("decisions", 0.2),
                         ("leadership", 0.18), ("rules", 0.15)))  # fmt: skip
    lead = plan("a3", (("leadership", 1.0),))
    general = plan("b1", ())
    overall = frozenset({"leadership"})
    same = compare_module._same_subject
    assert not same(single, general, overall) and not same(general, single, overall)
    assert same(spread, general, overall) and same(lead, general, overall)
    assert same(plan("a4", ()), general, overall)
    assert not same(lead, general, frozenset())  # leadership is one field unless overall
    assert same(single, general)  # problems (no `overall`): one naming no subject meets any
    assert same(single, plan("b2", (("publicity", 1.0),)), overall)
    monkeypatch.setattr(compare_module, "_cosine", lambda u, v: 0.1)
    by_vector = {id(u): {} for u in (single, spread, lead, general)}
    rows = compare_module._align_theme(
        [single, spread, lead], [general], by_vector, True, overall=overall
    )
    assert rows == [([spread, lead], [general]), ([single], [])]
    # without the rule (problems) all three meet it
    rows = compare_module._align_theme([single, spread, lead], [general], by_vector, True)
    assert rows == [([single, spread, lead], [general])]


def test_jingxians_plans_on_one_field_do_not_meet_qinhuangdaos_general_plan(samples) -> None:
    # 秦皇岛 2023 plans in one general sentence (以示范创建为引领, 持续推进依法行政); 泾县 2022's
    # 强基工程 plan (示范创建, 执法, 复议, 决策 …) meets it, its plans on 普法 (润民工程), 调解
    # and 法律服务 do not (each a plan row of its own, against 秦皇岛's achievements)
    by_file = {r.path.split("/")[-1][:3]: r for r in samples}
    c = compare(by_file["001"], by_file["003"], samples)
    rows = _rows(c, "next_steps")
    met = [a for a, b in rows if b == ["closing"]]
    assert met == [["3", "3.1"]]
    assert (["3.2", "3.3", "3.4"], []) in rows


def test_the_only_plan_takes_one_naming_no_subject_when_a_passage_answers_it(monkeypatch) -> None:
    # invented: the other side's one problem paragraph (b1) pairs with a1; a2 (亮点不多, no
    # subject) is like nothing (cosine 0.01): it joins the only row when a passage of b1
    # answers it, not for being a problem; a3 (执法, b1's subject) joins by subject as before
    def problem(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "item", "", "", "", "problems", themes=themes)

    a1 = problem("a1", (("enforcement", 1.0),))
    a2 = problem("a2", ())
    a3 = problem("a3", (("enforcement", 1.0),))
    b1 = problem("b1", (("enforcement", 0.6), ("leadership", 0.4)))
    table = {("a1", "b1"): 0.3, ("a2", "b1"): 0.01, ("a3", "b1"): 0.01}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, a3, b1)
    passage = {"a2": False}

    def plan_answered(x: Unit, only: Unit) -> bool:
        return bool(x.themes) or passage.get(x.key, True)

    rows = compare_module._align_theme(
        [a1, a2, a3], [b1], by_vector, True, only_answered=plan_answered
    )
    assert rows == [([a1, a3], [b1]), ([a2], [])]
    passage["a2"] = True
    rows = compare_module._align_theme(
        [a1, a2, a3], [b1], by_vector, True, only_answered=plan_answered
    )
    assert rows == [([a1, a2, a3], [b1])]


def test_the_only_plan_naming_no_subject_takes_a_plan_on_one_when_answered(monkeypatch) -> None:
    # invented: the other side's one plan is a general sentence (no subject); a plan on 执法
    # joins its row only when a passage of it answers the plan, as a plan naming no subject
    # joins the other's one plan on a subject; two plans on subjects meet by subject
    def plan(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "closing", "", "", "", "next_steps", themes=themes)

    on_subject, general = plan("x", (("enforcement", 1.0),)), plan("y", ())
    other_subject = plan("z", (("publicity", 1.0),))
    idf = compare_module._Idf([{"执法": 1}])
    units = (on_subject, general, other_subject)
    context = compare_module._Context(
        None,
        None,
        (on_subject,),
        (general, other_subject),
        load_lexicon(),
        idf,
        {id(u): {} for u in units},
        8,  # type: ignore[arg-type]
    )
    answered = {"x": False}
    monkeypatch.setattr(compare_module._Context, "answers", lambda _, u, only: answered[u.key])
    assert not context.plan_answered(on_subject, general)
    assert context.plan_answered(on_subject, other_subject)
    answered["x"] = True
    assert context.plan_answered(on_subject, general)


def test_a_problem_like_nothing_of_the_others_one_problem_stays_apart() -> None:
    # invented reports: A lists its problems one by one, B says its problems in one
    # paragraph; A's enforcement problem meets it by subject, A's problem of few highlights
    # (no subject, no word in common) no longer joins that row for being a problem
    a = parse_text(
        "\n".join(
            [
                "甲县2023年法治政府建设情况报告",
                "一、严格规范公正文明执法",
                "全面推行行政执法三项制度,开展执法案卷评查,规范行政处罚裁量。",
                "二、存在的问题",
                "一是行政执法程序还不够规范,执法文书质量参差不齐。",
                "二是工作亮点和创新做法较少,示范经验总结提炼欠缺。",
            ]
        ),
        path="a.txt",
    )
    b = parse_text(
        "\n".join(
            [
                "乙市2023年法治政府建设情况报告",
                "一、严格规范公正文明执法",
                "深化综合行政执法改革,落实行政执法公示制度,开展执法监督检查。",
                "一年来,我市法治政府建设取得一定成效,但仍存在一些不足:行政执法程序不够规范,"
                "执法人员能力有待提升。",
            ]
        ),
        path="b.txt",
    )
    c = compare(a, b)
    rows = [p for p in c.pairs_for("problems") if p.a and p.b]
    assert len(rows) == 1 and [u.text[:2] for u in rows[0].a] == ["一是"]
    apart = [u for p in c.pairs_for("problems") if not p.b for u in p.a]
    assert [u.text[:2] for u in apart] == ["二是"]


def test_the_context_asks_evidence_only_of_plans_naming_no_subject() -> None:
    # invented: two problems sharing only the words every problem uses are not alike on
    # evidence; a problem on a subject needs none (its subject is the evidence)
    on_subject = Unit(
        "x",
        "x",
        "closing",
        "",
        "",
        "",
        "problems",
        terms={"不够": 1},
        themes=(("enforcement", 1.0),),
    )
    bare = Unit("y", "y", "closing", "", "", "", "problems", terms={"不够": 1})
    other = Unit(
        "z",
        "z",
        "closing",
        "",
        "",
        "",
        "problems",
        terms={"执法": 1, "不够": 1},
        themes=(("enforcement", 1.0),),
    )
    units = (on_subject, bare, other)
    idf = compare_module._Idf([{"不够": 1}] * 3 + [{"执法": 1}] * 20)
    vectors = {id(u): {t: 0.0 for t in u.terms} for u in units}  # no likeness by cosine
    context = compare_module._Context(
        None,
        None,
        units,
        (),
        load_lexicon(),
        idf,
        vectors,
        8,  # type: ignore[arg-type]
    )
    assert context.plan_supported(on_subject, other)
    assert not context.plan_supported(bare, other)
    assert context.plan_answered(on_subject, other)


def test_years_alone_name_one_report_each(tmp_path, capsys) -> None:
    """QA: `govread compare 2022 2023 --corpus ONE_PLACE` (one place over two years, named by
    its years alone) said "2022 2023: one report": a year joined the year before it. A year
    joins only a name that does not already end with one."""
    from govread.commands.compare import _joined_names

    assert _joined_names(["2021", "2022"]) == ["2021", "2022"]
    assert _joined_names(["2021年", "2022年", "2023"]) == ["2021年", "2022年", "2023"]
    assert _joined_names(["某县", "2021", "2022"]) == ["某县 2021", "2022"]
    assert _joined_names(["某县2021", "2022"]) == ["某县2021", "2022"]
    for year in (2021, 2022):
        (tmp_path / f"{year}.txt").write_text(
            f"某县{year}年法治政府建设情况报告\n一、推进依法行政\n"
            + "完善行政执法程序，规范执法行为，落实行政执法责任制。" * 4
            + "\n二、下一步工作\n"
            + "继续加强行政复议工作，发挥化解行政争议的主渠道作用。" * 4
            + "\n",
            "utf-8",
        )
    argv = ["compare", "2021", "2022", "--corpus", str(tmp_path), "--format", "json"]
    assert main(argv) == 0, capsys.readouterr().err
    document = json.loads(capsys.readouterr().out)
    assert (document["a"]["year"], document["b"]["year"]) == (2021, 2022)


def test_a_target_is_never_set_beside_a_result(by_region, samples) -> None:
    """QA: 泾县's 出庭应诉率100% is a plan for the next year (…工作安排: 确保…100%); 咸宁's first
    100% is the year's result. Results pair with results and targets with targets, marked so
    in every output."""
    c = compare(by_region["泾县"], by_region["咸宁市"], samples)
    court = [p for p in c.figures if p.label == "行政机关负责人出庭应诉率"]
    assert [(p.a.text, p.b.text, p.target) for p in court] == [("100%", "100%", True)]
    planned_b = {id(f) for f, t in zip(c.figures_b, c.targets_b, strict=True) if t}
    assert id(court[0].b) in planned_b  # 咸宁's planned 100%, not its achieved one
    for pair in c.figures:
        a_target = c.targets_a[c.figures_a.index(pair.a)]
        b_target = c.targets_b[c.figures_b.index(pair.b)]
        assert a_target == b_target == pair.target
    data = to_jsonable(c)
    assert [f["target"] for f in data["figures"] if f["label"] == "行政机关负责人出庭应诉率"] == [
        True
    ]


def test_the_figures_table_marks_a_target(capsys) -> None:
    assert main(["compare", "泾县", "咸宁", "--format", "text"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "出庭应诉率" in line and "%" in line)
    assert row.count("target 100%") == 2


def test_a_report_with_no_text_outside_the_topics_is_never_said_to_have_it_in_another_row() -> None:
    """QA: "泾县 speaks of 其他 in another row" where 泾县 had no 其他 text at all (the only 其他
    row); nor is it "silent on 其他", which reads as "says nothing else"."""
    from govread.compare_words import gap_reason
    from govread.i18n import language, set_language
    from govread.parsers.outline import parse_text

    enforcement = "一、推进严格规范公正文明执法\n全面落实行政执法三项制度,开展行政执法案卷评查。\n"
    unthemed = "二、其他工作\n组织机关干部职工参加植树活动,美化办公环境,丰富职工文化生活。\n"
    wider = parse_text(enforcement + unthemed, path="a.txt")
    small = parse_text(enforcement, path="b.txt")
    c = compare(wider, small)
    others = [p for p in c.pairs_for("other") if p.a and not p.b]
    assert others and not any(u.theme == "other" for u in c.units_b)
    before = language()
    try:
        set_language("en")
        for pair in others:
            assert not pair.other_has_theme
            assert gap_reason(pair, "B") == "B has no text outside the topics"
    finally:
        set_language(before)


def _units_on(theme: str, kind: str = "section") -> Callable[[str, str, str], Unit]:
    """Invented units of one theme and kind, made as unit(key, heading, text)."""

    def unit(key: str, heading: str, text: str) -> Unit:
        return Unit(key, key, kind, "", heading, text, theme)

    return unit


def test_a_unit_on_a_subject_of_its_own_meets_only_units_naming_it(monkeypatch) -> None:
    # invented: 政府职能 holds 生态环境 for want of a theme of its own (`Theme.apart`). b2, an
    # item on 生态环境 (its words name it three times, no other word of the theme), is most
    # like a1 (放管服) by the theme's common words; it stays apart, a gap, where b3 (生态环境
    # too) meets a2, whose words name 生态环境 once among 营商环境 ones
    lexicon = load_lexicon()
    apart = compare_module._apart_rule(lexicon, "functions")
    assert apart is not None and compare_module._apart_rule(lexicon, "decisions") is None

    unit = _units_on("functions", "item")

    a1 = unit("a1", "深化放管服改革", "推进政务服务掌上办,压减审批时限,优化营商环境。")
    a2 = unit("a2", "", "优化营商环境,服务市场主体,守护生态环境,持续放管服改革。")
    b1 = unit("b1", "", "推进政务服务一网通办,压减审批时限。")
    b2 = unit("b2", "", "二是生态环境持续改善。整改生态环境问题,配合环保督察,断面水质达标。")
    b3 = unit("b3", "保护生态环境", "全市断面水质达标率百分之百,空气质量持续改善。")
    assert apart(b2, a1) and apart(a1, b2) and apart(b3, b1)
    assert not apart(b2, a2) and not apart(b3, a2) and not apart(a1, b1)
    table = {("a1", "b1"): 0.4, ("a1", "b2"): 0.3, ("a2", "b3"): 0.2, ("a2", "b2"): 0.01}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2, b3)
    rows = compare_module._align_theme([a1, a2], [b1, b2, b3], by_vector)
    assert rows == [([a1], [b1, b2]), ([a2], [b3])]  # without the rule b2 joins a1's row
    rows = compare_module._align_theme(
        [a1, a2], [b1, b2, b3], by_vector, answered=lambda x, y: x is not b2, apart=apart
    )
    assert rows == [([a1], [b1]), ([a2], [b3]), ([], [b2])]
    # a2 is the one unit of A naming 生态环境: the theme's only row for b2 when a passage
    # of a2 answers it (a1, which never names it, is no second choice)
    rows = compare_module._align_theme([a1, a2], [b1, b2, b3], by_vector, apart=apart)
    assert rows == [([a1], [b1]), ([a2], [b3, b2])]


def test_the_themes_only_row_does_not_count_a_unit_on_a_subject_of_its_own(monkeypatch) -> None:
    # invented: B says all it says on 放管服 in one item (b1) beside an item on 生态环境 (b2);
    # a2 (政务服务, a little like b1, under the pair bar) joins b1's row, the theme's only one
    # for a2, when a passage of b1 answers it: b2, which a2 never names, is no second choice
    lexicon = load_lexicon()
    apart = compare_module._apart_rule(lexicon, "functions")

    unit = _units_on("functions", "item")

    a1 = unit("a1", "深化放管服改革", "压减审批时限,优化营商环境,市场主体增长。")
    a2 = unit("a2", "政务服务更高效", "推进政务服务一网通办,事项全部网上办。")
    b1 = unit("b1", "营商环境持续优化", "压减审批时限,推行一件事一次办,政务服务提速。")
    b2 = unit("b2", "生态环境持续改善", "整改生态环境问题,配合环保督察,断面水质达标。")
    assert apart(a2, b2) and not apart(a2, b1)
    table = {("a1", "b1"): 0.3, ("a2", "b1"): 0.03}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2)
    units = ([a1, a2], [b1, b2], by_vector)
    rows = compare_module._align_theme(*units, supported=lambda x, y: False, apart=apart)
    assert rows == [([a1, a2], [b1]), ([], [b2])]
    # no passage of b1 answers a2: a gap, as before
    rows = compare_module._align_theme(
        *units, supported=lambda x, y: False, answered=lambda x, y: x is not a2, apart=apart
    )
    assert rows == [([a1], [b1]), ([a2], []), ([], [b2])]
    # without the rule B has two units on the theme: a2 is a gap
    rows = compare_module._align_theme(*units, supported=lambda x, y: False)
    assert rows == [([a1], [b1]), ([a2], []), ([], [b2])]


def test_a_section_on_normative_documents_meets_normative_documents_not_legislation(
    monkeypatch,
) -> None:
    # invented: a district's two 规范性文件 sections against a city's 立法 section and its
    # 规范性文件 section; the 立法 section is the more alike by the theme's common words
    # (审查, 清理), yet both district sections meet the city's 规范性文件 section, and the
    # 立法 section, which never names 规范性文件, is a gap
    apart = compare_module._apart_rule(load_lexicon(), "rules")
    assert apart is not None

    unit = _units_on("rules")

    a1 = unit("a1", "加强规范性文件管理", "规范性文件统一登记、统一编号、统一印发。")
    a2 = unit("a2", "", "审查区规范性文件28件,做好规范性文件备案工作。")
    b1 = unit("b1", "科学推进政府立法", "编制立法工作计划,出台政府规章2部,完成条例草案审查。")
    b2 = unit("b2", "加强规范性文件监管", "组织行政规范性文件专项清理,废止9件。")
    assert apart(a1, b1) and apart(a2, b1) and not apart(a1, b2) and not apart(a2, b2)
    table = {("a1", "b1"): 0.4, ("a2", "b1"): 0.3, ("a1", "b2"): 0.2, ("a2", "b2"): 0.15}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, b1, b2)
    rows = compare_module._align_theme([a1, a2], [b1, b2], by_vector, apart=apart)
    assert ([a1, a2], [b2]) in rows and ([], [b1]) in rows


def test_a_subject_of_its_own_is_never_hosted_by_a_text_not_naming_it() -> None:
    # invented: a 知识产权 item in a gap of 政府职能; the other side's enforcement chapter
    # touches the theme (营商环境) and one of its passages shares words with the item, but
    # never names 知识产权: no secondary row
    apart = compare_module._apart_rule(load_lexicon(), "functions")
    assert apart is not None
    guest = Unit(
        "g", "g", "item", "", "", "四是打造知识产权保护高地。开展知识产权整治行动。", "functions"
    )
    host = Unit(
        "h", "h", "section", "", "", "开展涉企执法专项整治,打造法治化营商环境。", "enforcement"
    )

    def fit(x: Unit, y: Unit) -> float:
        return 0.2

    assert compare_module._host_rows([guest], [host], fit) == [([guest], [host])]
    fit_apart = compare_module._unless_apart(fit, apart)
    assert compare_module._host_rows([guest], [host], fit_apart) == []


def test_a_problems_paragraph_saying_they_need_improving_hosts_no_plan() -> None:
    # invented: B's problems paragraph ends 这些都需要在下一步工作中改进提高 (a sentence
    # pointing back at the problems, not a plan); A's enforcement plan, which B's one general
    # plan sentence does not meet, stays a gap instead of meeting B's problems in a
    # secondary row as if that paragraph spoke of plans
    a = parse_text(
        "甲市人民政府关于2023年法治政府建设情况的报告\n"
        "一、推进严格规范公正文明执法\n"
        "加强行政执法监督,开展案卷评查100件,行政执法人员全部持证上岗。\n"
        "二、下一步工作安排\n"
        "下一步,我市将严格规范公正文明执法,落实行政执法负责人审核制度,提升执法人员素质。\n",
        path="a.txt",
    )
    b = parse_text(
        "乙市人民政府关于2023年法治政府建设情况的报告\n"
        "一、推进严格规范公正文明执法\n开展行政执法人员培训,组织执法资格考试。\n"
        "一年来,我市扎实推进依法行政,取得了预期成效。但仍存在一些薄弱环节,主要表现在:"
        "严格规范公正文明执法需要进一步加大力度,执法负责人能力有待提升。"
        "这些都需要在下一步工作中改进提高。\n"
        "2024年,乙市各级政府将持续推进依法行政,全面提升法治政府建设质效。\n",
        path="b.txt",
    )
    problems = next(u for u in report_units(b) if u.theme == "problems")
    assert problems.phases == frozenset({"problems"})
    plans = [p for p in compare(a, b).pairs if p.theme == "next_steps"]
    assert not any(p.secondary for p in plans)
    assert any(p.a and not p.b for p in plans)  # A's plan: a gap


def test_a_section_on_the_rule_of_law_inspection_meets_only_texts_naming_it(monkeypatch) -> None:
    # invented: 党的领导 holds 法治督察 and 考核, the work's own check, as a subject of its own
    # (`Theme.apart`). b2, a section on 督察 and its 考核, is most like a1 (学法 and 统筹) by
    # the theme's common words: without the rule it joins a1's row; with it, it is a gap.
    # a2, whose words name 督察 once among the duties of 第一责任人, is no unit apart from it
    lexicon = load_lexicon()
    apart = compare_module._apart_rule(lexicon, "leadership")
    assert apart is not None

    unit = _units_on("leadership")

    a1 = unit(
        "a1", "统筹推进法治政府建设", "市政府常务会议学法12次,召开依法治市委员会会议,统筹推进。"
    )
    a2 = unit(
        "a2", "压实第一责任人职责", "履行推进法治建设第一责任人职责,配合法治督察,述法全覆盖。"
    )
    b1 = unit("b1", "深入学习习近平法治思想", "理论学习中心组学法8次,领导干部学法全覆盖。")
    b2 = unit("b2", "发挥法治督察考核作用", "开展法治督察,督察发现问题全部整改,纳入年度考核。")
    _assert_b2_apart(monkeypatch, apart, a1, a2, b1, b2)


def test_a_text_on_the_assessment_by_its_word_kaoping_is_no_unit_apart_from_inspection() -> None:
    # invented: 考评 is the genre's other word for 考核 (法治政府建设考评, 绩效考评): a chapter on
    # 统筹部署 that speaks of the year's 考评 names the subject 督察考核, so a section on
    # 法治督察 is not apart from it (龙华's 统筹部署 chapter, 在全市考评中名列第二, against
    # 光明's 专项督察 item and 株洲's 督察纠错 item); one never naming 督察, 考核 or 考评 still is
    apart = compare_module._apart_rule(load_lexicon(), "leadership")
    assert apart is not None

    unit = _units_on("leadership")

    inspection = unit(
        "a1", "法治政府建设专项督察", "组建法治督察小组,开展法治督察,督察发现问题全部整改。"
    )
    planning = unit(
        "b1",
        "统筹部署法治政府建设",
        "制定法治政府建设工作方案,召开推进会,找差距促落实,在全市考评中名列第二。",
    )
    study = unit("b2", "深入学习习近平法治思想", "理论学习中心组学法8次,领导干部学法全覆盖。")
    assert not apart(inspection, planning)
    assert apart(inspection, study)


def test_the_only_row_takes_an_achievement_naming_no_subject_only_on_evidence(monkeypatch) -> None:
    # invented: B says all it says on 政府职能 in one chapter (b1). a1 (政务服务, a subject of
    # the theme) pairs with it; a2, an item under the chapter heading 优化营商环境 whose own
    # words name no subject (立审执破, 结案率), shares one passage word with b1 (改革) and is
    # no more alike than that: the theme's only row does not take it, as it takes a2 when
    # its words name a subject (a3) or when it is alike on evidence
    from types import SimpleNamespace

    def unit(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "item", "", "", "", "functions", themes=themes)

    a1 = unit("a1", (("functions", 1.0),))
    a2 = unit("a2", ())
    a3 = unit("a3", (("functions", 1.0),))
    b1 = Unit("b1", "b1", "section", "", "", "", "functions", themes=(("functions", 1.0),))
    alike: set[str] = set()
    context = SimpleNamespace(
        # a passage of b1 answers each (one word in common)
        answers=lambda x, only: True,
        passage_answers=lambda x, only: True,
        supported=lambda x, only: x.key in alike,
    )

    def only_answers(x: Unit, only: Unit) -> bool:
        return compare_module._Context.only_answers(context, x, only)

    assert only_answers(a3, b1) and not only_answers(a2, b1)
    table = {("a1", "b1"): 0.3, ("a2", "b1"): 0.01, ("a3", "b1"): 0.01}
    by_vector = _likeness_table(monkeypatch, table, a1, a2, a3, b1)

    def rows(*units: Unit, **tests):
        return compare_module._align_theme([a1, *units], [b1], by_vector, **tests)

    answered = {"answered": context.answers}
    assert rows(a2, **answered) == [([a1, a2], [b1])]  # the passage alone, before
    assert rows(a2, **answered, only_answered=only_answers) == [([a1], [b1]), ([a2], [])]
    assert rows(a3, **answered, only_answered=only_answers) == [([a1, a3], [b1])]
    alike.add("a2")
    assert rows(a2, **answered, only_answered=only_answers) == [([a1, a2], [b1])]


def test_a_host_on_another_theme_meets_a_unit_on_two_specific_words() -> None:
    # invented: a leadership chapter listing its duties (…出庭应诉…) and a 复议与应诉 section
    # share one specific word, 应诉, and the genre's common ones: however alike by cosine,
    # no secondary row; with 行政复议 in common too, the chapter hosts the section
    from types import SimpleNamespace

    idf = Idf.counted(200, {"应诉": 3, "行政复议": 4, "法治": 150, "责任": 60})

    def unit(key: str, theme: str, *terms: str) -> Unit:
        return Unit(key, key, "section", "", "", "", theme, terms=dict.fromkeys(terms, 1))

    host = unit("h", "leadership", "法治", "责任", "应诉")
    guest = unit("g", "disputes", "法治", "责任", "应诉")
    assert compare_module._evidence(host, guest, idf) == ("应诉",)
    assert not compare_module._hosted(host, guest, idf)
    both = unit("h2", "leadership", "法治", "应诉", "行政复议")
    guest2 = unit("g2", "disputes", "应诉", "行政复议")
    assert compare_module._hosted(both, guest2, idf)
    # a corpus too small to tell a specific word asks none (two invented reports alone)
    assert compare_module._hosted(host, guest, Idf.counted(6, {"应诉": 2}))
    context = SimpleNamespace(fit=lambda x, y: 0.2, supported=lambda x, y: True)
    context.hosted = lambda x, y: compare_module._hosted(x, y, idf)
    backed = compare_module._Context.backed_fit
    assert backed(context, guest, host) == 0.0 and backed(context, guest2, both) == 0.2


def test_a_section_on_administrative_review_meets_only_texts_naming_it(monkeypatch) -> None:
    # invented: 矛盾纠纷化解 holds 行政复议 and 行政应诉, a citizen's dispute with the
    # government itself, as a subject of its own (`Theme.apart`). b2, a section on 复议 and
    # 应诉, is most like a1 (人民调解) by the theme's common words: without the rule it joins
    # a1's row; with it, it is a gap. a2, whose words name 复议 once among 调解 ones, is no
    # unit apart from it
    apart = compare_module._apart_rule(load_lexicon(), "disputes")
    assert apart is not None

    unit = _units_on("disputes")

    a1 = unit("a1", "加强人民调解", "人民调解委员会调解矛盾纠纷1200件,调解成功率98%。")
    a2 = unit("a2", "化解矛盾纠纷", "调解矛盾纠纷300件,受理行政复议申请20件,信访总量下降。")
    b1 = unit("b1", "深化矛盾纠纷调处", "开展矛盾纠纷排查调处,人民调解员培训全覆盖。")
    b2 = unit("b2", "深化行政复议与应诉", "受理行政复议案件96件,行政机关负责人出庭应诉率100%。")
    _assert_b2_apart(monkeypatch, apart, a1, a2, b1, b2)


def test_a_section_on_training_enforcement_staff_meets_only_texts_naming_it(monkeypatch) -> None:
    # invented: 行政执法 holds the training and certification of its staff as a subject of its
    # own (`Theme.apart`). b2 names 行政执法 more often than 培训 and 资格, yet the theme's own
    # name counts against no subject: b2 is on 执法队伍, apart from a1 (an enforcement
    # chapter naming neither), not from a2 (执法监督, which names 培训 once)
    apart = compare_module._apart_rule(load_lexicon(), "enforcement")
    assert apart is not None

    unit = _units_on("enforcement")

    a1 = unit("a1", "行政执法质效持续增强", "推行行政执法三项制度,开展案卷评查,规范裁量基准。")
    a2 = unit("a2", "强化执法监督", "开展行政执法监督检查,组织执法人员培训,整改执法问题。")
    b1 = unit("b1", "规范行政执法", "落实行政执法三项制度,开展行政执法案卷评查。")
    b2 = unit(
        "b2",
        "加强行政执法人员培训",
        "组织全市行政执法部门行政执法人员培训,新调整行政执法岗位人员参加行政执法资格考试,"
        "行政执法人员持证上岗,行政执法队伍素质提升。",
    )
    _assert_b2_apart(monkeypatch, apart, a1, a2, b1, b2)


def test_a_unit_whose_heading_names_no_subject_of_its_own_is_on_none() -> None:
    # invented: an item headed 行政执法规范化水平不断提升 whose text names 执法证 five times (its
    # 申领, 考试, 持证) beside 双系统, 案卷评查 and 三项制度: the heading says the work is
    # 执法规范化, 执法证 one part of it, so it is no unit on 执法队伍 and meets a section on
    # 案卷评查 that never names 培训 or 执法证; the same text headed 加强执法证申领 is on it
    apart = compare_module._apart_rule(load_lexicon(), "enforcement")
    assert apart is not None

    unit = _units_on("enforcement", "item")

    text = (
        "加强行政执法证申办工作,执法证申办率不低于90%,组织行政执法证考试,执法证参考人数444人,"
        "创下执法证参考人数记录,新增持证人员300人。推广行政执法双系统,开展案卷评查,落实三项制度。"
    )
    review = unit("b1", "定期组织执法案卷评查", "随机抽查行政执法案卷1500余宗进行评查。")
    # (each unit kept alive: the rule knows a unit by its id)
    part, whole = unit("a1", "行政执法规范化水平不断提升", text), unit("a2", "加强执法证申领", text)
    assert not apart(part, review)
    assert apart(whole, review)


def test_a_section_named_where_a_side_speaks_of_a_topic_is_cut_visibly() -> None:
    """QA: `compare 咸宁 宝鸡` said "within: 一、(三)2.一是综合行政执法改革实现新", the heading cut
    mid-word with nothing to show it was cut. A heading longer than the room ends in "…"."""
    from govread.compare_words import covered_by_list

    long = Unit(
        "l",
        "a/1.3.2#1",
        "item",
        "一、(三)2.一是",
        "综合行政执法改革实现新发展",
        "。",
        "enforcement",
    )
    short = Unit("s", "a/2", "section", "二、", "依法决策", "。", "decisions")
    shown = covered_by_list([long, short], width=20)
    assert shown == "一、(三)2.一是综合行政执法改革实现…, 二、依法决策"
    assert len(shown.split(", ")[0]) == 20


def test_a_unit_on_the_list_of_powers_meets_only_units_naming_it() -> None:
    # invented: 权责清单 (and 机构职能) is work of its own under 政府职能, as 生态环境 is: an
    # item on the list of powers and the reform of bodies is not one on 政务服务 or 营商环境 for
    # sharing the theme, and meets an item that names the list
    apart = compare_module._apart_rule(load_lexicon(), "functions")
    assert apart is not None

    unit = _units_on("functions", "item")

    bodies = unit(
        "a1",
        "推进政府机构职能优化协同高效",
        "推进事业单位改革,减少事业单位45家。探索制定区街权责清单,推进流程再造。",
    )
    services = unit("b1", "政务服务更高效", "推进政务服务一网通办,压减审批时限,优化营商环境。")
    powers = unit("b2", "出台权责清单规范管理实施办法", "明确清单管理范围、编制程序和调整程序。")
    assert apart(bodies, services) and apart(services, bodies)
    assert not apart(bodies, powers)
    # and 双随机 (事中事后监管) likewise: an item on random inspections is not the 营商环境 one
    inspections = unit(
        "b3", "进一步规范双随机一公开监管工作", "全市开展随机抽查576次,跨部门联合抽查154次。"
    )
    assert apart(inspections, services) and not apart(inspections, inspections)
