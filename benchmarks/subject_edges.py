"""Figure subjects by a learned edge model: a measured prototype (issue 14).

    python benchmarks/subject_edges.py --loso SET_DIR [SET_DIR …] [--fresh FILE] [--no-words]
    python benchmarks/subject_edges.py --train-all SET_DIR [SET_DIR …] --save MODEL.json
    python benchmarks/subject_edges.py --model MODEL.json --labels T --report TXT [--labels … --report …]

The rule finder (`govread.figures.report_figures`) gives each figure a subject, its `label`.
Here each labelled figure the finder finds (matched as benchmarks/quality.py matches: same
unit and value, in document order) gets candidates: the rule's subject, and the same phrase
with its left edge moved to each jieba word boundary of its clause (leftwards to the clause
start, rightwards keeping two characters or more) and its right edge trimmed or extended by
one or two words. A candidate is right when `_norm` of it is in the label's subject and
accepted phrasings. An averaged perceptron ranks the candidates on general features: the word
classes (govread's `word_classes()`, jieba's dictionary tags) on each side of each edge,
whether an edge word is punctuation, 的 or a preposition, the unit's kind, the length, how
far each edge moved from the rule's; optionally (`--words`, the default; `--no-words` leaves
them out) the few hundred most frequent edge words as identity features. The rule's answer
is a candidate with a feature of its own, and ties go to it: the model departs from the rule
only on evidence.

A SET_DIR is a folder of NN.toml figure labels (the form of tests/fixtures/labels/
figures_000.toml, their `file` the NN.txt beside them); the in-repo labels (tests/fixtures/
labels and its heldout/) are two more sets, always used. `--loso` trains on every set but one
and scores the one left out, in turn. `--fresh FILE` (lines `== SET, …` then `  subject NN.
TEXT: …`, as a round's first-scored misses are written) counts, per set, how many of those
misses the model leaving that set out gets right, and how many answers the rule got right it
breaks. Nothing of the labels is written anywhere but stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from govread import segment
from govread.corpus import load
from govread.figures import Figure, extract, heading_figures, report_figures
from govread.opening import Problem, open_report
from govread.parsers.flat import word_classes
from govread.parsers.model import Report
from govread.parsers.script import has_readings, read_as_simplified, without_readings

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "labels"
_MARKS = re.compile(r"[“”\"‘’'《》「」\s]")
_CLAUSE = frozenset("，。；：！？,;:!?\n")
_PUNCT = frozenset("，。；：！？,;:!?、（）()“”\"‘’'《》「」【】[]—-…·/ \u3000\n\t")
_EVENTS = frozenset("次场期轮届批")
_MONEY = ("元", "万元", "亿元")
_DURATIONS = frozenset(["天", "年", "个月", "月", "个工作日", "工作日", "小时", "分钟", "日"])
EPOCHS = 8
TOP_WORDS = 300


def _norm(subject: str) -> str:
    from govread.figures import subject_key

    return subject_key(_MARKS.sub("", subject))


def _same_unit(found: str, labelled: str) -> bool:
    return found == labelled or (
        len(found) > 1 and found.removeprefix("个") == labelled.removeprefix("个")
    )


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# ---------------------------------------------------------------- figures with their text


def figures_with_text(report: Report) -> Iterator[tuple[Figure, str]]:
    """`report_figures(report)`, each figure with the text its offsets are into."""
    prefix = report.id
    for index, paragraph in enumerate(report.preamble):
        for figure in extract(paragraph, f"{prefix}/preamble", index):
            yield figure, paragraph
    for section in report.walk():
        heading = section.raw_heading or ""
        figures = heading_figures(section)
        if figures:
            at = heading.find(section.marker) if section.marker else -1
            if at >= 0 and not heading[:at].strip():
                cut = at + len(section.marker)
                heading = "\u3000" * cut + heading[cut:]
        for figure in figures:
            yield figure, heading
        for index, paragraph in enumerate(section.paragraphs):
            items = [item for item in section.items if item.paragraph == index]
            for figure in extract(paragraph, section.id, index):
                owner = next((i.id for i in items if i.start <= figure.start < i.end), None)
                yield (figure if owner is None else _with_node(figure, owner)), paragraph
    for index, paragraph in enumerate(report.closing):
        for figure in extract(paragraph, f"{prefix}/closing", index):
            yield figure, paragraph


def _with_node(figure: Figure, node: str) -> Figure:
    import dataclasses

    return dataclasses.replace(figure, node_id=node)


# ---------------------------------------------------------------- candidates and features


@dataclass
class Candidate:
    text: str
    features: list[str]
    rule: bool


@dataclass
class Item:
    """One labelled figure the finder found: its candidates, which are right, the rule's."""

    where: str  # "SET/NN TEXT"
    candidates: list[Candidate]
    right: list[bool]
    set_name: str = ""
    edge_words: list[str] = field(default_factory=list)

    @property
    def rule_right(self) -> bool:
        return self.right[0]


def unit_kind(unit: str) -> str:
    if unit in ("%", "个百分点", "百分点"):
        return "rate"
    if unit.endswith(_MONEY) or unit == "元":
        return "money"
    if unit in _DURATIONS:
        return "duration"
    if unit and unit[-1] in _EVENTS or unit in ("人次", "场次", "家次", "件次"):
        return "event"
    return "thing" if unit else "bare"


_TAGS: dict[str, str] = {}


def _tags() -> dict[str, str]:
    if not _TAGS:
        import jieba.posseg

        _TAGS.update(jieba.posseg.dt.word_tag_tab)
    return _TAGS


def word_class(word: str) -> str:
    """The word's class: P punctuation, D digits, else govread's class and jieba's tag."""
    if not word:
        return "EDGE"
    if all(ch in _PUNCT for ch in word):
        return "P"
    if any(ch.isdigit() for ch in word):
        return "D"
    ours = word_classes().get(word, "")
    tag = _tags().get(word, "")
    if not ours and not tag:
        return f"?{min(len(word), 4)}"
    return f"{ours}/{tag[:2]}"


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _locate(label: str, text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Where the rule's subject stands: the nearest occurrence before the number, else the
    first after it."""
    if not label:
        return None
    before = text.rfind(label, 0, start)
    if before >= 0 and before + len(label) <= start:
        return before, before + len(label), "before"
    after = text.find(label, end)
    if after >= 0:
        return after, after + len(label), "after"
    return None


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    cs = s
    while cs > 0 and text[cs - 1] not in _CLAUSE:
        cs -= 1
    ce = e
    while ce < len(text) and text[ce] not in _CLAUSE:
        ce += 1
    return cs, ce


def candidates(figure: Figure, text: str) -> list[Candidate]:
    """The rule's subject first, then its edge moves (see the module's docstring)."""
    kind = unit_kind(figure.unit)
    placed = _locate(figure.label, text, figure.start, figure.end)
    if placed is None:
        return [Candidate(figure.label, ["rule", "rule:unplaced", f"rule:{kind}"], True)]
    s, e, side = placed
    cs, ce = _clause(text, s, e)
    if side == "before":
        ce = min(ce, figure.start)
    else:
        cs = max(cs, figure.end)
    bounds = {cs, ce, s, e}
    at = cs
    words = segment.cut(text[cs:ce])
    for word in words:
        at += len(word)
        bounds.add(at)
    ordered = sorted(b for b in bounds if cs <= b <= ce)
    index = {b: i for i, b in enumerate(ordered)}
    si, ei = index[s], index[e]
    lefts = [b for b in ordered if b <= e - 2]
    rights = [ordered[i] for i in range(max(0, ei - 2), min(len(ordered), ei + 3)) if ordered[i] >= s + 2]
    out = [Candidate(figure.label, _features(text, s, e, s, e, ordered, index, kind, side, cs, ce, figure), True)]
    seen = {(s, e)}
    for r in rights:
        for left in lefts:
            if r - left < 2 or (left, r) in seen:
                continue
            seen.add((left, r))
            feats = _features(text, left, r, s, e, ordered, index, kind, side, cs, ce, figure)
            out.append(Candidate(text[left:r], feats, False))
    del si
    return out


def _word_at(text: str, ordered: list[int], index: dict[int, int], b: int, ahead: bool) -> str:
    i = index[b]
    if ahead:
        return text[b : ordered[i + 1]] if i + 1 < len(ordered) else ""
    return text[ordered[i - 1] : b] if i > 0 else ""


def _features(
    text: str,
    left: int,
    right: int,
    s: int,
    e: int,
    ordered: list[int],
    index: dict[int, int],
    kind: str,
    side: str,
    cs: int,
    ce: int,
    figure: Figure,
) -> list[str]:
    prev_w = _word_at(text, ordered, index, left, False) if left > cs else text[left - 1 : left]
    first_w = _word_at(text, ordered, index, left, True)
    last_w = _word_at(text, ordered, index, right, False)
    next_w = _word_at(text, ordered, index, right, True) if right < ce else text[right : right + 1]
    pc, fc, lc, nc = (word_class(w) for w in (prev_w, first_w, last_w, next_w))
    dl = index[left] - index[s]
    dr = index[right] - index[e]
    length = right - left
    feats = [
        "bias",
        f"side:{side}",
        f"kind:{kind}",
        f"L.prev:{pc}",
        f"L.first:{fc}",
        f"L.pair:{pc}|{fc}",
        f"R.last:{lc}",
        f"R.next:{nc}",
        f"R.pair:{lc}|{nc}",
        f"L.first:{fc}|{kind}",
        f"R.last:{lc}|{kind}",
        f"L.prev:{pc}|{side}",
        f"len:{_bucket(length, (2, 3, 4, 6, 8, 11, 15, 20))}",
        f"len:{_bucket(length, (2, 3, 4, 6, 8, 11, 15, 20))}|{kind}",
        f"dl:{max(-4, min(4, dl))}",
        f"dr:{max(-2, min(2, dr))}",
        f"dl:{max(-4, min(4, dl))}|L.first:{fc}",
        f"dl:{max(-4, min(4, dl))}|L.prev:{pc}",
        f"dr:{max(-2, min(2, dr))}|R.last:{lc}",
    ]
    if left == cs:
        feats.append("L.clause_start")
        feats.append(f"L.clause_start|{fc}")
    if right == ce:
        feats.append("R.clause_end")
    for name, word in (("L.prev", prev_w), ("L.first", first_w), ("R.last", last_w), ("R.next", next_w)):
        if word == "的" or word.endswith("的"):
            feats.append(f"{name}:de")
        if _tags().get(word, "").startswith("p"):
            feats.append(f"{name}:prep")
        if word and all(ch in _PUNCT for ch in word):
            feats.append(f"{name}:punct")
    inner = text[left:right]
    if any(ch in "，、" for ch in inner):
        feats.append("has:list_mark")
    if "的" in inner:
        feats.append("has:de")
    if (left, right) == (s, e):
        feats.append("rule")
        feats.append(f"rule:{kind}")
    feats.append(f"word:L.prev={prev_w}")
    feats.append(f"word:L.first={first_w}")
    feats.append(f"word:R.last={last_w}")
    feats.append(f"word:R.next={next_w}")
    del figure
    return feats


# ---------------------------------------------------------------- data


def _labels_of(path: Path, report: Report) -> list[dict[str, object]]:
    text = path.read_text("utf-8")
    if report.meta.get("script") == "traditional":
        if not has_readings(report.full_text()):
            text = without_readings(text)
        text = read_as_simplified(text)
    return list(tomllib.loads(text)["figure"])


def items_of(report: Report, label_path: Path, set_name: str) -> list[Item]:
    labels = _labels_of(label_path, report)
    found = list(figures_with_text(report))
    used: set[int] = set()
    out: list[Item] = []
    for label in labels:
        hit = next(
            (
                i
                for i, (figure, _) in enumerate(found)
                if i not in used
                and _same_unit(figure.unit, str(label["unit"]))
                and _same_value(figure.value, float(str(label["value"])))
            ),
            None,
        )
        if hit is None:
            continue
        used.add(hit)
        figure, text = found[hit]
        accepted = {_norm(str(s)) for s in [label["subject"], *list(label.get("accept", []))]}  # type: ignore[call-overload]
        cands = candidates(figure, text)
        right = [_norm(c.text) in accepted for c in cands]
        where = f"{set_name}/{label_path.stem} {figure.text}"
        out.append(Item(where, cands, right, set_name))
    return out


def load_set(folder: Path) -> list[Item]:
    items: list[Item] = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        if "figure" not in data:
            continue
        opened = open_report(folder / str(data["file"]), explicit=True)
        if isinstance(opened, Problem):
            raise SystemExit(f"{path}: {opened}")
        items.extend(items_of(opened, path, folder.name))
    return items


def load_repo_sets() -> dict[str, list[Item]]:
    reports = {Path(r.path or "").name: r for r in load().reports}
    sets: dict[str, list[Item]] = {}
    for name, folder in (("repo-dev", LABELS), ("repo-heldout", LABELS / "heldout")):
        items: list[Item] = []
        for path in sorted(folder.glob("figures_*.toml")):
            report = reports[tomllib.loads(path.read_text("utf-8"))["file"]]
            items.extend(items_of(report, path, name))
        sets[name] = items
    return sets


# ---------------------------------------------------------------- the ranker


class Ranker:
    """An averaged perceptron over candidate features; ties go to the first (the rule's)."""

    def __init__(self, weights: dict[str, float] | None = None, words: frozenset[str] = frozenset()) -> None:
        self.weights = weights or {}
        self.words = words  # edge words kept as identity features; none: no word features

    def keep(self, feats: list[str]) -> list[str]:
        return [f for f in feats if not f.startswith("word:") or f.split("=", 1)[1] in self.words]

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in self.keep(feats))

    def choose(self, cands: list[Candidate]) -> int:
        best, best_score = 0, self.score(cands[0].features)
        for i in range(1, len(cands)):
            value = self.score(cands[i].features)
            if value > best_score + 1e-9:
                best, best_score = i, value
        return best

    @classmethod
    def train(cls, items: Sequence[Item], use_words: bool, epochs: int = EPOCHS, seed: int = 0) -> Ranker:
        words: frozenset[str] = frozenset()
        if use_words:
            counts: Counter[str] = Counter()
            for item in items:
                for c in item.candidates:
                    for f in c.features:
                        if f.startswith("word:"):
                            counts[f.split("=", 1)[1]] += 1
            words = frozenset(w for w, _ in counts.most_common(TOP_WORDS))
        model = cls({}, words)
        weights: dict[str, float] = {}
        totals: dict[str, float] = {}
        stamps: dict[str, int] = {}
        step = 0
        usable = [it for it in items if any(it.right) and len(it.candidates) > 1]
        order = list(usable)
        rng = random.Random(seed)
        model.weights = weights
        for _ in range(epochs):
            rng.shuffle(order)
            for item in order:
                step += 1
                chosen = model.choose(item.candidates)
                if item.right[chosen]:
                    continue
                gold = max(
                    (i for i, ok in enumerate(item.right) if ok),
                    key=lambda i: model.score(item.candidates[i].features),
                )
                for sign, index in ((1.0, gold), (-1.0, chosen)):
                    for f in model.keep(item.candidates[index].features):
                        totals[f] = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * weights.get(f, 0.0)
                        stamps[f] = step
                        weights[f] = weights.get(f, 0.0) + sign
        averaged = {}
        for f, w in weights.items():
            total = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * w
            if total:
                averaged[f] = round(total / max(step, 1), 6)
        return cls(averaged, words)

    def save(self, path: Path) -> None:
        data = {"weights": self.weights, "words": sorted(self.words), "top_words": TOP_WORDS}
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0), "utf-8")

    @classmethod
    def load(cls, path: Path) -> Ranker:
        data = json.loads(path.read_text("utf-8"))
        return cls(dict(data["weights"]), frozenset(data["words"]))


def accuracy(model: Ranker, items: Sequence[Item]) -> tuple[int, int, int]:
    """(rule right, model right, figures) over the items."""
    rule = sum(item.rule_right for item in items)
    ours = sum(item.right[model.choose(item.candidates)] for item in items)
    return rule, ours, len(items)


# ---------------------------------------------------------------- commands


def _fresh_misses(path: Path) -> dict[str, set[str]]:
    """SET → {"NN TEXT"} of the first-scored subject misses."""
    misses: dict[str, set[str]] = {}
    current = ""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("== "):
            current = line[3:].split(",")[0].strip()
        elif line.strip().startswith("subject ") and current:
            rest = line.strip()[len("subject ") :]
            number, _, tail = rest.partition(". ")
            text = tail.split(": ", 1)[0]
            misses.setdefault(current, set()).add(f"{number} {text}")
    return misses


def run_loso(sets: dict[str, list[Item]], use_words: bool, fresh: Path | None) -> None:
    misses = _fresh_misses(fresh) if fresh else {}
    print(f"{'set':<14} {'figures':>7} {'rule':>7} {'model':>7} {'fixed':>5} {'broken':>6}")
    total = [0, 0, 0]
    fresh_total = [0, 0, 0, 0]  # misses found, right by the rule now, by the model, broken
    for name, held in sets.items():
        train = [it for other, its in sets.items() if other != name for it in its]
        model = Ranker.train(train, use_words)
        rule, ours, n = accuracy(model, held)
        fixed = broken = 0
        for item in held:
            chosen = item.right[model.choose(item.candidates)]
            fixed += chosen and not item.rule_right
            broken += item.rule_right and not chosen
        total = [total[0] + rule, total[1] + ours, total[2] + n]
        print(f"{name:<14} {n:>7} {rule / n:>7.3f} {ours / n:>7.3f} {fixed:>5} {broken:>6}")
        if name in misses:
            keys = misses[name]
            for item in held:
                key = item.where.split("/", 1)[1]
                if key in keys:
                    chosen = item.right[model.choose(item.candidates)]
                    fresh_total[0] += 1
                    fresh_total[1] += item.rule_right
                    fresh_total[2] += chosen
            broken_here = sum(
                item.rule_right and not item.right[model.choose(item.candidates)] for item in held
            )
            fresh_total[3] += broken_here
    print(f"{'all':<14} {total[2]:>7} {total[0] / total[2]:>7.3f} {total[1] / total[2]:>7.3f}")
    if fresh:
        print(
            f"fresh misses matched {fresh_total[0]}: right by the rule now {fresh_total[1]}, "
            f"by the LOSO model {fresh_total[2]}; right answers broken in those sets {fresh_total[3]}"
        )


def load_sets(folders: Sequence[Path]) -> dict[str, list[Item]]:
    for folder in folders:
        if folder.name in ("unseen11", "unseen12"):
            raise SystemExit(f"{folder}: held out, not for training")
    sets = load_repo_sets()
    for folder in folders:
        sets[folder.name] = load_set(folder)
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loso", nargs="*", type=Path, metavar="SET_DIR")
    parser.add_argument("--train-all", nargs="*", type=Path, metavar="SET_DIR")
    parser.add_argument("--save", type=Path, metavar="MODEL")
    parser.add_argument("--model", type=Path, metavar="MODEL")
    parser.add_argument("--labels", action="append", type=Path, default=[])
    parser.add_argument("--report", action="append", type=Path, default=[])
    parser.add_argument("--fresh", type=Path)
    parser.add_argument("--no-words", action="store_true", help="no edge words as features")
    parser.add_argument("--verbose", action="store_true", help="list every figure the model changes")
    args = parser.parse_args(argv)
    if args.loso is not None:
        run_loso(load_sets(args.loso), not args.no_words, args.fresh)
        return 0
    if args.train_all is not None:
        if not args.save:
            parser.error("--train-all needs --save MODEL")
        sets = load_sets(args.train_all)
        items = [it for its in sets.values() for it in its]
        model = Ranker.train(items, not args.no_words)
        model.save(args.save)
        rule, ours, n = accuracy(model, items)
        print(f"trained on {n} figures of {len(sets)} sets (training fit: rule {rule / n:.3f}, model {ours / n:.3f})")
        return 0
    if args.model:
        if not args.labels or len(args.labels) != len(args.report):
            parser.error("give --labels FILE --report TXT pairs")
        model = Ranker.load(args.model)
        items = []
        started = time.perf_counter()
        for label_path, path in zip(args.labels, args.report, strict=True):
            opened = open_report(path, explicit=True)
            if isinstance(opened, Problem):
                parser.error(str(opened))
            items.extend(items_of(opened, label_path, label_path.parent.name))
        rule, ours, n = accuracy(model, items)
        took = time.perf_counter() - started
        print(f"figures matched {n}: subject accuracy rule {rule / n:.3f}, model {ours / n:.3f}")
        if args.verbose:
            for item in items:
                chosen = model.choose(item.candidates)
                if chosen:
                    mark = "fixed" if item.right[chosen] and not item.rule_right else (
                        "broken" if item.rule_right else "still wrong")
                    print(f"  {mark:<11} {item.where}: {item.candidates[0].text} → {item.candidates[chosen].text}")
        print(f"({took:.1f} s with parsing)")
        return 0
    parser.error("give --loso, --train-all or --model")
    return 2


if __name__ == "__main__":
    sys.exit(main())
