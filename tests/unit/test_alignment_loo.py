"""benchmarks/alignment_loo.py: a learned pair score, scored leave-one-comparison-out."""

from __future__ import annotations

from pathlib import Path

from repo_scripts import load_script

from govread.compare import compare
from govread.parsers.model import Report

loo = load_script("benchmarks/alignment_loo.py")
quality = load_script("benchmarks/quality.py")


def test_train_learns_which_feature_separates_and_ignores_noise() -> None:
    # x1 decides the label; x2 is the same on both sides of it
    xs = [[1.0, x1, x2] for x1 in (0.0, 1.0) for x2 in (0.0, 0.5, 1.0) for _ in range(40)]
    ys = [row[1] for row in xs]
    w = loo.train(xs, ys)
    assert w[1] > 2.0
    assert abs(w[2]) < 0.5
    assert loo._sigmoid(w[0] + w[1]) > 0.9 > 0.1 > loo._sigmoid(w[0])


def _labelled(probabilities: dict[tuple[int, int], float]) -> tuple[object, list[float]]:
    candidates = [
        loo.Candidate(i, j, [f"a{i}"], [f"b{j}"], {}, False) for i, j in sorted(probabilities)
    ]
    labelled = loo.Labelled("x/y", set(), candidates)
    return labelled, [probabilities[(c.i, c.j)] for c in candidates]


def test_decoders_threshold_best_partner_and_share() -> None:
    labelled, p = _labelled({(0, 0): 0.9, (0, 1): 0.5, (1, 0): 0.3, (1, 1): 0.1})
    assert loo.decode(labelled, p, 1.0, 0.6, "thr") == {("a0", "b0")}
    # each unit's most probable partner at the low bar: a1's is b0 (0.3), b1's is a0 (0.5)
    assert loo.decode(labelled, p, 0.25, 0.95, "best") == {("a0", "b0"), ("a1", "b0"), ("a0", "b1")}
    # at least 0.2 and at least half the best of its row or column
    assert loo.decode(labelled, p, 0.2, 0.5, "rel") == {("a0", "b0"), ("a0", "b1")}


def test_candidates_claim_what_the_scorer_reads_from_main_rows(samples: list[Report]) -> None:
    by_name = {Path(r.path or "").name: r for r in samples}
    spec = {
        "a": "000_a2921691a043be3c.txt",
        "b": "004_c04034ab0c357aed.txt",
        "ignore_a": [],
        "ignore_b": ["1"],
        "pairs": [["1.1.1", "1"], ["1.2.1", "3"]],
    }
    labelled = loo.candidates(spec, by_name, samples)
    rows = compare(by_name[spec["a"]], by_name[spec["b"]], samples)
    claimed = {
        (x, y) for c in labelled.candidates if c.features["main"] for x in c.xs for y in c.ys
    }
    assert claimed == {(x, y) for x, y in quality._pairs(rows) if y != "1"}
    assert labelled.truth == {("1.1.1", "1"), ("1.2.1", "3")}
    true = {(x, y) for c in labelled.candidates if c.true for x in c.xs for y in c.ys}
    assert true == {("1.2.1", "3")}  # "1" of B is ignored: no candidate holds it
    for c in labelled.candidates:
        assert 0.0 <= c.features["cos"] <= 1.0 + 1e-9
        assert c.features["r_ab"] in {1.0 / n for n in range(1, 200)}


def test_sweep_scores_each_setting_and_leaves_each_pair_out(samples: list[Report], capsys) -> None:
    import govread.compare as compare_module

    by_name = {Path(r.path or "").name: r for r in samples}
    spec = {
        "a": "000_a2921691a043be3c.txt",
        "b": "004_c04034ab0c357aed.txt",
        "ignore_a": [],
        "ignore_b": [],
        "pairs": [["1.1.1", "1"], ["1.2.1", "3"]],
    }
    before = compare_module.SECONDARY_THRESHOLD
    loo.sweep([(spec, samples), (dict(spec), samples)], ["SECONDARY_THRESHOLD=0,2"])
    assert before == compare_module.SECONDARY_THRESHOLD  # set back after the grid
    out = capsys.readouterr().out
    assert "SECONDARY_THRESHOLD=0: pooled F1" in out and "SECONDARY_THRESHOLD=2: pooled F1" in out
    assert out.count("left out ") == 2 and "leave-one-pair-out: P" in out
    # the counts are the scorer's own: main's rows against the two labelled pairs
    found = quality._pairs(compare(by_name[spec["a"]], by_name[spec["b"]], samples))
    truth = {("1.1.1", "1"), ("1.2.1", "3")}
    assert loo._claimed_counts([(spec, samples)])[0] == (len(found & truth), len(found), 2)
