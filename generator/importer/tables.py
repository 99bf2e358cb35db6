"""TAB-separated lines → a table, and a table → a Markdown (GFM) table the loader reads back.

Statistical communiqués carry their tables as lines of TAB-separated cells. Two or more such
lines in a row are a table; its first row is the header (as the loader and the site treat it).
A row with fewer cells than the widest is padded with empty cells and reported, because a
Markdown table would otherwise drop the cells beyond the header's width (and lose text).
"""

from __future__ import annotations

from generator.importer.document import Line, Table
from generator.importer.findings import Findings
from generator.markdown_text import escape


def is_row(text: str) -> bool:
    return "\t" in text


def read_table(lines: list[Line], findings: Findings | None = None) -> Table:
    rows = [tuple(cell.strip() for cell in line.text.split("\t")) for line in lines]
    width = max(len(row) for row in rows)
    if findings is not None:
        for line, row in zip(lines, rows, strict=True):
            if len(row) != width:
                findings.warn(
                    line.number,
                    line.col,
                    f"this table row has {len(row)} cells, the widest row has {width}",
                    "separate every cell by one TAB; the missing cells are imported empty",
                )
    padded = tuple(row + ("",) * (width - len(row)) for row in rows)
    return Table(padded, tuple(lines))


def table_markdown(table: Table) -> str:
    """`| 产品名称 | 计量单位 |` / `| --- | --- |` / …: every cell escaped, so a `|` or `*` in a
    cell stays text."""
    rows = [_row(cells) for cells in table.rows]
    rule = "| " + " | ".join("---" for _ in table.rows[0]) + " |"
    return "\n".join([rows[0], rule, *rows[1:]])


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"
