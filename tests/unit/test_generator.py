"""The benchmark corpus generator: deterministic, and its reports parse as what they claim."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from govread.parsers import parse_text
from govread.parsers.readers import decode

GENERATOR = Path(__file__).parents[2] / "benchmarks" / "generate.py"


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("govread_generate", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    generate = load_generator().generate
    assert generate(20, seed=1) == generate(20, seed=1)
    assert generate(20, seed=1) != generate(20, seed=2)


def test_generated_reports_parse_with_their_region_year_and_sections() -> None:
    for name, data in load_generator().generate(40, seed=3):
        _, region, year = Path(name).stem.split("_")
        report = parse_text(decode(data), path=name)
        assert report.region == region, name
        assert report.year == int(year), name
        assert 4 <= len(report.sections) <= 8


def test_region_and_year_fall_back_to_the_file_name() -> None:
    report = parse_text("一、甲\n正文", path="/x/咸宁市2023年法治政府建设情况.txt")
    assert (report.region, report.year) == ("咸宁市", 2023)
    assert parse_text("一、甲\n正文", path="/x/notes.txt").region is None
