"""Word .docx files: the document's paragraphs and tables' text, in reading order.

python-docx reads the package. Heading styles are a hint: a paragraph styled as a
heading or title always stays a line of its own, and tables' cells become paragraphs.
"""

from __future__ import annotations

import io
import os
import re

from govread.parsers.readers import ReportError

_SPACES = re.compile(r"[ \t]+")


def docx_text(data: bytes, path: str | os.PathLike[str] = "<docx>") -> str:
    """The document's text, one line per paragraph (and per table cell)."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except ReportError:
        raise
    except Exception as error:  # a damaged package fails in many ways inside python-docx
        kind = type(error).__name__
        raise ReportError(path, f"is not a readable Word document ({kind})") from None
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines)
    if not text.strip():
        raise ReportError(path, "is a Word document with no text")
    return text


def _table_lines(table: object) -> list[str]:
    """Each cell's paragraphs, once per cell (a merged cell is met in every column it spans)."""
    from docx.table import Table

    assert isinstance(table, Table)
    lines: list[str] = []
    # Keyed by id() with the element kept alive: lxml hands out new proxies otherwise,
    # and a freed proxy's id can come back for another cell.
    seen: dict[int, object] = {}
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    lines.extend(_table_lines(block))
                else:
                    lines.append(block.text)
    return lines
