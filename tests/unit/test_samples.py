"""The five bundled samples against their hand-labelled outlines and metadata."""

from __future__ import annotations

import pytest

from govread.corpus import sample_paths
from govread.parsers.readers import read_report


def test_every_sample_has_a_labelled_expectation(expected_files) -> None:
    assert sorted(p.stem for p in sample_paths()) == sorted(p.stem for p in expected_files)
    assert len(expected_files) == 5


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_outline_matches_the_hand_labelled_one(path, expected_for) -> None:
    expected = expected_for(path.name)
    assert read_report(path).outline() == expected["outline"]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_metadata_matches_the_hand_labelled_one(path, expected_for) -> None:
    expected = expected_for(path.name)
    report = read_report(path)
    got = {key: getattr(report, key) for key in ("title", "region", "year", "published", "issuer")}
    assert got == {key: expected[key] for key in got}


def test_display_title_is_made_up_when_the_document_has_none(samples) -> None:
    xianning = next(r for r in samples if r.region == "咸宁市")
    assert xianning.title is None
    assert xianning.display_title == "咸宁市 2023年 法治政府建设情况"
    baoji = next(r for r in samples if r.region == "宝鸡市")
    assert baoji.display_title == baoji.title


def test_sources_come_from_the_page_metadata(samples) -> None:
    by_region = {r.region: r for r in samples}
    assert by_region["泾县"].source == "市司法局"
    assert by_region["株洲市"].source == "株洲市司法局"
    assert by_region["宝鸡市"].source == "宝鸡市司法局"
    assert by_region["咸宁市"].source is None


def test_inline_items_become_items_of_their_section(samples) -> None:
    zhuzhou = next(r for r in samples if r.region == "株洲市")
    first = zhuzhou.sections[0]
    assert first.inline
    assert [i.marker for i in first.items][:3] == ["一是", "二是", "三是"]
    assert first.items[0].heading == "领导干部法治能力不断提升"
    for item in first.items:
        assert first.paragraphs[item.paragraph][item.start : item.end] == item.text


def test_summing_up_paragraphs_after_the_last_section_are_the_closing(samples) -> None:
    baoji = next(r for r in samples if r.region == "宝鸡市")
    assert baoji.closing[0].startswith("2023年,我市在法治政府建设方面虽然取得了一定成绩")
    assert baoji.closing[1].startswith("下一步")
    qinhuangdao = next(r for r in samples if r.region == "秦皇岛市")
    assert qinhuangdao.closing[-2:] == ("秦皇岛市人民政府", "20231229")


def test_page_chrome_is_removed_but_kept_aside(samples) -> None:
    for report in samples:
        text = report.full_text()
        for chrome in ("设为首页", "扫一扫在手机打开当前页", "浏览次数", "字体:[", "当前位置"):
            assert chrome not in text
    jingxian = next(r for r in samples if r.region == "泾县")
    assert "扫一扫在手机打开当前页" in jingxian.chrome


def test_section_ids_are_unique_and_stable(samples) -> None:
    for report in samples:
        ids = [s.id for s in report.walk()] + [i.id for s in report.walk() for i in s.items]
        assert len(ids) == len(set(ids))
        assert all(i.startswith(report.id) for i in ids)
