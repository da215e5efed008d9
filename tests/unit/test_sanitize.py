"""The one terminal sanitiser: what it escapes, what it keeps, and that it is bounded."""

from __future__ import annotations

import json
import os
import re
import time

import pytest

from govread.parsers import normalize
from govread.sanitize import (
    UNSAFE_CHARS,
    dumps_json,
    is_terminal_safe,
    sanitize,
    sanitize_line,
    sanitize_path,
)

HOSTILE = "\033]0;PWN\033\\\033]52;c;cm0gLXJmIH4K\033\\"
# Anything that could drive or fool a terminal if printed raw.
_RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def test_osc_sequences_become_visible_escapes() -> None:
    assert sanitize(HOSTILE) == "\\x1b]0;PWN\\x1b\\\\x1b]52;c;cm0gLXJmIH4K\\x1b\\"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x9b31m", "\\x9b31m"),
        ("\x9d0;x\x07", "\\x9d0;x\\x07"),
        ("a\u202eb", "a\\u202eb"),
        ("\u061c", "\\u061c"),
        ("\u200e\u200f\u2066\u2069", "\\u200e\\u200f\\u2066\\u2069"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("\x7f", "\\x7f"),
        ("\r", "\\r"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("\u2028", "\\u2028"),
        ("\udcff\udc80", "\\xff\\x80"),  # undecodable file-name bytes (surrogateescape)
        ("\ud800", "\\ud800"),
    ],
)
def test_unsafe_characters_are_escaped(raw: str, shown: str) -> None:
    assert sanitize(raw) == shown
    assert sanitize_line(raw) == shown


def test_text_is_kept() -> None:
    text = "咸宁市 2023年 法治政府建设 [link=x]y [reverse] 100% 😀 é\n\tend"
    assert sanitize(text) == text
    assert sanitize_line("a\nb\tc") == "a\\nb\\tc"


def test_sanitize_path_is_one_line_and_encodes() -> None:
    raw = os.fsencode("/tmp/a\nb") + b"\xff\x1b.txt"
    shown = sanitize_path(raw)
    assert shown == "/tmp/a\\nb\\xff\\x1b.txt"
    assert sanitize_path(os.fsdecode(raw)) == shown
    shown.encode("utf-8")


def test_results_hold_nothing_raw() -> None:
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF)
    every += "\udc9b\ud800\U000e0001\U000e007f"
    for function in (sanitize, sanitize_line, sanitize_path):
        out = function(every)
        assert _RAW.search(out.replace("\n", "").replace("\t", "")) is None
        out.encode("utf-8")
    assert is_terminal_safe(sanitize_line(every))
    assert not is_terminal_safe("\x1b")


def test_dumps_json_escapes_c1_and_bidi_and_keeps_data() -> None:
    value = {"path": "a\x9b31m\x9d\u202e\udcff\U000e0041咸宁", "n": [1, "\x1b"]}
    text = dumps_json(value, indent=2)
    assert _RAW.search(text) is None
    assert "\\u009b" in text and "\\u202e" in text and "咸宁" in text
    assert json.loads(text) == value
    text.encode("utf-8")


def test_normalize_shares_the_class_and_removes_arabic_letter_mark() -> None:
    assert normalize("法治\u061c政府") == "法治政府"
    # Every character of the shared class is removed (line breaks become "\n" first).
    for start, _, end in re.findall("(.)(-(.))?", UNSAFE_CHARS, flags=re.DOTALL):
        for char in (start, end) if end else (start,):
            assert normalize(f"a{char}b") in ("ab", "a\nb"), hex(ord(char))


@pytest.mark.parametrize(
    "adversarial",
    [
        "\x1b" * 10_000,
        "\x1b]" * 5_000,
        "\ud800\udcff" * 5_000,
        "a" * 10_000,
        "\\" * 10_000,
        "\u202e咸" * 5_000,
    ],
)
def test_linear_on_adversarial_input(adversarial: str) -> None:
    start = time.thread_time()
    for function in (sanitize, sanitize_line, sanitize_path):
        function(adversarial)
    dumps_json([adversarial])
    assert time.thread_time() - start < 0.5
