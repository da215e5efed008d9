"""A terminal escape sequence in a report's text is removed whole at ingest
(`govread.parsers.normalize`), not only its ESC or BEL: no ``]0;pwned`` or ``[31m`` is left
in the outline, whichever reader read the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from govread.cache import report_to_dict
from govread.cli import main
from govread.parsers import normalize
from govread.parsers.readers import read_report

TITLE = "深圳市龙华区2019年法治政府建设工作报告"
FIRST = "积极统筹部署和指导监督，高效推进法治政府建设"
SECOND = "积极开展行政复议和行政应诉工作，切实维护社会公众的正当合法权益"
# the tester's file: an OSC after 一、, an SGR around 行政复议
LINES = [
    TITLE,
    "2019年，龙华区深入学习贯彻习近平法治思想，全面推进依法行政，现将有关情况报告如下：",
    f"一、\x1b]0;pwned\x07{FIRST}",
    "区委、区政府高度重视法治政府建设工作，召开常务会议专题研究部署。",
    "二、积极开展\x1b[31m行政复议\x1b[0m和行政应诉工作，切实维护社会公众的正当合法权益",
    "全年共收到行政复议申请128件，依法受理113件，审结109件。",
    "深圳市龙华区人民政府",
    "2020年1月10日",
]
LEFTOVERS = ("]0;", "pwned", "[31m", "[0m", "\x1b", "\x07")


def _assert_clean(text: str) -> None:
    for leftover in LEFTOVERS:
        assert leftover not in text, (leftover, text)


def _report_text(path: Path) -> str:
    return json.dumps(report_to_dict(read_report(path)), ensure_ascii=False)


def test_the_outline_command_shows_no_rest_of_a_sequence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n".join("\u3000\u3000" + line for line in LINES) + "\n", "utf-8")
    assert main(["outline", "--no-cache", str(path)]) == 0
    out = capsys.readouterr().out
    _assert_clean(out)
    assert f"一、{FIRST}" in out
    assert f"二、{SECOND}" in out


def test_read_report_of_text_and_of_a_page(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("\n".join(LINES), "utf-8")
    page = tmp_path / "report.html"
    body = "".join(f"<p>{line}</p>" for line in LINES[1:])
    page.write_text(
        f'<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>'
        f'<h1>{TITLE}</h1><div class="TRS_Editor">{body}</div></body></html>',
        "utf-8",
    )
    for path in (text, page):
        report = read_report(path)
        assert [s.heading for s in report.sections] == [FIRST, SECOND]
        _assert_clean(_report_text(path))


def test_read_report_of_a_pdf(tmp_path: Path, documents: dict[str, Callable[..., bytes]]) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(documents["pdf"](LINES, chars_per_line=40))
    assert [s.heading for s in read_report(path).sections] == [FIRST, SECOND]
    _assert_clean(_report_text(path))


WHOLE = {
    # at the very start and end, back to back, inside a word
    "start": ("\x1b[1m行政复议", "行政复议"),
    "end": ("行政复议\x1b[0m", "行政复议"),
    "back-to-back": ("行政\x1b[1m\x1b[4m\x1b]0;t\x07复议", "行政复议"),
    # parameters, intermediates, private markers; a truecolour SGR
    "private": ("行政\x1b[?25l复议\x1b[38;2;255;0;0m", "行政复议"),
    "intermediate": ("行政\x1b[1 q复议", "行政复议"),
    # OSC ended by ST (ESC \), a hyperlink (OSC 8) around text, an empty title
    "osc-st": ("\x1b]8;;http://x.example\x1b\\行政复议\x1b]8;;\x1b\\", "行政复议"),
    "osc-empty": ("行政\x1b]2;\x07复议", "行政复议"),
    # DCS, APC; other ESC sequences (charset, save/restore cursor, reset)
    "dcs": ("行政\x1bPq#0;2;0;0;0\x1b\\复议", "行政复议"),
    "apc": ("行政\x1b_payload\x1b\\复议", "行政复议"),
    "two-char": ("\x1b(B行政\x1b7复议\x1b8\x1bc", "行政复议"),
    # 8-bit forms: CSI, OSC ended by BEL or by the 8-bit ST
    "c1-csi": ("行政\x9b31m复议\x9b0m", "行政复议"),
    "c1-osc-bel": ("行政\x9d0;pwned\x07复议", "行政复议"),
    "c1-osc-st": ("行政\x9d0;pwned\x9c复议", "行政复议"),
}
# A sequence split by a line break, never ended, longer than the bound or ended by a
# character outside its range: only its controls go (as before), nothing of the text after.
BROKEN = {
    "split-by-break": ("行政\x1b[3\n1m复议", "行政[3\n1m复议"),
    "osc-at-eof": ("行政复议\x1b]0;", "行政复议]0;"),
    "osc-too-long": ("\x1b]0;" + "长" * 300 + "\x07行政复议", "]0;" + "长" * 300 + "行政复议"),
    "csi-at-eof": ("行政\x1b[31", "行政[31"),
    "csi-then-cjk": ("行政\x1b[31行政复议", "行政[31行政复议"),
    "osc-over-a-break": ("\x1b]0;行政\n复议\x07", "]0;行政\n复议"),
}


@pytest.mark.parametrize(("raw", "kept"), list(WHOLE.values()), ids=list(WHOLE))
def test_normalize_drops_whole_sequences(raw: str, kept: str) -> None:
    assert normalize(raw) == kept


@pytest.mark.parametrize(("raw", "kept"), list(BROKEN.values()), ids=list(BROKEN))
def test_a_broken_sequence_loses_its_controls_only(raw: str, kept: str) -> None:
    assert normalize(raw) == kept


def test_text_without_sequences_is_unchanged() -> None:
    text = "一、[31m] 行政复议（一）]0;字样 ESC[ 保留\n二、第[2]条"
    assert normalize(text) == text
