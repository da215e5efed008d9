"""Reports in traditional script, read as simplified.

Some sites offer a 繁體 version of every page, and a report saved from it is the same report in
traditional characters: its headings, places and figures (辦理行政復議案件35件, 26個部門) are
found only once it reads as simplified. A text is taken for traditional when characters found
only in traditional script are a twentieth of its Chinese characters or more (a simplified text
holds none, bar a name or a quotation); it is then read character by character as simplified
(`govread/data/t2s.tsv`, from OpenCC's table), so its length and every span stay as they are.
Phrase-level conversion (OpenCC's 頭髮 → 头发 tables) is not used: it may change a text's length
and the genre's vocabulary needs none of it. A character with two simplified readings takes
OpenCC's first (乾 → 干), but for 著, which traditional script writes for both 著 (显著, 著作)
and 着 (着力, 沿着, 随着): it reads 着 where it is the verb or the particle (`_ZHE`), so
着力 and 沿着 are found, and 著 elsewhere. The one change of length: the readings some
converting sites put after each character they had to choose (建設(shè), 行政復(fù)議) are
dropped, so 复议 is found in 行政复议 and the outline reads as the report was written. Such a
site reads out every few characters; a report's author glosses a rare character or two (鼍(tuó)),
and those are kept.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

# A run of Chinese characters (the readers count them with it too).
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# A converter's reading of the character before it: one pinyin syllable with its tone mark
# (composed, or a vowel and a combining mark), in brackets. A syllable has at most six
# letters and one marked vowel, so every repeat is bounded and no text backtracks far.
# Fewer readings than `_CONVERTER_READINGS` in a text are its author's, kept.
_CONVERTER_READINGS = 3
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]"
    rf"[a-zü]{{0,5}}(?:[{_TONED}]|[aeiouü][\u0300\u0301\u0304\u030c])[a-zü]{{0,5}}[)）]"
)
# 著 read as 着: before the second character of a zhuó word (着力, 着眼, 着重, 着手, 着实, 着落,
# 着想…), or after a verb as its particle (沿着, 随着, 围绕着, 有着, 发挥着); not in a word
# of 著 (显著, 卓著, 昭著, 编著, 名著, 专著 … before it; 著名, 著作, 著称, 著述 … after it).
# Looked for in the simplified reading, one character either side, no repeat.
_ZHU_BEFORE = "显卓昭编撰论原名专土遗巨译合拙宏所新"
_ZHE = re.compile(
    rf"(?<![{_ZHU_BEFORE}])著(?=[力眼重手实落想陆装迷急凉火笔墨意色])"
    rf"|(?<=[\u4e00-\u9fff])(?<![{_ZHU_BEFORE}])著(?![名作称述录者书])"
)
# How much of a text is looked at to decide (a first look, then a count), and how much of it
# must be traditional.
_FIRST_LOOK = 2_000
_SAMPLE = 20_000
_MIN_TRADITIONAL = 20
_MIN_SHARE = 0.05


@functools.cache
def _lines() -> tuple[str, ...]:
    data = resources.files("govread").joinpath("data", "t2s.tsv").read_text("utf-8")
    return tuple(line for line in data.splitlines() if line and line[0] != "#")


@functools.cache
def traditional_only() -> frozenset[str]:
    """The characters found only in traditional script (`also` 0: not 於, which simplified
    text writes too)."""
    return frozenset(line[0] for line in _lines() if line[-1] == "0")


@functools.cache
def simplified_table() -> dict[int, int]:
    """The simplified reading of every traditional character (`traditional  simplified  also`)."""
    return {ord(line[0]): ord(line[2]) for line in _lines()}


def is_traditional(text: str) -> bool:
    """Whether `text` (its first 20,000 characters) is written in traditional script."""
    evidence = traditional_only()
    # The usual case, a simplified text, is settled by the set of its first characters
    # (≈ 0.05 ms: a site's 繁體 switch turns every line, the first ones too).
    if evidence.isdisjoint(set(text[:_FIRST_LOOK])):
        return False
    sample = text[:_SAMPLE]
    traditional = sum(1 for character in sample if character in evidence)
    if traditional < _MIN_TRADITIONAL:
        return False
    chinese = sum(match.end() - match.start() for match in CJK_RUN.finditer(sample))
    return traditional >= _MIN_SHARE * chinese


def as_simplified(text: str) -> str | None:
    """`text` read as simplified when it is in traditional script, else None (a converter's
    readings dropped)."""
    if not is_traditional(text):
        return None
    without, readings = _READING.subn("", text)
    return read_as_simplified(without if readings >= _CONVERTER_READINGS else text)


def has_readings(text: str) -> bool:
    """Whether `text` holds a reading in brackets after a character (建設(shè))."""
    return _READING.search(text) is not None


def without_readings(text: str) -> str:
    """`text` without any reading after a character (labels written for a report whose
    readings were dropped)."""
    return _READING.sub("", text)


def read_as_simplified(text: str) -> str:
    """`text` read as simplified, character for character, whatever its script (labels and
    queries written for a report that was read so)."""
    return zhe_read(text.translate(simplified_table()))


def zhe_read(text: str) -> str:
    """`text` with 著 read as 着 where it is the verb or the particle (着力, 沿着; `_ZHE`), its
    length kept: how a traditional report is read, and so how a query copied from one is.
    The context is read as simplified (顯著 is 显著), the rest of `text` left as it is."""
    if "著" not in text:
        return text
    chars = list(text)
    for match in _ZHE.finditer(text.translate(simplified_table())):
        chars[match.start()] = "着"
    return "".join(chars)
