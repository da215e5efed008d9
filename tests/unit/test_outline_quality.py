"""benchmarks/outline_quality.py, the scorer of outlines against hand labels: it must see a
wrong heading, a missing one and a wrong header field, and score the labels as they are 1.0."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).parents[2]
SAMPLE = "002_a2eb6659322275ec"


def _load() -> ModuleType:
    return load_script("benchmarks/outline_quality.py")


def _run(labels: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    label_path = tmp_path / "labels.json"
    label_path.write_text(json.dumps(labels, ensure_ascii=False), "utf-8")
    report = ROOT / "sample_reports" / f"{SAMPLE}.txt"
    assert _load().main(["--labels", str(label_path), "--report", str(report), "--verbose"]) == 0
    return capsys.readouterr().out


def test_the_hand_labels_score_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = json.loads((ROOT / "tests/fixtures/expected" / f"{SAMPLE}.json").read_text("utf-8"))
    out = _run(labels, tmp_path, capsys)
    assert "all: P 1.000 R 1.000 F1 1.000" in out
    assert "region: 1/1 right" in out


def test_a_changed_heading_a_missing_one_and_a_wrong_field_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = json.loads((ROOT / "tests/fixtures/expected" / f"{SAMPLE}.json").read_text("utf-8"))
    outline = labels["outline"]
    outline[1]["heading"] += "之外"
    outline.append({"level": 1, "number": "九", "heading": "不存在的标题"})
    labels["region"] = "别处"
    out = _run(labels, tmp_path, capsys)
    found = len(outline) - 1
    assert f"headings {found - 1}/{len(outline)} right, {found} found" in out
    assert "missed (1, '九', '不存在的标题')" in out
    assert "region: 0/1 right" in out


def test_labels_of_a_traditional_text_are_read_as_the_report_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govread.parsers.script import read_as_simplified, simplified_table

    to_traditional = {s: t for t, s in simplified_table().items()}
    text = (ROOT / "sample_reports" / f"{SAMPLE}.txt").read_text("utf-8")
    labels = json.loads((ROOT / "tests/fixtures/expected" / f"{SAMPLE}.json").read_text("utf-8"))
    as_json = json.dumps(labels, ensure_ascii=False)
    assert read_as_simplified(as_json) == as_json  # simplified labels are left as they are
    report = tmp_path / "traditional.txt"
    report.write_text(text.translate(to_traditional), "utf-8")
    label_path = tmp_path / "labels.json"
    written = json.dumps(labels, ensure_ascii=False).translate(to_traditional)
    label_path.write_text(written, "utf-8")
    assert _load().main(["--labels", str(label_path), "--report", str(report)]) == 0
    assert "all: P 1.000 R 1.000 F1 1.000" in capsys.readouterr().out
