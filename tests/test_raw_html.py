"""HTML a template fences with <!-- rs-html --> is kept as Python-Markdown keeps raw HTML, without
being parsed: the page is the same as without the fences."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.raw_html import CLOSE, OPEN, anchor_ids

ROOT = Path(__file__).resolve().parent.parent

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.escapeall"]

PAIR = """<div class="rs-pair" id="p-1">
<div class="rs-zh" lang="zh-Hans">
<p>全市GDP增长5.2%。</p>
</div>
<div class="rs-en" lang="en">
<p>GDP grew by 5.2%.</p>
</div>
</div>"""

TABLE = """<div class="rs-table rs-figures" data-filter="筛选">
<table>
<thead><tr><th scope="col">指标</th><th scope="col" data-type="number">数值</th></tr></thead>
<tbody>
<tr><td lang="en">GDP &amp; more</td><td data-value="5.2">5.2%</td></tr>

<tr><td>&#123;x&#125;</td><td data-value="1">1</td></tr>
</tbody>
</table>
</div>"""


def convert(text: str, fenced: bool) -> str:
    extensions = EXTENSIONS + (["generator.raw_html"] if fenced else [])
    return markdown.markdown(text, extensions=extensions)


# Pages as templates write them: a fenced block stands alone, a blank line after it (or the end).
PAGES = [
    "# 标题 { #title }\n\n正文*强调*。\n\nBLOCK\n\n## 小节\n\n<div markdown>\n**粗**\n</div>\n",
    "BLOCK\n\nBLOCK\n\n<div markdown>\n*甲*\n</div>\n",
    "## 小节\n\nBLOCK\n",
    "BLOCK",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("block", [PAIR, TABLE])
def test_a_fenced_block_becomes_the_same_html_as_raw_html(page: str, block: str) -> None:
    fenced = page.replace("BLOCK", f"{OPEN}\n{block}\n{CLOSE}")
    assert convert(fenced, True) == convert(page.replace("BLOCK", block), False)


def test_markdown_in_a_fenced_block_is_left_as_it_is() -> None:
    assert convert(f"{OPEN}\n<p>*x*</p>\n{CLOSE}", True) == "<p>*x*</p>"


def test_an_unclosed_fence_loses_nothing() -> None:
    html = convert(f"{OPEN}\n<p>甲</p>\n\n乙", True)
    assert "<p>甲</p>" in html and "<p>乙</p>" in html


def test_fenced_blocks_with_only_blank_lines_between_are_kept_as_one() -> None:
    """One placeholder for a run of paragraphs: Python-Markdown carries each placeholder
    through its inline patterns, which cost more than the paragraphs they stand for."""
    fenced = [f"{OPEN}\n<p>{text}</p>\n{CLOSE}" for text in "甲乙丙"]
    page = f"{fenced[0]}\n\n\n{fenced[1]}\n\n## 小节\n\n{fenced[2]}\n"
    md = markdown.Markdown(extensions=[*EXTENSIONS, "generator.raw_html"])
    html = md.convert(page)
    assert md.htmlStash.html_counter == 2
    assert html == convert(page.replace(f"{OPEN}\n", "").replace(f"\n{CLOSE}", ""), False)


def test_a_link_to_a_fenced_paragraph_finds_its_anchor(tmp_path: Path) -> None:
    """MkDocs learns anchors as it parses a page; a fenced paragraph's id is the build's to
    add (overrides/hooks/report_site.py), or a strict build would fail on a good link."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 首页\n\n[第三段](a.md#p-3)\n", encoding="utf-8")
    (docs / "a.md").write_text(f'# 甲\n\n{OPEN}\n<p id="p-3">正文。</p>\n{CLOSE}\n', "utf-8")
    config = load_config(
        str(ROOT / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "site"),
        strict=True,
        hooks=[str(ROOT / "overrides" / "hooks" / "report_site.py")],
        extra={"edition": "zh-Hans", "part": "a"},
        validation={"anchors": "warn"},
    )
    build(config)
    assert 'href="a/#p-3"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_anchor_ids_are_the_ids_of_tags_not_of_text() -> None:
    html = '<div class="rs-pair" id="p-1">\n<p>写作 id="x" 的文字</p>\n<h2 id="h-2">题</h2>'
    assert anchor_ids(html) == {"p-1", "h-2"}
