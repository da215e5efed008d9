"""One place over the years (govread.timeline) and its plans followed up (govread.followup):
a hand-checked case (tests/fixtures/years: 通山县 2021–2023) and a generated corpus."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from repo_scripts import load_script

from govread.compare import report_units
from govread.corpus import load
from govread.figures import Figure
from govread.followup import (
    FOLLOWED,
    NOT_MENTIONED,
    PARTLY,
    is_lead_in,
    plan_indicators,
    plans_of,
    timeline_promises,
)
from govread.parsers import parse_text
from govread.timeline import (
    build_timeline,
    choose_per_year,
    group_by_place,
    indicator_series,
    place_of,
    places_named,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "years"


@pytest.fixture(scope="module")
def tongshan():
    reports = load([FIXTURES], use_cache=False).reports
    ((place, group),) = group_by_place(reports).items()
    return place, group, build_timeline(place, group)


def test_one_place_written_three_ways_is_one_place(tongshan) -> None:
    place, group, timeline = tongshan
    assert place.key == "421224" and place.label == "湖北省咸宁市通山县"
    assert len(group) == 4
    assert timeline.years == (2021, 2022, 2023)


def test_the_department_report_of_2022_is_left_out_and_said_why(tongshan) -> None:
    _place, _group, timeline = tongshan
    ((left,),) = [timeline.left_out]
    assert Path(left.report.path or "").name == "tongshan_2022_sifaju.txt"
    assert left.reason == "department"
    assert Path(left.kept.path or "").name == "tongshan_2022.txt"


def test_a_duplicate_and_a_report_without_a_year_are_left_out() -> None:
    text = "通山县2021年法治政府建设情况报告\n一、工作\n依法行政。"
    a = parse_text(text, path="a.txt")
    b = parse_text(text, path="copy/a.txt")
    undated = parse_text("通山县法治政府建设情况报告\n一、工作\n依法行政。", path="c.txt")
    chosen, left = choose_per_year([a, b, undated])
    assert list(chosen) == [2021]
    assert sorted(item.reason for item in left) == ["duplicate", "no year"]


def test_places_by_the_names_a_user_types(tongshan) -> None:
    place, group, _timeline = tongshan
    for name in ("通山县", "通山", "咸宁市通山县", "湖北省咸宁市通山县"):
        assert places_named(name, group) == [place], name
    assert places_named("通城", group) == []
    # typed in traditional script, as a report in that script is read
    for name in ("通山縣", "鹹寧市通山縣"):
        assert places_named(name, group) == [place], name
    shenzhen = parse_text("深圳市光明区2022年法治政府建设情况报告\n一、工作\n依法行政。")
    assert place_of(shenzhen) is not None and place_of(shenzhen).name == "光明区"  # type: ignore[union-attr]


def test_topics_per_year_and_what_appears_or_disappears(tongshan) -> None:
    _place, _group, timeline = tongshan
    rows = {row.theme: row for row in timeline.topics}
    emergencies = rows["emergencies"]
    assert [bool(m) for m in emergencies.main] == [True, False, False]
    assert [bool(m) for m in rows["decisions"].main] == [False, False, True]
    shifts = {(s.before, s.after): s for s in timeline.shifts}
    assert "emergencies" in shifts[2021, 2022].disappeared
    # 2022 plans 重大行政决策 (a plan is not coverage); 2023 reports it done
    assert "decisions" not in shifts[2021, 2022].appeared
    assert "decisions" in shifts[2022, 2023].appeared
    assert "digital" in shifts[2022, 2023].appeared
    assert "publicity" in shifts[2022, 2023].disappeared  # 2023 has no 普法 at all


def test_indicator_series_with_changes_and_a_unit_mismatch(tongshan) -> None:
    _place, _group, timeline = tongshan
    series = {s.indicator: s for s in timeline.series}
    court = series["行政机关负责人出庭应诉率"]
    assert [f.value if f else None for f in court.points] == [95.0, 100.0, 100.0]
    first = court.change_to(2022)
    assert first is not None and (first.absolute, first.percent) == (5.0, 5.26)
    cases = series["行政复议受理数"]  # 受理行政复议案件: cases accepted
    assert [(f.value, f.unit) if f else None for f in cases.points] == [
        (38.0, "件"),
        (46.0, "件"),
        (52.0, "宗"),
    ]
    mismatch = cases.change_to(2023)
    assert mismatch is not None and mismatch.unit_mismatch and mismatch.absolute is None
    files = series["行政执法案卷评查数"]  # not reported in 2022: the change spans two years
    change = files.change_to(2023)
    assert change is not None and (change.before, change.absolute) == (2021, 30.0)


def _figure(value: float, unit: str, indicator: str | None) -> Figure:
    return Figure("x", value, unit, False, str(value), "", 0, 0, 1, indicator)


def test_series_pair_on_the_indicator_never_on_the_unit_alone() -> None:
    years = (2020, 2021)
    figures = [[_figure(10, "件", "行政复议案件数")], [_figure(12, "件", None)]]
    (only,) = indicator_series(years, figures)
    assert only.points[1] is None and only.changes == ()
    from_zero = indicator_series(
        years, [[_figure(0, "件", "甲")], [dataclasses.replace(_figure(3, "件", "甲"))]]
    )
    assert from_zero[0].changes[0].absolute == 3 and from_zero[0].changes[0].percent is None


# Read and labelled from the texts before the thresholds were set (followup.py says how
# the thresholds were then placed): (year, the plan's opening words, status, where the
# evidence is in the next report).
HAND_LABELS = [
    (2021, "一是深入学习贯彻习近平法治思想", FOLLOWED, "一、(一)"),
    (2021, "二是全面推行行政执法“三项制度”", PARTLY, "一、(三)"),
    (2021, "三是加强行政复议规范化建设", FOLLOWED, "一、(二)"),
    (2021, "四是建设“智慧司法”平台", NOT_MENTIONED, None),
    (2021, "五是加强法治宣传教育", FOLLOWED, "一、(四)"),
    (2022, "一是健全依法决策机制", FOLLOWED, "一、(一)"),
    (2022, "二是健全行政执法协调监督工作体系", FOLLOWED, "一、(二)"),
    (2022, "三是深化矛盾纠纷多元化解", NOT_MENTIONED, None),
    (2022, "四是加强法治人才队伍建设", FOLLOWED, "一、(三)"),
]


def test_promises_match_the_hand_labels(tongshan) -> None:
    _place, _group, timeline = tongshan
    promises = timeline_promises(timeline)
    checked = [p for p in promises if p.next_year is not None]
    assert len(checked) == len(HAND_LABELS)
    for promise, (year, opening, status, where) in zip(checked, HAND_LABELS, strict=True):
        assert promise.year == year and promise.plan.text.startswith(opening)
        assert promise.status == status, (opening, promise.evidence)
        if where is None:
            assert promise.evidence == ()
        else:
            best = promise.evidence[0]
            assert best.unit.number == where, opening
            report = timeline.reports[timeline.years.index(promise.next_year)]
            section = report.find(best.node_id.split("#")[0])
            assert section is not None and best.paragraph is not None
            assert best.quote.rstrip("…") in section.paragraphs[best.paragraph][best.start :]
    last = [p for p in promises if p.next_year is None]
    assert [p.year for p in last] == [2023, 2023, 2023] and {p.status for p in last} == {""}


def test_the_intro_of_a_list_of_plans_is_no_plan(tongshan) -> None:
    _place, _group, timeline = tongshan
    plans = plans_of(report_units(timeline.reports[0]))
    assert [p.text[:2] for p in plans] == ["一是", "二是", "三是", "四是", "五是"]
    closing = parse_text(
        "通山县2021年法治政府建设情况报告\n一、工作\n依法行政。\n"
        "下一步,我县将持续推进法治政府建设。一是完善重大行政决策程序。二是加强行政复议规范化建设。"
    )
    texts = [p.text for p in plans_of(report_units(closing))]
    assert texts and all(t.startswith(("一是", "二是")) for t in texts)


# Lead-ins of a list of plans as the genre writes them (invented variants): who, when, under
# what guidance, to what general end, or that the list follows; no measure of their own.
LEAD_INS = (
    "下一步,我市将坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻习近平法治思想,"
    "持续加强法治政府建设力度。",
    "2024年，我县将紧紧围绕县委县政府中心工作，重点做好以下工作：",
    "今后，我局将深入学习贯彻党的二十大精神，着力抓好以下几个方面：",
    "下一阶段，我区将以习近平法治思想为引领，推动法治政府建设再上新台阶。",
    "新的一年，我们将在市委的坚强领导下，为全市高质量发展提供坚强法治保障。",
    "2025年，重点做好以下几方面工作：",
    "明年县政府将在县委的领导下，严格落实上级关于法治建设的部署和要求，"
    "努力推动我县依法行政和法治政府建设再上新水平。",
)
# Plans that open the same way but hold a measure, or speak of a subject alone: plans.
NOT_LEAD_INS = (
    "下一步，我县将坚持以习近平法治思想为指导，全面推行行政执法三项制度，力争出庭应诉率达到100%。",
    "下一步，我市将深化“放管服”改革，优化营商环境。",
    "下一步，我市将开展法治政府建设示范创建。",
    "下一步，我局将全面落实行政执法三项制度。",
    "坚持“四个纳入”,深入学习贯彻习近平法治思想,不断提升党员干部法治思维和法治能力。",
    "深入学习贯彻习近平法治思想",
    "2024年，完善行政复议制度。",
    "下一步，我县将落实行政执法公示要求，推动法治政府建设示范创建。",
)


@pytest.mark.parametrize("text", LEAD_INS)
def test_a_lead_in_of_plans_is_told(text: str) -> None:
    assert is_lead_in(text)


@pytest.mark.parametrize("text", NOT_LEAD_INS)
def test_a_plan_that_opens_like_a_lead_in_is_a_plan(text: str) -> None:
    assert not is_lead_in(text)


@pytest.mark.parametrize("lead_in", LEAD_INS[:4])
def test_the_lead_in_over_numbered_plans_is_no_plan(lead_in: str) -> None:
    """A plans chapter's own text before its (一)(二)… plans introduces them: no plan (it
    was one each year, set against the next report as `partly`)."""
    report = parse_text(
        "某县2022年法治政府建设情况报告\n一、工作成效\n依法行政。\n二、下一步工作安排\n"
        f"{lead_in}\n(一)完善重大行政决策程序。严格落实合法性审查和集体讨论决定制度。\n"
        "(二)加强行政复议规范化建设。推进行政复议体制改革，提升办案质量。\n"
    )
    texts = [p.text for p in plans_of(report_units(report))]
    assert texts == [
        "严格落实合法性审查和集体讨论决定制度。",
        "推进行政复议体制改革，提升办案质量。",
    ]


def test_a_lead_in_with_a_measure_or_alone_stays_a_plan() -> None:
    with_measure = NOT_LEAD_INS[0]
    report = parse_text(
        "某县2022年法治政府建设情况报告\n一、工作成效\n依法行政。\n二、下一步工作安排\n"
        f"{with_measure}\n(一)完善重大行政决策程序。严格落实合法性审查和集体讨论决定制度。\n"
    )
    texts = [p.text for p in plans_of(report_units(report))]
    assert texts[0] == with_measure and len(texts) == 2
    alone = parse_text(
        "某县2022年法治政府建设情况报告\n一、工作成效\n依法行政。\n二、下一步工作安排\n"
        f"{LEAD_INS[0]}\n"
    )
    assert [p.text for p in plans_of(report_units(alone))] == [LEAD_INS[0]]


def test_a_plan_naming_an_indicator() -> None:
    assert "行政机关负责人出庭应诉率" in plan_indicators("进一步提升行政机关负责人出庭应诉率")
    assert plan_indicators("加强党的领导") == frozenset()


@pytest.fixture(scope="module")
def generated():
    return load_script("benchmarks/generate.py").generate_years


def test_generated_years_same_seed_same_files(generated) -> None:
    assert generated(2, 3, seed=3)[0] == generated(2, 3, seed=3)[0]
    assert generated(2, 3, seed=3)[0] != generated(2, 3, seed=4)[0]


def test_on_a_generated_corpus_places_series_and_promises(generated) -> None:
    files, planted = generated(3, 4, seed=11)
    reports = [parse_text(data.decode("utf-8"), path=name) for name, data in files]
    groups = group_by_place(reports)
    assert sorted(p.name for p in groups) == sorted({p.region for p in planted})
    truth = {(p.region, p.year): p for p in planted}
    outcomes: dict[tuple[str, str], int] = {}
    for place, group in groups.items():
        timeline = build_timeline(place, group)
        assert timeline.years == (2019, 2020, 2021, 2022)
        series = {s.indicator: s for s in timeline.series}
        for year_index, year in enumerate(timeline.years):
            for indicator, (value, unit) in truth[place.name, year].figures.items():
                point = series[indicator].points[year_index]
                assert point is not None and (point.value, point.unit) == (value, unit)
        for promise in timeline_promises(timeline):
            year = truth[place.name, promise.year]
            report = timeline.reports[timeline.years.index(promise.year)]
            index = [p.key for p in plans_of(report_units(report))].index(promise.plan.key)
            _subject, fate = year.plans[index]
            if promise.next_year is None:
                assert fate == ""
                continue
            outcomes[fate, promise.status] = outcomes.get((fate, promise.status), 0) + 1
    # a plan carried out (in its words or in others) is never "not mentioned", one whose
    # subject is gone is never "followed up"; most are judged exactly
    assert outcomes.get(("followed", NOT_MENTIONED), 0) == 0, outcomes
    assert outcomes.get(("dropped", FOLLOWED), 0) == 0, outcomes
    exact = {"followed": FOLLOWED, "partly": PARTLY, "dropped": NOT_MENTIONED}
    right = sum(n for (fate, found), n in outcomes.items() if exact[fate] == found)
    assert right >= 0.8 * sum(outcomes.values()), outcomes


# --- the command line ---------------------------------------------------------------------


def test_cli_timeline_as_json_and_csv(capsys) -> None:
    from govread.cli import main

    assert (
        main(["compare", "--region", "咸宁市通山县", "--corpus", str(FIXTURES), "--format", "json"])
        == 0
    )
    out, err = capsys.readouterr()
    assert out.count("\n") == 1  # compact, as the README says of compare's JSON
    document = json.loads(out)
    assert document["schema"] == "govread-timeline/1"
    assert document["years"] == [2021, 2022, 2023] and document["place"]["key"] == "421224"
    assert "tongshan_2022_sifaju.txt" in err and "department" in err
    court = next(i for i in document["indicators"] if i["indicator"] == "行政机关负责人出庭应诉率")
    assert court["years"]["2022"]["change"] == {
        "from": 2021, "absolute": 5.0, "percent": 5.26, "unit_mismatch": False
    }  # fmt: skip
    assert main(["compare", "--region", "通山", "--corpus", str(FIXTURES), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].lstrip("\ufeff").startswith("kind,place,year,key,name,value,unit")
    assert any(line.startswith("disappeared,湖北省咸宁市通山县,2022,emergencies") for line in lines)


def test_cli_promises_as_json_csv_and_text(capsys) -> None:
    from govread.cli import main

    argv = ["compare", "--region", "通山", "--corpus", str(FIXTURES), "--promises"]
    assert main([*argv, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "govread-promises/1"
    statuses = [p["status"] for p in document["promises"]]
    # the last year's plans: named as the text names them (QA: JSON said null, CSV nothing)
    assert statuses == [s for *_x, s, _w in HAND_LABELS] + ["no later report"] * 3
    assert document["promises"][1]["evidence"][0]["quote"].startswith("组织执法人员")
    assert main([*argv, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].lstrip("\ufeff").startswith("place,year,next_year,status,plan_id")
    assert sum(",no later report," in row for row in rows) == 3
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "[not mentioned]" in text and "智慧司法" in text


def test_cli_unknown_place_is_a_usage_error_naming_the_places(capsys) -> None:
    from govread.cli import main

    assert main(["compare", "--region", "通城\x1b[31m", "--corpus", str(FIXTURES)]) == 2
    err = capsys.readouterr().err
    assert "湖北省咸宁市通山县" in err and "\x1b" not in err
    assert main(["compare", "--region", "通山", "--corpus", str(FIXTURES / "nothing")]) == 1


@pytest.mark.parametrize("columns", ["24", "40"])
def test_cli_timeline_too_narrow_for_its_years_writes_each_topic_as_a_block(
    columns: str, capsys, monkeypatch
) -> None:
    """QA: at COLUMNS=30 the timeline's topics table was all "…": a column a year had two
    cells. Too narrow for its years, each topic is written as a block (its name, then each
    year's units under the year), the indicators likewise; no line wider than the terminal."""
    from rich.cells import cell_len

    from govread.cli import main

    monkeypatch.setenv("COLUMNS", columns)
    assert main(["compare", "--region", "通山", "--corpus", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= int(columns)
    lines = [line.strip() for line in out.splitlines()]
    assert "2021" in lines and "2023" in lines  # a year heads its cell
    assert any(line.startswith("行政执法") for line in lines)
    assert any("行政机关负责人出庭应诉率" in line for line in lines)
    assert sum(1 for line in lines if line in ("…", "")) < len(lines) / 3


def test_cli_timeline_at_a_width_of_nothing_still_writes_it(capsys, monkeypatch) -> None:
    from govread.cli import main

    for columns in ("0", "1"):
        monkeypatch.setenv("COLUMNS", columns)
        assert main(["compare", "--region", "通山", "--corpus", str(FIXTURES)]) == 0
        flat = "".join(line.strip() for line in capsys.readouterr().out.splitlines())
        assert "通山县" in flat and "行政执法" in flat


def test_cli_timeline_of_one_year_says_how_to_see_a_change(capsys, tmp_path) -> None:
    """QA: `govread compare --region 某县` over one report of the place printed a table of one
    year and nothing on why no change showed (the browser's timeline says it)."""
    import shutil

    from govread.cli import main

    shutil.copy(FIXTURES / "tongshan_2021.txt", tmp_path / "tongshan_2021.txt")
    assert main(["--lang", "en", "compare", "--region", "通山", "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # (a corpus was given: it holds no other year; QA: the note asked for --corpus DIR)
    assert "one year only: the corpus holds no other year of this place" in out
    assert main(["compare", "--region", "通山", "--corpus", str(FIXTURES)]) == 0
    assert "one year" not in capsys.readouterr().out


def test_cli_region_writes_json_and_csv_to_a_file_only_with_consent(tmp_path, capsys) -> None:
    """`compare --region … -o FILE` writes the json or csv that stdout would get, whole; an
    existing file is kept unless --force; text tables, a folder and --force alone are refused."""
    from govread.cli import main

    argv = ["compare", "--region", "通山", "--corpus", str(FIXTURES)]
    assert main([*argv, "--format", "json"]) == 0
    printed = capsys.readouterr().out
    target = tmp_path / "通山.json"
    assert main([*argv, "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text("utf-8")) == json.loads(printed)

    target.write_text("mine", "utf-8")
    assert main([*argv, "--format", "csv", "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text("utf-8") == "mine"
    assert main([*argv, "--format", "csv", "-o", str(target), "--force"]) == 0
    assert target.read_text("utf-8").lstrip("\ufeff").startswith("kind,place,year,key,name")

    promises = tmp_path / "promises.csv"
    assert main([*argv, "--promises", "--format", "csv", "-o", str(promises)]) == 0
    assert promises.read_text("utf-8").lstrip("\ufeff").startswith("place,year,next_year")

    assert main([*argv, "--format", "json", "-o", str(tmp_path)]) == 1
    assert "folder" in capsys.readouterr().err
    for bad in (["-o", str(tmp_path / "x.txt")], ["--format", "json", "--force"]):
        with pytest.raises(SystemExit) as stopped:
            main([*argv, *bad])
        assert stopped.value.code == 2
    assert not (tmp_path / "x.txt").exists()


def test_one_year_of_the_bundled_samples_says_to_give_a_corpus(capsys) -> None:
    from govread.cli import main

    assert main(["--lang", "en", "compare", "--region", "咸宁"]) == 0
    assert "give --corpus DIR with this place's other reports" in capsys.readouterr().out


def test_a_change_across_a_year_that_did_not_report_says_from_when(capsys) -> None:
    """QA: 行政执法案卷评查数 120卷 (2021), — (2022), 150卷 (2023) showed +30卷 (+25%) in 2023
    as if from the year before; the text says since 2021, the CSV has its change_from."""
    from govread.cli import main

    argv = ["--lang", "en", "compare", "--region", "通山", "--corpus", str(FIXTURES)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "+30卷 (+25%) since 2021" in " ".join(out.split())
    assert main([*argv, "--format", "csv"]) == 0
    rows = [row for row in capsys.readouterr().out.splitlines() if "行政执法案卷评查数" in row]
    assert rows[-1].endswith(",2021") and rows[-1].startswith("indicator,")


@pytest.mark.parametrize(
    ("absolute", "percent", "unit", "shown"),
    [
        (5.0, 5.26, "%", "+5pp (+5.26%)"),
        (-2.2, -17.6, "%", "-2.2pp (-17.6%)"),
        (0.0, 0.0, "件", "0件 (0%)"),
        # QA walk: `:g` wrote these 2e+06件, 1.23457e+06件, +123457元 and (+1.23457e+06%)
        (2000000.0, 4941.0, "件", "+2000000件 (+4941%)"),
        (1234567.0, 12.5, "件", "+1234567件 (+12.5%)"),
        (123456.789, 1234567.5, "元", "+123456.789元 (+1234567.5%)"),
    ],
)
def test_a_change_is_written_whole_however_large(
    absolute: float, percent: float, unit: str, shown: str
) -> None:
    from govread.timeline import Change
    from govread.timeline_view import change_text

    change = Change(2022, 2023, absolute, percent, unit_mismatch=False)
    assert change_text(change, unit).plain == shown
