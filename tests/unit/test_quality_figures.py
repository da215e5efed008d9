"""benchmarks/quality.py's figure scores: a figure meets its label on value and unit, the
measure word 个 before a noun unit written or not (labellers write either)."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_scripts import load_script

from govread.parsers import parse_text

quality = load_script("benchmarks/quality.py")

# Invented.
TEXT = "一、优化审批\n全年审批时限平均压缩至15.5个工作日，办结率达98%。\n"


def test_a_unit_with_or_without_its_measure_word_is_one_unit() -> None:
    assert quality._same_unit("个工作日", "工作日") and quality._same_unit("工作日", "个工作日")
    assert quality._same_unit("个百分点", "百分点")
    assert not quality._same_unit("个", "")
    assert not quality._same_unit("个", "件") and not quality._same_unit("人", "人次")
    # bodies counted with no measure word: the finder's 个, the labeller's noun
    assert quality._same_unit("个", "单位") and quality._same_unit("个", "部门")
    assert not quality._same_unit("单位", "个")


def test_a_label_in_the_base_unit_finds_its_figure(tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    labels.write_text(
        'file = "r.txt"\nfigure = [\n'
        '  { text = "15.5个工作日", value = 15.5, unit = "工作日", subject = "审批时限" },\n'
        '  { text = "98%", value = 98, unit = "%", subject = "办结率" },\n]\n',
        "utf-8",
    )
    report = parse_text(TEXT, path=str(tmp_path / "r.txt"))
    scores = quality.score_figures({"r.txt": report}, [labels], verbose=False)
    assert scores["figure value recall"] == 1.0


def test_a_label_in_ten_thousands_or_hundred_millions_is_the_same_quantity() -> None:
    # labellers write 4.7亿元 as 4.7 in 亿元 or as 470,000,000 in 元; the finder reads 元
    assert quality._labelled_quantity({"unit": "亿元", "value": 4.7}) == ("元", 470000000.0)
    assert quality._labelled_quantity({"unit": "万人次", "value": 91}) == ("人次", 910000.0)
    assert quality._labelled_quantity({"unit": "万", "value": 1}) == ("万", 1.0)  # (a bare 万)
    assert quality._labelled_quantity({"unit": "元", "value": 5}) == ("元", 5.0)


def test_a_count_written_with_times_in_brackets_is_its_first_measure() -> None:
    # 1000余场(次): the finder's 场; a labeller may write 场次
    label = {"text": "1000余场(次)", "unit": "场次", "value": 1000}
    assert quality._labelled_quantity(label) == ("场", 1000.0)
    assert quality._labelled_quantity({"text": "30场次", "unit": "场次", "value": 30}) == (
        "场次",
        30.0,
    )
    # 人(次) is read as 人次, however it was labelled
    assert quality._labelled_quantity({"text": "40人(次)", "unit": "人", "value": 40}) == (
        "人次",
        40.0,
    )
    assert quality._labelled_quantity({"text": "3场(次)", "unit": "场", "value": 3}) == ("场", 3.0)


def _one_label(folder: Path, fields: str) -> Path:
    """A label file of report r.txt with one figure of these TOML fields."""
    labels = folder / "labels.toml"
    labels.write_text(f'file = "r.txt"\nfigure = [\n  {{ {fields} }},\n]\n', "utf-8")
    return labels


def test_a_value_a_list_shares_labelled_once_is_counted_split_and_once(tmp_path: Path) -> None:
    # the finder gives one figure per rate (issue 14); a reader labelled the value once
    labels = _one_label(
        tmp_path, 'text = "100%", value = 100, unit = "%", subject = "参考率、合格率"'
    )
    report = parse_text("一、学法\n参考率、合格率均为100%。\n", path=str(tmp_path / "r.txt"))
    scores = quality.score_figures({"r.txt": report}, [labels], verbose=False)
    assert scores["figures found"] == 2 and scores["shared values split"] == 1
    assert scores["figure value precision"] == 0.5
    assert scores["value F1, shared once"] == 1.0


def test_verbose_lines_show_control_characters_of_a_label_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a label file is anyone's: its subject (missed here) reaches the terminal through the
    # sanitiser
    labels = _one_label(
        tmp_path, 'text = "97%", value = 97, unit = "%", subject = "办结率\\u001b[31m"'
    )
    report = parse_text(TEXT, path=str(tmp_path / "r.txt"))
    quality.score_figures({"r.txt": report}, [labels], verbose=True)
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\\x1b" in shown
