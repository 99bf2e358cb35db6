"""Outline → the files of a content folder (in memory; the caller writes them atomically).

One Markdown file per top-level section (`NN-slug.md`), an `index.md` with the title and the
preamble, and `report.yml` with what is known about the report. Slugs are pinyin, so that URLs
are readable and the same in every edition.
"""

from __future__ import annotations

import hashlib
import re

import yaml

from generator.importer.outline import Heading, Line, Outline
from generator.markdown_text import escape
from generator.slugs import pinyin_slug

GENERATED_NOTE = (
    "# Metadata of one report. Editors own this file; report-site reads it and never writes it.\n"
)


def _paragraphs(lines: list[Line]) -> list[str]:
    return [escape(line.text) for line in lines]


def _page(title: str, headings: list[Heading], top: int, intro: list[Line]) -> str:
    parts = [f"# {escape(title)}"]
    parts += _paragraphs(intro)
    for heading in headings:
        depth = min(heading.level - top + 1, 6)
        parts.append(f"{'#' * depth} {escape(heading.text)}")
        parts += _paragraphs(heading.body)
    return "\n\n".join(parts) + "\n"


def guess_organisation_and_year(title: str, text: str) -> tuple[str, int]:
    match = re.match(r"^(.+?)(\d{4})年", title)
    if match:
        return match.group(1), int(match.group(2))
    year = re.search(r"(\d{4})年", text)
    return "", int(year.group(1)) if year else 0


def content_files(outline: Outline, source_name: str, source_bytes: bytes) -> dict[str, str]:
    """Relative path → file text for one report folder."""
    title = outline.title.text if outline.title else source_name
    files: dict[str, str] = {}
    top_headings = [h for h in outline.headings if h.level == 1]
    files["zh-Hans/index.md"] = _page(title, [], 1, outline.preamble)

    used: set[str] = set()
    for number, start in enumerate(top_headings, 1):
        index = outline.headings.index(start)
        following = outline.headings[index + 1 :]
        end = next((i for i, h in enumerate(following) if h.level == 1), len(following))
        slug = f"{number:02d}-{pinyin_slug(start.text) or 'section'}"
        while slug in used:
            slug += "-x"
        used.add(slug)
        files[f"zh-Hans/{slug}.md"] = _page(start.text, following[:end], 1, start.body)

    full_text = "\n".join(line.text for line in outline.preamble)
    organisation, year = guess_organisation_and_year(title, full_text)
    meta = {
        "organisation": organisation,
        "year": year,
        "source": {
            "file": source_name,
            "sha256": hashlib.sha256(source_bytes).hexdigest(),
        },
        "headline_figures": [],
    }
    files["report.yml"] = GENERATED_NOTE + yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, width=1000
    )
    return files
