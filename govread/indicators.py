"""Canonical indicators: one name for a figure however a report words its subject.

出庭应诉率, 行政机关负责人出庭应诉率 and 出庭率 are all 行政机关负责人出庭应诉率; 审查市政府规范性
文件 and 审查县(区)、市级部门行政规范性文件 are both 规范性文件审查数. The table lives in
``data/indicators.toml``; a user adds to it (or replaces an entry by its name) in
``indicators.toml`` in the config directory. Figures pair across reports by indicator or by
subject (`govread.figures.match_figures`), never by unit alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from govread import statefile
from govread.config import config_dir
from govread.i18n import _

if TYPE_CHECKING:
    from govread.figures import Figure

USER_FILE = "indicators.toml"
_MAX_USER_BYTES = 1_000_000
_GAP = "…"
_MAX_GAP = 16  # characters "…" stands for
_MAX_GAPS = 2  # gaps in one subject


class IndicatorError(ValueError):
    """An indicators file is not what this module expects (one line for a person)."""


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    units: frozenset[str]
    subjects: tuple[str, ...]
    pattern: re.Pattern[str]  # any subject, at the end of a figure's reduced subject


def _pattern(subjects: Sequence[str]) -> re.Pattern[str]:
    # One bounded gap between literal parts: no nested or overlapping repeats.
    parts = [
        "(?:" + f".{{0,{_MAX_GAP}}}".join(map(re.escape, s.split(_GAP))) + ")" for s in subjects
    ]
    return re.compile("(?:" + "|".join(parts) + r")$")


def _parse(data: Mapping[str, object], origin: str) -> list[Indicator]:
    raw = data.get("indicator", [])
    if not isinstance(raw, list):
        raise IndicatorError(
            _("{origin}: [[indicator]] must be a list of tables").format(origin=origin)
        )
    found: list[Indicator] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise IndicatorError(
                _("{origin}: an [[indicator]] entry is not a table").format(origin=origin)
            )
        name, units, subjects = entry.get("name"), entry.get("units"), entry.get("subjects")
        if not isinstance(name, str) or not name.strip():
            raise IndicatorError(_("{origin}: every indicator needs a name").format(origin=origin))
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise IndicatorError(
                _("{origin}: units of {name} must be a list of strings").format(
                    origin=origin, name=repr(name)
                )
            )
        if (
            not isinstance(subjects, list)
            or not subjects
            or not all(isinstance(s, str) and s.strip(_GAP + " ") for s in subjects)
        ):
            raise IndicatorError(
                _("{origin}: subjects of {name} must be non-empty strings").format(
                    origin=origin, name=repr(name)
                )
            )
        if len(subjects) > 200 or any(len(s) > 60 for s in subjects):
            raise IndicatorError(
                _("{origin}: subjects of {name} are too many or too long").format(
                    origin=origin, name=repr(name)
                )
            )
        # each gap multiplies the ways a subject can be tried against a text: more than a
        # few would let one line of a user's file take minutes per figure
        if any(s.count(_GAP) > _MAX_GAPS for s in subjects):
            raise IndicatorError(
                _("{origin}: a subject of {name} has more than {n} '{gap}' gaps").format(
                    origin=origin, name=repr(name), n=_MAX_GAPS, gap=_GAP
                )
            )
        found.append(Indicator(name, frozenset(units), tuple(subjects), _pattern(subjects)))
    return found


def load_indicators(path: str | Path) -> list[Indicator]:
    """The indicators in one TOML file (`IndicatorError` when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_USER_BYTES + 1)
        if len(data) > _MAX_USER_BYTES:
            raise IndicatorError(
                _("{path}: larger than {n} bytes").format(path=path, n=_MAX_USER_BYTES)
            )
        # the guarded parse every state file gets: depth and dotted keys bounded before
        # tomllib sees the text (a nested or many-dotted file cost a traceback, or gigabytes)
        table = statefile.parse_toml(path, statefile.decode(path, data))
    except statefile.StateFileError as error:
        raise IndicatorError(str(error)) from None
    except OSError as error:
        raise IndicatorError(f"{path}: {error}") from error
    return _parse(table, str(path))


@cache
def _bundled() -> tuple[Indicator, ...]:
    text = resources.files("govread").joinpath("data", "indicators.toml").read_text("utf-8")
    return tuple(_parse(tomllib.loads(text), "govread/data/indicators.toml"))


@cache
def _table() -> tuple[tuple[Indicator, ...], str | None]:
    """The user's indicators first, then the bundled ones they do not replace; and the
    reason the user's file was ignored, if it was."""
    user_path = config_dir() / USER_FILE
    if not user_path.is_file():
        if os.path.lexists(user_path):  # a folder, a FIFO …: said, as config.toml's is
            reason = statefile.describe_type(os.lstat(user_path).st_mode)
            return _bundled(), f"{statefile.display_path(user_path)}: {_(reason)}"
        return _bundled(), None
    try:
        user = load_indicators(user_path)
    except IndicatorError as error:
        return _bundled(), str(error)
    names = {i.name for i in user}
    return (*user, *(i for i in _bundled() if i.name not in names)), None


@cache
def generic_subjects() -> frozenset[str]:
    """Subjects too vague to pair figures on without an indicator (the bundled `[generic]`
    list and the user's)."""
    found: set[str] = set()
    bundled = resources.files("govread").joinpath("data", "indicators.toml").read_text("utf-8")
    documents: list[Mapping[str, object] | None] = [tomllib.loads(bundled)]
    user_path = config_dir() / USER_FILE
    if user_path.is_file() and user_file_problem() is None:
        # read once already; through the guarded reader again (it may have changed since)
        with contextlib.suppress(statefile.StateFileError):
            documents.append(statefile.load_toml(user_path, max_bytes=_MAX_USER_BYTES))
    for document in documents:
        table = document.get("generic", {}) if document is not None else {}
        subjects = table.get("subjects", []) if isinstance(table, dict) else []
        found.update(s for s in subjects if isinstance(s, str))
    return frozenset(found)


def indicators() -> tuple[Indicator, ...]:
    """Every indicator in matching order (the user's first)."""
    return _table()[0]


def read_file_problem() -> str | None:
    """Why the user's indicators file was ignored, if the table was read in this process
    (None when it was read fine, is absent, or nothing asked for an indicator yet)."""
    return _table()[1] if _table.cache_info().currsize else None


def user_file_problem() -> str | None:
    """Why the user's indicators file was ignored (None when it was read or is absent)."""
    return _table()[1]


def reload() -> None:
    """Forget the loaded table (after the user's file changed, and in tests)."""
    _table.cache_clear()
    _match.cache_clear()
    canonical_indicator.cache_clear()
    generic_subjects.cache_clear()


@cache
def _match(reduced: str, unit: str) -> str | None:
    for indicator in indicators():
        if unit in indicator.units and indicator.pattern.search(reduced):
            return indicator.name
    return None


@cache
def _subject_key() -> Callable[[str], str]:
    """govread.figures.subject_key, imported once (figures imports this module)."""
    from govread.figures import subject_key

    return subject_key


# A short aside closing a subject (…提案(信件), …案件(次)) says how it was counted, not what.
_ASIDE_AT_END = re.compile(r"[(\uff08][^()\uff08\uff09]{1,6}[)\uff09]$")


def indicator_for_subject(subject: str, unit: str) -> str | None:
    """The canonical indicator of a figure with this subject and unit, or None."""
    if subject[-1:] in (")", "\uff09"):
        subject = _ASIDE_AT_END.sub("", subject)
    reduced = _subject_key()(subject)[-60:]
    if not reduced:
        return None
    found = _match(reduced, unit)
    if found is None and reduced.endswith(_HOW_MANY) and len(reduced) > 4:
        found = _match(reduced[:-2], unit)  # 办理公证总数: the count of 公证 itself
    if found is None and reduced.endswith("数"):
        # 行政处罚案件数268个: the subject is an indicator's own name, whatever the measure word
        # the report counts it in (a rate's name stays a rate's: the units' kind must agree)
        found = next(
            (
                i.name
                for i in indicators()
                if reduced.endswith(i.name) and ("%" in i.units) == (unit == "%")
            ),
            None,
        )
    if found is None and "等" in reduced and (about := _ABOUT_EXAMPLES.search(reduced)):
        # 县人大代表涉及人居环境、电力改造…等方面建议: what they are about says which of
        # them, not what they are (人大代表建议)
        bare = reduced[: about.start()] + reduced[about.end() :]
        if len(bare) >= 2:
            found = _match(bare, unit)
    return found


# What a count's noun is about, named by examples (涉及A、B等方面, 涉A、B等领域, 关于…等): a
# phrase inside the noun, between whose they are and what they are.
_ABOUT_EXAMPLES = re.compile(r"(?:涉及|涉|关于|有关)[^,\uff0c。;\uff1b\d]{1,40}?等(?:方面|领域)?")


# Words after a subject that say it is counted (办理公证总数, 受理案件数量), nothing more.
_HOW_MANY = ("总数", "数量", "总量")


@cache
def canonical_indicator(name: str) -> str | None:
    """The indicator a name asks for: its own, or the one whose subjects it is written as
    (出庭应诉率 and 出庭率 ask for 行政机关负责人出庭应诉率), whatever the unit; else None."""
    reduced = _subject_key()(name)[-60:]
    if not reduced:
        return None
    for indicator in indicators():
        if name == indicator.name or indicator.pattern.search(reduced):
            return indicator.name
    return None


@lru_cache(maxsize=4096)
def _asked_key(name: str) -> str:
    """A name's subject key: a table asks the same ~40 names of every report."""
    return _subject_key()(name)


def names_figure(name: str, indicator: str | None, subject: str | None) -> bool:
    """Whether `name` names a figure of this indicator and subject outright: it is the
    subject, or the indicator by any of its names (出庭应诉率 asks for 宝鸡's
    行政机关负责人出庭率, whose indicator it names)."""
    return name == subject or (
        indicator is not None and (name == indicator or canonical_indicator(name) == indicator)
    )


def ends_subject(name: str, key: str) -> bool:
    """Whether `name` ends a figure's subject key (`govread.figures.subject_key`):
    出庭应诉率 ends 行政机关负责人出庭应诉率. The name is compared as a key too, and a key
    under two characters (全年, 总数 …: nothing but the noise a key drops, or one
    character) would end nearly every subject, so it asks for none."""
    wanted = _asked_key(name)
    return len(wanted) >= 2 and key.endswith(wanted)


def asks_for(name: str, indicator: str | None, subject: str | None, key: str | None = None) -> bool:
    """The one rule of whether asking for the indicator `name` (a column of the corpus
    tables, ``govread figures --indicator NAME``) takes a figure of this indicator and
    subject: `names_figure`, else `ends_subject` (`key`: the subject's key, when the caller
    has it already)."""
    if names_figure(name, indicator, subject):
        return True
    if subject is None:
        return False
    return ends_subject(name, key if key is not None else _subject_key()(subject))


def indicator_for(figure: Figure) -> str | None:
    """The canonical indicator of a figure (what `Figure.indicator` holds), or None."""
    return indicator_for_subject(figure.label, figure.unit)
