"""Chinese word segmentation: jieba with the genre's user dictionary, quiet and cached.

jieba splits domain terms a generic dictionary does not know (法治政府 → 法治 | 政府), so the
terms in ``govread/data/userdict.txt`` are added with a frequency high enough to keep them
whole. Loading the dictionary costs a second or two: `ensure_loaded` does it explicitly (the
TUI calls it from a worker after first paint) and nothing here loads it on import. jieba's
own logging never reaches the screen, its prefix-dictionary cache lives in the user cache
directory, and the segmentation of each report is cached on disk (`cached_tokens`) keyed by
the report's hash, the parser version and the dictionary hash, so a second start does not
segment again. Many reports missing from that cache are segmented in a process pool on
every core (`ParallelTokens`, used by `SearchIndex.segment_reports`). With the cache off
(``--no-cache``, ``GOVREAD_NO_CACHE``: `cache_on`), neither cache is read or written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
import sys
import tempfile
import threading
import unicodedata
import warnings
import weakref
from collections.abc import Callable, Generator, Mapping
from functools import cache, partial
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import platformdirs

from govread import statefile
from govread.atomic import WriteError, atomic_write_text
from govread.parsers import PARSER_VERSION

# Bump when what is cached per report changes shape or meaning (units, folding, token filter).
SEGMENT_FORMAT = "2"  # 2: characters only traditional script writes fold to simplified

# Function words dropped from a query's words: requiring 的 or 和 in a section finds nothing
# a reader wants. Content words, however short, are kept.
STOPWORDS = frozenset("的了和与及或等之其在对把被是为以将并也而就都又要从")

_lock = threading.RLock()
_tokenizer: Any = None  # jieba.Tokenizer once loaded
_engine: Any = None  # its module (jieba or jieba_fast)


def cache_root() -> Path:
    """govread's folder in the user cache directory (``$XDG_CACHE_HOME/govread`` on Linux)."""
    return Path(platformdirs.user_cache_dir("govread", appauthor=False))


def segments_dir() -> Path:
    return cache_root() / "segments"


def cache_on() -> bool:
    """Whether the caches under `cache_root` may be read and written: not with ``--no-cache``
    or ``GOVREAD_NO_CACHE`` (`govread.loading.cache_enabled`)."""
    from govread.loading import cache_enabled

    return cache_enabled()


@cache
def _userdict_bytes() -> bytes:
    return resources.files("govread").joinpath("data", "userdict.txt").read_bytes()


@cache
def user_dictionary() -> tuple[tuple[str, int, str | None], ...]:
    """The shipped user dictionary as (word, freq, tag) entries, in file order."""
    entries = []
    for raw in _userdict_bytes().decode("utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        tag = parts[2] if len(parts) > 2 else None
        entries.append((word, freq, tag))
    return tuple(entries)


def user_terms() -> tuple[str, ...]:
    """The words of the user dictionary (no jieba needed)."""
    return tuple(word for word, _, _ in user_dictionary())


@cache
def dictionary_hash() -> str:
    """Identifies the segmentation: user dictionary, jieba version and this module's format."""
    digest = hashlib.sha256(_userdict_bytes())
    digest.update(f"|jieba={_jieba_version()}|format={SEGMENT_FORMAT}".encode())
    return digest.hexdigest()


def _jieba_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:  # pragma: no cover - jieba is a dependency
        return "unknown"


def _import_jieba() -> Any:
    # jieba logs every dictionary load to stderr at DEBUG and may import the deprecated
    # pkg_resources; neither belongs on a user's screen.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        jieba = _engine_module()
    # Its logger writes to stderr through a handler of its own, even for a failed cache dump
    # (which only costs the next start a second): silence it entirely, as a library should.
    for name in ("jieba", "jieba_fast"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if not isinstance(handler, logging.NullHandler):
                logger.removeHandler(handler)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
    # Its modules keep their handlers (`log_console`), each holding the sys.stderr of the
    # moment jieba was imported: inside the browser, the app's print capture, and through
    # it the whole app, alive after it has quit. Nothing writes to them now; let them go.
    for module_name, module in list(sys.modules.items()):
        console = getattr(module, "log_console", None) if module_name.startswith("jieba") else None
        if isinstance(console, logging.StreamHandler) and console.stream is not sys.__stderr__:
            console.stream = sys.__stderr__ or io.StringIO()  # (setStream would flush the old)
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _engine_module() -> Any:
    """jieba_fast (the optional extra ``govread[fast]``: jieba's algorithm in C, the same
    tokens, twice as fast) when it is installed and not turned off with
    ``GOVREAD_SEGMENTER=jieba``; jieba otherwise."""
    if os.environ.get("GOVREAD_SEGMENTER", "").strip().lower() != "jieba":
        with contextlib.suppress(ImportError):
            import jieba_fast

            return jieba_fast
    import jieba

    return jieba


def engine_name() -> str:
    """The segmenter in use (``jieba`` or ``jieba_fast``); loads nothing but the module."""
    return str(_engine_module().__name__)


def is_loaded() -> bool:
    """True once the dictionary is in memory and segmentation is instant."""
    return _tokenizer is not None


def ensure_loaded() -> None:
    """Load jieba's dictionary and the user dictionary (1–2 s the first time; idempotent).

    Thread-safe: the TUI calls this from a worker while the UI keeps filtering by substring.
    """
    global _tokenizer, _engine
    if _tokenizer is not None:
        return
    with _lock:
        if _tokenizer is not None:
            return
        jieba = _import_jieba()
        tokenizer = jieba.Tokenizer()
        if cache_on():
            # jieba writes its prefix-dictionary cache to /tmp unless told otherwise.
            # jieba_fast ships jieba's dictionary and writes the same cache: one folder for both
            jieba_cache = cache_root() / "jieba"
            with contextlib.suppress(OSError):
                jieba_cache.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(jieba_cache)
            tokenizer.initialize()
        else:
            # The cache off: the prefix dictionary built afresh, as on a first start, in a
            # folder of its own where jieba finds no cache and dumps one, removed at once
            with tempfile.TemporaryDirectory(prefix="govread-jieba-") as scratch:
                tokenizer.tmp_dir = scratch
                tokenizer.initialize()
        for word, freq, tag in user_dictionary():
            # At least the frequency that makes jieba keep the word whole.
            tokenizer.add_word(word, max(freq, tokenizer.suggest_freq(word, False)), tag)
        _engine = jieba
        _tokenizer = tokenizer


def _loaded() -> Any:
    ensure_loaded()
    return _tokenizer


# jieba's routes in compiled code: rjieba (jieba-rs, in Rust; the optional extra
# ``govread[fast]``) holding jieba's dictionary as loaded here, word for word with the same
# frequencies and the same total, cuts a block without HMM exactly as jieba does (the same
# route: every dictionary word starting at a character, the last of two equally likely
# routes), faster than jieba_fast (a cold index's CPU a report: benchmarks/RESULTS.md).
# `Cutter` takes the search's walk with HMM from that cut (`Cutter._hmm_from_plain`), never jieba-rs's own HMM,
# which treats letters and digits in a run differently. Built by `load_compiled_routes`
# (≈ 0.2 s and ≈ 40 MB, shared by forked workers), by whatever segments many reports.
_compiled: Any = None  # rjieba's cut(block, hmm) once built; False: not to be had
# Carries the part of jieba's total that no distinct word holds (a word listed twice, or
# given again by the user dictionary, is counted twice by jieba): never inside a block.
_TOTAL_ONLY = "\x00"
# Cut by both when the compiled routes are built: they must agree (a dictionary or engine
# that changed under govread leaves jieba alone at work).
_PROBE = "2024年全市法治政府建设扎实推进，行政复议案件办理质效提升，A级信用主体3家、5G基站12个。"


def load_compiled_routes() -> bool:
    """Build the compiled routes (once; jieba's dictionary loaded first) when rjieba is
    installed and jieba is not asked for alone (``GOVREAD_SEGMENTER=jieba``); whether
    `Cutter` now uses them. Worth it for many reports (≈ 0.2 s, ≈ 3 ms saved a report)."""
    global _compiled
    if _compiled is None:
        with _lock:
            if _compiled is None:
                ensure_loaded()
                _compiled = _build_compiled(_tokenizer) or False
    return _compiled is not False


def _build_compiled(tokenizer: Any) -> Any:
    if os.environ.get("GOVREAD_SEGMENTER", "").strip().lower() == "jieba":
        return None
    try:
        import rjieba

        empty: Callable[[], Any] = rjieba.Jieba.empty  # a dictionary of govread's own
        engine = empty()
        add = engine.add_word
        listed = 0
        for word, freq in tokenizer.FREQ.items():
            if freq:  # a prefix of words only, which jieba's routes never take
                add(word, freq, None)
                listed += freq
        if tokenizer.total < listed:
            return None
        if tokenizer.total > listed:
            add(_TOTAL_ONLY, tokenizer.total - listed, None)
        cut = engine.cut
        blocks = [b for b in _BLOCK.split(_PROBE) if _BLOCK.match(b)]
        if [cut(b, False) for b in blocks] != [list(tokenizer.cut(b, HMM=False)) for b in blocks]:
            return None
    except (ImportError, AttributeError, TypeError, ValueError, OverflowError):
        return None  # missing, or not the rjieba this was written for: jieba alone
    return cut


def _is_wordlike(token: str) -> bool:
    """A token holding at least one letter or digit (not whitespace or punctuation)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


@cache
def _wordlike_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def cut(text: str) -> list[str]:
    """Precise-mode segmentation, every piece kept (loads the dictionary if needed)."""
    return list(_loaded().cut(text, HMM=True))


def cut_known(text: str, cutter: Cutter | None = None) -> list[str]:
    """Segmentation into dictionary words only (no HMM guesses such as 上作 or 年区), word
    pieces only (no punctuation or spaces); loads the dictionary if needed. A report's
    `cutter` shares the blocks it has already cut."""
    return (cutter or Cutter()).known(text)


def tokens(text: str) -> list[str]:
    """Index tokens: each word of the precise segmentation plus every dictionary word inside it.

    jieba's own search mode only looks at 2- and 3-character parts, so 法治政府建设 would not
    yield 法治政府; here every known part of two characters or more is yielded before the word.
    """
    return report_tokens({"": text})[""]


# jieba cuts a text block by block (runs of Han characters, letters, digits and a few signs),
# each independently of the others: the same block always gives the same words. A report's
# items are also inside their section's text, and its headings inside its paragraphs, and
# the comparison's units (`govread.compare`) are cut from the same text again, without HMM:
# a `Cutter` segments each distinct block of a report once and gives both cuts from it.
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")  # jieba's re_han_default
# The signs a block may hold besides letters and digits: a word of a block is word-like
# (`_is_wordlike`) exactly when something is left of it without them.
_BLOCK_SIGNS = "+#&._%-"
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_EXPANSIONS_MAX = 500_000  # distinct words remembered (a few tens of MB at most)


class _Expansions(dict[str, tuple[str, ...]]):
    """word -> its index tokens (the dictionary parts, then the word; nothing for
    punctuation), each word's found once: looked up with `map`, at C speed."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= _EXPANSIONS_MAX:
            self.clear()
        found = self[word] = _expand(word, _loaded().FREQ)
        return found


_expansions = _Expansions()


class _Guesses(dict[str, tuple[str, ...]]):
    """A run of single characters not in the dictionary -> the words jieba's HMM guesses in
    it (``finalseg.cut``, a pure function of the run), each run's found once: such runs are
    short (年全, 市各) and recur from one report to the next, as words do. One per engine."""

    def __init__(self, guess: Callable[[str], Any]) -> None:
        super().__init__()
        self.guess = guess

    def __missing__(self, run: str) -> tuple[str, ...]:
        if len(self) >= _EXPANSIONS_MAX:
            self.clear()
        found = self[run] = tuple(self.guess(run))
        return found


_guesses: dict[int, _Guesses] = {}  # id of the engine's finalseg.cut -> its guesses

# What lies between two blocks of the engine's split (",", "。\n", "》《") -> its word-like
# words (`Cutter.known` of it, which reads only the engine's `re_skip` there): few distinct
# pieces in all (≈ 70 in 120 reports), each's found once for every report, not once a
# report. One dictionary per `re_skip` pattern.
_between: dict[re.Pattern[str], dict[str, list[str]]] = {}


class Cutter:
    """jieba's segmentation of one report's texts, each distinct block computed once.

    jieba finds a block's words in two steps: the route (the most probable path through the
    dictionary words the block holds, its costly part: `get_DAG` and `calc`, in C with
    jieba_fast), then a walk along it that either guesses words in runs of single characters
    with its HMM (`cut(text, HMM=True)`, the search tokens) or keeps them as they are
    (`HMM=False`, the comparison's dictionary words). The walks below are jieba's own
    (`Tokenizer.__cut_DAG`, `__cut_DAG_NO_HMM`, `cut`), so `cut(text, hmm)` is exactly
    ``Tokenizer.cut(text, HMM=hmm)``; what changes is that a block's route is found once
    for both cuts and every text of the report, and that a block whose route holds no two
    single characters side by side is walked once for both (the two walks differ only in
    such runs). The search's index tokens of a block's words (`tokens`) are kept per block
    too, and the words the comparison's terms are made of (`known_terms`), so a text already
    cut is only looked up. Keep one per report (it remembers every distinct block it has cut);
    loads the dictionary if needed.
    """

    def __init__(self) -> None:
        tokenizer = _loaded()
        engine = _engine
        self._freq: dict[str, int] = tokenizer.FREQ
        self._han: re.Pattern[str] = engine.re_han_default
        self._skip: re.Pattern[str] = engine.re_skip_default
        hmm_cut: Callable[[str], Any] = engine.finalseg.cut
        guesses = _guesses.get(id(hmm_cut))
        if guesses is None or guesses.guess is not hmm_cut:
            guesses = _guesses[id(hmm_cut)] = _Guesses(hmm_cut)
        self._guesses = guesses
        fast = getattr(engine, "_jieba_fast_functions", None)
        # (a bound method kept on the instance would make it a cycle, which only the garbage
        # collector frees: a report's cutter and every word list it holds, ≈ 2,500 objects)
        self._dag_and_calc: Callable[..., Any] | None = None
        if fast is not None:
            self._dag_and_calc = fast._get_DAG_and_calc
            self._total = float(tokenizer.total)
        self._tokenizer = tokenizer
        self._compiled: Callable[[str, bool], list[str]] | None = _compiled or None
        # jieba's blocks are `_BLOCK`'s (jieba_fast's lack "-"): a `_BLOCK` block is cut whole
        # (with jieba_fast, one without "-")
        self._same_blocks = self._han.pattern == _BLOCK.pattern
        self._same_but_dash = self._han.pattern == _BLOCK.pattern.replace("\\-", "")
        self._routes: dict[str, list[int]] = {}
        self._hmm: dict[str, list[str]] = {}
        self._plain: dict[str, list[str]] = {}
        self._known: dict[str, list[str]] = {}
        self._between = _between.setdefault(self._skip, {})
        self._tokens = _PieceTokens(weakref.proxy(self))  # no cycle (see above)
        self._words = _PieceWords(weakref.proxy(self))  # no cycle (see above)

    def _route(self, block: str) -> list[int]:
        if self._dag_and_calc is not None:  # jieba_fast's, in C
            ends: list[int] = []
            self._dag_and_calc(self._freq, block, ends, self._total)
            return ends
        route: dict[int, tuple[float, int]] = {}
        self._tokenizer.calc(block, self._tokenizer.get_DAG(block), route)
        return [route[x][1] for x in range(len(block))]

    def _walk(self, block: str, hmm: bool) -> list[str]:
        """The block's words along its route, every piece: jieba's walk with HMM (a run of
        single characters not in the dictionary is guessed at) or without (a run of single
        ASCII letters and digits is one word). Where the route has no two single characters
        side by side, both walks give its words as they are: walked with HMM, such a block
        is remembered for both."""
        memo = self._hmm if hmm else self._plain
        words = memo.get(block)
        if words is not None:
            return words
        if self._compiled is not None and "-" not in block:  # jieba-rs's blocks lack "-"
            plain = self._plain.get(block)
            if plain is None:
                plain = self._plain[block] = self._compiled(block, False)
            if not hmm:
                return plain
            found = self._hmm_from_plain(plain)
            if found is not None:
                memo[block] = found
                return found
        ends = self._routes.pop(block, None) or self._route(block)
        words = []
        append = words.append
        buf = ""
        runs = False  # two single characters or more side by side
        x, size = 0, len(block)
        while x < size:
            y = ends[x] + 1
            if y - x == 1 and (hmm or block[x] in _ASCII_ALNUM):  # without HMM: jieba's re_eng
                buf += block[x]
            else:
                if buf:
                    if len(buf) == 1:
                        append(buf)
                    else:
                        runs = True
                        self._flush(buf, words, hmm)
                    buf = ""
                append(block[x:y])
            x = y
        if buf:
            if len(buf) == 1:
                append(buf)
            else:
                runs = True
                self._flush(buf, words, hmm)
        memo[block] = words
        if hmm and not runs:
            self._plain[block] = words  # the same words without HMM
        elif (self._plain if hmm else self._hmm).get(block) is None:
            self._routes[block] = ends  # the other walk may come: its route is kept
        return words

    def _hmm_from_plain(self, plain: list[str]) -> list[str] | None:
        """The walk with HMM from the words of the walk without (the route's words, single
        letters and digits side by side joined), or None where that cannot tell the route: a
        word of letters and digits in the dictionary may be one of the route's words or a
        run of its single characters."""
        words: list[str] = []
        append = words.append
        buf = ""
        for word in plain:
            if len(word) == 1:
                buf += word
                continue
            if word.isascii() and word.isalnum():  # single letters and digits, joined
                if self._freq.get(word):
                    return None
                buf += word
                continue
            if buf:
                if len(buf) == 1:
                    append(buf)
                else:
                    self._flush(buf, words, True)
                buf = ""
            append(word)
        if buf:
            if len(buf) == 1:
                append(buf)
            else:
                self._flush(buf, words, True)
        return words

    def _flush(self, buf: str, words: list[str], hmm: bool) -> None:
        if not hmm:
            words.append(buf)
        elif not self._freq.get(buf):
            words.extend(self._guesses[buf])
        else:
            words.extend(buf)

    def _block_known(self, block: str) -> list[str]:
        """The block's word-like words without HMM."""
        words = self._known.get(block)
        if words is None:
            words = self._known[block] = [
                w for w in self._walk(block, False) if w.strip(_BLOCK_SIGNS)
            ]
        return words

    def block_words(self, block: str) -> list[str]:
        """``cut(block)`` of a block of `_BLOCK` (a run its split gives)."""
        if self._same_blocks or (self._same_but_dash and "-" not in block):
            return self._walk(block, True)
        return self.cut(block)

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """``Tokenizer.cut(text, HMM=hmm)`` as a list, every piece kept."""
        words: list[str] = []
        for block in self._han.split(text):
            if not block:
                continue
            if self._han.match(block):
                words.extend(self._walk(block, hmm))
            else:
                for piece in self._skip.split(block):
                    if self._skip.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def known(self, text: str) -> list[str]:
        """`cut_known(text)`: the word-like words of the cut without HMM."""
        words: list[str] = []
        for block in self._han.split(text):
            if not block:
                continue
            if self._han.match(block):
                words.extend(self._block_known(block))
            else:
                for piece in self._skip.split(block):
                    if self._skip.match(piece):
                        if _is_wordlike(piece):
                            words.append(piece)
                    else:
                        words.extend(ch for ch in piece if _wordlike_char(ch))
        return words

    def tokens(self, text: str) -> list[str]:
        """`tokens(text)`: the index tokens of the text's words, in order."""
        return list(chain.from_iterable(map(self._tokens.__getitem__, _BLOCK.split(text))))

    def known_terms(self, text: str, terms: Mapping[str, tuple[str, ...]]) -> list[str]:
        """``terms[word]`` of each word of `known(text)`, one after the other. `terms` is a
        mapping that finds a missing word's terms itself (a dict with ``__missing__``) and
        gives nothing for a word of signs alone ("-", "."; `known` leaves those out, a
        block's words are mapped as they are). Each piece's words are remembered, and all
        the text's words are mapped in one pass at C speed: remembering each block's terms
        as well cost a tuple and an entry per block, more than looking its few words up again
        when it recurs."""
        pieces = self._words
        if not pieces:
            # the first text: the blocks the search's cut walked already (`_plain`, most of
            # them) are taken in one C call, not one `__missing__` call each
            pieces.update(self._plain)
        words = chain.from_iterable(map(pieces.__getitem__, self._han.split(text)))
        return list(chain.from_iterable(map(terms.__getitem__, words)))


class _PieceTokens(dict[str, tuple[str, ...]]):
    """A piece of `_BLOCK.split` (a block, or what lies between two) -> its index tokens,
    each distinct piece's found once by the report's `Cutter`."""

    def __init__(self, cutter: Cutter) -> None:
        super().__init__()
        self.cutter = cutter

    def __missing__(self, piece: str) -> tuple[str, ...]:
        if not piece:
            words: list[str] = []
        elif _BLOCK.match(piece):  # the split alternates between blocks and the rest
            words = self.cutter.block_words(piece)
        else:
            words = self.cutter.cut(piece)
        found = self[piece] = tuple(chain.from_iterable(map(_expansions.__getitem__, words)))
        return found


class _PieceWords(dict[str, list[str]]):
    """A piece of the engine's block split (a block, or what lies between two) -> its words
    without HMM as `Cutter.known_terms` maps them: a block's as they are (signs too), the
    word-like ones of the rest (`known`); each distinct piece's found once."""

    def __init__(self, cutter: Cutter) -> None:
        super().__init__()
        self.cutter = cutter

    def __missing__(self, piece: str) -> list[str]:
        cutter = self.cutter
        # most blocks were walked without HMM for the search's cut already (`_walk` keeps
        # them in `_plain`, and only blocks): taken from there without a call
        words = cutter._plain.get(piece)
        if words is None:
            if not piece:
                words = []
            elif cutter._han.match(piece):
                words = cutter._walk(piece, False)
            else:
                between = cutter._between
                words = between.get(piece)
                if words is None:
                    if len(between) >= _EXPANSIONS_MAX:
                        between.clear()
                    words = between[piece] = cutter.known(piece)
        self[piece] = words
        return words


def _expand(word: str, freq: Mapping[str, int]) -> tuple[str, ...]:
    parts: list[str] = []
    if _is_wordlike(word):
        size = len(word)
        if size > 2:
            for length in range(2, size):
                for start in range(size - length + 1):
                    part = word[start : start + length]
                    if freq.get(part):
                        parts.append(part)
        parts.append(word)
    return tuple(parts)


def report_tokens(texts: Mapping[str, str], cutter: Cutter | None = None) -> dict[str, list[str]]:
    """`tokens` of each text of one report (unit id -> text), each distinct block cut once
    (by `cutter`, which the report's other cuts may share)."""
    cutter = cutter or Cutter()
    return {key: cutter.tokens(text) for key, text in texts.items()}


def words(text: str) -> list[str]:
    """The content words of a query term, in order, without repeats (for the word fallback)."""
    found: list[str] = []
    for piece in _loaded().cut(text, HMM=True):
        piece = piece.strip()
        if piece and _is_wordlike(piece) and piece not in STOPWORDS and piece not in found:
            found.append(piece)
    return found


# -- the per-report segmentation cache ----------------------------------------------------


def _cache_path(sha256: str) -> Path:
    return segments_dir() / f"{sha256}-p{PARSER_VERSION}-{dictionary_hash()[:16]}.json"


def _read_cache(path: Path, unit_ids: list[str]) -> dict[str, list[str]] | None:
    """The cached tokens, or None when the entry is missing, corrupt or for other units.

    Read through the guarded reader (a regular file of bounded size, bounded nesting), so
    a FIFO or a file of 100,000 brackets in the cache folder is a miss, not a hang or a
    RecursionError; the entry is then written again.
    """
    try:
        data = statefile.load_json(path, max_bytes=statefile.MAX_SEGMENTS_BYTES)
        if not isinstance(data, dict) or not isinstance(data.get("units"), dict):
            return None
        units = data["units"]
        if data.get("dictionary") != dictionary_hash() or sorted(units) != sorted(unit_ids):
            return None
        for value in units.values():
            if not isinstance(value, list):
                return None
            "".join(value)  # TypeError unless every token is a string (a C-speed check)
        checked: dict[str, list[str]] = units
        return checked
    except (statefile.StateFileError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(path: Path, sha256: str, units: Mapping[str, list[str]]) -> None:
    """Write atomically through `govread.atomic` (not fsynced: a cache entry lost in a crash
    costs only a segmentation); a failure is not fatal."""
    payload = {
        "sha256": sha256,
        "parser": PARSER_VERSION,
        "dictionary": dictionary_hash(),
        "units": units,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text, overwrite=True, durable=False)
    except (WriteError, OSError):
        pass  # a read-only or full cache only costs the next start a segmentation


def cached_tokens(
    sha256: str,
    unit_texts: Mapping[str, str],
    *,
    use_cache: bool = True,
    tokenize: Callable[[str], list[str]] | None = None,
) -> dict[str, list[str]]:
    """The index tokens of each unit of one report, from the disk cache when it holds them.

    `unit_texts` maps unit ids to the (folded) text segmented; a cache entry for a different
    set of units, or one that cannot be read, is ignored and rewritten. With `use_cache`
    false, or the cache off (`cache_on`), the cache is neither read nor written.
    """
    use_cache = use_cache and cache_on()
    path = _cache_path(sha256)
    if use_cache:
        found = _read_cache(path, list(unit_texts))
        if found is not None:
            return found
    if tokenize is None:
        result = report_tokens(unit_texts)
    else:
        result = {unit_id: tokenize(text) for unit_id, text in unit_texts.items()}
    if use_cache:
        _write_cache(path, sha256, result)
    return result


# -- segmenting many reports on every core ------------------------------------------------

# Above this many reports missing from the disk cache, they are segmented in a process pool.
# Each worker loads jieba's dictionary once (≈ 1 s of CPU), against ≈ 40 ms to segment a
# report: a pool pays off after a few dozen reports per worker (benchmarks/RESULTS.md).
PARALLEL_THRESHOLD = 100
# Reports per pool task: few enough to keep the in-order merge flowing and cancelling quick,
# enough that the round trips cost nothing next to the segmentation.
POOL_BATCH = 4
# Batches handed to the pool per worker ahead of the one awaited (results are small).
POOL_BATCHES_AHEAD = 4

SegmentJob = tuple[str, Mapping[str, str]]  # (report sha256, unit id -> folded text)


def is_cached(sha256: str) -> bool:
    """Whether the disk cache has an entry for this report (cheap: no read, not validated)."""
    return _cache_path(sha256).exists()


def _pool_worker_start(cache: bool = True) -> None:
    from govread.loading import _quiet_worker, cache_disabled

    _quiet_worker()
    # a spawned worker sees GOVREAD_NO_CACHE, not the parent's `cache_disabled()`
    with contextlib.nullcontext() if cache else cache_disabled():
        ensure_loaded()


def segment_batch(batch: list[SegmentJob], use_cache: bool) -> list[dict[str, list[str]]]:
    """Segment reports in a pool worker exactly as `cached_tokens` does (cache written there)."""
    return [cached_tokens(sha256, texts, use_cache=use_cache) for sha256, texts in batch]


class ParallelTokens:
    """`cached_tokens` for many reports, in order, on every core when many miss the cache.

    Iterate it for each job's tokens, in job order. Reports whose cache entry exists are read
    here; when more than `threshold` do not, those are segmented in a process pool (each
    worker loads the dictionary once, then segments batches and writes the same disk cache)
    while this process reads and merges. A pool that breaks, or a batch that fails, leaves its
    reports to be segmented here. Stopping early (`close()`, leaving the iteration, or
    `cancelled()` turning true) cancels what has not started and waits for the workers.
    """

    def __init__(
        self,
        jobs: list[SegmentJob],
        *,
        use_cache: bool = True,
        threshold: int | None = None,
        workers: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        from govread.loading import worker_count

        self._jobs = jobs
        self._use_cache = use_cache and cache_on()
        self._threshold = PARALLEL_THRESHOLD if threshold is None else threshold
        self._workers = workers or worker_count()
        self._cancelled = cancelled or (lambda: False)
        self._pool: Any = None  # a ProcessPoolExecutor while one runs
        self._batches: list[list[int]] = []  # job indices per pool batch
        self._batch_of: dict[int, int] = {}  # job index -> its batch
        self._futures: dict[int, Any] = {}  # batch -> Future, submitted and not collected
        self._results: dict[int, dict[str, list[str]]] = {}  # job index -> tokens, collected
        self._next_batch = 0  # the next batch to submit
        self.pool_used = False
        self.pool_failures = 0  # batches (or the whole pool) that failed and fell back here

    def __iter__(self) -> Generator[dict[str, list[str]], None, None]:
        try:
            misses = [
                i
                for i, (sha256, _) in enumerate(self._jobs)
                if not (self._use_cache and is_cached(sha256))
            ]
            if len(misses) > self._threshold and len(misses) > 1:
                self._start_pool(misses)
            for index, (sha256, texts) in enumerate(self._jobs):
                if self._cancelled():
                    return
                found = self._from_pool(index)
                if found is None:
                    found = cached_tokens(sha256, texts, use_cache=self._use_cache)
                yield found
        finally:
            self.close()

    def _start_pool(self, misses: list[int]) -> None:
        from govread.loading import spawn_pool

        self._batches = [misses[k : k + POOL_BATCH] for k in range(0, len(misses), POOL_BATCH)]
        try:
            self._pool = spawn_pool(
                min(self._workers, len(self._batches)),
                initializer=partial(_pool_worker_start, cache_on()),
            )
            self._submit()
        except (OSError, RuntimeError):  # no processes to be had: segment here instead
            self.close()
            return
        self._batch_of = {i: b for b, batch in enumerate(self._batches) for i in batch}
        self.pool_used = True

    def _submit(self) -> None:
        ahead = POOL_BATCHES_AHEAD * self._workers
        while (
            self._pool is not None
            and self._next_batch < len(self._batches)
            and len(self._futures) < ahead
        ):
            number = self._next_batch
            batch = [self._jobs[i] for i in self._batches[number]]
            self._futures[number] = self._pool.submit(segment_batch, batch, self._use_cache)
            self._next_batch += 1

    def _from_pool(self, index: int) -> dict[str, list[str]] | None:
        """The pool's tokens for job `index`, or None when it is to be segmented here."""
        if index in self._results:
            return self._results.pop(index)
        number = self._batch_of.get(index)
        future = None if number is None else self._futures.pop(number, None)
        if number is None or future is None:
            return None
        from concurrent.futures.process import BrokenProcessPool

        try:
            self._submit()
            found = future.result()
        except BrokenProcessPool:
            self.pool_failures += 1
            self.close()
            return None
        except Exception:  # this batch failed in the worker: segment it here
            self.pool_failures += 1
            return None
        self._results.update(zip(self._batches[number], found, strict=True))
        return self._results.pop(index)

    def close(self) -> None:
        """Cancel pending batches and wait for the running ones; safe to call twice."""
        pool, self._pool = self._pool, None
        self._futures.clear()
        self._batch_of.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
