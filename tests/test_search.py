"""The search index: how text is read (the rules the browser's search.js shares), and what the
built site's index holds. The reader's side is in test_browser.py."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.search import incremental
from generator.search.index import Index, PageGroup, write_index
from generator.search.passages import Page, Passage, read_page
from generator.search.phrases import for_text, from_opencc, word_pairs
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
        # British and American spellings meet.
        (("enrol", "enrolment", "enrollment", "enrolled", "enrolling"), True),
        (("labour", "labor"), True),
        (("centre", "center", "centres"), True),
        (("programme", "programmes", "program"), True),
        (("organisation", "organizations"), True),
        (("computerised", "computerized"), True),
        (("recruit", "recruitment", "recruited"), True),
        (("teacher", "teachers", "teaching"), True),
        (("conditioner", "conditioning"), True),
        (("four", "for"), False),  # -our only where a word is long enough to be labour's kind
        (("number", "numb"), False),  # -er only where what is left is a word's length
    ],
)
def test_english_words_meet_at_their_stem(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_chinese_is_indexed_as_character_pairs_and_each_runs_last_character() -> None:
    assert tokens("民办学校。G20") == {"民办", "办学", "学校", "校", "g20"}


def test_a_hyphenated_word_and_a_number_with_commas_are_also_indexed_whole() -> None:
    # well-being finds wellbeing, 78,900 finds 78900, and each part still finds its word.
    assert tokens("well-being, 78,900 and COVID-19") >= {
        stem("wellbeing"),
        stem("well"),
        "being",
        "78900",
        "78",
        "900",
        "covid19",
        "19",
    }
    assert "1234" not in tokens("12,34")  # not thousands


def test_taiwan_and_mainland_words_for_one_thing_are_known_both_ways() -> None:
    pairs = set(word_pairs())
    for mainland, taiwan in [
        ("网络", "网路"),
        ("信息", "资讯"),
        ("软件", "软体"),
        ("芯片", "晶片"),
    ]:
        assert tuple(sorted((fold(mainland), fold(taiwan)))) in pairs
    # The index ships a word only where the text holds its other form.
    text = {"网络"}
    assert for_text(lambda w: w in text) == {"网路": "网络"}


def test_the_word_table_is_opencc_s_own() -> None:
    # phrases.tsv is what `python -m generator.search.phrases` writes from the installed OpenCC.
    assert list(word_pairs()) == from_opencc()


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


# Reports as a build's parts hand them to the index: pages of passages, tokenised per part.
_TEXTS = st.text(alphabet="学校教育培训发展城市改革 schools teachers", min_size=1, max_size=12)
_REPORT = st.lists(st.lists(_TEXTS, min_size=1, max_size=20), min_size=1, max_size=3)


def _group(slug: str, year: int, pages: list[list[str]]) -> tuple[str, str, PageGroup]:
    built = [
        Page(
            f"{slug}/{n:02d}/",
            f"{slug} {n}",
            f"报告 {slug}",
            str(year),
            "某机关",
            tuple(Passage(f"p-{i}", i == 0, text.strip() or "空") for i, text in enumerate(texts)),
        )
        for n, texts in enumerate(pages)
    ]
    return (slug, hashlib.sha256(repr(pages).encode()).hexdigest(), PageGroup.of(built))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@given(st.lists(_REPORT, min_size=2, max_size=4), st.data())
def test_an_index_updated_where_parts_changed_is_the_one_made_anew(
    reports: list[list[list[str]]], data: st.DataObject
) -> None:
    """An edit that keeps every part's pages and passages where they were (the same number
    of each) updates the kept index in place; the files are those of an index made anew.
    Any other edit is refused (the build then makes the index anew)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before = [_group(f"r{k}", 2000 + k, pages) for k, pages in enumerate(reports)]
        kept = Index.build(before)
        kept.write(folder / "before", "zh-Hans")
        incremental.save(kept, folder / "state")
        edited = [
            [
                [data.draw(_TEXTS) if data.draw(st.booleans()) else t for t in texts]
                for texts in pages
            ]
            for pages in reports
        ]
        after = [_group(f"r{k}", 2000 + k, pages) for k, pages in enumerate(edited)]
        loaded = incremental.load(folder / "state")
        assert loaded is not None
        changed = {
            name: group
            for (name, print_, group), old in zip(after, before, strict=True)
            if print_ != old[1]
        }
        parts = [(name, print_) for name, print_, _ in after]
        updated = incremental.updated(loaded, parts, changed)
        assert (updated is None) == (not changed)
        if updated is not None:
            updated.write(folder / "updated", "zh-Hans", previous=folder / "before")
            Index.build(after).write(folder / "anew", "zh-Hans")
            assert _files(folder / "updated") == _files(folder / "anew")
        grown = [*reports[0], ["又一页"]]
        longer = _group("r0", 2000, grown)
        unchanged = [(name, print_) for name, print_, _ in before[1:]]
        refused = incremental.updated(loaded, [longer[:2], *unchanged], {"r0": longer[2]})
        assert refused is None
