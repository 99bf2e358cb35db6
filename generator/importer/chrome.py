"""Page chrome: the words of a web page around a report copied from it, which are not the report.

Government portals, newspaper sites and information-disclosure pages frame a report with the
same family of furniture, whatever their layout:

- menus and buttons: 下载 打印 全屏, `【字体：大 中 小】` (on one line or five), `分享：`,
  `扫一扫在手机打开当前页`, `【打印本页】` `【关闭窗口】`;
- a breadcrumb: `当前位置：首页 > 政务信息 > 宁夏要闻`, on one line or one item a line;
- bylines, a label and its value, on one line or the value on the next: `来源：浙江日报`,
  `发表时间：` / `2026-02-09 09:45:30`, `责任编辑：` / a name, `阅读量：`, `（来源：青海日报）`,
  several on one line (`发布时间：2021-01-15 来源：市教育局 浏览次数：1234`), a bare time stamp;
- an information-disclosure record: `索引号`, `发布机构`, `成文日期`, `文件名称` … as
  `label：value` lines, label and value on two lines, or table rows (`|` or TAB);
- "related links" (`相关报道：`, `相关附件>>`) and the link titles under them, `上一篇：…`;
- a page address, and the 32-hex-digit ids some portals print before an attachment (`…:`);
- a site's navigation bar and footer (`网站首页 | 政务公开 | …`, `版权所有`, `ICP备`, `网站标识码`).

This module only recognises them (`unit_at`); `frame` decides where they are dropped: above the
title, in the title block and after the report's last line, never in the report's text. Some
furniture carries what report.yml wants (the publisher, the date, the address): a unit says which
field each of its lines holds.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from generator.importer.numbering import numbering_of

MENU = "page menu"
BYLINE = "page byline"
RELATED = "related links"
BREADCRUMB = "breadcrumb"
DISCLOSURE = "disclosure record"
ADDRESS = "page address"
PAGE_ID = "page id"
FOOTER = "page footer"
SUMMARY = "page summary"
HEADER = "page header"
PAGE_SOURCE = "page source"  # a frame field (not report.yml's): the page's 来源

MAX_VALUE = 40  # a byline's or a record's value is at most this long
MAX_LINKS = 30  # link titles under one "related links" heading, at most

_MENU_TEXT = """
下载 打印 全屏 收藏 分享 关闭 关闭窗口 打印本页 打印此页 打印文章 返回顶部 返回 返回首页
加大 还原 减小 放大 缩小 默认 大 中 小 【 】 【大】 【中】 【小】 [ ] 【我要纠错】 我要纠错
【字号： 字号： 【字号 字号 【字体： 字体： 【字体 字体 扫一扫 分享到： 分享到 分享： 分享:
【打印】 【关闭】 【打印本页】 【关闭窗口】 【返回顶部】 【收藏】
[打印] [关闭] [打印本页] [关闭窗口] 微信 微博 QQ QQ空间 朋友圈 新浪微博 腾讯微博
网站导航 登录 注册 无障碍浏览 长者模式 关怀版 >> 繁体 繁体字 简体 简体字 繁體 跳过导航 跳转到内容
语音阅读 语音播报 - --
"""
_MENU_WORDS = frozenset(_MENU_TEXT.split())
_MENU_LINE = re.compile(
    r"^(?:【?(?:文章)?字[号体][：:]?\s*[\[【]?[\s大中小]*[\]】]?\s*】?"
    r"|(?:【[^】]{1,6}】\s*)+|(?:\[[^\]]{1,6}\]\s*)+"
    r"|(?:手机)?扫(?:一扫|码|描二维码)[^\s。！？；，,]{0,16}|[•·●▪]?\s*分享到?\s*[：:][^。！？；，,]{0,24})$"
)
# label → (report.yml field, priority among dates): bylines first, then disclosure records.
_BYLINE_LABELS = {
    # Who the page says the text comes from: on a government portal the publisher, on a news
    # site a newspaper; `meta` takes it for the publisher only when nothing better says it.
    **dict.fromkeys(["来源", "信息来源", "文章来源", "稿件来源"], (PAGE_SOURCE, 0)),
    **dict.fromkeys(
        [
            *("作者", "责任编辑", "编辑", "责编"),
            *("浏览次数", "浏览量", "点击数", "点击量", "访问量", "访问次数", "阅读量"),
            *("阅读次数", "关键词", "更新时间", "内容概述", "语音阅读", "字数"),
        ],
        ("", 0),
    ),
    **dict.fromkeys(
        ["时间", "发布时间", "发表时间", "发布日期", "日期", "刊发日期", "见报日期"],
        ("published", 1),
    ),
    "发表单位": ("organisation", 0),
}
_RECORD_LABELS = {
    **dict.fromkeys(
        [
            *("索引号", "主题分类", "体裁分类", "组配分类", "服务对象分类", "信息分类"),
            *("文号", "发文字号", "公开方式", "公开范围", "公开形式", "公开时限", "公开目录"),
            *("公开责任部门", "有效性", "效力状态", "主题词", "所属机构"),
            *("生效时间", "生效日期", "废止时间", "废止日期", "文件编号", "发布文号", "主题导航"),
            *("保密审查情况", "部门主要负责人审签情况"),
        ],
        ("", 0),
    ),
    **dict.fromkeys(["发布机构", "发文机关", "发文机构", "发布单位"], ("organisation", 0)),
    **dict.fromkeys(["文件名称", "标题", "名称", "信息名称"], ("title", 0)),
    "公开日期": ("published", 1),
    "发文日期": ("published", 3),
    "生成日期": ("published", 2),
    "成文日期": ("published", 3),
}
LABELS = {**_BYLINE_LABELS, **_RECORD_LABELS}
_SPACE = r"[ \u3000]*"  # records space their labels out to a column's width: `索 引 号:`


def _spaced(labels: Collection[str]) -> str:
    return "|".join(_SPACE.join(label) for label in sorted(labels, key=len, reverse=True))


_LABEL = _spaced(LABELS)
# A label starts a line, follows white space, a bracket or an empty value's colon
# (`阅读次数:编辑:…`), or, when it is one of the longer labels or follows a time, is run into
# the value before it (`09:33信息来源: 芜湖市教育局阅读次数:`).
_RUN_IN = _spaced([label for label in LABELS if len(label) >= 3])
_LABEL_AT = re.compile(
    rf"(?:(?:^|(?<=[\s】\]）)：:\d]))[【\[（(]?({_LABEL})|(?<=[\u4e00-\u9fff])({_RUN_IN}))\s*[：:]"
)
_DATETIME = (
    r"\d{4}\s*(?:-|/|\.|年)\s*\d{1,2}\s*(?:-|/|\.|月)\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
DATETIME = re.compile(rf"^{_DATETIME}$")
_DATE = re.compile(r"(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})")
_LEADING_DATETIME = re.compile(rf"^{_DATETIME}\s*")
# A time stamp with the page's source and counters after it (`… 中国政府网  参与评论()人`).
_STAMPED = re.compile(rf"^{_DATETIME}\s+[^。！？；，,]{{1,30}}$")
_RELATED = re.compile(
    r"^【?(?:相关(?:报道|链接|新闻|阅读|文章|附件|稿件|文档|解读|信息|政策|推荐|专题)|延伸阅读|"
    r"推荐阅读|部门解读|政策解读|热点推荐|网站导航|友情链接)】?\s*[：:>》»]*$"
)
_END_LINKS = re.compile(r"^(?:上一篇|下一篇)[：:].{0,80}$")
_BREADCRUMB_START = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置)\s*[：:]"
)
_SPACED_CRUMBS = re.compile(r"^首页(?:\s+[^\s。，,；;！？]{1,40}){1,6}$")
_CRUMB_SEPARATOR = re.compile(r"^[>›»＞/]+$")
_CRUMBS = re.compile(r"^首页(?:\s*[>›»＞]\s*[^>›»＞]{1,20})+$")
_PAGE_ID = re.compile(r"^[0-9a-fA-F]{32}[：:][^。！？]{0,60}$")
_URL = re.compile(
    r"^(?:(?:网址|链接|本文链接|原文链接|原文地址|原文网址|本页地址|本页网址|页面地址|来源网址)"
    r"\s*[：:]\s*)?(https?://[!-~]+)$"
)
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_FOOTER = re.compile(
    r"版权所有|Copyright|©|ICP备|公网安备|网站标识码|主办单位|承办单位|技术支持|网站地图|"
    r"联系我们|设为首页|加入收藏"
)
_NAV_SEPARATOR = re.compile(r"[\s|｜丨·]+")
_LEADING_MENU = re.compile(r"^(?:【[^】]{1,6}】\s*|\[[^\]]{1,6}\]\s*|[•·●▪]\s*)+")
# How a report's title ends: such a line is never a byline's value.
_DOCUMENT = re.compile(r"(?:报告|总结|公报|要点|规划|纲要|计划|方案|意见|通知|决定|讲话|年鉴)$")
_CELL = re.compile(r"\s*[|｜\t]\s*")
# A list bullet a page puts before each item of its byline or menu (`• 来源:市审计局`).
_BULLET = re.compile(r"^[•●▪◦·]\s*")
# A rule drawn with characters (`----`, `********`, `======`).
_SEPARATOR = re.compile(r"^([-*=_~#—─━·•])\1{2,}$")
# A picture's file name left where the picture was (`20240122001.jpg`, `/…/决算报表.xls`).
_IMAGE_FILE = re.compile(
    r"^/?[^\s。，,；;]{1,80}\.(?:jpe?g|png|gif|bmp|webp|xlsx?|docx?|pdf|wps)$", re.IGNORECASE
)
# A newspaper's page line (`第一版:要闻版总第4492期 >2024-01-22编印`).
_EDITION = re.compile(r"^第[一二三四五六七八九十\d]{1,4}版\s*[：:]\S{0,12}版[^。！？]{0,40}$")
# An online library's note on the work a page belongs to (`本作品收錄於《…》`).
_LIBRARY_NOTE = re.compile(r"^本作品(?:收錄於|收录于|收錄于)")
# "Bookmark this page (Ctrl+D)" prompts.
_BOOKMARK = re.compile(r"Ctrl\s*\+\s*D|设为书签|收藏本站|收藏本页")
# The end mark of a press release (`完`), and a reprint note (`（转载自…新闻公报）`).
# A page's own summary of the article above its text (`【摘要】:…`), repeating the text.
_SUMMARY = re.compile(r"^[【\[](?:摘要|内容摘要|内容提要|导读|核心提示)[】\]]\s*[：:]?")
# A link with an arrow (`选择区域:>>`, `更多>>`) and a pager (`1234...全文 12 下一页`).
_LINK_ARROW = re.compile(r"^[^\s。，,；;]{1,12}\s*(?:>>|»|》》|＞＞)$")
_PAGER = re.compile(r"^[\d\s.…]*(?:全文)?[\d\s]*(?:上一页|下一页|尾页)$")
# A press release's dateline after its end mark (`2014年11月20日(星期四)`, `香港时间9时40分`).
_DATELINE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日\s*[（(]星期[一二三四五六日天][）)]"
    r"|(?:香港|澳门|澳門|北京)时间\s*\d{1,2}时\d{1,2}分)$"
)
_END_MARKS = frozenset(["完", "（完）", "(完)", "【完】", "[完]", "-完-", "—完—"])
_REPRINT = re.compile(r"^[（(](?:转载自|轉載自|转自|轉自|来源于|來源於)[^（()）]{2,40}[）)]$")


@dataclass(frozen=True)
class Unit:
    """Furniture over `size` consecutive non-blank lines: why it is not the report, and for
    each of its lines the report.yml field it holds ("" for none) with the value read."""

    reason: str
    size: int
    fields: tuple[tuple[str, str], ...] = ()  # (field, value), one per line
    # Further fields the first line gives (`发布机构: … 生成日期: …` gives two).
    more: tuple[tuple[str, str], ...] = ()

    def field_of(self, k: int) -> tuple[str, str]:
        return self.fields[k] if k < len(self.fields) else ("", "")

    @staticmethod
    def of_line(reason: str, fields: tuple[tuple[str, str], ...]) -> Unit:
        """A one-line unit giving `fields` (the first is the line's own, the rest `more`)."""
        return Unit(reason, 1, fields[:1], fields[1:])


def unit_at(texts: Sequence[str], i: int, at_end: bool = False) -> Unit | None:
    """The furniture that starts at `texts[i]` (stripped non-blank lines), or None when that line
    may be report text. `at_end`: after the report's last line, where "related links" and the
    link titles under them are furniture, and a bare date is not (it signs the report)."""
    text = _BULLET.sub("", texts[i])
    after = _BULLET.sub("", texts[i + 1]) if i + 1 < len(texts) else None
    if not text or _SEPARATOR.match(text) or _IMAGE_FILE.match(text) or _EDITION.match(text):
        return Unit(MENU, 1)
    if _BOOKMARK.search(text):
        return Unit(MENU, 1)
    if _LIBRARY_NOTE.match(text):
        return Unit(HEADER, 1)
    if at_end and (text in _END_MARKS or _REPRINT.match(text)):
        return Unit(BYLINE, 1)
    if at_end and _DATELINE.match(text):
        return Unit(BYLINE, 1, (("published", iso_date(text)),))
    if _SUMMARY.match(text) and not at_end:
        return Unit(SUMMARY, 1)
    if (_LINK_ARROW.match(text) and not _RELATED.match(text)) or (at_end and _PAGER.match(text)):
        return Unit(MENU, 1)
    if text in _MENU_WORDS or _MENU_LINE.match(text) or _menu_words_only(text):
        return Unit(MENU, 1)
    crumbs = _breadcrumb(texts, i)
    if crumbs:
        return Unit(BREADCRUMB, crumbs)
    if _nav_bar(text):
        return Unit(MENU, 1)
    if _PAGE_ID.match(text):
        return Unit(PAGE_ID, 1)
    url = _URL.match(text)
    if url:
        return Unit(ADDRESS, 1, (("url", url.group(1)),))
    if _FOOTER.search(text) and len(text) <= 120 and not _SENTENCE_END.search(text):
        return Unit(FOOTER, 1)
    record = _record_row(text)
    if record is not None:
        return Unit.of_line(DISCLOSURE, record)
    label = _label_only(text)
    if label is not None:
        return _label_and_value(label, after, colon=text.rstrip()[-1] in "：:")
    fields = label_values(text)
    if fields is not None:
        reason = DISCLOSURE if any(k in _RECORD_LABELS for k, _ in fields) else BYLINE
        return Unit.of_line(reason, _best_fields(fields))
    if DATETIME.match(text) or _STAMPED.match(text):
        return None if at_end else Unit(BYLINE, 1, (("published", iso_date(text)),))
    if at_end and _END_LINKS.match(text):
        return Unit(RELATED, 1)
    if at_end and _RELATED.match(text):
        links = 0
        while i + 1 + links < len(texts) and unit_at(texts, i + 1 + links) is None:
            if not _link_title(texts[i + 1 + links]) or links == MAX_LINKS:
                return None
            links += 1
        return Unit(RELATED, 1 + links)
    return None


def iso_date(text: str) -> str:
    """`2026-02-09 09:45:30`, `2026年2月9日` → `2026-02-09`; "" when it holds no valid date."""
    match = _DATE.search(text)
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def label_values(text: str) -> list[tuple[str, str]] | None:
    """`发布时间：2021-01-15 10:23  来源：市教育局  浏览次数：1234` → [(发布时间, 2021-01-15
    10:23), (来源, 市教育局), (浏览次数, 1234)]: a line made only of labelled values (and menu
    words, a time stamp before them), else None."""
    body = _LEADING_DATETIME.sub("", _LEADING_MENU.sub("", text, count=1), count=1)
    matches = list(_LABEL_AT.finditer(body))
    if not matches or body[: matches[0].start()].strip():
        return None
    out = []
    for k, match in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(body)
        value = _strip_menu(body[match.end() : end].strip().rstrip("）)】]").strip())
        if len(value) > MAX_VALUE or _SENTENCE_END.search(value):
            return None
        out.append((_name(match.group(1) or match.group(2)), value))
    stamp = _LEADING_DATETIME.match(_LEADING_MENU.sub("", text, count=1))
    if stamp:
        out.insert(0, ("时间", stamp.group(0).strip()))
    return out


def _best_fields(fields: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The report.yml fields a line of labelled values gives, each by its labels' priority
    (`生成日期` over `成文日期`), in the order of the fields' names; (("", ""),) for none."""
    best: dict[str, tuple[int, str]] = {}
    for label, value in fields:
        field, rank = LABELS[label]
        if field == "published":
            value = iso_date(value)
        if field and value and (field not in best or rank < best[field][0]):
            best[field] = (rank, value)
    return tuple((name, best[name][1]) for name in sorted(best)) or (("", ""),)


def _label_only(text: str) -> str | None:
    """`发表时间：`, `索引号` (a label without its colon): the label, else None."""
    match = re.fullmatch(rf"[【\[（(]?({_LABEL})\s*[：:]?", text)
    return _name(match.group(1)) if match else None


def _name(written: str) -> str:
    """A label as LABELS has it: `索 引 号` → 索引号."""
    return re.sub(r"[ \u3000]", "", written)


def _label_and_value(label: str, value: str | None, colon: bool) -> Unit | None:
    """A label line and the value on the next line; a label with a colon and no value (the
    page fills it in with a script) alone; a word that is only a label without colon and value
    is no furniture."""
    field, _ = LABELS[label]
    if value is not None and _is_value(value) and (field != "published" or iso_date(value)):
        value_field = iso_date(value) if field == "published" else value
        return Unit(
            DISCLOSURE if label in _RECORD_LABELS else BYLINE,
            2,
            ((field, value_field), (field, value_field)) if field else (),
        )
    if not colon:
        return None
    return Unit(DISCLOSURE if label in _RECORD_LABELS else BYLINE, 1)


def _is_value(text: str) -> bool:
    """A label's value on the next line: short, no sentence, not a label or a heading itself."""
    return (
        len(text) <= MAX_VALUE
        and not _SENTENCE_END.search(text)
        and not _DOCUMENT.search(text)
        and not numbering_of(text)
        and _label_only(text) is None
        and not label_values(text)
        and text not in _MENU_WORDS
        and not _MENU_LINE.match(text)
    )


def _record_row(text: str) -> tuple[tuple[str, str], ...] | None:
    """A disclosure record written as a table row (`索引号 | /2025-0000 | 公开目录: | 工作报告 |`):
    the fields it gives (see `_best_fields`), else None."""
    if "|" not in text and "｜" not in text and "\t" not in text:
        return None
    cells = [c for c in _CELL.split(text.strip("|｜ \t")) if c]
    names = [_name(cell.rstrip("：:")) for cell in cells]
    if not cells or names[0] not in LABELS:
        return None
    pairs = [
        (name, cells[k + 1])
        for k, name in enumerate(names)
        if name in LABELS and k + 1 < len(cells) and names[k + 1] not in LABELS
    ]
    return _best_fields(pairs)


def _breadcrumb(texts: Sequence[str], i: int) -> int:
    """How many lines a breadcrumb starting at `texts[i]` takes (0: none here)."""
    text = texts[i]
    if _CRUMBS.match(text) or _SPACED_CRUMBS.match(text):
        return 1
    size = 0
    if _BREADCRUMB_START.match(text):
        rest = _BREADCRUMB_START.sub("", text).strip()
        if _SENTENCE_END.search(rest) or len(rest) > 80:
            return 0
        size = 1
        if not rest and i + 1 < len(texts) and texts[i + 1] == "首页":
            size = 2
    elif text == "首页" and i + 1 < len(texts) and _CRUMB_SEPARATOR.match(texts[i + 1]):
        size = 1
    if not size:
        return 0
    while i + size + 1 < len(texts) and _CRUMB_SEPARATOR.match(texts[i + size]):
        item = texts[i + size + 1]
        if len(item) > 20 or _SENTENCE_END.search(item) or _CRUMB_SEPARATOR.match(item):
            break
        size += 2
    return size


def _nav_bar(text: str) -> bool:
    """`网站首页 | 政务公开 | 政务服务 | 互动交流`: a site's navigation, short words only."""
    words = [w for w in _NAV_SEPARATOR.split(text) if w]
    return (
        len(words) >= 3
        and any("首页" in w for w in words)
        and all(len(w) <= 8 and not _SENTENCE_END.search(w) for w in words)
    )


def _menu_words_only(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and all(w in _MENU_WORDS or _MENU_LINE.match(w) for w in words)


def _strip_menu(value: str) -> str:
    words = value.split()
    while words and (words[-1] in _MENU_WORDS or _MENU_LINE.match(words[-1])):
        words.pop()
    return " ".join(words)


def _link_title(text: str) -> bool:
    """A line under "related links" that is a link's title, so that the heading is the page's
    and not the report's own words: short, not a sentence or a numbered heading. Anything else
    keeps the heading and everything under it."""
    return len(text) <= 60 and not _SENTENCE_END.search(text) and not numbering_of(text)
