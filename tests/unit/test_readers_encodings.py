"""Every common encoding of a sample gives the sample's outline and metadata (issue 7)."""

from __future__ import annotations

import codecs

import pytest

from govread.corpus import sample_paths
from govread.parsers.readers import ReportError, decode_text, read_report

FIELDS = ("title", "display_title", "region", "year", "published", "issuer", "source")


def _same(got, want) -> None:
    assert got.outline() == want.outline()
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}
    assert got.full_text() == want.full_text()


ENCODINGS = {
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-bom": lambda text: text.encode("utf-16"),
    "utf-16-be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda text: text.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda text: text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
    "crlf-gb18030": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_sample_in_any_encoding_reads_as_the_sample(path, encoding, tmp_path) -> None:
    text = path.read_text("utf-8")
    try:
        data = ENCODINGS[encoding](text)
    except UnicodeEncodeError:
        pytest.skip(f"{path.name} has characters {encoding} cannot hold")
    copy = tmp_path / f"copy-{encoding}.txt"
    copy.write_bytes(data)
    _same(read_report(copy), read_report(path))


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_gb2312_reads_like_utf8(path, tmp_path) -> None:
    # GB2312 lacks a few of the samples' characters (— • and a private-use space):
    # both copies drop them, so the comparison is of the decoding alone.
    text = "".join(ch for ch in path.read_text("utf-8") if ch.encode("gb2312", "ignore"))
    reference, copy = tmp_path / "utf8.txt", tmp_path / "gb2312.txt"
    reference.write_text(text, "utf-8")
    copy.write_bytes(text.encode("gb2312"))
    _same(read_report(copy), read_report(reference))
    assert read_report(copy).outline() == read_report(path).outline()


# Big5 holds traditional characters only: a traditional-Chinese report of the same genre.
BIG5_REPORT = """臺北市政府2023年度法治政府建設情況報告
2023年，本府堅持依法行政，全面推進法治政府建設，各項工作取得積極成效。現將有關情況報告如下：
一、加強組織領導
（一）健全工作機制。成立法治政府建設領導小組，定期研究重大問題，確保各項任務落實到位。
（二）強化學法用法。舉辦領導幹部法治專題講座四次，組織國家工作人員學法考試，合格率達到百分之九十八。
二、深化依法行政
（一）規範行政決策。嚴格履行公眾參與、專家論證、風險評估、合法性審查和集體討論決定程序。
（二）嚴格行政執法。全面推行行政執法公示制度、執法全過程記錄制度和重大執法決定法制審核制度。
三、存在的問題和下一步打算
一年來，法治政府建設取得一定成效，但仍存在一些不足。下一步，我們將繼續深入推進依法行政。
臺北市人民政府
2024年1月15日
"""


@pytest.mark.parametrize("encoding", ["big5", "cp950", "utf-8", "gb18030", "utf-16"])
def test_a_traditional_report_reads_the_same_in_big5_and_others(encoding, tmp_path) -> None:
    reference = tmp_path / "reference.txt"
    reference.write_text(BIG5_REPORT, "utf-8")
    copy = tmp_path / f"copy-{encoding}.txt"
    copy.write_bytes(BIG5_REPORT.encode(encoding))
    got, want = read_report(copy), read_report(reference)
    _same(got, want)
    # read as simplified (parsers/script.py), so a simplified query or place name finds it
    assert [s["heading"] for s in got.outline()][:2] == ["加强组织领导", "健全工作机制"]
    assert got.meta["script"] == "traditional"


def test_the_detected_encoding_is_recorded(tmp_path) -> None:
    path = sample_paths()[3]
    copy = tmp_path / "gb.txt"
    copy.write_bytes(path.read_text("utf-8").encode("gb18030"))
    assert read_report(copy).meta["encoding"] == "gb18030"
    assert read_report(path).meta == {
        **read_report(path).meta,
        "format": "text",
        "encoding": "utf-8",
    }


def test_a_truncated_last_character_is_dropped_and_noted() -> None:
    data = "法治政府建设情况报告。".encode()
    decoded = decode_text(data[:-2])  # the 。 cut after its first byte
    assert decoded.text == "法治政府建设情况报告"
    assert decoded.note and "cut off" in decoded.note


def test_a_truncated_file_still_reads(tmp_path) -> None:
    path = sample_paths()[0]
    data = path.read_bytes().rstrip()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data + "法".encode()[:2])
    report = read_report(cut)
    assert report.outline() == read_report(path).outline()
    assert "cut off" in report.meta["note"]


def test_broken_bytes_in_the_middle_are_not_taken_for_a_cut_tail() -> None:
    data = "法治政府".encode() + b"\xe6" + "建设情况报告".encode() * 3 + b"\xff\xfe\xfd" * 40
    with pytest.raises(ReportError, match=r"cannot be decoded|binary"):
        decode_text(data)


def test_a_bom_that_lies_is_reported() -> None:
    with pytest.raises(ReportError, match="byte-order mark"):
        decode_text(codecs.BOM_UTF8 + b"\xff\xfe\xfa\xfb" * 10)


@pytest.mark.parametrize(
    ("declared", "actual", "expected"),
    [
        ("gb2312", "gb18030", "gb18030"),  # GB2312 declared, GBK/GB18030 written: the superset
        ("utf-8", "gb18030", "gb18030"),  # a wrong declaration is overruled by detection
        ("iso-8859-1", "gb18030", "gb18030"),  # a single-byte charset cannot be checked: ignored
        ("big5", "cp950", "cp950"),
        ("utf-16", "utf-8", "utf-8"),  # a copied <meta charset=utf-16> on a UTF-8 page
    ],
)
def test_a_declared_charset_is_honoured_only_when_right(declared, actual, expected) -> None:
    text = "臺北市法治政府建設情況報告，依法行政成效顯著。" * 20
    decoded = decode_text(text.encode(actual), declared=declared)
    assert decoded.text == text
    assert decoded.encoding == expected


def _with_stray_byte(text: str, encoding: str, at: float = 0.5) -> bytes:
    """`text` encoded, with a byte no encoding here uses put between two characters."""
    cut = int(len(text) * at)
    return text[:cut].encode(encoding) + b"\xff" + text[cut:].encode(encoding)


@pytest.mark.parametrize("path", sample_paths()[:4], ids=lambda p: p.stem)
def test_a_utf8_file_with_a_stray_byte_reads_as_utf8_with_the_byte_replaced(path) -> None:
    text = path.read_text("utf-8")
    decoded = decode_text(_with_stray_byte(text, "utf-8"))
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "", 1) == text
    assert decoded.replaced == 1


@pytest.mark.parametrize("path", sample_paths()[:4], ids=lambda p: p.stem)
def test_a_gbk_file_with_a_stray_byte_is_never_read_as_utf8(path) -> None:
    text = path.read_text("utf-8").encode("gbk", "ignore").decode("gbk")
    decoded = decode_text(_with_stray_byte(text, "gbk"))
    assert decoded.encoding == "gb18030"
    assert decoded.text.replace("\ufffd", "", 1) == text


@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_a_big5_file_with_a_stray_byte_is_not_read_as_gb18030(encoding) -> None:
    decoded = decode_text(_with_stray_byte(BIG5_REPORT, encoding, at=0.3))
    assert decoded.encoding in ("big5", "cp950")
    assert decoded.text.replace("\ufffd", "", 1) == BIG5_REPORT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_with_a_damaged_byte_is_read_and_with_an_added_byte_refused(encoding) -> None:
    text = sample_paths()[1].read_text("utf-8")
    data = text.encode(encoding)
    middle = len(data) // 4 * 2  # a character's first byte, BOM or not
    damaged = bytearray(data)
    damaged[middle : middle + 2] = "\ud800".encode("utf-16-le", "surrogatepass")  # a lone half
    decoded = decode_text(bytes(damaged))
    assert decoded.replaced == 1
    at = decoded.text.index("\ufffd")
    assert decoded.text[:at] + text[at] + decoded.text[at + 1 :] == text
    # one byte more shifts every character after it: not text, whatever it decodes to
    with pytest.raises(ReportError):
        decode_text(data[: middle + 1] + b"\xff" + data[middle + 1 :])


def test_the_bytes_replaced_are_told_to_the_reader(tmp_path) -> None:
    from govread.cli import _text_outline

    path = sample_paths()[0]
    copy = tmp_path / "stray.txt"
    copy.write_bytes(_with_stray_byte(path.read_text("utf-8"), "utf-8"))
    report = read_report(copy)
    assert report.meta["replaced"] == "1"
    assert report.outline() == read_report(path).outline()
    assert "1 undecodable bytes replaced" in _text_outline(report)


# ASCII as a Chinese typist writes it: full-width marks and digits, the ideographic space.
_FULL_WIDTH = str.maketrans(
    {
        **{chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)},
        " ": "\u3000",
    }
)


def _full_width(text: str, digits: bool) -> str:
    """`text` with its ASCII marks (and digits, when asked) full-width: a UTF-16 text with
    next to no zero byte. Its lines keep their newlines."""
    kept = "" if digits else "0123456789"
    return "\n".join(
        "".join(ch if ch in kept else ch.translate(_FULL_WIDTH) for ch in line)
        for line in text.split("\n")
    )


@pytest.mark.parametrize("digits", [False, True], ids=["ascii-digits", "full-width-digits"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_utf16_without_a_bom_reads_with_next_to_no_zero_bytes(
    path, encoding, digits, tmp_path
) -> None:
    """QA: a report written with full-width punctuation (，。：（）and the ideographic space)
    in UTF-16 without a BOM has almost no zero bytes, and was refused as "a binary file"
    though the same text with a BOM read. It is told by reading as Chinese text in one byte
    order and not in the other."""
    text = _full_width(path.read_text("utf-8"), digits)
    data = text.encode(encoding)
    assert decode_text(data).text == text
    assert decode_text(data).encoding == encoding
    reference, copy = tmp_path / "bom.txt", tmp_path / "no-bom.txt"
    reference.write_bytes(text.encode("utf-16"))
    copy.write_bytes(data)
    _same(read_report(copy), read_report(reference))
    # a last byte cut off: the last character is dropped, as for a cut UTF-8 text
    assert decode_text(data[:-1]).text == text[:-1]


@pytest.mark.parametrize("digits", [False, True], ids=["ascii-digits", "full-width-digits"])
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5", "cp950", "utf-8"])
def test_other_encodings_are_never_read_as_utf16(encoding, digits) -> None:
    """The same texts in a multi-byte encoding (and shifted by a byte, as a cut file is)
    are never read as UTF-16; whole, they read in their own encoding."""
    for path in sample_paths():
        text = _full_width(path.read_text("utf-8"), digits)
        text = "".join(ch for ch in text if ch.encode(encoding, "ignore"))
        data = text.encode(encoding)
        assert decode_text(data).text == text
        try:
            decoded = decode_text(data[1:])
        except ReportError:
            continue  # (no text once its characters are cut in two: as before)
        assert not decoded.encoding.startswith("utf-16"), path.name


@pytest.mark.parametrize("size", [32, 33, 64, 1024, 8192])
def test_random_bytes_without_zeros_are_never_read_as_utf16(size) -> None:
    import random

    generator = random.Random(size)
    for _unused in range(300):
        data = bytes(generator.randrange(1, 256) for _unused2 in range(size))
        try:
            decoded = decode_text(data)
        except ReportError:
            continue
        assert not decoded.encoding.startswith("utf-16")
