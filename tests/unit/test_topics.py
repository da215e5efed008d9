"""The theme lexicon: the bundled themes, the scorer and the file checks."""

from __future__ import annotations

import re

import pytest

from govread.topics import OTHER_ID, LexiconError, load_lexicon


def test_bundled_themes_follow_the_outline() -> None:
    lexicon = load_lexicon()
    assert lexicon.order == (
        "leadership",
        "functions",
        "rules",
        "decisions",
        "enforcement",
        "emergencies",
        "disputes",
        "oversight",
        "digital",
        "publicity",
        "problems",
        "next_steps",
        OTHER_ID,
    )
    assert all(theme.name and len(theme.keywords) >= 10 for theme in lexicon.themes)
    assert [t.id for t in lexicon.themes if t.phase] == ["problems", "next_steps"]
    assert lexicon.theme(OTHER_ID).name == "其他"
    with pytest.raises(KeyError):
        lexicon.theme("nonsense")


def test_heading_hits_weigh_more_than_body_hits() -> None:
    lexicon = load_lexicon()
    body = "开展人民调解工作,调解纠纷。"
    assert lexicon.best(lexicon.score("加强行政执法监督", body)) == "enforcement"
    assert lexicon.best(lexicon.score("", body)) == "disputes"


def test_longest_keyword_wins_without_overlap() -> None:
    lexicon = load_lexicon()
    assert lexicon.hits("推进综合行政执法改革") == {"综合行政执法": 1}


def test_phase_words_count_in_bodies_only_when_asked() -> None:
    lexicon = load_lexicon()
    body = "基层执法还存在短板,有待提升。"
    assert "problems" not in lexicon.score("", body)
    assert lexicon.best(lexicon.score("", body, phase_text=True), phase=True) == "problems"
    assert lexicon.best(lexicon.score("二、下一步工作安排"), phase=True) == "next_steps"
    assert lexicon.best(lexicon.score("", "今天天气很好")) == OTHER_ID


def test_a_lexicon_file_of_ones_own(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'heading_weight = 2\n[[theme]]\nid = "water"\nname = "水"\n'
        '[theme.keywords]\n"水质" = 2\n"河流" = 1\n',
        "utf-8",
    )
    lexicon = load_lexicon(path)
    assert lexicon.order == ("water", OTHER_ID)
    assert lexicon.score("水质", "河流") == {"water": 2 * 2 + 1}
    assert lexicon.theme("water").apart == ()
    assert not lexicon.theme("water").overall
    assert lexicon.synonyms == ()


def test_the_bundled_overall_theme_is_leadership() -> None:
    # the report's overall direction (党的领导, 统筹, 示范创建): a general plan meets plans on it
    assert [t.id for t in load_lexicon().themes if t.overall] == ["leadership"]


def test_the_bundled_synonyms_hold_both_names_of_the_list_of_powers() -> None:
    # 权力清单 and 权责清单 name one instrument (泾县 and 秦皇岛 2023 say it each way)
    assert set(dict(load_lexicon().synonyms)["权责清单"]) == {"权责清单", "权力清单"}


def test_the_bundled_synonyms_are_the_genres() -> None:
    synonyms = dict(load_lexicon().synonyms)
    assert synonyms["应诉"] == ("应诉",) and "重大行政决策" in synonyms["依法决策"]


def test_the_bundled_functions_theme_holds_subjects_of_their_own() -> None:
    apart = dict(load_lexicon().theme("functions").apart)
    assert set(apart) == {"生态环境", "知识产权", "信用", "权责清单", "双随机"}
    assert "环保" in apart["生态环境"] and "机构职能" in apart["权责清单"]


def test_the_bundled_rules_theme_holds_normative_documents_apart_from_legislation() -> None:
    assert dict(load_lexicon().theme("rules").apart) == {"规范性文件": ("规范性文件",)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not toml = = =", "mine.toml"),
        ("x = 1\n", r"no \[\[theme\]\]"),
        ('[[theme]]\nid = "a"\n', "string id and name"),
        ('[[theme]]\nid = "a"\nname = "A"\n[[theme]]\nid = "a"\nname = "B"\n', "used twice"),
        ('[[theme]]\nid = "other"\nname = "A"\n', "reserved"),
        ('[[theme]]\nid = "a"\nname = "A"\n[theme.keywords]\n"x" = "heavy"\n', "needs a number"),
        ('[[theme]]\nid = "a"\nname = "A"\n[theme.apart]\n"x" = "水"\n', "lists of words"),
        ('[[theme]]\nid = "a"\nname = "A"\n[theme.apart]\n"x" = []\n', "lists of words"),
        ('[synonyms]\n"x" = "y"\n[[theme]]\nid = "a"\nname = "A"\n', "synonyms"),
        ('[[theme]]\nid = "a"\nname = "A"\noverall = "yes"\n', "true or false"),
    ],
)
def test_bad_lexicon_files_fail_with_one_line(tmp_path, text: str, message: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)
    with pytest.raises(LexiconError):
        load_lexicon(tmp_path / "missing.toml")


def test_the_genres_words_for_a_law_abiding_society_are_publicity() -> None:
    from govread.topics import covered_themes

    # invented plan sentences: 弘扬法治精神, 法治意识 and 法治观念 are what 普法 aims at, not a
    # leadership sentence because 习近平法治思想 is named in it too
    lexicon = load_lexicon()
    themes, _ = covered_themes(
        lexicon, "", "一是弘扬社会主义法治精神。学习习近平法治思想,增强群众法治意识和法治观念。"
    )
    assert themes[0][0] == "publicity"
    themes, _ = covered_themes(
        lexicon, "", "营造办事依法、遇事找法的法治氛围,引导尊法学法守法用法。"
    )
    assert [t for t, _ in themes] == ["publicity"]


@pytest.mark.parametrize(
    "text",
    [
        "有序推进好全省首批部级“智慧矫正”中心创建试点工作。",
        "深化智慧司法建设，推广非现场监管。",
        "推行智慧执法，建设智慧监管平台。",
    ],
)
def test_technology_put_to_the_laws_work_names_the_digital_theme(text: str) -> None:
    """A report that speaks of 智慧矫正 or 非现场监管 is not silent on 数字法治政府 · 科技保障:
    it names it, in passing where that is all it says (泾县 2022, 社区矫正 under 公共法律服务)."""
    from govread.topics import mentioned_themes

    assert "digital" in mentioned_themes(load_lexicon(), "", text)
    assert "digital" not in mentioned_themes(load_lexicon(), "", "开展智慧普法进社区活动。")


@pytest.mark.parametrize(
    "closing",
    [
        "这些都需要在下一步工作中改进提高。",
        "上述问题有待在下一步工作中加以解决。",
        "对于这些不足,仍需在下一步工作中切实加强。",
    ],
)
def test_a_sentence_saying_the_problems_need_improving_is_no_plan(closing: str) -> None:
    from govread.topics import covered_themes

    # invented problem paragraphs closed by a sentence pointing back at them: 下一步 is where
    # they are to be improved, not a plan of the report's
    lexicon = load_lexicon()
    problems = "但仍存在一些薄弱环节,主要表现在:基层执法力量不足,执法水平有待提升。"
    _, phases = covered_themes(lexicon, "", problems + closing)
    assert phases == frozenset({"problems"})
    # a sentence that plans after pointing back still speaks of plans, as one opening 下一步
    for plan in ("针对上述问题,下一步我们将重点做好以下工作。", "下一步,我市将加强执法监督。"):
        _, phases = covered_themes(lexicon, "", problems + plan)
        assert phases == frozenset({"problems", "next_steps"})


def _hits_by_alternation(keywords: list[str], text: str) -> dict[str, int]:
    """What `Lexicon.hits` found with the plain alternation of the keywords, longest first."""
    ordered = sorted(keywords, key=lambda k: (-len(k), k))
    counts: dict[str, int] = {}
    for match in re.finditer("|".join(map(re.escape, ordered)), text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return counts


def test_the_keyword_trie_finds_what_the_alternation_of_the_keywords_found() -> None:
    """The keywords are matched as a trie (`topics._trie`): at each place the longest keyword
    that starts there, as the alternation of them longest first found it, in the same order;
    on the samples, and on keywords that begin one another and texts made of their pieces."""
    import random

    from govread.corpus import sample_paths
    from govread.parsers.readers import read_report
    from govread.topics import _keyword_pattern

    lexicon = load_lexicon()
    keywords = list(lexicon._weights)
    for path in sample_paths():
        report = read_report(path)
        for text in [*report.preamble, *(p for s in report.walk() for p in s.paragraphs)]:
            assert list(lexicon.hits(text).items()) == list(
                _hits_by_alternation(keywords, text).items()
            )
    made = ["法", "法治", "法治政府", "法治政府建设", "治", "政府", "府建", "a.b", "a", "[", "-"]
    pattern = _keyword_pattern(sorted(made, key=lambda k: (-len(k), k)))
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice([*made, "设", "的", " "]) for _ in range(rng.randrange(12)))
        found: dict[str, int] = {}
        for keyword in re.findall(pattern, text):
            found[keyword] = found.get(keyword, 0) + 1
        assert list(found.items()) == list(_hits_by_alternation(made, text).items()), text


def test_tiaochu_names_the_mediation_of_disputes() -> None:
    # 调处 (调解处理: 矛盾纠纷排查调处, 预防调处化解, 光明's “调处+就业” item) is the genre's word
    # for settling a dispute among people: an item headed by it names 矛盾纠纷化解 by its own
    # words, so it meets the other report's one unit on the theme beside its sibling items
    from govread.compare import report_units
    from govread.parsers.outline import parse_text

    report = parse_text(
        "一、深入化解社会矛盾纠纷\n一是群众诉求服务平台升级。全区99.8%的群众诉求得到有效解决。"
        "二是“调处+就业”服务模式呈现新成效。在现场开辟就业服务绿色通道,"
        "帮助500多名求职者实现再就业。\n",
        path="a.txt",
    )
    item = next(u for u in report_units(report) if u.node_id.endswith("1#2"))
    assert item.theme == "disputes" and item.themes == (("disputes", 1.0),)
    assert "调处" in load_lexicon().hits("矛盾纠纷排查调处")


def test_the_peoples_claims_name_the_settling_of_disputes() -> None:
    # 群众诉求 (a service for the people's claims and grievances, as 信访 is) is the genre's
    # word for what 矛盾纠纷化解 settles: an item headed by it covers the theme by its own
    # words, so a reader's pair with the other report's 调解 or 社会治理 section is found
    from govread.compare import report_units
    from govread.parsers.outline import parse_text

    report = parse_text(
        "一、深入化解社会矛盾纠纷\n一是群众诉求服务模式创新升级。全面升级群众诉求服务平台,"
        "全区99.8%的群众诉求得到有效解决。二是行政复议体制改革落地。\n",
        path="a.txt",
    )
    item = next(u for u in report_units(report) if u.node_id.endswith("1#1"))
    assert item.theme == "disputes" and ("disputes", 1.0) in item.themes
