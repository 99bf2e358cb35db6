"""Judging an outline: numbering that skips, repeats, goes back or starts again, and shapes of
text the importer can place but an editor should look at.

Numbering problems are warnings: the import goes on (the outline is built all the same) and the
editor fixes the source or the imported Markdown. So are the places where the importer had to
guess, each with the choice it made: short unnumbered lines read as headings, run-in points
(`一是…`) with no heading above them, a level with a single heading (a list of one nested under
the heading before it; a report with one top-level section, one page), a report without any
heading (imported as one page).
"""

from __future__ import annotations

from generator.importer.document import Block, Heading, Outline, Paragraph
from generator.importer.findings import Findings
from generator.importer.linebreaks import LONG_LINE
from generator.importer.numbering import Numbering, label

MAX_DEPTH = 6  # Markdown has six heading levels


def check_outline(outline: Outline, lines: list[str], findings: Findings) -> None:
    check_headings(outline, findings)
    check_guesses(outline, findings)
    check_entries(outline, findings)
    check_long_lines(lines, findings, outline.split_lines)
    if not outline.headings:
        long_line = any(len(line) > LONG_LINE for line in lines)
        findings.warn(
            0,
            0,
            "no section headings found (headings are recognised by their numbering at the "
            "start of a line: 第一部分, 一、, （一）, 1., （1）, ①, 一是); it is imported as a "
            "one-page report",
            "put each paragraph on a line of its own (the line breaks seem to be lost)"
            if long_line
            else "if the report has sections, put each heading on a line of its own, numbered "
            "一、二、三、…, and import it again",
        )


def check_guesses(outline: Outline, findings: Findings) -> None:
    """Say where the outline rests on a guess, and which choice was made."""
    headings = outline.headings
    titles = [h for h in headings if h.scheme == "title"]
    if titles:
        findings.warn(
            titles[0].line,
            titles[0].col,
            f"{len(titles)} short lines without numbering or end punctuation are read as the "
            f"report's top-level parts, one page each (lines {_lines(titles)})",
            "if one of them is not a heading, end it with 。 in the source and import again",
        )
    for parent, group in _children_of_kind(outline, "bare"):
        findings.warn(
            group[0].line,
            group[0].col,
            f"{len(group)} short lines without numbering or end punctuation are read as "
            f"sub-headings of “{parent.text}” (line {parent.line}; lines {_lines(group)})",
            "if one of them is not a heading, end it with 。 in the source and import again",
        )
    run_in = [h for h in headings if h.level == 1 and h.scheme == "run-in"]
    if run_in:
        findings.warn(
            run_in[0].line,
            run_in[0].col,
            f"{len(run_in)} run-in points ({run_in[0].text[:2]}…{run_in[-1].text[:2]}) have no "
            "heading above them: each is imported as a top-level section, a page of its own",
            f"if they belong under a heading, put that heading on a line of its own before "
            f"line {run_in[0].line} (numbered, or without end punctuation)",
        )
    for parent, child in _lists_of_one(outline):
        findings.warn(
            child.line,
            child.col,
            f"“{child.text}” is the only item of its list under “{parent.text}” (line "
            f"{parent.line}); it is imported as its sub-heading",
            "if the list's other items are missing, restore them; if it is not a heading, "
            "make it a paragraph in the imported page",
        )
    tops = [h for h in headings if h.level == 1]
    if len(tops) == 1 and len(headings) > 1:
        only = tops[0]
        findings.warn(
            only.line,
            only.col,
            f"“{only.text}” is the report's only top-level section: the whole report is imported "
            f"as one page, its {len(headings) - 1} sub-headings included",
            "if the sub-headings are the report's sections, give them the numbering of a "
            "top-level heading (一、二、三、…), or put the report's other top-level headings "
            "back",
        )


def _lists_of_one(outline: Outline) -> list[tuple[Heading, Heading]]:
    """(parent, child) where a numbered heading numbered 1 is its parent's only sub-heading: a
    list of one, which the importer nests under the heading before it, unless the next part's
    items go on from it. (A lone heading numbered otherwise, or one that starts a list again,
    has a numbering warning of its own.)"""
    children: dict[int, tuple[Heading, list[Heading]]] = {}
    stack: list[Heading] = []
    for heading in outline.headings:
        del stack[heading.level - 1 :]
        if stack:
            children.setdefault(id(stack[-1]), (stack[-1], []))[1].append(heading)
        stack.append(heading)
    continued = {id(before) for before in running_on(outline).values()}
    return [
        (parent, group[0])
        for parent, group in children.values()
        if len(group) == 1
        and group[0].numbering is not None
        and group[0].numbering.value == 1
        and group[0].restarts is None
        and id(group[0]) not in continued  # the list goes on in the next part
    ]


def _lines(headings: list[Heading]) -> str:
    numbers = [str(h.line) for h in headings]
    return ", ".join(numbers) if len(numbers) <= 6 else f"{', '.join(numbers[:5])} … {numbers[-1]}"


def _children_of_kind(outline: Outline, scheme: str) -> list[tuple[Heading, list[Heading]]]:
    """(parent, its sub-headings of `scheme`) for each heading that has some."""
    groups: dict[int, tuple[Heading, list[Heading]]] = {}
    stack: list[Heading] = []
    for heading in outline.headings:
        del stack[heading.level - 1 :]
        if heading.scheme == scheme and stack:
            groups.setdefault(id(stack[-1]), (stack[-1], []))[1].append(heading)
        stack.append(heading)
    return list(groups.values())


def running_on(outline: Outline) -> dict[int, Heading]:
    """First items of a list that go on from the list before it (work plans number their items
    1.–N. through all their parts: `一、` holds 1. 2., `二、` holds 3. 4.): each, with the last
    item of the list before, of the same scheme and level, whose number it carries on with
    the next but one or later (a gap is the list's, and says which items are missing). Back
    matter starts its numbering afresh."""
    out: dict[int, Heading] = {}  # by id() of the first item
    last: dict[tuple[str, int], Heading] = {}
    for heading in outline.headings:
        if heading.scheme == "back":
            last.clear()
        numbering = heading.numbering
        if numbering is None:
            continue
        key = (numbering.scheme, heading.level)
        before = last.get(key)
        if (
            heading.previous is None
            and heading.restarts is None
            and before is not None
            and before.numbering is not None
            and numbering.value > before.numbering.value
            and numbering.value > 1
        ):
            out[id(heading)] = before
        last[key] = heading
    return out


def check_headings(outline: Outline, findings: Findings) -> None:
    runs_on = running_on(outline)
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
        last = heading.previous or runs_on.get(id(heading))
        previous = last.numbering if last else None
        previous_line = last.line if last else 0
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


def check_long_lines(lines: list[str], findings: Findings, split: set[int]) -> None:
    """A warning for each very long line (those split into paragraphs had theirs already)."""
    for number, line in enumerate(lines, 1):
        if len(line) > LONG_LINE and number not in split:
            findings.warn(
                number,
                1,
                f"this line is {len(line):,} characters long",
                "if paragraphs were run together, put each paragraph and each heading on a "
                "line of its own",
            )
