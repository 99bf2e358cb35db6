"""Page contexts and rendering: one edition of the site → {path under docs/: Markdown text}.

Each block becomes a small dictionary a template can show without knowing where its text came
from: the text (already safe inline Markdown), its anchor, its state and, for English passages
that are missing or outdated, the Chinese original.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import jinja2

from generator.editions import Edition, State
from generator.markdown_text import plain_text
from generator.model import Block, BlockKind, Page, Report, Site
from generator.render.env import render
from generator.render.inline import attrs, inline, table_cell

DESCRIPTION_LENGTH = 120


@dataclass(frozen=True)
class ReportEdition:
    """A report together with the edition that supplies its text."""

    report: Report
    edition: Edition


def _block_context(block: Block, edition: Edition) -> dict[str, Any]:
    texts = [edition.text(s) for s in block.segments]
    first = texts[0]
    missing = first.state is State.MISSING
    context: dict[str, Any] = {
        "kind": block.kind.value,
        "anchor": block.anchor,
        "level": block.level,
        "ordered": block.ordered,
        "state": first.state.value,
        "text": inline(first.text),
        "original": inline(first.original),
        "attrs": attrs(
            block.anchor,
            first.lang,
            ("rs-missing",) if missing and block.kind is BlockKind.HEADING else (),
        ),
    }
    if block.kind is BlockKind.TABLE:
        width = block.columns or 1
        cells = [table_cell(t.text) for t in texts]
        context["rows"] = [cells[i : i + width] for i in range(0, len(cells), width)]
    return context


def page_context(page: Page, edition: Edition, report: Report) -> dict[str, Any]:
    title = edition.text(page.title)
    blocks = [_block_context(b, edition) for b in page.blocks]
    first_paragraph = next((b for b in page.blocks if b.kind is BlockKind.PARAGRAPH), None)
    description = ""
    if first_paragraph:
        description = plain_text(edition.text(first_paragraph.segments[0]).text)
        if len(description) > DESCRIPTION_LENGTH:
            description = description[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    states = Counter(edition.text(s).state for s in page.segments())
    return {
        "slug": page.slug,
        "source": page.path,
        "title": inline(title.text),
        "title_plain": plain_text(title.text),
        "title_attrs": attrs(
            "title", title.lang, ("rs-missing",) if title.state is State.MISSING else ()
        ),
        "description": description,
        "blocks": blocks,
        "states": {s.value: n for s, n in states.items()},
        "total": sum(states.values()),
    }


def report_context(report: Report, edition: Edition) -> dict[str, Any]:
    sections = []
    for page in report.sections:
        sections.append({"slug": page.slug, "title": inline(edition.text(page.title).text)})
    states = Counter(edition.text(s).state for s in report.segments())
    return {
        "slug": report.slug,
        "title": inline(edition.text(report.title).text),
        "title_plain": plain_text(edition.text(report.title).text),
        "organisation": inline(edition.text(report.organisation).text),
        "year": report.year,
        "sections": sections,
        "states": {s.value: n for s, n in states.items()},
        "total": sum(states.values()),
    }


def render_edition(
    env: jinja2.Environment,
    site: Site,
    editions: list[ReportEdition],
    code: str,
    strings: dict[str, str],
) -> dict[str, str]:
    """Every Markdown page of one edition, keyed by its path under the edition's docs/."""
    files: dict[str, str] = {}
    reports = [report_context(re.report, re.edition) for re in editions]
    common = {"edition": code, "t": strings}
    files["index.md"] = render(
        env,
        "home.md.j2",
        reports=sorted(reports, key=lambda r: (-r["year"], r["organisation"])),
        **common,
    )
    for item, report in zip(editions, reports, strict=True):
        base = item.report.slug
        files[f"{base}/index.md"] = render(
            env,
            "report.md.j2",
            report=report,
            page=page_context(item.report.index, item.edition, item.report),
            **common,
        )
        for page in item.report.sections:
            files[f"{base}/{page.slug}.md"] = render(
                env,
                "page.md.j2",
                report=report,
                page=page_context(page, item.edition, item.report),
                **common,
            )
    return files
