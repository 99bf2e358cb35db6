"""A report's figures as open data, per edition: a CSV, the same rows as JSON, and a Frictionless
Data Package (`datapackage.json`, with a Table Schema for the CSV) that says what each column
holds. File names say which report and edition they are:
`hangzhou-education-2020.zh-Hant.figures.csv`, `….figures.json`, `….datapackage.json`.

Each row is a named indicator in the edition's language: what it counts (`label`), the number as
written (`value`, a number) and in base units (`value_base`: 7.89万个 → 78900), the unit, the
qualifier (nearly, more than …), its section and sentence, and the address of the passage
that states it. Numbers are JSON numbers; text in the Traditional edition is converted.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from generator.edition_list import SOURCE
from generator.editions import Edition
from generator.figures import POINTS, Kind, Qualifier
from generator.key_figures import KeyFigure
from generator.markdown_text import plain_text
from generator.model import Notice, Report
from generator.table_data import table_files
from generator.table_headers import SEPARATOR, english_name, row_name

# A unit of measure as English writes it after a number (the figures' unit keys).
EN_MEASURES = {
    "km2": "km²",
    "m2": "m²",
    "ha": "ha",
    "mu": "mu",
    "km": "km",
    "m": "m",
    "t": "t",
    "kg": "kg",
    "g": "g",
    "jin": "jin",
    "kw": "kW",
    "mw": "MW",
    "gw": "GW",
}
EN_KIND_UNITS = {
    Kind.PERCENT.value: "%",
    Kind.PERMILLE.value: "‰",
    Kind.PERCENTAGE_POINT.value: "percentage points",
    Kind.TIMES.value: "times",
}
KINDS = [kind.value for kind in Kind if kind not in POINTS]
LABEL_SOURCES = ("figures.yml", "text", "table")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    constraints: dict[str, Any] | None = None


COLUMNS = (
    Column("id", "string", "Stable identifier: page, passage and position", {"unique": True}),
    Column("label", "string", "What the figure counts, in the edition's language"),
    Column("value", "number", "The number as written (7.89 in 7.89万个)"),
    Column("multiplier", "number", "What the written number is multiplied by (万 10000, 亿 1e8)"),
    Column("value_base", "number", "value × multiplier: the figure in base units (78900)"),
    Column("unit", "string", "Unit of value_base (个, 元, %; in English yuan, %, km²…)"),
    Column("second", "number", "A ratio's second term (4.36:1 → value 4.36, second 1)"),
    Column(
        "terms",
        "string",
        "A ratio's terms, all of them (13.2:32.3:54.5); value is its first, second its second",
    ),
    Column("kind", "string", "What sort of figure it is", {"enum": KINDS}),
    Column(
        "qualifier",
        "string",
        "exact, more_than (多/余/超过/以上), nearly (近), about (约/左右), less_than (不到/不足)",
        {"enum": [q.value for q in Qualifier]},
    ),
    Column("text", "string", "The figure as the edition writes it"),
    Column("section", "string", "The section that states it"),
    Column("sentence", "string", "The sentence that states it, in the edition's language"),
    Column("page", "string", "The page (file name without .md)"),
    Column("anchor", "string", "The passage on that page (#p-3)"),
    Column("url", "string", "Address of the passage that states it"),
    Column(
        "label_source",
        "string",
        "figures.yml: named by the editors; text: the words of the text around the figure; "
        "table: the row and column headers of the table that states it",
        {"enum": list(LABEL_SOURCES)},
    ),
)
NUMBERS = frozenset(c.name for c in COLUMNS if c.type == "number")
FIELD_NAMES = [c.name for c in COLUMNS]
# One JSON row: compact (json.dumps with these options would make a new encoder each time).
_ROW_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def file_names(slug: str, code: str) -> dict[str, str]:
    """The data files of one report in one edition, by kind."""
    return {
        "csv": f"{slug}.{code}.figures.csv",
        "json": f"{slug}.{code}.figures.json",
        "package": f"{slug}.{code}.datapackage.json",
    }


def english_unit(row: KeyFigure) -> str:
    if row.kind == Kind.MONEY.value:
        return row.currency or "yuan"
    return EN_KIND_UNITS.get(row.kind) or EN_MEASURES.get(row.measure, "")


def figure_label(row: KeyFigure, edition: Edition) -> tuple[str, str]:
    """What the figure counts in the edition's words, and the language it is in when that is
    not the edition's (a label not yet translated): the editor's label, else the text's own."""
    if row.label is None and row.headers and not edition.info.chinese:
        texts = [edition.text(header) for header in row.headers]
        names = [row_name(plain_text(texts[0].text)), english_name(plain_text(texts[1].text))]
        lang = next((t.lang for t in texts if t.lang), "")
        return SEPARATOR.join(n for n in names if n), lang
    if row.label is None:
        return edition.chinese(row.suggested_label), "" if edition.info.chinese else SOURCE.code
    text = edition.text(row.label)
    return plain_text(text.text), text.lang


def edition_row(row: KeyFigure, edition: Edition, page_url: str) -> dict[str, str]:
    """One figure as the edition states it; numbers as decimal text ("" when there is none)."""
    english = not edition.info.chinese
    label, _ = figure_label(row, edition)
    unit = english_unit(row) if english else edition.chinese(row.unit_zh)
    if english:
        text = row.text_en or row.reading_en
        section, sentence = row.section_en or row.section_zh, row.sentence_en
    else:
        text, section = edition.chinese(row.text_zh), edition.chinese(row.section_zh)
        sentence = edition.chinese(row.sentence_zh)
    return {
        "id": row.id,
        "label": label,
        "value": row.stated,
        "multiplier": row.multiplier,
        "value_base": row.value,
        "unit": unit,
        "second": row.second,
        "terms": row.terms,
        "kind": row.kind,
        "qualifier": row.qualifier,
        "text": text,
        "section": section,
        "sentence": sentence,
        "page": row.page,
        "anchor": row.anchor,
        "url": f"{page_url}{'' if row.page == 'index' else row.page + '/'}#{row.anchor}",
        "label_source": LABEL_SOURCES[0 if row.label else 2 if row.headers else 1],
    }


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    # A plain writer given each row's values in the columns' order: csv.DictWriter checks
    # every row's keys, and rows are edition_row's, which has every column and no other.
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELD_NAMES)
    writer.writerows([row[name] for name in FIELD_NAMES] for row in rows)
    # A byte-order mark, so that Excel opens the Chinese as UTF-8.
    return "\ufeff" + out.getvalue()


@lru_cache(maxsize=4096)  # each edition's data states the same numbers
def _number(text: str) -> int | float | None:
    if not text:
        return None
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def as_json_row(row: dict[str, str]) -> dict[str, Any]:
    return {name: _number(value) if name in NUMBERS else value for name, value in row.items()}


@dataclass(frozen=True)
class About:
    """What the data files say about the report in this edition's words."""

    title: str
    organisation: str
    description: str
    page_url: str  # the figures page
    licence: Notice | None
    licence_text: str


def to_json(report: Report, code: str, about: About, rows: list[dict[str, str]]) -> str:
    data = {
        "report": report.slug,
        "edition": code,
        "title": about.title,
        "organisation": about.organisation,
        "year": report.year,
        "published": report.published.isoformat() if report.published else None,
        "source": report.source.url or None,
        "licence": {"text": about.licence_text, "url": about.licence.url if about.licence else ""},
        "count": len(rows),
        "fields": {c.name: c.description for c in COLUMNS},
    }
    # One figure a line: compact, and still readable and diffable.
    lines = [_ROW_JSON.encode(as_json_row(r)) for r in rows]
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    return head + ',\n "figures": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def datapackage(
    report: Report, code: str, about: About, tables: tuple[dict[str, Any], ...] = ()
) -> str:
    """The Data Package descriptor of the edition's CSV (Frictionless Data Package v1), and of
    the report's tables (`tables`: their resources)."""
    names = file_names(report.slug, code)
    fields = []
    for column in COLUMNS:
        field: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "description": column.description,
        }
        if column.name == "url":
            field["format"] = "uri"
        if column.constraints:
            field["constraints"] = column.constraints
        fields.append(field)
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": f"{report.slug}-figures-{code}".lower(),
        "title": about.title,
        "description": about.description,
        "homepage": about.page_url,
        "contributors": [{"title": about.organisation, "role": "publisher"}],
    }
    if about.licence is not None and about.licence.url:
        package["licenses"] = [{"path": about.licence.url, "title": about.licence_text}]
    if report.source.url:
        package["sources"] = [{"title": about.organisation, "path": report.source.url}]
    package["resources"] = [
        {
            "name": "figures",
            "path": names["csv"],
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "schema": {"fields": fields, "primaryKey": "id", "missingValues": [""]},
        },
        *tables,
    ]
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def edition_files(
    report: Report, rows: list[KeyFigure], edition: Edition, report_url: str, about: About
) -> dict[str, str]:
    """The data files of one report in one edition (name → text); `report_url` is the address of
    the report in this edition (its folder, ending in /)."""
    table = [edition_row(row, edition, report_url) for row in rows]
    names = file_names(report.slug, edition.info.code)
    tables = table_files(report, edition)
    resources = tuple(t.resource for t in tables)
    return {
        names["csv"]: to_csv(table),
        names["json"]: to_json(report, edition.info.code, about, table),
        names["package"]: datapackage(report, edition.info.code, about, resources),
        **{t.name: t.text for t in tables},
    }
