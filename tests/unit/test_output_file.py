"""`-o FILE [--force]` of export, compare and compare --region (govread.commands.output_file):
/dev/stdout is standard output; a link, folder or device is never replaced, even with --force."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from govread.cli import main
from govread.commands.output_file import is_stdout, output_of, refused

YEARS = Path(__file__).parents[1] / "fixtures" / "years"


def test_the_names_of_standard_output() -> None:
    assert all(is_stdout(name) for name in ("-", "/dev/stdout", "/dev/fd/1"))
    assert not is_stdout(None) and not is_stdout("stdout") and not is_stdout("/dev/stderr")


def test_output_of_reads_dev_stdout_as_standard_output() -> None:
    parser = argparse.ArgumentParser()
    assert output_of(parser, "/dev/stdout", force=False, takes_file=True, needs="x") is None
    assert output_of(parser, "a.csv", force=True, takes_file=True, needs="x") == "a.csv"
    with pytest.raises(SystemExit):
        output_of(parser, "/dev/stdout", force=True, takes_file=True, needs="x")


def test_a_folder_or_a_link_to_one_is_refused_even_with_force(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("mine", "utf-8")
    link = tmp_path / "link.csv"
    os.symlink(target, link)
    assert refused(str(link), force=True) is None  # followed to the file it points to
    assert "--force" in (refused(str(link), force=False) or "")
    to_folder = tmp_path / "to_folder.csv"
    os.symlink(tmp_path, to_folder)
    assert "symbolic link to" in (refused(str(to_folder), force=True) or "")
    dangling = tmp_path / "dangling.csv"
    os.symlink(tmp_path / "gone.csv", dangling)
    assert "does not exist" in (refused(str(dangling), force=True) or "")
    assert "folder" in (refused(str(tmp_path), force=True) or "")
    assert "--force" in (refused(str(target), force=False) or "")
    assert refused(str(target), force=True) is None
    assert refused(str(tmp_path / "new.csv"), force=False) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--region", "通山", "--corpus", str(YEARS), "--format", "csv"],
        ["compare", str(YEARS / "tongshan_2021.txt"), str(YEARS / "tongshan_2022.txt"),
         "--format", "csv"],
        ["export", str(YEARS / "tongshan_2021.txt"), "--all", "--format", "csv"],
    ],
)  # fmt: skip
def test_dev_stdout_writes_what_standard_output_gets(argv: list[str], capsys) -> None:
    assert main([*argv, "-o", "-"]) == 0
    printed = capsys.readouterr().out
    assert main([*argv, "-o", "/dev/stdout"]) == 0
    assert capsys.readouterr().out == printed != ""


def test_compare_writes_through_a_link_only_with_force(tmp_path: Path, capsys) -> None:
    target = tmp_path / "kept.csv"
    target.write_text("mine", "utf-8")
    link = tmp_path / "link.csv"
    os.symlink(target, link)
    argv = ["compare", "--region", "通山", "--corpus", str(YEARS), "--format", "csv"]
    assert main([*argv, "-o", str(link)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text("utf-8") == "mine" and link.is_symlink()
    assert main([*argv, "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and target.read_text("utf-8") != "mine"
    to_folder = tmp_path / "to_folder.csv"
    os.symlink(tmp_path, to_folder)
    assert main([*argv, "-o", str(to_folder), "--force"]) == 1
    assert "symbolic link to" in capsys.readouterr().err and to_folder.is_symlink()


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--region", "通山", "--corpus", str(YEARS), "--format", "csv"],
        ["compare", str(YEARS / "tongshan_2021.txt"), str(YEARS / "tongshan_2022.txt"),
         "--format", "toml"],
        ["export", str(YEARS / "tongshan_2021.txt"), "--all"],
    ],
)  # fmt: skip
def test_a_name_ending_with_a_slash_is_refused_unless_it_is_a_folder(
    argv: list[str], tmp_path: Path, capsys
) -> None:
    new, existing = tmp_path / "new", tmp_path / "old.toml"
    existing.write_text("mine", "utf-8")
    for output in (f"{new}/", f"{existing}/"):
        with pytest.raises(SystemExit) as usage:
            main([*argv, "-o", output, "--force"])
        assert usage.value.code == 2
        assert "ends with a slash" in capsys.readouterr().err
    assert not new.exists() and existing.read_text("utf-8") == "mine"
    assert main([*argv, "-o", f"{tmp_path}/", "--force"]) == 1  # a folder, as without the slash
    assert "is a folder, not a file" in capsys.readouterr().err


def test_a_file_in_a_folder_that_takes_no_new_file_is_not_offered_to_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `-o /proc/version` said "already exists; use --force", which could never write
    it: the folder takes no new file (as /proc), and that is what is said."""
    import errno

    from hostile import refuse_temporary_files

    target = tmp_path / "version"
    target.write_text("kept", "utf-8")
    refuse_temporary_files(monkeypatch, FileNotFoundError(errno.ENOENT, "No such file"))
    assert refused(str(target), force=False) == f"{target}: cannot create a file in that folder"
    assert refused(str(target), force=True) == f"{target}: cannot create a file in that folder"
    assert main(["compare", "咸宁", "宝鸡", "--format", "csv", "-o", str(target)]) == 1
    assert "cannot create a file in that folder" in capsys.readouterr().err
    assert target.read_text("utf-8") == "kept"
    assert list(tmp_path.iterdir()) == [target]


def test_compare_region_takes_the_format_from_the_files_name_as_compare_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `compare A B -o cmp.csv` writes CSV, but `compare --region 通山 -o t.csv` said
    "-o/--output needs --format json or csv"; -o is taken the same way by both (README)."""
    argv = ["compare", "--region", "通山", "--corpus", str(YEARS)]
    assert main([*argv, "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_bytes().decode() == _printed(
        capsys, [*argv, "--format", "csv"]
    )
    assert main([*argv, "-o", str(tmp_path / "t.json")]) == 0
    assert (tmp_path / "t.json").read_bytes().decode() == _printed(
        capsys, [*argv, "--format", "json"]
    )
    with pytest.raises(SystemExit) as usage:
        main([*argv, "-o", str(tmp_path / "t.xlsx")])
    assert usage.value.code == 2
    assert "does not write .xlsx files" in capsys.readouterr().err
    assert not (tmp_path / "t.xlsx").exists()


def _printed(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["export", str(YEARS), "--all"],
        ["compare", *(str(p) for p in sorted(YEARS.iterdir())[:2])],
        ["compare", "--region", "通山县", "--corpus", str(YEARS)],
    ],
    ids=["export", "compare", "region"],
)
def test_an_empty_output_name_is_a_usage_error_and_writes_nothing(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """`-o ''` (an unset shell variable: -o "$OUT") is no file name: export wrote its
    default file and compare took it for no -o at all; each now says so, status 2."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "-o", ""])
    assert exit_.value.code == 2
    assert "an empty file name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
