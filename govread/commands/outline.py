"""`govread outline --format json|jsonl`: each report's outline as JSON, written as it goes.

A report's entry is the same bytes whichever run writes it, but for its path and the
report it repeats (``duplicate_of``): the rest is computed once per report (by the hash of
its bytes, the parser version and the code below) and kept in the parsed-report cache's
``derived`` table as two compact and two spaced fragments. A warm run reads the files'
stamps and those fragments, and writes; it neither reads the files, decodes a report nor
imports the parser. What is printed is byte for byte what `json.dumps` of the whole
document gives (`govread.sanitize.dumps_json`, compact for ``json``, spaced for ``jsonl``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from govread.fingerprint import code_fingerprint
from govread.sanitize import dumps_json, is_json_safe

if TYPE_CHECKING:
    from govread.cache import ReportCache
    from govread.loading import Hashed
    from govread.opening import Problem
    from govread.parsers.model import Report, Section

# The record kind and version every JSON output of `govread outline` carries.
OUTLINE_SCHEMA = "govread-outline/1"
_COMPACT = (",", ":")
_SPACED = (", ", ": ")
# A cached entry's two fragments and its duplicate key, joined by a character that JSON
# text never holds raw (nor `is_json_safe` lets through).
_SEPARATOR = "\x00"
_PARTS = 3
_PUT_BATCH = 256  # new entries written to the cache in transactions of this many


def report_header(report: Report) -> dict[str, object]:
    """The metadata every JSON output of govread carries for a report."""
    return {
        "path": report.path,
        "sha256": report.sha256,
        "title": report.title,
        "display_title": report.display_title,
        "region": report.region,
        "province": report.province,
        "city": report.city,
        "region_level": report.region_level,
        "region_ambiguous": report.region_ambiguous,
        "year": report.year,
        "published": report.published,
        "made_public": report.made_public,
        "made_public_by": report.made_public_by,
        "issuer": report.issuer,
        "source": report.source,
        "genre": report.genre,
        "issuer_level": report.issuer_level,
        "doc_number": report.doc_number,
        "source_url": report.source_url,
    }


def _nested(sections: Sequence[Section]) -> list[dict[str, object]]:
    return [
        {
            "id": s.id,
            "level": s.level,
            "number": s.number,
            "heading": s.heading,
            "items": [{"number": i.number, "heading": i.heading} for i in s.items],
            "children": _nested(s.children),
            # the last items that follow the children in the text (a part's summing-up)
            "items_after_children": len(s.items_after_children()),
        }
        for s in sections
    ]


class Fragments:
    """A report's entry without its path and ``duplicate_of``, in one layout (compact for
    ``json``, spaced for ``jsonl``): `head` runs from ``sha256`` to ``text_sha256``, `tail`
    holds ``outline`` and ``tree``; `key` is what duplicates are told by."""

    __slots__ = ("head", "key", "spaced", "tail")

    def __init__(self, head: str, tail: str, key: str | None, *, spaced: bool) -> None:
        self.head, self.tail, self.key, self.spaced = head, tail, key, spaced

    @classmethod
    def of(cls, report: Report, *, spaced: bool) -> Fragments:
        from govread.identity import duplicate_key

        head = {k: v for k, v in report_header(report).items() if k != "path"}
        head["text_sha256"] = report.text_sha256()
        tail = {"outline": report.outline(), "tree": _nested(report.sections)}
        separators = _SPACED if spaced else _COMPACT
        return cls(
            dumps_json(head, separators=separators)[1:-1],  # the members, without braces
            dumps_json(tail, separators=separators)[1:-1],
            duplicate_key(report),
            spaced=spaced,
        )

    def body(self) -> str:
        """The cache's form."""
        return _SEPARATOR.join((self.head, self.tail, self.key or ""))

    @classmethod
    def from_body(cls, body: str, *, spaced: bool) -> Fragments | None:
        """The fragments of a cache entry, or None when it is not one. A cache file is
        data anyone could have written: every part must be JSON text with nothing raw that
        `dumps_json` would have escaped, so nothing unsafe reaches the terminal."""
        parts = body.split(_SEPARATOR)
        if len(parts) != _PARTS or not all(map(is_json_safe, parts)):
            return None
        head, tail, key = parts
        return cls(head, tail, key or None, spaced=spaced)

    def entry(self, path: str | None, duplicate_of: str | None) -> str:
        """The whole entry of this report at `path`, as `dumps_json` writes it."""
        comma, colon = _SPACED if self.spaced else _COMPACT
        return (
            f'{{"schema"{colon}"{OUTLINE_SCHEMA}"{comma}"path"{colon}{dumps_json(path)}'
            f"{comma}{self.head}{comma}"
            f'"duplicate_of"{colon}{dumps_json(duplicate_of)}{comma}{self.tail}}}'
        )


@functools.cache
def cache_kind(spaced: bool) -> str:
    """``outline-json:<fingerprint>`` (``outline-jsonl:`` spaced): the fingerprint of this
    module, the sanitiser and the data model, whose code decides the fragments, so
    fragments written by other code are never read."""
    digest = code_fingerprint(("commands/outline", "sanitize", "parsers/model"))
    return f"outline-json{'l' if spaced else ''}:{digest[:24]}"


def _cached(cache: ReportCache | None, sha256s: set[str], spaced: bool) -> dict[str, Fragments]:
    if cache is None:
        return {}
    found: dict[str, Fragments] = {}
    for sha256, body in cache.get_derived(cache_kind(spaced), sha256s).items():
        if (fragments := Fragments.from_body(body, spaced=spaced)) is not None:
            found[sha256] = fragments
    return found


def outline_entries(
    paths: Sequence[str],
    problems: list[Problem],
    *,
    spaced: bool = False,
    use_cache: bool | None = None,
) -> Iterator[tuple[str | None, Fragments, str | None]]:
    """(path, fragments, the path of the report it repeats) for each report of `paths` in
    order; the files not opened are appended to `problems` as they are met."""
    from govread.corpus import sample_paths
    from govread.identity import FirstSeen
    from govread.loading import Hashed, Loader
    from govread.opening import Problem

    known: dict[str, Fragments] = {}
    new: list[tuple[str, str]] = []
    seen = FirstSeen[str | None]()  # by duplicate key: the path of the first report
    with Loader(list(paths) or sample_paths(), use_cache=use_cache) as loader:
        cache = loader.cache

        def settled(sha256s: set[str]) -> set[str]:
            known.update(_cached(cache, sha256s, spaced))
            return set(known)

        entry: Report | Problem | Hashed
        path: str | None
        for entry in loader.entries(settled):
            if isinstance(entry, Problem):
                problems.append(entry)
                continue
            if isinstance(entry, Hashed):
                path, sha256, fragments = entry.path, entry.sha256, known[entry.sha256]
            else:
                path, sha256 = entry.path, entry.sha256
                if entry.name_dependent:
                    # its place or year came from its file name: these bytes under another
                    # name are another entry, so it is kept under no hash
                    fragments = Fragments.of(entry, spaced=spaced)
                else:
                    if sha256 not in known:
                        known[sha256] = Fragments.of(entry, spaced=spaced)
                        new.append((sha256, known[sha256].body()))
                    fragments = known[sha256]
            yield path, fragments, seen.original(fragments.key, sha256, path, path)
            if cache is not None and len(new) >= _PUT_BATCH:
                cache.put_derived(cache_kind(spaced), new)
                new = []
        if cache is not None and new:
            cache.put_derived(cache_kind(spaced), new)


def write_json(
    paths: Sequence[str],
    out: TextIO,
    *,
    lines: bool,
    problems: list[Problem],
    use_cache: bool | None = None,
) -> int:
    """Write the outline document (``json``: one compact list; ``jsonl``: one spaced
    entry a line) to `out` as the reports come; the number of reports written."""
    written = 0
    entries = outline_entries(paths, problems, spaced=lines, use_cache=use_cache)
    for path, fragments, original in entries:
        entry = fragments.entry(path, original)
        if lines:
            out.write(entry + "\n")
        else:
            out.write(("," if written else "[") + entry)
        written += 1
    if written and not lines:
        out.write("]\n")
    return written
