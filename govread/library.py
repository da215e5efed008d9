"""The open reports: one owner (the TUI's app), read by every screen; no Textual in it.

A `Library` holds the reports in the order they were opened, finds a report by its id and
any node by its node id (`resolve`). `place_label` is the one way a report's region and year
are written (``咸宁市 2023``). Plain data: no Textual, no threads; its owner adds reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govread.marks import NodeRef, resolve_in
from govread.node_ids import report_id, report_id_of
from govread.parsers.model import Report


def place_parts(report: Report) -> tuple[str, ...]:
    """The region and the year a report covers, those that are known: ``("咸宁市", "2023")``."""
    return tuple(part for part in (report.region, f"{report.year}" if report.year else "") if part)


def place_label(report: Report) -> str:
    """``咸宁市 2023``: the region and the year a report covers ("" when neither is known)."""
    return " ".join(place_parts(report))


class Library:
    """The open reports in order, indexed by report id."""

    def __init__(self, reports: Sequence[Report] = ()) -> None:
        self._reports: list[Report] = []
        self._by_id: dict[str, Report] = {}
        for report in reports:
            self.add(report)

    def add(self, report: Report) -> None:
        """Open one more report (at the end)."""
        self._reports.append(report)
        self._by_id.setdefault(
            report_id(report), report
        )  # the same file twice: the first one answers

    @property
    def reports(self) -> Sequence[Report]:
        """The open reports, in the order opened (read-only: add through `add`)."""
        return self._reports

    def __len__(self) -> int:
        return len(self._reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(self._reports)

    def __contains__(self, report: object) -> bool:
        return isinstance(report, Report) and self._by_id.get(report_id(report)) is not None

    def report(self, node_id: str) -> Report | None:
        """The open report a node id (or a search unit id) belongs to."""
        return self._by_id.get(report_id_of(node_id))

    def resolve(self, node_id: str) -> NodeRef | None:
        """The node this id names among the open reports, with its path; None if none."""
        report = self.report(node_id)
        return resolve_in(report, node_id) if report is not None else None
