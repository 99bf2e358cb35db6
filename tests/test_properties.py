"""Property tests: whatever text a report holds, import keeps it and Markdown shows it as text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import _PARSER
from generator.importer.outline import build_outline
from generator.importer.run import check_nothing_lost
from generator.importer.writer import content_files
from generator.markdown_text import escape, plain_text

# Report text: CJK, full-width punctuation, Latin, digits and every ASCII punctuation mark
# (the ones that are Markdown syntax included). Control characters are the importer's concern.
report_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.sampled_from("，。、；：“”‘’（）《》——…·％①②③［］一二三四五六七八九十是、第部分"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
line = st.text(report_chars, min_size=1, max_size=40).map(str.strip).filter(bool)


@given(line)
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    tokens = _PARSER.parse(f"# 标题\n\n{escape(text)}\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 2, f"escaped text became more than one block: {escape(text)!r}"
    assert tokens[3].type == "paragraph_open"
    assert plain_text(inline[1].content) == text


@settings(max_examples=200)
@given(st.lists(line, min_size=1, max_size=30))
def test_import_keeps_every_character_of_any_report(lines: list[str]) -> None:
    outline = build_outline(lines)
    files = content_files(outline, "report.txt", "\n".join(lines).encode())
    added_title = "" if outline.title else "report.txt"
    check_nothing_lost("\n".join(lines), files, "report.txt", added_title)  # raises if lost


@given(st.lists(line, min_size=1, max_size=30))
def test_every_page_has_exactly_one_title(lines: list[str]) -> None:
    files = content_files(build_outline(lines), "report.txt", b"")
    for name, text in files.items():
        if name.endswith(".md"):
            assert len(re.findall(r"(?m)^# ", text)) == 1, text
