"""The themes of the genre and a lexicon scorer that places a piece of report text on them.

The themes follow 《法治政府建设实施纲要(2021—2025年)》 and live in ``data/topics.toml``:
an id, a display name and weighted keywords each. Scoring is plain keyword counting, longest
keyword first and without overlaps, with heading hits weighted more than body hits; phase
themes (存在的问题, 下一步工作) count only where the caller says the text is a phase text.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

OTHER_ID = "other"
OTHER_NAME = "其他"


class LexiconError(ValueError):
    """The lexicon file is not what this module expects (one line for a person)."""


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: str
    keywords: tuple[tuple[str, float], ...]
    phase: bool = False  # a part of the report (problems, next steps), not a subject
    # subjects of their own that the theme holds for want of a theme of theirs (政府职能
    # holds 生态环境 and 知识产权): (name, the words that name it), `compare` meets a unit on
    # one only with a unit that names it
    apart: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the report's overall direction (党的领导, 统筹, 示范创建), not one field of the work: a
    # plan naming no subject is a general plan, and meets plans on this theme (`compare`)
    overall: bool = False


OTHER = Theme(OTHER_ID, OTHER_NAME, ())


def _class(chars: set[str]) -> str:
    return "[" + "".join(map(re.escape, sorted(chars))) + "]"


_Trie = dict[str, "_Trie"]  # character -> the keywords going on with it ("": one ends)


def _keyword_pattern(keywords: Sequence[str]) -> str:
    """The keywords as a trie (`_trie`), behind a look-ahead that a keyword can start here:
    its first two characters each one a keyword has there (or a keyword of one character).
    The engine skips to a character some keyword starts with by itself; a quarter of a
    report's characters start one, half of those are not followed by a second character any
    keyword has, and the look-ahead turns each of them away with two set look-ups (0.48 ->
    0.33 ms a report). It never turns away a place where a keyword matches, so the matches
    are the same."""
    longer = [k for k in keywords if len(k) > 1]
    starts: list[str] = []
    if longer:
        starts.append(_class({k[0] for k in longer}) + _class({k[1] for k in longer}))
    if singles := {k for k in keywords if len(k) == 1}:
        starts.append(_class(singles))
    return f"(?={'|'.join(starts)})(?:{_trie(keywords)})"


def _trie(keywords: Iterable[str]) -> str:
    """The longest of `keywords` that starts here, as the alternation of them longest first
    found it, where each place that passed the look-ahead tried ≈ 240 alternatives one by
    one: the keywords by their shared beginnings, one branch per next character (so at most
    one goes on), each tried before a keyword ending on the way (its group optional). No
    repeats: a place is read at most as far as the longest keyword (0.51 -> 0.39 ms a
    report with `findall`)."""
    tree: _Trie = {}
    for keyword in keywords:
        node = tree
        for ch in keyword:
            node = node.setdefault(ch, {})
        node[""] = {}  # a keyword ends here

    def branches(node: _Trie) -> str:
        after = [re.escape(ch) + branches(child) for ch, child in sorted(node.items()) if ch]
        if not after:
            return ""
        body = after[0] if len(after) == 1 else f"(?:{'|'.join(after)})"
        return f"(?:{body})?" if "" in node else body

    return branches(tree)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Themes in display order plus the matcher over all their keywords."""

    themes: tuple[Theme, ...]
    heading_weight: float = 3.0
    ancestor_weight: float = 1.0
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _weights: Mapping[str, tuple[tuple[int, float], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # words of the genre that name one thing (`[synonyms]`): (name, its words); a comparison
    # token holding one of the words also gives the name (出庭应诉 and 行政应诉 meet on 应诉)
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # keyword -> the subject themes it names (`mentioned_themes`), each keyword's found once
    _named: dict[str, tuple[str, ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_named", {})

    @classmethod
    def build(
        cls,
        themes: Sequence[Theme],
        heading_weight: float = 3.0,
        ancestor_weight: float = 1.0,
        synonyms: Sequence[tuple[str, tuple[str, ...]]] = (),
    ) -> Lexicon:
        weights: dict[str, list[tuple[int, float]]] = {}
        for index, theme in enumerate(themes):
            for keyword, weight in theme.keywords:
                weights.setdefault(keyword, []).append((index, weight))
        # Longest first, so 综合行政执法 wins over 行政执法 wins over 执法 at the same place.
        ordered = sorted(weights, key=lambda k: (-len(k), k))
        pattern = re.compile(_keyword_pattern(ordered)) if ordered else None
        frozen = {k: tuple(v) for k, v in weights.items()}
        return cls(tuple(themes), heading_weight, ancestor_weight, pattern, frozen, tuple(synonyms))

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id (the catch-all 其他 for ``"other"``)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        if theme_id == OTHER_ID:
            return OTHER
        raise KeyError(theme_id)

    @property
    def order(self) -> tuple[str, ...]:
        """Theme ids in display order, the catch-all last."""
        return (*(t.id for t in self.themes), OTHER_ID)

    def hits(self, text: str, seen: dict[str, dict[str, int]] | None = None) -> dict[str, int]:
        """How often each keyword occurs in `text` (longest match first, no overlaps); from
        `seen` when it holds the text (and put there; the caller reads, never changes it)."""
        if seen is not None:
            found = seen.get(text)
            if found is None:
                found = seen[text] = self.hits(text)
            return found
        counts: dict[str, int] = {}
        if self._pattern is None or not text:
            return counts
        for keyword in self._pattern.findall(text):  # (strings: no match objects)
            counts[keyword] = counts.get(keyword, 0) + 1
        return counts

    def weights_of(self, keyword: str) -> tuple[tuple[int, float], ...]:
        """(theme index, weight) of every theme `keyword` counts for."""
        return self._weights.get(keyword, ())

    def score(
        self,
        heading: str = "",
        body: str = "",
        context: Sequence[str] = (),
        *,
        phase_text: bool = False,
        seen: dict[str, dict[str, int]] | None = None,
    ) -> dict[str, float]:
        """Points per theme id for a unit of text; themes without points are left out.

        `heading` hits weigh `heading_weight` each; `context` (the headings of the
        enclosing sections, nearest first) weigh `ancestor_weight` / distance; `body`
        hits count sub-linearly (1 + ln n per keyword) so a long section does not win
        every theme. Phase keywords count in the body only when `phase_text` is true.
        `seen` remembers the hits of each text (`hits`) for a caller that scores the same
        headings and texts again, as the comparison's units of one report do.
        """
        scores = [0.0] * len(self.themes)
        for keyword, count in self.hits(heading, seen).items():
            for index, weight in self._weights[keyword]:
                scores[index] += weight * count * self.heading_weight
        for distance, ancestor in enumerate(context, start=1):
            for keyword, count in self.hits(ancestor, seen).items():
                for index, weight in self._weights[keyword]:
                    scores[index] += weight * count * self.ancestor_weight / distance
        for keyword, count in self.hits(body, seen).items():
            for index, weight in self._weights[keyword]:
                if self.themes[index].phase and not phase_text:
                    continue
                scores[index] += weight * (1.0 + math.log(count))
        return {t.id: s for t, s in zip(self.themes, scores, strict=True) if s > 0}

    def best(self, scores: Mapping[str, float], *, phase: bool | None = None) -> str:
        """The best theme id in `scores` (ties go to the earlier theme), or ``"other"``.

        `phase` restricts the choice to phase themes (True) or subject themes (False).
        """
        best_id, best_score = OTHER_ID, 0.0
        for theme in self.themes:
            if phase is not None and theme.phase != phase:
                continue
            value = scores.get(theme.id, 0.0)
            if value > best_score:
                best_id, best_score = theme.id, value
        return best_id


# A unit this long (CJK characters: a paragraph of several sentences) whose best theme has
# fewer points than SPARSE_POINTS for each hundred of its characters speaks of no theme of the
# genre: a 政府工作报告's chapter on the economy, a thousand characters naming 信访 or 平台
# once, is on none (`main_theme`). A unit of the genre names its theme far more densely, or
# in its heading; a short item takes its theme from the headings above it as before.
LONG_UNIT = 200
SPARSE_POINTS = 1.0
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def cjk_len(text: str) -> int:
    """How many CJK characters `text` holds: the one count of a unit's size that the
    comparison, the coverage table, the checklist and `main_theme` read."""
    # by runs: a list of one string per character cost four times as much
    return sum(map(len, _CJK_RUN.findall(text)))


def main_theme(
    lexicon: Lexicon,
    scores: Mapping[str, float],
    body: str,
    heading: str = "",
    *,
    item: bool = False,
    seen: dict[str, dict[str, int]] | None = None,
    covered: Covered | None = None,
) -> str:
    """The subject theme a unit is mainly on, from its `scores` (its heading, text and the
    headings above it, `Lexicon.score`): the best (`Lexicon.best`), or ``"other"`` when the
    unit is on no theme (`on_no_theme`); `covered` is its `unit_covered`, when the caller
    has it.

    The one rule of "on no theme": the comparison, the coverage table, the checklist and
    the timeline all call it, so they name the same main theme for a unit. (Before,
    compare applied a second rule of its own to sections, and the coverage table could
    put 秦皇岛's 保护生态环境 section on a theme that the comparison put on 其他.)"""
    best = lexicon.best(scores, phase=False)
    if best == OTHER_ID:
        return best
    if covered is None and not item:  # a section's, scored once for both rules below
        covered = unit_covered(lexicon, heading, body, seen)
    if on_no_theme(lexicon, scores, best, body, heading, item=item, seen=seen, covered=covered):
        return OTHER_ID
    if covered is not None and not item and heading:
        themes = covered.themes
        overall = next((t.id for t in lexicon.themes if t.overall), None)
        if (
            overall is not None
            and len(themes) > 1
            and themes[0][1] < NO_MAJORITY
            and overall in dict(themes)
            and not mentioned_themes(lexicon, heading, "", seen)
        ):
            # A section whose heading names no subject (以夯基固本为保障,系统谋划,制度保障)
            # and whose words give no subject a majority, the overall theme among them, is
            # on the work as a whole (实施方案, 委员会会议, then a sentence on each field):
            # 统筹, the overall theme, not the field that happens to have the most points.
            return overall
    return best


# the share of a unit's subject points that makes one subject the unit's main one by itself
NO_MAJORITY = 0.5


def on_no_theme(
    lexicon: Lexicon,
    scores: Mapping[str, float],
    best: str,
    body: str,
    heading: str = "",
    *,
    item: bool = False,
    seen: dict[str, dict[str, int]] | None = None,
    covered: Covered | None = None,
) -> bool:
    """Whether a unit whose best subject theme is `best` is still on no theme (其他)
    (`covered`: its `unit_covered`, when the caller has it):

    1. it is long (LONG_UNIT) and `best` has fewer than SPARSE_POINTS points for each
       hundred of its characters, headings above it counted (a work report's economy
       chapter naming 信访 once);
    2. unless it is an item, its own subject words are passing ones (`thin_subjects`: a
       民生 plan naming 信息化 once in 1,900 characters), or it is longer than a general
       sentence (GENERAL_MAX_CHARS), its own words cover no theme and `best` has fewer
       than COVER_MIN points even with the headings above (its theme came from a word or
       two: a 城区建设 section on 调解 for one 纠纷).

    An item keeps its section's theme under 2: it is one piece of the work its section's
    heading names. Both measures stay, in this one place: 1 alone let 秦皇岛's 158-character
    保护生态环境 section (under LONG_UNIT) keep 政府职能, and dropping 2 lowered an unseen
    comparison (盐田/福田 0.854 -> 0.845); dropping 1 changed no alignment score, but it was
    made for the themes of work reports' long chapters (themes-fresh)."""
    length = cjk_len(body) if covered is None else covered.length
    if length >= LONG_UNIT and scores.get(best, 0.0) * 100 < SPARSE_POINTS * length:
        return True
    if item:
        return False
    if covered is None:
        covered = unit_covered(lexicon, heading, body, seen)
    if covered.themes:
        return covered.thin
    return length > GENERAL_MAX_CHARS and scores.get(best, 0.0) < COVER_MIN


# points of the subject themes a unit covers, per 100 of its characters, under which its
# subject words are passing ones (`thin_subjects`): in the samples' 法治 reports the
# sparsest unit on a subject has 1.9 (a 158-character item, one 3-point word), most over
# 5; a work report's 1,900-character 民生 plan naming 信息化 and 互联网+ has 0.9
THIN_POINTS = 2.0

# CJK characters of a unit beyond which it is no general sentence: the samples' 法治
# reports' general plans have 41–111 (持续推进依法行政, 全面提升法治政府建设质效); a work
# report's plans on 港口物流 or 招商引资, 160–350
GENERAL_MAX_CHARS = 150


def thin_subjects(
    lexicon: Lexicon, heading: str, text: str, seen: dict[str, dict[str, int]] | None = None
) -> bool:
    """Whether a unit's subject words are passing ones: its own heading and text give the
    subject themes fewer than THIN_POINTS points per 100 characters. Such a text is mostly
    on work the lexicon has no theme for (a 政府工作报告's plan on 教育, 医疗, 养老 that names
    信息化建设 and 互联网+医疗 once each), not on the subject those words name."""
    return _thin(lexicon, lexicon.score(heading, text, seen=seen), cjk_len(text))


def _thin(lexicon: Lexicon, scores: Mapping[str, float], length: int) -> bool:
    """`thin_subjects` from the unit's own `scores` (`Lexicon.score`'s, with or without
    `phase_text`: the subject themes' points, the only ones read, are the same) and its
    `cjk_len`."""
    # (`scores` holds its themes in the lexicon's order: the points are added up in it)
    points = sum(scores[t.id] for t in lexicon.themes if not t.phase and t.id in scores)
    return points * 100 < THIN_POINTS * length


COVER_MIN = 3.0  # points a theme needs in a unit's own heading and text to be covered there
# a keyword the lexicon weighs this much names its theme (安全生产, 应急; not 化解 or 纠纷): a
# unit with one names the theme, in passing when it does not cover it
MENTION_MIN = 2.0
PHASE_MIN = 5.0  # and a phase (存在的问题, 下一步): one of its words is in every other section


def weighted_themes(scores: Mapping[str, float], lexicon: Lexicon) -> tuple[tuple[str, float], ...]:
    """The subject themes a unit's own words cover (COVER_MIN points or more, its heading
    and text scored without the headings above it), with their shares, largest first."""
    covered = {
        t.id: scores.get(t.id, 0.0)
        for t in lexicon.themes
        if not t.phase and scores.get(t.id, 0.0) >= COVER_MIN
    }
    total = sum(covered.values())
    ranked = sorted(covered.items(), key=lambda item: (-item[1], item[0]))
    return tuple((theme, round(points / total, 3)) for theme, points in ranked)


def spoken_phases(scores: Mapping[str, float], lexicon: Lexicon) -> frozenset[str]:
    """The phases a unit's own words speak of (PHASE_MIN points or more, scored with
    ``phase_text``), wherever it stands (…还存在许多不足和短板)."""
    return frozenset(t.id for t in lexicon.themes if t.phase and scores.get(t.id, 0.0) >= PHASE_MIN)


def mentioned_themes(
    lexicon: Lexicon, heading: str, body: str, seen: dict[str, dict[str, int]] | None = None
) -> frozenset[str]:
    """The subject themes a unit's own heading or text names with a keyword weighing
    MENTION_MIN or more, whether or not it covers them: a report that names a theme only in
    passing is not silent on it (秦皇岛's 安全生产 passage under 重点领域执法)."""
    named: set[str] = set()
    for text in (heading, body):
        for keyword in lexicon.hits(text, seen):
            named.update(_named_by(lexicon, keyword))
    return frozenset(named)


def _named_by(lexicon: Lexicon, keyword: str) -> tuple[str, ...]:
    """The subject themes `keyword` names (MENTION_MIN), in the lexicon's order; each
    keyword's found once (`Lexicon._named`)."""
    found = lexicon._named.get(keyword)
    if found is None:
        found = lexicon._named[keyword] = tuple(
            lexicon.themes[index].id
            for index, weight in lexicon.weights_of(keyword)
            if weight >= MENTION_MIN and not lexicon.themes[index].phase
        )
    return found


# A sentence that points back at what was just said (这些, 上述, 以上 …) to say it still needs
# improving or solving (需要 / 有待 … 改进 / 解决) closes a list of problems: 这些都需要在下一步工作中
# 改进提高 names 下一步 but plans nothing, so its words speak of no phase of their own. Bounded
# gaps, no nested repeats; the sentence is cut at its end marks first (`_SENTENCE_END`).
_LOOKS_BACK_TO_IMPROVE = re.compile(
    r"^\s{0,4}(?:对于?|针对)?(?:这些|上述|以上|前述|此类|这类)[^。；;!！?？]{0,40}?"
    r"(?:需要|需|有待|亟待|亟需|仍需|还需|必须)[^。；;!！?？]{0,40}?"
    r"(?:改进|解决|提高|完善|加强|改善|克服|整改|提升)"
)
_SENTENCE_END = re.compile(r"(?<=[。；;!！?？\n])")
# the words of `_LOOKS_BACK_TO_IMPROVE` that point back: a sentence it matches holds one
_POINTING_BACK = ("这些", "上述", "以上", "前述", "此类", "这类")


def _without_looking_back(body: str) -> str:
    """`body` without its sentences that sum up problems as needing improvement
    (`_LOOKS_BACK_TO_IMPROVE`); the same string when it has none."""
    if not any(word in body for word in _POINTING_BACK):
        return body  # (most bodies: no sentence could match, none is cut out)
    sentences = _SENTENCE_END.split(body)
    kept = [s for s in sentences if not _LOOKS_BACK_TO_IMPROVE.match(s)]
    return body if len(kept) == len(sentences) else "".join(kept)


def covered_themes(
    lexicon: Lexicon,
    heading: str,
    body: str,
    seen: dict[str, dict[str, int]] | None = None,
) -> tuple[tuple[tuple[str, float], ...], frozenset[str]]:
    """The one rule of what a unit's text covers, besides the theme it is mainly about:
    its subject themes with shares (`weighted_themes`) and the phases it speaks of
    (`spoken_phases`). The comparison's silent claims, the timeline's topics and the
    coverage table all read it, so a report is silent on a theme in one exactly when it is
    in the others. A sentence saying the problems above need improving (…需要在下一步工作中
    改进提高) is no plan: its words count for no phase (`_LOOKS_BACK_TO_IMPROVE`)."""
    scores = _covering(lexicon, heading, body, seen)[1]
    return weighted_themes(scores, lexicon), spoken_phases(scores, lexicon)


def _covering(
    lexicon: Lexicon, heading: str, body: str, seen: dict[str, dict[str, int]] | None
) -> tuple[dict[str, float], dict[str, float]]:
    """A unit's own heading and text scored with `phase_text`, and the scores
    `covered_themes` reads: the same, but the phases' points without the sentences that look
    back (`_without_looking_back`)."""
    # One scoring serves both: `phase_text` changes only the phases' points (a subject
    # theme's are added up the same way either way), and `weighted_themes` reads only the
    # subject themes'.
    own = lexicon.score(heading, body, phase_text=True, seen=seen)
    phase_body = _without_looking_back(body)
    if phase_body is body:
        return own, own
    return own, lexicon.score(heading, phase_body, phase_text=True, seen=seen) | {
        theme.id: own[theme.id] for theme in lexicon.themes if not theme.phase and theme.id in own
    }


@dataclass(frozen=True, slots=True)
class Covered:
    """A unit's `covered_themes` and, where it covers a theme, its `thin_subjects`, from
    one scoring of its heading and text (`unit_covered`): the comparison reads them for
    each unit, and `main_theme` again."""

    themes: tuple[tuple[str, float], ...]
    phases: frozenset[str]
    thin: bool  # False where it covers no theme
    length: int  # its text's `cjk_len` (`on_no_theme` reads it too)


def unit_covered(
    lexicon: Lexicon, heading: str, body: str, seen: dict[str, dict[str, int]] | None = None
) -> Covered:
    """`covered_themes` and `thin_subjects` of one unit's heading and text, scored once."""
    own, scores = _covering(lexicon, heading, body, seen)
    themes = weighted_themes(scores, lexicon)
    length = cjk_len(body)
    thin = bool(themes) and _thin(lexicon, own, length)
    return Covered(themes, spoken_phases(scores, lexicon), thin, length)


def _parse(data: Mapping[str, object], origin: str) -> Lexicon:
    raw_themes = data.get("theme")
    if not isinstance(raw_themes, list) or not raw_themes:
        raise LexiconError(f"{origin}: no [[theme]] tables")
    themes: list[Theme] = []
    seen: set[str] = set()
    for raw in raw_themes:
        if not isinstance(raw, dict):
            raise LexiconError(f"{origin}: a [[theme]] entry is not a table")
        theme_id, name, keywords = raw.get("id"), raw.get("name"), raw.get("keywords", {})
        if not isinstance(theme_id, str) or not isinstance(name, str) or not theme_id:
            raise LexiconError(f"{origin}: every theme needs a string id and name")
        if theme_id in seen or theme_id == OTHER_ID:
            raise LexiconError(f"{origin}: theme id {theme_id!r} is used twice or reserved")
        seen.add(theme_id)
        if not isinstance(keywords, dict):
            raise LexiconError(f"{origin}: keywords of {theme_id!r} are not a table")
        pairs: list[tuple[str, float]] = []
        for keyword, weight in keywords.items():
            if not keyword or isinstance(weight, bool) or not isinstance(weight, int | float):
                raise LexiconError(f"{origin}: keyword {keyword!r} of {theme_id!r} needs a number")
            pairs.append((keyword, float(weight)))
        apart = raw.get("apart", {})
        if not isinstance(apart, dict) or not all(
            isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
            for words in apart.values()
        ):
            raise LexiconError(f"{origin}: apart of {theme_id!r} needs lists of words")
        overall = raw.get("overall", False)
        if not isinstance(overall, bool):
            raise LexiconError(f"{origin}: overall of {theme_id!r} must be true or false")
        themes.append(
            Theme(
                theme_id,
                name,
                tuple(pairs),
                bool(raw.get("phase", False)),
                tuple((subject, tuple(words)) for subject, words in apart.items()),
                overall,
            )
        )
    heading_weight = data.get("heading_weight", 3.0)
    ancestor_weight = data.get("ancestor_weight", 1.0)
    if not isinstance(heading_weight, int | float) or not isinstance(ancestor_weight, int | float):
        raise LexiconError(f"{origin}: heading_weight and ancestor_weight must be numbers")
    synonyms = data.get("synonyms", {})
    if not isinstance(synonyms, dict) or not all(
        name and isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
        for name, words in synonyms.items()
    ):
        raise LexiconError(f"{origin}: [synonyms] needs lists of words")
    return Lexicon.build(
        themes,
        float(heading_weight),
        float(ancestor_weight),
        tuple((name, tuple(words)) for name, words in synonyms.items()),
    )


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon in `path`, or the bundled one (parsed once) when `path` is None."""
    if path is None:
        return _bundled()
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LexiconError(f"{path}: {error}") from error
    return _parse(data, str(path))


@cache
def _bundled() -> Lexicon:
    text = resources.files("govread").joinpath("data", "topics.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "govread/data/topics.toml")
