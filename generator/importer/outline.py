"""Lines of a report → its outline: title, preamble, and numbered headings with their text.

Official Chinese documents number their parts with a small set of schemes (`第一部分`, `一、`,
`（一）`, `1.`, `（1）`, `①`, and run-in items `一是…`). Which scheme is which level is not fixed:
it is the order in which the schemes first appear in this document, so the document's real
hierarchy decides the heading levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN_NUM = "[一二三四五六七八九十百零〇]+"

# (name, pattern). Order matters only where two could match the same line.
SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第{_CN_NUM}部分")),
    ("cn-comma", re.compile(rf"^{_CN_NUM}、")),
    ("cn-paren", re.compile(rf"^[（(]{_CN_NUM}[）)]")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
    ("arabic-dot", re.compile(r"^\d{1,2}[.．](?![\d.．])")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("run-in", re.compile(r"^(?:[一二三四五六七八九]|十[一二三四五六七八九]?)是")),
)

# A run-in item's lead sentence ends at the first full stop or colon; longer leads are not
# headings but ordinary sentences that happen to start with a number.
_LEAD_END = re.compile(r"[。：:]")
MAX_LEAD = 60
MAX_TITLE = 80


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source file
    text: str  # the line without surrounding white space


@dataclass
class Heading:
    scheme: str
    level: int
    text: str
    line: int
    body: list[Line] = field(default_factory=list)


@dataclass
class Outline:
    title: Line | None
    preamble: list[Line]
    headings: list[Heading]


def scheme_of(text: str) -> str | None:
    for name, pattern in SCHEMES:
        if pattern.match(text):
            return name
    return None


def split_lead(text: str) -> tuple[str, str]:
    """`一是坚持德育为先。将疫情…` → (`一是坚持德育为先。`, `将疫情…`); a line that is all lead
    stays whole."""
    match = _LEAD_END.search(text)
    if not match or match.end() > MAX_LEAD:
        return text, ""
    return text[: match.end()], text[match.end() :]


def build_outline(lines: list[str]) -> Outline:
    numbered = [Line(i, raw.strip()) for i, raw in enumerate(lines, 1) if raw.strip()]
    title: Line | None = None
    if numbered and scheme_of(numbered[0].text) is None and len(numbered[0].text) <= MAX_TITLE:
        title, numbered = numbered[0], numbered[1:]

    levels: dict[str, int] = {}
    preamble: list[Line] = []
    headings: list[Heading] = []
    for line in numbered:
        scheme = scheme_of(line.text)
        if scheme is None:
            (headings[-1].body if headings else preamble).append(line)
            continue
        level = levels.setdefault(scheme, len(levels) + 1)
        lead, rest = split_lead(line.text)
        heading = Heading(scheme, level, lead, line.number)
        if rest:
            heading.body.append(Line(line.number, rest))
        headings.append(heading)
    return Outline(title, preamble, headings)
