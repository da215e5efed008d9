"""Chinese line breaking (kinsoku): no line starts with a closing mark or ends with an
opening one, numbers stay whole, every line fits, no character is lost."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from rich.cells import cell_len
from rich.console import Console, Group

from govread.linebreak import CLOSING, MAX_BACKOFF, OPENING, KinsokuText, break_offsets

# Invented sentences, in the shapes reports take: lists with 、, quotes, brackets, figures.
PIECES = (
    "全面推进依法行政",
    "，",
    "。",
    "、",
    "；",
    "：",
    "！",
    "？",
    "（一）",
    "《行政复议法》",
    "“放管服”",
    "「一网通办」",
    "共办理案件123件",
    "同比增长12.5%",
    "GB/T 7714",
    " ",
    "……",
    "”。",
    "）、",
    "2021-2025年",
)


def lines_of(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def sentences(seed: int, count: int) -> list[str]:
    chooser = random.Random(seed)
    return ["".join(chooser.choices(PIECES, k=chooser.randint(1, 40))) for _ in range(count)]


@pytest.mark.parametrize("width", [2, 3, 7, 10, 21, 40, 79])
def test_lines_fit_lose_nothing_and_obey_the_rules(width: int) -> None:
    for text in sentences(width, 150):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        for number, line in enumerate(lines):
            assert line, (text, width)
            assert cell_len(line.rstrip()) <= max(width, 2), (line, width)
            if number == 0:
                continue
            before = lines[number - 1].rstrip()
            # a break against a rule only where no allowed one was near (a run of marks)
            against = line[0] in CLOSING or (before and before[-1] in OPENING)
            if against:
                assert not _allowed_break_near(lines[number - 1]), (before, line, width)


def _allowed_break_near(line: str) -> bool:
    """Could the line before have ended, within the bounded back-off, at an allowed place?"""
    from govread.linebreak import can_break

    lowest = max(1, len(line) - MAX_BACKOFF, (len(line) + 1) // 2)
    return any(can_break(line, cut) for cut in range(lowest, len(line)))


def test_a_closing_mark_stays_with_the_line_it_closes() -> None:
    text = "一二三四五六七八九，十一"
    assert lines_of(text, 18) == ["一二三四五六七八", "九，十一"]  # not "…九" / "，十一"
    assert lines_of("一二三四五六七”。八九", 16) == ["一二三四五六", "七”。八九"]


def test_an_opening_mark_goes_down_with_what_it_opens() -> None:
    assert lines_of("一二三四五六七《八九》", 16) == ["一二三四五六七", "《八九》"]


def test_numbers_and_latin_words_stay_whole() -> None:
    assert lines_of("一二三四五六七12345件", 16) == ["一二三四五六七", "12345件"]
    assert lines_of("一二三四五六12.5%，增长", 16) == ["一二三四五六", "12.5%，增长"]
    # longer than the back-off allows: cut at the width, as Rich folds it
    long = "一" + "8" * 40
    assert all(cell_len(line) <= 10 for line in lines_of(long, 10))


def test_spaces_hang_at_the_end_of_a_line() -> None:
    assert lines_of("abc def ghi", 7) == ["abc def ", "ghi"]


def test_a_wide_character_at_an_odd_width() -> None:
    assert lines_of("一二三", 3) == ["一", "二", "三"]
    assert lines_of("一二三", 1) == ["一", "二", "三"]  # two cells, the least that holds one


def test_rich_renders_kinsoku_text_with_its_styles() -> None:
    from rich.text import Text

    source = Text("一二三四五六七八九，十一", style="bold")
    source.stylize("red", 9, 10)
    console = Console(width=18, color_system=None, record=True)
    console.print(Group(KinsokuText.of(source)))
    assert console.export_text().splitlines() == ["一二三四五六七八", "九，十一"]
    wrapped = KinsokuText.of(source)
    assert wrapped.spans == source.spans and wrapped.style == "bold"


def test_a_long_path_is_cut_rather_than_a_line_opened_with_its_closing_marks() -> None:
    text = "记录在 /tmp/a-very-long-folder-name/config/govread/config.toml）。下一句"
    for width in range(12, 60):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        assert not [line for line in lines[1:] if line[0] in CLOSING], (width, lines)


def test_a_command_line_table_never_starts_a_cell_line_with_a_closing_mark() -> None:
    """QA: `govread compare`'s table broke a cell's line before "，" or "、" (Rich folds a
    run of Chinese cell by cell); its tables wrap their text cells as the detail pane does."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from govread.linebreak import CLOSING, KinsokuTable

    cell = "一年来，我市扎实推进依法行政、加快建设法治政府，取得了预期成效。" * 3

    def starts(table_type: type[Table]) -> list[str]:
        found = []
        for width in range(8, 30):
            table = table_type(show_header=False, box=None, pad_edge=False)
            table.add_column(width=width, overflow="fold")
            table.add_row(Text(cell))
            console = Console(width=width + 4, color_system=None)
            with console.capture() as capture:
                console.print(table)
            found += [
                line.strip()
                for line in capture.get().splitlines()
                if line.strip() and line.strip()[0] in CLOSING
            ]
        return found

    assert starts(Table)  # Rich's own table does (the test can fail)
    assert starts(KinsokuTable) == []


def test_a_narrow_terminals_blocks_never_start_a_line_with_a_closing_mark() -> None:
    """The stacked form of a table too wide for the terminal (`print_stacked`) wraps its
    cells by the same rules, its first cell too (`console.print` of a bare text would join
    it into a plain `Text`, wrapped as Rich wraps)."""
    from rich.text import Text

    from govread.commands.narrow import print_stacked

    cell = Text("一年来，我市扎实推进依法行政、加快建设法治政府，取得了预期成效。" * 2)
    for width in range(10, 40):
        console = Console(width=width, color_system=None)
        with console.capture() as capture:
            print_stacked(console, [Text("A"), Text("B")], [[cell, cell]])
        lines = [line.strip() for line in capture.get().splitlines() if line.strip()]
        assert not [line for line in lines if line[0] in CLOSING], width
