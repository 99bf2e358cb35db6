"""The key figures of a report as each edition shows them: the figures page, the headline
figures and the charts. Values and sentences come from generator.key_figures; this module only
chooses the edition's words for them."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from generator.editions import Edition
from generator.key_figures import KeyFigure, find
from generator.markdown_text import plain_text
from generator.model import Report
from generator.render.charts import bar_chart
from generator.render.inline import table_cell


def _convert(edition: Edition, text: str) -> str:
    convert = getattr(edition, "convert", None)  # the Traditional edition converts any text
    return str(convert(text)) if convert else text


def shown_value(row: KeyFigure, code: str, edition: Edition) -> str:
    if code == "en":
        return row.text_en or row.reading_en
    return _convert(edition, row.text_zh)


def figure_rows(rows: list[KeyFigure], code: str, edition: Edition) -> list[dict[str, str]]:
    out = []
    for row in rows:
        english = code == "en"
        sentence = (
            row.sentence_en if english and row.sentence_en else _convert(edition, row.sentence_zh)
        )
        out.append(
            {
                "value": table_cell(shown_value(row, code, edition)),
                "sentence": table_cell(sentence),
                "section": table_cell(
                    row.section_en
                    if english and row.section_en
                    else _convert(edition, row.section_zh)
                ),
                "link": f"{row.page}.md#{row.anchor}",
            }
        )
    return out


def headlines(
    report: Report, rows: list[KeyFigure], code: str, edition: Edition
) -> list[dict[str, str]]:
    out = []
    for headline in report.headlines:
        row = find(rows, headline.figure)
        if row is None:
            continue
        # Cards are raw HTML (a grid of links): text escaped as HTML, the link as the built
        # site spells it, relative to the report's folder (its index page is the folder).
        page = "" if row.page == "index" else f"{row.page}/"
        out.append(
            {
                "value": html.escape(plain_text(shown_value(row, code, edition))),
                "label": html.escape(plain_text(edition.text(headline.label).text)),
                "link": f"{page}#{row.anchor}",
            }
        )
    return out


def charts(report: Report, rows: list[KeyFigure], code: str, edition: Edition) -> list[str]:
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
                    shown_value(row, code, edition),
                    Decimal(row.value),
                )
            )
        title = plain_text(edition.text(chart.title).text)
        svgs.append(bar_chart(f"chart-{number}", title, bars, code))
    return svgs


def figures_context(
    report: Report, rows: list[KeyFigure], code: str, edition: Edition
) -> dict[str, Any]:
    return {
        "rows": figure_rows(rows, code, edition),
        "count": len(rows),
        "charts": charts(report, rows, code, edition),
        "headlines": headlines(report, rows, code, edition),
    }
