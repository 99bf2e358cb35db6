"""A report readers can trust and cite: its first page in every edition says who published it
and when, where the text comes from, the terms of reuse and who runs the site, and offers a
citation in the edition's convention with machine-readable copies that reference managers'
own parsers read back. What report.yml does not give is said to be absent, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from generator.errors import ReportSiteError
from generator.site import Project, render_site

REPORT = "hangzhou-education-2020"
META = f"content/{REPORT}/report.yml"
SITE = "https://report-site.github.io/report-site/"
EDITIONS = ("zh-Hans", "zh-Hant", "en")


def edit(project: Project, name: str, change: object) -> None:
    path = project.root / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]


def published(project: Project) -> None:
    edit(
        project,
        META,
        lambda text: text.replace(
            "source:\n",
            "published: 2021-01-15\nsource:\n  url: https://edu.hangzhou.gov.cn/x.html\n",
        ),
    )


def first_page(files: dict[str, str | bytes], edition: str) -> str:
    text = files[f"{edition}/docs/{REPORT}/index.md"]
    assert isinstance(text, str)
    return text


def test_the_first_page_says_who_published_the_report_when_and_where(project: Project) -> None:
    published(project)
    files = render_site(project).files
    zh = first_page(files, "zh-Hans")
    assert "发布单位：杭州市教育局 · 年份：2020 · 发布日期：2021年1月15日" in zh
    assert "- 原文：[原文网页](https://edu.hangzhou.gov.cn/x.html) · 本站文本导入自 " in zh
    assert "hangzhou-education-2020.txt（SHA-256：f3345c7ec6fd…）" in zh
    assert "- 使用条款：报告原文由发布单位公开发布" in zh
    assert (
        "([https://creativecommons.org/licenses/by/4.0/](https://creativecommons.org/licenses/by/4.0/))"
        in zh
    )
    assert "- 本站维护：report-site 项目" in zh
    en = first_page(files, "en")
    assert (
        "Published by: Hangzhou Municipal Bureau of Education · Year: 2020 · "
        "Published: 15 January 2021" in en
    )
    assert "- Original: [the original web page](https://edu.hangzhou.gov.cn/x.html)" in en
    assert "- This site is run by: the report-site project" in en
    hant = first_page(files, "zh-Hant")
    assert "發布日期：2021年1月15日" in hant
    # The Traditional text of the terms is converted from the Simplified (site.yml gives none).
    assert "- 使用條款：報告原文由發佈單位公開發布" in hant
    assert "- 本站維護：report-site 專案" in hant
    assert (
        "- 本版由簡體中文原文以 OpenCC 自動轉換（s2tw：臺灣正體字形；"
        "詞彙未轉換，保留中國大陸用語），引號改用「」。以簡體中文原文為準。"
    ) in hant


def test_absent_facts_are_said_to_be_absent(project: Project) -> None:
    edit(
        project,
        "content/site.yml",
        lambda text: text[: text.index("# Who runs this site")],
    )
    files = render_site(project).files
    en = first_page(files, "en")
    assert "· Published: not stated ·" in en
    assert "- Original: no address of the original on file · " in en
    assert "- Terms of reuse: not stated by the site's editors" in en
    assert "- This site is run by: not stated" in en
    zh = first_page(files, "zh-Hans")
    assert "发布日期：未注明" in zh and "- 原文：未注明原文网址" in zh
    assert "- 使用条款：本站编辑未注明" in zh
    # Nothing is said of a date in the citation rather than a made-up one.
    assert "工作总结\\[EB/OL\\]. \\[<span" in zh
    assert "(n.d.)" in en


def test_a_report_may_set_its_own_terms(project: Project) -> None:
    edit(
        project,
        META,
        lambda text: text + "licence: https://creativecommons.org/publicdomain/zero/1.0/\n",
    )
    files = render_site(project).files
    en = first_page(files, "en")
    assert (
        "- Terms of reuse: [https://creativecommons.org/publicdomain/zero/1.0/]"
        "(https://creativecommons.org/publicdomain/zero/1.0/)"
    ) in en
    package = json.loads(files[f"en/docs/{REPORT}/{REPORT}.en.datapackage.json"])
    assert package["licenses"][0]["path"] == "https://creativecommons.org/publicdomain/zero/1.0/"


def test_each_edition_cites_in_its_convention(project: Project) -> None:
    published(project)
    files = render_site(project).files
    assert (
        "杭州市教育局. 杭州市教育局2020年工作总结\\[EB/OL\\]. (2021-01-15)"
        '\\[<span class="rs-cited-on">引用日期</span>\\]. '
        f"{SITE}zh-Hans/{REPORT}/.\n{{ .rs-citation }}"
    ) in first_page(files, "zh-Hans")
    assert (
        "杭州市教育局. 杭州市教育局2020年工作總結\\[EB/OL\\]. (2021-01-15)"
        '\\[<span class="rs-cited-on">引用日期</span>\\]. '
        f"{SITE}zh-Hant/{REPORT}/."
    ) in first_page(files, "zh-Hant")
    assert (
        "Hangzhou Municipal Bureau of Education. (2021, January 15). *Hangzhou Municipal "
        "Bureau of Education: 2020 Work Summary* \\[Machine translation of "
        "杭州市教育局2020年工作总结, not reviewed\\]. Hangzhou Education Bureau Reports. "
        f"{SITE}en/{REPORT}/"
    ) in first_page(files, "en")


@pytest.mark.parametrize("edition", EDITIONS)
def test_bibtex_reads_back_with_bibtexparser(project: Project, edition: str) -> None:
    published(project)
    files = render_site(project).files
    text = files[f"{edition}/docs/{REPORT}/{REPORT}.{edition}.bib"]
    assert isinstance(text, str)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.key == f"{REPORT}-{edition}".lower()
    fields = {field.key: field.value for field in entry.fields}
    title = {"zh-Hans": "{杭州市教育局2020年工作总结}", "zh-Hant": "{杭州市教育局2020年工作總結}"}
    assert fields["title"] == title.get(
        edition, "{Hangzhou Municipal Bureau of Education: 2020 Work Summary}"
    )
    assert fields["year"] == "2021" and fields["url"] == f"{SITE}{edition}/{REPORT}/"
    assert fields["note"].endswith("Original: https://edu.hangzhou.gov.cn/x.html")


@pytest.mark.parametrize("edition", EDITIONS)
def test_csl_json_reads_back_with_citeproc(project: Project, edition: str) -> None:
    published(project)
    files = render_site(project).files
    text = files[f"{edition}/docs/{REPORT}/{REPORT}.{edition}.csl.json"]
    assert isinstance(text, str)
    source = CiteProcJSON(json.loads(text))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    key = f"{REPORT}-{edition}".lower()
    bibliography.register(Citation([CitationItem(key)]))
    (entry,) = [str(item) for item in bibliography.bibliography()]
    author = {"en": "Hangzhou Municipal Bureau of Education"}.get(edition, "杭州市教育局")
    assert entry.startswith(author) and "2021" in entry
    assert f"{SITE}{edition}/{REPORT}/" in entry


def test_terms_and_operator_are_checked_where_they_are_written(project: Project) -> None:
    edit(
        project,
        "content/site.yml",
        lambda text: text.replace(
            "  en: the report-site project\n", "  url: www.example.org\n"
        ).replace("  quotes: 「」", "  quotes: 《》"),
    )
    with pytest.raises(ReportSiteError) as error:
        render_site(project)
    assert error.value.render() == (
        "content/site.yml:30:11: zh-Hant.quotes must be 「」 or “”, not '《》'\n"
        "      quotes: 《》\n"
        "              ^\n"
        "  hint: use 「」 (Taiwan and Hong Kong usage, the default); “” (as the Simplified "
        "text)\n"
        "content/site.yml:35:3: operator.en is missing\n"
        "      zh-Hans: report-site 项目\n"
        "      ^\n"
        "  hint: write the text of every edition: zh-Hans, en (zh-Hant is converted from "
        "zh-Hans when it is not given)\n"
        "content/site.yml:37:8: operator.url must be a web address starting with http:// or "
        "https://\n"
        "      url: www.example.org\n"
        "           ^\n"
        "  hint: copy the address from the browser's address bar"
    )


def test_quotes_as_written_when_site_yml_asks(project: Project) -> None:
    files = render_site(project).files
    hant = first_page(files, "zh-Hant")
    assert "以高水平建設「美好教育」為重心" in hant and "“" not in hant
    edit(project, "content/site.yml", lambda text: text.replace("  quotes: 「」", "  quotes: “”"))
    files = render_site(project).files
    hant = first_page(files, "zh-Hant")
    assert "以高水平建設“美好教育”為重心" in hant and "引號改用" not in hant


def test_files_readers_take_away_are_named_after_report_and_edition(project: Project) -> None:
    files = render_site(project).files
    for edition in EDITIONS:
        names = {Path(name).name for name in files if name.startswith(f"{edition}/docs/{REPORT}/")}
        assert {
            f"{REPORT}.{edition}.bib",
            f"{REPORT}.{edition}.csl.json",
            f"{REPORT}.{edition}.figures.csv",
            f"{REPORT}.{edition}.figures.json",
            f"{REPORT}.{edition}.datapackage.json",
        } <= names
        assert not {"figures.csv", "figures.json"} & names


def test_phrase_conversion_keeps_the_names_the_table_protects(project: Project) -> None:
    """The documented way to Taiwan's vocabulary: s2twp, with the keep table for names."""
    edit(project, "content/site.yml", lambda text: text.replace("opencc: s2tw", "opencc: s2twp"))
    files = render_site(project).files
    page = files[f"zh-Hant/docs/{REPORT}/04-henzhua-jichu-baozhang.md"]
    assert isinstance(page, str)
    assert "杭州高級中學錢塘學校" in page and "高階中學" not in page
    assert "網路" in "".join(
        str(text) for name, text in files.items() if name.startswith("zh-Hant/")
    )
    assert "s2twp：臺灣正體字形及臺灣慣用詞；專名依本站對照表保留" in first_page(files, "zh-Hant")


def test_a_subtitle_is_part_of_the_cited_title(project: Project) -> None:
    """Many reports share a title (政府工作报告): the subtitle tells them apart in a citation."""
    edit(project, META, lambda text: text + "subtitle: ——2021年1月在全市教育工作会议上\n")
    files = render_site(project).files
    assert (
        "杭州市教育局. 杭州市教育局2020年工作总结: 2021年1月在全市教育工作会议上\\[EB/OL\\]."
    ) in first_page(files, "zh-Hans")
    bib = files[f"zh-Hans/docs/{REPORT}/{REPORT}.zh-Hans.bib"]
    assert isinstance(bib, str)
    assert "title = {{杭州市教育局2020年工作总结: 2021年1月在全市教育工作会议上}}" in bib
