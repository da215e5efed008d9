"""Report metadata: title, region, year, publication date, issuer and source.

Each value is looked for where a reader would look: the title first, then the closing
signature (issuer and date), then the page's metadata bar, then the opening sentence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

from govread.parsers.chrome import before_next_key, better_date, iso_date
from govread.parsers.gazetteer import (
    Place,
    at_level,
    city_named_short,
    common_name,
    find_place,
    locate,
    most_named_place,
    not_above,
    place_in_text,
)
from govread.parsers.normalize import normalize
from govread.parsers.numerals import chinese_to_int, read_years

_GENRE = re.compile(r"报告|总结|情况|要点|年度")
_TOPIC = re.compile(r"法治|依法行政|依法治|政府")
_NOT_TITLE_END = ":\uff1a,\uff0c;\uff1b\u3002"
_MAX_TITLE = 60
_MIN_TITLE = 6
_TITLE_LINES = 4
_MAX_TITLE_LINES = 12

_ADMIN = "省市县区州旗盟"
_REGION_BEFORE = re.compile(
    rf"^(\S{{1,16}}?[{_ADMIN}])(?=人民政府|政府|关于|\d|年|法治|依法治|司法局|$|"
    r"[^\s\d]{1,12}?(?:局|委员会|委|办公室)(?:关于|\d|$))"
)
# A town's report (青禾镇人民政府关于… / 某县青禾镇2022年… / 东湖街道办事处…): towns are
# not in the gazetteer, the name is taken as written.
_TOWN_BEFORE = re.compile(
    r"^(?:\S{1,10}?[省市县区州旗盟])?(\S{1,6}?(?:镇|乡|街道))"
    r"(?=人民政府|政府|办事处|党委|关于|\d|年|法治|依法|$|"
    # …and its departments (青禾镇司法所关于… / 东湖街道综合行政执法队2023年…)
    r"[^\s\d]{1,12}?(?:所|站|队|中心|办公室|办)(?:关于|\d|$))"
)
_TOWN_LEVELS = ("镇", "乡", "街道")
_SUBREGION = re.compile(r"[^\s\d]{1,6}?[区县旗](?=[^\s\d]{1,12}?(?:局|委员会|办公室|中心))")
# 某市公安局某区分局: a city department's branch serves its district (税务局, 生态环境局 alike)
_BRANCH = re.compile(r"[^\W\d_]{1,10}?局([^\W\d_]{1,8}?[区县市旗])分局")
# 深圳市光明区 is 光明区: a district or county named with its city (or a city with its
# province) is known by its own name.
_NESTED_REGION = re.compile(
    r"^(?:\S{2,7}?(?:省|自治区))?(?:\S{1,8}?[市州盟])?(\S{1,8}?[市区县旗])$"
)
# Anything but letters and digits separates the parts of a file name (_ - . · brackets,
# and the leftovers of escape sequences).
_NAME_PARTS = re.compile(r"[\W_]+")
_UNDECODABLE = re.compile("[\ud800-\udfff]")  # surrogateescape: bytes that are not UTF-8
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ORG_SUFFIX = re.compile(
    r"(人民政府|人民政府办公室|人民政府办公厅|政府办公室|政府|[^\s\d]局|委员会|领导小组|办公室)$"
)
_SPEAKING_FOR = re.compile(rf"代表([^\s\u3002,\uff0c:\uff1a;\uff1b]{{1,12}}?[{_ADMIN}])人民政府")
_ISSUER = re.compile(r"^(\S{2,20}?人民政府)")
# What may stand before a place's name and is not part of it: a year (2020年静海区…), the
# party (中共渠县委员会), a 关于 (关于静海区…).
# Brackets a site puts around the author's name (【某市司法局】2022年…).
_BRACKETS = str.maketrans("", "", "【】[]")
_BEFORE_PLACE = re.compile(
    r"^(?:(?:(?:19|20)\d{2})? ?年度? ?|中共\S{1,10}?委(?:员会)?(?: |(?=\S{2,12}?人民政府))"
    r"|中共|中国共产党|关于)"
)


def _after_prefix(name: str) -> str:
    """`name` without what stands before its place (`_BEFORE_PLACE`: a year in any digits,
    ２０２２年 or 二〇二二年 too, 中共…委, 关于), its own characters kept."""
    match = _BEFORE_PLACE.match(read_years(name))
    return name[match.end() :] if match else name


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_CN_DATE = re.compile(
    r"^([〇零○OＯ一二三四五六七八九]{4})\s?年\s?([一二三四五六七八九十]{1,3})\s?月\s?([一二三四五六七八九十]{1,3})\s?日$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# The opening of a text: where a 政府工作报告 says who speaks, and a flat text its year.
_OPENING = 300
_AFTER_STOP = re.compile(r"[\u3002!?\uff01\uff1f:\uff1a\s]")
_LEADING_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年")
# 现将市司法局2021年度…情况报告如下 (现根据上级要求，将2024年度…): the year a report says
# it reports on
_AS_FOLLOWS_YEAR = re.compile(
    r"现[^\u3002\d]{0,12}?将[^\u3002\d]{0,24}?((?:19|20)\d{2})\s*年[^\u3002]{0,40}?(?:报告|汇报|总结)如下"
)


@dataclass(frozen=True, slots=True)
class Metadata:
    display_title: str
    region: str | None
    year: int | None
    published: str | None
    issuer: str | None
    source: str | None
    genre: str = "其他"
    issuer_level: str | None = None
    doc_number: str | None = None
    source_url: str | None = None
    province: str | None = None
    region_level: str | None = None
    city: str | None = None
    region_ambiguous: bool = False
    made_public: str | None = None
    made_public_by: str | None = None  # the label of its date: 发布时间, 发布日期, 成文日期 …
    # its text names no region or no year, so its file name was read for them: the same
    # text under another name may be another place or year
    name_dependent: bool = False


# A document number glued before the title on its line (某政发〔2021〕1号某县2020年度…报告):
# an issuing office's short name, the year in brackets, the serial number and 号.
_DOC_NUMBER_FIRST = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s?[\u3014\[\uff3b(\uff08\u3010]\s?(?:19|20)\d{2}\s?"
    r"[\u3015\]\uff3d)\uff09\u3011]\s?\d{1,5}\s?号\s?"
)


def take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Find the document's title among its first lines; return it and the lines without it."""
    # a site's menu items left on their own lines (互动交流, 专题专栏) are too short to be
    # the title and do not count among the lines it is looked for in
    short = 0
    for index, line in enumerate(lines[:_MAX_TITLE_LINES]):
        if (number := _DOC_NUMBER_FIRST.match(line)) and number.end() < len(line):
            line = line[number.end() :]  # the number is the document's, not its title's
        if index - short >= _TITLE_LINES:
            break
        if len(line) > _MAX_TITLE or "\u3002" in line:
            break
        if len(line) < _MIN_TITLE:
            short += 1
            continue
        if (
            line[-1] not in _NOT_TITLE_END
            and _GENRE.search(line)
            and _TOPIC.search(line)
            and not line.startswith("现将")
        ):
            end = index + 1
            if end < len(lines) and (rest := title_rest(line, lines[end])):
                line, end = line + rest, end + 1  # 某区卫生健康委2022年度法治 / 政府建设情况报告
            author, space, rest = line.partition(" ")
            if space and rest.startswith("关于") and author_of_title(author, rest):
                line = author + rest  # 某局 关于…报告: as written on two lines, or run together
            start = index
            if index and author_of_title(lines[index - 1], line):
                start = index - 1
            elif line.startswith("关于"):
                while (
                    start
                    and index - start < _MAX_JOINT_AUTHORS
                    and _JOINT_AUTHOR.match(lines[start - 1])
                ):
                    start -= 1  # 中共某县委 / 某县人民政府 / 关于…的报告: its authors above it
            return "".join(lines[start:index]) + line, lines[:start] + lines[end:]
    return _title_after_cover_letter(lines)


# A cover letter sent with the report (沪环法〔2023〕1号 / 市委、市政府： / … / 某局 /
# 2023年1月28日), the report's title after it: the letter names an addressee on a line
# of its own (`_ADDRESSEE`) and ends with the sender's date.
_COVER_LETTER_LINES = 16
_SIGNED_DATE = re.compile(r"^(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日$")


def _title_after_cover_letter(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title right after a cover letter at the head of the text, and the lines without
    it; else (None, lines)."""
    head = lines[:_COVER_LETTER_LINES]
    addressed = next((i for i, line in enumerate(head[:3]) if _ADDRESSEE.match(line)), None)
    if addressed is None:
        return None, lines
    for index in range(addressed + 2, len(head) - 1):
        if _SIGNED_DATE.match(head[index]):
            after = lines[index + 1 :]
            if len(after) > 1 and (rest := title_rest(after[0], after[1])):
                after = [after[0] + rest, *after[2:]]  # 某局关于2022年度 / 法治政府建设情况的报告
            title, _ = take_title(after[:1])
            if title is None:
                return None, lines
            return title, lines[: index + 1] + after[1:]
    return None, lines


# A title cut at a line break ends on a word that cannot end one (…工作的, …报告和, …法治) and
# its next line, short and with no punctuation, ends as titles end (…情况报告, 2023年工作思路).
_TITLE_END = re.compile(r"(?:报告|总结|要点|思路|计划|安排|打算|情况|汇报|报告书)$")
_MAX_TITLE_REST = 30
_NOT_IN_TITLE_REST = re.compile(r"[\u3002,\uff0c:\uff1a;\uff1b!?\uff01\uff1f|]")
_SPACED_OUT = 4  # 报 告, 总 结: a last line spaced out to the title's width
# a first heading (一、工作情况), not a title's second line
_NUMBERED = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}\s?[、.\uff0e]|[(\uff08]\s?[一二三四五六七八九十0-9]{1,3}\s?[)\uff09]"
    r"|[0-9]{1,2}\s?[、.\uff0e]|第[一二三四五六七八九十]{1,3}部分)"
)


def title_rest(title: str, following: str) -> str | None:
    """The rest of a title cut at a line break, from the line after it, if that line is it."""
    rest = following.replace(" ", "").replace("\u3000", "")
    if (
        _TITLE_END.search(title)
        or not rest
        or len(following) > _MAX_TITLE_REST
        or _NOT_IN_TITLE_REST.search(following)
        or _NUMBERED.match(following)
        or not _TITLE_END.search(rest)
        or (rest != following and len(rest) > _SPACED_OUT)
    ):
        return None
    return rest


# The authors of a joint report, each on its line above a title that opens with 关于.
_JOINT_AUTHOR = re.compile(
    r"^(?:中共[^\W\d_]{1,16}?委(?:员会)?|[^\W\d_]{1,20}?(?:人民政府|局|委员会|办公室))$"
)
_MAX_JOINT_AUTHORS = 2


# An organisation's name alone on its line (某县人民政府, 某市司法局, 某县人民政府关于).
_AUTHOR_LINE = re.compile(
    r"^[^\W\d_]{1,20}?(?:人民政府|[^\W\d_]{0,12}?(?:局|委员会|委|办公室))(?:关于)?$"
)


def author_of_title(author: str, title: str) -> bool:
    """Is `author`, on the line above a title that names no place, the title's first words
    (某县人民政府 / 2022年度法治政府建设情况报告)?"""
    if not _AUTHOR_LINE.match(author) or region_of(title) is not None:
        return False
    place = region_of(author)
    if place is None:
        return False
    # (a place the gazetteer knows, or a town's short name: not a site column run into it)
    return find_place(place) is not None or (_town_level(place) is not None and len(place) <= 6)


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


# What an official document may carry after its signature and date (its 版记, and what a page
# or an archiver leaves after it): how it is published (（此件公开发布）), whom copies go to
# (抄送：… / 抄报：… / 分送：…), the list of its annexes (附件：1.…), notes (附注：… / 备注：… /
# 注：…), whom to ask (联系人：… / 电话：… / 邮箱：… / 地址：…), its 主题词, who edited, checked
# or sourced the page (来源：… / 责任编辑：… / 审核：… / 校对：…), the page's toolbar (打印 关闭),
# the printing office and date (…办公室 2024年3月1日印发, 共印20份) and the rules drawn between
# them. Each is a key or a set phrase opening a short line, never a sentence of the report:
# stepped over, a bounded number of them, to find the signature.
_KEYED_END_MATTER = (
    r"(?:抄送|抄报|分送|报送|附注|备注|注|联系人|联系电话|联系方式|联系地址|电话|手机|传真|邮箱"
    r"|电子邮箱|电子信箱|邮编|邮政编码|地址|通讯地址|E-?mail|来源|信息来源|文章来源|稿件来源"
    r"|责任编辑|编辑|审核|审校|校对|核稿|撰稿|供稿|摄影)"
)
_PRINT_DATE = (
    r"(?:(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|(?:19|20)\d{2}\s?[-/.]\s?\d{1,2}\s?"
    r"[-/.]\s?\d{1,2}|[〇零○OＯ一二三四五六七八九]{4}\s?年\s?[一二三四五六七八九十]{1,3}\s?月"
    r"\s?[一二三四五六七八九十]{1,3}\s?日)"
)
# …办公室 2024年3月1日印发 (the office may stand on the line above: `_PRINTING_OFFICE`)
_PRINTED = re.compile(
    r"^(?:[^\s\d\u3002,\uff0c;\uff1b:\uff1a]{2,30}\s{0,8})?(" + _PRINT_DATE + r")\s{0,2}印发"
    r"\s{0,2}(?:[(\uff08]?\s?共印\s?\d{1,5}\s?份\s?[)\uff09]?)?$"
)
_PRINTING_OFFICE = re.compile(r"^[^\s\d\u3002,\uff0c;\uff1b:\uff1a]{2,30}(?:办公室|办公厅|秘书处)$")
# 附件：1.… / 附件1： / 附件 (its list on the lines below)
_ANNEX = re.compile(r"^附件\s?[0-9\uff10-\uff19]{0,2}\s?(?:[:\uff1a]|$)")
_TRAILER = re.compile(
    r"^[(\uff08〔【\[]?\s?此件.{0,6}公开.{0,4}$"
    rf"|{_ANNEX.pattern}"
    rf"|^[(\uff08〔【\[]?\s?{_KEYED_END_MATTER}\s?[:\uff1a]"
    r"|^主题词"
    r"|^[(\uff08]?\s?共印\s?\d{1,5}\s?份\s?[)\uff09]?$"
    # the page's toolbar left after the text (打印 关闭, 【打印】【关闭】, [关闭窗口])
    r"|^(?:[\[【(\uff08]?\s?(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|分享)"
    r"\s?[\]】)\uff09]?\s{0,4}[|丨/·]?\s{0,4}){1,6}$"
    # a rule drawn across the page
    r"|^[-_=\u2014\u2015\u2500\u2501\uff0d\uff3f ]{3,80}$"
)
_MAX_TRAILER = 120
# How many end-matter lines may follow a signature (an annex list's items count one each).
_MAX_END_MATTER = 16
# An annex listed under 附件： (1.某某清单 / 2.某某台账): a short numbered line, no sentence.
_ANNEX_ITEM = re.compile(
    r"^(?:[0-9]{1,2}\s?[.\uff0e\u3001]|[(\uff08][0-9]{1,2}[)\uff09])[^\u3002]{1,60}$"
)


def is_trailer_line(line: str) -> bool:
    """A line after the signature that is neither text nor signature (`_TRAILER`, `_PRINTED`)."""
    return len(line) <= _MAX_TRAILER and (
        _TRAILER.match(line) is not None or _PRINTED.match(line) is not None
    )


def printed_on(line: str) -> str | None:
    """The ISO date a copy was printed on, of a 印发 line (…办公室 2024年3月1日印发), else None."""
    match = _PRINTED.match(line) if len(line) <= _MAX_TRAILER else None
    return parse_date(match.group(1)) if match else None


def end_matter_start(lines: list[str]) -> int:
    """Where the end matter after a signature (`is_trailer_line`) begins among `lines`: the
    index after the last line that is not end matter (`len(lines)` when there is none).

    Walks back over at most `_MAX_END_MATTER` lines, in any order: a printing office on the
    line above its 印发 date, and the annexes listed under a 附件 line, count with them."""
    end = at = len(lines)
    while at > 0 and len(lines) - at < _MAX_END_MATTER:
        line = lines[at - 1]
        if _ANNEX_ITEM.match(line) and not is_trailer_line(line):
            at -= 1  # (an annex only under a 附件 line: `end` moves when one heads the list)
            continue
        if at < end and not _ANNEX.match(line):
            break  # numbered lines no 附件 heads: the report's own
        if is_trailer_line(line) or (
            # the office that printed it, on the line above its 印发 date
            _PRINTING_OFFICE.match(line)
            and at < len(lines)
            and (printed := _PRINTED.match(lines[at])) is not None
            and printed.start(1) == 0
        ):
            at = end = at - 1
            continue
        break
    return end


# The units a plan assigns a task to (（牵头单位：市司法局）, 责任单位：市司法局、各县（市、区）
# 人民政府；, （市司法局牵头，市财政局配合）): they carry the task out, and never say who
# issued the document. A unit list runs to its clause's end, a figure or an unopened bracket.
_ASSIGNED_UNITS = re.compile(
    r"(?:牵头|责任|配合|协办|主办|承办|参与|主责|协同|实施)(?:单位|部门)\s?[:\uff1a]"
    r"(?:[^\u3002\uff1b;!?\uff01\uff1f\n\d(\uff08)\uff09]"
    r"|[(\uff08][^\u3002\uff1b;\n\d(\uff08)\uff09]{0,10}[)\uff09]){0,80}"
)
_ASSIGNED_IN_BRACKETS = re.compile(
    r"[(\uff08][^\u3002\uff1b;\n(\uff08)\uff09]{0,60}?(?:牵头|配合|负责|协办|主办|承办|参与)"
    r"[^\u3002\uff1b;\n(\uff08)\uff09]{0,60}[)\uff09]"
)


def without_assigned_units(text: str) -> str:
    """`text` without the units it assigns tasks to (`_ASSIGNED_UNITS`), for finding who
    speaks in it."""
    return _ASSIGNED_IN_BRACKETS.sub("", _ASSIGNED_UNITS.sub("", text))


def is_signature_line(line: str) -> bool:
    """A closing signature line: an organisation's name or a date, alone on its line."""
    if len(line) > 40 or "\u3002" in line or _ASSIGNED_UNITS.match(line):
        return False
    return parse_date(line) is not None or _ORG_SUFFIX.search(line) is not None


def region_of(name: str | None) -> str | None:
    """The region a title or organisation name starts with (泾县人民政府… → 泾县)."""
    if not name:
        return None
    # (read with its year in ASCII digits: 某县二〇二二年… ends its place as 某县2022年… does)
    name = _after_prefix(read_years(name.translate(_BRACKETS)))
    match = _REGION_BEFORE.match(name)
    if match is None:
        town = _TOWN_BEFORE.match(name)
        if town is None or _town_stem(town.group(1)) in _NOT_TOWN_END:
            return None  # 乡镇… / 城镇… / 各街道…: a kind of place, not one
        return town.group(1)
    region = match.group(1)
    follows = name[match.end() : match.end() + 1]
    end = match.end()
    if follows and follows in _ADMIN and find_place(region + follows) and not find_place(region):
        region, end = region + follows, end + 1  # 开州区, 通州区: a division's character inside
        if region[-1] not in "市州盟":
            return region
    if region[-1] not in "市州盟":
        return region
    if (branch := _BRANCH.match(name, end)) and find_place(region + branch.group(1)):
        return region + branch.group(1)  # 某市公安局某区分局: the district's branch
    if sub := _SUBREGION.match(name, end):
        region += sub.group(0)  # 深圳市光明区工业和信息化局: the district, not the city
    return region


def canonical_place(region: str | None) -> str | None:
    """One name per place: 深圳市光明区 → 光明区, 湖北省咸宁市 → 咸宁市 (from the gazetteer;
    for a name it does not hold, the last division the name is made of)."""
    if not region:
        return None
    region = _after_prefix(region) or region
    if _town_level(region):
        return town_name(region)
    if place := find_place(region):
        return common_name(place)
    if place := place_in_text(region):
        return common_name(place)  # words run into the name (网站公告石家庄市, 根据《中共文山州)
    match = _NESTED_REGION.match(region)
    return match.group(1) if match else region


# A report's addressee, alone on its first line: organisations, the last one before a colon
# (中共某州委、某州人民政府: / 市人大常委会:).
_ADDRESSEE = re.compile(
    r"^[^\s\u3002,\uff0c;\uff1b:\uff1a]{2,60}(?:委|委员会|政府|常委会|局|办公室)[:\uff1a]$"
)


def find_metadata(
    *,
    title: str | None,
    preamble: list[str],
    closing: list[str],
    page: dict[str, str],
    headings: list[str],
    end_matter: list[str] | None = None,  # after the signature: only a 印发 date is read
    path: str | None = None,
    header: dict[str, str] | None = None,
    text_head: str = "",
) -> Metadata:
    # the superiors a report is addressed to (中共某州委、某州人民政府:) are not its place
    if preamble and _ADDRESSEE.search(preamble[0]) and text_head.startswith(preamble[0]):
        text_head = text_head[len(preamble[0]) :]
    genre_head = text_head
    # a plan's units named to carry out its tasks (牵头单位：市司法局) are not its issuer
    text_head = without_assigned_units(text_head)
    preamble = [without_assigned_units(line) for line in preamble]
    signature_orgs = [
        line
        for line in closing
        if _ORG_SUFFIX.search(line)
        and len(line) <= 40
        and not is_trailer_line(line)
        and not _ASSIGNED_UNITS.match(line)
    ]
    signature_dates = [d for d in (parse_date(line) for line in closing) if d]

    header = header or {}
    issuer = title_issuer(title)
    if issuer is None and signature_orgs:
        issuer = signature_orgs[-1]
    elif issuer is None:
        issuer = header.get("issuer")

    region = region_of(title) or region_of(issuer)
    if issuer and title and _town_org(issuer, whole=True):
        region = town_name(issuer)  # a town's office wrote it (某区人民政府青禾街道办事处关于…)
    # A 街道 / 镇 / 乡 speaks for itself: its report is its own, whatever larger places (its
    # district, its city) the text also names; a title that names the town leaves its
    # office to the text (青禾街道2024年… / …，青禾街道办事处坚持…).
    if (region is None or (issuer is None and _town_level(region))) and (
        town := town_issuer(preamble, signature_orgs, text_head[:_OPENING])
    ):
        if region is None:
            region, issuer = town_name(town), issuer or town
        elif town_name(town) == town_name(region):
            issuer = town
    if region is None:
        region = next(filter(None, (region_of(org) for org in signature_orgs)), None)
    if region is None:
        region = region_of(page.get("source"))
    if region is None:
        # 政府工作报告 open with "我代表某某区人民政府…"
        for line in [*preamble[:3], text_head[:_OPENING]]:
            if match := _SPEAKING_FOR.search(line):
                region = match.group(1)
                break
    # A file name is not report text: it has not been normalised, and may hold escape
    # sequences or the surrogates of undecodable bytes. Cleaned like report text (its
    # undecodable bytes separate parts), nothing unsafe can reach the region.
    stem = normalize(_UNDECODABLE.sub(" ", PurePath(path).stem)) if path else ""
    name_dependent = bool(stem) and region is None
    if region is None and stem:
        # Last resort: a file saved as "咸宁市2023年法治政府建设情况.txt" names its region.
        stem_parts = (part.lstrip("0123456789") for part in _NAME_PARTS.split(stem))
        region = next(filter(None, (region_of(part) for part in stem_parts)), None)

    # A 印发 date is the day copies were printed for distribution, after the report was
    # signed: never its date when it is signed and dated, nor before the day its page or an
    # archiver says it was made public (what `published` tells, and what on_time checks).
    # Else it is the one date the document gives of its coming out: a user expects that
    # rather than none (and a report's year read from it as from a signature date).
    printed = next(filter(None, map(printed_on, reversed(end_matter or []))), None)
    made_public, made_public_by = _made_public(header, page)
    published = signature_dates[-1] if signature_dates else made_public or printed

    year = _year(title, [*preamble[:3], text_head[:_OPENING]], headings, published, text_head)
    name_dependent = name_dependent or (bool(stem) and year is None)
    if year is None and (match := _FILE_YEAR.search(read_years(stem))):
        year = int(match.group(1))

    if issuer is None and region and _SPEECH_OPENING.search(text_head[:_OPENING]):
        issuer = f"{region}人民政府"  # "我代表某某区人民政府，向大会报告…"
    # 全镇… 2022年某某镇组织…: a town names itself; when its opening, before the first
    # heading, does so (我镇在某县委的领导下…), before the county or city it also names
    town = town_in_text(text_head) if region is None else None
    if town and _SELF_LEVEL.search("".join(preamble)[:_OPENING]):
        region = town
    # 市司法局… / 我市… / 依法治盟: a report that names itself by its level word is not
    # of a place above that level (the province a city's department names first)
    level = self_level(text_head[:_OPENING]) if region is None else None
    keep = functools.partial(not_above, word=level) if level else None
    if region is None and level and (named := place_it_speaks_as(text_head, level)):
        region = common_name(named)  # 我市… 咸宁市…: the city, not the district it names
    if region is None and (named := place_in_text(text_head[:_OPENING], keep)):
        region = common_name(named)  # the opening names the place (我代表坪山区人民政府…)
    if region is None and town:
        region = town
    if region is None and (named := most_named_place(text_head, keep=keep)):
        region = common_name(named)  # the place the text names most, more than once
    if region is None and level and level not in "市省":
        # 盟委、行署… 《某盟…方案》: the one place of its level the text names
        at_its_level = functools.partial(at_level, word=level)
        if named := place_in_text(text_head, at_its_level):
            region = common_name(named)
    # 市司法局深入…: a city's department, its city named only short (在某某日报开设…)
    if region is None and level == "市" and (city := city_named_short(text_head)):
        region = city.name
    opening = text_head[:_OPENING]
    genre = genre_of(title, genre_head[:_OPENING], genre_head)
    # a news story's subject (光明区政府召开…) held the meeting; it did not issue the story
    if issuer is None and region and not reads_as_news(title, genre_head[:_OPENING], genre_head):
        issuer = (
            opening_issuer(opening, region)
            or government_source(region, title, page.get("source") or header.get("source"))
            or sector_head(opening, region)
        )
        if (
            issuer is None
            and genre == GENRE_RULE_OF_LAW_GOVERNMENT
            and place_speaks(opening, region)
        ):
            issuer = government_of(canonical_place(region) or region)
    if issuer and region:
        issuer = with_place(issuer, canonical_place(region) or region)
        issuer = by_full_name(issuer, region)
    issuer = with_parents(
        issuer,
        [page.get("source"), header.get("source"), header.get("issuer"), *signature_orgs],
        "\n".join([text_head, *closing]),
    )
    # a namesake (龙华区: 深圳 or 海口) is told apart by the places the report names
    context = "\n".join(
        filter(None, [title, issuer, page.get("source"), header.get("source_url"), *closing])
    )
    url = header.get("source_url") or page.get("source_url")
    located = locate(region, context + "\n" + text_head, url)
    place = located.place
    region = canonical_place(region)
    display = title or invented_title(region, year, genre)
    return Metadata(
        display,
        region,
        year,
        published,
        issuer,
        page.get("source") or header.get("source"),
        genre=genre,
        issuer_level=issuer_level_of(issuer, title),
        doc_number=header.get("doc_number"),
        source_url=header.get("source_url"),
        province=place.province if place else None,
        region_level=located.level or _town_level(region),
        city=(place.city or None) if place else None,
        region_ambiguous=located.ambiguous,
        # the day it was made public, which the 1 April rule is about: a report signed on
        # 3月20日 and put online on 5月6日 was not public before 1 April
        made_public=made_public,
        made_public_by=made_public_by,
        name_dependent=name_dependent,
    )


def _made_public(header: dict[str, str], page: dict[str, str]) -> tuple[str | None, str | None]:
    """(ISO date, its label) of the day the report was made public: the archiver's header's
    or else the page's 发布时间 / 发布日期; a 成文日期 (the day it was written) only when
    neither gives a date of its going online."""
    found: tuple[str | None, str | None] = (None, None)
    for values in (header, page):
        label = values.get("published_by") or "发布时间"
        if values.get("published") and better_date(found[1], label):
            found = (values["published"], label)
    return found


def place_it_speaks_as(text_head: str, level: str) -> Place | None:
    """The place a report that names itself by a level word (我市… / 市司法局…) speaks as:
    one of that level, the one it names most, a mention in its opening counting twice
    (named twice in all, or once there), or None. The places of other levels it names are
    mentioned in passing: a city's report names its districts and its province, a
    district's its city."""
    keep = functools.partial(_of_level, word=level)
    # (the opening read twice: its mentions count twice, and come first among equals)
    return most_named_place(text_head[:_OPENING] + "\n" + text_head, keep=keep)


def _of_level(place: Place, word: str) -> bool:
    return at_level(place, word) and not_above(place, word)


# An organisation named right after its place, as the subject of the opening sentence
# (2023年，某市司法局在市委…领导下…); not one after 在 / 和 (在某市司法局的指导下), nor
# one a sentence speaks of (区调解委员会被评为…: honoured, not reporting).
_ORG_AFTER_PLACE = re.compile(
    r"(?:人民政府|(?:(?!政府)[^\W\d_的与及在]){0,10}?(?:局|委员会|办公室|厅)"
    # a commission by its short name (卫生健康委, 发展改革委), not the party's 市委 / 区委
    r"|(?:(?!政府)[^\W\d_的与及在]){2,8}?委(?![员会]))(?![的和与及、被])"
)
_NOT_SUBJECT_BEFORE = "在和与及对由经向"
# A department of a province by its name alone at a clause's start (2021年，司法厅坚持…).
_BARE_PROVINCE_DEPARTMENT = re.compile(
    r"(?:^|[\u3002\uff0c,\uff1a:\uff1b;]|年度?)\s?(?![在和与及对由经向全本我各省])"
    r"([^\W\d_]{2,8}?厅)(?![的和与及、被])"
)


def opening_issuer(opening: str, region: str) -> str | None:
    """The organisation an untitled report's opening names as the subject of its own
    voice: the first subject it names, after the report's place (…，前进区教育局深入开展…)
    or by its level word (2022年，市司法局坚持…; …，区政府坚持… → its government). None
    when the first is the place itself (2023年，我市坚持…) or its party committee and
    government together (区委区政府高度重视…): a unit a later sentence names
    (区司法局亦定期召集…) is mentioned in passing, not the report's author."""
    place = canonical_place(region) or region
    subjects: list[tuple[int, str | None]] = []
    for name in sorted({region, place}, key=len, reverse=True):
        at = opening.find(name)
        while at != -1:
            if at == 0 or opening[at - 1] not in _NOT_SUBJECT_BEFORE:
                match = _ORG_AFTER_PLACE.match(opening, at + len(name))
                if match is not None:
                    subjects.append((at, name + match.group(0)))
                elif _GOVERNMENT_SUBJECT.match(opening, at + len(name)):
                    # 2017年，某区政府认真贯彻…: as the report names it
                    subjects.append((at, name + "政府"))
            at = opening.find(name, at + 1)
    # 2022年，市司法局坚持…: the place's own level word stands for it, at a clause's start
    # (…的监督支持下，区政府坚持…: the government, by its full name)
    level = place[-1]
    for match in _LEVEL_SUBJECT.finditer(opening):
        if match.group(1) != level:
            continue
        if org := _ORG_AFTER_PLACE.match(opening, match.end()):
            subjects.append((match.start(1), place + org.group(0)))
        elif _GOVERNMENT_SUBJECT.match(opening, match.end()):
            subjects.append((match.start(1), place + "人民政府"))
    # 2021年，司法厅坚持…: a 厅 is a province's alone, so a province's report names it bare
    if place.endswith(("省", "自治区")):
        for match in _BARE_PROVINCE_DEPARTMENT.finditer(opening):
            subjects.append((match.start(1), place + match.group(1)))
    # the place itself, or its party committee and government together, speaking (which of
    # the two issued the text it does not say): in a text that never calls itself 我局 /
    # 本单位 (a department's)
    if not _DEPARTMENT_SELF.search(opening):
        for match in _JOINT_GOVERNMENT.finditer(opening):
            at = match.start()
            if match.group(1) == level and (at == 0 or opening[at - 1] not in _NOT_JOINT_BEFORE):
                subjects.append((at, None))
        if (voice := _place_voice(opening, region)) is not None:
            subjects.append((voice, None))
    return min(subjects, key=lambda subject: subject[0])[1] if subjects else None


# 区委区政府 / 市委、市政府 as a clause's subject (区委区政府高度重视…), not as those a
# unit is led by or follows (在区委区政府的领导下, 落实市委市政府部署, 按照区委、区政府要求).
_JOINT_GOVERNMENT = re.compile(
    r"([省市县区州旗盟])委[、和及]?\1(?:人民)?政府(?![办网门工的和与及、领部要决统关指号])"
)
_NOT_JOINT_BEFORE = "在和与及对由经向照据按为把将助配实彻从"


# What makes an opening a department's, whatever place it names: it calls itself 我局 / 本单位,
# or its subject is a sector (全区司法行政系统…).
_DEPARTMENT_SELF = re.compile(r"[我本](?:局|委(?!员)|厅|办(?!法)|单位|部门)")
# Where an opening's first clause may start: its start, after a year (2023年，), a comma, or
# the superiors it was led by (在市委、市政府的正确领导下，).
_CLAUSE_BREAK = set("\uff0c,\uff1a:\uff1b;\u3001 \u3000\n年度下")
_SENTENCE_BREAK = _CLAUSE_BREAK | set("\u3002!?\uff01\uff1f")
# After a place, what makes the words an organisation of it, not the place itself (某县委,
# 某县人大, 某县党委 …), or a sector of it (全区司法行政系统).
_NOT_PLACE_ITSELF = set("委人党")
_SECTOR_AFTER = re.compile(r"[^\W\d_]{2,8}?系统")


def place_speaks(opening: str, region: str) -> bool:
    """Whether the place itself is the subject of an opening's first sentence (2023年，某县
    坚持… / …领导下，我县深入… / 全镇法治政府建设工作始终坚持…), and the opening is no
    department's (我局…, 全区司法行政系统…): a place's rule-of-law-government report that
    speaks as the place is its government's."""
    sentence = opening.split("\u3002", 1)[0]
    if _DEPARTMENT_SELF.search(sentence) or _SECTOR.search(sentence):
        return False
    return _place_voice(sentence, region) is not None


def _place_voice(text: str, region: str) -> int | None:
    """Where `text` first names the place itself as a clause's subject (某县坚持… / 我县深入…
    / 全镇…), not an organisation of it (某县委…, 我县司法局…) nor a sector (全区…系统), or
    None."""
    place = canonical_place(region) or region
    level = _town_level(place) or place[-1]
    first = None
    for name in {region, place, "我" + level, "全" + level, "本" + level}:
        at = text.find(name)
        while at != -1 and (first is None or at < first):
            end = at + len(name)
            if (
                (at == 0 or text[at - 1] in _SENTENCE_BREAK)
                and text[end : end + 1] not in _NOT_PLACE_ITSELF
                and _ORG_AFTER_PLACE.match(text, end) is None
                and _GOVERNMENT_SUBJECT.match(text, end) is None
                and _SECTOR_AFTER.match(text, end) is None
            ):
                first = at
                break
            at = text.find(name, end)
    return first


def government_of(place: str) -> str:
    """A place's government by its full name: 某县人民政府, 某街道办事处, 某盟行政公署."""
    if place.endswith("街道"):
        return place + "办事处"
    if place.endswith("盟"):
        return place + "行政公署"
    return place + "人民政府"


def by_full_name(issuer: str, region: str) -> str:
    """A government named by its place alone (青禾镇) or short (某区政府) by its full name
    (青禾镇人民政府, 某区人民政府), as most reports and their readers name it; any other
    issuer as it is."""
    for place in {region, canonical_place(region) or region}:
        if issuer == place or issuer == place + "政府":
            return government_of(place)
    return issuer


_PROVINCE_LEVELS = ("省", "自治区", "直辖市", "特别行政区")

# A site's masthead: its name and the day's date (某市某区人民政府 2019年12月3日星期二).
_MASTHEAD_DATE = re.compile(r"\s{0,3}(?:19|20)\d{2}\s?[年/.-]")


def with_place(issuer: str, place: str) -> str:
    """An issuer named by its level word alone (区卫生健康委关于…) with the report's place
    (九龙坡区卫生健康委), as the other reports name theirs; else the issuer as written."""
    if issuer[0] in _ADMIN and place.endswith(issuer[0]) and region_of(issuer) is None:
        return place + issuer[1:]
    return issuer


def with_parents(issuer: str | None, names: list[str | None], text: str) -> str | None:
    """The issuer by the fuller name the page, the signature or the text gives the same
    organisation, its place named with its parents (环翠区卫生健康局 published by
    威海市环翠区卫生健康局, 《某市某区卫生健康委员会关于…》 in the text) as its official
    name; else the issuer as written."""
    place = region_of(issuer)
    if not issuer or not place or not issuer.startswith(place):
        return issuer
    located = find_place(place)
    if located is None or common_name(located) != canonical_place(place):
        return issuer
    province = "" if located.level in _PROVINCE_LEVELS else located.province
    parents = sorted(
        {p for p in (province + located.city, located.city, province) if p}, key=len, reverse=True
    )
    for name in names:
        if name and name[: -len(issuer)] in parents and name.endswith(issuer):
            return name
    for prefix in parents:
        at = text.find(prefix + issuer)
        while at != -1:
            end = at + len(prefix) + len(issuer)
            if not _MASTHEAD_DATE.match(text, end):
                return prefix + issuer
            at = text.find(prefix + issuer, end)
    return issuer


# A report naming itself by its level word alone: 我市 / 本县 / 依法治盟.
_SELF_NAMED = re.compile(r"(?:[我本]|依法治)([省市县区州旗盟])(?![级里内外])")


# A document the opening cites (根据《中共某市委依法治市办关于…的通知》要求): its words are
# the citing body's, not the report's own voice (bounded: no 《 or 》 inside, 200 at most)
_CITED_TITLE = re.compile(r"《[^《》]{0,200}》")


def self_level(opening: str) -> str | None:
    """The level an opening names its own place by (市司法局坚持… / 我市… / 依法治盟), or None;
    never by the words of a document it cites."""
    opening = _CITED_TITLE.sub("《》", opening)
    if level := opening_level(opening):
        return level
    # 我县 before 依法治X: 在市委依法治市办的指导下，我县… names its superior's office first
    match = _OWN_NAMED.search(opening) or _SELF_NAMED.search(opening)
    return match.group(1) if match else None


_OWN_NAMED = re.compile(r"[我本]([省市县区州旗盟])(?![级里内外])")


# 全区司法行政系统… 我局承担…司法局…职能: a department's report names the sector it heads as
# the subject and itself as 我局 / 我委, in a sentence that names the department.
_SECTOR = re.compile(
    r"(?:^|[\u3002\uff0c,\uff1a:\uff1b;]|年度?)\s?全([省市县区州旗盟])([^\W\d_]{2,8}?)系统"
)
_OUR_OFFICE = re.compile(r"我(局|委)(?!员)[^\u3002]{0,60}")


def sector_head(opening: str, region: str) -> str | None:
    """The department that heads the sector an opening names as its subject, when the
    sentence it calls itself 我局 in names that department (2019年，全区司法行政系统…
    我局承担…司法局…职能 → 某区司法局), or None."""
    place = canonical_place(region) or region
    sector = _SECTOR.search(opening)
    if sector is None or not place.endswith(sector.group(1)):
        return None
    field = sector.group(2)
    fields = {field, field.removesuffix("行政")} - {""}  # 司法行政系统 is headed by the 司法局
    for ours in _OUR_OFFICE.finditer(opening):
        for name in fields:
            department = name + ours.group(1)
            if department in ours.group(0):
                return place + department
    return None


def opening_level(opening: str) -> str | None:
    """The level an opening names its subject by alone (2022年，市司法局坚持… → 市), or None."""
    for match in _LEVEL_SUBJECT.finditer(opening):
        if _ORG_AFTER_PLACE.match(opening, match.end()) or _GOVERNMENT_SUBJECT.match(
            opening, match.end()
        ):
            return match.group(1)
    return None


# 政府 as a clause's subject (区政府坚持…), not 政府办公室 / 政府工作报告 / 政府的….
_GOVERNMENT_SUBJECT = re.compile(r"政府(?![办网门工的和与及、])")


# A level word opening a clause (，市司法局… / 2022年区教育局…).
# 现将市司法局2019年…报告如下: the body that reports, named where it hands its report over.
_LEVEL_SUBJECT = re.compile(
    r"(?:^|[\u3002\uff0c,\uff1a:\uff1b;]|年度?|现将)\s?([省市县区州旗盟镇乡])"
)


_GOVERNMENT_OFFICE = re.compile(r"^(\S{2,20}?人民政府)(?:办公室|办公厅)?$")


def government_source(region: str, title: str | None, source: str | None) -> str | None:
    """The government of a report whose title names its place and no department, when the
    page says that government published it (来源: 某区人民政府办公室, or the place alone:
    发布机构: 青禾镇), or None."""
    if not title or not source or department_of(title) is not None:
        return None
    if source == region:
        return source  # the place publishes its own report under its name
    match = _GOVERNMENT_OFFICE.match(source)
    if match is None:
        return None
    government = match.group(1)
    if canonical_place(region_of(government)) != canonical_place(region):
        return None
    return government


# Towns are not in the gazetteer: a report of one calls itself 全镇 / 我镇 / 本乡 and names
# itself, two characters or more before the level word, more than once.
# Or names its own party committee by the level word alone, as a clause's subject
# (，街道党工委、办事处… / 。镇党委、镇政府…).
_SELF_LEVEL = re.compile(
    r"[我全本](镇|乡|街道)|(?:^|[\u3002\uff0c,\uff1a:\uff1b;])(镇|乡|街道)(?:党工委|党委)"
)
# What stands before a level word without being part of a town's name (乡镇, 城镇, 到镇…).
_NOT_TOWN_END = set("我全本各乡城村集到该此小古名重每个等和与及的在了、")
_TOWN_MENTIONS = 2


# A town's government or party committee, named as one: 青禾镇人民政府, 东湖街道办事处,
# 某市某区青禾镇党委 (its larger places before it, as a signature writes them).
_TOWN_ORG = re.compile(r"([^\W\d_]{2,20}?(?:镇|乡|街道))(?:人民政府|政府|办事处|党工委|党委)")
# Where a clause's subject starts: the text's start, after punctuation or a year (2022年，…
# / 2022年青禾镇…), not inside a phrase (在青禾镇… / 协助青禾镇…).
_CLAUSE_START = set("\u3002\uff0c,\uff1a:\uff1b;\uff01!\uff1f? \u3000\n年来")
# What a town's name does not start with (各镇人民政府, 全乡, 我街道, 该镇, 乡镇…), nor hold
# (督促各街道党工委…: a verb and its object, not a name).
_NOT_TOWN_START = set("各全我本该每乡在和与及对由经向协配指请")
_NOT_IN_TOWN = set("各每该的了在向经对")
_MAX_TOWN_STEM = 6
# The larger places a town is written after (眉山市彭山区公义镇 is 公义镇), and the government
# whose agency a 街道办事处 is (某区人民政府青禾街道办事处 is 青禾街道's).
_TOWN_NAME = re.compile(
    r"^(?:[^\W\d_]{1,8}?(?:省|自治区))?(?:[^\W\d_]{1,8}?[市州盟])?(?:[^\W\d_]{1,8}?[市区县旗])?"
    r"(?:人民政府)?([^\W\d_]{2,8}?(?:镇|乡|街道))$"
)


def _town_stem(town: str) -> str:
    """A town's name without its level word (青禾镇 → 青禾, 东湖街道 → 东湖)."""
    return town[: -2 if town.endswith("街道") else -1]


def town_name(name: str) -> str:
    """A town's own name, without the larger places before it or its organisation after
    it (某市某区青禾镇人民政府 → 青禾镇)."""
    if org := _TOWN_ORG.fullmatch(name):
        name = org.group(1)
    match = _TOWN_NAME.match(name)
    return match.group(1) if match else name


def _town_org(text: str, *, whole: bool) -> str | None:
    """The town organisation `text` is (whole) or that opens one of its clauses, or None."""
    for match in _TOWN_ORG.finditer(text):
        at, end = match.start(), match.end()
        if whole and (at != 0 or end != len(text)):
            continue
        if at > 0 and text[at - 1] not in _CLAUSE_START:
            continue
        if text[at] in _NOT_TOWN_START or text[end : end + 1] in (":", "\uff1a", "的"):
            continue  # an addressee (…街道办事处：) or a phrase (青禾镇政府的指导下)
        stem = _town_stem(town_name(match.group(0)))
        if len(stem) > _MAX_TOWN_STEM or not _NOT_IN_TOWN.isdisjoint(stem):
            continue
        return match.group(0)
    return None


def town_issuer(preamble: list[str], signatures: list[str], opening: str) -> str | None:
    """The 街道办事处 / 镇人民政府 / 乡人民政府 that issues a report, or None: the one that
    signs it, stands alone on a line above its text, or is the subject of its opening
    (…，青禾街道办事处坚持…). A report signed by anyone else is not a town's."""
    if signatures:
        return _town_org(signatures[-1], whole=True)
    for line in preamble[:_TITLE_LINES]:
        if len(line) <= 40 and (org := _town_org(line, whole=True)):
            return org
    for line in [*preamble[:3], opening]:
        if org := _town_org(line[:_OPENING].split("\u3002", 1)[0], whole=False):
            return org
    for line in [*preamble[:3], opening]:
        # (2023年，青禾街道在区委的领导下…: the town by its name alone, its opening's subject)
        if subject := _TOWN_SUBJECT.search(line[:_OPENING].split("\u3002", 1)[0]):
            name = subject.group(1)
            stem = _town_stem(name)
            if (
                name[0] not in _NOT_TOWN_START
                and len(stem) <= _MAX_TOWN_STEM
                and _NOT_IN_TOWN.isdisjoint(stem)
            ):
                return government_of(name)
    return None


# A town named alone as the subject of a report's opening sentence, first, after its year
# or after the superiors it was led by (2023年，青禾街道坚持…, 青禾镇在县委的领导下…,
# 在区委区政府的坚强领导下，青禾街道深入…), a verb or a preposition after it.
_TOWN_SUBJECT = re.compile(
    r"(?:^|(?:19|20)\d{2}年(?:以来|度)?[\uff0c,]\s?|[领指]导下[\uff0c,]\s?)"
    r"([^\W\d_]{2,8}?(?:街道|镇|乡))"
    r"(?=在|坚持|以|深入|认真|全面|围绕|紧紧|始终|紧扣|聚焦|按照|着力|持续|积极|扎实|大力|立足)"
)


def _town_level(region: str | None) -> str | None:
    """镇 / 乡 / 街道 for a town's name, which the gazetteer does not hold; else None."""
    if region and find_place(region) is None:
        return next((level for level in _TOWN_LEVELS if region.endswith(level)), None)
    return None


def town_in_text(text: str) -> str | None:
    """The town (镇 / 乡 / 街道) a report is about, when the text refers to itself by that
    level and names one town of it more than once; else None."""
    self_level = _SELF_LEVEL.search(text)
    if self_level is None:
        return None
    level = self_level.group(1) or self_level.group(2)
    stems: Counter[str] = Counter()
    before: dict[str, set[str]] = {}
    at = text.find(level)
    while at != -1:
        stem = text[max(0, at - 2) : at]
        if len(stem) == 2 and all(_is_han(ch) for ch in stem) and stem[-1] not in _NOT_TOWN_END:
            stems[stem] += 1
            before.setdefault(stem, set()).add(text[at - 3] if at >= 3 else "")
        at = text.find(level, at + len(level))
    if not stems:
        return None
    stem, count = stems.most_common(1)[0]
    if count < _TOWN_MENTIONS:
        return None
    (first,) = before[stem] if len(before[stem]) == 1 else ("",)
    if _is_han(first) and first not in _NOT_TOWN_END and first != "年":
        stem = first + stem  # a three-character name, written so each time
    return stem + level


def _is_han(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def _year(
    title: str | None,
    preamble: list[str],
    headings: list[str],
    published: str | None,
    text: str = "",
) -> int | None:
    """The year a report covers: the one its title, opening or first headings name, in any
    digits (2023年, ２０２３年, 二〇二三年), else the year before its date (or its own, late),
    else the one year its sentences open with, more than once (…。2022年我镇组织…)."""
    title = read_years(title) if title else title
    preamble, headings = (
        [read_years(line) for line in preamble],
        [read_years(line) for line in headings[:3]],
    )
    if title and (match := _YEAR.search(title)):
        return int(match.group(1))
    for line in preamble[:4]:
        if match := _AS_FOLLOWS_YEAR.search(line[:_OPENING]):
            return int(match.group(1))
    for line in preamble[:3] + headings[:3]:
        if match := _LEADING_YEAR.match(line) or _YEAR.search(line[:12]):
            return int(match.group(1))
    # a flat text: its opening sentences, where a line would have started
    for line in preamble[:4]:
        for sentence in _AFTER_STOP.split(line[:_OPENING]):
            if match := _LEADING_YEAR.match(sentence.strip()):
                return int(match.group(1))
    if published:
        # Reports come out in the first months of the next year, or late in their own.
        year, month = int(published[:4]), int(published[5:7])
        return year if month >= 11 else year - 1
    opening_years = [int(year) for year in _SENTENCE_YEAR.findall(read_years(text))]
    if len(opening_years) >= 2 and len(set(opening_years)) == 1:
        return opening_years[0]
    return None


# A year a sentence opens with (…。2022年我镇新制发…), not one inside a sentence or a range.
_SENTENCE_YEAR = re.compile(
    r"(?:^|[\u3002\uff1b;!?\uff01\uff1f])\s?((?:19|20)\d{2})\s?年(?![\d—\-至])"
)


# -- an archiver's key-value header -------------------------------------------------------

_HEADER_LINE = re.compile(
    r"^(标题|题目|发布时间|发布日期|成文日期|文号|发文字号|发布机构|发文机关|来源|信息来源|栏目|"
    r"原文链接|原文地址|链接|索引号|主题分类|体裁分类)\s?[:\uff1a]\s?(.{0,500})$"
)
_HEADER_KEYS = {
    "标题": "title",
    "题目": "title",
    "发布时间": "published",
    "发布日期": "published",
    "成文日期": "published",
    "文号": "doc_number",
    "发文字号": "doc_number",
    "发布机构": "source",  # who put it on the site, often not its author
    "发文机关": "issuer",
    "来源": "source",
    "信息来源": "source",
    "原文链接": "source_url",
    "原文地址": "source_url",
    "链接": "source_url",
}
_URL = re.compile(r"^https?://[^\s\"'<>]{1,2000}$")
_HEADER_DATE = re.compile(r"^(\d{4})\s?[-年/.]\s?(\d{1,2})\s?[-月/.]\s?(\d{1,2})")
_MAX_HEADER_LINES = 16


def take_header(lines: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """A key-value header an archiver wrote before the body (标题: … / 发布时间: … / 原文链接: …).

    Returns its values (``title``, ``published`` as an ISO date and ``published_by`` its
    key, 发布时间 rather than 成文日期 when both are given, ``doc_number``,
    ``issuer``, ``source``, ``source_url``; empty values left out), its lines and the
    lines after it. Only a run of at least two such lines at the top counts."""
    values: dict[str, str] = {}
    count = 0
    for line in lines[:_MAX_HEADER_LINES]:
        match = _HEADER_LINE.match(line)
        if match is None:
            break
        count += 1
        # (a value ends where a key run into it begins: 来源：县司法局发布时间：…)
        key, value = _HEADER_KEYS.get(match.group(1)), before_next_key(match.group(2))
        if key == "published":  # (its 发布时间 before its 成文日期, whichever comes first)
            date = _HEADER_DATE.match(value)
            iso = date and iso_date(*(int(g) for g in date.groups()))
            if iso and better_date(values.get("published_by"), match.group(1)):
                values["published"], values["published_by"] = iso, match.group(1)
            continue
        if key is None or not value or key in values:
            continue
        if key == "source_url" and not _URL.match(value):
            continue
        values[key] = value
    if count < 2:
        return {}, [], lines
    return values, lines[:count], lines[count:]


# -- genre and issuer -----------------------------------------------------------------------

GENRE_RULE_OF_LAW_GOVERNMENT = "法治政府建设报告"
GENRE_RULE_OF_LAW = "法治建设报告"
GENRE_GOVERNMENT_WORK = "政府工作报告"
GENRE_WORK_PLAN = "工作要点"
GENRE_OTHER = "其他"

# Mentions that make an untitled text a report of that kind.
_GENRE_MENTIONS = 3
_SPEECH_OPENING = re.compile(r"各位代表|向大会(?:作|报告)|请予审议")
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办|厅|中心|院|所|队|站|处|署|馆|集团|公司)$")
_GOVERNMENT = re.compile(r"(人民政府|政府|街道办事处)$")  # a 街道办事处 governs its town
_DEPARTMENT_IN_TITLE = re.compile(
    r"^(\S{2,30}?(?:局|委员会|委|办公室|厅|中心|院|署|所|站|队|街道办事处))(?= ?(?:关于|\d|年度|法治|依法))"
)


# A news story about the work (a meeting held, a visit paid), not a report of it: its
# headline names the event (…召开…推进会), its lede opens with the day (5月11日下午，…, 近日，…),
# it quotes the meeting (会议指出 / 会议强调) or names its reporter (记者, 本报讯). A title that
# names a report (…情况报告, …工作要点) is a report's, whatever meetings it speaks of.
_NEWS_EVENT = re.compile(
    r"召开|举行|举办|开幕|闭幕|召集|调研|督导|督察|督查|视察|考察|走访|宣讲|会见|座谈|部署|启动|观摩"
    r"|揭牌|开展|(?:推进|动员|部署|调度|工作|专题|培训|通报|述法|评议)会议?$"
)
_NEWS_LEDE = re.compile(
    r"^(?:(?:19|20)\d{2}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?日(?:至\d{1,2}日)?"
    r"(?:上午|下午|晚上|晚间|早上|中午|晚)?\s?[\uff0c,]"
    r"|^(?:近日|日前|昨天|昨日|今天|今日|连日来)\s?[\uff0c,]"
)
# (a report says its government's meetings 听取 / 审议 / 传达 things and units 作交流发言:
# no sign)
_NEWS_MARKER = re.compile(
    r"会议(?:指出|强调|要求)|(?:出席|主持)(?:会议)?并(?:讲话|致辞)|主持会议|记者|通讯员"
    r"|(?:本报|本网|本台|新华社)讯"
)
_NAMES_A_REPORT = re.compile(r"(?:报告|总结|汇报|要点|情况|计划|方案|安排|打算|思路)$")
_MAX_HEADLINE = 50
_NEWS_TEXT = 1_500
_NEWS_SIGNS = 2
_NOT_IN_HEADLINE = re.compile(r"[\u3002\uff1b;!?\uff01\uff1f:\uff1a]")


def reads_as_news(headline: str | None, opening: str, text_head: str) -> bool:
    """Whether a text is a news story (`_NEWS_EVENT`…): its headline (its title or first
    line) naming an event or its opening a dateline, and two signs in all."""
    if headline and _NAMES_A_REPORT.search(headline):
        return False
    event = bool(
        headline
        and len(headline) <= _MAX_HEADLINE
        and _NEWS_EVENT.search(headline)
        and not _NOT_IN_HEADLINE.search(headline)
    )
    dateline = _NEWS_LEDE.match(opening) is not None
    if not (event or dateline):
        return False
    markers = {match.group(0) for match in _NEWS_MARKER.finditer(text_head, 0, _NEWS_TEXT)}
    return event + dateline + len(markers) >= _NEWS_SIGNS


def news_headline(lines: list[str]) -> str | None:
    """The first of `lines` when it is the headline of a news story the others tell (an
    untitled text: 光明区召开2023年法治政府建设推进会 / 5月11日下午，…会议指出…), else None."""
    if len(lines) < 2:
        return None
    headline = lines[0]
    if (
        len(headline) > _MAX_HEADLINE
        or _NOT_IN_HEADLINE.search(headline)
        or _NUMBERED.match(headline)
        or parse_date(headline) is not None
    ):
        return None
    text = "".join(lines[1:])
    return headline if reads_as_news(headline, text[:_OPENING], text) else None


# Where a dateline may open a flat text's lede, right after its headline (…推进会 5月11日下午，…).
_DATELINE = re.compile(_NEWS_LEDE.pattern.replace("^", ""))


def flat_news_headline(line: str) -> tuple[str, str] | None:
    """A flat text's first line split into the headline of the news story it is and the
    story (…推进会 5月11日下午，…会议指出…: the headline ends at a space or where the
    dateline begins), or None."""
    ends = {at for at, char in enumerate(line[: _MAX_HEADLINE + 1]) if char in " \u3000"}
    ends.update(match.start() for match in _DATELINE.finditer(line, 0, _MAX_HEADLINE + 8))
    for end in sorted(ends):
        headline, story = line[:end].strip(), line[end:].strip()
        if headline and story and news_headline([headline, story]):
            return headline, story
    return None


def genre_of(title: str | None, opening: str, text_head: str) -> str:
    """What the document is: a 法治政府建设 report, a department's 法治建设 report, a
    政府工作报告, a 工作要点, or other (a news story about one: `reads_as_news`). Read
    from the title, else from the opening words."""
    if reads_as_news(title, opening, text_head):
        return GENRE_OTHER
    if title:
        if "政府工作报告" in title:
            return GENRE_GOVERNMENT_WORK
        if "要点" in title and not title.endswith(("报告", "总结")):
            return GENRE_WORK_PLAN  # a plan, not a report (…情况暨…工作要点的报告 is one)
        if "法治政府" in title or "依法行政" in title:
            return GENRE_RULE_OF_LAW_GOVERNMENT
        if "法治" in title or "依法治" in title:
            return GENRE_RULE_OF_LAW
        return GENRE_OTHER
    if _SPEECH_OPENING.search(opening):
        return GENRE_GOVERNMENT_WORK
    if text_head.count("法治政府") >= _GENRE_MENTIONS:
        return GENRE_RULE_OF_LAW_GOVERNMENT
    if text_head.count("法治") >= _GENRE_MENTIONS:
        return GENRE_RULE_OF_LAW
    return GENRE_OTHER


def issuer_level_of(issuer: str | None, title: str | None) -> str | None:
    """``government`` for a 人民政府, ``department`` for a 局 / 委 / 办 …, else None."""
    name = issuer
    if name is None and title and (match := _DEPARTMENT_IN_TITLE.match(title)):
        name = match.group(1)
    if not name:
        return None
    if _GOVERNMENT.search(name):
        return "government"
    if _DEPARTMENT.search(name):
        return "department"
    return None


# A town's office right after the government it is an agency of (某区人民政府|青禾街道办事处).
_TOWN_AGENCY = re.compile(r"[^\W\d_]{2,8}?(?:街道办事处|镇人民政府|乡人民政府)")


def title_issuer(title: str | None) -> str | None:
    """Who the title names as the report's author: a 人民政府, else a department."""
    # 【某市司法局】2022年…, 2022年某县人民政府…, 中共某县委某县人民政府关于…
    title = _after_prefix(read_years(title.translate(_BRACKETS))) if title else title
    if title and (match := _ISSUER.match(title)):
        if agency := _TOWN_AGENCY.match(title, match.end()):
            return agency.group(0)  # 某区人民政府青禾街道办事处关于…: the district's agency
        return match.group(1)
    for part in title.split()[1:] if title else ():
        if match := _ISSUER.match(part):
            return match.group(1)  # 中共某县委 某县人民政府关于…: a joint report's government
    return department_of(title)


def department_of(title: str | None) -> str | None:
    """The department a title names as its author (深圳市光明区发展和改革局关于…)."""
    title = _after_prefix(read_years(title.translate(_BRACKETS))) if title else title
    if title and (match := _DEPARTMENT_IN_TITLE.match(title)):
        return match.group(1)
    return None


_INVENTED = {
    GENRE_RULE_OF_LAW_GOVERNMENT: "法治政府建设情况",
    GENRE_RULE_OF_LAW: "法治建设情况",
    GENRE_GOVERNMENT_WORK: "政府工作报告",
    GENRE_WORK_PLAN: "工作要点",
    GENRE_OTHER: "(无标题)",
}


def invented_title(region: str | None, year: int | None, genre: str) -> str:
    """The display title of a document without one: its place, year and what it is."""
    parts = [region or "未知地区", f"{year}年" if year else "", _INVENTED[genre]]
    return " ".join(p for p in parts if p)
