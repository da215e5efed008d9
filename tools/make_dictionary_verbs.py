"""Generate govread/data/dictionary_verbs.txt: the two-character verbs of jieba's dictionary
that `govread/data/word_classes.tsv` leaves out (seen fewer than its ``--min-freq`` times:
牵头, 抽检, 录入, 摸排), which the figure finder reads only to tell who acted at the opening of a
clause (govread/figures.py `_after_named_agent`). The flat-text parser never reads it.

    python tools/make_dictionary_verbs.py > govread/data/dictionary_verbs.txt

The source is the dictionary shipped with jieba (``jieba/dict.txt``, MIT licence): a word,
its frequency and its part of speech a line. Kept: two-character words tagged ``v``, seen at
least ``--min-freq`` times, that word_classes.tsv does not hold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-freq", type=int, default=20)
    args = parser.parse_args(argv)
    import jieba

    root = Path(__file__).resolve().parent.parent
    classes = root / "govread" / "data" / "word_classes.tsv"
    known = {
        line.split("\t", 1)[0]
        for line in classes.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    }
    source = Path(jieba.__file__).parent / "dict.txt"
    words: set[str] = set()
    for line in source.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        if len(word) == 2 and tag == "v" and freq >= args.min_freq and word not in known:
            words.add(word)
    sys.stdout.write(
        "# Two-character verbs (v) of the dictionary of jieba 0.42.1 (dict.txt, MIT licence,\n"
        "# https://github.com/fxsjy/jieba) that word_classes.tsv leaves out, one a line;\n"
        f"# made by tools/make_dictionary_verbs.py --min-freq {args.min_freq}\n"
    )
    sys.stdout.writelines(f"{word}\n" for word in sorted(words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
