"""Figures in report text: numbers with units, their subject, and figures matched across reports.

The one finder of figures: the detail pane highlights what it finds (`figure_spans`), and
compare, export and the indicators use its `Figure` records. "出庭应诉率达100%" gives
出庭应诉率 = 100 %; "审查行政规范性文件67件" gives 审查行政规范性文件 = 67 件; "调解成功9833件,
成功率98.9%" gives 调解成功 = 9833 件 and 调解成功率 = 98.9 % (a bare rate borrows the subject
before it in the same sentence). "参考率、合格率均为92%" gives two figures, one per rate;
"压缩至0.5至1.5个工作日" gives both ends, marked as a range; "压减至50和85个工作日" gives 50 and
85 个工作日. When the words before a number are a verb phrase, the subject is the counted noun
after it ("共办理27宗以县政府为被告的行政诉讼案件" → 行政诉讼案件); when the number ends its
clause, the adverbs and managing verbs that open the clause are not part of the subject
("进一步优化调整政府权力清单和公共服务清单共计5139项" → 政府权力清单和公共服务清单). 万/亿 are multiplied out
(千 too, before a measure word: 1千余条), 余/多/近/超/约/以上 and a bound (不低于50%) mark the
value approximate, and the text as written is kept. Only Arabic numerals count: Chinese
numerals in this genre are slogans and names (三项制度, 十四五, 八五普法, 第三批), not counts.
Years, dates, ordinals, document numbers (〔2023〕5号), hotline numbers (12345) and numbers in
《titles》 or short quoted names (“三个100%”) are not figures; 年 counts only as a duration
(连续25年).

Every pattern here is bounded: no repetition nests or overlaps another, so a hostile
paragraph costs time linear in its length.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources

from govread.acts import act_after, act_before, names_act
from govread.cancelling import check
from govread.indicators import generic_subjects, indicator_for_subject
from govread.parsers.flat import word_classes
from govread.parsers.model import Item, Report, Section

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人. A few take a
# look-ahead so the first character of a following word is not read as a unit (部门, 人民).
_UNITS = (
    # 3个多小时, 一个多月: the 多 of "more than" inside the measure word (see _UNIT_BASE)
    "个多(?:月|小时|工作日|季度|百分点)",
    "个百分点",
    "百分点",
    "个工作日",
    "个?班次",  # classes of training (安排法治内容13个班次), as 场次, 批次
    "个工作小时",  # 8个工作小时: the hours of a working day, counted as 个工作日 is
    "工作小时",
    "微克/立方米",
    "微克每立方米",  # the same unit in words
    # a count per item or per person (平均申请材料为1.96个/件, 人均培训2.5次/人): both measure
    # words of the count's own, one per unit before it; never a list of counts (3个/5个)
    "[个件项次份]/(?:件|次|人|户|项)(?![\\d次])",
    "[μ\u00b5]g/m[3\u00b3]",  # the micro sign as many pages write it (µg/m3), ³ as others do
    "mg/m[3\u00b3]",
    "平方公里",
    "平方米",
    "公顷",
    "千瓦时",
    "万?千瓦",
    "个月",
    "个季度",
    # person-days (参加培训4649人次天): people times the days each attended; not 天津
    "人次?天(?!津)",
    "人次",
    "家次",
    "场次",
    "节次",  # lessons taught (授课280节次), hours of training (课时, 学时)
    "课时",
    "学时",
    "户次",
    "件次",
    "项次",  # checks or services counted item by item (提供法律服务30余项次)
    "车次",
    "辆次",  # vehicles checked each time (检查车辆12800辆次), as 台次
    "架次",  # flights (无人机巡查120架次)
    "台次",  # vehicles or machines checked each time (检查运输车辆689台次)
    "批次",
    "轮次",  # rounds (完成“四类案卷”2轮次全覆盖评查)
    "艘次",
    "标箱",
    "元",
    "美元",
    "港元",
    "欧元",
    # 40件(次), 17期(次): the first measure, 次 in brackets saying one may be counted twice
    "[件项期场户家][(\uff08]次[)\uff09]",
    "户",
    "%",
    "\uff05",
    "‰",
    "件",
    "项",
    "人[(\uff08]次[)\uff09]",  # 2.5万人(次): 人次 as tables write it
    "人(?![民员大])",
    "个",
    "家(?!庭|长(?!者))",  # (26907家长: parents, no firms; 4家长者食堂 are canteens)
    "次(?!年)",
    "宗",
    "条(?!例)",
    "部(?![门署分委])",  # (4部委表彰: ministries, a name of who awarded)
    "名(?!单(?!位)|称)",  # (名单, 名称: words; 70余名|单位主要负责人 is a count)
    "起(?![草来])",
    "场(?![所景地])",
    "期(?!间)",
    "卷",
    "份",
    "支(?!持)",
    "所(?![有以])",
    "处(?![罚理置])",
    "篇",
    "幅(?![度员面])",  # banners, posters (悬挂横幅27幅); never 幅度, 幅员
    "面(?![积向对临上貌孔料值额前子])",  # flags, boards (锦旗2面, 宣传栏36面); never 面积 …
    # letters (收到群众表扬信8封); never 封闭, 封存 …
    "封(?![闭堵存控顶面底装条锁口])",
    "集(?![中体团成约市镇聚合])",  # episodes of a series (普法动漫25集)
    "单(?![位独一元项次据])",  # orders, tasks (抽取检查任务917单)
    "字(?![号样段典幕母体])",  # characters written or translated (翻译任务25万余字)
    "包(?![括保联案干片村抓容裹含办])",  # lots of a tender (合同总数25包); never 包括, 包保 …
    "方面",
    "大类",  # 5大类环保突出问题: classes (大 stresses them), counted as 类 (see _UNIT_BASE)
    "大项",
    "小类",  # 4大类、53小项: the items of the classes, as 类 and 项 (see _UNIT_BASE)
    "小项",
    "类",
    "批",
    "种(?![植养子苗类草])",
    "册",
    "本(?![级地])",
    "套",
    "座",
    "栋",
    "块(?![钱])",
    "台(?!账)",
    "辆",
    "顶(?![层格岗端尖级住替用])",  # tents (帐篷54顶); not 顶层, 顶格 …
    "艘",
    # animals (收缴野生动物活体980只, 生猪500头, 增殖放流鱼苗20万尾); not 只需, 头条, 尾款 …
    "只(?![需有是能要限读])",
    "头(?![条版部号等雁羊])",
    "尾(?![款数号声部矿气水])",
    "张",
    "枚",  # seals, badges (电子印章183枚)
    "间(?![隔断歇])",  # premises, rooms (抽检公共场所196间): as Guangdong's reports count them
    "笔(?![记试录者画墨])",  # transactions, loans (知识产权质押融资14笔)
    "轮",
    "组(?![织建成合长团员件委])",  # sets, teams (41组业务套餐, 分3组); never 组织, 组建 …
    "路(?![线径段口面])",
    "位(?![于置列居])",
    "倍",
    "票(?!据)",  # votes (满意25票)
    "天",
    "日(?=内)",  # 承诺7日内办结: days, as 天 (a date's 日 has 月 before it: see _numbers)
    "小时",
    "分钟",
    "分(?![钟别之类局期批区管批工])",  # a score (考核得分95.5分); never a time of day (see _numbers)
    "公里",
    "千米",
    "亩",
    "吨",
    "公斤",  # (销毁…炸药5457.6公斤: a weight, as 吨)
    "千克",
    "年(?![度底初末中])",
    # bodies and places counted with no measure word (省级6部门和6市6县, 教育局等6单位):
    # counted in 个
    "部门",
    "部委",  # (交通运输部等4部委表彰: ministries, as 部门)
    "单位",
    "市(?![民场级直属委政区县长内外属容本])",
    "县(?![级域委政城区市长内外本])",
)
# …and each is what it counts
_COUNTED_BY_NAME = frozenset({"部门", "部委", "单位", "市", "县"})
# Units written otherwise than their base unit: the figure keeps what is written.
_UNIT_BASE = {
    **{"大类": "类", "大项": "项", "小类": "类", "小项": "项", "微克每立方米": "微克/立方米"},
    **{"人(次)": "人次", "人（次）": "人次"},
    **{f"{unit}{bracketed}": unit for unit in "件项期场户家" for bracketed in ("(次)", "（次）")},
    "个多小时": "小时",
    **{f"个多{unit}": f"个{unit}" for unit in ("月", "工作日", "季度", "百分点")},
    **dict.fromkeys(_COUNTED_BY_NAME, "个"),
}
# 百分百, 百分之百: a whole share written in words, read as 100%. The groups are _FIGURE's,
# so a match of either is read alike (the 百 that closes it stands as the unit).
_HUNDRED_PERCENT = re.compile(
    r"(?P<pre>(?!))?(?P<num>百分之?)(?P<approx1>(?!))?(?P<mag>(?!))?(?P<approx2>(?!))?"
    r"(?P<unit>百)(?![分万亿千])(?P<post>以上)?"
)
# Words that end with 约 (签约, 节约, 预约 …): the 约 before a number there is no "about",
# and no word of a subject to strip.
_WORD_BEFORE_YUE = "签节制公条预合契邀履违集相特如失解租婚简隐守践毁民"  # 民: 村规民约
_MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "万": 10**4, "亿": 10**8, "千": 10**3}


def _unit_starts(units: Sequence[str]) -> str:
    """The characters a unit of `units` can start with (each entry's first character, or
    the characters of its opening bracket set), escaped for a character class."""
    starts: set[str] = set()
    for unit in units:
        starts.update(unit[1 : unit.index("]")] if unit.startswith("[") else unit[0])
    return "".join(re.escape(c) for c in sorted(starts))


# Groups of three digits after a comma, half- or full-width (２，５００人次: the search folds ，
# to , so it finds 2,500 there), before a magnitude or any unit that counts them (3,456起,
# 1,234宗, 12,345.6万元: QA, read as no figure at all when the look-ahead named a dozen units
# and no decimals): one number.
_NUMBER = (
    r"\d{1,3}(?:[,\uff0c]\d{3}){1,5}(?:[.\uff0e]\d{1,8})?(?=\s?[万亿余多"
    + _unit_starts(_UNITS)
    + r"])"
    r"|\d{1,16}(?:[.\uff0e]\d{1,8})?"
)
# Pages and PDF extractions often write one space between a number and what follows it
# (1.3 万件, 240 余人次, 25 票): one space is read through before each part.
# The look-ahead first: a figure starts with a digit or one of its words of approximation,
# and a pattern that opens with a character set lets the engine skip to such a character.
_FIGURE = re.compile(
    r"(?=[约近超逾将接不\d])"
    r"(?P<pre>约|近|超过|超|逾|将近|接近|不到|不足)?"
    # (a letter right before a number makes it a name, 5G, PM2.5, unless it is a grade of its
    # own, B30%C60%: _numbers keeps only a share after one)
    # (and after 届 it is a session's number: 六届33次区政府常务会议)
    # (连续第4年: the 第 of an ordinal year still counts the years; see _numbers)
    r"(?:(?<![\d.\uff0eA-Za-z第届屆〔\[×*])|(?<=[^A-Za-z][A-E])|(?<=连续第))(?<!\d,)(?<!第 )"
    r"(?P<num>" + _NUMBER + r")(?![\d.\uff0e])"
    r"(?: ?(?P<approx1>余|多))?"
    # (千 only before a measure word or 余/多 and one: 1千余条; not 千米, 千克, 千瓦, a unit)
    r"(?: ?(?P<mag>万亿|千万|百万|万|亿|千(?=[余多]?(?:"
    + "|".join(u for u in _UNITS if not u.startswith(("米", "克", "瓦")))
    + r"))))?"
    r"(?P<approx2>余|多)?"
    r"(?P<unit> ?(?:[%\uff05‰]|" + "|".join(_UNITS) + r"))?"
    r"(?P<post>以上|以下|以内|左右|多(?![\u4e00-\u9fff])|多(?=[来的时以后前里中内]))?"
)
# The name of a measure with no unit right before its value (综合指数, 律师数达到, 指标,
# 复议诉讼比值达2.6, 复议诉讼比为1.8).
_UNITLESS_HOST = re.compile(r"(?:指数|系数|指标|数|比值|诉讼比)(?:为|是|达到|达|约为|约)?$")
# What joins two numbers of one series: a range (0.5至1.5个工作日) or a list (50和85个工作日).
_RANGE_JOIN = re.compile(r"\s?(?:至|到|-|—|–|~|\uff5e)\s?")
# (29%和 32%: a page's space, as for ranges; 分别下降12.6%和下降2.8%: the change said again)
_LIST_JOIN = re.compile(r"\s?(?:和|与|及|、)\s?(?:下降|增长|上升|提高|提升|增加|减少|降低)?")
# Between a count of sessions and a count of attendance, what makes the second the
# attendance of the first (45期、4500人次; 45期共4500人次)
_ANOTHER_MEASURE = re.compile(r"[、，,](?:共计|合计|共)?|共计|合计|共")
_SESSIONS = frozenset({"期", "场", "场次", "次", "班", "批", "批次", "轮", "堂", "课", "节"})
_ATTENDANCE = frozenset({"人次", "人", "名"})
# A count of times right after 每 and a period (每月2次, 每两月1次) is a frequency, not a figure.
_HOW_OFTEN = frozenset({"次", "轮", "轮次"})
# Measure words of groups: a count of items right after one (3类12项任务, 2批15个项目) counts
# what the groups are of.
# (8方面37项…考核指标: aspects of the measures; 11批次166人: batches of people)
_GROUPS = frozenset({"类", "批", "批次", "种", "方面"})
# What may stand between the groups' count and the items' (nothing, a list mark, 共)
_GROUP_JOINS = frozenset({"", "、", "共"})
_FREQUENCY = re.compile(r"每[^\d每,\uff0c。;\uff1b、]{1,3}$")
# 年 is a figure only as a duration: 连续25年, 累计3年; otherwise it is a year or a period.
_DURATION = ("连续", "累计", "持续", "长达", "历时", "已达", "连获")
# 连获省政府5年督查激励: the duration word a few words before a duration of one or two digits
_DURATION_BEFORE = re.compile(
    r"(?:连续|累计|持续|连获)[^\d,\uff0c。;\uff1b、:\uff1a“”《》()\uff08\uff09\s]{1,6}$"
)
_DURATION_REACH = 8  # characters before the years where such a word is looked for


def _lasting_far_before(before: str) -> bool:
    """Whether the text before a count of years ends with a duration word a few words back
    (连获省政府|5年), not right before it (连续25年: `_DURATION`)."""
    return _DURATION_BEFORE.search(before, max(0, len(before) - _DURATION_REACH)) is not None


_LASTING = frozenset({"年", "个月", "个季度"})  # after 连续…: what lasted may end with a change
_PERCENT = frozenset({"%", "\uff05", "‰", "个百分点", "百分点"})
_MONEY = frozenset({"元", "美元", "港元", "欧元"})
# Units of time (a rate after one is measured within it: 15天签约率99.6%, see _TIMED_RATE).
_TIMES = frozenset({"天", "日", "个工作日", "个工作小时", "工作小时", "小时", "分钟", "个月"})
# Units after which the next words are not the counted noun (100%, 3300万元, 5个工作日).
_NO_NOUN_AFTER = _PERCENT | _MONEY | _TIMES | {"个季度", "倍"}
# A share said as the rate an act keeps to (全年按3%比例抽取, 以10%的比例抽查): the act's 比例
_BY_RATIO_OPENS = ("按", "按照", "以")
_BY_RATIO = re.compile(r"的?比例(?P<act>[\u4e00-\u9fff]{2})")
# The last characters of names of sums (印制费, 罚款, 奖金, 金额, 资金)
_SUM_ENDS = frozenset("费款金额")
# What a sum of money is named (the subject's end) when 万 or 亿 comes with no unit after it
_SUM_NAMES = re.compile(
    r"(?:资金|经费|金额|资产|补贴|补助|奖金|罚款|罚没款|税款|费用|投资|款项|赔偿金|标的额?)$"
)
# A sum right before the funds it is (安排150万元专项资金, 发放2万元补贴): they are counted.
_FUNDS_AFTER = re.compile(r"[^,\uff0c。;\uff1b、\d]{0,10}?(?:资金|经费|补贴|补助|奖补|奖金)")
# A unit after one of these is part of a time or a date (22时30分, 3月7日内), no count.
_CLOCK_BEFORE = {"分": ("时", "点"), "日": ("月",)}
# A time that names a service's reach (15分钟政务服务圈, 1小时经济圈), quoted or not.
_CIRCLE_TIMES = frozenset({"分钟", "小时"})
_CIRCLE = re.compile(r"[^,\uff0c。;\uff1b、\d“”]{0,10}?圈")
# 24小时 before a service or a duty names it as round the clock (24小时自助服务区, 24小时应急值班
# 值守制度, 7×24小时在线): no duration (在24小时内答复 is one)
_ROUND_THE_CLOCK = re.compile(
    r"(?:不打烊|不断线|不间断|全天候|自助|值班|值守|应急|在线|服务|热线|营业|便民|政务|监控|监测|无人|"
    r"接诉|受理|响应)"
)
_PUNCT = r",\uff0c。;\uff1b:\uff1a!\uff01?\uff1f()\uff08\uff09〈〉【】\[\]\n\t \u3000"
_BOUNDARY = re.compile(f"[{_PUNCT}]")
_CLAUSE_MARKS = frozenset(",\uff0c。;\uff1b")  # what ends a clause, as `_CLAUSE_END` reads
_NOUN_END = re.compile(f'[{_PUNCT}\u201c\u201d"、《》]')
_CLAUSE_END = re.compile(r"[,\uff0c。;\uff1b、\s]|$")
_QUOTES = re.compile(r"[“”\"‘’'《》]")
_TITLE = re.compile(r"《[^《》]{0,200}》|〔[^〔〕]{0,40}〕|\[[^\[\]]{0,40}\]")
_MAX_SUBJECT = 24
_QUOTED_NAME = 8  # a quoted name, at most (“一件事一次办”); longer, a slogan of a kind
# A cause of action after a count of cases (1起|案由为…): what the cases were
_CAUSE_OF_ACTION = re.compile(r"案由(?:均|都)?(?:为|是)([^,\uff0c。;\uff1b、\d]{2,24})")
_QUOTED_CHAIN = 60  # how far quoted names in a row are read after a count (“…”“…”“…”等)
_MAX_CLAUSE = 80  # a subject is looked for in at most this many characters before a number
# Words that open a subject but say nothing of what is counted (stripped repeatedly).
# "This city" (本市, 本区 …): who speaks, as 我市, not what is counted.
_THIS_PLACE = ("本市", "本区", "本县", "本省", "本镇")
_LEAD_WORDS = (
    "另一方面",  # (一方面…, 另一方面…: how the sentence is laid out, not what is counted)
    "一方面",
    "针对",  # 针对国家推出的132个通办事项: what the act was aimed at, then what it was
    "今年以来",
    "本年度",  # this year, as 今年 and 年度
    "本年",
    # what is left of a date cut at its number (截至11月底, 2020年以来): when, not what
    "年以来",
    "以来",
    "月底",
    "月初",
    "月末",
    "月中旬",
    "月上旬",
    "月下旬",
    "月份",
    "日起",
    "前三季度",
    "上半年",
    "下半年",
    "市本级",
    "其中",
    "包括",  # (…项目62件,包括法律类项目24件: what follows is one of the parts)
    "此外",
    "同时",
    "并且",
    "年度内",  # (2025年度内累计办件: within the year, when, not what)
    "年度",
    "全年",
    "今年",
    "当年",
    "年内",
    "全市",
    "全县",
    "全区",
    "全省",
    "全国",
    "全镇",
    "全乡",
    "全州",  # an autonomous prefecture, a banner, a league: the whole place, as 全市
    "全旗",
    "全盟",
    "全街道",
    "全系统",
    "全局",  # the whole office (全局执法人员持证比例): who, not what; not 全局性 (guarded)
    "辖区内",  # where, not what (辖区内学校共47所)
    "系统内",
    "在全省",  # where and how soon, not what (在全省率先建成…中心1个)
    "在全市",
    "在全区",
    "在全县",
    "在全国",
    "率先",
    "最终",  # when, at the end of a process (最终确定保留…): not what is counted
    "截至目前",  # now (目前已建成…): when, as 最终
    "截止目前",  # the same, as many reports write it
    "年初至今",  # since the year began (年初至今开展谈心谈话69人次): when
    "年初以来",
    "在去年",  # when, not what (在去年实现…的基础上): the year before, as 今年 this one
    "去年",
    "目前",
    "现已",
    "如今",
    "眼下",
    "至今",
    "迄今",
    "相当于",  # what a multiple is compared with (超过当前空地的3倍 → 当前空地)
    "超过",
    "争取",  # an aim, not what is counted (力争引进…企业10家以上)
    "力争",
    "我市",  # who speaks, not what is counted (我区副职以上…负责人出庭46宗)
    "我区",
    "我县",
    "我省",
    "我镇",
    "我街道",
    "我乡",
    "我州",
    "我旗",
    "我盟",
    "我局",  # the reporting body (我局现行有效规范性文件53件): who speaks, as 我区
    "我委",
    "我厅",
    "我办",
    *_THIS_PLACE,  # the same said of the place (本区共有…, 组织本市…巡讲)
    "共有",  # 全区共有律师120名 (not 共有产权: guarded below)
    "拥有",  # 全市拥有律师1073人: what there is, as 共有
    "共计",
    "总计",
    "合计",
    "累计",
    "先后",
    "相继",  # one after another, as 先后: how, not what
    "陆续",
    "分别",
    "以及",
    "实现",
    "但是",  # a conjunction opens the clause, it names nothing
    "但",
    "而且",
    "、",
    "/",
    "年",
    "或",  # (组织开展|或|直接参与…: the other of two acts, joined)
    "且",
    "与",
    "另",
    "还",
    "又",
    "已经",  # 我县已经实现…: an adverb, as 已 (before it, so 经 is not left)
    "已",
    "均",
    "对其",  # to it (对其进行…): a pronoun's preposition, nothing of what is counted
)
# A period before a subject says when, not what (连续五年国家工作人员…, 三年来…); a bare
# 三年 is left alone (三年行动计划 is a name). An inline enumerator (一是制定规范性文件9件,
# 二是…) numbers the point, it names nothing either (not 是否).
_LEAD_PERIOD = re.compile(
    r"(?:(?:连续|累计|持续|近)[〇一二三四五六七八九十两\d]{1,4}(?:年|个月)(?:来|以来)?"
    r"|[〇一二三四五六七八九十两\d]{1,4}(?:年|个月)(?:来|以来)"
    r"|[一二三四五六七八九十]{1,2}是(?![否非])"
    r")"
)
# Verbs that issue or carry out what is counted (出台优化法治环境17条措施), or say that it
# happened (发生…事故66起, 产生办件99件): the subject is what follows them. Verbs that are part of what is
# counted (审查, 办理, 调解) stay.
_LEAD_VERBS = ("出台", "推出", "实施", "落实", "推行", "印发", "发生", "产生")
# A leading word that is part of the next one when this character follows (共有产权住房).
_LEAD_NOT_BEFORE = {
    "共有": "产",
    "去年": "同",  # 去年同期: the basis of a comparison, kept with it
    "年": "轻龄鉴报货薪检",
    "全局": "性观意",
    "我办": "理",
    "或": "者许缺多",  # 或者, 或许, 不可或缺, 或多或少: words of their own
    "对其": "中他它余",  # (对其中…, 对其他…: of some of them, 其中 opens what is counted)
    # 全市性会议: citywide, part of the name
    **dict.fromkeys(("全市", "全县", "全区", "全省", "全国", "全镇", "全乡", "全系统"), "性"),
    **dict.fromkeys(("全旗", "全盟", "全街道"), "性"),
    "全州": "县性",  # (全州县: a county of 广西 by its name)
}  # 年轻干部, 年报 …
# The characters after 共 in a word that starts with it (共享, 共同, 共识, 共产党, 共青团 …): no
# "in all"
_GONG_WORDS = "享同治商性识产青"
_LEAD_GUARDED = {
    "并": "购联网轨列存行发",  # (并联审批: a name's; as `_ALSO_ACT` reads no joining 并 there)
    # now (现区级保留的…事项): not 现代, 现场, 现行, 现有 (read as what there is) …
    "现": "代场行金有状实象役任职货价存在身阶今时况钞汇房值成出形眼",
    "和": "解",
    "及": "时格",  # (及时; 及格率: a pass rate, no "and")
    "共": _GONG_WORDS + "有建",
    "等": "级",
    "为": "民",
    # a pronoun (其于合规出台, 其所属单位): its, of what the sentence is about; not 其他, 其余 …
    "其": "他它余实次间后中",
    # a preposition left at the start (于合规出台…): not 于是, nor the place names 于都, 于洪
    "于": "是都洪田",
    # an aspect particle left by a verb dropped before it (出台了《…》等长效机制5件); not 了解 …
    "了": "解结断却得不无",
    "有": "效关序力机害偿利些的所望意线色奖毒为形限声名",  # 全县有中小学校63所; not 有效, 有关 …
    # what a change is done to, put first (将审批时限压缩至20个工作日); not 将近, 把关 …
    "将": "近军来要士领乐",
    "把": "关握手控脉柄",
    # what a share was brought to (使规范性文件的报备及时率达到100%); not 使用, 使命 …
    "使": "用命者馆节劲",
    # what a count before took of the phrase (12个政府部门|的执法案卷120卷), or a list's mark
    "的": "确士",
    "、": "",
}
# Two characters after a guarded one that make it a word of its own again: 共建成 is 共 (in
# all) and 建成 (built), not 共建 (built together)
_LEAD_UNGUARDED = frozenset({"建成", "建立"})
_TRAIL_WORDS = (
    "进一步",  # 审批时间进一步|压缩至30分钟: how the change went, before its verb
    "分别为",
    "分别达",
    "均为",
    "均达",
    "均实现",  # 完成比例、监管比例均实现100%: each came to it
    "全部实现",
    # a mean said of the value, not its name (申请材料由平均|77项, 压缩至平均|3个工作日,
    # 办理时间平均|3天); before 均, which 平 guards
    "平均",
    "均",  # 审核率、备案率均达到100%
    "全部",  # 参考率、合格率全部达到100%: all of them, as 均
    "都",
    "一年",  # 联合检查一年|2次: how often in a year, no part of the name
    "每年",  # 检查频次为每年|1-2次: as 一年
    "双",  # 持证上岗率、培训覆盖率双100%: both of them, as 均
    "突破",
    "已达",
    "高达",  # 申报率高达86.22%: how high, no part of the name
    "达到",
    "共计",
    "总计",
    "合计",
    "总共",  # 律师总共有120名: a total, as 共计 (stripped before 有 and 共 leave 总)
    "累计",
    "分别",
    "先后",  # 常委会先后4次…: how often, said before the count
    "全市",
    "全县",
    "全区",
    "全省",
    "下降至",
    "降低至",
    "降至",
    "提升至",
    "提高至",
    "上升至",
    "增加至",
    "增长至",
    "增至",
    "压减至",
    "压缩至",
    "减少至",
    "减至",
    "下降到",
    "降低到",
    "降到",
    "提升到",
    "提高到",
    "上升到",
    "增加到",
    "增长到",
    "压减到",
    "压缩到",
    "减少到",
    "扩大到",
    "扩大至",
    "扩至",
    "扩展到",
    "扩展至",
    "调整为",
    "调整至",
    "调整到",
    "缩小到",
    "缩小至",
    "缩短到",
    "缩短至",
    "延长到",
    "延长至",
    "超过",
    "控制在",  # how the value is held (失业率控制在3%以内): not its name
    "保持在",
    "稳定在",
    "维持在",
    "保持",
    "维持",
    "连续第",  # (连续第4年: the years running, as 连续)
    "连续",
    "持续",
    "长达",
    "历时",
    # how little time or how few (仅用|2个月完成…, 投诉仅|3件): no part of the name (not
    # 用时 alone: 审批用时 names a time)
    "仅用",
    "仅",
    # a time adverb of "now" between the subject and its predicate (顾问团现有17人, 线索目前已
    # 全部办结): when, never part of the name; 现有 before 有 (发现有, 实现有: guarded)
    "现有",
    "现已",
    "已",  # …目前已, 现已: an adverb before the verb cut off; no name ends with it
    "目前",
    "当前",
    "现在",
    "如今",
    "眼下",
    "至今",
    "迄今",
    "、",
    "/",
    # a range's dash (10-20天: what the first end's subject is, the last's is too)
    "-",
    "—",
    "–",
    "~",
    "\uff5e",
    "以及",
    "和",
    "与",
    "及",
    "达",
    "为",
    "共",
    "计",
    "约",
    "近",
    "超",
    "逾",
    "至",
    "到",
    # what it was before a reform (设立企业的时间由改革前的21个工作日…): when, as 原来
    "改革前",
    "整改前",
    "实施前",
    # when, not what (出庭应诉率首次达到100%, 满意率始终保持…): an adverb before the verb
    "首次",
    "再次",
    "始终",
    "一直",
    # how it changed or held (败诉率“断崖式”下降至5.22%, 利用率稳定保持在93%以上): the
    # manner of the verb, no part of what is measured
    "断崖式",
    "跨越式",
    "井喷式",
    "爆发式",
    "稳定",
    "由原来",  # a change from what it was before (绿化覆盖率由原来的41.2%提升到…): 原来 says when
    "从原来",
    "由过去",  # (企业开办由过去的2天…: when, as 原来)
    "从过去",
    "由",  # a change from → to: 签约率由61%提高至88%
    "从",
    "有",
    "是",
    "了",
    "的",
    "等",
    "在",  # 活跃度在95%以上: where the value stands, not its name
    "暨",  # 6次部党组会暨12次…: a conjunction, as 和
    "一道",  # 与…4个地级市一道: what closes "together with", not part of the name
    "一起",
    # adverbs between the subject and its count: 讲座各2次 (each), 投诉数量也从…下降 (too)
    "各",
    "也",
)
# The characters before 及 in a word that ends with it (普及, 涉及, 惠及, 以及 …): no "and"
_WORDS_ENDING_JI = "普涉危波提触企顾论以惠遍累得"
# The characters before 在 in a word that ends with it (存在, 所在, 现在 …): no "at"
_WORDS_ENDING_ZAI = "存所现实正自内外好旨意潜"
# A trailing word that ends a longer word too: 及 of 普及, 涉及 (not a conjunction there).
_TRAIL_GUARDED = {
    "都": "首成京古故帝国",  # (首都, 成都: a city, no "all")
    "及": _WORDS_ENDING_JI,
    "由": "自理缘经来事案",  # (新案由: a cause of action, 案由; but 备案|由: see below)
    "从": "服顺随跟无听",
    # 签约, 节约, 违法行为, 收到 …: words that end with 约/为/到, no "about", "is" or "to"
    "约": _WORD_BEFORE_YUE,
    "为": "行作认成称改更较最极因以",
    "到": "收接受得做报迟感想遇",
    "计": "设统会估审预生伙",  # 场景设计, 统计, 审计: words that end with 计, not 共计's
    "均": "人平户日年月",  # 人均, 平均 …
    "平均": "人户日年月",  # (人平均, 年平均: per whom or when, kept with the value's name)
    "在": _WORDS_ENDING_ZAI,
    "现有": "发实体出兑表呈再涌",  # 发现有…, 实现有…: 现 ends the verb before 有
    "稳定": "会局全",  # (社会稳定, 大局稳定, 安全稳定: a name's own end)
    "维持": "议",  # (复议维持1件: the outcome of a review counted, no "kept at")
}
# Words ending in a guarding character, after which the guarded word is free again
# (企业投资项目备案|由3个工作日压缩至…: 备案 then 由, not 案由)
_GUARD_WORDS_BEFORE = frozenset({"备案", "立案", "结案", "办案", "方案", "档案", "提案", "议案"})
# The words of a change named after its subject: never stripped, the subject keeps its
# direction (营业收入增长15%, 刑事警情下降17%: without it a fall reads as a level, and a rise
# pairs with another report's fall).
_TRAIL_CHANGE = ("提升", "提高", "下降", "降低", "增长", "增加", "减少", "缩短", "上升")
# The words dropped from a subject before comparing it with another report's subject (同比
# before a change too: a year's report says 增长 of the year before either way, 地区生产总值同比
# 增长 is 地区生产总值增长); a
# character that is such a word alone is kept inside a word (平均, 人均, 行为, 达标, 公共, 共享:
# PM2.5平均浓度 is no PM2.5平浓度, the key a table shows when no indicator names the figure).
# (The look-ahead names the characters a match can start with: the engine skips the rest.)
_KEY_NOISE = re.compile(
    r"(?=[达为共总累全市县今各年均已的同予加给进\d\s])"
    r"(?:(?:予以|加以|给予|进行了?)(?=[^\d\s]{2})|同比(?=[增下降减提上])|达到|(?<![到送下发表传抵通转直])达(?![标成])|(?<![行作认成视因以更人称])为(?![民主止])"
    r"|共计|总计|累计|"
    f"(?<!公)共(?![{_GONG_WORDS}]|建(?![成立]))"
    r"|全年|全市|全县|全区|全省|市本级|市级|县级"
    r"|今年以来|各级|\d{4}年度?|年度|(?<![平人户日])均(?![衡等值匀])|已|的|\s)"
)
_PREPOSITIONS = ("对", "向", "给", "将", "把", "为", "对全市")


def _verb_then_result(subject: str) -> bool:
    """The subject ends with a verb and its result complement 好 (持续建设好, 用好): a predicate
    whose object is the counted noun after the number."""
    if len(subject) < 3 or not subject.endswith("好"):
        return False
    verb = subject[:-1]
    return _is_verb(verb[-2:]) or verb.endswith(_VERB_END_BY_LAST.get(verb[-1], ()))


def _before_object(subject: str) -> bool:
    """The subject ends with a preposition whose object is the count (对312件…), not with
    a word that ends in one (违法行为, 作为)."""
    return subject.endswith(_PREPOSITIONS) and not (
        subject[-1] == "为" and subject[-2:-1] in _TRAIL_GUARDED["为"]
    )


# Where a count stands (平安金融中心周边 105栋 屋顶绿化): what is counted is the noun after it.
# A clause that ends with a place (协调推动东港区 3个…泊位): what is counted follows the number.
_PLACES = ("区", "县", "市", "镇", "乡", "街道", "省", "国")
_NOT_PLACES = frozenset("社小园景校病营")  # 社区, 小区, 园区 … are counted, not where
# A place counted by one character after a place (全国31个省, 全市12个县): what is counted.
_PLACE_LEVELS = frozenset("省市县区乡镇村")
# A field or an administrative system a verb's object belongs to (…管理系统 21个事项, 全省交通
# 行业 3个项目): whose or where the counted noun after the number is, not what is counted.
_SCOPES = ("系统", "行业", "领域")
# Where a count of those ranked ends and the rank begins (…城市中排第3名, …省(区、市)之首)
_RANKED_AMONG = re.compile(r"之首|之列|中(?=排|居|位列|名列|列)")
_WHERE = (
    *("周边", "周围", "沿线", "附近", "境内", "辖区内", "范围内", "一带", "全行业", "全系统"),
    *("项目内", "园区内", "区域内", "楼宇内"),  # (完成…项目内|200余户经营主体)
)
# 中 closing "from among" (从…87个地区中) or "in" (13个…班次中|全覆盖设置…); not 中心, 中医,
# 中小企业, 执法中队 …, nor the 中 of 集中, 其中, 初中
_AMONG_AFTER = re.compile(
    r"(?<![集其之当从空暗手心初高])中(?![心医小央华国学级期介层标药共队型等止断转文外])"
)
# The 从 that opens it, before the count in the same clause (从7个申报地区和228个申报项目中…:
# the clause since the figure before may not hold it)
_FROM_OPEN = re.compile(f"从[^{_PUNCT}从]{{0,{_MAX_SUBJECT}}}$")
# A batch the count is of (荣获首批40个…示范市, 第二批12个…): what is counted follows it.
_BATCH = r"(?:首|第[一二三四五六七八九十\d]{1,3})批"
_BATCH_BEFORE = re.compile(_BATCH + "$")
_ACHIEVED = ("完成", "实现")
# What has been done to the things counted, after them (行政诉讼案件 已审结 16件): the things
# are counted, as 已 puts it, not the act.
_DONE = re.compile(r"已(?:经)?[^已\d的]{1,3}$")
# "There are" before a count (全市现有律师事务所42家); before a comparison (相当于现有空地的
# 2倍) 现有 is "existing" and stays.
_THERE_ARE = ("现有", "实有", "建有")  # 建有…委员会43个: there are, as built
# How far it was done (基本完成12项, 部分完成15项): with 完成 it is what is counted.
_DEGREES = frozenset({"部分", "基本", "全部", "提前", "超额", "按时", "按期", "如期", "全面"})
# A count that opens a new item of a list (十件…实事和383件民生微实事, …公园带、10公里碧道):
# what it counts is the noun after it, not the items before.
_LIST_BEFORE = ("和", "、", "及", "以及", "与")
# Verbs that reach a rate (完成, 保持, 力争 …占比30%): not part of the rate's name.
_RATE_VERBS = frozenset({"完成", "保持", "力争"})
# A clause that opens with 对/将/把 and its object's modifier (对2007—2021年印发的 99份…进行):
# the preposition is not next to the number when a year or another number comes between.
_OBJECT_FIRST = re.compile(r"[对将把](?![外口接标照比象话应上下前后予力])")
_ACTION = re.compile(f"(?:进行了?|予以|作出了?)([^{_PUNCT}\\d]{{1,12}})")
# (Not a number of a name: 世界500强企业, 5G基站, 5A级景区 are one noun; 3.93PM2.5 is two.)
_LAST_NUMBER = re.compile(
    # (the year a change is compared with is no earlier figure: 案件数较2021年增加7件)
    r"(?=\d)(?<![A-Za-z\d.\uff0e])(?!(?<=[较比])(?:19|20)\d\d年)\d{1,16}(?:[.\uff0e]\d{1,8})?(?![\d.\uff0e强]|热线|[A-Za-z](?![A-Za-z]))"
    # (a time that names a service is no number before the subject: 建成24小时自助服务区3个,
    # 15分钟政务服务圈)
    f"(?!小时(?:{_ROUND_THE_CLOCK.pattern})|(?:小时|分钟){_CIRCLE.pattern})"
)
# Where the noun phrase after a measure word ends: the verb of the clause (…名党员干部**参加**).
_NOUN_STOP = re.compile(
    r"之一|进行|开展|实现|得到|受到|参加|参与|参训(?![人率学员])|接受|荣获|获|取得|被(?!告|[\u4e00-\u9fff]{1,4}(?:人员|人|者|单位|对象))|入选|评为|达(?!标)|减免|减征|(?<![发推报移输护运派传抄])送|提供|抄送|出台|制定|公布|"
    r"全部|均|已|也(?=[都均已])|实行|纳入|下沉|分别|分[列居](?=[全第前])|考试(?=[合通成及优])|(?<![合兼吞])并(?![联购网轨列存行发])|(?<![暂姑])且|提出|通过(?!率)|"
    f"共(?<!公共)(?![{_GONG_WORDS}]|建(?![成立]))|和|与|"
    f"及(?<![{_WORDS_ENDING_JI}]及)(?!以[上下])|担任|"
    # where those counted were dealt with (84个事项|在镇街“一窗受理”), not 在线, 在建 …
    f"(?<=[\u4e00-\u9fff]{{2}})(?<![{_WORDS_ENDING_ZAI}])在(?![线职岗编押逃建册校])|"
    # where they came to stay (4家公司|落户河东), after the noun
    r"(?<=[\u4e00-\u9fff]{2})(?:实体)?(?:落户|入驻|进驻)|"
    r"等(?<![平同对均相]等)(?![级待候])|\d(?<![A-Za-z]\d)|"
    r"第一时间|率先|成立|建成|完成|跟班|"
    # (1.1万个村(社区)调委会|选聘人民调解员…; 301个工作室|协同运作: the act of those counted)
    r"选聘|聘请|聘任(?!制)|协同(?=[运推配联作])|"
    # how far, before what was done (14个镇(街)|全面建立…, 8个单位|基本完成…; not 全面依法治县)
    r"全面(?=[建实推落完开铺覆启执])|基本(?=[完实建形覆消解达])|"
    # (1655名党员|全覆盖: reached them all, a predicate at the clause's end; not 2轮次
    # 全覆盖评查, a manner of the act)
    r"全覆盖(?![\u4e00-\u9fff])|"
    r"因(?<![原基诱成病主死]因)(?!素)|由于|深入|积极|认真|切实|扎实|着力|大力|不断|进一步|累计|先后|相继|陆续|"
    r"广泛(?=[开参学宣征听组动])|"
    # what they can be (3368个事项|可以“掌上查”, 能够“指尖办”): a modal opens the predicate
    r"可以|能够|"
    # one by one, step by step (123个“一件事”|逐事项建立…): how it was done, before the verb
    r"(?<![竞追角])逐(?=[一项条个件事户步级])|"
    # (4个村(社区)|成功被确认为…: how it went, before what befell them)
    r"成功(?=[被获入])|"
    r"投入使用|投入运营|陆续|正式|顺利|作为|"
    # a predicate that names what they were made (4个单项项目|命名为“…示范项目”)
    r"命名为|认定为|确定为|列为|"
    # handed on: the object put first goes to another (将8项…执法职能|赋予乡镇(街)行使,
    # 将32项行政处罚权|下放至乡镇); not first, where they name the kind (244个划转事项)
    r"(?<=[\u4e00-\u9fff])(?:赋予|交由|移交|划转|下放(?=[至到给]))|"
    # the object put first by those counted (25个基层党支部|将习近平法治思想纳入…)
    r"(?<![即必终])将(?![军领士来近])|"
    # what they were done to, a coverb's object (31项具体任务|对法治政府建设工作谋篇布局),
    # after a noun of two characters at least (not 46次|对…作出批示, the act counted); not a
    # word holding 对 (针对, 应对, 对口, 对象, 对接 …)
    r"(?<=[\u4e00-\u9fff]{2})(?<![针相绝反面核比校应派配次件项个名人家场期])"
    r"对(?![口象接外照标比话应面手称策待付冲])"
)
# Taking part, said alone after a count of people (the verbs that take what they took part
# in as an object, and the words that hold it: 参训 is 参加 a training), and what holds it
_TAKING_PART_ALONE = {
    "参加": "参加",
    "参与": "参与",
    "出席": "出席",
    "列席": "列席",
} | dict.fromkeys(("参训", "参会", "参学", "参考", "受训"), "参加")
_HELD = ("开展", "举办", "组织", "举行", "召开")
# A preposition right after a measure word: where, when or by whom what was counted was done
# (医保19项在区、街道大厅受理, 12项由市级下放), not a counted noun (3个在线平台, 5个在建项目;
# 经 opening a noun of the word tables: 24个经验做法, 3个经典案例, 5名经理)
_WHERE_AFTER = re.compile(
    r"在(?![线建册编岗职押逃校办途库用])|于(?![是])|由(?![于])|经(?![营费济验典历理贸管])"
)
# Verbs that end a counted noun as its predicate (15项审批事项|提出合并建议, 9名辅警|通过考核)
# but open it when they come first (12项通过审查的事项: a clause on the head).
_CLAUSE_VERBS = frozenset({"提出", "通过"})
_BARE_PEOPLE = ("人员", "同志")  # people named by nothing but being people
# Predicates and manners that end a counted noun (1875件合同逐一核查, 3个…泊位开工建设,
# 9个出入口设立…, 120件微实事圆满完成, 300项…事项统一划入…, 45所学校健全…制度,
# 36项证明事项形成…目录, 26个“一件事”上线运行, 20个主题事项落地)
# unless they open it (对9件启动修订工作); apart, so the stops above stay as quick.
_PREDICATE_STOP = re.compile(
    r"(?=[启逐开设集配较圆如按建统完健落形跨全异就掌上分移划精申优对宣报转刊播推负])"
    r"(?:启动|逐[一项]|开工|设[立置]|配[齐备]|建立|较好|圆满|如期|按[期时]|集中(?=开工|设[立置]|启动)|"
    r"统一|完善|健全|落实|落地|形成|(?<![线在])上线|"
    # given over to others (43座商务楼宇|分配给29位楼长, 12项事项|移交至…)
    r"(?:分配|移交|划转)(?:给|到|至)|"
    # cut down, put forward (62项考核指标|精简优化为13项, 3个单项项目|申报第三批…)
    r"(?:优化)?精简|申报(?![书表材项单人])|"
    # where and how services are done (300项政务服务事项|跨省通办, 57项事项|全程网办)
    r"跨(?:省|域|市|区|县)通办|全(?:程网|城通|市通|省通)办|异地(?:可办|通办)|就近(?:可办|办理)|"
    r"掌上(?:可办|办理)|"
    # a basis or a standard they were held to (3万余个服务事项|按区划部门…进行分类编码, 22名
    # 党政主要负责人|对标建立职责清单)
    r"按照|按(?=区|类|行业|领域|层级|部门)|对标(?![准杆])|"
    # who is put in charge (43座商务楼宇分配给29位经济楼长|负责); not 负责人, 负责同志
    r"负责(?![人同])|"
    # what the media did (10多家媒体|宣传报道)
    r"(?<=媒体|网站|报刊)(?:宣传|报道|转载|刊发|刊登|播发|推送))"
)
# How those counted acted together (23个乡镇|上下齐心, 8个部门|齐心协力, 6个部门|协同推进…):
# a predicate after the counted noun, never inside a name (上下游企业, 协同创新中心: the pair
# words need the second half). Whole phrases, so no word the dictionary reads across the cut
# (乡|镇上|下) stops them, as it stops the short predicates above.
_TOGETHER = re.compile(
    r"(?=[上齐同携通密协])"
    r"(?:上下(?:齐心|一心|同心|联动|协同)|齐心协力|同心协力|同心同德|携手(?:推进|合作|开展|共建)|"
    r"通力(?:合作|协作)|密切(?:配合|协作)|协同(?:推进|联动|配合|发力|作战))"
)
_TOGETHER_FROM = 2  # the noun before it is at least this long (乡镇, 部门)
# Stops that end a noun but may open the phrase (5次深入调研, 17条等措施).
_ADVERB_STOPS = frozenset(
    {
        "深入",
        "积极",
        "认真",
        "切实",
        "扎实",
        "着力",
        "大力",
        "不断",
        "进一步",
        "等",
        "累计",
        "先后",
        "相继",
        "陆续",
        "全面",
        "基本",
    }
)
# A clause that ends with one of these verbs is a verb phrase: what it counts is the noun
# after the number (办理38宗…案件, 组织1.5万名党员干部, 接入211个单位). (str.endswith
# with a tuple: quicker than a pattern anchored at the end, which is tried at every position.)
_VERB_END = (
    "进行",  # a light verb: its object is what is counted (组织民警进行2次比武考试)
    "办理",
    "组织",
    "推进",
    "推动",
    "编制",
    "完成",
    "培育",
    "发布",
    "接入",
    "组建",
    "建成",
    "命名",
    "打造",
    "开展",
    "审查",
    "清理",
    "举办",
    "推送",
    "发送",
    "接受",
    "选聘",
    "评查",
    "接到",
    "收到",
    "受理",
    "约谈",
    "问责",
    "惠及",
    "审核",
    "完善",
    "梳理",
    "公示",
    "公开",
    "新增",
    "设立",
    "成立",
    "挂牌",
    "聘请",
    "聘任",
    "聘用",
    "培训",
    "走访",
    "排查",
    "化解",
    "调解",
    "办结",
    "新收",
    "处理",
    "查处",
    "查办",
    "立案",
    "出具",
    "提出",
    "修订",
    "印发",
    "召开",
    "举行",
    "引进",
    "发放",
    "帮助",
    "救助",
    "帮扶",
    "建立",
    "创建",
    "评选",
    "表彰",
    "投入",
    "拨付",
    "节约",
    "追回",
    "解答",
    "接待",
    "签订",
    "设置",
    "配备",
    "配有",  # (各中小学配有法治副校长384人: as 配备)
    "新建",
    "改造",
    "整治",
    "检查",
    "抽查",
    "督查",
    "督办",
    "核查",
    "备案",
    "登记",
    "涉及",
    "编写",
    "编印",
    "刊发",  # to publish in a paper or journal (刊发…报告48期), as 印发 and 发布 issue
    "荣获",  # to be awarded (荣获…奖项9人次), as 获得
    "注销",  # to cancel (注销了43名执法人员证件), as 吊销
    "报送",  # to submit (报送了3个示范创建项目), as 推送
    "报备",  # to file with (向县人大常委会报备…规范性文件2份), as 备案
    "听取",  # to hear (听取1次…工作情况汇报, 听取…汇报4次), as 接受
    "审议",  # to deliberate (审议3件地方性法规草案), as 审查
    "设定",  # to set (设定8方面37项…指标), as 设置
    "抓好",  # to see through (抓好86个…重点项目), as 推进
    "制作",
    "录制",
    "播放",
    "推出",
    "上线",
    "吸纳",
    "选派",
    "指导",
    "服务",
    "实现",
    "提供",
    "建设",
    "办",
    "有",
)
# A sentence that opens a new topic: 一是…, (二)…: a bare rate never borrows across it.
# A basis said twice before a change (投诉数量较去年同比增长: 较去年 and 同比 both say "on the
# year before"): the first is dropped, the change keeps 同比 (投诉数量同比增长). A basis said
# once stays (来访量比去年同期下降).
_BASIS = re.compile(
    r"(?=[较比与])(?:较|比|与)(?:去年|上年|上一年|前一年|\d{4}年)(?:同期)?(?:相比)?"
    r"(?=同比|环比)"
)


# A basis opening a clause before a new thing it names (较去年|新增事项30项): the new
# things are counted, the year before is only when they are new since
_BASIS_BEFORE_NEW = re.compile(
    r"(?:较|比)(?:去年|上年|上一年|\d{4}年)(?:同期)?(?=新增[\u4e00-\u9fff]{2})"
)


# A year compared with inside a change (案件数较2021年|增加): the change keeps its name, the
# year is when it was compared with, as a bare change lent a name says it (…减少)
_YEAR_BASIS = re.compile(
    r"(?:较|比)(?:19|20)\d\d年(?:同期|底|末)?(?:相比)?(?=" + "|".join(_TRAIL_CHANGE) + ")"
)


def _without_basis(subject: str) -> str:
    """投诉数量较去年同比增长 → 投诉数量同比增长; a bare change (较去年同比下降) stays;
    较去年新增事项 → 新增事项; 案件数较2021年增加 → 案件数增加 (the year said with the value)."""
    if not ("较" in subject or "比" in subject or "与" in subject):
        return subject
    if (new := _BASIS_BEFORE_NEW.match(subject)) is not None:
        return subject[new.end() :]
    if (year := _YEAR_BASIS.search(subject, 2)) is not None:
        return subject[: year.start()] + subject[year.end() :]
    found = _BASIS.search(subject, 2)
    if found is None:
        return subject
    return subject[: found.start()] + subject[found.end() :]


# (较 of a comparison, not of 较大事故, 较高水平: "fairly", part of a name)
_RATE_HOST = re.compile(r"^(同比|环比|同口径|较(?![大小高低好多少强弱])|比|占比)")


@dataclass(frozen=True, slots=True)
class Figure:
    """One number with its unit and subject, where it stands in the report."""

    label: str  # the subject: "出庭应诉率", "审查行政规范性文件"
    value: float  # normalised: 万/亿 multiplied out; percentages stay 0-100
    unit: str  # the base unit: "件", "元", "%", "" for a bare 万/亿 count
    approximate: bool  # 余/多/近/超/约/以上/左右
    text: str  # the figure as written: "3300余万元" (one end of a range: "0.5")
    node_id: str  # section or item id; "<sha12>/preamble" or "<sha12>/closing"
    paragraph: int  # index into the section's paragraphs (or preamble / closing); -1: heading
    start: int  # offsets of `text` in that paragraph
    end: int
    indicator: str | None = None  # the canonical indicator (govread.indicators), if one applies
    is_range: bool = False  # one end of a range: 0.5 and 1.5 of "0.5至1.5个工作日"
    # what was done to what is counted (govread.acts): 清理 of 对312件规范性文件进行全面清理
    act: str = ""
    # the level a change started from (签约率由61%提高至88%: 61%), not the year's own level;
    # the tables, the comparison and the timeline take the level it changed to
    earlier: bool = False
    # what the text says of its time (`_scope`): "new" (added this year, or those new to
    # it: 新招聘人民调解员), "existing" (all there are: 现有), "cumulative" (over the years:
    # 累计 with no year to bound it), "" (the year's, as the genre writes a figure)
    scope: str = ""
    # the stage of a case or request counted (`_stage`): "received", "accepted", "concluded"
    stage: str = ""
    # what the clause says of the counted noun after it (539项政务服务事项 实现掌上办),
    # quotes dropped: which of them are counted
    said: str = ""

    @property
    def key(self) -> str:
        """The subject reduced for matching across reports (达/为/共/累计/全市 … dropped)."""
        return subject_key(self.label)


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Figures of two reports with the same indicator or the same (or nearly) subject."""

    label: str
    a: Figure
    b: Figure
    exact: bool  # same indicator, or the subjects reduce to the same key
    target: bool = False  # both state a plan or target, not the year's result (plan_phase)

    @property
    def unit(self) -> str:
        return self.a.unit

    @property
    def values(self) -> tuple[float, float]:
        """The normalised numbers of A and B (万/亿 multiplied out)."""
        return self.a.value, self.b.value

    @property
    def as_written(self) -> tuple[str, str]:
        return self.a.text, self.b.text


@functools.lru_cache(maxsize=8192)
def _word_end(text: str, at: int) -> int:
    """Where the word of the segmentation of `text` that holds the character before `at`
    ends: `at` itself when a word ends there, past it when the word runs across it."""
    from govread.segment import cut

    end = 0
    for word in cut(text):
        end += len(word)
        if end >= at:
            return end
    return len(text)


@functools.lru_cache(maxsize=8192)
def _inside_word(text: str, at: int) -> bool:
    """Whether a word of the segmentation of `text` runs across offset `at` (累|计划|规模:
    a word at 2), so that what ends or starts there is part of a longer word. Cached: the
    texts are a few characters around a lead or noise word (年累计开展), the same ones
    again and again, and a cut of each cost a report's figures half as much again."""
    return 0 < at < len(text) and _word_end(text, at) != at


_WORD_REACH = 4  # characters either side of a cut segmented to tell the word it falls in


def _across_word(text: str, at: int, floor: int = 0) -> bool:
    """Whether a word of the segmentation runs across offset `at` of `text`, told from
    `_WORD_REACH` characters either side of it (not before `floor`): `_inside_word` on a
    window, so a long text is not segmented whole for one cut."""
    lo = max(floor, at - _WORD_REACH)
    return _inside_word(text[lo : at + _WORD_REACH], at - lo)


def _known_across(text: str, at: int) -> bool:
    """Whether a word of the tables (two characters, or four: `word_classes`) could run across
    offset `at`: a word that does holds the two characters either side of it."""
    if at <= 0 or at >= len(text):
        return False
    classes = word_classes()
    pair = text[at - 1 : at + 1]
    return (
        pair in classes
        or pair in _dictionary_verbs()
        # (a slice cut short by the start of the text is no four-character word: harmless)
        or text[max(0, at - 3) : at + 1] in classes
        or text[max(0, at - 2) : at + 2] in classes
        or text[at - 1 : at + 3] in classes
    )


def _word_start(text: str, at: int, floor: int) -> int:
    """Where the word that runs across offset `at` of `text` starts (事项平|均减 → 事项|平均:
    the 平 of 平均), not before `floor`; `at` when a word ends there. A few characters either
    side are segmented (`_inside_word`, cached), so a cut by a stop character or by a length
    never leaves half a word. Only a word of the dictionary's tables counts: the words
    segmentation guesses from characters it does not know (专题|会及|开展, 供水管|网等) are no
    words to keep whole."""
    if not _known_across(text, at):
        return at  # (most cuts: no word of the tables could run across it, nothing to segment)
    if not _across_word(text, at, floor):
        return at
    lo = max(floor, at - _WORD_REACH)
    window = text[lo : at + _WORD_REACH]
    from govread.segment import cut

    start = lo
    for word in cut(window):
        if start + len(word) > at:
            known = word in word_classes() or word in _dictionary_verbs()
            return start if known else at
        start += len(word)
    return at


def _opens_word(subject: str) -> bool:
    """Whether the first character of `subject` starts a word of the dictionary's tables
    (与会人员, 均衡发展): a leading character stripped alone would leave half of it."""
    return len(subject) > 1 and _word_start(subject, 1, 0) == 0


def _last_word(subject: str) -> int:
    """Where the word of the dictionary's tables that ends `subject` starts when it is longer
    than the last character (参与, 送达), else where that character is."""
    at = len(subject) - 1
    return _word_start(subject, at, 0) if at > 0 else at


# Light verbs (形式动词) before a verb carry nothing of their own: 予以修改 is 修改
_LIGHT_BEFORE_VERB = ("予以", "加以", "给予", "进行")


def _key_noise(match: re.Match[str]) -> str:
    """A word of _KEY_NOISE goes, unless it is part of a longer word (累计|划 of 累|计划规模:
    the words of segmentation tell; one character is guarded by its own look-arounds); a
    light verb goes only before a verb or a verbal noun (予以|修改, 进行|审查; not 给予|警告)."""
    start, end = match.span()
    if end - start < 2 or match.string[start].isdigit():
        return ""
    if match.group().startswith(_LIGHT_BEFORE_VERB):
        verb = match.string[end : end + 2]
        kind = word_classes().get(verb)
        if kind != "M" and (kind == "N" or not _any_verb(verb, guessed=False)):
            return match.group()
    text = match.string[max(0, start - 3) : end + 3]
    at = min(3, start)
    return match.group() if _inside_word(text, at) or _inside_word(text, at + end - start) else ""


def subject_key(label: str) -> str:
    return _KEY_NOISE.sub(_key_noise, label)


def _by_end(words: Sequence[str], end: int) -> dict[str, tuple[str, ...]]:
    """The words by their first (end 0) or last (end -1) character, in their given order, so
    the first word that matches is found among a few instead of all."""
    table: dict[str, list[str]] = {}
    for word in words:
        table.setdefault(word[end], []).append(word)
    return {char: tuple(found) for char, found in table.items()}


_LEAD_BY_FIRST = _by_end(_LEAD_WORDS, 0)
_VERBS_BY_FIRST = _by_end(_LEAD_VERBS, 0)
_TRAIL_BY_LAST = _by_end(_TRAIL_WORDS, -1)
_VERB_END_BY_LAST = _by_end(_VERB_END, -1)
# Every character a leading word, period, verb or guarded word can start with: a subject that
# starts with none of them has nothing to strip (most do not).
# (and a digit, which _LEAD_PERIOD's \d also takes: str.isdecimal is the same class).
_PERIOD_STARTS = frozenset("连累持近〇一二三四五六七八九十两")  # and digits: see _LEAD_PERIOD
_LEAD_STARTS = frozenset({*_LEAD_BY_FIRST, *_VERBS_BY_FIRST, *_LEAD_GUARDED, *_PERIOD_STARTS})
_TRAIL_ENDS = frozenset(_TRAIL_BY_LAST)
_TRAIL_CHARS = frozenset(word for word in _TRAIL_WORDS if len(word) == 1)
# A word these end (原有, 拥有, 就是, 成为) is a verb of having or being itself: it introduces
# the value as the character alone does, and goes as before.
_HAVING = frozenset("有是为")


def _first_starting(text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` that `text` starts with, or None. The tuple is tested at once
    first: most subjects start with none of its words."""
    return next(w for w in words if text.startswith(w)) if text.startswith(words) else None


def _first_ending(text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` that `text` ends with, or None (as `_first_starting`)."""
    return next(w for w in words if text.endswith(w)) if text.endswith(words) else None


# What the work was joined with, before the act (…《参考表》结合群腐集中整治工作|优化法律服务事项
# 8类): when and why, not what is counted; nor is anything before it.
_JOINED_WITH = re.compile(f"结合[^{_PUNCT}\\d]{{1,16}}?(?:工作|实际|契机|要求|活动|需要|情况)")
# The rule an act kept to, before it (严格按程序|制定…, 严格按照法定程序|出台…, 按要求|报送…):
# how it was done, not what is counted.
_BY_THE_RULES = re.compile(
    r"(?:严格|认真|及时)?(?:按照|依照|依据|遵照|按|依)(?:法定|规定|有关|相关|统一)?的?"
    r"(?:程序|要求|规定|流程|标准规范|标准|规范(?!性))"
)


_RATE_BY_NAME = re.compile(r"(?:率|比例)(?:为|是|达到?)?$")  # a rate's name, then its copula


def _after_rules(subject: str) -> str:
    """The act after the rule it kept to (按照法定程序|出台…); else `subject`."""
    if (
        (kept := _BY_THE_RULES.match(subject)) is not None
        and len(subject) - kept.end() >= _MIN_AFTER_OPENING
        and _opens_act(subject[kept.end() : kept.end() + 2])
    ):
        return subject[kept.end() :]
    return subject


def _strip_lead(subject: str) -> str:
    if (
        "结合" in subject
        and (joined := _JOINED_WITH.search(subject)) is not None
        and len(subject) - joined.end() >= _MIN_AFTER_OPENING + 2
        and _opens_act(subject[joined.end() : joined.end() + 2])
    ):
        subject = subject[joined.end() :]
    subject = _after_rules(subject)
    while subject:
        if subject[0] not in _LEAD_STARTS and not subject[0].isdecimal():
            break
        word = _first_starting(subject, _LEAD_BY_FIRST.get(subject[0], ()))
        if (
            word is not None
            and (
                word not in _LEAD_NOT_BEFORE
                or subject[len(word) : len(word) + 1] not in _LEAD_NOT_BEFORE[word]
                or len(subject) == len(word)  # ("" is in every string: the word alone goes)
            )
            # (not a piece of a longer word: 累计|划 of 累|计划规模, 全市|场 of 全|市场主体; one
            # character, not the first of a word: 与|会人员, 均|衡发展)
            and (
                len(subject) == len(word)
                or (
                    not _inside_word(subject[: len(word) + 4], len(word))
                    if len(word) >= 2
                    else not _opens_word(subject)
                )
            )
        ):
            subject = subject[len(word) :]
            continue
        period = (
            _LEAD_PERIOD.match(subject)
            if subject[0] in _PERIOD_STARTS or subject[0].isdecimal()
            else None
        )
        if period is not None and (
            len(subject) - period.end() >= 2
            or subject.endswith("是", 0, period.end())  # (三是 alone: a point's number, no name)
        ):
            subject = subject[period.end() :]
            continue
        verb = _first_starting(subject, _VERBS_BY_FIRST.get(subject[0], ()))
        if verb is not None and len(subject) - len(verb) >= 2:
            subject = subject[len(verb) :]
            continue
        guard = _LEAD_GUARDED.get(subject[0])
        rest = subject[1:2]
        if (
            guard is None
            or (rest and rest in guard and subject[1:3] not in _LEAD_UNGUARDED)
            or _opens_word(subject)
        ):
            break
        subject = subject[1:]
    if (
        len(subject) > _GLUED_REST
        and subject[0] in _glued_verbs()
        # (减时限比例为50%: a rate named by what was done, the verb part of its name)
        and _RATE_BY_NAME.search(subject) is None
        and _glued_verb(subject)
    ):
        subject = subject[1:]
    return subject


# One-character verbs that stay: 无, 有, 是 say what there is (无讼村), 占 and 率 what a share
# is of; a preposition or coverb opens a phrase the rules after read whole (向乡镇下沉…, 对全县…,
# 被监督的…, 受教育干部群众, 获…表彰: who gave it); 拟 is a modal, as 将 (拟提拔任用的干部: those to be
# promoted), part of what is counted; 免 makes a term with the verb after it (免办证事项,
# 免罚清单: those exempted), not an act on the noun; 进 says where an activity went (宣讲进企事业
# 单位, the genre's 普法进… campaigns).
_NOT_GLUED = frozenset("无有是率占被受向对给将把为在从由与跟按据经获让使叫比以用到至拟免进")
_GLUED_REST = 3  # a noun of at least this many characters after the verb
_MEASURES_OF_ACTS = frozenset("数率量额")  # (办件数: how many were handled)


@functools.cache
def _glued_verbs() -> frozenset[str]:
    """The one-character verbs of the tables (发, 立, 办, 破, 收 …)."""
    return (
        frozenset(w for w, kind in word_classes().items() if len(w) == 1 and kind in "WV")
        - _NOT_GLUED
    )


@functools.lru_cache(maxsize=4096)
def _glued_verb(subject: str) -> bool:
    """Whether `subject` opens with a one-character verb glued to the noun it acts on
    (共发|刑事案件, 立|电信网络诈骗案): segmented, the verb is a word alone and the next word
    is a noun of two characters or more, no verb. A verb that makes a word with what follows
    (立案, 发案数, 办结率, 收缴) is segmented whole and stays; so does one before another verb,
    which it qualifies (拟|提拔任用: a compound of verbs opens with a verb word, 提拔)."""
    from govread.segment import cut

    words = cut(subject[: _GLUED_REST + 5])
    if len(words) < 2 or words[0] != subject[0] or len(words[1]) < 2:
        return False
    if not all("\u4e00" <= c <= "\u9fff" for c in words[1]):
        return False  # 持|B2类资格的驾驶员: a code after the verb, not a Chinese noun
    if words[1][-1] in _MEASURES_OF_ACTS:
        return False  # 办|件数, 发|案数: the verb and the measure name one quantity
    return not any(_verb_word(w) or w in _dictionary_verbs() for w in (words[1], words[1][:2]))


# Verbs of a change the dictionary does not list as verbs (考核对象扩增至130家)
_CHANGE_VERBS_UNLISTED = frozenset({"扩增", "精简", "压降", "调增", "调减", "扩容"})


def _strip_trail(subject: str) -> str:
    while subject:
        last = subject[-1]
        if last not in _TRAIL_ENDS:
            break
        if (
            last in "至到"
            and len(subject) >= 5
            and (
                subject[-3:-1] in _CHANGE_VERBS_UNLISTED or _any_verb(subject[-3:-1], guessed=False)
            )
        ):
            subject = subject[:-3]  # 扩增至, 精简到: any change to the value, as 压缩至
            continue
        word = _first_ending(subject, _TRAIL_BY_LAST.get(last, ()))
        freed = word is not None and subject[-len(word) - 2 : -len(word)] in _GUARD_WORDS_BEFORE
        if word is not None and (
            word not in _TRAIL_GUARDED
            or len(subject) == len(word)
            or subject[-len(word) - 1] not in _TRAIL_GUARDED[word]
            or freed
        ):
            if (
                len(word) == 1
                and not freed
                and word not in _HAVING
                and not _TRAIL_CHARS.issuperset(subject[_last_word(subject) :])
            ):
                break  # (公众参与, 文书送达: the last character of a word, no particle; 到达 goes)
            subject = subject[: -len(word)]
            continue
        break
    if (
        "分别" in subject
        and (change := _first_ending(subject, _TRAIL_CHANGE))
        and subject[: -len(change)].endswith("分别")
    ):
        # 城乡居民收入分别增长8%、9%: each value is the change of its own (城乡居民收入增长)
        subject = subject[: -len(change) - 2] + change
    return subject


# A forecast says how sure the figure is, not what it measures (金融业预计实现增加值; …败诉率
# 下降至5.22%,有望突破至5%以下: the rate the clause before names).
_FORECAST = re.compile(r"(?=[初预有])(?:初步预计|预计|预期|有望)")


# A comparison before a value of a standard or a target (低于市定目标值35微克/立方米): the
# number is that value, not the difference; a comparison with a level or an average
# (高于全省平均水平8个百分点) keeps its verb, the number is how far apart they are.
_POINTS = frozenset({"个百分点", "百分点"})  # a difference of shares: the comparison stays
_COMPARED_TARGET = re.compile(
    r"(?:不|未)?(?:低于|高于|优于|好于|少于|多于|超过)"
    r"(?=[^于]{1,12}(?:目标值?|标准值?|限值|控制值|考核值|控制线|红线)$)"
)


_BELOW = frozenset({"低于", "少于", "优于", "不高于", "不超过", "未超过", "不多于"})


def _names_target(compared: str, value: float, before: list[float]) -> bool:
    """Whether the number after a comparison with a target is the target's value rather than
    how far apart they are, by the value compared (the last of its sentence in the same unit):
    浓度为47微克/立方米,低于目标值51微克/立方米 names the target, 污染天数为8天,低于目标值4天 the
    difference. With no value before, the number is the target's; above a target with one,
    either reading fits the numbers, and the comparison is kept."""
    if not before:
        return True
    return compared in _BELOW and before[-1] < value


# 就 and the matters an act was on, closed by 等 (就重大涉法事项、复议诉讼等提供法律服务).
_ABOUT_EXAMPLES = re.compile(f"就[^{_PUNCT}\\d]{{2,40}}?等")


# What is left of a name written as a formula when its number was read ("9+x"职权事项).
_FORMULA_REST = re.compile(r"[+\uff0b×*/][A-Za-z\d]{0,3}")


# A list item that ends in what a clause achieved (审查全覆盖、, 整改到位、): the last such item
# and its mark, before the name a figure measures.
_DONE_ITEM = re.compile(r"^.*(?:全覆盖|到位|零发生|零突破|全落实)、")


# Circled and bracketed numerals that mark items of a list (①投资1.9亿元, ⑵, ⒊, ❶): no name.
_LIST_NUMERALS = "".join(map(chr, (*range(0x2460, 0x249C), *range(0x2776, 0x2794))))


def _clean(subject: str) -> str:
    if subject[:1] in _LIST_NUMERALS:
        subject = subject.lstrip(_LIST_NUMERALS)
    previous = None
    titles: list[tuple[int, int]] = []
    if (
        subject[:1] == "在"
        and "\u201d" in subject
        and (medium := _IN_NAMED_MEDIUM.match(subject)) is not None
        and len(subject) - medium.end() >= _MIN_AFTER_OPENING
        and _is_verb(subject[medium.end() : medium.end() + 2], guessed=False)
    ):
        # 在…政务微博“习近平法治思想学习贯彻”专栏|发布信息: where, by a quoted name and its
        # medium's head, then the act (the name's own verbs are no act; its marks go below)
        subject = subject[medium.end() :]
    if _QUOTES.search(subject):  # (a search is quicker than a sub that finds nothing)
        if "《" in subject:
            # the marks go, but a cut must not open inside a title: where they stood is kept
            titles = _title_spans(subject)
        subject = _QUOTES.sub("", subject)
    plain = subject
    subject = subject.strip()
    if subject[:1] in "%\uff05‰":
        # a share's sign left of a number no figure (按照“4个100%”要求检查校园…): not a word
        subject = subject.lstrip("%\uff05‰").strip()
    if subject[:1] in "+\uff0b×*/" and (formula := _FORMULA_REST.match(subject)):
        subject = subject[formula.end() :]
    if "预" in subject or "有望" in subject:
        subject = _FORECAST.sub("", subject)
    if (
        subject.startswith("就")
        and (about := _ABOUT_EXAMPLES.match(subject))
        and _opens_act(subject[about.end() : about.end() + 2])
    ):
        subject = subject[about.end() :]  # 就重大涉法事项…等 提供法律服务: what was on, apart
    if (
        "、" in subject
        and (done := _DONE_ITEM.search(subject)) is not None
        and "率" in subject[done.end() :]
    ):
        # 实现…审查全覆盖、|负责人出庭应诉率100%: an item that ends in a result is a clause
        # of its own, no name on a list with the rate the figure is (全覆盖、分领域…学习: a
        # manner of the act counted, which stays)
        subject = subject[done.end() :]
    while previous != subject:
        previous = subject
        led = _strip_lead(subject.strip())
        subject = _strip_trail(led)
        if subject == led and subject == subject.strip():
            break  # _strip_lead leaves what it returns alone: nothing more would change
    if subject.startswith("要求") and len(subject) >= 6 and _opens_act(subject[2:4]):
        # (按照“4个100%”)要求|检查校园233家次: the close of a basis, then the act counted
        subject = subject[2:]
    if subject.startswith(_PROCESS_THEN_DE) and len(subject) >= 5:
        subject = subject[3:]  # 全年办理的|政务服务事项…评价510件: the things, not the handling
    if len(subject) > _MAX_SUBJECT and (opening := _long_opening(subject)):
        # a cut by length would open inside the means or the coverb's object: what follows
        # them is read as any subject is
        return _clean(subject[opening:])
    return _whole_titles(_fit(subject), plain, titles) if titles else _fit(subject)


# The long object of a coverb that names a place or a body (向辽滨沿海经济技术开发区), and a
# long means (`_LONG_MEANS`, by the name of a platform or system)
_LONG_COVERB = re.compile(r"向[^,\uff0c。;\uff1b、\d]{3,18}")
# the heads a place or body given to ends with (…开发区, …管理委员会, …县直部门)
_GIVEN_TO_HEAD = re.compile(r"委员会|管委会|街道|部门|单位|[区县市省州镇乡村办局厅委]")


def _long_opening(subject: str) -> int:
    """Where what follows a means or a coverb's object that opens an over-long subject
    starts (…平台|向地区备案…, 向…开发区|委托下放…): the act, when it leaves a subject; 0
    when no such opening is there."""
    if (means := _LONG_MEANS.match(subject)) is not None:
        rest = subject[means.end() :]
        acted = rest.startswith(("向", "在", "对")) or _opens_act(rest[:2])
        return means.end() if acted and len(rest) >= _MIN_AFTER_OPENING else 0
    if "等" in subject and (listed := _LISTED_MEANS.match(subject)) is not None:
        # (在“信用审批”改革、…等方面|打造创建亮点: the fields listed, then the act)
        return listed.end() if len(subject) - listed.end() >= _MIN_AFTER_OPENING else 0
    if (coverb := _LONG_COVERB.match(subject)) is None:
        return 0
    # after the place or body given to, its last head where no word runs across the cut
    # (…开发区管理委员会|委托下放, not …开发区|管理…, nor 下放市|级), the predicate: 委托下放,
    # which the table holds as no verb; not 向…区的群众, whose 的 goes on with the object
    ends = [
        head.end()
        for head in _GIVEN_TO_HEAD.finditer(subject, 4, coverb.end())
        if len(subject) - head.end() >= _MIN_AFTER_OPENING
        and subject[head.end()] not in "的之和与及、"
        and not _across_word(subject, head.end())
    ]
    return ends[-1] if ends else 0


# A relative clause of handling, which says nothing of what is handled (办理的行政审批权):
# not one that says which (取消的…事项, 新增的…主体 stay).
_PROCESS_THEN_DE = ("办理的", "受理的", "处理的", "承办的", "收到的", "接到的", "涉及的", "开展的")
_TITLE_JOINS = frozenset("、和及与")  # between titles listed one after another


def _title_spans(subject: str) -> list[tuple[int, int]]:
    """Where the 《titles》 of `subject` stand once its quotation marks are dropped (from a
    title's first word to past its last); titles listed one after another (《A》《B》,
    《A》、《B》) make one span."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    opened = -1
    for char in subject:
        if char == "《":
            opened = len(plain)
        elif char == "》":
            if opened < 0:
                continue
            if spans and (
                opened == spans[-1][1]
                or (opened == spans[-1][1] + 1 and plain[opened - 1] in _TITLE_JOINS)
            ):
                spans[-1] = (spans[-1][0], len(plain))
            else:
                spans.append((opened, len(plain)))
            opened = -1
        elif not _QUOTES.match(char):
            plain.append(char)
    return spans


def _whole_titles(subject: str, plain: str, titles: list[tuple[int, int]]) -> str:
    """`subject` (cleaned from `plain`, whose 《titles》 stood at `titles`) never opening
    inside a title: a cut to fit that fell in one (…法《中华人民共和国乡村振兴促进法》专题测试
    → 国乡村振兴促进法专题测试) goes past the titles, whole, to what follows them."""
    at = plain.rfind(subject) if subject else -1
    for start, end in titles:
        if start < at < end:
            rest = _clean(subject[end - at :])
            return rest if len(rest) >= 2 else subject  # (a title alone: its words are all)
    return subject


# The light verbs after the object of 对 that name the act counted after them (对…开展|进行).
_LIGHT_AFTER_OBJECT = ("组织开展", "开展", "进行")


def _light_after_object(subject: str, by: int) -> int:
    """Where the act named after 对's object and a light verb starts (对X、Y 开展|Z), when it
    fits in a subject; 0 when there is none."""
    if subject[by + 1 : by + 2] in _NOT_PREPOSITION:
        return 0
    for verb in _LIGHT_AFTER_OBJECT:
        at = subject.rfind(verb, by + 3)
        if at > 0:
            start = at + len(verb)
            start += subject.startswith("了", start)
            if _MIN_AFTER_OPENING <= len(subject) - start <= _MAX_SUBJECT:
                return start
            return 0
    return 0


_MAX_LIST = 48  # a subject that is one list of items may be this long


def _verb_word(word: str) -> bool:
    """A word of jieba's that is a verb of the dictionary, a one-character verb (为, 在), or
    新 and a one-character verb (新设, 新建)."""
    return (
        _is_verb(word, guessed=False)
        or (len(word) == 1 and word_classes().get(word) == "V")
        or (len(word) == 2 and word[0] == "新" and word_classes().get(word[1]) == "W")
    )


def _head_fit(phrase: str) -> str:
    """The first words of an over-long act after its count that fit in _MAX_SUBJECT
    characters, never a piece of a word: the act and what it began with (组织党员干部深入
    学习贯彻…), where `_fit` keeps the last words, as a noun phrase ends in its head."""
    # (a list of acts or meetings may be as long as a listed subject: `_fit`'s _MAX_LIST)
    most = _MAX_LIST if "、" in phrase else _MAX_SUBJECT
    if len(phrase) <= most:
        return phrase
    from govread.segment import cut

    kept: list[str] = []
    size = 0
    for word in cut(phrase):
        if size + len(word) > most:
            break
        kept.append(word)
        size += len(word)
    return "".join(kept).rstrip("、和及与") or phrase[:most]


def _fit(subject: str) -> str:
    """The last words of an over-long subject that fit in _MAX_SUBJECT characters, never a
    piece of a word (续五年国家… from 连续五年国家…). Segmentation loads only for these."""
    if len(subject) <= _MAX_SUBJECT:
        return subject
    if (
        "等" in subject
        and ("、" not in subject or len(subject) > _MAX_LIST)
        and (
            examples := max(_EXAMPLES_END.finditer(subject), key=lambda m: m.start(), default=None)
        )
        and examples.start() >= _MIN_AFTER_OPENING
        and 2 <= len(subject) - examples.end() <= _MAX_SUBJECT
        and not _opens_act(subject[examples.end() : examples.end() + 2])
    ):
        # “维护国防利益和…先进单位”等|市级以上荣誉: one example (or a list of them) too long
        # to keep whole, then the class it is of, which is what is counted
        return subject[examples.end() :]
    if (
        subject.startswith(_CAUSERS)
        and "、" not in subject  # (a list of people: the list's rule below)
        and (acted := _after_causee(subject)) != subject
    ):
        # 组织 全局干部职工|专题学习…: who gathered the people goes with them, before a cut by
        # length that would keep the people and drop 组织 (as `_drop_opening` does after it)
        return _fit(acted)
    if (by := subject.find("对")) >= 0 and (light := _light_after_object(subject, by)):
        # 对A、B、C及D 开展合法性审查: the act, as when the object is put first (_after_light_verb)
        return subject[light:]
    if (
        (light := subject.rfind("开展")) >= 2
        and _MIN_AFTER_OPENING <= len(subject) - light - 2 <= _MAX_SUBJECT
        and "、" not in subject[light:]
    ):
        # 联合公安、市监等部门在安全生产等领域 开展|联合执法行动: the act, past who and where
        return subject[light + 2 :]
    from govread.segment import cut

    if (first := subject.find("、")) > 0 and len(subject) <= _MAX_LIST:
        # 市局全体班子成员、各县局书记、局长…: a list is kept whole, from its first item (after
        # the last verb before it, or from that verb when it is the item's own: 参与A、B等活动)
        lead = cut(subject[:first])
        # (…登记: a head; 登记|部门: a verb that names a body is part of its name, and 响应|率
        # of a rate)
        verbs = [
            at
            for at, word in enumerate(lead[:-1])
            if _verb_word(word) and lead[at + 1] not in _NAMED_BY_WORK and lead[at + 1] != "率"
        ]
        about = max((at for at, word in enumerate(lead[:-1]) if word in _ABOUT_WORDS), default=-1)
        if about >= 0 and "等" not in subject[first:]:
            # 法律依据涉及 相关法律、法规、规章和…文件238余件: the list after it runs to the
            # count, no head after it: the things listed are what is counted
            item = "".join(lead[about + 1 :])
        elif about >= 0:
            # 办理 县人大代表涉及A、B等方面建议: what they are about is said inside the noun,
            # which starts after the verb before it
            before = [at for at in verbs if at < about]
            item = "".join(lead[before[-1] + 1 :] if before else lead)
        else:
            item = "".join(lead[verbs[-1] + (len(lead[verbs[-1]]) == 1) :] if verbs else lead)
        marked = max((at for at, word in enumerate(lead[:-1]) if word in _PUT_FIRST), default=-1)
        if marked >= 0 and (not verbs or marked > verbs[-1]) and about < 0:
            # 努力将 市级…部门一般登记、抵押登记…时间(压缩至): the object put first, no verb
            # after the mark
            item = "".join(lead[marked + 1 :])
        if len(item) >= 2 and (listed := item + subject[first:]) and len(listed) <= _MAX_LIST:
            return listed if len(listed) > _MAX_SUBJECT else _fit(listed)
    words = cut(subject)
    # a level in brackets (各县(市)区) is a note on a name: not counted, never a start
    noted = sum(map(len, _LEVEL_AFTER.findall(subject)))
    while words and (sum(map(len, words)) - noted > _MAX_SUBJECT or words[0] in _BRACKETS):
        if words.pop(0) in _OPENING_BRACKETS:
            while words and words.pop(0) not in _BRACKETS:
                pass  # (the note goes with the name it was on)
        noted = sum(map(len, _LEVEL_AFTER.findall("".join(words)))) if noted else 0
    return "".join(words).lstrip("、") or subject[-_MAX_SUBJECT:]  # (no list mark first)


_BRACKETS = frozenset("()\uff08\uff09")
# Words that say what a noun is about, inside it (建议 涉及…等方面, 县政协 涉…提案)
_ABOUT_WORDS = frozenset({"涉及", "涉", "关于"})
_PUT_FIRST = frozenset({"将", "把"})  # the object marks (将 X 压缩至…)
# Bodies named by the work they do (登记部门, 执法机关, 审批窗口): the verb is no act
# Nouns that say how an act was done, right before its verb (专题学习, 集中培训, 集体学法)
_MANNER_NOUNS = ("专题", "集中", "集体")
# (and a share named by what was done: 改革完成|比例, 审查|比例, as 完成率 is one name)
_NAMED_BY_WORK = ("部门", "机关", "机构", "窗口", "中心", "中心组", "小组", "比例", "比重", "占比")
_OPENING_BRACKETS = frozenset("(\uff08")


# "X共Y": what is counted is Y (各级调解组织共调解矛盾纠纷 → 调解矛盾纠纷); so after
# 实有/现有 (…执法队伍实有执法人员 → 执法人员).
_TOTAL = re.compile(
    r"(?=[共总实现拥])(?:(?<!公)(?:共计|总计|共有(?!产权)|"
    f"共(?![{_GONG_WORDS}有]|建(?![成立])|和国))"
    r"|(?<![落确充])实有"
    r"|(?<!实)现有|(?<!人)拥有)"
)


# A time word inside a subject parts who did it from what was done (政务服务便民热线 全年
# 受理诉求): what is counted is after it. (Not 全市 and the like: they can be part of the
# noun after a verb, 占全区地区生产总值, 参加全市…考试.)
_WHEN_WHERE = re.compile(r"(?:全年|今年以来|今年|当年|年内)")


def _after_when(subject: str) -> str:
    if "年" not in subject:
        return subject
    last = max(_WHEN_WHERE.finditer(subject), key=lambda m: m.start(), default=None)
    if last is None or last.start() == 0 or len(subject) - last.end() < _MIN_AFTER_OPENING:
        return subject
    return subject[last.end() :]


# Who did it, before the verb that names what is counted (光明区政府及各部门、各街道 涉及
# 行政诉讼案件80宗, 区法院 受理…, 某某镇 组织开展…检查, 常务会议 研究部署…): what is counted starts with the
# verb. (A place is a name before 镇/县/区 …: not 全区, 我县; an office is one before 局, 委,
# 组, 处, 院: 司法局, 县委, 中心组, 办事处, 法院; not the 处 of 查处.)
_AGENT_VERBS = (
    "涉及|办理|受理|审查|审核|审议|查处|查办|收到|接到|调解|调处|排查|化解|办结|审结|出具|立案|"
    "组织|开展|举办|召开|行使|承接|研究"
)
_AGENT_THEN_VERB = re.compile(
    r"(?=[政部街乡单机法检会镇县区市局委组处院中系队所])(?:政府|部门|街道|乡镇|单位|机关|机构|法院|检察院|"
    r"会议|中心|(?<=[^\d])系统|(?<=[^\d全我本各该])[镇乡县区市]|(?<=[^\d])[局委组院队]|(?<=[^\d查惩判论])处"
    r"|(?<=[^\d场住厕])所)"
    r"(?=(?:相对集中|集中|统一|联合|共同)?"  # how they acted together, kept with the verb
    f"(?:{_AGENT_VERBS}))"
)
# (Looked for first: most subjects hold none of these verbs, and the agents' characters are
# common ones.)
_AGENT_VERB = re.compile(_AGENT_VERBS)


_AGENT_MIN = 8  # who (2), the verb (2) and what is counted (_MIN_AFTER_OPENING)


# "Each of them did it" (各中小学 配备…, 各乡镇 调解…): 各 and a short noun, then a verb of
# the clause: who did it, not what is counted.
_VERBS = "|".join(sorted((v for v in _VERB_END if len(v) >= 2), key=len, reverse=True))
_EACH_THEN_VERB = re.compile(f"各[^各\\d]{{1,5}}?(?={_VERBS})")
_VERB_AHEAD = re.compile(_VERBS)


# Who acted, of any name, before a verb of any kind (…法律顾问室 办理各类法律意见, 党政主要
# 负责人 组织召开…, 国家、市、区三级 抽取…): a clause [agent] [adverb] verb object counts the
# object, with its verb. The agent ends with the head of a body, an office, people or levels;
# the verb is a two-character verb of jieba's dictionary (govread/data/word_classes.tsv, V) or
# of the finder's own lists (which hold verbs the dictionary tags as nouns: 办理, 代理).
_AGENT_HEADS = (
    *("室", "局", "委", "府", "院", "办", "队", "组", "所", "部门", "单位", "机关", "中心"),
    *(
        "系统",
        "负责人",
        "人员",
        "员",
        "干部",
        "领导",
        "律师",
        "班子",
        "两级",
        "三级",
        "四级",
        "五级",
    ),
    "组织",  # 调解组织, 党组织, 社会组织 (not the verb that opens a clause: see below)
    "委员会",  # 人民调解委员会 成功调解…
    *("会议", "常委会"),  # 县政府常务会议 先后听取…: a meeting acts (see _MEETINGS)
    *("党组会", "党委会"),  # 局党组会|会前学法: the meeting, not the party group in it
    # 村(居)委会, 调委会 排查化解…: the committee acts, not 村委 before 会排查
    *("村委会", "居委会", "委会"),
    "办事处",  # 街道办事处 设立…, as 街道办
    "顾问",  # 法律顾问 提供…: people, as 律师 (one of _PEOPLE_HEADS)
    # office holders by title (局长 带头办理…, 县委书记 主持…)
    *("局长", "县长", "市长", "区长", "镇长", "乡长", "院长", "主任", "书记", "同志"),
)
_AGENT_HEAD_END = re.compile(f"[{''.join(sorted({head[-1] for head in _AGENT_HEADS}))}]")


@functools.cache
def _verbs() -> frozenset[str]:
    classes = word_classes()
    listed = (*_VERB_END, *_AGENT_VERBS.split("|"), *_HOLDING, *_LEAD_VERBS)
    return frozenset(
        [w for w, kind in classes.items() if kind == "V" and len(w) == 2]
        + [v for v in listed if len(v) == 2 and classes.get(v) != "M"]  # not 建设, 服务
    )


# A meeting is an agent only with an adverb before its verb (常务会议 先后听取…): 会议提案,
# 会议纪要 are nouns of one compound.
_MEETINGS = ("会议", "常委会")
# What a meeting puts out, named after it (政协…会议提案, 会议决议): papers, no act of it
_MEETING_PAPERS = ("提案", "议案", "决议", "纪要")


@functools.cache
def _adverbs() -> frozenset[str]:
    listed = [w for words in _OPENING_ADVERBS.values() for w in words if len(w) == 2]
    listed += [w for w in _LEAD_WORDS if len(w) == 2]  # 先后, 累计, 全年 …
    return frozenset([w for w, kind in word_classes().items() if kind == "A"] + listed)


_OBJECT_MARKS = frozenset("将对把")
_TAKING_PART = ("参加", "参与", "出席", "列席", "出庭")
# People who took part, as a relative clause before the event (600人次参加的培训).
_TOOK_PART = re.compile(r"(参加|参与|参训|出席|列席)的")


# A count after its noun whose clause goes on past the noun with a predicate
# (X事项|下放至Y 5项, X任务|落地见效 18个): the noun is what is counted, the verb and what
# follows are what was done to it. Only for counts of things (not events, people, shares),
# and only when the predicate ends in a verb or a 至/为/到 of where it went (行政|处罚案件
# ends in a noun: the verb is part of the counted name).
_THINGS_COUNTED = frozenset({"项", "件", "个", "家", "条", "处"})
_PREDICATE_REACH = 10  # the predicate after the noun is at most this many characters
_NOUN_BEFORE_PREDICATE = 5  # and the noun at least this many (中医诊所|备案登记 is one name)


def _noun_then_predicate(subject: str, unit: str, after: bool = False) -> str:
    """`subject` up to where a predicate follows a noun of the kind `unit` counts; `after`:
    the noun follows the count (5项X事项|下放至…), where a verb first is part of the noun."""
    if unit not in _THINGS_COUNTED or len(subject) < 6:
        return subject
    if _CHANGE_END.search(subject):
        return subject  # 行政诉讼案件同比增加|20件: the change is what is counted, its way kept
    classes = word_classes()
    if not after and classes.get(subject[:2]) not in ("N", "M", "A") and _any_verb(subject[:2]):
        return subject  # 取消行政确认, 承办领导交办件: a verb first names the act counted
    for at in range(max(_NOUN_BEFORE_PREDICATE, len(subject) - _PREDICATE_REACH), len(subject) - 1):
        tail = subject[at:]
        if len(tail) < 3 or "等" in tail or "、" in tail or not _agrees(subject[:at], unit):
            # (the noun must be of the kind counted: 检查后作出行政|处罚 7件 is not; one verb
            # alone names the count, 行政诉讼案件立案 46件)
            continue
        if len(tail) >= 4 and classes.get(tail[:2]) in (None, "A") and not _any_verb(tail[:2]):
            tail = tail[2:]  # X事项|网上受理: how or where the act went, then the act
        opening, last = tail[:2], tail[-2:]
        if (
            classes.get(subject[at - 2 : at]) == "N"
            and classes.get(opening) not in ("N", "M", "A")
            and _any_verb(opening)
            and (
                tail[2:3] in ("至", "为", "到")
                or classes.get(last) == "M"
                or (classes.get(last) not in ("N", "A") and _any_verb(last, guessed=False))
            )
        ):
            return subject[:at]
    return subject


def _any_verb(word: str, guessed: bool = True) -> bool:
    """`_is_verb`, or any two-character verb of jieba's whole dictionary."""
    return _is_verb(word, guessed) or word in _dictionary_verbs()


def _is_verb(word: str, guessed: bool = True) -> bool:
    """A two-character verb: listed, or two one-character verbs (W in the table) the
    dictionary does not hold as a word of another class (抽取, 移送; not 办|下)."""
    classes = word_classes()
    return word in _verbs() or (
        guessed
        and classes.get(word[:1]) == "W"
        and classes.get(word[1:2]) == "W"
        and word not in classes
    )


def _after_any_agent(subject: str) -> str:
    """The verb and its object after the agent that opens the clause; else `subject`."""
    acted = _after_listed_agent(subject)
    return acted if acted != subject else _after_named_agent(subject)


def _agent_then_verb(subject: str) -> bool:
    """Who acted (each of them, 每人), then one two-character verb and nothing else
    (局领导|每人|领衔)."""
    who = subject[:-2].removesuffix("每人")
    return len(who) >= 2 and who.endswith(_AGENT_HEADS) and _is_verb(subject[-2:])


def _after_listed_agent(subject: str) -> str:
    """The verb and its object after the agent that opens the clause; else `subject`.

    Not when the agent holds or opens with a verb (移送…部门处理事项: the bodies are inside what
    is counted), nor before a rate (行政机关负责人出庭率: one name) or a 的 (国务院宣布失效
    文件的清理: the verb is inside a longer noun phrase)."""
    if subject.endswith("率") or "的" in subject or "并" in subject:
        return subject  # (参与会议并提出意见: which of two verbs counts is not the agent's)
    for found in _AGENT_HEAD_END.finditer(subject, 1, len(subject) - _MIN_AFTER_OPENING):
        at = found.end()
        if not subject.endswith(_AGENT_HEADS, 0, at):
            continue
        if _qualified_head(subject, at):
            continue  # 跨部门|联合抽查: across the bodies, no body that acts
        if subject.endswith(_AGENT_HEADS, 0, at + 1) and not _is_verb(
            subject[at : at + 2], guessed=False
        ):
            continue  # 区委|办: the agent goes on (not 顾问室|办理)
        verb = at + 2 if subject[at : at + 2] in _adverbs() else at  # 先后召开, 认真办理
        if subject[verb : verb + 1] in _COVERBS_AFTER_AGENT and (
            acted := _after_coverb(subject, verb)
        ):
            verb = acted  # 督察组 向巴彦淖尔市|交办…, 各部门 从…清单中|认领…: to or from whom
        if (
            # (研究, a noun too in the word table, is a verb the finder knows agents do)
            not (_is_verb(subject[verb : verb + 2]) or _AGENT_VERB.match(subject, verb))
            or len(subject) - verb < _MIN_AFTER_OPENING
            or subject[verb + 2] in _LIST_MARKS  # 负责人解读、…: a list of acts, no verb
            or subject.startswith(_PERSONS, verb)  # 各科室负责人: people, no verb
            # (党组|扩大会议, 党组|推进会: a meeting's name; not 党组|召开会议)
            or (subject[verb + 2] == "会" and subject[verb : verb + 2] not in _HELD)
        ):
            continue
        head = next(h for h in _AGENT_HEADS if subject.endswith(h, 0, at))
        if _verb_not_office(subject, at, head):
            continue
        if (
            head in _MEETINGS
            and verb == at
            and (
                not _is_verb(subject[at : at + 2], guessed=False)
                or len(subject) - at < 6
                or subject.startswith(_MEETING_PAPERS, at)
            )
        ):  # (会议|听取…工作汇报 acted; 会议决定事项, 会议提案(信件) are one noun)
            continue
        first = 1 if subject[0] in _OBJECT_MARKS else 0
        # (a verb right before the head names its kind: 调解|组织, 执法|部门 act as one)
        if any(subject[i : i + 2] in _verbs() for i in range(at - len(head) - 2)) or _is_verb(
            subject[first : first + 2]
        ):
            return subject  # no agent: it holds a verb, or opens with one (将移送…部门处理)
        rest = subject[at:] if subject.startswith(_ADVERB_TERMS, at) else subject[verb:]
        if rest.startswith(_TAKING_PART) or (
            len(rest) == 4 and _is_verb(rest[2:]) and not rest.startswith(_CAUSERS)
        ):
            return subject  # 律师参与…, 负责人出庭应诉: what the agent did is what is counted
        if rest.startswith(_CAUSERS) and _is_verb(rest[2:4]) and len(rest) - 2 >= 4:
            rest = rest[2:]  # 组织召开…: the verb that names the act
        return rest
    return subject


def _verb_not_office(subject: str, at: int, head: str) -> bool:
    """Whether a one-character agent head ending at `at` ends a verb instead (企业开办|审批时间:
    开办, 承办 end in 办 and are no office that acts), or is the particle 所 (办事所需…)."""
    return len(head) == 1 and (
        _any_verb(subject[at - 2 : at], guessed=False)
        or (head == "所" and subject[at : at + 1] in _AFTER_PARTICLE_SUO)
        or (head == "办" and subject[at - 2 : at - 1] in _HOW_SERVED)
    )


# How a service is done, before 办 (跨省通办, 全程网办, 一次办, 就近办, 掌上办): a way of doing it,
# no office that acts (跨省通办|服务事项 is one name).
_HOW_SERVED = frozenset("通网联快即简次近上")


_AFTER_PARTICLE_SUO = frozenset("需有在属得谓以")  # 所需, 所有, 所在, 所属: no institute


@functools.cache
def _dictionary_verbs() -> frozenset[str]:
    """The two-character verbs of jieba's dictionary that word_classes.tsv leaves out
    (`govread/data/dictionary_verbs.txt`, made by tools/make_dictionary_verbs.py)."""
    data = resources.files("govread").joinpath("data", "dictionary_verbs.txt").read_text("utf-8")
    return frozenset(line for line in data.splitlines() if line and line[0] != "#")


# Kinds of government a report builds toward, not a government that acts (法治政府建设).
_GOVERNMENT_IDEALS = (
    "法治政府",
    "数字政府",
    "服务型政府",
    "诚信政府",
    "阳光政府",
    "廉洁政府",
    "智慧政府",
)
# An agent named by its grammar rather than its verb (区司法局|牵头起草…, 市场监管局|抽检…,
# 各执法单位|累计录入…): the clause opens with a name ending in the head of a body, an office or
# people (_AGENT_HEADS), and after it, past leading words (累计, 全年 …), comes a verb of the
# whole dictionary that is no noun, adverb or verbal noun there. Guards, each a reading the
# words allow: a name holding a list, a bracket, a quotation or a number (市委(办)、市政府(办)…:
# the bodies are what is counted); a clause opening with a verb or a verbal noun (审查市政府…);
# a share or a rate (大型餐饮单位|量化A级占比: of the bodies, not by them); a word across the
# cut (行政许可办|结…); a head that goes on as a longer head (行政机关|负责人, 派出|所).
_AGENT_NAME_BREAKS = frozenset('、,，()（）“”"《》.0123456789')
_AGENT_NAME_REACH = 14  # the agent's name ends within this many characters
_SHARES = ("率", "占比", "比例", "比重")
_CHANGE_SIZES = ("增幅", "降幅", "涨幅", "幅度")  # how far a quantity changed, a share too


def _after_named_agent(subject: str) -> str:
    """The verb and its object after an agent known by its head and the verb after it; else
    `subject` (see above)."""
    if len(subject) < 7 or subject.endswith(_SHARES):
        return subject
    if "的" in subject and (
        subject.count("的") > 1 or names_act(subject[subject.find("的") + 1 :])
    ):
        return subject  # (国务院宣布失效文件的清理: the verb is inside a longer noun phrase)
    if _AGENT_HEAD_END.search(subject, 2, _AGENT_NAME_REACH) is None:
        return subject  # no head of a name where an agent's could end (most subjects)
    if (
        ("(" in subject or "\uff08" in subject)
        and (level := _LEVEL_AFTER.search(subject, 1, _AGENT_NAME_REACH))
        and "、" not in subject[: level.end() + 1]
    ):
        # 各村(社区)法律顾问|提供…: a level in brackets is part of the name, not a list of names
        plain = subject[: level.start()] + subject[level.end() :]
        acted = _after_named_agent(plain)
        return acted if acted != plain and len(acted) <= len(subject) - level.end() else subject
    classes = word_classes()
    verbs = _dictionary_verbs()
    opening = _strip_lead(subject)
    while opening[:2] in _adverbs():
        opening = opening[2:]  # (依法移送…部门处理: the clause opens with a verb, no agent)
    if (
        _is_verb(opening[:2])
        or opening[:2] in verbs
        or classes.get(opening[:2]) == "M"
        or opening[:1] in _OBJECT_MARKS
    ):
        return subject
    named = next((i for i, c in enumerate(subject) if c in _AGENT_NAME_BREAKS), len(subject))
    for at in range(3, min(len(subject) - _MIN_AFTER_OPENING, _AGENT_NAME_REACH, named - 1) + 1):
        if not subject.endswith(_AGENT_HEADS, 0, at):
            continue  # (the tuple at once: most places end no head)
        head = next(h for h in _AGENT_HEADS if subject.endswith(h, 0, at))
        if head in _MEETINGS or subject[at - 1 : at + 1] in classes:
            continue  # (a meeting acts only as the listed agents say)
        if _verb_not_office(subject, at, head):
            continue
        if head == "府" and subject.endswith(_GOVERNMENT_IDEALS, 0, at):
            continue  # 法治政府|建设…满意度: the government aimed at, no agent that acts
        if any(subject.startswith(h, at - len(h) + 1) for h in _AGENT_HEADS if len(h) > 1):
            continue  # (行政机关|负责人: the head goes on)
        rest = subject[at:]
        if rest[:1] in _COVERBS_AFTER_AGENT and (after := _after_coverb(rest, 0)):
            rest = rest[after:]  # 县政府|与高校|签订…
        elif (
            rest[:1] == "对"
            and (after := _after_coverb(rest, 0))
            and not _LIGHT_VERB.match(rest, after)
        ):
            rest = rest[after:]  # 市人社局|对欠薪企业|下达…指令书: the verb has its own object
        else:
            rest = _strip_lead(rest)
        verb = rest[:2]
        if rest[:1] == "新" and (rest[1:3] in verbs or _is_verb(rest[1:3], guessed=False)):
            verb = rest[1:3]  # 区政府|新出台…: newly done, the act and its object
        elif rest.startswith(_MANNER_NOUNS) and _is_verb(rest[2:4], guessed=False):
            verb = rest[2:4]  # …理论学习中心组|专题学习…: how it was done, then the act
        if verb in _VERB_END and classes.get(verb) == "M":
            # the finder's own verbs that are verbal nouns too (培训, 检查), before an object
            # (not before another act: 诊所|备案登记 is one noun, the bodies registered; an
            # object that ends in a noun is one, 检查|生产经营单位)
            if (
                (
                    rest[2:4] in verbs
                    or _is_verb(rest[2:4])
                    or classes.get(rest[2:4]) == "M"
                    # (行政执法人员|培训和相关考试: listed with another, a noun; no act of theirs)
                    or rest[2:3] in _LIST_BEFORE
                )
                and classes.get(rest[-2:]) != "N"
            ):
                continue
        elif verb in _VERB_END and (rest == verb or classes.get(verb) != "N"):
            if rest == verb:
                return rest  # 区城管执法局全年|立案156宗: the act alone
        elif classes.get(verb) in ("N", "M", "A") or not (verb in verbs or _is_verb(verb)):
            continue
        if (
            rest.startswith(_AGENT_HEADS)
            or len(rest) < _MIN_AFTER_OPENING
            or (rest[2:3] == "会" and verb not in _HELD)  # (党组|扩大会议: a meeting's name)
        ):
            continue
        if rest.startswith(_TAKING_PART):
            return subject  # 律师参与…: what the agent did is what is counted
        if 0 < rest.find("的") < _AGENT_CLAUSE:
            return subject  # 区政府审议通过的文件: who acted and the act say which are counted
        return rest  # (县发改委|清理妨碍公平竞争的文件: a 的 inside the verb's object)
    return subject


# 分N次, 分N批 (分5批次 取消…, 分3轮 开展…): in so many batches, an adverbial of how the act
# after the count was done; the act is what the count is of. Not a word ending in 分 (部分,
# 积分, 划分 …).
_BATCHES = frozenset({"次", "批", "批次", "轮"})
_NOT_BATCHES = re.compile(r"[部积得扣评满学区划充十百万细按均平等过成水养省]分$")
_BATCH_ACT = re.compile(
    f"(?:共计|共|累计|先后|陆续|集中|逐步|依次)?([^{_PUNCT}、\\d]{{2,{_MAX_SUBJECT}}})"
)


def _in_batches(raw_before: str, text: str, end: int) -> str:
    """The act done in batches (分5批次 共取消调整…职权 → 取消调整…职权); "" when there is none."""
    if not raw_before.endswith("分") or _NOT_BATCHES.search(raw_before):
        return ""
    act = _BATCH_ACT.match(text, end)
    if act is None:
        return ""
    said = act.group(1)
    if text.startswith("集中", act.start()) and act.start(1) > act.start():
        said = "集中" + said  # (集中 is how, but part of the act: 集中划转)
    return said if _any_verb(said[:2]) else ""


def _how_often_then_verb(subject: str, after: str) -> bool:
    """N次 (or 轮) said before its verb, as an adverbial of frequency (县委常委会先后4次
    专题研究…): what was done that often is the verb phrase after the count, when the words
    before it say only who did it or how (an agent's head, an adverb), not an act of their own
    (召开常务会议3次 研究…) or a meeting (党委会议8次 研究…): those count the meetings."""
    verbs, classes = _dictionary_verbs(), word_classes()
    opens = next(
        (
            i
            for i in (0, 2)
            if _is_verb(w := after[i : i + 2]) or w in verbs or classes.get(w) == "M"
        ),
        None,
    )
    if opens is None or len(after) - opens < _MIN_AFTER_OPENING:
        return False
    if opens == 2 and classes.get(after[:2]) == "M":
        return False  # (专题研究, 集中审议: a manner before the verb; not 培训…, 检查…)
    who = subject[:-2] if subject[-2:] in _adverbs() else subject
    if who.endswith(_MEETINGS) or who.endswith("会"):
        return False  # 党委会议8次研究…, 常委会先后4次…: the meetings are counted
    return who != subject or subject.endswith(_AGENT_HEADS)


# A person named by title and name (县委书记汪涛, 区长李明): one who acted, never what is counted
_TITLED_PERSON = re.compile(
    r"(?:书记|省长|市长|州长|县长|区长|镇长|乡长|主任|厅长|局长|部长|主席)[\u4e00-\u9fff]{2,3}$"
)
_LISTED_ACTS = 5  # verbs listed after a count of times (主持、参与…) read at most
# What a meeting does that the dictionary tags a noun (召开县安委会|部署…, 常务会议|调度…)
_MEETING_ACTS = frozenset({"部署", "调度"})


def _done_by_people(before: str) -> bool:
    """Whether the words before a count of times name people (主要领导先后, 县委书记汪涛), an
    adverb after them aside: what they did that often follows the count."""
    who = before[:-2] if before[-2:] in _adverbs() else before
    return len(who) >= 2 and (who.endswith(_PEOPLE_HEADS) or bool(_TITLED_PERSON.search(who)))


def _event_after_count(text: str, end: int) -> str:
    """The act right after a count of times, to its clause's end and over a list of acts
    (主持、参与相关法治工作会议或活动) or of the meetings held, cut after the meeting it holds
    when another act follows (主持县委中心组学习会议|系统学习…: the meeting was held that
    often); "" when no act follows the count."""
    if not _opens_act(text[end : end + 2]):
        return ""
    stop = end
    for _ in range(_LISTED_ACTS):
        found = _CLAUSE_END.search(text, stop)
        if found is None:
            return ""
        at = found.start()
        if (
            text[at : at + 1] == "、"
            and (
                _opens_act(text[at + 1 : at + 3])
                # (听取、研究、部署…: a bare act before the mark lists the acts, whichever the next)
                or at - stop <= 2
                # (主持召开省政府党组会议、省政府常务会议、省长专题会议: the meetings held, listed)
                or text[stop:at].endswith(("会议", "会"))
            )
        ):
            stop = at + 1
            continue
        break
    event = text[end:at].removesuffix("等")  # (…会议等: the list closed, nothing more held)
    if _DIGIT.search(event):
        # 4次|组织33名被任命人员进行了宪法宣誓: the people are a figure of their own, not a
        # word of the act's name (nor is the aspect 了 after a light verb)
        event = _ASPECT_AFTER_LIGHT.sub("", _PEOPLE_COUNTED.sub("", event))
    if "》" in event:
        event = _EXAMPLE_TITLES.sub("", event)  # 学习《民法典》《…》等|重点法律法规: examples
    for meeting in _MEETING_HELD.finditer(event, 1):
        # the first meeting another act follows ends what was held (召开党组会、专题会|及开展…,
        # 主持…学习会议|系统学习…): the meetings listed before it are held with it
        after = event[meeting.end() :]
        if (
            len(after) >= 2
            and (
                after[:2] in _adverbs()
                or _opens_act(after[:2])
                or after[:2] in _MEETING_ACTS
                or _opens_act(after[2:4])  # (a manner first: 专题|研究)
                or (after[:1] in "及并和" and _opens_act(after[1:3]))
            )
        ):
            return event[: meeting.end()]
    return event


# The meetings a count of times may count (会议, 常务会, 党组会, 专题会 …): not 委员会, a body,
# nor the 会 of 社会 or 机会
_MEETING_HELD = re.compile(
    r"(?:常务|党组|常委|专题|办公|座谈|推进|部署|调度|联席|务虚|动员|培训|交流|评议|听证|全体)会议?"
    r"|(?<![委员])委会(?!议)"  # a committee's meeting by its short name (州安委会, 党委会)
    r"|会议"
)


# Coverbs whose object is neither who acted nor what is counted: to whom (向, 给) and with
# whom (与, 同, 跟) it was done (向社会公开…, 与高校签订…, 给困难群众发放…). Not 对, 将, 把, whose
# object is what the verb acts on (对12件文件进行清理). Not when the coverb starts a word of
# the dictionary (向前, 同比, 与会, 给予).
_COVERBS = frozenset("向给与同跟")
# After who acted, 为 is for whom too (镇政府|为辖区老年人|代办…); at a clause's opening it may
# be the copula or a purpose (为…提供保障), read by _FOR_WHOM.
_COVERBS_AFTER_AGENT = _COVERBS | {"为", "从"}
_COVERBS_OPENING = _COVERBS | {"从"}
_FROM_MANNERS = frozenset("重快宽严轻简优紧速")  # 从重处罚, 从快办理: a manner, no source
# A coverb whose object is a list closed by 等 (向省司法厅和西安市委、市政府等): longer than
# _COVERB_OBJECT, and its end is said
_COVERB_LIST = re.compile(f"[向对与][^{_PUNCT}\\d等]{{2,30}}等")
_COVERB_OBJECT = 8  # the coverb's object is at most this many characters


def _after_coverb(phrase: str, at: int, marker: int = 1) -> int:
    """Where the verb after the coverb phrase at `at` starts (向社会|公开…), when one does
    within _COVERB_OBJECT characters and leaves a verb and an object; else 0. `marker` is the
    length of the word that opens the phrase (a causer: 督促企业|整改…)."""
    classes = word_classes()
    verbs = _dictionary_verbs()
    if marker == 1 and (
        phrase[at : at + 2] in classes or phrase[at + 1 : at + 2] in _NOT_PREPOSITION
    ):
        return 0
    after = phrase[at + marker : at + marker + 2]
    if marker > 1 and (
        _is_verb(after) or after in verbs or classes.get(after) == "M" or after[:1] in "和及与并、"
    ):
        return 0  # 督促落实…, 督促和纠正…: two verbs, no one made to act between them
    start = at + marker + 1
    if "(" in phrase or "\uff08" in phrase:
        # 向乡镇(街道)|下沉…: a short level in brackets is part of the object, no break in it
        phrase = _LEVEL_AFTER.sub(lambda level: "\u3007" * len(level.group()), phrase)
    reach = _COVERB_OBJECT + (phrase.count("\u3007", start, start + _COVERB_OBJECT + 6))
    if any(related in phrase[start : start + reach] for related in _RELATED):
        reach += _RELATED_REACH  # (对法治政府建设相关工作: a field named, then its work)
    for verb in range(start, min(start + reach, len(phrase) - _MIN_AFTER_OPENING) + 1):
        if phrase[verb - 1] in _AGENT_NAME_BREAKS or phrase[verb] in _AGENT_NAME_BREAKS:
            return 0
        word = phrase[verb : verb + 2]
        if phrase[verb - 1 : verb + 1] in classes:
            continue  # (a word across the cut)
        if (
            word in _RELATED
            or phrase.startswith(_RELATED, verb + 2)
            or phrase[verb - 2 : verb] in _RELATED
        ):
            continue  # (对法治政府建设相关工作|签批…: a field and what relates to it, the object)
        if (_is_verb(word) or word in verbs) and not _across_word(phrase, verb):
            return verb  # (协助村委会|排查…: not 村委|会排…, inside the word 村委会)
    return 0


_RELATED = ("相关", "有关")
_RELATED_REACH = 4


# One-character adverbs that open a predicate (12家单位也都聘请…, 5名干部均已取得…).
_SHORT_ADVERBS = re.compile(r"[也都均已还又]{1,2}")


def _adverb_then_verb(phrase: str, at: int) -> bool:
    """A predicate opens at `at`, after the people or bodies counted: an adverb of the
    dictionary then words that are no more of them (工作人员|成功申领…), or a one-character
    adverb then a verb (单位|均已建立…)."""
    if phrase[at : at + 2] in _adverbs():
        return len(phrase) - at >= 4 and _PEOPLE.search(phrase, at) is None
    short = _SHORT_ADVERBS.match(phrase, at)
    return short is not None and (
        short.end() == len(phrase) or _is_verb(phrase[short.end() : short.end() + 2])
    )


# A time or share named between where a change starts and its value (审批事项从法定办理
# 时间20天…, 由原来串联审批时间120天, 缩短到并联审批时间60天): the quantity is the name.
_CHANGE_FROM = re.compile(
    r"[由从]原来|(?:(?<![案理自缘事经来])由|(?<![服随自听])从)(?![严事业而中源头此前未不于衷])"
)
_CHANGED_TO = re.compile(
    r"(?:缩短|压缩|压减|减少|降低|下降|提高|提升|提速|增加|增长|上升)(?:到|至)"
)


# Verbs that take a state as their object (社会治安呈现 案件类警情同比下降): what changed is the
# state's subject, not what shows it.
_SHOWS = re.compile(r"(?=[呈出])(?:呈现出?|出现了?)")


def _changed_quantity(subject: str) -> str:
    if (to := _CHANGED_TO.match(subject)) is not None and len(subject) - to.end() >= 2:
        return subject[to.end() :]
    if (
        subject.endswith(_TRAIL_CHANGE)
        and (shows := _SHOWS.search(subject)) is not None
        and len(subject) - shows.end() >= _MIN_AFTER_OPENING + 2
    ):
        return subject[shows.end() :]
    found = _CHANGE_FROM.search(subject)
    if (
        found is not None
        and found.start() >= 2
        and _START_AFTER_FROM.fullmatch(subject, found.end())
    ):
        # 办理时限由法定|24个工作日, 出庭应诉率从去年同期的|80%: what changed is before 由
        # (and before an adverb of time before it: 办理时限已|由…)
        return _strip_trail(subject[: found.start()])
    if found is not None and len(subject) - found.end() >= 4:
        if found.group() == "从" and 0 < subject.find("到", found.end() + 1) < len(subject) - 1:
            return subject[found.start() :]  # 从申请到领证 (不超过3个工作日): the span, whole
        return subject[found.end() :]
    return subject


def _without_aspect(subject: str) -> str:
    """The opening verb without its aspect 了 (下发了各类文件 → 下发各类文件; not 为了, 了解)."""
    if subject[2:3] == "了" and subject[3:4] != "解" and subject[:2] not in _NOT_ASPECT:
        return subject[:2] + subject[3:] if len(subject) >= 5 else subject
    return subject


_NOT_ASPECT = frozenset({"为了", "除了", "到了"})


def _after_agent(subject: str) -> str:
    if (scope := subject.find("系统各", 0, _SCOPE_REACH)) >= 2:
        subject = subject[scope + 2 :]  # 政府系统|各级党组…学习: the system they are all in
    if (
        subject.startswith("各")
        and (each := _EACH_THEN_VERB.match(subject))
        and len(subject) - each.end() >= _MIN_AFTER_OPENING
    ):
        # (各级调解组织|排查…: the verb found first may name the kind of who acted)
        acted = _after_any_agent(subject)
        return acted if acted != subject else subject[each.end() :]
    verb = _AGENT_VERB.search(subject, 1)
    found = _AGENT_THEN_VERB.search(subject) if verb is not None else None
    if found is None:  # most subjects: one search, no match
        return _after_any_agent(subject)
    end = found.end()
    while (found := _AGENT_THEN_VERB.search(subject, end)) is not None:
        end = found.end()
    if len(subject) - end < _MIN_AFTER_OPENING:
        return subject
    if subject.find("的", end + 2, end + _AGENT_CLAUSE) > 0 and not _NOT_DE.search(subject):
        return subject  # 提交区政府常务会议审议的事项: who acted and the act say which are counted
    return subject[end:]


_SCOPE_REACH = 10  # how far into a subject a system before 各 (…系统各级) is looked for
_AGENT_CLAUSE = 5  # a 的 this close after who acted ends a clause on the head after it


# Examples listed before 等 and what they are examples of, after a verb that holds or issues
# them (开展读书月、法治讲座等普法活动): what is counted is the verb and what follows 等. (After
# an agent's verb, 顾问参与决策、立法等事务活动, the examples say what was taken part in.)
_EXAMPLES_END = re.compile(r"(?<![平同对均相高中初优特一二三四五何])等(?![级待候奖次同于])")
_HOLDING = (
    *("开展", "举办", "组织", "举行", "推出", "出台", "制定", "印发", "实施", "建成"),
    *("研究解决", "协调解决", "解决"),  # (…、…等重点问题: the examples are problems)
    *("发布", "公布", "推送"),  # (招商引资政策、执法公示…等动态信息: kinds of what was issued)
)


_TAKING_MEANS = ("采取", "采用")  # 采取…等方式结案: the means, not examples of what is counted
# Places and bodies, counted by these, are named one by one as examples (打造A站、B点等帮办点
# 7个: the class is counted); kinds of business or cases (办理A登记、B登记等业务 N件) are kept
# whole, as a list of what was counted.
_NAMED_UNITS = frozenset({"个", "处", "家", "所", "座"})


def _after_examples(subject: str, unit: str = "") -> str:
    subject = _strip_lead(subject.strip())
    if subject[:2] in _adverbs() and subject.startswith(_HOLDING, 2):
        subject = subject[2:]  # 积极|开展“…”“…”等普法活动: how, then the verb of the list
    verb = next((v for v in _HOLDING if subject.startswith(v)), None)
    listed = verb is not None
    if (
        not listed
        and unit in _NAMED_UNITS
        and _is_verb(subject[:2], guessed=False)
        and not subject.startswith((*_TAKING_PART, *_MEANS_WORDS, *_TAKING_MEANS))
    ):
        verb = subject[:2]  # 打造…、…等海岛帮办点: any verb of the dictionary, before a class
    if verb is None:
        return subject
    if listed and subject.startswith(_TAKING_PART, len(verb)):
        verb = subject[: len(verb) + 2]  # 组织参加…等培训: the verbs are one act (组织参加培训)
    found = max(_EXAMPLES_END.finditer(subject), key=lambda m: m.start(), default=None)
    if found is None or found.start() < len(verb) + 2:
        return subject
    rest = _clean(subject[found.end() :])
    if rest[2:3] == "的" and len(rest) >= 5 and _opens_act(rest[:2]):
        # 参加省民政厅、市司法局等|组织的|培训: the bodies listed held what is counted, the
        # class after their act (not this report's act, 组织, run on into theirs)
        return rest[3:]
    if not listed and (_opens_act(rest[:2]) or _opens_act(rest[-2:])):
        return subject  # 采取…等 判决胜诉, 采取…等方式 结案: ways, then a result, no class
    return subject[: len(verb)] + rest if len(rest) >= 2 else subject


# How far or how soon something was achieved, right before 实现 (基本实现, 率先实现, 均已实现)
_HOW_FAR_ACHIEVED = re.compile(
    r"(?:基本|全面|全部|已经|逐步|首次|率先|(?<![人平户日])均|(?<![而早])已){1,2}$"
)


# Means listed before the act (通过工委会、理论中心组学习会等方式|安排部署): how it was done,
# read before who did it (the listed means are no list of agents)
_LISTED_MEANS = re.compile(
    r"(?:通过|利用|依托|借助|运用|采用|采取|以)[^,\uff0c。;\uff1b\d]{2,40}?"
    r"等(?:方式|形式|途径|渠道|载体|手段)"
    # and reasons listed (因岗位调动、退休等原因|注销证件人数): why
    r"|(?:因|由于)?[^,\uff0c。;\uff1b\d]{2,40}?等(?:原因|因素)"
    # and fields listed (在“信用审批”改革、重大行政决策等方面|打造创建亮点10个): where
    r"|在[^,\uff0c。;\uff1b\d在]{2,40}?等(?:方面|领域)"
)


def _after_total(subject: str, sibling: bool = False) -> str:
    subject = _after_when(subject)
    if (
        "等" in subject
        and (means := _LISTED_MEANS.match(subject))
        and len(subject) - means.end() >= _MIN_AFTER_OPENING
    ):
        subject = subject[means.end() :]
    if len(subject) >= _AGENT_MIN and not sibling:  # room for who, the verb and what is counted
        acted = _after_agent(subject)
        who = subject[: len(subject) - len(acted)] if subject.endswith(acted) else ""
        act = acted[light.end() :] if (light := _LIGHT_VERB.match(acted)) else acted
        # 党组理论学习中心组|开展学习: a study group's 学习 is one act, 中心组学习, which a bare
        # 学习 or 学法 does not name
        subject = who + act if len(act) == 2 and who.endswith("中心组") else acted
    if subject.startswith("邀请") and (given := _INVITED_ACT.search(subject, 4)) is not None:
        # 邀请…师资库成员曾佐根|专题授课, 邀请…讲师作|习近平法治思想|专题辅导: the lecture is
        # what is counted, with its topic when a verb before it names one; who gave it is not
        topic = _TOPIC_GIVEN.search(subject, 2, given.start())
        subject = (topic.group(1) if topic else "") + given.group()
    subject = _without_aspect(subject)
    achieved = subject.rfind("实现")
    if achieved >= 2:
        # 现代服务业实现增加值: what is measured, without the verb (and how far it went:
        # 各类企业基本实现网上登记)
        rest = _clean(subject[achieved + 2 :])
        if len(rest) >= 2 and not _is_bare(rest):
            head = subject[:achieved]
            if (how := _HOW_FAR_ACHIEVED.search(head)) and how.start() >= 2:
                head = head[: how.start()]
            if head[:1] in _LEAD_STARTS and not _strip_lead(head):
                head = ""  # 在去年 实现…: when it was achieved, no one who achieved it
            subject = _fit(head + rest)
    if "对" in subject:
        subject = _object_of_dui(subject)
    if _TOTAL.search(subject) is None:
        return subject  # (most subjects: one search, no list of matches)
    last = list(_TOTAL.finditer(subject))[-1]
    if last.start() == 0:
        return subject
    rest = _clean(subject[last.end() :])
    if subject.endswith(_KINDS_OF_PROCEDURE, 0, last.start()) and len(rest) >= 2:
        # 一般程序共|罚款9000元: the procedure says which part of the count; not who acted
        return subject[: last.start()] + rest
    return rest if len(rest) >= 2 else subject


_KINDS_OF_PROCEDURE = ("程序",)  # 简易程序, 一般程序: which cases a total is of


# A verb after the object of 对: the count is then of that act (对…企业进行检查5次), not of
# the object
_ACT_AFTER_OBJECT = re.compile(r"进行|开展|予以|作出|实施|组织")
_RATE_NAME_ENDS = ("率", "度", "比", "比例", "比重")


def _object_of_dui(subject: str) -> str:
    """组织各起草单位对|重大行政决策20份…进行归档: the object of 对, right before the number,
    is what is counted, not who acted on it; 对 a word of its own (not 针对, 应对, 对接)."""
    at = subject.rfind("对")
    rest = subject[at + 1 :]
    if (
        at < 2
        or subject.endswith(_RATE_NAME_ENDS)  # (公众对…满意度: who rated it is part of the rate)
        or len(rest) < 2
        or _ACT_AFTER_OBJECT.search(rest) is not None
        or _inside_word(subject, at)
        or _inside_word(subject, at + 1)
    ):
        return subject
    cleaned = _clean(rest)
    return cleaned if len(cleaned) >= 2 else subject


# What an invited speaker gave, ending a clause after 邀请 (…教授专题授课, …讲师作…专题辅导)
_INVITED_ACT = re.compile(r"(?:专题)?(?:授课|讲课|讲座|辅导|宣讲|解读|报告会)$")
# The verb before it that names its topic (作|习近平法治思想|专题辅导, 开展|法治|讲座)
_TOPIC_GIVEN = re.compile(r"(?:作|进行|开展)([^作,\uff0c。;\uff1b]{0,16})$")


# How a clause opens before the noun it counts (系统谋划实施 总体领域改革46项, 进一步优化调整
# 政府权力清单…5139项, 确保 出庭应诉率100%): adverbs, then verbs of managing or carrying out,
# perhaps joined by 并 (梳理并对外公示 免予行政强制事项). They say what was done, not what
# is counted; verbs that name the count itself (审查, 调解, 办理, 受理, 清理) are not here.
_OPENING_ADVERBS = _by_end(
    (
        "进一步",
        "系统",
        "全面",
        "扎实",
        "积极",
        "不断",
        "大力",
        "切实",
        "依法",
        "持续",
        "深入",
        "稳步",
        "有序",
        "统筹",
        "对外",
        "认真",
        "严格",
        "及时",
        "着力",
        "逐步",
        "加快",
        "主动",
        "免费",
        "实时",
        "高效",  # 高效办结 …事项: how well, not what (but 高效办成一件事, a reform's name)
        "亲自",  # 亲自审改 …文件: who did it, not what was done
        "带头",  # 带头召开 …会议: who led it, not what was done
        "集中",  # 集中公示 …目录: how, before an opening verb (集中学习 stays one act)
        "对标对表",  # 对标对表 梳理…: measured against the standards and tasks, how it was done
    ),
    0,
)
# Adverbs that never open a name (全面依法治县委员会, 系统… do): the clause is a verb phrase
# even when no managing verb follows (及时排除安全隐患 → 排除安全隐患).
_MANNER = frozenset(
    {"进一步", "扎实", "积极", "不断", "大力", "切实", "稳步", "有序", "认真", "及时", "着力"}
    | {"逐步", "主动", "免费", "实时", "高效", "亲自", "带头", "对标对表"}
)
# An adverb and a verb that name a kind of the act, a term of art (主动公开, set against 依申请
# 公开): the adverb stays.
_ADVERB_TERMS = ("主动公开", "高效办成")  # (高效办成一件事: the name of a reform)
_MANNER_AFTER_NOUN = _MANNER | {"有效", "依法", "全面"}  # how what was counted was acted on
_OPENING_VERBS = _by_end(
    (
        "谋划",
        "优化",
        "调整",
        "健全",
        "完善",
        "确保",
        "做到",  # 做到“网上审批”实办率100%: achieved, as 确保
        "公示",
        "梳理",
        "归纳",  # 归纳梳理, 归纳整理 …: sorting what is counted, as 梳理
        "实施",
        "建立",
        "推进",
        "推动",
        "深化",
        "加强",
        "强化",
        "落实",
        "出台",
        "印发",
        "推出",
        "推行",
        "部署",
        "报告",
        "明确",
        "形成",  # a light verb: what was formed is counted (形成 …事项清单)
        "安排",  # 安排学习…, 安排部署…: arranging what is counted, as 部署
        "编制",  # 编制…履职事项清单: drawing up what is counted, as 梳理
        "疏理",  # (梳理 as some reports write it)
    ),
    0,
)
# A subject this short gives way to the counted noun after the number (…共办理38宗 …案件).
_SHORT_SUBJECT = 4
_MIN_AFTER_OPENING = 4  # what an opening leaves must still name something (完善制度 stays)
# "为 (对, 向, 给) <beneficiary> <service>": what is counted is the service (依法为市场主体
# 减免罚金, 值班律师为犯罪嫌疑人、被告人 提供法律帮助案件); so what was sent to whom (向县委、
# 县政府 报送…信息).
_FOR_WHOM = re.compile(
    r"[为对向给][^,\uff0c。;\uff1b为]{1,14}?(?=提供|减免|办理|挽回|讨回|追回|争取|解决|出具|化解|节约|减轻|兑现|"
    r"报送|提交|汇报|移送|移交|反馈|报告|上报|呈报|通报)"
)
_FOR_STARTS = frozenset("为给")
_LEADING = 5  # 为 or 给 after at most this many characters of leading words (累计, 全年共)
# An aside in brackets inside a subject (提供法律帮助(包括认罪认罚)案件): not part of its
# name; a short one (县(区), 市委(办)) is and stays.
_ASIDE = re.compile(r"[(\uff08][^()\uff08\uff09\d]{5,10}[)\uff09]")
# An editor's note in brackets inside a subject (地区生产总值同比(下同)增长, 规上工业增加值(含…),
# 政务服务事项(以下简称…)): never part of what is measured, whatever its length.
_EDITORIAL_ASIDE = re.compile(
    r"[(\uff08](?:下同|同上|下略|不含|含|包括|以下简称|简称)[^()\uff08\uff09]{0,16}[)\uff09]"
)


def _without_asides(text: str) -> str:
    """`text` without its asides and editor's notes in brackets (`_ASIDE`, `_EDITORIAL_ASIDE`)."""
    return _ASIDE.sub("", _EDITORIAL_ASIDE.sub("", text))


# 对外, 对口, 对接, 向上, 给付 …: words, not a preposition before an object.
_NOT_PREPOSITION = frozenset("外口接标照比象话应上下前后予力付")


def _starting(table: dict[str, tuple[str, ...]], text: str, pos: int) -> str | None:
    # (the tuple tested at once first, as in `_first_starting`: most texts start with none)
    words = table.get(text[pos : pos + 1], ())  # (nothing at the end: a verb ends it)
    return (
        next(w for w in words if text.startswith(w, pos)) if text.startswith(words, pos) else None
    )


# A time clause opening the clause (复查后 撤销…, 检查之后 作出…): when, not what.
# (Not 落后, nor a word that 后 opens: 后续, 后期, 后备 …)
_AFTER_EVENT = re.compile(r"[^的\d]{1,6}?(?<!落)(?:之|以)?后(?![续期台方勤卫备援果评补])")


# A manner adverb inside the clause stands before its verb (市场监管局 依法 查处…, 各部门在
# 网站 主动 公开…, 对照清单 逐项 整改…): who acted, where and after what come before it, what
# was done after it. (Not inside a name: 依法行政, 依法治市, 积极分子, 及时率; 主动公开, a kind
# of publishing set against 依申请公开, keeps its adverb.)
_INNER_MANNER = re.compile(
    r"(?=[依逐主积及认切扎大不进稳有着定妥])(?:依法(?!行政|治)|依规(?!范)|逐项|逐一|主动|积极(?!分子|性)|"
    r"及时(?!率)|认真|切实|扎实|大力|不断|进一步|稳步|有序|着力|妥善|"
    # 定期 before the verb of an event (定期组织…学习12次), not in a name (定期报告制度)
    r"定期(?=组织|召开|开展|举办|举行|听取|研究|学习))"
)


_HANDING_ON = ("移交", "移送", "转交", "交由", "提请", "报请")


def _after(pattern: re.Pattern[str], subject: str) -> str:
    """What follows the last match of `pattern`, when it still names something; else
    `subject`."""
    last = pattern.search(subject)
    if last is None:  # most subjects: one search, no match
        return subject
    while (more := pattern.search(subject, last.end())) is not None:
        last = more
    rest = subject[last.end() :]  # (a 为 after it is looked at by the caller: 为…减免…)
    if subject.startswith(_ADVERB_TERMS, last.start()):
        rest = subject[last.start() :]  # 主动公开…: the adverb names a kind of the act
    return rest if len(_strip_lead(rest)) >= _MIN_AFTER_OPENING else subject


# "Have someone do it" (组织律师开展…, 指导各村开展…, 动员群众参与…, 组织干部旁听…): what
# was done is the second verb's.
_CAUSING = re.compile(
    r"(?:组织|指导|督促|动员|带领|推动)[^开参学旁\d]{1,16}?(?=开展|参加|参与|集中学习|旁听)"
)


# A means or a place before the verb (利用…平台, 通过…方式, 以…为契机, 在镇村两级): how and
# where, not what.
_MEANS = re.compile(
    r"(?:利用|通过|依托|借助|运用|采用|采取|以)[^,\uff0c。;\uff1b\d]{0,14}?"
    r"(?:平台|方式|形式|机制|契机|载体|渠道|抓手|阵地|手段|途径)"
    # a platform or a system is a means where it is used too (在…社会信用平台 录入…信息,
    # 在省级“双随机、一公开”系统中 完成…)
    r"|在(?![线建职册岗校押此于场内])[^,\uff0c。;\uff1b\d在]{1,16}?(?:平台(?:上)?|系统[中内上])"
    # where, right before a verb (在镇村两级 设立…, 在检查中 发现…)
    f"|在[^,\uff0c。;\uff1b\\d在]{{1,10}}?(?:两级|三级|各级|期间|范围内|层面|中|内|上|下)"
    f"(?={_VERBS})"
)


_MEANS_WORDS = ("通过", "依托", "利用", "借助", "运用")
# A long means, by the name of a platform or system (通过黑龙江省政府规章和行政规范性文件综合
# 管理平台), opening an over-long subject (`_long_opening`)
_LONG_MEANS = re.compile(
    f"(?:{'|'.join(_MEANS_WORDS)})[^,\uff0c。;\uff1b、\\d]{{2,30}}?(?:平台|系统|网站|公众号|专栏|渠道)"
)
_LIST_MARKS = frozenset("、和与及")


# Who acted, before how or where (各镇(街道) 依托综治中心…, 县司法局 在门户网站…): a clause
# opening with 各 (not 各类, 各项: they open the object) or ending with the head of a body or
# an office, a level in brackets, or a body's last character.
_HOW_AFTER_WHO = re.compile(
    r"(?=[通依利借运在])(?:通过|依托|利用|借助|运用|在(?![线建职册岗校押此于场内]))"
)
_WHO_REACH = 12
_NOT_WHERE = frozenset("线建职册岗校押此于场内")  # 在线, 在建 …: words, not 在 + a place
_NOT_EACH = frozenset("类项种")


def _acted(who: str) -> bool:
    if _DIGIT.search(who) or "、" in who:
        return False
    if who[0] == "各":
        return who[1:2] not in _NOT_EACH
    return who.endswith((*_AGENT_HEADS, ")", "\uff09")) or who[-1] in _BODY_LAST


def _verb_after_means(subject: str) -> int:
    """Where the verb after a means of any name begins (通过区政府网站|发布…, 依托…新媒体|
    公开…): the first verb after at least two characters of the means that is no list item
    (解读、) and no part of a person's name for a role (负责|人); 0 when there is none. The
    verb keeps 成功 before it: 成功化解 counts what succeeded, not all that was tried."""
    first = 3 if subject[:1] == "在" else 4  # (a one-character 在, then two of the place)
    if (medium := _MEDIUM_END.search(subject, 2)) is not None:
        # 运用“大石发布”公众微信号|推送…: the means ends with the medium's head; a verb in
        # its name (…发布, …在线) is no act
        first = max(first, medium.end())
    for at in range(first, len(subject) - _MIN_AFTER_OPENING + 1):
        word = subject[at : at + 2]
        if (
            # (会上|研究: an act's verb the word table holds as none, after where)
            (_is_verb(word, guessed=False) or (subject[at - 1] in "上中内下" and _opens_act(word)))
            and subject[at + 2] not in _LIST_MARKS
            # (负责|人 names a role; 设立|人民调解委员会: 人民 opens the object)
            and not (subject[at + 2] in _PERSON_ENDS and subject[at + 3 : at + 4] != "民")
            # (理论学习|中心组: a body named by its work, no act)
            and not subject.startswith(_NAMED_BY_WORK, at + 2)
        ):
            if at >= 6 and (
                subject.endswith(_SUCCEEDED, 0, at) or subject.startswith(_ADVERB_TERMS, at - 2)
            ):
                return at - 2  # (and 主动|公开: a kind of the act, _ADVERB_TERMS)
            return at
    return 0


_SUCCEEDED = "成功"


# The heads that end the name of a medium a report publishes through (…公众号, …网站, …平台).
_MEDIUM_END = re.compile(r"公众号|微信号|视频号|抖音号|网站|微博|客户端|小程序|平台|专栏|栏目")
# 在 a medium named in quotes (在…微博“…”专栏): where, up to the medium's head (see _clean)
_IN_NAMED_MEDIUM = re.compile(
    f"在[^\u201c\u201d{_PUNCT}\\d]{{0,24}}\u201c[^\u201c\u201d]{{1,24}}\u201d(?:{_MEDIUM_END.pattern}|专版|频道)"
)


_PERSON_ENDS = frozenset("人员者")


# A causative verb and the people it moves (组织全体党员干部 “学法用法”宣讲活动…): who was made to
# act, not what is counted; what they did follows.
_CAUSERS = ("组织", "动员", "带领", "引导", "邀请")
_CAUSEE_REACH = 4  # a short qualifier before the people (组织全体党员干部, 邀请辖区律师)
# Verbs that move, help or guide another (a body or people) to act: what the other did is
# counted, after it (督促企业 整改安全隐患80处, 协助法院 送达法律文书70份).
_HELPERS = ("督促", "协助", "指导", "帮助")
# Words that name with whom or to whom it was done before the verb (联合市纪委 整治…, 会同公安
# 机关 查处…, 面向社会 公示…): neither who acted nor what is counted.
_WITH_WHOM = ("联合", "会同", "面向")


def _after_causee(subject: str) -> str:
    pos = 2
    while (
        (people := _PEOPLE.search(subject, pos, pos + _CAUSEE_REACH + 3)) is not None
        and people.start() - pos <= _CAUSEE_REACH
        and _VERB_AHEAD.search(subject, pos, people.start()) is None  # (组织开展执法人员…)
    ):
        pos = people.end()
    if pos > 2 and subject[pos : pos + 1] in _LIST_MARKS:
        return subject  # (组织居委干部、人民调解员…参加: a list of the people, who are counted)
    return subject[pos:] if pos > 2 and len(subject) - pos >= _MIN_AFTER_OPENING else subject


def _relative_clause(rest: str) -> bool:
    """Whether the words after an opening verb end in a 的 before a head (完善|实施清单的事项,
    完成|整改的问题占比): the verb is in the clause that says which of the head are meant."""
    de = rest.find("的")
    return 1 <= de <= _RELATIVE_REACH and "的" not in rest[de + 1 :] and len(rest) - de > 2


_RELATIVE_REACH = 8  # characters between such a verb and its 的


# Documents named by their purpose (推进法治政府建设措施, 加强…研究落实举措): the verb that
# opens such a name is part of it, not an act of managing.
_PURPOSE_HEADS = ("措施", "举措", "意见", "办法", "方案", "细则")
# The opening verbs that take an activity (推进 法治政府建设), not the document itself (完善 办法)
_PROMOTING = frozenset({"推进", "推动", "深化", "加强", "强化", "优化"})
# Verbs of an aim, not of an act one counts times of (推进|行政检查执法备案7788次)
_AIMS = _PROMOTING | {"健全", "完善", "落实", "确保", "做到", "谋划", "推行", "实施"}
# Verbs that cause what follows them to change (兼语: 带动 X 下降): before a share or a change,
# X is what is measured.
_PIVOTS = ("带动", "促进", "促使", "拉动", "助推")
# The same before a count (引领带动 政府各部门学法300余次): what the others were moved to do is
# counted, not the leading.
_LEADING_OTHERS = re.compile(r"(?:引领|示范)?带动")


# A verb of being awarded (教育系统 获 全省…成绩突出集体1个, 荣获…先进单位3个): who won and the
# verb are not what is counted, the award after them is; but people counted are those who won
# (干部荣获各类表彰6人次). (Not 查获, 破获, 缴获 …: seized; not 获批, 获准, 获得感 …)
_CLAUSE_HEAD = re.compile(r"的[^的]{1,4}$")  # a short head after a clause on it (…的企业)
_WON = re.compile(
    r"(?=[荣获])(?<![查破捕缴收截抓斩俘猎])(?:荣获|获得(?!感)|获评|获(?![得评取批准悉益奖救刑利赔]))"
)


# An award named after who gave it (获 省司法厅|表彰, 受到 市政府|通报表扬, 获 区委、区政府|
# 嘉奖令): the award is what is counted, the body before it gave it. Only a body by its head
# (单位, 政府, 厅 …) right before the award word that ends the clause (not 市级表彰: a level;
# not 表彰集体: what was awarded is counted; not 优秀干部表彰: the kind of award).
_AWARD_END = re.compile(r"(?:通报)?(?:表彰|嘉奖令?|表扬|奖励)$")
_GIVER_END = re.compile(r"(?:单位|部门|机关|政府|党委|党组|委员会|[委府厅局办院]|(?<!干)部)$")
_RECEIVED = "受到"


def _award_without_giver(subject: str) -> str:
    """The award alone when a body that gave it comes before it; else `subject`."""
    if (award := _AWARD_END.search(subject)) is None or award.start() < 2:
        return subject
    return award.group() if _GIVER_END.search(subject, 0, award.start()) else subject


# Things that have come to a place (已入驻, 已落地, 已落户, 已进驻: a state, not an act done to
# them), said after where (园区内) or alone before the counted noun: the noun is counted.
_ARRIVED = re.compile(r"已(?:经)?(?=[落入进])(?P<verb>落地|落户|入驻|进驻)")


# With whom an act was done together, near the clause's start (会后与相关业务部门协同|推进落实
# 涉法事务4件): neither who acted nor what is counted.
_TOGETHER_WITH = re.compile(
    r"(?:与(?!会)|同(?![比时步级类样意等]))[^与同和、\d]{2,12}?(?:协同|共同|一起|一道)(?=[\u4e00-\u9fff]{2})"
)
_TOGETHER_OPENS = 4  # how far into the clause 与 may come (会后与…)
_TOGETHER_READ = 24  # the characters read for it


# Which batch the things counted came in (新增第二批|实行告知承诺制证明事项32项): when, not what
_ORDINAL_BATCH = re.compile(r"第[一二三四五六七八九十\d]{1,3}批次?")
_BATCH_OPENS = (0, 2)  # at the clause's start or after its two-character verb


def _drop_opening(subject: str, share: bool = False, acts: bool = False) -> str:
    """The subject without the time clause, adverbs and managing verbs that open its clause
    (for a share, not a verb of the clause before a 的 that says which items are its base)."""
    if (
        "批" in subject
        and (batch := _ORDINAL_BATCH.search(subject, 0, 8)) is not None
        and batch.start() in _BATCH_OPENS
        and len(subject) - batch.end() >= _MIN_AFTER_OPENING
    ):
        subject = subject[: batch.start()] + subject[batch.end() :]
    if (
        (together := _TOGETHER_WITH.search(subject, 0, _TOGETHER_READ)) is not None
        and together.start() <= _TOGETHER_OPENS
        and len(subject) - together.end() >= _MIN_AFTER_OPENING
    ):
        subject = subject[together.end() :]
    if "后" in subject and (after := _AFTER_EVENT.match(subject)):
        rest = _strip_lead(subject[after.end() :])
        if len(rest) >= _MIN_AFTER_OPENING:
            subject = rest
    # (逐项|按照统一标准规范|编制…: a rule kept to may follow the manner)
    if not subject.startswith(_HANDING_ON):
        # (移交…部门 进一步 调查处理: what was handed on, to whom, for what, is one act)
        subject = _after_rules(_after(_INNER_MANNER, subject))
    if (how := _HOW_AFTER_WHO.search(subject, 2, _WHO_REACH)) and _acted(subject[: how.start()]):
        subject = subject[how.start() :]  # 各镇(街道) 依托…调处…: who, then how and what
    if (means := _MEANS.match(subject)) and len(subject) - means.end() >= _MIN_AFTER_OPENING:
        subject = _without_aspect(subject[means.end() :])  # (…系统中|完成了…: as at the start)
        if len(led := _strip_lead(subject)) >= _MIN_AFTER_OPENING:
            subject = led  # 通过集体讨论方式 先后 审核作出…决定: an adverb after the means
    elif (
        subject.startswith(_MEANS_WORDS) or (subject[:1] == "在" and subject[1:2] not in _NOT_WHERE)
    ) and (acted := _verb_after_means(subject)):
        # 通过区政府网站 发布动态信息, 在县政府门户网站 发布…: the act, not the means or place
        subject = subject[acted:]
    if (causing := _CAUSING.match(subject)) and len(subject) - causing.end() >= _MIN_AFTER_OPENING:
        subject = subject[causing.end() :]
        if subject[2:3] == "的" and len(subject) - 3 >= _MIN_AFTER_OPENING:
            # 组织 全系统干部职工 参加的|大型学法活动: what those caused did says which events
            # are meant; the events held are counted
            subject = subject[3:]
    elif share and subject.startswith(_PIVOTS) and len(subject) - 2 >= _MIN_AFTER_OPENING:
        subject = _strip_lead(subject[2:])  # 带动 全市…警情同比下降: what changed, not the cause
    elif (
        not share
        and (leading := _LEADING_OTHERS.match(subject))
        and len(subject) - leading.end() >= _MIN_AFTER_OPENING
    ):
        subject = _strip_lead(subject[leading.end() :])  # 引领带动 各部门学法: what they did
    elif subject.startswith(_CAUSERS):
        subject = _after_causee(subject)
    elif subject.startswith(_HELPERS) and (acted := _after_coverb(subject, 0, 2)):
        subject = subject[acted:]  # 督促企业|整改安全隐患, 协助法院|送达…: what was done
    elif subject.startswith(_WITH_WHOM) and (acted := _after_coverb(subject, 0, 2)):
        subject = subject[acted:]  # 联合市纪委|整治…, 面向社会|公示…: with or to whom, then what
    pos = cut = 0
    while pos < len(subject):
        adverb = _starting(_OPENING_ADVERBS, subject, pos)
        if adverb is not None and subject.startswith(_ADVERB_TERMS, pos):
            break  # 主动公开 政府信息: a kind of the act (not 依申请公开), not its manner
        if adverb is not None:
            pos += len(adverb)
            if adverb in _MANNER:
                cut = pos
            continue
        verb = _starting(_OPENING_VERBS, subject, pos)
        if (
            verb in _PROMOTING
            and subject.endswith(_PURPOSE_HEADS)
            and _starting(_OPENING_VERBS, subject, pos + len(verb)) is None
        ):
            break  # (出台) 推进…建设措施: measures named by what they are for
        if verb is not None:
            if (
                acts
                and verb not in _AIMS
                and _starting(_OPENING_VERBS, subject, pos + len(verb)) is None
                and not _opens_act(subject[pos + len(verb) : pos + len(verb) + 2])
            ):
                # 调整…人员名单4次: a count of times counts the act, kept (安排|学习…6次: the
                # act after a managing verb is)
                cut = pos
                break
            if share and _relative_clause(subject[pos + len(verb) :]):
                cut = pos  # 完善实施清单的事项100%: the items with that done, a share of all
                break
            pos = cut = pos + len(verb)
            if subject[pos : pos + 1] == "出" and not subject.startswith(_WORDS_OF_CHU, pos):
                pos = cut = pos + 1  # 梳理出, 明确出: the verb's result, not what is counted
            elif _second_managing(subject, pos):
                pos = cut = pos + 2  # 梳理确认 …清单: two verbs of one act of managing
            continue
        if cut and cut == pos and subject[pos] in "并和及或":  # (开展|或|参与…)
            pos += 1
            continue
        if (
            subject[pos] in "向对与"
            and (listed := _COVERB_LIST.match(subject, pos)) is not None
            and len(subject) - listed.end() >= _MIN_AFTER_OPENING
            and _is_verb(subject[listed.end() : listed.end() + 2])
        ):
            # 向省司法厅和市委、市政府等|请示报告…: to whom, a list closed by 等, then the act
            # (the whole act: 请示报告 is one, which _FOR_WHOM below would cut)
            rest = _strip_lead(subject[listed.end() :])
            return rest if len(rest) >= _MIN_AFTER_OPENING else subject
        if (
            subject[pos] in _COVERBS_OPENING
            and not (subject[pos] == "从" and subject[pos + 1 : pos + 2] in _FROM_MANNERS)
            and (acted := _after_coverb(subject, pos))
        ):
            # 向社会公开…: to whom or with whom, then what was done; 从社会各界选聘…: from
            # where
            pos = cut = acted
            continue
        if subject[pos] in "对向给" and subject[pos + 1 : pos + 2] not in _NOT_PREPOSITION:
            pos = cut = pos + 1  # 对全县行政执法人员 (300余人开展集中培训): its object
            continue
        break
    for_whom = _FOR_WHOM.search(subject)
    if for_whom is not None and len(subject) - for_whom.end() >= _MIN_AFTER_OPENING:
        return subject[for_whom.end() :]
    if not cut:
        return subject  # (most subjects: nothing opened them, nothing left to strip)
    rest = _strip_lead(subject[cut:])
    if rest.startswith(_DETERMINERS) and len(rest) - 2 >= _MIN_AFTER_OPENING:
        rest = rest[2:]  # 梳理确认 各类政务服务事项清单: the kind counted, not "each kind"
    if len(rest) < _MIN_AFTER_OPENING <= len(subject) - cut:
        rest = subject[cut:]  # 带头|讲法治课: a verb of one character, no lead to strip
    return rest if len(rest) >= _MIN_AFTER_OPENING else subject


def _second_managing(subject: str, at: int) -> bool:
    """A verb right after an opening verb (梳理|确认) that names no count of its own (not
    审查, 办理 …: _AGENT_VERBS), then where its object opens, said by a leading word or a
    determiner (我区, 各类): the same act of managing (not 推动|审批服务…, a noun)."""
    word, rest = subject[at : at + 2], subject[at + 2 :]
    return (
        len(rest) >= _MIN_AFTER_OPENING
        and _is_verb(word, guessed=False)
        and word not in _COUNTING_VERBS
        and rest[0] not in _LIST_MARKS  # (梳理确认、公布…: a list of acts)
        and (rest.startswith(_DETERMINERS) or _strip_lead(rest) != rest or word in _MADE_PUBLIC)
    )


# Verbs that make public what the verb before prepared (梳理公布 改革事项清单, 编制发布 …目录):
# never the first word of a noun, so what follows them is the object, however it opens.
_MADE_PUBLIC = frozenset({"公布", "发布", "确认", "纳入"})  # (梳理纳入 …事项: put on the list)


_COUNTING_VERBS = frozenset(_AGENT_VERBS.split("|"))


# Light verbs (形式动词: 进行, 开展, 予以 …) carry no content of their own: a clause [who]
# [light verb][object] counts its object (律师协助本单位开展 规范性文件合法性审核并出具审核意见书, 各级开展
# 党委中心组学习, 开展 公平竞争审查35项). A short object fuses with the verb into the name of one
# act and stays with it (开展应急演练, 出具法律意见, 予以修改): only a full noun phrase, at least
# _LIGHT_OBJECT characters, is counted alone. (出具 and 公开, to issue and to disclose what is
# counted, are read as they are: 公开政府信息, but 实时公开 行政许可、行政处罚双公示信息.)
_LIGHT_VERB = re.compile(
    r"(?=[进开予给加作组举出公提完召])"
    # (not the 进 of 推进, 促进, 改进 … before 行: 推进|行政检查 holds no 进行)
    r"(?:组织开展|(?<![推促改增引跟演前先激精])进行|开展|予以|给予|加以|作出|举办|出具|公开|提供"
    r"|完成|召开|举行)了?"
)
_LIGHT_OBJECT = 7
# A determiner opens a full noun phrase however short (公开 各项制度文件, 开展 各项检查): the
# object is counted, not the act.
_DETERMINERS = ("各类", "各项", "各种", "各级", "多种", "多项")
# A clause that opens with 涉及 and a determiner (涉及本系统 市县两级…改革事项227项, 涉及我市
# …): what the count is of follows them.
_INVOLVING = re.compile(
    r"涉及(?:本(?:系统|部门|单位|级|地区|行业|领域)|我(?:省|市|县|区|旗|镇|乡)|各类|各项|各级)"
)
# Those involved, counted as bodies or people (涉及集体34个、个人25人, 涉及企业12家): what
# is counted is the noun after 涉及 (an amount, 涉及金额, is no one involved; nor are 项, 件).
_INVOLVED_UNITS = frozenset({"个", "家", "名", "人", "人次", "户"})
_INVOLVED_MIN = 2
# Light verbs said again with a count (开展X活动,全年累计开展36次): they count their object.
_SAID_AGAIN = frozenset({"开展", "进行", "举办", "组织", "召开", "举行"})


# 场 and 场次 count events: a clause that attends one and then does something there (参加
# 涉法会议 提出口头法律意见90场) counts the events attended.
_EVENT_UNITS = frozenset({"场", "场次"})
_ATTENDED = re.compile(
    r"(?:参加|参与|出席|列席)([^,\uff0c。;\uff1b\d]{2,12}?(?:会议|会|活动|讲座|培训|庭审))"
    f"(?={_VERBS})"
)


# 次, 场 and 期 count events: what is organised (组织 X学习12次) is counted, not the act of
# organising it, when it is an event and a full noun phrase (组织 people to do something is
# `_after_causee`'s).
_EVENT_COUNTS = frozenset({"次", "场", "场次", "期"})


# The same with a light verb that holds an event (开展 专题学习10次, 举办 巡讲6场): the events
# are counted however short their name, as 次/场/期 count occasions, not the act of holding them.
_HOLDS = re.compile(r"(?:开展|举办|举行)了?")


# A topic or a means before the act a count after its noun is of (围绕民法典 开展宣讲6场,
# 通过 召开会议5次): the act and what it holds, not what it is about or how it was done.
_ABOUT = re.compile(r"(?=[围结针聚通依借])(?:围绕|结合|针对|聚焦|通过|依托|借助)")
_HOLDING_VERB = re.compile(r"开展|举办|举行|组织|召开")


def _after_topic(subject: str) -> str:
    if (about := _ABOUT.match(subject)) and (
        verb := _HOLDING_VERB.search(subject, about.end(), len(subject) - 2)
    ):
        return subject[verb.start() :]
    return subject


def _held(subject: str) -> str:
    ends = [found.end() for found in _HOLDS.finditer(subject)]
    if not ends:
        return subject
    event = subject[ends[-1] :]
    if len(event) >= 2 and event.endswith(_EVENT_HEADS) and not _LIGHT_VERB.match(event):
        return event
    return subject


def _organised(subject: str) -> str:
    event = subject[2:]
    if event.startswith(_THIS_PLACE):
        event = event[2:]  # 组织 本市…巡讲: who speaks (but 全市…考试, its scope, stays)
    if (
        len(event) >= _MIN_AFTER_OPENING
        and event.endswith(_EVENT_HEADS)
        and not _PEOPLE.match(event)
        and not _is_verb(event[:2])  # 组织开展…: two verbs, one act (the light verb's rule)
    ):
        return event
    return subject


def _topic_end(subject: str, unit: str) -> int:
    """Where a topic whose head agrees with the measure word ends, when a predicate of
    adverbs and verbs follows it (闭会建议|按时办结回复13件: the proposals are counted); 0."""
    heads = _WHOLE_HEADS.get(unit)
    if not heads or len(subject) < 6:
        return 0
    end = max((at + len(h) for h in heads if (at := subject.rfind(h)) >= 2), default=0)
    rest = subject[end:]
    if end == 0 or len(rest) < 4 or len(rest) % 2:
        return 0  # (one verb after the noun names the count with it: 案件立案, 诉讼结案)
    pairs = [rest[i : i + 2] for i in range(0, len(rest), 2)]
    adverbs = _adverbs()
    verbs = [p for p in pairs if p not in adverbs and p not in _DEGREES]
    return end if verbs and all(_is_verb(p) or p in _DONE_VERBS for p in verbs) else 0


# Verbs of finishing a case the dictionary does not list as verbs (办结, 审结, 答复 …).
_DONE_VERBS = frozenset({"办结", "审结", "结案", "答复", "回复", "办复", "结转"})


def _after_light_verb(subject: str, object_first: bool = False) -> str:
    """The object of the last light verb whose object is a full noun phrase (any object,
    when the clause put the act's object first with 对/将); else `subject`."""
    found = _LIGHT_VERB.search(subject)
    if found is None:  # most subjects: one search, no match
        return subject
    cut = None
    while found is not None:
        object_ = _clean(subject[found.end() :])
        if (
            len(object_) >= _LIGHT_OBJECT
            or (object_.startswith(_DETERMINERS) and len(object_) >= _MIN_AFTER_OPENING)
            or (object_first and found.start() >= 2 and len(object_) >= 2)
        ):
            cut = found.end()
        found = _LIGHT_VERB.search(subject, found.end())
    if cut is None:
        return subject
    written = subject[cut:]
    object_ = _clean(written)
    if written[:1] in "办有" and len(object_) == len(written) - 1 and written.endswith(object_):
        # 开展|办领导处长接待日活动, 开展|有奖竞答活动: what is held is a name, no lead verb of
        # one character opens it
        object_ = written
    if object_.startswith(_DETERMINERS) and len(object_) - 2 >= _MIN_AFTER_OPENING:
        object_ = object_[2:]  # 开展 各类|帮代办服务: the kind counted, as after an opening verb
    return object_


# 《titles》 listed as examples before 等 and the counted noun (审查《A办法》《B办法》等区规范性
# 文件28件): the examples go, what is counted stays.
# (A title cut by the start of the clause window counts as one.)
_EXAMPLE_TITLES = re.compile(
    r"(?:^[^《》]{0,100}》[、,\uff0c和及与]?)?(?:《[^《》]{0,100}》[、,\uff0c和及与]?){1,12}等"
)


_MODIFIER = 6  # at most this many characters of a 的-phrase before a count are kept


def _modifier(before: str) -> str:
    """A short 的-phrase right before a count that says which are counted (需修订的11个文件),
    without the preposition that opens it; "" when there is none or it is long."""
    if len(before) > 2 * _MODIFIER:
        return ""
    # a verb's 到 before 的 is its result (涉及到的, 排查到的): the clause ends at 的, no value
    # follows the 到 as one follows 压缩到 or 扩增至, so the verb keeps it, as written
    result = "到" if before.endswith("到") and len(before) >= 3 else ""
    modifier = _clean(before[: len(before) - len(result)])
    modifier += result if modifier else ""
    if modifier.startswith("在对"):
        modifier = modifier[1:]  # 在对已出台的7个…: in (doing something) to them
    if modifier and _OBJECT_FIRST.match(modifier):
        modifier = modifier[1:]
    return modifier if 2 <= len(modifier) <= _MODIFIER else ""


# 的 inside a word (目的, 的确, 有的放矢): no phrase ends there.
_NOT_DE = re.compile(r"目的|的确|有的放矢|的士")


# A whole, then 中, then which of it: X中(,)Y的有N件.
_AMONG = re.compile(r"中[,\uff0c]?")


def _among(text: str, floor: int, clause_from: int, at: int, unit: str) -> str:
    """The part of a whole a count after 的有 names (受理的案件中,经调解撤回申请的有12件 →
    经调解撤回申请的案件): Y的X, X the whole's head; "" when no 中 opens the part."""
    end = text.rfind("的有", clause_from, at)
    window = max(floor, clause_from - _MAX_CLAUSE)
    among = text.rfind("中", window, end)
    if among < 0 or _BOUNDARY.search(text, among + 2, end):
        return ""
    opens = _AMONG.match(text, among)
    part = _clean(text[opens.end() if opens else among + 1 : end])
    whole_at = max((m.end() for m in _BOUNDARY.finditer(text, window, among)), default=window)
    whole = _clean(text[whole_at:among].lstrip("在"))
    if "的" in whole:
        whole = whole[whole.rfind("的") + 1 :]  # (审结的案件中: the cases)
    elif (counting := _AGENT_VERB.match(whole)) and len(whole) - counting.end() >= 2:
        whole = whole[counting.end() :]  # (办理行政处罚案件中…: the cases, not the handling)
    if len(part) < 2 or len(whole) < 2 or _DIGIT.search(whole):
        return ""
    if unit in _AGREEMENT and not _agrees(whole, unit):
        return ""  # (本单位中…的有5人: the people are not the whole named)
    return _fit(f"{part}的{whole}")


_BARE_HEAD = 2


def _head(subject: str) -> str:
    """The head of a counted noun phrase after a long 的-phrase (经清理后保留并纳入监管的
    农贸市场 → 农贸市场): the phrase says which are counted, the head what; a short one
    (符合条件的企业, 需修订的文件: at most _MODIFIER characters) stays, as before a count,
    and so does a class set by a quantity (注册资本超过5000万元的企业), and the object of
    an act that ends the phrase (不平等对待企业的法规清理: what was cleared is said whole)."""
    at = subject.rfind("的")
    if (
        at <= _MODIFIER
        or subject.endswith(_VERB_END_BY_LAST.get(subject[-1], ()))
        or len(subject) - at - 1 <= _BARE_HEAD  # (…的文件: a head this short names nothing)
        or _NOT_DE.search(subject)
        or _DIGIT.search(subject, 0, at)
    ):
        return subject
    return subject[at + 1 :]


# A quantity in Chinese numerals right before the number (派出五批次 86人次…, 组织两轮 …):
# how many times, not what is counted; an ordinal (第十批) is a name and stays.
_QUANTITY_END = re.compile(
    r"(?<!第)[一二三四五六七八九十两百千]{1,3}(?:批次|批|轮|次|场|期|个|项|名|家|件|条|方面)$"
)
_QUANTITY_LAST = frozenset("批次轮场期个项名家件条面")


def _without_quantity(subject: str) -> str:
    if subject[-1:] not in _QUANTITY_LAST:
        return subject
    found = _QUANTITY_END.search(subject)
    return _strip_trail(subject[: found.start()]) if found else subject


# "X 如 examples 等 X's head" (其他事项如审议…、《…》的通知等事项13次): the examples, however
# long, are of the class named before 如, which is what is counted. (Not 如期, 如实 …, nor
# 例如, 比如 after a word.)
_SUCH_AS = re.compile(
    r"([^\d如,\uff0c。;\uff1b、]{2,8}?)(?<![例比诸譬假])如(?![期实何下此果今同])[^\d]*等([^等\d]{0,4})"
)
_MAX_SUCH_AS = 200  # characters of a clause looked at for it


def _such_as(clause: str) -> str:
    found = _SUCH_AS.fullmatch(clause.strip())
    if found is None:
        return ""
    named, head = _clean(found.group(1)), found.group(2)
    return named if len(named) >= 2 and named.endswith(head) else ""


# An item of a list of counts (保留事项640项,下放事项212项,上级部门收回事项95项): it names
# what it counts beside its siblings, so a body before a verb in it says which items these are
# (上级部门收回的), not who acted, when it ends with the head its sibling ends with.
_COUNT_THEN_ITEM = re.compile(r"\d[^\d、,\uff0c。;\uff1b]{1,3}[、,\uff0c]$")
_SIBLING_HEAD = 2  # characters of the head two items share
_ITEM_MARKS = "、,\uff0c"
_BREAKDOWN_ENDS = ("。", ";", "\uff1b", ":", "\uff1a")  # what ends the sentence before 其中
_BREAKDOWN = 80  # characters before a sibling's number looked at for the 其中 that opens it


def _sibling_item(text: str, start: int, end: int) -> bool:
    """The clause text[start:end] is an item of a list of counts whose sibling before it
    ends with the same head (…事项212项,上级部门收回事项)."""
    lead = start
    while lead < end and text[lead] in _ITEM_MARKS:
        lead += 1
    count = _COUNT_THEN_ITEM.search(text, max(0, lead - 6), lead)
    if count is None or end - lead < _SIBLING_HEAD:
        return False
    number = count.start()
    while number > 0 and (text[number - 1].isdecimal() or text[number - 1] == "."):
        number -= 1
    if not text.endswith(text[end - _SIBLING_HEAD : end], 0, number):
        return False
    if text[count.end() - 1] == "、":
        return True
    # after a comma, only in a breakdown opened by 其中 (its items are parts of a total, not
    # acts of their own: 受理案件120件,区司法局办理…45件 names who acted)
    reach = max(0, number - _BREAKDOWN)
    opened = max(text.rfind(mark, reach, number) for mark in _BREAKDOWN_ENDS)
    return text.find("其中", max(reach, opened), number) >= 0


_TITLE_MOST = 60  # the characters of a title in a run of them (《…》《…》) read back


def _titles_run_start(before: str) -> int:
    """Where a run of two titles or more (《A》《B》, each of 1 to 60 characters) that ends
    `before` starts; -1 when none does. Read back from the end, each title once (a pattern
    searched forward would read the run again from each title in it)."""
    at, count = len(before), 0
    while before.endswith("》", 0, at):
        opened = before.rfind("《", max(0, at - 2 - _TITLE_MOST), at - 1)
        if opened < 0 or at - 1 - opened < 2 or "》" in before[opened + 1 : at - 1]:
            break
        at, count = opened, count + 1
    return at if count >= 2 else -1


def _subject(
    text: str, start: int, end: int, classes: dict[int, int] | None = None, unit: str = ""
) -> str:
    """The clause before a number, cut after any earlier number (指数3.93PM2.5平均浓度) that
    is not a class of what is counted (超过1亿元的企业)."""
    if "等" in text[max(start, end - 6) : end] and (
        named := _such_as(text[max(start, end - _MAX_SUCH_AS) : end])
    ):
        return named
    offset = max(start, end - _MAX_CLAUSE)
    if offset > start and "》" in text[offset:end] and _across_word(text, offset, start):
        # a window cut inside a word, long for the 《titles》 it holds as examples: it
        # reaches back past as many characters as they take (组织干部职工集中学习《宪法》
        # 《民法典》…等法律法规10余次 keeps its act, not 工集中学习…)
        titled = sum(m.end() - m.start() for m in _TITLE.finditer(text, start, end))
        offset = max(start, end - _MAX_CLAUSE - titled)
    before = text[offset:end]
    if (
        "以" in before
        and (means := _MEANS_FORM.search(before)) is not None
        and len(before) - means.end() >= _MIN_AFTER_OPENING
    ):
        # 以专题报告、文件请示…等形式|向市委请示报告重大事项: the form it took is a means
        before, classes = before[means.end() :], None
    if (
        ("为" in (head := before[:_LEADING]) or "给" in head)
        and (whom := _FOR_WHOM.search(before, 0, len(before)))
        and before[whom.start()] in _FOR_STARTS
        and not _strip_lead(before[: whom.start()])  # nothing but leading words (累计为…)
        and len(before) - whom.end() >= _MIN_AFTER_OPENING
    ):
        before, classes = before[whom.end() :], None  # 为群众挽回损失…: the service
    if "(" in before or "\uff08" in before:
        before = _without_asides(before)
        classes = None  # offsets no longer hold
    if "》等" in before:
        titles = _EXAMPLE_TITLES.search(before)
        if titles is not None and before[titles.start() - 1 : titles.start()] == "、":
            # 开展习近平法治思想、《民法典》等专题学习: titles among other examples are
            # examples as they are, read with them (their marks go, not their words)
            before = before.replace("《", "").replace("》", "")
        else:
            before = _EXAMPLE_TITLES.sub("", before)
        classes = None
    elif unit in _HOW_OFTEN and "》《" in before and (run := _titles_run_start(before)) >= 2:
        # 集中学习|《习近平法治思想》《…学习纲要》5次: several titles studied, each a name of
        # its own: the act is what is counted (one title stays, as a name: 专题学习《条例》;
        # 印发《A》《B》2件 counts the titles)
        before, classes = before[:run], None
    if "截" in before and (as_of := _AS_OF_END.search(before)) is not None and as_of.start() >= 2:
        # 办理服务包企业诉求|截至10月共165条: the date reached is when, not what is counted
        before, classes = before[: as_of.start()], None
    # (most clauses hold no digit: a plain search says so quicker than the pattern's scan)
    numbers = list(_LAST_NUMBER.finditer(before)) if _DIGIT.search(before) else []
    if "等" in before and not numbers:
        before = _after_examples(before, unit)
    if classes and numbers:
        numbers = [m for m in numbers if offset + m.start() not in classes]
    if not numbers:
        subject = _without_quantity(_clean(_second_joined_act(before)))
        # (whether it is a sibling item matters only where an agent could open it)
        sibling = len(subject) >= _AGENT_MIN and _sibling_item(text, start, end)
        return _after_total(subject, sibling)
    last = numbers[-1]
    if _EDITION.fullmatch(before, last.end()) and _YEAR_NUMBER.fullmatch(last.group()):
        found = _clean(before[: last.start()])  # 清单事项从|2021版的10项: which year's, no name
    elif len(last.group()) <= 2 and (month := _MONTH_REST.match(before, last.end())):
        # 2024年1-8月|全区有效发明专利13760件: the rest of a date is when, not what
        found = _clean(before[month.end() :]) or _clean(before[: last.start()])
    else:
        found = _clean(before[last.end() :]) or _clean(before[: last.start()])
    if found.startswith("比") and before[last.start() - 1 : last.start()] in _YEAR_COMPARED:
        # 同2023年比下降, 收案数与2022年比增长: the year compared with is the year before, 同比
        found = _clean(before[: last.start() - 1]) + "同" + found
    if "等" in found:
        found = _examples_named(found)
    return _after_total(_without_quantity(found))


# The rest of a date after its month's or day's number (1-8月|, 9月份|, 10日|): when.
_MONTH_REST = re.compile(r"(?:月份?|日)(?:底|末|初|中旬|上旬|下旬|以来|期间|份)?")
# A year's edition, right before a count (从2021版的10项, 由2020年版的): which, not what.
_EDITION = re.compile(r"年?版(?:本)?的?")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


# A date reached, right before a count (诉求截至10月共165条, 截至2024年底累计…): when
_AS_OF_END = re.compile(
    r"截(?:至|止)(?:到|至)?(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末)?(?:止|前)?"
    r"(?:共计|共|累计|已)?$"
)


# The form or way an act took, before it (以专题报告、文件请示等形式, 以线上线下相结合的方式):
# a means, neither who acted nor what is counted.
_MEANS_FORM = re.compile(r"以[^以,\uff0c。;\uff1b\d]{1,30}?(?:形式|方式)")


# A share named, then the whole it is of (进驻比例占全区政务服务事项的): the share is measured.
_SHARE_OF_WHOLE = re.compile(r"(?:比例|比重|占比)占")
_YEAR_COMPARED = frozenset("同与较和跟")  # (同2023年比, 与上年相比: compared with)


# Adverbs before the verb of a second act joined by 并 (并及时整改, 并成功化解).
_ACT_ADVERBS = ("及时", "成功", "全部", "依法", "逐一", "同步", "一并", "当场", "立即", "认真")


def _second_joined_act(clause: str) -> str:
    """A clause of two acts joined by 并 (梳理廉政风险点并制定|防控措施35条): the count is the
    second act's, as it is after a comma (…风险点，制定防控措施35条), when that act names its
    own object (a verb, perhaps after an adverb, then two characters or more); else the whole
    clause (排查矛盾纠纷并成功化解120件: the second verb's object is the first's)."""
    if "并" not in clause:
        return clause  # (most clauses: no scan for the last joining word)
    joined = max(_ALSO_ACT.finditer(clause), key=lambda m: m.start(), default=None)
    if joined is None or joined.group() != "并" or joined.start() < 2:
        return clause
    rest = clause[joined.end() :]
    verb = 2 if rest.startswith(_ACT_ADVERBS) else 0
    if not _opens_act(rest[verb : verb + 2]) or len(rest) - verb - 2 < 2 or "的" in rest:
        return clause  # (…保留下来并纳入监管的农贸市场: two acts of one 的-phrase)
    return rest


def _examples_named(phrase: str) -> str:
    """What `phrase` (X等Y, its verb cut off with the date before it: 印发2020年度 工作要点等文件)
    counts: Y, the class X are examples of, when no verb stands before 等 (a noun phrase)."""
    found = max(_EXAMPLES_END.finditer(phrase), key=lambda m: m.start(), default=None)
    if found is None or found.start() < 2:
        return phrase
    verbs = _verbs()
    if any(phrase[i : i + 2] in verbs for i in range(found.start() - 1)):
        return phrase  # 顾问参与决策、立法等事务: the examples say what was done
    rest = _clean(phrase[found.end() :])
    return rest if len(rest) >= 2 else phrase


# 个, 家 and 所 count bodies, not people: in "26个主要行政执法单位法制骨干跟班学习…" what is
# counted ends with the body, before the people of it (法制骨干).
_COUNTS_BODIES = frozenset({"个", "家", "所"})
_COUNTS_PEOPLE = frozenset({"名", "人", "人次", "位"})
# A count of people inside an act's name (组织33名…进行了宪法宣誓), and the aspect after its
# light verb: neither is part of the name (`_event_after_count`)
_PEOPLE_COUNTED = re.compile(
    r"\d{1,8}(?:\.\d{1,4})?[余多]?(?:"
    + "|".join(sorted(_COUNTS_PEOPLE, key=len, reverse=True))
    + ")"
)
_ASPECT_AFTER_LIGHT = re.compile(r"(?<=进行|开展|参加|完成)了")
_PEOPLE = re.compile(
    r"(?=[群人干党律职员同居村农学儿老代委工军残当申青妇志对顾领专成])"
    r"(?:群众|人员|干部|党员|律师|顾问|领导班子(?:成员)?|领导|成员(?!单位)|职工|员工|同志|居民|村民|农民工|学生|儿童|老人|代表|委员|工人|"
    r"军人|残疾人|当事人|申请人|人才|青年|妇女|志愿者|对象|专家|学者"
    # (调解员, 网格员, 监督员: one whose work is the word before; not 员工, 委员会, 员额)
    r"|(?<=[\u4e00-\u9fff])员(?![工会额]))"
)
_COUNTS_THINGS = frozenset({"个", "所", "座", "条", "栋"})
_WORKS = ("升级改造", "改造提升", "建设")
_BODIES = (
    r"(?:单位|部门|机关|机构|企业|乡镇|街道|社区|村|学校|医院|事务所|团队|队伍|小组|中心"
    r"|委员会|委会)"  # (调委会, 村委会: a committee is a body)
)
_BODY_THEN_PEOPLE = re.compile(
    _BODIES
    + r"(?=[^,\uff0c。;\uff1b、]{0,4}?(?:骨干|人员|干部|负责人|律师|代表|职工|员工|同志|党员))"
)
_BODY = re.compile(_BODIES)
# A count of its own after a noun (意见80条, 意见九十余条): that noun is not what an earlier
# measure word counts.
_COUNTED_AGAIN = re.compile(r"\d|[一二三四五六七八九十两][十百千万]?余?[条件个项份次名家]")
_BODY_TAIL = 3  # bodies of other kinds may follow the last known one (乡镇 办区园)
_BODY_VERB = 4  # what bodies did, between them and a 的 (单位 反馈 的意见)
_BODY_CHARS = re.compile(r"[办区园所站室队局院村校厂馆]*")  # one character each (not 级心理)
# Before 的, a body may also be one of the party's or an office named by its last character
# (58个党支部的…工作, 6个司法所的…): the bodies are counted, not what is theirs.
_QUALITIES_THEN_HEAD = re.compile(
    f"(?:、[^{_PUNCT}、的\\d]{{1,6}}){{1,4}}的([^{_PUNCT}、的\\d]{{2,10}}?)(?=[{_PUNCT}]|$)"
)
_INTO = ("化为", "分为", "合为", "减为", "整为", "并为", "增为", "升为")  # 细化为, 整合为 …
# The verbs of a clause that may follow another verb of the same agent (研究提出, 组织开展)
_SERIAL_SECOND = frozenset({"提出", "开展", "进行", "出台", "制定", "提供", "完成", "实现", "公布"})
_BODY_LAST = frozenset("所站室队局院位门构校心村区")  # the last characters of bodies (单位, 部门 …)
_BODY_AT_END = re.compile(
    f"(?:{_BODIES}|支部|总支|党委|党组|党组织|领导班子|委员会|协会|[所站室队局院])$"
)
# A point of service (联络点, 服务点, 调解点): a body, named after whom and what it serves
# (企业服务法律联络点), so the verb inside its name opens no predicate.
_SERVICE_POINT = re.compile(r"(?:联络|服务|工作|调解|咨询)点$")
# Where people counted went (15名干部赴…挂职, 8名律师到社区…): what they did, not who.
_PEOPLE_WENT = re.compile(r"[到赴]|前往")
_DIGIT = re.compile(r"\d")
_NEXT_VALUE = re.compile(r"(?:达到|达|为|是|约)?\d")
# Qualities of what is counted (longest first: 海水水质 before 水质).
_ATTRIBUTES = (
    "海水水质",
    "河水水质",
    "湖水水质",
    "空气质量",
    "水质",
    "金额",
    "总额",
    "面积",
    "浓度",
    "比例",
    "比重",
    "占比",
    "规模",
    "数量",
)


# A change's starting value follows (签约率由61%…, 绿化覆盖率由原来的41.2%提升到…).
_FROM = ("由", "从", "由原来", "由原来的", "从原来", "从原来的")
# A change to a new value right after a value (…增加到, 提高至, 压缩至 …), and the characters
# it can start with.
_CHANGE_STARTS = frozenset("增提下降减上压缩精调拟扩拓")
# A basis that opens a clause before its verb (按要求开展…, 按照规定报送…)
_BASIS_LEAD = re.compile(r"^(?:按照|按|根据|依照|依据)(?:要求|规定|部署|计划|安排)")
# A quoted name that holds a number (“2号章”, “1+N”): no subject opens inside it.
_QUOTED_WITH_NUMBER = re.compile("\u201c[^\u201d\u201c\\n]{0,20}\\d[^\u201d\u201c\\n]{0,20}\u201d")
# A change's starting value after a noun (…申报材料 由原来的78个…, 从2020年的5件…)
_FROM_VALUE = re.compile(r"[由从](?:原来|原先|过去|之前|以前|去年|上年|\d{4}年)?的?\d")
_CHANGE_TO = re.compile(
    f"(?=[{''.join(sorted(_CHANGE_STARTS))}])"
    r"拟?(?:增加|增长|提高|提升|提速|下降|降低|减少|上升|压缩|压减|缩短"
    r"|缩减|精简(?:优化)?|调整|扩充|扩增|扩大|扩展|拓展|降|增|减)(?:到|至|为)"
)
# What the new value is, said before it (减为承诺的1557个工作日): no name of the quantity
_NEW_VALUE_WORDS = "承诺的?|现在的?|目前的?|实际的?|平均"
# …the same after a comma (要件数量由3865件,压缩到2643件), or with the year it changed by
# (投诉数量从2020年的5件下降为2021年的1件)
_CHANGE_AFTER = re.compile(
    # (2天|内办结|缩短至6小时: the limit the first value was, then the change)
    f"(?:以?内(?:办结|办理|办完|完成)?)?"
    f"[,\uff0c]?(?:优化|逐步|进一步|大幅)?(?:{_CHANGE_TO.pattern})"
    f"(?:(?:19|20)\\d\\d年(?:底|末|度)?的?|{_NEW_VALUE_WORDS})?"
)
_NOUN_AGAIN = 3  # the longest noun a change's two values both count (由2个市扩大到8个市)


def _change_between(text: str, start: int, end: int, after: int) -> bool:
    """Whether text[start:end], between two values, is a change from the first to the second
    (…增加到, ,压缩至 …), or the first value's noun and then one with the same noun after the
    second (试点由2个|市扩大到|8个市): the same thing counted both times."""
    if _CHANGE_AFTER.fullmatch(text, start, end):
        return True
    for size in range(1, _NOUN_AGAIN + 1):
        noun = text[start : start + size]
        if (
            not "\u4e00" <= noun[-1:] <= "\u9fff"
            or text[after : after + size] != noun
            or start + size >= end
        ):
            return False
        if _CHANGE_AFTER.fullmatch(text, start + size, end):
            return True
    return False


# What says which of the starting value a change starts from (由法定20天, 由原30个工作日 …):
# it is no name of the quantity, and the new value is no longer it.
_START_WORDS = re.compile(
    r"(?:法定|法律规定的?|原来的?|原有的?|原先的?|过去的?|以前的?|现行|之前的?"
    r"|(?:上年|去年)(?:同期|底|末)?的?)"
)
_START_AFTER_FROM = re.compile(f"{_START_WORDS.pattern}|原")  # 由原|30天: 原 alone after 由


# A basis written before a change's starting value (行政复议纠错率较2022年的12.5%下降至8%, 比上年
# 的…): the value after it is the earlier level, the subject ends before the basis. (比 alone
# is no basis: 面积比, 占比 are names of shares.)
_BASIS_BEFORE_START = re.compile(
    r"(?:同比(?:去年|上年|(?:19|20)\d\d年)?|较(?:去年|上年|上一年|前一年|(?:19|20)\d\d年)?"
    r"|(?:比|与)(?:去年|上年|上一年|前一年|(?:19|20)\d\d年))(?:同期|底|末|度)?的?$"
)
# A change by the value that follows, right after a level (…31天|减少16天)
_CHANGE_BY_AFTER = re.compile(f"(?:{'|'.join(_TRAIL_CHANGE)})(?=[\\d约近超])")
# A change to the value that follows (…下降至, 提高到, 压缩为): the value is a level reached.
_REACHED_VERBS = r"(?:增加|增长|提高|提升|下降|降低|减少|上升|压缩|压减|缩短|缩减|降|增|减)"
_REACHED = re.compile(_REACHED_VERBS + r"(?:到|至|为)$")
_REACHED_VERB = re.compile(_REACHED_VERBS + "$")  # what a subject keeps of it (降 of 降为)
# What a level after a change is introduced by (…同比下降12%,为860件; 比上年减少15件,降至60件;
# 同比下降10%,共90件).
_LEVEL_AFTER_CHANGE = re.compile(
    r"(?:为|达|达到|是|共|共计|合计|总计|全年共"
    r"|(?:降|增|减|下降|降低|减少|增加|增长|上升|提高|提升)(?:至|到|为))"
)
# The change that ends a subject, with its basis (行政诉讼案件比上年减少, 案件同比下降): what is
# left before it is the quantity that changed.
_CHANGE_END = re.compile(
    r"(?:(?:较|比|与)(?:去年|上年|上一年|前一年)(?:同期)?(?:相比)?)?(?:同比|环比)?"
    r"(?:下降|降低|减少|增长|增加|提高|提升|上升)$"
)


def _changed_of(subject: str) -> str:
    """行政诉讼案件比上年减少 → 行政诉讼案件: the quantity a change is of ("" when the subject
    is no change, or names nothing before it)."""
    found = _CHANGE_END.search(subject)
    if found is None or found.start() < 2:
        return ""
    return subject[: found.start()]


# A change with no quantity (…吞吐量1306.92万标箱,微跌0.7%): a degree and a direction; the
# direction is written as the finder's other changes are (下降, 增长), so it pairs with them.
_BARE_CHANGE = re.compile(
    r"(?:微|略有?|稍有?|小幅|大幅|明显|有所)?(下跌|下滑|回落|跌|降|上涨|回升|涨|增|下降|增长)"
)
_DIRECTION = {"下跌": "下降", "下滑": "下降", "回落": "下降", "跌": "下降", "降": "下降"}
_DIRECTION |= {"上涨": "增长", "回升": "增长", "涨": "增长", "增": "增长"}


# A change whose quantity is named after its basis (同比审批效率提升, 同比事故起数下降): the
# quantity opens it as in 死亡人数同比下降, and no other clause lends it one
_NAMED_AFTER_BASIS = re.compile(f"(同比|环比)([^\\d{_PUNCT}]{{2,10}}?)({'|'.join(_TRAIL_CHANGE)})")


def _change_named_after_basis(subject: str) -> str:
    found = _NAMED_AFTER_BASIS.fullmatch(subject)
    if found is None or found[2][:2] in _adverbs() or found[2][0] in "分均":
        return subject  # (同比大幅下降, 同比分别上升: how it changed, no quantity)
    return found[2] + found[1] + found[3]


def _bare_change(subject: str) -> str:
    """微跌 → 下降, 小幅回升 → 增长, 有所下降 → 下降; "" for anything else."""
    found = _BARE_CHANGE.fullmatch(subject)
    if found is None or found.group() in ("下降", "增长"):
        return ""
    return _DIRECTION.get(found.group(1), found.group(1))


def _without_start(subject: str) -> str:
    """法定平均办理时间 → 平均办理时间: the quantity a change's new value is of."""
    found = _START_WORDS.match(subject)
    return subject[found.end() :] if found and len(subject) - found.end() >= 2 else subject


_ATTRIBUTES_BY_FIRST = _by_end(_ATTRIBUTES, 0)
_QUALITY = re.compile(f"(?=[{''.join(_ATTRIBUTES_BY_FIRST)}])(?:{'|'.join(_ATTRIBUTES)})")
# Classifier agreement: the heads a measure word counts (名 counts people, 件 cases,
# documents and matters, 场 events …). Chinese marks what a number counts by the measure
# word, so of two noun phrases around a number the one whose head agrees with the measure
# word is what is counted (通过…方式避免近30件涉企行政争议**案件**…; 行政执法**案件**共办理1520件).
# 个 counts almost anything, so it agrees with nothing here.
# Heads that make people of the verb before them (执法|人员, 监督|干部, 调解|员): one name.
_WORKERS = ("人员", "干部", "员")
_PEOPLE_HEADS = (
    *("人", "员", "者", "干部", "群众", "代表", "领导", "律师", "顾问", "对象", "职工"),
    *("同志", "专家", "学生", "居民", "村民"),  # (51名同志赴…: the people counted)
    *("农民工", "渔民", "牧民"),  # (2059名渔民|禁捕退捕任务: the people, not the task)
    "骨干",  # 2704名各级干部骨干参训: the leading staff, people
    *("书记", "委员"),  # 60名党组织书记, 30名政协委员 (not 委员会: a body)
    "校长",  # 91名法治副校长
)
_PERSONS = ("负责人", "责任人", "当事人", "申请人", "代理人")  # whole words that end in 人
# People who attended, before what they attended: counted in events (次, 场, 期), the events
# are counted, not the people (干部参加专题考试6场次 → 参加专题考试). Not 参与, taking part in
# work, where who took part is the point (律师参与信访接待150次).
_PEOPLE_TOOK_PART = re.compile(
    f"[^,\uff0c。;\uff1b\\d参]{{0,10}}?(?:{'|'.join(_PEOPLE_HEADS)})(?=参加|出席|列席)"
)
_BODY_HEADS = (
    "单位",
    "部门",
    "机关",
    "机构",
    "企业",
    "乡镇",
    "街道",
    "社区",
    "学校",
    "医院",
    "中心",
)
# What continues a noun after a head (案件办理情况 is not 案件 and a predicate).
_NOUN_GOES_ON = ("的", "和", "及", "与", "、", "(", "\uff08")
_CASE_HEADS = (
    "案件",
    "文件",
    "事项",
    "建议",
    "提案",
    "申请",
    "诉讼",
    "复议",
    "纠纷",
    "合同",
    "草案",
    "决策",  # 20件重大行政决策
    "决定",  # 行政复议决定书, 纠错决定
)
_EVENT_HEADS = (
    *("会议", "培训", "讲座", "活动", "学习", "宣讲", "巡讲", "演练", "研讨", "检查", "座谈"),
    *("考试", "宣传"),  # 组织法律知识考试2次, 开展反家暴宣传4次
    *("课", "竞赛", "比赛", "论坛", "展览"),  # 开展法治党课2场, 举办知识竞赛3场: held too
    "学法",  # 开展专题学法36次, 组织会前学法: the genre's study of the law, held as a meeting is
    *("发布会", "座谈会", "听证会", "报告会", "推进会"),
    "班",  # classes held (2期…领导干部学习贯彻…专题轮训班): the 学习 inside is no end
    "班次",  # (纳入主体班次852期: the classes)
)
# 项 counts matters, measures, tasks and rules (35项行政许可事项|实施告知承诺制).
_ITEM_HEADS = (
    *("事项", "措施", "任务", "制度", "项目", "举措", "政策", "标准", "清单", "指标"),
    *("职权", "权力", "意见", "建议", "规定", "办法", "问题"),
)
# What a set of measures counted by 条 is for, opening the words before its number (优化法治
# 环境17条措施, 促进民营经济发展壮大20条政策措施): part of their name.
_PURPOSES = ("优化", "促进", "支持", "推动", "加快", "助力", "保障", "激发", "扶持", "稳定")
_ISSUED = ("制定", "出台", "印发", "推出", "发布")
_AGREEMENT: dict[str, tuple[str, ...]] = {
    "项": _ITEM_HEADS,
    # (出台促进民营经济发展壮大20条政策措施: the measures are counted, not the purpose)
    "条": (*_ITEM_HEADS, "条款", "经验", "做法", "线索"),
    **dict.fromkeys(("名", "人", "位", "人次"), _PEOPLE_HEADS),
    **dict.fromkeys(("家", "所"), _BODY_HEADS),
    **dict.fromkeys(("件", "宗", "起"), _CASE_HEADS),
    **dict.fromkeys(("场", "场次", "期"), _EVENT_HEADS),
    **dict.fromkeys(("艘", "艘次"), ("船", "船舶", "渔船", "艇")),  # (1041艘捕捞渔船)
}


# An act alone in brackets after a clause on what changed (…案件大幅增加(新收2758件)): the
# count glosses that clause's noun, done so
_BRACKETED_ACTS = frozenset({"新收", "收到", "受理", "办理", "共办理", "办结", "审结", "新增"})
# what the clause says of its noun after it: a change, and the figure of it (增幅超3.6倍)
_GLOSSED_TAIL = re.compile(
    r"(?:数量|数)?(?:大幅|明显|持续|稳步|有所)?(?:增幅|降幅|增长|增加|上升|下降|减少)"
    r"(?:超过?|达到?|为|约)?(?:\d{1,12}(?:\.\d{1,6})?(?:倍|%|\uff05|个百分点)?)?$"
)


def _glossed_noun(text: str, bounds: list[int], at: int, floor: int, unit: str) -> str:
    """The noun of the clause (`_clause_before`, not before `floor`) a bracket opening the
    clause at `at` glosses, when that clause says how it changed and its noun agrees with
    `unit` (全市行政复议案件大幅增加(新收…件): 行政复议案件); else ""."""
    if at < 2 or text[at - 1] not in _OPENING_BRACKETS:
        return ""
    clause = _clause_before(text, bounds, at, floor)
    tail = _GLOSSED_TAIL.search(clause)
    if tail is None or tail.start() < 2:
        return ""
    noun = clause[: tail.start()]
    if (of := noun.rfind("的")) >= 0 and len(noun) - of - 1 >= 4:
        noun = noun[of + 1 :]  # (因…争议引发的|公安交警处罚类…案件: which cases, not why)
    noun = _strip_lead(noun)
    return noun if len(noun) >= 2 and _agrees(noun, unit) else ""


def _agrees(noun: str, unit: str) -> bool:
    """Whether `noun`'s head is of the kind `unit` counts (案件 for 件, 群众 for 名)."""
    heads = _AGREEMENT.get(unit)
    return heads is not None and noun.endswith(heads)


_WHOLE_HEADS = {unit: tuple(h for h in heads if len(h) >= 2) for unit, heads in _AGREEMENT.items()}
_WHOLE_HEADS.update(dict.fromkeys(("名", "人", "位", "人次"), (*_PEOPLE_HEADS[3:], *_PERSONS)))


def _agreeing_end(phrase: str, unit: str) -> int:
    """Where the counted noun after a measure word ends: after the first head that agrees with
    it when what follows is something else (近30件涉企行政争议案件|进入诉讼程序, 64名科级领导
    干部|履行…); len(phrase) when there is none."""
    heads = _WHOLE_HEADS.get(unit, ())
    ends = sorted(at + len(h) for h in heads if (at := phrase.find(h)) >= 0)
    for end in ends:
        word_end = _word_end(phrase[: end + 4], end)
        if word_end != end and phrase[:word_end].endswith((*heads, *_NAMED_BY_WORK)):
            end = word_end  # 理论学习中心|组: 中心组 is one word, and a head
        rest = phrase[end:]
        if (
            len(rest) >= 4
            and not _agrees(rest, unit)
            and _SERVICE_POINT.search(rest) is None  # (企业|服务法律联络点: one name)
            and not rest.startswith(_NOUN_GOES_ON)
            and not rest.startswith(_AGREEMENT[unit])  # 领导|干部: one compound
            # (items go on in compounds, 事项|工作规范: only a verb ends them, 事项|实施…)
            and (unit != "项" or _opens_predicate(rest) or _any_verb(rest[:2], guessed=False))
        ):
            return end
    if unit in _COUNTS_PEOPLE:
        # 19名…社会监督员|监督执法: people named by a one-character head (员), then a verb
        # or a verbal noun that opens what they do (not 委员会, 员工: words going on past 员)
        at = phrase.find("员", 1)
        while at > 0:
            rest = phrase[at + 1 :]
            if (
                len(rest) >= 3
                and rest[:1] not in "会工额"
                # (a verbal noun too: 监督执法, 服务群众)
                and (_any_verb(rest[:2], guessed=False) or word_classes().get(rest[:2]) == "M")
            ):
                return at + 1
            at = phrase.find("员", at + 1)
    return len(phrase)


# Heads that close the noun phrase a measure word counts, of any measure word (个, 条, 份 …):
# a verb of the dictionary right after one opens the predicate (12个试点项目|通过验收,
# 8条意见建议|得到采纳), when more follows it.
_CLOSING_HEADS = (
    *("事项", "措施", "任务", "制度", "项目", "清单", "问题", "方面", "领域", "平台", "站点"),
    *("机构", "部门", "单位", "社区", "街道", "企业", "案件", "文件", "意见", "建议", "线索"),
    "主体",  # (52046户市场主体|享受…服务)
    *("文章", "法规", "规章", "合同", "资料", "会议", "讲座", "课题", "工作室", "工作站"),
    # (not 信息, 活动, 试点: 信息|公开, 活动|开展情况, 试点|建设 go on as one noun)
)
_CLOSING_LAST = frozenset(head[-1] for head in _CLOSING_HEADS)
# Nouns that make a verb before them the name of a piece of work (清理工作, 督查活动)
_WORK_NOUNS = frozenset({"工作", "活动", "行动"})


# 多/跨 before a body or a head makes it a qualifier (多部门联合执法, 跨区域协作): not counted.
_ACROSS = frozenset("多跨")


def _qualified_head(phrase: str, at: int) -> bool:
    """Whether the head ending at `at` comes right after an opening 多/跨 (多部门, 跨区域)."""
    return at <= 3 and phrase[:1] in _ACROSS


def _head_then_verb(noun: str) -> int:
    """Where a counted noun ends before a predicate: before a verb that ends it right after a
    closing head (11个事项|整合, 4100余个权力事项|录入); else after the first closing head
    followed by a verb of the dictionary and at least two characters more; 0 when none is."""
    last = len(noun) - 2
    if (
        noun.endswith(_CLOSING_HEADS, 0, last)
        and (
            _is_verb(noun[last:], guessed=False)
            # (a verb only the dictionary lists, after a head alone, makes one compound with it:
            # 部门联动, the state they make together)
            or (len(noun) >= 6 and _any_verb(noun[last:], guessed=False))
        )
    ):
        return last
    for at in range(2, len(noun) - 3):
        if _qualified_head(noun, at):
            continue  # 多部门|联合执法, 跨部门|协同…: a head after 多/跨 qualifies the noun
        rest = noun[at:]
        if rest[2:] in _WORK_NOUNS:
            continue  # 规范性文件|清理工作: the verb and 工作 name the work, no predicate
        if (
            noun[at - 1] in _CLOSING_LAST
            and noun.endswith(_CLOSING_HEADS, 0, at)
            and (
                _opens_predicate(rest)
                # any verb of the dictionary (5项行政审批事项|下放实质性审批权), or a manner
                # in -化 before one (109个…工作室|规范化运行)
                or _any_verb(rest[:2], guessed=False)
                or (rest[2:3] == "化" and _any_verb(rest[3:5], guessed=False))
            )
        ):
            return at
    return 0


# A change or a share named after a counted noun, then valued (…事项|材料压减40%).
_VALUED_ENDS = (*_TRAIL_CHANGE, "压减", "削减", "精简", "压缩", *_SHARES)


def _next_value_named(phrase: str) -> int:
    """Where a counted noun's closing head ends when the words after it name the next
    number's value (a change, a rate or a share), or 0."""
    if not phrase.endswith(_VALUED_ENDS):
        return 0
    for at in range(2, len(phrase) - 1):
        if phrase[at - 1] in _CLOSING_LAST and phrase.endswith(_CLOSING_HEADS, 0, at):
            return at
    return 0


# What opens a new phrase right after a closing head: a part of the whole (9个部门|部分
# 权力事项: the measure word counts the departments, some of their powers are the predicate's).
_PARTS = ("部分", "全部", "所有")


def _opens_predicate(rest: str) -> bool:
    """Whether the words after a counted noun's head open its predicate: a verb of the
    dictionary, 在 and a place (141项事项|在村级可办; not 在线, 在建), or a part of it."""
    return (
        _is_verb(rest[:2], guessed=False)
        or (rest[:1] == "在" and rest[1:2] not in _NOT_WHERE)
        or rest.startswith(_PARTS)
    )


# The noun a numeral and its measure word bind to is the nearest one: in N个X的Y, a short X
# that is a noun of the dictionary (领域, 方面, 环节) is what is counted, Y is theirs.
_NEAREST_NOUN = 4
# Measure words that end the nouns they count too (条 of 法条, 件 of 案件, 项 of 事项)
_SELF_MEASURED = frozenset("条件项")


def _a_noun(words: str) -> bool:
    """A short noun phrase ending in a noun of the dictionary, with no verb in it."""
    classes = word_classes()
    return classes.get(words[-2:]) == "N" and not any(
        _is_verb(words[i : i + 2], guessed=False) for i in range(len(words) - 1)
    )


# Verbs and adverbs that open the predicate of a counted noun that is its subject (12项权限
# 得到承接, 45项事项 全部/均/已 实现…): where the noun ends, before a 的 of the predicate's.
_PREDICATE_OPENS = re.compile(r"得到|受到|实现|纳入|获得?|取得|全部|均|已|被(?!告)")
# A word of scope right before such a verb says how far the predicate goes (全程, 全量, 全面).
_SCOPE_BEFORE = re.compile(r"全[程量面部数额]")
_NOT_PREDICATES = frozenset({"和", "与", "及", "等", "共"})  # stops that join or close nouns


def _adverb_after_noun(phrase: str, at: int | None = None) -> bool:
    """Whether the two characters at `at` (default: `phrase`'s last two) are an adverb of the
    dictionary, not also a verb, right after a noun of it (…制度|逐步)."""
    at = len(phrase) - 2 if at is None else at
    classes = word_classes()
    word = phrase[at : at + 2]
    return (
        classes.get(word) == "A"
        and word in _adverbs()
        and word not in _verbs()
        and classes.get(phrase[at - 2 : at]) == "N"
    )


def _adverb_opens_predicate(phrase: str, manner_only: bool = False) -> int:
    """Where a predicate opens inside the words after a count: a noun of the dictionary, then an
    adverb (no verb) and a verb of the dictionary (8项配套制度|逐步完善, 15个试点项目|稳步推进);
    0 when it does not. `manner_only`: the adverb must be one of manner (推动42个问题|有效整改;
    not 完成206台老旧电梯|更新改造, one object of 完成, 更新 an adverb to the dictionary)."""
    for at in range(2, len(phrase) - 3):
        if (
            _adverb_after_noun(phrase, at)
            and _any_verb(phrase[at + 2 : at + 4], guessed=False)
            and (not manner_only or phrase[at : at + 2] in _MANNER_AFTER_NOUN)
        ):
            return at
    return 0


def _act_after_object(subject: str) -> str:
    """The act named after the bodies or people an act was done to (市县两级有关部门|实地督导,
    乡镇主要领导|约谈), or ""."""
    ends = [m.end() for m in _BODY.finditer(subject)] + [m.end() for m in _PEOPLE.finditer(subject)]
    if not ends:
        return ""
    rest = subject[max(ends) :]
    if not 2 <= len(rest) <= _SHORT_SUBJECT or _names_people(rest):
        return ""
    return rest if word_classes().get(rest[-2:]) != "N" else ""  # (督导, 检查: not 部门|领导)


# People named right after a body's level in brackets (部门(单位)党政主要负责人): the bodies'.
_THEIR_PEOPLE = 8


def _names_people(words: str) -> bool:
    return _PEOPLE.search(words) is not None or any(person in words for person in _PERSONS)


# A short alternative level in brackets after a counted noun: 村(社区), 镇(街道).
_LEVEL_AFTER = re.compile(r"[(\uff08][^()\uff08\uff09\d,\uff0c。]{1,4}[)\uff09]")

# People counted, then what they have (27名有专业特长、…有影响力的 指导员): the clause ends
# at its last 的 before the clause does.
_WHO_HAVE = re.compile(f"有[^{_PUNCT}\\d]{{2,40}}的(?=[^{_PUNCT}\\d的]{{2}})")
# A batch before what it holds (29项 第二批|下沉园区事项): no noun of its own.
_BATCH_ONLY = re.compile(_BATCH)
# 并 opening a second act after a count (683件并整改…); not 并联, 并购 … (names of things)
# Words that open with 出 (确保出庭应诉率…, 推动出台…): no verb's result 出 (梳理出); not
# 出行 or 出现, which 梳理出行政… and 排查出现有… hold
_WORDS_OF_CHU = (
    "出庭",
    "出台",
    "出具",
    "出租",
    "出口",
    "出版",
    "出境",
    "出让",
    "出资",
    "出警",
    "出勤",
    "出生",
    "出售",
    "出院",
)
_ALSO_ACT = re.compile(r"并(?![联购网轨列存行发])|且")  # (并且, 且: a second act or clause)

_KIND = 4  # a kind listed before a head (纺织、化工、电镀 企业) has at most this many characters
_NOT_KINDS = frozenset("在对向为把将从")  # 9项在区、街道…: a preposition's places, not kinds


def _kinds_then_head(tail: str, at: int) -> int | None:
    """After a first kind and its 、 (at `at`): where the list ends when more kinds follow and
    the last runs on into a head (化工、电镀行业|完成…; the end of `tail` when no mark ends it),
    each kind short, none a verb and none with a number; None when the 、 lists something
    else."""
    while True:
        after = _NOUN_END.search(tail, at)
        item = tail[at : after.start() if after else len(tail)]
        if (
            not item
            or _DIGIT.search(item)
            # (a verb is a kind when a head closes it: 29个登记、备案|事项)
            or (_is_verb(item[:2], guessed=False) and not item.startswith(_CLOSING_HEADS, 2))
        ):
            return None
        if after is None or tail[after.start()] != "、":
            return at + len(item) if len(item) > 2 else None
        if len(item) > _KIND:
            return None
        at = after.end()


_ACT_JOINED = re.compile(r"以及|及|和|并")


def _opens_act(word: str) -> bool:
    """`word` is a verb of the dictionary (开展, 召开) or a verbal noun (研究)."""
    return _any_verb(word, guessed=False) or word_classes().get(word) == "M"


def _second_act(phrase: str) -> int:
    """Where a second act opens after the first act's object (召开常务会议|研究…): a verb
    right after a noun, past the first act; 0 when there is none."""
    if not _opens_act(phrase[:2]):
        return 0
    classes = word_classes()
    for at in range(4, len(phrase) - 3):
        if classes.get(phrase[at - 2 : at]) == "N" and _opens_act(phrase[at : at + 2]):
            return at
    return 0


# Words that open a basis, what something was done by or after (按照权责清单, 根据…规定).
_ACCORDING = ("按照", "依照", "依据", "根据", "对照", "参照")
_BASIS_INSIDE = re.compile("|".join(_ACCORDING))
# Words of how an act went that stand right before its verb (实地开展, 联合执法, 逐项整改)
_MANNER_BEFORE_ACT = ("实地", "现场", "集中", "联合", "共同", "统一", "逐一", "逐项")
# A means the clause was done by (通过此种创新方式为198户企业…, 依托网格化管理为1200户群众…): no act
# of its own either, so the noun after the count is what is counted.
_MEANS_OPENING = (*_MEANS_WORDS, "依靠", "借力")
_BASIS_OR_MEANS = (*_ACCORDING, *_MEANS_OPENING)
# Either inside a counted noun opens its predicate (50个下属单位|利用宣传栏)
_BASIS_OR_MEANS_INSIDE = re.compile("|".join(_BASIS_OR_MEANS))
# Verbs that make the people after them act (组织6人完成培训并取得执法证件): alone before a
# count of people, they do not say what the people are counted for; the act after them does.
_PEOPLE_PIVOTS = frozenset(
    {"组织", "安排", "动员", "带领", "选派", "督促", "引导", "鼓励", "推荐", "选送"}
)


# A meeting named right after its count, then what it did (召开4次常务会议|专题研究…,
# 3次党组会|听取…): the act opens after the meeting's name (a manner word, 专题 / 集中, or
# a verb of the dictionary), not 会议纪要, 会议精神 (nouns of one compound).
_MEETING_THEN_ACT = re.compile(
    r"(?:会议|常委会|常务会|党组会|办公会)(?=专题|集中|研究|听取|审议|学习|部署)"
)


# A year right after a measure word (举办3期2025年度…培训班): it says which, not what.
_YEAR_OPENING = re.compile(r"(?:19|20)\d\d(?:年度|年(?![底初末中内以来前后]))(?=[\u4e00-\u9fff])")

# What bodies have or do, right after the bodies counted (18个乡镇街道|行政许可、行政处罚等
# 职权事项, 6个…执法单位|法治建设): the bodies are counted.
_BODIES_MATTERS = re.compile(r"行政(?:许可|处罚|检查|强制|征收|执法)|法治|执法|权[力责]|职权|述法")


def _bodies_counted(noun: str, unit: str) -> str:
    """A count of bodies whose noun runs on into their matters ends with the bodies."""
    if unit not in _COUNTS_BODIES:
        return noun
    body = max(_BODY.finditer(noun), key=lambda m: m.end(), default=None)
    if body is not None and body.end() >= 2 and _BODIES_MATTERS.match(noun, body.end()):
        return noun[: body.end()]
    return noun


# A coverb or helping verb right before a count (向, 帮助 …): the things counted are those
# an act after them went to or was helped on
_TOWARD_WHOM = ("向", *_HELPERS, "帮扶")


def _toward_whom(noun: str, raw_before: str) -> str:
    """向5个直属分局|派驻执法中队, 帮助74个门市业主|解决…: those an act went to or was helped
    on are counted, up to where the act opens inside the noun after the count."""
    if not raw_before.endswith(_TOWARD_WHOM):
        return noun
    act = next(
        (
            at
            for at in range(2, len(noun) - 1)
            if _opens_act(noun[at : at + 2])
            # (站所负责|同志, 负责|人: a role named by its work, no act)
            and noun[at + 2 : at + 3] not in _PERSON_ENDS
            and _PEOPLE.match(noun, at + 2) is None
        ),
        0,
    )
    if not act:
        return noun
    # (向6家具有败诉风险单位|制发…: a verb before the bodies' head describes them; the act
    # they were the object of follows the head)
    head_end = next(
        (at for at in range(len(noun) - 2, act, -1) if noun.endswith(_BODY_HEADS, 0, at)), 0
    )
    return noun[: head_end or act]


def _noun_and_examples(text: str, start: int, unit: str) -> tuple[str, int]:
    """The counted noun after a measure word, with the examples listed before its head
    (1224项行政许可、行政征收等权力事项: the head after 等 is what is counted), and its end."""
    noun, end = _noun_after(text, start, unit)
    if "、" in noun and text[end : end + 1] == "等":
        head, head_end = _noun_after(text, end + 1, unit)
        if len(head) >= 2:
            return f"{noun}等{head}", head_end
    return noun, end


# Acts done to what is counted, named after its 的 (7个区级审批事项的改革, 1280项政务服务事项
# 的标准化梳理), besides the acts on documents (`govread.acts.names_act`), or the state they
# make together (10个部门实体入驻的新局面): what is counted is before the 的.
_DONE_TO_THEM = re.compile(
    r"[^的\d]{0,4}?(?:改革|整改|梳理|督察|督查|检查|核查|排查|评查|落实|局面|格局|态势|氛围|情况)"
)


# Titles listed as examples right after a count, perhaps after its act, then 等 (6次学习《宪法》
# 《行政复议法》等重要法律法规): group 1 is the act.
_TITLES_THEN_HEAD = re.compile(
    f"([^《》{_PUNCT}、\\d]{{0,4}})(?:《[^《》]{{1,40}}》[、和及与]?){{1,8}}等"
)


# A place word that closes a counted noun (整合到32个行业(领域)中, 除…18类项目外): where, not
# what; not when the character before makes a word of it (高中, 其中, 境外, 国内 …).
_LOCATIVE_AFTER_WORD = {
    "中": "高初集其空心手途",
    "外": "国境海省市县区室户野课另此以额意格内之",
    "内": "国境海省室户体党年月日期之以对",
}


def _without_locative(noun: str) -> str:
    """The counted noun without a place word closing it (行业(领域)中 → 行业(领域)); not
    the 中 of a frame with 在 (4件正在审理中: what holds of them)."""
    last = noun[-1:]
    if (
        len(noun) >= 3
        and last in _LOCATIVE_AFTER_WORD
        and noun[-2] not in _LOCATIVE_AFTER_WORD[last]
        and not (last == "中" and "在" in noun)
    ):
        return noun[:-1]
    return noun


# An aside in brackets right after a measure word, no digit in it (a count's own notes, 其中
# 8件, are figures of their own): what it includes (51件(含经开区)商标), how often, or the
# measure word's other form (6条(段)河道, 12个(家)企业).
_ASIDE_AFTER_COUNT = re.compile(r"[(\uff08][^()\uff08\uff09\d,\uff0c。;\uff1b]{1,20}[)\uff09]")
# A list of manners made with 化 after a counted noun (…事项 目录化、编码化、数字化管理): the
# item after the first list mark is one too.
_MANNERS_LISTED = re.compile(r"[^、,\uff0c。;\uff1b\d]{2}化")
_NOUN_AND_MANNER = 5  # a noun of two characters, then a manner of three


# A level named in brackets inside a name (州(市), 县(市、区), 村(社区)): no clause ends there
_LEVEL_NAMED = re.compile(
    r"[(\uff08](?:[市区县州盟镇乡]|社区|街道|乡镇|[市县][、,][市区县](?:[、,][市区县])?)[)\uff09]"
)
# Who holds what was counted, changed after it (…经办权限由市级调整为区级, 由省级下放至市级)
_MOVED_BY = re.compile(r"由[^由\d]{1,8}?(?:调整|下放|划转|变更|改)(?:为|至|到|给)")


# What makes a body up, after those counted (44个成员单位|组成的…委员会).
_MADE_UP_OF = re.compile("[组构]成的")
# One-character adverbs before a verb (全覆盖, 均设立): after 中 they open what was done there.
_ONE_CHARACTER_ADVERBS = frozenset("全均都已也")


_SHORT_NOUN_JOINED = 4  # 和 and a noun this short at the clause's end: counted together
_TITLE_IN_NOUN = 22  # a 《title》 right after a measure word, this long at most, opens its noun


# The number of a public service line (12345, 12348, 110) opening a name (12348线上平台):
# three to five digits from 1, then a word, never a measure word (1件3000元以上…)
_SERVICE_LINE = re.compile(
    r"1\d{2,4}(?![\d元件项个次人名万亿千百十余多%\uff05.])(?=[\u4e00-\u9fff])"
)


def _noun_after(text: str, end: int, unit: str = "", quoted: bool = True) -> tuple[str, int]:
    """The counted noun right after a measure word (惠及3191家 **企业**) and where it ends.

    A phrase with 的 gives its head (以区政府为被告的 **行政诉讼案件**); a quoted name right
    after the measure word is part of it (6场 **“福田表达”公开课**).
    """
    if text[end : end + 1] in "12" and (year := _YEAR_OPENING.match(text, end)):
        # 3期 2025年度 …培训班: the year the things are of, then what is counted
        noun, noun_end = _noun_after(text, year.end(), unit, quoted)
        return (noun, noun_end) if noun else ("", end)
    if (
        quoted
        and text[end : end + 1] in ("(", "\uff08")
        and (aside := _ASIDE_AFTER_COUNT.match(text, end))
    ):
        # 开展4次(每个季度进行一次)“双随机”执法检查: an aside on the count (how often, when),
        # then what is counted; it is no noun
        noun, noun_end = _noun_after(text, aside.end(), unit, quoted)
        return (noun, noun_end) if noun else ("", end)
    if text.startswith("案由", end) and (cause := _CAUSE_OF_ACTION.match(text, end)):
        # 1起|案由为擅自设立弃置场…: the cases are named by their cause
        return cause.group(1), cause.end()
    if text[end : end + 1] == "1" and (line := _SERVICE_LINE.match(text, end)):
        # 1个 12348线上平台: a service line's number opens the name of what is counted
        rest, rest_end = _noun_after(text, line.end(), unit, quoted)
        return (line.group() + rest, rest_end) if len(rest) >= 2 else ("", end)
    if text[end : end + 1] in _CHANGE_STARTS and _CHANGE_TO.match(text, end):
        return "", end  # 从1000家增加到1200家: a change follows, no counted noun
    if unit in _THINGS_COUNTED and _ALSO_ACT.match(text, end):
        return "", end  # 评查案卷683件并整改问题24条: a second act follows, no counted noun
    if _WHERE_AFTER.match(text, end):
        return "", end  # 医保19项在区、街道大厅…受理: where or by whom, no counted noun
    if _CHANGE_BY_AFTER.match(text, end):
        return "", end  # 33微克/立方米|下降9.09%: a change by the next value, no noun
    if text[end : end + 1] in _RANK_VERB_FIRST and _RANK.match(text, end):
        return "", end  # 17项|居全省前5位: a rank of those counted follows, no noun
    if (
        unit in _COUNTS_PEOPLE
        and text.startswith("有", end)
        and (who := _WHO_HAVE.match(text, end))
        and len((described := _noun_after(text, who.end(), unit, quoted=False))[0]) > 2
    ):
        # 27名有专业特长、经验丰富…的交通运输行业指导员: the people the 的-clause describes (not
        # 12名有执法资格的人员: 人员 alone says nothing)
        return described
    if quoted and text.startswith("\u201d", end) and end + 1 < len(text):
        return _noun_after(text, end + 1, unit, quoted=False)  # “12条”措施: a count quoted alone
    if quoted and text.startswith("\u201c", end):  # one quotation, not a chain of them
        close = text.find("\u201d", end + 1, end + _MAX_SUBJECT)
        if close > end + 1:
            quotation = text[end + 1 : close]
            chain, chain_close = quotation, close
            while (
                text.startswith("\u201c", chain_close + 1)
                and (next_close := text.find("\u201d", chain_close + 2, end + _QUOTED_CHAIN))
                > chain_close + 2
            ):
                chain += text[chain_close + 2 : next_close]
                chain_close = next_close
            if text.startswith("等", chain_close + 1):
                # 10个“郑大进精神调解室”“厝边头尾调解室”等|品牌调解室: quoted examples, then
                # the class counted
                class_, class_end = _noun_after(text, chain_close + 2, unit, quoted=False)
                if len(class_) >= 2:
                    return class_, class_end
            if (
                chain_close > close
                and "\u4e00" <= text[chain_close + 1 : chain_close + 2] <= "\u9fff"
            ):
                # 15家“失联”“僵尸”企业: quoted kinds in a row, one name before the head
                quotation, close = chain, chain_close
            if (
                text.startswith("的", close + 1)
                and ("、" in quotation or len(quotation) > _QUOTED_NAME)
                and len((of_kind := _noun_after(text, close + 2, unit, quoted=False))[0]) >= 2
            ):
                # 4部“一个文本、三家通过、同步施行”的|协同立法项目: a slogan says of what kind
                # the things counted are, the noun after its 的 names them
                return of_kind
            rest, rest_end = _noun_after(text, close + 1, unit, quoted=False)
            if text.startswith("中", close + 1) or _PREDICATE_STOP.match(text, close + 1):
                # 14项“高效办成一件事”|中涉及…: among them; 26个“一件事”|上线运行: its predicate
                rest, rest_end = "", close + 1
            written = text[close + 1 : rest_end] if rest else ""  # as written (全国…)
            return _strip_lead(quotation) + written, rest_end
    if "《" in text[end : end + 6] and (titled := _TITLES_THEN_HEAD.match(text, end)):
        # 6次学习《宪法》《行政复议法》等|重要法律法规: the titles are examples of what is
        # counted, named after 等 (the act before them stays)
        rest, rest_end = _noun_after(text, titled.end(), unit, quoted)
        return (titled.group(1) + rest, rest_end) if rest else ("", end)
    if (
        quoted
        and text.startswith("的《", end)
        and (title := _TITLE.match(text, end + 1)) is not None
        and title.end() - end - 1 <= _TITLE_IN_NOUN
        and _CLAUSE_END.match(text, title.end())
    ):
        # 4大类、53小项的《…事项目录清单》: the classes and items of what the title names
        return text[end + 1 : title.end()], title.end()
    if (
        quoted
        and text.startswith("《", end)
        and (title := _TITLE.match(text, end)) is not None
        and title.end() - end <= _TITLE_IN_NOUN
    ):
        # 推出4期《执法者来普法》普法视频节目: a title names the things counted, then their head
        rest, rest_end = _noun_after(text, title.end(), unit, quoted=False)
        if len(rest) >= 2:
            return text[end : title.end()] + rest, rest_end
    tail = text[end : end + _MAX_SUBJECT]
    match = _NOUN_END.search(tail)
    phrase = tail[: match.start()] if match else tail
    if not phrase:
        return "", end  # (a mark right after the measure word: no rule below finds a noun)
    if (
        ("第" in phrase or "前" in phrase)
        and (ranked := _RANK.search(tail, 2)) is not None
        and ranked.start() < len(phrase)
    ):
        phrase, match = phrase[: ranked.start()], None  # 12个指标|排名全省前3名
    if (among := _AMONG_AFTER.search(phrase, 2)) is not None and (
        _opens_act(there := phrase[among.end() : among.end() + 2])
        or there in _adverbs()
        or (there[:1] in _ONE_CHARACTER_ADVERBS and _opens_act(phrase[among.end() + 1 :][:2]))
    ):
        # 13个党校主体班次中|全覆盖设置…: in them, then what was done there (not 开阳县中青年…)
        phrase, match = phrase[: among.start()], None
    if "由" in phrase and (moved := _MOVED_BY.search(phrase, 2)) is not None:
        # 2项政务服务事项经办权限|由市级调整为区级: who holds it changes, after the noun
        phrase, match = phrase[: moved.start()], None
    if (changed := _FROM_VALUE.search(tail, 2)) is not None and changed.start() < len(phrase):
        # 7个市级事项|申报材料 由原来的78个减少至49个: a change follows of what the things
        # counted hold (their materials, their time limit); the things are counted, up to
        # their head, and what changed is left to the values of the change
        phrase, match = phrase[: changed.start()], None
        head = next(
            (at for at in range(2, len(phrase) - 1) if phrase.endswith(_CLOSING_HEADS, 0, at)), 0
        )
        if head:
            phrase = phrase[:head]
    if (
        quoted
        and match
        and tail[match.start()] == "\u201c"
        and 0 < len(phrase) <= _MODIFIER
        and _NOUN_STOP.search(phrase) is None  # (1个案例入选“…”: the quotation is after a verb)
        and not (
            unit in _COUNTS_BODIES and phrase.endswith("的") and _BODY_AT_END.search(phrase[:-1])
        )
        and (close := text.find("\u201d", end + match.end(), end + _MAX_SUBJECT)) > 0
    ):
        # 2家省级“文明规范公正”司法所: a name quoted inside the counted noun, not its end
        rest, rest_end = _noun_after(text, close + 1, unit, quoted=False)
        if rest:
            return _strip_lead(phrase) + text[end + match.start() : close + 1] + rest, rest_end
    if (
        quoted
        and match
        and tail[match.start()] == "\u201c"
        and len(phrase) >= 2
        and _NOUN_STOP.search(phrase) is None
        # (339个事项|“通城通办”: after a head the quotation says what was done with them;
        # 179公里绿道交相辉映的|“山海玉带”: a clause's 的 describes what the quotation names)
        and "的" not in phrase
        and not any(head in phrase for head in _CLOSING_HEADS)
        and not _agrees(phrase, unit)
        and (close := text.find("\u201d", end + match.end(), end + match.end() + _QUOTED_NAME + 1))
        > 0
        and _CLAUSE_END.match(text, close + 1)
    ):
        # 2家标准化农村集体聚餐“共享厨房”, 400余项免罚轻罚不予处罚“三张清单”,: a short name
        # quoted at the clause's end is the head the words before it qualify
        return _strip_lead(phrase) + text[end + match.start() : close + 1], close + 1
    if (
        match
        and tail[match.start()] == "、"
        and phrase.endswith("化")
        and len(phrase) >= _NOUN_AND_MANNER
        and _MANNERS_LISTED.match(tail, match.end())
    ):
        # 5081项政务服务事项 目录化、编码化、数字化管理: a list of -化 manners (a stem of two
        # characters and 化 each) follows the noun counted, never part of it (nor is the
        # list after it one of nouns: no list rule below reads it)
        phrase, match = phrase[:-3], None
    while match and tail[match.start()] == "、" and len(phrase) == 1:
        # 市、县行政许可事项 / 村、社区: one-character levels listed inside one noun
        match = _NOUN_END.search(tail, match.end())
        phrase = tail[: match.start()] if match else tail
    if match and tail[match.start()] == "、" and 2 <= len(phrase) <= _SHORT_SUBJECT:
        # 52项操作性、针对性强的改革措施: qualities listed before 的, the head after it counted
        de = _QUALITIES_THEN_HEAD.match(tail, match.start())
        if de is not None:
            return de.group(1), end + de.end()
    listed = match
    while listed and tail[listed.start()] == "、" and len(phrase) >= 2:
        # 19次局党委会、局长办公会: nouns of one head listed are what is counted, together
        # (when the whole list is in sight: it ends before the clause does)
        after = _NOUN_END.search(tail, listed.end())
        item = tail[listed.end() : after.start() if after else len(tail)]
        if (
            (meeting := _MEETING_THEN_ACT.search(item)) is not None
            and item[meeting.end() - 1] == phrase[-1]
            and not _DIGIT.search(item, 0, meeting.end())
        ):
            # 5次召开部党组会、部常务会|研究…: the list's last meeting, then what they did; the
            # meetings listed are what is counted, together
            phrase, match = tail[: listed.end() + meeting.end()], None
            break
        if after is None or item[-1:] != phrase[-1] or _DIGIT.search(item) or len(item) < 2:
            conjunction = _ACT_JOINED.search(item, 2)
            if (
                conjunction is not None
                and item[conjunction.start() - 1] == phrase[-1]
                and not _DIGIT.search(item)
                and _opens_act(item[conjunction.end() : conjunction.end() + 2])
            ):
                # 8次召开党组会、专题会及开展集中学法: the list's last noun, then a second act
                # conjunction to it; the nouns of one head are what is counted (the act after 及
                # is said with them, not listed among them)
                phrase, match = tail[: listed.end() + conjunction.start()], None
            break
        listed = after
        if tail[after.start()] != "、":
            match, phrase = after, tail[: after.start()]
    if (
        match
        and tail[match.start()] == "、"
        and unit in _HOW_OFTEN
        and (second := _second_act(phrase)) > 0
        and (clause := _BOUNDARY.search(text, end + match.end())) is not None
        and _DIGIT.search(text, end + match.end(), clause.start())
    ):
        # 5次召开常务会议 研究规划编制、财政预算等议题34项: a list counted by a later number is
        # the object of the second act; the count before is of the first act and its object
        phrase = phrase[:second]
    if unit in _HOW_OFTEN and (meeting := _MEETING_THEN_ACT.search(phrase)) is not None:
        # 4次市政府常务会议 专题研究法治政府建设: a count before a meeting counts the
        # meetings; what they studied or heard is their business, not what is counted
        phrase = phrase[: meeting.end()]
    if (
        match
        and tail[match.start()] == "、"
        and 2 <= len(phrase) <= _KIND
        and phrase[0] not in _NOT_KINDS
        # (15项重点任务、责任分工和完成时限: a head noun first is what is counted, the rest
        # are other things set with it, no kinds of one head)
        and not phrase.endswith(_CLOSING_HEADS)
        and (kinds_end := _kinds_then_head(tail, match.end())) is not None
    ):
        # 18家纺织、化工、电镀企业: kinds listed before one head are what is counted, together
        match = _NOUN_END.match(tail, kinds_end)
        phrase = tail[:kinds_end]
    if ("为" in phrase or "向" in phrase or "给" in phrase) and (
        whom := _FOR_WHOM.search(phrase, 2)
    ) is not None:
        phrase = phrase[: whom.start()]  # 1200名法律顾问 为群众提供…: who serves, not whom
    skipped = 0
    if (
        "的" in phrase
        and unit in _COUNTS_PEOPLE
        # (执法|人员, 监督|人员: a verb that names the people's work is part of their name)
        and (not _is_verb(phrase[:2], guessed=False) or phrase.startswith(_WORKERS, 2))
    ):
        # 由15名律师组成的服务团: the people are counted, not what they make up (not 10名
        # 受到表彰的调解员: a verb right after the count opens a clause on the head after 的)
        first = phrase.find("的")
        people = max(_PEOPLE.finditer(phrase, 0, first), key=lambda m: m.end(), default=None)
        if people is not None and (
            _PEOPLE.search(phrase, first) is None
            # 21名律师组成的…律师调解队伍: those who make it up, whoever it is of
            or phrase.startswith("组成的", people.end())
        ):
            phrase = phrase[: people.end()]
    if "成的" in phrase and (made := _MADE_UP_OF.search(phrase, 2)) is not None:
        phrase = phrase[: made.start()]  # 44个成员单位|组成的…委员会: those that make it up
    if "的" in phrase and unit in _COUNTS_BODIES:
        # 11个区直执法部门的…公告工作: the bodies are counted, not what is theirs
        first = phrase.find("的")
        if first >= 2 and _BODY_AT_END.search(phrase, 0, first):
            phrase = phrase[:first]
        elif (
            first >= 2
            and _COUNTED_AGAIN.search(phrase, first + 1)
            and (body := max(_BODY.finditer(phrase, 0, first), key=lambda m: m.end(), default=None))
            and first - body.end() <= _BODY_VERB
        ):
            # 32家单位反馈的意见80条: 意见 has a count of its own, 家 counts the bodies
            # (and not what they did, 反馈)
            phrase = phrase[: body.end()]
        elif (
            unit == "个"
            and first >= 2
            and (
                (first <= _NEAREST_NOUN and _a_noun(phrase[:first]))
                # 73个行政权力事项的|服务指南: the matters (the guides are theirs)
                or phrase.endswith(_ITEM_HEADS, 0, first)
            )
        ):
            phrase = phrase[:first]  # 19个领域的…事项目录: the measure word counts the fields
        elif (
            unit in ("家", "所")
            and first >= 2
            and not _agrees(phrase, unit)
            and (body := max(_BODY.finditer(phrase, 0, first), key=lambda m: m.end(), default=None))
        ):
            # 1家人力资源机构|无证开展劳务派遣活动的违法行为: 家 counts bodies, and what the 的
            # heads is none; the body before what it did is counted
            phrase = phrase[: body.end()]
    if (
        "的" in phrase
        and (done := _ACTION.search(phrase))
        and 2 <= done.start() < phrase.rfind("的")
    ):
        phrase = phrase[: done.start()]  # 10项行政职权 进行了认真的梳理: the 的 is the act's
    closed = False  # the noun ends where what was done to it starts (…规章|的施行情况)
    if "的" in phrase and (act_at := phrase.rfind("的")) >= 2:
        # (what is done to them can be said by 进行 after it: 8部…规章的施行情况|进行了评估)
        doing = _ACTION.search(phrase, act_at + 1)
        done_to = phrase[act_at + 1 : doing.start() if doing else len(phrase)]
        if names_act(done_to) or _DONE_TO_THEM.fullmatch(done_to):
            # 30件规范性文件的备案审查: the documents are counted; the act is their Figure.act
            phrase, closed = phrase[:act_at], True
    if "的" in phrase and (basis := _BASIS_INSIDE.search(phrase, 2, phrase.find("的"))):
        # 28家医疗卫生单位 按照五星级的要求…: a basis opens the predicate, and the 的 is the
        # basis's; the noun before it is what is counted
        phrase = phrase[: basis.start()]
    if (
        "的" in phrase
        and (said := _NOUN_STOP.search(phrase, 2, phrase.find("的"))) is not None
        and said.group() in _CLAUSE_VERBS
        and phrase[said.end()] != "的"  # (7件群众提出的意见建议: a relative clause on the head)
    ):
        # 413份来函|提出了可行性的意见: the 的 is in what was said of them, not before a head
        phrase = phrase[: said.start()]
    if "的" in phrase and (opened := _PREDICATE_OPENS.search(phrase, 2, phrase.find("的"))):
        # 56项区级权限得到较为充分的行使: a 的 after the predicate opened is the predicate's,
        # the noun before it is what is counted
        phrase = phrase[: opened.start()]
    if (
        "的" in phrase
        and unit[-1:] in _SELF_MEASURED
        and 2 <= (first := phrase.find("的")) <= _NEAREST_NOUN
        and phrase[first - 1] == unit[-1]
        and not any(_is_verb(phrase[at : at + 2], guessed=False) for at in range(first - 1))
    ):
        # 273条法条|的个性学法清单: a noun the measure word repeats is what it counts, not the
        # head its 的 describes
        phrase = phrase[:first]
    if "的" in phrase:
        number = _DIGIT.search(phrase)  # a 的 after another number is that number's
        skipped = phrase.rfind("的", 0, number.start() if number else len(phrase)) + 1
        if len(phrase) - skipped < 2 or _inside_word(phrase, skipped - 1):
            skipped = 0  # (3千余件|标的额…: 的 of a word, 标的, no 的-phrase)
    if (
        not skipped
        and unit in _COUNTS_PEOPLE
        and phrase.startswith(_BARE_PEOPLE)
        and (their_act := _NOUN_STOP.match(phrase, 2)) is not None
        and their_act.group() in _CLAUSE_VERBS
    ):
        # 6名人员|通过行政执法考试: 人员 alone says nothing, what they passed does (as after
        # 6人); 120名人员|参加了培训 stays as it was read
        skipped = 2
    cut = _NOUN_STOP.search(phrase, skipped)
    if (
        cut is not None
        and cut.start() == skipped == 0
        and cut.group() in _ADVERB_STOPS
        and unit in _COUNTS_PEOPLE
        and phrase.startswith(_TAKING_PART, cut.end())
    ):
        return "", end  # 2万人次|积极参与该活动: what the people did follows, no noun
    if (
        cut is not None
        and cut.start() == skipped
        and (
            cut.group() in _ADVERB_STOPS
            or cut.group() in _CLAUSE_VERBS
            or cut.group() == "将"  # (5次|将…列入…: the object put first opens the act counted)
            or (cut.group() == "实现" and unit in _LASTING)
        )
    ):
        # 5次深入调研; 连续15年实现…零增长: what lasted opens with what was achieved; 12项
        # 通过审查的…: a clause on the head opens with its verb
        cut = _NOUN_STOP.search(phrase, cut.end())
    if cut is not None and _BATCH_ONLY.fullmatch(phrase, skipped, cut.start()):
        cut = _NOUN_STOP.search(phrase, cut.end())  # 29项第二批|下沉园区事项: the batch's things
    if (
        cut is not None
        and cut.start() > skipped + 1
        and len(cut.group()) >= 2
        and (
            word_classes().get(phrase[cut.start() - 1 : cut.start() + 1]) not in (None, "N")
            or phrase.endswith(_PEOPLE_HEADS, 0, cut.start() - 1)  # (…人员人参加: a slip)
        )
        and phrase[cut.start() - 2 : cut.start()] not in word_classes()
    ):
        # 20名监督员 充实行政执法力量: a verb read inside a word (实行 in 充实) stops the noun
        # where that word starts, never halfway through it (not 重点任务|实行…: 务实 is a word
        # only by chance there, 任务 is the word; nor a noun across the edge: 负责人|参与 is
        # no 人参)
        phrase, cut = phrase[: cut.start() - 1], None
    stop_at = cut.start() if cut else len(phrase)
    predicate = _PREDICATE_STOP.search(phrase, skipped + 1, stop_at)
    while predicate is not None and phrase[predicate.start() - 1 : predicate.start() + 1] in (
        word_classes()
    ):
        # (信息公开工作: 开工 starts inside the word 公开, it opens no predicate)
        predicate = _PREDICATE_STOP.search(phrase, predicate.start() + 1, stop_at)
    if predicate is not None:
        cut = predicate
    together = _TOGETHER.search(
        phrase, skipped + _TOGETHER_FROM, cut.start() if cut else len(phrase)
    )
    if together is not None:
        cut = together  # 23个乡镇 上下齐心: those counted, then how they acted together
    if cut is not None and cut.group() in ("和", "与", "及"):
        # 行政执法人员和行政执法监督人员: two nouns of one head are one counted noun
        left = phrase[skipped : cut.start()]
        after = _NOUN_STOP.search(phrase, cut.end())
        right = phrase[cut.end() : after.start() if after else len(phrase)]
        right = right[:-1] if right.endswith("中") else right  # …人员中8203人: among them
        if (
            # (not a bare head first: 8个问题|及…督察反馈问题 counts the problems named before)
            (len(left) > 2 and len(right) > 2 and right.endswith(left[-2:]))
            or (
                2 <= len(left) <= _KIND
                and len(right) > 2
                and _agrees(right, unit)
                and not _agrees(left, unit)
                and not _is_verb(left[:2], guessed=False)
            )
            or (
                # 6000余名领导干部和工作人员: people of two kinds, counted together (not
                # 12名干部与群众座谈: 与 is "with" there)
                unit in _COUNTS_PEOPLE
                and cut.group() != "与"
                and left.endswith(_PEOPLE_HEADS)
                and right.endswith(_PEOPLE_HEADS)
                and len(right) >= 2
                and not _is_verb(right[:2], guessed=False)
            )
            or (
                # 60学时的业务知识和法律法规培训: after a 的, two nouns joined to the clause's
                # end are what the 的-phrase describes, together
                skipped > 0
                and after is None
                and (closed or (match is not None and tail[match.start()] in _CLAUSE_MARKS))
                and len(left) >= 2
                and len(right) >= 2
                and not _is_verb(left[:2], guessed=False)
                and not _is_verb(right[:2], guessed=False)
            )
            or (
                # 36类企业和群众常用证照: two nouns of one word each, then what they have in
                # common, named after the second (its head is both's)
                len(left) == 2
                and cut.group() == "和"
                and len(right) >= 5
                and word_classes().get(left) == "N"
                and word_classes().get(right[:2]) == "N"
                and not _agrees(left, unit)
                and not (unit and right.endswith(unit[-1]))
            )
            or (
                # 31个示范地区和项目, 12个乡镇和街道: a short noun joined at the clause's end is
                # counted with the first (not 与, "with": 干部与群众座谈)
                cut.group() != "与"
                and after is None
                and (closed or (match is not None and tail[match.start()] in _CLAUSE_MARKS))
                and len(left) >= 2
                and 2 <= len(right) <= _SHORT_NOUN_JOINED
                and not (unit and right.endswith(unit[-1]))  # (100项指标和加分项: its own kind)
                and not _is_verb(left[:2], guessed=False)
                and not _opens_act(right[:2])
            )
        ):
            # (9项河道与堤防整治任务: a kind joined to the head's own modifier, one head)
            phrase = phrase[: cut.end() + len(right)]
            cut = None
    phrase = phrase[skipped : cut.start()] if cut else phrase[skipped:]
    if (carried := phrase.find("实施", 2)) > 0 and _opens_act(phrase[carried + 2 : carried + 4]):
        phrase = phrase[:carried]  # 9项重点工作 实施督察: the noun, then what was done to it
    if (
        cut is not None
        and len(phrase) >= 6
        and cut.group() not in _NOT_PREDICATES
        and (
            (_SCOPE_BEFORE.match(phrase, len(phrase) - 2) and not cut.group().isdecimal())
            or _adverb_after_noun(phrase)
        )
    ):
        # 45项政务服务事项 全程实现…, 8项配套制度 逐步完善: how far or how the predicate goes
        # (48个…事项 最快10分钟办理: how fast, before the next number)
        phrase = phrase[:-2]
    if phrase.endswith("第") and cut is not None and cut.group().isdecimal():
        phrase = phrase[:-1]  # 100个城市 第10名: the rank is the next number's, an ordinal
    if cut is not None and cut.group().isdecimal() and phrase.endswith(_INTO) and len(phrase) >= 5:
        phrase = phrase[:-3]  # 40项具体措施细化为78项: what became the next number, not the change
    if phrase.endswith(_RANKS) and len(phrase) >= 4:
        phrase = phrase[:-2]  # 居全市18个重点区域前列: the areas are counted, not the rank
    if unit in _COUNTS_PEOPLE and (went := _PEOPLE_WENT.search(phrase, 2)) is not None:
        phrase = phrase[: went.start()]
    # (12个多部门联合执法场景: bodies after 多/跨 qualify what is counted, they are not it)
    bodies = unit in _COUNTS_BODIES and not (phrase[:1] in _ACROSS and _BODY.match(phrase, 1))
    counted = _PEOPLE if unit in _COUNTS_PEOPLE else _BODY if bodies else None
    if (
        counted is not None
        and (who := counted.search(phrase))
        and who.end() < len(phrase)
        # (15家企业服务法律联络点: a point of service, named after whom it serves, is counted)
        and _SERVICE_POINT.search(phrase, who.end()) is None
    ):
        # 为1200名困难群众 发放…, 帮助85家企业 化解…: the people or bodies, before what was
        # done for them or by them
        named = [who]
        while (later := counted.search(phrase, who.end())) is not None:
            who = later
            named.append(who)
        if _VERB_AHEAD.match(phrase, who.end()) or (
            unit in _COUNTS_PEOPLE and phrase[who.end() : who.end() + 1] in _FOR_STARTS
        ):
            phrase = phrase[: who.end()]  # (7名法律顾问 为政府…: whom they serve is after)
        elif acted := next(
            (
                at
                for at in (found.end() for found in named[:-1] or named)
                if _adverb_then_verb(phrase, at) or _is_verb(phrase[at : at + 2], guessed=False)
            ),
            0,
        ):
            # 10名工作人员 成功申领…, 253名专家 组建…人才库: the first people or bodies then
            # what they did (a dictionary verb, or an adverb); past a name that only holds
            # such a word (委员|会成员 接待…群众: the people after a verb are its object)
            phrase = phrase[:acted]
        elif (
            bodies
            and (verb := _VERB_AHEAD.search(phrase, who.end(), who.end() + _BODY_TAIL + 4))
            and verb.start() - who.end() <= _BODY_TAIL
            and _BODY_CHARS.fullmatch(phrase, who.end(), verb.start())
        ):
            phrase = phrase[: verb.start()]  # 22个乡镇办区园 聘用…: more bodies, then the verb
    if unit in _COUNTS_PEOPLE and cut is not None and cut.group().isdecimal():
        # 1.3万名困难群众申领补贴2300万元: the people are counted, what they did is the
        # next value's subject
        people = max(_PEOPLE.finditer(phrase), key=lambda m: m.end(), default=None)
        if people is not None and len(phrase) - people.end() >= 2:
            phrase = phrase[: people.end()]
    if (
        cut is not None
        and cut.group().isdecimal()
        and len(phrase) >= 3
        and word_classes().get(phrase[-1]) == "W"
        and phrase[-2:] not in word_classes()
        and not _any_verb(phrase[-2:])  # (12项指标评分|90分: 评分 is the word)
        and phrase[-1] not in _SUM_ENDS  # (5400册印制费|2.2万元: a cost, no verb "spend")
        # (138个基层调委会|759名, 42个调委会|160名: 会 ends the word 调委会, no verb "can")
        and not _across_word(phrase, len(phrase) - 1)
    ):
        phrase = phrase[:-1]  # 500余名队员|分6期学习: a one-character verb before a number
    if (bodies or unit == "户") and len(phrase) >= 5:
        # 10个基层所队 作为…试点单位, 1.6万户农户 发放…: a body's (a household's) last
        # character, then a verb and what follows
        ends = _BODY_LAST if unit != "户" else "户"
        for at in range(2, len(phrase) - 3):
            if (
                phrase[at - 1] in ends
                and _is_verb(phrase[at : at + 2], guessed=False)
                # (村|调委会: the two characters open a longer word, no verb)
                and not _inside_word(phrase[at : at + _WORD_REACH], 2)
            ):
                phrase = phrase[:at]
                break
    if (
        counted is not None
        and cut is not None
        and cut.group() in _SERIAL_SECOND
        and len(phrase) >= 4
        and word_classes().get(phrase[-2:]) in ("V", "M")
        and any(
            who.end() == len(phrase) - 2 for who in counted.finditer(phrase, 0, len(phrase) - 2)
        )
    ):
        # 17家责任单位 研究提出16项…: the bodies (people) counted, then two verbs in a row,
        # what they did (研究 is a verbal noun elsewhere: 课题研究, so only after the agents)
        phrase = phrase[:-2]
    if bodies and (where := phrase.find("在", 2)) > 0 and phrase[where - 1] in _BODY_LAST:
        phrase = phrase[:where]  # 15个司法所 在所内建成…: where the bodies did it is not them
    if bodies:
        body = _BODY_THEN_PEOPLE.search(phrase)
        if body is None and cut is not None and cut.group().isdecimal():
            # 32个市直执法部门执法案卷443件: what runs on into the next number is its subject
            # (up to the last body: 42个村调委会|160名…, not 村)
            body = max(_BODY.finditer(phrase), key=lambda m: m.end(), default=None)
        elif body is None and (situation := phrase.find("情况", 2)) > 0:
            # 33个部门法治建设情况: a situation is the bodies', they are what is counted
            body = _BODY.search(phrase, 0, situation)
        elif body is None and phrase.endswith(_SHARES):
            # 36个村法律顾问覆盖率达100%: a share of the bodies is the next value's
            body = _BODY.search(phrase)
        if body is not None and body.end() < len(phrase):
            phrase = phrase[: body.end()]
        else:
            # 15个国省考断面水质…: a measure word counts things, not a quality of them; when
            # the next value is that quality's (200余家市场主体免罚金额达596万元), so is the word
            # that qualifies it (免罚金额)
            quality = _QUALITY.search(phrase, 2)  # (5个湖泊水质稳定达标: the quality ends it)
            if quality is not None:
                at = quality.start()
                valued = quality.end() == len(phrase) and _NEXT_VALUE.match(
                    text, end + skipped + len(phrase)
                )
                phrase = phrase[:at]
                if valued and len(phrase) >= 4:
                    phrase = phrase[:-2]
    if (
        (bodies or unit in _COUNTS_PEOPLE)
        and (by := phrase.find("对", 2)) > 0
        and _OBJECT_FIRST.match(phrase, by)
    ):
        phrase = phrase[:by]  # 17个委办局 对182个事项…: what the bodies did it to is after
    stop = end + skipped + len(phrase)
    if phrase and stop < len(text) and not _NOUN_END.match(text, stop):
        # a stop inside a word (政务服务事项平|均: 均 of 平均) or the length's end: the noun
        # ends where that word starts, when something of it is left
        word_start = _word_start(text, stop, end + skipped)
        if word_start - end - skipped >= 2:
            phrase, stop = phrase[: word_start - end - skipped], word_start
    if (
        quoted
        and phrase
        and text[stop : stop + 1] in ("(", "\uff08")
        and (level := _LEVEL_AFTER.match(text, stop))
    ):
        # 64个村(社区), 12个镇(街道)…站: the level in brackets is part of what is counted
        if _is_verb(text[level.end() : level.end() + 2], guessed=False) or (
            (opening := _NOUN_STOP.match(text, level.end())) is not None
            and opening.group() not in ("和", "与", "及")
        ):
            # 73个镇(街) 设立…, 14个镇(街) 全面建立…: theirs
            return _strip_lead(phrase) + level.group(), level.end()
        more, stop = _noun_after(text, level.end(), unit, quoted=False)
        if unit in _COUNTS_BODIES and (
            more.endswith(_SHARES) or _names_people(more[:_THEIR_PEOPLE])
        ):
            # 36个村(社区)…覆盖率, 83个部门(单位)党政主要负责人…: theirs, the bodies are counted
            return _strip_lead(phrase) + level.group(), level.end()
        joined = text[level.end() : level.end() + 1]
        if not more and unit in _COUNTS_PEOPLE and joined in ("及", "和", "与"):
            # 48名市、县(区)及部门主要领导: places listed before the people counted are theirs
            more, stop = _noun_after(text, level.end() + 1, unit, quoted=False)
            if not _PEOPLE.search(more):
                return _strip_lead(phrase) + level.group(), level.end()
            return _strip_lead(phrase) + level.group() + joined + more, stop
        head = next(
            (
                len(place)
                for place in _PLACE_HEADS_AFTER_LEVEL
                if more.startswith(place)
                and len(more) >= len(place) + 4
                and _is_verb(more[len(place) : len(place) + 2], guessed=False)
            ),
            0,
        )
        if head and text.startswith(more[:head], level.end()):
            # 10个县(市)区|实施…督察: the head after the level ends the name, an act follows
            return _strip_lead(phrase) + level.group() + more[:head], level.end() + head
        return _strip_lead(phrase) + level.group() + more, stop
    if (
        len(phrase) >= 6
        and phrase.endswith(_HOW_THINGS_GO, 0, len(phrase) - 2)
        and _any_verb(phrase[-2:], guessed=False)
    ):
        phrase = phrase[:-4]  # 3个基层法治观察点|高效运行: how the things counted work, said
    return _strip_lead(phrase), stop


# The head of a place's name after a level in brackets (县(市)区, 乡(镇)街道): a place level's
# character (no 省: 省(区、市) has its level after it, not a head), or 街道
_PLACE_HEADS_AFTER_LEVEL = ("街道", *sorted(_PLACE_LEVELS - {"省"}))
# How things counted work or stand, said right after them (观察点高效运行, 调解室正常运转)
_HOW_THINGS_GO = ("高效", "有效", "正常", "稳定", "平稳", "良好", "顺利", "规范")


# A rate within a time (15天签约率99.6%, 24小时回复率达98%).
_TIMED_RATE = re.compile(f"([^{_PUNCT}、\\d%\uff05]{{1,8}}?)率(?:达到?|为)?\\d")
_COMPARED_WITH = re.compile(r"相当于|超过|是")
# The next item of a list of levels, and its noun if it has one (…国家级、3个省级 **示范基地**).
_LEVEL_HEAD = re.compile(f"、[^{_PUNCT}、]{{1,12}}?级(?=([^{_PUNCT}、\\d])|、)")
_MAX_LEVELS = 6


def _level_head(text: str, at: int, unit: str) -> str:
    """The noun that a list of levels after `at` ends with (2家国家级、5家省级、12家市级
    **龙头企业** → 龙头企业), or ""."""
    for _ in range(_MAX_LEVELS):
        head = _LEVEL_HEAD.match(text, at)
        if head is None:
            return ""
        if head.group(1) is not None:
            return _noun_after(text, head.start(1), unit)[0]
        at = head.end()
    return ""


# The levels of government a figure spans (市区两级, 县乡村三级): where, not what
_LEVEL_SCOPES = ("两级", "三级", "四级", "五级")
_SCOPE_MAX = 8  # (市、县、乡、村四级: a short list of levels at most)
# How a time it took is introduced (在短短, 仅用了): no subject of its own.
_WITHIN = re.compile(r"[在仅只用了短花]{1,6}")
_RANKS = ("前列", "首位", "之首", "榜首", "前茅")
_AFTER_RATE = re.compile(f"(?:的|以?内)?([^{_PUNCT}、\\d%\uff05]{{2,{_MAX_SUBJECT}}})")
# (a list of such predicates, 5次开展执法检查、专项督查, is said that often together: acts of
# three characters or more each, not the places after a preposition, 在市、县…)
_PREDICATE = re.compile(
    f"(?:[^{_PUNCT}、\\d]{{3,8}}(?:、[^{_PUNCT}、\\d]{{3,8}}){{1,3}}|[^{_PUNCT}、\\d]{{2,8}})"
    f"(?=[{_PUNCT}]|$)(?!{_LEVEL_NAMED.pattern})"  # (州(市)…: a level goes on with the name)
)
# A share's own verb right after it, ending its clause (…住宅 60%**签约**、40%**拆迁**).
_SHARE_VERB = re.compile(
    # (or a quoted list of acts: 100%“网上办、就近办”)
    f"(?:\u201c[^{_PUNCT}\u201c\u201d\\d%\uff05]{{2,12}}\u201d"
    f"|[^{_PUNCT}、\\d的以左%\uff05]{{2,4}})(?=[{_PUNCT}、]|$)"
)


# What holds of a part (其中 N件 [noun] 已印发…): a predicate that ends the clause, no 为/是/占
# of a part's name or share (其中2项为子项) and no further number.
# (均在审理中: an adverb of each may open it; 均为 names a kind, `_PART_KIND`)
_PART = re.compile(f" ?(?![为是占的等]|均[为是])[^{_PUNCT}、\\d]{{2,12}}(?=[{_PUNCT}、]|$)")
# The words that open a part of the count before (其中 3件…, 其余 13起…)
_PARTS_NAMED = frozenset({"其中", "其余"})
# What a part is (其余13起 均为露天焚烧秸秆案): its kind after 为 or 是, to the clause's end
_PART_KIND = re.compile(f"(?:均|都|全部)?(?:为|是)([^{_PUNCT}、\\d]{{2,12}})(?=[{_PUNCT}、]|$)")


def _partitive(subject: str) -> bool:
    """No subject before the number, or only "among …" (行政执法监督人员中 8203人…)."""
    if not subject or subject == "中":
        return True
    return subject.endswith("中") and subject[-2] not in "集当心空途程其"


_LASTED = ("连续", "持续", "连续第")
# A short note in brackets inside a clause (…依法治市(法治政府建设)考核中)
_NOTE = re.compile(r"[(\uff08][^()\uff08\uff09\d]{2,12}[)\uff09]")
# (中 of 中国, 中央 is inside the name: 在中国法治政府评估中)
_IN_WHICH = re.compile(r"在(?:[^,\uff0c。;\uff1b、\d中]|中(?=[国央华共])){2,16}中")


# Why, right after the years counted, before what went on (连续4年 因“…作出突出贡献”
# 被市政府督查激励, 连续3年 因工作成效明显 获通报表扬): the reason is not what lasted.
_REASON_AFTER_COUNT = re.compile(
    r"因(?:“[^“”]{1,60}”|[^“”,\uff0c。;\uff1b\d]{1,30}?)(?=被|获|受到|荣获)"
)


def _what_lasted(text: str, end: int, bare: bool) -> str:
    """What went on for the years counted after 连续 (连续6年获评…优秀等次): the clause after the
    count, past where it happened (在…考核中) or why (因…), when it opens with a place or the
    subject found is `bare` (连续); else "" and the finder reads it as before (连续6年保持两位数
    增长)."""
    if text.startswith("因", end) and (reason := _REASON_AFTER_COUNT.match(text, end)):
        end = reason.end()  # 连续4年 因“…”|被市政府督查激励: why, then what went on
    window = text[end : end + _MAX_SUBJECT + 20]
    masked = window
    if "(" in window or "\uff08" in window:
        window = _NOTE.sub("", window)  # 在全面依法治市(法治政府建设)考核中: a note on a name
        # (州(市): a level too short for a note is part of the name, no end of the clause)
        masked = _LEVEL_AFTER.sub(lambda level: "\u3007" * len(level.group()), window)
    clause = _BOUNDARY.search(masked)
    said = window[: clause.start()] if clause else ""
    ranked_in = ""
    where = _IN_WHICH.match(said)
    if where is not None and len(said) - where.end() >= 2:
        said = said[where.end() :]
        if said.startswith(_RANK_HELD):
            # (在法治政府建设考核中|排名第一: a rank says where it was held, or it names nothing)
            ranked_in = where.group()[1:-1]
    elif not bare:
        return ""
    if (described := said.find("的", 2)) > 0 and len(said) - described > 2:
        said = said[:described]  # …取得优秀等次|的地方和单位: what lasted, not whom it describes
    if not 2 <= len(said) <= _MAX_SUBJECT or _DIGIT.search(said) or "、" in said:
        return ""
    # (a rank held is what lasted too: 排名稳居前五, 位列…, 居全省前列)
    if said.startswith(_RANK_HELD):
        return _fit(ranked_in + said)
    return said if _opens_act(said[:2]) or said[:1] in "获无未零被" else ""


_RANK_HELD = ("排名", "排在", "位列", "位居", "居全", "稳居")


def _pivot_act(text: str, end: int) -> str:
    """The act that ends the clause right after a count of people a pivot verb made act
    (组织6人 **完成培训并取得执法证件**), when it opens with a verb and holds no number."""
    clause = _BOUNDARY.search(text, end, end + _PIVOT_ACT_MOST + 1)
    said = text[end : clause.start() if clause else len(text)]
    if not 2 <= len(said) <= _PIVOT_ACT_MOST or _DIGIT.search(said):
        return ""
    # (组织48人参加…在线学习平台…专题学习测试: a long act keeps its head, as a noun does)
    return _fit(said) if _opens_act(said[:2]) else ""


_PIVOT_ACT_MOST = 2 * _MAX_SUBJECT  # the act a pivot verb's people did, at most, read whole


def _predicate(text: str, end: int, unit: str = "") -> str:
    """A short predicate that ends the clause right after a count (162人 **考试合格**,); after
    a count of people, what they won, however long (1人 **获浙江省…竞赛第一名**)."""
    found = _PREDICATE.match(text, end)
    if found is None and unit in _COUNTS_PEOPLE:
        found = _AWARDED.match(text, end)
    return found.group() if found else ""


# What people counted with no noun were awarded (5人获评先进个人, 1人获…竞赛第一名): the
# award names them, up to the end of its clause.
_AWARDED = re.compile(
    f"(?=[荣获被入])(?:荣获|获得|获评|获|被评为|被授予|入选)[^{_PUNCT}、\\d]{{2,{_MAX_SUBJECT - 2}}}"
    f"(?=[{_PUNCT}、]|$)"
)


def _is_bare(subject: str) -> bool:
    """A rate or change with no subject of its own: 成功率, 同比增长, 较去年同期下降, 增长."""
    return (
        (len(subject) <= 3 and subject.endswith("率"))
        or bool(_RATE_HOST.match(subject))
        or subject in _TRAIL_CHANGE
        or subject in _NET_CHANGES
        or subject in _TOTALS
        or subject in _CUTS
        or bool(_BASIS_LEFT_CHANGE.fullmatch(subject))
    )


# What is left of a basis with a year after the year's number (较2023年|同期减少, 比2022年|底增长):
# a change with no subject of its own
_BASIS_LEFT_CHANGE = re.compile("(?:同期|底|末)(" + "|".join(_TRAIL_CHANGE) + ")")


# A total with no name of its own (新增病床700张,总数达2200张): of what was counted before it.
_TOTALS = frozenset({"总数", "总量", "总计", "数量"})
# The words of a total that open a clause of their own (…,合计731宗)
_TOTAL_WORDS = frozenset({"共", "共计", "合计", "总计", "累计", "总共"})
# The names of counts that say their measure (观看人次, 参训人数 …), and the measure
_MEASURES_NAMED = (
    *(("人次", "人次"), ("人数", "人"), ("次数", "次"), ("件数", "件"), ("户数", "户")),
    ("家数", "家"),
)


def _measure_named(subject: str) -> str:
    """The measure a count's name says, for a bare 万 or 亿 after it: 元 after a sum's name
    (资金, 罚款 …), 人次 after 观看人次 …; "" when it says none."""
    if _SUM_NAMES.search(subject):
        return "元"
    return next((unit for name, unit in _MEASURES_NAMED if subject.endswith(name)), "")


_TEAMS_COUNTED = frozenset({"支", "个", "家"})  # (…队伍1支,共140人: the people of them)
# A cut with no name of its own (…由9730个工作日压缩到5591个工作日,共压缩4139个工作日): of
# what was cut, said before it.
_CUTS = frozenset({"压缩", "压减", "缩减", "精简", "削减"})


# Verbs that change a quantity, opening the clause before the change's values (精简申请内容,
# 从原来的486项调整到…): what changed is their object
_CHANGING = _CUTS | {"调整", "简化", "缩短", "减少", "优化", "降低", "提高", "增加"}
_NET_CHANGES = frozenset({"净增", "净减", "净增加", "净减少"})  # 企业总数达2150家,净增380家
# A bare change that opens a clause (…,同比增长20%) and the predicate of the clause before it
# that is left out of what changed (an adverb and a verb: 明显减少, 持续优化).
_CHANGE_OPENINGS = ("同比", "环比", "较上年", "较去年", "比上年", "比去年")
_SHORT_PREDICATE = 4


def _self_named(subject: str, unit: str) -> bool:
    """A short rate that is an indicator of its own (胜诉率, 纠错率): not lent a subject."""
    return indicator_for_subject(subject, unit) is not None


def _names_a_rate(subject: str, unit: str) -> bool:
    """出庭应诉率 100%: a share's name, never a count's (专利代理机构增长19.7%,达91家 lends
    what grew)."""
    return unit in _PERCENT and subject.endswith(_SHARES)


def _other_kind(unit: str, lent_unit: str) -> bool:
    """Two counts, one of people and one of things (1件…案卷被评为优秀案卷,1人…): what one
    counts is never what the other does."""
    return (
        bool(unit and lent_unit)
        and unit not in _NO_NOUN_AFTER
        and lent_unit not in _NO_NOUN_AFTER
        and (unit in _COUNTS_PEOPLE) != (lent_unit in _COUNTS_PEOPLE)
    )


def _two_words_meet(previous: str, bare: str) -> bool:
    """Whether, segmented together, `previous` ends with a word of two characters or more and
    `bare` starts with one (审结|结案率): a character they share is in two words, not one."""
    from govread.segment import cut

    left = previous[-_WORD_REACH:]
    words = cut(left + bare[:_WORD_REACH])
    at = 0
    for index, word in enumerate(words[:-1]):
        at += len(word)
        if at >= len(left):
            return at == len(left) and len(word) >= 2 and len(words[index + 1]) >= 2
    return False


# A topic before a count of times (…等工作, 经验做法) that what follows the count befell
_BEFALLEN_TOPICS = ("工作", "做法", "经验", "案例", "成果")
# What befell it, right after the count: a passive (被交通运输部专题简报录用) or what was
# done with it where (在全国会议上做经验交流), to the clause's end
_BEFELL = re.compile(
    rf"(?:被[^{_PUNCT}\d]{{3,22}}|在[^{_PUNCT}\d]{{2,12}}?[上中][^{_PUNCT}\d]{{2,12}})"
    rf"(?=[{_PUNCT}]|$)"
)


def _act_after_count(text: str, at: int) -> str:
    """What the clause right after a count of times says befell its topic; "" for none."""
    found = _BEFELL.match(text, at)
    return found[0] if found else ""


# A verb of conferring an honour opening a subject, with whom it went to (授予 a place)
_CONFERRED = re.compile(
    r"命名(?!为)|授予(?:[^\d,\uff0c。;\uff1b]{1,4}?[省市县区州旗](?=[全省市县区]))?"
)
# A superlative of manner ending a subject (最快, 最短, 最多): it qualifies its own value
_SUPERLATIVE_END = re.compile(r"最[快短长多少高低]$")
# 将 X 纳入 Y, right before a count of Y (将习近平法治思想纳入主体班次852期)
# (the measure word whose heads are events, for a count of times, which has none of its own)
_EVENTS_BY = "期"
_PUT_INTO = re.compile(r"将[^将,\uff0c。;\uff1b]{2,30}?(?:纳入|列入|融入|编入|写入)([^将]{2,16})$")
# Verbs of gathering or appointing people before the people counted (聘请|法律顾问12人)
_GATHERED_PEOPLE = ("组织", "聘请", "聘任", "选聘", "配备", "配有", "培养", "选派")
# …the same inside a clause, after who gathered them or for whom (为每个村配备|专职调解员):
# not 组织, a noun too (党组织书记)
_GATHERED_INSIDE = re.compile("|".join(v for v in _GATHERED_PEOPLE if v != "组织"))
# Acts that say which part of a quantity was counted, the part done (办结, 审结, 化解)
_CONCLUDED = frozenset({"办结", "审结", "化解"})


_COUNT_NAMES = ("人数", "总数", "数量", "件数", "户数")  # names of a count, no object


def _borrow(previous: str, bare: str) -> str:
    """调解成功 + 成功率 → 调解成功率; 案卷评查 + 合格率 → 案卷评查合格率: overlap the end of
    one with the start of the other (the subject lent is from the same sentence)."""
    if (left := _BASIS_LEFT_CHANGE.fullmatch(bare)) is not None:
        bare = left[1]  # 较2023年|同期减少: the change, its basis said by the year
    if (best := _SUPERLATIVE_END.search(previous)) is not None and best.start() >= 2:
        # 企业开办最快|0.5个工作日, 压减70%: how far the value before went is its own, not
        # part of what changed
        previous = previous[: best.start()]
    if (
        bare.endswith("率")
        and previous.endswith((*_PEOPLE_HEADS, *_COUNT_NAMES))
        # (聘请学校法治副校长91人,配备率100%: a rate of having them is theirs)
        and not bare.startswith(_GATHERED_PEOPLE)
    ):
        # 2800余名领导干部…参加考试,及格率: a rate of what they did, not of them (总人数40人,
        # 参考率: nor of a count's name)
        return bare
    change = next((w for w in (*_TRAIL_CHANGE, "新增", "精简") if previous.startswith(w)), "")
    if change and len(previous) - len(change) >= 2:
        previous = previous[len(change) :]
    elif (
        (bare.startswith(_TRAIL_CHANGE) or _RATE_HOST.match(bare))
        and (counting := _AGENT_VERB.match(previous))
        and len(previous) - counting.end() >= 2
        # (办结行政复议案件29.3万件,同比增长14.45%: the cases concluded, not those received,
        # whose change the sentence may give too)
        and counting.group() not in _CONCLUDED
    ):
        # 受理投诉举报320件,同比下降12.5%: what changed is the quantity (投诉举报), not the act
        # of taking it in
        previous = previous[counting.end() :]
    share = previous.find("占")
    if share >= 2 and bare.startswith(_TRAIL_CHANGE):
        previous = previous[:share]  # 教育支出占…支出16.7%,增长27.2%: what grew is 教育支出
    for size in range(min(len(previous), len(bare)), 0, -1):
        if previous.endswith(bare[:size]):
            if size == 1 and _two_words_meet(previous, bare):
                # 依法审结 + 结案率: 结 closes one word and opens another, no overlap; a rate
                # that names its own act (结案) is that act's
                if bare.endswith("率") and len(bare) >= 3:
                    return bare
                break
            return _fit(previous + bare[size:])
    if (
        bare.endswith("率")
        and len(previous) >= 4
        and _is_verb(previous[:2], guessed=False)
        and indicator_for_subject(previous[:2] + bare, "%") is not None
    ):
        return (
            previous[:2] + bare
        )  # 调解纠纷 + 成功率 → 调解成功率: the act's rate, a name of its own
    if bare.endswith("率") and len(bare) >= 3:
        stem = previous.find(bare[:-1])
        if stem >= 0:
            # 依法化解信访积案 + 化解率 → 信访积案化解率; 整改到位 + 整改率 → 整改率: the rate
            # names its verb, so only the verb's object is lent
            rest = previous[stem + len(bare) - 1 :]
            if rest.startswith(_DETERMINERS) and len(rest) >= 4:
                rest = rest[2:]  # 处理各类信访投诉 + 处理率: a rate of a kind, not of each
            if len(rest) < 2 or rest[0] in "到完成好" or _PEOPLE.fullmatch(rest):
                return bare  # 参考人员 + 参考率: those who sat are not what the rate is of
            return _fit(rest + bare)
    if previous.startswith(_LEND_DROP) and len(previous) >= 4:
        previous = previous[2:]  # 提出修改意见 + 采纳率 → 修改意见采纳率
        if bare.endswith("率") and previous.startswith(_DETERMINERS) and len(previous) >= 4:
            previous = previous[2:]
    return _fit(previous + bare)


def _of_a_list(said: list[str], units: list[str], previous: str, bare: str) -> bool:
    """A bare rate after two counts of one unit (办结建议11件,提案11件,满意率100%) is of them
    all, unless it shares a word with the last (调解…件,调解成功…件,成功率: 调解成功率)."""
    if len(said) < 2 or units[-1] != units[-2] or units[-1] in _PERCENT or not bare.endswith("率"):
        return False
    stem = bare[:-1]
    return not any(previous.endswith(stem[:size]) for size in range(len(stem), 0, -1)) and (
        stem not in previous
    )


# Verbs that issue or handle what a rate after them is of (提出意见…, 采纳率): not lent.
_LEND_DROP = ("提出", "出具", "发出", "发现", "办理", "开展", "组织")


_LISTED_RATES = re.compile(r"、|率[和及与]")
_RATE_NAMED = 3  # a rate's own name, the last characters of a listed subject (合格率)
_JOINED_PHRASE = re.compile(r"[的和及与对]")
_EACH_SAID = re.compile(r"均|都|全部|分别")  # right before a shared value: each has it


def _shared(subject: str, unit: str, each: bool = False) -> list[str]:
    """参考率、合格率 (均为92%) → [参考率, 合格率]: rates listed before one shared value;
    two rates joined by 和/及/与 alone (参考率和合格率均达100%) too."""
    if unit not in _PERCENT:
        return [subject]
    if "、" not in subject:
        joined = _RATE_PAIR.fullmatch(subject)
        return list(joined.groups()) if joined else [subject]
    parts = [part for part in subject.split("、") if part]
    if parts and (joined := _RATE_PAIR.fullmatch(parts[-1])):
        parts[-1:] = joined.groups()  # …、通过率和优秀率: the last two are joined by 和
    if (
        len(parts) >= 2
        and parts[-1].endswith("率")
        and all(len(part) == len(parts[-1]) - 1 >= 2 for part in parts[:-1])
        and not any("率" in part for part in parts[:-1])
    ):
        # 网办、掌办率: acts of one length sharing the last one's 率 (网办率, 掌办率); not 市、
        # 县覆盖率 or 城镇、农村覆盖率, whose items are not the rate's acts
        parts = [*(part + "率" for part in parts[:-1]), parts[-1]]
    elif (
        each
        and len(parts) >= 2
        and parts[-1].endswith("率")
        and len(parts[-1]) >= _RATE_NAMED + 2
        and all(len(part) >= _RATE_NAMED + 1 and "率" not in part for part in parts[:-1])
        # (…、四村和西山吓村整体搬迁签约率, 人大代表、政协委员对…的满意率: one rate of
        # places or people joined in a longer phrase)
        and not any(_JOINED_PHRASE.search(part) for part in parts)
    ):
        # 应知应会法律法规集中考试、领导干部任前考法合格率均达100%: what each is of, then the
        # rate the last names for all (合格率 of each), when 均 says each has it; not 城镇、
        # 农村覆盖率, places of one rate
        rate = parts[-1][-_RATE_NAMED:]
        parts = [*(part + rate for part in parts[:-1]), parts[-1]]
    if len(parts) < 2 or not all(p.endswith(("率", "比", "比例", "比重")) for p in parts):
        return [subject]
    return parts


# 均, 各, 都 or 全部 right before a value (with its copula, or a change said of each: 同比均
# 下降): each item listed before it has the value (述职评议和述法测评各1次)
_EACH_BEFORE_VALUE = re.compile(
    r"(?:(?<![平人户日])均|各|都|全部)(?:为|达到?|是)?"
    r"(?:" + "|".join(_TRAIL_CHANGE) + r")?了?\s?$"
)
# What the subject says of each after its items: 同比(均)下降 (the 均 is dropped)
_EACH_CHANGE = re.compile(
    r"(" + "|".join(_CHANGE_OPENINGS) + r")?(?:(?<![平人户日])均|都|全部)?"
    r"(" + "|".join(_TRAIL_CHANGE) + r")了?$"
)


def _joined_pair(first_longest: int) -> re.Pattern[str]:
    """Two items joined by 和, 与 or 及: the first of 2 to `first_longest` characters, the
    second of 2 to 16 (neither holds a joiner or 、, so the split is where the one joiner is).
    Not the character inside a word (公证涉及标的额, 参与, 和解, 及时)."""
    return re.compile(
        f"([^、和与及]{{2,{first_longest}}})"
        r"(?:和(?![解谐])|(?<![参给])与|"
        f"(?<![{_WORDS_ENDING_JI}])及(?![时格]))"
        f"([^、和与及]{{2,16}})"
    )


# Two items of a list before 各/均 (the first may carry the verb of both: 开展述职评议和述法测评)
_EACH_PAIR = _joined_pair(24)
_NOT_AN_ITEM = re.compile(r"[的对\d]")


_SHARED_TAIL = 4  # what follows the items' common head in the last, said of each (学习)


def _each_listed(subject: str, unit: str) -> list[str]:
    """The items of a list before a value that 均, 各, 都 or 全部 says each has, one label
    each: 述职评议和述法测评 (各1次) → 述职评议, 述法测评; 行政复议和行政诉讼案件 (均为0件)
    → 行政复议案件, 行政诉讼案件; 事故起数、死亡人数同比均下降 (47%) → 事故起数同比下降,
    死亡人数同比下降. [] when it is no such list. A rate's list without a change is
    `_shared`'s (参考率、合格率均为92%); a percentage otherwise shares only a change."""
    items, said = subject, ""
    if (change := _EACH_CHANGE.search(subject)) is not None:
        items, said = subject[: change.start()], (change.group(1) or "") + change.group(2)
    elif unit in _PERCENT:
        return []
    if "、" in items:
        parts = [part for part in items.split("、") if part]
    elif (pair := _EACH_PAIR.fullmatch(items)) is not None:
        parts = list(pair.groups())
    else:
        return []
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return []
    from govread.segment import cut

    first, last = parts[0], parts[-1]
    # what the short items leave out is the long one's: the first's opening (安全生产事故起数、
    # 死亡人数) or the last's tail (行政复议、行政诉讼案件; 班子成员、中层干部述法)
    opening_left_out = len(first) - len(last) >= 2 and all(p[-1] == first[-1] for p in parts)
    tail_left_out = len(first) <= len(cut(last)[0])
    head = last.rfind(first[-2:], 0, len(last) - 2)
    if opening_left_out or tail_left_out:
        parts = _respective("、".join(parts))
    elif (
        head >= 2
        and len(last) - head - 2 <= _SHARED_TAIL
        and all(part.endswith(first[-2:]) for part in parts[:-1])
    ):
        # 县委理论学习中心组和县政府党组理论学习中心组学习 (各2次): one head (中心组) ends each
        # item, and what follows it in the last (学习) is said of each
        tail = last[head + 2 :]
        parts = [*(part + tail for part in parts[:-1]), last]
    elif any(len(part) > len(first) for part in parts):
        return []  # (区委常委会、区政府常务会议学法: what the last shares is not known)
    if len(parts) < 2 or any(_NOT_AN_ITEM.search(part) for part in parts):
        return []
    return [part + said for part in parts]


# Two rates joined by 和, 及 or 与, alone or at the end of a list (参考率、通过率和优秀率均为100%).
_RATE_PAIR = re.compile(r"([^、]{1,12}?率)(?:和|及|与)([^、]{1,12}率)")


# A list of subjects and a list of values in the same order (电耗、气耗分别下降3.1%、1.8%;
# with the basis of the change between: 分别同比提升36%、67%).
_RESPECTIVELY = re.compile(
    r"分别(?:" + "|".join(_CHANGE_OPENINGS) + r")?"
    r"(?:为|达到?|是|下降|降低|增长|增加|提高|提升|减少|上升|缩短|压缩|压减|精简|缩减)?了?"
    r"(?:到|至)?\s?$"
)
# A change said after a list, with what it is measured against (…、结案数 同比增长)
_CHANGE_SAID = re.compile(
    "(?:" + "|".join(_CHANGE_OPENINGS) + ")?(?:" + "|".join(_TRAIL_CHANGE) + ")了?$"
)
# Two items joined by 和, 与 or 及 before 分别 (行政处罚和行政检查案件分别下降了18%、25%).
_PAIR_BEFORE_RESPECTIVELY = _joined_pair(12)


# What a change is compared with, alone before 分别 (比上年分别增长, 同比分别下降).
_BASIS_ONLY = re.compile(
    r"(?:较|比|与)(?:去年|上年|上一年|前一年|(?:19|20)\d\d年)(?:同期)?|同比|环比"
)
# What 分别 and a copula leave of a change (分别增长 → 增长, 分别为 → "").
_RESPECTIVE_VERB = re.compile(r"分别|为|达到?|是|到|至|\s")


def _listed(text: str, numbers: Sequence[_Number], index: int) -> int:
    """How many values a list that starts at numbers[index] holds (15%和18% → 2)."""
    count = 1
    while index + count < len(numbers):
        gap = text[numbers[index + count - 1].match.end() : numbers[index + count].match.start()]
        if not _LIST_JOIN.fullmatch(gap):
            break
        count += 1
    return count


def _respective(subject: str, values: int = 0) -> list[str]:
    """能耗、水耗 → one subject each; what the short items leave out is the long one's
    (万元GDP能耗、水耗 → 万元GDP水耗; 城镇、农村居民收入 → 城镇居民收入). With the number of
    `values` the list is given, a last item joined by 和/及/与 is two when one more is needed
    (次数、火场总面积和受害森林面积 分别下降53%、76.8%和78%)."""
    parts = [part for part in subject.split("、") if part]
    if (
        values == len(parts) + 1
        and (pair := _PAIR_BEFORE_RESPECTIVELY.fullmatch(parts[-1])) is not None
    ):
        parts[-1:] = pair.groups()
    if len(parts) < 2:
        return []
    first, last = parts[0], parts[-1]
    rest = parts[1:]
    if len(first) - len(last) >= 2 and all(
        len(p) == len(last) and p[-1] == first[-1] for p in rest
    ):
        from govread.segment import cut

        # what the items stand for in the first is its last word, whatever its length
        # (生产安全事故起数、死亡人数 → 生产安全事故死亡人数)
        word = cut(first)[-1]
        size = len(word) if 2 <= len(word) <= len(first) - 2 else len(last)
        head = first[:-size]
        return [first, *(head + p for p in rest)]
    if first[-1] == last[-1] and len(first) >= 3 and len(last) >= 3:
        return parts  # 审批材料精简率、办理时限压缩率: whole names, each of its own head
    if len(last) - len(first) >= 2 or len(first) >= 4:
        # 城镇、农村居民收入, 工业危废生产、经营单位…合格率: the items are as long as the last
        # one's first word (农村, 经营), or as the first whole when both open with that word
        # (行政许可、行政确认事项), else as the first (城镇、农村居民人均…: 农村居民 is one word);
        # what is before the first item and after the last is shared
        from govread.segment import cut

        opening = cut(last)[0]
        for size in (len(first) if first.startswith(opening) else len(opening), len(first)):
            tail = last[size:]
            if (
                2 <= size <= len(first)
                and len(tail) >= 2
                and all(len(p) == size for p in rest[:-1])
            ):
                head = first[: len(first) - size]
                return [first + tail, *(head + p + tail for p in rest[:-1]), head + last]
    return parts


# A number inside a short quotation is part of a name (“三个100%”, “24小时不打烊”, “1+N”).
_QUOTED = re.compile(r"“[^“”]{0,24}”")


# A longer one that lists parallel items with numbers in them is a slogan or a model of work
# (“实施1次执法、开展1次宣讲、进行1次警示”): what each time involves, no count of what was done.
_QUOTED_ITEMS = re.compile(r"“[^“”]{25,60}”")
_ITEM_NUMBER = re.compile(r"\d[^、“”\d]{1,12}、[^、“”\d]{0,12}\d")


def _excluded(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TITLE.finditer(text)]
    if "“" in text:
        quoted = [m.span() for m in _QUOTED.finditer(text) if not _quoted_count(text, *m.span())]
        quoted += [
            m.span()
            for m in _QUOTED_ITEMS.finditer(text)
            if _ITEM_NUMBER.search(text, m.start(), m.end())
        ]
        spans = sorted(spans + quoted)
    return spans


def _quoted_count(text: str, start: int, end: int) -> bool:
    """Whether a quotation is a count written as a name: “5项突破”, “12条”措施 (one number, with
    its unit, opening it, and what it counts, if said there, in two characters or more).
    “1委1办4组”, “3个一”, “1+N” and “12345” stay names."""
    found = _FIGURE.match(text, start + 1, end - 1)
    if found is None or found.start("num") != start + 1 or found.group("unit") is None:
        return False
    if _unit_of(found) in _NO_NOUN_AFTER:
        return False  # “24小时不打烊”, “15分钟生活圈”: a time or a share names a service
    counted = text[found.end() : end - 1]
    if counted == "":  # “12条”措施; not 综保区“21条”, a measure's name
        return _NOUN_END.match(text, end) is None and end < len(text)
    return len(counted) >= 2 and not _DIGIT.search(counted)


def _unit_of(match: re.Match[str]) -> str | None:
    unit = (match.group("unit") or "").strip()
    return _UNIT_BASE.get(unit, unit) or None


# A number that sets a threshold or a class is no measure of anything done: 超过1亿元的企业,
# 低于20微克/立方米 (the line a value fell below), 20万吨级泊位. Bounds (不低于50%) stay
# figures: they state a target.
_COMPARED = frozenset({"低于", "高于", "优于", "大于", "小于"})
_THRESHOLD_PRE = frozenset({"超过", "超", "逾"})
# A distance that names a race (女子20公里竞走冠军) is the event's name.
_RACES = ("竞走", "马拉松", "越野", "赛跑", "长跑", "接力", "公路赛")
_RACE_STARTS = frozenset(race[0] for race in _RACES)


_BOUND_POSTS = frozenset({"以上", "以下", "以内"})
_RANGE_DASHES = frozenset("至到-—–~\uff5e")
_COUNTED_AFTER = re.compile(r"的[^\d,\uff0c。;\uff1b、]{1,12}?\d")


def _threshold(text: str, match: re.Match[str]) -> int:
    """Where a threshold or class that starts with this number ends (20万吨**级**), or 0."""
    end = match.end()
    after = text[end : end + 1]
    if after == "级" and match.group("unit"):
        return end + 1
    start = match.start("num")
    if text[start - 2 : start] in _COMPARED and text[start - 3 : start - 2] != "不":
        return end
    if after == "的":
        if match.group("pre") in _THRESHOLD_PRE and not (
            # …,超过98%的案件得到及时化解: a share opening its clause, a figure (not 投资
            # 超过1亿元的企业, nor 持股超过50%的股东: a class of them)
            (match.group("unit") or "").strip() in _PERCENT
            and (match.start() == 0 or text[match.start() - 1] in _CLAUSE_MARKS)
        ):
            return end
        # 40000分以上的人员有42名, 30000-40000分的人员有31名: a bound or a range in a
        # 的-phrase sets the class of what another number of the clause counts (a share,
        # 95%以上的事项, is a figure of its own)
        unit = (match.group("unit") or "").strip()
        bounded = match.group("post") in _BOUND_POSTS or (
            text[start - 1 : start] in _RANGE_DASHES and text[start - 2 : start - 1].isdigit()
        )
        if unit and unit not in _PERCENT and bounded and _COUNTED_AFTER.match(text, end):
            return end
        return 0
    if after in _RACE_STARTS and match.group("unit") in ("公里", "千米"):
        return end if text.startswith(_RACES, end) else 0
    if match.group("post") in _BOUND_POSTS and _classed_noun(
        text,
        end,
        match.group("unit"),
        counted=_COUNT_BEFORE.search(text, max(0, start - 4), start) is not None,
    ):
        return end  # 200平方米以上餐厅, 100人以下企业, 4个|90分以上地级市: which of them
    return 0


# Measures of one thing's size, amount or time (not counters of things: 10个以上服务站点
# counts them): with a bound right before a noun, they set which of it are meant.
_SIZES = frozenset(
    {*("平方米", "平方公里", "公顷", "亩", "吨", "公斤", "千克", "公里", "千米", "千瓦")}
    | {"万千瓦", "千瓦时"}
    | {*_MONEY, "分", "年", "天", "小时", "个月", "个工作日"}
)


# A count right before a bound (4个|90分以上地级市): the bound classes what it counts.
_COUNT_BEFORE = re.compile(r"\d[个家所项名座条]$")


def _classed_noun(text: str, end: int, unit: str | None, *, counted: bool = False) -> bool:
    """Whether the bound ending at `end` (X平方米以上) stands right before a noun it classes:
    a word of segmentation that is a noun of the dictionary or none of its classes (大型,
    地级市), not a verb; after a count of people, a body (100人以下企业). `counted`: a count
    stands right before the bound (4个90分以上地级市), so any noun after it is classed."""
    unit = (unit or "").strip()
    if not "\u4e00" <= text[end : end + 1] <= "\u9fff":
        return False
    if unit in _COUNTS_PEOPLE and not counted:
        return text.startswith(_BODY_HEADS, end)
    if unit not in _SIZES and not counted:
        return False
    from govread.segment import cut

    word = cut(text[end : end + 6])[0][:2]
    return (
        len(word) == 2
        and word_classes().get(word, "N") == "N"
        and not _any_verb(word, guessed=False)
    )


@dataclass(slots=True)
class _Number:
    match: re.Match[str]
    unit: str | None  # its own measure word, or the one it shares with the next number
    magnitude: str | None
    series: str | None = None  # "range" or "list" when it shares the next number's unit
    valid: bool = False


def _numbers(text: str, classes: dict[int, int] | None = None) -> list[_Number]:
    """Every number with its unit; numbers joined to the next (0.5至1.5个) share its unit.

    `classes`, if given, receives the thresholds and classes left out (20万吨级, 超过1亿元的):
    the start of each number (and of what is written before it) → the end of the class.
    """
    if _DIGIT.search(text) is None and "百分" not in text:
        return []  # (half of all paragraphs: no number, and no titles or quotes to look for)
    excluded = _excluded(text)
    excluded_starts = [a for a, _ in excluded]
    numbers = [_Number(m, _unit_of(m), m.group("mag")) for m in _FIGURE.finditer(text)]
    if "百分" in text:
        numbers += [_Number(m, "%", None) for m in _HUNDRED_PERCENT.finditer(text)]
        numbers.sort(key=lambda number: number.match.start())
    if "约" in text:
        for number in numbers:
            found = number.match
            at = found.start()
            if text[at] == "约" and at and text[at - 1] in _WORD_BEFORE_YUE:
                # 节约300万元, 签约12个: the 约 ends a word, it is no "about"
                number.match = _FIGURE.match(text, found.start("num")) or found
    for index in range(len(numbers) - 1, -1, -1):
        number = numbers[index]
        match = number.match
        num_start = match.start("num")
        inside = bisect.bisect_right(excluded_starts, num_start) - 1
        if inside >= 0 and num_start < excluded[inside][1]:
            continue
        if num_start and "A" <= text[num_start - 1] <= "E" and number.unit not in _PERCENT:
            continue  # only a share follows a grade (信用级别B30%C60%); A4, B2类 are names
        if text.endswith("连续第", 0, match.start()) and number.unit != "年":
            continue  # 连续第3次: the third time, an ordinal, no count of times
        if number.unit == "年":
            before = text[max(0, match.start() - _DURATION_REACH) : match.start()]
            if before.endswith("连续第"):
                before = before[:-1]  # 连续第4年: the fourth year running, four years
            number.valid = before.endswith(_DURATION) or (
                len(match.group("num")) <= 2 and _lasting_far_before(before)
            )
            continue
        written = (match.group("unit") or "").lstrip()
        if written in _COUNTED_BY_NAME and len(match.group("num")) > 3:
            continue  # 2024市本级…: a year before a body, no count of bodies
        clock = _CLOCK_BEFORE.get(number.unit or "", ())
        if text[match.start() - 1 : match.start()] in clock:
            continue  # 22时30分, 3月7日内: a time of day or a date, no score and no days
        if number.unit in _CIRCLE_TIMES and (
            _CIRCLE.match(text, match.end())
            or text.startswith("\u201c", match.end())
            or (match.group("num") == "24" and _ROUND_THE_CLOCK.match(text, match.end()))
        ):
            # 打造15分钟政务服务圈, 首设24小时“政务无人超市”: a service's name, no duration
            continue
        if number.unit in _HOW_OFTEN and _FREQUENCY.search(
            text, max(0, match.start() - 4), match.start()
        ):
            continue  # 每两月1次: how often, not how many times
        if number.unit is None and index + 1 < len(numbers):
            following = numbers[index + 1]
            gap = text[match.end() : following.match.start()]
            if following.valid and number.magnitude is None and match.group("approx1") is None:
                if _RANGE_JOIN.fullmatch(gap):
                    number.series, following.series = "range", following.series or "range"
                elif _LIST_JOIN.fullmatch(gap):
                    number.series = "list"
                if number.series:
                    number.unit, number.magnitude = following.unit, following.magnitude
                    number.valid = True
                    continue
        if (number.unit or number.magnitude) and (class_end := _threshold(text, match)):
            if classes is not None:
                classes[num_start] = classes[match.start()] = class_end
                if index and text[num_start - 1 : num_start] in _RANGE_DASHES:
                    first = numbers[index - 1].match  # 30000-40000分的: the range's start too
                    if first.end() == num_start - 1:
                        classes[first.start("num")] = classes[first.start()] = class_end
            continue
        if number.unit is not None:
            number.valid = True
        elif number.magnitude is not None:
            # a bare 万/亿 must end the clause (粉丝突破108万,), and not be a date or a name
            after = text[match.end() : match.end() + 1]
            number.valid = bool(_CLAUSE_END.match(after)) and not re.match(
                r"[年月日号时届位]", after
            )
        elif _UNITLESS_HOST.search(text, max(0, match.start() - 6), match.start()):
            # 综合指数3.93, 万人律师数达到2.3: the value of a measure with no unit, after its
            # name, ending its clause (or before 的: …指标2.3的目标)
            after = text[match.end() : match.end() + 1]
            number.valid = after == "的" or bool(_CLAUSE_END.match(after))
    for number, following in itertools.pairwise(numbers):
        if following.unit is None and _change_to_bare(text, number, following):
            # 由2项增加到4, 从5个减少至3: the unit written once, on the value changed from
            inside = bisect.bisect_right(excluded_starts, following.match.start("num")) - 1
            if inside < 0 or following.match.start("num") >= excluded[inside][1]:
                following.unit, following.valid = number.unit, True
    # a unit-bearing number followed by a range dash and another figure: 90%-95%
    for number, following in itertools.pairwise(numbers):
        if number.valid and following.valid and number.series is None:
            gap = text[number.match.end() : following.match.start()]
            if _RANGE_JOIN.fullmatch(gap) and number.unit == following.unit:
                number.series = following.series = "range"
    if numbers and numbers[-1].valid and (last := numbers[-1]).unit:
        # a text cut off inside a measure word (…提高约1个百): the figure is not all there
        rest = text[last.match.end() :].rstrip()
        if 0 < len(rest) <= 2 and last.unit + rest in _CUT_UNITS:
            last.valid = False
    return [n for n in numbers if n.valid]


# What opens a change's starting value (由2项…, 从原来的5个…): 由 or 从, and words on the start.
_FROM_BEFORE = re.compile(f"[由从](?:{_START_WORDS.pattern}|原|平均)?$")
_FROM_REACH = 8  # characters before the starting value looked at for it
_FROM_ALONE = re.compile(_FROM_BEFORE.pattern.removesuffix("$"))


def _change_to_bare(text: str, first: _Number, then: _Number) -> bool:
    """Whether `then` is the bare new value of a change from `first` (由2项增加到4): `first`
    a count or measure of its own unit after 由/从, `then` with no unit or magnitude, ending
    its clause (not 由2项增加到4类…, nor a year or a name), right after the change's verb."""
    match, following = first.match, then.match
    return (
        first.valid
        and first.unit is not None
        and first.magnitude is None
        and then.magnitude is None
        and following.group("approx1") is None
        and len(following.group("num")) <= 3  # (never a year: 由2项增加到2024)
        and _CLAUSE_END.match(text, following.end()) is not None
        and _CHANGE_AFTER.fullmatch(text, match.end(), following.start()) is not None
        and _FROM_BEFORE.search(text, max(0, match.start() - _FROM_REACH), match.start())
        is not None
    )


# Measure words that begin a longer one (个 → 个百分点): a text that ends inside one is cut off.
_CUT_UNITS = frozenset(
    unit[:cut]
    for unit in ("个百分点", "个工作日", "个工作小时", "个季度", "平方公里", "平方米")
    for cut in range(2, len(unit))
)


def _value(number: _Number) -> float:
    # (a full-width decimal point, ．, is a point: １１．８亿元)
    digits = number.match.group("num").replace(",", "").replace("\uff0c", "").replace("\uff0e", ".")
    if digits.startswith("百"):
        return 100.0  # 百分百
    if number.magnitude is None:
        return float(digits)  # a decimal string is rounded to the nearest float either way
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern only admits digits
        return 0.0
    return float(value * Decimal(_MAGNITUDES.get(number.magnitude or "", 1)))


# A short parenthesis inside a subject (县(区), 市委(办)) does not end its clause.
_SHORT_PAREN = re.compile(r"[(\uff08][^()\uff08\uff09\d]{1,10}[)\uff09]")
_SENTENCE_END = "。;\uff1b!\uff01?\uff1f\n"
_CONTEXT = 40  # characters of the sentence that name what a bare rate is a rate of
# Nouns that several indicators count, told apart by what was done to them (出台|审查|备案|清理
# 规范性文件): said alone, the sentence before the count says which
_COUNTED_BY_WHAT_DONE = ("规范性文件",)
_CLAUSE_BREAK = re.compile(f"[{''.join(sorted(_CLAUSE_MARKS))}:\uff1a]")  # and colons


# What a clause says of a count that is an honour, not a measure of the work:
# 3名人民调解员分别被司法部表彰, 1个案例入选…典型案例 (no indicator: never set against 2万名).
_HONOUR = re.compile(
    r"[^,\uff0c。;\uff1b]{0,12}?(?:被[^,\uff0c。;\uff1b]{0,12}表彰|入选|评为|获评|荣获)"
)
_CLAUSE_STOP = re.compile(r"[,\uff0c。;\uff1b]")


def _masked(text: str) -> str:
    if "(" not in text and "\uff08" not in text:
        return text
    return _SHORT_PAREN.sub(lambda m: "\u3007" * len(m.group()), text)


# An aside in parentheses says nothing of whose a later figure is (…申请103宗,不受理12宗
# (其中转送10宗,…),受理91宗): left out of the context looked at.
_PARENTHESIS = re.compile(r"[(\uff08][^()\uff08\uff09]{0,120}[)\uff09]")


# What was not done is no measure of what was (不予受理9宗 is not 行政复议受理数).
_NEGATED = ("不予", "不受理", "未予", "未能", "未按", "不符合")


def _act(text: str, raw_before: str, noun: str, noun_end: int, unit: str) -> str:
    """What was done to a count's noun (`govread.acts`): the act before the number in its
    clause, else the one right after the counted noun; none for a rate or a sum of money.
    (Asked again of the subject, for one an action after the number gave: 对82件宣布失效.)"""
    if unit in ("%", "\uff05") or unit in _MONEY:
        return ""
    return act_before(raw_before) or (act_after(text, noun_end) if noun else "")


# A list of several nouns closed by 等 (合同协议、规范性文件等55件) counts them all.
_LISTED_WITH = re.compile(r"[、和及与]")


def _several_listed(label: str, raw_before: str, unit: str) -> bool:
    """Whether a count's subject is a list of several nouns ending in 等 (审查合同协议、规范性
    文件等55件): it is none of them alone, so no indicator of one of them is its own."""
    return (
        unit not in ("%", "\uff05")
        and raw_before.rstrip().endswith("等")
        and _LISTED_WITH.search(label) is not None
    )


def _indicator(label: str, unit: str, sentence: str, lent: bool = False) -> str | None:
    """The label's indicator; a bare 合格率 or 办结 looks at its sentence for whose it is, and
    so does a rate lent a subject (受理诉求 + 办结率: the sentence says whose 受理诉求)."""
    if label[:1] in "不未" and label.startswith(_NEGATED):
        return None
    found = indicator_for_subject(label, unit)
    if found is None and unit in _PERCENT and label[-1:] not in _NOT_AN_ACT_LAST:
        # 行政机关负责人出庭应诉100%: a share of an act, written without its 率, is that
        # act's rate
        found = indicator_for_subject(label + "率", unit)
    if found is None and lent and unit in _PERCENT:
        # 参与调解案件 + 成功率: a bare rate lent what the clause before did is the rate of
        # that clause's act (调解成功率), when the lender's verb names it
        found = _rate_of_verb(label, unit)
    if found is None and label.endswith(_COUNTED_BY_WHAT_DONE):
        # …审核机制,出台行政规范性文件2件: the count's own clause says what was done to them
        # (not a clause before it: 审核 there is another act)
        found = indicator_for_subject(_CLAUSE_BREAK.split(sentence)[-1], unit)
    if found is None and (lent or len(label) <= 5):
        if "(" in sentence or "\uff08" in sentence:
            sentence = _PARENTHESIS.sub("", sentence)
        if "12345" in sentence:
            # the genre's 12345 is the government hotline, whatever it is called (12345平台,
            # 12345便民服务平台): the indicators name it 热线 (the number goes with the others)
            sentence = _HOTLINE.sub("热线", sentence)
        context = _LAST_NUMBER.sub("", sentence)[-_CONTEXT:]
        # the sentence ends with the rate as written (…热线…受理诉求件,满意率): a lent label
        # in its place would put the lender's words between whose and the rate
        found = indicator_for_subject(context if lent else context + label, unit)
    return found


# Last characters of a share's subject that are no act to read a 率 after: a rate or share
# already (率, 比, 占), a change (增长, 下降: 同比增长5% is no 增长率 of anything), a degree.
_NOT_AN_ACT_LAST = frozenset("率比占长降升少加减高低幅度值")
_HOTLINE = re.compile(r"(?<!\d)12345(?!\d)(?!热线)")


def _rate_of_verb(label: str, unit: str) -> str | None:
    """The indicator of a lent rate (`label`: the lender, then the bare rate, 成功率) read as
    the rate of one of the lender's two-character verbs (参与调解案件成功率 → 调解成功率;
    调解纠纷成功率: a verb segmented with its object is found as well), or None. A pass of
    set lookups, no segmentation: most lent rates have no such indicator."""
    if len(label) < _RATE_AND_VERB or label[-1] != "率":
        return None
    rate = label[-3:]  # (成功率, 办结率: a bare rate of two characters and 率)
    for at in range(len(label) - 4):
        verb = label[at : at + 2]
        if (
            _is_verb(verb, guessed=False)
            and (found := indicator_for_subject(verb + rate, unit)) is not None
        ):
            return found
    return None


_RATE_AND_VERB = 5  # a verb of two characters and a bare rate of three


# A bound written before a number (不低于50%, 应不少于90%): the figure is a bound, so
# approximate, and the bound is not part of its subject. Looked for here, after a number is
# found, so the figure pattern itself stays as quick as before.
_BOUNDS = frozenset({"不低于", "不少于", "不高于", "不多于", "不大于", "不小于"})
# 不超过 / 未超过 / 不超 a number: the negation is part of the figure's pattern (超过), so its
# text keeps it whole (不超过1个工作日, never 超过1个工作日: the opposite claim).
_OVER = frozenset({"超过", "超"})
_NOT = frozenset("不未")


def _bound_before(text: str, at: int, pre: str) -> str:
    """The bound right before position `at` ("", "不低于", "应不少于"; "不" of 不超过, "未"
    of 未超过)."""
    if pre in _OVER and text[at - 1 : at] in _NOT:
        bound = text[at - 1]
    elif at >= 3 and text[at - 1] == "于" and text[at - 3 : at] in _BOUNDS:
        bound = text[at - 3 : at]
    else:
        return ""
    start = at - len(bound)
    return text[start - 1 : at] if start >= 1 and text[start - 1] in "应须" else bound


# A value after a clause break (旅游业总收入首次突破百亿大关,达101.64亿元): the clause
# before names what it measures, up to what it says of it.
# (and what it judges of it, or which way it moved: 行政复议纠错率偏高,达到18%; 纠错率下降,为8%)
_SAID_OF = re.compile(
    r"首次|突破|实现|再创|创下|保持|继续|稳居|位居|跃居|迈上|跨越|站上|同比|较上年|比上年"
    r"|偏高|偏低|过高|过低|较高|较低|居高不下|有所|明显|大幅|逐年|逐步|稳步"
    r"|上升|下降|提高|提升|增长|增加|减少|降低"
)

# The years a clause opens with (2017年至2019年社会公众满意度逐年提高): when, not what.
_YEARS_OPENING = re.compile(r"(?:19|20)\d\d年(?:度)?(?:[至到—~-](?:19|20)\d\d年(?:度)?)?(?:以来)?")


def _clause_before(text: str, bounds: list[int], clause_start: int, floor: int) -> str:
    """The clause that ends where the one at `clause_start` begins, or "" when it starts
    before `floor` or is longer than a subject is looked for in."""
    at = bisect.bisect_left(bounds, clause_start - 1)
    begin = bounds[at - 1] + 1 if at >= 1 else 0
    if begin < floor or clause_start - 1 - begin > _MAX_CLAUSE:
        return ""
    return text[begin : clause_start - 1]


def _aside_before(text: str, bounds: list[int], clause_start: int, floor: int) -> str:
    """The clause before an aside in brackets that closes right before the clause ending at
    `clause_start` (X(尤其是…)明显增加: X), when it holds no number; else ""."""
    clause = _clause_before(text, bounds, clause_start, floor)
    begin = clause_start - 1 - len(clause)
    if not clause or begin < 1 or text[begin - 1] not in ")\uff09":
        return ""
    opened = max(text.rfind(bracket, floor, begin - 1) for bracket in _OPENING_BRACKETS)
    if opened <= floor or begin - 1 - opened > _ASIDE_REACH:
        return ""
    return _previous_clause(text, bounds, opened + 1, floor, whole=True)


def _without_first_verb(phrase: str) -> str:
    """A phrase without the verb it opens with (编建|应急救援队伍), when two characters or
    more are left; else the phrase."""
    from govread.segment import cut

    first = cut(phrase)[:1]
    if (
        first
        and (_verb_word(first[0]) or (len(first[0]) == 2 and _any_verb(first[0], guessed=True)))
        and len(phrase) - len(first[0]) >= 2
    ):
        return phrase[len(first[0]) :]
    return phrase


def _previous_clause(
    text: str, bounds: list[int], clause_start: int, floor: int, whole: bool = False
) -> str:
    """What the clause before `clause_start` (not before `floor`) is about, or ""; with
    `whole`, that clause itself when it holds no number (a topic: X工作,在短短8个月内…)."""
    clause = _clause_before(text, bounds, clause_start, floor)
    if not clause:
        return ""
    if years := _YEARS_OPENING.match(clause):
        clause = clause[years.end() :]  # (2024年|…: when, no number of what it is about)
    if whole:
        if _DIGIT.search(clause):
            return ""
        if (holds := max(clause.find("包含"), clause.find("包括"))) >= 2:
            clause = clause[:holds]  # …行政职权事项|包含A、B…,共计181项: what holds the list
        if "(" in clause or "\uff08" in clause:  # (an aside in it is no part of the topic)
            clause = _without_asides(clause)
        return _clean(clause)
    said = _SAID_OF.search(clause)
    if said is None or said.start() < 2 or _DIGIT.search(clause, 0, said.start()):
        return ""
    return _clean(clause[: said.start()])


def _event_said_before(text: str, bounds: list[int], clause_start: int, floor: int) -> str:
    """The event (讲座, 培训 …) the last clause before `clause_start` that ends in one acted on,
    from after its last verb; "" when no clause since `floor` ends in an event."""
    from govread.segment import cut

    classes = word_classes()
    while clause := _clause_before(text, bounds, clause_start, floor):
        if clause.endswith(_EVENT_HEADS) and not _DIGIT.search(clause):
            words = cut(clause)
            said = _clean("".join(words[_last_verb(words, classes) + 1 :]))
            return said if len(said) >= 2 else ""
        clause_start -= len(clause) + 1
    return ""


def _last_verb(words: list[str], classes: dict[str, str]) -> int:
    """The index of the last word the word table calls a verb; -1 for none."""
    return max((at for at, word in enumerate(words) if classes.get(word) == "V"), default=-1)


def _object_between(text: str, bounds: list[int], clause_start: int, floor: int, rate: str) -> str:
    """What the clause between the last figure (`floor`) and a bare rate acted on, when it
    acted on something (培训3次,全员参与法治考试,合格率100%: the rate is of the exam, not of the
    training counted before); "" when no such clause stands between them, or it says the
    rate's own act (审查文件20件,均报送备案,备案率100%: the documents' rate, as lent)."""
    clause = _clause_before(text, bounds, clause_start, floor)
    if len(clause) < 4 or _DIGIT.search(clause) or (len(rate) >= 3 and rate[:-1] in clause):
        return ""
    from govread.segment import cut

    words = cut(clause)
    classes = word_classes()
    # the object: the words after the clause's last verb, ending in a noun of the table (a
    # verbal noun: 考试, 培训; or a longer word whose head is one: 闭卷|考试), no verb among them
    verb = _last_verb(words, classes)
    if verb < 0 or classes.get(words[-1], classes.get(words[-1][-2:])) not in ("N", "M", "C"):
        return ""
    said = "".join(words[verb + 1 :])
    return said if len(said) >= 2 else ""


def _topic_before(raw_before: str, unit: str) -> str:
    """The noun phrase opening a clause before 共/累计 and a bare verb, when its head agrees
    with the measure word (行政执法案件共办理1520件: the cases, taken up before the verb)."""
    total = max(_TOTAL.finditer(raw_before), key=lambda m: m.start(), default=None)
    if total is None or total.start() < 2:
        return ""
    front = _clean(raw_before[: total.start()])
    return front if _agrees(front, unit) else ""


def _object_of_verb_before(
    text: str, bounds: list[int], clause_start: int, floor: int, verb: str, reach: int = -1
) -> str:
    """What `verb` took in the clause before (开展…宣讲活动,全年累计开展36次: the activity): a
    verb said again with a count counts what it had as its object. With `reach` (the
    sentence's start), that clause may begin before `floor` (the last figure's end) as long
    as the verb and its object come after it (组织18个单位|开展普法培训,约450人参加: who held it
    was counted, what they held was not)."""
    clause = _clause_before(text, bounds, clause_start, floor if reach < 0 else reach)
    found = clause.rfind(verb)
    if found < 0 or clause_start - 1 - len(clause) + found < floor or _DIGIT.search(clause, found):
        return ""
    said = _clean(clause[found + len(verb) :])
    return said if len(said) >= 2 else ""


# --- what a count covers: its time, its stage, what is said of it ---------------------------

# Added this year to what lasts, or those new to it (新任命领导干部): never the whole of it.
# (新任务, 新设备, 新增长点, 新建成区 … are no additions)
_NEW = re.compile(
    r"新(?:增(?!长)|招|聘|建(?!成区)|设(?![备施计])|任(?!务)|成立|组建|培育|培养|发展|吸纳|"
    r"选聘|录用|认定|配备|引进|入职|入驻)|增设|增补|增配|招聘|招录|选聘|发展[^,\uff0c。;\uff1b、\d]{0,10}?员"
)
# All there are now (现有人民调解委员会41个)
_EXISTING = re.compile(r"现有|已有|拥有|实有|建有|共有|在册|存量|总数|截至目前|迄今|至今")
# Over the years: 累计 unless the sentence bounds it to the year (今年以来…累计 is the year's)
_CUMULATIVE = re.compile(r"累计|历年|历史上")
_YEAR_BOUND = re.compile(r"今年|全年|年内|本年|当年|上半年|下半年|季度")


def _scope(before: str, subject: str, sentence: str) -> str:
    """What part of time a count covers, where the clause says so (`Figure.scope`): its
    words before the number (`before`) and its subject; a year named anywhere before it in
    the sentence bounds 累计 to the year."""
    words = before + subject
    if _NEW.search(words):
        return "new"
    if _CUMULATIVE.search(words):
        return "" if _YEAR_BOUND.search(sentence) else "cumulative"
    if _EXISTING.search(words):
        return "existing"
    return ""


# The stage of a case or request a count is at: received is not accepted (收到申请97件,
# 受理70件), nor accepted concluded (受理…361件 / 办结…78件). 办理 says none of them.
_STAGES = re.compile(r"(收到|接到|接收|收案|新收)|(受理|立案)|(办结|审结|结案|办毕|审毕)")
_STAGE_NAMES = ("received", "accepted", "concluded")


def _stage(words: str) -> str:
    """The stage the last stage word of `words` names (`Figure.stage`); "" for none (不受理
    is no stage reached)."""
    if _STAGES.search(words) is None:
        return ""  # (most words name no stage: one search, no iterator)
    found = ""
    for match in _STAGES.finditer(words):
        if words[max(0, match.start() - 2) : match.start()].endswith(("不予", "不")):
            found = "refused"
            continue
        found = _STAGE_NAMES[match.lastindex - 1] if match.lastindex else ""
    return found


_SAID_QUOTES = re.compile(r"[“”\"‘’'「」『』]")
_LEAD_MARKS = " 、,\uff0c:\uff1a"
_NOT_SAID = ("《", "(", "\uff08", "〔", "[", "及", "和", "与", "以及", "等", "、", "的")
_SAID_REACH = 20  # characters of the clause after the noun kept: enough to tell two apart


def _to_clause_end(text: str, at: int) -> str:
    """The rest of the clause from `at`: to its comma, stop, semicolon or list mark."""
    end = _CLAUSE_END.search(text, at)
    return text[at : end.start() if end else len(text)]


def _said(text: str, at: int) -> str:
    """What the clause says of a counted noun that ends at `at`, to its end (实现“掌上办”
    → 实现掌上办), quotes dropped; "" when the clause ends with the noun."""
    rest = _to_clause_end(text, at)[:_SAID_REACH]
    # names of the items (《…》), an aside or the next item of a list say nothing of them
    return "" if rest.startswith(_NOT_SAID) else _SAID_QUOTES.sub("", rest).strip()


# 党的 (党的二十大, 党的领导) is one word, no 的 of a clause describing a noun: the rules that
# take the head after a 的 read it as a rare character of no rule (丒), put back in what they
# return. Same length: offsets hold.
_PARTY = "党的"
_PARTY_READ = "党丒"


def extract(
    text: str, node_id: str = "", paragraph: int = 0, in_items: Sequence[Item] = ()
) -> list[Figure]:
    """Every figure in one paragraph of text, in order; one that starts inside one of
    `in_items` (the paragraph's 一是… items) has the item's id as its node_id."""
    if _PARTY not in text:
        return _extract(text, node_id, paragraph, in_items)
    return [
        # (copied only when a field holds the stand-in: most figures of such a paragraph do not)
        dataclasses.replace(
            figure,
            label=figure.label.replace(_PARTY_READ, _PARTY),
            said=figure.said.replace(_PARTY_READ, _PARTY),
            act=figure.act.replace(_PARTY_READ, _PARTY),
        )
        if _PARTY_READ in figure.label + figure.said + figure.act
        else figure
        for figure in _extract(text.replace(_PARTY, _PARTY_READ), node_id, paragraph, in_items)
    ]


def _extract(text: str, node_id: str, paragraph: int, in_items: Sequence[Item]) -> list[Figure]:
    figures = _counted(text, node_id, paragraph, in_items)
    if ("第" in text or "前" in text) and (
        ranks := _ranks(text, figures, node_id, paragraph, in_items)
    ):
        # (a count read inside a rank, the 5位 of 前5位, is the rank's number)
        starts = [r.start for r in ranks]
        kept = [
            f
            for f in figures
            if (at := bisect.bisect_right(starts, f.start) - 1) < 0 or f.start >= ranks[at].end
        ]
        figures = sorted([*kept, *ranks], key=lambda f: f.start)
    return figures


# A rank held (信用监测排名居全省第3位, 全区排名第4名, 2019年排第12名, 居全省前5位): after a verb
# of ranking and the scope ranked in, 第 or 前 (within the first N) and a number of 名 or 位
_RANK = re.compile(
    # (获 only with its scope: 考核获全省第3名; not 获第2名同志's praise, nor 查获)
    r"(?:排名|(?<![安编])排|(?<![邻民])居|位列|位居|名列|(?<![捕收查缴破截])(?:荣获|获得?)(?=全)"
    # (3个指标分列全国第1、第4、第5: each its own, in the order listed; see _ranks)
    r"|分[列居](?=全|第|前))"
    f"(?P<scope>[^{_PUNCT}\\d第前]{{0,8}}?)"
    # (排名全省第2, with no measure word: a rank when its clause ends there, read in 位)
    r"(?P<rank>[第前](?P<num>\d{1,3})(?P<unit>名|位)?)(?![\d次])"
)
_RANK_VERB_FIRST = frozenset("排居位名获荣分")
# The later places of ranks held each by one of a list (分列全国第1、|第4、|第5)
_NEXT_RANK = re.compile(r"、(?P<rank>第(?P<num>\d{1,3})(?P<unit>名|位)?)(?![\d次])")
# A list of things named before their count (市场监管、开办企业、知识产权…|3个指标)
_LISTED_BEFORE_COUNT = re.compile(
    r"([^,\uff0c。;\uff1b:\uff1a\d]{2,80}?)\d{1,2}[个项]?([\u4e00-\u9fff]{0,4})$"
)
# A place in a ranking, alone (全市第一, 第3名): no name of what is ranked
_PLACE_RANKED = re.compile(r"(?:全[国省市区县州])?第[一二三四五六七八九十\d]{1,3}[名位]?")
_RANK_REACH = 200  # how far back a rank's sentence is read for what is ranked
_PLACE_NAME = 6  # a place's name, at most (贺州市, 西乌珠穆沁旗)
_RANKING_NAME = 12  # a ranking's name said before it, at most, when no act ends before it
_RANK_SCOPES = ("全国", "全省", "全市", "全区", "全州", "全县", "全盟", "全旗", "全自治区", "全球")
_RANKING_SAID = ("排名中", "排名里", "排名")
_RANKING_WORDS = 24  # characters before 排名 read for the ranking's name


def _ranks(
    text: str, figures: list[Figure], node_id: str, paragraph: int, in_items: Sequence[Item]
) -> list[Figure]:
    """The ranks a paragraph states, as figures: the value is the place (3 of 第3位, 5 of
    前5位), the subject what is ranked and 排名."""
    ranks: list[Figure] = []
    by_end = sorted(figures, key=lambda f: f.end)
    figure_ends = [f.end for f in by_end]
    for found in _RANK.finditer(text):
        start, end = found.span("rank")
        if found["unit"] is None and not _CLAUSE_END.match(text, end):
            continue  # 排名第1的…: a name, no rank stated
        verb_start = found.start()
        reach = max(0, verb_start - _RANK_REACH)
        marks = [m.end() for m in _BOUNDARY.finditer(text, reach, verb_start)]
        clause = marks[-1] if marks else reach
        ends = [at for at in marks if text[at - 1] in _SENTENCE_END]
        sentence = ends[-1] if ends else reach
        # the last figure of the sentence before the verb, a count's or a rank's
        at = bisect.bisect_right(figure_ends, verb_start) - 1
        last = by_end[at] if at >= 0 else None
        if ranks and (last is None or ranks[-1].end > last.end):
            last = ranks[-1]
        if last is not None and last.start < sentence:
            last = None
        opening = clause
        if last is not None and last.end > clause:
            # (…指标有17项|居全省前5位, 2019年排第12名、|2020年排…: no figure is in the name)
            opening = last.end
        thing = text[opening:verb_start].strip().lstrip("、")
        among = text[clause:verb_start]
        if among.endswith("中") and (where := among.find("在")) >= 2:
            # 空气质量|在全国168个重点城市中排第3名: what is ranked among them
            thing = among[:where]
        scope = next((w for w in _RANK_SCOPES if thing.endswith(w)), "")  # (…全省|排名)
        thing = thing[: len(thing) - len(scope)]
        thing = _clean(_YEARS_OPENING.sub("", thing)) if thing else ""
        if len(thing) <= _PLACE_NAME and thing[-1:] in _PLACE_LEVELS:
            thing = ""  # (贺州市2019年|排第12名: the place ranked, no name of the ranking)
        if not thing and scope:
            thing = scope  # 全区|排名第4名: the ranking by its scope
        if (
            not thing
            and sentence < clause
            and (named := _ranking_before(text, sentence, clause - 1))
        ):
            thing = _named_ranking(named)  # 在…地表水断面质量排名中,…排第12名
        if not thing and last is not None:
            thing = last.label  # 群众安全感程度指数98.21%,居全省第3位: that index's
        ranked_in = found["scope"].strip()  # (居全省|第3位: the scope after the verb)
        label = thing or (ranked_in if ranked_in.startswith("全") else "")
        label = label if label.endswith("排名") else label + "排名"
        places = [found]
        if found.group().startswith("分"):
            while (later := _NEXT_RANK.match(text, places[-1].end("rank"))) is not None:
                places.append(later)
        labels = [label] * len(places)
        if len(places) > 1 and (listed := _LISTED_BEFORE_COUNT.search(text, clause, verb_start)):
            items = listed.group(1).split("、")
            if len(items) == len(places):
                # each ranked as listed, named with their head (市场监管|指标排名)
                labels = [_clean(item) + listed.group(2) + "排名" for item in items]
        for place, named in zip(places, labels, strict=True):
            start, end = place.span("rank")
            owner = next((i.id for i in in_items if i.start <= start < i.end), node_id)
            ranks.append(
                Figure(
                    label=named,
                    value=float(place["num"]),
                    unit=place["unit"] or "位",
                    approximate=False,
                    text=place["rank"],
                    node_id=owner,
                    paragraph=paragraph,
                    start=start,
                    end=end,
                )
            )
    return ranks


def _ranking_before(text: str, start: int, end: int) -> str:
    """The words before a 排名 (中) that ends text[start:end], back to a mark or a digit and
    at most `_RANKING_WORDS` of them; "" when it does not end so."""
    said = next((w for w in _RANKING_SAID if text.endswith(w, start, end)), "")
    if not said:
        return ""
    stop = end - len(said)
    at = stop
    while at > max(start, stop - _RANKING_WORDS) and not (
        text[at - 1].isdigit() or _BOUNDARY.match(text, at - 1) or text[at - 1] == "、"
    ):
        at -= 1
    return text[at:stop] if stop - at >= 2 else ""


def _named_ranking(phrase: str) -> str:
    """The name of a ranking said before it (生态环境部通报全国…城市国家考核|地表水断面质量):
    the words after the phrase's last verb."""
    from govread.segment import cut

    words = cut(phrase)
    classes = word_classes()
    named = phrase[-_RANKING_NAME:].lstrip("在")
    for at in range(len(words) - 1, -1, -1):
        after = "".join(words[at + 1 :])
        if classes.get(words[at]) in ("V", "M") and len(after) >= 2:
            named = after  # (…国家考核|地表水断面质量: a verbal noun ends what was done too)
            break
    scope = next((w for w in _RANK_SCOPES if named.startswith(w)), "")
    return named[len(scope) :] if len(named) - len(scope) >= 2 else named


def _counted(text: str, node_id: str, paragraph: int, in_items: Sequence[Item]) -> list[Figure]:
    figures: list[Figure] = []
    classes: dict[int, int] = {}
    numbers = _numbers(text, classes)
    if not numbers:
        return figures
    masked = _masked(text)
    # where clauses and sentences end (each boundary is one character)
    bounds = [m.start() for m in _BOUNDARY.finditer(masked)]
    sentence_bounds = [i for i in bounds if masked[i] in _SENTENCE_END]
    sentence_start = 0
    clause_start = 0
    last_end = 0  # subjects never reach back over the previous figure
    topic = ""  # the last full subject in this sentence, lent to a bare 成功率
    topic_unit = ""  # the unit of the figure it named
    origin = ""  # the subject of a change's starting value (签约率由61%…提高至88%)
    origin_span = (0, 0)  # the figures of that value (one per label)
    respective: list[str] = []  # subjects still owed a value (电耗、气耗分别下降3.1%、1.8%)
    said_before: list[str] = []  # the subjects of this sentence's figures (…,分别增长15%和18%)
    said_units: list[str] = []  # and their units
    # the topic before an aside (权责共326项(权力66项、责任260项),比上年减少105项): what the
    # figures in the brackets named is no topic once they close
    before_aside: tuple[str, str] | None = None
    for index, number in enumerate(numbers):
        match = number.match
        start, end = match.span()
        num_start = match.start("num")
        reach = num_start - 1 if text[num_start - 1 : num_start] == " " else num_start
        # the last clause (and sentence) boundary in [last_end, reach)
        last = bisect.bisect_left(bounds, reach) - 1
        if last >= 0 and bounds[last] >= last_end:
            clause_start = bounds[last] + 1
        last = bisect.bisect_left(sentence_bounds, reach) - 1
        if last >= 0 and sentence_bounds[last] >= last_end:
            topic = topic_unit = ""  # borrowing stays within a sentence
            said_before, said_units = [], []
            sentence_start = sentence_bounds[last] + 1
            before_aside = None
        in_aside = _in_aside(text, sentence_start, start)
        if before_aside is not None and not in_aside:
            topic, topic_unit = before_aside
            before_aside = None
        pre = match.group("pre") or ""
        shown_from = start  # where `text` starts: before the 不 of 不超过
        if pre in _OVER or text[num_start - 1 : num_start] == "于":
            bound = _bound_before(text, num_start - len(pre), pre)
            if pre in _OVER and bound:
                shown_from = start - 1
            pre += bound
        clause_from = max(clause_start, last_end)
        sentence_from = max(sentence_start, last_end)  # as far back as its sentence reads
        if last_end and clause_from == last_end:
            # 1部地方性法规《A条例》、2部政府规章: 《A条例》 names the previous count's item
            while title := _TITLE.match(text, clause_from, num_start):
                clause_from = title.end()
        unit = number.unit or ""
        subject = _subject(text, clause_from, num_start - len(pre), classes, unit)
        raw_before = text[clause_from : num_start - len(pre)].rstrip()
        if (
            subject
            and "\u201d" in raw_before
            and (quoted_name := _QUOTED_WITH_NUMBER.search(raw_before)) is not None
            and subject[:2] in raw_before[quoted_name.start() : quoted_name.end()]
        ):
            # 启用“2号章”办理审批服务事项130件: a subject never opens inside a quoted name
            # holding a number (the number cut it there); it opens after the name
            subject = _subject(
                text, clause_from + quoted_name.end(), num_start - len(pre), classes, unit
            )
        own_unit = match.group("unit") is not None
        if (
            "于" in subject
            and unit not in _POINTS
            and (compared := _COMPARED_TARGET.search(subject))
            and _names_target(
                compared.group(),
                _value(number),
                [f.value for f in figures if f.unit == unit and f.start >= sentence_start],
            )
        ):
            subject = subject[compared.end() :]  # 低于市定目标值35微克/立方米: the target's
        noun, noun_end = ("", end)
        came = False  # a short subject found by a rule, not a bare verb (已入驻|企业)
        valued_noun = ""  # a counted noun that runs on into the next value's name
        funds = unit in _MONEY and _FUNDS_AFTER.match(text, end) is not None
        # 为期4天的培训班: how long the event after 的 lasted, named by it
        event_time = unit in _TIMES and raw_before.endswith("为期") and text.startswith("的", end)
        if own_unit and (unit not in _NO_NOUN_AFTER or funds or event_time):
            if (written := match.group("unit").lstrip()) in _COUNTED_BY_NAME:
                # 6部门 (and a page's 18 部门): the count names what it counts, at its level
                noun = written
                if text[num_start - 1 : num_start] == "级" and num_start >= 2:
                    noun = text[num_start - 2 : num_start] + noun  # 省级6部门
            elif class_end := classes.get(end, 0):
                # 3个20万吨级泊位: the class is part of what is counted
                noun, noun_end = _noun_after(text, class_end, unit)
                noun = text[end:class_end] + noun if noun else ""
            else:
                noun, noun_end = _noun_and_examples(text, end, unit)
            if (
                noun[:1].isdigit()
                and index + 1 < len(numbers)
                and numbers[index + 1].match.start() == end
                and numbers[index + 1].valid
                and numbers[index + 1].unit is not None
            ):
                noun = ""  # 23项|167条…: another count follows, whose noun is read below
            if (
                not noun
                and (
                    unit in _GROUPS
                    or match.group("unit") == "大项"  # 8大项51项…任务
                    # 23项167条工作举措: the items and the measures they hold
                    or (
                        unit == "项"
                        and index + 1 < len(numbers)
                        and numbers[index + 1].match.start() == end
                        and numbers[index + 1].unit == "条"
                    )
                )
                and index + 1 < len(numbers)
                and text[end : (following := numbers[index + 1]).match.start()] in _GROUP_JOINS
                and following.match.group("unit") is not None
            ):
                # 20类141项便民服务事项 (6大类、1224项…, 9大类共296项…): the kinds and the items
                # are of one counted noun
                noun, _ = _noun_and_examples(text, following.match.end(), following.unit or "")
            if (
                not noun
                and unit in _EVENT_COUNTS
                and index + 1 < len(numbers)
                and (following := numbers[index + 1]).match.start() == end
                and following.unit in _COUNTS_PEOPLE
                and (took := _TOOK_PART.match(text, following.match.end()))
            ):
                # 开展11次600人次参加的集中培训: the events are what the people took part in
                noun, _ = _noun_after(text, took.end(), unit)
            elif (
                not noun
                and index + 1 < len(numbers)
                and (following := numbers[index + 1]).match.start() == end
                and following.match.group("post") in _BOUND_POSTS
                and (classed := _noun_after(text, following.match.end(), unit)[0])
            ):
                # 4个90分以上地级市: a bound right after a count is a class of what it counts
                noun = following.match.group() + classed
            elif unit in _COUNTS_PEOPLE and (took := _TOOK_PART.match(text, end)):
                # 600人次参加的集中培训: those who took part in it
                event, noun_end = _noun_after(text, took.end())
                noun = took.group(1) + event if len(event) >= 2 else ""
            if (
                len(noun) >= 4
                and noun.endswith(_MANNER_BEFORE_ACT)
                and _opens_act(text[noun_end : noun_end + 2])
            ):
                # 10个单位|实地开展法治督察: how the act went, before its verb, ends the noun
                noun, noun_end = noun[:-2], noun_end - 2
            if len(noun) >= 4 and (basis := _BASIS_OR_MEANS_INSIDE.search(noun, 2)) is not None:
                # 48位法律专业毕业人员|根据工作需要安排…, 16个县(市)区、开发区|对照100项指标,
                # 50个下属单位|利用宣传栏…: a basis or a means opens the predicate, the noun
                # before it is counted
                noun_end -= len(noun) - basis.start()
                noun = noun[: basis.start()]
            if (
                len(noun) >= 4
                and text.startswith("\u201c", noun_end)
                and noun[:-2].endswith(_CLOSING_HEADS)
                and _is_verb(noun[-2:], guessed=False)
            ):
                # 8项高频事项|推行“马上办”: a verb before a quoted object opens the predicate
                noun, noun_end = noun[:-2], noun_end - 2
            if unit in _WHOLE_HEADS and len(noun) >= 4:
                cut = _agreeing_end(noun, unit)
                noun_end -= len(noun) - cut
                noun = noun[:cut]
            elif (
                len(noun) >= 4
                and unit not in _LASTING
                and (cut := _head_then_verb(noun))
                # (1次|涉企规范性文件清理: a count of times counts the act that ends the noun)
                and not (
                    unit in _HOW_OFTEN
                    and cut == len(noun) - 2
                    and _CLAUSE_END.match(text, noun_end) is not None
                )
            ):
                # (连续4年组织…法规知识考试: what lasted is an act, its objects inside it)
                noun_end -= len(noun) - cut
                noun = noun[:cut]
            if len(noun) >= 6 and (
                cut := _adverb_opens_predicate(
                    noun, manner_only=_is_verb(raw_before[-2:], guessed=False)
                )
            ):
                # 9项改革任务 有序推进: the counted noun is the clause's subject, a predicate
                # follows (after a verb, only an adverb of manner opens it: 推动42个问题有效整改;
                # 完成206台老旧电梯更新改造 is one object)
                noun_end -= len(noun) - cut
                noun = noun[:cut]
            if (
                len(noun) >= 6
                and _NEXT_VALUE.match(text, noun_end)
                and (named := _next_value_named(noun))
            ):
                # 340项…事项 网上可办率达97%: the noun is counted, the rate after it names the
                # next value, which is lent the whole (行政许可事项网上可办率)
                valued_noun, noun = noun, noun[:named]
            elif len(noun) >= 6 and (kept := _noun_then_predicate(noun, unit, after=True)) != noun:
                noun_end -= len(noun) - len(kept)  # 5项X事项|下放至Y: what was done to them
                noun = kept
            if (
                "中" in noun
                and (
                    "从" in raw_before
                    or _FROM_OPEN.search(text, max(0, num_start - _MAX_SUBJECT), num_start)
                )
                and (among := _AMONG_AFTER.search(noun, 2)) is not None
            ):
                noun_end -= len(noun) - among.start()
                noun = noun[: among.start()]  # 从全国87个候选地区中 脱颖而出: those among whom
            if noun.endswith("级"):
                noun += _level_head(text, noun_end, unit)
        if unit in _LASTING and _PLACE_RANKED.fullmatch(noun) and len(subject) >= 2:
            noun = ""  # “双打”考核连续4年|全市第一: a rank names nothing; what held it does
        if own_unit and not noun:
            subject = _noun_then_predicate(subject, unit)
        consumed = end
        done_to = ""  # the object and what was done to it, when they are apart
        if unit in _BATCHES and (batched := _in_batches(raw_before, text, end)):
            subject = _clean(batched)  # 分5批次共取消调整…: the act done in batches
        elif (subject.endswith(_PREPOSITIONS) and _before_object(subject)) or (
            noun and _ACTION.match(text, noun_end) and _OBJECT_FIRST.match(raw_before.lstrip())
        ):
            # 对312件行政规范性文件进行全面清理: the object is counted (件 counts documents);
            # what was done to it still says which indicator the count is, and names a
            # short object with it (对447项任务进行督办 → 任务督办)
            action = _ACTION.match(text, noun_end)
            done_to = _clean(noun + action.group(1)) if noun and action else ""
            object_ = _clean(noun)
            handed_back = 0  # what of the noun is left to the next count (see below)
            if (bodies := _bodies_counted(object_, unit)) != object_:
                subject = bodies  # 对6个执法单位法治建设进行督察: the bodies, however short
            elif (whom := _toward_whom(object_, raw_before)) != object_:
                subject = whom
                if noun.startswith(object_) and object_.startswith(whom):
                    # (向6家…单位|制发《…》9份: the act after those it went to is the next
                    # count's)
                    handed_back = len(object_) - len(whom)
            else:
                # (对6条河道进行了清淤、护砌…: a list of acts names no one act with the object;
                # it still says which indicator the count is)
                acts_listed = action is not None and "、" in action.group(1)
                short = len(object_) < _MIN_AFTER_OPENING and not acts_listed
                subject = done_to or object_ if short else object_
            if not noun:
                subject = _clean(action.group(1) if action else "")
            consumed = action.end() if action else noun_end - handed_back
        elif (
            own_unit
            and not noun
            and raw_before.endswith("的有")
            and (whole := _among(text, sentence_from, clause_from, num_start, unit))
        ):
            # 办理的行政复议案件中,经调解撤回申请的有12件: the part, named by what holds of it
            subject = whole
        elif (
            own_unit
            and not noun
            and raw_before.strip() in _PARTS_NAMED
            and (kind := _PART_KIND.match(text, noun_end))
        ):
            # 其余13起均为露天焚烧秸秆案: a part of the count before, named by what it is
            subject, consumed = kind.group(1), kind.end()
        elif (
            own_unit
            # (对其中4项审批事项提出合并建议: the noun after the number is what is counted)
            and (
                raw_before.strip() in _PARTS_NAMED or (raw_before.strip() == "对其中" and not noun)
            )
            and (part := _PART.match(text, noun_end))
        ):
            # 其中3件已印发并报市政府备案, 其中2件案件部分履行罚款, 其余67项已完成: a part of
            # the count before is named by what holds of it, or what was done to it
            # (对其中43项开展告知承诺制)
            said = part.group().strip()
            subject = _fit(f"{said}的{_clean(noun)}") if noun else said
            consumed = part.end()
        elif (
            noun
            # (《学法课堂》5400册|印制费2.2万元: a sum's name after a count of things is the
            # next value's, not what they are)
            and not (unit not in _MONEY and noun[-1] in _SUM_ENDS)
            and (
                (
                    len(subject) <= _SHORT_SUBJECT
                    # (仲裁案件3千余件|标的额…: the noun before is what 件 counts, the one after
                    # is another quantity's name)
                    and not (_agrees(subject, unit) and not _agrees(noun, unit))
                )
                or funds  # 每年安排150万元专项资金: what the money is
                or (raw_before.endswith(("到", "至")) and len(noun) >= 2)  # 拓展到50多个领域
                or (unit in _COUNTS_BODIES and _BODY_AT_END.search(noun) is not None)
                or _QUANTITY_END.search(raw_before) is not None  # 分为七方面21个要点
                or subject.endswith(_VERB_END_BY_LAST.get(subject[-1:], ()))
                # (及时干预阻止|3起趋利性执法行为: any verb of the dictionary, as those listed)
                or (len(noun) >= 2 and _is_verb(subject[-2:], guessed=False))
                or (len(noun) >= 2 and _verb_then_result(subject))
                # 收集中小微企业|12类共性需求: kinds are counted of the noun after them
                or (unit in _GROUPS and len(noun) >= 2 and not _opens_act(noun[:2]))
                # 局领导领衔|1项…课题: who, then a verb alone; what it took on is counted
                or (len(noun) >= _MIN_AFTER_OPENING and _agent_then_verb(subject))
                or (len(noun) >= 2 and _agrees(noun, unit) and not _agrees(subject, unit))
                # 将政务服务平台|3万余个服务事项按…编码: whose the object put first is, then it
                or (
                    raw_before.lstrip().startswith("将")
                    and (noun.endswith(_CLOSING_HEADS) or (len(noun) >= 2 and _agrees(noun, unit)))
                )
                # 营商环境评估|22个问题: an act, then the things counted, named by a head
                or (noun.endswith(_CLOSING_HEADS) and _opens_act(subject[-2:]))
                or raw_before.endswith(
                    ("等", "的", "”", "“", "\u300b", "共", "共计", "合计", "总计", "有")
                )
                # 工商联所属9家商会: whose they are, then what is counted
                or raw_before.endswith(("所属", "下属", "直属", "所辖", "附属"))
                # 参加为期4天的培训班: how long what follows lasted
                or raw_before.endswith("为期")
                or raw_before.endswith(_LIST_BEFORE)
                # 连获省政府5年督查激励: the years of what was won
                or (unit == "年" and _lasting_far_before(raw_before))
                or (len(noun) >= 2 and raw_before.find("、", 1) > 0)  # names listed, see below
                or raw_before.endswith(_WHERE)
                # 按照权责清单|10类调整情形: by what (a basis, no act of its own), not what
                or (
                    len(noun) >= 2
                    and subject.startswith(_BASIS_OR_MEANS)
                    and _VERB_AHEAD.search(subject, 2) is None
                )
                or (
                    len(noun) >= 2
                    and _BATCH_BEFORE.search(raw_before) is not None
                    and not _opens_act(noun[:2])  # (由首批15个 升级为30个: a change)
                )
                or (unit in _HOW_OFTEN and _how_often_then_verb(subject, noun))
                or (
                    (len(noun) >= 2 or noun in _PLACE_LEVELS)  # 涉及全国31个省: the provinces
                    and raw_before.endswith(_PLACES)
                    and raw_before[-2:-1] not in _NOT_PLACES
                )
                # 编制公布应急管理系统21个行政许可事项: a verb, then whose the counted noun is
                or (
                    len(noun) >= 2
                    and raw_before.endswith(_SCOPES)
                    # (按要求 开展体育领域|2部地方性法规: a basis before the verb)
                    and _is_verb(_BASIS_LEAD.sub("", subject, count=1)[:2], guessed=False)
                )
            )
        ):
            # 共办理27宗以县政府为被告的行政诉讼案件, 组织1.5万名党员干部参加, 等2部地方性法规;
            # names listed right before a count are in apposition to the noun it counts
            # (制定A、B、C3部地方性法规: three 地方性法规, A, B and C are their names); a list
            # whose items have counts of their own (会议9次、常务会议9次) is no such list;
            # a noun that is all one word a subject loses at its end (5项突破) stays whole
            # (制定|优化营商环境30条措施: the act of issuing them is no part of the name)
            purpose = subject[2:] if subject.startswith(_ISSUED) else subject
            subject = _without_locative(_clean(noun) or _strip_lead(noun))
            subject = _bodies_counted(subject, unit)
            subject = _toward_whom(subject, raw_before)
            if unit == "条" and purpose.startswith(_PURPOSES) and _agrees(subject, unit):
                # 出台优化法治环境17条等措施: measures named by what they are for
                subject = _fit(purpose + subject)
            if ranked := _RANKED_AMONG.search(subject, 2):
                subject = subject[: ranked.start()]  # 在全国168个重点城市中排第3名: the cities
            if raw_before.endswith("的") and (modifier := _modifier(raw_before[:-1])):
                subject = _fit(modifier + "的" + subject)  # 对需修订的11个文件: which of them
            if unit in _LASTING and noun.endswith(_TRAIL_CHANGE):
                subject = _fit(_strip_lead(noun))  # 连续6年保持两位数增长: what lasted, whole
            consumed = noun_end
        elif (
            own_unit
            and unit not in _NO_NOUN_AFTER
            and not noun
            and _partitive(subject)
            and (said := _predicate(text, end, unit))
        ):
            # 共有162人考试合格, …人员中8203人考试合格: what the counted did (参加了轮训:
            # without its aspect, as a verb that opens a subject)
            subject, consumed = _without_aspect(said), end + len(said)
        elif (
            own_unit
            and not noun
            and unit in _COUNTS_PEOPLE
            and subject in _PEOPLE_PIVOTS
            and (act := _pivot_act(text, end))
        ):
            # 组织6人完成培训并取得执法证件: what the people were made to do
            subject, consumed = act, end + len(act)
        elif unit in _TIMES and (timed := _TIMED_RATE.match(text, end)):
            # 15天签约率99.6%: the time is that of what the rate after it measures
            subject = _clean(timed.group(1)) or subject
        elif (
            # (or only the levels it spans: 市区两级|98%以上事项实现网上办理)
            (not subject or (len(subject) <= _SCOPE_MAX and subject.endswith(_LEVEL_SCOPES)))
            and unit in _NO_NOUN_AFTER
            and (after_rate := _AFTER_RATE.match(text, end))
            and len(said := _clean(after_rate.group(1))) >= 2
        ):
            # 全区99.8%的群众诉求得到有效解决, 100%办结投诉举报, 1个工作日内完成审核:
            # a share of what follows, or the time it took
            subject, consumed = said, after_rate.end()
        elif (
            not subject
            and text.startswith("被", end)
            and 3 <= len(passive := _to_clause_end(text, end)) <= _MAX_SUBJECT
            and not _DIGIT.search(passive)
        ):
            # …排名全省第二,4宗|被采纳为省典型案例: what befell those counted, as no word
            # before the count names them
            subject = passive
        elif not subject and text.startswith(("参加", "参与", "参训"), end):
            # 共计约600人参加: those who took part; 9820人参加国家工作人员学法用法考试: in
            # what, to the clause's end
            joined_in = _to_clause_end(text, end)
            subject = (
                _fit(joined_in)
                if len(joined_in) > 2 and not _DIGIT.search(joined_in)
                else text[end : end + 2]
            )
        elif (
            unit in _PERCENT
            and subject
            and (share := _SHARE_VERB.match(text, end))
            and not _is_bare(subject)
        ):
            # 住宅60%签约: the share is of what the verb says was done
            subject, consumed = _fit(subject + _QUOTES.sub("", share.group())), share.end()
        elif not noun:
            # the number ends its clause: the clause names what is counted, without the
            # words that say what was done to it (进一步优化调整 …清单5139项)
            object_first = "对" in subject and _OBJECT_FIRST.search(subject) is not None
            if (
                unit not in _COUNTS_PEOPLE
                and (won := _WON.search(subject))
                and len(subject) - won.end() >= _MIN_AFTER_OPENING
                # (获得扶持资金的|企业: what was won says which are counted, the head after 的)
                and not _CLAUSE_HEAD.search(subject, won.end())
            ):
                subject = subject[won.end() :]  # 获 全省…突出集体1个: the award
                subject = _award_without_giver(subject)
            elif unit not in _COUNTS_PEOPLE and subject.startswith(_RECEIVED):
                subject = _award_without_giver(subject)
            if (
                "已" in raw_before
                and (arrived := _ARRIVED.search(raw_before)) is not None
                and (at := subject.find(arrived.group("verb"))) >= 0
                and len(subject) - at - 2 >= 2
            ):
                where = _strip_lead(subject[:at]).removesuffix("已经").removesuffix("已")
                if not where or where.endswith("内"):
                    subject = subject[at + 2 :]  # (园区内)已入驻|企业120家: those there
                    came = True
            subject = _drop_opening(subject, unit in _PERCENT, unit in _HOW_OFTEN)
            if (involved := _INVOLVING.match(subject)) and len(
                subject
            ) - involved.end() >= _MIN_AFTER_OPENING:
                subject = subject[involved.end() :]  # 涉及本系统 …改革事项227项: what they are
            elif (
                subject.startswith("涉及")
                and unit in _INVOLVED_UNITS
                and len(subject) - 2 >= _INVOLVED_MIN
            ):
                subject = subject[2:]  # 涉及集体34个: those involved (not 涉及金额, an amount)
            if unit in _EVENT_COUNTS:
                subject = _after_topic(subject)
            if unit not in _NO_NOUN_AFTER:
                # 进行合法性审查28次: the object; 对X作出专门批示23件: what the act made, however short
                subject = _after_light_verb(subject, object_first)
            if unit in _HOW_OFTEN and object_first and (acted := _act_after_object(subject)):
                subject = acted  # 对市县两级有关部门 实地督导52次: the act, done so often
            elif (
                unit in _HOW_OFTEN
                and (light := subject.find("进行", 2)) > 0
                and len(subject) - light - 2 >= _MIN_AFTER_OPENING
            ):
                subject = subject[light + 2 :]  # …会议纪要进行|合法性审查120次: the act
            if unit in _EVENT_COUNTS and subject.startswith("组织"):
                subject = _organised(subject)
            elif unit in _EVENT_COUNTS:
                subject = _held(subject)
            if own_unit and (topic_end := _topic_end(subject, unit)):
                subject = subject[:topic_end]  # 闭会建议按时办结回复13件: the topic, counted
            if unit in _EVENT_UNITS and (attended := _ATTENDED.search(subject)):
                subject = attended.group(1)
            elif (
                unit in _EVENT_COUNTS
                and (people := _PEOPLE_TOOK_PART.match(subject))
                and len(subject) - people.end() >= 4
            ):
                subject = subject[people.end() :]  # 各级干部|参加专题考试6场次: the events
            if subject.startswith(_THERE_ARE) and unit not in _NO_NOUN_AFTER and unit != "倍":
                subject = subject[2:] if len(subject) >= 4 else subject  # 现有律师事务所42家
            if "已" in subject and (done := _DONE.search(subject)) and done.start() >= 4:
                if _is_verb(subject[done.start() - 2 : done.start()], guessed=False):
                    # 7月份正式上线|已办理728件: an act before 已 names no things counted;
                    # what was done since is the count's act
                    subject = _clean(subject[done.start() :].removeprefix("已").removeprefix("经"))
                else:
                    subject = subject[: done.start()]  # 一审案件已审结16件: the cases, done
            if (
                subject.endswith(_ACHIEVED)
                and len(subject) >= 4
                and subject[:-2] not in _DEGREES
                and not _any_verb(subject[-4:-2], guessed=False)  # 整改完成42个: an act, done
            ):
                subject = subject[:-2]  # 地区生产总值完成680亿元: what was achieved
            elif "的" in subject and unit not in _PERCENT and unit != "倍":
                subject = _head(subject)
            if (
                unit == "倍"
                and (compared := _COMPARED_WITH.search(subject))
                and compared.start() >= 2
            ):
                subject = subject[
                    : compared.start()
                ]  # 出口额相当于去年的2倍: what is twice as much
            if (
                subject[:2] in _RATE_VERBS
                and unit in _PERCENT
                and len(subject) - 2 >= _MIN_AFTER_OPENING
                and not (subject[:2] == "完成" and _relative_clause(subject[2:]))
            ):
                subject = subject[2:]  # 完成公办幼儿园占比30%的目标: the rate
            elif subject.startswith("完成") and unit in _MONEY and len(subject) - 2 >= 2:
                subject = subject[2:]  # 完成地区生产总值560亿元: the value achieved
        if (
            (unit in _LASTING or (unit == "次" and raw_before.endswith("连续")))
            and raw_before.endswith(_LASTED)
            # (佛山市连续4年|获评…: a place before the years is who, what lasted is after)
            and (
                lasted := _what_lasted(
                    text,
                    end,
                    len(subject) <= 2
                    or (len(subject) <= _PLACE_NAME and subject[-1] in _PLACE_LEVELS),
                )
            )
        ):
            # 连续6年 在…考核中 获评优秀等次, 连续6年获评…: the years count what went on
            # (its quotation marks go, as every subject's do)
            subject, consumed = _QUOTES.sub("", lasted), max(consumed, end + len(lasted))
        if (
            unit in _COUNTS_THINGS
            and subject.endswith(_WORKS)
            and not subject.endswith("示范")
            # (12个司法所规范化建设: work of a kind, -化, is one name; its kind alone is none)
            and not any(subject.endswith(w) and subject[: -len(w)].endswith("化") for w in _WORKS)
        ):
            # 学校建设3所, 2个…试点建设: the things are counted, not the work on them
            subject = next(subject[: -len(w)] for w in _WORKS if subject.endswith(w)) or subject
        if not subject and own_unit and unit not in _NO_NOUN_AFTER:
            # 其中维持25件、撤销6件: a verb alone (维持, which leaves a rate's subject) names
            # the count
            said = _strip_lead(raw_before.strip())
            if 2 <= len(said) <= _SHORT_SUBJECT and not _DIGIT.search(said):
                subject = said
        if len(subject) <= 2 and own_unit and not noun and not came:
            # a bare verb: what it counts was said before it, in its clause or the one before
            subject = (
                _topic_before(raw_before, unit)
                or (
                    subject in _SAID_AGAIN
                    and clause_start > sentence_from
                    and _object_of_verb_before(
                        text, bounds, clause_start, sentence_from, subject, sentence_start
                    )
                )
                or subject
            )
        if (
            subject in _TAKING_PART_ALONE
            and unit in _COUNTS_PEOPLE
            and clause_start > sentence_from
            and (
                activity := next(
                    filter(
                        None,
                        (
                            _object_of_verb_before(
                                text, bounds, clause_start, sentence_from, v, sentence_start
                            )
                            for v in _HELD
                        ),
                    ),
                    "",
                )
                # 举办法治讲座12场,3000余人参加: the sessions just counted
                or (
                    figures
                    and figures[-1].start >= sentence_start
                    and figures[-1].unit in _SESSIONS
                    and figures[-1].label
                )
            )
        ):
            # 开展专题培训,共计约600人参加: who took part in what the clause before held
            subject = _TAKING_PART_ALONE[subject] + activity
        if said_before and len(raw_before.strip()) <= 3 and raw_before.strip().endswith(_INTO):
            # 40项具体措施细化为78项: the same things after the change (the 的-phrase said
            # which of them before it)
            subject = said_before[-1].rsplit("的", 1)[-1]
        if subject == "占" and unit in _PERCENT:
            subject = "占比"  # …机构达91家,占全市43.8%: their share, lent what was counted
        if len(subject) == 1 and "A" <= subject <= "E" and said_before:
            graded = said_before[-1]
            if "A" <= graded[-1:] <= "E":
                subject = graded[:-1] + subject  # 信用级别B30%C60%: the same share by grade
        if (
            figures
            and figures[-1].start >= sentence_start
            and clause_start > sentence_from
            and clause_start - last_end == 1  # (its clause right after the change's)
            and _LEVEL_AFTER_CHANGE.fullmatch(raw_before.strip())
            and (changed := _changed_of(figures[-1].label))
        ):
            # 比上年减少15件,降至60件; 同比下降12%,为860件: the level the quantity that changed
            # came to, no change (a fall is no level, nor a level a fall)
            subject = changed
        elif topic and (change := _bare_change(subject)):
            subject = change  # …吞吐量1306.92万标箱,微跌0.7%: the direction, lent what fell
        subject = _change_named_after_basis(subject)
        if _BASIS_BEFORE_START.fullmatch(subject) and _CHANGE_BY_AFTER.match(text, end):
            # 污染天数15天,同比2019年|31天减少16天: the level of the year compared with, of
            # what the sentence measures (lent below), no change
            subject = ""
        if _FROM_ALONE.fullmatch(subject) or (
            not subject and _FROM_ALONE.fullmatch(raw_before.strip())
        ):
            # 精简申请内容,从原来的|486项调整到…: a change's start names nothing; what changed
            # is what the clause before acted on, or names
            said = (
                _previous_clause(text, bounds, clause_start, sentence_from, whole=True)
                if clause_start > sentence_from
                else ""
            )
            if len(said) >= 4 and said[:2] in _CHANGING:
                said = said[2:]  # (精简|申请内容: what was cut, without the cutting)
            subject = said
        elif (
            not subject
            and raw_before.strip() in _TOTAL_WORDS
            and clause_start > sentence_from
            and (said := _previous_clause(text, bounds, clause_start, sentence_from, whole=True))
            and len(said) >= 2
        ):
            # 办理行政处罚案件,合计|731宗: a total of what the clause before did or named
            subject = _drop_opening(said)
        elif (
            not subject
            and raw_before.strip() in _TOTAL_WORDS
            and unit in _COUNTS_PEOPLE
            and figures
            and figures[-1].start >= sentence_start
            and clause_start - last_end == 1
            and figures[-1].unit in _TEAMS_COUNTED
        ):
            # 编建应急救援专业保障队伍1支,共|140人: the people of the teams just counted
            # (the teams, not their making)
            subject = _without_first_verb(figures[-1].label)
        if subject[:1] in "较比" and (new := _BASIS_BEFORE_NEW.match(subject)) is not None:
            subject = subject[new.end() :]  # 较去年|新增事项30项: the new things, named
        bare = _is_bare(subject) and not _self_named(subject, unit)
        if origin and _change_between(text, last_end, shown_from, end):
            subject, bare = origin, False  # 企业从1000家增加到1200家: the same thing after
            for at in range(*origin_span):
                # the value it changed from is the earlier level (由61%提高至88%: 61%)
                figures[at] = dataclasses.replace(figures[at], earlier=True)
        elif (
            bare
            and topic
            and not _of_a_list(said_before, said_units, topic, subject)
            # (a rate is not of a change's size either: 案件增幅下降至43.5%,调解率46.2%)
            and not (subject.endswith("率") and topic.endswith((*_SHARES, *_CHANGE_SIZES)))
        ):
            # (办结率100%,公示率98%: in a run of rates each names its own, none is lent)
            lent = _object_between(text, bounds, clause_start, sentence_from, subject)
            if (
                not lent
                and unit != topic_unit
                and unit not in _PERCENT  # (a share changes by the count before it, lent)
                and subject.startswith(_CHANGE_OPENINGS)
            ):
                # 亡人事故66起、死亡68人,同比减少5起、4人: a change in the unit of an earlier
                # count of the sentence is that count's (the last of that unit)
                lent = next(
                    (
                        said
                        for said, of in zip(said_before[::-1], said_units[::-1], strict=True)
                        if of == unit
                    ),
                    "",
                )
            subject = _borrow(lent or topic, subject)
        elif (
            bare
            and not topic
            and subject.startswith(_CHANGE_OPENINGS)
            and clause_start > sentence_from
            and (said := _previous_clause(text, bounds, clause_start, sentence_from, whole=True))
        ):
            # 全年共收到行政复议申请,同比增长20%: what changed is what the clause before names
            # (行政诉讼案件|明显减少: without the predicate an adverb opens)
            # (the first adverb within the predicate's reach: one inside the noun, 特别是…, is
            # none)
            reach = max(2, len(said) - _SHORT_PREDICATE)
            predicate = next(
                (i for i in range(reach, len(said) - 1) if said[i : i + 2] in _adverbs()), 0
            )
            if predicate:
                said = said[:predicate]
            elif (
                len(said) <= _SHORT_PREDICATE
                and said[:2] in _adverbs()
                and (aside := _aside_before(text, bounds, clause_start, sentence_from))
            ):
                # 行政不作为类案件(尤其是…)明显增加,同比增长50%: the predicate alone after an
                # aside in brackets; what it is said of stands before the aside
                said = aside
            subject = _borrow(said, subject)
        elif (
            not subject
            and clause_start > sentence_from
            # (达, 为, or 分别为 of a list: 满意度逐年提高,分别为73.56、76.71、80.13分)
            and (len(raw_before) <= 2 or not _RESPECTIVE_VERB.sub("", raw_before))
            and (said := _previous_clause(text, bounds, clause_start, sentence_from))
        ):
            subject = said  # …首次突破百亿大关,达101.64亿元: what the clause before is about
        elif (
            unit in _TIMES
            and _WITHIN.fullmatch(raw_before)
            and clause_start > sentence_from
            and (said := _previous_clause(text, bounds, clause_start, sentence_from, whole=True))
        ):
            subject = said  # X工作,在短短8个月的时间内,…: the time X took
        elif (
            not subject
            and topic
            and not (_names_a_rate(topic, topic_unit) and unit not in _PERCENT)
            and not _other_kind(unit, topic_unit)
        ):
            subject = topic  # never a rate's name on a count (调解成功率98.5%,500人次)
        if respective and _LIST_JOIN.fullmatch(text[last_end:start]):
            subject, bare = respective.pop(0), False
        elif (
            "分别" in raw_before
            and _RESPECTIVELY.search(raw_before)
            and (
                "、" in subject
                or (
                    (pair := _PAIR_BEFORE_RESPECTIVELY.fullmatch(subject.split("分别")[0]))
                    and _listed(text, numbers, index) == 2
                    and (subject := "、".join(pair.groups()))
                )
            )
        ):
            # 材料精简率、环节压减率分别同比提升: each rate named, and the change said of each
            items, said = subject.partition("分别")[::2]
            if (trailing := _CHANGE_SAID.search(items)) is not None and "、" in items[
                : trailing.start()
            ]:
                # 收案数、结案数|同比(分别)增长: the change and what it is measured against are
                # said of each item, after it, no part of the last one
                items, said = items[: trailing.start()], trailing.group() + said
            respective = _respective(items, _listed(text, numbers, index))
            if said.endswith(_TRAIL_CHANGE):
                respective = [part + said for part in respective]
            if respective:
                subject, respective = respective[0], respective[1:]
        elif respective:
            respective = []
        elif (
            "分别" in raw_before
            and (changes := _RESPECTIVELY.search(raw_before))
            and (
                len(_clean(raw_before[: changes.start()])) == 0
                or _BASIS_ONLY.fullmatch(raw_before, 0, changes.start())
            )
            and 2 <= (listed := _listed(text, numbers, index)) <= len(said_before)
        ):
            # 游客2300万人次,旅游收入280亿元,分别增长15%和18%: the figures before, in order
            # (…,比上年分别增长10.6%和142.5%: what each is compared with said before 分别)
            basis = _BASIS_ONLY.fullmatch(raw_before, 0, changes.start())
            change = (basis.group() if basis else "") + _RESPECTIVE_VERB.sub("", changes.group())
            respective = [_borrow(said, change) for said in said_before[-listed:]]
            subject, bare, respective = respective[0], False, respective[1:]
        if (
            not subject
            and figures
            and figures[-1].start >= sentence_start
            and figures[-1].label
            and figures[-1].unit in _SESSIONS
            and unit in _ATTENDANCE
            and _ANOTHER_MEASURE.fullmatch(text, last_end, start)
        ):
            # 组织执法人员培训45期、4500人次: the attendance of the sessions just counted
            # (never a rate's name, nor what a count of people or things counts: 培训执法人员
            # 300人,5件 leaves the 5 unnamed)
            subject = figures[-1].label
        if not subject and unit in _SESSIONS and clause_start > sentence_from:
            # 参加专题讲座,涉及…,今年共计8场: sessions with no noun are of the last event a
            # clause of the sentence names
            subject = _event_said_before(text, bounds, clause_start, sentence_from)
        subject = _without_basis(subject)
        conferred = _CONFERRED.match(subject)
        if conferred is not None and len(subject) - conferred.end() >= 4:
            # 命名|全省首批…示范市县和项目30个, 授予丽江市|…先进单位2个: the honours conferred
            # are counted, not the act, nor whom it went to
            subject = subject[conferred.end() :]
        if subject in _BRACKETED_ACTS and (
            glossed := _glossed_noun(text, bounds, clause_from, sentence_start, unit)
        ):
            subject += glossed  # …行政复议案件大幅增加(新收|2758件): the cases received
        if (
            unit in _HOW_OFTEN
            and not noun
            and subject.removesuffix("先后").removesuffix("累计").endswith(_BEFALLEN_TOPICS)
            and (befell := _act_after_count(text, end))
        ):
            # …等工作先后4次|在全国会议上做经验交流, …等工作3次|被…专题简报录用: how often
            # the work was met so; what was counted is that, not the work
            subject = befell
        elif (
            unit in _HOW_OFTEN
            and not noun
            and text.startswith(_HELD, end)
            and _how_often_then_verb(subject, held := _to_clause_end(text, end))
        ):
            # 局党组先后4次|开展…专题学习研讨: who held it, then what was held that often
            subject = _fit(held)
        elif (
            unit in _HOW_OFTEN
            and (
                _done_by_people(who := _clean(raw_before))
                # (a count opening its clause, 今年5次|带领…听取、研究、部署…, whose act is no
                # short predicate or list of them that `_predicate` reads: 5次开展执法检查、专项督查)
                or (not who and _PREDICATE.match(text, end) is None)
            )
            and len(event := _event_after_count(text, end)) >= _MIN_AFTER_OPENING
        ):
            # 县委书记汪涛12次|主持县委中心组学习会议, 主要领导先后30次|主持、参与…会议或活动:
            # people are never what a count of times counts; what they did that often is
            subject = _head_fit(event)
        if (
            "将" in raw_before
            and (into := _PUT_INTO.search(raw_before))
            # (a count of times counts events, as 期 does: 纳入…中心组学习|12次)
            and _agrees(into[1], _EVENTS_BY if unit in _HOW_OFTEN else unit)
        ):
            subject = into[1]  # 将习近平法治思想纳入|主体班次852期: what it was put in, counted
        if (
            unit in _COUNTS_PEOPLE
            and subject.startswith(_GATHERED_PEOPLE)
            and not subject.startswith("聘任制")  # (聘任制公务员: a kind of post)
            and len(subject) >= 4
            and subject.endswith(_PEOPLE_HEADS)
        ):
            # 组织领导干部约70人参加, 聘请学校法治副校长91人: the people, not who gathered them
            subject = subject[2:]
        elif (
            unit in _COUNTS_PEOPLE
            and (gathered := _GATHERED_INSIDE.search(subject, 2)) is not None
            and len(subject) - gathered.end() >= 2
            and subject.endswith(_PEOPLE_HEADS)
            and len(subject) - gathered.end() <= _MODIFIER
        ):
            # 为每个村|配备专职调解员2名, 镇里为村(居)|选派驻村第一书记: the people, after who
            # gathered them or for whom
            subject = subject[gathered.end() :]
        if unit in _TIMES or unit in _PERCENT:
            subject = _changed_quantity(subject)
        if (
            _REACHED.search(raw_before)
            and (basis := _BASIS_BEFORE_START.search(stem := _REACHED_VERB.sub("", subject)))
            and basis.start() >= 2
        ):
            subject = stem[: basis.start()]  # 纠错率较上年|下降至8%: the level it came to
        if unit in _PERCENT and subject.endswith("的占") and len(subject) >= 4:
            subject = subject[:-2] + "占比"  # 其中成功调解的占95%: their share
        if (
            (basis := _BASIS_BEFORE_START.search(subject)) is not None
            and basis.start() >= 2
            and _BASIS_BEFORE_START.search(raw_before) is not None
            and _CHANGE_TO.match(text, end)
        ):
            subject = subject[: basis.start()]  # 纠错率较2022年的|12.5%下降至8%: the quantity
            origin = _without_start(subject)
        else:
            past = max(consumed, end)  # after the number and what it consumed
            origin = (
                _without_start(subject)
                if raw_before.endswith(_FROM)
                or (_CHANGE_FROM.search(raw_before) and _CHANGE_TO.match(text, end))
                # 将审批事项30项|压减至20项, 56项督查检查考核计划|优化精简至21项: what the
                # first value counts changed, right after it, to the next
                # (not after a comma: 比上年减少15件,降至60件 is a change, then a level)
                or (
                    subject
                    and text[past : past + 1] not in _CLAUSE_MARKS
                    and _CHANGE_AFTER.match(text, past)
                )
                else ""
            )
        if unit == "\uff05":
            unit = "%"
        elif not unit and number.magnitude is not None:
            # 涉及资金1314.7万, 观看人次超1232万: a bare 万 count in the measure its name says
            unit = _measure_named(subject)
        approximate = (
            bool(pre)
            or any(match.group("approx1", "approx2", "post"))
            or "多" in (match.group("unit") or "")  # 3个多小时
        )
        context = text[max(sentence_start, num_start - _CONTEXT * 2) : num_start]
        horizon = consumed + _CONTEXT  # (a pattern stops at the end of the text anyway)
        stop = _CLAUSE_STOP.search(text, consumed, horizon)
        honour = _HONOUR.match(text, consumed, stop.start() if stop else horizon) is not None
        value, written = _value(number), text[shown_from:end]
        if (
            not subject
            and unit in _COUNTS_PEOPLE
            and figures
            # (or right after the noun it counted: 培训班1期培训|260余人)
            and start in (figures[-1].end, last_end)
            and figures[-1].paragraph == paragraph
        ):
            subject = figures[-1].label  # 学法1期141人: the people of what was just counted
        if unit in _PERCENT and (share := _SHARE_OF_WHOLE.search(subject, 2)) is not None:
            subject = subject[: share.start() + 2]  # 进驻比例|占全区政务服务事项的94%: the share
        elif (
            unit in _PERCENT
            and raw_before.endswith(_BY_RATIO_OPENS)
            and (ratio := _BY_RATIO.match(text, end)) is not None
            and _is_verb(ratio["act"])
        ):
            subject = ratio["act"] + "比例"  # 按|3%|比例抽取: the share of what is done
        labels = (
            _shared(
                subject,
                unit,
                each=_EACH_SAID.search(raw_before, max(0, len(raw_before) - 4)) is not None,
            )
            if _LISTED_RATES.search(subject)
            else (subject,)
        )
        if (
            len(labels) == 1
            and _EACH_BEFORE_VALUE.search(raw_before, max(0, len(raw_before) - 8))
            and (each := _each_listed(subject, unit))
        ):
            # 述职评议和述法测评各1次, 召开县委依法治县委员会会议、办公室会议各1次 (what the short
            # items leave out is the first's): one figure of each item listed
            labels = each
        if len(labels) > 1 and (list_at := context.rfind(labels[0])) >= 0:
            # 学法考法,参学率、参考率、通过率均为100%: whose rates they are is said before the
            # list, so each rate is read with those words rather than after its siblings
            context = context[:list_at]
        act = _act(text, raw_before, noun, noun_end, unit) or _act(text, subject, "", 0, unit)
        scope = _scope(raw_before, subject, text[sentence_start:num_start])
        if (
            not scope
            and unit not in _PERCENT
            and figures
            and figures[-1].start >= sentence_start
            and text.startswith("、", last_end)
        ):
            # 新增调解委员会5个、调解员30名: the counts of a list are all new (a rate names
            # what it is a rate of itself)
            scope = figures[-1].scope
        stage = _stage(raw_before + subject)
        # a predicate only where the counted noun is its clause's subject (全市539项…事项
        # 实现掌上办), not a verb's object (审议通过…等2部地方性法规《…》)
        said = (
            _said(text, noun_end)
            if noun
            and consumed == noun_end
            and len(subject_key(raw_before.strip(_LEAD_MARKS))) <= 2
            else ""
        )
        origin_span = (len(figures), len(figures) + len(labels))
        # (named here, not by a dataclasses.replace afterwards: a copy costs as much as a figure)
        owner = next((i.id for i in in_items if i.start <= shown_from < i.end), node_id)
        for index_in_list, label in enumerate(labels):
            if honour or (len(labels) == 1 and _several_listed(label, raw_before, unit)):
                indicator = None
            elif index_in_list:
                # 重大行政决策公众参与率、…、合法性审查率: the later rates share what the first
                # names, so their indicator is looked for with it
                shared = "、".join(labels[: index_in_list + 1])
                indicator = indicator_for_subject(shared, unit) or _indicator(
                    label, unit, context, bare
                )
            else:
                indicator = (done_to and _indicator(done_to, unit, context)) or _indicator(
                    label, unit, context, bare
                )
                if indicator is None and act and noun:
                    # 10件规范性文件进行了实施后评估, 对12件规范性文件进行审核: the noun and
                    # the act, as normalised (审核 is 审查)
                    indicator = indicator_for_subject(_clean(noun) + act, unit)
            figures.append(
                Figure(
                    label=label,
                    value=value,
                    unit=unit,
                    approximate=approximate,
                    text=written,
                    node_id=owner,
                    paragraph=paragraph,
                    start=shown_from,
                    end=end,
                    indicator=indicator,
                    is_range=number.series == "range",
                    act=act,
                    scope=scope,
                    stage=stage,
                    said=said,
                )
            )
        last_end = max(consumed, end)
        if subject and not bare:
            said_before.append(subject)
            said_units.append(unit)
            # 3个水源地水质均达标,达标率100%: a rate after it is of the quality counted
            quality = (
                noun
                and unit in _COUNTS_BODIES
                and consumed < len(text)
                and _starting(_ATTRIBUTES_BY_FIRST, text, consumed)
            )
            if in_aside and before_aside is None:
                before_aside = (topic, topic_unit)
            topic = quality or (valued_noun and _clean(valued_noun)) or subject
            topic_unit = unit
    return _ranges_named_once(text, _compared_level_then_change(text, figures))


# A level compared with, then the change from it (收到行政复议申请281件,较2020年|172件|增加|
# 109件): the first is the earlier level of what the figure before counts, the second the change.
_LEVEL_COMPARED_WITH = re.compile(
    r"[,\uff0c]?(?:较|比|与)(?:(?:19|20)\d\d年度?|上年|去年|上一年|前一年)(?:同期)?的?"
)
_CHANGE_WORD = re.compile(r"(增加|减少|增长|下降|上升|提高|降低|多|少)了?")


def _compared_level_then_change(text: str, figures: list[Figure]) -> list[Figure]:
    for at in range(1, len(figures) - 1):
        counted, level, change = figures[at - 1], figures[at], figures[at + 1]
        if not (counted.unit == level.unit == change.unit) or counted.earlier:
            continue
        word = _CHANGE_WORD.fullmatch(text, level.end, change.start)
        if word is None or not _LEVEL_COMPARED_WITH.fullmatch(text, counted.end, level.start):
            continue
        figures[at] = dataclasses.replace(
            level, label=counted.label, indicator=counted.indicator, earlier=True
        )
        figures[at + 1] = dataclasses.replace(
            change, label=counted.label + word.group(1), indicator=None
        )
    return figures


_ASIDE_REACH = 120  # an aside is looked for this far back (as `_PARENTHESIS` reads one)


def _in_aside(text: str, sentence_start: int, start: int) -> bool:
    """Whether `start` is inside brackets opened in its sentence and not yet closed (looked
    for `_ASIDE_REACH` characters back: a paragraph of many numbers stays linear)."""
    since = max(sentence_start, start - _ASIDE_REACH)
    at = max(text.rfind("(", since, start), text.rfind("\uff08", since, start))
    if at < 0:
        return False
    return max(text.rfind(")", at, start), text.rfind("\uff09", at, start)) < 0


def _ranges_named_once(text: str, figures: list[Figure]) -> list[Figure]:
    """A range's two ends measure one thing: where the first end's subject differs from the
    last's, the last's holds (围绕1-2个核心法治主题: the noun after the measure word counts both
    ends; the words before the first end, 每次研学围绕, are no subject of it)."""
    for at in range(len(figures) - 1):
        first, last = figures[at], figures[at + 1]
        if (
            first.is_range
            and last.is_range
            and first.label != last.label
            and first.unit == last.unit
            and first.paragraph == last.paragraph
            and _RANGE_JOIN.fullmatch(text[first.end : last.start])
        ):
            figures[at] = dataclasses.replace(first, label=last.label, indicator=last.indicator)
    return figures


def figure_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every figure in ``text``, in order, never overlapping.

    What the detail pane and the compare columns highlight: the same figures as `extract`.
    """
    spans: list[tuple[int, int]] = []
    for number in _numbers(text):
        span = number.match.span()
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


def number_spans(text: str) -> list[tuple[int, int]]:
    """Every Arabic number with what is written on it (2023年, 300余条, 12567名, 3.5%),
    figure or not: the stretches word segmentation must not cut into."""
    return [m.span() for m in _FIGURE.finditer(text)]


def numbers_blanked(text: str, mark: str) -> str:
    """`text` with each of its `number_spans` replaced by `mark`, in one pass."""
    return _FIGURE.sub(mark, text)


def _section_figures(section: Section) -> Iterator[tuple[Figure, str]]:
    """The figures of a section's own text (not its heading's), each with its paragraph."""
    for index, paragraph in enumerate(section.paragraphs):
        items = [item for item in section.items if item.paragraph == index]
        for figure in extract(paragraph, section.id, index, items):
            yield figure, paragraph


def _figure_heading(section: Section) -> str | None:
    """A section's heading as its figures are read from it, None when it holds no number: the
    number that marks the heading (1., (2)) blanked, as a clause break, offsets kept."""
    heading = section.raw_heading
    if not heading or not _DIGIT.search(heading):
        return None
    at = heading.find(section.marker) if section.marker else -1
    if at >= 0 and not heading[:at].strip():
        cut = at + len(section.marker)
        heading = "\u3000" * cut + heading[cut:]
    return heading


def heading_figures(section: Section) -> list[Figure]:
    """The figures of a section's own heading (（三）行政复议案件办结率达98%), paragraph -1,
    offsets into the heading as written. The number that marks the heading (1., (2)) is
    no figure and no part of a subject: it is read as a clause break."""
    heading = _figure_heading(section)
    return [] if heading is None else extract(heading, section.id, -1)


def _figures_with_text(sections: Iterable[Section]) -> Iterator[tuple[Figure, str]]:
    for section in sections:
        check()  # a long report's figures are read section by section: a stop waits for one
        if (heading := _figure_heading(section)) is not None:
            for figure in extract(heading, section.id, -1):
                yield figure, heading
        yield from _section_figures(section)


def section_figures(section: Section) -> list[Figure]:
    """Every figure of a section and its subsections, headings included, in document order.

    A figure in an item has the item's id; one in a heading has paragraph -1 (offsets
    into the heading as written).
    """
    return [figure for figure, _ in _figures_with_text(section.walk())]


def figures_with_text(report: Report) -> Iterator[tuple[Figure, str]]:
    """Every figure of a report (`report_figures`), each with the text its offsets are into:
    its paragraph, or its heading as read (the heading's marking number blanked)."""
    prefix = report.id
    for index, paragraph in enumerate(report.preamble):
        check()
        for figure in extract(paragraph, f"{prefix}/preamble", index):
            yield figure, paragraph
    yield from _figures_with_text(report.walk())
    for index, paragraph in enumerate(report.closing):
        check()
        for figure in extract(paragraph, f"{prefix}/closing", index):
            yield figure, paragraph


def report_figures(report: Report) -> list[Figure]:
    """Every figure of a report: preamble, sections (their headings, paragraph -1, then their
    text; item ids where an item holds it), closing: the same figures `section_figures`
    gives section by section, so a report's export, compare and tables see a heading's."""
    return [figure for figure, _ in figures_with_text(report)]


def _near(key_a: str, key_b: str) -> bool:
    """One rate is the other with more words in front (出庭应诉率 / 负责人出庭应诉率)."""
    short, long = sorted((key_a, key_b), key=len)
    # Only rates: for counts the words in front change the meaning (成功调解 ≠ 调解,
    # 审查规范性文件 ≠ 公开规范性文件), for a rate they name whose rate it is.
    return long.endswith(short) and len(short) >= 4 and short.endswith("率")


def _specific(figure: Figure) -> bool:
    """A subject that says what was counted; 提出意见建议 or 单位 alone could be anything."""
    return len(figure.key) >= 2 and figure.key not in generic_subjects()


def _comparable(fa: Figure, fb: Figure) -> bool:
    """Same unit, neither a range end, no indicator that tells them apart, and the same
    thing counted (`same_quantity`)."""
    if fa.unit != fb.unit or fa.is_range or fb.is_range:
        return False
    if not (fa.indicator is None or fb.indicator is None or fa.indicator == fb.indicator):
        return False
    return same_quantity(fa, fb)


# An unmarked count is the year's as the genre writes it: of what lasts (people, bodies), all
# there are, so it stands beside what the text says exists (全市2540个人民调解委员会 / 现有
# 41个); never beside what was added (发展兼职人民调解员200名) nor a sum over years.
_SCOPES_ALIKE = frozenset({"", "existing"})


def same_quantity(fa: Figure, fb: Figure) -> bool:
    """Whether two figures of one indicator or subject count the same thing, as the text
    says: the same part of time (`Figure.scope`: this year's new recruits are not all the
    mediators a place has), the same stage of the cases (`Figure.stage`, where both say
    one: requests received are not requests concluded), and the same said of what is
    counted (`Figure.said`: services 掌上办 are not services 零跑腿). The one rule every
    view that sets two reports' figures side by side asks (`match_figures`)."""
    if fa.scope != fb.scope and not {fa.scope, fb.scope} <= _SCOPES_ALIKE:
        return False
    if fa.stage != fb.stage and fa.stage and fb.stage:
        return False
    return fa.said == fb.said


def _same_act(fa: Figure, fb: Figure) -> bool:
    """What was done to the counted noun agrees (清理 312 documents is not 评估 10 of them):
    asked of figures paired by subject; an indicator already names its act."""
    return fa.act == fb.act


def plain_count(figure: Figure) -> bool:
    """Whether a figure counts what any report's unmarked figure of its indicator counts
    (`same_quantity` with one that says nothing of its time, stage or what is counted): what
    may stand for the indicator in a column across reports, where it meets every other
    report's (the corpus tables, a place's years)."""
    return same_quantity(figure, dataclasses.replace(figure, scope="", stage="", said=""))


def match_figures(
    a: Iterable[Figure], b: Iterable[Figure], *, target: bool = False
) -> list[FigurePair]:
    """Figures of A and B that measure the same thing: the same canonical indicator, or
    the same (or, for rates, nearly the same) subject with the same act done to it
    (`Figure.act`); never the unit alone. `target`: the figures given state targets
    (`plan_phase.target_test`), and so do the pairs.

    Each figure is used once: indicator matches with the same subject first (a report's
    all-staff 参考率 before its 新任命领导干部…参考率), then other indicator matches, then
    exact subjects, then near ones, in A's order. Two figures pair only when they count the
    same thing (`same_quantity`).
    """
    # (the level a change started from is no level of the year: never paired)
    left = [f for f in a if f.label and not f.earlier]
    right = [f for f in b if f.label and not f.earlier]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, FigurePair]] = []
    for rule in ("same", "indicator", "exact", "near"):
        for i, fa in enumerate(left):
            check()  # one of A's figures against all of B's between two checks
            if i in used_a:
                continue
            for j, fb in enumerate(right):
                if j in used_b or not _comparable(fa, fb):
                    continue
                if rule in ("same", "indicator"):
                    same = fa.indicator is not None and fa.indicator == fb.indicator
                    same = same and (rule == "indicator" or fa.key == fb.key)
                elif rule == "exact":
                    same = fa.key == fb.key and _specific(fa) and _same_act(fa, fb)
                else:
                    same = _near(fa.key, fb.key) and _same_act(fa, fb)
                if same:
                    if rule in ("same", "indicator") and fa.indicator is not None:
                        label = fa.indicator
                    else:
                        label = min((fa.label, fb.label), key=len)
                    pairs.append((i, FigurePair(label, fa, fb, rule != "near", target)))
                    used_a.add(i)
                    used_b.add(j)
                    break
    return [pair for _, pair in sorted(pairs, key=lambda p: p[0])]


def figures_in(texts: Sequence[str], node_id: str = "") -> list[Figure]:
    """Figures of loose paragraphs (no report: node ids are left empty), or of a report's
    preamble or closing given whole (`node_id` ``<id>/preamble`` or ``<id>/closing``)."""
    return [f for index, text in enumerate(texts) for f in extract(text, node_id, index)]
