"""Readers: a file's bytes in, the report's text out, or one clear reason why not.

Text files in any common encoding, saved web pages (.html), Word (.docx) and PDFs with
a text layer are reduced to plain text and handed to the one parser, so every kind of
file gives the same outline. Every failure is a `ReportError` carrying the path and a
one-line reason meant for a person; nothing else escapes `read_report`.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import hashlib
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govread.i18n import N_
from govread.parsers.model import Report
from govread.parsers.own_files import HEAD_BYTES, is_govread_export
from govread.parsers.script import CJK_RUN, as_simplified

# A report is tens of kilobytes (a PDF or .docx a few MB); far larger is something else,
# and is refused from its size alone, before a byte is read.
MAX_BYTES = 16 * 1024 * 1024
# The parser spends ~60 µs on a heading line: a file of a million short headings would take
# a minute. A long report has a few thousand lines (a 100-page PDF ~3,000 before joining).
MAX_LINES = 50_000
# lines of a text file, before a wrapped text's are joined, for each line the parser may read
_WRAPPED_LINES_PER_LINE = 4
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# A page a browser saved as one file (MHTML: the page and its images in one MIME message).
MHTML_SUFFIXES = frozenset({".mht", ".mhtml"})
# File kinds a folder is searched for.
REPORT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES | {".docx", ".pdf"}

# The characters of a reading with stray bad bytes that are judged for how text-like it is.
_MESS_SAMPLE = 20_000
# charset_normalizer's own bound on the "mess" of a plausible reading (text: under 0.01).
_MESS_MAX = 0.2

# Kinds met in download folders, named so the reason for skipping them is plain.
# Why a file found in a folder is skipped, by its suffix (message ids: `Problem` shows them
# in the interface language).
_SKIPPED_SUFFIXES = {
    **dict.fromkeys(
        (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".svg"),
        N_("is an image, not a report"),
    ),
    **dict.fromkeys((".xls", ".xlsx", ".et", ".csv", ".ods"), N_("is a spreadsheet, not a report")),
    **dict.fromkeys(
        (".zip", ".rar", ".7z", ".gz", ".tar", ".bz2", ".xz"), N_("is an archive, not a report")
    ),
    **dict.fromkeys(
        (".doc", ".wps"), N_("is an old Word/WPS document (save it as .docx), not a report")
    ),
    ".odt": N_("is an OpenDocument text (save it as .docx), not read"),
    ".rtf": N_("is an RTF document (save it as .docx), not a report"),
    **dict.fromkeys((".ppt", ".pptx"), N_("is a presentation, not a report")),
    **dict.fromkeys((".mp3", ".mp4", ".avi", ".mov", ".wav"), N_("is a media file, not a report")),
}
# The names that say a file is no report whatever its bytes (a CSV and an SVG are text):
# a file so named is refused for the same reason whether a folder holds it or the user
# names it. Not the old Word / WPS / OpenDocument / RTF names, which a saved page or a text
# often wears (a site's "Word" download): their bytes decide.
_NEVER_REPORTS = frozenset(_SKIPPED_SUFFIXES) - {".doc", ".wps", ".odt", ".rtf"}
# Rich Text Format (Word's "RTF", often a site's ".doc" download): text bytes, but markup
# throughout, never read as a report whatever its name (`_rtf`).
_RTF_MAGIC = b"{\\rtf"
_RTF_KIND = N_("an RTF document; save it as .docx or text")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF87a", N_("a GIF image")),
    (b"GIF89a", N_("a GIF image")),
    (b"II*\x00", N_("a TIFF image")),
    (b"MM\x00*", N_("a TIFF image")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        N_("an old Office document (.doc/.xls); save it as .docx"),
    ),
    (b"\x1f\x8b", N_("a gzip archive")),
    (b"Rar!\x1a\x07", N_("a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-Zip archive")),
    (_RTF_MAGIC, _RTF_KIND),
    (b"\x7fELF", N_("a program, not a report")),
    (b"MZ", N_("a program, not a report")),
)
# Declared charsets that name a subset of what pages really use.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "cp936": "gb18030",
    "big5": "cp950",
    "x-x-big5": "cp950",
}
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# A page's first tag, once leading white space and comments are skipped (`_looks_like_html`).
_HTML_FIRST_TAG = re.compile(rb"<(?:!doctype\s{1,20}html|html|head|meta|title)\b", re.IGNORECASE)
_HTML_SPACE = b" \t\r\n\x0b\x0c"
# Control characters other than tab, line feed, form feed and carriage return (`_checked`).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_GENRE_WORDS = re.compile(r"法治|依法行政|依法治|行政执法|政府|报告|总结")
_MIN_CJK = 60
_UNREAD_KIND = N_("is not a kind of file govread reads")
# What Python leaves in a folder that is also a package (the bundled samples, a researcher's
# folder beside their scripts): never a report, passed over in silence like hidden files,
# not named as skipped at every start. Named on the command line, it is refused as before.
_PACKAGE_FURNITURE = frozenset({"__init__.py", "__pycache__"})


class ReportError(Exception):
    """A file that cannot be read as a report; ``str()`` is one line for a person.

    `template` is a message id (`N_`) whose ``{fields}`` are filled from `fields`; `reason`
    is the filled-in English. `govread.opening.Problem` keeps both, so the reason is shown
    in the interface language wherever the error was raised (a worker process, say)."""

    def __init__(self, path: str | os.PathLike[str], template: str, **fields: object) -> None:
        self.path = str(path)
        self.template = template
        self.fields = fields
        self.reason = template.format(**fields) if fields else template
        super().__init__(f"{self.path}: {self.reason}")


# errno → a reason said in the interface's language (the OS's strerror is English).
_OS_REASONS: dict[int, str] = {
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ELOOP: N_("a link that loops"),
    errno.EIO: N_("input/output error on the device"),
}


def _os_error(path: str | os.PathLike[str], error: OSError) -> ReportError:
    """The one line for a file the system would not open or read."""
    if error.errno in _OS_REASONS:
        return ReportError(path, _OS_REASONS[error.errno])
    return ReportError(path, N_("cannot be read ({error})"), error=error.strerror or str(error))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # what was repaired, for the record (a cut-off last character …)
    replaced: int = 0  # bad bytes read as U+FFFD, which the reader is told of


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file reduced to the text the parser reads, and how it was had."""

    text: str
    kind: str  # "text", "html", "docx" or "pdf"
    meta: dict[str, str]


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or a `ReportError` saying why they cannot be had.

    Only a regular file is read, whatever its name: the open descriptor is checked (so a
    file swapped for a FIFO or a device between a look and the open is caught too), and the
    open never blocks (a FIFO with no writer would wait for ever). Its size is checked
    before a byte is read, and the read stops one byte past the limit whatever the size
    claimed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReportError(path, N_("no such file")) from None
    except PermissionError:
        raise ReportError(path, N_("permission denied")) from None
    except IsADirectoryError:
        raise ReportError(path, N_("is a folder, not a file")) from None
    except OSError as error:
        raise _os_error(path, error) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReportError(path, N_("is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise ReportError(
                path, N_("is not a regular file (it is {kind})"), kind=_file_type(info.st_mode)
            )
        if info.st_size > MAX_BYTES:
            raise _too_large(path, info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise ReportError(path, N_("permission denied")) from None
    except IsADirectoryError:
        raise ReportError(path, N_("is a folder, not a file")) from None
    except OSError as error:
        raise _os_error(path, error) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:  # it grew while we looked
        raise _too_large(path, len(data))
    return data


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return N_("a pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    return N_("not a file")


def _too_large(path: str | os.PathLike[str], size: int) -> ReportError:
    return ReportError(
        path,
        N_("too large to be a report ({size:.0f} MB; the limit is {limit} MB)"),
        size=size / 1024 / 1024,
        limit=MAX_BYTES // 1024 // 1024,
    )


# -- decoding ---------------------------------------------------------------------------


def decode(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """Decode a text file's bytes: BOMs, UTF-8, UTF-16, then detection (GB18030, Big5 …)."""
    return decode_text(data, path).text


def decode_text(
    data: bytes, path: str | os.PathLike[str] = "<bytes>", declared: str | None = None
) -> Decoded:
    """Decode text bytes, honouring `declared` (a page's charset) when it decodes cleanly."""
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise ReportError(path, N_("is empty"))
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            decoded = _strict(data, encoding) or _with_stray_bytes(data, [encoding])
            if decoded is None:
                raise ReportError(
                    path,
                    N_("is not valid {encoding} despite its byte-order mark"),
                    encoding=encoding,
                )
            return _checked(decoded, path)
    usable = _usable_declared(declared, data) if declared else None
    if usable and (decoded := _strict(data, usable)) is not None:
        return _checked(decoded, path)
    if (decoded := _strict(data, "utf-8")) is not None:
        return _checked(decoded, path)
    if (decoded := _utf16_without_bom(data)) is not None:
        return decoded
    if reason := binary_kind(data):
        raise ReportError(path, N_("is {kind}"), kind=reason)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["gb18030", "cp950"]
    for encoding in candidates:
        if (decoded := _strict(data, encoding)) is not None:
            return _checked(decoded, path)
    if (decoded := _with_stray_bytes(data, ["utf-8", *candidates])) is not None:
        return _checked(decoded, path)
    raise ReportError(path, N_("cannot be decoded as text (tried UTF-8, UTF-16, GB18030 and Big5)"))


def _with_stray_bytes(data: bytes, encodings: list[str]) -> Decoded | None:
    """`data` in the encoding it is written in but for a few bad bytes (common on scraped
    pages, or a byte damaged on a disk), each replaced by U+FFFD; None when no encoding
    reads it with at most one bad character in a thousand."""
    from charset_normalizer.md import mess_ratio

    readings: list[tuple[float, int, str, str]] = []
    for encoding in dict.fromkeys(encodings):
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if bad > max(2, len(text) // 1000):
            continue
        # GB18030 reads nearly any bytes, Big5 or UTF-8 ones too, with few errors, and a
        # byte added to UTF-16 reads as other characters from there on: the reading that
        # looks most like text wins, if it looks like text at all.
        mess = mess_ratio(text[:_MESS_SAMPLE], _MESS_MAX)
        if mess < _MESS_MAX:
            readings.append((mess, bad, encoding, text))
    if not readings:
        return None
    _, bad, encoding, text = min(readings)
    return Decoded(text, _name(encoding), f"{bad} undecodable bytes replaced", bad)


def _strict(data: bytes, encoding: str) -> Decoded | None:
    """`data` decoded, tolerating only a multi-byte character cut off at the very end."""
    try:
        return Decoded(data.decode(encoding), _name(encoding))
    except LookupError:
        return None
    except UnicodeDecodeError as error:
        if error.end < len(data) or len(data) - error.start > 3:
            return None
        try:
            text = data[: error.start].decode(encoding)
        except UnicodeDecodeError:
            return None
        return Decoded(text, _name(encoding), "the last character was cut off and was dropped")


def _name(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _checked(decoded: Decoded, path: str | os.PathLike[str]) -> Decoded:
    """Refuse text that decoded but is mostly control characters (binary in disguise)."""
    sample = decoded.text[:8192]
    controls = len(_CONTROLS.findall(sample))
    if controls > len(sample) // 20 + 1:
        raise ReportError(path, N_("is a binary file, not text"))
    return decoded


def _usable_declared(declared: str, data: bytes) -> str | None:
    name = declared.strip().lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # A single-byte charset decodes any bytes "cleanly": trust it only for plain ASCII.
    if info.name in {"latin-1", "iso8859-1", "cp1252", "ascii"} and any(b > 0x7F for b in data):
        return None
    # Nor a declared UTF-16/32: real ones carry a BOM or show their zero bytes.
    if info.name.startswith(("utf-16", "utf-32")):
        return None
    return info.name


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: in the byte order in which it reads as Chinese
    text and not in the other (`_chinese_byte_order`: a text of Chinese and full-width
    marks has next to no zero bytes), else the one its zero bytes, all on one side, tell
    (a text with ASCII in it)."""
    sample = data[:8192]
    if len(sample) < 8:
        return None
    orders = [encoding] if (encoding := _chinese_byte_order(sample)) else []
    # ASCII (digits, newlines) puts its zero on the high side; a Chinese character only
    # rarely (U+4E00 一, of 一是 … 二是, which a report may use a lot) has a zero low byte.
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd >= 4 * zeros_even + 2:
        orders.append("utf-16-le")
    elif zeros_even >= 4 * zeros_odd + 2:
        orders.append("utf-16-be")
    for encoding in dict.fromkeys(orders):
        decoded = _strict(data, encoding) or _with_stray_bytes(data, [encoding])
        if decoded is None:
            continue
        text = decoded.text[:4096]
        # (the ideographic space that indents a paragraph is no "printable" character)
        readable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\x0c\u3000\u00a0")
        if readable >= 0.97 * len(text):
            return decoded
    return None


# What a Chinese text is written in: ASCII, CJK ideographs (with extension A and the
# compatibility block), CJK and full-width marks, general punctuation (“ ” — …), Latin-1's
# and the number forms' symbols (· × ① Ⅳ), shapes (■ ○). A GB18030, Big5 or UTF-8 text
# read as UTF-16, or UTF-16 in the wrong byte order, gives Hangul, Yi, private-use and
# unassigned characters and lone surrogates; random bytes give them too.
_CHINESE_TEXT = re.compile(
    "[\t\n\r\x0c\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2460-\u24ff"
    "\u2500-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# The share of a reading's characters that must be such text, and of ideographs among them.
_CHINESE_TEXT_SHARE = 0.97
_IDEOGRAPH_SHARE = 0.3
# Fewer characters than this tell nothing (8 random bytes read as Chinese one time in 60).
_MIN_UTF16_CHARACTERS = 16


def _chinese_byte_order(sample: bytes) -> str | None:
    """The byte order ("utf-16-le" / "utf-16-be") in which `sample` reads as Chinese text
    and the other does not, or None."""
    sample = sample[: len(sample) // 2 * 2]
    orders = [
        encoding
        for encoding in ("utf-16-le", "utf-16-be")
        if _chinese_share(sample.decode(encoding, errors="replace")) is not None
    ]
    return orders[0] if len(orders) == 1 else None


def _chinese_share(text: str) -> float | None:
    """The share of Chinese text in `text` when it reads as such, else None: at most three
    characters in a hundred that Chinese text is not written in (no bad pair but one cut at
    the sample's end), and ideographs a third of it or more."""
    if len(text) < _MIN_UTF16_CHARACTERS:
        return None
    share = len(_CHINESE_TEXT.findall(text)) / len(text)
    if share < _CHINESE_TEXT_SHARE or "\ufffd" in text[:-1]:
        return None
    if len(_IDEOGRAPH.findall(text)) < _IDEOGRAPH_SHARE * len(text):
        return None
    return share


# The control bytes no text holds (all below 32 but tab, line feed, vertical tab, form feed
# and carriage return)
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ("a PNG image" …), or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data) or N_("a ZIP archive; unpack it first")
    if b"%PDF-" in data[:1024]:
        return N_("a PDF")
    sample = data[:8192]
    if b"\x00" in sample:
        return N_("a binary file, not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # (counted in C)
    return N_("a binary file, not text") if controls > len(sample) // 20 else None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return N_("a damaged ZIP archive")
    if "word/document.xml" in names:
        return N_("a Word .docx document")
    if "mimetype" in names and "content.xml" in names:
        return N_("an OpenDocument file (.odt); save it as .docx")
    if any(name.startswith("xl/") for name in names):
        return N_("a spreadsheet (.xlsx), not a report")
    if any(name.startswith("ppt/") for name in names):
        return N_("a presentation (.pptx), not a report")
    return None


# -- one file -------------------------------------------------------------------------


def sniff_kind(data: bytes, suffix: str) -> str:
    """ "text", "html", "docx" or "pdf": by the file's content first, its name second."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _zip_kind(data) == "a Word .docx document":
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048]
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if _looks_like_html(head):
        return "html"
    return "text"


def _is_rtf(data: bytes) -> bool:
    """Whether the bytes are an RTF document (``{\\rtf``, after a BOM or white space)."""
    head = data[:256]
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head.lstrip(_HTML_SPACE).startswith(_RTF_MAGIC)


def _looks_like_html(head: bytes) -> bool:
    """Whether the bytes open with an HTML tag, after white space and comments.

    A loop, not one regular expression: comments skipped by a pattern with nested
    repeats took time exponential in their number (a few hundred bytes hung it)."""
    position = len(head) - len(head.lstrip(_HTML_SPACE))
    while head.startswith(b"<!--", position):
        end = head.find(b"-->", position + 4)
        if end < 0:
            return False
        position = end + 3
        position += len(head[position:]) - len(head[position:].lstrip(_HTML_SPACE))
    return _HTML_FIRST_TAG.match(head, position) is not None


def extract(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> Extracted:
    """Reduce a file's bytes to the text the parser reads (`ReportError` when it cannot).

    A text in traditional script is read as simplified, character for character (its spans
    stay where they are), and says so in its metadata (`script`)."""
    extracted = _extract(data, path)
    simplified = as_simplified(extracted.text)
    if simplified is None:
        return extracted
    return Extracted(simplified, extracted.kind, {**extracted.meta, "script": "traditional"})


def _mhtml_page(data: bytes, path: str | os.PathLike[str]) -> tuple[bytes, str | None] | None:
    """A page saved as MHTML (a browser's "single file"): its HTML part's bytes and declared
    charset; None when `data` is no MIME message. `ReportError` when the message holds no
    page."""
    head = data[:4096].lower()
    if not head.startswith((b"from:", b"mime-version:", b"subject:", b"date:", b"content-")) or (
        b"multipart/related" not in head
    ):
        return None
    import email
    import email.policy

    try:  # (the email package parses and walks nested parts by recursion)
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset()
    except RecursionError:
        raise ReportError(path, N_("is a saved page (MHTML) nested too deep to read")) from None
    raise ReportError(path, N_("is a saved page (MHTML) with no web page in it"))


# A govread export, whatever its name: its marks are restored (`govread FILE`), never read
# as a report's text.
_AN_EXPORT = N_("is a govread export, not a report (`govread FILE` restores its marks)")


def _extract(data: bytes, path: str | os.PathLike[str]) -> Extracted:
    if is_govread_export(data[:HEAD_BYTES]):
        raise ReportError(path, _AN_EXPORT)
    suffix = Path(path).suffix.lower()
    if (page := _mhtml_page(data, path)) is not None:
        return _html(page[0], path, page[1], "mhtml")
    kind = sniff_kind(data, suffix)
    if suffix == ".pdf" and kind != "pdf":
        raise ReportError(
            path, N_("is not a PDF (it is {kind})"), kind=binary_kind(data) or N_("text")
        )
    if suffix == ".docx" and kind != "docx":
        actual = binary_kind(data) or N_("text")
        raise ReportError(path, N_("is not a Word .docx document (it is {kind})"), kind=actual)
    if _is_rtf(data):  # text bytes, but markup: refused whatever the file is named
        raise ReportError(path, N_("is {kind}"), kind=_RTF_KIND)
    if kind == "pdf":
        from govread.parsers.pdf import pdf_text

        return Extracted(pdf_text(data, path), "pdf", {"format": "pdf"})
    if kind == "docx":
        from govread.parsers.docx import docx_text

        return Extracted(docx_text(data, path), "docx", {"format": "docx"})
    if kind == "html":
        return _html(data, path, None, "html")
    decoded = decode_text(data, path)
    # refused before the layout's passes over every line (a wrapped text's lines join into
    # fewer: the bound on what the parser reads follows, `report_from_bytes`)
    _refuse_past(decoded.text, MAX_LINES * _WRAPPED_LINES_PER_LINE, path)
    from govread.parsers.layout import unwrapped_text, without_page_furniture

    # a text saved from a PDF (pdftotext, its pages apart by form feeds) or copied from one:
    # without its page numbers and running headers, as a PDF is read
    text = without_page_furniture(decoded.text)
    # a text saved from a PDF or wrapped at a fixed width: its paragraphs whole
    # (not Markdown: its list items and headings are lines of their own)
    if suffix != ".md" and (unwrapped := unwrapped_text(text)) is not None:
        return Extracted(unwrapped, "text", {**_decoding_meta("text", decoded), "wrapped": "yes"})
    return Extracted(text, "text", _decoding_meta("text", decoded))


def _html(data: bytes, path: str | os.PathLike[str], declared: str | None, form: str) -> Extracted:
    from govread.parsers.html import html_text

    if declared is None and (match := _DECLARED_CHARSET.search(data[:4096])):
        declared = match.group(1).decode("ascii")
    decoded = decode_text(data, path, declared)
    return Extracted(html_text(decoded.text, path), "html", _decoding_meta(form, decoded))


def written_text(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str | None:
    """A file's text as written, for a person to read in a pager: None when its bytes are
    UTF-8 text already (a text or a saved page: the pager reads the file itself); else a
    saved page's HTML out of its MHTML file, a text or page decoded from its encoding (GBK,
    UTF-16, Big5 …; a page's markup kept), or the text of a Word file or PDF, in the script
    it was written in (never simplified).
    `ReportError` when it cannot be read."""
    if (page := _mhtml_page(data, path)) is not None:  # the page, out of its MIME message
        return decode_text(page[0], path, page[1]).text
    kind = sniff_kind(data, Path(path).suffix.lower())
    if kind in ("pdf", "docx"):
        return _extract(data, path).text
    declared = None
    if kind == "html" and (match := _DECLARED_CHARSET.search(data[:4096])):
        declared = match.group(1).decode("ascii")
    decoded = decode_text(data, path, declared)
    return None if decoded.encoding in ("utf-8", "ascii") else decoded.text


def _decoding_meta(kind: str, decoded: Decoded) -> dict[str, str]:
    meta = {"format": kind, "encoding": decoded.encoding}
    if decoded.note:
        meta["note"] = decoded.note
    if decoded.replaced:
        meta["replaced"] = str(decoded.replaced)
    return meta


def read_report(path: str | os.PathLike[str]) -> Report:
    """Read and parse one file. Raises `ReportError` with a clear reason, nothing else."""
    return report_from_bytes(read_bytes(path), path)


def parse_text(text: str, *, path: str | None = None, sha256: str | None = None) -> Report:
    """`govread.parsers.outline.parse_text`, imported when a file is first parsed: listing
    and hashing files (a warm load from the cache) need no parser."""
    from govread.parsers.outline import parse_text as parse

    return parse(text, path=path, sha256=sha256)


def report_from_bytes(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> Report:
    """Parse a file's bytes (its name tells the kind when the content does not)."""
    extracted = extract(data, path)
    _refuse_past(extracted.text, MAX_LINES, path)
    report = parse_text(extracted.text, path=str(path), sha256=hashlib.sha256(data).hexdigest())
    if not report.sections and not report.preamble and not report.closing:
        raise ReportError(path, N_("holds no text once page furniture is removed"))
    # The reader's facts (format, encoding, repairs) join the page metadata the parser found.
    return dataclasses.replace(report, meta={**report.meta, **extracted.meta})


def _refuse_past(text: str, limit: int, path: str | os.PathLike[str]) -> None:
    """`ReportError` when `text` has more than `limit` lines."""
    if (lines := text.count("\n") + 1) > limit:
        raise ReportError(path, N_("has {lines:,} lines: too many for a report"), lines=lines)


def _holds_cjk(text: str, count: int) -> bool:
    """Whether `text` holds `count` CJK characters or more (counted by runs, up to `count`:
    a string per character, as `findall` of one character gives, cost ≈ 0.2 ms a report)."""
    for match in CJK_RUN.finditer(text):
        count -= match.end() - match.start()
        if count <= 0:
            return True
    return count <= 0


def looks_like_report(report: Report) -> str | None:
    """Why a file found in a folder is not taken for a report, or None when it may be one.

    Only for files met while searching folders: a file the user names is always shown.
    """
    text = report.full_text()
    if not _holds_cjk(text[:200_000], _MIN_CJK):
        return N_("holds too little Chinese text to be a report")
    if not _GENRE_WORDS.search(text):
        return N_("does not read like a report (none of 法治 / 依法行政 / 政府 / 报告 in it)")
    return None


def refused_by_name(path: str | os.PathLike[str]) -> str | None:
    """Why a file is no report by its name alone (an image, a spreadsheet …), as a folder
    says it, or None when its bytes are to decide."""
    suffix = Path(path).suffix.lower()
    return _SKIPPED_SUFFIXES[suffix] if suffix in _NEVER_REPORTS else None


# -- folders --------------------------------------------------------------------------


# The folder a browser saves a whole page's images, styles and scripts in, beside the page:
# "page_files" (Chrome, Edge, Firefox) or "page.files" (older Internet Explorer).
_SAVED_PAGE_ASSETS = ("_files", ".files")


def _saved_page_assets(name: str, pages: set[str]) -> bool:
    """Whether the subfolder `name` holds the assets of a page saved beside it (`pages`: the
    stems of the web pages in the same folder)."""
    return any(
        name.endswith(ending) and name[: -len(ending)] in pages for ending in _SAVED_PAGE_ASSETS
    )


def folder_entries(folder: str | os.PathLike[str]) -> Iterator[tuple[Path, str | None]]:
    """Every file under `folder`, sorted by path, with the reason it is skipped (None when
    it is to be read). Hidden files and folders are passed over silently, and so is the
    folder of a saved web page's images, styles and scripts (`page_files` beside
    `page.html`: the page is the report); links to folders are not followed, so a link loop
    cannot trap the walk."""
    entries: list[tuple[Path, str | None]] = []

    def unreadable(error: OSError) -> None:  # a subfolder that cannot be listed
        reason = "permission denied" if isinstance(error, PermissionError) else "cannot be listed"
        entries.append((Path(error.filename or folder), f"{reason} (a folder)"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        kept = []
        pages = {
            stem for stem, suffix in map(os.path.splitext, files) if suffix.lower() in HTML_SUFFIXES
        }
        for name in sorted(dirs):
            if (
                name.startswith(".")
                or name in _PACKAGE_FURNITURE
                or _saved_page_assets(name, pages)
            ):
                continue
            if os.path.islink(os.path.join(root, name)):
                entries.append((Path(root, name), "is a link to a folder (links are not followed)"))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in files:
            if name.startswith(".") or name in _PACKAGE_FURNITURE:
                continue
            suffix = Path(name).suffix.lower()
            if suffix in REPORT_SUFFIXES:
                entries.append((Path(root, name), None))
            else:
                reason = _SKIPPED_SUFFIXES.get(suffix, _UNREAD_KIND)
                entries.append((Path(root, name), reason))
    yield from sorted(entries)


class FilesSeen:
    """Each file once, however a command reaches it: named twice, named and also found in a
    folder given, or through a link to it (the same file read twice would be indexed twice,
    and counted twice by every command; its bytes are one report). A folder given twice is
    walked once."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def first(self, path: str | os.PathLike[str], *, follow: bool = True) -> bool:
        """Whether `path` is met for the first time (and remember it). `follow=False` for
        an entry skipped with a reason (a link to a folder is said as itself, not as the
        folder it points to)."""
        try:
            key = os.path.realpath(path) if follow else os.path.abspath(path)
        except (OSError, ValueError):  # a name the system cannot resolve: as written
            key = os.path.abspath(path)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


def report_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The report files in a folder and its subfolders, sorted by path; links are not followed."""
    return [path for path, reason in folder_entries(folder) if reason is None]
