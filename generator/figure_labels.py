"""`report-site figures REPORT`: write the report's figures.yml, naming what each figure counts.

The first run writes the file from the text: one entry per figure, its label the words of the
text that say what it counts (generator.figures.labels), for the editor to correct. The file is
the editor's from then on: a later run changes nothing in it and only adds, at its end, the
figures the text states that it does not name yet (an edited page's new figures).

    figures:
      # 四、狠抓基础保障，资源供给持续增长
      - {page: 04-henzhua-jichu-baozhang, figure: 7.89万个, label: 新增学位}
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.content import load_report, open_content
from generator.content.figures_file import occurrences
from generator.content.folders import FIGURES_FILE
from generator.editions import SourceEdition
from generator.errors import Loc, Problem, Problems, ReportSiteError
from generator.key_figures import KeyFigure, page_figures
from generator.markdown_text import plain_text
from generator.model import Page, Report

HEADER = """\
# What each figure of the report counts, as the figures page and its data name it.
# Written once by `report-site figures`, from the words around each figure; yours from now on:
# correct the labels (a few words: 新增学位, 学生总体近视率), and give a number that is no
# figure (part of a name: the 1 of 1+X) `omit: true` instead of a label. Labels are translated
# like the text (translations/en.po). `after:` tells apart a figure a page writes twice: the
# words right before the one meant. `report-site figures` adds new figures at the end.
figures:
"""
MAX_AFTER = 12


@dataclass(frozen=True)
class Added:
    """What a run did: the file, and how many entries it wrote."""

    path: Path
    added: int
    created: bool


def _after(row: KeyFigure, page: Page) -> str:
    """The fewest words right before the figure that tell its place apart from the others
    where the page writes it ("" when the page writes it once)."""
    figure, start = row.text_zh, row.start
    if occurrences(figure, "", page) <= 1:
        return ""
    block = next(b for b in page.blocks if b.anchor == row.anchor)
    text = next(
        text
        for text in (plain_text(s.text) for s in block.segments)
        if text[start : start + len(figure)] == figure
    )
    for length in range(1, min(MAX_AFTER, start) + 1):
        after = text[start - length : start]
        if occurrences(figure, after, page) == 1:
            return after
    return ""


def entry_line(row: KeyFigure, page: Page) -> str:
    entry = {"page": row.page, "figure": row.text_zh}
    after = _after(row, page)
    if after:
        entry["after"] = after
    entry["label"] = row.suggested_label
    flow = yaml.safe_dump(
        entry, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6
    )
    return f"  - {flow.strip()}\n"


def unnamed_entries(report: Report) -> str:
    """figures.yml lines for the figures the report's figures.yml does not name, by page."""
    source = SourceEdition()
    lines = []
    for page in report.pages:
        unnamed = [
            entry_line(row, page)
            for row in page_figures(page, source, report.figure_labels, keep_omitted=True)
            if row.label is None and not row.omitted and not row.headers
        ]
        if unnamed:
            lines.append(f"  # {plain_text(page.title.text)}\n")
            lines += unnamed
    return "".join(lines)


def write_figures_file(content: Path, slug: str) -> Added:
    """Create or extend content/<slug>/figures.yml; nothing already in it is changed."""
    opened = open_content(content)
    entry = next((e for e in opened.reports if e.slug == slug), None)
    if entry is None:
        known = ", ".join(e.slug for e in opened.reports) or "none"
        raise ReportSiteError(
            f"{content.name}/{slug}: no such report (reports: {known}); "
            "give the name of a report's folder"
        )
    problems = Problems()
    report = load_report(entry, content, problems)
    problems.raise_if_any()
    assert report is not None
    path = entry.folder.path / FIGURES_FILE
    lines = unnamed_entries(report)
    added = sum(1 for line in lines.splitlines() if line.startswith("  - "))
    if path.exists():
        if not lines:
            return Added(path, 0, False)
        text = path.read_text(encoding="utf-8")
        if not re.search(r"(?m)^figures:", text):
            shown = f"{content.name}/{path.relative_to(content).as_posix()}"
            raise ReportSiteError(
                [
                    Problem(
                        Loc(shown),
                        "the file has no `figures:` list to add to",
                        "add a line `figures:` before the entries",
                    )
                ]
            )
        updated = text + ("" if text.endswith("\n") else "\n") + lines
        created = False
    else:
        updated = HEADER + lines
        created = True
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(updated, encoding="utf-8")
    os.replace(tmp, path)
    return Added(path, added, created)
