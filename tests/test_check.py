"""`report-site check`: coverage by state, and every place where the English contradicts the
Chinese, named by file and line, with an exit status CI can gate on in strict mode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from generator.check import missing_terms
from generator.cli import main
from generator.content.glossary import load_glossary
from generator.errors import ReportSiteError
from generator.site import Project
from generator.tm import store
from tests.conftest import ROOT

REPORT = "content/hangzhou-education-2020"
PO = f"{REPORT}/translations/en.po"
PAGE_02 = f"{REPORT}/zh-Hans/02-da-hao-fangyi-yingzhang.md"
CLEAN = "0 findings (figures 0, glossary 0, Chinese left in the English 0)"


def check(project: Project, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--root", str(project.root), *args])


def edit_english(po_file: Path, needle: str, change: Callable[[polib.POEntry], None]) -> None:
    """Change the entry whose Chinese contains `needle`, saving as the project does."""
    po = store.load(po_file)
    change(next(e for e in po if needle in e.msgid))
    store.save(po, po_file)


def replace_in_english(old: str, new: str) -> Callable[[polib.POEntry], None]:
    def change(entry: polib.POEntry) -> None:
        assert old in entry.msgstr
        entry.msgstr = entry.msgstr.replace(old, new)

    return change


def line_of(path: Path, text: str) -> int:
    """An independent oracle for "the PO line holding the English": search the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_committed_english_has_no_findings(project: Project) -> None:
    result = check(project, "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith(f"{CLEAN}; ")
    assert result.stderr == ""


def test_coverage_counts_every_state_per_page_and_report_and_check_writes_nothing(
    project: Project,
) -> None:
    po_file = project.root / PO
    edit_english(po_file, "一是坚持德育为先", lambda e: setattr(e, "tcomment", "reviewed-by: Ed"))
    edit_english(po_file, "二是注重全面发展", lambda e: setattr(e, "msgstr", ""))
    page = project.root / REPORT / "zh-Hans" / "03-puxie-yuren-xinpian.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("三是促进学生健康。", "三是促进学生身心健康。"),
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}

    result = check(project)

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{REPORT}: English coverage"
    assert lines[1].split() == ["page", "segments", "reviewed", "machine", "outdated", "missing"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:16]}
    # The organisation, and the labels of the headline figures and charts.
    assert rows["report.yml"] == ["11", "0", "11", "0", "0"]
    # What each figure counts (84 figures, two of them no figure: the 1 of 1+X).
    assert rows["figures.yml"] == ["82", "0", "82", "0", "0"]
    assert rows["zh-Hans/03-puxie-yuren-xinpian.md"] == ["9", "1", "6", "1", "1"]
    assert rows["total"] == ["153", "1", "150", "1", "1"]
    assert lines[-1] == f"{CLEAN}; 147 translated segments checked; 1 of 153 segments reviewed"
    after = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    assert after == before


def test_a_wrong_figure_in_any_po_file_fails_strict_mode_naming_file_and_line(
    project: Project, tmp_path: Path
) -> None:
    copy = tmp_path / "COPY.po"
    edit_english(project.root / PO, "5.79万人次", replace_in_english("57,900", "5,790"))
    copy.write_bytes((project.root / PO).read_bytes())

    result = check(project, "--strict", "--po", str(copy))

    assert result.exit_code == 1
    finding = [
        "zh-Hans/02-da-hao-fangyi-yingzhang.md:3: figure: "
        "5.79万人次 is 57,900, but the English has 5,790",
        "    zh: …健康督查和驻校健康指导服务，累计入校服务5.79万人次，"
        "合力保障全市各级各类学校2600余个校…",
        "    en: …health guidance at schools, with a total of 5,790 visits to schools, "
        "and together with others…",
        f"    English at {copy}:{line_of(copy, '5,790')}",
    ]
    assert "\n".join(finding) in result.stdout
    assert result.stdout.splitlines()[-1].startswith(
        "1 finding (figures 1, glossary 0, Chinese left in the English 0); "
    )
    assert result.stderr == (
        "report-site check --strict: 1 finding\n"
        "  hint: fix the English at the PO line named under each finding, then check again\n"
    )


def test_findings_in_the_report_name_the_content_file_and_the_po_line(project: Project) -> None:
    po_file = project.root / PO
    edit_english(po_file, "5.79万人次", replace_in_english("57,900", "5,790"))

    result = check(project, "--strict")

    assert result.exit_code == 1
    assert f"{PAGE_02}:3: figure: 5.79万人次 is 57,900, but the English has 5,790" in result.stdout
    assert f"    English at {PO}:{line_of(po_file, '5,790')}" in result.stdout


def test_without_strict_findings_are_reported_and_the_exit_status_is_zero(
    project: Project,
) -> None:
    edit_english(project.root / PO, "5.79万人次", replace_in_english("57,900", "5,790"))
    result = check(project)
    assert result.exit_code == 0
    assert "1 finding (figures 1, glossary 0, Chinese left in the English 0)" in result.stdout


def test_a_glossary_term_must_keep_its_english(project: Project) -> None:
    edit_english(
        project.root / PO,
        "西湖大学正式签约",
        replace_in_english("Westlake University", "West Lake U"),
    )
    result = check(project)
    assert (
        f"{REPORT}/zh-Hans/08-zhuzhong-fuwudaju.md:5: glossary: "
        '西湖大学 must be rendered "Westlake University"\n'
        "    zh: 西湖大学正式签约学术人才累计141名，共招收四期…\n"
        f"    English at {PO}:{line_of(project.root / PO, 'West Lake U')}"
    ) in result.stdout


def test_chinese_left_in_the_english_is_a_finding(project: Project) -> None:
    edit_english(
        project.root / PO, "浙里办APP", replace_in_english('"Zheliban" app', '"浙里办" app')
    )
    result = check(project, "--strict")
    assert result.exit_code == 1
    page = f"{REPORT}/zh-Hans/09-qianghua-shuzi-funeng.md:5"
    assert f'{page}: glossary: 浙里办 must be rendered "Zheliban"' in result.stdout
    assert f"{page}: chinese: Chinese left in the English: 浙里办" in result.stdout
    assert "1 finding" not in result.stdout
    assert "2 findings (figures 0, glossary 1, Chinese left in the English 1)" in result.stdout


def test_a_missing_po_file_is_an_error_without_traceback(project: Project, tmp_path: Path) -> None:
    result = check(project, "--po", str(tmp_path / "nope.po"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{tmp_path}/nope.po: PO file not found\n"
        "  hint: name an existing .po file (msgid Chinese, msgstr English)\n"
    )


def test_a_term_inside_a_longer_term_is_covered_by_the_longer_ones_english() -> None:
    glossary = {"杭州市教育局": "Hangzhou Municipal Education Bureau", "市教育局": "City Bureau"}
    assert (
        list(missing_terms("杭州市教育局发布", "The Hangzhou Municipal Education Bureau", glossary))
        == []
    )
    assert list(missing_terms("市教育局发布", "The Bureau issued", glossary)) == [
        ("市教育局", "City Bureau", 0)
    ]


def test_terms_are_compared_ignoring_case_quotes_and_spacing() -> None:
    glossary = {"市长杯": "Mayor's Cup"}
    assert list(missing_terms("“市长杯”联赛", "the MAYOR’S  CUP league", glossary)) == []


def test_the_glossary_holds_the_official_names() -> None:
    glossary = load_glossary(ROOT / "content")
    assert {
        "西湖大学": "Westlake University",
        "最多跑一次": "At Most One Visit",
        "中法航空大学": "Zhongfa Aviation University",
        "阿联酋迪拜中国学校": "Chinese School Dubai",
        "良渚遗址": "Archaeological Ruins of Liangzhu City",
        "省二级幼儿园": "provincial Level-2 kindergarten",
        "城市大脑": "City Brain",
        "十三五": "13th Five-Year Plan",
        "十四五": "14th Five-Year Plan",
        "亲清在线": "Qinqing Online",
    }.items() <= glossary.items()
    assert not [term for term in glossary if term[0] in '《“"' and term[-1] in '》”"']
    assert not {"两个覆盖", "家门口的好初中", "一校一方案", "跑零次", "双随机"} & glossary.keys()


def test_the_command_is_documented() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "--strict" in result.output and "--po" in result.output


def test_a_glossary_entry_yaml_would_misread_is_an_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text(
        "西湖大学: Westlake University\n2020: Year 2020\n学校:\n西湖大学: West Lake U\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportSiteError) as caught:
        load_glossary(tmp_path)
    assert [f"{p.loc.line}: {p.message}" for p in caught.value.problems] == [
        "2: the term 2020 is not Chinese text",
        "3: the English of '学校' must be text",
        "4: '西湖大学' is already in the glossary (line 1)",
    ]


def test_po_lines_are_found_past_plural_and_obsolete_entries(tmp_path: Path) -> None:
    po_file = tmp_path / "any.po"
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.md:1\nmsgid "%d 所学校"\nmsgid_plural "%d 所学校"\n'
        'msgstr[0] "%d school"\nmsgstr[1] "%d schools"\n\n'
        '#: a.md:2\nmsgid "新增学位7.89万个。"\nmsgstr ""\n"78,000 new "\n"school places."\n\n'
        '#~ msgid "新增学位7.89万个。"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--po", str(po_file)])
    assert "  a.md          2         2         0         0         0\n" in result.stdout
    assert f"    English at {po_file}:14\n" in result.stdout
