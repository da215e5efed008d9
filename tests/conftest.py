"""Shared fixtures: the bundled samples and their hand-labelled expectations."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings
from repo_scripts import load_script

from govread.corpus import sample_paths
from govread.i18n import set_language
from govread.parsers import Report
from govread.parsers.readers import read_report

# Under CI (CI set, as `.ci/run` runs) the property tests draw the same examples on every
# run: a latent bug that a random draw finds is found where the draws vary (a developer's
# run, whose failing example Hypothesis keeps and the test then names as an @example), not
# by turning red a landing that did not touch it.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def _expected_for(name: str) -> dict[str, object]:
    path = FIXTURES / "expected" / f"{Path(name).stem}.json"
    data: dict[str, object] = json.loads(path.read_text("utf-8"))
    return data


Generate = Callable[..., list[tuple[str, bytes]]]


def _generator() -> ModuleType:
    """benchmarks/generate.py, which is a script, not part of the package."""
    return load_script("benchmarks/generate.py")


@pytest.fixture(scope="session")
def generate() -> Generate:
    """The corpus generator's ``generate(count, seed=…)``: [(file name, bytes)]."""
    function: Generate = _generator().generate
    return function


@pytest.fixture(scope="session")
def write_generated(generate: Generate) -> Callable[..., Path]:
    """``write_generated(folder, count, seed=5)``: generated reports written into a folder."""

    def write(folder: Path, count: int, seed: int = 5) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in generate(count, seed=seed):
            (folder / name).write_bytes(data)
        return folder

    return write


@pytest.fixture
def samples_folder(tmp_path: Path) -> Path:
    """A folder (`tmp_path/reports`) holding a copy of each bundled sample."""
    target = tmp_path / "reports"
    target.mkdir()
    for path in sample_paths():
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def expected_for() -> Callable[[str], dict[str, object]]:
    """The hand-labelled outline and metadata of a sample, by file name."""
    return _expected_for


@pytest.fixture(scope="session")
def expected_files() -> list[Path]:
    return EXPECTED


def installed_govread() -> str:
    """The `govread` command installed beside this Python (the venv's), else the one on PATH."""
    beside = shutil.which("govread", path=str(Path(sys.executable).parent))
    found = beside or shutil.which("govread")
    if found is None:
        pytest.fail("the govread command is not installed: pip install '.[test]' first")
    return found


@pytest.fixture(scope="session")
def govread_exe() -> str:
    return installed_govread()


@pytest.fixture(scope="session")
def samples() -> list[Report]:
    return [read_report(path) for path in sample_paths()]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, samples: list[Report]) -> Path:
    """A store holding `samples` (the requesting module's, when it defines its own), put
    report by report without the indexing pool."""
    from govread import store

    path = tmp_path_factory.mktemp("store") / "store.sqlite3"
    with store.Store(path) as opened, opened.transaction():
        for report in samples:
            assert report.path is not None
            stamp = os.stat(report.path)
            opened.put(report, {}, size=stamp.st_size, mtime_ns=stamp.st_mtime_ns)
    return path


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        _rewrite_test_modules_once(config)


def _rewrite_test_modules_once(config: pytest.Config) -> None:
    """Before the xdist workers start, write each test module's assert-rewritten bytecode
    where pytest looks for it (``__pycache__``), so that the four workers read it instead of
    each rewriting all of them (about 8 s of CPU a worker, most of its collection time).

    pytest writes this cache itself unless bytecode writing is off (PYTHONDONTWRITEBYTECODE,
    as on these machines), and even then it reads it; in a fresh clone the four workers would
    all rewrite every module at once. This uses pytest's own rewriting functions, which are
    private: if they are not there (another pytest), nothing is written and each worker
    rewrites as before."""
    if config.getoption("assertmode", "rewrite") != "rewrite":
        return
    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        for module in sorted(Path(__file__).parent.rglob("*.py")):
            if module.name != "conftest.py" and not module.name.startswith("test_"):
                continue
            pyc = rewrite.get_cache_dir(module) / (module.name[:-3] + rewrite.PYC_TAIL)
            if rewrite._read_pyc(module, pyc, state.trace) is not None:
                continue  # written by an earlier run, and still the module's source
            if not rewrite.try_makedirs(pyc.parent):
                return  # a read-only checkout
            source_stat, code = rewrite._rewrite_test(module, config)
            rewrite._write_pyc(state, code, source_stat, pyc)
    except (AttributeError, ImportError, KeyError, TypeError, OSError, SyntaxError):
        return


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Freeze what is alive when the tests are done. pytest then collects five times (its
    last look for unraisable exceptions), and each full collection walked a worker's whole
    heap: everything the TUI tests' apps gave back to the collector when they closed
    (`govread.tui.browser.heap.thaw`), about half a second a collection, seconds a worker
    at the very end of the run. Frozen objects are not walked; what the last tests left in
    cycles is then never collected, so an exception raised while freeing it goes unsaid
    (one raised during a test is still reported with that test)."""
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    """A failure whose message holds a lone surrogate (hypothesis finds them) is reported with
    it escaped: an xdist worker cannot send such text to the controller, and the whole run
    would stop with an internal error instead of naming the failing test."""
    report: pytest.TestReport = yield
    if report.failed and os.environ.get("PYTEST_XDIST_WORKER"):
        text = str(report.longrepr)
        safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
        if safe != text:
            report.longrepr = safe
        report.sections = [
            (title, content.encode("utf-8", "backslashreplace").decode("utf-8"))
            for title, content in report.sections
        ]
    return report


@pytest.fixture(scope="session")
def _shared_jieba_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for jieba's prefix-dictionary cache, shared by every test of the run (and
    by the xdist workers: their temporary folders have a common parent). Loading jieba with
    it takes about a second less; jieba writes it atomically, so sharing it is safe."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / "jieba-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    _shared_jieba_cache: Path,
) -> None:
    """Config, data and cache go to a temporary home: tests never touch the user's files,
    and each test starts with none of them; only jieba's dictionary cache, which depends on
    nothing but jieba's own dictionary, is shared."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    (home / "cache" / "govread").mkdir(parents=True)
    (home / "cache" / "govread" / "jieba").symlink_to(_shared_jieba_cache, True)
    # English, whatever the machine's locale, unless a test chooses (`govread.i18n`).
    monkeypatch.setenv("LANGUAGE", "en")
    set_language("en")


# -- documents made from the samples (issue 7: readers) --------------------------------
# Plain functions, so benchmarks/readers.py can use them too; the fixtures hand them out.

_PAGE_FURNITURE = (
    '<div class="top"><ul class="menu">'
    + "".join(
        f'<li><a href="/{i}">{name}</a></li>'
        for i, name in enumerate(("首页", "政务公开", "政策文件", "互动交流", "办事服务"))
    )
    + '</ul></div>\n<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; '
    '<a href="/zwgk">政务公开</a> &gt; <a href="/fzzf">法治政府建设</a></div>'
)
_TOOLBAR = (
    '<div class="toolbar">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】\n'
    '<a href="javascript:window.print()">【打印本页】</a> '
    '<a href="javascript:window.close()">【关闭窗口】</a></div>\n'
    '<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信朋友圈分享</a>'
    '<a class="bds_tsina">微博</a></div>'
)
_RELATED = "".join(
    f'<li><a href="/n{i}.html">关于开展第{i}批行政执法案卷评查工作的通知</a></li>'
    for i in range(1, 16)
)
_FOOTER = """<footer><p>主办单位：市人民政府办公室 版权所有 网站标识码：4212000001</p>
<p>鄂ICP备05003325号 地址：市政府大院 联系我们 网站地图</p></footer>
<script>var tip = "欢迎访问本网站，请使用新版浏览器浏览。本站由市政府办公室主办。";</script>
<style>.TRS_Editor p { text-indent: 2em; }</style>"""


def split_sample(text: str) -> tuple[str | None, list[str], list[str]]:
    """A sample's text as (title, page-furniture lines, body lines)."""
    from govread.parsers.chrome import is_chrome
    from govread.parsers.outline import parse_text

    title = parse_text(text).title
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    furniture = [line for line in lines if is_chrome(line)]
    body = [line for line in lines if not is_chrome(line) and line != title]
    return title, furniture, body


def build_html_page(
    text: str, template: str = "trs", charset: str = "utf-8", declared: str | None = None
) -> bytes:
    """A government web page holding a sample, as a browser saves it."""
    import html as html_lib

    from govread.parsers.chrome import page_metadata

    title, furniture, body = split_sample(text)
    esc = html_lib.escape
    info = [line for line in furniture if page_metadata([line])]
    page = page_metadata(info)
    declared = declared or charset
    metas = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    if template == "trs":
        if title:
            metas += f'\n<meta name="ArticleTitle" content="{esc(title)}">'
        if "published" in page:
            metas += f'\n<meta name="PubDate" content="{page["published"]} 09:30">'
        if "source" in page:
            metas += f'\n<meta name="ContentSource" content="{esc(page["source"])}">'
        paragraphs = "\n".join(f'<p style="text-indent:2em">{esc(line)}</p>' for line in body)
        article = f'<div class="TRS_Editor">{paragraphs}</div>'
    elif template == "zoom_br":
        article = (
            '<table><tr><td id="zoom">'
            + "<br>\n".join(f"&nbsp;&nbsp;\u3000\u3000{esc(line)}" for line in body)
            + "</td></tr></table>"
        )
    else:  # no container a CMS is known by: the heuristic must find it
        paragraphs = "\n".join(f"<p>{esc(line)}</p>" for line in body)
        article = f'<div class="wenzhang"><div class="wz">{paragraphs}</div></div>'
    info_bar = "".join(f'<div class="info">{esc(line)}</div>' for line in info)
    heading = f"<h1>{esc(title)}</h1>" if title else ""
    page_title = f"{title}_市人民政府门户网站" if title else "市人民政府门户网站"
    document = f"""<!DOCTYPE html>
<html><head>{metas}
<title>{esc(page_title)}</title></head>
<body><header><div class="logo">市人民政府门户网站</div></header>
{_PAGE_FURNITURE}
<div class="main"><div class="left">{heading}{info_bar}{_TOOLBAR}
{article}</div>
<div class="right"><h3>相关文章</h3><ul>{_RELATED}</ul></div></div>
{_FOOTER}</body></html>"""
    return document.encode(charset)


def build_docx(text: str, *, heading_styles: bool = True, table: bool = False) -> bytes:
    """A Word document of a sample: title styled Title, numbered headings styled Heading."""
    import io
    import re

    import docx

    title, _furniture, body = split_sample(text)
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title" if heading_styles else None)
    heading = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
    for index, line in enumerate(body):
        if table and index == len(body) // 2:
            grid = document.add_table(rows=2, cols=2)
            grid.cell(0, 0).text = "全年办理行政复议案件"
            grid.cell(0, 1).text = "128件"
            grid.cell(1, 0).merge(grid.cell(1, 1)).text = "合计纠错率百分之十二"
        match = heading.match(line)
        style = None
        if heading_styles and match and len(line) <= 60:
            style = "Heading 1" if line[0] in "一二三四五六七八九十" else "Heading 2"
        document.add_paragraph(line, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_pdf(
    lines: list[str],
    *,
    chars_per_line: int = 30,
    lines_per_page: int = 30,
    header: str | None = None,
    page_numbers: bool = True,
    indent: str = "",
) -> bytes:
    """A text-layer PDF: lines wrapped at `chars_per_line`, in the standard CID font
    STSong-Light (Adobe-GB1, UniGB-UCS2-H), which needs no font file to write or read; a
    character is drawn as wide as the wrap counts it (ASCII half an em, as pypdf reads the
    widths: by code)."""
    # wrapped by width, as a page is: a Chinese character (and “”) two cells
    rows = load_script("benchmarks/variants.py").wrap_lines(lines, 2 * chars_per_line, indent)
    pages = [rows[i : i + lines_per_page] for i in range(0, len(rows), lines_per_page)] or [[]]

    def show(text: str, x: int, y: int) -> str:
        code = "".join(f"{ord(ch):04X}" for ch in text if ord(ch) <= 0xFFFF)
        return f"BT /F1 12 Tf {x} {y} Td <{code}> Tj ET"

    streams = []
    for number, page_rows in enumerate(pages, start=1):
        ops = [show(row, 50, 780 - 24 * i) for i, row in enumerate(page_rows)]
        if header:
            ops.insert(0, show(header, 200, 815))
        if page_numbers:
            ops.append(show(f"- {number} -", 280, 30))
        streams.append("\n".join(ops))
    return _pdf_file(streams)


def build_placed_pdf(
    pages: list[list[tuple[float, float, str]]], size: int = 12, in_form: bool = False
) -> bytes:
    """A text-layer PDF whose pages draw pieces of text (x, y, text), each where it says, in
    the order given (as LibreOffice draws a line's quotes apart from its Chinese); in
    build_pdf's font, a character an em wide, ASCII half an em. `in_form`: each page draws
    its text through a form XObject (Do)."""

    def show(text: str, x: float, y: float) -> str:
        code = "".join(f"{ord(ch):04X}" for ch in text if ord(ch) <= 0xFFFF)
        return f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td <{code}> Tj ET"

    streams = ["\n".join(show(text, x, y) for x, y, text in page) for page in pages]
    return _pdf_file(streams, in_form=in_form)


def _pdf_file(streams: list[str], in_form: bool = False) -> bytes:
    """A PDF of one page a content stream, in build_pdf's font (F1); `in_form`: the stream
    is a form XObject (X1) the page draws."""
    objects: list[bytes] = []
    page_ids = [5 + 2 * i for i in range(len(streams))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding "
        b"/UniGB-UCS2-H /DescendantFonts [4 0 R] >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >> /DW 1000 /W [32 126 500] >>"
    )
    forms = []
    for text in streams:
        stream = text.encode("ascii")
        resources = b"<< /Font << /F1 3 0 R >> >>"
        if in_form:  # the form's object goes after the pages'
            form_id = 5 + 2 * len(streams) + len(forms)
            forms.append(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources "
                + resources
                + f" /Length {len(stream)} >>\nstream\n".encode()
                + stream
                + b"\nendstream"
            )
            resources = f"<< /Font << /F1 3 0 R >> /XObject << /X1 {form_id} 0 R >> >>".encode()
            stream = b"q /X1 Do Q"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            + resources
            + f" /Contents {len(objects) + 2} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.extend(forms)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture(scope="session")
def sample_texts() -> list[tuple[Path, str]]:
    """Each sample's path and its text."""
    return [(path, path.read_text("utf-8")) for path in sample_paths()]


@pytest.fixture(scope="session")
def documents() -> dict[str, Callable[..., object]]:
    """The document builders above, by name: html, docx, pdf, placed_pdf, split."""
    return {
        "html": build_html_page,
        "docx": build_docx,
        "pdf": build_pdf,
        "placed_pdf": build_placed_pdf,
        "split": split_sample,
    }


# -- hostile file names (issue 11: nothing raw reaches the terminal) -------------------


def _hostile() -> ModuleType:
    """tests/hostile.py (tests are no package: loaded like the generator)."""
    return load_script("tests/hostile.py")


@pytest.fixture
def hostile(tmp_path: Path) -> Any:
    """A folder of files whose names hold escape sequences, markup and bidi controls
    (`tests/hostile.py`); ``hostile.assert_clean(text)`` checks an output."""
    return _hostile().make_hostile_folder(tmp_path)
