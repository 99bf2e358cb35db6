"""Texts as copied from places the first importer had not met: a PDF (page numbers, running
heads, lines broken at the page's width, radicals for characters), a page whose title sits
under the site's or a column's name, an audit report whose publisher is its speaker's office, a
document with its own table of contents, an online library's page. The tree a reader draws,
what is dropped and why, and what the editor is told, asserted exactly; whole excerpts of real
ones are golden files (tests/data/import)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.importer.document import Found, Outline
from generator.importer.findings import Findings
from generator.importer.meta import read_metadata
from generator.importer.outline import build_outline
from tests.test_import_families import here, run_import

__all__ = ["here"]  # the fixture, shared with the families' tests

BODY = "这一部分的正文很长，" * 6 + "写满了一段。"
KANGXI = "kangxi radical"


def read(lines: list[str]) -> tuple[Outline, Findings]:
    findings = Findings("report.txt", lines)
    return build_outline(lines, findings), findings


def tree(outline: Outline) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in outline.headings]


def dropped(findings: Findings) -> list[tuple[int, str]]:
    return sorted((r.line, r.reason) for r in findings.removals if r.whole_line)


def broken(text: str, width: int) -> list[str]:
    """`text` as a PDF prints it: lines of `width` characters, the first two short (indented)."""
    first = width - 2
    return [text[:first]] + [text[k : k + width] for k in range(first, len(text), width)]


PARAGRAPHS = [
    "根据审计法规定，市审计局对本级预算执行和其他财政收支情况进行了审计，"
    "审计结果表明，预算执行情况总体较好，财政管理水平进一步提高，重点领域保障有力，"
    "各部门严格执行人大批准的预算，预算管理改革持续深化。",
    "一年来，全市审计机关共完成审计项目一百二十个，促进增收节支和挽回损失十二亿元，"
    "提出审计建议三百条，被采纳二百八十条，推动建立健全制度六十项，"
    "向纪检监察机关移送问题线索十五件。",
]


def test_a_pdf_copy_reads_as_its_paragraphs_without_page_numbers_or_running_heads() -> None:
    head = "某市审计工作报告"
    lines = [head, "", "关于某市2020年度预算执行的审计工作报告", ""]
    body = broken(PARAGRAPHS[0], 24) + broken(PARAGRAPHS[1], 24)
    for k, line in enumerate(body):
        lines += [line, ""]
        if k == 3:
            lines += ["- 1 -", "", head, ""]
    outline, findings = read(lines)
    assert outline.title is not None
    assert outline.title.text == "关于某市2020年度预算执行的审计工作报告"
    assert [b.text for b in outline.preamble] == PARAGRAPHS
    assert dropped(findings) == [(1, "running head"), (13, "page number"), (15, "running head")]
    assert [p.render() for p in findings.warnings] == [
        "report.txt:5:1: the text seems broken at a page's width (about 24 characters a line, "
        "as copied from a PDF): 7 lines that fill the width were joined to the line after them\n"
        f"    {lines[4]}\n"
        "    ^\n"
        "  hint: check the outline (report-site import FILE --dry-run); where a paragraph was "
        "joined to the next, put a blank line between them in the source"
    ]
    assert (11, 17) in outline.joins()  # across the page break


def test_a_heading_that_fills_its_line_is_not_joined_to_the_paragraph_under_it() -> None:
    heading = "（一）巩固壮大实体经济根基纵深推进产业强省建"  # 23 wide: a line short of 24
    lines = ["某市2020年工作总结", "一、主要工作", heading, *broken(PARAGRAPHS[0], 24)]
    lines += broken(PARAGRAPHS[1], 24)
    outline, _ = read(lines)
    assert tree(outline) == [(1, "一、主要工作"), (2, heading)]
    assert [b.text for b in outline.headings[1].body] == PARAGRAPHS


def test_a_number_broken_from_its_heading_is_joined_to_it_in_any_text() -> None:
    lines = ["某市2020年工作总结", "一、主要工作", BODY, "（", "一）细分的事项。", BODY]
    lines += ["（二）另一件事。", BODY]
    outline, _ = read(lines)
    assert tree(outline) == [
        (1, "一、主要工作"),
        (2, "（一）细分的事项。"),
        (2, "（二）另一件事。"),
    ]
    assert (4, 5) in outline.joins()


def test_radicals_copied_from_a_pdf_are_read_as_the_characters_they_look_like(here: Path) -> None:
    result = run_import("某市教育局2020年工作总结\n⼀、⼯作回顾\n" + BODY + "\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:4] == [
        "report.txt:2:1: warning: read U+2F00 KANGXI RADICAL ONE as 一: a radical that looks "
        "like the character (PDF copies give them), which search would not find",
        "    ⼀、⼯作回顾",
        "    ^",
        "  hint: nothing to do (report.yml lists it under `dropped:`)",
    ]
    folder = here / "out" / "report"
    assert (folder / "zh-Hans" / "01-gongzuo-huigu.md").read_text().startswith("# 一、工作回顾\n")
    report = yaml.safe_load((folder / "report.yml").read_text())
    assert report["dropped"][:2] == [
        {"line": 2, "column": 1, "text": "⼀", "reason": f"radical read as 一 ({KANGXI} one)"},
        {"line": 2, "column": 3, "text": "⼯", "reason": f"radical read as 工 ({KANGXI} work)"},
    ]


def test_the_title_is_the_line_naming_a_document_under_the_sites_and_columns_names() -> None:
    lines = ["珠海市审计局", "当前位置:首页 > 政务公开 > 通知公告", "政务公开", ""]
    lines += ["关于某市2020年度预算执行的审计工作报告", "某市审计局局长  张三"]
    lines += ["主任、各位副主任、秘书长,各位委员:", BODY]
    outline, findings = read(lines)
    assert outline.title is not None and outline.title.number == 5
    assert dropped(findings) == [
        (1, "above the title"),
        (2, "breadcrumb"),
        (3, "above the title"),
        (6, "title block"),
    ]
    assert [b.text for b in outline.preamble] == ["主任、各位副主任、秘书长,各位委员:", BODY]


def test_a_line_over_its_byline_is_the_pages_title_even_if_it_names_no_document() -> None:
    lines = ["首次披露!报告出炉幕后", "2017-03-19 19:57:21  中国政府网"]
    lines += ["这份影响每个人的报告", BODY]
    outline, _ = read(lines)
    assert outline.title is not None and outline.title.number == 1


@pytest.mark.parametrize(
    ("title", "speaker", "organisation"),
    [
        ("关于珠海市2020年度预算执行的审计工作报告", "珠海市审计局局长  罗增庆", "珠海市审计局"),
        ("关于2022年度宁波市级预算执行的审计工作报告", "市审计局局长 励永惠", "宁波市审计局"),
        ("关于山东省2017年度预算执行的审计工作报告", "山东省审计厅厅长  孙成良", "山东省审计厅"),
        ("关于2024年度审计整改情况的报告", "广州市人民政府副市长  赖志鸿", "广州市人民政府"),
        ("2007年全国人民代表大会常务委员会工作报告", "全国人民代表大会常务委员会委员长 吴邦国",
         "全国人民代表大会常务委员会"),
    ],
)  # fmt: skip
def test_the_publisher_is_the_speakers_office(title: str, speaker: str, organisation: str) -> None:
    outline, _ = read([title, speaker, "主任、各位副主任、秘书长、各位委员：", BODY])
    meta = read_metadata(outline, Found(title, 1))
    assert meta.organisation is not None and meta.organisation.value == organisation


@pytest.mark.parametrize(
    ("title", "organisation", "year"),
    [
        ("2022年上海市政府信息公开工作年度报告", "上海市人民政府", "2022"),
        ("福州市晋安区2016年政府信息公开工作年度报告", "福州市晋安区人民政府", "2016"),
        ("2023年度泸州市中医医院单位决算", "泸州市中医医院", "2023"),
        ("（两会受权发布）最高人民法院工作报告（摘要）", None, None),
        ("关于山东省2017年度省级预算执行的审计工作报告", "山东省", "2017"),
        ("二〇二四年财政年度施政报告—前言", None, "2024"),
        ("曾都区河道堤防建设管理处 2021 年度决算公开说明", None, "2021"),
    ],
)
def test_publisher_and_year_from_the_title(
    title: str, organisation: str | None, year: str | None
) -> None:
    meta = read_metadata(Outline(None, [], []), Found(title, 1))
    assert (meta.organisation.value if meta.organisation else None) == (
        organisation or ("最高人民法院" if "法院" in title else None)
    )
    assert (meta.year.value if meta.year else None) == year


def test_a_table_of_contents_is_left_out_and_the_text_keeps_its_tree() -> None:
    lines = ["某县审计局2020年部门决算", "目 录", "第一部分 部门概况", "一、部门职责"]
    lines += ["第二部分 2020年部门决算情况说明", "一、收入支出决算总体情", "况说明"]
    lines += ["第一部分 部门概况", "一、部门职责", BODY, "第二部分 2020年部门决算情况说明", BODY]
    outline, findings = read(lines)
    assert tree(outline) == [
        (1, "第一部分 部门概况"),
        (2, "一、部门职责"),
        (1, "第二部分 2020年部门决算情况说明"),
    ]
    assert dropped(findings) == [(n, "table of contents") for n in range(2, 8)]


def test_a_list_of_headings_without_page_numbers_is_no_table_of_contents() -> None:
    lines = ["某县审计局2020年部门决算", "目录", "一、部门职责", "二、机构设置", BODY * 3 + "。"]
    _, findings = read(lines)
    assert dropped(findings) == []


def test_an_online_librarys_edit_links_and_links_to_other_years_are_dropped() -> None:
    lines = ["2007年全国人民代表大会常务委员会工作报告", ""]
    lines += ["2006年全国人民代表大会常务委员会工作报告 2007年全国人民代表大会常务委员会工作报告"]
    lines += ["2008年全国人民代表大会常务委员会工作报告", "各位代表:", "一、立法工作", "编辑", BODY]
    lines += ["二、监督工作", "[编辑]", BODY]
    outline, findings = read(lines)
    assert tree(outline) == [(1, "一、立法工作"), (1, "二、监督工作")]
    assert dropped(findings) == [
        (3, "page navigation"),
        (4, "page navigation"),
        (7, "edit link"),
        (10, "edit link"),
    ]
