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

MAX_LENGTH = 16
# What ends a clause: the label never reaches past one.
_BREAK = re.compile(r"[，。；！？：、,;:!?（）()《》“”‘’「」『』\[\]【】—…\s]")
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


def _clause_before(text: str, start: int) -> str:
    before = text[:start]
    cut = max((m.end() for m in _BREAK.finditer(before)), default=0)
    return before[cut:]


def _clause_after(text: str, end: int) -> str:
    match = _BREAK.search(text, end)
    after = text[end : match.start() if match else len(text)]
    # The counted thing is the first noun phrase: up to a figure, a 的 or a 和 that starts another.
    return re.split(r"[\d０-９]|的|和|及|与|并|以", after, maxsplit=1)[0]


def suggest_label(text: str, start: int, end: int) -> str:
    """A few words of `text` (plain Chinese) that say what the figure at [start, end) counts;
    "" when its clause says nothing of it."""
    before = _OPENING.sub("", _clause_before(text, start))
    # Another figure earlier in the clause has its own label: in 召开2次全体会议和6次专题会议,
    # the 6 are 专题会议.
    if re.search(r"[\d０-９]", before):
        before = re.split(r"和|及|与|、", before)[-1]
        before = "" if re.search(r"[\d０-９]", before) else before
    kept = _LINK.sub("", _COMPARED.sub("", before))
    label = kept
    if not kept or _ACTION.search(kept) or len(_HAN_WORD.findall(kept)) < 2:
        label = kept + _clause_after(text, end)
    label = label.strip()
    if len(_HAN_WORD.findall(label)) < 2:
        return ""
    return label if len(label) <= MAX_LENGTH else label[-MAX_LENGTH:]


def written_at(text: str, figure: str, after: str = "") -> list[tuple[int, int]]:
    """Where `text` writes `figure` as a figure of its own (not inside a longer number: `2次` is
    not in `12次`), right after the words `after` if given: (start, end) of each."""
    before = re.escape(after) if after else r"(?<![\d.．])"
    pattern = re.compile(rf"(?:{before})({re.escape(figure)})(?![\d.．])")
    return [match.span(1) for match in pattern.finditer(text)]
