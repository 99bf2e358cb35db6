"""Unnumbered headings: short lines over long paragraphs, which the published report sets in
bold and a plain-text copy leaves as ordinary lines.

**Title lines**: a short line without end punctuation (`“十四五”时期工作回顾`), standing alone
over a long paragraph or a numbered heading. Two or more of them, the first before any numbered
heading (run-in points `一是…` aside), are the report's top-level parts (`title`); two or more
under one numbered heading are its sub-headings (`bare`). A caption (`表1 …`, `…摄`), a
salutation or a line over a table is never one.

**Short sentences**: only single-line paragraphs inside a section qualify (a short sentence in
the preamble stays a paragraph), and only over a long plain paragraph (their body). Two kinds:

- a `series`: three or more under one numbered heading whose first sentences start with the same
  two characters (`这一年，我们…`, `五年来，我们…`, `聚焦…`, `这是…的五年。`). Its members are
  siblings; a member whose line goes on with a short sentence (`…新跨越。经济实力显著提升。`)
  has that sentence as its first sub-heading;
- a `lead`: one short sentence without commas (`产业结构持续优化。`), at most MAX_LEAD_HEADING.

Which level they get is `outline`'s business.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from generator.importer.document import Block, Mark, Paragraph
from generator.importer.frame import ADDRESS_LINE, CAPTION, TERMINAL
from generator.importer.numbering import numbering_of

MAX_TITLE_LINE = 30  # an unnumbered title line is at most this long
MAX_LEAD_HEADING = 24  # an unnumbered lead heading is at most this long…
MAX_SERIES_HEADING = 45  # …and one of a series at most this
MIN_BODY = 40  # the paragraph under an unnumbered heading is at least this long
MIN_SERIES = 3  # headings starting alike make a series from this many on

_SENTENCE_MARKS = re.compile(r"[。！？；：，,;:!?]")
_CLAUSE_MARKS = re.compile(r"[。！？；：;:!?]")
_FIGURE = re.compile(r"^(?:图|表|附图|附表)\s*[0-9０-９一二三四五六七八九十]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def find_unnumbered_headings(items: list[Mark | Block]) -> list[Mark | Block]:
    """`items` with the single-line paragraphs that are unnumbered headings made marks."""
    return _short_sentences(_title_lines(items))


def _title_lines(items: list[Mark | Block]) -> list[Mark | Block]:
    """Title lines made `title` marks (the report's parts) or `bare` marks (sub-headings)."""
    lines = [
        i for i, item in enumerate(items) if _is_title_line(item) and _has_title_body(items, i)
    ]
    first_heading = next(
        (i for i, item in enumerate(items) if isinstance(item, Mark) and item.kind != "run-in"),
        len(items),
    )
    kinds: dict[int, str] = {}
    if len(lines) >= 2 and lines[0] < first_heading:
        kinds = dict.fromkeys(lines, "title")
    else:
        parents: dict[int, list[int]] = {}
        for i in lines:
            parent = next((k for k in range(i - 1, -1, -1) if isinstance(items[k], Mark)), -1)
            if parent >= 0:
                parents.setdefault(parent, []).append(i)
        kinds = {i: "bare" for group in parents.values() if len(group) >= 2 for i in group}
    out: list[Mark | Block] = []
    for i, item in enumerate(items):
        if i in kinds:
            assert isinstance(item, Paragraph)
            out.append(Mark(kinds[i], item.text, item.line))
        else:
            out.append(item)
    return out


def _is_title_line(item: Mark | Block) -> TypeGuard[Paragraph]:
    if not (isinstance(item, Paragraph) and _is_single(item)):
        return False
    text = item.text
    return (
        4 <= len(text) <= MAX_TITLE_LINE
        and text[-1] not in TERMINAL + "，、,"
        and not _CLAUSE_MARKS.search(text)
        and len(_CJK.findall(text)) >= 2
        and not CAPTION.search(text)
        and not ADDRESS_LINE.match(text)
        and not _FIGURE.match(text)
    )


def _has_title_body(items: list[Mark | Block], i: int) -> bool:
    """A title line stands over a numbered heading or a long plain paragraph."""
    after = items[i + 1] if i + 1 < len(items) else None
    if isinstance(after, Mark):
        return True
    return (
        isinstance(after, Paragraph)
        and after.numbering is None
        and len(after.text) >= MIN_BODY
        and not _is_title_line(after)
    )


def _short_sentences(items: list[Mark | Block]) -> list[Mark | Block]:
    """Short sentences over long paragraphs made `series` and `lead` marks."""
    candidates: dict[int, tuple[str, str]] = {}  # index → (first sentence, rest)
    groups: dict[tuple[int, str], list[int]] = {}
    parent = -1
    for i, item in enumerate(items):
        if isinstance(item, Mark):
            parent = i
            continue
        if parent < 0 or not _is_single(item) or not _has_body(item, items, i):
            continue
        split = _heading_sentence(item.text)
        if split:
            candidates[i] = split
            groups.setdefault((parent, split[0][:2]), []).append(i)
    series = {i for members in groups.values() if len(members) >= MIN_SERIES for i in members}
    out: list[Mark | Block] = []
    for i, item in enumerate(items):
        if i not in candidates:
            out.append(item)
            continue
        assert isinstance(item, Paragraph)
        first, rest = candidates[i]
        line = item.line
        if i in series:
            out.append(Mark(f"series:{first[:2]}", first, line))
            if rest:
                out.append(Mark("lead", rest, line.tail(len(first))))
        elif not rest and _is_lead(first):
            out.append(Mark("lead", first, line))
        else:
            out.append(item)
    return out


def _is_single(item: Mark | Block) -> TypeGuard[Paragraph]:
    return isinstance(item, Paragraph) and len(item.lines) == 1 and item.numbering is None


def _has_body(item: Paragraph, items: list[Mark | Block], i: int) -> bool:
    """The next item is a plain paragraph, long, and longer than this one."""
    after = items[i + 1] if i + 1 < len(items) else None
    return (
        isinstance(after, Paragraph)
        and after.numbering is None
        and not numbering_of(after.text)  # a numbered line kept as a paragraph is no body
        and len(after.text) >= MIN_BODY
        and len(after.text) > len(item.line.text)
    )


def _heading_sentence(text: str) -> tuple[str, str] | None:
    """(first sentence, rest) when the line could be an unnumbered heading: a first sentence
    short enough, ending in 。, without a colon, and a rest that is itself a lead or nothing."""
    end = text.find("。")
    if end < 0 or end + 1 > MAX_SERIES_HEADING:
        return None
    first, rest = text[: end + 1], text[end + 1 :]
    if "：" in first or ":" in first or (rest and not _is_lead(rest)):
        return None
    return first, rest


def _is_lead(text: str) -> bool:
    """`产业结构持续优化。`: one short sentence without commas."""
    return (
        len(text) <= MAX_LEAD_HEADING
        and text.endswith("。")
        and not _SENTENCE_MARKS.search(text[:-1])
    )
