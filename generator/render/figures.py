"""The key figures of a report as each edition shows them: the figures page, the headline
figures and the charts. Values and sentences come from generator.key_figures; this module only
chooses the edition's words for them."""

from __future__ import annotations

import html
from decimal import Decimal

from generator.editions import Edition
from generator.figure_data import figure_label
from generator.key_figures import KeyFigure, find
from generator.markdown_text import plain_text
from generator.model import Report
from generator.render.charts import bar_chart
from generator.render.views import FigureRow, FiguresView, HeadlineCard


def shown_value(row: KeyFigure, edition: Edition) -> str:
    if not edition.info.chinese:
        return row.text_en or row.reading_en
    return edition.chinese(row.text_zh)


def figure_rows(rows: list[KeyFigure], edition: Edition) -> tuple[FigureRow, ...]:
    """The figures table's rows, as raw HTML cells (escaped text; links as the built site
    spells them, relative to the figures page)."""
    english = not edition.info.chinese
    out = []
    for row in rows:
        label, lang = figure_label(row, edition)
        section = row.section_en if english and row.section_en else edition.chinese(row.section_zh)
        page = "" if row.page == "index" else f"{row.page}/"
        out.append(
            FigureRow(
                label=html.escape(label),
                label_lang=lang,
                value=html.escape(plain_text(shown_value(row, edition))),
                sort=row.value,
                section=html.escape(section),
                link=f"../{page}#{row.anchor}",
                page=row.page,
            )
        )
    return tuple(out)


def headlines(report: Report, rows: list[KeyFigure], edition: Edition) -> tuple[HeadlineCard, ...]:
    out = []
    for headline in report.headlines:
        row = find(rows, headline.figure)
        if row is None:
            continue
        # Cards are raw HTML (a grid of links): text escaped as HTML, the link as the built
        # site spells it, relative to the report's folder (its index page is the folder).
        page = "" if row.page == "index" else f"{row.page}/"
        out.append(
            HeadlineCard(
                value=html.escape(plain_text(shown_value(row, edition))),
                label=html.escape(plain_text(edition.text(headline.label).text)),
                link=f"{page}#{row.anchor}",
            )
        )
    return tuple(out)


def charts(report: Report, rows: list[KeyFigure], edition: Edition) -> tuple[str, ...]:
    svgs = []
    for number, chart in enumerate(report.charts, 1):
        bars: list[tuple[str, str, Decimal]] = []
        for label, ref in chart.bars:
            row = find(rows, ref)
            if row is None:
                continue
            bars.append(
                (
                    plain_text(edition.text(label).text),
                    shown_value(row, edition),
                    Decimal(row.value),
                )
            )
        title = plain_text(edition.text(chart.title).text)
        svgs.append(bar_chart(f"chart-{number}", title, bars, edition.info.code))
    return tuple(svgs)


def figures_view(
    report: Report, rows: list[KeyFigure], edition: Edition, files: dict[str, str]
) -> FiguresView:
    """`files`: the data files of this edition by kind (csv, json, package)."""
    return FiguresView(
        rows=figure_rows(rows, edition),
        count=len(rows),
        charts=charts(report, rows, edition),
        headlines=headlines(report, rows, edition),
        csv=files["csv"],
        json=files["json"],
        package=files["package"],
    )
