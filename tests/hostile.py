"""A hostile folder of downloaded files, for the display tests of the CLI and the TUI.

File and folder names hold terminal escape sequences (OSC 0 retitles the window, OSC 52
writes the clipboard), an 8-bit CSI, Rich markup and a right-to-left override; one name
holds a byte that is not UTF-8; a PDF's ``/Filter`` name holds escapes that pypdf repeats in
its error message. `RAW` finds any character that must never reach a terminal raw.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

OSC = "\033]0;PWN\033\\\033]52;c;cm0gLXJmIH4K\033\\"
CSI8 = "\x9b31m"
MARKUP = "[link=x]y[reverse]"
RLO = "\u202e"

# C0 controls but newline, DEL, C1 controls, bidi controls, zero-width characters, surrogates.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)

BODY = (
    "今年以来，我们深入推进依法行政，全面践行习近平法治思想，法治政府建设取得新成效。\n"
    "一、主要做法和成效\n"
    "（一）加强党的领导。坚持把法治政府建设摆在全局工作的突出位置，全年审查行政规范性文件67件。\n"
    "（二）严格规范公正文明执法。全面推行行政执法三项制度，行政机关负责人出庭应诉率达到100%。\n"
    "二、存在的问题\n"
    "法治意识有待进一步提升，执法队伍专业化水平还不够高。\n"
    "三、下一步工作安排\n"
    "持续深化法治政府建设，推进严格规范公正文明执法。\n"
)


def pdf_with_filter(filter_name: bytes) -> bytes:
    """A one-page PDF whose content stream names `filter_name` as its /Filter."""
    content = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /%s >>\nstream\n" % (len(content), filter_name)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


@dataclass(frozen=True)
class HostileFolder:
    folder: Path  # holds everything below
    xianning: Path  # a report whose region comes from its (hostile) name: 咸宁市
    baoji: Path  # a report whose name holds C1, markup and RLO: 宝鸡市
    undecodable: Path  # a report whose name holds the byte 0xff
    binary: Path  # not a report: skipped
    pdf: Path  # a PDF whose /Filter name holds escapes
    missing: Path  # named but not there

    @staticmethod
    def assert_clean(text: str) -> None:
        assert_clean(text)


def make_hostile_folder(root: Path) -> HostileFolder:
    folder = root / f"d{OSC}"
    folder.mkdir()
    xianning = folder / f"{OSC}咸宁市2023年.txt"
    xianning.write_text(BODY, "utf-8")
    baoji = folder / f"{CSI8}{MARKUP}{RLO}宝鸡市2024年.txt"
    baoji.write_text(BODY.replace("67件", "41件"), "utf-8")
    undecodable = Path(
        os.fsdecode(os.fsencode(folder) + b"/\xff\x1b\xc2\x9b" + "株洲市2022年.txt".encode())
    )
    Path(undecodable).write_text(BODY.replace("67件", "12件"), "utf-8")
    binary = folder / f"{OSC}img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    pdf = folder / f"{OSC}{CSI8}.pdf"
    pdf.write_bytes(pdf_with_filter(b"#1b#9b31m#07#1b"))
    missing = root / f"{OSC}{MARKUP}nope.txt"
    return HostileFolder(folder, xianning, baoji, undecodable, binary, pdf, missing)


def assert_clean(text: str) -> None:
    """Nothing in `text` drives or fools a terminal, and it encodes as UTF-8."""
    found = RAW.search(text)
    assert found is None, (
        f"raw {found.group()!r} at {found.start()}: {text[max(0, found.start() - 60) : found.start() + 20]!r}"
    )
    text.encode("utf-8")


def refuse_temporary_files(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    """Make `govread.atomic` fail to create its temporary file beside a target with `error`
    (a folder without permission, or one that takes no new file, as /proc), every other
    `os.open` as it is."""
    from govread import atomic

    real_open = os.open

    def refusing(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".tmp"):
            raise error
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "open", refusing)
