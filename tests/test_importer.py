"""The importer on the Hangzhou report: the structure a reader sees, and not a character lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import ReportSiteError
from generator.importer.document import Found, Outline, Paragraph, Table
from generator.importer.findings import Findings
from generator.importer.outline import build_outline
from generator.importer.run import import_report
from generator.markdown_text import plain_text
from tests.conftest import HANGZHOU


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_report(HANGZHOU, tmp_path_factory.mktemp("content"))


def pages(folder: Path) -> list[Path]:
    return sorted((folder / "zh-Hans").glob("*.md"))


def test_report_folder_is_named_after_the_file(imported: Path) -> None:
    assert imported.name == "hangzhou-education-2020"
    assert (imported / "report.yml").exists()


def test_ten_sections_become_ten_pages_after_the_index(imported: Path) -> None:
    names = [p.name for p in pages(imported)]
    assert names[-1] == "index.md"
    sections = names[:-1]
    assert len(sections) == 10
    assert [n[:3] for n in sections] == [f"{i:02d}-" for i in range(1, 11)]
    titles = [p.read_text(encoding="utf-8").splitlines()[0] for p in pages(imported)[:-1]]
    assert titles[0] == "# 一、加强党的领导，把牢教育发展方向"
    assert titles[4] == "# 五、坚持共建共享，全域推进优质均衡"  # not indented in the source
    assert titles[9] == "# 十、办好关键小事，切实增进教育民生福祉"


def test_title_and_preamble_make_the_index(imported: Path) -> None:
    index = (imported / "zh-Hans" / "index.md").read_text(encoding="utf-8")
    title, preamble = index.rstrip("\n").split("\n\n")
    assert title == "# 杭州市教育局2020年工作总结"
    assert preamble.startswith("2020年，市教育局认真学习贯彻")
    assert preamble.endswith("获得感、体验感不断增强。")  # trailing spaces of the line dropped


def test_the_22_run_in_items_become_headings_whatever_their_indentation(imported: Path) -> None:
    headings = []
    for page in pages(imported):
        headings += re.findall(r"^## (.*)$", page.read_text(encoding="utf-8"), re.M)
    assert len(headings) == 22
    assert headings[0] == "一是坚持德育为先。"
    # Section 9's third item is indented by four spaces in the source; section 8's by none.
    assert "三是积极探索线上教育新路径。" in headings
    assert "二是现代职业教育发展步伐提速。" in headings
    assert all(re.match(r"^[一二三四]是.+。$", h) for h in headings)


def test_run_in_item_keeps_its_body_as_the_following_paragraph(imported: Path) -> None:
    text = (imported / "zh-Hans" / "03-puxie-yuren-xinpian.md").read_text(encoding="utf-8")
    assert "## 一是坚持德育为先。\n\n将疫情防控实践作为师生思政教育鲜活教材" in text


def test_every_character_of_the_report_is_kept_in_order(imported: Path, hangzhou_text: str) -> None:
    files = [imported / "zh-Hans" / "index.md", *pages(imported)[:-1]]
    text = "".join(
        plain_text(re.sub(r"(?m)^#+ ", "", f.read_text(encoding="utf-8"))) for f in files
    )
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", hangzhou_text)


def test_spaces_inside_a_line_are_kept(imported: Path) -> None:
    text = (imported / "zh-Hans" / "01-jiaqiang-dangdelingdao.md").read_text(encoding="utf-8")
    assert "“党建引领•岗位建功——五强化五带头” 行动" in text
    assert "清廉优秀案例22个 ，创新" in text


def test_metadata_is_guessed_from_the_title(imported: Path) -> None:
    meta = (imported / "report.yml").read_text(encoding="utf-8")
    assert "organisation: 杭州市教育局\n" in meta
    assert "year: 2020\n" in meta
    assert "file: hangzhou-education-2020.txt\n" in meta


def test_an_existing_report_folder_is_never_overwritten(imported: Path) -> None:
    marker = imported / "zh-Hans" / "index.md"
    before = marker.read_bytes()
    with pytest.raises(ReportSiteError) as error:
        import_report(HANGZHOU, imported.parent)
    assert error.value.render() == (
        f"{error.value.problems[0].loc}: this report folder already exists\n"
        "  hint: editors own it: move it away first, or import under another name with --slug NAME"
    )
    assert marker.read_bytes() == before


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\n"), ("gb18030", "\n"), ("utf-8", "\r\n"), ("utf-16", "\n")],
)
def test_encodings_and_line_ends_import_the_same(
    tmp_path: Path, hangzhou_text: str, encoding: str, newline: str
) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(hangzhou_text.replace("\n", newline).encode(encoding))
    reference = tmp_path / "reference.txt"
    reference.write_text(hangzhou_text, encoding="utf-8")
    got = import_report(source, tmp_path / "a")
    want = import_report(reference, tmp_path / "b")
    for page in pages(want):
        assert (got / "zh-Hans" / page.name).read_text() == page.read_text()


def test_empty_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"  \n")
    with pytest.raises(ReportSiteError) as error:
        import_report(source, tmp_path / "out")
    assert error.value.problems[0].message == "the file is empty"
    assert not (tmp_path / "out").exists()


def test_levels_follow_the_order_schemes_first_appear_in() -> None:
    outline = build_outline(["标题", "（一）甲", "1.乙", "（二）丙"])
    assert [(h.scheme, h.level) for h in outline.headings] == [
        ("cn-paren", 1),
        ("arabic-dot", 2),
        ("cn-paren", 1),
    ]


def _body(outline: Outline, index: int = 0) -> list[str]:
    return [b.text for b in outline.headings[index].body if isinstance(b, Paragraph)]


def test_a_sentence_broken_over_lines_is_one_paragraph() -> None:
    cut = "深入打好蓝天、碧水、净土保卫战。持续改善空气质量，以PM"
    outline = build_outline(["标题", "一、甲", cut, "2.5", "浓度持续下降为主线。", "下一段。"])
    assert _body(outline) == [cut + "2.5浓度持续下降为主线。", "下一段。"]
    outline = build_outline(["标题", "一、甲", "发展的", "主要目标", "是：增长5%左右。"])
    assert _body(outline) == ["发展的主要目标是：增长5%左右。"]


def test_a_short_line_without_end_punctuation_is_not_joined() -> None:
    outline = build_outline(["标题", "一、甲", "主要工业产品产量", "表头", "正文。"])
    assert _body(outline) == ["主要工业产品产量", "表头", "正文。"]


def test_a_blank_line_ends_a_broken_sentence() -> None:
    outline = build_outline(
        ["标题", "一、甲", "未完的一句话在这里断开了而且很长很长很长的", "", "另一段"]
    )
    assert _body(outline) == ["未完的一句话在这里断开了而且很长很长很长的", "另一段"]


def test_title_block_of_a_speech() -> None:
    outline = build_outline(
        ["政府工作报告", "——2026年1月26日在广东省第十四届", "人民代表大会第五次会议上",
         "广东省省长 孟凡利", "各位代表：", "一、回顾"]
    )  # fmt: skip
    assert outline.title is not None and outline.title.text == "政府工作报告"
    assert outline.fields == {
        "subtitle": Found("——2026年1月26日在广东省第十四届人民代表大会第五次会议上", 2),
        "speaker": Found("广东省省长 孟凡利", 4),
    }
    assert [b.text for b in outline.preamble if isinstance(b, Paragraph)] == ["各位代表："]


LONG = "正文很长，" * 12 + "。"


def test_unnumbered_headings_series_and_leads() -> None:
    lines = ["标题", "一、回顾"]
    for n in range(3):
        lines += [f"这一年，我们第{n}件事做成了。", LONG]
    lines += [
        "五年来，我们坚定不移，取得新成效。经济实力显著提升。",
        LONG,
        "产业结构持续优化。",
        LONG,
    ]
    lines += ["五年来，我们坚定不移，又有新成效。", LONG]
    lines += ["五年来，我们坚定不移，再有新成效。", LONG, "二、展望", "旗帜鲜明讲政治。", LONG]
    outline = build_outline(lines)
    assert [(h.level, h.scheme[:6], h.text[:9]) for h in outline.headings] == [
        (1, "cn-com", "一、回顾"),
        (2, "series", "这一年，我们第0件"),
        (2, "series", "这一年，我们第1件"),
        (2, "series", "这一年，我们第2件"),
        (2, "series", "五年来，我们坚定不"),
        (3, "lead", "经济实力显著提升。"),
        (3, "lead", "产业结构持续优化。"),
        (2, "series", "五年来，我们坚定不"),
        (2, "series", "五年来，我们坚定不"),
        (1, "cn-com", "二、展望"),
        (2, "lead", "旗帜鲜明讲政治。"),
    ]


def test_short_sentences_in_the_preamble_or_with_commas_stay_paragraphs() -> None:
    outline = build_outline(["标题", "短句开头。", LONG, "一、甲", "有逗号，不是标题。", LONG])
    assert [h.text for h in outline.headings] == ["一、甲"]


def test_notes_and_glossary_entries_are_paragraphs_with_their_definition() -> None:
    outline = build_outline(
        ["标题", "一、正文", "（1）总体要求：", LONG, "注释", "［1］一降三减：", "火灾起数下降。",
         "附件2", "名词解释", "1.“四上”企业：", "规模以上企业。"]
    )  # fmt: skip
    assert [(h.level, h.text) for h in outline.headings] == [
        (1, "一、正文"),
        (2, "（1）总体要求："),  # in the body a colon heading stays a heading
        (1, "注释"),
        (1, "附件2 名词解释"),
    ]
    assert _body(outline, 2) == ["［1］一降三减：火灾起数下降。"]
    assert _body(outline, 3) == ["1.“四上”企业：规模以上企业。"]


def test_back_matter_starts_a_numbering_of_its_own() -> None:
    outline = build_outline(
        ["标题", "一、甲", "二、乙", "三、丙", "附件1", "十件实事", "一、办学", "二、养老"]
    )
    assert [(h.level, h.text) for h in outline.headings][3:] == [
        (1, "附件1 十件实事"),
        (2, "一、办学"),
        (2, "二、养老"),
    ]
    assert outline.headings[5].previous is outline.headings[4]
    assert outline.headings[4].previous is None and outline.headings[4].restarts is None


def test_tab_lines_are_a_table() -> None:
    outline = build_outline(["标题", "一、甲", "产品\t产量", "酒\t15767", "正文。"])
    table, paragraph = outline.headings[0].body
    assert isinstance(table, Table) and table.rows == (("产品", "产量"), ("酒", "15767"))
    assert isinstance(paragraph, Paragraph)


def dropped(lines: list[str]) -> list[tuple[int, str, str]]:
    findings = Findings("report.txt", lines)
    build_outline(lines, findings)
    return [(r.line, r.text, r.reason) for r in findings.removals]


def test_related_links_at_the_end_of_a_page_are_dropped_with_their_titles() -> None:
    lines = [
        "报告标题",
        "",
        "一、正文",
        "全文的最后一段。",
        "相关报道：",
        "代表热议政府工作报告",
        "",
    ]
    assert dropped(lines) == [
        (5, "相关报道：", "related links"),
        (6, "代表热议政府工作报告", "related links"),
    ]


def test_a_related_links_line_followed_by_report_text_is_kept_whole() -> None:
    lines = ["报告标题", "", "一、正文", "一段。", "相关链接：", "这是报告本身的一句话，不是链接。"]
    assert dropped(lines) == []
    numbered = ["报告标题", "", "一、正文", "一段。", "相关阅读", "二、下一部分"]
    assert dropped(numbered) == []
