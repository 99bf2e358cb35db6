"""Loading content/: the model editors' Markdown becomes, and located messages when it is wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.content import join_lines, load_glossary, load_site
from generator.errors import ReportSiteError
from generator.model import BlockKind, DroppedText, ReportSource
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


META_HEAD = "organisation: 浙江省人民政府\nyear: 2026\n"


def _meta(project: Project, text: str) -> Path:
    meta = project.content / "hangzhou-education-2020" / "report.yml"
    meta.write_text(text, encoding="utf-8")
    return meta


def test_subtitle_speaker_date_and_address_are_read_and_translated(project: Project) -> None:
    _meta(
        project,
        META_HEAD + "subtitle: ——2026年1月27日在浙江省第十四届人民代表大会第四次会议上\n"
        "speaker: 省长 刘捷\n"
        "published: 2026-01-31\n"
        "source:\n  file: zhejiang-gov-2026.txt\n  sha256: abc\n"
        "  url: https://www.zj.gov.cn/art/2026/1/31/art_1.html\n"
        "dropped:\n  - {line: 1, text: 首页 > 政务公开, reason: a breadcrumb}\n",
    )
    (report,) = load_site(project.content).reports
    assert report.subtitle is not None and report.speaker is not None
    assert (report.subtitle.text, str(report.subtitle.loc)) == (
        "——2026年1月27日在浙江省第十四届人民代表大会第四次会议上",
        "content/hangzhou-education-2020/report.yml:3",
    )
    assert report.speaker.text == "省长 刘捷"
    assert report.published == date(2026, 1, 31)
    assert report.source == ReportSource(
        "zhejiang-gov-2026.txt", "abc", "https://www.zj.gov.cn/art/2026/1/31/art_1.html"
    )
    assert report.dropped == (DroppedText(1, "首页 > 政务公开", "a breadcrumb"),)
    texts = [s.text for s in report.segments()]
    assert texts[:4] == ["浙江省人民政府", report.subtitle.text, "省长 刘捷", report.title.text]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "published: 2026-02-30",
            "5:12: published: 2026-02-30 is not a real date (day is out of range for month)\n"
            "    published: 2026-02-30\n"
            "               ^\n"
            "  hint: write the date as year-month-day, e.g. published: 2026-01-31",
        ),
        (
            "published: 2026年1月31日",
            "5:12: published must be a date, not '2026年1月31日'\n"
            "    published: 2026年1月31日\n"
            "               ^\n"
            "  hint: write the date as year-month-day, e.g. published: 2026-01-31",
        ),
        (
            "source: {url: ftp://example.org/report.txt}",
            "5:15: source.url must be a web address starting with http:// or https://\n"
            "    source: {url: ftp://example.org/report.txt}\n"
            "                  ^\n"
            "  hint: copy the address from the browser's address bar",
        ),
        (
            "speaker: [省长, 刘捷]",
            "5:10: speaker must be text, not a list\n"
            "    speaker: [省长, 刘捷]\n"
            "             ^\n"
            "  hint: write it on one line after `speaker:`",
        ),
    ],
)
def test_a_wrong_value_of_the_new_keys_is_refused_at_its_place(
    project: Project, line: str, expected: str
) -> None:
    _meta(project, "# 说明\n" + META_HEAD + "subtitle: ''\n" + line + "\n")
    with pytest.raises(ReportSiteError) as error:
        load_site(project.content)
    assert error.value.render() == f"content/hangzhou-education-2020/report.yml:{expected}"


def test_a_glossary_entry_of_the_wrong_form_is_shown_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text(
        "西湖大学: Westlake University\n亲清在线: {source: https://www.hangzhou.gov.cn/}\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportSiteError) as error:
        load_glossary(tmp_path)
    assert error.value.render() == (
        f"{tmp_path.name}/glossary.yml:2:1: the entry of '亲清在线' has no English (en:)\n"
        "    亲清在线: {source: https://www.hangzhou.gov.cn/}\n"
        "    ^\n"
        "  hint: write `中文: English`, or `中文: {en: English, source: URL or note, note: text}` "
        "(in quotes if YAML would read a value otherwise)"
    )
