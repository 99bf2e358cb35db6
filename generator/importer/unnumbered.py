"""Unnumbered headings: short sentences over long paragraphs, which the published report sets in
bold and a plain-text copy leaves as ordinary lines.

Only single-line paragraphs inside a section qualify (a short sentence in the preamble stays a
paragraph), and only over a long plain paragraph (their body). Two kinds:

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

from generator.importer.document import Block, Line, Mark, Paragraph

MAX_LEAD_HEADING = 24  # an unnumbered lead heading is at most this long…
MAX_SERIES_HEADING = 45  # …and one of a series at most this
MIN_BODY = 40  # the paragraph under an unnumbered heading is at least this long
MIN_SERIES = 3  # headings starting alike make a series from this many on

_SENTENCE_MARKS = re.compile(r"[。！？；：，,;:!?]")


def find_unnumbered_headings(items: list[Mark | Block]) -> list[Mark | Block]:
    """`items` with the single-line paragraphs that are unnumbered headings made marks."""
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
                out.append(Mark("lead", rest, Line(line.number, rest, line.col + len(first))))
        elif not rest and _is_lead(first):
            out.append(Mark("lead", first, line))
        else:
            out.append(item)
    return out


def _is_single(item: Block) -> TypeGuard[Paragraph]:
    return isinstance(item, Paragraph) and len(item.lines) == 1 and item.numbering is None


def _has_body(item: Block, items: list[Mark | Block], i: int) -> bool:
    """The next item is a plain paragraph, long, and longer than this one."""
    after = items[i + 1] if i + 1 < len(items) else None
    return (
        isinstance(after, Paragraph)
        and after.numbering is None
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
