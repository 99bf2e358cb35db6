"""The frame of a report copied from a web page: what comes before its text and after it.

Read from the top: page furniture (see `chrome`), then the **title** (the first line that can be
one: short, not numbered, not a sentence), then the **title block**: the subtitle
(`——2026年1月27日在…会议上`, possibly over two or three lines, possibly with the speaker on the
same line), the speaker (`浙江省省长 刘捷`, `自治区人民政府主席 张雨浦`), the title and subtitle
repeated (a page header, then the article's own header), who issues it and when (`通辽市统计局`
over `(2018年4月16日)`), more furniture. The first line that is
none of these starts the report's text. From the bottom: furniture after the report's last line
(`扫一扫…`, `【关闭窗口】`, `（来源：青海日报）`, `编辑：…`, related links, the title repeated).

Subtitle, speaker, date, publisher and address go to report.yml fields; every line taken out is
a `Removal` (listed in report.yml under `dropped:` with the field it went to). Furniture inside the
report's text is its text and stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.chrome import BYLINE, DATETIME, PAGE_SOURCE, Unit, iso_date, unit_at
from generator.importer.document import Found, Line, join_texts
from generator.importer.findings import Findings, Removal
from generator.importer.numbering import numbering_of
from generator.importer.tables import is_row

MAX_TITLE = 80  # a longer first line is the text, not a title
MAX_SUBTITLE_LINE = 60
MAX_TAIL = 60  # furniture after the last line is looked for among the last this many lines

TITLE_BLOCK = "title block"
REPEATED = "title repeated"
ABOVE_TITLE = "above the title"
NAVIGATION = "page navigation"

TERMINAL = "。！？；：…”’）》」』】.!?;:)]\"'"
_DASH = r"(?:——|—|――|―|──|─|⸺|⸻|--|－－|-)"
# `——2026年1月27日在…`, and the same with 年 and 月 lost in a copy (`——2018724日在…`).
SUBTITLE = re.compile(
    rf"^(?:{_DASH}\s*(?:\d{{4}}年?\d{{1,2}}月?\d{{1,2}}日|在\S{{2,40}}(?:会议|大会)上)"
    r"|\d{4}年\d{1,2}月\d{1,2}日[在于於])"
)
_OFFICE = (
    "省长|市长|县长|区长|州长|盟长|旗长|主席|主任|局长|厅长|部长|书记|镇长|乡长|院长|署长|总理"
    "|审计长|检察长|委员长|秘书长|行长|会长|校长|处长|所长|社长|董事长|理事长|总经理"
)
_SPEAKER = rf"\S{{0,24}}?代?(?:{_OFFICE})[\s\u3000]+[\u4e00-\u9fff·]{{2,10}}"
SPEAKER = re.compile(rf"^{_SPEAKER}$")
_SPEAKER_TAIL = re.compile(rf"[\s\u3000]+({_SPEAKER})$")
# A salutation: `各位代表：`, and a whole line of them (`主任、各位副主任、秘书长、各位委员：`,
# `主席阁下,`, `尊敬的各位领导：`).
ADDRESS_LINE = re.compile(
    r"^(?:各位代表|各位委员|同志们|女士们、先生们)[：:！!，,]"
    r"|^(?:尊敬的|主任|主席|各位)[^。；;！!？?]{0,30}[：:，,！!]$"
)
# How the name of a document ends: a line so ending is a report's title, not a page's header.
DOCUMENT_NAME = re.compile(
    r"(?:报告|报告书|報告|報告書|总结|總結|公报|公報|要点|規劃|规划|纲要|计划|方案|意见|通知|决定"
    r"|讲话|年鉴|年鑑|决算|預算|预算|说明|白皮书|年报)"
    r"(?:[（(][^（()）]{1,10}[）)])?(?:\s*[—–-]{1,2}\s*[^\s—–-]{1,10})?(?:\s+\d{4})?$"
)
_DATED_NAME = re.compile(rf"^\d{{4}}年\S{{2,40}}{DOCUMENT_NAME.pattern}")
MAX_NAMED_TITLE = 50  # a longer line ending in `…报告` is a sentence (`…向大会作工作报告`)
MAX_ABOVE = 10  # lines a page puts above a report's title (its name, a column's, a rule)
CAPTION = re.compile(r"(?:摄|摄影|供图|图片来源[：:].{1,20})[）)]?$")
# Under a communiqué's title: who issues it and when (`通辽市统计局` / `(2018年4月16日)`).
_ISSUER = re.compile(
    r"^[^\s，。、；：:,]{2,30}?(?:局|委员会|政府|办公室|办公厅|厅|部|院|中心|调查队|协会|署)$"
)
_PAREN_DATE = re.compile(r"^[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[）)]$")


@dataclass
class Frame:
    """The title line (None when the text has none), the report.yml fields read around the
    text, what was taken out, and the lines left for the report's text (taken ones are None)."""

    title: Line | None
    fields: dict[str, Found] = field(default_factory=dict)
    removals: list[Removal] = field(default_factory=list)
    body: list[Line | None] = field(default_factory=list)


def is_title(text: str) -> bool:
    """Could this line be a report's title: short, not numbered, not a sentence or a table
    row, not a subtitle, speaker, date or a salutation?"""
    return (
        len(text) <= MAX_TITLE
        and text[-1] not in "。，、；：！？,;:!?"
        and not numbering_of(text)
        and not is_row(text)
        and not SUBTITLE.match(text)
        and not SPEAKER.match(text)
        and not DATETIME.match(text)
        and not ADDRESS_LINE.match(text)
    )


def _other_documents(text: str, title: str) -> bool:
    """`2006年…工作报告 2007年…工作报告`, `2008年…工作报告` under a title: links to the
    documents before and after it (an online library's page), each a document's name."""
    names = text.split()
    return text != title and all(_DATED_NAME.match(name) for name in names)


def read_frame(lines: list[Line | None], raw: list[str], findings: Findings) -> Frame:
    """Split `lines` (the report's, blank ones None) into frame and text; `raw` are the source
    lines (cleaned), to tell a whole line from a piece of one."""
    return _FrameReader(lines, raw, findings).read()


class _FrameReader:
    def __init__(self, lines: list[Line | None], raw: list[str], findings: Findings):
        self.lines = lines
        self.raw = raw
        self.findings = findings
        self.items = [line for line in lines if line is not None]
        self.texts = [line.text for line in self.items]
        self.taken: set[int] = set()  # indexes into items
        self.frame = Frame(None)

    def read(self) -> Frame:
        i = self.above_title(self.furniture(0))
        if i < len(self.items) and is_title(self.texts[i]):
            self.frame.title = self.items[i]
            i += 1
        i = self.title_block(i)
        self.tail(i)
        body: list[Line | None] = []
        taken = {id(self.items[k]) for k in self.taken} | {id(self.frame.title)}
        for line in self.lines:
            body.append(None if line is None or id(line) in taken else line)
        self.frame.body = body
        return self.frame

    def furniture(self, i: int) -> int:
        while i < len(self.items) and (unit := unit_at(self.texts, i)) is not None:
            i = self.take_unit(i, unit)
        return i

    def above_title(self, i: int) -> int:
        """Short lines over the report's title that are not it (the site's or a column's name,
        a rule, a series line such as `…会议文件`): the title is the first line within
        MAX_ABOVE that names a document (`…报告`, `…公报`); the lines above it are taken."""
        above: list[int] = []
        units: list[tuple[int, Unit]] = []
        k = i
        while k < len(self.items) and len(above) <= MAX_ABOVE:
            text = self.texts[k]
            if is_title(text) and len(text) <= MAX_NAMED_TITLE and DOCUMENT_NAME.search(text):
                break
            unit = unit_at(self.texts, k)
            if unit is not None and unit.reason == BYLINE and above:
                return i  # a page's title stands right over its byline: the line above it
            if unit is not None:
                units.append((k, unit))
                k += unit.size
            elif is_title(text):
                above.append(k)
                k += 1
            else:
                return i
        else:
            return i
        if not above:
            return i
        taken: list[tuple[int, Unit | None]] = [*((k, None) for k in above), *units]
        for k, unit in sorted(taken, key=lambda item: item[0]):
            if unit is None:
                self.take(k, ABOVE_TITLE)
            else:
                self.take_unit(k, unit)
        return max([*above, *(k + unit.size - 1 for k, unit in units)]) + 1

    def title_block(self, i: int) -> int:
        title = self.frame.title.text if self.frame.title else ""
        start = i
        while i < len(self.items):
            text = self.texts[i]
            unit = unit_at(self.texts, i)
            if unit is not None:
                i = self.take_unit(i, unit)
            elif SUBTITLE.match(text) and len(text) <= MAX_SUBTITLE_LINE + MAX_TITLE // 2:
                i = self.subtitle(i)
            elif SPEAKER.match(text):
                self.take_field(i, "speaker", text)
                i += 1
            elif _PAREN_DATE.match(text) and iso_date(text):
                self.take_field(i, "published", iso_date(text))
                i += 1
            elif _ISSUER.match(text) and (end := self.issuers(i, first=i == start)):
                for k in range(i, end):
                    self.take(k, TITLE_BLOCK, "organisation")
                issuers = "、".join(self.texts[i:end])
                self.frame.fields.setdefault("organisation", Found(issuers, self.items[i].number))
                i = end
            elif title and (text == title or (len(text) >= 4 and text in title)):
                self.take(i, REPEATED)
                i += 1
            elif title and _other_documents(text, title):
                self.take(i, NAVIGATION)
                i += 1
            else:
                return i
        return i

    def issuers(self, i: int, first: bool) -> int:
        """The end of the issuers' lines from line i (up to three: `珠海市统计局` over
        `国家统计局珠海调查队`), when a date follows them or they stand right under the title;
        else 0."""
        end = i
        while end < len(self.items) and end - i < 3 and _ISSUER.match(self.texts[end]):
            end += 1
        dated = end < len(self.items) and (
            DATETIME.match(self.texts[end]) or _PAREN_DATE.match(self.texts[end])
        )
        return end if dated or first else 0

    def subtitle(self, i: int) -> int:
        """The subtitle from line i on (over up to three lines), and a speaker at its end."""
        parts = [i]
        while (
            self.texts[parts[-1]][-1] not in TERMINAL + "上"
            and not _SPEAKER_TAIL.search(self.texts[parts[-1]])
            and len(parts) < 3
            and parts[-1] + 1 < len(self.items)
            and self.continues_subtitle(parts[-1] + 1)
        ):
            parts.append(parts[-1] + 1)
        last = self.items[parts[-1]]
        speaker = _SPEAKER_TAIL.search(last.text)
        texts = [self.items[k].text for k in parts]
        if speaker:
            texts[-1] = last.text[: speaker.start()].rstrip()
        value = join_texts(texts)
        repeated = self.frame.fields.get("subtitle")
        reason = REPEATED if repeated and repeated.value == value else TITLE_BLOCK
        for k, text in zip(parts, texts, strict=True):
            line = self.items[k]
            self.remove(line, text, reason, "" if reason == REPEATED else "subtitle", line.col)
            self.taken.add(k)
        self.frame.fields.setdefault("subtitle", Found(value, self.items[i].number))
        if speaker:
            start = last.col + speaker.start(1)
            name = speaker.group(1)
            self.remove(last, name, reason, "" if reason == REPEATED else "speaker", start)
            self.frame.fields.setdefault("speaker", Found(name, last.number))
        return parts[-1] + 1

    def continues_subtitle(self, k: int) -> bool:
        text = self.texts[k]
        return (
            len(text) <= MAX_SUBTITLE_LINE
            and not SPEAKER.match(text)
            and not numbering_of(text)
            and unit_at(self.texts, k) is None
            and not ADDRESS_LINE.match(text)
        )

    def tail(self, start: int) -> None:
        """Furniture after the report's last line: the first index from which every line to
        the end is furniture (or the title again)."""
        title = self.frame.title.text if self.frame.title else None
        end = len(self.items)
        first = end
        for k in range(end - 1, max(start, end - MAX_TAIL) - 1, -1):
            if self.all_furniture(k, title):
                first = k
        i = first
        while i < end:
            if self.texts[i] == title:
                self.take(i, REPEATED)
                i += 1
                continue
            unit = unit_at(self.texts, i, at_end=True)
            assert unit is not None
            i = self.take_unit(i, unit)

    def all_furniture(self, k: int, title: str | None) -> bool:
        while k < len(self.items):
            if self.texts[k] == title:
                k += 1
                continue
            unit = unit_at(self.texts, k, at_end=True)
            if unit is None:
                return False
            k += unit.size
        return True

    def take_unit(self, i: int, unit: Unit) -> int:
        for k in range(unit.size):
            read = [unit.field_of(k), *(unit.more if k == 0 else ())]
            read = [(name, value) for name, value in read if name and value]
            # The page's source is report.yml's publisher only if nothing better names one:
            # `run` says so on the line when it is.
            fields = ", ".join(name for name, _ in read if name != PAGE_SOURCE)
            self.take(i + k, unit.reason, fields)
            for name, value in read:
                self.frame.fields.setdefault(name, Found(value, self.items[i + k].number))
        return i + unit.size

    def take_field(self, i: int, name: str, value: str) -> None:
        repeated = self.frame.fields.get(name)
        if repeated and repeated.value == value and name in ("subtitle", "speaker"):
            self.take(i, REPEATED)
            return
        self.take(i, TITLE_BLOCK, name)
        self.frame.fields.setdefault(name, Found(value, self.items[i].number))

    def take(self, i: int, reason: str, name: str = "") -> None:
        line = self.items[i]
        self.remove(line, line.text, reason, name, line.col)
        self.taken.add(i)

    def remove(self, line: Line, text: str, reason: str, name: str, col: int) -> None:
        """Removals of `text` at column `col` of `line` (cleaned columns): one for each source
        line it spans (a line joined back from a page's lines spans several)."""
        start = col - line.col
        at = 0
        for piece in line.pieces():
            end = at + len(piece.text)
            low, high = max(start, at), min(start + len(text), end)
            if low < high:
                part = piece.text[low - at : high - at]
                self.remove_piece(piece, part, reason, name, piece.col + low - at)
            at = end

    def remove_piece(self, line: Line, text: str, reason: str, name: str, col: int) -> None:
        """A Removal of `text` at column `col` of a source line: the whole line when it is all
        of it, else a span."""
        whole = text == self.raw[line.number - 1].strip()
        file_col = self.findings.file_col(line.number, col)
        self.frame.removals.append(
            Removal(line.number, file_col, text, reason, whole, name, 0 if whole else col)
        )
