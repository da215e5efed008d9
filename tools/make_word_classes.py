"""Generate govread/data/word_classes.tsv, the words the flat-text parser weighs where a
heading glued to its body ends (parsers/flat.py `_word_edge`), and the figure finder reads to
tell a verb after who acted (govread/figures.py `_is_verb`).

    python tools/make_word_classes.py > govread/data/word_classes.tsv

The source is the dictionary shipped with jieba (``jieba/dict.txt``, MIT licence): a word,
its frequency and its part of speech a line. Kept: two-character nouns (n, vn) a heading
may close on (``N``; ``M`` those that are verbs too, vn: 建设 培育), two-character verbs (v) and one-character prepositions (p) a body may
open with (``V``), two-character adjectives and adverbs (a, ad, d: ``A``, neither, but
known words, so a cut inside one weighs against it and no class is guessed for them; verbs
used as adverbs, vd, and the adverbs listed in ``ADVERBS_TAGGED_AS_NOUNS`` too), and
one-character verbs (``W``: 守 抓 推 建 筑, which begin the two-character verbs the dictionary
does not hold, 守牢 抓实 筑牢), each seen at least ``--min-freq`` times (prepositions: ``--min-freq-preposition``).

Also four-character nouns made of a listed noun and a listed verb (``C``: 行政执法, 行政复议,
执法监督), from jieba's dictionary and govread's domain dictionary (govread/data/userdict.txt),
at any frequency: the parser never reads their middle as a heading's last noun and a body's first
verb (二、加强行政|执法监督工作。).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Adverbs jieba's dictionary tags as nouns (n), which open government prose before a
# verb (全面推进, 大力发展, 着力解决, 依法查处, 有序推进): read as adverbs (A), so a heading
# is never taken to close on one.
ADVERBS_TAGGED_AS_NOUNS = {"全面": "A", "大力": "A", "着力": "A", "依法": "A", "有序": "A"}
# Nouns jieba's dictionary tags as adjectives (a): 合同, a contract (9份重大行政合同 is no
# contract "jointly"), read as nouns (N).
NOUNS_TAGGED_AS_ADJECTIVES = {"合同": "N"}
# The tags of the four-character nouns kept (C): nouns, proper nouns, organisations, verbal
# nouns, abbreviations (not idioms nor names of people).
COMPOUND_TAGS = ("n", "nz", "nt", "vn", "j")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-freq", type=int, default=300)
    parser.add_argument("--min-freq-preposition", type=int, default=1000)
    args = parser.parse_args(argv)
    import jieba

    source = Path(jieba.__file__).parent / "dict.txt"
    rows: dict[str, str] = {}
    for line in source.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[0] in rows:
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        if len(word) == 2 and freq >= args.min_freq and tag == "v":
            rows[word] = "V"
        elif len(word) == 2 and freq >= args.min_freq and tag == "n":
            rows[word] = "N"
        elif len(word) == 2 and freq >= args.min_freq and tag == "vn":
            rows[word] = "M"
        elif len(word) == 2 and freq >= args.min_freq and tag in ("a", "ad", "d", "vd"):
            rows[word] = "A"
        elif len(word) == 1 and tag == "p" and freq >= args.min_freq_preposition:
            rows[word] = "V"
        elif len(word) == 1 and tag == "v" and freq >= args.min_freq_preposition:
            rows[word] = "W"
    rows.update(ADVERBS_TAGGED_AS_NOUNS)
    rows.update(NOUNS_TAGGED_AS_ADJECTIVES)
    domain = Path(__file__).resolve().parent.parent / "govread" / "data" / "userdict.txt"
    for source_path in (source, domain):
        for line in source_path.read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) < 3 or len(parts[0]) != 4 or parts[2] not in COMPOUND_TAGS:
                continue
            word = parts[0]
            if rows.get(word[:2]) in ("N", "M") and rows.get(word[2:]) in ("V", "M"):
                rows[word] = "C"
    sys.stdout.write(
        "# Two-character nouns (N; M: verbal nouns), verbs and one-character prepositions (V), adjectives\n"
        "# and adverbs (A), one-character verbs (W), four-character nouns of a noun and a verb (C),\n"
        "# from the dictionary of jieba 0.42.1 (dict.txt, MIT licence, https://github.com/fxsjy/jieba)\n"
        "# and, for C, govread/data/userdict.txt;\n"
        f"# made by tools/make_word_classes.py --min-freq {args.min_freq}"
        f" --min-freq-preposition {args.min_freq_preposition}\n"
    )
    sys.stdout.writelines(f"{word}\t{rows[word]}\n" for word in sorted(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
