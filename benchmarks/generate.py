"""Make N realistic reports for tests and benchmarks, deterministically from a seed.

    python benchmarks/generate.py OUT_DIR --count 1000 [--seed 7]

Each report recombines level-1 sections of the bundled samples (with their subsections
and 一是/二是 items) under another region name and year, renumbered, with the heading
forms varied (half- or full-width brackets, 1. or 1、, inline or own-line headings),
sometimes a title, a page-chrome header or a signature, and one of several encodings
(UTF-8, UTF-8 with BOM, GB18030). The same seed gives the same files, byte for byte.
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in generate(args.count, args.seed):
        (args.out / name).write_bytes(data)
    print(f"wrote {args.count} reports to {args.out}")


if __name__ == "__main__":
    main()
