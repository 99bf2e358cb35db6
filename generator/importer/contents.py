"""A report's own navigation: its table of contents, and an online library's edit links.
Both are left out, since the site makes its own navigation, and since a table of contents'
entries would otherwise be read as the report's headings (every section twice, the text itself
nested under the last entry).

A table of contents is a line `目录` (`目 录`, `（目录）`) and the short lines after it (the
entries, a heading broken over two lines, page numbers, dot leaders, a word processor's field
codes such as `PAGEREF _Toc25831 h 3`). It ends where the text repeats its first entry (the
document itself begins), or, in a copy that stops before the text, with its last entry; such a
copy's entries must end with page numbers, so that a list of headings is never taken for one.
Every line left out is listed (`table of contents`).

An online library (Wikisource) puts an edit link `编辑` (`[编辑]`) on the line after each
heading; such a line after a short line without end punctuation is left out too (`edit link`).
"""

from __future__ import annotations

import re

from generator.importer.document import Line
from generator.importer.findings import Findings, Removal

CONTENTS = "table of contents"
EDIT_LINK = "edit link"
_EDIT_LINK = re.compile(r"^[\[［【]?(?:编辑|編輯)[\]］】]?$")
MAX_HEADING = 40

_HEAD = re.compile(r"^[（(【\[]?\s*目\s*[录錄]\s*[）)】\]]?$")
MAX_ENTRY = 60  # an entry (a heading and its page number) is at most this long
_PAGE = re.compile(r"(?:\s*PAGEREF\s+_Toc\d+\s+\\?h)?(?:\s*[.·…‥．-]{2,})?\s*\d{1,3}$")
_SENTENCE_END = re.compile(r"[。；;！？]$")
PAGED_SHARE = 0.6  # entries with page numbers, for a table of contents not followed by its text


def drop_navigation(lines: list[Line | None], findings: Findings) -> list[Line | None]:
    """`lines` without the table of contents and edit links (None in their place), listed."""
    return _drop_edit_links(drop_contents(lines, findings), findings)


def _drop_edit_links(lines: list[Line | None], findings: Findings) -> list[Line | None]:
    out = list(lines)
    before: Line | None = None
    for k, line in enumerate(lines):
        if line is None:
            continue
        if (
            _EDIT_LINK.match(line.text)
            and before is not None
            and len(before.text) <= MAX_HEADING
            and not _SENTENCE_END.search(before.text)
        ):
            _remove(line, EDIT_LINK, findings)
            out[k] = None
        before = line
    return out


def _remove(line: Line, reason: str, findings: Findings) -> None:
    col = findings.file_col(line.number, line.col)
    for piece in line.pieces():
        findings.remove(Removal(piece.number, col, piece.text, reason, True))


def drop_contents(lines: list[Line | None], findings: Findings) -> list[Line | None]:
    """`lines` without the table of contents (None in its place), whose lines are listed."""
    items = [k for k, line in enumerate(lines) if line is not None]
    head = next((n for n, k in enumerate(items) if _HEAD.match(_at(lines, k).text)), None)
    if head is None:
        return lines
    entries: list[int] = []
    for k in items[head + 1 :]:
        text = _at(lines, k).text
        if entries and entry_text(text) == entry_text(_at(lines, entries[0]).text):
            break  # the text begins with the first entry again
        if len(text) > MAX_ENTRY or _SENTENCE_END.search(text):
            paged = sum(1 for e in entries if _PAGE.search(_at(lines, e).text))
            if not entries or paged < PAGED_SHARE * len(entries):
                return lines
            break
        entries.append(k)
    else:
        paged = sum(1 for e in entries if _PAGE.search(_at(lines, e).text))
        if not entries or paged < PAGED_SHARE * len(entries):
            return lines
    out = list(lines)
    for k in [items[head], *entries]:
        _remove(_at(lines, k), CONTENTS, findings)
        out[k] = None
    return out


def entry_text(text: str) -> str:
    """An entry as the heading it names: without its page number, leaders and spaces."""
    return re.sub(r"\s+", "", _PAGE.sub("", text))


def _at(lines: list[Line | None], k: int) -> Line:
    line = lines[k]
    assert line is not None
    return line
