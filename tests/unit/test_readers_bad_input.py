"""Every kind of bad file is one clear line, never a traceback (issue 7)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from govread.cli import main
from govread.corpus import load, sample_paths
from govread.parsers import readers
from govread.parsers.readers import MAX_BYTES, ReportError, read_report

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _error(path: Path) -> str:
    with pytest.raises(ReportError) as caught:
        read_report(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return caught.value.reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \r\n\t\n  \n", "is empty"),
        ("photo.txt", PNG, "is a PNG image"),
        ("binary.txt", bytes(range(256)) * 64, "binary"),
        ("zeros.txt", b"\x00" * 4096, "binary"),
        ("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old Office document"),
        ("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8" * 10, "despite its byte-order mark"),
        ("furniture.txt", "设为首页|加入收藏\n当前位置:首页 > 新闻\n".encode(), "no text"),
        ("sheet.docx", b"PK\x03\x04junk", "not a Word .docx"),
        ("scan.pdf", b"%PDF-1.4\n%%EOF\n", "not a readable PDF"),
    ],
)
def test_bad_files_give_one_clear_reason(name, data, reason, tmp_path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in _error(path)


def test_a_50_mb_text_is_refused_from_its_size_without_being_read(tmp_path, monkeypatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read")

    monkeypatch.setattr(os, "fdopen", no_reading)
    monkeypatch.setattr(os, "read", no_reading)
    reason = _error(huge)
    assert reason.startswith("too large to be a report (50 MB")
    assert f"{MAX_BYTES // 1024 // 1024} MB" in reason


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="as root chmod 000 does not stop reading (root reads anyway)",
)
def test_an_unreadable_file_is_permission_denied(tmp_path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("一、法治政府建设", "utf-8")
    locked.chmod(0)
    try:
        assert _error(locked) == "permission denied"
    finally:
        locked.chmod(0o644)


def test_permission_denied_is_the_reason_whoever_runs_the_tests(tmp_path, monkeypatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("一、法治政府建设", "utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    assert _error(locked) == "permission denied"


def test_missing_files_folders_and_fifos(tmp_path) -> None:
    assert _error(tmp_path / "nowhere.txt") == "no such file"
    assert _error(tmp_path) == "is a folder, not a file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        # and it did not hang opening or reading it
        assert _error(fifo) == "is not a regular file (it is a pipe)"


def test_a_link_loop_named_explicitly_is_one_line(tmp_path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert _error(loop) == "a link that loops"
    result = load([loop])
    assert not result.reports and result.problems[0].explicit


def test_a_name_too_long_for_the_system_is_said_in_the_interface_language(tmp_path) -> None:
    """QA: the OS's own words (File name too long) stayed English under --lang zh."""
    from govread.i18n import set_language
    from govread.opening import Problem

    long_name = tmp_path / ("长" * 200 + ".txt")  # 600 bytes: over NAME_MAX
    assert _error(long_name) == "the file name is too long"
    problem = load([long_name]).problems[0]
    assert isinstance(problem, Problem)
    set_language("zh")
    try:
        assert problem.shown_reason() == "文件名太长"
    finally:
        set_language("en")


def test_a_folder_with_a_link_loop_is_walked_once(tmp_path) -> None:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # sub/up -> reports
    (folder / "self").symlink_to(folder / "self")
    (folder / "sub" / "a.txt").write_bytes(sample_paths()[0].read_bytes())
    result = load([folder])
    assert [Path(r.path or "").name for r in result.reports] == ["a.txt"]
    reasons = {Path(p.path).name: p.reason for p in result.problems}
    assert reasons["up"] == "is a link to a folder (links are not followed)"
    assert "self" in reasons
    assert not any(p.explicit for p in result.problems)


def _xlsx() -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def test_a_download_folder_keeps_the_reports_and_says_why_it_skips_the_rest(
    documents, tmp_path
) -> None:
    folder = tmp_path / "downloads"
    (folder / "2023").mkdir(parents=True)
    sample = sample_paths()[3].read_text("utf-8")
    (folder / "2023" / "report.html").write_bytes(documents["html"](sample, "trs", "gb18030"))
    (folder / "report.txt").write_text(sample, "utf-8")
    (folder / "report.docx").write_bytes(documents["docx"](sample))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    (folder / "table.xlsx").write_bytes(_xlsx())
    (folder / "archive.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (folder / "README.md").write_text("# Notes\n\nDownloaded reports for 2023.\n", "utf-8")
    (folder / "diary.txt").write_text(
        "今天天气很好，我们去公园散步，看到很多花开了。" * 10, "utf-8"
    )
    (folder / ".hidden.txt").write_text(sample, "utf-8")
    (folder / "photo.txt").write_bytes(PNG)  # a report's name, an image's bytes
    result = load([folder], keep_duplicates=True)  # the one text in three forms
    assert sorted(Path(r.path or "").name for r in result.reports) == [
        "report.docx",
        "report.html",
        "report.txt",
    ]
    assert len({r.outline().__repr__() for r in result.reports}) == 1
    reasons = {Path(p.path).name: p.reason for p in result.problems}
    assert reasons == {
        "photo.jpg": "is an image, not a report",
        "table.xlsx": "is a spreadsheet, not a report",
        "archive.zip": "is an archive, not a report",
        "README.md": "holds too little Chinese text to be a report",
        "diary.txt": "does not read like a report (none of 法治 / 依法行政 / 政府 / 报告 in it)",
        "photo.txt": "is a PNG image",
    }
    assert not any(p.explicit for p in result.problems)


def test_python_s_package_files_in_a_folder_are_passed_over_in_silence(tmp_path) -> None:
    """A folder that is also a package (the bundled samples) names no skipped file at each
    start for its __init__.py and __pycache__; other code files are still named."""
    folder = tmp_path / "reports"
    (folder / "__pycache__").mkdir(parents=True)
    sample = sample_paths()[3].read_text("utf-8")
    (folder / "report.txt").write_text(sample, "utf-8")
    (folder / "__init__.py").write_text("", "utf-8")
    (folder / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\xa7\r\r\n" + bytes(12))
    (folder / "scrape.py").write_text("print('reports')\n", "utf-8")
    result = load([folder])
    assert [Path(r.path or "").name for r in result.reports] == ["report.txt"]
    assert [Path(p.path).name for p in result.problems] == ["scrape.py"]
    named = load([folder / "__init__.py"])  # named on the command line: said, as before
    assert not named.reports and [Path(p.path).name for p in named.problems] == ["__init__.py"]


def test_a_file_named_explicitly_is_shown_even_if_it_does_not_look_like_a_report(
    tmp_path,
) -> None:
    diary = tmp_path / "diary.txt"
    diary.write_text("今天天气很好，我们去公园散步。" * 10, "utf-8")
    result = load([diary])
    assert len(result.reports) == 1 and not result.problems
    assert readers.looks_like_report(result.reports[0]) is not None


def _report_as_csv(path: Path) -> Path:
    """A CSV of report text, as `govread compare --format csv` writes one (text, BOM)."""
    text = sample_paths()[1].read_text("utf-8").replace(",", "，")
    path.write_text(
        "\ufefftheme,a_text\n" + "".join(f"行,{line}\n" for line in text.splitlines()), "utf-8"
    )
    return path


def test_a_spreadsheet_named_is_refused_as_in_a_folder(tmp_path, capsys) -> None:
    """QA: `govread work/cmp.csv` (a CSV govread itself exported) opened as a 法治政府建设报告
    and entered the corpus tables, while in a folder it was skipped as a spreadsheet. Named,
    it is refused for the same reason, an error like any file named that cannot be opened;
    a file named .doc (often a saved page) is still read by its bytes."""
    folder = tmp_path / "work"
    folder.mkdir()
    table = _report_as_csv(folder / "cmp.csv")
    picture = folder / "scan.svg"
    picture.write_text("<svg>" + sample_paths()[1].read_text("utf-8") + "</svg>", "utf-8")
    page = folder / "word.doc"
    page.write_bytes(sample_paths()[1].read_bytes())
    in_folder = {Path(p.path).name: p.reason for p in load([folder]).problems}
    assert in_folder == {
        "work": "holds no report files",
        "cmp.csv": "is a spreadsheet, not a report",
        "scan.svg": "is an image, not a report",
        "word.doc": "is an old Word/WPS document (save it as .docx), not a report",
    }
    for named in (table, picture):
        result = load([named])
        assert not result.reports
        assert [(p.reason, p.explicit) for p in result.problems] == [(in_folder[named.name], True)]
    assert len(load([page]).reports) == 1
    figures = main(
        ["--lang", "en", "figures", "--format", "csv", str(table), str(sample_paths()[0])]
    )
    out, err = capsys.readouterr()
    assert figures == 1 and str(table) not in out
    assert err.splitlines() == [f"govread: error: {table}: is a spreadsheet, not a report"]


def test_a_spreadsheet_a_cache_holds_as_a_report_is_refused_unread(tmp_path, monkeypatch) -> None:
    """A CSV an older govread parsed and cached is refused by its name, before its bytes are
    read or the cache asked."""
    from govread.cache import ReportCache

    table = _report_as_csv(tmp_path / "cmp.csv")
    parsed = readers.report_from_bytes(table.read_bytes(), "cmp.txt")
    cache = ReportCache()
    cache.put(parsed)
    cache.close()

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("read")

    monkeypatch.setattr("govread.loading.read_bytes", fail)
    result = load([table])
    assert [(p.reason, p.explicit) for p in result.problems] == [
        ("is a spreadsheet, not a report", True)
    ]


def test_the_cli_prints_one_line_per_bad_file_and_fails(tmp_path, capsys) -> None:
    empty, image = tmp_path / "empty.txt", tmp_path / "image.txt"
    empty.write_bytes(b"")
    image.write_bytes(PNG)
    with pytest.raises(SystemExit) as exit_info:
        main(["outline", str(empty), str(image)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"govread: error: {empty}: is empty", f"govread: error: {image}: is a PNG image"]


def test_a_subfolder_that_cannot_be_listed_is_a_problem_not_silence(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_bytes(sample_paths()[0].read_bytes())
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = load([folder])
    assert len(result.reports) == 1
    assert [(Path(p.path).name, p.reason) for p in result.problems] == [
        ("locked", "permission denied (a folder)")
    ]


def _rtf(text: str, *, gbk: bool) -> bytes:
    """`text` as Word or LibreOffice writes it in RTF: each character an escape (``\\uN?``
    or a GBK byte pair ``\\'c4\\'b3``), markup all around."""
    if gbk:
        body = "".join(f"\\'{byte:02x}" for byte in text.encode("gbk", "ignore"))
        head = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
    else:
        body = "".join(f"\\u{ord(ch)}?" if ord(ch) > 127 else ch for ch in text)
        head = "{\\rtf1\\ansi\\deff4\\adeflang1025{\\fonttbl{\\f0\\froman Times New Roman;}}"
    paragraphs = "".join(f"{{\\pard\\plain {line}\\par}}\n" for line in body.split("\n"))
    return (head + "\n" + paragraphs + "}").encode("ascii")


@pytest.mark.parametrize("gbk", [False, True], ids=["unicode", "gbk"])
@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf", b"\r\n  "], ids=["bare", "bom", "space"])
def test_an_rtf_file_is_refused_named_and_in_a_folder_whatever_its_name(
    gbk, prefix, tmp_path
) -> None:
    """QA: an RTF file (Word's "RTF", often a site's ".doc" download) named on the command
    line opened as a report of RTF code (`1.}{\\dbch`), exit 0. It is refused as an old .doc
    is ("save it as .docx"), by its bytes whatever its name, and skipped in a folder."""
    data = prefix + _rtf(sample_paths()[0].read_text("utf-8"), gbk=gbk)
    folder = tmp_path / "downloads"
    folder.mkdir()
    for name in ("report.rtf", "report.doc", "report.txt", "report.html"):
        path = folder / name
        path.write_bytes(data)
        assert _error(path) == "is an RTF document; save it as .docx or text"
    reasons = {Path(p.path).name: p.reason for p in load([folder]).problems}
    assert reasons == {
        "report.rtf": "is an RTF document (save it as .docx), not a report",
        "report.doc": "is an old Word/WPS document (save it as .docx), not a report",
        "report.txt": "is an RTF document; save it as .docx or text",
        "report.html": "is an RTF document; save it as .docx or text",
    }


def test_a_text_named_rtf_is_read_by_its_bytes(tmp_path) -> None:
    """Like .doc, the name .rtf does not refuse a text (a site's download may be one)."""
    path = tmp_path / "report.rtf"
    path.write_bytes(sample_paths()[0].read_bytes())
    assert read_report(path).outline() == read_report(sample_paths()[0]).outline()


def test_a_saved_pages_asset_folder_is_passed_over_silently(tmp_path) -> None:
    """QA: a folder holding a page saved whole by a browser (`page.html` and `page_files/`
    with its styles, scripts, images and frames) listed every asset as a skipped file. The
    page is the report; its assets folder is passed over like a hidden one. A folder that
    only ends in `_files`, with no page of that name beside it, is searched as before."""
    folder = tmp_path / "downloads"
    assets = folder / "咸宁 2023_files"
    assets.mkdir(parents=True)
    (folder / "咸宁 2023.html").write_bytes(sample_paths()[0].read_bytes())
    (assets / "style.css").write_text("body{}", "utf-8")
    (assets / "app.js").write_text("var a;", "utf-8")
    (assets / "logo.png").write_bytes(PNG)
    (assets / "saved_resource.html").write_text("<html><body>广告</body></html>", "utf-8")
    old_ie = folder / "泾县.files"
    old_ie.mkdir()
    (folder / "泾县.htm").write_bytes(sample_paths()[1].read_bytes())
    (old_ie / "image001.gif").write_bytes(b"GIF89a")
    lone = folder / "notes_files"
    lone.mkdir()
    (lone / "table.xlsx").write_bytes(b"PK\x03\x04")
    result = load([folder])
    assert sorted(Path(r.path or "").name for r in result.reports) == ["咸宁 2023.html", "泾县.htm"]
    assert {Path(p.path).name: p.reason for p in result.problems} == {
        "table.xlsx": "is a spreadsheet, not a report"
    }
