"""Fuzzing: whatever the bytes, the readers give a Report or a ReportError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govread.corpus import sample_paths
from govread.parsers.model import Report
from govread.parsers.outline import parse_text
from govread.parsers.readers import ReportError, decode_text, report_from_bytes

SUFFIXES = [".txt", ".html", ".docx", ".pdf", ".md", ""]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _report_or_error(data: bytes, name: str) -> None:
    try:
        report = report_from_bytes(data, name)
    except ReportError as error:
        assert error.reason and "\n" not in str(error)
    else:
        assert isinstance(report, Report)
        assert report.sections or report.preamble or report.closing


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(data, suffix) -> None:
    _report_or_error(data, f"fuzz{suffix}")


_MAGICS = [
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"<!DOCTYPE html><html><body>",
    b"<meta charset=gb2312>",
]


@FUZZ
@given(
    magic=st.sampled_from(_MAGICS), data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES)
)
def test_bytes_that_start_like_a_known_kind(magic, data, suffix) -> None:
    _report_or_error(magic + data, f"fuzz{suffix}")


_PIECES = st.sampled_from(
    [
        "一、",
        "(一)",
        "1.",
        "（1）",
        "⑴",
        "法治政府建设",
        "报告",
        "。",
        "，",
        "\n",
        "\r\n",
        " ",
        "\u3000",
        "来源:",
        "发布时间:2023-03-07",
        "<p>",
        "</p>",
        "<br>",
        "<div id='zoom'>",
        "</div>",
        "<script>",
        "<a href=x>",
        "</a>",
        "&nbsp;",
        "&#x4e00;",
        "[bold]",
        "[/]",
        "\x1b[31m",
        "\ufeff",
        "\u202e",
        "2024年2月29日",
        "人民政府",
        "一是",
        "二是",
        "附件",
        "<title>",
        "<h1>",
        "\ud800",
    ]
)
_ENCODINGS = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-16-le", "cp950"])


@FUZZ
@given(
    pieces=st.lists(_PIECES, max_size=60),
    encoding=_ENCODINGS,
    suffix=st.sampled_from([".txt", ".html"]),
)
def test_report_like_text_in_any_encoding(pieces, encoding, suffix) -> None:
    data = "".join(pieces).encode(encoding, errors="replace")
    _report_or_error(data, f"fuzz{suffix}")


@FUZZ
@given(text=st.text(max_size=2000))
def test_the_parser_takes_any_text(text) -> None:
    assert isinstance(parse_text(text), Report)


@FUZZ
@given(
    data=st.binary(max_size=2048),
    declared=st.sampled_from([None, "gb2312", "utf-8", "big5", "x-unknown", "latin-1"]),
)
def test_decoding_gives_text_or_a_reason(data, declared) -> None:
    try:
        decoded = decode_text(data, declared=declared)
    except ReportError as error:
        assert "\n" not in error.reason
    else:
        assert isinstance(decoded.text, str)


@pytest.fixture(scope="module")
def real_documents(documents) -> list[tuple[str, bytes]]:
    text = sample_paths()[1].read_text("utf-8")
    title, _, body = documents["split"](text)
    return [
        (".docx", documents["docx"](text)),
        (".pdf", documents["pdf"]([title, *body][:40])),
        (".html", documents["html"](text, "trs", "gb18030", "gb2312")),
    ]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_damaged_real_documents(real_documents, data) -> None:
    suffix, document = data.draw(st.sampled_from(real_documents))
    damage = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(document) - 1), st.integers(0, 255)),
            min_size=1,
            max_size=8,
        )
    )
    damaged = bytearray(document)
    for offset, value in damage:
        damaged[offset] = value
    if data.draw(st.booleans()):
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    _report_or_error(bytes(damaged), f"damaged{suffix}")
