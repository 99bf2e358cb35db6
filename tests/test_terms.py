"""Terms across a report: one name rendered one way in the text and the labels, glossary
candidates with their renderings side by side, glossary entries that are names, and the
glossary's entry form with a source and a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content import load_glossary, load_glossary_entries
from generator.errors import Loc, ReportSiteError
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
from tests.test_check import PO, REPORT, edit_english, replace_in_english


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


def test_a_label_repeated_in_the_text_keeps_its_english_there() -> None:
    label = seg("居家看护补助", "Home childcare subsidies", 20, "report.yml")
    text = seg("兑付居家看护补助3771.55万元", "home care subsidies of CNY 37.7155 million", 5)
    (finding,) = consistency_findings([label, text], {})
    assert finding.loc == Loc("zh-Hans/a.md", 5)
    assert finding.message == (
        '居家看护补助 is "Home childcare subsidies" in its label (report.yml:20), '
        "but this English renders it otherwise"
    )
    fixed = seg("兑付居家看护补助3771.55万元", "home childcare subsidies of CNY 37.7155 million", 5)
    assert consistency_findings([label, fixed], {}) == []


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
            "not marked in the English",
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
        replace_in_english("a total of 141 academic talents", "about 141 academic talents"),
    )
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--strict"])
    assert result.exit_code == 0, result.output
    assert "figure note: 141名 is 141; the English has about 141" in result.stdout
    assert "; 1 note to confirm; " in result.stdout.splitlines()[-1]

    edit_english(
        po_file,
        "以省市民生实事项目为抓手",
        replace_in_english("78,900 new school places", "78,900 additional school places"),
    )
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--strict"])
    assert result.exit_code == 1
    assert (
        f"{REPORT}/zh-Hans/04-henzhua-jichu-baozhang.md:3: terms warning: 新增学位 is "
        f'"New school places" in its label ({REPORT}/report.yml:9), '
        "but this English renders it otherwise"
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
        if entry.msgid and not entry.obsolete and emptied < 8:
            entry.msgstr = ""
            emptied += 1
    store.save(po, po_file)
    args = ["check", "--root", str(project.root)]
    assert CliRunner().invoke(main, args).exit_code == 0  # the default: publish, mark missing
    assert CliRunner().invoke(main, [*args, "--min-coverage", "85"]).exit_code == 0
    result = CliRunner().invoke(main, [*args, "--min-coverage", "90"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{REPORT}: English coverage 88.7% is below the minimum of 90%\n"
        "  hint: translate what is missing (report-site translate), or lower --min-coverage\n"
    )
