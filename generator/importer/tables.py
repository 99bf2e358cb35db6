"""Table rows → a table, and a table → a Markdown (GFM) table the loader reads back.

Statistical communiqués carry their tables as lines of cells separated by TABs (copied from a
spreadsheet or a web page) or by `|` (`| 指标 | 绝对数 | 比上年增长% |`, with or without the
outer bars, `｜` too). Two or more such lines in a row are a table; its first row is the header
(as the loader and the site treat it). A Markdown rule row (`| --- | --- |`) is the source's own
table syntax, not text: it is dropped and listed. A row with fewer cells than the widest is padded
with empty cells and reported, because a Markdown table would otherwise drop the cells beyond the
header's width (and lose text).
"""

from __future__ import annotations

import re

from generator.importer.document import Line, Table
from generator.importer.findings import Findings
from generator.markdown_text import escape

_BARS = "|｜"
_BAR = re.compile(r"[|｜]")
_RULE = re.compile(r"^[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?$")


def is_row(text: str) -> bool:
    return "\t" in text or bar_cells(text) is not None


def is_rule(text: str) -> bool:
    """`| --- | :---: |`: the line under a Markdown table's header."""
    return bool(_RULE.match(text)) and any(bar in text for bar in _BARS)


def bar_cells(text: str) -> list[str] | None:
    """The cells of a `|` row (outer bars optional), or None when the line is not one: at least
    two cells, not all empty."""
    if not _BAR.search(text):
        return None
    inner = text.strip()
    if inner[:1] in _BARS:
        inner = inner[1:]
    if inner[-1:] in _BARS:
        inner = inner[:-1]
    cells = [cell.strip() for cell in _BAR.split(inner)]
    if len(cells) < 2 or not any(cells):
        return None
    return cells


def cells(text: str, tabs: bool) -> tuple[str, ...]:
    """The cells of a row of a table whose cells are separated by TABs (`tabs`) or bars."""
    if tabs:
        return tuple(cell.strip() for cell in text.split("\t"))
    return tuple(bar_cells(text) or (text.strip(),))


def read_table(lines: list[Line], findings: Findings | None = None) -> Table:
    """One separator a table: TABs when any row has one (a `|` in a cell is then text)."""
    tabs = any("\t" in line.text for line in lines)
    rows = [cells(line.text, tabs) for line in lines]
    width = max(len(row) for row in rows)
    if not tabs and len(rows[0]) == width - 1 and all(len(row) == width for row in rows[1:]):
        # The header of the row names' column is empty on the page; a copy with bars lost it.
        rows[0] = ("", *rows[0])
        if findings is not None:
            findings.warn(
                lines[0].number,
                lines[0].col,
                f"this table's header has {width - 1} cells, its rows {width}: an empty cell is "
                "put first, over the rows' names",
                "if a header cell is missing elsewhere, add it in the source and import again",
            )
    if findings is not None:
        for line, row in zip(lines, rows, strict=True):
            if len(row) != width:
                findings.warn(
                    line.number,
                    line.col,
                    f"this table row has {len(row)} cells, the widest row has {width}",
                    f"separate every cell by one {'TAB' if tabs else '|'}; "
                    "the missing cells are imported empty",
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
