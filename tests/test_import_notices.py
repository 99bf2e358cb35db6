"""A document delivered inside a notice (关于印发《X》的通知), work plans numbered 1.–N. through
all their parts, and items ending with a responsibility note: hand-made fragments of each kind,
what the editor gets and is told, asserted exactly. Real pages of the family are golden files
(tests/data/import/*-notice.txt)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.importer.blocks import split_lead
from generator.importer.covering import document_name, run_together
from generator.importer.findings import Findings
from generator.importer.lint import check_outline
from generator.importer.outline import build_outline
from generator.importer.run import report_title

ITEM = "认真抓好落实，确保取得实效。"
PARTS = ["一、指导思想", ITEM, "二、工作目标", ITEM]
NOTICE = [
    "关于印发《某某市教育局2024年工作要点》的通知",
    "",
    "各县市区教育局，机关各科室：",
    "现将《某某市教育局2024年工作要点》印发给你们，请结合实际认真贯彻落实。",
    "2024年3月27日",
    "（此件主动公开）",
    "",
    "某某市教育局2024年工作要点",
    "",
    "2024年全市教育工作的总体要求是：坚持稳中求进。",
    "一、加强党的建设",
    f"1.加强思想理论武装。{ITEM}（责任科室：组干科）",
    f"2.加强政治建设。{ITEM}（责任科室：机关党委）",
    "二、推进优质均衡",
    f"3.扩大学前教育资源。{ITEM}（责任科室：基教科）",
    f"4.推进义务教育优质均衡。{ITEM}（牵头单位：基教科；责任单位：发规科）",
]


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_import(lines: list[str], *options: str) -> Result:
    Path("report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return CliRunner().invoke(main, ["import", "report.txt", "--out", "out", *options])


def page(name: str) -> str:
    return Path("out/report/zh-Hans", name).read_text(encoding="utf-8")


def report_yml() -> dict[str, object]:
    loaded = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_report_is_the_document_the_notice_delivers(here: Path) -> None:
    result = run_import(NOTICE)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "report.txt:8:1: warning: the text is a notice delivering a document: the report's "
        "title is the document's, “某某市教育局2024年工作要点”, read from its own title line "
        "(line 8); the notice is kept, every line of it, as the first paragraphs of "
        "zh-Hans/index.md\n"
        "    某某市教育局2024年工作要点\n"
        "    ^\n"
        "  hint: check zh-Hans/index.md; if the notice's paragraphs should not open the "
        "report, move or delete them there\n"
    )
    assert page("index.md") == (
        "# 某某市教育局2024年工作要点\n\n"
        "关于印发《某某市教育局2024年工作要点》的通知\n\n"
        "各县市区教育局，机关各科室：\n\n"
        "现将《某某市教育局2024年工作要点》印发给你们，请结合实际认真贯彻落实。\n\n"
        "2024年3月27日\n\n"
        "（此件主动公开）\n\n"
        "2024年全市教育工作的总体要求是：坚持稳中求进。\n"
    )
    meta = report_yml()
    assert (meta["organisation"], meta["year"]) == ("某某市教育局", 2024)
    assert meta["published"] == datetime.date(2024, 3, 27)  # the notice's date


def test_items_numbered_through_all_parts_are_no_false_alarm_and_keep_their_notes() -> None:
    findings = Findings("report.txt", NOTICE)
    outline = build_outline(NOTICE, findings)
    check_outline(outline, NOTICE, findings)
    assert [w.message for w in findings.warnings if "numbering" in w.message] == []
    assert [(h.level, h.text) for h in outline.headings] == [
        (1, "一、加强党的建设"),
        (2, "1.加强思想理论武装。"),
        (2, "2.加强政治建设。"),
        (1, "二、推进优质均衡"),
        (2, "3.扩大学前教育资源。"),
        (2, "4.推进义务教育优质均衡。"),
    ]
    notes = [h.body[0].text for h in outline.headings if h.body]
    assert notes[-1] == f"{ITEM}（牵头单位：基教科；责任单位：发规科）"


def test_items_missing_between_parts_are_a_gap_not_a_new_start() -> None:
    lines = [*NOTICE[:14], *NOTICE[15:]]  # 3. is gone: 二、 starts at 4.
    findings = Findings("report.txt", lines)
    check_outline(build_outline(lines, findings), lines, findings)
    assert [(w.loc.line, w.message) for w in findings.warnings if "numbering" in w.message] == [
        (15, "numbering skips 3.: 2. (line 13) is followed by 4.")
    ]


def test_a_part_of_one_item_whose_numbering_goes_on_is_not_a_list_of_one() -> None:
    lines = ["某某县2024年工作要点", "一、甲", "1.第一项。", "二、乙", "2.第二项。", "3.第三项。"]
    findings = Findings("report.txt", lines)
    check_outline(build_outline(lines, findings), lines, findings)
    assert findings.warnings == []


def test_a_responsibility_note_is_never_where_a_heading_ends() -> None:
    assert split_lead("1.做好党建工作（牵头单位：市教育局；责任单位：各区县）") == (
        "1.做好党建工作（牵头单位：市教育局；责任单位：各区县）",
        "",
    )
    assert split_lead("2.推进普惠发展。新增学位。（责任单位：市教育局）") == (
        "2.推进普惠发展。",
        "新增学位。（责任单位：市教育局）",
    )


note = st.sampled_from(["责任单位", "责任科室", "牵头单位", "配合单位"])
words = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4F00), min_size=1, max_size=12)


@given(words, note, words, st.sampled_from(["（", "("]), st.sampled_from(["：", ":"]))
def test_a_heading_holds_a_note_whole_or_not_at_all(
    lead: str, label: str, unit: str, bracket: str, colon: str
) -> None:
    closing = "）" if bracket == "（" else ")"
    heading, rest = split_lead(f"1.{lead}{bracket}{label}{colon}{unit}{closing}")
    assert rest == ""
    assert heading.endswith(f"{label}{colon}{unit}{closing}")


@given(st.lists(st.integers(1, 4), min_size=2, max_size=6), st.data())
def test_a_run_through_parts_warns_exactly_where_items_are_missing(
    sizes: list[int], data: st.DataObject
) -> None:
    """Items 1.–N. dealt out over parts 一、二、…: no warning; with one item taken out (not the
    first), one warning, that it is skipped."""
    numbers = list(range(1, sum(sizes) + 1))
    gone = data.draw(st.sampled_from([0, *numbers[1:]]))
    lines = ["某某市2024年工作要点"]
    number = 1
    for part, size in enumerate(sizes):
        lines.append(f"{'一二三四五六'[part]}、第{part + 1}部分")
        for _ in range(size):
            if number != gone:
                lines.append(f"{number}.第{number}项工作。{ITEM}")
            number += 1
    findings = Findings("report.txt", lines)
    check_outline(build_outline(lines, findings), lines, findings)
    numbering = [w.message for w in findings.warnings if "numbering" in w.message]
    if gone and gone != numbers[-1]:  # a list's last item missing leaves no trace in any list
        assert len(numbering) == 1
        assert numbering[0].startswith(f"numbering skips {gone}.: {gone - 1}. (line ")
    else:
        assert numbering == []


def test_a_notice_without_the_documents_title_line_names_it(here: Path) -> None:
    """The text goes on from the notice straight into the document: the notice's title names
    it, and the body signing the notice publishes it."""
    lines = [
        "某某市人民政府办公厅关于印发《某某市2016年政务公开工作要点》的通知",
        "各区人民政府，市政府各委、办、局：",
        "《某某市2016年政务公开工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。",
        "某某市人民政府办公厅",
        "2016年5月28日",
        "2016年是全面建成小康社会决胜阶段的开局之年。",
        *PARTS,
    ]
    result = run_import(lines)
    assert result.exit_code == 0, result.output
    assert "read from the notice's title (line 1)" in result.stderr
    assert page("index.md").startswith(
        "# 某某市2016年政务公开工作要点\n\n某某市人民政府办公厅关于印发《某某市2016年"
    )
    meta = report_yml()
    assert (meta["organisation"], meta["year"]) == ("某某市人民政府办公厅", 2016)


def test_a_document_title_over_two_lines_under_an_attachment_line(here: Path) -> None:
    lines = [
        "某某县人民政府办公室关于印发某某县教育督导评估实施细则的通知",
        "各乡镇人民政府：",
        "现将《某某县教育督导评估实施细则》印发给你们，请认真贯彻实施。",
        "附件：某某县教育督导评估实施细则",
        "2020年9月28日",
        "附件",
        "",
        "某某县教育督导评估",
        "",
        "实施细则",
        "",
        "为推进县域义务教育优质均衡发展，特制定本实施细则。",
        *PARTS,
    ]
    result = run_import(lines)
    assert result.exit_code == 0, result.output
    assert "“某某县教育督导评估实施细则”, read from its own title line (line 8)" in result.stderr
    index = page("index.md")
    assert index.startswith("# 某某县教育督导评估实施细则\n\n某某县人民政府办公室关于印发")
    assert "\n\n附件：某某县教育督导评估实施细则\n\n2020年9月28日\n\n附件\n\n为推进" in index
    assert sorted(p.name for p in Path("out/report/zh-Hans").iterdir()) == [
        "01-zhidaosixiang.md",
        "02-gongzuo-mubiao.md",
        "index.md",
    ]
    assert report_yml()["organisation"] == "某某县人民政府办公室"  # the notice's issuer


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("关于印发《芜湖市教育局2024年工作要点》的通知", "芜湖市教育局2024年工作要点"),
        (
            "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》",
            "北京市2016年政务公开工作要点",
        ),
        (
            "长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知",
            "2023年政府工作报告重点工作责任分解",
        ),
        ("关于转发省教育厅《关于加强中小学管理的意见》的通知", "关于加强中小学管理的意见"),
        ("关于印发《甲方案》《乙办法》的通知", ""),  # two documents: not one report
        ("关于做好2024年防汛工作的通知", ""),  # a notice of its own
        ("2024年某市政府工作报告", ""),
    ],
)
def test_the_document_a_notices_title_delivers(title: str, name: str) -> None:
    assert document_name(title) == name


def test_a_notice_of_its_own_is_the_report() -> None:
    lines = [
        "关于做好2024年防汛工作的通知",
        "各乡镇：",
        "现将有关事项通知如下。",
        "一、提高认识",
        ITEM,
    ]
    outline = build_outline(lines)
    assert outline.notice is None
    assert report_title(outline, "report.txt").value == "关于做好2024年防汛工作的通知"


def test_the_pages_source_names_the_publisher_when_nothing_else_does(here: Path) -> None:
    lines = [
        "关于印发《2024年全市教育工作要点》的通知",
        "发布时间:2024-03-28 09:33信息来源: 芜湖市教育局阅读次数:编辑:倪雪梅 字体:【",
        *NOTICE[2:4],
        "",
        "2024年全市教育工作要点",
        *NOTICE[9:],
    ]
    lines[3] = lines[3].replace("某某市教育局2024年工作要点", "2024年全市教育工作要点")
    result = run_import(lines)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "report.txt:2: dropped page byline: 发布时间:2024-03-28 09:33信息来源: 芜湖市教育局"
        "阅读次数:编辑:倪雪梅 字体:【 (read into report.yml: published, organisation)\n"
    )
    meta = report_yml()
    assert (meta["organisation"], meta["published"]) == ("芜湖市教育局", datetime.date(2024, 3, 28))


@pytest.mark.parametrize("source", ["浙江日报", "新华网", "市教育局"])
def test_a_newspaper_or_a_nameless_bureau_as_source_is_no_publisher(
    here: Path, source: str
) -> None:
    lines = ["2024年全市教育工作要点", f"发布时间：2024-03-28 来源：{source}", "一、甲", ITEM]
    result = run_import(lines)
    assert result.exit_code == 1
    assert "cannot tell which organisation published the report" in result.output


@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)))
def test_a_daterun_together_reads_back_or_not_at_all(date: datetime.date) -> None:
    """`2024327` is 27 March; `2024111` could be 1 November or 11 January: no date is better
    than a wrong one."""
    got = run_together(f"{date.year}{date.month}{date.day}")
    assert got in (date.isoformat(), "")
    if (date.month >= 10 and date.day >= 10) or (2 <= date.month < 10 and date.day > 12):
        assert got == date.isoformat()
