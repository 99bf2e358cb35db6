"""The importer's value types: a report's lines, the blocks they form, and its outline.

`blocks` turns lines into paragraphs, tables and marks (lines that may open a section);
`outline` gives the marks their levels and the blocks their sections; `writer` renders the
outline; `lint` judges its numbering. They share these types and nothing else.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from generator.importer.numbering import Numbering

_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Line:
    """One line of the source: its 1-based `number`, its text without surrounding white space,
    and the 1-based column that text starts at (for messages). A line broken by a page's width
    and joined back (see `layout`) is one `Line` whose `parts` are the source lines it joins."""

    number: int
    text: str
    col: int = 1
    parts: tuple[Line, ...] = ()

    def pieces(self) -> tuple[Line, ...]:
        """The source lines (or pieces of one) this line is made of."""
        return self.parts or (self,)

    def tail(self, start: int) -> Line:
        """The line from character `start` of its text on, with its own place in the source."""
        pieces: list[Line] = []
        at = 0
        for piece in self.pieces():
            end = at + len(piece.text)
            if end > start:
                cut = max(start - at, 0)
                pieces.append(Line(piece.number, piece.text[cut:], piece.col + cut))
            at = end
        if len(pieces) == 1:
            return pieces[0]
        return Line(pieces[0].number, self.text[start:], pieces[0].col, tuple(pieces))


def joined(parts: list[Line]) -> Line:
    """Source lines that make one line of text, joined as they are (no separator added)."""
    pieces = tuple(piece for part in parts for piece in part.pieces())
    return Line(pieces[0].number, "".join(p.text for p in pieces), pieces[0].col, pieces)


def join_texts(texts: list[str]) -> str:
    """Lines of one paragraph broken in the source (`…PM` / `2.5` / `年平均浓度…`) joined as the
    reader sees them: directly, except for a space between two Latin words."""
    out = ""
    for text in texts:
        if out and text and _LATIN.match(out[-1]) and _LATIN.match(text[0]):
            out += " "
        out += text
    return out


@dataclass(frozen=True)
class Paragraph:
    """A paragraph over one or more source lines. `numbering` is set for a numbered entry that
    is not a heading: a note (`［1］…`) or a glossary entry (`1.“四上”企业：` + its definition)."""

    lines: tuple[Line, ...]
    numbering: Numbering | None = None

    @property
    def text(self) -> str:
        return join_texts([line.text for line in self.lines])

    @property
    def line(self) -> Line:
        return self.lines[0]


@dataclass(frozen=True)
class Table:
    """Rows of cells (TAB-separated in the source), the first row the header; every row has
    the same number of cells."""

    rows: tuple[tuple[str, ...], ...]
    lines: tuple[Line, ...]

    @property
    def line(self) -> Line:
        return self.lines[0]


Block = Paragraph | Table


@dataclass(frozen=True)
class Mark:
    """A line (or the start of one) that opens a section. `kind` is a numbering scheme
    (`cn-comma`, `run-in`, …), `back` (an appendix or the notes: 附件1, 注释), `series:<key>`
    (unnumbered headings that start alike: 这一年，…) or `lead` (a short unnumbered heading)."""

    kind: str
    text: str
    line: Line
    numbering: Numbering | None = None


@dataclass
class Heading:
    """A section heading with its level (1 = a page of its own) and the blocks under it.
    `previous` is the heading before it in the same numbered list, `restarts` the open list
    whose numbering it starts again (both for `lint`)."""

    scheme: str
    level: int
    text: str
    line: int
    body: list[Block] = field(default_factory=list)
    col: int = 1
    numbering: Numbering | None = None
    previous: Heading | None = field(default=None, repr=False, compare=False)
    restarts: Heading | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Found:
    """A value report.yml takes from the text, and the line it was read from (0: not from a
    line, and `how` says where from: the file name, an option)."""

    value: str
    line: int = 0
    how: str = ""


@dataclass(frozen=True)
class Notice:
    """A notice delivering the report (`关于印发《X》的通知`, see `covering`): the name it gives the
    document, its title line (None when only a disclosure record gives it), the document's own
    title line when the text repeats it, and the body signing the notice or named before `关于`
    in its title."""

    name: Found
    title: Line | None
    inner: Line | None = None
    signer: Found | None = None
    issuer: Found | None = None


@dataclass
class Outline:
    """A report: its title line (None when the text has none), the blocks before the first
    heading (the preamble), its headings in reading order, and the report.yml fields read from
    the page around it (subtitle, speaker, published, url, and a disclosure record's title and
    publisher)."""

    title: Line | None
    preamble: list[Block]
    headings: list[Heading]
    fields: dict[str, Found] = field(default_factory=dict)
    split_lines: set[int] = field(default_factory=set)  # lines that had lost their breaks
    # (line, next line) of the source lines joined into one line of text (see `layout`).
    line_joins: set[tuple[int, int]] = field(default_factory=set)
    notice: Notice | None = None  # the notice the report was delivered with

    def title_lines(self) -> list[int]:
        """The source lines of a title the first page shows before text that stands above it
        in the source (a document's own title, below the notice delivering it)."""
        if self.notice is None or self.notice.inner is None:
            return []
        return [piece.number for piece in self.notice.inner.pieces()]

    def bar_rows(self) -> set[int]:
        """The source lines read as rows of a `|` table: their bars separate cells, as the
        no-loss proof is told."""
        return {
            line.number
            for blocks in [self.preamble, *(h.body for h in self.headings)]
            for block in blocks
            if isinstance(block, Table) and not any("\t" in line.text for line in block.lines)
            for line in block.lines
        }

    def joins(self) -> set[tuple[int, int]]:
        """(line, next line) of every pair of source lines the import joined into one paragraph
        (a sentence broken over lines): the joins the no-loss proof allows."""
        out: set[tuple[int, int]] = set()
        for blocks in [self.preamble, *(h.body for h in self.headings)]:
            for block in blocks:
                if isinstance(block, Paragraph):
                    numbers = [piece.number for line in block.lines for piece in line.pieces()]
                    out.update((a, b) for a, b in itertools.pairwise(numbers) if a != b)
        return out | self.line_joins
