"""The grammar of node ids: how a report, a section, an inline item and a search unit are named.

A node id starts with the report's id (`Report.id`), the first 12 hex digits of the SHA-256
of its normalised body text (`Report.text_sha256`): ``"<sha12>"`` for a report, ``"<sha12>/1.2"`` for a section (its position in the
tree), ``"<sha12>/1.2#3"`` for an inline item. The search index also names the text outside
the sections: ``"<sha12>/preamble"`` and ``"<sha12>/closing"``, which the whole outline
shows on the report's own node and a filtered one, when they hold a hit, as lines of their
own (`Outside`). Ids are keyed by the report's text, not the file's bytes, so marks
and exports follow a report wherever it is opened from, and survive it being saved again
with other page chrome (浏览次数, a print button). Every module that makes or reads an id uses these functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from govread.i18n import _
from govread.parsers.model import Item, Report, Section

NodeKind = Literal["report", "section", "item"]

# Bounded: a section number has at most 6 digits and 16 levels, an item at most 6 digits,
# so an id from a file never reaches int()'s digit limit or costs more than a glance.
_NODE_ID = re.compile(
    r"(?P<report>[0-9a-f]{12})"
    r"(?:/(?P<section>[0-9]{1,6}(?:\.[0-9]{1,6}){0,15})(?:#(?P<item>[0-9]{1,6}))?)?"
)

# The units of a report that lie outside its sections (named by the search index).
OUTSIDE_SECTIONS = ("preamble", "closing")


def outside_label(kind: str) -> str:
    """The preamble's or the closing's name on screen, in the interface language (前言 / 结尾
    in Chinese); the search index keeps the Chinese names as its labels."""
    return _("Preamble") if kind == "preamble" else _("Closing")


@dataclass(frozen=True, slots=True, eq=False)
class Outside:
    """A report's preamble or closing (`kind`) as a node of the filtered outline, where a
    hit in it is a line of its own (the whole outline shows that text on the report's node).
    It is no node of the report's tree: its id, the search unit's, is marked by no one."""

    report: Report
    kind: str  # "preamble" or "closing" (`OUTSIDE_SECTIONS`)

    @property
    def id(self) -> str:
        return outside_unit_id(self.report, self.kind)

    @property
    def label(self) -> str:
        """Its name in the interface language (`outside_label`)."""
        return outside_label(self.kind)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.report.preamble if self.kind == "preamble" else self.report.closing


def report_id(report: Report) -> str:
    """A report's node id: `Report.id`, from the hash of its body text."""
    return report.id


def node_id_of(node: Report | Section | Item | Outside) -> str:
    """The node id of a report, section or item (or a preamble's or closing's unit id)."""
    return report_id(node) if isinstance(node, Report) else node.id


def is_node_id(node_id: str) -> bool:
    return isinstance(node_id, str) and _NODE_ID.fullmatch(node_id) is not None


def parse_node_id(node_id: str) -> tuple[str, str | None, str | None] | None:
    """(report id, section numbers ``"1.2"`` or None, item number or None); None if no id."""
    match = _NODE_ID.fullmatch(node_id)
    if match is None:
        return None
    return match["report"], match["section"], match["item"]


def report_id_of(node_id: str) -> str:
    """The id of the report a node id (or a search unit id) belongs to."""
    return node_id.split("/", 1)[0]


def kind_of(node_id: str) -> NodeKind:
    """Whether an id names a report, a section or an item."""
    if "/" not in node_id:
        return "report"
    return "item" if "#" in node_id else "section"


def outside_unit_id(report: Report, outside: str) -> str:
    """The search unit id of a report's preamble or closing (``outside`` names which)."""
    return f"{report_id(report)}/{outside}"


def outline_node_id(search_unit_id: str) -> str:
    """The outline node a search unit lives in: a preamble or closing lives in its report."""
    report, _sep, rest = search_unit_id.partition("/")
    return report if rest in OUTSIDE_SECTIONS else search_unit_id


def document_order_key(node_id: str) -> tuple[str, tuple[int, ...], int]:
    """Sorts the ids of one report in document order, from the ids alone.

    The report comes first; a section precedes its items, which precede its
    subsections (items live in the section's own paragraphs, before any child; those of a
    part's summing-up, `Section.after_children`, follow its children in the text, which the
    ids alone do not tell: `marks.iter_refs_in_order` asks the report).
    """
    parsed = parse_node_id(node_id)
    if parsed is None:
        raise ValueError(f"not a govread node id: {node_id!r}")
    report, section, item = parsed
    numbers = tuple(int(part) for part in section.split(".")) if section else ()
    return report, numbers, int(item or 0)
