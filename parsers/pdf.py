"""PDFs with a text layer: the text of every page, with the page layout undone.

pypdf (pure Python) extracts each page's lines. Running headers and footers (a line
repeated at the top or bottom of most pages, page numbers allowed to differ) and page
numbers (a bare one at a page's edge; - 3 -, 第3页, 3/12 wherever they stand) are dropped
(`layout.drop_page_furniture`, as from a text pdftotext saved); then lines the layout
broke are joined again: a line that fills the page's width and does not end a sentence is continued
by the next line, unless that line starts a numbered heading.
"""

from __future__ import annotations

import io
import logging
import os
import time
from typing import Any

from govread.i18n import N_
from govread.parsers.layout import drop_page_furniture, join_layout_lines
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
            size = 0
            for page in reader.pages:
                if time.monotonic() - started > MAX_SECONDS:
                    raise ReportError(
                        path,
                        N_("took over {seconds:.0f} s to read: too slow for a report"),
                        seconds=MAX_SECONDS,
                    )
                text = page.extract_text() or ""
                size += len(text)
                if size > MAX_TEXT_CHARS:
                    raise ReportError(path, N_("holds more text than any report"))
                pages.append(_page_lines(text))
    except ReportError:
        raise
    except Exception as error:  # damaged or hostile files fail in many ways inside pypdf
        # pypdf's message may quote the file's own bytes (a /Filter name with escape codes):
        # only the kind of error is shown.
        raise ReportError(path, N_("is not a readable PDF ({kind})"), kind=_kind(error)) from None
    if not any(pages):
        raise ReportError(path, N_("has no text layer (a scanned PDF?)"))
    return "\n".join(join_layout_lines(drop_page_furniture(pages)))


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
