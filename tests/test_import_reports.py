"""The importer on every real report in shared/reports/: the section tree a reader of each
document would draw, not a character of the report lost, page chrome dropped only where it is
listed, the report.yml fields read from the page, and every imported report loading with the
site's own loader.

The oracles are independent of the importer: section titles written out by hand from the
documents, and the source text itself (minus the lines and pieces report.yml lists as dropped),
compared with what the loader's Markdown parser reads back. The files themselves, the Hangzhou
report's byte for byte as committed in content/, are golden files (test_import_golden.py).
"""

from __future__ import annotations

import datetime
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.content import load_site
from generator.importer.run import import_report
from generator.importer.verify import reader_text as page_text
from generator.markdown_text import plain_text
from generator.model import BlockKind, Report
from tests.conftest import ROOT, SHARED_REPORTS, without_dropped

REPORTS = (
    "hangzhou-education-2020",
    "guangdong-gov-2026",
    "hainan-gov-2026",
    "zhejiang-gov-2026",
    "ningxia-gov-2026",
    "qinghai-gov-2026",
    "shaanxi-gov-2026",
    "wanzai-stats-2015",
)

# The top-level sections of each report (one page each), as the documents title them.
TOP_LEVEL = {
    "hangzhou-education-2020": [
        "一、加强党的领导，把牢教育发展方向",
        "二、打好防疫硬仗，筑牢校园安全防线",
        "三、谱写育人新篇，促进学生“美好成长”",
        "四、狠抓基础保障，资源供给持续增长",
        "五、坚持共建共享，全域推进优质均衡",
        "六、锐意改革创新，热点难点持续攻关",
        "七、全面落实新政，建设高素质教师队伍",
        "八、注重服务大局，加快培育发展新动能",
        "九、强化数字赋能，提升教育现代化治理能力",
        "十、办好关键小事，切实增进教育民生福祉",
    ],
    "guangdong-gov-2026": [
        "一、2025年和“十四五”时期工作回顾",
        "二、“十五五”时期的主要目标和重点任务",
        "三、2026年工作安排",
        "附件1 2026年省十件民生实事",
        "附件2 名词解释",
    ],
    "hainan-gov-2026": [
        "一、2025年和“十四五”时期工作回顾",
        "二、“十五五”时期主要目标任务",
        "三、2026年主要工作",
        "四、加强政府自身建设",
        "注释",
    ],
    "zhejiang-gov-2026": [
        "一、2025年主要工作和“十四五”发展成就",
        "二、“十五五”时期的主要目标任务",
        "三、2026年重点工作",
    ],
    "ningxia-gov-2026": [
        "一、2025年工作总结和“十四五”发展成就",
        "二、“十五五”时期主要任务",
        "三、2026年重点工作",
    ],
    "qinghai-gov-2026": [
        "一、2025年和“十四五”时期工作回顾",
        "二、“十五五”主要目标任务",
        "三、2026年重点工作任务",
    ],
    "shaanxi-gov-2026": [
        "一、2025年工作回顾",
        "二、“十五五”时期主要目标和重大举措",
        "三、2026年重点工作",
    ],
    "wanzai-stats-2015": [
        "一、综合",
        "二、农业",
        "三、工业与建筑业",
        "四、固定资产投资",
        "五、国内贸易和服务业",
        "六、交通、邮电和旅游业",
        "七、对外经济",
        "八、金融和保险业",
        "九、科学技术和教育",
        "十、文化、卫生和体育事业",
        "十一、环境保护",
        "十二、人口与人民生活",
    ],
}

# Headings below the page titles, by Markdown level (## = 2, ### = 3).
SUBHEADINGS = {
    "hangzhou-education-2020": {2: 22},
    "guangdong-gov-2026": {2: 42},  # 6 一是… + 7 这是… + 5 一是… + 14 （一）… + 10 一、… of 附件1
    "hainan-gov-2026": {2: 36, 3: 61},
    "zhejiang-gov-2026": {2: 26, 3: 10},  # 10 + 6 + 10 （一）…; the ten 1.… of 为民办实事
    # 5 + 10 一是…; 6 （一）… with 5 + 3 + 3 + 3 + 3 + 8 一是… under them
    "ningxia-gov-2026": {2: 21, 3: 25},
    # 7 lead sentences + 6 这是…的五年; 6 （一）…; 6 （一）… with 26 lead sentences under them
    "qinghai-gov-2026": {2: 25, 3: 26},
    "shaanxi-gov-2026": {2: 18},  # 6 （一）… + 3 一是… + 9 （一）…
    "wanzai-stats-2015": {},
}

TITLES = {
    "hangzhou-education-2020": "杭州市教育局2020年工作总结",
    "guangdong-gov-2026": "政府工作报告",
    "hainan-gov-2026": "政府工作报告",
    "zhejiang-gov-2026": "2026年浙江省政府工作报告",
    "ningxia-gov-2026": "2026年宁夏回族自治区政府工作报告",
    "qinghai-gov-2026": "政府工作报告",
    "shaanxi-gov-2026": "陕西省2026年政府工作报告",
    "wanzai-stats-2015": "万载县2015年国民经济和社会发展统计公报",
}

ORGANISATIONS = {
    "hangzhou-education-2020": ("杭州市教育局", 2020),
    "guangdong-gov-2026": ("广东省人民政府", 2026),
    "hainan-gov-2026": ("海南省人民政府", 2026),
    "zhejiang-gov-2026": ("浙江省人民政府", 2026),
    "ningxia-gov-2026": ("宁夏回族自治区人民政府", 2026),
    "qinghai-gov-2026": ("青海省人民政府", 2026),
    "shaanxi-gov-2026": ("陕西省人民政府", 2026),
    "wanzai-stats-2015": ("万载县统计局", 2015),
}

# What report.yml reads from the page around the text, besides organisation and year.
FIELDS = {
    "hangzhou-education-2020": {},
    "guangdong-gov-2026": {
        "subtitle": "——2026年1月26日在广东省第十四届人民代表大会第五次会议上",
        "speaker": "广东省省长 孟凡利",
    },
    "hainan-gov-2026": {
        "subtitle": "——2026年1月27日在海南省第七届人民代表大会第五次会议上",
        "speaker": "海南省省长 刘小明",
    },
    "zhejiang-gov-2026": {
        "subtitle": "2026年1月14日在浙江省第十四届人民代表大会第四次会议上",
        "speaker": "浙江省省长 刘捷",
        "published": datetime.date(2026, 1, 22),
    },
    "ningxia-gov-2026": {
        "subtitle": "——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上",
        "speaker": "自治区人民政府主席 张雨浦",
        "published": datetime.date(2026, 2, 9),
    },
    "qinghai-gov-2026": {
        "subtitle": "――2026年1月27日在青海省第十四届人民代表大会第四次会议上",
        "speaker": "省长 罗东川",
        "published": datetime.date(2026, 1, 31),
    },
    "shaanxi-gov-2026": {
        "subtitle": "2026年1月27日在陕西省第十四届人民代表大会第四次会议上",
        "speaker": "陕西省省长 赵刚",
        "published": datetime.date(2026, 2, 2),
    },
    "wanzai-stats-2015": {},
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    """All eight reports imported into one content folder (with the project's site.yml), and
    what each import printed."""
    root = tmp_path_factory.mktemp("imported") / "content"
    root.mkdir()
    shutil.copy(ROOT / "content" / "site.yml", root / "site.yml")
    printed: dict[str, list[str]] = {}
    for name in REPORTS:
        printed[name] = []
        import_report(SHARED_REPORTS / f"{name}.txt", root, echo=printed[name].append)
    return root, printed


def headings(folder: Path) -> list[tuple[int, str]]:
    """(level, text) of every heading, in reading order (index first, then the sections)."""
    pages = sorted((folder / "zh-Hans").glob("*.md"), key=lambda p: (p.stem != "index", p.stem))
    out = []
    for page in pages:
        for marks, text in re.findall(r"(?m)^(#+) (.*)$", page.read_text(encoding="utf-8")):
            out.append((len(marks), plain_text(text)))
    return out


def reader_text(folder: Path) -> str:
    """What the loader's parser reads of every page (headings, paragraphs, cells), no spaces."""
    pages = sorted((folder / "zh-Hans").glob("*.md"), key=lambda p: (p.stem != "index", p.stem))
    text = "".join(page_text(page.read_text(encoding="utf-8")) for page in pages)
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", REPORTS)
def test_top_level_sections_are_the_documents_own(
    content: tuple[Path, dict[str, list[str]]], name: str
) -> None:
    found = headings(content[0] / name)
    assert found[0] == (1, TITLES[name])
    assert [text for level, text in found[1:] if level == 1] == TOP_LEVEL[name]


@pytest.mark.parametrize("name", REPORTS)
def test_subheadings_by_level(content: tuple[Path, dict[str, list[str]]], name: str) -> None:
    levels = Counter(level for level, _ in headings(content[0] / name) if level > 1)
    assert dict(levels) == SUBHEADINGS[name]


@pytest.mark.parametrize("name", REPORTS)
def test_every_character_of_the_report_is_kept_in_order(
    content: tuple[Path, dict[str, list[str]]], name: str
) -> None:
    folder = content[0] / name
    source = (SHARED_REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((folder / "report.yml").read_text(encoding="utf-8"))
    kept = without_dropped(source, meta.get("dropped", []))
    assert reader_text(folder) == re.sub(r"\s", "", kept)


@pytest.mark.parametrize("name", REPORTS)
def test_report_yml_fields_read_from_the_page(
    content: tuple[Path, dict[str, list[str]]], name: str
) -> None:
    meta = yaml.safe_load((content[0] / name / "report.yml").read_text(encoding="utf-8"))
    assert (meta["organisation"], meta["year"]) == ORGANISATIONS[name]
    read = {k: meta[k] for k in ("subtitle", "speaker", "published") if k in meta}
    assert read == FIELDS[name]


def test_each_import_loads_with_the_site_loader(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    site = load_site(content[0])
    reports = {r.slug: r for r in site.reports}
    assert sorted(reports) == sorted(REPORTS)
    for name, report in reports.items():
        assert (report.organisation.text, report.year) == ORGANISATIONS[name]
        assert report.title.text == TITLES[name]
        assert [p.title.text for p in report.sections] == TOP_LEVEL[name]


@pytest.mark.parametrize("name", ["hangzhou-education-2020", "wanzai-stats-2015"])
def test_no_warnings_and_nothing_dropped(
    content: tuple[Path, dict[str, list[str]]], name: str
) -> None:
    assert content[1][name] == []
    assert "dropped" not in (content[0] / name / "report.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["guangdong-gov-2026", "hainan-gov-2026"])
def test_only_the_title_block_leaves_the_text(
    content: tuple[Path, dict[str, list[str]]], name: str
) -> None:
    meta = yaml.safe_load((content[0] / name / "report.yml").read_text(encoding="utf-8"))
    assert {(d["reason"], d["field"]) for d in meta["dropped"]} == {
        ("title block", "subtitle"),
        ("title block", "speaker"),
    }
    assert not [m for m in content[1][name] if "warning" in m]


def test_zhejiang_page_chrome_is_dropped_listed_and_printed(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    meta = yaml.safe_load(
        (content[0] / "zhejiang-gov-2026" / "report.yml").read_text(encoding="utf-8")
    )
    menu = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]
    assert meta["dropped"] == [
        *({"line": i, "text": t, "reason": "page menu"} for i, t in enumerate(menu, 1)),
        {
            "line": 11,
            "text": "2026年1月14日在浙江省第十四届人民代表大会第四次会议上",
            "reason": "title block",
            "field": "subtitle",
        },
        {"line": 12, "text": "来源：浙江日报", "reason": "page byline"},
        {"line": 13, "text": "时间：2026-01-22", "reason": "page byline", "field": "published"},
        {"line": 14, "text": "浙江省省长 刘捷", "reason": "title block", "field": "speaker"},
        {"line": 118, "text": "相关报道：", "reason": "related links"},
    ]
    printed = content[1]["zhejiang-gov-2026"]
    path = (SHARED_REPORTS / "zhejiang-gov-2026.txt").as_posix()
    assert printed[0] == f"{path}:1: dropped page menu: 下载"
    assert printed[-1] == f"{path}:118: dropped related links: 相关报道："
    assert len(printed) == 14


def test_portal_furniture_of_three_layouts_is_dropped(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    """Breadcrumbs, bylines with their value on the next line, read counts, font menus over five
    lines, the title and subtitle repeated, share buttons, QR codes, print and close buttons,
    a repeated source and the page editor: none of it is report text."""
    dropped = {}
    for name in ("ningxia-gov-2026", "qinghai-gov-2026", "shaanxi-gov-2026"):
        meta = yaml.safe_load((content[0] / name / "report.yml").read_text(encoding="utf-8"))
        dropped[name] = [(d["line"], d["reason"]) for d in meta["dropped"]]
    assert dropped["ningxia-gov-2026"] == [
        *((n, "breadcrumb") for n in range(1, 7)),
        *((n, "page byline") for n in range(8, 13)),
        *((n, "page menu") for n in range(13, 18)),
        (18, "title repeated"),
        (19, "title block"),
        (20, "title block"),
        *((n, "page menu") for n in range(114, 121)),
    ]
    assert dropped["qinghai-gov-2026"] == [
        (2, "title block"),
        (3, "title block"),
        (4, "page byline"),
        (5, "page byline"),
        (121, "page byline"),
        (122, "page byline"),
    ]
    assert dropped["shaanxi-gov-2026"] == [
        (1, "page menu"),
        (3, "title block"),  # subtitle and speaker on one line: two pieces
        (3, "title block"),
        *((n, "breadcrumb") for n in range(4, 11)),
        (11, "title repeated"),
        (12, "title repeated"),
        (12, "title repeated"),
        *((n, "page byline") for n in range(13, 17)),
        (17, "page menu"),
        (84, "page menu"),
    ]


def test_a_photo_caption_stays_a_paragraph_of_its_own(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    index = (content[0] / "ningxia-gov-2026" / "zh-Hans" / "index.md").read_text("utf-8")
    assert index.startswith(
        "# 2026年宁夏回族自治区政府工作报告\n\n"
        "2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。自治区人民政府主席张雨浦"
        "作政府工作报告。 宁夏日报记者 王鼎 摄\n\n"
        "各位代表：\n\n"
    )
    shaanxi = (content[0] / "shaanxi-gov-2026" / "zh-Hans" / "index.md").read_text("utf-8")
    assert shaanxi.startswith(
        "# 陕西省2026年政府工作报告\n\n省长赵刚作政府工作报告\n\n各位代表：\n\n"
    )


def test_zhejiang_headings_run_into_their_paragraph_are_split(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    page = (content[0] / "zhejiang-gov-2026" / "zh-Hans").glob("01-*.md")
    text = next(page).read_text(encoding="utf-8")
    assert "\n## （一）强化创新驱动发展，创新浙江建设成效明显。\n\n提升科技创新质效。" in text


def test_title_block_over_several_lines_goes_to_report_yml(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    folder = content[0] / "guangdong-gov-2026"
    index = (folder / "zh-Hans" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# 政府工作报告\n\n各位代表：\n\n")
    meta = yaml.safe_load((folder / "report.yml").read_text(encoding="utf-8"))
    assert meta["subtitle"] == "——2026年1月26日在广东省第十四届人民代表大会第五次会议上"
    assert [d["line"] for d in meta["dropped"] if d.get("field") == "subtitle"] == [2, 3]


def test_sentences_broken_over_lines_are_joined(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    pages = (content[0] / "guangdong-gov-2026" / "zh-Hans").glob("*.md")
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "\n2.5\n" not in text
    assert "，PM2.5年平均浓度保持在20微克/立方米左右" in text
    assert "以PM2.5浓度持续下降为主线" in text
    assert "\n“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右" in text
    assert "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%" in text


def test_appendix_numbering_is_its_own_list(content: tuple[Path, dict[str, list[str]]]) -> None:
    found = headings(content[0] / "guangdong-gov-2026")
    appendix = found.index((1, "附件1 2026年省十件民生实事"))
    items = found[appendix + 1 : appendix + 11]
    assert [level for level, _ in items] == [2] * 10
    assert items[0][1].startswith("一、提高低保")
    assert items[9][1].startswith("十、深入推进“四好农村路”")


def _section(report: Report, title: str) -> list[str]:
    (page,) = [p for p in report.sections if p.title.text == title]
    return [s.text for b in page.blocks if b.kind is BlockKind.PARAGRAPH for s in b.segments]


def test_glossary_and_notes_keep_the_definition_with_the_term(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    reports = {r.slug: r for r in load_site(content[0]).reports}
    glossary = _section(reports["guangdong-gov-2026"], "附件2 名词解释")
    assert len(glossary) == 13
    assert glossary[2] == "3.“四好农村路”：指建好、管好、护好、运营好农村公路。"
    notes = _section(reports["hainan-gov-2026"], "注释")
    assert len(notes) == 28
    assert (
        notes[0] == "［1］一降三减：全年火灾起数总体下降，火灾亡人数、伤人数减少，财产损失数减少。"
    )
    assert notes[4] == "［5］ESI：Essential Science Indicators，基本科学指标数据库。"


def test_unnumbered_headings_take_the_level_the_document_gives_them(
    content: tuple[Path, dict[str, list[str]]],
) -> None:
    found = headings(content[0] / "hainan-gov-2026")
    assert (2, "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。") in found
    five_years = found.index(
        (2, "五年来，我们坚定不移贯彻新发展理念，在推动高质量发展中实现综合实力新跨越。")
    )
    assert found[five_years + 1 : five_years + 4] == [
        (3, "经济实力显著提升。"),  # run into the line of the heading above it
        (3, "产业结构持续优化。"),
        (3, "产业集群快速壮大。"),
    ]
    assert (2, "聚焦对外开放，高标准建设海南自由贸易港。") in found
    part_four = found.index((1, "四、加强政府自身建设"))
    assert found[part_four + 1 : part_four + 5] == [
        (2, "旗帜鲜明讲政治。"),
        (2, "依法行政强法治。"),
        (2, "履职尽责抓落实。"),
        (2, "担当作为强作风。"),
    ]
    guangdong = headings(content[0] / "guangdong-gov-2026")
    assert (2, "这是经济实力持续提升的五年。") in guangdong


def test_tab_table_becomes_a_table(content: tuple[Path, dict[str, list[str]]]) -> None:
    reports = {r.slug: r for r in load_site(content[0]).reports}
    (page,) = [
        p for p in reports["wanzai-stats-2015"].sections if p.title.text == "三、工业与建筑业"
    ]
    (table,) = [b for b in page.blocks if b.kind is BlockKind.TABLE]
    assert table.columns == 4
    rows = [[s.text for s in row] for row in table.rows()]
    assert rows[0] == ["产品名称", "计量单位", "产量", "较上年±%"]
    assert rows[-1] == ["烟花鞭炮", "万箱", "1575", "6.42"]
    assert len(rows) == 8


def test_the_import_command_prints_what_it_dropped(tmp_path: Path) -> None:
    source = SHARED_REPORTS / "zhejiang-gov-2026.txt"
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 0
    shown = source.as_posix()
    assert result.stderr.splitlines() == [
        *(
            f"{shown}:{i}: dropped page menu: {text}"
            for i, text in enumerate(
                ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"], 1
            )
        ),
        f"{shown}:11: dropped title block: 2026年1月14日在浙江省第十四届人民代表大会第四次会议上"
        " (read into report.yml: subtitle)",
        f"{shown}:12: dropped page byline: 来源：浙江日报",
        f"{shown}:13: dropped page byline: 时间：2026-01-22 (read into report.yml: published)",
        f"{shown}:14: dropped title block: 浙江省省长 刘捷 (read into report.yml: speaker)",
        f"{shown}:118: dropped related links: 相关报道：",
    ]
    assert result.stdout == (
        f"imported {shown} → {tmp_path.as_posix()}/zhejiang-gov-2026/ (4 pages)\n"
    )


def test_dry_run_prints_the_outline_and_writes_nothing(tmp_path: Path) -> None:
    source = SHARED_REPORTS / "qinghai-gov-2026.txt"
    result = CliRunner().invoke(
        main, ["import", str(source), "--out", str(tmp_path / "content"), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "content").exists()
    lines = result.stdout.splitlines()
    assert lines[:10] == [
        f"{source.as_posix()} → {(tmp_path / 'content').as_posix()}/qinghai-gov-2026/ "
        "(dry run: nothing written)",
        "title: 政府工作报告  (line 1)",
        "report.yml:",
        "  organisation: 青海省人民政府  (line 2)",
        "  year: 2026  (line 2)",
        "  subtitle: ――2026年1月27日在青海省第十四届人民代表大会第四次会议上  (line 2)",
        "  speaker: 省长 罗东川  (line 3)",
        "  published: 2026-01-31  (line 4)",
        "pages:",
        "  zh-Hans/index.md  · 2 paragraphs",
    ]
    assert "    # 一、2025年和“十四五”时期工作回顾  (line 8) · 1 paragraph" in lines
    assert "      ## 生态底色更加亮丽。  (line 10) · 1 paragraph" in lines
    assert lines[-2:] == [
        "  line 121: （来源：青海日报）  (page byline)",
        "  line 122: 编辑：何继红  (page byline)",
    ]
