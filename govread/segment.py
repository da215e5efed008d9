"""Chinese word segmentation: jieba with the genre's user dictionary, quiet and cached.

jieba splits domain terms a generic dictionary does not know (法治政府 → 法治 | 政府), so the
terms in ``govread/data/userdict.txt`` are added with a frequency high enough to keep them
whole. Loading the dictionary costs a second or two: `ensure_loaded` does it explicitly (the
TUI calls it from a worker after first paint) and nothing here loads it on import. jieba's
own logging never reaches the screen, its prefix-dictionary cache lives in the user cache
directory, and the segmentation of each report is cached on disk (`cached_tokens`) keyed by
the report's hash, the parser version and the dictionary hash, so a second start does not
segment again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from govread.parsers import PARSER_VERSION

# Bump when what is cached per report changes shape or meaning (units, folding, token filter).
SEGMENT_FORMAT = "1"

# Function words dropped from a query's words: requiring 的 or 和 in a section finds nothing
# a reader wants. Content words, however short, are kept.
STOPWORDS = frozenset("的了和与及或等之其在对把被是为以将并也而就都又要从")

_lock = threading.RLock()
_tokenizer: Any = None  # jieba.Tokenizer once loaded


def cache_root() -> Path:
    """govread's folder in the user cache directory (``$XDG_CACHE_HOME/govread`` on Linux)."""
    return Path(platformdirs.user_cache_dir("govread", appauthor=False))


def segments_dir() -> Path:
    return cache_root() / "segments"


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
        import jieba
    # Its logger writes to stderr through a handler of its own, even for a failed cache dump
    # (which only costs the next start a second): silence it entirely, as a library should.
    logger = logging.getLogger("jieba")
    for handler in list(logger.handlers):
        if not isinstance(handler, logging.NullHandler):
            logger.removeHandler(handler)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False
    jieba.setLogLevel(logging.WARNING)
    return jieba


def is_loaded() -> bool:
    """True once the dictionary is in memory and segmentation is instant."""
    return _tokenizer is not None


def ensure_loaded() -> None:
    """Load jieba's dictionary and the user dictionary (1–2 s the first time; idempotent).

    Thread-safe: the TUI calls this from a worker while the UI keeps filtering by substring.
    """
    global _tokenizer
    if _tokenizer is not None:
        return
    with _lock:
        if _tokenizer is not None:
            return
        jieba = _import_jieba()
        tokenizer = jieba.Tokenizer()
        # jieba writes its prefix-dictionary cache to /tmp unless told otherwise.
        jieba_cache = cache_root() / "jieba"
        with contextlib.suppress(OSError):
            jieba_cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(jieba_cache)
        tokenizer.initialize()
        for word, freq, tag in user_dictionary():
            # At least the frequency that makes jieba keep the word whole.
            tokenizer.add_word(word, max(freq, tokenizer.suggest_freq(word, False)), tag)
        _tokenizer = tokenizer


def _loaded() -> Any:
    ensure_loaded()
    return _tokenizer


def _is_wordlike(token: str) -> bool:
    """A token holding at least one letter or digit (not whitespace or punctuation)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


def cut(text: str) -> list[str]:
    """Precise-mode segmentation, every piece kept (loads the dictionary if needed)."""
    return list(_loaded().cut(text, HMM=True))


def tokens(text: str) -> list[str]:
    """Index tokens: each word of the precise segmentation plus every dictionary word inside it.

    jieba's own search mode only looks at 2- and 3-character parts, so 法治政府建设 would not
    yield 法治政府; here every known part of two characters or more is yielded before the word.
    """
    tokenizer = _loaded()
    freq = tokenizer.FREQ
    found: list[str] = []
    for word in tokenizer.cut(text, HMM=True):
        if not _is_wordlike(word):
            continue
        size = len(word)
        if size > 2:
            for length in range(2, size):
                for start in range(size - length + 1):
                    part = word[start : start + length]
                    if freq.get(part):
                        found.append(part)
        found.append(word)
    return found


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
    """The cached tokens, or None when the entry is missing, corrupt or for other units."""
    try:
        data = json.loads(path.read_text("utf-8"))
        units = data["units"]
        if data.get("dictionary") != dictionary_hash() or sorted(units) != sorted(unit_ids):
            return None
        for value in units.values():
            if not isinstance(value, list):
                return None
            "".join(value)  # TypeError unless every token is a string (a C-speed check)
        checked: dict[str, list[str]] = units
        return checked
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(path: Path, sha256: str, units: Mapping[str, list[str]]) -> None:
    """Write atomically (temp file in the same folder, then rename); a failure is not fatal."""
    payload = {
        "sha256": sha256,
        "parser": PARSER_VERSION,
        "dictionary": dictionary_hash(),
        "units": units,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".seg-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError:
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
    set of units, or one that cannot be read, is ignored and rewritten.
    """
    path = _cache_path(sha256)
    if use_cache:
        found = _read_cache(path, list(unit_texts))
        if found is not None:
            return found
    segment = tokenize or tokens
    result = {unit_id: segment(text) for unit_id, text in unit_texts.items()}
    if use_cache:
        _write_cache(path, sha256, result)
    return result
