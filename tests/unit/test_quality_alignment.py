"""benchmarks/quality.py --align-labels: alignment labels of any pairs scored, reports by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from repo_scripts import load_script

from govread.compare import compare
from govread.corpus import sample_paths

quality = load_script("benchmarks/quality.py")


def _labels(path: Path, a: str, b: str, pairs: list[tuple[str, str]]) -> Path:
    rows = ", ".join(f'["{x}", "{y}"]' for x, y in pairs)
    path.write_text(
        f'[[comparison]]\na = "{a}"\nb = "{b}"\nignore_a = []\nignore_b = []\npairs = [{rows}]\n',
        "utf-8",
    )
    return path


def _score(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, str]:
    assert quality.main(list(argv)) == 0
    lines = capsys.readouterr().out.splitlines()
    return {line.split()[1]: line.split()[-1] for line in lines if line.startswith("  alignment ")}


def test_align_labels_score_any_label_file_against_reports_found_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], samples
) -> None:
    # two samples copied into a folder of their own: looked up there by file name
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = sorted(sample_paths())[3:5]  # 秦皇岛 2023, 宝鸡 2023
    for path in paths:
        shutil.copy(path, folder / path.name)
    a, b = (next(r for r in samples if Path(r.path or "").name == p.name) for p in paths)
    found = sorted(quality._pairs(compare(a, b, [a, b])))
    assert len(found) > 4
    exact = _labels(tmp_path / "exact.toml", paths[0].name, paths[1].name, found)
    scores = _score(capsys, "--align-labels", str(exact), "--reports", str(folder))
    assert scores == {"precision": "1.000", "recall": "1.000", "F1": "1.000"}
    # half the labelled pairs not found, and one labelled pair the comparison does not make
    wrong = _labels(
        tmp_path / "half.toml",
        paths[0].name,
        paths[1].name,
        [*found[: len(found) // 2], ("no-such-node", "closing")],
    )
    scores = _score(capsys, "--align-labels", str(wrong), "--reports", str(folder))
    assert scores["precision"] == f"{(len(found) // 2) / len(found):.3f}"
    assert scores["recall"] == f"{(len(found) // 2) / (len(found) // 2 + 1):.3f}"


def test_align_labels_pool_files_and_default_to_the_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    labels = quality.LABELS
    files = [str(labels / "alignment.toml"), str(labels / "heldout" / "alignment_001_002.toml")]
    assert quality.main(["--align-labels", files[0], "--align-labels", files[1]]) == 0
    out = capsys.readouterr().out
    assert out.count("  align ") == 4  # three comparisons in one file, one in the other
    assert "alignment F1" in out


def test_align_labels_name_a_report_missing_from_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = _labels(tmp_path / "l.toml", "nowhere_a.txt", "nowhere_b.txt", [("1", "1")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit):
        quality.main(["--align-labels", str(labels), "--reports", str(tmp_path / "empty")])
    assert "no report named nowhere_a.txt, nowhere_b.txt" in capsys.readouterr().err


def test_theme_labels_score_any_label_file_against_reports_found_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], samples
) -> None:
    path = sorted(sample_paths())[4]  # 宝鸡 2023
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(path, folder / path.name)
    report = next(r for r in samples if Path(r.path or "").name == path.name)
    units = quality.report_units(report)
    right, wrong = units[0], units[1]
    other = next(t for t in ("rules", "disputes") if t != wrong.theme)
    labels = tmp_path / "themes.toml"
    labels.write_text(
        f'["{path.name}"]\n"{right.node_id}" = ["{right.theme}"]\n"{wrong.node_id}" = ["{other}"]\n'
        # no unit: right to leave out a text of no subject, wrong for one that has one
        '"closing:98" = ["other"]\n"closing:99" = ["rules"]\n',
        "utf-8",
    )
    assert quality.main(["--theme-labels", str(labels), "--reports", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "theme nodes              3" in out
    assert "no subject, left out     1" in out
    assert "theme unit accuracy      0.333" in out
