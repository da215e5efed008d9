"""Report metadata: title, region, year, publication date, issuer and source.

Each value is looked for where a reader would look: the title first, then the closing
signature (issuer and date), then the page's metadata bar, then the opening sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from govread.parsers.chrome import iso_date
from govread.parsers.numerals import chinese_to_int

_GENRE = re.compile(r"报告|总结|情况|要点|年度")
_TOPIC = re.compile(r"法治|依法行政|依法治|政府")
_NOT_TITLE_END = ":\uff1a,\uff0c;\uff1b\u3002"
_MAX_TITLE = 60

_ADMIN = "省市县区州旗盟"
_REGION_BEFORE = re.compile(
    rf"^(\S{{1,16}}?[{_ADMIN}])(?=人民政府|政府|关于|\d|年|法治|依法治|司法局|$)"
)
_NAME_PARTS = re.compile(r"[\s_\-.·()\[\]（）]+")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ORG_SUFFIX = re.compile(
    r"(人民政府|人民政府办公室|人民政府办公厅|政府办公室|政府|司法局|委员会|领导小组|办公室)$"
)
_SPEAKING_FOR = re.compile(rf"代表(\S{{1,12}}?[{_ADMIN}])人民政府")
_ISSUER = re.compile(r"^(\S{2,20}?人民政府)")

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_CN_DATE = re.compile(
    r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LEADING_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年")


@dataclass(frozen=True, slots=True)
class Metadata:
    display_title: str
    region: str | None
    year: int | None
    published: str | None
    issuer: str | None
    source: str | None


def take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Find the document's title among its first lines; return it and the lines without it."""
    for index, line in enumerate(lines[:4]):
        if len(line) > _MAX_TITLE or "\u3002" in line:
            break
        if (
            len(line) >= 6
            and line[-1] not in _NOT_TITLE_END
            and _GENRE.search(line)
            and _TOPIC.search(line)
            and not line.startswith("现将")
        ):
            return line, lines[:index] + lines[index + 1 :]
    return None, lines


def parse_date(line: str) -> str | None:
    """An ISO date when the whole line is a date (2024年2月29日, 2023-12-29, 20231229, 二〇二四年…)."""
    line = line.strip()
    for pattern in _DATE_PATTERNS:
        if match := pattern.match(line):
            year, month, day = (int(g) for g in match.groups())
            return iso_date(year, month, day)
    if match := _CN_DATE.match(line):
        cn_year, cn_month, cn_day = (chinese_to_int(g) for g in match.groups())
        if cn_year and cn_month and cn_day:
            return iso_date(cn_year, cn_month, cn_day)
    return None


def is_signature_line(line: str) -> bool:
    """A closing signature line: an organisation's name or a date, alone on its line."""
    if len(line) > 40 or "\u3002" in line:
        return False
    return parse_date(line) is not None or _ORG_SUFFIX.search(line) is not None


def region_of(name: str | None) -> str | None:
    """The region a title or organisation name starts with (泾县人民政府… → 泾县)."""
    if not name:
        return None
    match = _REGION_BEFORE.match(name)
    return match.group(1) if match else None


def find_metadata(
    *,
    title: str | None,
    preamble: list[str],
    closing: list[str],
    page: dict[str, str],
    headings: list[str],
    path: str | None = None,
) -> Metadata:
    signature_orgs = [line for line in closing if _ORG_SUFFIX.search(line) and len(line) <= 40]
    signature_dates = [d for d in (parse_date(line) for line in closing) if d]

    issuer = None
    if title and (match := _ISSUER.match(title)):
        issuer = match.group(1)
    elif signature_orgs:
        issuer = signature_orgs[-1]

    region = region_of(title) or region_of(issuer)
    if region is None:
        region = next(filter(None, (region_of(org) for org in signature_orgs)), None)
    if region is None:
        region = region_of(page.get("source"))
    if region is None:
        # 政府工作报告 open with "我代表盐田区人民政府…"
        for line in preamble[:3]:
            if match := _SPEAKING_FOR.search(line):
                region = match.group(1)
                break
    stem = PurePath(path).stem if path else ""
    if region is None and stem:
        # Last resort: a file saved as "咸宁市2023年法治政府建设情况.txt" names its region.
        stem_parts = (part.lstrip("0123456789") for part in _NAME_PARTS.split(stem))
        region = next(filter(None, (region_of(part) for part in stem_parts)), None)

    published = signature_dates[-1] if signature_dates else page.get("published")

    year = _year(title, preamble, headings, published)
    if year is None and (match := _FILE_YEAR.search(stem)):
        year = int(match.group(1))

    if title:
        display = title
    else:
        parts = [region or "未知地区", f"{year}年" if year else "", "法治政府建设情况"]
        display = " ".join(p for p in parts if p)
    return Metadata(display, region, year, published, issuer, page.get("source"))


def _year(
    title: str | None, preamble: list[str], headings: list[str], published: str | None
) -> int | None:
    if title and (match := _YEAR.search(title)):
        return int(match.group(1))
    for line in preamble[:3] + headings[:3]:
        if match := _LEADING_YEAR.match(line) or _YEAR.search(line[:12]):
            return int(match.group(1))
    if published:
        # Reports come out in the first months of the next year, or late in their own.
        year, month = int(published[:4]), int(published[5:7])
        return year if month >= 11 else year - 1
    return None
