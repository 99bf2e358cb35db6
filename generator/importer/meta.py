"""What report.yml says about a report, read from its text: publisher, year, subtitle, speaker,
date of publication, address.

The publisher (`organisation`), in order of trust: what the editor gives (`--organisation`), a
disclosure record's `发布机构`, a signature line at the end (`（万载县统计局）`), the body signing
the notice a document was delivered with, or named before `关于` in its title (see `covering`;
`市人民政府办公室` with the region the document's title names), the speaker of a
government work report (`广东省省长 孟凡利` → 广东省人民政府; `省长 罗东川` with the region from
the subtitle, `在青海省第十四届人民代表大会…`), the region of a government work report's title
(`2026年浙江省政府工作报告`, `陕西省2026年政府工作报告` → …人民政府), the words before the year in
the title (`杭州市教育局2020年工作总结`), and last the page's `信息来源` when it names a publisher
(not a newspaper or a site).

The year: `--year`, else the first `NNNN年` of the title (the first of a span: `2022—2024年`),
else of the subtitle (the year a government work report is delivered in is the one it is named
after), else the year of the page's date. Nothing else is guessed: what cannot be read is asked
for (see `run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.report_file import FIRST_YEAR, LAST_YEAR
from generator.importer.chrome import PAGE_SOURCE
from generator.importer.document import Block, Found, Outline, Paragraph

PAGE_SOURCE_HOW = "the page's source"

_ORG_END = (
    "人民政府|政府|委员会|办公厅|办公室|人民法院|人民检察院|法院|检察院|医院|学院|大学|学校|中心"
    "|集团|公司|管理处|局|厅|署|委|院|处|所|馆|站|队|部|办"
)
_ORG = rf"[\u4e00-\u9fff（）()]{{1,30}}?(?:{_ORG_END})"
ORG_NAME = re.compile(rf"^{_ORG}$")  # a whole line (or word) that names a publisher
_SIGNATURE = re.compile(rf"^[（(]({_ORG})[）)]$")
_REGION = r"\S{1,14}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|旗|盟)"
_SPEAKER_REGION = re.compile(
    rf"^({_REGION})(?:人民政府)?代?(?:省长|市长|县长|区长|州长|盟长|旗长|主席)[\s\u3000]"
)
# The office before a speaker's name (`…审计局局长`, `…人民政府副市长`, `…委员会委员长`).
_SPEAKER_OFFICE = re.compile(
    rf"^({_ORG})(?:常务)?[副代]?[\u4e00-\u9fff]{{0,3}}(?:长|主席|主任)[\s\u3000]"
)
_GENERIC = re.compile(r"^(?:自治区|省|市|县|区|州|旗|盟)$")
_LEVEL = re.compile(r"^(?:省|市|县|区|州|旗|盟)")  # `市审计局`: whose city?
_GOVERNMENT_REPORT = re.compile(r"政府(?:信息公开)?工作(?:年度)?报告")
_YEAR_FIRST = re.compile(rf"^\d{{4}}年({_REGION})(?:人民)?政府(?:信息公开)?工作(?:年度)?报告")
_TITLE_PREFIX = re.compile(r"^(.+?)(\d{4})年")
_YEAR_WORDS = "[〇零一二三四五六七八九]"
# `2023年度泸州市中医医院单位决算`, `最高人民法院工作报告`: a name before the kind of document.
_NAMED_DOCUMENT = re.compile(
    rf"^(?:(?:\d{{4}}|{_YEAR_WORDS}{{4}})年度?)?({_ORG})(?:单位|部门|机关)?"
    r"(?:\d{4}年度?)?(?:工作总结|工作报告|工作要点|工作计划|决算|预算|年度报告|信息公开工作年度报告)"
)
# A note before a title (`（两会受权发布）`).
_NOTE_BEFORE = re.compile(r"^(?:[（(][^（()）]{1,12}[）)]|【[^【】]{1,12}】)\s*")
_CONGRESS = re.compile(rf"在({_REGION})第[一二三四五六七八九十]+届人民代表大会")
# `2024年`, and the first of a span (`（2022—2024年）`: a plan made in its first year).
_YEAR = re.compile(rf"(\d{{4}}|{_YEAR_WORDS}{{4}})(?:\s*[—–~-]{{1,2}}\s*\d{{4}})? ?年")
_LEADING_REGION = re.compile(rf"^(?:关于)?(?:\d{{4}}年度?)?({_REGION})")
_REGION_AFTER_AT = re.compile(rf"在({_REGION})")


@dataclass(frozen=True)
class Metadata:
    """report.yml's fields as read (None: not found), each with the line it came from."""

    organisation: Found | None
    year: Found | None
    subtitle: Found | None = None
    speaker: Found | None = None
    published: Found | None = None
    url: Found | None = None


def read_metadata(outline: Outline, title: Found) -> Metadata:
    """The fields of `outline`'s report, whose title (a line of it, a disclosure record's
    `文件名称`, or the file name) is `title`."""
    fields = outline.fields
    subtitle = fields.get("subtitle")
    published = fields.get("published")
    return Metadata(
        organisation=_organisation(outline, title),
        year=_year(title, subtitle, published),
        subtitle=subtitle,
        speaker=fields.get("speaker"),
        published=published,
        url=fields.get("url"),
    )


def _organisation(outline: Outline, title: Found) -> Found | None:
    fields = outline.fields
    if "organisation" in fields:
        return fields["organisation"]
    signature = _last_paragraph(outline)
    if signature and (match := _SIGNATURE.match(signature.value)):
        return Found(match.group(1), signature.line)
    speaker = fields.get("speaker")
    subtitle = fields.get("subtitle")
    notice = outline.notice
    for found in (notice.signer, notice.issuer) if notice else ():
        if found is not None:
            named = _placed(found.value, title.value, subtitle.value if subtitle else "")
            if named:
                return Found(named, found.line, found.how)
    government = bool(_GOVERNMENT_REPORT.search(title.value))
    if speaker and (match := _SPEAKER_REGION.match(speaker.value)):
        region = match.group(1)
        if not _GENERIC.match(region):
            return Found(f"{region}人民政府", speaker.line)
        government = True
    if government:
        region = _title_region(title.value)
        if region:
            return Found(f"{region}人民政府", title.line, title.how)
        congress = _CONGRESS.search(subtitle.value) if subtitle else None
        if subtitle and congress:
            return Found(f"{congress.group(1)}人民政府", subtitle.line)
    if speaker and (match := _SPEAKER_OFFICE.match(speaker.value)):
        named = _placed(match.group(1), title.value, subtitle.value if subtitle else "")
        if named:
            return Found(named, speaker.line)
    return _named_in_title(title) or _page_source(fields)


def _placed(name: str, title: str, subtitle: str) -> str:
    """`name`, or for a name such as `市审计局` (whose city?) the name with the region that the
    title or subtitle names (`宁波市审计局`); "" when neither names one."""
    if not _LEVEL.match(name):
        return name
    level = name[0]
    region = _region_named(title, subtitle, level)
    return region + name[len(level) :] if region else ""


# What a news site gives as a page's source is a newspaper or a site, not a publisher.
_NOT_PUBLISHER = re.compile(r"报|网|社|台|频道|客户端|新闻|传媒|融媒")


def _page_source(fields: dict[str, Found]) -> Found | None:
    """The page's `信息来源：芜湖市教育局`, when it names a publisher (and says which region's)."""
    source = fields.get(PAGE_SOURCE)
    if source is None or not ORG_NAME.match(source.value) or _LEVEL.match(source.value):
        return None
    if _NOT_PUBLISHER.search(source.value):
        return None
    return Found(source.value, source.line, PAGE_SOURCE_HOW)


def _named_in_title(title: Found) -> Found | None:
    """`杭州市教育局2020年工作总结`, `2023年度泸州市中医医院单位决算`, `最高人民法院工作报告`:
    the publisher the title names (a name ending as publishers' names end: 局, 委员会, 院 …),
    or the region before the year (`玉环市2019年…统计公报`)."""
    text = _NOTE_BEFORE.sub("", title.value).removeprefix("关于")
    prefix = _TITLE_PREFIX.match(text)
    if prefix and (re.fullmatch(_ORG, prefix.group(1)) or re.fullmatch(_REGION, prefix.group(1))):
        return Found(prefix.group(1), title.line, title.how)
    named = _NAMED_DOCUMENT.match(text)
    if named:
        return Found(named.group(1), title.line, title.how)
    return None


def _region_named(title: str, subtitle: str, level: str) -> str:
    """The region of a speaker's `市审计局` (the `level` 市) that the title or subtitle names
    (`关于2022年度宁波市级预算执行…`, `——…在珠海市第九届…` → 宁波市, 珠海市), else ""."""
    for match in (_LEADING_REGION.match(title), _REGION_AFTER_AT.search(subtitle)):
        if match and match.group(1).endswith(level) and not _GENERIC.match(match.group(1)):
            return match.group(1)
    return ""


def _title_region(title: str) -> str:
    """`2026年浙江省政府工作报告` → 浙江省, `陕西省2026年政府工作报告` → 陕西省; "" if none."""
    year_first = _YEAR_FIRST.match(title)
    if year_first:
        return year_first.group(1)
    prefix = _TITLE_PREFIX.match(title)
    if prefix and re.fullmatch(_REGION, prefix.group(1)):
        return prefix.group(1)
    return ""


def _year(title: Found, subtitle: Found | None, published: Found | None) -> Found | None:
    for found in (title, subtitle, published):
        if found is None:
            continue
        match = _YEAR.search(found.value) or re.match(r"(\d{4})-", found.value)
        if match:
            year = _year_number(match.group(1))
            if FIRST_YEAR <= year <= LAST_YEAR:
                return Found(str(year), found.line, found.how)
    return None


def _year_number(written: str) -> int:
    """`2024` → 2024, `二〇二四`, `二零二四` → 2024."""
    if written.isdigit():
        return int(written)
    return int("".join(str("〇一二三四五六七八九".find(ch) if ch != "零" else 0) for ch in written))


def _last_paragraph(outline: Outline) -> Found | None:
    blocks: list[Block] = outline.headings[-1].body if outline.headings else outline.preamble
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    if not paragraphs:
        return None
    return Found(paragraphs[-1].text, paragraphs[-1].line.number)
