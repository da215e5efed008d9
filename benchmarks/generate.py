"""Make N realistic reports for tests and benchmarks, deterministically from a seed.

    python benchmarks/generate.py OUT_DIR --count 1000 [--seed 7]

Each report recombines level-1 sections of the bundled samples (with their subsections
and 一是/二是 items) under another region name and year, renumbered, with the heading
forms varied (half- or full-width brackets, 1. or 1、, inline or own-line headings),
sometimes a title, a page-chrome header or a signature, and one of several encodings
(UTF-8, UTF-8 with BOM, GB18030). The same seed gives the same files, byte for byte.

    python benchmarks/generate.py OUT_DIR --years 5 --places 4 [--seed 7]

makes several years of each of a few real places instead (`generate_years`): short reports
in the genre's shape whose 下一步 plans are, or are not, followed up by the next year's
report, with indicators that change from year to year, and the place written with or
without its city (咸宁市通山县 / 通山县). It returns what it planted, for tests to check.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from govread.corpus import sample_paths
from govread.parsers import Section
from govread.parsers.numerals import int_to_chinese
from govread.parsers.readers import read_report

_SYLLABLES = tuple(
    "安宝昌长成丹东丰福广海和华怀黄吉嘉建江金晋靖康乐临龙隆泸洛梅南宁平清"
    "庆泉仁瑞山上韶寿顺泰天通桐威文武西仙兴秀阳宜永玉元云枣漳肇镇中舟淄"
)
_SUFFIXES = ("市", "县", "区", "县", "县")
_ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "gb18030")


@dataclass(frozen=True, slots=True)
class Style:
    """How one generated report writes its numbers."""

    full_width: bool
    arabic_sep: str  # "." or "、"
    inline: bool  # heading as the first sentence of the paragraph


def region_names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_SUFFIXES))
    return sorted(names)


def _marker(level: int, ordinal: int, style: Style) -> str:
    left, right = ("（", "）") if style.full_width else ("(", ")")
    if level == 1:
        return f"{int_to_chinese(ordinal)}、"
    if level == 2:
        return f"{left}{int_to_chinese(ordinal)}{right}"
    if level == 3:
        return f"{ordinal}{style.arabic_sep}"
    return f"{left}{ordinal}{right}"


def _render(section: Section, level: int, ordinal: int, style: Style, region: str) -> list[str]:
    heading = _marker(level, ordinal, style) + section.heading
    paragraphs = [p.replace("我市", f"我{region[-1]}") for p in section.paragraphs]
    if style.inline and paragraphs:
        lines = [f"{heading}。{paragraphs[0]}", *paragraphs[1:]]
    else:
        lines = [heading, *paragraphs]
    for index, child in enumerate(section.children, start=1):
        lines += _render(child, min(level + 1, 4), index, style, region)
    return lines


def generate(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """`count` reports as (file name, bytes), the same for the same seed."""
    rng = random.Random(seed)
    pool = [section for path in sample_paths() for section in read_report(path).sections]
    preambles = [p for path in sample_paths() for p in read_report(path).preamble]
    regions = region_names(rng, max(count // 3, 1))
    out = []
    for number in range(count):
        region = rng.choice(regions)
        year = rng.randint(2019, 2024)
        style = Style(rng.random() < 0.5, rng.choice(".、"), rng.random() < 0.4)
        lines = []
        if rng.random() < 0.3:
            lines += ["• 设为首页|", "当前位置:首页 > 政务公开 > 法治政府建设"]
        if rng.random() < 0.6:
            lines.append(f"{region}人民政府{year}年度法治政府建设情况报告")
        if rng.random() < 0.3:
            lines.append(
                f"来源:{region}司法局 发布时间:{year + 1}-0{rng.randint(1, 3)}-1{rng.randint(0, 9)}"
            )
        lines.append(f"{year}年," + rng.choice(preambles).split(",", 1)[-1])
        sections = rng.sample(pool, k=min(len(pool), rng.randint(4, 8)))
        for ordinal, section in enumerate(sections, start=1):
            lines += _render(section, 1, ordinal, style, region)
        if rng.random() < 0.7:
            lines += [
                f"{region}人民政府",
                f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日",
            ]
        encoding = rng.choice(_ENCODINGS)
        newline = "\r\n" if rng.random() < 0.2 else "\n"
        name = f"{number:05d}_{region}_{year}.txt"
        out.append((name, newline.join(lines).encode(encoding)))
    return out


# --- several years of one place --------------------------------------------------------

# (topic, heading, what a report says it did, a plan on it, what the next report says
# when it follows the plan up: in the plan's words, or in others). {n} and {r} are the
# year's figures.
_SUBJECTS = (
    (
        "decisions",
        "健全依法决策机制",
        "严格落实重大行政决策程序,全年重大行政决策事项{n}项全部经过合法性审查。",
        "完善重大行政决策程序,落实公众参与、专家论证、风险评估和合法性审查",
        "制定重大行政决策程序规定,落实公众参与、专家论证、风险评估和合法性审查程序。",
        "出台重大行政决策程序实施办法,重大决策事项均听取公众意见、组织专家论证并经合法性审查。",
    ),
    (
        "reconsideration",
        "深化行政复议工作",
        "全年受理行政复议案件{n}件,纠错率{r}%。",
        "推进行政复议规范化建设,建设行政复议接待室,统一行政复议文书",
        "推进行政复议规范化建设,建成行政复议接待室,统一行政复议文书格式。",
        "行政复议接待室投入使用,复议文书实现统一规范。",
    ),
    (
        "enforcement",
        "规范行政执法行为",
        "开展行政执法案卷评查,评查执法案卷{n}卷,督促整改问题。",
        "全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度",
        "全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度,执法行为更加规范。",
        "行政执法三项制度全面落地,执法公示、全过程记录和法制审核覆盖全部执法单位。",
    ),
    (
        "publicity",
        "深化法治宣传教育",
        "开展送法下乡活动{n}场次,组织宪法宣传周、民法典宣传月活动。",
        "落实“谁执法谁普法”普法责任制,建设法治文化公园和法治宣传阵地",
        "落实“谁执法谁普法”普法责任制,建成法治文化公园,新建法治宣传阵地。",
        "普法责任清单全面落实,法治文化公园建成开放,各乡镇新建普法阵地。",
    ),
    (
        "mediation",
        "推进矛盾纠纷多元化解",
        "各级人民调解组织调解矛盾纠纷{n}件,调解成功率{r}%。",
        "健全人民调解、行政调解、司法调解联动工作体系,建设调解工作室",
        "健全人民调解、行政调解、司法调解联动工作体系,新建个人调解工作室。",
        "人民调解与行政调解、司法调解有效衔接,新建调解工作室。",
    ),
    (
        "digital",
        "推进数字政府建设",
        "建成一体化政务服务平台,政务服务事项网上可办率达{r}%。",
        "推进政务服务“一网通办”,推动电子证照共享应用",
        "推进政务服务“一网通办”,电子证照共享应用覆盖高频事项。",
        "高频政务服务事项实现一网通办,电子证照在各部门共享互认。",
    ),
    (
        "litigation",
        "做好行政应诉工作",
        "全年办理行政诉讼案件{n}件,行政机关负责人出庭应诉率达{r}%。",
        "落实行政机关负责人出庭应诉制度,开展庭审旁听",
        "落实行政机关负责人出庭应诉制度,组织领导干部庭审旁听。",
        "行政机关负责人出庭应诉常态化,组织领导干部旁听庭审。",
    ),
    (
        "emergencies",
        "提升突发事件应对能力",
        "组织防汛、森林防火等应急演练{n}场次。",
        "修订突发事件总体应急预案,建设应急物资储备库",
        "修订突发事件总体应急预案,建成县级应急物资储备库。",
        "总体应急预案完成修订,县级应急物资储备库建成投用。",
    ),
)


_FATES = ("followed", "followed", "partly", "dropped")


@dataclass(frozen=True, slots=True)
class PlantedYear:
    """What `generate_years` wrote into one report."""

    region: str  # the canonical place name (通山县), whatever form the text uses
    year: int
    file: str
    topics: tuple[str, ...]  # the subjects of its achievement chapters, in order
    # (subject, what the next report does with it): "followed" (it says the plan was carried
    # out, in the plan's words or in others), "partly" (it speaks of the subject, not of the
    # measures planned), "dropped" (it never speaks of the subject); "" in the last year
    plans: tuple[tuple[str, str], ...]
    figures: dict[str, tuple[float, str]]  # canonical indicator → (value, unit)


def _unique_counties(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(city, county) pairs from the gazetteer whose county name is found once in China."""
    from govread.parsers.gazetteer import _index

    index = _index()
    single = sorted(
        (places[0].city, name)
        for name, places in index.items()
        if len(places) == 1 and places[0].level == "县" and places[0].city and len(name) >= 3
    )
    return rng.sample(single, count)


def generate_years(
    places: int = 3, years: int = 4, seed: int = 7, first_year: int = 2019
) -> tuple[list[tuple[str, bytes]], list[PlantedYear]]:
    """`years` consecutive reports of each of `places` counties, and what each holds."""
    rng = random.Random(seed)
    out: list[tuple[str, bytes]] = []
    planted: list[PlantedYear] = []
    subjects = {s[0]: s for s in _SUBJECTS}
    for city, county in _unique_counties(rng, places):
        fate: dict[str, str] = {}  # last year's plans: followed, partly or dropped
        for year in range(first_year, first_year + years):
            written = f"{city}{county}" if rng.random() < 0.5 else county
            carried = [p for p, f in fate.items() if f in ("followed", "partly")]
            free = [s for s in subjects if s not in fate]
            topics = carried + rng.sample(free, k=min(len(free), rng.randint(2, 3)))
            lines = [f"{written}{year}年法治政府建设情况报告"]
            lines.append(
                f"{year}年,{county}坚持以习近平法治思想为指导,深入推进法治政府建设,"
                "各项工作取得新成效。现将有关情况报告如下。"
            )
            lines.append("一、主要工作和成效")
            figures: dict[str, tuple[float, str]] = {}
            for ordinal, topic in enumerate(topics, start=1):
                _id, heading, done, _plan, follow, follow_other = subjects[topic]
                n, r = rng.randint(10, 400), round(rng.uniform(80, 100), 1)
                said = ""
                if fate.get(topic) == "followed":
                    said = follow if rng.random() < 0.5 else follow_other
                text = said + done.format(n=n, r=r)
                lines.append(f"({int_to_chinese(ordinal)}){heading}。{text}")
                if topic == "reconsideration":
                    figures["行政复议受理数"] = (float(n), "件")
                    figures["行政复议纠错率"] = (r, "%")
                if topic == "litigation":
                    figures["行政诉讼案件数"] = (float(n), "件")
                    figures["行政机关负责人出庭应诉率"] = (r, "%")
            lines.append("二、存在的问题")
            lines.append("一是依法行政能力有待提升。二是基层法治力量较为薄弱。")
            lines.append(f"三、{year + 1}年工作安排")
            options = [s for s in subjects if s not in topics]
            plans = rng.sample(options, k=min(len(options), 3))
            lines.append(
                "".join(
                    f"{int_to_chinese(i)}是{subjects[p][3]}。" for i, p in enumerate(plans, start=1)
                )
            )
            lines += [f"{county}人民政府", f"{year + 1}年2月{rng.randint(1, 28)}日"]
            last = year == first_year + years - 1
            fate = {} if last else {p: rng.choice(_FATES) for p in plans}
            name = f"{county}_{year}.txt"
            out.append((name, "\n".join(lines).encode("utf-8")))
            planted.append(
                PlantedYear(
                    county,
                    year,
                    name,
                    tuple(topics),
                    tuple((p, fate.get(p, "")) for p in plans),
                    figures,
                )
            )
    return out, planted


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--years", type=int, help="several years of a few places (below)")
    parser.add_argument("--places", type=int, default=3, help="with --years: how many places")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.years:
        files, _planted = generate_years(args.places, args.years, args.seed)
        for name, data in files:
            (args.out / name).write_bytes(data)
        print(f"wrote {len(files)} reports of {args.places} places to {args.out}")
        return
    for name, data in generate(args.count, args.seed):
        (args.out / name).write_bytes(data)
    print(f"wrote {args.count} reports to {args.out}")


if __name__ == "__main__":
    main()
