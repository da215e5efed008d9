"""`govread serve`: the command the web server runs for each visitor, and its refusals."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest

from govread import cli
from govread.commands import serve


def test_the_command_is_the_installed_govread_with_every_path_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GOVREAD_NO_CACHE", raising=False)
    hostile = ["报告 2023.txt", "a;rm -rf ~", "$(touch x)", "-flag.txt", "it's.md"]
    command = serve.app_command(hostile, theme="govread-light")
    words = shlex.split(command)
    assert words[: len(serve.govread_command())] == serve.govread_command()
    rest = words[len(serve.govread_command()) :]
    assert rest == ["--theme", "govread-light", "--", *(str(tmp_path / p) for p in hostile)]


def test_the_command_with_no_path_opens_the_samples_and_keeps_no_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GOVREAD_NO_CACHE", "1")
    assert shlex.split(serve.app_command([])) == [*serve.govread_command(), "--no-cache"]


def test_the_command_runs_this_govread() -> None:
    command = serve.govread_command()
    done = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.startswith("govread ")


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_hosts(host: str) -> None:
    assert serve.is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.org", "::"])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not serve.is_loopback(host)


def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "70000"]) == 2
    assert "not a port" in capsys.readouterr().err


def test_a_missing_path_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere\x1b[31m.txt"
    assert cli.main(["serve", "--port", "8123", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "no such file or folder" in err
    assert "\x1b" not in err  # the escape in the name is shown, not sent to the terminal


def test_a_folder_of_no_reports_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `serve EMPTY` said it was serving, then every page opened said the folder holds
    no report files; `govread EMPTY` refuses it at once."""
    (tmp_path / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert cli.main(["serve", "--port", "8123", str(tmp_path)]) == 1
    assert "holds no report files" in capsys.readouterr().err


def test_an_unknown_theme_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--theme", "no-such-theme"]) == 2
    assert "unknown theme" in capsys.readouterr().err


def test_a_port_in_use_is_one_line_and_exit_1() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*serve.govread_command(), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1
    assert f"govread: error: cannot serve on 127.0.0.1:{port}" in done.stderr
    assert done.stdout == ""  # no "Serving … Press Ctrl+C" before the error


def test_the_banner_is_said_once_the_port_is_bound() -> None:
    import signal
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen(
        [*serve.govread_command(), "--lang", "en", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert first == f"Serving govread on http://127.0.0.1:{port}\n"
        assert server.stdout.readline() == "Press Ctrl+C to quit\n"
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass  # it listens as soon as it says so
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()


def test_the_browser_starts_without_a_terminal_only_on_the_web_driver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert not cli._on_web_driver()
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    assert not cli._on_web_driver()
    monkeypatch.setenv("TEXTUAL_DRIVER", cli.WEB_DRIVER)
    assert cli._on_web_driver()
    assert os.environ["TEXTUAL_DRIVER"] == "textual.drivers.web_driver:WebDriver"


@pytest.mark.parametrize(
    ("origin", "host", "served"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "127.0.0.1"),
        ("http://localhost:8000", "localhost:8000", "127.0.0.1"),
        ("http://[::1]:8000", "[::1]:8000", "::1"),
        (None, "127.0.0.1:8000", "127.0.0.1"),  # not a web page: a program of this machine
        ("http://reports.example.org:8000", "reports.example.org:8000", "0.0.0.0"),
        ("https://reports.example.org", "reports.example.org", "0.0.0.0"),
    ],
)
def test_the_servers_own_page_may_open_the_browser(
    origin: str | None, host: str, served: str
) -> None:
    assert serve.may_drive(origin, host, served)


@pytest.mark.parametrize(
    ("origin", "host", "served"),
    [
        ("http://evil.example", "127.0.0.1:8000", "127.0.0.1"),  # another site's page
        ("null", "127.0.0.1:8000", "127.0.0.1"),  # a sandboxed frame or a local file
        ("http://127.0.0.1:9000", "127.0.0.1:8000", "127.0.0.1"),  # another port's page
        ("http://evil.example:8000", "evil.example:8000", "127.0.0.1"),  # DNS rebinding
        ("http://evil.example", "reports.example.org:8000", "0.0.0.0"),
        ("http://127.0.0.1:8000", None, "127.0.0.1"),
        ("http://127.0.0.1:8000", "127.0.0.1:x", "127.0.0.1"),
    ],
)
def test_a_page_of_another_site_may_not(origin: str | None, host: str | None, served: str) -> None:
    assert not serve.may_drive(origin, host, served)


def test_the_server_refuses_another_sites_page_before_starting_a_browser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import asyncio

    from aiohttp.test_utils import TestClient, TestServer

    server = serve._server("false", "127.0.0.1", 8000)

    async def ask() -> int:
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        try:
            response = await client.get(
                "/ws",
                headers={
                    "Origin": "http://evil.example",
                    "Connection": "Upgrade",
                    "Upgrade": "websocket",
                    "Sec-WebSocket-Version": "13",
                    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
                },
            )
            return response.status
        finally:
            await client.close()

    assert asyncio.run(ask()) == 403
    err = capsys.readouterr().err
    assert "refused a page of http://evil.example" in err


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("::1", "http://[::1]:8000"),
        ("", "http://0.0.0.0:8000"),
        ("reports.example.org", "http://reports.example.org:8000"),
    ],
)
def test_the_address_said_is_one_a_browser_opens(host: str, url: str) -> None:
    assert serve.url_of(host, 8000) == url


@pytest.mark.parametrize(
    ("host", "base"),
    [
        ("192.168.1.5:8000", "http://192.168.1.5:8000"),  # a visitor of a server on 0.0.0.0
        ("[::1]:8000", "http://[::1]:8000"),
        ("localhost:9000", "http://localhost:9000"),  # a forwarded port
        (None, "http://0.0.0.0:8000"),
        ('x" onload="y:8000', "http://0.0.0.0:8000"),  # never written into the page
        ("a:b:c", "http://0.0.0.0:8000"),
        ("[::1]:99999", "http://0.0.0.0:8000"),
    ],
)
def test_the_page_reaches_the_server_where_the_visitor_asked(host: str | None, base: str) -> None:
    assert serve.page_base(host, "http", "http://0.0.0.0:8000") == base


def test_the_page_of_a_server_on_every_interface_names_the_address_asked_for() -> None:
    import asyncio

    from aiohttp.test_utils import TestClient, TestServer

    server = serve._server("false", "0.0.0.0", 8000)

    async def page(host: str) -> str:
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        try:
            response = await client.get("/", headers={"Host": host})
            return await response.text()
        finally:
            await client.close()

    text = asyncio.run(page("192.168.1.5:8000"))
    assert "ws://192.168.1.5:8000/ws" in text
    assert "0.0.0.0" not in text


@pytest.mark.parametrize(
    ("error", "english", "chinese"),
    [
        (
            OSError(98, "error while attempting to bind on address"),
            "the port is in use",
            "端口已被占用",
        ),
        (
            OSError(99, "error while attempting to bind on address"),
            "not one of this machine's",
            "不属于本机",
        ),
    ],
)
def test_why_the_server_cannot_listen_is_said_in_the_interface_language(
    error: OSError, english: str, chinese: str
) -> None:
    from govread.i18n import language, set_language

    before = language()
    try:
        set_language("en")
        assert english in serve.bind_reason(error)
        set_language("zh")
        assert chinese in serve.bind_reason(error)
    finally:
        set_language(before)


def test_a_host_name_that_does_not_resolve() -> None:
    import socket

    assert (
        serve.bind_reason(socket.gaierror(-2, "Name or service not known")) == "no such host name"
    )


def test_ctrl_c_does_not_wait_long_for_the_pages_still_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aiohttp import web

    asked: dict[str, object] = {}

    def run_app(app: object, **options: object) -> None:
        asked.update(options)
        if hasattr(app, "close"):
            app.close()  # the coroutine making the application, never run here

    import asyncio

    loops: list[asyncio.AbstractEventLoop] = []
    new_event_loop = asyncio.new_event_loop

    def new_loop() -> asyncio.AbstractEventLoop:
        loops.append(new_event_loop())
        return loops[-1]

    import logging

    monkeypatch.setattr(web, "run_app", run_app)
    monkeypatch.setattr(asyncio, "new_event_loop", new_loop)
    monkeypatch.setattr(logging, "raiseExceptions", logging.raiseExceptions)  # serve sets it
    try:
        serve._server("false", "127.0.0.1", 8000).serve()
    finally:
        for loop in loops:
            loop.close()  # and the Ctrl+C handler it set with it
    timeout = asked["shutdown_timeout"]
    assert isinstance(timeout, int | float) and timeout <= 5


@pytest.mark.parametrize(
    ("given", "host"), [("[::1]", "::1"), ("::1", "::1"), (" localhost ", "localhost")]
)
def test_a_host_as_people_write_it(given: str, host: str) -> None:
    assert serve.host_address(given) == host


@pytest.mark.parametrize("given", ["127.0.0.1:9000", "http://127.0.0.1", "reports.example.org:80"])
def test_a_host_with_a_port_or_a_scheme_is_a_usage_error(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--lang", "en", "serve", "--host", given]) == 2
    assert "give the port with --port" in capsys.readouterr().err


def test_a_server_whose_output_goes_nowhere_serves_all_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import sys

    class FullDisk(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(FullDisk(), write_through=True))
    serve.say_banner("http://127.0.0.1:8000", "127.0.0.1")  # `> /dev/full`: it stopped the server


def test_an_address_of_another_machine_is_refused_without_a_warning_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """QA: `serve --host 192.0.2.1` warned that anyone could read the reports, then said it
    cannot serve there: the warning is for a server that listens."""
    assert cli.main(["--lang", "en", "serve", "--host", "192.0.2.1", "--port", "8123"]) == 1
    captured = capsys.readouterr()
    assert "cannot serve on 192.0.2.1:8123" in captured.err
    assert "warning" not in captured.err and "Serving govread" not in captured.out


def test_a_listening_server_on_an_exposed_address_warns_before_its_banner(
    capsys: pytest.CaptureFixture[str],
) -> None:
    serve.say_banner("http://0.0.0.0:8000", "0.0.0.0")
    captured = capsys.readouterr()
    assert "warning: serving on 0.0.0.0" in captured.err
    assert captured.out.startswith("Serving govread on http://0.0.0.0:8000")
    serve.say_banner("http://127.0.0.1:8000", "127.0.0.1")
    assert "warning" not in capsys.readouterr().err
