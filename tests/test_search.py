"""The search index: how text is read (the rules the browser's search.js shares), and what the
built site's index holds. The reader's side is in test_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.search.index import write_index
from generator.search.passages import read_page
from generator.search.text import fold, shard_of, stem, tokens
from generator.site import Project


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("校外培訓", "校外培训"),  # Traditional query, Simplified text
        ("以加快教育現代化為主線", "以加快教育现代化为主线"),  # Taiwan's 為
        ("以加快教育現代化爲主線", "以加快教育现代化为主线"),  # OpenCC's 爲
        ("在這裡", "在这里"),  # Taiwan's 裡
        ("在這裏", "在这里"),  # Hong Kong's and OpenCC's 裏
        ("著力", "着力"),  # Taiwan's 著 for 着
        ("ＡＢＣ１２３", "abc123"),  # full-width Latin and digits
    ],
)
def test_every_way_of_writing_a_word_folds_to_one(typed: str, text: str) -> None:
    assert fold(typed) == fold(text)


@given(st.text(max_size=200))
def test_folding_keeps_every_character_in_its_place(text: str) -> None:
    # A match in folded text is highlighted at the same place in the text as shown.
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("school", "schools"), True),
        (("train", "trained", "training", "trains"), True),
        (("service", "services"), True),
        (("city", "cities"), True),
        (("reform", "reforms", "reformed"), True),
        (("run", "running"), True),
        (("school", "scholar"), False),
    ],
)
def test_english_words_meet_at_their_stem(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_chinese_is_indexed_as_character_pairs_and_each_runs_last_character() -> None:
    assert tokens("民办学校。G20") == {"民办", "办学", "学校", "校", "g20"}


def test_a_passage_knows_its_anchor_and_leaves_out_what_is_marked_excluded() -> None:
    html = """<html><head><meta name="report-site:report" content="某报告">
    <meta name="report-site:year" content="2020">
    <meta name="report-site:organisation" content="某局"></head><body><nav><p>menu</p></nav>
    <article class="md-content__inner">
    <h1 id="title">标题<a class="headerlink" href="#title">¶</a></h1>
    <nav class="rs-views"><p>全文</p></nav><div data-search-exclude><p>机器翻译说明</p></div>
    <p id="p-1">第一段<b>文字</b>。</p><ul><li id="p-2">一项</li></ul></article></body></html>"""
    page = read_page(html, "r/a/")
    assert page is not None
    assert (page.title, page.report) == ("标题", "某报告")
    assert (page.year, page.organisation) == ("2020", "某局")
    assert [(p.anchor, p.heading, p.text) for p in page.passages] == [
        ("title", True, "标题"),
        ("p-1", False, "第一段文字。"),
        ("p-2", False, "一项"),
    ]


def test_a_page_marked_as_a_view_of_other_pages_is_not_searched() -> None:
    html = '<meta name="report-site:search" content="exclude"><article><p>x</p></article>'
    assert read_page(html, "r/full/") is None


def test_the_built_index_holds_every_section_once_with_its_report(built_project: Project) -> None:
    folder = built_project.site / "zh-Hant" / "search"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    urls = [row[0] for row in index["pages"]]
    assert "hangzhou-education-2020/06-ruiyigaige-chuangxin/" in urls
    assert not [u for u in urls if "/bilingual/" in u or u.endswith(("full/", "figures/"))]
    assert index["reports"] == [["杭州市教育局2020年工作總結", "2020", "杭州市教育局"]]
    # The fold the browser needs for a Simplified query in the Traditional edition.
    fold_from, fold_to = index["fold"]
    assert fold_to[fold_from.index("為")] == "为"
    # 校外培訓 is found through its pairs: each in the shard the browser computes for it.
    page = urls.index("hangzhou-education-2020/06-ruiyigaige-chuangxin/")
    first = index["pages"][page][3]
    texts = [
        passage
        for chunk in sorted(folder.glob(f"p{page}-*.json"), key=lambda p: int(p.stem.split("-")[1]))
        for passage in json.loads(chunk.read_text(encoding="utf-8"))
    ]
    holding = {first + i for i, (_, _, text) in enumerate(texts) if "校外培訓" in text}
    assert holding
    for pair in ("校外", "外培", "培训"):
        shard = json.loads((folder / f"s{shard_of(pair, index['shards'])}.json").read_text())
        ids, at = [], 0
        for delta in shard[pair]:
            at += delta
            ids.append(at)
        assert holding <= set(ids), pair


def test_the_index_is_written_anew_each_time(tmp_path: Path) -> None:
    page = tmp_path / "r" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<article><p id="p-1">一段</p></article>', encoding="utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "s99.json").write_text("{}")
    stats = write_index(tmp_path, "zh-Hans")
    assert (stats.pages, stats.passages) == (1, 1)
    assert not (tmp_path / "search" / "s99.json").exists()
