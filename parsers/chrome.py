"""Web-page furniture: recognise it, drop it from the body, keep the metadata it carries.

Scraped reports come with the page around them: navigation (设为首页 | 加入收藏),
breadcrumbs (当前位置: 首页 > 新闻), a metadata bar (来源 / 发布时间 / 浏览次数 / 字体:[ ]),
toolbars (打印本页 / 关闭窗口) and footers (扫一扫在手机打开当前页). None of it is the report.
"""

from __future__ import annotations

import re

# Words that only ever appear in page furniture when they sit on a short line.
_CHROME_WORDS = re.compile(
    r"设为首页|加入收藏|长辈版|关怀版|无障碍|当前(?:所在)?的?位置|您的位置|现在的位置|浏览次数|"
    r"阅读次数|点击数|访问量|"
    r"发布时间|发布日期|信息来源|来源[:\uff1a]|发布机构|发文机关|字体[:\uff1a]|字号[:\uff1a]|【?打印本?页|"
    r"关闭窗口|【关闭】|扫一扫|分享到|索引号|主题分类|体裁分类|文号[:\uff1a]|上一篇|下一篇|"
    r"责任编辑|编辑[:\uff1a]|审核[:\uff1a]|校对[:\uff1a]|网站地图|联系我们|版权所有|ICP备|网站标识码|"
    r"^(?:标题|栏目|原文链接|原文地址|发文字号|成文日期)\s?[:\uff1a]|"
    # a page's info box of its document, bullets before the keys (• 文件类型:其他文件)
    r"^[•·]?\s?(?:发文字号|成文日期|文件类型|所属单位|公文时效|有效性|公开方式|公开范围|名\s?称)\s?[:\uff1a]|"
    r"^(?:原文网址|来源链接|来源网址|保存时间|保存日期|下载时间|采集时间|抓取时间)\s?[:\uff1a]"
)
# Possessive (*+): the two runs of separators must not trade characters (quadratic).
_NAV_ONLY = re.compile(
    r"^[\s•·>»|丨/\-]*+(首页|English|繁体|简体|登录|注册|搜索)?[\s•·>»|丨/\-]*+$"
)
# Site columns a breadcrumb ends with, when its last one runs into the title.
COLUMN_NAME = re.compile(
    r"(?:通知公告|公示公告|政务公开|信息公开|政府信息公开|工作动态|部门动态|新闻动态|新闻|年度报告|"
    r"法治政府建设|政策文件|其他文件|部门信息|乡镇信息|乡镇动态|规划计划|计划总结|工作总结)"
)
_BREADCRUMB = re.compile(r"^\s*[>»]|\s[>»]\s")
_MAX_CHROME_LINE = 160
_MAX_PIECE = 60

# The keys of a page's info box. A value ends where the next key begins, with or without a
# space before it (来源：县司法局发布时间：…, as a PDF's text layer or a flattened page gives
# the line); a key is one when a colon or a figure follows it (发布时间：…, 点击 54 次).
_INFO_KEY = (
    r"(?:信息来源|文章来源|来源|发布机构|发文机关|所属单位|发布时间|发布日期|更新时间|信息时间|"
    r"生成日期|成文日期|公开日期|发文日期|时间|日期|浏览次数|阅读次数|点击数|点击量|点击率|点击|"
    r"浏览量|浏览|访问量|作者|责任编辑|编辑|审核|校对|字体大小|字体|字号|文字显示|索引号|文号|"
    r"分享到)"
)
_KEY_AHEAD = _INFO_KEY + r"\s{0,3}[:\uff1a\d]"
# The value of 来源 / 发布机构: up to a space, a separator or the next key; none when the next
# key follows at once (来源: 作者: …).
_SOURCE = re.compile(
    r"(?:信息来源|来源|发布机构|发文机关)\s*[:\uff1a]\s*(?!" + _KEY_AHEAD + r")"
    r"([^\s:\uff1a|\[\u3010]{1,60}?)(?=[\s:\uff1a|\[\u3010]|$|" + _KEY_AHEAD + r")"
)
_SEPARATORS = "·•-–—/、,，"
_NEXT_KEY = re.compile(r"\s{0,3}" + _KEY_AHEAD)


def before_next_key(value: str) -> str:
    """A key's value without the keys run into it after (县司法局发布时间：2024-01-25 →
    县司法局); empty when it is only the next key."""
    match = _NEXT_KEY.search(value)
    return (value[: match.start()] if match else value).strip()


_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
# A page's dates by their labels: the day it went online (发布时间, 发布日期, or a bare 日期 /
# 时间, not the end of another key: 更新时间, 生成日期) and the day it was written (成文日期).
_PUBLISHED = re.compile(
    r"(发布时间|发布日期|成文日期|(?<![\u4e00-\u9fff])(?:日期|时间))\s*[:\uff1a]\s*" + _DATE
)
# The label of the day a report was written (signed), not made public: only when the page
# gives no other date is it the one the report's publication is judged by.
WRITTEN_LABELS = frozenset({"成文日期"})
# Provenance a saved page or a key-value header carries: where the text was published
# online, and when the file was saved. Bounded: a URL is at most 2,000 characters.
_SOURCE_URL = re.compile(
    r"(?:原文链接|原文地址|原文网址|来源链接|来源网址)\s*[:\uff1a]\s*(https?://[^\s<>\"'，。]{1,2000})",
    re.IGNORECASE,
)
_SAVED = re.compile(r"(?:保存时间|保存日期|下载时间|采集时间|抓取时间)\s*[:\uff1a]\s*" + _DATE)


# A content farm's mark on its copies of reports (…成效 公文汇 www.gongwenhui.com, or the mark
# on a line of its own): the site's name and its www address, after a space at a line's end.
# The name holds no heading's number (二、 （一） 1.), so a heading is never taken for it; a
# government address (www.gov.cn, …gov.cn) is never one.
_SITE_MARK = re.compile(
    r"(?:^|\s)(?:[^\s\d.\uff0e\u3001\u3002\uff1b()\uff08\uff09]{1,16}\s{1,4})?(?:https?://)?"
    r"www\.(?![a-z0-9.-]{0,80}gov\.cn)"
    r"[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){1,3}/?\s*$",
    re.IGNORECASE,
)


def site_mark_start(line: str) -> int | None:
    """Where a content farm's mark ends a (stripped) line: 0 when the line is only the mark;
    None when it has none."""
    if "www." not in line.lower():
        return None
    match = _SITE_MARK.search(line)
    return match.start() if match else None


def is_chrome(line: str) -> bool:
    """True when a (stripped, non-empty) line is page furniture, not report text."""
    if len(line) > _MAX_CHROME_LINE:
        return False
    if _NAV_ONLY.match(line):
        return True
    if len(line) <= _MAX_PIECE and (_INLINE_CHROME.fullmatch(line) or COLUMN_NAME.fullmatch(line)):
        return True  # a piece of furniture taken out of a long line, or a site column
    if _BREADCRUMB.search(line) and len(line) <= 60 and "。" not in line:
        return True
    if _KEY_FIRST.match(line) and not _SENTENCE_END.search(line):
        return True  # 发布机构屏边县…, [ 主题分类 ] 公安、安全: a page's key opens the line
    if _reads_as_prose(line):
        return False  # a sentence or an item (二是…) that names a chrome word is report text
    words = [match.span() for match in _CHROME_WORDS.finditer(line)]
    covered = [False] * len(line)
    for start, end in words:
        covered[start:end] = [True] * (end - start)
    return any(_is_label(line, start, end, covered) for start, end in words)


# The keys of a page's info box, first on their line with or without a colon or brackets
# (发布机构屏边县新华乡人民政府, [ 主题分类 ] 公安、安全、司法): their values may list things.
# The value follows a separator, is a date or code, or is a body's name; not prose that
# opens with the word (发文机关应当同步公开…).
_KEY_FIRST = re.compile(
    r"^[\s•·\-\[【]{0,4}(?:发布时间|发布日期|信息来源|发布机构|发文机关|索引号|主题分类|体裁分类"
    r"|浏览次数|阅读次数|点击数|责任编辑|发文字号|成文日期|有效性)"
    r"(?:[\s:\uff1a\]】0-9A-Za-z]|(?=[^\s]{2,30}(?:政府|局|委员会|委|办公室|中心|办事处|厅|部)$))"
)
# Report prose has sentences, clauses and items; a page's furniture has labels, values and
# menus. A key's value may list things (主题分类：农业、林业) or be a title with a comma.
_SENTENCE_END = re.compile(r"[\u3002\uff1b\uff01\uff1f]")  # 。；！？
_CLAUSE_BREAK = re.compile(r"[\uff0c\u3001]|(?<=[\u4e00-\u9fff])[,;]")  # ，、 or , ; after Han
_ITEM_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十])")


def _reads_as_prose(line: str) -> bool:
    """A sentence, an item (二是…), or clauses or a list of phrases that are no key's value
    (明确发布时间、发布机构和审核流程, not 主题分类：农业、林业)."""
    if _SENTENCE_END.search(line) or _ITEM_MARKER.match(line):
        return True
    keys_end = min((i for i in (line.find("\uff1a"), line.find(":")) if i >= 0), default=len(line))
    return _CLAUSE_BREAK.search(line, 0, keys_end) is not None


# A menu item is a chrome word and two characters at most (网站无障碍, 无障碍浏览); in
# prose the word sits inside a phrase (推进无障碍环境建设, 访问量达120万人次).
_MENU_AFFIX = 2
# Words addressed to the page's reader are furniture whatever follows them (扫一扫在手机上查看).
_TO_THE_READER = ("扫一扫", "分享到", "设为首页", "加入收藏")


def _is_label(line: str, start: int, end: int, covered: list[bool]) -> bool:
    """Whether the chrome word at `start:end` stands as page furniture: a key before its
    value (来源：, 浏览次数 123), a word that ends its piece of the line (某市人民政府版权所有,
    关闭窗口) or a short menu item, not a word inside a phrase. `covered` marks every
    chrome word of the line."""
    after = end
    while after < len(line) and covered[after]:
        after += 1  # menu items run together (设为首页加入收藏) are one piece
    if not _is_han(line[end - 1]) or after == len(line) or not _is_han(line[after]):
        return True
    if line[start:end] in _TO_THE_READER:
        return True
    run_start, run_end = start, after
    while run_start > 0 and _is_han(line[run_start - 1]):
        run_start -= 1
    while run_end < len(line) and _is_han(line[run_end]):
        run_end += 1
    return sum(not covered[i] for i in range(run_start, run_end)) <= _MENU_AFFIX


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


# A page's info box laid out one key a line, its value on the next (• 发布机构: / 某镇):
# a key alone on its line, a bullet before it, a colon after it.
_BARE_KEY = re.compile(r"^[•·]\s?[^\W\d_]{2,8}\s?[:\uff1a]$")
_MIN_BOX_KEYS = 3
_MAX_BOX_VALUE = 40


def join_info_box(lines: list[str]) -> tuple[list[str], set[int]]:
    """The lines with each key of such an info box joined to its value (• 发布机构: 某镇),
    and the indexes of the box's lines among them. A box has three keys or more; a value is
    short, has no sentence end and is not itself a key."""
    keys = [i for i, line in enumerate(lines) if _BARE_KEY.match(line)]
    if len(keys) < _MIN_BOX_KEYS:
        return lines, set()
    out: list[str] = []
    boxed: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        if _BARE_KEY.match(line):
            boxed.add(len(out))
            value = lines[index + 1] if index + 1 < len(lines) else ""
            if (
                value
                and len(value) <= _MAX_BOX_VALUE
                and "\u3002" not in value
                and not _BARE_KEY.match(value)
            ):
                out.append(f"{line} {value}")
                index += 2
                continue
        out.append(line)
        index += 1
    return out, boxed


def page_metadata(lines: list[str]) -> dict[str, str]:
    """Metadata found in chrome lines: ``source``, ``published`` (ISO date) and the label it
    was given by (``published_by``: 发布时间, 发布日期, 日期 …, or 成文日期 when the page gives no
    date of its going online), ``source_url`` (原文链接, or a saved page's own address) and
    ``saved`` (ISO date the file was saved)."""
    meta: dict[str, str] = {}
    for line in lines:
        if "source_url" not in meta and (match := _SOURCE_URL.search(line)):
            meta["source_url"] = match.group(1)
        if "saved" not in meta and (match := _SAVED.search(line)):
            year, month, day = (int(g) for g in match.groups())
            if iso := iso_date(year, month, day):
                meta["saved"] = iso
        # (a separator before the next key is not the value's: 来源：县司法局·发布时间：…)
        if (
            "source" not in meta
            and (match := _SOURCE.search(line))
            and (source := match.group(1).rstrip(_SEPARATORS))
        ):
            meta["source"] = source
        # 保存时间 holds 时间 too: the date a file was saved is not when it was published.
        for match in _PUBLISHED.finditer(_SAVED.sub("", line)):
            label = match.group(1)
            year, month, day = (int(g) for g in match.groups()[1:])
            if better_date(meta.get("published_by"), label) and (iso := iso_date(year, month, day)):
                meta["published"], meta["published_by"] = iso, label
    return meta


def better_date(found: str | None, label: str) -> bool:
    """Whether a date labelled `label` is a better date of a report's publication than the
    one labelled `found` (None: none found yet): the first date a page gives, unless it is
    the day the report was written (成文日期) and `label` says the day it went online."""
    return found is None or (found in WRITTEN_LABELS and label not in WRITTEN_LABELS)


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` when the three make a real date in a plausible range, else None."""
    import datetime

    if not 1949 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# Where a piece of furniture with a free value (来源:市司法局) ends: the next piece or a space.
_NEXT_PIECE = (
    r"(?=\s|发布|浏览|时间|日期|作者|阅读次数|点击|字体|字号|来源|编辑|责任编辑|审核|校对|扫一扫|【|打印|"
    r"分享|微信|\d{4}|$)"
)
# Page furniture inside one long line (a flattened page): each piece bounded, none of them
# able to swallow the report's sentences (no 。 in any piece).
_INLINE_CHROME = re.compile(
    # (the lookahead lets the engine skip to the characters a piece can start with)
    r"(?=[当您所发成时日浏阅点访信来编责审校字文【打关微Q分附扫•·|丨设加无长索体主简繁\[有])(?:"
    r"(?:您?当前(?:所在)?的?位置|您(?:现在)?的位置|所在位置)[:\uff1a]?\s{0,4}首页"
    r"(?:\s{0,4}[>»/]\s{0,4}[^\s>»/\u3002]{1,12}?(?=[\s>»/]|发布|时间|来源|浏览|$)){0,8}"
    r"(?:\s{0,4}[>»/])?"
    r"|(?:发布时间|发布日期|成文日期|时间|日期)[:\uff1a] ?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"(?: ?\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:浏览次数|阅读次数|点击数|访问量|浏览量)[:\uff1a]? ?(?:\d{1,9}(?![\d年]))?"
    r"|(?:信息来源|来源|发布机构|发文机关)[:\uff1a] ?[^\s:\uff1a,\uff0c\u3002]{1,20}?"
    + _NEXT_PIECE
    + r"|(?:责任编辑|编辑|审核|校对)[:\uff1a] ?[^\s:\uff1a,\uff0c\u3002]{1,8}?"
    + _NEXT_PIECE
    + r"|(?:字体|字号)[:\uff1a]? ?[\[【]? ?大 ?中 ?小 ?[\]】]?|(?:字体|字号)[:\uff1a]? ?[\[【] {0,8}[\]】]"
    r"|文号[:\uff1a](?= |索引|$)|文号[:\uff1a] ?[^\s:\uff1a\u3002]{1,30}?〔\d{4}〕\d{1,5}号"
    r"|【?打印本?页?】? ?【?关闭(?:窗口)?】|【打印】|打印本页|关闭窗口"
    r"|微信 微博(?: QQ空间)?|微信微博QQ空间|QQ空间|分享到[:\uff1a]"
    r"|附件下载|扫一扫在手机打开当前页"
    r"|(?:无障碍 ?)?(?:简体 ?[|丨] ?繁体|繁体 ?[|丨] ?简体)"
    r"|(?:[•·|丨] ?)?(?:设为首页|加入收藏|无障碍浏览|长辈版|关怀版) ?[|丨]?"
    # an info box's 有效性 with its value, one of a few words (…[ 有效性 ] 有效某县…报告)
    r"|(?:\[ ?有效性 ?\]|有效性[:\uff1a]) ?(?:现行有效|已废止|有效|失效|无效|废止)?"
    r"|索引号[:\uff1a] ?[0-9A-Za-z/\-]{0,40}?(?=(?:19|20)\d{2}年|\s|$|[^\x00-\x7f])|(?:体裁分类|主题分类)[:\uff1a] ?[^\s]{0,8}?(?=\s|$)"
    r")"
)


# Furniture sits around the article, not inside it: only a line's ends are searched.
_CHROME_REACH = 800


def strip_inline_chrome(line: str, reach: int = _CHROME_REACH) -> tuple[str, list[str]]:
    """A long line without the page furniture in its first and last `reach` characters,
    and the pieces taken out.

    Each piece leaves one space behind, so a heading that followed it still stands
    after a break."""
    pieces: list[str] = []
    out: list[str] = []
    last = 0
    if len(line) <= 2 * reach:
        matches = list(_INLINE_CHROME.finditer(line))
    else:
        matches = list(_INLINE_CHROME.finditer(line, 0, reach))
        tail_start = max(len(line) - reach, matches[-1].end() if matches else 0)
        matches += _INLINE_CHROME.finditer(line, tail_start)
    for match in matches:
        if not match.group(0).strip():
            continue
        pieces.append(match.group(0).strip())
        out.append(line[last : match.start()])
        out.append(" ")
        last = match.end()
    if not pieces:
        return line, []
    out.append(line[last:])
    return "".join(out).strip(), pieces
