"""Judging an outline: numbering that skips, repeats, goes back or starts again, and shapes of
text the importer can place but an editor should look at.

Numbering problems are warnings: the import goes on (the outline is built all the same) and the
editor fixes the source or the imported Markdown. A report without a single heading is an error:
it would become one page, which is not what anyone importing a report wants, and usually means
the file is not the report's text or its line breaks were lost.
"""

from __future__ import annotations

from generator.importer.document import Block, Heading, Outline, Paragraph
from generator.importer.findings import Findings
from generator.importer.numbering import Numbering, label

LONG_LINE = 5000  # characters; the longest paragraph of a real report is about 1,500
MAX_DEPTH = 6  # Markdown has six heading levels


def check_outline(outline: Outline, lines: list[str], findings: Findings) -> None:
    check_headings(outline, findings)
    check_entries(outline, findings)
    check_long_lines(lines, findings)
    if not outline.headings:
        long_line = any(len(line) > LONG_LINE for line in lines)
        findings.error(
            0,
            0,
            "no section headings found: headings are recognised by their numbering at the "
            "start of a line (第一部分, 一、, （一）, 1., （1）, ①, 一是)",
            "put each paragraph on a line of its own (the line breaks seem to be lost)"
            if long_line
            else "check that this is the report's text; if its sections are not numbered, "
            "number them 一、二、三、… at the start of their lines",
        )


def check_headings(outline: Outline, findings: Findings) -> None:
    for heading in outline.headings:
        if heading.level > MAX_DEPTH:
            findings.warn(
                heading.line,
                heading.col,
                f"this heading is nested {heading.level} levels deep; Markdown has "
                f"{MAX_DEPTH}, so it is imported at level {MAX_DEPTH}",
                "check the numbering of the headings above it",
            )
        if heading.numbering is None:
            continue
        if heading.restarts is not None and heading.restarts.numbering is not None:
            before = heading.restarts
            assert before.numbering is not None
            findings.warn(
                heading.line,
                heading.col,
                f"numbering starts again at {heading.numbering.label} while "
                f"{before.numbering.label} (line {before.line}) is still open; imported as a "
                "sub-list of the heading before it",
                "if an appendix starts here, put its heading (附件1, 附录…) on the line before; "
                f"otherwise renumber this one "
                f"{label(heading.numbering.scheme, before.numbering.value + 1)}",
            )
            continue
        previous = heading.previous.numbering if heading.previous else None
        previous_line = heading.previous.line if heading.previous else 0
        check_sequence(heading.numbering, previous, previous_line, heading, findings)


def check_entries(outline: Outline, findings: Findings) -> None:
    """Notes and glossary entries number on within their section: ［1］ ［2］ …"""
    bodies: list[list[Block]] = [outline.preamble, *(h.body for h in outline.headings)]
    for body in bodies:
        last: dict[str, Paragraph] = {}
        for block in body:
            if not isinstance(block, Paragraph) or block.numbering is None:
                continue
            scheme = block.numbering.scheme
            before = last.get(scheme)
            check_sequence(
                block.numbering,
                before.numbering if before else None,
                before.line.number if before else 0,
                block,
                findings,
            )
            last[scheme] = block


def check_sequence(
    numbering: Numbering,
    previous: Numbering | None,
    previous_line: int,
    where: Heading | Paragraph,
    findings: Findings,
) -> None:
    line, col = (where.line, where.col) if isinstance(where, Heading) else _at(where)
    scheme, value, written = numbering.scheme, numbering.value, numbering.label
    if previous is None:
        if value != 1:
            first = label(scheme, 1)
            findings.warn(
                line,
                col,
                f"numbering starts at {written}, not {first}",
                "if the items before it are missing, restore them; otherwise renumber this "
                f"one {first}",
            )
        return
    expected = label(scheme, previous.value + 1)
    if value == previous.value + 1:
        return
    if value == previous.value:
        message = f"numbering repeats {written} (line {previous_line} has it too)"
        hint = f"renumber this one {expected}"
    elif value > previous.value:
        missing = expected
        if value > previous.value + 2:
            missing += f"…{label(scheme, value - 1)}"
        message = (
            f"numbering skips {missing}: {previous.label} (line {previous_line}) is followed "
            f"by {written}"
        )
        hint = f"restore the missing item, or renumber this one {expected}"
    else:
        message = f"numbering goes back from {previous.label} (line {previous_line}) to {written}"
        hint = f"renumber this one {expected}"
    findings.warn(line, col, message, hint)


def _at(paragraph: Paragraph) -> tuple[int, int]:
    return paragraph.line.number, paragraph.line.col


def check_long_lines(lines: list[str], findings: Findings) -> None:
    for number, line in enumerate(lines, 1):
        if len(line) > LONG_LINE:
            findings.warn(
                number,
                1,
                f"this line is {len(line):,} characters long",
                "if paragraphs were run together, put each paragraph and each heading on a "
                "line of its own",
            )
