"""What was done to a counted noun: 清理 312 documents is not 评估 10 of them.

A count of documents or cases (件, 份, 项 …) measures an act on them: 审查, 清理, 备案审查,
评估, 制定 …. Reports write the act before the noun (审查规范性文件67件) or after it
(对312件规范性文件进行全面清理, 10件规范性文件进行了实施后评估, 完成30件规范性文件的备案
审查). `act_before` and `act_after` find it, in one normal form (审核 is 审查, 出台 is 制定),
so that two figures whose subjects reduce to the same noun pair across reports only when
what was done to it agrees too (`govread.figures.match_figures`).
"""

from __future__ import annotations

import re

# Each act with the ways it is written; longer forms first, so 备案审查 is not 备案 + 审查.
_FORMS: dict[str, tuple[str, ...]] = {
    "备案审查": ("备案审查", "备案审核"),
    "审查": ("合法性审查", "合法性审核", "审查", "审核"),
    "清理": ("清理",),
    "评估": ("评估",),
    "制定": ("审议通过", "制定", "出台", "印发", "起草"),
    "备案": ("备案", "报备"),
    "废止": ("废止", "宣布失效"),
    "修改": ("修改", "修订"),
    "公布": ("公布", "发布", "公开"),
    "纠错": ("纠错", "纠正"),
}
_NORMAL = {form: act for act, forms in _FORMS.items() for form in forms}
_ALTERNATION = "|".join(sorted(_NORMAL, key=len, reverse=True))
_ACT = re.compile(_ALTERNATION)
# after the counted noun: a linking verb or 的, up to six characters of manner (全面, 实施后),
# then the act; a clause mark or a number ends the search
_LINK = r"(?:的|进行了?|予以|开展了?|接受了?|完成了?)"
# An act that names itself as one (合法性审查, 备案审查) needs no link (完成18件规范性文件合法性
# 审查); nor does one said after a list of counts, of each of them (18件规范性文件、6件合同
# 合法性审查: the documents were reviewed too).
_SELF_NAMED = "合法性审查|合法性审核|备案审查|备案审核"
_ACT_AFTER = re.compile(
    r"(?:、\d{1,6}[件份项][^,，。;；:：、!！?？\d\n]{1,12}?)?"
    f"(?:{_LINK}[^,，。;；:：、!！?？\\d\\n]{{0,6}}?({_ALTERNATION})|({_SELF_NAMED}))"
)


def act_before(clause: str) -> str:
    """The act written last in the clause before a number (审查 of 全年共审查…规范性文件等),
    normalised; "" when there is none."""
    found = ""
    for match in _ACT.finditer(clause):
        found = match.group()
    return _NORMAL.get(found, "")


def act_after(text: str, at: int) -> str:
    """The act written right after a counted noun ending at `at` (进行了实施后评估,
    的备案审查), normalised; "" when none follows."""
    match = _ACT_AFTER.match(text, at)
    return _NORMAL[match.group(1) or match.group(2)] if match else ""


# An act named after 的 with at most four characters of manner before it (的备案审查, 的全面清理).
_NAMED = re.compile(r"[^的\d]{0,4}?(?:" + _ALTERNATION + ")")


def names_act(phrase: str) -> bool:
    """Whether `phrase` is an act and nothing else (备案审查, 全面清理, 合法性审核): after
    N件X的, it says what was done to X, which the measure word counts."""
    return _NAMED.fullmatch(phrase) is not None
