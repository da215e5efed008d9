"""Files as real converters leave them (Chromium's PDFs, LibreOffice's .odt, saved .mht pages):
read as their originals, or refused with a plain reason. Inputs built here, never copied."""

from __future__ import annotations

from govread.parsers.normalize import normalize

# Chromium (Skia) writes a CJK font's shared glyphs as Kangxi radicals and radical forms:
# 人 as U+2F08, 民 as U+2EA0, 门 as U+2ED4.
RADICAL_TEXT = (
    "\u2f00\u3001\u6cd5\u6cbb\u2f08\u2ea0\u653f\u5e9c\u2ed4\u6237\u2f79\u7ad9\u2f64\u2f12"
)


def test_radicals_read_as_the_characters_they_draw() -> None:
    assert normalize(RADICAL_TEXT) == "一、法治人民政府门户网站用力"


def test_every_kangxi_radical_becomes_an_ideograph() -> None:
    text = normalize("".join(chr(c) for c in range(0x2F00, 0x2FD6)))
    assert all(0x4E00 <= ord(ch) <= 0x9FFF for ch in text), text
    assert len(text) == 0x2FD6 - 0x2F00


def test_a_radical_form_without_a_standalone_character_is_kept() -> None:
    assert normalize("\u2e80") == "\u2e80"
