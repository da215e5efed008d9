"""Whether the comparison's topics fit a report: said to the user when they do not.

The topics (``data/topics.toml``) follow the 法治政府建设实施纲要 (2021–2025). A 法治政府建设
report, or a department's 法治建设 report, is written along them; a 政府工作报告 (the year's
speech to the people's congress: the economy, building, livelihoods) touches them in a few
sentences. Set against them, most of such a report's parts land under topics they barely
mention: three pairs labelled by hand with a real 政府工作报告 on one side or both scored
alignment F1 0.09–0.39, against 0.63–0.95 for seven pairs of the genre (benchmarks/RESULTS.md). The comparison still runs; the
compare command and screen say so in one line per such report.
"""

from __future__ import annotations

from collections.abc import Sequence

from govread.i18n import _
from govread.library import place_label
from govread.parsers.metadata import GENRE_GOVERNMENT_WORK
from govread.parsers.model import Report
from govread.sanitize import sanitize_line

# The genres the topics do not fit (a 工作要点 plans the same work, so its topics fit).
OFF_TOPIC_GENRES = frozenset({GENRE_GOVERNMENT_WORK})


def off_topic(reports: Sequence[Report]) -> list[Report]:
    """The reports whose genre the comparison's topics do not fit, in order."""
    return [report for report in reports if report.genre in OFF_TOPIC_GENRES]


def genre_notes(reports: Sequence[Report]) -> list[str]:
    """One line (sanitised) per genre the topics do not fit, naming its reports together:
    a screen's title has room for a line or two, not one per report."""
    by_genre: dict[str, list[Report]] = {}
    for report in off_topic(reports):
        by_genre.setdefault(report.genre or "", []).append(report)
    notes = []
    for genre, group in by_genre.items():
        if len(group) == 1:
            notes.append(genre_note(group[0]))
            continue
        names = "、".join(place_label(r) or r.display_title for r in group)
        notes.append(
            sanitize_line(
                _(
                    "{names} are each a {genre}, not a rule-of-law report: the topics follow "
                    "the 法治政府建设实施纲要 and cover little of them, so their rows are a "
                    "rough guide"
                ).format(names=names, genre=genre)
            )
        )
    return notes


def genre_note(report: Report) -> str:
    """One line (sanitised) saying that ``report``'s rows are a rough guide, and why."""
    name = place_label(report) or report.display_title
    return sanitize_line(
        _(
            "{name} is a {genre}, not a rule-of-law report: the topics follow the "
            "法治政府建设实施纲要 and cover little of it, so its rows are a rough guide"
        ).format(name=name, genre=report.genre)
    )
