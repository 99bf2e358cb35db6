"""Hand-made fragments of each kind of real report the importer meets (the issue's list): the
tree a reader would draw, furniture dropped, nothing refused that can be read, and what the
editor is told, asserted exactly. Whole excerpts of real pages are golden files
(tests/data/import, test_import_golden.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.errors import ReportSiteError
from generator.importer.document import Found, Outline
from generator.importer.findings import Findings
from generator.importer.outline import build_outline
from generator.importer.verify import check_nothing_lost
from tests.conftest import HANGZHOU

BODY = "这一部分的正文很长，" * 6 + "写满了一段。"


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_import(text: str, *options: str) -> Result:
    Path("report.txt").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["import", "report.txt", "--out", "out", *options])


def tree(outline: Outline) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in outline.headings]


def test_unnumbered_title_lines_are_the_parts_and_hold_the_numbered_headings(here: Path) -> None:
    """The issue's case: parts that are short lines without numbering or end punctuation,
    run-in points 一是…八是 inside the first, （一）…（八） inside the third."""
    lines = ["2026年某省政府工作报告", "各位代表：", "现在，我代表省人民政府向大会报告工作。"]
    lines += ["“十四五”时期工作回顾", BODY]
    lines += [f"{n}是第{n}件事做成了。{BODY}" for n in "一二三四五六七八"]
    lines += ["“十五五”时期主要目标任务", BODY, "2026年重点工作", BODY]
    lines += [f"（{n}）第{n}项重点工作。" for n in "一二三四五六七八"]
    result = run_import("\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "report.txt:4:1: warning: 3 short lines without numbering or end punctuation are read "
        "as the report's top-level parts, one page each (lines 4, 14, 16)\n"
        "    “十四五”时期工作回顾\n"
        "    ^\n"
        "  hint: if one of them is not a heading, end it with 。 in the source and import again\n"
    )
    outline = build_outline(lines)
    assert [b.text for b in outline.preamble] == [
        "各位代表：",
        "现在，我代表省人民政府向大会报告工作。",
    ]
    assert tree(outline) == [
        (1, "“十四五”时期工作回顾"),
        *((2, f"{n}是第{n}件事做成了。") for n in "一二三四五六七八"),
        (1, "“十五五”时期主要目标任务"),
        (1, "2026年重点工作"),
        *((2, f"（{n}）第{n}项重点工作。") for n in "一二三四五六七八"),
    ]
    assert sorted(p.name for p in Path("out/report/zh-Hans").iterdir()) == [
        "01-shisiwu-shiqi-gongzuo-huigu.md",
        "02-shiwu-wu-shiqi-zhuyao-mubiao-renwu.md",
        "03-2026-nian-zhongdian-gongzuo.md",
        "index.md",
    ]


def test_run_in_points_never_hold_the_documents_own_headings(here: Path) -> None:
    lines = ["某市教育局2020年工作总结"]
    lines += [f"{n}是第{n}件事做成了。{BODY}" for n in "一二三"]
    lines += ["（一）第一项重点工作。", BODY, "（二）第二项重点工作。", BODY]
    assert tree(build_outline(lines)) == [
        (1, "一是第一件事做成了。"),
        (1, "二是第二件事做成了。"),
        (1, "三是第三件事做成了。"),
        (1, "（一）第一项重点工作。"),
        (1, "（二）第二项重点工作。"),
    ]
    result = run_import("\n".join(lines) + "\n")
    assert result.stderr == (
        "report.txt:2:1: warning: 3 run-in points (一是…三是) have no heading above them: each "
        "is imported as a top-level section, a page of its own\n"
        f"    一是第一件事做成了。{BODY[:26]}…\n"
        "    ^\n"
        "  hint: if they belong under a heading, put that heading on a line of its own before "
        "line 2 (numbered, or without end punctuation)\n"
    )


def test_the_only_top_level_section_is_said_to_make_one_page(here: Path) -> None:
    result = run_import(
        "某市教育局2020年工作总结\n一、总则\n（一）甲。\n正文。\n（二）乙。\n正文。\n"
    )
    assert result.stderr == (
        "report.txt:2:1: warning: “一、总则” is the report's only top-level section: the whole "
        "report is imported as one page, its 2 sub-headings included\n"
        "    一、总则\n"
        "    ^\n"
        "  hint: if the sub-headings are the report's sections, give them the numbering of a "
        "top-level heading (一、二、三、…), or put the report's other top-level headings back\n"
    )


def test_short_title_lines_under_a_numbered_heading_are_its_sub_headings(here: Path) -> None:
    lines = ["某市教育局2020年工作总结", "一、总则", "教育优先发展", BODY, "教师队伍建设", BODY]
    lines += ["二、分则", BODY]
    assert tree(build_outline(lines)) == [
        (1, "一、总则"),
        (2, "教育优先发展"),
        (2, "教师队伍建设"),
        (1, "二、分则"),
    ]
    assert run_import("\n".join(lines) + "\n").stderr == (
        "report.txt:3:1: warning: 2 short lines without numbering or end punctuation are read as "
        "sub-headings of “一、总则” (line 2; lines 3, 5)\n"
        "    教育优先发展\n"
        "    ^\n"
        "  hint: if one of them is not a heading, end it with 。 in the source and import again\n"
    )


def test_captions_and_lines_over_tables_are_not_headings() -> None:
    lines = ["某市统计局2020年统计公报", "一、综合", "表1 主要指标", "指标\t数值", "产值\t100",
             "图1 产值增长", BODY, "二、农业", BODY]  # fmt: skip
    assert tree(build_outline(lines)) == [(1, "一、综合"), (1, "二、农业")]


def test_portal_furniture_is_dropped_with_its_reason(here: Path) -> None:
    lines = [
        "【字体：大 中 小】",
        "分享：",
        "某市2023年政府工作报告",
        "时间：2023-02-10 来源：市政府办公室 浏览次数：1532",
        "网址：https://www.example.gov.cn/art/2023/2/10/art_1.html",
        "——2023年1月10日在某市第十六届人民代表大会第二次会议上",
        "市长 王某某",
        "各位代表：",
        "一、2022年工作回顾",
        BODY,
        "二、2023年工作安排",
        BODY,
        "责任编辑：",
        "张三",
        "扫一扫在手机打开当前页",
        "相关附件>>",
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9:",
        "相关链接>>",
        "某市人民政府门户网站",
        "打印本页",
        "关闭窗口",
        "某市2023年政府工作报告",
    ]
    result = run_import("\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    meta = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert {k: meta[k] for k in ("organisation", "year", "subtitle", "speaker", "published")} == {
        "organisation": "某市人民政府",
        "year": 2023,
        "subtitle": "——2023年1月10日在某市第十六届人民代表大会第二次会议上",
        "speaker": "市长 王某某",
        "published": __import__("datetime").date(2023, 2, 10),
    }
    assert meta["source"]["url"] == "https://www.example.gov.cn/art/2023/2/10/art_1.html"
    assert [(d["line"], d["reason"], d.get("field")) for d in meta["dropped"]] == [
        (1, "page menu", None),
        (2, "page menu", None),
        (4, "page byline", "published"),
        (5, "page address", "url"),
        (6, "title block", "subtitle"),
        (7, "title block", "speaker"),
        (13, "page byline", None),
        (14, "page byline", None),
        (15, "page menu", None),
        (16, "related links", None),
        (17, "page id", None),
        (18, "related links", None),
        (19, "related links", None),
        (20, "page menu", None),
        (21, "page menu", None),
        (22, "title repeated", None),
    ]
    index = Path("out/report/zh-Hans/index.md").read_text(encoding="utf-8")
    assert index == "# 某市2023年政府工作报告\n\n各位代表：\n"


@pytest.mark.parametrize(
    "record",
    [
        ["索引号：113301/2021-00123", "发布机构：杭州市教育局", "发布日期：2021-01-15"],
        ["索引号", "113301/2021-00123", "发布机构", "杭州市教育局", "发布日期", "2021-01-15"],
        ["索引号\t113301/2021-00123\t发布机构\t杭州市教育局", "发布日期\t2021-01-15"],
        [
            "| 索引号 | 113301/2021-00123 | 发布机构 | 杭州市教育局 |",
            "| 发布日期 | 2021-01-15 | | |",
        ],
    ],
    ids=["label-value", "label-over-value", "tab-rows", "bar-rows"],
)
def test_a_disclosure_record_is_read_into_report_yml(record: list[str]) -> None:
    lines = [*record, "2020年工作总结", "一、总则", BODY, "二、分则", BODY]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.title is not None and outline.title.text == "2020年工作总结"
    assert outline.fields["organisation"].value == "杭州市教育局"
    assert outline.fields["published"].value == "2021-01-15"
    assert sorted({r.line for r in findings.removals}) == list(range(1, len(record) + 1))


def test_a_record_title_is_the_title_of_a_text_without_one() -> None:
    lines = [
        "文件名称 | 某县2025年政府工作报告 | |",
        "各位代表：",
        "一、回顾",
        BODY,
        "二、安排",
        BODY,
    ]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.title is None
    assert outline.fields["title"] == Found("某县2025年政府工作报告", 1)


def test_bar_tables_become_tables_and_their_rule_is_listed(here: Path) -> None:
    text = (
        "某县统计局2020年统计公报\n一、综合\n| 指标 | 绝对数 | 比上年增长% |\n"
        "| --- | :---: | ---: |\n| 地区生产总值 | 617.50 | 5.2 |\n正文。\n二、农业\n正文。\n"
    )
    result = run_import(text)
    assert result.exit_code == 0, result.output
    assert result.stderr == "report.txt:4: dropped table rule: | --- | :---: | ---: |\n"
    page = Path("out/report/zh-Hans/01-zonghe.md").read_text(encoding="utf-8")
    assert page == (
        "# 一、综合\n\n| 指标 | 绝对数 | 比上年增长% |\n| --- | --- | --- |\n"
        "| 地区生产总值 | 617.50 | 5.2 |\n\n正文。\n"
    )
    meta = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert meta["dropped"] == [
        {"line": 4, "column": 1, "text": "| --- | :---: | ---: |", "reason": "table rule"}
    ]


def test_a_summary_whose_line_breaks_were_lost_gets_its_sections_back(
    here: Path, hangzhou_text: str
) -> None:
    one_line = " ".join(line.strip() for line in hangzhou_text.split("\n") if line.strip())
    result = run_import(one_line + "\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "report.txt:1:1: warning: this line of 6,275 characters seems to have lost its line "
        "breaks: it was split into 38 paragraphs and headings, 10 of them at numbered headings "
        "(一、…)"
    )
    assert len(result.stderr.splitlines()) == 4  # that warning alone
    reference = CliRunner().invoke(main, ["import", str(HANGZHOU), "--out", "reference"])
    assert reference.exit_code == 0
    for page in sorted(Path("reference/hangzhou-education-2020/zh-Hans").iterdir()):
        assert Path("out/report/zh-Hans", page.name).read_text("utf-8") == page.read_text("utf-8")


def test_a_line_of_126000_characters_is_imported(here: Path) -> None:
    sections = "".join(
        f"{n}、第{n}部分。" + "长句，" * 4200 + "完。" for n in "一二三四五六七八九十"
    )
    started = time.perf_counter()
    result = run_import("某市教育局2020年工作总结\n" + sections + "\n")
    assert time.perf_counter() - started < 60  # (a generous bound: it takes about a second)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "report.txt:2:1: warning: this line of 126,090 characters seems to have lost its line "
        "breaks: it was split into 10 paragraphs and headings, 10 of them at numbered headings "
        "(一、…)"
    )
    assert len(list(Path("out/report/zh-Hans").iterdir())) == 11


def test_a_line_of_126000_characters_without_numbering_is_one_page(here: Path) -> None:
    result = run_import("某市教育局2020年工作总结\n" + "长句，" * 42_000 + "完。\n")
    assert result.exit_code == 0, result.output
    assert "report.txt:2:1: warning: this line is 126,002 characters long" in result.stderr
    assert [p.name for p in Path("out/report/zh-Hans").iterdir()] == ["index.md"]


def test_glued_lines_are_caught_by_the_proof() -> None:
    source = "标题\n甲乙。\n丙丁。\n"
    files = {"zh-Hans/index.md": "# 标题\n\n甲乙。丙丁。\n"}
    with pytest.raises(ReportSiteError) as error:
        check_nothing_lost(source, files, "report.txt")
    assert error.value.render() == (
        "report.txt:3: import would glue line 2 to line 3 with nothing between them "
        "(“标题甲乙。丙丁。”)\n"
        "  hint: this is a bug in report-site's importer; please report it with the file"
    )
    check_nothing_lost(source, files, "report.txt", joins={(2, 3)})  # a listed join is fine
    check_nothing_lost(source, {"zh-Hans/index.md": "# 标题\n\n甲乙。 丙丁。\n"}, "report.txt")


def test_a_photo_caption_run_into_the_salutation_is_split_from_it() -> None:
    caption = "2月3日，大会开幕。主席张某作政府工作报告。 某某日报记者 王某 摄"
    outline = build_outline(["政府工作报告", caption + "各位代表：", "现在，我代表政府报告工作。"])
    assert [b.text for b in outline.preamble] == [
        caption,
        "各位代表：",
        "现在，我代表政府报告工作。",
    ]


def test_a_sites_navigation_and_footer_are_dropped() -> None:
    lines = [
        "网站首页 | 政务公开 | 政务服务 | 互动交流",
        "您现在的位置：首页 > 政务公开 > 规划计划",
        "某县2021年政府工作报告",
        "【发布时间：2021-02-01】【来源：县政府办】【字体：大 中 小】",
        "一、回顾",
        BODY,
        "二、安排",
        BODY,
        "【我要纠错】 责任编辑：王洋",
        "主办单位：某县人民政府办公室 网站标识码：3609220001",
        "版权所有 赣ICP备05001234号 赣公网安备 36092202000123号",
    ]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.title is not None and outline.title.number == 3
    assert outline.fields["published"] == Found("2021-02-01", 4)
    assert [(r.line, r.reason) for r in findings.removals] == [
        (1, "page menu"),
        (2, "breadcrumb"),
        (4, "page byline"),
        (9, "page byline"),
        (10, "page footer"),
        (11, "page footer"),
    ]


def test_numbered_paragraphs_of_a_regulation_stay_paragraphs(here: Path) -> None:
    clause = "根据有关法律法规和上级规定，结合本县实际情况，" * 3 + "制定本规则，请遵照执行。"
    lines = [
        "某县人民政府工作规则",
        "第一章  总  则",
        f"一、{clause}",
        f"二、{clause}",
        "三、县政府工作的准则是务实清廉。",
    ]
    lines += ["第二章  组成人员职责", f"一、{clause}"]
    assert tree(build_outline(lines)) == [(1, "第一章  总则"), (1, "第二章  组成人员职责")]
    result = run_import("\n".join(lines) + "\n", "--organisation", "某县人民政府", "--year", "2019")
    assert result.stderr.split("\n")[8:12] == [
        "report.txt:5:1: warning: 三、 goes on from the numbered paragraphs that start at line 3; "
        "it is kept as a paragraph like them",
        "    三、县政府工作的准则是务实清廉。",
        "    ^",
        "  hint: if it opens a section, put its heading on a line of its own",
    ]
    assert sorted(p.name for p in Path("out/report/zh-Hans").iterdir()) == [
        "01-zongze.md",
        "02-zucheng-renyuan-zhize.md",
        "index.md",
    ]


@pytest.mark.parametrize("date", ["(2018年4月16日)", "（2018年4月16日）", "2018年4月16日"])
def test_a_communiques_issuer_and_date_under_its_title_go_to_report_yml(date: str) -> None:
    lines = ["2017年通辽市国民经济和社会发展统计公报", "通辽市统计局", date, BODY, "一、综合", BODY]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.fields == {
        "organisation": Found("通辽市统计局", 2),
        "published": Found("2018-04-16", 3),
    }
    assert [(r.line, r.field) for r in findings.removals] == [(2, "organisation"), (3, "published")]
    assert [b.text for b in outline.preamble] == [BODY]


def test_subtitle_and_speaker_read_into_report_yml_show_under_the_title(tmp_path: Path) -> None:
    from generator.importer.run import import_report
    from tests.conftest import SHARED_REPORTS, copy_project
    from tests.golden import rendered

    project = copy_project(tmp_path)
    import_report(SHARED_REPORTS / "qinghai-gov-2026.txt", project.content, echo=lambda _: None)
    files = rendered(project)
    for page in ("index.md", "full.md"):
        text = files[f"zh-Hans/docs/qinghai-gov-2026/{page}"].decode("utf-8")
        assert (
            "# 政府工作报告 { #title }\n\n"
            "――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n{ .rs-subtitle }\n\n"
            "省长 罗东川\n{ .rs-speaker }\n\n"
            "发布单位：青海省人民政府 · 年份：2026 · 发布日期：2026年1月31日"
        ) in text


def test_letter_spaced_headings_are_closed_up(here: Path) -> None:
    """Statistical communiqués and yearbooks space short headings to the width of long ones
    (`一、综　　合`): the page, its contents and search read the words, closed up; nothing else
    in the line is touched."""
    lines = ["2024年临川市国民经济和社会发展统计公报", "临川市统计局", BODY]
    lines += ["一、综　　合", BODY, "二、农 业", BODY, "三、工业和建筑业", BODY]
    lines += ["四、2024年 工作 总结", BODY]
    outline = build_outline(lines)
    assert tree(outline) == [
        (1, "一、综合"),
        (1, "二、农业"),
        (1, "三、工业和建筑业"),
        (1, "四、2024年 工作 总结"),
    ]
    result = run_import("\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert (
        Path("out/report/zh-Hans/01-zonghe.md")
        .read_text(encoding="utf-8")
        .startswith("# 一、综合\n")
    )


def test_the_issuers_under_the_title_are_the_publisher_with_or_without_a_date(here: Path) -> None:
    """A communiqué names its issuers under its title, one a line, usually over the date:
    every one of them is the publisher."""
    title = "2011年珠海市国民经济和社会发展统计公报"
    joint = [title, "珠海市统计局", "国家统计局珠海调查队", "2012年3月19日", BODY, "一、综合", BODY]
    result = run_import("\n".join(joint) + "\n")
    assert result.exit_code == 0, result.output
    report = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert report["organisation"] == "珠海市统计局、国家统计局珠海调查队"
    assert str(report["published"]) == "2012-03-19"
    undated = [title, "珠海市统计局", BODY, "一、综合", BODY]
    result = run_import("\n".join(undated) + "\n", "--out", "out2")
    assert result.exit_code == 0, result.output
    report = yaml.safe_load(Path("out2/report/report.yml").read_text(encoding="utf-8"))
    assert report["organisation"] == "珠海市统计局"
