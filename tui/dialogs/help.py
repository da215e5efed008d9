"""The help screen: every key of the screen below it, grouped by where it works.

The keys are read from the live bindings (of the screen, its widgets and the app), so a
binding added by a later feature appears here without anyone editing this file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from govread.config import config_path, user_themes_dir
from govread.i18n import N_, _
from govread.linebreak import KinsokuText
from govread.sanitize import sanitize_path
from govread.tui.key_scroll import KeyScroll
from govread.tui.keymap import keys_in
from govread.tui.localised import LocalisedScreen

INTRO = N_(
    "govread shows each report as an outline of its sections; the section under the "
    "cursor is shown in full in the detail pane, which follows the cursor as you move."
)

# (an example query, what it finds): the examples are queries, in every language.
QUERY_HELP = (
    ("行政复议 应诉", N_("both terms in the same section (AND)")),
    ("复议 | 诉讼", N_("either term (OR binds tighter: a b | c is a AND (b OR c))")),
    ("-信访", N_("leave out sections holding the term")),
    ('"严格规范公正文明执法"', N_("an exact phrase (also “…” and 「…」)")),
    ("１００％", N_("full- and half-width forms and letter case match each other")),
    (
        "规范执法人员资格",
        N_(
            "a term found nowhere verbatim matches by its words (jieba), shown as "
            "'by words' and ranked lower"
        ),
    ),
    # Report fields (`govread.search.FIELD_PREFIXES`), and tags.
    (
        "year:2020-2022",
        N_(
            "reports of a year or of years (year:2022; also 2020..2022, 2020~2022); the same: 年份:"
        ),
    ),
    (
        "region:光明",
        N_("reports of a place, or of a place in that city (region:深圳); the same: 地区:"),
    ),
    ("province:湖北", N_("reports of a province; the same: 省份:")),
    ("genre:法治", N_("reports whose genre holds the words (genre:政府工作报告); the same: 体裁:")),
    (
        "level:government",
        N_("the issuer's level: government or department (政府 / 部门); the same: 级别:"),
    ),
    ("-genre:…", N_("leave those reports out (any field)")),
    (
        "year:2022 复议",
        N_("fields with words: the matches inside those reports; alone: the reports' chapters"),
    ),
    ("tag:执法", N_("what is under a node with the tag (alone: the tagged nodes themselves)")),
    ("-tag:草稿", N_("leave out what is under a node with the tag")),
)


def declared_bindings(node: DOMNode) -> BindingsMap:
    """The bindings `node`'s class declares, its bases' included (a key bound again by a
    subclass is the subclass's), read from the public ``BINDINGS`` of each class."""
    keys: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        if isinstance(cls, type) and issubclass(cls, DOMNode):
            keys.update(BindingsMap(cls.__dict__.get("BINDINGS", [])).key_to_bindings)
    return BindingsMap.from_keys(keys)


def binding_groups(screen: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(group title, [(keys, description), …])`` for every binding usable on ``screen``."""
    app = screen.app
    # A text input's editing keys are the usual ones: listing them would bury the rest.
    nodes: list[DOMNode] = [
        widget for widget in screen.query("*") if widget.can_focus and not isinstance(widget, Input)
    ]
    nodes += [screen, app]
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen_titles: dict[str, int] = {}
    for node in nodes:
        bindings = declared_bindings(node)
        keymap = getattr(app, "keymap", None)  # the user's keys, as the footer shows them
        if keymap:
            bindings.apply_keymap(keymap)
        rows = _rows(bindings.key_to_bindings.values(), app.get_key_display, screen)
        if not rows:
            continue
        title = _(node.BINDING_GROUP_TITLE or _class_words(type(node).__name__))
        if title in seen_titles:
            groups[seen_titles[title]][1].extend(
                r for r in rows if r not in groups[seen_titles[title]][1]
            )
            continue
        seen_titles[title] = len(groups)
        groups.append((title, rows))
    return groups


def _class_words(name: str) -> str:
    """A widget class's name as words, for a group without a title of its own (Textual's
    ``ContentTabs``: "Content tabs")."""
    spaced = "".join(f" {c.lower()}" if c.isupper() and i else c for i, c in enumerate(name))
    return spaced.strip() or name


def _rows(
    binding_lists: Iterable[list[Binding]], key_display: object, screen: Screen[object]
) -> list[tuple[str, str]]:
    by_action: dict[str, tuple[list[str], str]] = {}
    for bindings in binding_lists:
        for binding in bindings:
            if binding.system or not binding.description:
                continue
            description = _(binding.description)
            if binding.tooltip:
                description = _("{description}: {tooltip}").format(
                    description=description, tooltip=keys_in(screen, _(binding.tooltip))
                )
            keys, _description = by_action.setdefault(binding.action, ([], description))
            shown = key_display(binding)  # type: ignore[operator]
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), description) for keys, description in by_action.values()]


class HelpScreen(LocalisedScreen[None], ModalScreen[None]):
    """A scrollable list of every key, grouped; escape, q, ? or f1 closes it."""

    CSS_PATH = "help.tcss"
    BINDING_GROUP_TITLE = N_("Help")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", N_("Close help"), id="help.close"),
        Binding("down,j", "scroll('down')", N_("Scroll down"), show=False, id="help.down"),
        Binding("up,k", "scroll('up')", N_("Scroll up"), show=False, id="help.up"),
    ]

    def __init__(self, target: Screen[object]) -> None:
        super().__init__()
        self._target = target
        self.help_table = self._content()

    def compose(self) -> ComposeResult:
        with KeyScroll(id="help-body"):
            yield Static(self.help_table, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = _("govread keys")
        self.query_one("#help-body").border_subtitle = keys_in(self, _("{help.close:first} closes"))

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", KeyScroll)
        if direction == "down":
            body.action_scroll_down()
        else:
            body.action_scroll_up()

    def _content(self) -> Group:
        # Three grids, each its own first column's width: the keys' (a few cells) is not
        # widened by the query examples' ("严格规范公正文明执法", year:2020-2022) on 80 columns.
        keys = _grid()
        # Chinese has no spaces to wrap at: broken as Chinese is set (no line opens with "。")
        intro = getattr(type(self._target), "HELP_INTRO", INTRO)  # the screen it was asked on
        keys.add_row("", KinsokuText(_(intro), overflow="fold"))
        for title, rows in binding_groups(self._target):
            keys.add_row("", "")
            keys.add_row("", Text(title, style="bold underline"))
            for shown, description in rows:
                keys.add_row(Text(shown), KinsokuText(description, overflow="fold"))
        queries = _grid()
        queries.add_row("", Text(_("Filter queries"), style="bold underline"))
        for example, meaning in QUERY_HELP:
            queries.add_row(Text(example), KinsokuText(_(meaning), overflow="fold"))
        table = _grid()
        table.add_row("", Text(_("Themes"), style="bold underline"))
        # Chinese has no spaces to wrap at: a long line folds rather than being cut.
        themes = KinsokuText(overflow="fold")
        themes.append(
            keys_in(
                self._target,
                _("{app.command_palette}, then “Theme”: switch theme (remembered in {path})."),
                path=sanitize_path(config_path()),
            )
        )
        themes.append(" ")
        themes.append(
            _(
                "govread --theme NAME picks one at start. Your own themes: TOML files in {path}."
            ).format(path=sanitize_path(user_themes_dir()))
        )
        themes.append("\n")
        themes.append(
            _('Language: --lang zh|en, or language = "zh" in {path}; else the locale.').format(
                path=sanitize_path(config_path())
            )
        )
        table.add_row("", themes)
        return Group(keys, Text(), queries, Text(), table)


def _grid() -> Table:
    """Keys (or an example) right-aligned in bold, what they do beside them."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    return table
