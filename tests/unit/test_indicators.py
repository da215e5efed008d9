"""Canonical indicators: the bundled table, the user's additions, and bounded matching."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from govread import indicators
from govread.config import config_dir
from govread.figures import extract
from govread.indicators import IndicatorError, indicator_for, indicator_for_subject


@pytest.fixture(autouse=True)
def _fresh_table() -> Iterator[None]:
    indicators.reload()
    yield
    indicators.reload()


@pytest.mark.parametrize(
    ("subject", "unit", "name"),
    [
        ("出庭应诉率", "%", "行政机关负责人出庭应诉率"),
        ("行政机关负责人出庭应诉率", "%", "行政机关负责人出庭应诉率"),
        ("出庭率", "%", "行政机关负责人出庭应诉率"),
        ("审查市政府规范性文件", "件", "规范性文件审查数"),
        ("审查县(区)、市级部门行政规范性文件", "件", "规范性文件审查数"),
        # cases accepted, however put (受理行政复议案件, 收到申请…受理), are one indicator
        ("受理行政复议案件", "件", "行政复议受理数"),
        ("办理行政复议案件", "件", "行政复议案件数"),
        # cases counted in 起 as in 件; 法援 as reports shorten 法律援助
        ("受理法律援助案件", "起", "法律援助案件数"),
        ("受理法援案件", "件", "法律援助案件数"),
        ("办理行政复议申请案件", "件", "行政复议申请数"),
        ("办理各类公证事项", "件", "公证案件数"),
        ("行政复议纠错率", "%", "行政复议纠错率"),
        ("调解成功率", "%", "调解成功率"),
        ("成功调解矛盾纠纷", "件", "调解成功数"),
        ("调解矛盾纠纷", "件", "调解矛盾纠纷数"),
        ("行政诉讼案件", "宗", "行政诉讼案件数"),
        # penalties counted in 件 are cases; a session between whose and what; an aside
        ("检查后作出行政处罚", "件", "行政处罚案件数"),
        ("作出行政处罚决定", "起", "行政处罚案件数"),
        ("县政协九届二次会议提案(件)", "件", "政协提案办理数"),
        ("市人大八届四次会议代表建议", "件", "人大代表建议办理数"),
        # cases taken in (收案, 收到), mediated (调处), reviews named as a business, cases closed
        ("行政复议案件收案", "件", "行政复议案件数"),
        ("收到行政复议", "件", "行政复议案件数"),
        ("成功调处", "宗", "调解成功数"),
        ("办理各类规范性审查业务", "件", "规范性文件审查数"),
        ("行政诉讼结案", "件", "行政诉讼案件数"),
        # short forms: 制发 (制定 and 印发 in one word), 重大决策事项
        ("本年度新制发乡级规范性文件", "件", "规范性文件制定数"),
        ("向社会公布重大决策事项", "项", "重大行政决策事项数"),
        # a mediation's success rate with what was mediated between (调解…纠纷成功率)
        ("调处邻里纠纷成功率", "%", "调解成功率"),
        ("化解各类矛盾纠纷成功率", "%", "调解成功率"),
        # cases opened for a penalty; requests to publish; files read in a review; a total
        ("立案查处", "起", "行政处罚案件数"),
        ("查处食品安全违法案件", "件", "行政处罚案件数"),
        ("办理群众政府信息公开", "件", "政府信息公开申请数"),
        ("查阅执法卷宗", "份", "行政执法案卷评查数"),
        ("办理公证总数", "件", "公证案件数"),
        ("鉴定案件", "宗", "司法鉴定案件数"),
        # the twentieth round: 起 and 家 as the corpus counts them, and four more wordings
        ("行政复议", "起", "行政复议案件数"),
        ("行业性人民调委会", "家", "人民调解委员会数"),
        ("行政规范性文件初审", "件", "规范性文件审查数"),
        ("卫生违法行为立案处罚", "件", "行政处罚案件数"),
        ("立案查办一般程序案件", "起", "行政处罚案件数"),
        ("处理信息公开申请", "件", "政府信息公开申请数"),
        ("合法性审查决策事项", "件", "重大行政决策事项数"),
        ("调解成功案件", "件", "调解成功数"),
        ("调解案件", "件", "调解矛盾纠纷数"),
        ("法律知识在线考试通过率", "%", "学法考试合格率"),
        ("学法考法达标率", "%", "学法考试合格率"),
        ("出具法律意见书", "次", "法律顾问出具法律意见数"),
        # requests counted in 条 (a real report, 2021); what suggestions are about, named by
        # examples between whose they are and what they are
        ("受理政府信息公开申请", "条", "政府信息公开申请数"),
        ("县人大代表涉及人居环境、电力改造、疫情防控等方面建议", "件", "人大代表建议办理数"),
        ("办理县政协涉养老服务、基层公共卫生、乡村振兴等方面提案", "件", "政协提案办理数"),
        # 件次: a count of acts (reviews, opinions, penalties, complaints), as 件 is
        ("行政规范性文件合法性审查", "件次", "规范性文件审查数"),
        ("备案审查规范性文件", "件次", "规范性文件备案审查数"),
        ("出具法律意见", "件次", "法律顾问出具法律意见数"),
        ("评查行政执法案卷", "件次", "行政执法案卷评查数"),
        ("作出行政处罚", "件次", "行政处罚案件数"),
        ("12345热线受理群众诉求", "件次", "12345热线受理诉求数"),
    ],
)
def test_synonyms_share_one_name(subject: str, unit: str, name: str) -> None:
    assert indicator_for_subject(subject, unit) == name


def test_the_unit_must_fit_and_unknown_subjects_have_none() -> None:
    assert indicator_for_subject("行政处罚事项", "项") is None  # powers, not cases
    # a proposal not said to be of a 政协 session: the comma ends whose it is
    assert indicator_for_subject("走访政协委员,办结提案", "件") is None
    assert indicator_for_subject("出庭应诉率", "件") is None  # a rate is not a count
    assert indicator_for_subject("完成审计项目", "个") is None
    assert indicator_for_subject("", "%") is None
    # reviewing decisions is not a count of the decisions made
    assert indicator_for_subject("司法局审核重大决策", "件") is None
    assert indicator_for_subject("主动公开政府信息", "条") is None  # published, not requested
    assert indicator_for_subject("总数", "件") is None  # nothing but the count's own word


def test_the_bundled_table_holds_at_least_twenty_real_indicators() -> None:
    names = [i.name for i in indicators.indicators()]
    assert len(names) >= 20 and len(set(names)) == len(names)


def test_a_user_file_adds_and_replaces() -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "indicators.toml").write_text(
        '[[indicator]]\nname = "审计项目数"\nunits = ["个"]\nsubjects = ["审计项目"]\n\n'
        '[[indicator]]\nname = "调解成功率"\nunits = ["%"]\nsubjects = ["调处…成功率"]\n',
        "utf-8",
    )
    indicators.reload()
    assert indicator_for(extract("完成审计项目60个。")[0]) == "审计项目数"
    assert indicator_for_subject("调处矛盾纠纷成功率", "%") == "调解成功率"
    assert indicator_for_subject("调解成功率", "%") is None  # the user's entry replaced it
    assert indicators.user_file_problem() is None


@pytest.mark.parametrize(
    "content",
    [
        '[[indicator]]\nname = "x"\nunits = "个"\nsubjects = ["a"]\n',
        "not toml [",
        "\udcff",
        # six gaps: each multiplies the ways a subject is tried (seconds for one figure)
        '[[indicator]]\nname = "x"\nunits = ["%"]\nsubjects = ["a…a…a…a…a…a…b"]\n',
        # QA: tomllib recursed to a RecursionError traceback, and a key of 20,000 dotted
        # parts took 5 s and 1.6 GB: the guarded parse of every state file refuses both
        "x = " + "[" * 100_000 + "]" * 100_000,
        ".".join(["a"] * 20_000) + " = 1",
    ],
)
def test_a_broken_user_file_is_ignored_with_a_reason(content: str) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "indicators.toml").write_bytes(content.encode("utf-8", "surrogateescape"))
    indicators.reload()
    assert indicator_for_subject("出庭率", "%") == "行政机关负责人出庭应诉率"
    assert "indicators.toml" in (indicators.user_file_problem() or "")
    with pytest.raises(IndicatorError):
        indicators.load_indicators(folder / "indicators.toml")


def test_matching_is_bounded_on_hostile_subjects() -> None:
    started = time.thread_time()
    for hostile in ("审查" * 5000 + "规范性", "调解" * 5000, "…" * 10_000, "热线" * 5000 + "满意"):
        indicator_for_subject(hostile, "%")
        indicator_for_subject(hostile, "件")
    assert time.thread_time() - started < 2.0


@pytest.mark.parametrize(
    ("name", "indicator", "subject", "asked"),
    [
        # by the indicator, under any of its names
        ("行政机关负责人出庭应诉率", "行政机关负责人出庭应诉率", "负责人出庭率", True),
        ("出庭应诉率", "行政机关负责人出庭应诉率", "负责人出庭率", True),
        # by the subject, whole or at its end (its key: 全区, 达 … dropped)
        ("受理信访件数", None, "受理信访件数", True),
        ("化解率", None, "全区信访积案化解率", True),
        ("化解率", None, "化解率达", True),
        ("调解成功率", None, "调解成功数", False),
        # a name that is only what a key drops, or one character, asks for nothing
        ("全年", None, "全年受理案件", False),
        ("率", None, "出庭率", False),
        ("件", "规范性文件审查数", None, False),
    ],
)
def test_one_rule_says_which_figures_a_name_asks_for(
    name: str, indicator: str | None, subject: str | None, asked: bool
) -> None:
    assert indicators.asks_for(name, indicator, subject) is asked


def test_the_tables_and_the_figures_command_ask_alike() -> None:
    """The long rows' test (`row_measures`), a corpus entry's cell and `asked_indicator`
    are the one rule: the same answer for every name, subject and indicator (`asked_indicator`
    once guarded on the name's length, so 全年, all noise, took every figure)."""
    from govread.corpus_tables import row_measures
    from govread.figure_table import asked_indicator
    from govread.figures import Figure

    names = ["出庭应诉率", "行政机关负责人出庭应诉率", "化解率", "全年", "率", "受理信访件数"]
    subjects = ["负责人出庭率", "全区信访积案化解率", "全年受理信访件数", "出庭率", "调解成功数"]
    for subject in subjects:
        indicator = indicator_for_subject(subject, "%")
        figure = Figure(subject, 1, "%", False, "1%", "", 0, 0, 2, indicator=indicator)
        row = {"indicator": indicator, "subject": subject}
        for name in names:
            assert row_measures(row, name) is (asked_indicator(figure, [name]) == name)


def test_a_broken_user_file_is_said_on_stderr_by_the_commands_that_use_it(capsys) -> None:
    """QA: a broken indicators.toml was dropped without a word: `govread figures` and
    `govread compare` used the bundled table alone and the user's own indicators were
    missing from the output. The command says so on stderr, once, as one safe line, in the
    interface language; a command that never read the indicators says nothing."""
    from govread.cli import main

    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "indicators.toml").write_text('[[indicator]]\nname = "\x1b[31m坏"\nunits = "个"\n')
    indicators.reload()
    assert main(["--lang", "en", "figures", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert err.count("indicators.toml") == 1 and "bundled indicators" in err
    assert "\x1b" not in err
    indicators.reload()
    assert main(["--lang", "zh", "figures", "--format", "json"]) == 0
    assert "indicators.toml" in (err := capsys.readouterr().err) and "随附" in err
    indicators.reload()
    assert main(["--lang", "en", "outline"]) == 0
    assert "indicators.toml" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "sentence",
    [
        "全年受理行政复议案件53宗。",
        "共收到行政复议申请103宗,受理91宗。",
        "共接到行政复议申请424件,立案受理296件。",
        "收到行政复议申请97件,受理行政复议案件70件。",
    ],
)
def test_cases_accepted_are_one_indicator_however_the_sentence_puts_it(sentence: str) -> None:
    """QA: 受理行政复议案件53宗 went under 行政复议案件数, 受理91宗 after 收到申请 under
    行政复议受理数: one quantity, two columns, and reports that say the same never paired."""
    from govread.figures import extract

    accepted = [f for f in extract(sentence) if "受理" in f.label]
    assert [f.indicator for f in accepted] == ["行政复议受理数"]


def test_a_bare_head_noun_pairs_nothing() -> None:
    """QA: 项目 16个 (集中开工) against 项目 10个 (花漾街区…) were one row: which projects is
    said nowhere."""
    from govread.figures import figures_in, match_figures

    a = figures_in(["深港开放创新中心等16个项目集中开工。"])
    b = figures_in(["花漾街区、街心花园等10个项目建成。"])
    assert [f.label for f in a] == [f.label for f in b] == ["项目"]
    assert match_figures(a, b) == []


def test_a_user_file_that_is_a_folder_is_said_and_one_with_a_bom_is_read() -> None:
    """QA: a folder named indicators.toml was ignored without the warning config.toml's
    gets; a file saved by Notepad (a byte-order mark first) is a good file."""
    folder = config_dir()
    (folder / "indicators.toml").mkdir(parents=True)
    indicators.reload()
    assert "indicators.toml: a folder" in (indicators.user_file_problem() or "")
    (folder / "indicators.toml").rmdir()
    (folder / "indicators.toml").write_text(
        '\ufeff[[indicator]]\nname = "审计项目数"\nunits = ["个"]\nsubjects = ["审计项目"]\n',
        "utf-8",
    )
    indicators.reload()
    assert indicators.user_file_problem() is None
    assert indicator_for_subject("审计项目", "个") == "审计项目数"
