"""Ordinary slips an editor makes in content/, and what every command says of them: the file,
line and column, what is wrong and what to do; an error leaves site/ and site_src/ as they
were, a warning lets the build go on. Messages are asserted exactly: editors read them.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.site import Project

REPORT = "content/hangzhou-education-2020"
META = f"{REPORT}/report.yml"
PAGE = f"{REPORT}/zh-Hans/03-puxie-yuren-xinpian.md"


@pytest.fixture()
def here(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A copy of the project as the working folder, with a site/ from an earlier build."""
    monkeypatch.chdir(project.root)
    monkeypatch.delenv("REPORT_SITE_URL", raising=False)
    (project.root / "site" / "zh-Hans").mkdir(parents=True)
    (project.root / "site" / "zh-Hans" / "index.html").write_text("built before", "utf-8")
    return project


def edit(path: str, change: Callable[[str], str]) -> None:
    file = Path(path)
    file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("site", "site_src")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def refused(project: Project, command: str, stderr: str) -> None:
    """`command` fails with exactly `stderr`, and nothing of the site changed."""
    before = snapshot(project.root)
    result = CliRunner().invoke(main, [command])
    assert (result.exit_code, result.stderr) == (1, stderr)
    assert snapshot(project.root) == before


def generated(args: list[str] | None = None) -> Result:
    result = CliRunner().invoke(main, args or ["generate"])
    assert result.exit_code == 0, result.output
    return result


# --- the slips of the issue, one by one ------------------------------------------------------


def test_report_yml_saved_as_gb18030_is_refused_where_it_stops_being_utf8(here: Project) -> None:
    meta = Path(META)
    meta.write_bytes(meta.read_text(encoding="utf-8").encode("gb18030"))
    expected = (
        f"{META}:2:15: the file is not UTF-8 text: it looks like GB18030 (what Chinese Windows "
        "saves)\n"
        "    organisation: 杭州市教育局\n"
        "                  ^\n"
        "  hint: save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)\n"
    )
    for command in ("build", "generate", "check", "translate"):
        refused(here, command, expected)


@pytest.mark.parametrize(
    ("encoding", "bom", "name"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8 with a byte-order mark"),
    ],
)
def test_a_file_with_a_byte_order_mark_is_read_with_a_warning(
    here: Project, encoding: str, bom: bytes, name: str
) -> None:
    for path in (META, PAGE):
        file = Path(path)
        file.write_bytes(bom + file.read_text(encoding="utf-8").encode(encoding))
    hint = "  hint: save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)\n"
    assert generated().stderr == (
        f"{META}: warning: the file is saved as {name}; it was read as such\n{hint}"
        f"{PAGE}: warning: the file is saved as {name}; it was read as such\n{hint}"
    )
    page = Path("site_src/zh-Hans/docs/hangzhou-education-2020/03-puxie-yuren-xinpian.md")
    assert "\n# 三、谱写育人新篇" in page.read_text(encoding="utf-8")  # the title is still one


def test_an_emptied_report_yml_is_refused_saying_what_to_write(here: Project) -> None:
    Path(META).write_text("", encoding="utf-8")
    refused(
        here,
        "build",
        f"{META}:1: organisation is missing\n"
        "  hint: add a line `organisation: …` with the name of the organisation that published "
        "the report, e.g. organisation: 杭州市教育局\n"
        f"{META}:1: year is missing\n"
        "  hint: add a line `year: …` with the year the report is about, e.g. year: 2020\n"
        "2 problems found.\n",
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("year: 0", "3:7: year 0 is not a year a report can be about (1949–2100)"),
        ("year:", "3:1: year is empty"),
        ("year: 二〇二〇", "3:7: year must be a number, not '二〇二〇'"),
        ("year: 20200", "3:7: year 20200 is not a year a report can be about (1949–2100)"),
    ],
)
def test_a_year_that_cannot_be_the_reports_is_refused(
    here: Project, line: str, message: str
) -> None:
    edit(META, lambda text: text.replace("year: 2020", line))
    caret = " " * (int(message.split(":")[1]) - 1) + "^"
    refused(
        here,
        "build",
        f"{META}:{message}\n    {line}\n    {caret}\n"
        "  hint: write the year the report is about, e.g. year: 2020\n",
    )


def test_an_empty_organisation_is_refused(here: Project) -> None:
    edit(META, lambda text: text.replace("organisation: 杭州市教育局", "organisation: ''"))
    refused(
        here,
        "build",
        f"{META}:2:15: organisation is empty\n"
        "    organisation: ''\n"
        "                  ^\n"
        "  hint: write the publishing organisation's name\n",
    )


def test_an_unknown_opencc_configuration_is_refused_at_its_line(here: Project) -> None:
    edit("content/site.yml", lambda text: text.replace("opencc: s2tw", "opencc: s2tww"))
    expected = (
        "content/site.yml:17:11: zh-Hant.opencc: OpenCC configuration 's2tww' is unknown (did "
        "you mean s2tw?)\n"
        "      opencc: s2tww\n"
        "              ^\n"
        "  hint: use s2hk, s2hkp, s2t, s2tw (the default), s2twp\n"
    )
    refused(here, "build", expected)
    refused(here, "generate", expected)


def test_a_glossary_term_yaml_reads_as_a_number_stops_the_build_too(here: Project) -> None:
    edit("content/glossary.yml", lambda text: text + "2020: Year 2020\n")
    line = len(Path("content/glossary.yml").read_text(encoding="utf-8").splitlines())
    refused(
        here,
        "build",
        f"content/glossary.yml:{line}:1: the term 2020 is not Chinese text\n"
        "    2020: Year 2020\n"
        "    ^\n"
        "  hint: write the Chinese term, in quotes if YAML would read it as a number or a date: "
        '"2020年": …\n',
    )


NOT_A_PAGE = (
    "warning: not a page (a page's name ends in .md), so it is in no edition\n"
    "  hint: if it is a page, rename it to end in .md; if it is a copy or an editor's temporary "
    "file, delete it or keep it outside content/\n"
)


@pytest.mark.parametrize(
    "name",
    ["04-henzhua-jichu-baozhang.md.bak", "04-henzhua-jichu-baozhang.md~", ".04.md.swp", "04.MD"],
)
def test_a_section_saved_under_another_name_is_named_in_a_warning(here: Project, name: str) -> None:
    pages = Path(REPORT, "zh-Hans")
    (pages / "04-henzhua-jichu-baozhang.md").rename(pages / name)
    edit(META, lambda text: text.split("# The figures")[0])  # its headline figures go too
    Path(REPORT, "figures.yml").unlink()  # and what its figures count
    result = generated()
    assert result.stderr == f"{REPORT}/zh-Hans/{name}: {NOT_A_PAGE}"
    assert not Path(
        "site_src/en/docs/hangzhou-education-2020/04-henzhua-jichu-baozhang.md"
    ).exists()


def test_files_and_folders_nothing_reads_are_named(here: Project) -> None:
    Path(REPORT, "notes.txt").write_text("笔记", encoding="utf-8")
    Path(REPORT, "zh-Hant").mkdir()
    Path(REPORT, "translations", "en.po~").write_text("", encoding="utf-8")
    Path(REPORT, "translations", "en.mo").write_bytes(b"")  # Poedit's compiled copy: no word
    Path(REPORT, ".DS_Store").write_bytes(b"")  # the Finder's: no word
    Path("content/draft/zh-Hans").mkdir(parents=True)
    Path("content/site.yaml").write_text("site_url: https://example.org/\n", encoding="utf-8")
    assert generated().stderr == (
        "content/draft: warning: a folder without report.yml is not a report, so it is in no "
        "edition\n"
        "  hint: if it is a report, add report.yml (organisation, year); if not, keep it outside "
        "content/\n"
        f"{REPORT}/notes.txt: warning: not part of the report: only report.yml, figures.yml, "
        "zh-Hans/ and translations/ are read\n"
        "  hint: delete it, or keep it outside content/\n"
        f"{REPORT}/translations/en.po~: warning: not a translation memory: only en.po is read "
        "here\n"
        "  hint: delete it, or keep it outside content/\n"
        f"{REPORT}/zh-Hant: warning: not part of the report: only report.yml, figures.yml, "
        "zh-Hans/ and translations/ are read\n"
        "  hint: delete it, or keep it outside content/\n"
        "content/site.yaml: warning: not read: content/ holds site.yml, glossary.yml and one "
        "folder per report (did you mean site.yml?)\n"
        "  hint: rename it site.yml\n"
    )


def test_a_report_yml_under_another_name_is_pointed_at(here: Project) -> None:
    Path(META).rename(Path(REPORT, "report.yaml"))
    Path("content/other").mkdir()
    Path("content/hangzhou-education-2020").rename("content/other/hangzhou")
    Path("content/other/hangzhou").rename("content/hangzhou")
    result = CliRunner().invoke(main, ["generate"])
    assert result.stderr == (
        "content: no report found (a folder with report.yml)\n"
        "  hint: import one with `report-site import FILE`\n"
        "content/hangzhou: warning: a folder without report.yml is not a report, so it is in no "
        "edition\n"
        "  hint: rename report.yaml to report.yml\n"
        "content/other: warning: a folder without report.yml is not a report, so it is in no "
        "edition\n"
        "  hint: if it is a report, add report.yml (organisation, year); if not, keep it outside "
        "content/\n"
        "3 problems found.\n"
    )


@pytest.mark.parametrize("name", ["assets", "search"])
@pytest.mark.parametrize("command", ["build", "generate", "check", "translate"])
def test_a_report_folder_named_like_the_sites_own_is_refused_by_every_command(
    here: Project, name: str, command: str
) -> None:
    Path(REPORT).rename(Path("content", name))
    refused(
        here,
        command,
        f"content/{name}: a report folder's name is the report's web address, and this one "
        "cannot be\n"
        "  hint: rename the folder with lower-case letters, digits and hyphens (not assets or "
        "search), e.g. guangdong-gov-2026\n",
    )


def test_a_wrong_bar_is_located_at_its_own_line_not_where_its_text_first_appears(
    here: Project,
) -> None:
    # 六城区 is the first chart's title (line 23), and not on the page of the second chart.
    edit(META, lambda text: text.replace("figure: 95.9%", "figure: 六城区"))
    refused(
        here,
        "build",
        f"{META}:32:29: figure '六城区' is not written on 04-henzhua-jichu-baozhang\n"
        "          - {label: 农村, figure: 六城区}\n"
        "                                  ^\n"
        "  hint: copy the figure exactly as the page writes it, unit included\n",
    )


def test_labels_are_translated_from_the_line_they_are_on(here: Project) -> None:
    from generator.content import load_site

    report = load_site(Path("content")).reports[0]
    places = {s.text: s.loc.line for s in report.segments() if s.loc.path == META}
    assert places == {
        "杭州市教育局": 2,
        "新增学位": 9,
        "新建中小学、幼儿园": 12,
        "学生总体近视率": 15,
        "累计兑付居家看护补助资金": 18,
        "六城区民办初中报名派位录取比": 23,
        "2019年": 26,
        "2020年": 27,
        "公办学校教室空调覆盖率": 28,
        "城镇": 31,
        "农村": 32,
    }


def test_a_ratio_written_without_quotes_is_the_ratio(here: Project) -> None:
    from generator.content import load_site

    edit(META, lambda text: text.replace('figure: "4.36:1"', "figure: 4.36:1"))
    (chart, _) = load_site(Path("content")).reports[0].charts
    assert [ref.text for _, ref in chart.bars] == ["4.36:1", "2.62:1"]


# --- the same family: other editor-owned files and other slips ------------------------------


def test_a_page_saved_as_gb18030_is_refused_at_the_first_chinese_character(
    here: Project,
) -> None:
    page = Path(PAGE)
    page.write_bytes(page.read_text(encoding="utf-8").encode("gb18030"))
    refused(
        here,
        "build",
        f"{PAGE}:1:3: the file is not UTF-8 text: it looks like GB18030 (what Chinese Windows "
        "saves)\n"
        "    # 三、谱写育人新篇，促进学生“美好成长”\n"
        "      ^\n"
        "  hint: save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)\n",
    )


def test_a_file_that_is_no_encoding_at_all_is_refused(here: Project) -> None:
    Path(META).write_bytes(b"organisation: \xff\xfe\xfa\n")
    refused(
        here,
        "build",
        f"{META}:1:15: the file is not UTF-8 text (byte 0xFF)\n"
        "    organisation: ���\n"
        "                  ^\n"
        "  hint: save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)\n",
    )


def test_utf16_without_a_byte_order_mark_is_refused(here: Project) -> None:
    Path("content/site.yml").write_bytes("site_url: https://example.org/\n".encode("utf-16-le"))
    refused(
        here,
        "build",
        "content/site.yml:1: the file holds NUL characters: it is UTF-16 without a byte-order "
        "mark, or not text\n"
        "  hint: save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)\n",
    )


def test_unknown_keys_are_warnings_with_the_nearest_known_key(here: Project) -> None:
    edit(META, lambda text: text.replace("charts:", "chart:").replace("  file:", "  fil:"))
    edit("content/site.yml", lambda text: text.replace("site_name:", "site_names:"))
    assert generated().stderr == (
        f"{META}:5:3: warning: unknown key source.fil (did you mean file?)\n"
        "      fil: hangzhou-education-2020.txt\n"
        "      ^\n"
        "  hint: known keys here: file, sha256, url; anything else is not read\n"
        f"{META}:22:1: warning: unknown key chart (did you mean charts?)\n"
        "    chart:\n"
        "    ^\n"
        "  hint: known keys here: organisation, year, subtitle, speaker, published, source, "
        "licence, dropped, headline_figures, charts; anything else is not read\n"
        "content/site.yml:9:1: warning: unknown key site_names (did you mean site_name?)\n"
        "    site_names:\n"
        "    ^\n"
        "  hint: known keys here: site_url, site_name, zh-Hant, translate, operator, licence; "
        "anything else is not read\n"
    )


def test_check_strict_fails_on_warnings_about_content(here: Project) -> None:
    edit(META, lambda text: text.replace("charts:", "chart:"))
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{META}:22:1: warning: unknown key chart")
    assert result.stderr.endswith(
        "report-site check --strict: 1 warning about content/\n"
        "  hint: fix what each warning above names, then check again\n"
    )


def test_a_key_given_twice_is_refused(here: Project) -> None:
    edit(META, lambda text: text.replace("year: 2020\n", "year: 2020\nyear: 2021\n"))
    refused(
        here,
        "build",
        f"{META}:4:1: year is already given on line 3\n"
        "    year: 2021\n"
        "    ^\n"
        "  hint: keep one of the two\n",
    )


def test_a_headline_figure_lacking_a_key_says_which(here: Project) -> None:
    edit(META, lambda text: text.replace("    figure: 87所\n", ""))
    refused(
        here,
        "build",
        f"{META}:12:5: headline_figures[2].figure is missing\n"
        "      - label: 新建中小学、幼儿园\n"
        "        ^\n"
        "  hint: add `figure: …`, the figure as the page writes it, unit included\n",
    )


def test_a_chart_without_a_title_says_title(here: Project) -> None:
    edit(META, lambda text: text.replace("title: 公办学校教室空调覆盖率", "title:"))
    refused(
        here,
        "build",
        f"{META}:28:5: charts[2].title is empty\n"
        "      - title:\n"
        "        ^\n"
        "  hint: add `title: 中文标题` (it is translated like the report's text)\n",
    )


def test_a_yaml_syntax_error_names_the_line(here: Project) -> None:
    edit("content/site.yml", lambda text: text.replace("  opencc: s2tw", "  opencc: [s2tw"))
    refused(
        here,
        "build",
        "content/site.yml:20:3: YAML syntax error: expected ',' or ']', but got '?'\n"
        "      keep:\n"
        "      ^\n"
        "  hint: check indentation and quotes on this line\n",
    )


def test_a_word_missing_from_an_edition_of_the_ui_strings_names_the_edition(
    here: Project,
) -> None:
    edit("templates/strings.yml", lambda text: text.replace("  to_home: 返回首頁\n", ""))
    lines = Path("templates/strings.yml").read_text(encoding="utf-8").splitlines()
    key_line = lines.index("zh-Hant:") + 1
    refused(
        here,
        "build",
        f"templates/strings.yml:{key_line}:1: edition zh-Hant lacks strings: to_home\n"
        "    zh-Hant:\n"
        "    ^\n"
        "  hint: add them under its key\n",
    )
