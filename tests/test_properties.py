"""Property tests: whatever text a report holds, import keeps it and Markdown shows it as text;
whatever bytes a file holds, import either succeeds or says why, never with a traceback."""

from __future__ import annotations

import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import PARSER, load_site
from generator.errors import ReportSiteError
from generator.html_safety import unsafe_markup
from generator.importer.decode import decode_report
from generator.importer.document import Found, Line, Outline
from generator.importer.findings import Findings
from generator.importer.meta import Metadata
from generator.importer.numbering import SCHEMES, label, numbering_of
from generator.importer.outline import build_outline
from generator.importer.run import check_nothing_lost, import_report, plan_import, report_title
from generator.importer.tables import read_table, table_markdown
from generator.importer.writer import content_files
from generator.markdown_text import escape, plain_text
from generator.render.inline import inline, paragraph_html
from tests.conftest import ROOT, without_dropped

# Report text: CJK, full-width punctuation, Latin, digits and every ASCII punctuation mark
# (the ones that are Markdown syntax included). Control characters are the importer's concern.
report_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.sampled_from("，。、；：“”‘’（）《》——…·％①②③［］一二三四五六七八九十是、第部分"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
line = st.text(report_chars, min_size=1, max_size=40).map(str.strip).filter(bool)

# What starts a line in Markdown (CommonMark and Python-Markdown with the site's extensions).
MARKUP_STARTS = (
    "#",
    "## ",
    ">",
    "> ",
    "-",
    "- ",
    "+ ",
    "* ",
    "---",
    "***",
    "___",
    "1.",
    "1. ",
    "1)",
    "12) ",
    "|",
    "| a | b |",
    "=",
    "===",
    ": ",
    "```",
    "~~~",
    "<div>",
    "<!--",
    "[1]: ",
    "[^1]: ",
    "*[HTML]: ",
    "!!! note ",
    "{: .x}",
    "&amp;",
    "&copy",
    "\\",
    "2.5",
    "［1］",
    "（一）",
    "一、",
)
markup_line = st.builds(
    lambda start, rest: (start + rest).strip(),
    st.sampled_from(MARKUP_STARTS),
    st.text(report_chars),
).filter(bool)
any_line = st.one_of(line, markup_line)

# Lines a report is made of: numbered headings of every scheme, run-in items, notes, glossary
# terms, back matter, short and long sentences, table rows, blank lines.
report_line = st.one_of(
    any_line,
    st.builds(lambda n, t: f"{n}{t}", st.sampled_from(["一、", "二、", "（一）", "（二）"]), line),
    st.builds(lambda n, t: f"{n}{t}", st.sampled_from(["1.", "2.", "（1）", "①", "一是"]), line),
    st.builds(lambda n, t: f"［{n}］{t}：", st.integers(1, 30), line),
    st.sampled_from(["附件1", "注释", "名词解释", "", "", "PM", "2.5", "主要目标"]),
    st.builds(lambda t: t + "。", line),
    st.builds(lambda a, b: f"{a}\t{b}", line, line),
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_html(text: str, after: str = "") -> str:
    """The HTML MkDocs makes of a segment (and `after` it): the renderer's inline Markdown
    through Python-Markdown with the extensions mkdocs.yml enables."""
    return markdown.markdown(
        inline(text) + after,
        extensions=["admonition", "attr_list", "md_in_html", "tables", "pymdownx.escapeall"],
        extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}},
    )


def site_html(text: str) -> str:
    """The text MkDocs shows for a segment."""
    html = rendered_html(text)
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


@given(any_line)
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    tokens = PARSER.parse(f"# 标题\n\n{escape(text)}\n")
    inline_tokens = [t for t in tokens if t.type == "inline"]
    assert len(inline_tokens) == 2, f"escaped text became more than one block: {escape(text)!r}"
    assert tokens[3].type == "paragraph_open"
    assert plain_text(inline_tokens[1].content) == text


@given(any_line)
def test_escaped_text_is_shown_literally_by_the_site(text: str) -> None:
    tokens = PARSER.parse(f"# 标题\n\n{escape(text)}\n")
    segment = [t for t in tokens if t.type == "inline"][1].content  # as the loader keeps it
    assert site_html(segment) == text


@given(st.one_of(any_line, any_line.map(escape)))
def test_a_paragraph_known_as_html_is_what_python_markdown_makes_of_it(segment: str) -> None:
    """The bilingual view writes such paragraphs as raw HTML: the page must not change."""
    known = paragraph_html(inline(segment))
    if known:
        assert known == rendered_html(segment)


@given(st.one_of(any_line, any_line.map(escape)))
def test_a_plain_paragraph_with_its_anchor_is_what_python_markdown_makes_of_it(
    segment: str,
) -> None:
    """The section and full-text pages write such paragraphs, with their anchors, as raw HTML
    (templates/_blocks.md.j2): the page must not change."""
    if paragraph_html(inline(segment)):
        written = f'<p id="p-7">{inline(segment)}</p>'
        assert written == rendered_html(segment, "\n{ #p-7 }")


def test_prose_is_known_as_html_and_markup_is_left_to_markdown() -> None:
    prose = "全市GDP增长5.2%，“十四五”规划（2021—2025年）顺利收官。Growth was 5.2% (in 2025)."
    assert paragraph_html(inline(prose)) == f"<p>{prose}</p>"
    for marked in ("**要点**", "见[附件](a.md)", "a & b", "x\\y", "1. 第一", "# 标题", "a  b"):
        assert paragraph_html(inline(marked)) == "", marked


# What an editor might type, or paste from a web page, that Markdown or HTML would act on.
hostile_piece = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\\",
        "\\<",
        "<",
        '{ onclick="alert(1)" }',
        "{: onmouseover=x }",
        "{",
        "}",
        "[x](",
        "![x](",
        "](",
        "javascript:",
        "JaVaScRiPt:",
        "java\\script:",
        "jav&#97;script:",
        "data:text/html,",
        "vbscript:",
        " ",
        "\n",
        ")",
        "<svg onload=x>",
        "&lt;",
        "&#60;",
        "`",
        "*",
        '"',
        "'",
        "=",
        "http://example.org",
        "文字",
        "a",
    ]
)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_piece, max_size=14).map("".join))
def test_no_text_an_editor_writes_becomes_script(text: str) -> None:
    html = rendered_html(text)
    assert unsafe_markup(html) == [], html


@pytest.mark.parametrize(
    "text",
    [  # what the property above found, kept as examples
        "[x](\\javascript:)",
        '[x](`javascript:`{ onclick="alert(1)" }',
        '[x]([x](javascript:{ onclick="alert(1)" }',
        "[x]( javascript:)",
        "[x](&#106;avascript:1)",
        "[x](\\ javascript:)",
        '[x](\\ javascript:{ onclick="alert(1)" }',
        "[x](a javascript:)",
        "\\\\<img src=x onerror=alert(1)>",
    ],
)
def test_known_tricks_stay_text(text: str) -> None:
    assert unsafe_markup(rendered_html(text)) == []


@given(any_line)
def test_escaped_heading_reads_back_as_the_same_text(text: str) -> None:
    tokens = PARSER.parse(f"## {escape(text)}\n")
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert plain_text(tokens[1].content) == text


# Rows of a TAB table (each has a TAB, so two cells or more; rows without are `|` tables').
@given(st.lists(st.lists(st.text(report_chars, max_size=12), min_size=2, max_size=5), min_size=2))
def test_tables_read_back_cell_for_cell(rows: list[list[str]]) -> None:
    lines = [Line(i, "\t".join(row)) for i, row in enumerate(rows, 1)]
    table = read_table(lines)
    tokens = PARSER.parse(table_markdown(table) + "\n")
    cells = [plain_text(t.content) for t in tokens if t.type == "inline"]
    assert tokens[0].type == "table_open"
    assert cells == [cell for row in table.rows for cell in row]
    assert [list(row[: len(source)]) for row, source in zip(table.rows, rows, strict=True)] == [
        [cell.strip() for cell in source] for source in rows
    ]


META = Metadata(Found("某市教育局"), Found("2020"))


def imported_files(lines: list[str]) -> tuple[Outline, Findings, dict[str, str], str]:
    """The outline, findings and files of `lines` imported, and the title added (if any)."""
    findings = Findings("report.txt", list(lines))
    outline = build_outline(lines, findings)
    title = report_title(outline, "report.txt")
    files = content_files(outline, title.value, META, ("report.txt", b""), findings.removals)
    return outline, findings, files, "" if outline.title else title.value


@settings(max_examples=200)
@given(st.lists(report_line, min_size=1, max_size=30))
def test_import_keeps_every_character_of_any_report(lines: list[str]) -> None:
    outline, findings, files, added_title = imported_files(lines)
    check_nothing_lost(
        "\n".join(lines),
        files,
        "report.txt",
        added_title,
        findings.removals,
        outline.joins(),
        outline.bar_rows(),
    )  # raises if anything is lost or glued


@given(st.lists(report_line, min_size=1, max_size=30))
def test_every_page_has_exactly_one_title(lines: list[str]) -> None:
    for name, text in imported_files(lines)[2].items():
        if name.endswith(".md"):
            assert len(re.findall(r"(?m)^# ", text)) == 1, text


@given(st.lists(report_line, min_size=1, max_size=30))
def test_levels_never_skip_one(lines: list[str]) -> None:
    """A heading is at most one level below the heading before it, and a page starts at 1."""
    levels = [h.level for h in build_outline(lines).headings]
    for before, after in zip([0, *levels], levels, strict=False):
        assert 1 <= after <= before + 1


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(report_line, min_size=1, max_size=20))
def test_import_then_load_gives_back_the_text(lines: list[str]) -> None:
    """Import → files → the site loader: the segments of the loaded report are the text."""
    source_text = "\n".join(["某市教育局2020年工作总结", "一、总则", *lines]) + "\n"
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "content"
        root.mkdir()
        (root / "site.yml").write_text(
            (ROOT / "content" / "site.yml").read_text(encoding="utf-8"), encoding="utf-8"
        )
        source = Path(scratch) / "report.txt"
        source.write_text(source_text, encoding="utf-8")
        try:
            import_report(source, root, echo=lambda _: None)
        except ReportSiteError as error:  # e.g. a control character: refused, never written
            assert not (root / "report").exists()
            assert error.problems
            return
        (report,) = load_site(root).reports
        meta = yaml.safe_load((root / "report" / "report.yml").read_text(encoding="utf-8"))
    loaded = "".join(plain_text(s.text) for page in report.pages for s in page.segments())
    # (The bars of a `|` table separate its cells; check_nothing_lost counts them exactly.)
    kept = without_dropped(source_text, meta.get("dropped", []))
    assert re.sub(r"[\s|｜]", "", loaded) == re.sub(r"[\s|｜]", "", kept)


@settings(max_examples=100)
@given(st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
def test_any_file_imports_or_is_refused_with_a_message(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "report.txt"
        source.write_bytes(data)
        try:
            plan_import(source)
        except ReportSiteError as error:
            assert error.problems and all(p.message for p in error.problems)


@given(
    st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_every_encoding_decodes_to_the_same_text(text: str, encoding: str, newline: str) -> None:
    text = "一、" + text.replace("\r", "") + "\n"
    data = text.replace("\n", newline).encode(encoding)
    assert decode_report(data, Findings("report.txt")).text == text


@given(st.sampled_from([name for name, _ in SCHEMES]), st.integers(1, 20))
def test_numbering_labels_read_back_as_their_number(scheme: str, value: int) -> None:
    written = label(scheme, value)
    numbering = numbering_of(written + "正文")
    assert numbering is not None
    assert (numbering.scheme, numbering.value) == (scheme, value)
