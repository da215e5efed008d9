"""One warning, once a run, when the user's indicators.toml cannot be used.

The screens that show indicators (the corpus tables, compare's figures, the timeline) call
`say_indicators_problem` when their tables are shown: the bundled indicators stand in for the
user's, and without a word the user's own would just be missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govread.i18n import _

if TYPE_CHECKING:
    from textual.app import App

_said: set[str] = set()  # the problems said in this process (one app a process)


def say_indicators_problem(app: App[object]) -> None:
    """Notify why the user's indicators file was set aside, the first time it is known."""
    from govread.indicators import user_file_problem

    problem = user_file_problem()
    if problem is None or problem in _said:
        return
    _said.add(problem)
    message = _("{problem}; the bundled indicators are used instead").format(problem=problem)
    app.notify(message, title=_("Indicators"), severity="warning", markup=False, timeout=10)
