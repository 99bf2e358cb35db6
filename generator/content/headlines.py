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
report does not state. Reading report.yml gives choices (a page and a figure, each with its
place in the file); `resolve` checks them against the pages once those are read.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from generator.content.folders import PAGES_DIR
from generator.content.schema import Convert, Key, Schema, list_of, required_text, segment
from generator.content.yaml_file import Invalid, Reader, written
from generator.errors import Located, Problems
from generator.markdown_text import plain_text
from generator.model import Chart, FigureRef, Headline, Page, Segment

LABEL = "add `label: 中文说明` (it is translated like the report's text)"
TITLE = "add `title: 中文标题` (it is translated like the report's text)"
PAGE = f"add `page: …`, the name of a file in {PAGES_DIR}/ without .md"
FIGURE = "add `figure: …`, the figure as the page writes it, unit included"
BARS = "add `bars:`, a list of `- {label: …, figure: …}`"


@dataclass(frozen=True)
class FigureChoice:
    """A figure an editor chose: the page it is on and the figure as written there, each with
    its place in report.yml; `entry` is where the choice is (for a page it lacks)."""

    entry: Located[str]
    page: Located[str] | None
    figure: Located[str]


@dataclass(frozen=True)
class HeadlineChoice:
    label: Segment
    figure: FigureChoice


@dataclass(frozen=True)
class ChartChoice:
    title: Segment
    bars: tuple[tuple[Segment, FigureChoice], ...]


def as_written(hint: str) -> Convert:
    """A value as written, with its place (`figure: 2:1` is the ratio 2:1, not YAML 1.1's
    sexagesimal 121); `hint` says what to write when it is empty."""

    def convert(reader: Reader, node: yaml.Node, path: str) -> Located[str]:
        if not isinstance(node, yaml.ScalarNode):
            raise Invalid(f"{path} must be text, not a list or mapping", "write it on one line")
        value = (written(node) or "").strip()
        if not value:
            raise Invalid(f"{path} is empty", hint)
        return Located(value, reader.file.loc(node), reader.file.line_of(node))

    return convert


page_name = as_written(PAGE)
figure_text = as_written(FIGURE)


def _headline(
    label: Segment, figure: Located[str], entry: Located[str], page: Located[str] | None = None
) -> HeadlineChoice:
    return HeadlineChoice(label, FigureChoice(entry, page, figure))


def _bar(
    label: Segment, figure: Located[str], entry: Located[str], page: Located[str] | None = None
) -> tuple[Segment, FigureChoice]:
    return label, FigureChoice(entry, page, figure)


def _chart(
    title: Segment,
    bars: tuple[tuple[Segment, FigureChoice], ...],
    page: Located[str] | None = None,
) -> ChartChoice:
    """A bar without a page of its own is on the chart's page."""
    return ChartChoice(
        title,
        tuple(
            (label, choice if choice.page else FigureChoice(choice.entry, page, choice.figure))
            for label, choice in bars
        ),
    )


HEADLINE = Schema(
    _headline,
    {
        "label": Key(segment(required_text(LABEL)), required=LABEL),
        "page": Key(page_name, required=PAGE),
        "figure": Key(figure_text, required=FIGURE),
    },
    "write it as `- {label: 说明, page: 01-…, figure: 7.89万个}`",
    where="entry",
)
BAR = Schema(
    _bar,
    {
        "label": Key(segment(required_text(LABEL)), required=LABEL),
        "figure": Key(figure_text, required=FIGURE),
        "page": Key(page_name),
    },
    "write it as `- {label: 2020年, figure: 2.62:1}`",
    where="entry",
)
CHART = Schema(
    _chart,
    {
        "title": Key(segment(required_text(TITLE)), required=TITLE),
        "page": Key(page_name),
        "bars": Key(list_of(BAR, BARS), required=BARS),
    },
    "write `title:`, `page:` and `bars:` indented below `- `",
)
HEADLINES = list_of(HEADLINE, "write one `- {label: …, page: …, figure: …}` per line")
CHARTS = list_of(CHART, "write each chart as `- title: …` with `page:` and `bars:` below it")


def is_a_page(page: Located[str], pages: dict[str, Page], problems: Problems) -> bool:
    """Whether report.yml or figures.yml names a page of the report; if not, it is said where."""
    if page.value in pages:
        return True
    example = next(iter(pages), "01-…")
    problems.add(
        page.loc,
        f"no page {page.value!r} in this report",
        f"use a file name from {PAGES_DIR}/ without .md, e.g. {example}",
        page.line,
    )
    return False


def resolve(
    choice: FigureChoice, pages: dict[str, Page], problems: Problems, unread: frozenset[str]
) -> FigureRef | None:
    """The figure on its page, or None with the problem added where report.yml names it (none
    for a page that could not be read: its own problem says why)."""
    if choice.page is not None and choice.page.value in unread:
        return None
    if choice.page is None:
        entry = choice.entry
        problems.add(entry.loc, f"{entry.value}.page is missing", PAGE, entry.line)
        return None
    page = choice.page.value
    if not is_a_page(choice.page, pages, problems):
        return None
    text = choice.figure.value
    body = "".join(plain_text(s.text) for s in pages[page].segments())
    if text not in body:
        problems.add(
            choice.figure.loc,
            f"figure {text!r} is not written on {page}",
            "copy the figure exactly as the page writes it, unit included",
            choice.figure.line,
        )
        return None
    return FigureRef(page, text)


def resolve_all(
    headlines: tuple[HeadlineChoice, ...],
    charts: tuple[ChartChoice, ...],
    pages: dict[str, Page],
    problems: Problems,
    unread: frozenset[str] = frozenset(),
) -> tuple[tuple[Headline, ...], tuple[Chart, ...]]:
    """The choices found on their pages; `unread` are pages that could not be read."""
    found = []
    for headline in headlines:
        ref = resolve(headline.figure, pages, problems, unread)
        if ref:
            found.append(Headline(ref, headline.label))
    drawn = []
    for chart in charts:
        bars = []
        for label, choice in chart.bars:
            ref = resolve(choice, pages, problems, unread)
            if ref:
                bars.append((label, ref))
        if bars:
            drawn.append(Chart(chart.title, tuple(bars)))
    return tuple(found), tuple(drawn)
