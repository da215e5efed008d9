"""Every pattern of the parser's modules stays fast on adversarial 10,000-character strings,
and so does the whole parse of a flat text (candidate search and beam are linear)."""

from __future__ import annotations

import re
import time

import pytest

from govread.parsers import (
    chrome,
    flat,
    gazetteer,
    layout,
    metadata,
    normalize,
    outline,
    parse_text,
    script,
)

MODULES = (chrome, flat, gazetteer, layout, metadata, normalize, outline, script)
PATTERNS = [
    pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    for module in MODULES
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
]
# Pieces that make backtracking engines work: repeated markers, separators, digits, colons,
# breadcrumbs and keys with no end, almost-dates.
PIECES = [
    "一、",
    "（一）",
    "1.",
    "(1",
    "⑴",
    "当前位置：首页",
    " > ",
    ">",
    "来源:",
    "编辑:",
    "浏览次数:",
    "发布时间:2023-",
    "成文日期：2024-03-",
    "更新时间:",
    "索引号:",
    "文号:",
    "字体:[",
    "2023年",
    "12",
    "的报告",
    "问题",
    "一是",
    "：",
    "。",
    " ",
    "\u3000",
    "#",
    "**",
    "__",
    "**一、",
    "a",
    "局",
    "现将",
    "委",
    "报告如下",
    "区",
    "深圳市",
    "設(",
    "zhuà",
    "ü",
    "虽然",
    "成效的同时",
]
LIMIT = 2.0  # seconds, for a scan that takes milliseconds when linear (hours when not)
# CPU time of this thread, not wall time: backtracking costs CPU, while a loaded machine
# only makes the test wait (wall time failed it at a load average of 14).


def _adversarial() -> list[str]:
    strings = [piece * (10_000 // len(piece)) for piece in PIECES]
    strings.append("".join(PIECES) * (10_000 // len("".join(PIECES))))
    strings.append(("当前位置：首页" + " > 政务公开" * 8 + "x") * 100)
    return [s[:10_000] for s in strings]


ADVERSARIAL = _adversarial()


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_pattern_is_bounded_on_adversarial_input(pattern: re.Pattern[str]) -> None:
    for text in ADVERSARIAL:
        start = time.thread_time()
        list(pattern.finditer(text))
        pattern.match(text)
        assert time.thread_time() - start < LIMIT, (pattern.pattern[:60], text[:30])


def test_a_flat_text_of_markers_parses_in_bounded_time() -> None:
    for text in ("一、甲。" * 3000, "（一）1.(1)⑴" * 1500, "".join(PIECES) * 300):
        start = time.thread_time()
        parse_text(text)
        assert time.thread_time() - start < 3.0
