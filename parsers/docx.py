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
from collections.abc import Iterator
from typing import Any
from zlib import error as zlib_error

from govread.i18n import N_
from govread.parsers.numerals import int_to_chinese
from govread.parsers.readers import ReportError
from govread.parsers.table_rows import row_lines

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
        reader = _Reader(document, _Numbering(document))
        lines = reader.blocks(document.element.body, 0)
    except _TooDeep:
        raise ReportError(
            path,
            N_("is a Word document nested more than {limit} levels deep: not a report"),
            limit=MAX_NESTING,
        ) from None
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


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _TBL, _TR, _TC = (f"{_W}{name}" for name in ("p", "r", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_TXBX_CONTENT = f"{_W}txbxContent"
_ALTERNATE = f"{_MC}AlternateContent"
# Never shown as text: a tracked deletion and the old place of a moved passage (what Word's
# final view leaves out), and properties (which hold the marks of changes, not text).
_NOT_TEXT = frozenset(
    f"{_W}{name}"
    for name in (
        "del",
        "moveFrom",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "tblPrEx",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "smartTagPr",
        "customXmlPr",
        "fldData",
        "altChunk",
    )
)
# What a run shows besides its w:t (w:delText and a field's w:instrText are not shown).
_RUN_MARKS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",  # a line, page or column break: what follows starts a new line
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}
# A run's objects that may hold a text box (w:txbxContent), in DrawingML or VML.
_DRAWINGS = frozenset({f"{_W}drawing", f"{_W}pict", f"{_W}object", _ALTERNATE})
# Runs inside runs' containers (content controls in content controls, text boxes in table
# cells in text boxes …): real documents nest a handful; the XML parser stops at 256.
MAX_NESTING = 100
_OFF = frozenset({"0", "false", "off"})


class _TooDeep(Exception):
    pass


def _on(toggle: Any) -> bool:
    """A toggle property (<w:vanish/>, <w:vanish w:val="false"/>) is on unless it says off."""
    return (_val(toggle) or "true").lower() not in _OFF


class _Reader:
    """The text Word's final view shows: paragraphs in reading order, wherever their runs sit.

    Runs are read in every container that holds runs (content controls w:sdt, smart tags,
    custom XML, hyperlinks, simple fields w:fldSimple, tracked insertions and moves w:ins /
    w:moveTo), a text box's paragraphs once (DrawingML's, not again its VML fallback), and
    not tracked deletions (w:del, w:moveFrom), hidden text (w:vanish, directly or by style)
    nor a content control's placeholder. A table's row is one line when each of its cells
    holds one (`table_rows.row_lines`)."""

    def __init__(self, document: Any, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.parent = document._body  # Paragraph proxies resolve their style through it
        self.count = 0
        self.hidden_styles = _hidden_styles(document)

    def blocks(self, container: Any, depth: int) -> list[str]:
        """The lines of a body, cell, text box or content control's block content."""
        if depth > MAX_NESTING:
            raise _TooDeep
        lines: list[str] = []
        carry = ""  # a paragraph whose mark is deleted runs on into the next one
        for child in _content(container):
            tag = child.tag
            if tag == _P:
                self._tick()
                own = self.paragraph(child, depth)
                if carry:
                    own = [carry + own[0], *own[1:]] if own else [carry]
                    carry = ""
                if own and _mark_deleted(child):
                    carry = own.pop()
                lines.extend(own)
            elif tag == _TBL:
                self._tick()
                lines.extend(self.table(child, depth + 1))
            else:  # a block-level content control, custom XML, a change's wrapper
                lines.extend(self.blocks(child, depth + 1))
        if carry:
            lines.append(carry)
        return [line for line in lines if line.strip()]

    def paragraph(self, paragraph: Any, depth: int) -> list[str]:
        """The paragraph's text (a text box in it makes lines of its own, where it sits),
        its list number (一、) before the first of its own text."""
        pieces: list[str | list[str]] = []  # a list: the lines of a text box
        style_hidden = self.hidden_styles.get(_val(paragraph.find(f"{_W}pPr/{_W}pStyle")) or "")
        self._inline(paragraph, pieces, bool(style_hidden), depth + 1)
        lines: list[tuple[str, bool]] = []  # (text, the paragraph's own)
        current: list[str] = []
        for piece in pieces:
            if isinstance(piece, list):
                lines.append(("".join(current), True))
                lines.extend((line, False) for line in piece)
                current = []
            else:
                current.append(piece)
        lines = [(text, own) for text, own in [*lines, ("".join(current), True)] if text.strip()]
        first = next((index for index, (_text, own) in enumerate(lines) if own), None)
        if first is not None and self.numbering.levels:
            from docx.text.paragraph import Paragraph

            label = self.numbering.label(Paragraph(paragraph, self.parent))
            lines[first] = (label + lines[first][0], True)
        return [text for text, _own in lines]

    def _inline(self, node: Any, pieces: list[str | list[str]], hidden: bool, depth: int) -> None:
        if depth > MAX_NESTING:
            raise _TooDeep
        for child in _content(node):
            if child.tag == _R:
                self._run(child, pieces, hidden, depth)
            else:  # hyperlink, content control, smart tag, field, insertion, move …
                self._inline(child, pieces, hidden, depth + 1)

    def _run(self, run: Any, pieces: list[str | list[str]], hidden: bool, depth: int) -> None:
        if self._hidden(run, hidden):
            return
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                pieces.append(child.text or "")
            elif tag in _RUN_MARKS:
                pieces.append(_RUN_MARKS[tag])
            elif tag in _DRAWINGS:
                pieces.extend(self.blocks(box, depth + 1) for box in _text_boxes(child))

    def _hidden(self, run: Any, paragraph_hidden: bool) -> bool:
        """Hidden text (w:vanish): the run's own, else its character style's, else its
        paragraph style's."""
        properties = run.find(f"{_W}rPr")
        if properties is not None:
            vanish = properties.find(f"{_W}vanish")
            if vanish is not None:
                return _on(vanish)
            style = self.hidden_styles.get(_val(properties.find(f"{_W}rStyle")) or "")
            if style is not None:
                return style
        return paragraph_hidden

    def table(self, table: Any, depth: int) -> list[str]:
        """A row a line when its cells hold a line each; else each cell's lines."""
        lines: list[str] = []
        for row in _wrapped(table, _TR):
            if (properties := row.find(f"{_W}trPr")) is not None and (
                properties.find(f"{_W}del") is not None
            ):
                continue  # a deleted row
            cells = [
                [part for line in self.blocks(cell, depth + 1) for part in line.split("\n")]
                for cell in _wrapped(row, _TC)
                if not _merged_on(cell)
            ]
            lines.extend(row_lines([[part for part in cell if part.strip()] for cell in cells]))
        return lines

    def _tick(self) -> None:
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise _TooManyParagraphs


def _content(node: Any) -> Iterator[Any]:
    """The node's children that may hold text: elements (no comments), not deleted, not
    properties, a placeholder's content control left out, and of an mc:AlternateContent
    the one choice read (its first; its fallback when it has none)."""
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT:
            continue
        if tag == _SDT:
            if (content := child.find(_SDT_CONTENT)) is not None and _sdt_shown(child):
                yield content
        elif tag == _ALTERNATE:
            if (branch := _choice(child)) is not None:
                yield branch
        else:
            yield child


def _sdt_shown(control: Any) -> bool:
    """A content control's content is report text unless it is its placeholder (单击此处输入
    文字) or a table of contents (the headings again, with page numbers)."""
    placeholder = control.find(f"{_W}sdtPr/{_W}showingPlcHdr")
    if placeholder is not None and _on(placeholder):
        return False
    gallery = _val(control.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")) or ""
    return gallery.lower() != "table of contents"


def _choice(alternate: Any) -> Any:
    choice = alternate.find(f"{_MC}Choice")
    return choice if choice is not None else alternate.find(f"{_MC}Fallback")


# What may wrap a table's rows or a row's cells: a content control, custom XML, a tracked
# insertion or move, an mc:AlternateContent's chosen branch.
_ROW_WRAPPERS = frozenset(
    {_SDT_CONTENT, f"{_W}customXml", f"{_W}ins", f"{_W}moveTo", f"{_MC}Choice", f"{_MC}Fallback"}
)


def _wrapped(node: Any, tag: str) -> Iterator[Any]:
    """The node's `tag` children, also those inside content controls or custom XML."""
    stack = list(reversed(list(_content(node))))
    while stack:
        child = stack.pop()
        if child.tag == tag:
            yield child
        elif child.tag in _ROW_WRAPPERS:
            stack.extend(reversed(list(_content(child))))


def _text_boxes(node: Any) -> Iterator[Any]:
    """The text boxes (w:txbxContent) a drawing holds, each once: of an mc:AlternateContent
    only the branch chosen, not the VML fallback that repeats it."""
    stack = [node]
    while stack:
        element = stack.pop()
        if element.tag == _TXBX_CONTENT:
            yield element
        elif element.tag == _ALTERNATE:
            if (branch := _choice(element)) is not None:
                stack.append(branch)
        else:
            stack.extend(reversed([child for child in element if isinstance(child.tag, str)]))


def _mark_deleted(paragraph: Any) -> bool:
    """The paragraph's mark is a tracked deletion: its text runs on into the next one."""
    return paragraph.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def _merged_on(cell: Any) -> bool:
    """A cell that continues a merge (vertical, or old-style horizontal): its text is the
    first cell's; or a tracked deletion of a cell."""
    if cell.find(f"{_W}tcPr/{_W}cellDel") is not None:
        return True
    for name in ("vMerge", "hMerge"):
        merge = cell.find(f"{_W}tcPr/{_W}{name}")
        if merge is not None and (_val(merge) or "continue") == "continue":
            return True
    return False


def _hidden_styles(document: Any) -> dict[str, bool]:
    """Style id → hidden (w:vanish), for the styles that say so themselves or by a base."""
    try:
        root = document.styles.element
    except (AttributeError, KeyError, NotImplementedError):
        return {}
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in root.findall(f"{_W}style"):
        style_id = _attr(style, "styleId") or ""
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        own[style_id] = _on(vanish) if vanish is not None else None
        based[style_id] = _val(style.find(f"{_W}basedOn")) or ""
    hidden: dict[str, bool] = {}
    for style_id in own:
        current, steps = style_id, 0
        while current in own and own[current] is None and steps < 10:
            current, steps = based[current], steps + 1
        if own.get(current):
            hidden[style_id] = True
        elif own.get(current) is False:
            hidden[style_id] = False
    return hidden


class _Numbering:
    """Word's list numbering: numId → level → (format, text like "%1、", start), and the
    running counters, kept per abstract list as Word does.

    A w:num may override its abstract list's levels (w:lvlOverride): a w:lvl of its own
    replaces the level's format and text, and a w:startOverride restarts the level (Word's
    "restart numbering" and "set numbering value"): such a list instance counts on its own,
    from the override, while instances without one share the abstract list's count."""

    def __init__(self, document: Any) -> None:
        # numId → (the counters' key, level → (format, text, start))
        self.levels: dict[str, tuple[str, dict[int, tuple[str, str, int]]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.by_style: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # a document without numbering definitions
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            abstract[_attr(node, "abstractNumId") or ""] = dict(
                map(_level, node.findall(f"{_W}lvl"))
            )
        for num in root.findall(f"{_W}num"):
            abstract_id = _val(num.find(f"{_W}abstractNumId")) or ""
            if abstract_id not in abstract:
                continue
            num_id = _attr(num, "numId") or ""
            levels, key = dict(abstract[abstract_id]), abstract_id
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = _int(_attr(override, "ilvl"))
                if (own := override.find(f"{_W}lvl")) is not None:
                    levels[ilvl] = _level(own)[1]
                restart = _val(override.find(f"{_W}startOverride"))
                if restart is not None and ilvl in levels:
                    fmt, text, _start = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(restart, 1))
                    key = f"num {num_id}"  # a restarted instance: a count of its own
            self.levels[num_id] = (key, levels)

    def label(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph ("" when it has none)."""
        if not self.levels:
            return ""
        num_id, level = self._num_pr(paragraph)
        if num_id not in self.levels:
            return ""
        key, levels = self.levels[num_id]
        if level not in levels or levels[level][0] in {"bullet", "none"}:
            return ""
        counters = self.counters.setdefault(key, {})
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


def _level(lvl: Any) -> tuple[int, tuple[str, str, int]]:
    """A w:lvl: (its level, (format, text like "%1、", start))."""
    fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
    text = _val(lvl.find(f"{_W}lvlText")) or ""
    start = _val(lvl.find(f"{_W}start")) or "1"
    return _int(_attr(lvl, "ilvl")), (fmt, text, _int(start, 1))


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
