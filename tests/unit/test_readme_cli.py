"""The README against the code: its command lines (the summary, `## Command line`, and each
section's), every flag shown in that command's `--help` and every `--format a|b|c` (and
`--style`) offering exactly the choices the command takes; its one list of config.toml's
keys; the keys of `outline --format json`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govread.cli import SUBCOMMANDS, main

README = Path(__file__).parents[2] / "README.md"
_FLAG = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")
_CHOICES = re.compile(r"(--format|--style) ([a-z0-9-]+(?:\|[a-z0-9-]+)+)")


def _summary() -> list[str]:
    """The command summary's lines."""
    text = README.read_text("utf-8")
    block = text[text.index("## Command line") :]
    block = block[block.index("```text\n") + len("```text\n") :]
    block = block[: block.index("```")]
    return [line for line in block.splitlines() if line.startswith("govread")]


def _usages() -> list[str]:
    """Every command line of the README's `text` blocks (the summary and each section's)."""
    blocks = README.read_text("utf-8").split("```text\n")[1:]
    return [
        line
        for block in blocks
        for line in block[: block.index("```")].splitlines()
        if line.startswith("govread ")
    ]


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:  # some commands return argparse's exit status, others let it through
        status = main(["--lang", "en", *argv, "--help"])
    except SystemExit as exited:
        status = exited.code
    assert status == 0
    return capsys.readouterr().out


def _command(line: str) -> list[str]:
    words = line.split()
    if len(words) > 1 and words[1] in SUBCOMMANDS:
        if words[1] == "compare" and "--region" in words:
            return ["compare", "--region", "X"]
        return [words[1]]
    return []


@pytest.mark.parametrize("line", _usages())
def test_each_command_of_the_readme_takes_the_flags_it_shows(
    line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    command = _command(line)
    shown = line.split("  ")[0]  # the usage, not the comment after it
    helped = _help(command, capsys)
    usage = helped[: helped.index("\n\n")]
    flags = {flag for flag in _FLAG.findall(shown) if flag not in ("--help", "--version")}
    missing = sorted(flag for flag in flags if not re.search(rf"(?<![\w-]){flag}\b", helped))
    assert missing == [], (line, usage)
    for flag, choices in _CHOICES.findall(shown):
        offered = re.search(rf"{flag} \{{([^}}]*)\}}", usage)
        assert offered is not None, (line, flag)
        assert choices.split("|") == offered.group(1).split(","), (line, flag)


def test_the_summary_names_every_subcommand() -> None:
    named = {words[1] for line in _summary() if len(words := line.split()) > 1}
    assert set(SUBCOMMANDS) <= named


def test_the_readme_names_every_key_of_config_toml() -> None:
    import dataclasses

    from govread.config import Config

    text = README.read_text("utf-8")
    paragraph = text[text.index("**`config.toml`**, all of it") :]
    paragraph = paragraph[: paragraph.index("\n\n")]
    named = set(re.findall(r"`\[?(\w+)\]?`", paragraph))
    assert {field.name for field in dataclasses.fields(Config)} <= named


def test_the_readmes_outline_json_table_has_every_key_and_no_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    text = README.read_text("utf-8")
    table = text[text.index("### `govread outline --format json`") :]
    table = table[table.index("| key | meaning |") :]
    table = table[: table.index("\n\n")]
    documented = {
        key for row in table.splitlines()[2:] for key in re.findall(r"`(\w+)`", row.split("|")[1])
    }
    assert main(["outline", "--format", "json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert documented == {key for report in reports for key in report}


def _after(text: str, start: str, end: str = "\n\n") -> str:
    text = text[text.index(start) :]
    return text[: text.index(end)]


def test_the_readme_names_the_columns_of_the_figures_table_and_of_a_csv_export(
    tmp_path: Path,
) -> None:
    import csv
    import io

    from govread.figure_table import COLUMNS

    text = README.read_text("utf-8")
    figures = _after(text, "**`figures`**: one row per figure", "\n(").replace("\n", " ")
    columns = re.search(r"columns `([^`]*)`", figures)
    assert columns is not None and columns.group(1).split(", ") == list(COLUMNS)

    rows = _after(text, "row per node: `", "`, lists joined").replace("\n", " ")
    exported = tmp_path / "x.csv"
    assert main(["export", "--query", "复议", "-o", str(exported)]) == 0
    header = next(csv.reader(io.StringIO(exported.read_text("utf-8-sig"))))
    assert rows.removeprefix("row per node: `").split() == header


def test_the_readme_names_the_columns_and_statuses_of_a_comparison_of_three(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """QA: the CSV of `compare A B C` had a `mentioned_in` column and a `passing` status
    the README's list left out."""
    import csv
    import io

    from govread.multi_compare import STATUSES

    text = README.read_text("utf-8").replace("\n", " ")
    listed = _after(text, "row and report (`row theme", "`);")
    capsys.readouterr()
    assert main(["compare", "咸宁", "宝鸡", "泾县", "--format", "csv"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert ["row", *listed.removeprefix("row and report (`row").split()] == header
    cells = _after(text, "`govread-compare-many/1`", "`figures` with one cell")
    assert all(f"`{status}`" in cells for status in STATUSES)
