"""Hostile files: each ends within a second or two with one clear line, never a hang.

Every case goes through the command line (`govread outline FILE`): a line on stderr naming
the file and the reason, exit status 1, or the report shown (exit 0), and never a
traceback. A timer interrupts any case that would hang, so it fails instead of stalling.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from govread.cli import main
from govread.corpus import sample_paths
from govread.parsers import docx as docx_reader
from govread.parsers import pdf as pdf_reader
from govread.parsers.readers import ReportError, read_report

SECONDS = 10  # a hard stop for a hang; each case takes well under a second here


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _within(seconds: float) -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise _Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _outline(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], float]:
    """`govread outline --no-cache PATH`: (exit status, stderr lines, seconds of CPU).

    CPU, not the clock: what a hostile file costs is the work it makes, which a busy
    machine (other test workers) does not change; a hang is stopped by `_within`."""
    started = time.process_time()
    with _within(SECONDS):
        try:
            code = main(["outline", "--no-cache", str(path)])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    took = time.process_time() - started
    err = capsys.readouterr().err.splitlines()
    assert not any("Traceback" in line for line in err)
    return code, err, took


def _refused(path: Path, capsys: pytest.CaptureFixture[str], reason: str) -> float:
    code, err, took = _outline(path, capsys)
    assert code == 1
    assert err == [f"govread: error: {path}: {reason}"] or (
        len(err) == 1 and err[0].startswith(f"govread: error: {path}: ") and reason in err[0]
    ), err
    return took


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _pdf(content: bytes, filter_name: bytes = b"/FlateDecode", pages: int = 1) -> bytes:
    """A minimal PDF whose pages all draw one content stream (`content`, encoded)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    objects.append(
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filter_name)
        + content
        + b"\nendstream"
    )
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"
    objects.extend([page] * pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# -- the known hangs ---------------------------------------------------------------------


def test_forty_empty_comments_before_text(tmp_path, capsys) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(b"<!---->" * 40 + b"\nx\n")  # hung for ever (nested repeats)
    code, err, took = _outline(path, capsys)
    assert code in (0, 1) and len(err) <= 1 and took < 5


def test_a_page_title_of_a_megabyte_of_spaces(tmp_path, capsys) -> None:
    body = "<p>" + "依法行政推进法治政府建设。" * 20 + "</p>"
    path = tmp_path / "t.html"
    title = "a" + " " * 1_000_000 + "b"
    path.write_text(f"<html><head><title>{title}</title></head><body>{body}</body></html>")
    code, err, took = _outline(path, capsys)
    assert code == 0 and not err and took < 5


def test_a_toolbar_word_followed_by_a_run_of_spaces(tmp_path, capsys) -> None:
    body = "<p>" + "依法行政推进法治政府建设。" * 20 + "</p><p>字体" + " " * 50_000 + "x</p>"
    path = tmp_path / "toolbar.html"
    path.write_text(f"<html><body>{body}</body></html>")
    code, _err, took = _outline(path, capsys)
    assert code == 0 and took < 5


# -- not regular files, whatever their names ---------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.docx", "x.pdf", "x"])
def test_a_fifo_is_refused_at_once(tmp_path, capsys, name) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)  # nobody writes: opening it for reading would wait for ever
    assert _refused(fifo, capsys, "is not a regular file (it is a pipe)") < 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_at_once(tmp_path, capsys) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # endless: reading it would exhaust memory
    assert _refused(link, capsys, "is not a regular file (it is a device)") < 2


def test_a_folder_with_a_fifo_and_a_device_link_still_loads_its_report(tmp_path, capsys) -> None:
    (tmp_path / "report.txt").write_bytes(sample_paths()[0].read_bytes())
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    if Path("/dev/zero").exists():
        (tmp_path / "zero.txt").symlink_to("/dev/zero")
    code, err, took = _outline(tmp_path, capsys)
    assert code == 0 and took < 5
    assert all(line.startswith("govread: skipped: ") for line in err)
    assert all("is not a regular file" in line for line in err)


LONG_NAME = "长" * 2000 + ".txt"  # 6,000 bytes: beyond any file system's name


@pytest.mark.parametrize(
    "argv",
    [
        ["outline", LONG_NAME],
        ["outline", LONG_NAME.replace(".txt", ".png")],
        ["export", LONG_NAME, "--all", "-o", "-"],
        ["search", "法治", LONG_NAME],
        ["search", "法治", LONG_NAME, "--store", "STORE"],
        ["cite", LONG_NAME],
        ["figures", LONG_NAME],
        ["compare", LONG_NAME, LONG_NAME.replace("长", "短")],
        ["compare", "A", "B", "--corpus", LONG_NAME],
        ["compare", "--region", "咸宁", "--corpus", LONG_NAME],
        ["index", LONG_NAME, "--store", "STORE"],
    ],
    ids=lambda argv: " ".join(a if len(a) < 20 else "LONG" for a in argv),
)
def test_a_name_too_long_for_the_system_is_one_line(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a path argument longer than the system takes (`File name too long`) ended every
    command with a traceback (pathlib's is_dir / exists raise for it)."""
    argv = [str(tmp_path / "s.sqlite3") if a == "STORE" else a for a in argv]
    with _within(SECONDS):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err
    assert err.startswith(("govread: error: ", "govread compare: error: ")), err[:200]


def test_a_sparse_200_mb_text_is_refused_from_its_size(tmp_path, capsys) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing written to the disk
    assert _refused(huge, capsys, "too large to be a report (200 MB") < 2


def test_a_ten_megabyte_single_line(tmp_path, capsys) -> None:
    path = tmp_path / "line.txt"
    line = "依法行政推进法治政府建设，" * 260_000  # 10 MB of UTF-8 on one line
    path.write_text(f"一、法治政府建设\n{line}\n二、其他\n内容。\n", "utf-8")
    code, err, took = _outline(path, capsys)
    assert code == 0 and not err and took < SECONDS


def test_a_million_short_headings(tmp_path, capsys) -> None:
    path = tmp_path / "headings.txt"
    path.write_text("一、法治\n" * 1_000_000, "utf-8")  # 12 MB; parsed, ~a minute
    # refused once decoded, before the layout's passes over every line (0.03 s; 1.2 s when
    # refused after them, which passed the loader's 10 s watchdog on a loaded machine)
    assert _refused(path, capsys, "has 1,000,001 lines: too many for a report") < 2


def test_utf16_with_an_odd_number_of_bytes(tmp_path, capsys) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("一、法治政府建设\n依法行政。\n".encode("utf-16") + b"\x00")
    code, err, took = _outline(path, capsys)
    assert took < 2 and (code == 0 or (code == 1 and len(err) == 1))


# -- web pages -----------------------------------------------------------------------------


def test_a_megabyte_attribute(tmp_path, capsys) -> None:
    body = "<p>" + "依法行政推进法治政府建设。" * 20 + "</p>"
    attribute = "x" * 1_000_000
    path = tmp_path / "attr.html"
    path.write_text(f'<html><body><div class="{attribute}" id="zoom">{body}</div></body></html>')
    code, err, took = _outline(path, capsys)
    assert code == 0 and not err and took < 5


def test_a_page_nested_a_hundred_thousand_levels(tmp_path, capsys) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "法治" + "</div>" * 100_000)
    assert _refused(path, capsys, "nested too deeply") < 5


def test_a_charset_declaration_with_endless_spaces(tmp_path, capsys) -> None:
    head = b"<meta " + b" " * 100 + b"charset" + b" " * 100_000 + b"=gbk>"
    body = "<p>" + "依法行政推进法治政府建设。" * 20 + "</p>"
    path = tmp_path / "meta.html"
    path.write_bytes(b"<html><head>" + head + b"</head><body>" + body.encode() + b"</body></html>")
    code, _err, took = _outline(path, capsys)
    assert code == 0 and took < 5


# -- Word packages -------------------------------------------------------------------------


def test_a_docx_whose_text_unpacks_far_beyond_a_report(tmp_path, capsys) -> None:
    paragraph = b"<w:p><w:r><w:t>" + "法治政府建设。".encode() * 10 + b"</w:t></w:r></w:p>"
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(
        _docx(b"<w:document><w:body>" + paragraph * 60_000 + b"</w:body></w:document>")
    )
    assert bomb.stat().st_size < 200 * 1024  # a few KB that unpack to 14 MB of XML
    assert _refused(bomb, capsys, "too large for a report") < 2


def test_a_docx_that_lies_about_its_sizes(tmp_path, capsys) -> None:
    """The sizes a zip declares are checked, but the real read is bounded too: a part
    that says 1 KB but unpacks to 20 MB is cut at its declared size (and fails its CRC)."""
    data = bytearray(_docx(b"<w:document>" + b" " * (20 * 1024 * 1024) + b"</w:document>"))
    central = data.find(b"PK\x01\x02", 0)
    while central >= 0:  # every part's declared size, in the central directory, to 1 KB
        data[central + 24 : central + 28] = (1024).to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    assert _refused(liar, capsys, "is a damaged Word document") < 2


def test_a_docx_with_ten_thousand_parts(tmp_path, capsys) -> None:
    parts = {f"word/media/image{n}.png": b"" for n in range(10_000)}
    many = tmp_path / "many.docx"
    many.write_bytes(_docx(b"<w:document/>", parts))
    assert _refused(many, capsys, "holds 10,002 parts: too many for a report") < 5


def test_a_docx_with_more_paragraphs_than_any_report(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_PARAGRAPHS", 50)
    import docx

    document = docx.Document()
    for number in range(60):
        document.add_paragraph(f"第{number}段。")
    out = io.BytesIO()
    document.save(out)
    path = tmp_path / "long.docx"
    path.write_bytes(out.getvalue())
    with _within(SECONDS), pytest.raises(ReportError, match="more than 50 paragraphs"):
        read_report(path)


# -- PDFs ----------------------------------------------------------------------------------


def test_a_pdf_whose_stream_unpacks_to_64_mb(tmp_path, capsys) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf(zlib.compress(b"%" * (64 * 1024 * 1024), 1)))
    code, err, took = _outline(bomb, capsys)
    assert code == 1 and len(err) == 1 and took < 5


def test_a_pdf_with_six_thousand_pages(tmp_path, capsys) -> None:
    pages = tmp_path / "pages.pdf"
    pages.write_bytes(_pdf(zlib.compress(b"BT ET"), pages=6_000))
    code, err, took = _outline(pages, capsys)
    assert code == 1 and len(err) == 1 and took < SECONDS


def test_a_pdf_with_more_pages_than_any_report(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    path = tmp_path / "pages.pdf"
    path.write_bytes(_pdf(zlib.compress(b"BT ET"), pages=4))
    with pytest.raises(ReportError, match="has 4 pages: too many for a report"):
        read_report(path)


def test_pypdfs_own_message_is_never_shown(tmp_path, monkeypatch) -> None:
    """pypdf's messages quote the file (a /Filter name holding escape codes): not shown."""
    import pypdf

    class Hostile(pypdf.PdfReader):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise NotImplementedError("Unsupported filter /\x1b]0;PWN\x07\x1b]52;c;cm0=\x07")

    monkeypatch.setattr(pypdf, "PdfReader", Hostile)
    path = tmp_path / "filter.pdf"
    path.write_bytes(_pdf(b"x", b"/\x1b]0;PWN\x07"))
    with pytest.raises(ReportError) as caught:
        read_report(path)
    assert caught.value.reason == "is not a readable PDF (NotImplementedError)"
    assert "\x1b" not in str(caught.value) and "PWN" not in str(caught.value)


def test_a_pdf_that_reads_too_slowly_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_SECONDS", -1.0)  # every page is "too late"
    path = tmp_path / "slow.pdf"
    path.write_bytes(_pdf(zlib.compress(b"BT ET"), pages=2))
    with pytest.raises(ReportError, match="too slow for a report"):
        read_report(path)


# -- fuzzing the readers under a deadline --------------------------------------------------

_HOSTILE_PIECES = [
    "<!--",
    "-->",
    "<!---->",
    "<html>",
    "<title>",
    "</title>",
    "<meta charset=",
    "gbk",
    '"',
    "'",
    "<div>",
    "</div>",
    "<p>",
    "字体",
    "_",
    "|",
    " - ",
    "--",
    "—",
    " ",
    "\u3000",
    "\t",
    "\n",
    "一、",
    "（一）",
    "1.",
    "法治政府建设",
    "。",
    "，",
    "达到",
    "100%",
    "0",
    "\x00",
    "\x1b]0;x\x07",
]


def _warm_up() -> None:
    """Import what the readers import lazily, so the first example's timing is fair."""
    for name, data in (("w.html", b"<html><body><p>x</p></body></html>"), ("w.pdf", b"%PDF-")):
        with contextlib.suppress(ReportError):
            from govread.parsers.readers import report_from_bytes

            report_from_bytes(data, name)


def test_the_readers_end_quickly_on_hostile_text() -> None:
    from datetime import timedelta

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from govread.parsers.readers import report_from_bytes

    _warm_up()
    pieces = st.lists(st.tuples(st.sampled_from(_HOSTILE_PIECES), st.integers(1, 400)), max_size=12)

    @settings(
        max_examples=60,
        deadline=timedelta(seconds=2),
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(parts=pieces, suffix=st.sampled_from([".txt", ".html", ".md", ""]))
    def one(parts: list[tuple[str, int]], suffix: str) -> None:
        data = "".join(piece * count for piece, count in parts).encode("utf-8")
        with _within(SECONDS), contextlib.suppress(ReportError):
            report_from_bytes(data, f"fuzz{suffix}")

    one()
