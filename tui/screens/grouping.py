"""The palette's commands to group the outline's reports: by region, by year, or not at all."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

CHOICES = (
    ("Group reports by region", "Reports under one node per region, with counts", "region"),
    ("Group reports by year", "Reports under one node per year, with counts", "year"),
    ("Group reports: none", "One flat list of reports", "none"),
    ("Group reports automatically", "By region when more than 200 reports are open", None),
)


class GroupingCommands(Provider):
    """Switch how the outline groups reports (the browser's `group_reports`)."""

    def _commands(self) -> list[tuple[str, str, object]]:
        screen = self.screen
        group = getattr(screen, "group_reports", None)
        if group is None:
            return []
        return [(name, help_text, partial(group, value)) for name, help_text, value in CHOICES]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
