"""Word .docx files: the document's paragraphs and tables' text, in reading order.

python-docx reads the package. Word's automatic list numbering (一、 / （一） / 1.) is not
in a paragraph's text but in the numbering definitions its paragraph or its style (the
heading styles usually) points to; those numbers are rendered back in front of the text,
as Word shows them, so the parser sees the document's numbering. Tables' cells become
paragraphs.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from typing import Any
from zlib import error as zlib_error

from govread.i18n import N_
from govread.parsers.numerals import int_to_chinese
from govread.parsers.readers import ReportError

_SPACES = re.compile(r"[ \t]+")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVEL_REF = re.compile(r"%([1-9])")
# A report's package is its text (document.xml: a few hundred KB to a few MB), styles and
# perhaps photos. Far more is a zip bomb: python-docx parses every XML part whole, at about
# 2 s per MB of paragraphs, so the XML is held to what reads in a few seconds.
MAX_UNPACKED = 64 * 1024 * 1024  # all parts, photos included
MAX_XML = 8 * 1024 * 1024  # all XML parts together
MAX_MEMBERS = 2000
MAX_PARAGRAPHS = 20_000  # a 100-page report has about 2,000
_READ_CHUNK = 1024 * 1024


def docx_text(data: bytes, path: str | os.PathLike[str] = "<docx>") -> str:
    """The document's text, one line per paragraph (and per table cell)."""
    import docx

    check_package(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        lines = _block_lines(document, numbering, [0])
    except _TooManyParagraphs:
        raise ReportError(
            path,
            N_("has more than {limit:,} paragraphs: too many for a report"),
            limit=MAX_PARAGRAPHS,
        ) from None
    except ReportError:
        raise
    except Exception as error:  # a damaged package fails in many ways inside python-docx
        kind = type(error).__name__
        raise ReportError(path, N_("is not a readable Word document ({kind})"), kind=kind) from None
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines)
    if not text.strip():
        raise ReportError(path, N_("is a Word document with no text"))
    return text


class _TooManyParagraphs(Exception):
    pass


def check_package(data: bytes, path: str | os.PathLike[str]) -> None:
    """Refuse a package that would unpack to far more than any report (a zip bomb).

    The sizes the archive declares are checked first; then every part is unpacked, a chunk
    at a time, counting what really comes out, so a part that lies about its size is
    caught after at most the limit (and its checksum fails)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise ReportError(
                    path, N_("holds {parts:,} parts: too many for a report"), parts=len(members)
                )
            declared = sum(info.file_size for info in members)
            xml = [info for info in members if _is_xml(info.filename)]
            declared_xml = sum(info.file_size for info in xml)
            if declared > MAX_UNPACKED or declared_xml > MAX_XML:
                raise _too_large(path, max(declared, declared_xml))
            unpacked = unpacked_xml = 0
            for info in members:
                with archive.open(info) as member:
                    while chunk := member.read(_READ_CHUNK):
                        unpacked += len(chunk)
                        unpacked_xml += len(chunk) if _is_xml(info.filename) else 0
                        if unpacked > MAX_UNPACKED or unpacked_xml > MAX_XML:
                            raise _too_large(path, max(unpacked, unpacked_xml))
    except ReportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError):
        raise ReportError(path, _DAMAGED) from None
    except (OSError, ValueError, EOFError, RuntimeError, zlib_error):
        raise ReportError(path, _DAMAGED) from None


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


_DAMAGED = N_("is a damaged Word document (its zip package is broken)")


def _too_large(path: str | os.PathLike[str], size: int) -> ReportError:
    return ReportError(
        path,
        N_("unpacks to more than {size} MB: too large for a report"),
        size=size // 1024 // 1024,
    )


def _block_lines(container: Any, numbering: _Numbering, count: list[int]) -> list[str]:
    """The container's paragraphs (and its tables' cells'); `count` tallies them all."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        count[0] += 1
        if count[0] > MAX_PARAGRAPHS:
            raise _TooManyParagraphs
        if isinstance(block, Table):
            lines.extend(_table_lines(block, numbering, count))
        elif (text := block.text).strip():  # `.text` is slow (XPath): read once
            lines.append(numbering.label(block) + text)
    return lines


def _table_lines(table: Any, numbering: _Numbering, count: list[int]) -> list[str]:
    """Each cell's paragraphs, once per cell (a merged cell is met in every column it spans)."""
    lines: list[str] = []
    # Keyed by id() with the element kept alive: lxml hands out new proxies otherwise,
    # and a freed proxy's id can come back for another cell.
    seen: dict[int, object] = {}
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            lines.extend(_block_lines(cell, numbering, count))
    return lines


class _Numbering:
    """Word's list numbering: numId → level → (format, text like "%1、", start), and the
    running counters, kept per abstract list as Word does."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, tuple[str, dict[int, tuple[str, str, int]]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.by_style: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # a document without numbering definitions
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = _val(lvl.find(f"{_W}start")) or "1"
                levels[_int(_attr(lvl, "ilvl"))] = (fmt, text, _int(start, 1))
            abstract[_attr(node, "abstractNumId") or ""] = levels
        for num in root.findall(f"{_W}num"):
            abstract_id = _val(num.find(f"{_W}abstractNumId")) or ""
            if abstract_id in abstract:
                self.levels[_attr(num, "numId") or ""] = (abstract_id, abstract[abstract_id])

    def label(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph ("" when it has none)."""
        if not self.levels:
            return ""
        num_id, level = self._num_pr(paragraph)
        if num_id not in self.levels:
            return ""
        abstract_id, levels = self.levels[num_id]
        if level not in levels or levels[level][0] in {"bullet", "none"}:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a new 一、 restarts its (一) at the start

        def number(match: re.Match[str]) -> str:
            ref = int(match.group(1)) - 1
            fmt, _text, start = levels.get(ref, ("decimal", "", 1))
            return _format(counters.get(ref, start), fmt)

        return _LEVEL_REF.sub(number, levels[level][1])

    def _num_pr(self, paragraph: Any) -> tuple[str, int]:
        """(numId, level): the paragraph's own numbering, else its style's (or its bases')."""
        num_id, level = _own_num_pr(paragraph._p)
        if num_id and level is not None:
            return num_id, level
        style_node = paragraph._p.find(f"{_W}pPr/{_W}pStyle")
        style_id = _val(style_node) or ""
        if style_id not in self.by_style:  # resolving a style is slow: once per style
            found: tuple[str | None, int | None] = (None, None)
            style, depth = paragraph.style, 0
            while style is not None and depth < 10:  # a style may name itself as its base
                own = _own_num_pr(style.element)
                found = (found[0] or own[0], found[1] if found[1] is not None else own[1])
                style, depth = style.base_style, depth + 1
            self.by_style[style_id] = found
        style_num, style_level = self.by_style[style_id]
        level = level if level is not None else style_level
        return (num_id or style_num or ""), (level or 0)


def _own_num_pr(element: Any) -> tuple[str | None, int | None]:
    num_pr = element.find(f"{_W}pPr/{_W}numPr")
    if num_pr is None:
        return None, None
    ilvl = _val(num_pr.find(f"{_W}ilvl"))
    return _val(num_pr.find(f"{_W}numId")), (_int(ilvl) if ilvl is not None else None)


def _attr(node: Any, name: str) -> str | None:
    value = node.get(f"{_W}{name}")
    return str(value) if value is not None else None


def _val(node: Any) -> str | None:
    return _attr(node, "val") if node is not None else None


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text or default)
    except ValueError:
        return default


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_CHINESE_FORMATS = {
    "ideographTraditional",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",  # LibreOffice saves Word's chineseCounting so
    "japaneseCountingThousand",
    "ideographDigital",
}


def _format(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats (the ones Chinese reports use)."""
    if fmt.startswith("chinese") or fmt in _CHINESE_FORMATS:
        return int_to_chinese(value) if 0 < value < 100 else str(value)
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}:
        return _CIRCLED[value - 1] if 0 < value <= 20 else str(value)
    if fmt == "decimalEnclosedParen":
        return _PARENTHESISED[value - 1] if 0 < value <= 20 else str(value)
    if fmt in {"lowerLetter", "upperLetter"} and 0 < value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
