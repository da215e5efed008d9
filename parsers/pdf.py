"""PDFs with a text layer: the text of every page, with the page layout undone.

pypdf (pure Python) extracts each page's lines. Running headers and footers (a line
repeated at the top or bottom of most pages, page numbers allowed to differ) and bare
page numbers (- 3 -, 第3页, 3/12) are dropped; then lines the layout broke are joined
again: a line that fills the page's width and does not end a sentence is continued
by the next line, unless that line starts a numbered heading.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import re
import unicodedata
from collections import Counter

from govread.parsers.readers import ReportError

# pypdf reports recoverable damage through logging; with no handler configured Python
# would print it to stderr (under the TUI). A NullHandler keeps it for those who listen.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_PAGE_NUMBER = re.compile(
    r"^[-—–_·\s]*(?:第\s*)?[0-9]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?"
    r"[-—–_·\s]*$"
)
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|"
    r"[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])|[(（]\s*[0-9０-９]{1,2}\s*[)）]|[⑴-⒇]|"
    r"第[一二三四五六七八九十]{1,3}[章节部分条])"
)
_SENTENCE_END = "。！？!?；;：:…"
_CLOSERS = "”’」』）)》】\"'"
_EDGE = 2  # lines at the top and at the bottom of a page where furniture lives


def pdf_text(data: bytes, path: str | os.PathLike[str] = "<pdf>") -> str:
    """The document's text, one line per paragraph as far as the layout tells."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportError(path, "is a password-protected PDF")
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
    except ReportError:
        raise
    except Exception as error:  # damaged or hostile files fail in many ways inside pypdf
        detail = str(error).splitlines()[0][:80] if str(error) else type(error).__name__
        raise ReportError(path, f"is not a readable PDF ({detail})") from None
    if not any(pages):
        raise ReportError(path, "has no text layer (a scanned PDF?)")
    return "\n".join(join_layout_lines(drop_page_furniture(pages)))


def _page_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shape(line: str) -> str:
    """A line with its numbers blanked, so 第3页 and 第4页 are the same running footer."""
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", line))


def drop_page_furniture(pages: list[list[str]]) -> list[str]:
    """All pages' lines, without running headers/footers and bare page numbers."""
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edges = {_shape(line) for line in lines[:_EDGE] + lines[-_EDGE:]}
        edge_counts.update(edges)
    quorum = max(3, (len(pages) * 3 + 4) // 5)  # on most pages (60 %), and at least three
    running = {shape for shape, count in edge_counts.items() if count >= quorum}
    kept: list[str] = []
    for lines in pages:
        for index, line in enumerate(lines):
            at_edge = index < _EDGE or index >= len(lines) - _EDGE
            if at_edge and (_PAGE_NUMBER.match(line) or _shape(line) in running):
                continue
            kept.append(line)
    return kept


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def join_layout_lines(lines: list[str]) -> list[str]:
    """Join the lines a page's width broke: a full-width line not ending a sentence goes on
    in the next line, unless that one starts a numbered heading."""
    if not lines:
        return []
    widths = sorted(_width(line) for line in lines)
    full = 0.8 * widths[int(0.9 * (len(widths) - 1))]  # wrapped lines are the widest ones
    joined = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if (
            not _ends_sentence(previous)
            and _width(previous) >= full
            and not _HEADING_START.match(line)
        ):
            joined[-1] += "" if _cjk_boundary(previous, line) else " "
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _cjk_boundary(left: str, right: str) -> bool:
    """No space is put back between Chinese characters (or full-width punctuation)."""
    return _width(left[-1:]) == 2 or _width(right[:1]) == 2
