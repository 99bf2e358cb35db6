"""A document delivered inside a notice: `关于印发《X》的通知` (`…转发…`, `…下发…`), the notice's
text, and then X itself, which is what a reader of the original calls the report.

Work plans (工作要点), implementation plans (实施方案), rules and regulations are published this
way: the page's title is the notice's, then the addressees (`各县市区教育局…：`), the sentence that
delivers the document (`现将《X》印发给你们，请…贯彻落实。`), often the issuing body and a date
(`2024年3月27日`, or run together as `2024327`), `（此件主动公开）`, and then the document's own
title on a line of its own (over up to three lines, sometimes under a line `附件`, sometimes
after a theme and a dash: `为…奠基——X`) and its text.

Here the notice is recognised by its title (the title line, or a disclosure record's 名称) naming
one document, and by a line of its text that delivers that document. Then:

- the report's title is the document's own title line, which the first page shows first (the
  no-loss proof is told it moved, `Outline.title_lines`); when the text does not repeat it, the
  name the notice gives the document;
- the notice, every line of it, title included, is kept as the first paragraphs of the first
  page (`附件` and `附件：X` in it are its words, not headings);
- the body that signs the notice (the line over its date, or the words before `关于` in its
  title) and the date are read for report.yml's publisher and date (see `meta`).

One located warning says what was chosen. A notice that delivers several documents (`印发《A》
《B》的通知`) is imported as before: its first page holds the notice and the documents' text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from generator.importer.chrome import iso_date
from generator.importer.document import Found, Line, Notice, Paragraph, joined
from generator.importer.findings import Findings
from generator.importer.frame import MAX_TITLE
from generator.importer.meta import ORG_NAME
from generator.importer.numbering import numbering_of

# `…关于印发《X》的通知`, `印发X的通知`, `关于转发省教育厅《X》的通知`: what is delivered.
_NOTICE_TITLE = re.compile(r"(?:印发|转发|下发|颁发|发布|公布)\s*(?P<what>.+?)\s*的通知[》〉>]?$")
_BRACKETED = re.compile(r"[《〈<]([^《》〈〉<>]+)[》〉>]")
_DELIVERS = re.compile(r"印发|转发|下发|颁发|发布|公布")
# The words before `关于` in a notice's title name its issuer (after its document number).
_ISSUER = re.compile(r"^(?:\S{0,12}?[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号)?《?(?P<issuer>\S+?)关于")
_DATE_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$")
_RUN_TOGETHER_DATE = re.compile(r"^(\d{4})(\d{3,4})$")  # `2024327`: 年, 月 and 日 lost
_DASH = re.compile(r"(?:——|—|－－|--)$")
_SPACE = re.compile(r"\s+")
MAX_NOTICE = 40  # the document's title comes within this many lines of the notice's text
MAX_TITLE_LINES = 3
_SENTENCE_END = "。，；：！？,;:!?"

NOTICE_NOTE = "document delivered with a notice"


@dataclass
class Delivered:
    """A notice and the document it delivers: the notice, the paragraphs the notice keeps on
    the first page (its title line first), the lines left for the document's text, and the
    (line, next line) joined in a title over several lines."""

    notice: Notice
    preamble: list[Paragraph] = field(default_factory=list)
    body: list[Line | None] = field(default_factory=list)
    joins: set[tuple[int, int]] = field(default_factory=set)


def document_name(title: str) -> str:
    """The one document a notice's title delivers: `关于印发《芜湖市教育局2024年工作要点》的通知`
    → 芜湖市教育局2024年工作要点; "" for another title or a notice delivering several."""
    match = _NOTICE_TITLE.search(title)
    if not match:
        return ""
    what = match.group("what")
    names = _BRACKETED.findall(what)
    if len(names) > 1:
        return ""
    name = names[0] if names else what
    return name.strip() if not _BRACKETED.search(name) and len(name) >= 4 else ""


def read_delivered(
    title: Line | None,
    fields: dict[str, Found],
    body: list[Line | None],
    raw: list[str],
    findings: Findings,
) -> Delivered | None:
    """The notice and the document it delivers, when `title` (or a disclosure record's 名称)
    is a notice's and the text delivers that document; else None."""
    items = [k for k, line in enumerate(body) if line is not None][:MAX_NOTICE]
    texts = [_text(body, k) for k in items]
    named = Found(title.text, title.number) if title else fields.get("title")
    name = document_name(named.value) if named else ""
    if not name:
        # The page's title is not the notice's (`凌政办发〔2020〕35号X的通知`): the notice's own
        # title, over up to three lines, opens the text.
        for size in range(1, MAX_TITLE_LINES + 1):
            if len(texts) >= size and all(_title_like(text) for text in texts[:size]):
                name = document_name("".join(texts[:size]))
                if name:
                    named = Found("".join(texts[:size]), _line(body, items[0]).number)
                    break
    if not named or not name:
        return None
    delivery = next(
        (
            i
            for i, text in enumerate(texts)
            if _squeezed(name) in _squeezed(text) and _DELIVERS.search(text)
        ),
        None,
    )
    if delivery is None:
        return None
    found = _document_title(texts, delivery + 1, name, body, items, raw)
    # The notice ends where the document's title starts (or is within the first lines).
    start, size = found or (len(texts), 0)
    inner = joined([_line(body, k) for k in items[start : start + size]]) if found else None
    notice = Notice(
        Found(name, named.line, named.how),
        title,
        inner,
        _signer(texts[:start], body, items),
        _issuer(named),
    )
    date = _date(texts[:start], body, items)
    if date is not None:
        fields.setdefault("published", date)
    delivered = Delivered(notice, [Paragraph((title,))] if title else [], body)
    if inner is not None:
        taken = set(items[: start + size])
        delivered.body = [None if k in taken else line for k, line in enumerate(body)]
        delivered.preamble += [Paragraph((_line(body, k),)) for k in items[:start]]
        delivered.joins = set(itertools.pairwise(piece.number for piece in inner.pieces()))
    _warn(delivered, findings)
    return delivered


def _document_title(
    texts: list[str],
    start: int,
    name: str,
    body: list[Line | None],
    items: list[int],
    raw: list[str],
) -> tuple[int, int] | None:
    """(index, number of lines) of the document's own title after the delivering line: one to
    three short lines that read the name (or end with it after a theme and a dash)."""
    want = _squeezed(name)
    for i in range(start, len(texts)):
        for size in range(1, MAX_TITLE_LINES + 1):
            lines = texts[i : i + size]
            if len(lines) < size or not all(_title_like(text) for text in lines):
                break
            got = _squeezed("".join(lines))
            if got == want or (got.endswith(want) and _DASH.search(got[: -len(want)])):
                whole = all(
                    raw[piece.number - 1].strip() == piece.text
                    for k in items[i : i + size]
                    for piece in _line(body, k).pieces()
                )
                return (i, size) if whole else None
            if not want.startswith(got):
                break
    return None


def _title_like(text: str) -> bool:
    return len(text) <= MAX_TITLE and text[-1] not in _SENTENCE_END and not numbering_of(text)


def _signer(texts: list[str], body: list[Line | None], items: list[int]) -> Found | None:
    """The body (or bodies) signing the notice: the line over its date."""
    for i in range(1, len(texts)):
        if _is_date(texts[i]):
            names = texts[i - 1].split()
            if names and all(ORG_NAME.match(n) for n in names):
                return Found("、".join(names), _line(body, items[i - 1]).number)
    return None


def _issuer(named: Found) -> Found | None:
    match = _ISSUER.match(named.value)
    if match and ORG_NAME.match(match.group("issuer")):
        return Found(match.group("issuer"), named.line, named.how)
    return None


def _date(texts: list[str], body: list[Line | None], items: list[int]) -> Found | None:
    for i, text in enumerate(texts):
        if _is_date(text):
            iso = iso_date(text) or run_together(text)
            if iso:
                return Found(iso, _line(body, items[i]).number)
    return None


def _is_date(text: str) -> bool:
    return bool(_DATE_LINE.match(text) or run_together(text))


def run_together(text: str) -> str:
    """`2024327` → 2024-03-27, `20241112` → 2024-11-12; "" when it could be two dates
    (`2024111`: 1 November or 11 January) or none."""
    match = _RUN_TOGETHER_DATE.match(text)
    if not match:
        return ""
    year, rest = match.groups()
    readings = {
        iso
        for cut in (1, 2)
        if 1 <= len(rest) - cut <= 2 and (iso := iso_date(f"{year}-{rest[:cut]}-{rest[cut:]}"))
    }
    return readings.pop() if len(readings) == 1 else ""


def _warn(delivered: Delivered, findings: Findings) -> None:
    notice = delivered.notice
    inner = notice.inner
    if inner is not None:
        chosen, where = inner.text, f"its own title line (line {inner.number})"
        line, col = inner.number, inner.col
    else:
        chosen, where = notice.name.value, f"the notice's title (line {notice.name.line})"
        line, col = notice.name.line, 1
    findings.warn(
        line,
        col,
        f"the text is a notice delivering a document: the report's title is the document's, "
        f"“{chosen}”, read from {where}; the notice is kept, every line of it, as the first "
        "paragraphs of zh-Hans/index.md",
        "check zh-Hans/index.md; if the notice's paragraphs should not open the report, move "
        "or delete them there",
    )


def _squeezed(text: str) -> str:
    return _SPACE.sub("", text).replace("〈", "《").replace("〉", "》")


def _line(body: list[Line | None], k: int) -> Line:
    line = body[k]
    assert line is not None
    return line


def _text(body: list[Line | None], k: int) -> str:
    return _line(body, k).text
