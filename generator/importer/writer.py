"""Outline → the files of a content folder (in memory; the caller writes them atomically).

One Markdown file per top-level section (`NN-slug.md`), an `index.md` with the title, the title
block and the preamble, and `report.yml` with what is known about the report (and, when the
import left anything out, a `dropped:` list saying what, where and why). Slugs are pinyin, so that
URLs are readable and the same in every edition.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import yaml

from generator.importer.document import Block, Heading, Outline, Paragraph
from generator.importer.findings import Removal
from generator.importer.meta import guess_metadata
from generator.importer.numbering import strip_numbering
from generator.importer.tables import table_markdown
from generator.markdown_text import escape
from generator.slugs import pinyin_slug

REPORT_YML_NOTE = (
    "# Metadata of one report. Editors own this file; report-site reads it and never writes it.\n"
)
MAX_LEVEL = 6


def _blocks(blocks: list[Block]) -> list[str]:
    return [escape(b.text) if isinstance(b, Paragraph) else table_markdown(b) for b in blocks]


def _page(title: str, headings: list[Heading], intro: list[Block]) -> str:
    parts = [f"# {escape(title)}"]
    parts += _blocks(intro)
    for heading in headings:
        parts.append(f"{'#' * min(heading.level, MAX_LEVEL)} {escape(heading.text)}")
        parts += _blocks(heading.body)
    return "\n\n".join(parts) + "\n"


def section_names(outline: Outline) -> list[str]:
    """`NN-slug` of each top-level section, in order: NN counts from 01 (wider when a report
    has a hundred sections or more, so that names sort in reading order)."""
    tops = [h for h in outline.headings if h.level == 1]
    width = max(2, len(str(len(tops))))
    names: list[str] = []
    for number, heading in enumerate(tops, 1):
        name = f"{number:0{width}d}-{pinyin_slug(strip_numbering(heading.text)) or 'section'}"
        while name in names:
            name += "-x"
        names.append(name)
    return names


def content_files(
    outline: Outline,
    source_name: str,
    source_bytes: bytes,
    removals: Sequence[Removal] = (),
) -> dict[str, str]:
    """Relative path → file text for one report folder."""
    title = outline.title.text if outline.title else source_name
    files: dict[str, str] = {"zh-Hans/index.md": _page(title, [], outline.preamble)}
    tops = [i for i, h in enumerate(outline.headings) if h.level == 1]
    ends = [*tops[1:], len(outline.headings)] if tops else []
    for name, start, end in zip(section_names(outline), tops, ends, strict=True):
        top = outline.headings[start]
        files[f"zh-Hans/{name}.md"] = _page(top.text, outline.headings[start + 1 : end], top.body)

    organisation, year = guess_metadata(outline, title)
    meta: dict[str, Any] = {
        "organisation": organisation,
        "year": year,
        "source": {
            "file": source_name,
            "sha256": hashlib.sha256(source_bytes).hexdigest(),
        },
        "headline_figures": [],
    }
    if removals:
        meta["dropped"] = [_dropped(r) for r in removals]
    files["report.yml"] = REPORT_YML_NOTE + yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, width=1000
    )
    return files


def _dropped(removal: Removal) -> dict[str, Any]:
    """A removal as report.yml lists it. Invisible characters are named, not written, since
    an editor could not see them in the file."""
    entry: dict[str, Any] = {"line": removal.line}
    if len(removal.text) == 1 and not removal.text.isprintable():
        entry["column"] = removal.col
        entry["text"] = f"U+{ord(removal.text):04X}"
    else:
        entry["text"] = removal.text
    entry["reason"] = removal.reason
    return entry
