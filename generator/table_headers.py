"""What a table cell's number counts, read from its table: the row's header (its first cell),
the column's header (the first row) and the unit the column header states.

A statistical communiqué's tables write the unit once, in the column header: `绝对数（亿元）`,
`比上年增长%`, `比上年增长 (%)`; or in a column of their own (`| 指标 | 单位 | 绝对数 |`). The cell
`2313.0` under `绝对数（亿元）` in the row `地区生产总值` is 2313.0亿元 of 地区生产总值 · 绝对数.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.cjk import HAN
from generator.figures import extract_zh
from generator.markdown_text import plain_text
from generator.model import Block, BlockKind, Segment

SEPARATOR = " · "
# A unit at the end of a header: in brackets (亿元), （%）, or a bare % or ‰.
_UNIT = re.compile(
    r"\s*(?:[（(]\s*(?:单位[：:])?\s*(?P<bracketed>[^（）()]{1,8}?)\s*[)）]|(?P<bare>[%‰]))\s*$"
)
# What opens a row header without naming it: 其中：第一产业, #制造业, 　　工业.
_ROW_OPENING = re.compile(r"^(?:\s|其中[：:]?|内[：:]|Of which[：:]?|#|＃)+", re.IGNORECASE)
_SPACED = re.compile(rf"(?<=[{HAN}])[\s\u3000]+(?=[{HAN}])")
_UNIT_COLUMN = frozenset({"单位", "计量单位"})


@dataclass(frozen=True)
class CellHeaders:
    """The headers of a body cell: its row's and column's header cells, their names (the
    column's without its unit) and the unit the cell's number is counted in ("" if none)."""

    row: Segment
    column: Segment
    row_name: str
    column_name: str
    unit: str

    @property
    def label(self) -> str:
        return SEPARATOR.join(name for name in (self.row_name, self.column_name) if name)


def header_name(text: str) -> str:
    """A header as a name: spaces set between its characters taken out (指　　标 → 指标)."""
    return _SPACED.sub("", text.strip())


def split_unit(header: str) -> tuple[str, str]:
    """A column header's name and the unit it states: 绝对数（亿元） → (绝对数, 亿元)."""
    match = _UNIT.search(header)
    if match is None:
        return header_name(header), ""
    unit = _readable((match["bracketed"] or match["bare"]).strip())
    if not unit:
        return header_name(header), ""
    return header_name(header[: match.start()]), unit


def _readable(unit: str) -> str:
    """`unit` if a number can be counted in it (1亿元 reads as one figure), else ""."""
    found = extract_zh(f"1{unit}")
    return unit if len(found) == 1 and found[0].text == f"1{unit}" else ""


def is_header_cell(block: Block, index: int) -> bool:
    """Whether `block.segments[index]` is a table's header cell (its first row or column),
    which names figures rather than states one."""
    if block.kind is not BlockKind.TABLE or block.columns < 2:
        return False
    row, column = divmod(index, block.columns)
    return row == 0 or column == 0


def cell_headers(block: Block, index: int) -> CellHeaders | None:
    """The headers of the table cell `block.segments[index]`; None for a header cell (the first
    row, the first column) or a block that is no table."""
    width = block.columns
    if block.kind is not BlockKind.TABLE or width < 2 or is_header_cell(block, index):
        return None
    row, column = divmod(index, width)
    heads = [plain_text(s.text) for s in block.segments[:width]]
    cells = [plain_text(s.text) for s in block.segments[row * width : (row + 1) * width]]
    name, unit = split_unit(heads[column])
    if not unit:
        unit_column = next((i for i, h in enumerate(heads) if header_name(h) in _UNIT_COLUMN), None)
        if unit_column is not None and unit_column != column:
            unit = _readable(cells[unit_column].strip())
    return CellHeaders(
        row=block.segments[row * width],
        column=block.segments[column],
        row_name=row_name(cells[0]),
        column_name=name,
        unit=unit,
    )


def row_name(header: str) -> str:
    """A row header as a name: 其中：第一产业 → 第一产业."""
    return header_name(_ROW_OPENING.sub("", header))


def english_name(header: str) -> str:
    """A column header's English without the unit it states: `Value (100 million yuan)` →
    `Value`."""
    match = _EN_UNIT.search(header)
    return header[: match.start()].strip() if match and match.start() else header.strip()


_EN_UNIT = re.compile(r"\s*(?:[（(][^（）()]*[)）]|[%‰])\s*$")
