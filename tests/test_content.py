"""Loading content/: the model editors' Markdown becomes, and located messages when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import join_lines, load_site
from generator.errors import ReportSiteError
from generator.model import BlockKind
from generator.site import Project


def test_the_committed_report_loads_with_its_structure(project: Project) -> None:
    site = load_site(project.content)
    (report,) = site.reports
    assert report.slug == "hangzhou-education-2020"
    assert report.organisation.text == "杭州市教育局"
    assert report.year == 2020
    assert report.title.text == "杭州市教育局2020年工作总结"
    assert len(report.sections) == 10
    headings = [b for p in report.sections for b in p.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) == 22
    assert report.sections[2].blocks[0].anchor == "h-1"
    assert report.sections[2].blocks[1].anchor == "p-1"


def test_segment_locations_point_at_the_line(project: Project) -> None:
    report = load_site(project.content).reports[0]
    page = report.sections[2]
    assert str(page.title.loc).endswith("zh-Hans/03-puxie-yuren-xinpian.md:1")
    assert str(page.blocks[1].loc).endswith("zh-Hans/03-puxie-yuren-xinpian.md:5")


def test_a_paragraph_over_several_lines_is_one_segment() -> None:
    assert join_lines("中文\n继续") == "中文继续"
    assert join_lines("English\ncontinues") == "English continues"
    assert join_lines("共招生230人\nand more") == "共招生230人 and more"


def _page(project: Project, name: str, text: str) -> Path:
    path = project.content / "hangzhou-education-2020" / "zh-Hans" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_problems_are_reported_together_with_file_and_line(project: Project) -> None:
    _page(project, "11-a.md", "# 标题\n\n> 引用\n\n正文\n\n# 第二个标题\n")
    _page(project, "12-b.md", "没有标题的段落\n")
    _page(project, "13-c.md", "# 标题\n\n```\ncode\n```\n")
    with pytest.raises(ReportSiteError) as error:
        load_site(project.content)
    prefix = "content/hangzhou-education-2020/zh-Hans/"
    assert error.value.render().replace(str(project.root) + "/", "") == "\n".join(
        [
            f"{prefix}11-a.md:3: block quotes are not supported in report pages",
            "    > 引用",
            "  hint: write the text as ordinary paragraphs",
            f"{prefix}11-a.md:7: a page has one title (`# …`); this is a second one",
            "    # 第二个标题",
            "  hint: make it a section heading: `## …`",
            f"{prefix}12-b.md:1: the page has no title",
            "  hint: start the file with a line `# Title`",
            f"{prefix}13-c.md:3: fenced code blocks are not supported in report pages",
            "    ```",
            "  hint: write the text as ordinary paragraphs",
        ]
    )


def test_a_yaml_error_names_line_and_column(project: Project) -> None:
    meta = project.content / "hangzhou-education-2020" / "report.yml"
    meta.write_text("organisation: 杭州市教育局\nyear: [2020\n", encoding="utf-8")
    with pytest.raises(ReportSiteError) as error:
        load_site(project.content)
    (problem,) = error.value.problems
    assert problem.loc.path.endswith("hangzhou-education-2020/report.yml")
    assert (problem.loc.line, problem.loc.col) == (3, 1)
    assert problem.message.startswith("YAML syntax error")


def test_a_page_file_name_must_be_usable_as_an_address(project: Project) -> None:
    _page(project, "第十一.md", "# 标题\n")
    with pytest.raises(ReportSiteError) as error:
        load_site(project.content)
    assert error.value.problems[0].message == "page file names are their web addresses"
