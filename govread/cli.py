"""The `govread` command: the TUI by default, and subcommands that share its services.

    govread [PATH ...]                      browse reports (the bundled samples by default);
                                            a PATH ending in .toml is an export whose
                                            marks are restored
    govread outline [PATH ...] [--format]   print each report's outline (text or JSON)
    govread serve [PATH ...] [--port N]     the browser in a web page (textual-serve)

Every command takes ``--no-cache``: parse every file again, without reading or writing the
parsed-report cache (also ``GOVREAD_NO_CACHE=1``), and ``--lang zh|en``: the interface
language (else config.toml's ``language``, else the locale's; `govread.i18n`).

Exit codes: 0 success, 1 nothing to show (no report opened), 2 usage error.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import importlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TextIO, cast

from govread.commands.outline import OUTLINE_SCHEMA as OUTLINE_SCHEMA  # re-exported
from govread.commands.outline import report_header as report_header
from govread.i18n import LANGUAGES, N_, _, _n, resolve_language, set_language
from govread.sanitize import sanitize, sanitize_line, sanitize_path

# Imported where used, so that `--help`, a usage error and a warm `outline --format json`
# import neither the parser nor the loader's process pool.
if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from govread.config import LanguageSetting
    from govread.corpus import LoadResult, Problem
    from govread.parsers.model import Report, Section

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


class TuiOutcome(Protocol):
    """What `tui_exit_status` reads of the closed browser (no Textual import here)."""

    @property
    def return_code(self) -> int | None: ...
    @property
    def problems(self) -> list[Problem]: ...
    @property
    def reports(self) -> Sequence[Report]: ...
    @property
    def loading_done(self) -> bool: ...


# argparse's own words (it asks gettext for them when it prints: headings, "usage: ", the
# reasons of a usage error), message ids put in the interface language by
# `_argparse_gettext`, which `choose_language` makes argparse ask instead. Only what a user can meet is
# here (not a programmer's error, such as a conflicting option); a word argparse words
# differently in another Python version stays in English.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
)
# argparse's counted words (`ngettext`): (singular, plural), the plural the message id.
ARGPARSE_PLURALS = (("expected %s argument", N_("expected %s arguments")),)


def _argparse_gettext(message: str) -> str:
    """argparse's `gettext`: its words through the project's catalogue."""
    return _(message)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return _n(singular, plural, count)


def _argparse_speaks_the_interface_language() -> None:
    """Make argparse ask `govread.i18n` for its words (it looks `_` and `ngettext` up in its
    module each time it prints), so its help and errors are in the language in force."""
    setattr(argparse, "_", _argparse_gettext)  # noqa: B010 (not in argparse's stubs)
    setattr(argparse, "ngettext", _argparse_ngettext)  # noqa: B010


class VersionAction(argparse.Action):
    """``--version``: the installed version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        import govread

        print(sanitize_line(f"govread {govread.__version__}"))  # stdout, as argparse's
        parser.exit(EXIT_OK)


def _in_word(char: str) -> bool:
    """A character of an option or a Latin word (letters, digits, - _ . / =)."""
    return char.isascii() and (char.isalnum() or char in "-_./=")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, its section headings ended as the interface language ends
    them (argparse writes an ASCII colon after the heading: "位置参数:" beside "用法：")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.append(heading)
        super().start_section(heading)

    def _split_lines(self, text: str, width: int) -> list[str]:
        # textwrap breaks at spaces only: a Chinese help text ran on, unbroken, past the
        # terminal's edge. Broken by cells, as Chinese is (govread/linebreak.py).
        from govread.linebreak import break_offsets

        text = " ".join(text.split())
        cuts = [0]
        for cut in break_offsets(text, width):
            # never inside an option or a word of Latin letters (--promises, not -|-promises):
            # the break moves back to where the word starts, unless it fills the whole line
            start = cut
            while start > cuts[-1] and _in_word(text[start - 1]) and _in_word(text[start]):
                start -= 1
            cuts.append(start if start > cuts[-1] else cut)
        cuts.append(len(text))
        return [text[start:end].strip() for start, end in pairwise(cuts) if end > start]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            text = text.replace(f"{heading}:\n", _("{heading}:").format(heading=heading) + "\n")
        return text


# The metavars of arguments that name a file or a folder: an empty one is a usage error.
_NAMED_FILES = frozenset({"PATH", "DIR", "FILE"})


def _named_file(kind: Callable[[str], Any] | None) -> Callable[[str], Any]:
    """An argument's type that refuses an empty name (an unset shell variable, "$DIR"),
    which a path would read as the working folder: `govread index ""` indexed all of it."""

    def named(value: str) -> Any:
        if not value:
            raise argparse.ArgumentTypeError(_("an empty name: give a file or a folder"))
        return kind(value) if kind is not None else value

    named.__name__ = getattr(kind, "__name__", "str")  # argparse names it in its errors
    return named


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser in the interface language (its own words through
    `_argparse_gettext`), whose error messages (they repeat what was typed) are sanitised."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        self._intermixing = False
        super().__init__(*args, **kwargs)
        _common_options(self)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse counts a positional of nargs="*" without a default as required, and names
        # it among "the following arguments are required" when an earlier one is missing:
        # with a default, a usage error names only what is missing and required.
        positional = len(args) == 1 and str(args[0])[:1] not in self.prefix_chars
        if positional and kwargs.get("nargs") == argparse.ZERO_OR_MORE:
            kwargs.setdefault("default", [])
        if kwargs.get("metavar") in _NAMED_FILES and kwargs.get("type") in (None, Path):
            kwargs["type"] = _named_file(kwargs.get("type"))
        return super().add_argument(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Options between positionals, as the usage lines write them (`govread search
        # QUERY --limit 5 DIR`): argparse gave the PATHs up at the first option ("unrecognized
        # arguments: DIR"). `parse_intermixed_args` calls this again with its positionals
        # put aside, so it is asked once, from the outside. Python 3.11's intermixed parsing
        # drops what follows `--` (`govread search -- -信访`): such a line is parsed as before.
        words = list(sys.argv[1:] if args is None else args)
        if self._intermixing or "--" in words:
            return super().parse_known_args(words, namespace)
        self._intermixing = True
        usage = self.usage
        if usage is None:  # argparse would cut its own 7 characters ("usage: ") off 用法：govread
            whole = self.format_usage()
            prefix = _("usage: ")
            self.usage = whole[len(prefix) :] if whole.startswith(prefix) else whole
        try:
            return self.parse_known_intermixed_args(words, namespace)
        finally:
            self._intermixing = False
            self.usage = usage

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops an error writing its help or usage: `--help > /dev/full` said
        # nothing and exited 0. Standard output's error goes up to `main`, said there.
        if message and file is sys.stdout:
            file.write(message)
            return
        super()._print_message(message, file)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE,
            _("{prog}: error: {message}\n").format(prog=self.prog, message=sanitize(message)),
        )


def _common_options(parser: argparse.ArgumentParser) -> None:
    """``--lang`` and ``--no-cache``, which every command accepts (`main` takes them off the
    command line before the command's parser sees it), in every command's ``--help``."""
    common = parser.add_argument_group(_("options of every command"))
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("interface language (default: language in config.toml, else the locale)"),
    )
    common.add_argument(
        "--no-cache",
        action="store_true",
        help=_("parse every file again, without the parsed-report cache (also GOVREAD_NO_CACHE=1)"),
    )


def _paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )


def _tui_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="govread",
        description=_(
            "Browse Chinese local-government rule-of-law reports (法治政府建设情况报告) "
            "as collapsible outlines; filter, compare and export them from the keyboard."
        ),
        epilog=_(
            "Subcommands (each has --help): outline, search, compare, export, cite, serve, "
            "figures, coverage, check, index. "
            "With no PATH, the bundled sample reports open. --no-cache and --lang work with "
            "every subcommand."
        ),
    )
    parser.add_argument(
        "--version",
        action=VersionAction,
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--theme", metavar="NAME", help=_("colour theme for this run (and the next)")
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_(
            "report files or folders (default: the bundled sample reports); "
            "an export (.toml, or any file a govread export wrote) restores its marks on the "
            "reports opened"
        ),
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help=_(
            "open the reports of this store (`govread index`) without parsing them: all of "
            "them, or those under PATH, which are indexed first if they changed"
        ),
    )
    return parser


def _outline_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="govread outline",
        description=_(
            "Print the outline of each report: an indented tree, or JSON for other tools."
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help=_("text: an indented tree; json: a list of reports; jsonl: one report per line"),
    )
    _paths_argument(parser)
    return parser


def error_line(problem: str) -> str:
    """``govread: error: <problem>``, in the interface language, as one safe line."""
    return _("govread: error: {problem}").format(problem=sanitize_line(problem))


def said(line: str) -> None:
    """One safe line on stderr, at once: what a command does before a wait (a store's
    upgrade, say)."""
    print(sanitize_line(line), file=sys.stderr, flush=True)


CHOICES_SHOWN = 10  # the choices a usage error names before "… N more"


def first_few(choices: Sequence[str], limit: int = CHOICES_SHOWN) -> str:
    """At most `limit` of `choices`, comma-separated, then "… N more" for the rest: a message
    naming the choices among thousands of reports stays short."""
    shown = _(", ").join(choices[:limit])
    rest = len(choices) - limit
    if rest <= 0:
        return shown
    return _("{shown}, … {n} more").format(shown=shown, n=rest)


def skipped_line(problem: str) -> str:
    """``govread: skipped: <problem>`` (a file not opened that the user did not name)."""
    return _("govread: skipped: {problem}").format(problem=sanitize_line(problem))


def print_problems(result: LoadResult) -> None:
    """One line on stderr per file not opened: an error if the user named it, else skipped."""
    for problem in result.problems:
        if problem.explicit:
            print(error_line(str(problem)), file=sys.stderr)
        else:
            print(skipped_line(str(problem)), file=sys.stderr)


def _load_or_exit(
    paths: list[str], *, no_cache: bool = False, keep_duplicates: bool = False
) -> LoadResult:
    from functools import partial

    from govread.commands.progress import terminal_progress
    from govread.corpus import load

    progress = terminal_progress()  # many files read the first time take a while
    try:
        result = load(
            paths,
            use_cache=False if no_cache else None,
            keep_duplicates=keep_duplicates,
            progress=None if progress is None else partial(progress, "reading"),
        )
    finally:
        if progress is not None:
            progress.end()
    print_problems(result)
    if not result.reports:
        raise SystemExit(EXIT_NOTHING)
    return result


def run_outline(argv: Sequence[str]) -> int:
    args = _outline_parser().parse_args(argv)
    use_cache = False if args.no_cache else None
    if args.format in ("json", "jsonl"):
        from govread.commands.outline import write_json
        from govread.corpus import LoadResult

        # written as the reports come, from the cache's fragments when they are there
        utf8_stdout()
        result = LoadResult()
        written = write_json(
            args.paths,
            sys.stdout,
            lines=args.format == "jsonl",
            problems=result.problems,
            use_cache=use_cache,
        )
        print_problems(result)
        if not written:
            return EXIT_NOTHING
        return EXIT_OK if not any(p.explicit for p in result.problems) else EXIT_NOTHING
    from govread.identity import DuplicateFinder

    # the copies kept: each is named below, as the JSON's `duplicate_of` names it
    result = _load_or_exit(args.paths, no_cache=args.no_cache, keep_duplicates=True)
    finder = DuplicateFinder()
    originals = [finder.original_of(r) for r in result.reports]
    for index, (report, original) in enumerate(zip(result.reports, originals, strict=True)):
        if index:
            print()
        if original is not None:
            # the same text as a report above: named, not printed twice
            print(
                f"{sanitize_line(report.display_title)}\n"
                + _("  duplicate of {path}").format(path=sanitize_path(original.path or ""))
                + f"\n  {sanitize_path(report.path or '')}"
            )
        else:
            print(_text_outline(report))  # sanitised line by line
    return EXIT_OK if not any(p.explicit for p in result.problems) else EXIT_NOTHING


def _text_outline(report: Report) -> str:
    facts = [
        report.region,
        _("{year}").format(year=report.year) if report.year else None,
        report.genre,
        _("published {date}").format(date=report.published) if report.published else None,
        report.issuer,
    ]
    lines = [report.display_title, "  " + " · ".join(f for f in facts if f)]
    lines.extend(_outline_lines(report.sections))
    lines = [sanitize_line(line) for line in lines]
    lines.insert(2, f"  {sanitize_path(report.path or '')}")
    if replaced := report.meta.get("replaced"):
        # a few bad bytes in the file were read as U+FFFD: said, so no one trusts them
        lines.insert(3, _("  {n} undecodable bytes replaced by �").format(n=replaced))
    return "\n".join(lines)


def _outline_lines(sections: Sequence[Section]) -> Iterator[str]:
    """Headings and items in document order: a part's summing-up items after its children."""
    for section in sections:
        yield "  " * section.level + section.label
        indent = "  " * (section.level + 1) + "· "
        yield from (indent + i.marker + i.heading for i in section.items_before_children())
        yield from _outline_lines(section.children)
        yield from (indent + i.marker + i.heading for i in section.items_after_children())


def unknown_theme(name: str) -> str | None:
    """Why ``--theme NAME`` cannot be used, or None when it can."""
    from govread.config import user_themes_dir
    from govread.themes import all_themes, theme_names  # imports Textual: only for --theme

    names = theme_names(all_themes(user_themes_dir())[0])
    if name in names:
        return None
    return _("unknown theme {name}; choose one of: {choices}").format(
        name=repr(name), choices=", ".join(names)
    )


# textual-serve (`govread serve`) runs the browser with pipes for stdin and stdout, and tells
# Textual to draw through its web driver with this variable.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def _on_web_driver() -> bool:
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def run_tui(argv: Sequence[str]) -> int:
    args = _tui_parser().parse_args(argv)
    if args.theme is not None and (problem := unknown_theme(args.theme)):
        print(error_line(problem), file=sys.stderr)
        return EXIT_USAGE
    if not _on_web_driver() and (not sys.stdin.isatty() or not sys.stdout.isatty()):
        print(
            _("govread: the browser needs a terminal; try `govread outline` for plain output"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    scope: list[str] | None = None
    not_indexed: dict[str, tuple[str, bool]] = {}
    index_failed: list[str] = []  # why the store could not take every report (full …)
    if args.store is not None:
        from govread.export import is_export_path

        named = [p for p in args.paths if not is_export_path(p)]
        # those that exist are brought up to date first, with its progress on the terminal;
        # one that does not is the browser's to list (and say on quit), said once
        present = [p for p in named if os.path.exists(p)]
        if present:
            from govread.commands import index as index_command

            skipped: list[tuple[str, str]] = []
            code = index_command.run([*present, "--store", str(args.store)], skipped, index_failed)
            given = {str(Path(p)) for p in present}
            not_indexed = {
                str(Path(path).resolve()): (reason, path in given) for path, reason in skipped
            }
            if code != EXIT_OK and not args.store.is_file():
                return code
        if named:
            from govread.store import scope_of

            scope = scope_of(named)
    from govread.tui.app import GovreadApp  # Textual is imported only for the TUI

    app = GovreadApp(
        paths=args.paths,
        theme_name=args.theme,
        store=args.store,
        store_scope=scope,
        not_indexed=not_indexed,
        index_failed=index_failed[0] if index_failed else None,
    )
    app.run()  # `--no-cache` was taken off argv by main(), which disables the cache
    return tui_exit_status(app)


def tui_exit_status(app: TuiOutcome) -> int:
    """The browser's exit status, once it has closed: as for every command, 1 when a file
    the user named could not be opened or nothing was opened; those files are repeated on
    stderr (the notifications are gone with the screen)."""
    failed = [problem for problem in app.problems if problem.explicit]
    for problem in failed:
        print(error_line(str(problem)), file=sys.stderr)
    if app.return_code:
        return app.return_code
    if failed or (app.loading_done and not app.reports):
        if not failed:
            print(_("govread: error: no report could be opened"), file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


# name → "module:function"; imported only when used, so `govread` starts fast.
SUBCOMMANDS: dict[str, str] = {
    "outline": "govread.cli:run_outline",
    "search": "govread.commands.search:run",
    "compare": "govread.commands.compare:run",
    "export": "govread.commands.export:run",
    "serve": "govread.commands.serve:run",
    "figures": "govread.commands.tables:run_figures",
    "coverage": "govread.commands.tables:run_coverage",
    "check": "govread.commands.tables:run_check",
    "index": "govread.commands.index:run",
    "cite": "govread.commands.cite:run",
}


def _subcommand(name: str) -> Callable[[Sequence[str]], int]:
    module, function = SUBCOMMANDS[name].split(":")
    command: Callable[[Sequence[str]], int] = getattr(importlib.import_module(module), function)
    return command


def _take_no_cache(argv: list[str]) -> tuple[list[str], bool]:
    """Remove ``--no-cache`` (before any ``--``), which every command accepts."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept = [arg for arg in argv[:end] if arg != "--no-cache"] + argv[end:]
    return kept, len(kept) != len(argv)


def _take_lang(argv: list[str]) -> tuple[list[str], str | None]:
    """Remove ``--lang LANG`` / ``--lang=LANG`` (before any ``--``), which every command
    accepts; the last one given counts. `UsageError` when it names no language."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept: list[str] = []
    chosen: str | None = None
    args = iter(argv[:end])
    for arg in args:
        if arg == "--lang":
            chosen = next(args, "")
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
        else:
            kept.append(arg)
    if chosen is not None and chosen not in LANGUAGES:
        raise UsageError(_("--lang must be one of: {choices}").format(choices=", ".join(LANGUAGES)))
    return kept + argv[end:], chosen


def _say_language_problem(setting: LanguageSetting) -> None:
    problem = setting.problem()
    if problem:
        line = _("govread: warning: {problem}").format(problem=problem)
        print(sanitize_line(line), file=sys.stderr)


def _say_indicators_problem() -> None:
    """One line on stderr when a command read the indicators and the user's indicators.toml
    could not be used (the bundled table alone was): otherwise their figures just go missing."""
    if "govread.indicators" not in sys.modules:  # never asked for: nothing to say
        return
    from govread.indicators import read_file_problem

    problem = read_file_problem()
    if problem:
        line = _("govread: warning: {problem}; the bundled indicators are used instead")
        print(sanitize_line(line.format(problem=problem)), file=sys.stderr)


def _speaks_unicode(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


class _ClosedOutput(io.RawIOBase):
    """Standard output closed before govread started (`govread outline X >&-`): every
    write fails as writing to a closed descriptor does, and `main` says so."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, N_("it is closed"))


def open_closed_streams() -> None:
    """Streams closed before govread started, which Python leaves as None: a closed
    standard error, where a warning would have been printed into standard output (into
    the JSON of `outline --format json 2>&-`), takes the null device; a closed standard
    input reads as empty; a closed standard output fails its writes (`_ClosedOutput`)."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the run)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (for the run)
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)


class _Diagnostics:
    """Standard error whose reader has gone (`2> >(head -1)`, a closed pipe, a full disk):
    what govread says there is lost, but the command goes on. A warning that could not be
    written stopped `search --format json` before its results, exit 0, nothing written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError:
            return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def diagnostics_never_stop_the_command() -> None:
    """Standard error as `_Diagnostics`."""
    if sys.stderr is not None and not isinstance(sys.stderr, _Diagnostics):
        sys.stderr = cast(TextIO, _Diagnostics(sys.stderr))


def tolerant_output() -> None:
    """Standard output and error in a locale whose encoding has no Chinese (`LC_ALL=C`
    without Python's UTF-8 mode, `PYTHONIOENCODING=ascii`, a Latin-1 terminal) or lacks a
    sign govread draws (✓ in GBK): what cannot be encoded is written as an escape (`\u54b8`),
    not a `UnicodeEncodeError` half-way through."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _speaks_unicode(stream):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def utf8_stdout() -> None:
    """Standard output as UTF-8, whatever the locale says: JSON is data, written as into a
    file (as CSV, JSON Lines and the exports are), not in the terminal's encoding."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and not _speaks_unicode(stream):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def argument_text(value: str) -> str:
    """A word typed on the command line (a query, a place, an indicator), read as UTF-8
    when the locale could not decode it: under `LC_ALL=C` without Python's UTF-8 mode,
    法治 arrived as the escapes of its bytes and found nothing. Not for paths, which open as
    the file system's encoding gave them."""
    if not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except UnicodeError:
        return value


class UsageError(Exception):
    """A command line that cannot be run; ``str()`` says why, on one line."""


def choose_language(flag: str | None, setting: LanguageSetting | None = None) -> None:
    """Put the interface language in force: `flag`, else config.toml's (`setting`, read
    here when not given), else the locale's."""
    if flag is None and setting is None:
        from govread.config import language_setting

        setting = language_setting()
    configured = setting.language if setting is not None else None
    set_language(resolve_language(flag, configured, os.environ))
    _argparse_speaks_the_interface_language()


class _Termination:
    """SIGTERM (`kill`, `timeout`, a service manager) ends a command as Ctrl+C does: a file
    being written is not left as a temporary file beside it, `govread index` says what was
    done; the status is 143. Without it the process died on the spot."""

    def __init__(self) -> None:
        self.received = False
        self.before: Any = None

    def handle(self, _signum: int, _frame: object) -> None:
        self.received = True
        raise KeyboardInterrupt

    def __enter__(self) -> _Termination:
        with contextlib.suppress(ValueError, AttributeError):  # not the main thread
            self.before = signal.signal(signal.SIGTERM, self.handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.before is not None:
            with contextlib.suppress(ValueError, AttributeError):
                signal.signal(signal.SIGTERM, self.before)


def main(argv: Sequence[str] | None = None) -> int:
    with _Termination() as termination:
        try:
            return _main(argv)
        except KeyboardInterrupt:  # Ctrl+C, or SIGTERM (`_Termination`)
            return 143 if termination.received else 130


def _main(argv: Sequence[str] | None) -> int:
    open_closed_streams()
    tolerant_output()
    diagnostics_never_stop_the_command()
    argv, no_cache = _take_no_cache(list(sys.argv[1:] if argv is None else argv))
    try:
        argv, lang = _take_lang(argv)
    except UsageError as error:
        print(
            error_line(str(error)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    # config.toml is read once: for its language and, on the command line, its problem
    setting = None
    if lang is None:
        from govread.config import language_setting

        setting = language_setting()
    choose_language(lang, setting)
    if setting is not None and argv and argv[0] in SUBCOMMANDS:  # the browser says it itself
        _say_language_problem(setting)
    if no_cache:
        from govread.loading import cache_disabled
    try:
        with cache_disabled() if no_cache else contextlib.nullcontext():
            if argv and argv[0] in SUBCOMMANDS:
                code = _subcommand(argv[0])(argv[1:])
                _say_indicators_problem()
            else:
                code = run_tui(argv)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            return code
    except KeyboardInterrupt:
        raise  # main() says which: Ctrl+C (130) or SIGTERM (143)
    except BrokenPipeError:
        _drop_stdout()
        return EXIT_OK
    except OSError as error:
        if not _stdout_failed(error):
            raise
        return _stdout_error(error)
    except SystemExit:  # argparse's --help / --version / usage errors print first
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _drop_stdout()
        except OSError as error:
            return _stdout_error(error)
        raise


def _stdout_error(error: OSError) -> int:
    """One line on stderr for output that could not be written; exit status 1."""
    from govread.atomic import describe_os_error

    _drop_stdout()
    reason = _(describe_os_error(error))  # a message id, or the system's own words
    print(
        error_line(_("cannot write to standard output: {reason}").format(reason=reason)),
        file=sys.stderr,
    )
    return EXIT_NOTHING


def _stdout_failed(error: OSError) -> bool:
    """Whether an OSError that reached main() came from writing standard output (the
    commands handle their files' errors themselves): stdout still cannot be flushed."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return True
    if isinstance(getattr(sys.stdout, "buffer", None), _ClosedOutput):
        return True
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


def _drop_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of what
    could not be written does not print a second error at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
