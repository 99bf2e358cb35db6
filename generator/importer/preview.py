"""The outline an import would write, as text: what `report-site import FILE --dry-run` prints
and what the importer's golden files hold.

    title: 2026年浙江省政府工作报告  (line 10)
    report.yml:
      organisation: 浙江省人民政府  (line 10)
      year: 2026  (line 10)
    pages:
      zh-Hans/index.md  · 2 paragraphs
      zh-Hans/01-2025-nian-zhuyao-gongzuo.md
        # 一、2025年主要工作和“十四五”发展成就  (line 17) · 5 paragraphs
          ## （一）强化创新驱动发展，创新浙江建设成效明显。  (line 19) · 1 paragraph
    joined into one paragraph (a sentence over lines, a note and its text):
      lines 33–35
    dropped:
      line 1: 下载  (page menu)

Every line says where in the source it comes from, so an editor can check a new report against
the original in seconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.importer.document import Block, Found, Outline, Paragraph
from generator.importer.findings import Removal
from generator.importer.meta import Metadata
from generator.importer.writer import MAX_LEVEL, section_names

_FIELDS = ("organisation", "year", "subtitle", "speaker", "published", "url")


def render_outline(
    outline: Outline, title: Found, meta: Metadata, removals: Sequence[Removal]
) -> str:
    out = [f"title: {title.value}  {_where(title)}", "report.yml:"]
    for name in _FIELDS:
        found = getattr(meta, name)
        if found is not None:
            out.append(f"  {name}: {found.value}  {_where(found)}")
    out.append("pages:")
    out.append(f"  zh-Hans/index.md  · {_count(outline.preamble)}")
    names = iter(section_names(outline))
    for heading in outline.headings:
        if heading.level == 1:
            out.append(f"  zh-Hans/{next(names)}.md")
        marks = "#" * min(heading.level, MAX_LEVEL)
        indent = "  " * heading.level
        out.append(
            f"  {indent}{marks} {heading.text}  (line {heading.line}) · {_count(heading.body)}"
        )
    chains = _chains(outline.joins())
    if chains:
        out.append("joined into one paragraph (a sentence over lines, a note and its text):")
        out.append("  lines " + ", ".join(f"{c[0]}–{c[-1]}" for c in chains))
    listed = [r for r in removals if r.whole_line or r.at]
    replaced = sum(1 for r in removals if r.replacement)
    characters = len(removals) - len(listed) - replaced
    if listed or characters or replaced:
        out.append("dropped:")
    for removal in listed:
        into = f" → {removal.field}" if removal.field else ""
        out.append(f"  line {removal.line}: {removal.text}  ({removal.reason}{into})")
    if characters:
        out.append(f"  {characters} invisible or control characters (see the warnings)")
    if replaced:
        out.append(f"  {replaced} radicals read as the characters they look like (see warnings)")
    return "\n".join(out) + "\n"


def _where(found: Found) -> str:
    return f"(line {found.line})" if found.line else f"({found.how})"


def _count(blocks: list[Block]) -> str:
    paragraphs = sum(1 for b in blocks if isinstance(b, Paragraph))
    tables = len(blocks) - paragraphs
    parts = [f"{paragraphs} paragraph{'s' if paragraphs != 1 else ''}"]
    if tables:
        parts.append(f"{tables} table{'s' if tables != 1 else ''}")
    return ", ".join(parts)


def _chains(joins: set[tuple[int, int]]) -> list[list[int]]:
    """{(3, 4), (4, 5), (9, 10)} → [[3, 4, 5], [9, 10]]."""
    chains: list[list[int]] = []
    for a, b in sorted(joins):
        if chains and chains[-1][-1] == a:
            chains[-1].append(b)
        else:
            chains.append([a, b])
    return chains
