"""What the CLI writes: exports that are right (no text twice, negation honoured, the same
units as search), never over anything but a regular file, and output that cannot be
written is one line and exit status 1."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tomllib
from pathlib import Path

import pytest

from govread.cli import main
from govread.commands.export import _select
from govread.corpus import sample_paths
from govread.marks import NodeRef
from govread.parsers import Report
from govread.search import SearchIndex


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def _exported(out: Path) -> list[dict[str, object]]:
    items: list[dict[str, object]] = tomllib.loads(out.read_text("utf-8"))["item"]
    return items


# -- what --query exports ----------------------------------------------------------------


def test_no_exported_node_lies_inside_another(samples: list[Report], tmp_path: Path) -> None:
    out = tmp_path / "q.toml"
    assert main(["export", "--query", "执法", "-o", str(out)]) == 0
    ids = [str(t["id"]) for t in _exported(out) if "id" in t]
    assert ids
    for outer in ids:
        for inner in ids:
            assert inner == outer or not inner.startswith((outer + ".", outer + "#"))
    jing = next(r for r in samples if r.region == "泾县")
    first = f"{jing.id}/1"
    assert first in ids  # 泾县 一 whole, and none of its subsections again
    assert not any(i.startswith(first + ".") or i.startswith(first + "#") for i in ids)


def test_a_negated_term_is_in_no_exported_text(tmp_path: Path) -> None:
    out = tmp_path / "q.toml"
    assert main(["export", "--query=-执法", "-o", str(out)]) == 0
    texts = [str(t["text"]) for t in _exported(out)]
    assert texts and not any("执法" in text for text in texts)


def test_export_finds_what_search_finds_in_the_preamble(
    tmp_path: Path, samples: list[Report]
) -> None:
    found = SearchIndex.build(samples).filter("向阳湖")  # what `govread search` matches
    assert [unit_id.split("/")[1] for unit_id in found.order] == ["preamble"]
    out = tmp_path / "q.toml"
    assert main(["export", "--query", "向阳湖", "-o", str(out)]) == 0
    (table,) = _exported(out)
    assert table["kind"] == "preamble" and "id" not in table and "向阳湖" in str(table["text"])
    assert table["region"] == "咸宁市"


def test_every_selected_unit_holds_every_term(samples: list[Report]) -> None:
    for unit in _select(samples, "行政复议 -听证"):
        text = unit.text() if isinstance(unit, NodeRef) else unit.text
        assert "行政复议" in text and "听证" not in text


# -- where it writes ---------------------------------------------------------------------


def test_force_never_replaces_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.toml"
    os.mkfifo(fifo)
    assert main(["export", "--all", "--force", "-o", str(fifo)]) == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _err_lines(capsys) == [
        f"govread: error: {fifo}: is a FIFO (named pipe), not a regular file; not replaced"
    ]


def test_force_never_replaces_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (the case that matters: root and /dev/null)")
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    assert main(["export", "--all", "--force", "-o", str(null)]) == 1
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert _err_lines(capsys) == [
        f"govread: error: {null}: is a device, not a regular file; not replaced"
    ]


def test_force_writes_where_a_symlink_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("mine")
    link = tmp_path / "out.toml"
    link.symlink_to(target)
    assert main(["export", "--all", "-o", str(link)]) == 1
    assert link.is_symlink() and target.read_text() == "mine"
    assert "use --force" in _err_lines(capsys)[0]
    assert main(["export", "--all", "--force", "-o", str(link)]) == 0
    assert link.is_symlink() and target.read_text().startswith('format = "govread-export/1"')
    capsys.readouterr()


@pytest.mark.parametrize("where", ["folder", "dangling"])
def test_force_never_follows_a_symlink_to_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    target = tmp_path / "there"
    if where == "folder":
        target.mkdir()
    link = tmp_path / "out.toml"
    link.symlink_to(target)
    assert main(["export", "--all", "--force", "-o", str(link)]) == 1
    assert link.is_symlink() and (where == "folder") == target.exists()
    said = "is a folder, not a regular file" if where == "folder" else "does not exist"
    line = _err_lines(capsys)[0]
    assert f"{link}: is a symbolic link to {target}, which" in line and said in line


def test_a_file_name_that_is_not_utf8_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff\xfe report.txt"
    shutil.copyfile(sample_paths()[0], raw)
    name = os.fsdecode(raw)
    out = tmp_path / "out.toml"
    assert main(["export", "--all", name, "-o", str(out)]) == 0
    (table,) = _exported(out)
    assert str(table["file"]).endswith("\\xff\\xfe report.txt")
    capsys.readouterr()
    assert main(["export", "--all", name, "-o", "-"]) == 0
    (table,) = tomllib.loads(capsys.readouterr().out)["item"]
    assert table["file"].endswith("\\xff\\xfe report.txt")


# -- standard output that cannot be written ---------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["outline"],
        ["outline", "--format", "json"],
        ["search", "法治", "--format", "json"],
        ["compare", "咸宁", "宝鸡", "--format", "toml"],
        ["export", "--all", "-o", "-"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        assert main(argv) == 1
        monkeypatch.undo()
    assert _err_lines(capsys) == [
        "govread: error: cannot write to standard output: no space left on the device"
    ]
