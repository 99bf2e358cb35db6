"""Property tests of the importer's readers: characters, lost line breaks, page furniture, dates,
`|` tables, and the publisher and year read from a title. Whatever the input, nothing is lost
and nothing of the report is taken for furniture."""

from __future__ import annotations

import datetime
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.errors import ReportSiteError
from generator.importer.chars import REMOVED_KINDS, character_kind, check_characters
from generator.importer.chrome import LABELS, iso_date, unit_at
from generator.importer.document import Found, Line
from generator.importer.findings import Findings
from generator.importer.linebreaks import recover_breaks, split_points
from generator.importer.meta import read_metadata
from generator.importer.numbering import label
from generator.importer.outline import build_outline
from generator.importer.tables import read_table, table_markdown
from generator.importer.verify import reader_blocks, without_removals

# CJK characters with no numeral among them (一二三… would make numbering by accident).
cjk = st.characters(min_codepoint=0x4F00, max_codepoint=0x4FFF)
words = st.text(cjk, min_size=2, max_size=12)
punctuation = st.sampled_from("，、“”（）《》")
sentence = st.builds(
    lambda parts: "".join(parts) + "。",
    st.lists(st.one_of(words, punctuation), min_size=2, max_size=8),
).filter(lambda s: len(s) >= 6)

invisible = st.sampled_from("\a\b\x1b\x7f\f\u202a\u202e\u2066\u2069\u200b\ufeff\u00ad\u2028\u2029")


@given(st.lists(st.one_of(st.text(max_size=8), invisible), max_size=40).map("".join))
def test_removed_characters_are_exactly_the_listed_ones(text: str) -> None:
    text = text.replace("\r", "")  # decoding made every line end a LF
    findings = Findings("report.txt")
    try:
        cleaned = check_characters(text, findings)
    except ReportSiteError:  # mostly control characters: not a text file
        return
    assert not [ch for ch in cleaned if character_kind(ch) in REMOVED_KINDS]
    assert without_removals(text, findings.removals, "report.txt") == cleaned
    assert len(findings.removals) == len(text) - len(cleaned)


# Pieces of a line that lost its breaks: headings of every scheme, sentences, spaces, numbers in
# running text, a title and a date.
piece = st.one_of(
    sentence,
    words,
    st.sampled_from(["一、", "二、", "三、", "（一）", "（二）", "(1)", "(2)", "1.", "2."]),
    st.sampled_from(["第一部分", " ", "　", "统一、", "2.5", "：一、", "；二、", "工作总结"]),
    st.just("2020年12月18日"),
)


@given(st.lists(piece, min_size=1, max_size=40).map("".join), st.booleans())
def test_split_lines_keep_every_character_in_place(text: str, first: bool) -> None:
    text = text.strip() or "正文。"
    line = Line(7, text, 3)
    pieces = [p for p in recover_breaks([None, line] if not first else [line]) if p is not None]
    assert re.sub(r"\s", "", "".join(p.text for p in pieces)) == re.sub(r"\s", "", text)
    for p in pieces:
        assert p.number == 7
        assert text[p.col - 3 : p.col - 3 + len(p.text)] == p.text


@given(st.lists(st.tuples(words, sentence), min_size=2, max_size=12), st.sampled_from(["", " "]))
def test_numbered_headings_run_into_one_line_are_found(
    sections: list[tuple[str, str]], space: str
) -> None:
    text = space.join(
        f"{label('cn-comma', n)}{title}。{space}{body}"
        for n, (title, body) in enumerate(sections, 1)
    )
    _, headings = split_points("某单位2020年工作总结 " + text, first_line=True)
    assert headings == [label("cn-comma", n) for n in range(1, len(sections) + 1)]


@given(sentence, st.sampled_from(["", *sorted(LABELS)]), st.sampled_from(["", "：", ":"]))
def test_a_sentence_is_never_page_furniture(text: str, name: str, colon: str) -> None:
    for line in (f"{name}{colon}{text}", f"分享：{text}", f"扫码{text}", f"当前位置：{text}"):
        assert unit_at([line], 0) is None, line
        assert unit_at([line], 0, at_end=True) is None, line


@given(
    st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)),
    st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}年{m}月{d}日", "{y}/{m}/{d} 09:45", "{y}.{m}.{d}"]),
)
def test_dates_read_back(date: datetime.date, form: str) -> None:
    assert iso_date(form.format(y=date.year, m=date.month, d=date.day)) == date.isoformat()


cell = st.text(st.one_of(cjk, st.sampled_from("0123456789.%±")), min_size=1, max_size=8)


rows_of_cells = st.integers(2, 5).flatmap(
    lambda n: st.lists(st.lists(cell, min_size=n, max_size=n), min_size=2)
)


@given(rows_of_cells)
def test_bar_tables_read_back_cell_for_cell(rows: list[list[str]]) -> None:
    lines = [Line(i, "| " + " | ".join(row) + " |") for i, row in enumerate(rows, 1)]
    table = read_table(lines)
    assert [list(row) for row in table.rows] == rows
    assert reader_blocks(f"# 表\n\n{table_markdown(table)}\n")[1:] == [c for r in rows for c in r]


region = st.builds(lambda name, kind: name + kind, st.text(cjk, min_size=2, max_size=4),
                   st.sampled_from(["省", "市", "县", "区", "自治区"]))  # fmt: skip


@settings(max_examples=50)
@given(region, st.integers(1990, 2100), st.sampled_from(["year first", "region first", "bureau"]))
def test_publisher_and_year_are_read_from_the_title(place: str, year: int, form: str) -> None:
    title, publisher = {
        "year first": (f"{year}年{place}政府工作报告", f"{place}人民政府"),
        "region first": (f"{place}{year}年政府工作报告", f"{place}人民政府"),
        "bureau": (f"{place}教育局{year}年工作总结", f"{place}教育局"),
    }[form]
    meta = read_metadata(build_outline([title, "一、总则", "正文。"]), Found(title, 1))
    assert meta.organisation == Found(publisher, 1)
    assert meta.year == Found(str(year), 1)


@settings(max_examples=50)
@given(region, st.integers(1990, 2100), st.sampled_from(["省长", "市长", "县长", "区长", "主席"]))
def test_publisher_and_year_are_read_from_the_title_block(
    place: str, year: int, office: str
) -> None:
    lines = [
        "政府工作报告",
        f"——{year}年1月20日在{place}第十四届人民代表大会第一次会议上",
        f"{office} 王某某",
        "各位代表：",
        "一、回顾",
    ]
    outline = build_outline(lines)
    meta = read_metadata(outline, Found("政府工作报告", 1))
    assert meta.organisation == Found(f"{place}人民政府", 2)
    assert meta.year == Found(str(year), 2)
    assert meta.speaker == Found(f"{office} 王某某", 3)


top_furniture = st.sampled_from(
    ["下载", "打印", "【字体：大 中 小】", "分享：", "当前位置：首页 > 要闻", "来源：某日报",
     "阅读量：", "发布时间：2026-01-01 10:00", "索引号：113301/2021-00123"]
)  # fmt: skip
end_furniture = st.sampled_from(
    ["扫一扫在手机打开当前页", "【打印本页】", "【关闭窗口】", "（来源：某日报）", "编辑：某某",
     "打印本页", "关闭窗口", "责任编辑：某某"]
)  # fmt: skip
body_line = st.one_of(
    sentence, st.builds(lambda n, t: f"{label('cn-comma', n)}{t}", st.integers(1, 9), words)
)


@given(
    st.lists(top_furniture, max_size=6),
    st.lists(body_line, max_size=8),
    sentence,
    st.lists(end_furniture, max_size=6),
)
def test_furniture_around_a_report_is_dropped_and_nothing_else(
    top: list[str], body: list[str], last: str, end: list[str]
) -> None:
    lines = [*top, "某市教育局2020年工作总结", *body, last, *end]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.title is not None and outline.title.number == len(top) + 1
    dropped = sorted(r.line for r in findings.removals)
    assert dropped == [*range(1, len(top) + 1), *range(len(lines) - len(end) + 1, len(lines) + 1)]


def _printed(paragraph: str, width: int) -> list[str]:
    """A paragraph as a PDF prints it: lines of `width` characters, the first two short."""
    first = width - 2
    rest = range(first, len(paragraph), width)
    return [paragraph[:first]] + [paragraph[k : k + width] for k in rest]


@settings(max_examples=60)
@given(
    st.lists(st.lists(sentence, min_size=3, max_size=8).map("".join), min_size=3, max_size=6),
    st.integers(22, 36),
    st.integers(5, 12),
    st.booleans(),
)
def test_a_text_broken_at_a_pages_width_reads_back_as_its_paragraphs(
    paragraphs: list[str], width: int, per_page: int, blank: bool
) -> None:
    """Paragraphs broken every `width` characters (with a page number and the running head every
    `per_page` lines, and a blank line after each line or none) read back as the paragraphs."""
    printed = [_printed(p, width) for p in paragraphs]
    # A paragraph whose last line is full cannot be told from one that goes on.
    assume(all(len(lines[-1]) < (width if len(lines) > 1 else width - 2) for lines in printed))
    # Enough different lines broken mid-paragraph to tell the width by, and no line twice (a
    # line repeated at the edges of pages is what a running head is).
    assume(len({line for lines in printed for line in lines[:-1]}) >= 6)
    every = [line for lines in printed for line in lines]
    assume(len(set(every)) == len(every))
    assume(sum(len(lines) for lines in printed) > per_page)  # a page number, a running head
    head = "某市审计局工作报告"
    lines = [head, "某市2020年工作总结"]
    for k, line in enumerate(line for lines in printed for line in lines):
        if k and k % per_page == 0:
            lines += [f"- {k // per_page} -", head]
        lines.append(line)
    if blank:
        lines = [item for line in lines for item in (line, "")]
    findings = Findings("report.txt", lines)
    outline = build_outline(lines, findings)
    assert outline.title is not None and outline.title.text == "某市2020年工作总结"
    assert [b.text for b in outline.preamble] == paragraphs
    assert {r.reason for r in findings.removals} <= {"page number", "running head"}
