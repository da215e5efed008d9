"""The words of a comparison, one vocabulary for the browser and `govread compare`.

A row of a comparison pairs what two reports say on one topic of the national outline
(法治政府建设实施纲要). These functions name what a row shows, in the interface language
(`govread.i18n`): the keywords both sides share, those only one side has, and why a side
has nothing on the row. `side` is how a side is named: a place (咸宁) in the browser,
``A`` / ``B`` on the command line. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from govread.clip import clipped
from govread.compare import Pair, Unit
from govread.i18n import _
from govread.multi_compare import Cell
from govread.topics import OTHER_ID


def shared_label() -> str:
    """Before the keywords both sides use."""
    return _("shared")


def only_label(side: str) -> str:
    """Before the keywords only `side` uses."""
    return _("only {side}").format(side=side)


def similarity_label(similarity: float) -> str:
    return _("similarity {value:.2f}").format(value=similarity)


def gap_label() -> str:
    """A row where one side has nothing (a gap)."""
    return _("gap")


def gap_reason(pair: Pair, side: str) -> str:
    """Why `side` has no unit on this gap row (`empty_reason`)."""
    return empty_reason(
        side,
        pair.theme,
        pair.theme_name,
        within=bool(pair.covered_by),
        has_theme=pair.other_has_theme,
        passing=bool(pair.mentioned_in),
    )


def empty_reason(
    side: str, theme_id: str, topic: str, *, within: bool, has_theme: bool, passing: bool
) -> str:
    """Why `side` has nothing on a row of `topic`: it speaks of the topic only inside other
    sections (`within`, named after this), in another row, names it only in passing
    (`passing`: a word of the topic, in sections named after this), or is silent on it; on
    其他 (what fits no topic), that it has no such text."""
    if within:
        return _("{side} speaks of {topic} only within:").format(side=side, topic=topic)
    if has_theme:
        # (its text on the topic is aligned in another row: "nothing like this" was read as
        # a claim about the whole report, which its other rows refute)
        return _("{side} speaks of {topic} in another row").format(side=side, topic=topic)
    if passing:
        return _("{side} names {topic} only in passing, within:").format(side=side, topic=topic)
    if theme_id == OTHER_ID:
        # "silent on 其他" would read as "says nothing else"
        return _("{side} has no text outside the topics").format(side=side)
    return _("{side} is silent on {topic}").format(side=side, topic=topic)


def cell_reason(theme_id: str, *, within: bool, has_theme: bool, passing: bool) -> str:
    """`empty_reason` in a column of its own report (several reports side by side)."""
    if within:
        return _("covered only within:")
    if has_theme:
        return _("in another row")
    if passing:
        return _("named only in passing, within:")
    if theme_id == OTHER_ID:
        return _("no text outside the topics")
    return _("silent on this topic")


def where_units(pair_or_cell: Pair | Cell) -> tuple[Unit, ...]:
    """The units an empty side's reason names: where it covers the topic, else where it
    names it in passing."""
    return pair_or_cell.covered_by or pair_or_cell.mentioned_in


def covered_by_list(units: Sequence[Unit], width: int = 20) -> str:
    """The sections a silent side speaks of the topic in, on one line (the first three)."""
    return _(", ").join(clipped(f"{u.shown_number}{u.heading}", width) for u in units[:3])


def nearest_label() -> str:
    """Before the unit of the other side most like this one, elsewhere in the report."""
    return _("Nearest elsewhere: ")
