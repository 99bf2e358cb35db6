"""A printed page's layout in a copied text: page numbers, running heads, and lines broken at the
page's width.

Text copied out of a PDF (or a Word document printed to one) keeps what the printed page had
and the report has not: a page number between pages (`- 3 -`, `— 3 —`, `第 3 页 共 12 页`), the
running head or foot repeated on every page (`2026年云南省政府工作报告`), and a line break
wherever the printed line ended, every 28 characters or so, mid-sentence and mid-heading; some
tools put a blank line after every line too. Here:

- page numbers, and the short lines that stand first or last on two or more pages beside them
  (running heads and feet), are dropped and listed (`page number`, `running head`);
- when most lines are about as wide as the widest (a text broken at a page's width), a line
  that fills the width goes on in the next line: they are joined back into one line of text,
  across a page break too, unless the next line opens a block of its own (a numbered heading,
  an appendix, a table row, a salutation). Blank lines mean nothing in a text that has one after
  every line;
- in any text, a line that is only the start of a number (`（`, `（三`) goes on in the next one
  (`三）改革开放持续深化…` → `（三）改革开放…`).

Every join is one the no-loss proof allows (`Outline.line_joins`) and the outline lists; a text
whose lines were joined at its width gets one warning saying so.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from generator.importer.document import Line, joined
from generator.importer.findings import Findings, Removal
from generator.importer.frame import ADDRESS_LINE, CAPTION
from generator.importer.numbering import numbering_of
from generator.importer.tables import is_row

PAGE_NUMBER = "page number"
RUNNING_HEAD = "running head"

_DASHES = "-—–－‒―⸺"
_PAGE_NUMBER = re.compile(
    rf"^(?:[{_DASHES}]\s*\d{{1,4}}\s*[{_DASHES}]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
MAX_HEAD = 40  # a running head or foot is a short line
MIN_WIDTH = 12  # lines narrower than this tell nothing about the page's width
MIN_PAGE = 20  # a page's line holds at least about this many characters
MAX_WIDTH = 48  # a page's line holds at most about this many characters
FIRST_INDENT = 2  # a paragraph's first line starts two characters in
WIDTH_SLACK = 1.5  # this close to the width fills it (punctuation hangs, digits are narrow)
FULL_SLACK = 0.25  # a line ending a sentence goes on only when it is full
MAX_SALUTATION = 20  # `各位代表：` alone on its line
MIN_WRAPPED = 5  # lines at the width, at least…
MIN_DISTINCT = 3  # …of which this many different ones…
WRAPPED_SHARE = 0.3  # …and this share of the lines, for a text broken at a page's width
DOUBLE_SPACED = 0.7  # a blank line after this share of lines means nothing
_NUMBER_START = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{0,3}|第[一二三四五六七八九十]{0,3})$"
)
_SENTENCE_END = "。！？!?"
_CLOSING = "，。、；：！？）》」』”’,.;:!?)]"
_APPENDIX = re.compile(r"^(?:附件|附录|附表)\s*[0-9０-９一二三四五六七八九十]*(?:[：:\s]|$)")


@dataclass
class Layout:
    """The lines (None for a blank one) with the page furniture taken out and broken lines
    joined, what was removed, and the (line, next line) pairs joined."""

    lines: list[Line | None]
    removals: list[Removal] = field(default_factory=list)
    joins: set[tuple[int, int]] = field(default_factory=set)
    width: float = 0  # the page's width in characters, when the text was broken at it


def read_layout(lines: list[Line | None], findings: Findings) -> Layout:
    layout = Layout(list(lines))
    _drop_page_furniture(layout, findings)
    layout.width = page_width([line for line in layout.lines if line is not None])
    layout.lines = _join_broken(layout)
    if layout.width and layout.joins:
        first = min(layout.joins)[0]
        findings.warn(
            first,
            1,
            f"the text seems broken at a page's width (about {layout.width:g} characters a "
            f"line, as copied from a PDF): {len(layout.joins)} lines that fill the width were "
            "joined to the line after them",
            "check the outline (report-site import FILE --dry-run); where a paragraph was "
            "joined to the next, put a blank line between them in the source",
        )
    return layout


def display_width(text: str) -> float:
    """Width in Chinese characters: a Latin letter, a digit or ASCII punctuation is half one
    (quotation marks and dashes, of ambiguous width elsewhere, are whole ones in Chinese)."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def page_width(lines: list[Line]) -> float:
    """The width a text was broken at (0 when it was not): most lines are as wide as that, or
    a character narrower (a line never ends with an opening bracket, so it breaks early)."""
    texts = [line.text for line in lines if len(line.text) >= MIN_WIDTH]
    widths = [(text, display_width(text)) for text in texts]
    counts = Counter(round(w) for _, w in widths if w <= MAX_WIDTH)
    if not counts:
        return 0
    width = max(w for w, n in counts.items() if n >= max(counts.values()) / 2)
    # Lines as wide as a page's, broken mid-sentence, not one line repeated.
    near = [text for text, w in widths if width - FIRST_INDENT - WIDTH_SLACK <= w <= width + 1]
    broken = sum(1 for text in near if text[-1] not in _SENTENCE_END + "：:；;")
    if (
        width < MIN_PAGE
        or broken < MIN_WRAPPED
        or len(set(near)) < MIN_DISTINCT
        or len(near) < WRAPPED_SHARE * len(lines)
    ):
        return 0
    return width


def _drop_page_furniture(layout: Layout, findings: Findings) -> None:
    items = [k for k, line in enumerate(layout.lines) if line is not None]
    numbers = [k for k in items if _PAGE_NUMBER.match(_text(layout, k))]
    if not numbers:
        return
    # Lines first and last on a page: first in the file, and beside each page number.
    edges: list[int] = [items[0], items[-1]]
    for k in numbers:
        at = items.index(k)
        edges += [items[j] for j in (at - 1, at + 1) if 0 <= j < len(items)]
    counts = Counter(_text(layout, k) for k in edges if k not in numbers)
    heads = {text for text, n in counts.items() if n >= 2 and len(text) <= MAX_HEAD}
    gone: set[int] = set()
    for k in items:
        text = _text(layout, k)
        head = k in edges and text in heads
        reason = PAGE_NUMBER if k in numbers else RUNNING_HEAD if head else ""
        if reason:
            line = layout.lines[k]
            assert line is not None
            layout.removals.append(
                Removal(line.number, findings.file_col(line.number, line.col), text, reason, True)
            )
            gone.add(k)
    # Taken out, not left blank: a paragraph goes on across the page break.
    layout.lines = [line for k, line in enumerate(layout.lines) if k not in gone]


def _text(layout: Layout, k: int) -> str:
    line = layout.lines[k]
    return line.text if line is not None else ""


def _join_broken(layout: Layout) -> list[Line | None]:
    lines = layout.lines
    items = [k for k, line in enumerate(lines) if line is not None]
    gaps = sum(1 for a, b in itertools.pairwise(items) if b > a + 1)
    double_spaced = len(items) > 2 and gaps >= DOUBLE_SPACED * (len(items) - 1)
    out: list[Line | None] = []
    run: list[Line] = []
    blank = False  # a blank line was passed over inside the run
    for line in lines:
        if line is None:
            if run and ((layout.width and double_spaced) or _opens_number(run[-1])):
                blank = True
                continue
            _flush(run, out, layout)
            out.append(None)
            blank = False
        elif run and not _goes_on(run[-1], line, layout.width, len(run) == 1):
            _flush(run, out, layout)
            out += [None] if blank else []
            blank = False
            run.append(line)
        else:
            run.append(line)
    _flush(run, out, layout)
    return out


def _flush(run: list[Line], out: list[Line | None], layout: Layout) -> None:
    if not run:
        return
    if len(run) == 1:
        out.append(run[0])
    else:
        line = joined(run)
        numbers = [piece.number for piece in line.pieces()]
        layout.joins.update((a, b) for a, b in itertools.pairwise(numbers) if a != b)
        out.append(line)
    run.clear()


def _opens_number(line: Line) -> bool:
    return bool(_NUMBER_START.match(line.text))


def _goes_on(line: Line, after: Line, width: float, first: bool) -> bool:
    """Does `after` go on with the text of `line` (a line broken at the page's width, or
    the start of a number broken from the rest)? A paragraph's `first` line is indented by
    two characters, so it fills the width two characters early."""
    if _opens_number(line):
        return True
    # A heading fits its line more often than it breaks: only a full one goes on.
    indent = FIRST_INDENT if first and not numbering_of(line.text) else 0
    if not width or display_width(line.text) < width - indent - WIDTH_SLACK:
        return False
    if (ADDRESS_LINE.match(line.text) and len(line.text) <= MAX_SALUTATION) or CAPTION.search(
        line.text
    ):
        return False
    if line.text[-1] in _SENTENCE_END and display_width(line.text) < width - indent - FULL_SLACK:
        return False  # a paragraph's last line: a sentence ends before the line is full
    text = after.text
    if text[0] in _CLOSING:
        return True
    return not (
        numbering_of(text)
        or _APPENDIX.match(text)
        or is_row(text)
        or ADDRESS_LINE.match(text)
        or _PAGE_NUMBER.match(text)
    )
