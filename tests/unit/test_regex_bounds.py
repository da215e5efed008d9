"""Every regular expression of govread runs in bounded time on hostile text.

The test finds the patterns itself: it imports every module of the govread package (the
parsers, the TUI, the services) and collects each compiled `re.Pattern` held at module
level or in a class (also inside tuples, lists and dicts there), so a pattern added later by
anyone is fuzzed too. Each pattern is run (`finditer` over the whole string, and
`fullmatch`) against strings built to make a backtracking engine stumble:
long runs of one character (spaces, digits, CJK, punctuation, `<!--` …), runs of the
characters the pattern itself names, and the pattern's own literal pieces followed by such
runs, each ending in a character that makes the match fail late. Every call must end
within `LIMIT` seconds on 10,000 characters; a timer interrupts a call that would run for
ever (the regex engine checks for signals), so a hang fails the test instead of stalling
the suite.

Each string is tried at a quarter of that length first (`PROBE`), and again at full length
only when the probe took more than `LIMIT / 64`: a call whose time grows at most with the
cube of the length between the two (a quadratic backtrack grows with the square) and that
would take more than `LIMIT` at full length takes more than `LIMIT / 64` at a quarter, and
one that grows faster than the cube takes seconds at a quarter already. Most calls scan
the text once, so the probe cuts the file's time by about three, no pattern let through.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

# re's own parser tells a pattern's literal pieces (`sre_parse` became `re._parser` in 3.11).
from re import _constants as sre_constants
from re import _parser as sre_parse
from types import ModuleType

import pytest

LENGTH = 10_000
PROBE = LENGTH // 4  # each string is tried at this length first (see above)
LIMIT = 0.5  # CPU seconds per call; the slowest pattern here takes a few milliseconds
PROBE_SHARE = 64  # a probe slower than LIMIT / PROBE_SHARE is run again at full length
HARD_STOP = 2.0  # CPU seconds: past this a call is interrupted and counted as a hang

ROOTS = (
    "govread",
    "govread.parsers",
    "govread.tui",
    "govread.themes",
)
# Patterns whose rewrite is in hand elsewhere: name -> why. Keep this empty when you can.
KNOWN_SLOW: dict[str, str] = {}

# Runs that make backtracking engines stumble whatever the pattern.
GENERIC_RUNS = (
    " ",
    "\t",
    "\n",
    "\u3000",
    "0",
    "9.",
    "a",
    "一",
    "中",
    "法治",
    "达到",
    "1、",
    "。",
    "、",
    ",",
    "-",
    "—",
    "_",
    "|",
    ".",
    "(",
    "（一）",
    "一、",
    "1.",
    "<!--",
    "<!---->",
    "<div>",
    "<a ",
    "=",
    '"',
    "%",
    "[",
    "\\",
)
ENDINGS = ("\x00", "!", "x")
MAX_OWN_CHARS = 24
MAX_PIECES = 12


def _modules() -> Iterator[ModuleType]:
    # Seen by file, not by name: govread imported from a source checkout (`python -m pytest`
    # puts the checkout first on sys.path) also looks for its subpackages in the checkout,
    # where it finds itself, so govread.govread.govread… would be walked without end.
    seen: set[str] = set()
    pending = list(ROOTS)
    while pending:
        name = pending.pop()
        module = importlib.import_module(name)
        where = str(Path(module.__file__ or name).resolve())
        if where in seen:
            continue
        seen.add(where)
        yield module
        for info in pkgutil.iter_modules(getattr(module, "__path__", []), f"{name}."):
            pending.append(info.name)


def _collect(
    owner: str, value: object, found: dict[str, re.Pattern[str] | re.Pattern[bytes]]
) -> None:
    def visit(name: str, item: object, depth: int) -> None:
        if isinstance(item, re.Pattern):
            found.setdefault(name, item)
        elif depth < 3 and isinstance(item, (tuple, list, set, frozenset)):
            for index, element in enumerate(item):
                visit(f"{name}[{index}]", element, depth + 1)
        elif depth < 3 and isinstance(item, dict):
            for key, element in item.items():
                visit(f"{name}[{key!r}]", element, depth + 1)

    visit(owner, value, 0)


def _patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, member in vars(value).items():
                    _collect(f"{module.__name__}.{name}.{attribute}", member, found)
            else:
                _collect(f"{module.__name__}.{name}", value, found)
    return found


PATTERNS = _patterns()


def _pieces(pattern: re.Pattern[str] | re.Pattern[bytes]) -> tuple[list[str], list[str]]:
    """The pattern's own characters (literals, set members, range ends) and its literal
    runs (consecutive literal characters, e.g. "<!--" or "字体")."""
    source = pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    flags = pattern.flags & ~re.UNICODE if isinstance(source, bytes) else pattern.flags
    chars: list[str] = []
    runs: list[str] = []

    def walk(tree: object) -> None:
        run = ""
        for op, argument in tree:  # type: ignore[attr-defined]
            if op is sre_constants.LITERAL:
                chars.append(chr(argument))
                run += chr(argument)
                continue
            if op is sre_constants.IN:
                members = [v for o, v in argument if o is sre_constants.LITERAL]
                chars.extend(chr(v) for v in members)
                for inner, value in argument:
                    if inner is sre_constants.RANGE:
                        chars.extend((chr(value[0]), chr(value[1])))
                if members:  # a one-of set continues the run with its first member
                    run += chr(members[0])
                    continue
            if run:
                runs.append(run)
                run = ""
            for part in argument if isinstance(argument, (tuple, list)) else (argument,):
                if isinstance(part, sre_parse.SubPattern):
                    walk(part)
                elif isinstance(part, (tuple, list)):
                    for sub in part:
                        if isinstance(sub, sre_parse.SubPattern):
                            walk(sub)
        if run:
            runs.append(run)

    walk(sre_parse.parse(text, flags))
    own = list(dict.fromkeys(chars))[:MAX_OWN_CHARS]
    pieces = sorted(dict.fromkeys(runs), key=len)[:MAX_PIECES]
    return own, pieces


def _hostile_strings(
    pattern: re.Pattern[str] | re.Pattern[bytes], length: int = LENGTH
) -> Iterator[str]:
    own, pieces = _pieces(pattern)
    runs = list(dict.fromkeys((*GENERIC_RUNS, *own)))
    for unit in runs:
        body = (unit * (length // len(unit) + 1))[:length]
        for ending in ENDINGS:
            yield body[: length - 1] + ending
    # each literal piece of the pattern, then a long run of what may follow it
    fillers = (" ", "\u3000", "0", "一", "-", *own[:8])
    for piece in pieces:
        for unit in fillers:
            yield (piece + unit * length)[: length - 1] + "\x00"
    # all of the pattern's own characters and pieces, over and over
    if own:
        yield ("".join(own) * length)[:length]
    if pieces:
        yield ("".join(pieces) * length)[:length]
        yield (" ".join(pieces) * length)[:length]


class _Hang(Exception):
    pass


def _interrupt(signum: int, frame: object) -> None:
    raise _Hang


@contextlib.contextmanager
def _interrupts() -> Iterator[None]:
    """`_timed`'s hard stop raises `_Hang` while inside (one handler for all the calls)."""
    previous = signal.signal(signal.SIGVTALRM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGVTALRM, previous)


def _timed(call: object, *args: object, hard_stop: float = HARD_STOP) -> float:
    """CPU seconds `call(*args)` took (consuming an iterator it returns); inf when interrupted.
    Call inside `_interrupts()`.

    CPU time of this thread, not wall time: backtracking costs CPU, while a worker that the
    loaded machine leaves waiting does not (wall time made the test fail under load).
    """
    # the hard stop counts this process's CPU time too (ITIMER_VIRTUAL), for the same reason
    signal.setitimer(signal.ITIMER_VIRTUAL, hard_stop)
    start = time.thread_time()
    try:
        result = call(*args)  # type: ignore[operator]
        if hasattr(result, "__next__"):
            for _ in result:
                pass
        return time.thread_time() - start
    except _Hang:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)


def _subject(pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> str | bytes:
    if isinstance(pattern.pattern, bytes):
        return text.encode("utf-8")[: len(text)]
    return text


def _slow_calls(
    pattern: re.Pattern[str] | re.Pattern[bytes], limit: float = LIMIT
) -> Iterator[str]:
    """Each hostile string on which a call took more than `limit` at full length; tried at
    `PROBE` characters first, and at full length only if the probe took over
    `limit / PROBE_SHARE`."""
    probes = _hostile_strings(pattern, PROBE)
    with _interrupts():
        for probe, text in zip(probes, _hostile_strings(pattern, LENGTH), strict=True):
            for call in (pattern.finditer, pattern.fullmatch):
                if _timed(call, _subject(pattern, probe)) <= limit / PROBE_SHARE:
                    continue
                took = _timed(call, _subject(pattern, text))
                if took > limit:
                    yield f"{call.__name__} {took:.2f}s on {text[:24]!r}…"
                    break


def test_the_patterns_of_every_module_are_found() -> None:
    # the known ones of the readers and the outline parser, and many more
    assert "govread.parsers.readers._DECLARED_CHARSET" in PATTERNS
    assert any(name.startswith("govread.parsers.outline._FORMS") for name in PATTERNS)
    assert any(name.startswith("govread.tui.") for name in PATTERNS) or len(PATTERNS) > 40
    assert len(PATTERNS) > 40


def test_the_generator_builds_the_known_hostile_inputs() -> None:
    comment_start = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<html")
    strings = list(_hostile_strings(comment_start))
    assert any(s.startswith("<!----><!---->") for s in strings)
    assert all(len(s) <= LENGTH for s in strings)


def test_the_timer_catches_a_catastrophic_pattern() -> None:
    # the classic nested repeat: the test would hang here without the timer
    nested = re.compile(r"^(a+)+$")
    hostile = next(s for s in _hostile_strings(nested) if s.startswith("aaaa"))
    with _interrupts():
        took = _timed(nested.fullmatch, hostile[:32] + hostile[-1], hard_stop=LIMIT + 0.1)
    assert took > LIMIT


def test_a_quadratic_pattern_is_run_again_at_full_length() -> None:
    # `\s*x` over spaces tries every start: its probe is slow enough to be run again at
    # full length, where it takes 16 times as long (a limit scaled down to catch it here)
    quadratic = re.compile(r"\s*x")
    with _interrupts():
        probe = min(_timed(quadratic.finditer, " " * PROBE) for _ in range(3))
    assert probe > 0
    assert next(_slow_calls(quadratic, limit=probe * 4), None)
    assert not list(_slow_calls(re.compile("x"), limit=probe * 4))


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_bounded_time(name: str) -> None:
    pattern = PATTERNS[name]
    slow: list[str] = []
    for found in _slow_calls(pattern):
        if name in KNOWN_SLOW:
            pytest.xfail(KNOWN_SLOW[name])
        slow.append(found)
        if len(slow) >= 3:
            break
    assert not slow, f"{name} = {pattern.pattern!r} backtracks: " + "; ".join(slow)


def test_the_snapshot_of_plain_characters_fold_compiles_is_fuzzed_too() -> None:
    """`search.fold` compiles its pattern at run time (a class of every character it has
    learned folds to itself), so the module-level one found above is only its first: one
    compiled from thousands of characters runs in bounded time too."""
    from govread import search

    search.fold("".join(map(chr, range(0x4E00, 0x4E00 + 3000))) + "法治ABC，（1）")
    search._compile_unusual()  # (fold compiles it anew only every `_UNUSUAL_LAG` characters)
    pattern, size = search._unusual
    assert size >= 2000  # (the traditional characters among them fold to simplified ones)
    assert not list(_slow_calls(pattern))


def test_the_lexicon_keyword_trie_is_fuzzed_too() -> None:
    """The theme lexicon's pattern is built when the lexicon loads (`topics._keyword_pattern`:
    a look-ahead and a trie of the keywords), so no module holds it: fuzzed here."""
    from govread.topics import load_lexicon

    pattern = load_lexicon()._pattern
    assert pattern is not None
    assert not list(_slow_calls(pattern))


# Terminal escape sequences in report text (`normalize` drops them whole): the strings that
# would make a CSI or OSC pattern with an unbounded or overlapping repeat backtrack.
ESCAPE_HOSTILE = (
    "\x1b[" * 5000,
    "\x1b]" + "a" * 10_000,
    "\x1b[1;" * 3000,
    "\x1b]" * 5000,
    ("\x1b]" + "a" * 255) * 40,
    "\x1b[" + "0" * 10_000,
    "\x1b[" + ";" * 9_000 + " " * 1_000,
    ("\x1b[" + "1" * 64 + " " * 8) * 130,
    "\x9b" * 10_000,
    ("\x9d" + "法" * 300) * 33,
    "\x1b" * 10_000,
    "\x1b(" * 5000,
)


def test_the_escape_sequence_pattern_is_fuzzed_too() -> None:
    assert "govread.parsers.normalize._ESCAPE_SEQUENCES" in PATTERNS


@pytest.mark.parametrize("index", range(len(ESCAPE_HOSTILE)))
def test_escape_sequences_run_in_bounded_time_on_hostile_escapes(index: int) -> None:
    from govread.parsers.normalize import _ESCAPE_SEQUENCES, normalize

    text = ESCAPE_HOSTILE[index][:LENGTH]
    with _interrupts():
        for name, call in (("sub", _ESCAPE_SEQUENCES.sub), ("normalize", normalize)):
            took = _timed(call, "", text) if name == "sub" else _timed(call, text)
            # a few milliseconds here: well under the whole-pattern limit of the test above
            assert took < LIMIT / PROBE_SHARE, f"{name} took {took:.3f}s on {text[:12]!r}…"
