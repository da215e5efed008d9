"""Every CLI output stays safe for the terminal with hostile file names, and nothing misleads.

The folder of `tests/hostile.py`: names with OSC 0 / OSC 52 sequences, an 8-bit CSI, Rich
markup, a right-to-left override, a byte that is not UTF-8, and a PDF whose pypdf error
repeats escapes. Every subcommand, in every format, on stdout and stderr.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from govread.cli import main
from govread.corpus import sample_paths


def run(capsys: pytest.CaptureFixture[str], *argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    code = main([os.fspath(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_outline_text_and_json(hostile: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "outline", hostile.folder)
    assert code == 0
    hostile.assert_clean(out + err)
    assert "\\x1b]0;PWN" in out  # the name is shown, escaped
    assert err.count("govread: skipped:") == 2  # the binary file and the PDF
    assert "is not a readable PDF" in err  # (pypdf's own message is not repeated)
    assert "\\xff" in out  # the undecodable byte of a name

    code, out, err = run(capsys, "outline", "--format", "json", hostile.folder)
    assert code == 0
    hostile.assert_clean(out + err)
    reports = json.loads(out)
    assert {r["region"] for r in reports} == {"咸宁市", "宝鸡市", "株洲市"}
    # JSON keeps the data exact: the path is the real one, C1 and bidi included.
    assert str(hostile.baoji) in {r["path"] for r in reports}


def test_a_missing_file_named_is_one_clean_line_and_exit_1(
    hostile: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "outline", hostile.missing, hostile.xianning)
    assert code == 1 and "咸宁市" in out
    hostile.assert_clean(out + err)
    assert err.splitlines() == [
        "govread: error: " + str(hostile.missing).replace("\033", "\\x1b") + ": no such file"
    ]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_search(hostile: Any, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "search", "法治", hostile.folder, hostile.missing, "--format", fmt)
    assert code == 1  # a file named could not be opened: 1, the others' hits still printed
    hostile.assert_clean(out + err)
    assert "咸宁市" in out and "宝鸡市" in out
    if fmt == "json":
        assert {hit["region"] for hit in json.loads(out)} >= {"咸宁市", "宝鸡市"}


def test_search_of_a_query_with_escapes(hostile: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "\x1b]0;x\x07 \x9b31m", hostile.xianning)
    assert code == 1
    hostile.assert_clean(out + err)


@pytest.mark.parametrize("fmt", ["text", "json", "toml"])
def test_compare(hostile: Any, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "compare", hostile.xianning, hostile.baoji, "--format", fmt)
    assert code == 0, err
    hostile.assert_clean(out + err)
    assert "咸宁市" in out and "宝鸡市" in out
    if fmt == "toml":
        assert tomllib.loads(out)["compare"]["b"]["region"] == "宝鸡市"


def test_compare_errors(hostile: Any, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ("compare", hostile.missing, hostile.xianning),
        ("compare", hostile.pdf, hostile.xianning),
        ("compare", f"{hostile.missing.name}x", "咸宁"),  # a name: usage error listing reports
        ("compare", hostile.xianning, hostile.baoji, "--corpus", hostile.folder),
    ):
        _code, out, err = run(capsys, *argv)
        hostile.assert_clean(out + err)
        assert err, argv


def test_export(hostile: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # A name that is not UTF-8 cannot be written into the TOML `file` field as it is: how it
    # is recorded belongs to the export format, tested with it, not here.
    hostile.undecodable.unlink()
    code, out, err = run(capsys, "export", hostile.folder, "--query", "法治", "-o", "-")
    assert code == 0
    hostile.assert_clean(err)
    assert tomllib.loads(out)["item"]
    existing = tmp_path / f"{hostile.missing.name}.toml"
    existing.write_text("x")
    for argv in (
        ("export", hostile.folder, "--query", "法治", "-o", existing),
        ("export", hostile.folder, "--query", "\x1b]0;none\x07", "-o", tmp_path / "n.toml"),
        ("export", hostile.missing, "--all", "-o", tmp_path / "m.toml"),
        ("export", hostile.folder, "--all", "-o", tmp_path / f"{hostile.missing.name}" / "x.toml"),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1, argv
        hostile.assert_clean(out + err)
        assert err.startswith("govread: "), argv
    code, out, err = run(capsys, "export", hostile.folder, "--all", "-o", tmp_path / "ok.toml")
    assert code == 0
    hostile.assert_clean(out + err)


def test_tui_refuses_without_a_terminal_cleanly(
    hostile: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--theme", "\x1b]0;x\x07", hostile.xianning)
    assert code == 2
    hostile.assert_clean(out + err)


def test_text_hits_show_their_rank_not_a_misleading_score(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """法 is found only inside longer words (法治): BM25 over jieba tokens gives it 0, which
    printed as 0.00 looked like no match. The text shows the rank and the kind of match."""
    code, out, _ = run(capsys, "search", "法", "--limit", "0")
    assert code == 0
    assert "0.00" not in out
    heads = [line for line in out.splitlines() if line[:1].isdigit()]
    assert heads and all(line.rstrip().endswith(("[exact]", "[words]")) for line in heads)
    assert [int(line.split(".")[0]) for line in heads] == list(range(1, len(heads) + 1))


def test_search_exit_status_with_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    good = str(sample_paths()[0])
    code, out, err = run(capsys, "search", "法治", "/nope/missing.txt", good)
    assert code == 1
    assert "咸宁市" in out
    assert err == "govread: error: /nope/missing.txt: no such file\n"
    code, _, _ = run(capsys, "search", "法治", good)
    assert code == 0


@pytest.mark.parametrize("command", [[], ["outline"], ["search", "x"], ["compare", "a", "b"]])
def test_usage_errors_repeat_arguments_sanitised(
    hostile: Any, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    try:
        code = main([*command, "--\x1b]0;PWN\x07\x9b31m\u202e"])
    except SystemExit as exit_:
        code = exit_.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code == 2
    hostile.assert_clean(out + err)
    assert "unrecognized arguments: --\\x1b]0;PWN\\x07\\x9b31m\\u202e" in err


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        ("figures", "csv"),
        ("figures", "jsonl"),
        ("figures", "json"),
        ("coverage", "csv"),
        ("coverage", "json"),
        ("check", "csv"),
        ("check", "json"),
    ],
)
def test_corpus_tables(
    hostile: Any, capsys: pytest.CaptureFixture[str], command: str, fmt: str
) -> None:
    """The tables of `figures`, `coverage` and `check` name each report's file: its escapes
    reach standard output escaped (CSV: shown as `\\x9b`; JSON: as `\\u` escapes, so
    the path read back is the real one)."""
    code, out, err = run(capsys, command, hostile.xianning, hostile.baoji, "--format", fmt)
    assert code == 0, err
    # a CSV's BOM and CRLF line ends are meant
    hostile.assert_clean(out.removeprefix("\ufeff").replace("\r\n", "\n") + err)
    if fmt == "csv":
        assert "\\x9b" in out and "宝鸡市2024年.txt" in out
        return
    if fmt == "jsonl":
        paths = {json.loads(line)["path"] for line in out.splitlines()}
    else:
        paths = {row["path"] for row in json.loads(out)}
    assert paths == {str(hostile.xianning), str(hostile.baoji)}


@pytest.mark.parametrize("command", ["figures", "coverage", "check"])
def test_corpus_tables_as_text_show_escapes_as_the_one_sanitiser_does(
    hostile: Any, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The text tables escape a file name's controls visibly (`\\x9b`), as every other output
    does, rather than dropping them: a user can still tell what the name held."""
    code, out, err = run(capsys, command, hostile.xianning, hostile.baoji, "--format", "text")
    assert code == 0, err
    hostile.assert_clean(out + err)
    if command == "check":  # the checklist names each report's file
        assert "\\x9b" in out
