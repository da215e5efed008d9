"""The command line where the environment is not the usual one: standard output in an
encoding without Chinese (`LC_ALL=C` without Python's UTF-8 mode, `PYTHONIOENCODING=ascii`),
a closed pipe, a full disk. Invented reports."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hostile import BODY

from govread.cli import main


def report(folder: Path, name: str, place: str) -> Path:
    path = folder / name
    text = f"{place}2023年法治政府建设情况报告\n{BODY}{place}人民政府\n2024年1月{len(place)}日\n"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def two_reports(tmp_path: Path) -> tuple[Path, Path]:
    return report(tmp_path, "a.txt", "青禾市"), report(tmp_path, "b.txt", "白石县")


class AsciiTerminal:
    """Standard output and error that can encode ASCII alone, as under `LC_ALL=C`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.out = io.BytesIO()
        self.err = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(self.out, encoding="ascii"))
        monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(self.err, encoding="ascii"))

    def run(self, *argv: str | os.PathLike[str]) -> tuple[int, bytes]:
        self.out.seek(0)
        self.out.truncate()
        code = main(["--lang", "en", *(os.fspath(a) for a in argv)])
        sys.stdout.flush()
        return code, self.out.getvalue()


@pytest.mark.parametrize(
    "command",
    [
        ["outline"],
        ["search", "法治"],
        ["compare"],
        ["check"],
        ["figures"],
        ["coverage"],
        ["cite", "--format", "text"],  # (QA: written as UTF-8 bytes whatever the terminal)
    ],
)
def test_chinese_text_on_an_ascii_terminal_is_escaped_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, two_reports: tuple[Path, Path], command: list[str]
) -> None:
    terminal = AsciiTerminal(monkeypatch)
    code, out = terminal.run(*command, *two_reports)
    assert code == 0
    out.decode("ascii")  # every byte is ASCII
    assert b"\\u9752\\u79be\\u5e02" in out  # 青禾市, escaped


@pytest.mark.parametrize(
    "command",
    [
        ["outline", "--format", "json"],
        ["outline", "--format", "jsonl"],
        ["search", "--format", "json", "法治"],
        ["compare", "--format", "json"],
    ],
)
def test_json_is_utf8_whatever_the_locale(
    monkeypatch: pytest.MonkeyPatch, two_reports: tuple[Path, Path], command: list[str]
) -> None:
    terminal = AsciiTerminal(monkeypatch)
    code, out = terminal.run(*command, *two_reports)
    assert code == 0
    text = out.decode("utf-8")
    assert "青禾市" in text  # as written, as into a file
    first = json.loads(text.splitlines()[0])
    assert first


def test_help_on_an_ascii_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = AsciiTerminal(monkeypatch)
    code, out = terminal.run("--lang", "zh", "search", "--help")
    assert code == 0
    assert out.startswith(b"\\u7528\\u6cd5")  # 用法, escaped


def escaped_by_the_c_locale(text: str) -> str:
    """`text` as Python reads it from argv in the C locale without UTF-8 mode: each byte
    of its UTF-8 a surrogate escape."""
    return text.encode("utf-8").decode("ascii", "surrogateescape")


def test_a_word_typed_in_the_c_locale_is_read_as_utf8() -> None:
    from govread.cli import argument_text

    assert argument_text(escaped_by_the_c_locale("依法行政")) == "依法行政"
    assert argument_text("依法行政") == "依法行政"
    assert argument_text("\udcff") == "\udcff"  # not UTF-8: left as it came


def test_a_query_typed_in_the_c_locale_finds_its_hits(
    two_reports: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["search", "--format", "json", escaped_by_the_c_locale("依法行政"), *map(str, two_reports)]
    )
    hits = json.loads(capsys.readouterr().out)
    assert code == 0 and hits


def test_a_place_typed_in_the_c_locale_is_found(
    two_reports: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(two_reports[0].parent)
    code = main(["compare", "--region", escaped_by_the_c_locale("青禾市"), "--corpus", folder])
    assert code == 0, capsys.readouterr().err


def test_names_typed_in_the_c_locale_are_found_in_the_store(
    two_reports: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`compare A B --corpus DIR` matches the names against the store's reports."""
    folder = str(two_reports[0].parent)
    names = [escaped_by_the_c_locale(n) for n in ("青禾", "白石")]
    store = tmp_path / "store.sqlite3"
    assert main(["index", folder, "--store", str(store)]) == 0
    code = main(["compare", *names, "--store", str(store), "--format", "json"])
    assert code == 0, capsys.readouterr().err
    assert "青禾市" in capsys.readouterr().out


class ClosedPipe(io.RawIOBase):
    """Standard output whose reader has gone (`govread … | head -1`, once head has read)."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    "command",
    [["search", "法治"], ["compare"], ["check"], ["figures"], ["coverage"], ["outline"]],
)
def test_a_closed_pipe_ends_every_text_table_as_it_ends_the_other_formats(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
    command: list[str],
) -> None:
    closed = io.TextIOWrapper(io.BufferedWriter(ClosedPipe()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    assert main([*command, *map(str, two_reports)]) == 0
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_ends_the_timeline_too(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
) -> None:
    closed = io.TextIOWrapper(io.BufferedWriter(ClosedPipe()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    folder = str(two_reports[0].parent)
    assert main(["compare", "--region", "青禾市", "--corpus", folder]) == 0
    assert capsys.readouterr().err == ""


class FullDisk(io.RawIOBase):
    """Standard output on a full disk (`> /dev/full`)."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("command", [["--help"], ["search", "--help"], ["export", "--help"]])
def test_help_on_a_full_disk_is_said_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    full = io.TextIOWrapper(FullDisk(), encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stdout", full)
    assert main(["--lang", "en", *command]) == 1
    err = capsys.readouterr().err
    assert err == "govread: error: cannot write to standard output: no space left on the device\n"


def test_options_between_the_query_and_the_paths(
    two_reports: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = map(str, two_reports)
    assert main(["search", "依法行政", "--format", "json", "--limit", "9", a, b]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {hit["path"] for hit in hits} == {a, b}
    assert main(["compare", a, "--format", "json", b]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "govread-compare/1"


def test_a_query_after_the_end_of_options_is_still_read_whole(
    two_reports: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = map(str, two_reports)
    assert main(["search", "--format", "json", "--", "-不存在的词 依法行政", a, b]) == 0
    assert json.loads(capsys.readouterr().out)


def _with_a_skipped_file(two_reports: tuple[Path, Path]) -> Path:
    """The reports' folder with a file that is skipped with a warning on stderr."""
    folder = two_reports[0].parent
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04 not a report")
    return folder


def test_a_closed_stderr_never_puts_warnings_into_the_json(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
) -> None:
    folder = _with_a_skipped_file(two_reports)
    monkeypatch.setattr(sys, "stderr", None)  # `2>&-`: Python leaves it None
    assert main(["outline", "--format", "json", str(folder)]) == 0
    sys.stderr.close()  # the null device main opened
    assert len(json.loads(capsys.readouterr().out)) == 2


@pytest.mark.parametrize("command", [["outline"], ["search", "法治"], ["compare"], ["--help"]])
def test_a_closed_stdout_is_said_and_exit_1(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
    command: list[str],
) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # `>&-`
    assert main(["--lang", "en", *command, *map(str, two_reports)]) == 1
    assert (
        capsys.readouterr().err == "govread: error: cannot write to standard output: it is closed\n"
    )


def test_the_browser_with_stdin_closed_asks_for_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # `<&-`
    assert main(["--lang", "en"]) == 2
    sys.stdin.close()
    assert "the browser needs a terminal" in capsys.readouterr().err


def test_a_huge_columns_does_not_pad_compare_to_its_width(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
) -> None:
    monkeypatch.setenv("COLUMNS", "99999999")
    assert main(["compare", *map(str, two_reports)]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 1000


def test_a_closed_stderr_pipe_does_not_stop_the_output(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_reports: tuple[Path, Path],
) -> None:
    folder = _with_a_skipped_file(two_reports)
    gone = io.TextIOWrapper(ClosedPipe(), encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stderr", gone)  # `2> >(head -c 0)`
    assert main(["search", "--format", "json", "依法行政", str(folder)]) == 0
    assert len({hit["path"] for hit in json.loads(capsys.readouterr().out)}) == 2


def test_a_store_folder_that_cannot_be_made_is_said_in_the_interface_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], two_reports: tuple[Path, Path]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    store = blocked / "sub" / "store.sqlite3"
    assert main(["--lang", "zh", "index", "--store", str(store), str(two_reports[0])]) == 1
    err = capsys.readouterr().err
    assert "路径中有一部分不是文件夹" in err, err
    assert "Not a directory" not in err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('language = "chinese"\n', '\'language\' must be "en" or "zh"; ignored'),
        ('language = "zh"\ntheme = [\n', "is not valid TOML"),
    ],
)
def test_a_language_the_config_cannot_give_is_said_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    two_reports: tuple[Path, Path],
    written: str,
    said: str,
) -> None:
    from govread import config

    settings = tmp_path / "config.toml"
    settings.write_text(written, "utf-8")
    monkeypatch.setattr(config, "config_path", lambda: settings)
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(["search", "依法行政", str(two_reports[0])]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"govread: warning: {settings}: ") and said in err
    assert main(["--lang", "en", "search", "依法行政", str(two_reports[0])]) == 0
    assert capsys.readouterr().err == ""  # --lang: the config's language is not asked for


def test_sigterm_ends_a_command_as_ctrl_c_does_and_removes_the_file_being_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import signal
    import time
    from collections.abc import Iterator

    from govread import atomic, cli

    target = tmp_path / "out.toml"

    def chunks() -> Iterator[bytes]:
        yield b"[[item]]\n"
        os.kill(os.getpid(), signal.SIGTERM)  # `kill PID` while the file is written
        time.sleep(5)  # not reached: the signal stops the write
        yield b"id = 1\n"

    def command(_argv: object) -> int:
        atomic.atomic_write_chunks(target, chunks())
        return 0

    unheard: list[int] = []  # the signal reached this handler, not govread's
    before = signal.signal(signal.SIGTERM, lambda received, _frame: unheard.append(received))
    try:
        monkeypatch.setattr(cli, "_subcommand", lambda _name: command)
        assert main(["export"]) == 143
        put_back = signal.getsignal(signal.SIGTERM)  # this test's, once main returns
    finally:
        signal.signal(signal.SIGTERM, before)
    assert not unheard
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary twin
    assert callable(put_back) and put_back.__name__ == "<lambda>"


@pytest.mark.parametrize(
    "argv",
    [
        ["outline", ""],
        ["search", "法治", ""],
        ["index", "", "--store", "s.sqlite3"],
        ["figures", ""],
        ["export", "", "--all"],
        ["compare", "--store", "", "a.txt", "b.txt"],
        ["--store", ""],
    ],
    ids=["outline", "search", "index", "figures", "export", "compare-store", "browser-store"],
)
def test_an_empty_path_is_a_usage_error_not_the_working_folder(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """An unset shell variable ("$DIR") is an empty argument, which a path reads as the
    working folder: `govread index ""` indexed all of it. Every PATH, DIR and FILE refuses
    it, status 2, nothing read or written."""
    monkeypatch.chdir(tmp_path)
    report(tmp_path, "a.txt", "青禾市")
    try:
        code = main(argv)
    except SystemExit as exit_:  # (some commands leave argparse's exit to main's caller)
        code = exit_.code
    assert code == 2
    assert "an empty name: give a file or a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
