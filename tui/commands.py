"""The command palette's providers: grouping the outline's reports, and the marks commands."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from govread.i18n import N_, _
from govread.tui.mark_actions import confirm_clear_marks

# (name, help, grouping): message ids, translated when the palette lists them.
CHOICES = (
    (N_("Group reports by region"), N_("Reports under one node per region, with counts"), "region"),
    (N_("Group reports by year"), N_("Reports under one node per year, with counts"), "year"),
    (N_("Group reports: none"), N_("One flat list of reports"), "none"),
    (N_("Group reports automatically"), N_("By region when more than 200 reports are open"), None),
)


class _CommandList(Provider):
    """A provider of a fixed list of (name, help, callback): listed when the palette opens,
    matched by name as the user types."""

    def _commands(self) -> list[tuple[str, str, object]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]


class GroupingCommands(_CommandList):
    """Switch how the outline groups reports (the browser's `group_reports`)."""

    def _commands(self) -> list[tuple[str, str, object]]:
        screen = self.screen
        group = getattr(screen, "group_reports", None)
        if group is None:
            return []
        return [
            (_(name), _(help_text), partial(group, value)) for name, help_text, value in CHOICES
        ]


class MarksCommands(_CommandList):
    """The palette's marks commands that have no key of their own."""

    def _commands(self) -> list[tuple[str, str, object]]:
        return [
            (
                _("Clear marks"),
                _("Unmark every node of the open reports (asks first)"),
                partial(confirm_clear_marks, self.app),
            ),
        ]


class TimelineCommands(_CommandList):
    """The timeline of the place of the report under the cursor (issue 17)."""

    def _commands(self) -> list[tuple[str, str, object]]:
        from govread.i18n import _
        from govread.tui.timeline.screen import open_timeline

        return [
            (
                _("Timeline of this place"),
                _("The place of the report under the cursor, year by year: topics, "
                  "indicators, and last year's plans followed up or not"),
                partial(open_timeline, self.app),  # type: ignore[arg-type]
            ),
        ]  # fmt: skip
