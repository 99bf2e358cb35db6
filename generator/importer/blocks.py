"""The report's text (the lines `frame` leaves) → a flat run of marks and blocks.

This is where the reading of a plain-text report happens, line by line:

- a **numbered line** (`一、`, `（一）`, `1.`, `一是`, …) opens a section; a heading run into its
  paragraph (`（一）强化创新驱动发展，…明显。提升科技…`) is split after its first sentence; a
  numbered line without a short first sentence is a numbered paragraph (a clause), and so are
  the lines numbered on after it (`一、根据…制定本规则。` `二、…` `三、…`);
- **back matter** (`附件1` with the appendix title on the next line, `注释`, `名词解释`) opens a
  top-level section, whose numbering starts afresh;
- a **note** (`［1］一降三减：`), or in an appendix a **glossary entry** (`1.“四上”企业：`), with
  its definition on the next line is one paragraph, not a heading;
- a **sentence broken over lines** (`…发展的` / `主要目标` / `是：…`, `…PM` / `2.5` / `年…`) is
  joined into one paragraph, so no fragment ever becomes a paragraph or heading of its own; a
  photo caption (`…宁夏日报记者 王鼎 摄`) and a salutation (`各位代表：`) are never joined;
- lines of cells (TAB- or `|`-separated) are a **table**; a Markdown rule row under its header
  is dropped and listed;
- short unnumbered lines can be headings too (see `unnumbered`).

Which level each mark gets is `outline`'s business.
"""

from __future__ import annotations

import re

from generator.importer.document import Block, Line, Mark, Paragraph
from generator.importer.findings import Findings, Removal
from generator.importer.frame import ADDRESS_LINE, CAPTION, MAX_TITLE, TERMINAL
from generator.importer.numbering import Numbering, numbering_of
from generator.importer.tables import is_row, is_rule, read_table
from generator.importer.unnumbered import find_unnumbered_headings

MAX_LEAD = 60  # a numbered heading's first sentence ends within this many characters
MAX_TERM = 40  # a glossary term (`1.“四上”企业：`) is at most this long
MAX_FRAGMENT = 12  # a line this short without end punctuation continues the line before
MAX_CUT = 24  # a longer line without end punctuation was cut short, if a fragment follows
MAX_BROKEN = 8  # lines of one sentence broken over lines, at most

_UNFINISHED = "的之和与及或在对把将被为从向以于是"  # a sentence does not end with these
_LEAD_END = re.compile(r"[。：:]")
_OPENING = "（(【［["
_CLOSING = "）)】］]"
_APPENDIX = re.compile(
    r"^(?:附件|附录|附表)\s*[0-9０-９一二三四五六七八九十]*(?:[：:\s]\s*[^。]{1,40})?$"
)
_BACK = re.compile(r"^(?:注释|注解|名词解释|参考文献)[：:]?$")
_ENTRY_SCHEMES = ("arabic-dot", "arabic-comma", "arabic-paren")


def split_lead(text: str) -> tuple[str, str]:
    """`一是坚持德育为先。将疫情…` → (`一是坚持德育为先。`, `将疫情…`); a line that is all lead
    stays whole. A 。 or ： inside brackets ends no lead: `1.做好党建工作（牵头单位：市教育局）`
    is one heading, its responsibility note included."""
    depth = 0
    for at, ch in enumerate(text[:MAX_LEAD]):
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
        elif not depth and _LEAD_END.match(ch):
            return text[: at + 1], text[at + 1 :]
    return text, ""


def to_lines(raw: list[str]) -> list[Line | None]:
    """Non-blank source lines as `Line`s; None for a blank line (it ends a broken sentence)."""
    out: list[Line | None] = []
    for number, text in enumerate(raw, 1):
        stripped = text.strip()
        col = len(text) - len(text.lstrip()) + 1
        out.append(Line(number, stripped, col) if stripped else None)
    return out


def read_blocks(lines: list[Line | None], findings: Findings) -> list[Mark | Block]:
    """The marks and blocks of the report's text, in reading order."""
    return find_unnumbered_headings(_Reader(lines, findings).read())


class _Reader:
    """One pass over the lines; `at` is the index of the next line to read."""

    def __init__(self, lines: list[Line | None], findings: Findings):
        self.lines = lines
        self.findings = findings
        self.at = 0
        self.in_back_matter = False  # glossary entries are recognised in appendices only
        # Numbered paragraphs (clauses) by scheme: the last one's number, and the first line.
        self.clauses: dict[str, tuple[Numbering, Line]] = {}

    def peek(self, ahead: int = 0, skip_blank: bool = True) -> Line | None:
        i = self.at
        seen = -1
        while i < len(self.lines):
            line = self.lines[i]
            if line is None and not skip_blank:
                return None
            if line is not None:
                seen += 1
                if seen == ahead:
                    return line
            i += 1
        return None

    def take(self) -> Line:
        while self.lines[self.at] is None:
            self.at += 1
        line = self.lines[self.at]
        assert line is not None
        self.at += 1
        return line

    def read(self) -> list[Mark | Block]:
        items: list[Mark | Block] = []
        while self.peek() is not None:
            items += self.read_item()
        return items

    def read_item(self) -> list[Mark | Block]:
        line = self.peek()
        assert line is not None
        text = line.text
        if is_row(text) and (after := self.peek(1, skip_blank=False)) and is_row(after.text):
            return self.read_table()
        if _APPENDIX.match(text) or _BACK.match(text):
            return [self.read_back_matter()]
        numbering = numbering_of(text)
        if numbering and (numbering.scheme == "note" or self.is_entry(line, numbering.scheme)):
            return [self.read_entry()]
        if numbering:
            self.take()
            lead, rest = split_lead(text)
            clauses = self.clauses.get(numbering.scheme)
            goes_on = clauses is not None and numbering.value == clauses[0].value + 1
            first = clauses[1] if clauses is not None and goes_on else line
            if not rest and len(text) > MAX_TITLE:
                self.warn_unplaced(line)
                self.clauses[numbering.scheme] = (numbering, first)
                return [Paragraph((line,))]
            if goes_on:
                self.warn_clause(line, numbering, first)
                self.clauses[numbering.scheme] = (numbering, first)
                return [Paragraph((line,))]
            self.clauses.pop(numbering.scheme, None)
            mark = Mark(numbering.scheme, lead, line, numbering)
            if not rest:
                return [mark]
            return [mark, Paragraph((line.tail(len(lead)),))]
        return [self.read_paragraph()]

    def is_entry(self, line: Line, scheme: str) -> bool:
        """`1.“四上”企业：` over its definition, in an appendix: a glossary entry, not a heading
        (in the body, `（1）总体要求：` over a paragraph is a heading)."""
        after = self.peek(1)
        return (
            self.in_back_matter
            and scheme in _ENTRY_SCHEMES
            and line.text[-1] in "：:"
            and len(line.text) <= MAX_TERM
            and after is not None
            and not _plain_break(after.text)
        )

    def read_entry(self) -> Paragraph:
        term = self.take()
        numbering = numbering_of(term.text)
        after = self.peek()
        if term.text[-1] in "：:" and after is not None and not _plain_break(after.text):
            return Paragraph((term, self.take()), numbering)
        return Paragraph((term,), numbering)

    def read_back_matter(self) -> Mark:
        self.in_back_matter = True
        line = self.take()
        title = self.peek()
        if (
            _APPENDIX.match(line.text)
            and title is not None
            and len(title.text) <= MAX_TITLE // 2
            and title.text[-1] not in TERMINAL
            and not numbering_of(title.text)
            and not _APPENDIX.match(title.text)
            and not is_row(title.text)
        ):
            self.take()
            return Mark("back", f"{line.text} {title.text}", line)
        return Mark("back", line.text, line)

    def read_table(self) -> list[Mark | Block]:
        """Rows up to the first line that is not one; a Markdown rule row is dropped (listed)."""
        rows = [self.take()]
        while (row := self.peek(skip_blank=False)) is not None and is_row(row.text):
            rows.append(self.take())
        for rule in (row for row in rows if is_rule(row.text)):
            file_col = self.findings.file_col(rule.number, rule.col)
            self.findings.remove(
                Removal(rule.number, file_col, rule.text, "table rule", at=rule.col)
            )
        cells = [row for row in rows if not is_rule(row.text)]
        if len(cells) < 2:
            return [Paragraph((row,)) for row in cells]
        return [read_table(cells, self.findings)]

    def read_paragraph(self) -> Paragraph:
        """A plain line, and the lines that continue a sentence it leaves unfinished."""
        parts = [self.take()]
        while (
            len(parts) < MAX_BROKEN
            and (more := self.peek(skip_blank=False)) is not None
            and _continues(parts[-1].text, more.text, len(parts) > 1)
        ):
            parts.append(self.take())
        return Paragraph(tuple(parts))

    def warn_clause(self, line: Line, numbering: Numbering, first: Line) -> None:
        self.findings.warn(
            line.number,
            line.col,
            f"{numbering.label} goes on from the numbered paragraphs that start at line "
            f"{first.number}; it is kept as a paragraph like them",
            "if it opens a section, put its heading on a line of its own",
        )

    def warn_unplaced(self, line: Line) -> None:
        self.findings.warn(
            line.number,
            line.col,
            "this numbered line has no short heading (no 。 or ： in its first "
            f"{MAX_LEAD} characters); it is kept as a paragraph",
            "if it opens a section, end the heading with 。 or put it on a line of its own",
        )


def _continues(text: str, more: str, in_sentence: bool) -> bool:
    """Does `more` continue the sentence `text` leaves unfinished? Yes after a word that cannot
    end a sentence (`…发展的`), after a fragment inside a broken sentence (`主要目标`, `2.5`), and
    for a fragment after a long line cut short (`…以PM` / `2.5`). A short line without end
    punctuation on its own (a caption, a list of words) is not joined to anything."""
    if text[-1] in TERMINAL or _plain_break(more):
        return False
    if CAPTION.search(text) or ADDRESS_LINE.match(more):
        return False
    if text[-1] in _UNFINISHED:
        return True
    if in_sentence:
        return len(text) <= MAX_FRAGMENT
    return len(text) > MAX_CUT and len(more) <= MAX_FRAGMENT


def _plain_break(text: str) -> bool:
    """A line that cannot continue a paragraph: numbered, back matter, or a table row."""
    return bool(numbering_of(text) or _APPENDIX.match(text) or _BACK.match(text) or is_row(text))
