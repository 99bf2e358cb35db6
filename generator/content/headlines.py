"""The headline figures and charts editors choose in report.yml, read and checked.

    headline_figures:
      - label: 新增学位           # what the figure is, in Chinese (translated like the text)
        page: 04-henzhua-jichu-baozhang
        figure: 7.89万个          # the figure as written on that page
    charts:
      - title: 六城区民办初中报名派位录取比
        page: 06-ruiyigaige-chuangxin
        bars:
          - {label: 2019年, figure: "4.36:1"}
          - {label: 2020年, figure: "2.62:1"}

A figure must be written on the page exactly as given, so a chart can never show a number the
report does not state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import Loc, Problems
from generator.markdown_text import plain_text
from generator.model import Chart, FigureRef, Headline, Page, Segment


class _Reader:
    def __init__(self, path: Path, shown: str, pages: dict[str, Page], problems: Problems):
        self.lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        self.shown = shown
        self.pages = pages
        self.problems = problems

    def line_of(self, *texts: str) -> int:
        """The first line that holds all `texts` (where in report.yml an entry is)."""
        for number, line in enumerate(self.lines, 1):
            if all(t in line for t in texts if t):
                return number
        return 0

    def label(self, value: Any, what: str, near: str) -> Segment | None:
        line = self.line_of(str(value or ""), near) or self.line_of(near)
        if not isinstance(value, str) or not value.strip():
            self.problems.add(
                Loc(self.shown, line),
                f"{what} needs a label",
                "add `label: 中文说明` (it is translated like the report's text)",
            )
            return None
        return Segment(value.strip(), Loc(self.shown, line))

    def figure(self, page: Any, text: Any) -> FigureRef | None:
        line = self.line_of(str(text or "")) or self.line_of(str(page or ""))
        if page not in self.pages:
            self.problems.add(
                Loc(self.shown, line),
                f"no page {page!r} in this report",
                f"use a file name from zh-Hans/ without .md, e.g. {next(iter(self.pages), '01-…')}",
            )
            return None
        text = str(text or "")
        body = "".join(plain_text(s.text) for s in self.pages[page].segments())
        if not text or text not in body:
            self.problems.add(
                Loc(self.shown, line),
                f"figure {text!r} is not written on {page}",
                "copy the figure exactly as the page writes it, unit included",
            )
            return None
        return FigureRef(page, text)


def read_headlines(
    meta: dict[str, Any], path: Path, shown: str, pages: dict[str, Page], problems: Problems
) -> tuple[tuple[Headline, ...], tuple[Chart, ...]]:
    reader = _Reader(path, shown, pages, problems)
    headlines = []
    for entry in meta.get("headline_figures") or ():
        if not isinstance(entry, dict):
            problems.add(
                Loc(shown, reader.line_of("headline_figures")),
                "each headline figure is a mapping of label, page and figure",
                "see the example at the top of generator/report_meta.py",
            )
            continue
        label = reader.label(entry.get("label"), "a headline figure", str(entry.get("figure")))
        figure = reader.figure(entry.get("page"), entry.get("figure"))
        if label and figure:
            headlines.append(Headline(figure, label))
    charts = []
    for entry in meta.get("charts") or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("bars"), list):
            problems.add(
                Loc(shown, reader.line_of("charts")),
                "each chart is a mapping of title, page and bars",
                "see the example at the top of generator/report_meta.py",
            )
            continue
        title = reader.label(entry.get("title"), "a chart", "title")
        bars = []
        for bar in entry["bars"]:
            bar = bar if isinstance(bar, dict) else {}
            label = reader.label(bar.get("label"), "a chart's bar", str(bar.get("figure")))
            figure = reader.figure(bar.get("page", entry.get("page")), bar.get("figure"))
            if label and figure:
                bars.append((label, figure))
        if title and bars:
            charts.append(Chart(title, tuple(bars)))
    return tuple(headlines), tuple(charts)
