"""Outline → the files of a content folder (in memory; the caller writes them atomically).

One Markdown file per top-level section (`NN-slug.md`), an `index.md` with the title and the
preamble (a report without section headings is all there: a one-page report), and `report.yml`
with what is known about the report: organisation and year (always), subtitle, speaker, date of
publication and the page's address (when the text states them), and, when the import left
anything out, a `dropped:` list saying what, where, why and which field it went to. Slugs are
pinyin, so that URLs are readable and the same in every edition.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from typing import Any

import yaml

from generator.importer.document import Block, Heading, Outline, Paragraph
from generator.importer.findings import Removal
from generator.importer.meta import Metadata
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
    title: str,
    meta: Metadata,
    source: tuple[str, bytes],
    removals: Sequence[Removal] = (),
) -> dict[str, str]:
    """Relative path → file text for one report folder; `source` is the file's name and bytes.
    `meta` must hold an organisation and a year (the import refuses a report without them)."""
    assert meta.organisation is not None and meta.year is not None
    files: dict[str, str] = {"zh-Hans/index.md": _page(title, [], outline.preamble)}
    tops = [i for i, h in enumerate(outline.headings) if h.level == 1]
    ends = [*tops[1:], len(outline.headings)] if tops else []
    for name, start, end in zip(section_names(outline), tops, ends, strict=True):
        top = outline.headings[start]
        files[f"zh-Hans/{name}.md"] = _page(top.text, outline.headings[start + 1 : end], top.body)

    name, data = source
    report: dict[str, Any] = {
        "organisation": meta.organisation.value,
        "year": int(meta.year.value),
    }
    for key in ("subtitle", "speaker"):
        found = getattr(meta, key)
        if found is not None:
            report[key] = found.value
    if meta.published is not None:  # a YAML date, as an editor would write it
        report["published"] = datetime.date.fromisoformat(meta.published.value)
    report["source"] = {"file": name, "sha256": hashlib.sha256(data).hexdigest()}
    if meta.url is not None:
        report["source"]["url"] = meta.url.value
    report["headline_figures"] = []
    if removals:
        report["dropped"] = [_dropped(r) for r in removals]
    files["report.yml"] = REPORT_YML_NOTE + yaml.safe_dump(
        report, allow_unicode=True, sort_keys=False, width=1000
    )
    return files


def _dropped(removal: Removal) -> dict[str, Any]:
    """A removal as report.yml lists it. Invisible and control characters are named, not
    written, since an editor could not see them in the file; a piece of a line or a character
    has its column."""
    entry: dict[str, Any] = {"line": removal.line}
    if not removal.whole_line:
        entry["column"] = removal.col
    if len(removal.text) == 1 and not removal.text.isprintable():
        entry["text"] = f"U+{ord(removal.text):04X}"
    else:
        entry["text"] = removal.text
    entry["reason"] = removal.reason
    if removal.field:
        entry["field"] = removal.field
    return entry
