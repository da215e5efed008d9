"""`govread serve [PATH ...]`: the browser in a web page, through textual-serve.

Each visitor of the page gets a browser of their own: textual-serve starts the installed
`govread` with the same paths, on its web driver, for every page opened. The paths are made
absolute and quoted with `shlex`, as the server runs the command through a shell.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from govread.cli import ArgumentParser, error_line
from govread.i18n import N_, _, language
from govread.loading import cache_enabled
from govread.sanitize import sanitize_line as sanitize  # the shared sanitiser, one line

if TYPE_CHECKING:
    from urllib.parse import SplitResult

    from textual_serve.server import Server

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# How long Ctrl+C waits for the pages still open before their browsers are told to quit:
# aiohttp's 60 s held the server 12-20 s after Ctrl+C with one page open.
SHUTDOWN_SECONDS = 2


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="govread serve",
        description=_(
            "Serve the browser in a web page: each visitor gets the browser of the "
            "reports named (the bundled samples by default). Stop it with Ctrl+C."
        ),
        epilog=_(
            "Only this machine can reach the default address; a --host that others can "
            "reach lets anyone there read the reports and write exports as you."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        type=host_address,
        help=_("address (default {host})").format(host=DEFAULT_HOST),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=_("port (default {port})").format(port=DEFAULT_PORT),
    )
    parser.add_argument("--theme", metavar="NAME", help=_("colour theme of the browser"))
    return parser


def govread_command() -> list[str]:
    """The installed govread: the script beside this interpreter, else this package run by it."""
    script = shutil.which("govread", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "govread.cli"]


def app_command(paths: Sequence[str], theme: str | None = None, lang: str | None = None) -> str:
    """The shell command textual-serve runs for each page: govread with the paths, quoted;
    `lang` is the interface language of the browser it serves."""
    words = govread_command()
    if lang is not None:
        words += ["--lang", lang]
    if not cache_enabled():
        words.append("--no-cache")
    if theme is not None:
        words += ["--theme", theme]
    if paths:
        # Absolute, so the command means the same files whatever directory it runs in;
        # after "--", so a path starting with "-" is never taken for an option.
        words += ["--", *(str(Path(path).absolute()) for path in paths)]
    return shlex.join(words)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _asked_host(host: str) -> SplitResult | None:
    """A `Host` header as a URL's parts (its name lowercased, out of its brackets), or
    None when it cannot be one (a port that is not a number)."""
    from urllib.parse import urlsplit

    try:
        asked = urlsplit(f"//{host}")
        _port = asked.port  # raises on a malformed port
    except ValueError:
        return None
    return asked


def may_drive(origin: str | None, host: str | None, served_host: str) -> bool:
    """Whether a WebSocket request may start and drive a browser of the reports.

    A web page of any other site open on this machine could connect to the server (a
    WebSocket is not bound by the same-origin rule) and read the reports it is sent; a
    browser always says which page asks (`Origin`), so the page must be the server's own
    (`Origin` names the `Host` asked for). A server on a loopback address also wants a
    loopback name in `Host`, so a site whose name was made to point at this machine (DNS
    rebinding) is refused. A request without `Origin` is not from a web page."""
    from urllib.parse import urlsplit

    asked = _asked_host(host) if host else None
    if not host or asked is None:
        return False
    if is_loopback(served_host) and not is_loopback(asked.hostname or ""):
        return False
    if origin is None:
        return True
    try:
        page = urlsplit(origin)
    except ValueError:
        return False
    return page.scheme in ("http", "https") and page.netloc.lower() == host.lower()


def host_address(text: str) -> str:
    """--host: a name or an address, an IPv6 one bracketed or not (`[::1]` is `::1`).
    A port or a scheme in it (`127.0.0.1:9000`, `http://host`) is a usage error, which
    said "no such host name" once the server tried it."""
    host = text.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if "/" in host or (":" in host and not _is_ipv6(host)):
        raise argparse.ArgumentTypeError(
            _("{host}: an address or a name alone; give the port with --port").format(host=text)
        )
    return host


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def url_of(host: str, port: int) -> str:
    """The address a person opens for a server on `host` and `port`: an IPv6 address in
    brackets (`http://[::1]:8000`), every interface (`--host ""`) as 0.0.0.0."""
    shown = host or "0.0.0.0"
    if ":" in shown:  # an IPv6 address (`host_address`)
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


HOST_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")


def page_base(host: str | None, scheme: str, fallback: str) -> str:
    """Where the page sent to a visitor finds the server (its scripts, its WebSocket): the
    address the visitor asked for (`Host`), as they reach it (a server on 0.0.0.0, a
    forwarded port, an IPv6 address), else `fallback`. A `Host` that is not a plain name or
    address with a port is not written into the page."""
    if not host or not set(host) <= HOST_CHARACTERS or scheme not in ("http", "https"):
        return fallback
    asked = _asked_host(host)
    if asked is None or not asked.hostname or asked.netloc != host:
        return fallback
    return f"{scheme}://{host}"


def bind_reason(error: OSError) -> str:
    """Why the server could not listen, in the interface language: aiohttp's message
    ("error while attempting to bind on address ('127.0.0.1', 8000): address already in
    use") repeated the address and stayed in English."""
    import errno
    import socket

    from govread.atomic import describe_os_error

    if isinstance(error, socket.gaierror):
        return _("no such host name")
    reasons = {
        errno.EADDRINUSE: N_("the port is in use (another server is on it)"),
        errno.EADDRNOTAVAIL: N_("the address is not one of this machine's"),
        errno.EACCES: N_("not allowed (a port below 1024 needs more rights)"),
    }
    reason = reasons.get(error.errno) if error.errno is not None else None
    if reason is not None:
        return _(reason)
    return _(describe_os_error(error))


def banner(url: str) -> str:
    """What `govread serve` says once it listens (on stdout): where, and how to stop."""
    return (
        sanitize(_("Serving govread on {url}").format(url=url)) + "\n" + _("Press Ctrl+C to quit")
    )


def exposure_warning(host: str) -> str:
    """What `govread serve` warns of on an address other machines may reach (its name
    through sanitize)."""
    return _(
        "govread: warning: serving on {host}: anyone who can reach it can read "
        "these reports and write exports as you"
    ).format(host=sanitize(host))


def say_banner(url: str, host: str) -> None:
    """`banner` on standard output, after the warning of an exposed address on stderr; a
    server whose output goes nowhere (`>&-`, a full disk) serves all the same: it stopped,
    saying "cannot serve on …: it is closed"."""
    if not is_loopback(host):
        with contextlib.suppress(OSError):
            print(exposure_warning(host), file=sys.stderr, flush=True)
    with contextlib.suppress(OSError):
        print(banner(url), flush=True)


def _server(command: str, host: str, port: int) -> Server:
    """textual-serve's server, saying `banner` (and warning of an exposed address) only once
    the port is bound: its own says "Serving … Press Ctrl+C" before binding, then a port in
    use or an address of another machine fails after it."""
    import asyncio
    import logging
    import signal

    from aiohttp import web
    from textual_serve.server import Server

    default_url = url_of(host, port)

    class BoundServer(Server):
        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            origin = request.headers.get("Origin")
            if not may_drive(origin, request.headers.get("Host"), self.host):
                print(
                    _(
                        "govread: warning: refused a page of {origin} asking to open the "
                        "browser on {host}: only pages of this server may"
                    ).format(origin=sanitize(origin or "?"), host=sanitize(request.host)),
                    file=sys.stderr,
                    flush=True,
                )
                raise web.HTTPForbidden()
            return await super().handle_websocket(request)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # textual-serve writes `public_url` (from --host) into the page for its scripts
            # and WebSocket: a visitor of a server on 0.0.0.0, or on an IPv6 address, was sent
            # a page that could not reach it. The page is made without yielding to the loop,
            # so the address set here is the one this page is made with.
            self.public_url = page_base(request.headers.get("Host"), request.scheme, default_url)
            response: web.StreamResponse = await super().handle_index(request)
            return response

        async def on_startup(self, app: web.Application) -> None:
            """Not here: aiohttp starts the application before it binds the port."""

        def serve(self, debug: bool = False) -> None:
            # Server.serve, but with aiohttp's "running on" hook, called once every site is
            # bound, printing the banner.
            self.debug = debug
            self.initialize_logging()
            # The request log is on standard output: gone (`>&-`, a full disk), a line
            # lost is not a "--- Logging error ---" traceback on stderr at every request.
            logging.raiseExceptions = False
            loop = asyncio.new_event_loop()
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal.SIGINT, self.request_exit)
                loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                shutdown_timeout=SHUTDOWN_SECONDS,
                loop=loop,
                print=lambda *_args: say_banner(default_url, host),
            )

    server = BoundServer(command, host=host, port=port, public_url=default_url)
    server.title = "govread"
    return server


def _a_folder_of_no_reports(paths: Sequence[str]) -> str | None:
    """The first folder named that holds no file a report could be read from, if any."""
    from govread.parsers.readers import folder_entries

    for path in paths:
        if Path(path).is_dir() and not any(
            reason is None for _found, reason in folder_entries(Path(path))
        ):
            return path
    return None


def run(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # --help, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if not 0 < args.port < 65536:
        print(
            error_line(_("--port {port}: not a port (1-65535)").format(port=int(args.port))),
            file=sys.stderr,
        )
        return EXIT_USAGE
    from govread.cli import unknown_theme

    if args.theme is not None and (problem := unknown_theme(args.theme)):
        print(error_line(problem), file=sys.stderr)
        return EXIT_USAGE
    missing = [path for path in args.paths if not Path(path).exists()]
    if missing:
        print(
            error_line(_("{path}: no such file or folder").format(path=missing[0])),
            file=sys.stderr,
        )
        return EXIT_FAILED
    if (empty := _a_folder_of_no_reports(args.paths)) is not None:
        # refused here, as `govread FOLDER` refuses it: else every page opened said so
        print(error_line(_("{path}: holds no report files").format(path=empty)), file=sys.stderr)
        return EXIT_FAILED
    server = _server(app_command(args.paths, args.theme, language()), args.host, args.port)
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's, ...
        where = url_of(args.host, args.port).removeprefix("http://")
        reason = bind_reason(error)
        print(
            error_line(_("cannot serve on {where}: {reason}").format(where=where, reason=reason)),
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_OK
