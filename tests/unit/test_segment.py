"""jieba done well: the user dictionary, quiet loading, the on-disk segmentation cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from govread import segment
from govread.parsers import Report
from govread.search import SearchIndex

GENRE_TERMS = (
    "法治政府",
    "习近平法治思想",
    "放管服",
    "行政复议",
    "行政执法",
    "规范性文件",
    "出庭应诉",
    "证明事项告知承诺制",
    "枫桥经验",
    "八五普法",
    "谁执法谁普法",
    "重大行政决策",
    "合法性审查",
    "综合行政执法",
    "公共法律服务",
    "营商环境",
    "首违不罚",
    "包容审慎监管",
    "双随机一公开",
    "行政执法三项制度",
)


def test_user_dictionary_is_package_data_in_jieba_format() -> None:
    entries = segment.user_dictionary()
    assert len(entries) >= 300
    words = [word for word, _, _ in entries]
    assert len(words) == len(set(words))
    for term in GENRE_TERMS:
        assert term in words
    for word, freq, tag in entries:
        assert " " not in word and freq > 0 and tag


def test_user_dictionary_keeps_genre_terms_whole() -> None:
    for term in GENRE_TERMS:
        assert segment.cut(f"深入推进{term}工作") == ["深入", "推进", term, "工作"]
    assert "法治政府" in segment.cut("加快建设法治政府")


def test_without_the_user_dictionary_jieba_splits_them() -> None:
    # What the dictionary is for: plain jieba cuts these terms apart.
    segment.ensure_loaded()
    import jieba

    plain = jieba.Tokenizer()
    plain.tmp_dir = str(segment.cache_root() / "jieba")
    assert plain.lcut("加快建设法治政府") != segment.cut("加快建设法治政府")
    assert "证明事项告知承诺制" not in plain.lcut("推进证明事项告知承诺制")


def test_index_tokens_include_known_parts_of_a_term() -> None:
    found = segment.tokens("推进法治政府建设")
    assert {"法治政府", "法治", "政府", "建设"} <= set(found)
    assert "," not in segment.tokens("法治,政府")


def test_query_words_drop_function_words() -> None:
    assert segment.words("规范执法人员资格") == ["规范", "执法人员", "资格"]
    assert "的" not in segment.words("法治政府的建设")


def test_loading_prints_nothing_and_caches_in_the_user_cache_dir(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    code = (
        "from govread import segment; segment.ensure_loaded(); "
        "print(segment.cut('推进法治政府建设'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stderr == ""
    assert "法治政府建设" in done.stdout
    assert (tmp_path / "cache" / "govread" / "jieba" / "jieba.cache").is_file()
    assert not list((tmp_path / "tmp").iterdir())  # nothing left in the temp dir


def _cache_files() -> list[Path]:
    return sorted(segment.segments_dir().glob("*.json"))


def test_a_second_build_reads_segmentation_from_disk(
    samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = SearchIndex.build(samples, segment_now=True)
    files = _cache_files()
    assert len(files) == len(samples)
    assert all(
        f.name.startswith(r.sha256)
        for f, r in zip(files, sorted(samples, key=lambda r: r.sha256), strict=True)
    )

    def no_jieba(text: str) -> list[str]:
        raise AssertionError("segmented again despite the cache")

    monkeypatch.setattr(segment, "tokens", no_jieba)
    second = SearchIndex.build(samples, segment_now=True)
    assert second.tokens_ready
    assert [h.node_id for h in second.search("行政复议")] == [
        h.node_id for h in first.search("行政复议")
    ]


def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(samples: list[Report]) -> None:
    report = samples[0]
    SearchIndex.build([report], segment_now=True)
    [path] = _cache_files()
    good = json.loads(path.read_text("utf-8"))
    wrong_tokens = {**good, "units": {key: [1, 2] for key in good["units"]}}
    wrong_shape = {**good, "units": {key: "法治" for key in good["units"]}}
    damages = [
        "{not json",
        json.dumps({"units": {"x": "y"}}),
        "",
        "[]",
        json.dumps(wrong_tokens),
        json.dumps(wrong_shape),
    ]
    for damage in damages:
        path.write_text(damage, "utf-8")
        index = SearchIndex.build([report], segment_now=True)
        assert index.search("法治政府")
        assert json.loads(path.read_text("utf-8")) == good
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_cache_key_holds_parser_version_and_dictionary_hash(samples: list[Report]) -> None:
    SearchIndex.build(samples[:1], segment_now=True)
    [path] = _cache_files()
    from govread.parsers import PARSER_VERSION

    assert f"-p{PARSER_VERSION}-" in path.name
    assert segment.dictionary_hash()[:16] in path.name
    assert json.loads(path.read_text("utf-8"))["dictionary"] == segment.dictionary_hash()


def test_no_cache_mode_writes_nothing(samples: list[Report]) -> None:
    SearchIndex.build(samples[:1], use_cache=False, segment_now=True)
    assert _cache_files() == []


def test_jieba_logger_cannot_reach_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    import logging

    segment.ensure_loaded()
    logger = logging.getLogger("jieba")
    logger.error("Dump cache file failed.")  # what jieba logs when its cache dir is read-only
    assert capfd.readouterr().err == ""
    assert not logger.propagate


_BUILT: list[object] = []  # the compiled routes, built once for every test that asks


@pytest.fixture(params=["routes", "compiled"])
def routes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test twice: a block's route from jieba (or jieba_fast), then from the compiled
    routes (rjieba), skipped where rjieba is not installed."""
    segment.ensure_loaded()
    if request.param == "compiled":
        if not _BUILT:  # built beside whichever jieba is loaded, even jieba asked for alone
            with monkeypatch.context() as env:
                env.delenv("GOVREAD_SEGMENTER", raising=False)
                _BUILT.append(segment._build_compiled(segment._tokenizer) or False)
        if not _BUILT[0]:
            pytest.skip("rjieba is not installed")
        monkeypatch.setattr(segment, "_compiled", _BUILT[0])
    else:
        monkeypatch.setattr(segment, "_compiled", False)
    return str(request.param)


def test_one_cutter_gives_jiebas_own_cuts_with_and_without_hmm(routes: str) -> None:
    """A report's `Cutter` finds each block's route once for both cuts: what it gives is
    what jieba's `cut` gives, with HMM (the search tokens) and without (the comparison)."""
    from govread.corpus import load
    from govread.store_build import unit_texts

    segment.ensure_loaded()
    tokenizer = segment._tokenizer
    texts = [
        "２０２３年ＡＰＰ上线, e-Gov平台 3.5% 增长; C++ & C# 工作\r\n上作年区 x1y2",
        "  行政复议 -- 案件 12,345 件\t共计",
        "",
        "，。、",
    ]
    for report in load().reports:
        texts.extend(unit_texts(report).values())
    cutter = segment.Cutter()  # one for every text: blocks cut before are reused
    for text in texts:
        assert cutter.cut(text, hmm=True) == list(tokenizer.cut(text, HMM=True))
        # a new cutter: its blocks are cut again, the HMM's guesses of each run are reused
        assert segment.Cutter().cut(text, hmm=True) == list(tokenizer.cut(text, HMM=True))
        assert cutter.cut(text, hmm=False) == list(tokenizer.cut(text, HMM=False))
        plain = [w for w in tokenizer.cut(text, HMM=False) if segment._is_wordlike(w)]
        assert cutter.known(text) == plain
        assert segment.Cutter().known(text) == plain


def test_compiled_routes_cut_random_texts_as_jieba_does(routes: str) -> None:
    """Texts made at random of dictionary words, single characters, letters, digits and the
    signs a block may hold: the report's `Cutter` cuts them as jieba does, with HMM and
    without, whichever finds the routes."""
    import random

    tokenizer = segment._tokenizer
    words = sorted(w for w, f in tokenizer.FREQ.items() if f and len(w) < 5)
    signs = "abcXY0123456789+#&._%-"
    chance = random.Random(15)
    cutter = segment.Cutter()
    for _ in range(400):
        parts = []
        for _ in range(chance.randint(1, 10)):
            pick = chance.random()
            if pick < 0.55:
                parts.append(chance.choice(words))
            elif pick < 0.8:
                parts.append(chance.choice("的了和政府法治年月日市区县各全"))
            else:
                parts.append("".join(chance.choices(signs, k=chance.randint(1, 4))))
        text = "".join(parts)
        for hmm in (True, False):
            assert cutter.cut(text, hmm) == list(tokenizer.cut(text, HMM=hmm)), text


def test_compiled_routes_leave_a_dictionary_word_of_letters_to_jieba() -> None:
    """The walk with HMM cannot be told from the cut without it where a word of letters
    and digits is in the dictionary (one route word, or single characters joined): then
    the block's route is found as without compiled routes."""
    segment.ensure_loaded()
    cutter = segment.Cutter()
    guess = segment._engine.finalseg.cut  # jieba's HMM, on a run of single characters
    assert cutter._hmm_from_plain(["工作", "ab", "中"]) == ["工作", *guess("ab中")]
    assert cutter._hmm_from_plain(["工作", "a", "中"]) == ["工作", *guess("a中")]
    cutter._freq = {**cutter._freq, "ab": 3}
    assert cutter._hmm_from_plain(["工作", "ab", "中"]) is None


def test_compiled_routes_are_off_when_jieba_is_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    segment.ensure_loaded()
    monkeypatch.setenv("GOVREAD_SEGMENTER", "jieba")
    assert segment._build_compiled(segment._tokenizer) is None


def test_compiled_routes_are_off_when_rjieba_is_not_the_one_expected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An rjieba without the API used, or one that cuts otherwise than jieba, is left
    aside: jieba finds the routes."""
    import types

    segment.ensure_loaded()
    monkeypatch.delenv("GOVREAD_SEGMENTER", raising=False)
    older = types.ModuleType("rjieba")
    older.Jieba = type("Jieba", (), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rjieba", older)
    assert segment._build_compiled(segment._tokenizer) is None

    class Other:
        @staticmethod
        def empty() -> Other:
            return Other()

        def add_word(self, word: str, freq: int, tag: str | None) -> int:
            return freq

        def cut(self, text: str, hmm: bool) -> list[str]:
            return list(text)  # every character a word

    other = types.ModuleType("rjieba")
    other.Jieba = Other  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rjieba", other)
    assert segment._build_compiled(segment._tokenizer) is None


def test_the_comparison_words_are_those_of_a_second_cut_without_hmm() -> None:
    """The comparison's words taken from the report's shared cut are those its own cut of
    each unit, without HMM, gives (as `compare` computed them before the cut was shared)."""
    from govread import compare
    from govread.corpus import load
    from govread.figures import number_spans
    from govread.store_build import unit_texts
    from govread.topics import load_lexicon

    segment.ensure_loaded()
    tokenizer = segment._tokenizer
    domain = frozenset(segment.user_terms())

    def second_cut(text: str) -> list[str]:
        found: list[str] = []
        pieces: list[str] = []  # the text between numbers, each number cut out
        position = 0
        for start, end in number_spans(text):
            pieces.append(text[position:start])
            position = end
        pieces.append(text[position:])
        for piece in pieces:
            for word in tokenizer.cut(piece, HMM=False):
                if not segment._is_wordlike(word):
                    continue
                size = len(word)
                own: list[str] = []
                for length in range(2, size):
                    for start in range(size - length + 1):
                        if word[start : start + length] in domain:
                            own.append(word[start : start + length])
                own.append(word)
                # the genre's synonyms: the group's name for a word holding one of its words
                own.extend(
                    name
                    for name, words in load_lexicon().synonyms
                    if name not in own and any(w in word for w in words)
                )
                found.extend(own)
        return [
            t
            for t in found
            if len(t) > 1
            and t not in compare._STOPWORDS
            and not any(ch.isdigit() for ch in t)
            and (compare._CJK.search(t) or t.isalpha())
        ]

    for report in load().reports:
        cutter = segment.Cutter()
        segment.report_tokens(unit_texts(report), cutter)
        compare._UNIT_CACHE.clear()
        for unit in compare.report_units(report, cutter=cutter):
            expected = second_cut(f"{unit.heading}\n{unit.text}")
            assert unit.terms == dict(Counter(expected))


def test_the_comparison_words_of_blocks_of_signs_and_letters(routes: str) -> None:
    """Blocks holding words of signs alone (".", "--", "%"), letters and digits: the
    comparison's words mapped from each block's words as they are equal those of a cut
    without HMM with the signs left out first."""
    from govread import compare

    segment.ensure_loaded()
    tokenizer = segment._tokenizer
    texts = [
        "推进e-Gov平台建设--完成率3.5%，C++ & C#课程. 行政执法..公示",
        "综合行政执法改革% 深化...行政复议 #法治政府 & 普法_宣传",
        "第一-二季度 办结率-100% ，abc。行政执法",
    ]
    cutter = segment.Cutter()
    for text in texts:
        segment.report_tokens({"t|b": text}, cutter)  # the search's cut first, as indexing does
        expected = [
            term
            for word in tokenizer.cut(text, HMM=False)
            if segment._is_wordlike(word)
            for term in compare._TERMS[word]
        ]
        assert cutter.known_terms(text, compare._TERMS) == expected
        assert segment.Cutter().known_terms(text, compare._TERMS) == expected


def test_a_reports_cutter_and_search_units_need_no_garbage_collection() -> None:
    """A report's `Cutter` (every word list it holds) and its search units are freed as soon
    as the last reference goes: no cycle is left for the collector (the index's workers run
    it once a report, and what it walks costs)."""
    import gc

    from govread import compare
    from govread.corpus import load
    from govread.search import _report_units

    segment.ensure_loaded()
    report = load().reports[0]
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        cutter = segment.Cutter()
        units = _report_units(report, 0)
        segment.report_tokens({u.id: u.body_fold.text for u in units}, cutter)
        cutter.known_terms(units[-1].body, compare._TERMS)
        del cutter, units
        assert gc.collect() == 0  # nothing was left unreachable for the collector to find
    finally:
        if enabled:
            gc.enable()


def test_jiebas_own_handlers_keep_no_stream_of_the_moment_it_was_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """jieba's modules keep a `log_console` handler holding the sys.stderr of their import:
    inside the browser, the app's print capture, which kept the whole finished app alive
    (in a test worker, one app's ≈ 60,000 objects walked by every full collection after)."""
    import io
    import sys

    import jieba
    import jieba._compat

    from govread import segment

    capture = io.StringIO()  # what sys.stderr was inside an app when jieba was imported
    for module in (jieba, jieba._compat):
        monkeypatch.setattr(module.log_console, "stream", capture)
    segment._import_jieba()
    held = [
        name
        for name, module in list(sys.modules.items())
        if name.startswith("jieba")
        and getattr(module, "log_console", None) is not None
        and module.log_console.stream is capture
    ]
    assert held == []
