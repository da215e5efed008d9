"""The store's word rows of the five samples, against a stored copy.

What `govread index` writes of the samples' words (the search vocabulary with its document
frequencies, every unit's search tokens, the comparison's words per report and their
vocabulary, the comparison's units with their themes) is compared with
`tests/fixtures/golden/store_rows_samples.json`, written by the code that segmented each
report twice (once for search, once for the comparison). Speed work on the segmentation
must not change a row. After a deliberate change of the tokens, rewrite the copy and read
its diff before committing:

    python tests/unit/test_store_rows_golden.py --update
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest

from govread import store
from govread.corpus import sample_paths

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden" / "store_rows_samples.json"
PARTS = ("vocab", "compare_vocab", "compare_terms", "topics", "unit_tokens", "meta")


def _rows(db: Path) -> dict[str, object]:
    """The word rows of a store, keyed by file name where they belong to one report."""
    with sqlite3.connect(db) as raw:
        names = {rid: Path(path).name for rid, path in raw.execute("SELECT id, path FROM reports")}
        unit_tokens: dict[str, str] = {}
        for rid, name in names.items():
            digest = hashlib.sha256()
            for heading, body, length in raw.execute(
                "SELECT heading_tokens, body_tokens, length FROM units WHERE report_id=?"
                " ORDER BY ordinal",
                (rid,),
            ):
                digest.update(f"{heading}\t{body}\t{length}\n".encode())
            unit_tokens[name] = digest.hexdigest()
        return {
            "vocab": dict(raw.execute("SELECT token, df FROM vocab ORDER BY token")),
            "compare_vocab": dict(raw.execute("SELECT term, df FROM compare_vocab ORDER BY term")),
            "compare_terms": {
                names[rid]: terms
                for rid, terms in raw.execute("SELECT report_id, terms FROM compare_terms")
            },
            "topics": {
                names[rid]: [
                    list(row)
                    for row in raw.execute(
                        "SELECT ordinal, key, node_id, kind, number, theme, themes, phases"
                        " FROM topics WHERE report_id=? ORDER BY ordinal",
                        (rid,),
                    )
                ]
                for rid in names
            },
            "unit_tokens": unit_tokens,
            "meta": dict(raw.execute("SELECT key, value FROM meta ORDER BY key")),
        }


def _index_samples(root: Path) -> Path:
    folder = root / "reports"
    folder.mkdir()
    for path in sample_paths():
        shutil.copy(path, folder / path.name)
    db = root / "store.sqlite3"
    with store.Store(db, max_mb=512) as opened:
        store.index(opened, [folder], workers=1)
    return db


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return json.loads(json.dumps(_rows(_index_samples(tmp_path_factory.mktemp("rows")))))


@pytest.mark.parametrize("part", PARTS)
def test_samples_store_rows_unchanged(found: dict[str, object], part: str) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))[part]
    got = found[part]
    if isinstance(expected, dict) and isinstance(got, dict):
        missing = sorted(set(expected) - set(got))[:5]
        extra = sorted(set(got) - set(expected))[:5]
        changed = sorted(k for k in expected if k in got and got[k] != expected[k])[:5]
        assert not (missing or extra or changed), f"{part}: {missing=} {extra=} {changed=}"
    assert got == expected


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        with tempfile.TemporaryDirectory() as temporary:
            rows = _rows(_index_samples(Path(temporary)))
        GOLDEN.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", "utf-8")
