"""PDFs with a text layer: the text of every page, with the page layout undone.

pypdf (pure Python) reads each page's text pieces with their places; a line is put together
from the pieces on one baseline in their order across the page, not in the order the file
draws them (LibreOffice draws a line's curly quotes and dashes, in another font, before or
after its Chinese), and the lines come in the file's order (a column's lines before the next
column's). A page whose text cannot be placed (text in a form XObject, mostly rotated, an
unreadable font, more operators than a report's page draws) is read in the file's order, as
pypdf gives it. Running headers and footers (a line repeated at the top or bottom of most
pages, page numbers allowed to differ) and page numbers (a bare one at a page's edge; - 3 -,
第3页, 3/12 wherever they stand) are dropped (`layout.page_furniture`, as from a text
pdftotext saved); then lines the layout broke are joined again: a line that fills its column
(as its place shows, else as its width in characters does) and does not end a sentence is
continued by the next line, unless that line starts a numbered heading; where the page sets
its paragraphs apart by more room than its lines, that room tells where a paragraph ends.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import os
import re
import time
from collections import Counter
from typing import Any, Literal

from govread.i18n import N_
from govread.parsers.layout import join_layout_lines, page_furniture
from govread.parsers.readers import ReportError

# pypdf reports recoverable damage through logging; with no handler configured Python
# would print it to stderr (under the TUI). A NullHandler keeps it for those who listen.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A report is tens of pages; a few hundred would be a long one. Past these the file is
# refused: pypdf's work per page is bounded (below) but not interruptible.
MAX_PAGES = 1000
MAX_SECONDS = 20.0  # checked between pages
MAX_TEXT_CHARS = 8_000_000
# pypdf's own limits (75 MB of decompressed stream by default) lowered to what a report
# needs: a page's content streams are kilobytes, a photo a few MB.
_PYPDF_LIMITS: dict[str, Any] = {
    "maximum_declared_stream_length": 16_000_000,
    "array_based_stream_maximum_output_length": 16_000_000,
    "zlib_maximum_output_length": 16_000_000,
    "lzw_maximum_output_length": 16_000_000,
    "run_length_maximum_output_length": 16_000_000,
    "jbig2_maximum_output_length": 16_000_000,
    "brotli_maximum_output_length": 16_000_000,
    "image_maximum_buffer_size": 16_000_000,
    "stream_decoding_work_maximum_length": 64_000_000,
    "page_tree_maximum_entries": 5 * MAX_PAGES,
    "xform_maximum_invocations_per_extraction": 1000,
    "jbig2dec_binary": None,  # never run an outside program on a hostile image
}


def pdf_text(data: bytes, path: str | os.PathLike[str] = "<pdf>") -> str:
    """The document's text, one line per paragraph as far as the layout tells."""
    from pypdf import PdfReader, apply_configuration

    started = time.monotonic()
    try:
        with apply_configuration(**_PYPDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReportError(path, N_("is a password-protected PDF"))
            if (count := len(reader.pages)) > MAX_PAGES:
                raise ReportError(
                    path, N_("has {pages:,} pages: too many for a report"), pages=count
                )
            pages: list[list[str]] = []
            spans: list[list[_Span] | None] = []
            fonts: dict[Any, Any] = {}  # the file's fonts, read once
            size = 0
            for page in reader.pages:
                if time.monotonic() - started > MAX_SECONDS:
                    raise ReportError(
                        path,
                        N_("took over {seconds:.0f} s to read: too slow for a report"),
                        seconds=MAX_SECONDS,
                    )
                lines, page_spans = _page_text(page, fonts)
                size += sum(map(len, lines)) + len(lines)
                if size > MAX_TEXT_CHARS:
                    raise ReportError(path, N_("holds more text than any report"))
                pages.append(lines)
                spans.append(page_spans)
    except ReportError:
        raise
    except Exception as error:  # damaged or hostile files fail in many ways inside pypdf
        # pypdf's message may quote the file's own bytes (a /Filter name with escape codes):
        # only the kind of error is shown.
        raise ReportError(path, N_("is not a readable PDF ({kind})"), kind=_kind(error)) from None
    if not any(pages):
        raise ReportError(path, N_("has no text layer (a scanned PDF?)"))
    kept = _kept_lines(pages)
    lines = [pages[page][index] for page, index in kept]
    # where the page's places are known, they tell whether a line fills its column, and
    # (where paragraphs are spaced) whether the next goes on in its paragraph
    measured = [(page, index) for page, index in kept if spans[page] is not None]
    measured_spans = [spans[page][index] for page, index in measured]  # type: ignore[index]
    filled = _fills([pages[page][index] for page, index in measured], measured_spans)
    spaced = _spacing([page for page, _index in measured], measured_spans, filled)
    fills = dict(zip(measured, filled, strict=True))
    verdicts = dict(zip(measured, spaced, strict=True))
    told = [verdicts.get(where) for where in kept]
    return "\n".join(
        join_layout_lines(
            lines,
            starts={index for index, verdict in enumerate(told) if verdict is False},
            fills=[fills.get(where) for where in kept],
            continues={index for index, verdict in enumerate(told) if verdict},
        )
    )


# Where a page's line stands: its start and end across the page (x), its font's height and
# its baseline (y, up the page).
_Span = tuple[float, float, float, float]


def _page_text(page: Any, fonts: dict[Any, Any]) -> tuple[list[str], list[_Span] | None]:
    """A page's lines, the pieces of each in the order they stand on it, and where each
    line stands across the page (None where the page's places are not known).
    `fonts`: the fonts read so far, by their object (pages share them), filled here."""
    try:
        placed = _placed_lines(page, fonts)
    except (MemoryError, RecursionError):
        raise
    except Exception:  # pypdf's layout machinery failed on this page: the file's order
        placed = None
    if placed is None:
        return _page_lines(page.extract_text() or ""), None
    return [line[0] for line in placed], [line[1:] for line in placed]


# A page of a report draws a few thousand operators (5,000 in Chromium's, 3,300 in
# LibreOffice's densest); past this many its pieces are not placed (each is held in memory
# with its text state) but read in the file's order, as pypdf streams them.
_MAX_PLACED_OPERATIONS = 200_000

# A piece of text as drawn: its place in the file's drawing order, start and end on the
# line (x), baseline (y), font height, the width of a space in its font, and its text.
_Piece = tuple[int, float, float, float, float, float, str]


def _page_fonts(page: Any, cache: dict[Any, Any], font_class: Any) -> dict[str, Any] | None:
    """The page's fonts by resource name, as pypdf's layout mode reads them (each font
    object read once for the whole file); None where the page's resources are damaged."""
    from pypdf.generic import DictionaryObject

    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    if not isinstance(resources, DictionaryObject):
        return None
    declared = resources.get("/Font")
    declared = declared.get_object() if declared is not None else DictionaryObject()
    if not isinstance(declared, DictionaryObject):
        return None
    fonts: dict[str, Any] = {}
    for name, reference in declared.items():
        font = reference.get_object()
        if not isinstance(font, DictionaryObject):
            return None
        key = getattr(reference, "idnum", None), getattr(reference, "generation", None)
        if key[0] is None or key not in cache:
            read = font_class.from_font_resource(font)
            if key[0] is None:
                fonts[name] = read
                continue
            cache[key] = read
        fonts[name] = cache[key]
    return fonts


def _placed_pieces(page: Any, font_cache: dict[Any, Any]) -> list[_Piece] | None:
    """Every piece of text a page draws (each string of a Tj or a TJ array), with its place;
    None when the page's text cannot all be placed so (then it is read in the file's order).
    pypdf's layout mode computes the places (its text state and fonts); its private API, so
    any change of it falls back to the file's order."""
    from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, StreamObject

    try:
        from pypdf._text_extraction._layout_mode import Font
        from pypdf._text_extraction._layout_mode._fixed_width_page import (
            recurse_to_target_op,
            set_font_operation,
        )
        from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    except ImportError:
        return None
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, (ArrayObject, StreamObject)):
        return []
    fonts = _page_fonts(page, font_cache, Font)
    if fonts is None:
        return None
    operations = ContentStream(contents, page.pdf, "bytes").operations
    if len(operations) > _MAX_PLACED_OPERATIONS:
        return None  # (each piece placed is held: past this, read as drawn)
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    for operands, operator in operations:
        # Text inside a form XObject (Do) is drawn where layout mode does not look.
        if operator == b"Do" and operands and isinstance(xobjects, DictionaryObject):
            drawn = xobjects.get(operands[0])
            drawn = drawn.get_object() if drawn is not None else None
            if isinstance(drawn, StreamObject) and drawn.get("/Subtype") == "/Form":
                return None
    state = TextStateManager()
    shown = []
    ops = iter(operations)
    for operands, operator in ops:
        if operator in (b"BT", b"q"):
            closing: Literal[b"ET", b"Q"] = b"ET" if operator == b"BT" else b"Q"
            shown.extend(recurse_to_target_op(ops, state, closing, fonts, True)[1])
        elif operator == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(operator, operands)
    pieces: list[_Piece] = []
    rotated = unreadable = 0
    for index, piece in enumerate(shown):
        if not piece.text:
            continue
        if piece.rotated:
            rotated += len(piece.text)
        elif not piece.font.interpretable:
            unreadable += len(piece.text)
        else:
            flip = -1 if piece.flip_vertical else 1
            start, end = sorted((piece.tx, piece.displaced_tx))
            height = abs(piece.font_height) or 1.0
            pieces.append((index, start, end, flip * piece.ty, height, piece.space_tx, piece.text))
    placed = sum(len(piece[-1]) for piece in pieces)
    # a watermark or a stamp turned on the page is left out; a page mostly turned, or in a
    # font pypdf cannot read, is read as pypdf reads it in the file's order
    if unreadable or rotated > placed:
        return None
    return pieces


# A line as placed: its text, where it starts and ends across the page, its font's height,
# its baseline (up the page).
_Line = tuple[str, float, float, float, float]


def _placed_lines(page: Any, fonts: dict[Any, Any]) -> list[_Line] | None:
    """A page's lines: its pieces on one baseline, in their order across the line; a line
    broken by a wide gap (columns side by side, a signature set right) is as many stretches
    as it has, each placed in the file's order by the piece its middle character comes from, and
    stretches of one line that the file draws one after the other are one line again."""
    pieces = _placed_pieces(page, fonts)
    if pieces is None:
        return None
    lines: list[list[Any]] = []
    last_row = -1
    for _order, row, text, start, end, height, base in sorted(_stretches(pieces)):
        if row == last_row and lines:
            line = lines[-1]
            joint = "" if line[0][-1:].isspace() or text[:1].isspace() else " "
            line[0] += joint + text
            line[1], line[2], line[3] = min(line[1], start), max(line[2], end), max(line[3], height)
        else:
            lines.append([text, start, end, height, base])
        last_row = row
    return [(line[0].rstrip(), *line[1:]) for line in lines if line[0].strip()]


# A run a line break does not cut (a number, a Latin word): the next line's first, which
# did not fit at the end of a line that ends short of its column's edge by less than it.
_UNBROKEN = re.compile(r"[0-9A-Za-z.,:;%+\-/()]{1,24}")
_CLOSING = "，。、；：？！”’）》」』…,.;:?!)"


def _fills(texts: list[str], spans: list[_Span]) -> list[bool]:
    """Whether each line fills its column: it starts where many lines of the document start
    (a column's left edge, or a paragraph's indent, within two characters and a half), and
    ends so near the edge most lines that start there reach that the next line's first
    character (with the closing marks after it, which may not open a line: 服|务。), or its
    first number or Latin word, would not have fit after it, within half a character; the
    next line in the same size. A title set in the
    middle, a signature set right, a paragraph's last line do not."""
    if not spans:
        return []
    counts = Counter(round(span[0]) for span in spans)
    quorum = max(3, 0.05 * len(spans))
    lefts: list[float] = []  # where a column or an indented paragraph starts
    cluster: list[int] = []
    bins: list[int | None] = [*sorted(counts), None]
    for x in bins:
        if cluster and (x is None or x - cluster[-1] > 2):
            if sum(counts[c] for c in cluster) >= quorum:
                lefts.append(cluster[0] - 0.5)
            cluster = []
        if x is not None:
            cluster.append(x)
    column: list[int | None] = []
    for start, _end, height, _base in spans:
        left = bisect.bisect_right(lefts, start) - 1
        column.append(left if left >= 0 and start - lefts[left] <= 2.5 * height else None)
    edges: dict[int, float] = {}
    for group in {c for c in column if c is not None}:
        ends = sorted(span[1] for span, c in zip(spans, column, strict=True) if c == group)
        edges[group] = _edge(ends)
    fills = []
    for index, ((_start, end, height, _base), at) in enumerate(zip(spans, column, strict=True)):
        following = texts[index + 1].lstrip() if index + 1 < len(texts) else ""
        size = spans[index + 1][2] if index + 1 < len(spans) else height
        room = 0.5 * height + _first_unit(following) * height
        # (a line in another size, a title's or a heading's, is no wrap of the next)
        fills.append(at is not None and end >= edges[at] - room and abs(size - height) < 0.5)
    return fills


def _first_unit(line: str) -> float:
    """How wide (in ems) the start of a line is that a line break does not cut: a number or
    a Latin word, or a character with the closing marks after it (服|务。: 。 never opens a
    line, so 务 went down with it); at most 12 ems."""
    word = _UNBROKEN.match(line)
    if word:
        return 0.5 * len(word.group())
    marks = len(line[1:6]) - len(line[1:6].lstrip(_CLOSING))
    return 1.0 + marks


def _edge(ends: list[float]) -> float:
    """A column's right edge from where its lines end (sorted): the furthest end but for a
    tenth of them (a title's, a table's wide line), the furthest in a text of a few lines."""
    return ends[len(ends) - 1 - len(ends) // 10]


def _spacing(pages: list[int], spans: list[_Span], fills: list[bool]) -> list[bool | None]:
    """Whether each line goes on in the paragraph of the line above it by the page's
    spacing, where paragraphs are set apart by more room than lines (True: a line's room
    under the one above; False: more; None: not told, as where paragraphs are not spaced, a
    line opens a column or a page, or lines of another size)."""
    verdicts: list[bool | None] = [None] * len(spans)
    if not spans:
        return verdicts
    # (the text's own lines: those of its most common size)
    height = Counter(round(span[2], 1) for span in spans).most_common(1)[0][0]
    pairs: list[tuple[int, float]] = []
    for index in range(1, len(spans)):
        (start, end, size, base), (start0, end0, size0, base0) = spans[index], spans[index - 1]
        same_column = start < end0 and start0 < end and pages[index] == pages[index - 1]
        if same_column and abs(size - height) < 0.2 and abs(size0 - height) < 0.2 and base0 > base:
            pairs.append((index, base0 - base))
    if not pairs:
        return verdicts
    pitch = Counter(round(2 * gap) / 2 for _index, gap in pairs).most_common(1)[0][0]
    wide = 0.3 * height
    # paragraphs are spaced when the line after a line that ends short is (mostly) further
    # down than a line's room
    after_short = [gap > pitch + wide for index, gap in pairs if not fills[index - 1]]
    if len(after_short) < 3 or sum(after_short) < 0.8 * len(after_short):
        return verdicts
    for index, gap in pairs:
        if abs(gap - pitch) <= 0.15 * height:
            verdicts[index] = True
        elif gap > pitch + wide:
            verdicts[index] = False
    return verdicts


_Stretch = tuple[int, int, str, float, float, float, float]


def _stretches(pieces: list[_Piece]) -> list[_Stretch]:
    """The pieces on one baseline (within half a font's height), by their place across the
    line, cut where a gap is wider than a character: (the file's order of the stretch, its
    baseline's number, its text, its start and end across the page, its font's height, its
    baseline)."""
    rows: list[list[_Piece]] = []
    anchor = 0.0
    for piece in sorted(pieces, key=lambda p: -p[3]):  # top of the page first
        if not rows or anchor - piece[3] > 0.5 * min(piece[4], rows[-1][0][4]):
            rows.append([])
            anchor = piece[3]
        rows[-1].append(piece)
    stretches: list[_Stretch] = []
    for number, row in enumerate(rows):
        row.sort(key=lambda p: (p[1], p[0]))
        stretch: list[_Piece] = []
        reach = 0.0
        for piece in row:
            gap = piece[1] - reach
            if stretch and gap > max(piece[4], stretch[-1][4]):
                stretches.append(_stretch(number, stretch))
                stretch = []
            stretch.append(piece)
            reach = piece[2] if len(stretch) == 1 else max(reach, piece[2])
        stretches.append(_stretch(number, stretch))
    return stretches


def _stretch(row: int, pieces: list[_Piece]) -> _Stretch:
    """Pieces side by side as one text: a space where the gap between two is as wide as
    half a space of their fonts (a word space, the room set beside a Latin run)."""
    parts = [pieces[0][-1]]
    reach = pieces[0][2]
    for previous, piece in itertools.pairwise(pieces):
        space = 0.5 * min(previous[5] or previous[4], piece[5] or piece[4], 0.5 * piece[4])
        if (
            piece[1] - reach > space
            and not parts[-1][-1:].isspace()
            and not piece[-1][:1].isspace()
        ):
            parts.append(" ")
        parts.append(piece[-1])
        reach = max(reach, piece[2])
    # placed in the file's order where the middle of its characters is drawn (not its
    # marks': a file may draw every quote of a page before or after its Chinese)
    half, order = sum(len(piece[-1]) for piece in pieces) / 2, 0
    for piece in sorted(pieces):
        order, half = piece[0], half - len(piece[-1])
        if half <= 0:
            break
    height = max(piece[4] for piece in pieces)
    return order, row, "".join(parts), pieces[0][1], reach, height, pieces[0][3]


def _kind(error: BaseException) -> str:
    """What went wrong, in words of our own (never the library's message)."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, MemoryError):
        return "too large to unpack"
    name = type(error).__name__
    if "Limit" in name or "Length" in name:
        return "beyond the limits set for a report"
    return "damaged or not a PDF" if name in {"PdfReadError", "PdfStreamError"} else name


def _page_lines(text: str) -> list[str]:
    # Leading spaces are kept: a paragraph's first line is indented (　　) in most reports.
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _kept_lines(pages: list[list[str]]) -> list[tuple[int, int]]:
    """The (page, line) of every line that is not page furniture (`layout.page_furniture`:
    a running header/footer, a page number; lines right-stripped, none blank)."""
    return [
        (number, index)
        for number, (lines, furniture) in enumerate(zip(pages, page_furniture(pages), strict=True))
        for index in range(len(lines))
        if index not in furniture
    ]
