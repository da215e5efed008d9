"""One interface language at a time: how it is chosen, and what a translation keeps."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from govread import cli
from govread.config import config_path, configured_language, load_config
from govread.i18n import _, _n, catalogue, language, locale_language, resolve_language, set_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL wins
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN"}, "zh"),  # an empty variable is not set
        ({"LANGUAGE": "fr:zh_CN:en", "LANG": "en_US"}, "zh"),  # first one govread speaks
        ({"LANGUAGE": "fr", "LANG": "zh_CN"}, "zh"),  # none it speaks: the next variable
    ],
)
def test_the_locale_chooses_the_language(environ: dict[str, str], expected: str | None) -> None:
    assert locale_language(environ) == expected


def test_the_flag_beats_the_config_which_beats_the_locale() -> None:
    zh_locale = {"LANG": "zh_CN.UTF-8"}
    assert resolve_language(None, None, zh_locale) == "zh"
    assert resolve_language(None, "en", zh_locale) == "en"
    assert resolve_language("zh", "en", {}) == "zh"
    assert resolve_language(None, None, {}) == "en"  # no locale at all: English


def test_english_is_the_message_id_and_chinese_comes_from_the_catalogue() -> None:
    assert _("Help") == "Help"
    set_language("zh")
    assert language() == "zh"
    assert _("Help") == "帮助"
    assert _("a message nobody translated") == "a message nobody translated"
    set_language("en")
    assert _("Help") == "Help"


def test_placeholders_survive_translation() -> None:
    set_language("zh")
    assert _("Opened {url}").format(url="https://x.cn/a") == "已打开 https://x.cn/a"
    assert _n("{n} report", "{n} reports", 3).format(n=3) == "3 份报告"
    set_language("en")
    assert _n("{n} report", "{n} reports", 1).format(n=1) == "1 report"
    assert _n("{n} report", "{n} reports", 2).format(n=2) == "2 reports"


def test_every_translation_formats_with_its_ids_fields() -> None:
    """str.format with the id's own fields never fails on a translation (no stray brace)."""
    import string

    class Anything:
        """A field's value whatever its attributes and spec (a binding's keys,
        ``{marks.close:first}``, `tui.keymap.keys_in`)."""

        def __getattr__(self, _name: str) -> Anything:
            return self

        def __format__(self, _spec: str) -> str:
            return "1"

    for message, translation in catalogue("zh").items():
        fields = {name for _t, name, _s, _c in string.Formatter().parse(message) if name}
        values = {name.split(".", 1)[0]: Anything() for name in fields}
        translation.format(**values)  # raises on a field or brace the id does not have


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("fr")


def _write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_the_config_names_the_language() -> None:
    _write_config('language = "zh"\n')
    assert configured_language() == "zh"
    assert load_config()[0].language == "zh"


def test_a_wrong_language_in_the_config_is_ignored_with_a_warning() -> None:
    _write_config('language = "klingon"\n')
    assert configured_language() is None
    config, warnings = load_config()
    assert config.language is None
    assert len(warnings) == 1 and "'language'" in warnings[0]


def test_a_broken_config_is_left_for_the_app_to_set_aside() -> None:
    path = _write_config("language = \n")
    assert configured_language() is None
    assert path.exists()  # not moved: the browser's load_config tells the user


def test_the_command_line_speaks_the_language_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--lang", "zh", "outline", "--help"])
    out = capsys.readouterr().out
    assert "用法：" in out and "显示本帮助并退出" in out
    with pytest.raises(SystemExit):
        cli.main(["outline", "--lang=en", "--help"])
    assert "usage:" in capsys.readouterr().out


def test_the_locale_and_the_config_reach_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    with pytest.raises(SystemExit):
        cli.main(["outline", "/nonexistent/report.txt"])
    assert "govread：错误：" in capsys.readouterr().err
    _write_config('language = "en"\n')
    with pytest.raises(SystemExit):
        cli.main(["outline", "/nonexistent/report.txt"])
    assert "govread: error: " in capsys.readouterr().err


def test_a_bad_lang_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "fr"]) == cli.EXIT_USAGE
    assert "--lang" in capsys.readouterr().err
    assert cli.main(["--lang"]) == cli.EXIT_USAGE


def test_lang_after_double_dash_is_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    kept, chosen = cli._take_lang(["outline", "--", "--lang"])
    assert kept == ["outline", "--", "--lang"] and chosen is None


def test_a_file_not_opened_is_told_in_the_language_in_force() -> None:
    """A fixed reason (made with N_, perhaps in a pool worker) is translated where shown;
    one carrying a library's words stays as it is."""
    from govread.opening import Problem

    set_language("zh")
    assert str(Problem("a.txt", "no such file", True)) == "a.txt: 文件不存在"
    assert (
        str(Problem("b.pdf", "cannot be read (Errno 5)", True)) == "b.pdf: cannot be read (Errno 5)"
    )


def test_a_broken_state_file_is_reported_in_the_language_in_force() -> None:
    _write_config("theme = \n")
    set_language("zh")
    config, warnings = load_config()
    assert config.theme is None
    assert len(warnings) == 1
    assert "已将其移至 config.toml.bad-" in warnings[0] and "使用默认设置" in warnings[0]


def test_a_usage_error_is_told_in_the_language_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--lang", "zh", "outline", "--bogus"])
    err = capsys.readouterr().err
    assert "用法：govread outline" in err and "错误：无法识别的参数：--bogus" in err


def _exit_code(argv: list[str]) -> int | str | None:
    """`cli.main`'s status, whether it returns it or argparse exits with it."""
    try:
        return cli.main(argv)
    except SystemExit as stopped:
        return stopped.code


@pytest.mark.parametrize("name", ["", *cli.SUBCOMMANDS])
def test_chinese_help_has_no_english_of_argparse(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse's own words (headings, usage) come from the catalogue, ended as Chinese
    ends them: no "位置参数:" beside "用法："."""
    assert _exit_code(["--lang", "zh", *([name] if name else []), "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：govread")
    assert "选项：\n" in out and "选项:" not in out and "位置参数:" not in out
    for english in ("usage", "positional arguments", "options:", "show this help"):
        assert english not in out
    assert _exit_code(["--lang", "en", *([name] if name else []), "--help"]) == 0
    assert "\noptions:\n" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv", [[], *([name] for name in cli.SUBCOMMANDS), ["compare", "--region", "X"]]
)
def test_every_help_shows_the_options_every_command_takes(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang and --no-cache work with every command (main takes them off the command
    line), so every command's --help lists them, in the language in force."""
    assert _exit_code(["--lang", "en", *argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert "\noptions of every command:\n" in out
    assert "--lang {en,zh}" in out and "--no-cache" in out
    assert _exit_code([*argv, "--lang=zh", "--help"]) == 0
    assert "\n所有命令通用的选项：\n" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "chinese", "english"),
    [
        (
            ["outline", "--format", "x"],
            "错误：参数 --format：无效的选项 'x'（可选：'text', 'json', 'jsonl'）",
            "error: argument --format: invalid choice: 'x' (choose from 'text', 'json', 'jsonl')",
        ),
        (
            ["search"],
            "错误：缺少以下参数：QUERY",
            "error: the following arguments are required: QUERY",
        ),
        (
            ["search", "--format"],
            "参数 --format：需要一个参数值",
            "argument --format: expected one argument",
        ),
    ],
)
def test_argparse_reasons_are_in_the_language_in_force(
    argv: list[str], chinese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("zh", "en"):
        assert _exit_code(["--lang", lang, *argv]) == cli.EXIT_USAGE
        err = capsys.readouterr().err
        if lang == "zh":
            assert chinese in err and "argument" not in err
        else:
            assert english in err


def test_argparse_translations_keep_their_placeholders() -> None:
    import re

    placeholder = re.compile(r"%(?:\([a-z_]+\))?[sr]")
    table = catalogue("zh")
    ids = [*cli.ARGPARSE_MESSAGES, *(plural for _one, plural in cli.ARGPARSE_PLURALS)]
    for message in ids:
        assert message in table, message
        assert sorted(placeholder.findall(table[message])) == sorted(placeholder.findall(message))


def test_chinese_help_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse wraps at spaces (textwrap): Chinese help ran past the edge unbroken."""
    from rich.cells import cell_len

    from govread.linebreak import CLOSING

    monkeypatch.setenv("COLUMNS", "60")
    assert _exit_code(["--lang", "zh", "compare", "--help"]) == 0
    out = capsys.readouterr().out
    body = out.split("\n\n", 1)[1]  # after the usage (argparse counts its characters)
    assert max(cell_len(line) for line in body.splitlines()) <= 60
    assert not [line for line in body.splitlines() if line.strip()[:1] in CLOSING]
    assert "逐一比较两份或更多报告" in out.replace("\n", "")


def test_files_skipped_and_indexing_are_told_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from govread.commands.progress import ProgressLine

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "notes.xyz").write_text("x", "utf-8")
    _exit_code(["--lang", "zh", "index", str(folder), "--store", str(tmp_path / "s.db")])
    err = capsys.readouterr().err
    assert "photo.jpg: 是图片，不是报告" in err
    assert "notes.xyz: 不是 govread 能读取的文件类型" in err
    assert "not a report" not in err and "kind of file" not in err
    stream = io.StringIO()
    ProgressLine(stream)("indexing", 1, 1)
    assert stream.getvalue() == "建立索引：1/1\n"


def test_a_short_list_of_choices_is_separated_as_the_language_writes_it() -> None:
    """`compare` and `--region` name the reports or places a name matches: 、 between them in
    Chinese, not an English comma."""
    from govread.cli import first_few

    assert first_few(["咸宁市 2023", "宝鸡市 2023"]) == "咸宁市 2023, 宝鸡市 2023"
    set_language("zh")
    assert first_few(["咸宁市 2023", "宝鸡市 2023"]) == "咸宁市 2023、宝鸡市 2023"
    assert first_few([f"某{i}县" for i in range(12)], limit=2) == "某0县、某1县，… 另有 10 项"


@pytest.mark.parametrize("columns", [40, 61, 78, 84, 100])
def test_chinese_help_never_breaks_inside_an_option(
    columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: the Chinese help of compare --region broke `--promises` as `(-` and `-promises)`
    over two lines (the line breaker breaks after a hyphen)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    for argv in [*([name] for name in cli.SUBCOMMANDS), ["compare", "--region", "X"]]:
        assert _exit_code([*argv, "--lang=zh", "--help"]) == 0
        lines = capsys.readouterr().out.splitlines()
        for line, following in pairwise(lines):
            word = following.lstrip().lstrip("-")[:1]  # (-|-promises: the break is inside)
            assert not (line.endswith("-") and word.isascii() and word.isalpha()), (argv, line)
