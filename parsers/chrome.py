"""Web-page furniture: recognise it, drop it from the body, keep the metadata it carries.

Scraped reports come with the page around them: navigation (设为首页 | 加入收藏),
breadcrumbs (当前位置: 首页 > 新闻), a metadata bar (来源 / 发布时间 / 浏览次数 / 字体:[ ]),
toolbars (打印本页 / 关闭窗口) and footers (扫一扫在手机打开当前页). None of it is the report.
"""

from __future__ import annotations

import re

# Words that only ever appear in page furniture when they sit on a short line.
_CHROME_WORDS = re.compile(
    r"设为首页|加入收藏|长辈版|关怀版|无障碍|当前位置|您的位置|浏览次数|阅读次数|点击数|访问量|"
    r"发布时间|发布日期|信息来源|来源[:\uff1a]|发布机构|发文机关|字体[:\uff1a]|字号[:\uff1a]|【?打印本?页|"
    r"关闭窗口|【关闭】|扫一扫|分享到|索引号|主题分类|体裁分类|文号[:\uff1a]|上一篇|下一篇|"
    r"责任编辑|编辑[:\uff1a]|审核[:\uff1a]|校对[:\uff1a]|网站地图|联系我们|版权所有|ICP备|网站标识码"
)
_NAV_ONLY = re.compile(r"^[\s•·>»|丨/\-]*(首页|English|繁体|简体|登录|注册|搜索)?[\s•·>»|丨/\-]*$")
_BREADCRUMB = re.compile(r"^\s*[>»]|\s[>»]\s")
_MAX_CHROME_LINE = 160

_SOURCE = re.compile(r"(?:信息来源|来源|发布机构|发文机关)\s*[:\uff1a]\s*([^\s:\uff1a|]+)")
_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|成文日期|日期|时间)\s*[:\uff1a]\s*" + _DATE)


def is_chrome(line: str) -> bool:
    """True when a (stripped, non-empty) line is page furniture, not report text."""
    if len(line) > _MAX_CHROME_LINE:
        return False
    if _NAV_ONLY.match(line):
        return True
    if _BREADCRUMB.search(line) and len(line) <= 60 and "。" not in line:
        return True
    return _CHROME_WORDS.search(line) is not None and "。" not in line[:-1]


def page_metadata(lines: list[str]) -> dict[str, str]:
    """Metadata found in chrome lines: ``source`` and ``published`` (ISO date)."""
    meta: dict[str, str] = {}
    for line in lines:
        if "source" not in meta and (match := _SOURCE.search(line)):
            meta["source"] = match.group(1)
        if "published" not in meta and (match := _PUBLISHED.search(line)):
            year, month, day = (int(g) for g in match.groups())
            if iso := iso_date(year, month, day):
                meta["published"] = iso
    return meta


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` when the three make a real date in a plausible range, else None."""
    import datetime

    if not 1949 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
