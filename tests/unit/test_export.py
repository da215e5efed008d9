"""The TOML export: schema, omitted unknowns, pairs, reading back, and the exact round trip."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govread import __version__
from govread.export import (
    FORMAT,
    ExportError,
    Pair,
    default_export_path,
    export_document,
    export_items,
    export_pairs,
    is_export_path,
    marks_from_export,
    read_export,
    read_export_contents,
    write_export,
    write_items,
)
from govread.marks import NodeRef, iter_nodes, report_id, resolve
from govread.parsers import Report, parse_text
from govread.parsers.model import Item, Section

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _all_refs(reports: list[Report]) -> list[NodeRef]:
    return [ref for report in reports for ref in iter_nodes(report)]


def _no_empty_strings(value: object, where: str = "") -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _no_empty_strings(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _no_empty_strings(inner, f"{where}[{index}]")
    else:
        assert value != "", f"empty string at {where}"


# -- schema -----------------------------------------------------------------------------


def test_top_level_fields(samples: list[Report]) -> None:
    document = tomllib.loads(export_items(_all_refs(samples)[:1], now=NOW))
    assert document["format"] == FORMAT == "govread-export/1"
    assert document["govread"] == __version__
    exported = document["exported"]
    assert isinstance(exported, dt.datetime) and exported.tzinfo is not None
    assert exported == NOW.replace(microsecond=0)


def test_exported_defaults_to_now_with_a_zone() -> None:
    exported = export_document()["exported"]
    assert isinstance(exported, dt.datetime) and exported.utcoffset() is not None
    assert abs((dt.datetime.now(dt.UTC) - exported).total_seconds()) < 60


def test_every_node_reads_back_with_its_fields(samples: list[Report]) -> None:
    refs = _all_refs(samples)
    document = tomllib.loads(export_items(refs, now=NOW))
    tables = document["item"]
    assert len(tables) == len(refs)
    for table, ref in zip(tables, refs, strict=True):
        report = ref.report
        assert table["id"] == ref.id
        assert table["kind"] == ref.kind
        assert table["sha256"] == report.sha256
        assert table["file"] == report.path
        assert table["region"] == report.region
        assert table["year"] == report.year
        assert table["published"] == dt.date.fromisoformat(report.published or "")
        assert table.get("title") == report.title
        assert table.get("issuer") == report.issuer
        assert table["path"] == list(ref.path)
        assert table["text"] == ref.text()
        _no_empty_strings(table)


def test_kinds_paths_levels_and_numbers(samples: list[Report]) -> None:
    refs = _all_refs(samples)
    tables = {t["id"]: t for t in tomllib.loads(export_items(refs))["item"]}
    report_table = tables[report_id(samples[0])]
    assert report_table["kind"] == "report" and report_table["path"] == []
    assert {"number", "level", "heading"}.isdisjoint(report_table)
    assert report_table["text"] == samples[0].full_text()

    for report in samples:
        for section in report.walk():
            table = tables[section.id]
            assert table["kind"] == "section"
            assert table["level"] == section.level
            assert table["heading"] == section.heading
            assert table["number"] == section.number
            assert table["path"][-1] == section.label
            assert table["text"] == section.full_text()
            for item in section.items:
                item_table = tables[item.id]
                assert item_table["kind"] == "item"
                assert item_table["path"] == [*table["path"], item.marker + item.heading]
                assert item_table["number"] == item.number
                assert item_table["text"] == item.text
                assert "level" not in item_table


def test_unknown_fields_are_omitted_never_empty(tmp_path: Path) -> None:
    # no title, region, year, date or issuer can be found in this text, and no headings
    report = parse_text("这是一段没有标题的文字。\n第二段。", sha256="0" * 64)
    assert report.title is None and report.issuer is None and report.published is None
    document = tomllib.loads(export_items(list(iter_nodes(report))))
    for table in document["item"]:
        for key in ("title", "issuer", "published", "file"):
            assert key not in table, key
        _no_empty_strings(table)
    section = document["item"][1]
    assert section["kind"] == "section"
    assert "number" not in section  # the made-up single section has no number


def test_one_sample_has_no_issuer_and_omits_it(samples: list[Report]) -> None:
    without = [r for r in samples if r.issuer is None or r.title is None]
    assert without, "the samples should include a report without issuer or title"
    text = export_items([next(iter_nodes(r)) for r in without])
    for table, report in zip(tomllib.loads(text)["item"], without, strict=True):
        assert ("issuer" in table) == (report.issuer is not None)
        assert ("title" in table) == (report.title is not None)
    assert not re.search(r'= ""$', text, re.MULTILINE)


def test_figures_hook(samples: list[Report]) -> None:
    refs = _all_refs(samples)[:3]

    def figures(ref: NodeRef) -> object:
        if ref.kind == "report":
            return None
        if ref.id.endswith("/1"):
            return {"cases": 12, "rate": 0.965, "unit": "", "missing": None}
        return [{"label": "出庭应诉率", "value": 100, "unit": "%"}]

    tables = tomllib.loads(export_items(refs, figures=figures))["item"]
    assert "figures" not in tables[0]
    assert tables[1]["figures"] == {"cases": 12, "rate": 0.965}
    assert tables[2]["figures"] == [{"label": "出庭应诉率", "value": 100, "unit": "%"}]


def test_figures_may_be_dataclasses(samples: list[Report]) -> None:
    import dataclasses

    @dataclasses.dataclass
    class Figure:
        label: str
        value: float
        unit: str | None = None

    tables = tomllib.loads(
        export_items(_all_refs(samples)[1:2], figures=lambda ref: [Figure("结案率", 96.5)])
    )["item"]
    assert tables[0]["figures"] == [{"label": "结案率", "value": 96.5}]


def test_figures_that_toml_cannot_hold_are_an_error(samples: list[Report]) -> None:
    with pytest.raises(TypeError, match="TOML cannot represent"):
        export_items(_all_refs(samples)[:1], figures=lambda ref: {"x": object()})


def test_pairs_hold_both_sides(samples: list[Report], tmp_path: Path) -> None:
    a, b = samples[0], samples[3]
    a_nodes = [ref for ref in iter_nodes(a) if ref.kind == "section"][:2]
    b_nodes = [ref for ref in iter_nodes(b) if ref.kind == "section"][:1]
    text = export_pairs(
        [Pair("依法行政", a_nodes, b_nodes), ("", a_nodes[:1], []), (None, [], b_nodes)],
        sides=(a, b),
        now=NOW,
    )
    document = tomllib.loads(text)
    assert document["format"] == FORMAT
    assert document["compare"]["a"]["sha256"] == a.sha256
    assert document["compare"]["b"]["region"] == b.region
    first, second, third = document["pair"]
    assert first["theme"] == "依法行政"
    assert [t["id"] for t in first["a"]] == [r.id for r in a_nodes]
    assert [t["text"] for t in first["b"]] == [r.text() for r in b_nodes]
    assert "theme" not in second and second["b"] == []
    assert "theme" not in third and third["a"] == []
    assert "item" not in document
    written = write_export(tmp_path / "pairs.toml", text)
    # a comparison's rows are what it aligned, not what the user marked: never restored
    assert read_export(written) == []
    contents = read_export_contents(written)
    assert contents.is_comparison and contents.pairs == 3 and contents.items == []


def test_default_export_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime(2026, 1, 2, 3, 4, 5)
    assert default_export_path(moment, tmp_path) == tmp_path / "govread-20260102-030405.toml"
    monkeypatch.chdir(tmp_path)
    path = default_export_path()
    assert path.parent == tmp_path
    assert re.fullmatch(r"govread-\d{8}-\d{6}\.toml", path.name)


# -- reading back -----------------------------------------------------------------------


def test_marks_come_back_from_an_export(samples: list[Report], tmp_path: Path) -> None:
    chosen = _all_refs(samples)[::7]
    path = write_export(tmp_path / "out.toml", export_items(chosen))
    refs = read_export(path)
    assert [(r.sha256, r.id, r.kind) for r in refs] == [
        (c.report.sha256, c.id, c.kind) for c in chosen
    ]
    assert marks_from_export(path) == {c.id for c in chosen}
    only_first = marks_from_export(path, [samples[0]])
    assert only_first == {c.id for c in chosen if c.report is samples[0]}
    assert all(resolve(samples, node_id) is not None for node_id in marks_from_export(path))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"format = ", "is not valid TOML"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (b'title = "x"\n', "is not a govread export"),
        (b'format = "govread-export/2"\n', "is in format govread-export/2"),
        (b'format = "govread-export/1"\nitem = 3\n', "item is not an array of tables"),
        (b'format = "govread-export/1"\n[[item]]\nid = "0123456789ab/1"\n', "has no sha256"),
        (
            b'format = "govread-export/1"\n[[item]]\nsha256 = "' + b"0" * 64 + b'"\nid = "x"\n',
            "has no valid id",
        ),
        (
            b'format = "govread-export/1"\n[[item]]\nsha256 = "'
            + b"0" * 64
            + b'"\nid = "0123456789ab/1"\n',
            "does not belong to sha256",
        ),
    ],
)
def test_bad_exports_are_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    with pytest.raises(ExportError) as caught:
        read_export(path)
    assert reason in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'title = "x"\n', '不是 govread 导出文件（没有 format = "govread-export/1"）'),
        (
            b'format = "govread-export/1"\n[[item]]\nid = "0123456789ab/1"\n',
            "第 1 个 [[item]] 表没有 sha256",
        ),
        (b"format = ", "不是有效的 TOML（"),
    ],
)
def test_a_bad_export_says_why_in_chinese(tmp_path: Path, content: bytes, reason: str) -> None:
    """QA walk: restoring marks from a damaged export under --lang zh said it in English."""
    from govread.i18n import set_language

    set_language("zh")
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    with pytest.raises(ExportError) as caught:
        read_export(path)
    assert str(caught.value).startswith(f"{path}: {reason}")


def test_missing_export_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"no such folder|no such file"):
        read_export(tmp_path / "nope.toml")


def test_a_report_table_without_id_still_names_its_report(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(f'format = "{FORMAT}"\n[[item]]\nkind = "report"\nsha256 = "{"a" * 64}"\n')
    assert marks_from_export(path) == {"a" * 12}


# -- the round trip ---------------------------------------------------------------------

# What a report's text can hold once parsed: anything but control characters (the
# parser removes them) and surrogates (not text). Tab is allowed, and newlines.
_TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t")
_SPECIAL = st.sampled_from(
    ['"', "\\", '"""', "'''", "\\n", "\\u0041", "\t", "#", "[item]", "= 1", "法治", "é", "𠀀", " "]
)
_paragraph = st.lists(st.one_of(st.text(_TEXT_CHARS, max_size=40), _SPECIAL), max_size=12).map(
    "".join
)
_long_paragraph = st.builds(lambda s, n: s * n, _paragraph, st.integers(1, 400))


def _report_with(paragraphs: list[str], heading: str, title: str) -> tuple[Report, NodeRef]:
    section_id = "0123456789ab/1"
    items = ()
    if paragraphs and paragraphs[0]:
        first = paragraphs[0]
        items = (Item(f"{section_id}#1", "一", 1, "一是", heading, first, 0, 0, len(first)),)
    section = Section(
        id=section_id,
        level=1,
        number="一",
        ordinal=1,
        marker="一、",
        heading=heading,
        raw_heading="一、" + heading,
        inline=False,
        paragraphs=tuple(paragraphs),
        items=items,
    )
    report = Report(
        sha256="0123456789ab" + "0" * 52,
        title=title or None,
        display_title=title or "x",
        region=heading or None,
        year=2023,
        published="2024-01-31",
        issuer=title or None,
        source=None,
        preamble=tuple(paragraphs[:1]),
        sections=(section,),
        path='报告 \\ "1".txt',
    )
    ref = resolve([report], section_id)
    assert ref is not None
    return report, ref


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(st.one_of(_paragraph, _long_paragraph), max_size=6),
    heading=_paragraph,
    title=_paragraph,
)
def test_text_round_trips_byte_for_byte(paragraphs: list[str], heading: str, title: str) -> None:
    report, _ = _report_with(paragraphs, heading, title)
    refs = list(iter_nodes(report))
    with tempfile.TemporaryDirectory() as folder:
        path = write_items(Path(folder) / "out.toml", refs)
        with path.open("rb") as handle:
            tables = tomllib.load(handle)["item"]
    for table, node in zip(tables, refs, strict=True):
        assert table["text"] == node.text()
        assert table["text"].encode("utf-8") == node.text().encode("utf-8")
        assert table["path"] == list(node.path)
        assert table.get("heading") == node.heading
    assert tables[0].get("title") == (title or None)
    assert tables[0]["file"] == report.path


@settings(max_examples=100, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_even_with_controls_round_trips(text: str) -> None:
    # Beyond what the parser lets through: control characters, CR, CRLF, DEL.
    _, ref = _report_with([text, "\r\n" + text + "\r"], text, text)
    document = tomllib.loads(export_items([ref]))
    table = document["item"][0]
    assert table["text"] == ref.text()
    assert table.get("heading") == ref.heading
    assert table["path"] == list(ref.path)


def test_crlf_and_tab_survive(tmp_path: Path) -> None:
    _, ref = _report_with(["a\r\nb\tc\rd", "末尾\n"], "x\ty", "t")
    path = write_export(tmp_path / "out.toml", export_items([ref]))
    with path.open("rb") as handle:
        table = tomllib.load(handle)["item"][0]
    assert table["text"] == ref.text()
    assert "\t" in table["heading"]


def test_multiline_text_is_readable_when_exact(samples: list[Report]) -> None:
    ref = next(r for r in _all_refs(samples) if r.kind == "section" and "\n" in r.text())
    text = export_items([ref])
    assert 'text = """\n' in text  # paragraphs one per line, not one long escaped line
    assert ref.text().split("\n")[0] in text.splitlines()


def test_write_items_refuses_then_overwrites(samples: list[Report], tmp_path: Path) -> None:
    from govread.atomic import OverwriteRefused

    refs = _all_refs(samples)[:2]
    path = write_items(tmp_path / "marks.toml", refs)
    first = path.read_bytes()
    with pytest.raises(OverwriteRefused):
        write_items(path, refs[:1])
    assert path.read_bytes() == first
    write_items(path, refs[:1], overwrite=True)
    assert [r.id for r in read_export(path)] == [refs[0].id]


def test_is_export_path() -> None:
    assert is_export_path("notes/govread-20260101-000000.TOML")
    assert not is_export_path("reports/咸宁.txt")


def test_two_exports_in_one_second_get_two_names(tmp_path: Path) -> None:
    """QA: a second export without -o in the same second failed `already exists; use
    --force` for a name the user never chose."""
    now = dt.datetime(2026, 12, 2, 5, 30, 1)
    first = default_export_path(now, tmp_path)
    first.with_suffix(".csv").write_text("x", "utf-8")  # whatever its format
    second = default_export_path(now, tmp_path)
    assert (first.name, second.name) == (
        "govread-20261202-053001.toml",
        "govread-20261202-053001-2.toml",
    )
    second.write_text("x", "utf-8")
    assert default_export_path(now, tmp_path).name == "govread-20261202-053001-3.toml"


# -- an export is known by what it is, not by its name (QA A8) ---------------------------


@pytest.mark.parametrize("name", ["mymarks", "notes.txt", "coded.md", "x.html", "编码.text"])
@pytest.mark.parametrize("comparison", [False, True])
def test_an_export_under_any_name_is_an_export_and_never_a_report(
    samples: list[Report], tmp_path: Path, name: str, comparison: bool
) -> None:
    """QA: `export -o mymarks` wrote TOML that `govread mymarks` then opened as a made-up
    咸宁市 report (and a folder holding it as a sixth report) instead of restoring marks."""
    from govread.opening import open_report
    from govread.parsers.readers import folder_entries

    refs = _all_refs(samples)
    text = export_pairs([("t", refs[1:2], refs[2:3])]) if comparison else export_items(refs[:3])
    path = tmp_path / name
    write_export(path, text)
    assert is_export_path(path)
    problem = open_report(path, explicit=True)
    assert not isinstance(problem, Report)
    assert "govread export" in problem.reason
    for found, reason in folder_entries(tmp_path):
        if reason is None:
            assert not isinstance(open_report(found, explicit=False), Report)


@pytest.mark.parametrize(
    "head",
    [
        '\ufeffformat = "govread-export/1"\n',
        "# my coding\n\n# of 2023\nformat='govread-export/1'\n",
        '\r\n  format\t=\t"govread-export/2"\r\n',
        'format="govread-export/1"',
    ],
)
def test_the_format_line_is_found_in_any_spelling(tmp_path: Path, head: str) -> None:
    path = tmp_path / "coding"
    path.write_text(head + 'exported = 2026-01-01T00:00:00Z\n[[item]]\nid = "x"\n', "utf-8")
    assert is_export_path(path)


@pytest.mark.parametrize(
    "text",
    [
        "咸宁市人民政府关于2023年法治政府建设情况的报告\n一、主要做法\n"
        'format = "govread-export/1"\n',
        'formats = "govread-export/1"\n',
        'format = "govread-marks/1"\n',
        "format = govread-export/1\n",
        "",
    ],
)
def test_a_report_or_another_file_is_no_export(tmp_path: Path, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, "utf-8")
    assert not is_export_path(path)
    assert not is_export_path(tmp_path)  # a folder
    assert not is_export_path(tmp_path / "missing")
