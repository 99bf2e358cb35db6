"""A first label for a figure, from the words around it: what `report-site figures` writes into
a report's figures.yml for the editor to correct, and what the figures page shows for a figure
the file does not name yet.

Chinese states what a figure counts right before it (新增学位7.89万个, 总体近视率为59.19%) or,
after a verb, right after it (召开2次全体会议, 新增105所省二级幼儿园). The label is those words of
the figure's own clause, without what only links them (为, 达到, 累计 …) and without the date or
place that opens many clauses (2020年, 全市): a few words of the report itself, never invented.
"""

from __future__ import annotations

import re

from generator.cjk import HAN
from generator.figures.chinese import extract_zh
from generator.figures.model import POINTS
from generator.figures.notes import strip_notes

MAX_LENGTH = 16
# A colon, but not one between digits: that is a ratio's (13.2:32.3:54.5), no break.
_COLON = r"(?<![\d０-９])[：:∶]|[：:∶](?![\d０-９])"
# What ends a clause: the label never reaches past one.
_BREAK = re.compile(rf"[，。；！？、,;!?（）()《》“”‘’「」『』\[\]【】—…\s]|{_COLON}")
# The text up to its last break (every break is one character): found from the end, where
# finding every break from the start took a figure's clause as long as its whole paragraph.
_UP_TO_LAST_BREAK = re.compile(rf"(?s:.*)(?:{_BREAK.pattern})")
# What ends a clause for the words around a figure that no label fits.
_CLAUSE = re.compile(rf"[，。；！？,;!?]|{_COLON}")
# Words that link a label to its figure, at the end of the words before it.
_LINK = re.compile(
    r"(?:分别|合计|共计|总计|累计|共|已|再|均|都|就|仍|也|达到了?|达|实现|约为|为|是|有|占|至|到|"
    r"增加|增长|提高|提升|上升|下降|降低|减少|超过|突破|近|约|逾|了|的|从|由|较)+$"
)
# A comparison before a change: 较2019年增长49.8% says how much, not of what.
_COMPARED = re.compile(
    r"(?:较|比)\d{4}年(?:\(学年\)|（学年）)?(?:同比)?(?:增长|增加|下降|降低|减少|提高)?$"
)
# What opens a clause without saying what is counted: a date, a scope, a connective.
_OPENING = re.compile(
    r"^(?:(?:\d{4}年(?:度)?(?:\d{1,2}月)?|今年|去年|当年|全年|目前|截至目前|其中|同时|此外|并|"
    r"全市|全省|全区|全县|全国)(?:的|，)?)+"
)
# Verbs after which the counted thing follows the figure: 召开2次全体会议.
_ACTION = re.compile(
    r"(?:召开|开展|举办|推进|选派|招收|招聘|引进|建成|新建|新增|涉及|开出|推出|获得|认定|创建|确定|"
    r"表彰|接收|开设|组织|协调|服务|处置|覆盖|完成|培训|评选|入选|帮扶|资助|发放|投入|设立|"
    r"建立|打造|实施|落实|安排|派出|吸引|带动|惠及|扶持|评审|支持|新开设|选树|认定)$"
)
_HAN_WORD = re.compile(f"[{HAN}]")
# An aside naming the words before it again, right before the figure: 地区生产总值（GDP）2313亿元.
_ASIDE = re.compile(r"[（(][^（）()\d]{1,12}[)）]$")
# A change said of the figure before (2313亿元，比上年增长5.2%): its clause names no subject.
_CHANGE = r"增长|增加|下降|减少|提高|降低|上升|回落|上涨|下跌|扩大|缩小|收窄"
_CHANGE_ONLY = re.compile(
    rf"^(?:按可比价格计算|按可比价计算)?(?:(?:比|较)(?:上年|去年|上年同期|上年末|年初|\d{{4}}年)?|同比)?"
    rf"(?:同比)?(?:分别)?(?P<verb>{_CHANGE})$"
)
# A change from one figure to another: 三次产业结构由上年的13.2:32.3:54.5调整为12.4:30.9:56.7.
_FROM = re.compile(r"^(?P<subject>.+?)(?:由|从)(?P<when>上年|去年|\d{4}年)?(?:的)?$")
_TO = re.compile(
    r"^(?P<subject>.+?)(?:由|从).*\d.*(?:调整为|调整到|变为|变化为|转变为|优化为|提高到|提高至|增加到|"
    r"增至|下降到|下降至|降至|降低到|上升到|上升至|扩大到|扩大至|缩小到|缩小至|减少到|增长到)$"
)


def _clause_before(text: str, start: int) -> str:
    before = strip_notes(text[:start])
    before = _ASIDE.sub("", before)
    up_to_break = _UP_TO_LAST_BREAK.match(before)
    return before[up_to_break.end() if up_to_break else 0 :]


def _clause_after(text: str, end: int) -> str:
    match = _BREAK.search(text, end)
    after = text[end : match.start() if match else len(text)]
    # The counted thing is the first noun phrase: up to a figure, a 的 or a 和 that starts another.
    return re.split(r"[\d０-９]|的|和|及|与|并|以", after, maxsplit=1)[0]


def suggest_label(text: str, start: int, end: int) -> str:
    """A few words of `text` (plain Chinese) that say what the figure at [start, end) counts;
    "" when its clause says nothing of it. A change right after a figure names that figure's
    subject (2313亿元，比上年增长5.2%: 地区生产总值 增长); a change from one figure to another
    names what changed (三次产业结构由上年的…调整为…)."""
    before = _OPENING.sub("", _clause_before(text, start))
    change = _CHANGE_ONLY.match(_LINK_TAIL.sub("", before) or before)
    if change:
        subject = _subject_before(text, start)
        return f"{subject} {change['verb']}" if subject else ""
    moved = _TO.match(before) or _FROM.match(before)
    if moved and len(_HAN_WORD.findall(moved["subject"])) >= 2:
        subject = _fit(_LINK.sub("", moved["subject"]) or moved["subject"])
        when = moved.groupdict().get("when")
        return f"{subject} {when}" if subject and when else subject
    return _words_of(text, before, end)


def _subject_before(text: str, start: int) -> str:
    """The label of the last figure of the sentence before `start`, if it has one."""
    sentence = re.split(r"[。；！？]", text[:start])[-1]
    offset = start - len(sentence)
    figures = [f for f in extract_zh(sentence) if f.kind not in POINTS]
    if not figures:
        return ""
    last = figures[-1]
    before = _OPENING.sub("", _clause_before(text, offset + last.start))
    return "" if _CHANGE_ONLY.match(before) else _words_of(text, before, offset + last.end)


# Link words a change ends with: 比上年增长了, 增长达.
_LINK_TAIL = re.compile(r"(?:了|达|为|到)+$")


def _fit(label: str) -> str:
    label = label.strip()
    if len(_HAN_WORD.findall(label)) < 2:
        return ""
    return label if len(label) <= MAX_LENGTH else label[-MAX_LENGTH:]


def _words_of(text: str, before: str, end: int) -> str:
    """The label the clause's own words give: before the figure, else after it."""
    # Another figure earlier in the clause has its own label: in 召开2次全体会议和6次专题会议,
    # the 6 are 专题会议.
    if re.search(r"[\d０-９]", before):
        before = re.split(r"和|及|与|、", before)[-1]
        before = "" if re.search(r"[\d０-９]", before) else before
    kept = _LINK.sub("", _COMPARED.sub("", before))
    label = kept
    if not kept or _ACTION.search(kept) or len(_HAN_WORD.findall(kept)) < 2:
        label = kept + _clause_after(text, end)
    return _fit(label)


def clause_label(text: str, start: int, end: int) -> str:
    """The figure's clause without the figure, when no words of it say what it counts: the words
    before it in the clause and after it (footnote markers left out); the figure as written only
    when its clause has no other words (a number alone in a table cell without headers)."""
    before = strip_notes(text[:start])
    head = before[max((m.end() for m in _CLAUSE.finditer(before)), default=0) :]
    match = _CLAUSE.search(text, end)
    tail = strip_notes(text[end : match.start() if match else len(text)])
    words = re.sub(r"\s+", " ", head + tail).strip()
    return words or text[start:end]


def written_at(text: str, figure: str, after: str = "") -> list[tuple[int, int]]:
    """Where `text` writes `figure` as a figure of its own (not inside a longer number: `2次` is
    not in `12次`), right after the words `after` if given: (start, end) of each."""
    before = re.escape(after) if after else r"(?<![\d.．])"
    pattern = re.compile(rf"(?:{before})({re.escape(figure)})(?![\d.．])")
    return [match.span(1) for match in pattern.finditer(text)]
