"""Figure subjects by a learned edge model: a measured prototype (issue 14).

    python benchmarks/subject_edges.py --loso SET_DIR … [--fresh-dump JSON …] [--fresh FILE]
    python benchmarks/subject_edges.py --train-all SET_DIR … [--fresh-dump JSON …] --save MODEL
    python benchmarks/subject_edges.py --model MODEL --labels T --report TXT [--labels … --report …]

(`--method joint|blind`, `--no-words` with any; `--verbose` with `--model` lists the figures
the model changes.) The rule finder (`govread.figures.report_figures`) gives each figure a
subject, its `label`. Here each labelled figure the finder finds (matched as
benchmarks/quality.py matches: same unit and value, in document order) gets candidates: the
rule's subject, and the same phrase with its left edge moved to each jieba word boundary of its
clause (leftwards to the clause start, rightwards keeping two characters or more) and its right
edge trimmed or extended by one or two words (before the number: up to it; after it: within
the clause). A candidate is right when `_norm` of it is in the label's subject and accepted
phrasings. A subject the rule composed (not found in the text) is its only candidate. An
averaged perceptron ranks the candidates on general features: the word classes (govread's
`word_classes()`, jieba's dictionary tags) on each side of each edge, whether an edge word is
punctuation, 的 or a preposition, the unit's kind, the length, how far each edge moved from the
rule's; and (unless `--no-words`) the 300 most frequent edge words as identity features.
`joint` (the default): the rule's answer is a candidate with a feature of its own and ties go
to it, so the model departs from the rule only on evidence. `blind`: the weights know nothing
of the rule, and the rule's answer gets a margin fitted on sets those weights never saw.

A SET_DIR is a folder of NN.toml figure labels (the form of tests/fixtures/labels/
figures_000.toml, their `file` the NN.txt beside them); the in-repo labels (tests/fixtures/
labels and its heldout/) are two more sets, always used. `--loso` trains on every set but one
and scores the one left out, in turn. `--fresh-dump JSON` (benchmarks/subject_edges_dump.py,
run on an earlier commit's package) adds each set as the rule that first scored it read it:
those items train the other folds too (a fresh set is what the model will meet: today's rule
is right on 97% of the sets it was made on, and on 82-89% of a fresh one), and each is scored
leaving its set out. `--fresh FILE` (lines `== SET, …` then `  subject NN. TEXT: …`) counts
how many of a round's first-scored misses today's rule and the model get right. Nothing of the
labels is written anywhere but stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from govread import segment
from govread.corpus import load
from govread.figures import Figure, figures_with_text
from govread.opening import Problem, open_report
from govread.parsers.flat import word_classes
from govread.parsers.model import Report
from govread.sanitize import sanitize_line

sys.path.insert(0, str(Path(__file__).resolve().parent))
# the scorer's own reading of labels: as the report was read, matched, subjects accepted
from quality import _norm, accepted_subjects, labels_as_read, match_labels

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "labels"
_CLAUSE = frozenset("，。；：！？,;:!?\n")
_PUNCT = frozenset("，。；：！？,;:!?、（）()“”\"‘’'《》「」【】[]—-…·/ \u3000\n\t")
_EVENTS = frozenset("次场期轮届批")
_MONEY = ("元", "万元", "亿元")
_DURATIONS = frozenset(["天", "年", "个月", "月", "个工作日", "工作日", "小时", "分钟", "日"])
EPOCHS = 8
TOP_WORDS = 300


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
    if (unit and unit[-1] in _EVENTS) or unit in ("人次", "场次", "家次", "件次"):
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


def candidates(
    figure: Figure | Found, text: str, cut: Callable[[str], list[str]] | None = None
) -> list[Candidate]:
    """The rule's subject first, then its edge moves (see the module's docstring); `cut`
    segments a clause (default: govread's jieba, `govread.segment.cut`)."""
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
    words = (cut or segment.cut)(text[cs:ce])
    for word in words:
        at += len(word)
        bounds.add(at)
    ordered = sorted(b for b in bounds if cs <= b <= ce)
    index = {b: i for i, b in enumerate(ordered)}
    ei = index[e]
    lefts = [b for b in ordered if b <= e - 2]
    rights = [
        ordered[i] for i in range(max(0, ei - 2), min(len(ordered), ei + 3)) if ordered[i] >= s + 2
    ]
    out = [
        Candidate(
            figure.label,
            _features(text, s, e, s, e, ordered, index, kind, side, cs, ce),
            True,
        )
    ]
    seen = {(s, e)}
    for r in rights:
        for left in lefts:
            if r - left < 2 or (left, r) in seen:
                continue
            seen.add((left, r))
            feats = _features(text, left, r, s, e, ordered, index, kind, side, cs, ce)
            out.append(Candidate(text[left:r], feats, False))
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
    for name, word in (
        ("L.prev", prev_w),
        ("L.first", first_w),
        ("R.last", last_w),
        ("R.next", next_w),
    ):
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
    return feats


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Found:
    """A figure as another version of the finder gave it (see `--fresh-dump`)."""

    label: str
    unit: str
    value: float
    text: str
    start: int
    end: int


def items_of(
    report: Report,
    label_path: Path,
    set_name: str,
    given: Sequence[tuple[Found, str]] | None = None,
) -> list[Item]:
    """The labelled figures of the report the finder finds (or `given` found), as items."""
    labels = labels_as_read(label_path.read_text("utf-8"), report)["figure"]
    found: Sequence[tuple[Figure | Found, str]] = (
        list(figures_with_text(report)) if given is None else given
    )
    out: list[Item] = []
    for label, hit in zip(labels, match_labels(labels, [f for f, _ in found]), strict=True):
        if hit is None:
            continue
        figure, text = found[hit]
        accepted = accepted_subjects(label)
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
            raise SystemExit(sanitize_line(f"{path}: {opened}"))
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

    def __init__(
        self,
        weights: dict[str, float] | None = None,
        words: frozenset[str] = frozenset(),
        blind: bool = False,
        beta: float = 0.0,
    ) -> None:
        self.weights = weights or {}
        self.words = words  # edge words kept as identity features; none: no word features
        # blind: the features say nothing of the rule (no rule, dl, dr); the rule's answer
        # gets `beta` added instead, a margin fitted on sets the weights never saw
        self.blind = blind
        self.beta = beta

    def keep(self, feats: list[str]) -> list[str]:
        return [
            f
            for f in feats
            if (not f.startswith("word:") or f.split("=", 1)[1] in self.words)
            and not (self.blind and f.startswith(_RULE_FEATURES))
        ]

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in self.keep(feats))

    def scores(self, cands: list[Candidate]) -> list[float]:
        return [self.score(c.features) for c in cands]

    def choose(self, cands: list[Candidate]) -> int:
        return _best(self.scores(cands), self.beta)

    @classmethod
    def train(
        cls,
        items: Sequence[Item],
        use_words: bool,
        epochs: int = EPOCHS,
        seed: int = 0,
        blind: bool = False,
    ) -> Ranker:
        words: frozenset[str] = frozenset()
        if use_words:
            counts: Counter[str] = Counter()
            for item in items:
                for c in item.candidates:
                    for f in c.features:
                        if f.startswith("word:"):
                            counts[f.split("=", 1)[1]] += 1
            words = frozenset(w for w, _ in counts.most_common(TOP_WORDS))
        model = cls({}, words, blind)
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
                        totals[f] = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * weights.get(
                            f, 0.0
                        )
                        stamps[f] = step
                        weights[f] = weights.get(f, 0.0) + sign
        averaged = {}
        for f, w in weights.items():
            total = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * w
            if total:
                averaged[f] = round(total / max(step, 1), 6)
        return cls(averaged, words, blind)

    @classmethod
    def train_blind(cls, sets: dict[str, list[Item]], use_words: bool) -> Ranker:
        """Blind weights from every set; the rule's margin from each set scored by weights
        trained without it (leave-one-set-out inside the given sets)."""
        held: list[tuple[list[float], list[bool]]] = []
        for name, items in sets.items():
            others = [it for other, its in sets.items() if other != name for it in its]
            inner = cls.train(others, use_words, blind=True)
            held.extend((inner.scores(it.candidates), it.right) for it in items)
        model = cls.train([it for its in sets.values() for it in its], use_words, blind=True)
        model.beta = fit_beta(held)
        return model

    def save(self, path: Path) -> None:
        data = {
            "weights": self.weights,
            "words": sorted(self.words),
            "blind": self.blind,
            "beta": self.beta,
        }
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0), "utf-8")

    @classmethod
    def load(cls, path: Path) -> Ranker:
        data = json.loads(path.read_text("utf-8"))
        return cls(
            dict(data["weights"]),
            frozenset(data["words"]),
            bool(data["blind"]),
            float(data["beta"]),
        )


_RULE_FEATURES = ("rule", "dl:", "dr:")


def _best(scores: Sequence[float], beta: float) -> int:
    """The highest score, the rule's (first) raised by beta; ties go to the earlier."""
    best, best_score = 0, scores[0] + beta
    for i in range(1, len(scores)):
        if scores[i] > best_score + 1e-9:
            best, best_score = i, scores[i]
    return best


def fit_beta(held: Sequence[tuple[list[float], list[bool]]]) -> float:
    """The rule's margin that gets most held-out figures right (the largest such: the
    model departs from the rule only when it must)."""
    gaps = sorted({max(s) - s[0] for s, _ in held if len(s) > 1})
    trials = [0.0, *(g + 1e-6 for g in gaps)]
    best, best_right = 0.0, -1
    for beta in trials:
        right = sum(r[_best(s, beta)] for s, r in held)
        if right >= best_right:
            best, best_right = beta, right
    return best


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


def fit(sets: dict[str, list[Item]], use_words: bool, method: str) -> Ranker:
    if method == "blind":
        return Ranker.train_blind(sets, use_words)
    return Ranker.train([it for its in sets.values() for it in its], use_words)


def without(
    sets: dict[str, list[Item]], extra: dict[str, list[Item]], name: str
) -> dict[str, list[Item]]:
    """Every set but `name`, each with the items of its first-scored rule (`extra`) too."""
    return {o: its + extra.get(o, []) for o, its in sets.items() if o != name}


def run_loso(
    sets: dict[str, list[Item]],
    use_words: bool,
    fresh: Path | None,
    method: str,
    extra: dict[str, list[Item]],
) -> None:
    misses = _fresh_misses(fresh) if fresh else {}
    if method == "blind":
        print("(blind model: rule margin per fold)")
    print(
        f"{'set':<14} {'figures':>7} {'rule':>7} {'model':>7} {'fixed':>5} {'broken':>6}"
        f" {'margin':>6} {'alone':>6}"
    )
    total = [0, 0, 0]
    total_alone = 0
    fresh_total = [0, 0, 0, 0]  # misses found, right by the rule now, by the model, broken
    for name, held in sets.items():
        model = fit(without(sets, extra, name), use_words, method)
        rule, ours, n = accuracy(model, held)
        alone = sum(it.right[_best(model.scores(it.candidates), 0.0)] for it in held)
        total_alone += alone
        fixed = broken = 0
        for item in held:
            chosen = item.right[model.choose(item.candidates)]
            fixed += chosen and not item.rule_right
            broken += item.rule_right and not chosen
        total = [total[0] + rule, total[1] + ours, total[2] + n]
        print(
            f"{name:<14} {n:>7} {rule / n:>7.3f} {ours / n:>7.3f} {fixed:>5} {broken:>6}"
            f" {model.beta:>6.2f} {alone / n:>6.3f}"
        )
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
    print(
        f"{'all':<14} {total[2]:>7} {total[0] / total[2]:>7.3f} {total[1] / total[2]:>7.3f}"
        f" {'':>5} {'':>6} {'':>6} {total_alone / total[2]:>6.3f}"
    )
    if fresh:
        print(
            f"fresh misses matched {fresh_total[0]}: right by the rule now {fresh_total[1]}, "
            f"by the LOSO model {fresh_total[2]}; right answers broken in those sets {fresh_total[3]}"
        )


def load_dump(path: Path, folders: dict[str, Path]) -> dict[str, list[Item]]:
    """Items of the figures another version of the finder found (a JSON of
    "SET/NN" → [{label, unit, value, text, start, end, para}], made by running that
    version's `report_figures` on SET's reports), scored against SET's labels."""
    data = json.loads(path.read_text("utf-8"))
    sets: dict[str, list[Item]] = {}
    for key, rows in sorted(data.items()):
        name, stem = key.split("/")
        if name not in folders:
            continue
        label_path = folders[name] / f"{stem}.toml"
        opened = open_report(folders[name] / f"{stem}.txt", explicit=True)
        if isinstance(opened, Problem):
            raise SystemExit(sanitize_line(f"{key}: {opened}"))
        given = [
            (
                Found(r["label"], r["unit"], float(r["value"]), r["text"], r["start"], r["end"]),
                r["para"] or "",
            )
            for r in rows
        ]
        sets.setdefault(name, []).extend(items_of(opened, label_path, name, given))
    return sets


def run_fresh(
    sets: dict[str, list[Item]], dumps: dict[str, list[Item]], use_words: bool, method: str
) -> None:
    """Each dumped set as the rule first scored it: the model trained on the other sets
    (their items by today's rule and by their own first-scored rule) picks among edges moved
    from that first rule's subjects."""
    print("as first scored (the rule of the commit that first scored each set):")
    print(f"{'set':<14} {'figures':>7} {'rule':>7} {'model':>7} {'fixed':>5} {'broken':>6}")
    totals = [0, 0, 0, 0, 0]
    for name, held in dumps.items():
        model = fit(without(sets, dumps, name), use_words, method)
        rule, ours, n = accuracy(model, held)
        fixed = broken = 0
        for item in held:
            chosen = item.right[model.choose(item.candidates)]
            fixed += chosen and not item.rule_right
            broken += item.rule_right and not chosen
        totals = [
            totals[0] + rule,
            totals[1] + ours,
            totals[2] + n,
            totals[3] + fixed,
            totals[4] + broken,
        ]
        print(f"{name:<14} {n:>7} {rule / n:>7.3f} {ours / n:>7.3f} {fixed:>5} {broken:>6}")
    if totals[2]:
        print(
            f"{'all':<14} {totals[2]:>7} {totals[0] / totals[2]:>7.3f} {totals[1] / totals[2]:>7.3f}"
            f" {totals[3]:>5} {totals[4]:>6}"
        )


def load_sets(folders: Sequence[Path]) -> dict[str, list[Item]]:
    sets = load_repo_sets()
    for folder in folders:
        sets[folder.name] = load_set(folder)
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--loso", nargs="*", type=Path, metavar="SET_DIR")
    parser.add_argument("--train-all", nargs="*", type=Path, metavar="SET_DIR")
    parser.add_argument("--save", type=Path, metavar="MODEL")
    parser.add_argument("--model", type=Path, metavar="MODEL")
    parser.add_argument("--labels", action="append", type=Path, default=[])
    parser.add_argument("--report", action="append", type=Path, default=[])
    parser.add_argument("--fresh", type=Path)
    parser.add_argument(
        "--fresh-dump",
        action="append",
        type=Path,
        default=[],
        metavar="JSON",
        help="figures an earlier finder found in some sets' reports (with --loso; repeatable)",
    )
    parser.add_argument(
        "--method",
        choices=("joint", "blind"),
        default="joint",
        help="joint: the rule's answer a feature among the others; blind: weights that know "
        "nothing of the rule, the rule's answer raised by a margin fitted on held-out sets",
    )
    parser.add_argument("--no-words", action="store_true", help="no edge words as features")
    parser.add_argument(
        "--verbose", action="store_true", help="list every figure the model changes"
    )
    args = parser.parse_args(argv)
    if args.loso is not None:
        sets = load_sets(args.loso)
        folders = {f.name: f for f in args.loso}
        dumps: dict[str, list[Item]] = {}
        for dump in args.fresh_dump:
            for name, items in load_dump(dump, folders).items():
                dumps.setdefault(name, []).extend(items)
        run_loso(sets, not args.no_words, args.fresh, args.method, dumps)
        if dumps:
            run_fresh(sets, dumps, not args.no_words, args.method)
        return 0
    if args.train_all is not None:
        if not args.save:
            parser.error("--train-all needs --save MODEL")
        sets = load_sets(args.train_all)
        folders = {f.name: f for f in args.train_all}
        for dump in args.fresh_dump:
            for name, extra in load_dump(dump, folders).items():
                sets[name] = sets[name] + extra
        items = [it for its in sets.values() for it in its]
        model = fit(sets, not args.no_words, args.method)
        model.save(args.save)
        rule, ours, n = accuracy(model, items)
        print(
            f"trained on {n} figures of {len(sets)} sets (training fit: rule {rule / n:.3f}, model {ours / n:.3f})"
        )
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
                parser.error(sanitize_line(str(opened)))
            items.extend(items_of(opened, label_path, label_path.parent.name))
        rule, ours, n = accuracy(model, items)
        took = time.perf_counter() - started
        print(f"figures matched {n}: subject accuracy rule {rule / n:.3f}, model {ours / n:.3f}")
        if args.verbose:
            for item in items:
                chosen = model.choose(item.candidates)
                if chosen:
                    mark = (
                        "fixed"
                        if item.right[chosen] and not item.rule_right
                        else ("broken" if item.rule_right else "still wrong")
                    )
                    said = (
                        f"{item.where}: {item.candidates[0].text} → {item.candidates[chosen].text}"
                    )
                    print(f"  {mark:<11} {sanitize_line(said)}")
        print(f"({took:.1f} s with parsing)")
        return 0
    parser.error("give --loso, --train-all or --model")
    return 2


if __name__ == "__main__":
    sys.exit(main())
