"""Lines whose breaks were lost: a whole summary on one line, its headings inline.

Copied from some pages (or saved by some tools), a report arrives as one line, or a few: the
title, the date, the paragraphs and the numbered headings run together. Such a line is split
where the report's own numbering says a heading starts: a run of `一、` `二、` `三、` … (or
`（一）` `（二）`, `第一部分` `第二部分`, and once those are found `1.` `2.` and `（1）` `（2）`) at
the start of a sentence (after 。！？ or a space; a sub-list's first number may also follow its
heading directly). On a line so split, and on any line too long to be one paragraph, a space
after the end of a sentence is a lost paragraph break, and a space after a short heading its
end; on the file's first line, the title (up to a space, or up to 工作总结, 工作报告, 统计公报 …)
and a date after it are split off too. On any line, a photo caption run into the salutation
after it (`…记者 王鼎 摄各位代表：`) is split from it.

Numbers in running text are left alone: `统一、协调` (not after a sentence), a single `（一）`, an
enumeration after a colon (`主要有：一、…；二、…`). Nothing is removed: the pieces keep their
line number and column, and each split line gets a warning saying what was done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer.document import Line
from generator.importer.findings import Findings
from generator.importer.numbering import SCHEMES, number_value, numbering_of

LONG_LINE = 5000  # characters; the longest paragraph of a real report is about 1,500
MAX_TITLE = 80  # a longer first line is not a title on its own
MAX_HEADING = 40  # a heading's text runs at most this far before its sub-list's first number
_STRUCTURAL = ("part", "chapter", "section", "cn-comma", "cn-paren")
_LISTS = ("arabic-dot", "arabic-comma", "arabic-paren")
_RANK = {
    **dict.fromkeys(("part", "chapter"), 0),
    "section": 1,
    "cn-comma": 2,
    "cn-paren": 3,
    **dict.fromkeys(("arabic-dot", "arabic-comma"), 4),
    "arabic-paren": 5,
}
_INLINE = {
    name: re.compile(pattern.pattern.removeprefix("^"))
    for name, pattern in SCHEMES
    if name in _STRUCTURAL + _LISTS
}
_SENTENCE_END = "。！？!?"
_PARAGRAPH_END = re.compile(
    r"(?:(?<=[。！？!?：:；;…])|(?<=[。！？!?][”’」』）)]))[ \t\u3000]+(?=\S)"
)
_SENTENCE = re.compile(r"[。！？；!?;]")
_SPACE = re.compile(r"[ \t\u3000]+")
_DOCUMENT = re.compile(
    r"^.{4,60}?(?:政府工作报告|工作总结|工作报告|统计公报|工作要点|工作计划|情况报告|情况通报|年鉴)"
)
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
# A photo caption run into the salutation after it (`…宁夏日报记者 王鼎 摄各位代表：`).
_CAPTION_RUN = re.compile(r"(?:摄|摄影|供图)(?=(?:各位代表|各位委员|同志们)[：:！!，,])")


@dataclass(frozen=True)
class _Candidate:
    at: int
    scheme: str
    value: int
    strict: bool  # at the start of a sentence


def recover_breaks(lines: list[Line | None], findings: Findings | None = None) -> list[Line | None]:
    """`lines` with each line that lost its breaks split into pieces (blank between them)."""
    out: list[Line | None] = []
    first = next((k for k, line in enumerate(lines) if line is not None), -1)
    for k, line in enumerate(lines):
        if line is None:
            out.append(None)
            continue
        cuts, headings = split_points(line.text, k == first)
        if not cuts:
            out.append(line)
            continue
        pieces = _pieces(line, cuts)
        for piece in pieces:
            out += [piece, None]
        out.pop()
        if findings is not None:
            _warn(line, len(pieces), headings, findings)
    return out


def split_points(text: str, first_line: bool = False) -> tuple[list[int], list[str]]:
    """Where `text` should be split (positions where a piece starts), and the numbering labels
    of the headings found; nothing for a line that kept its breaks."""
    heads = _headings(text)
    cuts = {m.end() for m in _CAPTION_RUN.finditer(text)}
    broken = bool(heads) or len(text) > LONG_LINE
    if broken:
        cuts.update(at for at, _ in heads)
        cuts.update(m.end() for m in _PARAGRAPH_END.finditer(text))
        for at, _ in heads:
            gap = _SPACE.search(text, at, at + MAX_HEADING)
            if gap and gap.end() < len(text) and not _SENTENCE.search(text, at, gap.start()):
                cuts.add(gap.end())
    if first_line and (broken or len(text) > MAX_TITLE):
        # A title run into the text after it (`…2020年政务工作总结2020年12月18日2020年，我局…`).
        cuts.update(_title_cuts(text, min(cuts, default=len(text))))
    cuts.discard(0)
    return sorted(c for c in cuts if c < len(text)), [label for _, label in heads]


def _headings(text: str) -> list[tuple[int, str]]:
    """(position, label) of the inline headings: runs of two or more of one scheme."""
    candidates = sorted(
        (
            _Candidate(
                m.start(), name, number_value(name, m.group(1)), _at_sentence_start(text, m.start())
            )
            for name, pattern in _INLINE.items()
            for m in pattern.finditer(text)
        ),
        key=lambda c: c.at,
    )
    eligible: list[_Candidate] = []
    for candidate in candidates:
        if candidate.strict or (eligible and _opens_sub_list(text, eligible[-1], candidate)):
            eligible.append(candidate)
    accepted = _runs(eligible, _STRUCTURAL)
    if accepted:
        accepted += _runs(eligible, _LISTS)
    return sorted((c.at, _label(text, c.at)) for c in accepted)


def _label(text: str, at: int) -> str:
    numbering = numbering_of(text[at:])
    return numbering.label if numbering else text[at : at + 2]


def _opens_sub_list(text: str, heading: _Candidate, candidate: _Candidate) -> bool:
    """`一、工作推进情况(1) 加强…`: the first number of a finer list, right after a heading's
    text (no sentence between them)."""
    return (
        candidate.value == 1
        and _RANK[candidate.scheme] > _RANK[heading.scheme]
        and candidate.at - heading.at <= MAX_HEADING
        and not _SENTENCE.search(text, heading.at, candidate.at)
    )


def _runs(candidates: list[_Candidate], schemes: tuple[str, ...]) -> list[_Candidate]:
    """Candidates of `schemes` that number on (1, 2, 3 …; a line may start with any number),
    in runs of two or more."""
    accepted: list[_Candidate] = []
    for scheme in schemes:
        run: list[_Candidate] = []
        for candidate in (c for c in candidates if c.scheme == scheme):
            if candidate.value == 1 or (candidate.at == 0 and not run):
                accepted += run if len(run) >= 2 else []
                run = [candidate]
            elif run and candidate.value == run[-1].value + 1:
                run.append(candidate)
        accepted += run if len(run) >= 2 else []
    return accepted


def _at_sentence_start(text: str, at: int) -> bool:
    if at == 0:
        return True
    before = text[at - 1]
    if before.isspace() or before in _SENTENCE_END:
        return True
    return before in "”’」』" and at >= 2 and text[at - 2] in _SENTENCE_END


def _title_cuts(text: str, end: int) -> list[int]:
    """A title at the start of the file's first line (up to a space, or up to the kind of
    document it is), and a date right after it."""
    head = text[:end]
    gap = _SPACE.search(head)
    if gap and gap.start() <= MAX_TITLE and not _SENTENCE.search(head, 0, gap.start()):
        return [gap.end()]
    document = _DOCUMENT.match(head)
    if not document or _SENTENCE.search(document.group(0)):
        return []
    cuts = [document.end()]
    date = _DATE.match(head, document.end())
    if date:
        cuts.append(date.end())
    return cuts


def _pieces(line: Line, cuts: list[int]) -> list[Line]:
    out = []
    for start, end in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
        piece = line.text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append(Line(line.number, stripped, line.col + start + lead))
    return out


def _warn(line: Line, pieces: int, headings: list[str], findings: Findings) -> None:
    found = f", {len(headings)} of them at numbered headings ({headings[0]}…)" if headings else ""
    findings.warn(
        line.number,
        line.col,
        f"this line of {len(line.text):,} characters seems to have lost its line breaks: it was "
        f"split into {pieces} paragraphs and headings{found}",
        "check the outline (report-site import FILE --dry-run); where a split is wrong, put the "
        "line breaks back into the source and import it again",
    )
