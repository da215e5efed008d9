"""Figures in exports: every node carries the figures found in its text, by default."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govread.cli import main
from govread.export import export_items, figure_table, text_figures
from govread.figure_table import report_rows
from govread.figures import Figure, extract, report_figures
from govread.marks import NodeRef, iter_nodes, resolve
from govread.parsers import Report, parse_text

XIANNING_RATE = "政府部门主要负责人出庭应诉率达100%"


def _xianning(samples: list[Report]) -> Report:
    return next(r for r in samples if r.region == "咸宁市")


def _section_holding(report: Report, words: str) -> NodeRef:
    """The deepest section whose text holds `words`."""
    found = [r for r in iter_nodes(report) if r.kind == "section" and words in r.text()]
    assert found, words
    return found[-1]


def test_a_section_with_known_figures_carries_them(samples: list[Report]) -> None:
    ref = _section_holding(_xianning(samples), XIANNING_RATE)
    assert ref.heading == "持续推进严格规范公正文明执法"  # in 二、下一步工作安排
    (table,) = tomllib.loads(export_items([ref]))["item"]
    assert table["figures"] == [
        {
            "label": "政府部门主要负责人出庭应诉率",
            "value": 100.0,
            "unit": "%",
            "text": "100%",
            "approximate": False,
            "target": True,
            "indicator": "行政机关负责人出庭应诉率",
        }
    ]
    assert isinstance(table["figures"][0]["value"], float)


def test_figures_come_as_written_with_normalised_values(samples: list[Report]) -> None:
    ref = _section_holding(_xianning(samples), "36.1万户")
    figures = tomllib.loads(export_items([ref]))["item"][0]["figures"]
    market = next(f for f in figures if f["text"] == "36.1万户")
    assert market["value"] == 361000.0 and market["unit"] == "户"
    assert market["label"] == "市场主体总量" and market["approximate"] is False


def test_approximate_figures_say_so(samples: list[Report]) -> None:
    refs = [ref for report in samples for ref in iter_nodes(report) if ref.kind == "section"]
    document = tomllib.loads(export_items(refs))
    approximate = [f for t in document["item"] for f in t.get("figures", []) if f["approximate"]]
    assert approximate, "the samples hold figures written with 余/多/近/超"
    assert all(any(w in f["text"] for w in "余多近超约逾上右") for f in approximate)


def test_a_node_without_figures_has_no_figures_key(samples: list[Report]) -> None:
    xianning = _xianning(samples)
    plain = [
        ref
        for ref in iter_nodes(xianning)
        if ref.kind == "section" and not any(ch.isdigit() for ch in ref.text())
    ]
    assert plain, "咸宁 has sections without a single digit"
    text = export_items(plain)
    assert "figures =" not in text and "figures]" not in text  # (the path may say figures)
    for table in tomllib.loads(text)["item"]:
        assert "figures" not in table


def test_figures_of_a_node_include_its_descendants_and_nothing_else(
    samples: list[Report],
) -> None:
    xianning = _xianning(samples)
    parent = next(r for r in iter_nodes(xianning) if r.kind == "section" and r.section.children)
    children = [resolve(samples, child.id) for child in parent.section.children]
    own = [f["text"] for f in text_figures(parent)]
    below = [f["text"] for child in children if child for f in text_figures(child)]
    assert below and own[-len(below) :] == below  # the subsections' figures, in order, last
    for table in text_figures(parent):
        assert table["text"] in parent.text()


def test_an_item_has_only_the_figures_inside_it(samples: list[Report]) -> None:
    items = [ref for report in samples for ref in iter_nodes(report) if ref.kind == "item"]
    with_figures = [ref for ref in items if text_figures(ref)]
    assert with_figures
    for ref in with_figures:
        for table in text_figures(ref):
            assert table["text"] in ref.text()
    item = with_figures[0]
    section = resolve(samples, item.id.split("#")[0])
    assert section is not None
    assert len(text_figures(item)) <= len(text_figures(section))


def test_a_report_has_every_figure_of_its_text(samples: list[Report]) -> None:
    for report in samples:
        ref = next(iter_nodes(report))
        assert [t["text"] for t in text_figures(ref)] == [f.text for f in report_figures(report)]


def test_figures_in_a_heading_count() -> None:
    report = parse_text(
        "某市2023年法治政府建设情况报告\n一、办理行政复议案件120件\n全年坚持依法办案。\n",
        path="x.txt",
        sha256="ab" * 32,
    )
    section = next(ref for ref in iter_nodes(report) if ref.kind == "section")
    assert [t["text"] for t in text_figures(section)] == ["120件"]
    # the report's figures are its sections' (a heading's included), in order
    assert [t["text"] for t in text_figures(next(iter_nodes(report)))] == ["120件"]


def test_a_heading_figure_has_no_marker_in_its_subject() -> None:
    report = parse_text(
        "某县2022年法治政府建设情况报告\n一、主要成效\n（一）加强领导\n全年召开会议3次。\n"
        "（二）行政复议案件办结率达98%\n全年收到申请41件。\n（三）新建调解组织15个\n各镇均已建成。\n",
        path="x.txt",
        sha256="cd" * 32,
    )
    found = [(f.label, f.text, f.paragraph) for f in report_figures(report)]
    assert found == [
        ("召开会议", "3次", 0),
        ("行政复议案件办结率", "98%", -1),
        ("收到申请", "41件", 0),
        ("新建调解组织", "15个", -1),
    ]


def test_every_exported_figure_says_whether_it_is_a_target_as_govread_figures_does(
    samples: list[Report],
) -> None:
    """`target` of each figure of an exported report, section or item is the `target` of
    `govread figures` (`figure_table.report_rows`) for the same figure."""
    targets = 0
    for report in samples:
        rows = report_rows(report)
        by_node: dict[str, list[bool]] = {}
        for row in rows:
            by_node.setdefault(str(row["node"]), []).append(bool(row["target"]))
        whole = text_figures(next(iter_nodes(report)))
        assert [f["target"] for f in whole] == [bool(row["target"]) for row in rows]
        targets += sum(bool(row["target"]) for row in rows)
        for ref in iter_nodes(report):
            if ref.kind == "item":
                assert [f["target"] for f in text_figures(ref)] == by_node.get(ref.id, [])
            elif ref.kind == "section":
                assert all(isinstance(f["target"], bool) for f in text_figures(ref))
    assert targets, "咸宁's 下一步工作安排 and 泾县's 2023年度…工作安排 state targets"


def _with_closing(closing: tuple[str, ...]) -> Report:
    report = parse_text(
        "某县2022年法治政府建设情况报告\n2022年,全县办理行政复议案件7件。\n一、主要成效\n"
        "全年召开会议3次。\n",
        path="x.txt",
        sha256="ab" * 32,
    )
    return dataclasses.replace(report, closing=closing)


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (("全年办理行政复议案件12件。", "下一步,我县将确保出庭应诉率100%。"), [False, True]),
        (("下一步,确保办理行政复议案件12件,出庭应诉率100%。",), [True, True]),
        (("全年办理行政复议案件12件,出庭应诉率100%。",), [False, False]),
        (("一年来,办结复议案件12件。", "2023年,我县将争取出庭应诉率100%。"), [False, True]),
    ],
)
def test_a_preamble_or_closing_a_query_exports_says_which_figures_are_targets(
    closing: tuple[str, ...], expected: list[bool]
) -> None:
    """`govread export --query` writes a preamble or closing whole, its figures tested where
    they stand in it (a plan in the closing: 下一步…, 2023年…将)."""
    from govread.commands.export import _select

    report = _with_closing(closing)
    chosen = _select([report], "12件")
    written = tomllib.loads(export_items(chosen))["item"]
    (closing_table,) = [t for t in written if t["kind"] == "closing"]
    assert [f["target"] for f in closing_table["figures"]] == expected
    preamble = _select([report], "7件")
    (preamble_table,) = tomllib.loads(export_items(preamble))["item"]
    assert preamble_table["kind"] == "preamble"
    assert [f["target"] for f in preamble_table["figures"]] == [False]


def test_unknown_fields_are_left_out() -> None:
    (figure,) = extract("粉丝突破108万,")
    assert figure.unit == ""
    table = figure_table(figure)
    assert "unit" not in table and table["value"] == 1080000.0
    nameless = Figure("", 3.0, "件", True, "3件余", "", 0, 0, 3)
    assert figure_table(nameless) == {
        "value": 3.0,
        "unit": "件",
        "text": "3件余",
        "approximate": True,
    }


def test_figures_can_be_switched_off(samples: list[Report]) -> None:
    ref = _section_holding(_xianning(samples), XIANNING_RATE)
    assert "figures" not in tomllib.loads(export_items([ref], figures=None))["item"][0]


def test_the_cli_export_writes_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rate.toml"
    assert main(["export", "--query", "出庭应诉率达100%", "-o", str(out)]) == 0
    tables = tomllib.loads(out.read_text("utf-8"))["item"]
    assert tables
    for table in tables:
        rates = [f for f in table["figures"] if f["text"] == "100%"]
        assert rates and all(f["unit"] == "%" and f["value"] == 100.0 for f in rates)


_with_numbers = st.text(
    st.sampled_from(list("0123456789.万亿余多约件项人%,。、率达为共\"\\'")) | st.characters(),
    max_size=120,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(_with_numbers, min_size=1, max_size=4))
def test_figures_never_break_the_exact_round_trip(paragraphs: list[str]) -> None:
    text = "某县2022年法治政府建设情况报告\n一、工作\n" + "\n".join(
        p.replace("\n", " ").replace("\r", " ") for p in paragraphs
    )
    report = parse_text(text, path="x.txt", sha256="cd" * 32)
    refs = list(iter_nodes(report))
    document = tomllib.loads(export_items(refs))
    for table, ref in zip(document["item"], refs, strict=True):
        assert table["text"] == ref.text()
        for figure in table.get("figures", []):
            assert figure["text"] in ref.text()
            assert isinstance(figure["value"], float)


def test_the_readme_documents_the_figures_as_written(samples: list[Report]) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```toml\n")[1:]]
    documented = next(tomllib.loads(b) for b in blocks if b.startswith("figures = ["))
    ref = _section_holding(_xianning(samples), XIANNING_RATE)
    written = tomllib.loads(export_items([ref]))["item"][0]["figures"]
    assert documented["figures"] == written


def test_both_ends_of_a_range_are_exported_as_a_range(samples: list[Report]) -> None:
    ref = _section_holding(next(r for r in samples if r.region == "宝鸡市"), "0.5至1.5个工作日")
    figures = tomllib.loads(export_items([ref]))["item"][0]["figures"]
    ends = [f for f in figures if f.get("range")]
    assert [(f["text"], f["value"], f["unit"]) for f in ends] == [
        ("0.5", 0.5, "个工作日"),
        ("1.5个工作日", 1.5, "个工作日"),
    ]
    assert all("range" not in f for f in figures if f not in ends)
