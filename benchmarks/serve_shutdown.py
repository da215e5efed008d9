"""Ctrl+C on `govread serve` with a page open: seconds until the server is gone, and how
many of the browsers it started are left behind.

    python benchmarks/serve_shutdown.py [--govread PATH] [--runs N]

Starts `govread serve` on a free loopback port with the bundled samples, opens its
WebSocket as the server's own page would (with its Origin), waits until the browser has
drawn, sends SIGINT to the server and times its exit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


async def open_page(port: int, stop: asyncio.Event) -> None:
    import aiohttp

    url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    async with aiohttp.ClientSession() as session, session.ws_connect(url, headers=origin) as ws:
        while not stop.is_set():
            try:
                message = await asyncio.wait_for(ws.receive(), 0.5)
            except TimeoutError:
                continue
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return


async def one_run(govread: str) -> tuple[float, int, int]:
    port = free_port()
    server = subprocess.Popen(
        [govread, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                await asyncio.sleep(0.2)
        stop = asyncio.Event()
        page = asyncio.create_task(open_page(port, stop))
        await asyncio.sleep(5)  # the browser has started and drawn
        shells = children_of(server.pid)
        browsers = [pid for shell in shells for pid in children_of(shell)] + shells
        started = time.perf_counter()
        server.send_signal(signal.SIGINT)
        while server.poll() is None:
            await asyncio.sleep(0.05)
        took = time.perf_counter() - started
        stop.set()
        await asyncio.sleep(1)
        page.cancel()
        left = [pid for pid in browsers if Path(f"/proc/{pid}").exists()]
        await asyncio.sleep(9)
        later = [pid for pid in browsers if Path(f"/proc/{pid}").exists()]
        return took, len(left), len(later)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--govread", default=shutil.which("govread") or "govread")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    for _ in range(args.runs):
        took, left, later = asyncio.run(one_run(args.govread))
        print(
            f"{args.govread}: {took:.1f} s to exit; browser processes left 1 s after: {left},"
            f" 10 s after: {later}",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
