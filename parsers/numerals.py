"""Chinese and full-width numerals as integers."""

from __future__ import annotations

_DIGITS = {
    "〇": 0,
    "零": 0,
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
