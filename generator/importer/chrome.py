"""Page chrome: the words of a web page around a report copied from it, which are not the report.

Only what is clearly not report text is dropped, and only where chrome is found: before the
report's title (a page menu: 下载 打印 全屏 收藏 【字号： 加大 还原 减小 】), in the title block
(a byline: 来源：浙江日报, 时间：2026-01-22) and after the report's last line ("related links":
相关报道： and the link titles under it; if a sentence or a heading follows, it is all kept).
The same words inside the report are its text and stay. Every dropped line becomes a `Removal`,
listed to the editor and in report.yml.
"""

from __future__ import annotations

import re

from generator.importer.findings import Removal
from generator.importer.numbering import numbering_of

MENU = "page menu"
BYLINE = "page byline"
RELATED = "related links"

_MENU_TEXT = """
下载 打印 全屏 收藏 分享 关闭 关闭窗口 打印本页 打印此页 打印文章 返回顶部 返回
加大 还原 减小 放大 缩小 默认 大 中 小 【 】 【大】 【中】 【小】
【字号： 字号： 【字号 字号 【字体： 字体： 【字体 字体 扫一扫 分享到： 分享到
【打印】 【关闭】 【打印本页】 【关闭窗口】 【返回顶部】 【收藏】
"""
_MENU_WORDS = frozenset(_MENU_TEXT.split())
_MENU_LINE = re.compile(r"^(?:【?字[号体]：?.{0,12}】?|(?:【[^】]{1,6}】\s*)+)$")
_BYLINE = re.compile(
    r"^(?:来源|信息来源|文章来源|时间|发布时间|发布日期|日期|作者|责任编辑|编辑|浏览次数|"
    r"点击数|访问量|阅读量)[：:].{0,40}$"
)
_RELATED = re.compile(r"^(?:相关报道|相关链接|相关新闻|相关阅读|相关文章|延伸阅读)[：:]?$")
_END_LINKS = re.compile(r"^(?:上一篇|下一篇)[：:].{0,80}$")


def chrome_reason(text: str) -> str | None:
    """Why a line (stripped) looks like page chrome, or None when it may be report text."""
    if text in _MENU_WORDS or _MENU_LINE.match(text):
        return MENU
    if _BYLINE.match(text):
        return BYLINE
    if _RELATED.match(text) or _END_LINKS.match(text):
        return RELATED
    return None


def find_chrome(lines: list[str]) -> list[Removal]:
    """Chrome lines at the top (before the first line that is report text), in the title block
    (bylines among the short lines before the first paragraph) and at the bottom (from a
    "related links" line to the end, and menu words after the last line of report text)."""
    removals: list[Removal] = []
    numbered = [(i, line.strip()) for i, line in enumerate(lines, 1) if line.strip()]
    top = 0
    while top < len(numbered) and chrome_reason(numbered[top][1]) in (MENU, BYLINE):
        top += 1
    head = numbered[:top]
    # The title block: short lines after the title, up to the first paragraph.
    block = top + 1
    while (
        block < len(numbered)
        and len(numbered[block][1]) <= 40
        and not numbering_of(numbered[block][1])
    ):
        block += 1
    head += [(i, text) for i, text in numbered[top + 1 : block] if chrome_reason(text) == BYLINE]
    bottom = len(numbered)
    related = next((k for k in range(block, len(numbered)) if _RELATED.match(numbered[k][1])), None)
    if related is not None and _a_link_list(numbered[related + 1 :]):
        bottom = related
    while bottom > block and chrome_reason(numbered[bottom - 1][1]) in (MENU, RELATED):
        bottom -= 1
    tail = numbered[bottom:]
    for number, text in head + tail:
        reason = chrome_reason(text) or RELATED
        removals.append(Removal(number, _col(lines[number - 1]), text, reason, whole_line=True))
    return sorted(removals, key=lambda r: r.line)


def _a_link_list(lines: list[tuple[int, str]]) -> bool:
    """Whether what follows a "related links" line is a list of link titles, so that the heading
    is the page's and not the report's own words: a few short lines, none a sentence or a
    numbered heading. Anything else keeps the heading and everything under it."""
    return len(lines) <= 30 and all(_link_title(text) for _, text in lines)


def _link_title(text: str) -> bool:
    if chrome_reason(text) is not None:
        return True
    return len(text) <= 60 and not _SENTENCE_END.search(text) and not numbering_of(text)


_SENTENCE_END = re.compile(r"[。！？；!?;]")


def _col(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1
