"""Terms across a report: one name rendered one way in the text and the labels, glossary
candidates with their renderings side by side, glossary entries that are names, and the
glossary's entry form with a source and a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import check_content
from generator.cli import main
from generator.content import load_glossary, load_glossary_entries
from generator.errors import Loc, ReportSiteError
from generator.findings import Rule
from generator.model import GlossaryEntry
from generator.severity import Severity
from generator.site import Project
from generator.terms import (
    Segment,
    candidate_findings,
    consistency_findings,
    entry_findings,
    quoted_renderings,
)
from generator.tm import store
from tests.conftest import ROOT
from tests.test_check import PO, REPORT, check, edit_english, replace_in_english


def seg(zh: str, en: str, line: int, page: str = "zh-Hans/a.md") -> Segment:
    return Segment(zh, en, Loc(page, line), page)


def test_quoted_names_are_paired_with_quoted_english_in_order() -> None:
    assert quoted_renderings(
        "深化“最多跑一次”改革，推进“一件事”办理",
        'the "At Most One Visit" reform and "one-stop" services',
    ) == [("最多跑一次", "At Most One Visit"), ("一件事", "one-stop")]
    assert quoted_renderings("“甲”和“乙”", 'only "A" is quoted') == []  # cannot be paired


def test_a_name_rendered_two_ways_is_a_warning_naming_both_places() -> None:
    segments = [
        seg("推进“一件事”集中办", 'handled as "one thing"', 3),
        seg("实现“一件事”办理", 'as a "one-stop service"', 7),
        seg("再推“一件事”", 'more "One Thing" work', 9),
    ]
    (finding,) = consistency_findings(segments, {})
    assert finding.severity is Severity.WARNING
    assert finding.loc == Loc("zh-Hans/a.md", 3)
    assert finding.message == (
        '“一件事” is rendered 2 ways: "one thing" (zh-Hans/a.md:3); "one-stop service" '
        "(zh-Hans/a.md:7)"
    )
    assert consistency_findings(segments, {"一件事": "One Thing"}) == []  # the glossary's job


def test_a_label_repeated_in_the_text_keeps_its_words_there() -> None:
    label = seg("居家看护补助", "Home childcare subsidies", 20, "report.yml")
    text = seg("兑付居家看护补助3771.55万元", "home care subsidies of CNY 37.7155 million", 5)
    (finding,) = consistency_findings([label, text], {})
    assert (finding.loc, finding.severity) == (Loc("zh-Hans/a.md", 5), Severity.WARNING)
    assert finding.message == (
        '居家看护补助 is "Home childcare subsidies" in its label (report.yml:20), '
        'but "home care subsidies" here'
    )
    fixed = seg("兑付居家看护补助3771.55万元", "CNY 37.7155 million of home childcare subsidies", 5)
    reordered = seg("发放居家看护补助", "subsidies for childcare at home were paid", 7)
    assert consistency_findings([label, fixed, reordered], {}) == []


def test_a_chart_title_the_text_repeats_keeps_every_word_of_its_english() -> None:
    title = seg(
        "民办初中报名派位录取比",
        "Ratio of applicants to places allocated by lottery, private junior high schools",
        23,
        "report.yml",
    )
    text = seg(
        "全面落实电脑派位录取等政策。民办初中报名派位录取比从4.36:1下降到2.62:1。",
        "Places are allocated by computerized random allocation. The ratio of applicants to "
        "admissions by random allocation at private junior high schools fell from 4.36:1 to "
        "2.62:1.",
        5,
    )
    (finding,) = consistency_findings([title, text], {})
    assert finding.message == (
        '民办初中报名派位录取比 is "Ratio of applicants to places allocated by lottery, private '
        'junior high schools" in its label (report.yml:23), but "ratio of applicants to '
        'admissions by random allocation at private junior high schools" here'
    )


def test_a_term_one_segment_renders_otherwise_than_the_others_is_a_warning() -> None:
    segments = [
        seg("全面落实电脑派位录取政策", "places are allocated by computerized lottery", 3, "a.md"),
        seg("坚持电脑派位", "we kept to the computerized lottery", 5, "b.md"),
        seg("民办初中电脑派位比", "Lottery ratio of private junior high schools", 23, "report.yml"),
    ]
    (finding,) = consistency_findings(segments, {})
    assert (finding.loc, finding.severity) == (Loc("report.yml", 23), Severity.WARNING)
    assert (
        finding.message
        == '电脑派位 is "Lottery" here, but "computerized lottery" at a.md:3, b.md:5'
    )
    assert finding.zh == "民办初中电脑派位比"


def test_a_programme_rendered_two_ways_names_both_renderings_and_places() -> None:
    segments = [
        seg("去年发放居家看护补助", "last year we paid home childcare subsidies", 3, "a.md"),
        seg(
            "居家看护补助惠及双职工",
            "home childcare subsidies reached dual-income families",
            9,
            "b.md",
        ),
        seg("累计兑付居家看护补助资金", "home care subsidies totaling CNY 37.7 million", 5, "c.md"),
        seg("学校开放体育场地", "schools opened their sports venues", 7, "d.md"),
    ]
    (finding,) = consistency_findings(segments, {})
    assert finding.loc == Loc("c.md", 5)
    assert finding.message == (
        '居家看护补助 is "home care subsidies" here, but "home childcare subsidies" at a.md:3, '
        "b.md:9"
    )
    segments[2] = seg(
        "累计兑付居家看护补助资金", "subsidies for home childcare, CNY 37.7 million", 5, "c.md"
    )
    assert consistency_findings(segments, {}) == []  # the same words, in another order


def test_a_heading_that_leaves_a_term_unrendered_is_a_warning_but_a_paragraph_may() -> None:
    segments = [
        seg("推进电脑派位改革", "advancing the reform of the computerized lottery", 3, "a.md"),
        seg("电脑派位全面实施", "the computerized lottery was fully introduced", 5, "b.md"),
        seg("完善电脑派位", "improving the allocation of places", 1, "c.md"),
    ]
    (finding,) = consistency_findings(segments, {})
    assert finding.message == (
        '电脑派位 is not rendered here as at a.md:3, b.md:5 ("computerized lottery")'
    )


def test_words_of_a_neighbouring_term_are_not_taken_for_the_term_s_rendering() -> None:
    """招生 is "enrollment" wherever it is, also beside 义务教育: a paragraph that says
    "compulsory education" alone renders 义务教育 as the others do."""
    segments = [
        seg("义务教育招生改革", "reform of compulsory education enrollment", 1, "a.md"),
        seg(
            "完善义务教育招生政策", "improving compulsory education enrollment policies", 3, "b.md"
        ),
        seg("义务教育教师工资", "the pay of compulsory education teachers", 5, "c.md"),
        seg("高中招生", "senior high school enrollment", 7, "d.md"),
        seg("小学招生", "primary school enrollment", 9, "e.md"),
    ]
    assert consistency_findings(segments, {}) == []


def test_the_hangzhou_memory_renders_every_term_one_way() -> None:
    """The English as committed: no term, label or name rendered two ways."""
    findings = check_content(ROOT / "content").findings
    assert [f.render() for f in findings if f.rule is Rule.TERMS] == []


def test_a_glossary_term_rendered_another_way_shows_that_rendering(project: Project) -> None:
    po_file = project.root / PO
    edit_english(
        po_file,
        "西湖大学正式签约",
        replace_in_english("Westlake University had", "West Lake University had"),
    )
    result = check(project, "--strict")
    assert result.exit_code == 1
    assert (
        f"{REPORT}/zh-Hans/08-zhuzhong-fuwudaju.md:5: glossary: "
        '西湖大学 must be rendered "Westlake University"\n'
        "    zh: 西湖大学正式签约学术人才累计141名，共招收四期…\n"
        "    en: West Lake University had signed a total of 141 faculty members and…\n"
    ) in result.stdout
    assert "terms warning" not in result.stdout  # the glossary check names it, once


def test_recurring_names_the_glossary_lacks_are_candidates_with_their_renderings() -> None:
    segments = [
        seg("建设“智慧校园”", 'building "Smart Campuses"', 3),
        seg("推广“智慧校园”", 'promoting "smart campuses"', 5),
        seg("杭州市青少年活动中心开放", "the youth center opened", 7),
        seg("杭州市青少年活动中心扩建", "the youth activity center grew", 9),
        seg("仅一次的“名字”", 'a "name" once', 11),
    ]
    findings = candidate_findings(segments, {})
    assert [(f.loc.line, f.message, f.severity) for f in findings] == [
        (
            3,
            'glossary candidate: 智慧校园 (2 places); renderings now: "Smart Campuses"',
            Severity.NOTE,
        ),
        (
            7,
            "glossary candidate: 杭州市青少年活动中心 (2 places); renderings now: "
            '"youth center"; "youth activity center"',
            Severity.NOTE,
        ),
    ]
    assert candidate_findings(segments, {"智慧校园": "Smart Campuses", "青少年活动中心": "X"}) == []


def test_glossary_entries_may_name_their_source_and_a_note(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text(
        "良渚遗址: {en: Archaeological Ruins of Liangzhu City, source: https://whc.unesco.org/en/list/1592}\n"
        "西湖大学: Westlake University\n"
        "省二级幼儿园: {en: provincial Level-2 kindergarten, note: Zhejiang's grades}\n",
        encoding="utf-8",
    )
    entries = load_glossary_entries(tmp_path)
    assert entries["良渚遗址"] == GlossaryEntry(
        "良渚遗址",
        "Archaeological Ruins of Liangzhu City",
        "https://whc.unesco.org/en/list/1592",
        "",
        1,
    )
    assert entries["西湖大学"] == GlossaryEntry("西湖大学", "Westlake University", line=2)
    assert entries["省二级幼儿园"].note == "Zhejiang's grades"
    assert load_glossary(tmp_path)["良渚遗址"] == "Archaeological Ruins of Liangzhu City"


def test_a_glossary_entry_of_the_wrong_form_is_an_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text(
        "甲: {en: A, url: x}\n乙: {source: y}\n丙: [B]\n", encoding="utf-8"
    )
    with pytest.raises(ReportSiteError) as caught:
        load_glossary_entries(tmp_path)
    assert [f"{p.loc.line}: {p.message}" for p in caught.value.problems] == [
        "1: unknown field 'url' in the entry of '甲'",
        "2: the entry of '乙' has no English (en:)",
        "3: the English of '丙' must be text",
    ]


def test_an_entry_whose_english_is_no_name_is_a_warning() -> None:
    entries = {
        "两个覆盖": GlossaryEntry("两个覆盖", "two coverages", line=4),
        "西湖大学": GlossaryEntry("西湖大学", "Westlake University", line=5),
    }
    (finding,) = entry_findings(entries, "content/glossary.yml")
    assert (str(finding.loc), finding.severity) == ("content/glossary.yml:4", Severity.WARNING)
    assert finding.message == (
        '两个覆盖: "two coverages" is no name (no capital letter); the glossary holds names '
        "only: write the official English name, or remove the entry"
    )


def test_check_fails_strict_on_a_term_rendered_two_ways_but_never_on_a_note(
    project: Project,
) -> None:
    po_file = project.root / PO
    edit_english(
        po_file,
        "西湖大学正式签约",
        replace_in_english("a total of 141 faculty members", "about 141 faculty members"),
    )
    result = check(project, "--strict")
    assert result.exit_code == 0, result.output
    assert "figure note: 141名 is 141; the English has about 141" in result.stdout
    assert "; 1 note to confirm; " in result.stdout.splitlines()[-1]

    edit_english(
        po_file,
        "以省市民生实事项目为抓手",
        replace_in_english("78,900 new school places", "78,900 additional school places"),
    )
    result = check(project, "--strict")
    assert result.exit_code == 1
    assert (
        f"{REPORT}/zh-Hans/04-henzhua-jichu-baozhang.md:3: terms warning: 新增学位 is "
        f'"New school places" in its label ({REPORT}/report.yml:9), '
        'but "additional school places" here'
    ) in result.stdout
    assert result.stdout.splitlines()[-1].startswith(
        "1 finding (figures 0, glossary 0, Chinese left in the English 0, "
        "terms rendered two ways 1); 1 note to confirm; "
    )


def test_min_coverage_refuses_a_report_below_the_share_the_editor_chooses(
    project: Project,
) -> None:
    po_file = project.root / PO
    po = store.load(po_file)
    emptied = 0
    for entry in po:
        if (
            entry.msgid and not entry.obsolete and emptied < 17
        ):  # of 153 segments (71 of the text, 82 names of figures)
            entry.msgstr = ""
            emptied += 1
    store.save(po, po_file)
    args = ["check", "--root", str(project.root)]
    assert CliRunner().invoke(main, args).exit_code == 0  # the default: publish, mark missing
    assert CliRunner().invoke(main, [*args, "--min-coverage", "85"]).exit_code == 0
    result = CliRunner().invoke(main, [*args, "--min-coverage", "90"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{REPORT}: English coverage 88.9% is below the minimum of 90%\n"
        "  hint: translate what is missing (report-site translate), or lower --min-coverage\n"
    )


def test_check_finds_the_two_renderings_a_reviewer_found_in_the_hangzhou_english(
    project: Project,
) -> None:
    """The first drafts had "lottery" in a chart title where the text said "computerized
    lottery", and "home care subsidies" in the text where the headline said "home childcare
    subsidies": planted back, both are named with both renderings."""
    po_file = project.root / PO
    po = store.load(po_file)
    (title,) = [entry for entry in po if entry.msgid == "六城区民办初中报名派位录取比"]
    replace_in_english("allocated by computerized lottery", "allocated by lottery")(title)
    store.save(po, po_file)
    edit_english(
        po_file,
        "累计兑付居家看护补助资金3771.55万元",
        replace_in_english("home childcare subsidies", "home care subsidies"),
    )
    result = check(project, "--strict")
    assert result.exit_code == 1
    warnings = [line for line in result.stdout.splitlines() if "terms warning" in line]
    assert warnings == [
        f"{REPORT}/zh-Hans/06-ruiyigaige-chuangxin.md:5: terms warning: "
        '六城区民办初中报名派位录取比 is "Ratio of applicants to places allocated by lottery, '
        "private junior high schools in "
        f'the six urban districts" in its label ({REPORT}/report.yml:23), but "six urban '
        "districts, the ratio of applicants to places allocated by computerized lottery at "
        'private junior high schools" here',
        f"{REPORT}/zh-Hans/10-banhao-guanjian-xiaoshi.md:5: terms warning: "
        '累计兑付居家看护补助资金 is "Home childcare subsidies paid out" in its label '
        f"({REPORT}/report.yml:18), but "
        '"home care subsidies" here',
    ]
