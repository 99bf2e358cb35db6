"""A report's tables as resources of its data package, per edition: each table a CSV whose header
row gives the field names, its columns of numbers typed as numbers. A statistical communiqué's
table (指标 | 绝对数（亿元） | 比上年增长%) is data in its own right: a data user wants it as the
report prints it, not only cell by cell among the figures.

File names say report, edition, page and passage:
`bengbu-stats-2024.zh-Hans.table-01-zonghe-t-1.csv`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Any

from generator.editions import Edition
from generator.markdown_text import plain_text
from generator.model import Block, BlockKind, Report
from generator.table_headers import header_name

# What a statistical table writes in a cell that has no value.
MISSING = ("", "-", "—", "…", "...")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_TITLE_LENGTH = 60


@dataclass(frozen=True)
class TableFile:
    name: str
    text: str
    resource: dict[str, Any]


def _field_names(cells: list[str]) -> list[str]:
    """The header row as field names: unique and never blank (an empty header cell is named by
    its column's number)."""
    names: list[str] = []
    for i, cell in enumerate(cells, 1):
        name = header_name(re.sub(r"\s+", " ", cell)) or f"column {i}"
        while name in names:
            name = f"{name} ({i})"
        names.append(name)
    return names


def _title(blocks: tuple[Block, ...], at: int, edition: Edition) -> str:
    """The table's caption: the short paragraph right before it, if there is one."""
    if at == 0 or blocks[at - 1].kind is not BlockKind.PARAGRAPH:
        return ""
    text = plain_text(edition.text(blocks[at - 1].segments[0]).text).strip()
    return text if len(text) <= _TITLE_LENGTH and not re.search(r"[。；.;]$", text) else ""


def _table_file(report: Report, page: str, block: Block, edition: Edition, title: str) -> TableFile:
    rows = [[plain_text(edition.text(s).text).strip() for s in row] for row in block.rows()]
    names = _field_names(rows[0])
    body = rows[1:]
    fields = []
    for i, name in enumerate(names):
        values = [row[i] for row in body if i < len(row) and row[i] not in MISSING]
        numeric = i > 0 and bool(values) and all(_NUMBER.match(v) for v in values)
        fields.append({"name": name, "type": "number" if numeric else "string"})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(body)
    stem = f"table-{page}-{block.anchor}".lower()
    name = f"{report.slug}.{edition.info.code}.{stem}.csv"
    resource: dict[str, Any] = {"name": stem, "path": name}
    if title:
        resource["title"] = title
    resource |= {
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": {"fields": fields, "missingValues": list(MISSING)},
    }
    # A byte-order mark, so that Excel opens the Chinese as UTF-8.
    return TableFile(name, "\ufeff" + out.getvalue(), resource)


def table_files(report: Report, edition: Edition) -> list[TableFile]:
    """Every table of the report with a header row and a body, as the edition writes it."""
    files = []
    for page in report.pages:
        for at, block in enumerate(page.blocks):
            if block.kind is BlockKind.TABLE and block.columns >= 2 and len(block.rows()) >= 2:
                title = _title(page.blocks, at, edition)
                files.append(_table_file(report, page.slug, block, edition, title))
    return files
