"""The benchmark corpus generator: deterministic, and its reports parse as what they claim."""

from __future__ import annotations

from pathlib import Path

from govread.parsers import parse_text
from govread.parsers.readers import decode


def test_same_seed_same_bytes_other_seed_other_bytes(generate) -> None:
    assert generate(20, seed=1) == generate(20, seed=1)
    assert generate(20, seed=1) != generate(20, seed=2)


def test_generated_reports_parse_with_their_region_year_and_sections(generate) -> None:
    for name, data in generate(40, seed=3):
        _, region, year = Path(name).stem.split("_")
        report = parse_text(decode(data), path=name)
        assert report.region == region, name
        assert report.year == int(year), name
        assert 4 <= len(report.sections) <= 8


def test_region_and_year_fall_back_to_the_file_name() -> None:
    report = parse_text("一、甲\n正文", path="/x/咸宁市2023年法治政府建设情况.txt")
    assert (report.region, report.year) == ("咸宁市", 2023)
    assert parse_text("一、甲\n正文", path="/x/notes.txt").region is None
