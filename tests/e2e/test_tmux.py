"""The installed `govread`, driven in a real terminal (tmux) the way a new user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
GOVREAD = shutil.which(
    "govread", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
)

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
    pytest.mark.skipif(GOVREAD is None, reason="the govread command is not installed"),
]


class Terminal:
    """One tmux server of our own (a private socket), with govread running in it."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "govread").stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "govread", *keys)

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{text}")

    def running(self) -> bool:
        return self.tmux("has-session", "-t", "govread").returncode == 0


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"govread-test-{os.getpid()}-{time.monotonic_ns()}")
    env = {k: os.environ[k] for k in os.environ if k.startswith("XDG_")}  # isolated dirs
    command = " ".join(
        [
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            *(f"{k}={v}" for k, v in env.items()),
            "TERM=xterm-256color",
            str(GOVREAD),
        ]
    )
    started = term.tmux("new-session", "-d", "-s", "govread", "-x", "120", "-y", "45", command)
    assert started.returncode == 0, started.stderr
    try:
        yield term
    finally:
        term.tmux("kill-server")


def test_open_move_help_quit(terminal: Terminal) -> None:
    # The header and the outline are painted in separate frames: wait for both, since on a
    # busy machine a capture can fall between them.
    screen = terminal.wait_for(
        lambda s: "宝鸡市 · 2023" in s and "? Help" in s and "govread — 5 reports" in s,
        "the five samples, the header and the footer",
    )
    for region in ("咸宁市 · 2023", "泾县 · 2022", "株洲市 · 2024", "秦皇岛市 · 2023"):
        assert region in screen
    assert "Region 咸宁市" in screen  # the detail pane shows the first report at once

    terminal.keys("j")
    terminal.wait_for(lambda s: "咸宁市 2023 › 一、主要做法和成效" in s, "the detail to follow")
    terminal.keys("l", "j")
    # the detail pane lists the subsection's own subsections (still folded in the outline)
    terminal.wait_for(
        lambda s: "Subsections" in s and "2.压紧压实法治政府建设责任" in s, "the first subsection"
    )

    terminal.keys("?")
    help_screen = terminal.wait_for(lambda s: "govread keys" in s, "the help screen")
    assert "Expand all" in help_screen and "Collapse all" in help_screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "govread keys" not in s, "help to close")

    terminal.keys("q")
    deadline = time.monotonic() + 10
    while terminal.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.running(), "q did not quit govread"


def test_unknown_theme_is_one_line_and_exit_2() -> None:
    result = subprocess.run(
        [str(GOVREAD), "--theme", "no-such-theme"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith("govread: error: unknown theme 'no-such-theme'")
    assert result.stderr.count("\n") == 1
