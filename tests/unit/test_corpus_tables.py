"""The corpus screen's data without Textual: entries, filter, sort keys, columns, the chart."""

from __future__ import annotations

from pathlib import Path

from govread.corpus import load
from govread.corpus_tables import (
    build_entries,
    checklist_sort_key,
    entry_for,
    filtered,
    indicator_columns,
    indicator_export_rows,
    indicator_sort_key,
    sort_entries,
)
from govread.parsers import Report
from govread.tui.corpus.chart import bar, heat_style, indicator_chart


def test_entries_are_computed_once_with_progress(samples: list[Report]) -> None:
    seen: list[tuple[int, int]] = []
    entries = build_entries(samples, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5)
    assert entry_for(samples[0]) is entries[0]  # cached by content hash and path
    assert [e.label for e in entries][:2] == ["咸宁市 2023", "泾县 2022"]


def test_filter_by_region_year_and_metadata(samples: list[Report]) -> None:
    entries = build_entries(samples)
    assert [e.label for e in filtered(entries, "2023 宁")] == ["咸宁市 2023"]
    assert len(filtered(entries, "  ")) == 5
    # province and administrative level come from the parser's gazetteer
    assert [e.label for e in filtered(entries, "安徽")] == ["泾县 2022"]
    assert [e.label for e in filtered(entries, "湖南省 市")] == ["株洲市 2024"]
    assert len(filtered(entries, "法治政府建设报告")) == 5  # the genre


def test_missing_values_sort_last_either_way(samples: list[Report]) -> None:
    entries = build_entries(samples)
    indicator = indicator_columns(entries)[0]
    key = indicator_sort_key(indicator)
    for reverse in (False, True):
        ordered = sort_entries(entries, key, reverse=reverse)
        has = [e.figure(indicator) is not None for e in ordered]
        assert has == sorted(has, reverse=True)
    late_first = sort_entries(entries, checklist_sort_key("on_time"), reverse=False)
    assert late_first[0].report.region == "宝鸡市"


def test_an_indicator_by_name_takes_subjects_ending_with_it(samples: list[Report]) -> None:
    entries = build_entries(samples)
    jingxian = entries[1]  # 确保行政机关负责人出庭应诉率100%
    assert "出庭应诉率" not in jingxian.first
    row = jingxian.figure("出庭应诉率")
    assert row is not None and row["value"] == 100.0 and row["unit"] == "%"
    assert jingxian.figure("没有这个指标") is None
    exported = indicator_export_rows(entries, ["出庭应诉率"])
    assert exported and {r["indicator"] for r in exported} == {"出庭应诉率"}
    # … or name its indicator another way (宝鸡: 行政机关负责人出庭率)
    assert all(str(r["subject"]).endswith(("出庭应诉率", "出庭率")) for r in exported)
    assert any(str(r["subject"]).endswith("出庭率") for r in exported)
    assert all(
        r["indicator"] != "出庭应诉率" for r in jingxian.rows if r["subject"] != "出庭应诉率"
    )


def test_canonical_indicators_come_first(samples: list[Report]) -> None:
    entries = build_entries(samples)
    canonical = {i for e in entries for i, row in e.first.items() if row["canonical"]}
    assert canonical  # the figure finder names canonical indicators (出庭应诉率 …)
    columns = indicator_columns(entries, limit=1000)
    flags = [c in canonical for c in columns]
    assert flags == sorted(flags, reverse=True)  # every canonical one before any subject


def test_chart_bars(samples: list[Report]) -> None:
    assert bar(50, 100, 10) == "█" * 5 and bar(0, 100, 10) == "" and bar(1, 0, 10) == ""
    assert bar(1, 16, 2) == "▏"  # one eighth of a cell
    entries = build_entries(samples)
    indicator = indicator_columns(entries)[0]
    chart = indicator_chart(entries, indicator).plain
    assert indicator in chart and "█" in chart
    assert "Move to an indicator" in indicator_chart(entries, None).plain
    assert heat_style(0.0, 0.5).dim and heat_style(0.5, 0.5).bgcolor is not None


def test_the_cache_key_covers_every_data_file_the_figure_finder_reads() -> None:
    """A data file govread/figures.py reads (dictionary_verbs.txt: who acted) changes the
    figures, so it must change the key of both stores of computed figures."""
    import re
    from pathlib import Path

    from govread import corpus_tables, store

    source = (Path(corpus_tables.__file__).parent / "figures.py").read_text("utf-8")
    read = set(re.findall(r'joinpath\("data", "([^"]+)"\)', source))
    assert read, "the figure finder reads no data file any more: update this test"
    assert read <= set(corpus_tables._COMPUTING_DATA)
    assert read <= set(store._ANALYSIS_DATA)


def test_a_department_s_report_is_told_from_its_government_s() -> None:
    """QA: 通山县's government report and its 司法局's of one year were two rows both named
    "通山县 2022" in every corpus table."""
    years = Path(__file__).parents[1] / "fixtures" / "years"
    entries = build_entries(
        load([years / "tongshan_2022.txt", years / "tongshan_2022_sifaju.txt"]).reports
    )
    assert sorted(e.label for e in entries) == ["通山县 2022", "通山县 2022 司法局"]
