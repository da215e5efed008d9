"""Why a file was not opened is said in the interface language, its figures filled in
(QA walk: `govread --lang zh outline page.html` said "is a web page with no article text").

A reader's `ReportError` carries a message id and its fields; `Problem` shows them through
the catalogue, also when the error was raised in a worker process (it travels as data)."""

from __future__ import annotations

import ast
import contextlib
import os
import pickle
from pathlib import Path

import pytest

from govread.corpus import load
from govread.i18n import set_language
from govread.opening import Problem
from govread.parsers import readers

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _shown(paths: list[Path]) -> dict[str, str]:
    return {Path(p.path).name: str(p).split(": ", 1)[1] for p in load(paths).problems}


def test_each_reason_is_shown_in_chinese_with_its_figures(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_LINES", 5)
    files = {
        "page.html": b"<html><body><p>\xe9\xa6\x96\xe9\xa1\xb5</p></body></html>",
        "long.txt": "法治政府建设\n".encode() * 7,
        "photo.txt": PNG,
        "paper.pdf": "一、法治政府建设".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [tmp_path / name for name in files]
    english = _shown(paths)
    set_language("zh")
    chinese = _shown(paths)
    assert english == {
        "page.html": "is a web page with no article text",
        "long.txt": "has 8 lines: too many for a report",
        "photo.txt": "is a PNG image",
        "paper.pdf": "is not a PDF (it is text)",
    }
    assert chinese == {
        "page.html": "是网页，但没有正文",
        "long.txt": "有 8 行，报告不会这么长",
        "photo.txt": "是PNG 图片",
        "paper.pdf": "不是 PDF（而是文本）",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_kind_of_file_inside_a_reason_is_translated_too(tmp_path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    set_language("zh")
    assert _shown([fifo]) == {"pipe.txt": "不是普通文件（而是管道）"}


def test_a_problem_keeps_its_message_id_across_processes() -> None:
    """A worker's `Problem` is pickled to the parent, which shows it in its language."""
    error = readers.ReportError("big.pdf", "has {pages:,} pages: too many for a report", pages=1200)
    problem = pickle.loads(pickle.dumps(Problem.of(error, explicit=True)))
    assert problem.reason == "has 1,200 pages: too many for a report"  # the English, for logs
    set_language("zh")
    assert str(problem) == "big.pdf: 有 1,200 页，报告不会这么长"


def _bare_reasons(path: Path, root: Path = ROOT) -> list[str]:
    """``file:line`` of every ``ReportError(path, reason)`` whose reason is a literal or an
    f-string: a reason must be a message id (``N_``), its figures given as fields."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "ReportError"
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant | ast.JoinedStr)
        ):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_every_reason_a_reader_gives_is_a_message_id(tmp_path) -> None:
    bare = [
        line for path in sorted((ROOT / "parsers").glob("*.py")) for line in _bare_reasons(path)
    ]
    assert bare == []
    probe = tmp_path / "probe.py"
    probe.write_text('raise ReportError(p, f"has {n} lines")\nraise ReportError(p, N_("ok"))\n')
    assert [line.split(":")[1] for line in _bare_reasons(probe, tmp_path)] == ["1"]


def test_govread_index_says_why_in_chinese(tmp_path, capsys) -> None:
    from govread.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "page.html").write_bytes(b"<html><body><p>x</p></body></html>")
    with contextlib.suppress(SystemExit):  # a file in a folder is skipped, not an error
        main(["--lang", "zh", "index", str(folder), "--store", str(tmp_path / "s.sqlite3")])
    assert f"{folder / 'page.html'}: 是网页，但没有正文" in capsys.readouterr().err
