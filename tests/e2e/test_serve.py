"""`govread serve`: the browser in a web page, opened in a real (headless) Chromium.

The page draws the terminal on a canvas, so the test reads what the page receives: Chromium's
DevTools protocol reports every WebSocket frame the page gets from the server, which carries
the app's screen. Keys are typed into the page the same way a person would.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govread.parsers.model import Report

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
GOVREAD = shutil.which(
    "govread", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
)
HOST = "127.0.0.1"  # loopback only

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(GOVREAD is None, reason="the govread command is not installed"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(check: Any, what: str, timeout: float = 30) -> Any:
    """Poll `check()` until it gives something true (a bound, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`govread serve` on a free loopback port, with this test's own user dirs; its URL."""
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(GOVREAD), "serve", "--host", HOST, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    url = f"http://{HOST}:{port}/"
    try:
        wait_until(lambda: process.poll() is not None or http_ok(url), "the server")
        assert process.poll() is None, (tmp_path / "serve.log").read_text("utf-8", "replace")
        yield url
    finally:
        stop(process)  # the server ends the app processes it started
        log.close()


@pytest.fixture
def devtools(tmp_path: Path) -> Iterator[str]:
    """A headless Chromium with a fresh profile; the DevTools WebSocket URL of its page."""
    profile = tmp_path / "chromium-profile"
    process = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1280,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        active = profile / "DevToolsActivePort"  # Chromium writes its port there
        first_line = wait_until(
            lambda: active.is_file() and active.read_text().split("\n")[0], "Chromium"
        )
        listing = f"http://127.0.0.1:{int(first_line)}/json/list"

        def page_url() -> str | None:
            try:
                with urllib.request.urlopen(listing, timeout=2) as response:
                    targets = json.load(response)
            except OSError:
                return None
            pages = [t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"]
            return pages[0] if pages else None

        yield wait_until(page_url, "Chromium's page")
    finally:
        stop(process)


class Page:
    """A minimal DevTools protocol client: commands, and the text of WebSocket frames."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0
        self.received = bytearray()  # every frame the page received from the server
        self.replies: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.replies:
                self.replies.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                payload = frame["payloadData"]
                self.received += (
                    base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode("utf-8")
                )

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        reply = self.replies[self.next_id] = asyncio.get_running_loop().create_future()
        await self.socket.send_str(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        result: dict[str, Any] = await asyncio.wait_for(reply, 30)
        assert "error" not in result, result
        return result

    def text(self) -> str:
        return self.received.decode("utf-8", "replace")

    async def wait_for_text(self, needle: str, since: int = 0, timeout: float = 60) -> None:
        """Until `needle` is in what the page received after its first `since` bytes."""
        deadline = time.monotonic() + timeout
        while needle not in self.received[since:].decode("utf-8", "replace"):
            assert time.monotonic() < deadline, f"{needle!r} never reached the page"
            await asyncio.sleep(0.1)

    async def type_key(self, key: str) -> None:
        """A printable key, typed as a person does: down, the character, up."""
        await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key)


async def browse(page_socket_url: str, url: str, region: str) -> None:
    """Open the page, see `region` in the outline, then open the help with `?`."""
    import aiohttp  # textual-serve's own HTTP library

    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(page_socket_url, max_msg_size=0) as socket,
    ):
        page = Page(socket)
        try:
            await page.send("Network.enable")
            await page.send("Page.navigate", url=url)
            await page.wait_for_text(region)
            # Keys go to the terminal's text area, as after a click on the page.
            await page.send(
                "Runtime.evaluate",
                expression="document.querySelector('.xterm-helper-textarea').focus()",
            )
            before = len(page.received)
            assert "govread keys" not in page.text()
            await page.type_key("?")
            await page.wait_for_text("govread keys", since=before)  # the help screen's title
        finally:
            page.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await page.reader


def test_the_browser_is_served_in_a_web_page(
    server: str, devtools: str, samples: list[Report]
) -> None:
    region = samples[0].region  # the first report's root in the outline
    assert region
    asyncio.run(browse(devtools, server, region))
