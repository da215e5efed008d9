"""Readers: a file's bytes in, decoded text out, or one clear reason why not.

Every failure is a `ReportError` carrying the path and a one-line reason meant for
a person; nothing else escapes `read_report`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from govread.parsers.model import Report
from govread.parsers.outline import parse_text

# A report is tens of kilobytes; a file a thousand times larger is something else.
MAX_BYTES = 16 * 1024 * 1024
# File kinds a folder is searched for.
REPORT_SUFFIXES = frozenset({".txt", ".text", ".md"})


class ReportError(Exception):
    """A file that cannot be read as a report; ``str()`` is one line for a person."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or a `ReportError` saying why they cannot be had."""
    p = Path(path)
    try:
        if p.is_dir():
            raise ReportError(path, "is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReportError(
                path,
                f"too large to be a report ({size / 1024 / 1024:.0f} MB; the limit is "
                f"{MAX_BYTES // 1024 // 1024} MB)",
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    except IsADirectoryError:
        raise ReportError(path, "is a folder, not a file") from None
    except OSError as error:
        raise ReportError(path, f"cannot be read ({error.strerror or error})") from None


def decode(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """Decode a text file's bytes: BOMs, UTF-8, then detection (GB18030, Big5, UTF-16 …)."""
    if not data.strip():
        raise ReportError(path, "is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReportError(
                    path, f"is not valid {encoding} despite its byte-order mark"
                ) from None
    if _looks_binary(data):
        raise ReportError(path, "is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["gb18030", "big5"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ReportError(path, "cannot be decoded as text (tried UTF-8, GB18030 and Big5)")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20


def read_report(path: str | os.PathLike[str]) -> Report:
    """Read and parse one file. Raises `ReportError` with a clear reason, nothing else."""
    data = read_bytes(path)
    text = decode(data, path)
    report = parse_text(text, path=str(path), sha256=hashlib.sha256(data).hexdigest())
    if not report.sections and not report.preamble and not report.closing:
        raise ReportError(path, "holds no text once page furniture is removed")
    return report


def report_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The report files in a folder and its subfolders, sorted by path; links are not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in REPORT_SUFFIXES
        )
    return sorted(found)
