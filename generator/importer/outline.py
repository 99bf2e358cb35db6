"""The report's lines → its outline: title, preamble, and headings at the levels the document
itself gives them.

`read_report` runs the reading stages in order: lines that lost their breaks split
(`linebreaks`), the page's frame taken off (`frame`: furniture, title, title block), the text read
into marks and blocks (`blocks`), and the marks given their levels here.

Which numbering scheme is which level is not fixed: a scheme that appears under a heading of
another scheme is one level below it, and a heading whose scheme is already open is a sibling of
that open heading (closing everything below it). So `一、` › `（一）` › `1.` in one report and
`（一）` › `1.` in another both come out as the reader sees them. Beyond numbering:

- back matter (`附件1`, `注释`) and unnumbered title lines that are the report's parts (`title`)
  are always top-level sections and close every open list, so an appendix's own `一、…十、` is its
  sub-list, not a continuation of the main `一、二、三、`;
- a numbering that starts again at 1 while its list is open (without back matter before it) is
  nested under the heading before it, and `lint` reports it;
- items of a run — run-in points (`一是`), unnumbered sub-headings — never hold a document's
  parts: `第一部分`, `第一章`, `一、` or `（一）` closes them, and so does another `series`;
  `lead` and `bare` headings are siblings of each other and go one level below whatever is open.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.cjk import HAN
from generator.importer.blocks import read_blocks, to_lines
from generator.importer.contents import drop_navigation
from generator.importer.covering import read_delivered
from generator.importer.document import Block, Heading, Mark, Outline
from generator.importer.findings import Findings
from generator.importer.frame import read_frame
from generator.importer.layout import read_layout
from generator.importer.linebreaks import recover_breaks

# Kinds that are items of a run rather than parts of the document.
_ITEMS = ("run-in", "lead", "bare")
# Kinds that are parts of the document: they close open items.
_PARTS = ("part", "chapter", "section", "cn-comma", "cn-paren")
# Kinds that are always at the top.
_TOP = ("back", "title")
# A heading set letter-spaced to the width of longer ones (`一、综　　合`, `附　件`): its words
# closed up, as the page shows them, search finds them and the contents list them (the spaces
# are layout, not text; the no-loss check counts only what is not space).
_LETTER_SPACED = re.compile(rf"(?<![{HAN}])[{HAN}](?:[ \u3000]+[{HAN}]){{1,7}}$")


@dataclass
class _Open:
    """An open heading on the stack: its kind and the heading itself."""

    kind: str
    heading: Heading


def read_report(raw: list[str], findings: Findings) -> Outline:
    """The outline of a report's lines (blank lines included, so line numbers are the file's);
    what the page layout and the frame take off goes into `findings` as removals."""
    lines = recover_breaks(to_lines(raw), findings)
    layout = read_layout(lines, findings)
    for removal in layout.removals:
        findings.remove(removal)
    frame = read_frame(layout.lines, raw, findings)
    for removal in frame.removals:
        findings.remove(removal)
    body = drop_navigation(frame.body, findings)
    title = frame.title
    preamble: list[Block] = []
    delivered = read_delivered(frame.title, frame.fields, body, raw, findings)
    if delivered is not None:
        title = delivered.notice.inner
        preamble += delivered.preamble
        body = delivered.body
    items = read_blocks(body, findings)
    headings: list[Heading] = []
    stack: list[_Open] = []
    for item in items:
        if isinstance(item, Mark):
            heading = _place(item, stack)
            headings.append(heading)
        elif headings:
            headings[-1].body.append(item)
        else:
            preamble.append(item)
    numbers = Counter(line.number for line in lines if line is not None)
    split = {number for number, pieces in numbers.items() if pieces > 1}
    joins = layout.joins | (delivered.joins if delivered else set())
    notice = delivered.notice if delivered else None
    return Outline(title, preamble, headings, frame.fields, split, joins, notice)


def build_outline(lines: list[str], findings: Findings | None = None) -> Outline:
    """`read_report` for a list of lines (what tests and properties start from)."""
    return read_report(lines, findings or Findings("report.txt", list(lines)))


def _place(mark: Mark, stack: list[_Open]) -> Heading:
    """The heading for `mark`, at its level; `stack` (the open headings) updated."""
    text = _LETTER_SPACED.sub(lambda spaced: re.sub(r"[ \u3000]+", "", spaced[0]), mark.text)
    heading = Heading(
        mark.kind, 0, text, mark.line.number, col=mark.line.col, numbering=mark.numbering
    )
    kind = mark.kind
    if kind in _TOP:
        stack.clear()
    elif kind.startswith("series:") or kind in _PARTS:
        while stack and stack[-1].kind != kind and _is_item(stack[-1].kind):
            stack.pop()
    open_index = next((i for i in reversed(range(len(stack))) if stack[i].kind == kind), None)
    restarted = open_index is not None and _starts_again(mark, stack[open_index].heading)
    if open_index is not None and not restarted:
        sibling = stack[open_index]
        del stack[open_index:]
        heading.level = sibling.heading.level
        heading.previous = sibling.heading
    else:
        if restarted and open_index is not None:
            heading.restarts = stack[open_index].heading
        heading.level = stack[-1].heading.level + 1 if stack else 1
    stack.append(_Open(kind, heading))
    return heading


def _starts_again(mark: Mark, open_heading: Heading) -> bool:
    """`一、` while `一、…三、` is open: a new list, not the fourth item of the open one."""
    if mark.numbering is None or open_heading.numbering is None:
        return False
    return mark.numbering.value == 1 and open_heading.numbering.value > 1


def _is_item(kind: str) -> bool:
    return kind in _ITEMS or kind.startswith("series:")
