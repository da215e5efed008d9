"""Chinese and full-width numerals as integers."""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,  # (the circle and the letter O that reports type for 〇: 二○二三年)
    "O": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_DIGITS = "〇零一二三四五六七八九十百千两"

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# (found first: `translate` fails a look-up for every other character, ≈ 80 ns each)
_FULLWIDTH_DIGIT = re.compile("[０-９]")

# The zero of a year written in Chinese numerals, as reports type it: 〇, 零, and the circle
# or letter O that stands in for 〇 (二○二三年, 二O二三年).
_ZEROS = "〇零○OＯ0"
# A year in Chinese numerals, one digit a character (一九九八年, 二〇二三年度), not inside a
# longer run of numerals; every repeat bounded. (A pattern other patterns can hold.)
CHINESE_YEAR = (
    rf"(?<![{_ZEROS}一二三四五六七八九十百千万两])"
    rf"(?:一九|二[{_ZEROS}])[{_ZEROS}一二三四五六七八九]{{2}}(?=\s?年)"
)
_CHINESE_YEAR = re.compile(CHINESE_YEAR)


def chinese_to_int(text: str) -> int | None:
    """Convert 一 … 九千九百九十九 (and digit-by-digit forms like 二〇二四) to an int."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):
        # 二〇二四 style: one digit per character
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


def int_to_chinese(value: int) -> str:
    """Convert 1 … 99 to 一 … 九十九 (the range section numbers use)."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def ascii_digits(text: str) -> str:
    """Full-width digits as ASCII ones."""
    return text.translate(_FULLWIDTH)


def read_years(text: str) -> str:
    """`text` with its years in ASCII digits (２０２３年, 二〇二三年 → 2023年), for the patterns
    that read a year; every character stays in its place (the same length), so what the
    text shows is never changed, only read."""
    if _FULLWIDTH_DIGIT.search(text) is not None:
        text = text.translate(_FULLWIDTH)
    if "年" not in text:
        return text
    return _CHINESE_YEAR.sub(
        lambda match: "".join(str(_DIGITS.get(ch, 0)) for ch in match.group()), text
    )
