"""Saved web pages: the article's text and the page's metadata, without the page around it.

selectolax (the Lexbor engine) parses the page; it was measured against lxml in
benchmarks/readers.py. The article is the element government CMSs put it in (TRS_Editor,
#zoom, …) or, failing those, the element that holds most of the page's Chinese text
outside links. The metadata (标题, 发布时间, 来源, 发布机构) is emitted as the lines the
parser's chrome detector already reads, ahead of the article's text.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from govread.i18n import N_
from govread.parsers.chrome import page_metadata
from govread.parsers.metadata import take_title
from govread.parsers.readers import ReportError
from govread.parsers.table_rows import row_lines

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_NO_ARTICLE = N_("is a web page with no article text")
# Never text: code, styling, embedded objects and the page's own furniture.
_DROP = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, "
    "footer, aside, select, button, input, textarea, map, head"
)
# Where government CMSs put the article (TRS, Hanweb, UCAP, gov.cn …), most specific first.
_CONTAINERS = (
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#UCAP-CONTENT",
    "#zoom",
    "#fontzoom",
    ".pages_content",
    "#Zoom",
    ".article-content",
    ".article_content",
    ".news_content",
    ".zw",
    "#zw",
    ".view",
    ".detail-content",
    ".content",
    "#content",
    "article",
    ".article",
    "main",
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "section",
        "article",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "center",
        "hr",
        "address",
        "figure",
        "figcaption",
        "main",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "form",
        "fieldset",
        "legend",
        "details",
        "summary",
        "body",
    }
)
# class/id words of page furniture that sometimes sits inside the article's container.
_CHROME_HINT = re.compile(
    r"share|bdshare|toolbar|tool-bar|print|breadcrumb|crumb|position|location|dqwz|weizhi|"
    r"footer|header|\bnav|menu|sidebar|related|xgwz|pager|pagination|comment|fontsize|"
    r"font-size|fontzoom-bar|qrcode|ewm",
    re.IGNORECASE,
)
_TOOLBAR = re.compile(
    r"打印本页|打印此页|【打印】|\[打印\]|关闭窗口|【关闭】|\[关闭\]|分享到|字[体号]\s{0,3}[:：]?\s{0,3}[【\[]?\s{0,3}大|"
    r"当前位置|您现在的位置|您的位置|扫一扫|上一篇|下一篇|返回顶部|保存本页|收藏本页|【?纠错】?$"
)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Applied to a title whose white space is collapsed to single spaces (`_title_parts`).
_TITLE_SEPARATORS = re.compile(r" ?(?:[_|]|--|—|–| - ) ?")
# A page title is a line; a longer one is not a title, and is not split.
_MAX_TITLE = 300
_MIN_ARTICLE_CJK = 30
# Real pages nest a few dozen levels; thousands are a hostile file (minutes to parse).
_MAX_DEPTH = 3000
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|ul|ol|dl|section|article|aside|nav|header|footer|main|blockquote|center|"
    r"fieldset|figure|figcaption|form|details|address|menu|dir|hgroup|summary)\b",
    re.IGNORECASE,
)


# Where a saved page came from and when it was saved: the browser's own mark
# (``<!-- saved from url=(0047)https://… -->``), SingleFile's header comment, then the
# page's canonical link or og:url. Looked for in the first 8 KB only; bounded repeats.
_PROVENANCE_HEAD = 8192
_SAVED_FROM = re.compile(r"saved from url=\(\d{1,5}\)(https?://[^\s<>\"']{1,2000})", re.I)
_SINGLEFILE_URL = re.compile(r"^\s{0,8}url: (https?://[^\s<>\"']{1,2000})", re.M)
_SINGLEFILE_DATE = re.compile(r"^\s{0,8}saved date: \w{3} (\w{3}) (\d{1,2}) (\d{4})", re.M)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A URL line longer than this would not be taken for page furniture (chrome.py), so
# it is not emitted at all rather than landing in the report's text.
_MAX_URL_LINE = 150


def provenance_lines(html: str, canonical: str = "") -> list[str]:
    """``原文链接:URL`` and ``保存时间:YYYY-MM-DD`` lines for a saved page, when it says."""
    head = html[:_PROVENANCE_HEAD]
    url = ""
    if match := _SAVED_FROM.search(head) or _SINGLEFILE_URL.search(head):
        url = match.group(1)
    elif canonical.startswith(("http://", "https://")):
        url = canonical
    lines = []
    if url and not any(ch.isspace() for ch in url) and len(url) + 5 <= _MAX_URL_LINE:
        lines.append(f"原文链接:{url}")
    if match := _SINGLEFILE_DATE.search(head):
        month_name, day, year = match.groups()
        if month_name in _MONTHS:
            lines.append(f"保存时间:{year}-{_MONTHS.index(month_name) + 1:02d}-{int(day):02d}")
    return lines


def html_text(html: str, path: str | os.PathLike[str] = "<html>") -> str:
    """The article's text (one line per paragraph) headed by the page's metadata lines."""
    from selectolax.lexbor import LexborHTMLParser

    if (depth := nesting_depth(html)) > _MAX_DEPTH:
        # An HTML5 parser spends time quadratic in the nesting of block elements.
        raise ReportError(
            path, N_("is a web page nested too deeply ({depth} levels) to be a report"), depth=depth
        )
    tree = LexborHTMLParser(html)
    metas = {
        (node.attributes.get("name") or node.attributes.get("property") or "").lower(): (
            node.attributes.get("content") or ""
        ).strip()
        for node in tree.css("meta")
    }
    canonical_link = tree.css_first('link[rel="canonical"]')
    canonical = (
        (canonical_link.attributes.get("href") or "").strip()
        if canonical_link is not None
        else metas.get("og:url", "")
    )
    h1 = tree.css_first("h1")
    title_tag = tree.css_first("title")
    title_candidates = [
        metas.get("articletitle", ""),
        _clean(h1.text(deep=True)) if h1 is not None else "",
        *_title_parts(title_tag.text(deep=True) if title_tag else ""),
    ]
    for node in tree.css(_DROP):
        node.decompose()
    body = tree.body
    if body is None:
        raise ReportError(path, _NO_ARTICLE)
    weights = _weights(body)
    container = _article(body, weights)
    lines = [line for line in _lines(container, weights) if not _is_toolbar(line)]
    # text in links is a list of other pages (an index page), not an article
    if _own(container, weights) < _MIN_ARTICLE_CJK or not lines:
        raise ReportError(path, _NO_ARTICLE)

    head: list[str] = []
    meta_line = " ".join(
        f"{label}:{value}"
        for label, value in (
            ("来源", metas.get("contentsource") or metas.get("source", "")),
            (
                "发布时间",
                metas.get("pubdate")
                or metas.get("publishdate")
                or metas.get("article:published_time", ""),
            ),
        )
        if value and len(value) <= 60
    )
    if meta_line:
        head.append(meta_line)
    head.extend(provenance_lines(html, canonical))
    if container.mem_id != body.mem_id:
        # The page's own metadata bar (来源:… 发布时间:…) usually sits outside the article.
        inside = set(lines)
        outside = (line for line in _lines(body, weights) if line not in inside)
        head.extend(line for line in outside if len(line) <= 160 and page_metadata([line]))
    opening = {_SPACE.sub("", line) for line in lines[:6]}
    for candidate in title_candidates:
        title, _ = take_title([_clean(candidate)])
        if title:
            if _SPACE.sub("", title) not in opening:
                head.append(title)
            break
    return "\n".join(head + lines)


def nesting_depth(html: str) -> int:
    """How deep block elements (div, ul, section …) nest, counted from the tags alone."""
    depth = deepest = 0
    for match in _BLOCK_TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _title_parts(title: str) -> list[str]:
    """A <title>'s parts ("报告_某市人民政府" → the report's title, the site's name)."""
    title = " ".join(title.split())  # every kind of white space, &nbsp; and 　 too
    return _TITLE_SEPARATORS.split(title) if len(title) <= _MAX_TITLE else []


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _cjk(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _weights(root: LexborNode) -> dict[int, tuple[int, int]]:
    """Per element (by mem_id): its Chinese characters, and how many of them are in links."""
    weights: dict[int, tuple[int, int]] = {}
    stack: list[tuple[LexborNode, bool, bool]] = [(root, False, False)]
    while stack:
        node, visited, in_link = stack.pop()
        if not visited:
            in_link = in_link or node.tag == "a"
            stack.append((node, True, in_link))
            stack.extend((child, False, in_link) for child in node.iter())
            continue
        total = linked = 0
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                count = _cjk(child.text_content)
                total += count
                linked += count if in_link else 0
            elif child.is_element_node:
                child_total, child_linked = weights.get(child.mem_id, (0, 0))
                total += child_total
                linked += child_linked
        weights[node.mem_id] = (total, linked)
    return weights


def _own(node: LexborNode, weights: dict[int, tuple[int, int]]) -> int:
    total, linked = weights.get(node.mem_id, (0, 0))
    return total - linked


def _article(body: LexborNode, weights: dict[int, tuple[int, int]]) -> LexborNode:
    """The element that holds the article's text."""
    page = _own(body, weights)
    for selector in _CONTAINERS:
        for node in body.css(selector):
            if _own(node, weights) >= max(_MIN_ARTICLE_CJK, 0.4 * page):
                return _descend(node, weights)
    return _descend(body, weights)


def _descend(node: LexborNode, weights: dict[int, tuple[int, int]]) -> LexborNode:
    """Go down while one child holds nearly all of the text: the article's own box."""
    while True:
        own = _own(node, weights)
        best = max(node.iter(), key=lambda child: _own(child, weights), default=None)
        if best is None or own == 0 or _own(best, weights) < 0.7 * own:
            return node
        node = best


def _lines(root: LexborNode, weights: dict[int, tuple[int, int]]) -> list[str]:
    """The element's text, a line per block element or <br>, furniture boxes left out."""
    parts: list[str] = []
    stack: list[LexborNode | None] = [root]
    pre_depth = 0
    while stack:
        node = stack.pop()
        if node is None:  # the end of a block element
            parts.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            parts.append(text if pre_depth else _SPACE.sub(" ", text))
            continue
        if not node.is_element_node:
            continue
        if node is not root and _is_furniture(node, weights):
            continue
        if tag == "tr" and (cells := _one_line_cells(node)) is not None:
            texts = [
                [] if _is_furniture(cell, weights) else [_clean(cell.text(deep=True))]
                for cell in cells
            ]
            parts.extend(["\n", *row_lines([text for text in texts if text != [""]]), "\n"])
            continue
        if tag == "pre":
            pre_depth += 1  # a <pre> keeps its line breaks (rare; not unwound on exit)
        if tag in _BLOCKS:
            parts.append("\n")
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _one_line_cells(row: LexborNode) -> list[LexborNode] | None:
    """The row's cells when none holds a block or a line break (each is one line of text);
    None for a row whose cells hold paragraphs (a layout table, an article in a cell).

    A cell's search stops at its first block, which an enclosing row's search never goes
    past: each node is looked at by one row only."""
    cells = [child for child in row.iter() if child.tag in {"td", "th"}]
    for cell in cells:
        stack = list(cell.iter())
        while stack:
            node = stack.pop()
            if node.tag in _BLOCKS:
                return None
            stack.extend(node.iter())
    return cells


def _is_furniture(node: LexborNode, weights: dict[int, tuple[int, int]]) -> bool:
    hint = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    if not hint.strip() or _CHROME_HINT.search(hint) is None:
        return False
    return _own(node, weights) < 200  # a big box so named is still the article


def _is_toolbar(line: str) -> bool:
    return len(line) <= 60 and "。" not in line and _TOOLBAR.search(line) is not None
